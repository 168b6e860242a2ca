//! The folder browser's view of the DAM: one page of a folder's subfolders (with how many
//! assets the page held), the first assets of a folder for its thumbnail strip, and completion
//! of a typed folder path.
//!
//! Not here: walking a folder for a run or a count (`folders`).

use serde::Serialize;
use ts_rs::TS;

use crate::folders::{list_failed, normalize_folder};
use crate::{AssetsApi, CallError, DAM_ROOT, Entry, EntryKind, PartialListing};
use metadesk_clients::error::{Error, ErrorCode, MessageArg, Result};

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
    /// Assets (and content fragments) on this page; 0 when browsing with the Folders API,
    /// which lists folders only.
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
    aem: &dyn AssetsApi,
    folder: &str,
    offset: u64,
    limit: u64,
) -> Result<FolderPage> {
    let folder = normalize_folder(folder)?;
    if let Some(subfolders) = aem
        .subfolders(&folder)
        .await
        .map_err(|e| subfolders_failed(&folder, e))?
    {
        // The Folders API lists folders only, all of them at once: one page, no assets counted.
        let total = subfolders.len() as u64;
        return Ok(FolderPage {
            folder,
            folders: subfolders
                .into_iter()
                .skip(usize::try_from(offset).unwrap_or(usize::MAX))
                .map(|e| FolderEntry {
                    path: e.path,
                    name: e.name,
                })
                .collect(),
            assets: 0,
            total: Some(total),
            next_offset: None,
        });
    }
    let page = aem
        .list(&folder, offset, limit.max(1))
        .await
        .map_err(|e| list_failed(&folder, e, aem.family(), None))?;
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

/// An asset of a folder, as the folder's thumbnail strip shows it. Its thumbnail is asked for
/// by path through the window's `thumb:` protocol, never by an AEM address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FolderAsset {
    /// Full repository path (`/content/dam/…`): what the thumbnail is asked for by.
    pub path: String,
    pub name: String,
    /// The title the listing gives (`dc:title`, which AEM maps from `jcr:title`); null when it
    /// gives none.
    pub title: Option<String>,
    /// Whether AEM may have a thumbnail of it: false for content fragments, of which AEM makes
    /// none (the strip shows the placeholder without asking).
    pub thumbnail: bool,
}

/// The first assets of a folder, and how many more the listing showed or may hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FolderAssets {
    pub folder: String,
    /// In the listing's order, at most the number asked for.
    pub assets: Vec<FolderAsset>,
    /// Assets the pages read held beyond those in `assets`.
    #[ts(type = "number")]
    pub more: u64,
    /// Whether the folder was listed to its end. When false, `more` is a lower bound: the
    /// folder may hold more assets than were read ("at least").
    pub complete: bool,
}

/// Children asked for per request by [`folder_assets`].
const ASSETS_PAGE: u64 = 100;
/// Pages [`folder_assets`] reads at most, to get past a folder's subfolders to its assets.
const ASSETS_MAX_PAGES: usize = 3;

/// The first `want` assets of `folder` (its own, not its subfolders'), from the first pages of
/// its listing: never more than the listing gave, and `complete` only when the listing was
/// read to its end. The first page failing is an error in words; a later one ends the reading
/// (what was read is shown, and `complete` stays false). Needs [`AssetsApi::list`]: an
/// OAuth S2S connection without a classic one to list with is refused before this is called.
pub async fn folder_assets(aem: &dyn AssetsApi, folder: &str, want: usize) -> Result<FolderAssets> {
    let folder = normalize_folder(folder)?;
    let mut assets = Vec::new();
    let mut seen = 0u64;
    let mut complete = false;
    let mut offset = 0u64;
    for read in 0..ASSETS_MAX_PAGES {
        let page = match aem.list(&folder, offset, ASSETS_PAGE).await {
            Ok(page) => page,
            Err(e) if read == 0 => return Err(list_failed(&folder, e, aem.family(), None)),
            Err(e) => {
                tracing::warn!(%folder, error = %e, "a later page of a folder's assets could not be listed");
                break;
            }
        };
        for entry in page.entries {
            if entry.kind == EntryKind::Folder {
                continue;
            }
            seen += 1;
            if assets.len() < want {
                assets.push(FolderAsset {
                    title: listed_title(&entry),
                    thumbnail: entry.kind == EntryKind::Asset,
                    path: entry.path,
                    name: entry.name,
                });
            }
        }
        match page.next_offset {
            None => {
                complete = true;
                break;
            }
            Some(next) => offset = next,
        }
        if assets.len() >= want {
            break;
        }
    }
    Ok(FolderAssets {
        folder,
        more: seen - assets.len() as u64,
        assets,
        complete,
    })
}

/// A folder's first assets from the first page of AEM's OpenAPI search for its own assets
/// (an OAuth S2S connection with no classic connection to list the folder): `more` from AEM's
/// total when it gave one, and `complete` only when no page follows and the total was exact.
/// A hit outside the folder (an AEM that ignored the folder) is an error, never shown.
pub fn searched_folder_assets(
    folder: &str,
    page: super::open_search::OpenPage,
    want: usize,
) -> Result<FolderAssets> {
    let folder = normalize_folder(folder)?;
    let found = page.hits.len() as u64;
    let mut assets = Vec::new();
    for hit in page.hits {
        if hit.path.rsplit_once('/').map(|(parent, _)| parent) != Some(folder.as_str()) {
            return Err(Error::message(
                metadesk_clients::error::ErrorCode::InvalidInput,
                "open-search-outside",
                vec![("path", hit.path.into()), ("folder", folder.into())],
            ));
        }
        if assets.len() < want {
            let entry = Entry {
                name: hit.path.rsplit('/').next().unwrap_or_default().to_owned(),
                path: hit.path,
                kind: EntryKind::Asset,
                metadata: hit.metadata,
            };
            assets.push(FolderAsset {
                title: listed_title(&entry),
                thumbnail: true,
                path: entry.path,
                name: entry.name,
            });
        }
    }
    let complete = page.cursor.is_none() && !page.at_least;
    let total = page.total.unwrap_or(found).max(found);
    Ok(FolderAssets {
        folder,
        more: total - assets.len() as u64,
        assets,
        complete,
    })
}

/// `dc:title` as a listing entry gives it: a string, or the first of several.
fn listed_title(entry: &Entry) -> Option<String> {
    let value = entry.metadata.as_ref()?.get("dc:title")?;
    let text = match value {
        serde_json::Value::String(s) => s.as_str(),
        serde_json::Value::Array(items) => items.iter().find_map(serde_json::Value::as_str)?,
        _ => return None,
    };
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// Subfolders completing what the user typed: the typed path's parent is listed (following
/// its pages, bounded) and its subfolders whose name starts with the last typed segment
/// (case-insensitive) are returned, at most `limit`, sorted by name. `/content/dam/` (or
/// nothing) lists the DAM root's subfolders; a path without `/content/dam` is read under it.
/// A parent that does not exist gives no completion.
pub async fn complete(aem: &dyn AssetsApi, typed: &str, limit: usize) -> Result<Vec<FolderEntry>> {
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
    let matches =
        |e: &Entry| e.kind == EntryKind::Folder && e.name.to_lowercase().starts_with(&prefix);
    match aem.subfolders(&parent).await {
        Ok(Some(subfolders)) => {
            found.extend(subfolders.into_iter().filter(matches).map(|e| FolderEntry {
                path: e.path,
                name: e.name,
            }));
            found.sort_by_cached_key(|e| e.name.to_lowercase());
            found.truncate(limit);
            return Ok(found);
        }
        Ok(None) => {}
        Err(PartialListing {
            read: 0,
            error: CallError::NotFound,
        }) => return Ok(Vec::new()),
        Err(e) => return Err(subfolders_failed(&parent, e)),
    }
    let mut offset = 0u64;
    for _ in 0..COMPLETE_MAX_PAGES {
        let page = match aem.list(&parent, offset, COMPLETE_PAGE).await {
            Ok(page) => page,
            Err(CallError::NotFound) => return Ok(Vec::new()),
            Err(e) => return Err(list_failed(&parent, e, aem.family(), None)),
        };
        found.extend(
            page.entries
                .into_iter()
                .filter(matches)
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

/// A Folders API listing that failed or stopped early, in words: a partial listing is never
/// shown as the folder's subfolders.
fn subfolders_failed(folder: &str, failed: PartialListing) -> Error {
    let PartialListing { read, error } = failed;
    if read > 0 {
        return Error::message(
            ErrorCode::InvalidInput,
            "error-subfolders-partial",
            vec![
                ("folder", folder.into()),
                ("read", MessageArg::Number(read as f64)),
                ("detail", error.to_string().into()),
            ],
        );
    }
    match error {
        CallError::NotFound => crate::folders::no_such_folder(folder),
        CallError::Forbidden(detail) => Error::message(
            ErrorCode::Auth,
            "error-subfolders-forbidden",
            vec![("folder", folder.into()), ("detail", detail.into())],
        ),
        other => crate::folders::list_failed(
            folder,
            other,
            metadesk_credentials::credentials::ApiFamily::OpenApi,
            None,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::open_search::{OpenHit, OpenPage};

    fn hit(path: &str, title: Option<&str>) -> OpenHit {
        OpenHit {
            id: None,
            path: path.into(),
            metadata: title.map(|t| {
                let mut m = serde_json::Map::new();
                m.insert("dc:title".into(), serde_json::json!([t]));
                m
            }),
        }
    }

    #[test]
    fn a_searched_folder_shows_its_first_hits_and_says_how_many_more() {
        let page = OpenPage {
            hits: vec![
                hit("/content/dam/a/x.jpg", Some(" X ")),
                hit("/content/dam/a/y.png", None),
            ],
            cursor: Some("c".into()),
            total: Some(7),
            at_least: false,
        };
        let got = searched_folder_assets("/content/dam/a/", page.clone(), 1).unwrap();
        assert_eq!(got.folder, "/content/dam/a");
        assert_eq!(got.assets.len(), 1);
        assert_eq!(
            (got.assets[0].name.as_str(), got.assets[0].title.as_deref()),
            ("x.jpg", Some("X"))
        );
        assert_eq!(got.more, 6);
        assert!(!got.complete, "a cursor follows");
        // The last page with an exact total is the whole folder.
        let last = OpenPage {
            cursor: None,
            total: Some(2),
            ..page.clone()
        };
        let got = searched_folder_assets("/content/dam/a", last, 48).unwrap();
        assert!(got.complete && got.more == 0 && got.assets.len() == 2);
        // A lower bound is never the whole; no total counts what came.
        let bound = OpenPage {
            cursor: None,
            total: None,
            at_least: true,
            ..page.clone()
        };
        let got = searched_folder_assets("/content/dam/a", bound, 1).unwrap();
        assert!(!got.complete && got.more == 1);
    }

    #[test]
    fn a_hit_outside_the_folder_is_an_error_never_shown() {
        for stray in ["/content/dam/a/sub/z.jpg", "/content/dam/ab/z.jpg"] {
            let page = OpenPage {
                hits: vec![hit("/content/dam/a/x.jpg", None), hit(stray, None)],
                cursor: None,
                total: Some(2),
                at_least: false,
            };
            let e = searched_folder_assets("/content/dam/a", page, 48).unwrap_err();
            assert!(e.to_string().contains(stray), "{e}");
        }
        let e = searched_folder_assets(
            "/content/site",
            OpenPage {
                hits: vec![],
                cursor: None,
                total: None,
                at_least: false,
            },
            48,
        )
        .unwrap_err();
        assert_eq!(e.code(), metadesk_clients::error::ErrorCode::InvalidInput);
    }
}
