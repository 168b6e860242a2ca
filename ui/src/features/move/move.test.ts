// The Move panel's model (issue 76): a preview shown with its refusals counted, Apply held while
// something is at work, the sheet sent by its id (never a path), Undo as a preview of the undo,
// and the rename rule's example and text.
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { applyRun, chooseSheetFile, exportReportCsv, previewMove, previewUndo } from '../../ipc/commands';
import type { MoveView } from '../../ipc/bindings/MoveView';
import type { RunSummary } from '../../ipc/bindings/RunSummary';
import type { ScopeRequest } from '../../ipc/bindings/ScopeRequest';
import { I18n, i18nContext } from '../../lib/i18n/i18n.svelte';
import { connection, runSummary as aRun, undoLinks } from '../../test-fixtures';
import { ReportExport } from '../bulk/reportExport.svelte';
import MovePanel from './MovePanel.svelte';
import { MoveModel } from './move.svelte';
import { noRename, renamedExample, ruleText } from './moveRule';
import { previewCounts, stateOutcome } from './moveRows';

vi.mock('../../ipc/commands', () => ({
  applyRun: vi.fn(),
  cancelRun: vi.fn(() => Promise.resolve()),
  pauseRun: vi.fn(() => Promise.resolve()),
  resumeRun: vi.fn(() => Promise.resolve()),
  chooseSheetFile: vi.fn(),
  previewMove: vi.fn(),
  previewUndo: vi.fn(),
  exportReportCsv: vi.fn(),
  completeFolderPath: vi.fn(() => Promise.resolve([])),
}));

afterEach(() => {
  vi.clearAllMocks();
});

const SCOPE: ScopeRequest = {
  connectionId: 'c1',
  scope: { kind: 'folder', folder: '/content/dam/summer', recursive: true },
  name: null,
  formats: [],
};

function view(overrides: Partial<MoveView> = {}): MoveView {
  return {
    counts: { planned: 3, done: 0, leftAlone: 0, failed: 0, refused: 1, pending: 2, inDoubt: 0 },
    foldersMade: 1,
    republish: false,
    pages: 5,
    pagesLeft: 0,
    rows: [
      {
        from: '/content/dam/summer/IMG_1.jpg',
        to: '/content/dam/archive/img_1.jpg',
        folder: false,
        published: true,
        pages: [{ path: '/content/site/en/home', title: 'Home', published: true, adjust: true }],
        state: 'planned',
        reason: null,
      },
      { from: '/content/dam/summer/b.jpg', to: '/content/dam/archive/b.jpg', folder: false, published: false, pages: [], state: 'planned', reason: null },
      { from: '/content/dam/summer/c.jpg', to: '/content/dam/archive/b.jpg', folder: false, published: false, pages: [], state: 'refused', reason: 'Two assets would land on one path.' },
    ],
    ...overrides,
  };
}

function moveRun(overrides: Partial<RunSummary> = {}, v: MoveView = view()): RunSummary {
  return aRun({
    id: 'run-move-1',
    status: 'previewed',
    kind: { kind: 'move', items: 3, to: '/content/dam/archive' },
    op: { op: 'move', ...v },
    ...overrides,
  });
}

function opened(): MoveModel {
  const model = new MoveModel();
  model.openFor(SCOPE);
  model.to = '/content/dam/archive';
  return model;
}

describe('MoveModel', () => {
  it('shows a preview with its refusals counted, and asks the core with the rule and scope', async () => {
    vi.mocked(previewMove).mockResolvedValue(moveRun());
    const model = opened();
    model.flatten = true;
    model.rename = { ...noRename(), lowercase: true };
    expect(model.canPreview).toBe(true);
    await model.makePreview();
    expect(previewMove).toHaveBeenCalledWith({
      from: { kind: 'scope', scope: SCOPE, to: '/content/dam/archive' },
      flatten: true,
      rename: 'lowercase',
      republish: false,
      keepPages: [],
    });
    expect(model.view?.rows).toHaveLength(3);
    expect(previewCounts(model.view as MoveView)).toEqual({ planned: 2, refused: 1, pages: 5 });
    expect(model.toMove).toBe(2);
    expect(model.canApply).toBe(true);
    expect(stateOutcome('refused').meaning).toBe('failed');
  });

  it('holds Apply while something is at work, and applies the previewed run once', async () => {
    vi.mocked(previewMove).mockResolvedValue(moveRun());
    const model = opened();
    await model.makePreview();
    let finish: (run: RunSummary) => void = () => {};
    vi.mocked(applyRun).mockReturnValue(new Promise((resolve) => (finish = resolve)));
    const applying = model.apply();
    expect(model.busy).toBe(true);
    expect(model.canApply).toBe(false);
    expect(model.canPreview).toBe(false);
    await model.apply();
    expect(applyRun).toHaveBeenCalledTimes(1);
    finish(moveRun({ status: 'completed' }, view({ counts: { planned: 3, done: 2, leftAlone: 0, failed: 0, refused: 1, pending: 0, inDoubt: 0 } })));
    await applying;
    expect(model.busy).toBe(false);
    expect(model.canApply).toBe(false);
    expect(model.canUndo).toBe(true);
  });

  it('unticking a page previews the move again with that page left on the old path', async () => {
    vi.mocked(previewMove).mockResolvedValue(moveRun());
    const model = opened();
    await model.makePreview();
    await model.setPageFixed('/content/site/en/home', false);
    expect(previewMove).toHaveBeenLastCalledWith(expect.objectContaining({ keepPages: ['/content/site/en/home'] }));
    await model.setPageFixed('/content/site/en/home', true);
    expect(previewMove).toHaveBeenLastCalledWith(expect.objectContaining({ keepPages: [] }));
    expect(previewMove).toHaveBeenCalledTimes(3);
    // Once applied, the pages are what the run did: no tick changes them.
    model.run = moveRun({ status: 'completed' });
    await model.setPageFixed('/content/site/en/home', false);
    expect(previewMove).toHaveBeenCalledTimes(3);
  });

  it('offers Apply again to a move ended early only where the core says a resume has something to do', () => {
    const model = opened();
    model.run = moveRun({ status: 'stopped', resumable: true });
    expect(model.canApply).toBe(true);
    // Its rows still read as left to move, yet the core (which read its journal) says nothing
    // is: the window does not decide by the run's status.
    model.run = moveRun({ status: 'cancelled', resumable: false });
    expect(model.canApply).toBe(false);
  });

  it('offers no Undo for a move opened from Activity that an undo took back in full', () => {
    const model = new MoveModel();
    const moved = moveRun({ status: 'completed', counts: { assets: 3, changed: 2, unchanged: 0, skipped: 0, failed: 1, pending: 0 } }, view({ counts: { planned: 3, done: 2, leftAlone: 0, failed: 0, refused: 1, pending: 0, inDoubt: 0 } }));
    model.showRun(moved, [moved]);
    expect(model.canUndo).toBe(true);
    const undo = moveRun({
      id: 'run-undo',
      status: 'completed',
      kind: { kind: 'move', items: 2, undo_of: 'run-move-1' },
      goesBackTo: 'run-move-1',
      appliedAt: '2026-03-02T10:00:00Z',
      counts: { assets: 2, changed: 2, unchanged: 0, skipped: 0, failed: 0, pending: 0 },
    });
    // The history, as the core lists it, says the undo took it back in full.
    const listed = { ...moved, undoLinks: undoLinks({ undoneBy: 'run-undo', whollyUndone: true }) };
    model.showRun(moved, [undo, listed]);
    expect(model.canUndo).toBe(false);
  });

  it('undoes by previewing the undo of the run', async () => {
    const model = opened();
    model.run = moveRun({ status: 'completed' }, view({ counts: { planned: 3, done: 2, leftAlone: 0, failed: 0, refused: 1, pending: 0, inDoubt: 0 } }));
    vi.mocked(previewUndo).mockResolvedValue(moveRun({ id: 'run-undo', kind: { kind: 'move', items: 2, undo_of: 'run-move-1' } }));
    await model.undo();
    expect(previewUndo).toHaveBeenCalledWith('run-move-1', expect.any(Function));
    expect(model.run?.id).toBe('run-undo');
    expect(model.canUndo).toBe(false);
    expect(model.canApply).toBe(true);
  });

  it('sends a sheet of renames by the id the core holds it under', async () => {
    vi.mocked(chooseSheetFile).mockResolvedValue({ id: 'sheet-3', fileName: 'renames.xlsx' });
    vi.mocked(previewMove).mockResolvedValue(moveRun());
    const model = new MoveModel();
    await model.chooseSheet('c1');
    expect(model.open).toBe(true);
    expect(model.canPreview).toBe(true);
    await model.makePreview();
    expect(vi.mocked(previewMove).mock.calls[0]?.[0].from).toEqual({ kind: 'sheet', connectionId: 'c1', sheetId: 'sheet-3' });
  });

  it('keeps a failed preview to show, and Apply stays off', async () => {
    vi.mocked(previewMove).mockRejectedValue({ code: 'invalid_input', message: 'Nothing to move.' });
    const model = opened();
    await model.makePreview();
    expect(model.error?.message).toBe('Nothing to move.');
    expect(model.canApply).toBe(false);
  });
});

describe('the rename rule', () => {
  it('shows the example the issue gives, and the text the core takes', () => {
    const choice = { ...noRename(), lowercase: true, dashes: true, find: 'img_', replaceWith: 'summer-', number: true, numberStart: 1, numberDigits: 2 };
    expect(renamedExample('IMG_2231 Beach.JPG', choice)).toBe('summer-2231-beach-01.jpg');
    expect(renamedExample('IMG_2231 Beach.JPG', choice, 4)).toBe('summer-2231-beach-05.jpg');
    expect(ruleText(choice)).toBe('lowercase,dashes,replace:img_=summer-,number:1:2');
    const model = new MoveModel();
    model.rename = choice;
    expect(model.example).toBe('summer-2231-beach-01.jpg');
  });

  it('keeps commas, equals signs and end spaces typed in the fields (the core reads them back)', () => {
    const choice = { ...noRename(), find: 'Beach, Summer', replaceWith: 'a=b', prefix: 'Sun ' };
    expect(ruleText(choice)).toBe('replace:Beach\\, Summer=a\\=b,prefix:Sun\\ ');
  });

  it('keeps the names when nothing is asked, and says when a rule leaves no name', () => {
    expect(ruleText(noRename())).toBeNull();
    expect(renamedExample('IMG_1.jpg', noRename())).toBe('IMG_1.jpg');
    expect(renamedExample('IMG_1.jpg', { ...noRename(), find: 'IMG_1', replaceWith: '' })).toBe('');
    expect(renamedExample('a b.png', { ...noRename(), prefix: 'x-', suffix: '-y' })).toBe('x-a b-y.png');
  });
});

describe('the Move panel', () => {
  it('saves a finished move’s report as CSV, an asset a row, and offers none for a preview', async () => {
    const model = opened();
    vi.mocked(previewMove).mockResolvedValue(moveRun());
    await model.makePreview();
    render(MovePanel, { props: { model, connections: [connection()], exporter: new ReportExport() }, context: i18nContext(new I18n('en')) });
    expect(screen.queryByTestId('export-csv')).toBeNull();

    model.run = moveRun({ status: 'completed' }, view({ counts: { planned: 3, done: 2, leftAlone: 0, failed: 0, refused: 1, pending: 0, inDoubt: 0 } }));
    vi.mocked(exportReportCsv).mockResolvedValueOnce('moves.csv');
    await userEvent.click(await screen.findByTestId('export-csv'));
    expect(exportReportCsv).toHaveBeenCalledWith('run-move-1', true);
    expect(await screen.findByTestId('export-result')).toHaveTextContent('Saved moves.csv');
  });
});
