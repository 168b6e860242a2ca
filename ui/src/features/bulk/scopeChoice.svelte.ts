// The scope chosen in Bulk edit beyond a folder: the search or list being built, its live count
// (debounced, one cheap request for a search; each entry resolved for a list), the query a
// search sends (on demand), and the connection's saved scopes. The folder's own count stays in
// scopeCounter.svelte.ts.
import {
  chooseListFile,
  countScope,
  deleteScope,
  listEntries,
  listTags,
  readListFile,
  savedScopes,
  saveScope,
  scopeQuery,
} from '../../ipc/commands';
import type { CheckedForm } from '../../ipc/bindings/CheckedForm';
import type { HeldSheet } from '../../ipc/bindings/HeldSheet';
import type { SavedScope } from '../../ipc/bindings/SavedScope';
import type { Scope } from '../../ipc/bindings/Scope';
import type { SelectedCount } from '../../ipc/bindings/SelectedCount';
import type { Tag } from '../../ipc/bindings/Tag';
import { toIpcError } from '../../ipc/errors';
import type { IpcError } from '../../ipc/types';
import { type Translate } from './editForm';
import {
  draftOf,
  listProblem,
  emptyScope,
  newCondition,
  scopeRequestOf,
  searchProblems,
  toScope,
  type ScopeDraft,
  type ScopeKind,
} from './scopeForm';

/** How long typing settles before a search is counted or a list checked again. */
export const SELECTION_DELAY_MS = 400;

/** What the scope's choice needs from the rest of the form. */
export interface ScopeChoiceContext {
  connectionId: () => string;
  /** The folder as the core took it; null while it is asked or has a problem. */
  folder: () => string | null;
  recursive: () => boolean;
  /** A preview or an apply runs: a count would stop it, so none is started. */
  busy: () => boolean;
  /** A saved scope was picked: set the folder and subfolders it was saved with. */
  setFolder: (folder: string, recursive: boolean) => void;
  /** The window's words, for the messages this sets. */
  t: Translate;
  /** The core's answer about the form as typed (the search's conditions, the list); null while
   *  it is asked. */
  checked: () => CheckedForm | null;
}

/** What the list input (ListScope.svelte) reads and changes: the pasted text and the file it
 *  was last read from. The scope's choice and the content fragments' list both hold one. */
export interface ListInput {
  draft: { listText: string };
  listFile: { name: string; entries: number } | null;
  readingFile: string | null;
  listFileError: IpcError | null;
  chooseListFile(): Promise<void>;
}

export class ScopeChoice implements ListInput {
  draft = $state<ScopeDraft>(emptyScope());
  /** The list's entries as the core read them (null until read). */
  entries = $state<string[] | null>(null);
  count = $state<SelectedCount | null>(null);
  counting = $state(false);
  error = $state<IpcError | null>(null);
  /** The query shown to the user (null: hidden). */
  query = $state<string | null>(null);
  queryError = $state<IpcError | null>(null);
  /** Which search the query shown is for (the OpenAPI search's body, or QueryBuilder's). */
  queryFoundBy = $state<string | null>(null);

  /** AEM's tags for the picker; null until read, and when they cannot be (typed ids then). */
  tags = $state<Tag[] | null>(null);
  tagsError = $state<string | null>(null);

  /** The file the list was last read from (its name and entries), or being read. */
  listFile = $state<{ name: string; entries: number } | null>(null);
  readingFile = $state<string | null>(null);
  listFileError = $state<IpcError | null>(null);

  saved = $state<SavedScope[]>([]);
  savedError = $state<IpcError | null>(null);
  saving = $state(false);
  /** The last save, in words ("Saved as …"). */
  savedNotice = $state<string | null>(null);

  #ctx: ScopeChoiceContext;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #generation = 0;
  #key = '';
  #nextKey = 1;
  #savedFor = '';
  /** The text `entries` were read from. */
  #entriesOf = '';
  #tagsFor = '';

  constructor(ctx: ScopeChoiceContext) {
    this.#ctx = ctx;
  }

  get kind(): ScopeKind {
    return this.draft.kind;
  }

  setKind(kind: ScopeKind): void {
    this.draft.kind = kind;
    this.query = null;
    this.clearCount();
  }

  /** A list file dropped on the window or chosen: the core reads it (a .txt, a one-column
   *  .csv, a workbook's first column) and its entries replace the list, then are checked like
   *  pasted ones. A file that cannot be a list says why and leaves the list as it was. */
  async listFileReceived(file: HeldSheet): Promise<void> {
    if (this.draft.kind !== 'list') this.setKind('list');
    this.listFileError = null;
    this.readingFile = file.fileName;
    try {
      const list = await readListFile(file.id);
      // Quoted where needed, so the list reads back exactly (a path may hold a comma).
      this.draft.listText = list.entries
        .map((e) => (/[",]/.test(e) ? `"${e.replaceAll('"', '""')}"` : e))
        .join('\n');
      this.listFile = { name: list.fileName, entries: list.entries.length };
      this.schedule();
    } catch (thrown) {
      this.listFileError = toIpcError(thrown);
    } finally {
      this.readingFile = null;
    }
  }

  /** "Choose a file…": the system's open dialog, then as a dropped file. */
  async chooseListFile(): Promise<void> {
    this.listFileError = null;
    try {
      const file = await chooseListFile();
      if (file) await this.listFileReceived(file);
    } catch (thrown) {
      this.listFileError = toIpcError(thrown);
    }
  }

  addCondition(): void {
    this.draft.conditions.push(newCondition(this.#nextKey++));
  }

  removeCondition(key: number): void {
    this.draft.conditions = this.draft.conditions.filter((c) => c.key !== key);
  }

  /** The scope as the core takes it, or null while something is missing or wrong. */
  scope(): Scope | null {
    const folder = this.#ctx.folder();
    if (this.draft.kind === 'search' && !folder) return null;
    if (this.draft.kind === 'list' && this.#entriesOf !== this.draft.listText) return null;
    return toScope(this.draft, folder ?? '', this.#ctx.recursive(), this.entries);
  }

  /** The problem to show before a preview, for the search or the list, in words (null: none). */
  problem(): string | null {
    const t = this.#ctx.t;
    if (this.draft.kind === 'search') {
      const p = searchProblems(t, this.draft, this.#ctx.checked());
      return p.general ?? (Object.keys(p.rows).length > 0 ? t('bulk-problem-fix-conditions') : null);
    }
    if (this.draft.kind === 'list') return listProblem(t, this.draft, this.#ctx.checked());
    return null;
  }

  /** The core's answer about the search's conditions and the list as typed; null while asked. */
  checked(): CheckedForm | null {
    return this.#ctx.checked();
  }

  /** Whether a list has been pasted (what is in it is the core's to say). */
  #listTyped(): boolean {
    return this.draft.listText.trim() !== '';
  }

  clearCount(): void {
    this.#generation++;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    this.#key = '';
    this.count = null;
    this.error = null;
    this.counting = false;
  }

  dispose(): void {
    this.clearCount();
  }

  /** Counts again once typing has settled; called whenever the search, list or folder change. */
  schedule(): void {
    if (this.draft.kind === 'folder') return;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.countNow();
    }, SELECTION_DELAY_MS);
  }

  async countNow(): Promise<void> {
    const connectionId = this.#ctx.connectionId();
    if (!connectionId || this.draft.kind === 'folder' || this.#ctx.busy()) return;
    if (this.draft.kind === 'list') {
      if (!this.#listTyped()) {
        this.entries = null;
        this.clearCount();
        return;
      }
      if (!(await this.readEntries())) return;
    }
    const scope = this.scope();
    if (!scope) {
      this.clearCount();
      return;
    }
    const key = JSON.stringify([connectionId, scope]);
    if (key === this.#key && !this.error && (this.counting || this.count)) return;
    const generation = ++this.#generation;
    this.#key = key;
    this.counting = true;
    this.error = null;
    // The query shown follows the search as it changes.
    if (this.query !== null) void this.showQuery();
    try {
      const found = await countScope(scopeRequestOf(connectionId, scope), () => {});
      if (generation !== this.#generation) return;
      if (found === null) {
        // Another job stopped it: count again once that job has ended.
        this.#key = '';
        this.count = null;
      } else {
        this.count = found;
      }
    } catch (thrown) {
      if (generation === this.#generation) {
        this.count = null;
        this.error = toIpcError(thrown);
      }
    } finally {
      if (generation === this.#generation) this.counting = false;
    }
  }

  /** Reads the list's entries (once per text); false when it cannot be read (error shown). */
  async readEntries(): Promise<boolean> {
    const text = this.draft.listText;
    if (this.entries !== null && this.#entriesOf === text) return true;
    try {
      const entries = await listEntries(text);
      if (text !== this.draft.listText) return false;
      this.entries = entries;
      this.#entriesOf = text;
      return true;
    } catch (thrown) {
      this.entries = null;
      this.count = null;
      this.error = toIpcError(thrown);
      return false;
    }
  }

  async showQuery(): Promise<void> {
    const scope = this.scope();
    if (!scope || scope.kind !== 'search') {
      this.query = null;
      this.queryError = { code: 'invalid_input', message: this.#ctx.t('bulk-query-incomplete') };
      return;
    }
    try {
      const foundBy = this.count?.kind === 'search' ? this.count.foundBy : null;
      this.query = await scopeQuery(scope, foundBy);
      this.queryFoundBy = foundBy?.kind ?? null;
      this.queryError = null;
    } catch (thrown) {
      this.query = null;
      this.queryError = toIpcError(thrown);
    }
  }

  hideQuery(): void {
    this.query = null;
    this.queryError = null;
  }

  /** Reads AEM's tags once per connection, for the tag picker. */
  async loadTags(): Promise<void> {
    const connectionId = this.#ctx.connectionId();
    if (!connectionId || this.#tagsFor === connectionId) return;
    this.#tagsFor = connectionId;
    this.tags = null;
    this.tagsError = null;
    try {
      const tags = await listTags(connectionId);
      // Namespaces are the taxonomy's top level, not tags people pick.
      if (this.#tagsFor === connectionId) this.tags = tags.filter((t) => !t.id.endsWith(':'));
    } catch (thrown) {
      if (this.#tagsFor === connectionId) this.tagsError = toIpcError(thrown).message;
    }
  }

  // ---- Saved scopes ------------------------------------------------------------------------

  async loadSaved(force = false): Promise<void> {
    const connectionId = this.#ctx.connectionId();
    if (!connectionId) {
      this.saved = [];
      this.#savedFor = '';
      return;
    }
    if (!force && this.#savedFor === connectionId) return;
    this.#savedFor = connectionId;
    try {
      this.saved = await savedScopes(connectionId);
      this.savedError = null;
    } catch (thrown) {
      this.savedError = toIpcError(thrown);
    }
  }

  /** Saves the search or list on screen under `name`. */
  async save(name: string): Promise<boolean> {
    const connectionId = this.#ctx.connectionId();
    this.savedNotice = null;
    if (this.draft.kind === 'list' && this.#listTyped()) await this.readEntries();
    const scope = this.scope();
    if (!connectionId || !scope) {
      this.savedError = {
        code: 'invalid_input',
        message: this.problem() ?? this.#ctx.t('bulk-problem-save-scope'),
      };
      return false;
    }
    this.saving = true;
    try {
      const saved = await saveScope(connectionId, name, scope);
      this.savedError = null;
      this.savedNotice = this.#ctx.t('bulk-saved-as', { name: saved.name });
      await this.loadSaved(true);
      return true;
    } catch (thrown) {
      this.savedError = toIpcError(thrown);
      return false;
    } finally {
      this.saving = false;
    }
  }

  /** Puts a saved scope back on screen (its folder, conditions or list). */
  use(saved: SavedScope): void {
    const scope = saved.scope;
    this.savedNotice = null;
    this.query = null;
    switch (scope.kind) {
      case 'folder':
        this.draft.kind = 'folder';
        this.#ctx.setFolder(scope.folder, scope.recursive);
        break;
      case 'search':
        this.draft.kind = 'search';
        this.draft.combine = scope.combine;
        this.draft.conditions = scope.conditions.map((c) => draftOf(c, this.#nextKey++));
        this.#ctx.setFolder(scope.under, scope.recursive);
        break;
      case 'list':
        this.draft.kind = 'list';
        this.draft.listText = scope.entries.join('\n');
        this.entries = scope.entries;
        this.#entriesOf = this.draft.listText;
        break;
    }
    this.clearCount();
    this.schedule();
  }

  async remove(name: string): Promise<void> {
    const connectionId = this.#ctx.connectionId();
    if (!connectionId) return;
    try {
      await deleteScope(connectionId, name);
      this.savedError = null;
      this.savedNotice = null;
    } catch (thrown) {
      this.savedError = toIpcError(thrown);
    }
    await this.loadSaved(true);
  }
}
