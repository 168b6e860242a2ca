// The apply's live progress: numbers, percent, rate and time left from the Progress events;
// pause/resume; cancel asks first and says what happens to the rest.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import type { Progress } from '../../ipc/bindings/Progress';
import { progress } from '../../test-fixtures';
import RunProgress from './RunProgress.svelte';

function renderProgress(p: Progress | null, overrides: Partial<{ paused: boolean; running: boolean; cancelRequested: boolean }> = {}) {
  const handlers = { onPause: vi.fn(), onResume: vi.fn(), onCancel: vi.fn() };
  render(RunProgress, {
    progress: p,
    running: overrides.running ?? true,
    paused: overrides.paused ?? false,
    controlling: false,
    cancelRequested: overrides.cancelRequested ?? false,
    ...handlers,
  });
  return handlers;
}

describe('live progress', () => {
  it('shows done of total, percent, counts, rate and time left', () => {
    renderProgress(progress({ done: 340, total: 2000, changed: 320, failed: 20, rate: 42.2, etaSecs: 150 }));
    const panel = screen.getByTestId('run-progress');
    expect(panel).toHaveAttribute('data-done', '340');
    expect(panel).toHaveAttribute('data-total', '2000');
    expect(panel).toHaveTextContent('340 of 2,000 assets');
    expect(screen.getByTestId('run-percent')).toHaveTextContent('17 %');
    expect(screen.getByTestId('run-rate')).toHaveTextContent('42 assets/s');
    expect(screen.getByTestId('run-eta')).toHaveTextContent('about 3 min left');
    expect(panel).toHaveTextContent('320 changed');
    expect(panel).toHaveTextContent('20 failed');
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '340');
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuemax', '2000');
  });

  it('reaches 100 % only when everything is done', () => {
    renderProgress(progress({ done: 2000, total: 2000, finished: true }));
    expect(screen.getByTestId('run-percent')).toHaveTextContent('100 %');
  });

  it('says when AEM asked to slow down', () => {
    renderProgress(progress({ done: 1, total: 10, throttled: 3 }));
    expect(screen.getByRole('status')).toHaveTextContent('AEM asked to slow down 3 times');
  });

  it('pauses', async () => {
    const user = userEvent.setup();
    const running = renderProgress(progress({ done: 5, total: 10, rate: 3, etaSecs: 2 }));
    await user.click(screen.getByTestId('pause-button'));
    expect(running.onPause).toHaveBeenCalledTimes(1);
  });

  it('offers Resume while paused', async () => {
    const user = userEvent.setup();
    const paused = renderProgress(progress({ done: 5, total: 10, rate: 3, etaSecs: 2, paused: true }), { paused: true });
    expect(screen.queryByTestId('pause-button')).not.toBeInTheDocument();
    expect(screen.queryByTestId('run-rate')).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Paused');
    await user.click(screen.getByTestId('resume-button'));
    expect(paused.onResume).toHaveBeenCalledTimes(1);
  });

  it('asks before cancelling, and can keep running', async () => {
    const user = userEvent.setup();
    const handlers = renderProgress(progress({ done: 5, total: 10 }));
    await user.click(screen.getByTestId('cancel-button'));
    const dialog = screen.getByTestId('cancel-dialog');
    expect(dialog).toHaveTextContent('Changes already being written finish; the rest of the assets are left as they are.');
    expect(dialog).toHaveTextContent('You can resume later');
    await user.click(within(dialog).getByRole('button', { name: 'Keep running' }));
    expect(handlers.onCancel).not.toHaveBeenCalled();
    expect(screen.queryByTestId('cancel-dialog')).not.toBeInTheDocument();

    await user.click(screen.getByTestId('cancel-button'));
    await user.click(screen.getByTestId('cancel-confirm'));
    expect(handlers.onCancel).toHaveBeenCalledTimes(1);
  });

  it('disables the buttons while cancelling', () => {
    renderProgress(progress({ done: 5, total: 10 }), { cancelRequested: true });
    expect(screen.getByTestId('pause-button')).toBeDisabled();
    expect(screen.getByTestId('cancel-button')).toBeDisabled();
    expect(screen.getByTestId('cancel-button')).toHaveTextContent('Cancelling…');
  });

  it('shows no buttons once the run has ended', () => {
    renderProgress(progress({ done: 10, total: 10, finished: true }), { running: false });
    expect(screen.queryByTestId('pause-button')).not.toBeInTheDocument();
    expect(screen.queryByTestId('cancel-button')).not.toBeInTheDocument();
  });
});
