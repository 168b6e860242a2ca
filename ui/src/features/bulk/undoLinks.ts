// How a run and its undo stand to each other in the history, as the core says it in each listed
// run (`undoLinks`, worked out once by the core's `run_undone::link`): which run undid which,
// whether an undo is a redo, and so whether undoing a run would undo, redo or do nothing. A
// run the page holds may be an apply's answer, which the history has not linked: its listed
// copy is read. Shared by Activity's cards, the report's buttons, the Upload page and the Move
// panel; tested in undoLinks.test.ts and ActivityPage.test.ts ("a run and its undo").
import type { RunSummary } from '../../ipc/bindings/RunSummary';
import type { UndoLinks } from '../../ipc/bindings/UndoLinks';
import { undoOf } from './runKind';

/** `run`'s links as the history lists them (an apply's answer has none of its own). */
function linksOf(run: RunSummary, runs: readonly RunSummary[]): UndoLinks {
  return (runs.find((r) => r.id === run.id) ?? run).undoLinks;
}

/** The run of the history with id `id`, if any. */
function listed(id: string | null, runs: readonly RunSummary[]): RunSummary | null {
  return id === null ? null : (runs.find((r) => r.id === id) ?? null);
}

/** What undoing `run` would do, as the button says it: a run whose undo finished has nothing
 *  left to undo (a second undo would find each value already back, or changed by someone
 *  since, and skip it); one whose undo failed or stopped for some assets keeps its Undo for
 *  those; undoing an undo makes its run's changes again. */
export function undoAction(run: RunSummary, runs: readonly RunSummary[]): 'undo' | 'redo' | null {
  return linksOf(run, runs).undoAction;
}

/** The latest run that undid `run` and changed assets, if the history has one. */
export function undoneBy(run: RunSummary, runs: readonly RunSummary[]): RunSummary | null {
  return listed(linksOf(run, runs).undoneBy, runs);
}

/** The latest undo applied to `run` that no later run undid in turn (a redo brings the run's
 *  own outcomes back): the one whose outcomes a report's rows show. An undo of a publication
 *  counts. */
export function lastUndo(run: RunSummary, runs: readonly RunSummary[]): RunSummary | null {
  return listed(linksOf(run, runs).lastUndo, runs);
}

/** The run `run` undid, when it is an undo and the history still has that run. */
export function undoes(run: RunSummary, runs: readonly RunSummary[]): RunSummary | null {
  return listed(undoOf(run), runs);
}

/** Whether `run` is an undo that puts back a change an earlier undo took away (a redo). */
export function isRedo(run: RunSummary, runs: readonly RunSummary[]): boolean {
  return linksOf(run, runs).redo;
}

/** Undone in full by a run that is not itself undone: every asset it changed is back (a
 *  move's too: each asset it moved is where it was). */
export function whollyUndone(run: RunSummary, runs: readonly RunSummary[]): boolean {
  return linksOf(run, runs).whollyUndone;
}
