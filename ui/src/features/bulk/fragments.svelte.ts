// Content fragments in Bulk edit: the folder and model picked, the folder's fragments as the
// core lists them (their models, the fields an edit may change), the edit being entered, and
// its preview, which then follows the path of any run (the RunModel: table, Apply, report,
// Undo). Only OAuth Server-to-Server connections reach fragments: the core's refusal is shown.
import { listFragments, previewFragments } from '../../ipc/commands';
import type { FragmentList } from '../../ipc/bindings/FragmentList';
import type { SchemaField } from '../../ipc/bindings/SchemaField';
import { toIpcError } from '../../ipc/errors';
import type { IpcError } from '../../ipc/types';
import { actionsFor, draftProblem, editOf, emptyDraft, type FragmentAction, type FragmentDraft } from './fragmentForm';
import type { RunModel } from './run.svelte';

export class FragmentsModel {
  folder = $state('');
  /** A model's name; '' for every model. */
  model = $state('');
  /** The fragments listed for the connection, folder and model above (null until listed). */
  list = $state<FragmentList | null>(null);
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

  constructor(run: RunModel, connectionId: () => string) {
    this.#run = run;
    this.#connectionId = connectionId;
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
    this.#generation += 1;
    this.list = null;
    this.error = null;
    this.loading = false;
    if (this.folder) void this.load();
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

  /** Lists the folder's fragments (of the model picked) again. */
  async load(): Promise<void> {
    const connectionId = this.#connectionId();
    if (!connectionId || !this.folder) return;
    const generation = ++this.#generation;
    this.loading = true;
    this.error = null;
    try {
      const request = { connectionId, folder: this.folder, ...(this.model ? { model: this.model } : {}) };
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

  /** "Preview": the edit is checked here first (a field, an action, a value), then the core
   *  reads each fragment and plans it; the preview opens as any run's. */
  async preview(): Promise<void> {
    this.showProblem = true;
    const connectionId = this.#connectionId();
    const edit = editOf(this.draft, this.field);
    if (this.#run.busy || !connectionId || !this.list || !edit) return;
    const request = {
      connectionId,
      folder: this.list.folder,
      ...(this.model ? { model: this.model } : {}),
      edits: [edit],
    };
    await this.#run.startPreview('setup', (onProgress) => previewFragments(request, onProgress));
    if (this.#run.stage === 'preview') this.showProblem = false;
  }
}
