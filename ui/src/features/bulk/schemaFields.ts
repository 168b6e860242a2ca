// What a folder's metadata schema offers a change row, as plain data: the fields the property
// picker lists (by tab, read-only ones left out), the editor a field's value takes, and how the
// editors' values read back as the row's text. No Svelte and no IPC (schemaFields.test.ts).
//
// Not here: reading the schema (fieldSchema.svelte.ts), whether a value fits a field (the core
// says it, before the preview: `schemaProblems`).
import type { Schema } from '../../ipc/bindings/Schema';
import type { SchemaField } from '../../ipc/bindings/SchemaField';
import type { Tag } from '../../ipc/bindings/Tag';
import { KNOWN_PROPERTIES, type KnownProperty } from './editForm';

/** A tab of the form and the fields the picker offers in it, in the form's order. */
export interface FieldGroup {
  tab: string;
  fields: SchemaField[];
}

/** The fields a change may write, grouped by tab: the form's, then its MIME sub-forms' fields
 *  for properties the form does not have (once each); read-only fields are never offered. */
export function pickerGroups(schema: Schema | null): FieldGroup[] {
  if (!schema) return [];
  const seen = new Set<string>();
  const groups: FieldGroup[] = [];
  const all = [...schema.fields, ...schema.mimeForms.flatMap((m) => m.fields)];
  for (const field of all) {
    if (seen.has(field.property)) continue;
    seen.add(field.property);
    if (field.readOnly) continue;
    let group = groups.find((g) => g.tab === field.tab);
    if (!group) {
      group = { tab: field.tab, fields: [] };
      groups.push(group);
    }
    group.fields.push(field);
  }
  return groups;
}

/** The common properties offered beside the schema's fields: those it does not have (all of
 *  them when there is no schema); one it makes read-only is not offered. */
export function commonBeside(schema: Schema | null): KnownProperty[] {
  return KNOWN_PROPERTIES.filter((p) => !fieldOf(schema, p.property));
}

/** The field the schema has for `property` (the form's own first), if any. */
export function fieldOf(schema: Schema | null, property: string): SchemaField | undefined {
  if (!schema) return undefined;
  return [...schema.fields, ...schema.mimeForms.flatMap((m) => m.fields)].find((f) => f.property === property);
}

/** AEM's tags as a field, for a row on `cq:tags` the schema does not describe. */
export const TAGS_FIELD: SchemaField = {
  property: 'cq:tags',
  label: 'cq:tags',
  tab: '',
  kind: 'tags',
  multiple: true,
  options: [],
  required: false,
  readOnly: false,
  min: null,
  max: null,
};

/** How a field's value is typed. */
export type EditorKind = 'choices' | 'choice' | 'date' | 'number' | 'checkbox' | 'tags' | 'lines' | 'text';

/** The editor for `field` (none: a typed-in property, one line or one per line). A dropdown
 *  with no options listed in the form (options from a JSON file) takes typed values. */
export function editorOf(field: SchemaField | undefined, several: boolean): EditorKind {
  if (!field) return several ? 'lines' : 'text';
  switch (field.kind) {
    case 'dropdown':
      if (field.options.length === 0) return several ? 'lines' : 'text';
      return several ? 'choices' : 'choice';
    case 'tags':
      return 'tags';
    case 'date':
      return several ? 'lines' : 'date';
    case 'number':
      return several ? 'lines' : 'number';
    case 'checkbox':
      return 'checkbox';
    default:
      return several ? 'lines' : 'text';
  }
}

/** The row's values, one per line (empty lines dropped). */
export function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** `text` with `value` added as a line (once) or removed. */
export function toggleLine(text: string, value: string, on: boolean): string {
  const lines = linesOf(text).filter((line) => line !== value);
  if (on) lines.push(value);
  return lines.join('\n');
}

/** The tag id for what a person typed or picked in the tag field: an id as it is; a tag's
 *  trail ("WKND Shared › Activity › Surfing", with or without its namespace) or its title in
 *  any language the taxonomy holds, when exactly one tag answers to it; else the text as typed
 *  (the preview then says what AEM makes of it). Case and accents are not told apart. */
export function tagIdOf(typed: string, tags: readonly Tag[], lang: string): string {
  const text = typed.trim();
  if (tags.some((tag) => tag.id === text)) return text;
  const same = new Intl.Collator(lang, { sensitivity: 'base' });
  const names = (tag: Tag): string[] => [tag.trail, tag.trail.split(' › ').slice(1).join(' › '), tag.title, ...Object.values(tag.titles)];
  const answering = tags.filter((tag) => names(tag).some((name) => name !== '' && same.compare(name, text) === 0));
  const [only] = answering;
  return only && answering.length === 1 ? only.id : text;
}

/** The value a checkbox starts with: what the row holds when it is `true` or `false`, else `false`
 *  (an unticked box is a value too). */
export function checkboxText(text: string): string {
  const v = text.trim().toLowerCase();
  return v === 'true' || v === 'false' ? v : 'false';
}

/** The typed values a row keeps when its property changes to `field` (`several`: whether the row
 *  now takes several): text goes on to a field that shows it as typed — one line, or lines where
 *  the field takes several — never to a field that shows values its own way (options, a number,
 *  a date, a checkbox, tags), where it would sit unseen and hold the preview back. */
export function valuesKeptFor(text: string, field: SchemaField | undefined, several: boolean): string {
  const editor = editorOf(field, several);
  if (editor === 'lines') return text;
  if (editor === 'text' && linesOf(text).length <= 1) return text;
  return '';
}
