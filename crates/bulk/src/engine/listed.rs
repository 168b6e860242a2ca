//! Planning a folder scope (flat or with its subfolders): *which* assets come from the folder
//! listings, which read the repository (paged to their stated totals: `FolderWalk`), and their
//! *values* from batched checks where the API has them (one QueryBuilder request of exact paths
//! for dozens of assets: `checks.rs`), else from a read per asset.
//!
//! AEM's search index lags behind the repository (seconds, minutes during an ingest, which is
//! when people edit what they just uploaded): a search may say values, never which assets a
//! folder holds. So a listed asset that a check does not return is read on its own, never
//! dropped nor taken as gone, and counted (`Ctx::unindexed`) so the preview says so.
//!
//! Not here: planning one asset from its values (`planning.rs`), search and list scopes
//! (`searched.rs`).

use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};

use tokio::task::JoinSet;

use super::checks::{GROUP, current_values, planned_properties, publication_now};
use super::context::{Ctx, Failure, lock, record_row, skip_row};
use super::planning::{plan_from_current, preview_asset};
use super::tasks::{drain, spawn_bounded};
use crate::journal::PreviewCounts;
use crate::progress::ProgressFn;
use crate::reasons;
use metadesk_assets::folders::{FolderWalk, Listed, WalkStep};
use metadesk_assets::{Current, Entry, EntryKind};
use metadesk_clients::error::Result;
use metadesk_credentials::credentials::ApiFamily;

/// Lists the folder (and subfolders when recursive), page by page, handing each asset in
/// scope to a task; only the folder stack, one group of listed assets and the tasks in flight
/// are in memory. Where the API checks in batches, the listed assets' values are asked
/// [`GROUP`] at a time; elsewhere (the OpenAPI family, whose writes need each asset's ETag)
/// each asset is read.
pub(super) async fn preview_listing(
    ctx: &Arc<Ctx>,
    on_progress: ProgressFn<'_>,
) -> Result<PreviewCounts> {
    let counts = Arc::new(Mutex::new(PreviewCounts::default()));
    let mut tasks: JoinSet<Result<()>> = JoinSet::new();
    let mut walk = FolderWalk::new(
        &ctx.spec.folder,
        ctx.spec.filters.recursive,
        ctx.settings.page_size,
        ctx.aem.family(),
        ctx.spec.account.as_deref(),
    )?;
    let checked = values_by_check(ctx);
    let mut group: Vec<(u64, Entry)> = Vec::new();
    let mut next_i = 0u64;
    loop {
        let step = walk
            .next(|folder, offset, limit| list_page(ctx, folder, offset, limit))
            .await?;
        let entries = match step {
            WalkStep::Page(entries) => entries,
            WalkStep::Done | WalkStep::Cancelled => break,
            WalkStep::Unlisted {
                folder,
                error,
                attempts,
            } => {
                let reason =
                    reasons::folder_not_listed(&error, ctx.spec.account.as_deref(), attempts);
                // Its assets are not in the run: say so in the plan (a skipped row for the
                // folder), so the preview, the counts and the report show it.
                let row = skip_row(next_i, &folder, reason);
                next_i += 1;
                ctx.tally.total.fetch_add(1, Ordering::Relaxed);
                record_row(ctx, &counts, row)?;
                continue;
            }
        };
        for entry in entries {
            match entry.kind {
                EntryKind::Folder => lock(&counts).folders += 1,
                _ if !ctx.spec.filters.name_matches(&entry.name) => lock(&counts).filtered_out += 1,
                // Planned with the group it was listed in, so the plan keeps the listing's
                // order (the preview shows its rows as they were journaled).
                EntryKind::ContentFragment if checked => {
                    group.push((next_i, entry));
                    next_i += 1;
                    ctx.tally.total.fetch_add(1, Ordering::Relaxed);
                }
                EntryKind::ContentFragment => {
                    let row = skip_row(next_i, &entry.path, reasons::content_fragment());
                    next_i += 1;
                    ctx.tally.total.fetch_add(1, Ordering::Relaxed);
                    record_row(ctx, &counts, row)?;
                }
                EntryKind::Asset => {
                    let i = next_i;
                    next_i += 1;
                    ctx.tally.total.fetch_add(1, Ordering::Relaxed);
                    if checked {
                        group.push((i, entry));
                        continue;
                    }
                    let (ctx2, counts2) = (ctx.clone(), counts.clone());
                    spawn_bounded(&mut tasks, ctx.settings.max_tasks, async move {
                        preview_asset(&ctx2, &counts2, i, entry, &ctx2.spec.edits, None)
                            .await
                            .map(drop)
                    })
                    .await?;
                }
            }
        }
        if group.len() >= GROUP {
            plan_group(ctx, &counts, &mut tasks, std::mem::take(&mut group)).await?;
        }
        ctx.progress(on_progress, false);
    }
    if !ctx.control.is_cancelled() {
        plan_group(ctx, &counts, &mut tasks, group).await?;
    }
    ctx.listing_done.store(true, Ordering::Relaxed);
    drain(&mut tasks).await?;
    let counts = *lock(&counts);
    Ok(counts)
}

/// One page of a folder's listing for a walk, through the gate.
pub(super) async fn list_page(ctx: &Ctx, folder: String, offset: u64, limit: u64) -> Listed {
    match ctx.call(|| ctx.aem.list(&folder, offset, limit)).await {
        Ok(page) => Listed::Page(page),
        Err(Failure::Cancelled) => Listed::Cancelled,
        Err(Failure::Call(error, attempts)) => Listed::Failed { error, attempts },
    }
}

/// Whether listed assets' values are asked in batched checks: the API checks in batches (the
/// classic one) and the engine is set to. The OpenAPI family reads each asset: its writes need
/// the ETag of that read.
fn values_by_check(ctx: &Ctx) -> bool {
    ctx.settings.check_folders && ctx.aem.family() == ApiFamily::Classic && ctx.aem.batches()
}

/// Asks the values of a group of listed assets in batched checks, then plans each in the
/// listing's order: a content fragment is skipped; an asset from the values a check returned,
/// or, when no check returned it, from a read of its own (counted when a check that answered
/// left it out: the index did not hold it yet).
async fn plan_group(
    ctx: &Arc<Ctx>,
    counts: &Arc<Mutex<PreviewCounts>>,
    tasks: &mut JoinSet<Result<()>>,
    group: Vec<(u64, Entry)>,
) -> Result<()> {
    if group.is_empty() {
        return Ok(());
    }
    let paths: Vec<String> = group
        .iter()
        .filter(|(_, e)| e.kind == EntryKind::Asset)
        .map(|(_, e)| e.path.clone())
        .collect();
    let mut values = current_values(ctx, &paths, planned_properties(ctx)).await;
    publication_now(ctx, &paths).await;
    for (i, entry) in group {
        if ctx.control.is_cancelled() {
            break;
        }
        let (ctx2, counts2) = (ctx.clone(), counts.clone());
        if entry.kind == EntryKind::ContentFragment {
            // A task like the assets' before it, so its row follows theirs in the journal.
            spawn_bounded(tasks, ctx.settings.max_tasks, async move {
                let row = skip_row(i, &entry.path, reasons::content_fragment());
                record_row(&ctx2, &counts2, row)?;
                Ok(())
            })
            .await?;
            continue;
        }
        match values.take(&entry.path) {
            Some(metadata) => {
                let format = entry.listed_format().map(str::to_owned);
                let current = Current {
                    metadata,
                    etag: None,
                };
                let path = entry.path;
                spawn_bounded(tasks, ctx.settings.max_tasks, async move {
                    let edits = &ctx2.spec.edits;
                    plan_from_current(&ctx2, &counts2, i, path, None, current, format, edits, None)
                })
                .await?;
            }
            None => {
                let missed = values.missed(&entry.path);
                // Read whole: a listing entry shows a subset of the metadata.
                let entry = Entry {
                    metadata: None,
                    ..entry
                };
                spawn_bounded(tasks, ctx.settings.max_tasks, async move {
                    let read = preview_asset(&ctx2, &counts2, i, entry, &ctx2.spec.edits, None);
                    if read.await? && missed {
                        ctx2.unindexed.fetch_add(1, Ordering::Relaxed);
                    }
                    Ok(())
                })
                .await?;
            }
        }
    }
    Ok(())
}
