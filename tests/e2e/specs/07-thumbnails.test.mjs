// Thumbnails in the chosen folder's strip and in the preview, against a sandbox started here
// with one folder of 2,000 assets:
// - choosing the folder shows its first assets as a list of thumbnails with names and titles,
//   says the folder holds at least N more, and asks only for the tiles scrolled into view;
// - the first rows show their thumbnails (drawn by the sandbox, fetched by the Rust side through
//   the `thumb:` protocol), a placeholder stays for assets without one (videos, PDFs, fragments);
// - only rows that come into view ask for one: with the first page of 100 rows on screen, far
//   fewer than 100 were asked for;
// - the whole preview scrolled end to end (every "Show more" page) asks at most once per row
//   shown, for no asset outside the preview. How far the page's timers fell behind meanwhile is
//   printed, not asserted: it measures the machine as much as the page (speed is measured in
//   BENCHMARKS.md, not in tests that other builds beside them would fail).
// Screenshots go to E2E_ARTIFACTS. Starts and ends with no connections.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { By, Key } from "selenium-webdriver";
import {
  withApp,
  byTestId,
  press,
  simulateDrop,
  startSandboxBinary,
  keychainEntries,
  eventually,
  connectionCards,
  openAddressEdit,
  screenshot,
  pickProperty,
  typeFolder,
} from "../lib/app.mjs";

const ASSETS = 2000;

let sandbox;
let folder;
let inFolder;

before(async () => {
  sandbox = await startSandboxBinary({ assets: ASSETS, perFolder: ASSETS });
  const dump = await sandbox.getJson("/__sandbox/dump");
  folder = dump.folders.filter((f) => f.folders === 0).sort((a, b) => b.assets - a.assets)[0]?.path;
  assert.ok(folder, "the sandbox has no folder with assets");
  inFolder = dump.assets.filter((a) => a.path.startsWith(`${folder}/`) && !a.path.slice(folder.length + 1).includes("/"));
  assert.equal(inFolder.length, ASSETS, `${folder} does not hold all ${ASSETS} assets`);
});

after(() => sandbox?.stop());

const renditions = async () => (await sandbox.getJson("/__sandbox/counters")).renditions ?? {};
const hasThumbnail = (path) => /\.(jpg|png|tif)$/.test(path);

test("the preview shows thumbnails, loads them only for rows in view, once per row", async (t) => {
  let connectionId;
  await withApp(t, async (driver) => {
    await driver.manage().setTimeouts({ script: 600_000 });
    await press(driver, "nav-connections");
    await simulateDrop(driver, [sandbox.file("service-credentials.json")]);
    const card = await eventually(async () => (await connectionCards(driver)).find((c) => c.text.includes(sandbox.service.integration.email)),
      "the service credential was not imported", 30_000);
    connectionId = card.id;
    const input = await openAddressEdit(driver, card.id);
    await input.clear();
    await input.sendKeys(sandbox.url, Key.ENTER);
    await eventually(async () => (await (await driver.findElement(By.css(`[data-connection-id="${card.id}"] [data-testid="connection-host"]`))).getText())
      .includes(new URL(sandbox.url).host), "the sandbox address is not shown");

    await press(driver, "nav-bulk");
    const select = await byTestId(driver, "bulk-connection");
    await select.findElement(By.css(`option[value="${card.id}"]`)).click();
    await typeFolder(driver, folder);
    await eventually(async () => (await (await driver.findElement(By.css('[data-testid="scope-count"]'))).getAttribute("data-done")) === "1",
      "the number of assets in scope was not shown", 120_000);
    const row = await byTestId(driver, "edit-row");
    await pickProperty(driver, "dc:rights");
    await (await row.findElement(By.css('[data-testid="edit-action"] option[value="set"]'))).click();
    await (await row.findElement(By.css('[data-testid="edit-values"]'))).sendKeys("Thumbnail test rights");

    // The folder's strip: its first assets by name, title and picture; only tiles in view ask.
    const strip = await byTestId(driver, "folder-assets-list", 60_000);
    assert.equal(await strip.getAttribute("aria-label"), `Assets in ${folder}`);
    const tiles = await strip.findElements(By.css('[data-testid="folder-asset"]'));
    assert.equal(tiles.length, 48, "the strip shows the first 48 assets");
    assert.match(await (await byTestId(driver, "folder-assets-rest")).getText(), /^and at least 52 more/);
    const tilePaths = await driver.executeScript(`
      return [...document.querySelectorAll('[data-testid="folder-asset"]')].map((t) => t.dataset.path);`);
    assert.ok(tilePaths.every((p) => inFolder.some((a) => a.path === p)), "a tile is not an asset of the folder");
    // Bring the strip's first rows to the top of the view, the rest of it below the window. The
    // page may still move (a note arriving above the strip): the tiles in view are looked at
    // again at each poll, and each of them must have loaded its picture or kept the placeholder.
    let stripStates = null;
    await eventually(async () => {
      stripStates = await driver.executeScript(`
        const list = document.querySelector('[data-testid="folder-assets-list"]');
        list.scrollIntoView({ block: 'start' });
        const inView = (t) => { const r = t.getBoundingClientRect(); return r.bottom > 0 && r.top < window.innerHeight; };
        return [...list.querySelectorAll('[data-testid="folder-asset"]')].filter(inView).map((tile) => {
          const img = tile.querySelector('img');
          return [tile.dataset.path, tile.querySelector('[data-testid="thumbnail"]').dataset.state, img ? img.getAttribute('alt') : null, img ? img.naturalWidth : 0];
        });`);
      return stripStates.length >= 3 && stripStates.every(([, state]) => state === "loaded" || state === "none");
    }, "the thumbnails of the strip's tiles in view did not load").catch((e) => {
      throw new Error(`${e.message}: ${JSON.stringify(stripStates)}`);
    });
    for (const [p, state, alt, width] of stripStates) {
      if (hasThumbnail(p)) {
        assert.equal(state, "loaded", `${p} shows no thumbnail in the strip`);
        assert.equal(width, 140, `${p}'s strip thumbnail is not the 140×100 rendition`);
        assert.ok(alt && alt.length > 0, `${p}'s picture has no alt text`);
      } else {
        assert.equal(state, "none", `${p} should keep the placeholder in the strip`);
      }
    }
    assert.ok(stripStates.some(([p]) => hasThumbnail(p)), "no image among the strip's tiles in view");
    await screenshot(driver, "06 thumbnails 0 folder strip");
    // Tiles never scrolled into view still wait, and AEM was never asked for theirs.
    const byStrip = await renditions();
    const waiting = await driver.executeScript(`
      return [...document.querySelectorAll('[data-testid="folder-asset"]')]
        .filter((t) => t.querySelector('[data-testid="thumbnail"]').dataset.state === 'waiting')
        .map((t) => t.dataset.path);`);
    assert.ok(waiting.length >= 6, `only ${waiting.length} tiles still wait for their thumbnail`);
    for (const p of waiting) assert.equal(byStrip[p], undefined, `${p} was asked for though never in view`);
    assert.ok(Object.keys(byStrip).every((p) => tilePaths.includes(p)), "a thumbnail was asked for outside the strip");
    assert.ok(Object.keys(byStrip).length < tilePaths.length, "every tile asked, in view or not");
    await press(driver, "preview-button");
    await byTestId(driver, "preview-table", 180_000);
    // Every asset (the preview opens on those that will change): skipped fragments have rows too.
    const all = await (await byTestId(driver, "preview-counts")).findElement(By.css('[data-filter="all"]'));
    await eventually(async () => Number(await all.getAttribute("data-count")) === ASSETS, "the preview does not count every asset", 120_000);
    await all.click();
    // The table reads 100 rows a page and puts only those near the view in the page.
    await eventually(async () => (await (await byTestId(driver, "preview-table")).getAttribute("data-loaded")) === "100",
      "the first page of preview rows was not read", 120_000);

    // The rows in view (the table's box and the window both show them): their thumbnails load,
    // those without one keep the placeholder.
    const firstRows = await driver.executeScript(`
      const wrap = document.querySelector('.table-wrap');
      wrap.scrollIntoView({ block: 'start' });
      const bottom = Math.min(wrap.getBoundingClientRect().bottom, window.innerHeight);
      return [...document.querySelectorAll('[data-testid="preview-row"]')]
        .filter((r) => r.querySelector('[data-testid="thumbnail"]').getBoundingClientRect().top < bottom)
        .map((r) => r.dataset.path);`);
    assert.ok(firstRows.length >= 3, `only ${firstRows.length} rows in view`);
    let lastStates = null;
    const states = await eventually(async () => {
      const s = await driver.executeScript(`
        return Object.fromEntries(arguments[0].map((p) => {
          const t = document.querySelector('[data-testid="preview-row"][data-path="' + CSS.escape(p) + '"] [data-testid="thumbnail"]');
          const img = t.querySelector('img');
          return [p, { state: t.dataset.state, width: img ? img.naturalWidth : 0 }];
        }));`, firstRows);
      lastStates = s;
      return Object.values(s).every((x) => x.state === "loaded" || x.state === "none") ? s : null;
    }, "the thumbnails of the rows in view did not load", 60_000).catch((e) => {
      throw new Error(`${e.message}: ${JSON.stringify(lastStates)}`);
    });
    for (const p of firstRows) {
      if (hasThumbnail(p)) {
        assert.equal(states[p].state, "loaded", `${p} shows no thumbnail`);
        assert.equal(states[p].width, 140, `${p}'s thumbnail is not the 140×100 rendition`);
      } else {
        assert.equal(states[p].state, "none", `${p} should keep the placeholder`);
      }
    }
    assert.ok(firstRows.some(hasThumbnail), "no image among the first rows");
    await screenshot(driver, "06 thumbnails 1 preview");

    // Lazy: with 100 rows read, only those in view (and just below) asked.
    const early = Object.fromEntries(Object.entries(await renditions()).filter(([p]) => !(p in byStrip)));
    assert.ok(Object.keys(early).length < 60, `${Object.keys(early).length} thumbnails asked with ${firstRows.length} rows in view`);

    // Scroll to the end, page by page ("Show more" at each bottom), measuring how late the
    // page's own timers fire meanwhile (a blocked page would fall far behind).
    const scrolled = await driver.executeAsyncScript(`
      const done = arguments[arguments.length - 1];
      (async () => {
        const wrap = document.querySelector('.table-wrap');
        // The table has no scroll box of its own: the page's scrolling area moves it (issue 68).
        let area = wrap.parentElement;
        while (!/auto|scroll/.test(getComputedStyle(area).overflowY)) area = area.parentElement;
        // The table's top at the area's top, so every row passes through view while it scrolls.
        wrap.scrollIntoView({ block: 'start' });
        // Rows read so far (the page holds only those near the view).
        const rows = () => Number(document.querySelector('[data-testid="preview-table"]').dataset.loaded);
        const seen = new Set();
        const look = () => {
          const box = area.getBoundingClientRect();
          // The header sticks at the area's top, over the rows passing under it.
          const head = wrap.querySelector('thead').getBoundingClientRect().height;
          const top = Math.max(box.top + head, 0);
          const bottom = Math.min(box.bottom, window.innerHeight);
          for (const r of document.querySelectorAll('[data-testid="preview-row"]')) {
            const t = r.querySelector('[data-testid="thumbnail"]').getBoundingClientRect();
            if (t.bottom > top && t.top < bottom) seen.add(r.dataset.path);
          }
        };
        let lag = 0;
        // One step, then a pause as a person's scrolling has; how late the pause's timer fires
        // is the page's lag.
        const tick = async () => {
          const start = performance.now();
          await new Promise((r) => setTimeout(r, 120));
          lag = Math.max(lag, performance.now() - start - 120);
          look();
        };
        for (let guard = 0; guard < 20000; guard++) {
          area.scrollTop += Math.floor(area.clientHeight * 0.8);
          await tick();
          if (area.scrollTop + area.clientHeight < area.scrollHeight - 2) continue;
          const more = document.querySelector('[data-testid="preview-more"]');
          if (!more) break;
          const before = rows();
          if (!more.disabled) more.click();
          // The next page is read while the app says it works (html[data-working]); ticks
          // count only once it is idle.
          for (let idle = 0; idle < 100 && rows() === before; ) {
            await tick();
            if (document.documentElement.dataset.working === undefined) idle++;
          }
        }
        // Scrolled down, the header stands at the area's very top: no band of rows above it.
        const headGap = wrap.querySelector('thead th').getBoundingClientRect().top - area.getBoundingClientRect().top;
        done({ rows: rows(), lag, seen: [...seen], headGap: Math.round(headGap) });
      })().catch((e) => done({ error: String(e) }));`);
    assert.equal(scrolled.error, undefined, scrolled.error);
    assert.equal(scrolled.rows, ASSETS, "not every row was shown");
    assert.ok(Math.abs(scrolled.headGap) <= 1, `the table's header stands ${scrolled.headGap} px below the page's top`);

    // Every request ended (the counts stop moving), then: at most one per row, none elsewhere.
    const counts = await eventually(async () => {
      const a = await renditions();
      await sleep(1000);
      const b = await renditions();
      return JSON.stringify(a) === JSON.stringify(b) ? b : null;
    }, "thumbnail requests did not settle", 60_000);
    const shownPaths = new Set(inFolder.map((a) => a.path));
    const repeated = Object.entries(counts).filter(([, n]) => n > 1);
    assert.deepEqual(repeated, [], "rows asked for their thumbnail more than once");
    const outside = Object.keys(counts).filter((p) => !shownPaths.has(p));
    assert.deepEqual(outside, [], "thumbnails asked for assets not in the preview");
    // Rows on screen asked as they passed (one that flew by between two renderings of a busy
    // page may not have: it was never painted).
    const asked = scrolled.seen.filter((p) => counts[p] === 1).length;
    console.log(`rows through view: ${scrolled.seen.length}; of them asked: ${asked}; requests: ${Object.keys(counts).length}; max lag ${Math.round(scrolled.lag)} ms`);
    assert.ok(scrolled.seen.length > ASSETS * 0.9, `only ${scrolled.seen.length} of ${ASSETS} rows passed through view`);
    assert.ok(asked >= scrolled.seen.length * 0.5, `${asked} of the ${scrolled.seen.length} rows shown asked for their thumbnail`);
    await screenshot(driver, "06 thumbnails 2 scrolled to the end");

    // The last rows show theirs too.
    const last = await driver.executeScript(`
      const rows = [...document.querySelectorAll('[data-testid="preview-row"]')].slice(-5);
      return rows.map((r) => [r.dataset.path, r.querySelector('[data-testid="thumbnail"]').dataset.state]);`);
    for (const [p, state] of last) {
      assert.equal(state, hasThumbnail(p) ? "loaded" : "none", `${p} at the end`);
    }

    // Leave no connection behind.
    await press(driver, "nav-connections");
    const cardEl = await driver.findElement(By.css(`[data-connection-id="${connectionId}"]`));
    await (await cardEl.findElement(By.css('[data-testid="delete-connection"]'))).click();
    await press(driver, "delete-confirm");
    await byTestId(driver, "empty-connections");
  });
  assert.deepEqual(keychainEntries(), [], "the connection left keychain entries behind");
});
