// The content fragment edit as a form: which actions each kind of field offers, the one edit a
// draft sends (trimmed values, one for a single field), and why a draft cannot be previewed.
import { describe, expect, it } from 'vitest';

import type { SchemaField } from '../../ipc/bindings/SchemaField';
import { actionsFor, draftProblem, editOf, emptyDraft, listFolder, valueText, type FragmentDraft } from './fragmentForm';

function field(overrides: Partial<SchemaField> = {}): SchemaField {
  return {
    property: 'difficulty',
    label: 'Difficulty',
    tab: '',
    kind: 'dropdown',
    multiple: false,
    options: [
      { value: 'easy', text: 'Easy' },
      { value: 'challenging', text: 'Challenging' },
    ],
    required: false,
    readOnly: false,
    min: null,
    max: null,
    ...overrides,
  };
}

const draft = (overrides: Partial<FragmentDraft>): FragmentDraft => ({ ...emptyDraft(), field: 'difficulty', ...overrides });

describe('the actions a field offers', () => {
  it('gives a single choice Set and Clear only', () => {
    expect(actionsFor(field())).toEqual(['set', 'clear']);
  });

  it('adds and removes values only on fields that hold several, and finds and replaces only in free text', () => {
    expect(actionsFor(field({ kind: 'multiText', multiple: true, options: [] }))).toEqual(['set', 'append', 'remove', 'clear', 'replace']);
    expect(actionsFor(field({ kind: 'text', options: [] }))).toEqual(['set', 'clear', 'replace']);
    expect(actionsFor(field({ kind: 'number', options: [] }))).toEqual(['set', 'clear']);
    expect(actionsFor(field({ multiple: true }))).toEqual(['set', 'append', 'remove', 'clear']);
  });
});

describe('the edit a draft sends', () => {
  it('sets a single field to its first value, trimmed', () => {
    const edit = editOf(draft({ values: ['  challenging ', 'easy'] }), field());
    expect(edit).toEqual({ property: 'difficulty', op: { kind: 'set', values: ['challenging'] } });
  });

  it('sends every non-blank value of a field that holds several', () => {
    const tags = field({ property: 'tags', kind: 'multiText', multiple: true, options: [] });
    expect(editOf(draft({ field: 'tags', action: 'append', values: ['hiking', '', ' wine '] }), tags)).toEqual({
      property: 'tags',
      op: { kind: 'append', values: ['hiking', 'wine'] },
    });
    expect(editOf(draft({ field: 'tags', action: 'remove', values: ['hiking'] }), tags)?.op).toEqual({ kind: 'remove', values: ['hiking'] });
  });

  it('clears without a value, and finds and replaces plain text', () => {
    expect(editOf(draft({ action: 'clear', values: [''] }), field())).toEqual({ property: 'difficulty', op: { kind: 'clear' } });
    const title = field({ property: 'jcr:title', kind: 'text', options: [] });
    expect(editOf(draft({ field: 'jcr:title', action: 'replace', find: 'Napa', replace: 'Sonoma' }), title)?.op).toEqual({
      kind: 'replace',
      find: 'Napa',
      replace: 'Sonoma',
      regex: false,
      ignoreCase: false,
      wholeWord: false,
    });
    const regex = draft({ field: 'jcr:title', action: 'replace', find: '(\\w+) Valley', replace: '$1 Hills', regex: true, ignoreCase: true });
    expect(editOf(regex, title)?.op).toMatchObject({ kind: 'replace', find: '(\\w+) Valley', regex: true, ignoreCase: true, wholeWord: false });
  });

  it('sends nothing, and says why, while a field, a value or the text to find is missing', () => {
    expect(draftProblem(emptyDraft(), undefined)).toBe('fragments-problem-field');
    expect(editOf(emptyDraft(), undefined)).toBeNull();
    expect(draftProblem(draft({ values: ['  '] }), field())).toBe('fragments-problem-value');
    expect(editOf(draft({ values: ['  '] }), field())).toBeNull();
    const title = field({ property: 'jcr:title', kind: 'text', options: [] });
    expect(draftProblem(draft({ field: 'jcr:title', action: 'replace', find: '' }), title)).toBe('fragments-problem-find');
    // An action the field does not take (add values to a single field).
    expect(draftProblem(draft({ action: 'append', values: ['easy'] }), field())).toBe('fragments-problem-action');
    expect(editOf(draft({ action: 'append', values: ['easy'] }), field())).toBeNull();
  });
});

describe('a fragment value in the table', () => {
  const row = { path: '/content/dam/a/napa', title: 'Napa Wine Tasting', model: 'Adventure', status: 'DRAFT', values: { difficulty: 'easy', tags: ['wine', 'hiking'] } };

  it('shows a choice as picked, several values joined, the title for jcr:title, nothing for an empty field', () => {
    // A choice as the person picks it, not the value stored for it.
    expect(valueText(row, field())).toBe('Easy');
    expect(valueText(row, field({ property: 'tags', kind: 'tags', multiple: true, options: [] }))).toBe('wine, hiking');
    expect(valueText(row, field({ property: 'jcr:title', kind: 'text', options: [] }))).toBe('Napa Wine Tasting');
    expect(valueText(row, field({ property: 'price', kind: 'number', options: [] }))).toBe('');
  });
});

describe('the folder a list of fragment paths is listed from', () => {
  it('is the deepest folder holding every path, the DAM root at most', () => {
    expect(listFolder([])).toBe('');
    expect(listFolder(['/content/dam/wknd/en/adventures/napa'])).toBe('/content/dam/wknd/en/adventures');
    expect(listFolder(['/content/dam/wknd/en/adventures/napa', '/content/dam/wknd/en/articles/guide'])).toBe('/content/dam/wknd/en');
    expect(listFolder(['/content/dam/wknd/en/napa', '/content/dam/other/guide'])).toBe('/content/dam');
    // A folder whose name starts like another's is not theirs in common.
    expect(listFolder(['/content/dam/wknd/en/a', '/content/dam/wknd/english/b'])).toBe('/content/dam/wknd');
  });

  it('is the DAM root when an entry is not a path under it (a link, whose folder the core finds)', () => {
    expect(listFolder(['/content/dam/wknd/en/napa', 'https://author.example/ui#/aem/assetdetails.html/content/dam/wknd/x'])).toBe('/content/dam');
  });
});
