// Typed wrappers around the Rust commands. Each resolves with the command's result or rejects
// with an `IpcError` (never a bare string), so callers can `catch (e)` and show `e.message`.
import { Channel, invoke, type InvokeArgs } from '@tauri-apps/api/core';

import { whileWorking } from './working';
import type { Action } from './bindings/Action';
import type { Agent } from './bindings/Agent';
import type { AppHealth } from './bindings/AppHealth';
import type { ApplyRequest } from './bindings/ApplyRequest';
import type { CheckStep } from './bindings/CheckStep';
import type { CompleteImportArgs } from './bindings/CompleteImportArgs';
import type { ConnectionHealth } from './bindings/ConnectionHealth';
import type { ConnectionTestReport } from './bindings/ConnectionTestReport';
import type { ConnectionView } from './bindings/ConnectionView';
import type { ConsoleRequest } from './bindings/ConsoleRequest';
import type { ConsoleResponse } from './bindings/ConsoleResponse';
import type { ConsoleSendRequest } from './bindings/ConsoleSendRequest';
import type { Endpoints } from './bindings/Endpoints';
import type { ExportFormat } from './bindings/ExportFormat';
import type { FieldReportSaved } from './bindings/FieldReportSaved';
import type { FileOutcome } from './bindings/FileOutcome';
import type { FileResult } from './bindings/FileResult';
import type { FoundBy } from './bindings/FoundBy';
import type { FolderAssets } from './bindings/FolderAssets';
import type { FolderEntry } from './bindings/FolderEntry';
import type { FolderOutcomes } from './bindings/FolderOutcomes';
import type { FolderPage } from './bindings/FolderPage';
import type { FolderPageRequest } from './bindings/FolderPageRequest';
import type { PreviewAsk } from './bindings/PreviewAsk';
import type { PreviewRowsRequest } from './bindings/PreviewRowsRequest';
import type { ReportRowsRequest } from './bindings/ReportRowsRequest';
import type { SaveScopeRequest } from './bindings/SaveScopeRequest';
import type { FolderSchema } from './bindings/FolderSchema';
import type { FormCheckRequest } from './bindings/FormCheckRequest';
import type { CheckedForm } from './bindings/CheckedForm';
import type { FragmentList } from './bindings/FragmentList';
import type { FragmentListRequest } from './bindings/FragmentListRequest';
import type { FragmentRequest } from './bindings/FragmentRequest';
import type { PublishRequest } from './bindings/PublishRequest';
import type { GraphqlAnswer } from './bindings/GraphqlAnswer';
import type { GraphqlCall } from './bindings/GraphqlCall';
import type { HealthReport } from './bindings/HealthReport';
import type { HeldSheet } from './bindings/HeldSheet';
import type { PreviewReferences } from './bindings/PreviewReferences';
import type { HistoryEntry } from './bindings/HistoryEntry';
import type { ImportPreview } from './bindings/ImportPreview';
import type { IssuePage } from './bindings/IssuePage';
import type { Lang } from './bindings/Lang';
import type { LanguageSettings } from './bindings/LanguageSettings';
import type { ListFile } from './bindings/ListFile';
import type { LocalSdkArgs } from './bindings/LocalSdkArgs';
import type { MissingReport } from './bindings/MissingReport';
import type { MoveRequest } from './bindings/MoveRequest';
import type { PersistedQuery } from './bindings/PersistedQuery';
import type { PreviewPage } from './bindings/PreviewPage';
import type { Progress } from './bindings/Progress';
import type { RenameArgs } from './bindings/RenameArgs';
import type { ReportPage } from './bindings/ReportPage';
import type { ReportStatus } from './bindings/ReportStatus';
import type { RuleSample } from './bindings/RuleSample';
import type { RunPersistedRequest } from './bindings/RunPersistedRequest';
import type { RunScope } from './bindings/RunScope';
import type { RunSummary } from './bindings/RunSummary';
import type { SandboxStatus } from './bindings/SandboxStatus';
import type { SaveEntryRequest } from './bindings/SaveEntryRequest';
import type { SavePersistedRequest } from './bindings/SavePersistedRequest';
import type { SavedPersisted } from './bindings/SavedPersisted';
import type { SavedRequest } from './bindings/SavedRequest';
import type { SavedScope } from './bindings/SavedScope';
import type { SavedSheet } from './bindings/SavedSheet';
import type { Scope } from './bindings/Scope';
import type { ScopeCount } from './bindings/ScopeCount';
import type { ScopeEditsRequest } from './bindings/ScopeEditsRequest';
import type { ScopeRequest } from './bindings/ScopeRequest';
import type { SelectedCount } from './bindings/SelectedCount';
import type { SetPairedArgs } from './bindings/SetPairedArgs';
import type { SetProductionArgs } from './bindings/SetProductionArgs';
import type { SetUrlArgs } from './bindings/SetUrlArgs';
import type { TrustHostArgs } from './bindings/TrustHostArgs';
import type { SheetExportRequest } from './bindings/SheetExportRequest';
import type { SheetIssuesRequest } from './bindings/SheetIssuesRequest';
import type { SheetPreviewRequest } from './bindings/SheetPreviewRequest';
import type { SheetImport } from './bindings/SheetImport';
import type { Tag } from './bindings/Tag';
import type { TagChangeRequest } from './bindings/TagChangeRequest';
import type { TagCounts } from './bindings/TagCounts';
import type { SavedTaxonomy } from './bindings/SavedTaxonomy';
import type { TagImportApplied } from './bindings/TagImportApplied';
import type { TagImportPreview } from './bindings/TagImportPreview';
import type { TagImportRun } from './bindings/TagImportRun';
import type { TagImportUndone } from './bindings/TagImportUndone';
import type { TagRenamePreview } from './bindings/TagRenamePreview';
import type { TagRenameRequest } from './bindings/TagRenameRequest';
import type { HeldUpload } from './bindings/HeldUpload';
import type { UploadPreview } from './bindings/UploadPreview';
import type { UploadPreviewRequest } from './bindings/UploadPreviewRequest';
import type { UploadReportRow } from './bindings/UploadReportRow';
import { toIpcError } from './errors';

async function call<T>(command: string, args?: InvokeArgs): Promise<T> {
  try {
    return await whileWorking(() => invoke<T>(command, args));
  } catch (thrown) {
    throw toIpcError(thrown);
  }
}

/**
 * Runs the start-up check. `onStep` is called for each step as the Rust side finishes it
 * (streamed over a Channel, in order), before the promise resolves with the full result.
 * The keychain probe may wait for an unlock prompt, so this can take a while.
 */
export function checkHealth(onStep: (step: CheckStep) => void): Promise<AppHealth> {
  const channel = new Channel<CheckStep>();
  // Set before the channel is sent: messages that arrive earlier are not replayed.
  channel.onmessage = onStep;
  return call<AppHealth>('check_health', { onStep: channel });
}

/** Every connection, with secrets shown only as hints. */
export function listConnections(): Promise<ConnectionView[]> {
  return call('list_connections');
}

/** Imports credential JSON the user pasted (the text itself; the page never handles paths). */
export function importPastedJson(text: string): Promise<FileOutcome> {
  return call('import_pasted_json', { text });
}

/** Opens the system's file dialog (Rust opens it) and imports the picked files; [] if cancelled. */
export function chooseCredentialFiles(): Promise<FileOutcome[]> {
  return call('choose_credential_files');
}

/** Finishes an import that waited for the user's choice (credential, AEM address). */
export function completeImport(args: CompleteImportArgs): Promise<FileResult> {
  return call('complete_import', { args });
}

/** Forgets an import that waited for the user's choice. */
export function discardImport(pendingId: string): Promise<void> {
  return call('discard_import', { pendingId });
}

/** What one credential of a waiting file holds (when the file has several). */
export function previewPendingChoice(pendingId: string, choice: string): Promise<ImportPreview> {
  return call('preview_pending_choice', { pendingId, choice });
}

/** Adds a local AEM SDK connection. The password is sent once and never comes back. */
export function addLocalSdk(args: LocalSdkArgs): Promise<FileResult> {
  return call('add_local_sdk', { args });
}

export function renameConnection(args: RenameArgs): Promise<ConnectionView> {
  return call('rename_connection', { args });
}

export function setConnectionUrl(args: SetUrlArgs): Promise<ConnectionView> {
  return call('set_connection_url', { args });
}

/** Trusts the host of a connection's AEM address that is not Adobe's, by name. */
export function trustConnectionHost(args: TrustHostArgs): Promise<ConnectionView> {
  return call('trust_connection_host', { args });
}

export function setConnectionProduction(args: SetProductionArgs): Promise<ConnectionView> {
  return call('set_connection_production', { args });
}

/** Pairs an OAuth Server-to-Server connection with the connection that finds its assets
 *  (`paired` null: unpaired). */
export function setPairedConnection(args: SetPairedArgs): Promise<ConnectionView> {
  return call('set_paired_connection', { args });
}

/** Deletes the connection and its keychain entries. */
export function deleteConnection(id: string): Promise<void> {
  return call('delete_connection', { id });
}

/** Starts the built-in sandbox AEM (a few seconds) and adds its connection. */
export function startSandbox(): Promise<ConnectionView> {
  return call('start_sandbox');
}

export function sandboxStatus(): Promise<SandboxStatus> {
  return call('sandbox_status');
}

/**
 * "Test connection": gets (or reuses) the connection's token and asks AEM who we are and
 * whether the DAM can be read. A failed step is part of the report; the promise rejects only
 * when the connection cannot be tested at all (it is gone, the keychain cannot be used).
 */
export function testConnection(id: string): Promise<ConnectionTestReport> {
  return call('test_connection', { id });
}

/** "Save a report for support": the Rust side asks where to save, then makes the connection's
 *  field report (read-only; no token, no secret, no metadata value in it) and writes it. Resolves
 *  with the file's name, the counts and each difference in words; null when the dialog was
 *  cancelled. */
export function saveFieldReport(id: string): Promise<FieldReportSaved | null> {
  return call('save_field_report', { id });
}

/**
 * The token and certificate status of every connection, by connection id. Shows a token kept
 * in the keychain from an earlier run; never asks Adobe for a new one.
 */
export function connectionHealth(): Promise<Partial<Record<string, ConnectionHealth>>> {
  return call('connection_health');
}

// ---- Bulk edit -------------------------------------------------------------------------------
// The app runs one bulk job at a time (a count, a preview or an apply); pause, resume and
// cancel act on that job. Progress arrives over a Channel before the promise resolves.

function channelOf<T>(handler: (message: T) => void): Channel<T> {
  const channel = new Channel<T>();
  // Set before the channel is sent: messages that arrive earlier are not replayed.
  channel.onmessage = handler;
  return channel;
}

/** One page of a folder's subfolders, for the folder tree (`offset` from `nextOffset`). */
export function listFolder(connectionId: string, folder: string, offset: number): Promise<FolderPage> {
  return call('list_folder', { request: { connectionId, folder, offset } satisfies FolderPageRequest });
}

/** The first assets of a folder (names, titles), for its thumbnail strip. */
export function listFolderAssets(connectionId: string, folder: string): Promise<FolderAssets> {
  return call('list_folder_assets', { connectionId, folder });
}

/** Folders whose path starts with what the user typed (lists the typed path's parent). */
export function completeFolderPath(connectionId: string, typed: string): Promise<FolderEntry[]> {
  return call('complete_folder_path', { connectionId, typed });
}

/** The folder typed as the core takes it (`/content/dam/…`; the seed script's
 *  `/wknd-shared/en/…` gains `/content/dam`); rejects with why not, in the window's words.
 *  Nothing is sent to AEM. */
export function checkFolder(folder: string): Promise<string> {
  return call('check_folder', { folder });
}

/** Bulk edit's form as typed, checked by the core's own rules (the edits' properties, the name
 *  pattern, a search's conditions, a pasted list, a sheet's properties): each field's problem in
 *  the window's words, null where the core takes it. Nothing is sent to AEM. */
export function checkForm(request: FormCheckRequest): Promise<CheckedForm> {
  return call('check_form', { request });
}

/** The run's folder and filters for a scope, as the core makes them (for a publish or a
 *  sheet's export, which take them). */
export function runScope(request: ScopeRequest): Promise<RunScope> {
  return call('run_scope', { request });
}

/**
 * Counts what a scope selects: a folder streams running counts to `onUpdate`, a search is
 * counted by AEM in one cheap request, a list is resolved entry by entry (its problems come back
 * with their reasons). A new count (or any other job) cancels one still running: a folder's then
 * resolves with `done: false`, a search's or a list's with null.
 */
export function countScope(request: ScopeRequest, onUpdate: (count: ScopeCount) => void): Promise<SelectedCount | null> {
  return call('count_scope', { request, onUpdate: channelOf(onUpdate) });
}

/** The edits computed on the first assets of a scope (as a preview takes it), for the live
 *  "before → after" under the edit rows. The core reads those assets once per scope and keeps
 *  them, so calling this at each keystroke asks AEM nothing new. */
export function ruleSample(request: ScopeEditsRequest): Promise<RuleSample> {
  return call('rule_sample', { request });
}

/** The QueryBuilder query a search scope sends, for an AEM administrator to read. */
export function scopeQuery(scope: Scope, foundBy: FoundBy | null = null): Promise<string> {
  return call('scope_query', { scope, foundBy });
}

/** The entries of a pasted or dropped list (one per line, or a one-column CSV). */
export function listEntries(text: string): Promise<string[]> {
  return call('list_entries', { text });
}

/** Whether AEM answers the connection's OpenAPI search (how an OAuth Server-to-Server
 *  connection finds assets without a paired connection). */
export function openapiSearchAnswers(connectionId: string): Promise<boolean> {
  return call('openapi_search_answers', { connectionId });
}

/** The open dialog for a list of assets in a file (.txt, .csv, a workbook): held under an id
 *  (the page never sees the path); null when the user cancelled. */
export function chooseListFile(): Promise<HeldSheet | null> {
  return call('choose_list_file');
}

/** Reads a held file (dropped or chosen) as a list: its entries, or why not, in words. */
export function readListFile(fileId: string): Promise<ListFile> {
  return call('read_list_file', { fileId });
}

/** The scopes saved for a connection, in the order they were saved. */
export function savedScopes(connectionId: string): Promise<SavedScope[]> {
  return call('saved_scopes', { connectionId });
}

/** Saves a scope under a name, replacing one of the same name (any case). */
export function saveScope(connectionId: string, name: string, scope: Scope): Promise<SavedScope> {
  return call('save_scope', { request: { connectionId, name, scope } satisfies SaveScopeRequest });
}

/** AEM's tags (`/content/cq:tags`) for the tag picker; rejects when they cannot be read. */
export function listTags(connectionId: string): Promise<Tag[]> {
  return call('list_tags', { connectionId });
}

/** Checks a tag's merge, move or deletion (refused in words, nothing written), then previews
 *  the rewrite of the tag on the assets under the folder that hold it: a run like any other,
 *  applied, reported and undone as bulk runs are; AEM changes the tag once they are done. */
export function previewTagChange(request: TagChangeRequest, onProgress: (p: Progress) => void): Promise<RunSummary> {
  return preview({ what: 'tagChange', ...request }, onProgress);
}

/** How many assets under `folder` (its subfolders included) hold each tag or a tag below it;
 *  folders that could not be listed and assets that could not be read are said in the answer. */
export function countTags(connectionId: string, folder: string): Promise<TagCounts> {
  return call('count_tags', { connectionId, folder });
}

/** Asks where to save (proposing tags.xlsx; .xlsx or .csv by the name's ending), then saves
 *  every tag, one row each, with a column counting the assets under `under` holding it when a
 *  folder is given. null when the dialog was cancelled. */
export function exportTaxonomy(connectionId: string, under: string | null): Promise<SavedTaxonomy | null> {
  return call('export_taxonomy', { connectionId, under });
}

/** What a taxonomy sheet (dropped, or picked with chooseSheetFile) would change; a problem of
 *  it is refused in words naming its row. Previewed as every run (`preview`): journals the
 *  run `applyTaxonomyRun` writes, and reads its plan back. Writes nothing to AEM. */
export async function previewTagImport(connectionId: string, sheetId: string): Promise<TagImportPreview> {
  const previewed = await preview({ what: 'tagImport', connectionId, sheetId }, () => {});
  return (await openTagImportRun(previewed.id)).preview;
}

/** Writes a previewed tag import or rename by its run's id (`runId` of its preview), as every
 *  run is written (`apply_run`; production: the name typed), and what it did: values changed
 *  in AEM since the preview are left as they are and listed. Also a stopped one's resume. */
export async function applyTaxonomyRun(runId: string, confirmName: string | null): Promise<TagImportApplied | null> {
  await applyRun({ runId, confirmName, emptyRequired: false, republish: false }, () => {});
  return (await openTagImportRun(runId)).applied;
}

/** What renaming a tag would change: each title before → after; a bad title or an unknown
 *  tag is refused in words. Previewed as every run (`preview`): journals the run
 *  `applyTaxonomyRun` writes, and reads its plan back. Writes nothing to AEM. */
export async function previewTagRename(connectionId: string, request: TagRenameRequest): Promise<TagRenamePreview> {
  const previewed = await preview({ what: 'tagRename', connectionId, request }, () => {});
  const run = await openTagImportRun(previewed.id);
  // A rename's run names what it renames; the request says it as well.
  const { tag, from, to } = run.rename ?? { tag: request.tag, from: request.tag, to: request.title };
  return { tag, from, to, changed: run.preview.changed, runId: previewed.id };
}

/** A tag import's run as the Tags page shows it again (opened from Activity). */
export function openTagImportRun(runId: string): Promise<TagImportRun> {
  return call('open_tag_import_run', { runId });
}

/** Undoes a tag import (or a rename) on its own connection as every run is undone: its undo
 *  previewed (`preview`), then applied by its id (`apply_run`; production: the name typed).
 *  What was put back, and what was kept and why, as the import's run now reads. */
export async function undoTagImport(importId: string, confirmName: string | null): Promise<TagImportUndone> {
  const undo = await previewUndo(importId, () => {});
  await applyRun({ runId: undo.id, confirmName, emptyRequired: false, republish: false }, () => {});
  const { undone } = await openTagImportRun(importId);
  if (!undone) throw new Error(`the undo ${undo.id} of ${importId} was not applied`);
  return undone;
}

/** The metadata schema of a scope's folder (a list's is its assets' nearest common folder's),
 *  kept per connection and folder; `refresh` reads AEM's again. An unreadable form is not an
 *  error: `schema` is null and `unavailable` says why. */
export function folderSchema(scope: ScopeRequest, refresh = false): Promise<FolderSchema> {
  return call('folder_schema', { request: { scope, refresh } });
}

/** Each change's problems with the scope's schema, in words (one list per change, in order). */
export function schemaProblems(request: ScopeEditsRequest): Promise<string[][]> {
  return call('schema_problems', { request });
}

/** The required-metadata report of a scope. Any new job (a count, a preview) cancels it. */
export function missingMetadata(request: ScopeRequest): Promise<MissingReport> {
  return call('missing_metadata', { request });
}

/** The health report of a scope (read-only), expiry counted `expiringWithinDays` ahead, its
 *  progress given to `onProgress` (done of total reads). Any other job stops it. */
export function healthReport(
  request: ScopeRequest,
  expiringWithinDays: number | null = null,
  onProgress: (p: Progress) => void = () => {},
): Promise<HealthReport> {
  return call('health_report', { request, expiringWithinDays, onProgress: channelOf(onProgress) });
}

/** Where the assets of a run's preview are used (an unpublish, a tag deletion or merge; null
 *  for another run). AEM is asked once a run. */
export function previewReferences(runId: string): Promise<PreviewReferences | null> {
  return call('preview_references', { runId });
}

export function deleteScope(connectionId: string, name: string): Promise<void> {
  return call('delete_scope', { connectionId, name });
}

/** The core's one preview of a run (what `ask` names, on its connection or the run's own): a
 *  new journaled run; nothing is written to AEM. The functions below name each kind of it. */
function preview(ask: PreviewAsk, onProgress: (p: Progress) => void): Promise<RunSummary> {
  return call('preview', { ask, onProgress: channelOf(onProgress) });
}

/** Lists the folder and reads current values; journals the plan. Writes nothing to AEM. */
export function previewRun(request: ScopeEditsRequest, onProgress: (p: Progress) => void): Promise<RunSummary> {
  return preview({ what: 'edit', ...request }, onProgress);
}

/** A folder's content fragments (of one model, or all), their models and the fields an edit
 *  may change. Only OAuth Server-to-Server connections reach them (others are refused in words). */
export function listFragments(request: FragmentListRequest): Promise<FragmentList> {
  return call('list_fragments', { request });
}

/** Reads a folder's fragments and plans an edit of one of their fields; journals the plan.
 *  Writes nothing to AEM (Apply, the report and Undo are those of any run). */
export function previewFragments(request: FragmentRequest, onProgress: (p: Progress) => void): Promise<RunSummary> {
  return preview({ what: 'fragments', ...request }, onProgress);
}

/** Reads AEM and plans a move (a scope's assets into a folder, or a held sheet's rows): each
 *  asset's old and new path, the refusals, the pages to fix; journals it as a run. Moves
 *  nothing (Apply, the report and Undo are those of any run). */
export function previewMove(request: MoveRequest): Promise<RunSummary> {
  // A move's preview reports no progress: it reads the scope, then each page's references.
  return preview({ what: 'move', ...request }, () => {});
}

/** Plans the undo of an earlier run (a new run restoring the values that run changed). */
export function previewUndo(runId: string, onProgress: (p: Progress) => void): Promise<RunSummary> {
  return preview({ what: 'undo', runId }, onProgress);
}

/** Plans the same edits again on the assets that failed in an earlier run. */
export function previewRetry(runId: string, onProgress: (p: Progress) => void): Promise<RunSummary> {
  return preview({ what: 'retry', runId }, onProgress);
}

/** Plans publishing or unpublishing a scope: each asset's publication state, journaled. Nothing
 *  is replicated until the run is applied. */
export function previewPublish(request: PublishRequest, onProgress: (p: Progress) => void): Promise<RunSummary> {
  return preview({ what: 'publish', ...request }, onProgress);
}

/** Plans republishing what an earlier run changed, on the assets that were published before. */
export function previewRepublish(runId: string, agent: Agent, onProgress: (p: Progress) => void): Promise<RunSummary> {
  return preview({ what: 'republish', runId, agent }, onProgress);
}

/** Whether a run just applied is to be republished, and to which tier (the core decides, from
 *  "Then republish" as ticked: an undo goes to the tier its edit was republished to). */
export function republishAfter(runId: string, asked: boolean): Promise<Agent | null> {
  return call('republish_after', { runId, asked });
}

/** The tier an earlier run was republished to, if it was (its undo republishes there too). */
export function republishedTo(runId: string): Promise<Agent | null> {
  return call('republished_to', { runId });
}

/** A page of a run's preview rows; `action` null means every row. */
export function previewRows(
  runId: string,
  action: Action | null,
  offset: number,
  limit: number,
): Promise<PreviewPage> {
  return call('preview_rows', { request: { runId, action, offset, limit } satisfies PreviewRowsRequest });
}

/**
 * Applies a previewed run, or resumes an interrupted, cancelled or stopped one. On a production
 * connection `confirmName` must be the connection's name as the user typed it.
 */
export function applyRun(request: ApplyRequest, onProgress: (p: Progress) => void): Promise<RunSummary> {
  return call('apply_run', { request, onProgress: channelOf(onProgress) });
}

export function pauseRun(): Promise<void> {
  return call('pause_run');
}

export function resumeRun(): Promise<void> {
  return call('resume_run');
}

/** Lets in-flight writes finish and stops the rest; the run can be resumed later. */
export function cancelRun(): Promise<void> {
  return call('cancel_run');
}

/** Every run, newest first. */
export function listRuns(): Promise<RunSummary[]> {
  return call('list_runs');
}

export function runSummary(runId: string): Promise<RunSummary> {
  return call('run_summary', { runId });
}

/** A page of a run's report; `status` null means every asset. */
export function reportRows(
  runId: string,
  status: ReportStatus | null,
  offset: number,
  limit: number,
): Promise<ReportPage> {
  return call('report_rows', { request: { runId, status, offset, limit } satisfies ReportRowsRequest });
}

/** What a run did per direct subfolder of its folder (the biggest first), for the report's bars. */
export function runFolders(runId: string): Promise<FolderOutcomes> {
  return call('run_folders', { runId });
}

/** Asks where to save (the Rust side opens the dialog) and writes the report as CSV. Resolves
 * with the saved file's name, or null when the user cancelled the dialog. */
export function exportReportCsv(runId: string, localizedHeaders = false): Promise<string | null> {
  return call('export_report_csv', { runId, localizedHeaders });
}

/** Whether the user chose column headers in words for exported reports (kept across restarts). */
export function localizedCsvHeaders(): Promise<boolean> {
  return call<boolean>('localized_csv_headers');
}

/** Saves the column headers choice for exported reports; resolves with it as saved. */
export function setLocalizedCsvHeaders(localized: boolean): Promise<boolean> {
  return call<boolean>('set_localized_csv_headers', { localized });
}

/** Closes the window after the user confirmed: cancels the run, lets in-flight writes finish. */
export function closeAfterCancellingRun(): Promise<void> {
  return call('close_after_cancelling_run');
}

// ---- Spreadsheets ----
// The Rust side opens the save and open dialogs and reads and writes the files: the page gets
// file names and ids, never paths.

/** Asks where to save, then writes the sheet of the folder's assets; null when cancelled. */
export function exportSheet(request: SheetExportRequest): Promise<SavedSheet | null> {
  return call('export_sheet', { request });
}

/** The open dialog for a sheet to import; null when cancelled. A dropped sheet arrives as the
 *  `sheet-dropped` event instead (ipc/events.ts). */
export function chooseSheetFile(): Promise<HeldSheet | null> {
  return call('choose_sheet_file');
}

/** Reads the sheet as it is on disk now, checks every cell and previews the changes (a run,
 *  unless errors stop it). Writes nothing to AEM. */
export function previewSheet(request: SheetPreviewRequest, onProgress: (p: Progress) => void): Promise<SheetImport> {
  return call('preview_sheet', { request, onProgress: channelOf(onProgress) });
}

/** A page of a checked sheet's problems (those `filter` keeps, from the `offset`-th), with how
 *  many the filter keeps in all. The core keeps them by `importId` (the last few checks). */
export function sheetIssues(request: SheetIssuesRequest): Promise<IssuePage> {
  return call('sheet_issues', { request });
}

/** Asks where to save, then writes every problem of a checked sheet as CSV; null when cancelled. */
export function exportSheetIssues(fileName: string, importId: string): Promise<string | null> {
  return call('export_sheet_issues', { fileName, importId });
}

// ---- API console ----

/** The GraphQL configurations of a connection (listed where AEM lists them). */
export function consoleEndpoints(connection: string): Promise<Endpoints> {
  return call('console_endpoints', { connection });
}

/** The introspection result's `data` (`{ __schema }`) of a configuration's endpoint. */
export function consoleSchema(connection: string, config: string): Promise<unknown> {
  return call('console_schema', { connection, config });
}

/** Runs a query; GraphQL errors come back in the answer. */
export function consoleGraphql(call_: GraphqlCall): Promise<GraphqlAnswer> {
  return call('console_graphql', { call: call_ });
}

export function consolePersisted(connection: string): Promise<PersistedQuery[]> {
  return call('console_persisted', { connection });
}

export function consoleRunPersisted(request: RunPersistedRequest): Promise<GraphqlAnswer> {
  return call('console_run_persisted', { request });
}

/** Saves a persisted query (a write: `typed` is the production connection's name). */
export function consoleSavePersisted(request: SavePersistedRequest): Promise<SavedPersisted> {
  return call('console_save_persisted', { request });
}

/** Sends a request to the connection's own AEM (a write on production: `typed` is its name). */
export function consoleRequest(request: ConsoleSendRequest): Promise<ConsoleResponse> {
  return call('console_request', { request });
}

/** Cancels a console call in flight; false when it had already ended. */
export function consoleCancel(callId: string): Promise<boolean> {
  return call('console_cancel', { callId });
}

/** "Copy as curl": the command line, with $AEM_TOKEN in place of the token. */
export function consoleCurl(connection: string, request: ConsoleRequest): Promise<string> {
  return call('console_curl', { connection, request });
}

export function consoleHistory(connection: string): Promise<HistoryEntry[]> {
  return call('console_history', { connection });
}

export function consoleSaved(connection: string): Promise<SavedRequest[]> {
  return call('console_saved', { connection });
}

export function consoleSaveRequest(request: SaveEntryRequest): Promise<void> {
  return call('console_save_request', { request });
}

export function consoleDeleteSaved(connection: string, name: string): Promise<boolean> {
  return call('console_delete_saved', { connection, name });
}

/** Asks where to save and writes the result (CSV table or JSON); null when cancelled. */
export function consoleExport(format: ExportFormat, dataJson: string): Promise<string | null> {
  return call('console_export', { format, dataJson });
}

/** The window's language: the saved choice (null: follow the system), the system's, the one in effect. */
export function getLanguageSettings(): Promise<LanguageSettings> {
  return call<LanguageSettings>('language_settings');
}

/** Saves the language choice (null: follow the system) and switches the Rust side's words to it. */
export function setLanguage(chosen: Lang | null): Promise<LanguageSettings> {
  return call<LanguageSettings>('set_language', { chosen });
}

/** Tells the core whether the Upload page is on screen: while it is, files and folders dropped
 *  are held for the upload (`onUploadDropped`) instead of imported as credentials. */
export function uploadDrops(on: boolean): Promise<void> {
  return call('upload_drops', { on });
}

/** The system's dialog for files (or, `folder`, one folder with its subfolders) to upload;
 *  held by the core, named by id. Null when cancelled. */
export function chooseUploadFiles(folder: boolean): Promise<HeldUpload | null> {
  return call('choose_upload_files', { folder });
}

/** What uploading the held files into the folder would do (with the sheet's values and
 *  problems). Sends nothing. */
export function previewUpload(request: UploadPreviewRequest): Promise<UploadPreview> {
  return call('preview_upload', { request });
}

/** The run of an upload's preview, journaled; applied with `applyRun` (with progress). */
export function startUpload(connectionId: string, previewId: string): Promise<RunSummary> {
  return preview({ what: 'upload', connectionId, previewId }, () => {});
}

/** Each file of upload run `runId` and where it stands, for its report. */
export function uploadReport(runId: string): Promise<UploadReportRow[]> {
  return call('upload_report', { runId });
}
