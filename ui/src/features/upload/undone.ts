// What an upload's undo did, file by file, as the Upload page says it: read from the undo
// run's summary (the core's rows, each reason already in the user's language).
//
// Not here: planning and applying the undo (the core's, through `previewUndo` and `applyRun`).
import type { RunSummary } from '../../ipc/bindings/RunSummary';
import { uploadUndoRows } from '../bulk/runKind';

/** A file the undo kept where it is, with why; no reason when a stopped undo did not reach it. */
export type KeptFile = { path: string; reason: string | null };

/** What an upload's undo did. */
export type UploadUndone = {
  /** The undo's own run, listed in Activity. */
  run: string;
  deleted: string[];
  /** Already gone: deleted by someone, or by an earlier undo. */
  gone: string[];
  /** Kept (changed since, not given back), refused by AEM, or not reached by a stopped undo. */
  kept: KeptFile[];
};

/** What undo run `summary` did to each file of the upload. */
export function undoneFiles(summary: RunSummary): UploadUndone {
  const done: UploadUndone = { run: summary.id, deleted: [], gone: [], kept: [] };
  for (const row of uploadUndoRows(summary)) {
    if (row.state === 'deleted') done.deleted.push(row.path);
    else if (row.state === 'gone') done.gone.push(row.path);
    else done.kept.push({ path: row.path, reason: row.reason });
  }
  return done;
}
