//! Why an access token could not be obtained, in words a user can act on: the IMS error
//! codes of adobe-wire §2.4, HTTP statuses, transport failures and unusable inputs.
//!
//! Not here: sending requests (`exchange`) or deciding what to retry (`retry`). The raw IMS
//! answer is logged where it is received; messages here quote only IMS's short description,
//! which never contains anything we sent.

use crate::error_code::ErrorCode;
use crate::i18n::{Localizer, Message, MessageArg, Text};

/// One reason minting failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImsError {
    /// The credential itself is incomplete or unusable (missing field, unreadable key…).
    #[error("{0}")]
    InvalidCredential(Text),
    /// `invalid_client`: unknown client id, wrong secret, or a client not allowed to exchange.
    #[error(
        "Adobe IMS did not accept the client id {client_id} with its client secret{detail}. The \
         credential may have been deleted, its secret rotated, or it belongs to another IMS \
         environment. Download the credential again and re-import it."
    )]
    WrongClient { client_id: String, detail: String },
    /// `invalid_signature` (or `invalid_token` about bindings): the key does not match any
    /// certificate IMS knows for this technical account.
    #[error(
        "Adobe IMS could not match the signature to this technical account's certificate{detail}. \
         The private key or certificate was probably replaced, revoked or has expired. In the \
         AEM Developer Console, download the current service credentials (or add a new \
         certificate) and re-import them."
    )]
    SignatureMismatch { detail: String },
    /// `invalid_scope`: the metascopes or scopes are not allowed for this credential.
    #[error(
        "Adobe IMS refused the requested scopes ({scopes}){detail}. Re-import the credential \
         file unchanged from the Developer Console; if it is current, the technical account is \
         not allowed these scopes."
    )]
    ScopeNotAllowed { scopes: String, detail: String },
    /// `invalid_token` saying the JWT expired: almost always a wrong computer clock.
    #[error(
        "Adobe IMS rejected the signed request as expired{detail}. Check this computer's clock: \
         its date, time and time zone must be right (automatic time is best), then try again."
    )]
    JwtExpired { detail: String },
    /// `invalid_token`, `bad_request`, `invalid_jti` and other complaints about the request.
    #[error(
        "Adobe IMS rejected the token request as malformed ({code}{detail}). This is likely a \
         problem in Metadesk or a damaged credential file; re-import the file, and report it if \
         it persists."
    )]
    Malformed { code: String, detail: String },
    /// Any other 4xx answer.
    #[error("Adobe IMS refused to issue a token (HTTP {status}{detail}).")]
    Rejected { status: u16, detail: String },
    /// 5xx after the retries.
    #[error(
        "Adobe IMS at {host} is having trouble (it answered HTTP {status}, also after {attempts} \
         attempts). This is on Adobe's side; try again in a few minutes."
    )]
    ServerTrouble {
        host: String,
        status: u16,
        attempts: u32,
    },
    /// 429 after the retries, or a `Retry-After` longer than we are willing to wait.
    /// `wait_secs`: how long IMS asked to wait (0: it did not say).
    #[error(
        "Adobe IMS at {host} is limiting how many tokens this credential may request{}. Wait \
         a while before trying again.",
        asked_wait(.wait_secs)
    )]
    Throttled { host: String, wait_secs: u64 },
    /// No answer at all: offline, DNS, proxy, refused or dropped connection.
    #[error(
        "Could not reach Adobe IMS at {host} ({detail}). Check that this computer is online and, \
         if your network needs a proxy, that it lets {host} through."
    )]
    Unreachable { host: String, detail: String },
    /// IMS did not answer in time (after the retries).
    #[error("Adobe IMS at {host} did not answer in time. Check the network and try again.")]
    Timeout { host: String },
    /// IMS answered with a redirect; credentials are never forwarded.
    #[error(
        "Adobe IMS at {host} answered with a redirect to {location}. Metadesk does not follow \
         redirects with credentials; check the IMS address of this connection."
    )]
    Redirected { host: String, location: String },
    /// A 2xx answer we cannot use.
    #[error("Adobe IMS at {host} gave an answer Metadesk cannot use ({detail}).")]
    BadResponse { host: String, detail: String },
}

/// " (it asks to wait 30 seconds)", or nothing when IMS did not say (`Display`'s English).
fn asked_wait(secs: &u64) -> String {
    if *secs == 0 {
        String::new()
    } else {
        format!(" (it asks to wait {secs} seconds)")
    }
}

impl ImsError {
    /// The message in the user's language (`Display` is the English one, for the log). IMS's
    /// own short description, quoted in `detail`, stays as IMS wrote it.
    pub fn localized(&self, l: &Localizer) -> String {
        if let ImsError::InvalidCredential(text) = self {
            return text.localized(l);
        }
        match self.message() {
            Some(message) => message.localized(l),
            None => self.to_string(),
        }
    }

    /// The catalogue message telling this failure; `None` for a credential file's refusal
    /// (free text, not in the catalogue yet).
    pub fn message(&self) -> Option<Message> {
        let t = |s: &str| MessageArg::from(s);
        let n = |v: f64| MessageArg::Number(v);
        let (id, args) = match self {
            ImsError::InvalidCredential(_) => return None,
            ImsError::WrongClient { client_id, detail } => (
                "ims-wrong-client",
                vec![("clientId", t(client_id)), ("detail", t(detail))],
            ),
            ImsError::SignatureMismatch { detail } => {
                ("ims-signature-mismatch", vec![("detail", t(detail))])
            }
            ImsError::ScopeNotAllowed { scopes, detail } => (
                "ims-scope-not-allowed",
                vec![("scopes", t(scopes)), ("detail", t(detail))],
            ),
            ImsError::JwtExpired { detail } => ("ims-jwt-expired", vec![("detail", t(detail))]),
            ImsError::Malformed { code, detail } => (
                "ims-malformed",
                vec![("code", t(code)), ("detail", t(detail))],
            ),
            ImsError::Rejected { status, detail } => (
                "ims-rejected",
                vec![("status", n(f64::from(*status))), ("detail", t(detail))],
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
                vec![("host", t(host)), ("detail", t(detail))],
            ),
        };
        Some(Message { id, args })
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

/// Maps a final (non-retried) 4xx answer to its plain-words reason (adobe-wire §2.4).
pub fn classify_refusal(status: u16, body: &ImsErrorBody, ctx: &RequestContext) -> ImsError {
    let detail = quote_description(&body.error_description);
    let description = body.error_description.to_ascii_lowercase();
    match body.error.as_str() {
        "invalid_client" | "unauthorized_client" => ImsError::WrongClient {
            client_id: ctx.client_id.clone(),
            detail,
        },
        "invalid_signature" => ImsError::SignatureMismatch { detail },
        "invalid_scope" => ImsError::ScopeNotAllowed {
            scopes: ctx.scopes.clone(),
            detail,
        },
        // IMS reports expiry and unmatched bindings under `invalid_token` too; the
        // description tells them apart (adobe-wire §2.4, AdobeDocs/adobeio-auth#67).
        "invalid_token" if description.contains("expired") => ImsError::JwtExpired { detail },
        "invalid_token" if description.contains("signature") || description.contains("binding") => {
            ImsError::SignatureMismatch { detail }
        }
        "invalid_token" | "bad_request" | "invalid_jti" | "invalid_request" => {
            ImsError::Malformed {
                code: body.error.clone(),
                detail,
            }
        }
        // A 401 without a code is still a refusal of the client credentials.
        "" if status == 401 => ImsError::WrongClient {
            client_id: ctx.client_id.clone(),
            detail,
        },
        other => ImsError::Rejected {
            status,
            detail: if other.is_empty() {
                detail
            } else {
                format!(", {other}{detail}")
            },
        },
    }
}

/// `: "text"` for a non-empty IMS description (kept short), else nothing.
fn quote_description(description: &str) -> String {
    let text = description.trim();
    if text.is_empty() {
        return String::new();
    }
    let short: String = text.chars().take(200).collect();
    format!(" (IMS said: \"{short}\")")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn throttling_says_how_long_to_wait_in_french() {
        use crate::i18n::{Lang, Localizer, checks::assert_reads_french};
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
