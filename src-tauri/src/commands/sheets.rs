//! Spreadsheets: export a folder's metadata as a sheet (the system's save dialog picks the
//! file), take a sheet to import (the open dialog; a drop goes through `crate::drop`), check
//! and preview it, and save its problems as CSV. Each command is a call to the core's use
//! cases; the page gets file names, never paths.

use crate::ipc_error::IpcError;
use metadesk_core::app::{
    HeldSheet, IssuePage, SavedSheet, SheetExportRequest, SheetFormat, SheetImport,
    SheetIssuesRequest, SheetPreviewRequest, export_file_name,
};
use metadesk_core::bulk::Progress;
use metadesk_core::file_names::safe_file_name;
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State, WebviewWindow};
use tauri_plugin_dialog::FilePath;

use crate::dialogs::Dialog;
use crate::notify::{self, Ended};
use crate::state::AppState;
use crate::worded::Worded;

/// The path the user picked in a dialog, or `None` when they cancelled.
pub(crate) async fn picked(
    open: impl FnOnce(Box<dyn FnOnce(Option<FilePath>) + Send>),
) -> Option<std::path::PathBuf> {
    let (tx, rx) = tokio::sync::oneshot::channel();
    open(Box::new(move |path| {
        let _ = tx.send(path);
    }));
    rx.await.ok().flatten().and_then(|p| p.into_path().ok())
}

/// The paths the user picked in a dialog that takes several (or one folder); none when they
/// cancelled.
pub(crate) async fn picked_many(
    open: impl FnOnce(Box<dyn FnOnce(Option<Vec<FilePath>>) + Send>),
) -> Vec<std::path::PathBuf> {
    let (tx, rx) = tokio::sync::oneshot::channel();
    open(Box::new(move |paths| {
        let _ = tx.send(paths);
    }));
    rx.await
        .ok()
        .flatten()
        .unwrap_or_default()
        .into_iter()
        .filter_map(|p| p.into_path().ok())
        .collect()
}

/// Asks where to save (the save dialog), then writes the sheet of the folder's assets with
/// the properties asked for. `None` when the user cancelled the dialog.
#[tauri::command]
pub async fn export_sheet<R: Runtime>(
    app: AppHandle<R>,
    window: WebviewWindow<R>,
    state: State<'_, AppState>,
    request: SheetExportRequest,
) -> Result<Option<SavedSheet>, IpcError> {
    let SheetExportRequest {
        scope,
        properties,
        format,
    } = request;
    let ws = &state.workspace;
    // A scope refused or a connection that cannot be opened is said before any dialog opens;
    // the core makes the run's scope of the person's, once.
    let run_scope = scope.run_scope().worded(&state)?;
    let opened = super::open_stored(&state, scope.connection_id).await?;
    let scope = run_scope;
    let (ext, dialog) = match format {
        SheetFormat::Xlsx => ("xlsx", Dialog::SheetExportXlsx),
        SheetFormat::Csv => ("csv", Dialog::SheetExportCsv),
    };
    let dialog = dialog
        .builder(&app, &window, &state.localizer())
        .set_file_name(export_file_name(&scope, ext));
    let Some(target) = picked(|done| dialog.save_file(done)).await else {
        return Ok(None);
    };
    let l = state.localizer();
    let mut saved = ws
        .save_sheet_export(&opened, &scope, &properties, format, &l, target)
        .await
        .worded(&state)?;
    saved.export.localize(&l);
    Ok(Some(saved))
}

/// The open dialog `dialog`: the file picked is held under an id like a dropped one, so the
/// page never sees its path; `None` when cancelled.
pub(crate) async fn choose_and_hold<R: Runtime>(
    app: &AppHandle<R>,
    window: &WebviewWindow<R>,
    state: &AppState,
    dialog: Dialog,
) -> Option<HeldSheet> {
    let dialog = dialog.builder(app, window, &state.localizer());
    let path = picked(|done| dialog.pick_file(done)).await;
    path.map(|p| state.workspace.hold_sheet_file(p))
}

/// The open dialog for a sheet to import; `None` when the user cancelled.
#[tauri::command]
pub async fn choose_sheet_file<R: Runtime>(
    app: AppHandle<R>,
    window: WebviewWindow<R>,
    state: State<'_, AppState>,
) -> Result<Option<HeldSheet>, IpcError> {
    Ok(choose_and_hold(&app, &window, &state, Dialog::SheetImport).await)
}

/// Reads the held sheet as it is on disk now, checks every cell and previews it (a run). A
/// long one tells the desktop as any preview does.
#[tauri::command]
pub async fn preview_sheet<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    request: SheetPreviewRequest,
    on_progress: Channel<Progress>,
) -> Result<SheetImport, IpcError> {
    let started = std::time::Instant::now();
    let SheetPreviewRequest {
        connection_id,
        sheet_id,
        skip_rows_in_error,
    } = request;
    let ws = &state.workspace;
    let opened = super::open_stored(&state, connection_id).await?;
    let progress = move |p: Progress| {
        if let Err(e) = on_progress.send(p) {
            tracing::warn!(error = %e, "could not send an update to the window");
        }
    };
    let imported = ws
        .import_held_sheet(&opened, &sheet_id, skip_rows_in_error, &progress)
        .await;
    let l = state.localizer();
    let stopped;
    let view = match &imported {
        Ok(import) => match notify::sheet_checked(import) {
            Ok(run) => Ok(run),
            Err(e) => {
                stopped = e;
                Err(&stopped)
            }
        },
        Err(e) => Err(e),
    };
    notify::job_ended(
        &app,
        Ended::Preview,
        started.elapsed(),
        state.long_job,
        view,
        &l,
    );
    let mut import = imported.worded(&state)?;
    import.localize(&l);
    Ok(import)
}

/// A page of a checked sheet's problems (those `filter` keeps, from the `offset`-th), worded
/// in the reader's language, with how many the filter keeps in all.
#[tauri::command]
pub fn sheet_issues(
    state: State<'_, AppState>,
    request: SheetIssuesRequest,
) -> Result<IssuePage, IpcError> {
    let SheetIssuesRequest {
        import_id,
        filter,
        offset,
        limit,
    } = request;
    let mut page = state
        .workspace
        .sheet_issues(&import_id, filter, offset, limit)
        .worded(&state)?;
    page.localize(&state.localizer());
    Ok(page)
}

/// Asks where to save, then writes every problem of a checked sheet (kept by the core under
/// `import_id`) as CSV; `None` when cancelled.
#[tauri::command]
pub async fn export_sheet_issues<R: Runtime>(
    app: AppHandle<R>,
    window: WebviewWindow<R>,
    state: State<'_, AppState>,
    file_name: String,
    import_id: String,
) -> Result<Option<String>, IpcError> {
    let stem = file_name
        .rsplit_once('.')
        .map_or(file_name.as_str(), |(s, _)| s);
    let dialog = Dialog::SheetProblems
        .builder(&app, &window, &state.localizer())
        .set_file_name(safe_file_name(&format!("{stem}-problems.csv")));
    let Some(target) = picked(|done| dialog.save_file(done)).await else {
        return Ok(None);
    };
    let workspace = std::sync::Arc::clone(&state.workspace);
    let l = state.localizer();
    let name = crate::blocking::blocking(state.localizer(), move || {
        workspace.export_sheet_issues(&import_id, &target, &l)
    })
    .await?;
    Ok(Some(name))
}
