// The Upload page: its model (what may be pressed when, a preview forgotten when its files
// change, the run applied after it is journaled, the undo), the preview's words, its empty
// state, buttons held while busy, and French; and Activity sending an upload's run here.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { applyRun, exportReportCsv, listFolder, listRuns, pauseRun, previewUndo, previewUpload, runSummary, startUpload, uploadReport } from '../../ipc/commands';
import type { FolderPage } from '../../ipc/bindings/FolderPage';
import type { RunSummary } from '../../ipc/bindings/RunSummary';
import type { UploadPreview } from '../../ipc/bindings/UploadPreview';
import type { UploadUndoRow } from '../../ipc/bindings/UploadUndoRow';
import { I18n, i18nContext, type Lang } from '../../lib/i18n/i18n.svelte';
import { connection, runSummary as aRun, undoLinks } from '../../test-fixtures';
import { actionsFor } from '../activity/runActions';
import ActivityPage from '../activity/ActivityPage.svelte';
import { BulkStore } from '../bulk/bulk.svelte';
import { ReportExport } from '../bulk/reportExport.svelte';
import { ConnectionsModel } from '../connections/connections.svelte';
import { UploadModel } from './upload.svelte';
import UploadPage from './UploadPage.svelte';
import { intentCounts, pagesUsing, sizeWords } from './uploadRows';

vi.mock('../../ipc/commands', () => ({
  applyRun: vi.fn(),
  cancelRun: vi.fn(() => Promise.resolve()),
  pauseRun: vi.fn(() => Promise.resolve()),
  resumeRun: vi.fn(() => Promise.resolve()),
  chooseSheetFile: vi.fn(),
  chooseUploadFiles: vi.fn(),
  completeFolderPath: vi.fn(() => Promise.resolve([])),
  listFolder: vi.fn(() => new Promise(() => {})),
  listRuns: vi.fn(() => Promise.resolve([])),
  previewRows: vi.fn(),
  previewUpload: vi.fn(),
  reportRows: vi.fn(),
  runSummary: vi.fn(),
  startUpload: vi.fn(),
  previewUndo: vi.fn(),
  uploadReport: vi.fn(),
  exportReportCsv: vi.fn(),
}));

afterEach(() => {
  vi.clearAllMocks();
});

const FOLDER = '/content/dam/campaign';

function preview(overrides: Partial<UploadPreview> = {}): UploadPreview {
  return {
    id: 'upload-preview-1',
    folder: FOLDER,
    folders: [`${FOLDER}/shoes`],
    files: [
      { aemPath: `${FOLDER}/shoes/red.jpg`, size: 2_400_000, intent: 'new', reason: null, metadata: { 'dc:title': ['Red shoe'] } },
      { aemPath: `${FOLDER}/logo.png`, size: 512, intent: 'same', reason: null, metadata: {} },
      { aemPath: `${FOLDER}/hero.jpg`, size: 1200, intent: 'replace', reason: null, metadata: {} },
    ],
    sheet: 'values.csv',
    sheetErrors: [],
    withoutRow: [`${FOLDER}/hero.jpg`],
    references: {
      runId: '',
      assets: [{ path: `${FOLDER}/hero.jpg`, pages: [{ path: '/content/site/home', title: 'Home', published: true }], publishedPages: 1 }],
      asked: 1,
      notAsked: 0,
      unpublishes: false,
      unknown: null,
      unknownAssets: [],
    },
    referencesUnknown: null,
    ...overrides,
  } as UploadPreview;
}

/** A model with files, a connection and a folder: ready to preview. */
function ready(): UploadModel {
  const model = new UploadModel();
  model.received({ id: 'upload-1', names: ['campaign'], folders: ['campaign'] });
  model.connectionId = 'c1';
  model.folder = FOLDER;
  return model;
}

function connectionsWith(list = [connection()]): ConnectionsModel {
  const connections = new ConnectionsModel();
  connections.connections = list;
  connections.loaded = true;
  return connections;
}

function show(model: UploadModel, lang: Lang = 'en', connections = connectionsWith()) {
  return render(UploadPage, { props: { model, connections, exporter: new ReportExport(), onGoToConnections: vi.fn() }, context: i18nContext(new I18n(lang)) });
}

describe('the upload model', () => {
  it('previews only with files, a connection and a folder, and sends their ids', async () => {
    const model = new UploadModel();
    expect(model.canPreview).toBe(false);
    model.connectionId = 'c1';
    model.folder = FOLDER;
    expect(model.canPreview).toBe(false);
    model.received({ id: 'upload-1', names: ['a.jpg'], folders: [] });
    model.sheetReceived({ id: 'sheet-3', fileName: 'values.csv' });
    expect(model.canPreview).toBe(true);
    vi.mocked(previewUpload).mockResolvedValue(preview());
    await model.makePreview();
    expect(previewUpload).toHaveBeenCalledWith({ connectionId: 'c1', inputs: ['upload-1'], folder: FOLDER, replace: false, sheetId: 'sheet-3' });
    expect(model.toSend).toBe(2);
  });

  it('forgets its preview when the files or the sheet change', () => {
    const model = ready();
    model.preview = preview();
    model.received({ id: 'upload-2', names: ['b.jpg'], folders: [] });
    expect(model.preview).toBeNull();
    model.preview = preview();
    model.removeSheet();
    expect(model.preview).toBeNull();
  });

  it('sends nothing while the sheet has problems', () => {
    const model = ready();
    model.preview = preview({ sheetErrors: ['Row 3: b.jpg is not among the files to upload.'] });
    expect(model.toSend).toBe(0);
    expect(model.canUpload).toBe(false);
  });

  it('journals the preview’s run, then applies it with progress, then undoes it', async () => {
    const model = ready();
    model.preview = preview();
    const started = aRun({ id: 'r7', status: 'previewed' });
    vi.mocked(startUpload).mockResolvedValue(started);
    vi.mocked(applyRun).mockImplementation(async (_request, onProgress) => {
      onProgress({ done: 1, total: 2 } as never);
      expect(model.busy).toBe(true);
      return aRun({ id: 'r7', status: 'completed', counts: { assets: 1, changed: 1, unchanged: 0, skipped: 0, failed: 0, pending: 0 } });
    });
    vi.mocked(uploadReport).mockResolvedValue([{ aemPath: `${FOLDER}/shoes/red.jpg`, size: 2_400_000, state: 'uploaded', overAnother: false }]);
    await model.upload();
    expect(uploadReport).toHaveBeenCalledWith('r7');
    expect(model.rows).toHaveLength(1);
    expect(startUpload).toHaveBeenCalledWith('c1', 'upload-preview-1');
    expect(applyRun).toHaveBeenCalledWith({ runId: 'r7', confirmName: null, emptyRequired: false, republish: false }, expect.any(Function));
    expect(model.progress?.done).toBe(1);
    expect(model.run?.status).toBe('completed');
    expect(model.canUndo).toBe(true);
    undoneAs([`${FOLDER}/shoes/red.jpg`]);
    await model.undo();
    expect(previewUndo).toHaveBeenCalledWith('r7', expect.any(Function));
    expect(applyRun).toHaveBeenLastCalledWith({ runId: 'u1', confirmName: null, emptyRequired: false, republish: false }, expect.any(Function));
    expect(model.undone?.deleted).toHaveLength(1);
    expect(model.canUndo).toBe(false);
  });

  it('keeps a failure to show and frees the buttons', async () => {
    const model = ready();
    vi.mocked(previewUpload).mockRejectedValue({ code: 'not_found', message: 'The folder /content/dam/campaign does not exist.' });
    await model.makePreview();
    expect(model.error?.message).toContain('does not exist');
    expect(model.busy).toBe(false);
  });
});

describe('the preview’s words', () => {
  it('counts the files each way, sizes them and finds the pages using a replaced asset', () => {
    const shown = preview();
    expect(intentCounts(shown)).toEqual({ new: 1, same: 1, new_version: 0, replace: 1, refused: 0 });
    expect(sizeWords(new I18n('en'), 2_400_000)).toBe('2.4\u00a0MB');
    // French says ko, Mo (issue 77), not kB, MB.
    expect(sizeWords(new I18n('fr'), 2_400_000)).toBe('2,4\u00a0Mo');
    expect(sizeWords(new I18n('fr'), 512_000)).toBe('512\u00a0ko');
    expect(sizeWords(new I18n('en'), 512_000)).toBe('512\u00a0kB');
    expect(pagesUsing(shown, shown.files[2]!)).toBe(1);
    expect(pagesUsing(shown, shown.files[0]!)).toBe(0);
  });
});

describe('the Upload page', () => {
  it('says what to do when no file is on hand, and holds Preview', () => {
    show(new UploadModel());
    expect(screen.getByTestId('upload-no-files').textContent).toContain('Drop files or a folder');
    expect((screen.getByTestId('upload-preview') as HTMLButtonElement).disabled).toBe(true);
  });

  it('asks for a connection first when there is none', () => {
    show(new UploadModel(), 'en', connectionsWith([]));
    expect(screen.getByTestId('empty-upload')).toBeTruthy();
  });

  it('lists each file with its size, what happens to it, its pages and its values', () => {
    const model = ready();
    model.preview = preview();
    show(model);
    const rows = screen.getAllByTestId('upload-row');
    expect(rows).toHaveLength(3);
    const red = rows.find((r) => r.dataset.path === `${FOLDER}/shoes/red.jpg`)!;
    expect(red.textContent).toContain('2.4\u00a0MB');
    expect(red.textContent).toContain('New');
    // A property by its title, the folder made first by its path (issue 77).
    expect(red.textContent).toContain('Title: Red shoe');
    expect(red.textContent).not.toContain('dc:title');
    expect(screen.getByTestId('upload-folders').textContent?.trim()).toBe(`The folder ${FOLDER}/shoes is made first.`);
    const hero = rows.find((r) => r.dataset.path === `${FOLDER}/hero.jpg`)!;
    expect(hero.textContent).toContain('replaced by this one');
    expect(hero.textContent).toContain('Used on 1 page');
    expect(screen.getByTestId('upload-without-row').textContent).toContain('One file has no row');
    expect(screen.getByTestId('upload-send').textContent?.trim()).toBe('Upload 2 files');
  });

  it('says what happens to each file with the shared pill, coloured by what it means, and its legend (issue 77)', () => {
    const model = ready();
    const shown = preview();
    model.preview = { ...shown, files: [...shown.files, { aemPath: `${FOLDER}/bad.exe`, size: 1, intent: 'refused', reason: 'Not a file AEM takes.', metadata: {} }] };
    show(model);
    const pills = screen.getAllByTestId('upload-intent');
    // New and a replacement: green; the same file already there: grey, left alone (never
    // amber); refused: red. Seen failing before: the column was words without a pill, no legend.
    expect(pills.map((p) => [p.textContent, p.dataset.meaning])).toEqual([
      ['New', 'done'],
      ['Left alone', 'left-alone'],
      ['Replacement', 'done'],
      ['Not sent', 'failed'],
    ]);
    expect(pills[1]).toHaveClass('pill-neutral');
    expect(screen.getAllByTestId('upload-intent-why').map((w) => w.textContent)).toEqual(['The same file is already there.', 'A different file is there: replaced by this one']);
    const legend = within(screen.getByTestId('upload-preview-card')).getByTestId('outcome-legend');
    // The replaced hero.jpg is used on a page: its amber line is named too.
    expect([...legend.querySelectorAll('li')].map((li) => li.dataset.meaning)).toEqual(['done', 'left-alone', 'attention', 'failed']);
  });

  it('asks for the name of a connection marked production before sending, and passes it on', async () => {
    const model = ready();
    model.preview = preview();
    vi.mocked(startUpload).mockResolvedValue(aRun({ id: 'r9', status: 'previewed' }));
    vi.mocked(applyRun).mockResolvedValue(aRun({ id: 'r9', status: 'completed' }));
    vi.mocked(uploadReport).mockResolvedValue([]);
    show(model, 'en', connectionsWith([connection({ id: 'c1', name: 'WKND Prod', production: true })]));
    await userEvent.click(screen.getByTestId('upload-send'));
    expect(startUpload).not.toHaveBeenCalled();
    expect(screen.getByRole('dialog').textContent).toContain('Uploading sends 2 files into WKND Prod, a connection marked production.');
    expect(screen.getByTestId('production-confirm-button')).toBeDisabled();
    await userEvent.type(screen.getByTestId('production-confirm-input'), 'WKND Prod');
    await userEvent.click(screen.getByTestId('production-confirm-button'));
    await vi.waitFor(() => expect(applyRun).toHaveBeenCalled());
    expect(applyRun).toHaveBeenCalledWith({ runId: 'r9', confirmName: 'WKND Prod', emptyRequired: false, republish: false }, expect.any(Function));
  });

  it('asks a French reader for a name Metadesk made in French, and sends what they typed (issue 77)', async () => {
    const model = ready();
    model.preview = preview();
    vi.mocked(startUpload).mockResolvedValue(aRun({ id: 'r9', status: 'previewed' }));
    vi.mocked(applyRun).mockResolvedValue(aRun({ id: 'r9', status: 'completed' }));
    vi.mocked(uploadReport).mockResolvedValue([]);
    const autoName = { program: '14726', environment: '686683', oauth: false, account: 'c9adf360' };
    show(model, 'fr', connectionsWith([connection({ id: 'c1', name: 'Program 14726 · environment 686683 (2)', production: true, autoName })]));
    // The picker and the question say it in French; the guard asks for the environment's words.
    await userEvent.click(screen.getByTestId('upload-send'));
    const dialog = screen.getByRole('dialog');
    expect(dialog.textContent).toContain('Programme 14726 · environnement 686683');
    expect(dialog.textContent).not.toContain('Program 14726 · environment');
    await userEvent.type(screen.getByTestId('production-confirm-input'), 'Programme 14726 environnement 686683');
    await userEvent.click(screen.getByTestId('production-confirm-button'));
    await vi.waitFor(() => expect(applyRun).toHaveBeenCalled());
    expect(applyRun).toHaveBeenCalledWith(expect.objectContaining({ confirmName: 'Programme 14726 environnement 686683' }), expect.any(Function));
  });

  it('holds every button while the preview is read', async () => {
    const model = ready();
    vi.mocked(previewUpload).mockReturnValue(new Promise(() => {}));
    show(model);
    await userEvent.click(screen.getByTestId('upload-preview'));
    await waitFor(() => expect(screen.getByTestId('upload-previewing')).toBeTruthy());
    for (const id of ['upload-preview', 'upload-choose-files', 'upload-choose-folder', 'upload-clear', 'upload-choose-sheet']) {
      expect((screen.getByTestId(id) as HTMLButtonElement).disabled, id).toBe(true);
    }
  });

  it('shows the sheet’s problems and sends nothing', () => {
    const model = ready();
    model.preview = preview({ sheetErrors: ['Row 3: b.jpg is not among the files to upload.'] });
    show(model);
    expect(screen.getByTestId('upload-sheet-errors').textContent).toContain('Row 3');
    expect((screen.getByTestId('upload-send') as HTMLButtonElement).disabled).toBe(true);
  });

  it('speaks French, with its typography', () => {
    const model = ready();
    model.preview = preview();
    show(model, 'fr');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Envoyer des fichiers');
    expect(screen.getByTestId('upload-summary').textContent).toContain(`pour ${FOLDER}\u00a0: 1 nouveaux`);
    expect(screen.getByTestId('upload-send').textContent?.trim()).toBe('Envoyer 2 fichiers');
    const hero = screen.getAllByTestId('upload-row').find((r) => r.dataset.path === `${FOLDER}/hero.jpg`)!;
    expect(hero.textContent).toContain('Un autre fichier est là\u00a0: remplacé par celui-ci');
  });

  it('shows the report of a run opened from Activity, and undoes it', async () => {
    const model = new UploadModel();
    const upload = { folder: FOLDER, planned: 2, uploaded: 2, failed: 0, changedSince: [], metadataLeftAlone: [`${FOLDER}/a.jpg`], same: 1, refused: 0 };
    vi.mocked(runSummary).mockResolvedValue(aRun({ id: 'r7', status: 'completed', kind: { kind: 'upload', folder: FOLDER, files: 2 }, op: { op: 'upload', ...upload }, counts: { assets: 2, changed: 2, unchanged: 0, skipped: 0, failed: 0, pending: 0 } }));
    vi.mocked(uploadReport).mockResolvedValue([
      { aemPath: `${FOLDER}/a.jpg`, size: 10, state: 'uploaded', overAnother: false },
      { aemPath: `${FOLDER}/hero.jpg`, size: 10, state: 'uploaded', overAnother: true },
    ]);
    await model.openRun('r7');
    undoneAs(['a'], [{ path: 'b', state: 'kept', reason: 'kept: someone changed it since the upload' }]);
    show(model);
    expect(screen.getByTestId('upload-report-counts').textContent).toContain('2 uploaded, 0 failed');
    const rows = screen.getAllByTestId('upload-report-row');
    expect(rows.map((r) => r.dataset.state)).toEqual(['uploaded', 'uploaded']);
    expect(rows[1]!.textContent).toContain('not given back by an undo');
    expect(screen.getByTestId('upload-metadata-left-alone').textContent).toContain(`Values not written: someone changed these after AEM processed them`);
    expect(screen.getByTestId('upload-metadata-left-alone').textContent).toContain(`${FOLDER}/a.jpg`);
    await userEvent.click(screen.getByTestId('upload-undo'));
    await waitFor(() => expect(screen.getByTestId('upload-undone').textContent).toContain('1 deleted, 0 already gone, 1 kept'));
    expect(screen.getByTestId('upload-kept').textContent).toBe('b: kept: someone changed it since the upload');
    expect(screen.queryByTestId('upload-undo')).toBeNull();
  });

  it('saves a finished upload’s report as CSV, a file a row, as every report does', async () => {
    const model = new UploadModel();
    const upload = { folder: FOLDER, planned: 1, uploaded: 1, failed: 0, changedSince: [], metadataLeftAlone: [], same: 0, refused: 0 };
    const summary = aRun({ id: 'r7', status: 'completed', kind: { kind: 'upload', folder: FOLDER, files: 1 }, op: { op: 'upload', ...upload } });
    vi.mocked(runSummary).mockResolvedValue(summary);
    vi.mocked(uploadReport).mockResolvedValue([{ aemPath: `${FOLDER}/a.jpg`, size: 10, state: 'uploaded', overAnother: false }]);
    await model.openRun('r7');
    show(model);
    vi.mocked(exportReportCsv).mockResolvedValueOnce('upload r7.csv');
    await userEvent.click(screen.getByTestId('export-csv'));
    expect(exportReportCsv).toHaveBeenCalledWith('r7', true);
    expect(await screen.findByTestId('export-result')).toHaveTextContent('Saved upload r7.csv');
  });

  it('offers no report to save before the upload was sent', async () => {
    const model = new UploadModel();
    vi.mocked(runSummary).mockResolvedValue(aRun({ id: 'r6', status: 'previewed', kind: { kind: 'upload', folder: FOLDER, files: 1 } }));
    vi.mocked(uploadReport).mockResolvedValue([]);
    await model.openRun('r6');
    show(model);
    expect(screen.queryByTestId('export-csv')).toBeNull();
  });

  it('asks for the name of a connection marked production before an undo deletes anything', async () => {
    const model = new UploadModel();
    const upload = { folder: FOLDER, planned: 2, uploaded: 2, failed: 0, changedSince: [], metadataLeftAlone: [], same: 0, refused: 0 };
    vi.mocked(runSummary).mockResolvedValue(aRun({ id: 'r7', status: 'completed', connectionId: 'c1', kind: { kind: 'upload', folder: FOLDER, files: 2 }, op: { op: 'upload', ...upload }, counts: { assets: 2, changed: 2, unchanged: 0, skipped: 0, failed: 0, pending: 0 } }));
    vi.mocked(uploadReport).mockResolvedValue([{ aemPath: `${FOLDER}/a.jpg`, size: 10, state: 'uploaded', overAnother: false }]);
    await model.openRun('r7');
    undoneAs(['a', 'b']);
    show(model, 'en', connectionsWith([connection({ id: 'c1', name: 'WKND Prod', production: true })]));
    await userEvent.click(screen.getByTestId('upload-undo'));
    expect(previewUndo).not.toHaveBeenCalled();
    expect(screen.getByRole('dialog').textContent).toContain('The undo deletes the 2 files this upload made in WKND Prod, a connection marked production');
    expect(screen.getByTestId('production-confirm-button')).toBeDisabled();
    await userEvent.type(screen.getByTestId('production-confirm-input'), 'WKND Prod');
    await userEvent.click(screen.getByTestId('production-confirm-button'));
    await vi.waitFor(() =>
      expect(applyRun).toHaveBeenCalledWith({ runId: 'u1', confirmName: 'WKND Prod', emptyRequired: false, republish: false }, expect.any(Function)),
    );
  });
});

const uploadKind = { kind: 'upload', folder: FOLDER, files: 2 } as const;

/** The core previews the undo of run r7 as run u1, then applies it: `deleted` deleted, and
 *  `others` as they say. */
function undoneAs(deleted: string[], others: UploadUndoRow[] = []): void {
  const rows: UploadUndoRow[] = [...deleted.map((path) => ({ path, state: 'deleted' as const, reason: null })), ...others];
  const counts = { planned: rows.length, done: deleted.length, leftAlone: 0, failed: 0, refused: 0, pending: 0, inDoubt: 0 };
  const undo = { id: 'u1', kind: { kind: 'undo', of: 'r7' } } as const;
  vi.mocked(previewUndo).mockResolvedValue(aRun({ ...undo, status: 'previewed' }));
  vi.mocked(applyRun).mockResolvedValue(aRun({ ...undo, status: 'completed', op: { op: 'upload_undo', upload: 'r7', counts, rows } }));
}

/** The undo run of upload `of`, ended as `overrides` say. */
function undoOf(of: string, overrides: Partial<RunSummary> = {}): RunSummary {
  return aRun({ id: `undo-${of}`, status: 'completed', kind: { kind: 'undo', of }, appliedAt: '2026-03-03T10:00:00Z', counts: { assets: 2, changed: 2, unchanged: 0, skipped: 0, failed: 0, pending: 0 }, ...overrides });
}

describe('an upload undone, stopped or at work', () => {
  it('offers no second undo once an undo run took back what it made, in both languages', async () => {
    const uploaded = aRun({ id: 'r7', status: 'completed', kind: uploadKind, counts: { assets: 2, changed: 2, unchanged: 0, skipped: 0, failed: 0, pending: 0 } });
    vi.mocked(runSummary).mockResolvedValue(uploaded);
    vi.mocked(uploadReport).mockResolvedValue([
      { aemPath: `${FOLDER}/a.jpg`, size: 10, state: 'uploaded', overAnother: false, undone: { status: 'changed', reason: null } },
      { aemPath: `${FOLDER}/b.jpg`, size: 10, state: 'uploaded', overAnother: false, undone: { status: 'skipped', reason: 'kept: someone changed it since the upload' } },
    ]);
    // As the core lists it: its undo took back every file it made.
    const listed = { ...uploaded, undoLinks: undoLinks({ undoneBy: 'undo-r7', whollyUndone: true, lastUndo: 'undo-r7' }) };
    vi.mocked(listRuns).mockResolvedValue([undoOf('r7'), listed]);
    const model = new UploadModel();
    await model.openRun('r7');
    expect(model.canUndo).toBe(false);
    expect(model.canResume).toBe(false);
    const { unmount } = show(model);
    expect(screen.queryByTestId('upload-undo')).toBeNull();
    expect(screen.getByTestId('upload-undone-on').textContent).toContain('Undone on');
    // The report shows the run's latest state: its title, and each file's outcome (issue 77).
    expect(screen.getByTestId('upload-report-title').textContent).toBe('Upload undone');
    const outcomes = screen.getAllByTestId('upload-outcome');
    expect(outcomes.map((o) => o.textContent)).toEqual(['Deleted', 'Kept: changed since']);
    expect(outcomes.map((o) => o.dataset.meaning)).toEqual(['done', 'left-alone']);
    expect(screen.queryByText('Uploaded')).toBeNull();
    expect(screen.getByTestId('upload-outcome-reason').textContent).toBe('kept: someone changed it since the upload');
    unmount();
    show(model, 'fr');
    expect(screen.getByTestId('upload-undone-on').textContent).toContain('Retour en arrière le');
    expect(screen.getByTestId('upload-report-title').textContent).toBe('Retour en arrière sur l’envoi');
  });

  it('keeps Undo when the undo refused some files, as Activity does', async () => {
    const uploaded = aRun({ id: 'r7', status: 'completed', kind: uploadKind, counts: { assets: 2, changed: 2, unchanged: 0, skipped: 0, failed: 0, pending: 0 } });
    vi.mocked(runSummary).mockResolvedValue(uploaded);
    vi.mocked(uploadReport).mockResolvedValue([]);
    // As the core lists it: undone by a run that left a file, so it keeps its Undo.
    const listed = { ...uploaded, undoLinks: undoLinks({ undoneBy: 'undo-r7', undoAction: 'undo', lastUndo: 'undo-r7' }) };
    vi.mocked(listRuns).mockResolvedValue([undoOf('r7', { counts: { assets: 2, changed: 1, unchanged: 0, skipped: 0, failed: 1, pending: 0 } }), listed]);
    const model = new UploadModel();
    await model.openRun('r7');
    expect(model.canUndo).toBe(true);
  });

  it('resumes a stopped upload with progress, and not one undone', async () => {
    // The core says a stopped upload with a file refused is resumable (a resume checks it again).
    const stopped = aRun({ id: 'r8', status: 'stopped', kind: uploadKind, counts: { assets: 2, changed: 1, unchanged: 0, skipped: 0, failed: 1, pending: 0 }, resumable: true });
    const completed = { ...stopped, status: 'completed' as const, resumable: false };
    vi.mocked(runSummary).mockResolvedValue(stopped);
    vi.mocked(uploadReport).mockResolvedValue([]);
    vi.mocked(listRuns).mockResolvedValue([stopped]);
    const model = new UploadModel();
    await model.openRun('r8');
    show(model);
    vi.mocked(applyRun).mockImplementation(async (_request, onProgress) => {
      onProgress({ done: 1, total: 1, changed: 1, unchanged: 0, skipped: 0, failed: 0, throttled: 0, rate: 1, etaSecs: 0, paused: false } as never);
      return completed;
    });
    vi.mocked(listRuns).mockResolvedValue([completed]);
    await userEvent.click(screen.getByTestId('upload-resume'));
    await waitFor(() => expect(model.run?.status).toBe('completed'));
    expect(applyRun).toHaveBeenCalledWith({ runId: 'r8', confirmName: null, emptyRequired: false, republish: false }, expect.any(Function));
    expect(screen.queryByTestId('upload-resume')).toBeNull();

    vi.mocked(listRuns).mockResolvedValue([undoOf('r8'), stopped]);
    await model.openRun('r8');
    expect(model.canResume).toBe(false);
  });

  it('offers no Resume to an upload stopped with nothing left, as the core says', async () => {
    const ended = aRun({ id: 'r10', status: 'stopped', kind: uploadKind, counts: { assets: 2, changed: 2, unchanged: 0, skipped: 0, failed: 0, pending: 0 }, resumable: false });
    vi.mocked(runSummary).mockResolvedValue(ended);
    vi.mocked(uploadReport).mockResolvedValue([]);
    vi.mocked(listRuns).mockResolvedValue([ended]);
    const model = new UploadModel();
    await model.openRun('r10');
    show(model);
    expect(model.canResume).toBe(false);
    expect(screen.queryByTestId('upload-resume')).toBeNull();
  });

  it('pauses the upload at work', async () => {
    const model = ready();
    vi.mocked(previewUpload).mockResolvedValue(preview());
    await model.makePreview();
    vi.mocked(startUpload).mockResolvedValue(aRun({ id: 'r9', status: 'previewed', kind: uploadKind }));
    let finish: (run: RunSummary) => void = () => {};
    vi.mocked(applyRun).mockImplementation(async (_request, onProgress) => {
      onProgress({ done: 0, total: 2, changed: 0, unchanged: 0, skipped: 0, failed: 0, throttled: 0, rate: 0, etaSecs: null, paused: false } as never);
      return new Promise((resolve) => (finish = resolve));
    });
    vi.mocked(uploadReport).mockResolvedValue([]);
    show(model);
    const sending = model.upload();
    await waitFor(() => expect(screen.getByTestId('pause-button')).toBeTruthy());
    await userEvent.click(screen.getByTestId('pause-button'));
    expect(pauseRun).toHaveBeenCalled();
    await waitFor(() => expect(screen.getByTestId('resume-button')).toBeTruthy());
    finish(aRun({ id: 'r9', status: 'cancelled', kind: uploadKind }));
    await sending;
    expect(model.paused).toBe(false);
  });

  it('picks the target folder in the tree, the path input kept for typing', async () => {
    vi.mocked(listFolder).mockImplementation((_c, folder) =>
      Promise.resolve({ folder, folders: folder === '/content/dam' ? [{ path: FOLDER, name: 'campaign' }] : [], assets: 0, total: 1, nextOffset: null } as unknown as FolderPage),
    );
    const model = ready();
    model.folder = '';
    show(model);
    const item = await screen.findByText('campaign');
    await userEvent.click(item);
    expect(model.folder).toBe(FOLDER);
    expect((screen.getByLabelText('Or type its path') as HTMLInputElement).value).toBe(FOLDER);
    vi.mocked(listFolder).mockImplementation(() => new Promise(() => {}));
  });
});

describe('an upload in Activity', () => {
  const uploaded = aRun({ id: 'r7', status: 'completed', kind: { kind: 'upload', folder: FOLDER, files: 2 } });

  it('is opened on the Upload page, where its undo is', async () => {
    expect(actionsFor(uploaded, false)).toEqual(['open-upload']);
    vi.mocked(listRuns).mockResolvedValue([uploaded]);
    const onOpenOnItsPage = vi.fn();
    render(ActivityPage, { props: { store: new BulkStore(() => [connection()]), onShowRun: vi.fn(), onOpenOnItsPage }, context: i18nContext(new I18n('en')) });
    await waitFor(() => expect(screen.getByTestId('open-upload')).toBeTruthy());
    await userEvent.click(screen.getByTestId('open-upload'));
    expect(onOpenOnItsPage).toHaveBeenCalledWith(uploaded);
  });

  it('opens the upload its undo undid, with no redo', async () => {
    // The core says where an upload's undo is shown: with its upload.
    const undo = undoOf('r7', { opens: { page: 'upload', run: 'r7' } });
    const undone = { ...uploaded, undoLinks: undoLinks({ undoneBy: 'undo-r7', whollyUndone: true, lastUndo: 'undo-r7' }) };
    expect(actionsFor(undo, false, [undo, undone])).toEqual(['open-upload']);
    vi.mocked(listRuns).mockResolvedValue([undo, undone]);
    const onOpenOnItsPage = vi.fn();
    render(ActivityPage, { props: { store: new BulkStore(() => [connection()]), onShowRun: vi.fn(), onOpenOnItsPage }, context: i18nContext(new I18n('en')) });
    await waitFor(() => expect(screen.getAllByTestId('open-upload')).toHaveLength(2));
    expect(screen.queryByTestId('redo-run')).toBeNull();
    expect(screen.getByTestId('run-undone-by')).toBeTruthy();
    await userEvent.click(screen.getAllByTestId('open-upload')[0]!);
    // Its undo's card opens it where the core says: on the upload's page.
    expect(onOpenOnItsPage).toHaveBeenCalledWith(undo);
    expect(undo.opens).toEqual({ page: 'upload', run: 'r7' });
  });
});
