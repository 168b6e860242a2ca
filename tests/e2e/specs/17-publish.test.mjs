// Publishing what a run changed (issue 39), in the real window against a sandbox started here:
// - An edit of the sample folder with "Then republish the changed assets that were published
//   before" ticked: once applied, the republish is planned and applied, and its report shows
//   each asset's publication before it; the website (the sandbox's publish tier) shows the new
//   value on the assets that were published, and an asset that was never published stays so.
// - "Undo" of the edit from Activity: the restored values are republished too.
// - Where each asset stands on the website is shown before anything changes (issue 53): the
//   edit's preview has an "On the website" column and counts, "Then republish" says how many
//   are live and is repeated in the run's summary; a republish's report says "Published N · not
//   on the website, left alone M". Without the tick, the report offers "Republish the N that are
//   on the website…" apart from Undo, confirmed by its own preview (in French here).
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
  deleteConnections,
  pickProperty,
  typeFolder,
} from "../lib/app.mjs";
import { chooseLanguage } from "../lib/plain.mjs";

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

/** The preview's "On the website" cell of each asset says what the sandbox says, and the counts
 *  above the table repeat it. */
async function checkOnTheWebsite(driver) {
  const header = await driver.findElements(By.xpath('//th[normalize-space()="On the website" or normalize-space()="Sur le site web"]'));
  assert.equal(header.length, 1, "no On the website column");
  for (const a of assets) {
    const cell = await eventually(async () => {
      const cells = await driver.findElements(By.css(`[data-testid="preview-row"][data-path="${a.path}"] [data-testid="on-website"]`));
      return cells[0] ?? null;
    }, `${a.path} has no On the website cell`);
    const state = await cell.getAttribute("data-state");
    if (a.published) assert.ok(["modified", "up_to_date"].includes(state), `${a.path}: ${state}`);
    else assert.ok(["never_published", "unpublished"].includes(state), `${a.path}: ${state}`);
  }
  assert.match(await (await byTestId(driver, "publication-counts")).getText(), /^(On the website|Sur le site web)\b/);
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
    // Where each asset stands, before anything changes.
    await checkOnTheWebsite(driver);
    const live = assets.filter((a) => a.published).length;
    const republish = await byTestId(driver, "republish-after-apply");
    assert.equal(await republish.isSelected(), false, "unticked unless asked");
    const tickLabel = await (await republish.findElement(By.xpath(".."))).getText();
    assert.equal(tickLabel, `Then republish the ${live} that are on the website (never one that is not)`);
    await republish.click();
    assert.equal(await (await byTestId(driver, "run-then-republish")).getText(), `Then republishes the ${live} that are on the website`);
    await screenshot(driver, "17 publish 2 preview with republish");
    await press(driver, "apply-button");

    const report = await publishReport(driver, null);
    const republishRun = await report.getAttribute("data-run-id");
    const states = await report.findElements(By.css('[data-testid="report-publication"]'));
    const words = new Set(await Promise.all(states.map((s) => s.getText())));
    assert.ok(words.has("Changed since published"), [...words].join(", "));
    assert.ok(words.has("Never published"), [...words].join(", "));
    const skipped = await report.findElements(By.css('[data-testid="report-row"][data-status="skipped"] [data-testid="report-reason"]'));
    assert.ok(skipped.length > 0, "assets not published before are listed as left alone");
    assert.match(await skipped[0].getText(), /not published before/);
    assert.equal(
      await (await byTestId(driver, "republished-line")).getText(),
      `Published ${live} · not on the website, left alone ${assets.length - live}`,
    );
    const changedTab = await report.findElement(By.css('[data-testid="report-filters"] [data-filter="changed"]'));
    assert.match(await changedTab.getText(), /^Published/);
    // A republish is not offered a republish of its own.
    assert.equal((await driver.findElements(By.css('[data-testid="republish-offer"]'))).length, 0);
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

test("without the tick, the report offers to republish the ones on the website, in French", async (t) => {
  await withApp(t, async (driver) => {
    const id = await importSandboxConnection(driver, sandbox);
    const value = `Sur le site web ${Date.now()}`;
    await chooseLanguage(driver, "fr");
    try {
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
      await press(driver, "preview-button");
      await byTestId(driver, "preview-table", 120_000);
      await checkOnTheWebsite(driver);
      assert.match(await (await byTestId(driver, "run-on-website")).getText(), /jamais publiées/);
      await screenshot(driver, "17 publish 6 preview on the website fr");
      await press(driver, "apply-button");

      const report = await eventually(async () => {
        const shown = await driver.findElements(By.css('[data-testid="report"][data-status="completed"]'));
        return shown[0] ?? null;
      }, "the edit's report did not show", 120_000);
      const edited = await report.getAttribute("data-run-id");
      // Nothing was published by the edit itself.
      for (const a of assets.filter((x) => x.published)) assert.notEqual(await onTheWebsite(a.path), value);
      const live = (await Promise.all(assets.map((a) => onTheWebsite(a.path)))).filter((v) => v !== undefined).length;
      const offer = await byTestId(driver, "republish-offer");
      // Under its own heading, apart from the run's actions.
      assert.equal(await (await offer.findElement(By.css("h3"))).getText(), "Sur le site web");
      const button = await byTestId(driver, "republish-run");
      assert.equal(await button.getText(), `Republier les ${live} qui sont sur le site web…`);
      // Apart from the run's own actions, and not styled as Undo is.
      const undo = await byTestId(driver, "undo-run");
      assert.notEqual(await button.getAttribute("class"), await undo.getAttribute("class"));
      await screenshot(driver, "17 publish 7 republish offer fr");

      // Confirmed by its own preview: the list of what would be published, nothing sent yet.
      await button.click();
      await eventually(async () => (await driver.findElements(By.css('[data-testid="publication-state"]'))).length > 0,
        "the republish's preview did not list its assets", 120_000);
      for (const a of assets.filter((x) => x.published)) assert.notEqual(await onTheWebsite(a.path), value);
      await screenshot(driver, "17 publish 8 republish preview fr");
      await press(driver, "apply-button");
      const done = await publishReport(driver, edited);
      // Its text as written (WebDriver's visible text turns no-break spaces into spaces).
      assert.equal(
        await (await byTestId(driver, "republished-line")).getAttribute("textContent"),
        `Publiées\u00a0: ${live} · absentes du site web, laissées telles quelles\u00a0: ${assets.length - live}`,
      );
      assert.ok(await done.isDisplayed());
      for (const a of assets.filter((x) => x.published)) assert.equal(await onTheWebsite(a.path), value, a.path);
      await screenshot(driver, "17 publish 9 republish report fr");
    } finally {
      await chooseLanguage(driver, "system");
      await deleteConnections(driver, [id]);
    }
  });
  assert.deepEqual(keychainEntries(), []);
});
