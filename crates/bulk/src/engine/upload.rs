//! Sending an upload's run: its folders made first (made, or found there), then its files, many
//! at once and each file's parts at once, every request through the run's gate (its adaptive
//! limit, throttling, retries, pause and cancel). Each file is journaled `sending` durably before
//! its first byte leaves, then `done` once AEM took it (with its `jcr:lastModified` once
//! processed, for the undo), or `refused`. The complete is never sent again blind: a failure
//! that may hide a complete that landed is `refused`, and the next resume finds out. A resume
//! reads what AEM holds at each path not done: this file (size and SHA-1) is done and not sent
//! again; a file cut mid-parts, or refused, starts over; a file a colleague put there since the
//! preview is `left_alone`. Once a file is processed, its values from the sheet are written (a
//! part of their own: `sending`, then `done` with AEM's `jcr:lastModified` after them).
//!
//! Not here: what the plan holds and what its journal says (`upload.rs`), the undo.

use std::sync::Mutex;
use std::time::Duration;

use futures_util::StreamExt;
use futures_util::future::try_join_all;

use metadesk_assets::classic::ClassicAssets;
use metadesk_assets::upload::{AssetContent, WhenDifferent, part_of, parts, read_part};
use metadesk_assets::{AssetRef, CallError, Write};
use metadesk_base::i18n::SavedText;
use metadesk_clients::error::{Error, Result};
use serde_json::Value;

use super::context::{Ctx, Failure, lock};
use super::tag_step::{journal_part, why};
use crate::replay::Replay;
use crate::tag_step::{StepJournal, StepState, TagPart};
use crate::upload::{Arrival, PlannedFile, UploadRunPlan};

/// How long a file's processing is waited for before its undo gives up telling a colleague's
/// change from AEM's (the file is done either way), and how often it is asked.
const PROCESSING_WAIT: Duration = Duration::from_secs(120);
const PROCESSING_POLL: Duration = Duration::from_millis(100);

/// Sends what is left of `replay`'s upload. `Some(why)` when a folder could not be made (no
/// file goes then) or a file was refused (the others went): a resume tries again.
pub(super) async fn apply(ctx: &Ctx, replay: &Replay) -> Result<Option<SavedText>> {
    let Some(plan) = replay.spec.upload.as_ref() else {
        return Ok(None);
    };
    let Some(aem) = ctx.aem.uploads() else {
        return Err(Error::Internal(
            "an upload needs a classic connection".into(),
        ));
    };
    let journal = &replay.tag_step;
    if let Some(refused) = make_folders(ctx, aem, journal, plan).await? {
        return Ok(Some(refused));
    }
    let refused = Mutex::new(None);
    let failed = Mutex::new(None);
    futures_util::stream::iter(&plan.files)
        .for_each_concurrent(ctx.settings.max_tasks, |file| async {
            if ctx.control.is_cancelled() {
                return;
            }
            match send_file(ctx, aem, journal, file).await {
                Ok(None) => {}
                Ok(Some(why)) => *lock(&refused) = Some(why),
                Err(e) => *lock(&failed) = Some(e),
            }
        })
        .await;
    if let Some(e) = lock(&failed).take() {
        return Err(e);
    }
    Ok(lock(&refused).take())
}

async fn make_folders(
    ctx: &Ctx,
    aem: &ClassicAssets,
    journal: &StepJournal,
    plan: &UploadRunPlan,
) -> Result<Option<SavedText>> {
    for folder in &plan.folders {
        let part = TagPart::Folder {
            path: folder.clone(),
        };
        if journal.state(&part) == Some(StepState::Done) {
            continue;
        }
        let title = folder.rsplit('/').next().unwrap_or_default();
        // Made or already there (409): the same request twice does no harm.
        match ctx.call(|| aem.create_folder(folder, title)).await {
            Ok(_) => journal_part(ctx, part, StepState::Done, None, None).await?,
            Err(failure) => {
                let why = why(ctx, failure);
                journal_part(ctx, part, StepState::Refused, Some(why.clone()), None).await?;
                return Ok(Some(why));
            }
        }
    }
    Ok(None)
}

/// One file: what AEM holds at its path decides whether it goes; then its write, journaled.
async fn send_file(
    ctx: &Ctx,
    aem: &ClassicAssets,
    journal: &StepJournal,
    file: &PlannedFile,
) -> Result<Option<SavedText>> {
    let part = file.part();
    let state = journal.state(&part);
    match state {
        Some(StepState::LeftAlone) => return Ok(None),
        Some(StepState::Done) => return describe(ctx, aem, journal, file, None).await,
        _ => {}
    }
    let held = match held_now(ctx, aem, file).await {
        Ok(held) => held,
        Err(why) => return refuse(ctx, part, why).await,
    };
    match (state, held) {
        // An earlier attempt landed (its answer, or the journal's record of it, was lost).
        (Some(_), Held::This(at)) => {
            journal_part(ctx, part, StepState::Done, None, at).await?;
            return describe(ctx, aem, journal, file, None).await;
        }
        // Someone put a file there since the preview (or this one, not by this run).
        (None, Held::This(_)) => {
            journal_part(ctx, part, StepState::LeftAlone, None, None).await?;
            return Ok(None);
        }
        (None, Held::Other(sha1)) if file.arrival == Arrival::New || sha1 != file.before => {
            journal_part(ctx, part, StepState::LeftAlone, None, sha1).await?;
            return Ok(None);
        }
        _ => {}
    }
    journal_part(ctx, part.clone(), StepState::Sending, None, None).await?;
    if let Err(why) = write(ctx, aem, file).await {
        return refuse(ctx, part, why).await;
    }
    let processing = processed(ctx, aem, &file.aem_path).await;
    let at = match &processing {
        Processing::Done(at) => at.clone(),
        Processing::Failed | Processing::Unknown => None,
    };
    journal_part(ctx, part, StepState::Done, None, at).await?;
    describe(ctx, aem, journal, file, Some(processing)).await
}

/// Writes the file's values from the sheet once AEM has processed it (its extraction replaces
/// what is written before), then journals AEM's `jcr:lastModified` after the write, for the
/// undo. The same values twice do no harm: a resume writes them again if their answer was lost.
async fn describe(
    ctx: &Ctx,
    aem: &ClassicAssets,
    journal: &StepJournal,
    file: &PlannedFile,
    // Where processing stands when the caller has just waited for it (not asked again).
    known: Option<Processing>,
) -> Result<Option<SavedText>> {
    let part = file.metadata_part();
    if file.metadata.is_empty() || journal.state(&part) == Some(StepState::Done) {
        return Ok(None);
    }
    let path = file.aem_path.as_str();
    let writes: Vec<Write> = file
        .metadata
        .iter()
        .map(|(property, values)| Write {
            property: property.clone(),
            value: Some(match values.as_slice() {
                [one] => Value::from(one.as_str()),
                many => Value::from(many.to_vec()),
            }),
        })
        .collect();
    let asset = AssetRef {
        path: path.to_owned(),
        id: None,
    };
    let processing = match known {
        Some(processing) => processing,
        None => processed(ctx, aem, path).await,
    };
    match processing {
        // Changed since it was processed: by this run's own write whose answer was lost (the
        // sheet's values are there), else by someone whose values the sheet's would overwrite
        // unseen (a resume hours later). AEM keeps the time to the second: a change within the
        // second processing ended goes unseen, as for the undo.
        Processing::Done(Some(now))
            if journal
                .held
                .get(&file.part())
                .is_some_and(|seen| *seen != now) =>
        {
            let in_doubt = journal.state(&part) == Some(StepState::Sending);
            if in_doubt && holds(ctx, &asset, &writes).await {
                journal_part(ctx, part, StepState::Done, None, Some(now)).await?;
            } else {
                let why = SavedText::new("upload-metadata-changed-since", [("path", path.into())]);
                journal_part(ctx, part, StepState::LeftAlone, Some(why), None).await?;
            }
            return Ok(None);
        }
        Processing::Done(_) => {}
        Processing::Failed => {
            let why = SavedText::new("upload-processing-failed", [("path", path.into())]);
            return refuse(ctx, part, why).await;
        }
        Processing::Unknown => {
            let why = SavedText::new("upload-processing-unfinished", [("path", path.into())]);
            return refuse(ctx, part, why).await;
        }
    }
    journal_part(ctx, part.clone(), StepState::Sending, None, None).await?;
    if let Err(failure) = ctx.call(|| ctx.aem.write(&asset, &writes, None)).await {
        return refuse(ctx, part, why(ctx, failure)).await;
    }
    let at = ctx
        .call(|| aem.asset_content(path))
        .await
        .ok()
        .flatten()
        .and_then(|c| c.last_modified);
    journal_part(ctx, part, StepState::Done, None, at).await?;
    Ok(None)
}

/// Whether the asset holds every value of `writes` now (a single value also as a list of one).
async fn holds(ctx: &Ctx, asset: &AssetRef, writes: &[Write]) -> bool {
    let Ok(current) = ctx.call(|| ctx.aem.read(asset)).await else {
        return false;
    };
    writes.iter().all(|w| {
        let now = current.metadata.get(&w.property);
        now == w.value.as_ref()
            || matches!((now, &w.value), (Some(Value::Array(items)), Some(one)) if items.len() == 1 && items[0] == *one)
    })
}

async fn refuse(ctx: &Ctx, part: TagPart, why: SavedText) -> Result<Option<SavedText>> {
    journal_part(ctx, part, StepState::Refused, Some(why.clone()), None).await?;
    Ok(Some(why))
}

/// What AEM holds at a file's path.
enum Held {
    Nothing,
    /// This file (its size and SHA-1), with its `jcr:lastModified` once processed.
    This(Option<String>),
    /// Another file, by its SHA-1 where AEM wrote one.
    Other(Option<String>),
}

/// What AEM holds at `file`'s path; an asset still processing (no SHA-1 yet) is waited for.
async fn held_now(ctx: &Ctx, aem: &ClassicAssets, file: &PlannedFile) -> Result<Held, SavedText> {
    let path = file.aem_path.as_str();
    let read = || async {
        ctx.call(|| aem.stored_binary(path))
            .await
            .map_err(|f| why(ctx, f))
    };
    let Some(mut stored) = read().await? else {
        return Ok(Held::Nothing);
    };
    if stored.sha1.is_none() {
        processed(ctx, aem, path).await;
        stored = read().await?.unwrap_or(stored);
    }
    if stored.size == Some(file.size) && stored.sha1.as_deref() == Some(file.sha1.as_str()) {
        let at = ctx
            .call(|| aem.asset_content(path))
            .await
            .ok()
            .flatten()
            .and_then(|c| c.last_modified);
        return Ok(Held::This(at));
    }
    Ok(Held::Other(stored.sha1))
}

/// Initiate, the parts at once, then the complete (sent once: a failure that may hide its
/// landing is left for the next resume to find out).
async fn write(ctx: &Ctx, aem: &ClassicAssets, file: &PlannedFile) -> Result<(), SavedText> {
    let (folder, name) = file.aem_path.rsplit_once('/').unwrap_or_default();
    let local = std::path::Path::new(&file.local);
    let failed = |f| why(ctx, f);
    let (initiated, complete) = ctx
        .call(|| aem.initiate_upload(folder, name, file.size))
        .await
        .map_err(failed)?;
    let part = part_of(&initiated, file.size).map_err(|e| rejected(ctx, e))?;
    let sends =
        parts(&initiated, part, file.size)
            .into_iter()
            .map(|(uri, offset, length)| async move {
                let bytes = read_part(local, offset, length)
                    .await
                    .map_err(|e| rejected(ctx, e))?;
                ctx.call_storage(|| aem.put_part(uri, bytes.clone()))
                    .await
                    .map_err(failed)
            });
    try_join_all(sends).await?;
    let when_different = match file.arrival {
        Arrival::New => None,
        Arrival::NewVersion => Some(WhenDifferent::NewVersion),
        Arrival::Replace => Some(WhenDifferent::Replace),
    };
    ctx.call_write(&mut 0, || {
        aem.complete_upload(complete.clone(), &initiated, file.size, when_different)
    })
    .await
    .map_err(failed)
}

fn rejected(ctx: &Ctx, e: CallError) -> SavedText {
    why(ctx, Failure::Call(e, 1))
}

/// Where AEM's processing of an asset stands.
enum Processing {
    /// Done, AEM's `jcr:lastModified` then.
    Done(Option<String>),
    Failed,
    /// Not done within [`PROCESSING_WAIT`], or not readable.
    Unknown,
}

/// Waits, within [`PROCESSING_WAIT`], for AEM to process the asset at `path`.
async fn processed(ctx: &Ctx, aem: &ClassicAssets, path: &str) -> Processing {
    let start = std::time::Instant::now();
    while start.elapsed() < PROCESSING_WAIT && !ctx.control.is_cancelled() {
        let content: Option<AssetContent> = match ctx.call(|| aem.asset_content(path)).await {
            Ok(content) => content,
            Err(_) => return Processing::Unknown,
        };
        match content {
            Some(c) if c.failed => return Processing::Failed,
            Some(c) if c.state != "processing" && c.state != "unProcessed" => {
                return Processing::Done(c.last_modified);
            }
            _ => tokio::time::sleep(PROCESSING_POLL).await,
        }
    }
    Processing::Unknown
}
