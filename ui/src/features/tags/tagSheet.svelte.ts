// The taxonomy's Excel round trip on the Tags page. Export…: the core asks where to save and
// writes every tag (with the count column of the page's count folder, when one was counted).
// Import: a sheet picked (Choose a file…) or dropped while the page is shown is previewed by
// the core (tags created, values before → after, or the row it refuses) and journaled as a
// run; Apply writes that run by its id, behind the production guard (listed in Activity,
// which opens it here again: Resume when it stopped); Undo this import puts it back. One step
// at a time; a step's answer for a connection the page has left since is dropped.
import type { ConnectionView } from '../../ipc/bindings/ConnectionView';
import type { HeldSheet } from '../../ipc/bindings/HeldSheet';
import type { SavedTaxonomy } from '../../ipc/bindings/SavedTaxonomy';
import type { TagImportApplied } from '../../ipc/bindings/TagImportApplied';
import type { TagImportPreview } from '../../ipc/bindings/TagImportPreview';
import type { TagImportUndone } from '../../ipc/bindings/TagImportUndone';
import type { TagRenamed } from '../../ipc/bindings/TagRenamed';
import { applyTaxonomyRun, chooseSheetFile, exportTaxonomy, openTagImportRun, previewTagImport, undoTagImport } from '../../ipc/commands';
import { toIpcError } from '../../ipc/errors';
import type { IpcError } from '../../ipc/types';

/** What the model is doing: nothing else starts meanwhile. */
export type SheetJob = 'export' | 'choose' | 'preview' | 'apply' | 'resume' | 'undo' | 'open';

export class TagSheetModel {
  job = $state<SheetJob | null>(null);
  /** The last export; null before one. */
  saved = $state<SavedTaxonomy | null>(null);
  exportError = $state<IpcError | null>(null);
  /** The sheet being imported. */
  sheet = $state<HeldSheet | null>(null);
  preview = $state<TagImportPreview | null>(null);
  /** Why the sheet cannot be imported (its row and problem), in the core's words. */
  refusal = $state<IpcError | null>(null);
  applied = $state<TagImportApplied | null>(null);
  /** A tag's rename opened from Activity (its run is a taxonomy plan too): what it renamed. */
  rename = $state<TagRenamed | null>(null);
  undone = $state<TagImportUndone | null>(null);
  /** A sheet dropped while a step ran, by its file name: not opened, and said so. */
  setAside = $state<string | null>(null);
  /** Why the apply or the undo failed, in the core's words. */
  failure = $state<IpcError | null>(null);
  /** The step waiting for the production connection's name to be typed. */
  confirming = $state<'apply' | 'resume' | 'undo' | null>(null);

  #connection: ConnectionView | null = null;
  /** Bumped when the connection changes or the import is set aside. */
  #generation = 0;

  get busy(): boolean {
    return this.job !== null;
  }

  /** The id of the connection the import is with: the page opens on it again after another
   * page was shown, so an import's outcome and Undo are there when the person comes back. */
  get connectionId(): string | null {
    return this.#connection?.id ?? null;
  }

  /** The number of writes the preview would make. */
  get changes(): number {
    return this.preview ? this.preview.created.length + this.preview.changed.length : 0;
  }

  /** How many writes an undo of the applied import may make: those it made, or, when it
   * stopped part-way (a write whose answer was lost may still have landed), at most the
   * preview's. */
  get undoReach(): number {
    const applied = this.applied;
    if (!applied) return 0;
    return applied.stopped ? this.changes : applied.created + applied.changed;
  }

  /** The connection the page reads the tags with; another one sets the import aside. */
  use(connection: ConnectionView | null): void {
    if (connection?.id === this.#connection?.id) {
      this.#connection = connection;
      return;
    }
    this.#connection = connection;
    this.saved = null;
    this.exportError = null;
    this.cancel();
  }

  /** Export…: the save dialog, then the file; `under` adds the count column of that folder. */
  async exportTags(under: string | null): Promise<void> {
    const id = this.#connection?.id;
    if (!id || this.busy) return;
    const mine = this.#generation;
    this.job = 'export';
    this.exportError = null;
    try {
      const saved = await exportTaxonomy(id, under);
      if (mine === this.#generation && saved) this.saved = saved;
    } catch (thrown) {
      if (mine === this.#generation) this.exportError = toIpcError(thrown);
    } finally {
      if (mine === this.#generation) this.job = null;
    }
  }

  /** Choose a file…: the open dialog, then the preview. */
  async choose(): Promise<void> {
    if (!this.#connection || this.busy) return;
    const mine = this.#generation;
    this.job = 'choose';
    let sheet: HeldSheet | null = null;
    try {
      sheet = await chooseSheetFile();
    } catch (thrown) {
      if (mine === this.#generation) this.refusal = toIpcError(thrown);
    } finally {
      if (mine === this.#generation) this.job = null;
    }
    if (sheet && mine === this.#generation) await this.received(sheet);
  }

  /** Whether a file dropped on the Tags page is a taxonomy sheet to import (a workbook or a
   *  CSV, as Export… writes them); a list of assets (.txt) is not, and goes where it goes from
   *  any page. */
  takes(file: HeldSheet): boolean {
    return /\.(xlsx|xlsm|xls|ods|csv)$/i.test(file.fileName);
  }

  /** A sheet picked or dropped: previewed in place of the last import shown. Not while a step
   *  runs (its answer would be lost): the sheet is set aside, and the panel says so. */
  async received(sheet: HeldSheet): Promise<void> {
    const id = this.#connection?.id;
    if (!id) return;
    if (this.busy) {
      this.setAside = sheet.fileName;
      return;
    }
    this.cancel();
    const mine = this.#generation;
    this.sheet = sheet;
    this.job = 'preview';
    try {
      const preview = await previewTagImport(id, sheet.id);
      if (mine === this.#generation) this.preview = preview;
    } catch (thrown) {
      if (mine === this.#generation) this.refusal = toIpcError(thrown);
    } finally {
      if (mine === this.#generation) this.job = null;
    }
  }

  /** Apply: writes the preview, after the production connection's name is typed. */
  async apply(typed: string | null = null): Promise<void> {
    const connection = this.#connection;
    const runId = this.preview?.runId;
    if (!connection || !runId || this.busy || this.applied || this.changes === 0) return;
    if (connection.production && typed === null) {
      this.confirming = 'apply';
      return;
    }
    this.confirming = null;
    const mine = this.#generation;
    this.job = 'apply';
    this.failure = null;
    try {
      const applied = await applyTaxonomyRun(runId, typed);
      if (mine === this.#generation) this.applied = applied;
    } catch (thrown) {
      if (mine === this.#generation) this.failure = toIpcError(thrown);
    } finally {
      if (mine === this.#generation) this.job = null;
    }
  }

  /** Undo this import, after the production connection's name is typed. */
  async undo(typed: string | null = null): Promise<void> {
    const connection = this.#connection;
    const applied = this.applied;
    if (!connection || !applied || this.busy || this.undone) return;
    if (connection.production && typed === null) {
      this.confirming = 'undo';
      return;
    }
    this.confirming = null;
    const mine = this.#generation;
    this.job = 'undo';
    this.failure = null;
    try {
      const undone = await undoTagImport(applied.id, typed);
      if (mine === this.#generation) this.undone = undone;
    } catch (thrown) {
      if (mine === this.#generation) this.failure = toIpcError(thrown);
    } finally {
      if (mine === this.#generation) this.job = null;
    }
  }

  /** An import's run opened from Activity: shown as applied, on the connection it was made
   *  with (`connections`: the stored ones), with its Undo, and Resume when it stopped; once
   *  undone, as undone (what its undo put back and kept), with no Undo again. */
  async openRun(runId: string, connections: readonly ConnectionView[]): Promise<void> {
    if (this.busy) return;
    this.cancel();
    const mine = this.#generation;
    this.job = 'open';
    try {
      const run = await openTagImportRun(runId);
      if (mine !== this.#generation) return;
      this.#connection = connections.find((c) => c.id === run.connectionId) ?? this.#connection;
      this.preview = run.preview;
      this.applied = run.applied;
      this.rename = run.rename;
      this.undone = run.undone;
    } catch (thrown) {
      if (mine === this.#generation) this.failure = toIpcError(thrown);
    } finally {
      if (mine === this.#generation) this.job = null;
    }
  }

  /** Resume an import that stopped part-way or was interrupted (the core says whether a resume
   *  has something to do): its run writes what is left (production: after
   *  the name is typed); a value changed in AEM meanwhile is left alone and listed. */
  async resume(typed: string | null = null): Promise<void> {
    const connection = this.#connection;
    const applied = this.applied;
    if (!connection || !applied?.resumable || this.busy || this.undone) return;
    if (connection.production && typed === null) {
      this.confirming = 'resume';
      return;
    }
    this.confirming = null;
    const mine = this.#generation;
    this.job = 'resume';
    this.failure = null;
    try {
      const resumed = await applyTaxonomyRun(applied.id, typed);
      if (mine === this.#generation) this.applied = resumed;
    } catch (thrown) {
      if (mine === this.#generation) this.failure = toIpcError(thrown);
    } finally {
      if (mine === this.#generation) this.job = null;
    }
  }

  /** The production question answered with the name typed. */
  confirmed(typed: string): Promise<void> {
    if (this.confirming === 'undo') return this.undo(typed);
    return this.confirming === 'resume' ? this.resume(typed) : this.apply(typed);
  }

  /** Cancel: the import is set aside (nothing was written by its preview). */
  cancel(): void {
    this.#generation++;
    this.job = null;
    this.sheet = null;
    this.preview = null;
    this.refusal = null;
    this.applied = null;
    this.rename = null;
    this.undone = null;
    this.failure = null;
    this.confirming = null;
    this.setAside = null;
  }
}
