//! The Upload page: files and folders chosen in the system's dialog (held by the core like a
//! dropped set, so the page never sees a path), their preview, and its report (the run is
//! journaled from the preview through `preview`, `PreviewAsk::Upload`, and applied with
//! `apply_run`, with progress, as any run). Each command is a
//! call to the core's use cases (`metadesk_core::app::uploads_window`, `…::uploads_undo`).

use std::sync::atomic::Ordering;

use metadesk_core::app::{HeldUpload, UploadPreview, UploadPreviewRequest, UploadReportRow};
use tauri::{AppHandle, Runtime, State, WebviewWindow};
use tauri_plugin_dialog::DialogExt;

use super::sheets::picked_many;
use crate::ipc_error::IpcError;
use crate::notify;
use crate::state::AppState;
use crate::worded::Worded;

/// The Upload page is on screen (`on`) or left: while it is, what is dropped is to upload.
#[tauri::command]
pub fn upload_drops(state: State<'_, AppState>, on: bool) {
    state.upload_drops.store(on, Ordering::SeqCst);
}

/// The open dialog for files (`folder` false) or a folder with its subfolders; what is picked
/// is held for the upload; `None` when the user cancelled.
#[tauri::command]
pub async fn choose_upload_files<R: Runtime>(
    app: AppHandle<R>,
    window: WebviewWindow<R>,
    state: State<'_, AppState>,
    folder: bool,
) -> Result<Option<HeldUpload>, IpcError> {
    let l = state.localizer();
    let title = if folder {
        "dialog-upload-folder-title"
    } else {
        "dialog-upload-files-title"
    };
    let dialog = app
        .dialog()
        .file()
        .set_title(l.text(title))
        .set_parent(&window);
    let paths = picked_many(|done| {
        if folder {
            dialog.pick_folder(move |path| done(path.map(|p| vec![p])));
        } else {
            dialog.pick_files(done);
        }
    })
    .await;
    Ok((!paths.is_empty()).then(|| state.workspace.hold_upload(paths)))
}

/// What uploading the held files into the folder would do, with the sheet's values and
/// problems; sends nothing. A long one (many large files to read) tells the desktop, as any
/// preview does.
#[tauri::command]
pub async fn preview_upload<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    request: UploadPreviewRequest,
) -> Result<UploadPreview, IpcError> {
    let started = std::time::Instant::now();
    let opened = super::open_stored(&state, request.connection_id.clone()).await?;
    let l = state.localizer();
    let previewed = state
        .workspace
        .preview_held_upload(&opened, &request, &l)
        .await;
    let view = previewed.as_ref();
    notify::upload_previewed(&app, started.elapsed(), state.long_job, view, &l);
    previewed.worded(&state)
}

/// Each file of upload run `run_id` and where it stands, for its report.
#[tauri::command]
pub async fn upload_report(
    state: State<'_, AppState>,
    run_id: String,
) -> Result<Vec<UploadReportRow>, IpcError> {
    let mut rows = state
        .workspace
        .upload_report(&run_id)
        .await
        .worded(&state)?;
    let l = state.localizer();
    for undone in rows.iter_mut().filter_map(|r| r.undone.as_mut()) {
        undone.localize(&l);
    }
    Ok(rows)
}
