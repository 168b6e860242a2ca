//! AEM local development tokens
//! (<https://experienceleague.adobe.com/en/docs/experience-manager-learn/getting-started-with-aem-headless/authentication/local-development-access-token>):
//! `{ok, statusCode, accessToken}` (the envelope is UNCONFIRMED) or just `{accessToken}`. The
//! token acts as the person who created it and lasts 24 hours.
//!
//! We read the token's payload without checking its signature (we are not the party that
//! trusts it; AEM is) to show who it acts as and when it expires: `created_at` + `expires_in`,
//! both milliseconds, sometimes written as text.

use base64::Engine;
use serde_json::{Map, Value};
use time::{Duration, OffsetDateTime};

use super::fields::{Fields, Problems};
use super::{CredentialKind, Draft, Refusal, SecretField, SecretHint, until};
use crate::secrets::Secret;
use crate::secrets::slots::SecretSlot;
use metadesk_base::i18n::{Part, Text};

pub fn parse(object: &Map<String, Value>, now: OffsetDateTime) -> Result<Draft, Refusal> {
    let mut problems = Problems::default();
    let root = Fields::root(object);
    let Some(token) = root
        .text("accessToken", "access-token", &mut problems)
        .map(Secret::new)
    else {
        return Err(Refusal {
            problems: problems.0,
        });
    };
    let Some(claims) = claims(token.expose()) else {
        return Err(Refusal::new("refusal-token-unreadable", Vec::new()));
    };
    let millis = |key: &str| -> Option<i64> {
        match claims.get(key)? {
            Value::String(s) => s.trim().parse().ok(),
            Value::Number(n) => n.as_i64(),
            _ => None,
        }
    };
    let expires_at = match (millis("created_at"), millis("expires_in")) {
        (Some(created), Some(valid)) => {
            OffsetDateTime::from_unix_timestamp_nanos(i128::from(created) * 1_000_000)
                .ok()
                .and_then(|created| created.checked_add(Duration::milliseconds(valid)))
        }
        _ => None,
    };
    let text_claim = |key: &str| claims.get(key).and_then(Value::as_str).map(str::to_string);
    let acts_as = text_claim("email")
        .or_else(|| text_claim("user_email"))
        .or_else(|| text_claim("user_id"));
    let ims_base = text_claim("as")
        .filter(|a| a.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
        .map(|a| format!("https://{a}.adobelogin.com"));

    let mut warnings = vec![Text::plain("import-warning-token-not-renewable")];
    match expires_at {
        Some(expires) if expires <= now => {
            return Err(Refusal::new(
                "refusal-token-expired",
                vec![("date", Part::Date(expires))],
            ));
        }
        Some(_) => {}
        None => warnings.push(Text::plain("import-warning-token-end-unknown")),
    }
    let who: Part = match &acts_as {
        Some(user) => user.as_str().into(),
        None => Text::plain("import-token-creator").into(),
    };
    let summary = match expires_at {
        Some(expires) => Text::new(
            "import-summary-dev-token",
            vec![("who", who), ("until", until(expires, now).into())],
        ),
        None => Text::new("import-summary-dev-token-no-end", vec![("who", who)]),
    };
    let suggested_name = match &acts_as {
        Some(user) => Text::new(
            "name-suggestion-dev-token",
            vec![("user", user.as_str().into())],
        ),
        None => Text::plain("name-suggestion-dev-token-anonymous"),
    };
    Ok(Draft {
        choice: None,
        kind: CredentialKind::LocalDevToken,
        summary,
        ims_base,
        client_id: None,
        technical_account_id: None,
        technical_account_email: None,
        org: None,
        scopes: Vec::new(),
        acts_as,
        certificate_expires_at: None,
        token_expires_at: expires_at,
        suggested_name,
        // A development token names no environment: the user tells us which one it is for.
        aem_url: None,
        secret_hints: vec![SecretHint::of(SecretField::DevelopmentToken, &token)],
        secrets: vec![(SecretSlot::DevToken, token)],
        warnings,
    })
}

/// The payload of a JWT, unverified. `None` when the text is not a JWT.
fn claims(token: &str) -> Option<Map<String, Value>> {
    let mut parts = token.split('.');
    let (_header, payload) = (parts.next()?, parts.next()?);
    parts.next()?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .ok()?;
    match serde_json::from_slice(&bytes).ok()? {
        Value::Object(map) => Some(map),
        _ => None,
    }
}
