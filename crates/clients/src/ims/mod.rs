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
#[cfg(any(test, feature = "test-support"))]
pub mod testing;

use url::Url;

use metadesk_base::i18n::{Part, Text};
use metadesk_base::net;

pub use cache::{CachedToken, TokenCache, access_token_key};
pub use clock::Clock;
pub use dev_token::DevTokenAuthorizer;
pub use errors::ImsError;
pub use exchange::{ImsHttp, MintedToken};
pub use jwt::ServiceAccount;
pub use manager::{TokenManager, TokenManagerConfig, TokenSource};
pub use metadesk_base::retry::RetryPolicy;
pub use oauth::OAuthClient;
pub use status::{ConnectionHealth, TokenStatus, connection_health};

/// The IMS origin of a connection, e.g. `https://ims-na1.adobelogin.com`.
///
/// Token requests, the JWT `aud` and the metascope claim names all use this one origin:
/// IMS refuses an `aud` naming another IMS environment
/// (<https://github.com/adobe-apiplatform/umapi-documentation/blob/HEAD/docs/api/ConnectAPIRef.md>).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImsBase(Url);

impl ImsBase {
    /// Reads an IMS address as the project does (a bare host means `https://{host}`) and
    /// refuses any that may not receive secrets: only `https` on Adobe's IMS hosts, or this
    /// computer (the sandbox). See [`metadesk_base::net::ims_origin`].
    pub fn parse(endpoint: &str) -> Result<Self, ImsError> {
        net::ims_origin(endpoint).map(ImsBase).map_err(|reason| {
            ImsError::InvalidCredential(Text::new("error-ims-address", reason.parts()))
        })
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
        self.0.join(path).map_err(|e| {
            ImsError::InvalidCredential(Text::Plain(format!("bad IMS path {path}: {e}")))
        })
    }
}

/// Fields a credential lacks (`credential-field` keys), as a list argument.
pub(crate) fn missing_fields(fields: &[&'static str]) -> Part {
    Part::List(
        fields
            .iter()
            .map(|field| Text::new("ims-missing-field", vec![("field", (*field).into())]))
            .collect(),
    )
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
            ("https://ims.example.com", "is not Adobe IMS"),
            ("https://adobelogin.com.evil.test", "is not Adobe IMS"),
        ];
        for (input, expected) in cases {
            let err = ImsBase::parse(input).unwrap_err();
            assert!(err.to_string().contains(expected), "{input:?}: {err}");
        }
    }
}
