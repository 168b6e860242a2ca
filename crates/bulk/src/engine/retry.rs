//! Planning a retry: the assets that failed in a run, in the run's order, planned again from
//! their values now (the edits computed afresh, as in any preview), those values asked in
//! batched checks instead of a read per asset.
//!
//! Which runs may be retried and the retry's spec (`Engine::preview_retry`) live here too.
//!
//! Not here: reading the rows back and checking them (`from_rows.rs`), planning one asset
//! (`planning.rs`).

use std::collections::HashSet;
use std::path::Path;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};

use tokio::task::JoinSet;

use super::checks::{current_values, planned_properties};
use super::context::{Ctx, lock};
use super::from_rows::row_groups;
use super::planning::{HoldBack, plan_from_current, preview_asset};
use super::tasks::{drain, spawn_bounded};
use crate::journal::{Outcome, PreviewCounts};
use crate::progress::ProgressFn;
use crate::run_control::RunControl;
use crate::runs::RunSummary;
use crate::spec::{RunKind, RunSpec};
use metadesk_assets::{Current, Entry, EntryKind};
use metadesk_clients::error::{Error, ErrorCode, Result};

/// Plans the rows of `failed` (row numbers of the run at `original_path`): each asset from a
/// batched check of the properties its edits change or read where the API has one, else (or
/// when the check did not find it) read on its own; an asset gone or unreadable is skipped
/// with its reason.
pub(super) async fn preview_retry_rows(
    ctx: &Arc<Ctx>,
    original_path: &Path,
    failed: &HashSet<u64>,
    on_progress: ProgressFn<'_>,
) -> Result<PreviewCounts> {
    let counts = Arc::new(Mutex::new(PreviewCounts::default()));
    ctx.tally
        .total
        .store(failed.len() as u64, Ordering::Relaxed);
    ctx.listing_done.store(true, Ordering::Relaxed);
    let properties = planned_properties(ctx);
    let mut tasks: JoinSet<Result<()>> = JoinSet::new();
    let mut next_i = 0u64;
    for group in row_groups(original_path, |row| failed.contains(&row.i))? {
        if ctx.control.is_cancelled() {
            break;
        }
        let group = group?;
        let paths: Vec<String> = group.into_iter().map(|row| row.path).collect();
        let mut checked = current_values(ctx, &paths, properties.clone()).await;
        for path in paths {
            if ctx.control.is_cancelled() {
                break;
            }
            let i = next_i;
            next_i += 1;
            let known = checked.take(&path);
            let missed = checked.missed(&path);
            let (ctx2, counts2) = (ctx.clone(), counts.clone());
            let task = async move {
                let edits = &ctx2.spec.edits;
                match known {
                    Some(metadata) => {
                        let current = Current {
                            metadata,
                            etag: None,
                        };
                        plan_from_current(
                            &ctx2,
                            &counts2,
                            i,
                            path,
                            None,
                            current,
                            None,
                            edits,
                            HoldBack::No,
                        )
                    }
                    None => {
                        let entry = Entry {
                            name: path.rsplit('/').next().unwrap_or_default().to_owned(),
                            path,
                            kind: EntryKind::Asset,
                            // No listing: the asset is read, so the plan starts from its values now.
                            metadata: None,
                        };
                        // Not in AEM's index yet (or its check failed): read on its own.
                        let read =
                            preview_asset(&ctx2, &counts2, i, entry, edits, HoldBack::No).await?;
                        if read && missed {
                            ctx2.unindexed.fetch_add(1, Ordering::Relaxed);
                        }
                        Ok(())
                    }
                }
            };
            spawn_bounded(&mut tasks, ctx.settings.max_tasks, task).await?;
            ctx.progress(on_progress, false);
        }
    }
    drain(&mut tasks).await?;
    let counts = *lock(&counts);
    Ok(counts)
}

impl super::Engine {
    /// Plans a retry of run `of`: a new run with the same edits on the assets that failed in
    /// `of`, each read again now (before → after computed as in any preview; an asset gone or
    /// unreadable is skipped with its reason). `of` must have failed assets.
    pub(super) async fn preview_retry(
        &self,
        of: &str,
        control: &RunControl,
        on_progress: ProgressFn<'_>,
    ) -> Result<RunSummary> {
        let (original_path, original) = self.load_run(of)?;
        if let Some(refused) = original.spec.kind.refuses_retry(of) {
            return Err(refused);
        }
        self.check_family(&original.spec)?;
        let failed: std::collections::HashSet<u64> = original
            .outcomes
            .iter()
            .filter(|(_, o)| **o == Outcome::Failed)
            .map(|(i, _)| *i)
            .collect();
        if failed.is_empty() {
            return Err(Error::message(
                ErrorCode::InvalidInput,
                "error-nothing-to-retry",
                vec![("run", of.into())],
            ));
        }
        let spec = RunSpec {
            kind: RunKind::Retry { of: of.to_owned() },
            op: None,
            ..original.spec.clone()
        };
        self.run_preview(spec, control, on_progress, async |ctx| {
            preview_retry_rows(ctx, &original_path, &failed, on_progress).await
        })
        .await
    }
}
