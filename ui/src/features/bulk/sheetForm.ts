// "From a spreadsheet" as plain data: which properties the exported sheet holds (common fields
// and the schema's ticked, others typed as prefix:name), the problems of the export form in the
// window's words (through the `t` given), and
// the filtering of a sheet's problems table. No Svelte and no IPC here (sheetForm.test.ts).
import type { Issue } from '../../ipc/bindings/Issue';
import type { SheetFormat } from '../../ipc/bindings/SheetFormat';
import type { SheetImport } from '../../ipc/bindings/SheetImport';
import type { CheckedForm } from '../../ipc/bindings/CheckedForm';
import type { FormCheckRequest } from '../../ipc/bindings/FormCheckRequest';
import { folderProblem, formCheckRequest, KNOWN_PROPERTIES, type Translate } from './editForm';
import type { FolderAnswer } from './folderCheck.svelte';

export interface SheetDraft {
  /** Properties ticked: common ones, the metadata schema's fields. */
  known: string[];
  /** Other properties as typed: prefix:name, separated by commas, spaces or lines. */
  others: string;
  format: SheetFormat;
}

export function emptySheetDraft(): SheetDraft {
  return { known: ['dc:title', 'dc:description', 'dc:subject'], others: '', format: 'xlsx' };
}

/** The sheet form's problems as message ids. */
export const SHEET_MESSAGES = {
  noProperty: 'bulk-sheet-problem-no-property',
  connection: 'bulk-sheet-problem-connection',
  noFile: 'bulk-sheet-problem-no-file',
} as const;

function typed(others: string): string[] {
  return others
    .split(/[\s,;]+/)
    .map((name) => name.trim())
    .map((name) => (name.startsWith('metadata/') ? name.slice('metadata/'.length) : name))
    .filter((name) => name !== '');
}

/** The properties the sheet holds, each once: the common ones ticked (in their usual order),
 *  the schema's fields ticked, then those typed. (The core orders the columns by the folder's
 *  schema where it can read it.) */
export function sheetProperties(draft: SheetDraft): string[] {
  const common = KNOWN_PROPERTIES.map((p) => p.property).filter((p) => draft.known.includes(p));
  const all = [...common, ...draft.known, ...typed(draft.others)];
  return all.filter((name, index) => all.indexOf(name) === index);
}

export interface SheetExportProblems {
  connection?: string;
  folder?: string;
  properties?: string;
}

/** What the core checks of the export form as typed (`checkForm`): the extra properties. */
export function sheetCheckOf(draft: SheetDraft): FormCheckRequest {
  return formCheckRequest({ sheetProperties: typed(draft.others) });
}

/** Every problem of the export form; empty when it can be exported. `answer`: the core's
 *  answer about the folder typed (null while it is asked); `checked`: its answer about the
 *  extra properties (`sheetCheckOf`; null while it is asked). */
export function exportProblems(
  t: Translate,
  connectionId: string,
  folder: string,
  answer: FolderAnswer | null,
  draft: SheetDraft,
  checked: CheckedForm | null = null,
): SheetExportProblems {
  const problems: SheetExportProblems = {};
  if (!connectionId) problems.connection = t(SHEET_MESSAGES.connection);
  const where = folderProblem(t, folder, answer);
  if (where) problems.folder = where;
  const refused = (checked?.sheetProperties ?? []).filter((problem) => problem !== null);
  if (refused.length > 0) {
    problems.properties = refused.join(' ');
  } else if (sheetProperties(draft).length === 0) {
    problems.properties = t(SHEET_MESSAGES.noProperty);
  }
  return problems;
}

export function hasExportProblems(problems: SheetExportProblems): boolean {
  return Boolean(problems.connection || problems.folder || problems.properties);
}

/** The problems read so far that contain the text typed (any case), in their sentence or column. */
export function findInIssues(issues: readonly Issue[], text: string): Issue[] {
  const needle = text.trim().toLowerCase();
  if (needle === '') return [...issues];
  return issues.filter((issue) => issue.message.toLowerCase().includes(needle) || (issue.column ?? '').toLowerCase().includes(needle));
}

/** Whether the sheet's preview may be applied: there is one, and no error stands (rows in
 *  error were left out when the user chose to skip them). */
export function canApplySheet(result: SheetImport, skipped: boolean): boolean {
  return result.run !== null && (skipped || result.issueCounts.errors === 0);
}

/** The column of a problem split for the table: `D` and `Title (dc:title)`. */
export function columnParts(column: string | null): { letter: string; header: string } {
  if (!column) return { letter: '', header: '' };
  const match = /^([A-Z]+) \((.*)\)$/.exec(column);
  return match ? { letter: match[1] ?? '', header: match[2] ?? '' } : { letter: '', header: column };
}

/** The sentence under the import: what the sheet holds and what stops it. */
export function sheetSummary(t: Translate, result: SheetImport): string {
  return t('bulk-sheet-summary', {
    file: result.fileName,
    format: result.format,
    rows: result.rows,
    errors: result.issueCounts.errors,
    warnings: result.issueCounts.warnings,
  });
}
