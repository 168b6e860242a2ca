//! App-level commands: start-up health, the window's language, the report CSV headers choice.

use std::sync::Arc;

use crate::ipc_error::IpcError;
use metadesk_core::app::LanguageSettings;
use metadesk_core::health::{AppHealth, CheckStep};
use metadesk_core::i18n::Lang;
use tauri::State;
use tauri::ipc::Channel;

use crate::blocking::blocking;
use crate::state::AppState;

/// Runs the start-up checks (and the cleanup of interrupted imports), streaming each step on
/// `on_step`. The keychain probe blocks (and may wait for an unlock prompt), so it runs on a
/// blocking thread, never the UI thread.
#[tauri::command]
pub async fn check_health(
    state: State<'_, AppState>,
    on_step: Channel<CheckStep>,
) -> Result<AppHealth, IpcError> {
    let workspace = state.workspace.clone();
    let l = state.localizer();
    blocking(Arc::clone(&l), move || {
        Ok(workspace.check_health(
            &|step| {
                if let Err(e) = on_step.send(step) {
                    tracing::warn!(error = %e, "could not send a health step to the window");
                }
            },
            &l,
        ))
    })
    .await
}

// The settings below are small files, but a write waits for the disk (`sync_all`): read and
// written on a blocking thread, not the UI thread a command without `async` runs on.

/// The window's language: the saved choice (none: follow the system), the system's, the one in
/// effect.
#[tauri::command]
pub async fn language_settings(state: State<'_, AppState>) -> Result<LanguageSettings, IpcError> {
    let workspace = state.workspace.clone();
    blocking(state.localizer(), move || Ok(workspace.language_settings())).await
}

/// Saves the language choice (`None`: follow the system) for the next start and switches the
/// messages built in Rust (errors, Test connection, notifications) to it now.
#[tauri::command]
pub async fn set_language(
    state: State<'_, AppState>,
    chosen: Option<Lang>,
) -> Result<LanguageSettings, IpcError> {
    let workspace = state.workspace.clone();
    let settings = blocking(state.localizer(), move || workspace.set_language(chosen)).await?;
    state.set_lang(settings.effective);
    Ok(settings)
}

/// Whether exported report CSVs get headers in the user's language (the saved choice).
#[tauri::command]
pub async fn localized_csv_headers(state: State<'_, AppState>) -> Result<bool, IpcError> {
    let workspace = state.workspace.clone();
    blocking(state.localizer(), move || {
        Ok(workspace.localized_csv_headers())
    })
    .await
}

/// Saves the report CSV headers choice for the next exports and the next start.
#[tauri::command]
pub async fn set_localized_csv_headers(
    state: State<'_, AppState>,
    localized: bool,
) -> Result<bool, IpcError> {
    let workspace = state.workspace.clone();
    blocking(state.localizer(), move || {
        workspace.set_localized_csv_headers(localized)
    })
    .await
}
