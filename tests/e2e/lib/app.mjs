// Helpers for driving the real Metadesk window through tauri-driver + WebKitWebDriver.
// Environment (set by scripts/e2e.sh): METADESK_APP, WEBDRIVER_URL, E2E_ARTIFACTS.

import { spawn, execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import { Builder, By, until } from "selenium-webdriver";

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
  await driver.wait(
    async () => (await driver.executeScript("return document.body.dataset.ready")) === "1",
    20_000,
    "the app did not finish starting (body[data-ready] never became 1)",
  );
  return driver;
}

/** Saves a PNG of the window as it is now, named after the test. */
export async function screenshot(driver, name) {
  const dir = required("E2E_ARTIFACTS");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name.replace(/[^a-z0-9-]+/gi, "-").toLowerCase()}.png`);
  writeFileSync(file, await driver.takeScreenshot(), "base64");
  return file;
}

/** Finds an element by its data-testid, waiting until it is visible. */
export async function byTestId(driver, id, timeout = 10_000) {
  const el = await driver.wait(until.elementLocated(By.css(`[data-testid="${id}"]`)), timeout,
    `no element with data-testid="${id}"`);
  await driver.wait(until.elementIsVisible(el), timeout, `data-testid="${id}" is not visible`);
  return el;
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

/** Runs `body` with a fresh app; always saves a screenshot and ends the session. */
export async function withApp(t, body) {
  const driver = await launchApp();
  try {
    await body(driver);
  } finally {
    try {
      await screenshot(driver, t.name);
    } finally {
      await driver.quit();
    }
  }
}
