// Replays the flow of Adobe's token-authentication sample
// (https://experienceleague.adobe.com/en/docs/experience-manager-learn/getting-started-with-aem-headless/authentication/overview)
// with plain fetch: list a folder through /api/assets/{folder}.json, then PUT
// metadata/dc:rights to each asset's self href (with .json), first with the Local Development
// Token (200 each), then with the fresh, read-only technical account (403 each).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const auth = require('@adobe/jwt-auth');

const base = process.env.SANDBOX_URL;
const credsDir = process.env.SANDBOX_CREDS;
const folder = '/wknd-shared/en/adventures/napa-wine-tasting';
const read = (name) => JSON.parse(readFileSync(join(credsDir, name), 'utf8'));

async function listAssetsByFolder(token) {
  const res = await fetch(`${base}/api/assets${folder}.json`, {
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
  });
  assert.equal(res.status, 200);
  const json = await res.json();
  return json.entities
    .filter((e) => e.class.includes('assets/asset') && !e.properties.contentFragment)
    .map((e) => e.links.find((l) => l.rel.includes('self')).href);
}

async function updateMetadata(href, token, value) {
  const res = await fetch(href, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ class: 'asset', properties: { 'metadata/dc:rights': value } }),
  });
  return res.status;
}

test('local development token: every PUT answers 200 and is applied', async () => {
  const { accessToken } = read('local-development-token.json');
  const assets = await listAssetsByFolder(accessToken);
  assert.ok(assets.length > 0 && assets.length <= 20, `first page only: ${assets.length}`);
  const statuses = await Promise.all(assets.map((a) => updateMetadata(a, accessToken, 'WKND Limited Use')));
  assert.deepEqual(new Set(statuses), new Set([200]));
  const damPath = `/content/dam${new URL(assets[0]).pathname.replace(/^\/api\/assets/, '').replace(/\.json$/, '')}`;
  const state = await (await fetch(`${base}/__sandbox/asset?path=${encodeURIComponent(damPath)}`)).json();
  assert.equal(state.metadata['dc:rights'], 'WKND Limited Use');
  const md = await (await fetch(`${base}${damPath}/jcr:content/metadata.json`, {
    headers: { Authorization: `Bearer ${accessToken}` },
  })).json();
  assert.equal(md['dc:rights'], 'WKND Limited Use');
});

test('fresh service credentials: listing works, every PUT answers 403', async () => {
  const { integration } = read('service-credentials-read-only.json');
  const { access_token } = await auth({
    clientId: integration.technicalAccount.clientId,
    technicalAccountId: integration.id,
    orgId: integration.org,
    clientSecret: integration.technicalAccount.clientSecret,
    privateKey: integration.privateKey,
    metaScopes: integration.metascopes.split(','),
    ims: integration.imsEndpoint,
  });
  const assets = await listAssetsByFolder(access_token);
  const statuses = await Promise.all(assets.map((a) => updateMetadata(a, access_token, 'Nope')));
  assert.deepEqual(new Set(statuses), new Set([403]));
});
