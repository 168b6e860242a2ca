// Dev-only preview of the UI in a plain browser, with the Rust side faked by Tauri's IPC
// mocks. Never part of the production build (vite.config.ts only builds ../index.html, and
// scripts/check-dist.js fails the build if mock code shows up in dist).
//
// Query parameters:
//   keychain=available|unavailable|locked|error|pending   what the start-up check reports
//   section=connections|bulk|activity                      which section to open
//   drop=a.json,b.json                                     files "dropped" after start-up
//   drag=1                                                 show the drop overlay
import '../src/styles/tokens.css';
import '../src/styles/base.css';

import { emit } from '@tauri-apps/api/event';
import { mockIPC, mockWindows } from '@tauri-apps/api/mocks';
import { mount } from 'svelte';

import App from '../src/App.svelte';
import type { AppHealth } from '../src/ipc/bindings/AppHealth';
import type { CheckStep } from '../src/ipc/bindings/CheckStep';
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

mockWindows('main');
mockIPC(
  async (cmd, args) => {
    if (cmd !== 'check_health') throw `preview: no mock for ${cmd}`;
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
  if (drop) await emit('files-dropped', drop.split(','));
  if (params.get('drag')) await emit('tauri://drag-enter', { paths: [], position: { x: 0, y: 0 } });
})();
