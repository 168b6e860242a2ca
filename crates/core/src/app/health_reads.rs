//! The health report's reads of its assets' values (`health.rs`): their metadata, their off
//! times and their website states, each asked of exact paths in batches, the batches of a step
//! side by side (as many as the engine's gate lets through), and each asset the index has not
//! seen yet read from the repository, those reads side by side too. Every read goes through the
//! engine's [`Reads`] (its gate, retries and the job's cancellation), and the report's progress
//! is told as each answers.
//!
//! Not here: which assets the scope holds (its listing), the references (`references.rs`), the
//! report itself (`health.rs`).

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicU64, Ordering};

use serde_json::{Map, Value};

use crate::app::jobs::job_cancelled;
use crate::app::schemas::metadata_of;
use metadesk_assets::CallError;
use metadesk_assets::batch::{check_query, fits_in_check};
use metadesk_assets::publication::{Agent, PublicationState, fits_in_state_query};
use metadesk_base::i18n::SavedText;
use metadesk_bulk::at_most::in_order;
use metadesk_bulk::engine::Reads;
use metadesk_bulk::progress::ProgressFn;
use metadesk_bulk::reasons::not_read;
use metadesk_bulk::{Phase, Progress};
use metadesk_clients::error::{Error, Result};

/// The metadata a health report reads of each asset.
const READ: [&str; 3] = ["dc:description", "dc:format", "prism:expirationDate"];

/// Requests a step sends at once; the gate may let fewer through (AEM's answers teach it).
const AT_ONCE: usize = 8;

/// The reads of each asset a report makes: its schema's values, the report's values, its off
/// time, its state, its references.
pub(super) const STEPS: u64 = 5;

/// A failure that ends the report (AEM gone, the token refused), else `None`.
fn fatal(e: &CallError) -> Option<Error> {
    match e {
        CallError::Unreachable(e) | CallError::Auth(e) => Some(Error::Aem(e.clone())),
        _ => None,
    }
}

fn unread(path: &str, e: &CallError) -> SavedText {
    let why = serde_json::to_value(not_read(e, None, 1)).unwrap_or_default();
    SavedText::new("sheet-export-unread", [("path", path.into()), ("why", why)])
}

/// [`job_cancelled`] when `answer` says the reads were cancelled, else the answer.
fn asked<T>(
    answer: std::result::Result<Option<T>, CallError>,
) -> Result<std::result::Result<T, CallError>> {
    match answer {
        Ok(Some(answer)) => Ok(Ok(answer)),
        Ok(None) => Err(job_cancelled()),
        Err(e) => Ok(Err(e)),
    }
}

/// `paths` cut into the batches one request asks, each as long as `fits` says.
fn batches(paths: &[String], fits: impl Fn(&[&str]) -> usize) -> Vec<Vec<&str>> {
    let mut rest: Vec<&str> = paths.iter().map(String::as_str).collect();
    let mut batches = Vec::new();
    while !rest.is_empty() {
        let n = fits(&rest).clamp(1, rest.len());
        let tail = rest.split_off(n);
        batches.push(std::mem::replace(&mut rest, tail));
    }
    batches
}

/// The values of [`READ`] of each of `paths`: batched checks where the API has them, one read
/// per asset otherwise and for each path a check did not answer (not indexed yet), each
/// request through `reads`; an asset that could not be read is said in `unread`.
pub(super) async fn values_of(
    reads: &Reads,
    paths: &[String],
    unread_to: &mut Vec<SavedText>,
    progress: &Progressed<'_>,
) -> Result<HashMap<String, Map<String, Value>>> {
    let aem = reads.aem();
    let properties: Vec<String> = READ.iter().map(|p| (*p).to_owned()).collect();
    let mut found = HashMap::new();
    if aem.batches() {
        let asks = batches(paths, |rest| fits_in_check(rest, &properties))
            .into_iter()
            .map(|batch| {
                let properties = &properties;
                async move {
                    let answer = reads.call(|| aem.check_many(&batch, properties)).await;
                    progress.add(batch.len() as u64);
                    answer
                }
            })
            .collect();
        for answer in in_order(asks, AT_ONCE).await {
            match asked(answer)? {
                Ok(checked) => found.extend(checked),
                Err(e) => match fatal(&e) {
                    Some(e) => return Err(e),
                    // Read one by one below.
                    None => tracing::warn!(error = %e, "health check not answered"),
                },
            }
        }
    }
    let unanswered: Vec<&String> = paths.iter().filter(|p| !found.contains_key(*p)).collect();
    let asks = unanswered
        .into_iter()
        .map(|path| async move {
            let answer = metadata_of(reads, path).await;
            if !aem.batches() {
                progress.add(1);
            }
            (path, answer)
        })
        .collect();
    for (path, answer) in in_order(asks, AT_ONCE).await {
        match asked(answer)? {
            Ok(metadata) => {
                found.insert(path.clone(), metadata);
            }
            Err(e) => match fatal(&e) {
                Some(e) => return Err(e),
                None => unread_to.push(unread(path, &e)),
            },
        }
    }
    Ok(found)
}

/// Which of `paths` have a `jcr:content/offTime`: a QueryBuilder query of exact paths (an asset
/// past its off time is hidden from the other APIs), then, for each path the query did not
/// return (AEM's index has not caught up with it yet), its `jcr:content` node read from the
/// repository (`adobe-wire-lifecycle.md` §4), as folder runs read what the index has not seen;
/// `None` where the API cannot search. An asset whose node cannot be read is said in
/// `unread_to`.
pub(super) async fn off_times(
    reads: &Reads,
    paths: &[String],
    unread_to: &mut Vec<SavedText>,
    progress: &Progressed<'_>,
) -> Result<Option<Vec<String>>> {
    let aem = reads.aem();
    if !aem.batches() {
        return Ok(None);
    }
    let asks = batches(paths, |rest| fits_in_check(rest, &[]))
        .into_iter()
        .map(|batch| async move {
            let mut query = check_query(&batch, &[]);
            for (key, value) in query.iter_mut() {
                if key == "p.properties" {
                    *value = "jcr:path jcr:content/offTime".to_owned();
                }
            }
            let answer = reads.call(|| aem.search(&query)).await;
            // What the index answered is done as it answers; what it missed, once read.
            if let Ok(Some(page)) = &answer {
                progress.add(page.hits.len().min(batch.len()) as u64);
            }
            (batch, answer)
        })
        .collect();
    let mut with = Vec::new();
    let mut unindexed = Vec::new();
    for (batch, answer) in in_order(asks, AT_ONCE).await {
        let page = match asked(answer)? {
            Ok(page) => page,
            Err(e) => return fatal(&e).map_or(Ok(None), Err),
        };
        let mut indexed = HashSet::new();
        for hit in &page.hits {
            let Some(path) = metadesk_assets::search::hit_path(hit) else {
                continue;
            };
            indexed.insert(path.to_owned());
            if hit.pointer("/jcr:content/offTime").is_some() {
                with.push(path.to_owned());
            }
        }
        unindexed.extend(batch.into_iter().filter(|p| !indexed.contains(*p)));
    }
    let asks = unindexed
        .into_iter()
        .map(|path| async move {
            let node = format!("{path}/jcr:content");
            let answer = reads.call(|| aem.node_json(&node, "")).await;
            progress.add(1);
            (path, answer)
        })
        .collect();
    for (path, answer) in in_order(asks, AT_ONCE).await {
        match asked(answer)? {
            Ok(content) if content.get("offTime").is_some() => with.push(path.to_owned()),
            Ok(_) | Err(CallError::NotFound) => {}
            Err(e) => match fatal(&e) {
                Some(e) => return Err(e),
                None => unread_to.push(unread(path, &e)),
            },
        }
    }
    Ok(Some(with))
}

/// Which of `paths` were changed on author since their last publication; `None` where the
/// API does not publish.
pub(super) async fn changed_since_publication(
    reads: &Reads,
    paths: &[String],
    progress: &Progressed<'_>,
) -> Result<Option<Vec<String>>> {
    let aem = reads.aem();
    if !aem.publishes() {
        return Ok(None);
    }
    let asks = batches(paths, fits_in_state_query)
        .into_iter()
        .map(|batch| async move {
            let answer = reads
                .call(|| aem.publications(&batch, Agent::Publish))
                .await;
            // What the index answered is done as it answers; what it missed, once read.
            if let Ok(Some(states)) = &answer {
                progress.add(states.len().min(batch.len()) as u64);
            }
            (batch, answer)
        })
        .collect();
    let mut changed = Vec::new();
    let mut unindexed = Vec::new();
    for (batch, answer) in in_order(asks, AT_ONCE).await {
        let mut states = match asked(answer)? {
            Ok(states) => states,
            Err(e) => return fatal(&e).map_or(Ok(None), Err),
        };
        let mut missed = Vec::new();
        for path in batch {
            match states.remove(path) {
                Some(state) if state.state() == PublicationState::Modified => {
                    changed.push(path.to_owned());
                }
                Some(_) => {}
                // Not in the index yet: read from the repository.
                None => missed.push(path),
            }
        }
        unindexed.extend(missed);
    }
    let asks = unindexed
        .into_iter()
        .map(|path| async move {
            let answer = reads.call(|| aem.publication(path, Agent::Publish)).await;
            progress.add(1);
            (path, answer)
        })
        .collect();
    for (path, answer) in in_order(asks, AT_ONCE).await {
        match asked(answer)? {
            Ok(state) if state.state() == PublicationState::Modified => {
                changed.push(path.to_owned());
            }
            Ok(_) => {}
            Err(e) => return fatal(&e).map_or(Ok(None), Err),
        }
    }
    Ok(Some(changed))
}

/// The report's progress: each of its [`STEPS`] reads of every asset counts, so `done` goes
/// from 0 to that many times the assets.
pub(super) struct Progressed<'a> {
    pub(super) reads: &'a Reads,
    pub(super) on_progress: ProgressFn<'a>,
    pub(super) total: u64,
    pub(super) done: AtomicU64,
}

impl Progressed<'_> {
    /// `n` more reads done (what a step skips counts as done).
    pub(super) fn add(&self, n: u64) {
        let done = self.done.fetch_add(n, Ordering::Relaxed) + n;
        self.tell(done, false);
    }

    /// What [`Progressed::add`] has counted so far.
    pub(super) fn so_far(&self) -> u64 {
        self.done.load(Ordering::Relaxed)
    }

    pub(super) fn tell(&self, done: u64, finished: bool) {
        let (limit, _, throttled) = self.reads.gate_snapshot();
        (self.on_progress)(Progress {
            run_id: String::new(),
            phase: Phase::Preview,
            done: done.min(self.total),
            total: self.total,
            total_known: true,
            changed: 0,
            unchanged: 0,
            skipped: 0,
            failed: 0,
            rate: 0.0,
            eta_secs: None,
            concurrency: limit as u32,
            paused: false,
            throttled,
            finished,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_hold_every_path_once_in_order_as_long_as_each_request_fits() {
        let paths: Vec<String> = (0..10).map(|i| format!("/content/dam/a/{i}.jpg")).collect();
        let cut = batches(&paths, |rest| 4.min(rest.len()));
        let sizes: Vec<usize> = cut.iter().map(Vec::len).collect();
        assert_eq!(sizes, vec![4, 4, 2]);
        let again: Vec<&str> = cut.into_iter().flatten().collect();
        assert_eq!(again, paths.iter().map(String::as_str).collect::<Vec<_>>());
        // A request that fits nothing still carries one path: no batch is ever empty.
        assert_eq!(batches(&paths[..2], |_| 0).len(), 2);
        assert!(batches(&[], |_| 4).is_empty());
    }
}
