//! Applying a plan: each asset checked just before its write (a fresh read, or the preview's
//! ETag as `If-Match`) so a value changed since the preview is reported and never overwritten,
//! the values the write replaces journaled before it, its outcome after; an asset whose write
//! may have landed before a crash is read again first.

use super::context::{Ctx, Failure, same, values_of};
use super::tasks::spawn_bounded;
use std::path::Path;
use std::sync::Arc;

use serde_json::{Map, Value};
use tokio::task::JoinSet;

use crate::journal::{
    Action, ChangedSince, Outcome, PlanRow, PropertyChange, Record, read_records,
};
use crate::progress::ProgressFn;
use crate::reasons;
use crate::replay::Replay;
use metadesk_assets::asset_path::check_canonical;
use metadesk_assets::{AssetRef, CallError, Write};
use metadesk_base::i18n::SavedText;
use metadesk_credentials::credentials::ApiFamily;

use metadesk_clients::error::Result;

/// The planned changes without an outcome yet, in plan order, each with whether its write may
/// have landed already (in doubt).
pub(super) fn pending_rows(
    path: &Path,
    replay: &Replay,
) -> Result<impl Iterator<Item = Result<(PlanRow, bool)>>> {
    Ok(read_records(path)?
        .take_while(|record| !matches!(record, Ok(Record::Previewed { .. })))
        .filter_map(|record| match record {
            Err(e) => Some(Err(e)),
            Ok(Record::Row(row))
                if row.action == Action::Change && !replay.outcomes.contains_key(&row.i) =>
            {
                let in_doubt = replay.in_doubt.contains(&row.i);
                Some(Ok((row, in_doubt)))
            }
            Ok(_) => None,
        }))
}

/// Spawns the apply of one planned change on its own.
pub(super) async fn spawn_row(
    ctx: &Arc<Ctx>,
    tasks: &mut JoinSet<Result<()>>,
    row: PlanRow,
    in_doubt: bool,
    on_progress: ProgressFn<'_>,
) -> Result<()> {
    let ctx2 = ctx.clone();
    spawn_bounded(tasks, ctx.settings.max_tasks, async move {
        apply_row(&ctx2, row, in_doubt).await
    })
    .await?;
    ctx.progress(on_progress, false);
    Ok(())
}

/// Applies one asset's planned change and journals the outcome. No outcome is journaled when
/// the run is cancelled or stopped before the asset's write: it stays pending.
pub(super) async fn apply_row(ctx: &Arc<Ctx>, row: PlanRow, in_doubt: bool) -> Result<()> {
    if let Some(ended) = apply_one(ctx, &row, in_doubt).await? {
        record_outcome(ctx, row.i, ended)?;
    }
    Ok(())
}

/// Journals how the apply of asset `i` ended, and counts it.
pub(super) fn record_outcome(ctx: &Ctx, i: u64, ended: Ended) -> Result<()> {
    ctx.journal.append(&Record::Outcome {
        i,
        outcome: ended.outcome,
        reason: ended.reason,
        changed_since: ended.changed_since,
        at: ctx.stamp(),
    })?;
    ctx.count(ended.outcome);
    Ok(())
}

/// How the apply of one asset ended: its outcome record.
pub(super) struct Ended {
    pub(super) outcome: Outcome,
    reason: Option<SavedText>,
    /// Set when nothing was written because someone changed the asset after the preview.
    changed_since: Vec<ChangedSince>,
}

impl Ended {
    pub(super) fn new(outcome: Outcome, reason: Option<SavedText>) -> Self {
        Ended {
            outcome,
            reason,
            changed_since: Vec::new(),
        }
    }

    /// A read just before the write found every edited property as planned: an asset whose
    /// earlier write may have landed (in doubt) was changed by this run, another was not.
    pub(super) fn already_as_wanted(in_doubt: bool) -> Self {
        if in_doubt {
            Ended::new(Outcome::Changed, None)
        } else {
            Ended::new(
                Outcome::Unchanged,
                Some(SavedText::new("reason-already-as-wanted-at-write", [])),
            )
        }
    }

    /// The asset could not be read or written: `e`, after `attempts` attempts.
    pub(super) fn failed(ctx: &Ctx, e: &CallError, attempts: u32) -> Self {
        let account = ctx.spec.account.as_deref();
        Ended::new(
            Outcome::Failed,
            Some(reasons::call_failed(e, account, attempts)),
        )
    }

    /// The values the preview saw, under another version of the asset than the one a write
    /// of this run that may have landed was sent against: someone changed the asset after that
    /// write (maybe putting its values back). Their change is kept: nothing is written again.
    /// Written. `unverifiable`: a write sent again while nothing could tell whether an earlier
    /// one of this run had landed and been put back since (the classic API has no ETag), which
    /// the report says.
    pub(super) fn written(unverifiable: bool) -> Self {
        let note = unverifiable.then(|| SavedText::new("reason-written-again-unverifiable", []));
        Self::new(Outcome::Changed, note)
    }

    pub(super) fn put_back() -> Self {
        Ended::new(
            Outcome::Skipped,
            Some(SavedText::new("reason-put-back-since-write", [])),
        )
    }

    pub(super) fn changed_since(changed: Vec<ChangedSince>) -> Self {
        Ended {
            outcome: Outcome::Failed,
            reason: Some(reasons::changed_since(&changed)),
            changed_since: changed,
        }
    }
}

/// What a fresh read of an asset says about its planned change.
pub(super) enum Fresh {
    /// Every edited property already holds the planned value.
    AlreadyAsWanted,
    /// Someone changed these properties after the preview (to something else than planned).
    ChangedSince(Vec<ChangedSince>),
    /// Still as the preview saw it (or already as planned): write, replacing these values.
    Write(Map<String, Value>),
}

pub(super) fn compare(changes: &[&PropertyChange], metadata: &Map<String, Value>) -> Fresh {
    let now = |c: &PropertyChange| values_of(metadata, &c.property);
    if changes.iter().all(|c| same(now(c), c.after.as_ref())) {
        return Fresh::AlreadyAsWanted;
    }
    // A property someone set to the planned value is no conflict: writing it again is a no-op,
    // and its original is then their value, so an undo leaves their change as it is.
    let changed: Vec<ChangedSince> = changes
        .iter()
        .filter(|c| !same(now(c), c.before.as_ref()) && !same(now(c), c.after.as_ref()))
        .map(|c| ChangedSince {
            property: c.property.clone(),
            preview: c.before.clone(),
            now: now(c).cloned(),
        })
        .collect();
    if !changed.is_empty() {
        return Fresh::ChangedSince(changed);
    }
    Fresh::Write(
        changes
            .iter()
            .map(|c| (c.property.clone(), now(c).cloned().unwrap_or(Value::Null)))
            .collect(),
    )
}

/// The row's changes that change something.
pub(super) fn changes_of(row: &PlanRow) -> Vec<&PropertyChange> {
    row.changes
        .iter()
        .filter(|c| !same(c.before.as_ref(), c.after.as_ref()))
        .collect()
}

/// What a row's write sends.
pub(super) fn writes_of(changes: &[&PropertyChange]) -> Vec<Write> {
    changes
        .iter()
        .map(|c| Write {
            property: c.property.clone(),
            value: c.after.clone(),
        })
        .collect()
}

/// 412 answers (OpenAPI) tolerated per asset while other properties than the edited ones keep
/// changing; then the asset fails and "retry the failed assets" plans it again.
const CONFLICTS_PER_ASSET: u32 = 3;

pub(super) async fn apply_one(
    ctx: &Arc<Ctx>,
    row: &PlanRow,
    in_doubt: bool,
) -> Result<Option<Ended>> {
    // The plan's paths were checked when it was journaled; a journal edited since is not
    // trusted to name the asset it did (a read or write through `url` resolves `..`).
    if let Err(problem) = check_canonical(&row.path) {
        let why = SavedText::new(problem.code(), [("path", row.path.as_str().into())]);
        return Ok(Some(Ended::new(Outcome::Failed, Some(why))));
    }
    // Its folder refuses this connection's writes: not tried.
    if let Some(why) = ctx.folder_refuses(&row.path) {
        return Ok(Some(Ended::new(Outcome::Skipped, Some(why))));
    }
    let aem = &ctx.aem;
    let account = ctx.spec.account.as_deref();
    let asset = AssetRef {
        path: row.path.clone(),
        id: row.id.clone(),
    };
    let changes = changes_of(row);
    let failed = |e: &CallError, n: u32| {
        Some(Ended::new(
            Outcome::Failed,
            Some(reasons::call_failed(e, account, n)),
        ))
    };
    // The asset as AEM holds it now, or how the row ends when it cannot be read (cancelled or
    // signed out: left in doubt for a resume; any other failure: failed, with why).
    let read_now = || async {
        match ctx.call(|| aem.read(&asset)).await {
            Ok(current) => Ok(current),
            Err(Failure::Cancelled) | Err(Failure::Call(CallError::Auth(_), _)) => Err(None),
            Err(Failure::Call(e, n)) => Err(failed(&e, n)),
        }
    };
    let mut etag = row.etag.clone();
    let mut original: Map<String, Value> = changes
        .iter()
        .map(|c| (c.property.clone(), c.before.clone().unwrap_or(Value::Null)))
        .collect();
    // Before any write, know what it replaces, so a value someone changed after the preview
    // is never overwritten unsaid:
    // - OpenAPI sends the ETag of the read that gave the preview's `before` as `If-Match`; AEM
    //   refuses the write (412) if the asset changed since, so what it replaces is `before`.
    // - The classic Assets HTTP API has no conditional write (its PUT ignores `If-Match`), so
    //   every asset is read just before its write and written only if its edited properties
    //   still hold `before`. This narrows the window to the time between that GET and the PUT
    //   (one round trip, tens of milliseconds), but does not close it: a change another user
    //   saves inside it is overwritten, and the journal then holds the value we read, so an undo
    //   restores that and not theirs. No classic API can do better.
    // - An asset whose write may have landed before the process stopped (in doubt) is read too.
    //   Its values back to what the preview saw under another ETag than the one that write was
    //   sent against mean it changed since: the write may have landed and been put back, so it
    //   is not sent again. The classic API gives no such tag (and `jcr:lastModified` does not
    //   follow metadata writes): there, values alone decide, so such a write is sent again
    //   and its report says that nothing could tell whether someone had put the values back.
    let mut unverifiable = false;
    let needs_read = aem.family() == ApiFamily::Classic || in_doubt || etag.is_none();
    if needs_read {
        let sent = in_doubt.then(|| ctx.sent_against(row.i)).flatten();
        let current = match read_now().await {
            Ok(current) => current,
            Err(ended) => return Ok(ended),
        };
        match compare(&changes, &current.metadata) {
            Fresh::AlreadyAsWanted => return Ok(Some(Ended::already_as_wanted(in_doubt))),
            Fresh::ChangedSince(changed) => {
                return Ok(Some(Ended::changed_since(changed)));
            }
            Fresh::Write(_) if changed_after(sent.as_deref(), current.etag.as_deref()) => {
                return Ok(Some(Ended::put_back()));
            }
            Fresh::Write(now) => {
                unverifiable = in_doubt && (sent.is_none() || current.etag.is_none());
                original = now;
                etag = current.etag;
            }
        }
    }
    let writes = writes_of(&changes);
    let mut conflicts = 0;
    // Writes whose answer was lost (a timeout, a dropped connection, a 5xx): each may have
    // landed, so the asset is read again before the write is sent again.
    let mut lost = 0u32;
    loop {
        if ctx.control.is_cancelled() {
            return Ok(None);
        }
        if let Some(etag) = &etag {
            ctx.journal.append(&Record::SentAgainst {
                i: row.i,
                etag: etag.clone(),
            })?;
        }
        ctx.journal
            .append_durable(&Record::Writing {
                i: row.i,
                original: original.clone(),
                at: ctx.stamp(),
            })
            .await?;
        let mut write_attempts = 0;
        let written = ctx
            .call_write(&mut write_attempts, || {
                aem.write(&asset, &writes, etag.as_deref())
            })
            .await;
        return Ok(match written {
            Ok(_) => {
                ctx.write_accepted_at(&row.path)?;
                Some(Ended::written(unverifiable))
            }
            Err(Failure::Call(e @ CallError::Forbidden(_), n)) => ctx
                .write_refused(row.i, &row.path, reasons::call_failed(&e, account, n))?
                .map(|(outcome, reason)| Ended::new(outcome, reason)),
            // Stays in doubt: resume re-reads it.
            Err(Failure::Cancelled) | Err(Failure::Call(CallError::Auth(_), _)) => None,
            Err(Failure::Call(e @ (CallError::Transient(_) | CallError::Unreachable(_)), n)) => {
                lost += 1;
                if lost > ctx.settings.retry.max_retries {
                    return Ok(failed(&e, lost));
                }
                if ctx.back_off(lost, lost + n).await.is_err() {
                    return Ok(None);
                }
                let current = match read_now().await {
                    Ok(current) => current,
                    Err(ended) => return Ok(ended),
                };
                match compare(&changes, &current.metadata) {
                    // The lost write landed.
                    Fresh::AlreadyAsWanted => Some(Ended::new(Outcome::Changed, None)),
                    Fresh::ChangedSince(changed) => Some(Ended::changed_since(changed)),
                    Fresh::Write(_) if changed_after(etag.as_deref(), current.etag.as_deref()) => {
                        Some(Ended::put_back())
                    }
                    // Still as the preview saw it: the write did not land (on the classic API,
                    // or landed and was put back within this round trip, which nothing tells).
                    Fresh::Write(now) => {
                        unverifiable |= current.etag.is_none();
                        original = now;
                        etag = current.etag;
                        continue;
                    }
                }
            }
            Err(Failure::Call(CallError::Conflict, _)) => {
                // 412: someone changed the asset (maybe another property than ours), or an
                // earlier attempt of ours landed and its answer was lost. Only a fresh read
                // tells which.
                let current = match read_now().await {
                    Ok(current) => current,
                    Err(ended) => return Ok(ended),
                };
                match compare(&changes, &current.metadata) {
                    Fresh::AlreadyAsWanted if write_attempts > 1 || in_doubt => {
                        Some(Ended::new(Outcome::Changed, None))
                    }
                    Fresh::AlreadyAsWanted => Some(Ended::new(
                        Outcome::Unchanged,
                        Some(SavedText::new("reason-changed-the-same-way", [])),
                    )),
                    Fresh::ChangedSince(changed) => Some(Ended::changed_since(changed)),
                    // Only other properties changed: ours still hold what the preview saw, so
                    // write again against the new ETag.
                    Fresh::Write(now) if conflicts < CONFLICTS_PER_ASSET => {
                        conflicts += 1;
                        original = now;
                        etag = current.etag;
                        continue;
                    }
                    Fresh::Write(_) => Some(Ended::new(Outcome::Failed, Some(reasons::conflict()))),
                }
            }
            Err(Failure::Call(e, n)) => failed(&e, n),
        });
    }
}

/// Whether an asset read under ETag `now` changed after a write was sent against `sent`.
fn changed_after(sent: Option<&str>, now: Option<&str>) -> bool {
    matches!((sent, now), (Some(sent), Some(now)) if sent != now)
}
