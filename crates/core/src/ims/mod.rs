//! Adobe IMS access tokens for AEM connections: minting (JWT exchange for AEM Service
//! Credentials, client credentials for OAuth Server-to-Server), the keychain cache, silent
//! renewal with one exchange in flight per connection, development-token expiry, and the
//! status shown on the connections page.
//!
//! Not here: parsing credential files or storing connections (`credentials`, `connections`),
//! and the HTTP client that uses the tokens ([`crate::aem::AemClient`]); the bridge between
//! the two is [`manager::TokenManager`], an [`crate::aem::Authorizer`].

pub mod cache;
pub mod clock;
pub mod dev_token;
pub mod errors;
pub mod exchange;
pub mod jwt;
pub mod manager;
pub mod oauth;
pub mod status;
#[cfg(test)]
pub(crate) mod testing;

use url::Url;

use crate::aem::client::require_secure;

pub use crate::retry::RetryPolicy;
pub use cache::{CachedToken, TokenCache, access_token_key};
pub use clock::Clock;
pub use dev_token::DevTokenAuthorizer;
pub use errors::ImsError;
pub use exchange::{ImsHttp, MintedToken};
pub use jwt::ServiceAccount;
pub use manager::{TokenManager, TokenManagerConfig, TokenSource};
pub use oauth::OAuthClient;
pub use status::{ConnectionHealth, TokenStatus, connection_health};

/// The IMS origin of a connection, e.g. `https://ims-na1.adobelogin.com`.
///
/// Token requests, the JWT `aud` and the metascope claim names all use this one origin:
/// IMS refuses an `aud` naming another IMS environment (adobe-wire §8.3).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImsBase(Url);

impl ImsBase {
    /// Reads `imsEndpoint` as the project does: a bare host means `https://{host}`; a value
    /// with a scheme is used as written; plain `http` only for this computer (the sandbox).
    pub fn parse(endpoint: &str) -> Result<Self, ImsError> {
        let text = endpoint.trim().trim_end_matches('/');
        if text.is_empty() {
            return Err(ImsError::InvalidCredential(
                "The credential has no IMS address (imsEndpoint).".into(),
            ));
        }
        let with_scheme = if text.contains("://") {
            text.to_string()
        } else {
            format!("https://{text}")
        };
        let url = Url::parse(&with_scheme).map_err(|e| {
            ImsError::InvalidCredential(format!(
                "The IMS address \"{endpoint}\" is not a valid host name or URL ({e})."
            ))
        })?;
        if url.path() != "/" || url.query().is_some() || url.fragment().is_some() {
            return Err(ImsError::InvalidCredential(format!(
                "The IMS address \"{endpoint}\" must be a host name such as \
                 ims-na1.adobelogin.com, without a path."
            )));
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(ImsError::InvalidCredential(format!(
                "The IMS address \"{endpoint}\" must not contain a user name or password."
            )));
        }
        require_secure(&url).map_err(|e| ImsError::InvalidCredential(e.to_string()))?;
        Ok(ImsBase(url))
    }

    /// `scheme://host[:port]`, with no trailing slash: the prefix of `aud` and metascopes.
    pub fn origin(&self) -> String {
        self.0.origin().ascii_serialization()
    }

    /// The host name shown in messages.
    pub fn host(&self) -> String {
        self.0.host_str().unwrap_or_default().to_string()
    }

    /// An endpoint on this IMS, e.g. `/ims/exchange/jwt`.
    pub fn endpoint(&self, path: &str) -> Result<Url, ImsError> {
        self.0
            .join(path)
            .map_err(|e| ImsError::InvalidCredential(format!("bad IMS path {path}: {e}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_hosts_mean_https() {
        let base = ImsBase::parse("ims-na1.adobelogin.com").unwrap();
        assert_eq!(base.origin(), "https://ims-na1.adobelogin.com");
        assert_eq!(base.host(), "ims-na1.adobelogin.com");
        assert_eq!(
            base.endpoint("/ims/exchange/jwt").unwrap().as_str(),
            "https://ims-na1.adobelogin.com/ims/exchange/jwt"
        );
        assert_eq!(
            ImsBase::parse(" https://ims-na1-stg1.adobelogin.com/ ")
                .unwrap()
                .origin(),
            "https://ims-na1-stg1.adobelogin.com"
        );
    }

    #[test]
    fn loopback_may_use_http_with_a_port() {
        let base = ImsBase::parse("http://127.0.0.1:4555").unwrap();
        assert_eq!(base.origin(), "http://127.0.0.1:4555");
        assert!(ImsBase::parse("http://localhost:4555").is_ok());
    }

    #[test]
    fn bad_ims_addresses_are_refused_with_a_reason() {
        let cases = [
            ("", "no IMS address"),
            ("   ", "no IMS address"),
            ("http://ims-na1.adobelogin.com", "plain http"),
            ("https://ims-na1.adobelogin.com/ims/token", "without a path"),
            ("https://ims-na1.adobelogin.com?x=1", "without a path"),
            (
                "https://user:pw@ims-na1.adobelogin.com",
                "user name or password",
            ),
            ("ims na1", "not a valid host name"),
            ("ftp://ims-na1.adobelogin.com", "not a web address"),
        ];
        for (input, expected) in cases {
            let err = ImsBase::parse(input).unwrap_err();
            assert!(err.to_string().contains(expected), "{input:?}: {err}");
        }
    }
}
