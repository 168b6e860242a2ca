// Bulk edit's "Content fragments" with the IPC seam mocked: the folder's fragments listed, the
// model picked (listed again for it), the field's values in the table, its value picked from
// its options, and the one request Preview sends, opening the run's preview table; a problem
// said before anything is sent; a connection the core refuses, in its words; a list of
// fragment paths instead of a folder (the listed ones shown, the list sent, blank lines left
// out, no preview of an empty list).
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FormCheckRequest } from '../../ipc/bindings/FormCheckRequest';
import type { ScopeRequest } from '../../ipc/bindings/ScopeRequest';

import { cancelRun, completeFolderPath, listConnections, listFolder, listFragments, listRuns, previewFragments, previewRows, readListFile } from '../../ipc/commands';
import type { FragmentList } from '../../ipc/bindings/FragmentList';
import { I18n, i18nContext } from '../../lib/i18n/i18n.svelte';
import { connection, planRow, runSummary } from '../../test-fixtures';
import { ConnectionsModel } from '../connections/connections.svelte';
import { BulkStore } from './bulk.svelte';
import BulkEditPage from './BulkEditPage.svelte';

vi.mock('../../ipc/commands', () => ({
  // The core's folder check (`check_folder`), as the tests' stand-in answers it.
  checkFolder: vi.fn((folder: string) => import('../../test-fixtures').then((m) => m.checkedFolder(folder))),
  // The core's form check (`check_form`): no problem, unless a test answers one.
  checkForm: vi.fn((request: FormCheckRequest) => import('../../test-fixtures').then((m) => m.noFormProblems(request))),
  runScope: vi.fn((request: ScopeRequest) => import('../../test-fixtures').then((m) => m.runScopeOf(request))),
  ruleSample: vi.fn(() => new Promise(() => {})),
  folderSchema: vi.fn((scope: ScopeRequest) =>
    Promise.resolve({ folder: scope.scope.kind === 'folder' ? scope.scope.folder : '/content/dam', schema: null, unavailable: null }),
  ),
  listConnections: vi.fn(),
  connectionHealth: vi.fn(() => Promise.resolve({})),
  listFolder: vi.fn(),
  listFolderAssets: vi.fn((_c: string, folder: string) => Promise.resolve({ folder, assets: [], more: 0, complete: true })),
  completeFolderPath: vi.fn(),
  countScope: vi.fn(() => new Promise(() => {})),
  listFragments: vi.fn(),
  previewFragments: vi.fn(),
  readListFile: vi.fn(),
  chooseListFile: vi.fn(),
  previewRows: vi.fn(),
  listRuns: vi.fn(),
  reportRows: vi.fn(),
  previewUndo: vi.fn(),
  previewRetry: vi.fn(),
  applyRun: vi.fn(),
  pauseRun: vi.fn(),
  resumeRun: vi.fn(),
  cancelRun: vi.fn(),
  exportReportCsv: vi.fn(),
  setLocalizedCsvHeaders: vi.fn(),
  closeAfterCancellingRun: vi.fn(),
  previewRun: vi.fn(),
  previewPublish: vi.fn(),
  previewRepublish: vi.fn(),
  republishedTo: vi.fn(),
  republishAfter: vi.fn(() => Promise.resolve(null)),
  runSummary: vi.fn(),
  localizedCsvHeaders: vi.fn(() => Promise.resolve(false)),
  savedScopes: vi.fn(() => Promise.resolve([])),
}));

const FOLDER = '/content/dam/wknd-shared/en/adventures';
const DIFFICULTY = {
  property: 'difficulty',
  label: 'Difficulty',
  tab: '',
  kind: 'dropdown' as const,
  multiple: false,
  options: [
    { value: 'easy', text: 'Easy' },
    { value: 'challenging', text: 'Challenging' },
  ],
  required: false,
  readOnly: false,
  min: null,
  max: null,
};
const TITLE = { ...DIFFICULTY, property: 'jcr:title', label: 'Title', kind: 'text' as const, options: [], required: true };

function listed(model: string | undefined): FragmentList {
  const all = [
    { path: `${FOLDER}/napa`, title: 'Napa Wine Tasting', model: 'Adventure', status: 'DRAFT', values: { difficulty: 'easy' } },
    { path: `${FOLDER}/yosemite`, title: 'Yosemite Backpacking', model: 'Adventure', status: 'PUBLISHED', values: { difficulty: 'easy' } },
    { path: `${FOLDER}/guide`, title: 'Packing guide', model: 'Article', status: 'UNPUBLISHED', values: {} },
  ];
  return {
    folder: FOLDER,
    fragments: model === 'adventure' ? all.filter((f) => f.model === 'Adventure') : all,
    models: [
      { name: 'adventure', title: 'Adventure', fragments: 2n },
      { name: 'article', title: 'Article', fragments: 1n },
    ],
    fields: { form: '', mappedOn: null, fields: model === 'adventure' ? [TITLE, DIFFICULTY] : [TITLE], mimeForms: [] },
    references: [],
  };
}

let store: BulkStore;

async function renderPage(connections = [connection({ kind: 'oauthServerToServer' })]) {
  vi.mocked(listConnections).mockResolvedValue(connections);
  const model = new ConnectionsModel();
  await model.reload();
  store = new BulkStore(() => model.connections, new I18n('en'));
  render(BulkEditPage, { props: { store, connections: model, onGoToConnections: vi.fn() }, context: i18nContext(new I18n('en')) });
}

/** "Content fragments", then the folder typed. */
async function openFolder(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByTestId('mode-fragments'));
  const input = await screen.findByTestId('folder-path-input');
  await user.clear(input);
  await user.type(input, `${FOLDER}{Enter}`);
}

beforeEach(() => {
  vi.mocked(listFolder).mockImplementation(async (_c, folder) => ({ folder, folders: [], assets: 0, total: 0, nextOffset: null }));
  vi.mocked(completeFolderPath).mockResolvedValue([]);
  vi.mocked(listFragments).mockImplementation(async (request) => listed(request.model));
  vi.mocked(listRuns).mockResolvedValue([]);
});

afterEach(() => {
  store?.dispose();
  vi.clearAllMocks();
});

describe('content fragments in Bulk edit', () => {
  it('lists the folder, picks a model and a field, and previews the one edit as a run', async () => {
    const user = userEvent.setup();
    await renderPage();
    await openFolder(user);
    await waitFor(() => expect(screen.getAllByTestId('fragment-row')).toHaveLength(3));
    expect(listFragments).toHaveBeenCalledWith({ connectionId: 'c1', folder: FOLDER });
    expect(screen.getByTestId('fragments-count')).toHaveTextContent('3 content fragments');
    const models = screen.getByTestId('fragments-model');
    expect(models).toHaveValue('');
    expect(within(models).getByRole('option', { name: 'Adventure (2)' })).toBeInTheDocument();

    await user.selectOptions(models, 'adventure');
    await waitFor(() => expect(screen.getAllByTestId('fragment-row')).toHaveLength(2));
    expect(listFragments).toHaveBeenLastCalledWith({ connectionId: 'c1', folder: FOLDER, model: 'adventure' });

    const field = screen.getByLabelText('Field');
    expect(within(field).getByRole('option', { name: 'Difficulty (difficulty) · choice' })).toBeInTheDocument();
    await user.selectOptions(field, 'difficulty');
    // A single field: no adding or removing values; its values in the table.
    const actions = within(screen.getByLabelText('Action')).getAllByRole('option').map((o) => o.getAttribute('value'));
    expect(actions).toEqual(['set', 'clear']);
    expect(screen.getAllByTestId('fragment-value').map((c) => c.textContent)).toEqual(['Easy', 'Easy']);
    await user.selectOptions(screen.getByLabelText('Value'), 'challenging');

    const run = runSummary({ id: 'f1', folder: FOLDER, fragments: { model: 'adventure' }, counts: { assets: 2, changed: 0, unchanged: 0, skipped: 0, failed: 0, pending: 2 } });
    vi.mocked(previewFragments).mockResolvedValue(run);
    const row = planRow({ i: 0, path: `${FOLDER}/napa`, changes: [{ property: 'difficulty', before: 'easy', after: 'challenging' }] });
    vi.mocked(previewRows).mockResolvedValue({ rows: [row], total: 1 });
    await user.click(screen.getByTestId('fragments-preview-button'));
    expect(previewFragments).toHaveBeenCalledWith(
      { connectionId: 'c1', folder: FOLDER, model: 'adventure', edits: [{ property: 'difficulty', op: { kind: 'set', values: ['challenging'] } }] },
      expect.any(Function),
    );
    await screen.findByTestId('preview-table');
    expect(store.run.stage).toBe('preview');
    // A fragments run is offered a republish, as an asset edit is (issue 68): its connection
    // publishes through AEM's Sites API.
    expect(screen.getByTestId('apply-button')).toBeInTheDocument();
    expect(screen.getByTestId('republish-after-apply')).toBeInTheDocument();
  });

  it('colours each status by what it means and says so in the shared legend (issue 77)', async () => {
    const user = userEvent.setup();
    vi.mocked(listFragments).mockImplementation(async (request) => {
      const list = listed(request.model);
      return { ...list, fragments: [...list.fragments, { path: `${FOLDER}/odd`, title: 'Odd', model: 'Article', status: 'ARCHIVED', values: {} }] };
    });
    await renderPage();
    await openFolder(user);
    await waitFor(() => expect(screen.getAllByTestId('fragment-row')).toHaveLength(4));
    const meanings = screen.getAllByTestId('fragment-status').map((cell) => cell.querySelector('.pill')?.getAttribute('data-meaning') ?? null);
    // Draft and taken off the website: grey, left alone; up to date: green; a status AEM did
    // not say: words, no pill. Seen failing before: no legend, a blue pill, a grey pill for "Not known".
    expect(meanings).toEqual(['left-alone', 'done', 'left-alone', null]);
    expect(screen.getAllByTestId('fragment-status')[2]?.querySelector('.pill')).toHaveClass('pill-neutral');
    const legend = within(screen.getByTestId('fragments-list')).getByTestId('outcome-legend');
    expect([...legend.querySelectorAll('li')].map((li) => li.dataset.meaning)).toEqual(['done', 'left-alone']);
    expect(legend).toHaveTextContent('Done or as wantedLeft alone on purpose');
  });

  it('cancels a listing that does not end, and says it was cancelled', async () => {
    const user = userEvent.setup();
    let stop: (e: unknown) => void = () => {};
    // A server that never ends its list: the core's job answers only once cancelled.
    vi.mocked(listFragments).mockImplementation(() => new Promise((_, reject) => (stop = reject)));
    vi.mocked(cancelRun).mockImplementation(async () => {
      stop({ code: 'invalid_input', message: `The listing of the content fragments of ${FOLDER} was cancelled. Nothing was written.` });
    });
    await renderPage();
    await openFolder(user);
    await user.click(await screen.findByTestId('fragments-cancel-loading'));
    expect(cancelRun).toHaveBeenCalledTimes(1);
    expect(await screen.findByTestId('fragments-error')).toHaveTextContent('was cancelled');
    expect(screen.queryByTestId('fragments-loading')).not.toBeInTheDocument();
  });

  it('says what is missing and sends nothing while no value is picked', async () => {
    const user = userEvent.setup();
    await renderPage();
    await openFolder(user);
    await user.selectOptions(await screen.findByTestId('fragments-model'), 'adventure');
    await waitFor(() => expect(screen.getAllByTestId('fragment-row')).toHaveLength(2));
    await user.selectOptions(screen.getByLabelText('Field'), 'difficulty');
    await user.click(screen.getByTestId('fragments-preview-button'));
    expect(screen.getByTestId('fragments-problem')).toHaveTextContent('Enter a value.');
    expect(previewFragments).not.toHaveBeenCalled();
  });

  it("shows the core's refusal of a connection that cannot reach content fragments", async () => {
    const user = userEvent.setup();
    const message = 'p12345 · e67890 cannot edit content fragments: AEM’s Sites API takes only OAuth Server-to-Server credentials.';
    vi.mocked(listFragments).mockRejectedValue({ code: 'invalid_input', message });
    await renderPage();
    await openFolder(user);
    expect(await screen.findByTestId('fragments-error')).toHaveTextContent(message);
    expect(screen.queryByTestId('fragments-preview-button')).not.toBeInTheDocument();
    // No empty list under the refusal.
    expect(screen.queryByTestId('fragments-list')).not.toBeInTheDocument();
  });

  it('picks a connection that can edit fragments, and shows the others disabled, saying why', async () => {
    const user = userEvent.setup();
    await renderPage([
      connection({ id: 'classic', name: 'Technical account' }),
      connection({ id: 'sites', name: 'Sites API', kind: 'oauthServerToServer' }),
    ]);
    await user.click(await screen.findByTestId('mode-fragments'));
    const select = await screen.findByTestId('fragments-connection');
    await waitFor(() => expect(select).toHaveValue('sites'));
    const classic = within(select).getByRole('option', { name: /Technical account/ });
    expect(classic).toBeDisabled();
    expect(classic).toHaveTextContent('cannot edit fragments');
    expect(within(select).getByRole('option', { name: /Sites API/ })).toBeEnabled();
    expect(await screen.findByTestId('folder-path-input')).toBeInTheDocument();
  });

  it('says in plain words which connections can edit fragments; the API and credential kind are technical details (issue 68)', async () => {
    const user = userEvent.setup();
    await renderPage();
    await user.click(await screen.findByTestId('mode-fragments'));
    const technical = await screen.findByTestId('fragments-technical');
    expect(technical).toHaveTextContent('OAuth Server-to-Server');
    expect(technical).not.toHaveAttribute('open');
    const hint = screen.getByText(/Not every connection can edit content fragments/);
    expect(hint).not.toHaveTextContent(/OAuth|Sites API/);
  });

  it('says what to ask for when no connection can edit fragments, and lists nothing', async () => {
    const user = userEvent.setup();
    await renderPage([connection({ id: 'classic', name: 'Technical account' })]);
    await user.click(await screen.findByTestId('mode-fragments'));
    expect(await screen.findByTestId('fragments-no-connection')).toHaveTextContent('OAuth Server-to-Server');
    expect(screen.queryByTestId('folder-path-input')).not.toBeInTheDocument();
    expect(listFragments).not.toHaveBeenCalled();
  });

  describe('a list of fragment paths', () => {
    /** "Content fragments", "List of fragments", then the text pasted into the list. */
    async function pasteList(user: ReturnType<typeof userEvent.setup>, text: string) {
      await user.click(await screen.findByTestId('mode-fragments'));
      await user.click(await screen.findByTestId('fragments-scope-list'));
      const list = await screen.findByLabelText('The content fragments, one path per line');
      await user.click(list);
      await user.paste(text);
      return list;
    }

    it('shows the listed fragments and previews them with the list, blank lines left out', async () => {
      const user = userEvent.setup();
      await renderPage();
      await pasteList(user, `${FOLDER}/napa\n\n   \n${FOLDER}/guide\n${FOLDER}/gone\n`);
      // The folder holding the paths is listed; the table keeps the fragments listed.
      await waitFor(() => expect(screen.getAllByTestId('fragment-row')).toHaveLength(2));
      expect(listFragments).toHaveBeenLastCalledWith({ connectionId: 'c1', folder: FOLDER });
      expect(screen.getAllByTestId('fragment-row').map((r) => r.textContent)).toEqual([
        expect.stringContaining(`${FOLDER}/napa`),
        expect.stringContaining(`${FOLDER}/guide`),
      ]);
      expect(screen.getByTestId('fragments-count')).toHaveTextContent('2 content fragments');
      expect(screen.getByTestId('fragments-list-missing')).toHaveTextContent(`1 listed path is not among the content fragments under ${FOLDER}`);

      await user.selectOptions(screen.getByLabelText('Field'), 'jcr:title');
      await user.type(screen.getByLabelText('Value'), 'Spring offer');
      vi.mocked(previewFragments).mockResolvedValue(runSummary({ id: 'f2', folder: FOLDER, fragments: {} }));
      vi.mocked(previewRows).mockResolvedValue({ rows: [], total: 0 });
      await user.click(screen.getByTestId('fragments-preview-button'));
      expect(previewFragments).toHaveBeenCalledWith(
        {
          connectionId: 'c1',
          folder: FOLDER,
          list: [`${FOLDER}/napa`, `${FOLDER}/guide`, `${FOLDER}/gone`],
          edits: [{ property: 'jcr:title', op: { kind: 'set', values: ['Spring offer'] } }],
        },
        expect.any(Function),
      );
    });

    it('offers no preview while the list is empty', async () => {
      const user = userEvent.setup();
      await renderPage();
      const list = await pasteList(user, `${FOLDER}/napa\n`);
      await waitFor(() => expect(screen.getAllByTestId('fragment-row')).toHaveLength(1));
      await user.selectOptions(screen.getByLabelText('Field'), 'jcr:title');
      await user.type(screen.getByLabelText('Value'), 'Spring offer');
      expect(screen.getByTestId('fragments-preview-button')).toBeEnabled();

      await user.clear(list);
      await user.type(list, '   ');
      expect(screen.getByTestId('fragments-preview-button')).toBeDisabled();
      await user.click(screen.getByTestId('fragments-preview-button'));
      expect(previewFragments).not.toHaveBeenCalled();
      expect(screen.queryByTestId('fragment-row')).not.toBeInTheDocument();
    });

    it('takes a .txt dropped on the window as its list, read by the core', async () => {
      const user = userEvent.setup();
      await renderPage();
      await user.click(await screen.findByTestId('mode-fragments'));
      const file = { id: 'h1', fileName: 'paths.txt' };
      expect(store.fragments.takesListFile(file)).toBe(true);
      expect(store.fragments.takesListFile({ id: 'h2', fileName: 'values.xlsx' })).toBe(false);
      vi.mocked(readListFile).mockResolvedValue({ fileName: 'paths.txt', entries: [`${FOLDER}/napa`, `${FOLDER}/yosemite`] });
      await store.fragments.listFileReceived(file);
      expect(readListFile).toHaveBeenCalledWith('h1');
      expect(await screen.findByLabelText('The content fragments, one path per line')).toHaveValue(`${FOLDER}/napa\n${FOLDER}/yosemite`);
      expect(screen.getByTestId('list-file-loaded')).toHaveTextContent('paths.txt');
      await waitFor(() => expect(screen.getAllByTestId('fragment-row')).toHaveLength(2));
    });
  });
});
