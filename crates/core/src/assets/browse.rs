//! The folder browser's view of the DAM: one page of a folder's subfolders (with how many
//! assets the page held), and completion of a typed folder path.
//!
//! Not here: listing for a run (the engine walks folders itself) or counting a run's scope
//! (`bulk::scope`).

use serde::Serialize;
use ts_rs::TS;

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
