//! How a run stands to its undos in the history, as every listed summary carries it
//! ([`UndoLinks`]): which run undid it, whether it is a redo, what its Undo would do, whether
//! it is undone in full, and the undo whose outcomes its report shows. A leaf: worked out by
//! `run_undone::link` over the whole history, carried by `runs::RunSummary`.

use serde::Serialize;
use ts_rs::TS;

/// What undoing a run would do, as its button says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum UndoAction {
    /// Put back what the run changed.
    Undo,
    /// The run is an undo: undoing it makes the undone run's changes again.
    Redo,
}

/// How a run stands to its undos among the runs of the history. A summary that did not come
/// from the history (an apply's answer) says nothing: read the listed one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UndoLinks {
    /// The latest run that undid this one and changed assets.
    pub undone_by: Option<String>,
    /// It is an undo that puts back what an earlier undo took away.
    pub redo: bool,
    /// What its Undo would do; `None` when nothing is left to undo (it changed nothing, or an
    /// undo not itself undone took all of it back).
    pub undo_action: Option<UndoAction>,
    /// Undone in full by a run that is not itself undone: every asset it changed is back (a
    /// move's too: each asset it moved is where it was).
    pub wholly_undone: bool,
    /// The latest undo applied to it (of its values, files or moves, or of its publication)
    /// that no later run undid in turn: the one whose outcomes its report's rows show.
    pub last_undo: Option<String>,
}
