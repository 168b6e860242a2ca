// Tokens go only to Adobe's AEM hosts, this computer, or a host the user trusts by name
// (issue 40), in the window: a development token dropped with a look-alike address
// (author-p1-e2.adobeaemcloud.com.evil.test) is not imported until the user, shown the host and
// told it is not Adobe's, confirms it; "Don't import" leaves nothing stored; a stored
// connection moved to another host is flagged on its card until trusted there.
//
// The specs share the app's folders and keyring within one scripts/e2e.sh run: this file
// starts and ends with no connections.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { By, Key } from "selenium-webdriver";
import {
  withApp,
  simulateDrop,
  startSandboxBinary,
  keychainEntries,
  eventually,
  connectionCards,
  openAddressEdit,
  deleteConnections,
  screenshot,
  byTestId,
} from "../lib/app.mjs";

const LOOK_ALIKE = "https://author-p1-e2.adobeaemcloud.com.evil.test";
const HOST = "author-p1-e2.adobeaemcloud.com.evil.test";

let sandbox;

before(async () => {
  sandbox = await startSandboxBinary();
});

after(() => {
  sandbox?.stop();
});

async function pendingRow(driver, file) {
  return eventually(async () => {
    for (const row of await driver.findElements(By.css('[data-testid="drop-result"]'))) {
      if ((await row.getText()).includes(file) && (await row.getAttribute("data-outcome")) === "needsChoice") return row;
    }
    return null;
  }, `no pending import for ${file}`, 30_000);
}

test("a look-alike AEM host is shown, said not to be Adobe's, and imported only once trusted", async (t) => {
  await withApp(t, async (driver) => {
    const file = "local-development-token.json";
    await simulateDrop(driver, [sandbox.file(file)]);
    let row = await pendingRow(driver, file);
    let form = await row.findElement(By.css('[data-testid="pending-form"]'));
    await form.findElement(By.css('[data-testid="pending-url"]')).sendKeys(LOOK_ALIKE);
    await form.findElement(By.css('[data-testid="pending-submit"]')).click();
    const warning = await eventually(async () => (await form.findElements(By.css('[data-testid="pending-untrusted"]')))[0],
      "no warning about the host");
    const words = await warning.getText();
    assert.ok(words.includes(`${HOST} is not one of Adobe’s AEM hosts.`), words);
    assert.match(words, /token would be sent to it/);
    const submit = await form.findElement(By.css('[data-testid="pending-submit"]'));
    assert.equal(await submit.getText(), `Trust ${HOST} and import`);
    // The controls are not hidden in a small box that scrolls (issue 77).
    const list = await byTestId(driver, "drop-result-list");
    assert.ok(await driver.executeScript("return arguments[0].scrollHeight <= arguments[0].clientHeight + 1", list), "the import controls scroll in a box of their own");
    await screenshot(driver, "16-untrusted-host-asked", { shows: submit });
    assert.deepEqual(await connectionCards(driver), [], "nothing stored before the user trusts it");
    assert.deepEqual(keychainEntries(), [], "no secret stored before the user trusts it");

    // "Don't import": nothing is stored.
    await form.findElement(By.xpath('.//button[normalize-space()="Don’t import"]')).click();
    await eventually(async () => (await driver.findElements(By.css('[data-testid="pending-form"]'))).length === 0,
      "the pending import did not go away");
    assert.deepEqual(keychainEntries(), []);

    // Again, trusted this time.
    await simulateDrop(driver, [sandbox.file(file)]);
    row = await pendingRow(driver, file);
    form = await row.findElement(By.css('[data-testid="pending-form"]'));
    await form.findElement(By.css('[data-testid="pending-url"]')).sendKeys(LOOK_ALIKE);
    await form.findElement(By.css('[data-testid="pending-submit"]')).click();
    await eventually(async () => (await form.findElements(By.css('[data-testid="pending-untrusted"]')))[0],
      "no warning about the host");
    await form.findElement(By.css('[data-testid="pending-submit"]')).click();
    const card = await eventually(async () => (await connectionCards(driver)).find((c) => c.text.includes(HOST)),
      "the trusted connection was not stored");
    const el = await driver.findElement(By.css(`[data-connection-id="${card.id}"]`));
    assert.equal((await el.findElements(By.css('[data-testid="untrusted-host"]'))).length, 0, "trusted: not flagged");

    // Moved to another host that is not Adobe's: flagged until trusted on the card.
    const input = await openAddressEdit(driver, card.id);
    await input.clear();
    await input.sendKeys("https://aem.example.test", Key.ENTER);
    const flag = await eventually(async () => (await el.findElements(By.css('[data-testid="untrusted-host"]')))[0],
      "the moved connection is not flagged");
    const flagged = await flag.getText();
    assert.ok(flagged.includes("aem.example.test is not one of Adobe’s AEM hosts."), flagged);
    assert.match(flagged, /not used until you trust it/);
    await screenshot(driver, "16-untrusted-host-flagged");
    await flag.findElement(By.css('[data-testid="trust-host"]')).click();
    await eventually(async () => (await el.findElements(By.css('[data-testid="untrusted-host"]'))).length === 0,
      "the flag did not go once trusted");

    await deleteConnections(driver);
  });
  assert.deepEqual(keychainEntries(), [], "the file ends with no connections");
});
