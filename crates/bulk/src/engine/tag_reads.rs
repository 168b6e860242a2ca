//! Tags as AEM holds them now, for the checks of a tag import and of its undo: one tag's node,
//! or the tags that share a parent by one read of the parent with its children (Sling renders
//! one level of children whatever their number, so that read is never refused as too large),
//! and the grouping of rows by parent that lets one read answer them.
//!
//! Not here: what a check decides from them (`tag_importing.rs`, `tag_unimporting.rs`).

use serde_json::{Map, Value};

use metadesk_assets::tags::{TAGS_ROOT, Tag, is_live_tag, node_path, tag_in_node};
use metadesk_base::i18n::SavedText;

use crate::operation::{Reader, read_node};

/// The tag `id` as AEM holds it now (its node `depth` levels deep: `"1"` for its children
/// too); `None` when it is gone or no longer a live tag (moved or merged away).
pub(super) async fn live_tag(
    reader: &dyn Reader,
    id: &str,
    depth: &str,
) -> Result<Option<(Tag, Map<String, Value>)>, SavedText> {
    let node = read_node(reader, &node_path(id), depth).await?;
    Ok(node
        .and_then(|node| node.as_object().cloned())
        .filter(is_live_tag)
        .map(|node| (tag_in_node(id, &node), node)))
}

/// The tags `ids` (in order, the same id may come again) as AEM holds them now: by one read
/// of their parent with its children when they are several tags under one, else by a read of
/// each tag. `Err` with why a read failed.
pub(super) async fn now_tags(
    reader: &dyn Reader,
    ids: &[&str],
) -> Result<Vec<Option<Tag>>, SavedText> {
    let first_parent = ids.first().and_then(|id| parent(id));
    let one_parent = first_parent.is_some() && ids.iter().all(|id| parent(id) == first_parent);
    let several = ids.iter().any(|id| Some(id) != ids.first());
    if let (true, true, Some(parent_node)) = (one_parent, several, &first_parent) {
        let node = read_node(reader, parent_node, "1").await?;
        return Ok(ids.iter().map(|id| child_tag(node.as_ref(), id)).collect());
    }
    let mut read: Vec<(&str, Option<Tag>)> = Vec::new();
    let mut found = Vec::with_capacity(ids.len());
    for id in ids {
        let now = match read.iter().find(|(t, _)| t == id) {
            Some((_, now)) => now.clone(),
            None => {
                let now = live_tag(reader, id, "0").await?.map(|(tag, _)| tag);
                read.push((id, now.clone()));
                now
            }
        };
        found.push(now);
    }
    Ok(found)
}

/// `items` grouped for one read each: those of one class (`key`: the item's tag and class,
/// such as creations apart from values) whose tags share a parent node together, in the order
/// first seen; an item with no key, or whose parent is the taxonomy's root (a namespace),
/// alone.
pub(super) fn by_parent<T>(items: Vec<T>, key: impl Fn(&T) -> Option<(&str, u8)>) -> Vec<Vec<T>> {
    grouped(items, |item| {
        key(item).and_then(|(tag, class)| Some((parent(tag)?, class)))
    })
}

/// `items` in groups of the same key, in the order first seen; an item with no key alone.
pub(super) fn grouped<T, K: PartialEq>(
    items: Vec<T>,
    key: impl Fn(&T) -> Option<K>,
) -> Vec<Vec<T>> {
    let mut groups: Vec<(Option<K>, Vec<T>)> = Vec::new();
    for item in items {
        let k = key(&item);
        let same = match &k {
            Some(_) => groups.iter_mut().find(|(g, _)| *g == k),
            None => None,
        };
        match same {
            Some((_, group)) => group.push(item),
            None => groups.push((k, vec![item])),
        }
    }
    groups.into_iter().map(|(_, group)| group).collect()
}

/// The node path of tag `id`'s parent (a namespace's for its top tags); `None` for a
/// namespace, whose parent is the taxonomy's root.
pub(super) fn parent(id: &str) -> Option<String> {
    let path = node_path(id);
    let (parent, _) = path.rsplit_once('/')?;
    (parent.len() > TAGS_ROOT.len()).then(|| parent.to_owned())
}

/// Tag `id` as its parent's render with its children (`parent`: `None` when the parent is
/// absent) holds it; `None` when it is not there or not a live tag.
fn child_tag(parent: Option<&Value>, id: &str) -> Option<Tag> {
    let name = node_path(id).rsplit_once('/').map(|(_, n)| n.to_owned())?;
    let node = parent?.get(&name)?.as_object()?;
    is_live_tag(node).then(|| tag_in_node(id, node))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_s_parent_is_its_parent_s_node_and_a_namespace_has_none() {
        assert_eq!(parent("ns:a/b").as_deref(), Some("/content/cq:tags/ns/a"));
        assert_eq!(parent("ns:a").as_deref(), Some("/content/cq:tags/ns"));
        assert_eq!(parent("ns:"), None);
    }

    #[test]
    fn a_child_is_read_from_its_parent_s_render_when_it_is_a_live_tag() {
        let render = serde_json::json!({
            "jcr:primaryType": "cq:Tag",
            "b": {"jcr:primaryType": "cq:Tag", "jcr:title": "Bee", "jcr:title.fr": "Abeille"},
            "moved": {"jcr:primaryType": "cq:Tag", "cq:movedTo": "/content/cq:tags/ns/x"},
        });
        let b = child_tag(Some(&render), "ns:a/b").unwrap();
        assert_eq!(
            (b.title.as_str(), b.value("jcr:title.fr")),
            ("Bee", Some("Abeille"))
        );
        assert!(child_tag(Some(&render), "ns:a/moved").is_none());
        assert!(child_tag(Some(&render), "ns:a/c").is_none());
        assert!(child_tag(None, "ns:a/b").is_none());
    }
}
