//! The two token requests on the wire, with retries: `POST {ims}/ims/exchange/jwt` (form
//! `client_id`, `client_secret`, `jwt_token`; `expires_in` in **milliseconds**) and
//! `POST {ims}/ims/token/v3` (`grant_type=client_credentials`, comma-joined `scope`;
//! `expires_in` in **seconds**) — <https://github.com/adobe/aemcs-api-client-lib>,
//! <https://experienceleague.adobe.com/en/docs/experience-platform/tags/api/getting-started>,
//! <https://developer.adobe.com/developer-console/docs/guides/authentication/ServerToServerAuthentication/ims>.
//!
//! Not here: when to mint (`manager`) or where tokens are kept (`cache`). Request bodies hold
//! secrets and are never logged; refusals are logged raw (IMS echoes none of our secrets);
//! successful answers hold the token and are never logged.

use std::time::Duration;

use reqwest::StatusCode;
use serde_json::Value;

use crate::aem::body::{MAX_IMS_BODY, read_capped};
use crate::ims::ImsBase;
use crate::ims::clock::Clock;
use crate::ims::errors::{ImsError, ImsErrorBody, RequestContext, classify_refusal};
use crate::ims::jwt::ServiceAccount;
use crate::ims::oauth::OAuthClient;
use metadesk_base::i18n::{Part, Text};
use metadesk_base::retry::{RetryPolicy, is_retryable_status, parse_retry_after};
use metadesk_credentials::secrets::Secret;

/// The unit IMS uses for `expires_in` on an endpoint (milliseconds for the JWT exchange,
/// seconds for `/ims/token/v3`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExpiresUnit {
    Milliseconds,
    Seconds,
}

/// A token fresh from IMS.
#[derive(Debug, Clone)]
pub struct MintedToken {
    pub access_token: Secret,
    /// How long IMS says it lives, from the moment it answered.
    pub lifetime: Duration,
}

/// Sends token requests to IMS. Cheap to clone (reqwest pools connections).
#[derive(Debug, Clone)]
pub struct ImsHttp {
    http: reqwest::Client,
    retry: RetryPolicy,
    timeout: Duration,
    clock: Clock,
}

impl ImsHttp {
    /// `http` must not follow redirects ([`crate::aem::client::build_http_client`]).
    pub fn new(http: reqwest::Client, retry: RetryPolicy, clock: Clock) -> Self {
        ImsHttp {
            http,
            retry,
            timeout: Duration::from_secs(30),
            clock,
        }
    }

    /// Service Credentials → access token, via a freshly signed JWT.
    pub async fn exchange_jwt(&self, account: &ServiceAccount) -> Result<MintedToken, ImsError> {
        let jwt = account.signed_jwt(self.clock.now())?;
        let ctx = RequestContext {
            client_id: account.client_id.trim().to_string(),
            scopes: account.metascope_names().join(","),
        };
        let form = [
            ("client_id", account.client_id.trim()),
            ("client_secret", account.client_secret.expose().trim()),
            ("jwt_token", jwt.expose()),
        ];
        self.post_form(
            &account.ims_base,
            "/ims/exchange/jwt",
            &form,
            ExpiresUnit::Milliseconds,
            &ctx,
        )
        .await
    }

    /// OAuth Server-to-Server client credentials → access token.
    pub async fn client_credentials(&self, client: &OAuthClient) -> Result<MintedToken, ImsError> {
        client.validate()?;
        let scope = client.scope();
        let ctx = RequestContext {
            client_id: client.client_id.trim().to_string(),
            scopes: scope.clone(),
        };
        let form = [
            ("grant_type", "client_credentials"),
            ("client_id", client.client_id.trim()),
            ("client_secret", client.client_secret.expose().trim()),
            ("scope", scope.as_str()),
        ];
        self.post_form(
            &client.ims_base,
            "/ims/token/v3",
            &form,
            ExpiresUnit::Seconds,
            &ctx,
        )
        .await
    }

    async fn post_form(
        &self,
        base: &ImsBase,
        path: &str,
        form: &[(&str, &str)],
        unit: ExpiresUnit,
        ctx: &RequestContext,
    ) -> Result<MintedToken, ImsError> {
        let url = base.endpoint(path)?;
        let host = base.host();
        let mut attempt: u32 = 0;
        loop {
            attempt += 1;
            let sent = self
                .http
                .post(url.clone())
                .header("Cache-Control", "no-cache")
                .timeout(self.timeout)
                .form(form)
                .send()
                .await;
            let (failure, retry_after) = match sent {
                Err(err) => (transport_error(&host, &err), None),
                Ok(response) => {
                    let status = response.status();
                    tracing::debug!(%host, %path, status = status.as_u16(), attempt, "IMS answered");
                    if status.is_success() {
                        return read_token(&host, response, unit).await;
                    }
                    if status.is_redirection() {
                        let location = response
                            .headers()
                            .get(reqwest::header::LOCATION)
                            .and_then(|v| v.to_str().ok())
                            .unwrap_or("(no address)")
                            .to_string();
                        return Err(ImsError::Redirected { host, location });
                    }
                    let retry_after = response
                        .headers()
                        .get(reqwest::header::RETRY_AFTER)
                        .and_then(|v| v.to_str().ok())
                        .and_then(|v| parse_retry_after(v, self.clock.now()));
                    let body = read_capped(response, MAX_IMS_BODY)
                        .await
                        .map(|b| String::from_utf8_lossy(&b).into_owned())
                        .unwrap_or_else(|e| format!("({e})"));
                    tracing::warn!(
                        %host, %path, status = status.as_u16(), attempt,
                        body = %truncate(&body, 2000),
                        "IMS refused the token request"
                    );
                    if !is_retryable_status(status.as_u16()) {
                        return Err(classify_refusal(
                            status.as_u16(),
                            &ImsErrorBody::parse(&body),
                            ctx,
                        ));
                    }
                    (final_status_error(&host, status, attempt), retry_after)
                }
            };
            if attempt > self.retry.max_retries {
                return Err(failure);
            }
            let wait = retry_after.unwrap_or_else(|| self.retry.backoff(attempt - 1));
            if wait > self.retry.max_delay {
                return Err(ImsError::Throttled {
                    host,
                    wait_secs: wait.as_secs(),
                });
            }
            tracing::info!(%host, %path, attempt, wait_ms = wait.as_millis() as u64, error = %failure, "retrying the IMS request");
            tokio::time::sleep(wait).await;
        }
    }
}

/// The error to report if a retryable status is also the last answer.
fn final_status_error(host: &str, status: StatusCode, attempts: u32) -> ImsError {
    if status == StatusCode::TOO_MANY_REQUESTS {
        ImsError::Throttled {
            host: host.to_string(),
            wait_secs: 0,
        }
    } else {
        ImsError::ServerTrouble {
            host: host.to_string(),
            status: status.as_u16(),
            attempts,
        }
    }
}

/// Reads a 2xx answer: `access_token` and `expires_in` (a number, or a numeric string).
async fn read_token(
    host: &str,
    response: reqwest::Response,
    unit: ExpiresUnit,
) -> Result<MintedToken, ImsError> {
    let bad = |detail: Text| ImsError::BadResponse {
        host: host.to_string(),
        detail,
    };
    let body = zeroize::Zeroizing::new(
        read_capped(response, MAX_IMS_BODY)
            .await
            .map_err(|e| bad(e.text()))?,
    );
    let answer = |why: &str| bad(Text::new("ims-answer", vec![("why", why.into())]));
    let mut value: Value = serde_json::from_slice(&body).map_err(|_| answer("not-json"))?;
    let Some(object) = value.as_object_mut() else {
        return Err(answer("not-object"));
    };
    let token = match object.remove("access_token") {
        Some(Value::String(token)) if !token.trim().is_empty() => Secret::new(token),
        _ => {
            let keys: Vec<&String> = object.keys().collect();
            tracing::warn!(%host, ?keys, "IMS answered 2xx without an access token");
            return Err(answer("no-token"));
        }
    };
    let lifetime = token_lifetime(object.get("expires_in"), unit).map_err(bad)?;
    Ok(MintedToken {
        access_token: token,
        lifetime,
    })
}

/// The longest token life Metadesk believes. IMS tokens live 24 hours
/// (<https://experienceleague.adobe.com/en/docs/experience-manager-cloud-service/content/implementing/developing/generating-access-tokens-for-server-side-apis>);
/// this is lenient, and still keeps a date computed from it far inside what a date can hold.
pub const MAX_TOKEN_LIFETIME: Duration = Duration::from_secs(30 * 24 * 3600);

/// `expires_in` (a whole positive number, or a string of one, in `unit`) as a lifetime; in
/// words (`ims-expires-in`) when it is missing, not a whole number, not positive or beyond
/// [`MAX_TOKEN_LIFETIME`].
fn token_lifetime(expires_in: Option<&Value>, unit: ExpiresUnit) -> Result<Duration, Text> {
    let unusable = |why: &str, value: String| {
        Text::new(
            "ims-expires-in",
            vec![("why", why.into()), ("value", value.into())],
        )
    };
    let shown = |v: &Value| v.to_string().chars().take(40).collect::<String>();
    let amount: u64 = match expires_in {
        None | Some(Value::Null) => return Err(unusable("missing", String::new())),
        Some(Value::Number(n)) => match n.as_u64() {
            Some(n) => n,
            None if n.as_i64().is_some() => return Err(unusable("negative", n.to_string())),
            None => return Err(unusable("not-whole", n.to_string())),
        },
        Some(Value::String(s)) => match s.trim().parse::<u64>() {
            Ok(n) => n,
            Err(_) => {
                return Err(unusable(
                    "not-whole-positive",
                    shown(&Value::String(s.clone())),
                ));
            }
        },
        Some(other) => return Err(unusable("not-number", shown(other))),
    };
    if amount == 0 {
        return Err(unusable("zero", String::new()));
    }
    let lifetime = match unit {
        ExpiresUnit::Milliseconds => Duration::from_millis(amount),
        ExpiresUnit::Seconds => Duration::from_secs(amount),
    };
    if lifetime > MAX_TOKEN_LIFETIME {
        let unit = match unit {
            ExpiresUnit::Milliseconds => "milliseconds",
            ExpiresUnit::Seconds => "seconds",
        };
        return Err(Text::new(
            "ims-expires-in-too-long",
            vec![
                ("amount", amount.to_string().into()),
                ("unit", unit.into()),
                (
                    "days",
                    Part::from((MAX_TOKEN_LIFETIME.as_secs() / 86_400) as f64),
                ),
            ],
        ));
    }
    Ok(lifetime)
}

/// Words for a request that got no answer. reqwest's text never contains our form body.
fn transport_error(host: &str, err: &reqwest::Error) -> ImsError {
    tracing::warn!(%host, error = %err, "IMS request failed before an answer");
    if err.is_timeout() {
        return ImsError::Timeout {
            host: host.to_string(),
        };
    }
    let mut detail = err.to_string();
    let mut source = std::error::Error::source(err);
    while let Some(inner) = source {
        detail = inner.to_string();
        source = inner.source();
    }
    ImsError::Unreachable {
        host: host.to_string(),
        detail,
    }
}

fn truncate(text: &str, max: usize) -> String {
    if text.len() <= max {
        return text.to_string();
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &text[..end])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ims::jwt::tests::account;
    use crate::ims::oauth::tests::client;
    use crate::ims::testing::{Scripted, ScriptedServer};
    use serde_json::json;
    use std::time::Instant;

    fn ims(policy: RetryPolicy) -> ImsHttp {
        let http = crate::aem::client::build_http_client().unwrap();
        ImsHttp::new(http, policy, Clock::system())
    }

    fn ok_ms() -> Scripted {
        Scripted::json(
            200,
            json!({"token_type": "bearer", "access_token": "at-1", "expires_in": 86_399_999}),
        )
    }

    fn refusal(status: u16, code: &str, description: &str) -> Scripted {
        Scripted::json(
            status,
            json!({"error": code, "error_description": description}),
        )
    }

    #[test]
    fn truncation_respects_characters() {
        assert_eq!(truncate("abc", 5), "abc");
        assert_eq!(truncate("ééé", 3), "é…");
    }

    #[tokio::test]
    async fn jwt_exchange_sends_the_documented_form_and_reads_milliseconds() {
        let server = ScriptedServer::start(vec![ok_ms()]).await;
        let acc = account(&server.base);
        let token = ims(RetryPolicy::quick()).exchange_jwt(&acc).await.unwrap();
        assert_eq!(token.access_token.expose(), "at-1");
        assert_eq!(token.lifetime, Duration::from_millis(86_399_999));
        let got = server.received();
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].request_line, "POST /ims/exchange/jwt HTTP/1.1");
        let form = got[0].form();
        let names: Vec<&str> = form.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(names, ["client_id", "client_secret", "jwt_token"]);
        assert_eq!(form[0].1, "cm-p1-e2-integration");
        assert_eq!(form[1].1, "p8e-secret-1d47");
        assert_eq!(form[2].1.split('.').count(), 3);
    }

    #[tokio::test]
    async fn client_credentials_send_the_documented_form_and_read_seconds() {
        let server = ScriptedServer::start(vec![Scripted::json(
            200,
            json!({"token_type": "bearer", "access_token": "at-2", "expires_in": "86399"}),
        )])
        .await;
        let token = ims(RetryPolicy::quick())
            .client_credentials(&client(&server.base))
            .await
            .unwrap();
        assert_eq!(token.lifetime, Duration::from_secs(86_399));
        let got = server.received();
        assert_eq!(got[0].request_line, "POST /ims/token/v3 HTTP/1.1");
        assert_eq!(
            got[0].form(),
            [
                ("grant_type".to_string(), "client_credentials".to_string()),
                ("client_id".into(), "0a1b2c3d4e5f".into()),
                ("client_secret".into(), "p8e-oauth-secret-99".into()),
                ("scope".into(), "AdobeID,openid,aem.folders".into()),
            ]
        );
    }

    #[tokio::test]
    async fn server_errors_and_dropped_connections_are_retried() {
        let server = ScriptedServer::start(vec![
            refusal(503, "", ""),
            Scripted::Drop,
            refusal(500, "internal_error", "Please try again later"),
            ok_ms(),
        ])
        .await;
        let token = ims(RetryPolicy::quick())
            .exchange_jwt(&account(&server.base))
            .await
            .unwrap();
        assert_eq!(token.access_token.expose(), "at-1");
        assert_eq!(server.received().len(), 4);
    }

    #[tokio::test]
    async fn retries_stop_after_three() {
        let server = ScriptedServer::start(vec![refusal(502, "", ""); 10]).await;
        let err = ims(RetryPolicy::quick())
            .exchange_jwt(&account(&server.base))
            .await
            .unwrap_err();
        assert_eq!(server.received().len(), 4, "one attempt and three retries");
        assert!(
            matches!(
                err,
                ImsError::ServerTrouble {
                    status: 502,
                    attempts: 4,
                    ..
                }
            ),
            "{err:?}"
        );
        assert!(err.to_string().contains("on Adobe's side"), "{err}");
    }

    #[tokio::test]
    async fn retry_after_is_honoured() {
        let server = ScriptedServer::start(vec![
            refusal(429, "", "").with_header("Retry-After", "1"),
            ok_ms(),
        ])
        .await;
        let started = Instant::now();
        ims(RetryPolicy::quick())
            .exchange_jwt(&account(&server.base))
            .await
            .unwrap();
        assert!(
            started.elapsed() >= Duration::from_millis(950),
            "{:?}",
            started.elapsed()
        );
        assert_eq!(server.received().len(), 2);
    }

    #[tokio::test]
    async fn a_retry_after_longer_than_we_wait_ends_at_once() {
        let server = ScriptedServer::start(vec![
            refusal(429, "", "").with_header("Retry-After", "600"),
            ok_ms(),
        ])
        .await;
        let err = ims(RetryPolicy::quick())
            .exchange_jwt(&account(&server.base))
            .await
            .unwrap_err();
        assert_eq!(server.received().len(), 1);
        assert!(
            err.to_string().contains("asks to wait 600 seconds"),
            "{err}"
        );
        assert_eq!(err.code(), crate::error::ErrorCode::Remote);
    }

    #[tokio::test]
    async fn refusals_are_not_retried_and_are_explained() {
        let cases = [
            (
                refusal(401, "invalid_client", "invalid client_secret parameter"),
                "did not accept the client id",
            ),
            (
                refusal(
                    400,
                    "invalid_scope",
                    "The metascopes in the JWT are not a subset",
                ),
                "refused the requested scopes",
            ),
            (
                refusal(
                    400,
                    "invalid_signature",
                    "Could not match JWT signature to any of the bindings",
                ),
                "certificate",
            ),
            (
                refusal(400, "invalid_token", "JWT token has expired"),
                "clock",
            ),
            (refusal(403, "", ""), "HTTP 403"),
        ];
        for (answer, expected) in cases {
            let server = ScriptedServer::start(vec![answer, ok_ms()]).await;
            let err = ims(RetryPolicy::quick())
                .exchange_jwt(&account(&server.base))
                .await
                .unwrap_err();
            assert_eq!(server.received().len(), 1, "{expected}: not retried");
            assert!(err.to_string().contains(expected), "{expected}: {err}");
            assert!(
                !err.to_string().contains("p8e-secret"),
                "no secret in {err}"
            );
        }
    }

    #[tokio::test]
    async fn redirects_are_not_followed() {
        let server = ScriptedServer::start(vec![
            Scripted::json(302, json!({}))
                .with_header("Location", "https://evil.example.com/steal"),
            ok_ms(),
        ])
        .await;
        let err = ims(RetryPolicy::quick())
            .client_credentials(&client(&server.base))
            .await
            .unwrap_err();
        assert_eq!(server.received().len(), 1);
        assert!(
            err.to_string().contains("https://evil.example.com/steal"),
            "{err}"
        );
        assert!(
            err.to_string().contains("does not follow redirects"),
            "{err}"
        );
    }

    #[tokio::test]
    async fn unusable_success_answers_are_reported() {
        let cases = [
            (
                json!({"token_type": "bearer", "expires_in": 5}),
                "no access token",
            ),
            (
                json!({"access_token": "", "expires_in": 5}),
                "no access token",
            ),
            (json!({"access_token": "t"}), "no usable expires_in"),
            (json!({"access_token": "t", "expires_in": 0}), "is 0"),
            (
                json!({"access_token": "t", "expires_in": "soon"}),
                "not a whole positive number",
            ),
            (json!([1]), "not a JSON object"),
        ];
        for (body, expected) in cases {
            let server = ScriptedServer::start(vec![Scripted::json(200, body)]).await;
            let err = ims(RetryPolicy::quick())
                .client_credentials(&client(&server.base))
                .await
                .unwrap_err();
            assert!(err.to_string().contains(expected), "{expected}: {err}");
            // The field's name is IMS's, not English.
            let french = err
                .localized(&metadesk_base::i18n::Localizer::new(
                    metadesk_base::i18n::Lang::Fr,
                ))
                .replace("expires_in", "durée");
            metadesk_base::i18n::checks::assert_reads_french(&french);
        }
    }

    /// Lifetimes no token has: refused in words, for both units, never an overflow.
    #[tokio::test]
    async fn absurd_lifetimes_are_refused_in_words() {
        let cases = [
            (json!(1_000_000_000_000_000_000u64), "more than the 30 days"),
            (json!(u64::MAX), "more than the 30 days"),
            (json!("1000000000000000000"), "more than the 30 days"),
            (json!(-5), "is negative (-5)"),
            (json!(3599.5), "not a whole number (3599.5)"),
            (json!(1e300), "not a whole number"),
            (json!("-5"), "not a whole positive number"),
            (json!(true), "is not a number (true)"),
        ];
        for (expires_in, expected) in cases {
            let body = json!({"access_token": "t", "expires_in": expires_in});
            let server = ScriptedServer::start(vec![Scripted::json(200, body.clone())]).await;
            let err = ims(RetryPolicy::quick())
                .client_credentials(&client(&server.base))
                .await
                .unwrap_err();
            assert!(matches!(err, ImsError::BadResponse { .. }), "{err:?}");
            assert!(err.to_string().contains(expected), "{expires_in}: {err}");
            let french = err
                .localized(&metadesk_base::i18n::Localizer::new(
                    metadesk_base::i18n::Lang::Fr,
                ))
                .replace("expires_in", "durée");
            metadesk_base::i18n::checks::assert_reads_french(&french);
            let server = ScriptedServer::start(vec![Scripted::json(200, body)]).await;
            let err = ims(RetryPolicy::quick())
                .exchange_jwt(&account(&server.base))
                .await
                .unwrap_err();
            assert!(err.to_string().contains(expected), "{expires_in} ms: {err}");
        }
        // The longest believed, in each unit.
        let days_30 = MAX_TOKEN_LIFETIME.as_secs();
        let server = ScriptedServer::start(vec![Scripted::json(
            200,
            json!({"access_token": "t", "expires_in": days_30}),
        )])
        .await;
        let token = ims(RetryPolicy::quick())
            .client_credentials(&client(&server.base))
            .await
            .unwrap();
        assert_eq!(token.lifetime, MAX_TOKEN_LIFETIME);
    }

    /// A token answer that never ends is refused after the cap, not held in memory.
    #[tokio::test]
    async fn an_endless_token_answer_is_refused() {
        let (base, server) = crate::aem::body::endless_body_server(MAX_IMS_BODY * 4).await;
        let err = ims(RetryPolicy::quick())
            .client_credentials(&client(&base))
            .await
            .unwrap_err();
        assert!(matches!(err, ImsError::BadResponse { .. }), "{err:?}");
        assert!(err.to_string().contains("larger than 1 MB"), "{err}");
        server.abort();
    }

    #[tokio::test]
    async fn an_unreachable_ims_is_explained_after_the_retries() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        drop(listener);
        let err = ims(RetryPolicy::quick())
            .exchange_jwt(&account(&base))
            .await
            .unwrap_err();
        assert!(matches!(err, ImsError::Unreachable { .. }), "{err:?}");
        assert!(err.to_string().contains("proxy"), "{err}");
        assert_eq!(err.code(), crate::error::ErrorCode::Network);
    }

    #[tokio::test]
    async fn a_broken_credential_is_refused_before_anything_is_sent() {
        let server = ScriptedServer::start(vec![ok_ms()]).await;
        let mut acc = account(&server.base);
        acc.client_secret = Secret::new("");
        let err = ims(RetryPolicy::quick())
            .exchange_jwt(&acc)
            .await
            .unwrap_err();
        assert!(matches!(err, ImsError::InvalidCredential(_)));
        assert!(server.received().is_empty());
    }
}
