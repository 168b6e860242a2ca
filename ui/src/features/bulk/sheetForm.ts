// "From a spreadsheet" as plain data: which properties the exported sheet holds (common fields
// ticked in words, others typed as prefix:name), the problems of the export form in words, and
// the filtering of a sheet's problems table. No Svelte and no IPC here (sheetForm.test.ts).
import type { Issue } from '../../ipc/bindings/Issue';
import type { SheetFormat } from '../../ipc/bindings/SheetFormat';
import type { SheetImport } from '../../ipc/bindings/SheetImport';
import { folderProblem, isPropertyName, KNOWN_PROPERTIES, normalizeFolder } from './editForm';

export interface SheetDraft {
  /** Known properties ticked, in the order of KNOWN_PROPERTIES. */
  known: string[];
  /** Other properties as typed: prefix:name, separated by commas, spaces or lines. */
  others: string;
  format: SheetFormat;
}

export function emptySheetDraft(): SheetDraft {
  return { known: ['dc:title', 'dc:description', 'dc:subject'], others: '', format: 'xlsx' };
}

export const SHEET_MESSAGES = {
  noProperty: 'Tick at least one property, or type one such as dc:rights.',
  connection: 'Choose a connection above.',
  noFile: 'Drop the edited sheet on this window, or choose it.',
} as const;

function typed(others: string): string[] {
  return others
    .split(/[\s,;]+/)
    .map((name) => name.trim())
    .map((name) => (name.startsWith('metadata/') ? name.slice('metadata/'.length) : name))
    .filter((name) => name !== '');
}

/** The properties the sheet holds, each once, known ones first. */
export function sheetProperties(draft: SheetDraft): string[] {
  const known = KNOWN_PROPERTIES.map((p) => p.property).filter((p) => draft.known.includes(p));
  const all = [...known, ...typed(draft.others)];
  return all.filter((name, index) => all.indexOf(name) === index);
}

export interface SheetExportProblems {
  connection?: string;
  folder?: string;
  properties?: string;
}

/** Every problem of the export form; empty when it can be exported. */
export function exportProblems(connectionId: string, folder: string, draft: SheetDraft): SheetExportProblems {
  const problems: SheetExportProblems = {};
  if (!connectionId) problems.connection = SHEET_MESSAGES.connection;
  const where = folderProblem(normalizeFolder(folder));
  if (where) problems.folder = where;
  const bad = typed(draft.others).filter((name) => !isPropertyName(name));
  if (bad.length > 0) {
    problems.properties = `${bad.join(', ')}: type each property as prefix:name, for example dc:rights or xmpRights:UsageTerms.`;
  } else if (sheetProperties(draft).length === 0) {
    problems.properties = SHEET_MESSAGES.noProperty;
  }
  return problems;
}

export function hasExportProblems(problems: SheetExportProblems): boolean {
  return Boolean(problems.connection || problems.folder || problems.properties);
}

export type IssueFilter = 'all' | 'error' | 'warning';

/** The problems shown: of one severity (or all) and containing the text typed (any case). */
export function filterIssues(issues: readonly Issue[], severity: IssueFilter, text: string): Issue[] {
  const needle = text.trim().toLowerCase();
  return issues.filter(
    (issue) =>
      (severity === 'all' || issue.severity === severity) &&
      (needle === '' || issue.message.toLowerCase().includes(needle) || (issue.column ?? '').toLowerCase().includes(needle)),
  );
}

export function errorCount(issues: readonly Issue[]): number {
  return issues.filter((issue) => issue.severity === 'error').length;
}

/** Whether the sheet's preview may be applied: there is one, and no error stands (rows in
 *  error were left out when the user chose to skip them). */
export function canApplySheet(result: SheetImport, skipped: boolean): boolean {
  return result.run !== null && (skipped || errorCount(result.issues) === 0);
}

/** The column of a problem split for the table: `D` and `Title (dc:title)`. */
export function columnParts(column: string | null): { letter: string; header: string } {
  if (!column) return { letter: '', header: '' };
  const match = /^([A-Z]+) \((.*)\)$/.exec(column);
  return match ? { letter: match[1] ?? '', header: match[2] ?? '' } : { letter: '', header: column };
}

/** The sentence under the import: what the sheet holds and what stops it. */
export function sheetSummary(result: SheetImport): string {
  const errors = errorCount(result.issues);
  const warnings = result.issues.length - errors;
  const rows = `${result.rows} ${result.rows === 1 ? 'row' : 'rows'}`;
  const parts = [`${result.fileName} (${result.format}): ${rows}`];
  if (errors > 0) parts.push(`${errors} ${errors === 1 ? 'error' : 'errors'}`);
  if (warnings > 0) parts.push(`${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`);
  return parts.join(', ') + '.';
}
