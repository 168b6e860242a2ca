//! Move and rename assets (issue 76): the preview of a move asked from the Bulk edit page's
//! scope or from a sheet of renames held by the core (chosen or dropped, named by its id: the
//! page never sends a path). Applying, resuming and undoing the run are those of any run
//! (`super::bulk`). Each command is a call to the core's use cases (`metadesk_core::app`).

use std::time::Instant;

use metadesk_core::app::{ConnectionChoice, MoveRequest};
use metadesk_core::bulk::RunSummary;
use tauri::{AppHandle, Runtime, State};

use super::bulk::finish;
use crate::ipc_error::IpcError;
use crate::notify::Ended;
use crate::state::AppState;

/// Reads AEM and journals the move's run (its rows, refusals, the pages to fix); moves nothing.
#[tauri::command]
pub async fn preview_move<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    request: MoveRequest,
) -> Result<RunSummary, IpcError> {
    let (ws, started) = (&state.workspace, Instant::now());
    let result = async {
        let connection = ConnectionChoice::stored(request.connection_id().to_owned());
        let ask = ws.move_ask(request)?;
        let opened = ws.open(connection).await?;
        ws.preview_move(&opened, ask).await
    }
    .await;
    finish(&app, &state, Ended::Preview, started, result)
}
