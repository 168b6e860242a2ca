//! How QueryBuilder writes a hit (`p.hits`): `simple` (path, name, title, dates), `full` (the
//! node's Sling JSON, `p.nodedepth` levels down) and `selective` (`p.properties`, deeper
//! relative paths as child objects).
//!
//! Not here: which nodes match (`mod.rs`).

use serde_json::{Map, Value, json};

use super::view::View;
use crate::dam::Node;

/// Sets `value` at a relative path, nesting `a/b/c` as child objects (selective hits,
/// <https://experienceleague.adobe.com/en/docs/experience-manager-cloud-service/content/implementing/developing/full-stack/search/query-builder-predicates>).
pub(super) fn put_nested(hit: &mut Map<String, Value>, rel: &str, value: Value) {
    let mut parts = rel.split('/').peekable();
    let mut obj = hit;
    while let Some(part) = parts.next() {
        if parts.peek().is_none() {
            obj.insert(part.to_owned(), value);
            return;
        }
        let child = obj
            .entry(part.to_owned())
            .or_insert_with(|| Value::Object(Map::new()));
        if !child.is_object() {
            *child = Value::Object(Map::new());
        }
        let Value::Object(next) = child else { return };
        obj = next;
    }
}

fn simple_date(ms: u64) -> String {
    let t = time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    t.format(time::macros::format_description!(
        "[year]-[month]-[day] [hour]:[minute]:[second]"
    ))
    .unwrap_or_default()
}

/// One hit as `mode` writes it; `levels` of children for `full` (`None`: all of them).
pub(super) fn hit(v: &View<'_>, mode: &str, properties: &[String], levels: Option<u32>) -> Value {
    let mut out = Map::new();
    match mode {
        "selective" => {
            for rel in properties {
                if let Some(value) = v.property(rel) {
                    put_nested(&mut out, rel, value);
                }
            }
        }
        // The node's Sling JSON: its own properties, then `nodedepth` levels of children
        // (0: the whole subtree); an asset's `jcr:content` at level 1, its `metadata` at 2.
        "full" => {
            out.insert("jcr:path".into(), json!(v.path));
            out.insert("jcr:primaryType".into(), json!(v.primary_type()));
            let deeper_than = |level: u32| levels.is_none_or(|n| n > level);
            if let (Node::Asset(a), Some(md)) = (v.node, &v.metadata)
                && deeper_than(0)
            {
                let mut content = json!({
                    "jcr:primaryType": "dam:AssetContent",
                    "jcr:lastModified": crate::dam_json::ecma_date(v.dam.modified_ms(a)),
                });
                if let Some(state) = v.dam.asset_processing_state(a) {
                    content["dam:assetState"] = json!(state);
                }
                if deeper_than(1) {
                    let mut metadata = Map::new();
                    metadata.insert("jcr:primaryType".into(), json!("nt:unstructured"));
                    metadata.extend(md.clone());
                    content["metadata"] = Value::Object(metadata);
                }
                out.insert("jcr:content".into(), content);
            }
        }
        _ => {
            out.insert("path".into(), json!(v.path));
            out.insert("excerpt".into(), json!(""));
            out.insert("name".into(), json!(v.name()));
            let title = v
                .property("jcr:content/metadata/dc:title")
                .unwrap_or_else(|| json!(v.name()));
            out.insert("title".into(), title);
            if let Node::Asset(a) = v.node {
                out.insert(
                    "lastModified".into(),
                    json!(simple_date(v.dam.modified_ms(a))),
                );
                out.insert("created".into(), json!(simple_date(v.dam.created_ms(a))));
            }
        }
    }
    Value::Object(out)
}
