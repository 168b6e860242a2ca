//! An upload as a run: what it makes and sends ([`UploadRunPlan`], kept in the run's spec), and
//! what its journal says it did ([`UploadView`], in the run's summary). Each folder and each
//! file is a part of the run's journal (`parts.rs`): a file is `sending` durably before
//! its first byte leaves, then `done` (with what AEM held of it once processed, for its undo:
//! `metadesk_assets::fingerprint::Held`), `refused`, or `left_alone` when AEM holds at its path something else than the preview
//! showed. Pure data and decisions, no I/O.
//!
//! Not here: sending (`engine/upload.rs`), gathering and comparing the local files
//! (`upload_plan.rs`), the undo (`metadesk_core::app::uploads_undo`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use metadesk_assets::fingerprint::Held;
use metadesk_base::i18n::SavedText;

use crate::operation::{ReportStatus, RowCounts};
use crate::parts::{PartJournal, PartState, RunPart};

/// What the upload does where a file is already at the path, as the preview saw it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Arrival {
    /// Nothing was there: a new asset, which the undo may delete.
    New,
    /// Another file was there: it gains this one as a new version (`createVersion`).
    NewVersion,
    /// Another file was there: it is deleted and a new asset made (`replace`).
    Replace,
}

/// One file the run sends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlannedFile {
    /// The local file, as given.
    pub local: String,
    /// `/content/dam/…/name.jpg`.
    pub aem_path: String,
    #[ts(type = "number")]
    pub size: u64,
    /// The local file's SHA-1 when planned: a file found at the path with this size and SHA-1
    /// is this one (a resume does not send it again).
    pub sha1: String,
    pub arrival: Arrival,
    /// The SHA-1 AEM held at the path when planned (another file's): a different one at
    /// apply time means a colleague's, which is left alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub before: Option<String>,
    /// Its values from the sheet, by property: written once AEM has processed it.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[ts(optional, as = "Option<BTreeMap<String, Vec<String>>>")]
    pub metadata: BTreeMap<String, Vec<String>>,
}

/// What an upload's run makes and sends, in order: the folders (parents first), then the files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UploadRunPlan {
    pub folder: String,
    pub folders: Vec<String>,
    pub files: Vec<PlannedFile>,
    /// Files the preview found there already, the same: not sent.
    #[ts(type = "number")]
    pub same: u64,
    /// Files the preview refused (unreadable, empty, a name AEM refuses…): not sent.
    #[ts(type = "number")]
    pub refused: u64,
}

impl PlannedFile {
    pub fn part(&self) -> RunPart {
        RunPart::File {
            path: self.aem_path.clone(),
        }
    }

    /// The write of its metadata, when the sheet gives it some.
    pub fn metadata_part(&self) -> RunPart {
        RunPart::Metadata {
            path: self.aem_path.clone(),
        }
    }
}

/// Where one file of an upload's run stands, by its journal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum UploadFileState {
    /// Sent, and its values from the sheet written (or left to someone's later change).
    Uploaded,
    /// Not sent yet, sent without its answer journaled, or its values not written yet: a
    /// resume finds out.
    Pending,
    /// AEM refused the file or its values (or its processing failed).
    Failed,
    /// Another file was at its path since the preview: not sent.
    LeftAlone,
}

/// Where an upload's files stand, by the journal.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct UploadCounts {
    pub uploaded: u64,
    pub left_alone: u64,
    pub failed: u64,
    pub pending: u64,
}

/// An upload's run in its summary: what it was to send and what it sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UploadView {
    pub folder: String,
    /// Files to send, as previewed.
    #[ts(type = "number")]
    pub planned: u64,
    #[ts(type = "number")]
    pub uploaded: u64,
    /// Files AEM refused (or that could not be read): a resume tries them again.
    #[ts(type = "number")]
    pub failed: u64,
    /// Files not sent because AEM held something else at their path than the preview showed.
    pub changed_since: Vec<String>,
    /// Files uploaded whose values from the sheet were not written: someone changed the asset
    /// after AEM processed it.
    pub metadata_left_alone: Vec<String>,
    #[ts(type = "number")]
    pub same: u64,
    #[ts(type = "number")]
    pub refused: u64,
    /// The last refusal: why a file was not uploaded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "string")]
    pub reason: Option<SavedText>,
}

impl UploadRunPlan {
    /// Where its files stand: done, left alone, refused (or their metadata refused), and the
    /// rest (not sent, sent without an answer, or done without their metadata yet) pending.
    pub fn counts(&self, journal: &PartJournal) -> UploadCounts {
        let mut counts = UploadCounts::default();
        for file in &self.files {
            match Self::state_of(file, journal) {
                UploadFileState::Uploaded => counts.uploaded += 1,
                UploadFileState::LeftAlone => counts.left_alone += 1,
                UploadFileState::Failed => counts.failed += 1,
                UploadFileState::Pending => counts.pending += 1,
            }
        }
        counts
    }

    /// Its files' counts as every operation's summary shows them (files refused by the
    /// preview are not among its files: none is counted refused here).
    pub fn row_counts(&self, journal: &PartJournal) -> RowCounts {
        let counts = self.counts(journal);
        RowCounts {
            planned: self.files.len() as u64,
            done: counts.uploaded,
            left_alone: counts.left_alone,
            failed: counts.failed,
            refused: 0,
            pending: counts.pending,
            in_doubt: self
                .files
                .iter()
                .filter(|f| journal.state(&f.part()) == Some(PartState::Sending))
                .count() as u64,
        }
    }

    /// Each file's path in AEM, where the run left it and why, for its report.
    pub fn report_rows(
        &self,
        journal: &PartJournal,
    ) -> Vec<(String, ReportStatus, Option<SavedText>)> {
        self.files
            .iter()
            .map(|file| {
                let status = match Self::state_of(file, journal) {
                    UploadFileState::Uploaded => ReportStatus::Changed,
                    UploadFileState::LeftAlone => ReportStatus::Skipped,
                    UploadFileState::Failed => ReportStatus::Failed,
                    UploadFileState::Pending => ReportStatus::Pending,
                };
                // The file's own words first, then its values' (refused after it was sent).
                let reason = journal
                    .reasons
                    .get(&file.part())
                    .or_else(|| journal.reasons.get(&file.metadata_part()))
                    .cloned();
                (file.aem_path.clone(), status, reason)
            })
            .collect()
    }

    /// Where `file` stands: its own part, then its values' (a file done whose values were
    /// refused failed; one whose values are not written yet is pending).
    pub fn state_of(file: &PlannedFile, journal: &PartJournal) -> UploadFileState {
        let values = journal.state(&file.metadata_part());
        let described = file.metadata.is_empty()
            || matches!(values, Some(PartState::Done | PartState::LeftAlone));
        match journal.state(&file.part()) {
            Some(PartState::Done) if values == Some(PartState::Refused) => UploadFileState::Failed,
            Some(PartState::Done) if described => UploadFileState::Uploaded,
            Some(PartState::LeftAlone) => UploadFileState::LeftAlone,
            Some(PartState::Refused) => UploadFileState::Failed,
            _ => UploadFileState::Pending,
        }
    }

    /// What the journal says of this upload.
    pub fn view(&self, journal: &PartJournal) -> UploadView {
        let counts = self.counts(journal);
        UploadView {
            folder: self.folder.clone(),
            planned: self.files.len() as u64,
            uploaded: counts.uploaded,
            failed: counts.failed,
            changed_since: self
                .files
                .iter()
                .filter(|f| journal.state(&f.part()) == Some(PartState::LeftAlone))
                .map(|f| f.aem_path.clone())
                .collect(),
            metadata_left_alone: self
                .files
                .iter()
                .filter(|f| journal.state(&f.metadata_part()) == Some(PartState::LeftAlone))
                .map(|f| f.aem_path.clone())
                .collect(),
            same: self.same,
            refused: self.refused,
            reason: journal.reason.clone(),
        }
    }

    /// The files the run may have written, for its undo: those done, and those whose write
    /// left without its answer journaled (the undo goes by what AEM holds), each with what AEM
    /// held of it last (`Held`'s text: after its values were written, else once processed)
    /// and which asset it was (the `jcr:uuid` journaled when it was confirmed), where journaled.
    pub fn written<'a>(&'a self, journal: &'a PartJournal) -> Vec<WrittenFile<'a>> {
        self.files
            .iter()
            .filter(|f| {
                matches!(
                    journal.state(&f.part()),
                    Some(PartState::Done | PartState::Sending)
                )
            })
            .map(|f| {
                let held = |part: RunPart| journal.held.get(&part).map(String::as_str);
                let confirmed = held(f.part());
                WrittenFile {
                    file: f,
                    seen: held(f.metadata_part()).or(confirmed),
                    uuid: confirmed.and_then(|text| Held::parse(text).uuid),
                }
            })
            .collect()
    }
}

/// A file an upload's run may have written, as its undo weighs it.
#[derive(Debug, Clone, PartialEq)]
pub struct WrittenFile<'a> {
    pub file: &'a PlannedFile,
    /// What AEM held of it last, as journaled (`Held`'s text).
    pub seen: Option<&'a str>,
    /// Which asset the run made (`jcr:uuid`): another at its path is not the run's.
    pub uuid: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, arrival: Arrival) -> PlannedFile {
        PlannedFile {
            local: format!("/tmp/{name}"),
            aem_path: format!("/content/dam/f/{name}"),
            size: 3,
            sha1: "a9993e364706816aba3e25717850c26c9cd0d89d".into(),
            arrival,
            before: None,
            metadata: BTreeMap::new(),
        }
    }

    /// Seen failing with `written` taking only `done` files. A file sent without its answer
    /// counts as pending (a resume finds out) and may be
    /// undone; one left alone is neither sent again nor undone.
    #[test]
    fn the_counts_and_the_undo_go_by_the_journal() {
        let plan = UploadRunPlan {
            folder: "/content/dam/f".into(),
            folders: Vec::new(),
            files: vec![
                file("a", Arrival::New),
                file("b", Arrival::New),
                file("c", Arrival::NewVersion),
                file("d", Arrival::New),
            ],
            same: 1,
            refused: 0,
        };
        let mut journal = PartJournal::default();
        journal.record(plan.files[0].part(), PartState::Done, None);
        journal.held.insert(plan.files[0].part(), "t".into());
        journal.record(plan.files[1].part(), PartState::Sending, None);
        journal.left(plan.files[2].part(), None);
        let counts = plan.counts(&journal);
        assert_eq!(
            (counts.uploaded, counts.left_alone, counts.pending),
            (1, 1, 2)
        );
        let written: Vec<_> = plan
            .written(&journal)
            .iter()
            .map(|w| (w.file.aem_path.clone(), w.seen.map(str::to_owned)))
            .collect();
        assert_eq!(
            written,
            vec![
                ("/content/dam/f/a".to_owned(), Some("t".to_owned())),
                ("/content/dam/f/b".to_owned(), None)
            ]
        );
        assert_eq!(plan.view(&journal).changed_since, vec!["/content/dam/f/c"]);
    }

    /// A file whose values were left to someone's later change is uploaded, for its counts and
    /// its report row alike (the report read "pending" while the counts said uploaded); one
    /// whose values were refused failed. Seen failing with the values left alone not taken as
    /// described.
    #[test]
    fn values_left_alone_are_an_uploaded_file_and_refused_ones_a_failed_file() {
        let mut described = file("a", Arrival::New);
        described
            .metadata
            .insert("dc:title".into(), vec!["A".into()]);
        let mut refused = file("b", Arrival::New);
        refused.metadata.insert("dc:title".into(), vec!["B".into()]);
        let mut journal = PartJournal::default();
        for f in [&described, &refused] {
            journal.record(f.part(), PartState::Done, None);
        }
        journal.left(described.metadata_part(), None);
        journal.record(refused.metadata_part(), PartState::Refused, None);
        let plan = UploadRunPlan {
            folder: "/content/dam/f".into(),
            folders: Vec::new(),
            files: vec![described.clone(), refused.clone()],
            same: 0,
            refused: 0,
        };
        assert_eq!(
            UploadRunPlan::state_of(&described, &journal),
            UploadFileState::Uploaded
        );
        assert_eq!(
            UploadRunPlan::state_of(&refused, &journal),
            UploadFileState::Failed
        );
        let counts = plan.counts(&journal);
        assert_eq!((counts.uploaded, counts.failed, counts.pending), (1, 1, 0));
        assert_eq!(
            plan.view(&journal).metadata_left_alone,
            vec!["/content/dam/f/a"]
        );
    }
}
