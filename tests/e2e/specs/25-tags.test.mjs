// Issue 51: the Tags page shows AEM's taxonomy as a tree of titles in the reader's language,
// with ids and descriptions, and searches it (titles in every language, ids). A tag moved in
// AEM is not shown at its old place. English and French, axe clean in both; screenshots go to
// E2E_ARTIFACTS.
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
  eventually,
  screenshot,
  importSandboxConnection,
  deleteConnections,
} from "../lib/app.mjs";
import { seriousViolations } from "../lib/a11y.mjs";
import { chooseLanguage } from "../lib/plain.mjs";

let sandbox;

before(async () => {
  sandbox = await startSandboxBinary({ assets: 20 });
});

after(() => sandbox?.stop());

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
