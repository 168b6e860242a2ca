//! The TypeScript bindings of every type that crosses to the UI (and of the event names), and
//! the check that the
//! committed copies in `ui/src/ipc/bindings/` are current.
//!
//! `cargo test -p metadesk-core bindings` fails when a Rust type changed and its `.ts` file was
//! not regenerated; `METADESK_UPDATE_BINDINGS=1 cargo test -p metadesk-core bindings` rewrites
//! them. ts-rs' own per-type export tests are not used, so a plain `cargo test` never writes
//! into the source tree.

use std::path::Path;

use serde::Serialize;
use ts_rs::{Config, TS};

use metadesk_clients::error::ErrorCode;

/// The error every command returns to the UI: `{ code, message }`. `message` is plain words
/// for the person using the app; details are in the log.
#[derive(Debug, Clone, Serialize, TS)]
pub struct IpcError {
    pub code: ErrorCode,
    pub message: String,
}

impl IpcError {
    /// The error with its message in `l`'s language.
    pub fn localized(err: metadesk_clients::Error, l: &metadesk_base::i18n::Localizer) -> Self {
        tracing::warn!(error = ?err, "command failed");
        IpcError {
            code: err.code(),
            message: err.localized(l),
        }
    }
}

// No `From<Error>`: a command words its error with the window's localizer
// (`IpcError::localized`), so a `?` cannot send English to a window in another language.

/// Writes the bindings of every root type (and what they reference) into `dir`.
pub fn export_all(dir: &Path) -> Result<(), ts_rs::ExportError> {
    let cfg = Config::new().with_out_dir(dir);
    IpcError::export_all(&cfg)?;
    crate::app::LanguageSettings::export_all(&cfg)?;
    metadesk_store::health::AppHealth::export_all(&cfg)?;
    metadesk_store::health::CheckStep::export_all(&cfg)?;
    crate::app::SheetImport::export_all(&cfg)?;
    crate::app::FragmentList::export_all(&cfg)?;
    crate::app::FragmentListRequest::export_all(&cfg)?;
    crate::app::FragmentRequest::export_all(&cfg)?;
    crate::app::IssuePage::export_all(&cfg)?;
    crate::app::IssueFilter::export_all(&cfg)?;
    crate::app::SheetExport::export_all(&cfg)?;
    crate::app::SheetExportRequest::export_all(&cfg)?;
    crate::app::SheetPreviewRequest::export_all(&cfg)?;
    crate::app::SheetIssuesRequest::export_all(&cfg)?;
    crate::app::SavedSheet::export_all(&cfg)?;
    crate::app::HeldSheet::export_all(&cfg)?;
    crate::app::ListFile::export_all(&cfg)?;
    crate::app::SheetFormat::export_all(&cfg)?;
    metadesk_clients::ims::status::ConnectionHealth::export_all(&cfg)?;
    metadesk_clients::aem::connection_check::ConnectionTestReport::export_all(&cfg)?;
    metadesk_credentials::credentials::ImportPreview::export_all(&cfg)?;
    metadesk_store::connections::ConnectionView::export_all(&cfg)?;
    metadesk_store::connections::ImportOptions::export_all(&cfg)?;
    metadesk_store::connections::FileOutcome::export_all(&cfg)?;
    metadesk_store::connections::SandboxStatus::export_all(&cfg)?;
    metadesk_store::connections::CompleteImportArgs::export_all(&cfg)?;
    metadesk_store::connections::RenameArgs::export_all(&cfg)?;
    metadesk_store::connections::SetUrlArgs::export_all(&cfg)?;
    metadesk_store::connections::TrustHostArgs::export_all(&cfg)?;
    metadesk_store::connections::SetProductionArgs::export_all(&cfg)?;
    metadesk_store::connections::SetPairedArgs::export_all(&cfg)?;
    metadesk_store::connections::LocalSdkArgs::export_all(&cfg)?;
    // The bulk-edit screen: progress events, preview rows, report rows, run summaries.
    metadesk_bulk::Progress::export_all(&cfg)?;
    metadesk_bulk::PlanRow::export_all(&cfg)?;
    metadesk_bulk::PreviewCounts::export_all(&cfg)?;
    metadesk_bulk::ReportRow::export_all(&cfg)?;
    metadesk_bulk::RunSummary::export_all(&cfg)?;
    metadesk_bulk::RunSpec::export_all(&cfg)?;
    metadesk_bulk::ControlState::export_all(&cfg)?;
    metadesk_bulk::Outcome::export_all(&cfg)?;
    metadesk_bulk::RunRequest::export_all(&cfg)?;
    metadesk_bulk::PublishRequest::export_all(&cfg)?;
    metadesk_bulk::ApplyRequest::export_all(&cfg)?;
    metadesk_bulk::PreviewPage::export_all(&cfg)?;
    metadesk_bulk::ReportPage::export_all(&cfg)?;
    metadesk_bulk::ScopeCount::export_all(&cfg)?;
    crate::app::RuleSample::export_all(&cfg)?;
    // Scopes: a search in words, a list, their counts and the saved ones.
    metadesk_bulk::Scope::export_all(&cfg)?;
    crate::app::ScopeRequest::export_all(&cfg)?;
    crate::app::SchemaRequest::export_all(&cfg)?;
    crate::app::ScopeEditsRequest::export_all(&cfg)?;
    crate::app::RunScope::export_all(&cfg)?;
    crate::app::SaveScopeRequest::export_all(&cfg)?;
    crate::app::PreviewRowsRequest::export_all(&cfg)?;
    crate::app::ReportRowsRequest::export_all(&cfg)?;
    crate::app::FolderPageRequest::export_all(&cfg)?;
    metadesk_bulk::searching::ListProblem::export_all(&cfg)?;
    crate::app::SavedScope::export_all(&cfg)?;
    crate::app::SelectedCount::export_all(&cfg)?;
    metadesk_assets::browse::FolderPage::export_all(&cfg)?;
    metadesk_assets::browse::FolderAssets::export_all(&cfg)?;
    metadesk_assets::tags::Tag::export_all(&cfg)?;
    // The metadata schema: a folder's form, the required-metadata report.
    crate::app::FolderSchema::export_all(&cfg)?;
    crate::app::MissingReport::export_all(&cfg)?;
    // The API console.
    metadesk_console::GraphqlAnswer::export_all(&cfg)?;
    metadesk_console::Endpoints::export_all(&cfg)?;
    metadesk_console::PersistedQuery::export_all(&cfg)?;
    metadesk_console::SavedPersisted::export_all(&cfg)?;
    metadesk_console::ConsoleRequest::export_all(&cfg)?;
    metadesk_console::ConsoleResponse::export_all(&cfg)?;
    metadesk_console::HistoryEntry::export_all(&cfg)?;
    metadesk_console::SavedRequest::export_all(&cfg)?;
    crate::app::GraphqlCall::export_all(&cfg)?;
    crate::app::RunPersistedRequest::export_all(&cfg)?;
    crate::app::SavePersistedRequest::export_all(&cfg)?;
    crate::app::ConsoleSendRequest::export_all(&cfg)?;
    crate::app::SaveEntryRequest::export_all(&cfg)?;
    crate::app::ExportFormat::export_all(&cfg)?;
    // Event names are constants, not types: written beside them.
    std::fs::write(
        dir.join("AppEvents.ts"),
        metadesk_base::events::typescript(),
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::path::PathBuf;

    use metadesk_base::testing::logged;

    fn read_dir(dir: &std::path::Path) -> BTreeMap<String, String> {
        let mut files = BTreeMap::new();
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "ts") {
                let name = entry.file_name().to_string_lossy().into_owned();
                files.insert(name, std::fs::read_to_string(&path).unwrap());
            }
        }
        files
    }

    #[test]
    fn errors_cross_as_code_and_message_only() {
        let err =
            metadesk_clients::Error::from(metadesk_credentials::secrets::SecretStoreError::Locked);
        let english = metadesk_base::i18n::Localizer::english();
        let json = serde_json::to_value(super::IpcError::localized(err, &english)).unwrap();
        let object = json.as_object().unwrap();
        assert_eq!(object.len(), 2, "{json}");
        assert_eq!(json["code"], "keychain_locked");
        assert!(json["message"].as_str().unwrap().contains("locked"));
    }

    #[test]
    fn an_internal_error_is_told_in_the_readers_language_and_its_detail_only_logged() {
        use metadesk_base::i18n::{Lang, Localizer};
        let detail = "journal record not serialisable: key must be a string";
        let internal = || metadesk_clients::Error::Internal(detail.to_owned());
        for lang in Lang::ALL {
            let mut sent = None;
            let log = logged(|| {
                sent = Some(super::IpcError::localized(
                    internal(),
                    &Localizer::new(lang),
                ));
            });
            let sent = sent.unwrap();
            assert_eq!(sent.code, metadesk_clients::ErrorCode::Internal);
            assert!(!sent.message.contains("serialisable"), "{}", sent.message);
            assert!(log.contains(detail), "the log has the detail: {log}");
            if lang == Lang::Fr {
                metadesk_base::i18n::checks::assert_reads_french(&sent.message);
            }
        }
        let log = logged(|| {
            let sent = super::IpcError::localized(internal(), &Localizer::english());
            assert_eq!(
                sent.message,
                "Something went wrong inside Metadesk. It is not something you did; the details \
                 are in Metadesk’s log."
            );
        });
        assert!(log.contains(detail), "{log}");
    }

    #[test]
    fn committed_bindings_are_current() {
        let committed_dir =
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/ipc/bindings");
        let fresh_dir = tempfile::tempdir().unwrap();
        super::export_all(fresh_dir.path()).unwrap();
        let fresh = read_dir(fresh_dir.path());
        assert!(!fresh.is_empty());

        if std::env::var_os("METADESK_UPDATE_BINDINGS").is_some() {
            let _ = std::fs::remove_dir_all(&committed_dir);
            std::fs::create_dir_all(&committed_dir).unwrap();
            for (name, text) in &fresh {
                std::fs::write(committed_dir.join(name), text).unwrap();
            }
        }
        let committed = read_dir(&committed_dir);
        assert!(
            committed == fresh,
            "ui/src/ipc/bindings is stale: run `METADESK_UPDATE_BINDINGS=1 cargo test -p \
             metadesk-core bindings` and commit the result.\nstale or missing: {:?}\nextra: {:?}",
            fresh
                .iter()
                .filter(|(k, v)| committed.get(*k) != Some(v))
                .map(|(k, _)| k)
                .collect::<Vec<_>>(),
            committed
                .keys()
                .filter(|k| !fresh.contains_key(*k))
                .collect::<Vec<_>>()
        );
    }
}
