//! The API console: GraphQL (endpoints, schema, queries, persisted queries, saving one),
//! requests to the connection's own AEM host, "copy as curl", history and saved requests,
//! cancelling, and exporting a result through the save dialog. Each command is one call to
//! the core's use cases (`Workspace::console_*`); nothing here returns a token.

use crate::ipc_error::IpcError;
use metadesk_core::app::{
    ConsoleSendRequest, ExportFormat, GraphqlCall, RunPersistedRequest, SaveEntryRequest,
    SavePersistedRequest, export_result,
};
use metadesk_core::console::{
    ConsoleRequest, ConsoleResponse, Endpoints, GraphqlAnswer, HistoryEntry, PersistedQuery,
    SavedPersisted, SavedRequest,
};
use tauri::{AppHandle, Runtime, State, WebviewWindow};

use crate::dialogs::Dialog;
use crate::state::AppState;
use crate::worded::Worded;

#[tauri::command]
pub async fn console_endpoints(
    state: State<'_, AppState>,
    connection: String,
) -> Result<Endpoints, IpcError> {
    let mut endpoints = state
        .workspace
        .console_endpoints(&connection)
        .await
        .worded(&state)?;
    endpoints.localize(&state.localizer());
    Ok(endpoints)
}

/// The introspection result's `data`, for the editor's completion.
#[tauri::command]
pub async fn console_schema(
    state: State<'_, AppState>,
    connection: String,
    config: String,
) -> Result<serde_json::Value, IpcError> {
    state
        .workspace
        .console_schema(&connection, &config)
        .await
        .worded(&state)
}

#[tauri::command]
pub async fn console_graphql(
    state: State<'_, AppState>,
    call: GraphqlCall,
) -> Result<GraphqlAnswer, IpcError> {
    state.workspace.console_graphql(&call).await.worded(&state)
}

#[tauri::command]
pub async fn console_persisted(
    state: State<'_, AppState>,
    connection: String,
) -> Result<Vec<PersistedQuery>, IpcError> {
    state
        .workspace
        .console_persisted(&connection)
        .await
        .worded(&state)
}

#[tauri::command]
pub async fn console_run_persisted(
    state: State<'_, AppState>,
    request: RunPersistedRequest,
) -> Result<GraphqlAnswer, IpcError> {
    let RunPersistedRequest {
        connection,
        config,
        name,
        variables,
        call_id,
    } = request;
    state
        .workspace
        .console_run_persisted(&connection, &config, &name, &variables, call_id.as_deref())
        .await
        .worded(&state)
}

#[tauri::command]
pub async fn console_save_persisted(
    state: State<'_, AppState>,
    request: SavePersistedRequest,
) -> Result<SavedPersisted, IpcError> {
    let SavePersistedRequest {
        connection,
        config,
        name,
        query,
        replace,
        typed,
    } = request;
    state
        .workspace
        .console_save_persisted(
            &connection,
            &config,
            &name,
            &query,
            replace,
            typed.as_deref(),
        )
        .await
        .worded(&state)
}

/// Sends a request to the connection's own AEM (a write on production: `typed` is its name).
#[tauri::command]
pub async fn console_request(
    state: State<'_, AppState>,
    request: ConsoleSendRequest,
) -> Result<ConsoleResponse, IpcError> {
    let ConsoleSendRequest {
        connection,
        request,
        typed,
        call_id,
    } = request;
    state
        .workspace
        .console_request(&connection, &request, typed.as_deref(), call_id.as_deref())
        .await
        .worded(&state)
}

/// Cancels a call in flight; false when it had already ended.
#[tauri::command]
pub fn console_cancel(state: State<'_, AppState>, call_id: String) -> bool {
    state.workspace.console_cancel(&call_id)
}

#[tauri::command]
pub async fn console_curl(
    state: State<'_, AppState>,
    connection: String,
    request: ConsoleRequest,
) -> Result<String, IpcError> {
    state
        .workspace
        .console_curl(&connection, &request)
        .await
        .worded(&state)
}

#[tauri::command]
pub async fn console_history(
    state: State<'_, AppState>,
    connection: String,
) -> Result<Vec<HistoryEntry>, IpcError> {
    let mut history = state
        .workspace
        .console_history(&connection)
        .await
        .worded(&state)?;
    let l = state.localizer();
    history.iter_mut().for_each(|entry| entry.localize(&l));
    Ok(history)
}

#[tauri::command]
pub async fn console_saved(
    state: State<'_, AppState>,
    connection: String,
) -> Result<Vec<SavedRequest>, IpcError> {
    let mut saved = state
        .workspace
        .console_saved(&connection)
        .await
        .worded(&state)?;
    let l = state.localizer();
    saved.iter_mut().for_each(|request| request.localize(&l));
    Ok(saved)
}

#[tauri::command]
pub async fn console_save_request(
    state: State<'_, AppState>,
    request: SaveEntryRequest,
) -> Result<(), IpcError> {
    let SaveEntryRequest {
        connection,
        name,
        entry,
        response,
    } = request;
    state
        .workspace
        .console_save_request(&connection, &name, entry, response)
        .await
        .worded(&state)
}

#[tauri::command]
pub async fn console_delete_saved(
    state: State<'_, AppState>,
    connection: String,
    name: String,
) -> Result<bool, IpcError> {
    state
        .workspace
        .console_delete_saved(&connection, &name)
        .await
        .worded(&state)
}

/// Asks where to save (the system's save dialog) and writes the result's table as CSV or its
/// data as JSON. Returns the file's name, or nothing when the user cancelled.
#[tauri::command]
pub async fn console_export<R: Runtime>(
    app: AppHandle<R>,
    window: WebviewWindow<R>,
    state: State<'_, AppState>,
    format: ExportFormat,
    data_json: String,
) -> Result<Option<String>, IpcError> {
    let (ext, dialog) = match format {
        ExportFormat::Csv => ("csv", Dialog::ConsoleCsv),
        ExportFormat::Json => ("json", Dialog::ConsoleJson),
    };
    let (tx, rx) = tokio::sync::oneshot::channel();
    dialog
        .builder(&app, &window, &state.localizer())
        .set_file_name(format!("metadesk-result.{ext}"))
        .save_file(move |picked| {
            let _ = tx.send(picked);
        });
    let Some(path) = rx.await.ok().flatten().and_then(|p| p.into_path().ok()) else {
        return Ok(None);
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    crate::blocking::blocking(state.localizer(), move || {
        export_result(&path, format, &data_json)
    })
    .await?;
    Ok(Some(name))
}
