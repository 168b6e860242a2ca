//! Planning a run (its preview): one asset from its values (read, or given by a listing, a
//! check or a search hit), and a sheet's rows; one plan row per asset in the journal, nothing
//! written to AEM.
//!
//! Not here: the folder walk (`listed.rs`), planning an undo (`undo.rs`) or a retry
//! (`retry.rs`).

use super::checks::{publication_from_hits, row_publication, wants_publication};
use super::context::{Ctx, Failure, lock, record_row, same, skip_row, values_of};
use super::tasks::{drain, spawn_bounded};
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};

use serde_json::Value;
use tokio::task::JoinSet;

use crate::compute::Asset;
use crate::journal::{Action, PlanRow, PreviewCounts, PropertyChange};
use crate::progress::ProgressFn;
use crate::reasons;
use crate::searching::edited_properties;
use crate::searching::{LOOKUP_BATCH, paths_lookup};
use crate::spec::{self, Edit, EditOp};
use metadesk_assets::asset_path::check_canonical;
use metadesk_assets::publication::{Agent, state_properties};
use metadesk_assets::search::{HIT_LAST_MODIFIED, entry_of_hit, hit_path, modified_of_hit};
use metadesk_assets::{AssetRef, CallError, Current, Entry, EntryKind};
use metadesk_base::i18n::SavedText;
use metadesk_credentials::credentials::ApiFamily;
use std::collections::HashMap;

use metadesk_assets::fingerprint::ExportedCodes;
use metadesk_base::timefmt::parse_rfc3339;
use metadesk_clients::error::Result;

/// Reads one asset (unless the listing already says enough) and journals its plan row.
/// `Ok(true)` when it was planned from its values, `Ok(false)` when it could not be read (a
/// skipped row says why, or the phase stopped).
pub(super) async fn preview_asset(
    ctx: &Arc<Ctx>,
    counts: &Mutex<PreviewCounts>,
    i: u64,
    entry: Entry,
    edits: &[Edit],
    hold_back: HoldBack<'_>,
) -> Result<bool> {
    preview_asset_with_id(ctx, counts, i, entry, None, edits, hold_back).await
}

/// [`preview_asset`] of an asset whose id is already known (an OpenAPI search hit gives it, so
/// no look-up through a classic connection is needed).
pub(super) async fn preview_asset_with_id(
    ctx: &Arc<Ctx>,
    counts: &Mutex<PreviewCounts>,
    i: u64,
    entry: Entry,
    known_id: Option<String>,
    edits: &[Edit],
    hold_back: HoldBack<'_>,
) -> Result<bool> {
    let aem = &ctx.aem;
    let spec = &ctx.spec;
    let listing_format = entry.listed_format().map(str::to_owned);
    // The listing holds a subset of the metadata
    // (https://experienceleague.adobe.com/en/docs/experience-manager-cloud-service/content/assets/admin/mac-api-assets),
    // and which subset is not documented: a value it shows is the current one, but a property
    // it does not show may
    // still be set. Taking an absent one as "not set" would journal null as the original, and
    // an undo would then delete the real value. So the listing stands in for a read only when
    // it shows a value for every edited property.
    let listing_enough = entry.metadata.as_ref().is_some_and(|listed| {
        edited_properties(edits)
            .into_iter()
            .all(|p| aem.listing_carries(p) && values_of(listed, p).is_some())
    }) && (spec.scope.filters().formats.is_empty()
        || listing_format.is_some());
    let mut asset = AssetRef {
        path: entry.path.clone(),
        id: None,
    };
    let current = if listing_enough {
        Current {
            metadata: entry.metadata.unwrap_or_default(),
            etag: None,
        }
    } else {
        let read = async {
            // Only the OpenAPI family looks ids up (a request); the classic one has none to
            // find, and its instant answer must not reach the gate, whose controller would
            // take it for the server's normal latency and every real request for queueing.
            if let Some(id) = known_id.or_else(|| aem.known_id(&entry.path)) {
                asset.id = Some(id);
            } else if aem.family() == ApiFamily::OpenApi {
                asset.id = ctx.call(|| aem.resolve_id(&entry.path)).await?;
            }
            ctx.call(|| aem.read(&asset)).await
        }
        .await;
        match read {
            Ok(current) => current,
            // The phase stops (`call` saw credentials refused): no row, the preview fails.
            Err(Failure::Cancelled | Failure::Call(CallError::Auth(_), _)) => return Ok(false),
            Err(Failure::Call(CallError::Unreachable(e), _)) => {
                // Every other asset would be skipped the same way: stop the preview instead.
                ctx.stop(e);
                return Ok(false);
            }
            Err(Failure::Call(e, n)) => {
                let reason = reasons::not_read(&e, ctx.spec.account.as_deref(), n);
                record_row(ctx, counts, skip_row(i, &entry.path, reason))?;
                return Ok(false);
            }
        }
    };
    plan_from_current(
        ctx,
        counts,
        i,
        entry.path,
        asset.id,
        current,
        listing_format,
        edits,
        hold_back,
    )?;
    Ok(true)
}

/// Whether a sheet row's asset is held back: skipped, its before → after kept to show what is
/// not written, so that a colleague's change since the export is kept.
#[derive(Debug, Clone, Copy)]
pub(crate) enum HoldBack<'a> {
    /// Written as planned (every operation but a sheet's, and a sheet that cannot tell).
    No,
    /// Held back, for this reason (it could not be checked, or an older sheet's time says so).
    Because(&'a SavedText),
    /// Held back when a property the row edits holds another value than the exported one.
    IfChangedSince(&'a ExportedCodes),
}

/// Journals the plan row of an asset whose current values are known (read, or from the
/// listing or a search hit that carries them), for `edits` (the run's, or the asset's own row
/// of a sheet). An asset that would change and `hold_back` holds is skipped instead.
#[allow(clippy::too_many_arguments)]
pub(super) fn plan_from_current(
    ctx: &Arc<Ctx>,
    counts: &Mutex<PreviewCounts>,
    i: u64,
    path: String,
    id: Option<String>,
    current: Current,
    listing_format: Option<String>,
    edits: &[Edit],
    hold_back: HoldBack<'_>,
) -> Result<()> {
    let spec = &ctx.spec;
    let format = current
        .metadata
        .get("dc:format")
        .and_then(Value::as_str)
        .or(listing_format.as_deref());
    if !spec.scope.filters().format_matches(format) {
        lock(counts).filtered_out += 1;
        ctx.tally.total.fetch_sub(1, Ordering::Relaxed);
        return Ok(());
    }
    let asset = Asset {
        path: &path,
        metadata: &current.metadata,
    };
    // A rule that cannot compute on this asset (a property its template names is missing, a
    // value is not a date) skips the asset with its reason; its values are kept as they are.
    let mut not_computed: Option<SavedText> = None;
    let changes: Vec<PropertyChange> = edits
        .iter()
        .map(|edit| {
            let before = values_of(&current.metadata, &edit.property).cloned();
            let html = ctx.aem.markup(&edit.property);
            let computed = spec::after_in(&edit.op, before.as_ref(), asset, &ctx.regexes, html)
                .and_then(
                    |after| match schema_field(ctx, edit, before.as_ref(), &after) {
                        Some(field) => match spec::schema_refusal(field, after.as_ref()) {
                            Some(why) => Err(why),
                            None => Ok(after),
                        },
                        None => Ok(after),
                    },
                );
            let after = match computed {
                Ok(after) => after,
                Err(why) => {
                    not_computed.get_or_insert_with(|| by_label(why, ctx));
                    before.clone()
                }
            };
            PropertyChange {
                property: edit.property.clone(),
                before,
                after,
            }
        })
        .collect();
    let changing = not_computed.is_none()
        && changes
            .iter()
            .any(|c| !same(c.before.as_ref(), c.after.as_ref()));
    // A sheet names every cell of a row, most of them as they are: its preview, report and
    // journal keep only the cells that change (all of them when none does, to show why).
    let mut changes = changes;
    if changing && spec.kind.is_sheet() {
        changes.retain(|c| !same(c.before.as_ref(), c.after.as_ref()));
    }
    let several_for_one = if spec.kind.is_sheet() {
        several_values_for_one(&current.metadata, edits)
    } else {
        Vec::new()
    };
    let hold_back = if !several_for_one.is_empty() {
        Some(reasons::holds_one_value(&several_for_one))
    } else {
        match hold_back {
            HoldBack::No => None,
            HoldBack::Because(why) => Some(why.clone()),
            HoldBack::IfChangedSince(codes) => {
                let changed =
                    codes.changed(&current.metadata, edited_properties(edits).into_iter());
                (!changed.is_empty()).then(|| reasons::changed_since_export_values(&changed))
            }
        }
    };
    let (action, reason) = match (changing, hold_back, not_computed) {
        (_, _, Some(why)) | (true, Some(why), None) => (Action::Skip, Some(why)),
        (true, None, None) => (Action::Change, None),
        (false, _, None) => (Action::Unchanged, None),
    };
    let publication = row_publication(ctx, &path);
    let fragment = ctx.aem.fragment_name(&path, &current.metadata);
    let row = PlanRow {
        i,
        path,
        id,
        etag: current.etag,
        action,
        reason,
        changes,
        publication,
        fragment,
    };
    record_row(ctx, counts, row)
}

/// A property a rule needs and the asset lacks, named as its form shows it too ("City
/// (photoshop:City)"), where the folder's schema gives it a label.
fn by_label(why: SavedText, ctx: &Ctx) -> SavedText {
    let SavedText::Coded { code, mut args } = why else {
        return why;
    };
    if code == "reason-field-missing"
        && let Some(field) = args.get("field").and_then(|f| f.as_str())
        && let Some(known) = ctx.schema.as_ref().and_then(|s| s.field(field))
        && known.label != known.property
    {
        let named = format!("{} ({})", known.label, known.property);
        args.insert("field".into(), named.into());
    }
    SavedText::Coded { code, args }
}

/// The schema's field of `edit`'s property when the value a rule computed there must be checked
/// against it: a computing rule that changes the value, on a folder whose schema was read.
fn schema_field<'a>(
    ctx: &'a Ctx,
    edit: &Edit,
    before: Option<&Value>,
    after: &Option<Value>,
) -> Option<&'a metadesk_assets::schema::SchemaField> {
    if !edit.op.computes() || same(before, after.as_ref()) {
        return None;
    }
    ctx.schema.as_ref()?.field(&edit.property)
}

/// The properties a sheet row gives several values (a plain `prefix:name` column, which does
/// not say whether it holds one value or several) where AEM holds one value now: written, the
/// property would silently turn into a list, so the row is not written. A property that is
/// absent or already a list takes the values as a list.
fn several_values_for_one<'a>(
    current: &serde_json::Map<String, Value>,
    edits: &'a [Edit],
) -> Vec<&'a str> {
    edits
        .iter()
        .filter(|e| matches!(&e.op, EditOp::Set { values } if values.len() > 1))
        .filter(|e| values_of(current, &e.property).is_some_and(|v| !v.is_array() && !v.is_null()))
        .map(|e| e.property.as_str())
        .collect()
}

/// One asset's own edits (a spreadsheet row): planned like a folder's asset, with its edits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssetEdits {
    /// `/content/dam/…`.
    pub path: String,
    pub edits: Vec<Edit>,
    /// When the asset had last changed as the sheet was exported (RFC 3339), from a sheet
    /// without value codes: an asset AEM changed after that is not written. AEM moves that
    /// time on a new binary, not on a metadata update, so codes are read first.
    pub exported_modified: Option<String>,
    /// The exported values' codes: an asset whose edited property holds another value now is
    /// not written (its cells that differ from AEM now are held back).
    pub exported_codes: Option<ExportedCodes>,
}

/// The hits of `assets` from QueryBuilder selective lookups ([`LOOKUP_BATCH`] paths a request,
/// a few requests at once, instead of one read each; classic API only), by path. Each hit
/// carries what a read would give the plan: the edited properties' values (a property absent
/// from a selective hit is not set, see `searched.rs`), `dc:format`, the kind of node, when
/// the asset last changed (so values and time come from one answer), and where it stands on
/// the website when the rows say so.
///
/// A path missing from the answers (not found, not indexed yet, a batch whose search failed)
/// is simply not in the map: that asset is then read on its own, and a read that finds nothing
/// is the row's error. Never a row silently dropped.
async fn current_by_search(ctx: &Arc<Ctx>, assets: &[AssetEdits]) -> HashMap<String, Value> {
    let mut hits = HashMap::new();
    if ctx.aem.family() != ApiFamily::Classic || !ctx.aem.can_search() {
        return hits;
    }
    let edited = edited_in(assets.iter().flat_map(|a| a.edits.iter()));
    let mut properties: Vec<String> = vec![
        "jcr:primaryType".into(),
        "jcr:content/contentFragment".into(),
        HIT_LAST_MODIFIED.into(),
        "jcr:content/metadata/dc:format".into(),
    ];
    properties.extend(edited.iter().map(|p| format!("jcr:content/metadata/{p}")));
    // Where each asset stands on the website, in the same hits (`publication_from_hits`).
    if wants_publication(ctx) {
        properties.extend(
            state_properties(Agent::Publish)
                .split(' ')
                .map(str::to_owned),
        );
    }
    properties.sort();
    properties.dedup();
    let properties: Vec<&str> = properties.iter().map(String::as_str).collect();
    let paths: Vec<&str> = assets.iter().map(|a| a.path.as_str()).collect();
    let mut lookups: JoinSet<Vec<Value>> = JoinSet::new();
    // A few lookups in flight: the gate still bounds what reaches AEM.
    let in_flight = ctx.settings.max_tasks.clamp(1, LOOKUPS_AT_ONCE);
    for batch in paths.chunks(LOOKUP_BATCH) {
        if lookups.len() >= in_flight
            && let Some(Ok(page)) = lookups.join_next().await
        {
            take_hits(&mut hits, page);
        }
        let params = paths_lookup(batch, &properties);
        let ctx = ctx.clone();
        lookups.spawn(async move {
            match ctx.call(|| ctx.aem.search(&params)).await {
                Ok(page) => page.hits,
                Err(_) => Vec::new(),
            }
        });
    }
    while let Some(done) = lookups.join_next().await {
        if let Ok(page) = done {
            take_hits(&mut hits, page);
        }
    }
    hits
}

/// Search lookups of a sheet's assets in flight at once.
const LOOKUPS_AT_ONCE: usize = 4;

fn take_hits(hits: &mut HashMap<String, Value>, page: Vec<Value>) {
    for hit in page {
        if let Some(path) = hit_path(&hit).map(str::to_owned) {
            hits.insert(path, hit);
        }
    }
}

/// The unique edited properties, in order of first use.
fn edited_in<'a>(edits: impl Iterator<Item = &'a Edit>) -> Vec<&'a str> {
    let mut seen = std::collections::HashSet::new();
    edits
        .map(|e| e.property.as_str())
        .filter(|p| seen.insert(*p))
        .collect()
}

/// Why an asset's cells are held back: AEM changed it after `exported` (or it could not be
/// told). `None` when it did not change since. `known` is AEM's time now when a search
/// already said it; otherwise it is read.
async fn changed_since_export(
    ctx: &Arc<Ctx>,
    path: &str,
    exported: &str,
    known: Option<String>,
) -> Option<SavedText> {
    let asset = AssetRef {
        path: path.to_owned(),
        id: None,
    };
    let read = async {
        match known {
            Some(time) => Ok(Some(time)),
            None => ctx.call(|| ctx.aem.last_modified(&asset)).await,
        }
    };
    let now = match read.await {
        // Not checked, not written. When the asset cannot be read either, the read that
        // follows says why (gone, no access) or stops the preview.
        Err(Failure::Call(e, _)) => return Some(reasons::change_not_checked(Some(&e))),
        Err(Failure::Cancelled) => return Some(reasons::change_not_checked(None)),
        // The API does not say: nothing to compare (the sheet import says so).
        Ok(None) => return None,
        Ok(Some(now)) => now,
    };
    let (Some(then), Some(current)) = (parse_rfc3339(exported), parse_rfc3339(&now)) else {
        return None;
    };
    (later_than(current, then)).then(|| reasons::changed_since_export(&now, exported))
}

/// Whether AEM's time `now` is after the sheet's `exported`, to the precision the sheet keeps.
/// AEM's JSON renderer writes times to the second (`Tue Sep 03 2024 13:15:03 GMT+0000`) while
/// search hits may say milliseconds: an export read to the second, compared with a time to the
/// millisecond, would take every asset edited at a fraction of a second as changed since.
fn later_than(now: time::OffsetDateTime, exported: time::OffsetDateTime) -> bool {
    if exported.nanosecond() == 0 {
        now.replace_nanosecond(0).unwrap_or(now) > exported
    } else {
        now > exported
    }
}

/// Plans per-asset edits from each asset's values now: from search hits where the API can
/// search (a few requests per hundreds of rows), else (or for an asset the hits do not hold)
/// read one by one; an asset that cannot be read (gone, no access) is a skipped row with its
/// reason.
pub(super) async fn preview_per_asset(
    ctx: &Arc<Ctx>,
    assets: Vec<AssetEdits>,
    on_progress: ProgressFn<'_>,
) -> Result<PreviewCounts> {
    let counts = Arc::new(Mutex::new(PreviewCounts::default()));
    ctx.tally
        .total
        .store(assets.len() as u64, Ordering::Relaxed);
    ctx.listing_done.store(true, Ordering::Relaxed);
    let mut hits = current_by_search(ctx, &assets).await;
    let paths: Vec<String> = assets.iter().map(|a| a.path.clone()).collect();
    publication_from_hits(ctx, &paths, &hits).await;
    let mut tasks: JoinSet<Result<()>> = JoinSet::new();
    for (i, asset) in assets.into_iter().enumerate() {
        if ctx.control.is_cancelled() {
            break;
        }
        // Never read (a read through `url` resolves `..` to another asset): refused as it is.
        if let Err(problem) = check_canonical(&asset.path) {
            let why = SavedText::new(problem.code(), [("path", asset.path.as_str().into())]);
            record_row(ctx, &counts, skip_row(i as u64, &asset.path, why))?;
            continue;
        }
        let (ctx2, counts2) = (ctx.clone(), counts.clone());
        // Only an asset's hit stands in for its read (a folder or a content fragment named
        // by a row is read, and refused, as before).
        let hit = hits.remove(&asset.path);
        let known = hit.as_ref().and_then(modified_of_hit);
        let listed = hit
            .as_ref()
            .and_then(entry_of_hit)
            .filter(|e| e.kind == EntryKind::Asset);
        let entry = Entry {
            name: asset.path.rsplit('/').next().unwrap_or_default().to_owned(),
            path: asset.path,
            kind: EntryKind::Asset,
            metadata: None,
        };
        spawn_bounded(&mut tasks, ctx.settings.max_tasks, async move {
            let by_time = match (&asset.exported_codes, &asset.exported_modified) {
                (None, Some(exported)) => {
                    changed_since_export(&ctx2, &entry.path, exported, known).await
                }
                _ => None,
            };
            let hold_back = match (&by_time, &asset.exported_codes) {
                (Some(why), _) => HoldBack::Because(why),
                (None, Some(codes)) => HoldBack::IfChangedSince(codes),
                (None, None) => HoldBack::No,
            };
            match listed {
                Some(listed) => {
                    let format = listed.listed_format().map(str::to_owned);
                    let current = Current {
                        metadata: listed.metadata.unwrap_or_default(),
                        etag: None,
                    };
                    let (path, edits) = (entry.path, &asset.edits);
                    plan_from_current(
                        &ctx2, &counts2, i as u64, path, None, current, format, edits, hold_back,
                    )
                }
                None => preview_asset(&ctx2, &counts2, i as u64, entry, &asset.edits, hold_back)
                    .await
                    .map(drop),
            }
        })
        .await?;
        ctx.progress(on_progress, false);
    }
    drain(&mut tasks).await?;
    let counts = *lock(&counts);
    Ok(counts)
}
