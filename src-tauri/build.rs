fn main() {
    // Declaring the app's commands makes Tauri generate an `allow-<command>` permission for
    // each, so a command is callable only when `capabilities/` grants it.
    let manifest = tauri_build::AppManifest::new().commands(&["check_health", "e2e_simulate_drop"]);
    if let Err(e) = tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest)) {
        panic!("tauri build step failed: {e:#}");
    }
}
