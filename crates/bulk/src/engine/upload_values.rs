//! An upload's values from its sheet, written once AEM has processed each file (its extraction
//! replaces what is written before). Files are gathered into batches as they finish processing;
//! each batch is checked just before it leaves (one QueryBuilder check of exact paths: each
//! asset's `jcr:lastModified` beside its metadata) and written in the engine's batch writes (one
//! Sling POST for many assets: `batched.rs`'s forms and answers) where the connection batches,
//! else one asset per request (the Assets HTTP API's `PUT`, the engine's `AssetsApi::write`).
//!
//! An asset whose time, or a value the sheet writes, is no longer what was journaled when its
//! processing ended (`metadesk_assets::fingerprint::Held`; AEM leaves the time as it was on
//! metadata updates, so values are compared) was changed by someone since (a resume hours
//! later): its values are left alone and the run says so, unless what changed it was this
//! run's own write whose answer was lost (the values are there: done). Each write is journaled
//! `sending` durably before it leaves, then `done` with what AEM holds after it (read back: the
//! undo tells a later change by it), `refused` or `left_alone`. A batch whose POST fails is
//! written again one asset per request, each checked again, so no batch is half-recorded; a
//! write whose answer was lost is never sent again before the asset is read back.
//!
//! Not here: sending the files and waiting for their processing (`upload.rs`).

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use futures_util::StreamExt;
use futures_util::future::join_all;
use serde_json::{Map, Value};
use tokio::sync::mpsc::UnboundedReceiver;

use metadesk_assets::batch::fits_in_check;
use metadesk_assets::classic::ClassicAssets;
use metadesk_assets::fingerprint::Held;
use metadesk_assets::metadata_checks::Timed;
use metadesk_assets::{AssetRef, CallError, Write};
use metadesk_base::i18n::SavedText;
use metadesk_base::timefmt::now_rfc3339;
use metadesk_clients::error::Result;

use super::batched::{Posted, forms_of, post, refusal_status};
use super::context::why;
use super::context::{Ctx, Failure};
use super::operating::journal_part;
use crate::journal::Record;
use crate::parts::{PartJournal, PartState, RunPart};
use crate::upload::PlannedFile;

/// How long a batch waits, once its first file is processed, for others to be (unless it is
/// full or no more can come): files sent together are processed at about the same time.
const GATHER: Duration = Duration::from_millis(250);

/// A file AEM has processed whose values are to be written.
pub(super) struct Ready<'a> {
    pub(super) file: &'a PlannedFile,
    /// What AEM held of the asset as processing left it (journaled by an earlier attempt, else
    /// seen by this one): another time or value means someone changed it since.
    pub(super) seen: Held,
    /// What AEM holds now, just read; `None`: read it before writing.
    pub(super) now: Option<Timed>,
    /// An earlier write of these values may have landed (its answer was lost, or its batch
    /// failed in a way that may hide a commit).
    pub(super) in_doubt: bool,
}

impl<'a> Ready<'a> {
    /// `file`, processed, AEM holding `now`, as the journal left it.
    pub(super) fn new(file: &'a PlannedFile, journal: &PartJournal, now: Timed) -> Self {
        Ready {
            file,
            // An identity alone (its processing was not seen to end then) tells no change:
            // what AEM holds now, processed, is what processing left.
            seen: match journal
                .held
                .get(&file.part())
                .map(|held| Held::parse(held))
                .filter(Held::tells_changes)
            {
                Some(held) => held,
                None => held_of(file, &now),
            },
            now: Some(now),
            in_doubt: journal.state(&file.metadata_part()) == Some(PartState::Sending),
        }
    }

    /// The same file, to check again on its own (read first); `in_doubt` when a
    /// write of it just left without an answer that says it landed.
    fn again(self, in_doubt: bool) -> Self {
        Ready {
            now: None,
            in_doubt: self.in_doubt || in_doubt,
            ..self
        }
    }
}

/// Whether `file`'s values are still to be written: the sheet gives some, and they were
/// neither written nor left to someone's change.
pub(super) fn to_describe(file: &PlannedFile, journal: &PartJournal) -> bool {
    !file.metadata.is_empty()
        && !matches!(
            journal.state(&file.metadata_part()),
            Some(PartState::Done | PartState::LeftAlone)
        )
}

/// Writes the values of the files `ready` hands over, in batches gathered as they come, until
/// it closes (or the run is cancelled). `Some(why)` when some were refused: a resume tries them
/// again.
pub(super) async fn describe_all(
    ctx: &Arc<Ctx>,
    aem: &ClassicAssets,
    mut ready: UnboundedReceiver<Ready<'_>>,
) -> Result<Option<SavedText>> {
    let most = ctx.settings.batch_assets.max(1);
    let mut refused = None;
    while let Some(first) = ready.recv().await {
        let mut batch = vec![first];
        let until = tokio::time::Instant::now() + GATHER;
        while batch.len() < most {
            match tokio::time::timeout_at(until, ready.recv()).await {
                Ok(Some(next)) => batch.push(next),
                Ok(None) | Err(_) => break,
            }
        }
        if ctx.control.is_cancelled() {
            break;
        }
        let why = if ctx.batches() {
            describe_batch(ctx, aem, batch).await?
        } else {
            one_by_one(ctx, aem, batch).await?
        };
        refused = why.or(refused);
    }
    Ok(refused)
}

/// One batch: checked, then its assets still as processing left them posted together.
async fn describe_batch(
    ctx: &Arc<Ctx>,
    aem: &ClassicAssets,
    batch: Vec<Ready<'_>>,
) -> Result<Option<SavedText>> {
    let files: Vec<&PlannedFile> = batch.iter().map(|r| r.file).collect();
    let Some(mut found) = times(ctx, aem, &files).await else {
        if ctx.control.is_cancelled() {
            return Ok(None);
        }
        // No check today (QueryBuilder refused or failing): each asset is read on its own
        // just before its write.
        let each = batch.into_iter().map(|r| r.again(false)).collect();
        return one_by_one(ctx, aem, each).await;
    };
    let (mut confirmed, mut alone) = (Vec::new(), Vec::new());
    for ready in batch {
        match found.remove(&ready.file.aem_path) {
            // Not in the hits: the index has not caught up with it. Read on its own.
            None => alone.push(ready.again(false)),
            Some(now) if moved_since(&ready, &now) => settle_moved(ctx, &ready, &now).await?,
            Some(_) => confirmed.push(ready),
        }
    }
    let mut refused = post_all(ctx, aem, confirmed).await?;
    if !alone.is_empty() {
        refused = one_by_one(ctx, aem, alone).await?.or(refused);
    }
    Ok(refused)
}

/// Posts the confirmed files' values in forms, each form journaled `sending` before it leaves,
/// then reads back the time AEM gave each asset written.
async fn post_all(
    ctx: &Arc<Ctx>,
    aem: &ClassicAssets,
    confirmed: Vec<Ready<'_>>,
) -> Result<Option<SavedText>> {
    let cut = forms_of(
        confirmed
            .into_iter()
            .map(|r| {
                let (path, writes) = (r.file.aem_path.clone(), writes_of(r.file));
                (r, path, writes, Map::new())
            })
            .collect(),
    );
    let mut again: Vec<Ready> = cut.alone.into_iter().map(|r| r.again(false)).collect();
    let (mut written, mut refused) = (Vec::new(), None);
    for form in cut.forms {
        if ctx.control.is_cancelled() {
            break;
        }
        let (items, assets): (Vec<Ready>, Vec<_>) = form.into_iter().unzip();
        let sending = items.iter().map(|r| r.file.metadata_part());
        journal_all(
            ctx,
            sending
                .map(|p| (p, PartState::Sending, None, None))
                .collect(),
        )
        .await?;
        let posted = {
            let paths: Vec<&str> = items.iter().map(|r| r.file.aem_path.as_str()).collect();
            post(ctx, &cut.folder, &paths, &assets).await
        };
        match posted {
            Ok(posted) => {
                for (ready, posted) in items.into_iter().zip(posted) {
                    match posted {
                        Posted::Changed => written.push(ready.file),
                        Posted::Failed(why) => {
                            refused = Some(refuse(ctx, ready.file.metadata_part(), why).await?);
                        }
                        // Whether they landed is unknown: checked again on its own.
                        Posted::Unlisted => again.push(ready.again(true)),
                    }
                }
            }
            // Stays `sending`: a resume reads each asset again.
            Err(Failure::Cancelled | Failure::Call(CallError::Auth(_), _)) => break,
            Err(Failure::Call(e, _)) => {
                // After a 5xx or a cut answer the commit may have happened.
                let each = items.into_iter().map(|r| r.again(true)).collect();
                refused = refused_batch(ctx, aem, each, &e).await?.or(refused);
            }
        }
    }
    done_at_now(ctx, aem, &written).await?;
    if !again.is_empty() {
        refused = one_by_one(ctx, aem, again).await?.or(refused);
    }
    Ok(refused)
}

/// A batch POST that failed as a whole: each asset is checked and written on its own, which
/// finds the one refused and why (or that a commit landed after all). When every one of them
/// goes through, this AEM refuses batch writes as such: the rest goes one asset per request.
async fn refused_batch(
    ctx: &Arc<Ctx>,
    aem: &ClassicAssets,
    files: Vec<Ready<'_>>,
    e: &CallError,
) -> Result<Option<SavedText>> {
    tracing::info!(error = %e, assets = files.len(), "a batch of upload values failed; writing them one by one");
    let refused = one_by_one(ctx, aem, files).await?;
    if let Some(status) = refusal_status(e)
        && refused.is_none()
        && !ctx.control.is_cancelled()
    {
        ctx.write_per_asset(status, false).await?;
    }
    Ok(refused)
}

/// Each file's values on its own (the per-asset path), as many at once as a run works on.
async fn one_by_one(
    ctx: &Arc<Ctx>,
    aem: &ClassicAssets,
    files: Vec<Ready<'_>>,
) -> Result<Option<SavedText>> {
    let each: Vec<_> = files
        .into_iter()
        .map(|ready| describe_one(ctx, aem, ready))
        .collect();
    let results: Vec<Result<Option<SavedText>>> = futures_util::stream::iter(each)
        .buffer_unordered(ctx.settings.max_tasks.max(1))
        .collect()
        .await;
    let mut refused = None;
    for result in results {
        refused = result?.or(refused);
    }
    Ok(refused)
}

/// One file's values, checked and written on their own, then AEM's time after them read.
async fn describe_one(
    ctx: &Ctx,
    aem: &ClassicAssets,
    ready: Ready<'_>,
) -> Result<Option<SavedText>> {
    let file = ready.file;
    let part = file.metadata_part();
    let path = file.aem_path.as_str();
    if ctx.control.is_cancelled() {
        return Ok(None);
    }
    let now = match ready.now.clone() {
        Some(now) => now,
        None => match ctx.call(|| aem.asset_content(path)).await {
            Ok(Some(content)) => Timed::from(content),
            // Gone since it was processed: not what processing left, so left alone, and said.
            Ok(None) => Timed::default(),
            Err(Failure::Cancelled) => return Ok(None),
            Err(failure) => return refuse(ctx, part, why(ctx, failure)).await.map(Some),
        },
    };
    let asset = AssetRef {
        path: path.to_owned(),
        id: None,
    };
    if moved_since(&ready, &now) {
        settle_moved(ctx, &ready, &now).await?;
        return Ok(None);
    }
    let writes = writes_of(file);
    let mut ready = ready;
    let mut resends = 0;
    loop {
        journal_part(ctx, part.clone(), PartState::Sending, None, None).await?;
        // Never sent again blind: a failure that may hide a write that landed is followed by
        // a read of what AEM holds, as a resume's check would.
        match ctx
            .call_write(&mut 0, || ctx.aem.write(&asset, &writes, None))
            .await
        {
            Ok(_) => break,
            Err(Failure::Call(e @ (CallError::Transient(_) | CallError::Unreachable(_)), _))
                if resends < ctx.settings.retry.max_retries =>
            {
                resends += 1;
                tracing::info!(error = %e, %path, "an upload's values may have landed; reading them back");
                if let Err(Failure::Cancelled) = ctx.back_off(resends, resends).await {
                    return Ok(None);
                }
                let now = match ctx.call(|| aem.asset_content(path)).await {
                    Ok(content) => content.map(Timed::from).unwrap_or_default(),
                    Err(Failure::Cancelled) => return Ok(None),
                    Err(failure) => return refuse(ctx, part, why(ctx, failure)).await.map(Some),
                };
                ready = ready.again(true);
                if moved_since(&ready, &now) {
                    // Landed (done), or someone changed the asset meanwhile (left alone).
                    settle_moved(ctx, &ready, &now).await?;
                    return Ok(None);
                }
            }
            Err(failure) => return refuse(ctx, part, why(ctx, failure)).await.map(Some),
        }
    }
    done_at_now(ctx, aem, &[file]).await?;
    Ok(None)
}

/// Whether AEM holds another time, or another value of a property the sheet writes, than
/// processing left ([`Ready::seen`]): someone changed the asset since, or this run's own write
/// did (its answer lost: [`Ready::in_doubt`]).
fn moved_since(ready: &Ready<'_>, now: &Timed) -> bool {
    let properties = properties_of(&[ready.file]);
    (ready.seen).values_changed(now.last_modified.as_deref(), &now.metadata, &properties)
}

/// What AEM holds of `file`'s asset (`now`) as the journal keeps it: its time, its whole
/// metadata's code and the codes of the values the sheet writes.
pub(super) fn held_of(file: &PlannedFile, now: &Timed) -> Held {
    Held::of(
        now.last_modified.clone(),
        &now.metadata,
        &properties_of(&[file]),
    )
}

/// [`held_of`] as the journal's text.
fn held_text(file: &PlannedFile, now: &Timed) -> String {
    held_of(file, now).text()
}

/// The values of a file whose asset moved since processing ended ([`moved_since`]), not
/// written: done when this run's own write, whose answer was lost, is what AEM holds (`now`),
/// else left to whoever changed it, and said.
async fn settle_moved(ctx: &Ctx, ready: &Ready<'_>, now: &Timed) -> Result<()> {
    let file = ready.file;
    let part = file.metadata_part();
    if ready.in_doubt && holds(&now.metadata, &writes_of(file)) {
        let held = held_text(file, now);
        return journal_part(ctx, part, PartState::Done, None, Some(held)).await;
    }
    let path = file.aem_path.as_str();
    let why = SavedText::new("upload-metadata-changed-since", [("path", path.into())]);
    journal_part(ctx, part, PartState::LeftAlone, Some(why), None).await
}

/// Journals `files`' values done, each with what AEM holds after the write (for the undo):
/// asked in checks of exact paths, an asset they do not return read on its own. One not read
/// leaves the undo keeping the asset (it cannot tell a later change).
async fn done_at_now(ctx: &Ctx, aem: &ClassicAssets, files: &[&PlannedFile]) -> Result<()> {
    if files.is_empty() {
        return Ok(());
    }
    let found = if files.len() > 1 && ctx.batches() {
        times(ctx, aem, files).await.unwrap_or_default()
    } else {
        HashMap::new()
    };
    let alone = files.iter().filter(|f| !found.contains_key(&f.aem_path));
    let read = join_all(alone.map(|f| async {
        let content = ctx.call(|| aem.asset_content(&f.aem_path)).await;
        (f.aem_path.clone(), content.ok().flatten().map(Timed::from))
    }))
    .await;
    let mut at: HashMap<String, Option<Timed>> = read.into_iter().collect();
    at.extend(found.into_iter().map(|(path, t)| (path, Some(t))));
    let done = files.iter().map(|f| {
        let now = at.remove(&f.aem_path).flatten();
        let held = now.map(|now| held_text(f, &now));
        (f.metadata_part(), PartState::Done, None, held)
    });
    journal_all(ctx, done.collect()).await
}

/// Each asset's `jcr:lastModified` and metadata, by path, from checks of exact paths
/// ([`ClassicAssets::check_times`]); `None` when one could not be made.
async fn times(
    ctx: &Ctx,
    aem: &ClassicAssets,
    files: &[&PlannedFile],
) -> Option<HashMap<String, Timed>> {
    let paths: Vec<&str> = files.iter().map(|f| f.aem_path.as_str()).collect();
    let mut found = HashMap::new();
    let mut rest = &paths[..];
    while !rest.is_empty() {
        let n = fits_in_check(rest, &[]).max(1);
        let answer = ctx.call(|| aem.check_times(&rest[..n])).await;
        found.extend(answer.ok()?);
        rest = &rest[n..];
    }
    Some(found)
}

/// The properties the sheet gives `files`, each once.
fn properties_of(files: &[&PlannedFile]) -> Vec<String> {
    let mut properties: Vec<String> = files
        .iter()
        .flat_map(|f| f.metadata.keys().cloned())
        .collect();
    properties.sort();
    properties.dedup();
    properties
}

/// `file`'s values from the sheet as writes: one value as itself, several as a list.
fn writes_of(file: &PlannedFile) -> Vec<Write> {
    file.metadata
        .iter()
        .map(|(property, values)| Write {
            property: property.clone(),
            value: Some(match values.as_slice() {
                [one] => Value::from(one.as_str()),
                many => Value::from(many.to_vec()),
            }),
        })
        .collect()
}

/// Whether `current` holds every value of `writes` (a single value also as a list of one).
fn holds(current: &Map<String, Value>, writes: &[Write]) -> bool {
    writes.iter().all(|w| {
        let now = current.get(&w.property);
        now == w.value.as_ref()
            || matches!((now, &w.value), (Some(Value::Array(items)), Some(one)) if items.len() == 1 && items[0] == *one)
    })
}

/// Journals `part` refused for `why`; returns `why`.
pub(super) async fn refuse(ctx: &Ctx, part: RunPart, why: SavedText) -> Result<SavedText> {
    journal_part(ctx, part, PartState::Refused, Some(why.clone()), None).await?;
    Ok(why)
}

/// Journals several parts at once, the last durably: the journal keeps records in order, so
/// the last one on disk means all are (one flush for a batch's `sending`).
async fn journal_all(
    ctx: &Ctx,
    parts: Vec<(RunPart, PartState, Option<SavedText>, Option<String>)>,
) -> Result<()> {
    let records: Vec<Record> = parts
        .into_iter()
        .map(|(part, state, reason, now)| Record::Part {
            part,
            state,
            at: now_rfc3339(),
            reason,
            now,
        })
        .collect();
    let Some((last, first)) = records.split_last() else {
        return Ok(());
    };
    for record in first {
        ctx.journal.append(record)?;
    }
    ctx.journal.append_durable(last).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn write(property: &str, value: Value) -> Write {
        Write {
            property: property.into(),
            value: Some(value),
        }
    }

    /// A value read back as a list of one is the single value written (AEM may keep a
    /// property multi-valued); another value, or one missing, is not.
    #[test]
    fn what_aem_holds_is_compared_with_the_values_written() {
        let writes = [
            write("dc:title", json!("A")),
            write("dc:subject", json!(["x", "y"])),
        ];
        let held = |title: Value| {
            let mut m = Map::new();
            m.insert("dc:title".into(), title);
            m.insert("dc:subject".into(), json!(["x", "y"]));
            m
        };
        assert!(holds(&held(json!("A")), &writes));
        assert!(holds(&held(json!(["A"])), &writes));
        assert!(!holds(&held(json!("B")), &writes));
        assert!(!holds(&Map::new(), &writes));
    }
}
