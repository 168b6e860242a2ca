// Numbers, times, values and runs of bulk edits in the words the pages show, in the window's
// language (each function that says something takes the window's `I18n`). Plain functions,
// tested in format.test.ts. A run's status in words: `runStatus.ts`.
import type { ChangedSince } from '../../ipc/bindings/ChangedSince';
import type { Counts } from '../../ipc/bindings/Counts';
import type { Edit } from '../../ipc/bindings/Edit';
import type { FoundBy } from '../../ipc/bindings/FoundBy';
import type { Progress } from '../../ipc/bindings/Progress';
import type { PropertyChange } from '../../ipc/bindings/PropertyChange';
import type { RunStatus } from '../../ipc/bindings/RunStatus';
import type { RunSummary } from '../../ipc/bindings/RunSummary';
import type { I18n } from '../../lib/i18n/i18n.svelte';
import type { SchemaField } from '../../ipc/bindings/SchemaField';
import { knownProperty, propertyLabel } from './editForm';
import { pickedText } from './rowNames';
import { REPORT_STATUS_WORDS } from './runStatus';
import { TAGS_PROPERTY } from './tagTitles.svelte';

/** 1234 → "1,234" (English), "1 234" (French). */
export function count(i18n: I18n, n: number): string {
  return i18n.number(n, { maximumFractionDigits: 0 });
}

/** "1 asset", "1,234 assets". */
export function assets(i18n: I18n, n: number): string {
  return i18n.t('assets-count', { count: n });
}

/** Whole percent of `done` out of `total`; 100 only when everything is done. */
export function percent(done: number, total: number): number {
  if (total <= 0) return done > 0 ? 100 : 0;
  if (done >= total) return 100;
  return Math.min(99, Math.floor((done / total) * 100));
}

/** Assets per second: "42 assets/s", "0.5 assets/s", "1 asset/s"; empty until there is a rate. */
export function rate(i18n: I18n, perSecond: number): string {
  if (!Number.isFinite(perSecond) || perSecond <= 0) return '';
  const shown = perSecond >= 10 ? Math.round(perSecond) : Math.round(perSecond * 10) / 10;
  return i18n.t('bulk-rate', { rate: shown });
}

/** Time left: "less than a minute left", "about 3 min left", "about 1 h 5 min left". */
export function timeLeft(i18n: I18n, etaSecs: number | null): string {
  if (etaSecs === null || !Number.isFinite(etaSecs) || etaSecs < 0) return '';
  if (etaSecs < 60) return i18n.t('bulk-time-left-soon');
  const minutes = Math.round(etaSecs / 60);
  return i18n.t('bulk-time-left', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}

export type Value = PropertyChange['before'];

/** A property value as a cell shows it: "(not set)", "text", or "a, b, c". */
export function value(i18n: I18n, v: Value): string {
  if (v === null || v === undefined) return i18n.t('bulk-value-not-set');
  if (Array.isArray(v)) return v.length === 0 ? i18n.t('bulk-value-empty-list') : v.map(String).join(', ');
  return String(v);
}

/** Whether a value is absent or empty (no text, an empty list, only blank texts). */
export function isEmpty(v: Value): boolean {
  if (v === null || v === undefined) return true;
  if (Array.isArray(v)) return v.every((item) => isEmpty(item as Value));
  return typeof v === 'string' && v.trim() === '';
}

/** A value inside a sentence: quoted, or "(not set)" as it is. */
function quoted(i18n: I18n, v: Value): string {
  return v === null || v === undefined ? value(i18n, v) : i18n.t('bulk-quoted', { value: value(i18n, v) });
}

/**
 * Why an asset was not written because someone changed it in AEM after the preview, in words
 * with the value the preview saw and the one in AEM now, for each such property.
 */
export function changedSinceWords(i18n: I18n, changed: readonly ChangedSince[]): string {
  const values = changed.map((c) =>
    i18n.t('bulk-changed-since-value', {
      property: propertyLabel(i18n.t, c.property),
      before: quoted(i18n, c.preview),
      now: quoted(i18n, c.now),
    }),
  );
  return i18n.t('bulk-changed-since', { values: values.join(i18n.t('bulk-list-separator')) });
}

/** Whether before and after differ (arrays compared item by item). */
export function differs(change: PropertyChange): boolean {
  return JSON.stringify(change.before ?? null) !== JSON.stringify(change.after ?? null);
}

/** One value of a list change: kept, added or removed. */
export interface ListItem {
  value: string;
  state: 'kept' | 'added' | 'removed';
}

/** A change of a multi-value property value by value: the values before in their order, those
 *  gone marked removed, then the new ones. `null` when neither side is a list (a single value
 *  shows as before → after). A value is compared as text, as AEM shows it. */
export function listDiff(change: PropertyChange): ListItem[] | null {
  const { before, after } = change;
  if (!Array.isArray(before) && !Array.isArray(after)) return null;
  const list = (v: Value): string[] => (v === null || v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);
  const was = list(before);
  const now = list(after);
  const items: ListItem[] = was.map((value) => ({ value, state: now.includes(value) ? 'kept' : 'removed' }));
  for (const value of now) if (!was.includes(value)) items.push({ value, state: 'added' });
  return items;
}

/** The last part of a path: the asset's file name. */
export function fileName(path: string): string {
  const parts = path.split('/');
  return parts[parts.length - 1] || path;
}

/** The folder part of a path. */
export function parentPath(path: string): string {
  const at = path.lastIndexOf('/');
  return at > 0 ? path.slice(0, at) : path;
}

/** Where an asset is, under its name in a table: nothing when it is right in the run's folder
 *  (the page says which), its subfolder (relative) when it is deeper, else its folder. */
export function whereIn(path: string, runFolder: string): string | null {
  const parent = parentPath(path);
  if (parent === runFolder) return null;
  return parent.startsWith(`${runFolder}/`) ? parent.slice(runFolder.length + 1) : parent;
}

/** What the preview's progress line says: listing first (the total still grows), then reading. */
export function previewLine(i18n: I18n, p: Progress | null): string {
  if (!p) return i18n.t('bulk-preview-starting');
  if (!p.totalKnown) return i18n.t('bulk-preview-finding', { count: p.total });
  if (p.finished) return i18n.t('bulk-preview-read', { count: p.total });
  return i18n.t('bulk-preview-reading', { done: p.done, total: p.total });
}

/** When a run was started, read from its id (`20260512-103000-123-4f2a`, in UTC), as an ISO
 *  time; null when the id is not one of those. */
export function runIdTime(id: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-\d{3}-[0-9a-f]+$/.exec(id);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}Z`;
  return Number.isNaN(new Date(iso).getTime()) ? null : iso;
}

/** The folder, and whether subfolders were included. */
export function scopeLine(i18n: I18n, run: Pick<RunSummary, 'folder' | 'recursive'>): string {
  return run.recursive ? i18n.t('scope-with-subfolders', { folder: run.folder }) : run.folder;
}

/** The catalogue’s arguments for `bulk-found-by`: which search found a run's assets, and through
 *  which connection when it was not the run's own. */
export function foundArgs(foundBy: FoundBy): { how: string; connection: string } {
  const via = foundBy.kind !== 'openapi_search' && foundBy.connection ? foundBy.connection : '';
  const how = { openapi_search: 'openapi', folder_listing: 'listing', query_builder: 'query-builder' }[foundBy.kind];
  return { how: foundBy.kind === 'openapi_search' || !via ? how : `${how}-via`, connection: via };
}

/** What a search or a list run selected: the conditions of a search (`RunSummary.conditions`,
 *  worded in the window's language by the core), a list's size in the window's words, or null
 *  for a folder's assets. */
export function selectionLine(
  i18n: I18n,
  run: Partial<Pick<RunSummary, 'listEntries' | 'conditions' | 'fragments'>>,
): { kind: 'where' | 'list'; text: string } | null {
  if (run.listEntries !== null && run.listEntries !== undefined) {
    const words = run.fragments ? 'bulk-selection-fragment-list' : 'bulk-selection-list';
    return { kind: 'list', text: i18n.t(words, { count: run.listEntries }) };
  }
  if (run.conditions) return { kind: 'where', text: run.conditions };
  return null;
}

/** Planned changes of a previewed run: pending ones (changed/failed are 0 before an apply). */
export function willChange(counts: Counts): number {
  return counts.pending + counts.changed + counts.failed;
}

/** "1,980 changed · 20 failed · 3 left alone", leaving out zeros (except when all are zero);
 *  `changed` the words of the written ones (the run's `doneWords`). */
export function countsLine(i18n: I18n, counts: Counts, status: RunStatus, changed = 'count-changed'): string {
  const parts: [number, string][] =
    status === 'previewed' || status === 'preview_incomplete'
      ? [
          [willChange(counts), 'count-to-change'],
          [counts.unchanged, 'count-unchanged'],
          [counts.skipped, 'count-left-alone'],
        ]
      : [
          [counts.changed, changed],
          [counts.unchanged, 'count-unchanged'],
          [counts.skipped, 'count-left-alone'],
          [counts.failed, 'count-failed'],
          [counts.pending, 'count-pending'],
        ];
  const shown = parts.filter(([n]) => n > 0).map(([n, id]) => i18n.t(id, { count: n }));
  return shown.length > 0 ? shown.join(' · ') : assets(i18n, counts.assets);
}

/** A segment of the report's chart. */
export interface ChartPart {
  key: 'changed' | 'unchanged' | 'skipped' | 'failed' | 'pending';
  label: string;
  value: number;
  /** Share of all assets, 0–100 (not rounded). */
  share: number;
}

/** The report chart's segments, in a fixed order; zero parts are kept (their legend says 0).
 *  An undo's changed assets are "put back", as its report's tab says: one word per idea;
 *  `words` gives other parts their tab's words (a publish run's "Published", "Left alone"). */
export function chartParts(i18n: I18n, counts: Counts, undo = false, words: Partial<Record<ChartPart['key'], string>> = {}): ChartPart[] {
  const total = counts.changed + counts.unchanged + counts.skipped + counts.failed + counts.pending;
  const part = (key: ChartPart['key'], value: number): ChartPart => ({
    key,
    label: i18n.t(words[key] ?? (key === 'changed' && undo ? 'bulk-outcome-put-back' : REPORT_STATUS_WORDS[key])),
    value,
    share: total > 0 ? (value / total) * 100 : 0,
  });
  const parts = [
    part('changed', counts.changed),
    part('unchanged', counts.unchanged),
    part('skipped', counts.skipped),
    part('failed', counts.failed),
  ];
  if (counts.pending > 0) parts.push(part('pending', counts.pending));
  return parts;
}

/** The most frequent reason among failed rows, and how many rows gave it. */
export function commonReason(reasons: readonly (string | null)[]): { reason: string; times: number } | null {
  const tally = new Map<string, number>();
  for (const reason of reasons) if (reason) tally.set(reason, (tally.get(reason) ?? 0) + 1);
  let best: { reason: string; times: number } | null = null;
  for (const [reason, times] of tally) if (!best || times > best.times) best = { reason, times };
  return best;
}

/** Ends `text` with a full stop unless it already ends a sentence (reasons come without one). */
export function fullStop(text: string): string {
  const trimmed = text.trimEnd();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** A reason as a sentence of its own: capital first letter, full stop. */
export function asSentence(reason: string): string {
  const text = fullStop(reason.trim());
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The sentence above a report's table when assets failed. */
export function failureSummary(i18n: I18n, failed: number, reasons: readonly (string | null)[], seen: number): string {
  const common = commonReason(reasons);
  if (!common) return i18n.t('bulk-failures-see-table', { count: failed });
  if (common.times === seen) return i18n.t('bulk-failures-all', { count: failed, reason: fullStop(common.reason) });
  return i18n.t('bulk-failures-common', { count: failed, times: common.times, seen, reason: fullStop(common.reason) });
}

/** A tag id as people know it ("Activity › Surfing"); null when the taxonomy does not say. */
export type TagTitle = (id: string) => string | null;

/** An edit of a run in words, with its property's label: `Copyright (dc:rights): set to “x”`
 *  (a list set reads as a set); tags by their titles where `tagTitle` knows them. The core
 *  words edits too, for the CLI; the window words them here so that the property's label shows
 *  in every language. */
export function editLine(i18n: I18n, edit: Edit, field: SchemaField | null = null, tagTitle: TagTitle = () => null): string {
  const op = edit.op;
  // A content fragment's field by its label, its values as the person picked them.
  const property = field?.label ?? propertyLabel(i18n.t, edit.property);
  const shown = (value: string): string => (edit.property === TAGS_PROPERTY ? (tagTitle(value) ?? value) : pickedText(field, value));
  if (op.kind !== 'clear' && !('values' in op)) {
    return i18n.t('bulk-edit-line-rule', { property, rule: ruleWords(i18n, op, shown) });
  }
  const values = op.kind === 'clear' ? '' : op.values.map((v) => i18n.t('bulk-quoted', { value: shown(v) })).join(', ');
  const verb = op.kind === 'set_list' ? 'set' : op.kind;
  return i18n.t('bulk-edit-line', { property, verb, values });
}

/** A template in people's words (issue 77): one property alone is "copied from each asset's
 *  Title"; else the template with each property it names by its title, "{Title} by {Creator}". */
function templateWords(i18n: I18n, template: string): string {
  const title = (property: string) => {
    const known = knownProperty(property);
    return known ? i18n.t(known.label) : property;
  };
  const alone = /^\{([^{}]+)\}$/.exec(template.trim());
  if (alone) return i18n.t('bulk-rule-words-template-copy', { property: title(alone[1]!.trim()) });
  const worded = template.replace(/\{([^{}]+)\}/g, (_, property: string) => `{${title(property.trim())}}`);
  return i18n.t('bulk-rule-words-template', { template: worded });
}

/** A rule that computes, in words (the part after the property). */
function ruleWords(i18n: I18n, op: Edit['op'], shown: (value: string) => string): string {
  switch (op.kind) {
    case 'replace':
      return i18n.t('bulk-rule-words-replace', { find: op.find, replace: op.replace, regex: op.regex ? 'yes' : 'no' });
    case 'template':
      return templateWords(i18n, op.template);
    case 'from_name':
      return i18n.t('bulk-rule-words-from-name', { pattern: op.pattern, template: op.template });
    case 'copy':
      return i18n.t('bulk-rule-words-copy', { from: op.from });
    case 'case':
      return i18n.t('bulk-rule-words-case', { to: op.to });
    case 'trim':
      return i18n.t('bulk-rule-words-trim', { collapse: op.collapse ? 'yes' : 'no' });
    case 'shift_date':
      return i18n.t('bulk-rule-words-shift-date', { by: op.by });
    case 'set_date':
      return i18n.t('bulk-rule-words-set-date', { date: op.to });
    case 'where':
      return i18n.t('bulk-rule-words-where', { rule: ruleWords(i18n, op.op, shown), is: op.propertyIs });
    case 'retag':
      return op.to
        ? i18n.t('bulk-rule-words-retag', { from: shown(op.from), to: shown(op.to) })
        : i18n.t('bulk-rule-words-untag', { from: shown(op.from) });
    default:
      return op.kind;
  }
}

/** How much room an asset's column asks for in a table of changes (its thumbnail and name), on
 *  the scale of `changeWeights`. */
export const ASSET_WEIGHT = 48;

/** The room each property's column asks for in a table of changes, as weights: the length of
 *  its longest "before → after" on the rows given, between 24 and 60 characters, so a long text
 *  gets room and a short value takes no more than it needs. */
export function changeWeights(rows: readonly { changes: readonly PropertyChange[] }[], properties: readonly string[]): number[] {
  const length = (v: PropertyChange['before']): number => (v === null ? 8 : Array.isArray(v) ? v.map(String).join(', ').length : String(v).length);
  return properties.map((property) => {
    let longest = 0;
    for (const row of rows) {
      const change = row.changes.find((c) => c.property === property);
      if (change) longest = Math.max(longest, length(change.before) + length(change.after) + 3);
    }
    return Math.min(60, Math.max(24, longest));
  });
}
