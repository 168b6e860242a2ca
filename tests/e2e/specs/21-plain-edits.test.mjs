// Bulk edits as a content-ops person meets them (issue 42), end to end against a sandbox started
// here: a template names fields by the labels the form shows ({Title}, {City}) in a field wide
// enough to read; clearing the required Title is a warning that must be ticked before Apply, and
// the emptied values read as removals; an undo is worded as an undo; the folder's pictures come
// after the form. Screenshots in English and in French.
//
// The specs share the app's folders and keyring within one scripts/e2e.sh run: this file
// starts and ends with no connections.

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
  importSandboxConnection,
  pickProperty,
  screenshot,
  typeFolder,
} from "../lib/app.mjs";
import { JARGON, chooseAction, chooseLanguage, visibleText, writesApplied } from "../lib/plain.mjs";

const FOLDER = "/content/dam/wknd-shared/en/adventures/napa-wine-tasting";
let sandbox;

before(async () => {
  sandbox = await startSandboxBinary();
});

after(() => sandbox?.stop());

const writes = () => writesApplied(sandbox);

async function preview(driver) {
  await press(driver, "preview-button");
  await byTestId(driver, "preview-table", 60_000);
}

async function completedReport(driver) {
  const report = await byTestId(driver, "report", 60_000);
  await eventually(async () => (await report.getAttribute("data-status")) === "completed", "the apply did not complete", 60_000);
  return report;
}

test("templates take labels, an emptied required field must be acknowledged, an undo reads as one", async (t) => {
  await withApp(t, async (driver) => {
    const id = await importSandboxConnection(driver, sandbox);
    await press(driver, "nav-bulk");
    const select = await byTestId(driver, "bulk-connection");
    await select.findElement(By.css(`option[value="${id}"]`)).click();
    await typeFolder(driver, FOLDER);

    // The form comes before the folder's pictures.
    const order = await driver.executeScript(`
      const strip = document.querySelector('[data-testid="folder-assets"]');
      const button = document.querySelector('[data-testid="preview-button"]');
      return strip && button ? Boolean(button.compareDocumentPosition(strip) & Node.DOCUMENT_POSITION_FOLLOWING) : null;`);
    assert.equal(order, true, "the thumbnails come before Preview");

    // A template by the form's labels, in a field wide enough to read; the action shows whole.
    await pickProperty(driver, "dc:description");
    await chooseAction(driver, "template");
    const actionFits = await driver.executeScript(`
      const s = document.querySelector('[data-testid="edit-row"] [data-testid="edit-action"]');
      const c = document.createElement('canvas').getContext('2d');
      c.font = getComputedStyle(s).font;
      return c.measureText(s.options[s.selectedIndex].text).width + 36 <= s.clientWidth;`);
    assert.ok(actionFits, "the chosen action is cut");
    const template = await byTestId(driver, "rule-template");
    await template.sendKeys("{Title} in {City}");
    const width = (await template.getRect()).width;
    assert.ok(width >= 400, `the template field is ${width}px wide`);
    assert.match(await (await driver.findElement(By.css('[data-testid="edit-row"]'))).getText(), /such as \{Title\} or \{City\}/);
    await screenshot(driver, "21 template by labels en");
    await preview(driver);
    assert.doesNotMatch(await visibleText(driver), JARGON);
    await press(driver, "back-to-form");

    // Clearing the required Title: said, ticked, then applied; emptied values read as removals.
    await pickProperty(driver, "dc:title");
    await chooseAction(driver, "clear");
    await preview(driver);
    const warning = await byTestId(driver, "emptied-required", 30_000);
    assert.match(await warning.getText(), /Title \(dc:title\): emptied on \d+ assets?/);
    const emptied = await driver.findElements(By.css('[data-testid="cell-after"][data-emptied="true"]'));
    assert.ok(emptied.length > 0, "no emptied cell reads as a removal");
    const apply = await byTestId(driver, "apply-button");
    assert.equal(await apply.isEnabled(), false, "Apply is offered before the warning is acknowledged");
    const before = await writes();
    await screenshot(driver, "21 required emptied en");
    await press(driver, "emptied-required-ack");
    await eventually(() => apply.isEnabled(), "Apply stays off after the acknowledgement");
    await apply.click();
    const report = await completedReport(driver);
    assert.ok((await writes()) > before, "nothing was written");

    // The undo's preview and report speak of undoing.
    await (await report.findElement(By.css('[data-testid="undo-run"]'))).click();
    await byTestId(driver, "preview-table", 60_000);
    const undo = await byTestId(driver, "apply-button");
    assert.match(await undo.getText(), /^Undo \d+ changes?$/);
    assert.equal(await (await byTestId(driver, "back-to-form")).getText(), "Keep the edit");
    await screenshot(driver, "21 undo preview en");

    // In French: the same preview, re-worded where it stands.
    await chooseLanguage(driver, "fr");
    await press(driver, "nav-bulk");
    // One French word for undo, never Cancel's "Annuler" (issue 77).
    await eventually(async () => /^Revenir en arrière sur \d+ modifications?$/.test(await (await byTestId(driver, "apply-button")).getText()),
      "the undo's button is not in French");
    assert.doesNotMatch(await visibleText(driver), JARGON);
    await screenshot(driver, "21 undo preview fr");
    await press(driver, "apply-button");
    const undone = await completedReport(driver);
    assert.match(await undone.getText(), /Retour en arrière fait/);
    assert.doesNotMatch(await undone.getText(), /[Dd]éfai|Annul/);
    assert.doesNotMatch(await visibleText(driver), JARGON, "the report shows AEM's technical names");
    await screenshot(driver, "21 undone report fr");

    // The form in French at the window's default size: the chosen action shows whole.
    await press(driver, "back-to-form");
    for (const action of ["replace", "template"]) {
      await chooseAction(driver, action);
      const fits = await driver.executeScript(`
        const s = document.querySelector('[data-testid="edit-row"] [data-testid="edit-action"]');
        const c = document.createElement('canvas').getContext('2d');
        c.font = getComputedStyle(s).font;
        return [c.measureText(s.options[s.selectedIndex].text).width, s.clientWidth];`);
      assert.ok(fits[0] + 36 <= fits[1], `"${action}" is cut in French: ${fits}`);
    }
    await screenshot(driver, "21 form fr");
    await chooseLanguage(driver, "system");
    await deleteConnections(driver, [id]);
  });
  assert.deepEqual(keychainEntries(), [], "the keychain should end without connections");
});
