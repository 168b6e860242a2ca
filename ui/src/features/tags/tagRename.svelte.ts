// The Rename… dialog open on a tag: its title and its titles in other languages, the core's
// preview (each title before → after; refusals in its words, nothing written), Apply (a run of
// its own, named for the rename in Activity; on a production connection after its name is
// typed), then Undo, which puts the old titles back unless someone changed them since.
import { applyTaxonomyRun, previewTagRename, undoTagImport } from '../../ipc/commands';
import type { Tag } from '../../ipc/bindings/Tag';
import type { TagImportApplied } from '../../ipc/bindings/TagImportApplied';
import type { TagImportUndone } from '../../ipc/bindings/TagImportUndone';
import type { TagRenamePreview } from '../../ipc/bindings/TagRenamePreview';
import { toIpcError } from '../../ipc/errors';
import type { IpcError } from '../../ipc/types';

/** What the production guard is asked for: the apply or the undo. */
export type RenameStep = 'apply' | 'undo';

export class TagRenameModel {
  tag = $state<Tag | null>(null);
  title = $state('');
  /** Its titles in other languages, by AEM's locale name: those it has, to change. */
  titles = $state<Record<string, string>>({});
  preview = $state<TagRenamePreview | null>(null);
  applied = $state<TagImportApplied | null>(null);
  undone = $state<TagImportUndone | null>(null);
  /** The core's refusal or failure, in its words. */
  error = $state<IpcError | null>(null);
  /** The form lacked a title when Preview was pressed. */
  missing = $state(false);
  /** On a production connection, the step waiting for its name. */
  confirming = $state<RenameStep | null>(null);
  busy = $state(false);

  readonly #connectionId: () => string | null;

  constructor(connectionId: () => string | null) {
    this.#connectionId = connectionId;
  }

  open(tag: Tag): void {
    this.tag = tag;
    this.title = tag.title;
    this.titles = { ...tag.titles };
    this.#reset();
  }

  close(): void {
    if (this.busy) return;
    this.tag = null;
    this.#reset();
  }

  /** The form changed: the last preview no longer says what would be written. */
  edited(): void {
    if (this.busy || this.applied) return;
    this.preview = null;
    this.error = null;
    this.missing = false;
  }

  #reset(): void {
    this.preview = null;
    this.applied = null;
    this.undone = null;
    this.error = null;
    this.missing = false;
    this.confirming = null;
  }

  /** "Preview": nothing is written; an empty title is said here, the rest by the core. */
  async previewRename(): Promise<void> {
    const tag = this.tag;
    const connectionId = this.#connectionId();
    if (!tag || !connectionId || this.busy) return;
    this.edited();
    if (!this.title.trim()) {
      this.missing = true;
      return;
    }
    await this.#doing(async () => {
      this.preview = await previewTagRename(connectionId, { tag: tag.id, title: this.title, titles: { ...this.titles } });
    });
  }

  /** "Rename" (or "Undo"): on a production connection its name is asked first. */
  request(step: RenameStep, production: boolean): Promise<void> {
    if (production) {
      this.confirming = step;
      return Promise.resolve();
    }
    return step === 'apply' ? this.apply(null) : this.undo(null);
  }

  /** Writes the previewed rename. */
  async apply(confirmName: string | null): Promise<void> {
    const preview = this.preview;
    const connectionId = this.#connectionId();
    if (!preview || !connectionId || this.busy || this.applied) return;
    this.confirming = null;
    await this.#doing(async () => {
      this.applied = await applyTaxonomyRun(preview.runId, confirmName);
    });
  }

  /** Puts the old titles back, except those changed since. */
  async undo(confirmName: string | null): Promise<void> {
    const applied = this.applied;
    const connectionId = this.#connectionId();
    if (!applied || !connectionId || this.busy || this.undone) return;
    this.confirming = null;
    await this.#doing(async () => {
      this.undone = await undoTagImport(applied.id, confirmName);
    });
  }

  async #doing(work: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.error = null;
    try {
      await work();
    } catch (thrown) {
      this.error = toIpcError(thrown);
    } finally {
      this.busy = false;
    }
  }
}
