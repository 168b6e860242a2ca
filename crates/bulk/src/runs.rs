//! Runs and their reports, read from the journals: what a run's summary holds (when,
//! connection, folder, edits, counts, duration, status), [`summary`] of one run,
//! [`preview_page`] (the preview's rows in pages, for the app), [`report`] (every asset with
//! its outcome and reason), [`report_page`] and [`write_csv`].
//!
//! Not here: running anything (`engine/`), the list of every run (`run_history.rs`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Serialize;
use ts_rs::TS;

pub use crate::journal::path_of;
use crate::journal::{
    Action, ChangedSince, Outcome, PlanRow, PropertyChange, Record, read_records,
};
use crate::reasons;
use crate::replay::{Counts, Replay, RunStatus};
use crate::spec::{Edit, RunKind, RunSpec};
use metadesk_base::i18n::Localizer;
use metadesk_base::i18n::SavedText;
use metadesk_base::timefmt::parse_rfc3339;
use metadesk_clients::error::Result;
use metadesk_credentials::credentials::ApiFamily;
use metadesk_store::dirs::AppDirs;

/// Where journals live: `{data}/runs`.
pub fn runs_dir(dirs: &AppDirs) -> PathBuf {
    dirs.data.join("runs")
}

/// One line of the run history.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RunSummary {
    pub id: String,
    /// RFC 3339.
    pub created: String,
    pub connection: String,
    /// The stored connection's id, when the run used a stored connection.
    pub connection_id: Option<String>,
    pub aem: String,
    pub family: ApiFamily,
    pub folder: String,
    pub recursive: bool,
    /// What the run selected, in words: `the assets of … where Copyright is empty`, `12 assets
    /// you listed`; in the reader's language once sent ([`RunSummary::localize`]).
    #[ts(type = "string")]
    pub scope: SavedText,
    /// How many entries a list scope held; null for a folder or a search.
    #[ts(type = "number | null")]
    pub list_entries: Option<u64>,
    /// Which search found the assets, when the preview recorded it (not in older journals).
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub found_by: Option<crate::found_by::FoundBy>,
    /// A search's conditions (`Copyright is empty and …`), words in the reader's language once
    /// the window is sent it ([`RunSummary::localize`]); null for a folder or a list. Built from
    /// the journal's run definition, so runs journaled before it existed have it too.
    #[ts(type = "string | null")]
    pub conditions: Option<SavedText>,
    pub kind: RunKind,
    /// The run this one goes back to (an undo's, a retry's, a republish's:
    /// [`RunKind::goes_back_to`]), so a face links them without matching kinds.
    pub goes_back_to: Option<String>,
    /// The run this one undoes (a plain undo's, or a move's undo's: [`RunKind::undo_of`]), so
    /// a face links a run to its undo without matching kinds; `None` for a retry or a
    /// republish, which go back to a run without undoing it.
    pub undoes: Option<String>,
    /// How it stands to its undos in the history (undone by, a redo, what its Undo would do),
    /// given by the run history to each run it lists or gives (`run_undone::link`); empty in
    /// a summary that did not come from it (an apply's answer).
    pub undo_links: crate::undo_links::UndoLinks,
    /// `dc:rights: set "…"`, one per edit (words in the reader's language once the window is
    /// sent it: [`RunSummary::localize`]).
    #[ts(type = "Array<string>")]
    pub edits: Vec<SavedText>,
    /// The same edits as data (property, operation, values), for the window to word with
    /// each property's label; empty for an undo or a sheet run (`edits` says what they do).
    pub edit_details: Vec<Edit>,
    pub status: RunStatus,
    pub counts: Counts,
    /// How long the run was working: its preview plus each apply (one that was interrupted
    /// counts up to its last journaled record), not the days it may have waited in between.
    /// Unknown (null) while the preview has not finished.
    pub duration_secs: Option<f64>,
    /// Why the run stopped, when it did (words in the reader's language once the window is
    /// sent it: [`RunSummary::localize`]).
    #[ts(type = "string | null")]
    pub reason: Option<SavedText>,
    /// Said when an apply wrote one asset per request because this AEM refuses writing many
    /// assets in one request (words in the reader's language once the window is sent it:
    /// [`RunSummary::localize`]); null when every batch was written as one.
    #[ts(type = "string | null")]
    pub write_notice: Option<SavedText>,
    /// Assets the preview's batched search did not return although their folder's listing
    /// holds them (AEM's index had not caught up yet): each was read on its own.
    #[ts(type = "number")]
    pub unindexed: u64,
    /// When the search that chose a search scope's assets was sent (RFC 3339); null for a
    /// folder listed or a list.
    pub searched_at: Option<String>,
    /// What AEM's search index did not know, in words (the reader's language once the window
    /// is sent it: [`RunSummary::localize`]): how many assets the index did not hold yet and
    /// were read one by one, or, for a search, that it holds what the index held at
    /// `searched_at` ([`crate::found_by::index_notice`]); null when there is nothing to say.
    #[ts(type = "string | null")]
    pub index_notice: Option<metadesk_base::i18n::Text>,
    /// A publish run's assets by where they stood on the tier at its preview.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub publication: Option<crate::publish_words::PublicationCounts>,
    /// An edit's or a sheet's changed assets that were on the website at its preview (what a
    /// republish publishes); absent when its preview did not know where they stood.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "number")]
    pub changed_on_website: Option<u64>,
    /// The same at its preview: its planned changes of assets on the website (what "Then
    /// republish" would publish).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "number")]
    pub to_change_on_website: Option<u64>,
    /// When the preview finished (RFC 3339); null while it has not.
    pub previewed_at: Option<String>,
    /// When the run's first apply started (RFC 3339); null before any apply.
    pub applied_at: Option<String>,
    /// Until when a run waiting for its first apply counts as freshly previewed (RFC 3339):
    /// past it, applying asks first and says how old the preview is ([`PREVIEW_FRESH_FOR`]);
    /// null once applied or when the preview did not finish.
    pub preview_fresh_until: Option<String>,
    /// Required fields of the folder's form that the planned changes leave empty, and on how
    /// many assets: the preview warns, and the apply needs it acknowledged
    /// (`ApplyRequest::empty_required`).
    pub emptied_required: Vec<crate::journal::EmptiedRequired>,
    /// The run edits content fragments (through the Sites API), of this model when one is
    /// named; absent for asset runs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub fragments: Option<crate::spec::FragmentScope>,
    /// A tag change's run: what AEM is asked to do to the tag once every asset is rewritten,
    /// and how far it went; absent for any other run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub tag_step: Option<crate::tag_step::TagStepView>,
    /// The undo of a tag change's run: the step of the run it undoes, whose command this undo
    /// does not take back (AEM keeps a merged or moved tag as a hidden pointer, a deleted one
    /// is gone): what the window and the CLI say of it. Only in a single run's summary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub undoes_tag_step: Option<crate::tag_step::TagStepView>,
    /// An operation's run (a move, a tag import, an upload, an undo of an upload or of a tag
    /// import): what it was to do and what it did; absent for the others.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub op: Option<crate::ops::OpView>,
    /// Where a face shows the run: its report, or the page of what it belongs to.
    pub opens: crate::run_page::RunPage,
    /// The catalogue id of the words for its rows done, with `count` (`count-changed`,
    /// `count-moved`…): what a face calls them without asking what kind of run it is.
    pub done_words: String,
    /// Whether a resume has something to do ([`resumable`]): what every face asks before it
    /// offers Resume or says how to finish the run, so none of them decides it by status.
    pub resumable: bool,
}

/// Whether a run with `status` and `counts` can be resumed: an apply interrupted (it never
/// ended: a resume finds out what its last requests did and finishes it, a tag change's step
/// included, even with every row journaled), or one stopped or cancelled with rows left (not
/// sent yet, or an operation's rows AEM refused or that could not be checked, which a resume
/// checks again and sends if they did not land). An edit's failed assets are retried instead
/// (`bulk retry`), not resumed; a completed run has nothing left.
fn resumable(status: RunStatus, counts: &Counts, operation: bool) -> bool {
    match status {
        RunStatus::Interrupted => true,
        RunStatus::Stopped | RunStatus::Cancelled => {
            counts.pending > 0 || (operation && counts.failed > 0)
        }
        RunStatus::PreviewIncomplete | RunStatus::Previewed | RunStatus::Completed => false,
    }
}

/// How long a preview stays fresh enough to apply without asking: the values it shows are
/// AEM's at that time, and a person who comes back later may not remember what it does.
pub const PREVIEW_FRESH_FOR: time::Duration = time::Duration::minutes(15);

/// Until when a preview finished at `previewed_at` counts as fresh, for a run never applied.
fn fresh_until(previewed_at: Option<&str>, applied: bool) -> Option<String> {
    if applied {
        return None;
    }
    let at = parse_rfc3339(previewed_at?)?;
    Some(metadesk_base::timefmt::rfc3339(at + PREVIEW_FRESH_FOR))
}

impl RunSummary {
    /// Whether the run stopped because the account may not write where it tried (its first
    /// writes all refused, 403): nothing more was done, and a resume does the rest once an
    /// administrator has given it access.
    pub fn stopped_for_write_access(&self) -> bool {
        self.status == RunStatus::Stopped
            && self
                .reason
                .as_ref()
                .is_some_and(crate::reasons::is_write_access_stop)
    }

    /// Whether [`RunSummary::counts`] are the run's assets (an edit's, a sheet's, a publish's,
    /// their undos'). An operation counts its own rows (a tag import's tags and values, an
    /// upload's files, moves), said in its own words.
    pub fn counts_assets(&self) -> bool {
        self.op.is_none()
    }

    /// Where the run writes, as a heading names it: its folder, or the taxonomy's root for a
    /// tag import, a rename and their undos.
    pub fn place(&self) -> &str {
        self.op
            .as_ref()
            .and_then(|op| op.writes_under())
            .unwrap_or(&self.folder)
    }

    /// The stop reason in `l`'s language, as the window shows it.
    pub fn localize(&mut self, l: &Localizer) {
        for reason in self
            .reason
            .iter_mut()
            .chain(&mut self.write_notice)
            .chain(&mut self.conditions)
            .chain(std::iter::once(&mut self.scope))
        {
            reason.localize(l);
        }
        for edit in &mut self.edits {
            edit.localize(l);
        }
        if let Some(notice) = &mut self.index_notice {
            notice.localize(l);
        }
        if let Some(reason) = self.tag_step.as_mut().and_then(|s| s.reason.as_mut()) {
            reason.localize(l);
        }
        if let Some(op) = self.op.as_mut() {
            op.localize(l);
        }
    }

    /// The edit lines in `l`'s language.
    pub fn edit_lines(&self, l: &Localizer) -> Vec<String> {
        self.edits.iter().map(|e| e.localized(l)).collect()
    }
}

pub(crate) fn summarize(replay: &Replay) -> RunSummary {
    let spec = &replay.spec;
    let op = replay.op_view();
    RunSummary {
        id: replay.id.clone(),
        created: replay.created.clone(),
        connection: spec.connection.clone(),
        connection_id: spec.connection_id.clone(),
        aem: spec.aem.clone(),
        family: spec.family,
        folder: spec.scope.folder().to_string(),
        recursive: spec.scope.filters().recursive,
        scope: crate::scope::scope_reason(spec.scope.folder(), spec.scope.filters()),
        list_entries: match &spec.scope.filters().selection {
            Some(crate::scope::ScopeSource::List { entries }) => Some(entries.len() as u64),
            _ => None,
        },
        found_by: replay.found_by.clone(),
        conditions: crate::scope::conditions_reason(spec.scope.filters()),
        kind: spec.kind.clone(),
        goes_back_to: spec.kind.goes_back_to().map(str::to_owned),
        undoes: spec.kind.undo_of().map(str::to_owned),
        undo_links: Default::default(),
        edits: spec
            .kind
            .lines(spec.edits.iter().map(|e| e.op.describe(&e.property))),
        edit_details: if spec.kind.shows_edits() {
            spec.edits.clone()
        } else {
            Vec::new()
        },
        status: replay.status(),
        resumable: resumable(replay.status(), &replay.counts, op.is_some()),
        counts: replay.counts,
        duration_secs: replay.working_secs,
        reason: replay.last_end.as_ref().and_then(|(_, _, r)| r.clone()),
        write_notice: replay
            .per_asset_writes
            .map(|(status, remembered)| crate::reasons::per_asset_writes(status, remembered)),
        unindexed: replay.unindexed,
        searched_at: replay.searched_at.clone(),
        index_notice: crate::found_by::index_notice(
            replay.found_by.as_ref(),
            matches!(
                spec.scope.filters().selection,
                Some(crate::scope::ScopeSource::Search { .. })
            ),
            replay.unindexed,
            replay.searched_at.as_deref(),
        ),
        publication: replay.publication,
        changed_on_website: replay.changed_on_website,
        to_change_on_website: replay.to_change_on_website,
        previewed_at: replay.preview.as_ref().map(|(at, _)| at.clone()),
        applied_at: replay.first_apply.clone(),
        preview_fresh_until: fresh_until(
            replay.preview.as_ref().map(|(at, _)| at.as_str()),
            replay.first_apply.is_some(),
        ),
        emptied_required: replay.emptied_required.clone(),
        fragments: spec.scope.filters().fragments.clone(),
        tag_step: replay.tag_step_view(),
        undoes_tag_step: None,
        opens: spec
            .kind
            .page(&replay.id)
            .or_else(|| op.as_ref().map(|op| op.page(&replay.id)))
            .unwrap_or(crate::run_page::RunPage::Report),
        done_words: op
            .as_ref()
            .map_or_else(|| spec.kind.done_words(), |op| op.done_words())
            .to_owned(),
        op,
    }
}

/// What defines run `run_id` (its journal's first record).
pub fn spec(runs_dir: &Path, run_id: &str) -> Result<RunSpec> {
    crate::replay::read_spec(&path_of(runs_dir, run_id)?)
}

/// One run's summary, replayed from its journal.
pub fn summary(runs_dir: &Path, run_id: &str) -> Result<RunSummary> {
    let summary = summarize(&Replay::load(&path_of(runs_dir, run_id)?)?);
    Ok(with_step_undone(summary, |of| {
        Some(summarize(&Replay::load(&path_of(runs_dir, of).ok()?).ok()?))
    }))
}

/// `summary` as a single run's summary says it: an undo's with the step of the tag run it
/// undoes, when that step was done (`undone`: that run's summary; `None` when it was removed
/// since, and then there is nothing to say of it).
pub(crate) fn with_step_undone(
    mut summary: RunSummary,
    undone: impl FnOnce(&str) -> Option<RunSummary>,
) -> RunSummary {
    if let Some(of) = summary.kind.undo_of() {
        summary.undoes_tag_step = undone(of)
            .and_then(|undone| undone.tag_step)
            .filter(|step| step.state == crate::tag_step::TagStepState::Done);
    }
    summary
}

/// `limit` preview rows from `offset` (in journal order) among those whose action is `action`
/// (every row when `None`), and how many rows match in all. Rows are streamed: only the page is
/// kept.
pub fn preview_page(
    runs_dir: &Path,
    run_id: &str,
    action: Option<Action>,
    offset: u64,
    limit: u64,
) -> Result<PreviewPage> {
    let path = path_of(runs_dir, run_id)?;
    let mut rows = Vec::new();
    let mut total = 0u64;
    for record in read_records(&path)? {
        match record? {
            Record::Row(row) if action.is_none_or(|a| a == row.action) => {
                if total >= offset && (rows.len() as u64) < limit {
                    rows.push(row);
                }
                total += 1;
            }
            Record::Previewed { .. } => break,
            _ => {}
        }
    }
    Ok(PreviewPage { rows, total })
}

impl PreviewPage {
    /// The rows' reasons in `l`'s language, as the window shows them.
    pub fn localize(&mut self, l: &Localizer) {
        for reason in self.rows.iter_mut().filter_map(|r| r.reason.as_mut()) {
            reason.localize(l);
        }
    }
}

impl ReportPage {
    /// The rows' reasons in `l`'s language, as the window shows them.
    pub fn localize(&mut self, l: &Localizer) {
        for reason in self.rows.iter_mut().filter_map(|r| r.reason.as_mut()) {
            reason.localize(l);
        }
        for undone in self.rows.iter_mut().filter_map(|r| r.undone.as_mut()) {
            undone.localize(l);
        }
        for group in &mut self.failures {
            group.localize(l);
        }
    }
}

/// Why run `run_id`'s assets failed, one group per reason, the largest first
/// ([`crate::failures`]).
pub fn failures(runs_dir: &Path, run_id: &str) -> Result<Vec<crate::failures::FailureGroup>> {
    let mut grouping = crate::failures::Grouping::default();
    report(runs_dir, run_id, |row| {
        if row.status == ReportStatus::Failed {
            grouping.add(row.reason, &row.path);
        }
        Ok(())
    })?;
    Ok(grouping.finish())
}

/// `limit` report rows from `offset` (in preview order) among the assets whose status is
/// `status` (every asset when `None`), and how many match in all.
pub fn report_page(
    runs_dir: &Path,
    run_id: &str,
    status: Option<ReportStatus>,
    offset: u64,
    limit: u64,
) -> Result<ReportPage> {
    let mut rows = Vec::new();
    let mut total = 0u64;
    report(runs_dir, run_id, |row| {
        if status.is_none_or(|s| s == row.status) {
            if total >= offset && (rows.len() as u64) < limit {
                rows.push(row);
            }
            total += 1;
        }
        Ok(())
    })?;
    Ok(ReportPage {
        rows,
        total,
        failures: Vec::new(),
    })
}

/// One page of a run's preview rows, and how many rows match the filter in all.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PreviewPage {
    pub rows: Vec<PlanRow>,
    #[ts(type = "number")]
    pub total: u64,
}

/// One page of a run's report, and how many assets match the filter in all.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReportPage {
    pub rows: Vec<ReportRow>,
    #[ts(type = "number")]
    pub total: u64,
    /// With the first page of the failed assets: why they failed, one group per reason, with
    /// their folders ([`crate::failures::failures`]); empty otherwise.
    pub failures: Vec<crate::failures::FailureGroup>,
}

pub use crate::operation::ReportStatus;

/// One asset of a report.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReportRow {
    pub path: String,
    pub status: ReportStatus,
    /// Words in the reader's language once the window is sent it (`ReportPage::localize`).
    #[ts(type = "string | null")]
    pub reason: Option<SavedText>,
    pub changes: Vec<PropertyChange>,
    /// Not written because these properties changed in AEM after the preview: the value the
    /// preview saw and the one AEM held at the write.
    pub changed_since: Vec<ChangedSince>,
    /// A publish run's row: where the asset stood on the tier at the preview.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub publication: Option<metadesk_assets::publication::PublicationState>,
    /// A content fragment's title and model, as its preview read them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub fragment: Option<metadesk_assets::fragments::FragmentName>,
    /// What the latest undo of the run did to this asset since (`run_undone::mark_undone`): its row's
    /// latest state, which the report shows rather than what the run did; absent when the run
    /// was not undone (or its undo left this asset out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub undone: Option<RowUndone>,
}

/// What an undo did to one asset (or one file) of the run it undid: its row in the undo's
/// report. `changed` is put back (an upload's file: deleted), `unchanged` already as before
/// (already gone), `skipped` kept because someone changed it since, `failed` refused, `pending`
/// not done yet.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RowUndone {
    pub status: ReportStatus,
    /// Words in the reader's language once the window is sent it.
    #[ts(type = "string | null")]
    pub reason: Option<SavedText>,
}

impl RowUndone {
    /// Its reason in `l`'s language, as the window shows it.
    pub fn localize(&mut self, l: &Localizer) {
        if let Some(reason) = &mut self.reason {
            reason.localize(l);
        }
    }
}

/// Calls `each` with every asset of the run, in preview order. Outcomes are joined in memory
/// (one small entry per applied asset); rows are streamed.
pub fn report(
    runs_dir: &Path,
    run_id: &str,
    mut each: impl FnMut(ReportRow) -> Result<()>,
) -> Result<()> {
    let path = path_of(runs_dir, run_id)?;
    if let Some(op) = spec(runs_dir, run_id)?.parts_op() {
        // An operation's rows are its plan's, where its journal left each.
        let replay = Replay::load(&path)?;
        for (path, status, reason) in op.report_rows(&replay.parts).unwrap_or_default() {
            each(ReportRow {
                path,
                status,
                reason,
                changes: Vec::new(),
                changed_since: Vec::new(),
                publication: None,
                fragment: None,
                undone: None,
            })?;
        }
        return Ok(());
    }
    type Ending = (Outcome, Option<SavedText>, Vec<ChangedSince>);
    let mut outcomes: HashMap<u64, Ending> = HashMap::new();
    for record in read_records(&path)? {
        if let Record::Outcome {
            i,
            outcome,
            reason,
            changed_since,
            ..
        } = record?
        {
            outcomes.insert(i, (outcome, reason, changed_since));
        }
    }
    for record in read_records(&path)? {
        let row = match record? {
            Record::Row(row) => row,
            Record::Previewed { .. } => break,
            _ => continue,
        };
        let (status, reason, changed_since) = match row.action {
            // The preview's own words when it gave some ("already unpublished").
            Action::Unchanged => (
                ReportStatus::Unchanged,
                Some(row.reason.unwrap_or_else(reasons::already_as_wanted)),
                Vec::new(),
            ),
            Action::Skip => (ReportStatus::Skipped, row.reason, Vec::new()),
            Action::Change => match outcomes.remove(&row.i) {
                Some((outcome, r, changed)) => (
                    match outcome {
                        Outcome::Changed => ReportStatus::Changed,
                        Outcome::Unchanged => ReportStatus::Unchanged,
                        Outcome::Skipped => ReportStatus::Skipped,
                        Outcome::Failed => ReportStatus::Failed,
                    },
                    r,
                    changed,
                ),
                None => (
                    ReportStatus::Pending,
                    Some(reasons::not_applied_yet()),
                    Vec::new(),
                ),
            },
        };
        each(ReportRow {
            path: row.path,
            status,
            reason,
            changes: row.changes,
            changed_since,
            publication: row.publication,
            fragment: row.fragment,
            undone: None,
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use metadesk_clients::error::{Error, ErrorCode};

    #[test]
    fn a_run_is_resumable_when_a_resume_has_something_to_do() {
        let counts = |pending, failed| Counts {
            pending,
            failed,
            ..Counts::default()
        };
        let nothing = counts(0, 0);
        // An apply that never ended, even with every row journaled (a tag change's step may
        // be left): a resume finishes it.
        assert!(resumable(RunStatus::Interrupted, &nothing, false));
        assert!(resumable(RunStatus::Interrupted, &nothing, true));
        for ended in [RunStatus::Stopped, RunStatus::Cancelled] {
            assert!(resumable(ended, &counts(3, 0), false));
            assert!(resumable(ended, &counts(3, 0), true));
            // An operation's refused rows are checked again by a resume; an edit's failed
            // assets are retried instead.
            assert!(resumable(ended, &counts(0, 2), true));
            assert!(!resumable(ended, &counts(0, 2), false));
            assert!(!resumable(ended, &nothing, true));
        }
        for settled in [
            RunStatus::Completed,
            RunStatus::Previewed,
            RunStatus::PreviewIncomplete,
        ] {
            assert!(!resumable(settled, &counts(3, 2), true));
        }
    }

    #[test]
    fn an_unknown_run_is_refused_in_the_readers_language() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path()).unwrap();
        let err = summary(dir.path(), "20260101-101010-abcd").unwrap_err();
        assert_eq!(err.code(), ErrorCode::NotFound);
        assert_eq!(
            err.localized(&Localizer::english()),
            "There is no run 20260101-101010-abcd."
        );
        let fr = Localizer::new(metadesk_base::i18n::Lang::Fr);
        assert_eq!(
            err.localized(&fr),
            "Il n’existe pas d’exécution 20260101-101010-abcd."
        );
    }

    #[test]
    fn refusals_to_reopen_a_run_say_what_the_user_wanted_in_each_language() {
        let err = Error::message(
            ErrorCode::InvalidInput,
            "error-run-connection-gone",
            vec![("name", "prod".into()), ("to", "undo".into())],
        );
        assert!(
            err.localized(&Localizer::english())
                .ends_with("under that name to undo it."),
            "{err}"
        );
        let fr = Localizer::new(metadesk_base::i18n::Lang::Fr);
        assert_eq!(
            err.localized(&fr),
            "Cette exécution a été faite avec la connexion «\u{a0}prod\u{a0}», qui n’existe plus. \
             Importez de nouveau son fichier d’identifiants sous ce nom pour revenir en arrière sur elle."
        );
    }
}
