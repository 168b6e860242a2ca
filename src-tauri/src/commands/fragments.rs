//! Content fragments from the window: list a folder's fragments (of one model, or all) with the
//! fields an edit may change, and preview an edit of them as a run. Applying, undoing and the
//! report are the bulk commands' (the core opens the Sites API for a fragments run).

use crate::ipc_error::IpcError;
use metadesk_core::app::{FragmentList, FragmentListRequest};
use tauri::State;

use crate::state::AppState;
use crate::worded::Worded;

/// The fragments under a folder, their models and the fields an edit may change; a connection
/// that cannot reach the Sites API is refused in words.
#[tauri::command]
pub async fn list_fragments(
    state: State<'_, AppState>,
    request: FragmentListRequest,
) -> Result<FragmentList, IpcError> {
    let ws = &state.workspace;
    let opened = super::open_stored(&state, request.connection_id).await?;
    ws.list_fragments(&opened, &request.folder, request.model.as_deref())
        .await
        .worded(&state)
}
