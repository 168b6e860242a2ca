// The bulk edit form as plain data: what the user picked and typed, the problems shown next to
// each field (in the window's words, through the `t` it is given), and the request the preview sends. No Svelte and
// no IPC here, so every rule is tested on its own (editForm.test.ts). The folder's own rule is the core's
// (`folderCheck.svelte.ts` asks it); the form only takes its answer.
import type { EditOp } from '../../ipc/bindings/EditOp';
import type { FormCheckRequest } from '../../ipc/bindings/FormCheckRequest';
import type { CheckedForm } from '../../ipc/bindings/CheckedForm';
import type { Edit } from '../../ipc/bindings/Edit';
import type { ScopeEditsRequest } from '../../ipc/bindings/ScopeEditsRequest';
import type { ScopeRequest } from '../../ipc/bindings/ScopeRequest';
import type { I18n } from '../../lib/i18n/i18n.svelte';
import type { FolderAnswer } from './folderCheck.svelte';
import { RULE_ACTIONS, isRule, newRule, ruleFieldMissing, ruleOp, type RuleDraft } from './ruleForm';

/** The window's `t` (message id and arguments → words). */
export type Translate = I18n['t'];

export const DAM_ROOT = '/content/dam';

/** A property the picker offers by name; `multi` fields take several values. `label` and
 *  `hint` are message ids: `label` its title in `properties.ftl`, the one table of titles
 *  the core names properties by too (`metadesk_bulk::property_titles`). */
export interface KnownProperty {
  property: string;
  label: string;
  multi: boolean;
  /** What a value looks like, under the values field. */
  hint: string;
  /** The label AEM's default metadata form gives it (AEM's data, not the window's words). */
  stock: string;
}

export const KNOWN_PROPERTIES: readonly KnownProperty[] = [
  { property: 'dc:title', label: 'property-title-dc-title', multi: false, hint: 'bulk-prop-title-hint', stock: 'Title' },
  { property: 'dc:description', label: 'property-title-dc-description', multi: false, hint: 'bulk-prop-description-hint', stock: 'Description' },
  { property: 'dc:rights', label: 'property-title-dc-rights', multi: false, hint: 'bulk-prop-rights-hint', stock: 'Copyright' },
  { property: 'dc:subject', label: 'property-title-dc-subject', multi: true, hint: 'bulk-prop-subject-hint', stock: 'Keywords' },
  { property: 'dc:creator', label: 'property-title-dc-creator', multi: true, hint: 'bulk-prop-creator-hint', stock: 'Creator' },
  { property: 'xmpRights:UsageTerms', label: 'property-title-xmprights-usageterms', multi: false, hint: 'bulk-prop-usage-terms-hint', stock: 'Usage Terms' },
  { property: 'cq:tags', label: 'property-title-cq-tags', multi: true, hint: 'bulk-prop-tags-hint', stock: 'Tags' },
];

/** Labels AEM's default metadata form gives properties the picker does not offer by name,
 *  each with the window's words for it: the form holds one English `fieldLabel` and no
 *  translation (AEM's own UI translates it through its i18n dictionaries, which Metadesk does
 *  not read), so these are said in the reader's language as the common properties are. */
export const STOCK_LABELS: readonly Pick<KnownProperty, 'property' | 'label' | 'stock'>[] = [
  // The "Expires" field of the Advanced tab (adobe-wire-lifecycle.md).
  { property: 'prism:expirationDate', label: 'property-title-prism-expirationdate', stock: 'Expires' },
];

/** A metadata form's label in the window's words: the label AEM's default form gives a common
 *  property is said as the window says it elsewhere ("Titre" in French, in the picker as in the
 *  tables); a label the form chose itself stays as AEM shows it. */
export function formLabel(t: Translate, property: string, label: string): string {
  const stock = knownProperty(property) ?? STOCK_LABELS.find((p) => p.property === property);
  return stock && stock.stock.toLowerCase() === label.trim().toLowerCase() ? t(stock.label) : label;
}

/** The picker's value for "type a property name". */
export const OTHER_PROPERTY = '';

export type ActionKind = EditOp['kind'];

/** The actions, each with its label's message id; then the rules that compute per asset. */
export const ACTIONS: readonly { kind: ActionKind; label: string }[] = [
  { kind: 'set', label: 'bulk-action-set' },
  { kind: 'append', label: 'bulk-action-append' },
  { kind: 'remove', label: 'bulk-action-remove' },
  { kind: 'clear', label: 'bulk-action-clear' },
  ...RULE_ACTIONS,
];

/** The actions a row offers. A property known to hold one value is set or cleared: adding a
 *  value to it would turn AEM's single value into a list (AEM's own bulk editor only appends
 *  to fields that hold several values). */
export function actionsFor(edit: EditDraft): readonly { kind: ActionKind; label: string }[] {
  if (multiOf(edit) === false) return ACTIONS.filter((a) => a.kind === 'set' || a.kind === 'clear' || isRule(a.kind));
  return ACTIONS;
}

/** Format filters offered as checkboxes (labels are message ids); none checked means every format. */
export const FORMATS: readonly { value: string; label: string }[] = [
  { value: 'image/*', label: 'bulk-format-images' },
  { value: 'video/*', label: 'bulk-format-videos' },
  { value: 'application/pdf', label: 'bulk-format-pdf' },
];

/** One row of "Say what to change", as typed. */
export interface EditDraft {
  /** Stable key for the list and for field ids. */
  key: number;
  /** A known property, or OTHER_PROPERTY when the user types one in `custom`. */
  picked: string;
  custom: string;
  action: ActionKind;
  /** A typed-in property takes several values (the user ticked "Several values"). Known
   *  properties say it themselves, and adding or removing values always takes several. */
  several: boolean;
  /** The single value (single-valued Set) or several, one per line. */
  text: string;
  /** The fields of a rule that computes (find and replace, a template): `ruleForm.ts`. */
  rule: RuleDraft;
  /** Whether the metadata schema's field for the picked property takes several values; null
   *  when it was not picked from the schema. */
  multi: boolean | null;
}

export interface FormDraft {
  connectionId: string;
  folder: string;
  recursive: boolean;
  /** Name pattern such as `*.jpg`; empty for every name. */
  name: string;
  formats: string[];
  edits: EditDraft[];
}

export function newEdit(key: number): EditDraft {
  return { key, picked: 'dc:title', custom: '', action: 'set', several: false, text: '', rule: newRule(), multi: null };
}

export function emptyForm(connectionId = ''): FormDraft {
  return { connectionId, folder: '', recursive: false, name: '', formats: [], edits: [newEdit(0)] };
}

export function knownProperty(property: string): KnownProperty | undefined {
  return KNOWN_PROPERTIES.find((p) => p.property === property);
}

/** The property the row edits, as it will be sent (`metadata/` prefix dropped). */
export function propertyOf(edit: EditDraft): string {
  const raw = edit.picked === OTHER_PROPERTY ? edit.custom : edit.picked;
  const name = raw.trim();
  return name.startsWith('metadata/') ? name.slice('metadata/'.length) : name;
}

/** A property in words: "Copyright (dc:rights)", or the name itself when it is not a known one. */
export function propertyLabel(t: Translate, property: string): string {
  const known = knownProperty(property);
  return known ? t('bulk-property-label', { label: t(known.label), property }) : property;
}

/** Whether the picked property holds several values, as far as Metadesk knows (a common
 *  property, else the schema's field); undefined when it does not. */
export function multiOf(edit: EditDraft): boolean | undefined {
  return knownProperty(propertyOf(edit))?.multi ?? edit.multi ?? undefined;
}

/** Whether the row takes several values whatever the user ticks: adding or removing values,
 *  or a property known to hold a list (picked or typed, or so in the schema). */
export function severalImplied(edit: EditDraft): boolean {
  if (edit.action === 'append' || edit.action === 'remove') return true;
  return multiOf(edit) ?? false;
}

/** Whether the row can say itself if it takes several values: a typed-in property that is not
 *  a known one with several values, and an action with values. */
export function canChooseSeveral(edit: EditDraft): boolean {
  return edit.picked === OTHER_PROPERTY && edit.action !== 'clear' && !severalImplied(edit);
}

/** Whether the row takes several values: implied (see above), or ticked for a typed-in property. */
export function takesSeveral(edit: EditDraft): boolean {
  return severalImplied(edit) || (edit.picked === OTHER_PROPERTY && edit.several);
}

/** Whether the row's values are shown one per line: when it takes several, and also when a
 *  list is left from before it took one value (so the lines stay visible until removed). */
export function showsLines(edit: EditDraft): boolean {
  return takesSeveral(edit) || lines(edit.text).length > 1;
}

function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** The values of a row: one per line when it takes several, else the one trimmed value. */
export function valuesOf(edit: EditDraft): string[] {
  if (edit.action === 'clear') return [];
  if (takesSeveral(edit)) return lines(edit.text);
  const value = edit.text.trim();
  return value === '' ? [] : [value];
}

/** The form's problems as message ids. */
export const MESSAGES = {
  connection: 'bulk-problem-connection',
  folder: 'bulk-problem-folder',
  property: 'bulk-problem-property',
  value: 'bulk-problem-value',
  values: 'bulk-problem-values',
  oneValue: 'bulk-problem-one-value',
  oneValueTyped: 'bulk-problem-one-value-typed',
  singleValued: 'bulk-problem-single-valued',
  edits: 'bulk-problem-edits',
} as const;

/** The folder's problem to show: none typed yet (the window's to say), else the core's answer
 *  about it (`answer`, null while it is asked: no problem shown yet). */
export function folderProblem(t: Translate, typed: string, answer: FolderAnswer | null): string | null {
  if (typed.trim() === '') return t(MESSAGES.folder);
  return answer && 'problem' in answer ? answer.problem : null;
}

export interface EditProblems {
  property?: string;
  values?: string;
}

export interface FormProblems {
  connection?: string;
  folder?: string;
  name?: string;
  edits: Record<number, EditProblems>;
  /** Problems not tied to one field (no row at all). */
  general?: string;
}

/** A request to check the form (`checkForm`): a field left out is none to check. */
export function formCheckRequest(fields: Partial<FormCheckRequest>): FormCheckRequest {
  return { properties: [], edits: [], name: null, conditions: [], list: null, sheetProperties: [], ...fields };
}

/** What the core checks of the form as typed (`checkForm`): the edits' properties and the
 *  edits as sent (their rules, a property on two rows), one per row, and the name pattern
 *  (none when empty). */
export function formCheckOf(form: FormDraft): FormCheckRequest {
  const name = form.name.trim();
  return formCheckRequest({ properties: form.edits.map(propertyOf), edits: editsOf(form), name: name === '' ? null : name });
}

/** Every problem of the form, by field; empty when it can be previewed. `folder`: the core's
 *  answer about the folder typed (null while it is asked); `checked`: the core's answer about
 *  the form as typed (`formCheckOf`; null while it is asked): a property refused or on two
 *  rows, a rule that does not read. The window says only what is not typed yet. */
export function validate(
  t: Translate,
  form: FormDraft,
  folder: FolderAnswer | null = null,
  checked: CheckedForm | null = null,
): FormProblems {
  const problems: FormProblems = { edits: {} };
  if (!form.connectionId) problems.connection = t(MESSAGES.connection);
  const folderWords = folderProblem(t, form.folder, folder);
  if (folderWords) problems.folder = folderWords;
  if (checked?.name) problems.name = checked.name;
  if (form.edits.length === 0) problems.general = t(MESSAGES.edits);

  for (const [index, edit] of form.edits.entries()) {
    const mine: EditProblems = {};
    const property = propertyOf(edit);
    const refused = checked?.properties[index] ?? checked?.repeated[index];
    if (property === '') mine.property = t(MESSAGES.property);
    else if (refused) mine.property = refused;
    const coreWords = checked?.edits[index];
    if (isRule(edit.action)) {
      // A field not typed yet is the window's to say; what is typed, the core's (`checkForm`).
      const missing = ruleFieldMissing(t, edit.action, edit.rule) ?? coreWords;
      if (missing) mine.values = missing;
    } else if (!actionsFor(edit).some((a) => a.kind === edit.action)) {
      const known = knownProperty(property);
      mine.values = t(MESSAGES.singleValued, { property: known ? t(known.label) : property });
    } else if (edit.action !== 'clear' && valuesOf(edit).length === 0) {
      mine.values = t(takesSeveral(edit) ? MESSAGES.values : MESSAGES.value);
    } else if (edit.action !== 'clear' && !takesSeveral(edit) && lines(edit.text).length > 1) {
      // Left over from a list typed before the row took one value: never send it as one.
      mine.values = t(canChooseSeveral(edit) ? MESSAGES.oneValueTyped : MESSAGES.oneValue);
    } else if (coreWords) {
      mine.values = coreWords;
    }
    if (mine.property || mine.values) problems.edits[edit.key] = mine;
  }
  return problems;
}

export function hasProblems(problems: FormProblems): boolean {
  return Boolean(
    problems.connection ||
      problems.folder ||
      problems.name ||
      problems.general ||
      Object.keys(problems.edits).length > 0,
  );
}

/** The folder scope the core takes (`folder`: the core's answer for the folder typed), with
 *  the form's name and format filters; the core makes the run's folder and filters of it. */
export function folderScope(form: FormDraft, folder: string): ScopeRequest {
  const name = form.name.trim();
  return {
    connectionId: form.connectionId,
    scope: { kind: 'folder', folder, recursive: form.recursive },
    name: name === '' ? null : name,
    formats: [...form.formats],
  };
}

export function opOf(edit: EditDraft): EditOp {
  if (isRule(edit.action)) return ruleOp(edit.action, edit.rule);
  if (edit.action === 'clear') return { kind: 'clear' };
  return { kind: edit.action as 'set' | 'append' | 'remove', values: valuesOf(edit) };
}

/** The request the preview sends for the folder the core took (`folder`); throws when the
 *  form still has problems (check first). */
export function toPreviewRequest(t: Translate, form: FormDraft, folder: string): ScopeEditsRequest {
  if (hasProblems(validate(t, form, { folder }))) throw new Error('The form has problems; validate it first.');
  return { scope: folderScope(form, folder), edits: editsOf(form) };
}

/** The changes the form asks for, as sent. */
export function editsOf(form: FormDraft): Edit[] {
  return form.edits.map((edit) => ({ property: propertyOf(edit), op: opOf(edit) }));
}
