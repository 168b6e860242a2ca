// The shell's behaviour with the IPC seam mocked: navigation, empty states, the start-up
// check (streamed steps, keychain banner, failures) and dropped files.
import { act, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import App from './App.svelte';
import {
  applyRun,
  checkHealth,
  closeAfterCancellingRun,
  listConnections,
  listFolder,
  listRuns,
  runSummary as openSummary,
  previewRows,
  reportRows,
  previewTagImport,
  readListFile,
  sandboxStatus,
} from './ipc/commands';
import type { Progress } from './ipc/bindings/Progress';
import type { RunSummary } from './ipc/bindings/RunSummary';
import type { HeldSheet } from './ipc/bindings/HeldSheet';
import { connection, movedOne, progress, runSummary } from './test-fixtures';
import {
  onCloseBlockedByRun,
  onSheetDropped,
  onDragActivity,
  onFilesDropped,
  onImportResult,
  onSandboxStatus,
  type DragPhase,
} from './ipc/events';
import type { AppHealth, CheckStep, FileOutcome, KeychainStatus } from './ipc/types';
import type { FormCheckRequest } from './ipc/bindings/FormCheckRequest';

vi.mock('./ipc/commands', () => ({
  // The edit rows' live example (RuleSample.test.ts): never answered here.
  ruleSample: vi.fn(() => new Promise(() => {})),
  getLanguageSettings: vi.fn(() => Promise.resolve({ chosen: null, system: 'en', effective: 'en' })),
  setLanguage: vi.fn((chosen: 'en' | 'fr' | null) => Promise.resolve({ chosen, system: 'en', effective: chosen ?? 'en' })),
  checkHealth: vi.fn(),
  localizedCsvHeaders: vi.fn(() => Promise.resolve(false)),
  listConnections: vi.fn(),
  sandboxStatus: vi.fn(),
  discardImport: vi.fn(),
  connectionHealth: vi.fn(() => Promise.resolve({})),
  testConnection: vi.fn(),
  listRuns: vi.fn(),
  listFolder: vi.fn(),
  countScope: vi.fn(),
  applyRun: vi.fn(),
  runSummary: vi.fn(),
  reportRows: vi.fn(),
  previewRows: vi.fn(),
  closeAfterCancellingRun: vi.fn(),
  savedScopes: vi.fn(() => Promise.resolve([])),
  checkFolder: vi.fn((folder: string) => import('./test-fixtures').then((m) => m.checkedFolder(folder))),
  checkForm: vi.fn((request: FormCheckRequest) => import('./test-fixtures').then((m) => m.noFormProblems(request))),
  listTags: vi.fn(() => Promise.resolve([])),
  previewTagImport: vi.fn(),
  readListFile: vi.fn(),
  uploadDrops: vi.fn(() => Promise.resolve()),
  uploadReport: vi.fn(() => Promise.resolve([])),
}));
vi.mock('./ipc/events', () => ({
  onFilesDropped: vi.fn(),
  onDragActivity: vi.fn(),
  onImportResult: vi.fn(),
  onSandboxStatus: vi.fn(),
  onCloseBlockedByRun: vi.fn(),
  onSheetDropped: vi.fn(),
  onUploadDropped: vi.fn(() => Promise.resolve(() => {})),
}));

const FOLDERS_OK: CheckStep = { label: 'App folders', ok: true, detail: 'ready in /home/u/.local/share/metadesk' };
const KEYCHAIN_OK: CheckStep = { label: 'System keychain', ok: true, detail: 'available (Secret Service)' };

function health(keychain: KeychainStatus): AppHealth {
  return { version: '0.1.0', keychain, configDir: '/c', dataDir: '/d', logDir: '/l' };
}

const AVAILABLE = health({ state: 'available', backend: 'Secret Service' });
const UNAVAILABLE_MESSAGE =
  'The system keychain is not reachable (no Secret Service on the session bus). Install and start GNOME Keyring, then restart Metadesk.';
const UNAVAILABLE = health({
  state: 'unavailable',
  backend: 'Secret Service',
  code: 'keychain_unavailable',
  message: UNAVAILABLE_MESSAGE,
});

/** Makes checkHealth report `steps` and resolve with `result`. */
function healthReports(steps: CheckStep[], result: AppHealth) {
  vi.mocked(checkHealth).mockImplementation(async (onStep) => {
    for (const step of steps) onStep(step);
    return result;
  });
}

// The handlers App registered, so tests can play the Rust side.
let dropFiles: (names: string[]) => void;
let importResult: (outcome: FileOutcome) => void;
let drag: (phase: DragPhase) => void;
let stopDrops: () => void;
let stopDrags: () => void;
let closeBlocked: () => void;
let sheetDropped: (sheet: HeldSheet) => void;

// The pages App loads when first opened: transformed once here, so a test's first visit is not
// slowed by the test runner compiling them on demand.
beforeAll(async () => {
  await Promise.all([
    import('./features/bulk/BulkEditPage.svelte'),
    import('./features/activity/ActivityPage.svelte'),
    import('./features/console/ConsolePage.svelte'),
  ]);
});

beforeEach(() => {
  delete document.body.dataset.ready;
  // Fresh per test: the previous test's App is unmounted after this file's afterEach runs.
  stopDrops = vi.fn();
  stopDrags = vi.fn();
  vi.mocked(onFilesDropped).mockImplementation(async (handler) => {
    dropFiles = handler;
    return stopDrops;
  });
  vi.mocked(onDragActivity).mockImplementation(async (handler) => {
    drag = handler;
    return stopDrags;
  });
  vi.mocked(onImportResult).mockImplementation(async (handler) => {
    importResult = handler;
    return () => {};
  });
  vi.mocked(onSandboxStatus).mockResolvedValue(() => {});
  vi.mocked(onSheetDropped).mockImplementation(async (handler) => {
    sheetDropped = handler;
    return () => {};
  });
  vi.mocked(onCloseBlockedByRun).mockImplementation(async (handler) => {
    closeBlocked = handler;
    return () => {};
  });
  vi.mocked(listConnections).mockResolvedValue([]);
  vi.mocked(listRuns).mockResolvedValue([]);
  vi.mocked(listFolder).mockImplementation(async (_c, folder) => ({ folder, folders: [], assets: 0, total: 0, nextOffset: null }));
  vi.mocked(sandboxStatus).mockResolvedValue({ state: 'stopped' });
  healthReports([FOLDERS_OK, KEYCHAIN_OK], AVAILABLE);
});

afterEach(() => {
  vi.clearAllMocks();
});

async function renderReady() {
  const view = render(App);
  await waitFor(() => expect(document.body.dataset.ready).toBe('1'));
  return view;
}

describe('navigation', () => {
  it('shows six sections and Developer tools in a nav landmark, starting on Connections', async () => {
    await renderReady();
    const nav = screen.getByRole('navigation', { name: 'Sections' });
    const items = within(nav).getAllByRole('button');
    expect(items.map((b) => b.textContent?.trim())).toEqual(['Connections', 'Bulk edit', 'Upload', 'Health', 'Activity', 'Tags', 'Settings', 'Developer tools']);
    expect(screen.getByTestId('nav-connections')).toHaveAttribute('aria-current', 'page');
    expect(screen.getByTestId('nav-bulk')).not.toHaveAttribute('aria-current');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Connections');
  });

  it('switches sections by click', async () => {
    const user = userEvent.setup();
    await renderReady();

    await user.click(screen.getByTestId('nav-bulk'));
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Bulk edit');
    expect(await screen.findByTestId('empty-bulk')).toBeInTheDocument();
    expect(screen.queryByTestId('empty-connections')).not.toBeInTheDocument();
    expect(screen.getByTestId('nav-bulk')).toHaveAttribute('aria-current', 'page');
    expect(screen.getByTestId('nav-connections')).not.toHaveAttribute('aria-current');

    await user.click(screen.getByTestId('nav-activity'));
    expect(await screen.findByTestId('empty-activity')).toBeInTheDocument();
    expect(screen.getByTestId('nav-activity')).toHaveAttribute('aria-current', 'page');
  });

  it('shows the bulk edit form once a connection exists', async () => {
    const user = userEvent.setup();
    vi.mocked(listConnections).mockResolvedValue([connection()]);
    await renderReady();

    await user.click(screen.getByTestId('nav-bulk'));
    expect(await screen.findByTestId('bulk-connection')).toHaveValue('c1');
    expect(screen.getByTestId('preview-button')).toBeEnabled();
    expect(screen.queryByTestId('empty-bulk')).not.toBeInTheDocument();
  });

  it('switches sections with Tab and Enter, and with the arrow keys', async () => {
    const user = userEvent.setup();
    await renderReady();

    await user.tab();
    expect(screen.getByTestId('nav-connections')).toHaveFocus();
    await user.tab();
    expect(screen.getByTestId('nav-bulk')).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(await screen.findByTestId('empty-bulk')).toBeInTheDocument();

    await user.keyboard('{ArrowDown}');
    expect(screen.getByTestId('nav-upload')).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByTestId('nav-health')).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByTestId('nav-activity')).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByTestId('nav-tags')).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByTestId('nav-settings')).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByTestId('nav-developer-tools')).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByTestId('nav-connections')).toHaveFocus(); // wraps around
    await user.keyboard('{ArrowUp}');
    expect(screen.getByTestId('nav-developer-tools')).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(screen.getByTestId('nav-settings')).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(screen.getByTestId('nav-tags')).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(screen.getByTestId('nav-activity')).toHaveFocus();
    await user.keyboard(' ');
    expect(await screen.findByTestId('empty-activity')).toBeInTheDocument();
    expect(screen.getByTestId('nav-activity')).toHaveAttribute('aria-current', 'page');

    await user.keyboard('{Home}');
    expect(screen.getByTestId('nav-connections')).toHaveFocus();
    await user.keyboard('{End}');
    expect(screen.getByTestId('nav-developer-tools')).toHaveFocus();
  });

  it('keeps the API console under Developer tools, folded away and marked as having no preview and no undo', async () => {
    const user = userEvent.setup();
    await renderReady();

    const fold = screen.getByTestId('nav-developer-tools');
    expect(fold).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByTestId('nav-console')).not.toBeInTheDocument();

    fold.focus();
    await user.keyboard('{Enter}');
    expect(fold).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByTestId('nav-console-note')).toHaveTextContent('No preview, no undo');
    await user.keyboard('{ArrowDown}');
    expect(screen.getByTestId('nav-console')).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('nav-console')).toHaveAttribute('aria-current', 'page');
    expect(await screen.findByTestId('console-no-undo')).toBeInTheDocument();
    // Open while the console is shown, even when clicked.
    await user.click(fold);
    expect(fold).toHaveAttribute('aria-expanded', 'true');
  });

  it('switches the window to French from Settings, with the keyboard', async () => {
    const user = userEvent.setup();
    await renderReady();
    await user.click(screen.getByTestId('nav-settings'));
    const select = await screen.findByTestId('language-select');
    await waitFor(() => expect(select).toBeEnabled());
    await user.selectOptions(select, 'fr');
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Paramètres'));
    const nav = screen.getByRole('navigation', { name: 'Sections' });
    expect(within(nav).getAllByRole('button').map((b) => b.textContent?.trim())).toEqual([
      'Connexions',
      'Modification en masse',
      'Envoi',
      'Santé',
      'Activité',
      'Balises',
      'Paramètres',
      'Outils de développement',
    ]);
    expect(document.documentElement.lang).toBe('fr');
    expect(screen.getByTestId('language-saved')).toHaveTextContent('Enregistré.');
  });

  it('goes from Bulk edit to Connections with its button and focuses the heading', async () => {
    const user = userEvent.setup();
    await renderReady();
    await user.click(screen.getByTestId('nav-bulk'));

    await user.click(screen.getByRole('button', { name: 'Go to Connections' }));
    expect(screen.getByTestId('empty-connections')).toBeInTheDocument();
    expect(screen.getByTestId('nav-connections')).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('heading', { level: 1, name: 'Connections' })).toHaveFocus();
  });
});

describe('opening a run from Activity', () => {
  it('shows it on Bulk edit and focuses the page’s heading', async () => {
    const user = userEvent.setup();
    vi.mocked(listRuns).mockResolvedValue([runSummary({ id: 'r1', status: 'completed' })]);
    vi.mocked(reportRows).mockResolvedValue({ rows: [], total: 0, failures: [] });
    await renderReady();
    await user.click(screen.getByTestId('nav-activity'));
    await user.click(await screen.findByTestId('open-report'));
    expect(screen.getByTestId('nav-bulk')).toHaveAttribute('aria-current', 'page');
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'Bulk edit' })).toHaveFocus());
  });
});

describe('opening a move from Activity', () => {
  it('shows it in the Move panel on Bulk edit, with its Undo, not as an edit’s report', async () => {
    const user = userEvent.setup();
    const moved = movedOne();
    vi.mocked(listConnections).mockResolvedValue([connection()]);
    vi.mocked(listRuns).mockResolvedValue([moved]);
    await renderReady();
    await user.click(screen.getByTestId('nav-activity'));
    await user.click(await screen.findByTestId('open-move'));
    expect(screen.getByTestId('nav-bulk')).toHaveAttribute('aria-current', 'page');
    expect(await screen.findByTestId('move-panel')).toBeInTheDocument();
    expect(screen.getByTestId('move-undo')).toBeEnabled();
    expect(reportRows).not.toHaveBeenCalled();
  });
});

describe('applying an old preview opened from Activity', () => {
  it('leaves the focus on the question it asks, not on the page’s heading', async () => {
    const user = userEvent.setup();
    const previewedAt = new Date(Date.now() - 2 * 3600_000).toISOString();
    const freshUntil = new Date(Date.now() - 2 * 3600_000 + 15 * 60_000).toISOString();
    vi.mocked(listRuns).mockResolvedValue([runSummary({ id: 'p1', status: 'previewed', counts: { ...runSummary().counts, pending: 36 }, previewedAt, previewFreshUntil: freshUntil })]);
    vi.mocked(listConnections).mockResolvedValue([connection()]);
    await renderReady();
    await user.click(screen.getByTestId('nav-activity'));
    vi.mocked(previewRows).mockResolvedValue({ rows: [], total: 0 });
    await user.click(await screen.findByTestId('open-report'));
    await user.click(await screen.findByTestId('apply-button', {}, { timeout: 3000 }));
    await screen.findByTestId('old-preview-dialog');
    // Bulk edit is shown; what its opening still does (focus its heading) is done by the next task.
    await screen.findByRole('heading', { level: 1, name: 'Bulk edit' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(screen.getByTestId('old-preview-open')).toHaveFocus();
    // Asked over the preview itself: the safe choice is to look at it again, not to "open" it.
    expect(screen.getByTestId('old-preview-open')).toHaveTextContent('Look at the preview first');
    expect(screen.getByTestId('old-preview-dialog')).not.toHaveTextContent('open the preview');
  });
});

describe('empty states', () => {
  it('say what each section needs, in plain words', async () => {
    const user = userEvent.setup();
    await renderReady();

    const connections = screen.getByTestId('empty-connections');
    expect(connections).toHaveTextContent('No connections yet');
    expect(connections).toHaveTextContent('Drop a credential file anywhere in this window');
    expect(connections).toHaveTextContent('AEM Developer Console service credentials');
    expect(connections).toHaveTextContent('local development token');
    expect(connections).toHaveTextContent('Adobe Developer Console OAuth project');
    expect(within(connections).getAllByRole('button').map((b) => b.textContent?.trim())).toEqual([
      'Choose file…',
      'Paste JSON',
      'Add a local AEM SDK',
      'Try with a sandbox AEM',
    ]);

    await user.click(screen.getByTestId('nav-bulk'));
    expect(await screen.findByTestId('empty-bulk')).toHaveTextContent('needs a connection');

    await user.click(screen.getByTestId('nav-activity'));
    const activity = await screen.findByTestId('empty-activity');
    expect(activity).toHaveTextContent('No runs yet');
    expect(activity).toHaveTextContent('report and an undo');
  });
});

describe('start-up check', () => {
  it('shows an available keychain and the version, with no banner', async () => {
    await renderReady();
    expect(screen.getByTestId('keychain-status')).toHaveTextContent('Keychain: available (Secret Service)');
    expect(screen.getByTestId('app-version')).toHaveTextContent('0.1.0');
    expect(screen.queryByTestId('keychain-banner')).not.toBeInTheDocument();
    expect(checkHealth).toHaveBeenCalledTimes(1);
  });

  it('shows each step as it streams in, before the check ends', async () => {
    let finish!: (result: AppHealth) => void;
    let sendStep!: (step: CheckStep) => void;
    vi.mocked(checkHealth).mockImplementation((onStep) => {
      sendStep = onStep;
      return new Promise((resolve) => (finish = resolve));
    });
    render(App);

    await waitFor(() => expect(checkHealth).toHaveBeenCalled());
    expect(screen.getByTestId('startup-pending')).toHaveTextContent('Checking your system');
    expect(screen.getByTestId('keychain-status')).toHaveTextContent('Keychain: checking');
    expect(screen.queryAllByTestId('startup-step')).toHaveLength(0);

    await act(() => sendStep(FOLDERS_OK));
    const steps = screen.getAllByTestId('startup-step');
    expect(steps).toHaveLength(1);
    expect(steps[0]).toHaveTextContent('App folders');
    expect(steps[0]).toHaveTextContent('ready in /home/u/.local/share/metadesk');
    expect(screen.getByTestId('startup-pending')).toBeInTheDocument();
    expect(document.body.dataset.ready).toBeUndefined();

    await act(() => sendStep(KEYCHAIN_OK));
    expect(screen.getAllByTestId('startup-step')).toHaveLength(2);

    await act(() => finish(AVAILABLE));
    await waitFor(() => expect(document.body.dataset.ready).toBe('1'));
    expect(screen.queryByTestId('startup-pending')).not.toBeInTheDocument();
    expect(screen.getByTestId('keychain-status')).toHaveTextContent('available (Secret Service)');
  });

  it('shows a banner with the message from the app core when the keychain is unavailable', async () => {
    healthReports(
      [FOLDERS_OK, { label: 'System keychain', ok: false, detail: UNAVAILABLE_MESSAGE }],
      UNAVAILABLE,
    );
    await renderReady();

    const banner = screen.getByTestId('keychain-banner');
    expect(banner).toHaveAttribute('role', 'alert');
    expect(banner).toHaveTextContent('can’t use your system keychain');
    expect(banner).toHaveTextContent(UNAVAILABLE_MESSAGE);
    expect(banner).toHaveTextContent('nothing can be saved until this is fixed');

    const status = screen.getByTestId('keychain-status');
    expect(status).toHaveTextContent('Keychain: not working');
    // "unavailable" contains "available": make sure the status never says it.
    expect(status.textContent).not.toMatch(/available/i);
    // The failed step stays visible with its detail.
    expect(screen.getAllByTestId('startup-step')[1]).toHaveTextContent(UNAVAILABLE_MESSAGE);
  });

  it('says the keychain is locked, and clears the banner once a new check succeeds', async () => {
    healthReports(
      [FOLDERS_OK],
      health({
        state: 'unavailable',
        backend: 'Secret Service',
        code: 'keychain_locked',
        message: 'The keychain is locked. Unlock it, then choose Check again.',
      }),
    );
    const user = userEvent.setup();
    await renderReady();

    const banner = screen.getByTestId('keychain-banner');
    expect(banner).toHaveTextContent('Your system keychain is locked');
    expect(banner).toHaveTextContent('Unlock it, then choose Check again.');
    expect(screen.getByTestId('keychain-status')).toHaveTextContent('Keychain: locked');

    healthReports([FOLDERS_OK, KEYCHAIN_OK], AVAILABLE);
    await user.click(within(banner).getByRole('button', { name: 'Check again' }));
    await waitFor(() => expect(screen.queryByTestId('keychain-banner')).not.toBeInTheDocument());
    expect(checkHealth).toHaveBeenCalledTimes(2);
    expect(screen.getByTestId('keychain-status')).toHaveTextContent('Keychain: available (Secret Service)');
  });

  it('disables Check again while a check is running', async () => {
    healthReports([], UNAVAILABLE);
    const user = userEvent.setup();
    await renderReady();

    let finish!: (result: AppHealth) => void;
    vi.mocked(checkHealth).mockImplementation(() => new Promise((resolve) => (finish = resolve)));
    const button = within(screen.getByTestId('keychain-banner')).getByRole('button');
    await user.click(button);
    expect(button).toBeDisabled();
    expect(button).toHaveTextContent('Checking…');

    await act(() => finish(UNAVAILABLE));
    expect(button).toBeEnabled();
  });

  it('reports a check that failed outright and still marks the page ready', async () => {
    vi.mocked(checkHealth).mockRejectedValue({ code: 'internal', message: 'The check could not run.' });
    await renderReady();

    expect(screen.getByTestId('startup-error')).toHaveTextContent('The check could not run.');
    expect(screen.getByTestId('keychain-status')).toHaveTextContent('Keychain: not checked');
    expect(screen.queryByTestId('keychain-banner')).not.toBeInTheDocument();
  });
});

describe('dropped files', () => {
  it('takes a dropped sheet to Bulk edit, from a spreadsheet, ready to check', async () => {
    vi.mocked(listConnections).mockResolvedValue([connection()]);
    await renderReady();
    expect(screen.queryByTestId('sheet-file')).not.toBeInTheDocument();
    await act(() => sheetDropped({ id: 'sheet-1', fileName: 'shots.xlsx' }));
    expect(await screen.findByTestId('sheet-file')).toHaveTextContent('shots.xlsx');
    expect(screen.getByTestId('mode-sheet')).toBeChecked();
    expect(screen.getByTestId('check-sheet')).toBeEnabled();
    expect(screen.queryByTestId('drop-results')).not.toBeInTheDocument();
  });

  it('takes a sheet dropped on Tags to the tag import, and a list of assets (.txt) to Bulk edit’s list', async () => {
    vi.mocked(listConnections).mockResolvedValue([connection()]);
    vi.mocked(readListFile).mockResolvedValue({ fileName: 'assets.txt', entries: ['/content/dam/a.jpg'] });
    vi.mocked(previewTagImport).mockResolvedValue({ fileName: 'tags.csv', rows: 0, created: [], changed: [], runId: 'r0' });
    const user = userEvent.setup();
    await renderReady();
    await user.click(screen.getByTestId('nav-tags'));
    await screen.findByTestId('tags-import-choose');
    await act(() => sheetDropped({ id: 'list-1', fileName: 'assets.txt' }));
    expect(previewTagImport).not.toHaveBeenCalled();
    expect(readListFile).toHaveBeenCalledWith('list-1');
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Bulk edit');

    await user.click(screen.getByTestId('nav-tags'));
    await screen.findByTestId('tags-import-choose');
    await act(() => sheetDropped({ id: 'sheet-2', fileName: 'tags.csv' }));
    expect(previewTagImport).toHaveBeenCalledWith('c1', 'sheet-2');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Tags');
  });

  it('shows each dropped file as checking, then its own result, until dismissed', async () => {
    const user = userEvent.setup();
    await renderReady();
    expect(screen.queryByTestId('drop-results')).not.toBeInTheDocument();

    await act(() => dropFiles(['service-credentials.json', 'notes.json']));
    let rows = screen.getAllByTestId('drop-result');
    expect(rows.map((r) => r.textContent?.trim())).toEqual([
      'Checking service-credentials.json…',
      'Checking notes.json…',
    ]);

    await act(() =>
      importResult({
        file: 'notes.json',
        result: { state: 'refused', code: 'credential_refused', problems: ['The file is not valid JSON (line 1, column 2).'] },
      }),
    );
    rows = screen.getAllByTestId('drop-result');
    expect(rows[1]).toHaveAttribute('data-outcome', 'refused');
    expect(rows[1]).toHaveTextContent('notes.json was not imported');
    expect(rows[1]).toHaveTextContent('not valid JSON');
    expect(rows[0]).toHaveAttribute('data-outcome', 'checking');
    expect(screen.getByTestId('drop-results')).toHaveTextContent('Credential files (2)');

    await user.click(screen.getByRole('button', { name: 'Dismiss the file results' }));
    expect(screen.queryByTestId('drop-results')).not.toBeInTheDocument();
  });

  it('keeps the credential files’ results on Connections, and forgets the finished ones on leaving it', async () => {
    const user = userEvent.setup();
    await renderReady();
    await act(() => dropFiles(['service-credentials.json', 'notes.json']));
    await act(() =>
      importResult({
        file: 'notes.json',
        result: { state: 'refused', code: 'credential_refused', problems: ['The file is not valid JSON (line 1, column 2).'] },
      }),
    );
    expect(screen.getByTestId('drop-results')).toHaveTextContent('notes.json was not imported');

    await user.click(screen.getByTestId('nav-bulk'));
    expect(await screen.findByTestId('empty-bulk')).toBeInTheDocument();
    expect(screen.queryByTestId('drop-results')).not.toBeInTheDocument();
    await user.click(screen.getByTestId('nav-activity'));
    expect(await screen.findByTestId('empty-activity')).toBeInTheDocument();
    expect(screen.queryByTestId('drop-results')).not.toBeInTheDocument();

    // Back on Connections: the refusal was read and is gone; the file still being checked stays.
    await user.click(screen.getByTestId('nav-connections'));
    const rows = await screen.findAllByTestId('drop-result');
    expect(rows.map((r) => r.textContent?.trim())).toEqual(['Checking service-credentials.json…']);
  });

  it('takes credential files dropped on another page to Connections, where their results show', async () => {
    const user = userEvent.setup();
    await renderReady();
    await user.click(screen.getByTestId('nav-activity'));
    expect(await screen.findByTestId('empty-activity')).toBeInTheDocument();

    await act(() => dropFiles(['service-credentials.json']));
    expect(screen.getByTestId('nav-connections')).toHaveAttribute('aria-current', 'page');
    expect(screen.getByTestId('drop-results')).toHaveTextContent('Checking service-credentials.json…');
  });

  it('lights up the drop overlay only while a file is dragged over the window', async () => {
    await renderReady();
    expect(screen.queryByTestId('drop-overlay')).not.toBeInTheDocument();

    await act(() => drag('enter'));
    expect(screen.getByTestId('drop-overlay')).toBeInTheDocument();
    await act(() => drag('over'));
    expect(screen.getByTestId('drop-overlay')).toBeInTheDocument();
    await act(() => drag('leave'));
    expect(screen.queryByTestId('drop-overlay')).not.toBeInTheDocument();

    await act(() => drag('enter'));
    await act(() => drag('drop'));
    expect(screen.queryByTestId('drop-overlay')).not.toBeInTheDocument();
  });

  it('still starts when listening for drops fails, and stops listening when closed', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.mocked(onFilesDropped).mockRejectedValue({ code: 'internal', message: 'no' });
    const view = await renderReady();
    expect(screen.getByTestId('keychain-status')).toHaveTextContent('available');
    expect(console.error).toHaveBeenCalled();

    expect(stopDrags).not.toHaveBeenCalled();
    view.unmount();
    expect(stopDrags).toHaveBeenCalledTimes(1);
    expect(stopDrops).not.toHaveBeenCalled();
  });
});

describe('bulk runs across the app', () => {
  /** Starts the app with `interrupted` found at start-up; applying it never ends, and the
   *  returned `sendProgress` feeds its progress once Resume is pressed. */
  async function startWithInterrupted(interrupted: RunSummary): Promise<{ sendProgress: (p: Progress) => void }> {
    vi.mocked(listConnections).mockResolvedValue([connection()]);
    vi.mocked(listRuns).mockResolvedValue([interrupted]);
    const run: { sendProgress: (p: Progress) => void } = {
      sendProgress: () => {
        throw new Error('Resume was not pressed');
      },
    };
    vi.mocked(applyRun).mockImplementation((_request, onProgress) => {
      run.sendProgress = onProgress;
      return new Promise(() => {});
    });
    await renderReady();
    return run;
  }

  it('offers to resume a run found interrupted at start-up, with its progress on the Bulk edit page', async () => {
    const user = userEvent.setup();
    const interrupted = runSummary({ id: 'r7', status: 'interrupted', counts: { assets: 30, changed: 12, unchanged: 0, skipped: 0, failed: 0, pending: 18 } });
    const run = await startWithInterrupted(interrupted);

    const banner = screen.getByTestId('interrupted-banner');
    expect(banner).toHaveTextContent('A bulk edit was interrupted');
    expect(banner).toHaveTextContent('18 assets are not changed yet');
    await user.click(within(banner).getByRole('button', { name: 'Resume' }));
    expect(applyRun).toHaveBeenCalledWith({ runId: 'r7', confirmName: null, emptyRequired: false, republish: false }, expect.any(Function));
    expect(screen.getByTestId('nav-bulk')).toHaveAttribute('aria-current', 'page');
    expect(screen.queryByTestId('interrupted-banner')).not.toBeInTheDocument();

    await act(() => run.sendProgress(progress({ runId: 'r7', done: 6, total: 18 })));
    expect(screen.getByTestId('run-progress')).toHaveAttribute('data-done', '6');

    // The run keeps showing after a visit elsewhere.
    await user.click(screen.getByTestId('nav-connections'));
    expect(screen.queryByTestId('run-progress')).not.toBeInTheDocument();
    await user.click(screen.getByTestId('nav-bulk'));
    expect(screen.getByTestId('run-progress')).toHaveAttribute('data-done', '6');
    await act(() => run.sendProgress(progress({ runId: 'r7', done: 9, total: 18 })));
    expect(screen.getByTestId('run-progress')).toHaveAttribute('data-done', '9');
  });

  it('opens an interrupted upload on its own page, where its Resume is, not as a bulk edit of assets', async () => {
    const user = userEvent.setup();
    const interrupted = runSummary({
      id: 'u3',
      status: 'interrupted',
      kind: { kind: 'upload', folder: '/content/dam/summer', files: 4 },
      opens: { page: 'upload', run: 'u3' },
      doneWords: 'count-uploaded',
      counts: { assets: 4, changed: 1, unchanged: 0, skipped: 0, failed: 0, pending: 3 },
    });
    vi.mocked(openSummary).mockResolvedValue(interrupted);
    await startWithInterrupted(interrupted);

    const banner = screen.getByTestId('interrupted-banner');
    expect(banner).toHaveTextContent('A run did not finish');
    expect(banner).not.toHaveTextContent('bulk edit');
    expect(banner).not.toHaveTextContent('assets');
    await user.click(within(banner).getByRole('button', { name: 'Open it' }));
    await waitFor(() => expect(screen.getByTestId('nav-upload')).toHaveAttribute('aria-current', 'page'));
    await waitFor(() => expect(openSummary).toHaveBeenCalledWith('u3'));
    expect(applyRun).not.toHaveBeenCalled();
    expect(screen.queryByTestId('interrupted-banner')).not.toBeInTheDocument();
    expect(await screen.findByTestId('upload-resume')).toBeEnabled();
  });

  it('puts an interrupted run off with Later', async () => {
    const user = userEvent.setup();
    vi.mocked(listRuns).mockResolvedValue([runSummary({ status: 'interrupted' })]);
    await renderReady();
    await user.click(within(screen.getByTestId('interrupted-banner')).getByRole('button', { name: 'Later' }));
    expect(screen.queryByTestId('interrupted-banner')).not.toBeInTheDocument();
    expect(applyRun).not.toHaveBeenCalled();
  });

  it('asks before closing during a run: keep running, or cancel it and close', async () => {
    const user = userEvent.setup();
    vi.mocked(closeAfterCancellingRun).mockResolvedValue();
    await renderReady();

    await act(() => closeBlocked());
    const dialog = screen.getByTestId('close-run-dialog');
    expect(dialog).toHaveTextContent('A bulk edit is running. Cancel it and close?');
    await user.click(within(dialog).getByRole('button', { name: 'Keep running' }));
    expect(screen.queryByTestId('close-run-dialog')).not.toBeInTheDocument();
    expect(closeAfterCancellingRun).not.toHaveBeenCalled();

    await act(() => closeBlocked());
    await user.click(within(screen.getByTestId('close-run-dialog')).getByRole('button', { name: 'Cancel run and close' }));
    expect(closeAfterCancellingRun).toHaveBeenCalledTimes(1);
  });

  it('says in the close dialog where the running bulk edit writes and how far it got', async () => {
    const user = userEvent.setup();
    const interrupted = runSummary({ id: 'r7', status: 'interrupted', connection: 'Stage author' });
    const run = await startWithInterrupted(interrupted);
    await user.click(within(screen.getByTestId('interrupted-banner')).getByRole('button', { name: 'Resume' }));

    // Before its first progress the dialog has nothing more to say.
    await act(() => closeBlocked());
    expect(screen.queryByTestId('close-run-progress')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Keep running' }));

    await act(() => run.sendProgress(progress({ runId: 'r7', done: 6, total: 18 })));
    await act(() => closeBlocked());
    expect(screen.getByTestId('close-run-progress')).toHaveTextContent('Writing to Stage author: 6 of 18 assets handled so far.');
  });
});
