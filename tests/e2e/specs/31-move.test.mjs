// Issue 76: moving and renaming assets from a sheet, on the Bulk edit page. The sandbox holds a
// published page that uses two assets of the sample folder; a sheet (CSV, `Path` and `New path`)
// renames three assets of that folder. On Bulk edit, "Move…" opens the Move panel and the sheet
// is dropped on it (as the other specs hand a sheet to the window); the preview lists each
// asset's old → new path, the page that uses it and whether that page is on the website, with
// the counts on top, and nothing has moved. Apply moves them: the report says moved, and the
// sandbox holds each asset (the same asset, by its jcr:uuid) at its new path, the page pointing
// at the new paths. Undo previews moving each back, then applies it: the sandbox holds them at
// their old paths again and the page points at them. Screenshots go to E2E_ARTIFACTS.
//
// The specs share the app's folders and keyring within one scripts/e2e.sh run: this file
// starts and ends with no connections.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { By } from "selenium-webdriver";
import {
  withApp,
  byTestId,
  press,
  startSandboxBinary,
  eventually,
  screenshot,
  simulateDrop,
  importSandboxConnection,
  deleteConnections,
  typeFolder,
} from "../lib/app.mjs";

/** The sandbox's sample folder (as it says when it starts). */
const FOLDER = "/content/dam/wknd-shared/en/adventures/napa-wine-tasting";
/** The page that uses the first two assets renamed, published. */
const PAGE = "/content/wknd/en/e2e-summer-campaign";
const PAGE_TITLE = "Summer campaign";

let sandbox;
let dir;
let sheet;
/** [old path, new path] of each asset the sheet renames; the page uses the first two. */
let moves;

before(async () => {
  sandbox = await startSandboxBinary({ assets: 16, perFolder: 8 });
  const dump = await sandbox.getJson("/__sandbox/dump");
  const olds = dump.assets
    .filter((a) => !a.contentFragment && a.path.startsWith(`${FOLDER}/`) && !a.path.slice(FOLDER.length + 1).includes("/"))
    .map((a) => a.path)
    .slice(0, 3);
  assert.equal(olds.length, 3, `three assets in ${FOLDER}: ${JSON.stringify(dump.assets.map((a) => a.path))}`);
  moves = olds.map((old, i) => [old, `${FOLDER}/summer-2026-beach-0${i + 1}${old.slice(old.lastIndexOf("."))}`]);
  await setPage(PAGE, { title: PAGE_TITLE, published: true, assets: olds.slice(0, 2) });
  dir = mkdtempSync(join(tmpdir(), "metadesk-e2e-move-"));
  sheet = join(dir, "renames.csv");
  writeFileSync(sheet, `Path,New path\n${moves.map(([from, to]) => `${from},${to}`).join("\n")}\n`);
});

after(() => {
  sandbox?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Sets the Sites page at `path` in the sandbox as an author would (`/__sandbox/page`). */
async function setPage(path, page) {
  const response = await fetch(`${sandbox.url}/__sandbox/page?path=${encodeURIComponent(path)}`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(page),
  });
  if (response.status !== 200) throw new Error(`setting ${path}: ${response.status} ${await response.text()}`);
}

/** The page as the sandbox holds it: the DAM paths it uses on author (`assets`) and on the
 *  website (`live`). */
function page(path) {
  return sandbox.getJson(`/__sandbox/page?path=${encodeURIComponent(path)}`);
}

/** The sandbox's asset at `path`, or null when it holds none. */
async function held(path) {
  try {
    return await sandbox.asset(path);
  } catch {
    return null;
  }
}

/** The Move panel's rows once `count` show and none is `notState`: by old path, each with its
 *  new path, state and pages (path → website pill's text). */
async function rows(driver, count, notState = null) {
  return eventually(async () => {
    const found = await driver.findElements(By.css('[data-testid="move-row"]'));
    if (found.length !== count) return null;
    const out = {};
    for (const row of found) {
      const state = await row.getAttribute("data-state");
      if (state === notState) return null;
      const pages = {};
      for (const li of await row.findElements(By.css('[data-testid="move-page"]'))) {
        pages[await li.getAttribute("data-path")] = {
          text: await li.getText(),
          website: await (await li.findElement(By.css('[data-testid="move-page-website"]'))).getText(),
        };
      }
      out[await row.getAttribute("data-from")] = { to: await row.getAttribute("data-to"), state, pages, text: await row.getText() };
    }
    return out;
  }, `the Move panel did not list ${count} rows${notState ? ` none ${notState}` : ""}`, 60_000);
}

/** Brings `id`'s element into view, for a screenshot of what is below the fold. */
async function showing(driver, id) {
  await driver.executeScript("arguments[0].scrollIntoView({ block: 'start' })", await byTestId(driver, id));
}

/** Applies the run on screen and waits for its report; returns the report's counts element. */
async function applyAndReport(driver) {
  await press(driver, "move-apply");
  return eventually(async () => {
    const [counts] = await driver.findElements(By.css('[data-testid="move-report-counts"]'));
    const busy = await driver.findElements(By.css('[data-testid="move-progress"]'));
    return counts && busy.length === 0 ? counts : null;
  }, "the move's report did not show", 120_000);
}

test("a sheet of renames is previewed with the page that uses them, applied, reported and undone", async (t) => {
  await withApp(t, async (driver) => {
    const id = await importSandboxConnection(driver, sandbox);
    try {
      const uuids = {};
      for (const [from] of moves) uuids[from] = (await held(from))["jcr:uuid"];

      await press(driver, "nav-bulk");
      const select = await byTestId(driver, "bulk-connection");
      await select.findElement(By.css(`option[value="${id}"]`)).click();
      await typeFolder(driver, FOLDER);
      await press(driver, "move-button");
      await byTestId(driver, "move-from-scope", 30_000);
      // A sheet dropped while the panel is open is its moves.
      await simulateDrop(driver, [sheet]);
      await eventually(async () => (await (await byTestId(driver, "move-from-sheet")).getText()).includes("renames.csv"),
        "the Move panel does not name the dropped sheet");
      await press(driver, "move-preview");

      // The preview: each asset's old → new path, to move; the page that uses the first two, on
      // the website; the counts on top. Nothing has moved yet.
      const counts = await byTestId(driver, "move-counts", 60_000);
      assert.equal(await counts.getAttribute("data-planned"), String(moves.length), await counts.getText());
      assert.equal(await counts.getAttribute("data-refused"), "0", await counts.getText());
      assert.equal(await counts.getAttribute("data-pages"), "1", await counts.getText());
      assert.match(await counts.getText(), /^3 to move · 0 refused · 1 page/);
      const preview = await rows(driver, moves.length);
      for (const [i, [from, to]] of moves.entries()) {
        const row = preview[from];
        assert.ok(row, `${from} in the preview: ${JSON.stringify(preview)}`);
        assert.equal(row.to, to, from);
        assert.equal(row.state, "planned", from);
        assert.ok(row.text.includes(from) && row.text.includes(`→ ${to}`), row.text);
        if (i < 2) {
          assert.deepEqual(Object.keys(row.pages), [PAGE], `${from}'s pages`);
          assert.ok(row.pages[PAGE].text.includes(PAGE_TITLE), row.pages[PAGE].text);
          assert.equal(row.pages[PAGE].website, "On the website", from);
        } else {
          assert.deepEqual(row.pages, {}, `no page uses ${from}`);
          assert.ok(row.text.includes("No page uses it."), row.text);
        }
      }
      for (const [from, to] of moves) {
        assert.ok(await held(from), `${from} still there before Apply`);
        assert.equal(await held(to), null, `nothing at ${to} before Apply`);
      }
      assert.deepEqual((await page(PAGE)).assets, moves.slice(0, 2).map(([from]) => from));
      await showing(driver, "move-result");
      await screenshot(driver, "31-move-1-preview");

      // Unticking the page previews again with it left on the old path, said above the rows;
      // ticking it again fixes it again.
      const previewed = await (await byTestId(driver, "move-result")).getAttribute("data-run");
      const untick = async (want) => {
        const before = await (await byTestId(driver, "move-result")).getAttribute("data-run");
        const [tick] = await driver.findElements(By.css('[data-testid="move-page-fix"]'));
        assert.ok(tick, "each page has its tick in the preview");
        assert.equal(await tick.isSelected(), want, "ticked before it is unticked, and back");
        await tick.click();
        await eventually(async () => {
          const result = await byTestId(driver, "move-result");
          if ((await result.getAttribute("data-run")) === before) return false;
          const left = await driver.findElements(By.css('[data-testid="move-pages-left"]'));
          return want ? left.length === 1 && (await left[0].getText()).includes("1 page") : left.length === 0;
        }, `the preview was not made again with the page ${want ? "kept" : "fixed"}`, 60_000);
      };
      await untick(true);
      await untick(false);
      assert.notEqual(await (await byTestId(driver, "move-result")).getAttribute("data-run"), previewed);

      // Apply: the report says moved; the sandbox holds the same assets at their new paths and
      // the page uses the new paths (its published copy is as it was until republished).
      const report = await applyAndReport(driver);
      assert.equal(await report.getAttribute("data-done"), String(moves.length), await report.getText());
      assert.equal(await report.getAttribute("data-failed"), "0", await report.getText());
      assert.match(await report.getText(), /^3 moved · 0 failed/);
      assert.equal(await (await byTestId(driver, "move-result-title")).getText(), "What the move did");
      const moved = await rows(driver, moves.length, "planned");
      for (const [from, to] of moves) {
        assert.equal(moved[from]?.state, "moved", `${from}: ${JSON.stringify(moved)}`);
        assert.equal(await held(from), null, `nothing left at ${from}`);
        const asset = await held(to);
        assert.ok(asset, `${to} holds the asset`);
        assert.equal(asset["jcr:uuid"], uuids[from], `the same asset at ${to}`);
      }
      const adjusted = await page(PAGE);
      assert.deepEqual(adjusted.assets, moves.slice(0, 2).map(([, to]) => to), "the page uses the new paths");
      await showing(driver, "move-result");
      await screenshot(driver, "31-move-2-report");

      // Undo: the move back is previewed (new → old), then applied.
      await press(driver, "move-undo");
      await eventually(async () => (await (await byTestId(driver, "move-result-title", 60_000)).getText()) === "Moving back",
        "the undo's preview did not show");
      const back = await byTestId(driver, "move-counts", 60_000);
      assert.equal(await back.getAttribute("data-planned"), String(moves.length), await back.getText());
      assert.equal(await back.getAttribute("data-refused"), "0", await back.getText());
      const planned = await rows(driver, moves.length);
      for (const [from, to] of moves) {
        assert.equal(planned[to]?.to, from, `${to} goes back to ${from}: ${JSON.stringify(planned)}`);
        assert.equal(planned[to].state, "planned", to);
      }
      const undone = await applyAndReport(driver);
      assert.equal(await undone.getAttribute("data-done"), String(moves.length), await undone.getText());
      assert.equal(await undone.getAttribute("data-failed"), "0", await undone.getText());
      const after = await rows(driver, moves.length, "planned");
      for (const [from, to] of moves) {
        assert.equal(after[to]?.state, "moved", `${to}: ${JSON.stringify(after)}`);
        assert.equal(await held(to), null, `nothing left at ${to}`);
        const asset = await held(from);
        assert.ok(asset, `${from} holds the asset again`);
        assert.equal(asset["jcr:uuid"], uuids[from], `the same asset back at ${from}`);
      }
      assert.deepEqual((await page(PAGE)).assets, moves.slice(0, 2).map(([from]) => from), "the page uses the old paths again");
      // An undo is not undone from here.
      assert.equal((await driver.findElements(By.css('[data-testid="move-undo"]'))).length, 0, "no Undo of the undo");
      await showing(driver, "move-result");
      await screenshot(driver, "31-move-3-undone");
      await press(driver, "move-close");
    } finally {
      await deleteConnections(driver, [id]);
    }
  });
});
