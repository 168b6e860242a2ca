// Bulk edit end to end, against a sandbox started here: a service credential dropped on the
// window; a folder picked (tree and typed path) with its number of assets; dc:rights set to a
// value no asset has; the preview's before → after cells; Apply with live progress (slowed by
// the sandbox's latency so pause and resume can be seen) up to 100 %; the report; the sandbox's
// assets read over HTTP; "Undo this run" with its own preview and apply; the originals back.
// Then a read-only credential: the same edit fails on every asset with the 403 explanation that
// names the technical account, and nothing changes in the sandbox. Screenshots of each step go
// to E2E_ARTIFACTS.
//
// The specs share the app's folders and keyring within one scripts/e2e.sh run: this file
// starts and ends with no connections (the runs it made stay in the app's history).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { By, Key } from "selenium-webdriver";
import {
  withApp,
  byTestId,
  simulateDrop,
  startSandboxBinary,
  keychainEntries,
  eventually,
  connectionCards,
  openAddressEdit,
  screenshot,
} from "../lib/app.mjs";

let sandbox;
/** The folder edited, and its assets: path → { contentFragment, rights (before any run) }. */
let folder;
let assets;
/** The connections added here, deleted at the end. */
const added = [];

before(async () => {
  sandbox = await startSandboxBinary();
  const dump = await sandbox.getJson("/__sandbox/dump");
  // The sandbox's fixed sample folder when it holds assets, else the first leaf folder that does.
  const leaves = dump.folders.filter((f) => f.assets > 0 && f.folders === 0);
  folder = (leaves.find((f) => f.path === "/content/dam/wknd-shared/en/adventures/napa-wine-tasting") ?? leaves[0])?.path;
  assert.ok(folder, "the sandbox has no folder with assets");
  assets = new Map();
  for (const a of dump.assets.filter((a) => a.path.startsWith(`${folder}/`) && !a.path.slice(folder.length + 1).includes("/"))) {
    const state = await sandbox.asset(a.path);
    assets.set(a.path, { contentFragment: a.contentFragment, rights: state.metadata["dc:rights"] ?? null });
  }
  assert.ok(editable().length > 0, `no editable asset in ${folder}`);
});

after(() => sandbox?.stop());

/** The assets a run edits (content fragments are never edited). */
function editable() {
  return [...assets.entries()].filter(([, a]) => !a.contentFragment).map(([path]) => path);
}

const shown = (value) => (value === null || value === undefined ? "(not set)" : Array.isArray(value) ? value.join(", ") : String(value));

/** Drops a credential file, finds its card by the technical account, points it at the sandbox. */
async function importCredential(driver, file, email) {
  await (await byTestId(driver, "nav-connections")).click();
  await simulateDrop(driver, [sandbox.file(file)]);
  const card = await eventually(async () => (await connectionCards(driver)).find((c) => c.text.includes(email)),
    `${file} was not imported`, 30_000);
  added.push(card.id);
  const el = () => driver.findElement(By.css(`[data-connection-id="${card.id}"]`));
  const input = await openAddressEdit(driver, card.id);
  await input.clear();
  await input.sendKeys(sandbox.url, Key.ENTER);
  await eventually(async () => (await (await el()).findElement(By.css('[data-testid="connection-host"]')).getText())
    .includes(new URL(sandbox.url).host), "the sandbox address is not shown");
  return card.id;
}

/** Opens Bulk edit (a new edit), picks the connection and the folder, waits for the final count. */
async function pickFolder(driver, connectionId, name) {
  await (await byTestId(driver, "nav-bulk")).click();
  // A report from an earlier run may be on screen: start a new edit.
  const again = await driver.findElements(By.css('[data-testid="new-edit"], [data-testid="back-to-form"]'));
  if (again.length > 0) await again[0].click();
  const select = await byTestId(driver, "bulk-connection");
  await select.findElement(By.css(`option[value="${connectionId}"]`)).click();
  // The tree lists the DAM's first level.
  const tree = await byTestId(driver, "folder-tree");
  const top = `/content/dam/${folder.split("/")[3]}`;
  await eventually(async () => (await tree.findElements(By.css(`[data-testid="folder-node"][data-path="${top}"]`))).length === 1,
    `the folder tree does not show ${top}`, 30_000);
  const input = await byTestId(driver, "folder-path-input");
  await input.clear();
  await input.sendKeys(folder, Key.ENTER);
  const count = await eventually(async () => {
    const el = await driver.findElement(By.css('[data-testid="scope-count"]'));
    return (await el.getAttribute("data-done")) === "1" ? el : null;
  }, "the number of assets in scope was not shown", 60_000);
  const number = Number((await count.getText()).match(/([\d,]+)\s+assets? in scope/)?.[1]?.replaceAll(",", ""));
  assert.equal(number, editable().length, await count.getText());
  await screenshot(driver, `04 ${name} 1 folder and scope`);
}

/** Fills the one edit row: Copyright (dc:rights) set to `value`. */
async function setRights(driver, value) {
  const row = await byTestId(driver, "edit-row");
  await (await row.findElement(By.css('[data-testid="edit-property"] option[value="dc:rights"]'))).click();
  await (await row.findElement(By.css('[data-testid="edit-action"] option[value="set"]'))).click();
  const values = await row.findElement(By.css('[data-testid="edit-values"]'));
  await values.clear();
  await values.sendKeys(value);
}

/** Waits for the preview table and checks one asset's before → after cells. */
async function checkPreviewRow(driver, path, before, after) {
  await byTestId(driver, "preview-table", 120_000);
  const row = await eventually(async () => (await driver.findElements(By.css(`[data-testid="preview-row"][data-path="${path}"]`)))[0],
    `no preview row for ${path}`);
  assert.equal(await (await row.findElement(By.css('[data-testid="cell-before"]'))).getText(), shown(before));
  assert.equal(await (await row.findElement(By.css('[data-testid="cell-after"]'))).getText(), shown(after));
}

/** The count on one of the report's filter buttons. */
async function reportCount(driver, status) {
  const button = await driver.findElement(By.css(`[data-testid="report-filters"] [data-filter="${status}"]`));
  return Number(await button.getAttribute("data-count"));
}

/** Clicks Apply and waits for the report; with `watch`, pauses and resumes on the way. */
async function applyAndWaitForReport(driver, name, { watch = false } = {}) {
  const apply = await byTestId(driver, "apply-button");
  assert.match(await apply.getText(), new RegExp(`^Apply ${editable().length} changes?$`));
  if (watch) await sandbox.setFaults({ latency_ms: 120, capacity: 2 });
  try {
    await apply.click();
    if (watch) {
      const progress = await byTestId(driver, "run-progress", 30_000);
      await eventually(async () => Number(await progress.getAttribute("data-done")) > 0, "no progress was shown", 60_000);
      assert.equal(Number(await progress.getAttribute("data-total")), editable().length);
      await screenshot(driver, `04 ${name} 4 progress`);
      const pause = await driver.findElements(By.css('[data-testid="pause-button"]'));
      if (pause.length > 0) {
        await pause[0].click();
        await byTestId(driver, "resume-button");
        await eventually(async () => (await progress.getAttribute("data-paused")) === "1", "the run did not say it is paused");
        await screenshot(driver, `04 ${name} 4 paused`);
        await (await byTestId(driver, "resume-button")).click();
      }
    }
  } finally {
    if (watch) await sandbox.setFaults({});
  }
  const report = await byTestId(driver, "report", 180_000);
  const bar = await report.findElement(By.css('[data-testid="run-progress"]'));
  assert.equal(await bar.getAttribute("data-done"), await bar.getAttribute("data-total"), "the progress did not reach the end");
  assert.equal(await (await report.findElement(By.css('[data-testid="run-percent"]'))).getText(), "100 %");
  await screenshot(driver, `04 ${name} 5 report`);
  return report;
}

test("service credentials: preview, apply, the report, the sandbox's state, then undo brings the originals back", async (t) => {
  assert.deepEqual(keychainEntries(), [], "the keychain should start without connections");
  const value = `© Metadesk E2E ${Date.now()}`;
  const sample = editable()[0];
  await withApp(t, async (driver) => {
    const id = await importCredential(driver, "service-credentials.json", sandbox.service.integration.email);
    await pickFolder(driver, id, "edit");
    await setRights(driver, value);
    await screenshot(driver, "04 edit 2 form");

    await (await byTestId(driver, "preview-button")).click();
    await checkPreviewRow(driver, sample, assets.get(sample).rights, value);
    const counts = await byTestId(driver, "preview-counts");
    const willChange = await counts.findElement(By.css('[data-filter="change"]'));
    assert.equal(Number(await willChange.getAttribute("data-count")), editable().length);
    await screenshot(driver, "04 edit 3 preview");
    // Nothing is written by a preview.
    assert.deepEqual((await sandbox.asset(sample)).metadata["dc:rights"] ?? null, assets.get(sample).rights);

    const report = await applyAndWaitForReport(driver, "edit", { watch: true });
    assert.equal(await (await report.findElement(By.css('[data-testid="report-status"]'))).getText(), "Completed");
    assert.equal(await reportCount(driver, "changed"), editable().length);
    assert.equal(await reportCount(driver, "failed"), 0);
    for (const row of await report.findElements(By.css('[data-testid="report-row"]'))) {
      const path = await row.getAttribute("data-path");
      assert.equal(await row.getAttribute("data-status"), assets.get(path)?.contentFragment ? "skipped" : "changed", path);
    }
    for (const path of editable()) {
      assert.equal((await sandbox.asset(path)).metadata["dc:rights"], value, `${path} was not changed in the sandbox`);
    }

    // Undo: its own preview (before = the new value, after = the original), then apply.
    await (await report.findElement(By.css('[data-testid="undo-run"]'))).click();
    await checkPreviewRow(driver, sample, value, assets.get(sample).rights);
    assert.match(await (await byTestId(driver, "run-facts")).getText(), /Undo of run/);
    await screenshot(driver, "04 undo 3 preview");
    const undoReport = await applyAndWaitForReport(driver, "undo");
    assert.equal(await (await undoReport.findElement(By.css('[data-testid="report-status"]'))).getText(), "Completed");
    assert.equal(await reportCount(driver, "failed"), 0);
    for (const path of editable()) {
      assert.deepEqual((await sandbox.asset(path)).metadata["dc:rights"] ?? null, assets.get(path).rights,
        `${path} did not get its original value back`);
    }

    // Both runs are in Activity, completed.
    await (await byTestId(driver, "nav-activity")).click();
    const list = await byTestId(driver, "run-list");
    const items = await list.findElements(By.css('[data-testid="run-item"]'));
    assert.ok(items.length >= 2, "the two runs are not listed");
    for (const item of items.slice(0, 2)) assert.equal(await item.getAttribute("data-status"), "completed");
    assert.match(await items[0].getText(), /Undo of run/);
    await screenshot(driver, "04 edit 6 activity");
  });
});

test("a read-only credential: every asset fails with the 403 explanation naming the technical account", async (t) => {
  const value = `© Read-only E2E ${Date.now()}`;
  const email = sandbox.readOnly.integration.email;
  await withApp(t, async (driver) => {
    const id = await importCredential(driver, "service-credentials-read-only.json", email);
    await pickFolder(driver, id, "read-only");
    await setRights(driver, value);
    await (await byTestId(driver, "preview-button")).click();
    // Reading works: the preview is the same as with write access.
    await checkPreviewRow(driver, editable()[0], assets.get(editable()[0]).rights, value);
    await screenshot(driver, "04 read-only 3 preview");

    const report = await applyAndWaitForReport(driver, "read-only");
    assert.equal(await reportCount(driver, "failed"), editable().length);
    assert.equal(await reportCount(driver, "changed"), 0);
    const failures = await report.findElement(By.css('[data-testid="report-failures"]'));
    const summary = await failures.getText();
    assert.match(summary, new RegExp(`${editable().length} assets? could not be changed`));
    assert.match(summary, /can read but not change assets/);
    assert.ok(summary.includes(email), `the summary does not name ${email}: ${summary}`);
    const failedRow = await report.findElement(By.css('[data-testid="report-row"][data-status="failed"]'));
    const reason = await (await failedRow.findElement(By.css('[data-testid="report-reason"]'))).getText();
    assert.ok(reason.includes(`technical account ${email}`), reason);
    assert.match(reason, /ask an AEM administrator/);
    await byTestId(driver, "retry-failed");
    for (const path of editable()) {
      assert.deepEqual((await sandbox.asset(path)).metadata["dc:rights"] ?? null, assets.get(path).rights,
        `${path} changed through a read-only credential`);
    }
    await screenshot(driver, "04 read-only 5 failures");
  });
});

test("the connections added here are deleted, and leave nothing in the keychain", async (t) => {
  await withApp(t, async (driver) => {
    await (await byTestId(driver, "nav-connections")).click();
    for (const connectionId of added) {
      const cards = await driver.findElements(By.css(`[data-connection-id="${connectionId}"]`));
      if (cards.length === 0) continue;
      await (await cards[0].findElement(By.css('[data-testid="delete-connection"]'))).click();
      await (await byTestId(driver, "delete-confirm")).click();
      await eventually(async () => (await driver.findElements(By.css(`[data-connection-id="${connectionId}"]`))).length === 0,
        `connection ${connectionId} was not deleted`);
    }
    await byTestId(driver, "empty-connections");
  });
  assert.deepEqual(keychainEntries(), [], "the connections left keychain entries behind");
});
