//! A run's parts AEM refused (403), decided by the folder each writes in, as an edit's assets
//! are (`folder_refusals.rs`): what the driver (`operating.rs`) and an upload's files
//! (`upload.rs`) share. A refusal is held back until a write in its folder is taken (then it is
//! its part's own failure); a folder whose first parts are all refused refuses the run, and its
//! other parts fail in words naming it, with no request; when every folder tried refuses and
//! nothing was taken, the run stops (its held parts left for the resume). The words for a
//! folder found refusing are the operation's own, made once a folder. The callers journal what
//! this decides.
//!
//! Not here: the decision's counts (`folder_refusals.rs`), the journal records.

use std::collections::HashMap;
use std::sync::Mutex;

use metadesk_base::i18n::SavedText;

use super::context::{Ctx, lock};
use super::folder_refusals::{FolderRefusals, Refusal, folder_of};
use crate::parts::RunPart;
use crate::reasons;

/// Why the parts of a folder found refusing the run's writes are not tried, given the folder.
pub(super) type FolderWords<'w> = Box<dyn Fn(&str) -> SavedText + Send + Sync + 'w>;

/// The refusals of one run's parts, by folder.
pub(super) struct PartRefusals<'w> {
    refusals: FolderRefusals<RunPart>,
    words: FolderWords<'w>,
    /// The words of each folder found refusing, made once.
    said: Mutex<HashMap<String, SavedText>>,
}

impl<'w> PartRefusals<'w> {
    /// For a run that still has `parts` to write; `words`: why a folder's parts are not tried
    /// once it is found refusing ([`op_words`] for an operation that says no more).
    pub(super) fn of(parts: impl Iterator<Item = RunPart>, words: FolderWords<'w>) -> Self {
        let mut planned: HashMap<String, usize> = HashMap::new();
        for part in parts {
            *planned
                .entry(folder_of(&part.written_at()).to_owned())
                .or_default() += 1;
        }
        let refusals = FolderRefusals::default();
        refusals.plan(planned);
        PartRefusals {
            refusals,
            words,
            said: Mutex::default(),
        }
    }

    /// Why `part` is not tried, when its folder was found refusing the run's writes.
    pub(super) fn refusing(&self, part: &RunPart) -> Option<SavedText> {
        let folder = self.refusals.refusing(&part.written_at())?;
        Some(self.folder_refuses(&folder))
    }

    /// The words of `folder`, found refusing.
    fn folder_refuses(&self, folder: &str) -> SavedText {
        lock(&self.said)
            .entry(folder.to_owned())
            .or_insert_with(|| (self.words)(folder))
            .clone()
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
        match self.refusals.refused(part.clone(), &at, why) {
            Refusal::Held => Vec::new(),
            Refusal::Own(why) => vec![(part, why)],
            Refusal::FolderRefuses {
                folder,
                assets,
                untried,
            } => {
                tracing::warn!(%folder, "AEM refuses this connection's writes in a folder");
                // With nothing left to try there, each keeps its own words.
                let said = untried.then(|| self.folder_refuses(&folder));
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
        self.refusals.accepted(&part.written_at())
    }

    /// At the end of the writes: the refusals still held (too few in their folder to decide,
    /// none taken there) are their parts' own failures.
    pub(super) fn settle(&self) -> Vec<(RunPart, SavedText)> {
        self.refusals.settle()
    }
}

/// Why a part in a folder was not tried, as every operation says it: AEM refused every
/// request tried there.
pub(super) fn op_words(ctx: &Ctx) -> FolderWords<'_> {
    Box::new(move |folder| {
        let account = ctx.spec.account.as_deref();
        reasons::op_folder_refuses(folder, &ctx.spec.connection, account)
    })
}
