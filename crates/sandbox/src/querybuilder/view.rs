//! What a QueryBuilder predicate and hit writer see of one node: its path, type and properties
//! as the Sling JSON renderer writes them. Not here: the predicates (`mod.rs`), the hits
//! (`hits.rs`).

use serde_json::{Map, Value, json};

use crate::dam::{Dam, Kind, Node, ReplicationValue, iso_ms, uuid_string};

/// What a predicate sees of one node.
pub(super) struct View<'a> {
    pub(super) dam: &'a Dam,
    pub(super) node: Node,
    pub(super) path: String,
    pub(super) metadata: Option<Map<String, Value>>,
}

impl View<'_> {
    pub(super) fn new(dam: &Dam, node: Node) -> View<'_> {
        let (path, metadata) = match node {
            Node::Asset(a) => (dam.asset_path(a), Some(dam.metadata(a))),
            Node::Folder(f) => (dam.folders[f as usize].path.to_string(), None),
        };
        View {
            dam,
            node,
            path,
            metadata,
        }
    }

    pub(super) fn name(&self) -> &str {
        self.path.rsplit('/').next().unwrap_or_default()
    }

    pub(super) fn primary_type(&self) -> &'static str {
        match self.node {
            Node::Asset(_) => "dam:Asset",
            Node::Folder(_) => "sling:OrderedFolder",
        }
    }

    /// The value of a property given relative to the node, as the Sling JSON renderer writes it.
    pub(super) fn property(&self, rel: &str) -> Option<Value> {
        let rel = rel.trim_start_matches("./").trim_start_matches('@');
        match (rel, self.node) {
            ("jcr:path", _) => Some(json!(self.path)),
            ("jcr:primaryType", _) => Some(json!(self.primary_type())),
            ("jcr:uuid", Node::Asset(a)) => {
                Some(json!(uuid_string(self.dam.assets[a as usize].uuid)))
            }
            ("jcr:uuid", Node::Folder(f)) => {
                Some(json!(uuid_string(self.dam.folders[f as usize].uuid)))
            }
            ("jcr:created", Node::Asset(a)) => Some(json!(iso_ms(self.dam.created_ms(a)))),
            ("jcr:content/jcr:lastModified", Node::Asset(a)) => {
                Some(json!(iso_ms(self.dam.modified_ms(a))))
            }
            ("jcr:content/contentFragment", Node::Asset(a)) => (self.dam.assets[a as usize].kind
                == Kind::ContentFragment)
                .then_some(Value::Bool(true)),
            ("jcr:title", Node::Folder(f)) => Some(json!(self.dam.folder_title(f))),
            ("jcr:content/offTime", Node::Asset(a)) => {
                self.dam.off_time_ms(a).map(|ms| json!(iso_ms(ms)))
            }
            (rel, Node::Asset(a)) if rel.starts_with("jcr:content/cq:lastRepl") => {
                let name = &rel["jcr:content/".len()..];
                let (_, value) = self
                    .dam
                    .replication_properties(a)
                    .into_iter()
                    .find(|(n, _)| n == name)?;
                Some(match value {
                    ReplicationValue::Date(ms) => json!(iso_ms(ms)),
                    ReplicationValue::Text(t) => json!(t),
                })
            }
            _ => {
                let name = rel.strip_prefix("jcr:content/metadata/")?;
                self.metadata.as_ref()?.get(name).cloned()
            }
        }
    }
}
