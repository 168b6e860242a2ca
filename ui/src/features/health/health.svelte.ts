// The Health page's state: the connection and folder chosen, "Check" (the core's read-only
// health report; any other job stops it, and it never starts while a run works), the count
// whose assets are listed, and each fix: Bulk edit opened on the list of those assets as a list
// scope, its edit row prefilled, or its publish or unpublish preview started. Nothing here
// writes: every fix is a run previewed first, applied from Bulk edit. "Fill from a sheet" saves
// a sheet of the images without a description (the core's sheet export of a list scope, where
// the person says), to fill in Excel and import in Bulk edit's "From a spreadsheet".
//
// Not here: the cards' and fixes' shapes (healthCounts.ts), the drawing (HealthPage.svelte).
import { cancelRun, exportSheet, healthReport } from '../../ipc/commands';
import type { HealthReport } from '../../ipc/bindings/HealthReport';
import type { Progress } from '../../ipc/bindings/Progress';
import type { SavedSheet } from '../../ipc/bindings/SavedSheet';
import { toIpcError } from '../../ipc/errors';
import type { IpcError } from '../../ipc/types';
import type { BulkStore } from '../bulk/bulk.svelte';
import { DESCRIPTION_SHEET_PROPERTIES, fixPaths, fixRun, type CountKey, type FixKind } from './healthCounts';

/** Expiry is counted this many days ahead unless the user says otherwise (the CLI's default). */
export const EXPIRING_WITHIN_DAYS = 30;

export class HealthModel {
  connectionId = $state('');
  folder = $state('');
  recursive = $state(true);
  days = $state(EXPIRING_WITHIN_DAYS);
  report = $state<HealthReport | null>(null);
  running = $state(false);
  /** How far the check is (done of total reads), while it runs; null before its first news. */
  progress = $state<Progress | null>(null);
  error = $state<IpcError | null>(null);
  /** "Stop" was pressed while checking: the core stops sending, and no report is shown. */
  stopping = $state(false);
  /** The last check was stopped by the person before its end (said, not shown as a failure). */
  stopped = $state(false);
  /** The count whose assets are listed under the cards. */
  shown = $state<CountKey>('without_description');
  /** "Fill from a sheet": saving the sheet (the save dialog open, then the export). */
  exporting = $state(false);
  /** The sheet of the images without a description last saved, to fill and import. */
  sheet = $state<SavedSheet | null>(null);
  /** Why that sheet could not be saved. */
  sheetError = $state<IpcError | null>(null);

  #store: BulkStore;

  constructor(store: BulkStore) {
    this.#store = store;
  }

  /** Checking, or a run at work (a check would stop it): "Check" and the fixes wait. */
  get busy(): boolean {
    return this.running || this.exporting || this.#store.run.busy;
  }

  /** Whether "Check" can be pressed: a connection and a folder chosen, nothing at work. */
  get canCheck(): boolean {
    return !this.busy && this.connectionId !== '' && this.folder.trim() !== '' && this.days >= 1;
  }

  /** "Check": the report of the folder (with its subfolders when ticked). The core checks the
   *  folder and says what is wrong with it. */
  async check(): Promise<void> {
    if (!this.canCheck) return;
    this.running = true;
    this.stopping = false;
    this.stopped = false;
    this.error = null;
    this.sheet = null;
    this.sheetError = null;
    this.#store.setup.holdCount();
    try {
      const scope = { kind: 'folder' as const, folder: this.folder.trim(), recursive: this.recursive };
      this.progress = null;
      const request = { connectionId: this.connectionId, scope, name: null, formats: [] };
      this.report = await healthReport(request, this.days, (p) => (this.progress = p));
    } catch (thrown) {
      // A check the person stopped ends in the core's "cancelled": that is what they asked for.
      if (this.stopping) this.stopped = true;
      else this.error = toIpcError(thrown);
    } finally {
      this.running = false;
      this.stopping = false;
      this.progress = null;
    }
  }

  /** "Stop" while checking: the core stops the check's reads (it runs as a job, as a count does);
   *  nothing more is sent to AEM. */
  async stop(): Promise<void> {
    if (!this.running || this.stopping) return;
    this.stopping = true;
    try {
      await cancelRun();
    } catch {
      // The check ended meanwhile: its answer is on its way.
      this.stopping = false;
    }
  }

  /** Opens `fix` in Bulk edit on the report's assets: the list scope holds them, the edit row
   *  is prefilled (or the publish or unpublish preview starts). Returns whether Bulk edit took
   *  it (not while a run works, nor with no asset to fix). */
  async fix(fix: FixKind): Promise<boolean> {
    const report = this.report;
    const store = this.#store;
    if (!report || store.run.busy) return false;
    const paths = fixPaths(report, fix);
    if (paths.length === 0) return false;
    if (store.run.stage !== 'setup') store.run.newEdit();
    const { setup } = store;
    await setup.chooseConnection(this.connectionId);
    setup.setMode('same');
    setup.choice.setKind('list');
    setup.choice.draft.listText = paths.join('\n');
    setup.choice.schedule();
    const run = fixRun(fix);
    if ('replication' in run) {
      void store.startPublish(run.replication);
      return true;
    }
    setup.form.edits = [];
    setup.addEdit();
    const edit = setup.form.edits[0];
    if (!edit) return false;
    // A property the known ones lack (the expiry date) is still offered, by its name.
    edit.picked = run.edit.property;
    edit.action = run.edit.action;
    Object.assign(edit.rule, run.edit.rule);
    return true;
  }

  /** "Fill from a sheet": asks where to save (the system's dialog), then saves a sheet of the
   *  images without a description (path, name, title, an empty description), a list scope of
   *  exactly those assets. Cancelling the dialog saves nothing and says nothing. */
  async exportDescriptions(): Promise<void> {
    const report = this.report;
    if (!report || this.busy) return;
    const entries = fixPaths(report, 'fill-descriptions');
    if (entries.length === 0) return;
    this.exporting = true;
    this.sheet = null;
    this.sheetError = null;
    // A count waiting to start would be stopped by the export: it waits.
    this.#store.setup.holdCount();
    try {
      this.sheet = await exportSheet({
        scope: { connectionId: this.connectionId, scope: { kind: 'list', entries }, name: null, formats: [] },
        properties: [...DESCRIPTION_SHEET_PROPERTIES],
        format: 'xlsx',
      });
    } catch (thrown) {
      this.sheetError = toIpcError(thrown);
    } finally {
      this.exporting = false;
    }
  }

  /** "Import the filled sheet": Bulk edit's "From a spreadsheet" on this connection, its
   *  export ready for the same images, where the sheet is dropped or chosen. Returns whether
   *  Bulk edit took it (not while a run works). */
  async openSheetImport(): Promise<boolean> {
    const report = this.report;
    const store = this.#store;
    if (!report || store.run.busy) return false;
    if (store.run.stage !== 'setup') store.run.newEdit();
    const { setup, sheets } = store;
    await setup.chooseConnection(this.connectionId);
    setup.setMode('sheet');
    setup.choice.setKind('list');
    setup.choice.draft.listText = fixPaths(report, 'fill-descriptions').join('\n');
    setup.choice.schedule();
    sheets.draft.known = [...DESCRIPTION_SHEET_PROPERTIES];
    sheets.draft.others = '';
    return true;
  }
}
