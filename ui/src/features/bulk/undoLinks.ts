// How a run and its undo stand to each other in the history: which run undid which, whether an
// undo is a redo, and so whether undoing a run would undo, redo or do nothing. Shared by
// Activity's cards and the report's buttons; tested in ActivityPage.test.ts ("a run and its undo").
import type { RunSummary } from '../../ipc/bindings/RunSummary';
import { takesBack, undoOf } from './runKind';

/** What undoing `run` would do, as the button says it: a run whose undo finished has nothing
 *  left to undo (a second undo would find each value already back, or changed by someone
 *  since, and skip it); one whose undo failed or stopped for some assets keeps its Undo for
 *  those; undoing an undo makes its run's changes again. */
export function undoAction(run: RunSummary, runs: readonly RunSummary[]): 'undo' | 'redo' | null {
  if (run.counts.changed === 0 || whollyUndone(run, runs)) return null;
  return undoRedoes(run, runs) ? 'redo' : 'undo';
}

/** The latest run that undid `run` and changed assets, if the history has one. */
export function undoneBy(run: RunSummary, runs: readonly RunSummary[]): RunSummary | null {
  let latest: RunSummary | null = null;
  for (const other of runs) {
    if (undoOf(other) === run.id && other.counts.changed > 0) {
      if (!latest || (other.appliedAt ?? other.created) > (latest.appliedAt ?? latest.created)) latest = other;
    }
  }
  return latest;
}

/** The latest undo applied to `run` that no later run undid in turn (a redo brings the run's
 *  own outcomes back): the one whose outcomes a report's rows show (the core's
 *  `runs::latest_undo`, which fills each row's `undone`). An undo of a publication counts. */
export function lastUndo(run: RunSummary, runs: readonly RunSummary[]): RunSummary | null {
  const latestOf = (id: string): RunSummary | null => {
    let latest: RunSummary | null = null;
    for (const other of runs) {
      if (takesBack(other) !== id || other.appliedAt === null) continue;
      if (!latest || other.appliedAt > (latest.appliedAt ?? '')) latest = other;
    }
    return latest;
  };
  const undo = latestOf(run.id);
  return undo && latestOf(undo.id) === null ? undo : null;
}

/** The run `run` undid, when it is an undo and the history still has that run. */
export function undoes(run: RunSummary, runs: readonly RunSummary[]): RunSummary | null {
  const of = undoOf(run);
  if (of === null) return null;
  return runs.find((r) => r.id === of) ?? null;
}

/** Whether `run` is an undo that puts back a change an earlier undo took away (a redo). */
export function isRedo(run: RunSummary, runs: readonly RunSummary[]): boolean {
  return undoOf(run) !== null && undoDepth(run, runs) % 2 === 0;
}

/** Whether undoing `run` would make a change again: `run` is an undo (not itself a redo). */
export function undoRedoes(run: RunSummary, runs: readonly RunSummary[]): boolean {
  return undoDepth(run, runs) % 2 === 1;
}

/** How many undos deep `run` is: 0 for an edit, 1 for its undo, 2 for the undo of that… A run
 *  the history no longer has counts as an edit. */
function undoDepth(run: RunSummary, runs: readonly RunSummary[]): number {
  let depth = 0;
  const seen = new Set<string>();
  let current: RunSummary | null = run;
  while (current && undoOf(current) !== null && !seen.has(current.id)) {
    seen.add(current.id);
    depth += 1;
    current = undoes(current, runs);
  }
  return depth;
}

/** Undone in full by a run that is not itself undone: every asset it changed is back (a
 *  move's too: each asset it moved is where it was). */
export function whollyUndone(run: RunSummary, runs: readonly RunSummary[]): boolean {
  const undo = undoneBy(run, runs);
  if (!undo || undo.status !== 'completed' || undo.counts.failed > 0 || undo.counts.pending > 0) return false;
  return undoneBy(undo, runs) === null;
}
