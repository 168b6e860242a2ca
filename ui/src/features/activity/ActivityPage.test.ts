// Activity: every run with when, connection, folder, edits, counts, status and duration, and
// the actions each status allows; acting on a run opens it on the Bulk edit page.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { applyRun, listRuns, previewRows, previewUndo, reportRows } from '../../ipc/commands';
import type { RunSummary } from '../../ipc/bindings/RunSummary';
import { connection, movedOne, runSummary, undoLinks } from '../../test-fixtures';
import { BulkStore } from '../bulk/bulk.svelte';
import { I18n, i18nContext } from '../../lib/i18n/i18n.svelte';
import ActivityPage from './ActivityPage.svelte';
import { isRedo, undoes, undoneBy } from '../bulk/undoLinks';
import { actionsFor } from './runActions';

vi.mock('../../ipc/commands', () => ({
  listRuns: vi.fn(),
  previewRows: vi.fn(),
  reportRows: vi.fn(),
  previewUndo: vi.fn(),
  applyRun: vi.fn(),
  runSummary: vi.fn(),
}));

afterEach(() => {
  vi.clearAllMocks();
});

const counts = (o: Partial<RunSummary['counts']> = {}) => ({ assets: 30, changed: 0, unchanged: 0, skipped: 0, failed: 0, pending: 0, ...o });

describe('actions per status', () => {
  it('offers what each status allows', () => {
    expect(actionsFor(runSummary({ status: 'previewed', counts: counts({ pending: 30 }) }), false)).toEqual(['open-preview']);
    expect(actionsFor(runSummary({ status: 'previewed', counts: counts({ unchanged: 30 }) }), false)).toEqual(['open-preview']);
    expect(actionsFor(runSummary({ status: 'preview_incomplete' }), false)).toEqual(['open-report']);
    expect(actionsFor(runSummary({ status: 'completed', counts: counts({ changed: 30 }) }), false)).toEqual(['open-report', 'undo']);
    expect(actionsFor(runSummary({ status: 'completed', counts: counts({ unchanged: 30 }) }), false)).toEqual(['open-report']);
    expect(actionsFor(runSummary({ status: 'cancelled', counts: counts({ changed: 10, pending: 20 }) }), false)).toEqual(['open-report', 'undo']);
    expect(actionsFor(runSummary({ status: 'stopped', counts: counts({ pending: 30 }) }), false)).toEqual(['open-report']);
  });

  it('lets an undo that changed assets be undone too, called what it does: a redo', () => {
    const undo = runSummary({ status: 'completed', kind: { kind: 'undo', of: 'r1' }, counts: counts({ changed: 30 }) });
    expect(actionsFor(undo, false)).toEqual(['open-report', 'redo']);
  });

  it('shows only the progress of the run being applied', () => {
    expect(actionsFor(runSummary({ status: 'interrupted' }), true)).toEqual(['show-progress']);
  });
});

// How runs stand to their undos is the core's (`run_undone::link`, tested in Rust); these tests
// give each run the links the core sends and check what the page makes of them.
describe('a run and its undo', () => {
  // An edit an undo took back in full, as the core lists it.
  const edit = runSummary({
    id: 'r1',
    status: 'completed',
    counts: counts({ changed: 30 }),
    undoLinks: undoLinks({ undoneBy: 'r2', whollyUndone: true, lastUndo: 'r2' }),
  });
  const undo = (o: Partial<RunSummary> = {}) =>
    runSummary({
      id: 'r2',
      created: '2026-03-02T10:00:00Z',
      appliedAt: '2026-03-02T10:01:00Z',
      status: 'completed',
      kind: { kind: 'undo', of: 'r1' },
      counts: counts({ changed: 30 }),
      undoLinks: undoLinks({ undoAction: 'redo' }),
      ...o,
    });

  it('offers no second Undo once an undo has put everything back, and Redo on the undo', () => {
    const runs = [undo(), edit];
    expect(actionsFor(edit, false, runs)).toEqual(['open-report']);
    expect(actionsFor(runs[0]!, false, runs)).toEqual(['open-report', 'redo']);
    expect(undoneBy(edit, runs)?.id).toBe('r2');
    expect(undoes(runs[0]!, runs)?.id).toBe('r1');
  });

  it('keeps Undo where the core says an undo left some of the run (stopped, failed)', () => {
    const partly = runSummary({ ...edit, undoLinks: undoLinks({ undoneBy: 'r2', undoAction: 'undo' }) });
    const stopped = undo({ status: 'stopped', counts: counts({ changed: 20, pending: 10 }) });
    expect(actionsFor(partly, false, [stopped, partly])).toContain('undo');
  });

  it('reads the links of the run the history lists, not of an apply\'s answer', () => {
    // The page's copy came from the apply: the history has since linked it to its undo.
    const answered = runSummary({ ...edit, undoLinks: undoLinks({ undoAction: 'undo' }) });
    expect(actionsFor(answered, false, [undo(), edit])).toEqual(['open-report']);
    expect(undoneBy(answered, [undo(), edit])?.id).toBe('r2');
  });

  it('after a redo, the edit can be undone again and the redo offers Undo', () => {
    const first = undo({ undoLinks: undoLinks({ undoneBy: 'r3', whollyUndone: true, lastUndo: 'r3' }) });
    const redo = runSummary({
      id: 'r3',
      status: 'completed',
      kind: { kind: 'undo', of: 'r2' },
      counts: counts({ changed: 30 }),
      undoLinks: undoLinks({ redo: true, undoAction: 'undo' }),
    });
    const again = runSummary({ ...edit, undoLinks: undoLinks({ undoneBy: 'r2', undoAction: 'undo' }) });
    const runs = [redo, first, again];
    expect(isRedo(redo, runs)).toBe(true);
    expect(actionsFor(redo, false, runs)).toEqual(['open-report', 'undo']);
    expect(actionsFor(first, false, runs)).toEqual(['open-report']);
    expect(actionsFor(again, false, runs)).toEqual(['open-report', 'undo']);
  });

  it('links each to the other, in words, and the link takes focus to the other card', async () => {
    vi.mocked(listRuns).mockResolvedValue([undo(), edit]);
    const store = new BulkStore(() => [connection()]);
    render(ActivityPage, { store, onShowRun: vi.fn() });
    await waitFor(() => expect(store.history.loaded).toBe(true));
    const [undoCard, editCard] = screen.getAllByTestId('run-item') as [HTMLElement, HTMLElement];
    const en = new I18n('en');
    expect(within(editCard).getByTestId('run-undone-by')).toHaveTextContent(`Undone on ${en.dateTime('2026-03-02T10:01:00Z')} →`);
    expect(within(editCard).queryByTestId('undo-run')).not.toBeInTheDocument();
    expect(within(undoCard).getByTestId('run-undoes')).toHaveTextContent(`Undoes the run of ${en.dateTime('2026-03-02T09:15:00Z')} →`);
    expect(within(undoCard).getByTestId('redo-run')).toHaveTextContent('Redo');
    expect(within(undoCard).queryByTestId('undo-run')).not.toBeInTheDocument();
    await userEvent.click(within(editCard).getByTestId('run-undone-by'));
    expect(undoCard).toHaveFocus();
    await userEvent.click(within(undoCard).getByTestId('run-undoes'));
    expect(editCard).toHaveFocus();
  });

  it('says it in French with one word per idea: Revenir en arrière, Rétablir, never Annuler (issue 77)', async () => {
    vi.mocked(listRuns).mockResolvedValue([undo(), edit]);
    const fr = new I18n('fr');
    const store = new BulkStore(() => [connection()], fr);
    render(ActivityPage, { props: { store, onShowRun: vi.fn() }, context: i18nContext(fr) });
    await waitFor(() => expect(screen.getAllByTestId('run-item')).toHaveLength(2));
    const [undoCard, editCard] = screen.getAllByTestId('run-item') as [HTMLElement, HTMLElement];
    expect(within(editCard).getByTestId('run-undone-by')).toHaveTextContent(/^Retour en arrière le .+ →$/);
    expect(within(undoCard).getByTestId('run-undoes')).toHaveTextContent(/^Retour en arrière sur l’exécution du .+ →$/);
    expect(within(undoCard).getByTestId('redo-run')).toHaveTextContent('Rétablir');
    expect(screen.queryByText(/Annul/)).not.toBeInTheDocument();
  });
});

describe('the Activity page', () => {
  async function renderPage(runs: RunSummary[], connections = [connection()]) {
    vi.mocked(listRuns).mockResolvedValue(runs);
    const store = new BulkStore(() => connections);
    const onShowRun = vi.fn();
    const onOpenOnItsPage = vi.fn();
    render(ActivityPage, { store, onShowRun, onOpenOnItsPage });
    await waitFor(() => expect(store.history.loaded).toBe(true));
    return { store, onShowRun, onOpenOnItsPage };
  }

  it('opens a move where the core says it is shown, the Move panel', async () => {
    const moved = movedOne();
    expect(actionsFor(moved, false)).toEqual(['open-move']);
    const { store, onOpenOnItsPage } = await renderPage([moved]);
    // Its count in the words its summary gives: moved, not changed.
    expect(await screen.findByTestId('run-counts')).toHaveTextContent('1 moved');
    await userEvent.click(await screen.findByTestId('open-move'));
    expect(onOpenOnItsPage).toHaveBeenCalledWith(moved);
    // Not opened as an edit's report.
    expect(store.run.stage).toBe('setup');
  });

  it('marks a move its undo took back as undone, each linked to the other', async () => {
    const moved = movedOne({ appliedAt: '2026-03-02T09:20:00Z', undoLinks: undoLinks({ undoneBy: 'm2', whollyUndone: true }) });
    const back = movedOne({
      id: 'm2',
      kind: { kind: 'move', items: 1, undo_of: 'm1' },
      created: '2026-03-02T10:00:00Z',
      appliedAt: '2026-03-02T10:00:05Z',
      undoLinks: undoLinks({ undoAction: 'redo' }),
    });
    await renderPage([back, moved]);
    const [undoCard, moveCard] = await screen.findAllByTestId('run-item');
    // The move says it was undone, and by which run; the undo says what it undid (as an
    // edit and its undo do), not a second, unrelated move.
    expect(moveCard).toHaveAttribute('data-undone', 'yes');
    expect(within(moveCard!).getByTestId('run-undone-by')).toHaveTextContent(/Undone on/);
    expect(within(undoCard!).getByTestId('run-undoes')).toHaveTextContent(/Undoes/);
    expect(undoCard).not.toHaveAttribute('data-undone');
  });

  it('never shows runs worded in the language the window had before a switch', async () => {
    const i18n = new I18n('en');
    const store = new BulkStore(() => [connection()], i18n);
    // Loaded at start-up, in English.
    vi.mocked(listRuns).mockResolvedValueOnce([runSummary({ id: 'r1', status: 'stopped', reason: 'The token has expired.' })]);
    await store.history.load();
    i18n.lang = 'fr';
    let answer: (runs: RunSummary[]) => void = () => {};
    vi.mocked(listRuns).mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    render(ActivityPage, { props: { store, onShowRun: vi.fn() }, context: i18nContext(i18n) });
    expect(screen.queryByText(/The token has expired/)).not.toBeInTheDocument();
    expect(screen.queryByTestId('empty-activity')).not.toBeInTheDocument();
    answer([runSummary({ id: 'r1', status: 'stopped', reason: 'Le jeton a expiré.' })]);
    await waitFor(() => expect(screen.getByText(/Le jeton a expiré/)).toBeInTheDocument());
  });

  it('says there are no runs yet', async () => {
    await renderPage([]);
    expect(screen.getByTestId('empty-activity')).toHaveTextContent('No runs yet');
    expect(screen.queryByTestId('run-list')).not.toBeInTheDocument();
  });

  it('lists every run with its facts and status in words', async () => {
    await renderPage([
      runSummary({
        id: 'r2',
        status: 'completed',
        recursive: true,
        counts: counts({ changed: 28, failed: 2 }),
        durationSecs: 125,
        edits: ['dc:rights: set "© 2026 WKND"', 'dc:subject: append "summer"'],
        editDetails: [
          { property: 'dc:rights', op: { kind: 'set', values: ['© 2026 WKND'] } },
          { property: 'dc:subject', op: { kind: 'append', values: ['summer'] } },
        ],
      }),
      runSummary({
        id: 'r1',
        status: 'stopped',
        reason: 'The development token has expired.',
        kind: { kind: 'undo', of: 'r2' },
        counts: counts({ pending: 30 }),
      }),
    ]);
    const [first, second] = screen.getAllByTestId('run-item') as [HTMLElement, HTMLElement];
    expect(first).toHaveAttribute('data-run-id', 'r2');
    expect(first).toHaveAttribute('data-status', 'completed');
    expect(first).toHaveTextContent('Completed');
    expect(first).toHaveTextContent('p12345 · e67890');
    expect(first).toHaveTextContent('/content/dam/wknd-shared/en and subfolders');
    expect(first).toHaveTextContent('Keywords (dc:subject): add “summer”');
    expect(within(first).getByTestId('run-counts')).toHaveTextContent('28 changed · 2 failed');
    expect(first).toHaveTextContent('took 2 min 5 s');
    expect(within(first).getByTestId('open-report')).toBeInTheDocument();
    expect(within(first).getByTestId('undo-run')).toBeInTheDocument();
    expect(within(first).queryByTestId('resume-run')).not.toBeInTheDocument();

    expect(second).toHaveTextContent('Stopped');
    // What it undoes in words (the run it undoes is in the list), never a run id.
    expect(within(second).getByTestId('run-name')).toHaveTextContent(`Undo of the bulk edit of ${new I18n('en').dateTime('2026-03-02T09:15:00Z')}`);
    // The title says it once: the facts do not repeat the run's name, nor the connection.
    expect(within(second).queryByTestId('run-kind')).not.toBeInTheDocument();
    expect(within(first).getByTestId('run-name')).not.toHaveTextContent('p12345');
    expect(second).not.toHaveTextContent('r2');
    expect(within(second).getByTestId('run-reason')).toHaveTextContent('The development token has expired.');
    expect(within(second).queryByTestId('resume-run')).not.toBeInTheDocument();
    expect(within(second).queryByTestId('undo-run')).not.toBeInTheDocument();
  });

  it('counts an upload as uploaded and its undo as deleted, and marks a run undone as such', async () => {
    await renderPage([
      // An upload's undo says its rows are deleted, as the core's summary of it does.
      runSummary({ id: 'u2', status: 'completed', kind: { kind: 'undo', of: 'u1' }, doneWords: 'count-deleted', counts: counts({ changed: 3 }), appliedAt: '2026-03-02T10:00:00Z' }),
      runSummary({
        id: 'u1',
        status: 'completed',
        kind: { kind: 'upload', folder: '/content/dam/up', files: 3 },
        doneWords: 'count-uploaded',
        counts: counts({ changed: 3 }),
        undoLinks: undoLinks({ undoneBy: 'u2', whollyUndone: true, lastUndo: 'u2' }),
      }),
      runSummary({ id: 'e1', status: 'completed', counts: counts({ changed: 4, skipped: 2 }) }),
    ]);
    const [undo, upload, edit] = screen.getAllByTestId('run-item') as [HTMLElement, HTMLElement, HTMLElement];
    expect(within(upload).getByTestId('run-counts')).toHaveTextContent('3 uploaded');
    expect(within(upload).getByTestId('run-counts')).not.toHaveTextContent('changed');
    expect(within(undo).getByTestId('run-counts')).toHaveTextContent('3 deleted');
    // Undone: said on the card, in grey (left alone), beside its status.
    expect(upload).toHaveAttribute('data-undone', 'yes');
    expect(within(upload).getByTestId('run-undone')).toHaveTextContent('Undone');
    expect(edit).not.toHaveAttribute('data-undone');
    // Assets rightly left alone are not "skipped".
    expect(within(edit).getByTestId('run-counts')).toHaveTextContent('4 changed · 2 left alone');
  });

  it('says once when a run fell back to per-asset writes, and nothing for the others', async () => {
    const notice = 'Each asset was written on its own: this AEM does not take several assets in one request (it answered 405).';
    await renderPage([runSummary({ id: 'r2', writeNotice: notice }), runSummary({ id: 'r1' })]);
    const [fellBack, batched] = screen.getAllByTestId('run-item') as [HTMLElement, HTMLElement];
    expect(within(fellBack).getByTestId('run-write-notice')).toHaveTextContent(notice);
    expect(within(fellBack).getAllByText('Writes')).toHaveLength(1);
    // A note on how AEM was written, not a fact of the run: under a closed "Technical details".
    const technical = within(fellBack).getByTestId('run-technical');
    expect(technical).toContainElement(within(fellBack).getByTestId('run-write-notice'));
    expect(technical).not.toHaveAttribute('open');
    expect(within(technical).getByText('Technical details')).toBeInTheDocument();
    expect(within(batched).queryByTestId('run-technical')).not.toBeInTheDocument();
    expect(within(batched).queryByTestId('run-write-notice')).not.toBeInTheDocument();
  });

  it('says what AEM’s search index did not hold, and nothing for runs it held whole', async () => {
    const notice = '3 assets are not in AEM’s search index yet (added in the last minutes); Metadesk read them one by one.';
    await renderPage([runSummary({ id: 'r2', unindexed: 3, indexNotice: notice }), runSummary({ id: 'r1' })]);
    const [lagging, whole] = screen.getAllByTestId('run-item') as [HTMLElement, HTMLElement];
    expect(within(lagging).getByTestId('run-index-notice')).toHaveTextContent(notice);
    expect(within(lagging).getAllByText('Search index')).toHaveLength(1);
    expect(within(whole).queryByTestId('run-index-notice')).not.toBeInTheDocument();
  });

  it('says which search found a run’s assets, and nothing for runs that did not record it', async () => {
    await renderPage([
      runSummary({ id: 'r3', foundBy: { kind: 'openapi_search' } }),
      runSummary({ id: 'r2', foundBy: { kind: 'query_builder', connection: 'WKND service' } }),
      runSummary({ id: 'r1' }),
    ]);
    const [open, paired, old] = screen.getAllByTestId('run-item') as [HTMLElement, HTMLElement, HTMLElement];
    expect(within(open).getByTestId('run-found-by')).toHaveTextContent('A search in AEM, with this connection');
    expect(within(paired).getByTestId('run-found-by')).toHaveTextContent('A search in AEM, through “WKND service”');
    expect(within(old).queryByTestId('run-found-by')).not.toBeInTheDocument();
  });

  it('marks the runs of a production connection', async () => {
    await renderPage(
      [runSummary({ id: 'p1', connectionId: 'c2', connection: 'Prod', status: 'completed' }), runSummary({ id: 't1', status: 'completed' })],
      [connection(), connection({ id: 'c2', name: 'Prod', production: true })],
    );
    const [prod, test] = screen.getAllByTestId('run-item') as [HTMLElement, HTMLElement];
    expect(within(prod).getByText('Production')).toBeInTheDocument();
    expect(within(test).queryByText('Production')).not.toBeInTheDocument();
  });

  it('opens a run’s report on the Bulk edit page', async () => {
    const user = userEvent.setup();
    vi.mocked(reportRows).mockResolvedValue({ rows: [], total: 0, failures: [] });
    const run = runSummary({ id: 'r2', status: 'completed', counts: counts({ changed: 30 }) });
    const { store, onShowRun } = await renderPage([run]);
    await user.click(screen.getByTestId('open-report'));
    expect(onShowRun).toHaveBeenCalled();
    expect(store.run.stage).toBe('report');
    expect(store.run.summary?.id).toBe('r2');
    expect(reportRows).toHaveBeenCalledWith('r2', null, 0, 100);
  });

  it('opens a previewed run’s preview', async () => {
    const user = userEvent.setup();
    vi.mocked(previewRows).mockResolvedValue({ rows: [], total: 0 });
    const run = runSummary({ id: 'p1', status: 'previewed', counts: counts({ pending: 30 }) });
    const { store } = await renderPage([run]);
    await user.click(screen.getByRole('button', { name: 'Open preview' }));
    expect(store.run.stage).toBe('preview');
    expect(previewRows).toHaveBeenCalledWith('p1', 'change', 0, 100);
  });

  // Apply is on the preview's page: what it asks first is the run model's.
  it('asks before applying an old preview, saying its age, and applies only once told to', async () => {
    vi.mocked(applyRun).mockReturnValue(new Promise(() => {}));
    const previewedAt = new Date(Date.now() - 2 * 3600_000).toISOString();
    const freshUntil = new Date(Date.now() - 2 * 3600_000 + 15 * 60_000).toISOString();
    const run = runSummary({ id: 'p1', status: 'previewed', counts: counts({ pending: 36 }), previewedAt, previewFreshUntil: freshUntil });
    const { store } = await renderPage([run]);
    await store.run.requestApply(run);
    expect(applyRun).not.toHaveBeenCalled();
    expect(store.run.oldPreview?.id).toBe('p1');
    store.run.cancelOldPreview();
    expect(applyRun).not.toHaveBeenCalled();
    await store.run.requestApply(run);
    void store.run.applyOldPreview();
    await waitFor(() => expect(applyRun).toHaveBeenCalledWith({ runId: 'p1', confirmName: null, emptyRequired: false, republish: false }, expect.any(Function)));
  });

  it('opens the preview of a run that empties required fields instead of applying it', async () => {
    vi.mocked(previewRows).mockResolvedValue({ rows: [], total: 0 });
    const run = runSummary({ id: 'p1', status: 'previewed', counts: counts({ pending: 3 }), emptiedRequired: [{ property: 'dc:title', label: 'Title', assets: 3 }] });
    const { store } = await renderPage([run]);
    await store.run.requestApply(run);
    expect(applyRun).not.toHaveBeenCalled();
    expect(store.run.stage).toBe('preview');
    expect(store.run.summary?.id).toBe('p1');
  });

  it('asks for the production confirmation before resuming on production', async () => {
    const run = runSummary({ id: 's1', status: 'stopped', counts: counts({ pending: 30 }) });
    const { store } = await renderPage([run], [connection({ production: true })]);
    await store.run.requestApply(run);
    expect(applyRun).not.toHaveBeenCalled();
    expect(store.run.confirming?.id).toBe('s1');
  });

  it('plans an undo from the list', async () => {
    const user = userEvent.setup();
    vi.mocked(reportRows).mockResolvedValue({ rows: [], total: 0, failures: [] });
    vi.mocked(previewUndo).mockReturnValue(new Promise(() => {}));
    const run = runSummary({ id: 'r2', status: 'completed', counts: counts({ changed: 30 }) });
    const { store } = await renderPage([run]);
    await user.click(screen.getByTestId('undo-run'));
    expect(previewUndo).toHaveBeenCalledWith('r2', expect.any(Function));
    expect(store.run.job).toBe('preview');
  });

  it('disables other runs’ actions while a run is being applied, and shows its progress', async () => {
    const user = userEvent.setup();
    vi.mocked(applyRun).mockReturnValue(new Promise(() => {}));
    const running = runSummary({ id: 'a1', status: 'interrupted', counts: counts({ pending: 30 }) });
    const other = runSummary({ id: 'b1', status: 'completed', counts: counts({ changed: 3 }) });
    const { store, onShowRun } = await renderPage([running, other]);
    void store.run.apply(running, null);
    await waitFor(() => expect(screen.getByTestId('runs-busy')).toBeInTheDocument());
    const [first, second] = screen.getAllByTestId('run-item') as [HTMLElement, HTMLElement];
    expect(first).toHaveAttribute('data-status', 'running');
    await user.click(within(first).getByTestId('show-progress'));
    expect(onShowRun).toHaveBeenCalled();
    expect(within(second).getByTestId('open-report')).toBeDisabled();
    expect(within(second).getByTestId('undo-run')).toBeDisabled();
  });
});

describe('each run named by what it did and on which connection', () => {
  const made = (i18n: I18n, at: string) => i18n.dateTime(at);
  const at = (minute: number) => `2026-03-02T09:${String(minute).padStart(2, '0')}:00Z`;
  const done = (o: Partial<RunSummary>) => runSummary({ status: 'completed', counts: counts({ changed: 6 }), ...o });
  const merge = { state: 'done', leftAlone: 0, command: 'merge', tag: 'wknd:activity/surf', target: 'wknd:activity/surfing', activate: false } as const;
  // Newest first, as the core lists them.
  const runs = [
    done({ id: 't2', created: at(50), kind: { kind: 'undo', of: 't1' } }),
    done({ id: 't1', created: at(45), tagStep: merge, editDetails: [{ property: 'cq:tags', op: { kind: 'retag', from: 'wknd:activity/surf', to: 'wknd:activity/surfing' } }] }),
    done({ id: 'u2', created: at(40), kind: { kind: 'publish', replication: 'publish', agent: 'publish', from: { kind: 'undo', of: 'u1' } } }),
    done({ id: 'u1', created: at(35), kind: { kind: 'publish', replication: 'unpublish', agent: 'publish' } }),
    done({ id: 'p3', created: at(30), kind: { kind: 'publish', replication: 'publish', agent: 'publish', from: { kind: 'republish', of: 'e2' } } }),
    done({ id: 'e2', created: at(25), kind: { kind: 'undo', of: 'e1' } }),
    done({ id: 'p2', created: at(20), kind: { kind: 'publish', replication: 'publish', agent: 'publish', from: { kind: 'republish', of: 'e1' } } }),
    done({ id: 'p1', created: at(18), kind: { kind: 'publish', replication: 'unpublish', agent: 'publish', from: { kind: 'undo', of: 'p2' } } }),
    done({ id: 'e1', created: at(15), connection: 'WKND Prod' }),
  ];

  async function names(i18n: I18n): Promise<Record<string, string>> {
    vi.mocked(listRuns).mockResolvedValue(runs);
    const store = new BulkStore(() => [connection()], i18n);
    render(ActivityPage, { props: { store, onShowRun: vi.fn() }, context: i18nContext(i18n) });
    await waitFor(() => expect(screen.getAllByTestId('run-item')).toHaveLength(runs.length));
    const out: Record<string, string> = {};
    for (const card of screen.getAllByTestId('run-item')) out[card.dataset.runId!] = within(card).getByTestId('run-name').textContent!.replace(/\s+/g, ' ').trim();
    return out;
  }

  it('in English: an undo says which publication it undoes, a republish what it republished, a tag run its tag', async () => {
    const en = new I18n('en');
    const got = await names(en);
    expect(got).toEqual({
      t2: `Undo of the merge of the tag wknd:activity/surf into wknd:activity/surfing of ${made(en, at(45))}: 30 assets in /content/dam/wknd-shared/en`,
      t1: 'Merge of the tag wknd:activity/surf into wknd:activity/surfing: 30 assets in /content/dam/wknd-shared/en',
      u2: `Undo of the unpublish of ${made(en, at(35))}: 30 assets in /content/dam/wknd-shared/en`,
      u1: 'Unpublish from the website: 30 assets in /content/dam/wknd-shared/en',
      // Grammatical: what it republishes after, and when that was made.
      p3: `Republish after the undo of ${made(en, at(25))}: 30 assets in /content/dam/wknd-shared/en`,
      e2: `Undo of the bulk edit of ${made(en, at(15))}: 30 assets in /content/dam/wknd-shared/en`,
      p2: `Republish after the bulk edit of ${made(en, at(15))}: 30 assets in /content/dam/wknd-shared/en`,
      p1: `Undo of the republish of ${made(en, at(20))}: 30 assets in /content/dam/wknd-shared/en`,
      // What it did, on how many assets, where: the connection is a fact of the card, said once.
      e1: 'Bulk edit: 30 assets in /content/dam/wknd-shared/en',
    });
  });

  it('in French, with “Retour en arrière” for undo', async () => {
    const fr = new I18n('fr');
    const got = await names(fr);
    expect(got).toEqual({
      t2: `Retour en arrière sur la fusion de la balise wknd:activity/surf dans wknd:activity/surfing du ${made(fr, at(45))} : 30 ressources dans /content/dam/wknd-shared/en`,
      t1: 'Fusion de la balise wknd:activity/surf dans wknd:activity/surfing : 30 ressources dans /content/dam/wknd-shared/en',
      u2: `Retour en arrière sur la dépublication du ${made(fr, at(35))} : 30 ressources dans /content/dam/wknd-shared/en`,
      u1: 'Dépublication du site web : 30 ressources dans /content/dam/wknd-shared/en',
      p3: `Republication après le retour en arrière du ${made(fr, at(25))} : 30 ressources dans /content/dam/wknd-shared/en`,
      e2: `Retour en arrière sur la modification en masse du ${made(fr, at(15))} : 30 ressources dans /content/dam/wknd-shared/en`,
      p2: `Republication après la modification en masse du ${made(fr, at(15))} : 30 ressources dans /content/dam/wknd-shared/en`,
      p1: `Retour en arrière sur la republication du ${made(fr, at(20))} : 30 ressources dans /content/dam/wknd-shared/en`,
      e1: 'Modification en masse : 30 ressources dans /content/dam/wknd-shared/en',
    });
  });

  it('without the run it goes back to in the history, still says which publication an undo undoes', async () => {
    const en = new I18n('en');
    vi.mocked(listRuns).mockResolvedValue([runs[2]!]);
    render(ActivityPage, { props: { store: new BulkStore(() => [connection()], en), onShowRun: vi.fn() }, context: i18nContext(en) });
    await waitFor(() => expect(screen.getByTestId('run-name')).toHaveTextContent(/^Undo of the unpublish: 30 assets in/));
  });
});

describe('no write from the history list', () => {
  it('offers a previewed run’s preview, where Apply is, and a stopped run’s report, where Resume is', () => {
    expect(actionsFor(runSummary({ status: 'previewed', counts: counts({ pending: 30 }) }), false)).toEqual(['open-preview']);
    expect(actionsFor(runSummary({ status: 'stopped', counts: counts({ pending: 30 }) }), false)).toEqual(['open-report']);
    expect(actionsFor(runSummary({ status: 'interrupted', counts: counts({ changed: 5 }) }), false)).toEqual(['open-report', 'undo']);
  });

  it('shows no Apply or Resume button on any card; opening the preview writes nothing', async () => {
    const user = userEvent.setup();
    vi.mocked(listRuns).mockResolvedValue([
      runSummary({ id: 'p1', status: 'previewed', counts: counts({ pending: 30 }) }),
      runSummary({ id: 's1', status: 'stopped', counts: counts({ pending: 30 }) }),
    ]);
    vi.mocked(previewRows).mockResolvedValue({ rows: [], total: 0 });
    const store = new BulkStore(() => [connection()]);
    render(ActivityPage, { store, onShowRun: vi.fn() });
    await waitFor(() => expect(screen.getAllByTestId('run-item')).toHaveLength(2));
    expect(screen.queryByTestId('apply-run')).not.toBeInTheDocument();
    expect(screen.queryByTestId('resume-run')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^(Apply|Resume)/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Open preview' }));
    expect(store.run.stage).toBe('preview');
    expect(applyRun).not.toHaveBeenCalled();
  });
});
