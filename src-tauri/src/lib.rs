//! The Metadesk desktop shell: builds the state, registers the commands, routes window
//! events. Domain logic lives in `metadesk_core`; this crate only adapts it to Tauri.

mod blocking;
#[cfg(test)]
mod capabilities_tests;
mod commands;
mod dialogs;
mod drop;
mod ipc_error;
mod logging;
mod notify;
mod painting;
mod sandbox;
mod state;
mod thumbnail;
#[cfg(windows)]
mod webview2;
mod worded;

use std::sync::Arc;

use metadesk_core::app::Workspace;
use metadesk_core::dirs::{AppDirs, profile_name};
use metadesk_core::events::AppEvent;
use metadesk_core::secrets::KeyringStore;
use tauri::webview::PageLoadEvent;
use tauri::{DragDropEvent, Emitter, Manager, Runtime, WindowEvent};

use crate::state::AppState;

/// Starts the app. Exits with a message on stderr if the window system cannot start.
pub fn run() {
    // First, while this is the only thread: it may set WebKit's painting switch.
    let painting = painting::choose_painting();
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
    logging::init(&dirs.logs);
    tracing::info!(version = env!("CARGO_PKG_VERSION"), %profile, "Metadesk starting");
    match painting {
        Ok(painting::Painting::WebKit) => tracing::info!("web view painting left to WebKit"),
        // Only Linux paints on the CPU (painting.rs).
        #[cfg(any(target_os = "linux", test))]
        Ok(_) => tracing::info!(
            "web view tiles painted on the CPU ({}, set when the machine has no GPU or {} is off)",
            painting::WEBKIT_CPU_PAINTING,
            painting::PAINTING_ENV
        ),
        Err(e) => {
            tracing::warn!(error = %e, "could not restart to paint on the CPU; WebKit decides")
        }
    }

    let mut state = match Workspace::new(dirs, Arc::new(KeyringStore::new(profile))) {
        Ok(workspace) => AppState::new(workspace),
        Err(e) => {
            tracing::error!(error = %e, "the app state could not be built");
            eprintln!("Metadesk cannot start: {e}");
            std::process::exit(1);
        }
    };

    // Without the WebView2 Runtime Windows cannot draw the window: say so, rather than fail
    // without a word.
    #[cfg(windows)]
    if !webview2::runtime_found() {
        webview2::explain_missing(&state.localizer());
        std::process::exit(1);
    }

    // Read once, here: the E2E suite lowers it so its runs need not last 30 s.
    state.long_job = notify::long_job_from_env(std::env::var(notify::LONG_JOB_ENV).ok().as_deref());
    if state.long_job != notify::LONG_JOB {
        tracing::info!(
            secs = state.long_job.as_secs_f64(),
            "jobs longer than this send a desktop notification ({})",
            notify::LONG_JOB_ENV
        );
    }

    let builder = app(tauri::Builder::default(), state).setup(|app| {
        // Only the real window has these: the WebDriver tests' drop grant (test builds), the web
        // view's painting (WebKitGTK), and the sandbox's restart at start-up. The mock-runtime
        // suite builds `app()` without them.
        #[cfg(any(debug_assertions, feature = "e2e-hooks"))]
        app.add_capability(include_str!("../test-capabilities/e2e.json"))?;
        if let Some(window) = app.get_webview_window("main") {
            painting::apply_compositing(&window);
        }
        let state = app.state::<AppState>();
        sandbox::resume_if_needed(
            app.handle(),
            state.workspace.clone(),
            state.sandbox.clone(),
            state.localizer(),
        );
        Ok(())
    });

    if let Err(e) = builder.run(tauri::generate_context!()) {
        tracing::error!(error = %e, "the app stopped with an error");
        eprintln!("Metadesk stopped: {e}");
        std::process::exit(1);
    }
}

/// The app on any Tauri runtime: plugins, state, the `thumb:` protocol, window events and every
/// command. `run()` builds it on the real window system (Wry); the mock-runtime suite
/// (`commands/mock_runtime/`) on `tauri::test::mock_builder()`, with no window. What needs a real
/// window (the painting switch, WebView2's check, the e2e capability, the sandbox's restart at
/// start-up) is added by `run()` only.
pub fn app<R: Runtime>(builder: tauri::Builder<R>, state: AppState) -> tauri::Builder<R> {
    let builder = builder
        .plugin(tauri_plugin_dialog::init())
        // Sent from Rust only (no JS permission): "bulk edit finished" after a long run.
        .plugin(tauri_plugin_notification::init())
        .manage(state)
        .register_asynchronous_uri_scheme_protocol(thumbnail::SCHEME, thumbnail::handle)
        // In the log for support, and the footprint benchmark's "page ready" mark.
        .on_page_load(|_, payload| {
            if payload.event() == PageLoadEvent::Finished {
                tracing::info!("page loaded");
            }
        })
        .on_window_event(|window, event| match event {
            WindowEvent::DragDrop(DragDropEvent::Drop { paths, .. }) => {
                drop::handle_drop(window, paths.clone());
            }
            // Closing during a preview or apply asks first: the page offers to cancel the run
            // and close (`close_after_cancelling_run`).
            WindowEvent::CloseRequested { api, .. }
                if window
                    .state::<AppState>()
                    .workspace
                    .jobs()
                    .run_in_progress() =>
            {
                api.prevent_close();
                if let Err(e) = window.emit(AppEvent::CloseBlockedByRun.name(), ()) {
                    tracing::warn!(error = %e, "could not ask the window about the running job");
                }
            }
            _ => {}
        });

    // One list per build flavour: `generate_handler!` cannot take a `cfg` inside it.
    macro_rules! app_commands {
        ($($extra:path),*) => {
            tauri::generate_handler![
                commands::app::check_health,
                commands::app::language_settings,
                commands::app::set_language,
                commands::app::localized_csv_headers,
                commands::app::set_localized_csv_headers,
                commands::connections::list_connections,
                commands::connections::import_pasted_json,
                commands::connections::choose_credential_files,
                commands::connections::complete_import,
                commands::connections::discard_import,
                commands::connections::preview_pending_choice,
                commands::connections::add_local_sdk,
                commands::connections::rename_connection,
                commands::connections::set_connection_url,
                commands::connections::trust_connection_host,
                commands::connections::set_connection_production,
                commands::connections::set_paired_connection,
                commands::connections::delete_connection,
                commands::sandbox::start_sandbox,
                commands::sandbox::sandbox_status,
                commands::tokens::test_connection,
                commands::tokens::save_field_report,
                commands::tokens::connection_health,
                commands::bulk::list_folder,
                commands::bulk::list_folder_assets,
                commands::bulk::complete_folder_path,
                commands::scopes::check_folder,
                commands::scopes::run_scope,
                commands::scopes::check_form,
                commands::scopes::count_scope,
                commands::health::health_report,
                commands::health::preview_references,
                commands::upload::upload_drops,
                commands::upload::choose_upload_files,
                commands::upload::preview_upload,
                commands::upload::upload_report,
                commands::scopes::scope_query,
                commands::scopes::list_entries,
                commands::scopes::choose_list_file,
                commands::scopes::openapi_search_answers,
                commands::scopes::read_list_file,
                commands::scopes::saved_scopes,
                commands::scopes::save_scope,
                commands::scopes::delete_scope,
                commands::scopes::list_tags,
                commands::tags::count_tags,
                commands::tag_sheets::export_taxonomy,
                commands::tag_sheets::open_tag_import_run,
                commands::samples::rule_sample,
                commands::schemas::folder_schema,
                commands::schemas::schema_problems,
                commands::schemas::missing_metadata,
                commands::fragments::list_fragments,
                commands::publish::republished_to,
                commands::publish::republish_after,
                commands::bulk::preview,
                commands::bulk::preview_rows,
                commands::bulk::apply_run,
                commands::bulk::pause_run,
                commands::bulk::resume_run,
                commands::bulk::cancel_run,
                commands::bulk::list_runs,
                commands::bulk::run_summary,
                commands::bulk::report_rows,
                commands::bulk::run_folders,
                commands::bulk::export_report_csv,
                commands::bulk::close_after_cancelling_run,
                commands::console::console_endpoints,
                commands::console::console_schema,
                commands::console::console_graphql,
                commands::console::console_persisted,
                commands::console::console_run_persisted,
                commands::console::console_save_persisted,
                commands::console::console_request,
                commands::console::console_cancel,
                commands::console::console_curl,
                commands::console::console_history,
                commands::console::console_saved,
                commands::console::console_save_request,
                commands::console::console_delete_saved,
                commands::console::console_export,
                commands::sheets::export_sheet,
                commands::sheets::choose_sheet_file,
                commands::sheets::preview_sheet,
                commands::sheets::export_sheet_issues,
                commands::sheets::sheet_issues,
                $($extra),*
            ]
        };
    }
    #[cfg(any(debug_assertions, feature = "e2e-hooks"))]
    let builder = builder.invoke_handler(app_commands![commands::e2e::e2e_simulate_drop]);
    #[cfg(not(any(debug_assertions, feature = "e2e-hooks")))]
    let builder = builder.invoke_handler(app_commands![]);
    builder
}
