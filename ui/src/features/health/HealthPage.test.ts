// The Health page's "Fill from a sheet" with the IPC seam mocked: the button on the card of the
// images without a description saves a sheet of exactly them (the save dialog's answer), says
// "Saving the sheet…" and waits meanwhile, says where it went and how to go on (with a button to
// Bulk edit's "From a spreadsheet"), or why it failed; in English and in French.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { exportSheet, healthReport, listConnections } from '../../ipc/commands';
import type * as Commands from '../../ipc/commands';
import type { HealthList } from '../../ipc/bindings/HealthList';
import type { HealthReport } from '../../ipc/bindings/HealthReport';
import type { SavedSheet } from '../../ipc/bindings/SavedSheet';
import { I18n, i18nContext, type Lang } from '../../lib/i18n/i18n.svelte';
import { connection } from '../../test-fixtures';
import { BulkStore } from '../bulk/bulk.svelte';
import { ConnectionsModel } from '../connections/connections.svelte';
import { HealthModel } from './health.svelte';
import HealthPage from './HealthPage.svelte';

vi.mock('../../ipc/commands', async (original) => ({
  ...(await original<typeof Commands>()),
  checkFolder: vi.fn(async (folder: string) => folder),
  checkForm: vi.fn(async () => ({})),
  completeFolderPath: vi.fn(async () => []),
  connectionHealth: vi.fn(async () => ({})),
  countScope: vi.fn(async () => null),
  exportSheet: vi.fn(),
  healthReport: vi.fn(),
  listConnections: vi.fn(),
  listEntries: vi.fn(async (text: string) => text.split('\n')),
  listFolder: vi.fn(async () => ({ folder: '/content/dam', folders: [], assets: 0, total: 0, nextOffset: null })),
  listFolderAssets: vi.fn(async (_c: string, folder: string) => ({ folder, assets: [], more: 0, complete: true })),
  listRuns: vi.fn(async () => []),
  thumbnail: vi.fn(() => new Promise(() => {})),
}));

const ROOT = '/content/dam/wknd';
const WITHOUT = [`${ROOT}/a/1.jpg`, `${ROOT}/b/3.jpg`];

function list(paths: string[]): HealthList {
  return { count: paths.length, paths, folders: [], more_folders: 0 };
}

function report(): HealthReport {
  const none = list([]);
  return {
    folder: ROOT,
    expiring_within_days: 30,
    checked_at: '2026-11-28T00:00:00Z',
    assets: list([...WITHOUT, `${ROOT}/a/2.jpg`]),
    without_description: list(WITHOUT),
    expired: none,
    expiring: none,
    with_off_time: none,
    used_on_pages: none,
    used_nowhere: none,
    references_unknown: none,
    changed_since_publication: none,
    missing_required: none,
    pages: [],
    unknown: [],
    unlisted_folders: [],
    unread: [],
  };
}

const SAVED: SavedSheet = {
  fileName: 'metadesk-descriptions.xlsx',
  export: { assets: 2, unlistedFolders: [], unread: [], unindexed: 0, searchedAt: null, indexNotice: null },
};

let store: BulkStore | null = null;

async function renderChecked(lang: Lang = 'en') {
  vi.mocked(listConnections).mockResolvedValue([connection({ id: 'c1' })]);
  const connections = new ConnectionsModel();
  await connections.reload();
  store = new BulkStore(() => connections.connections);
  const model = new HealthModel(store);
  model.connectionId = 'c1';
  model.folder = ROOT;
  vi.mocked(healthReport).mockResolvedValueOnce(report());
  await model.check();
  const onOpenBulk = vi.fn();
  render(HealthPage, { props: { model, connections, onGoToConnections: vi.fn(), onOpenBulk }, context: i18nContext(new I18n(lang)) });
  return { model, onOpenBulk, user: userEvent.setup() };
}

afterEach(() => {
  store?.dispose();
  store = null;
  vi.clearAllMocks();
});

describe('the colours of the cards and their list (issue 77)', () => {
  it('gives each card the shared pill and legend, and each listed asset its state', async () => {
    const { user } = await renderChecked();
    const card = (key: string) => screen.getAllByTestId('health-card').find((c) => c.dataset.key === key)!;
    // Seen failing before: a red card for images without a description, green words for none,
    // no legend, and no state in the list.
    expect(within(card('without_description')).getByTestId('health-card-state')).toHaveTextContent('To look at');
    expect(card('without_description')).toHaveAttribute('data-meaning', 'attention');
    expect(within(card('expired')).getByTestId('health-card-state')).toHaveTextContent('None: nothing to do.');
    expect(card('expired')).toHaveAttribute('data-meaning', 'done');
    expect(within(card('assets')).queryByTestId('health-card-state')).toBeNull();
    const legends = screen.getAllByTestId('outcome-legend');
    expect([...legends[0]!.querySelectorAll('li')].map((li) => li.dataset.meaning)).toEqual(['done', 'attention']);

    await user.click(within(card('without_description')).getByRole('button', { name: /Images without a description/ }));
    const states = await screen.findAllByTestId('health-row-state');
    expect(states.map((s) => s.textContent)).toEqual(['No description', 'No description']);
    expect(within(screen.getByTestId('health-list')).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Asset', 'State', 'Used on']);
    // The plain count of assets lists them with no state column.
    await user.click(within(card('assets')).getByRole('button', { name: /Assets/ }));
    await waitFor(() => expect(screen.queryAllByTestId('health-row-state')).toHaveLength(0));
  });
});

describe('Fill from a sheet', () => {
  it('saves a sheet of those images, waits meanwhile, then leads to the import in Bulk edit', async () => {
    const { onOpenBulk, user } = await renderChecked();
    let answer: (s: SavedSheet | null) => void = () => {};
    vi.mocked(exportSheet).mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    const button = screen.getByTestId('health-fill-sheet');
    expect(button).toHaveTextContent('Fill from a sheet…');
    await user.click(button);
    expect(button).toHaveTextContent('Saving the sheet…');
    expect(button).toBeDisabled();
    expect(screen.getByTestId('health-check')).toBeDisabled();
    expect(vi.mocked(exportSheet).mock.calls[0]![0]).toMatchObject({ scope: { scope: { kind: 'list', entries: WITHOUT } } });
    answer(SAVED);
    await waitFor(() => expect(screen.getByTestId('health-sheet-saved')).toBeInTheDocument());
    expect(screen.getByTestId('health-sheet-saved')).toHaveTextContent('Saved metadesk-descriptions.xlsx: 2 images without a description.');
    expect(screen.getByTestId('health-sheet-saved')).toHaveTextContent('Bulk edit, From a spreadsheet');
    expect(button).toHaveTextContent('Fill from a sheet…');
    await user.click(screen.getByTestId('health-sheet-import'));
    await waitFor(() => expect(onOpenBulk).toHaveBeenCalled());
    expect(store!.setup.mode).toBe('sheet');
  });

  it('shows nothing when the save dialog is cancelled, and why when saving failed', async () => {
    const { user } = await renderChecked();
    vi.mocked(exportSheet).mockResolvedValueOnce(null);
    await user.click(screen.getByTestId('health-fill-sheet'));
    await waitFor(() => expect(screen.getByTestId('health-fill-sheet')).toBeEnabled());
    expect(screen.queryByTestId('health-sheet-saved')).toBeNull();
    expect(screen.queryByTestId('health-sheet-error')).toBeNull();
    vi.mocked(exportSheet).mockRejectedValueOnce({ code: 'io', message: 'Could not write descriptions.xlsx: disk full.' });
    await user.click(screen.getByTestId('health-fill-sheet'));
    const error = await screen.findByTestId('health-sheet-error');
    expect(error).toHaveTextContent('The sheet could not be saved');
    expect(error).toHaveTextContent('disk full');
    expect(screen.queryByTestId('health-sheet-import')).toBeNull();
  });

  it('says it in French, with its typography', async () => {
    const { user } = await renderChecked('fr');
    vi.mocked(exportSheet).mockResolvedValueOnce(SAVED);
    const button = screen.getByTestId('health-fill-sheet');
    expect(button).toHaveTextContent('Remplir depuis une feuille…');
    await user.click(button);
    const saved = await screen.findByTestId('health-sheet-saved');
    expect(saved.textContent).toContain('Enregistré dans metadesk-descriptions.xlsx\u00a0: 2 images sans description.');
    expect(saved).toHaveTextContent('Modification en masse, À partir d’un tableur');
    expect(screen.getByTestId('health-sheet-import')).toHaveTextContent('L’importer dans Modification en masse');
  });
});
