//! The seam between the HTTP client and whatever supplies credentials: minted IMS tokens
//! (renewed on demand), a development token used as is, or basic auth for a local SDK.

use std::future::Future;
use std::pin::Pin;

use time::OffsetDateTime;

use crate::aem::error::AemError;
use metadesk_base::i18n::Text;
use metadesk_credentials::secrets::Secret;

/// A boxed future, so `Authorizer` can be used as a trait object.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// What goes on one request to AEM.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RequestCredentials {
    /// `Authorization: Bearer {token}`, plus `X-Api-Key: {client id}` for OAuth
    /// Server-to-Server clients (the OpenAPI-based AEM APIs require it).
    Bearer {
        token: Secret,
        api_key: Option<String>,
    },
    /// `Authorization: Basic …` for a local AEM SDK.
    Basic { user: String, password: Secret },
}

/// Supplies credentials for a connection's requests.
pub trait Authorizer: Send + Sync {
    /// Credentials for the next request (a cached token when one is still good).
    fn credentials(&self) -> BoxFuture<'_, Result<RequestCredentials, AemError>>;

    /// AEM answered 401 to a request made with `rejected`: return fresh credentials.
    /// Implementations let concurrent callers that saw the same rejected token share one
    /// renewal, and fail with a plain-words reason when renewal is impossible.
    fn renew<'a>(
        &'a self,
        rejected: &'a RequestCredentials,
    ) -> BoxFuture<'a, Result<RequestCredentials, AemError>>;

    /// What the connections page shows about the token (time left, renewing, last failure).
    /// Credentials without a lifetime (basic auth) keep the default: nothing known.
    fn snapshot(&self) -> TokenSnapshot {
        TokenSnapshot::default()
    }

    /// Reads what is cached (e.g. a token kept in the keychain from the last run) without
    /// asking any server, so the status is right from the start.
    fn warm_up(&self) -> BoxFuture<'_, Result<(), AemError>> {
        Box::pin(async { Ok(()) })
    }

    /// The connection was deleted or changed and this authorizer is dropped from the registry:
    /// a token it is still obtaining must not be kept in the keychain (it would outlive the
    /// connection, or be reused for another address). Credentials with nothing cached: no-op.
    fn retire(&self) {}
}

/// The state of an authorizer's token at one moment, without the token itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TokenSnapshot {
    /// When the token in use stops working; `None` before the first one is obtained.
    pub expires_at: Option<OffsetDateTime>,
    /// A new token is being obtained right now.
    pub renewing: bool,
    /// Why the last attempt to obtain one failed, until one succeeds.
    pub last_error: Option<AemError>,
}

/// Credentials that cannot be renewed: a local development token or SDK basic auth. A 401
/// yields `when_rejected`, which tells the user what to do.
pub struct StaticAuthorizer {
    credentials: RequestCredentials,
    when_rejected: Text,
}

impl StaticAuthorizer {
    pub fn new(credentials: RequestCredentials, when_rejected: impl Into<Text>) -> Self {
        StaticAuthorizer {
            credentials,
            when_rejected: when_rejected.into(),
        }
    }
}

impl Authorizer for StaticAuthorizer {
    fn credentials(&self) -> BoxFuture<'_, Result<RequestCredentials, AemError>> {
        Box::pin(async move { Ok(self.credentials.clone()) })
    }

    fn renew<'a>(
        &'a self,
        _rejected: &'a RequestCredentials,
    ) -> BoxFuture<'a, Result<RequestCredentials, AemError>> {
        Box::pin(async move { Err(AemError::Auth(self.when_rejected.clone())) })
    }
}
