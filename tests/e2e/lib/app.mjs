// Helpers for driving the real Metadesk window through tauri-driver + WebKitWebDriver.
// Environment (set by scripts/e2e.sh): METADESK_APP, METADESK_SANDBOX_BIN, WEBDRIVER_URL,
// E2E_ARTIFACTS, E2E_NOTIFICATIONS, METADESK_LONG_JOB_SECS, and the private session's XDG folders.

import { spawn, spawnSync, execFileSync } from "node:child_process";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import assert from "node:assert/strict";
import { Builder, By, Key } from "selenium-webdriver";

const here = dirname(fileURLToPath(import.meta.url));
export const fixtures = join(here, "..", "fixtures");

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the suite through scripts/e2e.sh`);
  return value;
}

/** Starts the app in a new WebDriver session and waits until its start-up is done. */
export async function launchApp() {
  const driver = await new Builder()
    .withCapabilities({
      browserName: "wry",
      "tauri:options": { application: required("METADESK_APP") },
    })
    .usingServer(required("WEBDRIVER_URL"))
    .build();
  watched = driver;
  // The page sets data-ready once its start-up check has answered; until the page has loaded
  // there is nothing to ask whether it works, so the start-up has the slow-state bound.
  await eventually(
    async () => (await driver.executeScript("return document.body.dataset.ready")) === "1",
    "the app did not finish starting (body[data-ready] never became 1)",
    SLOW_STATE_MS,
  );
  return driver;
}

/**
 * The window the running test drives (set by `launchApp`): `eventually` asks it whether the app
 * is working. Node's test runner runs each spec file in a process of its own and its tests one
 * at a time, so there is one such window per process.
 */
let watched = null;

/**
 * Whether the app says it is working: a command the page sent to its Rust side has not answered
 * (html[data-working], kept by ui/src/ipc/working.ts; a bulk job's command answers when the job
 * ends), a part of the page is loading (aria-busy), or a thumbnail is on its way. A window that
 * does not answer is not working.
 */
export async function appWorking(driver) {
  try {
    return await driver.executeScript(`
      return document.documentElement.dataset.working !== undefined
        || document.querySelector('[aria-busy="true"], [data-testid="thumbnail"][data-state="loading"]') !== null;`);
  } catch {
    return false;
  }
}

/**
 * Saves a PNG of the window, named after the test, once it shows what the test asserted
 * (issue 77: `13-schema-2-refused` was taken before the refusal was drawn). `shows`: the
 * element the test just checked (a WebElement, or a data-testid): the picture waits until it
 * is on screen (scrolled into view when it is not) and stands still. Then, with or without
 * it, the picture waits for the window to draw that state (two animation frames), never for a
 * time.
 */
export async function screenshot(driver, name, { shows = null } = {}) {
  if (shows !== null) await onScreen(driver, shows, name);
  await drawn(driver);
  const dir = required("E2E_ARTIFACTS");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name.replace(/[^a-z0-9-]+/gi, "-").toLowerCase()}.png`);
  writeFileSync(file, await driver.takeScreenshot(), "base64");
  return file;
}

/** Waits until the window has drawn what its page holds now: two animation frames. */
async function drawn(driver) {
  await driver
    .executeAsyncScript("const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done()));")
    .catch(() => {}); // a native dialog over the window: the picture is of what shows
}

/**
 * Where `shows` (a WebElement or a data-testid) stands in the window: "off" when it is not
 * there or not displayed, "out" when it is outside the visible area, else its place (which must
 * be the same twice running: the page has stopped moving).
 */
const PLACE_SCRIPT = `
  const e = arguments[0];
  if (!e || !e.isConnected) return "off";
  const r = e.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) return "off";
  const h = window.innerHeight;
  const seen = r.top >= 0 && r.top < h && (r.bottom <= h || r.height > h);
  if (!seen) { e.scrollIntoView({ block: r.height > h ? "start" : "nearest" }); return "out"; }
  return [r.x, r.y, r.width, r.height].join();`;

/**
 * Waits until `element` (a result that just appeared) is where the person is looking, as the
 * app put it there (issue 77: a result opens where the person is looking): its start inside the
 * visible area, and the keyboard's focus on it (or on something within it). The test does not
 * scroll: the app must have.
 */
export async function revealed(driver, element, what) {
  await eventually(
    () =>
      driver.executeScript(
        `const e = arguments[0];
         const r = e.getBoundingClientRect();
         const seen = r.top >= 0 && r.top < window.innerHeight && r.height > 0;
         const a = document.activeElement;
         return seen && a !== null && (a === e || e.contains(a) || a.contains(e));`,
        element,
      ),
    `${what} is not scrolled into view and focused`,
  );
}

/** Waits until what the test asserted (`shows`) is displayed in the visible area, standing still. */
export async function onScreen(driver, shows, name = "the screenshot") {
  let before = null;
  await eventually(async () => {
    const element = typeof shows === "string" ? (await driver.findElements(By.css(`[data-testid="${shows}"]`)))[0] : shows;
    if (!element || !(await element.isDisplayed())) return false;
    const place = await driver.executeScript(PLACE_SCRIPT, element);
    if (place === "off" || place === "out") return false;
    const still = place === before;
    before = place;
    return still;
  }, `${name}: what the test asserted is not shown in the window`, 15_000, { app: driver });
}

/** Where the guides' pictures live: docs/images/ of this checkout. */
const docsImages = join(here, "..", "..", "..", "docs", "images");

/**
 * Saves a PNG of the window as it is now into docs/images/NAME.png, the pictures README.md
 * and docs/ show (docs/development.md, "Pictures in the guides"), and a copy with the other
 * screenshots. The window must be at least 800 pixels wide: a guide's picture must be legible.
 */
export async function docsPicture(driver, name) {
  await drawn(driver);
  const png = await driver.takeScreenshot();
  const width = Buffer.from(png, "base64").readUInt32BE(16); // the IHDR chunk's width
  assert.ok(width >= 800, `the window is ${width} pixels wide: too narrow for the guides' ${name}.png`);
  mkdirSync(docsImages, { recursive: true });
  const file = join(docsImages, `${name}.png`);
  writeFileSync(file, png, "base64");
  await screenshot(driver, `docs ${name}`);
  return file;
}

/**
 * The longest a spec waits for a state that comes after work the app does (a preview, a
 * report, a sheet checked) when nothing tells how far that work is: generous, because other
 * builds may share the machine's cores. Where the app says it is working, `whenDone` waits on
 * that instead of a time.
 */
export const SLOW_STATE_MS = 240_000;

/**
 * Waits for the element `id` to show, as long as the app says it is working towards it (an
 * element matching `busy` is on the page) rather than for a fixed time: on a loaded machine the
 * work takes longer but still ends. Fails at once when `failOn` (a data-testid) shows, with its
 * words, and when the app has been idle for `idleMs` without showing `id`.
 */
export async function whenDone(driver, id, { busy, failOn = null, idleMs = 30_000 }) {
  let lastBusy = Date.now();
  let lastSeen = "nothing yet";
  for (;;) {
    try {
      const [found] = await driver.findElements(By.css(`[data-testid="${id}"]`));
      if (found && (await found.isDisplayed())) return found;
      if (failOn) {
        const [failed] = await driver.findElements(By.css(`[data-testid="${failOn}"]`));
        if (failed) throw new Error(`${failOn} shows instead of ${id}: ${await failed.getText()}`);
      }
      if ((await driver.findElements(By.css(busy))).length > 0) {
        lastBusy = Date.now();
        lastSeen = "the app working";
      }
    } catch (e) {
      if (e.message.includes(" shows instead of ")) throw e;
      lastSeen = e.message; // re-rendered while we looked: look again
    }
    if (Date.now() - lastBusy > idleMs) {
      throw new Error(`the app stopped working without showing data-testid="${id}" (last seen: ${lastSeen})`);
    }
    await sleep(200);
  }
}

/**
 * The id of the connection to `sandbox` if the window shows one (an earlier test of the spec
 * added it), else a new one imported from its service credential: a test that needs the
 * connection does not depend on an earlier test having passed.
 */
export async function sandboxConnection(driver, sandbox) {
  await press(driver, "nav-connections");
  const host = new URL(sandbox.url).host;
  const email = sandbox.service.integration.email;
  const known = (await connectionCards(driver)).find((card) => card.text.includes(email) && card.text.includes(host));
  return known ? known.id : importSandboxConnection(driver, sandbox);
}

/**
 * Finds an element by its data-testid, waiting until it is visible: for as long as the app works
 * towards it, then `idleMs` more (see `eventually`).
 */
export async function byTestId(driver, id, idleMs = 10_000) {
  return eventually(async () => {
    const [el] = await driver.findElements(By.css(`[data-testid="${id}"]`));
    return el && (await el.isDisplayed()) ? el : null;
  }, `no visible element with data-testid="${id}"`, idleMs, { app: driver });
}

/**
 * Clicks the element `id` once it is visible and enabled: a button the app disables while it
 * works (Preview while a count runs, say) ignores a click, and the test would then wait on a
 * preview that was never asked for.
 */
export async function press(driver, id, idleMs = 10_000) {
  // Where it stands on screen, twice a little apart: a click aimed while the page still moves
  // (a count's notes arriving above it) lands on whatever moved there, and nothing happens.
  // A part of the page above it that is about to change size (a sample waiting for typing to
  // settle says so with data-settling) moves it after the check below: CI once clicked Preview
  // as the rule's sample arrived, and nothing happened.
  const settlingAbove = (el) =>
    driver.executeScript(
      `return [...document.querySelectorAll('[data-settling="true"]')]
         .some((s) => s.compareDocumentPosition(arguments[0]) & Node.DOCUMENT_POSITION_FOLLOWING);`,
      el,
    );
  const place = (el) =>
    driver.executeScript("const r = arguments[0].getBoundingClientRect(); return [r.x, r.y, r.width, r.height, window.scrollY].join();", el);
  const el = await eventually(async () => {
    const [found] = await driver.findElements(By.css(`[data-testid="${id}"]`));
    if (!found || !(await found.isDisplayed()) || !(await found.isEnabled())) return null;
    if (await settlingAbove(found)) return null;
    const before = await place(found);
    await sleep(50);
    return (await place(found)) === before ? found : null;
  }, `no visible, enabled element with data-testid="${id}" standing still`, idleMs, { app: driver });
  // At the window's bottom edge WebKit's driver refuses the click (not interactable): the
  // control is brought to the middle at once (no smooth scroll to wait out) first.
  await driver.executeScript("arguments[0].scrollIntoView({ block: 'center', behavior: 'instant' })", el);
  await el.click();
  return el;
}

/**
 * Returns the API console's navigation item, unfolding "Developer tools" first when it is
 * folded (the console writes to AEM with no preview and no undo, so it is not an everyday
 * section).
 */
export async function consoleNav(driver) {
  const fold = await byTestId(driver, "nav-developer-tools");
  if ((await fold.getAttribute("aria-expanded")) !== "true") await fold.click();
  return byTestId(driver, "nav-console");
}

/**
 * Simulates a native file drop: the debug-only `e2e_simulate_drop` command hands the paths to
 * the same Rust handler the window's real drop event calls.
 */
export async function simulateDrop(driver, paths) {
  const error = await driver.executeAsyncScript(
    `const [paths, done] = arguments;
     window.__TAURI_INTERNALS__.invoke("e2e_simulate_drop", { paths })
       .then(() => done(null), (e) => done(JSON.stringify(e)));`,
    paths,
  );
  if (error) throw new Error(`e2e_simulate_drop failed: ${error}`);
}

function xdotool(...args) {
  return execFileSync("xdotool", args, { encoding: "utf8" }).trim();
}

/**
 * A real OS-level drop: a GTK drag source offers the files and xdotool drags them onto the
 * centre of `element` in the app window, through X11's XDND protocol.
 */
export async function realDrop(driver, paths, element) {
  const source = spawn("/usr/bin/python3", [join(here, "drag-source.py"), ...paths], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  source.stdout.on("data", (chunk) => (output += chunk));
  try {
    for (let i = 0; i < 100 && !output.includes("ready"); i++) await sleep(50);
    if (!output.includes("ready")) throw new Error("the drag source window did not start");
    const sourceWin = xdotool("search", "--sync", "--name", "^metadesk-drag-source$").split("\n")[0];
    const appWin = xdotool("search", "--onlyvisible", "--name", "^Metadesk$").split("\n")[0];
    const geometry = (win) => {
      const out = xdotool("getwindowgeometry", "--shell", win);
      const get = (k) => Number(out.match(new RegExp(`${k}=(\\d+)`))[1]);
      return { x: get("X"), y: get("Y"), w: get("WIDTH"), h: get("HEIGHT") };
    };
    const s = geometry(sourceWin);
    const a = geometry(appWin);
    const rect = await element.getRect();
    const to = { x: a.x + Math.round(rect.x + rect.width / 2), y: a.y + Math.round(rect.y + rect.height / 2) };
    const from = { x: s.x + Math.round(s.w / 2), y: s.y + Math.round(s.h / 2) };
    xdotool("mousemove", "--sync", String(from.x), String(from.y));
    xdotool("mousedown", "1");
    for (let i = 1; i <= 12; i++) {
      const x = Math.round(from.x + ((to.x - from.x) * i) / 12);
      const y = Math.round(from.y + ((to.y - from.y) * i) / 12);
      xdotool("mousemove", String(x), String(y));
      await sleep(40);
    }
    await sleep(150);
    xdotool("mouseup", "1");
    for (let i = 0; i < 100 && !output.includes("drag-end"); i++) await sleep(50);
    if (!output.includes("drag-end")) throw new Error("the OS drag did not finish");
    // Under Xvfb with no window manager WebKitGTK repaints only on the next input event after
    // an XDND drop; a real hand always moves on, so do the same before anyone looks.
    xdotool("mousemove", String(to.x + 20), String(to.y + 20));
    await sleep(300);
  } finally {
    source.kill();
  }
}

/**
 * Whether this spec file has started the app yet. Node's test runner runs each spec file in a
 * process of its own, so this is per file: the first launch of a file resets what an earlier
 * file may have left (see `startFromNothing`).
 */
let fileStarted = false;

/** The app's log since it last started, its lines joined and shortened (times without the date,
 *  targets without their crate): what it did during a failed test, on the error's first line. */
function appLogSinceStart(max = 25) {
  try {
    const files = [];
    const walk = (dir) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.startsWith("metadesk.log")) files.push(path);
      }
    };
    walk(join(required("METADESK_SESSION_ROOT"), "data"));
    const lines = files.sort().flatMap((f) => readFileSync(f, "utf8").split("\n")).filter(Boolean);
    const start = lines.findLastIndex((l) => l.includes("Metadesk starting"));
    return lines
      .slice(Math.max(start, 0))
      .slice(-max)
      .map((l) => l.replace(/^\S*T(\d\d:\d\d:\d\d)\.\d+Z\s+/, "$1 ").replace(/ metadesk_\w+(::\w+)*: /, " "))
      .join(" ¶ ")
      .slice(0, 3000);
  } catch (e) {
    return `(unreadable: ${e.message})`;
  }
}

/**
 * Runs `body` with a fresh app; always saves a screenshot and ends the session. The first test
 * of a spec file starts from nothing whatever the file before left behind (a failed test's
 * connections, the French it switched to); later tests of the file share what earlier ones
 * made, as the specs say.
 */
export async function withApp(t, body) {
  const first = !fileStarted;
  fileStarted = true;
  if (first) forgetSettings();
  const driver = await launchApp();
  let passed = false;
  try {
    if (first) await startFromNothing(driver);
    await body(driver);
    passed = true;
  } catch (e) {
    // The reporter's summary is all CI shows of a failure: say what the window showed then.
    // CI keeps only the first lines of that summary, so the window's text goes on the error's
    // first line, its lines joined.
    const shown = await driver.executeScript("return document.body.innerText").catch((err) => `(unreadable: ${err.message})`);
    if (e instanceof Error) {
      const text = String(shown ?? "").split("\n").map((l) => l.trim()).filter(Boolean).join(" ¶ ");
      const said = ` [the window showed: ${text.slice(0, 1500) || "nothing"}] [the app logged: ${appLogSinceStart()}]`;
      const first = e.message.split("\n")[0];
      // The reporter prints the stack, written when the error was made.
      if (typeof e.stack === "string" && !e.stack.includes(said)) e.stack = e.stack.replace(first, first + said);
      e.message = e.message.replace(first, first + said);
    }
    throw e;
  } finally {
    try {
      await screenshot(driver, t.name);
    } finally {
      // A failed test leaves its connections behind; the next spec (same keychain and data
      // folder) must not find them and fail too.
      if (!passed) await deleteEveryConnection(driver).catch((e) => console.error(`cleanup after ${t.name}: ${e.message}`));
      await driver.quit();
    }
  }
}

/** The app's own folders in this run's private session (see crates/store/src/dirs.rs). */
function appDataDir() {
  return join(required("METADESK_SESSION_ROOT"), "data", PROFILE);
}

/** Removes the saved settings (the window's language, the report's headers) before the app
 *  starts, so it speaks English with its defaults whatever an earlier spec chose. */
function forgetSettings() {
  for (const name of ["language.json", "report-settings.json"]) {
    rmSync(join(appDataDir(), name), { force: true });
  }
}

/** Deletes any connection an earlier spec left and checks the keychain holds none of the
 *  app's entries: the known state every spec file starts from. */
async function startFromNothing(driver) {
  await deleteEveryConnection(driver);
  assert.deepEqual(keychainEntries(), [], "the keychain still holds entries once every connection is deleted");
}

/** Deletes every connection through the window (after a failed test, and before a spec). */
async function deleteEveryConnection(driver) {
  await driver.actions().sendKeys(Key.ESCAPE).perform(); // a dialog left open
  await press(driver, "nav-connections");
  for (let left = (await connectionCards(driver)).length; left > 0; left--) {
    const [card] = await driver.findElements(By.css('[data-testid="connection"]'));
    await (await card.findElement(By.css('[data-testid="delete-connection"]'))).click();
    await press(driver, "delete-confirm");
    await eventually(async () => (await connectionCards(driver)).length < left, "a connection was not deleted");
  }
}

/** The keychain namespace and folder name of debug builds (see crates/store/src/dirs.rs). */
export const PROFILE = "com.metadesk.desktop.dev";

/**
 * Starts the sandbox binary on a free port with its credential files written to a temporary
 * folder (`assets` in all; `perFolder` puts that many in each folder; `fragmentEvery` makes one
 * asset in that many a content fragment; `lifecycle` seeds expiry, off times, bare images and
 * pages that use assets). Resolves with its base URL, the folder, the files'
 * parsed contents and `stop()`.
 */
export async function startSandboxBinary({ assets = 50, perFolder = null, fragmentEvery = null, lifecycle = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "metadesk-e2e-creds-"));
  const layout = perFolder === null ? [] : ["--assets-per-folder", String(perFolder)];
  if (fragmentEvery !== null) layout.push("--fragment-every", String(fragmentEvery));
  // Expiry dates, off times, images without a description and pages that use assets (issue 66).
  if (lifecycle) layout.push("--lifecycle");
  const child = spawn(
    required("METADESK_SANDBOX_BIN"),
    ["--port", "0", "--assets", String(assets), ...layout, "--write-credentials", dir],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  const stop = () => {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; i < 600 && !output.includes("credentials written"); i++) {
      if (child.exitCode !== null) throw new Error(`the sandbox exited: ${output}`);
      await sleep(100);
    }
    const url = output.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/)?.[1];
    if (!url || !output.includes("credentials written")) throw new Error(`the sandbox did not start: ${output}`);
    const read = (name) => JSON.parse(readFileSync(join(dir, name), "utf8"));
    return {
      url,
      dir,
      file: (name) => join(dir, name),
      service: read("service-credentials.json"),
      readOnly: read("service-credentials-read-only.json"),
      devToken: read("local-development-token.json"),
      oauth: read("oauth-project.json"),
      /** GET a sandbox path (control API included) as JSON; anything but 200 fails the test. */
      async getJson(path) {
        const response = await fetch(`${url}${path}`);
        if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
        return response.json();
      },
      /** One asset's state as the sandbox holds it now (its metadata included). */
      asset(path) {
        return this.getJson(`/__sandbox/asset?path=${encodeURIComponent(path)}`);
      },
      /** One content fragment as the Sites API gives it (its `fields`, `model`, `etag`). */
      fragment(path) {
        return this.getJson(`/__sandbox/fragment?path=${encodeURIComponent(path)}`);
      },
      /** Changes one field of a content fragment as a colleague would. */
      async editFragment(path, field, values) {
        const response = await fetch(`${url}/__sandbox/fragment?path=${encodeURIComponent(path)}`, {
          method: "PATCH",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ field, values }),
        });
        if (response.status !== 200) throw new Error(`editing ${path}: ${response.status} ${await response.text()}`);
        return response.json();
      },
      /** Changes an asset's metadata as another AEM user would (`null` removes a property). */
      async editAsset(path, metadata) {
        const response = await fetch(`${url}/__sandbox/asset?path=${encodeURIComponent(path)}`, {
          method: "PATCH",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(metadata),
        });
        if (response.status !== 200) throw new Error(`editing ${path}: ${response.status} ${await response.text()}`);
        return response.json();
      },
      /** Publishes (`activate`) or takes down the asset at `path` on the website as `by` would. */
      async replicateAs(path, activate, by) {
        const query = new URLSearchParams({ path, action: activate ? "activate" : "deactivate", by });
        const response = await fetch(`${url}/__sandbox/replicate?${query}`, { method: "POST" });
        if (response.status !== 200) throw new Error(`replicating ${path}: ${response.status} ${await response.text()}`);
        return response.json();
      },
      /** Adds an asset as another AEM user's upload would (`metadata` over the seeded values):
       *  in its folder's listing at once, in searches only `index_lag_secs` later. */
      async upload(path, metadata = {}) {
        const response = await fetch(`${url}/__sandbox/upload?path=${encodeURIComponent(path)}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(metadata),
        });
        if (response.status !== 201) throw new Error(`uploading ${path}: ${response.status} ${await response.text()}`);
        return response.json();
      },
      /** Replaces the sandbox's faults (latency, capacity, throttling…); `{}` clears them. */
      async setFaults(faults) {
        const response = await fetch(`${url}/__sandbox/faults`, {
          method: "PUT",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(faults),
        });
        if (response.status !== 200) throw new Error(`setting faults: ${response.status} ${await response.text()}`);
      },
      stop,
    };
  } catch (e) {
    stop();
    throw e;
  }
}

/** The names (`conn/<id>/<slot>`) of the app's entries in the real keychain, sorted. */
export function keychainEntries() {
  // secret-tool prints each item's secret on stdout and its attributes on stderr; only the
  // attributes are read (the secrets never reach the test output).
  const run = spawnSync("secret-tool", ["search", "--all", "service", PROFILE], { encoding: "utf8" });
  if (run.error) throw run.error;
  return [...run.stderr.matchAll(/^attribute\.username = (.*)$/gm)].map((m) => m[1]).sort();
}

/**
 * The desktop notifications the app has sent in this scripts/e2e.sh run, oldest first, as the
 * stand-in notification service recorded them: `{ id, app, summary, body }`.
 */
export function sentNotifications() {
  const text = readFileSync(required("E2E_NOTIFICATIONS"), "utf8");
  return text.split("\n").filter((line) => line !== "").map((line) => JSON.parse(line));
}

/** The notifications sent since the first `before` (a `sentNotifications().length` taken
 *  earlier), once one has come; fails naming `what` when none does. */
export async function notificationsSince(before, what) {
  return eventually(async () => {
    const sent = sentNotifications().slice(before);
    return sent.length > 0 ? sent : null;
  }, `no desktop notification was sent for ${what}`);
}

/** Seconds a preview or apply must last to send a notification (scripts/e2e.sh sets it). */
export function longJobSecs() {
  return Number(required("METADESK_LONG_JOB_SECS"));
}

/**
 * Clicks `button` and waits for the native window titled `title` (a regex string) it opens,
 * then returns that window's id. A click that lands while the page re-lays itself out can be
 * lost: the button stays enabled (it is disabled while its dialog is open), so it is clicked
 * again after a few seconds.
 */
export async function clickForNativeWindow(button, title, timeout = 30_000) {
  await button.click();
  let clicked = Date.now();
  return eventually(async () => {
    const found = nativeWindow(title);
    if (found) return found;
    if (Date.now() - clicked > 4_000 && (await button.isEnabled())) {
      await button.click();
      clicked = Date.now();
    }
    return null;
  }, `no window titled ${title} appeared`, timeout);
}

/**
 * Picks `property` in the first edit row's property picker, again until the picker holds it:
 * the picker's options are drawn anew when the folder's metadata schema arrives, which can
 * happen between finding an option and clicking it.
 */
export async function pickProperty(driver, property) {
  await eventually(async () => {
    const picker = await driver.findElement(By.css('[data-testid="edit-row"] [data-testid="edit-property"]'));
    // A picker at the window's bottom edge cannot be clicked (WebKit's driver does not scroll
    // an option into view): bring it to the middle first.
    await driver.executeScript("arguments[0].scrollIntoView({ block: 'center', behavior: 'instant' })", picker);
    await (await picker.findElement(By.css(`option[value="${property}"]`))).click();
    return (await picker.getAttribute("value")) === property;
  }, `${property} could not be picked in the edit row`);
}

/**
 * Types `folder` in Bulk edit's path field, then waits until the page stops moving: the folder
 * tree shows it chosen and loads nothing more, the folder's count (where it shows) is final,
 * and where change rows or a sheet's columns show, the note on the folder's metadata schema has
 * arrived above them. Each pushes down what is below, and a click aimed before that lands on
 * whatever moved there (spec 10 once missed "Add a condition").
 */
export async function typeFolder(driver, folder) {
  const input = await byTestId(driver, "folder-path-input");
  await input.clear();
  await input.sendKeys(folder, Key.ENTER);
  await eventually(async () => {
    const tree = await driver.findElement(By.css('[data-testid="folder-tree"]'));
    const chosen = await tree.findElements(By.css(`[data-testid="folder-node"][aria-selected="true"][data-path="${folder}"]`));
    const loading = await tree.findElements(By.css('[data-testid="folder-node"][aria-busy="true"]'));
    if (chosen.length !== 1 || loading.length > 0) return false;
    // The folder's count, once started, is final: its notes push down what is below too.
    const counts = await driver.findElements(By.css('[data-testid="scope-count"]'));
    if (counts.length > 0 && (await counts[0].getAttribute("data-done")) !== "1") return false;
    if ((await driver.findElements(By.css('[data-testid="edit-row"], [data-testid="sheet-properties"]'))).length === 0) return true;
    const notes = await driver.findElements(By.css('[data-testid="schema-in-use"], [data-testid="schema-unavailable"]'));
    return notes.length > 0;
  }, `the folder tree did not show ${folder} chosen, its count did not end, or its schema did not arrive`, 30_000);
}

/**
 * Waits until `predicate()` is truthy (polling) and returns it, or fails with `message`. The
 * wait is on the app's state, not a time: while `app` (the window the test drives) says it
 * works (`appWorking`), the clock stands still. It fails once the app has been idle for `idleMs`
 * and as many polls without the predicate coming true, so a machine slowed by other builds makes
 * the wait longer (each poll takes longer too), never a failure. Pass `{ app: null }` when what
 * is awaited does not depend on the window (a process exiting, a file written). The test
 * runner's per-test guard (scripts/e2e.sh) ends a wait on an app that works forever.
 */
export async function eventually(predicate, message, idleMs = 15_000, { app = watched } = {}) {
  const POLL_MS = 150;
  const idlePolls = Math.ceil(idleMs / POLL_MS);
  let idleSince = Date.now();
  let polls = 0;
  let last;
  for (;;) {
    try {
      last = await predicate();
      if (last) return last;
    } catch (e) {
      last = e; // elements re-rendered while we looked: try again
    }
    if (app && (await appWorking(app))) {
      idleSince = Date.now();
      polls = 0;
    } else if (++polls >= idlePolls && Date.now() - idleSince >= idleMs) {
      throw new Error(`${message} (last seen: ${last}; the app was idle for ${Math.round((Date.now() - idleSince) / 1000)} s)`);
    }
    await sleep(POLL_MS);
  }
}

/**
 * Opens a connection card's "Edit address" form and returns its input. The click is repeated
 * until the form shows: a line of the card (the token's, once the connection's health is known
 * after start-up or an import) can appear while the click is on its way and move the button
 * from under it.
 */
/** Chooses an item (`edit-address`, `toggle-production`) of a connection card's "More
 *  actions" menu (issue 68): the production mark is an action in a menu, the badge its state. */
export async function connectionAction(driver, connectionId, item) {
  const card = () => driver.findElement(By.css(`[data-connection-id="${connectionId}"]`));
  const found = await eventually(async () => {
    const items = await (await card()).findElements(By.css(`[data-testid="${item}"]`));
    if (items.length > 0) return items[0];
    await (await card()).findElement(By.css('[data-testid="connection-menu"]')).click();
    return null;
  }, `the menu of connection ${connectionId} has no ${item}`);
  await found.click();
}

export async function openAddressEdit(driver, connectionId) {
  const card = () => driver.findElement(By.css(`[data-connection-id="${connectionId}"]`));
  return eventually(async () => {
    const inputs = await (await card()).findElements(By.css('[data-testid="connection-edit"] input'));
    if (inputs.length > 0) return inputs[0];
    // By test id, not by its words: the window may be in French.
    await connectionAction(driver, connectionId, "edit-address");
    return null;
  }, `the address of connection ${connectionId} could not be edited`);
}

/** The visible connection cards as `{ id, name, text }`. */
export async function connectionCards(driver) {
  const cards = await driver.findElements(By.css('[data-testid="connection"]'));
  return Promise.all(
    cards.map(async (card) => ({
      id: await card.getAttribute("data-connection-id"),
      name: await card.findElement(By.css('[data-testid="connection-name"]')).getText(),
      text: await card.getText(),
    })),
  );
}

/** Opens a connection card's "Technical details" (IMS, the AEM user, the keychain's hints,
 *  Adobe's JWT note), closed at first, as a person would: a click on its summary. */
export async function openTechnical(driver, id) {
  const details = await driver.findElement(By.css(`[data-connection-id="${id}"] [data-testid="connection-technical"]`));
  if ((await details.getAttribute("open")) === null) await (await details.findElement(By.css("summary"))).click();
  return details;
}

/**
 * Deletes connections through their cards' Delete buttons (confirmed), on the Connections page:
 * the ones in `ids`, or every card when `ids` is left out. Waits until each card is gone.
 */
export async function deleteConnections(driver, ids = null) {
  await press(driver, "nav-connections");
  const targets = ids ?? (await connectionCards(driver)).map((card) => card.id);
  for (const connectionId of targets) {
    const cards = await driver.findElements(By.css(`[data-connection-id="${connectionId}"]`));
    if (cards.length === 0) continue;
    await (await cards[0].findElement(By.css('[data-testid="delete-connection"]'))).click();
    await press(driver, "delete-confirm");
    await eventually(async () => (await driver.findElements(By.css(`[data-connection-id="${connectionId}"]`))).length === 0,
      `connection ${connectionId} was not deleted`);
  }
}

/** A PNG of the whole X screen (the app and any native dialog over it), named like `screenshot`. */
export function screenScreenshot(name) {
  const dir = required("E2E_ARTIFACTS");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name.replace(/[^a-z0-9-]+/gi, "-").toLowerCase()}.png`);
  execFileSync("import", ["-silent", "-window", "root", `png:${file}`]);
  return file;
}

/** The id of the visible native window whose title matches `title` (a regex string), or null. */
export function nativeWindow(title) {
  try {
    return xdotool("search", "--onlyvisible", "--name", title).split("\n")[0] || null;
  } catch {
    return null; // xdotool exits 1 when nothing matches
  }
}

/** Waits for the native window titled `title` (a regex string, e.g. a GTK dialog) and returns its id. */
export function waitForNativeWindow(title, timeout = 15_000) {
  return eventually(() => nativeWindow(title), `no window titled ${title} appeared`, timeout);
}

/** Focuses a native window and sends it xdotool commands (`key …`, `type …`). */
export function sendToWindow(win, ...commands) {
  xdotool("windowfocus", "--sync", win, ...commands);
}

/**
 * Asks the window to close as a window manager's close button does (WM_DELETE_WINDOW, see
 * wm-close.py); `xdotool windowclose` would destroy it without asking.
 */
export function requestWindowClose(win) {
  execFileSync("/usr/bin/python3", [join(here, "wm-close.py"), win], { encoding: "utf8" });
}

function processState(pid) {
  try {
    // "pid (comm) S …": the state follows the last ')' (comm may hold spaces and parentheses).
    const stat = readFileSync(`/proc/${pid}/stat`, "latin1");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
  } catch {
    return null;
  }
}

/** Whether `pid` is running (an exited process waiting to be reaped does not count). */
export function isRunning(pid) {
  const state = processState(pid);
  return state !== null && state !== "Z" && state !== "X";
}

/**
 * The pids of the running Metadesk app processes of this test run: the executable is
 * METADESK_APP and the environment is this run's private session (so the app of anybody else
 * on the machine, or of another run, is never picked).
 */
export function appPids() {
  const app = realpathSync(required("METADESK_APP"));
  const session = required("METADESK_SESSION_ROOT");
  const pids = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readlinkSync(`/proc/${name}/exe`) !== app || !isRunning(name)) continue;
      const env = readFileSync(`/proc/${name}/environ`, "latin1").split("\0");
      if (env.includes(`METADESK_SESSION_ROOT=${session}`)) pids.push(Number(name));
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return pids;
}

/**
 * Starts the app like `launchApp` and also finds its process: the one app process of this run
 * that was not there before. Resolves with `{ driver, pid }`.
 */
export async function launchAppProcess() {
  const before = new Set(appPids());
  const driver = await launchApp();
  const pids = appPids().filter((pid) => !before.has(pid));
  if (pids.length !== 1) {
    await driver.quit();
    assert.fail(`expected one new Metadesk process of this run, found ${JSON.stringify(pids)}`);
  }
  return { driver, pid: pids[0] };
}

/** Waits until `pid` has exited; fails after `timeout`. */
export function waitForExit(pid, message, timeout = 15_000) {
  return eventually(() => !isRunning(pid), message ?? `process ${pid} did not exit`, timeout, { app: null });
}

/** Ends a WebDriver session whose app may already be gone: errors and hangs are tolerated. */
export async function quitQuietly(driver, timeout = 15_000) {
  let timer;
  try {
    await Promise.race([
      driver.quit(),
      new Promise((resolve) => (timer = setTimeout(resolve, timeout))),
    ]);
  } catch {
    // the session ended with its app
  } finally {
    clearTimeout(timer);
  }
}

/** Imports `sandbox`'s service credential by a drop and points it at the sandbox; returns the
 *  connection's id. */
export async function importSandboxConnection(driver, sandbox) {
  await press(driver, "nav-connections");
  await simulateDrop(driver, [sandbox.file("service-credentials.json")]);
  const email = sandbox.service.integration.email;
  const card = await eventually(async () => (await connectionCards(driver)).find((c) => c.text.includes(email)),
    "the service credential was not imported", 30_000);
  const el = () => driver.findElement(By.css(`[data-connection-id="${card.id}"]`));
  const input = await openAddressEdit(driver, card.id);
  await input.clear();
  await input.sendKeys(sandbox.url, Key.ENTER);
  await eventually(async () => (await (await el()).findElement(By.css('[data-testid="connection-host"]')).getText())
    .includes(new URL(sandbox.url).host), "the sandbox address is not shown");
  return card.id;
}

/** The rows of a CSV file saved for a spreadsheet, after checking it is written as Excel on
 * Windows reads it: a UTF-8 byte-order mark, CRLF between records. */
export function readExcelCsv(path) {
  const text = readFileSync(path, "utf8");
  assert.ok(text.startsWith("\uFEFF"), `${path} has no byte-order mark for Excel`);
  const firstBreak = text.indexOf("\n");
  assert.ok(firstBreak > 0 && text[firstBreak - 1] === "\r", `${path} does not end its records with CRLF`);
  return parseCsv(text.slice(1));
}

/** Parses CSV text (RFC 4180 quoting) into rows of cells. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  return rows;
}
