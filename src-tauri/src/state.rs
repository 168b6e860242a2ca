//! `AppState`: everything the commands share, built once in `run()` and managed by Tauri.

use std::sync::Arc;
use std::time::Duration;

use metadesk_core::aem::AemError;
use metadesk_core::aem::client::build_http_client;
use metadesk_core::connections::ConnectionStore;
use metadesk_core::dirs::AppDirs;
use metadesk_core::ims::AuthContext;
use metadesk_core::secrets::SecretStore;

use crate::auth::Auth;
use crate::jobs::Jobs;
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
    /// One token manager per connection for the whole process, over the one HTTP client and
    /// the keychain. Everything that calls AEM goes through it, so a token is shared.
    pub auth: Arc<Auth>,
    /// The one bulk job (count, preview or apply) the app runs at a time.
    pub jobs: Jobs,
    /// A preview or apply that took this long sends a desktop notification when it ends
    /// ([`crate::notify`]); `run()` may lower it from the environment at start-up.
    pub long_job: Duration,
}

impl AppState {
    /// Fails only when the HTTP client cannot be built (no TLS support).
    pub fn new(dirs: AppDirs, secrets: Arc<dyn SecretStore>) -> Result<Self, AemError> {
        let connections = Arc::new(ConnectionStore::open(&dirs, secrets.clone()));
        let auth = Arc::new(Auth::new(AuthContext::new(
            build_http_client()?,
            secrets.clone(),
        )));
        Ok(AppState {
            dirs,
            secrets,
            connections,
            pending: Arc::new(PendingImports::default()),
            sandbox: Arc::new(SandboxHost::default()),
            auth,
            jobs: Jobs::default(),
            long_job: crate::notify::LONG_JOB,
        })
    }
}
