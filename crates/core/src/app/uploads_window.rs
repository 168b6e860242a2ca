//! The Upload page's use cases: the files and folders the user dropped or picked, held by the
//! core under a short id (the page never sees nor sends a path, as with sheets); their preview
//! (the plan, the sheet's values and problems, where the assets a file would replace are used),
//! kept under its own id so what is uploaded is what was shown; the run journaled from it (the
//! window applies it as any run, with progress); and the undo's outcome in the reader's words.
//!
//! Not here: planning, reading the sheet, sending and undoing (`uploads.rs`,
//! `uploads_sheet.rs`, `uploads_undo.rs`).

use std::collections::{BTreeMap, VecDeque};
use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use metadesk_assets::upload::WhenDifferent;
use metadesk_base::i18n::Localizer;
use metadesk_bulk::run_undone;
use metadesk_bulk::runs::RunSummary;
use metadesk_bulk::upload_plan::{Intent, UploadPlan};
use metadesk_clients::error::{Error, ErrorCode, Result};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::references::PreviewReferences;
use super::sheet_files::file_name_of;
use super::uploads::{FileMetadata, SheetMetadata, replaced_paths};
use super::{Opened, Workspace, blocking};
use metadesk_bulk::upload::{Arrival, UploadRunPlan};

/// How many drops and previews are kept; older ones are forgotten (dropped again, previewed again).
const MAX_HELD: usize = 32;

/// Files and folders on hand for an upload, as the window knows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HeldUpload {
    pub id: String,
    /// Each path's name, without its folder.
    pub names: Vec<String>,
    /// Which of them are folders (their files go in with their subfolders).
    pub folders: Vec<String>,
}

/// What happens to one file, as the preview shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum UploadIntent {
    New,
    Same,
    NewVersion,
    Replace,
    Refused,
}

/// One file of the preview.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UploadPreviewFile {
    pub aem_path: String,
    #[ts(type = "number")]
    pub size: u64,
    pub intent: UploadIntent,
    /// Why it is refused, in the reader's words.
    pub reason: Option<String>,
    /// Its values from the sheet, by property.
    pub metadata: BTreeMap<String, Vec<String>>,
}

/// An upload's preview: nothing was sent.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UploadPreview {
    /// What [`Workspace::start_held_upload`] uploads.
    pub id: String,
    pub folder: String,
    /// Folders the upload makes first.
    pub folders: Vec<String>,
    pub files: Vec<UploadPreviewFile>,
    /// The sheet's name, when one was given.
    pub sheet: Option<String>,
    /// Rows for files not in the upload, values refused: nothing can be sent until corrected.
    pub sheet_errors: Vec<String>,
    /// Files sent without metadata (no row in the sheet).
    pub without_row: Vec<String>,
    /// Where the assets the files would replace are used; null when none would be.
    pub references: Option<PreviewReferences>,
    /// Why AEM could not say where they are used, when it could not.
    pub references_unknown: Option<String>,
}

/// What the page asks to preview.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UploadPreviewRequest {
    pub connection_id: String,
    /// Held drops and picks ([`HeldUpload::id`]).
    pub inputs: Vec<String>,
    pub folder: String,
    /// A different file at a path gets a new version (false) or is replaced (true).
    pub replace: bool,
    /// A held sheet (`HeldSheet::id`).
    pub sheet_id: Option<String>,
}

pub use metadesk_bulk::upload::UploadFileState;

/// One file of an upload's report.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UploadReportRow {
    pub aem_path: String,
    #[ts(type = "number")]
    pub size: u64,
    pub state: UploadFileState,
    /// It went in as a new version of another asset, or replaced one.
    pub over_another: bool,
    /// What the upload's latest undo did to it: `changed` deleted, `unchanged` already gone,
    /// `skipped` kept (and why), `failed` refused; absent when the upload was not undone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub undone: Option<metadesk_bulk::runs::RowUndone>,
}

/// The drops and previews on hand.
#[derive(Default)]
pub struct HeldUploads {
    inner: Mutex<OnHand>,
}

/// The drops, picks and previews on hand, and the next id to give.
#[derive(Default)]
struct OnHand {
    next: u64,
    inputs: VecDeque<(String, Vec<PathBuf>)>,
    /// Each preview's plan, the sheet's values, and whether the sheet's errors stop it.
    previews: VecDeque<(String, UploadPlan, FileMetadata, bool)>,
}

impl HeldUploads {
    fn lock(&self) -> MutexGuard<'_, OnHand> {
        // A panic while holding the lock leaves the lists themselves consistent.
        self.inner
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn next_id(held: &mut OnHand, prefix: &str) -> String {
        held.next += 1;
        format!("{prefix}-{}", held.next)
    }
}

impl Workspace {
    /// Keeps `paths` (dropped on the Upload page, or picked) and returns how the window names them.
    pub fn hold_upload(&self, paths: Vec<PathBuf>) -> HeldUpload {
        let names = paths.iter().map(|p| file_name_of(p)).collect();
        let folders = paths
            .iter()
            .filter(|p| p.is_dir())
            .map(|p| file_name_of(p))
            .collect();
        let mut held = self.held_uploads.lock();
        let id = HeldUploads::next_id(&mut held, "upload");
        held.inputs.push_back((id.clone(), paths));
        while held.inputs.len() > MAX_HELD {
            held.inputs.pop_front();
        }
        HeldUpload { id, names, folders }
    }

    /// Previews uploading the held `request.inputs` into `request.folder` (with the held sheet's
    /// values, when given), in `l`'s words; sends nothing. The preview is kept for
    /// [`Self::start_held_upload`].
    pub async fn preview_held_upload(
        &self,
        opened: &Opened,
        request: &UploadPreviewRequest,
        l: &Localizer,
    ) -> Result<UploadPreview> {
        let inputs = self.held_inputs(&request.inputs)?;
        let when = if request.replace {
            WhenDifferent::Replace
        } else {
            WhenDifferent::NewVersion
        };
        let plan = self
            .plan_upload(opened, inputs, &request.folder, when)
            .await?;
        let (sheet, read) = match &request.sheet_id {
            Some(id) => {
                let path = self.sheet_files.path(id).ok_or_else(|| {
                    Error::message(ErrorCode::InvalidInput, "error-sheet-gone", vec![])
                })?;
                let read = self.upload_metadata(opened, &plan, &path).await?;
                (Some(file_name_of(&path)), read)
            }
            None => (None, SheetMetadata::default()),
        };
        let replaced = replaced_paths(&plan);
        let (references, references_unknown) = if replaced.is_empty() {
            (None, None)
        } else {
            match self.replaced_references(opened, &replaced).await {
                Ok(mut found) => {
                    found.localize(l);
                    (Some(found), None)
                }
                Err(e) => (None, Some(e.localized(l))),
            }
        };
        let mut held = self.held_uploads.lock();
        let id = HeldUploads::next_id(&mut held, "upload-preview");
        let mut preview = preview_of(&id, &plan, &read, l);
        preview.sheet = sheet;
        preview.references = references;
        preview.references_unknown = references_unknown;
        let stopped = !read.errors.is_empty();
        held.previews
            .push_back((id, plan, read.by_file.clone(), stopped));
        while held.previews.len() > MAX_HELD {
            held.previews.pop_front();
        }
        Ok(preview)
    }

    /// The run of preview `id`, journaled and not yet sent: the window applies it as any run.
    /// Refused, with nothing journaled, while the sheet has errors or nothing is to be sent.
    pub async fn start_held_upload(&self, opened: &Opened, id: &str) -> Result<RunSummary> {
        let found = self
            .held_uploads
            .lock()
            .previews
            .iter()
            .find(|(key, ..)| key == id)
            .map(|(_, plan, metadata, stopped)| (plan.clone(), metadata.clone(), *stopped));
        let Some((plan, metadata, stopped)) = found else {
            return Err(Error::message(
                ErrorCode::InvalidInput,
                "error-upload-preview-gone",
                vec![],
            ));
        };
        if stopped {
            return Err(Error::message(
                ErrorCode::InvalidInput,
                "error-upload-sheet-errors",
                vec![],
            ));
        }
        if !plan.rows.iter().any(|r| r.sends()) {
            return Err(Error::message(
                ErrorCode::InvalidInput,
                "error-upload-nothing-to-send",
                vec![],
            ));
        }
        self.start_upload(opened, &plan, &metadata).await
    }

    /// Each file of upload run `id` and where it stands, for its report: once the upload was
    /// undone, what its undo did to the file (deleted, already gone, kept and why).
    pub async fn upload_report(&self, id: &str) -> Result<Vec<UploadReportRow>> {
        let (plan, journal) = self.upload_run(id).await?;
        let journal = &journal;
        let mut rows: Vec<UploadReportRow> = plan
            .files
            .iter()
            .map(|file| {
                let state = UploadRunPlan::state_of(file, journal);
                UploadReportRow {
                    aem_path: file.aem_path.clone(),
                    size: file.size,
                    state,
                    over_another: file.arrival != Arrival::New,
                    undone: None,
                }
            })
            .collect();
        let (dir, id) = (self.runs_dir(), id.to_owned());
        let history = self.history();
        blocking(move || {
            let all = history.list(&dir)?;
            if let Some(undo) = run_undone::latest_undo(&all, &id) {
                run_undone::mark_undone(
                    &dir,
                    &undo.id,
                    &mut rows,
                    |row| row.aem_path.as_str(),
                    |row, undone| row.undone = Some(undone),
                )?;
            }
            Ok(rows)
        })
        .await
    }

    /// The paths held under `ids`, in order; why not when one was forgotten or none is given.
    fn held_inputs(&self, ids: &[String]) -> Result<Vec<PathBuf>> {
        let held = self.held_uploads.lock();
        let mut paths = Vec::new();
        for id in ids {
            let Some((_, found)) = held.inputs.iter().find(|(key, _)| key == id) else {
                return Err(Error::message(
                    ErrorCode::InvalidInput,
                    "error-upload-files-gone",
                    vec![],
                ));
            };
            paths.extend(found.iter().cloned());
        }
        if paths.is_empty() {
            return Err(Error::message(
                ErrorCode::InvalidInput,
                "error-upload-no-files",
                vec![],
            ));
        }
        Ok(paths)
    }
}

/// The window's preview of `plan` and what the sheet gave it, in `l`'s words.
fn preview_of(id: &str, plan: &UploadPlan, read: &SheetMetadata, l: &Localizer) -> UploadPreview {
    let files = plan
        .rows
        .iter()
        .map(|row| {
            let (intent, reason) = match &row.intent {
                Intent::New => (UploadIntent::New, None),
                Intent::Same => (UploadIntent::Same, None),
                Intent::Different(WhenDifferent::NewVersion) => (UploadIntent::NewVersion, None),
                Intent::Different(WhenDifferent::Replace) => (UploadIntent::Replace, None),
                Intent::Refused(why) => (UploadIntent::Refused, Some(why.localized(l))),
            };
            UploadPreviewFile {
                aem_path: row.aem_path.clone(),
                size: row.size,
                intent,
                reason,
                metadata: read.by_file.get(&row.aem_path).cloned().unwrap_or_default(),
            }
        })
        .collect();
    UploadPreview {
        id: id.to_owned(),
        folder: plan.folder.clone(),
        folders: plan.folders.clone(),
        files,
        sheet: None,
        sheet_errors: read.errors.iter().map(|e| e.localized(l)).collect(),
        without_row: read.without_row.clone(),
        references: None,
        references_unknown: None,
    }
}

#[cfg(test)]
mod tests {
    use metadesk_base::i18n::Lang;
    use metadesk_sandbox::SAMPLE_FOLDER;

    use super::*;

    /// Seen failing with `start_held_upload` not checking the sheet's errors (the run was
    /// journaled). A preview whose sheet names a file not dropped says so and cannot be
    /// uploaded; files forgotten are said, not guessed; a good preview is journaled as a run
    /// and nothing is sent until it is applied.
    #[tokio::test]
    async fn a_preview_with_sheet_errors_is_never_journaled_and_a_good_one_sends_nothing_yet() {
        let (dir, ws, opened, sandbox) = crate::app::test_support::sandboxed_workspace(4).await;
        let l = Localizer::new(Lang::En);
        let drop = dir.path().join("campaign");
        std::fs::create_dir_all(drop.join("sub")).unwrap();
        std::fs::write(drop.join("a.jpg"), b"first file").unwrap();
        std::fs::write(drop.join("sub/b.png"), b"second file").unwrap();
        let bad = dir.path().join("bad.csv");
        std::fs::write(&bad, "File,dc:title\na.jpg,A\nmissing.jpg,M\n").unwrap();
        let good = dir.path().join("good.csv");
        std::fs::write(&good, "File,dc:title\na.jpg,A\nsub/b.png,B\n").unwrap();

        let held = ws.hold_upload(vec![drop.clone()]);
        assert_eq!(held.folders, vec!["campaign"]);
        let mut request = UploadPreviewRequest {
            connection_id: String::new(),
            inputs: vec![held.id.clone()],
            folder: SAMPLE_FOLDER.to_owned(),
            replace: false,
            sheet_id: Some(ws.hold_sheet_file(bad).id),
        };
        let refused = ws.preview_held_upload(&opened, &request, &l).await.unwrap();
        assert_eq!(
            refused.sheet_errors,
            vec!["Row 3: missing.jpg is not among the files to upload."]
        );
        assert_eq!(refused.files.len(), 2);
        assert!(refused.files.iter().all(|f| f.intent == UploadIntent::New));
        let stopped = ws
            .start_held_upload(&opened, &refused.id)
            .await
            .unwrap_err();
        assert_eq!(stopped.message_id(), Some("error-upload-sheet-errors"));
        assert!(ws.list_runs().await.unwrap().is_empty(), "no run journaled");

        request.sheet_id = Some(ws.hold_sheet_file(good).id);
        let shown = ws.preview_held_upload(&opened, &request, &l).await.unwrap();
        assert!(shown.sheet_errors.is_empty() && shown.without_row.is_empty());
        let b = format!("{SAMPLE_FOLDER}/sub/b.png");
        let row = shown.files.iter().find(|f| f.aem_path == b).unwrap();
        assert_eq!(row.metadata["dc:title"], vec!["B"]);
        assert_eq!(shown.folders, vec![format!("{SAMPLE_FOLDER}/sub")]);
        let run = ws.start_held_upload(&opened, &shown.id).await.unwrap();
        assert_eq!(
            run.op
                .as_ref()
                .and_then(|op| op.as_upload())
                .map(|u| u.planned),
            Some(2)
        );
        assert_eq!(sandbox.counters().uploads_initiated, 0, "nothing sent yet");
        let rows = ws.upload_report(&run.id).await.unwrap();
        assert_eq!(rows.len(), 2);
        assert!(rows.iter().all(|r| r.state == UploadFileState::Pending));

        request.inputs = vec!["upload-999".into()];
        let gone = ws
            .preview_held_upload(&opened, &request, &l)
            .await
            .unwrap_err();
        assert_eq!(gone.message_id(), Some("error-upload-files-gone"));
        request.inputs = Vec::new();
        let none = ws
            .preview_held_upload(&opened, &request, &l)
            .await
            .unwrap_err();
        assert_eq!(none.message_id(), Some("error-upload-no-files"));
    }
}
