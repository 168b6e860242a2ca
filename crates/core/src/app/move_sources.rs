//! A move's sources as the repository holds them, for its preview (`moves.rs`): the node of
//! each, two levels down (its `jcr:uuid`, its metadata, whether it is on the website), the
//! sources of one folder in one render of it three levels down; a folder Sling will not render
//! that deep (`json.maximumresults`) has its sources read one by one, and a folder moved that is
//! too large for two levels is read one level down (a folder has no metadata to code).
//!
//! Not here: what is planned from them (`moves.rs`), the check just before a move
//! (`bulk::engine::moving`).

use std::collections::{BTreeMap, BTreeSet};

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

/// The folders a preview's reads held whole: each one's children by name (`None`: the folder
/// is not there), so whether something is at a path in one, or whether a folder is there,
/// needs no read of its own. Read moments before, from the repository, as the read it saves
/// would have been.
#[derive(Debug, Default)]
pub(super) struct Listed(BTreeMap<String, Option<BTreeSet<String>>>);

impl Listed {
    /// `folder` held whole: its children's names, or `None` when it is not there.
    pub(super) fn add(&mut self, folder: String, children: Option<BTreeSet<String>>) {
        self.0.insert(folder, children);
    }

    /// The names under a node as Sling renders it (its children and its properties: a path
    /// named as either is taken).
    pub(super) fn names(node: &Value) -> BTreeSet<String> {
        node.as_object()
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_default()
    }

    /// Whether something is at `path`, when its folder was held whole, or is known not to be
    /// there (a folder that is not there holds nothing).
    pub(super) fn taken(&self, path: &str) -> Option<bool> {
        let folder = parent(path);
        if let Some(children) = self.0.get(folder) {
            return Some(children.as_ref().is_some_and(|c| c.contains(leaf(path))));
        }
        if folder.is_empty() {
            return None;
        }
        (self.there(folder) == Some(false)).then_some(false)
    }

    /// Whether something is at `folder`, when a read told: held whole itself, named in its
    /// parent's children, or the parent of a folder that is there.
    pub(super) fn there(&self, folder: &str) -> Option<bool> {
        if let Some(children) = self.0.get(folder) {
            return Some(children.is_some());
        }
        let below = format!("{folder}/");
        let holds = self
            .0
            .iter()
            .any(|(f, children)| children.is_some() && f.starts_with(&below));
        if holds {
            return Some(true);
        }
        self.taken(folder)
    }
}

/// Each source's node as the repository holds it now (`None`: nothing there), and the folders
/// held whole on the way. Sources that share a folder are read together: one render of the
/// folder three levels down holds each of its assets as the asset's own two-level read does
/// (Sling renders the same nodes to the same depth, from the repository, not the search
/// index); a folder Sling will not render that deep, and a source alone in its folder, are
/// read one by one.
pub(super) async fn read_all(
    reads: &Reads,
    pairs: Vec<(String, String)>,
) -> Result<(Vec<Source>, Listed)> {
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
    let mut listed = Listed::default();
    for group in at_most(reads_each, READS_AT_ONCE).await {
        let (group, folder) = group?;
        read.extend(group);
        if let Some((folder, children)) = folder {
            listed.add(folder, children);
        }
    }
    read.sort_by_key(|(n, _)| *n);
    Ok((read.into_iter().map(|(_, s)| s).collect(), listed))
}

/// A folder read whole: its path and its children's names (`None`: not there).
pub(super) type FolderRead = (String, Option<BTreeSet<String>>);

/// The sources of `group`, all in `folder`, each with its place in the sheet, and the folder
/// where it was rendered whole.
async fn sources_in(
    reads: &Reads,
    folder: String,
    group: Vec<(usize, String, String)>,
) -> Result<(Vec<(usize, Source)>, Option<FolderRead>)> {
    let render = match group.len() {
        1 => None,
        _ => folder_render(reads, &folder).await?,
    };
    if let Some(render) = render {
        let empty = Value::Object(Default::default());
        let children = render.as_ref().unwrap_or(&empty);
        let sources = group
            .into_iter()
            .map(|(n, from, to)| {
                let node = children.get(leaf(&from)).filter(|c| c.is_object()).cloned();
                (n, Source { from, to, node })
            })
            .collect();
        let names = render.as_ref().map(Listed::names);
        return Ok((sources, Some((folder, names))));
    }
    let each = group
        .into_iter()
        .map(|(n, from, to)| source(reads, (n, from), to))
        .collect();
    let sources: Result<Vec<_>> = at_most(each, READS_AT_ONCE).await.into_iter().collect();
    Ok((sources?, None))
}

/// `folder` rendered three levels down (`Some(None)` when it is gone: none of its sources is
/// there); `None` when Sling refuses a render that deep (past `json.maximumresults`), or the
/// read failed in a way its sources' own reads will say better.
async fn folder_render(reads: &Reads, folder: &str) -> Result<Option<Option<Value>>> {
    match render(reads, folder, "3").await {
        Ok(Render::Node(node)) => Ok(Some(node)),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Option<BTreeSet<String>> {
        Some(list.iter().map(|n| n.to_string()).collect())
    }

    #[test]
    fn a_folder_held_whole_answers_for_its_paths_and_what_is_below_one_not_there() {
        let mut listed = Listed::default();
        listed.add("/content/dam/a".into(), names(&["x.jpg", "sub"]));
        listed.add("/content/dam/gone".into(), None);
        assert_eq!(listed.taken("/content/dam/a/x.jpg"), Some(true));
        assert_eq!(listed.taken("/content/dam/a/y.jpg"), Some(false));
        // Below a folder not there: nothing, however deep.
        assert_eq!(listed.taken("/content/dam/a/new/deeper/y.jpg"), Some(false));
        assert_eq!(listed.taken("/content/dam/gone/y.jpg"), Some(false));
        // Below a folder that is there but not held whole: not known.
        assert_eq!(listed.taken("/content/dam/a/sub/y.jpg"), None);
        assert_eq!(listed.taken("/content/dam/b/y.jpg"), None);

        assert_eq!(listed.there("/content/dam/a"), Some(true));
        assert_eq!(
            listed.there("/content/dam"),
            Some(true),
            "a parent of one there"
        );
        assert_eq!(listed.there("/content/dam/a/sub"), Some(true));
        assert_eq!(listed.there("/content/dam/a/new"), Some(false));
        assert_eq!(listed.there("/content/dam/gone"), Some(false));
        assert_eq!(listed.there("/content/dam/b"), None);
    }
}
