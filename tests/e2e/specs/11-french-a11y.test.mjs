// Metadesk in French, and accessible: switch the language in Settings with the keyboard, walk
// every page the catalogue covers (Connections with a card and a Test connection result, a
// service-credential card with its JWT → OAuth note,
// Activity, Settings, Bulk edit step by step against a sandbox started here: a folder picked,
// the edit rows with their problems, the preview, the run's report, then the run in Activity,
// a sheet, a search and the missing-metadata report; and the API console's two tabs), screenshot each, and assert that no English UI words are
// left there and that axe-core finds no serious or critical violation on any page.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { By, Key } from "selenium-webdriver";
import {
  byTestId,
  press,
  consoleNav,
  connectionCards,
  deleteConnections,
  eventually,
  importSandboxConnection,
  keychainEntries,
  screenshot as save,
  simulateDrop,
  startSandboxBinary,
  withApp,
  pickProperty,
  typeFolder,
} from "../lib/app.mjs";
import { seriousViolations } from "../lib/a11y.mjs";


/** The value the French bulk edit writes (French words: it is shown in the run's edit line). */
const RIGHTS = "© 2026 Essai Metadesk";

let sandbox;
/** A folder of the sandbox with assets and no subfolder, the fewest content fragments first. */
let folder;

before(async () => {
  sandbox = await startSandboxBinary();
  const dump = await sandbox.getJson("/__sandbox/dump");
  const fragments = (path) => dump.assets.filter((a) => a.contentFragment && a.path.startsWith(`${path}/`)).length;
  const leaves = dump.folders.filter((f) => f.assets > fragments(f.path) && f.folders === 0);
  folder = leaves.sort((a, b) => fragments(a.path) - fragments(b.path))[0]?.path;
  assert.ok(folder, "the sandbox has no folder with editable assets");
});

after(() => sandbox?.stop());

/** A screenshot once the page has painted (WebKit may otherwise hand back an earlier frame). */
async function screenshot(driver, name) {
  await driver.executeAsyncScript(
    "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 200)));",
  );
  return save(driver, name);
}

// Words that English UI text has and French UI text has not: function words and the app's own
// English labels. Data (connection names, hosts, paths, e-mails, secret hints) is left out of
// the check below, since it is the user's, not the window's.
const ENGLISH = /\b(the|and|with|this|that|your|you|is|are|was|be|to|of|for|it|can|will|has|have|from|yet|not|only|Cancel|Delete|Rename|Import|Save|Settings|Connections|Activity|Resume|Undo|Apply|Dismiss|Choose|Paste|Testing|Running|Checking|Keychain|available|valid|until|expires|token|works|Reached|Language|runs?|separated|workbook)\b/;

/** The window's own words on the page: the text of every element, minus user data. */
async function windowWords(driver, notYetTranslated = []) {
  return driver.executeScript(`
    const skip = '[data-testid="connection-name"], [data-testid="connection-host"], [data-testid="connection-account"],'
      + ' [data-testid="connection-secrets"], [data-testid="connection-ims"], .mono, code, time, option,'
      // Bulk edit's data: folder names in the tree, assets (row headers), their values.
      + ' [data-testid="folder-node"] .name, th[scope="row"], [data-testid="apply-strip-asset"] .name,'
      + ' [data-testid="cell-before"], [data-testid="cell-after"],'
      + ' [data-testid="value-kept"], [data-testid="value-added"], [data-testid="value-removed"]'
      + arguments[0].map((s) => ', ' + s).join('');
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.trim();
      if (!text || node.parentElement.closest(skip)) continue;
      const style = getComputedStyle(node.parentElement);
      if (style.display === 'none') continue;
      out.push(text);
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
      if (el.closest(skip)) continue;
      for (const name of ['aria-label', 'title', 'placeholder']) if (el.getAttribute(name)) out.push(el.getAttribute(name));
    }
    return out;
  `, notYetTranslated);
}

/** The text without the values it quotes (an edit line's "© Read-only …" is the user's data,
 *  whichever language the window speaks) and without a metadata form's field labels, each
 *  named with its property ("Language (dc:language)": AEM's words, not the window's). */
function withoutQuotedValues(text) {
  return text.replace(/"[^"]*"|“[^”]*”|«[^»]*»/g, "").replace(/\S+ \([\w-]+:[\w-]+\)/g, "");
}

async function assertNoEnglish(driver, page, notYetTranslated = []) {
  const left = (await windowWords(driver, notYetTranslated)).filter((text) => ENGLISH.test(withoutQuotedValues(text)));
  assert.deepEqual(left, [], `English words left on ${page}`);
}

async function assertAccessible(driver, page) {
  assert.deepEqual(await seriousViolations(driver), [], `axe on ${page}`);
}

async function open(driver, section, heading) {
  const nav = section === "console" ? await consoleNav(driver) : await byTestId(driver, `nav-${section}`);
  await driver.executeScript("arguments[0].focus()", nav);
  await nav.sendKeys(Key.ENTER);
  await eventually(
    async () => (await driver.findElement(By.css("main h1")).getText()) === heading,
    `the ${section} page did not open with the heading ${heading}`,
  );
}

/** Picks a language in Settings with the keyboard only: focus the select, then arrow keys. */
async function chooseLanguage(driver, value) {
  const select = await byTestId(driver, "language-select");
  await eventually(async () => await select.isEnabled(), "the language setting never loaded");
  await driver.executeScript("arguments[0].focus()", select);
  const wanted = await select.findElement(By.css(`option[value="${value}"]`));
  // WebKitWebDriver selects an option through a click on it, as a keyboard user's Enter does.
  await wanted.click();
  await eventually(async () => (await select.getAttribute("value")) === value, `${value} was not chosen`);
}

/** Back to following the system (English here), whatever an earlier failure left chosen. */
async function followTheSystem(driver) {
  await press(driver, "nav-settings");
  await chooseLanguage(driver, "system");
  await eventually(
    async () => (await driver.findElement(By.css("main h1")).getText()) === "Settings",
    "the window did not go back to English",
  );
}

/** The element's text as the DOM has it (WebDriver's getText turns no-break spaces into spaces). */
function textOf(driver, el) {
  return driver.executeScript("return arguments[0].textContent.trim()", el);
}

/** Bulk edit in French, each step a user sees, against this file's sandbox: a folder picked
 *  (tree and typed path), the edit rows and their problems, the preview, the run's report and
 *  the run in Activity; no English word, no serious axe violation, a screenshot of each. */
async function bulkEditInFrench(driver) {
  const id = await importSandboxConnection(driver, sandbox);
  // A service-credential card (not the built-in sandbox's) carries the JWT → OAuth note: French too.
  const note = await (await driver.findElement(By.css(`[data-connection-id="${id}"]`)))
    .findElement(By.css('[data-testid="jwt-note"]'));
  assert.match(await textOf(driver, note), /^Adobe range désormais les identifiants de service JWT/);
  await assertNoEnglish(driver, "Connexions (identifiants de service)");
  await assertAccessible(driver, "Connexions (identifiants de service)");
  await screenshot(driver, "11-fr-connexions-identifiants-de-service");
  await open(driver, "bulk", "Modification en masse");
  const again = await driver.findElements(By.css('[data-testid="new-edit"], [data-testid="back-to-form"]'));
  if (again.length > 0) await again[0].click();
  const select = await byTestId(driver, "bulk-connection");
  await (await select.findElement(By.css(`option[value="${id}"]`))).click();

  // 1. The folder: the tree lists the DAM, the path is typed, the assets are counted.
  const tree = await byTestId(driver, "folder-tree");
  const top = `/content/dam/${folder.split("/")[3]}`;
  await eventually(async () => (await tree.findElements(By.css(`[data-testid="folder-node"][data-path="${top}"]`))).length === 1,
    `the folder tree does not show ${top}`, 30_000);
  const input = await byTestId(driver, "folder-path-input");
  // A folder that does not exist: the error the Rust side sends is in the window's language.
  await input.clear();
  await input.sendKeys(`${folder}-nexiste-pas`, Key.ENTER);
  const missing = await byTestId(driver, "scope-error", 60_000);
  await eventually(async () => /Le dossier .*-nexiste-pas n’existe pas dans AEM/.test(await textOf(driver, missing)),
    "the missing folder was not told in French");
  await typeFolder(driver, folder);
  const count = await eventually(async () => {
    const el = await driver.findElement(By.css('[data-testid="scope-count"]'));
    return (await el.getAttribute("data-done")) === "1" ? el : null;
  }, "the number of assets in scope was not shown", 60_000);
  assert.match(await textOf(driver, count), /ressources? concernées?/);
  await assertNoEnglish(driver, "Modification en masse (dossier)");
  await assertAccessible(driver, "Modification en masse (dossier)");
  await screenshot(driver, "11-fr-bulk-1-dossier");

  // 2. The edit rows: Preview with no value says what is missing, in French.
  const row = await byTestId(driver, "edit-row");
  await pickProperty(driver, "dc:rights");
  await press(driver, "preview-button");
  const problem = await eventually(async () => (await row.findElements(By.css(".error-text")))[0], "no problem shown for the empty value");
  assert.equal(await textOf(driver, problem), "Saisissez la valeur à définir.");
  await driver.executeScript("arguments[0].scrollIntoView({ block: 'center' })", row);
  await assertNoEnglish(driver, "Modification en masse (modifications)");
  await assertAccessible(driver, "Modification en masse (modifications)");
  await screenshot(driver, "11-fr-bulk-2-modifications");

  // 3. The preview.
  const values = await row.findElement(By.css('[data-testid="edit-values"]'));
  await values.sendKeys(RIGHTS);
  await press(driver, "preview-button");
  await byTestId(driver, "preview-table", 120_000);
  const apply = await byTestId(driver, "apply-button");
  assert.match(await textOf(driver, apply), /^Appliquer \d+ modifications?$/);
  // The edit line is worded by the window, with the property's French label.
  assert.match(await textOf(driver, await byTestId(driver, "run-facts")),
    /Copyright \(dc:rights\)\u00a0: remplacer par «\u00a0© 2026 Essai Metadesk\u00a0»/);
  await assertNoEnglish(driver, "Modification en masse (aperçu)");
  await assertAccessible(driver, "Modification en masse (aperçu)");
  await screenshot(driver, "11-fr-bulk-3-apercu");

  // 3b. The apply, slowed down so that it is seen going: the first assets' thumbnails fill in
  // as they are written (issue 53), worded in French for screen readers.
  await sandbox.setFaults({ latency_ms: 300, capacity: 1, batch_writes_refused: 405 });
  await apply.click();
  await eventually(async () => {
    const cells = await driver.findElements(By.css('[data-testid="apply-strip-asset"]'));
    const statuses = await Promise.all(cells.map((cell) => cell.getAttribute("data-status")));
    return statuses.includes("changed") && statuses.includes("pending");
  }, "the apply's thumbnails do not show written and waiting assets");
  await assertNoEnglish(driver, "Modification en masse (application)");
  await assertAccessible(driver, "Modification en masse (application)");
  await screenshot(driver, "11-fr-bulk-3b-application");
  await sandbox.setFaults({});

  // 4. The run's report.
  const report = await byTestId(driver, "report", 120_000);
  await eventually(async () => (await textOf(driver, await report.findElement(By.css('[data-testid="report-status"]')))) === "Terminée",
    "the run did not complete", 120_000);
  const chart = await report.findElement(By.css('[data-testid="report-chart"] svg'));
  assert.match(await chart.getAttribute("aria-label"), /^Ressources par résultat\u00a0: Modifiées\u00a0: \d+/);
  await assertNoEnglish(driver, "Modification en masse (rapport)");
  await assertAccessible(driver, "Modification en masse (rapport)");
  await screenshot(driver, "11-fr-bulk-4-rapport");

  // 5. The run in Activity: its facts and edit line in French.
  await open(driver, "activity", "Activité");
  const facts = await eventually(async () => (await driver.findElements(By.css('[data-testid="run-fact-list"]')))[0],
    "no run in Activity");
  assert.match(await textOf(driver, facts), /Connexion/);
  assert.match(await textOf(driver, facts), /Copyright \(dc:rights\)\u00a0: remplacer par «\u00a0© 2026 Essai Metadesk\u00a0»/);
  await assertNoEnglish(driver, "Activité (avec l’exécution)");
  await assertAccessible(driver, "Activité (avec l’exécution)");
  await screenshot(driver, "11-fr-activite-execution");
  return id;
}

/** Drops `file` on the sheet step and checks it; the element `expected` once shown. */
async function dropSheet(driver, file, expected) {
  await simulateDrop(driver, [file]);
  const name = file.split("/").pop();
  await eventually(async () => (await textOf(driver, await byTestId(driver, "sheet-file"))).includes(name),
    `${name} is not shown as the sheet on hand`);
  const check = await byTestId(driver, "check-sheet");
  await eventually(async () => await check.isEnabled(), "Check and preview stayed disabled", 30_000);
  await check.click();
  return eventually(async () => {
    const [found] = await driver.findElements(By.css(`[data-testid="${expected}"]`));
    if (found && (await found.isDisplayed())) return found;
    const [error] = await driver.findElements(By.css('[data-testid="sheet-error"]'));
    if (error) throw new Error(`the check failed: ${await error.getText()}`);
    return null;
  }, `${name}: "${expected}" did not show`, 60_000);
}

/** The rest of Bulk edit in French, after bulkEditInFrench: the run undone from Activity, a
 *  sheet whose problems are listed, and a search with its conditions in words. */
async function sheetSearchAndUndoInFrench(driver, id, scratch) {
  // 6. Undo from Activity: the undo's preview and report.
  const undo = await eventually(async () => (await driver.findElements(By.css('[data-testid="undo-run"]')))[0],
    "no Undo button in Activity");
  await driver.executeScript("arguments[0].focus()", undo);
  await undo.sendKeys(Key.ENTER);
  await byTestId(driver, "preview-table", 120_000);
  await assertNoEnglish(driver, "Modification en masse (annulation, aperçu)");
  await assertAccessible(driver, "Modification en masse (annulation, aperçu)");
  await screenshot(driver, "11-fr-bulk-5-annulation");
  await press(driver, "apply-button");
  const report = await byTestId(driver, "report", 120_000);
  await eventually(async () => (await textOf(driver, await report.findElement(By.css('[data-testid="report-status"]')))) === "Terminée",
    "the undo did not complete", 120_000);
  await assertNoEnglish(driver, "Modification en masse (annulation, rapport)");
  await screenshot(driver, "11-fr-bulk-6-annulation-rapport");

  // 7. A sheet with French headers and two problems: listed in French, nothing written.
  const dump = await sandbox.getJson("/__sandbox/dump");
  const asset = dump.assets.find((a) => !a.contentFragment && a.path.startsWith(`${folder}/`)).path;
  const titleBefore = (await sandbox.asset(asset)).metadata["dc:title"] ?? null;
  await press(driver, "new-edit");
  await (await (await byTestId(driver, "bulk-connection")).findElement(By.css(`option[value="${id}"]`))).click();
  await press(driver, "mode-sheet");
  const sheet = join(scratch, "feuille-a-corriger.csv");
  writeFileSync(sheet, `Chemin (clé),Titre (dc:title)\r\n${asset},Un|Deux\r\n/etc/hors-dam.jpg,x\r\n`);
  const blocked = await dropSheet(driver, sheet, "sheet-blocked");
  assert.match(await textOf(driver, blocked), /rien n’a été écrit dans AEM/);
  // How the file was read (its format, separator and encoding) is said in French too.
  const result = await textOf(driver, await byTestId(driver, "sheet-result"));
  assert.match(result, /^feuille-a-corriger\.csv \(CSV\b/);
  assert.doesNotMatch(result, /separated/);
  const issues = await Promise.all((await driver.findElements(By.css('[data-testid="issue-row"]'))).map((r) => textOf(driver, r)));
  assert.ok(issues.some((i) => /Ligne\s2/.test(i) && i.includes("Titre (dc:title)")), issues.join("\n"));
  assert.ok(issues.some((i) => /Ligne\s3/.test(i) && i.includes("/etc/hors-dam.jpg")), issues.join("\n"));
  assert.equal((await sandbox.asset(asset)).metadata["dc:title"] ?? null, titleBefore, "a sheet with errors wrote a title");
  await driver.executeScript("arguments[0].scrollIntoView({ block: 'nearest' })", await byTestId(driver, "issue-table"));
  await assertNoEnglish(driver, "Modification en masse (feuille et problèmes)");
  await assertAccessible(driver, "Modification en masse (feuille et problèmes)");
  await screenshot(driver, "11-fr-bulk-7-feuille");

  // 8. A search: its count and conditions in French, and the preview saying how it found them.
  await press(driver, "mode-same");
  await press(driver, "scope-kind-search");
  await typeFolder(driver, folder);
  const count = await eventually(async () => {
    const el = await driver.findElement(By.css('[data-testid="selection-count"]'));
    return (await el.getAttribute("data-done")) === "1" ? el : null;
  }, "the search's count did not show", 60_000);
  // Undone, the folder's copyright fields are as the sandbox seeded them: some are empty.
  assert.match(await textOf(driver, count), /\d+ ressources? correspond/);
  await driver.executeScript("arguments[0].scrollIntoView({ block: 'center' })", await byTestId(driver, "search-conditions"));
  await assertNoEnglish(driver, "Modification en masse (recherche)");
  await assertAccessible(driver, "Modification en masse (recherche)");
  await screenshot(driver, "11-fr-bulk-8-recherche");

  // 9. Which assets lack required metadata: the report in French (the form's field labels are
  //    AEM's words, whichever language the window speaks).
  await press(driver, "mode-missing");
  await press(driver, "scope-kind-folder");
  await typeFolder(driver, folder);
  await press(driver, "missing-run");
  const summary = await byTestId(driver, "missing-summary", 120_000);
  assert.match(await textOf(driver, summary), /^\d+ ressources? vérifiées? dans /);
  const lacking = await Promise.all((await driver.findElements(By.css('[data-testid="missing-field"]'))).map((f) => textOf(driver, f)));
  assert.ok(lacking.some((l) => /^\d+ ressources? sans .+ \(obligatoire\)$/.test(l)), lacking.join("\n"));
  await driver.executeScript("arguments[0].scrollIntoView({ block: 'start' })", summary);
  await assertNoEnglish(driver, "Modification en masse (métadonnées manquantes)");
  await assertAccessible(driver, "Modification en masse (métadonnées manquantes)");
  await screenshot(driver, "11-fr-bulk-9-manquantes");
}

test("the window in French: every converted page, no English left, no serious axe violation", async (t) => {
  await withApp(t, async (driver) => {
    await followTheSystem(driver);
    await open(driver, "settings", "Settings");
    await chooseLanguage(driver, "fr");
    await eventually(
      async () => (await driver.findElement(By.css("main h1")).getText()) === "Paramètres",
      "the window did not switch to French",
    );
    assert.equal(await driver.executeScript("return document.documentElement.lang"), "fr");
    await assertNoEnglish(driver, "Paramètres");
    await assertAccessible(driver, "Paramètres");
    await screenshot(driver, "11-fr-parametres");

    await open(driver, "connections", "Connexions");
    await assertNoEnglish(driver, "Connexions (vide)");
    await assertAccessible(driver, "Connexions (vide)");
    await screenshot(driver, "11-fr-connexions-vide");

    // Bad credential files dropped in French: each refusal names its problems in French.
    const scratch = mkdtempSync(join(tmpdir(), "metadesk-e2e-fr-"));
    try {
      const notJson = join(scratch, "pas-du-json.json");
      writeFileSync(notJson, '{"integration": ');
      const noKey = join(scratch, "sans-cle.json");
      const broken = structuredClone(sandbox.readOnly);
      delete broken.integration.privateKey;
      delete broken.integration.technicalAccount.clientSecret;
      writeFileSync(noKey, JSON.stringify(broken));
      const cardsBefore = (await connectionCards(driver)).length;
      await simulateDrop(driver, [notJson, noKey]);
      const refused = async (file) => eventually(async () => {
        for (const row of await driver.findElements(By.css('[data-testid="drop-result"]'))) {
          if ((await row.getText()).includes(file) && (await row.getAttribute("data-outcome")) === "refused") return row;
        }
        return null;
      }, `no refusal for ${file}`, 30_000);
      const problemsOf = async (row) => Promise.all(
        (await row.findElements(By.css('[data-testid="refusal-problems"] li'))).map((li) => textOf(driver, li)),
      );
      assert.deepEqual(await problemsOf(await refused("pas-du-json.json")), [
        "Le fichier n’est pas du JSON valide (ligne 1, colonne 16). Les fichiers d’identifiants sont en JSON\u202f; "
          + "téléchargez-le à nouveau plutôt que de le modifier à la main.",
      ]);
      const missing = await problemsOf(await refused("sans-cle.json"));
      assert.ok(missing.includes("Il manque au fichier le champ integration.technicalAccount.clientSecret (secret client)."), missing.join("\n"));
      assert.ok(missing.includes("Il manque au fichier le champ integration.privateKey (clé privée)."), missing.join("\n"));
      assert.equal((await connectionCards(driver)).length, cardsBefore, "nothing was added");
      await assertNoEnglish(driver, "Connexions (fichiers refusés)");
      await assertAccessible(driver, "Connexions (fichiers refusés)");
      await screenshot(driver, "11-fr-connexions-refus");
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }

    // A connection, then Test connection: the card and the Rust side's report in French.
    await press(driver, "try-sandbox");
    const card = await eventually(
      async () => (await connectionCards(driver)).find((c) => /Bac à sable — un AEM simulé/.test(c.text)),
      "no sandbox connection",
      90_000,
    );
    const el = await driver.findElement(By.css(`[data-connection-id="${card.id}"]`));
    await eventually(async () => /En cours d’exécution sur cet ordinateur/.test(await el.getText()), "the sandbox is not running", 60_000);
    // The keychain hints are kept as data and worded by the window: French here (the English check
    // below leaves them out, as it does for every piece of user data).
    const hints = await textOf(driver, await el.findElement(By.css('[data-testid="connection-secrets"]')));
    assert.match(hints, /^secret client ••••\S{0,4}, clé privée \(RSA \d+ bits\)$/);
    const testButton = await el.findElement(By.css('[data-testid="test-connection"]'));
    await driver.executeScript("arguments[0].focus()", testButton);
    await testButton.sendKeys(Key.ENTER);
    const verdict = await byTestId(driver, "test-verdict", 60_000);
    assert.equal(await verdict.getText(), "La connexion fonctionne.");
    assert.match(await (await byTestId(driver, "test-can-do")).getText(), /Peut lire et modifier les métadonnées/);
    await driver.executeScript("arguments[0].open = true", await byTestId(driver, "test-technical"));
    const steps = await driver.findElements(By.css('[data-testid="test-step"]'));
    assert.match(await steps[0].getText(), /Obtenir un jeton d’accès|Jeton valide pendant/);
    assert.match(await (await byTestId(driver, "test-facts")).getText(), /La DAM est lisible/);
    await assertNoEnglish(driver, "Connexions (carte et test)");
    await assertAccessible(driver, "Connexions (carte et test)");
    await screenshot(driver, "11-fr-connexions-test");

    // The delete dialog: focus moves in, stays in, and comes back to the button on Escape.
    const deleteButton = await el.findElement(By.css('[data-testid="delete-connection"]'));
    await driver.executeScript("arguments[0].focus()", deleteButton);
    await deleteButton.sendKeys(Key.ENTER);
    const dialog = await byTestId(driver, "delete-dialog");
    // textContent, not getText(): WebDriver turns no-break spaces into plain ones.
    const title = await driver.executeScript("return arguments[0].querySelector('h2').textContent", dialog);
    assert.equal(title, "Supprimer «\u00a0Sandbox\u00a0»\u202f?");
    const inDialog = () => driver.executeScript("return !!document.activeElement.closest('[role=dialog]')");
    assert.ok(await inDialog(), "focus did not move into the dialog");
    for (let i = 0; i < 4; i++) {
      await driver.switchTo().activeElement().sendKeys(Key.TAB);
      assert.ok(await inDialog(), "Tab left the dialog");
    }
    await assertAccessible(driver, "la boîte de dialogue de suppression");
    await screenshot(driver, "11-fr-suppression");
    await driver.switchTo().activeElement().sendKeys(Key.ESCAPE);
    await eventually(
      async () => (await driver.executeScript("return document.activeElement?.dataset.testid")) === "delete-connection",
      "focus did not come back to the Delete button",
    );

    await open(driver, "activity", "Activité");
    await assertNoEnglish(driver, "Activité");
    await assertAccessible(driver, "Activité");
    await screenshot(driver, "11-fr-activite");

    const sandboxId = await bulkEditInFrench(driver);
    const sheets = mkdtempSync(join(tmpdir(), "metadesk-e2e-fr-sheets-"));
    try {
      await sheetSearchAndUndoInFrench(driver, sandboxId, sheets);
    } finally {
      rmSync(sheets, { recursive: true, force: true });
    }

    await open(driver, "console", "Console d’API");
    assert.equal(await (await byTestId(driver, "nav-console-note")).getText(), "Sans aperçu ni retour en arrière");
    assert.match(await (await byTestId(driver, "console-no-undo")).getText(), /^Sans aperçu, et sans retour en arrière possible\./);
    await eventually(
      async () => /Requêtes persistantes/.test(await (await byTestId(driver, "persisted-summary")).getText()),
      "the GraphQL tab did not show in French",
    );
    // The query in the editor is the user's text, not the window's words.
    await assertNoEnglish(driver, "Console d’API (GraphQL)", ['[data-testid="graphql-editor-host"]']);
    await assertAccessible(driver, "Console d’API (GraphQL)");
    await screenshot(driver, "11-fr-console");
    const requestsTab = await byTestId(driver, "console-tab-requests");
    assert.equal(await requestsTab.getText(), "Requêtes");
    await driver.executeScript("arguments[0].focus()", requestsTab);
    await requestsTab.sendKeys(Key.ENTER);
    const send = await byTestId(driver, "request-send");
    assert.equal(await send.getText(), "Envoyer");
    await send.sendKeys(Key.ENTER);
    await byTestId(driver, "request-response");
    // AEM's answer is data, not the window's words.
    await assertNoEnglish(driver, "Console d’API (requêtes)", ['[data-testid="request-json"]', "pre"]);
    await assertAccessible(driver, "Console d’API (requêtes)");
    await screenshot(driver, "11-fr-console-requetes");

    // The choice is kept: back to following the system (English here) for the other specs.
    await followTheSystem(driver);
  });
});

test("the language chosen in Settings is kept for the next start", async (t) => {
  await withApp(t, async (driver) => {
    await followTheSystem(driver);
    await chooseLanguage(driver, "fr");
  });
  await withApp({ name: `${t.name} (after restart)` }, async (driver) => {
    assert.equal(await (await byTestId(driver, "nav-settings")).getText(), "Paramètres");
    await followTheSystem(driver);
  });
});

test("the connections added here are deleted, and leave nothing in the keychain", async (t) => {
  await withApp(t, async (driver) => {
    await deleteConnections(driver);
    await byTestId(driver, "empty-connections");
  });
  assert.deepEqual(keychainEntries(), [], "the connections left keychain entries behind");
});
