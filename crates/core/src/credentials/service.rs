//! AEM Developer Console service credentials (adobe-wire §1.1): the `{ok, integration,
//! statusCode}` envelope, the `integration` object alone, or its fields without a wrapper.
//!
//! Validation: every required field present and text; the IMS address usable; metascopes not
//! empty; the private key readable and matching the certificate; the certificate not expired
//! (a warning within 30 days).

use rsa::traits::PublicKeyParts;
use serde_json::{Map, Value};
use time::{Duration, OffsetDateTime};

use super::fields::{Fields, Problems};
use super::{CredentialKind, Draft, Refusal, cert, day, hint, pem, urls};
use crate::secrets::Secret;
use crate::secrets::slots::SecretSlot;

/// Warn when the certificate has fewer days left than this (Adobe emails at 30 and 3 days).
pub const EXPIRY_WARNING_DAYS: i64 = 30;

pub fn parse(object: &Map<String, Value>, now: OffsetDateTime) -> Result<Draft, Refusal> {
    let mut problems = Problems::default();
    let mut warnings = Vec::new();
    let root = Fields::root(object);
    let integration = if object.contains_key("integration") {
        root.object("integration", &mut problems)
    } else {
        root
    };
    // Adobe now calls these JWT credentials legacy in favour of OAuth Server-to-Server
    // (adobe-wire-more §6); the newer AEM Developer Console file's shape is not documented.
    // A technical account with a client id and secret but no key or certificate is taken as
    // that OAuth form, leniently (any wrapper, scopes under either name).
    if problems.is_empty()
        && integration.get("privateKey").is_none()
        && integration.get("publicKey").is_none()
        && integration.get("certificateExpirationDate").is_none()
    {
        return parse_oauth_form(&integration);
    }

    let ims_base = integration
        .text("imsEndpoint", "IMS address", &mut problems)
        .and_then(|raw| {
            urls::normalise_ims_base(&raw)
                .map_err(|e| {
                    problems.push(format!(
                        "The IMS address ({}) is not usable: {e}.",
                        integration.path("imsEndpoint")
                    ))
                })
                .ok()
        });
    let metascopes = integration.word_list("metascopes", "metascopes", &mut problems);
    let account = integration.object("technicalAccount", &mut problems);
    let client_id = account.text("clientId", "client id", &mut problems);
    let client_secret = account
        .text("clientSecret", "client secret", &mut problems)
        .map(Secret::new);
    let technical_account_id = integration.text("id", "technical account id", &mut problems);
    let org = integration.text("org", "organisation id", &mut problems);
    let email = integration.optional_text("email", "technical account email", &mut problems);
    if email.is_none() {
        warnings.push(format!(
            "The file has no technical account email ({}), so Metadesk cannot tell you which \
             AEM user to give permissions to.",
            integration.path("email")
        ));
    }

    let key_path = integration.path("privateKey");
    let private_key = integration
        .text("privateKey", "private key", &mut problems)
        .and_then(|raw| {
            let raw = Secret::new(raw);
            pem::parse_private_key(raw.expose())
                .map_err(|e| problems.push(format!("The private key ({key_path}) {e}.")))
                .ok()
        });

    let cert_path = integration.path("publicKey");
    let mut certificate_expires_at = None;
    match integration.optional_text("publicKey", "certificate", &mut problems) {
        Some(raw) => match cert::parse(&raw) {
            Ok(info) => {
                certificate_expires_at = Some(info.not_after);
                if let Some(key) = &private_key
                    && key.to_public_key() != info.public_key
                {
                    problems.push(format!(
                        "The private key ({key_path}) does not belong to the certificate \
                         ({cert_path}). Download the credentials again: a key and a certificate \
                         from different downloads do not work together."
                    ));
                }
                if info.not_before > now {
                    warnings.push(format!(
                        "The certificate is valid only from {}; check this computer's date.",
                        day(info.not_before)
                    ));
                }
            }
            Err(e) => problems.push(format!("The certificate ({cert_path}) {e}.")),
        },
        None => {
            // Recent downloads may also carry the date alone (adobe-wire §1.1 variants).
            certificate_expires_at = integration
                .get("certificateExpirationDate")
                .and_then(Value::as_str)
                .and_then(crate::timefmt::parse_rfc3339);
            if certificate_expires_at.is_none() {
                warnings.push(format!(
                    "The file has no certificate ({cert_path}), so Metadesk cannot tell when it \
                     expires."
                ));
            }
        }
    }
    if let Some(expires) = certificate_expires_at {
        let left = expires - now;
        if left <= Duration::ZERO {
            problems.push(format!(
                "The certificate expired on {}. In the AEM Developer Console, open this \
                 technical account, add a new certificate, and download the credentials again.",
                day(expires)
            ));
        } else if left < Duration::days(EXPIRY_WARNING_DAYS) {
            warnings.push(format!(
                "The certificate expires in {} (on {}). Add a new certificate in the AEM \
                 Developer Console before then.",
                days_in_words(left.whole_days()),
                day(expires)
            ));
        }
    }

    if !problems.is_empty() {
        return Err(Refusal {
            problems: problems.0,
        });
    }
    let (Some(ims_base), Some(client_id), Some(client_secret), Some(key)) =
        (ims_base, client_id, client_secret, private_key)
    else {
        return Err(Refusal::one("The file is incomplete."));
    };
    let environment = urls::program_and_environment(&client_id);
    let summary = match environment {
        Some((p, e)) => format!(
            "AEM service credentials for program {p}, environment {e}, from the AEM Developer \
             Console."
        ),
        None => "AEM service credentials from the AEM Developer Console.".to_string(),
    };
    let suggested_name = match environment {
        Some((p, e)) => format!("p{p} · e{e}"),
        None => client_id.clone(),
    };
    let key_pem = pem::to_pkcs1_pem(&key)
        .map_err(|why| Refusal::one(format!("The private key in the file {why}.")))?;
    Ok(Draft {
        choice: None,
        kind: CredentialKind::ServiceCredentials,
        summary,
        aem_url: urls::infer_author_url(&client_id),
        ims_base: Some(ims_base),
        technical_account_id,
        technical_account_email: email,
        org,
        scopes: metascopes,
        acts_as: None,
        certificate_expires_at,
        token_expires_at: None,
        suggested_name,
        secret_hints: vec![
            hint("client secret", &client_secret),
            format!("private key ({}-bit RSA)", key.size() * 8),
        ],
        secrets: vec![
            (SecretSlot::ClientSecret, client_secret),
            (SecretSlot::PrivateKey, key_pem),
        ],
        client_id: Some(client_id),
        warnings,
    })
}

/// An AEM Developer Console technical account without a private key: its client id and secret
/// get tokens with the client-credentials grant at its IMS (like an Adobe Developer Console
/// OAuth Server-to-Server credential), so it is stored as one and writes through AEM's OpenAPI.
fn parse_oauth_form(integration: &Fields<'_>) -> Result<Draft, Refusal> {
    let mut problems = Problems::default();
    let ims_base = integration
        .text("imsEndpoint", "IMS address", &mut problems)
        .and_then(|raw| {
            urls::normalise_ims_base(&raw)
                .map_err(|e| {
                    problems.push(format!(
                        "The IMS address ({}) is not usable: {e}.",
                        integration.path("imsEndpoint")
                    ))
                })
                .ok()
        });
    let account = integration.object("technicalAccount", &mut problems);
    let client_id = account.text("clientId", "client id", &mut problems);
    let client_secret = account
        .text("clientSecret", "client secret", &mut problems)
        .map(Secret::new);
    let scopes_key = ["scopes", "scope", "metascopes"]
        .into_iter()
        .find(|k| integration.get(k).is_some())
        .unwrap_or("scopes");
    let scopes = integration.word_list(scopes_key, "scopes", &mut problems);
    let org = integration.optional_text("org", "organisation id", &mut problems);
    let technical_account_id =
        integration.optional_text("id", "technical account id", &mut problems);
    let email = integration.optional_text("email", "technical account email", &mut problems);
    if !problems.is_empty() {
        // Say what was looked for: a file missing a key may be a damaged JWT download.
        problems.push(
            "Metadesk read this as an AEM Developer Console technical account without a \
             private key (the newer OAuth form), which needs a client id, a client secret, \
             scopes and the IMS address. If it is meant to be JWT service credentials, \
             download them again: the private key is missing."
                .to_owned(),
        );
        return Err(Refusal {
            problems: problems.0,
        });
    }
    let (Some(ims_base), Some(client_id), Some(client_secret)) =
        (ims_base, client_id, client_secret)
    else {
        return Err(Refusal::one("The file is incomplete."));
    };
    let environment = urls::program_and_environment(&client_id);
    let place = match environment {
        Some((p, e)) => format!(" for program {p}, environment {e}"),
        None => String::new(),
    };
    let ims_host = urls::host_of(&ims_base);
    let mut warnings = Vec::new();
    if email.is_none() {
        warnings.push(
            "The file has no technical account email, so Metadesk cannot tell you which AEM \
             user to give permissions to."
                .to_owned(),
        );
    }
    Ok(Draft {
        choice: None,
        kind: CredentialKind::OauthServerToServer,
        summary: format!(
            "An AEM Developer Console technical account{place} with a client id and secret but \
             no private key: the newer OAuth form. Metadesk gets its tokens from {ims_host} with \
             the client id and secret (no JWT), and writes to assets through AEM's OpenAPI. If \
             AEM refuses it on folder listings and searches, pair it with a connection that \
             finds assets."
        ),
        suggested_name: match environment {
            Some((p, e)) => format!("p{p} · e{e} · OAuth"),
            None => client_id.clone(),
        },
        aem_url: urls::infer_author_url(&client_id),
        ims_base: Some(ims_base),
        technical_account_id,
        technical_account_email: email,
        org,
        scopes,
        acts_as: None,
        certificate_expires_at: None,
        token_expires_at: None,
        secret_hints: vec![hint("client secret", &client_secret)],
        secrets: vec![(SecretSlot::ClientSecret, client_secret)],
        client_id: Some(client_id),
        warnings,
    })
}

pub(crate) fn days_in_words(days: i64) -> String {
    match days {
        0 => "less than a day".to_string(),
        1 => "1 day".to_string(),
        n => format!("{n} days"),
    }
}
