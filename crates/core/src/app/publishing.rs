//! Publishing as use cases: preview publishing or unpublishing a scope (a folder, a search or a
//! list), preview republishing what an edit run changed, and find whether a run was
//! republished (so that its undo republishes the values it restores). Applying, resuming,
//! reports and undo are those of every run ([`super::runs`]).
//!
//! Not here: planning and replicating (`bulk::engine`), how a face asks or shows.
//!
//! The use case in full (ARCHITECTURE.md points here): publish and unpublish a scope, republish
//! what an edit changed (only assets published before, after their write was checked; after the
//! edit or later), undo a publish; a run like any other in the one journal (`RunKind::Publish`:
//! each row's publication state and `cq:lastReplicationAction` before → after; `Writing` holds the
//! state before — the check's just before sending, else the preview's, else marked not known, which
//! the undo leaves as it is — so an undo knows what was published before); refused before anything
//! is sent for OAuth S2S (but a content fragments' run, republished through the Sites API's
//! publication, `assets/fragments/publish.rs`), and an edit to be republished there before it is written
//! (`Opened::require_publishes`, `ApplyRequest::republish`); refused everywhere, the run stops in
//! the publish refusal's words (`Ctx::refused_then_stop`); its CSV report's publication columns
//! (`bulk/runs.rs`); an edit's, a sheet's and an undo's preview ask where their assets stand on
//! the website too, in the same batched state queries (`engine/checks.rs` `publication_now`: one
//! request per hundred or so paths), kept on each plan row, so the window shows *On the website*
//! and a report how many of the changed assets a republish would publish
//! (`RunSummary.changed_on_website`). Here: `publishing.rs`, `runs.rs` (apply, undo). The layers below:
//! `engine/publishing.rs` (scope, states asked in batches, the rules), `engine/replicating.rs`
//! (apply: state asked again, intents journaled, `POST /bin/replicate.json` 100 paths a request
//! through the gate, a refused request split), `bulk/publish_words.rs` (words, report keys,
//! `check_publishes`), `assets/publication.rs`. The window: `commands/publish.rs`,
//! `commands/bulk.rs`. The CLI: `publish`, `unpublish` (`publish.rs`), `bulk … --republish`, `bulk
//! republish RUN` (`bulk/republish.rs`).

use super::jobs::job_on;
use super::previews::OnProgress;
use super::scope_requests::ScopeRequest;
use super::{Opened, Workspace, blocking};
use metadesk_bulk::replay::Replay;
use metadesk_bulk::republished::{self, Republished};
use metadesk_bulk::{Agent, Engine, Replication, RunKind, RunScope, RunSource, RunSummary, runs};
use metadesk_clients::error::Result;
use serde::Deserialize;
use ts_rs::TS;

/// What the window asks for to preview publishing or unpublishing the person's scope (made the
/// run's scope by the core, [`ScopeRequest::run_scope`]).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PublishRequest {
    pub scope: ScopeRequest,
    pub replication: Replication,
    pub agent: Agent,
}

impl Workspace {
    /// Previews publishing (or unpublishing) a scope to `agent`'s tier: each asset's state in
    /// the journal, nothing sent to AEM's replication yet. An OAuth Server-to-Server
    /// connection is refused before anything is sent.
    pub(crate) async fn preview_publish(
        &self,
        opened: &Opened,
        scope: RunScope,
        replication: Replication,
        agent: Agent,
        on_progress: OnProgress<'_>,
    ) -> Result<RunSummary> {
        let kind = RunKind::Publish {
            replication,
            agent,
            from: None,
        };
        let spec = opened.spec(scope, Vec::new(), kind).validated()?;
        let label = job_on("job-preview", spec.scope.folder());
        let engine = Engine::new(opened.connected.assets.clone(), self.runs_dir())
            .with_paired(opened.paired_with.clone());
        self.plan(label, engine, RunSource::Scope(spec), on_progress)
            .await
    }

    /// Previews republishing what run `of` changed (its checked writes) on the assets that
    /// were published before it, on the connection opened for that run (content fragments
    /// through the Sites API's publication, their connection's way to publish).
    pub(crate) async fn preview_republish(
        &self,
        opened: &Opened,
        of: &str,
        agent: Agent,
        on_progress: OnProgress<'_>,
    ) -> Result<RunSummary> {
        let summary = self.run_summary(of).await?;
        let label = job_on("job-preview", &summary.folder);
        // A content fragments' run is republished through the Sites API, as it was edited.
        let engine = Engine::new(self.assets_for(opened, &summary)?, self.runs_dir());
        let plan = RunSource::republish(of, agent);
        self.plan(label, engine, plan, on_progress).await
    }

    /// The tier run `of` was republished to by a run that published something, if it was: an
    /// undo of `of` republishes the values it restores there too.
    pub async fn republished_to(&self, of: &str) -> Result<Option<Agent>> {
        let (dir, of) = (self.runs_dir(), of.to_owned());
        let history = self.history();
        blocking(move || {
            let runs = history.list(&dir)?;
            Ok(republished::of_edit(&dir, &runs, &of)?.map(|r| r.agent))
        })
        .await
    }

    /// Whether run `run`, now applied, is to be republished, and to which tier: "apply, then
    /// republish" and "undo, then republish" decided here once for both faces (issue 75).
    /// `asked`: what the user chose ("Then republish" ticked, `--republish`); `None` takes the
    /// default, which only an undo has: it republishes when the edit it undoes was republished.
    /// An undo republishes to that edit's tier; any other run to the website. Nothing for a
    /// publication, a run not applied or that changed nothing, nor where none of what it
    /// changed is on the website.
    pub async fn republish_after(&self, run: &str, asked: Option<bool>) -> Result<Option<Agent>> {
        // Declined: nothing to read (every run the CLI makes without `--republish` asks).
        if asked == Some(false) {
            return Ok(None);
        }
        let summary = self.run_summary(run).await?;
        let republished = match summary.kind.takes_back() {
            Some(undone) if !summary.kind.publishes() => self.republished_to(undone).await?,
            _ => None,
        };
        // Something it changed may be on the website, once it is applied.
        let live = summary.applied_at.is_some()
            && summary.counts.changed > 0
            && summary.changed_on_website != Some(0);
        Ok(republish_rule(&summary.kind, live, republished, asked))
    }

    /// When `undo` is the undo of an edit that was republished: what that edit's republishes
    /// published, and the assets of the undo's preview its republish after it will publish
    /// (on the website, and published by that republish), for a face to say which.
    pub async fn republished_after_undo(
        &self,
        undo: &str,
    ) -> Result<Option<(Republished, Vec<String>)>> {
        let (dir, undo) = (self.runs_dir(), undo.to_owned());
        let history = self.history();
        blocking(move || {
            let runs = history.list(&dir)?;
            republished::after_undo(&dir, &runs, &undo)
        })
        .await
    }

    /// The run an undo undid, when `run` is the undo of an edit.
    pub async fn undone_by(&self, run: &str) -> Result<Option<String>> {
        let journal = runs::path_of(&self.runs_dir(), run)?;
        let spec = blocking(move || Ok(Replay::load(&journal)?.spec)).await?;
        Ok(spec.kind.undo_of().map(str::to_owned))
    }
}

/// [`Workspace::republish_after`]'s rule, for a run of `kind`: `live`, whether it is applied
/// and something it changed may be on the website; `republished`, the tier the edit it undoes
/// was republished to (when it is an undo).
fn republish_rule(
    kind: &RunKind,
    live: bool,
    republished: Option<Agent>,
    asked: Option<bool>,
) -> Option<Agent> {
    if kind.publishes() || !live {
        return None;
    }
    if kind.takes_back().is_none() {
        return asked.unwrap_or(false).then_some(Agent::Publish);
    }
    match asked {
        None => republished,
        Some(true) => Some(republished.unwrap_or(Agent::Publish)),
        Some(false) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use metadesk_bulk::Replication;

    /// What both faces republish after an apply: a new run only when asked, an undo by default
    /// where its edit was republished (the window ticks it so), never a publication nor a run
    /// with nothing on the website.
    #[test]
    fn a_run_is_republished_as_asked_and_an_undo_where_its_edit_was() {
        let (edit, undo) = (RunKind::Edit, RunKind::Undo { of: "e1".into() });
        let (web, preview) = (Some(Agent::Publish), Some(Agent::Preview));
        // A new run: only when asked, to the website.
        assert_eq!(republish_rule(&edit, true, None, None), None);
        assert_eq!(republish_rule(&edit, true, None, Some(false)), None);
        assert_eq!(republish_rule(&edit, true, None, Some(true)), web);
        // An undo: by default where its edit was republished, if it was.
        assert_eq!(republish_rule(&undo, true, preview, None), preview);
        assert_eq!(republish_rule(&undo, true, None, None), None);
        assert_eq!(republish_rule(&undo, true, preview, Some(true)), preview);
        assert_eq!(republish_rule(&undo, true, None, Some(true)), web);
        assert_eq!(republish_rule(&undo, true, preview, Some(false)), None);
        // Nothing live, or a publication: never.
        assert_eq!(republish_rule(&undo, false, preview, Some(true)), None);
        let publication = RunKind::Publish {
            replication: Replication::Publish,
            agent: Agent::Publish,
            from: None,
        };
        assert_eq!(republish_rule(&publication, true, web, Some(true)), None);
    }
}
