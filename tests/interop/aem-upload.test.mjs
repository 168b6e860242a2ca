// Adobe's own uploader, @adobe/aem-upload 2.0.3, uploads into the sandbox: direct binary
// upload (initiate, parts to the storage URLs, complete) and folder creation, as Adobe's client
// speaks them. Run by scripts/test-interop.sh, which starts the sandbox with parts of a few KiB
// (--upload-min-part) so a file of some KiB goes up in several parts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { FileSystemUpload, FileSystemUploadOptions, DirectBinaryUpload, DirectBinaryUploadOptions } =
  require('@adobe/aem-upload');

const base = process.env.SANDBOX_URL;
const credsDir = process.env.SANDBOX_CREDS;
assert.ok(base && credsDir, 'SANDBOX_URL and SANDBOX_CREDS must be set (use scripts/test-interop.sh)');
const token = JSON.parse(readFileSync(join(credsDir, 'local-development-token.json'), 'utf8')).accessToken;
const sample = '/content/dam/wknd-shared/en/adventures/napa-wine-tasting';

// The library logs every read and part at info level; only its warnings and errors are kept.
const log = { debug() {}, info() {}, warn: console.warn, error: console.error };
const headers = { Authorization: `Bearer ${token}` };
const sha1 = (bytes) => createHash('sha1').update(bytes).digest('hex');
const bytes = (n, seed) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 31 + seed) % 256));

async function asset(path) {
  const res = await fetch(`${base}/__sandbox/asset?path=${encodeURIComponent(path)}`);
  return res.status === 200 ? res.json() : null;
}

async function processed(path) {
  for (let i = 0; i < 100; i += 1) {
    const state = await asset(path);
    if (state?.assetState === 'processed') return state;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${path} was not processed`);
}

async function counters() {
  return (await fetch(`${base}/__sandbox/counters`)).json();
}

test('FileSystemUpload uploads a folder tree, creating its folders, multi-part files included', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'aem-upload-'));
  const drop = join(dir, 'interop-drop');
  mkdirSync(join(drop, 'sub'), { recursive: true });
  const files = {
    'big.jpg': bytes(20_000, 1),
    'small.png': bytes(300, 2),
    'sub/deep.pdf': bytes(5_000, 3),
  };
  for (const [name, content] of Object.entries(files)) writeFileSync(join(drop, name), content);
  const before = await counters();

  const options = new FileSystemUploadOptions()
    .withUrl(`${base}${sample}`)
    .withDeepUpload(true)
    .withHttpOptions({ headers });
  const result = await new FileSystemUpload({ log }).upload(options, [drop]);

  assert.deepEqual(result.getErrors?.() ?? [], []);
  for (const [name, content] of Object.entries(files)) {
    const state = await processed(`${sample}/interop-drop/${name}`);
    assert.equal(state.size, content.length, name);
    assert.equal(state.metadata['dam:sha1'], sha1(content), name);
  }
  const after = await counters();
  assert.equal(after.storage_refused - before.storage_refused, 0, 'no AEM header reached storage');
  assert.ok(after.storage_parts - before.storage_parts > 3, 'the big file went up in several parts');
  assert.ok(after.folders_created - before.folders_created >= 2, 'its folders were created');
});

test('DirectBinaryUpload with createVersion gives an existing asset a new version', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'aem-upload-'));
  const path = `${sample}/interop-version.jpg`;
  for (const [seed, extra] of [[4, {}], [5, { createVersion: true, versionLabel: 'v2' }]]) {
    const content = bytes(3_000, seed);
    const file = join(dir, `v${seed}.jpg`);
    writeFileSync(file, content);
    const options = new DirectBinaryUploadOptions()
      .withUrl(`${base}${sample}`)
      .withUploadFiles([{ fileName: 'interop-version.jpg', fileSize: content.length, filePath: file, ...extra }])
      .withHttpOptions({ headers });
    await new DirectBinaryUpload({ log }).uploadFiles(options);
    const state = await processed(path);
    assert.equal(state.metadata['dam:sha1'], sha1(content));
  }
  assert.equal((await asset(path)).versions, 1);
});
