//! Checking a list scope before a run: how many assets it names, and each entry that names
//! none, with why. Looked up as a run's preview looks it up (the one source, `source.rs`: the
//! OpenAPI search of an OAuth Server-to-Server connection first, else QueryBuilder), each
//! request retried as a glance.
//!
//! Not here: resolving the entries (`searching.rs`), the run's own lookups (`engine`).

use crate::run_control::RunControl;
use crate::scope::RunScope;
use crate::scope_walk::{Glance, Pages};
use crate::searching::ListCheck;
use crate::source::{Reach, Source, Step};
use metadesk_assets::AssetsApi;
use metadesk_clients::error::Result;

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
