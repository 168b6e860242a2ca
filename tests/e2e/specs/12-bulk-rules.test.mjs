// Edits that compute (issue 30), end to end against a sandbox started here: in the edit row,
// "Find and replace" with a regular expression and its groups on the titles of a folder, then
// the removal of one tag (picked by its title, shown by title: issue 53) from every asset; the
// replace shown live on the first assets while it is typed, before Preview; each previewed
// (before → after per asset), applied (the sandbox's assets read over HTTP) and undone (the
// originals back).
//
// The specs share the app's folders and keyring within one scripts/e2e.sh run: this file
// starts and ends with no connections.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { By, Key } from "selenium-webdriver";
import {
  withApp,
  byTestId,
  press,
  realDrop,
  startSandboxBinary,
  keychainEntries,
  eventually,
  connectionCards,
  deleteConnections,
  openAddressEdit,
  screenshot,
  pickProperty,
  typeFolder,
} from "../lib/app.mjs";

let sandbox;
let folder;
/** path → { title, tags } before any run, for the assets a run edits. */
const assets = new Map();
const added = [];
/** Two tags of the sandbox's taxonomy, and how the window names them (below the namespace). */
const TAGS = ["wknd-shared:activity/surfing", "wknd-shared:season/summer"];
const TAG_TITLES = { [TAGS[0]]: "Activity › Surfing", [TAGS[1]]: "Season › Summer" };

before(async () => {
  sandbox = await startSandboxBinary();
  const dump = await sandbox.getJson("/__sandbox/dump");
  const leaves = dump.folders.filter((f) => f.assets > 0 && f.folders === 0);
  folder = (leaves.find((f) => f.path === "/content/dam/wknd-shared/en/adventures/napa-wine-tasting") ?? leaves[0])?.path;
  assert.ok(folder, "the sandbox has no folder with assets");
  for (const a of dump.assets.filter((a) => a.path.startsWith(`${folder}/`) && !a.path.slice(folder.length + 1).includes("/"))) {
    if (a.contentFragment) continue;
    // Every asset gets two tags, one of which the second test removes.
    await sandbox.editAsset(a.path, { "cq:tags": TAGS });
    const state = await sandbox.asset(a.path);
    assets.set(a.path, { title: state.metadata["dc:title"], tags: state.metadata["cq:tags"] });
  }
  assert.ok(assets.size > 0, `no editable asset in ${folder}`);
});

after(() => sandbox?.stop());

const shown = (value) => (value === null || value === undefined ? "(not set)" : Array.isArray(value) ? value.join(", ") : String(value));
const swapped = (title) => title.replace(/^(\w+) (\w+)$/, "$2, $1");

async function importCredential(driver) {
  await press(driver, "nav-connections");
  const page = await driver.findElement(By.css("#connections-title"));
  await realDrop(driver, [sandbox.file("service-credentials.json")], page);
  const email = sandbox.service.integration.email;
  const card = await eventually(async () => (await connectionCards(driver)).find((c) => c.text.includes(email)),
    "the credential was not imported by the drop", 30_000);
  added.push(card.id);
  const input = await openAddressEdit(driver, card.id);
  await input.clear();
  await input.sendKeys(sandbox.url, Key.ENTER);
  await eventually(async () => (await (await driver.findElement(By.css(`[data-connection-id="${card.id}"]`)))
    .findElement(By.css('[data-testid="connection-host"]')).getText()).includes(new URL(sandbox.url).host),
  "the sandbox address is not shown");
  return card.id;
}

async function pickFolder(driver, connectionId) {
  await press(driver, "nav-bulk");
  const again = await driver.findElements(By.css('[data-testid="new-edit"], [data-testid="back-to-form"]'));
  if (again.length > 0) await again[0].click();
  const select = await byTestId(driver, "bulk-connection");
  await select.findElement(By.css(`option[value="${connectionId}"]`)).click();
  await typeFolder(driver, folder);
  await eventually(async () => {
    const el = await driver.findElement(By.css('[data-testid="scope-count"]'));
    return (await el.getAttribute("data-done")) === "1";
  }, "the number of assets in scope was not shown", 60_000);
}

async function checkPreviewRow(driver, path, before, after, words = shown) {
  await byTestId(driver, "preview-table", 120_000);
  const row = await eventually(async () => (await driver.findElements(By.css(`[data-testid="preview-row"][data-path="${path}"]`)))[0],
    `no preview row for ${path}`);
  // A list's cells are words for screen readers (visually hidden) beside chips: their text,
  // not what is painted. Tags turn into titles once the taxonomy is read.
  const text = async (id) => (await (await row.findElement(By.css(`[data-testid="${id}"]`))).getAttribute("textContent")).trim();
  await eventually(
    async () => (await text("cell-before")) === words(before) && (await text("cell-after")) === words(after),
    `${path}: the preview does not show ${words(before)} → ${words(after)}`,
  );
}

async function applyAndWaitForReport(driver, verb = "Apply") {
  const apply = await byTestId(driver, "apply-button");
  assert.match(await apply.getText(), new RegExp(`^${verb} ${assets.size} changes?$`));
  await apply.click();
  const report = await byTestId(driver, "report", 180_000);
  await eventually(async () => (await (await report.findElement(By.css('[data-testid="report-status"]'))).getText()) === "Completed",
    "the run did not complete", 60_000);
  return report;
}

/** Before Preview is pressed, the example under the edit rows shows the titles swapped on the
 *  first assets of the folder (each one of the folder's, as it is in AEM), and AEM is unchanged. */
async function checkLiveSample(driver) {
  const box = await byTestId(driver, "rule-sample");
  const seen = await eventually(async () => {
    const rows = await box.findElements(By.css('[data-testid="sample-row"]'));
    if (rows.length === 0) return null;
    const shown = [];
    for (const row of rows) {
      const path = await row.getAttribute("data-path");
      const was = assets.get(path);
      assert.ok(was, `the example shows ${path}, which is not an asset of ${folder}`);
      const after = (await (await row.findElement(By.css('[data-testid="cell-after"]'))).getAttribute("textContent")).trim();
      if (after !== swapped(was.title)) return null;
      shown.push(path);
    }
    return shown;
  }, "the live example did not show the titles swapped", 30_000);
  assert.equal(seen.length, Math.min(assets.size, 5), "the example shows the first five assets");
  for (const path of seen) {
    assert.equal((await sandbox.asset(path)).metadata["dc:title"], assets.get(path).title, "the example wrote");
  }
}

/** Previews the row as filled, checks one asset's before → after, applies, checks the sandbox,
 *  then undoes and checks the originals are back. */
async function previewApplyUndo(driver, name, property, sample, before, after, expected, words = shown) {
  await press(driver, "preview-button");
  await checkPreviewRow(driver, sample, before, after, words);
  await screenshot(driver, `12 ${name} 1 preview`);
  assert.deepEqual((await sandbox.asset(sample)).metadata[property], before, "a preview wrote");
  const report = await applyAndWaitForReport(driver);
  await screenshot(driver, `12 ${name} 2 report`);
  for (const [path, was] of assets) {
    assert.deepEqual((await sandbox.asset(path)).metadata[property], expected(was), `${path} was not changed`);
  }
  await (await report.findElement(By.css('[data-testid="undo-run"]'))).click();
  await checkPreviewRow(driver, sample, after, before, words);
  // An undo's button says so (issue 42).
  await applyAndWaitForReport(driver, "Undo");
  await screenshot(driver, `12 ${name} 3 undone`);
  for (const [path, was] of assets) {
    const now = (await sandbox.asset(path)).metadata[property];
    assert.deepEqual(now, property === "dc:title" ? was.title : was.tags, `${path} did not get its original back`);
  }
}

test("a regular-expression replace of the titles, with its groups: previewed, applied, undone", async (t) => {
  const [sample, { title }] = [...assets.entries()][0];
  await withApp(t, async (driver) => {
    const id = await importCredential(driver);
    await pickFolder(driver, id);
    const row = await byTestId(driver, "edit-row");
    await pickProperty(driver, "dc:title");
    await (await row.findElement(By.css('[data-testid="edit-action"] option[value="replace"]'))).click();
    await (await row.findElement(By.css('[data-testid="rule-find"]'))).sendKeys("^(\\w+) (\\w+)$");
    await (await row.findElement(By.css('[data-testid="rule-replace"]'))).sendKeys("$2, $1");
    await (await row.findElement(By.css('[data-testid="rule-regex"]'))).click();
    await checkLiveSample(driver);
    await screenshot(driver, "12 replace 0 form");
    await previewApplyUndo(driver, "replace", "dc:title", sample, title, swapped(title), (was) => swapped(was.title));
  });
});

test("one tag, picked by its title, removed from every asset: previewed and shown by title, applied, undone", async (t) => {
  const [sample, { tags }] = [...assets.entries()][0];
  await withApp(t, async (driver) => {
    await pickFolder(driver, added[0]);
    const row = await byTestId(driver, "edit-row");
    await pickProperty(driver, "cq:tags");
    await (await row.findElement(By.css('[data-testid="edit-action"] option[value="remove"]'))).click();
    const values = await row.findElement(By.css('[data-testid="edit-values"]'));
    await values.clear();
    // Picked by its title: the row holds its id and shows its title.
    const picker = await row.findElement(By.css('[data-testid="edit-tag-input"]'));
    await eventually(async () => (await driver.findElements(By.css('datalist option[value="WKND Shared › Season › Summer"]'))).length > 0,
      "the tag picker does not offer Summer by its trail");
    await picker.sendKeys("Summer", Key.ENTER);
    await eventually(async () => (await values.getAttribute("value")) === TAGS[1], "Summer was not taken as its id");
    const chip = await row.findElement(By.css(`[data-testid="edit-tag-chip"][data-tag="${TAGS[1]}"]`));
    assert.equal((await chip.getText()).replace("×", "").trim(), TAG_TITLES[TAGS[1]]);
    const titled = (ids) => shown(ids?.map((id) => TAG_TITLES[id] ?? id));
    await previewApplyUndo(driver, "tag", "cq:tags", sample, tags, [TAGS[0]], () => [TAGS[0]], titled);
  });
});

test("the connection added here is deleted, and leaves nothing in the keychain", async (t) => {
  await withApp(t, async (driver) => {
    await deleteConnections(driver, added);
  });
  assert.deepEqual(keychainEntries(), [], "the connections left keychain entries behind");
});
