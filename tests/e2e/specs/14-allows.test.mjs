// "What this AEM allows" end to end, against a sandbox with GraphQL and the CSRF token
// switched off and no write permission on the DAM: Test connection on the card shows, under
// the steps, one line per path the app uses — allowed, not allowed or unavailable — with the
// reason in words (never AEM's page) and what the app does instead; the batch-write refusal it
// found is remembered, so a second test says it came from an earlier check. Nothing is written.
//
// The specs share the app's folders and keyring within one scripts/e2e.sh run: this file
// starts and ends with no connections.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { By } from "selenium-webdriver";
import {
  withApp,
  startSandboxBinary,
  keychainEntries,
  eventually,
  importSandboxConnection,
  deleteConnections,
} from "../lib/app.mjs";

let sandbox;

before(async () => {
  sandbox = await startSandboxBinary({ assets: 20 });
  // No CSRF token, and POSTs without one refused: batch writes cannot be used.
  await sandbox.setFaults({ csrf_required: true, switched_off: ["graphql", "csrf_token"], write_denied: ["/content/dam"] });
});

after(() => sandbox?.stop());

/** Clicks "Test connection" on card `id` and waits for the result panel. */
async function runTest(driver, id) {
  const card = () => driver.findElement(By.css(`[data-connection-id="${id}"]`));
  const button = await (await card()).findElement(By.css('[data-testid="test-connection"]'));
  await button.click();
  await eventually(async () => (await button.getText()) === "Test connection" && (await button.isEnabled()),
    "the test did not finish", 60_000);
  const report = await (await card()).findElement(By.css('[data-testid="test-report"]'));
  // The checklist, with its technical names, folds under "Technical details": opened to read it.
  await driver.executeScript("arguments[0].open = true", await report.findElement(By.css('[data-testid="test-technical"]')));
  return report;
}

/** The checklist's lines by path: `{ allowed, text, instead }`. */
async function checklist(report) {
  const section = await report.findElement(By.css('[data-testid="allows"]'));
  const lines = {};
  for (const line of await section.findElements(By.css('[data-testid="allows-check"]'))) {
    const instead = await line.findElements(By.css('[data-testid="allows-instead"]'));
    lines[await line.getAttribute("data-path")] = {
      allowed: await line.getAttribute("data-allowed"),
      text: await line.getText(),
      instead: instead.length ? await instead[0].getText() : null,
    };
  }
  return { heading: await section.findElement(By.css("h4")).getText(), lines };
}

test("Test connection shows what this AEM allows, why not, and what the app does instead", async (t) => {
  await withApp(t, async (driver) => {
    const id = await importSandboxConnection(driver, sandbox);
    const report = await runTest(driver, id);
    assert.equal(await report.getAttribute("data-ok"), "true", await report.getText());
    const { heading, lines } = await checklist(report);
    assert.equal(heading, "What this AEM allows");
    assert.deepEqual(Object.keys(lines), [
      "classicRead", "queryBuilder", "writePermission", "publishPermission", "tagChanges", "batchWrites",
      "renditions", "graphqlEndpoints", "graphqlSchema", "persistedQueries",
    ]);
    // Issue 51: whether this account may merge, move, delete or import AEM's tags, in words.
    assert.match(lines.tagChanges.text, /tag/i);
    assert.equal(lines.classicRead.allowed, "ok");
    assert.equal(lines.queryBuilder.allowed, "ok");
    assert.match(lines.queryBuilder.text, /QueryBuilder answers searches/);
    assert.equal(lines.renditions.allowed, "ok");

    assert.equal(lines.writePermission.allowed, "notAllowed");
    assert.match(lines.writePermission.text, /may not change metadata in \/content\/dam/);
    assert.match(lines.writePermission.instead, /^Instead: Previews work; AEM will refuse the changes/);
    // Issue 39: the deep test also says whether this account may publish under the folder.
    assert.match(lines.publishPermission.text, /publish/i);

    assert.equal(lines.batchWrites.allowed, "notAllowed");
    assert.match(lines.batchWrites.text, /AEM refused a Sling POST that changes nothing, as it would a batch write: AEM refuses it to this account \(HTTP 403\)/);
    assert.equal(lines.batchWrites.instead,
      "Instead: Each asset is written on its own (slower). Metadesk remembers this for this connection for 30 days.");

    for (const path of ["graphqlEndpoints", "graphqlSchema", "persistedQueries"]) {
      assert.equal(lines[path].allowed, "unavailable", lines[path].text);
      assert.ok(lines[path].instead, `${path} says what the app does instead`);
    }
    assert.match(lines.graphqlEndpoints.instead, /The API console offers "global"/);
    for (const line of Object.values(lines)) assert.doesNotMatch(line.text, /<html|<title|<body/i);
    // The checklist as people see it (an artefact of the run).
    const section = await report.findElement(By.css('[data-testid="allows"]'));
    writeFileSync(join(process.env.E2E_ARTIFACTS, "14-allows-checklist.png"), await section.takeScreenshot(true), "base64");

    // The refusal was recorded: the next test (and the first apply) already knows it.
    const again = await checklist(await runTest(driver, id));
    assert.equal(again.lines.batchWrites.allowed, "notAllowed");
    assert.match(again.lines.batchWrites.text, /earlier on this connection, in a run or in Test connection/);

    const counters = await sandbox.getJson("/__sandbox/counters");
    assert.equal(counters.writes_applied, 0, "the check writes nothing");

    await deleteConnections(driver, [id]);
  });
  assert.deepEqual(keychainEntries(), [], "the keychain should end without connections");
});
