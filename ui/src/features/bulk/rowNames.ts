// What a preview's and a report's rows are called and how their columns name what changes:
// assets and their properties, or content fragments and their model's fields, each field by
// its label and each value as the person picked it (the stored value kept as it is).
//
// Not here: the fragments' own list (FragmentsPanel, fragmentForm.ts).
import type { PropertyChange } from '../../ipc/bindings/PropertyChange';
import type { RunSummary } from '../../ipc/bindings/RunSummary';
import type { SchemaField } from '../../ipc/bindings/SchemaField';
import { formLabel, knownProperty, type Translate } from './editForm';

/** The catalogue ids a run's tables name their rows with. */
export interface RowWords {
  /** The rows' column ("Asset", "Content fragment"). */
  column: string;
  /** The filter tabs' label ("Show assets"). */
  show: string;
  /** A filter that leaves no row. */
  none: string;
  preview: string;
  report: string;
  /** "24 assets", "24 content fragments" (takes `count`). */
  count: string;
  /** "Showing 100 of 240 assets" (takes `shown` and `total`). */
  showing: string;
  /** What Apply will do, under its button (takes `count`). */
  applyHint: string;
}

const ASSET_WORDS: RowWords = {
  column: 'bulk-col-asset',
  show: 'bulk-show-assets',
  none: 'bulk-no-assets-here',
  preview: 'bulk-preview-table-label',
  report: 'bulk-report-table-label',
  count: 'assets-count',
  showing: 'bulk-showing',
  applyHint: 'bulk-apply-hint',
};

const FRAGMENT_WORDS: RowWords = {
  column: 'bulk-col-fragment',
  show: 'bulk-show-fragments',
  none: 'bulk-no-fragments-here',
  preview: 'bulk-preview-table-label-fragments',
  report: 'bulk-report-table-label-fragments',
  count: 'fragments-count',
  showing: 'bulk-showing-fragments',
  applyHint: 'bulk-apply-hint-fragments',
};

/** The words for `run`'s rows: content fragments for a run that edits them, else assets. */
export function rowWords(run: Pick<RunSummary, 'fragments'> | null | undefined): RowWords {
  return run?.fragments ? FRAGMENT_WORDS : ASSET_WORDS;
}

/** The field of `property` among `fields` when it has a label of its own; null otherwise (the
 *  property is named as any asset's is). */
export function labelledField(fields: readonly SchemaField[] | undefined, property: string): SchemaField | null {
  const field = fields?.find((f) => f.property === property);
  return field && field.label.trim() !== '' && field.label !== property ? field : null;
}

/** `value` as the person picked it: a choice's text in place of the value stored for it. */
export function pickedText(field: SchemaField | null | undefined, value: string): string {
  return field?.options.find((o) => o.value === value)?.text || value;
}

/** A change with each of its values as the person picked them (a dropdown's "Challenging" for
 *  the stored "challenging"); a field without choices is left as it is. */
export function asPicked(change: PropertyChange, field: SchemaField | null | undefined): PropertyChange {
  if (!field || field.options.length === 0) return change;
  const shown = (v: PropertyChange['before']): PropertyChange['before'] => {
    if (Array.isArray(v)) return v.map((item) => (typeof item === 'string' ? pickedText(field, item) : item));
    return typeof v === 'string' ? pickedText(field, v) : v;
  };
  return { ...change, before: shown(change.before), after: shown(change.after) };
}

/** A column's header: the words people know the property by, and its id beside them in a
 *  smaller hand (null when no label is known: the id is all there is). */
export interface ColumnName {
  label: string;
  id: string | null;
}

/** How a table's column names `property`: by its label in `fields` (the folder's metadata
 *  schema, or a fragment model's form; a stock English label of a common property in the
 *  reader's language), else by Metadesk's own label of a common property, else by its id. A
 *  fragment's field goes by its label alone: its name in the model is no id people look for. */
export function columnName(t: Translate, fields: readonly SchemaField[] | undefined, property: string, fragments = false): ColumnName {
  const field = labelledField(fields, property);
  if (field) return { label: formLabel(t, property, field.label), id: fragments ? null : property };
  const known = knownProperty(property);
  return known ? { label: t(known.label), id: property } : { label: property, id: null };
}
