import { emit } from '@tauri-apps/api/event';
import { clearMocks, mockIPC, mockWindows } from '@tauri-apps/api/mocks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { onDragActivity, onFilesDropped, onSheetDropped, type DragPhase } from './events';

beforeEach(() => {
  mockWindows('main');
  mockIPC(() => null, { shouldMockEvents: true });
});

afterEach(() => {
  clearMocks();
  vi.restoreAllMocks();
});

describe('onFilesDropped', () => {
  it('hands over the names sent with files-dropped, until stopped', async () => {
    const received: string[][] = [];
    const stop = await onFilesDropped((names) => received.push(names));

    await emit('files-dropped', ['a.json', 'b.json']);
    expect(received).toEqual([['a.json', 'b.json']]);

    stop();
    await emit('files-dropped', ['c.json']);
    expect(received).toHaveLength(1);
  });

  it('ignores other events', async () => {
    const handler = vi.fn();
    await onFilesDropped(handler);
    await emit('something-else', ['a.json']);
    expect(handler).not.toHaveBeenCalled();
  });
});

describe('onSheetDropped', () => {
  it('hands over the held sheet sent with sheet-dropped, not credential drops', async () => {
    const received: unknown[] = [];
    const stop = await onSheetDropped((sheet) => received.push(sheet));
    await emit('files-dropped', ['a.json']);
    await emit('sheet-dropped', { id: 'sheet-1', fileName: 'shots.xlsx' });
    expect(received).toEqual([{ id: 'sheet-1', fileName: 'shots.xlsx' }]);
    stop();
  });
});

describe('onDragActivity', () => {
  it('reports each drag phase and never passes paths on', async () => {
    const calls: unknown[][] = [];
    await onDragActivity((...args: unknown[]) => calls.push(args));
    const position = { x: 10, y: 20 };

    await emit('tauri://drag-enter', { paths: ['/home/u/secret.json'], position });
    await emit('tauri://drag-over', { position });
    await emit('tauri://drag-leave', null);
    await emit('tauri://drag-drop', { paths: ['/home/u/secret.json'], position });

    expect(calls).toEqual([['enter'], ['over'], ['leave'], ['drop']] satisfies DragPhase[][]);
    expect(JSON.stringify(calls)).not.toContain('secret.json');
  });

  it('stops reporting once stopped', async () => {
    const handler = vi.fn();
    const stop = await onDragActivity(handler);
    stop();
    // Stopping is asynchronous inside Tauri; let it finish.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await emit('tauri://drag-enter', { paths: [], position: { x: 0, y: 0 } });
    expect(handler).not.toHaveBeenCalled();
  });
});
