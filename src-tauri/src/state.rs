//! `AppState`: what the commands share, built once in `run()` and managed by Tauri: the core's
//! [`Workspace`] (connections, tokens, the one job, pending imports), the built-in sandbox and
//! the notification threshold.

use std::sync::atomic::AtomicBool;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use metadesk_core::app::Workspace;
use metadesk_core::i18n::{Lang, Localizer};

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
    /// The window's language (the saved choice, else the OS's); replaced when the user picks
    /// another in the settings. Messages built here (errors, Test connection, notifications)
    /// use it.
    localizer: RwLock<Arc<Localizer>>,
    /// The Upload page is on screen: files and folders dropped are to upload, not credentials
    /// (`crate::drop`); the page says so as it shows and leaves (`upload_drops`).
    pub upload_drops: AtomicBool,
}

impl AppState {
    pub fn new(workspace: Workspace) -> Self {
        let lang = workspace.language_settings().effective;
        AppState {
            localizer: RwLock::new(Arc::new(Localizer::new(lang))),
            workspace: Arc::new(workspace),
            sandbox: Arc::new(SandboxHost::default()),
            long_job: crate::notify::LONG_JOB,
            upload_drops: AtomicBool::new(false),
        }
    }

    /// The localizer in effect now.
    pub fn localizer(&self) -> Arc<Localizer> {
        // A poisoned lock still holds a whole `Arc`: a panic elsewhere cannot leave it half set.
        Arc::clone(&self.localizer.read().unwrap_or_else(|e| e.into_inner()))
    }

    /// Switches the window's messages to `lang`.
    pub fn set_lang(&self, lang: Lang) {
        *self.localizer.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(Localizer::new(lang));
    }
}
