//! "Test connection": obtain (or reuse) credentials, then call AEM through the API family the
//! connection's kind may use — classic (`currentuser.json` and a read of the DAM root) for
//! service credentials, development tokens and SDK logins; the OpenAPI Folders API (with
//! `X-Api-Key`) for OAuth Server-to-Server — and report each step in plain words.
//!
//! In proportion: what Metadesk needs is a working token and a readable DAM. Asking AEM who we
//! are is auxiliary (a dispatcher or CDN often hides `currentuser.json`), so when the DAM can be
//! read its failure is a warning, never "the connection does not work".
//!
//! Not here: building the client or its authorizer (`connections::authorizers`), rendering the
//! report.
//!
//! Product code, so not named `test_*` (a test's name): it checks a connection for the
//! person's "Test connection", whose words its function and report keep.

use reqwest::{Method, StatusCode};
use serde::Serialize;
use serde_json::Value;
use time::OffsetDateTime;
use ts_rs::TS;

use crate::aem::allows::PathCheck;
use crate::aem::client::AemClient;
use crate::aem::error::AemError;
use crate::ims::status::{CertificateLevel, CertificateStatus, certificate_status_in};
use metadesk_base::error_code::ErrorCode;
use metadesk_base::i18n::{Localizer, Part, Text, arg, count};
use metadesk_credentials::credentials::{ApiFamily, CredentialKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum StepOutcome {
    Passed,
    /// An auxiliary step did not work, but what Metadesk needs (a token, a readable DAM) does:
    /// the connection works; the detail says what is missing and why that is not a problem.
    Warning,
    Failed,
    /// Not tried because an earlier step failed.
    Skipped,
}

/// One line of the report. Its words are in the language of the localizer the test ran with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TestStep {
    /// Which step this is, whatever the language.
    pub step: StepKind,
    /// "Get an access token", "Ask AEM who we are", "Read the DAM".
    pub label: String,
    pub outcome: StepOutcome,
    /// What happened, or why it failed and what to do.
    pub detail: String,
    /// For failures: what the UI may branch on.
    pub code: Option<ErrorCode>,
}

/// The steps a test may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum StepKind {
    Credentials,
    WhoAmI,
    ReadDam,
}

/// What "Test connection" found out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionTestReport {
    /// Every step passed or only warned, and the certificate has not expired: the connection
    /// works.
    pub ok: bool,
    /// The AEM host reached (or tried).
    pub host: String,
    pub api: ApiFamily,
    /// Who AEM says we are, where the API tells (the classic `currentuser.json` does).
    pub acting_as: Option<String>,
    /// RFC 3339; `None` for basic auth.
    pub token_expires_at: Option<String>,
    #[ts(type = "number | null")]
    pub token_seconds_left: Option<i64>,
    pub certificate: Option<CertificateStatus>,
    /// Whether the DAM root could be read; `None` when not tried.
    pub dam_readable: Option<bool>,
    pub steps: Vec<TestStep>,
    /// "What this AEM allows", path by path: empty unless the deep test ran (the core's).
    pub allows: Vec<PathCheck>,
    /// What the checklist means to a person ("can read and change metadata"), in plain words
    /// without the paths' technical names: empty unless the deep test ran.
    pub can_do: Vec<crate::aem::allows::CanDo>,
}

/// Runs the test through `client` (whose authorizer is the connection's), in `l`'s words.
pub async fn test_connection(
    client: &AemClient,
    kind: CredentialKind,
    certificate_expires_at: Option<OffsetDateTime>,
    now: OffsetDateTime,
    l: &Localizer,
) -> ConnectionTestReport {
    let api = kind.api_family();
    let mut report = ConnectionTestReport {
        ok: false,
        host: client.host(),
        api,
        acting_as: None,
        token_expires_at: None,
        token_seconds_left: None,
        certificate: certificate_expires_at.map(|at| certificate_status_in(l, at, now)),
        dam_readable: None,
        steps: Vec::new(),
        allows: Vec::new(),
        can_do: Vec::new(),
    };

    let got = client.authorizer().credentials().await;
    let expires_at = client.authorizer().snapshot().expires_at;
    report.token_expires_at = expires_at.map(metadesk_base::timefmt::rfc3339);
    report.token_seconds_left = expires_at.map(|at| (at - now).whole_seconds().max(0));
    let credential_label = l.text(match kind {
        CredentialKind::LocalSdk => "test-step-credentials-sdk",
        CredentialKind::LocalDevToken => "test-step-credentials-dev-token",
        _ => "test-step-credentials-token",
    });
    let step = Step {
        kind: StepKind::Credentials,
        label: &credential_label,
    };
    match got {
        Ok(_) => report.steps.push(passed(
            step,
            match (kind, expires_at) {
                (CredentialKind::LocalSdk, _) => l.text("test-basic-auth"),
                (_, Some(at)) => l.msg(
                    "test-token-valid-for",
                    &[("duration", arg(l.duration(at - now)))],
                ),
                (_, None) => l.text("test-token-ready"),
            },
        )),
        Err(err) => {
            report.steps.push(failed(step, &err, l));
            skip_rest(&mut report, api, l);
            return finish(report);
        }
    }

    let who = l.text("test-step-who");
    let read_classic = l.text("test-step-read-classic");
    let read_openapi = l.text("test-step-read-openapi");
    match api {
        ApiFamily::Classic => {
            let who_404 = who_am_i(client, &mut report, Step::who(&who), l).await;
            if unreached(&report) {
                // Said once (issue 77): the read would fail the same way, in the same words.
                report.steps.push(TestStep {
                    step: StepKind::ReadDam,
                    label: read_classic,
                    outcome: StepOutcome::Skipped,
                    detail: l.text("test-skipped-unreachable"),
                    code: None,
                });
                return finish(report);
            }
            read_dam_classic(client, &mut report, Step::read(&read_classic), l).await;
            if report.dam_readable == Some(true) {
                who_am_i_is_auxiliary(&mut report, who_404, l);
            }
        }
        ApiFamily::OpenApi => {
            read_dam_openapi(client, &mut report, Step::read(&read_openapi), l).await
        }
    }
    finish(report)
}

/// Whether a step could not reach AEM (the network, not AEM's answer).
fn unreached(report: &ConnectionTestReport) -> bool {
    report
        .steps
        .iter()
        .any(|s| s.outcome == StepOutcome::Failed && s.code == Some(ErrorCode::Network))
}

/// A step's kind and its label in the user's language.
#[derive(Clone, Copy)]
struct Step<'a> {
    kind: StepKind,
    label: &'a str,
}

impl<'a> Step<'a> {
    fn who(label: &'a str) -> Self {
        Step {
            kind: StepKind::WhoAmI,
            label,
        }
    }

    fn read(label: &'a str) -> Self {
        Step {
            kind: StepKind::ReadDam,
            label,
        }
    }
}

fn finish(mut report: ConnectionTestReport) -> ConnectionTestReport {
    let cert_ok = report
        .certificate
        .as_ref()
        .is_none_or(|c| c.level != CertificateLevel::Expired);
    report.ok = cert_ok
        && report
            .steps
            .iter()
            .all(|s| matches!(s.outcome, StepOutcome::Passed | StepOutcome::Warning));
    report
}

/// A failed "who are we" when the token works and the DAM can be read: a warning.
fn who_am_i_is_auxiliary(report: &mut ConnectionTestReport, answered_404: bool, l: &Localizer) {
    for step in &mut report.steps {
        if step.step == StepKind::WhoAmI && step.outcome == StepOutcome::Failed {
            step.outcome = StepOutcome::Warning;
            step.code = None;
            step.detail = l.msg(
                if answered_404 {
                    "test-who-auxiliary-hidden"
                } else {
                    "test-who-auxiliary"
                },
                &[("detail", arg(step.detail.as_str()))],
            );
        }
    }
}

fn skip_rest(report: &mut ConnectionTestReport, api: ApiFamily, l: &Localizer) {
    let steps: &[(StepKind, &str)] = match api {
        ApiFamily::Classic => &[
            (StepKind::WhoAmI, "test-step-who"),
            (StepKind::ReadDam, "test-step-read-classic"),
        ],
        ApiFamily::OpenApi => &[(StepKind::ReadDam, "test-step-read-openapi")],
    };
    for (kind, label) in steps {
        report.steps.push(TestStep {
            step: *kind,
            label: l.text(label),
            outcome: StepOutcome::Skipped,
            detail: l.text("test-skipped"),
            code: None,
        });
    }
}

/// Asks AEM who we are; true when AEM answered 404 (the page is hidden, not refused).
async fn who_am_i(
    client: &AemClient,
    report: &mut ConnectionTestReport,
    step: Step<'_>,
    l: &Localizer,
) -> bool {
    match get_json(client, "/libs/granite/security/currentuser.json", false).await {
        Ok((StatusCode::OK, body)) => {
            let user = body
                .get("authorizableId")
                .and_then(Value::as_str)
                .map(str::to_string);
            let detail = match &user {
                Some(u) => l.msg("test-who-known", &[("user", arg(u.as_str()))]),
                None => l.text("test-who-unknown"),
            };
            report.acting_as = user;
            report.steps.push(passed(step, detail));
            false
        }
        Ok((status, body)) => {
            report.steps.push(failed(
                step,
                &AemError::Status {
                    status: status.as_u16(),
                    what: Text::new("test-what-current-user", vec![("said", said_text(&body))]),
                },
                l,
            ));
            status == StatusCode::NOT_FOUND
        }
        Err(err) => {
            report.steps.push(failed(step, &err, l));
            false
        }
    }
}

async fn read_dam_classic(
    client: &AemClient,
    report: &mut ConnectionTestReport,
    step: Step<'_>,
    l: &Localizer,
) {
    match get_json(client, "/api/assets.json?limit=1", false).await {
        Ok((StatusCode::OK, _)) => {
            report.dam_readable = Some(true);
            report.steps.push(passed(step, l.text("test-dam-readable")));
        }
        Ok((status, body))
            if status == StatusCode::FORBIDDEN || status == StatusCode::NOT_FOUND =>
        {
            report.dam_readable = Some(false);
            let who = match &report.acting_as {
                Some(user) => user.clone(),
                None => l.text("test-this-user"),
            };
            report.steps.push(TestStep {
                step: step.kind,
                label: step.label.into(),
                outcome: StepOutcome::Failed,
                detail: l.msg(
                    "test-dam-forbidden",
                    &[
                        ("who", arg(who)),
                        ("status", count(status.as_u16())),
                        ("said", arg(said(&body, l))),
                    ],
                ),
                code: Some(ErrorCode::Auth),
            });
        }
        Ok((status, body)) => {
            report.dam_readable = Some(false);
            report.steps.push(failed(
                step,
                &AemError::Status {
                    status: status.as_u16(),
                    what: Text::new("test-what-dam-root", vec![("said", said_text(&body))]),
                },
                l,
            ));
        }
        Err(err) => report.steps.push(failed(step, &err, l)),
    }
}

async fn read_dam_openapi(
    client: &AemClient,
    report: &mut ConnectionTestReport,
    step: Step<'_>,
    l: &Localizer,
) {
    let not_allowed = |status: u16, body: &Value| {
        l.msg(
            "test-openapi-not-allowed",
            &[("status", count(status)), ("said", arg(said(body, l)))],
        )
    };
    match get_json(client, "/adobe/folders?path=/content/dam&limit=1", true).await {
        Ok((StatusCode::OK, _)) => {
            report.dam_readable = Some(true);
            report
                .steps
                .push(passed(step, l.text("test-dam-readable-openapi")));
        }
        Ok((status, body))
            if status == StatusCode::FORBIDDEN || status == StatusCode::UNAUTHORIZED =>
        {
            report.dam_readable = Some(false);
            report.steps.push(TestStep {
                step: step.kind,
                label: step.label.into(),
                outcome: StepOutcome::Failed,
                detail: not_allowed(status.as_u16(), &body),
                code: Some(ErrorCode::Auth),
            });
        }
        Ok((status, body)) => {
            report.dam_readable = Some(false);
            report.steps.push(failed(
                step,
                &AemError::Status {
                    status: status.as_u16(),
                    what: Text::new("test-what-folders-api", vec![("said", said_text(&body))]),
                },
                l,
            ));
        }
        // A second 401 after a fresh token: the token is fine, AEM refuses the client.
        Err(AemError::Auth(_)) => {
            report.dam_readable = Some(false);
            report.steps.push(TestStep {
                step: step.kind,
                label: step.label.into(),
                outcome: StepOutcome::Failed,
                detail: not_allowed(401, &Value::Null),
                code: Some(ErrorCode::Auth),
            });
        }
        Err(err) => report.steps.push(failed(step, &err, l)),
    }
}

/// GETs `path` and reads a JSON body (any body that is not JSON reads as `null`).
async fn get_json(
    client: &AemClient,
    path: &str,
    openapi: bool,
) -> Result<(StatusCode, Value), AemError> {
    let url = client.url(path)?;
    let response = client
        .send(Method::GET, url, |r| {
            let r = r.header("Accept", "application/json");
            if openapi {
                r.header("X-Adobe-Accept-Experimental", "1")
            } else {
                r
            }
        })
        .await?;
    let status = response.status();
    // Capped like every AEM answer: a hostile or broken server cannot exhaust memory.
    let body = crate::aem::body::read_capped(response, crate::aem::body::MAX_AEM_BODY)
        .await
        .map_err(|e| AemError::BadResponse {
            what: Text::new("aem-what-path", vec![("path", path.into())]),
            detail: e.text(),
        })?;
    let text = String::from_utf8_lossy(&body);
    if !status.is_success() {
        tracing::info!(%path, status = status.as_u16(), body = %text.chars().take(1000).collect::<String>(), "test connection: AEM refused");
    }
    Ok((status, serde_json::from_str(&text).unwrap_or(Value::Null)))
}

/// `; AEM said: "…"` with the reason from an AEM error body, when it gives one.
fn said(body: &Value, l: &Localizer) -> String {
    said_text(body).words(l)
}

/// [`said`] as a part of a message, written when the message is.
fn said_text(body: &Value) -> Part {
    let text = ["detail", "message", "title", "error"]
        .iter()
        .find_map(|k| body.get(*k).and_then(Value::as_str))
        .or_else(|| {
            body.pointer("/properties/status.message")
                .and_then(Value::as_str)
        });
    match text {
        Some(t) if !t.trim().is_empty() => {
            let quoted: String = t.trim().chars().take(200).collect();
            Text::new("test-aem-said", vec![("text", quoted.into())]).into()
        }
        _ => Part::Texts(Vec::new()),
    }
}

fn passed(step: Step<'_>, detail: String) -> TestStep {
    TestStep {
        step: step.kind,
        label: step.label.into(),
        outcome: StepOutcome::Passed,
        detail,
        code: None,
    }
}

fn failed(step: Step<'_>, err: &AemError, l: &Localizer) -> TestStep {
    TestStep {
        step: step.kind,
        label: step.label.into(),
        outcome: StepOutcome::Failed,
        detail: err.localized(l),
        code: Some(err.code()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_family_follows_the_kind() {
        assert_eq!(
            CredentialKind::OauthServerToServer.api_family(),
            ApiFamily::OpenApi
        );
        for kind in [
            CredentialKind::ServiceCredentials,
            CredentialKind::LocalDevToken,
            CredentialKind::LocalSdk,
        ] {
            assert_eq!(kind.api_family(), ApiFamily::Classic);
        }
    }

    use crate::aem::auth::{RequestCredentials, StaticAuthorizer};
    use crate::ims::testing::{Scripted, ScriptedServer};
    use metadesk_credentials::secrets::Secret;
    use std::sync::Arc;

    fn s2s_client(base: &str) -> AemClient {
        let auth = StaticAuthorizer::new(
            RequestCredentials::Bearer {
                token: Secret::new("t"),
                api_key: Some("0a1b2c".into()),
            },
            "renewal not possible in this test",
        );
        AemClient::new(
            crate::aem::client::build_http_client().unwrap(),
            base,
            Arc::new(auth),
        )
        .unwrap()
    }

    #[tokio::test]
    async fn a_client_id_that_is_not_allow_listed_is_explained() {
        let server = ScriptedServer::start(vec![Scripted::json(
            403,
            serde_json::json!({"type": "about:blank", "title": "Forbidden", "status": 403,
                               "detail": "Client id 0a1b2c is not allowed"}),
        )])
        .await;
        let report = test_connection(
            &s2s_client(&server.base),
            CredentialKind::OauthServerToServer,
            None,
            OffsetDateTime::now_utc(),
            &Localizer::english(),
        )
        .await;
        assert!(!report.ok);
        assert_eq!(report.dam_readable, Some(false));
        let step = &report.steps[1];
        assert_eq!(step.outcome, StepOutcome::Failed);
        assert!(
            step.detail.contains("has not allow-listed"),
            "{}",
            step.detail
        );
        assert!(step.detail.contains("config/api.yaml"), "{}", step.detail);
        assert!(
            step.detail.contains("Client id 0a1b2c is not allowed"),
            "{}",
            step.detail
        );
        let got = server.received();
        assert_eq!(
            got[0].request_line,
            "GET /adobe/folders?path=/content/dam&limit=1 HTTP/1.1"
        );
    }

    #[tokio::test]
    async fn a_classic_read_that_is_forbidden_names_the_user_and_the_fix() {
        let server = ScriptedServer::start(vec![
            Scripted::json(
                200,
                serde_json::json!({"authorizableId": "x@techacct.adobe.com"}),
            ),
            Scripted::json(404, serde_json::json!({})),
        ])
        .await;
        let report = test_connection(
            &s2s_client(&server.base),
            CredentialKind::ServiceCredentials,
            None,
            OffsetDateTime::now_utc(),
            &Localizer::english(),
        )
        .await;
        assert!(!report.ok);
        assert_eq!(report.acting_as.as_deref(), Some("x@techacct.adobe.com"));
        assert_eq!(report.dam_readable, Some(false));
        let detail = &report.steps[2].detail;
        assert!(
            detail.contains("does not let x@techacct.adobe.com read"),
            "{detail}"
        );
        assert!(detail.contains("DAM Users"), "{detail}");
    }

    #[tokio::test]
    async fn an_expired_certificate_fails_the_test_even_if_aem_answers() {
        let server = ScriptedServer::start(vec![
            Scripted::json(200, serde_json::json!({"authorizableId": "x"})),
            Scripted::json(200, serde_json::json!({})),
        ])
        .await;
        let now = OffsetDateTime::now_utc();
        let report = test_connection(
            &s2s_client(&server.base),
            CredentialKind::ServiceCredentials,
            Some(now - time::Duration::days(1)),
            now,
            &Localizer::english(),
        )
        .await;
        assert!(
            report
                .steps
                .iter()
                .all(|s| s.outcome == StepOutcome::Passed)
        );
        assert!(
            !report.ok,
            "an expired certificate stops working at the next renewal"
        );
        assert_eq!(report.certificate.unwrap().level, CertificateLevel::Expired);
    }

    #[tokio::test]
    async fn a_hidden_current_user_is_a_warning_when_the_dam_can_be_read() {
        let server = ScriptedServer::start(vec![
            Scripted::json(404, serde_json::json!({})),
            Scripted::json(200, serde_json::json!({})),
        ])
        .await;
        let report = test_connection(
            &s2s_client(&server.base),
            CredentialKind::ServiceCredentials,
            None,
            OffsetDateTime::now_utc(),
            &Localizer::english(),
        )
        .await;
        assert!(report.ok, "{report:#?}");
        assert_eq!(report.dam_readable, Some(true));
        assert_eq!(report.acting_as, None);
        let who = &report.steps[1];
        assert_eq!(who.outcome, StepOutcome::Warning);
        assert_eq!(who.code, None);
        assert!(who.detail.contains("404"), "{}", who.detail);
        assert!(who.detail.contains("dispatcher"), "{}", who.detail);
        assert!(
            who.detail.contains("does not stop Metadesk"),
            "{}",
            who.detail
        );
        assert_eq!(report.steps[2].outcome, StepOutcome::Passed);
    }

    #[tokio::test]
    async fn an_endless_answer_fails_the_step_instead_of_filling_memory() {
        let (base, server) =
            crate::aem::body::endless_body_server(crate::aem::body::MAX_AEM_BODY + (4 << 20)).await;
        let report = test_connection(
            &s2s_client(&base),
            CredentialKind::OauthServerToServer,
            None,
            OffsetDateTime::now_utc(),
            &Localizer::english(),
        )
        .await;
        assert!(!report.ok, "{report:#?}");
        let read = &report.steps[1];
        assert_eq!(read.outcome, StepOutcome::Failed);
        assert!(read.detail.contains("larger than 32 MB"), "{}", read.detail);
        server.abort();
    }

    /// The steps' failures read whole in the reader's language: what was asked, what AEM
    /// said, why the answer could not be read.
    #[tokio::test]
    async fn failed_steps_read_in_french() {
        use metadesk_base::i18n::Lang;
        use metadesk_base::i18n::checks::assert_reads_french;
        let fr = Localizer::new(Lang::Fr);
        let server = ScriptedServer::start(vec![
            Scripted::json(500, serde_json::json!({"message": "panne"})),
            Scripted::json(502, serde_json::json!({})),
        ])
        .await;
        let report = test_connection(
            &s2s_client(&server.base),
            CredentialKind::ServiceCredentials,
            None,
            OffsetDateTime::now_utc(),
            &fr,
        )
        .await;
        for step in &report.steps[1..] {
            assert_eq!(step.outcome, StepOutcome::Failed);
            assert_reads_french(&step.detail);
        }
        assert!(
            report.steps[1].detail.contains("AEM a répondu 500 pour"),
            "{}",
            report.steps[1].detail
        );
        assert!(report.steps[1].detail.contains("«\u{a0}panne\u{a0}»"));

        let (base, server) =
            crate::aem::body::endless_body_server(crate::aem::body::MAX_AEM_BODY + (4 << 20)).await;
        let report = test_connection(
            &s2s_client(&base),
            CredentialKind::OauthServerToServer,
            None,
            OffsetDateTime::now_utc(),
            &fr,
        )
        .await;
        let read = &report.steps[1];
        // The address asked is no French text (its `?` is no punctuation).
        assert_reads_french(&read.detail.replace("?path=", "/"));
        assert!(
            read.detail.starts_with(
                "La réponse d’AEM pour /adobe/folders?path=/content/dam&limit=1 est illisible (la \
                 réponse dépasse 32 Mo"
            ),
            "{}",
            read.detail
        );
        server.abort();
    }

    /// Issue 77: an AEM that cannot be reached is said once, by the first step that tried it;
    /// the read after it is not tried (it would say the same again).
    #[tokio::test]
    async fn an_unreachable_aem_is_said_once() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        drop(listener);
        let report = test_connection(
            &s2s_client(&base),
            CredentialKind::ServiceCredentials,
            None,
            OffsetDateTime::now_utc(),
            &Localizer::english(),
        )
        .await;
        assert!(!report.ok);
        let failed: Vec<_> = report
            .steps
            .iter()
            .filter(|s| s.outcome == StepOutcome::Failed)
            .collect();
        assert_eq!(failed.len(), 1, "{report:#?}");
        assert!(
            failed[0].detail.contains("Could not reach"),
            "{}",
            failed[0].detail
        );
        let read = report.steps.last().unwrap();
        assert_eq!(read.step, StepKind::ReadDam);
        assert_eq!(read.outcome, StepOutcome::Skipped);
        assert!(!read.detail.contains("Could not reach"), "{}", read.detail);
    }

    #[tokio::test]
    async fn a_hidden_current_user_still_fails_when_the_dam_cannot_be_read() {
        let server = ScriptedServer::start(vec![
            Scripted::json(404, serde_json::json!({})),
            Scripted::json(403, serde_json::json!({})),
        ])
        .await;
        let report = test_connection(
            &s2s_client(&server.base),
            CredentialKind::ServiceCredentials,
            None,
            OffsetDateTime::now_utc(),
            &Localizer::english(),
        )
        .await;
        assert!(!report.ok);
        assert_eq!(report.steps[1].outcome, StepOutcome::Failed);
        assert_eq!(report.steps[2].outcome, StepOutcome::Failed);
    }

    #[test]
    fn reasons_are_taken_from_error_bodies() {
        assert_eq!(
            said(
                &serde_json::json!({"title": "Forbidden", "detail": "not allow-listed"}),
                &Localizer::english()
            ),
            "; AEM said: \"not allow-listed\""
        );
        assert_eq!(
            said(
                &serde_json::json!({"properties": {"status.message": "nope"}}),
                &Localizer::english()
            ),
            "; AEM said: \"nope\""
        );
        assert_eq!(said(&Value::Null, &Localizer::english()), "");
    }
}
