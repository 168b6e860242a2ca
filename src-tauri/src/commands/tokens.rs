//! Access tokens on the connections page: "Test connection" and the status at a glance. Both
//! answer with times, names and reasons; no command ever returns a token.

use std::collections::HashMap;

use crate::ipc_error::IpcError;
use metadesk_core::aem::connection_check::ConnectionTestReport;
use metadesk_core::ims::ConnectionHealth;
use tauri::State;

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
