//! One entry for every preview that makes a run: a face (the window's commands, the CLI) says
//! which operation in one [`PreviewRequest`] and calls [`Workspace::preview`]; a sheet's import
//! (`sheets/import.rs`) reads and checks its file, then asks the same entry for its rows.
//! Each operation checks and prepares its run in its own file (`runs.rs`: an edit, an undo, a
//! retry; `fragments.rs`; `publishing.rs`; `sheets/import.rs`), then every one is planned
//! through [`Workspace::plan`]: the workspace's one job, and the engine's one entry
//! ([`Engine::plan`], which dispatches on the run's [`RunSource`]), progress forwarded with the
//! run's id. A tag sheet's and an upload's runs start planned (their previews are read from
//! AEM before any run exists) and enter the engine the same way.
//!
//! Not here: what each operation checks (the files above), planning itself (`bulk::Engine`).

use metadesk_base::i18n::Text;
use metadesk_bulk::engine::AssetEdits;
use metadesk_bulk::{Agent, Edit, Engine, Progress, Replication, RunScope, RunSource, RunSummary};
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
    /// A checked sheet's rows, each asset with its own values: the sheet's import
    /// (`sheets/import.rs`) reads and checks the file, asks this, then names by row what AEM
    /// answered for each asset.
    Sheet(SheetRows),
}

/// The rows of a checked sheet, as its import asks them previewed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetRows {
    /// The file's name, which names the run.
    pub file_name: String,
    /// The folder the sheet was exported from, or the one its rows share.
    pub folder: String,
    pub assets: Vec<AssetEdits>,
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
            PreviewRequest::Sheet(rows) => self.preview_sheet(opened, rows, on_progress).await,
        }
    }

    /// Plans the run of `source` on `engine` as the workspace's one job (`label`: what the job
    /// is doing), forwarding progress once the run has its id.
    pub(crate) async fn plan(
        &self,
        label: Text,
        engine: Engine,
        source: RunSource,
        on_progress: OnProgress<'_>,
    ) -> Result<RunSummary> {
        let job = self.jobs.start(JobKind::Preview, label)?;
        let forward = |p: Progress| {
            job.set_run_id(&p.run_id);
            on_progress(p);
        };
        engine.plan(source, job.control(), &forward).await
    }
}
