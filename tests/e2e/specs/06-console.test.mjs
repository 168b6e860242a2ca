// The API console end to end, against a sandbox started here, with a service credential
// imported through the window: the console opens on the connection; the editor's completion
// offers a field of the endpoint's schema (from introspection); a list query runs (Ctrl+Enter)
// and its table shows every content fragment; Export CSV goes through the real GTK save dialog
// (driven with xdotool) and writes those rows; a broken query shows its error at the right line
// in the editor; the Requests tab GETs an asset's metadata and shows it as JSON. Screenshots of
// each step go to E2E_ARTIFACTS. This file starts and ends with no connections.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { By, Key } from "selenium-webdriver";
import {
  withApp,
  byTestId,
  press,
  consoleNav,
  simulateDrop,
  startSandboxBinary,
  keychainEntries,
  eventually,
  connectionCards,
  openAddressEdit,
  screenshot,
  screenScreenshot,
  nativeWindow,
  waitForNativeWindow,
  sendToWindow,
  readExcelCsv,
} from "../lib/app.mjs";

const SAVE_DIALOG = "^Export the result$";

let sandbox;
let scratch;
let fragments;
let asset;
const added = [];

before(async () => {
  sandbox = await startSandboxBinary();
  scratch = mkdtempSync(join(tmpdir(), "metadesk-e2e-console-"));
  const dump = await sandbox.getJson("/__sandbox/dump");
  // articleList lists the fragments of the model article (the others are adventures).
  fragments = dump.assets.filter((a) => a.contentFragment && a.model === "article").length;
  asset = dump.assets.find((a) => !a.contentFragment)?.path;
  assert.ok(fragments > 0 && asset, "the sandbox has no content fragment or no asset");
});

after(() => {
  sandbox?.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

async function importConnection(driver) {
  await press(driver, "nav-connections");
  await simulateDrop(driver, [sandbox.file("service-credentials.json")]);
  const email = sandbox.service.integration.email;
  const card = await eventually(async () => (await connectionCards(driver)).find((c) => c.text.includes(email)),
    "the service credential was not imported", 30_000);
  added.push(card.id);
  const el = () => driver.findElement(By.css(`[data-connection-id="${card.id}"]`));
  const input = await openAddressEdit(driver, card.id);
  await input.clear();
  await input.sendKeys(sandbox.url, Key.ENTER);
  await eventually(async () => (await (await el()).findElement(By.css('[data-testid="connection-host"]')).getText())
    .includes(new URL(sandbox.url).host), "the sandbox address is not shown");
  return card.id;
}

/** Elements inside the editor, which lives in a shadow root (see ui/src/features/console/editor.ts). */
function inEditor(driver, css) {
  return driver.executeScript(
    "const r = document.querySelector('[data-testid=graphql-editor-host]')?.shadowRoot; return r ? [...r.querySelectorAll(arguments[0])] : [];",
    css,
  );
}

/** Replaces the editor's text by typing. Closing brackets are left out: the editor adds them. */
async function typeQuery(driver, text) {
  await byTestId(driver, "graphql-editor-host", 30_000);
  const editor = await eventually(async () => (await inEditor(driver, ".cm-content"))[0], "the editor did not load", 30_000);
  await editor.click();
  await editor.sendKeys(Key.chord(Key.CONTROL, "a"), Key.DELETE);
  await editor.sendKeys(text);
  return editor;
}

test("the console completes from the schema, runs a list query into a table, exports CSV, marks errors and GETs JSON", async (t) => {
  const target = join(scratch, "console result.csv");
  await withApp(t, async (driver) => {
    const id = await importConnection(driver);
    // Under "Developer tools", folded away, and said to have no preview and no undo.
    assert.equal((await driver.findElements(By.css('[data-testid="nav-console"]'))).length, 0, "the console is an everyday section");
    const nav = await consoleNav(driver);
    assert.equal(await (await byTestId(driver, "nav-console-note")).getText(), "No preview, no undo");
    await screenshot(driver, "06 console 0 developer tools");
    await nav.click();
    assert.match(await (await byTestId(driver, "console-no-undo")).getText(), /^No preview, no undo\. A request sent from here changes AEM at once/);
    const select = await byTestId(driver, "console-connection");
    await select.findElement(By.css(`option[value="${id}"]`)).click();

    // Completion from the introspected schema: "ti" inside an article's fields offers "title".
    const editor = await typeQuery(driver, "{ articleList { items { ti");
    const option = await eventually(async () => {
      const options = await inEditor(driver, ".cm-tooltip-autocomplete li");
      for (const o of options) if ((await o.getText()).includes("title")) return o;
      // Ask again once the schema has arrived (Ctrl+Space opens completion).
      await editor.sendKeys(Key.chord(Key.CONTROL, Key.SPACE));
      return null;
    }, "completion did not offer the field title", 30_000);
    assert.ok(option);
    await screenshot(driver, "06 console 1 completion");
    await editor.sendKeys(Key.ESCAPE);

    // A list query, run with Ctrl+Enter: the table has a row per content fragment.
    await typeQuery(driver, "{ articleList { items { _path title author");
    await editor.sendKeys(Key.ESCAPE, Key.chord(Key.CONTROL, Key.ENTER));
    const table = await byTestId(driver, "graphql-table", 30_000);
    await eventually(async () => (await table.findElements(By.css("tbody tr"))).length === fragments,
      `the table does not show ${fragments} rows`);
    assert.equal(await (await byTestId(driver, "graphql-rowcount")).getText(), `${fragments} rows`);
    const headers = await Promise.all((await table.findElements(By.css("th"))).map((h) => h.getText()));
    assert.deepEqual([...headers].sort(), ["_path", "author", "title"]);
    await screenshot(driver, "06 console 2 table");

    // Export CSV through the system's save dialog.
    await press(driver, "graphql-export-csv");
    const dialog = await waitForNativeWindow(SAVE_DIALOG);
    sendToWindow(dialog, "key", "--clearmodifiers", "ctrl+a");
    sendToWindow(dialog, "type", "--delay", "10", target);
    screenScreenshot("06 console 3 save dialog");
    sendToWindow(dialog, "key", "Return");
    const saved = await byTestId(driver, "graphql-exported", 20_000);
    assert.equal(await saved.getText(), "Saved as console result.csv.");
    await eventually(() => nativeWindow(SAVE_DIALOG) === null, "the save dialog is still open", 5_000);
    assert.ok(existsSync(target), `${target} was not written`);
    const lines = readExcelCsv(target);
    assert.equal(lines.length, fragments + 1, "a header and a line per fragment");
    assert.deepEqual([...lines[0]].sort(), ["_path", "author", "title"]);

    // A broken query: the error is listed with its line and marked on that line in the editor.
    await typeQuery(driver, "{");
    await editor.sendKeys(Key.ENTER, "articleList {", Key.ENTER, "items { titel", Key.ESCAPE);
    await press(driver, "graphql-run");
    const errors = await byTestId(driver, "graphql-errors", 30_000);
    assert.match(await errors.getText(), /^Line 3, column \d+: .*titel/);
    const marked = await eventually(async () => (await inEditor(driver, ".cm-content .cm-lintRange-error"))[0],
      "no error mark in the editor");
    assert.match(await marked.getText(), /^titel/);
    // The mark is on the third line of the editor.
    const lineOfMark = await driver.executeScript(
      "const line = arguments[0].closest('.cm-line'); return [...line.parentElement.children].filter((e) => e.classList.contains('cm-line')).indexOf(line);",
      marked,
    );
    assert.equal(lineOfMark, 2, "the marked line is not line 3");
    await screenshot(driver, "06 console 4 error at its line");

    // Requests: an asset's metadata as JSON.
    await press(driver, "console-tab-requests");
    const path = await byTestId(driver, "request-path");
    await path.clear();
    await path.sendKeys(`${asset}/jcr:content/metadata.json`);
    await press(driver, "request-send");
    const json = await byTestId(driver, "request-json", 30_000);
    assert.equal(await (await byTestId(driver, "request-status")).getText(), "200");
    assert.match(await json.getText(), /jcr:primaryType/);
    await screenshot(driver, "06 console 5 asset metadata");
  });
});

test("the connection added here is deleted, and leaves nothing in the keychain", async (t) => {
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
  assert.deepEqual(keychainEntries(), [], "the connection left keychain entries behind");
});
