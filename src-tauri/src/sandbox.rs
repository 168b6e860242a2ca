//! "Try with a sandbox AEM": the simulated AEM (`metadesk_sandbox`) running inside the app on a
//! free loopback port, and the connection to it, marked as a sandbox everywhere.
//!
//! Across restarts: the sandbox lives only while the app runs, and its keys are new every time
//! it starts (key generation is random, not derived from the seed). So when the app starts and
//! a sandbox connection exists, it starts the sandbox again in the background and re-imports
//! its fresh service credentials: the fixed seed gives the same client id, so this updates the
//! same connection (same id and name) with the new key and the new port. Changes made to the
//! sandbox's DAM are lost when the app quits; the page says so.

use std::sync::{Arc, Mutex};

use crate::ipc_error::IpcError;
use metadesk_core::Error;
use metadesk_core::app::Workspace;
use metadesk_core::connections::{ConnectionView, SandboxStatus};
use metadesk_core::events::AppEvent;
use metadesk_core::i18n::{Localizer, arg};
use metadesk_sandbox::{Sandbox, SandboxConfig};
use tauri::{AppHandle, Emitter, Runtime};

use crate::blocking::blocking;

/// Not the sandbox binary's default (0), so a sandbox started from a terminal and the app's own
/// never share client ids (importing one's file would otherwise update the other).
const SEED: u64 = 1;
/// Enough to try folders and paging without a long start.
const ASSETS: usize = 300;
/// The name of a new sandbox connection (the user may rename it).
const NAME: &str = "Sandbox";

/// The running sandbox, if any, and its state for the window.
pub struct SandboxHost {
    server: tokio::sync::Mutex<Option<Sandbox>>,
    status: Mutex<SandboxStatus>,
}

impl Default for SandboxHost {
    fn default() -> Self {
        SandboxHost {
            server: tokio::sync::Mutex::new(None),
            status: Mutex::new(SandboxStatus::Stopped),
        }
    }
}

impl SandboxHost {
    pub fn status(&self) -> SandboxStatus {
        self.lock_status().clone()
    }

    fn set_status<R: Runtime>(&self, app: &AppHandle<R>, status: SandboxStatus) {
        *self.lock_status() = status.clone();
        if let Err(e) = app.emit(AppEvent::SandboxStatus.name(), status) {
            tracing::warn!(error = %e, "could not tell the window about the sandbox");
        }
    }

    fn lock_status(&self) -> std::sync::MutexGuard<'_, SandboxStatus> {
        self.status
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Starts the sandbox (unless it runs) and imports its read-write service credentials as
    /// the sandbox connection, pointed at its current address. Checks the keychain first, so
    /// a missing keychain fails in a moment rather than after seconds of key generation.
    pub async fn start_and_connect<R: Runtime>(
        &self,
        app: &AppHandle<R>,
        workspace: Arc<Workspace>,
        l: Arc<Localizer>,
    ) -> Result<ConnectionView, IpcError> {
        // One start at a time: a second click waits for the first and reuses its server.
        let mut server = self.server.lock().await;
        let keychain = Arc::clone(workspace.keychain());
        blocking(Arc::clone(&l), move || {
            keychain.probe().map_err(Error::from)
        })
        .await?;
        if server.is_none() {
            self.set_status(app, SandboxStatus::Starting);
            let config = SandboxConfig::default().with_seed(SEED).with_assets(ASSETS);
            match Sandbox::start(config).await {
                Ok(started) => *server = Some(started),
                Err(e) => {
                    tracing::error!(error = %e, "the sandbox did not start");
                    let message = l.msg("sandbox-start-failed", &[("detail", arg(e.to_string()))]);
                    self.set_status(
                        app,
                        SandboxStatus::Failed {
                            message: message.clone(),
                        },
                    );
                    return Err(IpcError {
                        code: metadesk_core::ErrorCode::Internal,
                        message,
                    });
                }
            }
        }
        let Some(running) = server.as_ref() else {
            let missing = Error::Internal("sandbox missing after start".into());
            return Err(IpcError::localized(missing, &l));
        };
        let url = running.base_url();
        let file = running.credentials().service_credentials_json.clone();
        let aem_url = url.clone();
        let imported = blocking(l, move || workspace.connect_sandbox(&file, &aem_url, NAME)).await;
        match imported {
            Ok(connection) => {
                self.set_status(app, SandboxStatus::Running { url });
                Ok(connection)
            }
            Err(err) => {
                // Without its connection the sandbox is of no use: stop it.
                if let Some(stopped) = server.take() {
                    stopped.shutdown().await;
                }
                self.set_status(app, SandboxStatus::Stopped);
                Err(err)
            }
        }
    }

    /// Stops the sandbox if it runs.
    pub async fn stop<R: Runtime>(&self, app: &AppHandle<R>) {
        if let Some(server) = self.server.lock().await.take() {
            server.shutdown().await;
            tracing::info!("sandbox stopped");
        }
        self.set_status(app, SandboxStatus::Stopped);
    }
}

/// At start-up: if a sandbox connection exists, start the sandbox again in the background.
pub fn resume_if_needed<R: Runtime>(
    app: &AppHandle<R>,
    workspace: Arc<Workspace>,
    host: Arc<SandboxHost>,
    l: Arc<Localizer>,
) {
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        let store = Arc::clone(workspace.connections());
        let has_sandbox = blocking(Arc::clone(&l), move || {
            Ok(store.connections()?.iter().any(|c| c.sandbox))
        })
        .await
        .unwrap_or(false);
        if !has_sandbox {
            return;
        }
        tracing::info!("a sandbox connection exists; starting the sandbox");
        if let Err(e) = host.start_and_connect(&app, workspace, l).await {
            tracing::warn!(error = %e.message, "the sandbox did not resume");
            if host.status() == SandboxStatus::Stopped {
                host.set_status(&app, SandboxStatus::Failed { message: e.message });
            }
        }
    });
}
