//! Uploading files into a DAM folder: the plan (each file's size, AEM path and what happens to
//! it: `bulk::upload_plan`), then its run on the engine (`RunKind::Upload`: journaled,
//! resumable, listed in Activity; folders made first, then each file's three-step direct
//! binary upload: `bulk::engine::upload`). An OAuth Server-to-Server connection is refused
//! before any byte is sent: Adobe does not support those credentials for AEM's upload API;
//! service credentials from the AEM Developer Console and local development tokens upload.
//!
//! Not here: the undo (`uploads_undo.rs`), reading a sheet's values (`uploads_sheet.rs`).

use std::path::PathBuf;

use super::jobs::JobKind;
use super::uploads_sheet::metadata_of;
pub use super::uploads_sheet::{FileMetadata, SheetMetadata};
use super::{Opened, Workspace, blocking};
use metadesk_assets::CallError;
use metadesk_assets::classic::ClassicAssets;
use metadesk_assets::folders::DamFolder;
use metadesk_assets::upload::WhenDifferent;
use metadesk_base::i18n::Text;
use metadesk_bulk::runs::RunSummary;
use metadesk_bulk::scope::RunScope;
use metadesk_bulk::spec::{OpPlan, RunKind, ScopeFilters};
use metadesk_bulk::upload_plan::{self, UploadPlan};
use metadesk_bulk::{Engine, RunControl, RunSource};
use metadesk_clients::error::Result;
use metadesk_clients::{Error, ErrorCode};
use metadesk_credentials::credentials::ApiFamily;
use metadesk_store::connections::confirm_production;

impl Workspace {
    /// Plans uploading `inputs` (files, and folders whose contents go in with their
    /// subfolders) into `folder`, which must exist; reads what AEM holds at each path, sends
    /// nothing.
    pub async fn plan_upload(
        &self,
        opened: &Opened,
        inputs: Vec<PathBuf>,
        folder: &str,
        when_different: WhenDifferent,
    ) -> Result<UploadPlan> {
        let aem = uploader(opened)?;
        let folder = DamFolder::parse(folder)?;
        let target = folder.as_str().to_owned();
        aem.node(&target, "")
            .await
            .map_err(|e| failed(&target, e))?;
        let mut plan = blocking(move || Ok(upload_plan::gather(&inputs, &target))).await?;
        upload_plan::compare(&aem, &mut plan, when_different)
            .await
            .map_err(|e| failed(folder.as_str(), e))?;
        Ok(plan)
    }

    /// The values sheet `sheet` gives the files of `plan` (see `uploads_sheet.rs`), checked
    /// against the target folder's metadata schema where it can be read.
    pub async fn upload_metadata(
        &self,
        opened: &Opened,
        plan: &UploadPlan,
        sheet: &std::path::Path,
    ) -> Result<SheetMetadata> {
        let name = crate::app::sheet_files::file_name_of(sheet);
        let owned = sheet.to_owned();
        let bytes = blocking(move || crate::app::sheets::read_sheet_file(&owned)).await?;
        let schema = self.folder_schema(opened, &plan.folder, false).await.ok();
        let schema = schema.as_ref().and_then(|s| s.schema.as_ref());
        let rows = metadesk_sheets::workbook_rows(&name, &bytes)
            .map_err(|t| Error::worded(ErrorCode::InvalidInput, t))?;
        metadata_of(&name, &rows, plan, schema)
            .map_err(|t| Error::worded(ErrorCode::InvalidInput, t))
    }

    /// Uploads a plan made by [`Workspace::plan_upload`] as a run: its journal holds the
    /// plan (each file's SHA-1 read now), then the engine sends it. The run's summary. On a
    /// connection marked production nothing is journaled or sent until its name is typed
    /// (`confirm_name`), as for every write.
    pub async fn upload(
        &self,
        opened: &Opened,
        plan: &UploadPlan,
        metadata: &FileMetadata,
        confirm_name: Option<&str>,
    ) -> Result<RunSummary> {
        confirm_production(opened.connection(), confirm_name)?;
        let label = Text::new("job-upload", vec![("folder", plan.folder.as_str().into())]);
        let job = self.jobs.start(JobKind::Apply, label)?;
        let started = self.start_upload(opened, plan, metadata).await?;
        job.set_run_id(&started.id);
        let engine = Engine::new(opened.connected.assets.clone(), self.runs_dir());
        engine.apply(&started.id, job.control(), &|_| {}).await
    }

    /// The run of a plan made by [`Workspace::plan_upload`], journaled (each file's SHA-1 read
    /// now) and not sent: the window applies it as any run (`apply_request`, with progress).
    pub async fn start_upload(
        &self,
        opened: &Opened,
        plan: &UploadPlan,
        metadata: &FileMetadata,
    ) -> Result<RunSummary> {
        uploader(opened)?;
        let (plan, metadata) = (plan.clone(), metadata.clone());
        let run_plan = blocking(move || Ok(upload_plan::run_plan(&plan, &metadata))).await?;
        let mut spec = opened.spec(
            RunScope::checked(&run_plan.folder, ScopeFilters::default())?,
            Vec::new(),
            RunKind::Upload {
                folder: run_plan.folder.clone(),
                files: run_plan.files.len() as u64,
            },
        );
        spec.op = Some(OpPlan::Upload(run_plan));
        let engine = Engine::new(opened.connected.assets.clone(), self.runs_dir());
        engine
            .plan(RunSource::Planned(spec), &RunControl::new(), &|_| {})
            .await
    }
}

/// The AEM paths where `plan` sends a file over a different one (a new version or a
/// replacement): their pages will show the new file, so the preview says where they are used.
pub fn replaced_paths(plan: &UploadPlan) -> Vec<String> {
    plan.rows
        .iter()
        .filter(|r| matches!(r.intent, upload_plan::Intent::Different(_)))
        .map(|r| r.aem_path.clone())
        .collect()
}

/// The connection's classic API, or the refusal of an OAuth Server-to-Server connection.
pub(super) fn uploader(opened: &Opened) -> Result<ClassicAssets> {
    if opened.connected.family == ApiFamily::OpenApi {
        return Err(Error::message(
            ErrorCode::InvalidInput,
            "error-upload-oauth",
            vec![],
        ));
    }
    Ok(ClassicAssets::new(opened.connected.client.clone()))
}

fn failed(folder: &str, e: CallError) -> Error {
    match e {
        CallError::NotFound => Error::message(
            ErrorCode::NotFound,
            "error-no-such-folder",
            vec![("folder", folder.into())],
        ),
        CallError::Auth(e) | CallError::Unreachable(e) | CallError::Aem(e) => Error::Aem(e),
        other => Error::worded(
            ErrorCode::InvalidInput,
            metadesk_base::i18n::Text::new(
                "error-upload-failed",
                vec![("detail", other.text().into())],
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use metadesk_assets::upload::WhenDifferent;
    use metadesk_bulk::RunStatus;
    use metadesk_sandbox::SAMPLE_FOLDER;

    use super::FileMetadata;

    /// A file a colleague put at one of the run's paths after the preview is left alone (their
    /// asset keeps its binary and values), and the other files go. Just before they leave,
    /// the files ask what is at their paths through their folder's listings (one for several
    /// files): only the two paths a listing names are read. Seen failing with the files sent
    /// on the preview's word (20 uploaded), and on the code before (20 path reads).
    #[tokio::test]
    async fn a_file_a_colleague_put_at_a_path_after_the_preview_is_left_alone() {
        let (dir, ws, opened, sandbox) = crate::app::test_support::sandboxed_workspace(2).await;
        let drop = dir.path().join("campaign");
        std::fs::create_dir_all(&drop).unwrap();
        let files: Vec<std::path::PathBuf> = (0..20)
            .map(|i| {
                let file = drop.join(format!("shot-{i:02}.jpg"));
                std::fs::write(&file, format!("our file {i}")).unwrap();
                file
            })
            .collect();
        let plan = ws
            .plan_upload(&opened, files, SAMPLE_FOLDER, WhenDifferent::NewVersion)
            .await
            .unwrap();
        // After the preview, a colleague's files at two of our paths, one in each group of
        // files a listing answers for.
        let theirs = [
            format!("{SAMPLE_FOLDER}/shot-03.jpg"),
            format!("{SAMPLE_FOLDER}/shot-17.jpg"),
        ];
        for path in &theirs {
            sandbox
                .upload(path, serde_json::json!({"dc:title": "Theirs"}))
                .unwrap();
        }
        let before: Vec<_> = theirs.iter().map(|p| sandbox.asset(p).unwrap()).collect();
        let path_reads = || {
            sandbox
                .counters()
                .by_kind
                .get("metadata read")
                .copied()
                .unwrap_or(0)
        };
        let reads_before = path_reads();
        let run = ws
            .start_upload(&opened, &plan, &FileMetadata::default())
            .await
            .unwrap();
        let done = ws.apply(&opened, &run.id, None, &|_| {}).await.unwrap();
        assert_eq!(done.status, RunStatus::Completed);
        let upload = done.op.as_ref().and_then(|op| op.as_upload()).unwrap();
        assert_eq!(upload.uploaded, 18);
        assert_eq!(upload.changed_since.len(), 2, "{:?}", upload.changed_since);
        assert_eq!(sandbox.counters().uploads_completed, 18);
        for (path, before) in theirs.iter().zip(&before) {
            let now = sandbox.asset(path).unwrap();
            assert_eq!(now["metadata"]["dc:title"], "Theirs", "{path}");
            assert_eq!(
                now["metadata"]["dam:sha1"], before["metadata"]["dam:sha1"],
                "{path}"
            );
        }
        // Only the colleague's two paths, named by a listing, are read on their own.
        let reads = path_reads() - reads_before;
        assert_eq!(reads, 2, "no read of each path before it leaves");
    }

    /// A file in doubt (journaled `sending` by a process that stopped: it reached AEM) in a
    /// folder found refusing the run's writes (403) before it is reached is checked before
    /// anything decides it: AEM holds it, so it is uploaded, never failed unread in the
    /// folder's words. Seen failing with the file failed, "every request tried in" its folder
    /// refused, though AEM held it.
    #[tokio::test]
    async fn a_file_in_doubt_in_a_folder_refusing_writes_is_checked_before_it_is_failed() {
        use crate::app::test_support::{journal_sending, one_at_a_time};
        use metadesk_bulk::RunControl;
        use metadesk_bulk::parts::RunPart;
        let (dir, ws, opened, sandbox) = crate::app::test_support::sandboxed_workspace(2).await;
        let write = |root: &std::path::Path, name: &str| {
            let file = root.join(name);
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(&file, format!("the file {name}")).unwrap();
        };
        // Six files into a folder that will refuse, the one in doubt last there, and three
        // into a folder that takes them.
        let dropped = dir.path().join("drop");
        for i in 0..6 {
            write(&dropped, &format!("refusing/f{i}.jpg"));
        }
        write(&dropped, "refusing/zz-doubt.jpg");
        for i in 0..3 {
            write(&dropped, &format!("taking/f{i}.jpg"));
        }
        let plan = ws
            .plan_upload(
                &opened,
                vec![dropped.clone()],
                SAMPLE_FOLDER,
                WhenDifferent::NewVersion,
            )
            .await
            .unwrap();
        let run = ws
            .start_upload(&opened, &plan, &FileMetadata::default())
            .await
            .unwrap();
        // Its request went and AEM took it; the process stopped before it heard: `sending`.
        let solo = dir.path().join("solo");
        std::fs::create_dir_all(solo.join("refusing")).unwrap();
        std::fs::copy(
            dropped.join("refusing/zz-doubt.jpg"),
            solo.join("refusing/zz-doubt.jpg"),
        )
        .unwrap();
        let alone = ws
            .plan_upload(
                &opened,
                vec![solo],
                SAMPLE_FOLDER,
                WhenDifferent::NewVersion,
            )
            .await
            .unwrap();
        let landed = ws
            .upload(&opened, &alone, &FileMetadata::default(), None)
            .await
            .unwrap();
        assert_eq!(
            landed
                .op
                .as_ref()
                .and_then(|op| op.as_upload())
                .unwrap()
                .uploaded,
            1
        );
        let in_doubt = format!("{SAMPLE_FOLDER}/refusing/zz-doubt.jpg");
        let part = RunPart::File {
            path: in_doubt.clone(),
        };
        journal_sending(&ws, &run.id, part);
        let completed = sandbox.counters().uploads_completed;
        sandbox
            .set_faults(metadesk_sandbox::Faults {
                write_denied: vec![format!("{SAMPLE_FOLDER}/refusing")],
                ..metadesk_sandbox::Faults::default()
            })
            .unwrap();
        // One file at a time: the refusing folder's first five decide it before the last.
        let engine = one_at_a_time(&ws, &opened);
        let done = engine
            .apply(&run.id, &RunControl::new(), &|_| {})
            .await
            .unwrap();
        let upload = done.op.as_ref().and_then(|op| op.as_upload()).unwrap();
        assert_eq!((upload.uploaded, upload.failed), (4, 6), "{upload:?}");
        assert_eq!(sandbox.counters().uploads_completed - completed, 3);
        assert!(sandbox.asset(&in_doubt).is_some());
    }
}
