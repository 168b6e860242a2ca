//! The one import pipeline behind every way in: a file dropped on the window, files picked
//! with "Choose file…", and pasted JSON. Each input gives one [`FileOutcome`]: imported,
//! updated, refused (every reason), or "needs your choice" (kept as a pending import).
//!
//! Everything here blocks (disk, keychain): call it from a blocking thread.

use std::path::Path;

use metadesk_core::connections::{
    ConnectionStore, FileOutcome, FileResult, ImportOptions, ImportResult,
};
use metadesk_core::credentials::{self, Recognised, Refusal};
use metadesk_core::{Error, ErrorCode};

use crate::pending::PendingImports;

/// What pasted text is called in the results.
pub const PASTED: &str = "Pasted text";

/// Reads, recognises and imports the file at `path` (a path from the window's drop event or
/// the app's own file dialog, never one sent by the page).
pub fn import_path(store: &ConnectionStore, pending: &PendingImports, path: &Path) -> FileOutcome {
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let result = credentials::read_credential_file(path)
        .and_then(|bytes| credentials::inspect(&bytes))
        .map_or_else(refused, |recognised| decide(store, pending, recognised));
    log(&file, &result);
    FileOutcome { file, result }
}

/// Recognises and imports pasted JSON text.
pub fn import_text(store: &ConnectionStore, pending: &PendingImports, text: &str) -> FileOutcome {
    let result = credentials::inspect(text.as_bytes())
        .map_or_else(refused, |recognised| decide(store, pending, recognised));
    log(PASTED, &result);
    FileOutcome {
        file: PASTED.to_string(),
        result,
    }
}

/// Imports right away, unless the user must choose first: which credential of several, or the
/// AEM address when the file names none (and no connection with its client id has one).
fn decide(store: &ConnectionStore, pending: &PendingImports, recognised: Recognised) -> FileResult {
    let preview = &recognised.preview;
    let known_url = preview.client_id.as_deref().is_some_and(|client_id| {
        store.connections().is_ok_and(|all| {
            all.iter()
                .any(|c| c.client_id.as_deref() == Some(client_id))
        })
    });
    if preview.choices.len() > 1 || (preview.needs_aem_url && !known_url) {
        let preview = preview.clone();
        let pending_id = pending.insert(recognised);
        return FileResult::NeedsChoice {
            pending_id,
            preview,
        };
    }
    import_now(store, &recognised, &ImportOptions::default())
}

/// Stores `recognised` with `options`; refusals become data, not errors.
pub fn import_now(
    store: &ConnectionStore,
    recognised: &Recognised,
    options: &ImportOptions,
) -> FileResult {
    match store.import(recognised, options) {
        Ok(imported) if imported.updated => ImportResult::Updated {
            connection: imported.connection,
        }
        .into(),
        Ok(imported) => ImportResult::Imported {
            connection: imported.connection,
        }
        .into(),
        Err(err) => failed(err),
    }
}

fn refused(refusal: Refusal) -> FileResult {
    FileResult::Refused {
        code: ErrorCode::CredentialRefused,
        problems: refusal.problems,
    }
}

/// A failed store step (keychain unavailable, a bad name…) as a per-file result.
pub fn failed(err: Error) -> FileResult {
    let code = err.code();
    let problems = match err {
        Error::Refused(refusal) => refusal.problems,
        other => vec![other.to_string()],
    };
    FileResult::Refused { code, problems }
}

fn log(file: &str, result: &FileResult) {
    let state = match result {
        FileResult::Imported { .. } => "imported",
        FileResult::Updated { .. } => "updated",
        FileResult::Refused { .. } => "refused",
        FileResult::NeedsChoice { .. } => "needs a choice",
    };
    tracing::info!(file, state, "credential file handled");
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use metadesk_core::secrets::{MemoryStore, SecretStoreError};
    use serde_json::json;

    use super::*;

    fn store(dir: &Path) -> ConnectionStore {
        ConnectionStore::new(dir, Arc::new(MemoryStore::default()))
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
    fn bad_text_is_refused_with_every_reason_and_nothing_is_stored() {
        let dir = tempfile::tempdir().unwrap();
        let store = store(dir.path());
        let pending = PendingImports::default();
        let outcome = import_text(&store, &pending, "[1, 2]");
        assert_eq!(outcome.file, PASTED);
        match outcome.result {
            FileResult::Refused { code, problems } => {
                assert_eq!(code, ErrorCode::CredentialRefused);
                assert!(problems[0].contains("list"));
            }
            other => panic!("expected a refusal, got {other:?}"),
        }
        assert!(store.list().unwrap().is_empty());
    }

    #[test]
    fn a_file_without_an_aem_address_waits_for_the_user() {
        let dir = tempfile::tempdir().unwrap();
        let store = store(dir.path());
        let pending = PendingImports::default();
        let FileResult::NeedsChoice {
            pending_id,
            preview,
        } = import_text(&store, &pending, &project(2)).result
        else {
            panic!("expected a pending choice");
        };
        assert_eq!(preview.choices.len(), 2);
        assert!(store.list().unwrap().is_empty(), "nothing stored yet");
        let recognised = pending.take(&pending_id).unwrap();
        let options = ImportOptions {
            aem_url: Some("https://author-p1-e2.adobeaemcloud.com".into()),
            choice: Some("0".into()),
            ..ImportOptions::default()
        };
        assert!(matches!(
            import_now(&store, &recognised, &options),
            FileResult::Imported { .. }
        ));
        // The same client id again: its URL is known, so it updates without asking.
        let again = import_text(&store, &pending, &project(1));
        assert!(matches!(again.result, FileResult::Updated { .. }));
        assert_eq!(store.list().unwrap().len(), 1);
    }

    #[test]
    fn without_a_keychain_nothing_is_imported_and_the_reason_is_given() {
        let dir = tempfile::tempdir().unwrap();
        let secrets = Arc::new(MemoryStore::default());
        secrets.fail_with(Some(SecretStoreError::Locked));
        let store = ConnectionStore::new(dir.path(), secrets.clone());
        let flat = json!({
            "client_id": "cm-p1-e2-integration-s2s",
            "client_secret": "p8e-0123456789abcdef0123456789abcdef",
            "scopes": "openid,AdobeID",
        })
        .to_string();
        match import_text(&store, &PendingImports::default(), &flat).result {
            FileResult::Refused { code, problems } => {
                assert_eq!(code, ErrorCode::KeychainLocked);
                assert!(problems[0].contains("locked"), "{problems:?}");
            }
            other => panic!("expected a refusal, got {other:?}"),
        }
        secrets.fail_with(None);
        assert!(secrets.is_empty());
        assert!(store.list().unwrap().is_empty());
    }

    #[test]
    fn a_missing_file_is_refused_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let store = store(dir.path());
        let outcome = import_path(
            &store,
            &PendingImports::default(),
            &dir.path().join("gone.json"),
        );
        assert_eq!(outcome.file, "gone.json");
        assert!(matches!(outcome.result, FileResult::Refused { .. }));
    }
}
