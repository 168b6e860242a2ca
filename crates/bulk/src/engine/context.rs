//! What every task of one phase (a preview or an apply) shares: the run's journal, the gate
//! every request passes, the tallies behind progress events, and how one request is sent and
//! retried. Plus the small task helpers the phases use.

use super::folder_refusals::{self, FolderRefusals, Refusal};
use super::{Engine, Settings};
use metadesk_base::timefmt::now_rfc3339;

use std::collections::HashMap;
use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{Map, Value};

use crate::found_by::FoundBy;
use crate::journal::{Action, JournalWriter, Outcome, PlanRow, PreviewCounts, Record};
use crate::progress::{Phase, Progress, ProgressFn, Tracker, eta};
use crate::reasons;
use crate::request_gate::Gate;
use crate::run_control::{ControlState, RunControl};
use crate::spec::RunSpec;
use metadesk_assets::asset_path::check_canonical;
use metadesk_assets::{AssetsApi, CallError};
use metadesk_base::i18n::SavedText;
use metadesk_clients::aem::AemError;

use metadesk_clients::error::Result;

pub(super) use super::sending::Failure;
use super::sending::{Sender, Sending};

#[derive(Default)]
pub(super) struct Tally {
    pub(super) done: AtomicU64,
    pub(super) total: AtomicU64,
    pub(super) changed: AtomicU64,
    pub(super) unchanged: AtomicU64,
    pub(super) skipped: AtomicU64,
    pub(super) failed: AtomicU64,
}

/// What every task of one phase shares.
pub(super) struct Ctx {
    pub(super) aem: Arc<dyn AssetsApi>,
    pub(super) settings: Settings,
    pub(super) spec: RunSpec,
    pub(super) run_id: String,
    pub(super) gate: Gate,
    /// Cancelled by the user's control or by `stop`.
    pub(super) control: RunControl,
    pub(super) user: RunControl,
    pub(super) journal: JournalWriter,
    /// Why the phase stopped early, when something made going on pointless.
    pub(super) stop: Mutex<Option<(AemError, SavedText)>>,
    /// Plan rows journaled so far (a preview that fails before the first one leaves no run).
    pub(super) rows: AtomicU64,
    /// When a journal record was last given the time (see [`Ctx::stamp`]).
    pub(super) stamped: Mutex<Option<Instant>>,
    /// Refused writes of an edit and refused replications of a publish, decided per folder
    /// (see [`Ctx::write_refused`], [`Ctx::replication_refused`]).
    pub(super) folders: FolderRefusals,
    /// The ETag each asset in doubt was last sent against (an apply's resume, from the journal).
    pub(super) sent_against: Mutex<HashMap<u64, String>>,
    pub(super) tally: Tally,
    pub(super) listing_done: std::sync::atomic::AtomicBool,
    pub(super) tracker: Mutex<Tracker>,
    pub(super) phase: Phase,
    /// Which search found a preview's assets (journaled with `Previewed`).
    pub(super) found: Mutex<Option<FoundBy>>,
    /// The paired classic connection that lists and searches for an OAuth S2S connection.
    pub(super) paired: Option<String>,
    /// Set once this AEM refused a batch write (or an earlier run found so): the status it
    /// refused with. From then on the phase writes one asset per request.
    pub(super) per_asset: Mutex<Option<u16>>,
    /// The regular expressions of the run's rules, compiled once for all its assets.
    pub(super) regexes: crate::compute::Regexes,
    /// The run's folder's metadata schema, when read: computed values are checked against it.
    pub(super) schema: Option<Arc<metadesk_assets::schema::Schema>>,
    /// Assets whose batched check did not return them (AEM's search index had not caught up
    /// with them yet) and that were then read on their own: the preview says how many.
    pub(super) unindexed: AtomicU64,
    /// When the search that chose a search scope's assets was first sent (RFC 3339): such a
    /// scope holds what AEM's index held then, and the run's report keeps that time.
    pub(super) searched_at: Mutex<Option<String>>,
    /// A batched check was refused for good (QueryBuilder switched off or not allowed): the
    /// rest of the phase reads its assets one by one instead of asking again.
    pub(super) checks_refused: std::sync::atomic::AtomicBool,
    /// Folders a check of whole folders found to hold more than it asked for: checked by
    /// exact paths for the rest of the phase (`folder_checks.rs`).
    pub(super) big_folders: Mutex<std::collections::HashSet<String>>,
    /// Per required field of the schema, how many planned changes leave it empty where it held
    /// a value: the preview warns, and the apply needs it acknowledged.
    pub(super) emptied_required: Mutex<std::collections::BTreeMap<String, u64>>,
    /// Where an edit's or a sheet's assets stand on the website, for their plan rows.
    pub(super) on_website: Mutex<HashMap<String, metadesk_assets::publication::PublicationState>>,
    /// What finds the holders of a tag, for a tag import's undo (`Engine::with_tag_holders`).
    pub(super) tag_holders: Option<Arc<dyn crate::tag_import_undo::TagHolders>>,
}

impl Ctx {
    pub(super) fn new(
        engine: &Engine,
        spec: RunSpec,
        run_id: String,
        journal: JournalWriter,
        user: &RunControl,
        phase: Phase,
    ) -> Arc<Self> {
        let control = RunControl::new();
        let regexes = crate::spec::regexes_of(&spec.edits);
        Arc::new(Ctx {
            regexes,
            aem: engine.aem.clone(),
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
            folders: FolderRefusals::default(),
            sent_against: Mutex::default(),
            tally: Tally::default(),
            listing_done: std::sync::atomic::AtomicBool::new(false),
            tracker: Mutex::new(Tracker::new(engine.settings.progress_interval)),
            phase,
            found: Mutex::new(None),
            paired: engine.paired.clone(),
            schema: engine.schema.clone(),
            per_asset: Mutex::new(None),
            unindexed: AtomicU64::new(0),
            searched_at: Mutex::new(None),
            emptied_required: Mutex::default(),
            on_website: Mutex::default(),
            checks_refused: std::sync::atomic::AtomicBool::new(false),
            big_folders: Mutex::default(),
            tag_holders: engine.tag_holders.clone(),
        })
    }

    /// Whether the apply checks and writes assets in batches: the API can, and this AEM has
    /// not refused a batch write.
    pub(super) fn batches(&self) -> bool {
        self.aem.batches() && lock(&self.per_asset).is_none()
    }

    /// The key the engine remembers facts about this run's connection under.
    pub(super) fn connection_key(&self) -> String {
        match &self.spec.connection_id {
            Some(id) => id.clone(),
            None => format!("{} {}", self.spec.connection, self.spec.aem),
        }
    }

    /// From now on, writes go one asset per request: AEM refused a batch write with `status`
    /// (or an earlier run on this connection found so: `remembered`). Journaled once, and
    /// remembered for the connection's next runs.
    pub(super) async fn write_per_asset(&self, status: u16, remembered: bool) -> Result<()> {
        {
            let mut per_asset = lock(&self.per_asset);
            if per_asset.is_some() {
                return Ok(());
            }
            *per_asset = Some(status);
        }
        let at = now_rfc3339();
        if !remembered && let Some(runs_dir) = self.journal.path().parent() {
            crate::write_paths::remember_batch_refused(
                runs_dir,
                &self.connection_key(),
                status,
                &at,
            );
        }
        self.journal
            .append_durable(&Record::PerAssetWrites {
                status,
                remembered,
                at,
            })
            .await
    }

    /// Records which search found the assets; QueryBuilder and the listing go through the
    /// paired connection, if any.
    pub(super) fn found_by(&self, how: FoundBy) {
        *lock(&self.found) = Some(how.through(self.paired.clone()));
    }

    /// Records that the search choosing a search scope's assets is being sent now (the first
    /// request's time is kept).
    pub(super) fn searching_now(&self) {
        lock(&self.searched_at).get_or_insert_with(now_rfc3339);
    }

    /// Stops the phase for a reason that makes going on pointless (credentials refused, the
    /// host unreachable during a preview). The first reason given is kept.
    pub(super) fn stop(&self, why: AemError) {
        let reason = reasons::of_error(&why);
        self.stop_because(why, reason);
    }

    /// Stops the phase for `why`, journaled as `reason`.
    fn stop_because(&self, why: AemError, reason: SavedText) {
        lock(&self.stop).get_or_insert((why, reason));
        self.control.cancel();
    }

    /// A write of asset `i` at `path` was refused (403); returns its outcome when it is
    /// already known.
    ///
    /// AEM grants write access per folder, so refusals are decided per folder
    /// (`folder_refusals.rs`): until a write in the asset's folder is accepted, a refusal is
    /// held back without an outcome. When a folder's first writes are all refused, the folder
    /// refuses writes: its held assets fail with words naming the folder and the account, its
    /// other assets are skipped for that reason ([`Ctx::folder_refuses`]), and the run goes on
    /// elsewhere. When every folder tried refuses (and no write was accepted), the phase stops:
    /// the held assets stay pending with every other asset not written, and one resume does
    /// them all once an administrator has given the account write access. Once a write in a
    /// folder got through, the refusals there are about their own assets: failures.
    pub(super) fn write_refused(
        &self,
        i: u64,
        path: &str,
        reason: SavedText,
    ) -> Result<Option<(Outcome, Option<SavedText>)>> {
        let account = self.spec.account.as_deref();
        Ok(match self.folders.refused(i, path, reason) {
            Refusal::Held => None,
            Refusal::Own(reason) => Some((Outcome::Failed, Some(reason))),
            Refusal::FolderRefuses { folder, assets, .. } => {
                let why = reasons::folder_refuses_writes(&folder, &self.spec.connection, account);
                tracing::warn!(%folder, "AEM refuses this connection's writes in a folder");
                let others = assets.into_iter().map(|(a, _)| a).filter(|a| *a != i);
                self.journal_refusals(others.map(|a| (a, why.clone())).collect())?;
                Some((Outcome::Failed, Some(why)))
            }
            Refusal::Stop { refused } => {
                self.stop_because(
                    AemError::Auth(reasons::cannot_write_text(account, refused)),
                    reasons::cannot_write(account, refused),
                );
                None
            }
        })
    }

    /// The ETag the last write of asset `i` was sent against, when it is in doubt.
    pub(super) fn sent_against(&self, i: u64) -> Option<String> {
        lock(&self.sent_against).get(&i).cloned()
    }

    /// Why the asset at `path` is not tried, when its folder refuses this connection's writes.
    pub(super) fn folder_refuses(&self, path: &str) -> Option<SavedText> {
        let folder = self.folders.refusing(path)?;
        let account = self.spec.account.as_deref();
        Some(reasons::folder_refuses_writes(
            &folder,
            &self.spec.connection,
            account,
        ))
    }

    /// A write of the asset at `path` was accepted: the refusals held back in its folder were
    /// about their own assets.
    pub(super) fn write_accepted_at(&self, path: &str) -> Result<()> {
        self.journal_refusals(self.folders.accepted(path))
    }

    /// An operation's first requests were all refused (403), in every folder it tried, and
    /// none accepted: the phase stops, the rows held back left for the resume.
    pub(super) fn stop_cannot_write(&self, refused: usize) {
        let account = self.spec.account.as_deref();
        tracing::warn!(
            refused,
            "AEM refuses this connection's writes wherever the run tried"
        );
        self.stop_because(
            AemError::Auth(reasons::op_cannot_write_text(account, refused)),
            reasons::op_cannot_write(account, refused),
        );
    }

    /// A replication of asset `i` at `path` was refused (403); returns its outcome when it is
    /// already known. AEM grants Replicate per folder, so it is decided as a refused write is
    /// ([`Ctx::write_refused`]), in publishing's words, which name the asset's folder: held
    /// back until its folder is decided; a folder whose first replications are all refused
    /// fails them (its other assets are not sent: [`Ctx::publish_refused_in`]); when every
    /// folder tried refuses and none was accepted, the phase stops, the held assets pending.
    pub(super) fn replication_refused(
        &self,
        i: u64,
        path: &str,
    ) -> Result<Option<(Outcome, Option<SavedText>)>> {
        let account = self.spec.account.as_deref();
        let folder = folder_refusals::folder_of(path);
        let reason = reasons::publish_forbidden(folder, account);
        Ok(match self.folders.refused(i, path, reason.clone()) {
            Refusal::Held => None,
            Refusal::Own(reason) => Some((Outcome::Failed, Some(reason))),
            Refusal::FolderRefuses { assets, .. } => {
                tracing::warn!(%folder, "AEM refuses this connection's replications in a folder");
                let others = assets.into_iter().filter(|(a, _)| *a != i);
                self.journal_refusals(others.collect())?;
                Some((Outcome::Failed, Some(reason)))
            }
            Refusal::Stop { .. } => {
                // Refused everywhere so far: the run stops in the same words, not an edit's.
                let words = reasons::publish_forbidden_text(folder, account);
                self.stop_because(AemError::Auth(words), reason);
                None
            }
        })
    }

    /// Why the asset at `path` is not sent, when its folder refuses this connection's
    /// replications.
    pub(super) fn publish_refused_in(&self, path: &str) -> Option<SavedText> {
        let folder = self.folders.refusing(path)?;
        let account = self.spec.account.as_deref();
        Some(reasons::publish_forbidden(&folder, account))
    }

    /// At the end of an apply that went through every asset: refusals still held (fewer than
    /// the stop needs, and no write accepted) are failures of their assets. A stopped or
    /// cancelled apply leaves them pending.
    pub(super) fn settle_refusals(&self) -> Result<()> {
        if self.control.is_cancelled() {
            return Ok(());
        }
        self.journal_refusals(self.folders.settle())
    }

    pub(super) fn journal_refusals(&self, refusals: Vec<(u64, SavedText)>) -> Result<()> {
        for (i, reason) in refusals {
            self.journal.append(&Record::Outcome {
                i,
                outcome: Outcome::Failed,
                reason: Some(reason),
                changed_since: Vec::new(),
                at: self.stamp(),
            })?;
            self.count(Outcome::Failed);
        }
        Ok(())
    }

    /// The time for the next writing or outcome record, about once a second: enough to tell
    /// when an apply that was killed stopped working, without a timestamp on every line.
    pub(super) fn stamp(&self) -> Option<String> {
        let now = Instant::now();
        let mut last = lock(&self.stamped);
        if last.is_some_and(|t| now.duration_since(t) < Duration::from_secs(1)) {
            return None;
        }
        *last = Some(now);
        Some(now_rfc3339())
    }

    pub(super) fn stop_reason(&self) -> Option<SavedText> {
        lock(&self.stop).as_ref().map(|(_, reason)| reason.clone())
    }

    pub(super) fn take_stop(&self) -> Option<AemError> {
        lock(&self.stop).take().map(|(why, _)| why)
    }

    /// Sends one request through the gate, retrying throttles and transient failures. Each
    /// request has its own retry budget (and its own count in "after N attempts").
    pub(super) async fn call<T, F, Fut>(&self, f: F) -> Result<T, Failure>
    where
        F: Fn() -> Fut,
        Fut: Future<Output = Result<T, CallError>>,
    {
        self.call_counted(&mut 0, f).await
    }

    /// [`Ctx::call`], telling the caller how many attempts were sent (a write answered 412
    /// after an attempt whose answer was lost may have been ours).
    pub(super) async fn call_counted<T, F, Fut>(
        &self,
        attempts: &mut u32,
        f: F,
    ) -> Result<T, Failure>
    where
        F: Fn() -> Fut,
        Fut: Future<Output = Result<T, CallError>>,
    {
        let how = Sending {
            measured: true,
            resend: true,
        };
        self.send(attempts, how, f).await
    }

    /// [`Ctx::call_counted`] for a write: a failure that may hide a write that landed (a
    /// timeout, a dropped connection, a 5xx) is returned at once, never sent again blind: the
    /// caller reads the asset again first (throttles, which AEM answers before doing anything,
    /// are still waited out and sent again).
    pub(super) async fn call_write<T, F, Fut>(&self, attempts: &mut u32, f: F) -> Result<T, Failure>
    where
        F: Fn() -> Fut,
        Fut: Future<Output = Result<T, CallError>>,
    {
        self.send(
            attempts,
            Sending {
                measured: true,
                resend: false,
            },
            f,
        )
        .await
    }

    /// [`Ctx::call_write`] for a request whose time grows with its size (a batch write commits
    /// each of its assets): its latency says nothing about the server's queue, so the
    /// concurrency controller does not learn from it (throttles still count).
    pub(super) async fn call_write_unmeasured<T, F, Fut>(&self, f: F) -> Result<T, Failure>
    where
        F: Fn() -> Fut,
        Fut: Future<Output = Result<T, CallError>>,
    {
        let how = Sending {
            measured: false,
            resend: false,
        };
        self.send(&mut 0, how, f).await
    }

    /// [`Ctx::call`] for a request to another host than AEM (an upload's part, to the storage
    /// AEM named): sent again after a transient failure (a part sent twice is the same part),
    /// but its latency, a transfer's, says nothing of AEM's queue, so the concurrency
    /// controller does not learn from it (storage answering in a millisecond would make AEM's
    /// usual latency look queued, and the limit fall).
    pub(super) async fn call_storage<T, F, Fut>(&self, f: F) -> Result<T, Failure>
    where
        F: Fn() -> Fut,
        Fut: Future<Output = Result<T, CallError>>,
    {
        let how = Sending {
            measured: false,
            resend: true,
        };
        self.send(&mut 0, how, f).await
    }

    /// Waits the backoff before retry `n` (from 1) of a request, `attempts` sent so far;
    /// `Err(Cancelled)` when the phase is cancelled meanwhile.
    pub(super) async fn back_off(&self, n: u32, attempts: u32) -> Result<(), Failure> {
        self.sender().back_off(n, attempts).await
    }

    /// What this phase's requests are sent through.
    fn sender(&self) -> Sender<'_> {
        Sender {
            gate: &self.gate,
            settings: &self.settings,
            control: &self.control,
        }
    }

    async fn send<T, F, Fut>(&self, attempts: &mut u32, how: Sending, f: F) -> Result<T, Failure>
    where
        F: Fn() -> Fut,
        Fut: Future<Output = Result<T, CallError>>,
    {
        let sent = self.sender().send(attempts, how, f).await;
        if let Err(Failure::Call(CallError::Auth(msg), _)) = &sent {
            self.stop(msg.clone());
        }
        sent
    }

    pub(super) fn count(&self, outcome: Outcome) {
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

    pub(super) fn progress(&self, on_progress: ProgressFn<'_>, last: bool) {
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

/// Forwards the user's pause/resume/cancel to the phase's own control (which `stop` may
/// also cancel).
pub(super) fn forward(user: RunControl, inner: RunControl) -> tokio::task::JoinHandle<()> {
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

/// The edited properties' values in `metadata` (absent and null are the same: not set).
pub(super) fn values_of<'a>(metadata: &'a Map<String, Value>, property: &str) -> Option<&'a Value> {
    metadata.get(property).filter(|v| !v.is_null())
}

pub(super) fn same(a: Option<&Value>, b: Option<&Value>) -> bool {
    a.filter(|v| !v.is_null()) == b.filter(|v| !v.is_null())
}

pub(super) fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// A plan row that skips the asset, for the reason given.
pub(super) fn skip_row(i: u64, path: &str, reason: SavedText) -> PlanRow {
    PlanRow {
        i,
        path: path.to_owned(),
        id: None,
        etag: None,
        action: Action::Skip,
        reason: Some(reason),
        changes: Vec::new(),
        publication: None,
        fragment: None,
    }
}

/// Journals a plan row and counts it. Every row of every source (a listing, a search, a
/// list, a sheet, the journal an undo or a retry starts from) meets here, so this is where an
/// asset's path is checked to be canonical: one Sling would resolve to another node (`..`) or
/// create is skipped, with why, and never written.
pub(super) fn record_row(ctx: &Ctx, counts: &Mutex<PreviewCounts>, row: PlanRow) -> Result<()> {
    let row = match check_canonical(&row.path) {
        Err(problem) if row.action != Action::Skip => skip_row(
            row.i,
            &row.path,
            SavedText::new(problem.code(), [("path", row.path.as_str().into())]),
        ),
        _ => row,
    };
    {
        let mut c = lock(counts);
        c.assets += 1;
        match row.action {
            Action::Change => c.will_change += 1,
            Action::Unchanged => c.unchanged += 1,
            Action::Skip => c.skipped += 1,
        }
    }
    ctx.count(match row.action {
        Action::Change => Outcome::Changed,
        Action::Unchanged => Outcome::Unchanged,
        Action::Skip => Outcome::Skipped,
    });
    if row.action == Action::Change
        && let Some(schema) = &ctx.schema
    {
        let mut emptied = lock(&ctx.emptied_required);
        for change in &row.changes {
            let required = schema.field(&change.property).is_some_and(|f| f.required);
            if required && !blank(change.before.as_ref()) && blank(change.after.as_ref()) {
                *emptied.entry(change.property.clone()).or_default() += 1;
            }
        }
    }
    ctx.journal.append(&Record::Row(row))?;
    ctx.rows.fetch_add(1, Ordering::SeqCst);
    Ok(())
}

/// Whether a value is absent or empty (an empty text or list, or only blank texts).
fn blank(value: Option<&Value>) -> bool {
    match value {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.trim().is_empty(),
        Some(Value::Array(items)) => items.iter().all(|v| blank(Some(v))),
        Some(_) => false,
    }
}

/// `failure` of a run's part in the reader's words: who writes is named where AEM refused
/// them, and a failure that passes says to resume the run.
pub(super) fn why(ctx: &Ctx, failure: Failure) -> SavedText {
    match failure {
        Failure::Cancelled => SavedText::new("reason-cancelled", []),
        Failure::Call(e, attempts) => {
            reasons::part_failed(&e, ctx.spec.account.as_deref(), attempts)
        }
    }
}
