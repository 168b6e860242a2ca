//! `AppState`: what the commands share, built once in `run()` and managed by Tauri: the core's
//! [`Workspace`] (connections, tokens, the one job, pending imports), the built-in sandbox and
//! the notification threshold.

use std::sync::Arc;
use std::time::Duration;

use metadesk_core::app::Workspace;

use crate::sandbox::SandboxHost;

/// Shared by all commands. Fields synchronise themselves; there is no outer lock. The `Arc`s
/// let background work (a drop, the sandbox start) keep what it needs without borrowing Tauri's
/// state.
pub struct AppState {
    pub workspace: Arc<Workspace>,
    /// The built-in sandbox AEM, when the user tried it.
    pub sandbox: Arc<SandboxHost>,
    /// A preview or apply that took this long sends a desktop notification when it ends
    /// ([`crate::notify`]); `run()` may lower it from the environment at start-up.
    pub long_job: Duration,
}

impl AppState {
    pub fn new(workspace: Workspace) -> Self {
        AppState {
            workspace: Arc::new(workspace),
            sandbox: Arc::new(SandboxHost::default()),
            long_job: crate::notify::LONG_JOB,
        }
    }
}
