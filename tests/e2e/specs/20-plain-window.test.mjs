// The window as a content-ops person meets it (issue 42), end to end against a sandbox started
// here. Connections: Test connection says what the connection can do in plain words, the
// technical names folded under "Technical details", the account and the token's time said once,
// in English and in French. Bulk edit: a change row keeps no value its new property cannot show;
// a preview says how its assets were found in the user's words; an old preview's Apply asks
// first, saying its age, and writes nothing until told to; the report says when it was applied.
//
// The specs share the app's folders and keyring within one scripts/e2e.sh run: this file
// starts and ends with no connections.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { By, Key } from "selenium-webdriver";
import {
  withApp,
  byTestId,
  press,
  startSandboxBinary,
  keychainEntries,
  eventually,
  deleteConnections,
  importSandboxConnection,
  pickProperty,
  screenshot,
  typeFolder,
} from "../lib/app.mjs";
import { JARGON, chooseLanguage, visibleText, writesApplied } from "../lib/plain.mjs";

const FOLDER = "/content/dam/wknd-shared/en/adventures/napa-wine-tasting";
let sandbox;

before(async () => {
  sandbox = await startSandboxBinary();
});

after(() => sandbox?.stop());

const writes = () => writesApplied(sandbox);


/** Clicks "Test connection" on card `id` and waits for the result panel. */
async function runTest(driver, id) {
  const card = () => driver.findElement(By.css(`[data-connection-id="${id}"]`));
  const button = await (await card()).findElement(By.css('[data-testid="test-connection"]'));
  await button.click();
  await eventually(async () => (await button.isEnabled()) && (await (await card()).findElements(By.css('[data-testid="test-can-do"]'))).length > 0,
    "the test did not finish", 60_000);
  return (await card()).findElement(By.css('[data-testid="test-report"]'));
}

/** How many times `needle` shows in `haystack`. */
const times = (haystack, needle) => haystack.split(needle).length - 1;

test("Test connection says in plain words what the connection can do, technical names folded away", async (t) => {
  await withApp(t, async (driver) => {
    const id = await importSandboxConnection(driver, sandbox);
    const report = await runTest(driver, id);
    const can = await (await report.findElement(By.css('[data-testid="test-can-do"]'))).getText();
    assert.match(can, /What this connection can do/);
    assert.match(can, /Can read and change metadata/);
    assert.match(can, /Can find assets by what their metadata holds/);
    assert.match(can, /Can run GraphQL queries/);
    assert.match(can, /Can publish assets to the website/);
    const seen = await visibleText(driver);
    assert.doesNotMatch(seen, JARGON, "AEM's technical names are in view");
    // Once on the card at most, once among the test's facts: not again in every step.
    assert.ok(times(seen, sandbox.service.integration.email) <= 2, `the account is said ${times(seen, sandbox.service.integration.email)} times`);
    assert.equal((await report.findElements(By.css('[data-testid="test-step"]'))).length, 3);
    const technical = await report.findElement(By.css('[data-testid="test-technical"]'));
    assert.equal(await technical.getAttribute("open"), null, "Technical details are not folded");
    await screenshot(driver, "20 connection test en");
    // Unfolded, the paths keep their technical names for whoever needs them.
    await (await technical.findElement(By.css("summary"))).click();
    assert.match(await technical.getText(), /QueryBuilder/);
    await screenshot(driver, "20 connection test en technical");

    await chooseLanguage(driver, "fr");
    await press(driver, "nav-connections");
    const french = await runTest(driver, id);
    const peut = await (await french.findElement(By.css('[data-testid="test-can-do"]'))).getText();
    assert.match(peut, /Peut lire et modifier les métadonnées/);
    assert.doesNotMatch(await visibleText(driver), JARGON);
    await screenshot(driver, "20 connection test fr");
    await chooseLanguage(driver, "system");
    await deleteConnections(driver, [id]);
  });
  assert.deepEqual(keychainEntries(), [], "the keychain should end without connections");
});

/** The journal of the newest run, under the app's data folder. */
function newestJournal() {
  const found = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else if (name.endsWith(".jsonl") && dir.endsWith("runs")) found.push({ path, at: stat.mtimeMs });
    }
  };
  walk(process.env.XDG_DATA_HOME);
  found.sort((a, b) => b.at - a.at);
  assert.ok(found.length > 0, "no run journal found");
  return found[0].path;
}

/** Makes the run of `journal` look previewed `hours` ago, as if it had waited that long. */
function ageJournal(journal, hours) {
  const shift = (at) => new Date(Date.parse(at) - hours * 3600_000).toISOString();
  const lines = readFileSync(journal, "utf8").split("\n").map((line) => {
    if (!line.trim()) return line;
    const record = JSON.parse(line);
    if (record.t === "run") record.created = shift(record.created);
    if (record.t === "previewed" || record.t === "row") {
      if (record.at) record.at = shift(record.at);
    }
    return JSON.stringify(record);
  });
  writeFileSync(journal, lines.join("\n"));
}

test("the form keeps no hidden value, and an old preview asks before it writes", async (t) => {
  assert.deepEqual(keychainEntries(), [], "the keychain should start without connections");
  await withApp(t, async (driver) => {
    const id = await importSandboxConnection(driver, sandbox);
    await press(driver, "nav-bulk");
    const select = await byTestId(driver, "bulk-connection");
    await select.findElement(By.css(`option[value="${id}"]`)).click();
    await typeFolder(driver, FOLDER);

    // Keywords, two of them; then Rating: a number box cannot show them, so they go.
    await pickProperty(driver, "dc:subject");
    const row = await byTestId(driver, "edit-row");
    await (await row.findElement(By.css('[data-testid="edit-values"]'))).sendKeys("summer", Key.ENTER, "hiking");
    await pickProperty(driver, "xmp:Rating");
    const rating = await row.findElement(By.css('[data-testid="edit-values"]'));
    assert.equal(await rating.getAttribute("type"), "number");
    assert.equal(await rating.getAttribute("value"), "");
    assert.doesNotMatch(await row.getText(), /remove the extra lines/);
    await pickProperty(driver, "dc:language");
    assert.doesNotMatch(await row.getText(), /not allowed here/);
    await screenshot(driver, "20 form after switching properties");

    // A plain title change, previewed.
    await pickProperty(driver, "dc:title");
    const title = await row.findElement(By.css('[data-testid="edit-values"]'));
    await title.clear();
    await title.sendKeys("Napa, seen again");
    await press(driver, "preview-button");
    await byTestId(driver, "preview-table", 60_000);
    const found = await byTestId(driver, "run-found-by", 30_000);
    assert.match(await found.getText(), /^The folder’s contents/);
    assert.doesNotMatch(await visibleText(driver), JARGON, "the preview shows AEM's technical names");
    await screenshot(driver, "20 preview en");

    // Two hours later, opened from Activity (which writes nothing itself): Apply on its preview
    // asks first, saying how old the preview is. This run's own preview: earlier specs may leave
    // previews of their own in Activity, and this one, two hours older now, need not be listed first.
    const journal = newestJournal();
    // Activity may first show the list it had, from before the aging: wait for the run as the
    // journal now says it is (made two hours ago), so Apply acts on what the core says.
    const ownApply = async () => {
      const item = `[data-testid="run-item"][data-run-id="${basename(journal, ".jsonl")}"]`;
      await eventually(async () => (await driver.findElements(By.css(item))).length > 0, "Activity does not list this run");
      await eventually(async () => {
        const times = await driver.findElements(By.css(`${item} time`));
        return times.length > 0 && Date.now() - Date.parse(await times[0].getAttribute("datetime")) > 3600_000;
      }, "Activity did not show the preview as two hours old", 30_000);
      await (await driver.findElement(By.css(`${item} [data-testid="open-report"]`))).click();
      return byTestId(driver, "apply-button", 60_000);
    };
    ageJournal(journal, 2);
    const before = await writes();
    await press(driver, "nav-activity");
    await (await ownApply()).click();
    const dialog = await byTestId(driver, "old-preview-dialog");
    assert.match(await dialog.getText(), /This preview is 2 h old/);
    assert.match(await (await byTestId(driver, "old-preview-when")).getText(), /2 h ago/);
    // The safe choice is the main (filled) button, and has the focus; applying anyway is not.
    const safe = await byTestId(driver, "old-preview-open");
    assert.match(await safe.getAttribute("class"), /\bbtn-primary\b/);
    assert.doesNotMatch(await (await byTestId(driver, "old-preview-apply")).getAttribute("class"), /\bbtn-primary\b/);
    assert.equal(await driver.executeScript("return document.activeElement?.dataset.testid"), "old-preview-open");
    await screenshot(driver, "20 old preview asks en");
    await driver.actions().sendKeys(Key.ESCAPE).perform();
    await eventually(async () => (await driver.findElements(By.css('[data-testid="old-preview-dialog"]'))).length === 0,
      "Escape did not close the question");
    assert.equal(await writes(), before, "an old preview was written without asking");

    await press(driver, "nav-activity");
    await (await ownApply()).click();
    await press(driver, "old-preview-apply");
    const report = await byTestId(driver, "report", 60_000);
    await eventually(async () => (await report.getAttribute("data-status")) === "completed", "the apply did not complete", 60_000);
    assert.ok((await writes()) > before, "nothing was written after Apply anyway");
    const facts = await (await report.findElement(By.css(".facts"))).getText();
    assert.match(facts, /applied /, "the report does not say when it was applied");
    assert.doesNotMatch(await visibleText(driver), JARGON, "the report shows AEM's technical names");
    await screenshot(driver, "20 applied report en");

    await deleteConnections(driver, [id]);
  });
  assert.deepEqual(keychainEntries(), [], "the keychain should end without connections");
});
