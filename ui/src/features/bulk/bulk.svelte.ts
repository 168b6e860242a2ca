// The bulk edit's state for the whole window: the form, the scope count, the folder tree, the
// run on screen (its preview, progress or report), the one job this window runs (a preview or
// an apply), the run history and the interrupted run found at start-up. One instance lives in
// App, so a run keeps going (and showing) while the user visits other sections.
import {
  applyRun,
  cancelRun,
  closeAfterCancellingRun,
  chooseSheetFile,
  countScope,
  exportReportCsv,
  exportSheet,
  localizedCsvHeaders,
  exportSheetIssues,
  listRuns,
  pauseRun,
  previewRetry,
  previewRows,
  previewRun,
  previewSheet,
  previewUndo,
  reportRows,
  resumeRun,
  runSummary,
  setLocalizedCsvHeaders,
} from '../../ipc/commands';
import type { Action } from '../../ipc/bindings/Action';
import type { Filters } from '../../ipc/bindings/Filters';
import type { HeldSheet } from '../../ipc/bindings/HeldSheet';
import type { SavedSheet } from '../../ipc/bindings/SavedSheet';
import type { SheetImport } from '../../ipc/bindings/SheetImport';
import type { PlanRow } from '../../ipc/bindings/PlanRow';
import type { Progress } from '../../ipc/bindings/Progress';
import type { ReportRow } from '../../ipc/bindings/ReportRow';
import type { ReportStatus } from '../../ipc/bindings/ReportStatus';
import type { RunRequest } from '../../ipc/bindings/RunRequest';
import type { RunSummary } from '../../ipc/bindings/RunSummary';
import type { ScopeCount } from '../../ipc/bindings/ScopeCount';
import { toIpcError } from '../../ipc/errors';
import type { ConnectionView, IpcError } from '../../ipc/types';
import {
  DAM_ROOT,
  editsOf,
  emptyForm,
  filtersOf,
  folderProblem,
  hasProblems,
  newEdit,
  normalizeFolder,
  toRunRequest,
  validate,
  type FormDraft,
  type FormProblems,
} from './editForm';
import { FolderTree } from './folderTree.svelte';
import {
  canApplySheet,
  emptySheetDraft,
  exportProblems,
  hasExportProblems,
  sheetProperties,
  type SheetDraft,
  type SheetExportProblems,
} from './sheetForm';
import { willChange } from './format';
import { runPartsOf } from './scopeForm';
import { ScopePick } from './scopePick.svelte';
import { PAGE_SIZE, PagedRows } from './paged.svelte';
import { I18n } from '../../lib/i18n/i18n.svelte';

/** How the setup says what to change: one change for every asset, or a sheet per asset. */
export type Mode = 'same' | 'sheet';

/** Where the page is: filling the form, looking at a preview, watching an apply, or a report. */
export type Stage = 'setup' | 'preview' | 'apply' | 'report';

/** How long typing settles before the scope is counted again. */
export const COUNT_DELAY_MS = 350;

/** The key of a scope: what a count is of (connection, folder, filters). */
export function scopeKey(connectionId: string, folder: string, filters: Filters): string {
  return JSON.stringify([connectionId, folder, filters]);
}

/** The count of the assets in scope, as it streams in. */
export class ScopeCounter {
  count = $state<ScopeCount | null>(null);
  error = $state<IpcError | null>(null);
  counting = $state(false);
  /** What the shown (or running) count is of, to skip counting it again. */
  key = $state('');

  #generation = 0;

  /** Whether the scope of `key` is being counted or has its final count (a failed count is
   *  tried again). */
  covers(key: string): boolean {
    return this.key === key && !this.error && (this.counting || this.count?.done === true);
  }

  async run(connectionId: string, folder: string, filters: Filters): Promise<void> {
    const generation = ++this.#generation;
    this.key = scopeKey(connectionId, folder, filters);
    this.count = null;
    this.error = null;
    this.counting = true;
    try {
      const final = await countScope(connectionId, folder, filters, (update) => {
        if (generation === this.#generation) this.count = update;
      });
      if (generation !== this.#generation) return;
      if (final.done) {
        this.count = final;
      } else {
        // Another job (a preview, an undo) stopped this count: what it had counted so far is no
        // result. Forget it, so the scope is counted again once that job has ended.
        this.key = '';
        this.count = null;
      }
    } catch (thrown) {
      if (generation === this.#generation) this.error = toIpcError(thrown);
    } finally {
      if (generation === this.#generation) this.counting = false;
    }
  }

  /** Forgets the count (the folder is no longer valid); a count still running is ignored. */
  clear(): void {
    this.#generation++;
    this.key = '';
    this.count = null;
    this.error = null;
    this.counting = false;
  }
}

/** A message shown in one stage: an error (IpcError) or a plain notice (a message id). */
export interface StageMessage {
  stage: Stage;
  error: IpcError | null;
  notice: string | null;
}

export class BulkStore {
  /** The window's words (first: the fields below word their problems with it). */
  #i18n: I18n;

  form = $state<FormDraft>(emptyForm());
  /** Problems are shown once the user tried to preview (and then live). */
  showProblems = $state(false);
  problems = $derived(this.#problemsOf());

  scope = new ScopeCounter();
  /** A search or a list instead of a folder's assets (with its own count and saved scopes). */
  pick = new ScopePick({
    connectionId: () => this.form.connectionId,
    folder: () => this.form.folder,
    recursive: () => this.form.recursive,
    busy: () => this.job !== null,
    setFolder: (folder, recursive) => {
      this.chooseFolder(folder);
      this.form.recursive = recursive;
    },
    t: (id, args) => this.#i18n.t(id, args),
  });
  tree = new FolderTree();

  // ---- From a spreadsheet ----
  mode = $state<Mode>('same');
  sheet = $state<SheetDraft>(emptySheetDraft());
  /** Export problems are shown once the user tried to export (and then live). */
  showSheetProblems = $state(false);
  sheetProblems = $derived(this.#sheetProblemsOf());
  sheetExporting = $state(false);
  sheetExported = $state<SavedSheet | null>(null);
  /** The sheet on hand for import (dropped or chosen). */
  sheetFile = $state<HeldSheet | null>(null);
  skipRowsInError = $state(false);
  /** The last check of the sheet on hand: its problems, and its preview when there is one. */
  sheetResult = $state<SheetImport | null>(null);
  /** Whether `sheetResult` was made with the rows in error left out. */
  sheetSkipped = $state(false);
  sheetMessage = $state<IpcError | null>(null);
  issuesExported = $state<string | null>(null);

  stage = $state<Stage>('setup');
  /** The run on screen: the one previewed, applied or reported. */
  run = $state<RunSummary | null>(null);
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

  preview = new PagedRows<PlanRow, Action>(previewRows);
  report = new PagedRows<ReportRow, ReportStatus>(reportRows);
  /** Reasons of the first failed rows, for the sentence above the report's table. */
  failedReasons = $state<(string | null)[]>([]);
  exporting = $state(false);
  exported = $state<string | null>(null);
  /** Whether an exported report's columns are headed in words of the window's language rather
   *  than machine keys: the user's choice, saved by the core and read back at start-up. */
  localizedHeaders = $state(false);

  runs = $state<RunSummary[]>([]);
  runsLoaded = $state(false);
  runsLoading = $state(false);
  /** The language `runs` are worded in (the core words their reasons and conditions). */
  #runsLang = $state<string | null>(null);
  runsError = $state<IpcError | null>(null);

  /** An interrupted run found at start-up, until resumed or put off. */
  interrupted = $state<RunSummary | null>(null);
  /** A run waiting for its production confirmation before it is applied. */
  confirming = $state<RunSummary | null>(null);
  /** The window's close button was pressed during a run. */
  closeAsked = $state(false);
  closing = $state(false);
  closeError = $state<IpcError | null>(null);

  busy = $derived(this.job !== null);

  #connections: () => ConnectionView[];
  #countTimer: ReturnType<typeof setTimeout> | null = null;
  #nextEditKey = 1;

  /** `i18n`: the window's words, for the problems and messages this store words itself. */
  constructor(connections: () => ConnectionView[], i18n: I18n = new I18n('en')) {
    this.#connections = connections;
    this.#i18n = i18n;
  }

  /** The form's problems for the scope chosen: a list has no folder, and a search says names
   *  and formats in its conditions; the search's or list's own problem is `general`. */
  #problemsOf(): FormProblems {
    const problems = validate(this.#i18n.t, this.form);
    const kind = this.pick?.draft.kind ?? 'folder';
    if (kind === 'folder') return problems;
    delete problems.name;
    if (kind === 'list') delete problems.folder;
    const own = this.pick.problem();
    if (own && !problems.general) problems.general = this.#i18n.t(own);
    return problems;
  }

  #sheetProblemsOf(): SheetExportProblems {
    return exportProblems(this.#i18n.t, this.form.connectionId, this.form.folder, this.sheet);
  }

  /** Stops what would still fire later (a count waiting for typing to settle, a count's late
   *  answer): for when the page that owns this store goes away. */
  dispose(): void {
    if (this.#countTimer !== null) clearTimeout(this.#countTimer);
    this.#countTimer = null;
    this.scope.clear();
    this.pick.dispose();
  }

  // ---- The form -------------------------------------------------------------------------

  /** Picks the connection and starts its folder tree from the DAM root. */
  async chooseConnection(id: string): Promise<void> {
    if (this.form.connectionId === id && this.tree.connectionId === id) return;
    this.form.connectionId = id;
    this.scope.clear();
    await this.tree.reset(id);
  }

  chooseFolder(path: string): void {
    this.form.folder = normalizeFolder(path);
    // Show where it is in the tree: the folders above it open, so it shows selected.
    if (this.tree.connectionId && this.form.folder.startsWith(`${DAM_ROOT}/`)) void this.tree.reveal(this.form.folder);
  }

  addEdit(): void {
    this.form.edits.push(newEdit(this.#nextEditKey++));
  }

  removeEdit(key: number): void {
    this.form.edits = this.form.edits.filter((edit) => edit.key !== key);
  }

  /** Counts the scope after typing settles; called whenever the scope's fields change. */
  scheduleCount(): void {
    if (this.pick.kind !== 'folder') {
      // A folder count waiting to start would count the wrong scope.
      if (this.#countTimer !== null) clearTimeout(this.#countTimer);
      this.#countTimer = null;
      this.scope.clear();
      this.pick.schedule();
      return;
    }
    if (this.#countTimer !== null) clearTimeout(this.#countTimer);
    this.#countTimer = setTimeout(() => {
      this.#countTimer = null;
      void this.countNow();
    }, COUNT_DELAY_MS);
  }

  /** Counts the scope now, unless the same scope is already counted (or counting) or a job runs. */
  async countNow(): Promise<void> {
    const { connectionId } = this.form;
    const folder = normalizeFolder(this.form.folder);
    if (this.pick.kind !== 'folder') return;
    if (!connectionId || folderProblem(this.#i18n.t, folder) || this.form.name.includes('/')) {
      this.scope.clear();
      return;
    }
    // Any other job would be stopped by a count: never count while one runs.
    if (this.job !== null) return;
    const filters = filtersOf(this.form);
    if (this.scope.covers(scopeKey(connectionId, folder, filters))) return;
    await this.scope.run(connectionId, folder, filters);
  }

  // ---- From a spreadsheet --------------------------------------------------------------------

  setMode(mode: Mode): void {
    if (this.job !== null) return;
    this.mode = mode;
  }

  /** Whether a file dropped on the window is a list of assets for the list scope rather than
   *  a sheet to import: a .txt always; a .csv or workbook while the list is being edited. */
  takesListFile(file: HeldSheet): boolean {
    if (file.fileName.toLowerCase().endsWith('.txt')) return true;
    return this.mode !== 'sheet' && this.pick.kind === 'list';
  }

  /** A list file dropped on the window: the list scope takes its entries. */
  async listFileReceived(file: HeldSheet): Promise<void> {
    if (this.job !== null) return;
    this.mode = 'same';
    await this.pick.listFileReceived(file);
  }

  /** "Export…": asks where to save (the system's dialog), then writes the sheet. */
  async exportSheet(): Promise<void> {
    this.showSheetProblems = true;
    if (this.sheetExporting || this.job !== null || hasExportProblems(this.sheetProblems)) return;
    if (this.#countTimer !== null) clearTimeout(this.#countTimer);
    this.sheetExporting = true;
    this.sheetExported = null;
    this.sheetMessage = null;
    try {
      this.sheetExported = await exportSheet(
        this.form.connectionId,
        normalizeFolder(this.form.folder),
        filtersOf(this.form),
        sheetProperties(this.sheet),
        this.sheet.format,
      );
    } catch (thrown) {
      this.sheetMessage = toIpcError(thrown);
    } finally {
      this.sheetExporting = false;
      // The export stopped any count that was running.
      this.scheduleCount();
    }
  }

  /** A sheet dropped on the window (or chosen): on hand for "Check and preview". */
  sheetReceived(file: HeldSheet): void {
    this.mode = 'sheet';
    this.sheetFile = file;
    this.sheetResult = null;
    this.sheetMessage = null;
    this.issuesExported = null;
  }

  async chooseSheet(): Promise<void> {
    if (this.job !== null) return;
    try {
      const file = await chooseSheetFile();
      if (file) this.sheetReceived(file);
    } catch (thrown) {
      this.sheetMessage = toIpcError(thrown);
    }
  }

  /** Reads the sheet on hand as it is now, checks every cell and previews it. With errors the
   *  problems table shows and nothing is planned to be written (unless rows in error are left
   *  out); without, the preview opens as for any bulk edit. */
  async checkSheet(): Promise<void> {
    const file = this.sheetFile;
    const connectionId = this.form.connectionId;
    if (this.job !== null || !file) return;
    if (!connectionId) {
      this.showProblems = true;
      return;
    }
    const skip = this.skipRowsInError;
    if (this.#countTimer !== null) clearTimeout(this.#countTimer);
    this.job = 'preview';
    this.jobFrom = 'setup';
    this.progress = null;
    this.message = null;
    this.sheetMessage = null;
    this.sheetResult = null;
    this.issuesExported = null;
    this.cancelRequested = false;
    try {
      const result = await previewSheet(connectionId, file.id, skip, (progress) => (this.progress = progress));
      this.sheetResult = result;
      this.sheetSkipped = skip;
      const run = result.run;
      if (run?.status === 'preview_incomplete') {
        this.message = {
          stage: 'setup',
          error: null,
          notice: this.cancelRequested
            ? 'bulk-notice-preview-cancelled'
            : 'bulk-notice-preview-unfinished',
        };
        return;
      }
      if (run && canApplySheet(result, skip)) {
        this.job = null;
        await this.openPreview(run);
      }
    } catch (thrown) {
      this.sheetMessage = toIpcError(thrown);
    } finally {
      this.job = null;
      this.progress = null;
      this.cancelRequested = false;
      void this.loadRuns();
      if (this.stage === 'setup') this.scheduleCount();
    }
  }

  /** The problems of the last check, saved as CSV where the user says. */
  async exportIssues(): Promise<void> {
    const result = this.sheetResult;
    if (!result) return;
    this.issuesExported = null;
    try {
      this.issuesExported = await exportSheetIssues(result.fileName, result.issues);
    } catch (thrown) {
      this.sheetMessage = toIpcError(thrown);
    }
  }

  /** The sheet's problems that go with `run` (its warnings, the rows left out), if it is the
   *  preview of the sheet last checked. */
  sheetOf(run: RunSummary): SheetImport | null {
    return this.sheetResult?.run?.id === run.id ? this.sheetResult : null;
  }

  // ---- Preview ----------------------------------------------------------------------------

  /** "Preview": checks the form, then reads the current values (nothing is written). */
  async startPreview(): Promise<void> {
    this.showProblems = true;
    if (this.job !== null || hasProblems(this.problems)) return;
    let request: RunRequest;
    if (this.pick.kind === 'folder') {
      request = toRunRequest(this.#i18n.t, this.form);
    } else {
      // A list's entries are read by the core before its scope exists.
      if (this.pick.kind === 'list' && !(await this.pick.readEntries())) return;
      const scope = this.pick.scope();
      if (!scope) return;
      request = { connectionId: this.form.connectionId, ...runPartsOf(scope), edits: editsOf(this.form) };
    }
    await this.#preview('setup', (onProgress) => previewRun(request, onProgress));
  }

  /** Plans the undo of `runId` (its own preview, then Apply). */
  async startUndo(runId: string): Promise<void> {
    await this.#preview(this.stage, (onProgress) => previewUndo(runId, onProgress));
  }

  /** Plans the same edits again on the assets that failed in `runId`. */
  async startRetry(runId: string): Promise<void> {
    await this.#preview(this.stage, (onProgress) => previewRetry(runId, onProgress));
  }

  async #preview(from: Stage, start: (onProgress: (p: Progress) => void) => Promise<RunSummary>): Promise<void> {
    if (this.job !== null) return;
    if (this.#countTimer !== null) clearTimeout(this.#countTimer);
    this.job = 'preview';
    this.jobFrom = from;
    this.progress = null;
    this.message = null;
    this.cancelRequested = false;
    try {
      const summary = await start((progress) => (this.progress = progress));
      if (summary.status === 'preview_incomplete') {
        this.message = {
          stage: from,
          error: null,
          notice: this.cancelRequested
            ? 'bulk-notice-preview-cancelled'
            : 'bulk-notice-preview-unfinished',
        };
        return;
      }
      this.job = null;
      await this.openPreview(summary);
    } catch (thrown) {
      this.message = { stage: from, error: toIpcError(thrown), notice: null };
    } finally {
      this.job = null;
      this.progress = null;
      this.cancelRequested = false;
      void this.loadRuns();
      // Back on the form (the preview failed or was cancelled): the preview stopped any count
      // that was running, so count the scope again.
      if (this.stage === 'setup') this.scheduleCount();
    }
  }

  /** Shows a previewed run's table, starting on what will change (when anything will). */
  async openPreview(run: RunSummary): Promise<void> {
    this.run = run;
    this.stage = 'preview';
    this.message = null;
    this.exported = null;
    await this.preview.open(run.id, willChange(run.counts) > 0 ? 'change' : null);
  }

  // ---- Apply -------------------------------------------------------------------------------

  /** The saved connection a run was made with: by id (it may have been renamed since), else
   *  by name for runs recorded without one — the same order the Rust side uses. */
  connectionOf(run: RunSummary): ConnectionView | undefined {
    const list = this.#connections();
    if (run.connectionId) return list.find((c) => c.id === run.connectionId);
    return list.find((c) => c.name === run.connection);
  }

  /** The run an undo or a retry goes back to, when the history has it. */
  originOf(run: RunSummary): RunSummary | null {
    if (run.kind.kind === 'edit' || run.kind.kind === 'sheet') return null;
    const of = run.kind.of;
    return this.runs.find((r) => r.id === of) ?? null;
  }

  /** Whether applying `run` needs the production confirmation. */
  needsConfirmation(run: RunSummary): boolean {
    return this.connectionOf(run)?.production ?? false;
  }

  /** "Apply" (or "Resume"): asks for the production confirmation first when needed. */
  async requestApply(run: RunSummary): Promise<void> {
    if (this.job !== null) return;
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
    if (this.#countTimer !== null) clearTimeout(this.#countTimer);
    this.job = 'apply';
    this.run = run;
    this.stage = 'apply';
    this.progress = null;
    this.paused = false;
    this.cancelRequested = false;
    this.message = null;
    this.exported = null;
    if (this.interrupted?.id === run.id) this.interrupted = null;
    let summary: RunSummary | null = null;
    try {
      summary = await applyRun({ runId: run.id, confirmName }, (progress) => {
        this.progress = progress;
        this.paused = progress.paused;
      });
    } catch (thrown) {
      this.message = { stage: 'apply', error: toIpcError(thrown), notice: null };
      try {
        this.run = await runSummary(run.id);
      } catch {
        // Keep the summary we had; the error above says what went wrong.
      }
    } finally {
      this.job = null;
      this.paused = false;
      this.controlling = false;
      this.cancelRequested = false;
    }
    void this.loadRuns();
    if (summary) await this.openReport(summary);
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
      await cancelRun();
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

  // ---- Report ---------------------------------------------------------------------------------

  async openReport(run: RunSummary): Promise<void> {
    this.run = run;
    this.stage = 'report';
    this.exported = null;
    this.failedReasons = [];
    const loads: Promise<void>[] = [this.report.open(run.id, null)];
    if (run.counts.failed > 0) loads.push(this.#loadFailedReasons(run.id));
    await Promise.all(loads);
  }

  async #loadFailedReasons(runId: string): Promise<void> {
    try {
      const page = await reportRows(runId, 'failed', 0, PAGE_SIZE);
      if (this.run?.id === runId) this.failedReasons = page.rows.map((row) => row.reason);
    } catch {
      // The table below still lists every failed asset with its reason.
    }
  }

  /** Opens a run from Activity or the banner: a previewed run shows its preview, others their report. */
  async open(run: RunSummary): Promise<void> {
    // While a job runs, the page shows it; other runs open once it has ended.
    if (this.job !== null) return;
    this.message = null;
    if (run.status === 'previewed') await this.openPreview(run);
    else await this.openReport(run);
  }

  async exportCsv(): Promise<void> {
    const run = this.run;
    if (!run || this.exporting) return;
    this.exporting = true;
    this.exported = null;
    try {
      const file = await exportReportCsv(run.id, this.localizedHeaders);
      this.exported = file;
    } catch (thrown) {
      this.message = { stage: 'report', error: toIpcError(thrown), notice: null };
    } finally {
      this.exporting = false;
    }
  }

  /** At start-up: the column headers choice saved before (the keys when none could be read). */
  async loadReportSettings(): Promise<void> {
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
      this.message = { stage: 'report', error: toIpcError(thrown), notice: null };
    }
  }

  /** Back to the form (kept as it was) for a new edit. */
  newEdit(): void {
    if (this.job !== null) return;
    this.stage = 'setup';
    this.run = null;
    this.message = null;
    this.preview.clear();
    this.report.clear();
  }

  // ---- History and start-up --------------------------------------------------------------------

  /** Whether `runs` are in the window's language: after a switch they are not, until loaded
   *  again, and are not to be shown meanwhile. */
  get runsInLanguage(): boolean {
    return this.#runsLang === this.#i18n.lang;
  }

  async loadRuns(): Promise<void> {
    this.runsLoading = true;
    const lang = this.#i18n.lang;
    try {
      this.runs = await listRuns();
      this.#runsLang = lang;
      this.runsError = null;
    } catch (thrown) {
      this.runsError = toIpcError(thrown);
    } finally {
      this.runsLoading = false;
      this.runsLoaded = true;
    }
  }

  /** At start-up: offers the newest interrupted run for resume. */
  async checkInterrupted(): Promise<void> {
    await this.loadRuns();
    this.interrupted = this.runs.find((run) => run.status === 'interrupted') ?? null;
  }

  putOffInterrupted(): void {
    this.interrupted = null;
  }

  /** Whether `run` is the one this window is applying right now. */
  isRunning(run: RunSummary): boolean {
    return this.job === 'apply' && this.run?.id === run.id;
  }

  // ---- Closing the window during a run --------------------------------------------------------

  /** What the running job has done so far, for the close dialog: the user decides whether to
   *  cancel it knowing where it writes and how far it got. Null before its first progress. */
  closeProgressLine(): string | null {
    const progress = this.progress;
    if (this.job === null || progress === null) return null;
    const { done, total } = progress;
    if (this.job === 'apply' && this.run) {
      return this.#i18n.t('close-run-apply', { connection: this.run.connection, done, total });
    }
    if (this.job === 'preview') {
      return progress.totalKnown
        ? this.#i18n.t('close-run-preview', { done, total })
        : this.#i18n.t('close-run-listing', { done });
    }
    return null;
  }

  askClose(): void {
    this.closeError = null;
    this.closeAsked = true;
  }

  keepRunning(): void {
    this.closeAsked = false;
  }

  async closeAfterCancelling(): Promise<void> {
    this.closing = true;
    this.closeError = null;
    try {
      await closeAfterCancellingRun();
    } catch (thrown) {
      this.closeError = toIpcError(thrown);
    } finally {
      this.closing = false;
    }
  }
}
