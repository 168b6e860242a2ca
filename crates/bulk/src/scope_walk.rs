//! The one lister of a folder or search scope's assets, for everything that needs them: a run's
//! preview (an edit's or a publish's), a sample, a folder count, a sheet export. A folder's
//! assets come from the repository's listings, exact, page by page (`FolderWalk`); a search's
//! from AEM's index, every page followed (`SearchWalk`): what the index held when it was asked,
//! so a search says values, never which assets a folder holds.
//!
//! On every path a partial read is never taken for the whole: a listing of the scope's folder
//! that fails, a refusal of the credentials, an unreachable host, a search page that fails,
//! each ends the walk with an error, never with a shorter list; a subfolder that could not be
//! listed is a step of its own ([`WalkStep::Unlisted`]), which every use reports.
//!
//! Each use says how a request is sent ([`Asker`]): through a run's gate, retried as a glance
//! ([`Glance`]), or once ([`Once`], a sample's).
//!
//! A list scope's entries are resolved through the same askers ([`resolve_listed`]: exact paths
//! and ids looked up in batches, `searching::resolve_list`), by every use of a list alike.
//!
//! Not here: the OpenAPI search's pages (`open_walk.rs`, through these askers) and what it asks
//! (`open_query.rs`).

use std::future::Future;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::glance::{GLANCE, Tried, retried, worth_retrying};
use crate::run_control::RunControl;
use crate::scope::{RunScope, ScopeSource, hit_properties, search_predicates};
use crate::searching::{ResolvedList, resolve_list};
use serde_json::Value;

use metadesk_assets::folders::{FolderWalk, Listed, WalkStep};
use metadesk_assets::open_search::OpenPage;
use metadesk_assets::search::{SearchPage, SearchStep, SearchWalk, entry_of_hit, search_failed};
use metadesk_assets::{AssetsApi, CallError};
use metadesk_clients::error::Result;
use metadesk_credentials::credentials::ApiFamily;

/// How a walk's requests are sent.
pub trait Asker: Sync {
    /// One page of `folder`'s children.
    fn list(&self, folder: String, offset: u64, limit: u64) -> impl Future<Output = Listed> + Send;
    /// One search page; `None` once the run is cancelled.
    fn search(
        &self,
        params: Vec<(String, String)>,
    ) -> impl Future<Output = std::result::Result<Option<SearchPage>, CallError>> + Send;
    /// One page of AEM's OpenAPI search (`open_walk.rs`); `None` once the run is cancelled.
    fn open_search(
        &self,
        body: Value,
    ) -> impl Future<Output = std::result::Result<Option<OpenPage>, CallError>> + Send;
    /// A node's Sling JSON at level 1 (a list's path no lookup found, `searching::confirm_unfound`).
    fn node(
        &self,
        path: String,
    ) -> impl Future<Output = std::result::Result<Value, CallError>> + Send;
}

/// Requests retried as a glance (`glance.rs`): a count, a sheet export.
pub struct Glance<'a> {
    pub aem: &'a dyn AssetsApi,
    pub control: &'a RunControl,
}

impl Asker for Glance<'_> {
    async fn list(&self, folder: String, offset: u64, limit: u64) -> Listed {
        let list = || self.aem.list(&folder, offset, limit);
        match retried(self.control, &GLANCE, worth_retrying, list).await {
            Ok(Some(page)) => Listed::Page(page),
            Ok(None) => Listed::Cancelled,
            Err(Tried { error, attempts }) => Listed::Failed { error, attempts },
        }
    }

    async fn search(
        &self,
        params: Vec<(String, String)>,
    ) -> std::result::Result<Option<SearchPage>, CallError> {
        crate::searching::search_with_retries(self.aem, &params, self.control).await
    }

    async fn open_search(&self, body: Value) -> std::result::Result<Option<OpenPage>, CallError> {
        retried(self.control, &GLANCE, worth_retrying, || {
            self.aem.open_search(&body)
        })
        .await
        .map_err(|t| t.error)
    }

    async fn node(&self, path: String) -> std::result::Result<Value, CallError> {
        match retried(self.control, &GLANCE, worth_retrying, || {
            self.aem.node_json(&path, "1")
        })
        .await
        {
            Ok(Some(node)) => Ok(node),
            Ok(None) => Err(CallError::Transient("cancelled".into())),
            Err(t) => Err(t.error),
        }
    }
}

/// Requests sent once: a sample shown while a rule is typed, asked again at the next keystroke.
pub struct Once<'a>(pub &'a dyn AssetsApi);

impl Asker for Once<'_> {
    async fn list(&self, folder: String, offset: u64, limit: u64) -> Listed {
        match self.0.list(&folder, offset, limit).await {
            Ok(page) => Listed::Page(page),
            Err(error) => Listed::Failed { error, attempts: 1 },
        }
    }

    async fn search(
        &self,
        params: Vec<(String, String)>,
    ) -> std::result::Result<Option<SearchPage>, CallError> {
        self.0.search(&params).await.map(Some)
    }

    async fn open_search(&self, body: Value) -> std::result::Result<Option<OpenPage>, CallError> {
        self.0.open_search(&body).await.map(Some)
    }

    async fn node(&self, path: String) -> std::result::Result<Value, CallError> {
        self.0.node_json(&path, "1").await
    }
}

/// The assets `entries` (a list scope's) name, looked up through `asker` in batches; each hit
/// carries `hits`' properties. `None` once the run is cancelled: a list resolved in part is
/// never taken for the whole; a lookup that fails is an error.
pub async fn resolve_listed(
    asker: &impl Asker,
    entries: &[String],
    hits: &[(String, String)],
) -> std::result::Result<Option<ResolvedList>, CallError> {
    let cancelled = AtomicBool::new(false);
    let resolved = resolve_list(entries, hits, |params| {
        let cancelled = &cancelled;
        async move {
            match asker.search(params).await? {
                Some(page) => Ok(page),
                None => {
                    cancelled.store(true, Ordering::Relaxed);
                    Ok(SearchPage {
                        hits: Vec::new(),
                        total: 0,
                        more: false,
                    })
                }
            }
        }
    })
    .await?;
    Ok((!cancelled.load(Ordering::Relaxed)).then_some(resolved))
}

/// A walk through a folder scope or a search scope.
pub enum ScopeWalk {
    Folder(FolderWalk),
    Search(SearchWalk),
}

/// Page sizes of a walk.
#[derive(Debug, Clone, Copy)]
pub struct Pages {
    /// Children per listing request.
    pub listing: u64,
    /// Hits per search request.
    pub search: u64,
    /// Listings sent together.
    pub listings_at_once: usize,
}

impl ScopeWalk {
    /// The walk of `scope`: its listings, or its search (whose hits carry `properties`, the
    /// path, type and name always); `None` for a list scope. `family` and `account` give a
    /// listing's failure words their advice.
    pub fn of<'p>(
        scope: &RunScope,
        properties: impl IntoIterator<Item = &'p str>,
        pages: Pages,
        family: ApiFamily,
        account: Option<&str>,
    ) -> Option<Self> {
        let (folder, filters) = (scope.folder(), scope.filters());
        match &filters.selection {
            None => Some(ScopeWalk::Folder(FolderWalk::new(
                folder,
                filters.recursive,
                pages.listing,
                pages.listings_at_once,
                family,
                account,
            ))),
            Some(ScopeSource::Search {
                conditions,
                combine,
            }) => {
                let mut predicates =
                    search_predicates(folder, filters.recursive, conditions, *combine);
                predicates.extend(hit_properties(properties));
                Some(ScopeWalk::Search(SearchWalk::new(predicates, pages.search)))
            }
            Some(ScopeSource::List { .. }) => None,
        }
    }

    /// Whether the assets come from AEM's index (a search), not from the repository.
    pub fn searches(&self) -> bool {
        matches!(self, ScopeWalk::Search(_))
    }

    /// The next page of the scope: a listing page's children (subfolders, content fragments
    /// and assets), or a search page's hits (assets and content fragments, with the values the
    /// hits carry) as [`WalkStep::Page`]. A failure that leaves the scope unknown is an error: the
    /// scope's own folder not listed, refused credentials, an unreachable host, a search page.
    pub async fn next(&mut self, asker: &impl Asker) -> Result<WalkStep> {
        match self {
            ScopeWalk::Folder(walk) => {
                walk.next(|folder, offset, limit| asker.list(folder, offset, limit))
                    .await
            }
            ScopeWalk::Search(walk) => loop {
                if walk.is_done() {
                    return Ok(WalkStep::Done);
                }
                let Some(page) = asker.search(walk.request()).await.map_err(search_failed)? else {
                    return Ok(WalkStep::Cancelled);
                };
                if let SearchStep::Hits(hits) = walk.take(page) {
                    return Ok(WalkStep::Page(
                        hits.iter().filter_map(entry_of_hit).collect(),
                    ));
                }
            },
        }
    }
}
