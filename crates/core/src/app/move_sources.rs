//! A move's sources as the repository holds them, for its preview (`moves.rs`): the node of
//! each, two levels down (its `jcr:uuid`, its metadata, whether it is on the website), the
//! sources of one folder in one render of it three levels down; a folder Sling will not render
//! that deep (`json.maximumresults`) has its sources read one by one, and a folder moved that is
//! too large for two levels is read one level down (a folder has no metadata to code).
//!
//! Not here: what is planned from them (`moves.rs`), the check just before a move
//! (`bulk::engine::moving`).

use std::collections::BTreeMap;

use serde_json::Value;

use metadesk_assets::CallError;
use metadesk_base::i18n::Text;
use metadesk_bulk::at_most::at_most;
use metadesk_bulk::engine::Reads;
use metadesk_bulk::moves::{leaf, parent};
use metadesk_clients::error::{Error, ErrorCode, Result};

/// Reads of the repository a preview sends at once (through the gate, which may hold fewer).
pub(super) const READS_AT_ONCE: usize = 16;

/// One source as the repository holds it.
pub(super) struct Source {
    pub(super) from: String,
    pub(super) to: String,
    pub(super) node: Option<Value>,
}

/// Each source's node as the repository holds it now (`None`: nothing there). Sources that
/// share a folder are read together: one render of the folder three levels down holds each
/// of its assets as the asset's own two-level read does (Sling renders the same nodes to the
/// same depth, from the repository, not the search index); a folder Sling will not render that
/// deep, and a source alone in its folder, are read one by one.
pub(super) async fn read_all(reads: &Reads, pairs: Vec<(String, String)>) -> Result<Vec<Source>> {
    let mut by_folder: BTreeMap<String, Vec<(usize, String, String)>> = BTreeMap::new();
    for (n, (from, to)) in pairs.into_iter().enumerate() {
        by_folder
            .entry(parent(&from).to_owned())
            .or_default()
            .push((n, from, to));
    }
    let reads_each = by_folder
        .into_iter()
        .map(|(folder, group)| sources_in(reads, folder, group))
        .collect();
    let mut read = Vec::new();
    for group in at_most(reads_each, READS_AT_ONCE).await {
        read.extend(group?);
    }
    read.sort_by_key(|(n, _)| *n);
    Ok(read.into_iter().map(|(_, s)| s).collect())
}

/// The sources of `group`, all in `folder`, each with its place in the sheet.
async fn sources_in(
    reads: &Reads,
    folder: String,
    group: Vec<(usize, String, String)>,
) -> Result<Vec<(usize, Source)>> {
    let children = match group.len() {
        1 => None,
        _ => folder_render(reads, &folder).await?,
    };
    if let Some(children) = children {
        return Ok(group
            .into_iter()
            .map(|(n, from, to)| {
                let node = children.get(leaf(&from)).filter(|c| c.is_object()).cloned();
                (n, Source { from, to, node })
            })
            .collect());
    }
    let each = group
        .into_iter()
        .map(|(n, from, to)| source(reads, (n, from), to))
        .collect();
    at_most(each, READS_AT_ONCE).await.into_iter().collect()
}

/// `folder` rendered three levels down (an empty node when it is gone: none of its sources is
/// there); `None` when Sling refuses a render that deep (past `json.maximumresults`), or the
/// read failed in a way its sources' own reads will say better.
async fn folder_render(reads: &Reads, folder: &str) -> Result<Option<Value>> {
    match render(reads, folder, "3").await {
        Ok(Render::Node(node)) => Ok(Some(
            node.unwrap_or_else(|| Value::Object(Default::default())),
        )),
        Ok(Render::TooLarge(_)) => Ok(None),
        Err(e) if e.message_id() == Some("error-move-read") => {
            tracing::info!(folder, error = %e, "a folder was not read whole; its sources are read one by one");
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

async fn source(reads: &Reads, from: (usize, String), to: String) -> Result<(usize, Source)> {
    let (n, from) = from;
    // Two levels: the metadata, whose code tells the undo of a change since. A folder too
    // large for that (Sling's `json.maximumresults`) is read one level down, which always
    // renders: a folder has no metadata to code.
    let node = match render(reads, &from, "2").await? {
        Render::Node(node) => node,
        Render::TooLarge(_) => node_at(reads, &from, "1").await?,
    };
    Ok((n, Source { from, to, node }))
}

/// What a read of a node answered.
enum Render {
    /// The node (`None`: nothing there).
    Node(Option<Value>),
    /// Sling refused to render it that deep: it holds more than `json.maximumresults`.
    TooLarge(CallError),
}

/// The node at `path` through the gate: `None` when nothing is there.
pub(super) async fn node_at(reads: &Reads, path: &str, depth: &str) -> Result<Option<Value>> {
    match render(reads, path, depth).await? {
        Render::Node(node) => Ok(node),
        Render::TooLarge(e) => Err(unread(path, &e)),
    }
}

/// The node at `path` read `depth` levels down through the gate.
async fn render(reads: &Reads, path: &str, depth: &str) -> Result<Render> {
    let aem = reads.aem();
    match reads.call(|| aem.node_json(path, depth)).await {
        Ok(Some(node)) => Ok(Render::Node(Some(node))),
        Ok(None) => Err(Error::message(
            ErrorCode::InvalidInput,
            "error-move-cancelled",
            vec![],
        )),
        Err(CallError::NotFound) => Ok(Render::Node(None)),
        Err(e @ CallError::Rejected { status: 300, .. }) => Ok(Render::TooLarge(e)),
        Err(CallError::Auth(e) | CallError::Unreachable(e) | CallError::Aem(e)) => {
            Err(Error::Aem(e))
        }
        Err(e) => Err(unread(path, &e)),
    }
}

/// A read of `path` that failed, in words.
fn unread(path: &str, e: &CallError) -> Error {
    Error::worded(
        ErrorCode::Remote,
        Text::new(
            "error-move-read",
            vec![("path", path.into()), ("detail", e.text().into())],
        ),
    )
}
