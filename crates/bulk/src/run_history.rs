//! The run history as Activity lists it, kept between listings: each journal's summary is
//! replayed once, then kept while the journal's length and modification time stay the same (a
//! journal only grows), so opening Activity again replays only the runs that changed since —
//! not every journal of months of runs. The journals that did change are replayed side by
//! side, one thread a core.
//!
//! Not here: what a summary holds (`runs.rs`), replaying a journal (`replay.rs`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use std::time::SystemTime;

use metadesk_base::timefmt::parse_rfc3339;
use metadesk_clients::error::{Error, Result};

use crate::journal::path_of;
use crate::replay::Replay;
use crate::runs::{RunSummary, summarize, with_step_undone};

/// A journal's length and modification time when its summary was kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
}

impl Stamp {
    fn of(path: &Path) -> Option<Stamp> {
        let meta = std::fs::metadata(path).ok()?;
        Some(Stamp {
            len: meta.len(),
            modified: meta.modified().ok(),
        })
    }
}

/// The summaries of a runs folder's journals, kept between listings.
#[derive(Default)]
pub struct RunHistory {
    kept: Mutex<HashMap<PathBuf, (Stamp, RunSummary)>>,
}

impl RunHistory {
    /// Every run in `runs_dir`, newest first, each with how it stands to its undos: a journal
    /// unchanged since the last listing from what was kept, the others replayed. A journal
    /// that cannot be read is logged and left out.
    pub fn list(&self, runs_dir: &Path) -> Result<Vec<RunSummary>> {
        let journals = journals_in(runs_dir)?;
        // One listing at a time: a second one waits, then finds the first's summaries kept.
        let mut kept = self.kept.lock().unwrap_or_else(PoisonError::into_inner);
        // What was kept, taken out: a journal removed since is not carried over.
        let mut was = std::mem::take(&mut *kept);
        let mut stale = Vec::new();
        for path in journals {
            let Some(stamp) = Stamp::of(&path) else {
                continue;
            };
            match was.remove(&path) {
                Some((then, summary)) if then == stamp => {
                    kept.insert(path, (stamp, summary));
                }
                _ => stale.push((path, stamp)),
            }
        }
        kept.extend(
            replayed(stale)
                .into_iter()
                .map(|(path, stamp, summary)| (path, (stamp, summary))),
        );
        let mut runs: Vec<RunSummary> = kept.values().map(|(_, summary)| summary.clone()).collect();
        drop(kept);
        runs.sort_by_cached_key(|r| std::cmp::Reverse((parse_rfc3339(&r.created), r.id.clone())));
        crate::run_undone::link(&mut runs);
        Ok(runs)
    }

    /// One run's summary, as [`crate::runs::summary`] gives it (an undo's with the step of the
    /// tag run it undoes), with how it stands to its undos (from the listing): from what was
    /// kept while its journal is unchanged, else replayed and kept, so a report opened again
    /// does not read its whole journal again.
    pub fn summary(&self, runs_dir: &Path, run_id: &str) -> Result<RunSummary> {
        let path = path_of(runs_dir, run_id)?;
        // The listing's copy, linked; a journal the listing could not read is read here, to
        // say why.
        let summary = match self.list(runs_dir)?.into_iter().find(|r| r.id == run_id) {
            Some(listed) => listed,
            None => self.kept_or_replayed(&path)?,
        };
        Ok(with_step_undone(summary, |of| {
            self.kept_or_replayed(&path_of(runs_dir, of).ok()?).ok()
        }))
    }

    /// The summary of the journal at `path`: kept while unchanged, else replayed (the lock not
    /// held meanwhile: a listing is not held up by one run's replay) and kept.
    fn kept_or_replayed(&self, path: &Path) -> Result<RunSummary> {
        let stamp = Stamp::of(path);
        let lock = || self.kept.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((then, summary)) = lock().get(path)
            && Some(*then) == stamp
        {
            return Ok(summary.clone());
        }
        let summary = summarize(&Replay::load(path)?);
        if let Some(stamp) = stamp {
            lock().insert(path.to_owned(), (stamp, summary.clone()));
        }
        Ok(summary)
    }
}

/// Every run in `runs_dir`, newest first, each journal replayed (a history of its own, kept
/// for no other listing).
pub fn list(runs_dir: &Path) -> Result<Vec<RunSummary>> {
    RunHistory::default().list(runs_dir)
}

/// The journals (`*.jsonl`) in `runs_dir`; none when it was never made.
fn journals_in(runs_dir: &Path) -> Result<Vec<PathBuf>> {
    let entries = match std::fs::read_dir(runs_dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            return Err(Error::io_doing(
                "io-read",
                vec![("path", runs_dir.display().to_string().into())],
                e,
            ));
        }
    };
    Ok(entries
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "jsonl"))
        .collect())
}

/// `stale` journals replayed, one thread a core; those that cannot be read are logged and
/// left out.
fn replayed(stale: Vec<(PathBuf, Stamp)>) -> Vec<(PathBuf, Stamp, RunSummary)> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = stale.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let workers: Vec<_> = stale
            .chunks(chunk)
            .map(|journals| scope.spawn(move || journals.iter().filter_map(replay).collect()))
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| {
                // A replay that panicked is a bug; its journals are left out, not the listing.
                worker.join().unwrap_or_else(|_| {
                    tracing::error!("replaying journals for the run history panicked");
                    Vec::new()
                })
            })
            .collect()
    })
}

fn replay((path, stamp): &(PathBuf, Stamp)) -> Option<(PathBuf, Stamp, RunSummary)> {
    match Replay::load(path) {
        Ok(replay) => Some((path.clone(), *stamp, summarize(&replay))),
        Err(e) => {
            tracing::warn!(path = %path.display(), error = %e, "unreadable journal");
            None
        }
    }
}
