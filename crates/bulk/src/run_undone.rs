//! How runs stand to their undos, and what the latest undo of a run did to each of its rows:
//! [`link`] gives each run of the history its `UndoLinks` (undone by, redo, what its Undo
//! would do, undone in full, its latest undo), [`latest_undo`] finds that undo, [`mark_undone`]
//! gives each report row the undo's outcome for its path (a `RowUndone`), so a report shows
//! its run's latest state. Not here: the reports and their rows (`runs.rs`), what the links
//! are (`undo_links.rs`).

use std::collections::HashMap;
use std::path::Path;

use metadesk_base::timefmt::parse_rfc3339;
use metadesk_clients::error::Result;

use crate::replay::RunStatus;
use crate::runs::{RowUndone, RunSummary, report};
use crate::undo_links::{UndoAction, UndoLinks};

/// Gives each of `all` (the run history) how it stands to its undos among them; in time
/// linear in the history (Activity lists every run).
pub fn link(all: &mut [RunSummary]) {
    let history = History::of(all);
    let links: Vec<UndoLinks> = all.iter().map(|run| history.links_of(run)).collect();
    for (run, links) in all.iter_mut().zip(links) {
        run.undo_links = links;
    }
}

/// The runs of a history, found by what they undo.
struct History<'a> {
    by_id: HashMap<&'a str, &'a RunSummary>,
    /// For each run, its latest undo that changed assets (applied, else previewed).
    undone_by: HashMap<&'a str, &'a RunSummary>,
    /// For each run, the latest applied run that took it back (an undo of its values, files or
    /// moves, or of its publication).
    taken_back_by: HashMap<&'a str, &'a RunSummary>,
}

impl<'a> History<'a> {
    fn of(all: &'a [RunSummary]) -> Self {
        let when =
            |run: &RunSummary| parse_rfc3339(run.applied_at.as_deref().unwrap_or(&run.created));
        let mut undone_by: HashMap<&str, &RunSummary> = HashMap::new();
        let mut taken_back_by: HashMap<&str, &RunSummary> = HashMap::new();
        let later = |slot: Option<&&RunSummary>, run: &RunSummary| {
            slot.is_none_or(|was| when(run) > when(was))
        };
        for run in all {
            if let Some(of) = run.undoes.as_deref()
                && run.counts.changed > 0
                && later(undone_by.get(of), run)
            {
                undone_by.insert(of, run);
            }
            if let Some(of) = run.kind.takes_back()
                && run.applied_at.is_some()
                && later(taken_back_by.get(of), run)
            {
                taken_back_by.insert(of, run);
            }
        }
        History {
            by_id: all.iter().map(|run| (run.id.as_str(), run)).collect(),
            undone_by,
            taken_back_by,
        }
    }

    fn links_of(&self, run: &RunSummary) -> UndoLinks {
        let undone_by = self.undone_by.get(run.id.as_str()).copied();
        let depth = self.undo_depth(run);
        let wholly_undone = undone_by.is_some_and(|undo| {
            undo.status == RunStatus::Completed
                && undo.counts.failed == 0
                && undo.counts.pending == 0
                && !self.undone_by.contains_key(undo.id.as_str())
        });
        let undo_action =
            (run.counts.changed > 0 && !wholly_undone).then_some(if !depth.is_multiple_of(2) {
                UndoAction::Redo
            } else {
                UndoAction::Undo
            });
        // Its latest undo, unless a later run undid that undo in turn (a redo: the run's own
        // outcomes hold again): what [`latest_undo`] gives.
        let last_undo = self
            .taken_back_by
            .get(run.id.as_str())
            .filter(|undo| !self.taken_back_by.contains_key(undo.id.as_str()))
            .map(|undo| undo.id.clone());
        UndoLinks {
            undone_by: undone_by.map(|undo| undo.id.clone()),
            redo: run.undoes.is_some() && depth.is_multiple_of(2),
            undo_action,
            wholly_undone,
            last_undo,
        }
    }

    /// How many undos deep `run` is: 0 for an edit, 1 for its undo, 2 for the undo of that… A
    /// run the history no longer has counts as an edit.
    fn undo_depth(&self, run: &RunSummary) -> usize {
        let mut depth = 0;
        let mut current = Some(run);
        while let Some(this) = current
            && let Some(of) = this.undoes.as_deref()
            && depth <= self.by_id.len()
        {
            depth += 1;
            current = self.by_id.get(of).copied();
        }
        depth
    }
}

/// The latest run applied that undid run `run_id` (an undo of its values or files, or the undo
/// of a publication), unless a later run undid that undo in turn (a redo: the run's own
/// outcomes hold again), among `all` (the run history as listed, each run linked by [`link`]).
/// What a report's rows say last ([`mark_undone`]).
pub fn latest_undo(all: &[RunSummary], run_id: &str) -> Option<RunSummary> {
    let run = all.iter().find(|run| run.id == run_id)?;
    let undo = run.undo_links.last_undo.as_deref()?;
    all.iter().find(|other| other.id == undo).cloned()
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
