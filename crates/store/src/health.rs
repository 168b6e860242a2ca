//! Start-up health: is the keychain usable, where are our folders. Shown on the app's status
//! line and by `metadesk-cli doctor`.

use metadesk_base::i18n::{Localizer, arg};
use serde::Serialize;
use ts_rs::TS;

use crate::dirs::AppDirs;
use metadesk_clients::error::ErrorCode;
use metadesk_credentials::secrets::SecretStore;

/// Whether secrets can be stored, in words for the UI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "state", rename_all = "camelCase")]
pub enum KeychainStatus {
    /// The keychain answered a write, a read and a delete.
    #[serde(rename_all = "camelCase")]
    Available { backend: String },
    /// It did not: `message` says what is wrong and how to fix it.
    #[serde(rename_all = "camelCase")]
    Unavailable {
        backend: String,
        code: ErrorCode,
        message: String,
    },
}

/// The app's health as the status screen shows it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppHealth {
    pub version: String,
    pub keychain: KeychainStatus,
    pub config_dir: String,
    pub data_dir: String,
    pub log_dir: String,
}

/// One step of the start-up check, streamed to the UI as it completes.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CheckStep {
    /// What was checked, in words ("System keychain").
    pub label: String,
    pub ok: bool,
    /// The outcome in words ("available (Secret Service)", or the problem and its fix).
    pub detail: String,
}

/// Probes the keychain; a problem is told in `l`'s words. Blocking: call it from a blocking
/// thread.
pub fn check_keychain(store: &dyn SecretStore, l: &Localizer) -> KeychainStatus {
    let backend = store.backend_name().to_string();
    match store.probe() {
        Ok(()) => KeychainStatus::Available { backend },
        Err(err) => {
            tracing::warn!(error = %err, "keychain check failed");
            KeychainStatus::Unavailable {
                backend,
                code: err.code(),
                message: err.localized(l),
            }
        }
    }
}

/// Runs the start-up checks (folders writable, keychain usable), reporting each step to
/// `on_step` as it completes, in `l`'s words. Blocking: call it from a blocking thread.
pub fn check(
    store: &dyn SecretStore,
    dirs: &AppDirs,
    on_step: &dyn Fn(CheckStep),
    l: &Localizer,
) -> AppHealth {
    let folders = dirs.create_all();
    on_step(CheckStep {
        label: l.text("health-folders"),
        ok: folders.is_ok(),
        detail: match &folders {
            Ok(()) => l.msg(
                "health-folders-ready",
                &[("folder", arg(dirs.data.display().to_string()))],
            ),
            Err(e) => e.localized(l),
        },
    });
    let keychain = check_keychain(store, l);
    on_step(CheckStep {
        label: l.text("health-keychain"),
        ok: matches!(keychain, KeychainStatus::Available { .. }),
        detail: match &keychain {
            KeychainStatus::Available { backend } => l.msg(
                "health-keychain-available",
                &[("backend", arg(backend.as_str()))],
            ),
            KeychainStatus::Unavailable { message, .. } => message.clone(),
        },
    });
    AppHealth {
        version: env!("CARGO_PKG_VERSION").to_string(),
        keychain,
        config_dir: dirs.config.display().to_string(),
        data_dir: dirs.data.display().to_string(),
        log_dir: dirs.logs.display().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use metadesk_credentials::secrets::{RunOnlyKeychain, SecretStoreError};

    #[test]
    fn a_working_store_is_available() {
        let store = RunOnlyKeychain::new();
        assert_eq!(
            check_keychain(&store, &Localizer::english()),
            KeychainStatus::Available {
                backend: "this run only (memory)".into()
            }
        );
    }

    #[test]
    fn check_reports_each_step_in_order() {
        let tmp = tempfile::tempdir().unwrap();
        let dirs = AppDirs::under(tmp.path());
        let steps = std::sync::Mutex::new(Vec::new());
        let health = check(
            &RunOnlyKeychain::new(),
            &dirs,
            &|s| steps.lock().unwrap().push(s),
            &Localizer::english(),
        );
        let steps = steps.into_inner().unwrap();
        assert_eq!(
            steps.iter().map(|s| s.label.as_str()).collect::<Vec<_>>(),
            ["App folders", "System keychain"]
        );
        assert!(steps.iter().all(|s| s.ok));
        assert!(dirs.data.is_dir());
        assert_eq!(health.data_dir, dirs.data.display().to_string());
    }

    #[test]
    fn an_unreachable_store_says_what_to_do() {
        let store = RunOnlyKeychain::new();
        store.fail_with(Some(SecretStoreError::Unavailable {
            detail: "no Secret Service".into(),
            fix: "Install GNOME Keyring.".into(),
        }));
        match check_keychain(&store, &Localizer::english()) {
            KeychainStatus::Unavailable { code, message, .. } => {
                assert_eq!(code, ErrorCode::KeychainUnavailable);
                assert!(message.contains("Install GNOME Keyring."), "{message}");
                assert!(message.contains("no Secret Service"), "{message}");
            }
            other => panic!("expected unavailable, got {other:?}"),
        }
    }
}
