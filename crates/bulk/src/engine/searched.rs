//! Planning a hit of a search (QueryBuilder, or the OpenAPI search of an OAuth Server-to-Server
//! connection) or an asset of a list, as the one source gives them (`source.rs`).
//!
//! A search answers from AEM's index, which lags behind the repository: such a scope is what
//! the index held when it was asked (`Ctx::searching_now` keeps that time for the report). The
//! values in the hits, though, are read from the repository: on the classic API a selective
//! hit stands in for a read (a property the hit does not carry is not set). The OpenAPI family
//! still reads each asset (its writes need the asset id and ETag of that read).
//!
//! Not here: the loop over the source's steps (`listed.rs`), the query words (`bulk::selection`).

use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};

use tokio::task::JoinSet;

use super::context::{Ctx, lock, record_row, skip_row};
use super::planning::{HoldBack, plan_from_current, preview_asset_with_id};
use super::tasks::spawn_bounded;
use crate::journal::PreviewCounts;
use metadesk_assets::{Current, Entry, EntryKind};
use metadesk_clients::error::Result;
use metadesk_credentials::credentials::ApiFamily;

/// The entry as the run plans it: a content fragment is an asset to a run that rewrites its
/// tags (`RunSpec::edits_fragment_tags`), and skipped as a fragment by any other.
pub(super) fn as_planned(ctx: &Ctx, mut entry: Entry) -> Entry {
    if entry.kind == EntryKind::ContentFragment && ctx.spec.edits_fragment_tags() {
        entry.kind = EntryKind::Asset;
    }
    entry
}

/// One hit of a search or a list: filtered as a listing entry would be, then planned from the
/// hit's values (classic) or read (OpenAPI).
pub(super) async fn plan_entry(
    ctx: &Arc<Ctx>,
    counts: &Arc<Mutex<PreviewCounts>>,
    tasks: &mut JoinSet<Result<()>>,
    next_i: &mut u64,
    entry: Entry,
    id: Option<String>,
) -> Result<()> {
    let entry = as_planned(ctx, entry);
    match entry.kind {
        EntryKind::Folder => {}
        _ if !ctx.spec.scope.filters().name_matches(&entry.name) => lock(counts).filtered_out += 1,
        EntryKind::ContentFragment => {
            let row = skip_row(*next_i, &entry.path, crate::reasons::content_fragment());
            *next_i += 1;
            ctx.tally.total.fetch_add(1, Ordering::Relaxed);
            record_row(ctx, counts, row)?;
        }
        EntryKind::Asset => {
            let i = *next_i;
            *next_i += 1;
            ctx.tally.total.fetch_add(1, Ordering::Relaxed);
            let (ctx2, counts2) = (ctx.clone(), counts.clone());
            spawn_bounded(tasks, ctx.settings.max_tasks, async move {
                // A hit's values stand in for a read on the classic API; an entry no hit gave
                // (a list's path the index did not hold yet) is read.
                if ctx2.aem.family() == ApiFamily::Classic
                    && let Some(metadata) = entry.metadata.clone()
                {
                    let current = Current {
                        metadata,
                        etag: None,
                    };
                    let format = entry.listed_format().map(str::to_owned);
                    let edits = &ctx2.spec.edits;
                    plan_from_current(
                        &ctx2,
                        &counts2,
                        i,
                        entry.path,
                        None,
                        current,
                        format,
                        edits,
                        HoldBack::No,
                    )
                } else {
                    let entry = Entry {
                        metadata: None,
                        ..entry
                    };
                    let edits = &ctx2.spec.edits;
                    preview_asset_with_id(&ctx2, &counts2, i, entry, id, edits, HoldBack::No)
                        .await
                        .map(drop)
                }
            })
            .await?;
        }
    }
    Ok(())
}
