// The Tags page: the taxonomy in the reader's language, searched; AEM's refusal in words; and
// what to do without a connection; Merge into…, Move… and Delete: what the form lacks, the core's
// refusal in its words, a preview opened on the run, a tag no asset holds changed at once; Count
// assets: busy while counting, each tag's count, what could not be counted in words.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { applyRun, applyTaxonomyRun, countTags, listTags, previewRows, previewTagChange, previewTagImport } from '../../ipc/commands';
import type { TagImportApplied } from '../../ipc/bindings/TagImportApplied';
import type { Tag } from '../../ipc/bindings/Tag';
import type { TagCounts } from '../../ipc/bindings/TagCounts';
import { I18n, i18nContext, type Lang } from '../../lib/i18n/i18n.svelte';
import { connection, runSummary } from '../../test-fixtures';
import { BulkStore } from '../bulk/bulk.svelte';
import TagsPage from './TagsPage.svelte';
import { TagSheetModel } from './tagSheet.svelte';

vi.mock('../../ipc/commands', () => ({
  listTags: vi.fn(),
  countTags: vi.fn(),
  previewTagChange: vi.fn(),
  applyRun: vi.fn(),
  previewRows: vi.fn(),
  reportRows: vi.fn(),
  listRuns: vi.fn(() => Promise.resolve([])),
  completeFolderPath: vi.fn(() => Promise.resolve([])),
  previewTagImport: vi.fn(),
  applyTaxonomyRun: vi.fn(),
}));

/** The page as App shows it, with its own BulkStore; `onShowRun` is what opens Bulk edit. */
function renderPage(lang: Lang, connections = [connection()], onShowRun = vi.fn()) {
  const store = new BulkStore(() => connections);
  const sheets = new TagSheetModel();
  render(TagsPage, { props: { connections, store, sheets, onShowRun }, context: i18nContext(new I18n(lang)) });
  return { store, onShowRun, sheets };
}

afterEach(() => {
  vi.clearAllMocks();
});

const tag = (id: string, title: string, fr: string, description: string | null = null): Tag => ({
  id,
  title,
  trail: title,
  titles: { fr },
  description,
  published: false,
});

const TAGS = [
  tag('wknd:', 'WKND', 'WKND'),
  tag('wknd:season', 'Season', 'Saison'),
  tag('wknd:season/summer', 'Summer', 'Été', 'June to August'),
  tag('wknd:season/winter', 'Winter', 'Hiver'),
];

const NONE = { assets: 0, changed: 0, unchanged: 0, skipped: 0, failed: 0, pending: 0 };
const DELETE = { command: 'delete', tag: 'wknd:season/winter', activate: false, leftAlone: 0 } as const;
const MERGE = { command: 'merge', tag: 'wknd:season/winter', target: 'wknd:season/summer', activate: false, leftAlone: 0 } as const;

/** Selects the tag titled `title` in the tree: its actions are the selected tag's. */
async function choose(user: ReturnType<typeof userEvent.setup>, title: string): Promise<void> {
  await user.click(within(screen.getByTestId('tags-tree')).getByRole('button', { name: title }));
}

/** Move… open on Summer; its preview answers a run with an asset to change (after any refusal
 *  the test queued first). */
async function moveSummer() {
  const run = runSummary({ id: 'tag-run', counts: { assets: 1, changed: 0, unchanged: 0, skipped: 0, failed: 0, pending: 1 } });
  vi.mocked(previewTagChange).mockResolvedValue(run);
  vi.mocked(previewRows).mockResolvedValue({ rows: [], total: 0, counts: run.counts } as never);
  const user = userEvent.setup();
  const { onShowRun } = renderPage('en');
  await waitFor(() => expect(screen.getByTestId('tags-count')).toBeInTheDocument());
  await choose(user, 'Summer');
  await user.click(screen.getByTestId('tag-move'));
  return { user, onShowRun };
}

const titles = () => screen.getAllByTestId('tag-row').map((row) => row.querySelector('.title')?.textContent);

/** A sheet retitling one tag, whose apply is answered when the test calls what it returns. */
function importHeldOpen(): (applied: TagImportApplied) => void {
  vi.mocked(listTags).mockResolvedValue(TAGS);
  vi.mocked(previewTagImport).mockResolvedValue({
    fileName: 'tags.csv',
    rows: 1,
    created: [],
    changed: [{ row: 2, id: 'wknd:season/summer', property: 'jcr:title', before: 'Summer', after: 'High summer' }],
    runId: 'imp-9',
  });
  let finish: (applied: TagImportApplied) => void = () => {};
  vi.mocked(applyTaxonomyRun).mockReturnValue(new Promise((resolve) => (finish = resolve)));
  return (applied) => finish(applied);
}

describe('the Tags page', () => {
  it('shows the taxonomy in the reader’s language and searches it', async () => {
    vi.mocked(listTags).mockResolvedValue(TAGS);
    const user = userEvent.setup();
    renderPage('fr');
    await waitFor(() => expect(screen.getByTestId('tags-count')).toHaveTextContent('4 balises'));
    expect(listTags).toHaveBeenCalledWith('c1');
    expect(titles()).toEqual(['WKND', 'Saison', 'Été', 'Hiver']);
    expect(screen.getByText('June to August')).toBeInTheDocument();

    await user.type(screen.getByTestId('tags-search'), 'winter');
    expect(titles()).toEqual(['WKND', 'Saison', 'Hiver']);
    expect(screen.getByTestId('tags-count')).toHaveTextContent('3 balises sur 4');

    await user.clear(screen.getByTestId('tags-search'));
    await user.type(screen.getByTestId('tags-search'), 'nothing');
    expect(screen.getByTestId('tags-none')).toHaveTextContent('Aucune balise ne correspond à « nothing ».');
  });

  it('leads with the taxonomy: the tag list comes before counting and the sheet', async () => {
    vi.mocked(listTags).mockResolvedValue(TAGS);
    renderPage('en');
    const list = await screen.findByTestId('tags-count');
    for (const below of [screen.getByTestId('tags-count-assets'), screen.getByText('The taxonomy as a sheet')]) {
      expect(list.compareDocumentPosition(below) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    }
  });

  it('folds and unfolds a tag’s branch; a search shows every tag it finds', async () => {
    vi.mocked(listTags).mockResolvedValue(TAGS);
    const user = userEvent.setup();
    renderPage('en');
    await waitFor(() => expect(titles()).toEqual(['WKND', 'Season', 'Summer', 'Winter']));
    const season = screen.getAllByTestId('tag-row')[1]!;
    const fold = within(season).getAllByTestId('tag-fold')[0]!;
    expect(fold).toHaveAttribute('aria-expanded', 'true');
    expect(fold).toHaveAccessibleName('Fold Season');
    await user.click(fold);
    expect(titles()).toEqual(['WKND', 'Season']);
    expect(fold).toHaveAttribute('aria-expanded', 'false');
    expect(fold).toHaveAccessibleName('Unfold Season');
    // A tag without tags below it has nothing to fold.
    await user.click(fold);
    expect(within(screen.getAllByTestId('tag-row')[2]!).queryByTestId('tag-fold')).toBeNull();
    await user.click(screen.getAllByTestId('tag-fold')[1]!);
    await user.type(screen.getByTestId('tags-search'), 'winter');
    expect(titles()).toEqual(['WKND', 'Season', 'Winter']);
  });

  it('offers no Delete on a namespace, which AEM does not delete as a tag', async () => {
    vi.mocked(listTags).mockResolvedValue(TAGS);
    const user = userEvent.setup();
    renderPage('en');
    await waitFor(() => expect(titles()).toHaveLength(4));
    await choose(user, 'WKND');
    expect(screen.queryByTestId('tag-delete')).toBeNull();
    expect(screen.getByTestId('tag-move')).toBeInTheDocument();
    await choose(user, 'Season');
    expect(screen.getByTestId('tag-delete')).toBeInTheDocument();
  });

  it('acts on the selected tag only: one set of actions for it, none repeated on every row (issue 68)', async () => {
    vi.mocked(listTags).mockResolvedValue(TAGS);
    const user = userEvent.setup();
    renderPage('en');
    await waitFor(() => expect(titles()).toHaveLength(4));
    expect(screen.queryByTestId('tag-merge')).toBeNull();
    expect(screen.getByTestId('tag-actions')).toHaveTextContent('Choose a tag in the list to merge, move or delete it.');
    await choose(user, 'Summer');
    const summer = screen.getAllByTestId('tag-row').find((row) => row.dataset.tag === 'wknd:season/summer')!;
    expect(within(summer).getByRole('button', { name: 'Summer' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getAllByTestId('tag-merge')).toHaveLength(1);
    expect(summer.querySelector('[data-testid="tag-merge"]')).toBeNull();
    expect(screen.getByTestId('tag-actions')).toHaveTextContent('Summer');
    expect(screen.getByTestId('tag-actions')).toHaveTextContent('wknd:season/summer');
  });

  it('keeps the connection while an import is being applied, so its outcome and Undo are not lost', async () => {
    const finish = importHeldOpen();
    const { sheets } = renderPage('en', [connection({ id: 'c1', name: 'Stage' }), connection({ id: 'c2', name: 'Other' })]);
    const picker = await screen.findByTestId('tags-connection');
    await sheets.received({ id: 'sheet-1', fileName: 'tags.csv' });
    expect(picker).toBeEnabled();
    await userEvent.click(await screen.findByRole('button', { name: 'Apply 1 change' }));
    expect(picker).toBeDisabled();
    finish({ id: 'imp-1', created: 0, changed: 1, changedSince: [], stopped: null, resumable: false });
    expect(await screen.findByTestId('tags-import-applied')).toHaveTextContent('Created 0 tags and changed 1 value.');
    expect(picker).toBeEnabled();
  });

  it('comes back to the import’s connection when the page is left and opened again, keeping its outcome and Undo', async () => {
    const finish = importHeldOpen();
    const connections = [connection({ id: 'c1', name: 'Stage' }), connection({ id: 'c2', name: 'Other' })];
    const store = new BulkStore(() => connections);
    const sheets = new TagSheetModel();
    const props = { connections, store, sheets, onShowRun: vi.fn() };
    const context = i18nContext(new I18n('en'));
    const first = render(TagsPage, { props, context });
    await userEvent.selectOptions(await screen.findByTestId('tags-connection'), 'c2');
    await sheets.received({ id: 'sheet-1', fileName: 'tags.csv' });
    await userEvent.click(await screen.findByRole('button', { name: 'Apply 1 change' }));
    // Another page is opened while the import is written (App shows one page at a time).
    first.unmount();
    finish({ id: 'imp-1', created: 0, changed: 1, changedSince: [], stopped: null, resumable: false });
    render(TagsPage, { props, context });
    expect(await screen.findByTestId('tags-connection')).toHaveValue('c2');
    expect(await screen.findByTestId('tags-import-applied')).toHaveTextContent('Created 0 tags and changed 1 value.');
    expect(screen.getByRole('button', { name: /Undo this import/ })).toBeEnabled();
  });

  it('says why AEM’s tags could not be read', async () => {
    vi.mocked(listTags).mockRejectedValue({ code: 'not_found', message: 'AEM’s tags could not be read (403)' });
    renderPage('en');
    await waitFor(() => expect(screen.getByTestId('tags-error')).toHaveTextContent('AEM’s tags could not be read (403)'));
    expect(screen.getByTestId('tags-search')).toBeDisabled();

    // Read again once AEM answers: the page is usable without leaving it.
    vi.mocked(listTags).mockResolvedValue(TAGS);
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findAllByTestId('tag-row')).toHaveLength(4);
    expect(screen.queryByTestId('tags-error')).toBeNull();
    expect(screen.getByTestId('tags-search')).toBeEnabled();
  });

  it('asks for a connection when there is none', () => {
    renderPage('en', []);
    expect(screen.getByTestId('empty-tags')).toHaveTextContent('add one first');
    expect(listTags).not.toHaveBeenCalled();
  });

  it('merges a tag into another chosen by title, and opens the preview on the run', async () => {
    vi.mocked(listTags).mockResolvedValue(TAGS);
    const run = runSummary({ id: 'tag-run', counts: { assets: 4, changed: 0, unchanged: 0, skipped: 0, failed: 0, pending: 4 } });
    vi.mocked(previewTagChange).mockResolvedValue(run);
    vi.mocked(previewRows).mockResolvedValue({ rows: [], total: 0, counts: run.counts } as never);
    const user = userEvent.setup();
    const { store, onShowRun } = renderPage('fr');
    await waitFor(() => expect(screen.getByTestId('tags-count')).toBeInTheDocument());
    await choose(user, 'Été');
    const summer = screen.getByRole('button', { name: /^Fusionner dans une autre balise\s:\sÉté$/ });
    await user.click(summer);
    const dialog = screen.getByTestId('tag-change-dialog');
    expect(dialog).toHaveTextContent('Fusionner « WKND › Saison › Été » dans une autre balise');

    await user.click(screen.getByTestId('tag-change-preview'));
    expect(screen.getByTestId('tag-change-missing')).toHaveTextContent('Choisissez la balise dans laquelle fusionner.');
    expect(previewTagChange).not.toHaveBeenCalled();

    const into = screen.getByTestId('tag-change-into');
    // The tag itself is not offered; the others are, by trail.
    expect([...into.querySelectorAll('option')].map((o) => o.value)).toEqual(['', 'wknd:', 'wknd:season', 'wknd:season/winter']);
    await user.selectOptions(into, 'wknd:season/winter');
    await user.click(screen.getByTestId('tag-change-republish'));
    await user.click(screen.getByTestId('tag-change-preview'));
    await waitFor(() => expect(onShowRun).toHaveBeenCalled());
    expect(vi.mocked(previewTagChange).mock.calls[0]?.[0]).toEqual({
      connectionId: 'c1',
      change: { kind: 'merge', tag: 'wknd:season/summer', into: 'wknd:season/winter' },
      under: '/content/dam',
    });
    expect(store.run.stage).toBe('preview');
    expect(store.run.summary?.id).toBe('tag-run');
    expect(store.run.republishAfterApply).toBe(true);
    expect(screen.queryByTestId('tag-change-dialog')).toBeNull();
  });

  it('shows the core’s refusal in its words and opens nothing', async () => {
    vi.mocked(listTags).mockResolvedValue(TAGS);
    const refusal = 'wknd:season/winter already exists: merge into it instead of moving onto it. Nothing was changed.';
    vi.mocked(previewTagChange).mockRejectedValue({ code: 'invalid_input', message: refusal });
    const user = userEvent.setup();
    const { store, onShowRun } = renderPage('en');
    await waitFor(() => expect(screen.getByTestId('tags-count')).toBeInTheDocument());
    await choose(user, 'Summer');
    await user.click(screen.getByRole('button', { name: 'Move Summer to a new id' }));
    const to = screen.getByTestId('tag-change-to');
    expect(to).toHaveValue('wknd:season/summer');
    await user.clear(to);
    await user.type(to, 'wknd:season/winter');
    await user.click(screen.getByTestId('tag-change-preview'));
    await waitFor(() => expect(screen.getByTestId('tag-change-error')).toHaveTextContent(refusal));
    // Said once: the banner's title does not repeat the core's last sentence.
    expect(screen.getByTestId('tag-change-dialog').textContent!.match(/Nothing was changed/g)).toHaveLength(1);
    expect(onShowRun).not.toHaveBeenCalled();
    expect(store.run.stage).toBe('setup');
    expect(store.run.busy).toBe(false);
    expect(screen.getByTestId('tag-change-preview')).toBeEnabled();
  });

  it('offers the refusal’s own suggestion as a button: a move onto an existing tag merges into it instead (issue 68)', async () => {
    vi.mocked(listTags).mockResolvedValue(TAGS);
    vi.mocked(previewTagChange).mockRejectedValueOnce({ code: 'invalid_input', message: 'wknd:season/winter already exists: merge into it instead of moving onto it. Nothing was changed.' });
    const { user, onShowRun } = await moveSummer();
    const to = screen.getByTestId('tag-change-to');
    await user.clear(to);
    await user.type(to, 'wknd:season/winter');
    await user.click(screen.getByTestId('tag-change-preview'));
    const instead = await screen.findByRole('button', { name: 'Merge into Winter instead' });
    await user.click(instead);
    await waitFor(() => expect(onShowRun).toHaveBeenCalled());
    expect(vi.mocked(previewTagChange).mock.calls[1]?.[0]).toEqual({
      connectionId: 'c1',
      change: { kind: 'merge', tag: 'wknd:season/summer', into: 'wknd:season/winter' },
      under: '/content/dam',
    });
  });

  it('moves a tag under a parent picked from the taxonomy, by title, with its name (issue 68)', async () => {
    vi.mocked(listTags).mockResolvedValue(TAGS);
    const { user, onShowRun } = await moveSummer();
    const parent = screen.getByTestId('tag-change-parent');
    expect(parent).toHaveValue('wknd:season');
    expect(screen.getByTestId('tag-change-name')).toHaveValue('summer');
    // The tag itself and the tags below it are not offered as its parent.
    expect([...parent.querySelectorAll('option')].map((o) => o.value)).toEqual(['wknd:', 'wknd:season', 'wknd:season/winter']);
    await user.selectOptions(parent, 'wknd:season/winter');
    await user.clear(screen.getByTestId('tag-change-name'));
    await user.type(screen.getByTestId('tag-change-name'), 'late-summer');
    expect(screen.getByTestId('tag-change-to')).toHaveValue('wknd:season/winter/late-summer');
    await user.click(screen.getByTestId('tag-change-preview'));
    await waitFor(() => expect(onShowRun).toHaveBeenCalled());
    expect(vi.mocked(previewTagChange).mock.calls[0]?.[0].change).toEqual({ kind: 'move', tag: 'wknd:season/summer', to: 'wknd:season/winter/late-summer' });
  });

  it('changes a tag no asset under the folder holds at once', async () => {
    vi.mocked(listTags).mockResolvedValue(TAGS);
    const run = runSummary({ id: 'unused', counts: NONE, tagStep: { ...DELETE, state: 'waiting' } });
    vi.mocked(previewTagChange).mockResolvedValue(run);
    vi.mocked(applyRun).mockResolvedValue({
      ...run,
      status: 'completed',
      tagStep: { ...DELETE, state: 'done' },
    });
    const user = userEvent.setup();
    const { onShowRun } = renderPage('en');
    await waitFor(() => expect(screen.getByTestId('tags-count')).toBeInTheDocument());
    await choose(user, 'Winter');
    await user.click(screen.getByRole('button', { name: 'Delete Winter' }));
    await user.click(screen.getByTestId('tag-change-preview'));
    await waitFor(() => expect(screen.getByTestId('tag-change-unused')).toHaveTextContent('No asset under /content/dam holds wknd:season/winter'));
    await user.click(screen.getByTestId('tag-change-now'));
    await waitFor(() => expect(screen.getByTestId('tag-change-done')).toHaveTextContent('AEM deleted the tag.'));
    expect(applyRun).toHaveBeenCalledWith({ runId: 'unused', confirmName: null, emptyRequired: false, republish: false }, expect.any(Function));
    expect(onShowRun).not.toHaveBeenCalled();
    // The taxonomy is read again.
    await waitFor(() => expect(listTags).toHaveBeenCalledTimes(2));
  });

  it('asks for a production connection’s name before AEM changes the tag at once: a wrong name sends nothing', async () => {
    vi.mocked(listTags).mockResolvedValue(TAGS);
    const run = runSummary({ id: 'unused', counts: NONE, tagStep: { ...MERGE, state: 'waiting' } });
    vi.mocked(previewTagChange).mockResolvedValue(run);
    vi.mocked(applyRun).mockResolvedValue({ ...run, status: 'completed', tagStep: { ...MERGE, activate: true, state: 'done' } });
    const user = userEvent.setup();
    renderPage('en', [connection({ production: true, name: 'Prod author' })]);
    await waitFor(() => expect(screen.getByTestId('tags-count')).toBeInTheDocument());
    await choose(user, 'Winter');
    await user.click(screen.getByRole('button', { name: 'Merge into another tag: Winter' }));
    await user.selectOptions(screen.getByTestId('tag-change-into'), 'wknd:season/summer');
    await user.click(screen.getByTestId('tag-change-preview'));
    await user.click(await screen.findByTestId('tag-change-now'));

    // Issue 77: the tag by its title, how many assets hold it, and no second dialog under it.
    const dialog = screen.getByTestId('production-dialog');
    expect(dialog).toHaveTextContent('Change the tag “Winter” in AEM’s taxonomy on production?');
    expect(dialog).toHaveTextContent(
      'AEM merges the tag “Winter” into “Summer” in the taxonomy of Prod author, a connection marked production. No asset under /content/dam holds it.',
    );
    expect(screen.queryByTestId('tag-change-dialog')).not.toBeInTheDocument();
    await user.type(screen.getByTestId('production-confirm-input'), 'Staging author{Enter}');
    expect(screen.getByTestId('production-confirm-button')).toBeDisabled();
    await user.click(screen.getByTestId('production-confirm-button'));
    expect(applyRun).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByTestId('production-dialog')).not.toBeInTheDocument();
    expect(applyRun).not.toHaveBeenCalled();

    await user.click(screen.getByTestId('tag-change-now'));
    await user.type(screen.getByTestId('production-confirm-input'), 'Prod author');
    await user.click(screen.getByTestId('production-confirm-button'));
    expect(applyRun).toHaveBeenCalledWith({ runId: 'unused', confirmName: 'Prod author', emptyRequired: false, republish: false }, expect.any(Function));
    await waitFor(() => expect(screen.getByTestId('tag-change-done')).toHaveTextContent('AEM merged the tag. It was on the website: its new place is published too.'));
    expect(screen.queryByTestId('production-dialog')).not.toBeInTheDocument();
  });

  it('says that a change at once was interrupted, and where to try it again', async () => {
    vi.mocked(listTags).mockResolvedValue(TAGS);
    const run = runSummary({ id: 'unused', counts: NONE, tagStep: { ...DELETE, state: 'waiting' } });
    vi.mocked(previewTagChange).mockResolvedValue(run);
    vi.mocked(applyRun).mockResolvedValue({ ...run, status: 'interrupted', tagStep: { ...DELETE, state: 'in_doubt' } });
    const user = userEvent.setup();
    renderPage('en');
    await waitFor(() => expect(screen.getByTestId('tags-count')).toBeInTheDocument());
    await choose(user, 'Winter');
    await user.click(screen.getByRole('button', { name: 'Delete Winter' }));
    await user.click(screen.getByTestId('tag-change-preview'));
    await user.click(await screen.findByTestId('tag-change-now'));
    const banner = await screen.findByTestId('tag-change-refused');
    expect(banner).toHaveTextContent('The tag wknd:season/winter was not changed');
    expect(banner).toHaveTextContent('The change was interrupted: AEM may not have made it. Open its run from Activity: its report offers Try again.');
    expect(screen.queryByTestId('tag-change-done')).not.toBeInTheDocument();
  });

  it('opens the Move dialog back, prefilled, when the undo of a move asks for it', async () => {
    vi.mocked(listTags).mockResolvedValue([...TAGS, tag('wknd:weather', 'Weather', 'Météo'), tag('wknd:weather/winter', 'Winter', 'Hiver')]);
    const connections = [connection(), connection({ id: 'c2', name: 'Other' })];
    const store = new BulkStore(() => connections);
    store.moveBack = { connectionId: 'c2', tag: 'wknd:weather/winter', to: 'wknd:season/winter' };
    render(TagsPage, { props: { connections, store, sheets: new TagSheetModel(), onShowRun: vi.fn() }, context: i18nContext(new I18n('en')) });
    const dialog = await screen.findByTestId('tag-change-dialog');
    expect(dialog).toHaveTextContent('Move “WKND › Weather › Winter”');
    expect(screen.getByTestId('tag-change-to')).toHaveValue('wknd:season/winter');
    expect(listTags).toHaveBeenLastCalledWith('c2');
    expect(store.moveBack).toBeNull();
    expect(previewTagChange).not.toHaveBeenCalled();
  });

  it('asks the production question in French, with its typography', async () => {
    vi.mocked(listTags).mockResolvedValue(TAGS);
    vi.mocked(previewTagChange).mockResolvedValue(runSummary({ id: 'unused', counts: NONE, tagStep: { ...DELETE, state: 'waiting' } }));
    const user = userEvent.setup();
    renderPage('fr', [connection({ production: true, name: 'Prod author' })]);
    await waitFor(() => expect(screen.getByTestId('tags-count')).toBeInTheDocument());
    await choose(user, 'Hiver');
    await user.click(screen.getByRole('button', { name: 'Supprimer Hiver' }));
    await user.click(screen.getByTestId('tag-change-preview'));
    await user.click(await screen.findByTestId('tag-change-now'));
    const dialog = screen.getByTestId('production-dialog');
    expect(dialog.textContent).toContain('dans la taxonomie d’AEM en production\u202f?');
    expect(dialog).toHaveTextContent('Modifier la balise « Hiver » dans la taxonomie d’AEM en production ?');
    expect(dialog).toHaveTextContent(
      'AEM supprime la balise « Hiver » de la taxonomie de Prod author, une connexion marquée comme production. Aucune ressource sous /content/dam ne la porte.',
    );
    expect(applyRun).not.toHaveBeenCalled();
  });

  it('keeps a tag whose preview left assets alone: says so with the count, offers no change at once, and shows the preview', async () => {
    vi.mocked(listTags).mockResolvedValue(TAGS);
    const run = runSummary({ id: 'kept', counts: { ...NONE, assets: 2, skipped: 2 }, tagStep: { ...DELETE, state: 'left_alone', leftAlone: 2 } });
    vi.mocked(previewTagChange).mockResolvedValue(run);
    const user = userEvent.setup();
    const { onShowRun, store } = renderPage('en');
    await waitFor(() => expect(screen.getByTestId('tags-count')).toBeInTheDocument());
    await choose(user, 'Winter');
    await user.click(screen.getByRole('button', { name: 'Delete Winter' }));
    await user.click(screen.getByTestId('tag-change-preview'));
    await waitFor(() => expect(screen.getByTestId('tag-change-kept')).toHaveTextContent('The tag wknd:season/winter will be kept: 2 assets that may hold it are left alone by the preview'));
    expect(screen.queryByTestId('tag-change-now')).not.toBeInTheDocument();
    expect(screen.queryByTestId('tag-change-unused')).not.toBeInTheDocument();
    await user.click(screen.getByTestId('tag-change-show-preview'));
    expect(onShowRun).toHaveBeenCalledTimes(1);
    expect(store.run.stage).toBe('preview');
    expect(store.run.summary?.id).toBe('kept');
    expect(applyRun).not.toHaveBeenCalled();
  });

  it('says why AEM refused to change a tag no asset holds', async () => {
    vi.mocked(listTags).mockResolvedValue(TAGS);
    const run = runSummary({ id: 'unused', counts: NONE, tagStep: { ...MERGE, state: 'waiting' } });
    vi.mocked(previewTagChange).mockResolvedValue(run);
    const reason = 'wknd:season/summer was removed from AEM since the preview: the merge of wknd:season/winter into it was not sent (a move would create it again).';
    vi.mocked(applyRun).mockResolvedValue({ ...run, status: 'completed', tagStep: { ...MERGE, state: 'refused', reason } });
    const user = userEvent.setup();
    renderPage('en');
    await waitFor(() => expect(screen.getByTestId('tags-count')).toBeInTheDocument());
    await choose(user, 'Winter');
    await user.click(screen.getByRole('button', { name: 'Merge into another tag: Winter' }));
    await user.selectOptions(screen.getByTestId('tag-change-into'), 'wknd:season/summer');
    await user.click(screen.getByTestId('tag-change-preview'));
    await user.click(await screen.findByTestId('tag-change-now'));
    expect(applyRun).toHaveBeenCalledWith({ runId: 'unused', confirmName: null, emptyRequired: false, republish: false }, expect.any(Function));
    const refused = await screen.findByTestId('tag-change-refused');
    expect(refused).toHaveTextContent('The tag wknd:season/winter was not changed');
    expect(refused).toHaveTextContent(reason);
    expect(screen.queryByTestId('tag-change-done')).not.toBeInTheDocument();
  });

  it('counts the assets under a folder: busy meanwhile, then each tag’s count and what was not counted', async () => {
    vi.mocked(listTags).mockResolvedValue(TAGS);
    let answer: (counts: TagCounts) => void = () => {};
    vi.mocked(countTags).mockReturnValue(new Promise((resolve) => (answer = resolve)));
    const user = userEvent.setup();
    renderPage('fr');
    await waitFor(() => expect(screen.getByTestId('tags-count')).toBeInTheDocument());
    expect(screen.getByTestId('tags-counts-empty')).toHaveTextContent(/^Aucun comptage pour l’instant\s:\schoisissez/);
    expect(screen.queryAllByTestId('tag-uses')).toEqual([]);

    const folder = screen.getByTestId('folder-path-input');
    await user.clear(folder);
    await user.type(folder, '/content/dam/wknd{Enter}');
    await user.click(screen.getByTestId('tags-count-assets'));
    expect(countTags).toHaveBeenCalledWith('c1', '/content/dam/wknd');
    expect(screen.getByTestId('tags-count-assets')).toBeDisabled();
    expect(screen.getByTestId('tags-counting')).toHaveTextContent('Comptage des ressources de /content/dam/wknd…');

    answer({
      folder: '/content/dam/wknd',
      assets: 7,
      counts: { 'wknd:': 5, 'wknd:season': 5, 'wknd:season/summer': 1 },
      unlistedFolders: ['/content/dam/wknd/locked'],
      unread: ['/content/dam/wknd/a.jpg: AEM answered 500'],
    });
    await waitFor(() => expect(screen.getByTestId('tags-counted')).toHaveTextContent('7 ressources de /content/dam/wknd comptées.'));
    const uses = (id: string) => document.querySelector(`[data-tag="${id}"] > .tag [data-testid="tag-uses"]`)?.textContent;
    expect(uses('wknd:season')).toBe('5 ressources');
    expect(uses('wknd:season/summer')).toBe('1 ressource');
    expect(uses('wknd:season/winter')).toBe('aucune ressource');
    expect(screen.getByTestId('tags-counts-unlisted')).toHaveTextContent(/^Un dossier n’a pas pu être listé\s:\sses ressources ne sont pas comptées\. \/content\/dam\/wknd\/locked$/);
    expect(screen.getByTestId('tags-counts-unread')).toHaveTextContent('/content/dam/wknd/a.jpg: AEM answered 500');
    expect(screen.getByTestId('tags-count-assets')).toBeEnabled();
  });

  it('says in words why the assets could not be counted, and asks for a folder', async () => {
    vi.mocked(listTags).mockResolvedValue(TAGS);
    vi.mocked(countTags).mockRejectedValue({ code: 'not_found', message: 'No folder /content/dam/nope in AEM.' });
    const user = userEvent.setup();
    renderPage('en');
    await waitFor(() => expect(screen.getByTestId('tags-count')).toBeInTheDocument());
    const folder = screen.getByTestId('folder-path-input');
    await user.clear(folder);
    await user.tab();
    await user.click(screen.getByTestId('tags-count-assets'));
    expect(screen.getByTestId('tags-counts-missing')).toHaveTextContent('Type the folder whose assets to count.');
    expect(countTags).not.toHaveBeenCalled();

    await user.type(folder, '/content/dam/nope{Enter}');
    await user.click(screen.getByTestId('tags-count-assets'));
    await waitFor(() => expect(screen.getByTestId('tags-counts-error')).toHaveTextContent('No folder /content/dam/nope in AEM.'));
    expect(screen.queryAllByTestId('tag-uses')).toEqual([]);
    expect(screen.getByTestId('tags-count-assets')).toBeEnabled();
  });
});
