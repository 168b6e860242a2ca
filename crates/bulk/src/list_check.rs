//! Checking a list or a search scope before a run: how many assets a list names, and each entry
//! that names none, with why, looked up as a run's preview looks it up (the one source,
//! `source.rs`); how many assets a search selects, with one request of the search the source
//! would page (the OpenAPI search of an OAuth Server-to-Server connection first, else
//! QueryBuilder). Each request is retried as a glance.
//!
//! Not here: resolving the entries (`searching.rs`), the run's own lookups (`engine`), a
//! folder's count (`scope_count.rs`).

use crate::found_by::FoundBy;
use crate::open_query::query_items;
use crate::open_walk::{OpenCount, count};
use crate::run_control::RunControl;
use crate::scope::LARGE_SCOPE;
use crate::scope::RunScope;
use crate::scope_walk::{Glance, Pages};
use crate::searching::{ListCheck, SearchCount, conditions_of, count_search};
use crate::source::{Reach, Source, Step};
use metadesk_assets::AssetsApi;
use metadesk_clients::error::Result;
use metadesk_credentials::credentials::ApiFamily;

/// Checks the list of `scope` through what `reach` reaches; `None` once cancelled. Its
/// `found_by` names the search that looked it up (not yet through a paired connection).
pub async fn check_list(
    aem: &dyn AssetsApi,
    scope: &RunScope,
    reach: &Reach<'_>,
    control: &RunControl,
) -> Result<Option<ListCheck>> {
    let pages = Pages {
        listing: 1,
        search: 1,
        listings_at_once: 1,
    };
    let mut source = Source::of(scope, [], pages, reach)?;
    let asker = Glance { aem, control };
    let (mut assets, mut problems) = (0, Vec::new());
    loop {
        match source.next(&asker).await? {
            Step::Page(found) => assets += found.len() as u64,
            Step::Problems(more) => problems.extend(more),
            Step::Unlisted { .. } => {}
            Step::Done => break,
            Step::Cancelled => return Ok(None),
        }
    }
    Ok(Some(ListCheck {
        found_by: source.found_by(),
        assets,
        problems,
    }))
}

/// Counts what the search of `scope` selects with one request, by the search its rows would
/// come from: an OAuth S2S connection's OpenAPI search, else (or when that cannot) QueryBuilder.
/// `None` once cancelled. Its `found_by` does not name a paired connection yet.
pub async fn check_search(
    aem: &dyn AssetsApi,
    scope: &RunScope,
    reach: &Reach<'_>,
    control: &RunControl,
) -> Result<Option<SearchCount>> {
    let (folder, filters) = (scope.folder(), scope.filters());
    let (conditions, combine) = conditions_of(scope)?;
    if reach.family == ApiFamily::OpenApi {
        let items = query_items(folder, filters.recursive, conditions, combine);
        match count(aem, items, reach.query_builder, reach.connection, control).await? {
            OpenCount::Counted { assets, at_least } => {
                return Ok(Some(SearchCount {
                    found_by: FoundBy::OpenapiSearch,
                    assets,
                    at_least,
                    large: assets >= LARGE_SCOPE,
                }));
            }
            OpenCount::Cancelled => return Ok(None),
            OpenCount::UseClassic(why) => {
                tracing::info!(%why, "counted with QueryBuilder through the paired connection");
            }
        }
    }
    count_search(aem, scope, control).await
}
