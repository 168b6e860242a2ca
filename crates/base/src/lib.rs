//! Metadesk's foundations, used by every other layer: the error codes the window branches on,
//! the user's language, RFC 3339 times, the one retry policy, event names, where a secret may
//! be sent, and text as a spreadsheet shows it.
//!
//! Not here: anything that reads a file, the keychain or the network.

pub mod error_code;
pub mod events;
pub mod excel_csv;
pub mod i18n;
pub mod net;
pub mod retry;
pub mod spreadsheet;
pub mod timefmt;

#[cfg(any(test, feature = "test-support"))]
pub mod testing;
