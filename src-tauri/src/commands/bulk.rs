//! Bulk edit: the folder browser, the one preview of every run the window asks (an edit, a
//! fragments edit, a publication, a move, a tag change, an undo, a retry, a republish), apply with
//! live progress, pause/resume/cancel, the run history and reports, CSV export, and closing the
//! window during a run. Each command is a call to the core's use cases (`metadesk_core::app`);
//! progress streams over a `Channel`.

use std::time::{Duration, Instant};

use crate::ipc_error::IpcError;
use metadesk_core::Error;
use metadesk_core::app::{
    ConnectionChoice, FolderPageRequest, PreviewAsk, PreviewRowsRequest, ReportRowsRequest,
    RunAction,
};
use metadesk_core::assets::browse::{FolderAssets, FolderEntry, FolderPage};
use metadesk_core::bulk::by_folder::FolderOutcomes;
use metadesk_core::bulk::{ApplyRequest, PreviewPage, Progress, ReportPage, RunSummary};
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State, WebviewWindow};

use crate::dialogs::Dialog;
use crate::notify::{self, Ended};
use crate::state::AppState;
use crate::worded::Worded;

/// How long closing the window waits for a cancelled run's writes under way to finish.
const CLOSE_WAIT: Duration = Duration::from_secs(30);

/// Sends to the window; a window that went away only costs a log line.
pub(super) fn sender<T: tauri::ipc::IpcResponse + Send + Sync>(
    channel: Channel<T>,
) -> impl Fn(T) + Send + Sync {
    move |message: T| {
        if let Err(e) = channel.send(message) {
            tracing::warn!(error = %e, "could not send an update to the window");
        }
    }
}

/// Notifies when a long job ended, then hands the result to the window.
pub(super) fn finish<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
    ended: Ended,
    started: Instant,
    result: Result<RunSummary, Error>,
) -> Result<RunSummary, IpcError> {
    let l = state.localizer();
    let view = result.as_ref();
    notify::job_ended(app, ended, started.elapsed(), state.long_job, view, &l);
    // The window shows the run's stop reason as it shows errors: in its language.
    result
        .map(|mut summary| {
            summary.localize(&l);
            summary
        })
        .map_err(|e| IpcError::localized(e, &l))
}

/// One page of a folder's subfolders (and how many assets the page held).
#[tauri::command]
pub async fn list_folder(
    state: State<'_, AppState>,
    request: FolderPageRequest,
) -> Result<FolderPage, IpcError> {
    let ws = &state.workspace;
    let opened = super::open_stored(&state, request.connection_id).await?;
    ws.folder_page(&opened, &request.folder, request.offset)
        .await
        .worded(&state)
}

/// The first assets of a folder (names, titles), for its thumbnail strip.
#[tauri::command]
pub async fn list_folder_assets(
    state: State<'_, AppState>,
    connection_id: String,
    folder: String,
) -> Result<FolderAssets, IpcError> {
    let ws = &state.workspace;
    let opened = super::open_stored(&state, connection_id).await?;
    ws.folder_assets(&opened, &folder).await.worded(&state)
}

/// Subfolders whose path starts with what the user typed.
#[tauri::command]
pub async fn complete_folder_path(
    state: State<'_, AppState>,
    connection_id: String,
    typed: String,
) -> Result<Vec<FolderEntry>, IpcError> {
    let ws = &state.workspace;
    let opened = super::open_stored(&state, connection_id).await?;
    ws.complete_folder(&opened, &typed).await.worded(&state)
}

/// Previews what the window asks (an edit, a fragments edit, a publication, a move, a tag
/// change, the undo, retry or republish of a run): a new journaled run; writes nothing to AEM.
#[tauri::command]
pub async fn preview<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    ask: PreviewAsk,
    on_progress: Channel<Progress>,
) -> Result<RunSummary, IpcError> {
    let started = Instant::now();
    let progress = sender(on_progress);
    let result = state.workspace.preview_asked(ask, &progress).await;
    finish(&app, &state, Ended::Preview, started, result)
}

/// A page of a run's preview rows; `action` null means every row.
#[tauri::command]
pub async fn preview_rows(
    state: State<'_, AppState>,
    request: PreviewRowsRequest,
) -> Result<PreviewPage, IpcError> {
    let PreviewRowsRequest {
        run_id,
        action,
        offset,
        limit,
    } = request;
    let mut page = state
        .workspace
        .preview_rows(&run_id, action, offset, limit)
        .await
        .worded(&state)?;
    page.localize(&state.localizer());
    Ok(page)
}

/// Applies a previewed run or resumes an unfinished one (production: the name typed).
#[tauri::command]
pub async fn apply_run<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    request: ApplyRequest,
    on_progress: Channel<Progress>,
) -> Result<RunSummary, IpcError> {
    let (ws, started) = (&state.workspace, Instant::now());
    let result = async {
        let (_, opened) = ws
            .open_for_run(
                &request.run_id,
                ConnectionChoice::runs_own(),
                RunAction::Apply,
            )
            .await?;
        ws.apply_request(&opened, &request, &sender(on_progress))
            .await
    }
    .await;
    finish(&app, &state, Ended::Apply, started, result)
}

#[tauri::command]
pub fn pause_run(state: State<'_, AppState>) -> Result<(), IpcError> {
    state.workspace.jobs().pause().worded(&state)
}

#[tauri::command]
pub fn resume_run(state: State<'_, AppState>) -> Result<(), IpcError> {
    state.workspace.jobs().resume().worded(&state)
}

/// Lets in-flight writes finish and stops the rest; the run can be resumed later.
#[tauri::command]
pub fn cancel_run(state: State<'_, AppState>) -> Result<(), IpcError> {
    state.workspace.jobs().cancel().worded(&state)
}

/// Every run, newest first.
#[tauri::command]
pub async fn list_runs(state: State<'_, AppState>) -> Result<Vec<RunSummary>, IpcError> {
    let mut runs = state.workspace.list_runs().await.worded(&state)?;
    let l = state.localizer();
    runs.iter_mut().for_each(|run| run.localize(&l));
    Ok(runs)
}

#[tauri::command]
pub async fn run_summary(
    state: State<'_, AppState>,
    run_id: String,
) -> Result<RunSummary, IpcError> {
    let mut summary = state.workspace.run_summary(&run_id).await.worded(&state)?;
    summary.localize(&state.localizer());
    Ok(summary)
}

/// A page of a run's report; `status` null means every asset.
#[tauri::command]
pub async fn report_rows(
    state: State<'_, AppState>,
    request: ReportRowsRequest,
) -> Result<ReportPage, IpcError> {
    let ReportRowsRequest {
        run_id,
        status,
        offset,
        limit,
    } = request;
    let mut page = state
        .workspace
        .report_rows(&run_id, status, offset, limit)
        .await
        .worded(&state)?;
    page.localize(&state.localizer());
    Ok(page)
}

/// What a run did per direct subfolder of its folder, for the report's bars.
#[tauri::command]
pub async fn run_folders(
    state: State<'_, AppState>,
    run_id: String,
) -> Result<FolderOutcomes, IpcError> {
    state.workspace.run_folders(&run_id).await.worded(&state)
}

/// Asks where to save (the system's save dialog) and writes the report as CSV, its reasons in
/// the window's language (and its column headers too with `localized_headers`; the
/// machine-readable keys otherwise). Returns the file's name, or nothing when the user
/// cancelled.
#[tauri::command]
pub async fn export_report_csv<R: Runtime>(
    app: AppHandle<R>,
    window: WebviewWindow<R>,
    state: State<'_, AppState>,
    run_id: String,
    localized_headers: Option<bool>,
) -> Result<Option<String>, IpcError> {
    // An unknown run is refused before any dialog opens.
    state.workspace.run_summary(&run_id).await.worded(&state)?;
    let (tx, rx) = tokio::sync::oneshot::channel();
    Dialog::ReportCsv
        .builder(&app, &window, &state.localizer())
        .set_file_name(format!("metadesk-report-{run_id}.csv"))
        .save_file(move |picked| {
            let _ = tx.send(picked);
        });
    let Some(path) = rx.await.ok().flatten().and_then(|p| p.into_path().ok()) else {
        return Ok(None);
    };
    // The save dialog has already asked about replacing an existing file.
    Ok(Some(
        state
            .workspace
            .export_report(
                &run_id,
                path,
                true,
                state.localizer(),
                localized_headers.unwrap_or(false),
            )
            .await
            .worded(&state)?,
    ))
}

/// Closes the window after the user confirmed: cancels the running job, waits (at most 30 s)
/// for the writes under way to finish and be journaled, then closes.
#[tauri::command]
pub async fn close_after_cancelling_run<R: Runtime>(
    window: WebviewWindow<R>,
    state: State<'_, AppState>,
) -> Result<(), IpcError> {
    if !state.workspace.jobs().cancel_and_wait(CLOSE_WAIT).await {
        tracing::warn!(
            job = state.workspace.jobs().describe().unwrap_or_default(),
            "the run did not end in time; closing anyway (resume it later)"
        );
    }
    // `destroy` closes without asking again (no CloseRequested).
    window.destroy().map_err(|e| {
        let failed = Error::Internal(format!("closing the window: {e}"));
        IpcError::localized(failed, &state.localizer())
    })
}
