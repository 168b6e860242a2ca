// Bulk edit's setup: the form (connection, folder or search or list, filters, the changes),
// its problems, the folder tree, the live count of the assets in scope and how the changes are
// said (the same change for every asset, or a sheet). It asks nothing of the run: `busy` says
// whether a preview or an apply runs, which no count may stop.
//
// Not here: the run (`run.svelte.ts`), the sheet's export and check (`sheets.svelte.ts`).
import type { CheckedForm } from '../../ipc/bindings/CheckedForm';
import type { FormCheckRequest } from '../../ipc/bindings/FormCheckRequest';
import type { HeldSheet } from '../../ipc/bindings/HeldSheet';
import type { RunSummary } from '../../ipc/bindings/RunSummary';
import type { SchemaField } from '../../ipc/bindings/SchemaField';
import type { ScopeEditsRequest } from '../../ipc/bindings/ScopeEditsRequest';
import type { ScopeRequest } from '../../ipc/bindings/ScopeRequest';
import type { I18n } from '../../lib/i18n/i18n.svelte';
import {
  DAM_ROOT,
  editsOf,
  emptyForm,
  folderScope,
  formCheckOf,
  newEdit,
  toPreviewRequest,
  validate,
  type EditDraft,
  type FormDraft,
  type FormProblems,
} from './editForm';
import { FieldSchema } from './fieldSchema.svelte';
import { FolderCheck } from './folderCheck.svelte';
import { FormCheck } from './formCheck.svelte';
import { FolderTree } from './folderTree.svelte';
import { COUNT_DELAY_MS, ScopeCounter, scopeKey } from './scopeCounter.svelte';
import { scopeRequestOf, toCondition } from './scopeForm';
import { ScopeChoice } from './scopeChoice.svelte';

/** How the setup says what to change: one change for every asset, or a sheet per asset; or
 *  which assets lack required metadata (the report, which changes nothing); or a field of a
 *  folder's content fragments. */
export type Mode = 'same' | 'sheet' | 'missing' | 'fragments';

export class SetupModel {
  #i18n: I18n;
  #busy: () => boolean;

  form = $state<FormDraft>(emptyForm());
  /** Problems are shown once the user asked to preview (and then live), until a preview opens. */
  showProblems = $state(false);
  problems = $derived(this.#problemsOf());
  /** The problems on screen: none before the user asked to preview, and none in a row whose
   *  property or action changed since (its new fields start empty, not in error). */
  shownProblems = $derived(this.showProblems ? this.#shownOf(this.problems) : null);
  /** Each row's property and action when the user last asked to preview. */
  #askedAs = $state<Record<number, string>>({});
  mode = $state<Mode>('same');

  scope = new ScopeCounter();
  /** A search or a list instead of a folder's assets (with its own count and saved scopes). */
  choice: ScopeChoice;
  tree = new FolderTree();
  /** The metadata schema of the folder the changes run on, for the change rows. */
  fields = new FieldSchema();
  /** The core's answer about the folder typed (the folder it takes, or why not). */
  folderCheck = new FolderCheck();
  /** The core's answer about the form as typed (properties, name pattern, conditions, list). */
  formCheck = new FormCheck();

  #countTimer: ReturnType<typeof setTimeout> | null = null;
  #nextEditKey = 1;

  /** `busy`: whether a preview or an apply runs (nothing is counted meanwhile). */
  constructor(i18n: I18n, busy: () => boolean) {
    this.#i18n = i18n;
    this.#busy = busy;
    this.choice = new ScopeChoice({
      connectionId: () => this.form.connectionId,
      folder: () => this.checkedFolder(),
      recursive: () => this.form.recursive,
      busy,
      setFolder: (folder, recursive) => {
        this.chooseFolder(folder);
        this.form.recursive = recursive;
      },
      t: (id, args) => this.#i18n.t(id, args),
      checked: () => this.checked(),
    });
  }

  /** The form's problems for the scope chosen: a list has no folder, and a search says names
   *  and formats in its conditions; the search's or list's own problem is `general`. */
  #problemsOf(): FormProblems {
    const checked = this.checked();
    const problems = validate(this.#i18n.t, this.form, this.folderCheck.answerFor(this.form.folder), checked);
    const kind = this.choice?.draft.kind ?? 'folder';
    if (kind === 'folder') return problems;
    delete problems.name;
    if (kind === 'list') delete problems.folder;
    const own = this.choice.problem();
    if (own && !problems.general) problems.general = own;
    return problems;
  }

  /** What the core is asked about the form as typed: the edits' properties, and the folder's
   *  name pattern, a search's conditions or a pasted list, as the scope chosen has them. */
  formRequest(): FormCheckRequest {
    const request = formCheckOf(this.form);
    const draft = this.choice?.draft;
    if (!draft || draft.kind !== 'folder') request.name = null;
    if (draft?.kind === 'search') request.conditions = draft.conditions.map(toCondition);
    if (draft?.kind === 'list' && draft.listText.trim() !== '') request.list = draft.listText;
    return request;
  }

  /** The core's answer about the form as typed; null while it is asked. */
  checked(): CheckedForm | null {
    return this.formCheck.answerFor(this.formRequest());
  }

  /** Asks the core about the form once typing settles (called whenever the form changes). */
  followForm(): void {
    this.formCheck.follow(this.formRequest());
  }

  /** The core's answer about the form as typed, asked now when not known yet. */
  async formChecked(): Promise<CheckedForm | null> {
    return this.formCheck.resolve(this.formRequest());
  }

  /** Whether the name pattern may be used: none typed, or the core took it (false while it is
   *  asked). */
  nameTaken(): boolean {
    const { name } = formCheckOf(this.form);
    const latest = this.formCheck.latest;
    return name === null || (latest !== null && latest.question.name === name && !latest.answer.name);
  }

  /** The user asked to preview (or to publish the scope): the form's problems show, live. */
  askedToPreview(): void {
    this.showProblems = true;
    this.#askedAs = Object.fromEntries(this.form.edits.map((edit) => [edit.key, rowShape(edit)]));
  }

  /** A preview of the form opened (it had no problem): back on the form, nothing is red until
   *  the user asks to preview again. */
  previewOpened(): void {
    this.showProblems = false;
  }

  #shownOf(problems: FormProblems): FormProblems {
    const edits: FormProblems['edits'] = {};
    for (const edit of this.form.edits) {
      const mine = problems.edits[edit.key];
      if (mine && this.#askedAs[edit.key] === rowShape(edit)) edits[edit.key] = mine;
    }
    return { ...problems, edits };
  }

  /** Stops what would still fire later (a count waiting for typing to settle, a count's late
   *  answer): for when the window goes away. */
  dispose(): void {
    this.holdCount();
    this.scope.clear();
    this.choice.dispose();
    this.fields.stop();
    this.folderCheck.stop();
    this.formCheck.stop();
  }

  /** Picks the connection and starts its folder tree from the DAM root. */
  async chooseConnection(id: string): Promise<void> {
    if (this.form.connectionId === id && this.tree.connectionId === id) return;
    this.form.connectionId = id;
    this.scope.clear();
    await this.tree.reset(id);
  }

  /** The folder typed or picked; the core says what it takes (`folderCheck`). */
  chooseFolder(path: string): void {
    this.form.folder = path.trim();
    this.folderCheck.follow(this.form.folder);
    void this.#reveal(this.form.folder);
  }

  /** The folder as the core takes it, null while it is asked or when it has a problem. */
  checkedFolder(): string | null {
    return this.folderCheck.folderFor(this.form.folder);
  }

  /** The folder as the core takes it, asked now when not known yet; null with a problem. */
  async resolvedFolder(): Promise<string | null> {
    const answer = await this.folderCheck.resolve(this.form.folder);
    return answer && 'folder' in answer ? answer.folder : null;
  }

  /** Shows where the folder is in the tree: the folders above it open, so it shows selected. */
  async #reveal(typed: string): Promise<void> {
    const folder = await this.resolvedFolder();
    if (this.form.folder !== typed || !folder || !this.tree.connectionId) return;
    if (folder.startsWith(`${DAM_ROOT}/`)) await this.tree.reveal(folder);
  }

  addEdit(): void {
    this.form.edits.push(newEdit(this.#nextEditKey++));
  }

  removeEdit(key: number): void {
    this.form.edits = this.form.edits.filter((edit) => edit.key !== key);
  }

  setMode(mode: Mode): void {
    if (this.#busy()) return;
    this.mode = mode;
  }

  /** Whether a file dropped on the window is a list of assets for the list scope rather than
   *  a sheet to import: a .txt always; a .csv or workbook while the list is being edited. */
  takesListFile(file: HeldSheet): boolean {
    if (file.fileName.toLowerCase().endsWith('.txt')) return true;
    return this.mode !== 'sheet' && this.choice.kind === 'list';
  }

  /** A list file dropped on the window: the list scope takes its entries. */
  async listFileReceived(file: HeldSheet): Promise<void> {
    if (this.#busy()) return;
    if (this.mode === 'sheet') this.mode = 'same';
    await this.choice.listFileReceived(file);
  }

  /** The metadata schema's fields of the folder picked, for `run` on the same connection: the
   *  labels its preview's and report's columns name its properties by (a property's label is
   *  its form's; none when another connection's run is shown). */
  schemaFieldsOf(run: Pick<RunSummary, 'connectionId'> | null | undefined): SchemaField[] | undefined {
    if (!run || run.connectionId !== this.form.connectionId) return undefined;
    return this.fields.current?.schema?.fields;
  }

  /** A count waiting for typing to settle does not start (a job is about to). */
  holdCount(): void {
    if (this.#countTimer !== null) clearTimeout(this.#countTimer);
    this.#countTimer = null;
  }

  /** Counts the scope after typing settles; called whenever the scope's fields change. */
  scheduleCount(): void {
    this.holdCount();
    if (this.choice.kind !== 'folder') {
      // A folder count waiting to start would count the wrong scope.
      this.scope.clear();
      this.choice.schedule();
      return;
    }
    this.#countTimer = setTimeout(() => {
      this.#countTimer = null;
      void this.countNow();
    }, COUNT_DELAY_MS);
  }

  /** Counts the scope now, unless the same scope is already counted (or counting) or a job runs. */
  async countNow(): Promise<void> {
    const { connectionId } = this.form;
    if (this.choice.kind !== 'folder') return;
    const folder = connectionId ? await this.resolvedFolder() : null;
    const nameProblem = this.form.name.trim() !== '' && (await this.formChecked())?.name;
    if (!connectionId || !folder || nameProblem) {
      this.scope.clear();
      return;
    }
    // Any other job would be stopped by a count: never count while one runs.
    if (this.#busy() || this.choice.kind !== 'folder') return;
    const request = folderScope(this.form, folder);
    if (this.scope.covers(scopeKey(request))) return;
    await this.scope.run(request);
  }

  /** The scope as the core takes it (a folder's, a search's or a list's); null while it cannot
   *  be made (its problems are then shown once asked). */
  async scopeRequest(): Promise<ScopeRequest | null> {
    if (this.choice.kind === 'folder') {
      const folder = await this.resolvedFolder();
      return folder ? folderScope(this.form, folder) : null;
    }
    if (this.choice.kind === 'search') await this.resolvedFolder();
    if (this.choice.kind === 'list' && !(await this.choice.readEntries())) return null;
    const scope = this.choice.scope();
    return scope ? scopeRequestOf(this.form.connectionId, scope) : null;
  }

  /** The scope alone (connection, folder and filters, or a search's or list's), for a publish
   *  run, which edits nothing; null when it cannot be made (its problems are then shown). */
  async scopeParts(): Promise<ScopeRequest | null> {
    const p = this.problems;
    if (p.connection || p.folder || p.name) {
      this.askedToPreview();
      return null;
    }
    const request = await this.scopeRequest();
    if (!request) this.askedToPreview();
    return request;
  }

  /** What "Preview" asks the core to plan: the folder's assets, or the search's or list's (a
   *  list's entries are read by the core first); null when that cannot be made. The caller has
   *  checked the form's problems. */
  async request(): Promise<ScopeEditsRequest | null> {
    if (this.choice.kind === 'folder') {
      const folder = await this.resolvedFolder();
      return folder ? toPreviewRequest(this.#i18n.t, this.form, folder) : null;
    }
    const scope = await this.scopeRequest();
    return scope ? { scope, edits: editsOf(this.form) } : null;
  }
}

/** What a row asks for, apart from its values: the property picked and the action. */
function rowShape(edit: EditDraft): string {
  return `${edit.picked}\n${edit.action}`;
}
