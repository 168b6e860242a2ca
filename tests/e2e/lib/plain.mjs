// Helpers of the specs about the window as a content-ops person meets it (issue 42: specs 20
// and up): the words a person should never have to read, the text in view, the language.

import { By } from "selenium-webdriver";
import { byTestId, eventually, press } from "./app.mjs";

/** Words of AEM's insides that a person should never have to read. */
export const JARGON = /QueryBuilder|Sling|JCR|rendition|introspection/i;

/** The text a person sees in the window (what is folded or hidden is not in it). */
export const visibleText = (driver) => driver.executeScript("return document.body.innerText");

/** Picks a language in Settings (`system` follows the desktop's, English here). */
export async function chooseLanguage(driver, value) {
  await press(driver, "nav-settings");
  const select = await byTestId(driver, "language-select");
  await eventually(async () => await select.isEnabled(), "the language setting never loaded");
  await (await select.findElement(By.css(`option[value="${value}"]`))).click();
  await eventually(async () => (await select.getAttribute("value")) === value, `${value} was not chosen`);
  // The select shows the choice at once; the window speaks it only once the core has saved
  // it (the page's lang follows the words in use). "system" is this machine's: English.
  const speaks = value === "system" ? "en" : value;
  await eventually(
    async () => (await driver.executeScript("return document.documentElement.lang")) === speaks,
    `the window did not switch to ${speaks}`,
  );
}

/** Chooses `action` (set, replace, template…) in the first change row's action list. */
export async function chooseAction(driver, action) {
  const select = await driver.findElement(By.css('[data-testid="edit-row"] [data-testid="edit-action"]'));
  await (await select.findElement(By.css(`option[value="${action}"]`))).click();
  await eventually(async () => (await select.getAttribute("value")) === action, `${action} was not chosen`);
}

/** The sandbox's count of writes AEM applied. */
export async function writesApplied(sandbox) {
  return (await sandbox.getJson("/__sandbox/counters")).writes_applied;
}
