//! Applying a publish run: the planned rows without an outcome, up to
//! [`MAX_PATHS`] paths a request (`POST /bin/replicate.json`, one commit), as many requests at
//! once as the gate lets through (adaptive concurrency, throttling and retries as for writes).
//!
//! Each batch's assets are asked where they stand just before it is sent (one QueryBuilder
//! request): that state is journaled (`Writing`, on disk before the request leaves) so an undo
//! knows what was published before — the preview's state where the check does not return an
//! asset (the index lags behind an upload, or the check failed), and "not known" where neither
//! says, which an undo never takes as "not published" — and an asset that no longer needs the
//! replication (a republish's asset unpublished meanwhile, an unpublish's asset already
//! unpublished) is left alone. A refused request (403) names no path: it is split in halves until the refused
//! assets are found, each reported in words. A resume sends again what was in doubt, without a
//! second intent: replicating twice is harmless, and the first intent holds the state before.
//!
//! Not here: planning (`publishing.rs`).

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use serde_json::{Map, Value, json};
use tokio::task::JoinSet;

use super::context::{Ctx, Failure, drain, spawn_bounded};
use super::publishing::{ACTION_PROPERTY, Asked, STATE_UNKNOWN, asked};
use crate::journal::{Action, Outcome, PlanRow, Record, read_records};
use crate::progress::ProgressFn;
use crate::reasons;
use crate::replay::Replay;
use crate::spec::PublishFrom;
use metadesk_assets::CallError;
use metadesk_assets::publication::{MAX_PATHS, Publication, PublicationState, Replication};
use metadesk_base::i18n::SavedText;
use metadesk_clients::error::{Error, Result};

/// A planned row without an outcome, and whether its request may have been sent already.
struct Pending {
    i: u64,
    path: String,
    in_doubt: bool,
    /// Where the preview found the asset on the tier.
    planned: Option<PublicationState>,
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
    let republish = matches!(from, Some(PublishFrom::Republish { .. }));
    let mut batch: Vec<Pending> = Vec::new();
    let mut tasks: JoinSet<Result<()>> = JoinSet::new();
    for record in read_records(path)? {
        let Record::Row(PlanRow {
            i,
            path,
            action: Action::Change,
            publication,
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
            planned: publication,
        });
        if batch.len() >= MAX_PATHS {
            spawn_batch(
                ctx,
                &mut tasks,
                std::mem::take(&mut batch),
                asked,
                republish,
            )
            .await?;
            ctx.progress(on_progress, false);
        }
        if ctx.control.is_cancelled() {
            break;
        }
    }
    if !batch.is_empty() && !ctx.control.is_cancelled() {
        spawn_batch(ctx, &mut tasks, batch, asked, republish).await?;
    }
    ctx.listing_done
        .store(true, std::sync::atomic::Ordering::Relaxed);
    drain(&mut tasks).await
}

async fn spawn_batch(
    ctx: &Arc<Ctx>,
    tasks: &mut JoinSet<Result<()>>,
    batch: Vec<Pending>,
    asked: Asked,
    republish: bool,
) -> Result<()> {
    let (limit, _, _) = ctx.gate.snapshot();
    let ctx2 = ctx.clone();
    spawn_bounded(
        tasks,
        limit.clamp(1, ctx.settings.max_tasks.max(1)),
        async move { send_batch(&ctx2, batch, asked, republish).await },
    )
    .await
}

/// Asks where the batch's assets stand, journals the intent of those still to replicate, and
/// sends them.
async fn send_batch(
    ctx: &Arc<Ctx>,
    batch: Vec<Pending>,
    asked: Asked,
    republish: bool,
) -> Result<()> {
    let refs: Vec<&str> = batch.iter().map(|p| p.path.as_str()).collect();
    let mut now = match ctx.call(|| ctx.aem.publications(&refs, asked.agent)).await {
        Ok(found) => found,
        Err(Failure::Cancelled) => return Ok(()),
        // Sent anyway: the state before is then the preview's (`original_of`).
        Err(Failure::Call(e, _)) => {
            tracing::warn!(error = %e, "publication check before replicating failed");
            HashMap::new()
        }
    };
    let mut send = Vec::new();
    for item in batch {
        let state = now.remove(&item.path);
        let needed = match (&state, asked.replication) {
            (None, _) => true,
            (Some(s), Replication::Publish) => !republish || s.state().is_published(),
            (Some(s), Replication::Unpublish) => s.state().is_published(),
        };
        if !needed && !item.in_doubt {
            let (outcome, code) = match asked.replication {
                Replication::Publish => (Outcome::Skipped, "reason-publish-no-longer"),
                Replication::Unpublish => {
                    (Outcome::Unchanged, "reason-publish-already-unpublished")
                }
            };
            record(ctx, item.i, outcome, Some(SavedText::new(code, [])))?;
            continue;
        }
        send.push((item, state));
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
            original: original_of(state.as_ref(), item.planned),
            at: ctx.stamp(),
        })
        .collect();
    if let Some((last, rest)) = intents.split_last() {
        for intent in rest {
            ctx.journal.append(intent)?;
        }
        ctx.journal.append_durable(last).await?;
    }
    let items: Vec<Pending> = send.into_iter().map(|(item, _)| item).collect();
    replicate(ctx, items, asked).await
}

/// What the journal keeps of an asset's state before its replication: as asked just before
/// sending; where that check did not return the asset (AEM's index lags behind an upload, or
/// the check failed), as the preview found it (`planned`); where neither says, marked not
/// known ([`STATE_UNKNOWN`]), so that an undo does not take it as never published and
/// unpublish what was public before the run.
fn original_of(
    state: Option<&Publication>,
    planned: Option<PublicationState>,
) -> Map<String, Value> {
    let mut original = Map::new();
    let (action, at) = match (state, planned) {
        (Some(state), _) => (state.action.clone(), state.at.clone()),
        (None, Some(planned)) => {
            let action = match planned {
                PublicationState::NeverPublished => None,
                PublicationState::Modified | PublicationState::UpToDate => Some("Activate"),
                PublicationState::Unpublished => Some("Deactivate"),
            };
            (action.map(str::to_owned), None)
        }
        (None, None) => {
            original.insert(STATE_UNKNOWN.to_owned(), Value::Bool(true));
            (None, None)
        }
    };
    original.insert(
        ACTION_PROPERTY.to_owned(),
        action.map_or(Value::Null, |a| json!(a)),
    );
    original.insert(
        "cq:lastReplicated".to_owned(),
        at.map_or(Value::Null, |a| json!(a)),
    );
    original
}

/// Sends one request for `items`; a refused one is split until each refused asset is known.
async fn replicate(ctx: &Arc<Ctx>, items: Vec<Pending>, asked: Asked) -> Result<()> {
    let mut queue = vec![items];
    while let Some(items) = queue.pop() {
        if ctx.control.is_cancelled() {
            return Ok(());
        }
        let refs: Vec<&str> = items.iter().map(|p| p.path.as_str()).collect();
        let answer = ctx
            .call_unmeasured(|| ctx.aem.replicate(asked.replication, asked.agent, &refs))
            .await;
        match answer {
            Ok(()) => {
                ctx.write_accepted()?;
                for item in &items {
                    record(ctx, item.i, Outcome::Changed, None)?;
                }
            }
            Err(Failure::Cancelled | Failure::Call(CallError::Auth(_), _)) => return Ok(()),
            Err(Failure::Call(CallError::Forbidden(_) | CallError::NotFound, _))
                if items.len() > 1 =>
            {
                let mut items = items;
                let second = items.split_off(items.len() / 2);
                queue.push(second);
                queue.push(items);
            }
            Err(Failure::Call(CallError::Forbidden(_), _)) => {
                let item = &items[0];
                let folder = item.path.rsplit_once('/').map_or(&*item.path, |(f, _)| f);
                let account = ctx.spec.account.as_deref();
                let reason = reasons::publish_forbidden(folder, account);
                // Refused everywhere so far: the run stops in the same words, not an edit's.
                let stop = |_| {
                    let words = reasons::publish_forbidden_text(folder, account);
                    (words, reason.clone())
                };
                if let Some((outcome, reason)) = ctx.refused_then_stop(item.i, reason.clone(), stop)
                {
                    record(ctx, item.i, outcome, reason)?;
                }
            }
            Err(Failure::Call(e, attempts)) => {
                let account = ctx.spec.account.as_deref();
                let reason = match e {
                    CallError::NotFound => reasons::not_found(),
                    e => reasons::call_failed(&e, account, attempts),
                };
                for item in &items {
                    record(ctx, item.i, Outcome::Failed, Some(reason.clone()))?;
                }
            }
        }
    }
    Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::publishing::replicated_by;
    use crate::journal::{JournalWriter, PropertyChange, journal_path};
    use crate::spec::{Agent, RunKind, RunSpec, ScopeFilters};
    use metadesk_credentials::credentials::ApiFamily;

    fn row(i: u64) -> Record {
        Record::Row(PlanRow {
            i,
            path: format!("/content/dam/f/{i}.jpg"),
            id: None,
            etag: None,
            action: Action::Change,
            reason: None,
            changes: vec![PropertyChange {
                property: ACTION_PROPERTY.to_owned(),
                before: None,
                after: Some(json!("Activate")),
            }],
            publication: None,
        })
    }

    /// What an undo takes as "published before" comes from the check just before sending,
    /// else from the preview, else it is not known: never "not published" by default, which
    /// would unpublish what was public before the run.
    #[test]
    fn the_state_before_is_the_checks_else_the_previews_else_not_known() {
        let dir = tempfile::tempdir().unwrap();
        let w = JournalWriter::create(&journal_path(dir.path(), "p1")).unwrap();
        let spec = RunSpec {
            connection: "c".into(),
            connection_id: None,
            aem: "http://127.0.0.1:1".into(),
            family: ApiFamily::Classic,
            folder: "/content/dam/f".into(),
            filters: ScopeFilters::default(),
            edits: vec![],
            kind: RunKind::Publish {
                replication: Replication::Publish,
                agent: Agent::Publish,
                from: None,
            },
            account: None,
        };
        w.append(&Record::Run {
            v: 1,
            id: "p1".into(),
            created: "now".into(),
            spec,
        })
        .unwrap();
        let checked = Publication {
            action: Some("Activate".into()),
            ..Publication::default()
        };
        let originals = [
            // The check wins over the preview.
            original_of(Some(&checked), Some(PublicationState::NeverPublished)),
            original_of(None, Some(PublicationState::UpToDate)),
            original_of(None, Some(PublicationState::NeverPublished)),
            original_of(None, None),
        ];
        for (i, original) in originals.into_iter().enumerate() {
            w.append(&row(i as u64)).unwrap();
            w.append(&Record::Writing {
                i: i as u64,
                original,
                at: None,
            })
            .unwrap();
        }
        drop(w);
        let before: Vec<Option<bool>> = replicated_by(dir.path(), "p1")
            .unwrap()
            .into_iter()
            .map(|(_, was)| was)
            .collect();
        assert_eq!(before, [Some(true), Some(true), Some(false), None]);
    }
}
