//! Publishing from the window: whether a run just applied is republished, and whether a run was
//! republished (so that the window republishes the values its undo restores). Previewing a
//! publication or a republish, applying and reports are the bulk commands' (`preview`).

use crate::ipc_error::IpcError;
use metadesk_core::bulk::Agent;
use tauri::State;

use crate::state::AppState;
use crate::worded::Worded;

/// Whether run `run_id`, just applied, is to be republished and to which tier: the core
/// decides (`Workspace::republish_after`), `asked` being "Then republish" as ticked.
#[tauri::command]
pub async fn republish_after(
    state: State<'_, AppState>,
    run_id: String,
    asked: bool,
) -> Result<Option<Agent>, IpcError> {
    let to = state.workspace.republish_after(&run_id, Some(asked)).await;
    to.worded(&state)
}

/// The tier run `run_id` was republished to, if it was.
#[tauri::command]
pub async fn republished_to(
    state: State<'_, AppState>,
    run_id: String,
) -> Result<Option<Agent>, IpcError> {
    state.workspace.republished_to(&run_id).await.worded(&state)
}
