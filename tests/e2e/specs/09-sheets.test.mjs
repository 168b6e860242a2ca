// Spreadsheet round trip end to end, against a sandbox started here, with the real native parts:
// - Bulk edit → "From a spreadsheet": export a folder's Title/Description/Keywords as CSV
//   through the real GTK save dialog (driven with xdotool); the file holds one row per asset.
// - A sheet with errors (a path outside the DAM, several values in a one-value field) dropped on
//   the window: the problems table names each row and column, and nothing is written (the
//   sandbox still holds every value).
// - The crafted 1.5 KB workbook holding only A1 and XFD1048576 (issue 29: it aborted the app):
//   refused in words, the app still running.
// - The exported file with two cells changed in the test, dropped on the window: the preview
//   plans exactly those two cells (before → after), Apply writes them (the sandbox holds them),
//   Undo restores them.
// Screenshots of each step go to E2E_ARTIFACTS.
//
// The specs share the app's folders and keyring within one scripts/e2e.sh run: this file
// starts and ends with no connections.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { By } from "selenium-webdriver";
import {
  withApp,
  byTestId,
  press,
  simulateDrop,
  startSandboxBinary,
  keychainEntries,
  eventually,
  connectionCards,
  screenshot,
  screenScreenshot,
  clickForNativeWindow,
  nativeWindow,
  sendToWindow,
  parseCsv,
  importSandboxConnection,
  typeFolder,
  sentNotifications,
  notificationsSince,
  longJobSecs,
} from "../lib/app.mjs";

const SAVE_DIALOG = "^Export the metadata as a sheet$";

let sandbox;
let scratch;
let folder;

before(async () => {
  sandbox = await startSandboxBinary();
  scratch = mkdtempSync(join(tmpdir(), "metadesk-e2e-sheets-"));
  const dump = await sandbox.getJson("/__sandbox/dump");
  const leaves = dump.folders.filter((f) => f.assets > 0 && f.folders === 0);
  folder = leaves.sort((a, b) => b.assets - a.assets)[0]?.path;
  assert.ok(folder, "the sandbox has no folder with assets");
});

after(() => {
  sandbox?.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** The crafted workbook of issue 29, as the Rust tests make it (`sheets::testing::two_far_cells_xlsx`):
 *  a valid .xlsx whose one worksheet holds only cell A1 ("Path") and cell XFD1048576. */
async function twoFarCellsXlsx() {
  const ns = 'xmlns="http://schemas.openxmlformats.org/package/2006';
  const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const head = '<?xml version="1.0" encoding="UTF-8"?>';
  const zip = new JSZip();
  zip.file("[Content_Types].xml", `${head}<Types ${ns}/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`);
  zip.file("_rels/.rels", `${head}<Relationships ${ns}/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file("xl/workbook.xml", `${head}<workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  zip.file("xl/_rels/workbook.xml.rels", `${head}<Relationships ${ns}/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`);
  zip.file("xl/worksheets/sheet1.xml", `${head}<worksheet xmlns="${main}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Path</t></is></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>`);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

const quote = (cell) => (/[",\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
const toCsv = (rows) => "\uFEFF" + rows.map((r) => r.map(quote).join(",")).join("\r\n") + "\r\n";

/** The sandbox's values of `property` for `paths`, as an object. */
async function values(paths, property) {
  const out = {};
  for (const path of paths) out[path] = (await sandbox.asset(path)).metadata[property] ?? null;
  return out;
}

/** What the sheet's import card shows now, for a failure message. */
async function importCardText(driver) {
  return driver.executeScript('return document.querySelector(\'[data-testid="sheet-import"]\')?.innerText ?? "(no import card)"');
}

/**
 * Drops `file`, checks it, and returns the element `expected` (a data-testid) once the check
 * shows it. A click that lands while the page re-lays itself out (the runs of earlier specs
 * loading) can be lost: the click is repeated while nothing started and nothing shows.
 */
async function dropAndCheck(driver, file, expected, timeout = 60_000) {
  await simulateDrop(driver, [file]);
  const name = file.split("/").pop();
  await eventually(async () => (await (await byTestId(driver, "sheet-file")).getText()).includes(name),
    `${name} is not shown as the sheet on hand`);
  const check = await byTestId(driver, "check-sheet");
  await eventually(async () => await check.isEnabled(), "Check and preview stayed disabled", 30_000);
  await check.click();
  const started = Date.now();
  try {
    return await eventually(async () => {
      const [found] = await driver.findElements(By.css(`[data-testid="${expected}"]`));
      if (found && (await found.isDisplayed())) return found;
      const [error] = await driver.findElements(By.css('[data-testid="sheet-error"]'));
      if (error) throw new Error(`the check failed: ${await error.getText()}`);
      const [button] = await driver.findElements(By.css('[data-testid="check-sheet"]'));
      const idle = (await driver.findElements(By.css('[data-testid="sheet-result"], [data-testid="preview-progress"]'))).length === 0;
      if (idle && button && (await button.isEnabled()) && Date.now() - started > 3_000) await button.click();
      return null;
    }, `${name}: "${expected}" did not show`, timeout);
  } catch (e) {
    e.message += `\nthe import card shows:\n${await importCardText(driver)}`;
    throw e;
  }
}

test("export a folder as a sheet, a sheet with errors writes nothing, two edited cells are previewed, applied and undone", async (t) => {
  const target = join(scratch, "shots sheet.csv");
  await withApp(t, async (driver) => {
    const id = await importSandboxConnection(driver, sandbox);
    await press(driver, "nav-bulk");
    await press(driver, "mode-sheet");
    const select = await byTestId(driver, "bulk-connection");
    await select.findElement(By.css(`option[value="${id}"]`)).click();
    await typeFolder(driver, folder);
    await press(driver, "sheet-format-csv");
    await screenshot(driver, "09 sheets 1 export form");

    // Export through the save dialog: an absolute path typed over the suggested name.
    const dialog = await clickForNativeWindow(await byTestId(driver, "sheet-export-button"), SAVE_DIALOG);
    sendToWindow(dialog, "key", "--clearmodifiers", "ctrl+a");
    sendToWindow(dialog, "type", "--delay", "10", target);
    screenScreenshot("09 sheets 2 save dialog");
    sendToWindow(dialog, "key", "Return");
    const saved = await byTestId(driver, "sheet-exported", 60_000);
    assert.match(await saved.getText(), /^Saved shots sheet\.csv: \d+ assets?\./);
    await eventually(() => nativeWindow(SAVE_DIALOG) === null, "the save dialog is still open", 5_000);
    await screenshot(driver, "09 sheets 3 exported");
    assert.ok(existsSync(target), `${target} was not written`);

    const text = readFileSync(target, "utf8");
    assert.ok(text.startsWith("\uFEFF"), "the CSV starts with a BOM (Excel reads its accents right)");
    const rows = parseCsv(text.slice(1));
    const header = rows[0];
    assert.deepEqual(header.slice(0, 3), ["Path (key)", "Name (not written)", "Last modified (do not change)"]);
    // The last column holds what each value was, so a colleague's change since is kept.
    assert.equal(header.at(-1), "Values when exported (do not change)");
    // The sample folders' metadata schema requires a title: its header is marked (*).
    const titleCol = header.findIndex((h) => /^Title( \*)? \(dc:title\)$/.test(h));
    const descCol = header.indexOf("Description (dc:description)");
    assert.ok(titleCol > 0 && descCol > 0, `headers: ${header}`);
    const body = rows.slice(1).filter((r) => r[0]);
    assert.ok(body.length >= 2, "the sheet has at least two assets");
    assert.ok(body.every((r) => r[0].startsWith(`${folder}/`)));
    const paths = body.map((r) => r[0]);
    const [first, second] = paths;
    const titlesBefore = await values(paths, "dc:title");
    const descriptionsBefore = await values(paths, "dc:description");

    // A sheet with errors: nothing is planned, nothing is written.
    const bad = join(scratch, "bad sheet.csv");
    const badRows = [header, ...body.map((r) => [...r])];
    badRows[1][titleCol] = "One|Two";
    badRows[2][0] = "/etc/not-the-dam.jpg";
    writeFileSync(bad, toCsv(badRows));
    // Slowed past the long-job threshold: the check tells the desktop why nothing was planned,
    // as any long preview tells it its end.
    const notifiedBefore = sentNotifications().length;
    await sandbox.setFaults({ latency_ms: longJobSecs() * 1000 + 1000 });
    const blocked = await dropAndCheck(driver, bad, "sheet-blocked");
    await sandbox.setFaults({});
    assert.match(await blocked.getText(), /nothing was written to AEM/);
    const notified = await notificationsSince(notifiedBefore, "the long sheet check");
    assert.equal(notified.length, 1, JSON.stringify(notified));
    assert.equal(notified[0].summary, "Preview failed");
    assert.match(notified[0].body, /^The preview could not finish: bad sheet\.csv has \d+ errors?; nothing was written\.$/);
    const issueRows = await driver.findElements(By.css('[data-testid="issue-row"][data-severity="error"]'));
    const issueTexts = await Promise.all(issueRows.map((r) => r.getText()));
    assert.ok(issueTexts.some((t) => t.includes("Row 2") && /Title( \*)? \(dc:title\)/.test(t)), issueTexts.join("\n"));
    assert.ok(issueTexts.some((t) => t.includes("Row 3") && t.includes("/etc/not-the-dam.jpg")), issueTexts.join("\n"));
    assert.equal((await driver.findElements(By.css('[data-testid="preview-table"]'))).length, 0, "a sheet with errors opened a preview");
    await driver.executeScript("arguments[0].scrollIntoView({ block: 'nearest' })", await byTestId(driver, "issue-table"));
    await screenshot(driver, "09 sheets 4 errors");
    assert.deepEqual(await values(paths, "dc:title"), titlesBefore, "a sheet with errors changed titles");

    // The 1.5 KB workbook holding only A1 and XFD1048576 (it asked the reader for 512 GiB and
    // aborted the app): refused in words, and the app keeps running (the next steps use it).
    const far = join(scratch, "far cells.xlsx");
    writeFileSync(far, await twoFarCellsXlsx());
    assert.ok(readFileSync(far).length < 2048, "the crafted workbook is about 1.5 KB");
    await simulateDrop(driver, [far]);
    await eventually(async () => (await (await byTestId(driver, "sheet-file")).getText()).includes("far cells.xlsx"),
      "the crafted workbook is not shown as the sheet on hand");
    const checkFar = await byTestId(driver, "check-sheet");
    await eventually(async () => await checkFar.isEnabled(), "Check and preview stayed disabled", 30_000);
    await checkFar.click();
    const refusal = await byTestId(driver, "sheet-error", 60_000);
    assert.match(await refusal.getText(), /far cells\.xlsx spans 1,048,576 rows by 16,384 columns/);
    assert.equal((await driver.findElements(By.css('[data-testid="preview-table"]'))).length, 0, "the workbook opened a preview");
    await screenshot(driver, "09 sheets 4b crafted workbook refused");
    assert.equal(await driver.executeScript("return document.readyState"), "complete", "the window stopped answering");

    // The exported sheet with two cells changed.
    const stamp = Date.now();
    const newTitle = `Sheet title ${stamp}`;
    const newDescription = `Sheet description ${stamp} — éà`;
    const good = join(scratch, "edited sheet.csv");
    const goodRows = [header, ...body.map((r) => [...r])];
    goodRows[1][titleCol] = newTitle;
    goodRows[2][descCol] = newDescription;
    writeFileSync(good, toCsv(goodRows));
    await dropAndCheck(driver, good, "preview-table", 120_000);
    const willChange = await (await byTestId(driver, "preview-counts")).findElement(By.css('[data-filter="change"]'));
    await eventually(async () => Number(await willChange.getAttribute("data-count")) === 2, "the preview does not plan exactly 2 changes");
    const changed = await driver.findElements(By.css('[data-testid="preview-row"][data-action="change"]'));
    assert.deepEqual((await Promise.all(changed.map((r) => r.getAttribute("data-path")))).sort(), [first, second].sort());
    const afters = [];
    for (const row of changed) {
      for (const cell of await row.findElements(By.css('[data-testid="cell-after"]'))) afters.push((await cell.getAttribute("textContent")).trim());
    }
    assert.ok(afters.includes(newTitle) && afters.includes(newDescription), `after values: ${afters}`);
    await screenshot(driver, "09 sheets 5 preview");

    const apply = await byTestId(driver, "apply-button");
    assert.equal(await apply.getText(), "Apply 2 changes");
    await apply.click();
    const report = await byTestId(driver, "report", 120_000);
    assert.equal(await (await report.findElement(By.css('[data-testid="report-status"]'))).getText(), "Completed");
    await screenshot(driver, "09 sheets 6 report");
    assert.equal((await sandbox.asset(first)).metadata["dc:title"], newTitle);
    assert.equal((await sandbox.asset(second)).metadata["dc:description"], newDescription);
    const titles = await values(paths, "dc:title");
    for (const path of paths.filter((p) => p !== first)) assert.deepEqual(titles[path], titlesBefore[path], path);

    // Undo restores both cells.
    const sheetRun = await report.getAttribute("data-run-id");
    await (await report.findElement(By.css('[data-testid="undo-run"]'))).click();
    await byTestId(driver, "preview-table", 60_000);
    await screenshot(driver, "09 sheets 7 undo preview");
    await press(driver, "apply-button");
    await eventually(async () => {
      const shown = await driver.findElements(By.css('[data-testid="report"]'));
      return shown.length === 1 && (await shown[0].getAttribute("data-run-id")) !== sheetRun;
    }, "the undo's report did not show", 120_000);
    await eventually(async () => (await sandbox.asset(first)).metadata["dc:title"] === titlesBefore[first]
      && ((await sandbox.asset(second)).metadata["dc:description"] ?? null) === descriptionsBefore[second],
      "undo did not restore both cells", 60_000);
    await screenshot(driver, "09 sheets 8 undone");

    // Leave no connection behind.
    await press(driver, "nav-connections");
    const card = await driver.findElement(By.css(`[data-connection-id="${id}"]`));
    await (await card.findElement(By.css('[data-testid="delete-connection"]'))).click();
    await press(driver, "delete-confirm");
    await eventually(async () => (await connectionCards(driver)).length === 0, "the connection was not deleted");
  });
  assert.deepEqual(keychainEntries(), []);
});
