//! The keychain and the credential files people drop: the [`secrets::Secret`] type that refuses
//! to leak, the OS keychain behind [`secrets::SecretStore`], and recognising and validating a
//! credential file before anything is stored.
//!
//! Not here: tokens (`metadesk_clients::ims`) or the connection store (`metadesk_store`).

pub mod credentials;
pub mod regular_file;
pub mod secrets;
