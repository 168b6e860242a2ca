//! Credential files: recognising what a dropped file is, validating it completely, and
//! explaining it in plain words before anything is stored.
//!
//! The app calls, per dropped file, [`read_credential_file`] (size, folder and existence
//! checks) then [`inspect`], which returns a [`Recognised`] credential (with an
//! [`ImportPreview`] for the UI) or a [`Refusal`] listing every problem at once. Storing it is
//! `connections::ConnectionStore::import`.
//!
//! Not here: the keychain, the config file, or any network call.

pub mod cert;
mod detect;
mod dev_token;
mod fields;
mod input;
mod local_sdk;
mod oauth;
pub mod pem;
mod service;
pub mod urls;

#[cfg(any(test, feature = "test-support"))]
pub mod testing;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use ts_rs::TS;

use crate::secrets::Secret;
use crate::secrets::slots::SecretSlot;

pub use input::{MAX_FILE_BYTES, read_credential_file};
pub use local_sdk::local_sdk;

/// The kinds of credential Metadesk understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum CredentialKind {
    /// AEM Developer Console → Integrations → Technical Accounts (JWT with a private key).
    ServiceCredentials,
    /// AEM Developer Console → Integrations → Local token (24 hours, acts as its creator).
    LocalDevToken,
    /// Adobe Developer Console OAuth Server-to-Server (client id + secret + scopes).
    OauthServerToServer,
    /// A local AEM SDK reached with a user name and password.
    LocalSdk,
}

/// Which AEM APIs a connection's token is good for (adobe-wire §0), and so which one a bulk
/// run writes with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ApiFamily {
    /// `/api/assets`, repository JSON, GraphQL.
    Classic,
    /// The OpenAPI-based `/adobe/*` APIs.
    OpenApi,
}

impl CredentialKind {
    /// The API family this kind's tokens may use: only OAuth Server-to-Server credentials are
    /// limited to the OpenAPI-based APIs.
    pub fn api_family(self) -> ApiFamily {
        match self {
            CredentialKind::OauthServerToServer => ApiFamily::OpenApi,
            CredentialKind::ServiceCredentials
            | CredentialKind::LocalDevToken
            | CredentialKind::LocalSdk => ApiFamily::Classic,
        }
    }

    /// The kind in words, as lists and previews show it.
    pub fn label(self) -> &'static str {
        match self {
            CredentialKind::ServiceCredentials => "AEM service credentials",
            CredentialKind::LocalDevToken => "AEM local development token",
            CredentialKind::OauthServerToServer => "OAuth Server-to-Server credential",
            CredentialKind::LocalSdk => "Local AEM SDK",
        }
    }

    /// Where the kind comes from and what it is for, in one sentence.
    pub fn description(self) -> &'static str {
        match self {
            CredentialKind::ServiceCredentials => {
                "A technical account from the AEM Developer Console. Metadesk uses its private \
                 key to get access tokens on its own."
            }
            CredentialKind::LocalDevToken => {
                "A 24-hour token from the AEM Developer Console that acts as the person who \
                 created it. It cannot be renewed: download a new one when it runs out."
            }
            CredentialKind::OauthServerToServer => {
                "A credential from an Adobe Developer Console project, for AEM's newer \
                 OpenAPI-based APIs."
            }
            CredentialKind::LocalSdk => {
                "An AEM SDK running on this computer, reached with a user name and password."
            }
        }
    }

    /// What it can and cannot call (adobe-wire §0).
    pub fn capabilities(self) -> Vec<String> {
        let lines: &[&str] = match self {
            CredentialKind::ServiceCredentials | CredentialKind::LocalDevToken => {
                &["Works with the classic AEM APIs: the Assets HTTP API (/api/assets) and GraphQL."]
            }
            CredentialKind::OauthServerToServer => &[
                "Works with AEM's OpenAPI-based APIs (/adobe/assets, /adobe/folders) once an \
                 administrator allow-lists its client id for the environment.",
                "Does not work with the classic Assets HTTP API (/api/assets); for that, use \
                 service credentials from the AEM Developer Console.",
            ],
            CredentialKind::LocalSdk => {
                &["Works with the classic AEM APIs of the AEM SDK on this computer."]
            }
        };
        lines.iter().map(|s| s.to_string()).collect()
    }
}

/// Why a file cannot be imported: every problem found, each a full sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS, thiserror::Error)]
#[serde(rename_all = "camelCase")]
#[error("{}", problems.join(" "))]
pub struct Refusal {
    pub problems: Vec<String>,
}

impl Refusal {
    pub fn one(problem: impl Into<String>) -> Self {
        Refusal {
            problems: vec![problem.into()],
        }
    }
}

/// One credential of a file that holds several (a Developer Console project).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CredentialChoice {
    /// What to pass back as `ImportOptions.choice`.
    pub key: String,
    /// How to show it ("Metadesk (client id 0a1b…)").
    pub label: String,
}

/// What a file is, in plain words, shown before the user confirms the import. Holds no secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportPreview {
    pub kind: CredentialKind,
    /// "AEM service credentials".
    pub kind_label: String,
    /// One or two sentences: what the file is and who it acts as.
    pub summary: String,
    /// What it works with, and what it does not.
    pub capabilities: Vec<String>,
    /// Things to know that do not stop the import (certificate expires soon…).
    pub warnings: Vec<String>,
    pub suggested_name: String,
    /// The AEM author URL when the file tells us (a `cm-p…-e…` client id).
    pub aem_url: Option<String>,
    /// True when the user must give the AEM author URL before importing.
    pub needs_aem_url: bool,
    /// The IMS the file names (`https://ims-na1.adobelogin.com`); `None` when it names none,
    /// as a Developer Console project never does (the import then uses Adobe's production IMS
    /// unless the user gives another).
    pub ims_base: Option<String>,
    pub client_id: Option<String>,
    /// The technical account: the AEM user to give permissions to.
    pub technical_account_email: Option<String>,
    /// Who a development token or SDK login acts as.
    pub acts_as: Option<String>,
    /// When the certificate or token expires (RFC 3339, UTC).
    pub expires_at: Option<String>,
    /// e.g. "client secret ••••1d47".
    pub secret_hints: Vec<String>,
    /// For files holding several credentials: the ones to pick from (empty otherwise).
    pub choices: Vec<CredentialChoice>,
    /// The choice this preview describes (the default: the first).
    pub choice: Option<String>,
}

/// A validated credential, ready for `ConnectionStore::import`. It holds secrets, so it has no
/// `Serialize` and its `Debug` shows none; only `preview` goes to the UI.
#[derive(Debug)]
pub struct Recognised {
    pub preview: ImportPreview,
    /// One draft per choice; the first is the default.
    drafts: Vec<Draft>,
}

impl Recognised {
    fn new(drafts: Vec<Draft>, now: OffsetDateTime) -> Result<Self, Refusal> {
        let first = drafts
            .first()
            .ok_or_else(|| Refusal::one("The file holds no credential."))?;
        let choices: Vec<CredentialChoice> = if drafts.len() > 1 {
            drafts.iter().filter_map(|d| d.choice.clone()).collect()
        } else {
            Vec::new()
        };
        let preview = first.preview(choices, now);
        Ok(Recognised { preview, drafts })
    }

    /// The draft for `choice` (its key), or the default.
    pub(crate) fn draft(&self, choice: Option<&str>) -> Result<&Draft, Refusal> {
        match choice {
            // `Recognised::new` refuses a file with no credential, so there is always a first.
            None => self
                .drafts
                .first()
                .ok_or_else(|| Refusal::one("The file holds no credential.")),
            Some(key) => self
                .drafts
                .iter()
                .find(|d| d.choice.as_ref().is_some_and(|c| c.key == key))
                .ok_or_else(|| {
                    let keys: Vec<String> =
                        self.preview.choices.iter().map(|c| c.key.clone()).collect();
                    Refusal::one(format!(
                        "The file has no credential \"{key}\". Pick one of: {}.",
                        keys.join(", ")
                    ))
                }),
        }
    }

    /// The preview of one choice, for a UI that lets the user switch between them.
    pub fn preview_of(&self, choice: &str) -> Result<ImportPreview, Refusal> {
        let draft = self.draft(Some(choice))?;
        Ok(draft.preview(self.preview.choices.clone(), OffsetDateTime::now_utc()))
    }
}

/// Everything a connection needs, as read from a credential, before the user's choices (name,
/// URL) are applied.
#[derive(Debug)]
pub(crate) struct Draft {
    pub choice: Option<CredentialChoice>,
    pub kind: CredentialKind,
    pub summary: String,
    pub ims_base: Option<String>,
    pub client_id: Option<String>,
    pub technical_account_id: Option<String>,
    pub technical_account_email: Option<String>,
    pub org: Option<String>,
    pub scopes: Vec<String>,
    pub acts_as: Option<String>,
    pub certificate_expires_at: Option<OffsetDateTime>,
    pub token_expires_at: Option<OffsetDateTime>,
    pub suggested_name: String,
    pub aem_url: Option<String>,
    pub secrets: Vec<(SecretSlot, Secret)>,
    pub secret_hints: Vec<String>,
    pub warnings: Vec<String>,
}

impl Draft {
    fn preview(&self, choices: Vec<CredentialChoice>, now: OffsetDateTime) -> ImportPreview {
        let mut capabilities = self.kind.capabilities();
        if let Some(email) = &self.technical_account_email {
            capabilities.push(format!(
                "Acts as the technical account {email}: that is the AEM user to give \
                 permissions to (new technical accounts can only read)."
            ));
        }
        if let (Some(user), Some(expires)) = (&self.acts_as, self.token_expires_at) {
            capabilities.push(format!("Acts as {user} {}.", until(expires, now)));
        }
        if let Some(expires) = self.certificate_expires_at {
            capabilities.push(format!("Its certificate is valid until {}.", day(expires)));
        }
        ImportPreview {
            kind: self.kind,
            kind_label: self.kind.label().to_string(),
            summary: self.summary.clone(),
            capabilities,
            warnings: self.warnings.clone(),
            suggested_name: self.suggested_name.clone(),
            aem_url: self.aem_url.clone(),
            needs_aem_url: self.aem_url.is_none(),
            ims_base: self.ims_base.clone(),
            client_id: self.client_id.clone(),
            technical_account_email: self.technical_account_email.clone(),
            acts_as: self.acts_as.clone(),
            expires_at: self
                .certificate_expires_at
                .or(self.token_expires_at)
                .map(crate::timefmt::rfc3339),
            secret_hints: self.secret_hints.clone(),
            choice: self.choice.as_ref().map(|c| c.key.clone()),
            choices,
        }
    }
}

/// Recognises and validates a credential file's bytes. Nothing is stored.
pub fn inspect(bytes: &[u8]) -> Result<Recognised, Refusal> {
    inspect_at(bytes, OffsetDateTime::now_utc())
}

/// [`inspect`] as if it were `now` (expiry checks), for tests.
pub fn inspect_at(bytes: &[u8], now: OffsetDateTime) -> Result<Recognised, Refusal> {
    let object = input::parse_object(bytes)?;
    let drafts = match detect::detect(&object)? {
        detect::Shape::ServiceCredentials => vec![service::parse(&object, now)?],
        detect::Shape::DevToken => vec![dev_token::parse(&object, now)?],
        detect::Shape::DeveloperConsoleProject => oauth::parse_project(&object)?,
        detect::Shape::FlatOauth => vec![oauth::parse_flat(&object)?],
    };
    Recognised::new(drafts, now)
}

/// "14 Feb 2026".
pub(crate) fn day(t: OffsetDateTime) -> String {
    t.format(time::macros::format_description!(
        "[day padding:none] [month repr:short] [year]"
    ))
    .unwrap_or_default()
}

/// "for about 23 more hours (until 14 May 2026, 14:05 UTC)".
pub(crate) fn until(expires: OffsetDateTime, now: OffsetDateTime) -> String {
    let left = expires - now;
    let at = expires
        .format(time::macros::format_description!(
            "[day padding:none] [month repr:short] [year], [hour]:[minute] UTC"
        ))
        .unwrap_or_default();
    let span = if left.whole_hours() >= 2 {
        format!("about {} more hours", left.whole_hours())
    } else if left.whole_minutes() >= 2 {
        format!("{} more minutes", left.whole_minutes())
    } else {
        "less than two more minutes".to_string()
    };
    format!("for {span} (until {at})")
}

/// "client secret ••••1d47".
pub(crate) fn hint(what: &str, secret: &Secret) -> String {
    format!("{what} {}", secret.hint())
}

#[cfg(test)]
mod fuzz;
#[cfg(test)]
mod tests;
