// The scope form's rules on their own: each condition row to the core's Condition, the problem
// of each bad row in words, saved conditions back to rows, and the run's scope (folder and filters) of each scope.
import type { Scope } from '../../ipc/bindings/Scope';
import { describe, expect, it } from 'vitest';

import type { CheckedForm } from '../../ipc/bindings/CheckedForm';
import type { Condition } from '../../ipc/bindings/Condition';
import {
  countWords,
  draftOf,
  emptyScope,
  listProblem,
  searchProblems,
  newCondition,
  scopeRequestOf,
  toCondition,
  toScope,
  type ConditionDraft,
} from './scopeForm';
import { I18n } from '../../lib/i18n/i18n.svelte';

/** The English catalogue, the default in tests. */
const { t } = new I18n('en');
/** The core's answer about a search's rows: none refused, or the one given. */
const checkedWith = (conditions: (string | null)[]): CheckedForm => ({
  properties: [],
  edits: [],
  repeated: [],
  name: null,
  conditions,
  list: null,
  sheetProperties: [],
});
/** A row's problem in English words (null: none), the core refusing nothing, or `refused`. */
const problemOf = (draft: ConditionDraft, refused: string | null = null) => {
  const scope = { ...emptyScope(), kind: 'search' as const, conditions: [draft] };
  return searchProblems(t, scope, checkedWith([refused])).rows[draft.key] ?? null;
};

const row = (overrides: Partial<ConditionDraft>): ConditionDraft => ({ ...newCondition(1), ...overrides });

describe('condition rows', () => {
  it('becomes every condition the core knows, and comes back the same', () => {
    const cases: [Partial<ConditionDraft>, Condition][] = [
      [{ property: 'dc:rights', test: 'is_empty' }, { kind: 'is_empty', property: 'dc:rights' }],
      [{ property: 'metadata/dc:rights', test: 'is_not_empty' }, { kind: 'is_not_empty', property: 'dc:rights' }],
      [{ property: 'dc:title', test: 'equals', value: 'Summer "50%" *sale* ' }, { kind: 'equals', property: 'dc:title', value: 'Summer "50%" *sale* ' }],
      [{ property: 'dc:title', test: 'not_equals', value: 'x' }, { kind: 'not_equals', property: 'dc:title', value: 'x' }],
      [{ property: 'dc:title', test: 'contains', value: 'beach' }, { kind: 'contains', property: 'dc:title', value: 'beach' }],
      [{ property: 'dc:title', test: 'not_contains', value: 'draft' }, { kind: 'not_contains', property: 'dc:title', value: 'draft' }],
      [{ subject: 'tag', value: ' wknd:activity/surfing ' }, { kind: 'tagged', tag: 'wknd:activity/surfing' }],
      [{ subject: 'type', value: 'image/*' }, { kind: 'file_type', format: 'image/*' }],
      [{ subject: 'modified', when: 'before', value: '2026-03-01' }, { kind: 'modified_before', date: '2026-03-01' }],
      [{ subject: 'modified', when: 'after', value: '2026-03-01' }, { kind: 'modified_after', date: '2026-03-01' }],
      [{ subject: 'created', when: 'before', value: '2025-01-01' }, { kind: 'created_before', date: '2025-01-01' }],
      [{ subject: 'created', when: 'after', value: '2025-01-01' }, { kind: 'created_after', date: '2025-01-01' }],
      [{ subject: 'name', value: 'beach-*.jpg' }, { kind: 'name_matches', pattern: 'beach-*.jpg' }],
      [{ subject: 'expires', when: 'expired' }, { kind: 'expires_before', date: 'today' }],
      [{ subject: 'expires', when: 'not_expired' }, { kind: 'expires_after', date: 'today' }],
      [{ subject: 'expires', when: 'within', value: '30' }, { kind: 'expires_within', days: 30 }],
      [{ subject: 'expires', when: 'before', value: '2027-01-31' }, { kind: 'expires_before', date: '2027-01-31' }],
      [{ subject: 'expires', when: 'after', value: '2027-01-31' }, { kind: 'expires_after', date: '2027-01-31' }],
    ];
    for (const [draft, condition] of cases) {
      const r = row(draft);
      expect(problemOf(r), JSON.stringify(draft)).toBeNull();
      expect(toCondition(r)).toEqual(condition);
      expect(toCondition(draftOf(condition, 7))).toEqual(condition);
    }
  });

  it('says what a row lacks itself: nothing typed yet', () => {
    expect(problemOf(row({ property: '' }))).toMatch(/Choose a property/);
    expect(problemOf(row({ test: 'equals', value: '' }))).toMatch(/value to look for/);
    expect(problemOf(row({ test: 'equals', value: '   ' }))).toMatch(/value to look for/);
    expect(problemOf(row({ subject: 'tag', value: '' }))).toMatch(/Choose a tag/);
    expect(problemOf(row({ subject: 'type', value: '' }))).toMatch(/Choose a file type/);
    expect(problemOf(row({ subject: 'modified', value: '' }))).toBe('Choose a date.');
    expect(problemOf(row({ subject: 'name', value: '' }))).toMatch(/Type a name pattern/);
    expect(problemOf(row({ subject: 'expires', when: 'within', value: '' }))).toMatch(/number of days/);
    expect(problemOf(row({ subject: 'expires', when: 'within', value: '30x' }))).toMatch(/number of days/);
    expect(problemOf(row({ subject: 'expires', when: 'before', value: '' }))).toBe('Choose a date.');
  });

  it('says what the core refuses in a typed row, in its words, and nothing of its own', () => {
    // The core's answer (`check_form`), as it words it: the window shows it as it is.
    const refused = '"a/b.jpg" is a path: a name pattern matches file names only.';
    expect(problemOf(row({ subject: 'name', value: 'a/b.jpg' }), refused)).toBe(refused);
    // What the window used to refuse itself is the core's to say: no answer, no problem.
    expect(problemOf(row({ property: 'rights' }))).toBeNull();
    expect(problemOf(row({ subject: 'tag', value: 'wknd:a b' }))).toBeNull();
    expect(problemOf(row({ subject: 'type', value: 'jpeg' }))).toBeNull();
    expect(problemOf(row({ subject: 'created', value: '2026-02-30' }))).toBeNull();
    expect(problemOf(row({ subject: 'name', value: 'a/b.jpg' }))).toBeNull();
  });
});

describe('scopes', () => {
  it('is a search only when every row is complete and the folder is set', () => {
    const draft = { ...emptyScope(), kind: 'search' as const };
    // The folder as the core took it (`checkFolder`): the scope keeps it as it is.
    expect(toScope(draft, '/content/dam/a', true, null)).toEqual({
      kind: 'search',
      under: '/content/dam/a',
      recursive: true,
      conditions: [{ kind: 'is_empty', property: 'dc:rights' }],
      combine: 'all',
    });
    draft.conditions.push(row({ key: 2, subject: 'tag', value: '' }));
    expect(toScope(draft, '/content/dam/a', true, null)).toBeNull();
    expect(toScope({ ...draft, conditions: [] }, '/content/dam/a', true, null)).toBeNull();
  });

  it('is a list only once its entries were read, and says when it is empty', () => {
    const draft = { ...emptyScope(), kind: 'list' as const, listText: ' \n ' };
    expect(listProblem(t, draft, null)).toMatch(/Paste the list/);
    // Something pasted: what is in it is the core's to say (`check_form`'s answer).
    const pasted = { ...draft, listText: 'path\n' };
    expect(listProblem(t, pasted, null)).toBeNull();
    const empty = 'The list is empty: give one DAM path, Assets link or asset id per line.';
    expect(listProblem(t, pasted, { ...checkedWith([]), list: empty })).toBe(empty);
    expect(toScope(draft, '', false, null)).toBeNull();
    expect(toScope(draft, '', false, ['/content/dam/a.jpg'])).toEqual({ kind: 'list', entries: ['/content/dam/a.jpg'] });
  });

  it('sends a search or a list as the person chose it: the core makes the run’s folder and filters', () => {
    const list: Scope = { kind: 'list', entries: ['x'] };
    expect(scopeRequestOf('c1', list)).toEqual({ connectionId: 'c1', scope: list, name: null, formats: [] });
  });

  it('says a count is a lower bound', () => {
    expect(countWords(t, 1, false)).toBe('1 asset');
    expect(countWords(t, 50000, true)).toBe('at least 50,000 assets');
  });
});
