//! `AppState`: everything the commands share, built once in `run()` and managed by Tauri.

use std::sync::Arc;

use metadesk_core::dirs::AppDirs;
use metadesk_core::secrets::SecretStore;

/// Shared by all commands. Fields synchronise themselves; there is no outer lock.
pub struct AppState {
    pub dirs: AppDirs,
    /// The OS keychain. Every call blocks, so commands use it from `spawn_blocking`.
    pub secrets: Arc<dyn SecretStore>,
}
