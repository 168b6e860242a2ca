//! [`AemClient`]: the one way requests reach an AEM environment. It is bound to the
//! connection's origin: credentials are only ever attached to URLs on that origin, plain
//! `http` is refused except on loopback, redirects are never followed (so a token cannot be
//! forwarded to another host), and a 401 leads to one renewal and one retry.

use std::sync::Arc;
use std::time::Duration;

use reqwest::{Method, RequestBuilder, Response, StatusCode};
use url::Url;

use crate::aem::auth::{Authorizer, RequestCredentials};
use crate::aem::error::AemError;
use crate::net;

/// The process-wide HTTP client settings: no redirects (see module docs), bounded timeouts.
/// Build one and share it; reqwest clients pool connections.
pub fn build_http_client() -> Result<reqwest::Client, AemError> {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(Duration::from_secs(10))
        .timeout(Duration::from_secs(120))
        .user_agent(concat!("Metadesk/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| AemError::Unreachable {
            host: "-".into(),
            detail: e.to_string(),
        })
}

/// Refuses URLs a credential must not travel to (the rule lives in [`crate::net`]).
fn require_secure(url: &Url) -> Result<(), AemError> {
    net::require_secure(url).map_err(|reason| AemError::RefusedUrl(format!("{reason}.")))
}

fn same_origin(a: &Url, b: &Url) -> bool {
    a.scheme() == b.scheme()
        && a.host() == b.host()
        && a.port_or_known_default() == b.port_or_known_default()
}

/// An HTTP client for one AEM environment (one connection).
#[derive(Clone)]
pub struct AemClient {
    http: reqwest::Client,
    base: Url,
    auth: Arc<dyn Authorizer>,
}

impl AemClient {
    /// `base` is the author URL, e.g. `https://author-p1-e2.adobeaemcloud.com`.
    pub fn new(
        http: reqwest::Client,
        base: &str,
        auth: Arc<dyn Authorizer>,
    ) -> Result<Self, AemError> {
        let mut base = Url::parse(base.trim()).map_err(|e| {
            AemError::RefusedUrl(format!("\"{base}\" is not a valid address ({e})."))
        })?;
        require_secure(&base)?;
        base.set_path("/");
        base.set_query(None);
        base.set_fragment(None);
        Ok(AemClient { http, base, auth })
    }

    /// The author URL (origin only).
    pub fn base_url(&self) -> &Url {
        &self.base
    }

    /// Where this client's credentials come from (for "Test connection" and the status).
    pub fn authorizer(&self) -> &Arc<dyn Authorizer> {
        &self.auth
    }

    /// The host name shown to users ("author-p1-e2.adobeaemcloud.com").
    pub fn host(&self) -> String {
        self.base.host_str().unwrap_or_default().to_string()
    }

    /// A URL on this environment from an absolute path (`/api/assets/x.json?limit=5`).
    pub fn url(&self, path_and_query: &str) -> Result<Url, AemError> {
        if !path_and_query.starts_with('/') {
            return Err(AemError::RefusedUrl(format!(
                "\"{path_and_query}\" is not a path on AEM."
            )));
        }
        self.base.join(path_and_query).map_err(|e| {
            AemError::RefusedUrl(format!("\"{path_and_query}\" is not a valid path ({e})."))
        })
    }

    /// Checks that `url` (e.g. a `self` link from a listing) is on this environment; a token
    /// is never attached to another origin.
    pub fn check_url(&self, url: &Url) -> Result<(), AemError> {
        if same_origin(url, &self.base) {
            Ok(())
        } else {
            Err(AemError::RefusedUrl(format!(
                "Refused to send this connection's credentials to {url}: it is not {}.",
                self.base.origin().ascii_serialization()
            )))
        }
    }

    /// Sends `method url` with credentials; `build` adds headers and body and may be called
    /// twice (the retry after a 401 renewal). A second 401 is an [`AemError::Auth`].
    pub async fn send(
        &self,
        method: Method,
        url: Url,
        build: impl Fn(RequestBuilder) -> RequestBuilder,
    ) -> Result<Response, AemError> {
        self.check_url(&url)?;
        let credentials = self.auth.credentials().await?;
        let response = self.send_once(&method, &url, &credentials, &build).await?;
        if response.status() != StatusCode::UNAUTHORIZED {
            return Ok(response);
        }
        tracing::info!(%url, "AEM answered 401; renewing credentials and retrying once");
        let renewed = self.auth.renew(&credentials).await?;
        let retry = self.send_once(&method, &url, &renewed, &build).await?;
        if retry.status() == StatusCode::UNAUTHORIZED {
            return Err(AemError::Auth(format!(
                "{} refused the connection's credentials even after renewing them. The \
                 technical account or token may have been revoked; re-import the credential \
                 file, or check that it belongs to this environment.",
                self.host()
            )));
        }
        Ok(retry)
    }

    async fn send_once(
        &self,
        method: &Method,
        url: &Url,
        credentials: &RequestCredentials,
        build: &impl Fn(RequestBuilder) -> RequestBuilder,
    ) -> Result<Response, AemError> {
        let request = self.http.request(method.clone(), url.clone());
        let request = match credentials {
            RequestCredentials::Bearer { token, api_key } => {
                let request = request.bearer_auth(token.expose());
                match api_key {
                    Some(key) => request.header("X-Api-Key", key),
                    None => request,
                }
            }
            RequestCredentials::Basic { user, password } => {
                request.basic_auth(user, Some(password.expose()))
            }
        };
        build(request)
            .send()
            .await
            .map_err(|e| network_error(&self.host(), &e))
    }
}

/// Words for a transport failure. reqwest's text never contains our headers or tokens.
pub fn network_error(host: &str, err: &reqwest::Error) -> AemError {
    tracing::warn!(%host, error = %err, "request failed before an answer");
    if err.is_timeout() {
        AemError::Timeout {
            host: host.to_string(),
        }
    } else {
        let mut detail = err.to_string();
        let mut source = std::error::Error::source(err);
        while let Some(inner) = source {
            detail = inner.to_string();
            source = inner.source();
        }
        AemError::Unreachable {
            host: host.to_string(),
            detail,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aem::auth::StaticAuthorizer;
    use crate::secrets::Secret;

    fn client(base: &str) -> Result<AemClient, AemError> {
        let auth = StaticAuthorizer::new(
            RequestCredentials::Bearer {
                token: Secret::new("t"),
                api_key: None,
            },
            "get a new token",
        );
        AemClient::new(reqwest::Client::new(), base, Arc::new(auth))
    }

    #[test]
    fn https_is_required_except_on_loopback() {
        assert!(client("https://author-p1-e2.adobeaemcloud.com").is_ok());
        assert!(client("http://localhost:4502").is_ok());
        assert!(client("http://127.0.0.1:4502").is_ok());
        assert!(client("http://[::1]:4502").is_ok());
        let err = client("http://author-p1-e2.adobeaemcloud.com")
            .err()
            .unwrap();
        assert!(err.to_string().contains("plain http"), "{err}");
        assert!(client("ftp://example.com").is_err());
        assert!(client("not a url").is_err());
    }

    #[test]
    fn credentials_stay_on_the_connection_origin() {
        let c = client("https://author-p1-e2.adobeaemcloud.com/some/path?x=1").unwrap();
        assert_eq!(
            c.base_url().as_str(),
            "https://author-p1-e2.adobeaemcloud.com/"
        );
        let own = c.url("/api/assets/a.json?limit=2").unwrap();
        assert!(c.check_url(&own).is_ok());
        for other in [
            "https://evil.example.com/api/assets.json",
            "http://author-p1-e2.adobeaemcloud.com/api/assets.json",
            "https://author-p1-e2.adobeaemcloud.com:8443/api/assets.json",
            "https://author-p1-e3.adobeaemcloud.com/api/assets.json",
        ] {
            let err = c.check_url(&Url::parse(other).unwrap()).unwrap_err();
            assert!(err.to_string().contains("Refused"), "{other}: {err}");
        }
        assert!(
            c.url("//evil.example.com/x")
                .map(|u| c.check_url(&u).is_err())
                .unwrap_or(true)
        );
        assert!(c.url("api/assets.json").is_err());
    }
}
