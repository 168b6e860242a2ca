// The Bulk edit page with the IPC seam mocked, end to end in the page: pick a connection and a
// folder (tree, typed path with completion), the live scope count, validation in place, the
// preview with its progress, apply with the production guard and live progress, the report
// (failures explained, export, retry, undo), and errors shown in the step where they happened.
import { act, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FormCheckRequest } from '../../ipc/bindings/FormCheckRequest';
import type { ScopeRequest } from '../../ipc/bindings/ScopeRequest';

import {
  applyRun,
  cancelRun,
  checkFolder,
  checkForm,
  completeFolderPath,
  countScope,
  exportReportCsv,
  listConnections,
  localizedCsvHeaders,
  listFolder,
  listRuns,
  pauseRun,
  previewPublish,
  previewRetry,
  previewRows,
  previewRun,
  previewRepublish,
  previewUndo,
  republishAfter,
  republishedTo,
  reportRows,
  resumeRun,
  runFolders,
  runScope,
  runSummary as fetchRunSummary,
  setLocalizedCsvHeaders,
} from '../../ipc/commands';
import type { Progress } from '../../ipc/bindings/Progress';
import type { RunSummary } from '../../ipc/bindings/RunSummary';
import type { ScopeCount } from '../../ipc/bindings/ScopeCount';
import type { SelectedCount } from '../../ipc/bindings/SelectedCount';
import type { ConnectionView } from '../../ipc/types';
import { I18n, i18nContext } from '../../lib/i18n/i18n.svelte';
import { connection, noFormProblems, planRow, progress, runSummary, undoLinks } from '../../test-fixtures';
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
  // The folder's metadata schema (SchemaFields.test.ts): none here, properties typed by name.
  folderSchema: vi.fn((scope: ScopeRequest) =>
    Promise.resolve({ folder: scope.scope.kind === 'folder' ? scope.scope.folder : '/content/dam', schema: null, unavailable: null }),
  ),
  listConnections: vi.fn(),
  connectionHealth: vi.fn(() => Promise.resolve({})),
  listFolder: vi.fn(),
  listFolderAssets: vi.fn((_c: string, folder: string) => Promise.resolve({ folder, assets: [], more: 0, complete: true })),
  completeFolderPath: vi.fn(),
  countScope: vi.fn(),
  previewRun: vi.fn(),
  previewPublish: vi.fn(),
  previewUndo: vi.fn(),
  // Whether a run was republished (an undo then republishes what it gives back): not here.
  republishedTo: vi.fn(() => Promise.resolve(null)),
  // Whether a run just applied is republished, and where: the core's answer.
  republishAfter: vi.fn(() => Promise.resolve(null)),
  previewRepublish: vi.fn(() => new Promise(() => {})),
  previewRetry: vi.fn(),
  previewRows: vi.fn(),
  applyRun: vi.fn(),
  pauseRun: vi.fn(),
  resumeRun: vi.fn(),
  cancelRun: vi.fn(),
  listRuns: vi.fn(),
  runSummary: vi.fn(),
  reportRows: vi.fn(),
  // The report's bars per subfolder: none unless a test answers some.
  runFolders: vi.fn(() => Promise.resolve({ folders: [], moreFolders: 0 })),
  exportReportCsv: vi.fn(),
  localizedCsvHeaders: vi.fn(() => Promise.resolve(false)),
  setLocalizedCsvHeaders: vi.fn((localized: boolean) => Promise.resolve(localized)),
  closeAfterCancellingRun: vi.fn(),
  savedScopes: vi.fn(() => Promise.resolve([])),
}));

const FOLDER = '/content/dam/wknd-shared/en';
const READ_ONLY_REASON =
  'this connection can read but not change assets: ask an AEM administrator to give the technical account abc@techacct.adobe.com write access, e.g. the DAM Users group, or a product profile with write rights';

const PREVIEWED = runSummary({
  id: 'r1',
  folder: FOLDER,
  counts: { assets: 3, changed: 0, unchanged: 1, skipped: 1, failed: 0, pending: 1 },
});
const ROWS = [
  planRow({ i: 0, path: `${FOLDER}/alpine-lake.jpg` }),
  planRow({
    i: 1,
    path: `${FOLDER}/city.jpg`,
    action: 'unchanged',
    changes: [{ property: 'dc:rights', before: '© 2026 WKND', after: '© 2026 WKND' }],
  }),
  planRow({ i: 2, path: `${FOLDER}/brochure`, action: 'skip', reason: 'content fragment: an asset edit leaves it as it is (content fragments have an edit of their own: “Content fragments” in Bulk edit)', changes: [] }),
];

function scope(overrides: Partial<ScopeCount> = {}): ScopeCount {
  return {
    assets: 0,
    contentFragments: 0,
    filteredOut: 0,
    folders: 0,
    unlistedFolders: 0,
    subfolders: [],
    moreSubfolders: 0,
    done: false,
    ...overrides,
  };
}

/** A folder's count as the count command answers it. */
function counted(overrides: Partial<ScopeCount> = {}): SelectedCount {
  return { kind: 'folder', ...scope(overrides) };
}

let store: BulkStore;

async function renderPage(connections: ConnectionView[] = [connection()], i18n = new I18n('en')) {
  vi.mocked(listConnections).mockResolvedValue(connections);
  const model = new ConnectionsModel();
  await model.reload();
  store = new BulkStore(() => model.connections, i18n);
  const view = render(BulkEditPage, {
    props: { store, connections: model, onGoToConnections: vi.fn() },
    context: i18nContext(i18n),
  });
  return { model, view };
}

/** Types the folder's path and confirms it with Enter. */
async function chooseFolder(user: ReturnType<typeof userEvent.setup>, path = FOLDER) {
  const input = await screen.findByTestId('folder-path-input');
  await user.clear(input);
  await user.type(input, `${path}{Enter}`);
}

/** Fills a valid edit: Copyright set to a value. */
async function fillEdit(user: ReturnType<typeof userEvent.setup>, value = '© 2026 WKND') {
  const row = screen.getAllByTestId('edit-row')[0]!;
  await user.selectOptions(within(row).getByTestId('edit-property'), 'dc:rights');
  await user.type(within(row).getByTestId('edit-values'), value);
}

beforeEach(() => {
  // Back to the stand-in's answer (no problem) after a test that answered its own.
  vi.mocked(checkForm).mockReset();
  vi.mocked(listFolder).mockImplementation(async (_c, folder) => {
    if (folder === '/content/dam') {
      return {
        folder,
        folders: [
          { path: '/content/dam/wknd-shared', name: 'wknd-shared' },
          { path: '/content/dam/northwind', name: 'northwind' },
        ],
        assets: 0,
        total: 3,
        nextOffset: 2,
      };
    }
    if (folder === '/content/dam/wknd-shared') {
      return { folder, folders: [{ path: FOLDER, name: 'en' }], assets: 0, total: 1, nextOffset: null };
    }
    return { folder, folders: [], assets: 4, total: 4, nextOffset: null };
  });
  vi.mocked(completeFolderPath).mockResolvedValue([]);
  vi.mocked(countScope).mockImplementation(async (_request, onUpdate) => {
    onUpdate(scope({ assets: 1200 }));
    return counted({ assets: 2000, contentFragments: 3, folders: 2, done: true });
  });
  vi.mocked(previewRows).mockImplementation(async (_run, action, offset, limit) => {
    const rows = ROWS.filter((r) => action === null || r.action === action);
    return { rows: rows.slice(offset, offset + limit), total: rows.length };
  });
  vi.mocked(listRuns).mockResolvedValue([]);
  vi.mocked(reportRows).mockResolvedValue({ rows: [], total: 0, failures: [] });
  vi.mocked(runFolders).mockResolvedValue({ folders: [], moreFolders: 0 });
});

afterEach(() => {
  // A count still waiting for typing to settle must not fire into the next test.
  store?.dispose();
  vi.clearAllMocks();
});

describe('numbers', () => {
  it('numbers the steps once, in the step bar; the sections under it are not numbered again', async () => {
    await renderPage();
    const steps = await screen.findByRole('list', { name: 'Steps' });
    expect(within(steps).getAllByRole('listitem').map((li) => li.textContent?.trim().charAt(0))).toEqual(['1', '2', '3', '4']);
    for (const heading of screen.getAllByRole('heading', { level: 2 })) expect(heading.textContent?.trim()).not.toMatch(/^\d/);
  });
});

describe('a language switch', () => {
  it('reads the preview on screen again in the new words, on the tab the user chose', async () => {
    const i18n = new I18n('en');
    await renderPage([connection()], i18n);
    await act(() => store.run.openPreview(PREVIEWED));
    await screen.findByTestId('preview-table');
    await act(() => store.run.preview.setFilter('skip'));
    vi.mocked(previewRows).mockClear();
    vi.mocked(fetchRunSummary).mockResolvedValue({ ...PREVIEWED, edits: ['dc:rights : définir « © 2026 WKND »'] });
    await act(() => (i18n.lang = 'fr'));
    await waitFor(() => expect(fetchRunSummary).toHaveBeenCalledWith(PREVIEWED.id));
    await waitFor(() => expect(previewRows).toHaveBeenCalledWith(PREVIEWED.id, 'skip', 0, 100));
    expect(store.run.summary?.edits).toEqual(['dc:rights : définir « © 2026 WKND »']);
  });
});

describe('with no connection', () => {
  it('says a connection is needed first', async () => {
    await renderPage([]);
    expect(screen.getByTestId('empty-bulk')).toHaveTextContent('needs a connection');
    expect(screen.queryByTestId('bulk-connection')).not.toBeInTheDocument();
  });
});

describe('picking what to edit', () => {
  it('picks the only connection and shows the DAM folders, loading children lazily', async () => {
    const user = userEvent.setup();
    await renderPage();
    expect(screen.getByTestId('bulk-connection')).toHaveValue('c1');
    const tree = await screen.findByTestId('folder-tree');
    await waitFor(() => expect(within(tree).getAllByTestId('folder-node')).toHaveLength(3));
    expect(listFolder).toHaveBeenCalledWith('c1', '/content/dam', 0);
    expect(within(tree).getByTestId('folder-more')).toHaveTextContent('Show more folders');

    const wknd = tree.querySelector('[data-path="/content/dam/wknd-shared"]') as HTMLElement;
    expect(wknd).toHaveAttribute('aria-expanded', 'false');
    await user.click(wknd);
    expect(listFolder).toHaveBeenCalledWith('c1', '/content/dam/wknd-shared', 0);
    expect(wknd).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByTestId('folder-path-input')).toHaveValue('/content/dam/wknd-shared');

    await user.click(within(tree).getByTestId('folder-more'));
    expect(listFolder).toHaveBeenCalledWith('c1', '/content/dam', 2);
  });

  it('marks a production connection and lists every connection with its kind', async () => {
    const user = userEvent.setup();
    await renderPage([connection(), connection({ id: 'c2', name: 'Prod', production: true })]);
    const select = screen.getByTestId('bulk-connection');
    expect(select).toHaveValue('');
    const options = within(select).getAllByRole('option').map((o) => o.textContent);
    expect(options).toContain('Prod · AEM service credentials · PRODUCTION');
    await user.selectOptions(select, 'c2');
    expect(screen.getByTestId('bulk-production')).toHaveTextContent('Production');
  });

  it('moves through the tree with the keyboard', async () => {
    const user = userEvent.setup();
    await renderPage();
    const tree = await screen.findByTestId('folder-tree');
    await waitFor(() => expect(within(tree).getAllByTestId('folder-node')).toHaveLength(3));
    const root = tree.querySelector('[data-path="/content/dam"]') as HTMLElement;
    root.focus();
    await user.keyboard('{ArrowDown}');
    const wknd = tree.querySelector('[data-path="/content/dam/wknd-shared"]') as HTMLElement;
    expect(wknd).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(wknd).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{ArrowLeft}');
    expect(wknd).toHaveAttribute('aria-expanded', 'false');
    await user.keyboard('{ArrowLeft}');
    expect(root).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(screen.getByTestId('folder-path-input')).toHaveValue('/content/dam/northwind');
  });

  it('suggests folders for a typed path and takes one with the keyboard', async () => {
    const user = userEvent.setup();
    vi.mocked(completeFolderPath).mockResolvedValue([
      { path: '/content/dam/wknd-shared/en', name: 'en' },
      { path: '/content/dam/wknd-shared/de', name: 'de' },
    ]);
    await renderPage();
    const input = await screen.findByTestId('folder-path-input');
    await user.type(input, '/content/dam/wknd-shared/');
    await waitFor(() => expect(screen.getAllByTestId('folder-suggestion')).toHaveLength(2));
    expect(completeFolderPath).toHaveBeenLastCalledWith('c1', '/content/dam/wknd-shared/');
    expect(input).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(input).toHaveAttribute('aria-activedescendant', 'folder-suggestion-1');
    await user.keyboard('{Enter}');
    expect(input).toHaveValue('/content/dam/wknd-shared/de');
    expect(store.setup.form.folder).toBe('/content/dam/wknd-shared/de');
  });

  it('keeps a path typed after leaving the field and coming straight back (not cut at a slash)', async () => {
    const user = userEvent.setup();
    await renderPage();
    const input = await screen.findByTestId('folder-path-input');
    // Left, then back within the moment a leave waits for a suggestion's click: WebDriver's
    // clear does this, and so does a user who clicks away and straight back in.
    await user.click(input);
    await user.tab();
    await user.click(input);
    await user.type(input, '/content/dam/wknd-shared/');
    // Longer than that moment: the earlier leave must not commit the half-typed path.
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(store.setup.form.folder).toBe('');
    await user.type(input, 'en{Enter}');
    expect(input).toHaveValue(FOLDER);
    expect(store.setup.form.folder).toBe(FOLDER);
  });

  it('shows a typed folder selected in the tree, the folders above it open', async () => {
    const user = userEvent.setup();
    await renderPage();
    const tree = await screen.findByTestId('folder-tree');
    await waitFor(() => expect(within(tree).getAllByTestId('folder-node')).toHaveLength(3));
    await chooseFolder(user);
    await waitFor(() => expect(tree.querySelector(`[data-path="${FOLDER}"]`)).toHaveAttribute('aria-selected', 'true'));
    expect(tree.querySelector('[data-path="/content/dam/wknd-shared"]')).toHaveAttribute('aria-expanded', 'true');
  });

  it('counts the assets in scope as soon as a folder is chosen, live', async () => {
    const user = userEvent.setup();
    let finish!: (count: SelectedCount) => void;
    let update!: (count: ScopeCount) => void;
    vi.mocked(countScope).mockImplementation((_request, onUpdate) => {
      update = onUpdate;
      return new Promise((resolve) => (finish = resolve));
    });
    await renderPage();
    await chooseFolder(user);
    await waitFor(() => expect(countScope).toHaveBeenCalledWith({ connectionId: 'c1', scope: { kind: 'folder', folder: FOLDER, recursive: false }, name: null, formats: [] }, expect.any(Function)));

    await act(() => update(scope({ assets: 1234 })));
    const count = screen.getByTestId('scope-count');
    expect(count).toHaveTextContent('Counting… 1,234 so far');
    expect(count).toHaveAttribute('data-done', '0');

    await act(() => finish(counted({ assets: 2000, contentFragments: 3, folders: 2, unlistedFolders: 1, done: true })));
    expect(count).toHaveAttribute('data-done', '1');
    expect(count).toHaveTextContent('2,000 assets in scope');
    // Counted as the preview will count its rows: the fragments are listed there, skipped.
    expect(count).toHaveTextContent('Also 3 content fragments, which the preview lists as skipped (an asset edit leaves content fragments as they are): 2,003 rows in all.');
    // The form and Preview come before the folder's pictures.
    const strip = screen.getByTestId('folder-assets');
    expect(screen.getByTestId('preview-button').compareDocumentPosition(strip) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.getByTestId('edit-row').compareDocumentPosition(strip) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(count).toHaveTextContent('1 subfolder could not be listed, so its assets are not counted. The preview lists it under “Skipped” with the reason.');
    expect(count).toHaveTextContent('This folder has 2 subfolders');

    await user.click(screen.getByTestId('include-subfolders'));
    await waitFor(() => expect(countScope).toHaveBeenLastCalledWith({ connectionId: 'c1', scope: { kind: 'folder', folder: FOLDER, recursive: true }, name: null, formats: [] }, expect.any(Function)));
  });

  it('draws a bar per subfolder once the count with subfolders is final, the numbers in words', async () => {
    const user = userEvent.setup();
    const subfolders = [
      { folder: 'azure-coast', assets: 30 },
      { folder: 'crimson-city', assets: 12 },
      { folder: '', assets: 3 },
    ];
    vi.mocked(countScope).mockResolvedValue(counted({ assets: 45, folders: 11, subfolders, moreSubfolders: 9, done: true }));
    await renderPage();
    await chooseFolder(user);
    const count = await screen.findByTestId('scope-count');
    await waitFor(() => expect(count).toHaveAttribute('data-done', '1'));
    // Without subfolders there is nothing to split.
    expect(within(count).queryByTestId('scope-count-bars')).toBeNull();

    await user.click(screen.getByTestId('include-subfolders'));
    const bars = await within(count).findByTestId('scope-count-bars');
    const rows = within(bars).getAllByTestId('folder-bar');
    expect(rows.map((r) => r.getAttribute('data-folder'))).toEqual(['azure-coast', 'crimson-city', '']);
    expect(rows[1]).toHaveTextContent('crimson-city 12 assets');
    expect(rows[2]).toHaveTextContent('This folder itself 3 assets');
    expect(within(bars).getByTestId('folder-bars-more')).toHaveTextContent('and 9 more subfolders');
    expect(bars).toHaveTextContent('Assets per subfolder');
  });

  it('draws no bars while a count with subfolders is still going', async () => {
    const user = userEvent.setup();
    let update!: (count: ScopeCount) => void;
    vi.mocked(countScope).mockImplementation((_request, onUpdate) => {
      update = onUpdate;
      return new Promise(() => {});
    });
    await renderPage();
    await chooseFolder(user);
    await user.click(screen.getByTestId('include-subfolders'));
    const recursive = { connectionId: 'c1', scope: { kind: 'folder', folder: FOLDER, recursive: true }, name: null, formats: [] };
    await waitFor(() => expect(countScope).toHaveBeenLastCalledWith(recursive, expect.any(Function)));
    await act(() => update(scope({ assets: 12, subfolders: [{ folder: 'a', assets: 12 }] })));
    expect(screen.getByTestId('scope-count')).toHaveTextContent('Counting… 12 so far');
    expect(screen.queryByTestId('scope-count-bars')).toBeNull();
  });

  it('takes the seed script’s folder form as the core does, and counts the folder the core took', async () => {
    const user = userEvent.setup();
    vi.mocked(countScope).mockResolvedValue(counted({ assets: 36, done: true }));
    await renderPage();
    await chooseFolder(user, '/wknd-shared/en/adventures/napa-wine-tasting');
    // The core was asked what the typed folder is; the window counts its answer, unrefused.
    const napa = '/content/dam/wknd-shared/en/adventures/napa-wine-tasting';
    await waitFor(() =>
      expect(countScope).toHaveBeenCalledWith(
        { connectionId: 'c1', scope: { kind: 'folder', folder: napa, recursive: false }, name: null, formats: [] },
        expect.any(Function),
      ),
    );
    expect(checkFolder).toHaveBeenCalledWith('/wknd-shared/en/adventures/napa-wine-tasting');
    expect(await screen.findByTestId('scope-count')).toHaveTextContent('36 assets in scope');
    expect(screen.queryByText(/is not a DAM folder/)).toBeNull();
  });

  it('says the core’s problem with a folder outside the DAM, and counts nothing', async () => {
    const user = userEvent.setup();
    await renderPage();
    await chooseFolder(user, '/content/sites/en');
    await user.click(screen.getByTestId('preview-button'));
    expect(await screen.findByText('"/content/sites/en" is not a DAM folder: it must start with /content/dam/.')).toBeInTheDocument();
    expect(countScope).not.toHaveBeenCalled();
    expect(previewRun).not.toHaveBeenCalled();
  });

  it('says how a count made by AEM’s OpenAPI search may differ from the preview', async () => {
    const user = userEvent.setup();
    vi.mocked(countScope).mockResolvedValue(counted({ assets: 120, done: true, estimate: { atLeast: true, beforeFilters: true } }));
    await renderPage();
    await chooseFolder(user);
    const count = await screen.findByTestId('scope-count');
    await waitFor(() => expect(count).toHaveAttribute('data-done', '1'));
    expect(count).toHaveTextContent('120 assets in scope');
    expect(count).toHaveTextContent('AEM gave only a lower bound: there may be more.');
    expect(count).toHaveTextContent('before the name and file type filters');
    // A search's count holds what AEM's index holds: uploads of the last minutes may be missing.
    expect(count).toHaveTextContent('assets added in the last minutes may not be in its index yet');
  });

  it('says nothing of AEM’s search index for a folder its listing counted', async () => {
    const user = userEvent.setup();
    vi.mocked(countScope).mockResolvedValue(counted({ assets: 120, done: true }));
    await renderPage();
    await chooseFolder(user);
    const count = await screen.findByTestId('scope-count');
    await waitFor(() => expect(count).toHaveAttribute('data-done', '1'));
    expect(count).not.toHaveTextContent('index');
  });

  it('shows a count failure where the folder is chosen', async () => {
    const user = userEvent.setup();
    vi.mocked(countScope).mockRejectedValue({ code: 'not_found', message: 'There is no folder /content/dam/nope in AEM.' });
    await renderPage();
    await chooseFolder(user, '/content/dam/nope');
    const error = await screen.findByTestId('scope-error');
    expect(error).toHaveTextContent('There is no folder /content/dam/nope in AEM.');
  });
});

describe('the scope count when a preview or an undo stops it', () => {
  /** The first count waits until the test ends it; every later one finishes at once. */
  function countsThatCanBeSuperseded() {
    let endFirst!: (count: SelectedCount) => void;
    let calls = 0;
    vi.mocked(countScope).mockImplementation((_request, onUpdate) => {
      calls += 1;
      if (calls === 1) {
        onUpdate(scope({ assets: 700 }));
        return new Promise((resolve) => (endFirst = resolve));
      }
      return Promise.resolve(counted({ assets: 2000, done: true }));
    });
    // What the app's count command returns when another job cancelled it.
    return () => act(() => endFirst(counted({ assets: 700, done: false })));
  }

  it('counts again after a failed preview instead of "Counting…" forever', async () => {
    const user = userEvent.setup();
    const superseded = countsThatCanBeSuperseded();
    let failPreview!: (e: unknown) => void;
    vi.mocked(previewRun).mockImplementation(() => new Promise((_resolve, reject) => (failPreview = reject)));
    await renderPage();
    await chooseFolder(user);
    await fillEdit(user);
    await waitFor(() => expect(screen.getByTestId('scope-count')).toHaveTextContent('Counting… 700 so far'));
    await user.click(screen.getByTestId('preview-button'));
    await superseded();
    // A count that was stopped is no count: nothing half-done is shown as if still going.
    expect(screen.queryByText(/Counting…/)).not.toBeInTheDocument();

    await act(() => failPreview({ code: 'network', message: 'Could not reach AEM at author.example.com.' }));
    await screen.findByTestId('preview-error');
    await waitFor(() => expect(screen.getByTestId('scope-count')).toHaveAttribute('data-done', '1'));
    expect(screen.getByTestId('scope-count')).toHaveTextContent('2,000 assets in scope');
    expect(countScope).toHaveBeenCalledTimes(2);
  });

  it('counts again after "Change the edit" when the preview stopped the count', async () => {
    const user = userEvent.setup();
    const superseded = countsThatCanBeSuperseded();
    let finishPreview!: (s: RunSummary) => void;
    vi.mocked(previewRun).mockImplementation(() => new Promise((resolve) => (finishPreview = resolve)));
    await renderPage();
    await chooseFolder(user);
    await fillEdit(user);
    await waitFor(() => expect(countScope).toHaveBeenCalledTimes(1));
    await user.click(screen.getByTestId('preview-button'));
    await superseded();
    await act(() => finishPreview(PREVIEWED));
    await user.click(await screen.findByTestId('back-to-form'));

    const count = await screen.findByTestId('scope-count');
    await waitFor(() => expect(count).toHaveAttribute('data-done', '1'));
    expect(count).toHaveTextContent('2,000 assets in scope');
    expect(countScope).toHaveBeenCalledTimes(2);
  });

  it('counts a scope again when its last count was stopped (an undo started from Activity)', async () => {
    const superseded = countsThatCanBeSuperseded();
    let finishUndo!: (s: RunSummary) => void;
    vi.mocked(previewUndo).mockImplementation(() => new Promise((resolve) => (finishUndo = resolve)));
    await renderPage();
    store.setup.form.folder = FOLDER;
    const counting = store.setup.countNow();
    await waitFor(() => expect(store.setup.scope.counting).toBe(true));
    const undo = store.run.startUndo('r0');
    await superseded();
    await counting;
    expect(store.setup.scope.count).toBeNull();
    expect(store.setup.scope.counting).toBe(false);
    await act(() => finishUndo(runSummary({ id: 'u1', kind: { kind: 'undo', of: 'r0' } })));
    await undo;

    // The same scope: counted again, not skipped as "already counted".
    await act(() => store.setup.countNow());
    expect(countScope).toHaveBeenCalledTimes(2);
    expect(store.setup.scope.count).toEqual(counted({ assets: 2000, done: true }));
  });
});

describe('saying what to change', () => {
  it('shows each problem next to its field when Preview is pressed, and previews nothing', async () => {
    const user = userEvent.setup();
    // The core's answer (`check_form`), in its words: "rights" is refused, the rest taken.
    const refused = '"rights" is not a metadata property name; use the prefix:name form, e.g. dc:rights.';
    vi.mocked(checkForm).mockImplementation(async (request) => ({
      ...(await noFormProblems(request)),
      properties: request.properties.map((p) => (p === 'rights' ? refused : null)),
    }));
    await renderPage();
    await user.click(screen.getByTestId('add-edit'));
    const [first, second] = screen.getAllByTestId('edit-row') as [HTMLElement, HTMLElement];
    await user.selectOptions(within(second).getByTestId('edit-property'), '');
    await user.type(within(second).getByTestId('edit-property-custom'), 'rights');

    await user.click(screen.getByTestId('preview-button'));
    expect(previewRun).not.toHaveBeenCalled();
    expect(screen.getByText('Choose a folder in the tree, or type its path.')).toBeInTheDocument();
    expect(within(first).getByText('Type the value to set.')).toBeInTheDocument();
    expect(within(second).getByText(refused)).toBeInTheDocument();
    expect(checkForm).toHaveBeenCalledWith(expect.objectContaining({ properties: ['dc:title', 'rights'] }));
    expect(within(first).getByTestId('edit-values')).toHaveAttribute('aria-invalid', 'true');

    // Fixed as the user types: the core's answer goes away.
    await user.clear(within(second).getByTestId('edit-property-custom'));
    await user.type(within(second).getByTestId('edit-property-custom'), 'dc:creator');
    await waitFor(() => expect(within(second).queryByText(refused)).not.toBeInTheDocument());
  });

  it('shows nothing red on the form after "Change the edit": a new action starts empty, not in error', async () => {
    const user = userEvent.setup();
    vi.mocked(previewRun).mockResolvedValue(PREVIEWED);
    await renderPage();
    await chooseFolder(user);
    await fillEdit(user);
    await user.click(screen.getByTestId('preview-button'));
    await user.click(await screen.findByTestId('back-to-form'));

    const row = screen.getAllByTestId('edit-row')[0]!;
    await user.selectOptions(within(row).getByTestId('edit-action'), 'replace');
    expect(within(row).getByTestId('rule-find')).toHaveAttribute('aria-invalid', 'false');
    expect(within(row).queryByText('Type the text to find.')).not.toBeInTheDocument();
    expect(screen.queryByText('Fix the fields marked above first.')).not.toBeInTheDocument();

    // Asked to preview again: the empty field is said.
    await user.click(screen.getByTestId('preview-button'));
    expect(within(row).getByText('Type the text to find.')).toHaveClass('error-text');
    expect(within(row).getByTestId('rule-find')).toHaveAttribute('aria-invalid', 'true');
    expect(previewRun).toHaveBeenCalledTimes(1);
  });

  it('after a refused Preview, a row whose action changes shows no problem until Preview is pressed again', async () => {
    const user = userEvent.setup();
    await renderPage();
    await fillEdit(user);
    await user.click(screen.getByTestId('preview-button'));
    expect(screen.getByText('Choose a folder in the tree, or type its path.')).toBeInTheDocument();

    const row = screen.getAllByTestId('edit-row')[0]!;
    await user.selectOptions(within(row).getByTestId('edit-action'), 'replace');
    expect(within(row).queryByText('Type the text to find.')).not.toBeInTheDocument();
    // The folder's problem, asked about, stays said.
    expect(screen.getByText('Choose a folder in the tree, or type its path.')).toBeInTheDocument();
    await user.click(screen.getByTestId('add-edit'));
    expect(within(screen.getAllByTestId('edit-row')[1]!).queryByText('Type the value to set.')).not.toBeInTheDocument();

    await user.click(screen.getByTestId('preview-button'));
    expect(within(row).getByText('Type the text to find.')).toHaveClass('error-text');
    expect(within(screen.getAllByTestId('edit-row')[1]!).getByText(/^Choose a property|Type the value to set\./)).toBeInTheDocument();
    expect(previewRun).not.toHaveBeenCalled();
  });

  it('takes several values, one per line, for multi-valued fields', async () => {
    const user = userEvent.setup();
    await renderPage();
    const row = screen.getAllByTestId('edit-row')[0]!;
    await user.selectOptions(within(row).getByTestId('edit-property'), 'dc:subject');
    expect(within(row).getByTestId('edit-values').tagName).toBe('TEXTAREA');
    await user.selectOptions(within(row).getByTestId('edit-property'), 'dc:title');
    expect(within(row).getByTestId('edit-values').tagName).toBe('INPUT');
    await user.selectOptions(within(row).getByTestId('edit-action'), 'clear');
    expect(within(row).queryByTestId('edit-values')).not.toBeInTheDocument();
  });

  it('offers adding values only where a property holds several, and falls back to Set', async () => {
    const user = userEvent.setup();
    await renderPage();
    const row = screen.getAllByTestId('edit-row')[0]!;
    const offered = () =>
      within(row)
        .getAllByRole('option')
        .filter((o) => o.closest('[data-testid="edit-action"]'))
        .map((o) => (o as HTMLOptionElement).value);
    await user.selectOptions(within(row).getByTestId('edit-property'), 'dc:subject');
    expect(offered()).toEqual(['set', 'append', 'remove', 'clear', 'replace', 'template', 'from_name', 'copy', 'case', 'trim', 'shift_date', 'set_date']);
    await user.selectOptions(within(row).getByTestId('edit-action'), 'append');
    expect(within(row).getByTestId('edit-values').tagName).toBe('TEXTAREA');
    await user.selectOptions(within(row).getByTestId('edit-property'), 'dc:rights');
    expect(offered()).toEqual(['set', 'clear', 'replace', 'template', 'from_name', 'copy', 'case', 'trim', 'shift_date', 'set_date']);
    expect(within(row).getByTestId('edit-action')).toHaveValue('set');
    expect(within(row).getByTestId('edit-values').tagName).toBe('INPUT');
  });
});

describe('a typed-in property', () => {
  it('can take several values: ticked, the values are one per line and sent as a list', async () => {
    const user = userEvent.setup();
    vi.mocked(previewRun).mockReturnValue(new Promise(() => {}));
    await renderPage();
    await chooseFolder(user);
    const row = screen.getAllByTestId('edit-row')[0]!;
    // Known properties need no tick.
    expect(within(row).queryByTestId('edit-several')).not.toBeInTheDocument();
    await user.selectOptions(within(row).getByTestId('edit-property'), '');
    await user.type(within(row).getByTestId('edit-property-custom'), 'dc:language');
    const several = within(row).getByTestId('edit-several');
    expect(several).not.toBeChecked();
    expect(within(row).getByTestId('edit-values').tagName).toBe('INPUT');

    await user.click(several);
    expect(several).toBeChecked();
    const values = within(row).getByTestId('edit-values');
    expect(values.tagName).toBe('TEXTAREA');
    expect(within(row).getByText(/One value per line/)).toBeInTheDocument();
    await user.type(values, 'en{Enter}de');
    await user.click(screen.getByTestId('preview-button'));
    expect(previewRun).toHaveBeenCalledWith(
      expect.objectContaining({ edits: [{ property: 'dc:language', op: { kind: 'set', values: ['en', 'de'] } }] }),
      expect.any(Function),
    );
  });

  it('takes several values when adding or removing, whatever the tick says', async () => {
    const user = userEvent.setup();
    await renderPage();
    const row = screen.getAllByTestId('edit-row')[0]!;
    await user.selectOptions(within(row).getByTestId('edit-property'), '');
    await user.type(within(row).getByTestId('edit-property-custom'), 'dc:language');
    await user.selectOptions(within(row).getByTestId('edit-action'), 'append');
    const several = within(row).getByTestId('edit-several');
    expect(several).toBeChecked();
    expect(several).toBeDisabled();
    expect(within(row).getByTestId('edit-values').tagName).toBe('TEXTAREA');
    await user.selectOptions(within(row).getByTestId('edit-action'), 'clear');
    expect(within(row).queryByTestId('edit-several')).not.toBeInTheDocument();
  });

  it('says so when a list is left in a one-value field, and previews nothing', async () => {
    const user = userEvent.setup();
    await renderPage();
    await chooseFolder(user);
    const row = screen.getAllByTestId('edit-row')[0]!;
    await user.selectOptions(within(row).getByTestId('edit-property'), '');
    await user.type(within(row).getByTestId('edit-property-custom'), 'dc:language');
    await user.click(within(row).getByTestId('edit-several'));
    await user.type(within(row).getByTestId('edit-values'), 'en{Enter}de');
    await user.click(within(row).getByTestId('edit-several'));
    // The lines stay in sight (not squeezed into one field) until they are fixed.
    expect(within(row).getByTestId('edit-values')).toHaveValue('en\nde');
    await user.click(screen.getByTestId('preview-button'));
    expect(previewRun).not.toHaveBeenCalled();
    expect(within(row).getByText(/remove the extra lines, or tick “Several values”/)).toBeInTheDocument();
  });
});

describe('preview and apply', () => {
  it('previews publishing the person’s scope as chosen: the core makes it the run’s, once', async () => {
    const user = userEvent.setup();
    vi.mocked(previewPublish).mockReturnValue(new Promise(() => {}));
    await renderPage();
    await chooseFolder(user);
    vi.mocked(runScope).mockClear();
    await user.click(screen.getByTestId('publish-button'));
    expect(previewPublish).toHaveBeenCalledWith(
      {
        scope: expect.objectContaining({ connectionId: 'c1', scope: expect.objectContaining({ kind: 'folder', folder: FOLDER }) }),
        replication: 'publish',
        agent: 'publish',
      },
      expect.any(Function),
    );
    // Nothing is sent back and forth to be checked again on its way.
    expect(runScope).not.toHaveBeenCalled();
  });

  it('previews with progress, then shows the table; Apply writes with progress, then the report', async () => {
    const user = userEvent.setup();
    let previewProgress!: (p: Progress) => void;
    let finishPreview!: (s: RunSummary) => void;
    vi.mocked(previewRun).mockImplementation((_request, onProgress) => {
      previewProgress = onProgress;
      return new Promise((resolve) => (finishPreview = resolve));
    });
    await renderPage();
    await chooseFolder(user);
    await fillEdit(user);
    await user.click(screen.getByTestId('preview-button'));

    expect(previewRun).toHaveBeenCalledWith(
      {
        scope: { connectionId: 'c1', scope: { kind: 'folder', folder: FOLDER, recursive: false }, name: null, formats: [] },
        edits: [{ property: 'dc:rights', op: { kind: 'set', values: ['© 2026 WKND'] } }],
      },
      expect.any(Function),
    );
    await act(() => previewProgress(progress({ phase: 'preview', totalKnown: false, total: 120 })));
    expect(screen.getByTestId('preview-progress')).toHaveTextContent('Finding assets… 120 so far');
    await act(() => previewProgress(progress({ phase: 'preview', done: 340, total: 2000 })));
    expect(screen.getByTestId('preview-progress')).toHaveTextContent('Reading current values… 340 of 2,000');
    expect(screen.getByTestId('add-edit')).toBeDisabled();

    await act(() => finishPreview(PREVIEWED));
    const table = await screen.findByTestId('preview-table');
    expect(previewRows).toHaveBeenCalledWith('r1', 'change', 0, 100);
    expect(within(table).getAllByTestId('preview-row')).toHaveLength(1);
    expect(screen.getByTestId('run-facts')).toHaveTextContent('Copyright (dc:rights): set to “© 2026 WKND”');

    let applyProgress!: (p: Progress) => void;
    let finishApply!: (s: RunSummary) => void;
    vi.mocked(applyRun).mockImplementation((_request, onProgress) => {
      applyProgress = onProgress;
      return new Promise((resolve) => (finishApply = resolve));
    });
    await user.click(screen.getByTestId('apply-button'));
    expect(applyRun).toHaveBeenCalledWith({ runId: 'r1', confirmName: null, emptyRequired: false, republish: false }, expect.any(Function));
    await act(() => applyProgress(progress({ done: 1, total: 2, changed: 1, rate: 2, etaSecs: 1 })));
    expect(screen.getByTestId('run-progress')).toHaveAttribute('data-done', '1');
    expect(screen.getByTestId('run-percent')).toHaveTextContent('50 %');

    vi.mocked(pauseRun).mockResolvedValue();
    await user.click(screen.getByTestId('pause-button'));
    expect(pauseRun).toHaveBeenCalled();
    vi.mocked(resumeRun).mockResolvedValue();
    await user.click(await screen.findByTestId('resume-button'));
    expect(resumeRun).toHaveBeenCalled();

    const done = runSummary({ id: 'r1', status: 'completed', counts: { assets: 3, changed: 1, unchanged: 1, skipped: 1, failed: 0, pending: 0 } });
    vi.mocked(reportRows).mockResolvedValue({
      rows: [{ path: `${FOLDER}/alpine-lake.jpg`, status: 'changed', reason: null, changes: ROWS[0]!.changes, changedSince: [] }],
      total: 1, failures: [],
    });
    await act(() => applyProgress(progress({ done: 2, total: 2, changed: 1, unchanged: 1, finished: true })));
    await act(() => finishApply(done));
    const report = await screen.findByTestId('report');
    // One bar and one status a report: the chart, and the pill without a "Completed." echoing it.
    expect(within(report).queryByTestId('run-progress')).not.toBeInTheDocument();
    expect(within(report).queryByTestId('pause-button')).not.toBeInTheDocument();
    expect(within(report).getByTestId('report-status')).toHaveTextContent('Completed');
    expect(within(report).queryByTestId('report-sentence')).not.toBeInTheDocument();
    expect(within(report).queryByText('Completed.')).not.toBeInTheDocument();
    expect(within(report).getByTestId('chart-changed')).toHaveAttribute('data-value', '1');
    expect(within(report).getAllByTestId('report-row')[0]).toHaveAttribute('data-status', 'changed');
    expect(within(report).queryByTestId('retry-failed')).not.toBeInTheDocument();
    expect(within(report).getByTestId('undo-run')).toBeEnabled();
  });

  it('asks for the connection name before applying on production, and sends it', async () => {
    const user = userEvent.setup();
    vi.mocked(previewRun).mockResolvedValue(PREVIEWED);
    vi.mocked(applyRun).mockResolvedValue(runSummary({ status: 'completed', counts: { ...PREVIEWED.counts, pending: 0, changed: 1 } }));
    await renderPage([connection({ production: true })]);
    await chooseFolder(user);
    await fillEdit(user);
    await user.click(screen.getByTestId('preview-button'));
    await user.click(await screen.findByTestId('apply-button'));

    expect(applyRun).not.toHaveBeenCalled();
    const confirm = screen.getByTestId('production-confirm-button');
    expect(confirm).toBeDisabled();
    await user.type(screen.getByTestId('production-confirm-input'), 'p12345 · e67890');
    await user.click(confirm);
    expect(applyRun).toHaveBeenCalledWith({ runId: 'r1', confirmName: 'p12345 · e67890', emptyRequired: false, republish: false }, expect.any(Function));
  });

  /** An edit previewed, "Then republish" ticked, then Apply. */
  async function applyWithRepublishTicked(user: ReturnType<typeof userEvent.setup>): Promise<void> {
    await renderPage();
    await chooseFolder(user);
    await fillEdit(user);
    await user.click(screen.getByTestId('preview-button'));
    await user.click(await screen.findByTestId('republish-after-apply'));
    await user.click(screen.getByTestId('apply-button'));
  }

  it('sends "republish" with the apply when it is ticked, so the core refuses before writing where the connection cannot publish', async () => {
    const user = userEvent.setup();
    vi.mocked(previewRun).mockResolvedValue(PREVIEWED);
    vi.mocked(applyRun).mockReturnValue(new Promise(() => {}));
    await applyWithRepublishTicked(user);
    expect(applyRun).toHaveBeenCalledWith({ runId: 'r1', confirmName: null, emptyRequired: false, republish: true }, expect.any(Function));
  });

  it('once applied with "Then republish" ticked, republishes to the tier the core says', async () => {
    const user = userEvent.setup();
    const applied = { ...PREVIEWED, status: 'completed' as const, appliedAt: '2026-03-02T09:16:00Z' };
    vi.mocked(previewRun).mockResolvedValue(PREVIEWED);
    vi.mocked(applyRun).mockResolvedValue(applied);
    vi.mocked(republishAfter).mockResolvedValueOnce('preview');
    await applyWithRepublishTicked(user);
    await waitFor(() => expect(previewRepublish).toHaveBeenCalledWith('r1', 'preview', expect.any(Function)));
    expect(republishAfter).toHaveBeenCalledWith('r1', true);
  });

  it('plans no republish when the core says none of what was changed is on the website', async () => {
    const user = userEvent.setup();
    vi.mocked(previewRun).mockResolvedValue(PREVIEWED);
    vi.mocked(applyRun).mockResolvedValue({ ...PREVIEWED, status: 'completed', appliedAt: '2026-03-02T09:16:00Z' });
    vi.mocked(republishAfter).mockResolvedValueOnce(null);
    await applyWithRepublishTicked(user);
    await waitFor(() => expect(republishAfter).toHaveBeenCalledWith('r1', true));
    expect(previewRepublish).not.toHaveBeenCalled();
  });

  it('shows a preview failure in the preview step, and the form stays as it was', async () => {
    const user = userEvent.setup();
    vi.mocked(previewRun).mockRejectedValue({ code: 'network', message: 'Could not reach AEM at author.example.com.' });
    await renderPage();
    await chooseFolder(user);
    await fillEdit(user);
    await user.click(screen.getByTestId('preview-button'));
    const error = await screen.findByTestId('preview-error');
    expect(error).toHaveTextContent('Could not reach AEM at author.example.com.');
    expect(screen.getByTestId('folder-path-input')).toHaveValue(FOLDER);
    expect(screen.getByTestId('preview-button')).toBeEnabled();
  });

  it('cancels a preview: nothing to apply, and it says so', async () => {
    const user = userEvent.setup();
    let finish!: (s: RunSummary) => void;
    vi.mocked(previewRun).mockImplementation(() => new Promise((resolve) => (finish = resolve)));
    vi.mocked(cancelRun).mockResolvedValue();
    await renderPage();
    await chooseFolder(user);
    await fillEdit(user);
    await user.click(screen.getByTestId('preview-button'));
    await user.click(screen.getByTestId('cancel-preview'));
    expect(cancelRun).toHaveBeenCalled();
    await act(() => finish(runSummary({ status: 'preview_incomplete' })));
    expect(screen.getByTestId('preview-notice')).toHaveTextContent('Preview cancelled. Nothing was written to AEM.');
    expect(screen.queryByTestId('preview-table')).not.toBeInTheDocument();
  });

  it('a cancel that fails says why and leaves Cancel usable, the preview going on', async () => {
    const user = userEvent.setup();
    vi.mocked(previewRun).mockImplementation(() => new Promise(() => {}));
    vi.mocked(cancelRun).mockRejectedValue({ code: 'internal', message: 'The run could not be told to stop.' });
    await renderPage();
    await chooseFolder(user);
    await fillEdit(user);
    await user.click(screen.getByTestId('preview-button'));
    await user.click(screen.getByTestId('cancel-preview'));
    expect(await screen.findByText('The run could not be told to stop.')).toBeInTheDocument();
    expect(screen.getByTestId('cancel-preview')).toBeEnabled();
    expect(screen.queryByText(/Cancelling/)).not.toBeInTheDocument();
  });

  it('shows an apply failure in the apply step, with the run as AEM left it', async () => {
    const user = userEvent.setup();
    vi.mocked(previewRun).mockResolvedValue(PREVIEWED);
    vi.mocked(applyRun).mockRejectedValue({
      code: 'auth',
      message: 'The development token of this connection has expired. Get a new one in the Developer Console.',
    });
    vi.mocked(fetchRunSummary).mockResolvedValue(PREVIEWED);
    await renderPage();
    await chooseFolder(user);
    await fillEdit(user);
    await user.click(screen.getByTestId('preview-button'));
    await user.click(await screen.findByTestId('apply-button'));
    const error = await screen.findByTestId('apply-error');
    expect(error).toHaveTextContent('development token of this connection has expired');
    expect(within(error).getByRole('button', { name: 'Back to the preview' })).toBeEnabled();
  });
});

describe('the report', () => {
  const FAILED = runSummary({
    id: 'r9',
    status: 'completed',
    counts: { assets: 30, changed: 10, unchanged: 0, skipped: 0, failed: 20, pending: 0 },
    durationSecs: 125,
  });

  beforeEach(() => {
    vi.mocked(reportRows).mockImplementation(async (_run, status) => {
      const failed = Array.from({ length: 20 }, (_, i) => ({
        path: `${FOLDER}/f-${i}.jpg`,
        status: 'failed' as const,
        reason: READ_ONLY_REASON,
        changes: [{ property: 'dc:rights', before: 'Royalty-free', after: 'X' }],
        changedSince: [],
      }));
      return status === 'failed' ? { rows: failed, total: 20, failures: [] } : { rows: failed.slice(0, 5), total: 30, failures: [] };
    });
  });

  it('says once per reason why assets failed, naming their folders and whom to ask', async () => {
    const reason = 'AEM refused the change (403): this connection may not change assets in this folder';
    vi.mocked(reportRows).mockImplementation(async (_run, status) => {
      const failed = Array.from({ length: 20 }, (_, i) => ({
        path: `${FOLDER}/locked/f-${i}.jpg`,
        status: 'failed' as const,
        reason,
        changes: [],
        changedSince: [],
      }));
      const failures = [
        { reason, advice: 'Ask an AEM administrator to give the technical account abc@techacct.adobe.com write access to these folders.', assets: 20, folders: [`${FOLDER}/locked`], moreFolders: 0 },
      ];
      return status === 'failed' ? { rows: failed, total: 20, failures } : { rows: failed.slice(0, 5), total: 30, failures: [] };
    });
    await renderPage();
    await act(() => store.run.openReport(FAILED));
    const banner = await screen.findByTestId('report-failures');
    const [group] = within(banner).getAllByTestId('failure-group');
    // The folder inside the sentence, not a dangling "In …" after it (issue 77).
    expect(group).toHaveTextContent(`20 assets in ${FOLDER}/locked could not be changed: ${reason}.`);
    expect(group?.textContent).not.toMatch(/\. In /);
    expect(within(banner).getByTestId('failure-advice')).toHaveTextContent('abc@techacct.adobe.com write access to these folders');
    // Said once, not once per failed asset.
    expect(banner.textContent!.split('abc@techacct.adobe.com')).toHaveLength(2);
    // Nor again on each failed row: its pill's tooltip keeps it.
    const report = screen.getByTestId('report');
    const [row] = await within(report).findAllByTestId('report-row');
    expect(within(row!).queryByTestId('report-reason')).toBeNull();
    expect(within(row!).getByText('Failed')).toHaveAttribute('title', reason);
    expect(report.textContent!.split(reason)).toHaveLength(2);
  });

  it('draws a stacked bar per subfolder: changed, left as they were, failed, with the numbers in words', async () => {
    vi.mocked(runFolders).mockResolvedValue({
      folders: [
        { folder: 'crimson-city', assets: 12, changed: 1, unchanged: 0, skipped: 0, failed: 11, pending: 0 },
        { folder: 'azure-coast', assets: 12, changed: 9, unchanged: 2, skipped: 1, failed: 0, pending: 0 },
      ],
      moreFolders: 0,
    });
    await renderPage();
    await act(() => store.run.openReport(FAILED));
    const bars = await screen.findByTestId('report-folder-bars');
    expect(runFolders).toHaveBeenCalledWith('r9');
    expect(bars).toHaveTextContent('Results per subfolder');
    const [crimson, azure] = within(bars).getAllByTestId('folder-bar');
    expect(crimson).toHaveTextContent('crimson-city 1 changed · 11 failed');
    expect(azure).toHaveTextContent('azure-coast 9 changed · 2 already as wanted · 1 skipped');
    // The bars only draw what the words say.
    const segments = [...crimson!.querySelectorAll('[data-key]')].map((s) => [s.getAttribute('data-key'), s.getAttribute('data-value')]);
    expect(segments).toEqual([
      ['changed', '1'],
      ['failed', '11'],
    ]);
    expect(crimson!.querySelector('.track')).toHaveAttribute('aria-hidden', 'true');
    expect(within(bars).queryByTestId('folder-bars-more')).toBeNull();
  });

  it('draws no bars for a run whose assets are all in its folder itself', async () => {
    vi.mocked(runFolders).mockResolvedValue({
      folders: [{ folder: '', assets: 30, changed: 10, unchanged: 0, skipped: 0, failed: 20, pending: 0 }],
      moreFolders: 0,
    });
    await renderPage();
    await act(() => store.run.openReport(FAILED));
    await screen.findByTestId('report');
    await waitFor(() => expect(runFolders).toHaveBeenCalledWith('r9'));
    expect(screen.queryByTestId('report-folder-bars')).toBeNull();
  });

  it('shows an undone run’s latest state: a heading that names the undo, and what it did to each row', async () => {
    // As the core lists it: its undo, the latest, left one asset as a colleague changed it.
    const edit = runSummary({
      id: 'e5',
      status: 'completed',
      appliedAt: '2026-03-02T09:15:00Z',
      counts: { assets: 2, changed: 2, unchanged: 0, skipped: 0, failed: 0, pending: 0 },
      undoLinks: undoLinks({ undoneBy: 'u5', whollyUndone: true, lastUndo: 'u5' }),
    });
    const undo = runSummary({ id: 'u5', status: 'completed', appliedAt: '2026-03-02T10:00:00Z', kind: { kind: 'undo', of: 'e5' }, counts: { assets: 2, changed: 1, unchanged: 0, skipped: 1, failed: 0, pending: 0 } });
    vi.mocked(listRuns).mockResolvedValue([undo, edit]);
    await renderPage();
    await act(() => store.history.load());
    vi.mocked(reportRows).mockResolvedValue({
      rows: [
        { path: `${FOLDER}/alpine-lake.jpg`, status: 'changed', reason: null, changes: ROWS[0]!.changes, changedSince: [], undone: { status: 'changed', reason: null } },
        { path: `${FOLDER}/city-night.jpg`, status: 'changed', reason: null, changes: ROWS[0]!.changes, changedSince: [], undone: { status: 'skipped', reason: 'someone changed it since' } },
      ],
      total: 2,
      failures: [],
    });
    await act(() => store.run.openReport(edit));
    const report = await screen.findByTestId('report');
    expect(await within(report).findByTestId('undone-heading')).toHaveTextContent(`Undone on ${new I18n('en').dateTime('2026-03-02T10:00:00Z')}`);
    const outcomes = within(report).getAllByTestId('report-outcome');
    expect(outcomes.map((o) => o.textContent)).toEqual(['Given back', 'Kept: changed since']);
    expect(outcomes.map((o) => o.dataset.meaning)).toEqual(['done', 'left-alone']);
    expect(within(report).getByText('someone changed it since')).toBeInTheDocument();
    expect(within(report).getByTestId('outcome-legend')).toHaveTextContent('Done or as wanted');
  });

  it('says a fragment this run changed that was live is changed since published, not up to date', async () => {
    const run = runSummary({ id: 'f5', status: 'completed', appliedAt: '2026-03-02T09:15:00Z', fragments: {}, publication: { neverPublished: 0, modified: 0, upToDate: 1, unpublished: 0 }, counts: { assets: 1, changed: 1, unchanged: 0, skipped: 0, failed: 0, pending: 0 } });
    await renderPage();
    vi.mocked(reportRows).mockResolvedValue({
      rows: [{ path: `${FOLDER}/adventure`, status: 'changed', reason: null, changes: ROWS[0]!.changes, changedSince: [], publication: 'up_to_date' }],
      total: 1,
      failures: [],
    });
    await act(() => store.run.openReport(run));
    const report = await screen.findByTestId('report');
    const live = await within(report).findByTestId('report-on-website');
    expect(live).toHaveAttribute('data-state', 'modified');
    expect(live).toHaveTextContent('Changed since published');
  });

  it('says a republish’s outcome in the tab’s words, and colours the assets left alone as neutral', async () => {
    const republish = runSummary({
      id: 'p9',
      status: 'completed',
      appliedAt: '2026-03-02T09:20:00Z',
      kind: { kind: 'publish', replication: 'publish', agent: 'publish', from: { kind: 'republish', of: 'r9' } },
      editDetails: [],
      counts: { assets: 24, changed: 6, unchanged: 0, skipped: 18, failed: 0, pending: 0 },
      publication: { neverPublished: 18, modified: 6, upToDate: 0, unpublished: 0 },
    });
    await renderPage();
    vi.mocked(reportRows).mockResolvedValue({
      rows: [{ path: `${FOLDER}/alpine-lake.jpg`, status: 'skipped', reason: 'not published before the edit', changes: [], changedSince: [], publication: 'never_published' }],
      total: 1,
      failures: [],
    });
    await act(() => store.run.openReport(republish));
    const report = await screen.findByTestId('report');
    const row = await within(report).findByTestId('report-row');
    expect(within(row).getByText('Left alone')).toHaveClass('pill-neutral');
    const legend = (key: string) => within(within(report).getByTestId(`chart-${key}`)).getByText(/\p{L}/u).textContent;
    const tab = (key: string) => report.querySelector(`[data-testid="report-filters"] [data-filter="${key}"]`)!.textContent!.replace(/\d+/g, '').trim();
    expect(legend('changed')).toBe('Published');
    expect(tab('changed')).toBe('Published');
    expect(legend('skipped')).toBe('Left alone');
    expect(tab('skipped')).toBe('Left alone');
    expect(within(report).getByTestId('chart-skipped')).toHaveAttribute('data-tone', 'neutral');
    // An edit's skipped assets were left alone on purpose too (changed by someone since, out of
    // a rule's reach): grey and "Left alone", one meaning per colour on every report (issue 77).
    await act(() => store.run.openReport(FAILED));
    await waitFor(() => expect(within(screen.getByTestId('report')).getByTestId('chart-skipped')).toHaveAttribute('data-tone', 'neutral'));
    expect(within(screen.getByTestId('report')).getByTestId('chart-skipped')).toHaveTextContent('Left alone');
  });

  it('explains failed assets in words above the table, and in each row', async () => {
    await renderPage();
    await act(() => store.run.openReport(FAILED));
    const report = await screen.findByTestId('report');
    await waitFor(() =>
      expect(within(report).getByTestId('report-failures')).toHaveTextContent(`20 assets could not be changed: ${READ_ONLY_REASON}`),
    );
    expect(within(report).getByTestId('report-summary')).toHaveTextContent('took 2 min 5 s');
    expect(within(report).getByTestId('chart-failed')).toHaveAttribute('data-value', '20');
    expect(within(report).getByTestId('chart-changed')).toHaveAttribute('data-value', '10');
    const row = within(report).getAllByTestId('report-row')[0]!;
    expect(row).toHaveAttribute('data-status', 'failed');
    expect(within(row).getByTestId('report-reason')).toHaveTextContent('abc@techacct.adobe.com');
    expect(within(report).getByTestId('retry-failed')).toHaveTextContent('Retry failed (20)');
  });

  it('says in words, with both values, that an asset changed since the preview was not overwritten', async () => {
    vi.mocked(reportRows).mockResolvedValue({
      rows: [
        {
          path: `${FOLDER}/alpine-lake.jpg`,
          status: 'failed',
          reason: 'changed since the preview: dc:rights was "Royalty-free" at the preview and is now "Theirs", so it was not overwritten',
          changes: [{ property: 'dc:rights', before: 'Royalty-free', after: 'X' }],
          changedSince: [
            { property: 'dc:rights', preview: 'Royalty-free', now: 'Theirs' },
            { property: 'dc:subject', preview: null, now: ['a', 'b'] },
          ],
        },
      ],
      total: 1, failures: [],
    });
    await renderPage();
    await act(() => store.run.openReport(FAILED));
    const report = await screen.findByTestId('report');
    const row = (await within(report).findAllByTestId('report-row'))[0]!;
    const words = within(row).getByTestId('changed-since-preview');
    expect(words).toHaveTextContent(
      'Changed in AEM since the preview, so it was not overwritten: Copyright (dc:rights) was “Royalty-free” at the preview and is now “Theirs”; Keywords (dc:subject) was (not set) at the preview and is now “a, b”. Retry failed plans it again from the value now in AEM.',
    );
    expect(within(row).queryByTestId('report-reason')).toBeNull();
  });

  it('filters by status through reportRows', async () => {
    const user = userEvent.setup();
    await renderPage();
    await act(() => store.run.openReport(FAILED));
    const filters = await screen.findByTestId('report-filters');
    await user.click(within(filters).getByRole('button', { name: /^Failed/ }));
    expect(reportRows).toHaveBeenLastCalledWith('r9', 'failed', 0, 100);
  });

  it('exports the CSV and says where; says nothing when the dialog was cancelled', async () => {
    const user = userEvent.setup();
    await renderPage();
    await act(() => store.run.openReport(FAILED));
    vi.mocked(exportReportCsv).mockResolvedValueOnce(null);
    await user.click(await screen.findByTestId('export-csv'));
    // Column headers in words by default: a person opens it in a spreadsheet.
    expect(exportReportCsv).toHaveBeenCalledWith('r9', true);
    expect(screen.queryByTestId('export-result')).not.toBeInTheDocument();
    vi.mocked(exportReportCsv).mockResolvedValueOnce('metadesk-report-r9.csv');
    await user.click(screen.getByTestId('export-csv'));
    expect(await screen.findByTestId('export-result')).toHaveTextContent('Saved metadesk-report-r9.csv');
  });

  it('exports with machine keys when the user unticks headers in words, and keeps the choice', async () => {
    const user = userEvent.setup();
    await renderPage();
    await act(() => store.run.openReport(FAILED));
    const toggle = await screen.findByRole('checkbox', { name: /Column headers in words/ });
    expect(toggle).toBeChecked();
    // A choice for scripts, not for the person reading the report: under a closed "Technical details".
    const technical = screen.getByTestId('report-technical');
    expect(technical).toContainElement(toggle);
    expect(technical).not.toHaveAttribute('open');
    expect(within(technical).getByText('Technical details')).toBeInTheDocument();
    await user.click(toggle);
    expect(setLocalizedCsvHeaders).toHaveBeenLastCalledWith(false);
    vi.mocked(exportReportCsv).mockResolvedValue(null);
    await user.click(screen.getByTestId('export-csv'));
    expect(exportReportCsv).toHaveBeenLastCalledWith('r9', false);
    await act(() => store.run.openReport(FAILED));
    expect(screen.getByTestId('export-localized-headers')).not.toBeChecked();
  });

  it('ticks column headers in words at start-up when they were chosen before, and saves an untick', async () => {
    const user = userEvent.setup();
    vi.mocked(localizedCsvHeaders).mockResolvedValueOnce(true);
    await renderPage();
    await act(() => store.exporter.loadSettings());
    await act(() => store.run.openReport(FAILED));
    const toggle = await screen.findByRole('checkbox', { name: /Column headers in words/ });
    expect(toggle).toBeChecked();
    vi.mocked(exportReportCsv).mockResolvedValue(null);
    await user.click(screen.getByTestId('export-csv'));
    expect(exportReportCsv).toHaveBeenLastCalledWith('r9', true);
    await user.click(toggle);
    expect(setLocalizedCsvHeaders).toHaveBeenLastCalledWith(false);
    expect(toggle).not.toBeChecked();
    await user.click(screen.getByTestId('export-csv'));
    expect(exportReportCsv).toHaveBeenLastCalledWith('r9', false);
  });

  it('says so when the column headers choice could not be saved, and keeps it for this window', async () => {
    const user = userEvent.setup();
    await renderPage();
    await act(() => store.run.openReport(FAILED));
    vi.mocked(setLocalizedCsvHeaders).mockRejectedValueOnce({ code: 'io', message: 'could not write /data/report-settings.json: the disk is full' });
    const toggle = await screen.findByRole('checkbox', { name: /Column headers in words/ });
    await user.click(toggle);
    expect(await screen.findByTestId('export-error')).toHaveTextContent(
      'The column headers choice holds in this window, but could not be kept for the next start: could not write /data/report-settings.json: the disk is full',
    );
    expect(toggle).not.toBeChecked();
  });

  it('undoes a run through its own preview', async () => {
    const user = userEvent.setup();
    const undo = runSummary({ id: 'u1', kind: { kind: 'undo', of: 'r9' }, edits: ['undo of run r9'], editDetails: [], counts: { assets: 10, changed: 0, unchanged: 0, skipped: 0, failed: 0, pending: 10 } });
    vi.mocked(previewUndo).mockResolvedValue(undo);
    await renderPage();
    await act(() => store.run.openReport(FAILED));
    await user.click(await screen.findByTestId('undo-run'));
    expect(previewUndo).toHaveBeenCalledWith('r9', expect.any(Function));
    await screen.findByTestId('preview-table');
    // The run it undoes in words: r9 is not in the (empty) history and its id holds no time.
    expect(screen.getByTestId('run-kind')).toHaveTextContent(/^Undo of the run$/);
    expect(screen.getByRole('heading', { name: /^Preview of the undo/ })).toBeInTheDocument();
    // Worded as an undo, not as a new edit.
    expect(screen.getByTestId('apply-button')).toHaveTextContent('Undo 10 changes');
    expect(screen.getByTestId('back-to-form')).toHaveTextContent('Keep the edit');
  });

  it('words the undo of a publication as an undo: its heading, “Keep the edit”, and what it will do', async () => {
    const user = userEvent.setup();
    const undo = runSummary({
      id: 'u1',
      kind: { kind: 'publish', replication: 'unpublish', agent: 'publish', from: { kind: 'undo', of: 'r9' } },
      edits: [],
      editDetails: [],
      counts: { assets: 25, changed: 0, unchanged: 0, skipped: 7, failed: 0, pending: 18 },
    });
    vi.mocked(previewUndo).mockResolvedValue(undo);
    await renderPage();
    await act(() => store.run.openReport(FAILED));
    await user.click(await screen.findByTestId('undo-run'));
    await screen.findByTestId('preview-table');
    expect(screen.getByRole('heading', { name: /^Preview of the undo/ })).toBeInTheDocument();
    expect(screen.getByTestId('back-to-form')).toHaveTextContent('Keep the edit');
    expect(screen.getByTestId('preview-outcome')).toHaveTextContent('18 assets will be taken off the website.');
  });

  it('undoes an edit that was republished with "Then republish" ticked, and the next edit without it', async () => {
    const user = userEvent.setup();
    const counts = { assets: 6, changed: 0, unchanged: 0, skipped: 0, failed: 0, pending: 6 };
    const undo = runSummary({ id: 'u1', kind: { kind: 'undo', of: 'r9' }, edits: ['undo of run r9'], editDetails: [], counts, toChangeOnWebsite: 3 });
    vi.mocked(previewUndo).mockResolvedValue(undo);
    vi.mocked(republishedTo).mockResolvedValue('publish');
    await renderPage();
    await act(() => store.run.openReport(FAILED));
    await user.click(await screen.findByTestId('undo-run'));
    expect(republishedTo).toHaveBeenCalledWith('r9');
    await screen.findByTestId('preview-table');
    const tick = screen.getByTestId('republish-after-apply');
    expect(tick).toBeChecked();
    expect(tick.closest('label')).toHaveTextContent(/3/);
    await user.click(screen.getByTestId('back-to-form'));
    expect(store.run.republishAfterApply).toBe(false);

    // An edit that was not republished: its undo leaves the tick to the user.
    vi.mocked(republishedTo).mockResolvedValue(null);
    await act(() => store.run.startUndo('r8'));
    expect(screen.getByTestId('republish-after-apply')).not.toBeChecked();
  });

  // AEM refuses every write of a read-only technical account. The engine either lets every
  // asset fail with the reason, or stops the run after the first refusals and leaves the rest
  // to resume; the report must show the explanation naming the account either way.
  const READ_ONLY_ENDINGS = [
    {
      ending: 'every asset fails',
      summary: runSummary({ id: 'ro', status: 'completed', reason: null, counts: { assets: 24, changed: 0, unchanged: 0, skipped: 0, failed: 24, pending: 0 } }),
      failed: 24,
      explanation: 'report-failures',
    },
    {
      ending: 'the run stops after the first refusals',
      summary: runSummary({ id: 'ro', status: 'stopped', reason: READ_ONLY_REASON, counts: { assets: 24, changed: 0, unchanged: 0, skipped: 0, failed: 5, pending: 19 } }),
      failed: 5,
      explanation: 'stopped-reason',
    },
  ];

  it.each(READ_ONLY_ENDINGS)('a read-only account ($ending): the report explains the 403 naming the technical account', async ({ summary, failed, explanation }) => {
    const user = userEvent.setup();
    vi.mocked(previewRun).mockResolvedValue(runSummary({ id: 'ro', counts: { assets: 24, changed: 0, unchanged: 0, skipped: 0, failed: 0, pending: 24 } }));
    let applyProgress!: (p: Progress) => void;
    let finishApply!: (s: RunSummary) => void;
    vi.mocked(applyRun).mockImplementation((_request, onProgress) => {
      applyProgress = onProgress;
      return new Promise((resolve) => (finishApply = resolve));
    });
    vi.mocked(reportRows).mockImplementation(async (_run, status) => {
      const rows = Array.from({ length: failed }, (_, i) => ({
        path: `${FOLDER}/f-${i}.jpg`,
        status: 'failed' as const,
        reason: READ_ONLY_REASON,
        changes: [{ property: 'dc:rights', before: null, after: 'X' }],
        changedSince: [],
      }));
      return status === null || status === 'failed' ? { rows, total: failed, failures: [] } : { rows: [], total: 0, failures: [] };
    });
    await renderPage();
    await chooseFolder(user);
    await fillEdit(user);
    await user.click(screen.getByTestId('preview-button'));
    await user.click(await screen.findByTestId('apply-button'));
    await act(() => applyProgress(progress({ runId: 'ro', done: failed, total: 24, failed, finished: true })));
    await act(() => finishApply(summary));

    const report = await screen.findByTestId('report');
    const banner = await within(report).findByTestId(explanation);
    await waitFor(() => expect(banner).toHaveTextContent('technical account abc@techacct.adobe.com write access'));
    expect(banner).toHaveTextContent(/can read but not change assets: ask an AEM administrator/i);
    const [row] = within(report).getAllByTestId('report-row');
    if (explanation === 'stopped-reason') {
      // Said once, by the stop: not again on each failed row (the pill's tooltip keeps it).
      expect(within(row!).queryByTestId('report-reason')).toBeNull();
      expect(within(row!).getByText('Failed')).toHaveAttribute('title', READ_ONLY_REASON);
    } else {
      expect(within(row!).getByTestId('report-reason')).toHaveTextContent('abc@techacct.adobe.com');
    }
    expect(within(report).getByTestId('chart-changed')).toHaveAttribute('data-value', '0');
  });

  it('leads the report of a stopped run with why it stopped and Resume, not the same reason twice', async () => {
    const user = userEvent.setup();
    const [, stopping] = READ_ONLY_ENDINGS;
    vi.mocked(previewRun).mockResolvedValue(runSummary({ id: 'ro', counts: { assets: 24, changed: 0, unchanged: 0, skipped: 0, failed: 0, pending: 24 } }));
    vi.mocked(applyRun).mockImplementationOnce(async (_request, onProgress) => {
      onProgress(progress({ runId: 'ro', done: 5, total: 24, failed: 5, finished: true }));
      return stopping!.summary;
    });
    vi.mocked(reportRows).mockResolvedValue({
      rows: Array.from({ length: 5 }, (_, i) => ({ path: `${FOLDER}/f-${i}.jpg`, status: 'failed' as const, reason: READ_ONLY_REASON, changes: [], changedSince: [] })),
      total: 5, failures: [],
    });
    await renderPage();
    await chooseFolder(user);
    await fillEdit(user);
    await user.click(screen.getByTestId('preview-button'));
    await user.click(await screen.findByTestId('apply-button'));

    const report = await screen.findByTestId('report');
    expect(report).toHaveAttribute('data-status', 'stopped');
    const banner = within(report).getByTestId('stopped-reason');
    // First in the report, above the summary and the table.
    expect(report.firstElementChild).toBe(banner);
    expect(banner).toHaveTextContent('This connection can read but not change assets');
    expect(banner).toHaveTextContent('19 assets were not changed yet');
    expect(within(report).getByTestId('run-progress')).toHaveTextContent('Stopped after 5 of 24 assets: 19 not changed yet.');
    await waitFor(() => expect(within(report).getAllByTestId('report-row')).toHaveLength(5));
    expect(within(report).queryByTestId('report-failures')).not.toBeInTheDocument();
    // One Resume, in the banner.
    expect(within(report).getAllByTestId('resume-run')).toHaveLength(1);
    const resume = within(banner).getByTestId('resume-run');
    expect(resume).toHaveTextContent('Resume (19 left)');
    vi.mocked(applyRun).mockReturnValue(new Promise(() => {}));
    await user.click(resume);
    expect(applyRun).toHaveBeenLastCalledWith({ runId: 'ro', confirmName: null, emptyRequired: false, republish: false }, expect.any(Function));
  });

  it('says the bar of a resumed run counts the assets that were left', async () => {
    const user = userEvent.setup();
    const cancelled = runSummary({ id: 'c9', status: 'cancelled', counts: { assets: 25, changed: 11, unchanged: 0, skipped: 1, failed: 0, pending: 13 } });
    vi.mocked(applyRun).mockImplementationOnce(async (_request, onProgress) => {
      onProgress(progress({ runId: 'c9', done: 13, total: 13, changed: 13, finished: true }));
      return runSummary({ id: 'c9', status: 'completed', counts: { assets: 25, changed: 24, unchanged: 0, skipped: 1, failed: 0, pending: 0 } });
    });
    await renderPage();
    await act(() => store.run.openReport(cancelled));
    await user.click(await screen.findByTestId('resume-run'));
    const report = await screen.findByTestId('report');
    await waitFor(() => expect(report).toHaveAttribute('data-status', 'completed'));
    expect(within(report).getByTestId('run-progress')).toHaveTextContent('Resumed: 13 of the 13 assets left were handled.');
  });

  it('shows why a stopped run stopped, and offers Resume', async () => {
    const user = userEvent.setup();
    const stopped = runSummary({
      id: 's1',
      status: 'stopped',
      reason: 'The development token of this connection has expired: get a new one in the Developer Console and import it.',
      counts: { assets: 30, changed: 12, unchanged: 0, skipped: 0, failed: 0, pending: 18 },
    });
    vi.mocked(applyRun).mockReturnValue(new Promise(() => {}));
    await renderPage();
    await act(() => store.run.openReport(stopped));
    const banner = await screen.findByTestId('stopped-reason');
    expect(banner).toHaveTextContent('development token of this connection has expired');
    expect(banner).toHaveTextContent('18 assets were not changed yet');
    await user.click(within(banner).getByTestId('resume-run'));
    expect(applyRun).toHaveBeenCalledWith({ runId: 's1', confirmName: null, emptyRequired: false, republish: false }, expect.any(Function));
    expect(await screen.findByTestId('run-progress')).toBeInTheDocument();
  });
});

describe('in French', () => {
  // Words English has and French has not (the E2E walk checks the same in the real window).
  const ENGLISH =
    /\b(the|and|with|this|that|your|you|is|are|was|be|to|of|for|it|can|will|has|have|from|yet|not|only|Preview|Apply|Report|Change|Folder|Connection|assets?|Cancel|Remove|Pick|Choose|Loading|Counting|Skipped|Changed|Undo|Export|Show|All|Will|Already|wanted|Steps|Same|every|spreadsheet|Include|subfolders|Property|Value|Set|Clear|Add|Asset|Result|New|bulk|edit|Name|Saved|match|found|Completed|Failed|started|took|Title|Keywords|Creator|Tags|PDF documents|Videos)\b/;

  /** The page's own words (the connection's name and host, paths and values are data). */
  function englishLeft(): string[] {
    const skip = '.mono, code, option, [data-testid="cell-before"], [data-testid="cell-after"], .name, .folder, .hint > .mono';
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      if (text && !node.parentElement?.closest(skip) && ENGLISH.test(text)) out.push(text);
    }
    for (const el of document.body.querySelectorAll('[aria-label], [placeholder], [title]')) {
      for (const name of ['aria-label', 'placeholder']) {
        const text = el.getAttribute(name);
        if (text && ENGLISH.test(text)) out.push(`${name}: ${text}`);
      }
    }
    return out;
  }

  it('walks pick, edit, preview, apply and report in French, with no English word left', async () => {
    const user = userEvent.setup();
    await renderPage([connection()], new I18n('fr'));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Modification en masse');
    await chooseFolder(user);
    await waitFor(() => expect(screen.getByTestId('scope-count')).toHaveAttribute('data-done', '1'));
    expect(screen.getByTestId('scope-count')).toHaveTextContent('2 000 ressources concernées'); // no-break spaces count as spaces here

    // Preview with nothing typed: the problems are in French too.
    await user.click(screen.getByTestId('preview-button'));
    expect(await screen.findByText('Saisissez la valeur à définir.')).toBeInTheDocument();
    expect(englishLeft()).toEqual([]);

    await fillEdit(user);
    vi.mocked(previewRun).mockResolvedValue(PREVIEWED);
    await user.click(screen.getByTestId('preview-button'));
    await screen.findByTestId('preview-table');
    expect(screen.getByTestId('run-facts')).toHaveTextContent('Copyright (dc:rights) : remplacer par « © 2026 WKND »');
    expect(screen.getByTestId('apply-button')).toHaveTextContent('Appliquer 1 modification');
    expect(englishLeft()).toEqual([]);

    const done = runSummary({ id: 'r1', folder: FOLDER, status: 'completed', counts: { assets: 3, changed: 1, unchanged: 1, skipped: 1, failed: 0, pending: 0 } });
    vi.mocked(applyRun).mockResolvedValue(done);
    vi.mocked(reportRows).mockResolvedValue({
      rows: [{ path: `${FOLDER}/alpine-lake.jpg`, status: 'changed', reason: null, changes: ROWS[0]!.changes, changedSince: [] }],
      total: 1, failures: [],
    });
    await user.click(screen.getByTestId('apply-button'));
    const report = await screen.findByTestId('report');
    expect(within(report).getByTestId('report-status')).toHaveTextContent('Terminée');
    expect(within(report).getByTestId('report-chart').querySelector('svg')).toHaveAttribute(
      'aria-label',
      'Ressources par résultat\u00a0: Modifiées\u00a0: 1, Déjà conformes\u00a0: 1, Laissées telles quelles\u00a0: 1, En échec\u00a0: 0',
    );
    expect(within(report).getAllByTestId('report-row')[0]).toHaveTextContent('Modifiée');
    expect(within(report).getByRole('checkbox', { name: /^En-têtes de colonnes en toutes lettres/ })).toBeChecked();
    expect(englishLeft()).toEqual([]);
  });
});

describe('the close dialog\'s progress line', () => {
  it('says how far a preview read, or how many assets its listing found, in the window\'s language', async () => {
    let sendProgress!: (p: Progress) => void;
    vi.mocked(previewRetry).mockImplementation((_runId, onProgress) => {
      sendProgress = onProgress;
      return new Promise(() => {});
    });
    const store = new BulkStore(() => [], new I18n('fr'));
    expect(store.close.progressLine()).toBeNull();
    void store.run.startRetry('r1');
    expect(store.close.progressLine()).toBeNull();

    sendProgress(progress({ phase: 'preview', done: 1, total: 1, totalKnown: false }));
    expect(store.close.progressLine()).toBe('Aperçu\u00a0: 1 ressource trouvée pour l’instant.');
    sendProgress(progress({ phase: 'preview', done: 3, total: 40, totalKnown: true }));
    expect(store.close.progressLine()).toBe('Aperçu\u00a0: 3 sur 40 ressources lues pour l’instant.');
  });
});

describe('a tag change’s run', () => {
  const STEP = { command: 'merge', tag: 'wknd:season/winter', target: 'wknd:season/cold', activate: false, leftAlone: 0 } as const;
  const TAG_RUN = runSummary({
    id: 't1',
    edits: ['cq:tags: wknd:season/winter → wknd:season/cold'],
    editDetails: [{ property: 'cq:tags', op: { kind: 'retag', from: 'wknd:season/winter', to: 'wknd:season/cold' } }],
    tagStep: { ...STEP, state: 'waiting' },
  });

  it('says on its preview what AEM then does to the tag, or that a preview that left assets alone keeps it', async () => {
    await renderPage();
    await act(() => store.run.openPreview(TAG_RUN));
    expect(await screen.findByTestId('tag-step')).toHaveTextContent('Then AEM merges the tag wknd:season/winter into wknd:season/cold.');
    await act(() => store.run.openPreview({ ...TAG_RUN, tagStep: { ...STEP, state: 'left_alone', leftAlone: 2 } }));
    await waitFor(() => expect(screen.getByTestId('tag-step')).toHaveTextContent('The tag wknd:season/winter will be kept: 2 assets that may hold it are left alone'));
  });

  it('says on its report why AEM refused, and tries again on production once the connection’s name is typed, in the taxonomy’s words', async () => {
    const user = userEvent.setup();
    const reason = 'AEM no longer has the tag wknd:season/winter: someone changed or removed it since the preview, so AEM’s command was not sent.';
    const refused = { ...TAG_RUN, status: 'completed' as const, counts: { ...TAG_RUN.counts, pending: 0 }, tagStep: { ...STEP, state: 'refused' as const, reason } };
    vi.mocked(applyRun).mockResolvedValue({ ...refused, tagStep: { ...STEP, state: 'done' } });
    await renderPage([connection({ production: true })]);
    await act(() => store.run.openReport(refused));
    const banner = await screen.findByTestId('tag-step');
    expect(banner).toHaveTextContent('The assets are done, but the tag wknd:season/winter was not changed');
    expect(banner).toHaveTextContent(reason);

    await user.click(within(banner).getByTestId('tag-step-again'));
    const dialog = screen.getByTestId('production-dialog');
    expect(dialog).toHaveTextContent('Change the tag wknd:season/winter in AEM’s taxonomy on production?');
    expect(dialog).toHaveTextContent('Trying again sends what is left of AEM’s command on the tag wknd:season/winter to p12345 · e67890');
    await user.type(screen.getByTestId('production-confirm-input'), 'p12345');
    expect(screen.getByTestId('production-confirm-button')).toBeDisabled();
    expect(applyRun).not.toHaveBeenCalled();
    await user.type(screen.getByTestId('production-confirm-input'), ' · e67890');
    await user.click(screen.getByTestId('production-confirm-button'));
    expect(applyRun).toHaveBeenCalledWith({ runId: 't1', confirmName: 'p12345 · e67890', emptyRequired: false, republish: false }, expect.any(Function));
    await waitFor(() => expect(screen.getByTestId('tag-step')).toHaveTextContent('AEM merged the tag wknd:season/winter into wknd:season/cold.'));
  });

  it('offers on the report of a move’s undo to move the tag back, as a change of its own on the Tags page', async () => {
    const user = userEvent.setup();
    vi.mocked(listConnections).mockResolvedValue([connection()]);
    const model = new ConnectionsModel();
    await model.reload();
    store = new BulkStore(() => model.connections);
    const onGoToTags = vi.fn();
    const i18n = new I18n('en');
    render(BulkEditPage, { props: { store, connections: model, onGoToConnections: vi.fn(), onGoToTags }, context: i18nContext(i18n) });
    const moved = { ...STEP, command: 'move' as const, target: 'wknd:weather/winter', state: 'done' as const };
    await act(() => store.run.openReport(runSummary({ id: 'u1', kind: { kind: 'undo', of: 't1' }, status: 'completed', undoesTagStep: moved })));
    expect(await screen.findByTestId('tag-step')).toHaveTextContent('AEM keeps wknd:season/winter as a hidden pointer to wknd:weather/winter: the move itself is not undone');
    await user.click(screen.getByTestId('tag-move-back'));
    expect(store.moveBack).toEqual({ connectionId: 'c1', tag: 'wknd:weather/winter', to: 'wknd:season/winter' });
    expect(onGoToTags).toHaveBeenCalledTimes(1);
  });

  it('says on the report of its undo that AEM keeps the merged tag as a hidden pointer', async () => {
    await renderPage();
    const undo = runSummary({ id: 'u1', kind: { kind: 'undo', of: 't1' }, status: 'completed', undoesTagStep: { ...STEP, state: 'done' } });
    await act(() => store.run.openReport(undo));
    expect(await screen.findByTestId('tag-step')).toHaveTextContent(
      'The assets hold wknd:season/winter again. AEM keeps wknd:season/winter as a hidden pointer to wknd:season/cold: the merge itself is not undone',
    );
  });
});
