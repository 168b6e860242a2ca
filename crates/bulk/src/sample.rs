//! A few assets of a scope, read whole once, and edits computed on them: the window's live
//! "before → after" while a rule is typed. Finding them is one listing page or one search page
//! (the scope's source, `source.rs`, stopped early) or one list lookup; then one read per
//! asset. Nothing is written or journaled.
//!
//! Not here: keeping a sample between keystrokes (the core's use case), the preview of the
//! whole scope (`engine/`), what a rule computes (`rules.rs`).

use serde::Serialize;
use serde_json::{Map, Value};
use ts_rs::TS;

use crate::compute::Asset;
use crate::scope::RunScope;
use crate::scope_walk::{Once, Pages};
use crate::source::{Found, Reach, Source, Step};
use crate::spec::{Edit, after, regexes_of, schema_refusal};
use metadesk_assets::schema::Schema;
use metadesk_assets::{AssetRef, AssetsApi, CallError, EntryKind};
use metadesk_base::i18n::SavedText;
use metadesk_clients::error::{Error, ErrorCode, Result};
use metadesk_credentials::credentials::ApiFamily;

/// How many assets a sample shows.
pub const SAMPLE_SIZE: usize = 5;

/// An asset of a sample: its path and its whole metadata as read.
#[derive(Debug, Clone, PartialEq)]
pub struct SampledAsset {
    pub path: String,
    pub metadata: Map<String, Value>,
}

/// Where a run's scope is, as [`read_sample`] needs it.
pub struct SampleScope<'a> {
    /// The folder (a list's is the DAM root) and filters.
    pub scope: &'a RunScope,
    /// The connection's name, in the words of a search AEM refused.
    pub connection: &'a str,
    /// The connection is stored (else a credential file), in the words of what to pair.
    pub stored: bool,
}

/// The first `size` assets of the scope that pass its filters, each read whole. A scope that
/// cannot be listed or searched is an error in words; an asset that cannot be read is left out
/// (the preview says why), unless none could be read.
pub async fn read_sample(
    aem: &dyn AssetsApi,
    scope: &SampleScope<'_>,
    size: usize,
) -> Result<Vec<SampledAsset>> {
    // A format filter is known only once an asset is read: a few more are found to fill it.
    let want = if scope.scope.filters().formats.is_empty() {
        size
    } else {
        size * 3
    };
    let found = first_entries(aem, scope, want).await?;
    let mut sample = Vec::with_capacity(size);
    let mut first_error = None;
    for Found { entry, id } in found {
        if sample.len() == size {
            break;
        }
        match read_whole(aem, entry.path.clone(), id).await {
            Ok(metadata) => {
                let format = metadata.get("dc:format").and_then(Value::as_str);
                if scope.scope.filters().format_matches(format) {
                    sample.push(SampledAsset {
                        path: entry.path,
                        metadata,
                    });
                }
            }
            Err(e) => {
                tracing::info!(path = %entry.path, error = %e, "a sample asset was not read");
                first_error.get_or_insert(e);
            }
        }
    }
    match first_error {
        Some(e) if sample.is_empty() => Err(Error::worded(ErrorCode::Remote, e.text())),
        _ => Ok(sample),
    }
}

async fn read_whole(
    aem: &dyn AssetsApi,
    path: String,
    id: Option<String>,
) -> std::result::Result<Map<String, Value>, CallError> {
    let mut asset = AssetRef { path, id };
    if asset.id.is_none() && aem.family() == ApiFamily::OpenApi {
        asset.id = aem.resolve_id(&asset.path).await?;
    }
    Ok(aem.read(&asset).await?.metadata)
}

/// Up to `want` assets of the scope in its order (with their ids where the search gave them),
/// their names filtered like a preview's, from the scope's source (`source.rs`) stopped early:
/// a folder's first listings, a search's first page, a list's first entries. A subfolder that
/// cannot be listed, or a list's entry that names no asset, is passed over: a sample shows a
/// few assets, never the whole.
async fn first_entries(
    aem: &dyn AssetsApi,
    scope: &SampleScope<'_>,
    want: usize,
) -> Result<Vec<Found>> {
    let pages = Pages {
        // A page of a few more than wanted: most folders give the sample in one request.
        listing: (want as u64).max(20),
        search: want as u64,
        // A sample wants its first few assets: one listing at a time.
        listings_at_once: 1,
    };
    let reach = Reach::of(aem, scope.connection, scope.stored, None);
    let mut source = Source::of(scope.scope, [], pages, &reach)?.first_of_list(want);
    let filters = scope.scope.filters();
    let mut found = Vec::new();
    while found.len() < want {
        match source.next(&Once(aem)).await? {
            Step::Page(page) => found.extend(page.into_iter().filter(|f| {
                f.entry.kind == EntryKind::Asset && filters.name_matches(&f.entry.name)
            })),
            Step::Unlisted { .. } | Step::Problems(_) => {}
            Step::Done | Step::Cancelled => break,
        }
        // One search page of `want` hits: the search already left out what is not an asset.
        if source.searches() {
            break;
        }
    }
    found.truncate(want);
    Ok(found)
}

/// One edit on one sampled asset: the value before and after, or why the rule cannot compute
/// on this asset (then the asset is skipped by the run, with that reason).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SampleChange {
    pub property: String,
    #[ts(type = "string | number | boolean | Array<string | number | boolean> | null")]
    pub before: Option<Value>,
    #[ts(type = "string | number | boolean | Array<string | number | boolean> | null")]
    pub after: Option<Value>,
    /// In the reader's words once localized.
    #[ts(type = "string | null")]
    pub reason: Option<SavedText>,
}

/// A sampled asset with its edits computed.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SampleRow {
    pub path: String,
    pub name: String,
    /// One per edit that is not refused, in the order of the edits.
    pub changes: Vec<SampleChange>,
}

impl SampleRow {
    pub fn localize(&mut self, l: &metadesk_base::i18n::Localizer) {
        for change in &mut self.changes {
            if let Some(reason) = &mut change.reason {
                reason.localize(l);
            }
        }
    }
}

/// `edits` (checked already) computed on each asset of `sample`, with the code the preview
/// plans with ([`after`]), a changed value a rule computed checked against the folder's
/// `schema` as the plan does.
pub fn compute(sample: &[SampledAsset], edits: &[Edit], schema: Option<&Schema>) -> Vec<SampleRow> {
    let regexes = regexes_of(edits);
    sample
        .iter()
        .map(|asset| {
            let on = Asset {
                path: &asset.path,
                metadata: &asset.metadata,
            };
            let changes = edits
                .iter()
                .map(|edit| {
                    let before = asset
                        .metadata
                        .get(&edit.property)
                        .filter(|v| !v.is_null())
                        .cloned();
                    let computed =
                        after(&edit.op, before.as_ref(), on, &regexes).and_then(|after| {
                            let field = schema
                                .filter(|_| edit.op.computes() && after != before)
                                .and_then(|s| s.field(&edit.property));
                            match field.and_then(|f| schema_refusal(f, after.as_ref())) {
                                Some(why) => Err(why),
                                None => Ok(after),
                            }
                        });
                    let (after, reason) = match computed {
                        Ok(after) => (after, None),
                        Err(why) => (before.clone(), Some(why)),
                    };
                    SampleChange {
                        property: edit.property.clone(),
                        before,
                        after,
                        reason,
                    }
                })
                .collect();
            SampleRow {
                path: asset.path.clone(),
                name: asset.path.rsplit('/').next().unwrap_or_default().to_owned(),
                changes,
            }
        })
        .collect()
}
