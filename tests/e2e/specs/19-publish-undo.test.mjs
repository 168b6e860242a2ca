// Undoing a publish and an unpublish never undoes a colleague's later work (issue 50), in the
// real window against a sandbox started here; the colleague acts through the sandbox's control
// API between the run and its undo:
// - English: the folder published with "Publish"; a colleague publishes one of its assets again;
//   the undo takes down only what the run published first and is still its publication, and its
//   report names the colleague's asset, who published it and why it stays, and the assets that
//   were on the website before the run.
// - French: the folder unpublished with "Unpublish"; its undo previewed; a colleague then edits
//   an asset the undo would republish; the undo's apply decides again and keeps that draft off
//   the website, saying so in French, and republishes the rest that was public and up to date.
// Screenshots go to E2E_ARTIFACTS. Starts and ends with no connections.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { By } from "selenium-webdriver";
import {
  withApp,
  byTestId,
  press,
  startSandboxBinary,
  keychainEntries,
  eventually,
  deleteConnections,
  sandboxConnection,
  screenshot,
  typeFolder,
} from "../lib/app.mjs";
import { chooseLanguage } from "../lib/plain.mjs";

const COLLEAGUE = "colleague@example.com";
let sandbox;
let folder;
/** The folder's assets (no content fragments) and whether each was on the website at the start. */
let assets;

before(async () => {
  sandbox = await startSandboxBinary();
  const dump = await sandbox.getJson("/__sandbox/dump");
  folder = dump.folders.find((f) => f.assets > 0 && f.folders === 0).path;
  assets = [];
  for (const a of dump.assets.filter((a) => !a.contentFragment)) {
    if (a.path.slice(0, a.path.lastIndexOf("/")) !== folder) continue;
    assets.push({ path: a.path, published: await onTheWebsite(a.path) });
  }
  assert.ok(assets.filter((a) => !a.published).length >= 2 && assets.some((a) => a.published), "the folder needs both kinds");
});

after(() => sandbox?.stop());

async function onTheWebsite(path) {
  return (await sandbox.asset(path)).publication.publish?.action === "Activate";
}

/** The completed report of a run other than `notRun`, once the app shows it. */
async function completedReport(driver, notRun) {
  return eventually(async () => {
    const [report] = await driver.findElements(By.css('[data-testid="report"]'));
    if (!report || (await report.getAttribute("data-run-id")) === notRun) return null;
    return (await report.getAttribute("data-status")) === "completed" ? report : null;
  }, "the run's report did not show it completed");
}

/** The report's rows once they hold each of `paths`: a report shows it completed before its
 *  rows have loaded. */
async function rowsWith(report, paths) {
  return eventually(async () => {
    const rows = await rowsOf(report);
    return paths.every((p) => rows.has(p)) ? rows : null;
  }, `the report's rows do not list ${paths.join(", ")}`);
}

/** Each report row's status and reason, by asset path. */
async function rowsOf(report) {
  const rows = new Map();
  for (const row of await report.findElements(By.css('[data-testid="report-row"]'))) {
    const reason = await row.findElements(By.css('[data-testid="report-reason"]'));
    rows.set(await row.getAttribute("data-path"), {
      status: await row.getAttribute("data-status"),
      reason: reason.length > 0 ? await reason[0].getText() : "",
    });
  }
  return rows;
}

/** Opens `folder` in Bulk edit on connection `id`, sends `button` (publish or unpublish), applies
 *  its preview and returns the finished report's run id. */
async function replicateFolder(driver, id, button) {
  await press(driver, "nav-bulk");
  const select = await byTestId(driver, "bulk-connection");
  await select.findElement(By.css(`option[value="${id}"]`)).click();
  await typeFolder(driver, folder);
  await (await byTestId(driver, button)).click();
  await byTestId(driver, "preview-table");
  await press(driver, "apply-button");
  const report = await completedReport(driver, null);
  return report.getAttribute("data-run-id");
}

/** Activity's Undo on run `runId`; waits for the undo's preview. */
async function previewUndo(driver, runId) {
  await press(driver, "nav-activity");
  const undo = await eventually(async () => {
    const [button] = await driver.findElements(By.css(`[data-testid="run-item"][data-run-id="${runId}"] [data-testid="undo-run"]`));
    return button ?? null;
  }, "Activity offers no Undo for the run");
  await undo.click();
  return byTestId(driver, "preview-table");
}

test("undoing a publish leaves a colleague's later publication on the website and says why", async (t) => {
  await withApp(t, async (driver) => {
    const id = await sandboxConnection(driver, sandbox);
    const run = await replicateFolder(driver, id, "publish-button");
    for (const a of assets) assert.ok(await onTheWebsite(a.path), `${a.path} was not published`);
    const [republished, ours] = assets.filter((a) => !a.published).map((a) => a.path);
    await sandbox.replicateAs(republished, true, COLLEAGUE);

    const preview = await previewUndo(driver, run);
    // Each row to change says what the headline says will happen to it (issue 77), never a
    // green "Up to date" under "… will be taken off the website".
    const headline = await (await byTestId(driver, "preview-outcome")).getText();
    assert.match(headline, /will be taken off the website/, headline);
    const wills = await eventually(async () => {
      const found = await preview.findElements(By.css('[data-testid="publication-will"]'));
      return found.length > 0 ? Promise.all(found.map((w) => w.getText())) : null;
    }, "the undo's preview rows do not say what will happen to them");
    for (const will of wills) assert.equal(will, "Will be taken off the website");
    for (const row of await preview.findElements(By.css('[data-testid="publication-state"][data-will]'))) {
      assert.equal((await row.findElements(By.css('.pill-success[data-state="up_to_date"]'))).length, 0, "a green Up to date on a row to take down");
    }
    await screenshot(driver, "19 publish undo preview en");
    await press(driver, "apply-button");
    const rows = await rowsWith(await completedReport(driver, run), [ours, republished]);
    await screenshot(driver, "19 publish undo report en");

    assert.equal(rows.get(ours)?.status, "changed", `${ours}: ${JSON.stringify(rows.get(ours))}`);
    assert.equal(await onTheWebsite(ours), false, `${ours} stays on the website`);
    const theirs = rows.get(republished);
    assert.equal(theirs?.status, "skipped", JSON.stringify(theirs));
    assert.match(theirs.reason, /published again after this run/);
    assert.ok(theirs.reason.includes(COLLEAGUE), theirs.reason);
    assert.equal(await onTheWebsite(republished), true, "the colleague's publication was taken down");
    for (const a of assets.filter((a) => a.published)) {
      assert.equal(await onTheWebsite(a.path), true, `${a.path} was public before the run and was taken down`);
      assert.notEqual(rows.get(a.path)?.status, "changed", a.path);
    }
  });
});

test("undoing an unpublish keeps a draft edited since off the website, in French", async (t) => {
  await withApp(t, async (driver) => {
    await chooseLanguage(driver, "fr");
    const id = await sandboxConnection(driver, sandbox);
    const run = await replicateFolder(driver, id, "unpublish-button");
    for (const a of assets) assert.equal(await onTheWebsite(a.path), false, `${a.path} is still public`);

    const preview = await previewUndo(driver, run);
    const toRepublish = await eventually(async () => {
      const rows = await preview.findElements(By.css('[data-testid="preview-row"][data-action="change"]'));
      return rows.length >= 2 ? Promise.all(rows.map((r) => r.getAttribute("data-path"))) : null;
    }, "the undo's preview offers fewer than two assets to put back on the website");
    const [edited, kept] = toRepublish;
    // After the preview, before Apply: a colleague starts a draft on one of them.
    await sandbox.editAsset(edited, { "dc:title": "Brouillon, pas pour le site" });
    await press(driver, "apply-button");
    const rows = await rowsWith(await completedReport(driver, run), [kept, edited]);
    await screenshot(driver, "19 unpublish undo report fr");

    assert.equal(rows.get(kept)?.status, "changed", JSON.stringify(rows.get(kept)));
    assert.equal(await onTheWebsite(kept), true, `${kept} was not put back on the website`);
    const draft = rows.get(edited);
    assert.equal(draft?.status, "skipped", JSON.stringify(draft));
    assert.match(draft.reason, /modifiées dans l’auteur après son retrait du site/);
    assert.equal(await onTheWebsite(edited), false, "the colleague's draft was made public");

    await chooseLanguage(driver, "en");
    await deleteConnections(driver);
  });
  assert.deepEqual(keychainEntries(), []);
});
