//! Metadesk's use cases: the [`app::Workspace`] every face drives (import a credential, open a
//! connection, count and preview a scope, apply, undo, sheets, the API console…), and the
//! TypeScript bindings of what crosses to the window.
//!
//! The layers below are crates of their own, so Cargo refuses an upward or circular dependency
//! (ARCHITECTURE.md). They are re-exported here under their module names, so the window, the
//! CLI, the bench and the tests depend on this crate alone.
//!
//! Deliberately not here: anything that depends on Tauri or a window. The desktop shell
//! (`src-tauri`) and the CLI (`crates/cli`) are thin faces over this crate, so everything here
//! is tested with plain `cargo test`.

pub mod app;
pub mod bindings;

pub use metadesk_assets as assets;
pub use metadesk_base::{error_code, events, excel_csv, i18n, net, retry, spreadsheet, timefmt};
pub use metadesk_bulk as bulk;
pub use metadesk_clients::{Error, ErrorCode, aem, error, ims};
pub use metadesk_console as console;
pub use metadesk_credentials::{credentials, secrets};
pub use metadesk_sheets as sheets;
pub use metadesk_store::{connections, dirs, file_names, health, thumbnails};

#[cfg(any(test, feature = "test-support"))]
pub use metadesk_base::testing;
