//! Adobe Developer Console OAuth Server-to-Server credentials
//! (<https://developer.adobe.com/developer-console/docs/guides/authentication/ServerToServerAuthentication/implementation>):
//! the project / workspace JSON (possibly several credentials; the user picks, the first is the
//! default) and the flat `aio`-style object.
//!
//! Adobe's downloads name no IMS address: Adobe's production IMS is used. An optional
//! `imsEndpoint` next to the client id (the sandbox writes one, to point at itself) is honoured,
//! with the same rules as in service credentials. They name no AEM environment either, so the
//! user gives the author URL.

use serde_json::{Map, Value};

use super::fields::{Fields, Problems};
use super::{
    CredentialChoice, CredentialKind, Draft, Refusal, SecretField, SecretHint, detect, service,
    urls,
};
use crate::secrets::Secret;
use crate::secrets::slots::SecretSlot;
use metadesk_base::i18n::Text;

/// A Developer Console project JSON: one draft per usable OAuth S2S credential.
pub fn parse_project(object: &Map<String, Value>) -> Result<Vec<Draft>, Refusal> {
    let mut problems = Problems::default();
    let root = Fields::root(object);
    let project = root.object("project", &mut problems);
    let org = project.object("org", &mut problems).optional_text(
        "ims_org_id",
        "organisation-id",
        &mut problems,
    );
    let project_title = project
        .optional_text("title", "project-title", &mut problems)
        .or_else(|| project.optional_text("name", "project-name", &mut problems));
    let details = project
        .object("workspace", &mut problems)
        .object("details", &mut problems);
    let credentials = match details.get("credentials") {
        Some(Value::Array(list)) => list.as_slice(),
        _ => &[],
    };

    let mut drafts = Vec::new();
    let mut has_jwt = false;
    for (index, credential) in credentials.iter().enumerate() {
        let Value::Object(credential) = credential else {
            continue;
        };
        let Some(Value::Object(s2s)) = credential.get("oauth_server_to_server") else {
            has_jwt |= credential.contains_key("jwt");
            continue;
        };
        let path = format!("project.workspace.details.credentials[{index}].oauth_server_to_server");
        let name = credential
            .get("name")
            .and_then(Value::as_str)
            .map(str::to_string);
        let key = credential
            .get("id")
            .and_then(|v| {
                v.as_str()
                    .map(str::to_string)
                    .or_else(|| v.as_u64().map(|n| n.to_string()))
            })
            .unwrap_or_else(|| (index + 1).to_string());
        match s2s_draft(s2s, &path, org.clone(), &mut problems) {
            Some(mut draft) => {
                let client = draft.client_id.clone().unwrap_or_default();
                let label = match &name {
                    Some(name) => Text::new(
                        "import-choice",
                        vec![
                            ("name", name.as_str().into()),
                            ("client", client.as_str().into()),
                        ],
                    ),
                    None => Text::new(
                        "import-choice-unnamed",
                        vec![
                            ("number", ((index + 1) as f64).into()),
                            ("client", client.as_str().into()),
                        ],
                    ),
                };
                draft.suggested_name = Text::Plain(match (&project_title, &name) {
                    (Some(project), Some(name)) => format!("{project} ({name})"),
                    (Some(project), None) => project.clone(),
                    (None, Some(name)) => name.clone(),
                    (None, None) => client,
                });
                draft.choice = Some(CredentialChoice { key, label });
                drafts.push(draft);
            }
            None => continue,
        }
    }
    if drafts.is_empty() {
        if has_jwt && problems.is_empty() {
            return Err(detect::retired_jwt());
        }
        if problems.is_empty() {
            problems.add("refusal-no-s2s", Vec::new());
        }
        return Err(Refusal {
            problems: problems.0,
        });
    }
    // Some credentials usable, some broken: import is possible, but say what was skipped.
    if !problems.is_empty() {
        for draft in &mut drafts {
            draft.warnings.push(Text::new(
                "import-warning-other-credentials",
                vec![("problems", problems.0.clone().into())],
            ));
        }
    }
    Ok(drafts)
}

/// The flat object `{client_id, client_secrets[] | client_secret, scopes, …}`. Keys are matched
/// without regard to case (`CLIENT_ID` appears in copies of `.env` files).
pub fn parse_flat(object: &Map<String, Value>) -> Result<Draft, Refusal> {
    let lowered: Map<String, Value> = object
        .iter()
        .map(|(k, v)| (k.to_ascii_lowercase(), v.clone()))
        .collect();
    let mut problems = Problems::default();
    let org = Fields::root(&lowered)
        .optional_text("ims_org_id", "organisation-id", &mut problems)
        .or_else(|| {
            Fields::root(&lowered).optional_text("org_id", "organisation-id", &mut problems)
        });
    match s2s_draft(&lowered, "", org, &mut problems) {
        Some(draft) if problems.is_empty() => Ok(draft),
        _ => Err(Refusal {
            problems: problems.0,
        }),
    }
}

/// One `oauth_server_to_server` object. Problems are added to `problems`.
fn s2s_draft(
    s2s: &Map<String, Value>,
    path: &str,
    org: Option<String>,
    problems: &mut Problems,
) -> Option<Draft> {
    let before = problems.0.len();
    let fields = Fields::at(s2s, path);
    let client_id = fields.text("client_id", "client-id", problems);
    let secret = match fields.get("client_secrets") {
        Some(Value::Array(list)) => match list.first() {
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
            _ => {
                problems.field(
                    "refusal-field-missing",
                    "client-secret",
                    &format!("{}[0]", fields.path("client_secrets")),
                );
                None
            }
        },
        _ => fields.text("client_secret", "client-secret", problems),
    }
    .map(Secret::new);
    let scopes = fields.word_list("scopes", "scopes", problems);
    let technical_account_id =
        fields.optional_text("technical_account_id", "technical-account-id", problems);
    let technical_account_email = fields.optional_text(
        "technical_account_email",
        "technical-account-email",
        problems,
    );
    // Flat objects arrive with lower-cased keys, and hand-made files use snake_case.
    let ims_endpoint = ["imsEndpoint", "imsendpoint", "ims_endpoint"]
        .into_iter()
        .find_map(|key| {
            fields
                .optional_text(key, "ims-address", problems)
                .map(|raw| (key, raw))
        });
    // None: the file names no IMS (a Developer Console project never does); the import uses
    // the one the user gives, the connection's, or Adobe's production IMS.
    let ims_base = match ims_endpoint {
        None => None,
        Some((key, raw)) => urls::normalise_ims_base(&raw)
            .map_err(|e| problems.push(service::ims_problem(&e, &fields.path(key))))
            .ok(),
    };
    if problems.0.len() > before {
        return None;
    }
    let (client_id, secret) = (client_id?, secret?);
    Some(Draft {
        choice: None,
        kind: CredentialKind::OauthServerToServer,
        summary: Text::plain("import-summary-oauth"),
        ims_base,
        suggested_name: Text::Plain(client_id.clone()),
        aem_url: urls::infer_author_url(&client_id),
        client_id: Some(client_id),
        technical_account_id,
        technical_account_email,
        org,
        scopes,
        acts_as: None,
        certificate_expires_at: None,
        token_expires_at: None,
        secret_hints: vec![SecretHint::of(SecretField::ClientSecret, &secret)],
        secrets: vec![(SecretSlot::ClientSecret, secret)],
        warnings: Vec::new(),
    })
}
