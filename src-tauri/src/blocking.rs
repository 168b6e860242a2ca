//! Keychain and disk work off the UI and async threads: the one way commands and background
//! tasks run it, with its error already in the shape the window receives.

use std::sync::Arc;

use metadesk_core::Error;
use metadesk_core::bindings::IpcError;
use metadesk_core::i18n::Localizer;

/// Runs blocking work (keychain, disk) on a blocking thread, never the UI or async threads.
pub async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, Error> + Send + 'static,
) -> Result<T, IpcError> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|e| IpcError::from(Error::Internal(format!("background task: {e}"))))?
        .map_err(IpcError::from)
}

/// [`blocking`], with the error in `l`'s language.
pub async fn blocking_in<T: Send + 'static>(
    l: Arc<Localizer>,
    work: impl FnOnce() -> Result<T, Error> + Send + 'static,
) -> Result<T, IpcError> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|e| Error::Internal(format!("background task: {e}")))
        .and_then(|done| done)
        .map_err(|e| IpcError::localized(e, &l))
}
