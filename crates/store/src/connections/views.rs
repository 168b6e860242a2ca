//! The shapes the desktop app's Connections page exchanges with its commands, beyond the
//! store's own types: one result per file (including "needs your choice"), the state of the
//! app's built-in sandbox, and the arguments of the commands that take several fields.
//!
//! Not here: any logic. The app's commands adapt these to [`super::ConnectionStore`].

use serde::{Deserialize, Deserializer, Serialize};
use ts_rs::TS;

use super::model::{ConnectionView, ImportOptions};
use metadesk_base::i18n::{Localizer, Text};
use metadesk_clients::error::ErrorCode;
use metadesk_clients::error::ReplaceNotice;
use metadesk_credentials::credentials::ImportPreview;
use metadesk_credentials::secrets::Secret;

/// What happened to one file dropped on the window, picked with "Choose file…", or pasted.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FileOutcome {
    /// The file's name ("service-credentials.json"), or "Pasted text".
    pub file: String,
    pub result: FileResult,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "state", rename_all = "camelCase")]
pub enum FileResult {
    /// A new connection.
    Imported { connection: ConnectionView },
    /// An existing connection with the same client id now uses the new secrets.
    Updated { connection: ConnectionView },
    /// Nothing was stored. `problems` are full sentences.
    Refused {
        code: ErrorCode,
        #[ts(type = "Array<string>")]
        problems: Vec<Text>,
    },
    /// Valid, but the user must decide first (which credential of several; the AEM address;
    /// whether to replace a stored connection that has the same client id but another IMS or
    /// key, named in `replaces`). The app keeps the credential in memory under `pendingId`
    /// until it is completed or discarded; nothing is stored yet.
    NeedsChoice {
        #[serde(rename = "pendingId")]
        #[ts(rename = "pendingId")]
        pending_id: String,
        preview: ImportPreview,
        #[serde(skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        replaces: Option<ReplaceNotice>,
    },
}

impl FileOutcome {
    /// Its words in `l`'s language, as the window is sent them.
    pub fn localize(&mut self, l: &Localizer) {
        self.result.localize(l);
    }
}

impl FileResult {
    /// Its words (problems, preview, differences) in `l`'s language.
    pub fn localize(&mut self, l: &Localizer) {
        match self {
            FileResult::Imported { .. } | FileResult::Updated { .. } => {}
            FileResult::Refused { problems, .. } => Text::localize_all(problems, l),
            FileResult::NeedsChoice {
                preview, replaces, ..
            } => {
                preview.localize(l);
                if let Some(notice) = replaces {
                    Text::localize_all(&mut notice.differences, l);
                }
            }
        }
    }
}

/// The app's built-in sandbox (a simulated AEM on this computer) while the app runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "state", rename_all = "camelCase")]
pub enum SandboxStatus {
    Stopped,
    /// Generating keys and seeding its DAM: a few seconds.
    Starting,
    Running {
        url: String,
    },
    Failed {
        message: String,
    },
}

/// `complete_import`: finish a pending import with the user's choices.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CompleteImportArgs {
    pub pending_id: String,
    pub options: ImportOptions,
}

/// `rename_connection`.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RenameArgs {
    pub id: String,
    pub name: String,
}

/// `trust_connection_host`: the host the user confirmed, as the card showed it.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TrustHostArgs {
    pub id: String,
    pub host: String,
}

/// `set_connection_url`.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SetUrlArgs {
    pub id: String,
    pub url: String,
}

/// `set_paired_connection`: `paired` null removes the pairing.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SetPairedArgs {
    pub id: String,
    pub paired: Option<String>,
}

/// `set_connection_production`.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SetProductionArgs {
    pub id: String,
    pub production: bool,
}

/// `add_local_sdk`: what the user typed. The password goes straight into a [`Secret`].
#[derive(Debug, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LocalSdkArgs {
    /// Blank or absent: `http://localhost:4502`.
    #[ts(optional)]
    pub url: Option<String>,
    pub user: String,
    #[ts(type = "string")]
    pub password: Password,
    #[ts(optional)]
    pub name: Option<String>,
}

/// A password as typed: deserialised straight into a [`Secret`] (redacted, wiped on drop).
#[derive(Debug)]
pub struct Password(pub Secret);

impl<'de> Deserialize<'de> for Password {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(|text| Password(Secret::new(text)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_local_sdk_password_never_shows_in_debug() {
        let args: LocalSdkArgs =
            serde_json::from_str(r#"{"user":"admin","password":"hunter2-very-secret"}"#).unwrap();
        assert_eq!(args.password.0.expose(), "hunter2-very-secret");
        assert!(!format!("{args:?}").contains("hunter2"));
    }

    #[test]
    fn needs_choice_uses_the_ui_field_names() {
        let json = serde_json::to_value(FileResult::Refused {
            code: ErrorCode::CredentialRefused,
            problems: vec![Text::Plain("No.".into())],
        })
        .unwrap();
        assert_eq!(json["state"], "refused");
        let status = serde_json::to_value(SandboxStatus::Running { url: "u".into() }).unwrap();
        assert_eq!(status["state"], "running");
    }
}
