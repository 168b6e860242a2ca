// The content fragment edit as a form, in pure functions: which actions a field offers (add
// and remove values only on fields that take several, find and replace only on text), the
// values a field's editor holds, the one `Edit` the preview sends, or why not yet, and the
// folder a list of fragment paths is listed from.
//
// Not here: reading the folder's fragments and previewing (fragments.svelte.ts).
import type { Edit } from '../../ipc/bindings/Edit';
import type { FieldKind } from '../../ipc/bindings/FieldKind';
import type { FragmentRow } from '../../ipc/bindings/FragmentRow';
import type { SchemaField } from '../../ipc/bindings/SchemaField';
import { pickedText } from './rowNames';

/** What an edit does to the field picked. */
export type FragmentAction = 'set' | 'append' | 'remove' | 'clear' | 'replace';

/** What the user entered for the field picked. */
export interface FragmentDraft {
  field: string;
  action: FragmentAction;
  /** The values, one per entry (a single field uses the first). */
  values: string[];
  find: string;
  replace: string;
  /** Find and replace: `find` is a regular expression; any case; whole words only. */
  regex: boolean;
  ignoreCase: boolean;
  wholeWord: boolean;
}

export function emptyDraft(): FragmentDraft {
  return { field: '', action: 'set', values: [''], find: '', replace: '', regex: false, ignoreCase: false, wholeWord: false };
}

/** The actions `field` offers, in the order the picker shows them. */
export function actionsFor(field: SchemaField | undefined): FragmentAction[] {
  if (!field) return ['set', 'clear'];
  const actions: FragmentAction[] = ['set'];
  if (field.multiple) actions.push('append', 'remove');
  actions.push('clear');
  if (takesText(field)) actions.push('replace');
  return actions;
}

/** Whether find and replace makes sense on `field`: free text, not a choice, number or date. */
function takesText(field: SchemaField): boolean {
  return (field.kind === 'text' || field.kind === 'multiText') && field.options.length === 0;
}

/** The draft's values as an edit takes them: trimmed of blank entries. */
function entered(draft: FragmentDraft, field: SchemaField | undefined): string[] {
  const values = draft.values.map((v) => v.trim()).filter((v) => v !== '');
  return field?.multiple ? values : values.slice(0, 1);
}

/** Why the draft cannot be previewed yet (a message id), or null when it can. */
export function draftProblem(draft: FragmentDraft, field: SchemaField | undefined): string | null {
  if (!draft.field || !field) return 'fragments-problem-field';
  if (!actionsFor(field).includes(draft.action)) return 'fragments-problem-action';
  if (draft.action === 'clear') return null;
  if (draft.action === 'replace') return draft.find === '' ? 'fragments-problem-find' : null;
  if (entered(draft, field).length === 0) return 'fragments-problem-value';
  return null;
}

/** The one edit the draft asks for, or null while it has a problem. */
export function editOf(draft: FragmentDraft, field: SchemaField | undefined): Edit | null {
  if (draft.action === 'set' && field === undefined) return null;
  if (draftProblem(draft, field) !== null) return null;
  const property = draft.field;
  switch (draft.action) {
    case 'clear':
      return { property, op: { kind: 'clear' } };
    case 'replace':
      return {
        property,
        op: {
          kind: 'replace',
          find: draft.find,
          replace: draft.replace,
          regex: draft.regex,
          ignoreCase: draft.ignoreCase,
          wholeWord: draft.wholeWord,
        },
      };
    case 'append':
      return { property, op: { kind: 'append', values: entered(draft, field) } };
    case 'remove':
      return { property, op: { kind: 'remove', values: entered(draft, field) } };
    case 'set':
      return { property, op: { kind: 'set', values: entered(draft, field) } };
  }
}

/** A fragment's value of `field` as a table cell shows it: several values joined, a choice as
 *  the person picks it (its text, not the value stored). */
export function valueText(row: FragmentRow, field: SchemaField): string {
  const { property } = field;
  const value = row.values[property] ?? (property === 'jcr:title' ? row.title : undefined);
  if (value === undefined || value === null) return '';
  const shown = (v: unknown): string => pickedText(field, String(v));
  if (Array.isArray(value)) return value.map(shown).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return shown(value);
}

/** The label a field shows in the picker: its label, and its property when they differ. */
export function fieldLabel(field: SchemaField): string {
  return field.label && field.label !== field.property ? `${field.label} (${field.property})` : field.property;
}

/** The catalogue id of the words for each kind of field. */
export const KIND_WORDS: Record<FieldKind, string> = {
  text: 'fragments-kind-text',
  multiText: 'fragments-kind-multiText',
  number: 'fragments-kind-number',
  date: 'fragments-kind-date',
  dropdown: 'fragments-kind-dropdown',
  tags: 'fragments-kind-tags',
  checkbox: 'fragments-kind-checkbox',
  other: 'fragments-kind-other',
};

const DAM_ROOT = '/content/dam';

/** The deepest folder holding every fragment of a list of paths, as the core finds it for a
 *  list's fields ('' for no path; the DAM root when an entry is not a path under it, a link for
 *  instance, whose folder only the core can tell). */
export function listFolder(paths: string[]): string {
  let common: string[] | null = null;
  for (const path of paths) {
    if (!path.startsWith(`${DAM_ROOT}/`)) return DAM_ROOT;
    const parent = path.replace(/\/+$/, '').split('/').slice(0, -1);
    if (common === null) {
      common = parent;
    } else {
      const differs = common.findIndex((part, i) => parent[i] !== part);
      if (differs >= 0) common = common.slice(0, differs);
    }
  }
  if (common === null) return '';
  const folder = common.join('/');
  return folder.length < DAM_ROOT.length ? DAM_ROOT : folder;
}
