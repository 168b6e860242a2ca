// The bulk runs this machine has made (Activity's list, newest first), in the window's language,
// and the interrupted run found at start-up that the window offers to resume.
import { listRuns } from '../../ipc/commands';
import type { RunSummary } from '../../ipc/bindings/RunSummary';
import { toIpcError } from '../../ipc/errors';
import type { IpcError } from '../../ipc/types';
import type { I18n } from '../../lib/i18n/i18n.svelte';

export class HistoryModel {
  runs = $state<RunSummary[]>([]);
  loaded = $state(false);
  loading = $state(false);
  error = $state<IpcError | null>(null);
  /** An interrupted run found at start-up, until resumed or put off. */
  interrupted = $state<RunSummary | null>(null);

  #i18n: I18n;
  /** The language `runs` are worded in (the core words their reasons and conditions). */
  #lang = $state<string | null>(null);

  constructor(i18n: I18n) {
    this.#i18n = i18n;
  }

  /** Whether `runs` are in the window's language: after a switch they are not, until loaded
   *  again, and are not to be shown meanwhile. */
  get inLanguage(): boolean {
    return this.#lang === this.#i18n.lang;
  }

  async load(): Promise<void> {
    this.loading = true;
    const lang = this.#i18n.lang;
    try {
      this.runs = await listRuns();
      this.#lang = lang;
      this.error = null;
    } catch (thrown) {
      this.error = toIpcError(thrown);
    } finally {
      this.loading = false;
      this.loaded = true;
    }
  }

  /** At start-up: offers the newest interrupted run for resume. */
  async checkInterrupted(): Promise<void> {
    await this.load();
    this.interrupted = this.runs.find((run) => run.status === 'interrupted') ?? null;
  }

  /** "Later" on the banner; also once the run is applied again. */
  putOffInterrupted(): void {
    this.interrupted = null;
  }

  /** The run an undo or a retry goes back to, when the history has it. */
  originOf(run: RunSummary): RunSummary | null {
    const of = run.goesBackTo;
    if (of === null) return null;
    return this.runs.find((r) => r.id === of) ?? null;
  }
}
