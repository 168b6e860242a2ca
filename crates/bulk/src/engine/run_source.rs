//! Where a run's rows come from: the one choice the engine makes when it plans a run, and the
//! one place it is dispatched ([`Engine::plan`]). A scope's assets come from the one source of
//! a folder walk, a list or a search (`source.rs`); a sheet's rows and an earlier run's journal
//! (its undo, its retry, its republish) are rows known before the run, each with what it
//! wants; a tag sheet's plan and an upload's files are planned whole before the run starts,
//! and its journal holds them. Whatever the source, the rows then go through the same checks,
//! writes, journal and report (`apply`).
//!
//! Not here: how each source's rows are planned (`listed.rs`, `planning.rs`, `undo.rs`,
//! `retry.rs`, `publishing.rs`, `planned.rs`), or what the faces ask (the core's
//! `PreviewRequest`).

use super::Engine;
use super::planning::AssetEdits;
use crate::progress::ProgressFn;
use crate::run_control::RunControl;
use crate::runs::RunSummary;
use crate::spec::{Agent, RunSpec};
use metadesk_clients::error::Result;

/// The source of a run's rows, as [`Engine::plan`] takes it.
#[derive(Debug, Clone)]
pub enum RunSource {
    /// The assets of the spec's scope (a folder, a search, a list; content fragments where the
    /// spec says so), for its edits or its publication.
    Scope(RunSpec),
    /// A sheet's rows: each asset with its own edits (the spec says which sheet).
    Sheet(RunSpec, Vec<AssetEdits>),
    /// Run `of`'s journal: what it changed, given back (its undo).
    Undo { of: String },
    /// Run `of`'s journal: its failed assets, with its edits again.
    Retry { of: String },
    /// Edit run `of`'s journal: what it changed, published again to `agent`'s tier.
    Republish { of: String, agent: Agent },
    /// An operation's plan made whole before the run (`spec.op`: a move, a tag import's tags
    /// and values, an upload's folders and files, an undo of an upload or of a tag import).
    Planned(RunSpec),
}

impl RunSource {
    pub fn undo(of: &str) -> Self {
        RunSource::Undo { of: of.to_owned() }
    }

    pub fn retry(of: &str) -> Self {
        RunSource::Retry { of: of.to_owned() }
    }

    pub fn republish(of: &str, agent: Agent) -> Self {
        RunSource::Republish {
            of: of.to_owned(),
            agent,
        }
    }
}

impl Engine {
    /// Plans a new run from `source` (its preview): journals one plan row per row the source
    /// gives, writes nothing to AEM, and returns the run's summary (status `Previewed`, or
    /// `PreviewIncomplete` when cancelled). [`Engine::apply`] then writes it.
    pub async fn plan(
        &self,
        source: RunSource,
        control: &RunControl,
        on_progress: ProgressFn<'_>,
    ) -> Result<RunSummary> {
        match source {
            RunSource::Scope(spec) => self.plan_scope(spec, control, on_progress).await,
            RunSource::Sheet(spec, rows) => {
                self.preview_per_asset(spec, rows, control, on_progress)
                    .await
            }
            RunSource::Undo { of } => self.preview_undo(&of, control, on_progress).await,
            RunSource::Retry { of } => self.preview_retry(&of, control, on_progress).await,
            RunSource::Republish { of, agent } => {
                self.preview_republish(&of, agent, control, on_progress)
                    .await
            }
            RunSource::Planned(spec) => self.start_operation(spec).await,
        }
    }
}
