// The pictures of README.md and docs/, taken from the real window on every run of the suite,
// so that they follow the window when it changes (docs/development.md, "Pictures in the guides").
// The walk is the README's first five minutes: "Try with a sandbox AEM", Bulk edit on one of its
// folders, Copyright set on every asset, the preview, Apply and the report; then a sheet with
// errors and its problems table. Each picture is checked for what it must show before it is
// saved: a picture of a half-drawn page would be worse than none.
//
// The specs share the app's folders and keyring within one scripts/e2e.sh run: this file
// starts from no connections (withApp's reset) and ends with none.

import { test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { By } from "selenium-webdriver";
import {
  withApp,
  byTestId,
  press,
  eventually,
  connectionCards,
  deleteConnections,
  docsPicture,
  pickProperty,
  simulateDrop,
  typeFolder,
  SLOW_STATE_MS,
} from "../lib/app.mjs";

const scratch = mkdtempSync(join(tmpdir(), "metadesk-e2e-pictures-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

const FOLDER = "/content/dam/wknd-shared/en/adventures/napa-wine-tasting";

/** Adds the built-in sandbox's connection and waits until its sandbox runs; returns its id and
 *  the sandbox's address. */
async function trySandbox(driver) {
  await press(driver, "nav-connections");
  await press(driver, "try-sandbox");
  const card = await eventually(async () => (await connectionCards(driver)).find((c) => c.name === "Sandbox"),
    "no sandbox connection", SLOW_STATE_MS);
  const el = () => driver.findElement(By.css(`[data-connection-id="${card.id}"]`));
  await eventually(async () => (await (await el()).findElements(By.css('[data-testid="connection-host"]'))).length > 0
    && /Running on this computer/.test(await (await el()).getText()), "the sandbox is not running", SLOW_STATE_MS);
  // The host line also says it is a sandbox: the address is its first part.
  const host = await (await (await el()).findElement(By.css('[data-testid="connection-host"]'))).getText();
  const address = host.match(/127\.0\.0\.1:\d+/)?.[0];
  assert.ok(address, `no loopback address in the sandbox's host line: ${host}`);
  return { id: card.id, url: `http://${address}` };
}

/**
 * Scrolls the page's own scrolling area (not the document: the window's frame would move) so
 * that `element` stands `offset` pixels below its top; `null` scrolls it to the top.
 */
async function showAtTop(driver, element, offset = 16) {
  await driver.executeScript(`
    const [el, offset] = arguments;
    const start = el ?? document.getElementById('bulk-title');
    let box = start.parentElement;
    while (box && !(box.scrollHeight > box.clientHeight && /auto|scroll/.test(getComputedStyle(box).overflowY))) box = box.parentElement;
    window.scrollTo(0, 0);
    if (!box) return;
    box.scrollTop = el ? box.scrollTop + el.getBoundingClientRect().top - box.getBoundingClientRect().top - offset : 0;
  `, element, offset);
  // Two frames: what the picture shows is painted.
  await driver.executeAsyncScript("const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done()));");
}

/** Waits until the thumbnails of the preview rows in view are drawn: none still loading, and
 *  at least one picture shown (a video's or a PDF's tile keeps its file-type icon). */
async function thumbnailsInView(driver) {
  await eventually(() => driver.executeScript(`
    // The rows scroll in a box of their own: a row below its edge is hidden, never asked for.
    let area = document.querySelector('[data-testid="preview-table"]');
    while (area.parentElement && !/auto|scroll/.test(getComputedStyle(area).overflowY)) area = area.parentElement;
    const box = area.getBoundingClientRect();
    const bottom = Math.min(box.bottom, window.innerHeight);
    const tiles = [...document.querySelectorAll('[data-testid="preview-row"] [data-testid="thumbnail"]')]
      .filter((t) => t.getBoundingClientRect().top >= Math.max(box.top, 0) && t.getBoundingClientRect().bottom <= bottom);
    const loaded = tiles.filter((t) => t.dataset.state === 'loaded').length;
    // Kept for the failure's message: which tiles were in view, and how far each got.
    window.__tilesInView = tiles.map((t) => t.dataset.kind + ' ' + t.dataset.state);
    // The sandbox's assets are drawn at random: two rows in view may be a picture and a PDF.
    return loaded >= 1 && tiles.every((t) => t.dataset.state === 'loaded' || t.dataset.state === 'none');
  `), "the preview's thumbnails in view did not load", SLOW_STATE_MS).catch(async (e) => {
    const seen = await driver.executeScript("return window.__tilesInView");
    throw new Error(`${e.message}; the tiles in view: ${JSON.stringify(seen)}`);
  });
}

test("the guides' pictures: the preview, the report and a sheet's problems, on the built-in sandbox", async (t) => {
  await withApp(t, async (driver) => {
    const { id, url } = await trySandbox(driver);
    const dump = await (await fetch(`${url}/__sandbox/dump`)).json();
    assert.ok(dump.assets.some((a) => a.path.startsWith(`${FOLDER}/`)), `the sandbox has no asset in ${FOLDER}`);

    await press(driver, "nav-bulk");
    const select = await byTestId(driver, "bulk-connection");
    await select.findElement(By.css(`option[value="${id}"]`)).click();
    await typeFolder(driver, FOLDER);
    await eventually(async () => (await driver.findElement(By.css('[data-testid="scope-count"]')).getAttribute("data-done")) === "1",
      "the number of assets in scope was not shown", SLOW_STATE_MS);
    const row = await byTestId(driver, "edit-row");
    await pickProperty(driver, "dc:rights");
    const values = await row.findElement(By.css('[data-testid="edit-values"]'));
    await values.clear();
    await values.sendKeys("WKND Limited Use");

    await press(driver, "preview-button");
    await byTestId(driver, "preview-table", SLOW_STATE_MS);
    await eventually(async () => (await driver.findElements(By.css('[data-testid="preview-row"][data-action="change"]'))).length > 0,
      "the preview shows no asset that will change", SLOW_STATE_MS);
    // The page's title at the top: the picture shows where in the window this is.
    await showAtTop(driver, null);
    await thumbnailsInView(driver);
    await showAtTop(driver, null);
    await docsPicture(driver, "window");
    await showAtTop(driver, await byTestId(driver, "preview-counts"), 70);
    await thumbnailsInView(driver);
    await showAtTop(driver, await byTestId(driver, "preview-counts"), 70);
    await docsPicture(driver, "preview");

    await press(driver, "apply-button");
    const report = await byTestId(driver, "report", SLOW_STATE_MS);
    await eventually(async () => (await (await report.findElement(By.css('[data-testid="report-status"]'))).getText()) === "Completed",
      "the run did not complete", SLOW_STATE_MS);
    // The report from its title: its chart, and the first assets with their results in words
    // (the summary card above it is the preview's picture's).
    await showAtTop(driver, await driver.findElement(By.id("report-title")));
    await docsPicture(driver, "report");

    // A sheet with two mistakes: a title with two values, and a path outside the DAM.
    const assets = dump.assets.filter((a) => a.path.startsWith(`${FOLDER}/`) && !a.contentFragment).slice(0, 3);
    const sheet = join(scratch, "napa sheet.csv");
    const lines = [
      "Path (key),Name (not written),Last modified (do not change),Title (dc:title),Description (dc:description)",
      `${assets[0].path},,,Vineyard at dawn|Vineyard at dusk,`,
      "/etc/not-the-dam/napa.jpg,,,Napa,",
      `${assets[1].path},,,,A #CLEARED description`,
    ];
    writeFileSync(sheet, `\uFEFF${lines.join("\r\n")}\r\n`);
    const again = await driver.findElements(By.css('[data-testid="new-edit"], [data-testid="back-to-form"]'));
    if (again.length > 0) await again[0].click();
    await press(driver, "mode-sheet");
    await typeFolder(driver, FOLDER);
    await simulateDrop(driver, [sheet]);
    await eventually(async () => (await (await byTestId(driver, "sheet-file")).getText()).includes("napa sheet.csv"),
      "the sheet is not shown as the one on hand");
    const check = await byTestId(driver, "check-sheet");
    await eventually(() => check.isEnabled(), "Check and preview stayed disabled", SLOW_STATE_MS);
    await check.click();
    await byTestId(driver, "sheet-blocked", SLOW_STATE_MS);
    const issues = await driver.findElements(By.css('[data-testid="issue-row"][data-severity="error"]'));
    assert.ok(issues.length >= 2, `the problems table shows ${issues.length} errors`);
    await showAtTop(driver, await byTestId(driver, "sheet-blocked"), 60);
    await docsPicture(driver, "sheet-problems");

    await showAtTop(driver, null);
    await deleteConnections(driver, [id]);
  });
});
