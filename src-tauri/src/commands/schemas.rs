//! The metadata schema in Bulk edit: a folder's form (for the property picker and the value
//! editor, read again on request), each change's problems with it (shown beside the change
//! before a preview), and the required-metadata report of a scope. Each command is a call to
//! the core's use cases (`metadesk_core::app::schemas`).

use crate::ipc_error::IpcError;
use metadesk_core::app::{
    FolderSchema, MissingReport, SchemaRequest, ScopeEditsRequest, ScopeRequest,
};
use tauri::State;

use crate::state::AppState;
use crate::worded::Worded;

/// The metadata schema of a scope (a list's is its assets' nearest common folder's): kept per
/// connection and folder, read again when `refresh`. A form that cannot be read is not an
/// error: the answer says why.
#[tauri::command]
pub async fn folder_schema(
    state: State<'_, AppState>,
    request: SchemaRequest,
) -> Result<FolderSchema, IpcError> {
    let ws = &state.workspace;
    let scope = request.scope.run_scope().worded(&state)?;
    let opened = super::open_stored(&state, request.scope.connection_id).await?;
    let schema = ws
        .scope_schema(&opened, &scope, request.refresh)
        .await
        .worded(&state)?;
    let mut schema = (*schema).clone();
    schema.localize(&state.localizer());
    Ok(schema)
}

/// Each change's problems with the schema of the scope, in words (one list per change).
#[tauri::command]
pub async fn schema_problems(
    state: State<'_, AppState>,
    request: ScopeEditsRequest,
) -> Result<Vec<Vec<String>>, IpcError> {
    let ws = &state.workspace;
    let scope = request.scope.run_scope().worded(&state)?;
    let opened = super::open_stored(&state, request.scope.connection_id).await?;
    let problems = ws
        .edit_problems_by_edit(&opened, &scope, &request.edits)
        .await
        .worded(&state)?;
    let l = state.localizer();
    Ok(problems
        .iter()
        .map(|p| p.iter().map(|t| t.localized(&l)).collect())
        .collect())
}

/// The required-metadata report of a scope (a folder's assets, a search's, a list's). A job
/// like a count: any new job cancels it.
#[tauri::command]
pub async fn missing_metadata(
    state: State<'_, AppState>,
    request: ScopeRequest,
) -> Result<MissingReport, IpcError> {
    let ws = &state.workspace;
    let scope = request.run_scope().worded(&state)?;
    let opened = super::open_stored(&state, request.connection_id).await?;
    let mut report = ws.missing_metadata(&opened, &scope).await.worded(&state)?;
    report.localize(&state.localizer());
    Ok(report)
}
