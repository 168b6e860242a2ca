//! App-level commands: start-up health, the window's language, the report CSV headers choice.

use metadesk_core::app::LanguageSettings;
use metadesk_core::bindings::IpcError;
use metadesk_core::health::{AppHealth, CheckStep};
use metadesk_core::i18n::Lang;
use tauri::State;
use tauri::ipc::Channel;

use crate::state::AppState;

/// Runs the start-up checks (and the cleanup of interrupted imports), streaming each step on
/// `on_step`. The keychain probe blocks (and
/// may wait for an unlock prompt), so it runs on a blocking thread, never the UI thread.
#[tauri::command]
pub async fn check_health(
    state: State<'_, AppState>,
    on_step: Channel<CheckStep>,
) -> Result<AppHealth, IpcError> {
    let workspace = state.workspace.clone();
    let l = state.localizer();
    tauri::async_runtime::spawn_blocking(move || {
        workspace.check_health(
            &|step| {
                if let Err(e) = on_step.send(step) {
                    tracing::warn!(error = %e, "could not send a health step to the window");
                }
            },
            &l,
        )
    })
    .await
    .map_err(|e| {
        let failed = metadesk_core::Error::Internal(format!("health check: {e}"));
        IpcError::localized(failed, &state.localizer())
    })
}

/// The window's language: the saved choice (none: follow the system), the system's, the one in
/// effect.
#[tauri::command]
pub fn language_settings(state: State<'_, AppState>) -> LanguageSettings {
    state.workspace.language_settings()
}

/// Saves the language choice (`None`: follow the system) for the next start and switches the
/// messages built in Rust (errors, Test connection, notifications) to it now.
#[tauri::command]
pub fn set_language(
    state: State<'_, AppState>,
    chosen: Option<Lang>,
) -> Result<LanguageSettings, IpcError> {
    let settings = state
        .workspace
        .set_language(chosen)
        .map_err(|e| IpcError::localized(e, &state.localizer()))?;
    state.set_lang(settings.effective);
    Ok(settings)
}

/// Whether exported report CSVs get headers in the user's language (the saved choice).
#[tauri::command]
pub fn localized_csv_headers(state: State<'_, AppState>) -> bool {
    state.workspace.localized_csv_headers()
}

/// Saves the report CSV headers choice for the next exports and the next start.
#[tauri::command]
pub fn set_localized_csv_headers(
    state: State<'_, AppState>,
    localized: bool,
) -> Result<bool, IpcError> {
    state
        .workspace
        .set_localized_csv_headers(localized)
        .map_err(|e| IpcError::localized(e, &state.localizer()))
}
