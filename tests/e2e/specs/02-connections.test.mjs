// Connections end to end: credential files from a real sandbox dropped on the window, kept in
// the real keychain (read back after a restart), refusals with their reasons, the other ways
// in (paste, local SDK, choose file, the built-in sandbox), the IMS host on each card, an IMS
// address off Adobe's list refused, a file replacing a connection only once confirmed, delete
// with a confirmation, and finally a scan of the app's folders for every secret.
//
// The specs share the app's folders and keyring within one scripts/e2e.sh run: this file
// starts and ends with no connections.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
  connectionAction,
  screenshot,
} from "../lib/app.mjs";
import { chooseLanguage } from "../lib/plain.mjs";

let sandbox;
let scratch;
/** The client secret of the "rotated" OAuth project file (also looked for on disk at the end). */
const ROTATED_SECRET = "p8e-e2e-rotated-secret-0123456789abcdef";

before(async () => {
  sandbox = await startSandboxBinary();
  scratch = mkdtempSync(join(tmpdir(), "metadesk-e2e-bad-"));
});

after(() => {
  sandbox?.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** Waits for the newest result row of `file` to reach a final state, and returns it. */
async function resultFor(driver, file, state) {
  return eventually(async () => {
    for (const row of await driver.findElements(By.css('[data-testid="drop-result"]'))) {
      if ((await row.getText()).includes(file) && (await row.getAttribute("data-outcome")) === state) return row;
    }
    return null;
  }, `no "${state}" result for ${file}`, 30_000);
}

async function cardNamed(driver, pattern) {
  return eventually(async () => (await connectionCards(driver)).find((c) => pattern.test(c.text)),
    `no connection matching ${pattern}`);
}

function entriesOf(id) {
  return keychainEntries().filter((key) => key.startsWith(`conn/${id}/`));
}

/** The secrets a connection has in the keychain, by slot (with `binding`: where they may go); large values are stored in parts
 *  (`private-key`, `private-key#1`, …), which count as one. */
function slotsOf(id) {
  return [...new Set(entriesOf(id).map((key) => key.slice(`conn/${id}/`.length).replace(/#\d+$/, "")))].sort();
}

/** Which connections exist, without their live status lines (token countdowns change). */
const identities = (cards) => cards.map(({ id, name }) => ({ id, name }));

test("a dropped service credential file is listed with its kind and expiry, and is still there after a restart", async (t) => {
  let card;
  await withApp(t, async (driver) => {
    await byTestId(driver, "empty-connections");
    await simulateDrop(driver, [sandbox.file("service-credentials.json")]);
    const row = await resultFor(driver, "service-credentials.json", "imported");
    assert.match(await row.getText(), /added/);
    card = await cardNamed(driver, /AEM service credentials/);
    // Named by its program and environment in words (issue 68), as its client id says them.
    const [, program, environment] = /^cm-p(\d+)-e(\d+)/.exec(sandbox.service.integration.technicalAccount.clientId);
    assert.equal(card.name, `Program ${program} · environment ${environment}`);
    const naming = await row.findElement(By.css('[data-testid="name-after-import"] input'));
    assert.equal(await naming.getAttribute("value"), card.name, "the name can be changed where it was added");
    await screenshot(driver, "02-name-after-import-en");
    // Credential internals wait under the card's closed "Technical details" (WebDriver's
    // getText counts a closed <details>' content as shown; the page's rendered text does not).
    const technical = await driver.findElement(By.css(`[data-connection-id="${card.id}"] [data-testid="connection-technical"]`));
    assert.equal(await technical.getAttribute("open"), null, "Technical details are open at first");
    const rendered = await driver.executeScript("return arguments[0].innerText", technical);
    assert.doesNotMatch(rendered, /The AEM user to give permissions to/);
    await openTechnical(driver, card.id);
    card = await cardNamed(driver, /AEM service credentials/);
    assert.match(card.text, /Certificate valid until/);
    assert.match(card.text, /The AEM user to give permissions to/);
    assert.ok(card.text.includes(sandbox.service.integration.email), "the technical account is shown");
    assert.match(card.text, /client secret ••••/);
    // Where its secrets go: the sandbox's IMS on this computer.
    const ims = await driver.findElement(By.css(`[data-connection-id="${card.id}"] [data-testid="connection-ims"]`));
    assert.equal(await ims.getText(), new URL(sandbox.url).host);
    assert.deepEqual(slotsOf(card.id), ["binding", "client-secret", "private-key"]);
  });
  await withApp({ name: `${t.name} (after restart)` }, async (driver) => {
    const again = await cardNamed(driver, /AEM service credentials/);
    assert.equal(again.id, card.id);
    assert.equal(again.name, card.name);
    assert.match(again.text, /Certificate valid until/);
    assert.deepEqual(slotsOf(card.id), ["binding", "client-secret", "private-key"], "the secrets are still in the keychain");

    // The address was inferred from the client id; point it at the sandbox instead.
    const el = await driver.findElement(By.css(`[data-connection-id="${card.id}"]`));
    const input = await openAddressEdit(driver, card.id);
    await input.clear();
    await input.sendKeys("http://aem.example.com", Key.ENTER);
    const error = await el.findElement(By.css('[data-testid="edit-error"]'));
    assert.match(await error.getText(), /https/);
    await input.clear();
    await input.sendKeys(sandbox.url, Key.ENTER);
    await eventually(async () => (await el.findElement(By.css('[data-testid="connection-host"]')).getText())
      .includes(new URL(sandbox.url).host), "the new address is not shown");
  });
});

test("a dropped file that is not a credential is refused with every reason, and nothing is added", async (t) => {
  const list = join(scratch, "list.json");
  writeFileSync(list, "[1, 2]");
  const truncated = join(scratch, "truncated-key.json");
  const broken = structuredClone(sandbox.readOnly);
  const key = broken.integration.privateKey;
  broken.integration.privateKey = key.slice(0, Math.floor(key.length / 2));
  delete broken.integration.technicalAccount.clientSecret;
  writeFileSync(truncated, JSON.stringify(broken));
  const before = keychainEntries();

  await withApp(t, async (driver) => {
    const cardsBefore = await connectionCards(driver);
    await simulateDrop(driver, [list, truncated]);
    const listRow = await resultFor(driver, "list.json", "refused");
    assert.match(await listRow.getText(), /list \(a JSON array\)/);
    const keyRow = await resultFor(driver, "truncated-key.json", "refused");
    const problems = await keyRow.findElements(By.css('[data-testid="refusal-problems"] li'));
    assert.ok(problems.length >= 2, "both the secret and the key are named");
    const text = await keyRow.getText();
    assert.match(text, /client secret/i);
    assert.match(text, /private key/i);

    // Pasted text goes through the same checks.
    await press(driver, "paste-json");
    await (await byTestId(driver, "paste-text")).sendKeys('{"hello": "world"}');
    await press(driver, "paste-submit");
    await resultFor(driver, "Pasted text", "refused");

    assert.deepEqual(identities(await connectionCards(driver)), identities(cardsBefore), "the list is unchanged");
  });
  assert.deepEqual(keychainEntries(), before, "nothing new in the keychain");
});

test("a development token, an OAuth project and a local SDK import too", async (t) => {
  await withApp(t, async (driver) => {
    // Neither file names its AEM environment: the page asks for it.
    await simulateDrop(driver, [sandbox.file("local-development-token.json"), sandbox.file("oauth-project.json")]);
    for (const file of ["local-development-token.json", "oauth-project.json"]) {
      const row = await resultFor(driver, file, "needsChoice");
      const form = await row.findElement(By.css('[data-testid="pending-form"]'));
      await form.findElement(By.css('button[type="submit"]')).click();
      const error = await form.findElement(By.css('[data-testid="pending-url-error"]'));
      assert.match(await error.getText(), /AEM author address/);
      await form.findElement(By.css('[data-testid="pending-url"]')).sendKeys(sandbox.url);
      if (file === "oauth-project.json") {
        // An OAuth project's IMS can be given; one off Adobe's list is refused in words.
        const ims = await form.findElement(By.css('[data-testid="pending-ims"]'));
        assert.equal(await ims.getAttribute("value"), sandbox.url, "the file's own IMS is shown");
        await ims.clear();
        await ims.sendKeys("https://adobelogin.com.evil.test");
        await form.findElement(By.css('button[type="submit"]')).click();
        const refused = await eventually(async () => (await form.findElements(By.css('[data-testid="pending-error"]')))[0],
          "the IMS address was not refused");
        assert.match(await refused.getText(), /The IMS address is not usable: .* is not Adobe IMS/);
        await ims.clear();
        await ims.sendKeys(sandbox.url);
      }
      await form.findElement(By.css('button[type="submit"]')).click();
      if (file === "local-development-token.json") {
        // The token is Adobe-issued (its IMS is ims-na1, like a real one's): on this computer
        // its host needs the user's trust, asked by name (the OAuth project's IMS is the
        // sandbox's: nothing asked).
        const host = new URL(sandbox.url).host;
        const warning = await eventually(async () => (await form.findElements(By.css('[data-testid="pending-untrusted"]')))[0],
          "no trust asked for the sandbox's host");
        assert.ok((await warning.getText()).includes(`${host} is not one of Adobe’s AEM hosts.`));
        const trust = await form.findElement(By.css('button[type="submit"]'));
        assert.equal(await trust.getText(), `Trust ${host} and import`);
        await trust.click();
      }
      await resultFor(driver, file, "imported");
    }
    const token = await cardNamed(driver, /AEM local development token/);
    assert.match(token.text, /Acts as dev\.user@metadesk\.example/);
    assert.match(token.text, /token ends/);
    const oauth = await cardNamed(driver, /OAuth Server-to-Server credential/);
    assert.ok(oauth.text.includes(new URL(sandbox.url).host));

    // A local AEM SDK typed in by hand.
    await press(driver, "add-sdk");
    const dialog = await byTestId(driver, "sdk-dialog");
    const url = await dialog.findElement(By.id("sdk-url"));
    await url.clear();
    await url.sendKeys(sandbox.url);
    await dialog.findElement(By.id("sdk-user")).sendKeys("admin");
    await dialog.findElement(By.id("sdk-password")).sendKeys("admin-password-e2e");
    await dialog.findElement(By.css('button[type="submit"]')).click();
    // By its name: other cards mention it too (an OAuth card offers it as "Paired connection").
    const sdk = await eventually(async () => (await connectionCards(driver)).find((c) => /^Local AEM SDK/.test(c.name)),
      "no connection named Local AEM SDK …");
    assert.deepEqual(slotsOf(sdk.id), ["binding", "password"]);
    assert.doesNotMatch(sdk.text, /admin-password-e2e/);
  });
});

test("a file with a stored connection's client id but another secret replaces it only once confirmed", async (t) => {
  const rotated = join(scratch, "oauth-rotated.json");
  const file = structuredClone(sandbox.oauth);
  file.project.workspace.details.credentials[0].oauth_server_to_server.client_secrets[0] = ROTATED_SECRET;
  writeFileSync(rotated, JSON.stringify(file));
  await withApp(t, async (driver) => {
    const oauth = await cardNamed(driver, /OAuth Server-to-Server credential/);
    const before = slotsOf(oauth.id);
    await simulateDrop(driver, [rotated]);
    const row = await resultFor(driver, "oauth-rotated.json", "needsChoice");
    const notice = await row.findElement(By.css('[data-testid="pending-replace"]'));
    const words = await notice.getText();
    assert.ok(words.includes(`This file would replace “${oauth.name}”`), words);
    assert.match(words, /Its client secret is different\./);
    assert.deepEqual(slotsOf(oauth.id), before, "nothing replaced yet");
    const submit = await row.findElement(By.css('[data-testid="pending-submit"]'));
    assert.equal(await submit.getText(), `Replace “${oauth.name}”`);
    await submit.click();
    const done = await resultFor(driver, "oauth-rotated.json", "updated");
    assert.ok((await done.getText()).includes(oauth.name));
    const cards = await connectionCards(driver);
    assert.equal(cards.filter((c) => /OAuth Server-to-Server credential/.test(c.text)).length, 1, "replaced, not added");
  });
});

test("Choose file… opens the system's file dialog, and cancelling it changes nothing", async (t) => {
  await withApp(t, async (driver) => {
    const before = await connectionCards(driver);
    await press(driver, "choose-file");
    // The GTK dialog is a separate native window, out of WebDriver's reach: find it with xdotool.
    const win = await eventually(() => {
      try {
        return execFileSync("xdotool", ["search", "--onlyvisible", "--name", "^Choose credential files$"], {
          encoding: "utf8",
        }).trim().split("\n")[0];
      } catch {
        return null;
      }
    }, "the file dialog did not open");
    execFileSync("xdotool", ["windowfocus", "--sync", win, "key", "Escape"]);
    await eventually(async () => (await (await byTestId(driver, "choose-file")).isEnabled()),
      "Choose file… stayed busy after the dialog was cancelled");
    assert.equal((await driver.findElements(By.css('[data-testid="action-error"]'))).length, 0);
    assert.deepEqual(identities(await connectionCards(driver)), identities(before));
  });
});

test("production is a badge, changed through the card's menu with its own question, in French and English (issue 68)", async (t) => {
  await withApp(t, async (driver) => {
    const { id } = await cardNamed(driver, /AEM service credentials/);
    const card = () => driver.findElement(By.css(`[data-connection-id="${id}"]`));
    const badges = async () => (await (await card()).findElements(By.css('[data-testid="badge-production"]'))).length;
    await chooseLanguage(driver, "fr");
    try {
      await press(driver, "nav-connections");
      await (await (await card()).findElement(By.css('[data-testid="connection-menu"]'))).click();
      const item = await (await card()).findElement(By.css('[data-testid="toggle-production"]'));
      assert.equal(await item.getAttribute("role"), "menuitem");
      assert.equal(await item.getText(), "Marquer comme production…");
      await screenshot(driver, "02-connection-menu-fr");
      await item.click();
      const dialog = await byTestId(driver, "production-change-dialog");
      assert.match(await dialog.getText(), /comme production\u202f\?/);
      await screenshot(driver, "02-production-mark-fr");
      await press(driver, "production-change-confirm");
      await eventually(async () => (await badges()) === 1, "no Production badge after marking it");
      await screenshot(driver, "02-production-badge-fr");
    } finally {
      await chooseLanguage(driver, "system");
    }
    await press(driver, "nav-connections");
    await (await (await card()).findElement(By.css('[data-testid="connection-menu"]'))).click();
    const item = await (await card()).findElement(By.css('[data-testid="toggle-production"]'));
    assert.equal(await item.getText(), "Remove the production mark…");
    await screenshot(driver, "02-connection-menu-en");
    await connectionAction(driver, id, "toggle-production");
    await press(driver, "production-change-confirm");
    await eventually(async () => (await badges()) === 0, "the Production badge stayed");
  });
});

test("Try with a sandbox AEM adds a connection marked as a sandbox, which comes back after a restart", async (t) => {
  let id;
  await withApp(t, async (driver) => {
    await press(driver, "try-sandbox");
    const card = await eventually(async () => (await connectionCards(driver)).find((c) => /Sandbox — a simulated AEM on this computer/.test(c.text)),
      "no sandbox connection", 90_000);
    id = card.id;
    assert.equal(card.name, "Sandbox");
    const el = await driver.findElement(By.css(`[data-connection-id="${id}"]`));
    await el.findElement(By.css('[data-testid="badge-sandbox"]'));
    assert.equal((await el.findElements(By.css('[data-testid="toggle-production"]'))).length, 0,
      "a sandbox cannot be marked as production");
    await eventually(async () => /Running on this computer/.test(await el.getText()), "the sandbox is not running", 60_000);
    assert.deepEqual(slotsOf(id), ["binding", "client-secret", "private-key"]);
  });
  await withApp({ name: `${t.name} (after restart)` }, async (driver) => {
    const el = await driver.findElement(By.css(`[data-connection-id="${id}"]`));
    await eventually(async () => /Running on this computer/.test(await el.getText()),
      "the sandbox did not start again", 90_000);
    const card = (await connectionCards(driver)).find((c) => c.id === id);
    assert.equal(card.name, "Sandbox", "the same connection, updated in place");
    await driver.executeScript("arguments[0].scrollIntoView({ block: 'center' })", el);
  });
});

test("delete asks first, Escape cancels, and deleting removes the keychain entries", async (t) => {
  await withApp(t, async (driver) => {
    let cards = await connectionCards(driver);
    assert.ok(cards.length >= 4, `expected the connections of the earlier tests, got ${cards.length}`);
    const first = cards[0];
    const card = () => driver.findElement(By.css(`[data-connection-id="${first.id}"]`));

    await (await card()).findElement(By.css('[data-testid="delete-connection"]')).click();
    const dialog = await byTestId(driver, "delete-dialog");
    assert.ok((await dialog.getText()).includes(first.name), "the dialog names the connection");
    await driver.switchTo().activeElement().sendKeys(Key.ESCAPE);
    await eventually(async () => (await driver.findElements(By.css('[data-testid="delete-dialog"]'))).length === 0,
      "Escape did not close the dialog");
    assert.ok((await connectionCards(driver)).some((c) => c.id === first.id), "cancelled: still listed");
    assert.ok(entriesOf(first.id).length > 0);

    // Delete every connection, so the next spec file starts from none.
    for (const victim of cards) {
      const el = await driver.findElement(By.css(`[data-connection-id="${victim.id}"]`));
      await el.findElement(By.css('[data-testid="delete-connection"]')).click();
      await press(driver, "delete-confirm");
      await eventually(async () => !(await connectionCards(driver)).some((c) => c.id === victim.id),
        `${victim.name} is still listed`);
      assert.deepEqual(entriesOf(victim.id), [], `${victim.name} left keychain entries behind`);
    }
    cards = await connectionCards(driver);
    assert.equal(cards.length, 0);
    await byTestId(driver, "empty-connections");
  });
  assert.deepEqual(keychainEntries(), []);
});

/** Every file under `dir` (missing folders are skipped). */
function filesUnder(dir) {
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(dir, name);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return [];
    return stat.isDirectory() ? filesUnder(path) : stat.isFile() ? [path] : [];
  });
}

test("no secret from the credential files is in the app's config, data, cache or log folders", () => {
  const pemLines = (pem) =>
    pem.split(/\r?\n/).filter((line) => line.length >= 40 && !line.startsWith("-----"));
  const secrets = [
    sandbox.service.integration.technicalAccount.clientSecret,
    sandbox.readOnly.integration.technicalAccount.clientSecret,
    ...pemLines(sandbox.service.integration.privateKey),
    ...pemLines(sandbox.readOnly.integration.privateKey),
    sandbox.devToken.accessToken,
    sandbox.oauth.project.workspace.details.credentials[0].oauth_server_to_server.client_secrets[0],
    "admin-password-e2e",
    ROTATED_SECRET,
  ];
  assert.ok(secrets.length > 10 && secrets.every((s) => typeof s === "string" && s.length >= 16));

  const roots = ["XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"].map((name) => {
    const dir = process.env[name];
    assert.ok(dir, `${name} is not set: run through scripts/e2e.sh`);
    return dir;
  });
  const files = roots.flatMap(filesUnder);
  assert.ok(files.some((f) => f.includes("com.metadesk.desktop.dev")), "the app's folders were scanned");
  assert.ok(files.some((f) => /metadesk\.log/.test(f)), "the log file was scanned");
  const found = [];
  for (const file of files) {
    // WebKit creates and removes its own storage files while the window runs: one that is gone
    // by now holds nothing to find.
    let text;
    try {
      text = readFileSync(file).toString("latin1");
    } catch (err) {
      if (err.code === "ENOENT") continue;
      throw err;
    }
    for (const secret of secrets) if (text.includes(secret)) found.push(`${file}: …${secret.slice(-4)}`);
  }
  assert.deepEqual(found, [], "secrets found on disk");
});
