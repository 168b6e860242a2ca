//! The undo of an upload's run, asked the production name like every write: each asset the
//! run created is deleted (Assets HTTP API `DELETE`), unless it is not that asset any more (its
//! `jcr:uuid`, journaled when the upload was confirmed) or someone changed it since: its binary
//! is not the run's (size and SHA-1), or
//! its time or any metadata value is not what the run last saw (AEM leaves the time as it was
//! on metadata updates: `metadesk_assets::fingerprint::Held`). Those are kept
//! and said, as is one whose processing the run did not see end (nothing tells a colleague's
//! change from AEM's then). A file that went in as a new version of another, or replaced one,
//! is not undone: AEM does not give the earlier binary back through this API, and the undo says
//! so. Going by what AEM holds, an undo twice deletes nothing more.
//!
//! The undo is journaled as a run of its own, as every undo is (`RunKind::Undo` naming the
//! upload): one row per file the upload may have written, each delete's intent on disk before
//! it is sent, each file's outcome (deleted, already gone, kept and why, refused). So Activity
//! and `runs list` show the upload undone, and the window offers no second undo. That run is
//! not the engine's to apply again or to undo ([`Workspace::refuse_engine_on_upload_undo`]):
//! undoing the upload again goes by what AEM holds, and a deleted upload is not sent again
//! by a resume ([`Workspace::refuse_resume_of_undone_upload`]).
//!
//! Not here: the run (`uploads.rs`, `bulk::engine::upload`), what it wrote (`bulk::upload`).

use metadesk_assets::CallError;
use metadesk_assets::classic::ClassicAssets;
use metadesk_assets::fingerprint::Held;
use metadesk_base::i18n::SavedText;
use metadesk_base::timefmt::now_rfc3339;
use metadesk_bulk::Engine;
use metadesk_bulk::journal::{
    Action, EndStatus, JournalWriter, Outcome, PlanRow, PreviewCounts, Record,
};
use metadesk_bulk::replay::{Replay, RunStatus};
use metadesk_bulk::runs::{self, RunSummary};
use metadesk_bulk::scope::RunScope;
use metadesk_bulk::spec::{RunKind, ScopeFilters};
use metadesk_bulk::tag_step::StepJournal;
use metadesk_bulk::upload::{Arrival, UploadRunPlan, WrittenFile};
use metadesk_clients::error::{Error, ErrorCode, Result};
use metadesk_store::connections::confirm_production;

use super::uploads::uploader;
use super::{Opened, Workspace, blocking};

/// Why the undo left an uploaded asset where it is.
#[derive(Debug, Clone, PartialEq)]
pub enum UploadKept {
    /// Someone changed it after the upload (its binary or its metadata).
    ChangedSince,
    /// The run did not see its processing end: a change since cannot be told from AEM's own.
    Unchecked,
    /// It went in as a new version of another asset, or replaced one: AEM keeps no earlier
    /// binary to give back here.
    NotGivenBack,
    /// AEM refused its read or its delete, in these words.
    Refused(SavedText),
}

impl UploadKept {
    /// Its words in the undo's journal (an outcome's reason).
    fn saved(&self) -> SavedText {
        match self {
            UploadKept::ChangedSince => SavedText::new("upload-kept-changed", []),
            UploadKept::Unchecked => SavedText::new("upload-kept-unchecked", []),
            UploadKept::NotGivenBack => SavedText::new("upload-kept-not-given-back", []),
            UploadKept::Refused(words) => words.clone(),
        }
    }
}

/// What an upload's undo did.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct UploadUndone {
    /// The undo's own run (`RunKind::Undo` of the upload).
    pub run: String,
    pub deleted: Vec<String>,
    /// Already gone (deleted by someone, or by an earlier undo).
    pub gone: Vec<String>,
    pub kept: Vec<(String, UploadKept)>,
}

impl Workspace {
    /// Upload run `id`'s plan and what its journal says; refused for any other run.
    pub(super) async fn upload_run(&self, id: &str) -> Result<(UploadRunPlan, StepJournal)> {
        let path = runs::path_of(&self.runs_dir(), id)?;
        let mut replay = blocking(move || Replay::load(&path)).await?;
        let plan = replay.spec.upload.take().ok_or_else(|| {
            Error::message(
                ErrorCode::InvalidInput,
                "error-not-an-upload",
                vec![("run", id.into())],
            )
        })?;
        Ok((plan, replay.tag_step))
    }

    /// Undoes upload run `id` on the connection opened for it ([`Workspace::open_for_run`]),
    /// journaled as a run of its own. It deletes assets: on a connection marked production
    /// nothing is read or written until its name is typed (`confirm_name`).
    pub async fn undo_upload(
        &self,
        opened: &Opened,
        id: &str,
        confirm_name: Option<&str>,
    ) -> Result<UploadUndone> {
        let (plan, journal) = self.upload_run(id).await?;
        let aem = uploader(opened)?;
        confirm_production(opened.connection(), confirm_name)?;
        let written = plan.written(&journal);
        let spec = opened.spec(
            RunScope::checked(&plan.folder, ScopeFilters::default())?,
            Vec::new(),
            RunKind::Undo { of: id.to_owned() },
        );
        let engine = Engine::new(opened.connected.assets.clone(), self.runs_dir());
        let (run, record) = engine.start_run(&spec).await?;
        for (i, w) in written.iter().enumerate() {
            record.append(&Record::Row(PlanRow {
                i: i as u64,
                path: w.file.aem_path.clone(),
                id: None,
                etag: None,
                action: Action::Change,
                reason: None,
                changes: Vec::new(),
                publication: None,
                fragment: None,
            }))?;
        }
        let files = written.len() as u64;
        let counts = PreviewCounts {
            assets: files,
            will_change: files,
            ..PreviewCounts::default()
        };
        let at = now_rfc3339();
        for done in [
            Record::Previewed {
                at: at.clone(),
                counts,
                found_by: None,
                unindexed: 0,
                searched_at: None,
                emptied_required: Vec::new(),
                concurrency: None,
            },
            Record::ApplyStarted { at },
        ] {
            record.append_durable(&done).await?;
        }
        let mut done = UploadUndone {
            run,
            ..UploadUndone::default()
        };
        for (i, w) in written.into_iter().enumerate() {
            let path = w.file.aem_path.clone();
            let (outcome, kept) = match undo_file(&aem, &record, i as u64, &w).await? {
                Undid::Deleted => (Outcome::Changed, None),
                Undid::Gone => (Outcome::Unchanged, None),
                Undid::Kept(why) => {
                    let refused = matches!(why, UploadKept::Refused(_));
                    let outcome = if refused {
                        Outcome::Failed
                    } else {
                        Outcome::Skipped
                    };
                    (outcome, Some(why))
                }
            };
            record
                .append_durable(&Record::Outcome {
                    i: i as u64,
                    outcome,
                    reason: kept.as_ref().map(UploadKept::saved),
                    changed_since: Vec::new(),
                    at: Some(now_rfc3339()),
                })
                .await?;
            match (outcome, kept) {
                (_, Some(why)) => done.kept.push((path, why)),
                (Outcome::Changed, None) => done.deleted.push(path),
                _ => done.gone.push(path),
            }
        }
        let ended = Record::Ended {
            at: now_rfc3339(),
            status: EndStatus::Completed,
            reason: None,
        };
        record.append_durable(&ended).await?;
        Ok(done)
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

    /// Refuses the engine's undo or apply of an upload's undo: it deleted files, which a
    /// redo would not send again (the upload again does), and undoing the upload again goes by
    /// what AEM holds, where a resume of the undo's rows would write nothing.
    pub(crate) async fn refuse_engine_on_upload_undo(&self, summary: &RunSummary) -> Result<()> {
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

/// What the undo did to one file.
enum Undid {
    Deleted,
    Gone,
    Kept(UploadKept),
}

/// Undoes one file the upload may have written (`w.seen`: what the run last saw AEM hold of
/// it, `metadesk_assets::fingerprint::Held`'s text; `w.uuid`: which asset it made): read once
/// (`{asset}.2.json`), compared (the same asset, its binary, its time and every metadata
/// value: AEM leaves the time as it was on metadata updates), and deleted only when it is
/// still the run's, the delete's intent (row `i`) on disk before it is sent.
async fn undo_file(
    aem: &ClassicAssets,
    record: &JournalWriter,
    i: u64,
    w: &WrittenFile<'_>,
) -> Result<Undid> {
    let file = w.file;
    let path = file.aem_path.as_str();
    if file.arrival != Arrival::New {
        return Ok(Undid::Kept(UploadKept::NotGivenBack));
    }
    let refused = |e: CallError| Undid::Kept(UploadKept::Refused((&e.text()).into()));
    let content = match aem.asset_content(path).await {
        Ok(Some(content)) => content,
        Ok(None) => return Ok(Undid::Gone),
        Err(e) => return Ok(refused(e)),
    };
    // Another asset at the path (a colleague's, made after this one was deleted or moved) is
    // never the run's, whatever file it holds.
    let same_asset = match (&w.uuid, &content.uuid) {
        (Some(ours), Some(now)) => ours == now,
        _ => true,
    };
    let ours = same_asset && content.holds_file(file.size, &file.sha1);
    let kept = match w.seen.map(Held::parse) {
        _ if !ours => Some(UploadKept::ChangedSince),
        None => Some(UploadKept::Unchecked),
        Some(held) if !held.tells_changes() => Some(UploadKept::Unchecked),
        Some(held) if held.asset_changed(content.last_modified.as_deref(), &content.metadata) => {
            Some(UploadKept::ChangedSince)
        }
        Some(_) => None,
    };
    if let Some(why) = kept {
        return Ok(Undid::Kept(why));
    }
    let intent = Record::Writing {
        i,
        original: serde_json::Map::new(),
        at: Some(now_rfc3339()),
    };
    record.append_durable(&intent).await?;
    Ok(match aem.delete_asset(path).await {
        Ok(true) => Undid::Deleted,
        Ok(false) => Undid::Gone,
        Err(e) => refused(e),
    })
}

#[cfg(test)]
mod tests {
    use metadesk_assets::upload::WhenDifferent;
    use metadesk_bulk::RunControl;
    use metadesk_sandbox::SAMPLE_FOLDER;

    use super::*;
    use crate::app::PreviewRequest;
    use crate::app::uploads::FileMetadata;

    /// Seen failing with the undo not journaled (no run of it listed, and the upload resumed
    /// after its undo). An upload stopped before it sent anything is resumed through the core
    /// and sends each file once; its undo is a run of its own (`Undo` of the upload),
    /// completed, counting what it deleted, so Activity and `runs list` show the upload undone;
    /// that run is neither applied again nor undone by the engine, and the undone upload is
    /// not resumed; a second undo deletes nothing more and finds both gone.
    #[tokio::test]
    async fn an_upload_resumed_then_undone_records_its_undo_as_a_run() {
        let (dir, ws, opened, sandbox) = crate::app::test_support::sandboxed_workspace(2).await;
        let drop = dir.path().join("campaign");
        std::fs::create_dir_all(&drop).unwrap();
        std::fs::write(drop.join("a.jpg"), b"first file").unwrap();
        std::fs::write(drop.join("b.png"), b"second file").unwrap();
        let plan = ws
            .plan_upload(
                &opened,
                vec![drop],
                SAMPLE_FOLDER,
                WhenDifferent::NewVersion,
            )
            .await
            .unwrap();
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

        let undone = ws.undo_upload(&opened, &run.id, None).await.unwrap();
        assert_eq!((undone.deleted.len(), undone.gone.len()), (2, 0));
        let undo = ws.run_summary(&undone.run).await.unwrap();
        assert_eq!(undo.kind.undo_of(), Some(run.id.as_str()));
        assert_eq!(undo.status, RunStatus::Completed);
        assert_eq!((undo.counts.changed, undo.counts.failed), (2, 0));
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

        let second = ws.undo_upload(&opened, &run.id, None).await.unwrap();
        assert_eq!((second.deleted.len(), second.gone.len()), (0, 2));
        let second = ws.run_summary(&second.run).await.unwrap();
        assert_eq!(
            second.counts.changed, 0,
            "a second undo deletes nothing more"
        );
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

        let runs = ws.list_runs().await.unwrap().len();
        let refused = ws.undo_upload(&opened, &run.id, None).await.unwrap_err();
        assert_eq!(refused.message_id(), Some("error-confirm-production"));
        assert!(sandbox.asset(&path).is_some(), "nothing deleted");
        assert_eq!(sandbox.counters().assets_deleted, 0);
        assert_eq!(
            ws.list_runs().await.unwrap().len(),
            runs,
            "no undo journaled"
        );
        let undone = ws.undo_upload(&opened, &run.id, Some(&name)).await.unwrap();
        assert_eq!(undone.deleted, vec![path.clone()]);
        assert!(sandbox.asset(&path).is_none());
    }
}
