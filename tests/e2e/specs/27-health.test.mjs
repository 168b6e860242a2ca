// Issue 66: the Health page on the sandbox's folder seeded with expiry dates, off times, images
// without a description and pages that use assets. The counts the window shows equal what the
// sandbox holds; "Fill descriptions" opens Bulk edit on a list of just those images with the
// description from their title, previewed then applied; checking again shows no image without
// a description. Then the same page in French. Screenshots of both go to E2E_ARTIFACTS.
//
// The specs share the app's folders and keyring within one scripts/e2e.sh run: this file
// starts and ends with no connections.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { By, Key } from "selenium-webdriver";
import {
  withApp,
  byTestId,
  press,
  startSandboxBinary,
  eventually,
  screenshot,
  importSandboxConnection,
  deleteConnections,
} from "../lib/app.mjs";
import { chooseLanguage } from "../lib/plain.mjs";

const FOLDER = "/content/dam/wknd-shared/en/adventures";

let sandbox;
/** The sandbox's assets under FOLDER (content fragments left out), with their metadata. */
let assets;

before(async () => {
  sandbox = await startSandboxBinary({ assets: 48, perFolder: 16, lifecycle: true });
  const dump = await sandbox.getJson("/__sandbox/dump");
  const paths = dump.assets.filter((a) => !a.contentFragment && a.path.startsWith(`${FOLDER}/`)).map((a) => a.path);
  assets = await Promise.all(paths.map((p) => sandbox.asset(p)));
});

after(() => sandbox?.stop());

const bare = () => assets.filter((a) => String(a.metadata["dc:format"]).startsWith("image/") && !a.metadata["dc:description"]);

/** Types the folder into the Health page's field (the Bulk edit page's folder picker). */
async function chooseFolder(driver) {
  const input = await byTestId(driver, "folder-path-input");
  await input.clear();
  await input.sendKeys(FOLDER, Key.ENTER);
}

/** Presses Check and waits for the cards; returns each count by its key. */
async function check(driver) {
  await press(driver, "health-check");
  return eventually(async () => {
    const cards = await driver.findElements(By.css('[data-testid="health-card"]'));
    if (cards.length === 0 || (await driver.findElements(By.css('[data-testid="health-progress"]'))).length > 0) return null;
    const counts = {};
    for (const card of cards) counts[await card.getAttribute("data-key")] = Number(await card.getAttribute("data-count"));
    return counts;
  }, "the health report did not show", 120_000);
}

test("the Health page counts the folder, and Fill descriptions is previewed and applied", async (t) => {
  const without = bare().length;
  assert.ok(without > 0, "the sandbox seeded no image without a description");
  await withApp(t, async (driver) => {
    const id = await importSandboxConnection(driver, sandbox);
    await press(driver, "nav-health");
    await byTestId(driver, "health-not-checked");
    await chooseFolder(driver);
    const counts = await check(driver);
    assert.equal(counts.assets, assets.length, "every asset of the folder counted");
    assert.equal(counts.without_description, without, "the images without a description");
    const now = Date.now();
    const expired = assets.filter((a) => a.metadata["prism:expirationDate"] && Date.parse(a.metadata["prism:expirationDate"]) < now);
    assert.equal(counts.expired, expired.length, "the expired assets");
    assert.ok(counts.used_on_pages > 0 && counts.used_on_pages + counts.used_nowhere === assets.length, JSON.stringify(counts));
    // A bar per subfolder on the card, and the images listed under the cards.
    const card = await driver.findElement(By.css('[data-testid="health-card"][data-key="without_description"]'));
    assert.ok((await card.findElements(By.css('[data-testid="health-bar"]'))).length > 1, "bars per subfolder");
    await eventually(async () => (await driver.findElements(By.css('[data-testid="health-row"]'))).length > 0, "the list did not show");
    // Issue 77: every card's bars on one scale (2 expired assets are not drawn as long as 16
    // assets), the folder's whole path in its field, and "Scheduled to go offline" as a plain
    // fact, not amber.
    const bars = await driver.executeScript(`
      return [...document.querySelectorAll('[data-testid="health-bar"]')].map((g) => ({
        card: g.closest('[data-testid="health-card"]').dataset.key,
        total: Number(g.dataset.total),
        width: Number(g.querySelector('rect.fill').getAttribute('width')),
      }));`);
    const biggest = Math.max(...bars.map((b) => b.total));
    const full = Math.max(...bars.map((b) => b.width));
    for (const bar of bars.filter((b) => b.total > 1)) {
      assert.ok(Math.abs(bar.width / full - bar.total / biggest) < 0.01, `a bar of the ${bar.card} card is not on the shared scale: ${JSON.stringify(bar)} (biggest ${biggest})`);
    }
    const expiredBars = bars.filter((b) => b.card === "expired");
    assert.ok(expiredBars.length > 0 && expiredBars.every((b) => b.width < full * 0.5), `the expired assets' bars look as big as the biggest: ${JSON.stringify(bars)}`);
    const field = await byTestId(driver, "folder-path-input");
    assert.equal(await field.getAttribute("value"), FOLDER);
    assert.ok(await driver.executeScript("return arguments[0].scrollWidth <= arguments[0].clientWidth", field), "the folder's path is cut in its field");
    const offTime = await driver.findElement(By.css('[data-testid="health-card"][data-key="with_off_time"]'));
    assert.match(await offTime.getText(), /Scheduled to go offline/);
    assert.doesNotMatch(await offTime.getAttribute("class"), /\bwatch\b/, "the off-time card is amber");
    await screenshot(driver, "27-health-1-report", { shows: "health-cards" });

    await (await card.findElement(By.css('[data-testid="health-fix"][data-fix="fill-descriptions"]'))).click();
    const row = await byTestId(driver, "edit-row", 30_000);
    const action = await row.findElement(By.css('[data-testid="edit-action"]'));
    assert.equal(await action.getAttribute("value"), "template");
    await screenshot(driver, "27-health-2-fill-descriptions");
    await press(driver, "preview-button");
    await byTestId(driver, "preview-table", 120_000);
    const changing = await eventually(async () => {
      const rows = await driver.findElements(By.css('[data-testid="preview-row"][data-action="change"]'));
      const table = await (await byTestId(driver, "preview-table")).getText();
      return rows.length > 0 && !table.includes("Loading") ? rows.length : null;
    }, "the preview showed no change");
    assert.ok(changing <= without, `${changing} rows for ${without} images`);
    // The edit in people's words (issue 77): not "a list of 4 entries", "A search in AEM" or
    // the template {dc:title}.
    const facts = await (await byTestId(driver, "run-fact-list")).getText();
    assert.match(facts, /\d+ assets? you listed/, facts);
    assert.match(facts, /copied from each asset’s Title/, facts);
    assert.doesNotMatch(facts, /a list of|entries|A search in AEM|\{dc:title\}/, facts);
    await screenshot(driver, "27-health-3-preview");
    await press(driver, "apply-button");
    await byTestId(driver, "report", 180_000);

    // Checked again: no image without a description is left.
    await press(driver, "nav-health");
    const after = await check(driver);
    assert.equal(after.without_description, 0, JSON.stringify(after));
    const described = await Promise.all(bare().map((a) => sandbox.asset(a.path)));
    for (const a of described) assert.equal(a.metadata["dc:description"], a.metadata["dc:title"], a.path);
    await screenshot(driver, "27-health-4-checked-again");
    await deleteConnections(driver, [id]);
  });
});

test("the Health page in French", async (t) => {
  await withApp(t, async (driver) => {
    const id = await importSandboxConnection(driver, sandbox);
    await chooseLanguage(driver, "fr");
    try {
      await press(driver, "nav-health");
      await eventually(async () => {
        const titles = await driver.findElements(By.css("#health-title"));
        return titles.length > 0 && (await titles[0].getText()) === "Santé";
      }, "the Health page did not open in French");
      await chooseFolder(driver);
      const counts = await check(driver);
      assert.equal(counts.assets, assets.length);
      const fix = await driver.findElement(By.css('[data-testid="health-fix"][data-fix="extend-expiry"]'));
      assert.equal(await fix.getText(), "Prolonger l’expiration");
      const offTime = await driver.findElement(By.css('[data-testid="health-card"][data-key="with_off_time"]'));
      assert.match(await offTime.getText(), /Retrait programmé/);
      assert.doesNotMatch(await offTime.getText(), /heure de retrait/);
      await screenshot(driver, "27-health-5-french");
    } finally {
      await chooseLanguage(driver, "system");
      await deleteConnections(driver, [id]);
    }
  });
});
