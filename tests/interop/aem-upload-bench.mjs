// The aem-upload side of the upload benchmark (crates/bench/src/upload.rs, BENCHMARKS.md §12):
// Adobe's @adobe/aem-upload 2.0.3 uploads the given folders into TARGET as its users run it
// (FileSystemUpload, deep upload, its default concurrency), and prints one JSON line: the time
// the upload call took and the files it reports. Not a test (node --test does not pick up this
// name). Usage: SANDBOX_URL=… SANDBOX_TOKEN=… node aem-upload-bench.mjs TARGET DIR…
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const { FileSystemUpload, FileSystemUploadOptions } = require('@adobe/aem-upload');

const base = process.env.SANDBOX_URL;
const token = process.env.SANDBOX_TOKEN;
const [target, ...dirs] = process.argv.slice(2);
if (!base || !token || !target || dirs.length === 0) {
  console.error('usage: SANDBOX_URL=… SANDBOX_TOKEN=… node aem-upload-bench.mjs TARGET DIR…');
  process.exit(2);
}

// The library logs every read and part at info level; only its warnings and errors are kept.
const log = { debug() {}, info() {}, warn: console.warn, error: console.error };
const options = new FileSystemUploadOptions()
  .withUrl(`${base}${target}`)
  .withDeepUpload(true)
  .withHttpOptions({ headers: { Authorization: `Bearer ${token}` } });

const start = performance.now();
const result = await new FileSystemUpload({ log }).upload(options, dirs);
const ms = performance.now() - start;
const errors = result.getErrors?.() ?? [];
console.log(
  JSON.stringify({
    ms,
    maxConcurrent: options.getMaxConcurrent(),
    errors: errors.length,
    firstError: errors[0] ? String(errors[0].message ?? errors[0]) : null,
  }),
);
