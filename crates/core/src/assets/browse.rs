//! The folder browser's view of the DAM: one page of a folder's subfolders (with how many
//! assets the page held), and completion of a typed folder path.
//!
//! Not here: walking a folder for a run or a count (`folders`).

use serde::Serialize;
use ts_rs::TS;

use crate::assets::folders::{list_failed, normalize_folder};
use crate::assets::{AssetsApi, CallError, DAM_ROOT, EntryKind};
use crate::error::Result;

/// A subfolder, as the folder tree shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FolderEntry {
    /// Full repository path (`/content/dam/…`).
    pub path: String,
    pub name: String,
}

/// One page of a folder's children, reduced to what the folder tree needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FolderPage {
    pub folder: String,
    pub folders: Vec<FolderEntry>,
    /// Assets (and content fragments) on this page.
    #[ts(type = "number")]
    pub assets: u64,
    /// All children of the folder, when the server says.
    #[ts(type = "number | null")]
    pub total: Option<u64>,
    /// Where the next page starts; null on the last page.
    #[ts(type = "number | null")]
    pub next_offset: Option<u64>,
}

/// Children asked for per request when completing a path.
const COMPLETE_PAGE: u64 = 200;
/// Completion lists at most this many pages of the parent (a folder with more children than
/// that is rare; the tree browses it instead).
const COMPLETE_MAX_PAGES: usize = 25;

/// One page of `folder`'s children (from `offset`, at most `limit`), reduced to its subfolders
/// and the number of assets. `folder` may be given without `/content/dam` (the CLI's form).
pub async fn folder_page(
    store: &dyn AssetsApi,
    folder: &str,
    offset: u64,
    limit: u64,
) -> Result<FolderPage> {
    let folder = normalize_folder(folder)?;
    let page = store
        .list(&folder, offset, limit.max(1))
        .await
        .map_err(|e| list_failed(&folder, e, store.family(), None))?;
    let mut folders = Vec::new();
    let mut assets = 0u64;
    for entry in page.entries {
        match entry.kind {
            EntryKind::Folder => folders.push(FolderEntry {
                path: entry.path,
                name: entry.name,
            }),
            EntryKind::Asset | EntryKind::ContentFragment => assets += 1,
        }
    }
    Ok(FolderPage {
        folder,
        folders,
        assets,
        total: page.total,
        next_offset: page.next_offset,
    })
}

/// Subfolders completing what the user typed: the typed path's parent is listed (following
/// its pages, bounded) and its subfolders whose name starts with the last typed segment
/// (case-insensitive) are returned, at most `limit`, sorted by name. `/content/dam/` (or
/// nothing) lists the DAM root's subfolders; a path without `/content/dam` is read under it.
/// A parent that does not exist gives no completion.
pub async fn complete(
    store: &dyn AssetsApi,
    typed: &str,
    limit: usize,
) -> Result<Vec<FolderEntry>> {
    let trimmed = typed.trim();
    if !trimmed.is_empty() && trimmed != "/" && DAM_ROOT.starts_with(trimmed) && trimmed != DAM_ROOT
    {
        // Part of the root itself, e.g. "/content/da".
        return Ok(vec![FolderEntry {
            path: DAM_ROOT.to_owned(),
            name: "dam".to_owned(),
        }]);
    }
    let (parent, prefix) = if trimmed.is_empty() || trimmed == "/" {
        (DAM_ROOT.to_owned(), String::new())
    } else if trimmed.ends_with('/') || normalize_folder(trimmed)? == DAM_ROOT {
        (normalize_folder(trimmed)?, String::new())
    } else {
        let full = normalize_folder(trimmed)?;
        let (parent, last) = full.rsplit_once('/').unwrap_or((DAM_ROOT, ""));
        (parent.to_owned(), last.to_lowercase())
    };
    let mut found = Vec::new();
    let mut offset = 0u64;
    for _ in 0..COMPLETE_MAX_PAGES {
        let page = match store.list(&parent, offset, COMPLETE_PAGE).await {
            Ok(page) => page,
            Err(CallError::NotFound) => return Ok(Vec::new()),
            Err(e) => return Err(list_failed(&parent, e, store.family(), None)),
        };
        found.extend(
            page.entries
                .into_iter()
                .filter(|e| e.kind == EntryKind::Folder)
                .filter(|e| e.name.to_lowercase().starts_with(&prefix))
                .map(|e| FolderEntry {
                    path: e.path,
                    name: e.name,
                }),
        );
        if found.len() >= limit {
            break;
        }
        match page.next_offset {
            Some(next) => offset = next,
            None => break,
        }
    }
    found.sort_by_cached_key(|e| e.name.to_lowercase());
    found.truncate(limit);
    Ok(found)
}
