//! Metadesk's core: everything that is not UI.
//!
//! Lives here: the error type that crosses to the UI, the secret store (OS keychain), the
//! app's directories and start-up health checks, and (as they land) credential parsing, IMS
//! tokens, AEM clients, the bulk engine and its journal.
//!
//! Deliberately not here: anything that depends on Tauri or a window. The desktop shell
//! (`src-tauri`) and the CLI (`crates/cli`) are thin faces over this crate, so everything here
//! is tested with plain `cargo test`.

pub mod aem;
pub mod app;
pub mod assets;
pub mod bindings;
pub mod bulk;
pub mod connections;
pub mod console;
pub mod credentials;
pub mod dirs;
pub mod error;
pub mod error_code;
pub mod events;
pub mod excel_csv;
pub mod file_names;
pub mod health;
pub mod i18n;
pub mod ims;
mod lock_file;
pub mod net;
pub mod retry;
pub mod secrets;
pub mod sheets;
pub mod spreadsheet;
pub mod thumbnails;
pub mod timefmt;

pub use error::{Error, ErrorCode};

#[cfg(any(test, feature = "test-support"))]
pub mod testing;

#[cfg(test)]
mod layers;
