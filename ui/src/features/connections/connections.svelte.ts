// The Connections feature's state: the list, what happened to each file brought in (dropped,
// chosen, pasted), the built-in sandbox's state, each connection's token status and "Test
// connection" result, and the actions. One instance lives in App so
// drops are shown whichever section is open; the page and the results panel read it.
import {
  addLocalSdk,
  chooseCredentialFiles,
  completeImport,
  connectionHealth,
  deleteConnection,
  discardImport,
  importPastedJson,
  listConnections,
  previewPendingChoice,
  renameConnection,
  sandboxStatus,
  setPairedConnection,
  setConnectionProduction,
  setConnectionUrl,
  trustConnectionHost,
  startSandbox,
  testConnection,
} from '../../ipc/commands';
import { toIpcError } from '../../ipc/errors';
import type {
  ConnectionHealth,
  ConnectionTestReport,
  ConnectionView,
  FileOutcome,
  FileResult,
  ImportOptions,
  ImportPreview,
  IpcError,
  LocalSdkArgs,
  SandboxStatus,
} from '../../ipc/types';

/** One file's line in the results: `result` is null while the app is still checking it. */
export interface ImportRow {
  key: number;
  file: string;
  result: FileResult | null;
}

/** One connection's "Test connection": running, then its report (or why it could not run). */
export interface TestRun {
  running: boolean;
  report: ConnectionTestReport | null;
  error: IpcError | null;
  /** The language the app core worded it in (null: not said). */
  lang?: string | null;
}

/** What is running; import actions are disabled while any of them is. */
export type Busy = 'choose' | 'paste' | 'sdk' | 'sandbox' | null;

export class ConnectionsModel {
  /** What the import results call a local SDK typed in by hand (the shell sets it in the user's language). */
  localSdkName = 'Local AEM SDK';
  connections = $state<ConnectionView[]>([]);
  loaded = $state(false);
  loadError = $state<IpcError | null>(null);
  rows = $state<ImportRow[]>([]);
  busy = $state<Busy>(null);
  /** The last failure of an action started from the page (not a per-file refusal). */
  actionError = $state<IpcError | null>(null);
  sandbox = $state<SandboxStatus>({ state: 'stopped' });
  /** Token and certificate status by connection id; missing until the first answer. */
  health = $state<Partial<Record<string, ConnectionHealth>>>({});
  /** "Test connection" runs by connection id. */
  tests = $state<Partial<Record<string, TestRun>>>({});
  /** The clock the countdowns are computed against (ms); moved on by `tick()`. */
  now = $state(Date.now());

  hasSandboxConnection = $derived(this.connections.some((c) => c.sandbox));

  #nextKey = 0;

  async reload(): Promise<void> {
    try {
      this.connections = await listConnections();
      this.loadError = null;
    } catch (thrown) {
      this.loadError = toIpcError(thrown);
    } finally {
      this.loaded = true;
    }
    // After the list is drawn: the status reads the keychain, which may take a moment.
    void this.refreshHealth();
  }

  /** Asks the app core for every connection's token status (it never mints for this). */
  async refreshHealth(): Promise<void> {
    try {
      this.health = await connectionHealth();
      this.now = Date.now();
    } catch (thrown) {
      // The cards keep their last status; the next ask (a minute later) tries again.
      console.warn('Could not read the token status:', thrown);
    }
  }

  /** Moves the countdowns on. */
  tick(): void {
    this.now = Date.now();
  }

  /** "Test connection" (worded by the app core in `lang`, the window's language); a second
   *  click while it runs does nothing. */
  async test(id: string, lang: string | null = null): Promise<void> {
    if (this.tests[id]?.running) return;
    this.tests[id] = { running: true, report: null, error: null, lang };
    try {
      this.tests[id] = { running: false, report: await testConnection(id), error: null, lang };
    } catch (thrown) {
      this.tests[id] = { running: false, report: null, error: toIpcError(thrown), lang };
    }
    // The test may have fetched or renewed the token: show the new status.
    await this.refreshHealth();
  }

  /** After a language switch, the results on screen are tested again, so that they read in
   *  `lang` like everything around them (the app core words them when it runs a test). */
  rewordTests(lang: string): void {
    for (const [id, run] of Object.entries(this.tests)) {
      if (run && !run.running && run.lang && run.lang !== lang) void this.test(id, lang);
    }
  }

  dismissTest(id: string): void {
    delete this.tests[id];
  }

  async refreshSandbox(): Promise<void> {
    try {
      this.sandbox = await sandboxStatus();
    } catch (thrown) {
      console.error('Could not read the sandbox state:', thrown);
    }
  }

  /** The window's drop: a "checking" row per file until its result arrives. */
  filesDropped(names: readonly string[]): void {
    const rows = names.map((file) => ({ key: this.#nextKey++, file, result: null }));
    this.rows = [...rows, ...this.rows];
  }

  /** A result from the Rust side: fills the first "checking" row of that file, or adds one. */
  received(outcome: FileOutcome): void {
    const waiting = this.rows.find((row) => row.result === null && row.file === outcome.file);
    if (waiting) {
      this.#replace(waiting.key, outcome.result);
    } else {
      this.rows = [{ key: this.#nextKey++, file: outcome.file, result: outcome.result }, ...this.rows];
    }
    if (outcome.result.state === 'imported' || outcome.result.state === 'updated') void this.reload();
  }

  dismissRows(): void {
    for (const row of this.rows) {
      if (row.result?.state === 'needsChoice') void discardImport(row.result.pendingId).catch(() => {});
    }
    this.rows = [];
  }

  /** The user left the Connections page: the results they have seen are done with (a file
   *  still being checked, or waiting for their choice, stays for when they come back). */
  leavePage(): void {
    this.rows = this.rows.filter((row) => row.result === null || row.result.state === 'needsChoice');
  }

  setSandbox(status: SandboxStatus): void {
    this.sandbox = status;
    if (status.state === 'running') void this.reload();
  }

  async chooseFiles(): Promise<void> {
    await this.#run('choose', async () => {
      const outcomes = await chooseCredentialFiles();
      for (const outcome of outcomes) this.received(outcome);
    });
  }

  /** Imports pasted text; resolves true when the text was handled (whatever the result). */
  async paste(text: string): Promise<boolean> {
    return this.#run('paste', async () => this.received(await importPastedJson(text)));
  }

  /** Adds a local SDK; rejects with the error so the form can show it inline. */
  async addSdk(args: LocalSdkArgs): Promise<void> {
    if (this.busy) return;
    this.busy = 'sdk';
    try {
      const result = await addLocalSdk(args);
      this.received({ file: this.localSdkName, result });
    } finally {
      this.busy = null;
    }
  }

  async trySandbox(): Promise<boolean> {
    return this.#run('sandbox', async () => {
      await startSandbox();
      await this.reload();
    });
  }

  /** Completes a waiting import; rejects with the core's error for the inline form. */
  async complete(row: ImportRow, options: ImportOptions): Promise<void> {
    if (row.result?.state !== 'needsChoice') return;
    const result = await completeImport({ pendingId: row.result.pendingId, options });
    this.#replace(row.key, result);
    await this.reload();
  }

  previewChoice(row: ImportRow, choice: string): Promise<ImportPreview> | null {
    if (row.result?.state !== 'needsChoice') return null;
    return previewPendingChoice(row.result.pendingId, choice);
  }

  async discard(row: ImportRow): Promise<void> {
    if (row.result?.state === 'needsChoice') {
      try {
        await discardImport(row.result.pendingId);
      } catch (thrown) {
        console.error('Could not discard a waiting import:', thrown);
      }
    }
    this.rows = this.rows.filter((r) => r.key !== row.key);
  }

  // Edits reject with the core's error so the card can show it next to the field.
  async rename(id: string, name: string): Promise<void> {
    this.#put(await renameConnection({ id, name }));
  }

  async setUrl(id: string, url: string): Promise<void> {
    this.#put(await setConnectionUrl({ id, url }));
    // The last test was of the old address.
    delete this.tests[id];
  }

  async trustHost(id: string, host: string): Promise<void> {
    this.#put(await trustConnectionHost({ id, host }));
  }

  async setProduction(id: string, production: boolean): Promise<void> {
    this.#put(await setConnectionProduction({ id, production }));
  }

  async setPaired(id: string, paired: string | null): Promise<void> {
    this.#put(await setPairedConnection({ id, paired }));
  }

  async remove(id: string): Promise<void> {
    await deleteConnection(id);
    this.connections = this.connections.filter((c) => c.id !== id);
    delete this.tests[id];
    // Its "added … Save the name" line goes with it (issue 77): it spoke of a connection gone.
    this.rows = this.rows.filter(
      (row) => !((row.result?.state === 'imported' || row.result?.state === 'updated') && row.result.connection.id === id),
    );
    await this.reload();
  }

  #put(view: ConnectionView): void {
    this.connections = this.connections.map((c) => (c.id === view.id ? view : c));
  }

  #replace(key: number, result: FileResult): void {
    this.rows = this.rows.map((row) => (row.key === key ? { ...row, result } : row));
  }

  async #run(what: Exclude<Busy, null>, work: () => Promise<void>): Promise<boolean> {
    if (this.busy) return false;
    this.busy = what;
    this.actionError = null;
    try {
      await work();
      return true;
    } catch (thrown) {
      this.actionError = toIpcError(thrown);
      return false;
    } finally {
      this.busy = null;
    }
  }
}
