// The API console, the rest of issue 16 end to end against a sandbox started here:
// - GraphQL on a connection marked production: saving the query as a persisted query is
//   enabled only once the connection's name is typed, and the saved query is then listed by
//   AEM; the GraphQL history shows it and re-opens it in the editor;
// - a slow query (the sandbox's latency fault) is cancelled with the Cancel button;
// - an account whose GraphQL access is switched off (the sandbox's /__sandbox/graphql-access)
//   gets a message naming the technical account; an endpoint not enabled says so;
// - Requests: an image response is shown as an image; form fields are sent to the Sling POST
//   and reach the asset; "Copy as curl" puts a line with $AEM_TOKEN on the system clipboard,
//   never the connection's token (a development token, so the test knows it).
// Screenshots of each step go to E2E_ARTIFACTS. This file starts and ends with no connections.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { By, Key } from "selenium-webdriver";
import {
  withApp,
  byTestId,
  press,
  consoleNav,
  simulateDrop,
  startSandboxBinary,
  keychainEntries,
  eventually,
  connectionCards,
  openAddressEdit,
  screenshot,
  connectionAction,
} from "../lib/app.mjs";

const here = dirname(fileURLToPath(import.meta.url));

let sandbox;
let asset;
const added = [];

before(async () => {
  sandbox = await startSandboxBinary();
  const dump = await sandbox.getJson("/__sandbox/dump");
  asset = dump.assets.find((a) => !a.contentFragment)?.path;
  assert.ok(asset, "the sandbox has no asset");
});

after(() => {
  sandbox?.stop();
});

/** What a paste would give now: the X11 CLIPBOARD read through GTK (tests/e2e/lib/clipboard.py). */
function clipboardText() {
  return execFileSync("/usr/bin/python3", [join(here, "..", "lib", "clipboard.py")], { encoding: "utf8", timeout: 10_000 });
}

async function setGraphqlAccess(user, allowed) {
  const response = await fetch(`${sandbox.url}/__sandbox/graphql-access`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ user, allowed }),
  });
  assert.equal(response.status, 200, await response.text());
}

async function importService(driver) {
  await press(driver, "nav-connections");
  await simulateDrop(driver, [sandbox.file("service-credentials.json")]);
  const email = sandbox.service.integration.email;
  const card = await eventually(async () => (await connectionCards(driver)).find((c) => c.text.includes(email)),
    "the service credential was not imported", 30_000);
  added.push(card.id);
  const el = () => driver.findElement(By.css(`[data-connection-id="${card.id}"]`));
  const input = await openAddressEdit(driver, card.id);
  await input.clear();
  await input.sendKeys(sandbox.url, Key.ENTER);
  await eventually(async () => (await (await el()).findElement(By.css('[data-testid="connection-host"]')).getText())
    .includes(new URL(sandbox.url).host), "the sandbox address is not shown");
  return card.id;
}

async function importDevToken(driver) {
  await press(driver, "nav-connections");
  const before = new Set((await connectionCards(driver)).map((c) => c.id));
  await simulateDrop(driver, [sandbox.file("local-development-token.json")]);
  // The file does not name its AEM: the page asks for it.
  const form = await byTestId(driver, "pending-form", 30_000);
  await form.findElement(By.css('[data-testid="pending-url"]')).sendKeys(sandbox.url);
  await form.findElement(By.css('button[type="submit"]')).click();
  // Adobe-issued (IMS ims-na1): on this computer its host is trusted by name first.
  await eventually(async () => (await form.findElements(By.css('[data-testid="pending-untrusted"]')))[0],
    "no trust asked for the sandbox's host");
  await form.findElement(By.css('button[type="submit"]')).click();
  const card = await eventually(async () => (await connectionCards(driver)).find((c) => !before.has(c.id) && /Acts as/.test(c.text)),
    "the development token was not imported", 30_000);
  added.push(card.id);
  return card.id;
}

async function openConsole(driver, id) {
  await (await consoleNav(driver)).click();
  const select = await byTestId(driver, "console-connection");
  await select.findElement(By.css(`option[value="${id}"]`)).click();
}

function inEditor(driver, css) {
  return driver.executeScript(
    "const r = document.querySelector('[data-testid=graphql-editor-host]')?.shadowRoot; return r ? [...r.querySelectorAll(arguments[0])] : [];",
    css,
  );
}

function editorText(driver) {
  return driver.executeScript(
    "return document.querySelector('[data-testid=graphql-editor-host]')?.shadowRoot?.querySelector('.cm-content')?.innerText ?? '';",
  );
}

/** Replaces the editor's text by typing. Closing brackets are left out: the editor adds them. */
async function typeQuery(driver, text) {
  const editor = await eventually(async () => (await inEditor(driver, ".cm-content"))[0], "the editor did not load", 30_000);
  await editor.click();
  await editor.sendKeys(Key.chord(Key.CONTROL, "a"), Key.DELETE);
  await editor.sendKeys(text, Key.ESCAPE);
  return editor;
}

/** Scrolls `element` to the middle of the window, so the screenshot shows it. */
function show(driver, element) {
  return driver.executeScript("arguments[0].scrollIntoView({ block: 'center' })", element);
}

async function setEndpoint(driver, config) {
  const endpoint = await byTestId(driver, "graphql-endpoint");
  await endpoint.clear();
  await endpoint.sendKeys(config, Key.TAB);
}

test("GraphQL: saving a persisted query on production needs the name; history re-opens it; a slow query is cancelled; 403 and 404 explain", async (t) => {
  const name = `e2e-titles-${Date.now()}`;
  await withApp(t, async (driver) => {
    const id = await importService(driver);
    const card = () => driver.findElement(By.css(`[data-connection-id="${id}"]`));
    await connectionAction(driver, id, "toggle-production");
    // Changing it is asked first (issue 68): the badge says the state.
    await press(driver, "production-change-confirm");
    await eventually(async () => (await (await card()).findElements(By.css('[data-testid="badge-production"]'))).length === 1,
      "the connection is not marked production");
    const connectionName = await (await (await card()).findElement(By.css('[data-testid="connection-name"]'))).getText();

    await openConsole(driver, id);
    await byTestId(driver, "graphql-editor-host", 30_000);
    await typeQuery(driver, "{ articleList { items { _path title");
    const query = await editorText(driver);
    await setEndpoint(driver, "metadesk");

    // Saving is a write on production: the button waits for the connection's exact name.
    await press(driver, "persisted-summary");
    await (await byTestId(driver, "persisted-save-name")).sendKeys(name);
    const save = await byTestId(driver, "persisted-save");
    const typed = await byTestId(driver, "persisted-save-typed");
    assert.equal(await save.isEnabled(), false, "saving on production without the name");
    await typed.sendKeys(connectionName.toUpperCase());
    assert.equal(await save.isEnabled(), false, "the name's case matters");
    await typed.clear();
    await typed.sendKeys(connectionName);
    assert.equal(await save.isEnabled(), true);
    await save.click();
    const note = await byTestId(driver, "persisted-save-note", 30_000);
    assert.equal(await note.getText(), `Saved /metadesk/${name}.`);
    // AEM now lists it (the list is read back from the sandbox).
    await eventually(async () => (await driver.findElements(By.css(`[data-testid="persisted-select"] option[value="/metadesk/${name}"]`))).length === 1,
      "the saved query is not listed");
    await show(driver, note);
    await screenshot(driver, "08 console 1 persisted query saved on production");

    // The history lists the save; re-opening it puts that query back in the editor.
    await typeQuery(driver, "{ __typename");
    await (await byTestId(driver, "graphql-history")).findElement(By.css("summary")).click();
    const saved = await eventually(async () => {
      for (const e of await driver.findElements(By.css('[data-testid="graphql-history-entry"]'))) {
        if ((await e.getText()).includes(`saved as metadesk/${name}`)) return e;
      }
      return null;
    }, "the save is not in the history");
    assert.match(await saved.getText(), /· metadesk · created$/);
    await saved.click();
    await eventually(async () => (await editorText(driver)) === query, "the saved query was not re-opened");
    await screenshot(driver, "08 console 2 history re-opened");

    // A slow query (every AEM answer 8 s late) is cancelled in well under that.
    await sandbox.setFaults({ latency_ms: 8000 });
    try {
      await press(driver, "graphql-run");
      const cancel = await byTestId(driver, "graphql-cancel", 5_000);
      await show(driver, cancel);
      await screenshot(driver, "08 console 3 slow query running");
      const started = Date.now();
      await cancel.click();
      const error = await byTestId(driver, "graphql-error", 5_000);
      assert.equal(await error.getText(), "Cancelled.");
      assert.ok(Date.now() - started < 4_000, `cancelling took ${Date.now() - started} ms`);
      assert.equal((await driver.findElements(By.css('[data-testid="graphql-cancel"]'))).length, 0);
    } finally {
      await sandbox.setFaults({});
    }

    // The technical account loses GraphQL access: the message names it and says who can help.
    const email = sandbox.service.integration.email;
    await setGraphqlAccess(email, false);
    try {
      await press(driver, "graphql-run");
      const denied = await eventually(async () => {
        const e = (await driver.findElements(By.css('[data-testid="graphql-error"]')))[0];
        return e && (await e.getText()) !== "Cancelled." ? e : null;
      }, "no access error", 30_000);
      const words = await denied.getText();
      assert.ok(words.includes(email), words);
      assert.match(words, /administrator must grant/);
      await show(driver, denied);
      await screenshot(driver, "08 console 4 no GraphQL access");
    } finally {
      await setGraphqlAccess(email, true);
    }

    // A configuration without an endpoint.
    await setEndpoint(driver, "wknd");
    await press(driver, "graphql-run");
    await eventually(async () => /not enabled/.test(await (await byTestId(driver, "graphql-error")).getText()),
      "the 404 does not say the endpoint is not enabled", 30_000);
    assert.match(await (await byTestId(driver, "graphql-error")).getText(), /wknd/);
    await show(driver, await byTestId(driver, "graphql-error"));
    await screenshot(driver, "08 console 5 endpoint not enabled");
  });
});

test("Requests: an image is shown, form fields reach AEM, and Copy as curl never copies the token", async (t) => {
  const rendition = `${asset}/_jcr_content/renditions/cq5dam.thumbnail.48.48.png`;
  const title = `Été & co = ${Date.now()}`;
  await withApp(t, async (driver) => {
    const id = await importDevToken(driver);
    await openConsole(driver, id);
    await press(driver, "console-tab-requests");

    // An image answer is shown as an image.
    const path = await byTestId(driver, "request-path");
    await path.clear();
    await path.sendKeys(rendition);
    await press(driver, "request-send");
    const image = await byTestId(driver, "request-image", 30_000);
    assert.equal(await (await byTestId(driver, "request-status")).getText(), "200");
    const width = await eventually(() => driver.executeScript("return arguments[0].complete && arguments[0].naturalWidth", image),
      "the image did not load");
    assert.equal(width, 48);
    await show(driver, image);
    await screenshot(driver, "08 console 6 image response");

    // Form fields, as AEM's Sling POST servlet takes them.
    const method = await byTestId(driver, "request-method");
    await method.findElement(By.css('option[value="POST"]')).click();
    await path.clear();
    await path.sendKeys(`${asset}/jcr:content/metadata`);
    await press(driver, "request-body-form");
    await (await byTestId(driver, "request-form-name")).sendKeys("./dc:title");
    await (await byTestId(driver, "request-form-value")).sendKeys(title);
    await press(driver, "request-send");
    await eventually(async () => (await (await byTestId(driver, "request-status")).getText()) === "200"
      && (await driver.findElements(By.css('[data-testid="request-image"]'))).length === 0, "the form POST got no 200", 30_000);
    assert.equal((await sandbox.asset(asset)).metadata["dc:title"], title);
    await screenshot(driver, "08 console 7 form fields sent");

    // Copy as curl: the system clipboard gets the line with $AEM_TOKEN, never the token.
    await press(driver, "request-copy-curl");
    const copied = await byTestId(driver, "request-copied", 10_000);
    assert.match(await copied.getText(), /^Copied\./);
    const line = clipboardText();
    assert.ok(line.startsWith("curl -X POST "), line);
    assert.ok(line.includes("$AEM_TOKEN"), line);
    assert.ok(line.includes("jcr%3Acontent") || line.includes("jcr:content"), line);
    assert.ok(line.includes("dc%3Atitle="), line);
    assert.ok(!line.includes(sandbox.devToken.accessToken), "the token is on the clipboard");
    await show(driver, copied);
    await screenshot(driver, "08 console 8 copied as curl");
  });
});

test("the connections added here are deleted, and leave nothing in the keychain", async (t) => {
  await withApp(t, async (driver) => {
    await press(driver, "nav-connections");
    for (const id of added) {
      const cards = await driver.findElements(By.css(`[data-connection-id="${id}"]`));
      if (cards.length === 0) continue;
      await (await cards[0].findElement(By.css('[data-testid="delete-connection"]'))).click();
      await press(driver, "delete-confirm");
      await eventually(async () => (await driver.findElements(By.css(`[data-connection-id="${id}"]`))).length === 0,
        `connection ${id} was not deleted`);
    }
    await byTestId(driver, "empty-connections");
  });
  assert.deepEqual(keychainEntries(), [], "the connections left keychain entries behind");
});
