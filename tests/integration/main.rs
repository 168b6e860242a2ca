//! Cross-crate integration tests: `metadesk-core` against the real keychain and the sandbox.
//!
//! Tests that need the real Secret Service are `#[ignore]`d so a bare `cargo test` passes on a
//! machine without one; `scripts/test.sh` runs them with `--include-ignored` inside a private
//! D-Bus session with an unlocked GNOME Keyring.

mod bulk;
mod bulk_cli;
mod bulk_openapi;
mod bulk_support;
mod keychain;
