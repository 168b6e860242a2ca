// Where assets stand on the website, in words and colours: each row's state (a publish run's
// at its preview, an edit's, a sheet's or an undo's before it changed anything), the counts a
// summary repeats, and what republishing would publish.
import type { PublicationCounts } from '../../ipc/bindings/PublicationCounts';
import type { PublicationState } from '../../ipc/bindings/PublicationState';
import type { RunSummary } from '../../ipc/bindings/RunSummary';
import { MEANING_TONES, type Meaning, type MeaningTone, type Outcome } from '../../lib/outcomes';
import { isPublication, publicationOf } from './runKind';

type Translate = (id: string, args?: Record<string, string | number>) => string;

export const PUBLICATION_WORDS: Record<PublicationState, string> = {
  never_published: 'bulk-publication-never-published',
  modified: 'bulk-publication-modified',
  up_to_date: 'bulk-publication-up-to-date',
  unpublished: 'bulk-publication-unpublished',
};

/** A state as shown: an asset's or a fragment's, or a fragment's `DRAFT` (not on the website,
 *  whether it ever was is not said). */
export type ShownState = PublicationState | 'not_live';

/** How each state looks, the same wherever one is shown (PublicationPill.svelte): its own icon,
 *  and the colour of what it means for the person (lib/outcomes.ts, issue 77: one meaning per
 *  colour on every table): green for what the website shows as it is, amber for an old version
 *  live, grey for what is not on the website, never published or taken off on purpose. */
export const PUBLICATION_LOOK: Record<ShownState, { meaning: Meaning; tone: MeaningTone; icon: string }> = {
  up_to_date: look('done', '●'),
  modified: look('attention', '◐'),
  never_published: look('left-alone', '○'),
  not_live: look('left-alone', '○'),
  unpublished: look('left-alone', '⊘'),
};

function look(meaning: Meaning, icon: string): { meaning: Meaning; tone: MeaningTone; icon: string } {
  return { meaning, tone: MEANING_TONES[meaning], icon };
}

/** The publication pills `states` draw, as outcomes for a table's legend (`meaningsOf`): the
 *  legend then names their colours too. A state not known draws no pill. */
export function publicationOutcomes(states: Iterable<ShownState | null | undefined>): Outcome[] {
  const out: Outcome[] = [];
  for (const state of states) if (state) out.push({ word: PUBLICATION_WORDS[state === 'not_live' ? 'never_published' : state], meaning: PUBLICATION_LOOK[state].meaning });
  return out;
}

/** The assets by where they stand, in words ("12 never published · 3 changed since
 *  published"), states without assets left out; `null` when the run did not ask. */
export function websiteCounts(t: Translate, counts: PublicationCounts | undefined): string | null {
  if (!counts) return null;
  const parts = (
    [
      ['bulk-publication-count-never', counts.neverPublished],
      ['bulk-publication-count-modified', counts.modified],
      ['bulk-publication-count-up-to-date', counts.upToDate],
      ['bulk-publication-count-unpublished', counts.unpublished],
    ] as const
  )
    .filter(([, count]) => count > 0)
    .map(([id, count]) => t(id, { count }));
  return parts.length > 0 ? parts.join(' · ') : null;
}

/** Whether a run edits values (rather than publishing): assets, or content fragments, which
 *  their connection republishes through AEM's Sites API (issue 68). */
function edits(run: RunSummary): boolean {
  return !isPublication(run);
}

/** What an edit's report offers to republish: how many of its changed assets (or content
 *  fragments) were on the website (`count`, null when its preview did not know), or `null`
 *  where nothing is offered — a publish run, nothing changed, or none of the changed live. */
export function republishOffer(run: RunSummary): { count: number | null } | null {
  if (!edits(run) || run.counts.changed === 0) return null;
  if (run.status === 'previewed' || run.status === 'preview_incomplete') return null;
  const count = run.changedOnWebsite ?? null;
  return count === 0 ? null : { count };
}

/** What "Then republish" at apply would publish: how many of the planned changes are of assets
 *  on the website (`count`, null when not known), or `null` where it is not offered. */
export function republishTick(run: RunSummary): { count: number | null } | null {
  if (!edits(run)) return null;
  const count = run.toChangeOnWebsite ?? null;
  return count === 0 ? null : { count };
}

/** A republish run: a publish run of what an edit changed. */
export function isRepublish(run: RunSummary): boolean {
  return publicationOf(run) === 'republish';
}

/** A republish's outcome in words: "Published 6 · not on the website, left alone 18" (those
 *  were never published, or were taken down, before the edit). */
export function republishedLine(t: Translate, run: RunSummary): string | null {
  if (!isRepublish(run) || run.appliedAt === null) return null;
  const states = run.publication;
  const left = states ? states.neverPublished + states.unpublished : 0;
  return t('bulk-republished-line', { published: run.counts.changed, left });
}

/** What goes live after the apply when "Then republish" is ticked, in words; `null` when it is
 *  not ticked or not offered. Repeated in the run's summary and the production dialog. */
export function thenRepublishLine(t: Translate, run: RunSummary, ticked: boolean): string | null {
  const tick = ticked && run.status === 'previewed' ? republishTick(run) : null;
  if (!tick) return null;
  return tick.count === null ? t('bulk-then-republish-unknown') : t('bulk-then-republish', { count: tick.count });
}

/** A content fragment's status as AEM's Sites API says it, as the state an asset would have
 *  and in the same words (a fragment's own catalogue ids, for French's genders), never the raw
 *  value: `NEW` (never published; the sandbox says `DRAFT` once it is taken down), `DRAFT`
 *  (not on the website), `PUBLISHED`, `MODIFIED` (changed since published), `UNPUBLISHED`
 *  (taken off). A status this app does not know is "not known" (`state` null). */
export function fragmentStatus(status: string): { state: ShownState | null; words: string } {
  switch (status.toUpperCase()) {
    case 'NEW':
      return { state: 'never_published', words: 'fragment-status-new' };
    case 'DRAFT':
      return { state: 'not_live', words: 'fragment-status-draft' };
    case 'PUBLISHED':
      return { state: 'up_to_date', words: 'fragment-status-published' };
    case 'MODIFIED':
      return { state: 'modified', words: 'fragment-status-modified' };
    case 'UNPUBLISHED':
      return { state: 'unpublished', words: 'fragment-status-unpublished' };
    default:
      return { state: null, words: 'bulk-publication-unknown' };
  }
}
