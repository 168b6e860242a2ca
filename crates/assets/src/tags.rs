//! AEM's tag taxonomy: the tree under `/content/cq:tags` as the Sling default GET servlet
//! renders it (a namespace, then its tags), flattened to tags with their ids
//! (`wknd-shared:activity/surfing`), titles in each language and descriptions. Tags a move or
//! merge left behind (`cq:movedTo`) are hidden, as AEM hides them. And the pages that use a
//! tag, as the tag servlet's `list` command answers them.
//!
//! Not here: sending the requests (`classic.rs`), searching by tag (`bulk::selection`).

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{Map, Value};
use ts_rs::TS;

/// The taxonomy's root, a folder (not a tag).
pub const TAGS_ROOT: &str = "/content/cq:tags";

/// A tag of the taxonomy (a namespace is one too: its id ends with the colon, `wknd-shared:`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Tag {
    /// `namespace:path/to/tag`, as assets hold it and a search condition takes it.
    pub id: String,
    /// Its title (`jcr:title`), or its name where it has none.
    pub title: String,
    /// The titles from the namespace down, `WKND Shared › Activity › Surfing`.
    pub trail: String,
    /// Its titles in other languages (`jcr:title.fr`), by AEM's locale name (`fr`, `pt_br`).
    pub titles: BTreeMap<String, String>,
    /// `jcr:description`, where it has one.
    pub description: Option<String>,
    /// Whether its last replication was an activation: the publish tier has it.
    pub published: bool,
}

impl Tag {
    /// The value `property` has as read: `jcr:title` (its name when it has none),
    /// `jcr:title.<lang>` or `jcr:description`.
    pub fn value(&self, property: &str) -> Option<&str> {
        match property {
            "jcr:title" => Some(&self.title),
            "jcr:description" => self.description.as_deref(),
            p => p
                .strip_prefix("jcr:title.")
                .and_then(|lang| self.titles.get(lang))
                .map(String::as_str),
        }
    }

    /// Whether this is a namespace (the first level below the taxonomy root).
    pub fn is_namespace(&self) -> bool {
        self.id.ends_with(':')
    }

    /// Its title in `lang` (`fr`, `pt-BR`), else its title.
    pub fn title_in(&self, lang: &str) -> &str {
        let lang = lang.to_ascii_lowercase().replace('-', "_");
        let short = lang.split('_').next().unwrap_or(&lang);
        self.titles
            .get(&lang)
            .or_else(|| self.titles.get(short))
            .unwrap_or(&self.title)
    }
}

/// Whether a rendered node is a live tag: a `cq:Tag` not moved or merged elsewhere.
pub fn is_live_tag(node: &Map<String, Value>) -> bool {
    node.get("jcr:primaryType").and_then(Value::as_str) == Some("cq:Tag")
        && !node.contains_key("cq:movedTo")
}

fn text(node: &Map<String, Value>, key: &str) -> Option<String> {
    node.get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
}

fn tag_of(id: String, name: &str, trail: &str, node: &Map<String, Value>) -> Tag {
    let title = text(node, "jcr:title").unwrap_or_else(|| name.to_owned());
    let titles = node
        .iter()
        .filter_map(|(k, _)| {
            let lang = k.strip_prefix("jcr:title.")?;
            Some((lang.to_owned(), text(node, k)?))
        })
        .collect();
    Tag {
        id,
        trail: if trail.is_empty() {
            title.clone()
        } else {
            format!("{trail} › {title}")
        },
        title,
        titles,
        description: text(node, "jcr:description"),
        published: text(node, "cq:lastReplicationAction").as_deref() == Some("Activate"),
    }
}

/// Tag `id` as its own rendered node holds it (its trail is its title alone).
pub fn tag_in_node(id: &str, node: &Map<String, Value>) -> Tag {
    let name = id.rsplit(['/', ':']).find(|s| !s.is_empty()).unwrap_or(id);
    tag_of(id.to_owned(), name, "", node)
}

/// The tags of a rendered `/content/cq:tags` tree, namespaces included, sorted by id.
/// Children are the members that are objects with `jcr:primaryType: cq:Tag`; anything else
/// (properties, other nodes, moved tags and what lies below them) is skipped.
pub fn tags_of_tree(tree: &Value) -> Vec<Tag> {
    let mut out = Vec::new();
    let Some(root) = tree.as_object() else {
        return out;
    };
    for (namespace, node) in root {
        let Some(node) = node.as_object().filter(|n| is_live_tag(n)) else {
            continue;
        };
        let tag = tag_of(format!("{namespace}:"), namespace, "", node);
        let trail = tag.trail.clone();
        out.push(tag);
        walk(namespace, "", &trail, node, &mut out);
    }
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out
}

fn walk(namespace: &str, path: &str, trail: &str, node: &Map<String, Value>, out: &mut Vec<Tag>) {
    for (name, child) in node {
        let Some(child) = child.as_object().filter(|c| is_live_tag(c)) else {
            continue;
        };
        let path = if path.is_empty() {
            name.clone()
        } else {
            format!("{path}/{name}")
        };
        let tag = tag_of(format!("{namespace}:{path}"), name, trail, child);
        let trail = tag.trail.clone();
        out.push(tag);
        walk(namespace, &path, &trail, child, out);
    }
}

/// The page paths of the tag servlet's `list` answer (`{"pages": [{"path": …}, …]}`); `None`
/// for any other answer (its shape is unconfirmed: what cannot be read is not "no page").
pub fn pages_of(answer: &Value) -> Option<Vec<String>> {
    answer
        .get("pages")?
        .as_array()?
        .iter()
        .map(|p| p.get("path").and_then(Value::as_str).map(str::to_owned))
        .collect()
}

/// The tag's node: `/content/cq:tags/ns/path/to/tag` (a namespace's is `/content/cq:tags/ns`).
pub fn node_path(id: &str) -> String {
    let (ns, local) = id.split_once(':').unwrap_or(("default", id));
    if local.is_empty() {
        format!("{TAGS_ROOT}/{ns}")
    } else {
        format!("{TAGS_ROOT}/{ns}/{local}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Only a list of pages, each with its path, is read as one; anything else is not known.
    #[test]
    fn the_pages_that_use_a_tag_are_read_only_from_a_list_of_pages() {
        let listed =
            json!({"pages": [{"path": "/content/a", "title": "A"}, {"path": "/content/b"}]});
        assert_eq!(pages_of(&listed).unwrap(), ["/content/a", "/content/b"]);
        assert_eq!(
            pages_of(&json!({"pages": []})).unwrap(),
            Vec::<String>::new()
        );
        for unknown in [
            json!({}),
            json!({"pages": "none"}),
            json!({"pages": [{"title": "no path"}]}),
            json!("<html>OK</html>"),
        ] {
            assert_eq!(pages_of(&unknown), None, "{unknown}");
        }
    }

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
                "wknd:",
                "wknd:activity",
                "wknd:activity/rock climbing",
                "wknd:activity/surfing"
            ]
        );
        assert!(tags[0].is_namespace() && !tags[1].is_namespace());
        assert_eq!(tags[3].trail, "WKND › Activity › Surfing");
        assert_eq!(tags[3].title, "Surfing");
        assert_eq!(tags[2].trail, "WKND › Activity › rock climbing");
        assert!(tags_of_tree(&json!([])).is_empty());
    }

    #[test]
    fn titles_in_each_language_and_moved_tags_hidden() {
        let tree = json!({
            "ns": {
                "jcr:primaryType": "cq:Tag", "jcr:title": "NS",
                "summer": {
                    "jcr:primaryType": "cq:Tag", "jcr:title": "Summer",
                    "jcr:title.fr": "Été", "jcr:title.pt_br": "Verão",
                    "jcr:description": " June to August "
                },
                "old": {
                    "jcr:primaryType": "cq:Tag", "jcr:title": "Old",
                    "cq:movedTo": "/content/cq:tags/ns/summer",
                    "child": {"jcr:primaryType": "cq:Tag"}
                }
            }
        });
        let tags = tags_of_tree(&tree);
        assert_eq!(tags.len(), 2, "{tags:?}");
        let summer = &tags[1];
        assert_eq!(summer.title_in("fr-FR"), "Été");
        assert_eq!(summer.title_in("pt-BR"), "Verão");
        assert_eq!(summer.title_in("de"), "Summer");
        assert_eq!(summer.description.as_deref(), Some("June to August"));
    }
}
