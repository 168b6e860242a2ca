// Bulk edit end to end, against a sandbox started here: a service credential dropped on the
// window for real (an OS-level XDND drop from a GTK drag source); a folder picked (tree and
// typed path) with its number of assets; dc:rights set to a value no asset has; the preview's
// before → after cells; Apply with live progress, slowed by the sandbox's latency so the run
// cannot end first, paused (the sandbox's write counter and the bar stand still) and resumed
// up to 100 %; the report; the sandbox's assets read over HTTP; "Undo this run" with its own
// preview and apply; the originals back. The long apply sends exactly one desktop notification
// (seen by the stand-in notification service of scripts/e2e.sh); the short previews and the
// undo send none. Then a read-only credential: the apply stops with the 403 explanation
// that names the technical account, and nothing changes in the sandbox. Screenshots of each
// step go to E2E_ARTIFACTS.
//
// The specs share the app's folders and keyring within one scripts/e2e.sh run: this file
// starts and ends with no connections (the runs it made stay in the app's history).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
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
  sentNotifications,
  longJobSecs,
  pickProperty,
  typeFolder,
} from "../lib/app.mjs";

/** The sandbox's slow-down for the whole main apply: every request waits its turn (one at a
 *  time) and takes LATENCY_MS, so the run lasts at least (assets × LATENCY_MS): longer than the
 *  time the test needs to pause it, and longer than the long-job threshold. */
const LATENCY_MS = 400;
/** How long the paused run is watched for writes that should not happen (several latencies). */
const PAUSED_WINDOW_MS = 2_500;
/** Time for a notification of a job that just ended to reach the stand-in service: far more
 *  than the one local D-Bus call it takes. Only used to show that none came. */
const NOTIFICATION_SETTLE_MS = 2_000;

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

/** Drops a credential file on the window for real (XDND), finds its card by the technical
 *  account and points it at the sandbox. */
async function importCredential(driver, file, email, name) {
  await press(driver, "nav-connections");
  const page = await driver.findElement(By.css("#connections-title"));
  await realDrop(driver, [sandbox.file(file)], page);
  const card = await eventually(async () => (await connectionCards(driver)).find((c) => c.text.includes(email)),
    `${file} was not imported by the drop`, 30_000);
  added.push(card.id);
  await screenshot(driver, `04 ${name} 0 import`);
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
  await press(driver, "nav-bulk");
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
  await typeFolder(driver, folder);
  const count = await eventually(async () => {
    const el = await driver.findElement(By.css('[data-testid="scope-count"]'));
    return (await el.getAttribute("data-done")) === "1" ? el : null;
  }, "the number of assets in scope was not shown", 60_000);
  const number = Number((await count.getText()).match(/([\d,]+)\s+assets? in scope/)?.[1]?.replaceAll(",", ""));
  assert.equal(number, editable().length, await count.getText());
  // A path longer than its box shows its end, the folder itself, once the box is left (issue 53).
  const input = await byTestId(driver, "folder-path-input");
  await driver.executeScript("arguments[0].blur()", input);
  const [width, inner] = await driver.executeScript("return [arguments[0].scrollWidth, arguments[0].clientWidth]", input);
  assert.ok(width > inner, `the path fits its box (${width} ≤ ${inner}): this check needs a longer one`);
  await eventually(
    async () => driver.executeScript("const e = arguments[0]; return e.scrollLeft + e.clientWidth >= e.scrollWidth - 1", input),
    "the path box does not show the end of the path once left",
  );
  await screenshot(driver, `04 ${name} 1 folder and scope`);
}

/** Fills the one edit row: Copyright (dc:rights) set to `value`. */
async function setRights(driver, value) {
  const row = await byTestId(driver, "edit-row");
  await pickProperty(driver, "dc:rights");
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
  // The cells' text as the page holds it: WebKitWebDriver's visible-text atom reads nothing in a
  // line-clamped cell (display: -webkit-box) although the screenshot shows it.
  const text = async (id) => (await (await row.findElement(By.css(`[data-testid="${id}"]`))).getAttribute("textContent")).trim();
  assert.equal(await text("cell-before"), shown(before));
  // A value taken away reads as a removal ("emptied"), not as a new value (issue 42).
  const emptied = (after === null || after === undefined) && before !== null && before !== undefined;
  assert.equal(await text("cell-after"), emptied ? "emptied" : shown(after));
}

/** The count on one of the report's filter buttons. */
async function reportCount(driver, status) {
  const button = await driver.findElement(By.css(`[data-testid="report-filters"] [data-filter="${status}"]`));
  return Number(await button.getAttribute("data-count"));
}

/** The sandbox's request counters (writes applied, requests in flight…). */
const counters = () => sandbox.getJson("/__sandbox/counters");

/** Pauses the running apply and shows that nothing more is written while it is paused: once
 *  the writes under way have ended, the sandbox's write counter and the bar stand still. */
async function pauseAndWatch(driver, progress, name) {
  await press(driver, "pause-button");
  await byTestId(driver, "resume-button");
  await eventually(async () => (await progress.getAttribute("data-paused")) === "1", "the run did not say it is paused");
  // Writes under way when Pause was pressed finish; no new request starts. Settled = nothing in
  // flight and no new write across one latency.
  const settled = await eventually(async () => {
    const first = await counters();
    await sleep(LATENCY_MS + 100);
    const second = await counters();
    return first.in_flight === 0 && second.in_flight === 0 && first.writes_applied === second.writes_applied ? second : null;
  }, "the writes under way did not end after Pause", 30_000);
  const total = editable().length;
  assert.ok(settled.writes_applied < total, `the run ended (${settled.writes_applied} of ${total} written) before it was paused`);
  // The bar may lag a little behind the writes (events are rate-limited), never ahead.
  const shownDone = await progress.getAttribute("data-done");
  assert.ok(Number(shownDone) <= settled.writes_applied, `the bar shows ${shownDone} done, AEM got ${settled.writes_applied} writes`);
  await screenshot(driver, `04 ${name} 4 paused`);

  await sleep(PAUSED_WINDOW_MS);
  const later = await counters();
  assert.equal(later.writes_applied, settled.writes_applied, "assets were written while the run was paused");
  assert.equal(later.in_flight, 0, "a request started while the run was paused");
  assert.equal(await progress.getAttribute("data-done"), shownDone, "the progress advanced while paused");
  assert.equal(await progress.getAttribute("data-paused"), "1");
}

/** Clicks Apply and waits for the report at 100 %; with `watch`, the run is slowed down,
 *  paused (nothing is written meanwhile) and resumed on the way. */
async function applyAndWaitForReport(driver, name, { watch = false } = {}) {
  const apply = await byTestId(driver, "apply-button");
  // An undo's button says so (issue 42).
  const verb = name === "undo" ? "Undo" : "Apply";
  assert.match(await apply.getText(), new RegExp(`^${verb} ${editable().length} changes?$`));
  // Slow to the end: the whole run (not only up to the pause) lasts at least assets × latency.
  // In batches the whole apply is one request, so this AEM refuses batch writes: each asset is
  // then written on its own (the fallback), which a person can watch, pause and resume.
  if (watch) await sandbox.setFaults({ latency_ms: LATENCY_MS, capacity: 1, batch_writes_refused: 405 });
  let report;
  try {
    await apply.click();
    if (watch) {
      const progress = await byTestId(driver, "run-progress", 30_000);
      await eventually(async () => Number(await progress.getAttribute("data-done")) > 0, "no progress was shown", 60_000);
      assert.equal(Number(await progress.getAttribute("data-total")), editable().length);
      await screenshot(driver, `04 ${name} 4 progress`);
      await pauseAndWatch(driver, progress, name);
      await press(driver, "resume-button");
      await eventually(async () => (await progress.getAttribute("data-paused")) === "0", "the run did not resume");
      await byTestId(driver, "pause-button");
    }
    report = await byTestId(driver, "report", 180_000);
  } finally {
    if (watch) await sandbox.setFaults({});
  }
  // One bar a report: the outcome chart; the apply's bar, at its end, says nothing more.
  assert.equal((await report.findElements(By.css('[data-testid="run-progress"]'))).length, 0, "a second bar in the report");
  await report.findElement(By.css('[data-testid="report-chart"]'));
  if (watch) {
    // Said once, in the run's facts: the assets were written one by one, and why.
    const notice = await byTestId(driver, "run-write-notice");
    assert.match(await notice.getText(), /405/);
  }
  await screenshot(driver, `04 ${name} 5 report`);
  return report;
}

test("service credentials: preview, apply, the report, the sandbox's state, then undo brings the originals back", async (t) => {
  const value = `© Metadesk E2E ${Date.now()}`;
  const sample = editable()[0];
  const notifiedBefore = sentNotifications().length;
  const newNotifications = () => sentNotifications().slice(notifiedBefore);
  // The slowed-down apply must count as long, the rest must not.
  assert.ok(editable().length * LATENCY_MS > longJobSecs() * 1000 + 1000,
    `${editable().length} assets at ${LATENCY_MS} ms do not make a run longer than ${longJobSecs()} s`);
  await withApp(t, async (driver) => {
    const id = await importCredential(driver, "service-credentials.json", sandbox.service.integration.email, "edit");
    await pickFolder(driver, id, "edit");
    await setRights(driver, value);
    await screenshot(driver, "04 edit 2 form");

    await press(driver, "preview-button");
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

    // The long apply told the desktop, once, in the run's words; the short preview did not.
    const notified = await eventually(async () => (newNotifications().length > 0 ? newNotifications() : null),
      "no desktop notification was sent for the long run");
    assert.deepEqual(notified.map(({ app, summary, body }) => ({ app, summary, body })), [{
      app: "metadesk",
      summary: "Bulk edit finished",
      body: `Bulk edit finished: ${editable().length} changed — ${folder}`,
    }]);

    // Undo: its own preview (before = the new value, after = the original), then apply.
    await (await report.findElement(By.css('[data-testid="undo-run"]'))).click();
    await checkPreviewRow(driver, sample, value, assets.get(sample).rights);
    const facts = await (await byTestId(driver, "run-facts")).getText();
    assert.match(facts, /Undo of the bulk edit of /);
    assert.ok(facts.includes(folder), facts);
    assert.doesNotMatch(facts, /\d{8}-\d{6}/, "a run id is shown instead of words");
    await screenshot(driver, "04 undo 3 preview");
    const undoReport = await applyAndWaitForReport(driver, "undo");
    assert.equal(await (await undoReport.findElement(By.css('[data-testid="report-status"]'))).getText(), "Completed");
    assert.equal(await reportCount(driver, "failed"), 0);
    for (const path of editable()) {
      assert.deepEqual((await sandbox.asset(path)).metadata["dc:rights"] ?? null, assets.get(path).rights,
        `${path} did not get its original value back`);
    }

    // Both runs are in Activity, completed.
    await press(driver, "nav-activity");
    const list = await byTestId(driver, "run-list");
    const items = await list.findElements(By.css('[data-testid="run-item"]'));
    assert.ok(items.length >= 2, "the two runs are not listed");
    for (const item of items.slice(0, 2)) assert.equal(await item.getAttribute("data-status"), "completed");
    // Each card's title says what the run did, on how many assets, where (issue 77): the
    // connection is said once, among the facts, not in the title.
    const titleOf = async (item) => (await item.findElement(By.css('[data-testid="run-name"]'))).getText();
    assert.match(await titleOf(items[0]), /^Undo of the bulk edit of .*: \d+ assets? in \/content\/dam\//);
    assert.match(await titleOf(items[1]), /^Bulk edit: \d+ assets? in \/content\/dam\//);
    assert.doesNotMatch(await titleOf(items[1]), /Program|environment|·/);
    assert.equal(await items[1].getAttribute("data-undone"), "yes", "the edit undone does not look undone");
    await screenshot(driver, "04 edit 6 activity");

    // Its report shows the latest state: under a heading that names the undo, each asset given back.
    await (await items[1].findElement(By.css('[data-testid="open-report"]'))).click();
    await byTestId(driver, "undone-heading", 30_000);
    const given = await eventually(async () => {
      const rows = await driver.findElements(By.css('[data-testid="report-row"][data-undone]'));
      return rows.length > 0 ? Promise.all(rows.map(async (r) => (await r.findElement(By.css('[data-testid="report-outcome"]'))).getText())) : null;
    }, "the undone edit's report rows do not say what the undo did");
    for (const outcome of given) assert.equal(outcome, "Given back");
    await press(driver, "nav-activity");

    // The undo's preview and apply were short: still the one notification.
    await sleep(NOTIFICATION_SETTLE_MS);
    assert.equal(newNotifications().length, 1, `short jobs sent notifications: ${JSON.stringify(newNotifications())}`);
  });
});

test("a read-only credential: the apply stops at once with the 403 explanation naming the technical account, Resume offered", async (t) => {
  const value = `© Read-only E2E ${Date.now()}`;
  const email = sandbox.readOnly.integration.email;
  const total = editable().length;
  await withApp(t, async (driver) => {
    const id = await importCredential(driver, "service-credentials-read-only.json", email, "read-only");
    await pickFolder(driver, id, "read-only");
    await setRights(driver, value);
    await press(driver, "preview-button");
    // Reading works: the preview is the same as with write access.
    await checkPreviewRow(driver, editable()[0], assets.get(editable()[0]).rights, value);
    await screenshot(driver, "04 read-only 3 preview");

    const apply = await byTestId(driver, "apply-button");
    assert.match(await apply.getText(), new RegExp(`^Apply ${total} changes?$`));
    await apply.click();
    const report = await byTestId(driver, "report", 180_000);
    // AEM refuses the first changes: the run stops at once with the reason in words, nothing
    // failed (the refusals are about the connection, not the assets) and every asset waits
    // for a Resume once an administrator has given write access.
    assert.equal(await report.getAttribute("data-status"), "stopped");
    assert.equal(await reportCount(driver, "changed"), 0);
    assert.equal(await reportCount(driver, "pending"), total);
    // A filter with nothing in it may not be shown at all.
    for (const filter of await driver.findElements(By.css('[data-testid="report-filters"] [data-filter="failed"]'))) {
      assert.equal(await filter.getAttribute("data-count"), "0", "no asset failed");
    }
    const explanation = await byTestId(driver, "stopped-reason");
    const words = await explanation.getText();
    assert.ok(words.includes(`technical account ${email}`), `the explanation does not name ${email}: ${words}`);
    assert.match(words, /may not change the assets it tried/);
    assert.match(words, /Ask an AEM administrator/);
    assert.ok(await (await explanation.findElement(By.css('[data-testid="resume-run"]'))).isEnabled(), "Resume is not offered");
    for (const path of editable()) {
      assert.deepEqual((await sandbox.asset(path)).metadata["dc:rights"] ?? null, assets.get(path).rights,
        `${path} changed through a read-only credential`);
    }
    await screenshot(driver, "04 read-only 5 refused 403");
  });
});

test("the connections added here are deleted, and leave nothing in the keychain", async (t) => {
  await withApp(t, async (driver) => {
    await deleteConnections(driver, added);
    await byTestId(driver, "empty-connections");
  });
  assert.deepEqual(keychainEntries(), [], "the connections left keychain entries behind");
});
