//! Where a face shows a run: its own preview or report, or the page of what it belongs to (a
//! tag import's undo on the Tags page with its import). The core says it in each run's summary
//! (`RunSummary::opens`), so a face opens a run without telling kinds of run apart. A leaf: it
//! imports nothing else of this crate.
//!
//! Not here: which kind of run opens where (`run_kind.rs` and `ops.rs` answer it).

use serde::Serialize;
use ts_rs::TS;

/// Where a run is shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "page", rename_all = "camelCase")]
pub enum RunPage {
    /// Its own preview or report (an edit, a sheet, a publication, a tag change, their undos
    /// and retries).
    Report,
    /// The Tags page, with tag import (or rename) `run`: the import itself, or its undo.
    Tags { run: String },
    /// The Upload page, with upload `run`: the upload itself, or its undo.
    Upload { run: String },
    /// The Move panel, with the run itself (a move or its undo).
    Move,
}
