//! Moving and renaming assets and folders as a run (issue 76): the plan ([`MovePlan`], kept in
//! the run's spec), what its summary shows ([`MoveView`]), and the plan of its undo, made from
//! its journal. A row moves one asset or folder from one path to another; the pages that use
//! it are adjusted by AEM's own move in the same request. Pure data and decisions, no I/O.
//!
//! Not here: reading AEM to make the plan (`metadesk_core::app::moves`), the names a rule
//! gives (`move_names.rs`), the check and the write (`engine/moving.rs`), the request itself
//! (`metadesk_assets::moves`).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use metadesk_base::i18n::SavedText;

use crate::operation::{ReportStatus, RowCounts, row_counts};
use crate::parts::{PartJournal, PartState, RunPart};

/// A page that uses a moved asset, as the preview found it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MovePage {
    pub path: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub title: Option<String>,
    /// Whether the page is on the website; `None` when AEM did not say (counted as on it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub published: Option<bool>,
    /// AEM rewrites the page's reference to the new path (the person may untick it).
    pub adjust: bool,
}

/// One row of a move: a folder made first, or an asset or folder moved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "row", rename_all = "snake_case")]
pub enum MoveRow {
    /// A destination folder that was not there, made before anything moves into it.
    Folder { path: String },
    /// An asset or a folder moved.
    Move(MoveItem),
}

/// An asset or folder moved from one path to another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MoveItem {
    pub from: String,
    pub to: String,
    /// Its `jcr:uuid` when planned: the same asset is found by it at either path.
    pub uuid: String,
    /// A folder, moved with everything in it.
    #[serde(default)]
    pub folder: bool,
    /// The code of its metadata when planned (`metadesk_assets::fingerprint::metadata_code`:
    /// AEM does not move `jcr:lastModified` on a metadata change): an undo leaves alone an
    /// asset changed since its move; a move itself changes no value and goes whatever changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub fingerprint: Option<String>,
    /// An undo's row: the asset must still hold `fingerprint`, or it is left alone.
    #[serde(default)]
    pub unchanged_since: bool,
    /// It was on the website when planned: AEM's move takes it off, so it is republished at
    /// its new path when the plan republishes.
    #[serde(default)]
    pub published: bool,
    /// The pages that use it.
    #[serde(default)]
    pub pages: Vec<MovePage>,
    /// Why it is not moved, decided when planned (nothing is sent for it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "string")]
    pub refused: Option<SavedText>,
}

impl MoveItem {
    /// The name it had and the one it gets.
    pub fn names(&self) -> (&str, &str) {
        (leaf(&self.from), leaf(&self.to))
    }

    /// The folder it goes into.
    pub fn dest_parent(&self) -> &str {
        parent(&self.to)
    }

    /// The pages AEM rewrites.
    pub fn adjusted(&self) -> impl Iterator<Item = &MovePage> {
        self.pages.iter().filter(|p| p.adjust)
    }
}

/// The last segment of a path.
pub fn leaf(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// Everything before the last segment of a path.
pub fn parent(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(p, _)| p)
}

/// What a move's run does, in order: the folders it makes, then what it moves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MovePlan {
    pub rows: Vec<MoveRow>,
    /// After the move, AEM publishes again what was on the website: the moved assets that
    /// were published, and the adjusted pages that were.
    #[serde(default)]
    pub republish: bool,
}

impl MovePlan {
    /// The moved assets and folders.
    pub fn items(&self) -> impl Iterator<Item = &MoveItem> {
        self.rows.iter().filter_map(|r| match r {
            MoveRow::Move(item) => Some(item),
            MoveRow::Folder { .. } => None,
        })
    }

    /// How many pages the moves not refused adjust (`adjust`), or leave pointing at an old
    /// path: each page once, however many of its assets move.
    fn distinct_pages(&self, adjust: bool) -> u64 {
        self.items()
            .filter(|i| i.refused.is_none())
            .flat_map(|i| i.pages.iter().filter(move |p| p.adjust == adjust))
            .map(|p| p.path.as_str())
            .collect::<std::collections::BTreeSet<_>>()
            .len() as u64
    }

    /// The plan of the undo of a run of this plan that left `journal`: each item that moved,
    /// back from where it went, if it is still there unchanged since; the pages adjusted
    /// then, adjusted back. `None` when nothing moved. Folders made stay (they may hold
    /// someone's files by then).
    pub fn undo(&self, journal: &PartJournal) -> Option<MovePlan> {
        let rows: Vec<MoveRow> = self
            .items()
            .filter(|item| journal.state(&part_of(item)) == Some(PartState::Done))
            .map(|item| {
                MoveRow::Move(MoveItem {
                    from: item.to.clone(),
                    to: item.from.clone(),
                    uuid: item.uuid.clone(),
                    folder: item.folder,
                    fingerprint: item.fingerprint.clone(),
                    unchanged_since: true,
                    // Taken off the website by the move unless republished then.
                    published: item.published && self.republish,
                    pages: item.adjusted().cloned().collect(),
                    refused: None,
                })
            })
            .collect();
        (!rows.is_empty()).then_some(MovePlan {
            rows,
            republish: self.republish,
        })
    }

    /// What a summary shows of the run, as `journal` leaves it.
    pub fn view(&self, journal: &PartJournal) -> MoveView {
        let rows = self
            .items()
            .map(|item| {
                let part = part_of(item);
                MoveViewRow {
                    from: item.from.clone(),
                    to: item.to.clone(),
                    folder: item.folder,
                    published: item.published,
                    pages: item.pages.clone(),
                    state: if item.refused.is_some() {
                        MoveState::Refused
                    } else {
                        match journal.state(&part) {
                            None => MoveState::Planned,
                            Some(PartState::Sending) => MoveState::InDoubt,
                            Some(PartState::Done) => MoveState::Moved,
                            Some(PartState::LeftAlone) => MoveState::LeftAlone,
                            Some(PartState::Refused) => MoveState::Failed,
                        }
                    },
                    reason: item
                        .refused
                        .clone()
                        .or_else(|| journal.reasons.get(&part).cloned()),
                }
            })
            .collect();
        let folders = self
            .rows
            .iter()
            .filter(|r| matches!(r, MoveRow::Folder { .. }))
            .count() as u64;
        MoveView {
            counts: row_counts(
                self.items().map(|i| (part_of(i), i.refused.is_some())),
                journal,
            ),
            folders_made: folders,
            republish: self.republish,
            pages: self.distinct_pages(true),
            pages_left: self.distinct_pages(false),
            rows,
        }
    }
}

/// A moved item's key in the journal: where it came from.
pub fn part_of(item: &MoveItem) -> RunPart {
    RunPart::Moved {
        path: item.from.clone(),
    }
}

/// A row's key in the journal.
pub fn part_of_row(row: &MoveRow) -> RunPart {
    match row {
        MoveRow::Folder { path } => RunPart::Folder { path: path.clone() },
        MoveRow::Move(item) => part_of(item),
    }
}

/// Where one moved item stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MoveState {
    /// Refused when planned: never sent.
    Refused,
    /// Not sent yet.
    Planned,
    /// Sent, its answer not known: checked at its old and new path before anything is sent.
    InDoubt,
    Moved,
    /// Changed since, or its new path taken: kept as it is.
    LeftAlone,
    /// AEM refused it or could not be asked: a resume tries again.
    Failed,
}

impl MoveState {
    /// What a report says of an item in this state.
    pub fn report(self) -> ReportStatus {
        match self {
            MoveState::Moved => ReportStatus::Changed,
            MoveState::Refused | MoveState::LeftAlone => ReportStatus::Skipped,
            MoveState::Failed => ReportStatus::Failed,
            MoveState::Planned | MoveState::InDoubt => ReportStatus::Pending,
        }
    }
}

/// One moved item as a summary shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MoveViewRow {
    pub from: String,
    pub to: String,
    pub folder: bool,
    pub published: bool,
    pub pages: Vec<MovePage>,
    pub state: MoveState,
    #[ts(type = "string | null")]
    pub reason: Option<SavedText>,
}

/// A move's run as its summary shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MoveView {
    pub counts: RowCounts,
    #[ts(type = "number")]
    pub folders_made: u64,
    pub republish: bool,
    /// Pages AEM adjusts, and pages left pointing at the old path (unticked).
    #[ts(type = "number")]
    pub pages: u64,
    #[ts(type = "number")]
    pub pages_left: u64,
    pub rows: Vec<MoveViewRow>,
}

impl MoveView {
    /// Its words in the reader's language.
    pub fn localize(&mut self, l10n: &metadesk_base::i18n::Localizer) {
        for row in &mut self.rows {
            if let Some(reason) = row.reason.as_mut() {
                reason.localize(l10n);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(from: &str, to: &str) -> MoveItem {
        MoveItem {
            from: from.into(),
            to: to.into(),
            uuid: format!("uuid-{from}"),
            folder: false,
            fingerprint: Some("code".into()),
            unchanged_since: false,
            published: true,
            pages: vec![
                MovePage {
                    path: "/content/site/a".into(),
                    title: None,
                    published: Some(true),
                    adjust: true,
                },
                MovePage {
                    path: "/content/site/b".into(),
                    title: None,
                    published: Some(false),
                    adjust: false,
                },
            ],
            refused: None,
        }
    }

    #[test]
    fn the_undo_moves_back_only_what_moved_and_checks_it_is_unchanged() {
        let plan = MovePlan {
            rows: vec![
                MoveRow::Folder {
                    path: "/content/dam/new".into(),
                },
                MoveRow::Move(item("/content/dam/a/x.jpg", "/content/dam/new/x.jpg")),
                MoveRow::Move(item("/content/dam/a/y.jpg", "/content/dam/new/y.jpg")),
            ],
            republish: false,
        };
        let mut journal = PartJournal::default();
        journal.record(
            RunPart::Moved {
                path: "/content/dam/a/x.jpg".into(),
            },
            PartState::Done,
            None,
        );
        journal.record(
            RunPart::Moved {
                path: "/content/dam/a/y.jpg".into(),
            },
            PartState::Sending,
            None,
        );
        let undo = plan.undo(&journal).unwrap();
        assert_eq!(undo.rows.len(), 1, "{undo:?}");
        let MoveRow::Move(back) = &undo.rows[0] else {
            panic!("{undo:?}")
        };
        assert_eq!(back.from, "/content/dam/new/x.jpg");
        assert_eq!(back.to, "/content/dam/a/x.jpg");
        assert!(back.unchanged_since);
        // Only the page adjusted then is adjusted back; the move took it off the website.
        assert_eq!(back.pages.len(), 1);
        assert!(!back.published);
        assert_eq!(plan.view(&journal).counts.done, 1);
        assert_eq!(plan.view(&journal).counts.in_doubt, 1);
        assert!(plan.undo(&PartJournal::default()).is_none());
    }

    /// A page that uses several of the moved assets is one page to fix, not one per asset.
    #[test]
    fn a_page_that_uses_several_moved_assets_is_counted_once() {
        let plan = MovePlan {
            rows: vec![
                MoveRow::Move(item("/content/dam/a/x.jpg", "/content/dam/a/x-1.jpg")),
                MoveRow::Move(item("/content/dam/a/y.jpg", "/content/dam/a/y-1.jpg")),
            ],
            republish: false,
        };
        let view = plan.view(&PartJournal::default());
        assert_eq!(view.pages, 1, "/content/site/a, adjusted for both");
        assert_eq!(view.pages_left, 1, "/content/site/b, left for both");
        assert_eq!(view.rows.iter().map(|r| r.pages.len()).sum::<usize>(), 4);
    }
}
