//! What the previews of an undo and a retry start from: an earlier run's rows read back from
//! its journal in groups, each group's current values then asked in a few batched checks
//! (`checks.rs`) instead of a read per asset.
//!
//! Not here: the checks (`checks.rs`), what an undo or a retry plans from those values
//! (`undo.rs`, `retry.rs`).

use std::path::Path;

use super::checks::GROUP;
use crate::journal::{PlanRow, Record, read_records};
use metadesk_clients::error::Result;

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
