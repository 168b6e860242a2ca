// The rows of the small bars per subfolder (FolderBars.svelte), made of the core's tallies: a
// count's assets per direct subfolder before a run, a run's outcomes per subfolder after it.
// Not here: the counting itself (the core's `bulk/by_folder.rs`) or the drawing.
import type { FolderCount } from '../ipc/bindings/FolderCount';
import type { FolderOutcome } from '../ipc/bindings/FolderOutcome';
import type { I18n } from './i18n/i18n.svelte';

/** A segment's colour: a count's assets, or a report's outcome (as in its chart above). */
export type FolderSegmentKey = 'assets' | 'changed' | 'unchanged' | 'skipped' | 'failed' | 'pending';

export interface FolderSegment {
  key: FolderSegmentKey;
  value: number;
}

/** One folder's bar: its name, its segments and the same numbers in words. */
export interface FolderBar {
  /** The core's name for the folder (`""` is the chosen folder itself). */
  key: string;
  name: string;
  total: number;
  segments: FolderSegment[];
  words: string;
}

/** Whether the tallies split anything: bars are worth drawing only once a subfolder has some. */
export function splitsIntoSubfolders(folders: readonly { folder: string }[]): boolean {
  return folders.some((f) => f.folder !== '');
}

function folderName(i18n: I18n, folder: string): string {
  return folder === '' ? i18n.t('folder-bars-itself') : folder;
}

/** A count's bars: assets per subfolder. */
export function countBars(i18n: I18n, folders: readonly FolderCount[]): FolderBar[] {
  return folders.map((f) => ({
    key: f.folder,
    name: folderName(i18n, f.folder),
    total: f.assets,
    segments: [{ key: 'assets', value: f.assets }],
    words: i18n.t('assets-count', { count: f.assets }),
  }));
}

/** A report's bars: changed, already as wanted, skipped, failed (and not applied yet) per
 *  folder. `undo`: the changed assets are values put back. */
export function outcomeBars(i18n: I18n, folders: readonly FolderOutcome[], undo = false): FolderBar[] {
  return folders.map((f) => {
    const parts: [FolderSegmentKey, number, string][] = [
      ['changed', f.changed, undo ? 'count-put-back' : 'count-changed'],
      ['unchanged', f.unchanged, 'count-unchanged'],
      ['skipped', f.skipped, 'count-skipped'],
      ['failed', f.failed, 'count-failed'],
      ['pending', f.pending, 'count-pending'],
    ];
    const shown = parts.filter(([, n]) => n > 0);
    return {
      key: f.folder,
      name: folderName(i18n, f.folder),
      total: f.assets,
      segments: shown.map(([key, value]) => ({ key, value })),
      words: shown.map(([, count, id]) => i18n.t(id, { count })).join(' · '),
    };
  });
}
