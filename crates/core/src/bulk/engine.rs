//! The bulk engine: preview (list the folder, read current values, write the plan to the
//! journal) and apply (write exactly the plan, journaling each asset's originals before its
//! write and its outcome after). `apply` on an interrupted or cancelled run is the resume:
//! it does only what has no outcome yet, and re-reads first any asset whose write may or may
//! not have landed before the process stopped. An undo is a run whose plan comes from an
//! earlier run's journal instead of a folder listing.
//!
//! Not here: the policy of concurrency (controller.rs), the file format (journal.rs), run
//! lists and reports (runs.rs), or any UI.

use std::collections::HashMap;
use std::future::Future;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{Map, Value};
use tokio::task::JoinSet;

use crate::aem::AemError;
use crate::assets::{AssetRef, AssetStore, CallError, Current, Entry, EntryKind, Write};
use crate::bulk::control::{ControlState, RunControl};
use crate::bulk::controller::ControllerConfig;
use crate::bulk::gate::Gate;
use crate::bulk::journal::{
    Action, EndStatus, JOURNAL_VERSION, JournalWriter, Outcome, PlanRow, PreviewCounts,
    PropertyChange, Record, journal_path, read_records,
};
use crate::bulk::progress::{Phase, Progress, ProgressFn, Tracker, eta};
use crate::bulk::reasons;
use crate::bulk::runs::{self, RunSummary};
use crate::bulk::spec::{RunKind, RunSpec, apply_op};
use crate::bulk::state::{Replay, RunStatus};
use crate::credentials::ApiFamily;
use crate::error::{Error, Result};

/// Tunables of the engine; the defaults suit AEM as a Cloud Service.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Listing page size (`limit`).
    pub page_size: u64,
    pub controller: ControllerConfig,
    /// Attempts per request for 5xx and dropped connections.
    pub max_attempts: u32,
    /// First retry delay; doubles per attempt.
    pub retry_base: Duration,
    /// Throttled answers tolerated per request before the asset is reported failed.
    pub max_throttled: u32,
    /// At most one progress event per this interval (plus the last one).
    pub progress_interval: Duration,
    /// Assets being worked on at once (their requests still pass the gate).
    pub max_tasks: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            page_size: 100,
            controller: ControllerConfig::default(),
            max_attempts: 6,
            retry_base: Duration::from_millis(200),
            max_throttled: 50,
            progress_interval: Duration::from_millis(200),
            max_tasks: 64,
        }
    }
}

/// Refused writes (403), with none accepted, after which an apply stops.
const REFUSED_WRITES_BEFORE_STOP: usize = 5;

/// Runs previews, applies, resumes and undos against one connection's Assets API.
pub struct Engine {
    store: Arc<dyn AssetStore>,
    runs_dir: PathBuf,
    settings: Settings,
}

/// Why a request gave up.
enum Failure {
    /// Cancelled (or stopped) while waiting: the asset stays pending.
    Cancelled,
    Call(CallError, u32),
}

#[derive(Default)]
struct Tally {
    done: AtomicU64,
    total: AtomicU64,
    changed: AtomicU64,
    unchanged: AtomicU64,
    skipped: AtomicU64,
    failed: AtomicU64,
}

/// What every task of one phase shares.
struct Ctx {
    store: Arc<dyn AssetStore>,
    settings: Settings,
    spec: RunSpec,
    run_id: String,
    gate: Gate,
    /// Cancelled by the user's control or by `stop`.
    control: RunControl,
    user: RunControl,
    journal: JournalWriter,
    /// Why the phase stopped early, when something made going on pointless.
    stop: Mutex<Option<AemError>>,
    /// Plan rows journaled so far (a preview that fails before the first one leaves no run).
    rows: AtomicU64,
    /// When a journal record was last given the time (see [`Ctx::stamp`]).
    stamped: Mutex<Option<Instant>>,
    /// Refused writes (403) held back while no write of this phase has been accepted: their
    /// outcome depends on what comes next (see [`Ctx::write_refused`]). `None` once a write
    /// was accepted: from then on a 403 is an ordinary failure of its asset.
    refused: Mutex<Option<Vec<(u64, String)>>>,
    tally: Tally,
    listing_done: std::sync::atomic::AtomicBool,
    tracker: Mutex<Tracker>,
    phase: Phase,
}

impl Ctx {
    fn new(
        engine: &Engine,
        spec: RunSpec,
        run_id: String,
        journal: JournalWriter,
        user: &RunControl,
        phase: Phase,
    ) -> Arc<Self> {
        let control = RunControl::new();
        Arc::new(Ctx {
            store: engine.store.clone(),
            settings: engine.settings.clone(),
            spec,
            run_id,
            gate: Gate::new(engine.settings.controller.clone(), control.clone()),
            control,
            user: user.clone(),
            journal,
            stop: Mutex::new(None),
            rows: AtomicU64::new(0),
            stamped: Mutex::new(None),
            refused: Mutex::new(Some(Vec::new())),
            tally: Tally::default(),
            listing_done: std::sync::atomic::AtomicBool::new(false),
            tracker: Mutex::new(Tracker::new(engine.settings.progress_interval)),
            phase,
        })
    }

    /// Stops the phase for a reason that makes going on pointless (credentials refused, the
    /// host unreachable during a preview). The first reason given is kept.
    fn stop(&self, why: AemError) {
        lock(&self.stop).get_or_insert(why);
        self.control.cancel();
    }

    /// A write of asset `i` was refused (403); returns its outcome when it is already known.
    ///
    /// Until a write of this phase is accepted, a refusal may mean the account cannot write at
    /// all, so it is held back without an outcome. When the first
    /// [`REFUSED_WRITES_BEFORE_STOP`] writes are all refused, the phase stops: the held assets
    /// stay pending with every other asset not written, and one resume does them all once an
    /// administrator has given the account write access (nothing was written, so there is
    /// nothing for "retry failed" to do). Once a write got through, the held refusals and any
    /// later one are about their assets (access can differ per folder): failures.
    fn write_refused(&self, i: u64, reason: String) -> Option<(Outcome, Option<String>)> {
        let mut held = lock(&self.refused);
        let Some(held) = held.as_mut() else {
            return Some((Outcome::Failed, Some(reason)));
        };
        held.push((i, reason));
        if held.len() >= REFUSED_WRITES_BEFORE_STOP {
            let stop = reasons::cannot_write(self.spec.account.as_deref(), held.len());
            self.stop(AemError::Auth(stop));
        }
        None
    }

    /// A write was accepted: the refusals held back so far were about their own assets.
    fn write_accepted(&self) -> Result<()> {
        let held = lock(&self.refused).take();
        self.journal_refusals(held.unwrap_or_default())
    }

    /// At the end of an apply that went through every asset: refusals still held (fewer than
    /// the stop needs, and no write accepted) are failures of their assets. A stopped or
    /// cancelled apply leaves them pending.
    fn settle_refusals(&self) -> Result<()> {
        if self.control.is_cancelled() {
            return Ok(());
        }
        let held = lock(&self.refused).as_mut().map(std::mem::take);
        self.journal_refusals(held.unwrap_or_default())
    }

    fn journal_refusals(&self, refusals: Vec<(u64, String)>) -> Result<()> {
        for (i, reason) in refusals {
            self.journal.append(&Record::Outcome {
                i,
                outcome: Outcome::Failed,
                reason: Some(reason),
                at: self.stamp(),
            })?;
            self.count(Outcome::Failed);
        }
        Ok(())
    }

    /// The time for the next writing or outcome record, about once a second: enough to tell
    /// when an apply that was killed stopped working, without a timestamp on every line.
    fn stamp(&self) -> Option<String> {
        let now = Instant::now();
        let mut last = lock(&self.stamped);
        if last.is_some_and(|t| now.duration_since(t) < Duration::from_secs(1)) {
            return None;
        }
        *last = Some(now);
        Some(now_rfc3339())
    }

    fn stop_reason(&self) -> Option<String> {
        lock(&self.stop).as_ref().map(ToString::to_string)
    }

    fn take_stop(&self) -> Option<AemError> {
        lock(&self.stop).take()
    }

    /// Sends one request through the gate, retrying throttles and transient failures. Each
    /// request has its own retry budget (and its own count in "after N attempts").
    async fn call<T, F, Fut>(&self, f: F) -> Result<T, Failure>
    where
        F: Fn() -> Fut,
        Fut: Future<Output = Result<T, CallError>>,
    {
        self.call_counted(&mut 0, f).await
    }

    /// [`Ctx::call`], telling the caller how many attempts were sent (a write answered 412
    /// after an attempt whose answer was lost may have been ours).
    async fn call_counted<T, F, Fut>(&self, attempts: &mut u32, f: F) -> Result<T, Failure>
    where
        F: Fn() -> Fut,
        Fut: Future<Output = Result<T, CallError>>,
    {
        *attempts = 0;
        let mut throttled = 0u32;
        loop {
            let permit = self.gate.acquire().await.map_err(|_| Failure::Cancelled)?;
            *attempts += 1;
            match f().await {
                Ok(v) => {
                    permit.answered();
                    return Ok(v);
                }
                Err(CallError::Throttled {
                    status,
                    retry_after,
                }) => {
                    permit.throttled(retry_after);
                    throttled += 1;
                    if throttled > self.settings.max_throttled {
                        return Err(Failure::Call(
                            CallError::Throttled {
                                status,
                                retry_after,
                            },
                            *attempts,
                        ));
                    }
                }
                Err(e @ (CallError::Transient(_) | CallError::Unreachable(_))) => {
                    drop(permit);
                    let transient = *attempts - throttled;
                    if transient >= self.settings.max_attempts {
                        return Err(Failure::Call(e, transient));
                    }
                    let backoff = self
                        .settings
                        .retry_base
                        .saturating_mul(2u32.saturating_pow(transient.saturating_sub(1).min(10)));
                    let jitter = backoff.mul_f64(jitter_fraction(*attempts));
                    tokio::select! {
                        _ = tokio::time::sleep(backoff + jitter) => {}
                        _ = self.control.changed() => {
                            if self.control.is_cancelled() {
                                return Err(Failure::Cancelled);
                            }
                        }
                    }
                }
                Err(CallError::Auth(msg)) => {
                    drop(permit);
                    self.stop(AemError::Auth(msg.clone()));
                    return Err(Failure::Call(CallError::Auth(msg), *attempts));
                }
                Err(other) => {
                    permit.answered();
                    return Err(Failure::Call(other, *attempts));
                }
            }
        }
    }

    fn count(&self, outcome: Outcome) {
        let t = &self.tally;
        match outcome {
            Outcome::Changed => &t.changed,
            Outcome::Unchanged => &t.unchanged,
            Outcome::Skipped => &t.skipped,
            Outcome::Failed => &t.failed,
        }
        .fetch_add(1, Ordering::Relaxed);
        t.done.fetch_add(1, Ordering::Relaxed);
    }

    fn progress(&self, on_progress: ProgressFn<'_>, last: bool) {
        let now = Instant::now();
        let t = &self.tally;
        let done = t.done.load(Ordering::Relaxed);
        let (rate, due) = {
            let mut tracker = self
                .tracker
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            let rate = tracker.observe(now, done);
            (rate, tracker.due(now, last))
        };
        if !due {
            return;
        }
        let total = t.total.load(Ordering::Relaxed);
        let (limit, _, throttled) = self.gate.snapshot();
        let total_known = self.phase == Phase::Apply || self.listing_done.load(Ordering::Relaxed);
        on_progress(Progress {
            run_id: self.run_id.clone(),
            phase: self.phase,
            done,
            total,
            total_known,
            changed: t.changed.load(Ordering::Relaxed),
            unchanged: t.unchanged.load(Ordering::Relaxed),
            skipped: t.skipped.load(Ordering::Relaxed),
            failed: t.failed.load(Ordering::Relaxed),
            rate,
            eta_secs: if total_known {
                eta(total.saturating_sub(done), rate)
            } else {
                None
            },
            concurrency: u32::try_from(limit).unwrap_or(u32::MAX),
            paused: self.user.state() == ControlState::Paused,
            throttled,
            finished: last,
        });
    }
}

/// A cheap deterministic jitter in [0, 0.25) so retries of concurrent requests spread out.
fn jitter_fraction(seed: u32) -> f64 {
    let x = seed.wrapping_mul(2_654_435_761) >> 16;
    f64::from(x % 1000) / 4000.0
}

/// Forwards the user's pause/resume/cancel to the phase's own control (which `stop` may
/// also cancel).
fn forward(user: RunControl, inner: RunControl) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            match user.state() {
                ControlState::Running => inner.resume(),
                ControlState::Paused => inner.pause(),
                ControlState::Cancelled => {
                    inner.cancel();
                    return;
                }
            }
            if inner.is_cancelled() {
                return;
            }
            tokio::select! {
                _ = user.changed() => {}
                _ = inner.changed() => {}
            }
        }
    })
}

fn now_rfc3339() -> String {
    time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// A sortable, unique-enough run id: `20260512-103000-123-4f2a` (UTC, milliseconds, salt).
fn new_run_id() -> String {
    let now = time::OffsetDateTime::now_utc();
    let stamp = time::macros::format_description!(
        "[year][month][day]-[hour][minute][second]-[subsecond digits:3]"
    );
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or_default();
    let salt = (nanos ^ std::process::id().wrapping_mul(40_503)) & 0xffff;
    format!("{}-{salt:04x}", now.format(&stamp).unwrap_or_default())
}

/// The edited properties' values in `metadata` (absent and null are the same: not set).
fn values_of<'a>(metadata: &'a Map<String, Value>, property: &str) -> Option<&'a Value> {
    metadata.get(property).filter(|v| !v.is_null())
}

fn same(a: Option<&Value>, b: Option<&Value>) -> bool {
    a.filter(|v| !v.is_null()) == b.filter(|v| !v.is_null())
}

impl Engine {
    /// An engine writing journals under `{data}/runs`.
    pub fn new(store: Arc<dyn AssetStore>, runs_dir: impl Into<PathBuf>) -> Self {
        Engine {
            store,
            runs_dir: runs_dir.into(),
            settings: Settings::default(),
        }
    }

    pub fn with_settings(mut self, settings: Settings) -> Self {
        self.settings = settings;
        self
    }

    pub fn runs_dir(&self) -> &Path {
        &self.runs_dir
    }

    fn check_family(&self, spec: &RunSpec) -> Result<()> {
        if spec.family == self.store.family() {
            Ok(())
        } else {
            Err(Error::InvalidInput(format!(
                "This run uses the {:?} Assets API but the connection given uses the {:?} one.",
                spec.family,
                self.store.family()
            )))
        }
    }

    /// A new run: its journal, opened with the run's definition already on disk.
    async fn start_run(&self, spec: &RunSpec) -> Result<(String, JournalWriter)> {
        let (id, journal) = self.create_journal()?;
        journal
            .append_durable(&Record::Run {
                v: JOURNAL_VERSION,
                id: id.clone(),
                created: now_rfc3339(),
                spec: spec.clone(),
            })
            .await?;
        Ok((id, journal))
    }

    fn create_journal(&self) -> Result<(String, JournalWriter)> {
        for _ in 0..20 {
            let id = new_run_id();
            match JournalWriter::create(&journal_path(&self.runs_dir, &id)) {
                Ok(w) => return Ok((id, w)),
                Err(Error::Io { source, .. })
                    if source.kind() == std::io::ErrorKind::AlreadyExists =>
                {
                    std::thread::sleep(Duration::from_millis(3));
                }
                Err(e) => return Err(e),
            }
        }
        Err(Error::Internal("could not find a free run id".into()))
    }

    /// Previews `spec`: lists the folder, reads what it must, and journals one row per asset in
    /// scope. Nothing is written to AEM. Returns the new run's summary (status `Previewed`, or
    /// `PreviewIncomplete` when cancelled).
    pub async fn preview(
        &self,
        spec: RunSpec,
        control: &RunControl,
        on_progress: ProgressFn<'_>,
    ) -> Result<RunSummary> {
        let spec = spec.validated()?;
        match &spec.kind {
            RunKind::Edit => {}
            RunKind::Undo { .. } => {
                return Err(Error::InvalidInput("Use undo to plan an undo.".into()));
            }
            RunKind::Retry { .. } => {
                return Err(Error::InvalidInput(
                    "Use retry to plan a retry of the failed assets.".into(),
                ));
            }
        }
        self.check_family(&spec)?;
        let (id, journal) = self.start_run(&spec).await?;
        let ctx = Ctx::new(self, spec, id.clone(), journal, control, Phase::Preview);
        let forwarder = forward(control.clone(), ctx.control.clone());
        let result = preview_listing(&ctx, on_progress).await;
        forwarder.abort();
        self.finish_preview(ctx, result, on_progress).await?;
        runs::summary(&self.runs_dir, &id)
    }

    /// Plans the undo of run `of`: a new run that restores the original value of every
    /// property `of` changed, on assets where the value is still the one `of` wrote. Writes
    /// that may have landed count as changes (in doubt after a kill, or failed after the
    /// request left): each asset is read, and one that still holds its original is planned
    /// as already as wanted.
    pub async fn preview_undo(
        &self,
        of: &str,
        control: &RunControl,
        on_progress: ProgressFn<'_>,
    ) -> Result<RunSummary> {
        let original_path = runs::path_of(&self.runs_dir, of)?;
        let original = Replay::load(&original_path)?;
        self.check_family(&original.spec)?;
        if original.originals.is_empty() {
            return Err(Error::InvalidInput(format!(
                "Run {of} changed no asset, so there is nothing to undo."
            )));
        }
        let spec = RunSpec {
            kind: RunKind::Undo { of: of.to_owned() },
            ..original.spec.clone()
        };
        let (id, journal) = self.start_run(&spec).await?;
        let ctx = Ctx::new(self, spec, id.clone(), journal, control, Phase::Preview);
        let forwarder = forward(control.clone(), ctx.control.clone());
        let result = preview_undo_rows(&ctx, &original_path, original, on_progress).await;
        forwarder.abort();
        self.finish_preview(ctx, result, on_progress).await?;
        runs::summary(&self.runs_dir, &id)
    }

    /// Plans a retry of run `of`: a new run with the same edits on the assets that failed in
    /// `of`, each read again now (before → after computed as in any preview; an asset gone or
    /// unreadable is skipped with its reason). `of` must have failed assets.
    pub async fn preview_retry(
        &self,
        of: &str,
        control: &RunControl,
        on_progress: ProgressFn<'_>,
    ) -> Result<RunSummary> {
        let original_path = runs::path_of(&self.runs_dir, of)?;
        let original = Replay::load(&original_path)?;
        if let RunKind::Undo { of: undone } = &original.spec.kind {
            return Err(Error::InvalidInput(format!(
                "Run {of} is an undo; to restore the assets it could not, plan the undo of run \
                 {undone} again (assets already restored are left as they are)."
            )));
        }
        self.check_family(&original.spec)?;
        let failed: std::collections::HashSet<u64> = original
            .outcomes
            .iter()
            .filter(|(_, o)| **o == Outcome::Failed)
            .map(|(i, _)| *i)
            .collect();
        if failed.is_empty() {
            return Err(Error::InvalidInput(format!(
                "No asset failed in run {of}, so there is nothing to retry."
            )));
        }
        let spec = RunSpec {
            kind: RunKind::Retry { of: of.to_owned() },
            ..original.spec.clone()
        };
        let (id, journal) = self.start_run(&spec).await?;
        let ctx = Ctx::new(self, spec, id.clone(), journal, control, Phase::Preview);
        let forwarder = forward(control.clone(), ctx.control.clone());
        let result = preview_retry_rows(&ctx, &original_path, &failed, on_progress).await;
        forwarder.abort();
        self.finish_preview(ctx, result, on_progress).await?;
        runs::summary(&self.runs_dir, &id)
    }

    /// Ends a preview: journals `Previewed`, or leaves the run "preview incomplete" when it was
    /// cancelled or failed. A preview that failed before it planned any asset (a missing
    /// folder, refused credentials, an unreachable host) leaves no run at all: its journal is
    /// removed, so a bad input stores nothing.
    async fn finish_preview(
        &self,
        ctx: Arc<Ctx>,
        result: Result<PreviewCounts>,
        on_progress: ProgressFn<'_>,
    ) -> Result<()> {
        let ended = Self::end_preview(&ctx, result, on_progress).await;
        if ended.is_err() && ctx.rows.load(Ordering::SeqCst) == 0 {
            let path = ctx.journal.path().to_owned();
            // Closes the journal when this is the last reference; removing it works either way.
            drop(ctx);
            if let Err(e) = std::fs::remove_file(&path) {
                tracing::warn!(path = %path.display(), error = %e, "could not remove the journal of a failed preview");
            }
        }
        ended
    }

    async fn end_preview(
        ctx: &Ctx,
        result: Result<PreviewCounts>,
        on_progress: ProgressFn<'_>,
    ) -> Result<()> {
        let counts = result?;
        if let Some(why) = ctx.take_stop() {
            return Err(Error::Aem(why));
        }
        ctx.listing_done.store(true, Ordering::Relaxed);
        ctx.progress(on_progress, true);
        if ctx.control.is_cancelled() {
            // No `Previewed` record: the run stays "preview incomplete" and cannot be applied.
            return Ok(());
        }
        ctx.journal
            .append_durable(&Record::Previewed {
                at: now_rfc3339(),
                counts,
            })
            .await
    }

    /// Applies a previewed run, or resumes an interrupted, cancelled or stopped one: writes
    /// every planned change that has no outcome yet.
    pub async fn apply(
        &self,
        run_id: &str,
        control: &RunControl,
        on_progress: ProgressFn<'_>,
    ) -> Result<RunSummary> {
        let path = runs::path_of(&self.runs_dir, run_id)?;
        let replay = Replay::load(&path)?;
        let status = replay.status();
        if !status.can_apply() {
            return Err(Error::InvalidInput(match status {
                RunStatus::Completed => format!("Run {run_id} is already complete."),
                _ => format!(
                    "The preview of run {run_id} did not finish, so it cannot be applied; \
                     preview again."
                ),
            }));
        }
        self.check_family(&replay.spec)?;
        // Locks the journal: a second process applying the same run is refused here.
        let journal = JournalWriter::reopen(&path)?;
        journal
            .append_durable(&Record::ApplyStarted { at: now_rfc3339() })
            .await?;
        let ctx = Ctx::new(
            self,
            replay.spec.clone(),
            run_id.to_owned(),
            journal,
            control,
            Phase::Apply,
        );
        ctx.tally
            .total
            .store(replay.counts.pending, Ordering::Relaxed);
        let forwarder = forward(control.clone(), ctx.control.clone());
        let result = apply_rows(&ctx, &path, &replay, on_progress).await;
        forwarder.abort();
        result?;
        ctx.settle_refusals()?;
        ctx.progress(on_progress, true);
        let (status, reason) = match ctx.stop_reason() {
            Some(reason) => (EndStatus::Stopped, Some(reason)),
            None if ctx.control.is_cancelled() => (EndStatus::Cancelled, None),
            None => (EndStatus::Completed, None),
        };
        ctx.journal
            .append_durable(&Record::Ended {
                at: now_rfc3339(),
                status,
                reason,
            })
            .await?;
        drop(ctx);
        runs::summary(&self.runs_dir, run_id)
    }
}

/// Spawns `task` in `set`, first waiting while `max` tasks are alive.
async fn spawn_bounded(
    set: &mut JoinSet<Result<()>>,
    max: usize,
    task: impl Future<Output = Result<()>> + Send + 'static,
) -> Result<()> {
    while set.len() >= max {
        join_one(set).await?;
    }
    set.spawn(task);
    Ok(())
}

async fn join_one(set: &mut JoinSet<Result<()>>) -> Result<()> {
    match set.join_next().await {
        Some(Ok(r)) => r,
        Some(Err(e)) => Err(Error::Internal(format!("a run task failed: {e}"))),
        None => Ok(()),
    }
}

async fn drain(set: &mut JoinSet<Result<()>>) -> Result<()> {
    let mut first_error = None;
    while !set.is_empty() {
        if let Err(e) = join_one(set).await {
            first_error.get_or_insert(e);
        }
    }
    first_error.map_or(Ok(()), Err)
}

/// Lists the folder (and subfolders when recursive), page by page, handing each asset in
/// scope to a task; only the folder stack and the tasks in flight are in memory.
async fn preview_listing(ctx: &Arc<Ctx>, on_progress: ProgressFn<'_>) -> Result<PreviewCounts> {
    let counts = Arc::new(Mutex::new(PreviewCounts::default()));
    let mut tasks: JoinSet<Result<()>> = JoinSet::new();
    let mut folders = vec![ctx.spec.folder.clone()];
    let mut next_i = 0u64;
    let mut is_root = true;
    'folders: while let Some(folder) = folders.pop() {
        let mut offset = 0u64;
        loop {
            let page = ctx
                .call(|| ctx.store.list(&folder, offset, ctx.settings.page_size))
                .await;
            let page = match page {
                Ok(page) => page,
                Err(Failure::Cancelled) => break 'folders,
                Err(Failure::Call(e, n)) => {
                    if is_root || matches!(e, CallError::Auth(_) | CallError::Unreachable(_)) {
                        let account = ctx.spec.account.as_deref();
                        return Err(reasons::list_failed(
                            &folder,
                            e,
                            ctx.store.family(),
                            account,
                        ));
                    }
                    let reason = reasons::folder_not_listed(&e, ctx.spec.account.as_deref(), n);
                    tracing::warn!(%folder, %reason, "subfolder could not be listed");
                    // Its assets are not in the run: say so in the plan (a skipped row for the
                    // folder), so the preview, the counts and the report show it.
                    let row = skip_row(next_i, &folder, &reason);
                    next_i += 1;
                    ctx.tally.total.fetch_add(1, Ordering::Relaxed);
                    record_row(ctx, &counts, row)?;
                    ctx.count(Outcome::Skipped);
                    break;
                }
            };
            for entry in page.entries {
                match entry.kind {
                    EntryKind::Folder => {
                        lock(&counts).folders += 1;
                        if ctx.spec.filters.recursive {
                            folders.push(entry.path);
                        }
                    }
                    _ if !ctx.spec.filters.name_matches(&entry.name) => {
                        lock(&counts).filtered_out += 1
                    }
                    EntryKind::ContentFragment => {
                        let row = skip_row(next_i, &entry.path, reasons::CONTENT_FRAGMENT);
                        next_i += 1;
                        ctx.tally.total.fetch_add(1, Ordering::Relaxed);
                        record_row(ctx, &counts, row)?;
                        ctx.count(Outcome::Skipped);
                    }
                    EntryKind::Asset => {
                        let i = next_i;
                        next_i += 1;
                        ctx.tally.total.fetch_add(1, Ordering::Relaxed);
                        let (ctx2, counts2) = (ctx.clone(), counts.clone());
                        spawn_bounded(&mut tasks, ctx.settings.max_tasks, async move {
                            preview_asset(&ctx2, &counts2, i, entry).await
                        })
                        .await?;
                    }
                }
            }
            ctx.progress(on_progress, false);
            match page.next_offset {
                Some(next) => offset = next,
                None => break,
            }
        }
        is_root = false;
    }
    ctx.listing_done.store(true, Ordering::Relaxed);
    drain(&mut tasks).await?;
    let counts = *lock(&counts);
    Ok(counts)
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn skip_row(i: u64, path: &str, reason: &str) -> PlanRow {
    PlanRow {
        i,
        path: path.to_owned(),
        id: None,
        etag: None,
        action: Action::Skip,
        reason: Some(reason.to_owned()),
        changes: Vec::new(),
        reread: false,
    }
}

fn record_row(ctx: &Ctx, counts: &Mutex<PreviewCounts>, row: PlanRow) -> Result<()> {
    {
        let mut c = lock(counts);
        c.assets += 1;
        match row.action {
            Action::Change => c.will_change += 1,
            Action::Unchanged => c.unchanged += 1,
            Action::Skip => c.skipped += 1,
        }
    }
    ctx.journal.append(&Record::Row(row))?;
    ctx.rows.fetch_add(1, Ordering::SeqCst);
    Ok(())
}

/// Reads one asset (unless the listing already says enough) and journals its plan row.
async fn preview_asset(
    ctx: &Arc<Ctx>,
    counts: &Mutex<PreviewCounts>,
    i: u64,
    entry: Entry,
) -> Result<()> {
    let store = &ctx.store;
    let spec = &ctx.spec;
    let listing_format = entry.listed_format().map(str::to_owned);
    // The listing holds a subset of the metadata (adobe-wire §4.2), and which subset is not
    // documented: a value it shows is the current one, but a property it does not show may
    // still be set. Taking an absent one as "not set" would journal null as the original, and
    // an undo would then delete the real value. So the listing stands in for a read only when
    // it shows a value for every edited property.
    let listing_enough = entry.metadata.as_ref().is_some_and(|listed| {
        spec.edits
            .iter()
            .all(|e| store.listing_carries(&e.property) && values_of(listed, &e.property).is_some())
    }) && (spec.filters.formats.is_empty() || listing_format.is_some());
    let mut asset = AssetRef {
        path: entry.path.clone(),
        id: None,
    };
    let current = if listing_enough {
        Current {
            metadata: entry.metadata.unwrap_or_default(),
            etag: None,
        }
    } else {
        let read = async {
            // Only the OpenAPI family looks ids up (a request); the classic one has none to
            // find, and its instant answer must not reach the gate, whose controller would
            // take it for the server's normal latency and every real request for queueing.
            if store.family() == ApiFamily::OpenApi {
                asset.id = ctx.call(|| store.resolve_id(&entry.path)).await?;
            }
            ctx.call(|| store.read(&asset)).await
        }
        .await;
        match read {
            Ok(current) => current,
            // The phase stops (`call` saw credentials refused): no row, the preview fails.
            Err(Failure::Cancelled | Failure::Call(CallError::Auth(_), _)) => return Ok(()),
            Err(Failure::Call(CallError::Unreachable(e), _)) => {
                // Every other asset would be skipped the same way: stop the preview instead.
                ctx.stop(e);
                return Ok(());
            }
            Err(Failure::Call(e, n)) => {
                let reason = reasons::not_read(&e, ctx.spec.account.as_deref(), n);
                record_row(ctx, counts, skip_row(i, &entry.path, &reason))?;
                ctx.count(Outcome::Skipped);
                return Ok(());
            }
        }
    };
    let format = current
        .metadata
        .get("dc:format")
        .and_then(Value::as_str)
        .or(listing_format.as_deref());
    if !spec.filters.format_matches(format) {
        lock(counts).filtered_out += 1;
        ctx.tally.total.fetch_sub(1, Ordering::Relaxed);
        return Ok(());
    }
    let changes: Vec<PropertyChange> = spec
        .edits
        .iter()
        .map(|edit| {
            let before = values_of(&current.metadata, &edit.property).cloned();
            let after = apply_op(&edit.op, before.as_ref());
            PropertyChange {
                property: edit.property.clone(),
                before,
                after,
            }
        })
        .collect();
    let changing = changes
        .iter()
        .any(|c| !same(c.before.as_ref(), c.after.as_ref()));
    let row = PlanRow {
        i,
        path: entry.path,
        id: asset.id,
        etag: current.etag,
        action: if changing {
            Action::Change
        } else {
            Action::Unchanged
        },
        reason: None,
        changes,
        reread: store.family() == ApiFamily::Classic
            && spec.edits.iter().any(|e| e.op.depends_on_current()),
    };
    ctx.count(if changing {
        Outcome::Changed
    } else {
        Outcome::Unchanged
    });
    record_row(ctx, counts, row)
}

/// Plans a run from an earlier run's rows: `keep` picks the rows (in the earlier run's order),
/// `plan` reads one asset and journals its row. Streams the earlier journal.
async fn plan_from_rows<Plan, Planned>(
    ctx: &Arc<Ctx>,
    original_path: &Path,
    total: u64,
    keep: impl Fn(&PlanRow) -> bool,
    plan: Plan,
    on_progress: ProgressFn<'_>,
) -> Result<PreviewCounts>
where
    Plan: Fn(Arc<Ctx>, Arc<Mutex<PreviewCounts>>, u64, PlanRow) -> Planned,
    Planned: Future<Output = Result<()>> + Send + 'static,
{
    let counts = Arc::new(Mutex::new(PreviewCounts::default()));
    ctx.tally.total.store(total, Ordering::Relaxed);
    ctx.listing_done.store(true, Ordering::Relaxed);
    let mut tasks: JoinSet<Result<()>> = JoinSet::new();
    let mut next_i = 0u64;
    for record in read_records(original_path)? {
        let row = match record? {
            Record::Row(row) if keep(&row) => row,
            Record::Previewed { .. } => break,
            _ => continue,
        };
        if ctx.control.is_cancelled() {
            break;
        }
        let i = next_i;
        next_i += 1;
        let task = plan(ctx.clone(), counts.clone(), i, row);
        spawn_bounded(&mut tasks, ctx.settings.max_tasks, task).await?;
        ctx.progress(on_progress, false);
    }
    drain(&mut tasks).await?;
    let counts = *lock(&counts);
    Ok(counts)
}

/// Plans a retry: the assets that failed in the original run, read again now like a fresh
/// preview's assets.
async fn preview_retry_rows(
    ctx: &Arc<Ctx>,
    original_path: &Path,
    failed: &std::collections::HashSet<u64>,
    on_progress: ProgressFn<'_>,
) -> Result<PreviewCounts> {
    let plan = |ctx: Arc<Ctx>, counts: Arc<Mutex<PreviewCounts>>, i: u64, row: PlanRow| {
        let entry = Entry {
            name: row.path.rsplit('/').next().unwrap_or_default().to_owned(),
            path: row.path,
            kind: EntryKind::Asset,
            // No listing: the asset is read again, so the plan starts from its values now.
            metadata: None,
        };
        async move { preview_asset(&ctx, &counts, i, entry).await }
    };
    let total = failed.len() as u64;
    let keep = |row: &PlanRow| failed.contains(&row.i);
    plan_from_rows(ctx, original_path, total, keep, plan, on_progress).await
}

/// Plans an undo from the original run's rows: for each asset it changed or may have changed
/// ([`Replay::originals`]), read the current values; restore where they are still what the run
/// wrote.
async fn preview_undo_rows(
    ctx: &Arc<Ctx>,
    original_path: &Path,
    original: Replay,
    on_progress: ProgressFn<'_>,
) -> Result<PreviewCounts> {
    let originals = Arc::new(original.originals);
    let total = originals.len() as u64;
    let keep = |row: &PlanRow| originals.contains_key(&row.i);
    let plan = |ctx: Arc<Ctx>, counts: Arc<Mutex<PreviewCounts>>, i: u64, row: PlanRow| {
        let originals = originals.clone();
        async move { undo_asset(&ctx, &counts, &originals, i, row).await }
    };
    plan_from_rows(ctx, original_path, total, keep, plan, on_progress).await
}

async fn undo_asset(
    ctx: &Arc<Ctx>,
    counts: &Mutex<PreviewCounts>,
    originals: &HashMap<u64, Box<str>>,
    i: u64,
    row: PlanRow,
) -> Result<()> {
    let of = match &ctx.spec.kind {
        RunKind::Undo { of } => of.clone(),
        RunKind::Edit | RunKind::Retry { .. } => String::new(),
    };
    let original: Map<String, Value> = originals
        .get(&row.i)
        .and_then(|text| serde_json::from_str(text).ok())
        .unwrap_or_default();
    let asset = AssetRef {
        path: row.path.clone(),
        id: row.id.clone(),
    };
    let current = match ctx.call(|| ctx.store.read(&asset)).await {
        Ok(c) => c,
        Err(Failure::Cancelled | Failure::Call(CallError::Auth(_), _)) => return Ok(()),
        Err(Failure::Call(CallError::Unreachable(e), _)) => {
            ctx.stop(e);
            return Ok(());
        }
        Err(Failure::Call(e, n)) => {
            let reason = reasons::not_read(&e, ctx.spec.account.as_deref(), n);
            record_row(ctx, counts, skip_row(i, &row.path, &reason))?;
            ctx.count(Outcome::Skipped);
            return Ok(());
        }
    };
    let mut changes = Vec::new();
    let mut conflict = None;
    for change in row
        .changes
        .iter()
        .filter(|c| !same(c.before.as_ref(), c.after.as_ref()))
    {
        let now = values_of(&current.metadata, &change.property);
        let target = values_of(&original, &change.property).cloned();
        if !same(now, change.after.as_ref()) && !same(now, target.as_ref()) {
            conflict.get_or_insert_with(|| reasons::changed_since_run(&of, &change.property, now));
        }
        changes.push(PropertyChange {
            property: change.property.clone(),
            before: now.cloned(),
            after: target,
        });
    }
    let changing = changes
        .iter()
        .any(|c| !same(c.before.as_ref(), c.after.as_ref()));
    let (action, outcome) = match (&conflict, changing) {
        (Some(_), _) => (Action::Skip, Outcome::Skipped),
        (None, true) => (Action::Change, Outcome::Changed),
        (None, false) => (Action::Unchanged, Outcome::Unchanged),
    };
    let plan = PlanRow {
        i,
        path: row.path,
        id: row.id,
        etag: current.etag,
        action,
        reason: conflict,
        changes,
        // An undo writes over values others may be editing: check them again just before.
        reread: ctx.store.family() == ApiFamily::Classic,
    };
    ctx.count(outcome);
    record_row(ctx, counts, plan)
}

/// Streams the plan rows and applies those without an outcome.
///
/// On an error (the journal cannot be written, a task failed), no new write starts: the run
/// is cancelled, the writes in flight finish (journaling what they can), and the first error is
/// returned. The apply then has no end record: the run shows as interrupted and a resume
/// re-reads the assets left in doubt.
async fn apply_rows(
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
async fn feed_rows(
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
async fn apply_row(ctx: &Arc<Ctx>, row: PlanRow, in_doubt: bool) -> Result<()> {
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

async fn apply_one(
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
