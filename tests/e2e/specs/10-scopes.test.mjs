// Scopes in Bulk edit end to end, against a sandbox started here:
// - a search built in the window with two conditions (Copyright is empty, and a file type),
//   its live count (equal to what the sandbox holds), its query shown, saved under a name, then
//   previewed (only the matching assets), applied, and the sandbox checked; the run's facts say
//   the conditions in words;
// - the saved search reused in a new edit: it selects nothing any more (every match now has a
//   copyright);
// - a pasted list with a bad entry and a duplicate: both listed with their reason, the rest
//   previewed;
// - an OAuth Server-to-Server connection: unpaired, its folder tree browses through the Folders
//   API, and a folder's assets are counted, shown as thumbnails and previewed through AEM's
//   OpenAPI search (the run's facts say so); paired on its card with the service connection
//   ("Paired connection"), it runs a search edit written through the OpenAPI (PATCH with
//   If-Match, no classic PUT).
// Screenshots of each step go to E2E_ARTIFACTS.
//
// The specs share the app's folders and keyring within one scripts/e2e.sh run: this file
// starts and ends with no connections (the runs it made stay in the app's history).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
  screenshot,
  importSandboxConnection,
  pickProperty,
  typeFolder,
} from "../lib/app.mjs";

const RIGHTS = "© 2026 Scopes E2E";
const SAVED_NAME = "Images without copyright";

let sandbox;
let folder;
/** The assets directly in `folder`: path → { contentFragment, rights, format }. */
let assets;
let connectionId = null;
const added = [];

before(async () => {
  sandbox = await startSandboxBinary();
  const dump = await sandbox.getJson("/__sandbox/dump");
  const leaves = dump.folders.filter((f) => f.assets > 0 && f.folders === 0);
  folder = (leaves.find((f) => f.path === "/content/dam/wknd-shared/en/adventures/napa-wine-tasting") ?? leaves[0])?.path;
  assert.ok(folder, "the sandbox has no folder with assets");
  assets = new Map();
  for (const a of dump.assets.filter((a) => a.path.startsWith(`${folder}/`) && !a.path.slice(folder.length + 1).includes("/"))) {
    const { metadata } = await sandbox.asset(a.path);
    assets.set(a.path, { contentFragment: a.contentFragment, rights: metadata["dc:rights"] ?? null, format: metadata["dc:format"] ?? "" });
  }
  assert.ok(matching().length > 0, `no image without a copyright in ${folder}: the search would select nothing`);
  assert.ok(matching().length < editable().length, "every asset matches: the search would not narrow anything");
});

after(() => sandbox?.stop());

function editable() {
  return [...assets.entries()].filter(([, a]) => !a.contentFragment).map(([path]) => path);
}

/** The assets the search selects: images with no copyright. */
function matching() {
  return [...assets.entries()]
    .filter(([, a]) => !a.contentFragment && a.rights === null && a.format.startsWith("image/"))
    .map(([path]) => path);
}

async function connection(driver) {
  if (connectionId) return connectionId;
  connectionId = await importSandboxConnection(driver, sandbox);
  added.push(connectionId);
  return connectionId;
}

/** Bulk edit → a new edit with this file's connection picked. */
async function newEdit(driver) {
  const id = await connection(driver);
  await press(driver, "nav-bulk");
  const again = await driver.findElements(By.css('[data-testid="new-edit"], [data-testid="back-to-form"]'));
  if (again.length > 0) await again[0].click();
  const select = await byTestId(driver, "bulk-connection");
  await select.findElement(By.css(`option[value="${id}"]`)).click();
}

/** Waits for the search's or list's final count and returns its text. */
async function finalSelectionCount(driver, expected) {
  return eventually(async () => {
    const el = await driver.findElement(By.css('[data-testid="selection-count"]'));
    if ((await el.getAttribute("data-done")) !== "1") return null;
    const text = await el.getText();
    return expected.test(text) ? text : null;
  }, `the count did not show ${expected}`, 60_000);
}

/** Scrolls an element to the middle of the window and lets the page paint (the screenshot
 *  that follows could otherwise show the frame before). */
async function show(driver, testId) {
  await driver.executeScript("arguments[0].scrollIntoView({ block: 'center' })", await byTestId(driver, testId));
  await sleep(400);
}

async function setRights(driver, value) {
  const row = await byTestId(driver, "edit-row");
  await pickProperty(driver, "dc:rights");
  const values = await row.findElement(By.css('[data-testid="edit-values"]'));
  await values.clear();
  await values.sendKeys(value);
}

/** The paths of the preview's rows (the table shows them all: fewer than a page here). */
async function previewPaths(driver) {
  await byTestId(driver, "preview-table", 120_000);
  const rows = await driver.findElements(By.css('[data-testid="preview-row"]'));
  return Promise.all(rows.map((r) => r.getAttribute("data-path")));
}

test("a search with two conditions: live count, query, saved, previewed and applied", async (t) => {
  await withApp(t, async (driver) => {
    await newEdit(driver);
    await press(driver, "scope-kind-search");
    await typeFolder(driver, folder);

    // Condition 1 is "A property dc:rights is empty" as it starts; condition 2: a file type.
    await press(driver, "condition-add");
    const rows = await driver.findElements(By.css('[data-testid="condition-row"]'));
    assert.equal(rows.length, 2);
    await (await rows[1].findElement(By.css('[data-testid="condition-subject"] option[value="type"]'))).click();
    // File types are chosen by name ("Any image"), never typed as AEM's image/*.
    await (await rows[1].findElement(By.css('[data-testid="condition-value"] option[value="image/*"]'))).click();
    assert.equal(await (await rows[1].findElement(By.css('[data-testid="condition-value"] option:checked'))).getText(), "Any image");

    const n = matching().length;
    const text = await finalSelectionCount(driver, new RegExp(`\\b${n} assets? match`));
    assert.doesNotMatch(text, /at least/);
    await press(driver, "show-query");
    const query = await (await byTestId(driver, "query-text")).getText();
    assert.match(query, /type=dam:Asset/);
    assert.match(query, /dc:format/);
    await show(driver, "search-conditions");
    await screenshot(driver, "10 search 1 two conditions and count");

    await (await byTestId(driver, "save-scope-name")).sendKeys(SAVED_NAME, Key.ENTER);
    assert.equal(await (await byTestId(driver, "saved-scope-notice")).getText(), `Saved as “${SAVED_NAME}”.`);

    await setRights(driver, RIGHTS);
    await press(driver, "preview-button");
    const paths = await previewPaths(driver);
    assert.deepEqual(paths.sort(), matching().sort(), "the preview holds exactly the matching assets");
    const where = await (await byTestId(driver, "run-selection")).getText();
    // In people's words (issue 77): the property's title, the kind of file.
    assert.match(where, /Copyright is empty and the file is an image/);
    assert.doesNotMatch(where, /dc:rights|image\/\*/);
    await screenshot(driver, "10 search 2 preview");

    const apply = await byTestId(driver, "apply-button");
    assert.match(await apply.getText(), new RegExp(`^Apply ${n} changes?$`));
    await apply.click();
    await byTestId(driver, "report", 120_000);
    await screenshot(driver, "10 search 3 report");
    for (const path of matching()) {
      assert.equal((await sandbox.asset(path)).metadata["dc:rights"], RIGHTS, `${path} was not written`);
    }
    for (const path of editable().filter((p) => !matching().includes(p))) {
      assert.equal((await sandbox.asset(path)).metadata["dc:rights"] ?? null, assets.get(path).rights, `${path} is outside the search but changed`);
    }
  });
});

test("the saved search is reused in a new edit and now selects nothing", async (t) => {
  await withApp(t, async (driver) => {
    await newEdit(driver);
    const saved = await byTestId(driver, "saved-scope");
    await (await saved.findElement(By.css(`option[value="${SAVED_NAME}"]`))).click();
    assert.match(await (await byTestId(driver, "saved-scope-words")).getText(), /where Copyright is empty and the file is an image/);
    await press(driver, "saved-scope-use");
    assert.equal(await (await byTestId(driver, "scope-kind-search")).isSelected(), true);
    assert.equal(await (await byTestId(driver, "folder-path-input")).getAttribute("value"), folder);
    assert.equal((await driver.findElements(By.css('[data-testid="condition-row"]'))).length, 2);
    await finalSelectionCount(driver, /No asset matches/);
    await show(driver, "search-conditions");
    await screenshot(driver, "10 saved 1 reused");
  });
});

test("a pasted list: a bad entry and a duplicate are shown with their reason, the rest previewed", async (t) => {
  await withApp(t, async (driver) => {
    await newEdit(driver);
    await press(driver, "scope-kind-list");
    const [a, b] = editable();
    const missing = `${folder}/no-such-asset.jpg`;
    const list = await byTestId(driver, "scope-list");
    await list.sendKeys([a, b, missing, a].join(Key.ENTER));
    await finalSelectionCount(driver, /\b2 assets found/);
    const problems = await driver.findElements(By.css('[data-testid="list-problem"]'));
    const texts = await Promise.all(problems.map((p) => p.getText()));
    assert.equal(texts.length, 2, texts.join("\n"));
    assert.ok(texts.some((t) => t.includes(missing) && t.startsWith("3")), texts.join("\n"));
    assert.ok(texts.some((t) => t.startsWith("4") && /duplicate of line 1/.test(t)), texts.join("\n"));
    await show(driver, "list-problems");
    await screenshot(driver, "10 list 1 checked");

    await setRights(driver, `${RIGHTS} (list)`);
    await press(driver, "preview-button");
    const paths = await previewPaths(driver);
    assert.deepEqual(paths.sort(), [a, b].sort());
    assert.match(await (await byTestId(driver, "run-selection")).getText(), /4 assets you listed/);
    await screenshot(driver, "10 list 2 preview");
  });
});

test("a list file dropped on the window fills the list; a two-column file is refused in words", async (t) => {
  const dir = mkdtempSync(join(tmpdir(), "metadesk-e2e-list-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  await withApp(t, async (driver) => {
    await newEdit(driver);
    const [a, b, c] = editable();
    const missing = `${folder}/no-such-asset.png`;
    // A .txt is a list wherever the page is: dropped while the search is shown, it opens the list.
    await press(driver, "scope-kind-search");
    const txt = join(dir, "assets to fix.txt");
    writeFileSync(txt, `\ufeff${a}\r\n\r\n${b}\r\n${missing}\r\n`);
    await simulateDrop(driver, [txt]);
    const loaded = await eventually(async () => {
      const els = await driver.findElements(By.css('[data-testid="list-file-loaded"]'));
      return els.length > 0 ? els[0].getText() : null;
    }, "the dropped list file was not read", 30_000);
    assert.match(loaded, /3 entries from assets to fix\.txt/);
    assert.equal(await (await byTestId(driver, "scope-list")).getAttribute("value"), [a, b, missing].join("\n"));
    await finalSelectionCount(driver, /\b2 assets found/);
    const problems = await driver.findElements(By.css('[data-testid="list-problem"]'));
    const texts = await Promise.all(problems.map((p) => p.getText()));
    assert.equal(texts.length, 1, texts.join("\n"));
    assert.ok(texts[0].startsWith("3") && texts[0].includes(missing), texts[0]);
    await show(driver, "list-file-loaded");
    await screenshot(driver, "10 list file 1 dropped");

    // While the list is shown a .csv is a list too: one with two columns says so and keeps the list.
    const csv = join(dir, "two columns.csv");
    writeFileSync(csv, `path,title\n${c},Title C\n`);
    await simulateDrop(driver, [csv]);
    const refusal = await eventually(async () => {
      const els = await driver.findElements(By.css('[data-testid="list-file-error"]'));
      return els.length > 0 ? els[0].getText() : null;
    }, "the two-column file was not refused", 30_000);
    assert.match(refusal, /two columns\.csv has 2 columns on line 1/);
    assert.equal(await (await byTestId(driver, "scope-list")).getAttribute("value"), [a, b, missing].join("\n"));
    await show(driver, "list-file-error");
    await screenshot(driver, "10 list file 2 two columns refused");
  });
});

test("an OAuth Server-to-Server connection paired on its card edits from the window", async (t) => {
  await withApp(t, async (driver) => {
    await connection(driver);
    await press(driver, "nav-connections");
    await simulateDrop(driver, [sandbox.file("oauth-project.json")]);
    const row = await eventually(async () => {
      for (const r of await driver.findElements(By.css('[data-testid="drop-result"]'))) {
        if ((await r.getText()).includes("oauth-project.json") && (await r.getAttribute("data-outcome")) === "needsChoice") return r;
      }
      return null;
    }, "the OAuth project did not ask for its AEM address", 30_000);
    const form = await row.findElement(By.css('[data-testid="pending-form"]'));
    await form.findElement(By.css('[data-testid="pending-url"]')).sendKeys(sandbox.url);
    await form.findElement(By.css('button[type="submit"]')).click();
    const card = await eventually(async () => (await connectionCards(driver)).find((c) => c.id !== connectionId && /OAuth Server-to-Server credential/.test(c.text)),
      "the OAuth project was not imported", 30_000);
    added.push(card.id);

    // Not paired: the folder tree browses through the Folders API with the OAuth token; the
    // folder's assets are counted, shown and previewed through AEM's OpenAPI search.
    await press(driver, "nav-bulk");
    const again = await driver.findElements(By.css('[data-testid="new-edit"], [data-testid="back-to-form"]'));
    if (again.length > 0) await again[0].click();
    const select = await byTestId(driver, "bulk-connection");
    await select.findElement(By.css(`option[value="${card.id}"]`)).click();
    const top = folder.split("/").slice(0, 4).join("/");
    await eventually(async () => (await driver.findElements(By.css(`[data-testid="folder-tree"] [data-testid="folder-node"][data-path="${top}"]`))).length === 1,
      "the folder tree of the OAuth connection did not list folders", 30_000);
    await typeFolder(driver, folder);
    const counted = await eventually(async () => {
      const errors = await driver.findElements(By.css('[data-testid="scope-error"]'));
      if (errors.length > 0) throw new Error(`counting failed: ${await errors[0].getText()}`);
      const els = await driver.findElements(By.css('[data-testid="scope-count"]'));
      return els.length > 0 && (await els[0].getAttribute("data-done")) === "1" ? els[0].getText() : null;
    }, "the OAuth connection did not count the folder's assets", 60_000);
    const number = Number(counted.match(/([\d,]+)\s+assets? in scope/)?.[1]?.replaceAll(",", ""));
    assert.equal(number, editable().length, counted);
    await byTestId(driver, "folder-assets-list", 60_000);
    await setRights(driver, `${RIGHTS} (OAuth folder)`);
    await press(driver, "preview-button");
    // Every asset of the folder is planned (the table shows a window of its rows: the total is
    // its row count; the rows it shows are the folder's).
    const shownRows = await previewPaths(driver);
    assert.ok(shownRows.length > 0 && shownRows.every((p) => editable().includes(p)), shownRows.join("\n"));
    await eventually(async () => (await (await byTestId(driver, "preview-table")).getAttribute("aria-rowcount")) === String(editable().length + 1),
      `the preview does not plan the folder's ${editable().length} assets`, 60_000);
    const foundBy = await byTestId(driver, "run-found-by", 30_000);
    assert.equal(await foundBy.getText(), "A search in AEM, with this connection");
    await show(driver, "run-found-by");
    await screenshot(driver, "10 oauth 1 not paired folder previewed");
    const back = await driver.findElements(By.css('[data-testid="new-edit"], [data-testid="back-to-form"]'));
    if (back.length > 0) await back[0].click();

    // Paired on its card with the service connection on the same AEM.
    await press(driver, "nav-connections");
    const oauthCard = await driver.findElement(By.css(`[data-connection-id="${card.id}"]`));
    const paired = await oauthCard.findElement(By.css('[data-testid="paired-select"]'));
    await (await paired.findElement(By.css(`option[value="${connectionId}"]`))).click();
    await eventually(async () => (await paired.getAttribute("value")) === connectionId, "the pairing was not saved");
    await driver.executeScript("arguments[0].scrollIntoView({ block: 'center' })", paired);
    await sleep(400);
    await screenshot(driver, "10 oauth 2 paired on the card");

    // A search edit from the window, written through the OpenAPI.
    const patchesBefore = (await sandbox.getJson("/__sandbox/counters")).requests?.PATCH?.["200"] ?? 0;
    await press(driver, "nav-bulk");
    const select2 = await byTestId(driver, "bulk-connection");
    await select2.findElement(By.css(`option[value="${card.id}"]`)).click();
    await press(driver, "scope-kind-search");
    await typeFolder(driver, folder);
    const rowEl = (await driver.findElements(By.css('[data-testid="condition-row"]')))[0];
    await (await rowEl.findElement(By.css('[data-testid="condition-subject"] option[value="name"]'))).click();
    await (await rowEl.findElement(By.css('[data-testid="condition-value"]'))).sendKeys("*.png");
    const pngs = editable().filter((p) => p.endsWith(".png"));
    assert.ok(pngs.length > 0, "no PNG in the folder");
    await finalSelectionCount(driver, new RegExp(`\\b${pngs.length} assets? match`));
    await setRights(driver, `${RIGHTS} (OAuth)`);
    await press(driver, "preview-button");
    assert.deepEqual((await previewPaths(driver)).sort(), [...pngs].sort());
    await press(driver, "apply-button");
    await byTestId(driver, "report", 120_000);
    await screenshot(driver, "10 oauth 3 report");
    for (const path of pngs) {
      assert.equal((await sandbox.asset(path)).metadata["dc:rights"], `${RIGHTS} (OAuth)`, `${path} was not written`);
    }
    const counters = await sandbox.getJson("/__sandbox/counters");
    assert.equal((counters.requests?.PATCH?.["200"] ?? 0) - patchesBefore, pngs.length, JSON.stringify(counters.requests));
  });
});

test("the connections added here are deleted, and leave nothing in the keychain", async (t) => {
  await withApp(t, async (driver) => {
    await press(driver, "nav-connections");
    for (const id of added) {
      const cards = await driver.findElements(By.css(`[data-connection-id="${id}"]`));
      if (cards.length === 0) continue;
      await (await cards[0].findElement(By.css('[data-testid="delete-connection"]'))).click();
      await press(driver, "delete-confirm");
      await eventually(async () => (await driver.findElements(By.css(`[data-connection-id="${id}"]`))).length === 0,
        `connection ${id} was not deleted`);
    }
    await byTestId(driver, "empty-connections");
  });
  assert.deepEqual(keychainEntries(), [], "the connections left keychain entries behind");
});
