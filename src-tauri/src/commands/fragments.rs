//! Content fragments from the window: list a folder's fragments (of one model, or all) with the
//! fields an edit may change, and preview an edit of them as a run. Applying, undoing and the
//! report are the bulk commands' (the core opens the Sites API for a fragments run).

use std::time::Instant;

use crate::ipc_error::IpcError;
use metadesk_core::app::{
    ConnectionChoice, FragmentEdit, FragmentList, FragmentListRequest, FragmentRequest,
    PreviewRequest,
};
use metadesk_core::bulk::{Progress, RunSummary};
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State};

use super::bulk::{finish, sender};
use crate::notify::Ended;
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

/// Previews an edit of a folder's fragments, or of a list of them (a new journaled run); writes
/// nothing to AEM.
#[tauri::command]
pub async fn preview_fragments<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    request: FragmentRequest,
    on_progress: Channel<Progress>,
) -> Result<RunSummary, IpcError> {
    let (ws, started) = (&state.workspace, Instant::now());
    let result = async {
        let FragmentRequest {
            connection_id,
            folder,
            model,
            list,
            edits,
        } = request;
        let opened = ws.open(ConnectionChoice::stored(connection_id)).await?;
        let edit = FragmentEdit {
            folder,
            model,
            list,
            edits,
        };
        let request = PreviewRequest::Fragments(edit);
        ws.preview(&opened, request, &sender(on_progress)).await
    }
    .await;
    finish(&app, &state, Ended::Preview, started, result)
}
