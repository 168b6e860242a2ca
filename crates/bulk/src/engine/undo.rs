//! Planning an undo: what the run wrote comes back only where nobody changed it since, each
//! asset's current values from the original run's rows checked in groups (`from_rows.rs`).
//!
//! Not here: writing the undo (the apply's, as for any run), which assets a run may have
//! changed (`Replay::originals`), reading the rows back and checking them (`from_rows.rs`).

use super::context::{Ctx, Failure, lock, record_row, same, skip_row, values_of};
use super::tasks::{drain, spawn_bounded};
use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};

use serde_json::{Map, Value};
use tokio::task::JoinSet;

use super::checks::{Values, values_and_publication};
use super::from_rows::row_groups;
use crate::journal::{Action, PlanRow, PreviewCounts, PropertyChange};
use crate::progress::ProgressFn;
use crate::reasons;
use crate::replay::Replay;
use crate::spec::RunKind;
use metadesk_assets::{AssetRef, CallError, Current};

use metadesk_clients::error::Result;

/// Plans an undo from the original run's rows: for each asset it changed or may have changed
/// ([`Replay::originals`]), its current values (from a batched check where the API has one,
/// else read); restore where they are still what the run wrote.
pub(super) async fn preview_undo_rows(
    ctx: &Arc<Ctx>,
    original_path: &Path,
    original: Replay,
    on_progress: ProgressFn<'_>,
) -> Result<PreviewCounts> {
    let originals = Arc::new(original.originals);
    let counts = Arc::new(Mutex::new(PreviewCounts::default()));
    ctx.tally
        .total
        .store(originals.len() as u64, Ordering::Relaxed);
    ctx.listing_done.store(true, Ordering::Relaxed);
    let mut tasks: JoinSet<Result<()>> = JoinSet::new();
    let mut next_i = 0u64;
    for group in row_groups(original_path, |row| originals.contains_key(&row.i))? {
        if ctx.control.is_cancelled() {
            break;
        }
        plan_group(
            ctx,
            &counts,
            &originals,
            &mut tasks,
            &mut next_i,
            group?,
            on_progress,
        )
        .await?;
    }
    drain(&mut tasks).await?;
    let counts = *lock(&counts);
    Ok(counts)
}

/// Asks the current values of `rows` together, then plans each row in a task of its own.
async fn plan_group(
    ctx: &Arc<Ctx>,
    counts: &Arc<Mutex<PreviewCounts>>,
    originals: &Arc<HashMap<u64, Box<str>>>,
    tasks: &mut JoinSet<Result<()>>,
    next_i: &mut u64,
    rows: Vec<PlanRow>,
    on_progress: ProgressFn<'_>,
) -> Result<()> {
    let mut checked = current_of(ctx, &rows).await;
    for row in rows {
        if ctx.control.is_cancelled() {
            break;
        }
        let i = *next_i;
        *next_i += 1;
        let known = match checked.take(&row.path) {
            Some(values) => Known::Checked(values),
            None if checked.missed(&row.path) => Known::NotIndexed,
            None => Known::Unchecked,
        };
        let (ctx2, counts2, originals2) = (ctx.clone(), counts.clone(), originals.clone());
        let task = async move { undo_asset(&ctx2, &counts2, &originals2, i, row, known).await };
        spawn_bounded(tasks, ctx.settings.max_tasks, task).await?;
        ctx.progress(on_progress, false);
    }
    Ok(())
}

/// The current values of the properties `rows` changed, and where each asset stands on the
/// website ([`values_and_publication`]).
async fn current_of(ctx: &Arc<Ctx>, rows: &[PlanRow]) -> Values {
    let mut properties: Vec<String> = rows
        .iter()
        .flat_map(|row| row.changes.iter().map(|c| c.property.clone()))
        .collect();
    properties.sort();
    properties.dedup();
    let paths: Vec<String> = rows.iter().map(|row| row.path.clone()).collect();
    values_and_publication(ctx, &paths, properties).await
}

/// What the batched checks said of one asset.
enum Known {
    /// Its current values of the run's properties.
    Checked(Map<String, Value>),
    /// A check that answered left it out: AEM's search index does not hold it (yet).
    NotIndexed,
    /// Its check failed, or the API has none.
    Unchecked,
}

/// Plans the undo of one asset from its current values: those a batched check gave, or a read
/// of its own.
async fn undo_asset(
    ctx: &Arc<Ctx>,
    counts: &Mutex<PreviewCounts>,
    originals: &HashMap<u64, Box<str>>,
    i: u64,
    row: PlanRow,
    known: Known,
) -> Result<()> {
    let of = match &ctx.spec.kind {
        RunKind::Undo { of } => of.clone(),
        RunKind::Edit
        | RunKind::Retry { .. }
        | RunKind::Sheet { .. }
        | RunKind::Publish { .. }
        | RunKind::TagImport { .. }
        | RunKind::Upload { .. } => String::new(),
    };
    let original: Map<String, Value> = originals
        .get(&row.i)
        .and_then(|text| serde_json::from_str(text).ok())
        .unwrap_or_default();
    let asset = AssetRef {
        path: row.path.clone(),
        id: row.id.clone(),
    };
    let not_indexed = matches!(known, Known::NotIndexed);
    let read = match known {
        Known::Checked(metadata) => Ok(Current {
            metadata,
            etag: None,
        }),
        Known::NotIndexed | Known::Unchecked => ctx.call(|| ctx.aem.read(&asset)).await,
    };
    let current = match read {
        Ok(c) => {
            if not_indexed {
                ctx.unindexed.fetch_add(1, Ordering::Relaxed);
            }
            c
        }
        Err(Failure::Cancelled | Failure::Call(CallError::Auth(_), _)) => return Ok(()),
        Err(Failure::Call(CallError::Unreachable(e), _)) => {
            ctx.stop(e);
            return Ok(());
        }
        Err(Failure::Call(e, n)) => {
            let reason = reasons::not_read(&e, ctx.spec.account.as_deref(), n);
            record_row(ctx, counts, skip_row(i, &row.path, reason))?;
            return Ok(());
        }
    };
    let mut changes = Vec::new();
    let mut conflict = None;
    for change in row
        .changes
        .iter()
        .filter(|c| !same(c.before.as_ref(), c.after.as_ref()))
    {
        let now = values_of(&current.metadata, &change.property);
        let target = values_of(&original, &change.property).cloned();
        if !same(now, change.after.as_ref()) && !same(now, target.as_ref()) {
            conflict.get_or_insert_with(|| reasons::changed_since_run(&of, &change.property, now));
        }
        changes.push(PropertyChange {
            property: change.property.clone(),
            before: now.cloned(),
            after: target,
        });
    }
    let changing = changes
        .iter()
        .any(|c| !same(c.before.as_ref(), c.after.as_ref()));
    let action = match (&conflict, changing) {
        (Some(_), _) => Action::Skip,
        (None, true) => Action::Change,
        (None, false) => Action::Unchanged,
    };
    let publication = lock(&ctx.on_website).remove(&row.path);
    let fragment = ctx.aem.fragment_name(&row.path, &current.metadata);
    let plan = PlanRow {
        i,
        path: row.path,
        id: row.id,
        etag: current.etag,
        action,
        reason: conflict,
        changes,
        publication,
        fragment,
    };
    record_row(ctx, counts, plan)
}
