//! Sending an upload's run: its folders made first (a level at a time, made or found there, through
//! the engine's driver: `upload_folders.rs`), then its files, many at once and each file's parts at
//! once, every request through the run's gate (its adaptive limit, throttling, retries, pause and
//! cancel). Each file is journaled `sending` durably before its first byte leaves, then `done` once
//! AEM took it (with its `jcr:uuid`, and what AEM held of it once processed — only `processed` is
//! done — its time and values' codes, for the undo), or `refused`. Each part is read from its file
//! as it leaves (memory bounded by the gate's limit, whatever the files' sizes). The complete is
//! never sent again blind: after a lost answer or a passing failure (a 5xx), what is at the
//! path is read again after the retry policy's back-off, as for a file in doubt, and the file
//! sent again only when nothing is there, within the policy's retries; any other failure is
//! `refused`, and the next resume finds out; refused (403) before any of it reached AEM, its
//! folder decides, as for every operation's rows (`part_refusals.rs`). Just before a file
//! leaves, what AEM holds at its path is asked: a new file's folder listing names nothing there
//! (`upload_names.rs`, one listing for several files), or the path is read. A file in doubt
//! (`sending`, or `refused` after its bytes may have left) is
//! checked once AEM has processed what is at its path: this file (size and SHA-1) is done and not
//! sent again; nothing there is sent again; another file is a colleague's, `left_alone`; a file not
//! processed yet is not sent over.
//!
//! Three stages run side by side, so a file's processing, which takes tens of seconds on AEM,
//! never holds up the files behind it: the sends; the wait for each file sent to be processed
//! (`dam:assetState` polled, [`WATCHED_AT_ONCE`] files at a time); and the sheet's values of the
//! files processed, gathered into batches (`upload_values.rs`).
//!
//! Not here: what the plan holds and what its journal says (`upload.rs`), the undo.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures_util::StreamExt;
use futures_util::future::try_join_all;
use metadesk_assets::fingerprint::Held;
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender, unbounded_channel};

use metadesk_assets::CallError;
use metadesk_assets::classic::ClassicAssets;
use metadesk_assets::metadata_checks::Timed;
use metadesk_assets::upload::{
    AssetContent, FilePart, ProcessingState, WhenDifferent, part_of, parts,
};
use metadesk_base::i18n::SavedText;
use metadesk_clients::error::{Error, Result};

use super::context::why;
use super::context::{Ctx, Failure, lock};
use super::operating::{self, journal_part};
use super::part_refusals::{PartRefusals, op_words};
use super::upload_folders::UploadFolders;
use super::upload_names::FolderNames;
use super::upload_values::{Ready, describe_all, held_of, refuse, to_describe};
use crate::parts::{PartJournal, PartState, RunPart};
use crate::upload::{Arrival, PlannedFile, UploadRunPlan};

/// How long a file's processing is waited for before its undo gives up telling a colleague's
/// change from AEM's (the file is done either way); how soon it is first asked again, and at
/// most how long between two asks (the wait doubles up to it: AEM takes seconds to minutes).
const PROCESSING_WAIT: Duration = Duration::from_secs(120);
const PROCESSING_POLL: Duration = Duration::from_millis(100);
const PROCESSING_POLL_MOST: Duration = Duration::from_secs(1);

/// Files whose processing is waited for at once; the others sent meanwhile wait their turn
/// (AEM processes them all the same), so the asks stay a small share of the gate's requests.
const WATCHED_AT_ONCE: usize = 16;

/// What is left to do for a file once its send is settled.
enum Next {
    /// Nothing: left alone, refused (why), or done with its values written.
    Nothing(Option<SavedText>),
    /// Its processing to see end, then its values: `fresh` when this run has just sent it
    /// (its `done`, with the time processing ended, waits for that).
    Watch { fresh: bool },
}

/// Sends what is left of upload `plan`, as `journal` has it. `Some(why)` when a folder could
/// not be made (no file goes then) or a file or its values were refused (the others went): a
/// resume tries again.
pub(super) async fn apply(
    ctx: &Arc<Ctx>,
    plan: &UploadRunPlan,
    journal: &PartJournal,
) -> Result<Option<SavedText>> {
    let Some(aem) = ctx.aem.uploads() else {
        return Err(Error::Internal(
            "an upload needs a classic connection".into(),
        ));
    };
    // An AEM found refusing batch writes in an earlier run is not asked again.
    let runs_dir = ctx.journal.path().parent();
    if let Some(status) =
        runs_dir.and_then(|dir| crate::write_paths::batch_refused(dir, &ctx.connection_key()))
    {
        ctx.write_per_asset(status, true).await?;
    }
    // The folders first, a level at a time: no file goes until they are all there. They are
    // not the run's rows (its files are): neither counted nor shown as its progress.
    let folders = UploadFolders {
        folders: &plan.folders,
    };
    if let Some(refused) = operating::run(ctx, &folders, journal, None).await? {
        return Ok(Some(refused));
    }
    let refused = Mutex::new(None);
    let failed = Mutex::new(None);
    let note = |result: Result<Option<SavedText>>| match result {
        Ok(None) => {}
        Ok(Some(why)) => *lock(&refused) = Some(why),
        Err(e) => *lock(&failed) = Some(e),
    };
    let (to_watch, watched) = unbounded_channel();
    let (to_describe, ready) = unbounded_channel();
    let names = FolderNames::default();
    // Refusals (403) are decided by folder: a folder refusing the run is not tried further,
    // and a run refused everywhere stops.
    let to_send = plan.files.iter().map(PlannedFile::part).filter(|part| {
        !matches!(
            journal.state(part),
            Some(PartState::Done | PartState::LeftAlone)
        )
    });
    let refusals = PartRefusals::of(to_send, op_words(ctx));
    let sends = Sends {
        names: &names,
        refusals: &refusals,
    };
    let sending = send_all(ctx, aem, journal, plan, &sends, to_watch, &note);
    let watching = watch_all(ctx, aem, journal, watched, to_describe, &note);
    let describing = async { note(describe_all(ctx, aem, ready).await) };
    tokio::join!(sending, watching, describing);
    if let Some(e) = lock(&failed).take() {
        return Err(e);
    }
    Ok(lock(&refused).take())
}

/// The sends, [`Settings::max_tasks`](super::Settings) files at once; each file settled is
/// handed to the wait for its processing.
async fn send_all<'a>(
    ctx: &Ctx,
    aem: &ClassicAssets,
    journal: &PartJournal,
    plan: &'a UploadRunPlan,
    sends: &Sends<'_>,
    to_watch: UnboundedSender<(&'a PlannedFile, bool)>,
    note: &impl Fn(Result<Option<SavedText>>),
) {
    futures_util::stream::iter(&plan.files)
        .for_each_concurrent(ctx.settings.max_tasks, |file| {
            let to_watch = &to_watch;
            async move {
                // Cancelled, or stopped (a stop cancels the run).
                if ctx.control.is_cancelled() {
                    return;
                }
                match send_file(ctx, aem, journal, sends, file, note).await {
                    // The wait is gone only when the run ends early: the file stays pending.
                    Ok(Next::Watch { fresh }) => drop(to_watch.send((file, fresh))),
                    Ok(Next::Nothing(refused)) => note(Ok(refused)),
                    Err(e) => note(Err(e)),
                }
            }
        })
        .await;
    // Refusals still held (too few in their folder to decide, none taken there) are their
    // files' own; stopped or cancelled, they stay `sending` for the resume to check.
    if !ctx.control.is_cancelled()
        && let Err(e) = refuse_each(ctx, sends.refusals.settle(), note).await
    {
        note(Err(e));
    }
}

/// The waits for processing, [`WATCHED_AT_ONCE`] files at a time, in the order they were sent;
/// each file processed whose values are still to be written is handed on.
async fn watch_all<'a>(
    ctx: &Ctx,
    aem: &ClassicAssets,
    journal: &PartJournal,
    watched: UnboundedReceiver<(&'a PlannedFile, bool)>,
    to_describe: UnboundedSender<Ready<'a>>,
    note: &impl Fn(Result<Option<SavedText>>),
) {
    let watched = futures_util::stream::unfold(watched, |mut rx| async {
        rx.recv().await.map(|item| (item, rx))
    });
    watched
        .for_each_concurrent(WATCHED_AT_ONCE, |(file, fresh)| {
            let to_describe = &to_describe;
            async move { note(watch(ctx, aem, journal, file, fresh, to_describe).await) }
        })
        .await;
}

/// What the sends of one run share.
struct Sends<'a> {
    /// What each folder's listing names (one listing for several files).
    names: &'a FolderNames,
    /// The files AEM refused (403), by folder.
    refusals: &'a PartRefusals<'a>,
}

/// Journals each of `parts` refused, with its words, and notes it for the run's end.
async fn refuse_each(
    ctx: &Ctx,
    parts: Vec<(RunPart, SavedText)>,
    note: &impl Fn(Result<Option<SavedText>>),
) -> Result<()> {
    for (part, why) in parts {
        note(Ok(Some(refuse(ctx, part, why).await?)));
    }
    Ok(())
}

/// One file: what AEM holds at its path decides whether it goes; then its write, journaled.
/// Other files' refusals its answer decides are journaled and noted by `note`.
async fn send_file(
    ctx: &Ctx,
    aem: &ClassicAssets,
    journal: &PartJournal,
    sends: &Sends<'_>,
    file: &PlannedFile,
    note: &impl Fn(Result<Option<SavedText>>),
) -> Result<Next> {
    let names = sends.names;
    let part = file.part();
    let state = journal.state(&part);
    // Done before: only its values may be left, once AEM says it is processed.
    let then_values = || Next::Watch { fresh: false };
    let values_left = || {
        if to_describe(file, journal) {
            then_values()
        } else {
            Next::Nothing(None)
        }
    };
    match state {
        Some(PartState::LeftAlone) => return Ok(Next::Nothing(None)),
        Some(PartState::Done) => return Ok(values_left()),
        _ => {}
    }
    // Its folder refuses the run's writes: not tried (a file in doubt is still checked: its
    // earlier send may have landed).
    if state.is_none()
        && let Some(why) = sends.refusals.refusing(&part)
    {
        return Ok(Next::Nothing(Some(refuse(ctx, part, why).await?)));
    }
    // A new file not sent before goes when its folder's listing names nothing there; else
    // (a resume, a version, a name listed) what is there is read.
    let mut free = state.is_none()
        && file.arrival == Arrival::New
        && names.surely_free(ctx, aem, &file.aem_path).await;
    // Sent before without an answer that says how it went (`sending`), or refused after its
    // bytes may have left: what AEM holds decides, never a blind send.
    let mut in_doubt = matches!(state, Some(PartState::Sending | PartState::Refused));
    // Sends of this file whose complete lost its answer or met a passing failure.
    let mut lost = 0;
    loop {
        let there = match free {
            true => AtPath::Nothing,
            false => match at_path(ctx, aem, file).await {
                Ok(there) => there,
                // The run was cancelled or stopped (a refused token): left as it was, for
                // the resume.
                Err(_) if ctx.control.is_cancelled() => return Ok(Next::Nothing(None)),
                Err(why) => return Ok(Next::Nothing(Some(refuse(ctx, part, why).await?))),
            },
        };
        match there {
            // An earlier attempt landed (its answer, or the journal's record of it, was lost).
            AtPath::This(at) if in_doubt => {
                journal_part(ctx, part, PartState::Done, None, Some(at)).await?;
                return Ok(values_left());
            }
            // Someone put this very file there since the preview, not this run.
            AtPath::This(_) => {
                journal_part(ctx, part, PartState::LeftAlone, None, None).await?;
                return Ok(Next::Nothing(None));
            }
            // Something whose file cannot be told yet (AEM has not finished processing it, or
            // could not): nothing is sent over it; a resume finds out.
            AtPath::Unsettled => {
                let path = file.aem_path.as_str();
                let key = match in_doubt {
                    true => "upload-in-doubt-unsettled",
                    false => "upload-unsettled-there",
                };
                let why = SavedText::new(key, [("path", path.into())]);
                return Ok(Next::Nothing(Some(refuse(ctx, part, why).await?)));
            }
            // The file the preview saw, as it saw it: this one goes over it as the run chose.
            AtPath::Other(sha1) if file.arrival != Arrival::New && sha1 == file.before => {}
            // A colleague's: left alone, never overwritten (nor deleted by the undo).
            AtPath::Other(sha1) => {
                journal_part(ctx, part, PartState::LeftAlone, None, sha1).await?;
                return Ok(Next::Nothing(None));
            }
            AtPath::Nothing => {}
        }
        journal_part(ctx, part.clone(), PartState::Sending, None, None).await?;
        let (failure, passing) = match write(ctx, aem, file).await {
            Ok(()) => {
                // Its folder takes writes: the refusals held there were their files' own.
                refuse_each(ctx, sends.refusals.accepted(&part), note).await?;
                return Ok(Next::Watch { fresh: true });
            }
            // AEM refused its initiate (403): its folder decides (storage refusing a part is
            // not about the folder, and fails the file alone).
            Err(Unsent::Initiate(failure @ Failure::Call(CallError::Forbidden(_), _))) => {
                let decided = sends.refusals.refused(ctx, part, why(ctx, failure));
                refuse_each(ctx, decided, note).await?;
                return Ok(Next::Nothing(None));
            }
            // The run was cancelled or stopped (a refused token): left `sending`, in doubt,
            // for the resume to check, not refused on the strength of a cut-short answer.
            Err(_) if ctx.control.is_cancelled() => return Ok(Next::Nothing(None)),
            // Its initiate and parts were each sent again as reads are, before this.
            Err(Unsent::Initiate(failure) | Unsent::Before(failure)) => (failure, false),
            // Its words count the completes sent before it (each checked first).
            Err(Unsent::Complete(failure)) => {
                let passing = failure.passing();
                (failure.after(lost), passing)
            }
        };
        // A complete whose answer was lost, or that AEM failed for a moment: after the retry
        // policy's back-off, what is at the path decides again (this file: done), within the
        // policy's retries.
        if passing
            && lost < ctx.settings.retry.max_retries
            && ctx.back_off(lost + 1, lost + 1).await.is_ok()
        {
            lost += 1;
            (free, in_doubt) = (false, true);
            continue;
        }
        let why = why(ctx, failure);
        return Ok(Next::Nothing(Some(refuse(ctx, part, why).await?)));
    }
}

/// Waits for AEM to process `file`; a file this run just sent is then `done`, with what AEM
/// holds then (its time and its values' codes: the undo and the values' check tell a later
/// change by them, `metadesk_assets::fingerprint::Held`). Its
/// values, if the sheet gives some still to write, are handed on once it is processed;
/// a processing that failed or did not end in time refuses them (a resume tries again).
async fn watch<'a>(
    ctx: &Ctx,
    aem: &ClassicAssets,
    journal: &PartJournal,
    file: &'a PlannedFile,
    fresh: bool,
    values: &UnboundedSender<Ready<'a>>,
) -> Result<Option<SavedText>> {
    let processing = processed(ctx, aem, &file.aem_path).await;
    // Confirmed: its identity kept at once (the undo deletes only this asset), with what AEM
    // holds once processed. A file done before keeps its record: what AEM holds now may be a
    // colleague's change since, which must not pass for what processing left.
    if fresh {
        let at = match &processing {
            Processing::Done(now) => Some(content_held(file, now)),
            Processing::Failed(_, seen) | Processing::Unknown(seen) => {
                seen.as_ref().map(identity_only)
            }
            Processing::Gone => None,
        };
        journal_part(ctx, file.part(), PartState::Done, None, at).await?;
    }
    if !to_describe(file, journal) {
        return Ok(None);
    }
    let path = file.aem_path.as_str();
    let why = match processing {
        Processing::Done(now) => {
            // Gone only when the run ends early: the values stay to write on resume.
            let _ = values.send(Ready::new(file, journal, Timed::from(now)));
            return Ok(None);
        }
        Processing::Failed(renditions, _) if renditions.is_empty() => {
            SavedText::new("upload-processing-failed", [("path", path.into())])
        }
        Processing::Failed(renditions, _) => SavedText::new(
            "upload-processing-failed-renditions",
            [("path", path.into()), ("renditions", renditions.into())],
        ),
        Processing::Unknown(_) | Processing::Gone => {
            SavedText::new("upload-processing-unfinished", [("path", path.into())])
        }
    };
    refuse(ctx, file.metadata_part(), why).await.map(Some)
}

/// What AEM holds of `file`'s asset (`now`, processed) as the journal keeps it: which asset it
/// is, its time, its whole metadata's code and the codes of the values the sheet writes.
fn content_held(file: &PlannedFile, now: &AssetContent) -> String {
    held_of(file, &Timed::from(now.clone()))
        .with_uuid(now.uuid.clone())
        .text()
}

/// What is known of an asset not seen processed: its identity alone (the undo keeps it: a
/// change since cannot be told from AEM's own).
fn identity_only(seen: &AssetContent) -> String {
    Held::identity(seen.uuid.clone()).text()
}

/// What AEM holds at a file's path.
enum AtPath {
    Nothing,
    /// This file (its size and SHA-1), with what AEM held of it once processed
    /// ([`content_held`]: its identity, time and values' codes).
    This(String),
    /// Another file, by its SHA-1 where AEM wrote one.
    Other(Option<String>),
    /// An asset whose file cannot be told: AEM did not finish processing it within the wait,
    /// or its processing failed (no SHA-1 is written then).
    Unsettled,
}

/// What AEM holds at `file`'s path; an asset not processed yet (no SHA-1 yet) is waited for,
/// as only `processed` says which file it holds.
async fn at_path(ctx: &Ctx, aem: &ClassicAssets, file: &PlannedFile) -> Result<AtPath, SavedText> {
    let path = file.aem_path.as_str();
    let stored = ctx
        .call(|| aem.stored_binary(path))
        .await
        .map_err(|f| why(ctx, f))?;
    let Some(stored) = stored else {
        return Ok(AtPath::Nothing);
    };
    // Which file it holds is told once it is processed only: while a new binary is processed,
    // the metadata may still name the one before.
    match processed(ctx, aem, path).await {
        Processing::Done(now) if now.holds_file(file.size, &file.sha1) => {
            Ok(AtPath::This(content_held(file, &now)))
        }
        Processing::Done(now) => Ok(AtPath::Other(now.sha1)),
        Processing::Gone => Ok(AtPath::Nothing),
        Processing::Failed(..) | Processing::Unknown(_) => {
            tracing::info!(%path, had = ?stored.sha1, "what is at an upload's path is not settled");
            Ok(AtPath::Unsettled)
        }
    }
}

/// Where a file's write failed.
enum Unsent {
    /// At its initiate: nothing of it is in AEM.
    Initiate(Failure),
    /// At a part, after its initiate: nothing of it is in AEM.
    Before(Failure),
    /// At its complete, which may have landed.
    Complete(Failure),
}

/// Initiate, the parts at once, then the complete (sent once: a failure that may hide its
/// landing is found out by a read of what is at the path before anything is sent again).
async fn write(ctx: &Ctx, aem: &ClassicAssets, file: &PlannedFile) -> Result<(), Unsent> {
    let (folder, name) = file.aem_path.rsplit_once('/').unwrap_or_default();
    let local = std::path::Path::new(&file.local);
    let (initiated, complete) = ctx
        .call(|| aem.initiate_upload(folder, name, file.size))
        .await
        .map_err(Unsent::Initiate)?;
    let part = part_of(&initiated, file.size).map_err(|e| Unsent::Before(Failure::Call(e, 1)))?;
    let (kind, stall) = (initiated.mime_type.as_str(), ctx.settings.storage_stall);
    // Each part is read from the file as it leaves, once the gate lets it go: the parts in
    // memory at once are the gate's limit, a chunk each, whatever the files' sizes.
    let sends =
        parts(&initiated, part, file.size)
            .into_iter()
            .map(|(uri, offset, length)| async move {
                let part = FilePart {
                    local,
                    offset,
                    length,
                };
                ctx.call_storage(|| aem.put_part(uri, &part, kind, stall))
                    .await
            });
    try_join_all(sends).await.map_err(Unsent::Before)?;
    let when_different = match file.arrival {
        Arrival::New => None,
        Arrival::NewVersion => Some(WhenDifferent::NewVersion),
        Arrival::Replace => Some(WhenDifferent::Replace),
    };
    ctx.call_write(&mut 0, || {
        aem.complete_upload(complete.clone(), &initiated, file.size, when_different)
    })
    .await
    .map_err(Unsent::Complete)
}

/// Where AEM's processing of an asset stands.
enum Processing {
    /// `processed`, with what AEM holds then.
    Done(AssetContent),
    /// Failed: the renditions AEM names (none where it names none), what it held.
    Failed(String, Option<AssetContent>),
    /// Not done within [`PROCESSING_WAIT`], or not readable; what was last seen of it.
    Unknown(Option<AssetContent>),
    /// Nothing at the path (deleted meanwhile).
    Gone,
}

/// Waits, within [`PROCESSING_WAIT`], for AEM to process the asset at `path`: only
/// `processed` is done; no state yet, `unprocessed`, `unProcessed`, `processing` and any
/// state Metadesk does not know mean wait (adobe-wire-lifecycle.md §2.5).
async fn processed(ctx: &Ctx, aem: &ClassicAssets, path: &str) -> Processing {
    let start = std::time::Instant::now();
    let mut pause = PROCESSING_POLL;
    let mut seen = None;
    while start.elapsed() < PROCESSING_WAIT && !ctx.control.is_cancelled() {
        let content: Option<AssetContent> = match ctx.call(|| aem.asset_content(path)).await {
            Ok(content) => content,
            Err(_) => return Processing::Unknown(seen),
        };
        match content {
            Some(c) => match &c.processing {
                ProcessingState::Processed => return Processing::Done(c),
                ProcessingState::Failed(renditions) => {
                    return Processing::Failed(renditions.clone(), Some(c.clone()));
                }
                ProcessingState::NotYet(_) => seen = Some(c),
            },
            // AEM makes the asset when the upload completes: nothing there is a deletion.
            None => return Processing::Gone,
        }
        tokio::time::sleep(pause).await;
        pause = (pause * 2).min(PROCESSING_POLL_MOST);
    }
    Processing::Unknown(seen)
}
