// Which actions the Activity list offers for a run, from its status, its counts and the runs
// that undid it (bulk/undoLinks.ts). None writes: a log is no place for a one-click write, so a
// previewed run offers its preview (where Apply is) and an unfinished one its report (where
// Resume is). Plain logic, tested in ActivityPage.test.ts ("actions per status", "a run and its
// undo", "no write from the history list").
import type { RunSummary } from '../../ipc/bindings/RunSummary';
import { undoAction } from '../bulk/undoLinks';

export type RunAction = 'open-report' | 'open-preview' | 'open-import' | 'open-upload' | 'open-move' | 'undo' | 'redo' | 'show-progress';

/** The actions for `run`, in the order they are shown; `running` when this window applies it;
 *  `runs` the history it is part of (what undid it, what it undid). */
export function actionsFor(run: RunSummary, running: boolean, runs: readonly RunSummary[] = []): RunAction[] {
  if (running) return ['show-progress'];
  // Where the core says the run is shown (`opens`): a tag import or a rename (and its undo) on
  // the Tags page, an upload (and its undo) on the Upload page, a move (or its undo) in the
  // Move panel, where each is resumed and undone; any other run by its preview or report.
  switch (run.opens.page) {
    case 'tags':
      return ['open-import'];
    case 'upload':
      return ['open-upload'];
    case 'move':
      return ['open-move'];
    case 'report':
      break;
  }
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
