// axe-core's accessibility check of the page as it is now, for the specs that run it (11, 18).

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { SLOW_STATE_MS } from "./app.mjs";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** axe-core's serious and critical violations on the page as it is now (WCAG 2.x A and AA rules
 *  and axe's best practices), as "rule: target" lines. */
export async function seriousViolations(driver) {
  // axe on a whole page takes a while on a loaded machine: the page's own work bounds it, not
  // WebDriver's 30 s.
  await driver.manage().setTimeouts({ script: SLOW_STATE_MS });
  // A dialog fading in has its colours half-way: axe would measure a contrast nobody reads.
  // Animations that never end (a thumbnail's shimmer while it comes) are not waited for.
  await driver.executeAsyncScript(`
    const done = arguments[arguments.length - 1];
    const ending = document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
    Promise.all(ending.map((a) => a.finished)).then(() => done(), () => done());`);
  await driver.executeScript(axeSource);
  const result = await driver.executeAsyncScript(`
    const done = arguments[arguments.length - 1];
    axe.run(document, { resultTypes: ["violations"] })
      .then((r) => done(JSON.stringify(r.violations)), (e) => done(JSON.stringify({ error: String(e) })));
  `);
  const violations = JSON.parse(result);
  if (violations.error) throw new Error(`axe failed: ${violations.error}`);
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(" ")} — ${v.help}`));
}
