//! Files dropped on the window. The paths come from the window's own drop event (or the E2E
//! hook that feeds the same function); no command accepts a path from the web page, because a
//! page script can forge drop events inside the webview.

use std::path::PathBuf;

use tauri::{Emitter, Runtime, Window};

/// Event sent to the window with the names of the files just dropped.
pub const FILES_DROPPED: &str = "files-dropped";

pub fn handle_drop<R: Runtime>(window: &Window<R>, paths: Vec<PathBuf>) {
    tracing::info!(count = paths.len(), "files dropped on the window");
    let names: Vec<String> = paths
        .iter()
        .map(|p| {
            p.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        })
        .collect();
    if let Err(e) = window.emit_to(window.label(), FILES_DROPPED, names) {
        tracing::warn!(error = %e, "could not tell the window about dropped files");
    }
}
