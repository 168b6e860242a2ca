//! Why an access token could not be obtained, in words a user can act on: the IMS error codes
//! (<https://github.com/adobe-apiplatform/umapi-documentation/blob/HEAD/docs/api/ConnectAPIRef.md>),
//! HTTP statuses, transport failures and unusable inputs.
//!
//! Not here: sending requests (`exchange`) or deciding what to retry (`retry`). The raw IMS
//! answer is logged where it is received; messages here quote only IMS's short description,
//! which never contains anything we sent.

use metadesk_base::error_code::ErrorCode;
use metadesk_base::i18n::{Localizer, Part, Text};

/// One reason minting failed. Its words are the catalogue's ([`ImsError::text`]); `Display` is
/// the English (the log). `said` is IMS's own short description of a refusal, quoted as IMS
/// wrote it (empty when IMS gave none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImsError {
    /// The credential itself is incomplete or unusable (missing field, unreadable key…).
    InvalidCredential(Text),
    /// `invalid_client`: unknown client id, wrong secret, or a client not allowed to exchange.
    WrongClient { client_id: String, said: String },
    /// `invalid_signature` (or `invalid_token` about bindings): the key does not match any
    /// certificate IMS knows for this technical account.
    SignatureMismatch { said: String },
    /// `invalid_scope`: the metascopes or scopes are not allowed for this credential.
    ScopeNotAllowed { scopes: String, said: String },
    /// `invalid_token` saying the JWT expired: almost always a wrong computer clock.
    JwtExpired { said: String },
    /// `invalid_token`, `bad_request`, `invalid_jti` and other complaints about the request.
    Malformed { code: String, said: String },
    /// Any other 4xx answer; `code` is IMS's error code (empty when it gave none).
    Rejected {
        status: u16,
        code: String,
        said: String,
    },
    /// 5xx after the retries.
    ServerTrouble {
        host: String,
        status: u16,
        attempts: u32,
    },
    /// 429 after the retries, or a `Retry-After` longer than we are willing to wait.
    /// `wait_secs`: how long IMS asked to wait (0: it did not say).
    Throttled { host: String, wait_secs: u64 },
    /// No answer at all: offline, DNS, proxy, refused or dropped connection.
    Unreachable { host: String, detail: String },
    /// IMS did not answer in time (after the retries).
    Timeout { host: String },
    /// IMS answered with a redirect; credentials are never forwarded.
    Redirected { host: String, location: String },
    /// A 2xx answer we cannot use; `detail` says why (`ims-answer-…`, or a library's words).
    BadResponse { host: String, detail: Text },
}

impl std::fmt::Display for ImsError {
    /// English (the log's words).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(&self.text(), f)
    }
}

impl std::error::Error for ImsError {}

/// IMS's description as a clause of a message (` (IMS said: "…")`), or nothing.
fn said_part(said: &str) -> Part {
    if said.is_empty() {
        Part::Texts(Vec::new())
    } else {
        Text::new("ims-said", vec![("text", Part::from(said))]).into()
    }
}

impl ImsError {
    /// The message in the user's language (`Display` is the English one, for the log). IMS's
    /// own short description stays as IMS wrote it.
    pub fn localized(&self, l: &Localizer) -> String {
        self.text().localized(l)
    }

    /// The words telling this failure, unwritten until a face knows the reader's language.
    pub fn text(&self) -> Text {
        let t = |s: &str| Part::from(s);
        let n = |v: f64| Part::from(v);
        let (id, args) = match self {
            ImsError::InvalidCredential(text) => return text.clone(),
            ImsError::WrongClient { client_id, said } => (
                "ims-wrong-client",
                vec![("clientId", t(client_id)), ("said", said_part(said))],
            ),
            ImsError::SignatureMismatch { said } => {
                ("ims-signature-mismatch", vec![("said", said_part(said))])
            }
            ImsError::ScopeNotAllowed { scopes, said } => (
                "ims-scope-not-allowed",
                vec![("scopes", t(scopes)), ("said", said_part(said))],
            ),
            ImsError::JwtExpired { said } => ("ims-jwt-expired", vec![("said", said_part(said))]),
            ImsError::Malformed { code, said } => (
                "ims-malformed",
                vec![("code", t(code)), ("said", said_part(said))],
            ),
            ImsError::Rejected { status, code, said } => (
                "ims-rejected",
                vec![
                    ("status", n(f64::from(*status))),
                    (
                        "code",
                        if code.is_empty() {
                            Part::Texts(Vec::new())
                        } else {
                            Text::new("ims-code", vec![("code", t(code))]).into()
                        },
                    ),
                    ("said", said_part(said)),
                ],
            ),
            ImsError::ServerTrouble {
                host,
                status,
                attempts,
            } => (
                "ims-server-trouble",
                vec![
                    ("host", t(host)),
                    ("status", n(f64::from(*status))),
                    ("attempts", n(f64::from(*attempts))),
                ],
            ),
            ImsError::Throttled { host, wait_secs } => (
                "ims-throttled",
                vec![("host", t(host)), ("wait", n(*wait_secs as f64))],
            ),
            ImsError::Unreachable { host, detail } => (
                "ims-unreachable",
                vec![("host", t(host)), ("detail", t(detail))],
            ),
            ImsError::Timeout { host } => ("ims-timeout", vec![("host", t(host))]),
            ImsError::Redirected { host, location } => (
                "ims-redirected",
                vec![("host", t(host)), ("location", t(location))],
            ),
            ImsError::BadResponse { host, detail } => (
                "ims-bad-response",
                vec![("host", t(host)), ("detail", detail.clone().into())],
            ),
        };
        Text::new(id, args)
    }

    pub fn code(&self) -> ErrorCode {
        match self {
            ImsError::InvalidCredential(_) => ErrorCode::InvalidInput,
            ImsError::WrongClient { .. }
            | ImsError::SignatureMismatch { .. }
            | ImsError::ScopeNotAllowed { .. }
            | ImsError::JwtExpired { .. }
            | ImsError::Rejected { .. } => ErrorCode::Auth,
            ImsError::Unreachable { .. } | ImsError::Timeout { .. } => ErrorCode::Network,
            ImsError::Malformed { .. }
            | ImsError::ServerTrouble { .. }
            | ImsError::Throttled { .. }
            | ImsError::Redirected { .. }
            | ImsError::BadResponse { .. } => ErrorCode::Remote,
        }
    }
}

/// The `{error, error_description}` body of an IMS refusal.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
pub struct ImsErrorBody {
    #[serde(default)]
    pub error: String,
    #[serde(default)]
    pub error_description: String,
}

impl ImsErrorBody {
    /// Reads an error body; anything else (HTML from a proxy, empty) gives empty fields.
    pub fn parse(body: &str) -> Self {
        serde_json::from_str(body).unwrap_or_default()
    }
}

/// What we tell about the request, so a message can name the client id and scopes.
#[derive(Debug, Clone, Default)]
pub struct RequestContext {
    pub client_id: String,
    pub scopes: String,
}

/// Maps a final (non-retried) 4xx answer to its plain-words reason.
pub fn classify_refusal(status: u16, body: &ImsErrorBody, ctx: &RequestContext) -> ImsError {
    let said = short_description(&body.error_description);
    let description = body.error_description.to_ascii_lowercase();
    match body.error.as_str() {
        "invalid_client" | "unauthorized_client" => ImsError::WrongClient {
            client_id: ctx.client_id.clone(),
            said,
        },
        "invalid_signature" => ImsError::SignatureMismatch { said },
        "invalid_scope" => ImsError::ScopeNotAllowed {
            scopes: ctx.scopes.clone(),
            said,
        },
        // IMS reports expiry and unmatched bindings under `invalid_token` too; the
        // description tells them apart (https://github.com/AdobeDocs/adobeio-auth/issues/67).
        "invalid_token" if description.contains("expired") => ImsError::JwtExpired { said },
        "invalid_token" if description.contains("signature") || description.contains("binding") => {
            ImsError::SignatureMismatch { said }
        }
        "invalid_token" | "bad_request" | "invalid_jti" | "invalid_request" => {
            ImsError::Malformed {
                code: body.error.clone(),
                said,
            }
        }
        // A 401 without a code is still a refusal of the client credentials.
        "" if status == 401 => ImsError::WrongClient {
            client_id: ctx.client_id.clone(),
            said,
        },
        other => ImsError::Rejected {
            status,
            code: other.to_owned(),
            said,
        },
    }
}

/// IMS's description, trimmed and kept short (200 characters); empty when it gave none.
fn short_description(description: &str) -> String {
    description.trim().chars().take(200).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn throttling_says_how_long_to_wait_in_french() {
        use metadesk_base::i18n::{Lang, Localizer, checks::assert_reads_french};
        let fr = Localizer::new(Lang::Fr);
        let asked = ImsError::Throttled {
            host: "ims-na1.adobelogin.com".into(),
            wait_secs: 90,
        };
        let said = asked.localized(&fr);
        assert_reads_french(&said);
        assert!(
            said.contains("(il demande d’attendre 90\u{a0}secondes)."),
            "{said}"
        );
        assert!(asked.to_string().contains("(it asks to wait 90 seconds)."));
        let silent = ImsError::Throttled {
            host: "ims-na1.adobelogin.com".into(),
            wait_secs: 0,
        };
        assert!(
            silent
                .localized(&fr)
                .contains("peuvent demander. Patientez")
        );
    }

    /// IMS's own description is a clause of the message in the reader's language, quoted as
    /// IMS wrote it; without one, nothing is added.
    #[test]
    fn what_ims_said_is_quoted_in_the_readers_language() {
        use metadesk_base::i18n::{Lang, Localizer, checks::assert_reads_french};
        let fr = Localizer::new(Lang::Fr);
        let cases = [
            (400, "invalid_client", "réponse"),
            (400, "invalid_signature", "réponse"),
            (400, "invalid_scope", "réponse"),
            (400, "invalid_token", "jeton expired"),
            (400, "bad_request", "réponse"),
            (403, "", "réponse"),
            (404, "not_found", "réponse"),
        ];
        for (status, code, description) in cases {
            let err = classify_refusal(status, &body(code, description), &ctx());
            let french = err.localized(&fr);
            assert!(
                french.contains(&format!(
                    "(Adobe IMS a indiqué\u{a0}: «\u{a0}{description}\u{a0}»)"
                )),
                "{status} {code}: {french}"
            );
            assert!(!french.contains("IMS said"), "{french}");
            // IMS's code and description are its own words.
            let french_words = french.replace(description, "réponse");
            if code.is_empty() {
                assert_reads_french(&french_words);
            } else {
                assert_reads_french(&french_words.replace(code, "code"));
            }
            let english = err.to_string();
            assert!(
                english.contains(&format!(" (IMS said: \"{description}\")")),
                "{english}"
            );
            let silent = classify_refusal(status, &body(code, ""), &ctx());
            assert!(!silent.localized(&fr).contains("indiqué"), "{silent}");
            assert!(!silent.to_string().contains("said"), "{silent}");
        }
        let rejected = classify_refusal(404, &body("not_found", "nope"), &ctx());
        assert!(
            rejected
                .localized(&fr)
                .contains("(HTTP 404, not_found (Adobe IMS a indiqué\u{a0}: «\u{a0}nope\u{a0}»))."),
            "{}",
            rejected.localized(&fr)
        );
    }

    fn ctx() -> RequestContext {
        RequestContext {
            client_id: "cm-p1-e2-integration".into(),
            scopes: "ent_aem_cloud_api".into(),
        }
    }

    fn body(error: &str, description: &str) -> ImsErrorBody {
        ImsErrorBody {
            error: error.into(),
            error_description: description.into(),
        }
    }

    #[test]
    fn each_ims_code_gets_its_own_words() {
        let cases: &[(u16, &str, &str, &str)] = &[
            (
                400,
                "invalid_client",
                "",
                "did not accept the client id cm-p1-e2-integration",
            ),
            (401, "invalid_client", "bad secret", "re-import"),
            (
                400,
                "invalid_signature",
                "",
                "private key or certificate was probably replaced",
            ),
            (
                400,
                "invalid_token",
                "Could not match JWT signature to any of the bindings",
                "certificate",
            ),
            (
                400,
                "invalid_token",
                "JWT has expired",
                "Check this computer's clock",
            ),
            (
                400,
                "invalid_scope",
                "The metascopes in the JWT are not a subset of the metascopes in the binding.",
                "refused the requested scopes (ent_aem_cloud_api)",
            ),
            (
                400,
                "invalid_token",
                "JWT token is incorrectly formatted, and can not be decoded.",
                "malformed (invalid_token",
            ),
            (400, "bad_request", "", "malformed (bad_request"),
            (401, "", "", "did not accept the client id"),
            (403, "", "", "HTTP 403"),
            (404, "not_found", "", "HTTP 404, not_found"),
        ];
        for (status, code, description, expected) in cases {
            let err = classify_refusal(*status, &body(code, description), &ctx());
            let text = err.to_string();
            assert!(text.contains(expected), "{status} {code}: {text}");
        }
    }

    #[test]
    fn codes_are_what_the_ui_branches_on() {
        let expired = classify_refusal(400, &body("invalid_token", "JWT expired"), &ctx());
        assert_eq!(expired.code(), ErrorCode::Auth);
        let unreachable = ImsError::Unreachable {
            host: "ims".into(),
            detail: "refused".into(),
        };
        assert_eq!(unreachable.code(), ErrorCode::Network);
        assert!(unreachable.to_string().contains("proxy"));
    }

    #[test]
    fn error_bodies_that_are_not_json_are_tolerated() {
        assert_eq!(
            ImsErrorBody::parse("<html>Bad gateway</html>"),
            ImsErrorBody::default()
        );
        let long = "x".repeat(1000);
        let err = classify_refusal(400, &body("invalid_scope", &long), &ctx());
        assert!(err.to_string().len() < 600, "descriptions are shortened");
    }
}
