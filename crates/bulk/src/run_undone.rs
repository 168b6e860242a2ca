//! What the latest undo of a run did to each of its rows: [`latest_undo`] finds that undo,
//! [`mark_undone`] gives each report row the undo's outcome for its path (a `RowUndone`), so
//! a report shows its run's latest state. Not here: the reports and their rows (`runs.rs`).

use std::collections::HashMap;
use std::path::Path;

use metadesk_base::timefmt::parse_rfc3339;
use metadesk_clients::error::Result;

use crate::runs::{RowUndone, RunSummary, report};

/// The latest run applied that undid run `run_id` (an undo of its values or files, or the undo
/// of a publication), unless a later run undid that undo in turn (a redo: the run's own
/// outcomes hold again), among `all` (the run history). What a report's rows say last
/// ([`mark_undone`]).
pub fn latest_undo(all: &[RunSummary], run_id: &str) -> Option<RunSummary> {
    let latest_of = |id: &str| {
        all.iter()
            .filter(|r| r.applied_at.is_some() && r.kind.takes_back() == Some(id))
            .max_by_key(|r| parse_rfc3339(r.applied_at.as_deref().unwrap_or(&r.created)))
            .cloned()
    };
    let undo = latest_of(run_id)?;
    latest_of(&undo.id).is_none().then_some(undo)
}

/// Gives each of `rows` the outcome undo run `undo_id` had for its path (`undone`), streaming
/// that undo's report: only the rows' paths are looked up.
pub fn mark_undone<T>(
    runs_dir: &Path,
    undo_id: &str,
    rows: &mut [T],
    path_of_row: impl Fn(&T) -> &str,
    mut set: impl FnMut(&mut T, RowUndone),
) -> Result<()> {
    let mut wanted: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, row) in rows.iter().enumerate() {
        wanted
            .entry(path_of_row(row).to_owned())
            .or_default()
            .push(i);
    }
    report(runs_dir, undo_id, |undo_row| {
        if let Some(at) = wanted.remove(&undo_row.path) {
            for i in at {
                set(
                    &mut rows[i],
                    RowUndone {
                        status: undo_row.status,
                        reason: undo_row.reason.clone(),
                    },
                );
            }
        }
        Ok(())
    })
}
