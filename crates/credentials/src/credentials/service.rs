//! AEM Developer Console service credentials
//! (<https://experienceleague.adobe.com/en/docs/experience-manager-cloud-service/content/implementing/developing/generating-access-tokens-for-server-side-apis>,
//! <https://github.com/adobe/aemcs-api-client-lib>): the `{ok, integration, statusCode}`
//! envelope, the `integration` object alone, or its fields without a wrapper.
//!
//! Validation: every required field present and text; the IMS address usable; metascopes not
//! empty; the private key readable and matching the certificate; the certificate not expired
//! (a warning within 30 days).

use rsa::traits::PublicKeyParts;
use serde_json::{Map, Value};
use time::{Duration, OffsetDateTime};

use super::fields::{Fields, Problems};
use super::{CredentialKind, Draft, Refusal, SecretField, SecretHint, cert, pem, urls};
use crate::secrets::Secret;
use crate::secrets::slots::SecretSlot;
use metadesk_base::i18n::{Part, Text};
use metadesk_base::net::UrlProblem;

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
    // (https://experienceleague.adobe.com/en/docs/experience-manager-cloud-service/content/implementing/developing/generating-access-tokens-for-server-side-apis-jwt-legacy);
    // the newer AEM Developer Console file's shape is not documented.
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
        .text("imsEndpoint", "ims-address", &mut problems)
        .and_then(|raw| {
            urls::normalise_ims_base(&raw)
                .map_err(|e| problems.push(ims_problem(&e, &integration.path("imsEndpoint"))))
                .ok()
        });
    let metascopes = integration.word_list("metascopes", "metascopes", &mut problems);
    let account = integration.object("technicalAccount", &mut problems);
    let client_id = account.text("clientId", "client-id", &mut problems);
    let client_secret = account
        .text("clientSecret", "client-secret", &mut problems)
        .map(Secret::new);
    let technical_account_id = integration.text("id", "technical-account-id", &mut problems);
    let org = integration.text("org", "organisation-id", &mut problems);
    let email = integration.optional_text("email", "technical-account-email", &mut problems);
    if email.is_none() {
        warnings.push(Text::new(
            "import-warning-no-email-at",
            vec![("path", integration.path("email").into())],
        ));
    }

    let key_path = integration.path("privateKey");
    let private_key = integration
        .text("privateKey", "private-key", &mut problems)
        .and_then(|raw| {
            let raw = Secret::new(raw);
            pem::parse_private_key(raw.expose())
                .map_err(|e| problems.push(pem_problem("private-key", &key_path, e)))
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
                    problems.add(
                        "refusal-key-certificate-mismatch",
                        vec![
                            ("key", key_path.as_str().into()),
                            ("certificate", cert_path.as_str().into()),
                        ],
                    );
                }
                if info.not_before > now {
                    warnings.push(Text::new(
                        "import-warning-not-yet-valid",
                        vec![("date", Part::Date(info.not_before))],
                    ));
                }
            }
            Err(e) => problems.push(pem_problem("certificate", &cert_path, e)),
        },
        None => {
            // Recent downloads may also carry the date alone (seen in copies of recent files,
            // not in Adobe's documentation: UNCONFIRMED).
            certificate_expires_at = integration
                .get("certificateExpirationDate")
                .and_then(Value::as_str)
                .and_then(metadesk_base::timefmt::parse_rfc3339);
            if certificate_expires_at.is_none() {
                warnings.push(Text::new(
                    "import-warning-no-certificate",
                    vec![("path", cert_path.as_str().into())],
                ));
            }
        }
    }
    if let Some(expires) = certificate_expires_at {
        let left = expires - now;
        if left <= Duration::ZERO {
            problems.add(
                "refusal-certificate-expired",
                vec![("date", Part::Date(expires))],
            );
        } else if left < Duration::days(EXPIRY_WARNING_DAYS) {
            warnings.push(Text::new(
                "import-warning-certificate-expires",
                vec![
                    ("days", (left.whole_days() as f64).into()),
                    ("date", Part::Date(expires)),
                ],
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
        return Err(Refusal::new("refusal-incomplete", Vec::new()));
    };
    let environment = urls::program_and_environment(&client_id);
    let summary = match environment {
        Some((p, e)) => Text::new(
            "import-summary-service-at",
            vec![
                ("program", p.to_string().into()),
                ("environment", e.to_string().into()),
            ],
        ),
        None => Text::plain("import-summary-service"),
    };
    let suggested_name = cloud_name("name-suggestion-cloud", environment, &client_id);
    let key_pem =
        pem::to_pkcs1_pem(&key).map_err(|_| Refusal::new("refusal-key-reencode", Vec::new()))?;
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
            SecretHint::of(SecretField::ClientSecret, &client_secret),
            SecretHint::PrivateKey {
                bits: u32::try_from(key.size() * 8).unwrap_or(u32::MAX),
            },
        ],
        secrets: vec![
            (SecretSlot::ClientSecret, client_secret),
            (SecretSlot::PrivateKey, key_pem),
        ],
        client_id: Some(client_id),
        warnings,
    })
}

/// A Cloud Service credential's name unless the person gives another: its program and
/// environment in words ("Program 14726 · environment 686683"), in the importer's language once
/// localized; its client id where it names neither.
fn cloud_name(id: &'static str, environment: Option<(u64, u64)>, client_id: &str) -> Text {
    match environment {
        // As strings: a number would be grouped ("14 726") and no longer be the one AEM shows.
        Some((p, e)) => Text::new(
            id,
            vec![
                ("program", p.to_string().into()),
                ("environment", e.to_string().into()),
            ],
        ),
        None => Text::Plain(client_id.to_owned()),
    }
}

/// An AEM Developer Console technical account without a private key: its client id and secret
/// get tokens with the client-credentials grant at its IMS (like an Adobe Developer Console
/// OAuth Server-to-Server credential), so it is stored as one and writes through AEM's OpenAPI.
fn parse_oauth_form(integration: &Fields<'_>) -> Result<Draft, Refusal> {
    let mut problems = Problems::default();
    let ims_base = integration
        .text("imsEndpoint", "ims-address", &mut problems)
        .and_then(|raw| {
            urls::normalise_ims_base(&raw)
                .map_err(|e| problems.push(ims_problem(&e, &integration.path("imsEndpoint"))))
                .ok()
        });
    let account = integration.object("technicalAccount", &mut problems);
    let client_id = account.text("clientId", "client-id", &mut problems);
    let client_secret = account
        .text("clientSecret", "client-secret", &mut problems)
        .map(Secret::new);
    let scopes_key = ["scopes", "scope", "metascopes"]
        .into_iter()
        .find(|k| integration.get(k).is_some())
        .unwrap_or("scopes");
    let scopes = integration.word_list(scopes_key, "scopes", &mut problems);
    let org = integration.optional_text("org", "organisation-id", &mut problems);
    let technical_account_id =
        integration.optional_text("id", "technical-account-id", &mut problems);
    let email = integration.optional_text("email", "technical-account-email", &mut problems);
    if !problems.is_empty() {
        // Say what was looked for: a file missing a key may be a damaged JWT download.
        problems.add("refusal-oauth-form", Vec::new());
        return Err(Refusal {
            problems: problems.0,
        });
    }
    let (Some(ims_base), Some(client_id), Some(client_secret)) =
        (ims_base, client_id, client_secret)
    else {
        return Err(Refusal::new("refusal-incomplete", Vec::new()));
    };
    let environment = urls::program_and_environment(&client_id);
    let place: Vec<Text> = match environment {
        Some((p, e)) => vec![Text::new(
            "import-place",
            vec![
                ("program", p.to_string().into()),
                ("environment", e.to_string().into()),
            ],
        )],
        None => Vec::new(),
    };
    let ims_host = urls::host_of(&ims_base);
    let mut warnings = Vec::new();
    if email.is_none() {
        warnings.push(Text::plain("import-warning-no-email"));
    }
    Ok(Draft {
        choice: None,
        kind: CredentialKind::OauthServerToServer,
        summary: Text::new(
            "import-summary-oauth-form",
            vec![("place", place.into()), ("host", ims_host.into())],
        ),
        suggested_name: cloud_name("name-suggestion-cloud-oauth", environment, &client_id),
        aem_url: urls::infer_author_url(&client_id),
        ims_base: Some(ims_base),
        technical_account_id,
        technical_account_email: email,
        org,
        scopes,
        acts_as: None,
        certificate_expires_at: None,
        token_expires_at: None,
        secret_hints: vec![SecretHint::of(SecretField::ClientSecret, &client_secret)],
        secrets: vec![(SecretSlot::ClientSecret, client_secret)],
        client_id: Some(client_id),
        warnings,
    })
}

/// The IMS address at `path` is not usable.
pub(crate) fn ims_problem(e: &UrlProblem, path: &str) -> Text {
    let mut args = e.parts();
    args.push(("path", path.into()));
    Text::new("refusal-ims-address", args)
}

/// The PEM block of `field` (a `credential-field` key) at `path` has `problem` (a `pem-problem`
/// key).
fn pem_problem(field: &'static str, path: &str, problem: &'static str) -> Text {
    Text::new(
        "refusal-pem",
        vec![
            ("field", field.into()),
            ("path", path.into()),
            ("problem", problem.into()),
        ],
    )
}
