// Issue 63: a tag no asset under the folder holds is changed from its dialog at once, once the
// preview read every asset; on a connection marked production, AEM's command is sent only after
// the connection's name is typed (a wrong name leaves the button disabled and AEM untouched; the
// sandbox's taxonomy is read over HTTP). Then the dialog says what AEM did. English and French,
// axe clean in both; screenshots of the question go to E2E_ARTIFACTS.
//
// The specs share the app's folders and keyring within one scripts/e2e.sh run: this file
// starts and ends with no connections.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { By } from "selenium-webdriver";
import { withApp, byTestId, press, startSandboxBinary, eventually, screenshot, importSandboxConnection, deleteConnections, connectionAction } from "../lib/app.mjs";
import { seriousViolations } from "../lib/a11y.mjs";
import { chooseLanguage } from "../lib/plain.mjs";

let sandbox;
// Tags no seeded asset holds: one deleted in each language.
const KAYAK = "wknd-shared:activity/kayak";
const SAILING = "wknd-shared:activity/sailing";

/** A token of the sandbox's own, to read and change its taxonomy as AEM's API would. */
const token = async () => (await fetch(`${sandbox.url}/__sandbox/dev-token`, { method: "POST" }).then((r) => r.json())).accessToken;

/** Sends `/bin/tagcommand` to the sandbox with `fields`. */
async function tagCommand(fields) {
  const response = await fetch(`${sandbox.url}/bin/tagcommand`, {
    method: "POST",
    headers: { Authorization: `Bearer ${await token()}` },
    body: new URLSearchParams(fields),
  });
  assert.equal(response.status, 200, `tagcommand ${JSON.stringify(fields)}`);
}

/** Whether the sandbox still serves the tag `id`. */
async function tagServed(id) {
  const [ns, local] = id.split(":");
  const response = await fetch(`${sandbox.url}/content/cq:tags/${ns}/${local}.0.json`, {
    headers: { Authorization: `Bearer ${await token()}` },
  });
  return response.status === 200;
}

before(async () => {
  sandbox = await startSandboxBinary({ assets: 20 });
  await tagCommand({ cmd: "createTag", tag: KAYAK, "jcr:title": "Kayak" });
  await tagCommand({ cmd: "createTag", tag: SAILING, "jcr:title": "Sailing" });
});

after(() => sandbox?.stop());

/** Marks the connection `id` production; returns its name as the card shows it. */
async function markProduction(driver, id) {
  await press(driver, "nav-connections");
  const card = () => driver.findElement(By.css(`[data-connection-id="${id}"]`));
  await connectionAction(driver, id, "toggle-production");
  // Changing it is asked first (issue 68): the badge says the state.
  await press(driver, "production-change-confirm");
  await eventually(async () => (await (await card()).findElements(By.css('[data-testid="badge-production"]'))).length === 1,
    "the connection is not marked production");
  return (await (await card()).findElement(By.css('[data-testid="connection-name"]'))).getText();
}

/** Tags page → Delete on `tag` → Preview (every asset under /content/dam read) → the "at once"
 *  button, pressed: the production question. */
async function askToDeleteAtOnce(driver, tag) {
  await press(driver, "nav-tags");
  await byTestId(driver, "tags-count", 60_000);
  const row = await driver.findElement(By.css(`[data-tag="${tag}"] > .tag`));
  await (await row.findElement(By.css('[data-testid="tag-select"]'))).click();
  await press(driver, "tag-delete");
  await press(driver, "tag-change-preview");
  await byTestId(driver, "tag-change-unused", 120_000);
  await press(driver, "tag-change-now");
  return byTestId(driver, "production-dialog");
}

/** Types `typed` into the name field, replacing what is there. */
async function typeName(driver, typed) {
  const input = await byTestId(driver, "production-confirm-input");
  await input.clear();
  await input.sendKeys(typed);
  await eventually(async () => (await input.getAttribute("value")) === typed, "the name was not typed");
}

test("a tag changed at once on production: AEM's command is sent only once the connection's name is typed", async (t) => {
  await withApp(t, async (driver) => {
    const id = await importSandboxConnection(driver, sandbox);
    const name = await markProduction(driver, id);

    const dialog = await askToDeleteAtOnce(driver, KAYAK);
    // Issue 77: the tag by its title, how many assets hold it, and no second dialog under it.
    const asked = await dialog.getText();
    assert.match(asked, /Change the tag “Kayak” in AEM’s taxonomy on production\?/);
    assert.ok(asked.includes(`AEM deletes the tag “Kayak” from the taxonomy of ${name}, a connection marked production. No asset under /content/dam holds it.`), asked);
    assert.ok(!asked.includes(KAYAK), `the dialog names the tag by its id: ${asked}`);
    assert.equal((await driver.findElements(By.css('[data-testid="tag-change-dialog"]'))).length, 0, "the change dialog is still under the production question");
    const confirm = await byTestId(driver, "production-confirm-button");
    await typeName(driver, `${name} staging`);
    assert.equal(await confirm.isEnabled(), false, "enabled with another name");
    assert.deepEqual(await seriousViolations(driver), []);
    await screenshot(driver, "26-tag-at-once-production-en");
    assert.ok(await tagServed(KAYAK), "AEM was sent the command before the name was typed");

    await typeName(driver, name);
    await eventually(() => confirm.isEnabled(), "the connection's name does not enable the button");
    await confirm.click();
    const done = await byTestId(driver, "tag-change-done", 60_000);
    assert.equal(await done.getText(), "AEM deleted the tag.");
    assert.equal(await tagServed(KAYAK), false, "AEM still has the tag");
    await press(driver, "tag-change-close");

    await chooseLanguage(driver, "fr");
    const dialogFr = await askToDeleteAtOnce(driver, SAILING);
    // WebDriver's text turns no-break spaces into spaces: the catalogue's typography is the
    // component tests' (TagsPage.test.ts, TagStepNote.test.ts).
    assert.match(await dialogFr.getText(), /Modifier la balise «\sSailing\s» dans la taxonomie d’AEM en production\s\?/);
    assert.match(await dialogFr.getText(), /Aucune ressource sous \/content\/dam ne la porte\./);
    await typeName(driver, "autre nom");
    assert.equal(await (await byTestId(driver, "production-confirm-button")).isEnabled(), false, "enabled with another name");
    assert.deepEqual(await seriousViolations(driver), []);
    await screenshot(driver, "26-tag-at-once-production-fr");
    assert.ok(await tagServed(SAILING), "AEM was sent the command before the name was typed");
    await typeName(driver, name);
    await press(driver, "production-confirm-button");
    const doneFr = await byTestId(driver, "tag-change-done", 60_000);
    assert.equal(await doneFr.getText(), "AEM a supprimé la balise.");
    assert.equal(await tagServed(SAILING), false, "AEM still has the tag");
    await press(driver, "tag-change-close");
    await chooseLanguage(driver, "system");

    await deleteConnections(driver, [id]);
  });
});
