// Content fragments in Bulk edit: the folder (or the list of fragment paths) and model picked,
// the fragments as the core lists them (their models, the fields an edit may change), the edit
// being entered, and its preview, which then follows the path of any run (the RunModel: table,
// Apply, report, Undo). Only OAuth Server-to-Server connections reach fragments: the core's
// refusal is shown.
import { cancelRun, chooseListFile, listFragments, previewFragments, readListFile } from '../../ipc/commands';
import type { FragmentList } from '../../ipc/bindings/FragmentList';
import type { FragmentRow } from '../../ipc/bindings/FragmentRow';
import type { HeldSheet } from '../../ipc/bindings/HeldSheet';
import type { SchemaField } from '../../ipc/bindings/SchemaField';
import { toIpcError } from '../../ipc/errors';
import type { IpcError } from '../../ipc/types';
import { actionsFor, draftProblem, editOf, emptyDraft, listFolder, type FragmentAction, type FragmentDraft } from './fragmentForm';
import type { RunModel } from './run.svelte';
import type { ListInput } from './scopeChoice.svelte';
import { listLines } from './scopeForm';

/** The fragments an edit takes: a folder's (its subtree), or those a list of paths names. */
export type FragmentScopeKind = 'folder' | 'list';

/** The pasted list of fragment paths, and the file it was last read from (chosen or dropped). */
export class FragmentPaths implements ListInput {
  draft = $state({ listText: '' });
  listFile = $state<{ name: string; entries: number } | null>(null);
  readingFile = $state<string | null>(null);
  listFileError = $state<IpcError | null>(null);

  /** A list file: the core reads it (a .txt, a one-column .csv, a workbook's first column) and
   *  its entries replace the list; a file that cannot be a list says why and changes nothing. */
  async listFileReceived(file: HeldSheet): Promise<void> {
    this.listFileError = null;
    this.readingFile = file.fileName;
    try {
      const list = await readListFile(file.id);
      this.draft.listText = list.entries.join('\n');
      this.listFile = { name: list.fileName, entries: list.entries.length };
    } catch (thrown) {
      this.listFileError = toIpcError(thrown);
    } finally {
      this.readingFile = null;
    }
  }

  async chooseListFile(): Promise<void> {
    this.listFileError = null;
    try {
      const file = await chooseListFile();
      if (file) await this.listFileReceived(file);
    } catch (thrown) {
      this.listFileError = toIpcError(thrown);
    }
  }
}

export class FragmentsModel {
  scope = $state<FragmentScopeKind>('folder');
  folder = $state('');
  paths = new FragmentPaths();
  /** The list's paths, one per line, blank lines dropped. */
  pathLines = $derived(listLines(this.paths.draft.listText));
  /** The folder listed for a list: the one holding all its paths ('' while it is empty). */
  listFolder = $derived(listFolder(this.pathLines));
  /** A model's name; '' for every model. */
  model = $state('');
  /** The fragments listed for the connection, folder and model above (null until listed). */
  list = $state<FragmentList | null>(null);
  /** The fragments the table shows: the folder's, or those of the list's folder it names. */
  rows = $derived.by<FragmentRow[]>(() => {
    const fragments = this.list?.fragments ?? [];
    if (this.scope === 'folder') return fragments;
    const named = this.pathLines;
    return fragments.filter((f) => named.includes(f.path));
  });
  /** A list must name at least one fragment to be previewed. */
  canPreview = $derived(this.scope === 'folder' || this.pathLines.length > 0);
  loading = $state(false);
  /** Why the fragments could not be listed. */
  error = $state<IpcError | null>(null);
  draft = $state<FragmentDraft>(emptyDraft());
  /** The draft's problem is shown once the user asked to preview. */
  showProblem = $state(false);

  /** The field picked, as the listed models define it. */
  field = $derived<SchemaField | undefined>(this.list?.fields.fields.find((f) => f.property === this.draft.field));
  actions = $derived(actionsFor(this.field));
  problem = $derived(draftProblem(this.draft, this.field));

  #run: RunModel;
  #connectionId: () => string;
  /** Only the answer to the latest listing is kept. */
  #generation = 0;
  /** The connection the fragments on hand were listed for. */
  #listedFor = '';
  /** The folder last asked to be listed. */
  #loadedFolder = '';

  constructor(run: RunModel, connectionId: () => string) {
    this.#run = run;
    this.#connectionId = connectionId;
  }

  /** "Folder" or "List of fragments": what was listed for the other goes, this one's is listed. */
  async chooseScope(scope: FragmentScopeKind): Promise<void> {
    if (scope === this.scope) return;
    this.scope = scope;
    this.model = '';
    this.#forget();
    await this.load();
  }

  /** The list's paths changed: listed again when they are under another folder. */
  async followList(): Promise<void> {
    if (this.scope !== 'list' || !this.listFolder || this.listFolder === this.#loadedFolder) return;
    await this.load();
  }

  /** Whether a file dropped while fragments are edited is a list of their paths: a .txt
   *  always; a .csv or workbook while the list is on screen (else it is a sheet to import). */
  takesListFile(file: HeldSheet): boolean {
    return this.scope === 'list' || file.fileName.toLowerCase().endsWith('.txt');
  }

  /** A list file dropped on the window while fragments are edited: it becomes the list. */
  async listFileReceived(file: HeldSheet): Promise<void> {
    await this.chooseScope('list');
    await this.paths.listFileReceived(file);
  }

  /** A folder picked (tree or typed path): its fragments of every model are listed. */
  async chooseFolder(folder: string): Promise<void> {
    this.folder = folder;
    this.model = '';
    await this.load();
  }

  /** A model picked ('' for all): the fragments and fields listed again for it. */
  async chooseModel(model: string): Promise<void> {
    this.model = model;
    await this.load();
  }

  /** The connection picked now: another one's fragments go, and the folder's are listed again
   *  for it (the same one, shown again, keeps what was listed). */
  followConnection(connectionId: string): void {
    if (connectionId === this.#listedFor) return;
    this.#listedFor = connectionId;
    this.#forget();
    void this.load();
  }

  /** What was listed goes (an answer still to come too). */
  #forget(): void {
    this.#generation += 1;
    this.#loadedFolder = '';
    this.list = null;
    this.error = null;
    this.loading = false;
  }

  chooseField(property: string): void {
    this.draft.field = property;
    const field = this.list?.fields.fields.find((f) => f.property === property);
    if (!actionsFor(field).includes(this.draft.action)) this.draft.action = 'set';
    this.draft.values = [''];
  }

  chooseAction(action: FragmentAction): void {
    this.draft.action = action;
  }

  /** Lists the folder's fragments (of the model picked) again; for a list, those of the folder
   *  holding its paths, which the table then narrows to the paths listed. */
  async load(): Promise<void> {
    const connectionId = this.#connectionId();
    const folder = this.scope === 'list' ? this.listFolder : this.folder;
    if (!connectionId || !folder) return;
    const generation = ++this.#generation;
    this.#loadedFolder = folder;
    this.loading = true;
    this.error = null;
    try {
      const request = { connectionId, folder, ...(this.model ? { model: this.model } : {}) };
      const list = await listFragments(request);
      if (generation !== this.#generation) return;
      this.list = list;
      // A field the new listing does not have is no longer picked.
      if (this.draft.field && !list.fields.fields.some((f) => f.property === this.draft.field)) {
        this.draft = emptyDraft();
      }
    } catch (thrown) {
      if (generation !== this.#generation) return;
      this.list = null;
      this.error = toIpcError(thrown);
    } finally {
      if (generation === this.#generation) this.loading = false;
    }
  }

  /** "Cancel" while the fragments are read: the core stops the listing (a job like a count), which
   *  then answers in words that it was cancelled. */
  async cancelLoad(): Promise<void> {
    if (!this.loading) return;
    try {
      await cancelRun();
    } catch {
      // The listing ended meanwhile: its answer is on its way.
    }
  }

  /** "Preview": the edit is checked here first (a field, an action, a value; a list not empty),
   *  then the core reads each fragment and plans it; the preview opens as any run's. */
  async preview(): Promise<void> {
    this.showProblem = true;
    const connectionId = this.#connectionId();
    const edit = editOf(this.draft, this.field);
    if (this.#run.busy || !connectionId || !this.list || !edit || !this.canPreview) return;
    const request = {
      connectionId,
      folder: this.list.folder,
      ...(this.model ? { model: this.model } : {}),
      ...(this.scope === 'list' ? { list: this.pathLines } : {}),
      edits: [edit],
    };
    await this.#run.startPreview('setup', (onProgress) => previewFragments(request, onProgress));
    if (this.#run.stage === 'preview') this.showProblem = false;
  }
}
