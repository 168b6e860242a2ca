//! The start of a run whose plan its spec holds (a tag import's, an upload's, an operation's):
//! its journal, counted as previewed; the apply writes it.
//!
//! Not here: writing a tag import (`tag_importing.rs`, run as any operation by
//! `operating.rs`), what it writes and what its journal says (`crate::tag_import`).

use metadesk_clients::error::{Error, Result};

use super::Engine;
use crate::journal::{PreviewCounts, Record};
use crate::runs::{self, RunSummary};
use crate::spec::RunSpec;
use metadesk_base::timefmt::now_rfc3339;

impl Engine {
    /// Starts a tag import's run (`spec.tag_import`, planned against the taxonomy by the
    /// caller): its journal holds the plan and counts as previewed; [`Self::apply`] writes it.
    pub(super) async fn start_tag_import(&self, spec: RunSpec) -> Result<RunSummary> {
        if spec.tag_import.is_none() {
            return Err(Error::Internal("a tag import's run needs its plan".into()));
        }
        self.start_planned(spec).await
    }

    /// Starts an upload's run (`spec.upload`, planned against AEM by the caller), as
    /// [`Self::start_tag_import`] does.
    pub(super) async fn start_upload(&self, spec: RunSpec) -> Result<RunSummary> {
        if spec.upload.is_none() {
            return Err(Error::Internal("an upload's run needs its plan".into()));
        }
        self.start_planned(spec).await
    }

    /// Starts an operation's run (`spec.op`, planned against AEM by the caller), as
    /// [`Self::start_tag_import`] does.
    pub(super) async fn start_operation(&self, spec: RunSpec) -> Result<RunSummary> {
        if spec.op.is_none() {
            return Err(Error::Internal("an operation's run needs its plan".into()));
        }
        self.start_planned(spec).await
    }

    /// A run whose plan is its spec's: its journal, counted as previewed.
    pub(super) async fn start_planned(&self, spec: RunSpec) -> Result<RunSummary> {
        self.check_family(&spec)?;
        let (id, journal) = self.start_run(&spec).await?;
        journal
            .append_durable(&Record::Previewed {
                at: now_rfc3339(),
                counts: PreviewCounts::default(),
                found_by: None,
                unindexed: 0,
                searched_at: None,
                emptied_required: Vec::new(),
                // Nothing was read: the apply starts as any does.
                concurrency: None,
            })
            .await?;
        drop(journal);
        runs::summary(&self.runs_dir, &id)
    }
}
