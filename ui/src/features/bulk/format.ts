// Numbers, times, values and statuses of bulk runs in the words the pages show. Plain functions,
// tested in format.test.ts.
import type { ChangedSincePreview } from '../../ipc/bindings/ChangedSincePreview';
import type { Counts } from '../../ipc/bindings/Counts';
import type { Progress } from '../../ipc/bindings/Progress';
import type { PropertyChange } from '../../ipc/bindings/PropertyChange';
import type { ReportStatus } from '../../ipc/bindings/ReportStatus';
import type { RunStatus } from '../../ipc/bindings/RunStatus';
import type { RunSummary } from '../../ipc/bindings/RunSummary';
import { propertyLabel } from './editForm';

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 1234 → "1,234". */
export function count(n: number): string {
  return integer.format(n);
}

/** "1 asset", "1,234 assets". */
export function assets(n: number): string {
  return `${count(n)} ${n === 1 ? 'asset' : 'assets'}`;
}

/** Whole percent of `done` out of `total`; 100 only when everything is done. */
export function percent(done: number, total: number): number {
  if (total <= 0) return done > 0 ? 100 : 0;
  if (done >= total) return 100;
  return Math.min(99, Math.floor((done / total) * 100));
}

/** Assets per second: "42 assets/s", "0.5 assets/s", "1 asset/s"; empty until there is a rate. */
export function rate(perSecond: number): string {
  if (!Number.isFinite(perSecond) || perSecond <= 0) return '';
  const shown = perSecond >= 10 ? Math.round(perSecond) : Math.round(perSecond * 10) / 10;
  return `${shown} ${shown === 1 ? 'asset' : 'assets'}/s`;
}

/** Time left: "less than a minute left", "about 3 min left", "about 1 h 5 min left". */
export function timeLeft(etaSecs: number | null): string {
  if (etaSecs === null || !Number.isFinite(etaSecs) || etaSecs < 0) return '';
  if (etaSecs < 60) return 'less than a minute left';
  const minutes = Math.round(etaSecs / 60);
  if (minutes < 60) return `about ${minutes} min left`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `about ${h} h left` : `about ${h} h ${m} min left`;
}

/** A duration: "12 s", "2 min 5 s", "1 h 3 min". */
export function duration(secs: number | null): string {
  if (secs === null || !Number.isFinite(secs) || secs < 0) return '';
  const total = Math.round(secs);
  if (total < 60) return `${total} s`;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return m === 0 ? `${h} h` : `${h} h ${m} min`;
  return s === 0 ? `${m} min` : `${m} min ${s} s`;
}

/** A date and time in the user's locale and time zone. */
export function when(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export type Value = PropertyChange['before'];

/** A property value as a cell shows it: "(not set)", "text", or "a, b, c". */
export function value(v: Value): string {
  if (v === null || v === undefined) return '(not set)';
  if (Array.isArray(v)) return v.length === 0 ? '(empty list)' : v.map(String).join(', ');
  return String(v);
}

/** A value inside a sentence: quoted, or "(not set)" as it is. */
function quoted(v: Value): string {
  return v === null || v === undefined ? value(v) : `“${value(v)}”`;
}

/**
 * Why an asset was not written because someone changed it in AEM after the preview, in words
 * with the value the preview saw and the one in AEM now, for each such property.
 */
export function changedSinceWords(changed: readonly ChangedSincePreview[]): string {
  const values = changed.map((c) => `${propertyLabel(c.property)} was ${quoted(c.preview)} at the preview and is now ${quoted(c.now)}`);
  return `Changed in AEM since the preview, so it was not overwritten: ${values.join('; ')}. Retry failed plans it again from the value now in AEM.`;
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
export function previewLine(p: Progress | null): string {
  if (!p) return 'Starting the preview…';
  if (!p.totalKnown) return `Finding assets… ${count(p.total)} so far`;
  if (p.finished) return `Read ${assets(p.total)}.`;
  return `Reading current values… ${count(p.done)} of ${count(p.total)}`;
}

export const STATUS_WORDS: Record<RunStatus, string> = {
  preview_incomplete: 'Preview not finished',
  previewed: 'Previewed, not applied',
  interrupted: 'Interrupted',
  cancelled: 'Cancelled',
  stopped: 'Stopped',
  completed: 'Completed',
};

/** The status in words, saying so when a completed run has failures. */
export function statusWords(run: RunSummary): string {
  if (run.status === 'completed' && run.counts.failed > 0) return 'Completed with failures';
  return STATUS_WORDS[run.status];
}

/** How alarming a run's status is: green only when everything went through. */
export type StatusTone = 'success' | 'warning' | 'danger' | 'info' | 'neutral';

export function statusTone(run: RunSummary): StatusTone {
  switch (run.status) {
    case 'completed':
      return run.counts.failed > 0 ? 'warning' : 'success';
    case 'stopped':
    case 'interrupted':
      return 'danger';
    case 'cancelled':
    case 'preview_incomplete':
      return 'warning';
    case 'previewed':
      return 'info';
  }
}

/** One sentence on where a run stands and what can be done about it. */
export function statusSentence(run: RunSummary): string {
  switch (run.status) {
    case 'preview_incomplete':
      return 'The preview did not finish, so this run cannot be applied. Preview the edit again.';
    case 'previewed':
      return 'Previewed: nothing has been written to AEM yet.';
    case 'interrupted':
      return 'The app closed or lost its way while applying. Resume to write the changes not made yet.';
    case 'cancelled':
      return run.counts.pending > 0
        ? `Cancelled: ${assets(run.counts.pending)} were left as they are. You can resume later.`
        : 'Cancelled.';
    case 'stopped':
      return 'Stopped before the end. Fix the cause above, then resume.';
    case 'completed':
      return run.counts.failed > 0 ? 'Completed, with assets that could not be changed.' : 'Completed.';
  }
}

export const REPORT_STATUS_WORDS: Record<ReportStatus, string> = {
  changed: 'Changed',
  unchanged: 'Already as wanted',
  skipped: 'Skipped',
  failed: 'Failed',
  pending: 'Not applied yet',
};

/** When a run was started, read from its id (`20260512-103000-123-4f2a`, in UTC), as an ISO
 *  time; null when the id is not one of those. */
export function runIdTime(id: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-\d{3}-[0-9a-f]+$/.exec(id);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}Z`;
  return Number.isNaN(new Date(iso).getTime()) ? null : iso;
}

/** What kind of run it is, in words: what an undo or a retry goes back to (its kind and when
 *  it was made), never a run id; null for a plain edit. Its folder is the run's own (shown next
 *  to this line), so it is only named when it differs. `origin` is the run it undoes or
 *  retries, when the history has it. */
export function kindLine(
  run: Pick<RunSummary, 'kind' | 'folder'>,
  origin: Pick<RunSummary, 'kind' | 'created' | 'folder'> | null = null,
): string | null {
  if (run.kind.kind === 'edit') return null;
  if (run.kind.kind === 'sheet') return `Values from the sheet ${run.kind.file}`;
  const what = !origin
    ? 'run'
    : origin.kind.kind === 'edit'
      ? 'bulk edit'
      : origin.kind.kind === 'sheet'
        ? `import of the sheet ${origin.kind.file}`
        : origin.kind.kind;
  const made = origin?.created ?? runIdTime(run.kind.of);
  const where = origin && origin.folder !== run.folder ? ` in ${origin.folder}` : '';
  const from = `the ${what}${made ? ` made ${when(made)}` : ''}${where}`;
  return run.kind.kind === 'undo' ? `Undo of ${from}` : `Retry of the assets that failed in ${from}`;
}

/** The folder, and whether subfolders were included. */
export function scopeLine(run: Pick<RunSummary, 'folder' | 'recursive'>): string {
  return run.recursive ? `${run.folder} and subfolders` : run.folder;
}

/** What a search or a list run selected, from its scope in words (`RunSummary.scope`): the
 *  conditions of a search (`dc:rights is empty and …`), a list's size (`a list of 12 entries`),
 *  or null for a folder's assets. */
export function selectionLine(run: Pick<RunSummary, 'scope'>): { kind: 'where' | 'list'; text: string } | null {
  const scope = run.scope ?? '';
  if (scope.startsWith('a list of ')) return { kind: 'list', text: scope };
  const at = scope.indexOf(' where ');
  return at >= 0 ? { kind: 'where', text: scope.slice(at + ' where '.length) } : null;
}

/** Planned changes of a previewed run: pending ones (changed/failed are 0 before an apply). */
export function willChange(counts: Counts): number {
  return counts.pending + counts.changed + counts.failed;
}

/** "1,980 changed · 20 failed · 3 skipped", leaving out zeros (except when all are zero). */
export function countsLine(counts: Counts, status: RunStatus): string {
  if (status === 'previewed' || status === 'preview_incomplete') {
    const parts = [
      [willChange(counts), 'to change'],
      [counts.unchanged, 'already as wanted'],
      [counts.skipped, 'skipped'],
    ] as const;
    const shown = parts.filter(([n]) => n > 0).map(([n, w]) => `${count(n)} ${w}`);
    return shown.length > 0 ? shown.join(' · ') : assets(counts.assets);
  }
  const parts = [
    [counts.changed, 'changed'],
    [counts.unchanged, 'already as wanted'],
    [counts.skipped, 'skipped'],
    [counts.failed, 'failed'],
    [counts.pending, 'not applied yet'],
  ] as const;
  const shown = parts.filter(([n]) => n > 0).map(([n, w]) => `${count(n)} ${w}`);
  return shown.length > 0 ? shown.join(' · ') : assets(counts.assets);
}

/** A segment of the report's chart. */
export interface ChartPart {
  key: 'changed' | 'unchanged' | 'skipped' | 'failed' | 'pending';
  label: string;
  value: number;
  /** Share of all assets, 0–100 (not rounded). */
  share: number;
}

/** The report chart's segments, in a fixed order; zero parts are kept (their legend says 0). */
export function chartParts(counts: Counts): ChartPart[] {
  const total = counts.changed + counts.unchanged + counts.skipped + counts.failed + counts.pending;
  const part = (key: ChartPart['key'], label: string, value: number): ChartPart => ({
    key,
    label,
    value,
    share: total > 0 ? (value / total) * 100 : 0,
  });
  const parts = [
    part('changed', 'Changed', counts.changed),
    part('unchanged', 'Already as wanted', counts.unchanged),
    part('skipped', 'Skipped', counts.skipped),
    part('failed', 'Failed', counts.failed),
  ];
  if (counts.pending > 0) parts.push(part('pending', 'Not applied yet', counts.pending));
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
export function failureSummary(failed: number, reasons: readonly (string | null)[], seen: number): string {
  const head = `${assets(failed)} could not be changed`;
  const common = commonReason(reasons);
  if (!common) return `${head}. Their reasons are in the table below.`;
  if (common.times === seen) return `${head}: ${fullStop(common.reason)}`;
  return `${head}. The most common reason (${count(common.times)} of the ${count(seen)} shown): ${fullStop(common.reason)}`;
}

const VERBS: Record<string, string> = { set: 'set to', append: 'add', remove: 'remove', clear: 'clear' };

/** An edit as the run history gives it (`dc:rights: set "x"`), in words:
 *  `Copyright (dc:rights): set to "x"`. Anything else is shown as it is. */
export function editLine(edit: string): string {
  const match = /^([A-Za-z_][\w.-]*:[\w.-]+): (set|append|remove|clear)\b(.*)$/.exec(edit);
  if (!match) return edit;
  const [, property = '', verb = '', rest = ''] = match;
  return `${propertyLabel(property)}: ${VERBS[verb] ?? verb}${rest}`;
}
