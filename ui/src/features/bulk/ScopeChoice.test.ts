// Bulk edit's scope choice with the IPC seam mocked: a search built in words is counted live
// (a lower bound said as "at least"), shows its query, warns at 50,000+ and is previewed as a
// search; a pasted list is checked, its bad entries shown with the reason, and previewed as a
// list; scopes are saved, reused and deleted.
import { act, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FormCheckRequest } from '../../ipc/bindings/FormCheckRequest';
import type { ScopeRequest } from '../../ipc/bindings/ScopeRequest';

import {
  chooseListFile,
  countScope,
  deleteScope,
  listConnections,
  listEntries,
  listFolder,
  listTags,
  listRuns,
  previewRows,
  previewRun,
  readListFile,
  savedScopes,
  saveScope,
  scopeQuery,
} from '../../ipc/commands';
import type { SavedScope } from '../../ipc/bindings/SavedScope';
import type { Scope } from '../../ipc/bindings/Scope';
import type { SelectedCount } from '../../ipc/bindings/SelectedCount';
import { connection, runSummary } from '../../test-fixtures';
import { ConnectionsModel } from '../connections/connections.svelte';
import { BulkStore } from './bulk.svelte';
import BulkEditPage from './BulkEditPage.svelte';
import { scopeRequestOf } from './scopeForm';

vi.mock('../../ipc/commands', () => ({
  // The core's folder check (`check_folder`), as the tests' stand-in answers it.
  checkFolder: vi.fn((folder: string) => import('../../test-fixtures').then((m) => m.checkedFolder(folder))),
  // The core's form check (`check_form`): no problem, unless a test answers one.
  checkForm: vi.fn((request: FormCheckRequest) => import('../../test-fixtures').then((m) => m.noFormProblems(request))),
  runScope: vi.fn((request: ScopeRequest) => import('../../test-fixtures').then((m) => m.runScopeOf(request))),
  // The edit rows' live example (RuleSample.test.ts): never answered here.
  ruleSample: vi.fn(() => new Promise(() => {})),
  // The folder's metadata schema (SchemaFields.test.ts): none here, properties typed by name.
  folderSchema: vi.fn((scope: ScopeRequest) =>
    Promise.resolve({ folder: scope.scope.kind === 'folder' ? scope.scope.folder : '/content/dam', schema: null, unavailable: null }),
  ),
  listConnections: vi.fn(),
  connectionHealth: vi.fn(() => Promise.resolve({})),
  listFolder: vi.fn(),
  listFolderAssets: vi.fn((_c: string, folder: string) => Promise.resolve({ folder, assets: [], more: 0, complete: true })),
  completeFolderPath: vi.fn(() => Promise.resolve([])),
  countScope: vi.fn(),
  scopeQuery: vi.fn(),
  listEntries: vi.fn(),
  chooseListFile: vi.fn(),
  readListFile: vi.fn(),
  listTags: vi.fn(),
  savedScopes: vi.fn(),
  saveScope: vi.fn(),
  deleteScope: vi.fn(),
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
}));

const FOLDER = '/content/dam/wknd-shared/en';
let store: BulkStore;

async function renderPage() {
  vi.mocked(listConnections).mockResolvedValue([connection()]);
  const model = new ConnectionsModel();
  await model.reload();
  store = new BulkStore(() => model.connections);
  render(BulkEditPage, { store, connections: model, onGoToConnections: vi.fn() });
}

async function chooseFolder(user: ReturnType<typeof userEvent.setup>) {
  const input = await screen.findByTestId('folder-path-input');
  await user.clear(input);
  await user.type(input, `${FOLDER}{Enter}`);
}

async function fillEdit(user: ReturnType<typeof userEvent.setup>) {
  const row = screen.getAllByTestId('edit-row')[0]!;
  await user.selectOptions(within(row).getByTestId('edit-property'), 'dc:rights');
  await user.type(within(row).getByTestId('edit-values'), '© 2026 WKND');
}

/** What the count command takes for `scope`, as the page sends it: the scope itself (the core makes
 *  the run's folder and filters of it). */
const partsOf = (scope: Scope) => scopeRequestOf('c1', scope);

/** Whether a folder's own assets (no search, no list) were counted. */
const countedAFolder = () => vi.mocked(countScope).mock.calls.some(([request]) => request.scope.kind === 'folder');

const searchCount = (assets: number, atLeast = false): SelectedCount => ({
  kind: 'search',
  foundBy: { kind: 'query_builder' },
  assets,
  atLeast,
  large: assets >= 50000,
});

beforeEach(() => {
  vi.mocked(listFolder).mockResolvedValue({ folder: '/content/dam', folders: [], assets: 0, total: 0, nextOffset: null });
  vi.mocked(countScope).mockResolvedValue({ kind: 'folder', assets: 4, contentFragments: 0, filteredOut: 0, folders: 0, unlistedFolders: 0, subfolders: [], moreSubfolders: 0, done: true });
  vi.mocked(savedScopes).mockResolvedValue([]);
  vi.mocked(listRuns).mockResolvedValue([]);
  vi.mocked(previewRows).mockResolvedValue({ rows: [], total: 0 });
  vi.mocked(previewRun).mockResolvedValue(runSummary({ scope: `the assets of ${FOLDER} where Copyright is empty`, conditions: 'Copyright is empty' }));
  vi.mocked(listEntries).mockImplementation(async (text) => text.split('\n').map((l) => l.trim()).filter(Boolean));
});

afterEach(() => {
  store?.dispose();
  vi.clearAllMocks();
});

describe('a search', () => {
  it('picks properties and file types by their names, never AEM’s ids', async () => {
    const user = userEvent.setup();
    vi.mocked(countScope).mockResolvedValue(searchCount(12));
    await renderPage();
    await user.click(await screen.findByTestId('scope-kind-search'));
    await chooseFolder(user);
    const first = screen.getAllByTestId('condition-row')[0]!;
    const property = within(first).getByTestId('condition-property') as HTMLSelectElement;
    // The first condition starts on Copyright: said by its label, its id only in the title.
    expect(property.selectedOptions[0]).toHaveTextContent(/^Copyright$/);
    expect(property.selectedOptions[0]).toHaveAttribute('title', 'dc:rights');
    expect(within(first).queryByDisplayValue('dc:rights')).not.toBeInTheDocument();
    await user.selectOptions(property, 'dc:creator');
    // A file type, chosen by its name.
    await user.click(screen.getByTestId('condition-add'));
    const second = screen.getAllByTestId('condition-row')[1]!;
    await user.selectOptions(within(second).getByTestId('condition-subject'), 'type');
    const format = within(second).getByTestId('condition-value') as HTMLSelectElement;
    expect([...format.options].map((o) => o.textContent)).toContain('Any image');
    expect([...format.options].map((o) => o.textContent)).not.toContain('image/*');
    await user.selectOptions(format, 'Any image');
    await waitFor(
      () =>
        expect(countScope).toHaveBeenLastCalledWith(
          partsOf({
            kind: 'search',
            under: FOLDER,
            recursive: false,
            combine: 'all',
            conditions: [
              { kind: 'is_empty', property: 'dc:creator' },
              { kind: 'file_type', format: 'image/*' },
            ],
          }),
          expect.any(Function),
        ),
      { timeout: 5000 },
    );
    // A property no list offers is typed, under "Another property…".
    await user.selectOptions(property, 'Another property…');
    await user.type(within(first).getByTestId('condition-property-name'), 'dc:language');
    await waitFor(() => expect(JSON.stringify(vi.mocked(countScope).mock.lastCall)).toContain('dc:language'), { timeout: 5000 });
  }, 30_000);

  it('is built in words, counted live, shows its query and is previewed as a search', async () => {
    const user = userEvent.setup();
    vi.mocked(countScope).mockResolvedValue(searchCount(1234));
    vi.mocked(scopeQuery).mockResolvedValue('path=/content/dam/wknd-shared/en\ntype=dam:Asset');
    await renderPage();
    await user.click(await screen.findByTestId('scope-kind-search'));
    await chooseFolder(user);
    await waitFor(() =>
      expect(countScope).toHaveBeenLastCalledWith(
        partsOf({ kind: 'search', under: FOLDER, recursive: false, conditions: [{ kind: 'is_empty', property: 'dc:rights' }], combine: 'all' }),
        expect.any(Function),
      ),
    );
    expect(countedAFolder()).toBe(false);
    expect(await screen.findByTestId('selection-number')).toHaveTextContent('1,234 assets');

    // A second condition, any of them: counted again once typing settles.
    await user.click(screen.getByTestId('condition-add'));
    const second = screen.getAllByTestId('condition-row')[1]!;
    await user.selectOptions(within(second).getByTestId('condition-subject'), 'tag');
    await user.type(within(second).getByTestId('condition-value'), 'wknd:activity/surfing');
    await user.click(screen.getByTestId('combine-any'));
    vi.mocked(countScope).mockResolvedValue(searchCount(60000, true));
    await waitFor(() =>
      expect(countScope).toHaveBeenLastCalledWith(
        partsOf({
          kind: 'search',
          under: FOLDER,
          recursive: false,
          combine: 'any',
          conditions: [
            { kind: 'is_empty', property: 'dc:rights' },
            { kind: 'tagged', tag: 'wknd:activity/surfing' },
          ],
        }),
        expect.any(Function),
      ),
    );
    await waitFor(() => expect(screen.getByTestId('selection-number')).toHaveTextContent('at least 60,000 assets'));
    expect(screen.getByTestId('selection-large')).toHaveTextContent('AEM’s own bulk tools');

    await user.click(screen.getByTestId('show-query'));
    expect(await screen.findByTestId('query-text')).toHaveTextContent('type=dam:Asset');

    await fillEdit(user);
    await user.click(screen.getByTestId('preview-button'));
    await waitFor(() => expect(previewRun).toHaveBeenCalled());
    const request = vi.mocked(previewRun).mock.calls[0]![0];
    // The person's search, as the core takes it (the core makes the run's folder and filters).
    expect(request.scope).toEqual({
      connectionId: 'c1',
      scope: {
        kind: 'search',
        under: FOLDER,
        recursive: false,
        combine: 'any',
        conditions: [
          { kind: 'is_empty', property: 'dc:rights' },
          { kind: 'tagged', tag: 'wknd:activity/surfing' },
        ],
      },
      name: null,
      formats: [],
    });
    expect(await screen.findByTestId('run-selection')).toHaveTextContent('Copyright is empty');
  });

  it('offers AEM’s tags to pick from, and a typed id when they cannot be read', async () => {
    const user = userEvent.setup();
    vi.mocked(countScope).mockResolvedValue(searchCount(3));
    vi.mocked(listTags).mockResolvedValue([
      { id: 'wknd-shared:', title: 'WKND Shared', trail: 'WKND Shared', titles: {}, description: null, published: false },
      { id: 'wknd-shared:activity/surfing', title: 'Surfing', trail: 'WKND Shared › Activity › Surfing', titles: {}, description: null, published: false },
      { id: 'wknd-shared:season/summer', title: 'Summer', trail: 'WKND Shared › Season › Summer', titles: { fr: 'Été' }, description: null, published: false },
    ]);
    await renderPage();
    await user.click(await screen.findByTestId('scope-kind-search'));
    await user.selectOptions(screen.getByTestId('condition-subject'), 'tag');
    await waitFor(() => expect(listTags).toHaveBeenCalledWith('c1'));
    const options = [...screen.getByTestId('known-tags').querySelectorAll('option')].map((o) => [o.value, o.textContent]);
    expect(options).toEqual([
      ['wknd-shared:activity/surfing', 'WKND Shared › Activity › Surfing'],
      ['wknd-shared:season/summer', 'WKND Shared › Season › Summer'],
    ]);
    expect(screen.getByTestId('condition-value')).toHaveAttribute('list', 'known-tags');
    expect(screen.getByTestId('tag-hint')).toHaveTextContent('pick one of AEM’s 2 tags');
  });

  it('takes a typed tag id when AEM’s tags cannot be read', async () => {
    const user = userEvent.setup();
    vi.mocked(listTags).mockRejectedValue({ code: 'not_found', message: 'AEM’s tags could not be read (403)' });
    await renderPage();
    await user.click(await screen.findByTestId('scope-kind-search'));
    await user.selectOptions(screen.getByTestId('condition-subject'), 'tag');
    await waitFor(() => expect(screen.getByTestId('tag-hint')).toHaveTextContent('could not be read, so type the tag’s id'));
  });

  it('is not previewed while a condition is incomplete, and says which', async () => {
    const user = userEvent.setup();
    vi.mocked(countScope).mockResolvedValue(searchCount(3));
    await renderPage();
    await user.click(await screen.findByTestId('scope-kind-search'));
    await chooseFolder(user);
    await user.selectOptions(screen.getByTestId('condition-test'), 'contains');
    await fillEdit(user);
    await user.click(screen.getByTestId('preview-button'));
    expect(await screen.findByText('Type the value to look for.')).toBeInTheDocument();
    expect(previewRun).not.toHaveBeenCalled();
  });

  it('shows the query with one "Hide the query" and one hint for the AEM administrator', async () => {
    const user = userEvent.setup();
    vi.mocked(countScope).mockResolvedValue(searchCount(3));
    vi.mocked(scopeQuery).mockResolvedValue('type=dam:Asset\npath=/content/dam/wknd-shared/en');
    await renderPage();
    await user.click(await screen.findByTestId('scope-kind-search'));
    await chooseFolder(user);
    await user.click(await screen.findByTestId('show-query'));
    expect(await screen.findByTestId('query-text')).toHaveTextContent('type=dam:Asset');
    expect(screen.getAllByTestId('hide-query')).toHaveLength(1);
    expect(screen.getAllByText(/For your AEM administrator/)).toHaveLength(1);
    expect(screen.getByText(/the QueryBuilder query Metadesk sends/)).toBeInTheDocument();
    // A search answers from AEM's index, which lags behind the repository: said with the count.
    expect(await screen.findByTestId('selection-index-hint')).toHaveTextContent('assets added in the last minutes may not be in it yet');

    await user.click(screen.getByTestId('hide-query'));
    expect(screen.queryByTestId('query-text')).not.toBeInTheDocument();
    expect(screen.queryByText(/For your AEM administrator/)).not.toBeInTheDocument();
  });

  it('says when AEM’s OpenAPI search counted it, and shows that search’s request as the query', async () => {
    const user = userEvent.setup();
    vi.mocked(countScope).mockResolvedValue({ kind: 'search', foundBy: { kind: 'openapi_search' }, assets: 12, atLeast: false, large: false });
    vi.mocked(scopeQuery).mockResolvedValue('POST /adobe/assets/search\n{"query": []}');
    await renderPage();
    await user.click(await screen.findByTestId('scope-kind-search'));
    await chooseFolder(user);
    expect(await screen.findByTestId('selection-found-by')).toHaveTextContent('Found with a search in AEM, with this connection’s own credential');
    await user.click(screen.getByTestId('show-query'));
    await waitFor(() => expect(scopeQuery).toHaveBeenCalledWith(expect.objectContaining({ kind: 'search' }), { kind: 'openapi_search' }));
    expect(await screen.findByTestId('query-text')).toHaveTextContent('POST /adobe/assets/search');
    expect(screen.getByText(/the OpenAPI search request Metadesk sends/)).toBeInTheDocument();
    expect(screen.getAllByText(/For your AEM administrator/)).toHaveLength(1);
  });

  it('shows why AEM could not count it', async () => {
    const user = userEvent.setup();
    vi.mocked(countScope).mockRejectedValue({ code: 'remote', message: 'AEM stopped the search: it would read more than 100,000 nodes.' });
    await renderPage();
    await user.click(await screen.findByTestId('scope-kind-search'));
    await chooseFolder(user);
    expect(await screen.findByTestId('selection-error')).toHaveTextContent('more than 100,000 nodes');
  });
});

describe('a list', () => {
  it('is checked as pasted, lists the entries that name no asset with the reason, and is previewed as a list', async () => {
    const user = userEvent.setup();
    vi.mocked(countScope).mockResolvedValue({
      kind: 'list',
      foundBy: { kind: 'query_builder' },
      assets: 2,
      problems: [{ line: 3, entry: '/content/dam/nope.jpg', reason: 'no asset at this path' }],
    });
    await renderPage();
    await user.click(await screen.findByTestId('scope-kind-list'));
    expect(screen.queryByTestId('folder-tree')).not.toBeInTheDocument();
    const text = `${FOLDER}/a.jpg\n${FOLDER}/b.jpg\n/content/dam/nope.jpg`;
    await act(() => {
      store.setup.choice.draft.listText = text;
    });
    await waitFor(() => expect(listEntries).toHaveBeenCalledWith(text));
    await waitFor(() =>
      expect(countScope).toHaveBeenCalledWith(partsOf({ kind: 'list', entries: [`${FOLDER}/a.jpg`, `${FOLDER}/b.jpg`, '/content/dam/nope.jpg'] }), expect.any(Function)),
    );
    expect(await screen.findByTestId('selection-number')).toHaveTextContent('2 assets');
    const problem = screen.getByTestId('list-problem');
    expect(problem).toHaveTextContent('3');
    expect(problem).toHaveTextContent('/content/dam/nope.jpg');
    expect(problem).toHaveTextContent('no asset at this path');

    await fillEdit(user);
    await user.click(screen.getByTestId('preview-button'));
    await waitFor(() => expect(previewRun).toHaveBeenCalled());
    const request = vi.mocked(previewRun).mock.calls[0]![0];
    expect(request.scope.scope).toEqual({ kind: 'list', entries: [`${FOLDER}/a.jpg`, `${FOLDER}/b.jpg`, '/content/dam/nope.jpg'] });
  });

  it('asks for the list when it is empty', async () => {
    const user = userEvent.setup();
    await renderPage();
    await user.click(await screen.findByTestId('scope-kind-list'));
    await fillEdit(user);
    await user.click(screen.getByTestId('preview-button'));
    expect(await screen.findAllByText(/Paste the list/)).not.toHaveLength(0);
    expect(previewRun).not.toHaveBeenCalled();
    expect(vi.mocked(countScope).mock.calls.some(([request]) => request.scope.kind === 'list')).toBe(false);
  });
});

// A list kept in a file: dropped on the window (the native drop reaches the page as a held
// file, as App.svelte routes it) or chosen with the open dialog; the core reads it.
describe('a list from a file', () => {
  const held = (fileName: string) => ({ id: 'sheet-7', fileName });

  it('takes a dropped file’s entries as the list, says where they came from and checks them', async () => {
    const user = userEvent.setup();
    vi.mocked(countScope).mockResolvedValue({
      kind: 'list',
      foundBy: { kind: 'openapi_search' },
      assets: 3,
      problems: [],
    });
    vi.mocked(readListFile).mockResolvedValue({
      fileName: 'assets.txt',
      entries: [`${FOLDER}/a.jpg`, `${FOLDER}/b, c.jpg`, 'urn:aaid:aem:0a1b2c3d-0000-4000-8000-00000000abcd'],
    });
    await renderPage();
    await user.click(await screen.findByTestId('scope-kind-search'));
    // A .txt is a list wherever the page is; a .csv only while the list is edited (else a sheet).
    expect(store.setup.takesListFile(held('assets.txt'))).toBe(true);
    expect(store.setup.takesListFile(held('metadata.csv'))).toBe(false);
    await act(() => store.setup.listFileReceived(held('assets.txt')));
    expect(store.setup.choice.kind).toBe('list');
    expect(store.setup.takesListFile(held('list.csv'))).toBe(true);
    expect(readListFile).toHaveBeenCalledWith('sheet-7');
    expect(screen.getByTestId('list-file-loaded')).toHaveTextContent('3 entries from assets.txt');
    expect(screen.getByTestId('scope-list')).toHaveValue(
      `${FOLDER}/a.jpg\n"${FOLDER}/b, c.jpg"\nurn:aaid:aem:0a1b2c3d-0000-4000-8000-00000000abcd`,
    );
    await waitFor(() => expect(vi.mocked(countScope).mock.calls.some(([request]) => request.scope.kind === 'list')).toBe(true));
    expect(await screen.findByTestId('selection-found-by')).toHaveTextContent('a search in AEM');
  });

  it('says why a file cannot be a list and keeps the list as it was', async () => {
    const user = userEvent.setup();
    vi.mocked(readListFile).mockRejectedValue({
      code: 'invalid_input',
      message: 'two.csv has 2 columns on line 2: a list file has one column.',
    });
    await renderPage();
    await user.click(await screen.findByTestId('scope-kind-list'));
    await act(() => {
      store.setup.choice.draft.listText = `${FOLDER}/kept.jpg`;
    });
    await act(() => store.setup.listFileReceived(held('two.csv')));
    expect(screen.getByTestId('list-file-error')).toHaveTextContent('two.csv has 2 columns on line 2');
    expect(screen.getByTestId('scope-list')).toHaveValue(`${FOLDER}/kept.jpg`);
    expect(screen.queryByTestId('list-file-loaded')).not.toBeInTheDocument();
  });

  it('“Choose a file…” opens the dialog and reads the chosen file; cancelling changes nothing', async () => {
    const user = userEvent.setup();
    vi.mocked(chooseListFile).mockResolvedValueOnce(null).mockResolvedValueOnce(held('list.xlsx'));
    vi.mocked(readListFile).mockResolvedValue({ fileName: 'list.xlsx', entries: [`${FOLDER}/x.jpg`] });
    await renderPage();
    await user.click(await screen.findByTestId('scope-kind-list'));
    await user.click(screen.getByTestId('list-file-choose'));
    expect(readListFile).not.toHaveBeenCalled();
    await user.click(screen.getByTestId('list-file-choose'));
    await waitFor(() => expect(screen.getByTestId('list-file-loaded')).toHaveTextContent('One entry from list.xlsx'));
    expect(screen.getByTestId('scope-list')).toHaveValue(`${FOLDER}/x.jpg`);
  });
});

describe('saved scopes', () => {
  const SAVED: SavedScope = {
    name: 'Surfing',
    scope: { kind: 'search', under: FOLDER, recursive: true, conditions: [{ kind: 'tagged', tag: 'wknd:activity/surfing' }], combine: 'all' },
    saved: '2026-03-01T10:00:00Z',
    words: `the assets of ${FOLDER} and its subfolders where tag is wknd:activity/surfing`,
  };

  it('saves the search on screen under a name', async () => {
    const user = userEvent.setup();
    vi.mocked(countScope).mockResolvedValue(searchCount(3));
    vi.mocked(saveScope).mockResolvedValue({ ...SAVED, name: 'No rights' });
    await renderPage();
    await user.click(await screen.findByTestId('scope-kind-search'));
    await chooseFolder(user);
    vi.mocked(savedScopes).mockResolvedValue([{ ...SAVED, name: 'No rights' }]);
    await user.type(screen.getByTestId('save-scope-name'), 'No rights{Enter}');
    await waitFor(() =>
      expect(saveScope).toHaveBeenCalledWith('c1', 'No rights', {
        kind: 'search',
        under: FOLDER,
        recursive: false,
        conditions: [{ kind: 'is_empty', property: 'dc:rights' }],
        combine: 'all',
      }),
    );
    expect(await screen.findByTestId('saved-scope-notice')).toHaveTextContent('Saved as “No rights”.');
    expect(screen.getByTestId('saved-scope')).toHaveValue('No rights');
  });

  it('puts a saved search back on screen, and deletes one', async () => {
    const user = userEvent.setup();
    vi.mocked(savedScopes).mockResolvedValue([SAVED]);
    vi.mocked(countScope).mockResolvedValue(searchCount(12));
    await renderPage();
    await user.selectOptions(await screen.findByTestId('saved-scope'), 'Surfing');
    expect(screen.getByTestId('saved-scope-words')).toHaveTextContent('where tag is wknd:activity/surfing');
    await user.click(screen.getByTestId('saved-scope-use'));
    expect(screen.getByTestId('scope-kind-search')).toBeChecked();
    expect(screen.getByTestId('condition-value')).toHaveValue('wknd:activity/surfing');
    expect(screen.getByTestId('include-subfolders')).toBeChecked();
    await waitFor(() => expect(countScope).toHaveBeenLastCalledWith(partsOf(SAVED.scope), expect.any(Function)));

    vi.mocked(savedScopes).mockResolvedValue([]);
    vi.mocked(deleteScope).mockResolvedValue();
    await user.click(screen.getByTestId('saved-scope-delete'));
    expect(deleteScope).toHaveBeenCalledWith('c1', 'Surfing');
    await waitFor(() => expect(screen.queryByTestId('saved-scope')).not.toBeInTheDocument());
  });

  it('says why a scope was not saved', async () => {
    const user = userEvent.setup();
    vi.mocked(countScope).mockResolvedValue(searchCount(3));
    vi.mocked(saveScope).mockRejectedValue({ code: 'invalid_input', message: 'Give the scope a name of 1 to 80 characters.' });
    await renderPage();
    await user.click(await screen.findByTestId('scope-kind-search'));
    await chooseFolder(user);
    await user.type(screen.getByTestId('save-scope-name'), 'x{Enter}');
    expect(await screen.findByTestId('saved-scope-error')).toHaveTextContent('1 to 80 characters');
  });
});
