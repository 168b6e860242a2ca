//! The operations that run through the operation trait (`operation.rs`): a run's plan
//! ([`OpPlan`], in its spec) and what its summary shows ([`OpView`]), one variant each. It
//! names no run kind nor spec (those hold an [`OpPlan`]), so nothing here imports them back.
//!
//! Not here: what each operation answers (its view, counts, report rows, undo's plan, page and
//! words: `run_kind.rs`, where a run's kind answers too), the engine's dispatch of its write
//! (`engine/op_dispatch.rs`), any one operation (`moves.rs`, `tag_import.rs`, `upload_undo.rs`,
//! `tag_import_undo.rs`, `tag_step.rs`).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

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
