//! Tauri commands: adapters of a few lines over `metadesk_core`. Each returns
//! `Result<_, IpcError>`, the one error shape the UI sees.

pub mod app;
pub mod connections;
#[cfg(any(debug_assertions, feature = "e2e-hooks"))]
pub mod e2e;
pub mod sandbox;
pub mod tokens;

use metadesk_core::Error;
use metadesk_core::bindings::IpcError;

/// Runs blocking work (keychain, disk) on a blocking thread, never the UI or async threads.
pub async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, Error> + Send + 'static,
) -> Result<T, IpcError> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|e| IpcError::from(Error::Internal(format!("background task: {e}"))))?
        .map_err(IpcError::from)
}
