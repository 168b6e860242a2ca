// The Merge into…, Move… or Delete dialog open on a tag: the form, its preview (the bulk run's
// one job, its progress shown in the dialog), the core's refusals in its words, and a change
// no asset under the folder follows, which AEM makes at once. A previewed run leaves the
// dialog for the Bulk edit page, where it is applied, reported and undone like any run.
import { applyRun, previewTagChange } from '../../ipc/commands';
import type { RunSummary } from '../../ipc/bindings/RunSummary';
import type { TagStepView } from '../../ipc/bindings/TagStepView';
import { toIpcError } from '../../ipc/errors';
import type { IpcError } from '../../ipc/types';
import { willChange } from '../bulk/format';
import type { RunModel } from '../bulk/run.svelte';
import { missingOf, requestOf, type TagAction, type TagChangeForm } from './tagChangeForm';

/** The folder a change covers unless the user narrows it: every asset. */
export const WHOLE_DAM = '/content/dam';

export class TagChangeModel {
  form = $state<TagChangeForm | null>(null);
  /** "Then republish…": the changed assets that were on the website, once applied. */
  republish = $state(false);
  /** What the form lacked when Preview was pressed (message ids). */
  missing = $state<string[]>([]);
  /** The core's refusal or failure, in its words. */
  error = $state<IpcError | null>(null);
  /** A notice (message id): the preview was cancelled or did not finish. */
  notice = $state<string | null>(null);
  /** A preview no asset follows: the tag itself can be changed at once when the read was whole
   *  (`atOnce`), else it is kept (`kept`). */
  unused = $state<RunSummary | null>(null);
  /** "At once" on a production connection: its name is asked before AEM's command is sent. */
  confirming = $state(false);
  /** What AEM did to a tag no asset followed: the run's step, once sent. */
  done = $state<TagStepView | undefined>(undefined);
  finishing = $state(false);

  readonly #runOf: () => RunModel;
  readonly #connectionId: () => string | null;

  /** `run`: the window's run model (one job at a time); `connectionId`: the page's connection. */
  constructor(run: () => RunModel, connectionId: () => string | null) {
    this.#runOf = run;
    this.#connectionId = connectionId;
  }

  get #run(): RunModel {
    return this.#runOf();
  }

  get busy(): boolean {
    return this.#run.busy || this.finishing;
  }

  /** Whether the tag no asset follows can be changed at once: only when the preview read every
   *  asset under the folder (one left unread may hold the tag). */
  get atOnce(): boolean {
    return this.unused?.tagStep?.leftAlone === 0;
  }

  /** The assets that may hold the tag and were left alone by the preview: the tag is kept. */
  get kept(): number {
    return this.atOnce ? 0 : (this.unused?.tagStep?.leftAlone ?? 0);
  }

  /** Opens the dialog on `tag`; `target` prefilled (the Move back an undo offers), else a move
   *  starts from the tag's own id. */
  open(action: TagAction, tag: string, target?: string): void {
    this.form = { action, tag, target: target ?? (action === 'move' ? tag : ''), folder: WHOLE_DAM };
    this.republish = false;
    this.#reset();
  }

  close(): void {
    if (this.busy) return;
    this.form = null;
    this.#reset();
  }

  /** Something was changed in the form: what was said of the last preview no longer holds. */
  edited(): void {
    if (this.busy) return;
    this.#reset();
  }

  #reset(): void {
    this.missing = [];
    this.error = null;
    this.notice = null;
    this.unused = null;
    this.done = undefined;
    this.confirming = false;
  }

  /** "Preview": the core checks the change and reads the assets (nothing is written). Resolves
   *  true when a preview with assets to change is open on the run, for the page to show it. */
  async preview(): Promise<boolean> {
    const form = this.form;
    const connectionId = this.#connectionId();
    if (!form || !connectionId || this.busy) return false;
    this.#reset();
    this.missing = missingOf(form);
    const request = requestOf(form, connectionId);
    if (!request) return false;
    let shown = false;
    await this.#run.startPreview('setup', async (onProgress) => {
      try {
        const summary = await previewTagChange(request, onProgress);
        if (summary.status === 'preview_incomplete') {
          this.notice = this.#run.cancelRequested ? 'bulk-notice-preview-cancelled' : 'bulk-notice-preview-unfinished';
          return null;
        }
        if (willChange(summary.counts) === 0) {
          this.unused = summary;
          return null;
        }
        this.#run.republishAfterApply = this.republish;
        shown = true;
        return summary;
      } catch (thrown) {
        this.error = toIpcError(thrown);
        return null;
      }
    });
    if (!shown) return false;
    this.form = null;
    return true;
  }

  /** Cancels the preview under way (nothing is written either way). */
  async cancel(): Promise<void> {
    await this.#run.cancel();
  }

  /** The preview of a tag kept (some assets were left alone) opens on the Bulk edit page,
   *  whose skipped rows say why. Resolves true once it is shown there. */
  async showPreview(): Promise<boolean> {
    const run = this.unused;
    if (!run || this.busy) return false;
    await this.#run.openPreview(run);
    this.form = null;
    this.#reset();
    return true;
  }

  /** "Merge/Move/Delete the tag now": on a production connection its name is asked first
   *  (`finishUnused` once typed), else AEM's command is sent at once. */
  async requestFinish(production: boolean): Promise<void> {
    if (!this.atOnce || this.busy) return;
    if (production) {
      this.confirming = true;
      return;
    }
    await this.finishUnused(null);
  }

  /** No asset under the folder holds the tag: AEM merges, moves or deletes it now. On a
   *  production connection, `confirmName` is its name as the user typed it (the core checks it
   *  again). Its run is applied as every run is. */
  async finishUnused(confirmName: string | null = null): Promise<void> {
    const run = this.unused;
    if (!run || !this.atOnce || this.busy) return;
    this.confirming = false;
    this.finishing = true;
    this.error = null;
    try {
      const applied = await applyRun({ runId: run.id, confirmName, emptyRequired: false, republish: false }, () => {});
      this.done = applied.tagStep;
      this.unused = null;
    } catch (thrown) {
      this.error = toIpcError(thrown);
    } finally {
      this.finishing = false;
    }
  }
}
