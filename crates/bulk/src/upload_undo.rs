//! The undo of an upload as a run of its own (issue 75): its rows are the files the upload may
//! have written (`UploadRunPlan::written`), each with what tells it is still the upload's (its
//! `jcr:uuid`, its binary's size and SHA-1, and what the upload last saw AEM hold of it), and
//! the summary's view of what the undo did to each: deleted, already gone, kept and why, or
//! refused. A file that went in as a new version of another, or replaced one, is kept: AEM does
//! not give the earlier binary back through the Assets API. The check and the delete are the
//! engine's (`engine/unuploading.rs`).
//!
//! Not here: the upload's own plan (`upload.rs`), the use case (`metadesk_core::app`).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use metadesk_base::i18n::SavedText;

use crate::operation::{ReportStatus, RowCounts, row_counts};
use crate::parts::{PartJournal, PartState, RunPart};
use crate::upload::{Arrival, UploadRunPlan};

/// Why the undo keeps a file it finds gone already (a colleague's delete, or an earlier undo).
pub const GONE: &str = "upload-undo-gone";

/// What an upload's undo deletes, file by file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UploadUndoPlan {
    /// The upload's run.
    pub upload: String,
    pub rows: Vec<UndoneFile>,
}

/// One file the upload may have written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UndoneFile {
    /// Its AEM path.
    pub path: String,
    /// Made new by the upload; a new version or a replace is never undone.
    pub new: bool,
    /// Which asset the upload made, where journaled: another at its path is not the upload's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub uuid: Option<String>,
    #[ts(type = "number")]
    pub size: u64,
    pub sha1: String,
    /// What the upload last saw AEM hold of it (`Held`'s text), where journaled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub seen: Option<String>,
}

impl UndoneFile {
    pub fn part(&self) -> RunPart {
        RunPart::Deleted {
            path: self.path.clone(),
        }
    }
}

impl UploadUndoPlan {
    /// The undo of upload run `upload` whose plan and journal are these.
    pub fn of(upload: &str, plan: &UploadRunPlan, journal: &PartJournal) -> UploadUndoPlan {
        let rows = plan
            .written(journal)
            .into_iter()
            .map(|w| UndoneFile {
                path: w.file.aem_path.clone(),
                new: w.file.arrival == Arrival::New,
                uuid: w.uuid,
                size: w.file.size,
                sha1: w.file.sha1.clone(),
                seen: w.seen.map(str::to_owned),
            })
            .collect();
        UploadUndoPlan {
            upload: upload.to_owned(),
            rows,
        }
    }

    /// What the journal says of each file.
    pub fn view(&self, journal: &PartJournal) -> UploadUndoView {
        let rows = self
            .rows
            .iter()
            .map(|file| {
                let part = file.part();
                let reason = journal.reasons.get(&part).cloned();
                let gone = reason.as_ref().and_then(SavedText::code) == Some(GONE);
                UploadUndoRow {
                    path: file.path.clone(),
                    state: match journal.state(&part) {
                        None => UndoState::Planned,
                        Some(PartState::Sending) => UndoState::InDoubt,
                        Some(PartState::Done) => UndoState::Deleted,
                        Some(PartState::LeftAlone) if gone => UndoState::Gone,
                        Some(PartState::LeftAlone) => UndoState::Kept,
                        Some(PartState::Refused) => UndoState::Failed,
                    },
                    reason,
                }
            })
            .collect();
        UploadUndoView {
            upload: self.upload.clone(),
            counts: row_counts(self.rows.iter().map(|f| (f.part(), false)), journal),
            rows,
        }
    }
}

/// Where one file of the undo stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum UndoState {
    Planned,
    /// Its delete left without an answer journaled: read again before anything is sent.
    InDoubt,
    Deleted,
    /// Gone already (someone deleted it, or an earlier undo did).
    Gone,
    /// Kept, with why (changed since, not given back, its processing not seen to end).
    Kept,
    /// AEM refused its read or its delete: a resume tries again.
    Failed,
}

impl UndoState {
    /// What a report says of a file in this state (as the upload's report marks it undone).
    pub fn report(self) -> ReportStatus {
        match self {
            UndoState::Deleted => ReportStatus::Changed,
            UndoState::Gone => ReportStatus::Unchanged,
            UndoState::Kept => ReportStatus::Skipped,
            UndoState::Failed => ReportStatus::Failed,
            UndoState::Planned | UndoState::InDoubt => ReportStatus::Pending,
        }
    }
}

/// One file as the undo's summary shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UploadUndoRow {
    pub path: String,
    pub state: UndoState,
    #[ts(type = "string | null")]
    pub reason: Option<SavedText>,
}

/// An upload's undo as its summary shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UploadUndoView {
    /// The upload's run.
    pub upload: String,
    pub counts: RowCounts,
    pub rows: Vec<UploadUndoRow>,
}

impl UploadUndoView {
    /// Its words in the reader's language.
    pub fn localize(&mut self, l10n: &metadesk_base::i18n::Localizer) {
        for row in &mut self.rows {
            if let Some(reason) = row.reason.as_mut() {
                reason.localize(l10n);
            }
        }
    }
}
