//! The TypeScript bindings of every type of the core that crosses to the UI (and of the event
//! names), and the check that the committed copies in `ui/src/ipc/bindings/` are current.
//! The window's own error shape (`IpcError.ts`) sits beside them and is checked by the window
//! (`src-tauri/src/ipc_error.rs`).
//!
//! `cargo test -p metadesk-core bindings` fails when a Rust type changed and its `.ts` file was
//! not regenerated; `METADESK_UPDATE_BINDINGS=1 cargo test -p metadesk-core bindings` rewrites
//! them. ts-rs' own per-type export tests are not used, so a plain `cargo test` never writes
//! into the source tree.

use std::path::Path;

use ts_rs::{Config, TS};

use metadesk_clients::error::ErrorCode;

/// Writes the bindings of every root type (and what they reference) into `dir`.
pub fn export_all(dir: &Path) -> Result<(), ts_rs::ExportError> {
    let cfg = Config::new().with_out_dir(dir);
    // Every failure the window is sent carries one (in the window's `IpcError`).
    ErrorCode::export_all(&cfg)?;
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
    // Moves (issue 76): what the window asks, and a move's run as its summary shows it.
    crate::app::MoveAsk::export_all(&cfg)?;
    crate::app::MoveRequest::export_all(&cfg)?;
    metadesk_bulk::ops::OpView::export_all(&cfg)?;
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
    crate::app::PublishRequest::export_all(&cfg)?;
    crate::app::PreviewAsk::export_all(&cfg)?;
    metadesk_bulk::ApplyRequest::export_all(&cfg)?;
    metadesk_bulk::PreviewPage::export_all(&cfg)?;
    metadesk_bulk::ReportPage::export_all(&cfg)?;
    metadesk_bulk::ScopeCount::export_all(&cfg)?;
    metadesk_bulk::by_folder::FolderOutcomes::export_all(&cfg)?;
    crate::app::RuleSample::export_all(&cfg)?;
    // Scopes: a search in words, a list, their counts and the saved ones.
    metadesk_bulk::Scope::export_all(&cfg)?;
    crate::app::ScopeRequest::export_all(&cfg)?;
    crate::app::SchemaRequest::export_all(&cfg)?;
    crate::app::ScopeEditsRequest::export_all(&cfg)?;
    metadesk_bulk::RunScope::export_all(&cfg)?;
    crate::app::FormCheckRequest::export_all(&cfg)?;
    crate::app::CheckedForm::export_all(&cfg)?;
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
    crate::app::TagChangeRequest::export_all(&cfg)?;
    crate::app::TagCounts::export_all(&cfg)?;
    crate::app::SavedTaxonomy::export_all(&cfg)?;
    crate::app::TagImportPreview::export_all(&cfg)?;
    crate::app::TagImportApplied::export_all(&cfg)?;
    crate::app::TagImportUndone::export_all(&cfg)?;
    crate::app::TagImportRun::export_all(&cfg)?;
    crate::app::TagRenameRequest::export_all(&cfg)?;
    crate::app::TagRenamePreview::export_all(&cfg)?;
    // The metadata schema: a folder's form, the required-metadata report.
    crate::app::FolderSchema::export_all(&cfg)?;
    crate::app::MissingReport::export_all(&cfg)?;
    crate::app::HealthReport::export_all(&cfg)?;
    crate::app::FieldReportSaved::export_all(&cfg)?;
    crate::app::PreviewReferences::export_all(&cfg)?;
    crate::app::HeldUpload::export_all(&cfg)?;
    crate::app::UploadPreview::export_all(&cfg)?;
    crate::app::UploadPreviewRequest::export_all(&cfg)?;
    crate::app::UploadReportRow::export_all(&cfg)?;
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

    /// Bindings in the same folder that the window writes and checks (`src-tauri`'s types).
    const WINDOW_BINDINGS: &[&str] = &["IpcError.ts"];

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
    fn committed_bindings_are_current() {
        let committed_dir =
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/ipc/bindings");
        let fresh_dir = tempfile::tempdir().unwrap();
        super::export_all(fresh_dir.path()).unwrap();
        let fresh = read_dir(fresh_dir.path());
        assert!(!fresh.is_empty());

        if std::env::var_os("METADESK_UPDATE_BINDINGS").is_some() {
            std::fs::create_dir_all(&committed_dir).unwrap();
            for name in read_dir(&committed_dir).keys() {
                if !fresh.contains_key(name) && !WINDOW_BINDINGS.contains(&name.as_str()) {
                    std::fs::remove_file(committed_dir.join(name)).unwrap();
                }
            }
            for (name, text) in &fresh {
                std::fs::write(committed_dir.join(name), text).unwrap();
            }
        }
        let mut committed = read_dir(&committed_dir);
        committed.retain(|name, _| !WINDOW_BINDINGS.contains(&name.as_str()));
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
