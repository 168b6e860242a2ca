//! Keychain and disk work off the UI and async threads: the one way commands and background
//! tasks run it, with its error already in the shape the window receives.

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
