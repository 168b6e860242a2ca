// Drives the sandbox's IMS with Adobe's own published client, @adobe/jwt-auth 2.0.0, using
// the credential files the sandbox binary wrote. Run by scripts/test-interop.sh, which sets
// SANDBOX_URL and SANDBOX_CREDS.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const auth = require('@adobe/jwt-auth');

const base = process.env.SANDBOX_URL;
const credsDir = process.env.SANDBOX_CREDS;
assert.ok(base && credsDir, 'SANDBOX_URL and SANDBOX_CREDS must be set (use scripts/test-interop.sh)');

const serviceCredentials = JSON.parse(readFileSync(join(credsDir, 'service-credentials.json'), 'utf8'));

// Exactly what Adobe's sample app passes (service-credentials.md), with `ims` taken as written
// because the sandbox's imsEndpoint already carries its http:// scheme.
function options(integration, overrides = {}) {
  return {
    clientId: integration.technicalAccount.clientId,
    technicalAccountId: integration.id,
    orgId: integration.org,
    clientSecret: integration.technicalAccount.clientSecret,
    privateKey: integration.privateKey,
    metaScopes: integration.metascopes.split(','),
    ims: integration.imsEndpoint,
    ...overrides,
  };
}

test('imsEndpoint points at the sandbox', () => {
  assert.equal(serviceCredentials.integration.imsEndpoint, base);
});

test('@adobe/jwt-auth gets an access token', async () => {
  const result = await auth(options(serviceCredentials.integration));
  assert.equal(result.token_type, 'bearer');
  assert.equal(typeof result.access_token, 'string');
  assert.ok(result.expires_in > 86_000_000, `expires_in is in milliseconds: ${result.expires_in}`);
  const res = await fetch(`${base}/libs/granite/security/currentuser.json`, {
    headers: { Authorization: `Bearer ${result.access_token}` },
  });
  assert.equal(res.status, 200);
  assert.equal((await res.json()).authorizableId, serviceCredentials.integration.email);
});

test('a wrong client secret fails with invalid_client like IMS', async () => {
  await assert.rejects(
    auth(options(serviceCredentials.integration, { clientSecret: 'wrong-secret' })),
    (err) => err.code === 'invalid_client' && /client_secret/.test(err.message),
  );
});

test('an unbound metascope fails with invalid_scope like IMS', async () => {
  await assert.rejects(
    auth(options(serviceCredentials.integration, { metaScopes: ['ent_aem_cloud_api', 'ent_cloudmgr_sdk'] })),
    (err) =>
      err.code === 'invalid_scope' &&
      err.message === 'The metascopes in the JWT are not a subset of the metascopes in the binding.',
  );
});
