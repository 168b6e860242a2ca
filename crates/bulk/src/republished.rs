//! What an edit's republishes published, from the journals: the tier, the assets (those they
//! recorded `changed`), and which of an undo's planned changes its republish after it
//! publishes. An undo of a republished edit republishes only the assets that edit's republish
//! published and that are still on the website, never one a colleague published since.
//!
//! Not here: planning and sending the republish (`engine/publishing.rs`, `replicating.rs`).

use std::collections::{HashMap, HashSet};
use std::path::Path;

use crate::journal::{Action, Outcome, Record, read_records};
use crate::runs::{RunSummary, path_of, spec};
use metadesk_assets::publication::Agent;
use metadesk_clients::error::Result;

/// What the republishes of an edit run published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Republished {
    /// The edit run.
    pub edit: String,
    /// The tier its newest republish went to.
    pub agent: Agent,
    /// The assets they published.
    pub assets: HashSet<String>,
}

/// The assets run `of` changed, its writes checked (outcome `changed`), in its order.
pub fn changed_by(runs_dir: &Path, of: &str) -> Result<Vec<String>> {
    let mut paths: HashMap<u64, String> = HashMap::new();
    let mut changed = Vec::new();
    for record in read_records(&path_of(runs_dir, of)?)? {
        match record? {
            Record::Row(row) => {
                paths.insert(row.i, row.path);
            }
            Record::Outcome {
                i,
                outcome: Outcome::Changed,
                ..
            } => changed.push(i),
            _ => {}
        }
    }
    changed.sort_unstable();
    changed.dedup();
    Ok(changed
        .into_iter()
        .filter_map(|i| paths.remove(&i))
        .collect())
}

/// When run `of` sent its write of each asset (RFC 3339), by path, at the earliest: what
/// tells that an asset AEM says is up to date on the website was changed after its
/// publication (AEM leaves `jcr:lastModified` as it was on metadata updates). The journal
/// stamps its records about once a second, so an intent without a time of its own was sent
/// no earlier than the last time before it (its apply's start, at least).
pub fn written_at(runs_dir: &Path, of: &str) -> Result<HashMap<String, String>> {
    let mut paths: HashMap<u64, String> = HashMap::new();
    let mut at: HashMap<u64, String> = HashMap::new();
    let mut latest: Option<String> = None;
    for record in read_records(&path_of(runs_dir, of)?)? {
        match record? {
            Record::Row(row) => {
                paths.insert(row.i, row.path);
            }
            Record::ApplyStarted { at: when } => latest = Some(when),
            // The last intent: a resume sends again after it.
            Record::Writing { i, at: when, .. } => {
                if when.is_some() {
                    latest = when;
                }
                if let Some(when) = &latest {
                    at.insert(i, when.clone());
                }
            }
            _ => {}
        }
    }
    Ok(at
        .into_iter()
        .filter_map(|(i, when)| Some((paths.remove(&i)?, when)))
        .collect())
}

/// What the republishes of edit run `edit` published, among `runs` (the run history,
/// newest first); `None` when none published anything.
pub fn of_edit(runs_dir: &Path, runs: &[RunSummary], edit: &str) -> Result<Option<Republished>> {
    let mut found: Option<Republished> = None;
    // Newest first: the newest republish's tier.
    for run in runs {
        let (Some((_, agent, _)), Some(of)) = (run.kind.publishing(), run.kind.republish_of())
        else {
            continue;
        };
        if of != edit || run.counts.changed == 0 {
            continue;
        }
        let assets = changed_by(runs_dir, &run.id)?;
        found
            .get_or_insert_with(|| Republished {
                edit: edit.to_owned(),
                agent,
                assets: HashSet::new(),
            })
            .assets
            .extend(assets);
    }
    Ok(found)
}

/// When run `undo` is the undo of an edit that was republished: what that edit's republishes
/// published.
pub fn of_undone(runs_dir: &Path, runs: &[RunSummary], undo: &str) -> Result<Option<Republished>> {
    match spec(runs_dir, undo)?.kind.undo_of() {
        Some(of) => of_edit(runs_dir, runs, of),
        None => Ok(None),
    }
}

/// The assets undo run `undo` plans to change that its republish after it will publish: on
/// the website at its preview, and published by the undone edit's republish. `None` when it is
/// not the undo of a republished edit.
pub fn after_undo(
    runs_dir: &Path,
    runs: &[RunSummary],
    undo: &str,
) -> Result<Option<(Republished, Vec<String>)>> {
    let Some(republished) = of_undone(runs_dir, runs, undo)? else {
        return Ok(None);
    };
    let mut paths = Vec::new();
    for record in read_records(&path_of(runs_dir, undo)?)? {
        match record? {
            Record::Row(row)
                if row.action == Action::Change
                    && row.publication.is_some_and(|s| s.is_published())
                    && republished.assets.contains(&row.path) =>
            {
                paths.push(row.path)
            }
            Record::Previewed { .. } => break,
            _ => {}
        }
    }
    Ok(Some((republished, paths)))
}
