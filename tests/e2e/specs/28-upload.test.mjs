// Issue 65: the Upload page. A folder (with a subfolder) and a sheet of titles are dropped on
// the page, the target folder picked in the folder tree; the preview lists each file as new with
// its title; Upload sends them (the sandbox then holds each asset, processed, with the sheet's
// title); the run is in Activity, which opens its report on the Upload page, where Undo deletes
// what it made (the sandbox no longer holds them). The undo is a run: Activity then says the
// upload was undone and offers no second Undo (nor a redo), nor does the Upload page. Then the
// same page in French, its folder typed. Screenshots of both languages go to E2E_ARTIFACTS.
//
// The specs share the app's folders and keyring within one scripts/e2e.sh run: this file
// starts and ends with no connections.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { By, Key } from "selenium-webdriver";
import {
  withApp,
  byTestId,
  press,
  startSandboxBinary,
  eventually,
  longJobSecs,
  screenshot,
  sentNotifications,
  notificationsSince,
  simulateDrop,
  importSandboxConnection,
  deleteConnections,
  clickForNativeWindow,
  sendToWindow,
  nativeWindow,
  readExcelCsv,
} from "../lib/app.mjs";
import { chooseLanguage } from "../lib/plain.mjs";

const FOLDER = "/content/dam/wknd-shared/en/adventures";
const SAVE_DIALOG = "^Export the report as CSV$";
/** The files of the dropped folder, below it, with the title the sheet gives each. */
const FILES = [
  ["e2e-upload-a.jpg", "Upload A"],
  ["e2e-upload-b.jpg", "Upload B"],
  ["e2e-upload-sub/e2e-upload-c.png", "Upload C"],
];

let sandbox;
let dir;
let dropped;
let sheet;

before(async () => {
  sandbox = await startSandboxBinary({ assets: 16, perFolder: 8 });
  dir = mkdtempSync(join(tmpdir(), "metadesk-e2e-upload-"));
  dropped = join(dir, "campaign");
  mkdirSync(join(dropped, "e2e-upload-sub"), { recursive: true });
  FILES.forEach(([name], i) => writeFileSync(join(dropped, name), `the bytes of file ${i} `.repeat(40 * (i + 1))));
  sheet = join(dir, "titles.csv");
  writeFileSync(sheet, `File,dc:title\n${FILES.map(([name, title]) => `${name},${title}`).join("\n")}\n`);
});

after(() => {
  sandbox?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The sandbox's asset at `path`, or null when it holds none. */
async function held(path) {
  try {
    return await sandbox.asset(path);
  } catch {
    return null;
  }
}

/** Brings `id`'s element into view, for a screenshot of what is below the fold. */
async function showing(driver, id) {
  await driver.executeScript("arguments[0].scrollIntoView({ block: 'start' })", await byTestId(driver, id));
}

/** Picks `folder` in the Upload page's folder tree, opening each folder above it by its name. */
async function pickInTree(driver, folder) {
  const parts = folder.slice("/content/dam/".length).split("/");
  for (let i = 1; i <= parts.length; i += 1) {
    const path = `/content/dam/${parts.slice(0, i).join("/")}`;
    const name = await eventually(async () => {
      const found = await driver.findElements(By.css(`[data-testid="upload-tree"] [data-testid="folder-node"][data-path="${path}"] .name`));
      return found[0] ?? null;
    }, `${path} did not show in the folder tree`, 30_000);
    await name.click();
  }
  await eventually(async () => {
    const chosen = await driver.findElements(By.css(`[data-testid="upload-tree"] [data-testid="folder-node"][aria-selected="true"][data-path="${folder}"]`));
    const loading = await driver.findElements(By.css('[data-testid="upload-tree"] [data-testid="folder-node"][aria-busy="true"]'));
    return chosen.length === 1 && loading.length === 0;
  }, `the folder tree did not show ${folder} chosen`, 30_000);
}

/** Drops the folder and the sheet on the Upload page, picks the target folder in the tree
 *  (`inTree`) or types it, previews (with AEM `slow`ed past the long-job threshold while it
 *  does); returns the preview's rows by AEM path. */
async function dropAndPreview(driver, inTree = false, slow = false) {
  await press(driver, "nav-upload");
  await byTestId(driver, "upload-no-files");
  await simulateDrop(driver, [dropped]);
  await byTestId(driver, "upload-held");
  await simulateDrop(driver, [sheet]);
  await byTestId(driver, "upload-sheet");
  const input = await byTestId(driver, "folder-path-input");
  if (inTree) {
    await pickInTree(driver, FOLDER);
    assert.equal(await input.getAttribute("value"), FOLDER, "the path input says the folder picked");
  } else {
    await input.clear();
    await input.sendKeys(FOLDER, Key.ENTER);
  }
  await eventually(async () => (await (await byTestId(driver, "upload-preview")).isEnabled()), "Preview stayed disabled");
  if (slow) await sandbox.setFaults({ latency_ms: longJobSecs() * 1000 + 1000 });
  await press(driver, "upload-preview");
  try {
    return await eventually(async () => {
      const rows = await driver.findElements(By.css('[data-testid="upload-row"]'));
      if (rows.length !== FILES.length) return null;
      const out = {};
      for (const row of rows) out[await row.getAttribute("data-path")] = { intent: await row.getAttribute("data-intent"), text: await row.getText() };
      return out;
    }, "the preview did not list the files", 120_000);
  } finally {
    if (slow) await sandbox.setFaults({});
  }
}

test("a dropped folder and sheet are previewed, uploaded, reported, and undone from Activity", async (t) => {
  await withApp(t, async (driver) => {
    const id = await importSandboxConnection(driver, sandbox);
    const rows = await dropAndPreview(driver, true);
    for (const [name, title] of FILES) {
      const row = rows[`${FOLDER}/${name}`];
      assert.ok(row, `${name} in the preview: ${JSON.stringify(rows)}`);
      assert.equal(row.intent, "new", name);
      // A property by its title (issue 77), not its internal name.
      assert.ok(row.text.includes(`Title: ${title}`) && !row.text.includes("dc:title"), row.text);
    }
    for (const [name] of FILES) assert.equal(await held(`${FOLDER}/${name}`), null, `nothing sent before Upload: ${name}`);
    const summary = await (await byTestId(driver, "upload-summary")).getText();
    assert.ok(summary.includes("3 new"), summary);
    await showing(driver, "upload-preview-card");
    await screenshot(driver, "28-upload-1-preview");

    await press(driver, "upload-send");
    const counts = await byTestId(driver, "upload-report-counts", 180_000);
    assert.equal(await counts.getAttribute("data-uploaded"), String(FILES.length), await counts.getText());
    assert.equal(await counts.getAttribute("data-failed"), "0");
    for (const [name, title] of FILES) {
      const asset = await held(`${FOLDER}/${name}`);
      assert.ok(asset, `${name} uploaded`);
      assert.equal(asset.assetState, "processed", name);
      assert.equal(asset.metadata["dc:title"], title, `${name}'s title from the sheet`);
    }
    const states = await eventually(async () => {
      const rows = await driver.findElements(By.css('[data-testid="upload-report-row"]'));
      return rows.length === FILES.length ? Promise.all(rows.map((r) => r.getAttribute("data-state"))) : null;
    }, "the report did not list the files");
    assert.deepEqual(states, FILES.map(() => "uploaded"));
    await showing(driver, "upload-report");
    await screenshot(driver, "28-upload-2-report");

    // The report saved as CSV, as every run's is: a file a row, where the run left it.
    const target = join(dir, "upload report.csv");
    const dialog = await clickForNativeWindow(await byTestId(driver, "export-csv"), SAVE_DIALOG);
    sendToWindow(dialog, "key", "--clearmodifiers", "ctrl+a");
    sendToWindow(dialog, "type", "--delay", "10", target);
    sendToWindow(dialog, "key", "Return");
    assert.equal(await (await byTestId(driver, "export-result", 60_000)).getText(), "Saved upload report.csv");
    await eventually(() => nativeWindow(SAVE_DIALOG) === null, "the save dialog is still open");
    assert.ok(existsSync(target), `${target} was not written`);
    const csv = readExcelCsv(target);
    const [path, status] = [csv[0].indexOf("Path"), csv[0].indexOf("Status")];
    assert.ok(path >= 0 && status >= 0, `headers: ${csv[0]}`);
    assert.deepEqual(
      csv.slice(1).filter((r) => r[path]).map((r) => [r[path], r[status]]).sort(),
      FILES.map(([name]) => [`${FOLDER}/${name}`, "changed"]).sort(),
    );

    // Activity lists the run; its report opens on the Upload page, where Undo is.
    await press(driver, "nav-activity");
    await press(driver, "open-upload", 30_000);
    await byTestId(driver, "upload-report-counts", 30_000);
    await press(driver, "upload-undo");
    const undone = await byTestId(driver, "upload-undone", 60_000);
    assert.equal(await undone.getAttribute("data-deleted"), String(FILES.length), await undone.getText());
    for (const [name] of FILES) assert.equal(await held(`${FOLDER}/${name}`), null, `${name} deleted by the undo`);
    // The report shows the run's latest state (issue 77): a heading naming the undo, and every
    // file's row says "Deleted", none "Uploaded" under "Upload report".
    const outcomes = await eventually(async () => {
      const rows = await driver.findElements(By.css('[data-testid="upload-report-row"][data-undone]'));
      if (rows.length !== FILES.length) return null;
      return Promise.all(rows.map(async (r) => (await r.findElement(By.css('[data-testid="upload-outcome"]'))).getText()));
    }, "the undone report's rows do not say what the undo did");
    assert.deepEqual(outcomes, FILES.map(() => "Deleted"));
    assert.equal(await (await byTestId(driver, "upload-report-title")).getText(), "Upload undone");
    assert.match(await (await byTestId(driver, "upload-undone-on")).getText(), /^Undone on /);
    await screenshot(driver, "28-upload-3-undone");
    await press(driver, "upload-again");

    // The undo is a run: Activity says the upload was undone, offers neither a second Undo nor
    // a redo, and opens the upload again from either card, with no Undo there either.
    await press(driver, "nav-activity");
    /** The Activity card that opens an upload and links to the run it undid or that undid it. */
    const card = (link) =>
      eventually(async () => {
        for (const item of await driver.findElements(By.css('[data-testid="run-item"]'))) {
          const has = async (id) => (await item.findElements(By.css(`[data-testid="${id}"]`))).length === 1;
          if ((await has("open-upload")) && (await has(link))) return item;
        }
        return null;
      }, `no upload card in Activity with ${link}`, 30_000);
    const upload = await card("run-undone-by");
    const undo = await card("run-undoes");
    // Counted as what it did, and marked undone: never "3 changed".
    const counted = await (await upload.findElement(By.css('[data-testid="run-counts"]'))).getText();
    assert.match(counted, new RegExp(`^${FILES.length} uploaded`), counted);
    assert.equal(await upload.getAttribute("data-undone"), "yes");
    assert.match(await (await undo.findElement(By.css('[data-testid="run-counts"]'))).getText(), new RegExp(`^${FILES.length} deleted`));
    for (const item of [upload, undo]) {
      assert.equal((await item.findElements(By.css('[data-testid="undo-run"], [data-testid="redo-run"]'))).length, 0, "no undo nor redo offered");
    }
    await screenshot(driver, "28-upload-6-activity-undone");
    await (await upload.findElement(By.css('[data-testid="open-upload"]'))).click();
    await byTestId(driver, "upload-undone-on", 30_000);
    assert.equal((await driver.findElements(By.css('[data-testid="upload-undo"]'))).length, 0, "no second Undo");
    // Opened again from Activity, the report still shows what the undo did to each file.
    await eventually(async () => (await driver.findElements(By.css('[data-testid="upload-report-row"][data-undone="changed"]'))).length === FILES.length || null, "the report opened again forgot the undo");
    await press(driver, "upload-again");
    await deleteConnections(driver, [id]);
  });
});

test("the Upload page in French", async (t) => {
  await withApp(t, async (driver) => {
    const id = await importSandboxConnection(driver, sandbox);
    await chooseLanguage(driver, "fr");
    try {
      await press(driver, "nav-upload");
      await eventually(async () => {
        const titles = await driver.findElements(By.css("#upload-title"));
        return titles.length > 0 && (await titles[0].getText()) === "Envoyer des fichiers";
      }, "the Upload page did not open in French");
      await screenshot(driver, "28-upload-4-french-empty");
      // A long preview (many large files to read) tells the desktop what it would send.
      const notifiedBefore = sentNotifications().length;
      const rows = await dropAndPreview(driver, false, true);
      const notified = await notificationsSince(notifiedBefore, "the long upload preview");
      assert.equal(notified.length, 1, JSON.stringify(notified));
      assert.equal(notified[0].summary, "Aperçu de l’envoi de fichiers prêt");
      assert.equal(notified[0].body, `3 à envoyer, 0 déjà présent, 0 refusé — ${FOLDER}`);
      const first = rows[`${FOLDER}/${FILES[0][0]}`];
      assert.ok(first.text.includes("Nouveau"), first.text);
      // French sizes (issue 77): ko, not kB.
      assert.match(first.text, /\d\s(o|ko|Mo)(?![a-z])/, first.text);
      assert.doesNotMatch(first.text, /\d\skB|\d\sMB/, first.text);
      assert.match(first.text, /Titre\s: Upload A/, first.text);
      const send = await (await byTestId(driver, "upload-send")).getText();
      assert.equal(send, "Envoyer 3 fichiers");
      await showing(driver, "upload-preview-card");
      await screenshot(driver, "28-upload-5-french-preview");
      await press(driver, "upload-clear");
    } finally {
      await chooseLanguage(driver, "system");
      await deleteConnections(driver, [id]);
    }
  });
});
