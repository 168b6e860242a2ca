//! The operation trait (issue 75): what an operation brings to the engine, and no more. Its
//! rows (kept in the run's spec), each row's key in the journal, which rows one request may
//! carry, the check of a row just before its write (or after a write whose answer was lost),
//! the write, and what its summary shows. The engine (`engine/operating.rs`) owns the rest for
//! every operation alike: the intent journaled before a request leaves, the gate and its
//! adaptive limit, the retry of throttles, never a write sent again blind, the row in doubt
//! checked before anything is sent again (then sent again, within the retry policy, when AEM
//! failed for a moment or its answer was lost), a write AEM does later waited for (bounded), a
//! refusal (403) decided by its folder (a folder refusing the run is not tried further, and a
//! run refused everywhere stops), resume, cancel and pause, progress, and the run's end. The production name is asked by the core
//! before any apply, whatever the operation.
//!
//! Not here: the engine's driver (`engine/operating.rs`), any one operation (`moves.rs`,
//! `upload_undo.rs`).

use futures_util::future::BoxFuture;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use metadesk_assets::CallError;
use metadesk_assets::classic::ClassicAssets;
use metadesk_base::i18n::SavedText;

use crate::parts::{PartJournal, PartState, RunPart};

/// What AEM holds for a row, as its check found it.
#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    /// As planned and not done: the write may go.
    Ready,
    /// Already as the write leaves it (an earlier request whose answer was lost landed).
    Done,
    /// Someone changed what the row needs since it was planned: kept for good, with why, and
    /// what AEM holds now where the summary shows it (a value someone changed).
    LeftAlone { why: SavedText, now: Option<String> },
    /// Could not be told (AEM did not answer): not sent now; a resume checks again.
    Unknown(SavedText),
}

impl Found {
    /// Left alone, with why.
    pub fn left_alone(why: SavedText) -> Found {
        Found::LeftAlone { why, now: None }
    }
}

/// What AEM answered a write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wrote {
    /// Done in the request's commit.
    Done,
    /// Accepted to be done later (AEM's background job), or answered in a way not known to
    /// mean done: the engine waits, bounded, reading what AEM holds until it is.
    Later,
}

/// One read a check asks (sent again after a throttle or a transient failure).
pub type Read<'a> = &'a (dyn Fn() -> BoxFuture<'a, Result<Value, CallError>> + Send + Sync);

/// The reads a check sends, through the run's gate (its limit, throttles, retries, pause and
/// cancel); made by the engine.
pub trait Reader: Sync {
    /// The classic API the reads go to.
    fn aem(&self) -> &ClassicAssets;

    /// `read` sent through the gate; its error in the reader's words once retries are spent.
    fn read<'a>(&'a self, read: Read<'a>) -> BoxFuture<'a, Result<Value, SavedText>>;
}

/// The node at `path` read `depth` levels deep (`"0"`…) through `reader`: `None` when nothing
/// is there (an answer, not a failure to retry).
pub async fn read_node(
    reader: &dyn Reader,
    path: &str,
    depth: &str,
) -> Result<Option<Value>, SavedText> {
    let aem = reader.aem();
    let node = move || -> BoxFuture<'_, Result<Value, CallError>> {
        Box::pin(async move {
            match aem.node(path, depth).await {
                Ok(node) => Ok(node),
                Err(CallError::NotFound) => Ok(Value::Null),
                Err(e) => Err(e),
            }
        })
    };
    let found = reader.read(&node).await?;
    Ok((!found.is_null()).then_some(found))
}

/// Rows checked at once when each is checked on its own: the run's gate still bounds what
/// reaches AEM.
const CHECKS_AT_ONCE: usize = 16;

/// Each of `rows` checked on its own ([`Operation::check`]), several at once, in their order:
/// a group whose one read did not answer (a folder Sling would not render that deep) is
/// checked row by row, no slower than rows that were never grouped.
pub async fn each_checked<'a, O: Operation + ?Sized>(
    op: &'a O,
    reader: &'a dyn Reader,
    rows: Vec<(&'a O::Row, bool)>,
) -> Vec<Found> {
    let each = rows
        .into_iter()
        .enumerate()
        .map(|(i, (row, in_doubt))| async move { (i, op.check(reader, row, in_doubt).await) })
        .collect();
    let mut found = crate::at_most::at_most(each, CHECKS_AT_ONCE).await;
    found.sort_by_key(|(i, _)| *i);
    found.into_iter().map(|(_, found)| found).collect()
}

/// `rows` grouped by the folder `folder` names for each (the rows one read of that folder
/// answers); a row it names none for is a group of its own.
pub fn by_folder<'r, R>(
    rows: Vec<(&'r R, bool)>,
    folder: impl Fn(&'r R, bool) -> Option<&'r str>,
) -> Vec<Vec<(&'r R, bool)>> {
    let mut grouped: std::collections::BTreeMap<&str, Vec<(&'r R, bool)>> = Default::default();
    let mut groups = Vec::new();
    for (row, in_doubt) in rows {
        match folder(row, in_doubt) {
            Some(name) => grouped.entry(name).or_default().push((row, in_doubt)),
            None => groups.push(vec![(row, in_doubt)]),
        }
    }
    groups.extend(grouped.into_values());
    groups
}

/// An operation the engine runs: its plan's rows and what each needs of AEM.
pub trait Operation: Sync {
    type Row: Sync;

    /// Every row of the plan, in the order they go.
    fn rows(&self) -> &[Self::Row];

    /// The row's key in the journal.
    fn part(&self, row: &Self::Row) -> RunPart;

    /// Why a row was refused when it was planned (never sent), if it was.
    fn refused(&self, row: &Self::Row) -> Option<SavedText>;

    /// The stage a row belongs to: a stage starts once every row of the ones before it is
    /// done (folders before what moves into them). Rows of one stage go at once.
    fn stage(&self, row: &Self::Row) -> u32;

    /// The requests `ready` rows (of one stage) go in: each inner list is one request.
    fn requests<'r>(&self, ready: Vec<&'r Self::Row>) -> Vec<Vec<&'r Self::Row>>;

    /// What AEM holds for `row` now: just before its write, and after a write whose answer
    /// was lost (then `Done` means it landed). `in_doubt`: a request for it may have left
    /// before (journaled `sending`, or refused after it left), so whether it landed must be
    /// found out; a row never sent needs only what its write must still find.
    fn check<'a>(
        &'a self,
        reader: &'a dyn Reader,
        row: &'a Self::Row,
        in_doubt: bool,
    ) -> BoxFuture<'a, Found>;

    /// Rows whose checks one read answers together (the assets leaving one folder, told by
    /// its listing), each group checked by [`Operation::check_together`]; by default each row
    /// alone.
    fn check_groups<'r>(
        &self,
        rows: Vec<(&'r Self::Row, bool)>,
    ) -> Vec<Vec<(&'r Self::Row, bool)>> {
        rows.into_iter().map(|row| vec![row]).collect()
    }

    /// What AEM holds for each row of one group, in its order; by default each row's own
    /// [`Operation::check`] ([`each_checked`]).
    fn check_together<'a>(
        &'a self,
        reader: &'a dyn Reader,
        rows: Vec<(&'a Self::Row, bool)>,
    ) -> BoxFuture<'a, Vec<Found>> {
        Box::pin(each_checked(self, reader, rows))
    }

    /// Why a row AEM did not take its write, in words naming it where the run's summary says
    /// no more (`why`: the failure's own words); by default `why`.
    fn refusal(&self, _row: &Self::Row, why: SavedText) -> SavedText {
        why
    }

    /// Why a row is not tried once AEM refused (403) every request tried in `folder`, the
    /// folder its part writes in (`connection` and `account`: whose access to ask for); by
    /// default, that the connection may not write there.
    fn folder_refuses(&self, folder: &str, connection: &str, account: Option<&str>) -> SavedText {
        crate::reasons::op_folder_refuses(folder, connection, account)
    }

    /// Whether `row`'s write does the same when sent twice (an activation): then it is sent
    /// again after a failure that may have hidden its landing, as a read is. By default not:
    /// a write whose answer was lost is checked before anything is sent again.
    fn same_twice(&self, _row: &Self::Row) -> bool {
        false
    }

    /// One request writing `rows`. Sent once: a failure is followed by a check of each row,
    /// never by the same request again; [`Wrote::Later`] by checks until each is done (once
    /// the stage's other requests have left, grouped as [`Operation::check_groups`] says).
    fn write<'a>(
        &'a self,
        aem: &'a ClassicAssets,
        rows: &'a [&'a Self::Row],
    ) -> BoxFuture<'a, Result<Wrote, CallError>>;
}

/// How far a run's rows went, counted from its journal: what every summary and report shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RowCounts {
    #[ts(type = "number")]
    pub planned: u64,
    #[ts(type = "number")]
    pub done: u64,
    #[ts(type = "number")]
    pub left_alone: u64,
    /// Refused by AEM, or not checked: a resume tries again.
    #[ts(type = "number")]
    pub failed: u64,
    /// Refused when planned: never sent.
    #[ts(type = "number")]
    pub refused: u64,
    /// Planned and not done yet (sent with no answer counts here: in doubt).
    #[ts(type = "number")]
    pub pending: u64,
    #[ts(type = "number")]
    pub in_doubt: u64,
}

/// The counts of rows (each its journal key, and whether it was refused when planned) as
/// `journal` leaves them.
pub fn row_counts(rows: impl Iterator<Item = (RunPart, bool)>, journal: &PartJournal) -> RowCounts {
    let mut counts = RowCounts::default();
    for (part, refused) in rows {
        counts.planned += 1;
        if refused {
            counts.refused += 1;
            continue;
        }
        match journal.state(&part) {
            Some(PartState::Done) => counts.done += 1,
            Some(PartState::LeftAlone) => counts.left_alone += 1,
            Some(PartState::Refused) => counts.failed += 1,
            Some(PartState::Sending) => {
                counts.in_doubt += 1;
                counts.pending += 1;
            }
            None => counts.pending += 1,
        }
    }
    counts
}

/// What the report says about an asset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReportStatus {
    Changed,
    Unchanged,
    Skipped,
    Failed,
    /// Planned but not applied yet (the run was cancelled, stopped or interrupted).
    Pending,
}

impl ReportStatus {
    pub fn words(self) -> &'static str {
        match self {
            ReportStatus::Changed => "changed",
            ReportStatus::Unchanged => "unchanged",
            ReportStatus::Skipped => "skipped",
            ReportStatus::Failed => "failed",
            ReportStatus::Pending => "pending",
        }
    }
}
