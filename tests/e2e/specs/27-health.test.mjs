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
    await screenshot(driver, "27-health-1-report");

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
      await screenshot(driver, "27-health-5-french");
    } finally {
      await chooseLanguage(driver, "system");
      await deleteConnections(driver, [id]);
    }
  });
});
