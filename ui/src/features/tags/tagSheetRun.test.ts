// A tag import is a run: opened again from Activity on the Tags page (on the connection it was
// made with, shown as applied), resumed there when it stopped (behind the production guard),
// and undone there.
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { TagImportApplied } from '../../ipc/bindings/TagImportApplied';
import type { TagImportRun } from '../../ipc/bindings/TagImportRun';
import { applyTaxonomyRun, openTagImportRun, undoTagImport } from '../../ipc/commands';
import { connection } from '../../test-fixtures';
import { TagSheetModel } from './tagSheet.svelte';

vi.mock('../../ipc/commands', () => ({
  applyTaxonomyRun: vi.fn(),
  openTagImportRun: vi.fn(),
  undoTagImport: vi.fn(),
}));

afterEach(() => {
  vi.clearAllMocks();
});

const STOPPED_APPLIED: TagImportApplied = { id: 'r9', created: 1, changed: 0, changedSince: [], stopped: 'AEM did not take the change of wknd:season/summer.', resumable: true };
const STOPPED: TagImportRun = {
  connectionId: 'c2',
  preview: {
    fileName: 'tags.csv',
    rows: 2,
    created: [{ row: 3, id: 'wknd:season/autumn', title: 'Autumn', titles: {}, description: null }],
    changed: [{ row: 2, id: 'wknd:season/summer', property: 'jcr:title', before: 'Summer', after: 'High summer' }],
    runId: 'r9',
  },
  applied: STOPPED_APPLIED,
  rename: null,
  undone: null,
};
const FINISHED: TagImportRun = { ...STOPPED, applied: { ...STOPPED_APPLIED, changed: 1, stopped: null, resumable: false } };

describe('an import opened from Activity', () => {
  it('shows the run as applied, on the connection it was made with', async () => {
    const m = new TagSheetModel();
    m.use(connection());
    vi.mocked(openTagImportRun).mockResolvedValueOnce(STOPPED);
    await m.openRun('r9', [connection(), connection({ id: 'c2', name: 'Prod' })]);
    expect(openTagImportRun).toHaveBeenCalledWith('r9');
    expect(m.connectionId).toBe('c2');
    expect(m.preview?.fileName).toBe('tags.csv');
    expect(m.applied?.stopped).toContain('summer');
    expect(m.busy).toBe(false);
  });

  it('shows a previewed import as its preview to apply, and applies that run by its id', async () => {
    const m = new TagSheetModel();
    vi.mocked(openTagImportRun).mockResolvedValueOnce({ ...STOPPED, applied: null });
    await m.openRun('r9', [connection({ id: 'c2' })]);
    expect(m.applied).toBeNull();
    expect(m.changes).toBe(2);
    vi.mocked(applyTaxonomyRun).mockResolvedValueOnce(FINISHED.applied);
    await m.apply();
    expect(applyTaxonomyRun).toHaveBeenCalledWith('r9', null);
    expect(m.applied).toEqual(FINISHED.applied);
  });

  it('resumes a stopped import through its run, then shows what it wrote', async () => {
    const m = new TagSheetModel();
    vi.mocked(openTagImportRun).mockResolvedValueOnce(STOPPED);
    await m.openRun('r9', [connection({ id: 'c2' })]);
    vi.mocked(applyTaxonomyRun).mockResolvedValueOnce(FINISHED.applied);
    await m.resume();
    expect(applyTaxonomyRun).toHaveBeenCalledWith('r9', null);
    expect(m.applied).toEqual(FINISHED.applied);
    expect(m.failure).toBeNull();
  });

  it('asks for the production connection name before resuming', async () => {
    const m = new TagSheetModel();
    vi.mocked(openTagImportRun).mockResolvedValueOnce(STOPPED);
    await m.openRun('r9', [connection({ id: 'c2', name: 'Prod', production: true })]);
    await m.resume();
    expect(m.confirming).toBe('resume');
    expect(applyTaxonomyRun).not.toHaveBeenCalled();
    vi.mocked(applyTaxonomyRun).mockResolvedValueOnce(FINISHED.applied);
    await m.confirmed('Prod');
    expect(applyTaxonomyRun).toHaveBeenCalledWith('r9', 'Prod');
  });

  it('undoes the run by its id, and offers no resume for an import that finished', async () => {
    const m = new TagSheetModel();
    vi.mocked(openTagImportRun).mockResolvedValueOnce(FINISHED);
    await m.openRun('r9', [connection({ id: 'c2' })]);
    await m.resume();
    expect(applyTaxonomyRun).not.toHaveBeenCalled();
    vi.mocked(undoTagImport).mockResolvedValueOnce({ id: 'r9', restored: 1, removed: 1, kept: [] });
    await m.undo();
    expect(undoTagImport).toHaveBeenCalledWith('r9', null);
  });

  it('says why a run could not be opened', async () => {
    const m = new TagSheetModel();
    vi.mocked(openTagImportRun).mockRejectedValueOnce({ code: 'invalid_input', message: 'Run r1 is not a tag import.' });
    await m.openRun('r1', []);
    expect(m.failure?.message).toBe('Run r1 is not a tag import.');
    expect(m.applied).toBeNull();
  });
});
