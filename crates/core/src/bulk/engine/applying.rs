//! Applying a plan: each asset's originals journaled before its write, its outcome after;
//! an asset whose write may have landed before a crash is read again first.

use super::context::{Ctx, Failure, join_one, same, spawn_bounded, values_of};
use std::path::Path;
use std::sync::Arc;

use serde_json::{Map, Value};
use tokio::task::JoinSet;

use crate::assets::{AssetRef, CallError, Write};
use crate::bulk::journal::{Action, Outcome, PlanRow, PropertyChange, Record, read_records};
use crate::bulk::progress::ProgressFn;
use crate::bulk::reasons;
use crate::bulk::replay::Replay;
use crate::credentials::ApiFamily;

use crate::error::Result;

/// Streams the plan rows and applies those without an outcome.
///
/// On an error (the journal cannot be written, a task failed), no new write starts: the run
/// is cancelled, the writes in flight finish (journaling what they can), and the first error is
/// returned. The apply then has no end record: the run shows as interrupted and a resume
/// re-reads the assets left in doubt.
pub(super) async fn apply_rows(
    ctx: &Arc<Ctx>,
    path: &Path,
    replay: &Replay,
    on_progress: ProgressFn<'_>,
) -> Result<()> {
    let mut tasks: JoinSet<Result<()>> = JoinSet::new();
    let fed = feed_rows(ctx, path, replay, &mut tasks, on_progress).await;
    if fed.is_err() {
        ctx.control.cancel();
    }
    let mut first_error = fed.err();
    // Progress keeps flowing while the last tasks finish.
    while !tasks.is_empty() {
        if let Err(e) = join_one(&mut tasks).await
            && first_error.is_none()
        {
            ctx.control.cancel();
            first_error = Some(e);
        }
        ctx.progress(on_progress, false);
    }
    first_error.map_or(Ok(()), Err)
}

/// Spawns a task for each planned change without an outcome, in plan order.
pub(super) async fn feed_rows(
    ctx: &Arc<Ctx>,
    path: &Path,
    replay: &Replay,
    tasks: &mut JoinSet<Result<()>>,
    on_progress: ProgressFn<'_>,
) -> Result<()> {
    for record in read_records(path)? {
        let row = match record? {
            Record::Row(row) => row,
            Record::Previewed { .. } => break,
            _ => continue,
        };
        if row.action != Action::Change || replay.outcomes.contains_key(&row.i) {
            continue;
        }
        if ctx.control.is_cancelled() {
            break;
        }
        let in_doubt = replay.in_doubt.contains(&row.i);
        let ctx2 = ctx.clone();
        spawn_bounded(tasks, ctx.settings.max_tasks, async move {
            apply_row(&ctx2, row, in_doubt).await
        })
        .await?;
        ctx.progress(on_progress, false);
    }
    Ok(())
}

/// Applies one asset's planned change and journals the outcome. No outcome is journaled when
/// the run is cancelled or stopped before the asset's write: it stays pending.
pub(super) async fn apply_row(ctx: &Arc<Ctx>, row: PlanRow, in_doubt: bool) -> Result<()> {
    let result = apply_one(ctx, &row, in_doubt).await?;
    if let Some((outcome, reason)) = result {
        ctx.journal.append(&Record::Outcome {
            i: row.i,
            outcome,
            reason,
            at: ctx.stamp(),
        })?;
        ctx.count(outcome);
    }
    Ok(())
}

pub(super) async fn apply_one(
    ctx: &Arc<Ctx>,
    row: &PlanRow,
    in_doubt: bool,
) -> Result<Option<(Outcome, Option<String>)>> {
    let store = &ctx.store;
    let account = ctx.spec.account.as_deref();
    let asset = AssetRef {
        path: row.path.clone(),
        id: row.id.clone(),
    };
    let changes: Vec<&PropertyChange> = row
        .changes
        .iter()
        .filter(|c| !same(c.before.as_ref(), c.after.as_ref()))
        .collect();
    let failed =
        |e: &CallError, n: u32| Some((Outcome::Failed, Some(reasons::call_failed(e, account, n))));
    let mut etag = row.etag.clone();
    // In doubt: the write may have landed before the process stopped. Look before writing,
    // so a stale value is never written over a newer one.
    let needs_read =
        row.reread || in_doubt || (store.family() == ApiFamily::OpenApi && etag.is_none());
    if needs_read {
        let current = match ctx.call(|| store.read(&asset)).await {
            Ok(c) => c,
            Err(Failure::Cancelled) => return Ok(None),
            Err(Failure::Call(CallError::Auth(_), _)) => return Ok(None),
            Err(Failure::Call(e, n)) => return Ok(failed(&e, n)),
        };
        let now = |c: &PropertyChange| values_of(&current.metadata, &c.property);
        if changes.iter().all(|c| same(now(c), c.after.as_ref())) {
            let outcome = if in_doubt {
                Outcome::Changed
            } else {
                Outcome::Unchanged
            };
            let reason = (!in_doubt).then(|| "already as wanted when it was written".to_owned());
            return Ok(Some((outcome, reason)));
        }
        if let Some(c) = changes.iter().find(|c| !same(now(c), c.before.as_ref())) {
            let reason = reasons::changed_since_preview(&c.property, now(c));
            return Ok(Some((Outcome::Failed, Some(reason))));
        }
        etag = current.etag;
    }
    if ctx.control.is_cancelled() {
        return Ok(None);
    }
    let original: Map<String, Value> = changes
        .iter()
        .map(|c| (c.property.clone(), c.before.clone().unwrap_or(Value::Null)))
        .collect();
    ctx.journal
        .append_durable(&Record::Writing {
            i: row.i,
            original,
            at: ctx.stamp(),
        })
        .await?;
    let writes: Vec<Write> = changes
        .iter()
        .map(|c| Write {
            property: c.property.clone(),
            value: c.after.clone(),
        })
        .collect();
    let mut write_attempts = 0;
    let written = ctx
        .call_counted(&mut write_attempts, || {
            store.write(&asset, &writes, etag.as_deref())
        })
        .await;
    Ok(match written {
        Ok(_) => {
            ctx.write_accepted()?;
            Some((Outcome::Changed, None))
        }
        Err(Failure::Call(e @ CallError::Forbidden(_), n)) => {
            ctx.write_refused(row.i, reasons::call_failed(&e, account, n))
        }
        // Stays in doubt: resume re-reads it.
        Err(Failure::Cancelled) | Err(Failure::Call(CallError::Auth(_), _)) => None,
        Err(Failure::Call(CallError::Conflict, _)) => {
            // 412: either someone changed the asset, or an earlier attempt of ours landed
            // and its answer was lost. Only a fresh read tells which.
            match ctx.call(|| store.read(&asset)).await {
                Ok(current)
                    if changes.iter().all(|c| {
                        same(values_of(&current.metadata, &c.property), c.after.as_ref())
                    }) =>
                {
                    if write_attempts > 1 || in_doubt {
                        Some((Outcome::Changed, None))
                    } else {
                        Some((
                            Outcome::Unchanged,
                            Some(
                                "already as wanted: changed the same way in AEM after the preview"
                                    .into(),
                            ),
                        ))
                    }
                }
                Ok(_) => Some((Outcome::Failed, Some(reasons::CONFLICT.to_owned()))),
                Err(Failure::Cancelled) => None,
                Err(Failure::Call(CallError::Auth(_), _)) => None,
                Err(Failure::Call(e, n)) => failed(&e, n),
            }
        }
        Err(Failure::Call(e, n)) => failed(&e, n),
    })
}
