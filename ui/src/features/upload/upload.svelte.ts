// The Upload page's state: the files and folders dropped or chosen (held by the core, named by
// id), the target folder, the optional sheet, and the steps of an upload: its preview (nothing
// sent), its run applied with progress, the report, and its undo. Every step is the core's: this
// only keeps what the page shows and says what may be pressed when.
//
// The target folder is typed or picked in the DAM's folder tree (Bulk edit's); an upload at
// work can be paused or cancelled, and one stopped or interrupted resumed (the core's apply,
// which refuses an upload undone). Whether it can be undone goes by the runs that undid it, as
// Activity's does: an undo is a run of its own.
//
// Not here: the drawing (UploadPage.svelte), the counts and words of a preview (uploadRows.ts).
import {
  applyRun,
  cancelRun,
  chooseSheetFile,
  chooseUploadFiles,
  listRuns,
  pauseRun,
  previewUndo,
  previewUpload,
  resumeRun,
  runSummary,
  startUpload,
  uploadReport,
} from '../../ipc/commands';
import type { HeldSheet } from '../../ipc/bindings/HeldSheet';
import type { HeldUpload } from '../../ipc/bindings/HeldUpload';
import type { Progress } from '../../ipc/bindings/Progress';
import type { RunSummary } from '../../ipc/bindings/RunSummary';
import type { UploadPreview } from '../../ipc/bindings/UploadPreview';
import type { UploadReportRow } from '../../ipc/bindings/UploadReportRow';
import { toIpcError } from '../../ipc/errors';
import { runStep } from '../../lib/step';
import type { IpcError } from '../../ipc/types';
import { FolderTree } from '../bulk/folderTree.svelte';
import { lastUndo, undoAction } from '../bulk/undoLinks';
import { undoOf, uploadView } from '../bulk/runKind';
import { type UploadUndone, undoneFiles } from './undone';

/** What the page is doing: a step at work shows its progress and holds every button. */
export type UploadWork = 'idle' | 'choosing' | 'previewing' | 'uploading' | 'undoing';

export class UploadModel {
  connectionId = $state('');
  folder = $state('');
  /** A different file at a path: replaced (true) or given a new version (false). */
  replace = $state(false);
  inputs = $state<HeldUpload[]>([]);
  sheet = $state<HeldSheet | null>(null);
  preview = $state<UploadPreview | null>(null);
  /** The upload's run: while it is sent, then its report. */
  run = $state<RunSummary | null>(null);
  progress = $state<Progress | null>(null);
  /** Each file of the run and where it stands, once it ended. */
  rows = $state<UploadReportRow[]>([]);
  undone = $state<UploadUndone | null>(null);
  work = $state<UploadWork>('idle');
  error = $state<IpcError | null>(null);
  /** The DAM's folders, for the target folder. */
  tree = new FolderTree();
  /** The run history, for the runs that undid the report's run. */
  runs = $state<RunSummary[]>([]);
  /** The upload at work is paused; a pause, resume or cancel request is on its way. */
  paused = $state(false);
  controlling = $state(false);
  cancelRequested = $state(false);

  get busy(): boolean {
    return this.work !== 'idle';
  }

  /** Whether "Preview" can be pressed: files, a connection and a folder chosen, nothing at work. */
  get canPreview(): boolean {
    return !this.busy && this.run === null && this.inputs.length > 0 && this.connectionId !== '' && this.folder.trim() !== '';
  }

  /** How many files the preview would send (none while the sheet has problems). */
  get toSend(): number {
    const preview = this.preview;
    if (!preview || preview.sheetErrors.length > 0) return 0;
    return preview.files.filter((f) => f.intent === 'new' || f.intent === 'new_version' || f.intent === 'replace').length;
  }

  get canUpload(): boolean {
    return !this.busy && this.run === null && this.toSend > 0;
  }

  /** Whether the report's run can be undone: it made something, and no undo of it took back
   *  everything (Activity's rule: an undo is a run of its own). */
  get canUndo(): boolean {
    const run = this.run;
    if (this.busy || !run || run.status === 'previewed' || this.undone !== null) return false;
    return undoAction(run, this.runs) === 'undo';
  }

  /** The latest run that undid the report's run, when one did: its rows say what it did. */
  get undoneWith(): RunSummary | null {
    return this.run ? lastUndo(this.run, this.runs) : null;
  }

  /** Whether the report's run can be taken up again: the core says a resume has something to
   *  do (stopped, cancelled or cut short with files left), and it is not undone (the core
   *  refuses that too). */
  get canResume(): boolean {
    const run = this.run;
    if (this.busy || !run || !run.resumable || this.undone !== null) return false;
    return !this.runs.some((r) => undoOf(r) === run.id);
  }

  /** A folder picked in the tree, or typed: the folders above it open in the tree. */
  chooseFolder(path: string): void {
    this.folder = path.trim();
    if (this.tree.connectionId) void this.tree.reveal(this.folder);
  }

  /** Files or folders dropped on the page, or chosen: added to those on hand. A preview shown
   *  is of other files: it goes. */
  received(held: HeldUpload): void {
    if (this.busy || this.run) return;
    this.inputs = [...this.inputs, held];
    this.preview = null;
  }

  /** A sheet dropped on the page, or chosen: the upload's metadata. */
  sheetReceived(sheet: HeldSheet): void {
    if (this.busy || this.run) return;
    this.sheet = sheet;
    this.preview = null;
  }

  removeSheet(): void {
    if (this.busy) return;
    this.sheet = null;
    this.preview = null;
  }

  /** Every file and the preview go; the folder, connection and sheet stay. */
  clearFiles(): void {
    if (this.busy) return;
    this.inputs = [];
    this.preview = null;
  }

  /** The system's dialog for files (or one folder). */
  async choose(folder: boolean): Promise<void> {
    await this.#step('choosing', async () => {
      const held = await chooseUploadFiles(folder);
      if (held) {
        this.inputs = [...this.inputs, held];
        this.preview = null;
      }
    });
  }

  async chooseSheet(): Promise<void> {
    await this.#step('choosing', async () => {
      const sheet = await chooseSheetFile();
      if (sheet) {
        this.sheet = sheet;
        this.preview = null;
      }
    });
  }

  /** "Preview": what the upload would do, read from AEM; nothing is sent. */
  async makePreview(): Promise<void> {
    if (!this.canPreview) return;
    await this.#step('previewing', async () => {
      this.preview = null;
      this.preview = await previewUpload({
        connectionId: this.connectionId,
        inputs: this.inputs.map((i) => i.id),
        folder: this.folder.trim(),
        replace: this.replace,
        sheetId: this.sheet?.id ?? null,
      });
    });
  }

  /** "Upload": the preview's run, journaled then applied with progress; its report after. On
   *  a connection marked production, `typedName` is the name the user typed to confirm (the
   *  core checks it again). */
  async upload(typedName: string | null = null): Promise<void> {
    const preview = this.preview;
    if (!this.canUpload || !preview) return;
    await this.#step('uploading', async () => {
      const started = await startUpload(this.connectionId, preview.id);
      this.run = started;
      this.progress = null;
      await this.#apply(started.id, typedName);
    });
  }

  /** Takes up the report's run where it stopped: files done are not sent again. */
  async resume(typedName: string | null = null): Promise<void> {
    const run = this.run;
    if (!this.canResume || !run) return;
    await this.#step('uploading', () => this.#apply(run.id, typedName));
  }

  async #apply(runId: string, typedName: string | null): Promise<void> {
    this.progress = null;
    this.paused = false;
    this.cancelRequested = false;
    const request = { runId, confirmName: typedName, emptyRequired: false, republish: false };
    try {
      this.run = await applyRun(request, (p) => {
        this.progress = p;
        this.paused = p.paused;
      });
    } finally {
      this.paused = false;
      this.cancelRequested = false;
      this.rows = await uploadReport(runId);
      this.runs = await listRuns();
      this.run = this.runs.find((r) => r.id === runId) ?? this.run;
    }
  }

  /** Pauses the upload at work: requests in flight finish, no new one leaves. */
  async pause(): Promise<void> {
    await this.#control(async () => {
      await pauseRun();
      this.paused = true;
    });
  }

  async unpause(): Promise<void> {
    await this.#control(async () => {
      await resumeRun();
      this.paused = false;
    });
  }

  /** Stops the upload at work once requests in flight end; it can be resumed later. */
  async cancel(): Promise<void> {
    this.cancelRequested = true;
    await this.#control(() => cancelRun());
  }

  async #control(request: () => Promise<void>): Promise<void> {
    if (this.work !== 'uploading' || this.controlling) return;
    this.controlling = true;
    try {
      await request();
    } catch (thrown) {
      this.error = toIpcError(thrown);
    } finally {
      this.controlling = false;
    }
  }

  /** Shows upload run `runId`'s report (from Activity), where it can be undone. */
  async openRun(runId: string): Promise<void> {
    if (this.busy) return;
    await this.#step('choosing', async () => {
      const run = await runSummary(runId);
      this.#forget();
      this.run = run;
      this.rows = await uploadReport(runId);
      this.runs = await listRuns();
      this.folder = uploadView(run)?.folder ?? this.folder;
    });
  }

  /** Deletes what the report's run made, except what was changed since. On a connection
   *  marked production, `typedName` is the name the user typed to confirm. */
  async undo(typedName: string | null = null): Promise<void> {
    const run = this.run;
    if (!this.canUndo || !run) return;
    await this.#step('undoing', async () => {
      // Previewed and applied as every undo: the core plans it from the upload's journal and
      // checks each file again just before its delete.
      const planned = await previewUndo(run.id, () => {});
      const request = { runId: planned.id, confirmName: typedName, emptyRequired: false, republish: false };
      this.undone = undoneFiles(await applyRun(request, () => {}));
      this.runs = await listRuns();
      // Each file's row now says what the undo did to it.
      this.rows = await uploadReport(run.id);
    });
  }

  /** After a report: a new upload into the same folder, on the same connection. */
  startOver(): void {
    if (this.busy) return;
    this.#forget();
  }

  #forget(): void {
    this.inputs = [];
    this.sheet = null;
    this.preview = null;
    this.run = null;
    this.progress = null;
    this.rows = [];
    this.undone = null;
    this.runs = [];
    this.error = null;
  }

  /** Runs `step` as `work`, unless something is at work; its failure is kept to show. */
  #step(work: Exclude<UploadWork, 'idle'>, step: () => Promise<void>): Promise<void> {
    return runStep(this, work, step);
  }
}
