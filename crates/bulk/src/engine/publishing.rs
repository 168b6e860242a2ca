//! Planning a publish run (`RunKind::Publish`): which assets — the scope's (a folder's
//! listings, a search, a list), what an edit run changed (a republish), or what a publish run
//! did (its undo) — and where each stands on the tier, asked as an edit's preview asks it
//! (`checks::states_now`: one QueryBuilder request for several small folders, else for many
//! exact paths); an asset the index does not hold yet is read on its own and counted. Each row
//! keeps that state and the `cq:lastReplicationAction` before → after.
//!
//! Rules that keep a run from making public what was not: a republish publishes only assets
//! that were published before the edit (and only those whose write was checked: the edit's
//! `changed` outcomes); an unpublish leaves an asset that is not published as it is; an undo
//! acts only where the undone run's replication still stands (`publish_undo.rs`).
//!
//! Not here: sending the replication (`replicating.rs`).

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};

use futures_util::future::join_all;
use serde_json::json;

use super::checks::{metadata_codes, states_now};
use super::context::{Ctx, Failure, lock, record_row, skip_row};
use super::gated::Gated;
use super::publish_undo::{DoneTo, Verdict, decide_undo_of, done_by};
use crate::journal::{Action, Outcome, PlanRow, PreviewCounts, PropertyChange};
use crate::progress::ProgressFn;
use crate::reasons;
use crate::republished::{self, changed_by};
use crate::source::{Reach, Source, Step};
use crate::spec::{PublishFrom, RunKind};
use metadesk_assets::publication::{Agent, Publication, PublicationState, Replication};
use metadesk_assets::{Entry, EntryKind};
use metadesk_base::i18n::SavedText;
use metadesk_base::timefmt::parse_aem_time;
use metadesk_clients::error::{Error, Result};

/// Assets whose state is asked together.
const GROUP: usize = 400;

pub(super) use crate::publish_words::ACTION_PROPERTY;

/// What the run is asked to do, from its spec.
#[derive(Clone, Copy)]
pub(super) struct Asked {
    pub(super) replication: Replication,
    pub(super) agent: Agent,
}

pub(super) fn asked(kind: &RunKind) -> Option<(Asked, Option<&PublishFrom>)> {
    let (replication, agent, from) = kind.publishing()?;
    Some((Asked { replication, agent }, from))
}

/// Plans the rows of a publish run, from its scope or from the run it follows.
pub(super) async fn preview_publish(
    ctx: &Arc<Ctx>,
    runs_dir: &Path,
    on_progress: ProgressFn<'_>,
) -> Result<PreviewCounts> {
    let Some((asked, from)) = asked(&ctx.spec.kind) else {
        return Err(Error::Internal("a publish preview of another run".into()));
    };
    let mut planner = Planner {
        ctx,
        asked,
        counts: Mutex::new(PreviewCounts::default()),
        next_i: 0,
        group: Vec::new(),
        only_published: false,
        undo: None,
        republished: None,
        republished_only: None,
        edited_at: HashMap::new(),
    };
    match from {
        Some(PublishFrom::Republish { of }) => {
            planner.only_published = true;
            // After an undo of a republished edit: only what that edit's republish published.
            let runs = crate::run_history::list(runs_dir)?;
            planner.republished_only =
                republished::of_undone(runs_dir, &runs, of)?.map(|r| r.assets);
            planner.edited_at = republished::written_at(runs_dir, of)?;
            for path in changed_by(runs_dir, of)? {
                planner.push(path).await?;
            }
        }
        Some(PublishFrom::Undo { of }) => {
            let done = done_by(runs_dir, of)?;
            let paths: Vec<String> = done.iter().map(|(path, _)| path.clone()).collect();
            planner.undo = Some(done.into_iter().collect());
            planner.republished = republished_edit(runs_dir, of)?;
            for path in paths {
                planner.push(path).await?;
            }
        }
        None => scope(&mut planner, on_progress).await?,
    }
    planner.flush().await?;
    ctx.listing_done.store(true, Ordering::Relaxed);
    Ok(*lock(&planner.counts))
}

/// Where an asset stands, `written` (by the edit a republish follows) after AEM's facts: one
/// AEM says is up to date but was written after its last publication is changed since.
fn edited_since(facts: &Publication, written: &str) -> PublicationState {
    let state = facts.state();
    let published = facts.at.as_deref().and_then(parse_aem_time);
    match (state, published, parse_aem_time(written)) {
        (PublicationState::UpToDate, Some(published), Some(written)) if written > published => {
            PublicationState::Modified
        }
        _ => state,
    }
}

/// The scope's assets, from the one source (`source.rs`), handed to the planner in the order
/// they are found.
async fn scope(planner: &mut Planner<'_>, on_progress: ProgressFn<'_>) -> Result<()> {
    let ctx = planner.ctx;
    let spec = &ctx.spec;
    let account = spec.account.as_deref();
    let reach = Reach::of(
        ctx.aem.as_ref(),
        &spec.connection,
        spec.connection_id.is_some(),
        account,
    );
    let mut source = Source::of(&spec.scope, ["dc:format"], ctx.settings.pages(), &reach)?;
    ctx.found_by(source.found_by());
    if source.searches() {
        ctx.searching_now();
    }
    loop {
        match source.next(&Gated(ctx)).await? {
            Step::Page(found) => {
                for found in found {
                    planner.entry(found.entry).await?;
                }
            }
            Step::Done | Step::Cancelled => break,
            Step::Unlisted {
                folder,
                error,
                attempts,
            } => {
                planner.skip(
                    &folder,
                    reasons::folder_not_listed(&error, account, attempts),
                )?;
            }
            Step::Problems(problems) => {
                for problem in problems {
                    let reason = reasons::list_line(problem.line, problem.reason);
                    planner.skip(&problem.entry, reason)?;
                }
            }
        }
        ctx.progress(on_progress, false);
    }
    // The OpenAPI search may have handed over to QueryBuilder.
    ctx.found_by(source.found_by());
    ctx.unindexed
        .fetch_add(source.unindexed(), Ordering::Relaxed);
    Ok(())
}

/// The edit run that publish run `of` republished, if it is a republish.
fn republished_edit(runs_dir: &Path, of: &str) -> Result<Option<String>> {
    Ok(crate::runs::spec(runs_dir, of)?
        .kind
        .republish_of()
        .map(str::to_owned))
}

/// Plans assets a group at a time, in the order they come.
struct Planner<'a> {
    ctx: &'a Arc<Ctx>,
    asked: Asked,
    counts: Mutex<PreviewCounts>,
    next_i: u64,
    group: Vec<String>,
    /// A republish: only assets published before are published.
    only_published: bool,
    /// An undo: what the undone run did, by path.
    undo: Option<HashMap<String, DoneTo>>,
    /// The undo of a republish: the edit run it republished.
    republished: Option<String>,
    /// The republish after an undo: only the assets the undone edit's republish published.
    republished_only: Option<HashSet<String>>,
    /// A republish of an edit: when the edit wrote each asset. One AEM says is up to date but
    /// was written after its publication is shown changed since (AEM leaves its last-modified
    /// time as it was on a metadata edit).
    edited_at: HashMap<String, String>,
}

impl Planner<'_> {
    /// A listed or found entry: folders are walked, not published; filters apply.
    async fn entry(&mut self, entry: Entry) -> Result<()> {
        let filters = self.ctx.spec.scope.filters();
        match entry.kind {
            EntryKind::Folder => lock(&self.counts).folders += 1,
            _ if !filters.name_matches(&entry.name)
                || (entry.metadata.is_some() && !filters.format_matches(entry.listed_format())) =>
            {
                lock(&self.counts).filtered_out += 1;
            }
            EntryKind::Asset | EntryKind::ContentFragment => self.push(entry.path).await?,
        }
        Ok(())
    }

    async fn push(&mut self, path: String) -> Result<()> {
        self.group.push(path);
        if self.group.len() >= GROUP {
            self.flush().await?;
        }
        Ok(())
    }

    fn skip(&mut self, path: &str, reason: SavedText) -> Result<()> {
        let i = self.take_i();
        record_row(self.ctx, &self.counts, skip_row(i, path, reason))?;
        self.ctx.count(Outcome::Skipped);
        Ok(())
    }

    fn take_i(&mut self) -> u64 {
        let i = self.next_i;
        self.next_i += 1;
        self.ctx.tally.total.fetch_add(1, Ordering::Relaxed);
        i
    }

    /// Asks the group's states (batched: `states_now`), reads on its own each asset no answered
    /// query returned (all at once), then journals a row per asset in its order.
    async fn flush(&mut self) -> Result<()> {
        let paths = std::mem::take(&mut self.group);
        if paths.is_empty() || self.ctx.control.is_cancelled() {
            return Ok(());
        }
        let ctx = self.ctx;
        let agent = self.asked.agent;
        let (mut found, asked_ok) = states_now(ctx, &paths, agent).await;
        let asked_ok = &asked_ok;
        let reads = paths
            .iter()
            .filter(|path| !found.contains_key(*path))
            .map(|path| async move {
                let read = ctx.call(|| ctx.aem.publication(path, agent)).await;
                if read.is_ok() && asked_ok.contains(path) {
                    ctx.unindexed.fetch_add(1, Ordering::Relaxed);
                }
                (path.clone(), read)
            });
        let mut read: HashMap<String, _> = join_all(reads).await.into_iter().collect();
        // An unpublish's undo compares each asset's metadata with the code its run journaled.
        let codes = match self.undoes_unpublish() {
            true => {
                let refs: Vec<&str> = paths.iter().map(String::as_str).collect();
                Some(metadata_codes(ctx, &refs).await)
            }
            false => None,
        };
        for path in paths {
            if ctx.control.is_cancelled() {
                break;
            }
            let facts = match found.remove(&path) {
                Some(facts) => Ok(facts),
                // A path met twice in a group (its answer already taken): read on its own again,
                // never taken as the end of the group.
                None => match read.remove(&path) {
                    Some(read) => read,
                    None => ctx.call(|| ctx.aem.publication(&path, agent)).await,
                },
            };
            match facts {
                Ok(mut facts) => {
                    if let Some(codes) = &codes {
                        facts.metadata = codes.get(&path).cloned();
                    }
                    let i = self.take_i();
                    let row = self.plan(i, path, &facts);
                    let outcome = match row.action {
                        Action::Change => None,
                        Action::Unchanged => Some(Outcome::Unchanged),
                        Action::Skip => Some(Outcome::Skipped),
                    };
                    record_row(self.ctx, &self.counts, row)?;
                    if let Some(outcome) = outcome {
                        self.ctx.count(outcome);
                    }
                }
                Err(Failure::Cancelled) => break,
                Err(Failure::Call(e, attempts)) => {
                    let account = self.ctx.spec.account.as_deref();
                    self.skip(&path, reasons::not_read(&e, account, attempts))?;
                }
            }
        }
        Ok(())
    }

    /// Whether the run is the undo of an unpublish, which republishes.
    fn undoes_unpublish(&self) -> bool {
        self.undo.is_some()
            && self.republished.is_none()
            && self.asked.replication == Replication::Publish
    }

    /// What the run does to one asset, from where it stands.
    fn plan(&self, i: u64, path: String, facts: &Publication) -> PlanRow {
        let state = match self.edited_at.get(&path) {
            Some(written) => edited_since(facts, written),
            None => facts.state(),
        };
        let replication = self.asked.replication;
        let verdict = match &self.undo {
            Some(undo) => match undo.get(&path) {
                Some(done) => decide_undo_of(self.republished.as_deref(), replication, done, facts),
                None => Verdict::Skip(SavedText::new("reason-publish-undo-not-confirmed", [])),
            },
            None => match replication {
                Replication::Publish if self.only_published && !state.is_published() => {
                    Verdict::Skip(SavedText::new("reason-publish-not-before", []))
                }
                Replication::Publish
                    if self
                        .republished_only
                        .as_ref()
                        .is_some_and(|only| !only.contains(&path)) =>
                {
                    Verdict::Skip(SavedText::new("reason-republish-undo-published-since", []))
                }
                Replication::Publish => Verdict::Send,
                Replication::Unpublish if state.is_published() => Verdict::Send,
                Replication::Unpublish => {
                    Verdict::Unchanged(SavedText::new("reason-publish-already-unpublished", []))
                }
            },
        };
        let (action, reason) = match verdict {
            Verdict::Send => (Action::Change, None),
            Verdict::Unchanged(reason) => (Action::Unchanged, Some(reason)),
            Verdict::Skip(reason) => (Action::Skip, Some(reason)),
        };
        PlanRow {
            i,
            path,
            id: None,
            etag: None,
            action,
            reason,
            changes: vec![PropertyChange {
                property: ACTION_PROPERTY.to_owned(),
                before: facts.action.as_deref().map(|a| json!(a)),
                after: Some(json!(replication.command())),
            }],
            publication: Some(state),
            fragment: None,
        }
    }
}
