//! App-level commands: start-up health.

use metadesk_core::bindings::IpcError;
use metadesk_core::health::{AppHealth, CheckStep};
use tauri::State;
use tauri::ipc::Channel;

use crate::state::AppState;

/// Runs the start-up checks (and the cleanup of interrupted imports), streaming each step on
/// `on_step`. The keychain probe blocks (and
/// may wait for an unlock prompt), so it runs on a blocking thread, never the UI thread.
#[tauri::command]
pub async fn check_health(
    state: State<'_, AppState>,
    on_step: Channel<CheckStep>,
) -> Result<AppHealth, IpcError> {
    let workspace = state.workspace.clone();
    tauri::async_runtime::spawn_blocking(move || {
        workspace.check_health(&|step| {
            if let Err(e) = on_step.send(step) {
                tracing::warn!(error = %e, "could not send a health step to the window");
            }
        })
    })
    .await
    .map_err(|e| IpcError::from(metadesk_core::Error::Internal(format!("health check: {e}"))))
}
