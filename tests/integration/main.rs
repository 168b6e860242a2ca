//! Cross-crate integration tests: `metadesk-core` against the real keychain and the sandbox.
//!
//! Tests that need the real Secret Service are `#[ignore]`d so a bare `cargo test` passes on a
//! machine without one; `scripts/test.sh` runs them with `--include-ignored` inside a private
//! D-Bus session with an unlocked GNOME Keyring.

// A test crate: failing fast on a broken fixture is the point.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod allows_cli;
mod bulk;
mod bulk_app;
mod bulk_batches;
mod bulk_changed_since;
mod bulk_cli;
mod bulk_cli_bounds;
mod bulk_cli_rules;
mod bulk_cli_stored;
mod bulk_openapi;
mod bulk_parameters;
mod bulk_support;
mod cli_process;
// A "French desktop" is `LANG=fr_FR.UTF-8` for the command line started by these tests: so on
// Linux only. Windows and macOS take the language from the system's settings
// (GetUserPreferredUILanguages, CFLocale), which a test cannot change for one process; there the
// French words are checked by the core's i18n tests.
#[cfg(all(unix, not(target_os = "macos")))]
mod cli_french;
mod connections;
#[cfg(all(unix, not(target_os = "macos")))]
mod connections_french;
mod console_cli;
mod failures_cli;
mod field_report_cli;
mod fragments_aem_cli;
mod fragments_cli;
mod fragments_listing_cli;
mod health_cli;
mod hosts_cli;
mod index_lag;
mod index_lag_cli;
mod keychain;
mod move_cli;
mod moves_client;
mod odd_paths_cli;
mod on_website;
mod open_folder;
mod open_search;
mod publish;
mod publish_cli;
mod publish_undo;
mod runs_cli;
mod sandbox_credentials;
mod schema_cli;
mod scopes;
mod scopes_cli;
mod sheet_batches;
mod sheet_cli;
mod small_folders;
mod sources;
mod tag_sheets_cli;
mod tag_step_cli;
mod tags_cli;
mod tags_import_cli;
mod tags_import_run_cli;
mod tags_import_undo_cli;
mod tags_rename_cli;
mod tokens;
mod undo_republish_cli;
mod upload_cli;
mod upload_run_cli;
mod upload_trust_cli;
mod upload_values_cli;
