// Folder runs are exact while AEM's search index lags behind the repository (issue 37), in the
// real window against a sandbox started here whose index stays an hour behind its uploads:
// three assets are uploaded into a folder and one into a sibling folder just before the runs,
// so every folder listing shows them and no search finds them.
// - A flat run on the folder: the live count holds them, the preview says "3 assets are not in
//   AEM's search index yet…" and plans them, Apply writes them (the sandbox holds the value).
// - A recursive run on the folders' parent: the same with the sibling's upload ("4 assets").
// - "Undo this run" on the recursive run: its preview says it read the 4 on their own, and the
//   uploads get their values back.
// - A sheet export of the folder through the real save dialog: the file has a row for each
//   upload, and the window says they were read one by one.
// Screenshots of each step go to E2E_ARTIFACTS.
//
// The specs share the app's folders and keyring within one scripts/e2e.sh run: this file
// starts and ends with no connections.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { By } from "selenium-webdriver";
import {
  withApp,
  byTestId,
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
  pickProperty,
  typeFolder,
} from "../lib/app.mjs";

const SAVE_DIALOG = "^Export the metadata as a sheet$";
/** The value the uploads come with. */
const UPLOADED = "Uploaded a minute ago";

let sandbox;
let scratch;
/** The folder with uploads, its sibling with one, and their parent. */
let folder;
let sibling;
let parent;
/** The uploads, the folder's first. */
const uploads = [];

before(async () => {
  sandbox = await startSandboxBinary();
  scratch = mkdtempSync(join(tmpdir(), "metadesk-e2e-index-lag-"));
  const dump = await sandbox.getJson("/__sandbox/dump");
  const leaves = dump.folders.filter((f) => f.assets > 0 && f.folders === 0).map((f) => f.path);
  folder = leaves[0];
  parent = folder.slice(0, folder.lastIndexOf("/"));
  sibling = leaves.find((f) => f !== folder && f.startsWith(`${parent}/`));
  assert.ok(folder && sibling, `the sandbox has no two sibling folders with assets: ${leaves}`);
  // An hour behind: the uploads stay out of every search for the whole spec.
  await sandbox.setFaults({ index_lag_secs: 3600 });
  for (const [into, name] of [[folder, "fresh-1.jpg"], [folder, "fresh-2.png"], [folder, "fresh-3.jpg"], [sibling, "fresh-4.jpg"]]) {
    const path = `${into}/${name}`;
    await sandbox.upload(path, { "dc:rights": UPLOADED });
    uploads.push(path);
  }
});

after(() => {
  sandbox?.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** The assets (not content fragments) of `root`, and of its subfolders when `recursive`, as
 *  the sandbox's repository holds them (its listings). */
async function listed(root, recursive) {
  const dump = await sandbox.getJson("/__sandbox/dump");
  return dump.assets
    .filter((a) => !a.contentFragment)
    .map((a) => a.path)
    .filter((p) => {
      const at = p.slice(0, p.lastIndexOf("/"));
      return at === root || (recursive && at.startsWith(`${root}/`));
    });
}

async function rightsOf(paths) {
  const out = {};
  for (const p of paths) out[p] = (await sandbox.asset(p)).metadata["dc:rights"] ?? null;
  return out;
}

/** Starts a new edit of `root` (with subfolders when `recursive`) setting Copyright to `value`,
 *  after checking the live count holds every listed asset. */
async function editFolder(driver, connectionId, root, recursive, value, expected) {
  await (await byTestId(driver, "nav-bulk")).click();
  const again = await driver.findElements(By.css('[data-testid="new-edit"], [data-testid="back-to-form"]'));
  if (again.length > 0) await again[0].click();
  await (await byTestId(driver, "mode-same")).click();
  const select = await byTestId(driver, "bulk-connection");
  await select.findElement(By.css(`option[value="${connectionId}"]`)).click();
  await typeFolder(driver, root);
  const box = await byTestId(driver, "include-subfolders");
  if ((await box.isSelected()) !== recursive) await box.click();
  const count = await eventually(async () => {
    const el = await driver.findElement(By.css('[data-testid="scope-count"]'));
    if ((await el.getAttribute("data-done")) !== "1") return null;
    const n = Number((await el.getText()).match(/([\d,]+)\s+assets? in scope/)?.[1]?.replaceAll(",", ""));
    return n === expected ? el : null;
  }, `the live count of ${root} did not reach ${expected}`, 60_000);
  assert.ok(count);
  await pickProperty(driver, "dc:rights");
  const row = await byTestId(driver, "edit-row");
  await (await row.findElement(By.css('[data-testid="edit-action"] option[value="set"]'))).click();
  const values = await row.findElement(By.css('[data-testid="edit-values"]'));
  await values.clear();
  await values.sendKeys(value);
}

/** Previews, checks the index notice and the planned changes, applies, waits for the report. */
async function previewAndApply(driver, name, fresh, changes) {
  await (await byTestId(driver, "preview-button")).click();
  await byTestId(driver, "preview-table", 120_000);
  const notice = await byTestId(driver, "run-index-notice", 30_000);
  assert.equal(
    await notice.getText(),
    `${fresh} assets are not in AEM’s search index yet (added in the last minutes); Metadesk read them one by one.`,
  );
  const willChange = await (await byTestId(driver, "preview-counts")).findElement(By.css('[data-filter="change"]'));
  await eventually(async () => Number(await willChange.getAttribute("data-count")) === changes,
    `the preview does not plan ${changes} changes`);
  await screenshot(driver, `15 index lag ${name} preview`);
  const apply = await byTestId(driver, "apply-button");
  assert.match(await apply.getText(), new RegExp(`^Apply ${changes} changes?$`));
  await apply.click();
  const report = await byTestId(driver, "report", 180_000);
  assert.equal(await (await report.findElement(By.css('[data-testid="report-status"]'))).getText(), "Completed");
  await screenshot(driver, `15 index lag ${name} report`);
  return report;
}

test("flat and recursive runs, their undo and a sheet export take the assets the index does not hold yet", async (t) => {
  const flat = await listed(folder, false);
  const deep = await listed(parent, true);
  assert.ok(uploads.slice(0, 3).every((u) => flat.includes(u)) && uploads.every((u) => deep.includes(u)));
  await withApp(t, async (driver) => {
    const id = await importSandboxConnection(driver, sandbox);

    // Flat: every asset of the folder, the three uploads included.
    const flatValue = `Flat ${Date.now()}`;
    await editFolder(driver, id, folder, false, flatValue, flat.length);
    await previewAndApply(driver, "1 flat", 3, flat.length);
    for (const [path, rights] of Object.entries(await rightsOf(flat))) assert.equal(rights, flatValue, path);

    // Recursive, on the parent: the sibling's upload too.
    const deepValue = `Deep ${Date.now()}`;
    await editFolder(driver, id, parent, true, deepValue, deep.length);
    const report = await previewAndApply(driver, "2 recursive", 4, deep.length);
    for (const [path, rights] of Object.entries(await rightsOf(deep))) assert.equal(rights, deepValue, path);

    // Its undo: the preview reads the four on their own, and each asset gets back the value
    // the recursive run replaced.
    const deepRun = await report.getAttribute("data-run-id");
    await (await report.findElement(By.css('[data-testid="undo-run"]'))).click();
    await byTestId(driver, "preview-table", 120_000);
    const notice = await byTestId(driver, "run-index-notice", 30_000);
    assert.match(await notice.getText(), /^4 assets are not in AEM’s search index yet/);
    await screenshot(driver, "15 index lag 3 undo preview");
    await (await byTestId(driver, "apply-button")).click();
    await eventually(async () => {
      const shown = await driver.findElements(By.css('[data-testid="report"]'));
      return shown.length === 1 && (await shown[0].getAttribute("data-run-id")) !== deepRun;
    }, "the undo's report did not show", 180_000);
    await screenshot(driver, "15 index lag 4 undone");
    const undone = await rightsOf(deep);
    for (const path of flat) assert.equal(undone[path], flatValue, path);
    assert.equal(undone[uploads[3]], UPLOADED, "the sibling's upload has its value back");

    // A sheet export of the folder: a row for each upload, said in the window.
    await (await byTestId(driver, "nav-bulk")).click();
    const back = await driver.findElements(By.css('[data-testid="new-edit"], [data-testid="back-to-form"]'));
    if (back.length > 0) await back[0].click();
    await (await byTestId(driver, "mode-sheet")).click();
    const select = await byTestId(driver, "bulk-connection");
    await select.findElement(By.css(`option[value="${id}"]`)).click();
    await typeFolder(driver, folder);
    const box = await byTestId(driver, "include-subfolders");
    if (await box.isSelected()) await box.click();
    await (await byTestId(driver, "sheet-format-csv")).click();
    const target = join(scratch, "fresh sheet.csv");
    const dialog = await clickForNativeWindow(await byTestId(driver, "sheet-export-button"), SAVE_DIALOG);
    sendToWindow(dialog, "key", "--clearmodifiers", "ctrl+a");
    sendToWindow(dialog, "type", "--delay", "10", target);
    screenScreenshot("15 index lag 5 save dialog");
    sendToWindow(dialog, "key", "Return");
    const saved = await byTestId(driver, "sheet-exported", 60_000);
    assert.match(await saved.getText(), new RegExp(`^Saved fresh sheet\\.csv: ${flat.length} assets\\.`));
    const said = await byTestId(driver, "sheet-index-notice");
    assert.match(await said.getText(), /^3 assets are not in AEM’s search index yet/);
    await eventually(() => nativeWindow(SAVE_DIALOG) === null, "the save dialog is still open", 5_000);
    await screenshot(driver, "15 index lag 6 exported");
    const rows = parseCsv(readFileSync(target, "utf8").slice(1)).slice(1).filter((r) => r[0]);
    assert.deepEqual(rows.map((r) => r[0]).sort(), [...flat].sort(), "one row per asset of the folder");

    // Leave no connection behind.
    await (await byTestId(driver, "nav-connections")).click();
    const card = await driver.findElement(By.css(`[data-connection-id="${id}"]`));
    await (await card.findElement(By.css('[data-testid="delete-connection"]'))).click();
    await (await byTestId(driver, "delete-confirm")).click();
    await eventually(async () => (await connectionCards(driver)).length === 0, "the connection was not deleted");
  });
  assert.deepEqual(keychainEntries(), []);
});
