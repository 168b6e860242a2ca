//! Planning a run whose assets come from AEM's search rather than from folder listings: a
//! search scope, a list scope (resolved first, in batches), and a folder scope whose edited
//! properties the folder listing does not show (fewer reads: the values come in the search
//! hits, hundreds of assets a request, instead of one GET per asset).
//!
//! Values from a selective hit are the values on the asset's metadata node, and a property
//! the hit does not carry is not set (unlike a folder listing, which shows a subset): so on the
//! classic API a hit stands in for a read. The OpenAPI family still reads each asset (its
//! writes need the asset id and ETag of that read).
//!
//! Not here: the folder walk (`planning.rs`), the query words (`bulk::selection`).

use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};

use tokio::task::JoinSet;

use super::context::{Ctx, Failure, drain, lock, spawn_bounded};
use super::planning::{plan_from_current, preview_asset, record_row, skip_row};
use crate::assets::search::{SearchPage, SearchStep, SearchWalk, entry_of_hit, search_failed};
use crate::assets::{Current, Entry, EntryKind};
use crate::bulk::journal::{Outcome, PreviewCounts};
use crate::bulk::progress::ProgressFn;
use crate::bulk::searching::{edited_properties, resolve_list};
use crate::bulk::selection::{Selection, folder_predicates, hit_properties, search_predicates};
use crate::credentials::ApiFamily;
use crate::error::Result;

/// Whether a folder scope's preview should take its values from search hits: the store can
/// search and some edited property is one its folder listing does not show.
pub(super) fn folder_by_search(ctx: &Ctx) -> bool {
    ctx.spec.filters.selection.is_none()
        && ctx.settings.search_folders
        && ctx.store.family() == ApiFamily::Classic
        && ctx.store.can_search()
        && ctx
            .spec
            .edits
            .iter()
            .any(|e| !ctx.store.listing_carries(&e.property))
}

/// Plans from the pages of a search. For a folder scope (`fallback`), a first request that
/// fails returns `Ok(None)` before anything is journaled, and the folder is walked instead.
pub(super) async fn preview_search(
    ctx: &Arc<Ctx>,
    fallback: bool,
    on_progress: ProgressFn<'_>,
) -> Result<Option<PreviewCounts>> {
    let spec = &ctx.spec;
    let mut predicates = match &spec.filters.selection {
        Some(Selection::Search {
            conditions,
            combine,
        }) => search_predicates(&spec.folder, spec.filters.recursive, conditions, *combine),
        _ => folder_predicates(&spec.folder, spec.filters.recursive),
    };
    predicates.extend(hit_properties(edited_properties(&spec.edits)));
    let counts = Arc::new(Mutex::new(PreviewCounts::default()));
    let mut tasks: JoinSet<Result<()>> = JoinSet::new();
    let mut walk = SearchWalk::new(predicates, ctx.settings.search_page_size);
    let mut next_i = 0u64;
    let mut first = true;
    while !walk.is_done() {
        let params = walk.request();
        let page = match ctx.call(|| ctx.store.search(&params)).await {
            Ok(page) => page,
            Err(Failure::Cancelled) => break,
            Err(Failure::Call(error, _)) if first && fallback => {
                tracing::info!(%error, "search unavailable: the folder is walked instead");
                return Ok(None);
            }
            // The whole scope is unknown past this page: the preview fails rather than pass a
            // partial read for the whole.
            Err(Failure::Call(error, _)) => {
                drain(&mut tasks).await?;
                return Err(search_failed(error));
            }
        };
        first = false;
        let SearchStep::Hits(hits) = walk.take(page) else {
            continue;
        };
        for entry in hits.iter().filter_map(entry_of_hit) {
            plan_entry(ctx, &counts, &mut tasks, &mut next_i, entry).await?;
        }
        ctx.progress(on_progress, false);
    }
    ctx.listing_done.store(true, Ordering::Relaxed);
    drain(&mut tasks).await?;
    let counts = *lock(&counts);
    Ok(Some(counts))
}

/// Plans a list: resolves every entry first (so the plan is the list as it was then), journals
/// a skipped row for each entry that names no editable asset, then plans the assets.
pub(super) async fn preview_list(
    ctx: &Arc<Ctx>,
    entries: &[String],
    on_progress: ProgressFn<'_>,
) -> Result<PreviewCounts> {
    let hits = hit_properties(edited_properties(&ctx.spec.edits));
    let cancelled = std::sync::atomic::AtomicBool::new(false);
    let resolved = resolve_list(entries, &hits, |params| {
        let cancelled = &cancelled;
        async move {
            match ctx.call(|| ctx.store.search(&params)).await {
                Ok(page) => Ok(page),
                Err(Failure::Cancelled) => {
                    cancelled.store(true, Ordering::Relaxed);
                    Ok(SearchPage {
                        hits: Vec::new(),
                        total: 0,
                        more: false,
                    })
                }
                Err(Failure::Call(error, _)) => Err(error),
            }
        }
    })
    .await
    .map_err(search_failed)?;
    let counts = Arc::new(Mutex::new(PreviewCounts::default()));
    if cancelled.load(Ordering::Relaxed) {
        return Ok(*lock(&counts));
    }
    let mut next_i = 0u64;
    for problem in &resolved.problems {
        let reason = crate::bulk::reasons::list_line(problem.line, problem.reason.clone());
        ctx.tally.total.fetch_add(1, Ordering::Relaxed);
        record_row(ctx, &counts, skip_row(next_i, &problem.entry, reason))?;
        ctx.count(Outcome::Skipped);
        next_i += 1;
    }
    let mut tasks: JoinSet<Result<()>> = JoinSet::new();
    for entry in resolved.assets {
        if ctx.control.is_cancelled() {
            break;
        }
        plan_entry(ctx, &counts, &mut tasks, &mut next_i, entry).await?;
        ctx.progress(on_progress, false);
    }
    ctx.listing_done.store(true, Ordering::Relaxed);
    drain(&mut tasks).await?;
    let counts = *lock(&counts);
    Ok(counts)
}

/// One hit of a search or a list: filtered as a listing entry would be, then planned from the
/// hit's values (classic) or read (OpenAPI).
async fn plan_entry(
    ctx: &Arc<Ctx>,
    counts: &Arc<Mutex<PreviewCounts>>,
    tasks: &mut JoinSet<Result<()>>,
    next_i: &mut u64,
    entry: Entry,
) -> Result<()> {
    match entry.kind {
        EntryKind::Folder => {}
        _ if !ctx.spec.filters.name_matches(&entry.name) => lock(counts).filtered_out += 1,
        EntryKind::ContentFragment => {
            let row = skip_row(
                *next_i,
                &entry.path,
                crate::bulk::reasons::content_fragment(),
            );
            *next_i += 1;
            ctx.tally.total.fetch_add(1, Ordering::Relaxed);
            record_row(ctx, counts, row)?;
            ctx.count(Outcome::Skipped);
        }
        EntryKind::Asset => {
            let i = *next_i;
            *next_i += 1;
            ctx.tally.total.fetch_add(1, Ordering::Relaxed);
            let (ctx2, counts2) = (ctx.clone(), counts.clone());
            spawn_bounded(tasks, ctx.settings.max_tasks, async move {
                if ctx2.store.family() == ApiFamily::Classic {
                    let current = Current {
                        metadata: entry.metadata.clone().unwrap_or_default(),
                        etag: None,
                    };
                    let format = entry.listed_format().map(str::to_owned);
                    let edits = &ctx2.spec.edits;
                    plan_from_current(
                        &ctx2, &counts2, i, entry.path, None, current, format, edits, None,
                    )
                } else {
                    let entry = Entry {
                        metadata: None,
                        ..entry
                    };
                    preview_asset(&ctx2, &counts2, i, entry, &ctx2.spec.edits, None).await
                }
            })
            .await?;
        }
    }
    Ok(())
}
