//! The current values of assets whose paths are known (listed in their folder, or rows of an
//! earlier run), asked in batched checks: one QueryBuilder request of several small folders
//! (`folder_checks.rs`), or of exact paths for dozens of assets, instead of a read each
//! (`AssetsApi::check_many`): the one check of a preview and of a write just before it is sent.
//!
//! A check answers from AEM's search index, which lags behind the repository (an upload of the
//! last minutes is not in it yet): a path missing from a check's answer says nothing about the
//! asset. The caller reads it on its own, never takes it as gone, and counts it
//! ([`Values::missed`]) so the preview can say so.
//!
//! Not here: which assets are asked (`listed.rs`, `from_rows.rs`), what is planned from the
//! values (`planning.rs`, `undo.rs`, `retry.rs`), and what a write does with them (`batched.rs`,
//! `replicating.rs`).

use std::collections::{HashMap, HashSet};
use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::Ordering;

use tokio::task::JoinSet;

use super::context::{Ctx, Failure, lock};
use super::folder_checks::{check_by_folders, states_by_folders};
use crate::searching::edited_properties;
use metadesk_assets::CallError;
use metadesk_assets::batch::{Checked, fits_in_check};
use metadesk_assets::publication::{Agent, Publications, fits_in_state_query, publications_of};
use serde_json::Value;

/// Assets whose current values are asked together before they are planned: as many as one
/// check of small folders covers (`folder_checks.rs`).
pub(super) const GROUP: usize = 500;

/// Checks of one group in flight at once: the gate still bounds what reaches AEM.
const CHECKS_AT_ONCE: usize = 4;

/// What the checks of a group of assets found.
#[derive(Default)]
pub(super) struct Values {
    /// The values of the properties asked for, by path, of each asset a check returned.
    pub(super) found: Checked,
    /// Paths whose check failed (or was not sent): their absence from `found` says nothing
    /// about the index.
    unchecked: HashSet<String>,
    /// Where assets stand on the website, asked with their values ([`values_and_publication`]).
    states: Publications,
    /// Paths whose state those checks said all they know of.
    states_answered: HashSet<String>,
}

impl Values {
    /// Takes the values of the asset at `path`; `None` when no check returned it (it is then
    /// read on its own).
    pub(super) fn take(
        &mut self,
        path: &str,
    ) -> Option<serde_json::Map<String, serde_json::Value>> {
        self.found.remove(path)
    }

    /// The values found, when every check was answered (an asset they left out is not in the
    /// index yet); `None` when one failed, was refused or was not sent.
    pub(super) fn complete(self) -> Option<Checked> {
        self.unchecked.is_empty().then_some(self.found)
    }

    /// Whether a check that answered left out the asset at `path`: AEM's search index did not
    /// hold it (yet). False when its check failed.
    pub(super) fn missed(&self, path: &str) -> bool {
        !self.found.contains_key(path) && !self.unchecked.contains(path)
    }
}

/// The properties a new plan of the run's edits needs of each asset: those its edits change or
/// read, and `dc:format` (a format filter is checked on it, as on a read's values).
pub(super) fn planned_properties(ctx: &Ctx) -> Vec<String> {
    let mut properties: Vec<String> = edited_properties(&ctx.spec.edits)
        .into_iter()
        .map(str::to_owned)
        .collect();
    properties.push("dc:format".to_owned());
    properties.sort();
    properties.dedup();
    properties
}

/// The current values of `properties` (names on the metadata node) of the assets at `paths`,
/// from batched checks where the API has them (none otherwise, every path then unchecked). A
/// check refused for good (QueryBuilder switched off, not allowed) is not sent again in this
/// phase: its assets, and those of the groups after it, are read one by one.
pub(super) async fn current_values(
    ctx: &Arc<Ctx>,
    paths: &[String],
    properties: Vec<String>,
) -> Values {
    checked_values(ctx, paths, properties, None).await
}

/// [`current_values`], and where each asset stands on the website kept for its plan row, as
/// [`publication_now`] keeps it: small folders' states asked in the same requests as their
/// values, the others' after.
pub(super) async fn values_and_publication(
    ctx: &Arc<Ctx>,
    paths: &[String],
    properties: Vec<String>,
) -> Values {
    if !wants_publication(ctx) {
        return current_values(ctx, paths, properties).await;
    }
    let mut values = checked_values(ctx, paths, properties, Some(Agent::Publish)).await;
    let answered = std::mem::take(&mut values.states_answered);
    let states = std::mem::take(&mut values.states);
    lock(&ctx.on_website).extend(states.into_iter().map(|(path, p)| (path, p.state())));
    let rest: Vec<String> = paths
        .iter()
        .filter(|p| !answered.contains(*p))
        .cloned()
        .collect();
    publication_now(ctx, &rest).await;
    values
}

/// [`current_values`], with where small folders' assets stand on `states`' tier when asked.
async fn checked_values(
    ctx: &Arc<Ctx>,
    paths: &[String],
    properties: Vec<String>,
    states: Option<Agent>,
) -> Values {
    let mut values = Values::default();
    if !ctx.aem.batches() || ctx.checks_refused.load(Ordering::Relaxed) || paths.is_empty() {
        values.unchecked.extend(paths.iter().cloned());
        return values;
    }
    // Small folders' assets first, a check for several folders at once.
    let paths = match check_by_folders(ctx, paths, &properties, states).await {
        Ok(by) => {
            values.found.extend(by.found);
            values.states = by.states;
            values.states_answered.extend(by.states_answered);
            by.rest
        }
        Err(_) => {
            values.unchecked.extend(paths.iter().cloned());
            return values;
        }
    };
    let properties = Arc::new(properties);
    let fits = |refs: &[&str]| fits_in_check(refs, &properties);
    let ask = |ctx: Arc<Ctx>, chunk: Vec<String>| {
        let properties = properties.clone();
        async move {
            let refs: Vec<&str> = chunk.iter().map(String::as_str).collect();
            let answer = ctx.call(|| ctx.aem.check_many(&refs, &properties)).await;
            if let Err(Failure::Call(
                CallError::Forbidden(_) | CallError::NotFound | CallError::Rejected { .. },
                _,
            )) = &answer
            {
                ctx.checks_refused.store(true, Ordering::Relaxed);
            }
            answer.ok()
        }
    };
    let not_asked = in_chunks(ctx, &paths, fits, ask, |chunk, answer| {
        values.take_check((chunk, answer));
    })
    .await;
    values.unchecked.extend(not_asked);
    values
}

/// Asks `paths` in chunks that each fit one request (`fits`: how many of the paths given fit),
/// [`CHECKS_AT_ONCE`] requests at once, handing each chunk and its answer (`None` when its
/// request failed) to `take`. Returns the paths not asked: the phase was cancelled.
async fn in_chunks<T, Fut>(
    ctx: &Arc<Ctx>,
    paths: &[String],
    fits: impl Fn(&[&str]) -> usize,
    ask: impl Fn(Arc<Ctx>, Vec<String>) -> Fut,
    mut take: impl FnMut(Vec<String>, Option<T>),
) -> Vec<String>
where
    T: Send + 'static,
    Fut: Future<Output = Option<T>> + Send + 'static,
{
    let mut asked: JoinSet<(Vec<String>, Option<T>)> = JoinSet::new();
    let mut start = 0;
    while start < paths.len() && !ctx.control.is_cancelled() {
        let refs: Vec<&str> = paths[start..].iter().map(String::as_str).collect();
        let n = fits(&refs).max(1);
        let chunk: Vec<String> = paths[start..start + n].to_vec();
        start += n;
        if asked.len() >= CHECKS_AT_ONCE
            && let Some(Ok((chunk, answer))) = asked.join_next().await
        {
            take(chunk, answer);
        }
        let answer = ask(ctx.clone(), chunk.clone());
        asked.spawn(async move { (chunk, answer.await) });
    }
    while let Some(done) = asked.join_next().await {
        if let Ok((chunk, answer)) = done {
            take(chunk, answer);
        }
    }
    paths[start..].to_vec()
}

/// Where the assets at `paths` stand on the website (the publish tier), kept for their plan
/// rows, so an edit's, a sheet's or an undo's preview says what is live before anything is
/// changed (and its report what a republish would publish), on an API that publishes; other
/// runs ask nothing. A path no query returns, or whose query fails, stays not known: the
/// preview never takes that as "not on the website".
pub(super) async fn publication_now(ctx: &Arc<Ctx>, paths: &[String]) {
    if !wants_publication(ctx) || paths.is_empty() {
        return;
    }
    let (found, _) = states_now(ctx, paths, Agent::Publish).await;
    lock(&ctx.on_website).extend(found.into_iter().map(|(path, p)| (path, p.state())));
}

/// Where the assets at `paths` stand on the website, kept for their plan rows as
/// [`publication_now`] keeps it: from `hits`, selective hits by path that carried
/// `publication::state_properties` with their values (a sheet's lookups), the others asked.
pub(super) async fn publication_from_hits(
    ctx: &Arc<Ctx>,
    paths: &[String],
    hits: &HashMap<String, Value>,
) {
    if !wants_publication(ctx) {
        return;
    }
    let carried: Vec<Value> = paths.iter().filter_map(|p| hits.get(p).cloned()).collect();
    let found = publications_of(&carried, Agent::Publish);
    let rest: Vec<String> = paths
        .iter()
        .filter(|p| !found.contains_key(*p))
        .cloned()
        .collect();
    lock(&ctx.on_website).extend(found.into_iter().map(|(path, p)| (path, p.state())));
    publication_now(ctx, &rest).await;
}

/// Where the asset at `path` stands on the website for its plan row: as the state queries
/// found it, else as the API said with the item itself (a content fragment's status), else not
/// known.
pub(super) fn row_publication(
    ctx: &Ctx,
    path: &str,
) -> Option<metadesk_assets::publication::PublicationState> {
    lock(&ctx.on_website)
        .remove(path)
        .or_else(|| ctx.aem.known_publication(path))
}

/// Whether the run's rows say where each asset stands on the website: an edit's, a sheet's or
/// an undo's, on an API that publishes and checks in batches.
pub(super) fn wants_publication(ctx: &Ctx) -> bool {
    ctx.spec.kind.asks_publication() && ctx.aem.publishes() && ctx.aem.batches()
}

/// The code of each asset's whole metadata (`fingerprint::metadata_code`), by path, for the
/// runs that tell a colleague's edit by it (an unpublish and its undo); an asset not read is
/// absent, and a failure is logged and leaves all absent.
pub(super) async fn metadata_codes(ctx: &Arc<Ctx>, paths: &[&str]) -> HashMap<String, String> {
    match ctx.call(|| ctx.aem.metadata_codes(paths)).await {
        Ok(codes) => codes,
        Err(Failure::Cancelled) => HashMap::new(),
        Err(Failure::Call(error, _)) => {
            tracing::warn!(%error, "metadata codes not read");
            HashMap::new()
        }
    }
}

/// Where the assets at `paths` stand on `agent`'s tier: asked in queries of their folders where
/// those are small, the rest in batched queries of exact paths ([`fits_in_state_query`]: about
/// a hundred paths of a usual length), [`CHECKS_AT_ONCE`] at once. Also the paths whose query
/// answered: one an answered query left out is not in the index yet. A query that fails leaves
/// its paths out of both.
pub(super) async fn states_now(
    ctx: &Arc<Ctx>,
    paths: &[String],
    agent: Agent,
) -> (Publications, HashSet<String>) {
    let Ok(by_folders) = states_by_folders(ctx, paths, agent).await else {
        return Default::default();
    };
    let mut answered: HashSet<String> = by_folders.found.keys().cloned().collect();
    answered.extend(by_folders.missed);
    let mut found = by_folders.found;
    let ask = |ctx: Arc<Ctx>, chunk: Vec<String>| async move {
        let refs: Vec<&str> = chunk.iter().map(String::as_str).collect();
        match ctx.call(|| ctx.aem.publications(&refs, agent)).await {
            Ok(states) => Some(states),
            Err(Failure::Cancelled) => None,
            Err(Failure::Call(error, _)) => {
                tracing::warn!(%error, "publication states not read");
                None
            }
        }
    };
    let take = |chunk: Vec<String>, answer: Option<Publications>| {
        if let Some(states) = answer {
            answered.extend(chunk);
            found.extend(states);
        }
    };
    in_chunks(ctx, &by_folders.rest, fits_in_state_query, ask, take).await;
    (found, answered)
}

impl Values {
    fn take_check(&mut self, (paths, answer): (Vec<String>, Option<Checked>)) {
        match answer {
            Some(found) => self.found.extend(found),
            None => self.unchecked.extend(paths),
        }
    }
}
