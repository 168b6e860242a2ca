import { describe, expect, it } from 'vitest';

import type { Issue } from '../../ipc/bindings/Issue';
import type { SheetImport } from '../../ipc/bindings/SheetImport';
import { runSummary } from '../../test-fixtures';
import {
  canApplySheet,
  columnParts,
  emptySheetDraft,
  exportProblems,
  sheetCheckOf,
  findInIssues,
  hasExportProblems,
  SHEET_MESSAGES,
  sheetProperties,
  sheetSummary,
} from './sheetForm';
import { I18n } from '../../lib/i18n/i18n.svelte';

/** The English catalogue, the default in tests. */
const { t } = new I18n('en');

const ISSUES: Issue[] = [
  { severity: 'error', row: 1, column: 'E (Rating)', message: 'Column E (Rating): not a property header' },
  { severity: 'error', row: 7, column: 'D (Title (dc:title))', message: 'Row 7, column D (Title (dc:title)): too long' },
  { severity: 'warning', row: 9, column: null, message: 'Row 9: /content/dam/x.jpg is outside the exported folder' },
];

/** The whole sheet's counts of ISSUES (2 errors, 1 warning). */
const COUNTS = { errors: 2, warnings: 1, total: 3 };

function result(overrides: Partial<SheetImport> = {}): SheetImport {
  return {
    importId: 'import-1',
    fileName: 'shots.xlsx',
    format: 'Excel workbook (.xlsx)',
    rows: 12,
    issueCounts: { errors: 0, warnings: 0, total: 0 },
    issues: [],
    skippedRows: [],
    run: null,
    ...overrides,
  };
}

describe('the properties of an exported sheet', () => {
  it('takes the ticked common fields first, then typed names once each, without metadata/', () => {
    const draft = { ...emptySheetDraft(), known: ['dc:subject', 'dc:title'], others: 'photoshop:Credit, metadata/xmp:Rating\ndc:title' };
    expect(sheetProperties(draft)).toEqual(['dc:title', 'dc:subject', 'photoshop:Credit', 'xmp:Rating']);
  });

  it('says what is missing or malformed before anything is asked of AEM', () => {
    const none = { ...emptySheetDraft(), known: [] };
    const taken = { folder: '/content/dam/a' };
    expect(exportProblems(t, 'c1', '/content/dam/a', taken, none)).toEqual({ properties: t(SHEET_MESSAGES.noProperty) });
    // The folder's problem is the core's answer, shown as it said it.
    const refused = { problem: '"/etc" is not a DAM folder: it must start with /content/dam/.' };
    const draft = { ...emptySheetDraft(), others: 'Rating, metadata/dc:title' };
    // The properties typed are the core's to check (`check_form`), as the export would.
    expect(sheetCheckOf(draft).sheetProperties).toEqual(['Rating', 'dc:title']);
    const rating = '"Rating" is not a metadata property name; use the prefix:name form.';
    const checked = { properties: [], edits: [], repeated: [], name: null, conditions: [], list: null, sheetProperties: [rating, null] };
    const bad = exportProblems(t, '', '/etc', refused, draft, checked);
    expect(bad.connection).toBe(t(SHEET_MESSAGES.connection));
    expect(bad.folder).toBe(refused.problem);
    expect(bad.properties).toBe(rating);
    // Not answered yet: nothing of the window's own about the names typed.
    expect(exportProblems(t, 'c1', '/content/dam/a', taken, draft).properties).toBeUndefined();
    expect(hasExportProblems(exportProblems(t, 'c1', '/content/dam/a', taken, emptySheetDraft()))).toBe(false);
  });
});

describe('the problems table', () => {
  it('finds text in the sentence or the column, any case', () => {
    expect(findInIssues(ISSUES, '')).toEqual(ISSUES);
    expect(findInIssues(ISSUES, 'TITLE')).toEqual([ISSUES[1]]);
    expect(findInIssues(ISSUES, 'rating')).toEqual([ISSUES[0]]);
    expect(findInIssues(ISSUES, 'nowhere')).toEqual([]);
  });

  it('splits a column into its letter and header', () => {
    expect(columnParts('D (Title (dc:title))')).toEqual({ letter: 'D', header: 'Title (dc:title)' });
    expect(columnParts(null)).toEqual({ letter: '', header: '' });
  });

  it('lets a sheet be applied only without errors, or with the rows in error left out', () => {
    const run = runSummary({ kind: { kind: 'sheet', file: 'shots.xlsx' } });
    expect(canApplySheet(result({ run }), false)).toBe(true);
    expect(canApplySheet(result({ run, issues: ISSUES, issueCounts: COUNTS }), false)).toBe(false);
    expect(canApplySheet(result({ run, issues: ISSUES, issueCounts: COUNTS }), true)).toBe(true);
    expect(canApplySheet(result({ issues: ISSUES, issueCounts: COUNTS }), true)).toBe(false);
  });

  it('sums the sheet up in words', () => {
    expect(sheetSummary(t, result({ issues: ISSUES, issueCounts: COUNTS }))).toBe('shots.xlsx (Excel workbook (.xlsx)): 12 rows, 2 errors, 1 warning.');
    expect(sheetSummary(t, result({ rows: 1 }))).toBe('shots.xlsx (Excel workbook (.xlsx)): 1 row.');
  });
});
