//! Planning a run whose assets come from AEM's search rather than from folder listings: a
//! search scope (QueryBuilder, or the OpenAPI search of an OAuth Server-to-Server connection)
//! and a list scope (resolved first, in batches), and a folder that only the OpenAPI search can
//! find (an OAuth S2S connection with no classic connection paired to list it).
//!
//! A search answers from AEM's index, which lags behind the repository: such a scope is what
//! the index held when it was asked (`Ctx::searching_now` keeps that time for the report). The
//! values in the hits, though, are read from the repository: on the classic API a selective
//! hit stands in for a read (a property the hit does not carry is not set). The OpenAPI family
//! still reads each asset (its writes need the asset id and ETag of that read).
//!
//! Not here: the walk of a folder or a QueryBuilder search (`listed.rs`, with the one lister of
//! `scope_walk.rs`), the query words (`bulk::selection`).

use std::collections::HashMap;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};

use tokio::task::JoinSet;

use super::context::{Ctx, Failure, lock, record_row, skip_row};
use super::gated::Gated;
use super::planning::{plan_from_current, preview_asset_with_id};
use super::tasks::{drain, spawn_bounded};
use crate::found_by::FoundBy;
use crate::journal::PreviewCounts;
use crate::open_query::{self, cut_short, in_folder, outside, query_items};
use crate::open_walk::{OpenList, OpenStep, OpenWalk, resolve_listed_open};
use crate::progress::ProgressFn;
use crate::scope::{ScopeSource, hit_properties};
use crate::scope_walk::resolve_listed;
use crate::searching::{ResolvedList, confirm_unfound, edited_properties};
use metadesk_assets::open_search::unavailable;
use metadesk_assets::search::search_failed;
use metadesk_assets::{Current, Entry, EntryKind};
use metadesk_clients::error::Result;
use metadesk_credentials::credentials::ApiFamily;

/// Plans a list: resolves every entry first (so the plan is the list as it was then), journals
/// a skipped row for each entry that names no editable asset, then plans the assets.
pub(super) async fn preview_list(
    ctx: &Arc<Ctx>,
    entries: &[String],
    on_progress: ProgressFn<'_>,
) -> Result<PreviewCounts> {
    if ctx.aem.family() == ApiFamily::OpenApi {
        let (paired, connection) = (ctx.aem.can_search(), ctx.spec.connection.as_str());
        match resolve_listed_open(&Gated(ctx), entries, paired, connection).await? {
            OpenList::Resolved(resolved, ids) => {
                ctx.found_by(FoundBy::OpenapiSearch);
                return plan_list(ctx, resolved, ids, on_progress).await;
            }
            OpenList::Cancelled => return Ok(PreviewCounts::default()),
            OpenList::UseClassic => {}
        }
    }
    ctx.found_by(FoundBy::query_builder());
    let hits = hit_properties(edited_properties(&ctx.spec.edits));
    let resolved = resolve_listed(&Gated(ctx), entries, &hits)
        .await
        .map_err(search_failed)?;
    match resolved {
        Some(resolved) => plan_list(ctx, resolved, HashMap::new(), on_progress).await,
        None => Ok(PreviewCounts::default()),
    }
}

/// Plans a resolved list: a skipped row for each entry that names no editable asset, then the
/// assets (`ids`: the asset ids the search gave, by path).
async fn plan_list(
    ctx: &Arc<Ctx>,
    mut resolved: ResolvedList,
    ids: HashMap<String, String>,
    on_progress: ProgressFn<'_>,
) -> Result<PreviewCounts> {
    confirm_list(ctx, &mut resolved).await;
    let counts = Arc::new(Mutex::new(PreviewCounts::default()));
    let mut next_i = 0u64;
    for problem in &resolved.problems {
        let reason = crate::reasons::list_line(problem.line, problem.reason.clone());
        ctx.tally.total.fetch_add(1, Ordering::Relaxed);
        record_row(ctx, &counts, skip_row(next_i, &problem.entry, reason))?;
        next_i += 1;
    }
    let mut tasks: JoinSet<Result<()>> = JoinSet::new();
    for entry in resolved.assets {
        if ctx.control.is_cancelled() {
            break;
        }
        let id = ids.get(&entry.path).cloned();
        plan_entry(ctx, &counts, &mut tasks, &mut next_i, entry, id).await?;
        ctx.progress(on_progress, false);
    }
    ctx.listing_done.store(true, Ordering::Relaxed);
    drain(&mut tasks).await?;
    let counts = *lock(&counts);
    Ok(counts)
}

/// Reads on its own each path of a resolved list the search did not find (it may be one AEM's
/// index does not hold yet), and counts those the repository holds.
pub(super) async fn confirm_list(ctx: &Ctx, resolved: &mut ResolvedList) {
    confirm_unfound(resolved, |path| async move {
        match ctx.call(|| ctx.aem.node_json(&path, "1")).await {
            Ok(node) => Ok(node),
            Err(Failure::Call(e, _)) => Err(e),
            Err(Failure::Cancelled) => {
                Err(metadesk_assets::CallError::Transient("cancelled".into()))
            }
        }
    })
    .await;
    ctx.unindexed
        .fetch_add(resolved.unindexed, Ordering::Relaxed);
}

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
                        &ctx2, &counts2, i, entry.path, None, current, format, edits, None,
                    )
                } else {
                    let entry = Entry {
                        metadata: None,
                        ..entry
                    };
                    let edits = &ctx2.spec.edits;
                    preview_asset_with_id(&ctx2, &counts2, i, entry, id, edits, None)
                        .await
                        .map(drop)
                }
            })
            .await?;
        }
    }
    Ok(())
}

/// Plans a search scope through AEM's OpenAPI search, every cursor followed. `Ok(None)` when
/// the paired connection should search instead (a condition the OpenAPI search cannot express,
/// or an AEM that does not offer it); without a paired connection those are errors in words.
pub(super) async fn preview_open_search(
    ctx: &Arc<Ctx>,
    on_progress: ProgressFn<'_>,
) -> Result<Option<PreviewCounts>> {
    let spec = &ctx.spec;
    // A folder scope is a search with no condition under the folder (an OAuth S2S connection
    // with no classic connection to list it); the name and format filters are applied to each
    // hit as to a listing's entries (`plan_entry`, then `plan_from_current` after the read).
    let (conditions, combine) = match &spec.scope.filters().selection {
        Some(ScopeSource::Search {
            conditions,
            combine,
        }) => (conditions.as_slice(), *combine),
        None => (&[][..], crate::scope::Combine::All),
        Some(ScopeSource::List { .. }) => return Ok(None),
    };
    let paired = ctx.aem.can_search();
    let items = match query_items(
        spec.scope.folder(),
        spec.scope.filters().recursive,
        conditions,
        combine,
    ) {
        Ok(items) => items,
        Err(why) if paired => {
            tracing::info!(condition = %why.condition, "the OpenAPI search cannot express a condition: QueryBuilder through the paired connection");
            return Ok(None);
        }
        Err(why) => return Err(why.refusal(&spec.connection)),
    };
    let counts = Arc::new(Mutex::new(PreviewCounts::default()));
    let mut tasks: JoinSet<Result<()>> = JoinSet::new();
    // Paging while assets change: `OpenSearchWalk` asks in path order, follows AEM's cursors,
    // hands out each asset once (a hit given again after the cursor shifted is dropped) and
    // goes through the pages again when AEM's exact total moved or came out short (a hit that
    // stopped matching before the cursor made it step over one): see its comment. The same
    // walk serves a folder scope, whose hits change only when assets are added or removed.
    let mut walk = OpenWalk::new(items, ctx.settings.search_page_size);
    let mut next_i = 0u64;
    ctx.searching_now();
    loop {
        let failure = match walk.next(&Gated(ctx)).await {
            Ok(OpenStep::Hits(hits)) => {
                for hit in hits {
                    if !in_folder(
                        &hit.path,
                        spec.scope.folder(),
                        spec.scope.filters().recursive,
                    ) {
                        drain(&mut tasks).await?;
                        return Err(outside(&hit.path, spec.scope.folder()));
                    }
                    let entry = hit.entry();
                    plan_entry(ctx, &counts, &mut tasks, &mut next_i, entry, hit.id).await?;
                }
                ctx.progress(on_progress, false);
                continue;
            }
            Ok(OpenStep::Done | OpenStep::Cancelled) => break,
            Err(e) if !walk.answered() && paired && unavailable(&e) => {
                tracing::info!(error = %e, "AEM does not offer the OpenAPI search: QueryBuilder through the paired connection");
                return Ok(None);
            }
            // A folder scope with no classic connection to list it: nothing else can find
            // its assets.
            Err(e)
                if !walk.answered()
                    && unavailable(&e)
                    && spec.scope.filters().selection.is_none() =>
            {
                open_query::needs_paired(&spec.connection, spec.connection_id.is_some())
            }
            Err(e) if !walk.answered() => open_query::failed(e, &spec.connection),
            // The scope past this page is unknown: the preview fails rather than pass a part
            // of the assets for all of them.
            Err(e) => cut_short(walk.read(), e),
        };
        drain(&mut tasks).await?;
        return Err(failure);
    }
    ctx.listing_done.store(true, Ordering::Relaxed);
    drain(&mut tasks).await?;
    let counts = *lock(&counts);
    Ok(Some(counts))
}
