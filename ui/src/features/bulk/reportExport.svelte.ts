// A run's report saved as a CSV file, on whichever page shows the run (an edit's or a publish's
// report, an upload's, a move's, a tag sheet's): one Export CSV for all of them, with the user's
// one choice of column headers in words (saved by the core, read back at start-up), so a page
// never shows a choice another page forgot. Not here: the report's rows on screen (report.svelte.ts).
import { exportReportCsv, localizedCsvHeaders, setLocalizedCsvHeaders } from '../../ipc/commands';
import { toIpcError } from '../../ipc/errors';
import type { IpcError } from '../../ipc/types';

export class ReportExport {
  /** The run whose report is being saved (its dialog open, or its file being written). */
  exporting = $state<string | null>(null);
  /** Whether an exported report's columns are headed in words of the window's language rather
   *  than machine keys. */
  localizedHeaders = $state(true);
  #saved = $state<{ runId: string; path: string } | null>(null);
  #failed = $state<{ runId: string; error: IpcError; what: 'export' | 'setting' } | null>(null);

  /** Where `runId`'s report was last saved (null when it was not, or another run's was since). */
  savedFor(runId: string): string | null {
    return this.#saved?.runId === runId ? this.#saved.path : null;
  }

  /** Why the last export, or the saving of the headers choice, asked on `runId`'s report failed. */
  failedFor(runId: string): { error: IpcError; what: 'export' | 'setting' } | null {
    return this.#failed?.runId === runId ? this.#failed : null;
  }

  /** Asks where to save `runId`'s report, and saves it there; a closed dialog saves nothing and
   *  says nothing. One export at a time: the dialog is modal. */
  async exportCsv(runId: string): Promise<void> {
    if (this.exporting) return;
    this.exporting = runId;
    this.#saved = null;
    this.#failed = null;
    try {
      const path = await exportReportCsv(runId, this.localizedHeaders);
      if (path) this.#saved = { runId, path };
    } catch (thrown) {
      this.#failed = { runId, error: toIpcError(thrown), what: 'export' };
    } finally {
      this.exporting = null;
    }
  }

  /** At start-up: the column headers choice saved before (words when none could be read). */
  async loadSettings(): Promise<void> {
    try {
      this.localizedHeaders = await localizedCsvHeaders();
    } catch {
      // Only a broken IPC fails here (the core reads a bad file as no choice): words, as on a
      // first start.
    }
  }

  /** Ticks or unticks column headers in words on `runId`'s report, and saves the choice for the
   *  next start. It holds for this window even if it could not be saved, which that report says. */
  async setLocalizedHeaders(localized: boolean, runId: string): Promise<void> {
    this.localizedHeaders = localized;
    this.#failed = null;
    try {
      await setLocalizedCsvHeaders(localized);
    } catch (thrown) {
      this.#failed = { runId, error: toIpcError(thrown), what: 'setting' };
    }
  }
}
