// What a row's colour means, the same on every table (issue 77): green, done or as wanted; grey,
// left alone on purpose; amber, needs attention; red, failed or refused. A row's outcome is a
// catalogue id and one of these meanings; the pill (OutcomePill.svelte) and the legend
// (OutcomeLegend.svelte) are drawn from here alone, so no page picks a colour of its own.
// Plain logic, tested in outcomes.test.ts.

/** The four meanings a colour may carry. */
export type Meaning = 'done' | 'left-alone' | 'attention' | 'failed';

/** Every meaning, in the legend's order. */
export const MEANINGS: readonly Meaning[] = ['done', 'left-alone', 'attention', 'failed'];

/** A pill's class suffix (styles/shared.css): one per meaning, and no other. */
export type MeaningTone = 'success' | 'neutral' | 'warning' | 'danger';

/** Each meaning's pill class (styles/shared.css). */
export const MEANING_TONES: Record<Meaning, MeaningTone> = {
  done: 'success',
  'left-alone': 'neutral',
  attention: 'warning',
  failed: 'danger',
};

/** Each meaning's words in the legend (the catalogue's ids). */
export const MEANING_WORDS: Record<Meaning, string> = {
  done: 'legend-done',
  'left-alone': 'legend-left-alone',
  attention: 'legend-attention',
  failed: 'legend-failed',
};

/** What happened to one row, as its pill says it: the words' catalogue id, their arguments,
 *  and what the colour means. */
export interface Outcome {
  word: string;
  args?: Record<string, string | number>;
  meaning: Meaning;
}

/** The meanings `outcomes` use, in the legend's order: a legend names only the colours its
 *  table shows. */
export function meaningsOf(outcomes: Iterable<Outcome>): Meaning[] {
  const seen = new Set<Meaning>();
  for (const o of outcomes) seen.add(o.meaning);
  return MEANINGS.filter((m) => seen.has(m));
}
