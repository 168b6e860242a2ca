//! The engine's driver of every operation that runs through the operation trait
//! (`operation.rs`): the one place an operation's rows are checked, journaled and written. Rows
//! go stage by stage (a stage once the one before it is done), a window of rows at a time so
//! memory stays bounded whatever the plan's size: each row not done yet is checked (reads
//! through the run's gate), the ready ones are grouped into the operation's requests, each
//! request journals `sending` for its rows durably before it leaves and goes through the gate
//! (throttles waited out; anything else never sent again blind), then each row is `done`, or
//! checked again after a failure (grouped as the operation groups its checks: one read for the
//! assets of one folder, never one an asset): found as the write leaves it, `done`; still
//! ready after a lost answer or a passing failure, sent again after the retry policy's
//! back-off, within its retries; else `refused`, and a resume checks it again before anything
//! is sent. A row left
//! `sending` by a process that stopped is checked the same way on the resume, and so is one
//! whose run was cancelled or stopped (AEM refused the token): nothing more is read, and
//! nothing counted failed for it. Rows AEM took to write later (a background job) are read
//! back once their stage's requests are all sent, together (one read for the rows one read
//! answers), so a wait never holds back the requests behind it. A row AEM refuses (403) is
//! decided by its folder, as an edit's are (`folder_refusals.rs`): held back until a write
//! there is accepted (then a failure of its own); a folder whose first rows are all refused
//! refuses the run, its other rows failed in those words without a request; and when every
//! folder tried refuses and nothing was accepted, the run stops, the rows held back left for
//! the resume, rather than sending every row to be refused.
//!
//! Not here: any one operation's check and write (`moving.rs`, `tag_importing.rs`…), which
//! operation a run is (`op_dispatch.rs`), the apply's frame (`mod.rs`).

use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;
use std::time::Instant;

use futures_util::future::BoxFuture;
use metadesk_assets::classic::ClassicAssets;
use metadesk_base::i18n::SavedText;
use metadesk_base::timefmt::now_rfc3339;
use metadesk_clients::error::{Error, Result};

use super::context::{Ctx, Failure, lock, why};
use super::part_refusals::PartRefusals;
use crate::at_most::at_most;
use crate::journal::{Outcome, Record};
use crate::operation::{Found, Operation, Read, Reader, Wrote};
use crate::parts::{PartJournal, PartState, RunPart};
use crate::progress::ProgressFn;
use metadesk_assets::CallError;

/// Rows checked and sent per window: their futures and answers are all memory holds.
const WINDOW: usize = 500;

/// What a run's rows came to so far, beyond their journal.
struct Settled<'p> {
    /// Why the last row AEM refused, or that could not be checked, is not done (a resume tries
    /// again): the run stops after its stage.
    refused: Mutex<Option<SavedText>>,
    /// Where the run's progress goes; `None` for rows that are not the run's own.
    on_progress: Option<ProgressFn<'p>>,
    /// The rows AEM refused (403), by the folder each writes in.
    refusals: PartRefusals<'p>,
}

impl Settled<'_> {
    fn count(&self, ctx: &Ctx, outcome: Outcome) {
        if self.on_progress.is_some() {
            ctx.count(outcome);
        }
    }

    fn progress(&self, ctx: &Ctx) {
        if let Some(on_progress) = self.on_progress {
            ctx.progress(on_progress, false);
        }
    }
}

/// Appends one record of a row, durably: a `sending` must be on disk before its request.
/// `now`: what AEM held, for a row left alone or found done.
pub(super) async fn journal_part(
    ctx: &Ctx,
    part: RunPart,
    state: PartState,
    reason: Option<SavedText>,
    now: Option<String>,
) -> Result<()> {
    ctx.journal
        .append_durable(&Record::Part {
            part,
            state,
            at: now_rfc3339(),
            reason,
            now,
        })
        .await
}

/// A run's reads, through its gate.
pub(super) struct Gated<'a> {
    ctx: &'a Ctx,
    aem: &'a ClassicAssets,
}

impl<'a> Gated<'a> {
    /// The reads of `ctx`'s run; `None` without a classic connection, which the operations'
    /// reads need.
    pub(super) fn of(ctx: &'a Ctx) -> Option<Gated<'a>> {
        Some(Gated {
            ctx,
            aem: ctx.aem.uploads()?,
        })
    }
}

impl Reader for Gated<'_> {
    fn aem(&self) -> &ClassicAssets {
        self.aem
    }

    fn read<'a>(
        &'a self,
        read: Read<'a>,
    ) -> BoxFuture<'a, std::result::Result<serde_json::Value, SavedText>> {
        Box::pin(async move {
            self.ctx
                .call(read)
                .await
                .map_err(|failure| why(self.ctx, failure))
        })
    }
}

/// Sends what is left of `op`'s rows, as `journal` has them. `on_progress`: `None` for rows
/// that are not the run's own (a tag change's step after its assets, an upload's folders
/// before its files), which are neither counted nor shown as its progress.
pub(super) async fn run<O: Operation>(
    ctx: &Ctx,
    op: &O,
    journal: &PartJournal,
    on_progress: Option<ProgressFn<'_>>,
) -> Result<Option<SavedText>> {
    let Some(reader) = Gated::of(ctx) else {
        return Err(Error::Internal(
            "this operation needs a classic connection".into(),
        ));
    };
    // Each row not finished, with whether a request for it may have left before.
    let mut stages: BTreeMap<u32, Vec<(&O::Row, bool)>> = BTreeMap::new();
    for row in op.rows() {
        let in_doubt = match journal.state(&op.part(row)) {
            Some(PartState::Done | PartState::LeftAlone) => continue,
            Some(PartState::Sending | PartState::Refused) => true,
            None => false,
        };
        if op.refused(row).is_none() {
            stages
                .entry(op.stage(row))
                .or_default()
                .push((row, in_doubt));
        }
    }
    let parts = stages.values().flatten().map(|(row, _)| op.part(row));
    let settled = Settled {
        refused: Mutex::new(None),
        on_progress,
        refusals: PartRefusals::of(
            parts,
            Box::new(|folder| {
                let account = ctx.spec.account.as_deref();
                op.folder_refuses(folder, &ctx.spec.connection, account)
            }),
        ),
    };
    for rows in stages.into_values() {
        // The stage's rows AEM took to write later, each with when: read back once every
        // request of the stage has left, not while a request waits behind them.
        let mut later = Vec::new();
        for window in rows.chunks(WINDOW) {
            if ctx.control.is_cancelled() || ctx.stop_reason().is_some() {
                return Ok(lock(&settled.refused).take());
            }
            // Rows in a folder found refusing the run's writes are not even checked; one in
            // doubt is (its earlier request may have landed).
            let mut to_check = Vec::with_capacity(window.len());
            for &(row, in_doubt) in window {
                if in_doubt || !refused_there(ctx, op, row, &settled).await? {
                    to_check.push((row, in_doubt));
                }
            }
            let checks = op
                .check_groups(to_check)
                .into_iter()
                .map(|group| checked(op, &reader, group))
                .collect();
            let checked = at_most(checks, ctx.settings.max_tasks).await;
            let mut ready = Vec::new();
            for (row, found) in checked.into_iter().flatten() {
                match found {
                    Found::Ready => ready.push(row),
                    other => settle(ctx, op, row, other, &settled).await?,
                }
            }
            settled.progress(ctx);
            let requests = op.requests(ready);
            let sends = requests
                .into_iter()
                .map(|rows| send(ctx, op, &reader, rows, &settled))
                .collect();
            let sent = at_most(sends, ctx.settings.max_tasks).await;
            for accepted in sent {
                later.extend(accepted?);
            }
        }
        wait_for(ctx, op, &reader, later, &settled).await?;
        // Refusals still held (too few in their folder to decide, none accepted there) are
        // their rows' own failures; stopped or cancelled, they stay for the resume.
        if !ctx.control.is_cancelled() {
            for (part, why) in settled.refusals.settle() {
                refuse_part(ctx, part, why, &settled).await?;
            }
        }
        // A later stage needs this one whole (a folder before what moves into it).
        if lock(&settled.refused).is_some() {
            break;
        }
    }
    Ok(lock(&settled.refused).take())
}

/// Each row of `group` with what its check found; a row the operation's answer left out is
/// not known (never taken as ready).
async fn checked<'r, O: Operation>(
    op: &O,
    reader: &Gated<'_>,
    group: Vec<(&'r O::Row, bool)>,
) -> Vec<(&'r O::Row, Found)> {
    let rows: Vec<&'r O::Row> = group.iter().map(|(row, _)| *row).collect();
    let mut found = op.check_together(reader, group).await.into_iter();
    rows.into_iter()
        .map(|row| {
            let missing = || Found::Unknown(SavedText::new("op-not-checked", std::iter::empty()));
            (row, found.next().unwrap_or_else(missing))
        })
        .collect()
}

/// What AEM holds for each of `rows`, in their order, each in doubt (a request for it may
/// have left): read as the operation groups its checks (the assets of one folder by one read
/// of it), several groups at once.
async fn checked_in_doubt<O: Operation>(
    ctx: &Ctx,
    op: &O,
    reader: &Gated<'_>,
    rows: &[&O::Row],
) -> Vec<Found> {
    let groups = op.check_groups(rows.iter().map(|row| (*row, true)).collect());
    let checks = groups
        .into_iter()
        .map(|group| checked(op, reader, group))
        .collect();
    // Back in `rows`' order, each found by the row's address (the rows waited for together
    // may be a whole stage's).
    let mut found: HashMap<*const O::Row, Found> = at_most(checks, ctx.settings.max_tasks)
        .await
        .into_iter()
        .flatten()
        .map(|(row, found)| (std::ptr::from_ref(row), found))
        .collect();
    rows.iter()
        .map(|row| {
            found.remove(&std::ptr::from_ref(*row)).unwrap_or_else(|| {
                Found::Unknown(SavedText::new("op-not-checked", std::iter::empty()))
            })
        })
        .collect()
}

/// Journals what a check found of `row` (anything but ready) and counts it.
async fn settle<O: Operation>(
    ctx: &Ctx,
    op: &O,
    row: &O::Row,
    found: Found,
    settled: &Settled<'_>,
) -> Result<()> {
    let part = op.part(row);
    let (state, reason, outcome) = match found {
        Found::Ready => return Ok(()),
        Found::Done => (PartState::Done, None, Outcome::Changed),
        Found::LeftAlone { why, now } => {
            journal_part(ctx, part, PartState::LeftAlone, Some(why), now).await?;
            settled.count(ctx, Outcome::Skipped);
            return Ok(());
        }
        // Not told because the run was cancelled or stopped (a refused token): left as it was,
        // for the resume, not counted failed.
        Found::Unknown(_) if ctx.control.is_cancelled() => return Ok(()),
        Found::Unknown(why) => return refuse_part(ctx, part, why, settled).await,
    };
    journal_part(ctx, part, state, reason, None).await?;
    settled.count(ctx, outcome);
    Ok(())
}

/// Journals `part` refused (or not checked), for `why`, and counts it failed: the run stops
/// after its stage, and a resume checks it again.
async fn refuse_part(
    ctx: &Ctx,
    part: RunPart,
    why: SavedText,
    settled: &Settled<'_>,
) -> Result<()> {
    *lock(&settled.refused) = Some(why.clone());
    journal_part(ctx, part, PartState::Refused, Some(why), None).await?;
    settled.count(ctx, Outcome::Failed);
    Ok(())
}

/// `row` alone refused by AEM (403), for `why`: decided by its folder (`part_refusals.rs`).
/// Held back, it stays `sending`: what comes next decides, and a stop leaves it for the
/// resume, which checks it before anything is sent again.
async fn forbidden<O: Operation>(
    ctx: &Ctx,
    op: &O,
    row: &O::Row,
    why: SavedText,
    settled: &Settled<'_>,
) -> Result<()> {
    for (part, why) in settled.refusals.refused(ctx, op.part(row), why) {
        refuse_part(ctx, part, why, settled).await?;
    }
    Ok(())
}

/// AEM took a write of `rows`: the refusals held in their folders were their rows' own.
async fn accepted<O: Operation>(
    ctx: &Ctx,
    op: &O,
    rows: &[&O::Row],
    settled: &Settled<'_>,
) -> Result<()> {
    for row in rows {
        for (part, why) in settled.refusals.accepted(&op.part(row)) {
            refuse_part(ctx, part, why, settled).await?;
        }
    }
    Ok(())
}

/// One request: its rows journaled `sending` (on disk before it leaves), sent once through
/// the gate, then each row settled. After a failure, what AEM holds decides, row by row: a
/// request whose answer was lost or that AEM could not take then (a timeout, a dropped
/// connection, a 5xx) goes again, after the retry policy's back-off, with only its rows found
/// not done and still ready — never blind, and at most the policy's retries. A request of
/// several rows refused otherwise is split: its rows still ready go again one a request, so
/// that one row AEM refuses (a path taken since) does not hold back the others of its commit.
/// The rows AEM took to write later, each with when, for [`wait_for`].
async fn send<'r, O: Operation>(
    ctx: &Ctx,
    op: &O,
    reader: &Gated<'_>,
    rows: Vec<&'r O::Row>,
    settled: &Settled<'_>,
) -> Result<Vec<(&'r O::Row, Instant)>> {
    // Each request still to send, with how many of its sends so far lost their answer.
    let mut queue = vec![(rows, 0u32)];
    let mut later = Vec::new();
    while let Some((rows, lost)) = queue.pop() {
        // Rows checked before their folder was found refusing are not sent.
        let mut to_send = Vec::with_capacity(rows.len());
        for row in rows {
            if !refused_there(ctx, op, row, settled).await? {
                to_send.push(row);
            }
        }
        let rows = to_send;
        if rows.is_empty() {
            continue;
        }
        match send_once(ctx, op, reader, &rows, lost, settled).await? {
            Again::Nothing => {}
            Again::Later(rows) => {
                let accepted = Instant::now();
                later.extend(rows.into_iter().map(|row| (row, accepted)));
            }
            Again::Together(rows) => queue.push((rows, lost + 1)),
            Again::Alone(rows) => queue.extend(rows.into_iter().map(|row| (vec![row], lost))),
        }
    }
    settled.progress(ctx);
    Ok(later)
}

/// Whether `row` is in a folder found refusing the run's writes: then it fails in words
/// naming the folder, with no request.
async fn refused_there<O: Operation>(
    ctx: &Ctx,
    op: &O,
    row: &O::Row,
    settled: &Settled<'_>,
) -> Result<bool> {
    let part = op.part(row);
    let Some(why) = settled.refusals.refusing(&part) else {
        return Ok(false);
    };
    refuse_part(ctx, part, why, settled).await?;
    Ok(true)
}

/// What of a request [`send_once`] leaves to do: send again (each row checked ready), or
/// read back.
enum Again<'r, R> {
    Nothing,
    /// Taken by AEM to write later (a background job): read back until done.
    Later(Vec<&'r R>),
    /// The same request, less its rows found done: its answer was lost, or AEM could not take
    /// it then.
    Together(Vec<&'r R>),
    /// Each row in a request of its own: AEM refused the request of several.
    Alone(Vec<&'r R>),
}

/// [`send`]'s one request, `lost`: how many sends of these rows lost their answer before.
async fn send_once<'r, O: Operation>(
    ctx: &Ctx,
    op: &O,
    reader: &Gated<'_>,
    rows: &[&'r O::Row],
    lost: u32,
    settled: &Settled<'_>,
) -> Result<Again<'r, O::Row>> {
    if ctx.control.is_cancelled() || ctx.stop_reason().is_some() {
        return Ok(Again::Nothing);
    }
    let at = now_rfc3339();
    let sending = |row: &&O::Row| Record::Part {
        part: op.part(row),
        state: PartState::Sending,
        at: at.clone(),
        reason: None,
        now: None,
    };
    let Some((last, first)) = rows.split_last() else {
        return Ok(Again::Nothing);
    };
    for row in first {
        ctx.journal.append(&sending(row))?;
    }
    // Durable: everything before it is on disk with it.
    ctx.journal.append_durable(&sending(last)).await?;
    // A write the same when sent twice is sent again after a transient failure, as a read;
    // any other never blind.
    let mut attempts = 0;
    let same_twice = rows.iter().all(|row| op.same_twice(row));
    let sent = if same_twice {
        ctx.call(|| op.write(reader.aem, rows)).await
    } else {
        ctx.call_write(&mut attempts, || op.write(reader.aem, rows))
            .await
    };
    let failure = match sent {
        Ok(Wrote::Done) => {
            accepted(ctx, op, rows, settled).await?;
            for row in rows {
                settle(ctx, op, row, Found::Done, settled).await?;
            }
            return Ok(Again::Nothing);
        }
        Ok(Wrote::Later) => {
            accepted(ctx, op, rows, settled).await?;
            return Ok(Again::Later(rows.to_vec()));
        }
        // Left `sending`: in doubt, checked before anything is sent again.
        Err(Failure::Cancelled) => return Ok(Again::Nothing),
        // The run was cancelled, or stopped (AEM refused the token, and no new one came; a
        // stop cancels it): left `sending`, for the resume to check, not read again now.
        Err(_) if ctx.control.is_cancelled() => return Ok(Again::Nothing),
        Err(failure) => failure,
    };
    // A request AEM may yet take: its answer lost, or AEM failing for a moment. Waited for as
    // the policy says, then what landed is found out before the rest goes again (a write the
    // same twice was already sent again by the gate, as often as the policy allows).
    let again_together = failure.passing() && !same_twice && lost < ctx.settings.retry.max_retries;
    if again_together && ctx.back_off(lost + 1, lost + attempts).await.is_err() {
        // Cancelled while waiting: left `sending`, in doubt.
        return Ok(Again::Nothing);
    }
    let refused_here = matches!(failure, Failure::Call(CallError::Forbidden(_), _));
    let failed = why(ctx, failure.after(lost));
    let split = rows.len() > 1;
    let mut ready = Vec::new();
    // Whatever the failure, what AEM holds decides: a request whose answer was lost may have
    // landed.
    let found = checked_in_doubt(ctx, op, reader, rows).await;
    for (row, found) in rows.iter().zip(found) {
        let found = match found {
            Found::Ready if again_together || split => {
                ready.push(*row);
                continue;
            }
            Found::Done => Found::Done,
            left @ Found::LeftAlone { .. } => left,
            // Alone and refused (403): its folder decides.
            Found::Ready if refused_here => {
                forbidden(ctx, op, row, op.refusal(row, failed.clone()), settled).await?;
                continue;
            }
            Found::Ready | Found::Unknown(_) => Found::Unknown(op.refusal(row, failed.clone())),
        };
        settle(ctx, op, row, found, settled).await?;
    }
    Ok(match ready {
        ready if ready.is_empty() => Again::Nothing,
        ready if again_together => Again::Together(ready),
        ready => Again::Alone(ready),
    })
}

/// Rows AEM accepted to write later (a background job), each with when: read again every
/// `later_poll`, a window at a time and grouped as the operation groups its checks (the rows
/// of one folder by one read), until each is found done or left alone, for at most
/// `later_wait` after AEM took it. Done ones are journaled with that said; those still not
/// done by then are refused in words (a resume reads them again, and sends nothing blind).
/// Cancelled, they stay `sending`: in doubt.
async fn wait_for<O: Operation>(
    ctx: &Ctx,
    op: &O,
    reader: &Gated<'_>,
    mut waiting: Vec<(&O::Row, Instant)>,
    settled: &Settled<'_>,
) -> Result<()> {
    while !waiting.is_empty() {
        let mut still = Vec::new();
        for window in waiting.chunks(WINDOW) {
            let rows: Vec<&O::Row> = window.iter().map(|(row, _)| *row).collect();
            let found = checked_in_doubt(ctx, op, reader, &rows).await;
            for (&(row, accepted), found) in window.iter().zip(found) {
                match found {
                    Found::Done => {
                        let said = SavedText::new("op-done-later", std::iter::empty());
                        journal_part(ctx, op.part(row), PartState::Done, Some(said), None).await?;
                        settled.count(ctx, Outcome::Changed);
                    }
                    left @ Found::LeftAlone { .. } => settle(ctx, op, row, left, settled).await?,
                    Found::Ready | Found::Unknown(_) => still.push((row, accepted)),
                }
            }
        }
        settled.progress(ctx);
        // Those AEM took longest ago are not waited for past `later_wait`.
        let now = Instant::now();
        let (over, left): (Vec<_>, Vec<_>) = still
            .into_iter()
            .partition(|(_, accepted)| now.duration_since(*accepted) >= ctx.settings.later_wait);
        let minutes = ctx.settings.later_wait.as_secs().div_ceil(60) as f64;
        let said = SavedText::new("op-still-later", [("minutes", minutes.into())]);
        for (row, _) in over {
            settle(ctx, op, row, Found::Unknown(said.clone()), settled).await?;
        }
        waiting = left;
        if waiting.is_empty() {
            break;
        }
        tokio::select! {
            _ = tokio::time::sleep(ctx.settings.later_poll) => {}
            _ = ctx.control.cancelled() => return Ok(()),
        }
    }
    Ok(())
}
