//! The start of a run whose plan its spec holds (an operation's: a move, a tag import, an
//! upload…): its journal, counted as previewed; the apply writes it.
//!
//! Not here: writing it (`operating.rs`), what an operation writes and what its journal says
//! (`crate::ops`).

use metadesk_clients::error::{Error, Result};

use super::Engine;
use crate::journal::{PreviewCounts, Record};
use crate::runs::{self, RunSummary};
use crate::spec::RunSpec;
use metadesk_base::timefmt::now_rfc3339;

impl Engine {
    /// Starts an operation's run (`spec.op`, planned against AEM or the taxonomy by the
    /// caller): its journal holds the plan and counts as previewed; [`Self::apply`] writes it.
    pub(super) async fn start_operation(&self, spec: RunSpec) -> Result<RunSummary> {
        if spec.parts_op().is_none() {
            return Err(Error::Internal("an operation's run needs its plan".into()));
        }
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
