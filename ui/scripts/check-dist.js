// Runs after `vite build`: fails the build if ui/dist holds something the app's CSP would
// refuse (inline scripts or styles, remote content) or anything from the mocked preview.
// The CSP is `default-src 'self'; script-src 'self'; style-src 'self'` (see tauri.conf.json).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const dist = new URL('../dist/', import.meta.url).pathname;

/** @param {string} dir @returns {string[]} */
function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** @type {string[]} */
const problems = [];
const files = filesUnder(dist);

for (const file of files) {
  const name = relative(dist, file);
  const text = readFileSync(file, 'utf8');

  if (name.endsWith('.html')) {
    for (const [tag, attrs, body] of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      if (!/\bsrc=/.test(attrs ?? '') || (body ?? '').trim() !== '') problems.push(`${name}: inline script ${tag.slice(0, 60)}`);
    }
    if (/<style\b/i.test(text)) problems.push(`${name}: <style> element`);
    if (/\sstyle=/i.test(text)) problems.push(`${name}: style="" attribute`);
    if (/\b(?:src|href)=["']?(?:https?:)?\/\//i.test(text)) problems.push(`${name}: remote src/href`);
  }

  if (name.endsWith('.css')) {
    if (/@import\b/i.test(text)) problems.push(`${name}: @import`);
    if (/url\(\s*["']?(?:https?:)?\/\//i.test(text)) problems.push(`${name}: remote url()`);
  }

  if (name.endsWith('.js') || name.endsWith('.html')) {
    for (const marker of ['mockIPC', 'mockWindows', '__METADESK_PREVIEW__']) {
      if (text.includes(marker)) problems.push(`${name}: contains preview/mock code (${marker})`);
    }
  }
}

if (!files.some((file) => file.endsWith('index.html'))) problems.push('index.html is missing');

if (problems.length > 0) {
  console.error(`ui/dist breaks the app's rules:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`ui/dist checked: ${files.length} files, no inline scripts or styles, no remote content, no mocks.`);
