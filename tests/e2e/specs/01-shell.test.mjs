// The shell: the window opens, the three sections are reachable by mouse and keyboard, the
// keychain check reports the real Secret Service, and dropped files reach the app.

import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { Key } from "selenium-webdriver";
import { withApp, byTestId, simulateDrop, realDrop, fixtures, eventually, press } from "../lib/app.mjs";

test("the window opens titled Metadesk with the keychain available", async (t) => {
  await withApp(t, async (driver) => {
    assert.equal(await driver.getTitle(), "Metadesk");
    const windows = execFileSync("xdotool", ["search", "--onlyvisible", "--name", "^Metadesk$"], {
      encoding: "utf8",
    });
    assert.ok(windows.trim().length > 0, "no native window titled Metadesk");
    const status = await byTestId(driver, "keychain-status");
    assert.match(await status.getText(), /available/i);
    assert.doesNotMatch(await status.getText(), /unavailable/i);
    await byTestId(driver, "empty-connections");
  });
});

test("sections are reachable with the mouse", async (t) => {
  await withApp(t, async (driver) => {
    await press(driver, "nav-bulk");
    await byTestId(driver, "empty-bulk");
    await press(driver, "nav-activity");
    const activity = await byTestId(driver, "empty-activity");
    assert.match(await activity.getText(), /no runs yet/i);
    await press(driver, "nav-connections");
    const connections = await byTestId(driver, "empty-connections");
    assert.match(await connections.getText(), /drop a credential file/i);
  });
});

test("sections are reachable with the keyboard", async (t) => {
  await withApp(t, async (driver) => {
    // Tab from the start of the page must land in the navigation.
    await driver.executeScript("document.activeElement?.blur(); window.focus();");
    const body = await driver.findElement({ css: "body" });
    let reached = false;
    for (let i = 0; i < 6 && !reached; i++) {
      await body.sendKeys(Key.TAB);
      const id = await driver.executeScript(
        "return document.activeElement?.closest('[data-testid]')?.dataset.testid ?? ''",
      );
      reached = id.startsWith("nav-");
    }
    assert.ok(reached, "Tab never reached the navigation");
    const activity = await byTestId(driver, "nav-activity");
    await driver.executeScript("arguments[0].focus()", activity);
    await activity.sendKeys(Key.ENTER);
    await byTestId(driver, "empty-activity");
    const bulk = await byTestId(driver, "nav-bulk");
    await driver.executeScript("arguments[0].focus()", bulk);
    await bulk.sendKeys(Key.SPACE);
    await byTestId(driver, "empty-bulk");
  });
});

test("a simulated native drop reaches the app without navigating away", async (t) => {
  await withApp(t, async (driver) => {
    const url = await driver.getCurrentUrl();
    await simulateDrop(driver, [join(fixtures, "notes.json")]);
    const results = await byTestId(driver, "drop-results");
    assert.match(await results.getText(), /notes\.json/);
    assert.equal(await driver.getCurrentUrl(), url);
  });
});

test("a real OS drop on the window reaches the app", async (t) => {
  await withApp(t, async (driver) => {
    const url = await driver.getCurrentUrl();
    const target = await byTestId(driver, "empty-connections");
    await realDrop(driver, [join(fixtures, "notes.json")], target);
    const results = await byTestId(driver, "drop-results");
    assert.match(await results.getText(), /notes\.json/);
    await eventually(
      async () => (await driver.findElements({ css: '[data-testid="drop-overlay"]' })).length === 0 ||
        !(await driver.findElement({ css: '[data-testid="drop-overlay"]' }).isDisplayed()),
      "the drop overlay stayed on after the drop",
    );
    assert.equal(await driver.getCurrentUrl(), url, "the drop navigated the webview away");
  });
});
