// Access tokens end to end, against a sandbox started here: "Test connection" on service
// credentials shows the technical account AEM reports and the token's time left, and the card
// says "token valid …"; after a restart the token comes from the keychain (the sandbox issued
// no second one); a token revoked by IMS is replaced silently, once; an AEM that cannot be
// reached is reported in words. No answer of any command holds the token.
//
// The specs share the app's folders and keyring within one scripts/e2e.sh run: this file
// starts and ends with no connections.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { By, Key } from "selenium-webdriver";
import {
  withApp,
  byTestId,
  press,
  simulateDrop,
  startSandboxBinary,
  keychainEntries,
  eventually,
  connectionCards,
  openAddressEdit,
  openTechnical,
  screenshot,
  PROFILE,
} from "../lib/app.mjs";

let sandbox;
/** The connection imported by the first test. */
let id;

before(async () => {
  sandbox = await startSandboxBinary();
});

after(() => sandbox?.stop());

async function counters() {
  const response = await fetch(`${sandbox.url}/__sandbox/counters`);
  assert.equal(response.status, 200);
  return response.json();
}

/** Tokens the sandbox's IMS issued to the service credentials' client id. */
async function tokensIssued() {
  return (await counters()).tokens_issued[sandbox.service.integration.technicalAccount.clientId] ?? 0;
}

/** The access token the app cached in the keychain (a JSON record, maybe stored in parts). */
function cachedToken(connectionId) {
  const key = `conn/${connectionId}/access-token`;
  const lookup = (k) => {
    const run = spawnSync("secret-tool", ["lookup", "service", PROFILE, "username", k], { encoding: "utf8" });
    if (run.error) throw run.error;
    return run.stdout;
  };
  let value = lookup(key);
  const parts = value.match(/^metadesk-chunked:v1:(\d+)$/);
  if (parts) value = Array.from({ length: Number(parts[1]) }, (_, i) => lookup(`${key}#${i + 1}`)).join("");
  const token = JSON.parse(value).accessToken;
  assert.ok(typeof token === "string" && token.length > 40, "a token is cached in the keychain");
  return token;
}

/**
 * Records everything the Rust side hands the page from now on: command answers, channel
 * messages and events all arrive through Tauri's callback table (its `invoke` cannot be
 * replaced, the table's entries can be wrapped).
 */
async function recordAnswers(driver) {
  await driver.executeScript(`
    const callbacks = window.__TAURI_INTERNALS__.callbacks;
    const set = callbacks.set.bind(callbacks);
    window.__answers = [];
    callbacks.set = (id, callback) => set(id, (data) => {
      window.__answers.push(JSON.stringify(data ?? null));
      return callback(data);
    });`);
}

async function answers(driver) {
  return driver.executeScript("return window.__answers");
}

function card(driver) {
  return driver.findElement(By.css(`[data-connection-id="${id}"]`));
}

async function tokenStatus(driver) {
  return (await (await card(driver)).findElement(By.css('[data-testid="token-status"]'))).getText();
}

/** Clicks "Test connection" on the card and waits for the result panel. */
async function runTest(driver) {
  const button = await (await card(driver)).findElement(By.css('[data-testid="test-connection"]'));
  await button.click();
  await eventually(async () => (await button.getText()) === "Test connection" && (await button.isEnabled()),
    "the test did not finish", 60_000);
  const report = await (await card(driver)).findElement(By.css('[data-testid="test-report"]'));
  // The steps that passed fold under "Technical details": opened to read them.
  for (const details of await report.findElements(By.css('[data-testid="test-technical"]'))) {
    await driver.executeScript("arguments[0].open = true", details);
  }
  return report;
}

async function fact(report, key) {
  return (await report.findElement(By.css(`[data-testid="test-fact-${key}"]`))).getText();
}

test("Test connection on service credentials shows the technical account and the token's time left", async (t) => {
  await withApp(t, async (driver) => {
    await byTestId(driver, "empty-connections");
    await simulateDrop(driver, [sandbox.file("service-credentials.json")]);
    const imported = await eventually(async () => (await connectionCards(driver)).find((c) => /AEM service credentials/.test(c.text)),
      "the service credentials were not imported", 30_000);
    id = imported.id;
    // Nothing asked IMS for a token just to show the card.
    await eventually(async () => /no token yet/.test(await tokenStatus(driver)), "no token status before the first use");
    assert.equal(await tokensIssued(), 0);

    // The address inferred from the client id is a real AEM's; point it at the sandbox.
    const input = await openAddressEdit(driver, id);
    await input.clear();
    await input.sendKeys(sandbox.url, Key.ENTER);
    await eventually(async () => (await (await card(driver)).findElement(By.css('[data-testid="connection-host"]')).getText())
      .includes(new URL(sandbox.url).host), "the sandbox address is not shown");

    await recordAnswers(driver);
    const report = await runTest(driver);
    assert.equal(await report.getAttribute("data-ok"), "true", await report.getText());
    assert.match(await (await report.findElement(By.css('[data-testid="test-verdict"]'))).getText(), /The connection works/);
    const steps = await report.findElements(By.css('[data-testid="test-step"]'));
    assert.equal(steps.length, 3);
    for (const step of steps) assert.equal(await step.getAttribute("data-outcome"), "passed");
    assert.equal(await fact(report, "host"), `Reached AEM at ${new URL(sandbox.url).hostname}`);
    // The card names the AEM user and the token's time left; the test does not say them again.
    await openTechnical(driver, id);
    assert.equal(await (await (await card(driver)).findElement(By.css('[data-testid="connection-account"]'))).getText(),
      sandbox.service.integration.email);
    assert.equal((await report.findElements(By.css('[data-testid="test-fact-account"], [data-testid="test-fact-token"]'))).length, 0);
    assert.equal(await fact(report, "dam"), "The DAM can be read");
    await eventually(async () => /^token valid (23 h|24 h)/.test(await tokenStatus(driver)), "the card does not say the token is valid");
    assert.equal(await tokensIssued(), 1);

    // The token went to the keychain, never to the page.
    const token = cachedToken(id);
    const seen = await answers(driver);
    assert.ok(seen.some((a) => a.includes('"actingAs"')), `the test report was not seen: ${seen.join("\n")}`);
    assert.ok(seen.some((a) => a.includes('"token":{"state":"valid"')), `no status was seen: ${seen.join("\n")}`);
    assert.deepEqual(seen.filter((a) => a.includes(token)), [], "a command answered with the token");
    assert.ok(!(await driver.executeScript("return document.documentElement.outerHTML")).includes(token));
  });
});

test("after a restart the card shows the token from the keychain, and no new token is issued", async (t) => {
  await withApp(t, async (driver) => {
    await eventually(async () => /^token valid (23 h|24 h)/.test(await tokenStatus(driver)),
      "the cached token is not shown after a restart");
    assert.equal(await tokensIssued(), 1, "showing the status asked IMS for a token");
    const report = await runTest(driver);
    assert.equal(await report.getAttribute("data-ok"), "true", await report.getText());
    assert.equal(await tokensIssued(), 1, "the test reused the cached token");
  });
});

test("a token that IMS revoked is replaced silently, once", async (t) => {
  const revoked = await fetch(`${sandbox.url}/__sandbox/revoke`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token: cachedToken(id) }),
  });
  assert.equal(revoked.status, 200);
  await withApp(t, async (driver) => {
    const report = await runTest(driver);
    assert.equal(await report.getAttribute("data-ok"), "true", await report.getText());
    assert.match(await (await report.findElement(By.css('[data-testid="test-verdict"]'))).getText(), /The connection works/);
    assert.equal(await tokensIssued(), 2, "one new token after the revocation");
    assert.equal((await counters()).tokens_revoked, 1);
    await eventually(async () => /^token valid/.test(await tokenStatus(driver)), "the card does not show the new token");
  });
});

test("an AEM that cannot be reached is reported in words; deleting the connection cleans up", async (t) => {
  const host = new URL(sandbox.url).hostname;
  sandbox.stop();
  await withApp(t, async (driver) => {
    const report = await runTest(driver);
    const panel = await report.getText();
    assert.equal(await report.getAttribute("data-ok"), "false", panel);
    assert.match(await (await report.findElement(By.css('[data-testid="test-verdict"]'))).getText(), /does not work yet/);
    // The token comes from the keychain (kept by the previous test), so AEM is tried.
    // Said once, in one line (issue 77): one failed step says it; no fact repeats it, and no
    // path of "What this AEM allows" says it again as a permission problem.
    const failed = await report.findElements(By.css('[data-testid="test-step"][data-outcome="failed"]'));
    assert.equal(failed.length, 1, panel);
    assert.match(await failed[0].getText(), new RegExp(`Could not reach ${host.replace(/\./g, "\\.")}`));
    const whole = await driver.executeScript("return arguments[0].textContent", report);
    assert.equal(whole.match(/Could not reach/g)?.length, 1, whole);
    assert.ok(!whole.includes("lets this account read the DAM"), whole);
    // withApp saves the final state (after the delete); keep the failed panel on record too.
    await driver.executeScript("arguments[0].scrollIntoView({ block: 'center' })", report);
    await screenshot(driver, `${t.name} (panel)`);

    await (await card(driver)).findElement(By.css('[data-testid="delete-connection"]')).click();
    await press(driver, "delete-confirm");
    await byTestId(driver, "empty-connections");
  });
  assert.deepEqual(keychainEntries(), [], "the connection and its cached token left keychain entries behind");
});
