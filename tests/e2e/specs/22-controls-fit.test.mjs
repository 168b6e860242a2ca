// Controls that fit their text at the window's default size, in English and in French (issue 42,
// items 8 and 9), end to end against a sandbox started here: the property list shows "Approved
// (metadesk:approved)" whole, every action of the action list fits, "Which assets" stays on one
// line; the Find box is not red before anything is typed (after "Change the edit" and a language
// switch too); the example table's row lines line up; a sheet's preview shares the width between
// its columns, nothing cut at the right, no value over two lines, the whole value in its title.
//
// The specs share the app's folders and keyring within one scripts/e2e.sh run: this file
// starts and ends with no connections.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
  simulateDrop,
  typeFolder,
} from "../lib/app.mjs";
import { chooseAction, chooseLanguage } from "../lib/plain.mjs";

const FOLDER = "/content/dam/wknd-shared/en/adventures/napa-wine-tasting";
const LONG_DESCRIPTION =
  "A long afternoon among the vines of the Napa Valley: a guided walk through the cellars, six wines tasted with the " +
  "winemaker, a picnic on the terrace and the drive back along the Silverado Trail as the sun goes down over the hills.";
let sandbox;
let scratch;

before(async () => {
  sandbox = await startSandboxBinary();
  scratch = mkdtempSync(join(tmpdir(), "metadesk-e2e-fit-"));
});

after(() => {
  sandbox?.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** The window's size: the checks below hold at the default size (src-tauri/tauri.conf.json). */
const windowSize = (driver) => driver.executeScript("return [window.innerWidth, window.innerHeight]");

/** Each select of the edit row whose text does not fit: [test id, text, text width, box width].
 *  A select shows its chosen option; the action list is checked option by option. */
async function cutSelects(driver) {
  return driver.executeScript(`
    const row = document.querySelector('[data-testid="edit-row"]');
    const c = document.createElement('canvas').getContext('2d');
    const cut = [];
    for (const id of ['edit-property', 'edit-action', 'rule-where']) {
      const s = row.querySelector('[data-testid="' + id + '"]');
      if (!s) continue;
      c.font = getComputedStyle(s).font;
      const texts = id === 'edit-action' ? [...s.options].map((o) => o.text) : [s.options[s.selectedIndex].text];
      // The arrow and the padding take about 36px of the box.
      for (const text of texts) {
        const width = c.measureText(text).width;
        if (width + 36 > s.clientWidth) cut.push([id, text, Math.round(width), s.clientWidth]);
      }
    }
    return cut;`);
}

/** The labels of the edit row that wrap or are cut: [text, height, line height]. */
async function cramped(driver) {
  return driver.executeScript(`
    const row = document.querySelector('[data-testid="edit-row"]');
    return [...row.querySelectorAll('label')].filter((l) => l.offsetParent !== null).flatMap((l) => {
      const line = parseFloat(getComputedStyle(l).lineHeight) || 20;
      const h = l.getBoundingClientRect().height;
      return h > line * 1.5 || l.scrollWidth > l.clientWidth + 1 ? [[l.textContent.trim(), h, line]] : [];
    });`);
}

/** Rows of the example under the edit rows whose cells do not share the row's lines. */
async function misalignedSampleRows(driver) {
  return driver.executeScript(`
    return [...document.querySelectorAll('[data-testid="sample-row"]')].flatMap((tr) => {
      const r = tr.getBoundingClientRect();
      const off = [...tr.children].filter((c) => {
        const b = c.getBoundingClientRect();
        return Math.abs(b.top - r.top) > 1 || Math.abs(b.bottom - r.bottom) > 1 || getComputedStyle(c).display !== 'table-cell';
      });
      return off.length ? [[tr.dataset.path, off.map((c) => c.tagName + ':' + getComputedStyle(c).display)]] : [];
    });`);
}

/** How the preview table lays out: cut at the right or not, each column's width, each old
 *  value shown over more than two lines or shortened without its whole text in a title, and
 *  each new value (what the person checks) cut at all (issue 68: it wraps, never clipped). */
async function previewLayout(driver) {
  return driver.executeScript(`
    const table = document.querySelector('[data-testid="preview-table"]');
    const wrap = table.closest('.table-wrap');
    const heads = [...table.querySelectorAll('thead th')].map((th) => [th.textContent.trim(), Math.round(th.getBoundingClientRect().width)]);
    const shown = (selector) => [...table.querySelectorAll(selector)]
      .filter((v) => v.getClientRects().length > 0 && !v.closest('.visually-hidden') && !v.classList.contains('visually-hidden'));
    const befores = shown('[data-testid="preview-row"] [data-testid="cell-before"]');
    const afters = shown('[data-testid="preview-row"] .changed [data-testid="cell-after"]');
    const tall = [];
    const untitled = [];
    for (const v of befores) {
      const line = parseFloat(getComputedStyle(v).lineHeight) || 18;
      const h = v.getBoundingClientRect().height;
      if (h > line * 2 + 2) tall.push([v.textContent.trim().slice(0, 40), Math.round(h), line]);
      if (v.scrollHeight > v.clientHeight + 1 && v.title !== v.textContent.trim()) untitled.push(v.textContent.trim().slice(0, 40));
    }
    // A new value is never cut: all of its text is in view.
    for (const v of afters) {
      if (v.scrollHeight > v.clientHeight + 1 || v.scrollWidth > v.clientWidth + 1) untitled.push(v.textContent.trim().slice(0, 40));
    }
    const values = befores.length + afters.length;
    return { cut: table.scrollWidth > wrap.clientWidth + 1, tableWidth: table.scrollWidth, boxWidth: wrap.clientWidth, heads, values, tall, untitled };`);
}

/** Where each page's heading starts, by page (issue 68: one left edge for every page; the
 *  Developer tools' console is folded away and left out). */
async function headingEdges(driver) {
  const edges = {};
  for (const page of ["connections", "bulk", "upload", "health", "activity", "tags", "settings"]) {
    await press(driver, `nav-${page}`);
    edges[page] = await eventually(() => driver.executeScript(`
      const h = document.querySelector('main h1#${page}-title');
      return h ? Math.round(h.getBoundingClientRect().left) : null;`), `the ${page} page shows no heading`, 30_000);
  }
  return edges;
}

/** The page's layout around the preview (issue 68, item 7): the areas that scroll, from the
 *  preview table up (one: the page), and the summary card's facts against the card's width. */
async function previewPageLayout(driver) {
  return driver.executeScript(`
    const table = document.querySelector('[data-testid="preview-table"]');
    const scrolling = [];
    for (let box = table.parentElement; box; box = box.parentElement) {
      if (/auto|scroll/.test(getComputedStyle(box).overflowY)) scrolling.push(box.tagName.toLowerCase() + '.' + [...box.classList].join('.'));
    }
    const card = document.querySelector('[data-testid="run-facts"]');
    const facts = card.querySelector('dl');
    const style = getComputedStyle(card);
    const inner = card.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const columns = new Set([...facts.querySelectorAll('dt')].map((dt) => Math.round(dt.getBoundingClientRect().left))).size;
    return { scrolling, factsWidth: Math.round(facts.getBoundingClientRect().width), cardWidth: Math.round(inner), columns };`);
}

/** How many of Bulk edit's mode cards sit on each row, top to bottom. */
async function modeRows(driver) {
  return driver.executeScript(`
    const rows = new Map();
    for (const mode of document.querySelectorAll('[data-testid="bulk-mode"] .mode')) {
      const top = Math.round(mode.getBoundingClientRect().top);
      rows.set(top, (rows.get(top) ?? 0) + 1);
    }
    return [...rows.entries()].sort(([a], [b]) => a - b).map(([, n]) => n);`);
}

/** Writes a sheet giving each of `paths` a new title and a long description. */
function sheetFor(paths) {
  const quote = (v) => `"${v.replaceAll('"', '""')}"`;
  const lines = ["Path (key),Title (dc:title),Description (dc:description)"];
  paths.forEach((path, i) => lines.push([path, `Napa wine tasting, day ${i + 1}`, `${LONG_DESCRIPTION} (${i + 1})`].map(quote).join(",")));
  const file = join(scratch, "long descriptions.csv");
  writeFileSync(file, `${lines.join("\r\n")}\r\n`);
  return file;
}

/** The Find box and its row are not in error, and nothing says "fix the fields". */
async function assertNothingRed(driver, when) {
  const find = await byTestId(driver, "rule-find");
  assert.notEqual(await find.getAttribute("aria-invalid"), "true", `the Find box is red ${when}`);
  const errors = await driver.findElements(By.css('[data-testid="edit-row"] .error-text, [data-testid="preview-button"] ~ .hint .error-text'));
  assert.deepEqual(await Promise.all(errors.map((e) => e.getText())), [], `problems shown ${when}`);
}

test("controls fit their text in English and French; the Find box is red only once asked; tables share their width", async (t) => {
  await withApp(t, async (driver) => {
    const [width, height] = await windowSize(driver);
    assert.ok(width <= 1100 && height <= 720, `the window is ${width}×${height}, larger than its default size`);
    const id = await importSandboxConnection(driver, sandbox);
    // Every page's heading starts at the same x (Connections started 38 px right of the others).
    const edges = await headingEdges(driver);
    assert.equal(new Set(Object.values(edges)).size, 1, `the pages start at different x: ${JSON.stringify(edges)}`);
    await press(driver, "nav-bulk");
    // The four mode cards sit in balanced rows: never three and one alone.
    const modes = await modeRows(driver);
    assert.ok(modes.length > 0 && modes.every((n) => n === modes[0]), `the mode cards sit unevenly: ${JSON.stringify(modes)}`);
    const select = await byTestId(driver, "bulk-connection");
    await select.findElement(By.css(`option[value="${id}"]`)).click();
    await typeFolder(driver, FOLDER);

    // A preview asked for and opened, then "Change the edit": a new action starts clean.
    await pickProperty(driver, "dc:title");
    await (await byTestId(driver, "edit-values")).sendKeys("Napa");
    await press(driver, "preview-button");
    await byTestId(driver, "preview-table", 60_000);
    await press(driver, "back-to-form");
    await chooseAction(driver, "replace");
    await assertNothingRed(driver, "after “Change the edit”, before anything is typed");

    // The property list and the action list show their text whole; labels keep to one line.
    await pickProperty(driver, "metadesk:approved");
    assert.deepEqual(await cutSelects(driver), [], "a select of the edit row is cut (English)");
    await pickProperty(driver, "dc:title");
    await chooseAction(driver, "replace");
    await assertNothingRed(driver, "after the property and the action were chosen again");
    assert.deepEqual(await cutSelects(driver), [], "a select of the edit row is cut (English, Title)");
    assert.deepEqual(await cramped(driver), [], "a label of the edit row wraps (English)");

    // The example under the row: its row lines line up.
    await (await byTestId(driver, "rule-find")).sendKeys("a");
    await (await byTestId(driver, "rule-replace")).sendKeys("A");
    const paths = await eventually(async () => {
      const rows = await driver.findElements(By.css('[data-testid="sample-row"]'));
      return rows.length > 1 ? Promise.all(rows.map((r) => r.getAttribute("data-path"))) : null;
    }, "the example did not show", 30_000);
    assert.deepEqual(await misalignedSampleRows(driver), [], "the example's cells do not line up");
    await driver.executeScript("arguments[0].scrollIntoView({ block: 'center' })", await byTestId(driver, "rule-sample"));
    await screenshot(driver, "22 form and example en");

    // In French, the same: whole words, one-line labels, and still nothing red before typing.
    // Emptied as a person does (WebDriver's clear() leaves the form's value as it was).
    await (await byTestId(driver, "rule-find")).sendKeys(Key.chord(Key.CONTROL, "a"), Key.BACK_SPACE);
    await eventually(async () => (await driver.findElements(By.css('[data-testid="sample-row"]'))).length === 0,
      "the example stayed after the Find box was emptied", 30_000);
    await chooseLanguage(driver, "fr");
    await press(driver, "nav-bulk");
    await byTestId(driver, "edit-row");
    await assertNothingRed(driver, "after the switch to French, the Find box emptied");
    for (const property of ["metadesk:approved", "dc:title"]) {
      await pickProperty(driver, property);
      assert.deepEqual(await cutSelects(driver), [], `a select of the edit row is cut (French, ${property})`);
    }
    await chooseAction(driver, "replace");
    assert.deepEqual(await cramped(driver), [], "a label of the edit row wraps (French)");
    await (await byTestId(driver, "rule-find")).sendKeys("a");
    await eventually(async () => (await driver.findElements(By.css('[data-testid="sample-row"]'))).length > 1,
      "the example did not show in French", 30_000);
    assert.deepEqual(await misalignedSampleRows(driver), [], "the example's cells do not line up (French)");
    await pickProperty(driver, "metadesk:approved");
    assert.deepEqual(await cutSelects(driver), [], "a select of the edit row is cut (French, Approved)");
    await driver.executeScript("arguments[0].scrollIntoView({ block: 'start' })", await byTestId(driver, "edit-row"));
    await eventually(async () => (await (await byTestId(driver, "edit-property")).getAttribute("title")) === "Approved (metadesk:approved)",
      "the property list does not say Approved");
    await screenshot(driver, "22 form fr");

    // A sheet's preview: long descriptions get room, no value over two lines, nothing cut.
    await press(driver, "mode-sheet");
    const sheet = sheetFor(paths.slice(0, 3));
    await simulateDrop(driver, [sheet]);
    await eventually(async () => (await (await byTestId(driver, "sheet-file")).getText()).includes("long descriptions.csv"),
      "the sheet is not shown as the one on hand");
    const check = await byTestId(driver, "check-sheet");
    await eventually(async () => await check.isEnabled(), "Check and preview stayed disabled", 30_000);
    await check.click();
    await byTestId(driver, "preview-table", 60_000);
    await eventually(async () => (await driver.findElements(By.css('[data-testid="preview-row"]'))).length >= 3,
      "the sheet's preview shows no rows", 30_000);
    for (const lang of ["fr", "en"]) {
      if (lang === "en") {
        await chooseLanguage(driver, "system");
        await press(driver, "nav-bulk");
        await byTestId(driver, "preview-table", 30_000);
        // Back on the page, the preview's rows are asked again ("Loading…" meanwhile).
        await eventually(async () => (await driver.findElements(By.css('[data-testid="preview-row"]'))).length >= 3,
          "the preview's rows did not come back after the language change", 30_000);
      }
      // One scroll area: the page; the preview table grows with its rows instead of scrolling
      // inside it. The summary card's facts use its whole width, side by side.
      const page = await previewPageLayout(driver);
      assert.equal(page.scrolling.length, 1, `the preview scrolls in ${page.scrolling.length} areas (${lang}): ${JSON.stringify(page)}`);
      assert.ok(page.factsWidth >= page.cardWidth - 2 && page.columns >= 2,
        `the summary card's facts do not use its width (${lang}): ${JSON.stringify(page)}`);
      const layout = await previewLayout(driver);
      assert.equal(layout.cut, false, `the preview is cut at the right (${lang}): ${JSON.stringify(layout)}`);
      assert.ok(layout.values > 0, "no value shown in the preview");
      assert.deepEqual(layout.tall, [], `old values over two lines (${lang})`);
      assert.deepEqual(layout.untitled, [], `values cut: new ones, or old ones without their whole text (${lang})`);
      const widthOf = (re) => layout.heads.find(([h]) => re.test(h))?.[1] ?? 0;
      // Values get room; where an asset stands on the website is a short status and stays narrow.
      for (const [head, w] of layout.heads.filter(([h]) => !/^(On the website|Sur le site web)$/.test(h))) {
        assert.ok(w >= 150, `the column ${head} is ${w}px wide (${lang})`);
      }
      assert.ok(widthOf(/^Description/) >= widthOf(/^Titre|^Title/),
        `the descriptions have less room than the titles (${lang}): ${JSON.stringify(layout.heads)}`);
      await driver.executeScript("arguments[0].scrollIntoView({ block: 'start' })", await byTestId(driver, "preview-table"));
      await screenshot(driver, `22 sheet preview ${lang}`);
    }
    // Nothing is applied: back to the form, and the connection goes.
    await press(driver, "back-to-form");
    await deleteConnections(driver, [id]);
  });
  assert.deepEqual(keychainEntries(), [], "the keychain should end without connections");
});
