//! The undo of an upload's run: each asset the run created is deleted (Assets HTTP API
//! `DELETE`), unless someone changed it since: its binary is not the run's (size and SHA-1), or
//! its `jcr:lastModified` is not the one the run saw once AEM had processed it. Those are kept
//! and said, as is one whose processing the run did not see end (nothing tells a colleague's
//! change from AEM's then). A file that went in as a new version of another, or replaced one,
//! is not undone: AEM does not give the earlier binary back through this API, and the undo says
//! so. Going by what AEM holds, an undo twice deletes nothing more.
//!
//! Not here: the run (`uploads.rs`, `bulk::engine::upload`), what it wrote (`bulk::upload`).

use metadesk_base::i18n::SavedText;
use metadesk_bulk::replay::Replay;
use metadesk_bulk::runs;
use metadesk_bulk::tag_step::StepJournal;
use metadesk_bulk::upload::{Arrival, UploadRunPlan};
use metadesk_clients::error::{Error, ErrorCode, Result};

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

/// What an upload's undo did.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct UploadUndone {
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

    /// Undoes upload run `id` on the connection opened for it ([`Workspace::open_for_run`]).
    pub async fn undo_upload(&self, opened: &Opened, id: &str) -> Result<UploadUndone> {
        let (plan, journal) = self.upload_run(id).await?;
        let aem = uploader(opened)?;
        let mut done = UploadUndone::default();
        for (file, seen) in plan.written(&journal) {
            let path = file.aem_path.clone();
            if file.arrival != Arrival::New {
                done.kept.push((path, UploadKept::NotGivenBack));
                continue;
            }
            let refused = |e: metadesk_assets::CallError| UploadKept::Refused((&e.text()).into());
            let (stored, content) = match (
                aem.stored_binary(&path).await,
                aem.asset_content(&path).await,
            ) {
                (Ok(Some(stored)), Ok(Some(content))) => (stored, content),
                (Ok(None), _) | (_, Ok(None)) => {
                    done.gone.push(path);
                    continue;
                }
                (Err(e), _) | (_, Err(e)) => {
                    done.kept.push((path, refused(e)));
                    continue;
                }
            };
            let ours = stored.size == Some(file.size)
                && stored.sha1.as_deref() == Some(file.sha1.as_str());
            let kept = match seen {
                _ if !ours => Some(UploadKept::ChangedSince),
                None => Some(UploadKept::Unchecked),
                Some(at) if content.last_modified.as_deref() != Some(at) => {
                    Some(UploadKept::ChangedSince)
                }
                Some(_) => None,
            };
            if let Some(why) = kept {
                done.kept.push((path, why));
                continue;
            }
            match aem.delete_asset(&path).await {
                Ok(true) => done.deleted.push(path),
                Ok(false) => done.gone.push(path),
                Err(e) => done.kept.push((path, refused(e))),
            }
        }
        Ok(done)
    }
}
