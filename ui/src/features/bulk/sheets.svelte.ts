// "From a spreadsheet": the sheet to export (which properties, which format) and its export, the
// sheet on hand to import (dropped or chosen), and its check: every cell's problems, and its
// preview when it can be applied (rows in error left out when the user says so). The check is a
// preview job of the run (`run.svelte.ts`).
import { chooseSheetFile, exportSheet, exportSheetIssues, previewSheet, sheetIssues } from '../../ipc/commands';
import type { HeldSheet } from '../../ipc/bindings/HeldSheet';
import type { Issue } from '../../ipc/bindings/Issue';
import type { IssueFilter } from '../../ipc/bindings/IssueFilter';
import type { RunSummary } from '../../ipc/bindings/RunSummary';
import type { SavedSheet } from '../../ipc/bindings/SavedSheet';
import type { SheetImport } from '../../ipc/bindings/SheetImport';
import { toIpcError } from '../../ipc/errors';
import type { IpcError } from '../../ipc/types';
import type { I18n } from '../../lib/i18n/i18n.svelte';
import { chosenScope } from './chosenScope';
import { FormCheck } from './formCheck.svelte';
import { PagedRows } from './paged.svelte';
import type { RunModel } from './run.svelte';
import type { SetupModel } from './setup.svelte';
import {
  canApplySheet,
  emptySheetDraft,
  exportProblems,
  hasExportProblems,
  sheetCheckOf,
  sheetProperties,
  type SheetDraft,
  type SheetExportProblems,
} from './sheetForm';

export class SheetsModel {
  #setup: SetupModel;
  #run: RunModel;
  #i18n: I18n;

  draft = $state<SheetDraft>(emptySheetDraft());
  /** Export problems are shown once the user tried to export (and then live). */
  showProblems = $state(false);
  problems = $derived(this.#problemsOf());
  exporting = $state(false);
  exported = $state<SavedSheet | null>(null);
  /** The sheet on hand for import (dropped or chosen). */
  file = $state<HeldSheet | null>(null);
  skipRowsInError = $state(false);
  /** The last check of the sheet on hand: its problems, and its preview when there is one. */
  result = $state<SheetImport | null>(null);
  /** Whether `result` was made with the rows in error left out. */
  skipped = $state(false);
  message = $state<IpcError | null>(null);
  /** Where the problems of the last check were saved. */
  issuesExported = $state<string | null>(null);
  /** The problems of the last check read so far: the core keeps them all and sends them a page
   *  at a time (a sheet of a million rows may have half a million), filtered by severity. */
  issues = new PagedRows<Issue, IssueFilter>((importId, filter, offset, limit) =>
    sheetIssues({ importId, filter: filter ?? 'all', offset, limit }).then((page) => ({ rows: page.issues, total: page.total })),
  );

  /** The core's answer about the extra properties typed. */
  propertyCheck = new FormCheck();

  /** Asks the core about the extra properties once typing settles (called when they change). */
  followProperties(): void {
    this.propertyCheck.follow(sheetCheckOf(this.draft));
  }

  constructor(i18n: I18n, setup: SetupModel, run: RunModel) {
    this.#i18n = i18n;
    this.#setup = setup;
    this.#run = run;
  }

  #problemsOf(): SheetExportProblems {
    const { connectionId, folder } = this.#setup.form;
    const answer = this.#setup.folderCheck.answerFor(folder);
    const checked = this.propertyCheck.answerFor(sheetCheckOf(this.draft));
    const problems = exportProblems(this.#i18n.t, connectionId, folder, answer, this.draft, checked);
    // A list has no folder; a search's or list's own problems are said when exporting.
    if (this.#setup.choice?.kind === 'list') delete problems.folder;
    return problems;
  }

  /** "Export…": asks where to save (the system's dialog), then writes the sheet. */
  async exportSheet(): Promise<void> {
    this.showProblems = true;
    if (this.exporting || this.#run.busy) return;
    // The core's answer about the properties typed is known before deciding.
    await this.propertyCheck.resolve(sheetCheckOf(this.draft));
    if (hasExportProblems(this.problems)) return;
    this.exporting = true;
    this.exported = null;
    this.message = null;
    const scope = await chosenScope(this.#setup, this.#i18n.t);
    if ('problem' in scope) {
      this.message = { code: 'invalid_input', message: scope.problem };
      this.exporting = false;
      return;
    }
    this.#setup.holdCount();
    try {
      // The assets picked: a folder's, a search's or a list's; the core makes them a run's.
      this.exported = await exportSheet({ scope, properties: sheetProperties(this.draft), format: this.draft.format });
    } catch (thrown) {
      this.message = toIpcError(thrown);
    } finally {
      this.exporting = false;
      // The export stopped any count that was running.
      this.#setup.scheduleCount();
    }
  }

  /** A sheet dropped on the window (or chosen): on hand for "Check and preview". */
  received(file: HeldSheet): void {
    this.#setup.mode = 'sheet';
    this.file = file;
    this.result = null;
    this.issues.clear();
    this.message = null;
    this.issuesExported = null;
  }

  async choose(): Promise<void> {
    if (this.#run.busy) return;
    try {
      const file = await chooseSheetFile();
      if (file) this.received(file);
    } catch (thrown) {
      this.message = toIpcError(thrown);
    }
  }

  /** Reads the sheet on hand as it is now, checks every cell and previews it. With errors the
   *  problems table shows and nothing is planned to be written (unless rows in error are left
   *  out); without, the preview opens as for any bulk edit. */
  async check(): Promise<void> {
    const file = this.file;
    const connectionId = this.#setup.form.connectionId;
    if (this.#run.busy || !file) return;
    if (!connectionId) {
      this.#setup.askedToPreview();
      return;
    }
    const skip = this.skipRowsInError;
    this.message = null;
    this.result = null;
    this.issues.clear();
    this.issuesExported = null;
    await this.#run.startPreview('setup', async (onProgress) => {
      try {
        const result = await previewSheet({ connectionId, sheetId: file.id, skipRowsInError: skip }, onProgress);
        this.result = result;
        this.issues.show(result.importId, result.issues, result.issueCounts.total);
        this.skipped = skip;
        const run = result.run;
        // An unfinished preview is said on the form; one with errors shows only its problems.
        if (run?.status === 'preview_incomplete') return run;
        return run && canApplySheet(result, skip) ? run : null;
      } catch (thrown) {
        this.message = toIpcError(thrown);
        return null;
      }
    });
  }

  /** The problems of the last check, saved as CSV where the user says. */
  async exportIssues(): Promise<void> {
    const result = this.result;
    if (!result) return;
    this.issuesExported = null;
    try {
      this.issuesExported = await exportSheetIssues(result.fileName, result.importId);
    } catch (thrown) {
      this.message = toIpcError(thrown);
    }
  }

  /** The sheet's problems that go with `run` (its warnings, the rows left out), if it is the
   *  preview of the sheet last checked. */
  of(run: RunSummary): SheetImport | null {
    return this.result?.run?.id === run.id ? this.result : null;
  }
}
