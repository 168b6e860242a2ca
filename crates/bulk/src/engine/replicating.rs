//! Applying a publish run: the planned rows without an outcome, up to
//! [`MAX_PATHS`] paths a request (`POST /bin/replicate.json`, one commit), as many requests at
//! once as the gate lets through (adaptive concurrency, throttling and retries as for writes).
//!
//! Each batch's assets are read just before it is sent, as any check of known paths reads them
//! (`checks::states_now`; an asset no query returns is read on its own): that state is
//! journaled (`Writing`, on disk before the request leaves) so an undo knows what was published
//! before, and an asset that no longer needs the replication (a republish's asset unpublished
//! meanwhile, an unpublish's asset already unpublished) is left alone. An asset whose state
//! cannot be read (its query failed, then its own read) is never sent on the strength of the
//! preview: it fails, and says why. Once AEM answers, the state is read back and journaled
//! (`Replicated`): an undo acts only where the publication is still that one. A refused request
//! (403) names no path: it is split in halves until the refused assets are found, each reported
//! in words and decided by its folder, as a refused write is (AEM grants Replicate per folder:
//! a folder refusing the run is not sent further, and a run refused everywhere stops). A
//! request whose answer was lost (a timeout, a dropped connection) is never sent again blind:
//! its assets are read again first (`resend_after_lost_answer`). A resume reads
//! again what was in doubt and sends it again, without a second intent, only where nothing
//! replicated it since the first (`publish_undo::in_doubt`); an undo's apply decides again from
//! the undone run's journal and the fresh state (`publish_undo::decide`).
//!
//! Not here: planning (`publishing.rs`), the rules (`publish_undo.rs`).

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use tokio::task::JoinSet;

use super::checks::{metadata_codes, states_now};
use super::context::{Ctx, Failure};
use super::publish_undo::{
    DoneTo, Verdict, before_of, decide, done_by, in_doubt, is_after, landed, original_of,
};
use super::publishing::{Asked, asked};
use super::tasks::{MIN_TICK, feed_and_drain, spawn_bounded};
use crate::journal::{Action, Outcome, PlanRow, Record, read_records};
use crate::progress::ProgressFn;
use crate::reasons;
use crate::replay::Replay;
use crate::spec::PublishFrom;
use metadesk_assets::CallError;
use metadesk_assets::publication::{MAX_PATHS, Publication, Replication};
use metadesk_base::i18n::SavedText;
use metadesk_clients::error::{Error, Result};

/// A planned row without an outcome, and whether its request may have been sent already.
struct Pending {
    i: u64,
    path: String,
    in_doubt: bool,
    /// An asset in doubt: its state when the run first meant to send it (`None`: not known).
    before: Option<Publication>,
}

/// What decides whether a batch's asset is sent.
#[derive(Clone)]
struct Rules {
    asked: Asked,
    /// A republish: only assets still published are published again.
    republish: bool,
    /// An undo: what the undone run did, by path.
    undo: Option<Arc<HashMap<String, DoneTo>>>,
}

/// Replicates the rows of the run at `path` that have no outcome yet.
pub(super) async fn apply_publish(
    ctx: &Arc<Ctx>,
    path: &Path,
    replay: &Replay,
    on_progress: ProgressFn<'_>,
) -> Result<()> {
    let Some((asked, from)) = asked(&ctx.spec.kind) else {
        return Err(Error::Internal("a publish apply of another run".into()));
    };
    let undo = match from {
        Some(PublishFrom::Undo { of }) => {
            let runs_dir = path.parent().unwrap_or(Path::new("."));
            Some(Arc::new(done_by(runs_dir, of)?.into_iter().collect()))
        }
        _ => None,
    };
    let rules = Rules {
        asked,
        republish: matches!(from, Some(PublishFrom::Republish { .. })),
        undo,
    };
    // The state each asset in doubt had when the run first meant to send it (intents follow
    // the rows: read before the rows are batched).
    let mut first_intents: HashMap<u64, Option<Publication>> = HashMap::new();
    if !replay.in_doubt.is_empty() {
        for record in read_records(path)? {
            if let Record::Writing { i, original, .. } = record?
                && replay.in_doubt.contains(&i)
            {
                first_intents
                    .entry(i)
                    .or_insert_with(|| before_of(&original));
            }
        }
    }
    // The one task loop of every apply: on an error (the journal cannot be written, a task
    // failed) no new request starts and those in flight finish; a batch is one task, so
    // progress also flows on a tick while it runs.
    let tick = Some(ctx.settings.progress_interval.max(MIN_TICK));
    feed_and_drain(ctx, tick, on_progress, async |tasks| {
        let mut batch: Vec<Pending> = Vec::new();
        for record in read_records(path)? {
            let Record::Row(PlanRow {
                i,
                path,
                action: Action::Change,
                ..
            }) = record?
            else {
                continue;
            };
            if replay.outcomes.contains_key(&i) {
                continue;
            }
            batch.push(Pending {
                i,
                path,
                in_doubt: replay.in_doubt.contains(&i),
                before: first_intents.get(&i).cloned().flatten(),
            });
            if batch.len() >= MAX_PATHS {
                let full = std::mem::take(&mut batch);
                spawn_batch(ctx, tasks, full, &rules).await?;
                ctx.progress(on_progress, false);
            }
            if ctx.control.is_cancelled() {
                return Ok(());
            }
        }
        if !batch.is_empty() && !ctx.control.is_cancelled() {
            spawn_batch(ctx, tasks, batch, &rules).await?;
        }
        ctx.listing_done
            .store(true, std::sync::atomic::Ordering::Relaxed);
        Ok(())
    })
    .await
}

async fn spawn_batch(
    ctx: &Arc<Ctx>,
    tasks: &mut JoinSet<Result<()>>,
    batch: Vec<Pending>,
    rules: &Rules,
) -> Result<()> {
    let (limit, _, _) = ctx.gate.snapshot();
    let (ctx2, rules) = (ctx.clone(), rules.clone());
    spawn_bounded(
        tasks,
        limit.clamp(1, ctx.settings.max_tasks.max(1)),
        async move { send_batch(&ctx2, batch, &rules).await },
    )
    .await
}

/// Reads where the batch's assets stand, journals the intent of those still to replicate, and
/// sends them.
async fn send_batch(ctx: &Arc<Ctx>, batch: Vec<Pending>, rules: &Rules) -> Result<()> {
    let agent = rules.asked.agent;
    // An asset whose folder refuses this connection's replications is not sent (nor read);
    // one in doubt is read, as its earlier request may have landed.
    let mut rest = Vec::with_capacity(batch.len());
    for item in batch {
        match ctx.publish_refused_in(&item.path) {
            Some(reason) if !item.in_doubt => {
                record(ctx, item.i, Outcome::Failed, Some(reason))?;
            }
            _ => rest.push(item),
        }
    }
    let batch = rest;
    if batch.is_empty() {
        return Ok(());
    }
    let refs: Vec<&str> = batch.iter().map(|p| p.path.as_str()).collect();
    let Some(mut now) = read_states(ctx, &refs, agent).await else {
        return Ok(());
    };
    let codes = match tells_edits(rules) {
        true => Some(metadata_codes(ctx, &refs).await),
        false => None,
    };
    let mut send = Vec::new();
    for item in batch {
        let mut state = match state_or_failed(ctx, &mut now, &item, agent).await? {
            Read::State(state) => state,
            Read::Failed => continue,
            Read::Cancelled => return Ok(()),
        };
        // One not read keeps none: its unpublish is undone by its time alone, and an undo
        // takes it as changed.
        if let Some(codes) = &codes {
            state.metadata = codes.get(&item.path).cloned();
        }
        if landed_before_stop(ctx, rules, &item, &state) {
            record_landed(ctx, &item, state)?;
            continue;
        }
        match verdict(rules, &item, &state) {
            Verdict::Send => send.push((item, state)),
            Verdict::Unchanged(reason) => record(ctx, item.i, Outcome::Unchanged, Some(reason))?,
            Verdict::Skip(reason) => record(ctx, item.i, Outcome::Skipped, Some(reason))?,
        }
    }
    if send.is_empty() || ctx.control.is_cancelled() {
        return Ok(());
    }
    // On disk before the request leaves: the last intent waits for the disk, and with it
    // every record before it.
    let intents: Vec<Record> = send
        .iter()
        .filter(|(item, _)| !item.in_doubt)
        .map(|(item, state)| Record::Writing {
            i: item.i,
            original: original_of(state),
            at: ctx.stamp(),
        })
        .collect();
    if let Some((last, rest)) = intents.split_last() {
        for intent in rest {
            ctx.journal.append(intent)?;
        }
        ctx.journal.append_durable(last).await?;
    }
    replicate(ctx, send, rules.asked).await
}

/// Whether the run needs each asset's metadata code beside its publication: an unpublish
/// journals it, so that its undo can tell a colleague's edit since (AEM leaves
/// `jcr:lastModified` as it was on metadata updates), and an unpublish's undo compares it.
fn tells_edits(rules: &Rules) -> bool {
    match rules.asked.replication {
        Replication::Unpublish => rules.undo.is_none(),
        Replication::Publish => rules.undo.is_some() && !rules.republish,
    }
}

/// Whether an undo's asset in doubt was replicated by its own request before the process
/// stopped (`publish_undo::landed`): else a resume would take the undo's own replication for a
/// colleague's since the undone run.
fn landed_before_stop(ctx: &Ctx, rules: &Rules, item: &Pending, state: &Publication) -> bool {
    let Some(done) = rules.undo.as_ref().and_then(|undo| undo.get(&item.path)) else {
        return false;
    };
    let account = ctx.spec.account.as_deref();
    item.in_doubt
        && landed(
            rules.asked.replication,
            done,
            item.before.as_ref(),
            state,
            account,
        )
}

/// An asset whose request landed though its answer never reached the journal: its state
/// after, then its outcome, as for an answered request.
fn record_landed(ctx: &Ctx, item: &Pending, after: Publication) -> Result<()> {
    ctx.write_accepted_at(&item.path)?;
    let i = item.i;
    ctx.journal.append(&Record::Replicated { i, after })?;
    record(ctx, i, Outcome::Changed, None)
}

/// Whether one asset, standing at `state`, is sent.
fn verdict(rules: &Rules, item: &Pending, state: &Publication) -> Verdict {
    let replication = rules.asked.replication;
    if let Some(undo) = &rules.undo {
        return match undo.get(&item.path) {
            Some(done) => decide(replication, done, state),
            None => Verdict::Skip(SavedText::new("reason-publish-undo-not-confirmed", [])),
        };
    }
    if item.in_doubt
        && let Some(verdict) = in_doubt(replication, item.before.as_ref(), state)
    {
        return verdict;
    }
    let published = state.state().is_published();
    match replication {
        Replication::Publish if rules.republish && !published => {
            Verdict::Skip(SavedText::new("reason-publish-no-longer", []))
        }
        Replication::Publish => Verdict::Send,
        Replication::Unpublish if published => Verdict::Send,
        Replication::Unpublish => {
            Verdict::Unchanged(SavedText::new("reason-publish-already-unpublished", []))
        }
    }
}

/// Where `paths` stand, asked as any check of known paths asks (`checks::states_now`: small
/// folders' assets in queries of several folders at once, the others in queries of exact
/// paths). A path no answer gave (the index has not caught up with it, or its query failed) is
/// not in the result: it is read on its own ([`state_of`]), and fails on its own when that
/// read fails. `None` once the run is cancelled.
async fn read_states(
    ctx: &Arc<Ctx>,
    paths: &[&str],
    agent: metadesk_assets::publication::Agent,
) -> Option<HashMap<String, Publication>> {
    let owned: Vec<String> = paths.iter().map(|p| (*p).to_owned()).collect();
    let (found, _) = states_now(ctx, &owned, agent).await;
    (!ctx.control.is_cancelled()).then_some(found)
}

/// Where `path` stands: from `read` (what [`read_states`] found), else read on its own (AEM's
/// index had not caught up with it).
async fn state_of(
    ctx: &Arc<Ctx>,
    read: &mut HashMap<String, Publication>,
    path: &str,
    agent: metadesk_assets::publication::Agent,
) -> std::result::Result<Publication, Failure> {
    match read.remove(path) {
        Some(state) => Ok(state),
        None => ctx.call(|| ctx.aem.publication(path, agent)).await,
    }
}

/// Where an asset about to be sent stands.
enum Read {
    State(Publication),
    /// It could not be read: recorded as failed, and never sent blind.
    Failed,
    Cancelled,
}

/// [`state_of`] for `item`, an asset that is not sent unless its state is read.
async fn state_or_failed(
    ctx: &Arc<Ctx>,
    read: &mut HashMap<String, Publication>,
    item: &Pending,
    agent: metadesk_assets::publication::Agent,
) -> Result<Read> {
    match state_of(ctx, read, &item.path, agent).await {
        Ok(state) => Ok(Read::State(state)),
        Err(Failure::Cancelled) => Ok(Read::Cancelled),
        Err(Failure::Call(e, attempts)) => {
            let reason = unread(ctx, &e, attempts);
            record(ctx, item.i, Outcome::Failed, Some(reason))?;
            Ok(Read::Failed)
        }
    }
}

/// Why an asset was not sent when its state could not be read.
fn unread(ctx: &Ctx, e: &CallError, attempts: u32) -> SavedText {
    reasons::publication_unread(e, ctx.spec.account.as_deref(), attempts)
}

/// Reads back where `items` stand once AEM answered their request: the publication that is
/// the run's, for an undo to compare with. Only what shows this request is kept (a read AEM
/// had not updated yet says nothing).
async fn read_after(
    ctx: &Arc<Ctx>,
    items: &[(Pending, Publication)],
    replication: Replication,
    agent: metadesk_assets::publication::Agent,
) -> HashMap<u64, Publication> {
    let refs: Vec<&str> = items.iter().map(|(p, _)| p.path.as_str()).collect();
    let mut found = read_states(ctx, &refs, agent).await.unwrap_or_default();
    let mut after = HashMap::new();
    for (item, before) in items {
        if ctx.control.is_cancelled() && !found.contains_key(&item.path) {
            continue;
        }
        let Ok(state) = state_of(ctx, &mut found, &item.path, agent).await else {
            continue;
        };
        // An asset in doubt: its intent's state, not the one read before this resend.
        let before = if item.in_doubt {
            item.before.as_ref()
        } else {
            Some(before)
        };
        if is_after(&state, replication, before) {
            after.insert(item.i, state);
        }
    }
    after
}

/// Sends one request for `items`; a refused one is split until each refused asset is known. A
/// request whose answer was lost (a timeout, a dropped connection, a 5xx) may have landed: it
/// is never sent again blind, but only for the assets a fresh read shows nothing replicated
/// since (`resend_after_lost_answer`).
async fn replicate(ctx: &Arc<Ctx>, items: Vec<(Pending, Publication)>, asked: Asked) -> Result<()> {
    let mut queue = vec![(items, 0u32)];
    while let Some((items, lost)) = queue.pop() {
        if ctx.control.is_cancelled() {
            return Ok(());
        }
        // A half whose folder was found refusing meanwhile is not sent (each was read just
        // before: none landed).
        let mut rest = Vec::with_capacity(items.len());
        for (item, state) in items {
            match ctx.publish_refused_in(&item.path) {
                Some(reason) => record(ctx, item.i, Outcome::Failed, Some(reason))?,
                None => rest.push((item, state)),
            }
        }
        let items = rest;
        if items.is_empty() {
            continue;
        }
        let refs: Vec<&str> = items.iter().map(|(p, _)| p.path.as_str()).collect();
        let answer = ctx
            .call_write_unmeasured(|| ctx.aem.replicate(asked.replication, asked.agent, &refs))
            .await;
        match answer {
            Ok(()) => {
                // Their folders take replications: refusals held there were their own.
                for (item, _) in &items {
                    ctx.write_accepted_at(&item.path)?;
                }
                let mut after = read_after(ctx, &items, asked.replication, asked.agent).await;
                for (item, _) in &items {
                    if let Some(after) = after.remove(&item.i) {
                        ctx.journal
                            .append(&Record::Replicated { i: item.i, after })?;
                    }
                    record(ctx, item.i, Outcome::Changed, None)?;
                }
            }
            Err(Failure::Cancelled | Failure::Call(CallError::Auth(_), _)) => return Ok(()),
            Err(Failure::Call(CallError::Transient(_) | CallError::Unreachable(_), _))
                if lost < ctx.settings.retry.max_retries =>
            {
                if ctx.back_off(lost + 1, lost + 1).await.is_err() {
                    return Ok(());
                }
                if let Some(again) = resend_after_lost_answer(ctx, items, asked).await? {
                    queue.push((again, lost + 1));
                }
            }
            Err(Failure::Call(CallError::Forbidden(_) | CallError::NotFound, _))
                if items.len() > 1 =>
            {
                let mut items = items;
                let second = items.split_off(items.len() / 2);
                queue.push((second, lost));
                queue.push((items, lost));
            }
            Err(Failure::Call(CallError::Forbidden(_), _)) => {
                // Decided by its folder: AEM grants Replicate per folder.
                let item = &items[0].0;
                if let Some((outcome, reason)) = ctx.replication_refused(item.i, &item.path)? {
                    record(ctx, item.i, outcome, reason)?;
                }
            }
            Err(Failure::Call(e, attempts)) => {
                let account = ctx.spec.account.as_deref();
                let reason = match e {
                    CallError::NotFound => reasons::not_found(),
                    e => reasons::call_failed(&e, account, attempts),
                };
                for (item, _) in &items {
                    record(ctx, item.i, Outcome::Failed, Some(reason.clone()))?;
                }
            }
        }
    }
    Ok(())
}

/// After a request whose answer was lost: where each of `items` stands now decides. An asset
/// whose last replication since the state read before the request is the one asked, by this
/// run's account, is the lost request's: recorded as changed, not sent again. An asset nothing
/// replicated since goes back in the returned request. The rest follow a resume's rules for
/// assets in doubt (`publish_undo::in_doubt`: someone else's takedown is never undone). A read
/// that fails records the request's assets as failed (`None` then): nothing is sent blind.
async fn resend_after_lost_answer(
    ctx: &Arc<Ctx>,
    items: Vec<(Pending, Publication)>,
    asked: Asked,
) -> Result<Option<Vec<(Pending, Publication)>>> {
    let refs: Vec<&str> = items.iter().map(|(p, _)| p.path.as_str()).collect();
    let Some(mut now) = read_states(ctx, &refs, asked.agent).await else {
        return Ok(None);
    };
    let ours = |state: &Publication| {
        ctx.spec.account.is_some() && state.by.as_deref() == ctx.spec.account.as_deref()
    };
    let mut again = Vec::new();
    for (mut item, sent_from) in items {
        let state = match state_or_failed(ctx, &mut now, &item, asked.agent).await? {
            Read::State(state) => state,
            Read::Failed => continue,
            Read::Cancelled => return Ok(None),
        };
        if !item.in_doubt {
            item.in_doubt = true;
            item.before = Some(sent_from);
        }
        if is_after(&state, asked.replication, item.before.as_ref()) && ours(&state) {
            record_landed(ctx, &item, state)?;
            continue;
        }
        match in_doubt(asked.replication, item.before.as_ref(), &state) {
            None | Some(Verdict::Send) => again.push((item, state)),
            Some(Verdict::Unchanged(reason)) => {
                record(ctx, item.i, Outcome::Unchanged, Some(reason))?;
            }
            Some(Verdict::Skip(reason)) => record(ctx, item.i, Outcome::Skipped, Some(reason))?,
        }
    }
    Ok((!again.is_empty()).then_some(again))
}

fn record(ctx: &Ctx, i: u64, outcome: Outcome, reason: Option<SavedText>) -> Result<()> {
    ctx.journal.append(&Record::Outcome {
        i,
        outcome,
        reason,
        changed_since: Vec::new(),
        at: ctx.stamp(),
    })?;
    ctx.count(outcome);
    Ok(())
}
