//! Talking to one AEM environment: the authorised HTTP client bound to a connection's host
//! ([`client::AemClient`]) and the seam through which it gets credentials
//! ([`auth::Authorizer`]).
//!
//! Not here: how tokens are minted and cached (the IMS module implements `Authorizer`), nor
//! what the calls mean (the Assets API clients and the bulk engine build on `AemClient`).

pub mod allows;
pub mod auth;
pub mod body;
pub mod client;
pub mod connection_check;
pub mod error;
pub mod said;

pub use auth::{Authorizer, RequestCredentials, StaticAuthorizer, TokenSnapshot};
pub use client::AemClient;
pub use connection_check::{ConnectionTestReport, test_connection};
pub use error::AemError;
