// The Move panel's state (issue 76): what moves (the Bulk edit scope's assets into a folder, or
// a sheet of renames held by the core and named by id), how (keep subfolders or put all in the
// folder, a rename rule, republish), and the steps of its run: the preview (nothing moved), the
// apply with progress, the report (the same rows, their states updated) and the undo (itself a
// preview, then applied). Every step is the core's: this only keeps what the panel shows and
// says what may be pressed when.
//
// Not here: the drawing (MovePanel.svelte), the rule's text and example (moveRule.ts).
import { applyRun, cancelRun, chooseSheetFile, pauseRun, previewMove, previewUndo, resumeRun } from '../../ipc/commands';
import type { HeldSheet } from '../../ipc/bindings/HeldSheet';
import type { MoveView } from '../../ipc/bindings/MoveView';
import type { Progress } from '../../ipc/bindings/Progress';
import type { RunSummary } from '../../ipc/bindings/RunSummary';
import type { ScopeRequest } from '../../ipc/bindings/ScopeRequest';
import { toIpcError } from '../../ipc/errors';
import { runStep } from '../../lib/step';
import type { IpcError } from '../../ipc/types';
import { noRename, renamedExample, ruleText, type RenameChoice } from './moveRule';
import { whollyUndone } from '../bulk/undoLinks';

/** What the panel is doing: a step at work shows its progress and holds every button. */
export type MoveWork = 'idle' | 'choosing' | 'previewing' | 'applying' | 'undoing';

/** The name the rename example starts from. */
export const EXAMPLE_NAME = 'IMG_2231 Beach.JPG';

export class MoveModel {
  /** The panel is shown (opened by "Move…" or "Moves from a sheet…"). */
  open = $state(false);
  /** The Bulk edit scope's assets move (`scope`), or a sheet's rows (`sheet`). */
  source = $state<'scope' | 'sheet'>('scope');
  scope = $state<ScopeRequest | null>(null);
  sheet = $state<HeldSheet | null>(null);
  /** The connection a sheet's moves run on. */
  connectionId = $state('');
  to = $state('');
  flatten = $state(false);
  rename = $state<RenameChoice>(noRename());
  republish = $state(false);
  /** Pages the person unticked: left pointing at the old path, and reported. */
  keepPages = $state<string[]>([]);
  /** The run on screen: a move's or its undo's, previewed, then applied. */
  run = $state<RunSummary | null>(null);
  progress = $state<Progress | null>(null);
  paused = $state(false);
  work = $state<MoveWork>('idle');
  error = $state<IpcError | null>(null);
  /** The run history a run was opened with (Activity's): whether an undo took it back. */
  #runs = $state<readonly RunSummary[]>([]);

  get busy(): boolean {
    return this.work !== 'idle';
  }

  /** The run's move as its summary shows it. */
  get view(): MoveView | null {
    const op = this.run?.op;
    return op && op.op === 'move' ? op : null;
  }

  /** The rule's text the core takes; null keeps the names. */
  get ruleText(): string | null {
    return ruleText(this.rename);
  }

  /** "IMG_2231 Beach.JPG → …": the rule on an example name, for display only. */
  get example(): string {
    return renamedExample(EXAMPLE_NAME, this.rename, 0);
  }

  get canPreview(): boolean {
    if (this.busy) return false;
    if (this.source === 'sheet') return this.sheet !== null && this.connectionId !== '';
    return this.scope !== null && this.to.trim() !== '';
  }

  /** How many moves the preview's Apply would send: the planned ones, not the refused. */
  get toMove(): number {
    const view = this.view;
    return view ? view.counts.pending + view.counts.failed : 0;
  }

  /** Apply: a previewed run with something to move (or one stopped to take up again). */
  get canApply(): boolean {
    const run = this.run;
    if (this.busy || !run || this.toMove === 0) return false;
    return run.status === 'previewed' || run.resumable;
  }

  /** Undo: a move applied that moved something (not an undo itself), and not undone in full
   *  already (Activity's rule: a second undo would find nothing where the move put it). */
  get canUndo(): boolean {
    const run = this.run;
    if (this.busy || !run || !this.view || run.goesBackTo !== null || run.status === 'previewed') return false;
    return (this.view?.counts.done ?? 0) > 0 && !whollyUndone(run, this.#runs);
  }

  /** "Move…" on the Bulk edit page: the scope's assets, into a folder to choose. */
  openFor(scope: ScopeRequest): void {
    if (this.busy) return;
    this.#forget();
    this.open = true;
    this.source = 'scope';
    this.scope = scope;
    this.connectionId = scope.connectionId;
  }

  /** A move's run opened from Activity: its preview or report, with Apply, Resume or Undo as
   *  its state allows. */
  showRun(run: RunSummary, runs: readonly RunSummary[] = []): void {
    if (this.busy) return;
    this.#forget();
    this.open = true;
    this.connectionId = run.connectionId ?? '';
    this.run = run;
    this.#runs = runs;
  }

  /** "Moves from a sheet…": the sheet chosen in the open dialog (held by the core). */
  async chooseSheet(connectionId: string): Promise<void> {
    await this.#step('choosing', async () => {
      const sheet = await chooseSheetFile();
      if (sheet) this.sheetReceived(sheet, connectionId);
    });
  }

  /** A sheet of renames dropped on the panel, or chosen. */
  sheetReceived(sheet: HeldSheet, connectionId: string): void {
    if (this.work === 'previewing' || this.work === 'applying' || this.work === 'undoing') return;
    this.#forget();
    this.open = true;
    this.source = 'sheet';
    this.sheet = sheet;
    this.connectionId = connectionId;
  }

  close(): void {
    if (this.busy) return;
    this.#forget();
    this.open = false;
  }

  /** "Preview": what the move would do, read from AEM; nothing moves. */
  async makePreview(): Promise<void> {
    if (!this.canPreview) return;
    const scope = this.scope;
    const sheet = this.sheet;
    await this.#step('previewing', async () => {
      this.run = null;
      const from =
        this.source === 'sheet' && sheet
          ? { kind: 'sheet' as const, connectionId: this.connectionId, sheetId: sheet.id }
          : { kind: 'scope' as const, scope: scope as ScopeRequest, to: this.to.trim() };
      this.run = await previewMove({
        from,
        flatten: this.source === 'scope' && this.flatten,
        rename: this.source === 'scope' ? this.ruleText : null,
        republish: this.republish,
        keepPages: [...this.keepPages],
      });
    });
  }

  /** A page's tick in the preview: unticked, AEM leaves it pointing at the old path; the
   *  preview is made again with it (the core plans which pages the move fixes). */
  async setPageFixed(page: string, fixed: boolean): Promise<void> {
    if (this.busy || this.run?.status !== 'previewed') return;
    const kept = this.keepPages.filter((p) => p !== page);
    this.keepPages = fixed ? kept : [...kept, page];
    await this.makePreview();
  }

  /** "Apply": the run's moves with progress; the same rows after, their states updated. On a
   *  connection marked production, `typedName` is the name the user typed (the core checks). */
  async apply(typedName: string | null = null): Promise<void> {
    const run = this.run;
    if (!this.canApply || !run) return;
    await this.#step('applying', async () => {
      this.progress = null;
      this.paused = false;
      const request = { runId: run.id, confirmName: typedName, emptyRequired: false, republish: this.view?.republish ?? false };
      this.run = await applyRun(request, (p) => {
        this.progress = p;
        this.paused = p.paused;
      });
    });
  }

  /** "Undo": previews moving each asset back (what changed since is kept); applied after. */
  async undo(): Promise<void> {
    const run = this.run;
    if (!this.canUndo || !run) return;
    await this.#step('undoing', async () => {
      this.run = await previewUndo(run.id, () => {});
    });
  }

  async pause(): Promise<void> {
    if (this.work !== 'applying') return;
    await pauseRun().catch((e: unknown) => (this.error = toIpcError(e)));
    this.paused = true;
  }

  async unpause(): Promise<void> {
    if (this.work !== 'applying') return;
    await resumeRun().catch((e: unknown) => (this.error = toIpcError(e)));
    this.paused = false;
  }

  async cancel(): Promise<void> {
    if (this.work !== 'applying') return;
    await cancelRun().catch((e: unknown) => (this.error = toIpcError(e)));
  }

  #forget(): void {
    this.keepPages = [];
    this.scope = null;
    this.sheet = null;
    this.run = null;
    this.#runs = [];
    this.progress = null;
    this.error = null;
  }

  /** Runs `step` as `work`, unless something is at work; its failure is kept to show. */
  #step(work: Exclude<MoveWork, 'idle'>, step: () => Promise<void>): Promise<void> {
    return runStep(this, work, step);
  }
}
