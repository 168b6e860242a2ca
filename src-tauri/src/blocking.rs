//! Keychain and disk work run off the UI and async threads ([`blocking`]), its error worded in
//! the language given. Depends on the core only.
//!
//! Not here: wording a command's error in the window's language (`worded.rs`).

use std::sync::Arc;

use crate::ipc_error::IpcError;
use metadesk_core::Error;
use metadesk_core::i18n::Localizer;

/// Runs blocking work (keychain, disk) on a blocking thread, never the UI or async threads;
/// its error in `l`'s language.
pub async fn blocking<T: Send + 'static>(
    l: Arc<Localizer>,
    work: impl FnOnce() -> Result<T, Error> + Send + 'static,
) -> Result<T, IpcError> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|e| Error::Internal(format!("background task: {e}")))
        .and_then(|done| done)
        .map_err(|e| IpcError::localized(e, &l))
}
