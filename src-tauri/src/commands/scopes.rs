//! Scopes in Bulk edit: counting what a search or a list selects, the query a search sends (for
//! the AEM administrator), reading a pasted list, and the saved scopes of a connection. Each
//! command is a call to the core's use cases (`metadesk_core::app::scopes`).

use crate::ipc_error::IpcError;
use metadesk_core::app::{
    CheckedForm, FormCheckRequest, HeldSheet, ListFile, SaveScopeRequest, SavedScope, ScopeRequest,
    SelectedCount,
};
use metadesk_core::assets::tags::Tag;
use metadesk_core::bulk::found_by::FoundBy;
use metadesk_core::bulk::{RunScope, Scope, ScopeCount};
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State, WebviewWindow};

use crate::state::AppState;
use crate::worded::Worded;

/// The folder typed as the core takes it (`/content/dam/…`, the seed script's forms
/// completed), or why not in the window's words; nothing is sent to AEM.
#[tauri::command]
pub fn check_folder(state: State<'_, AppState>, folder: String) -> Result<String, IpcError> {
    metadesk_core::app::check_folder(&folder).worded(&state)
}

/// Bulk edit's form as typed, checked by the core's own rules (the edits' properties, the name
/// pattern, a search's conditions, a pasted list, a sheet's properties): each field's problem in
/// the window's words, none where the core takes it. Nothing is sent to AEM.
#[tauri::command]
pub fn check_form(state: State<'_, AppState>, request: FormCheckRequest) -> CheckedForm {
    metadesk_core::app::check_form(&request, &state.localizer())
}

/// The run's folder and filters for a scope, for the commands that take them (a publish, a
/// sheet's export): the window never works them out itself.
#[tauri::command]
pub fn run_scope(state: State<'_, AppState>, request: ScopeRequest) -> Result<RunScope, IpcError> {
    request.run_scope().worded(&state)
}

/// Counts what a scope selects: a folder streams running counts (any new job cancels it:
/// `done: false`), a search is counted by AEM cheaply, a list is resolved entry by entry (null
/// when another job stopped either).
#[tauri::command]
pub async fn count_scope(
    state: State<'_, AppState>,
    request: ScopeRequest,
    on_update: Channel<ScopeCount>,
) -> Result<Option<SelectedCount>, IpcError> {
    let ws = &state.workspace;
    let scope = request.run_scope().worded(&state)?;
    let opened = super::open_stored(&state, request.connection_id).await?;
    let send = move |count: ScopeCount| {
        if let Err(e) = on_update.send(count) {
            tracing::warn!(error = %e, "could not send a count to the window");
        }
    };
    let mut count = ws
        .count_scope(&opened, &scope, &send)
        .await
        .worded(&state)?;
    if let Some(SelectedCount::List(check)) = &mut count {
        check.localize(&state.localizer());
    }
    Ok(count)
}

/// The query a search scope sends: QueryBuilder's, or the OpenAPI search's body when that is
/// the search that counted it (`found_by`).
#[tauri::command]
pub fn scope_query(
    state: State<'_, AppState>,
    scope: Scope,
    found_by: Option<FoundBy>,
) -> Result<String, IpcError> {
    state
        .workspace
        .scope_query(scope, found_by.as_ref())
        .worded(&state)
}

/// The entries of a pasted list (lines, or a one-column CSV).
#[tauri::command]
pub fn list_entries(state: State<'_, AppState>, text: String) -> Result<Vec<String>, IpcError> {
    metadesk_core::app::list_entries(&text).worded(&state)
}

/// Whether AEM answers the connection's OpenAPI search (an OAuth Server-to-Server connection's
/// own way to find assets); its card says what to import only when neither this nor a paired
/// connection works.
#[tauri::command]
pub async fn openapi_search_answers(
    state: State<'_, AppState>,
    connection_id: String,
) -> Result<bool, IpcError> {
    let ws = &state.workspace;
    let opened = super::open_stored(&state, connection_id).await?;
    ws.openapi_search_answers(&opened).await.worded(&state)
}

/// The open dialog for a list file (.txt, .csv, a workbook); `None` when the user cancelled.
/// The file is held under an id like a dropped one; the page never sees its path.
#[tauri::command]
pub async fn choose_list_file<R: Runtime>(
    app: AppHandle<R>,
    window: WebviewWindow<R>,
    state: State<'_, AppState>,
) -> Result<Option<HeldSheet>, IpcError> {
    let dialog = crate::dialogs::Dialog::ListFile;
    Ok(super::sheets::choose_and_hold(&app, &window, &state, dialog).await)
}

/// Reads a held file (dropped or chosen) as a list of assets: its entries, or why not.
#[tauri::command]
pub async fn read_list_file(
    state: State<'_, AppState>,
    file_id: String,
) -> Result<ListFile, IpcError> {
    let ws = state.workspace.clone();
    crate::blocking::blocking(state.localizer(), move || ws.read_list_file(&file_id)).await
}

/// The saved scopes, each worded in the window's language.
#[tauri::command]
pub fn saved_scopes(
    state: State<'_, AppState>,
    connection_id: String,
) -> Result<Vec<SavedScope>, IpcError> {
    let mut saved = state
        .workspace
        .saved_scopes(&connection_id)
        .worded(&state)?;
    let l = state.localizer();
    saved.iter_mut().for_each(|s| s.localize(&l));
    Ok(saved)
}

/// Saves a scope under a name (replacing one of the same name); nothing is stored when the
/// scope is not valid.
#[tauri::command]
pub fn save_scope(
    state: State<'_, AppState>,
    request: SaveScopeRequest,
) -> Result<SavedScope, IpcError> {
    let SaveScopeRequest {
        connection_id,
        name,
        scope,
    } = request;
    let mut saved = state
        .workspace
        .save_scope(&connection_id, &name, scope)
        .worded(&state)?;
    saved.localize(&state.localizer());
    Ok(saved)
}

#[tauri::command]
pub fn delete_scope(
    state: State<'_, AppState>,
    connection_id: String,
    name: String,
) -> Result<(), IpcError> {
    state
        .workspace
        .delete_scope(&connection_id, &name)
        .worded(&state)
}

/// AEM's tags for the tag picker (an error: the picker takes a typed tag id).
#[tauri::command]
pub async fn list_tags(
    state: State<'_, AppState>,
    connection_id: String,
) -> Result<Vec<Tag>, IpcError> {
    let ws = &state.workspace;
    let opened = super::open_stored(&state, connection_id).await?;
    ws.tags(&opened).await.worded(&state)
}
