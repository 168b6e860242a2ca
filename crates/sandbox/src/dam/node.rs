//! How the tree names a node: a folder or an asset, by its index in the DAM's lists.

/// A node of the tree: a folder or an asset, by index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Node {
    Folder(u32),
    Asset(u32),
}
