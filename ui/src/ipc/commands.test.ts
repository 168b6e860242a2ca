// The seam against Tauri's own IPC mock: the real invoke and Channel code runs, only the Rust
// side is played by the test.
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { AppHealth } from './bindings/AppHealth';
import type { CheckStep } from './bindings/CheckStep';
import { applyTaxonomyRun, checkHealth, connectionHealth, listConnections, previewTagImport, previewTagRename, undoTagImport } from './commands';
import { UNEXPECTED_MESSAGE } from './errors';

const HEALTH: AppHealth = {
  version: '0.1.0',
  keychain: { state: 'available', backend: 'Secret Service' },
  configDir: '/c',
  dataDir: '/d',
  logDir: '/l',
};
const STEPS: CheckStep[] = [
  { label: 'App folders', ok: true, detail: 'ready in /d' },
  { label: 'System keychain', ok: true, detail: 'available (Secret Service)' },
];

interface ChannelLike {
  id: number;
}

/** Sends `message` on a channel the way the Rust side does: indexed, in order. mockIPC
 *  installs `runCallback` on Tauri's internals object; it is not in the public types. */
function sendOnChannel(channel: ChannelLike, index: number, message: unknown) {
  const internals = (window as unknown as { __TAURI_INTERNALS__: { runCallback: (id: number, data: unknown) => void } })
    .__TAURI_INTERNALS__;
  internals.runCallback(channel.id, { index, message });
}

afterEach(() => {
  clearMocks();
  vi.restoreAllMocks();
});

describe('checkHealth', () => {
  it('streams each step before resolving with the health', async () => {
    const seen: string[] = [];
    mockIPC((cmd, args) => {
      expect(cmd).toBe('check_health');
      const channel = (args as { onStep: ChannelLike }).onStep;
      STEPS.forEach((step, index) => sendOnChannel(channel, index, step));
      seen.push('resolved');
      return HEALTH;
    });

    const result = await checkHealth((step) => seen.push(step.label));
    expect(result).toEqual(HEALTH);
    expect(seen).toEqual(['App folders', 'System keychain', 'resolved']);
  });

  it('delivers steps in order even when they arrive out of order', async () => {
    mockIPC((_cmd, args) => {
      const channel = (args as { onStep: ChannelLike }).onStep;
      sendOnChannel(channel, 1, STEPS[1]);
      sendOnChannel(channel, 0, STEPS[0]);
      return HEALTH;
    });
    const labels: string[] = [];
    await checkHealth((step) => labels.push(step.label));
    expect(labels).toEqual(['App folders', 'System keychain']);
  });

  it('rejects with the command’s IpcError unchanged', async () => {
    mockIPC(() => {
      throw { code: 'io', message: 'Metadesk cannot write to its folder.' };
    });
    await expect(checkHealth(() => {})).rejects.toEqual({
      code: 'io',
      message: 'Metadesk cannot write to its folder.',
    });
  });

  it('rejects with an internal IpcError when Tauri refuses the call', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    mockIPC(() => {
      throw 'Command check_health not allowed by ACL';
    });
    await expect(checkHealth(() => {})).rejects.toEqual({ code: 'internal', message: UNEXPECTED_MESSAGE });
  });
});

describe('the page says while it waits on the Rust side', () => {
  const working = () => document.documentElement.dataset.working;

  it('counts each command until it answers or fails', async () => {
    const answers: Array<(value: unknown) => void> = [];
    mockIPC((cmd) => {
      if (cmd === 'list_connections') return new Promise((resolve) => answers.push(resolve));
      throw { code: 'io', message: 'refused' };
    });
    expect(working()).toBeUndefined();
    const first = listConnections();
    const second = listConnections();
    await vi.waitFor(() => expect(answers).toHaveLength(2));
    expect(working()).toBe('2');
    answers[0]?.([]);
    await first;
    expect(working()).toBe('1');
    answers[1]?.([]);
    await second;
    expect(working()).toBeUndefined();

    await expect(connectionHealth()).rejects.toEqual({ code: 'io', message: 'refused' });
    expect(working()).toBeUndefined();
  });
});

describe('a tag import and a tag rename, previewed and applied as every run', () => {
  const PLAN = {
    fileName: 'ns:surf',
    rows: 1,
    created: [],
    changed: [{ row: 0, id: 'ns:surf', property: 'jcr:title', before: 'Surf', after: 'Surfing' }],
    runId: 'r7',
  };

  it('asks the one preview command, then reads the journaled plan back by its run', async () => {
    const asked: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      asked.push([cmd, cmd === 'preview' ? (args as { ask: unknown }).ask : args]);
      if (cmd === 'preview') return { id: 'r7' };
      return { connectionId: 'c1', preview: PLAN, applied: null, rename: { tag: 'ns:surf', from: 'Surf', to: 'Surfing' }, undone: null };
    });
    const request = { tag: 'ns:surf', title: 'Surfing', titles: {} };
    const renamed = await previewTagRename('c1', request);
    expect(renamed).toEqual({ tag: 'ns:surf', from: 'Surf', to: 'Surfing', changed: PLAN.changed, runId: 'r7' });
    const imported = await previewTagImport('c1', 'sheet-1');
    expect(imported).toEqual(PLAN);
    expect(asked).toEqual([
      ['preview', { what: 'tagRename', connectionId: 'c1', request }],
      ['open_tag_import_run', { runId: 'r7' }],
      ['preview', { what: 'tagImport', connectionId: 'c1', sheetId: 'sheet-1' }],
      ['open_tag_import_run', { runId: 'r7' }],
    ]);
  });

  it('writes the run by its id through apply_run, then says what it did', async () => {
    const applied = { id: 'r7', created: 0, changed: 1, changedSince: [], stopped: null };
    const asked: string[] = [];
    mockIPC((cmd, args) => {
      asked.push(cmd);
      if (cmd === 'apply_run') {
        expect((args as { request: unknown }).request).toEqual({ runId: 'r7', confirmName: 'Prod', emptyRequired: false, republish: false });
        return { id: 'r7' };
      }
      return { connectionId: 'c1', preview: PLAN, applied, rename: null, undone: null };
    });
    expect(await applyTaxonomyRun('r7', 'Prod')).toEqual(applied);
    expect(asked).toEqual(['apply_run', 'open_tag_import_run']);
  });

  it('undoes an import as every run: its undo previewed, applied by its id, then read back', async () => {
    const undone = { id: 'r7', restored: 1, removed: 0, kept: [] };
    const asked: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      asked.push([cmd, cmd === 'preview' ? (args as { ask: unknown }).ask : cmd === 'apply_run' ? (args as { request: unknown }).request : args]);
      if (cmd === 'preview') return { id: 'u1' };
      if (cmd === 'apply_run') return { id: 'u1' };
      return { connectionId: 'c1', preview: PLAN, applied: null, rename: null, undone };
    });
    expect(await undoTagImport('r7', 'Prod')).toEqual(undone);
    expect(asked).toEqual([
      ['preview', { what: 'undo', runId: 'r7' }],
      ['apply_run', { runId: 'u1', confirmName: 'Prod', emptyRequired: false, republish: false }],
      ['open_tag_import_run', { runId: 'r7' }],
    ]);
  });
});
