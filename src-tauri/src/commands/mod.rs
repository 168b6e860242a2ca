//! Tauri commands: adapters of a few lines over `metadesk_core`. Each returns
//! `Result<_, IpcError>`, the one error shape the UI sees.

pub mod app;
pub mod bulk;
pub mod connections;
pub mod console;
#[cfg(any(debug_assertions, feature = "e2e-hooks"))]
pub mod e2e;
pub mod fragments;
pub mod health;
pub mod publish;
pub mod samples;
pub mod sandbox;
pub mod schemas;
pub mod scopes;
pub mod sheets;
pub mod tag_sheets;
pub mod tags;
pub mod tokens;
pub mod upload;

use crate::ipc_error::IpcError;
#[cfg(test)]
mod mock_runtime;

use metadesk_core::app::{ConnectionChoice, Opened};

use crate::state::AppState;
use crate::worded::Worded;

/// The stored connection `connection_id`, opened for a command; why not, in the window's words.
pub(crate) async fn open_stored(
    state: &AppState,
    connection_id: String,
) -> Result<Opened, IpcError> {
    state
        .workspace
        .open(ConnectionChoice::stored(connection_id))
        .await
        .worded(state)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    fn read(relative: &str) -> String {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    /// Every command the UI calls (`call('name'` in `ui/src/ipc/commands.ts`).
    fn called_by_the_ui() -> Vec<String> {
        let text = read("../ui/src/ipc/commands.ts");
        text.split("call('")
            .skip(1)
            .filter_map(|rest| rest.split_once('\'').map(|(name, _)| name.to_owned()))
            .collect()
    }

    #[test]
    fn every_command_the_ui_calls_is_declared_allowed_and_registered() {
        let names = called_by_the_ui();
        assert!(
            names.len() >= 30,
            "the parser found too few commands: {names:?}"
        );
        assert!(names.iter().any(|n| n == "apply_run"));
        let manifest = read("build.rs");
        let capabilities: serde_json::Value =
            serde_json::from_str(&read("capabilities/default.json")).unwrap();
        let allowed: Vec<&str> = capabilities["permissions"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|p| p.as_str())
            .collect();
        let handlers = read("src/lib.rs");
        let handlers = handlers
            .split("generate_handler![")
            .nth(1)
            .and_then(|rest| rest.split(']').next())
            .expect("lib.rs has a generate_handler! list");
        let mut missing = Vec::new();
        for name in &names {
            if !manifest.contains(&format!("\"{name}\",")) {
                missing.push(format!("{name}: not in build.rs's AppManifest"));
            }
            let permission = format!("allow-{}", name.replace('_', "-"));
            if !allowed.contains(&permission.as_str()) {
                missing.push(format!(
                    "{name}: {permission} not in capabilities/default.json"
                ));
            }
            if !handlers.contains(&format!("::{name},")) {
                missing.push(format!("{name}: not in lib.rs's generate_handler! list"));
            }
        }
        assert!(missing.is_empty(), "{missing:#?}");
    }
}
