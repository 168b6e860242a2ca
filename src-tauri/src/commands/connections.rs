//! Connections: list, import (pasted text, the app's own file dialog, pending choices, a local
//! SDK typed in), rename, edit the URL, mark production, delete. Files dropped on the window
//! go through `drop.rs`; no command here takes a file path from the page.

use std::path::PathBuf;
use std::sync::Arc;

use crate::ipc_error::IpcError;
use metadesk_core::connections::{
    CompleteImportArgs, ConnectionView, FileOutcome, FileResult, LocalSdkArgs, RenameArgs,
    SetPairedArgs, SetProductionArgs, SetUrlArgs, TrustHostArgs,
};
use metadesk_core::credentials::ImportPreview;
use tauri::{AppHandle, Runtime, State, WebviewWindow};

use crate::blocking::blocking;
use crate::dialogs::Dialog;
use crate::state::AppState;

/// All connections, redacted (secrets appear only as hints).
#[tauri::command]
pub async fn list_connections(state: State<'_, AppState>) -> Result<Vec<ConnectionView>, IpcError> {
    let ws = Arc::clone(&state.workspace);
    blocking(state.localizer(), move || ws.connections().list()).await
}

/// Imports pasted JSON text (the text itself, never a path).
#[tauri::command]
pub async fn import_pasted_json(
    state: State<'_, AppState>,
    text: String,
) -> Result<FileOutcome, IpcError> {
    let ws = Arc::clone(&state.workspace);
    let l = state.localizer();
    blocking(state.localizer(), move || Ok(ws.import_text(&text, &l))).await
}

/// Opens the system's file dialog (JSON files, several allowed) and imports what the user
/// picked: one result per file. Cancelling gives no results and no error.
#[tauri::command]
pub async fn choose_credential_files<R: Runtime>(
    app: AppHandle<R>,
    window: WebviewWindow<R>,
    state: State<'_, AppState>,
) -> Result<Vec<FileOutcome>, IpcError> {
    let l = state.localizer();
    let dialog = Dialog::CredentialFiles.builder(&app, &window, &l);
    let paths: Vec<PathBuf> = super::sheets::picked_many(|done| dialog.pick_files(done)).await;
    let ws = Arc::clone(&state.workspace);
    blocking(state.localizer(), move || {
        Ok(paths.iter().map(|path| ws.import_path(path, &l)).collect())
    })
    .await
}

/// Finishes a pending import with the user's choices. On failure (a bad address, no keychain)
/// the import stays pending, so the user can correct and try again.
#[tauri::command]
pub async fn complete_import(
    state: State<'_, AppState>,
    args: CompleteImportArgs,
) -> Result<FileResult, IpcError> {
    let ws = Arc::clone(&state.workspace);
    let l = state.localizer();
    blocking(Arc::clone(&l), move || {
        ws.complete_import(&args.pending_id, &args.options, &l)
    })
    .await
}

/// Forgets a pending import (its secrets are wiped from memory).
#[tauri::command]
pub fn discard_import(state: State<'_, AppState>, pending_id: String) {
    state.workspace.discard_import(&pending_id);
}

/// The preview of one credential of a pending file that holds several.
#[tauri::command]
pub fn preview_pending_choice(
    state: State<'_, AppState>,
    pending_id: String,
    choice: String,
) -> Result<ImportPreview, IpcError> {
    let l = state.localizer();
    state
        .workspace
        .preview_pending_choice(&pending_id, &choice, &l)
        .map_err(|e| IpcError::localized(e, &l))
}

/// Adds (or updates) a local AEM SDK connection typed in by hand.
#[tauri::command]
pub async fn add_local_sdk(
    state: State<'_, AppState>,
    args: LocalSdkArgs,
) -> Result<FileResult, IpcError> {
    let ws = Arc::clone(&state.workspace);
    let l = state.localizer();
    blocking(Arc::clone(&l), move || ws.add_local_sdk(args, &l)).await
}

#[tauri::command]
pub async fn rename_connection(
    state: State<'_, AppState>,
    args: RenameArgs,
) -> Result<ConnectionView, IpcError> {
    let ws = Arc::clone(&state.workspace);
    blocking(state.localizer(), move || {
        ws.connections().rename(&args.id, &args.name)
    })
    .await
}

/// Changes the AEM author URL (https, or http on this computer).
#[tauri::command]
pub async fn set_connection_url(
    state: State<'_, AppState>,
    args: SetUrlArgs,
) -> Result<ConnectionView, IpcError> {
    let ws = Arc::clone(&state.workspace);
    blocking(state.localizer(), move || {
        ws.set_connection_url(&args.id, &args.url)
    })
    .await
}

/// The user trusts the host of a connection's AEM address that is not Adobe's, by name.
#[tauri::command]
pub async fn trust_connection_host(
    state: State<'_, AppState>,
    args: TrustHostArgs,
) -> Result<ConnectionView, IpcError> {
    let ws = Arc::clone(&state.workspace);
    blocking(state.localizer(), move || {
        ws.connections().trust_host(&args.id, &args.host)
    })
    .await
}

#[tauri::command]
pub async fn set_connection_production(
    state: State<'_, AppState>,
    args: SetProductionArgs,
) -> Result<ConnectionView, IpcError> {
    let ws = Arc::clone(&state.workspace);
    blocking(state.localizer(), move || {
        ws.connections().set_production(&args.id, args.production)
    })
    .await
}

/// Pairs an OAuth Server-to-Server connection with the connection that finds its assets
/// (null: unpaired).
#[tauri::command]
pub async fn set_paired_connection(
    state: State<'_, AppState>,
    args: SetPairedArgs,
) -> Result<ConnectionView, IpcError> {
    let ws = Arc::clone(&state.workspace);
    blocking(state.localizer(), move || {
        ws.connections()
            .set_paired(&args.id, args.paired.as_deref())
    })
    .await
}

/// Deletes the connection and its keychain entries. Deleting the last sandbox connection also
/// stops the sandbox.
#[tauri::command]
pub async fn delete_connection<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: String,
) -> Result<(), IpcError> {
    let ws = Arc::clone(&state.workspace);
    let sandbox_left = blocking(state.localizer(), move || ws.delete_connection(&id)).await?;
    if !sandbox_left {
        state.sandbox.stop(&app).await;
    }
    Ok(())
}
