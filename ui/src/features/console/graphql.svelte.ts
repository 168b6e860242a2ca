// The GraphQL tab's state for one connection: the endpoint (configuration) and its schema, the
// variables, the run in flight and its answer, the persisted queries (run, show, save) and the
// connection's GraphQL history. The editor is the page's (CodeMirror); the tab hands it over
// once loaded. The tab's component only draws this model.
import {
  consoleCancel,
  consoleEndpoints,
  consoleExport,
  consoleGraphql,
  consoleHistory,
  consolePersisted,
  consoleRunPersisted,
  consoleSavePersisted,
  consoleSchema,
} from '../../ipc/commands';
import type { ConnectionView } from '../../ipc/bindings/ConnectionView';
import type { GraphqlAnswer } from '../../ipc/bindings/GraphqlAnswer';
import type { HistoryEntry } from '../../ipc/bindings/HistoryEntry';
import type { PersistedQuery } from '../../ipc/bindings/PersistedQuery';
import { toIpcError } from '../../ipc/errors';
import { isTypedName } from '../../lib/connectionName';
import { graphqlHistory, reopen, type Words } from './compose';
import type { GraphqlEditor } from './editor';

/** The query the editor starts with. */
export const START_QUERY = '{\n  articleList {\n    items {\n      _path\n      title\n    }\n  }\n}\n';

/** Whether `variables` (the field's text) can be sent: empty, or a JSON object. */
export function variablesProblem(variables: string, t: Words): string | null {
  if (variables.trim() === '') return null;
  try {
    const v: unknown = JSON.parse(variables);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? null : t('console-variables-not-object');
  } catch (e) {
    return t('console-not-json', { detail: e instanceof Error ? e.message : String(e) });
  }
}

function newCallId(): string {
  return `gql-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

export class GraphqlModel {
  configs = $state<string[]>(['global']);
  config = $state('global');
  endpointNote = $state<string | null>(null);
  schemaNote = $state<string | null>(null);
  variables = $state('');
  running = $state(false);
  answer = $state<GraphqlAnswer | null>(null);
  error = $state<string | null>(null);
  view = $state<'table' | 'tree'>('table');
  exported = $state<string | null>(null);
  persisted = $state<PersistedQuery[]>([]);
  /** The persisted query chosen in the list (its short path), or ''. */
  chosen = $state('');
  saveName = $state('');
  saveReplace = $state(false);
  /** The connection's name, typed to save on a production connection. */
  typedName = $state('');
  saveNote = $state<string | null>(null);
  /** A save is being sent: Save waits for its answer, so a query is never saved twice. */
  saving = $state(false);
  history = $state<HistoryEntry[]>([]);
  historyNote = $state<string | null>(null);

  variablesError = $derived.by(() => variablesProblem(this.variables, this.#t));
  /** Saving a persisted query needs a name and, on production, the connection's name typed. */
  canSave = $derived.by(
    () =>
      !this.saving && this.saveName.trim() !== '' && (!this.connection.production || isTypedName(this.typedName, this.connection, this.#t)),
  );

  readonly connection: ConnectionView;
  #t: Words;
  #editor: GraphqlEditor | null = null;
  #callId: string | null = null;
  /** Whether the user has typed in the configuration field: the listing, which may arrive while
   *  they type, then never replaces their text by the first listed configuration. */
  #configTyped = false;

  constructor(connection: ConnectionView, t: Words) {
    this.connection = connection;
    this.#t = t;
  }

  /** The editor is ready: reads the endpoints, then the schema for completion. */
  async attach(editor: GraphqlEditor): Promise<void> {
    this.#editor = editor;
    await this.loadEndpoints();
    await this.loadSchema();
  }

  /** The user typed in the configuration field. */
  configTyped(): void {
    this.#configTyped = true;
  }

  async loadSchema(): Promise<void> {
    this.schemaNote = null;
    try {
      const schema = await consoleSchema(this.connection.id, this.config);
      const problem = this.#editor?.setSchema(schema) ?? null;
      if (problem) this.schemaNote = this.#t('console-completion-off', { detail: problem });
    } catch (e) {
      this.schemaNote = this.#t('console-completion-off', { detail: toIpcError(e).message });
    }
  }

  async loadEndpoints(): Promise<void> {
    const id = this.connection.id;
    try {
      const e = await consoleEndpoints(id);
      this.configs = e.configs;
      this.endpointNote = e.note;
      if (!this.#configTyped && !this.configs.includes(this.config)) this.config = this.configs[0] ?? 'global';
    } catch (e) {
      this.endpointNote = toIpcError(e).message;
    }
    try {
      this.persisted = await consolePersisted(id);
    } catch {
      this.persisted = [];
    }
  }

  async refreshHistory(): Promise<void> {
    try {
      this.history = graphqlHistory(await consoleHistory(this.connection.id));
    } catch {
      this.history = [];
    }
  }

  /** Puts a history entry back: its query in the editor, or its persisted query chosen. */
  reopenEntry(entry: HistoryEntry): void {
    const r = reopen(entry);
    if (!r) return;
    this.variables = r.variables;
    if (r.config !== this.config) {
      this.config = r.config;
      void this.loadSchema();
    }
    if (r.kind === 'query') {
      this.#editor?.setText(r.query);
      this.#editor?.markErrors([]);
      this.historyNote = this.#t('console-history-back');
    } else {
      this.chosen = r.shortPath;
      this.historyNote = this.persisted.some((p) => p.short_path === r.shortPath)
        ? this.#t('console-history-persisted-chosen', { path: r.shortPath })
        : this.#t('console-history-persisted-gone', { path: r.shortPath });
    }
  }

  /** Runs the editor's query on the chosen endpoint; its errors are marked in the editor. */
  async run(): Promise<void> {
    const editor = this.#editor;
    if (!editor) return;
    await this.#call(async (callId) => {
      const answer = await consoleGraphql({
        connection: this.connection.id,
        config: this.config,
        query: editor.text(),
        variables: this.variables,
        call_id: callId,
      });
      editor.markErrors(
        answer.errors.flatMap((e) => e.locations.map((l) => ({ message: e.message, line: l.line, column: l.column }))),
      );
      return answer;
    });
  }

  /** Runs the persisted query chosen in the list. */
  async runPersisted(): Promise<void> {
    const q = this.#chosenQuery();
    if (!q) return;
    await this.#call((callId) => consoleRunPersisted({ connection: this.connection.id, config: q.config, name: q.name, variables: this.variables, callId }));
  }

  /** Puts the chosen persisted query in the editor (with its configuration and name). */
  showPersisted(): void {
    const q = this.#chosenQuery();
    if (!q?.query) return;
    this.#editor?.setText(q.query);
    this.config = q.config;
    this.saveName = q.name;
  }

  async savePersisted(): Promise<void> {
    const editor = this.#editor;
    if (!editor || !this.canSave) return;
    this.saveNote = null;
    this.saving = true;
    try {
      const saved = await consoleSavePersisted({
        connection: this.connection.id,
        config: this.config,
        name: this.saveName,
        query: editor.text(),
        replace: this.saveReplace,
        typed: this.connection.production ? this.typedName : null,
      });
      this.saveNote = this.#t(saved.created ? 'console-persisted-saved' : 'console-persisted-replaced', { path: saved.short_path });
      this.persisted = await consolePersisted(this.connection.id);
    } catch (e) {
      this.saveNote = toIpcError(e).message;
    } finally {
      this.saving = false;
      void this.refreshHistory();
    }
  }

  async cancel(): Promise<void> {
    if (this.#callId) await consoleCancel(this.#callId);
  }

  async exportAs(format: 'csv' | 'json'): Promise<void> {
    if (!this.answer) return;
    try {
      const name = await consoleExport(format, JSON.stringify(this.answer.data));
      this.exported = name ? this.#t('console-saved-as', { file: name }) : null;
    } catch (e) {
      this.exported = toIpcError(e).message;
    }
  }

  #chosenQuery(): PersistedQuery | undefined {
    return this.persisted.find((p) => p.short_path === this.chosen);
  }

  /** One call at a time: its answer shown (as a table when it has one), or its error. */
  async #call(send: (callId: string) => Promise<GraphqlAnswer>): Promise<void> {
    if (this.running || this.variablesError) return;
    this.running = true;
    this.error = null;
    this.exported = null;
    const callId = newCallId();
    this.#callId = callId;
    try {
      this.answer = await send(callId);
      this.view = this.answer.table ? 'table' : 'tree';
    } catch (e) {
      this.answer = null;
      this.error = toIpcError(e).message;
    } finally {
      this.running = false;
      this.#callId = null;
      void this.refreshHistory();
    }
  }
}
