//! The operations that run through the operation trait (`operation.rs`), and the one place
//! they are told apart: a run's plan ([`OpPlan`], in its spec), what its summary shows
//! ([`OpView`]), its counts, and the plan of its undo. The engine's dispatch of the write is
//! `engine/operating.rs`; nothing else matches an operation.
//!
//! Not here: any one operation (`moves.rs`).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::replay::Counts;
use crate::spec::RunKind;
use crate::tag_step::StepJournal;

/// A run's plan, row by row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum OpPlan {
    Move(crate::moves::MovePlan),
}

/// What a run's summary shows of its operation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum OpView {
    Move(crate::moves::MoveView),
}

impl OpPlan {
    /// The summary's view as `journal` leaves the run.
    pub fn view(&self, journal: &StepJournal) -> OpView {
        match self {
            OpPlan::Move(plan) => OpView::Move(plan.view(journal)),
        }
    }

    /// The run's counts: its rows are its assets.
    pub fn counts(&self, journal: &StepJournal) -> Counts {
        let rows = match self.view(journal) {
            OpView::Move(view) => view.counts,
        };
        Counts {
            assets: rows.planned,
            changed: rows.done,
            unchanged: 0,
            skipped: rows.left_alone + rows.refused,
            failed: rows.failed,
            pending: rows.pending,
        }
    }

    /// The kind and plan of the undo of run `of`, which left `journal`; `None` when it did
    /// nothing to take back.
    pub fn undo(&self, journal: &StepJournal, of: &str) -> Option<(RunKind, OpPlan)> {
        match self {
            OpPlan::Move(plan) => {
                let back = plan.undo(journal)?;
                let kind = RunKind::Move {
                    items: back.items().count() as u64,
                    to: None,
                    undo_of: Some(of.to_owned()),
                };
                Some((kind, OpPlan::Move(back)))
            }
        }
    }
}

impl OpView {
    /// Its words in the reader's language.
    pub fn localize(&mut self, l10n: &metadesk_base::i18n::Localizer) {
        match self {
            OpView::Move(view) => view.localize(l10n),
        }
    }
}
