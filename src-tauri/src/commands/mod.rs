//! Tauri commands: adapters of a few lines over `metadesk_core`. Each returns
//! `Result<_, IpcError>`, the one error shape the UI sees.

pub mod app;
#[cfg(any(debug_assertions, feature = "e2e-hooks"))]
pub mod e2e;
