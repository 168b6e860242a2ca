//! AEM's tags, for the tag picker of a search: the tree under `/content/cq:tags` as the Sling
//! default GET servlet renders it (`/content/cq:tags.4.json`: namespace, then up to three
//! levels of tags), flattened to ids (`wknd-shared:activity/surfing`) and titles in words.
//!
//! Not here: sending the request (`classic.rs`), searching by tag (`bulk::selection`).

use serde::Serialize;
use serde_json::{Map, Value};
use ts_rs::TS;

/// How deep the tree is read: a namespace and three levels below it.
pub const TAG_DEPTH: u32 = 4;

/// A tag the picker offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Tag {
    /// `namespace:path/to/tag`, as a search condition takes it.
    pub id: String,
    /// The titles from the namespace down, `WKND Shared › Activity › Surfing`.
    pub title: String,
}

fn is_tag(node: &Map<String, Value>) -> bool {
    node.get("jcr:primaryType").and_then(Value::as_str) == Some("cq:Tag")
}

fn title_of(name: &str, node: &Map<String, Value>) -> String {
    node.get("jcr:title")
        .and_then(Value::as_str)
        .filter(|t| !t.trim().is_empty())
        .unwrap_or(name)
        .to_owned()
}

/// The tags of a rendered `/content/cq:tags` tree, sorted by id. Children are the members that
/// are objects with `jcr:primaryType: cq:Tag`; anything else (properties, other nodes) is
/// skipped.
pub fn tags_of_tree(tree: &Value) -> Vec<Tag> {
    let mut out = Vec::new();
    let Some(root) = tree.as_object() else {
        return out;
    };
    for (namespace, node) in root {
        let Some(node) = node.as_object().filter(|n| is_tag(n)) else {
            continue;
        };
        let title = title_of(namespace, node);
        walk(namespace, "", &title, node, &mut out);
    }
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out
}

fn walk(namespace: &str, path: &str, titles: &str, node: &Map<String, Value>, out: &mut Vec<Tag>) {
    for (name, child) in node {
        let Some(child) = child.as_object().filter(|c| is_tag(c)) else {
            continue;
        };
        let path = if path.is_empty() {
            name.clone()
        } else {
            format!("{path}/{name}")
        };
        let title = format!("{titles} › {}", title_of(name, child));
        out.push(Tag {
            id: format!("{namespace}:{path}"),
            title: title.clone(),
        });
        walk(namespace, &path, &title, child, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_rendered_tree_becomes_ids_and_titles() {
        let tree = json!({
            "jcr:primaryType": "sling:Folder",
            "wknd": {
                "jcr:primaryType": "cq:Tag", "jcr:title": "WKND",
                "activity": {
                    "jcr:primaryType": "cq:Tag", "jcr:title": "Activity",
                    "surfing": {"jcr:primaryType": "cq:Tag", "jcr:title": "Surfing"},
                    "rock climbing": {"jcr:primaryType": "cq:Tag"}
                },
                "jcr:description": "not a tag"
            },
            "not-a-tag": {"jcr:primaryType": "nt:unstructured", "x": {"jcr:primaryType": "cq:Tag"}}
        });
        let tags = tags_of_tree(&tree);
        let ids: Vec<&str> = tags.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "wknd:activity",
                "wknd:activity/rock climbing",
                "wknd:activity/surfing"
            ]
        );
        assert_eq!(tags[2].title, "WKND › Activity › Surfing");
        assert_eq!(tags[1].title, "WKND › Activity › rock climbing");
        assert!(tags_of_tree(&json!([])).is_empty());
    }
}
