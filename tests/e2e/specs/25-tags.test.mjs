// Issue 51: the Tags page shows AEM's taxonomy as a tree of titles in the reader's language,
// with ids and descriptions, and searches it (titles in every language, ids). A tag moved in
// AEM is not shown at its old place. Merge into… previews the assets that hold the tag, is
// applied and reported on Bulk edit, fixes the assets (the sandbox's state is read over HTTP),
// then AEM merges the tag; Activity's undo gives the assets their tags back. A move onto an
// existing tag is refused in words with nothing written. Count assets shows how many assets
// under a folder hold each tag, as the sandbox holds them. English and French, axe clean in
// both; screenshots go to E2E_ARTIFACTS. Export… saves the taxonomy through the real save
// dialog; the file, edited (a new tag, a changed French title) and dropped on the page, is
// previewed in words, applied (the sandbox holds the changes) and undone; a sheet with a bad id
// is refused naming its row, with nothing written. Rename… changes a tag's title, previewed,
// applied and undone (the sandbox holds each), in English and French.
//
// The specs share the app's folders and keyring within one scripts/e2e.sh run: this file
// starts and ends with no connections.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { By, Key } from "selenium-webdriver";
import {
  withApp,
  byTestId,
  press,
  startSandboxBinary,
  eventually,
  screenshot,
  revealed,
  importSandboxConnection,
  deleteConnections,
  clickForNativeWindow,
  nativeWindow,
  sendToWindow,
  simulateDrop,
} from "../lib/app.mjs";
import { seriousViolations } from "../lib/a11y.mjs";
import { chooseLanguage, writesApplied } from "../lib/plain.mjs";

let sandbox;
let scratch;

before(async () => {
  sandbox = await startSandboxBinary({ assets: 20 });
  scratch = mkdtempSync(join(tmpdir(), "metadesk-e2e-tags-"));
});

after(() => {
  sandbox?.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** The titles of the tags shown, in order. */
const shownTitles = (driver) =>
  driver.executeScript(
    "return [...document.querySelectorAll('[data-testid=\"tag-row\"] > .tag > .title')].map((e) => e.textContent)",
  );

/** Waits for the page to have read the tags, and returns what its count says. */
const countText = (driver) =>
  eventually(async () => {
    const els = await driver.findElements(By.css('[data-testid="tags-count"]'));
    return els.length > 0 ? els[0].getText() : null;
  }, "the Tags page never showed its tags", 60_000);

/** Types `text` into the search box, replacing what is there. */
async function search(driver, text) {
  const input = await byTestId(driver, "tags-search");
  await input.clear();
  if (text) await input.sendKeys(text);
}

test("the Tags page shows the taxonomy in the reader's language and searches it", async (t) => {
  await withApp(t, async (driver) => {
    const id = await importSandboxConnection(driver, sandbox);
    await press(driver, "nav-tags");
    assert.match(await countText(driver), /^12 tags$/);
    const titles = await shownTitles(driver);
    for (const title of ["WKND Shared", "Activity", "Surfing", "Standard Tags", "Landscape"]) {
      assert.ok(titles.includes(title), `${title} not in ${titles}`);
    }
    const surfing = await driver.findElement(By.css('[data-tag="wknd-shared:activity/surfing"] .id'));
    assert.equal(await surfing.getText(), "wknd-shared:activity/surfing");
    const summer = await driver.findElement(By.css('[data-tag="wknd-shared:season/summer"] .description'));
    assert.equal(await summer.getText(), "June to August");
    assert.deepEqual(await seriousViolations(driver), []);
    await screenshot(driver, "25-tags-en");

    await search(driver, "winter");
    await eventually(async () => (await countText(driver)) === "3 of 12 tags", "the search did not narrow the tree");
    assert.deepEqual(await shownTitles(driver), ["WKND Shared", "Season", "Winter"]);
    await screenshot(driver, "25-tags-search-en");

    await chooseLanguage(driver, "fr");
    await press(driver, "nav-tags");
    assert.match(await countText(driver), /^12 balises$/);
    await search(driver, "hiver");
    await eventually(async () => (await countText(driver)) === "3 balises sur 12", "la recherche n'a rien réduit");
    assert.deepEqual(await shownTitles(driver), ["WKND partagé", "Saison", "Hiver"]);
    assert.deepEqual(await seriousViolations(driver), []);
    await screenshot(driver, "25-tags-search-fr");
    await chooseLanguage(driver, "system");

    await deleteConnections(driver, [id]);
  });
});

/** The merge's rows on screen (a preview's or a report's) strike Surfing out and hold Cycling
 *  (added, or kept where the asset held both) by their titles, the namespace left out, never by
 *  id. */
async function tagsShownByTitle(driver, rowId) {
  const values = async (rows, kind) =>
    (await Promise.all(rows.map(async (r) => Promise.all((await r.findElements(By.css(`[data-testid="value-${kind}"]`))).map(async (el) => (await el.getAttribute("textContent")).trim()))))).flat();
  const shown = await eventually(async () => {
    const rows = await driver.findElements(By.css(`[data-testid="${rowId}"]`));
    const [removed, added, kept] = [await values(rows, "removed"), await values(rows, "added"), await values(rows, "kept")];
    return removed.some((v) => v.endsWith("Activity › Surfing")) ? { removed, added, kept } : null;
  }, "no row shows Activity › Surfing struck out");
  const all = [...shown.removed, ...shown.added, ...shown.kept];
  assert.ok(!all.some((v) => v.includes("wknd-shared:")), `a tag shown by id: ${all.join(" | ")}`);
  assert.ok([...shown.added, ...shown.kept].some((v) => v.endsWith("Activity › Cycling")), `Cycling not shown by title: ${all.join(" | ")}`);
}

/** The tags each asset holds now (content fragments too: a merge fixes theirs as well). */
async function tagsByAsset() {
  const dump = await sandbox.getJson("/__sandbox/dump");
  const tags = new Map();
  for (const a of dump.assets) {
    tags.set(a.path, (await sandbox.asset(a.path)).metadata["cq:tags"] ?? []);
  }
  return tags;
}

/** A tag's node as AEM serves it (`cq:movedTo` once moved or merged), read with a token. */
async function tagNode(id) {
  const token = await fetch(`${sandbox.url}/__sandbox/dev-token`, { method: "POST" }).then((r) => r.json());
  const [ns, local] = id.split(":");
  const response = await fetch(`${sandbox.url}/content/cq:tags/${ns}/${local}.0.json`, {
    headers: { Authorization: `Bearer ${token.accessToken}` },
  });
  assert.equal(response.status, 200, `the tag ${id} is not served`);
  return response.json();
}

/** Selects the tag `id` of the Tags page, then opens `action` (merge, move, delete) on it (the
 *  selected tag's actions, once above the tree: issue 68), and its dialog. */
async function openChange(driver, id, action) {
  await countText(driver);
  const row = await driver.findElement(By.css(`[data-tag="${id}"] > .tag`));
  await (await row.findElement(By.css('[data-testid="tag-select"]'))).click();
  await press(driver, `tag-${action}`);
  return byTestId(driver, "tag-change-dialog");
}

test("a move onto an existing tag is refused in words, with nothing written", async (t) => {
  await withApp(t, async (driver) => {
    const id = await importSandboxConnection(driver, sandbox);
    const writes = await writesApplied(sandbox);
    await press(driver, "nav-tags");
    await openChange(driver, "wknd-shared:season/summer", "move");
    const to = await byTestId(driver, "tag-change-to");
    await to.clear();
    await to.sendKeys("wknd-shared:season/winter");
    await press(driver, "tag-change-preview");
    const error = await byTestId(driver, "tag-change-error", 60_000);
    assert.match(await error.getText(), /wknd-shared:season\/winter already exists: merge into it instead of moving onto it\. Nothing was changed\./);
    // Said once, and the suggestion is a button (issue 68).
    assert.equal((await error.getText()).split("Nothing was changed").length, 2);
    assert.match(await (await byTestId(driver, "tag-change-merge-instead")).getText(), /^Merge into Winter instead$/);
    assert.deepEqual(await seriousViolations(driver), []);
    await screenshot(driver, "25-tags-refused-en");
    await press(driver, "tag-change-close");

    await chooseLanguage(driver, "fr");
    await press(driver, "nav-tags");
    const dialog = await openChange(driver, "wknd-shared:season/summer", "move");
    assert.match(await dialog.getText(), /Déplacer «\sWKND partagé › Saison › Été\s»/);
    const toFr = await byTestId(driver, "tag-change-to");
    await toFr.clear();
    await toFr.sendKeys("wknd-shared:season/winter");
    await press(driver, "tag-change-preview");
    const errorFr = await byTestId(driver, "tag-change-error", 60_000);
    assert.match(await errorFr.getText(), /wknd-shared:season\/winter existe déjà/);
    assert.deepEqual(await seriousViolations(driver), []);
    await screenshot(driver, "25-tags-refused-fr");
    await press(driver, "tag-change-close");
    await chooseLanguage(driver, "system");

    assert.equal(await writesApplied(sandbox), writes, "something was written");
    assert.equal((await tagNode("wknd-shared:season/summer"))["cq:movedTo"], undefined);
    await deleteConnections(driver, [id]);
  });
});

test("Rename… changes only the tag's title, previewed in words, and its undo puts it back", async (t) => {
  await withApp(t, async (driver) => {
    const id = await importSandboxConnection(driver, sandbox);
    const tag = "wknd-shared:season/summer";
    await press(driver, "nav-tags");
    await countText(driver);
    const row = await driver.findElement(By.css(`[data-tag="${tag}"] > .tag`));
    await (await row.findElement(By.css('[data-testid="tag-select"]'))).click();
    await press(driver, "tag-rename");
    const title = await byTestId(driver, "tag-rename-title");
    // An empty title is said, and nothing is previewed (typed away, as a person does: a
    // WebDriver clear() sends no input event).
    await title.sendKeys(Key.chord(Key.CONTROL, "a"), Key.BACK_SPACE);
    await press(driver, "tag-rename-preview-button");
    await byTestId(driver, "tag-rename-missing");
    await title.sendKeys("Summertime");
    await press(driver, "tag-rename-preview-button");
    const preview = await byTestId(driver, "tag-rename-preview", 60_000);
    assert.match(await preview.getText(), /will be renamed Summertime/);
    assert.match(await preview.getText(), /“Summer” → “Summertime”|Summer → Summertime/);
    assert.deepEqual(await seriousViolations(driver), []);
    await screenshot(driver, "25-tags-rename-preview-en");
    await press(driver, "tag-rename-apply");
    await byTestId(driver, "tag-rename-done", 60_000);
    await eventually(async () => (await tagNode(tag))["jcr:title"] === "Summertime", "AEM does not hold the new title", 30_000);
    await screenshot(driver, "25-tags-rename-done-en");
    await press(driver, "tag-rename-undo");
    await byTestId(driver, "tag-rename-undone", 60_000);
    await eventually(async () => (await tagNode(tag))["jcr:title"] === "Summer", "the undo did not put the title back", 30_000);
    await press(driver, "tag-rename-close");

    // In French: the dialog in the reader's words.
    await chooseLanguage(driver, "fr");
    await press(driver, "nav-tags");
    await countText(driver);
    const rowFr = await driver.findElement(By.css(`[data-tag="${tag}"] > .tag`));
    await (await rowFr.findElement(By.css('[data-testid="tag-select"]'))).click();
    await press(driver, "tag-rename");
    const titleFr = await byTestId(driver, "tag-rename-title");
    await titleFr.clear();
    await titleFr.sendKeys("Plein été");
    await press(driver, "tag-rename-preview-button");
    const previewFr = await byTestId(driver, "tag-rename-preview", 60_000);
    assert.match(await previewFr.getText(), /sera renommée Plein été/);
    assert.deepEqual(await seriousViolations(driver), []);
    await screenshot(driver, "25-tags-rename-preview-fr");
    await press(driver, "tag-rename-close");
    await chooseLanguage(driver, "system");
    assert.equal((await tagNode(tag))["jcr:title"], "Summer", "a closed preview wrote something");
    await deleteConnections(driver, [id]);
  });
});

/** Counts the assets under `folder` on the Tags page; returns what the page says it counted. */
async function countUnder(driver, folder) {
  await countText(driver);
  const input = await byTestId(driver, "folder-path-input");
  await input.clear();
  await input.sendKeys(folder, Key.ENTER);
  await press(driver, "tags-count-assets");
  return (await byTestId(driver, "tags-counted", 120_000)).getText();
}

/** The count the page shows beside the tag `id`. */
const shownUses = async (driver, id) =>
  (await driver.findElement(By.css(`[data-tag="${id}"] > .tag [data-testid="tag-uses"]`))).getText();

test("Count assets shows how many assets under a folder hold each tag, as AEM holds them", async (t) => {
  const tag = "wknd-shared:activity";
  const held = await tagsByAsset();
  const holds = (tags) => tags.some((x) => x === tag || x.startsWith(`${tag}/`));
  const first = [...held].find(([, tags]) => holds(tags))?.[0];
  assert.ok(first, `no seeded asset holds ${tag} or a tag below it`);
  const folder = first.slice(0, first.lastIndexOf("/"));
  const n = [...held].filter(([path, tags]) => path.startsWith(`${folder}/`) && holds(tags)).length;
  assert.ok(n > 0);

  await withApp(t, async (driver) => {
    const id = await importSandboxConnection(driver, sandbox);
    await press(driver, "nav-tags");
    await countText(driver);
    assert.match(await (await byTestId(driver, "tags-counts-empty")).getText(), /^No count yet/);
    assert.match(await countUnder(driver, folder), new RegExp(`assets? under ${folder} counted\\.$`));
    assert.equal(await shownUses(driver, tag), n === 1 ? "1 asset" : `${n} assets`);
    assert.deepEqual(await seriousViolations(driver), []);
    await screenshot(driver, "25-tags-counts-en");

    await chooseLanguage(driver, "fr");
    await press(driver, "nav-tags");
    assert.match(await countUnder(driver, folder), new RegExp(`ressources? de ${folder} comptées?\\.$`));
    assert.equal(await shownUses(driver, tag), n === 1 ? "1 ressource" : `${n} ressources`);
    assert.deepEqual(await seriousViolations(driver), []);
    await screenshot(driver, "25-tags-counts-fr");
    await chooseLanguage(driver, "system");

    await deleteConnections(driver, [id]);
  });
});

test("Merge into… previews, applies and reports the assets, merges the tag, and is undone from Activity", async (t) => {
  const [from, into] = ["wknd-shared:activity/surfing", "wknd-shared:activity/cycling"];
  // One asset already holds both: it ends with the target once.
  const seeded = await tagsByAsset();
  const both = [...seeded].find(([, tags]) => tags.includes(from))?.[0];
  assert.ok(both, `no seeded asset holds ${from}`);
  await sandbox.editAsset(both, { "cq:tags": [...seeded.get(both), into] });
  const before = await tagsByAsset();
  const holders = [...before].filter(([, tags]) => tags.includes(from)).map(([path]) => path);

  await withApp(t, async (driver) => {
    const id = await importSandboxConnection(driver, sandbox);
    await press(driver, "nav-tags");
    assert.match(await countText(driver), /^12 tags$/);
    await search(driver, "surf");
    await eventually(async () => (await countText(driver)) === "3 of 12 tags", "the search did not find Surfing");
    const dialog = await openChange(driver, from, "merge");
    assert.match(await dialog.getText(), /Merge “WKND Shared › Activity › Surfing” into another tag/);
    const select = await byTestId(driver, "tag-change-into");
    await (await select.findElement(By.css(`option[value="${into}"]`))).click();
    await eventually(async () => (await select.getAttribute("value")) === into, "the target was not chosen");
    assert.equal(await (await byTestId(driver, "folder-path-input")).getAttribute("value"), "/content/dam");
    assert.deepEqual(await seriousViolations(driver), []);
    await screenshot(driver, "25-tags-merge-dialog-en");
    await press(driver, "tag-change-preview");

    // The preview opens on Bulk edit: one change an asset that holds the tag.
    const apply = await byTestId(driver, "apply-button", 120_000);
    const n = holders.length;
    assert.match(await apply.getText(), new RegExp(`^Apply ${n} changes?$`));
    // Tags by title, as people know them, not AEM's ids (issue 53).
    await tagsShownByTitle(driver, "preview-row");
    // The run's summary says the change by title too.
    const facts = await byTestId(driver, "run-fact-list");
    await eventually(
      async () => (await facts.getText()).includes("Activity › Surfing and the tags below it become Activity › Cycling"),
      "the run's summary does not name the tags by title",
    );
    await screenshot(driver, "25-tags-merge-preview-en");
    await apply.click();
    const report = await byTestId(driver, "report", 180_000);
    assert.equal(await (await report.findElement(By.css('[data-testid="report-status"]'))).getText(), "Completed");
    await tagsShownByTitle(driver, "report-row");
    await screenshot(driver, "25-tags-merge-report-en");

    const after = await tagsByAsset();
    for (const path of holders) {
      const tags = after.get(path);
      assert.ok(!tags.includes(from), `${path} still holds ${from}: ${tags}`);
      assert.equal(tags.filter((tag) => tag === into).length, 1, `${path} does not hold ${into} once: ${tags}`);
    }
    for (const [path, tags] of after) {
      if (!holders.includes(path)) assert.deepEqual(tags, before.get(path), `${path} changed`);
    }
    // Only then did AEM merge the tag: a stub pointing at the target, gone from the page.
    assert.match(String((await tagNode(from))["cq:movedTo"]), /wknd-shared\/activity\/cycling$/);
    await press(driver, "nav-tags");
    assert.match(await countText(driver), /^11 tags$/);
    assert.equal((await driver.findElements(By.css(`[data-tag="${from}"]`))).length, 0);

    // Undo from Activity, like any run: the assets hold their tags as before.
    await press(driver, "nav-activity");
    const list = await byTestId(driver, "run-list");
    const [latest] = await list.findElements(By.css('[data-testid="run-item"]'));
    await (await latest.findElement(By.css('[data-testid="undo-run"]'))).click();
    const undo = await byTestId(driver, "apply-button", 120_000);
    assert.match(await undo.getText(), new RegExp(`^Undo ${n} changes?$`));
    await undo.click();
    const undone = await byTestId(driver, "report", 180_000);
    await eventually(
      async () => (await (await undone.findElement(By.css('[data-testid="report-status"]'))).getText()) === "Completed",
      "the undo did not complete",
    );
    await screenshot(driver, "25-tags-undo-report-en");
    assert.deepEqual(await tagsByAsset(), before);

    await deleteConnections(driver, [id]);
  });
});

const EXPORT_DIALOG = "^Export the tags as a sheet$";

/** A CSV line's cells (quoted cells may hold commas and doubled quotes). */
function cells(line) {
  const out = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (c === "," && !quoted) {
      out.push(cell);
      cell = "";
    } else cell += c;
  }
  out.push(cell);
  return out;
}

const csvLine = (values) => values.map((v) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)).join(",");

/** Whether AEM serves the tag `id`'s node. */
async function tagExists(id) {
  const token = await fetch(`${sandbox.url}/__sandbox/dev-token`, { method: "POST" }).then((r) => r.json());
  const [ns, local] = id.split(":");
  const response = await fetch(`${sandbox.url}/content/cq:tags/${ns}/${local}.0.json`, {
    headers: { Authorization: `Bearer ${token.accessToken}` },
  });
  return response.status === 200;
}

/** Drops `file` on the window and waits for the Tags page to show its preview or refusal. */
async function dropSheet(driver, file, testId) {
  await simulateDrop(driver, [file]);
  return byTestId(driver, testId, 60_000);
}

test("Export… saves the taxonomy; the edited sheet dropped is previewed, applied and undone; a bad id is refused", async (t) => {
  const [summer, autumn] = ["wknd-shared:season/summer", "wknd-shared:season/autumn"];
  await withApp(t, async (driver) => {
    const id = await importSandboxConnection(driver, sandbox);
    await press(driver, "nav-tags");
    const total = Number((await countText(driver)).match(/^(\d+) tags$/)[1]);

    // Export through the save dialog: an absolute path typed over the suggested tags.xlsx.
    const exported = join(scratch, "tags.csv");
    const dialog = await clickForNativeWindow(await byTestId(driver, "tags-export"), EXPORT_DIALOG);
    sendToWindow(dialog, "key", "--clearmodifiers", "ctrl+a");
    sendToWindow(dialog, "type", "--delay", "10", exported);
    sendToWindow(dialog, "key", "Return");
    await eventually(() => nativeWindow(EXPORT_DIALOG) === null, "the save dialog is still open", 5_000);
    const saved = await byTestId(driver, "tags-exported", 60_000);
    assert.equal(await saved.getText(), `Saved ${total} tags to tags.csv.`);
    const lines = readFileSync(exported, "utf8").replace(/^\uFEFF/, "").trim().split(/\r?\n/);
    const header = cells(lines[0]);
    assert.deepEqual(header.slice(0, 2), ["Tag ID", "Title"]);
    assert.equal(lines.length - 1, total, "not one row a tag");
    const fr = header.indexOf("Title (fr)");
    assert.ok(fr > 0, `no French title column in ${header}`);
    const at = lines.findIndex((l) => cells(l)[0] === summer);
    const row = cells(lines[at]);
    assert.equal(row[fr], "Été");

    // Edited: Summer's French title changed, a new tag added; dropped on the page.
    row[fr] = "Plein été";
    const added = header.map(() => "");
    [added[0], added[1], added[fr]] = [autumn, "Autumn", "Automne"];
    const edited = join(scratch, "tags-edited.csv");
    writeFileSync(edited, [...lines.slice(0, at), csvLine(row), ...lines.slice(at + 1), csvLine(added)].join("\n") + "\n");
    const writes = await writesApplied(sandbox);
    const preview = await dropSheet(driver, edited, "tags-import-preview");
    // Where the person is looking (issue 77): the page scrolled to the preview, focused.
    await revealed(driver, preview, "the dropped sheet's preview");
    assert.match(await preview.getText(), /^tags-edited\.csv: 1 new tag, 1 value changed/);
    const created = await byTestId(driver, "tags-import-created");
    assert.equal(await created.getAttribute("data-tag"), autumn);
    assert.match(await created.getText(), /New tag wknd-shared:season\/autumn, titled “Autumn”\s+title \(fr\): “Automne”/);
    const change = await byTestId(driver, "tags-import-change");
    const shown = await Promise.all((await change.findElements(By.css("td"))).map((td) => td.getText()));
    assert.deepEqual(shown, [summer, "title (fr)", "“Été”", "“Plein été”"]);
    assert.equal(await writesApplied(sandbox), writes, "the preview wrote something");
    assert.deepEqual(await seriousViolations(driver), []);
    // The changes' table is as tall as its rows: the page is the one area that scrolls (issue 68).
    const boxes = await driver.executeScript(`
      const table = document.querySelector('[data-testid="tags-import-change"]').closest('table');
      const out = [];
      for (let el = table.parentElement; el; el = el.parentElement) {
        const y = getComputedStyle(el).overflowY;
        if (/auto|scroll/.test(y) && el !== document.scrollingElement) out.push(el.tagName + '.' + el.className + ':' + getComputedStyle(el).maxHeight);
      }
      return out;`);
    assert.ok(boxes.every((b) => b.startsWith("MAIN") || b.endsWith(":none")), `the table scrolls in a box of its own: ${boxes}`);
    await screenshot(driver, "25-tags-import-preview-en");

    await press(driver, "tags-import-apply");
    const applied = await byTestId(driver, "tags-import-applied", 60_000);
    // A success card under its heading, not one grey line (issue 68).
    assert.match(await applied.getText(), /^Imported\s+Created 1 tag and changed 1 value\.$/);
    assert.equal((await tagNode(summer))["jcr:title.fr"], "Plein été");
    assert.equal((await tagNode(autumn))["jcr:title"], "Autumn");
    await eventually(async () => (await countText(driver)) === `${total + 1} tags`, "the page did not read the new tag");
    await screenshot(driver, "25-tags-import-applied-en");

    await press(driver, "tags-import-undo");
    const undone = await byTestId(driver, "tags-import-undone", 60_000);
    assert.equal(await undone.getText(), "Undone: 1 value put back, 1 tag removed.");
    assert.equal((await tagNode(summer))["jcr:title.fr"], "Été");
    assert.equal(await tagExists(autumn), false, `${autumn} is still there`);
    assert.deepEqual(await seriousViolations(driver), []);
    await screenshot(driver, "25-tags-import-undone-en");
    await press(driver, "tags-import-close");

    // A bad id: the row and the problem, nothing written, nothing to apply.
    const bad = join(scratch, "tags-bad.csv");
    writeFileSync(bad, [lines[0], csvLine(header.map((_, i) => (i === 0 ? "wknd-shared:season//bad" : i === 1 ? "Bad" : "")))].join("\n") + "\n");
    const before = await writesApplied(sandbox);
    await driver.executeScript("document.querySelector('main').scrollTo(0, 0); window.scrollTo(0, 0);");
    const refused = await dropSheet(driver, bad, "tags-import-refused");
    await revealed(driver, refused, "the dropped sheet's refusal");
    assert.match(await refused.getText(), /tags-bad\.csv cannot be imported\s+Row 2: “wknd-shared:season\/\/bad” is not a tag id/);
    assert.equal((await driver.findElements(By.css('[data-testid="tags-import-apply"]'))).length, 0);
    assert.deepEqual(await seriousViolations(driver), []);
    await screenshot(driver, "25-tags-import-refused-en", { shows: refused });

    await chooseLanguage(driver, "fr");
    await press(driver, "nav-tags");
    await countText(driver);
    await dropSheet(driver, bad, "tags-import-refused");
    // The refusal said in English stays on the page until this drop's answer replaces it.
    const saidFr = /tags-bad\.csv ne peut pas être importé\s+Ligne 2\s: «\swknd-shared:season\/\/bad\s» n’est pas un identifiant de balise/;
    await eventually(
      async () => saidFr.test(await (await byTestId(driver, "tags-import-refused")).getText()),
      "the dropped sheet's refusal was not said in French",
    );
    assert.deepEqual(await seriousViolations(driver), []);
    await screenshot(driver, "25-tags-import-refused-fr");
    await driver.executeScript("document.querySelector('main').scrollTo(0, 0); window.scrollTo(0, 0);");
    const previewFr = await dropSheet(driver, edited, "tags-import-preview");
    await revealed(driver, previewFr, "the dropped sheet's preview, in French");
    assert.match(await previewFr.getText(), /^tags-edited\.csv\s: 1 nouvelle balise, 1 valeur modifiée/);
    assert.match(await (await byTestId(driver, "tags-import-apply")).getText(), /^Appliquer 2 modifications$/);
    assert.deepEqual(await seriousViolations(driver), []);
    await screenshot(driver, "25-tags-import-preview-fr", { shows: previewFr });
    await press(driver, "tags-import-cancel");
    await chooseLanguage(driver, "system");

    assert.equal(await writesApplied(sandbox), before, "a refused or cancelled sheet wrote something");
    assert.equal((await tagNode(summer))["jcr:title.fr"], "Été");
    await deleteConnections(driver, [id]);
  });
});
