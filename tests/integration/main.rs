//! Cross-crate integration tests: `metadesk-core` against the real keychain and the sandbox.
//!
//! Tests that need the real Secret Service are `#[ignore]`d so a bare `cargo test` passes on a
//! machine without one; `scripts/test.sh` runs them with `--include-ignored` inside a private
//! D-Bus session with an unlocked GNOME Keyring.

// A test crate: failing fast on a broken fixture is the point.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod bulk;
mod bulk_app;
mod bulk_changed_since;
mod bulk_cli;
mod bulk_cli_stored;
mod bulk_openapi;
mod bulk_support;
mod cli_french;
mod connections;
mod connections_french;
mod console_cli;
mod keychain;
mod open_folder;
mod open_search;
mod sandbox_credentials;
mod scopes;
mod scopes_cli;
mod sheet_cli;
mod tokens;
