//! What the previews of an undo and a retry start from: an earlier run's rows read back from
//! its journal in groups, and each group's current values asked in a few batched checks (the
//! apply's own check) instead of a read per asset.
//!
//! A path missing from a check's answer (not indexed yet, a check that failed) is simply not
//! in it: the caller reads that asset on its own, never takes it as deleted.
//!
//! Not here: what an undo or a retry plans from those values (`undo.rs`, `retry.rs`), the
//! apply's checks (`batched.rs`).

use std::path::Path;
use std::sync::Arc;

use tokio::task::JoinSet;

use super::context::Ctx;
use crate::journal::{PlanRow, Record, read_records};
use metadesk_assets::batch::{Checked, fits_in_check};
use metadesk_clients::error::Result;

/// Rows whose current values are asked together before they are planned.
const GROUP: usize = 400;

/// Checks of one group in flight at once: the gate still bounds what reaches AEM.
const CHECKS_AT_ONCE: usize = 4;

/// The rows of the journal at `path` that `keep` picks, in the run's order, [`GROUP`] at a
/// time (the journal is streamed, never held whole). Ends at the run's `Previewed` record.
pub(super) fn row_groups(
    path: &Path,
    keep: impl Fn(&PlanRow) -> bool,
) -> Result<impl Iterator<Item = Result<Vec<PlanRow>>>> {
    let mut records = read_records(path)?;
    let mut ended = false;
    Ok(std::iter::from_fn(move || {
        if ended {
            return None;
        }
        let mut group = Vec::with_capacity(GROUP);
        while group.len() < GROUP {
            match records.next() {
                Some(Ok(Record::Row(row))) if keep(&row) => group.push(row),
                Some(Ok(Record::Previewed { .. })) | None => {
                    ended = true;
                    break;
                }
                Some(Ok(_)) => {}
                Some(Err(e)) => {
                    ended = true;
                    return Some(Err(e));
                }
            }
        }
        (!group.is_empty()).then_some(Ok(group))
    }))
}

/// The current values of `properties` (names on the metadata node) of the assets at `paths`,
/// by path, from batched checks where the API has them (none otherwise).
pub(super) async fn current_values(
    ctx: &Arc<Ctx>,
    paths: &[String],
    properties: Vec<String>,
) -> Checked {
    let mut found = Checked::new();
    if !ctx.store.batches() || paths.is_empty() {
        return found;
    }
    let properties = Arc::new(properties);
    let mut checks: JoinSet<Option<Checked>> = JoinSet::new();
    let mut start = 0;
    while start < paths.len() && !ctx.control.is_cancelled() {
        let refs: Vec<&str> = paths[start..].iter().map(String::as_str).collect();
        let n = fits_in_check(&refs, &properties).max(1);
        let chunk: Vec<String> = paths[start..start + n].to_vec();
        start += n;
        if checks.len() >= CHECKS_AT_ONCE
            && let Some(Ok(Some(values))) = checks.join_next().await
        {
            found.extend(values);
        }
        let (ctx, properties) = (ctx.clone(), properties.clone());
        checks.spawn(async move {
            let refs: Vec<&str> = chunk.iter().map(String::as_str).collect();
            ctx.call(|| ctx.store.check_many(&refs, &properties))
                .await
                .ok()
        });
    }
    while let Some(done) = checks.join_next().await {
        if let Ok(Some(values)) = done {
            found.extend(values);
        }
    }
    found
}
