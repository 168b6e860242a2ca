// Dev-only preview of the UI in a plain browser, with the Rust side faked by Tauri's IPC
// mocks. Never part of the production build (vite.config.ts only builds ../index.html, and
// scripts/check-dist.js fails the build if mock code shows up in dist).
//
// Query parameters:
//   keychain=available|unavailable|locked|error|pending   what the start-up check reports
//   section=connections|bulk|activity                      which section to open
//   drop=a.json,b.json                                     files "dropped" after start-up
//   drag=1                                                 show the drop overlay
//   connections=1                                          a few sample connections (one sandbox)
import '../src/styles/tokens.css';
import '../src/styles/base.css';
import '../src/styles/shared.css';

import { emit } from '@tauri-apps/api/event';
import { mockIPC, mockWindows } from '@tauri-apps/api/mocks';
import { mount } from 'svelte';

import App from '../src/App.svelte';
import type { AppHealth } from '../src/ipc/bindings/AppHealth';
import type { CheckStep } from '../src/ipc/bindings/CheckStep';
import type { ConnectionHealth } from '../src/ipc/bindings/ConnectionHealth';
import type { ConnectionTestReport } from '../src/ipc/bindings/ConnectionTestReport';
import type { ConnectionView } from '../src/ipc/bindings/ConnectionView';
import type { FileOutcome } from '../src/ipc/bindings/FileOutcome';
import type { FolderPage } from '../src/ipc/bindings/FolderPage';
import { guardAgainstDropNavigation } from '../src/lib/dropGuard';

(window as unknown as Record<string, unknown>).__METADESK_PREVIEW__ = true;

const params = new URLSearchParams(location.search);
const scenario = params.get('keychain') ?? 'available';

// Read when called: mockIPC creates Tauri's internals object below.
const sendStep = (channel: { id: number }, index: number, message: CheckStep) =>
  (window as unknown as { __TAURI_INTERNALS__: { runCallback: (id: number, data: unknown) => void } })
    .__TAURI_INTERNALS__.runCallback(channel.id, { index, message });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const FOLDERS: CheckStep = { label: 'App folders', ok: true, detail: 'ready in /home/alex/.local/share/metadesk' };
const MESSAGES: Record<string, string> = {
  unavailable:
    'Metadesk could not reach the system keychain (no Secret Service is running). Install GNOME Keyring or KWallet and sign in again, then choose Check again.',
  locked: 'The system keychain is locked. Unlock it (your login password usually does it), then choose Check again.',
};

function healthFor(kind: string): AppHealth {
  const base = { version: '0.1.0', configDir: '/c', dataDir: '/d', logDir: '/l' };
  if (kind === 'unavailable' || kind === 'locked') {
    return {
      ...base,
      keychain: {
        state: 'unavailable',
        backend: 'Secret Service',
        code: kind === 'locked' ? 'keychain_locked' : 'keychain_unavailable',
        message: MESSAGES[kind] ?? '',
      },
    };
  }
  return { ...base, keychain: { state: 'available', backend: 'Secret Service' } };
}

function sample(overrides: Partial<ConnectionView>): ConnectionView {
  return {
    id: 'c1',
    name: 'p12345 · e67890',
    kind: 'serviceCredentials',
    aemUrl: 'https://author-p12345-e67890.adobeaemcloud.com',
    host: 'author-p12345-e67890.adobeaemcloud.com',
    imsBase: 'https://ims-na1.adobelogin.com',
    imsHost: 'ims-na1.adobelogin.com',
    clientId: 'cm-p12345-e67890-integration',
    technicalAccountEmail: '84bb3f97-971d-80ab-7d29-825c75521255@techacct.adobe.com',
    actsAs: null,
    org: 'ABC@AdobeOrg',
    scopes: ['ent_aem_cloud_api'],
    certificateExpiresAt: new Date(Date.now() + 12 * 86_400_000).toISOString(),
    tokenExpiresAt: null,
    production: true,
    sandbox: false,
    status: { state: 'expiresSoon', days: 12 },
    secretHints: [
      { kind: 'secret', field: 'clientSecret', hint: '••••1d47' },
      { kind: 'privateKey', bits: 2048 },
    ],
    importedAt: new Date().toISOString(),
    pairedWith: null,
    untrustedHost: null,
    editsFragments: overrides.kind === 'oauthServerToServer',
    autoName: null,
    ...overrides,
  };
}

const CONNECTIONS: ConnectionView[] =
  params.get('connections') === '1'
    ? [
        sample({}),
        sample({
          id: 's',
          name: 'Sandbox',
          sandbox: true,
          production: false,
          aemUrl: 'http://127.0.0.1:41811',
          host: '127.0.0.1:41811',
          certificateExpiresAt: new Date(Date.now() + 365 * 86_400_000).toISOString(),
          status: { state: 'ok' },
        }),
      ]
    : [];

const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

// The production connection's token is valid; the sandbox has none yet.
const HEALTH: Record<string, ConnectionHealth> = {
  c1: {
    level: 'warning',
    summary: 'token valid 23 h 12 min; certificate expires in 12 days',
    token: { state: 'valid', expiresAt: inSeconds(23 * 3600 + 12 * 60 + 30), secondsLeft: 23 * 3600 + 12 * 60 },
    certificate: {
      expiresAt: inSeconds(12 * 86_400 + 3600),
      daysLeft: 12,
      level: 'soon',
      message:
        'The certificate of these service credentials expires in 12 days. In the AEM Developer Console (Integrations → Technical Accounts), add a new certificate or private key for this account, download the credentials and import them again.',
    },
    advice: null,
  },
  s: { level: 'ok', summary: 'no token yet', token: { state: 'notYetObtained' }, certificate: null, advice: null },
};

/** The sandbox works; the production connection is refused by IMS. */
function testReport(id: string): ConnectionTestReport {
  const ok = id === 's';
  return {
    ok,
    host: ok ? '127.0.0.1:41811' : 'author-p12345-e67890.adobeaemcloud.com',
    api: 'classic',
    actingAs: ok ? '84bb3f97@techacct.adobe.com' : null,
    tokenExpiresAt: ok ? inSeconds(24 * 3600) : null,
    tokenSecondsLeft: ok ? 24 * 3600 : null,
    certificate: null,
    damReadable: ok ? true : null,
    steps: ok
      ? [
          { step: 'readDam', label: 'Get an access token', outcome: 'passed', detail: 'Token valid for 24 h.', code: null },
          { step: 'readDam', label: 'Ask AEM who we are', outcome: 'passed', detail: 'AEM knows this connection as 84bb3f97@techacct.adobe.com.', code: null },
          { step: 'readDam', label: 'Read the DAM root (/content/dam)', outcome: 'passed', detail: 'The DAM root can be read.', code: null },
        ]
      : [
          {
            step: 'readDam', label: 'Get an access token',
            outcome: 'failed',
            detail:
              'Adobe IMS refused the client id cm-p12345-e67890-integration: this AEM environment has not allow-listed it. Ask a Cloud Manager administrator to add it.',
            code: 'auth',
          },
          { step: 'readDam', label: 'Ask AEM who we are', outcome: 'skipped', detail: 'Not tried: the credentials are not usable.', code: null },
          { step: 'readDam', label: 'Read the DAM root (/content/dam)', outcome: 'skipped', detail: 'Not tried: the credentials are not usable.', code: null },
        ],
    allows: ok
      ? [
          { path: 'classicRead', label: 'Read assets (Assets API)', allowed: 'ok', detail: 'The DAM can be read.', instead: null },
          { path: 'queryBuilder', label: 'Search (QueryBuilder)', allowed: 'ok', detail: 'QueryBuilder answers searches.', instead: null },
          {
            path: 'batchWrites',
            label: 'Batch writes',
            allowed: 'notAllowed',
            detail: 'AEM gives no CSRF token (/libs/granite/csrf/token.json): AEM does not offer it here (HTTP 404).',
            instead: 'Each asset is written on its own (slower). Metadesk remembers this for this connection for 30 days.',
          },
          {
            path: 'graphqlEndpoints',
            label: 'GraphQL endpoints',
            allowed: 'unavailable',
            detail: 'AEM did not list its GraphQL endpoints.',
            instead: 'The API console offers "global"; type another configuration\'s name if you know it.',
          },
        ]
      : [],
    canDo: ok
      ? [
          { ability: 'metadata', can: 'yes', text: 'Can read and change metadata' },
          { ability: 'search', can: 'yes', text: 'Can find assets by what their metadata holds' },
          { ability: 'graphql', can: 'no', text: 'Cannot run GraphQL queries' },
        ]
      : [],
  };
}

/** Two levels of sample folders under the DAM root, with a few assets in each. */
function folderPage(folder: string): FolderPage {
  const depth = folder.split('/').filter(Boolean).length;
  const names = depth < 4 ? ['adventures', 'magazine', 'site'] : [];
  return {
    folder,
    folders: names.map((name) => ({ path: `${folder.replace(/\/$/, '')}/${name}`, name })),
    assets: depth < 3 ? 0 : 24,
    total: names.length + (depth < 3 ? 0 : 24),
    nextOffset: null,
  };
}

const DROPPED: FileOutcome[] = [
  { file: 'notes.json', result: { state: 'refused', code: 'credential_refused', problems: ['The file holds a list (a JSON array), not a credential.'] } },
];

mockWindows('main');
mockIPC(
  async (cmd, args) => {
    if (cmd === 'list_connections') return CONNECTIONS;
    if (cmd === 'sandbox_status') return { state: 'running', url: 'http://127.0.0.1:41811' };
    if (cmd === 'connection_health') return HEALTH;
    // Bulk edit: a small DAM to browse and count; previews and runs are not faked (the page
    // shows "preview: no mock for …" in place, like any command error).
    if (cmd === 'list_runs') return [];
    if (cmd === 'list_folder') return folderPage((args as { folder: string }).folder);
    if (cmd === 'complete_folder_path') return [];
    if (cmd === 'count_scope') {
      await sleep(300);
      return { kind: 'folder', assets: 128, contentFragments: 2, filteredOut: 0, folders: 3, unlistedFolders: 0, done: true };
    }
    // `?lang=fr` previews the French window.
    if (cmd === 'language_settings' || cmd === 'set_language') {
      const chosen = cmd === 'set_language' ? ((args as { chosen: 'en' | 'fr' | null }).chosen ?? null) : null;
      const system = new URLSearchParams(location.search).get('lang') === 'fr' ? 'fr' : 'en';
      return { chosen, system, effective: chosen ?? system };
    }
    if (cmd === 'test_connection') {
      await sleep(800);
      return testReport((args as { id: string }).id);
    }
    if (cmd !== 'check_health') throw { code: 'internal', message: `preview: no mock for ${cmd}` };
    const channel = (args as { onStep: { id: number } }).onStep;
    await sleep(150);
    sendStep(channel, 0, FOLDERS);
    if (scenario === 'pending') return new Promise(() => {});
    if (scenario === 'error') throw { code: 'internal', message: 'The start-up check stopped unexpectedly. Restart Metadesk.' };
    await sleep(150);
    const health = healthFor(scenario);
    const keychainStep: CheckStep = {
      label: 'System keychain',
      ok: health.keychain.state === 'available',
      detail: health.keychain.state === 'available' ? `available (${health.keychain.backend})` : health.keychain.message,
    };
    sendStep(channel, 1, keychainStep);
    return health;
  },
  { shouldMockEvents: true },
);

guardAgainstDropNavigation(window);
const target = document.getElementById('app');
if (target) mount(App, { target });

void (async () => {
  const section = params.get('section');
  if (section) document.querySelector<HTMLButtonElement>(`[data-testid="nav-${section}"]`)?.click();
  while (document.body.dataset.ready !== '1' && scenario !== 'pending') await sleep(50);
  const drop = params.get('drop');
  if (drop) {
    await emit('files-dropped', drop.split(','));
    for (const outcome of DROPPED) await emit('import-result', outcome);
  }
  if (params.get('drag')) await emit('tauri://drag-enter', { paths: [], position: { x: 0, y: 0 } });
})();
