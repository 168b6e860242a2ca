//! Files dropped on the window. The paths come from the window's own drop event (or the E2E
//! hook that feeds the same function); no command accepts a path from the web page, because a
//! page script can forge drop events inside the webview.
//!
//! A sheet (`.xlsx`, `.xls`, `.ods`, `.csv`) or a text list (`.txt`) is held: the window hears
//! `sheet-dropped` with its id and name, and the Bulk edit page takes it for its list (a `.txt`,
//! or any of them while the list is shown) or its sheet import, reading it only then.
//! While the Upload page is on screen (`AppState::upload_drops`), every other file or folder
//! is held for the upload: the window hears `upload-dropped` (`HeldUpload`). Otherwise every
//! other file is a credential: it is read and imported off the UI thread; the window
//! hears `files-dropped` (the names, at once) and then one `import-result` per file as it is
//! done.

use std::path::PathBuf;
use std::sync::atomic::Ordering;

use metadesk_core::app::is_text_list_file_name;
use metadesk_core::connections::{FileOutcome, FileResult};
use metadesk_core::events::AppEvent;
use metadesk_core::sheets::is_sheet_file_name;
use tauri::{Emitter, Manager, Runtime, Window};

use crate::state::AppState;

pub fn handle_drop<R: Runtime>(window: &Window<R>, paths: Vec<PathBuf>) {
    tracing::info!(count = paths.len(), "files dropped on the window");
    // A text list (.txt) is held like a sheet: the page takes it for Bulk edit's list.
    let (sheets, paths): (Vec<PathBuf>, Vec<PathBuf>) = paths.into_iter().partition(|p| {
        p.file_name().is_some_and(|n| {
            let name = n.to_string_lossy();
            is_sheet_file_name(&name) || is_text_list_file_name(&name)
        })
    });
    for path in sheets {
        let held = window.state::<AppState>().workspace.hold_sheet_file(path);
        if let Err(e) = window.emit_to(window.label(), AppEvent::SheetDropped.name(), held) {
            tracing::warn!(error = %e, "could not tell the window about a dropped sheet");
        }
    }
    if paths.is_empty() {
        return;
    }
    let state = window.state::<AppState>();
    if state.upload_drops.load(Ordering::SeqCst) {
        let held = state.workspace.hold_upload(paths);
        if let Err(e) = window.emit_to(window.label(), AppEvent::UploadDropped.name(), held) {
            tracing::warn!(error = %e, "could not tell the window about files to upload");
        }
        return;
    }
    let names: Vec<String> = paths
        .iter()
        .map(|p| {
            p.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        })
        .collect();
    if let Err(e) = window.emit_to(window.label(), AppEvent::FilesDropped.name(), names) {
        tracing::warn!(error = %e, "could not tell the window about dropped files");
    }
    let workspace = window.state::<AppState>().workspace.clone();
    let l = window.state::<AppState>().localizer();
    let window = window.clone();
    // This runs on the UI thread: the keychain and the disk wait on a blocking thread.
    tauri::async_runtime::spawn_blocking(move || {
        for path in paths {
            send(&window, workspace.import_path(&path, &l));
        }
    });
}

fn send<R: Runtime>(window: &Window<R>, outcome: FileOutcome) {
    if let Err(e) = window.emit_to(window.label(), AppEvent::ImportResult.name(), &outcome) {
        tracing::warn!(error = %e, "could not send an import result to the window");
        // A pending import nobody can see would only hold secrets in memory.
        if let FileResult::NeedsChoice { pending_id, .. } = outcome.result {
            window
                .state::<AppState>()
                .workspace
                .discard_import(&pending_id);
        }
    }
}
