//! Checking a list scope before a run: how many assets it names, and each entry that names
//! none, with why. Looked up as a run's preview looks it up (`scope_walk::resolve_listed`, or
//! `open_walk::resolve_listed_open` for an OAuth Server-to-Server connection), each request
//! retried as a glance.
//!
//! Not here: resolving the entries (`searching.rs`), the run's own lookups (`engine`).

use crate::found_by::FoundBy;
use crate::open_walk::{OpenList, resolve_listed_open};
use crate::run_control::RunControl;
use crate::scope::hit_properties;
use crate::scope_walk::{Glance, resolve_listed};
use crate::searching::{ListCheck, confirm_unfound};
use metadesk_assets::AssetsApi;
use metadesk_assets::search::search_failed;
use metadesk_clients::error::Result;

/// Checks a list against AEM's QueryBuilder; `None` once cancelled.
pub async fn check_list(
    aem: &dyn AssetsApi,
    entries: &[String],
    control: &RunControl,
) -> Result<Option<ListCheck>> {
    let hits = hit_properties(std::iter::empty());
    let asker = Glance { aem, control };
    let Some(mut resolved) = resolve_listed(&asker, entries, &hits)
        .await
        .map_err(search_failed)?
    else {
        return Ok(None);
    };
    confirm_unfound(&mut resolved, |path| async move {
        aem.node_json(&path, "1").await
    })
    .await;
    Ok(Some(ListCheck {
        found_by: FoundBy::QueryBuilder { connection: None },
        assets: resolved.assets.len() as u64,
        problems: resolved.problems,
    }))
}

/// What checking a list through the OpenAPI search gave.
#[derive(Debug)]
pub enum OpenListCheck {
    Checked(ListCheck),
    Cancelled,
    /// AEM does not offer the search and a paired connection can check the list instead.
    UseClassic,
}

/// Checks a list through AEM's OpenAPI search (an OAuth Server-to-Server connection's own
/// token). `paired`: a classic connection may check it when AEM does not offer the search.
pub async fn check_list_open(
    aem: &dyn AssetsApi,
    entries: &[String],
    paired: bool,
    connection: &str,
    control: &RunControl,
) -> Result<OpenListCheck> {
    let asker = Glance { aem, control };
    Ok(
        match resolve_listed_open(&asker, entries, paired, connection).await? {
            OpenList::Resolved(resolved, _) => OpenListCheck::Checked(ListCheck {
                found_by: FoundBy::OpenapiSearch,
                assets: resolved.assets.len() as u64,
                problems: resolved.problems,
            }),
            OpenList::Cancelled => OpenListCheck::Cancelled,
            OpenList::UseClassic => OpenListCheck::UseClassic,
        },
    )
}
