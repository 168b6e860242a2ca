// Which actions the Activity list offers for a run, from its status, its counts and the runs
// that undid it (bulk/undoLinks.ts). None writes: a log is no place for a one-click write, so a
// previewed run offers its preview (where Apply is) and an unfinished one its report (where
// Resume is). Plain logic, tested in ActivityPage.test.ts ("actions per status", "a run and its
// undo", "no write from the history list").
import type { RunSummary } from '../../ipc/bindings/RunSummary';
import { isMove, isTaxonomyRun, isUpload } from '../bulk/runKind';
import { undoAction, undoes } from '../bulk/undoLinks';

/** The upload `run` undid, when it is the undo of an upload the history still has. */
export function uploadUndone(run: RunSummary, runs: readonly RunSummary[]): RunSummary | null {
  const undone = undoes(run, runs);
  return undone && isUpload(undone) ? undone : null;
}

/** The tag import (or rename) `run` undid, when it is the undo of one the history still has. */
export function taxonomyUndone(run: RunSummary, runs: readonly RunSummary[]): RunSummary | null {
  const undone = undoes(run, runs);
  return undone && isTaxonomyRun(undone) ? undone : null;
}

export type RunAction = 'open-report' | 'open-preview' | 'open-import' | 'open-upload' | 'open-move' | 'undo' | 'redo' | 'show-progress';

/** The actions for `run`, in the order they are shown; `running` when this window applies it;
 *  `runs` the history it is part of (what undid it, what it undid). */
export function actionsFor(run: RunSummary, running: boolean, runs: readonly RunSummary[] = []): RunAction[] {
  if (running) return ['show-progress'];
  // A tag import (or a tag's rename, a taxonomy plan too) is shown, resumed and undone where it
  // was made: the Tags page. So is its undo (a run of its own, which is not undone again): it
  // opens the import, which says what its undo put back and kept.
  if (isTaxonomyRun(run) || taxonomyUndone(run, runs)) return ['open-import'];
  // An upload is shown, resumed and undone on the Upload page; so is its undo (a run of its
  // own, which the engine neither applies again nor undoes): it opens the upload.
  if (isUpload(run) || uploadUndone(run, runs)) return ['open-upload'];
  // A move (or its undo) is shown, applied, resumed and undone in the Move panel.
  if (isMove(run)) return ['open-move'];
  const out: RunAction[] = [];
  switch (run.status) {
    case 'previewed':
      return ['open-preview'];
    case 'preview_incomplete':
      return ['open-report'];
    case 'interrupted':
    case 'cancelled':
    case 'stopped':
    case 'completed':
      out.push('open-report');
      break;
  }
  const undo = undoAction(run, runs);
  if (undo) out.push(undo);
  return out;
}
