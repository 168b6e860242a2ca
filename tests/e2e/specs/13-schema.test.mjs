// The metadata schema in the window (issue 31), end to end against a sandbox started here: in
// a folder mapped to the sandbox's custom form, the change row's property picker lists the
// form's fields by label under their tabs, Language offers its dropdown's options, a value
// outside them is refused beside the change before any preview (nothing written to AEM); then
// "Find missing metadata" lists the assets lacking the required Copyright, with thumbnails, and
// opens a bulk edit of just those assets, or a sheet of just those assets (saved through the
// real GTK save dialog) with Copyright marked required as their folder's form says; and the
// folder's .xlsx sheet, read with a spreadsheet library (ExcelJS), has the form's labels, Title
// marked required and Language's cells limited to the form's values, as Excel shows them.
//
// The specs share the app's folders and keyring within one scripts/e2e.sh run: this file
// starts and ends with no connections.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { By } from "selenium-webdriver";
import ExcelJS from "exceljs";
import {
  withApp,
  byTestId,
  press,
  startSandboxBinary,
  keychainEntries,
  eventually,
  deleteConnections,
  importSandboxConnection,
  clickForNativeWindow,
  screenshot,
  sendToWindow,
  typeFolder,
  whenDone,
  sandboxConnection,
  SLOW_STATE_MS,
} from "../lib/app.mjs";

const SAVE_DIALOG = "^Export the metadata as a sheet$";
const scratch = mkdtempSync(join(tmpdir(), "metadesk-e2e-schema-"));

const FOLDER = "/content/dam/wknd-shared/en/adventures/napa-wine-tasting";
let sandbox;
/** The folder's own assets (not content fragments), path → metadata, before the spec. */
const assets = new Map();
const added = [];

before(async () => {
  sandbox = await startSandboxBinary();
  const dump = await sandbox.getJson("/__sandbox/dump");
  for (const a of dump.assets.filter((a) => a.path.startsWith(`${FOLDER}/`) && !a.path.slice(FOLDER.length + 1).includes("/"))) {
    if (a.contentFragment) continue;
    assets.set(a.path, (await sandbox.asset(a.path)).metadata);
  }
  assert.ok(assets.size > 0, `no asset in ${FOLDER}`);
});

after(() => {
  sandbox?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

/** While the missing-metadata report runs, its button is disabled; a failure shows in words. */
const MISSING_RUNNING = { busy: '[data-testid="missing-run"]:disabled', failOn: "missing-problem" };

const writes = async () => (await sandbox.getJson("/__sandbox/counters")).writes_applied;
const blank = (v) => v === undefined || v === null || (typeof v === "string" && v.trim() === "") || (Array.isArray(v) && v.every(blank));

async function pickFolder(driver, connectionId) {
  await press(driver, "nav-bulk");
  const select = await byTestId(driver, "bulk-connection");
  await select.findElement(By.css(`option[value="${connectionId}"]`)).click();
  await typeFolder(driver, FOLDER);
  await eventually(async () => {
    const el = await driver.findElement(By.css('[data-testid="scope-count"]'));
    return (await el.getAttribute("data-done")) === "1";
  }, "the number of assets in scope was not shown", SLOW_STATE_MS);
}

/** The option of the row's property picker whose words are `label`, with its group's label. */
async function optionByWords(row, label) {
  const options = await row.findElements(By.css('[data-testid="edit-property"] option'));
  for (const option of options) {
    if ((await option.getText()).trim() === label) {
      const group = await option.findElements(By.xpath("parent::optgroup"));
      return { option, group: group.length > 0 ? await group[0].getAttribute("label") : null };
    }
  }
  return null;
}

/** The spec's connection to its sandbox: the one an earlier test added, or a new one. */
async function connection(driver) {
  const id = await sandboxConnection(driver, sandbox);
  if (!added.includes(id)) added.push(id);
  return id;
}

test("a field picked by its label offers its options, and a value outside them is refused before the preview", async (t) => {
  await withApp(t, async (driver) => {
    const id = await importSandboxConnection(driver, sandbox);
    added.push(id);
    await pickFolder(driver, id);
    const note = await byTestId(driver, "schema-in-use", 30_000);
    assert.match(await note.getText(), /metadesk-brand/);

    const row = await byTestId(driver, "edit-row");
    const language = await eventually(() => optionByWords(row, "Language (dc:language)"),
      "the picker does not list Language by its label");
    assert.equal(language.group, "Rights", "Language is not under its tab");
    assert.equal(await optionByWords(row, "Format (dc:format)"), null, "a read-only field is offered");
    assert.ok(await optionByWords(row, "Another property…"), "typed names are no longer possible");
    await language.option.click();

    const values = await row.findElement(By.css('[data-testid="edit-values"]'));
    assert.equal(await values.getTagName(), "select", "Language's value is not a dropdown");
    const offered = [];
    for (const option of await values.findElements(By.css("option:not([disabled])"))) offered.push((await option.getText()).trim());
    assert.deepEqual(offered, ["English (en)", "German (de)", "French (fr)", "Japanese (ja)"]);
    await screenshot(driver, "13 schema 1 options");

    // A typed property is checked too: "English" is AEM's label, not a value the form allows.
    await (await row.findElement(By.css('[data-testid="edit-property"] option[value=""]'))).click();
    const custom = await row.findElement(By.css('[data-testid="edit-property-custom"]'));
    await custom.sendKeys("dc:language");
    const typed = await row.findElement(By.css('[data-testid="edit-values"]'));
    await typed.clear();
    await typed.sendKeys("English");
    const before = await writes();
    await press(driver, "preview-button");
    const problem = await eventually(async () => (await row.findElements(By.css('[data-testid="edit-values-problem"]')))[0],
      "the refusal is not shown beside the change", 30_000);
    assert.match(await problem.getText(), /“English” is not one of the values Language \(dc:language\) allows: “en”, “de”, “fr”, “ja”/);
    await screenshot(driver, "13 schema 2 refused", { shows: problem });
    assert.equal((await driver.findElements(By.css('[data-testid="preview-table"]'))).length, 0, "a preview was shown");
    assert.equal((await driver.findElements(By.css('[data-testid="run-facts"]'))).length, 0, "a run was started");
    assert.equal(await writes(), before, "something was written to AEM");
    for (const [path, was] of assets) {
      assert.deepEqual((await sandbox.asset(path)).metadata["dc:language"], was["dc:language"], `${path} was changed`);
    }
  });
});

test("the missing-metadata report lists the assets lacking Copyright, and opens a bulk edit of just those", async (t) => {
  const lacking = [...assets].filter(([, m]) => blank(m["dc:rights"])).map(([path]) => path).sort();
  assert.ok(lacking.length > 0, "the sandbox seeded no asset without a Copyright in the folder");
  await withApp(t, async (driver) => {
    await pickFolder(driver, await connection(driver));
    await press(driver, "mode-missing");
    const before = await writes();
    await press(driver, "missing-run");
    const summary = await whenDone(driver, "missing-summary", MISSING_RUNNING);
    assert.match(await summary.getText(), new RegExp(`^${assets.size} assets? checked in ${FOLDER}\\.$`));
    const fields = [];
    for (const f of await driver.findElements(By.css('[data-testid="missing-field"]'))) fields.push(await f.getText());
    const copyright = `${lacking.length} asset${lacking.length === 1 ? " lacks" : "s lack"} Copyright (required)`;
    assert.ok(fields.includes(copyright), `${copyright} not in ${JSON.stringify(fields)}`);

    const filter = await byTestId(driver, "missing-filter");
    for (const tab of await filter.findElements(By.css("button"))) {
      if ((await tab.getText()).includes("dc:rights")) await tab.click();
    }
    const listed = await eventually(async () => {
      const rows = await driver.findElements(By.css('[data-testid="missing-asset"]'));
      const paths = [];
      for (const r of rows) paths.push(await r.getAttribute("data-path"));
      return paths.length === lacking.length ? paths : null;
    }, "the assets lacking Copyright are not listed", 30_000);
    assert.deepEqual([...listed].sort(), lacking);
    const first = await driver.findElement(By.css('[data-testid="missing-asset"] [data-testid="thumbnail"]'));
    await driver.executeScript("arguments[0].scrollIntoView({ block: 'center' })", first);
    await eventually(async () => (await first.getAttribute("data-state")) !== "waiting", "the thumbnail was not asked for");
    await screenshot(driver, "13 schema 3 missing");
    assert.equal(await writes(), before, "the report wrote to AEM");

    await press(driver, "missing-fill");
    const list = await byTestId(driver, "scope-list");
    assert.deepEqual((await list.getAttribute("value")).split("\n").sort(), lacking);
    const row = await byTestId(driver, "edit-row");
    const property = await row.findElement(By.css('[data-testid="edit-property"]'));
    assert.equal(await property.getAttribute("value"), "dc:rights");
    await screenshot(driver, "13 schema 4 fill");
  });
});

test("a sheet of just the assets lacking Copyright: that column, marked required as the folder's form says, one row per asset", async (t) => {
  const lacking = [...assets].filter(([, m]) => blank(m["dc:rights"])).map(([path]) => path).sort();
  const target = join(scratch, "to fill.xlsx");
  await withApp(t, async (driver) => {
    await pickFolder(driver, await connection(driver));
    await press(driver, "mode-missing");
    await press(driver, "missing-run");
    await whenDone(driver, "missing-summary", MISSING_RUNNING);
    const filter = await byTestId(driver, "missing-filter");
    for (const tab of await filter.findElements(By.css("button"))) {
      if ((await tab.getText()).includes("dc:rights")) await tab.click();
    }
    await press(driver, "missing-sheet");
    assert.equal(await (await byTestId(driver, "sheet-prop-dc:rights")).isSelected(), true, "Copyright is not the sheet's column");
    assert.equal(await (await byTestId(driver, "sheet-prop-dc:title")).isSelected(), false);
    await press(driver, "sheet-format-xlsx");
    await exportThroughDialog(driver, target);
    const saved = await byTestId(driver, "sheet-exported", 60_000);
    assert.match(await saved.getText(), new RegExp(`^Saved to fill\\.xlsx: ${lacking.length} assets?\\.`));
    await screenshot(driver, "13 schema 5 sheet");
  });
  // The sheet is a list of assets, guided by their folder's form (not the DAM root's).
  const { header, paths } = await readWorkbook(target);
  assert.deepEqual(header.slice(3), ["Copyright * (dc:rights)", "Values when exported (do not change)"]);
  assert.deepEqual(paths.sort(), lacking);
});

test("a folder's .xlsx sheet, Language ticked by its label, read by a spreadsheet library: the form's labels, required marked, Language a list of its allowed values", async (t) => {
  const target = join(scratch, "guided.xlsx");
  await withApp(t, async (driver) => {
    const id = await connection(driver);
    await press(driver, "nav-bulk");
    await press(driver, "mode-sheet");
    await pickFolder(driver, id);
    // The sheet's columns are offered by the form's labels: Language is ticked by its label.
    const language = await byTestId(driver, "sheet-prop-dc:language");
    assert.equal((await driver.executeScript("return arguments[0].closest('label').textContent.trim()", language)), "Language (dc:language)");
    await language.click();
    await press(driver, "sheet-format-xlsx");
    await exportThroughDialog(driver, target);
    const saved = await byTestId(driver, "sheet-exported", 60_000);
    assert.match(await saved.getText(), new RegExp(`^Saved guided\\.xlsx: ${assets.size} assets?\\.`));
  });

  // ExcelJS reads the workbook as Excel would: headers in the form's words, the required
  // Title marked, and every Language cell limited to the form's values.
  const { sheet, header, paths } = await readWorkbook(target);
  assert.ok(header.includes("Title * (dc:title)"), `headers: ${JSON.stringify(header)}`);
  const language = header.indexOf("Language (dc:language)") + 1;
  assert.ok(language > 0, `headers: ${JSON.stringify(header)}`);
  for (let r = 2; r <= sheet.rowCount; r++) {
    const rule = sheet.getCell(r, language).dataValidation;
    assert.equal(rule?.type, "list", `row ${r}'s Language cell offers no list: ${JSON.stringify(rule)}`);
    assert.deepEqual(rule.formulae, ['"en,de,fr,ja"'], `row ${r}'s Language list`);
  }
  assert.deepEqual(paths.sort(), [...assets.keys()].sort(), "the sheet does not hold the folder's assets");
});

/** An exported workbook as ExcelJS reads it: its first sheet, the headers, the rows' paths. */
async function readWorkbook(path) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const sheet = book.worksheets[0];
  const header = sheet.getRow(1).values.slice(1).map(String);
  const paths = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    if (sheet.getCell(r, 1).text) paths.push(sheet.getCell(r, 1).text);
  }
  return { sheet, header, paths };
}

/** Presses Export and types `target` in the real GTK save dialog. */
async function exportThroughDialog(driver, target) {
  const dialog = await clickForNativeWindow(await byTestId(driver, "sheet-export-button"), SAVE_DIALOG);
  sendToWindow(dialog, "key", "--clearmodifiers", "ctrl+a");
  sendToWindow(dialog, "type", "--delay", "10", target);
  sendToWindow(dialog, "key", "Return");
}

test("the connection added here is deleted, and leaves nothing in the keychain", async (t) => {
  await withApp(t, async (driver) => {
    await deleteConnections(driver, added);
  });
  assert.deepEqual(keychainEntries(), [], "the connections left keychain entries behind");
});
