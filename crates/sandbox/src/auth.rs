//! Who is calling an AEM endpoint, and whether that kind of caller may use that API family.
//!
//! Rules (<https://experienceleague.adobe.com/en/docs/experience-manager-learn/cloud-service/aem-apis/overview>):
//! Service-Credential and Local-Development tokens work on the classic API, GraphQL and
//! `currentuser.json`; OAuth Server-to-Server tokens only on `/adobe/*`, with `X-Api-Key` equal
//! to their client id. Basic auth, when the local-SDK mode is on, works everywhere. How each
//! family words its error body is up to its own module.

use axum::http::{HeaderMap, header};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use crate::ims::{TokenKind, now_ms};
use crate::{Shared, lock};

/// The API families with different token rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Family {
    /// `/api/assets`, `/content/...json`, GraphQL, `currentuser.json`.
    Classic,
    /// `/adobe/*` OpenAPI endpoints.
    OpenApi,
    /// The Sites API (`/adobe/sites/*`): the OpenAPI rules, its own words for a wrong kind.
    Sites,
}

/// The authenticated caller.
#[derive(Debug, Clone)]
pub(crate) struct Principal {
    pub user: String,
    pub read_only: bool,
}

/// Why a request is refused; `status` is 401 or 403.
#[derive(Debug, Clone)]
pub(crate) struct AuthError {
    pub status: u16,
    pub message: String,
    /// Value for `WWW-Authenticate` on 401s.
    pub challenge: Option<String>,
}

fn unauthorized(shared: &Shared, message: impl Into<String>) -> AuthError {
    let challenge = if shared.config.basic_auth.is_some() {
        "Basic realm=\"Sling (Development)\""
    } else {
        "Bearer realm=\"Adobe Experience Manager\""
    };
    AuthError {
        status: 401,
        message: message.into(),
        challenge: Some(challenge.to_owned()),
    }
}

fn forbidden(message: impl Into<String>) -> AuthError {
    AuthError {
        status: 403,
        message: message.into(),
        challenge: None,
    }
}

/// Authenticates a request for `family`, counting the use against `revoke_after`.
pub(crate) fn authenticate(
    shared: &Shared,
    headers: &HeaderMap,
    family: Family,
) -> Result<Principal, AuthError> {
    let value = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .ok_or_else(|| unauthorized(shared, "Authentication required: no Authorization header"))?;
    let (scheme, credentials) = value.split_once(' ').unwrap_or((value, ""));
    let credentials = credentials.trim();
    if scheme.eq_ignore_ascii_case("basic") {
        return basic(shared, credentials);
    }
    if !scheme.eq_ignore_ascii_case("bearer") || credentials.is_empty() {
        return Err(unauthorized(shared, "Unsupported Authorization scheme"));
    }
    let revoke_after = shared.faults.revoke_after();
    let mut ims = lock(&shared.ims);
    let Some(record) = ims.tokens.get_mut(credentials) else {
        return Err(unauthorized(shared, "Invalid access token: unknown to IMS"));
    };
    if record.revoked {
        return Err(unauthorized(shared, "Invalid access token: revoked"));
    }
    if record.expires_at_ms <= now_ms() {
        return Err(unauthorized(shared, "Invalid access token: expired"));
    }
    record.uses += 1;
    if revoke_after.is_some_and(|k| record.uses > k) {
        record.revoked = true;
        drop(ims);
        shared.counters.bump(|c| c.tokens_revoked += 1);
        return Err(unauthorized(shared, "Invalid access token: revoked"));
    }
    let record = record.clone();
    drop(ims);
    match (family, record.kind) {
        (Family::Classic, TokenKind::OAuthServerToServer) => Err(forbidden(
            "OAuth Server-to-Server tokens are accepted only by the OpenAPI-based AEM APIs \
             (/adobe/*); use AEM Developer Console Service Credentials or a Local Development \
             Token for this API",
        )),
        (Family::OpenApi, TokenKind::ServiceCredential | TokenKind::LocalDevelopment) => {
            Err(forbidden(
                "This API accepts only OAuth Server-to-Server tokens of a client id allow-listed \
                 for this environment (Adobe Developer Console credential)",
            ))
        }
        (Family::Sites, TokenKind::ServiceCredential | TokenKind::LocalDevelopment) => {
            Err(forbidden(
                "The Sites API (/adobe/sites) takes OAuth Server-to-Server credentials of a client \
                 id allow-listed for this environment (Adobe Developer Console); Service \
                 Credentials and Local Development Tokens are refused",
            ))
        }
        (Family::OpenApi | Family::Sites, TokenKind::OAuthServerToServer) => {
            match headers.get("x-api-key").and_then(|v| v.to_str().ok()) {
                None => Err(unauthorized(shared, "X-Api-Key header is required")),
                Some(k) if k == record.client_id => Ok(Principal {
                    user: record.user,
                    read_only: record.read_only,
                }),
                Some(_) => Err(forbidden(
                    "X-Api-Key does not match the client id of the access token",
                )),
            }
        }
        (Family::Classic, _) => Ok(Principal {
            user: record.user,
            read_only: record.read_only,
        }),
    }
}

fn basic(shared: &Shared, credentials: &str) -> Result<Principal, AuthError> {
    let Some((user, password)) = &shared.config.basic_auth else {
        return Err(unauthorized(
            shared,
            "Basic authentication is not enabled on this author",
        ));
    };
    let decoded = STANDARD
        .decode(credentials)
        .ok()
        .and_then(|b| String::from_utf8(b).ok());
    match decoded.as_deref().and_then(|d| d.split_once(':')) {
        Some((u, p)) if u == user && p == password => Ok(Principal {
            user: user.clone(),
            read_only: false,
        }),
        _ => Err(unauthorized(shared, "Invalid user name or password")),
    }
}

/// Takes `user` out of a set of users denied something, or puts them in.
pub(crate) fn set_denied(
    denied: &std::sync::Mutex<std::collections::HashSet<String>>,
    user: &str,
    allowed: bool,
) {
    let mut denied = crate::lock(denied);
    if allowed {
        denied.remove(user);
    } else {
        denied.insert(user.to_owned());
    }
}
