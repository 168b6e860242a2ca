fn main() {
    // Declaring the app's commands makes Tauri generate an `allow-<command>` permission for
    // each, so a command is callable only when `capabilities/` grants it.
    let commands = [
        "check_health",
        "language_settings",
        "set_language",
        "localized_csv_headers",
        "set_localized_csv_headers",
        "list_connections",
        "import_pasted_json",
        "choose_credential_files",
        "complete_import",
        "discard_import",
        "preview_pending_choice",
        "add_local_sdk",
        "rename_connection",
        "set_connection_url",
        "trust_connection_host",
        "set_connection_production",
        "set_paired_connection",
        "delete_connection",
        "start_sandbox",
        "sandbox_status",
        "test_connection",
        "connection_health",
        "list_folder",
        "list_folder_assets",
        "complete_folder_path",
        "check_folder",
        "run_scope",
        "check_form",
        "count_scope",
        "scope_query",
        "list_entries",
        "choose_list_file",
        "read_list_file",
        "openapi_search_answers",
        "saved_scopes",
        "save_scope",
        "delete_scope",
        "list_tags",
        "rule_sample",
        "folder_schema",
        "schema_problems",
        "missing_metadata",
        "preview_run",
        "preview_undo",
        "list_fragments",
        "preview_fragments",
        "preview_publish",
        "preview_republish",
        "republished_to",
        "preview_retry",
        "preview_rows",
        "apply_run",
        "pause_run",
        "resume_run",
        "cancel_run",
        "list_runs",
        "run_summary",
        "report_rows",
        "export_report_csv",
        "close_after_cancelling_run",
        "console_endpoints",
        "console_schema",
        "console_graphql",
        "console_persisted",
        "console_run_persisted",
        "console_save_persisted",
        "console_request",
        "console_cancel",
        "console_curl",
        "console_history",
        "console_saved",
        "console_save_request",
        "console_delete_saved",
        "console_export",
        "export_sheet",
        "choose_sheet_file",
        "preview_sheet",
        "export_sheet_issues",
        "sheet_issues",
    ];
    // The WebDriver tests' drop exists only in test builds (debug, or `--features e2e-hooks`),
    // as in lib.rs; its permission too, granted by test-capabilities/e2e.json in those builds.
    let test_build = std::env::var_os("CARGO_CFG_DEBUG_ASSERTIONS").is_some()
        || std::env::var_os("CARGO_FEATURE_E2E_HOOKS").is_some();
    let mut commands = commands.to_vec();
    if test_build {
        commands.push("e2e_simulate_drop");
    }
    // The manifest keeps the list for the whole (short) run of this build script.
    let commands: &'static [&'static str] = Box::leak(commands.into_boxed_slice());
    let manifest = tauri_build::AppManifest::new().commands(commands);
    if let Err(e) = tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest)) {
        panic!("tauri build step failed: {e:#}");
    }
}
