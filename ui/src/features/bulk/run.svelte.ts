// The run on screen and the one job this window runs: which step the page shows (setup,
// preview, apply, report), a preview being planned (from the form, a sheet, or a report's undo
// and retry) with its progress, Apply (with the production confirmation), pause, resume and
// cancel, and opening a run from Activity. At most one job at a time; while it runs, nothing
// else starts. The report's own state is `report.svelte.ts`.
import {
  applyRun,
  cancelRun,
  pauseRun,
  previewPublish,
  previewRepublish,
  previewRetry,
  previewRows,
  previewUndo,
  republishAfter,
  republishedTo,
  resumeRun,
  runSummary,
} from '../../ipc/commands';
import type { Action } from '../../ipc/bindings/Action';
import type { Agent } from '../../ipc/bindings/Agent';
import type { Replication } from '../../ipc/bindings/Replication';
import type { ScopeRequest } from '../../ipc/bindings/ScopeRequest';
import type { PlanRow } from '../../ipc/bindings/PlanRow';
import type { Progress } from '../../ipc/bindings/Progress';
import type { RunSummary } from '../../ipc/bindings/RunSummary';
import { toIpcError } from '../../ipc/errors';
import type { ConnectionView, IpcError } from '../../ipc/types';
import { willChange } from './format';
import type { HistoryModel } from './history.svelte';
import { PagedRows } from './paged.svelte';
import type { ReportModel } from './report.svelte';
import { isPublication, isUndo } from './runKind';

/** Where the page is: filling the form, looking at a preview, watching an apply, or a report. */
export type Stage = 'setup' | 'preview' | 'apply' | 'report';

/** A message shown in one stage: an error (IpcError) or a plain notice (a message id). */
export interface StageMessage {
  stage: Stage;
  error: IpcError | null;
  notice: string | null;
}

/** Starts a preview with its progress; resolves with the run to open, or null when there is
 *  none to open (the starter has said why). */
export type StartPreview = (onProgress: (progress: Progress) => void) => Promise<RunSummary | null>;

/** What the run needs from the rest of the page. */
export interface RunDeps {
  connections: () => ConnectionView[];
  history: HistoryModel;
  report: ReportModel;
  /** The setup's count of the scope: held while a job starts, counted again on the form. */
  count: { hold(): void; schedule(): void };
}

export class RunModel {
  stage = $state<Stage>('setup');
  /** The run on screen: the one previewed, applied or reported. */
  summary = $state<RunSummary | null>(null);
  /** The job this window runs (at most one). */
  job = $state<'preview' | 'apply' | null>(null);
  /** Where a running preview was started (the form, or a report for undo and retry). */
  jobFrom = $state<Stage>('setup');
  progress = $state<Progress | null>(null);
  paused = $state(false);
  /** A pause, resume or cancel request is on its way. */
  controlling = $state(false);
  cancelRequested = $state(false);
  message = $state<StageMessage | null>(null);
  /** A run waiting for its production confirmation before it is applied. */
  confirming = $state<RunSummary | null>(null);
  /** A run whose preview is old, waiting for the user to say it may be applied as it is. */
  oldPreview = $state<RunSummary | null>(null);

  /** "Republish the changed assets that were published before" at apply: once an edit is
   *  applied, its republish is planned and applied too. */
  republishAfterApply = $state(false);

  preview = new PagedRows<PlanRow, Action>(previewRows);

  busy = $derived(this.job !== null);

  #deps: RunDeps;
  /** The user said the run being applied may leave required fields empty. */
  #emptyRequired = false;
  /** The language the run on screen was worded in (null until the page says). */
  #lang: string | null = null;

  constructor(deps: RunDeps) {
    this.#deps = deps;
  }

  /** Plans a preview started from `from` and opens it: one job, its progress shown, a cancelled
   *  or unfinished preview said on the stage it came from. */
  async startPreview(from: Stage, start: StartPreview): Promise<void> {
    if (this.job !== null) return;
    this.#deps.count.hold();
    this.job = 'preview';
    this.jobFrom = from;
    this.progress = null;
    this.message = null;
    this.cancelRequested = false;
    try {
      const summary = await start((progress) => (this.progress = progress));
      if (summary?.status === 'preview_incomplete') {
        const notice = this.cancelRequested ? 'bulk-notice-preview-cancelled' : 'bulk-notice-preview-unfinished';
        this.message = { stage: from, error: null, notice };
        return;
      }
      this.job = null;
      if (summary) await this.openPreview(summary);
    } catch (thrown) {
      this.message = { stage: from, error: toIpcError(thrown), notice: null };
    } finally {
      this.job = null;
      this.progress = null;
      this.cancelRequested = false;
      void this.#deps.history.load();
      // Back on the form (the preview failed or was cancelled): the preview stopped any count
      // that was running, so count the scope again.
      if (this.stage === 'setup') this.#deps.count.schedule();
    }
  }

  /** Plans the undo of `runId` (its own preview, then Apply). An edit that was republished
   *  has "Then republish" ticked from the start: its undo republishes what it gives back on the
   *  website, so that the website shows the old values again (untick to leave it). */
  async startUndo(runId: string): Promise<void> {
    let republished: Agent | null = null;
    try {
      republished = await republishedTo(runId);
    } catch {
      // Not known: nothing ticked, the report still offers the republish.
    }
    this.republishAfterApply = republished !== null && republished !== undefined;
    await this.startPreview(this.stage, (onProgress) => previewUndo(runId, onProgress));
  }

  /** Plans the same edits again on the assets that failed in `runId`. */
  async startRetry(runId: string): Promise<void> {
    await this.startPreview(this.stage, (onProgress) => previewRetry(runId, onProgress));
  }

  /** Plans publishing or unpublishing the scope of the form (its own preview, then Apply). */
  async startPublish(scope: ScopeRequest, replication: Replication, agent: Agent): Promise<void> {
    // The core makes the run's folder and filters of the scope, once; the window never does.
    await this.startPreview('setup', (onProgress) => previewPublish({ scope, replication, agent }, onProgress));
  }

  /** Plans republishing what `runId` changed, on the assets published before it. */
  async startRepublish(runId: string, agent: Agent = 'publish'): Promise<void> {
    await this.startPreview(this.stage, (onProgress) => previewRepublish(runId, agent, onProgress));
  }

  /** After an apply: an edit applied with "republish" checked, or an undo (ticked at its
   *  preview when the run it undoes was republished), has its republish planned and applied at
   *  once (agreed to at its apply), ending on the republish's report. */
  async #republishAfter(run: RunSummary, confirmName: string | null): Promise<void> {
    if (!this.republishAfterApply) return;
    this.republishAfterApply = false;
    // The core decides (nothing where none of the changed assets is on the website; an undo
    // to the tier its edit was republished to); a failure to tell is said as any other.
    let agent: Agent | null;
    try {
      agent = await republishAfter(run.id, true);
    } catch (e) {
      this.message = { stage: 'report', error: toIpcError(e), notice: null };
      return;
    }
    if (agent === null) return;
    const tier = agent;
    await this.startPreview('report', (onProgress) => previewRepublish(run.id, tier, onProgress));
    const planned = this.summary;
    if (this.stage === 'preview' && planned && isPublication(planned) && planned.counts.pending > 0) {
      await this.apply(planned, confirmName);
    }
  }

  /** Shows a previewed run's table, starting on what will change (when anything will). */
  async openPreview(run: RunSummary): Promise<void> {
    this.summary = run;
    this.stage = 'preview';
    this.message = null;
    await this.preview.open(run.id, willChange(run.counts) > 0 ? 'change' : null);
  }

  /** The saved connection a run was made with: by id (it may have been renamed since), else
   *  by name for runs recorded without one — the same order the Rust side uses. */
  connectionOf(run: RunSummary): ConnectionView | undefined {
    const list = this.#deps.connections();
    if (run.connectionId) return list.find((c) => c.id === run.connectionId);
    return list.find((c) => c.name === run.connection);
  }

  /** Whether applying `run` needs the production confirmation. */
  needsConfirmation(run: RunSummary): boolean {
    return this.connectionOf(run)?.production ?? false;
  }

  /** Whether `run` waits for its first apply after a preview the core no longer calls fresh. */
  isOldPreview(run: RunSummary, now = Date.now()): boolean {
    return run.status === 'previewed' && run.previewFreshUntil !== null && now > Date.parse(run.previewFreshUntil);
  }

  /** Whether `run`'s first apply waits for the user to say that fields the form requires may
   *  be left empty (said on its preview). */
  needsEmptyRequired(run: RunSummary): boolean {
    return run.status === 'previewed' && run.appliedAt === null && run.emptiedRequired.length > 0;
  }

  /** "Apply" (or "Resume"): a run that empties required fields goes to its preview, where the
   *  user says they may be empty (`emptyRequired`); then asks first when the preview is old,
   *  then for the production confirmation when needed. */
  async requestApply(run: RunSummary, emptyRequired = false): Promise<void> {
    if (this.job !== null) return;
    if (this.needsEmptyRequired(run) && !emptyRequired) {
      if (this.stage !== 'preview' || this.summary?.id !== run.id) await this.openPreview(run);
      return;
    }
    this.#emptyRequired = emptyRequired;
    if (this.isOldPreview(run)) {
      this.oldPreview = run;
      return;
    }
    await this.#applyAsked(run);
  }

  /** The user read how old the preview is and applies it as it is. */
  async applyOldPreview(): Promise<void> {
    const run = this.oldPreview;
    if (!run) return;
    this.oldPreview = null;
    await this.#applyAsked(run);
  }

  /** The user would rather look at the old preview again than apply it. */
  async openOldPreview(): Promise<void> {
    const run = this.oldPreview;
    if (!run) return;
    this.oldPreview = null;
    await this.open(run);
  }

  cancelOldPreview(): void {
    this.oldPreview = null;
  }

  async #applyAsked(run: RunSummary): Promise<void> {
    if (this.needsConfirmation(run)) {
      this.confirming = run;
      return;
    }
    await this.apply(run, null);
  }

  cancelConfirmation(): void {
    this.confirming = null;
  }

  async confirmApply(typedName: string): Promise<void> {
    const run = this.confirming;
    if (!run) return;
    this.confirming = null;
    await this.apply(run, typedName);
  }

  /** Writes the run's planned changes (or the rest of them), with progress, then the report.
   *  The last progress event stays, so the report can show the bar at its end. */
  async apply(run: RunSummary, confirmName: string | null): Promise<void> {
    if (this.job !== null) return;
    this.#deps.count.hold();
    this.job = 'apply';
    this.summary = run;
    this.stage = 'apply';
    this.progress = null;
    this.paused = false;
    this.cancelRequested = false;
    this.message = null;
    if (this.#deps.history.interrupted?.id === run.id) this.#deps.history.putOffInterrupted();
    let summary: RunSummary | null = null;
    try {
      const emptyRequired = this.#emptyRequired;
      // Checked to republish: the core refuses before writing where the connection cannot publish.
      const republish = this.republishAfterApply && !isPublication(run);
      summary = await applyRun({ runId: run.id, confirmName, emptyRequired, republish }, (progress) => {
        this.progress = progress;
        this.paused = progress.paused;
      });
    } catch (thrown) {
      this.message = { stage: 'apply', error: toIpcError(thrown), notice: null };
      try {
        this.summary = await runSummary(run.id);
      } catch {
        // Keep the summary we had; the error above says what went wrong.
      }
    } finally {
      this.job = null;
      this.paused = false;
      this.controlling = false;
      this.cancelRequested = false;
      this.#emptyRequired = false;
    }
    void this.#deps.history.load();
    if (summary) {
      await this.openReport(summary);
      await this.#republishAfter(summary, confirmName);
    }
  }

  async pause(): Promise<void> {
    await this.#control(async () => {
      await pauseRun();
      this.paused = true;
    });
  }

  async resume(): Promise<void> {
    await this.#control(async () => {
      await resumeRun();
      this.paused = false;
    });
  }

  /** Cancels the running preview or apply: in-flight writes finish, the rest stays as it is. */
  async cancel(): Promise<void> {
    await this.#control(async () => {
      this.cancelRequested = true;
      try {
        await cancelRun();
      } catch (thrown) {
        // The run goes on: its controls stay usable, and the failure is said.
        this.cancelRequested = false;
        throw thrown;
      }
    });
  }

  async #control(action: () => Promise<void>): Promise<void> {
    if (this.job === null || this.controlling) return;
    this.controlling = true;
    try {
      await action();
    } catch (thrown) {
      const stage = this.job === 'apply' ? 'apply' : this.jobFrom;
      this.message = { stage, error: toIpcError(thrown), notice: null };
    } finally {
      this.controlling = false;
    }
  }

  async openReport(run: RunSummary): Promise<void> {
    this.summary = run;
    this.stage = 'report';
    await this.#deps.report.open(run);
  }

  /** Opens a run from Activity or the banner: a previewed run shows its preview, others their report. */
  async open(run: RunSummary): Promise<void> {
    // While a job runs, the page shows it; other runs open once it has ended.
    if (this.job !== null) return;
    this.message = null;
    if (run.status === 'previewed') await this.openPreview(run);
    else await this.openReport(run);
  }

  /** Back to the form (kept as it was) for a new edit. */
  newEdit(): void {
    if (this.job !== null) return;
    this.stage = 'setup';
    // An undo's "Then republish" is not the next edit's.
    if (this.summary && isUndo(this.summary)) this.republishAfterApply = false;
    this.summary = null;
    this.message = null;
    this.preview.clear();
    this.#deps.report.clear();
  }

  /** The run on screen worded again after a language switch to `lang`: its summary, and the
   *  rows shown (their reasons are the app core's words), keeping the tab the user chose. The
   *  first call only notes the language. */
  async rewordIn(lang: string): Promise<void> {
    const before = this.#lang;
    this.#lang = lang;
    const run = this.summary;
    if (before === null || before === lang || run === null || this.job !== null) return;
    if (this.stage !== 'preview' && this.stage !== 'report') return;
    try {
      this.summary = await runSummary(run.id);
    } catch {
      return; // The run shown stays as it was.
    }
    if (this.stage === 'preview') {
      await this.preview.open(run.id, this.preview.filter);
    } else {
      const tab = this.#deps.report.rows.filter;
      await this.#deps.report.open(this.summary);
      if (tab !== null) await this.#deps.report.rows.setFilter(tab);
    }
  }

  /** Whether `run` is the one this window is applying right now. */
  isRunning(run: RunSummary): boolean {
    return this.job === 'apply' && this.summary?.id === run.id;
  }
}
