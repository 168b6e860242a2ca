//! [`AemClient`]: the one way requests reach an AEM environment. It is bound to the
//! connection's origin: credentials are only ever attached to URLs on that origin, plain
//! `http` is refused except on loopback, redirects are never followed (so a token cannot be
//! forwarded to another host), and a 401 leads to one renewal and one retry.

use std::sync::Arc;
use std::time::Duration;

use hyper_util::client::proxy::matcher::Matcher;
use reqwest::{Method, RequestBuilder, Response, StatusCode};
use url::Url;

use crate::aem::auth::{Authorizer, RequestCredentials};
use crate::aem::error::AemError;
use metadesk_base::i18n::{Text, controls_shown};
use metadesk_base::net;

/// The longest one part's transfer to storage may take, however steadily it goes.
const STORAGE_TRANSFER_MOST: Duration = Duration::from_secs(24 * 60 * 60);

/// The process-wide HTTP client settings: no redirects (see module docs), bounded timeouts,
/// the environment's proxy for everything but loopback. Every client Metadesk sends requests
/// with is built here. Build one and share it; reqwest clients pool connections.
pub fn build_http_client() -> Result<reqwest::Client, AemError> {
    build_http_client_with_proxies(Matcher::from_system())
}

/// [`build_http_client`] with the given proxy settings in place of the environment's.
///
/// A request to loopback (a local AEM SDK, the sandbox, a local IMS) never goes through a
/// proxy, whatever `HTTP_PROXY`/`NO_PROXY` say: its credentials (the SDK's password, a token)
/// would otherwise reach the proxy, and a proxy cannot reach this computer's loopback anyway.
/// Other requests use the proxy reqwest would use by itself (the same `hyper-util` matcher).
fn build_http_client_with_proxies(proxies: Matcher) -> Result<reqwest::Client, AemError> {
    reqwest::Client::builder()
        .proxy(reqwest::Proxy::custom(move |url| proxy_for(&proxies, url)))
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

/// The proxy `url` goes through: none for loopback, else what `proxies` say, with the proxy's
/// user and password put back into its address (the matcher keeps them apart).
fn proxy_for(proxies: &Matcher, url: &Url) -> Option<Url> {
    if url.host().is_none_or(|host| net::is_loopback(&host)) {
        return None;
    }
    let uri: http::Uri = url.as_str().parse().ok()?;
    let intercept = proxies.intercept(&uri)?;
    let mut proxy = Url::parse(&intercept.uri().to_string()).ok()?;
    let credentials = match (intercept.raw_auth(), intercept.basic_auth()) {
        (Some((user, password)), _) => Some((user.to_owned(), password.to_owned())),
        (None, Some(header)) => basic_credentials(header.to_str().ok()?),
        (None, None) => None,
    };
    if let Some((user, password)) = credentials {
        proxy.set_username(&user).ok()?;
        proxy.set_password(Some(&password)).ok()?;
    }
    Some(proxy)
}

/// `Basic base64(user:password)` → (user, password).
fn basic_credentials(header: &str) -> Option<(String, String)> {
    use base64::Engine as _;
    let encoded = header.strip_prefix("Basic ")?;
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .ok()?;
    let text = String::from_utf8(decoded).ok()?;
    let (user, password) = text.split_once(':')?;
    Some((user.to_owned(), password.to_owned()))
}

/// Refuses URLs a credential must not travel to (the rule lives in [`metadesk_base::net`]).
fn require_secure(url: &Url) -> Result<(), AemError> {
    net::require_secure(url)
        .map_err(|problem| AemError::RefusedUrl(Text::new("aem-url-refused", problem.parts())))
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
            AemError::RefusedUrl(Text::new(
                "aem-bad-address",
                vec![("address", base.into()), ("detail", e.to_string().into())],
            ))
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
    /// Refused when it holds a control character: the URL parser drops a tab, LF or CR, so
    /// `.\t.` would reach AEM as `..`, another node than the one written.
    pub fn url(&self, path_and_query: &str) -> Result<Url, AemError> {
        if !path_and_query.starts_with('/') {
            return Err(AemError::RefusedUrl(Text::new(
                "aem-not-a-path",
                vec![("path", path_and_query.into())],
            )));
        }
        if path_and_query.chars().any(char::is_control) {
            return Err(AemError::RefusedUrl(Text::new(
                "aem-path-control-character",
                vec![("path", controls_shown(path_and_query).into())],
            )));
        }
        self.base.join(path_and_query).map_err(|e| {
            AemError::RefusedUrl(Text::new(
                "aem-bad-path",
                vec![
                    ("path", path_and_query.into()),
                    ("detail", e.to_string().into()),
                ],
            ))
        })
    }

    /// Checks that `url` (e.g. a `self` link from a listing) is on this environment; a token
    /// is never attached to another origin.
    pub fn check_url(&self, url: &Url) -> Result<(), AemError> {
        if same_origin(url, &self.base) {
            Ok(())
        } else {
            Err(AemError::RefusedUrl(Text::new(
                "aem-other-origin",
                vec![
                    ("url", url.as_str().into()),
                    ("origin", self.base.origin().ascii_serialization().into()),
                ],
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
            return Err(AemError::Auth(Text::new(
                "aem-refused-after-renewal",
                vec![("host", self.host().into())],
            )));
        }
        Ok(retry)
    }

    /// `PUT`s `body` (`length` bytes of type `content_type`, as Adobe's clients send a part)
    /// to a pre-signed storage URL AEM handed out (a part of a direct binary upload): cloud
    /// storage, another host than AEM, so the request carries no credential and no AEM header,
    /// ever; and only over `https` (plain `http` on this computer only, the sandbox's storage).
    ///
    /// No limit on the whole request: a large part on a slow link takes as long as it takes.
    /// The caller ends a transfer that has stalled (no bytes for a while), as Adobe's clients
    /// do with their socket timeout.
    pub async fn put_to_storage(
        &self,
        url: &Url,
        body: reqwest::Body,
        length: u64,
        content_type: &str,
    ) -> Result<Response, AemError> {
        require_secure(url)?;
        let host = url.host_str().unwrap_or_default().to_owned();
        self.http
            .put(url.clone())
            // Overrides the client's whole-request limit; a day bounds a transfer that never
            // stalls but never ends either.
            .timeout(STORAGE_TRANSFER_MOST)
            .header(reqwest::header::CONTENT_LENGTH, length)
            .header(reqwest::header::CONTENT_TYPE, content_type)
            .body(body)
            .send()
            .await
            .map_err(|e| network_error(&host, &e))
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
    use metadesk_credentials::secrets::Secret;

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

    /// With a proxy set for everything (as `HTTP_PROXY`/`ALL_PROXY` would), loopback requests
    /// still go straight to loopback; others go to the proxy, with its user and password.
    #[tokio::test]
    async fn loopback_requests_never_go_through_a_proxy() {
        use crate::ims::testing::{Scripted, ScriptedServer};
        let ok = || Scripted::json(200, serde_json::json!({}));
        let proxy = ScriptedServer::start(vec![ok(), ok()]).await;
        let target = ScriptedServer::start(vec![ok(), ok()]).await;
        let proxy_address = proxy.base.replace("http://", "http://who:pa%20ss@");
        let http =
            build_http_client_with_proxies(Matcher::builder().all(proxy_address).build()).unwrap();
        let port = Url::parse(&target.base).unwrap().port().unwrap();
        for direct in [target.base.clone(), format!("http://localhost:{port}/x")] {
            let answer = http.get(&direct).send().await.unwrap();
            assert_eq!(answer.status(), 200, "{direct}");
        }
        assert_eq!(target.received().len(), 2);
        assert!(proxy.received().is_empty(), "{:?}", proxy.received());
        // Not loopback: through the proxy (which answers itself; nothing leaves this computer).
        let answer = http
            .get("http://metadesk.invalid/over-the-proxy")
            .send()
            .await
            .unwrap();
        assert_eq!(answer.status(), 200);
        let received = proxy.received();
        assert_eq!(received.len(), 1);
        assert_eq!(
            received[0].request_line,
            "GET http://metadesk.invalid/over-the-proxy HTTP/1.1"
        );
    }

    /// Each address the client refuses is told in the reader's language, the English kept for
    /// the log.
    #[test]
    fn refused_addresses_read_in_the_readers_language() {
        use metadesk_base::i18n::checks::assert_reads_french;
        use metadesk_base::i18n::{Lang, Localizer};
        let good = client("https://author-p1-e2.adobeaemcloud.com").unwrap();
        let elsewhere = Url::parse("https://elsewhere.example/api").unwrap();
        let refusals = [
            (
                client("http://author-p1-e2.adobeaemcloud.com")
                    .err()
                    .unwrap(),
                "\"http://author-p1-e2.adobeaemcloud.com/\" uses plain http",
                "«\u{a0}http://author-p1-e2.adobeaemcloud.com/\u{a0}» utilise",
            ),
            (
                client("not an address").err().unwrap(),
                "\"not an address\" is not a valid address (",
                "«\u{a0}not an address\u{a0}» n’est pas une adresse valide (",
            ),
            (
                good.url("api/assets.json").unwrap_err(),
                "\"api/assets.json\" is not a path on AEM.",
                "«\u{a0}api/assets.json\u{a0}» n’est pas un chemin sur AEM.",
            ),
            (
                good.check_url(&elsewhere).unwrap_err(),
                "Refused to send this connection's credentials to https://elsewhere.example/api",
                "Envoi des identifiants de cette connexion à https://elsewhere.example/api refusé",
            ),
        ];
        let fr = Localizer::new(Lang::Fr);
        for (err, en, in_french) in refusals {
            assert!(matches!(err, AemError::RefusedUrl(_)), "{err:?}");
            assert!(err.to_string().contains(en), "{err}");
            let words = err.localized(&fr);
            assert!(words.contains(in_french), "{words}");
            // The address as given is the user's own text, not English.
            assert_reads_french(&words.replace("not an address", "x"));
        }
    }

    #[test]
    fn proxy_credentials_are_read_back_from_basic_auth() {
        assert_eq!(
            basic_credentials("Basic d2hvOnBhIHNzOng="),
            Some(("who".into(), "pa ss:x".into()))
        );
        assert_eq!(basic_credentials("Bearer x"), None);
    }

    #[tokio::test]
    async fn storage_urls_are_https_or_this_computer_only() {
        let aem = client("https://author-p1-e2.adobeaemcloud.com").unwrap();
        let plain = Url::parse("http://blob.example.net/part?sig=x").unwrap();
        assert!(matches!(
            aem.put_to_storage(&plain, vec![1].into(), 1, "image/jpeg")
                .await,
            Err(AemError::RefusedUrl(_))
        ));
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

    /// Seen failing without the check: the parser dropped the tab, so `/conf/a/.\t./b.json`
    /// became `/conf/b.json`, a node the caller never named (the console's persisted queries
    /// build their paths from what the user types).
    #[test]
    fn a_path_holding_a_control_character_builds_no_url() {
        let c = client("http://127.0.0.1:4502").unwrap();
        for path in [
            "/conf/a/.\t./b.json",
            "/graphql/persist.json/a/.\n./b",
            "/x\ry",
            "/x\u{7f}",
        ] {
            let err = c.url(path).unwrap_err();
            assert!(
                err.to_string().contains("holds a control character"),
                "{path:?}: {err}"
            );
        }
        assert_eq!(
            c.url("/conf/a/.\t./b.json").unwrap_err().to_string(),
            "/conf/a/.\\t./b.json holds a control character (a tab or a line break, shown as \\t \
             or \\n): Metadesk sends no such path to AEM, which would read it as another one."
        );
    }
}
