// Bulk edit's state for the whole window, as models with one job each, wired together here:
//   setup    the form, its problems, the folder tree and the live count (setup.svelte.ts)
//   sheets   "From a spreadsheet": export, the sheet on hand and its check (sheets.svelte.ts)
//   run      the run on screen and the one job: preview, apply, pause, cancel (run.svelte.ts)
//   report   a report's rows and failures (report.svelte.ts); its CSV export is the window's one
//            ReportExport (reportExport.svelte.ts), shared with the other pages' reports
//   history  Activity's runs and the interrupted run found at start-up (history.svelte.ts)
//   close    closing the window during a run (closing.svelte.ts)
//   missing  the required-metadata report of the scope picked (missing.svelte.ts)
//   fragments content fragments: a folder's, a model, one field's edit (fragments.svelte.ts)
// One instance lives in App, so a run keeps going (and showing) while the user visits other
// sections. Every call to the core goes through `ipc/`.
import { previewRun } from '../../ipc/commands';
import type { Replication } from '../../ipc/bindings/Replication';
import type { ConnectionView } from '../../ipc/types';
import { I18n } from '../../lib/i18n/i18n.svelte';
import { CloseModel } from './closing.svelte';
import { hasProblems } from './editForm';
import { FragmentsModel } from './fragments.svelte';
import { HistoryModel } from './history.svelte';
import { MissingModel } from './missing.svelte';
import { ReportModel } from './report.svelte';
import { ReportExport } from './reportExport.svelte';
import { RunModel } from './run.svelte';
import { SetupModel } from './setup.svelte';
import { SheetsModel } from './sheets.svelte';
import { TagTitles } from './tagTitles.svelte';
import { MoveModel } from '../move/move.svelte';
import type { RunSummary } from '../../ipc/bindings/RunSummary';

export class BulkStore {
  readonly history: HistoryModel;
  readonly report: ReportModel;
  /** Export CSV, on this report as on every page's. */
  readonly exporter: ReportExport;
  readonly run: RunModel;
  readonly setup: SetupModel;
  readonly sheets: SheetsModel;
  readonly close: CloseModel;
  readonly missing: MissingModel;
  readonly fragments: FragmentsModel;
  /** Tag ids shown by title in previews and reports. */
  readonly tagTitles = new TagTitles();
  /** "Move…" and "Moves from a sheet…": the Move panel's state (issue 76). */
  readonly move = new MoveModel();
  /** "To AEM's Preview tier" beside Publish and Unpublish. */
  publishToPreview = $state(false);
  /** "Move the tag back" on the undo of a move: the Tags page opens its Move dialog on `tag`
   *  (where AEM moved it), to `to`, as a change of its own to preview. */
  moveBack = $state<{ connectionId: string; tag: string; to: string } | null>(null);

  /** `connections`: the saved connections (for a run's production flag); `i18n`: the window's
   *  words, for the problems and messages the models word themselves. */
  constructor(connections: () => ConnectionView[], i18n: I18n = new I18n('en'), exporter = new ReportExport()) {
    this.history = new HistoryModel(i18n);
    this.report = new ReportModel();
    this.exporter = exporter;
    this.setup = new SetupModel(i18n, () => this.run.busy);
    this.run = new RunModel({
      connections,
      history: this.history,
      report: this.report,
      count: { hold: () => this.setup.holdCount(), schedule: () => this.setup.scheduleCount() },
    });
    this.sheets = new SheetsModel(i18n, this.setup, this.run);
    this.close = new CloseModel(i18n, this.run);
    this.missing = new MissingModel(i18n, this.setup, this.sheets, () => this.run.busy);
    this.fragments = new FragmentsModel(this.run, () => this.setup.form.connectionId);
  }

  /** "Preview": checks the form, then has the core read the current values (nothing is
   *  written) and opens the preview. */
  async startPreview(): Promise<void> {
    this.setup.askedToPreview();
    if (this.run.busy) return;
    // The core's checks of the form as typed are known before deciding (typing may not have settled).
    await this.setup.formChecked();
    if (hasProblems(this.setup.problems)) return;
    const request = await this.setup.request();
    if (!request) return;
    // A value the metadata schema refuses is said beside its change; nothing is previewed.
    if (!(await this.setup.fields.allows(request, this.setup.form.edits.map((e) => e.key)))) return;
    this.setup.previewOpened();
    await this.run.startPreview('setup', (onProgress) => previewRun(request, onProgress));
  }

  /** "Publish" or "Unpublish" the scope as it is (no edit): its own preview, with each asset's
   *  publication state, then Apply. */
  async startPublish(replication: Replication): Promise<void> {
    if (this.run.busy) return;
    const scope = await this.setup.scopeParts();
    if (!scope) return;
    const agent = this.publishToPreview ? 'preview' : 'publish';
    await this.run.startPublish(scope, replication, agent);
  }

  /** Stops what would still fire later (a count waiting for typing to settle, a count's late
   *  answer): for when the window goes away. */
  dispose(): void {
    this.setup.dispose();
  }

  /** A move's run from Activity: the form, with the Move panel showing the run. */
  openMove(run: RunSummary): void {
    if (this.run.busy || this.move.busy) return;
    this.run.newEdit();
    this.move.showRun(run, this.history.runs);
  }

  /** "Move…": the scope chosen on the page, moved or renamed in the Move panel; nothing while
   *  the scope cannot be made (its problems are then shown). */
  async startMove(): Promise<void> {
    if (this.run.busy || this.move.busy) return;
    const scope = await this.setup.scopeRequest();
    if (scope) this.move.openFor(scope);
  }
}
