//! Counting what a bulk edit would touch before anything else happens: the folder (and its
//! subfolders when asked) is listed to the end, and the assets that pass the name and format
//! filters are counted. Nothing is read per asset and nothing is journaled.
//!
//! Not here: the preview itself (engine.rs), which lists again and reads current values.

use serde::Serialize;
use ts_rs::TS;

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
    /// False while the listing is still going: the numbers can only grow.
    pub done: bool,
}
