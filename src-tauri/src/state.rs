//! `AppState`: everything the commands share, built once in `run()` and managed by Tauri.

use std::sync::Arc;

use metadesk_core::connections::ConnectionStore;
use metadesk_core::dirs::AppDirs;
use metadesk_core::secrets::SecretStore;

use crate::pending::PendingImports;
use crate::sandbox::SandboxHost;

/// Shared by all commands. Fields synchronise themselves; there is no outer lock. The `Arc`s
/// let background work (a drop, the sandbox start) keep what it needs without borrowing Tauri's
/// state.
pub struct AppState {
    pub dirs: AppDirs,
    /// The OS keychain. Every call blocks, so commands use it from `spawn_blocking`.
    pub secrets: Arc<dyn SecretStore>,
    /// Connections: the config file plus the keychain. Blocking, like `secrets`.
    pub connections: Arc<ConnectionStore>,
    /// Recognised credentials waiting for the user's choice (several credentials, no URL).
    pub pending: Arc<PendingImports>,
    /// The built-in sandbox AEM, when the user tried it.
    pub sandbox: Arc<SandboxHost>,
}

impl AppState {
    pub fn new(dirs: AppDirs, secrets: Arc<dyn SecretStore>) -> Self {
        let connections = Arc::new(ConnectionStore::open(&dirs, secrets.clone()));
        AppState {
            dirs,
            secrets,
            connections,
            pending: Arc::new(PendingImports::default()),
            sandbox: Arc::new(SandboxHost::default()),
        }
    }
}
