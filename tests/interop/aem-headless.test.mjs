// Adobe's own GraphQL client, @adobe/aem-headless-client-nodejs 2.0.1, queries the sandbox:
// a direct query on the documented endpoint, the client's cursor paging (`{model}Paginated`),
// persisted queries listed, stored and run with variables. The token comes through the client's
// own getToken() from the Local Development Token file the sandbox wrote. Run by
// scripts/test-interop.sh, which sets SANDBOX_URL and SANDBOX_CREDS.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { AEMHeadless, getToken } = require('@adobe/aem-headless-client-nodejs');

const base = process.env.SANDBOX_URL;
const credsDir = process.env.SANDBOX_CREDS;
assert.ok(base && credsDir, 'SANDBOX_URL and SANDBOX_CREDS must be set (use scripts/test-interop.sh)');

// The client's default endpoint (`content/graphql/global/endpoint.json`) is not the URL Adobe
// documents; its README has the caller name the endpoint, as here.
const endpoint = '/content/_cq_graphql/global/endpoint.json';

async function client() {
  const { accessToken, type } = await getToken(join(credsDir, 'local-development-token.json'));
  assert.equal(type, 'Bearer');
  return new AEMHeadless({ serviceURL: base, endpoint, auth: accessToken });
}

// Every fragment of a model as the sandbox's own control endpoint holds it, to compare with.
async function fragment(path) {
  const res = await fetch(`${base}/__sandbox/fragment?path=${encodeURIComponent(path)}`);
  assert.equal(res.status, 200, path);
  return res.json();
}

test('runQuery lists the articles with their titles', async () => {
  const aem = await client();
  const { data } = await aem.runQuery('{ articleList { items { _path title author } } }');
  const items = data.articleList.items;
  assert.ok(items.length > 0, 'the seed has articles');
  for (const item of items.slice(0, 3)) {
    assert.match(item._path, /^\/content\/dam\//);
    const held = await fragment(item._path);
    assert.equal(item.title, held.title, item._path);
  }
  assert.equal(new Set(items.map((i) => i._path)).size, items.length, 'no article twice');
});

test('runQuery with variables reads one article by path', async () => {
  const aem = await client();
  const { data } = await aem.runQuery('{ articleList { items { _path } } }');
  const path = data.articleList.items[0]._path;
  const answer = await aem.runQuery({
    query: 'query ($p: String!) { articleByPath(_path: $p) { item { _path title main { plaintext } } } }',
    variables: { p: path },
  });
  const item = answer.data.articleByPath.item;
  assert.equal(item._path, path);
  assert.equal(item.title, (await fragment(path)).title);
  assert.equal(typeof item.main.plaintext, 'string');
});

test('runPaginatedQuery pages through every article by cursor, each once', async () => {
  const aem = await client();
  const { data } = await aem.runQuery('{ articleList { items { _path } } }');
  const all = data.articleList.items.map((i) => i._path);
  assert.ok(all.length > 2, `enough articles for several pages: ${all.length}`);
  const pageSize = Math.ceil(all.length / 3);
  const pages = [];
  for await (const page of aem.runPaginatedQuery('article', '{ _path title }', { pageSize })) {
    pages.push(page);
  }
  assert.ok(pages.length >= 2, `several pages: ${pages.length}`);
  assert.ok(pages.slice(0, -1).every((p) => p.length === pageSize), 'full pages before the last');
  assert.deepEqual(pages.flat().map((n) => n._path), all);
  assert.ok(pages.flat().every((n) => typeof n.title === 'string'));
});

test('runPaginatedQuery by path gives that one fragment', async () => {
  const aem = await client();
  const { data } = await aem.runQuery('{ adventureList { items { _path title } } }');
  const first = data.adventureList.items[0];
  const pages = [];
  for await (const page of aem.runPaginatedQuery('adventure', '{ _path title }', {}, { _path: first._path })) {
    pages.push(page);
  }
  assert.deepEqual(pages, [first]);
});

test('listPersistedQueries shows the seeded queries with their text', async () => {
  const aem = await client();
  const list = await aem.listPersistedQueries();
  const metadesk = list.find((c) => c.configurationName === 'metadesk');
  assert.ok(metadesk, JSON.stringify(list));
  const byShort = Object.fromEntries(metadesk.queries.map((q) => [q.path.shortForm, q]));
  assert.equal(
    byShort['/metadesk/article-list'].path.longForm,
    '/conf/metadesk/settings/graphql/persistentQueries/article-list',
  );
  assert.match(byShort['/metadesk/article-list'].data.query, /articleList/);
  assert.match(byShort['/metadesk/article-by-path'].data.query, /articleByPath/);
});

test('runPersistedQuery runs a seeded query, with a variable in the URL and by POST', async () => {
  const aem = await client();
  const listed = await aem.runPersistedQuery('metadesk/article-list');
  const items = listed.data.articleList.items;
  assert.ok(items.length > 0);
  const path = items[0]._path;
  const one = await aem.runPersistedQuery('metadesk/article-by-path', { path });
  assert.equal(one.data.articleByPath.item._path, path);
  assert.equal(one.data.articleByPath.item.title, items[0].title);
  const posted = await aem.runPersistedQuery('metadesk/article-by-path', { path }, { method: 'POST' });
  assert.deepEqual(posted, one);
});

test('persistQuery stores a query that runPersistedQuery then runs and the list shows', async () => {
  const aem = await client();
  const query = '{ adventureList { items { _path difficulty } } }';
  const stored = await aem.persistQuery(query, 'metadesk/interop-adventures');
  assert.equal(stored.shortPath, '/metadesk/interop-adventures');
  const ran = await aem.runPersistedQuery('metadesk/interop-adventures');
  const items = ran.data.adventureList.items;
  assert.ok(items.length > 0);
  assert.equal(items[0].difficulty, (await fragment(items[0]._path)).fields.find((f) => f.name === 'difficulty')?.values?.[0]);
  const list = await aem.listPersistedQueries();
  const names = list.flatMap((c) => c.queries.map((q) => q.path.shortForm));
  assert.ok(names.includes('/metadesk/interop-adventures'), names.join(', '));
});

test('a query error is rejected by the client with the sandbox\'s GraphQL errors', async () => {
  const aem = await client();
  await assert.rejects(aem.runQuery('{ articleList { items { titel } } }'), (err) => {
    const errors = err.sdkDetails?.messageValues?.errors ?? [];
    return /API_ERROR|RESPONSE_ERROR/.test(err.code) || errors.length > 0;
  });
});
