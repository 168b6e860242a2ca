//! The Sling POST servlet changing many nodes in one request
//! (<https://sling.apache.org/documentation/bundles/manipulating-content-the-slingpostservlet-servlets-post.html>):
//! a POST on a DAM folder whose parameter names are item paths relative to it
//! (`./x.jpg/jcr:content/metadata/dc:title=A`), with Sling's hazards:
//! - every parameter names a property of a node; a node that does not exist is **created**
//!   (`nt:unstructured`, with its missing parents), so a mistyped asset path leaves a junk node
//!   ([`crate::Sandbox::junk_nodes`]) instead of failing;
//! - past 10,000 name/value pairs the rest is silently not processed ("Too many name/value
//!   pairs, stopped processing after 10000 entries");
//! - the request is one commit: one refused node (no write permission) refuses it whole and
//!   nothing changes;
//! - with the `batch_also_creates` fault, a node the request never named is created and listed
//!   as `created` too;
//! - suffixes: `@TypeHint` (`String[]` keeps one value multi-valued; `Long`, `Double`,
//!   `Boolean` convert), `@Delete` (removes), `@Patch` (with a `[]` type hint: `+v` adds `v`
//!   if absent, `-v` removes it, the array treated as a set).
//!
//! Not here: the answer's shape and the single-node form the API console posts
//! (`sling_post.rs`), the CSRF token (`csrf.rs`).

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

use crate::dam::{DAM_ROOT, Node};
use crate::{Shared, lock, write};

/// AEM's cap on request parameters
/// (<https://experienceleague.adobe.com/en/docs/experience-manager-cloud-service/content/assets/manage/manage-metadata>).
pub(crate) const MAX_PARAMETERS: usize = 10_000;

/// What one node of the request gets.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct NodeEdit {
    /// Property → values given (in order), and whether the property is deleted.
    values: BTreeMap<String, Vec<String>>,
    hints: BTreeMap<String, String>,
    patch: BTreeMap<String, bool>,
    deleted: Vec<String>,
}

/// The request's edits, per absolute node path, and how many parameters were processed.
#[derive(Debug, Default)]
pub(crate) struct Parsed {
    pub(crate) nodes: BTreeMap<String, NodeEdit>,
    pub(crate) ignored: usize,
}

/// Resolves a parameter name against the request resource `base`: `./a/b`, `a/b`, `/abs`,
/// `../a`. `None` for a name that climbs out of the repository.
fn item_path(base: &str, name: &str) -> Option<String> {
    let joined = if name.starts_with('/') {
        name.to_owned()
    } else {
        format!("{base}/{name}")
    };
    let mut out: Vec<&str> = Vec::new();
    for seg in joined.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                out.pop()?;
            }
            s => out.push(s),
        }
    }
    Some(format!("/{}", out.join("/")))
}

/// Parses the form of a POST on `base` as Sling does: the first [`MAX_PARAMETERS`] pairs.
pub(crate) fn parse(base: &str, body: &[u8]) -> Result<Parsed, String> {
    let mut parsed = Parsed::default();
    for (n, (name, value)) in url::form_urlencoded::parse(body).enumerate() {
        if n >= MAX_PARAMETERS {
            parsed.ignored += 1;
            continue;
        }
        if name.starts_with(':') || name == "_charset_" {
            continue;
        }
        let (item, suffix) = match name.split_once('@') {
            Some((item, suffix)) => (item, Some(suffix)),
            None => (name.as_ref(), None),
        };
        let Some(path) = item_path(base, item) else {
            return Err(format!("Bad Request: {item:?} leaves the repository"));
        };
        let Some((node, property)) = path.rsplit_once('/') else {
            return Err(format!("Bad Request: {item:?} names no property"));
        };
        if property.is_empty() || node.is_empty() {
            return Err(format!("Bad Request: {item:?} names no property"));
        }
        let edit = parsed.nodes.entry(node.to_owned()).or_default();
        let property = property.to_owned();
        match suffix {
            None => edit
                .values
                .entry(property)
                .or_default()
                .push(value.into_owned()),
            Some("Delete") => edit.deleted.push(property),
            Some("TypeHint") => {
                edit.hints.insert(property, value.into_owned());
            }
            Some("Patch") => {
                edit.patch.insert(property, value == "true");
            }
            // DefaultValue, ValueFrom, … : not used by Metadesk; Sling would apply them.
            Some(_) => {}
        }
    }
    Ok(parsed)
}

/// One value as its type hint stores it.
fn typed(value: &str, hint: &str) -> Value {
    let base = hint.trim_end_matches("[]");
    match base {
        "Long" => value
            .parse::<i64>()
            .map_or_else(|_| json!(value), |n| json!(n)),
        "Double" | "Decimal" => value
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map_or_else(|| json!(value), Value::Number),
        "Boolean" => json!(value == "true"),
        _ => json!(value),
    }
}

/// The property changes of `edit` on a node whose metadata is `current`: `None` removes.
pub(crate) fn changes_of(
    edit: &NodeEdit,
    current: &Map<String, Value>,
) -> Vec<(String, Option<Value>)> {
    let mut out = Vec::new();
    for property in &edit.deleted {
        out.push((property.clone(), None));
    }
    for (property, values) in &edit.values {
        let hint = edit.hints.get(property).map_or("String", String::as_str);
        let multi = hint.ends_with("[]") || values.len() > 1;
        if edit.patch.get(property).copied().unwrap_or(false) {
            let mut now: Vec<Value> = match current.get(property) {
                Some(Value::Array(a)) => a.clone(),
                Some(Value::Null) | None => Vec::new(),
                Some(one) => vec![one.clone()],
            };
            for v in values {
                if let Some(added) = v.strip_prefix('+') {
                    let added = typed(added, hint);
                    if !now.contains(&added) {
                        now.push(added);
                    }
                } else if let Some(removed) = v.strip_prefix('-') {
                    let removed = typed(removed, hint);
                    now.retain(|x| *x != removed);
                }
            }
            out.push((property.clone(), Some(Value::Array(now))));
            continue;
        }
        let value = if multi {
            Value::Array(values.iter().map(|v| typed(v, hint)).collect())
        } else {
            typed(&values[0], hint)
        };
        out.push((property.clone(), Some(value)));
    }
    out
}

/// How a batch POST ended: status, message, Sling's `changes` list.
pub(crate) struct Answer {
    pub(crate) status: u16,
    pub(crate) message: String,
    pub(crate) changes: Vec<Value>,
    /// Assets whose metadata changed (the commit's cost is per asset).
    pub(crate) assets: usize,
}

impl Answer {
    fn refused(status: u16, message: String) -> Self {
        Answer {
            status,
            message,
            changes: Vec::new(),
            assets: 0,
        }
    }
}

/// Applies the POST on `base` as one commit: checks every node first (write permission), then
/// changes assets' metadata, folders' properties, and creates the nodes that do not exist.
pub(crate) fn apply(
    shared: &Shared,
    base: &str,
    body: &[u8],
    user: &str,
    read_only: bool,
) -> Answer {
    let parsed = match parse(base, body) {
        Ok(p) if !p.nodes.is_empty() => p,
        Ok(_) => return Answer::refused(400, "Bad Request: no property to change".into()),
        Err(msg) => return Answer::refused(400, msg),
    };
    if parsed.ignored > 0 {
        tracing::warn!(
            "Too many name/value pairs, stopped processing after {MAX_PARAMETERS} entries"
        );
    }
    // Every node is checked before anything changes: one refusal refuses the whole commit.
    for node in parsed.nodes.keys() {
        if !node.starts_with(&format!("{DAM_ROOT}/"))
            || read_only
            || shared.faults.write_denied(node)
        {
            return Answer::refused(
                403,
                format!("Forbidden: {user} has no write permission on {node}"),
            );
        }
    }
    let mut dam = write(&shared.dam);
    // The sandbox models an asset's metadata node, not its other nodes' properties: a POST
    // that sets one is refused in words rather than pretended.
    for node in parsed.nodes.keys() {
        let on_asset = |p: &str| matches!(dam.lookup(p), Some(Node::Asset(_)));
        let asset_node = on_asset(node)
            || node.strip_suffix("/jcr:content").is_some_and(on_asset)
            || node
                .strip_suffix("/jcr:content/renditions")
                .is_some_and(on_asset);
        if asset_node {
            return Answer::refused(
                400,
                format!(
                    "Bad Request: the sandbox changes an asset's …/jcr:content/metadata only, not {node}"
                ),
            );
        }
    }
    let mut junk = lock(&shared.junk);
    let mut changes = Vec::new();
    let mut assets = 0;
    for (node, edit) in &parsed.nodes {
        let asset = node
            .strip_suffix("/jcr:content/metadata")
            .and_then(|p| dam.lookup(p));
        let target = match (asset, dam.lookup(node)) {
            (Some(Node::Asset(a)), _) => Some(Node::Asset(a)),
            (_, Some(Node::Folder(f))) => Some(Node::Folder(f)),
            _ => None,
        };
        let current = match target {
            Some(Node::Asset(a)) => dam.metadata(a),
            Some(Node::Folder(f)) => dam.folders[f as usize].props.clone().into_iter().collect(),
            None => junk.get(node).cloned().unwrap_or_default(),
        };
        let node_changes = changes_of(edit, &current);
        for (property, value) in &node_changes {
            let kind = if value.is_some() {
                "modified"
            } else {
                "deleted"
            };
            changes.push(json!({"type": kind, "argument": format!("{node}/{property}")}));
        }
        match target {
            Some(Node::Asset(a)) => {
                dam.apply(a, node_changes);
                assets += 1;
            }
            Some(Node::Folder(f)) => dam.apply_folder(f, node_changes),
            None => {
                // Sling creates the node and its missing parents (`deepGetOrCreateResource`).
                let created = !junk.contains_key(node);
                let props = junk.entry(node.clone()).or_default();
                for (property, value) in node_changes {
                    match value {
                        Some(v) => props.insert(property, v),
                        None => props.remove(&property),
                    };
                }
                if created {
                    changes.insert(0, json!({"type": "created", "argument": node}));
                }
            }
        }
    }
    // The `batch_also_creates` fault: nodes this request never named.
    for node in shared.faults.batch_also_creates() {
        if !junk.contains_key(&node) && dam.lookup(&node).is_none() {
            junk.insert(node.clone(), Map::new());
            changes.insert(0, json!({"type": "created", "argument": node}));
        }
    }
    Answer {
        status: 200,
        message: "OK".into(),
        changes,
        assets,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_resolve_against_the_folder() {
        let base = "/content/dam/f";
        assert_eq!(
            item_path(base, "./a.jpg/jcr:content/metadata/dc:title").unwrap(),
            "/content/dam/f/a.jpg/jcr:content/metadata/dc:title"
        );
        assert_eq!(item_path(base, "../g/x").unwrap(), "/content/dam/g/x");
        assert_eq!(item_path(base, "/content/x").unwrap(), "/content/x");
        assert!(item_path("/a", "../../../x").is_none());
    }

    #[test]
    fn type_hints_delete_and_patch() {
        let parsed = parse(
            "/content/dam/f",
            b"_charset_=utf-8&./a/t=x&./a/t@TypeHint=String[]&./a/n=3&./a/n@TypeHint=Long\
              &./a/g@Delete=&./a/k=%2Bnew&./a/k=-old&./a/k@TypeHint=String[]&./a/k@Patch=true",
        )
        .unwrap();
        let edit = &parsed.nodes["/content/dam/f/a"];
        let current: Map<String, Value> =
            serde_json::from_value(json!({"k": ["old", "keep"], "g": "gone"})).unwrap();
        let got = changes_of(edit, &current);
        assert_eq!(
            got,
            vec![
                ("g".to_owned(), None),
                ("k".to_owned(), Some(json!(["keep", "new"]))),
                ("n".to_owned(), Some(json!(3))),
                ("t".to_owned(), Some(json!(["x"]))),
            ]
        );
    }

    #[test]
    fn parameters_past_the_cap_are_ignored() {
        let body: String = (0..MAX_PARAMETERS + 5)
            .map(|n| format!("./a/p{n}=v&"))
            .collect();
        let parsed = parse("/content/dam/f", body.as_bytes()).unwrap();
        assert_eq!(parsed.ignored, 5);
        assert_eq!(
            parsed.nodes["/content/dam/f/a"].values.len(),
            MAX_PARAMETERS
        );
    }
}
