//! One entry for every preview that makes a run: a face (the window's commands, the CLI) says
//! which operation in one [`PreviewRequest`] and calls [`Workspace::preview`]. Each operation
//! checks and prepares its run in its own file (`runs.rs`: an edit, an undo, a retry;
//! `fragments.rs`; `publishing.rs`; `sheets/import.rs`: a sheet's rows, whose answer is the
//! checked sheet), then every one is planned through [`Workspace::plan`]: the workspace's one
//! job, the engine, progress forwarded with the run's id.
//!
//! Not here: what each operation checks (the files above), planning itself (`bulk::Engine`).

use metadesk_base::i18n::Text;
use metadesk_bulk::engine::AssetEdits;
use metadesk_bulk::{Agent, Edit, Engine, Progress, Replication, RunScope, RunSpec, RunSummary};
use metadesk_clients::error::Result;

use super::{JobKind, Opened, Workspace};

/// Where a use case reports progress (the window's channel, the terminal's bar).
pub type OnProgress<'a> = &'a (dyn Fn(Progress) + Send + Sync);

/// What a face asks to preview: the window and the CLI make the same one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PreviewRequest {
    /// Edits of a scope (a folder, a search, a list).
    Edit { scope: RunScope, edits: Vec<Edit> },
    /// The undo of run `of`, on the connection opened for it.
    Undo { of: String },
    /// The same edits as run `of` again, on its failed assets.
    Retry { of: String },
    /// An edit of content fragments.
    Fragments(FragmentEdit),
    /// Publishing or unpublishing a scope to `agent`'s tier.
    Publish {
        scope: RunScope,
        replication: Replication,
        agent: Agent,
    },
    /// Republishing what edit run `of` changed, on its assets published before it.
    Republish { of: String, agent: Agent },
}

/// What a fragment edit asks: the folder (its whole subtree) or a list of fragment paths, the
/// model, the edits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FragmentEdit {
    pub folder: String,
    pub model: Option<String>,
    /// Fragment paths (or links), one per entry; the folder's fragments when `None`.
    pub list: Option<Vec<String>>,
    pub edits: Vec<Edit>,
}

/// What the engine is asked to plan, once an operation made its run ready.
pub(crate) enum Plan {
    /// A new run of its spec's scope (an edit, fragments, a publish).
    Spec(RunSpec),
    /// A sheet's rows, each asset with its own edits.
    PerAsset(RunSpec, Vec<AssetEdits>),
    Undo(String),
    Retry(String),
    Republish(String, Agent),
}

impl Workspace {
    /// Previews the run `request` asks for: journals its plan, writes nothing to AEM.
    pub async fn preview(
        &self,
        opened: &Opened,
        request: PreviewRequest,
        on_progress: OnProgress<'_>,
    ) -> Result<RunSummary> {
        match request {
            PreviewRequest::Edit { scope, edits } => {
                self.preview_spec(opened, scope, edits, None, on_progress)
                    .await
            }
            PreviewRequest::Undo { of } => {
                self.preview_from_run(opened, of, false, on_progress).await
            }
            PreviewRequest::Retry { of } => {
                self.preview_from_run(opened, of, true, on_progress).await
            }
            PreviewRequest::Fragments(edit) => {
                self.preview_fragments(opened, edit, on_progress).await
            }
            PreviewRequest::Publish {
                scope,
                replication,
                agent,
            } => {
                self.preview_publish(opened, scope, replication, agent, on_progress)
                    .await
            }
            PreviewRequest::Republish { of, agent } => {
                self.preview_republish(opened, &of, agent, on_progress)
                    .await
            }
        }
    }

    /// Plans `plan` on `engine` as the workspace's one job (`label`: what the job is doing),
    /// forwarding progress once the run has its id.
    pub(crate) async fn plan(
        &self,
        label: Text,
        engine: Engine,
        plan: Plan,
        on_progress: OnProgress<'_>,
    ) -> Result<RunSummary> {
        let job = self.jobs.start(JobKind::Preview, label)?;
        let forward = |p: Progress| {
            job.set_run_id(&p.run_id);
            on_progress(p);
        };
        let control = job.control();
        match plan {
            Plan::Spec(spec) => engine.preview(spec, control, &forward).await,
            Plan::PerAsset(spec, assets) => {
                engine
                    .preview_per_asset(spec, assets, control, &forward)
                    .await
            }
            Plan::Undo(of) => engine.preview_undo(&of, control, &forward).await,
            Plan::Retry(of) => engine.preview_retry(&of, control, &forward).await,
            Plan::Republish(of, agent) => {
                engine
                    .preview_republish(&of, agent, control, &forward)
                    .await
            }
        }
    }
}
