//! Access tokens on the connections page: "Test connection" and the status at a glance. Both
//! answer with times, names and reasons; no command ever returns a token.

use std::collections::HashMap;

use crate::ipc_error::IpcError;
use metadesk_core::aem::connection_check::ConnectionTestReport;
use metadesk_core::app::FieldReportSaved;
use metadesk_core::ims::ConnectionHealth;
use tauri::{AppHandle, Runtime, State, WebviewWindow};

use crate::blocking::blocking;
use crate::dialogs::Dialog;

use crate::state::AppState;

/// Gets (or reuses) the connection's token and calls AEM through the API family its kind may
/// use. A failed step is part of the report, not an error; errors are for a connection that
/// cannot be tested at all (gone, keychain unusable).
#[tauri::command]
pub async fn test_connection(
    state: State<'_, AppState>,
    id: String,
) -> Result<ConnectionTestReport, IpcError> {
    let l = state.localizer();
    state
        .workspace
        .test_connection(
            &id,
            &metadesk_core::app::TestDepth::Deep { folder: None },
            &l,
        )
        .await
        .map_err(|e| IpcError::localized(e, &l))
}

/// "Save a report for support": asks where to save (the Rust side opens the dialog), then
/// makes the connection's field report (read-only, no secret and no value in it) and writes
/// it. `None` when the user cancelled the dialog.
#[tauri::command]
pub async fn save_field_report<R: Runtime>(
    app: AppHandle<R>,
    window: WebviewWindow<R>,
    state: State<'_, AppState>,
    id: String,
) -> Result<Option<FieldReportSaved>, IpcError> {
    let l = state.localizer();
    // An unknown connection is refused before any dialog opens.
    let (ws, wanted) = (std::sync::Arc::clone(&state.workspace), id.clone());
    blocking(state.localizer(), move || {
        ws.connections().find(&wanted).map(drop)
    })
    .await?;
    let (tx, rx) = tokio::sync::oneshot::channel();
    Dialog::FieldReport
        .builder(&app, &window, &l)
        .set_file_name("metadesk-field-report.json")
        .save_file(move |picked| {
            let _ = tx.send(picked);
        });
    let Some(path) = rx.await.ok().flatten().and_then(|p| p.into_path().ok()) else {
        return Ok(None);
    };
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // The save dialog has already asked about replacing an existing file.
    let report = state
        .workspace
        .save_field_report(&id, None, path, true)
        .await
        .map_err(|e| IpcError::localized(e, &l))?;
    Ok(Some(report.saved(file, &l)))
}

/// The health of every connection, by id: token time left, renewing, the last failure,
/// certificate warnings, a development token's countdown. Reads a token cached in the keychain
/// but never asks IMS for one.
#[tauri::command]
pub async fn connection_health(
    state: State<'_, AppState>,
) -> Result<HashMap<String, ConnectionHealth>, IpcError> {
    let l = state.localizer();
    state
        .workspace
        .connection_health(&l)
        .await
        .map_err(|e| IpcError::localized(e, &l))
}
