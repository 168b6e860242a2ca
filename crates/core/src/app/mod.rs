//! The use cases: what a person does with Metadesk, written once for the window and the command
//! line. A [`Workspace`] holds what every use case shares (the app's folders, the connection
//! store, one token manager per connection, credentials waiting for a choice, the one job that
//! may run); its methods are the use cases: import, open a connection for a run, preview /
//! apply / resume / undo / retry, count a scope, browse folders, export a report.
//!
//! Not here: anything about how a face shows things or asks the user (Tauri's channels and
//! dialogs in `src-tauri`, clap and prompts in `crates/cli`), and the mechanisms the use cases
//! drive (`bulk`, `connections`, `ims`, `assets`), which know nothing of this layer.

mod connections;
mod importing;
mod jobs;
mod opening;
mod pending;
mod runs;
mod sheets;
mod tokens;

use std::path::PathBuf;
use std::sync::Arc;

pub use importing::{CliImport, PASTED};
pub use jobs::{JobGuard, JobKind, Jobs};
pub use opening::{ConnectionChoice, Opened};
pub use pending::PendingImports;
pub use runs::{COMPLETIONS, FOLDER_PAGE, OnProgress};
pub use sheets::{SheetExport, SheetFormat, SheetImport};
pub use tokens::Tokens;

use crate::aem::client::build_http_client;
use crate::connections::AuthContext;
use crate::connections::ConnectionStore;
use crate::dirs::AppDirs;
use crate::error::{Error, Result};
use crate::secrets::SecretStore;

/// Everything the use cases share, built once per process (the app's state holds one; each CLI
/// command builds one). Fields synchronise themselves; there is no outer lock.
pub struct Workspace {
    dirs: AppDirs,
    keychain: Arc<dyn SecretStore>,
    connections: Arc<ConnectionStore>,
    tokens: Arc<Tokens>,
    pending: Arc<PendingImports>,
    jobs: Jobs,
}

impl Workspace {
    /// The workspace over `dirs` and `keychain`. Fails only when the HTTP client cannot be built
    /// (no TLS support).
    pub fn new(dirs: AppDirs, keychain: Arc<dyn SecretStore>) -> Result<Self> {
        let connections = Arc::new(ConnectionStore::open(&dirs, Arc::clone(&keychain)));
        let tokens = Arc::new(Tokens::new(AuthContext::new(
            build_http_client()?,
            Arc::clone(&keychain),
        )));
        Ok(Workspace {
            dirs,
            keychain,
            connections,
            tokens,
            pending: Arc::new(PendingImports::default()),
            jobs: Jobs::default(),
        })
    }

    pub fn dirs(&self) -> &AppDirs {
        &self.dirs
    }

    /// The keychain every secret of this workspace lives in. Blocking, like the store.
    pub fn keychain(&self) -> &Arc<dyn SecretStore> {
        &self.keychain
    }

    /// The stored connections (the config file plus the keychain). Every call blocks.
    pub fn connections(&self) -> &Arc<ConnectionStore> {
        &self.connections
    }

    /// The token managers, one per connection, shared by everything that calls AEM.
    pub fn tokens(&self) -> &Arc<Tokens> {
        &self.tokens
    }

    /// The one job (count, preview, apply) that may run at a time.
    pub fn jobs(&self) -> &Jobs {
        &self.jobs
    }

    /// Where run journals live: the same folder for the window and the CLI with one profile.
    pub fn runs_dir(&self) -> PathBuf {
        crate::bulk::runs::runs_dir(&self.dirs)
    }
}

/// Disk and keychain work on a blocking thread, never on the async workers.
pub(crate) async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T> + Send + 'static,
) -> Result<T> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| Error::Internal(format!("background task: {e}")))?
}

#[cfg(test)]
mod tests;
