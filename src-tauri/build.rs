fn main() {
    // Declaring the app's commands makes Tauri generate an `allow-<command>` permission for
    // each, so a command is callable only when `capabilities/` grants it.
    let manifest = tauri_build::AppManifest::new().commands(&[
        "check_health",
        "list_connections",
        "import_pasted_json",
        "choose_credential_files",
        "complete_import",
        "discard_import",
        "preview_pending_choice",
        "add_local_sdk",
        "rename_connection",
        "set_connection_url",
        "set_connection_production",
        "delete_connection",
        "start_sandbox",
        "sandbox_status",
        "test_connection",
        "connection_health",
        "list_folder",
        "complete_folder_path",
        "count_scope",
        "preview_run",
        "preview_undo",
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
        "e2e_simulate_drop",
    ]);
    if let Err(e) = tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest)) {
        panic!("tauri build step failed: {e:#}");
    }
}
