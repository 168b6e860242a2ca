//! Counting what a bulk edit would touch before anything else happens: the folder (and its
//! subfolders when asked) is listed to the end, page by page, and the assets that pass the name
//! and format filters are counted, with the same rules as the preview. Nothing is journaled;
//! an asset is read only when a format filter is set and the listing does not carry its
//! `dc:format` (the preview reads it then too).
//!
//! Not here: the preview itself (engine.rs), which lists again and reads current values.

use std::time::{Duration, Instant};

use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

use crate::assets::{AssetRef, AssetStore, CallError, EntryKind, Page};
use crate::bulk::control::RunControl;
use crate::bulk::reasons;
use crate::bulk::spec::{Filters, normalize_folder};
use crate::error::Result;

/// Children asked for per listing request.
const PAGE_SIZE: u64 = 100;
/// At most one update per this interval (plus the last one).
const UPDATE_INTERVAL: Duration = Duration::from_millis(200);
/// Attempts per listing request for throttles, 5xx and unreachable hosts.
const MAX_ATTEMPTS: u32 = 5;

/// How many assets a folder and its filters select, so far or in all.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
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
    /// False while the listing is still going: the numbers can only grow.
    pub done: bool,
}

/// Counts the assets `folder` (and its subfolders when `filters.recursive`) holds that pass
/// `filters`, streaming a running count to `on_update` at most every ~200 ms and a last one
/// with `done: true`. Only the folder stack and one page are in memory. Cancelled through
/// `control`, it returns what it counted so far with `done: false`.
pub async fn count(
    store: &dyn AssetStore,
    folder: &str,
    filters: &Filters,
    control: &RunControl,
    on_update: &(dyn Fn(ScopeCount) + Send + Sync),
) -> Result<ScopeCount> {
    count_paged(store, folder, filters, control, on_update, PAGE_SIZE).await
}

pub(crate) async fn count_paged(
    store: &dyn AssetStore,
    folder: &str,
    filters: &Filters,
    control: &RunControl,
    on_update: &(dyn Fn(ScopeCount) + Send + Sync),
    page_size: u64,
) -> Result<ScopeCount> {
    let root = normalize_folder(folder)?;
    let mut count = ScopeCount::default();
    let mut last_update: Option<Instant> = None;
    let mut folders = vec![root.clone()];
    'folders: while let Some(folder) = folders.pop() {
        let mut offset = 0u64;
        loop {
            let page = match list_with_retries(store, &folder, offset, page_size, control).await {
                Ok(Some(page)) => page,
                Ok(None) => break 'folders,
                Err(e) if folder == root || matches!(e, CallError::Auth(_)) => {
                    return Err(reasons::list_failed(&folder, e, store.family(), None));
                }
                Err(e) => {
                    // As in the preview: a subfolder that cannot be listed is left out, and
                    // counted as such so the page can say so.
                    tracing::warn!(%folder, error = %e, "subfolder could not be listed");
                    count.unlisted_folders += 1;
                    break;
                }
            };
            for entry in page.entries {
                match entry.kind {
                    EntryKind::Folder => {
                        count.folders += 1;
                        if filters.recursive {
                            folders.push(entry.path);
                        }
                    }
                    _ if !filters.name_matches(&entry.name) => count.filtered_out += 1,
                    EntryKind::ContentFragment => count.content_fragments += 1,
                    EntryKind::Asset => {
                        let format = match entry.listed_format() {
                            Some(f) => Some(f.to_owned()),
                            None if filters.formats.is_empty() => None,
                            None => read_format(store, &entry.path, control).await,
                        };
                        if filters.format_matches(format.as_deref()) {
                            count.assets += 1;
                        } else {
                            count.filtered_out += 1;
                        }
                    }
                }
            }
            if last_update.is_none_or(|t| t.elapsed() >= UPDATE_INTERVAL) {
                last_update = Some(Instant::now());
                on_update(count);
            }
            match page.next_offset {
                Some(next) => offset = next,
                None => break,
            }
        }
    }
    if control.is_cancelled() {
        return Ok(count);
    }
    count.done = true;
    on_update(count);
    Ok(count)
}

/// One listing page; throttles, 5xx and unreachable hosts are retried a few times.
/// `Ok(None)` once cancelled.
async fn list_with_retries(
    store: &dyn AssetStore,
    folder: &str,
    offset: u64,
    limit: u64,
    control: &RunControl,
) -> Result<Option<Page>, CallError> {
    let mut attempt = 0u32;
    loop {
        if !control.wait_runnable().await {
            return Ok(None);
        }
        attempt += 1;
        let wait = match store.list(folder, offset, limit).await {
            Ok(page) => return Ok(Some(page)),
            Err(CallError::Throttled { retry_after, .. }) if attempt < MAX_ATTEMPTS => retry_after
                .unwrap_or(Duration::from_millis(500))
                .min(Duration::from_secs(10)),
            Err(CallError::Transient(_) | CallError::Unreachable(_)) if attempt < MAX_ATTEMPTS => {
                Duration::from_millis(200 * 2u64.pow(attempt - 1))
            }
            Err(e) => return Err(e),
        };
        tokio::select! {
            _ = tokio::time::sleep(wait) => {}
            _ = control.changed() => {}
        }
    }
}

/// `dc:format` of an asset whose listing entry does not carry it; `None` when it cannot be
/// read (the preview would skip such an asset: it is not one a run would edit).
async fn read_format(store: &dyn AssetStore, path: &str, control: &RunControl) -> Option<String> {
    if control.is_cancelled() {
        return None;
    }
    let mut asset = AssetRef {
        path: path.to_owned(),
        id: None,
    };
    asset.id = store.resolve_id(path).await.ok()?;
    let current = store.read(&asset).await.ok()?;
    current
        .metadata
        .get("dc:format")
        .and_then(Value::as_str)
        .map(str::to_owned)
}
