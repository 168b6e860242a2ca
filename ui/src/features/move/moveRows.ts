// A move's rows as the panel shows them: each row's pill (its state, coloured by what it means,
// outcomes.ts), each page's website pill, and the counts on top. Plain logic, tested in
// move.test.ts.
import type { MovePage } from '../../ipc/bindings/MovePage';
import type { MoveState } from '../../ipc/bindings/MoveState';
import type { MoveView } from '../../ipc/bindings/MoveView';
import type { Outcome } from '../../lib/outcomes';

/** Each state's pill: its words (the catalogue's ids, written out so the catalogue's check
 *  finds them) and what its colour means. */
const STATE_OUTCOMES: Record<MoveState, Outcome> = {
  refused: { word: 'move-panel-state-refused', meaning: 'failed' },
  planned: { word: 'move-panel-state-planned', meaning: 'done' },
  in_doubt: { word: 'move-panel-state-in_doubt', meaning: 'attention' },
  moved: { word: 'move-panel-state-moved', meaning: 'done' },
  left_alone: { word: 'move-panel-state-left_alone', meaning: 'left-alone' },
  failed: { word: 'move-panel-state-failed', meaning: 'failed' },
};

/** A row's pill: its state in words and colour. */
export function stateOutcome(state: MoveState): Outcome {
  return STATE_OUTCOMES[state];
}

/** Whether a page is on the website (AEM not saying counts as on it, as the core does). */
export function pageOnWebsite(page: MovePage): boolean {
  return page.published !== false;
}

/** A page's or an asset's website pill: amber on it (what the website shows changes), grey
 *  not on it. */
export function websiteOutcome(onWebsite: boolean): Outcome {
  return onWebsite ? { word: 'move-panel-on-website', meaning: 'attention' } : { word: 'move-panel-not-on-website', meaning: 'left-alone' };
}

/** The counts on top of a preview: "12 to move · 2 refused · 5 pages will be fixed". */
export function previewCounts(view: MoveView): { planned: number; refused: number; pages: number } {
  return { planned: view.counts.pending + view.counts.failed, refused: view.counts.refused, pages: view.pages };
}
