//! Publishing from the window: preview publishing or unpublishing a scope, preview
//! republishing what a run changed, and whether a run was republished (so that the window
//! republishes the values its undo restores). Applying and reports are the bulk commands'.

use std::time::Instant;

use crate::ipc_error::IpcError;
use metadesk_core::app::{ConnectionChoice, PreviewRequest, PublishRequest, RunAction};
use metadesk_core::bulk::{Agent, Progress, RunSummary};
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State};

use super::bulk::{finish, runs_own, sender};
use crate::notify::Ended;
use crate::state::AppState;
use crate::worded::Worded;

/// Previews publishing (or unpublishing) a scope; nothing is replicated yet.
#[tauri::command]
pub async fn preview_publish<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    request: PublishRequest,
    on_progress: Channel<Progress>,
) -> Result<RunSummary, IpcError> {
    let (ws, started) = (&state.workspace, Instant::now());
    let result = async {
        let PublishRequest {
            scope,
            replication,
            agent,
        } = request;
        // The core makes the run's scope of the person's, once.
        let run_scope = scope.run_scope()?;
        let opened = ws
            .open(ConnectionChoice::stored(scope.connection_id))
            .await?;
        let request = PreviewRequest::Publish {
            scope: run_scope,
            replication,
            agent,
        };
        ws.preview(&opened, request, &sender(on_progress)).await
    }
    .await;
    finish(&app, &state, Ended::Preview, started, result)
}

/// Previews republishing what run `run_id` changed, on the assets published before it.
#[tauri::command]
pub async fn preview_republish<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    run_id: String,
    agent: Agent,
    on_progress: Channel<Progress>,
) -> Result<RunSummary, IpcError> {
    let (ws, started) = (&state.workspace, Instant::now());
    let result = async {
        let (_, opened) = ws
            .open_for_run(&run_id, runs_own(), RunAction::Republish)
            .await?;
        let request = PreviewRequest::Republish { of: run_id, agent };
        ws.preview(&opened, request, &sender(on_progress)).await
    }
    .await;
    finish(&app, &state, Ended::Preview, started, result)
}

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
