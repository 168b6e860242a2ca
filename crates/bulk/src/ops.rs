//! The operations that run through the operation trait (`operation.rs`), and the one place
//! they are told apart: a run's plan ([`OpPlan`], in its spec), what its summary shows
//! ([`OpView`]) and which operation a view is of (`as_move`…), its counts, and the plan of its
//! undo. It names no run kind nor spec (those hold an [`OpPlan`]), so nothing here imports them
//! back. The engine's dispatch of the write is `engine/op_dispatch.rs`; nothing else matches an
//! operation (`tests/structure/run_kinds.rs`).
//!
//! Not here: any one operation (`moves.rs`, `tag_import.rs`, `upload_undo.rs`,
//! `tag_import_undo.rs`, `tag_step.rs`).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use metadesk_base::i18n::SavedText;

use crate::operation::{ReportStatus, RowCounts};
use crate::parts::PartJournal;

/// A run's plan: row by row, or (a tag change) the step its assets' edits end with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum OpPlan {
    Move(crate::moves::MovePlan),
    TagImport(crate::tag_import::TagImportPlan),
    Upload(crate::upload::UploadRunPlan),
    UploadUndo(crate::upload_undo::UploadUndoPlan),
    TagImportUndo(crate::tag_import_undo::TagImportUndoPlan),
    /// A tag change (merge, move, delete): its rows are its assets' edits (`cq:tags`
    /// rewritten, planned and written as any edit's), then AEM's command on the tag, sent once
    /// they are all done. Its undo and its retry are edits only: they never send the command.
    TagChange(crate::tag_step::TagStep),
}

/// What a run's summary shows of its operation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum OpView {
    Move(crate::moves::MoveView),
    TagImport(crate::tag_import::TagImportView),
    Upload(crate::upload::UploadView),
    UploadUndo(crate::upload_undo::UploadUndoView),
    TagImportUndo(crate::tag_import_undo::TagImportUndoView),
}

impl OpPlan {
    /// Whether its rows are its own parts, journaled and written by the operation driver: all
    /// but a tag change, whose rows are its assets' edits.
    pub fn owns_rows(&self) -> bool {
        !matches!(self, OpPlan::TagChange(_))
    }

    /// A tag change's step, when it is one.
    pub fn as_tag_step(&self) -> Option<&crate::tag_step::TagStep> {
        match self {
            OpPlan::TagChange(step) => Some(step),
            _ => None,
        }
    }

    /// The summary's view as `journal` leaves the run; `None` for a tag change, whose summary
    /// shows its assets and its step (`TagStepView`).
    pub fn view(&self, journal: &PartJournal) -> Option<OpView> {
        Some(match self {
            OpPlan::Move(plan) => OpView::Move(plan.view(journal)),
            OpPlan::TagImport(plan) => OpView::TagImport(plan.view(journal)),
            OpPlan::Upload(plan) => OpView::Upload(plan.view(journal)),
            OpPlan::UploadUndo(plan) => OpView::UploadUndo(plan.view(journal)),
            OpPlan::TagImportUndo(plan) => OpView::TagImportUndo(plan.view(journal)),
            OpPlan::TagChange(_) => return None,
        })
    }

    /// How far its rows went, as `journal` leaves the run; `None` for a tag change, whose rows
    /// are its assets'.
    pub fn counts(&self, journal: &PartJournal) -> Option<RowCounts> {
        Some(match self {
            OpPlan::Move(plan) => plan.view(journal).counts,
            OpPlan::TagImport(plan) => plan.counts(journal),
            OpPlan::Upload(plan) => plan.row_counts(journal),
            OpPlan::UploadUndo(plan) => plan.view(journal).counts,
            OpPlan::TagImportUndo(plan) => plan.view(journal).counts,
            OpPlan::TagChange(_) => return None,
        })
    }

    /// Each row's path (a tag's id and property), where the run left it and why, for its
    /// report; `None` for a tag change, whose report is its assets'.
    pub fn report_rows(
        &self,
        journal: &PartJournal,
    ) -> Option<Vec<(String, ReportStatus, Option<SavedText>)>> {
        Some(match self {
            OpPlan::Move(plan) => plan
                .view(journal)
                .rows
                .into_iter()
                .map(|row| (row.from, row.state.report(), row.reason))
                .collect(),
            OpPlan::TagImport(plan) => plan.report_rows(journal),
            OpPlan::Upload(plan) => plan.report_rows(journal),
            OpPlan::UploadUndo(plan) => plan
                .view(journal)
                .rows
                .into_iter()
                .map(|row| (row.path, row.state.report(), row.reason))
                .collect(),
            OpPlan::TagImportUndo(plan) => plan
                .view(journal)
                .rows
                .into_iter()
                .map(|row| {
                    let what = match row.property {
                        Some(property) => format!("{} {property}", row.tag),
                        None => row.tag,
                    };
                    (what, row.state.report(), row.reason)
                })
                .collect(),
            OpPlan::TagChange(_) => return None,
        })
    }

    /// A tag import's plan, when it is one.
    pub fn as_tag_import(&self) -> Option<&crate::tag_import::TagImportPlan> {
        match self {
            OpPlan::TagImport(plan) => Some(plan),
            _ => None,
        }
    }

    /// An upload's plan, when it is one.
    pub fn into_upload(self) -> Option<crate::upload::UploadRunPlan> {
        match self {
            OpPlan::Upload(plan) => Some(plan),
            _ => None,
        }
    }

    /// The plan of the undo of a run that left `journal`, and how many items it takes back;
    /// `None` when it did nothing to take back.
    pub fn undo(&self, journal: &PartJournal) -> Option<(OpPlan, u64)> {
        match self {
            OpPlan::Move(plan) => {
                let back = plan.undo(journal)?;
                let items = back.items().count() as u64;
                Some((OpPlan::Move(back), items))
            }
            // An import's undo is planned from what holds its tags, which the core reads.
            OpPlan::TagImport(_) => None,
            // An upload's undo is planned from what AEM holds of its files, which the core reads.
            OpPlan::Upload(_) => None,
            // What an undo deleted is not uploaded again by undoing it: the upload again does.
            OpPlan::UploadUndo(_) => None,
            // What an undo put back is the import's to write again: importing the sheet again.
            OpPlan::TagImportUndo(_) => None,
            // Its undo is its assets' edits undone, as any edit's (the tag stays as AEM has it).
            OpPlan::TagChange(_) => None,
        }
    }
}

impl OpView {
    /// A move's (or its undo's) rows, when it is one.
    pub fn as_move(&self) -> Option<&crate::moves::MoveView> {
        match self {
            OpView::Move(view) => Some(view),
            _ => None,
        }
    }

    /// An upload's files, when it is one.
    pub fn as_upload(&self) -> Option<&crate::upload::UploadView> {
        match self {
            OpView::Upload(view) => Some(view),
            _ => None,
        }
    }

    /// An upload's undo's files, when it is one.
    pub fn as_upload_undo(&self) -> Option<&crate::upload_undo::UploadUndoView> {
        match self {
            OpView::UploadUndo(view) => Some(view),
            _ => None,
        }
    }

    /// A tag import's tags and values, when it is one.
    pub fn as_tag_import(&self) -> Option<&crate::tag_import::TagImportView> {
        match self {
            OpView::TagImport(view) => Some(view),
            _ => None,
        }
    }

    /// A tag import's undo's rows, when it is one.
    pub fn as_tag_import_undo(&self) -> Option<&crate::tag_import_undo::TagImportUndoView> {
        match self {
            OpView::TagImportUndo(view) => Some(view),
            _ => None,
        }
    }

    /// Whether a taxonomy run left tags or values as they are (a colleague's change since the
    /// preview, a tag its undo kept): the taxonomy is not as the sheet or the undo would have
    /// it, said in the CLI's exit code whichever command applied the run. Rows a move or an
    /// upload's undo left alone are someone else's to keep, as an edit's are.
    pub fn leaves_taxonomy_work(&self) -> bool {
        match self {
            OpView::TagImport(view) => !view.changed_since.is_empty(),
            OpView::TagImportUndo(view) => view
                .rows
                .iter()
                .any(|row| row.state.report() == ReportStatus::Skipped),
            OpView::Move(_) | OpView::Upload(_) | OpView::UploadUndo(_) => false,
        }
    }

    /// Where its run writes when that is not its scope's folder (a tag import's, a rename's
    /// and their undos' placeholder is the DAM's root): the taxonomy's root.
    pub fn writes_under(&self) -> Option<&'static str> {
        match self {
            OpView::TagImport(_) | OpView::TagImportUndo(_) => {
                Some(metadesk_assets::tags::TAGS_ROOT)
            }
            OpView::Move(_) | OpView::Upload(_) | OpView::UploadUndo(_) => None,
        }
    }

    /// Where its run `run` is shown: a move in the Move panel, a tag import on the Tags page, an
    /// undo with what it undoes.
    pub fn page(&self, run: &str) -> crate::run_page::RunPage {
        use crate::run_page::RunPage;
        match self {
            OpView::Move(_) => RunPage::Move,
            OpView::TagImport(_) => RunPage::Tags {
                run: run.to_owned(),
            },
            OpView::Upload(_) => RunPage::Upload {
                run: run.to_owned(),
            },
            OpView::UploadUndo(view) => RunPage::Upload {
                run: view.upload.clone(),
            },
            OpView::TagImportUndo(view) => RunPage::Tags {
                run: view.import.clone(),
            },
        }
    }

    /// The catalogue id of the words for its rows done, with `count`: moved, written (a tag
    /// import's tags and values), deleted (an upload's undo), put back (a tag import's undo).
    pub fn done_words(&self) -> &'static str {
        match self {
            OpView::Move(_) => "count-moved",
            OpView::TagImport(_) => "count-written",
            OpView::Upload(_) => "count-uploaded",
            OpView::UploadUndo(_) => "count-deleted",
            OpView::TagImportUndo(_) => "count-put-back",
        }
    }

    /// Its words in the reader's language.
    pub fn localize(&mut self, l10n: &metadesk_base::i18n::Localizer) {
        match self {
            OpView::Move(view) => view.localize(l10n),
            OpView::TagImport(view) => {
                if let Some(reason) = &mut view.reason {
                    reason.localize(l10n);
                }
            }
            OpView::Upload(view) => {
                if let Some(reason) = &mut view.reason {
                    reason.localize(l10n);
                }
            }
            OpView::UploadUndo(view) => view.localize(l10n),
            OpView::TagImportUndo(view) => view.localize(l10n),
        }
    }
}
