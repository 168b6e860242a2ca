// Issue 43: the window takes every folder form the command line takes, and counts what it
// counts. The seed script's form of a folder (`/wknd-shared/en/adventures/napa-wine-tasting`,
// without `/content/dam`) is typed into Bulk edit's folder field: the core says what folder it
// is (`check_folder`), the window counts it, and the count equals the number of assets
// `metadesk-cli bulk set --folder /wknd-shared/en/… --dry-run --json` previews against the same
// sandbox and the same credential. A folder outside the DAM is refused in the core's words.
// Screenshots go to E2E_ARTIFACTS.
//
// The specs share the app's folders and keyring within one scripts/e2e.sh run: this file
// starts and ends with no connections.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
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

const SEED_FORM = "/wknd-shared/en/adventures/napa-wine-tasting";
const FOLDER = `/content/dam${SEED_FORM}`;
const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
/** The command line, built beside the app (scripts/e2e.sh builds it). */
const CLI = process.env.METADESK_CLI_BIN ?? join(root, "target", "debug", "metadesk-cli");

let sandbox;
/** The content fragments directly in FOLDER: the preview lists them (as skipped: an asset edit
 *  leaves them as they are), the window's count says them apart from its assets. */
let fragments;

before(async () => {
  sandbox = await startSandboxBinary({ assets: 120, perFolder: 36 });
  const dump = await sandbox.getJson("/__sandbox/dump");
  assert.ok(dump.folders.some((f) => f.path === FOLDER && f.assets > 0), `the sandbox has no assets in ${FOLDER}`);
  const direct = dump.assets.filter((a) => a.path.startsWith(`${FOLDER}/`) && !a.path.slice(FOLDER.length + 1).includes("/"));
  fragments = direct.filter((a) => a.contentFragment).length;
});

after(() => sandbox?.stop());

/** What the command line previews for the seed's folder form: the number of entries (content
 *  fragments included, each skipped with its reason). */
function cliCount() {
  assert.ok(existsSync(CLI), `${CLI} is missing: build it with cargo build -p metadesk-cli`);
  const home = mkdtempSync(join(tmpdir(), "metadesk-e2e-cli-"));
  try {
    const out = execFileSync(
      CLI,
      ["bulk", "set", "--folder", SEED_FORM, "--property", "dc:title", "--value", "Seed form", "--dry-run", "--json",
        "--aem", sandbox.url, "--file", sandbox.file("service-credentials.json")],
      { env: { ...process.env, METADESK_HOME: home, LANG: "en_US.UTF-8" }, encoding: "utf8" },
    );
    const summary = JSON.parse(out);
    assert.equal(summary.folder, FOLDER, "the CLI took the seed's form as the DAM folder");
    assert.ok(summary.skippedEntries.length >= fragments, "the CLI lists each content fragment as skipped");
    return summary.counts.assets;
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

/** Types `folder` into the path field as a person does, and leaves the field. */
async function typeInFolderField(driver, folder) {
  const input = await byTestId(driver, "folder-path-input");
  await input.clear();
  await input.sendKeys(folder, Key.ENTER);
}

test("the seed's folder form counts in the window what the command line previews", async (t) => {
  const previewed = cliCount();
  assert.ok(previewed > fragments, "the command line previewed no asset");
  // The window counts the assets and says the content fragments apart ("Also N content
  // fragments… N rows in all"): together, what the CLI's preview lists.
  const expected = previewed - fragments;
  await withApp(t, async (driver) => {
    const id = await importSandboxConnection(driver, sandbox);
    await press(driver, "nav-bulk");
    const select = await byTestId(driver, "bulk-connection");
    await select.findElement(By.css(`option[value="${id}"]`)).click();

    await typeInFolderField(driver, SEED_FORM);
    const shown = await eventually(async () => {
      const els = await driver.findElements(By.css('[data-testid="scope-count"][data-done="1"] .number'));
      if (els.length === 0) return null;
      const text = await els[0].getAttribute("textContent");
      return Number(text.replace(/[^\d]/g, ""));
    }, "the window did not count the seed's folder form", 60_000);
    await screenshot(driver, "24-seed-folder-form-count");
    assert.equal(shown, expected, `the window counts ${shown} assets (and ${fragments} content fragments), the command line previews ${previewed} entries`);
    if (fragments > 0) {
      const note = await (await byTestId(driver, "scope-count")).getAttribute("textContent");
      assert.match(note, new RegExp(`${previewed} rows in all`), note);
    }
    assert.equal((await driver.findElements(By.css("#folder-error"))).length, 0, "no folder problem shown");
    // The tree shows the folder the core took, chosen.
    await eventually(async () =>
      (await driver.findElements(By.css(`[data-testid="folder-node"][aria-selected="true"][data-path="${FOLDER}"]`))).length === 1,
      `the tree did not show ${FOLDER} chosen`, 30_000);

    // A folder outside the DAM: the core's words, no count.
    await typeInFolderField(driver, "/content/sites/en");
    await press(driver, "preview-button");
    const error = await eventually(async () => {
      const els = await driver.findElements(By.css("#folder-error"));
      return els.length > 0 ? els[0].getText() : null;
    }, "no folder problem shown for a folder outside the DAM");
    assert.equal(error, '"/content/sites/en" is not a DAM folder: it must start with /content/dam/.');
    assert.equal((await driver.findElements(By.css('[data-testid="preview-table"]'))).length, 0, "nothing previewed");
    await screenshot(driver, "24-seed-folder-form-refused");

    await deleteConnections(driver, [id]);
  });
});
