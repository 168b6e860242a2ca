//! Access tokens on the connections page: "Test connection" and the status at a glance. Both
//! answer with times, names and reasons; no command ever returns a token.

use std::collections::HashMap;

use metadesk_core::aem::test_connection::ConnectionTestReport;
use metadesk_core::bindings::IpcError;
use metadesk_core::ims::ConnectionHealth;
use tauri::State;

use crate::state::AppState;

/// Gets (or reuses) the connection's token and calls AEM through the API family its kind may
/// use. The core runs the steps in one go and has no per-step progress, so the whole report
/// comes back at the end. A failed step is part of the report, not an error; errors are for a
/// connection that cannot be tested at all (gone, keychain unusable).
#[tauri::command]
pub async fn test_connection(
    state: State<'_, AppState>,
    id: String,
) -> Result<ConnectionTestReport, IpcError> {
    let (auth, store) = (state.auth.clone(), state.connections.clone());
    auth.test(store, &id).await.map_err(IpcError::from)
}

/// The health of every connection, by id: token time left, renewing, the last failure,
/// certificate warnings, a development token's countdown. Reads a token cached in the keychain
/// but never asks IMS for one.
#[tauri::command]
pub async fn connection_health(
    state: State<'_, AppState>,
) -> Result<HashMap<String, ConnectionHealth>, IpcError> {
    let (auth, store) = (state.auth.clone(), state.connections.clone());
    auth.health_of_all(store).await.map_err(IpcError::from)
}
