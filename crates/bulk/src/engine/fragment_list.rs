//! Planning a list of content fragments: each line names a fragment by its path (or a link to
//! it), read on its own from the Sites API (no search: the Sites API finds a fragment by its
//! path). A line that names no fragment, or a fragment that cannot be read, is a skipped row
//! with why, as in an asset list.
//!
//! Not here: asset lists, which AEM's searches resolve (`searched.rs`).

use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};

use tokio::task::JoinSet;

use super::context::{Ctx, lock, record_row, skip_row};
use super::planning::{HoldBack, preview_asset};
use super::tasks::{drain, spawn_bounded};
use crate::journal::PreviewCounts;
use crate::list_entries::{Target, target_of};
use crate::progress::ProgressFn;
use metadesk_assets::{Entry, EntryKind};
use metadesk_base::i18n::SavedText;
use metadesk_clients::error::Result;

pub(super) async fn preview_fragment_list(
    ctx: &Arc<Ctx>,
    entries: &[String],
    on_progress: ProgressFn<'_>,
) -> Result<PreviewCounts> {
    let counts = Arc::new(Mutex::new(PreviewCounts::default()));
    let mut tasks: JoinSet<Result<()>> = JoinSet::new();
    let mut seen = std::collections::HashMap::new();
    for (n, entry) in entries.iter().enumerate() {
        if ctx.control.is_cancelled() {
            break;
        }
        let i = n as u64;
        ctx.tally.total.fetch_add(1, Ordering::Relaxed);
        let line = n as u64 + 1;
        let skipped = |why: SavedText| {
            record_row(
                ctx,
                &counts,
                skip_row(i, entry, crate::reasons::list_line(line, why)),
            )
        };
        let path = match target_of(entry) {
            Ok(Target::Path(path)) => path,
            Ok(Target::Uuid(_)) => {
                skipped(SavedText::new("reason-list-fragment-id", []))?;
                continue;
            }
            Err(why) => {
                skipped(why)?;
                continue;
            }
        };
        if let Some(first) = seen.insert(path.clone(), line) {
            seen.insert(path.clone(), first);
            skipped(SavedText::new(
                "reason-list-duplicate",
                [("line", first.into())],
            ))?;
            continue;
        }
        let name = path.rsplit('/').next().unwrap_or_default().to_owned();
        let listed = Entry {
            path,
            name,
            kind: EntryKind::Asset,
            metadata: None,
        };
        let (ctx2, counts2) = (ctx.clone(), counts.clone());
        spawn_bounded(&mut tasks, ctx.settings.max_tasks, async move {
            preview_asset(&ctx2, &counts2, i, listed, &ctx2.spec.edits, HoldBack::No)
                .await
                .map(drop)
        })
        .await?;
        ctx.progress(on_progress, false);
    }
    ctx.listing_done.store(true, Ordering::Relaxed);
    drain(&mut tasks).await?;
    let counts = *lock(&counts);
    Ok(counts)
}
