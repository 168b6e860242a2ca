//! The use cases: what a person does with Metadesk, written once for the window and the command
//! line. A [`Workspace`] holds what every use case shares (the app's folders, the connection
//! store, one token manager per connection, credentials waiting for a choice, the one job that
//! may run); its methods are the use cases: import, open a connection for a run, preview /
//! apply / resume / undo / retry, count a scope, browse folders, export a report, show an
//! asset's thumbnail.
//!
//! Not here: anything about how a face shows things or asks the user (Tauri's channels and
//! dialogs in `src-tauri`, clap and prompts in `crates/cli`), and the mechanisms the use cases
//! drive (`bulk`, `connections`, `ims`, `assets`), which know nothing of this layer.

mod allows;
mod connections;
mod console;
mod field_report;
mod form_checks;
mod fragments;
#[cfg(test)]
mod fragments_aem_tests;
#[cfg(test)]
mod fragments_tests;
mod health;
mod health_reads;
mod importing;
mod jobs;
mod language;
mod list_files;
mod move_sources;
mod move_targets;
mod moves;
mod moves_window;
mod opening;
mod page_requests;
mod pending;
mod previews;
mod previews_window;
mod publishing;
mod references;
mod report_settings;
mod rule_samples;
mod runs;
mod schemas;
mod scope_requests;
mod scopes;
mod sheet_files;
mod sheets;
mod tag_changes;
mod taxonomy;
mod taxonomy_holders;
mod taxonomy_import;
mod taxonomy_record;
mod taxonomy_rename;
mod taxonomy_undo;
mod taxonomy_window;
mod test_depth;
mod thumbnails;
mod tokens;
mod uploads;
mod uploads_sheet;
mod uploads_undo;
mod uploads_window;
mod user_files;
mod whole_file;

use std::path::PathBuf;
use std::sync::Arc;

pub use console::{
    ConsoleCalls, ConsoleSendRequest, ExportFormat, GraphqlCall, RunPersistedRequest,
    SaveEntryRequest, SavePersistedRequest, export_result,
};
pub use field_report::{
    Difference, FieldReport, FieldReportSaved, ReadRecord, Shape, difference_words,
};
pub use form_checks::{CheckedForm, FormCheckRequest, check_form};
pub use fragments::{
    FragmentList, FragmentListRequest, FragmentModel, FragmentRequest, FragmentRow,
    check_fragment_edits,
};
pub use health::{EXPIRING_WITHIN_DAYS, HealthList, HealthReport, parse_expiring_within};
pub use importing::{CliImport, PASTED};
pub use jobs::{JobGuard, JobKind, Jobs};
pub use language::LanguageSettings;
pub use list_files::{LIST_EXTENSIONS, ListFile, is_text_list_file_name, read_list_path};
pub use moves::{MoveAsk, MoveOptions, MoveWhat};
pub use moves_window::{MoveFrom, MoveRequest};
pub use opening::{ConnectionChoice, Opened, RunAction};
pub use page_requests::{FolderPageRequest, PreviewRowsRequest, ReportRowsRequest};
pub use pending::PendingImports;
pub use previews::{FragmentEdit, OnProgress, PreviewRequest, SheetRows};
pub use previews_window::PreviewAsk;
pub use publishing::PublishRequest;
pub use references::{ASKED_AT_MOST, AssetUse, PreviewReferences, ReferenceCache};
pub use rule_samples::{RuleSample, SampleCache};
pub use runs::{COMPLETIONS, FOLDER_PAGE};
pub use schemas::{
    FolderSchema, MissingAsset, MissingField, MissingReport, OffSchemaValue, SchemaCache,
    edit_problems, schema_folder,
};
pub use scope_requests::{
    SaveScopeRequest, SchemaRequest, ScopeEditsRequest, ScopeRequest, check_folder,
};
pub use scopes::{SavedScope, SelectedCount, list_entries};
pub use sheet_files::{HeldSheet, SheetFiles};
pub use sheets::{
    FIRST_ISSUES, IssueCounts, IssueFilter, IssuePage, KeptIssues, MAX_ISSUES_PAGE, SavedSheet,
    SheetExport, SheetExportRequest, SheetFormat, SheetImport, SheetIssuesRequest,
    SheetPreviewRequest, export_file_name, read_sheet_file, write_issues_csv,
};
pub use tag_changes::{TagChange, TagChangeRequest};
pub use taxonomy::{SavedTaxonomy, TagCounts};
pub use taxonomy_import::{TagImportApplied, TagImportPreview, TagLeftAlone};
pub use taxonomy_record::{NewTag, TagValueChange};
pub use taxonomy_rename::{TagRenamePreview, TagRenameRequest};
pub use taxonomy_undo::{LeftAloneOnUndo, LeftAloneReason, TagImportUndone};
pub use taxonomy_window::{TagImportRun, TagRenamed};
pub use test_depth::TestDepth;
pub use thumbnails::{Thumbnail, Thumbnails};
pub use tokens::Tokens;
pub use uploads::{FileMetadata, SheetMetadata, replaced_paths};
pub use uploads_window::{
    HeldUpload, HeldUploads, UploadFileState, UploadIntent, UploadPreview, UploadPreviewFile,
    UploadPreviewRequest, UploadReportRow,
};

use metadesk_clients::aem::client::build_http_client;
use metadesk_clients::error::{Error, Result};
use metadesk_credentials::secrets::SecretStore;
use metadesk_store::connections::AuthContext;
use metadesk_store::connections::ConnectionStore;
use metadesk_store::dirs::AppDirs;
use metadesk_store::health::{AppHealth, CheckStep, KeychainStatus};

/// Everything the use cases share, built once per process (the app's state holds one; each CLI
/// command builds one). Fields synchronise themselves; there is no outer lock.
pub struct Workspace {
    dirs: AppDirs,
    keychain: Arc<dyn SecretStore>,
    connections: Arc<ConnectionStore>,
    tokens: Arc<Tokens>,
    pending: Arc<PendingImports>,
    jobs: Jobs,
    console: ConsoleCalls,
    thumbnails: Thumbnails,
    sheet_files: SheetFiles,
    schemas: SchemaCache,
    samples: SampleCache,
    sheet_issues: KeptIssues,
    references: ReferenceCache,
    held_uploads: HeldUploads,
    history: Arc<metadesk_bulk::run_history::RunHistory>,
}

impl Workspace {
    /// The workspace over `dirs` and `keychain`. Fails only when the HTTP client cannot be built
    /// (no TLS support).
    pub fn new(dirs: AppDirs, keychain: Arc<dyn SecretStore>) -> Result<Self> {
        let connections = Arc::new(ConnectionStore::open(&dirs, Arc::clone(&keychain)));
        let tokens = Arc::new(Tokens::new(AuthContext::new(
            build_http_client()?,
            Arc::clone(&keychain),
        )));
        Ok(Workspace {
            thumbnails: Thumbnails::with_default_cap(&dirs),
            dirs,
            keychain,
            connections,
            tokens,
            pending: Arc::new(PendingImports::default()),
            jobs: Jobs::default(),
            console: ConsoleCalls::default(),
            sheet_files: SheetFiles::default(),
            schemas: SchemaCache::default(),
            samples: SampleCache::default(),
            sheet_issues: KeptIssues::default(),
            references: ReferenceCache::default(),
            held_uploads: HeldUploads::default(),
            history: Arc::default(),
        })
    }

    pub fn dirs(&self) -> &AppDirs {
        &self.dirs
    }

    /// The keychain every secret of this workspace lives in. Blocking, like the store.
    pub fn keychain(&self) -> &Arc<dyn SecretStore> {
        &self.keychain
    }

    /// The stored connections (the config file plus the keychain). Every call blocks.
    pub fn connections(&self) -> &Arc<ConnectionStore> {
        &self.connections
    }

    /// The token managers, one per connection, shared by everything that calls AEM.
    pub fn tokens(&self) -> &Arc<Tokens> {
        &self.tokens
    }

    /// The one job (count, preview, apply) that may run at a time.
    pub fn jobs(&self) -> &Jobs {
        &self.jobs
    }

    /// The start-up checks (folders, keychain), then, when the keychain works, the cleanup of
    /// imports a kill interrupted (their keychain entries; see `ConnectionStore`). Blocking: the
    /// keychain probe may wait for an unlock prompt.
    pub fn check_health(
        &self,
        on_step: &dyn Fn(CheckStep),
        l: &metadesk_base::i18n::Localizer,
    ) -> AppHealth {
        let health = metadesk_store::health::check(self.keychain.as_ref(), &self.dirs, on_step, l);
        if matches!(health.keychain, KeychainStatus::Available { .. })
            && let Err(e) = self.connections.finish_interrupted()
        {
            // Not the user's problem yet: the next change to the connections tries again.
            tracing::warn!(error = %e, "could not clean what interrupted imports left");
        }
        health
    }

    /// Where run journals live: the same folder for the window and the CLI with one profile.
    pub fn runs_dir(&self) -> PathBuf {
        metadesk_bulk::runs::runs_dir(&self.dirs)
    }
}

/// Disk and keychain work on a blocking thread, never on the async workers.
pub(crate) async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T> + Send + 'static,
) -> Result<T> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| Error::Internal(format!("background task: {e}")))?
}

#[cfg(test)]
mod allows_tests;
#[cfg(test)]
mod computed_schema_tests;
#[cfg(test)]
mod folder_assets_tests;
#[cfg(test)]
mod health_tests;
#[cfg(test)]
mod moves_tests;
#[cfg(test)]
mod tag_changes_tests;
#[cfg(test)]
mod test_support;
#[cfg(test)]
mod tests;
