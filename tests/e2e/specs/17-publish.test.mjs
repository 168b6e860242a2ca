// Publishing what a run changed (issue 39), in the real window against a sandbox started here:
// - An edit of the sample folder with "Then republish the changed assets that were published
//   before" ticked: once applied, the republish is planned and applied, and its report shows
//   each asset's publication before it; the website (the sandbox's publish tier) shows the new
//   value on the assets that were published, and an asset that was never published stays so.
// - "Undo" of the edit from Activity: the restored values are republished too.
// Screenshots of each step go to E2E_ARTIFACTS.
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
  connectionCards,
  screenshot,
  importSandboxConnection,
  pickProperty,
  typeFolder,
} from "../lib/app.mjs";

let sandbox;
/** The sample folder's assets (no content fragments), with where each stood before. */
let assets;
let folder;

before(async () => {
  sandbox = await startSandboxBinary();
  const dump = await sandbox.getJson("/__sandbox/dump");
  folder = dump.folders.find((f) => f.assets > 0 && f.folders === 0).path;
  assets = [];
  for (const a of dump.assets.filter((a) => !a.contentFragment)) {
    if (a.path.slice(0, a.path.lastIndexOf("/")) !== folder) continue;
    const state = await sandbox.asset(a.path);
    assets.push({
      path: a.path,
      published: state.publication.publish?.action === "Activate",
      rights: state.publication.publish?.metadata?.["dc:rights"] ?? null,
    });
  }
  assert.ok(assets.some((a) => a.published) && assets.some((a) => !a.published), "the folder needs both kinds");
});

after(() => {
  sandbox?.stop();
});

/** What the sandbox's publish tier serves for `path`: its Copyright, or undefined when not published. */
async function onTheWebsite(path) {
  const publish = (await sandbox.asset(path)).publication.publish;
  return publish?.action === "Activate" ? (publish.metadata["dc:rights"] ?? null) : undefined;
}

/** Waits for a report other than `notRun`'s that is a publish run's, and returns it. */
async function publishReport(driver, notRun) {
  return eventually(async () => {
    const shown = await driver.findElements(By.css('[data-testid="report"]'));
    if (shown.length !== 1) return null;
    const id = await shown[0].getAttribute("data-run-id");
    if (id === notRun) return null;
    const cells = await shown[0].findElements(By.css('[data-testid="report-publication"]'));
    return cells.length > 0 ? shown[0] : null;
  }, "the republish's report did not show", 180_000);
}

test("an edit republished, its report's publication column, and its undo republished", async (t) => {
  await withApp(t, async (driver) => {
    const id = await importSandboxConnection(driver, sandbox);
    const value = `On the website ${Date.now()}`;

    await press(driver, "nav-bulk");
    await press(driver, "mode-same");
    const select = await byTestId(driver, "bulk-connection");
    await select.findElement(By.css(`option[value="${id}"]`)).click();
    await typeFolder(driver, folder);
    await pickProperty(driver, "dc:rights");
    const row = await byTestId(driver, "edit-row");
    await (await row.findElement(By.css('[data-testid="edit-action"] option[value="set"]'))).click();
    const values = await row.findElement(By.css('[data-testid="edit-values"]'));
    await values.clear();
    await values.sendKeys(value);
    await screenshot(driver, "17 publish 1 form");

    await press(driver, "preview-button");
    await byTestId(driver, "preview-table", 120_000);
    const republish = await byTestId(driver, "republish-after-apply");
    assert.equal(await republish.isSelected(), false, "unticked unless asked");
    await republish.click();
    await screenshot(driver, "17 publish 2 preview with republish");
    await press(driver, "apply-button");

    const report = await publishReport(driver, null);
    const republishRun = await report.getAttribute("data-run-id");
    const states = await report.findElements(By.css('[data-testid="report-publication"]'));
    const words = new Set(await Promise.all(states.map((s) => s.getText())));
    assert.ok(words.has("Published, modified since"), [...words].join(", "));
    assert.ok(words.has("Never published"), [...words].join(", "));
    const skipped = await report.findElements(By.css('[data-testid="report-row"][data-status="skipped"] [data-testid="report-reason"]'));
    assert.ok(skipped.length > 0, "assets not published before are listed as left alone");
    assert.match(await skipped[0].getText(), /not published before/);
    await screenshot(driver, "17 publish 3 republish report");
    for (const a of assets) {
      const shown = await onTheWebsite(a.path);
      if (a.published) assert.equal(shown, value, `${a.path} shows the new value`);
      else assert.equal(shown, undefined, `${a.path} was made public`);
    }

    // Undo the edit from Activity: its restored values go to the website as well.
    await press(driver, "nav-activity");
    const edit = await eventually(async () => {
      const items = await driver.findElements(By.css('[data-testid="run-item"]'));
      for (const item of items) {
        const runId = await item.getAttribute("data-run-id");
        if (runId !== republishRun && (await item.findElements(By.css('[data-testid="undo-run"]'))).length > 0) return item;
      }
      return null;
    }, "the edit is not in Activity");
    await (await edit.findElement(By.css('[data-testid="undo-run"]'))).click();
    await byTestId(driver, "preview-table", 120_000);
    await screenshot(driver, "17 publish 4 undo preview");
    await press(driver, "apply-button");
    await publishReport(driver, republishRun);
    await screenshot(driver, "17 publish 5 undo republished");
    for (const a of assets) {
      if (a.published) assert.equal(await onTheWebsite(a.path), a.rights, `${a.path} shows its value again`);
    }

    // Leave no connection behind.
    await press(driver, "nav-connections");
    const card = await driver.findElement(By.css(`[data-connection-id="${id}"]`));
    await (await card.findElement(By.css('[data-testid="delete-connection"]'))).click();
    await press(driver, "delete-confirm");
    await eventually(async () => (await connectionCards(driver)).length === 0, "the connection was not deleted");
  });
  assert.deepEqual(keychainEntries(), []);
});
