//! The one pager of AEM's OpenAPI search (an OAuth Server-to-Server connection's), for
//! everything that asks it: a count, a run's preview of a search or a folder, a list's lookups
//! (a run's, a list check's, a sample's), a sample's first page. Its requests go through the one
//! lister's askers (`scope_walk::Asker`: a run's gate, retried as a glance, or once);
//! `OpenSearchWalk` hands out each asset once while AEM's results move.
//!
//! A page that fails after others were read leaves the scope cut short: an error, never a
//! shorter list. A failure before any page answered is the search's own (not offered, refused),
//! which callers word, or answer with the paired classic connection.
//!
//! Not here: what is asked (`open_query.rs`), the folder listings and QueryBuilder pages
//! (`scope_walk.rs`).

use std::collections::HashMap;

use serde_json::Value;

use crate::open_query::{Inexpressible, cut_short, failed, folder_items, needs_paired};
use crate::run_control::RunControl;
use crate::scope_walk::{Asker, Glance};
use crate::searching::{ResolvedList, resolve_list_open};
use metadesk_assets::open_search::{
    OPEN_PAGE, OpenHit, OpenPage, OpenSearchWalk, request_body, unavailable,
};
use metadesk_assets::{AssetsApi, CallError};
use metadesk_clients::error::Result;

/// The pages of one OpenAPI search.
pub struct OpenWalk {
    walk: OpenSearchWalk,
    answered: bool,
}

/// A step of an [`OpenWalk`].
pub enum OpenStep {
    /// Hits not handed out before (a page may hand out none).
    Hits(Vec<OpenHit>),
    Done,
    Cancelled,
}

impl OpenWalk {
    pub fn new(items: Vec<Value>, page_size: u64) -> Self {
        OpenWalk {
            walk: OpenSearchWalk::new(items, page_size),
            answered: false,
        }
    }

    /// Hits handed out so far.
    pub fn read(&self) -> usize {
        self.walk.read
    }

    /// Whether AEM answered a page of this walk: a failure before that is the search's own (not
    /// offered, refused), after it the scope is cut short.
    pub fn answered(&self) -> bool {
        self.answered
    }

    /// The next page's new hits, asked through `asker`.
    pub async fn next(&mut self, asker: &impl Asker) -> std::result::Result<OpenStep, CallError> {
        if self.walk.is_done() {
            return Ok(OpenStep::Done);
        }
        let Some(page) = asker.open_search(self.walk.request()).await? else {
            return Ok(OpenStep::Cancelled);
        };
        self.answered = true;
        self.walk.take(page).map(OpenStep::Hits)
    }
}

/// Every hit of one lookup (exact paths or ids), every page followed; `None` once cancelled. A
/// failure comes with the hits read before it.
async fn lookup(
    asker: &impl Asker,
    items: Vec<Value>,
) -> std::result::Result<Option<Vec<OpenHit>>, (usize, CallError)> {
    let mut walk = OpenWalk::new(items, OPEN_PAGE);
    let mut hits = Vec::new();
    loop {
        match walk.next(asker).await {
            Ok(OpenStep::Hits(page)) => hits.extend(page),
            Ok(OpenStep::Done) => return Ok(Some(hits)),
            Ok(OpenStep::Cancelled) => return Ok(None),
            Err(e) => return Err((walk.read(), e)),
        }
    }
}

/// What resolving a list through the OpenAPI search gave.
#[derive(Debug)]
pub enum OpenList {
    /// The list's assets, and the asset id of each found, by path.
    Resolved(ResolvedList, HashMap<String, String>),
    Cancelled,
    /// AEM does not offer the search and a paired connection can look the list up instead.
    UseClassic,
}

/// Resolves a list's `entries` through AEM's OpenAPI search, its lookups sent through `asker`.
/// `paired`: a classic connection may look them up when AEM does not offer the search. A lookup
/// cut short is an error, never a shorter list.
pub async fn resolve_listed_open(
    asker: &impl Asker,
    entries: &[String],
    paired: bool,
    connection: &str,
) -> Result<OpenList> {
    use std::sync::atomic::{AtomicBool, Ordering};
    let (cancelled, fallback) = (AtomicBool::new(false), AtomicBool::new(false));
    let result = resolve_list_open(entries, |items| {
        let (cancelled, fallback) = (&cancelled, &fallback);
        async move {
            match lookup(asker, items).await {
                Ok(Some(hits)) => Ok(hits),
                Ok(None) => {
                    cancelled.store(true, Ordering::Relaxed);
                    Ok(Vec::new())
                }
                Err((0, e)) if paired && unavailable(&e) => {
                    fallback.store(true, Ordering::Relaxed);
                    Err(failed(e, connection))
                }
                Err((0, e)) => Err(failed(e, connection)),
                Err((read, e)) => Err(cut_short(read, e)),
            }
        }
    })
    .await;
    if fallback.load(Ordering::Relaxed) {
        tracing::info!(
            "AEM does not offer the OpenAPI search: the paired connection looks the list up"
        );
        return Ok(OpenList::UseClassic);
    }
    let (resolved, ids) = result?;
    if cancelled.load(Ordering::Relaxed) {
        return Ok(OpenList::Cancelled);
    }
    Ok(OpenList::Resolved(resolved, ids))
}

/// Counts a folder's assets with one request of the OpenAPI search (an OAuth S2S connection
/// with no classic connection to list them). An AEM that does not offer the search gets the
/// refusal of [`needs_paired`] (`label`, `stored`).
pub async fn count_folder(
    aem: &dyn AssetsApi,
    folder: &str,
    recursive: bool,
    (label, stored): (&str, bool),
    control: &RunControl,
) -> Result<OpenCount> {
    let body = request_body(&folder_items(folder, recursive), 1, None);
    match (Glance { aem, control }).open_search(body).await {
        Ok(None) => Ok(OpenCount::Cancelled),
        Ok(Some(page)) => Ok(counted(&page)),
        Err(e) if unavailable(&e) => {
            tracing::info!(error = %e, "AEM does not answer the OpenAPI search");
            Err(needs_paired(label, stored))
        }
        Err(e) => Err(failed(e, label)),
    }
}

/// What an OpenAPI count found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenCount {
    /// Matching assets as AEM counted them; `at_least` when AEM gave only a lower bound.
    Counted {
        assets: u64,
        at_least: bool,
    },
    /// The paired connection should search instead (and why, for the log).
    UseClassic(String),
    Cancelled,
}

/// Counts a search scope with one request of the OpenAPI search. `paired`: a classic connection
/// may search instead; without one, what cannot be done is an error in words.
pub async fn count(
    aem: &dyn AssetsApi,
    items: std::result::Result<Vec<Value>, Inexpressible>,
    paired: bool,
    connection: &str,
    control: &RunControl,
) -> Result<OpenCount> {
    let items = match items {
        Ok(items) => items,
        Err(why) if paired => return Ok(OpenCount::UseClassic(why.condition.to_string())),
        Err(why) => return Err(why.refusal(connection)),
    };
    match (Glance { aem, control })
        .open_search(request_body(&items, 1, None))
        .await
    {
        Ok(None) => Ok(OpenCount::Cancelled),
        Ok(Some(page)) => Ok(counted(&page)),
        Err(e) if paired && unavailable(&e) => Ok(OpenCount::UseClassic(e.to_string())),
        Err(e) => Err(failed(e, connection)),
    }
}

/// What a first page of one hit says of the whole search's size.
fn counted(page: &OpenPage) -> OpenCount {
    let assets = page.total.unwrap_or(page.hits.len() as u64);
    // A page with no total but a cursor says only "at least this page".
    let at_least = page.at_least || (page.total.is_none() && page.cursor.is_some());
    OpenCount::Counted { assets, at_least }
}
