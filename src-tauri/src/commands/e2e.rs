//! Test-only hooks for the WebDriver suite. Compiled into debug builds and into release builds
//! only with `--features e2e-hooks`; never in shipped builds.

use std::path::PathBuf;

use tauri::{Runtime, WebviewWindow};

/// Feeds `paths` to the same handler a native drop on the window goes through.
#[tauri::command]
pub fn e2e_simulate_drop<R: Runtime>(window: WebviewWindow<R>, paths: Vec<PathBuf>) {
    crate::drop::handle_drop(&window.as_ref().window(), paths);
}
