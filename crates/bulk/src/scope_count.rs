//! Counting what a bulk edit would touch before anything else happens: the folder (and its
//! subfolders when asked) is listed to the end, page by page, and the assets that pass the name
//! and format filters are counted, with the same rules as the preview. Nothing is journaled;
//! an asset is read only when a format filter is set and the listing does not carry its
//! `dc:format` (the preview reads it then too).
//!
//! The rows are the preview's own (`source.rs`), so a count and a preview treat a folder that
//! cannot be listed the same way.
//!
//! Not here: the preview itself (`engine`), which lists again and reads current values.

use std::time::{Duration, Instant};

use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

use crate::by_folder::{CountTally, FolderCount};
use crate::run_control::RunControl;
use crate::scope::RunScope;
use crate::scope_walk::{Glance, Pages};
use crate::source::{Found, Reach, Source, Step};
use metadesk_assets::folders::LISTINGS_AT_ONCE;
use metadesk_assets::search::SEARCH_PAGE;
use metadesk_assets::{AssetRef, AssetsApi, EntryKind};
use metadesk_clients::error::Result;

/// Children asked for per listing request.
const PAGE_SIZE: u64 = 100;
/// At most one update per this interval (plus the last one).
const UPDATE_INTERVAL: Duration = Duration::from_millis(200);

/// How many assets a folder and its filters select, so far or in all.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScopeCount {
    /// Assets a run would edit: they pass the filters and are not content fragments.
    #[ts(type = "number")]
    pub assets: u64,
    /// Content fragments met (never edited).
    #[ts(type = "number")]
    pub content_fragments: u64,
    /// Assets left out by the name or format filter.
    #[ts(type = "number")]
    pub filtered_out: u64,
    /// Subfolders met (descended into when subfolders are included).
    #[ts(type = "number")]
    pub folders: u64,
    /// Subfolders that could not be listed: their assets are not counted (and a run lists
    /// them as skipped).
    #[ts(type = "number")]
    pub unlisted_folders: u64,
    /// With subfolders included: the assets in each direct subfolder (deeper ones count
    /// towards the subfolder they are under; `""` is the folder itself), the most first, at
    /// most [`crate::by_folder::FOLDERS_SHOWN`]. Empty otherwise.
    pub subfolders: Vec<FolderCount>,
    /// Direct subfolders met that are not in `subfolders`.
    #[ts(type = "number")]
    pub more_subfolders: u64,
    /// False while the listing is still going: the numbers can only grow.
    pub done: bool,
    /// Set when AEM's OpenAPI search counted the folder (an OAuth S2S connection with no
    /// classic connection to list it): how the number is not exact. Absent for a listing.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub estimate: Option<Estimate>,
}

/// How a count made by AEM's OpenAPI search (one request, no walk) may differ from a run's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Estimate {
    /// AEM gave only a lower bound: there are at least this many.
    pub at_least: bool,
    /// The name or format filter is not applied in the search (each asset is checked when
    /// previewed): this many before those filters.
    pub before_filters: bool,
}

/// Counts the assets `scope`'s folder (and its subfolders when recursive) holds that pass its
/// filters, streaming a running count to `on_update` at most every ~200 ms and a last one
/// with `done: true`. Only the folder stack and one page are in memory. Cancelled through
/// `control`, it returns what it counted so far with `done: false`.
pub async fn count(
    aem: &dyn AssetsApi,
    scope: &RunScope,
    control: &RunControl,
    on_update: &(dyn Fn(ScopeCount) + Send + Sync),
) -> Result<ScopeCount> {
    count_paged(aem, scope, control, on_update, PAGE_SIZE).await
}

pub(crate) async fn count_paged(
    aem: &dyn AssetsApi,
    scope: &RunScope,
    control: &RunControl,
    on_update: &(dyn Fn(ScopeCount) + Send + Sync),
    page_size: u64,
) -> Result<ScopeCount> {
    let (folder, filters) = (scope.folder(), scope.filters());
    let pages = Pages {
        listing: page_size,
        search: SEARCH_PAGE,
        listings_at_once: LISTINGS_AT_ONCE,
    };
    let mut source = Source::of(scope, [], pages, &Reach::of(aem, "", false, None))?;
    let asker = Glance { aem, control };
    let mut count = ScopeCount::default();
    let mut tally = CountTally::default();
    // Only a walk into subfolders has bars per subfolder to draw.
    let per_folder = filters.recursive;
    let mut last_update: Option<Instant> = None;
    loop {
        let found = match source.next(&asker).await? {
            Step::Page(found) => found,
            Step::Done | Step::Cancelled => break,
            // As in the preview: a subfolder that cannot be listed is left out, and counted as
            // such so the page can say so.
            Step::Unlisted { .. } => {
                count.unlisted_folders += 1;
                continue;
            }
            // A list is checked (`list_check.rs`), not counted.
            Step::Problems(_) => continue,
        };
        for Found { entry, .. } in found {
            match entry.kind {
                EntryKind::Folder => {
                    count.folders += 1;
                    if per_folder {
                        tally.folder(folder, &entry.path);
                    }
                }
                _ if !filters.name_matches(&entry.name) => count.filtered_out += 1,
                EntryKind::ContentFragment => count.content_fragments += 1,
                EntryKind::Asset => {
                    let format = match entry.listed_format() {
                        Some(f) => Some(f.to_owned()),
                        None if filters.formats.is_empty() => None,
                        None => read_format(aem, &entry.path, control).await,
                    };
                    if filters.format_matches(format.as_deref()) {
                        count.assets += 1;
                        if per_folder {
                            tally.asset(folder, &entry.path);
                        }
                    } else {
                        count.filtered_out += 1;
                    }
                }
            }
        }
        if last_update.is_none_or(|t| t.elapsed() >= UPDATE_INTERVAL) {
            last_update = Some(Instant::now());
            (count.subfolders, count.more_subfolders) = tally.biggest();
            on_update(count.clone());
        }
    }
    (count.subfolders, count.more_subfolders) = tally.biggest();
    if control.is_cancelled() {
        return Ok(count);
    }
    count.done = true;
    on_update(count.clone());
    Ok(count)
}

/// `dc:format` of an asset whose listing entry does not carry it; `None` when it cannot be
/// read (the preview would skip such an asset: it is not one a run would edit).
async fn read_format(aem: &dyn AssetsApi, path: &str, control: &RunControl) -> Option<String> {
    if control.is_cancelled() {
        return None;
    }
    let mut asset = AssetRef {
        path: path.to_owned(),
        id: None,
    };
    asset.id = aem.resolve_id(path).await.ok()?;
    let current = aem.read(&asset).await.ok()?;
    current
        .metadata
        .get("dc:format")
        .and_then(Value::as_str)
        .map(str::to_owned)
}
