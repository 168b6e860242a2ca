// What goes live, in words: the counts a summary repeats, what the republish offers say, and
// where nothing is offered because nothing is on the website.
import { describe, expect, it } from 'vitest';

import { I18n } from '../../lib/i18n/i18n.svelte';
import { MEANING_TONES } from '../../lib/outcomes';
import { runSummary } from '../../test-fixtures';
import type { PublicationState } from '../../ipc/bindings/PublicationState';
import {
  PUBLICATION_LOOK,
  PUBLICATION_WORDS,
  fragmentStatus,
  isRepublish,
  republishedLine,
  republishOffer,
  republishTick,
  thenRepublishLine,
  websiteCounts,
} from './publication';

const en = new I18n('en');
const fr = new I18n('fr');
const applied = { status: 'completed' as const, appliedAt: '2026-03-02T09:20:00Z' };
const counts = (changed: number) => ({ assets: 24, changed, unchanged: 0, skipped: 24 - changed, failed: 0, pending: 0 });

describe('where assets stand on the website', () => {
  it('counts the states that have assets, in words, and says nothing when the run did not ask', () => {
    const states = { neverPublished: 12, modified: 3, upToDate: 0, unpublished: 1 };
    expect(websiteCounts(en.t, states)).toBe('12 never published · 3 changed since published · 1 taken off the website');
    expect(websiteCounts(fr.t, states)).toBe('12 jamais publiées · 3 modifiées depuis leur publication · 1 retirée du site web');
    expect(websiteCounts(fr.t, { neverPublished: 1, modified: 1, upToDate: 2, unpublished: 0 })).toBe('1 jamais publiée · 1 modifiée depuis sa publication · 2 à jour');
    expect(websiteCounts(en.t, undefined)).toBeNull();
    expect(websiteCounts(en.t, { neverPublished: 0, modified: 0, upToDate: 0, unpublished: 0 })).toBeNull();
  });

  it('words every fragment status, never the raw one', () => {
    for (const status of ['NEW', 'DRAFT', 'PUBLISHED', 'MODIFIED', 'UNPUBLISHED', 'SOMETHING']) {
      const words = en.t(fragmentStatus(status).words);
      expect(words).not.toContain(status);
      expect(words).not.toMatch(/^[A-Z]+$/);
    }
    expect(en.t(fragmentStatus('DRAFT').words)).toBe('Not on the website');
    expect(fr.t(fragmentStatus('MODIFIED').words)).toBe('Modifié depuis sa publication');
    expect(fragmentStatus('PUBLISHED').state).toBe('up_to_date');
  });

  it('has one vocabulary: a fragment’s status is an asset’s state, in the same words', () => {
    const states: Record<string, PublicationState> = { NEW: 'never_published', PUBLISHED: 'up_to_date', MODIFIED: 'modified', UNPUBLISHED: 'unpublished' };
    for (const [status, state] of Object.entries(states)) {
      expect(fragmentStatus(status).state).toBe(state);
      expect(en.t(fragmentStatus(status).words)).toBe(en.t(PUBLICATION_WORDS[state]));
    }
    expect(en.t(PUBLICATION_WORDS.unpublished)).toBe('Taken off the website');
    expect(fr.t(PUBLICATION_WORDS.unpublished)).toBe('Retirée du site web');
  });

  it('gives each state its own icon and the colour of what it means; what is not on the website is never green', () => {
    const states: PublicationState[] = ['never_published', 'modified', 'up_to_date', 'unpublished'];
    expect(new Set(states.map((s) => PUBLICATION_LOOK[s].icon)).size).toBe(4);
    expect(PUBLICATION_LOOK.up_to_date.tone).toBe('success');
    expect(PUBLICATION_LOOK.modified.tone).toBe('warning');
    expect(PUBLICATION_LOOK.never_published.tone).toBe('neutral');
    // Taken off the website on purpose: grey like anything left alone, not a fifth colour the
    // legend does not explain (issue 77). Seen failing while it was blue ('info').
    expect(PUBLICATION_LOOK.unpublished).toMatchObject({ meaning: 'left-alone', tone: 'neutral' });
    for (const s of states) expect(PUBLICATION_LOOK[s].tone).toBe(MEANING_TONES[PUBLICATION_LOOK[s].meaning]);
    // The fragments' "not on the website" (DRAFT) looks as never published: not live, nothing wrong.
    expect(PUBLICATION_LOOK.not_live).toEqual(PUBLICATION_LOOK.never_published);
  });
});

describe('republishing', () => {
  it('offers to republish the changed assets that are on the website, with how many', () => {
    const run = runSummary({ ...applied, counts: counts(24), changedOnWebsite: 6 });
    expect(republishOffer(run)).toEqual({ count: 6 });
    expect(en.t('bulk-republish-on-website', { count: 6 })).toBe('Republish the 6 that are on the website…');
  });

  it('offers nothing where nothing is live: none on the website, a publish run, nothing changed, not applied', () => {
    expect(republishOffer(runSummary({ ...applied, counts: counts(24), changedOnWebsite: 0 }))).toBeNull();
    const publish = { kind: 'publish' as const, replication: 'publish' as const, agent: 'publish' as const };
    expect(republishOffer(runSummary({ ...applied, counts: counts(24), kind: publish }))).toBeNull();
    expect(republishOffer(runSummary({ ...applied, counts: counts(0), changedOnWebsite: 0 }))).toBeNull();
    expect(republishOffer(runSummary({ counts: counts(24), changedOnWebsite: 3 }))).toBeNull();
  });

  it('offers to republish the changed content fragments that are live, as for assets (issue 68)', () => {
    const fragments = { model: 'adventure' };
    expect(republishOffer(runSummary({ ...applied, counts: counts(4), fragments, changedOnWebsite: 2 }))).toEqual({ count: 2 });
    expect(republishTick(runSummary({ counts: counts(4), fragments, toChangeOnWebsite: 2 }))).toEqual({ count: 2 });
    expect(en.t('bulk-fragments-live-explain', { count: 2 })).toBe(
      '2 of the changed content fragments are live: the website shows their old values until they are republished.',
    );
    expect(republishOffer(runSummary({ ...applied, counts: counts(4), fragments, changedOnWebsite: 0 }))).toBeNull();
    expect(republishOffer(runSummary({ ...applied, counts: counts(0), fragments, changedOnWebsite: 0 }))).toBeNull();
    expect(republishOffer(runSummary({ counts: counts(4), fragments, changedOnWebsite: 2 }))).toBeNull();
  });

  it('still offers it, without a number, where the preview did not know (older runs)', () => {
    expect(republishOffer(runSummary({ ...applied, counts: counts(24) }))).toEqual({ count: null });
  });

  it('ticks "Then republish" only where some of the changes are live, and repeats it in words', () => {
    const run = runSummary({ toChangeOnWebsite: 4 });
    expect(republishTick(run)).toEqual({ count: 4 });
    expect(republishTick(runSummary({ toChangeOnWebsite: 0 }))).toBeNull();
    expect(thenRepublishLine(en.t, run, true)).toBe('Then republishes the 4 that are on the website');
    expect(thenRepublishLine(fr.t, run, true)).toBe('Puis republie les 4 qui sont sur le site web');
    expect(thenRepublishLine(en.t, run, false)).toBeNull();
    expect(thenRepublishLine(en.t, runSummary({ toChangeOnWebsite: 0 }), true)).toBeNull();
  });

  it("says what a republish did: published, and not on the website, left alone", () => {
    const run = runSummary({
      ...applied,
      kind: { kind: 'publish', replication: 'publish', agent: 'publish', from: { kind: 'republish', of: 'r0' } },
      counts: counts(6),
      publication: { neverPublished: 15, modified: 6, upToDate: 0, unpublished: 3 },
    });
    expect(isRepublish(run)).toBe(true);
    expect(republishedLine(en.t, run)).toBe('Published 6 · not on the website, left alone 18');
    expect(republishedLine(fr.t, run)).toBe('Publiées\u00a0: 6 · absentes du site web, laissées telles quelles\u00a0: 18');
    expect(republishedLine(en.t, runSummary({ ...applied }))).toBeNull();
  });
});
