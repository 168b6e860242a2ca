// Which actions the Activity list offers for a run, from its status, its counts and the runs
// that undid it (bulk/undoLinks.ts). Plain logic, tested in ActivityPage.test.ts ("actions per
// status", "a run and its undo").
import type { RunSummary } from '../../ipc/bindings/RunSummary';
import { undoAction } from '../bulk/undoLinks';

export type RunAction = 'open-report' | 'open-preview' | 'open-import' | 'apply' | 'resume' | 'undo' | 'redo' | 'show-progress';

/** The actions for `run`, in the order they are shown; `running` when this window applies it;
 *  `runs` the history it is part of (what undid it, what it undid). */
export function actionsFor(run: RunSummary, running: boolean, runs: readonly RunSummary[] = []): RunAction[] {
  if (running) return ['show-progress'];
  // A tag import is shown, resumed and undone where it was made: the Tags page.
  if (run.kind.kind === 'tag_import') return ['open-import'];
  const out: RunAction[] = [];
  switch (run.status) {
    case 'previewed':
      out.push('open-preview');
      if (run.counts.pending > 0) out.push('apply');
      return out;
    case 'preview_incomplete':
      return ['open-report'];
    case 'interrupted':
    case 'cancelled':
    case 'stopped':
      out.push('open-report');
      if (run.counts.pending > 0 || run.status === 'interrupted') out.push('resume');
      break;
    case 'completed':
      out.push('open-report');
      break;
  }
  const undo = undoAction(run, runs);
  if (undo) out.push(undo);
  return out;
}
