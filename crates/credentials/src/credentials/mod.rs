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
pub mod hints;
mod input;
mod inspect;
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
use metadesk_base::i18n::{Localizer, Part, Text};

pub use hints::{SecretField, SecretHint};
pub use input::{MAX_FILE_BYTES, read_credential_file};
pub use inspect::{inspect, inspect_at};
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

/// Which AEM APIs a connection's token is good for, and so which one a bulk run writes with
/// (only the OpenAPI-based APIs take OAuth tokens:
/// <https://experienceleague.adobe.com/en/docs/experience-manager-learn/cloud-service/aem-apis/overview>).
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

    /// Whether this kind's tokens reach content fragments: AEM's Sites API is one of the
    /// OpenAPI-based APIs, which only OAuth Server-to-Server tokens are for.
    pub fn edits_fragments(self) -> bool {
        self.api_family() == ApiFamily::OpenApi
    }

    /// The kind's name in the reader's language (the catalogue's `kind-…`).
    pub fn name(self) -> Text {
        Text::plain(match self {
            CredentialKind::ServiceCredentials => "kind-service-credentials",
            CredentialKind::LocalDevToken => "kind-local-dev-token",
            CredentialKind::OauthServerToServer => "kind-oauth-s2s",
            CredentialKind::LocalSdk => "kind-local-sdk",
        })
    }

    /// What it can and cannot call
    /// (<https://experienceleague.adobe.com/en/docs/experience-manager-learn/cloud-service/aem-apis/overview>).
    pub fn capabilities(self) -> Vec<Text> {
        let lines: &[&'static str] = match self {
            CredentialKind::ServiceCredentials | CredentialKind::LocalDevToken => {
                &["import-works-classic"]
            }
            CredentialKind::OauthServerToServer => &["import-works-openapi", "import-not-classic"],
            CredentialKind::LocalSdk => &["import-works-sdk"],
        };
        lines.iter().map(|id| Text::plain(id)).collect()
    }
}

/// Why a file cannot be imported: every problem found, each a full sentence of the catalogue
/// (`refusal-…`), written in the reader's language by the face that shows it.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", Text::join(problems, &Localizer::english()))]
pub struct Refusal {
    pub problems: Vec<Text>,
}

impl Refusal {
    pub fn one(problem: Text) -> Self {
        Refusal {
            problems: vec![problem],
        }
    }

    /// The refusal `id` (a `refusal-…` message) with `args`.
    pub fn new(id: &'static str, args: Vec<(&'static str, Part)>) -> Self {
        Self::one(Text::new(id, args))
    }

    /// Every problem in `l`'s language, as one text.
    pub fn localized(&self, l: &Localizer) -> String {
        Text::join(&self.problems, l)
    }
}

/// One credential of a file that holds several (a Developer Console project).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CredentialChoice {
    /// What to pass back as `ImportOptions.choice`.
    pub key: String,
    /// How to show it ("Metadesk (client id 0a1b…)").
    #[ts(type = "string")]
    pub label: Text,
}

/// What a file is, in plain words, shown before the user confirms the import. Holds no secret.
///
/// Its words are catalogue messages: the face that sends it calls [`ImportPreview::localize`].
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportPreview {
    pub kind: CredentialKind,
    /// "AEM service credentials".
    #[ts(type = "string")]
    pub kind_label: Text,
    /// One or two sentences: what the file is and who it acts as.
    #[ts(type = "string")]
    pub summary: Text,
    /// What it works with, and what it does not.
    #[ts(type = "Array<string>")]
    pub capabilities: Vec<Text>,
    /// Things to know that do not stop the import (certificate expires soon…).
    #[ts(type = "Array<string>")]
    pub warnings: Vec<Text>,
    /// The connection's name unless the user gives another ("p12345-e67890", "Development
    /// token (jane@example.com)"): characters every keyboard has, since a production
    /// connection's name is typed to confirm a write.
    #[ts(type = "string")]
    pub suggested_name: Text,
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
    #[ts(type = "Array<string>")]
    pub secret_hints: Vec<Text>,
    /// For files holding several credentials: the ones to pick from (empty otherwise).
    pub choices: Vec<CredentialChoice>,
    /// The choice this preview describes (the default: the first).
    pub choice: Option<String>,
}

impl ImportPreview {
    /// Its words in `l`'s language, as the window is sent them.
    pub fn localize(&mut self, l: &Localizer) {
        self.kind_label.localize(l);
        self.summary.localize(l);
        self.suggested_name.localize(l);
        Text::localize_all(&mut self.capabilities, l);
        Text::localize_all(&mut self.warnings, l);
        Text::localize_all(&mut self.secret_hints, l);
        for choice in &mut self.choices {
            choice.label.localize(l);
        }
    }
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
            .ok_or_else(|| Refusal::new("refusal-no-credential", Vec::new()))?;
        let choices: Vec<CredentialChoice> = if drafts.len() > 1 {
            drafts.iter().filter_map(|d| d.choice.clone()).collect()
        } else {
            Vec::new()
        };
        let preview = first.preview(choices, now);
        Ok(Recognised { preview, drafts })
    }

    /// Its words in `l`'s language, the importer's: the preview's, and the names suggested for
    /// the connection, which then become the user's own data and are stored as they are.
    pub fn localize(&mut self, l: &Localizer) {
        self.preview.localize(l);
        for draft in &mut self.drafts {
            draft.suggested_name.localize(l);
        }
    }

    /// The draft for `choice` (its key), or the default.
    pub fn draft(&self, choice: Option<&str>) -> Result<&Draft, Refusal> {
        match choice {
            // `Recognised::new` refuses a file with no credential, so there is always a first.
            None => self
                .drafts
                .first()
                .ok_or_else(|| Refusal::new("refusal-no-credential", Vec::new())),
            Some(key) => self
                .drafts
                .iter()
                .find(|d| d.choice.as_ref().is_some_and(|c| c.key == key))
                .ok_or_else(|| {
                    let keys: Vec<String> =
                        self.preview.choices.iter().map(|c| c.key.clone()).collect();
                    Refusal::new(
                        "refusal-no-such-choice",
                        vec![("key", key.into()), ("keys", keys.join(", ").into())],
                    )
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
pub struct Draft {
    pub choice: Option<CredentialChoice>,
    pub kind: CredentialKind,
    pub summary: Text,
    pub ims_base: Option<String>,
    pub client_id: Option<String>,
    pub technical_account_id: Option<String>,
    pub technical_account_email: Option<String>,
    pub org: Option<String>,
    pub scopes: Vec<String>,
    pub acts_as: Option<String>,
    pub certificate_expires_at: Option<OffsetDateTime>,
    pub token_expires_at: Option<OffsetDateTime>,
    pub suggested_name: Text,
    pub aem_url: Option<String>,
    pub secrets: Vec<(SecretSlot, Secret)>,
    pub secret_hints: Vec<SecretHint>,
    pub warnings: Vec<Text>,
}

impl Draft {
    fn preview(&self, choices: Vec<CredentialChoice>, now: OffsetDateTime) -> ImportPreview {
        let mut capabilities = self.kind.capabilities();
        if let Some(email) = &self.technical_account_email {
            capabilities.push(Text::new(
                "import-acts-as-technical-account",
                vec![("email", email.as_str().into())],
            ));
        }
        if let (Some(user), Some(expires)) = (&self.acts_as, self.token_expires_at) {
            capabilities.push(Text::new(
                "import-acts-as",
                vec![
                    ("user", user.as_str().into()),
                    ("until", until(expires, now).into()),
                ],
            ));
        }
        if let Some(expires) = self.certificate_expires_at {
            capabilities.push(Text::new(
                "import-certificate-until",
                vec![("date", Part::Date(expires))],
            ));
        }
        ImportPreview {
            kind: self.kind,
            kind_label: self.kind.name(),
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
                .map(metadesk_base::timefmt::rfc3339),
            secret_hints: self.secret_hints.iter().map(SecretHint::text).collect(),
            choice: self.choice.as_ref().map(|c| c.key.clone()),
            choices,
        }
    }
}

/// "for about 23 more hours (until 14 May 2026, 14:05 UTC)".
pub(crate) fn until(expires: OffsetDateTime, now: OffsetDateTime) -> Text {
    let left = expires - now;
    let (hours, minutes) = (left.whole_hours(), left.whole_minutes());
    Text::new(
        "import-until",
        vec![
            (
                "hours",
                (if hours >= 2 { hours as f64 } else { 0.0 }).into(),
            ),
            (
                "minutes",
                (if minutes >= 2 { minutes as f64 } else { 0.0 }).into(),
            ),
            ("at", Part::DateTime(expires)),
        ],
    )
}

#[cfg(test)]
mod fuzz;
#[cfg(test)]
mod tests;
