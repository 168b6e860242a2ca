//! Scopes in Bulk edit: counting what a search or a list selects, the query a search sends (for
//! the AEM administrator), reading a pasted list, and the saved scopes of a connection. Each
//! command is a call to the core's use cases (`metadesk_core::app::scopes`).

use metadesk_core::app::{ConnectionChoice, SavedScope, SelectedCount};
use metadesk_core::assets::tags::Tag;
use metadesk_core::bindings::IpcError;
use metadesk_core::bulk::{Scope, ScopeCount};
use tauri::State;
use tauri::ipc::Channel;

use crate::state::AppState;

/// Counts what a scope selects: a folder streams running counts, a search is counted by AEM
/// cheaply, a list is resolved entry by entry. Null when another job stopped it.
#[tauri::command]
pub async fn count_selected(
    state: State<'_, AppState>,
    connection_id: String,
    scope: Scope,
    on_update: Channel<ScopeCount>,
) -> Result<Option<SelectedCount>, IpcError> {
    let ws = &state.workspace;
    let opened = ws.open(ConnectionChoice::stored(connection_id)).await?;
    let send = move |count: ScopeCount| {
        if let Err(e) = on_update.send(count) {
            tracing::warn!(error = %e, "could not send a count to the window");
        }
    };
    let mut count = ws.count_selected(&opened, scope, &send).await?;
    if let Some(SelectedCount::List(check)) = &mut count {
        check.localize(&state.localizer());
    }
    Ok(count)
}

/// The QueryBuilder query a search scope sends.
#[tauri::command]
pub fn scope_query(state: State<'_, AppState>, scope: Scope) -> Result<String, IpcError> {
    Ok(state.workspace.scope_query(scope)?)
}

/// The entries of a pasted list (lines, or a one-column CSV).
#[tauri::command]
pub fn list_entries(text: String) -> Result<Vec<String>, IpcError> {
    Ok(metadesk_core::app::list_entries(&text)?)
}

#[tauri::command]
pub fn saved_scopes(
    state: State<'_, AppState>,
    connection_id: String,
) -> Result<Vec<SavedScope>, IpcError> {
    Ok(state.workspace.saved_scopes(&connection_id)?)
}

/// Saves a scope under a name (replacing one of the same name); nothing is stored when the
/// scope is not valid.
#[tauri::command]
pub fn save_scope(
    state: State<'_, AppState>,
    connection_id: String,
    name: String,
    scope: Scope,
) -> Result<SavedScope, IpcError> {
    Ok(state.workspace.save_scope(&connection_id, &name, scope)?)
}

#[tauri::command]
pub fn delete_scope(
    state: State<'_, AppState>,
    connection_id: String,
    name: String,
) -> Result<(), IpcError> {
    Ok(state.workspace.delete_scope(&connection_id, &name)?)
}

/// AEM's tags for the tag picker (an error: the picker takes a typed tag id).
#[tauri::command]
pub async fn list_tags(
    state: State<'_, AppState>,
    connection_id: String,
) -> Result<Vec<Tag>, IpcError> {
    let ws = &state.workspace;
    let opened = ws.open(ConnectionChoice::stored(connection_id)).await?;
    Ok(ws.tags(&opened).await?)
}
