//! Planning the undo of one asset: what the run wrote comes back only where nobody changed it
//! since.

use super::context::{Ctx, Failure, record_row, same, skip_row, values_of};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use serde_json::{Map, Value};

use crate::journal::{Action, Outcome, PlanRow, PreviewCounts, PropertyChange};
use crate::reasons;
use crate::spec::RunKind;
use metadesk_assets::{AssetRef, CallError};

use metadesk_clients::error::Result;

pub(super) async fn undo_asset(
    ctx: &Arc<Ctx>,
    counts: &Mutex<PreviewCounts>,
    originals: &HashMap<u64, Box<str>>,
    i: u64,
    row: PlanRow,
) -> Result<()> {
    let of = match &ctx.spec.kind {
        RunKind::Undo { of } => of.clone(),
        RunKind::Edit | RunKind::Retry { .. } | RunKind::Sheet { .. } => String::new(),
    };
    let original: Map<String, Value> = originals
        .get(&row.i)
        .and_then(|text| serde_json::from_str(text).ok())
        .unwrap_or_default();
    let asset = AssetRef {
        path: row.path.clone(),
        id: row.id.clone(),
    };
    let current = match ctx.call(|| ctx.store.read(&asset)).await {
        Ok(c) => c,
        Err(Failure::Cancelled | Failure::Call(CallError::Auth(_), _)) => return Ok(()),
        Err(Failure::Call(CallError::Unreachable(e), _)) => {
            ctx.stop(e);
            return Ok(());
        }
        Err(Failure::Call(e, n)) => {
            let reason = reasons::not_read(&e, ctx.spec.account.as_deref(), n);
            record_row(ctx, counts, skip_row(i, &row.path, reason))?;
            ctx.count(Outcome::Skipped);
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
    let (action, outcome) = match (&conflict, changing) {
        (Some(_), _) => (Action::Skip, Outcome::Skipped),
        (None, true) => (Action::Change, Outcome::Changed),
        (None, false) => (Action::Unchanged, Outcome::Unchanged),
    };
    let plan = PlanRow {
        i,
        path: row.path,
        id: row.id,
        etag: current.etag,
        action,
        reason: conflict,
        changes,
    };
    ctx.count(outcome);
    record_row(ctx, counts, plan)
}
