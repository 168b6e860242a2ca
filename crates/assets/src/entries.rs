//! What a folder listing hands out: its entries (assets, content fragments, subfolders) and
//! its pages. Not here: listing itself (`classic_listing.rs`, `folders.rs`, `browse.rs`).

use serde_json::{Map, Value};

/// What a folder listing entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    Asset,
    /// Content fragments are assets in the listing but are never edited.
    ContentFragment,
    Folder,
}

/// One child of a folder.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Full repository path (`/content/dam/…`).
    pub path: String,
    pub name: String,
    pub kind: EntryKind,
    /// The metadata the listing carries, when it carries any: a subset, in which a property
    /// may be missing even though the asset has it (see [`crate::AssetsApi::listing_carries`]).
    pub metadata: Option<Map<String, Value>>,
}

impl Entry {
    /// `dc:format` as the listing gives it, when it does.
    pub fn listed_format(&self) -> Option<&str> {
        self.metadata
            .as_ref()
            .and_then(|m| m.get("dc:format"))
            .and_then(Value::as_str)
    }
}

/// One page of a folder listing.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub entries: Vec<Entry>,
    /// All children of the folder, when the server says.
    pub total: Option<u64>,
    /// Where the next page starts; `None` on the last page.
    pub next_offset: Option<u64>,
}
