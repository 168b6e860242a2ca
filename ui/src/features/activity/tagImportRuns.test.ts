// A tag import's run in Activity: named by its sheet, and opened on the Tags page (where it is
// resumed and undone), never as an asset report.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { listRuns } from '../../ipc/commands';
import { connection, runSummary } from '../../test-fixtures';
import { BulkStore } from '../bulk/bulk.svelte';
import ActivityPage from './ActivityPage.svelte';
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

const counts = { assets: 3, changed: 1, unchanged: 0, skipped: 0, failed: 0, pending: 2 };
const imported = runSummary({ id: 'r9', status: 'stopped', kind: { kind: 'tag_import', file: 'tags.csv' }, counts });

describe('a tag import in Activity', () => {
  it('is opened on the Tags page, whatever its status', () => {
    expect(actionsFor(imported, false)).toEqual(['open-import']);
    expect(actionsFor({ ...imported, status: 'completed', counts: { ...counts, changed: 3, pending: 0 } }, false)).toEqual(['open-import']);
  });

  it('is named by its sheet and opens where it was made', async () => {
    vi.mocked(listRuns).mockResolvedValue([imported]);
    const onOpenOnItsPage = vi.fn();
    const onShowRun = vi.fn();
    render(ActivityPage, { store: new BulkStore(() => [connection()]), onShowRun, onOpenOnItsPage });
    await waitFor(() => expect(screen.getByTestId('open-import')).toBeTruthy());
    expect(screen.getByTestId('run-item').textContent).toContain('Tags from the sheet tags.csv');
    expect(screen.queryByTestId('undo-run')).toBeNull();
    expect(screen.queryByTestId('resume-run')).toBeNull();
    await userEvent.click(screen.getByTestId('open-import'));
    expect(onOpenOnItsPage).toHaveBeenCalledWith(imported);
    expect(onShowRun).not.toHaveBeenCalled();
  });

  it('is opened from its undo too, which offers no undo of its own, even once the import left the history', async () => {
    const done = { ...imported, status: 'completed' as const, counts: { ...counts, changed: 3, pending: 0 } };
    // The core says where an import's undo is shown: with its import.
    const undo = runSummary({ id: 'u1', status: 'completed', kind: { kind: 'undo', of: 'r9' }, opens: { page: 'tags', run: 'r9' }, counts: { ...counts, changed: 1, pending: 0 } });
    expect(actionsFor(undo, false, [undo, done])).toEqual(['open-import']);
    vi.mocked(listRuns).mockResolvedValue([undo, done]);
    const onOpenOnItsPage = vi.fn();
    render(ActivityPage, { store: new BulkStore(() => [connection()]), onShowRun: vi.fn(), onOpenOnItsPage });
    await waitFor(() => expect(screen.getAllByTestId('open-import')).toHaveLength(2));
    expect(screen.getAllByTestId('run-item')[0]?.textContent).toContain('Undo of the tag import of tags.csv');
    expect(screen.queryByTestId('undo-run')).toBeNull();
    await userEvent.click(screen.getAllByTestId('open-import')[0] as HTMLElement);
    // Its undo's card opens it where the core says: on the import's page.
    expect(onOpenOnItsPage).toHaveBeenCalledWith(undo);
    expect(undo.opens).toEqual({ page: 'tags', run: 'r9' });
    // The import no longer listed (its journal removed): its undo still opens it.
    expect(actionsFor(undo, false, [undo])).toEqual(['open-import']);
  });
});
