//! A run's state, replayed from its journal: its definition, whether the preview finished,
//! which assets have an outcome, which were being written when the process stopped (in
//! doubt), and the counts, status and working time shown in run lists.
//!
//! Not here: writing the journal (journal.rs) or acting on the state (`engine/`).

use std::collections::{HashMap, HashSet};
use std::path::Path;

use serde::Serialize;
use serde_json::{Map, Value};
use time::OffsetDateTime;
use ts_rs::TS;

use crate::journal::{Action, EndStatus, Outcome, PreviewCounts, Record, read_records};
use crate::spec::RunSpec;
use crate::tag_step::{self, RowsDone, TagStepView};
use metadesk_base::i18n::SavedText;
use metadesk_base::timefmt::parse_rfc3339;
use metadesk_clients::error::{Error, Result};

/// Where a run stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RunStatus {
    /// The preview did not finish (stopped or crashed); preview again.
    PreviewIncomplete,
    /// Previewed, nothing written yet.
    Previewed,
    /// An apply started and did not end (still running elsewhere, or killed): resume it.
    Interrupted,
    Cancelled,
    /// Stopped by an error that made going on pointless (credentials refused, or the first
    /// writes all refused for lack of write access); resumable.
    Stopped,
    Completed,
}

impl RunStatus {
    pub fn words(self) -> &'static str {
        match self {
            RunStatus::PreviewIncomplete => "preview incomplete",
            RunStatus::Previewed => "previewed",
            RunStatus::Interrupted => "interrupted",
            RunStatus::Cancelled => "cancelled",
            RunStatus::Stopped => "stopped",
            RunStatus::Completed => "completed",
        }
    }

    /// Whether `apply`/`resume` has something to do.
    pub fn can_apply(self) -> bool {
        matches!(
            self,
            RunStatus::Previewed
                | RunStatus::Interrupted
                | RunStatus::Cancelled
                | RunStatus::Stopped
        )
    }
}

/// Counts of a run: every asset in scope is in exactly one of the last five.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Counts {
    #[ts(type = "number")]
    pub assets: u64,
    #[ts(type = "number")]
    pub changed: u64,
    #[ts(type = "number")]
    pub unchanged: u64,
    #[ts(type = "number")]
    pub skipped: u64,
    #[ts(type = "number")]
    pub failed: u64,
    /// Planned changes not applied yet.
    #[ts(type = "number")]
    pub pending: u64,
}

/// A journal, replayed.
#[derive(Debug)]
pub struct Replay {
    pub id: String,
    pub created: String,
    pub spec: RunSpec,
    pub preview: Option<(String, PreviewCounts)>,
    /// Which search found the assets, when the preview recorded it.
    pub found_by: Option<crate::found_by::FoundBy>,
    /// Assets the preview's batched search did not return (not in AEM's index yet), each read
    /// on its own.
    pub unindexed: u64,
    /// When the search that chose a search scope's assets was sent (RFC 3339).
    pub searched_at: Option<String>,
    /// The requests the preview's gate let through at once when it ended.
    pub preview_concurrency: Option<usize>,
    /// Required fields the planned changes leave empty, and on how many assets.
    pub emptied_required: Vec<crate::journal::EmptiedRequired>,
    /// Final outcomes of assets the apply handled.
    pub outcomes: HashMap<u64, Outcome>,
    /// Assets whose write intent is on disk but whose outcome is not.
    pub in_doubt: HashSet<u64>,
    /// The ETag the last write of each asset in doubt was sent against, where the API has one.
    pub sent_against: HashMap<u64, String>,
    /// Originals recorded before writing, for every asset a write of this run may have
    /// changed: those that ended `Changed`, but also those whose write is in doubt (the
    /// process stopped before its outcome) or ended `Failed` (an answer lost after AEM applied
    /// it looks the same as a write that never landed). Left out are assets whose outcome
    /// proves nothing was written: `Unchanged` after a write intent means AEM refused our
    /// `If-Match` (412) on the first attempt and the value was already as wanted. An undo reads
    /// each asset first and leaves alone one that still holds its original. (JSON text, to keep
    /// 100,000 of them small.)
    pub originals: HashMap<u64, Box<str>>,
    pub applies: u32,
    pub first_apply: Option<String>,
    pub last_end: Option<(String, EndStatus, Option<SavedText>)>,
    pub apply_open: bool,
    pub counts: Counts,
    /// Seconds the run was working: the preview, plus each apply from its start to its end
    /// (an interrupted one to its last record with a time). `None` until the preview finished.
    pub working_secs: Option<f64>,
    /// Set when an apply of the run wrote one asset per request because AEM refuses batch
    /// writes: the status it refused them with, and whether an earlier run had found it.
    pub per_asset_writes: Option<(u16, bool)>,
    /// A run's assets by where they stood on the tier at its preview (a publish run's, an
    /// edit's or a sheet's where the preview could ask).
    pub publication: Option<crate::publish_words::PublicationCounts>,
    /// An edit's or a sheet's changed assets that were on the website at its preview: what a
    /// republish would publish. `None` when the preview did not know where they stood.
    pub changed_on_website: Option<u64>,
    /// The same before its apply: the planned changes of assets on the website.
    pub to_change_on_website: Option<u64>,
    /// The parts journaled one by one — a tag run's step, a tag import's writes, an upload's
    /// folders and files, an operation's rows — as the journal left them (empty for any other
    /// run, and before it starts).
    pub parts: crate::parts::PartJournal,
}

/// Adds up a run's working time while its journal is replayed: the days a previewed run waits
/// before its apply, or a cancelled one before its resume, are not work.
#[derive(Default)]
struct WorkingTime {
    preview: Option<f64>,
    applies: f64,
    /// The apply in progress in the journal: its start and the latest time seen since.
    open: Option<(OffsetDateTime, OffsetDateTime)>,
}

impl WorkingTime {
    fn previewed(&mut self, created: &str, at: &str) {
        if let (Some(a), Some(b)) = (parse_rfc3339(created), parse_rfc3339(at)) {
            self.preview = Some((b - a).as_seconds_f64().max(0.0));
        }
    }

    fn apply_started(&mut self, at: &str) {
        // A new apply while one is open: the open one was interrupted (killed).
        self.close();
        self.open = parse_rfc3339(at).map(|t| (t, t));
    }

    fn seen(&mut self, at: Option<&str>) {
        if let (Some((_, last)), Some(t)) = (self.open.as_mut(), at.and_then(parse_rfc3339)) {
            *last = (*last).max(t);
        }
    }

    fn ended(&mut self, at: &str) {
        self.seen(Some(at));
        self.close();
    }

    fn close(&mut self) {
        if let Some((start, last)) = self.open.take() {
            self.applies += (last - start).as_seconds_f64().max(0.0);
        }
    }

    fn total(mut self) -> Option<f64> {
        self.close();
        self.preview.map(|p| p + self.applies)
    }
}

fn original_text(original: Map<String, Value>) -> Box<str> {
    Value::Object(original).to_string().into_boxed_str()
}

impl Replay {
    /// Reads the whole journal (streaming; only per-asset outcomes are kept).
    pub fn load(path: &Path) -> Result<Self> {
        let mut records = read_records(path)?;
        let (id, created, spec) = run_record(&mut records, path)?;
        let mut r = Replay {
            id,
            created,
            spec,
            preview: None,
            found_by: None,
            unindexed: 0,
            searched_at: None,
            preview_concurrency: None,
            emptied_required: Vec::new(),
            outcomes: HashMap::new(),
            in_doubt: HashSet::new(),
            sent_against: HashMap::new(),
            originals: HashMap::new(),
            applies: 0,
            first_apply: None,
            last_end: None,
            apply_open: false,
            counts: Counts::default(),
            working_secs: None,
            per_asset_writes: None,
            publication: None,
            changed_on_website: None,
            to_change_on_website: None,
            parts: Default::default(),
        };
        let mut working = WorkingTime::default();
        let mut writing: HashMap<u64, Map<String, Value>> = HashMap::new();
        let mut planned_changes = 0u64;
        let mut on_website: HashSet<u64> = HashSet::new();
        for record in records {
            match record? {
                Record::Run { .. } => {}
                Record::Row(row) => {
                    r.counts.assets += 1;
                    if let Some(state) = row.publication {
                        r.publication.get_or_insert_default().add(state);
                        if state.is_published() {
                            on_website.insert(row.i);
                            if row.action == Action::Change {
                                *r.to_change_on_website.get_or_insert(0) += 1;
                            }
                        }
                    }
                    match row.action {
                        Action::Change => planned_changes += 1,
                        Action::Unchanged => r.counts.unchanged += 1,
                        Action::Skip => r.counts.skipped += 1,
                    }
                }
                Record::Previewed {
                    at,
                    counts,
                    found_by,
                    unindexed,
                    searched_at,
                    emptied_required,
                    concurrency,
                } => {
                    r.preview_concurrency = concurrency;
                    working.previewed(&r.created, &at);
                    r.emptied_required = emptied_required;
                    r.found_by = found_by;
                    r.unindexed = unindexed;
                    r.searched_at = searched_at;
                    r.preview = Some((at, counts));
                }
                Record::ApplyStarted { at } => {
                    working.apply_started(&at);
                    r.applies += 1;
                    r.first_apply.get_or_insert(at);
                    r.apply_open = true;
                }
                Record::Writing { i, original, at } => {
                    working.seen(at.as_deref());
                    r.in_doubt.insert(i);
                    writing.insert(i, original);
                }
                Record::SentAgainst { i, etag } => {
                    r.sent_against.insert(i, etag);
                }
                Record::Outcome { i, outcome, at, .. } => {
                    working.seen(at.as_deref());
                    r.in_doubt.remove(&i);
                    r.sent_against.remove(&i);
                    if let Some(original) = writing.remove(&i) {
                        match outcome {
                            Outcome::Changed | Outcome::Failed => {
                                r.originals.insert(i, original_text(original));
                            }
                            Outcome::Unchanged | Outcome::Skipped => {}
                        }
                    }
                    r.outcomes.insert(i, outcome);
                }
                Record::Replicated { .. } => {}
                Record::PerAssetWrites {
                    status, remembered, ..
                } => {
                    r.per_asset_writes.get_or_insert((status, remembered));
                }
                Record::Ended { at, status, reason } => {
                    working.ended(&at);
                    r.apply_open = false;
                    r.last_end = Some((at, status, reason));
                }
                Record::Part {
                    part,
                    state,
                    at,
                    reason,
                    now,
                } => {
                    working.seen(Some(&at));
                    if state == crate::parts::PartState::LeftAlone {
                        if let Some(why) = reason {
                            r.parts.reasons.insert(part.clone(), why);
                        }
                        r.parts.left(part, now);
                    } else {
                        if let Some(now) = now.filter(|_| state == crate::parts::PartState::Done) {
                            r.parts.held.insert(part.clone(), now);
                        }
                        r.parts.record(part, state, reason);
                    }
                }
            }
        }
        // Still in doubt: the write may have landed.
        for (i, original) in writing {
            r.originals.insert(i, original_text(original));
        }
        for outcome in r.outcomes.values() {
            match outcome {
                Outcome::Changed => r.counts.changed += 1,
                Outcome::Unchanged => r.counts.unchanged += 1,
                Outcome::Skipped => r.counts.skipped += 1,
                Outcome::Failed => r.counts.failed += 1,
            }
        }
        r.counts.pending = planned_changes.saturating_sub(r.outcomes.len() as u64);
        if let Some(rows) = r.spec.op.as_ref().and_then(|op| op.counts(&r.parts)) {
            // An operation's rows are its assets.
            r.counts = Counts {
                assets: rows.planned,
                changed: rows.done,
                unchanged: 0,
                skipped: rows.left_alone + rows.refused,
                failed: rows.failed,
                pending: rows.pending,
            };
        }
        if r.publication.is_some() && !r.spec.kind.publishes() {
            let changed = |i: &u64| r.outcomes.get(i) == Some(&Outcome::Changed);
            r.changed_on_website = Some(on_website.iter().filter(|i| changed(i)).count() as u64);
            r.to_change_on_website.get_or_insert(0);
        } else {
            r.to_change_on_website = None;
        }
        r.working_secs = working.total();
        Ok(r)
    }

    pub fn status(&self) -> RunStatus {
        if self.preview.is_none() {
            return RunStatus::PreviewIncomplete;
        }
        if self.applies == 0 {
            return RunStatus::Previewed;
        }
        if self.apply_open {
            return RunStatus::Interrupted;
        }
        match &self.last_end {
            Some((_, EndStatus::Completed, _)) if self.counts.pending == 0 => RunStatus::Completed,
            Some((_, EndStatus::Cancelled, _)) => RunStatus::Cancelled,
            Some((_, EndStatus::Stopped, _)) => RunStatus::Stopped,
            _ => RunStatus::Interrupted,
        }
    }
}

impl Replay {
    /// What the rows say for a tag run's step: whether the apply went through every asset, and
    /// how many may still hold the tag (skipped at the preview or the apply, or failed).
    pub fn rows_done(&self) -> RowsDone {
        RowsDone {
            complete: self.status() == RunStatus::Completed,
            left_alone: self.counts.skipped + self.counts.failed,
        }
    }

    /// Whether the run is a tag run whose step an apply still has to send: its assets are all
    /// rewritten and the tag command (or an activation after it) is not done.
    pub fn tag_step_to_send(&self) -> bool {
        self.spec
            .tag_step()
            .is_some_and(|step| tag_step::to_send(step, self.rows_done(), &self.parts))
    }

    /// An operation's run as its summary shows it.
    pub fn op_view(&self) -> Option<crate::ops::OpView> {
        self.spec.op.as_ref()?.view(&self.parts)
    }

    /// A tag run's step as its summary shows it.
    pub fn tag_step_view(&self) -> Option<TagStepView> {
        let step = self.spec.tag_step()?;
        let rows = self.rows_done();
        Some(TagStepView {
            step: step.clone(),
            state: tag_step::state_of(step, rows, &self.parts),
            left_alone: rows.left_alone,
            reason: self.parts.reason.clone(),
        })
    }
}

/// What defines the run whose journal is at `path`: its first record, the rest unread.
pub fn read_spec(path: &Path) -> Result<RunSpec> {
    Ok(run_record(&mut read_records(path)?, path)?.2)
}

/// The run's definition, the first of its journal's `records`: its id, creation time and spec.
fn run_record(
    records: &mut impl Iterator<Item = Result<Record>>,
    path: &Path,
) -> Result<(String, String, RunSpec)> {
    match records.next() {
        Some(Ok(Record::Run {
            id, created, spec, ..
        })) => Ok((id, created, *spec)),
        Some(Err(e)) => Err(e),
        _ => Err(Error::Internal(format!(
            "{} does not start with a run definition",
            path.display()
        ))),
    }
}
