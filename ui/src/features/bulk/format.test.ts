// Progress and report wording: rate, time left, percent, durations, the chart's numbers and the
// sentence about failed assets.
import { describe, expect, it } from 'vitest';

import type { Counts } from '../../ipc/bindings/Counts';
import type { Edit } from '../../ipc/bindings/Edit';
import type { Progress } from '../../ipc/bindings/Progress';
import { I18n } from '../../lib/i18n/i18n.svelte';
import { runSummary } from '../../test-fixtures';
import {
  assets,
  chartParts,
  changeWeights,
  count,
  countsLine,
  differs,
  listDiff,
  editLine,
  asSentence,
  failureSummary,
  fullStop,
  percent,
  previewLine,
  rate,
  runIdTime,
  selectionLine,
  timeLeft,
  value,
  whereIn,
} from './format';
import { statusSentence, statusTone, statusWords } from './runStatus';
import { kindLine } from './runKind';

/** The English catalogue, the default in tests. */
const en = new I18n('en');

function counts(overrides: Partial<Counts> = {}): Counts {
  return { assets: 0, changed: 0, unchanged: 0, skipped: 0, failed: 0, pending: 0, ...overrides };
}

function progress(overrides: Partial<Progress> = {}): Progress {
  return {
    runId: 'r1',
    phase: 'preview',
    done: 0,
    total: 0,
    totalKnown: true,
    changed: 0,
    unchanged: 0,
    skipped: 0,
    failed: 0,
    rate: 0,
    etaSecs: null,
    concurrency: 4,
    paused: false,
    throttled: 0,
    finished: false,
    ...overrides,
  };
}

describe('numbers', () => {
  it('groups thousands', () => {
    expect(count(en, 1234567)).toBe('1,234,567');
    expect(assets(en, 1)).toBe('1 asset');
    expect(assets(en, 2000)).toBe('2,000 assets');
  });

  it('gives whole percents and says 100 only when all is done', () => {
    expect(percent(0, 0)).toBe(0);
    expect(percent(340, 2000)).toBe(17);
    expect(percent(1999, 2000)).toBe(99);
    expect(percent(2000, 2000)).toBe(100);
    expect(percent(5, 0)).toBe(100);
  });

  it('writes the rate in assets per second', () => {
    expect(rate(en, 42.4)).toBe('42 assets/s');
    expect(rate(en, 3.26)).toBe('3.3 assets/s');
    expect(rate(en, 1)).toBe('1 asset/s');
    expect(rate(en, 0)).toBe('');
    expect(rate(en, Number.NaN)).toBe('');
  });

  it('writes the time left in minutes and hours', () => {
    expect(timeLeft(en, null)).toBe('');
    expect(timeLeft(en, 12)).toBe('less than a minute left');
    expect(timeLeft(en, 150)).toBe('about 3 min left');
    expect(timeLeft(en, 3600)).toBe('about 1 h left');
    expect(timeLeft(en, 3900)).toBe('about 1 h 5 min left');
  });

  it('writes durations', () => {
    expect(en.elapsed(null)).toBe('');
    expect(en.elapsed(12.4)).toBe('12 s');
    expect(en.elapsed(125)).toBe('2 min 5 s');
    expect(en.elapsed(120)).toBe('2 min');
    expect(en.elapsed(3780)).toBe('1 h 3 min');
  });
});

describe('values', () => {
  it('shows absent, lists and scalars', () => {
    expect(value(en, null)).toBe('(not set)');
    expect(value(en, ['a', 'b'])).toBe('a, b');
    expect(value(en, [])).toBe('(empty list)');
    expect(value(en, true)).toBe('true');
    expect(value(en, '© WKND')).toBe('© WKND');
  });

  it('tells a change from a value that stays', () => {
    expect(differs({ property: 'dc:subject', before: ['a'], after: ['a', 'b'] })).toBe(true);
    expect(differs({ property: 'dc:subject', before: ['a'], after: ['a'] })).toBe(false);
    expect(differs({ property: 'dc:rights', before: null, after: 'x' })).toBe(true);
  });
});

describe('preview progress', () => {
  it('counts found assets while listing, then reads values', () => {
    expect(previewLine(en, null)).toBe('Starting the preview…');
    expect(previewLine(en, progress({ totalKnown: false, total: 1234 }))).toBe('Finding assets… 1,234 so far');
    expect(previewLine(en, progress({ done: 340, total: 2000 }))).toBe('Reading current values… 340 of 2,000');
  });
});

describe('run status', () => {
  it('is green only when a completed run has no failures', () => {
    const clean = runSummary({ status: 'completed', counts: counts({ assets: 5, changed: 5 }) });
    expect([statusWords(en, clean), statusTone(clean)]).toEqual(['Completed', 'success']);
    const failed = runSummary({ status: 'completed', counts: counts({ assets: 5, changed: 1, failed: 4 }) });
    expect([statusWords(en, failed), statusTone(failed)]).toEqual(['Completed with failures', 'warning']);
  });

  it('shows runs that need attention as such', () => {
    expect(statusTone(runSummary({ status: 'stopped' }))).toBe('danger');
    expect(statusTone(runSummary({ status: 'interrupted' }))).toBe('danger');
    expect(statusTone(runSummary({ status: 'cancelled' }))).toBe('warning');
    expect(statusWords(en, runSummary({ status: 'previewed' }))).toBe('Previewed, not applied');
  });
});

describe('report chart and summary', () => {
  it('gives each outcome its share of all assets', () => {
    const parts = chartParts(en, counts({ assets: 200, changed: 150, unchanged: 20, skipped: 10, failed: 20 }));
    expect(parts.map((p) => [p.key, p.value, p.share])).toEqual([
      ['changed', 150, 75],
      ['unchanged', 20, 10],
      ['skipped', 10, 5],
      ['failed', 20, 10],
    ]);
  });

  it('adds a "not applied yet" part only when some are pending', () => {
    const parts = chartParts(en, counts({ assets: 10, changed: 4, pending: 6 }));
    expect(parts.at(-1)).toMatchObject({ key: 'pending', value: 6, share: 60 });
    expect(chartParts(en, counts()).every((p) => p.share === 0)).toBe(true);
    // An undo's report says "Put back" in its tab and its chart alike (issue 53: "Rétablies 24"
    // beside "Modifiées 24").
    expect(chartParts(en, counts({ assets: 24, changed: 24 }), true)[0]?.label).toBe('Put back');
    expect(chartParts(new I18n('fr'), counts({ assets: 24, changed: 24 }), true)[0]?.label).toBe('Restaurées');
  });

  it('lists counts without zeros, in the words of the status', () => {
    expect(countsLine(en, counts({ assets: 30, changed: 28, failed: 2 }), 'completed')).toBe('28 changed · 2 failed');
    expect(countsLine(en, counts({ assets: 30, pending: 25, unchanged: 5 }), 'previewed')).toBe('25 to change · 5 already as wanted');
    expect(countsLine(en, counts(), 'completed')).toBe('0 assets');
  });

  it('names the reason when all failed assets share it', () => {
    const reason = 'this connection can read but not change assets: ask an AEM administrator to give the technical account x@techacct.adobe.com write access';
    expect(failureSummary(en, 20, Array(20).fill(reason), 20)).toBe(`20 assets could not be changed: ${reason}.`);
  });

  it('ends a reason as a sentence, once', () => {
    expect(fullStop('ask an administrator')).toBe('ask an administrator.');
    expect(fullStop('Done. ')).toBe('Done.');
    expect(fullStop('Really?')).toBe('Really?');
    expect(asSentence(' this connection can read but not change assets ')).toBe('This connection can read but not change assets.');
  });

  it('names the most common reason when they differ', () => {
    expect(failureSummary(en, 3, ['a', 'b', 'a'], 3)).toBe(
      '3 assets could not be changed. The most common reason (2 of the 3 shown): a.',
    );
    expect(failureSummary(en, 1, [], 0)).toBe('1 asset could not be changed. Their reasons are in the table below.');
  });
});

describe('edits in words', () => {
  const set = (property: string, values: string[]): Edit => ({ property, op: { kind: 'set', values } });
  it('names the property by its label and the action', () => {
    expect(editLine(en, set('dc:rights', ['© 2026 WKND']))).toBe('Copyright (dc:rights): set to “© 2026 WKND”');
    // A template says the properties it copies by their titles, not as {dc:title} (issue 77).
    expect(editLine(en, { property: 'dc:description', op: { kind: 'template', template: '{dc:title}' } })).toBe(
      'Description (dc:description): copied from each asset’s Title',
    );
    expect(editLine(en, { property: 'dc:description', op: { kind: 'template', template: '{dc:title} by {dc:creator}' } })).toBe(
      'Description (dc:description): from the template “{Title} by {Creator}”',
    );
    expect(editLine(en, { property: 'dc:subject', op: { kind: 'append', values: ['a', 'b'] } })).toBe(
      'Keywords (dc:subject): add “a”, “b”',
    );
    expect(editLine(en, { property: 'cq:tags', op: { kind: 'clear' } })).toBe('Tags (cq:tags): clear');
    // A tag change's run says what happens to the tag, not an operation's key.
    expect(editLine(en, { property: 'cq:tags', op: { kind: 'retag', from: 'wknd:a/surfing', to: 'wknd:a/cycling' } })).toBe(
      'Tags (cq:tags): wknd:a/surfing and the tags below it become wknd:a/cycling',
    );
    expect(editLine(en, { property: 'cq:tags', op: { kind: 'retag', from: 'wknd:a/surfing' } })).toBe('Tags (cq:tags): remove wknd:a/surfing and the tags below it');
    expect(editLine(en, { property: 'my:field', op: { kind: 'remove', values: ['x'] } })).toBe('my:field: remove “x”');
  });

  it('names tags by their titles where the taxonomy knows them', () => {
    const titles: Record<string, string> = { 'wknd:a/surfing': 'Activity › Surfing', 'wknd:a/cycling': 'Activity › Cycling' };
    const title = (id: string): string | null => titles[id] ?? null;
    expect(editLine(en, { property: 'cq:tags', op: { kind: 'retag', from: 'wknd:a/surfing', to: 'wknd:a/cycling' } }, null, title)).toBe(
      'Tags (cq:tags): Activity › Surfing and the tags below it become Activity › Cycling',
    );
    expect(editLine(en, { property: 'cq:tags', op: { kind: 'retag', from: 'wknd:a/surfing' } }, null, title)).toBe(
      'Tags (cq:tags): remove Activity › Surfing and the tags below it',
    );
    // An id the taxonomy lacks stays as it is; other properties' values are never taken for tags.
    expect(editLine(en, { property: 'cq:tags', op: { kind: 'append', values: ['wknd:a/surfing', 'wknd:gone'] } }, null, title)).toBe(
      'Tags (cq:tags): add “Activity › Surfing”, “wknd:gone”',
    );
    expect(editLine(en, { property: 'dc:subject', op: { kind: 'set', values: ['wknd:a/surfing'] } }, null, title)).toBe(
      'Keywords (dc:subject): set to “wknd:a/surfing”',
    );
  });

  it('names a content fragment’s field by its label and its values as picked', () => {
    const difficulty = {
      property: 'difficulty',
      label: 'Difficulty',
      tab: '',
      kind: 'dropdown' as const,
      multiple: false,
      options: [{ value: 'challenging', text: 'Challenging' }],
      required: false,
      readOnly: false,
      min: null,
      max: null,
    };
    expect(editLine(en, set('difficulty', ['challenging']), difficulty)).toBe('Difficulty: set to “Challenging”');
    expect(editLine(en, set('difficulty', ['challenging']))).toBe('difficulty: set to “challenging”');
  });

  it('words a list set as a set', () => {
    expect(editLine(en, { property: 'dc:subject', op: { kind: 'set_list', values: ['a', 'b'] } })).toBe(
      'Keywords (dc:subject): set to “a”, “b”',
    );
  });
});

describe('in French', () => {
  const fr = new I18n('fr');
  const nbsp = '\u00a0';

  it('says counts, rates and time left with French plurals and numbers', () => {
    expect(assets(fr, 0)).toBe('0 ressource');
    expect(assets(fr, 2)).toBe('2 ressources');
    expect(rate(fr, 0.5)).toBe('0,5 ressource/s');
    expect(rate(fr, 42)).toBe('42 ressources/s');
    expect(timeLeft(fr, 3900)).toBe('encore environ 1 h 5 min');
    expect(previewLine(fr, progress({ done: 1200, total: 2000 }))).toBe('Lecture des valeurs actuelles… 1\u202f200 sur 2\u202f000');
    expect(countsLine(fr, counts({ assets: 3, changed: 2, failed: 1 }), 'completed')).toBe('2 modifiées · 1 en échec');
  });

  it('words edits, values and failures with French typography', () => {
    expect(editLine(fr, { property: 'dc:rights', op: { kind: 'set', values: ['x'] } })).toBe(
      `Copyright (dc:rights)${nbsp}: remplacer par «${nbsp}x${nbsp}»`,
    );
    expect(editLine(fr, { property: 'dc:subject', op: { kind: 'set_list', values: ['a', 'b'] } })).toBe(
      `Mots-clés (dc:subject)${nbsp}: remplacer par «${nbsp}a${nbsp}», «${nbsp}b${nbsp}»`,
    );
    expect(editLine(fr, { property: 'cq:tags', op: { kind: 'clear' } })).toBe(`Balises (cq:tags)${nbsp}: effacer`);
    expect(editLine(fr, { property: 'cq:tags', op: { kind: 'retag', from: 'wknd:a/surfing' } })).toBe(
      `Balises (cq:tags)${nbsp}: retirer wknd:a/surfing et les balises en dessous`,
    );
    expect(value(fr, null)).toBe('(non définie)');
    expect(failureSummary(fr, 1, ['timeout', 'timeout'], 2)).toBe(`1 ressource n’a pas pu être modifiée${nbsp}: timeout.`);
    expect(statusSentence(fr, runSummary({ status: 'cancelled', counts: counts({ assets: 5, pending: 3 }) }))).toBe(
      `Annulée${nbsp}: 3 ressources sont restées telles quelles. Vous pourrez reprendre plus tard.`,
    );
  });

  it('says what an undo goes back to, and a list’s size', () => {
    const original = runSummary({ id: '20260302-091500-123-4f2a', created: '2026-03-02T09:15:00Z', folder: '/content/dam/a' });
    const undo = runSummary({ kind: { kind: 'undo', of: original.id }, folder: '/content/dam/a' });
    expect(kindLine(fr, undo, original)).toBe(`Retour en arrière sur la modification en masse du ${fr.dateTime('2026-03-02T09:15:00Z')}`);
    expect(selectionLine(fr, { listEntries: 12 })).toEqual({ kind: 'list', text: '12 ressources de votre liste' });
  });
});

describe('undo and retry in words', () => {
  const original = runSummary({ id: '20260302-091500-123-4f2a', created: '2026-03-02T09:15:00Z', folder: '/content/dam/a' });
  const made = en.dateTime('2026-03-02T09:15:00Z');

  it('reads when a run was made from its id', () => {
    expect(runIdTime('20260302-091500-123-4f2a')).toBe('2026-03-02T09:15:00Z');
    for (const bad of ['r1', '', '20261302-091500-123-4f2a', '20260302-091500-4f2a', '../20260302-091500-123-4f2a']) {
      expect(runIdTime(bad)).toBeNull();
    }
  });

  it('says what an undo or a retry goes back to: its kind and when, no run id', () => {
    const undo = runSummary({ kind: { kind: 'undo', of: original.id }, folder: '/content/dam/a' });
    expect(kindLine(en, undo, original)).toBe(`Undo of the bulk edit of ${made}`);
    const retry = runSummary({ kind: { kind: 'retry', of: original.id }, folder: '/content/dam/a' });
    expect(kindLine(en, retry, original)).toBe(`Retry of the assets that failed in the bulk edit of ${made}`);
    const undoOfUndo = runSummary({ kind: { kind: 'undo', of: 'u1' }, folder: '/content/dam/a' });
    const undone = runSummary({ id: 'u1', kind: { kind: 'undo', of: original.id }, created: '2026-03-03T10:00:00Z', folder: '/content/dam/a' });
    expect(kindLine(en, undoOfUndo, undone)).toBe(`Undo of the undo of ${en.dateTime('2026-03-03T10:00:00Z')}`);
    expect(kindLine(en, runSummary())).toBeNull();
  });

  it('names the sheet of a sheet import, and of the import an undo goes back to', () => {
    const imported = runSummary({ kind: { kind: 'sheet', file: 'shots.xlsx' }, folder: '/content/dam/a' });
    expect(kindLine(en, imported)).toBe('Values from the sheet shots.xlsx');
    const undo = runSummary({ kind: { kind: 'undo', of: original.id }, folder: '/content/dam/a' });
    const sheetRun = { ...imported, created: original.created };
    expect(kindLine(en, undo, sheetRun)).toBe(`Undo of the import of the sheet shots.xlsx of ${made}`);
  });

  it('names the taxonomy sheet or the tag an undo of a tag import or a rename goes back to', () => {
    const dam = '/content/dam';
    const undo = runSummary({ kind: { kind: 'undo', of: original.id }, folder: dam });
    const imported = runSummary({ kind: { kind: 'tag_import', file: 'tags.xlsx' }, created: original.created, folder: dam });
    expect(kindLine(en, undo, imported)).toBe(`Undo of the tag import of tags.xlsx of ${made}`);
    const renamed = runSummary({
      kind: { kind: 'tag_rename', tag: 'wknd:season/summer', from: 'Summer', to: 'High summer' },
      created: original.created,
      folder: dam,
    });
    expect(kindLine(en, undo, renamed)).toBe(`Undo of the rename of the tag wknd:season/summer of ${made}`);
  });

  it('names the folder of the run it goes back to when it is not the run’s own', () => {
    const undo = runSummary({ kind: { kind: 'undo', of: original.id }, folder: '/content/dam/b' });
    expect(kindLine(en, undo, original)).toBe(`Undo of the bulk edit of ${made} in /content/dam/a`);
  });

  it('reads the time from the id when the run it goes back to is not in the history', () => {
    const undo = runSummary({ kind: { kind: 'undo', of: original.id }, folder: '/content/dam/b' });
    expect(kindLine(en, undo)).toBe(`Undo of the run of ${made}`);
    expect(kindLine(en, runSummary({ kind: { kind: 'undo', of: 'odd' } }))).toBe('Undo of the run');
    for (const line of [kindLine(en, undo), kindLine(en, undo, original)]) expect(line).not.toContain(original.id);
  });
});

describe('where an asset is', () => {
  it('says nothing for the run’s own folder, the subfolder below it, or the whole folder elsewhere', () => {
    expect(whereIn('/content/dam/a/x.jpg', '/content/dam/a')).toBeNull();
    expect(whereIn('/content/dam/a/b/c/x.jpg', '/content/dam/a')).toBe('b/c');
    expect(whereIn('/content/dam/ab/x.jpg', '/content/dam/a')).toBe('/content/dam/ab');
  });
});

describe('what a run selected', () => {
  it('says a search\'s conditions, a list\'s size, and nothing for a folder', () => {
    expect(selectionLine(en, runSummary())).toBeNull();
    expect(
      selectionLine(en, runSummary({ conditions: 'Copyright is empty and the file is an image' })),
    ).toEqual({ kind: 'where', text: 'Copyright is empty and the file is an image' });
    // People's words (issue 77), not "a list of 3 entries".
    expect(selectionLine(en, runSummary({ listEntries: 3 }))).toEqual({ kind: 'list', text: '3 assets you listed' });
    expect(selectionLine(new I18n('fr'), runSummary({ listEntries: 1 }))).toEqual({ kind: 'list', text: 'une ressource de votre liste' });
  });

  it('shows the conditions as the core worded them in the window\'s language', () => {
    const run = runSummary({
      scope: 'les ressources de /content/dam/a où Copyright est vide et le fichier est une image',
      conditions: 'Copyright est vide et le fichier est une image',
    });
    expect(selectionLine(new I18n('fr'), run)).toEqual({ kind: 'where', text: 'Copyright est vide et le fichier est une image' });
  });
});

describe('listDiff', () => {
  it('marks each value of a list change, and leaves single values to before → after', () => {
    expect(listDiff({ property: 'dc:subject', before: ['a', 'b'], after: ['b', 'c'] })).toEqual([
      { value: 'a', state: 'removed' },
      { value: 'b', state: 'kept' },
      { value: 'c', state: 'added' },
    ]);
    expect(listDiff({ property: 'dc:subject', before: null, after: ['solo'] })).toEqual([{ value: 'solo', state: 'added' }]);
    expect(listDiff({ property: 'dc:subject', before: 'text', after: ['text'] })).toEqual([{ value: 'text', state: 'kept' }]);
    expect(listDiff({ property: 'dc:title', before: 'A', after: 'B' })).toBeNull();
  });
});

describe('the room a table of changes gives each property', () => {
  it('gives a long text room, a short value no less than a name needs, and a column no row has the least', () => {
    const long = 'A long afternoon among the vines of the Napa Valley, six wines tasted and a picnic on the terrace.';
    const rows = [
      { changes: [{ property: 'dc:title', before: 'Coastal River', after: 'Napa wine tasting, day 1' }, { property: 'dc:description', before: null, after: long }] },
      { changes: [{ property: 'xmp:Rating', before: 3, after: 4 }, { property: 'dc:subject', before: ['lake'], after: ['lake', 'summer'] }] },
    ];
    const [title, description, rating, keywords, absent] = changeWeights(rows, ['dc:title', 'dc:description', 'xmp:Rating', 'dc:subject', 'dc:rights']);
    expect(title).toBe(13 + 24 + 3);
    expect(description).toBe(60);
    expect(rating).toBe(24);
    expect(keywords).toBe(24);
    expect(absent).toBe(24);
  });
});
