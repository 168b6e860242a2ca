// A run's report on screen: its rows page by page with a status filter, the reasons of the first
// failed assets (for the sentence above the table), what it did per subfolder (the core's
// tallies, not its rows), the CSV export, and the user's choice of column headers in words
// (saved by the core, read back at start-up).
import {
  exportReportCsv,
  localizedCsvHeaders,
  reportRows,
  runFolders,
  setLocalizedCsvHeaders,
} from '../../ipc/commands';
import type { FailureGroup } from '../../ipc/bindings/FailureGroup';
import type { FolderOutcomes } from '../../ipc/bindings/FolderOutcomes';
import type { ReportRow } from '../../ipc/bindings/ReportRow';
import type { ReportStatus } from '../../ipc/bindings/ReportStatus';
import type { RunSummary } from '../../ipc/bindings/RunSummary';
import { toIpcError } from '../../ipc/errors';
import type { IpcError } from '../../ipc/types';
import { PAGE_SIZE, PagedRows } from './paged.svelte';

export class ReportModel {
  rows = new PagedRows<ReportRow, ReportStatus>(reportRows);
  /** Reasons of the first failed rows, for the sentence above the report's table. */
  failedReasons = $state<(string | null)[]>([]);
  /** Why the assets failed, once per reason, with their folders (the app core's words). */
  failures = $state<FailureGroup[]>([]);
  /** What the run did in each direct subfolder of its folder, the biggest first (null until read,
   *  or when it could not be). */
  folders = $state<FolderOutcomes | null>(null);
  exporting = $state(false);
  /** Where the last export was saved. */
  exported = $state<string | null>(null);
  /** Whether an exported report's columns are headed in words of the window's language rather
   *  than machine keys: the user's choice, saved by the core and read back at start-up. */
  localizedHeaders = $state(true);

  /** Says an export or a setting that failed (on the report, above its actions). */
  #failed: (error: IpcError) => void;
  #runId: string | null = null;

  constructor(failed: (error: IpcError) => void) {
    this.#failed = failed;
  }

  /** Shows `run`'s report: its first page, and why its first assets failed. */
  async open(run: RunSummary): Promise<void> {
    this.#runId = run.id;
    this.exported = null;
    this.failedReasons = [];
    this.failures = [];
    this.folders = null;
    const loads: Promise<void>[] = [this.rows.open(run.id, null), this.#loadFolders(run.id)];
    if (run.counts.failed > 0) loads.push(this.#loadFailedReasons(run.id));
    await Promise.all(loads);
  }

  clear(): void {
    this.#runId = null;
    this.exported = null;
    this.folders = null;
    this.rows.clear();
  }

  async #loadFailedReasons(runId: string): Promise<void> {
    try {
      const page = await reportRows(runId, 'failed', 0, PAGE_SIZE);
      if (this.#runId !== runId) return;
      this.failedReasons = page.rows.map((row) => row.reason);
      this.failures = page.failures ?? [];
    } catch {
      // The table below still lists every failed asset with its reason.
    }
  }

  async #loadFolders(runId: string): Promise<void> {
    try {
      const folders = await runFolders(runId);
      if (this.#runId === runId) this.folders = folders;
    } catch {
      // The bars only repeat per folder what the chart and the table say.
    }
  }

  async exportCsv(): Promise<void> {
    const runId = this.#runId;
    if (!runId || this.exporting) return;
    this.exporting = true;
    this.exported = null;
    try {
      this.exported = await exportReportCsv(runId, this.localizedHeaders);
    } catch (thrown) {
      this.#failed(toIpcError(thrown));
    } finally {
      this.exporting = false;
    }
  }

  /** At start-up: the column headers choice saved before (the keys when none could be read). */
  async loadSettings(): Promise<void> {
    try {
      this.localizedHeaders = await localizedCsvHeaders();
    } catch {
      // Only a broken IPC fails here (the core reads a bad file as no choice): the keys, as on
      // a first start.
    }
  }

  /** Ticks or unticks column headers in words, and saves the choice for the next start. It holds
   *  for this window even if it could not be saved, which the report then says. */
  async setLocalizedHeaders(localized: boolean): Promise<void> {
    this.localizedHeaders = localized;
    try {
      await setLocalizedCsvHeaders(localized);
    } catch (thrown) {
      this.#failed(toIpcError(thrown));
    }
  }
}
