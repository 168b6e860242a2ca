//! The undo of an upload's run, asked the production name like every write: each asset the
//! run created is deleted, unless it is not that asset any more or someone changed it since
//! (the check is `bulk::engine`'s, `unuploading.rs`). A file that went in as a new version of
//! another, or replaced one, is not undone: AEM does not give the earlier binary back through
//! this API, and the undo says so. Going by what AEM holds, an undo twice deletes nothing more.
//!
//! The undo is a run of its own the engine applies like every run (`RunKind::Undo` naming the
//! upload, its plan `bulk::upload_undo`): each delete's intent journaled before it is sent,
//! through the gate with its retries, a delete whose answer was lost read back before anything
//! is sent again, resumable. So Activity and `runs list` show the upload undone, and the window
//! offers no second undo: that run is never undone ([`Workspace::refuse_engine_on_upload_undo`]),
//! and a deleted upload is not sent again by a resume
//! ([`Workspace::refuse_resume_of_undone_upload`]).
//!
//! Not here: the run (`uploads.rs`, `bulk::engine::upload`), what it wrote (`bulk::upload`).

use metadesk_bulk::ops::OpPlan;
use metadesk_bulk::parts::PartJournal;
use metadesk_bulk::replay::{Replay, RunStatus};
use metadesk_bulk::runs::{self, RunSummary};
use metadesk_bulk::scope::RunScope;
use metadesk_bulk::spec::{RunKind, ScopeFilters};
use metadesk_bulk::upload::UploadRunPlan;
use metadesk_bulk::upload_undo::UploadUndoPlan;
use metadesk_bulk::{Engine, RunSource};
use metadesk_clients::error::{Error, ErrorCode, Result};

use super::previews::OnProgress;
use super::uploads::uploader;
use super::{Opened, Workspace, blocking};
use metadesk_base::i18n::Text;

impl Workspace {
    /// Upload run `id`'s plan and what its journal says; refused for any other run.
    pub(super) async fn upload_run(&self, id: &str) -> Result<(UploadRunPlan, PartJournal)> {
        let path = runs::path_of(&self.runs_dir(), id)?;
        let mut replay = blocking(move || Replay::load(&path)).await?;
        let plan = replay
            .spec
            .op
            .take()
            .and_then(OpPlan::into_upload)
            .ok_or_else(|| {
                Error::message(
                    ErrorCode::InvalidInput,
                    "error-not-an-upload",
                    vec![("run", id.into())],
                )
            })?;
        Ok((plan, replay.parts))
    }

    /// Previews the undo of upload run `id` on the connection opened for it
    /// ([`Workspace::open_for_run`]): a run of its own (`bulk::upload_undo`) whose rows are the
    /// files the upload may have written, each checked again just before its delete. Reached
    /// through [`Workspace::preview`] (`PreviewRequest::Undo`) as every undo is.
    pub(crate) async fn preview_upload_undo(
        &self,
        opened: &Opened,
        id: &str,
        on_progress: OnProgress<'_>,
    ) -> Result<RunSummary> {
        let (plan, journal) = self.upload_run(id).await?;
        uploader(opened)?;
        let mut spec = opened.spec(
            RunScope::checked(&plan.folder, ScopeFilters::default())?,
            Vec::new(),
            RunKind::Undo { of: id.to_owned() },
        );
        spec.op = Some(OpPlan::UploadUndo(UploadUndoPlan::of(id, &plan, &journal)));
        let label = Text::new(
            "job-preview-of-run",
            vec![("kind", "undo".into()), ("folder", plan.folder.into())],
        );
        let engine = Engine::new(opened.connected.assets.clone(), self.runs_dir());
        self.plan(label, engine, RunSource::Planned(spec), on_progress)
            .await
    }

    /// The upload run whose undo `summary` is, if it is one.
    async fn upload_undone(&self, summary: &RunSummary) -> Option<String> {
        let of = summary.kind.undo_of()?.to_owned();
        // Only the undone run's definition: its rows may be many.
        let dir = self.runs_dir();
        let spec = blocking(move || runs::spec(&dir, &of).map(|spec| (of, spec)));
        let (of, spec) = spec.await.ok()?;
        spec.kind.is_upload().then_some(of)
    }

    /// Refuses the engine's undo of an upload's undo: it deleted files, which a redo would not
    /// send again (the upload again does). An undo journaled by hand before the undo was the
    /// engine's run is not applied either (`applying`): undoing the upload again goes by what
    /// AEM holds.
    pub(crate) async fn refuse_engine_on_upload_undo(
        &self,
        summary: &RunSummary,
        applying: bool,
    ) -> Result<()> {
        // The engine's own run of the undo (every undo since the operation trait) is applied
        // and resumed as every run is; never undone.
        if applying
            && summary
                .op
                .as_ref()
                .is_some_and(|op| op.as_upload_undo().is_some())
        {
            return Ok(());
        }
        match self.upload_undone(summary).await {
            Some(upload) => Err(Error::message(
                ErrorCode::InvalidInput,
                "error-run-of-upload-undo",
                vec![
                    ("run", summary.id.as_str().into()),
                    ("upload", upload.into()),
                ],
            )),
            None => Ok(()),
        }
    }

    /// Refuses to resume an upload that was undone: its files were deleted, and a resume would
    /// send again those it had not sent yet (and write values to assets gone).
    pub(crate) async fn refuse_resume_of_undone_upload(&self, summary: &RunSummary) -> Result<()> {
        if !summary.kind.is_upload() {
            return Ok(());
        }
        let undo = self.list_runs().await?.into_iter().find(|run| {
            run.kind.undo_of() == Some(summary.id.as_str()) && run.status != RunStatus::Previewed
        });
        match undo {
            Some(undo) => Err(Error::message(
                ErrorCode::InvalidInput,
                "error-resume-of-undone-upload",
                vec![
                    ("run", summary.id.as_str().into()),
                    ("undo", undo.id.into()),
                ],
            )),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use metadesk_assets::upload::WhenDifferent;
    use metadesk_bulk::RunControl;
    use metadesk_bulk::ops::OpView;
    use metadesk_sandbox::SAMPLE_FOLDER;

    use super::*;
    use crate::app::PreviewRequest;
    use crate::app::uploads::FileMetadata;
    use metadesk_base::i18n::SavedText;
    use metadesk_bulk::upload_undo::UndoState;

    /// What an upload's undo did, file by file.
    #[derive(Debug, Default)]
    struct UploadUndone {
        /// The undo's own run (`RunKind::Undo` of the upload).
        run: String,
        deleted: Vec<String>,
        gone: Vec<String>,
        /// Kept, refused, or not reached: each with the row's reason, where it has one.
        kept: Vec<(String, Option<SavedText>)>,
    }

    impl UploadUndone {
        fn of(summary: &RunSummary) -> UploadUndone {
            let mut done = UploadUndone {
                run: summary.id.clone(),
                ..UploadUndone::default()
            };
            let Some(OpView::UploadUndo(view)) = &summary.op else {
                return done;
            };
            for row in &view.rows {
                let path = row.path.clone();
                match row.state {
                    UndoState::Deleted => done.deleted.push(path),
                    UndoState::Gone => done.gone.push(path),
                    _ => done.kept.push((path, row.reason.clone())),
                }
            }
            done
        }
    }

    /// The undo of upload `id`, previewed then applied as the window and `bulk undo` do, and
    /// what it did to each file.
    async fn undo(
        ws: &Workspace,
        opened: &Opened,
        id: &str,
        name: Option<&str>,
    ) -> Result<UploadUndone> {
        let undo = PreviewRequest::Undo { of: id.to_owned() };
        let preview = ws.preview(opened, undo, &|_| {}).await?;
        let applied = ws.apply(opened, &preview.id, name, &|_| {}).await?;
        Ok(UploadUndone::of(&applied))
    }

    /// The plan of an upload of two new files from a folder `name` into the sample folder.
    async fn two_files(
        dir: &tempfile::TempDir,
        ws: &Workspace,
        opened: &Opened,
        name: &str,
    ) -> metadesk_bulk::upload_plan::UploadPlan {
        let drop = dir.path().join(name);
        std::fs::create_dir_all(&drop).unwrap();
        std::fs::write(drop.join("a.jpg"), b"first file").unwrap();
        std::fs::write(drop.join("b.png"), b"second file").unwrap();
        ws.plan_upload(opened, vec![drop], SAMPLE_FOLDER, WhenDifferent::NewVersion)
            .await
            .unwrap()
    }

    /// Seen failing with the undo not journaled (no run of it listed, and the upload resumed
    /// after its undo). An upload stopped before it sent anything is resumed through the core
    /// and sends each file once; its undo is a run of its own (`Undo` of the upload),
    /// completed, counting what it deleted, so Activity and `runs list` show the upload undone;
    /// that run is neither applied again nor undone by the engine, and the undone upload is
    /// not resumed; a second undo deletes nothing more and finds both gone.
    #[tokio::test]
    async fn an_upload_resumed_then_undone_records_its_undo_as_a_run() {
        let (dir, ws, opened, sandbox) = crate::app::test_support::sandboxed_workspace(2).await;
        let plan = two_files(&dir, &ws, &opened, "campaign").await;
        let run = ws
            .start_upload(&opened, &plan, &FileMetadata::default())
            .await
            .unwrap();
        // Cancelled before its first file: stopped with nothing sent, as a pause cut short.
        let engine = Engine::new(opened.connected.assets.clone(), ws.runs_dir());
        let cancelled = RunControl::new();
        cancelled.cancel();
        let stopped = engine.apply(&run.id, &cancelled, &|_| {}).await.unwrap();
        assert!(stopped.status.can_apply(), "{:?}", stopped.status);
        assert_eq!(sandbox.counters().uploads_completed, 0);

        let resumed = ws.apply(&opened, &run.id, None, &|_| {}).await.unwrap();
        assert_eq!(resumed.status, RunStatus::Completed);
        assert_eq!(sandbox.counters().uploads_completed, 2, "each file once");

        let undone = undo(&ws, &opened, &run.id, None).await.unwrap();
        assert_eq!((undone.deleted.len(), undone.gone.len()), (2, 0));
        let undo_run = ws.run_summary(&undone.run).await.unwrap();
        assert_eq!(undo_run.kind.undo_of(), Some(run.id.as_str()));
        assert_eq!(undo_run.status, RunStatus::Completed);
        assert_eq!((undo_run.counts.changed, undo_run.counts.failed), (2, 0));
        let listed = ws.list_runs().await.unwrap();
        assert!(listed.iter().any(|r| r.id == undone.run), "listed");

        let redo = ws
            .preview(
                &opened,
                PreviewRequest::Undo {
                    of: undone.run.clone(),
                },
                &|_| {},
            )
            .await
            .unwrap_err();
        assert_eq!(redo.message_id(), Some("error-run-of-upload-undo"));
        let again = ws.apply(&opened, &undone.run, None, &|_| {}).await;
        assert!(again.is_err(), "the undo's run is not applied again");
        let resume = ws.apply(&opened, &run.id, None, &|_| {}).await.unwrap_err();
        assert!(
            matches!(
                resume.message_id(),
                Some("error-resume-of-undone-upload" | "error-run-complete")
            ),
            "{resume:?}"
        );

        let second = undo(&ws, &opened, &run.id, None).await.unwrap();
        assert_eq!((second.deleted.len(), second.gone.len()), (0, 2));
        let second = ws.run_summary(&second.run).await.unwrap();
        assert_eq!(
            second.counts.changed, 0,
            "a second undo deletes nothing more"
        );
    }

    /// An upload's undo is previewed as every undo is (`PreviewRequest::Undo`): its run names
    /// each file to delete and deletes none, then the core's one apply deletes them. Seen
    /// failing with the preview refused ("error-run-of-upload": the CLI and the window undid
    /// an upload at once, unpreviewed).
    #[tokio::test]
    async fn an_upload_s_undo_is_previewed_then_applied_as_every_run() {
        let (dir, ws, opened, sandbox) = crate::app::test_support::sandboxed_workspace(2).await;
        let plan = two_files(&dir, &ws, &opened, "previewed").await;
        let run = ws
            .upload(&opened, &plan, &FileMetadata::default(), None)
            .await
            .unwrap();
        let undo = PreviewRequest::Undo { of: run.id.clone() };
        let preview = ws.preview(&opened, undo, &|_| {}).await.unwrap();
        assert_eq!(preview.status, RunStatus::Previewed);
        assert_eq!(preview.kind.undo_of(), Some(run.id.as_str()));
        assert_eq!(preview.counts.pending, 2);
        // Both the upload and its undo open on the Upload page, with the upload.
        let upload_page = metadesk_bulk::run_page::RunPage::Upload {
            run: run.id.clone(),
        };
        assert_eq!((&run.opens, &preview.opens), (&upload_page, &upload_page));
        assert_eq!(
            sandbox.counters().assets_deleted,
            0,
            "a preview deletes nothing"
        );
        let Some(OpView::UploadUndo(view)) = &preview.op else {
            panic!("the undo's rows: {:?}", preview.op);
        };
        assert!(view.rows.iter().all(|r| r.state == UndoState::Planned));

        let applied = ws.apply(&opened, &preview.id, None, &|_| {}).await.unwrap();
        assert_eq!(applied.status, RunStatus::Completed);
        assert_eq!(UploadUndone::of(&applied).deleted.len(), 2);
        assert_eq!(sandbox.counters().assets_deleted, 2);
        let retry = PreviewRequest::Retry { of: run.id.clone() };
        let refused = ws.preview(&opened, retry, &|_| {}).await.unwrap_err();
        assert_eq!(refused.message_id(), Some("error-run-of-upload"));
    }

    /// The undo's deletes go through the engine: one whose answer is lost after AEM deleted
    /// the file is read back and found deleted (never reported kept, never sent again), and
    /// the undo is a run of its own with its rows. Seen failing with the undo's hand-written
    /// loop (the file reported kept: "refused", though AEM had deleted it), and with the
    /// undo's rows missing from the upload's report.
    #[tokio::test]
    async fn an_undo_delete_whose_answer_is_lost_is_found_done_not_reported_kept() {
        let (dir, ws, opened, sandbox) = crate::app::test_support::sandboxed_workspace(2).await;
        let plan = two_files(&dir, &ws, &opened, "lost").await;
        let run = ws
            .upload(&opened, &plan, &FileMetadata::default(), None)
            .await
            .unwrap();
        sandbox
            .set_faults(metadesk_sandbox::Faults {
                lost_write_answers: 1,
                ..Default::default()
            })
            .unwrap();
        let undone = undo(&ws, &opened, &run.id, None).await.unwrap();
        assert_eq!(
            (undone.deleted.len(), undone.kept.len()),
            (2, 0),
            "{undone:?}"
        );
        assert_eq!(sandbox.counters().assets_deleted, 2, "each deleted once");
        let undo = ws.run_summary(&undone.run).await.unwrap();
        let Some(OpView::UploadUndo(view)) = &undo.op else {
            panic!("{undo:?}")
        };
        assert_eq!(view.counts.done, 2);
        // The upload's report says what the undo did to each file (its rows are the undo's).
        let report = ws.upload_report(&run.id).await.unwrap();
        let undone: Vec<_> = report
            .iter()
            .map(|row| row.undone.as_ref().map(|u| u.status))
            .collect();
        assert_eq!(undone, [Some(metadesk_bulk::ReportStatus::Changed); 2]);
    }

    /// Seen failing with the upload and its undo going straight to the engine: on a
    /// connection marked production, the upload (CLI and core), its resume (the window's and
    /// `bulk resume`) and its undo write nothing without the connection's name, and do with it.
    #[tokio::test]
    async fn on_production_an_upload_its_resume_and_its_undo_need_the_name() {
        use crate::app::ConnectionChoice;
        use crate::app::test_support::sandboxed_connection;
        let (dir, ws, id, sandbox) = sandboxed_connection(2).await;
        let name = ws.connections().set_production(&id, true).unwrap().name;
        let opened = ws.open(ConnectionChoice::stored(id)).await.unwrap();
        let drop = dir.path().join("prod");
        std::fs::create_dir_all(&drop).unwrap();
        std::fs::write(drop.join("a.jpg"), b"first file").unwrap();
        let plan = ws
            .plan_upload(
                &opened,
                vec![drop],
                SAMPLE_FOLDER,
                WhenDifferent::NewVersion,
            )
            .await
            .unwrap();
        let none = FileMetadata::default();
        let refused = ws.upload(&opened, &plan, &none, None).await.unwrap_err();
        assert_eq!(
            refused.message_id(),
            Some("error-confirm-production"),
            "{refused:?}"
        );
        assert!(
            ws.list_runs().await.unwrap().is_empty(),
            "nothing journaled"
        );
        assert_eq!(sandbox.counters().uploads_initiated, 0);

        // Journaled (as the window does), then resumed: refused without the name.
        let run = ws.start_upload(&opened, &plan, &none).await.unwrap();
        assert!(ws.apply(&opened, &run.id, None, &|_| {}).await.is_err());
        assert_eq!(sandbox.counters().uploads_initiated, 0);
        let done = ws
            .apply(&opened, &run.id, Some(&name), &|_| {})
            .await
            .unwrap();
        assert_eq!(done.status, RunStatus::Completed);
        let path = format!("{SAMPLE_FOLDER}/a.jpg");
        assert!(sandbox.asset(&path).is_some());

        // Previewed as every undo; its apply refused without the name.
        let refused = undo(&ws, &opened, &run.id, None).await.unwrap_err();
        assert_eq!(refused.message_id(), Some("error-confirm-production"));
        assert!(sandbox.asset(&path).is_some(), "nothing deleted");
        assert_eq!(sandbox.counters().assets_deleted, 0);
        let undos = ws.list_runs().await.unwrap();
        let undos: Vec<_> = undos
            .iter()
            .filter(|r| r.kind.undo_of() == Some(run.id.as_str()))
            .collect();
        assert!(
            undos.iter().all(|u| u.status == RunStatus::Previewed),
            "no undo applied: {undos:?}"
        );
        let undone = undo(&ws, &opened, &run.id, Some(&name)).await.unwrap();
        assert_eq!(undone.deleted, vec![path.clone()]);
        assert!(sandbox.asset(&path).is_none());
    }

    /// The "node read" requests the sandbox answered so far.
    fn node_reads(sandbox: &metadesk_sandbox::Sandbox) -> u64 {
        let counters = sandbox.counters();
        counters.by_kind.get("node read").copied().unwrap_or(0)
    }

    /// The files an undo may delete are checked just before, the files of one folder in one
    /// render of it; a folder Sling will not render that deep has each file read on its own.
    /// Either way both files are deleted. Seen failing with a read a file (two reads).
    #[tokio::test]
    async fn an_undo_checks_the_files_of_one_folder_in_one_read() {
        let (dir, ws, opened, sandbox) = crate::app::test_support::sandboxed_workspace(2).await;
        // Past `json.maximumresults`: one refused render, then a read a file.
        for (name, limit, reads) in [("together", None, 1), ("one-by-one", Some(10), 3)] {
            if let Some(max) = limit {
                sandbox.set_json_max_results(max);
            }
            let plan = two_files(&dir, &ws, &opened, name).await;
            let run = ws
                .upload(&opened, &plan, &FileMetadata::default(), None)
                .await
                .unwrap();
            let preview = ws
                .preview(&opened, PreviewRequest::Undo { of: run.id }, &|_| {})
                .await
                .unwrap();
            let before = node_reads(&sandbox);
            let applied = ws.apply(&opened, &preview.id, None, &|_| {}).await.unwrap();
            assert_eq!(node_reads(&sandbox) - before, reads, "{name}");
            assert_eq!(UploadUndone::of(&applied).deleted.len(), 2, "{name}");
        }
    }
}
