//! "Try with a sandbox AEM": start the built-in sandbox and connect to it.

use crate::ipc_error::IpcError;
use metadesk_core::connections::{ConnectionView, SandboxStatus};
use tauri::{AppHandle, Runtime, State};

use crate::state::AppState;

/// Starts the sandbox (a few seconds: it generates its keys) and adds or updates the sandbox
/// connection. The window also hears `sandbox-status` events while it starts.
#[tauri::command]
pub async fn start_sandbox<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<ConnectionView, IpcError> {
    let host = state.sandbox.clone();
    host.start_and_connect(&app, state.workspace.clone(), state.localizer())
        .await
}

/// Whether the sandbox runs, and where.
#[tauri::command]
pub fn sandbox_status(state: State<'_, AppState>) -> SandboxStatus {
    state.sandbox.status()
}
