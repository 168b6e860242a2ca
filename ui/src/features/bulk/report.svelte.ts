// A run's report on screen: its rows page by page with a status filter, the reasons of the first
// failed assets (for the sentence above the table), what it did per subfolder (the core's
// tallies, not its rows). Not here: its CSV export (reportExport.svelte.ts).
import { reportRows, runFolders } from '../../ipc/commands';
import type { FailureGroup } from '../../ipc/bindings/FailureGroup';
import type { FolderOutcomes } from '../../ipc/bindings/FolderOutcomes';
import type { ReportRow } from '../../ipc/bindings/ReportRow';
import type { ReportStatus } from '../../ipc/bindings/ReportStatus';
import type { RunSummary } from '../../ipc/bindings/RunSummary';
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
  #runId: string | null = null;

  /** Shows `run`'s report: its first page, and why its first assets failed. */
  async open(run: RunSummary): Promise<void> {
    this.#runId = run.id;
    this.failedReasons = [];
    this.failures = [];
    this.folders = null;
    const loads: Promise<void>[] = [this.rows.open(run.id, null), this.#loadFolders(run.id)];
    if (run.counts.failed > 0) loads.push(this.#loadFailedReasons(run.id));
    await Promise.all(loads);
  }

  clear(): void {
    this.#runId = null;
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
}
