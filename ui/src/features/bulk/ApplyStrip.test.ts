// The first assets of a run being applied fill in as the apply goes: pale until written, then
// in full with a tick, or a cross when they failed; read from the report as progress comes.
import { render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';

import type { ReportPage } from '../../ipc/bindings/ReportPage';
import type { ReportStatus } from '../../ipc/bindings/ReportStatus';
import { progress } from '../../test-fixtures';
import ApplyStrip from './ApplyStrip.svelte';

const reportRows = vi.fn<(runId: string, status: ReportStatus | null, offset: number, limit: number) => Promise<ReportPage>>();
vi.mock('../../ipc/commands', () => ({
  reportRows: (runId: string, status: ReportStatus | null, offset: number, limit: number) => reportRows(runId, status, offset, limit),
}));

const page = (statuses: ReportStatus[], total: number): ReportPage => ({
  rows: statuses.map((status, i) => ({ path: `/content/dam/f/a${i}.jpg`, status, reason: null, changes: [], changedSince: [] })),
  total,
  failures: [],
});

const shown = () => screen.queryAllByTestId('apply-strip-asset').map((cell) => cell.dataset.status);

describe('the apply strip', () => {
  it('fills each asset in as it is written, and says how many more there are', async () => {
    reportRows.mockResolvedValueOnce(page(['pending', 'pending', 'pending'], 30));
    const strip = render(ApplyStrip, { runId: 'r1', connectionId: 'c1', progress: progress({ done: 0, total: 30 }) });
    await waitFor(() => expect(shown()).toEqual(['pending', 'pending', 'pending']));
    expect(reportRows).toHaveBeenCalledWith('r1', null, 0, 24);
    expect(screen.getAllByTestId('apply-strip-asset').every((cell) => cell.classList.contains('pending'))).toBe(true);
    expect(screen.getByTestId('apply-strip')).toHaveTextContent('and 27 more assets');

    reportRows.mockResolvedValueOnce(page(['changed', 'failed', 'pending'], 30));
    await strip.rerender({ runId: 'r1', connectionId: 'c1', progress: progress({ done: 2, total: 30 }) });
    await waitFor(() => expect(shown()).toEqual(['changed', 'failed', 'pending']), { timeout: 3000 });
    const [changed, failed, pending] = screen.getAllByTestId('apply-strip-asset');
    expect(changed).not.toHaveClass('pending');
    expect(changed).toHaveTextContent('✓');
    expect(changed).toHaveTextContent('a0.jpg: Changed');
    expect(failed).toHaveTextContent('✕');
    expect(failed).toHaveTextContent('a1.jpg: Failed');
    expect(pending).toHaveClass('pending');
  });

  it('shows nothing until the report has rows, and keeps going when a read fails', async () => {
    reportRows.mockRejectedValueOnce({ code: 'io', message: 'busy' });
    const strip = render(ApplyStrip, { runId: 'r2', connectionId: null, progress: null });
    await waitFor(() => expect(reportRows).toHaveBeenCalledWith('r2', null, 0, 24));
    expect(screen.queryByTestId('apply-strip')).toBeNull();
    reportRows.mockResolvedValueOnce(page(['changed'], 1));
    await strip.rerender({ runId: 'r2', connectionId: null, progress: progress({ done: 1, total: 1, finished: true }) });
    await waitFor(() => expect(shown()).toEqual(['changed']), { timeout: 3000 });
    expect(screen.getByTestId('apply-strip')).not.toHaveTextContent('more');
  });

  it('reads a big run’s report less often: a millisecond per asset between reads', async () => {
    vi.useFakeTimers();
    try {
      reportRows.mockReset();
      reportRows.mockResolvedValue(page(['pending'], 5000));
      const strip = render(ApplyStrip, { runId: 'r3', connectionId: 'c1', progress: progress({ done: 0, total: 5000 }) });
      await vi.advanceTimersByTimeAsync(10);
      expect(reportRows).toHaveBeenCalledTimes(1);
      await strip.rerender({ runId: 'r3', connectionId: 'c1', progress: progress({ done: 40, total: 5000 }) });
      await vi.advanceTimersByTimeAsync(4000);
      expect(reportRows).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(1100);
      expect(reportRows).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
