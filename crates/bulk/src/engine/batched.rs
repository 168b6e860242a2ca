//! Applying a plan in batches, where the API can (the classic family): the edited properties of
//! a batch of assets checked in one QueryBuilder request, the assets still as the preview saw
//! them written in one Sling POST (one commit), so a run costs a few requests per hundred
//! assets instead of two per asset, with the same rules as the per-asset path
//! (`applying.rs`):
//! - a value changed since the preview is reported with both values and never overwritten;
//! - an asset missing from the check's hits is read on its own (the index may lag behind the
//!   repository), never taken as deleted; only assets a check just confirmed are posted (Sling
//!   would create the nodes of any other path);
//! - the values each write replaces are journaled (durably) before the POST, the outcomes
//!   after; a batch whose answer was lost stays in doubt and is read again on resume;
//! - a batch refused as a whole (one commit: one refused asset refuses all) is written again
//!   one asset per request to find which and why; when every one of those goes through, this
//!   AEM refuses batch writes (403/404/405): the rest of the apply, and the connection's next
//!   runs, write per asset, and the run says so once.
//!
//! Its forms and its reading of a POST's answer ([`forms_of`], [`post`]) also carry an upload's
//! values from its sheet (`upload_values.rs`), journaled as the upload's parts.
//!
//! Not here: the per-asset path itself (`applying.rs`), the wire formats
//! (`metadesk_assets::batch`).

use super::applying::{
    Ended, Fresh, apply_one, apply_row, changes_of, compare, pending_rows, record_outcome,
    spawn_row, writes_of,
};
use super::checks::current_values;
use super::context::{Ctx, Failure};
use super::tasks::{MIN_TICK, drain, feed_and_drain, spawn_bounded};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::{Map, Value};
use tokio::task::JoinSet;

use crate::journal::{Outcome, PlanRow, Record};
use crate::progress::ProgressFn;
use crate::replay::Replay;
use metadesk_assets::asset_path::check_canonical;
use metadesk_assets::batch::{AssetWrite, Checked, expressible, form_fits, form_share};
use metadesk_assets::{AssetRef, CallError, DAM_ROOT, Write};
use metadesk_base::i18n::SavedText;

use metadesk_clients::error::Result;

/// The fewest assets a batch is cut to when a run is spread over the slots: below it a
/// batch's check and POST round trips cost more than its commit.
const SPREAD_FLOOR: usize = 100;

/// A planned change without an outcome, and whether its write may have landed already.
struct Pending {
    row: PlanRow,
    in_doubt: bool,
}

/// Applies the plan rows without an outcome: in batches while this AEM takes them, else each
/// on its own (`applying.rs`).
///
/// On an error (the journal cannot be written, a task failed), no new write starts
/// ([`feed_and_drain`]): the writes in flight finish (journaling what they can). The apply then
/// has no end record: the run shows as interrupted and a resume re-reads the assets left in
/// doubt.
pub(super) async fn apply_planned(
    ctx: &Arc<Ctx>,
    path: &Path,
    replay: &Replay,
    on_progress: ProgressFn<'_>,
) -> Result<()> {
    // A batch is one task: waiting for it alone would show no progress until it ends (a
    // refused batch's assets, written one by one, take a while).
    let tick = ctx
        .aem
        .batches()
        .then(|| ctx.settings.progress_interval.max(MIN_TICK));
    feed_and_drain(ctx, tick, on_progress, async |tasks| {
        feed_batches(ctx, path, replay, tasks, on_progress).await
    })
    .await
}

/// Whether a row can go in a batch: each of its values can be said in a Sling form, and the
/// form of its writes alone fits in one POST.
fn batchable(row: &PlanRow) -> bool {
    let changes = changes_of(row);
    !changes.is_empty()
        && row.path.starts_with(&format!("{DAM_ROOT}/"))
        // Not canonical (a journal edited since it was planned): the per-asset path fails it.
        && check_canonical(&row.path).is_ok()
        && changes.iter().all(|c| expressible(c.after.as_ref()))
        && {
            let (parameters, bytes) = planned_share(row);
            form_fits(parameters, bytes)
        }
}

/// What a row's writes add to a batch form, counted as the preview saw the asset (a
/// removal from a list is sent as one parameter per removed value): the form is cut again on
/// the values the check reads (`write_batch`), this keeps the batches close to that.
fn planned_share(row: &PlanRow) -> (usize, usize) {
    let changes = changes_of(row);
    let checked: Map<String, Value> = changes
        .iter()
        .filter_map(|c| Some((c.property.clone(), c.before.clone()?)))
        .collect();
    form_share(&AssetWrite {
        // The whole path: longer than the name relative to the batch's folder, never shorter.
        name: row.path.clone(),
        writes: writes_of(&changes),
        checked,
    })
}

/// Streams the plan and spawns a task per batch (per asset for a row no batch can say, or
/// once this AEM refused batch writes).
async fn feed_batches(
    ctx: &Arc<Ctx>,
    path: &Path,
    replay: &Replay,
    tasks: &mut JoinSet<Result<()>>,
    on_progress: ProgressFn<'_>,
) -> Result<()> {
    let mut batch: Vec<Pending> = Vec::new();
    let (mut parameters, mut bytes) = (0, 0);
    let size = batch_size(ctx, replay.counts.pending);
    if ctx.batches() && replay.counts.pending > 0 {
        // The CSRF token asked beside the first checks: each POST would wait for it.
        let ctx2 = ctx.clone();
        tasks.spawn(async move {
            // A failure is the first POST's to meet: it asks again.
            let _ = ctx2.call(|| ctx2.aem.prepare_writes()).await;
            Ok(())
        });
    }
    for pending in pending_rows(path, replay)? {
        let (row, in_doubt) = pending?;
        if ctx.control.is_cancelled() {
            return Ok(());
        }
        if !ctx.batches() || !batchable(&row) {
            spawn_row(ctx, tasks, row, in_doubt, on_progress).await?;
            continue;
        }
        let (needs, needs_bytes) = planned_share(&row);
        if !batch.is_empty()
            && (batch.len() >= size || !form_fits(parameters + needs, bytes + needs_bytes))
        {
            let ctx2 = ctx.clone();
            let full = std::mem::take(&mut batch);
            spawn_bounded(tasks, batches_in_flight(ctx), async move {
                apply_batch(&ctx2, full).await
            })
            .await?;
            (parameters, bytes) = (0, 0);
            ctx.progress(on_progress, false);
        }
        parameters += needs;
        bytes += needs_bytes;
        batch.push(Pending { row, in_doubt });
    }
    if !batch.is_empty() && !ctx.control.is_cancelled() {
        let ctx2 = ctx.clone();
        spawn_bounded(tasks, batches_in_flight(ctx), async move {
            apply_batch(&ctx2, batch).await
        })
        .await?;
    }
    Ok(())
}

/// Assets a batch holds. A run that fits in one batch is one check and one POST. A larger one
/// is cut into as many batches as the gate lets through at once (or a multiple of it), so
/// that their commits run side by side, each on a slot of its own, instead of a few full ones
/// leaving slots idle: at most the configured batch, at least [`SPREAD_FLOOR`].
fn batch_size(ctx: &Ctx, pending: u64) -> usize {
    let (limit, _, _) = ctx.gate.snapshot();
    let slots = limit.clamp(1, ctx.settings.max_tasks.max(1));
    let pending = usize::try_from(pending).unwrap_or(usize::MAX);
    spread(pending, slots, ctx.settings.batch_assets.max(1))
}

/// [`batch_size`] for `pending` writes, `slots` requests at once and batches of `most`.
fn spread(pending: usize, slots: usize, most: usize) -> usize {
    if pending <= most {
        return most;
    }
    let batches = slots * pending.div_ceil(slots * most);
    pending
        .div_ceil(batches)
        .clamp(SPREAD_FLOOR.min(most), most)
}

/// How many batches may be under way at once: as many as requests may be in flight. More
/// would check batches whose writes then wait behind the others' in the gate, widening the
/// time between an asset's check and its write (in which another user's change is not seen).
fn batches_in_flight(ctx: &Ctx) -> usize {
    let (limit, _, _) = ctx.gate.snapshot();
    limit.clamp(1, ctx.settings.max_tasks.max(1))
}

/// Each asset of `items` on its own (the per-asset path), as many at once as that path runs:
/// one after the other, a batch whose check failed on a struggling AEM would wait out every
/// asset's retries in turn.
async fn one_by_one(ctx: &Arc<Ctx>, items: Vec<Pending>) -> Result<()> {
    let mut tasks: JoinSet<Result<()>> = JoinSet::new();
    for item in items {
        if ctx.control.is_cancelled() {
            break;
        }
        let ctx2 = ctx.clone();
        spawn_bounded(&mut tasks, ctx.settings.max_tasks, async move {
            apply_row(&ctx2, item.row, item.in_doubt).await
        })
        .await?;
    }
    drain(&mut tasks).await
}

/// The deepest folder holding every one of `paths` (at least the DAM root).
fn common_folder<'a>(paths: impl Iterator<Item = &'a str>) -> String {
    let mut common: Option<Vec<&str>> = None;
    for path in paths {
        let parent: Vec<&str> = path
            .rsplit_once('/')
            .map_or("", |(p, _)| p)
            .split('/')
            .collect();
        common = Some(match common {
            None => parent,
            Some(c) => c
                .iter()
                .zip(&parent)
                .take_while(|(a, b)| a == b)
                .map(|(a, _)| *a)
                .collect(),
        });
    }
    let folder = common.unwrap_or_default().join("/");
    if folder.len() < DAM_ROOT.len() {
        DAM_ROOT.to_owned()
    } else {
        folder
    }
}

/// Checks a batch just before its write, as any check of known paths is made
/// (`checks::current_values`: small folders' assets in checks of several folders at once, the
/// others in checks of exact paths): each asset's current values of the batch's edited
/// properties, by path. `None` when a check could not be made (refused, failing, cancelled).
async fn check(ctx: &Arc<Ctx>, items: &[Pending]) -> Option<Checked> {
    let mut properties: Vec<String> = items
        .iter()
        .flat_map(|item| {
            changes_of(&item.row)
                .into_iter()
                .map(|c| c.property.clone())
        })
        .collect();
    properties.sort();
    properties.dedup();
    let all: Vec<String> = items.iter().map(|item| item.row.path.clone()).collect();
    current_values(ctx, &all, properties).await.complete()
}

/// Checks and writes one batch.
async fn apply_batch(ctx: &Arc<Ctx>, items: Vec<Pending>) -> Result<()> {
    if !ctx.batches() {
        return one_by_one(ctx, items).await;
    }
    // Assets in a folder that refuses this connection's writes are not tried.
    let mut tried = Vec::with_capacity(items.len());
    for item in items {
        match ctx.folder_refuses(&item.row.path) {
            Some(why) => {
                record_outcome(ctx, item.row.i, Ended::new(Outcome::Skipped, Some(why)))?;
            }
            None => tried.push(item),
        }
    }
    let items = tried;
    if items.is_empty() {
        return Ok(());
    }
    let Some(mut found) = check(ctx, &items).await else {
        if ctx.control.is_cancelled() {
            return Ok(());
        }
        // No batch check today (QueryBuilder refused or failing): each asset is read on its
        // own just before its write, as on the per-asset path, rather than all read first.
        tracing::warn!("batch check failed; checking each asset on its own");
        return one_by_one(ctx, items).await;
    };
    let mut confirmed: Vec<(Pending, Map<String, Value>)> = Vec::new();
    for item in items {
        let metadata = match found.remove(&item.row.path) {
            Some(metadata) => metadata,
            None => {
                // Not in the hits: the index may not have caught up with it. Read on its own.
                let asset = AssetRef {
                    path: item.row.path.clone(),
                    id: item.row.id.clone(),
                };
                match ctx.call(|| ctx.aem.read(&asset)).await {
                    Ok(current) => current.metadata,
                    Err(Failure::Cancelled | Failure::Call(CallError::Auth(_), _)) => continue,
                    Err(Failure::Call(e, n)) => {
                        record_outcome(ctx, item.row.i, Ended::failed(ctx, &e, n))?;
                        continue;
                    }
                }
            }
        };
        match compare(&changes_of(&item.row), &metadata) {
            Fresh::AlreadyAsWanted => {
                record_outcome(ctx, item.row.i, Ended::already_as_wanted(item.in_doubt))?;
            }
            Fresh::ChangedSince(changed) => {
                record_outcome(ctx, item.row.i, Ended::changed_since(changed))?;
            }
            Fresh::Write(original) => confirmed.push((item, original)),
        }
    }
    if confirmed.is_empty() || ctx.control.is_cancelled() {
        return Ok(());
    }
    if !ctx.batches() {
        return one_by_one(ctx, confirmed.into_iter().map(|(item, _)| item).collect()).await;
    }
    write_batch(ctx, confirmed).await
}

/// Writes the checked batch, cut into forms Sling reads whole ([`forms_of`]); an asset whose
/// writes alone would not fit is written on its own.
async fn write_batch(ctx: &Arc<Ctx>, confirmed: Vec<(Pending, Map<String, Value>)>) -> Result<()> {
    let cut = forms_of(
        confirmed
            .into_iter()
            .map(|(item, original)| {
                let (path, writes) = (item.row.path.clone(), writes_of(&changes_of(&item.row)));
                (item, path, writes, original)
            })
            .collect(),
    );
    for form in cut.forms {
        if ctx.control.is_cancelled() {
            return Ok(());
        }
        post_form(ctx, &cut.folder, form).await?;
    }
    if !cut.alone.is_empty() {
        one_by_one(ctx, cut.alone).await?;
    }
    Ok(())
}

/// A checked batch cut into forms: each form posted to `folder`, its assets named relative to
/// it; `alone`, those whose writes alone would not fit in a form.
pub(super) struct Forms<T> {
    pub(super) folder: String,
    pub(super) forms: Vec<Vec<(T, AssetWrite)>>,
    pub(super) alone: Vec<T>,
}

/// An asset a check just confirmed: its item, path, writes and the values the check read.
pub(super) type Confirmed<T> = (T, String, Vec<Write>, Map<String, Value>);

/// Cuts `confirmed` into
/// forms Sling reads whole, posted to their common folder: each asset's parameters counted
/// exactly as they are sent against the values just checked (a removal from a long list takes a
/// parameter per removed value), so no POST comes near AEM's cap, past which Sling silently
/// drops the rest (a lost `@Patch` turns `-value` removals into literal values).
pub(super) fn forms_of<T>(confirmed: Vec<Confirmed<T>>) -> Forms<T> {
    let folder = common_folder(confirmed.iter().map(|(_, path, _, _)| path.as_str()));
    let mut cut = Forms {
        folder,
        forms: Vec::new(),
        alone: Vec::new(),
    };
    let (mut parameters, mut bytes) = (0, 0);
    for (item, path, writes, checked) in confirmed {
        let asset = AssetWrite {
            name: path[cut.folder.len() + 1..].to_owned(),
            writes,
            checked,
        };
        let (n, b) = form_share(&asset);
        if !form_fits(n, b) {
            cut.alone.push(item);
            continue;
        }
        match cut.forms.last_mut() {
            Some(form) if form_fits(parameters + n, bytes + b) => {
                (parameters, bytes) = (parameters + n, bytes + b);
                form.push((item, asset));
            }
            _ => {
                (parameters, bytes) = (n, b);
                cut.forms.push(vec![(item, asset)]);
            }
        }
    }
    cut
}

/// Journals one form's intent, posts it, and journals what the answer says.
async fn post_form(ctx: &Arc<Ctx>, folder: &str, form: Vec<(Pending, AssetWrite)>) -> Result<()> {
    let last = form.len() - 1;
    for (k, (item, asset)) in form.iter().enumerate() {
        let record = Record::Writing {
            i: item.row.i,
            original: asset.checked.clone(),
            at: ctx.stamp(),
        };
        // One flush to disk for the whole batch: the journal keeps records in order, so the
        // last one durable means all are.
        if k == last {
            ctx.journal.append_durable(&record).await?;
        } else {
            ctx.journal.append(&record)?;
        }
    }
    let (items, assets): (Vec<Pending>, Vec<AssetWrite>) = form.into_iter().unzip();
    let posted = {
        let paths: Vec<&str> = items.iter().map(|item| item.row.path.as_str()).collect();
        post(ctx, folder, &paths, &assets).await
    };
    match posted {
        Ok(posted) => {
            for (item, posted) in items.into_iter().zip(posted) {
                match posted {
                    Posted::Failed(why) => {
                        let ended = Ended::new(Outcome::Failed, Some(why));
                        record_outcome(ctx, item.row.i, ended)?;
                    }
                    Posted::Changed => {
                        // A batch is a Sling POST (classic): an asset in doubt had no ETag to tell.
                        record_outcome(ctx, item.row.i, Ended::written(item.in_doubt))?;
                        ctx.write_accepted_at(&item.row.path)?;
                    }
                    // Whether its changes landed is unknown: read again, written on its own if
                    // need be.
                    Posted::Unlisted => apply_row(ctx, item.row, true).await?,
                }
            }
            Ok(())
        }
        // Stays in doubt: resume reads each asset again.
        Err(Failure::Cancelled | Failure::Call(CallError::Auth(_), _)) => Ok(()),
        Err(Failure::Call(e, _)) => refused(ctx, items, &e).await,
    }
}

/// What a batch POST's answer says of one asset of its form.
pub(super) enum Posted {
    /// Every property it was sent is listed as changed.
    Changed,
    /// Sling made a node the form did not ask for: not the change planned.
    Failed(SavedText),
    /// The answer does not list its changes: whether they landed is unknown.
    Unlisted,
}

/// Posts one form to `folder` (its intent journaled by the caller: it is never sent again
/// blind) and says what the answer means for each asset, `paths` in the form's order; `Err`
/// when the POST failed as a whole.
pub(super) async fn post(
    ctx: &Ctx,
    folder: &str,
    paths: &[&str],
    assets: &[AssetWrite],
) -> std::result::Result<Vec<Posted>, Failure> {
    let written = ctx
        .call_write_unmeasured(|| ctx.aem.write_many(folder, assets))
        .await?;
    // A node Sling made under no asset of the form: that commit did something the form did
    // not ask for, so no asset of it counts as changed. Each fails naming the node (its
    // original is journaled: an undo still reads and restores it).
    let stray = written.stray.first().map(|node| {
        tracing::warn!(%node, "a batch write created a node under none of its assets");
        SavedText::new(
            "reason-aem-created-stray-node",
            [
                ("path", node.as_str().into()),
                ("more", (written.stray.len() as u64 - 1).into()),
            ],
        )
    });
    Ok(paths
        .iter()
        .map(|path| {
            if let Some(why) = &stray {
                Posted::Failed(why.clone())
            } else if let Some(node) = written.created.get(*path) {
                // Sling made a node that was not there: not the change the preview showed.
                tracing::warn!(%path, %node, "a batch write created a node");
                let why =
                    SavedText::new("reason-aem-created-node", [("path", node.as_str().into())]);
                Posted::Failed(why)
            } else if written.changed.contains(*path) {
                Posted::Changed
            } else {
                tracing::warn!(%path, "a batch answer did not list this asset's changes");
                Posted::Unlisted
            }
        })
        .collect())
}

/// The status of an answer that refuses batch writes as such (not one asset's), if `e` is one.
pub(super) fn refusal_status(e: &CallError) -> Option<u16> {
    match e {
        CallError::Forbidden(_) => Some(403),
        CallError::NotFound => Some(404),
        CallError::Rejected { status: 405, .. } => Some(405),
        _ => None,
    }
}

/// A batch write that failed as a whole: each asset is written on its own, which finds the one
/// refused and why. When every one of them goes through, AEM refuses batch writes as such.
async fn refused(ctx: &Arc<Ctx>, confirmed: Vec<Pending>, e: &CallError) -> Result<()> {
    // A 4xx answer means the commit did not happen; after a 5xx or a cut answer it may have.
    let committed_maybe = !matches!(
        e,
        CallError::Forbidden(_)
            | CallError::NotFound
            | CallError::Rejected {
                status: 400..=499,
                ..
            }
    );
    tracing::info!(error = %e, assets = confirmed.len(), "a batch write failed; writing its assets one by one");
    let changed = Arc::new(AtomicUsize::new(0));
    let other = Arc::new(AtomicUsize::new(0));
    let mut tasks: JoinSet<Result<()>> = JoinSet::new();
    for item in confirmed {
        let (ctx2, changed, other) = (ctx.clone(), changed.clone(), other.clone());
        spawn_bounded(&mut tasks, ctx.settings.max_tasks, async move {
            match apply_one(&ctx2, &item.row, item.in_doubt || committed_maybe).await? {
                Some(ended) => {
                    match ended.outcome {
                        Outcome::Changed => changed.fetch_add(1, Ordering::Relaxed),
                        Outcome::Failed | Outcome::Skipped => other.fetch_add(1, Ordering::Relaxed),
                        Outcome::Unchanged => 0,
                    };
                    record_outcome(&ctx2, item.row.i, ended)
                }
                None => {
                    other.fetch_add(1, Ordering::Relaxed);
                    Ok(())
                }
            }
        })
        .await?;
    }
    drain(&mut tasks).await?;
    let (changed, other) = (
        changed.load(Ordering::Relaxed),
        other.load(Ordering::Relaxed),
    );
    if let Some(status) = refusal_status(e)
        && changed > 0
        && other == 0
    {
        ctx.write_per_asset(status, false).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Seen failing with every batch full ("left: 250, right: 150").
    #[test]
    fn a_run_is_cut_into_batches_that_fill_the_slots() {
        // 1,200 writes over 8 slots: 8 commits side by side, not 5 full batches.
        assert_eq!(spread(1200, 8, 250), 150);
        // More than one wave: still a multiple of the slots (16 batches of 150).
        assert_eq!(spread(2400, 8, 250), 150);
        // A run one batch holds stays one check and one POST.
        assert_eq!(spread(200, 8, 250), 250);
        // Never below the floor, never above the configured batch.
        assert_eq!(spread(300, 8, 250), SPREAD_FLOOR);
        assert_eq!(spread(10_000, 1, 250), 250);
        assert_eq!(spread(7, 8, 3), 3);
    }

    #[test]
    fn the_common_folder_of_a_batch() {
        let f = |paths: &[&str]| common_folder(paths.iter().copied());
        assert_eq!(
            f(&["/content/dam/a/x.jpg", "/content/dam/a/y.jpg"]),
            "/content/dam/a"
        );
        assert_eq!(
            f(&["/content/dam/a/b/x.jpg", "/content/dam/a/c/y.jpg"]),
            "/content/dam/a"
        );
        assert_eq!(f(&["/content/dam/x.jpg", "/content/dam/a/y.jpg"]), DAM_ROOT);
        assert_eq!(
            f(&["/content/dam/ab/x.jpg", "/content/dam/a/y.jpg"]),
            DAM_ROOT
        );
    }
}
