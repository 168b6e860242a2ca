//! A run's parts AEM refused (403), decided by the folder each writes in, as an edit's assets
//! are (`folder_refusals.rs`): what the driver (`operating.rs`) and an upload's files
//! (`upload.rs`) share. A refusal is held back until a write in its folder is taken (then it is
//! its part's own failure); a folder whose first parts are all refused refuses the run, and its
//! other parts fail in words naming it, with no request; when every folder tried refuses and
//! nothing was taken, the run stops (its held parts left for the resume). The callers journal
//! what this decides.
//!
//! Not here: the decision's counts (`folder_refusals.rs`), the journal records.

use std::collections::HashMap;

use metadesk_base::i18n::SavedText;

use super::context::Ctx;
use super::folder_refusals::{FolderRefusals, Refusal, folder_of};
use crate::parts::RunPart;
use crate::reasons;

/// The refusals of one run's parts, by folder.
pub(super) struct PartRefusals(FolderRefusals<RunPart>);

impl PartRefusals {
    /// For a run that still has `parts` to write.
    pub(super) fn of(parts: impl Iterator<Item = RunPart>) -> PartRefusals {
        let mut planned: HashMap<String, usize> = HashMap::new();
        for part in parts {
            *planned
                .entry(folder_of(&part.written_at()).to_owned())
                .or_default() += 1;
        }
        let refusals = FolderRefusals::default();
        refusals.plan(planned);
        PartRefusals(refusals)
    }

    /// Why `part` is not tried, when its folder was found refusing the run's writes.
    pub(super) fn refusing(&self, ctx: &Ctx, part: &RunPart) -> Option<SavedText> {
        let folder = self.0.refusing(&part.written_at())?;
        Some(folder_refuses(ctx, &folder))
    }

    /// `part`, written alone, refused (403) for `why`: the parts to journal refused now, each
    /// with its words (none while its folder is undecided: held, it stays as journaled, in
    /// doubt). Refused everywhere with nothing taken, the run is stopped.
    pub(super) fn refused(
        &self,
        ctx: &Ctx,
        part: RunPart,
        why: SavedText,
    ) -> Vec<(RunPart, SavedText)> {
        let at = part.written_at();
        match self.0.refused(part.clone(), &at, why) {
            Refusal::Held => Vec::new(),
            Refusal::Own(why) => vec![(part, why)],
            Refusal::FolderRefuses {
                folder,
                assets,
                untried,
            } => {
                tracing::warn!(%folder, "AEM refuses this connection's writes in a folder");
                // With nothing left to try there, each keeps its own words.
                let said = untried.then(|| folder_refuses(ctx, &folder));
                assets
                    .into_iter()
                    .map(|(part, own)| (part, said.clone().unwrap_or(own)))
                    .collect()
            }
            Refusal::Stop { refused } => {
                ctx.stop_cannot_write(refused);
                Vec::new()
            }
        }
    }

    /// A write of `part` was taken: the refusals held in its folder were their parts' own
    /// (returned, to journal refused).
    pub(super) fn accepted(&self, part: &RunPart) -> Vec<(RunPart, SavedText)> {
        self.0.accepted(&part.written_at())
    }

    /// At the end of the writes: the refusals still held (too few in their folder to decide,
    /// none taken there) are their parts' own failures.
    pub(super) fn settle(&self) -> Vec<(RunPart, SavedText)> {
        self.0.settle()
    }
}

/// Why a part in `folder` was not tried: AEM refused every request tried there.
fn folder_refuses(ctx: &Ctx, folder: &str) -> SavedText {
    let account = ctx.spec.account.as_deref();
    reasons::op_folder_refuses(folder, &ctx.spec.connection, account)
}
