//! The current values of assets whose paths are known (listed in their folder, or rows of an
//! earlier run), asked in batched checks: one QueryBuilder request of several small folders
//! (`folder_checks.rs`), or of exact paths for dozens of assets, instead of a read each
//! (`AssetsApi::check_many`, the apply's own check).
//!
//! A check answers from AEM's search index, which lags behind the repository (an upload of the
//! last minutes is not in it yet): a path missing from a check's answer says nothing about the
//! asset. The caller reads it on its own, never takes it as gone, and counts it
//! ([`Values::missed`]) so the preview can say so.
//!
//! Not here: which assets are asked (`listed.rs`, `from_rows.rs`), what is planned from the
//! values (`planning.rs`, `undo.rs`, `retry.rs`), the apply's checks (`batched.rs`).

use std::collections::HashSet;
use std::sync::Arc;
use std::sync::atomic::Ordering;

use tokio::task::JoinSet;

use super::context::{Ctx, Failure, lock};
use super::folder_checks::{check_by_folders, states_by_folders};
use crate::searching::edited_properties;
use crate::spec::RunKind;
use metadesk_assets::CallError;
use metadesk_assets::batch::{Checked, fits_in_check};
use metadesk_assets::publication::{Agent, fits_in_state_query};

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
    let mut values = Values::default();
    if !ctx.aem.batches() || ctx.checks_refused.load(Ordering::Relaxed) || paths.is_empty() {
        values.unchecked.extend(paths.iter().cloned());
        return values;
    }
    // Small folders' assets first, a check for several folders at once.
    let paths = match check_by_folders(ctx, paths, &properties).await {
        Ok(by) => {
            values.found.extend(by.found);
            by.rest
        }
        Err(_) => {
            values.unchecked.extend(paths.iter().cloned());
            return values;
        }
    };
    let properties = Arc::new(properties);
    let mut checks: JoinSet<(Vec<String>, Option<Checked>)> = JoinSet::new();
    let mut start = 0;
    while start < paths.len() && !ctx.control.is_cancelled() {
        let refs: Vec<&str> = paths[start..].iter().map(String::as_str).collect();
        let n = fits_in_check(&refs, &properties).max(1);
        let chunk: Vec<String> = paths[start..start + n].to_vec();
        start += n;
        if checks.len() >= CHECKS_AT_ONCE
            && let Some(Ok(done)) = checks.join_next().await
        {
            values.take_check(done);
        }
        let (ctx, properties) = (ctx.clone(), properties.clone());
        checks.spawn(async move {
            let refs: Vec<&str> = chunk.iter().map(String::as_str).collect();
            let answer = ctx.call(|| ctx.aem.check_many(&refs, &properties)).await;
            if let Err(Failure::Call(
                CallError::Forbidden(_) | CallError::NotFound | CallError::Rejected { .. },
                _,
            )) = &answer
            {
                ctx.checks_refused.store(true, Ordering::Relaxed);
            }
            (chunk, answer.ok())
        });
    }
    values.unchecked.extend(paths[start..].iter().cloned());
    while let Some(done) = checks.join_next().await {
        if let Ok(done) = done {
            values.take_check(done);
        }
    }
    values
}

/// Where the assets at `paths` stand on the website (the publish tier), kept for their plan
/// rows, so an edit's, a sheet's or an undo's preview says what is live before anything is
/// changed (and its report what a republish would publish). Asked
/// in batched state queries of exact paths, one request per query that fits
/// ([`fits_in_state_query`]: about a hundred paths of a usual length), on an API that publishes;
/// other runs ask nothing. A path a query does not return, or whose query fails, stays not
/// known: the preview never takes that as "not on the website".
pub(super) async fn publication_now(ctx: &Arc<Ctx>, paths: &[String]) {
    let edits = matches!(
        ctx.spec.kind,
        RunKind::Edit | RunKind::Sheet { .. } | RunKind::Undo { .. }
    );
    if !edits || !ctx.aem.publishes() || !ctx.aem.batches() {
        return;
    }
    let Ok(paths) = states_by_folders(ctx, paths, Agent::Publish).await else {
        return;
    };
    let mut start = 0;
    while start < paths.len() && !ctx.control.is_cancelled() {
        let refs: Vec<&str> = paths[start..].iter().map(String::as_str).collect();
        let chunk = &refs[..fits_in_state_query(&refs).max(1)];
        start += chunk.len();
        match ctx
            .call(|| ctx.aem.publications(chunk, Agent::Publish))
            .await
        {
            Ok(found) => {
                let mut kept = lock(&ctx.on_website);
                kept.extend(found.into_iter().map(|(path, p)| (path, p.state())));
            }
            Err(Failure::Cancelled) => break,
            // Not known, as said above: the values are still previewed.
            Err(Failure::Call(error, _)) => {
                tracing::warn!(%error, "publication states before an edit preview not read");
            }
        }
    }
}

impl Values {
    fn take_check(&mut self, (paths, answer): (Vec<String>, Option<Checked>)) {
        match answer {
            Some(found) => self.found.extend(found),
            None => self.unchecked.extend(paths),
        }
    }
}
