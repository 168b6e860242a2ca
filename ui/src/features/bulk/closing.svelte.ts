// Closing the window while a preview or an apply runs: the dialog's state (asked, closing, what
// went wrong) and what the running job has done so far, so the user decides knowing where it
// writes and how far it got.
import { closeAfterCancellingRun } from '../../ipc/commands';
import { toIpcError } from '../../ipc/errors';
import type { IpcError } from '../../ipc/types';
import type { I18n } from '../../lib/i18n/i18n.svelte';
import type { RunModel } from './run.svelte';

export class CloseModel {
  /** The window's close button was pressed during a run. */
  asked = $state(false);
  closing = $state(false);
  error = $state<IpcError | null>(null);

  #i18n: I18n;
  #run: RunModel;

  constructor(i18n: I18n, run: RunModel) {
    this.#i18n = i18n;
    this.#run = run;
  }

  /** What the running job has done so far, for the close dialog; null before its first
   *  progress. */
  progressLine(): string | null {
    const { job, progress, summary } = this.#run;
    if (job === null || progress === null) return null;
    const { done, total } = progress;
    if (job === 'apply' && summary) {
      return this.#i18n.t('close-run-apply', { connection: summary.connection, done, total });
    }
    if (job === 'preview') {
      return progress.totalKnown
        ? this.#i18n.t('close-run-preview', { done, total })
        : this.#i18n.t('close-run-listing', { done });
    }
    return null;
  }

  ask(): void {
    this.error = null;
    this.asked = true;
  }

  keepRunning(): void {
    this.asked = false;
  }

  async cancelAndClose(): Promise<void> {
    this.closing = true;
    this.error = null;
    try {
      await closeAfterCancellingRun();
    } catch (thrown) {
      this.error = toIpcError(thrown);
    } finally {
      this.closing = false;
    }
  }
}
