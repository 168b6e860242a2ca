//! Importing credentials, every way in: a file dropped on the window or chosen in a dialog,
//! pasted JSON, a pending import completed with the user's choices, a local SDK login typed in,
//! and `metadesk-cli connections import` with its options. Each import that stores something
//! forgets the connection's cached token manager, so the new secrets are used at once.
//!
//! Everything here blocks (disk, keychain): call it from a blocking thread.
//!
//! The use case in full (ARCHITECTURE.md points here): import a file, pasted text, a local SDK;
//! finish or drop a pending import. Here: `importing.rs`. The layers below: `credentials`
//! (recognise, validate), `store::connections` (`ConnectionStore::import`). The window:
//! `commands/connections.rs`, `drop.rs`. The CLI: `connections import`.

use std::path::Path;

use super::Workspace;
use metadesk_base::i18n::{Localizer, Text};
use metadesk_clients::error::{Error, ErrorCode, Result};
use metadesk_credentials::credentials::{self, ImportPreview, Recognised, Refusal};
use metadesk_credentials::secrets::Secret;
use metadesk_store::connections::{
    ConnectionView, FileOutcome, FileResult, ImportOptions, Imported, LocalSdkArgs,
};

/// What pasted text is called in the results (a catalogue message).
pub const PASTED: &str = "import-pasted-text";

/// A file imported from the command line, where nobody can be asked to choose: what was stored
/// and the notes the file's recognition made (an expiring certificate, an ignored field…).
pub struct CliImport {
    pub imported: Imported,
    pub notes: Vec<Text>,
}

impl Workspace {
    /// Reads, recognises and imports the file at `path` (a path from the window's drop event or
    /// the app's own file dialog, never one sent by the page). A file that needs the user's
    /// choice is kept as a pending import. The outcome's words are in `l`'s language.
    pub fn import_path(&self, path: &Path, l: &Localizer) -> FileOutcome {
        let file = file_name(path);
        let result = credentials::read_credential_file(path)
            .and_then(|bytes| credentials::inspect(&bytes))
            .map_or_else(refused, |recognised| self.decide(recognised, l));
        self.finish_import(file, result, l)
    }

    /// Recognises and imports pasted JSON text.
    pub fn import_text(&self, text: &str, l: &Localizer) -> FileOutcome {
        let result = credentials::inspect(text.as_bytes())
            .map_or_else(refused, |recognised| self.decide(recognised, l));
        self.finish_import(l.text(PASTED), result, l)
    }

    /// Imports the file at `path` with the options given on the command line; a file that
    /// would need a choice is refused with what to add (`--aem`, `--choice`). A new
    /// connection's suggested name and the notes are in `l`'s language.
    pub fn import_with_options(
        &self,
        path: &Path,
        options: &ImportOptions,
        l: &Localizer,
    ) -> Result<CliImport> {
        let mut recognised = credentials::read_credential_file(path)
            .and_then(|bytes| credentials::inspect(&bytes))?;
        recognised.localize(l);
        let imported = self.connections.import(&recognised, options)?;
        self.tokens.forget(&imported.connection.id);
        log(
            &file_name(path),
            if imported.updated {
                "updated"
            } else {
                "imported"
            },
        );
        Ok(CliImport {
            imported,
            notes: recognised.preview.warnings.clone(),
        })
    }

    /// Finishes a pending import with the user's choices. On failure (a bad address, no
    /// keychain) the import stays pending, so the user can correct and try again. When it would
    /// replace a connection with another credential under the same client id, it stays pending
    /// and the answer says so, for the user to confirm (`replace`) or discard. The answer's
    /// words are in `l`'s language.
    pub fn complete_import(
        &self,
        pending_id: &str,
        options: &ImportOptions,
        l: &Localizer,
    ) -> Result<FileResult> {
        let recognised = self.pending.take(pending_id).ok_or_else(gone)?;
        match self.connections.import(&recognised, options) {
            Ok(imported) => {
                let result = stored(imported);
                self.forget_imported(&result);
                Ok(result)
            }
            Err(Error::NeedsReplace(notice)) => {
                let preview = match options.choice.as_deref() {
                    Some(choice) => recognised.preview_of(choice)?,
                    None => recognised.preview.clone(),
                };
                self.pending.restore(pending_id.to_owned(), recognised);
                let mut result = FileResult::NeedsChoice {
                    pending_id: pending_id.to_owned(),
                    preview,
                    replaces: Some(*notice),
                };
                result.localize(l);
                Ok(result)
            }
            Err(err) => {
                self.pending.restore(pending_id.to_owned(), recognised);
                Err(err)
            }
        }
    }

    /// Forgets a pending import (its secrets are wiped from memory).
    pub fn discard_import(&self, pending_id: &str) {
        drop(self.pending.take(pending_id));
    }

    /// The preview of one credential of a pending file that holds several, in `l`'s language.
    pub fn preview_pending_choice(
        &self,
        pending_id: &str,
        choice: &str,
        l: &Localizer,
    ) -> Result<ImportPreview> {
        let mut preview = self
            .pending
            .with(pending_id, |recognised| recognised.preview_of(choice))
            .ok_or_else(gone)?
            .map_err(Error::from)?;
        preview.localize(l);
        Ok(preview)
    }

    /// Adds (or updates) a local AEM SDK connection typed in by hand (the window).
    pub fn add_local_sdk(&self, args: LocalSdkArgs, l: &Localizer) -> Result<FileResult> {
        let imported = self.add_sdk_login(
            args.url.as_deref(),
            &args.user,
            args.password.0,
            args.name,
            l,
        )?;
        Ok(stored(imported))
    }

    /// Adds (or updates) a local AEM SDK login; a new one without `name` is named in `l`'s
    /// language ("SDK AEM local (localhost:4502)").
    pub fn add_sdk_login(
        &self,
        url: Option<&str>,
        user: &str,
        password: Secret,
        name: Option<String>,
        l: &Localizer,
    ) -> Result<Imported> {
        let mut recognised = credentials::local_sdk(url, user, password)?;
        recognised.localize(l);
        let options = ImportOptions {
            name,
            ..ImportOptions::default()
        };
        let imported = self.connections.import(&recognised, &options)?;
        self.tokens.forget(&imported.connection.id);
        Ok(imported)
    }

    /// Adds or updates the connection to a sandbox (the simulated AEM) just started at
    /// `aem_url`, from the read-write service credentials it wrote. Keeps the user's name for an
    /// existing sandbox connection; names a new one `name` unless that is taken. The sandbox's
    /// keys are new at every start, so its old token manager is forgotten.
    pub fn connect_sandbox(
        &self,
        credentials_json: &str,
        aem_url: &str,
        name: &str,
    ) -> Result<ConnectionView> {
        let recognised = credentials::inspect(credentials_json.as_bytes())?;
        let all = self.connections.connections()?;
        let name_free = !all
            .iter()
            .any(|c| c.sandbox || c.name.eq_ignore_ascii_case(name));
        let options = ImportOptions {
            name: name_free.then(|| name.to_string()),
            aem_url: Some(aem_url.to_owned()),
            // A new start, new keys: the sandbox is ours, so there is nobody to ask.
            replace: Some(true),
            ..ImportOptions::default()
        };
        let imported = self.connections.import_sandbox(&recognised, &options)?;
        self.tokens.forget(&imported.connection.id);
        tracing::info!(%aem_url, updated = imported.updated, "sandbox connection ready");
        Ok(imported.connection)
    }

    /// Imports right away, unless the user must choose first: which credential of several, the
    /// AEM address when the file names none (and no connection with its client id has one), or
    /// whether to replace a connection that has its client id but another IMS or key.
    /// The credential is worded in `l`'s language first, so a connection it names gets its
    /// name in the importer's language, as the preview suggested it.
    fn decide(&self, mut recognised: Recognised, l: &Localizer) -> FileResult {
        recognised.localize(l);
        let preview = &recognised.preview;
        let known_url = preview.client_id.as_deref().is_some_and(|client_id| {
            self.connections.connections().is_ok_and(|all| {
                all.iter()
                    .any(|c| c.client_id.as_deref() == Some(client_id))
            })
        });
        if preview.choices.len() > 1 || (preview.needs_aem_url && !known_url) {
            let preview = preview.clone();
            let pending_id = self.pending.insert(recognised);
            return FileResult::NeedsChoice {
                pending_id,
                preview,
                replaces: None,
            };
        }
        match self
            .connections
            .import(&recognised, &ImportOptions::default())
        {
            Ok(imported) => stored(imported),
            Err(Error::NeedsReplace(notice)) => FileResult::NeedsChoice {
                preview: recognised.preview.clone(),
                pending_id: self.pending.insert(recognised),
                replaces: Some(*notice),
            },
            Err(err) => failed(err, l),
        }
    }

    fn finish_import(&self, file: String, result: FileResult, l: &Localizer) -> FileOutcome {
        self.forget_imported(&result);
        log(&file, state_of(&result));
        let mut outcome = FileOutcome { file, result };
        outcome.localize(l);
        outcome
    }

    /// Forgets the token manager of the connection an import added or updated, if any.
    fn forget_imported(&self, result: &FileResult) {
        if let FileResult::Imported { connection } | FileResult::Updated { connection } = result {
            self.tokens.forget(&connection.id);
        }
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

fn stored(imported: Imported) -> FileResult {
    let connection = imported.connection;
    if imported.updated {
        FileResult::Updated { connection }
    } else {
        FileResult::Imported { connection }
    }
}

fn refused(refusal: Refusal) -> FileResult {
    FileResult::Refused {
        code: ErrorCode::CredentialRefused,
        problems: refusal.problems,
    }
}

/// A failed store step (keychain unavailable, a bad name…) as a per-file result, in `l`'s
/// language.
fn failed(err: Error, l: &Localizer) -> FileResult {
    let code = err.code();
    let problems = match err {
        Error::Refused(refusal) => refusal.problems,
        other => vec![Text::Plain(other.localized(l))],
    };
    FileResult::Refused { code, problems }
}

fn gone() -> Error {
    Error::message(ErrorCode::NotFound, "error-import-gone", Vec::new())
}

fn state_of(result: &FileResult) -> &'static str {
    match result {
        FileResult::Imported { .. } => "imported",
        FileResult::Updated { .. } => "updated",
        FileResult::Refused { .. } => "refused",
        FileResult::NeedsChoice { .. } => "needs a choice",
    }
}

fn log(file: &str, state: &str) {
    tracing::info!(file, state, "credential file handled");
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use serde_json::json;

    use super::*;
    use metadesk_credentials::secrets::{RunOnlyKeychain, SecretStoreError};
    use metadesk_store::dirs::AppDirs;

    fn workspace(dir: &Path) -> Workspace {
        Workspace::new(AppDirs::under(dir), Arc::new(RunOnlyKeychain::default())).unwrap()
    }

    fn project(credentials: usize) -> String {
        let list: Vec<_> = (0..credentials)
            .map(|i| {
                json!({
                    "id": format!("{i}"),
                    "name": format!("Credential {i}"),
                    "oauth_server_to_server": {
                        "client_id": format!("0a1b2c3d4e5f{i}"),
                        "client_secrets": ["p8e-0123456789abcdef0123456789abcdef"],
                        "scopes": ["AdobeID", "openid"],
                    }
                })
            })
            .collect();
        json!({"project": {"title": "P", "org": {"ims_org_id": "X@AdobeOrg"},
            "workspace": {"details": {"credentials": list}}}})
        .to_string()
    }

    #[test]
    fn an_import_in_french_names_the_connection_in_french() {
        let dir = tempfile::tempdir().unwrap();
        let ws = workspace(dir.path());
        let fr = metadesk_base::i18n::Localizer::new(metadesk_base::i18n::Lang::Fr);
        let token = metadesk_credentials::credentials::testing::dev_token(
            "jane@example.com",
            time::OffsetDateTime::now_utc(),
            time::Duration::hours(24),
        );
        // A development token names no AEM: the window asks, showing the suggested name.
        let outcome = ws.import_text(&token.to_string(), &fr);
        let FileResult::NeedsChoice {
            pending_id,
            preview,
            ..
        } = outcome.result
        else {
            panic!("expected a choice, got {:?}", outcome.result)
        };
        assert_eq!(
            preview.suggested_name,
            Text::Plain("Jeton de développement (jane@example.com)".into())
        );
        let options = ImportOptions {
            aem_url: Some("https://author-p1-e2.adobeaemcloud.com".into()),
            ..ImportOptions::default()
        };
        let FileResult::Imported { connection } =
            ws.complete_import(&pending_id, &options, &fr).unwrap()
        else {
            panic!("not imported")
        };
        // Stored as the user's own data: English readers see it as it was named.
        assert_eq!(connection.name, "Jeton de développement (jane@example.com)");

        let added = ws
            .add_sdk_login(None, "admin", Secret::new("admin"), None, &fr)
            .unwrap();
        assert_eq!(added.connection.name, "SDK AEM local (localhost:4502)");
        let again = ws
            .add_sdk_login(
                None,
                "admin",
                Secret::new("admin"),
                None,
                &metadesk_base::i18n::Localizer::english(),
            )
            .unwrap();
        assert!(again.updated);
        assert_eq!(
            again.connection.name, "SDK AEM local (localhost:4502)",
            "an update keeps the name"
        );
    }

    #[test]
    fn bad_text_is_refused_with_every_reason_and_nothing_is_stored() {
        let dir = tempfile::tempdir().unwrap();
        let ws = workspace(dir.path());
        let outcome = ws.import_text("[1, 2]", &metadesk_base::i18n::Localizer::english());
        assert_eq!(outcome.file, "Pasted text");
        match outcome.result {
            FileResult::Refused { code, problems } => {
                assert_eq!(code, ErrorCode::CredentialRefused);
                assert!(problems[0].to_string().contains("list"));
            }
            other => panic!("expected a refusal, got {other:?}"),
        }
        assert!(ws.connections().list().unwrap().is_empty());
    }

    #[test]
    fn a_file_without_an_aem_address_waits_for_the_user() {
        let dir = tempfile::tempdir().unwrap();
        let ws = workspace(dir.path());
        let FileResult::NeedsChoice {
            pending_id,
            preview,
            ..
        } = ws
            .import_text(&project(2), &metadesk_base::i18n::Localizer::english())
            .result
        else {
            panic!("expected a pending choice");
        };
        assert_eq!(preview.choices.len(), 2);
        assert!(
            ws.connections().list().unwrap().is_empty(),
            "nothing stored yet"
        );
        // A bad address keeps the import pending, so the user can correct it.
        let bad = ImportOptions {
            aem_url: Some("http://author-p1-e2.adobeaemcloud.com".into()),
            choice: Some("0".into()),
            ..ImportOptions::default()
        };
        assert!(
            ws.complete_import(
                &pending_id,
                &bad,
                &metadesk_base::i18n::Localizer::english()
            )
            .is_err()
        );
        let options = ImportOptions {
            aem_url: Some("https://author-p1-e2.adobeaemcloud.com".into()),
            ..bad
        };
        assert!(matches!(
            ws.complete_import(
                &pending_id,
                &options,
                &metadesk_base::i18n::Localizer::english()
            )
            .unwrap(),
            FileResult::Imported { .. }
        ));
        assert!(
            ws.complete_import(
                &pending_id,
                &options,
                &metadesk_base::i18n::Localizer::english()
            )
            .is_err(),
            "no longer pending"
        );
        // The same client id again: its URL is known, so it updates without asking.
        let again = ws.import_text(&project(1), &metadesk_base::i18n::Localizer::english());
        assert!(matches!(again.result, FileResult::Updated { .. }));
        assert_eq!(ws.connections().list().unwrap().len(), 1);
    }

    /// Issue 13 item 4: a file with a stored connection's client id but another key is not
    /// silently "Updated": it waits, naming the connection and the difference, until the user
    /// confirms (`replace`) or discards it.
    #[test]
    fn another_key_under_a_known_client_id_waits_for_a_confirmation() {
        use metadesk_credentials::credentials::testing::{self, TestKey};
        let dir = tempfile::tempdir().unwrap();
        let ws = workspace(dir.path());
        let file = |key: &TestKey| {
            testing::service_credentials(key, "cm-p1-e2-integration", "ims-na1.adobelogin.com", 365)
                .to_string()
        };
        let (old_key, new_key) = (TestKey::small(), TestKey::small());
        let FileResult::Imported { connection } = ws
            .import_text(&file(&old_key), &metadesk_base::i18n::Localizer::english())
            .result
        else {
            panic!("expected an import");
        };
        let stored_key = || {
            ws.connections()
                .load_secrets(&connection.id)
                .unwrap()
                .private_key_pem
                .unwrap()
                .expose()
                .to_string()
        };

        let FileResult::NeedsChoice {
            pending_id,
            replaces: Some(notice),
            ..
        } = ws
            .import_text(&file(&new_key), &metadesk_base::i18n::Localizer::english())
            .result
        else {
            panic!("expected a confirmation");
        };
        assert_eq!(notice.connection_id, connection.id);
        assert_eq!(notice.differences, ["Its private key is different."]);
        assert_eq!(stored_key(), old_key.pkcs1_pem(), "nothing replaced yet");

        // Completing without the yes asks again; the import stays pending.
        let FileResult::NeedsChoice {
            replaces: Some(_), ..
        } = ws
            .complete_import(
                &pending_id,
                &ImportOptions::default(),
                &metadesk_base::i18n::Localizer::english(),
            )
            .unwrap()
        else {
            panic!("expected the confirmation again");
        };
        assert_eq!(stored_key(), old_key.pkcs1_pem());

        let yes = ImportOptions {
            replace: Some(true),
            ..ImportOptions::default()
        };
        assert!(matches!(
            ws.complete_import(
                &pending_id,
                &yes,
                &metadesk_base::i18n::Localizer::english()
            )
            .unwrap(),
            FileResult::Updated { .. }
        ));
        assert_eq!(stored_key(), new_key.pkcs1_pem());
        assert_eq!(ws.connections().list().unwrap().len(), 1);
    }

    #[test]
    fn without_a_keychain_nothing_is_imported_and_the_reason_is_given() {
        let dir = tempfile::tempdir().unwrap();
        let secrets = Arc::new(RunOnlyKeychain::default());
        secrets.fail_with(Some(SecretStoreError::Locked));
        let ws = Workspace::new(AppDirs::under(dir.path()), secrets.clone()).unwrap();
        let flat = json!({
            "client_id": "cm-p1-e2-integration-s2s",
            "client_secret": "p8e-0123456789abcdef0123456789abcdef",
            "scopes": "openid,AdobeID",
        })
        .to_string();
        match ws
            .import_text(&flat, &metadesk_base::i18n::Localizer::english())
            .result
        {
            FileResult::Refused { code, problems } => {
                assert_eq!(code, ErrorCode::KeychainLocked);
                assert!(problems[0].to_string().contains("locked"), "{problems:?}");
            }
            other => panic!("expected a refusal, got {other:?}"),
        }
        secrets.fail_with(None);
        assert!(secrets.is_empty());
        assert!(ws.connections().list().unwrap().is_empty());
    }

    #[test]
    fn a_missing_file_is_refused_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let ws = workspace(dir.path());
        let outcome = ws.import_path(
            &dir.path().join("gone.json"),
            &metadesk_base::i18n::Localizer::english(),
        );
        assert_eq!(outcome.file, "gone.json");
        assert!(matches!(outcome.result, FileResult::Refused { .. }));
    }
}
