// The scope of a bulk edit as plain data: a folder, a search (conditions in words under a
// folder) or a list (pasted entries), the problems of each condition (message ids), and the mapping
// to the core's `Scope` (the core makes a run's folder and filters of it). No Svelte and no IPC
// here (tested in scopeForm.test.ts).
// Not here: the folder form itself (editForm.ts), counting and saving (scopeChoice.svelte.ts).
import type { Combine } from '../../ipc/bindings/Combine';
import type { Condition } from '../../ipc/bindings/Condition';
import type { Scope } from '../../ipc/bindings/Scope';
import type { ScopeRequest } from '../../ipc/bindings/ScopeRequest';
import type { CheckedForm } from '../../ipc/bindings/CheckedForm';
import type { Translate } from './editForm';

export type ScopeKind = 'folder' | 'search' | 'list';

export const SCOPE_KINDS: readonly { kind: ScopeKind; label: string; hint: string }[] = [
  { kind: 'folder', label: 'bulk-scope-folder', hint: 'bulk-scope-folder-hint' },
  { kind: 'search', label: 'bulk-scope-search', hint: 'bulk-scope-search-hint' },
  { kind: 'list', label: 'bulk-scope-list', hint: 'bulk-scope-list-hint' },
];

/** What a condition is about. */
export type Subject = 'property' | 'tag' | 'type' | 'modified' | 'created' | 'expires' | 'name';

export const SUBJECTS: readonly { subject: Subject; label: string }[] = [
  { subject: 'property', label: 'bulk-subject-property' },
  { subject: 'tag', label: 'bulk-subject-tag' },
  { subject: 'type', label: 'bulk-subject-type' },
  { subject: 'modified', label: 'bulk-subject-modified' },
  { subject: 'created', label: 'bulk-subject-created' },
  { subject: 'expires', label: 'bulk-subject-expires' },
  { subject: 'name', label: 'bulk-subject-name' },
];

/** When an asset expires (`prism:expirationDate`): before today (expired), today or later, before
 *  or on/after a date, or within a number of days from now. */
export type ExpiryWhen = 'expired' | 'not_expired' | 'before' | 'after' | 'within';

export const EXPIRY_WHENS: readonly { when: ExpiryWhen; label: string }[] = [
  { when: 'expired', label: 'bulk-expires-expired' },
  { when: 'within', label: 'bulk-expires-within' },
  { when: 'not_expired', label: 'bulk-expires-not-expired' },
  { when: 'before', label: 'bulk-when-before' },
  { when: 'after', label: 'bulk-when-after' },
];

export type PropertyTest = 'is_empty' | 'is_not_empty' | 'equals' | 'not_equals' | 'contains' | 'not_contains';

export const PROPERTY_TESTS: readonly { test: PropertyTest; label: string; needsValue: boolean }[] = [
  { test: 'is_empty', label: 'bulk-test-is-empty', needsValue: false },
  { test: 'is_not_empty', label: 'bulk-test-is-not-empty', needsValue: false },
  { test: 'equals', label: 'bulk-test-equals', needsValue: true },
  { test: 'not_equals', label: 'bulk-test-not-equals', needsValue: true },
  { test: 'contains', label: 'bulk-test-contains', needsValue: true },
  { test: 'not_contains', label: 'bulk-test-not-contains', needsValue: true },
];

export const FILE_TYPES: readonly { format: string; label: string }[] = [
  { format: 'image/*', label: 'bulk-type-any-image' },
  { format: 'image/jpeg', label: 'bulk-type-jpeg' },
  { format: 'image/png', label: 'bulk-type-png' },
  { format: 'video/*', label: 'bulk-type-any-video' },
  { format: 'application/pdf', label: 'bulk-type-pdf' },
];

/** One condition row, as typed. */
export interface ConditionDraft {
  key: number;
  subject: Subject;
  /** For a property: its name (`dc:rights`). */
  property: string;
  /** For a property: the test. */
  test: PropertyTest;
  /** For dates: `before` or `after`; for expiry, one of {@link ExpiryWhen}. */
  when: 'before' | 'after' | ExpiryWhen;
  /** The value, tag, file type, date (YYYY-MM-DD), number of days or name pattern. */
  value: string;
}

export interface ScopeDraft {
  kind: ScopeKind;
  conditions: ConditionDraft[];
  combine: Combine;
  /** The list as pasted (one entry per line, or a one-column CSV). */
  listText: string;
}

export function newCondition(key: number): ConditionDraft {
  return { key, subject: 'property', property: 'dc:rights', test: 'is_empty', when: 'after', value: '' };
}

export function emptyScope(): ScopeDraft {
  return { kind: 'folder', conditions: [newCondition(0)], combine: 'all', listText: '' };
}

export function needsValue(draft: ConditionDraft): boolean {
  if (draft.subject !== 'property') return true;
  return PROPERTY_TESTS.find((t) => t.test === draft.test)?.needsValue ?? true;
}

/** What a condition row lacks (nothing typed yet), as a message id; null when it can be sent.
 *  Whether what is typed is right is the core's to say (`checkForm`: `Condition::validated`). */
export function conditionGap(draft: ConditionDraft): string | null {
  const value = draft.value.trim();
  switch (draft.subject) {
    case 'property':
      if (draft.property.trim().replace(/^metadata\//, '') === '') return 'bulk-problem-property';
      if (needsValue(draft) && value === '') return 'bulk-problem-condition-value';
      return null;
    case 'tag':
      return value === '' ? 'bulk-problem-tag' : null;
    case 'type':
      return value === '' ? 'bulk-problem-type' : null;
    case 'modified':
    case 'created':
      return value === '' ? 'bulk-problem-date' : null;
    case 'expires':
      if (draft.when === 'expired' || draft.when === 'not_expired') return null;
      if (draft.when === 'within') return /^[0-9]+$/.test(value) ? null : 'bulk-problem-days';
      return value === '' ? 'bulk-problem-date' : null;
    case 'name':
      return value === '' ? 'bulk-problem-name' : null;
  }
}

/** An expiry row as the core's condition. */
function expiryCondition(when: ConditionDraft['when'], value: string): Condition {
  switch (when) {
    case 'expired':
      return { kind: 'expires_before', date: 'today' };
    case 'not_expired':
      return { kind: 'expires_after', date: 'today' };
    case 'within':
      return { kind: 'expires_within', days: Number(value) };
    case 'before':
      return { kind: 'expires_before', date: value };
    default:
      return { kind: 'expires_after', date: value };
  }
}

/** The condition a row stands for (as typed: the core checks it). */
export function toCondition(draft: ConditionDraft): Condition {
  const value = draft.value.trim();
  switch (draft.subject) {
    case 'property': {
      const property = draft.property.trim().replace(/^metadata\//, '');
      switch (draft.test) {
        case 'is_empty':
          return { kind: 'is_empty', property };
        case 'is_not_empty':
          return { kind: 'is_not_empty', property };
        default:
          // A value keeps its spaces: "Summer " is not "Summer".
          return { kind: draft.test, property, value: draft.value };
      }
    }
    case 'tag':
      return { kind: 'tagged', tag: value };
    case 'type':
      return { kind: 'file_type', format: value };
    case 'modified':
      return draft.when === 'before' ? { kind: 'modified_before', date: value } : { kind: 'modified_after', date: value };
    case 'created':
      return draft.when === 'before' ? { kind: 'created_before', date: value } : { kind: 'created_after', date: value };
    case 'expires':
      return expiryCondition(draft.when, value);
    case 'name':
      return { kind: 'name_matches', pattern: value };
  }
}

/** A row back from a saved condition. */
export function draftOf(condition: Condition, key: number): ConditionDraft {
  const base = newCondition(key);
  switch (condition.kind) {
    case 'is_empty':
    case 'is_not_empty':
      return { ...base, property: condition.property, test: condition.kind };
    case 'equals':
    case 'not_equals':
    case 'contains':
    case 'not_contains':
      return { ...base, property: condition.property, test: condition.kind, value: condition.value };
    case 'tagged':
      return { ...base, subject: 'tag', value: condition.tag };
    case 'file_type':
      return { ...base, subject: 'type', value: condition.format };
    case 'modified_before':
    case 'modified_after':
      return { ...base, subject: 'modified', when: condition.kind === 'modified_before' ? 'before' : 'after', value: condition.date };
    case 'created_before':
    case 'created_after':
      return { ...base, subject: 'created', when: condition.kind === 'created_before' ? 'before' : 'after', value: condition.date };
    case 'expires_before':
      return condition.date === 'today'
        ? { ...base, subject: 'expires', when: 'expired' }
        : { ...base, subject: 'expires', when: 'before', value: condition.date };
    case 'expires_after':
      return condition.date === 'today'
        ? { ...base, subject: 'expires', when: 'not_expired' }
        : { ...base, subject: 'expires', when: 'after', value: condition.date };
    case 'expires_within':
      return { ...base, subject: 'expires', when: 'within', value: String(condition.days) };
    case 'name_matches':
      return { ...base, subject: 'name', value: condition.pattern };
  }
}

/** Problems of a search's rows by key (and one for no row at all), in words. */
export interface SearchProblems {
  rows: Record<number, string>;
  general?: string;
}

/** A search's problems: what a row lacks (the window's), else the core's answer about it
 *  (`checked`, for the rows as they are; null while it is asked). */
export function searchProblems(t: Translate, scope: ScopeDraft, checked: CheckedForm | null): SearchProblems {
  const rows: Record<number, string> = {};
  for (const [index, row] of scope.conditions.entries()) {
    const gap = conditionGap(row);
    const problem = gap ? t(gap) : checked?.conditions[index];
    if (problem) rows[row.key] = problem;
  }
  const general = scope.conditions.length === 0 ? t('bulk-problem-conditions') : undefined;
  return general ? { rows, general } : { rows };
}

/** Whether every row of a search has something typed (the core then says whether it is right). */
function searchComplete(scope: ScopeDraft): boolean {
  return scope.conditions.length > 0 && scope.conditions.every((row) => conditionGap(row) === null);
}

/** The lines of a pasted list that hold something (a first look; the core reads CSV). */
export function listLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** What is wrong with a list, in words: nothing pasted yet (the window's), else the core's
 *  answer about it (`checked`; null while it is asked). Null when it can be read. */
export function listProblem(t: Translate, scope: ScopeDraft, checked: CheckedForm | null): string | null {
  if (scope.listText.trim() === '') return t('bulk-problem-list');
  return checked?.list ?? null;
}

/** The scope for the core, or null while a row still has a problem. `folder` is the folder as
 *  the core took it (`checkFolder`); `entries` are the list's entries as the core read them
 *  (`listEntries`). */
export function toScope(
  scope: ScopeDraft,
  folder: string,
  recursive: boolean,
  entries: string[] | null,
): Scope | null {
  switch (scope.kind) {
    case 'folder':
      return { kind: 'folder', folder, recursive };
    case 'search': {
      if (!searchComplete(scope)) return null;
      return {
        kind: 'search',
        under: folder,
        recursive,
        conditions: scope.conditions.map(toCondition),
        combine: scope.combine,
      };
    }
    case 'list':
      return entries && entries.length > 0 ? { kind: 'list', entries } : null;
  }
}

/** A search's or a list's scope as the commands take it (their names and formats are said in
 *  the scope itself). */
export function scopeRequestOf(connectionId: string, scope: Scope): ScopeRequest {
  return { connectionId, scope, name: null, formats: [] };
}

/** "12 assets", or "at least 1,000 assets" when the count is a lower bound. */
export function countWords(t: Translate, assets: number, atLeast: boolean): string {
  return t(atLeast ? 'bulk-count-at-least' : 'assets-count', { count: assets });
}
