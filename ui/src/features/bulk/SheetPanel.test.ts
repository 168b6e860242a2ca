// Bulk edit "From a spreadsheet" with the IPC seam mocked: the export form (properties by the
// folder's schema labels, in words or typed, format, the save dialog's answer), a dropped sheet checked with its problems table
// (filter, export) and nothing previewed, then the rows in error skipped and the preview opened.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FormCheckRequest } from '../../ipc/bindings/FormCheckRequest';
import type { ScopeRequest } from '../../ipc/bindings/ScopeRequest';

import {
  checkForm,
  countScope,
  completeFolderPath,
  exportSheet,
  exportSheetIssues,
  folderSchema,
  listConnections,
  listFolder,
  listRuns,
  previewRows,
  previewSheet,
  sheetIssues,
} from '../../ipc/commands';
import type { Issue } from '../../ipc/bindings/Issue';
import type { Schema } from '../../ipc/bindings/Schema';
import { connection, noFormProblems, planRow, runSummary, sheetExport } from '../../test-fixtures';
import { ConnectionsModel } from '../connections/connections.svelte';
import { BulkStore } from './bulk.svelte';
import BulkEditPage from './BulkEditPage.svelte';

vi.mock('../../ipc/commands', () => ({
  // The core's folder check (`check_folder`), as the tests' stand-in answers it.
  checkFolder: vi.fn((folder: string) => import('../../test-fixtures').then((m) => m.checkedFolder(folder))),
  // The core's form check (`check_form`): no problem, unless a test answers one.
  checkForm: vi.fn((request: FormCheckRequest) => import('../../test-fixtures').then((m) => m.noFormProblems(request))),
  runScope: vi.fn((request: ScopeRequest) => import('../../test-fixtures').then((m) => m.runScopeOf(request))),
  // The edit rows' live example (RuleSample.test.ts): never answered here.
  ruleSample: vi.fn(() => new Promise(() => {})),
  listConnections: vi.fn(),
  connectionHealth: vi.fn(() => Promise.resolve({})),
  listFolder: vi.fn(),
  listFolderAssets: vi.fn((_c: string, folder: string) => Promise.resolve({ folder, assets: [], more: 0, complete: true })),
  completeFolderPath: vi.fn(),
  countScope: vi.fn(),
  previewRun: vi.fn(),
  previewUndo: vi.fn(),
  previewRetry: vi.fn(),
  previewRows: vi.fn(),
  applyRun: vi.fn(),
  pauseRun: vi.fn(),
  resumeRun: vi.fn(),
  cancelRun: vi.fn(),
  listRuns: vi.fn(),
  runSummary: vi.fn(),
  reportRows: vi.fn(),
  exportReportCsv: vi.fn(),
  closeAfterCancellingRun: vi.fn(),
  exportSheet: vi.fn(),
  chooseSheetFile: vi.fn(),
  previewSheet: vi.fn(),
  exportSheetIssues: vi.fn(),
  sheetIssues: vi.fn(),
  savedScopes: vi.fn(() => Promise.resolve([])),
  folderSchema: vi.fn(),
}));

const FOLDER = '/content/dam/shots';
const ISSUES: Issue[] = [
  {
    severity: 'error',
    row: 4,
    column: 'D (Title (dc:title))',
    message: 'Row 4, column D (Title (dc:title)): the cell holds a formula error (#REF!); type the value itself.',
  },
  { severity: 'error', row: 6, column: null, message: 'Row 6: there is no asset at /content/dam/shots/gone.jpg; correct the path.' },
  { severity: 'warning', row: 8, column: null, message: 'Row 8: /content/dam/other/x.jpg is outside the exported folder.' },
];
const COUNTS = { errors: 2, warnings: 1, total: 3 };

/** A problem on each of `n` rows from row 2, every third a warning. */
function manyIssues(from: number, n: number): Issue[] {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    return { severity: i % 3 === 0 ? 'warning' : 'error', row: i + 2, column: null, message: `Row ${i + 2}: problem ${i}.` };
  });
}

const SHEET_RUN = runSummary({
  id: 'r9',
  folder: FOLDER,
  kind: { kind: 'sheet', file: 'shots.xlsx' },
  counts: { assets: 2, changed: 0, unchanged: 0, skipped: 0, failed: 0, pending: 2 },
});

let store: BulkStore;

async function renderPage() {
  vi.mocked(listConnections).mockResolvedValue([connection()]);
  const model = new ConnectionsModel();
  await model.reload();
  store = new BulkStore(() => model.connections);
  render(BulkEditPage, { store, connections: model, onGoToConnections: vi.fn() });
  const user = userEvent.setup();
  await user.click(screen.getByTestId('mode-sheet'));
  const input = await screen.findByTestId('folder-path-input');
  await user.clear(input);
  await user.type(input, `${FOLDER}{Enter}`);
  return user;
}

beforeEach(() => {
  // Back to the stand-in's answer (no problem) after a test that answered its own.
  vi.mocked(checkForm).mockReset();
  vi.mocked(listFolder).mockImplementation(async (_c, folder) => ({ folder, folders: [], assets: 4, total: 4, nextOffset: null }));
  vi.mocked(completeFolderPath).mockResolvedValue([]);
  vi.mocked(countScope).mockResolvedValue({
    kind: 'folder',
    assets: 4,
    contentFragments: 0,
    filteredOut: 0,
    folders: 1,
    unlistedFolders: 0,
    subfolders: [],
    moreSubfolders: 0,
    done: true,
  });
  vi.mocked(listRuns).mockResolvedValue([]);
  vi.mocked(folderSchema).mockImplementation(async (scope) => ({ folder: scope.scope.kind === 'folder' ? scope.scope.folder : '/content/dam', schema: null, unavailable: null }));
  vi.mocked(previewRows).mockResolvedValue({
    rows: [
      planRow({
        i: 0,
        path: `${FOLDER}/a.jpg`,
        action: 'change',
        changes: [{ property: 'dc:title', before: 'Old', after: 'New' }],
      }),
    ],
    total: 1,
  });
});

/** The folder's form: Title (required) and Language under Basic, a read-only Format. */
const SCHEMA: Schema = {
  form: '/conf/global/settings/dam/adminui-extension/metadataschema/metadesk-brand',
  mappedOn: FOLDER,
  fields: [
    { property: 'dc:title', label: 'Title', tab: 'Basic', kind: 'text', multiple: false, options: [], required: true, readOnly: false, min: null, max: null },
    { property: 'dc:language', label: 'Language', tab: 'Basic', kind: 'dropdown', multiple: false, options: [{ value: 'en', text: 'English' }], required: false, readOnly: false, min: null, max: null },
    { property: 'dc:format', label: 'Format', tab: 'Basic', kind: 'text', multiple: false, options: [], required: false, readOnly: true, min: null, max: null },
  ],
  mimeForms: [],
};

afterEach(() => {
  store?.dispose();
  vi.clearAllMocks();
});

describe('exporting a sheet', () => {
  it('sends the folder, the ticked and typed properties and the format, and says what was saved', async () => {
    const user = await renderPage();
    vi.mocked(exportSheet).mockResolvedValue({
      fileName: 'metadesk-shots.csv',
      export: sheetExport({ assets: 4 }),
    });
    await user.click(screen.getByTestId('sheet-prop-dc:description'));
    await user.type(screen.getByTestId('sheet-others'), 'photoshop:Credit');
    await user.click(screen.getByTestId('sheet-format-csv'));
    await user.click(screen.getByTestId('sheet-export-button'));
    expect(exportSheet).toHaveBeenCalledWith({
      scope: expect.objectContaining({ connectionId: 'c1', scope: { kind: 'folder', folder: FOLDER, recursive: false } }),
      properties: ['dc:title', 'dc:subject', 'photoshop:Credit'],
      format: 'csv',
    });
    expect(await screen.findByTestId('sheet-exported')).toHaveTextContent('Saved metadesk-shots.csv: 4 assets.');
    expect(screen.queryByTestId('sheet-index-notice')).not.toBeInTheDocument();
  });

  it('says which assets AEM’s search index did not hold yet, all of them in the sheet', async () => {
    const user = await renderPage();
    const notice = '2 assets are not in AEM’s search index yet (added in the last minutes); Metadesk read them one by one.';
    vi.mocked(exportSheet).mockResolvedValue({
      fileName: 'metadesk-shots.xlsx',
      export: sheetExport({ assets: 6, unindexed: 2, indexNotice: notice }),
    });
    await user.click(screen.getByTestId('sheet-export-button'));
    expect(await screen.findByTestId('sheet-exported')).toHaveTextContent('Saved metadesk-shots.xlsx: 6 assets.');
    expect(screen.getByTestId('sheet-index-notice')).toHaveTextContent(notice);
  });

  it('offers the folder’s schema fields by label under their tabs, and sends a field ticked', async () => {
    vi.mocked(folderSchema).mockImplementation(async (scope) => ({ folder: scope.scope.kind === 'folder' ? scope.scope.folder : '/content/dam', schema: SCHEMA, unavailable: null }));
    const user = await renderPage();
    const columns = screen.getByTestId('sheet-properties');
    await waitFor(() => expect(within(columns).getByRole('group', { name: 'Basic' })).toBeInTheDocument());
    const basic = within(columns).getByRole('group', { name: 'Basic' });
    expect(within(basic).getAllByRole('checkbox').map((c) => c.closest('label')?.textContent?.trim())).toEqual([
      'Title (dc:title)',
      'Language (dc:language)',
    ]);
    expect(screen.queryByTestId('sheet-prop-dc:format')).not.toBeInTheDocument();
    // The common properties the form does not have, after its tabs.
    expect(within(within(columns).getByRole('group', { name: 'Other common properties' })).getByTestId('sheet-prop-dc:description')).toBeInTheDocument();
    expect(screen.getByTestId('schema-in-use')).toHaveTextContent('metadesk-brand');

    vi.mocked(exportSheet).mockResolvedValue({ fileName: 'metadesk-shots.xlsx', export: sheetExport({ assets: 4 }) });
    await user.click(screen.getByTestId('sheet-prop-dc:language'));
    await user.click(screen.getByTestId('sheet-export-button'));
    expect(exportSheet).toHaveBeenCalledWith({
      scope: expect.objectContaining({ connectionId: 'c1', scope: { kind: 'folder', folder: FOLDER, recursive: false } }),
      properties: ['dc:title', 'dc:description', 'dc:subject', 'dc:language'],
      format: 'xlsx',
    });
  });

  it('asks for a property first and calls nothing', async () => {
    const user = await renderPage();
    for (const p of ['dc:title', 'dc:description', 'dc:subject']) await user.click(screen.getByTestId(`sheet-prop-${p}`));
    // The core's answer (`check_form`), in its words: "Rating" is refused.
    const refused = '"Rating" is not a metadata property name; use the prefix:name form, e.g. dc:rights.';
    vi.mocked(checkForm).mockImplementation(async (request) => ({
      ...(await noFormProblems(request)),
      sheetProperties: request.sheetProperties.map((p) => (p === 'Rating' ? refused : null)),
    }));
    await user.type(screen.getByTestId('sheet-others'), 'Rating');
    await user.click(screen.getByTestId('sheet-export-button'));
    expect(screen.getByText(refused)).toBeInTheDocument();
    expect(checkForm).toHaveBeenCalledWith(expect.objectContaining({ sheetProperties: ['Rating'] }));
    expect(exportSheet).not.toHaveBeenCalled();
  });

  it('a cancelled save dialog says nothing', async () => {
    const user = await renderPage();
    vi.mocked(exportSheet).mockResolvedValue(null);
    await user.click(screen.getByTestId('sheet-export-button'));
    await waitFor(() => expect(exportSheet).toHaveBeenCalled());
    expect(screen.queryByTestId('sheet-exported')).not.toBeInTheDocument();
  });
});

describe('importing a sheet', () => {
  it('shows every problem of a sheet with errors, filterable and exportable, and previews nothing', async () => {
    const user = await renderPage();
    expect(screen.getByTestId('check-sheet')).toBeDisabled();
    store.sheets.received({ id: 'sheet-1', fileName: 'shots.xlsx' });
    expect(await screen.findByTestId('sheet-file')).toHaveTextContent('shots.xlsx');
    vi.mocked(previewSheet).mockResolvedValue({
      importId: 'import-7',
      fileName: 'shots.xlsx',
      format: 'Excel workbook (.xlsx)',
      rows: 9,
      issueCounts: COUNTS,
      issues: ISSUES,
      skippedRows: [],
      run: SHEET_RUN,
    });
    await user.click(screen.getByTestId('check-sheet'));
    expect(previewSheet).toHaveBeenCalledWith({ connectionId: 'c1', sheetId: 'sheet-1', skipRowsInError: false }, expect.any(Function));
    expect(await screen.findByTestId('sheet-blocked')).toHaveTextContent('nothing was written to AEM');
    const table = screen.getByTestId('issue-table');
    const rows = within(table).getAllByTestId('issue-row');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent('4');
    expect(rows[0]).toHaveTextContent('D');
    expect(rows[0]).toHaveTextContent('Title (dc:title)');
    expect(rows[0]).toHaveTextContent('type the value itself');
    // No preview opened, though the sheet had a run: its errors stand.
    expect(screen.queryByTestId('preview-table')).not.toBeInTheDocument();

    // The severity filter asks the core for the first page of that severity.
    vi.mocked(sheetIssues).mockResolvedValue({ issues: [ISSUES[2]!], total: 1 });
    await user.click(within(screen.getByTestId('issue-filter')).getByText('Warnings'));
    expect(sheetIssues).toHaveBeenCalledWith({ importId: 'import-7', filter: 'warnings', offset: 0, limit: expect.any(Number) });
    await waitFor(() => expect(within(table).getAllByTestId('issue-row')).toHaveLength(1));
    vi.mocked(sheetIssues).mockResolvedValue({ issues: ISSUES, total: 3 });
    await user.click(within(screen.getByTestId('issue-filter')).getByText('All'));
    expect(sheetIssues).toHaveBeenLastCalledWith({ importId: 'import-7', filter: 'all', offset: 0, limit: expect.any(Number) });
    await waitFor(() => expect(within(table).getAllByTestId('issue-row')).toHaveLength(3));
    await user.type(screen.getByTestId('issue-search'), 'gone.jpg');
    expect(within(table).getAllByTestId('issue-row')).toHaveLength(1);

    // The export is the core's: every problem of this check, by its id.
    vi.mocked(exportSheetIssues).mockResolvedValue('shots-problems.csv');
    await user.click(screen.getByTestId('export-issues'));
    expect(exportSheetIssues).toHaveBeenCalledWith('shots.xlsx', 'import-7');
    expect(await screen.findByTestId('issues-exported')).toHaveTextContent('Saved as shots-problems.csv.');
  });

  it('shows the whole sheet’s counts with its first page, and reads the next pages on "Show more"', async () => {
    const user = await renderPage();
    store.sheets.received({ id: 'sheet-3', fileName: 'big.csv' });
    vi.mocked(previewSheet).mockResolvedValue({
      importId: 'import-9',
      fileName: 'big.csv',
      format: 'CSV',
      rows: 1000,
      issueCounts: { errors: 666, warnings: 334, total: 1000 },
      issues: manyIssues(0, 200),
      skippedRows: [],
      run: null,
    });
    await user.click(await screen.findByTestId('check-sheet'));
    await screen.findByTestId('sheet-blocked');
    expect(screen.getByText(/1,000 rows, 666 errors, 334 warnings/)).toBeInTheDocument();
    const tabs = screen.getByTestId('issue-filter');
    expect(within(tabs).getByText('All').closest('[data-count]')).toHaveAttribute('data-count', '1000');
    expect(within(tabs).getByText('Errors').closest('[data-count]')).toHaveAttribute('data-count', '666');
    const table = screen.getByTestId('issue-table');
    expect(table).toHaveAttribute('data-loaded', '200');
    expect(table).toHaveAttribute('aria-rowcount', '1001');
    expect(sheetIssues).not.toHaveBeenCalled();

    vi.mocked(sheetIssues).mockImplementation(({ offset, limit }) =>
      Promise.resolve({ issues: manyIssues(offset, Math.min(limit, 1000 - offset)), total: 1000 }),
    );
    await user.click(screen.getByTestId('issues-more'));
    expect(sheetIssues).toHaveBeenCalledWith({ importId: 'import-9', filter: 'all', offset: 200, limit: expect.any(Number) });
    await waitFor(() => expect(Number(table.getAttribute('data-loaded'))).toBeGreaterThan(200));
    const loaded = Number(table.getAttribute('data-loaded'));
    const storeRows = store.sheets.issues.rows.map((i) => i.row);
    expect(storeRows).toEqual(Array.from({ length: loaded }, (_, i) => i + 2));
  });

  it('skips the rows in error when asked, and opens the preview with what was left out', async () => {
    const user = await renderPage();
    store.sheets.received({ id: 'sheet-1', fileName: 'shots.xlsx' });
    vi.mocked(previewSheet).mockResolvedValue({
      importId: 'import-8',
      fileName: 'shots.xlsx',
      format: 'Excel workbook (.xlsx)',
      rows: 9,
      issueCounts: COUNTS,
      issues: ISSUES,
      skippedRows: [4, 6],
      run: SHEET_RUN,
    });
    await user.click(await screen.findByTestId('skip-rows-in-error'));
    await user.click(screen.getByTestId('check-sheet'));
    expect(previewSheet).toHaveBeenCalledWith({ connectionId: 'c1', sheetId: 'sheet-1', skipRowsInError: true }, expect.any(Function));
    expect(await screen.findByTestId('preview-table')).toHaveTextContent('New');
    expect(screen.getByTestId('preview-sheet-notes')).toHaveTextContent('Left out (rows in error): rows 4, 6.');
    expect(previewRows).toHaveBeenCalledWith('r9', 'change', 0, expect.any(Number));
  });

  it('says why a file is not a sheet, and writes nothing', async () => {
    const user = await renderPage();
    store.sheets.received({ id: 'sheet-2', fileName: 'notes.csv' });
    vi.mocked(previewSheet).mockRejectedValue({ code: 'invalid_input', message: 'notes.csv has nothing in its first row.' });
    await user.click(await screen.findByTestId('check-sheet'));
    expect(await screen.findByTestId('sheet-error')).toHaveTextContent('notes.csv has nothing in its first row.');
    expect(screen.queryByTestId('preview-table')).not.toBeInTheDocument();
  });
});
