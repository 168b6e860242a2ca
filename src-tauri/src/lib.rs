//! The Metadesk desktop shell: builds the state, registers the commands, routes window
//! events. Domain logic lives in `metadesk_core`; this crate only adapts it to Tauri.

mod auth;
mod commands;
mod drop;
mod importing;
mod logging;
mod pending;
mod sandbox;
mod state;

use std::sync::Arc;

use metadesk_core::dirs::{AppDirs, profile_name};
use metadesk_core::secrets::KeyringStore;
use tauri::{DragDropEvent, WindowEvent};

use crate::state::AppState;

/// Starts the app. Exits with a message on stderr if the window system cannot start.
pub fn run() {
    let profile = profile_name();
    let dirs = match AppDirs::for_profile(&profile) {
        Ok(dirs) => dirs,
        Err(e) => {
            eprintln!("Metadesk cannot start: {e}");
            std::process::exit(1);
        }
    };
    // Folder problems are reported by the start-up check in the window, not here.
    let _ = std::fs::create_dir_all(&dirs.logs);
    let _log_guard = logging::init(&dirs.logs);
    tracing::info!(version = env!("CARGO_PKG_VERSION"), %profile, "Metadesk starting");

    let state = match AppState::new(dirs, Arc::new(KeyringStore::new(profile))) {
        Ok(state) => state,
        Err(e) => {
            tracing::error!(error = %e, "the app state could not be built");
            eprintln!("Metadesk cannot start: {e}");
            std::process::exit(1);
        }
    };

    let builder = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(state)
        .setup(|app| {
            sandbox::resume_if_needed(app.handle());
            Ok(())
        })
        .on_window_event(|window, event| {
            if let WindowEvent::DragDrop(DragDropEvent::Drop { paths, .. }) = event {
                drop::handle_drop(window, paths.clone());
            }
        });

    // One list per build flavour: `generate_handler!` cannot take a `cfg` inside it.
    macro_rules! app_commands {
        ($($extra:path),*) => {
            tauri::generate_handler![
                commands::app::check_health,
                commands::connections::list_connections,
                commands::connections::import_pasted_json,
                commands::connections::choose_credential_files,
                commands::connections::complete_import,
                commands::connections::discard_import,
                commands::connections::preview_pending_choice,
                commands::connections::add_local_sdk,
                commands::connections::rename_connection,
                commands::connections::set_connection_url,
                commands::connections::set_connection_production,
                commands::connections::delete_connection,
                commands::sandbox::start_sandbox,
                commands::sandbox::sandbox_status,
                commands::tokens::test_connection,
                commands::tokens::connection_health,
                $($extra),*
            ]
        };
    }
    #[cfg(any(debug_assertions, feature = "e2e-hooks"))]
    let builder = builder.invoke_handler(app_commands![commands::e2e::e2e_simulate_drop]);
    #[cfg(not(any(debug_assertions, feature = "e2e-hooks")))]
    let builder = builder.invoke_handler(app_commands![]);

    if let Err(e) = builder.run(tauri::generate_context!()) {
        tracing::error!(error = %e, "the app stopped with an error");
        eprintln!("Metadesk stopped: {e}");
        std::process::exit(1);
    }
}
