//! The DAM's nodes as Sling's default JSON renderer answers `GET /content/dam/….{N}.json`: an
//! asset (its own properties; at level 1 its `jcr:content`; at level 2 that node's children,
//! `metadata` with every property) and a folder (its own properties; from level 1 its
//! `jcr:content` and its children, each rendered one level less), under Sling's
//! `json.maximumresults` (adobe-wire-more.md §4.2): a render deeper than one level holding
//! more resources than the limit is refused with a 300 listing the renders allowed
//! (`sling_json.rs`), so a client that reads a large folder deep learns to read it in parts.
//!
//! Not here: routing and authentication (`classic.rs`), the taxonomy's and the forms' renders.

use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};

use crate::dam::{Dam, Kind, Node, ReplicationValue, uuid_string};

/// The deepest render tried when a render past the limit is refused: DAM trees are shallower.
const DEEPEST_TRIED: i64 = 64;

/// `node` (at `path`) rendered `depth` levels down, as Sling answers it under a limit of `max`
/// resources.
pub(crate) fn answer(dam: &Dam, node: Node, path: &str, depth: i64, max: usize) -> Response {
    // One level is always rendered (SLING-2320).
    let max = if depth <= 1 { usize::MAX } else { max };
    let within = |levels: i64| {
        let mut budget = max;
        render(dam, node, levels, &mut budget)
    };
    if let Some(tree) = within(depth) {
        return axum::Json(tree).into_response();
    }
    // Each try stops as soon as it holds more than the limit: a refusal costs no more than it.
    let allowed = (2..depth.min(DEEPEST_TRIED))
        .rev()
        .find(|levels| within(*levels).is_some())
        .unwrap_or(1);
    crate::sling_json::too_large(path, allowed)
}

/// `node` rendered `depth` levels down, while it holds at most `budget` resources (each
/// object of the render, itself included); `None` once it would hold more.
fn render(dam: &Dam, node: Node, depth: i64, budget: &mut usize) -> Option<Value> {
    let mut v = match node {
        Node::Asset(a) => {
            let mut v = asset_node(dam, a);
            if depth >= 1 {
                v["jcr:content"] = content_node(dam, a, depth >= 2);
            }
            v
        }
        Node::Folder(f) => folder_own(dam, f, depth >= 1),
    };
    *budget = budget.checked_sub(resources(&v))?;
    if let Node::Folder(f) = node
        && depth >= 1
    {
        for child in dam.children(f) {
            let name = match child {
                Node::Folder(c) => dam.folders[c as usize].name.to_string(),
                Node::Asset(c) => dam.assets[c as usize].name.to_string(),
            };
            let rendered = render(dam, child, depth - 1, budget)?;
            v.as_object_mut()?.insert(name, rendered);
        }
    }
    Some(v)
}

/// The resources a render holds: itself and each object-valued member, however deep.
fn resources(v: &Value) -> usize {
    1 + v
        .as_object()
        .map(|o| o.values().filter(|c| c.is_object()).map(resources).sum())
        .unwrap_or(0)
}

/// A folder's own properties (with a seeded `metadataSchema`), and with `content` its
/// `jcr:content` (where a `metadataSchema` may sit too).
fn folder_own(dam: &Dam, f: u32, content: bool) -> Value {
    let folder = &dam.folders[f as usize];
    let mut v = json!({
        "jcr:primaryType": "sling:OrderedFolder",
        "jcr:mixinTypes": ["mix:referenceable"],
        "jcr:uuid": uuid_string(folder.uuid),
        "jcr:createdBy": "admin",
    });
    let Some(obj) = v.as_object_mut() else {
        return v;
    };
    if let Some(form) = crate::schemas::seeded_mapping(&folder.path, false) {
        obj.insert("metadataSchema".into(), json!(form));
    }
    obj.extend(folder.props.clone());
    if content {
        let mut content = json!({"jcr:primaryType": "nt:unstructured"});
        if let Some(form) = crate::schemas::seeded_mapping(&folder.path, true) {
            content["metadataSchema"] = json!(form);
        }
        obj.insert("jcr:content".into(), content);
    }
    v
}

fn asset_node(dam: &Dam, a: u32) -> Value {
    let asset = &dam.assets[a as usize];
    json!({
        "jcr:primaryType": "dam:Asset",
        "jcr:mixinTypes": ["mix:referenceable"],
        "jcr:uuid": uuid_string(asset.uuid),
        "jcr:createdBy": "admin",
        "jcr:created": dam.metadata(a).get("xmp:CreateDate").cloned().unwrap_or(Value::Null),
    })
}

/// An asset's `jcr:content` node, its own properties: the last-modified time in the Sling
/// JSON renderer's default legacy ECMA form
/// (https://github.com/apache/sling-org-apache-sling-servlets-get), `dam:assetState` once
/// AEM has set it; with `children` its child nodes' own properties too: `metadata` with
/// every property, `renditions` (a folder) and, where processing failed,
/// `dam:failedRenditions` (a node, not a list: adobe-wire-lifecycle.md §2.5).
pub(crate) fn content_node(dam: &Dam, a: u32, children: bool) -> Value {
    let mut content = json!({
        "jcr:primaryType": "dam:AssetContent",
        "jcr:lastModified": ecma_date(dam.modified_ms(a)),
        "jcr:lastModifiedBy": "admin",
    });
    if let Some(state) = dam.asset_processing_state(a) {
        content["dam:assetState"] = json!(state);
    }
    // On and Off Time sit on the content node (`adobe-wire-lifecycle.md` §4); the repository
    // has them at once, whatever the search index has caught up with.
    if let Some(ms) = dam.off_time_ms(a) {
        content["offTime"] = json!(ecma_date(ms));
    }
    if dam.assets[a as usize].kind == Kind::ContentFragment {
        content["contentFragment"] = json!(true);
    }
    add_replication(dam, a, &mut content);
    if children {
        let mut md = Map::new();
        md.insert("jcr:primaryType".into(), json!("nt:unstructured"));
        md.extend(dam.metadata(a));
        content["metadata"] = Value::Object(md);
        content["renditions"] = json!({"jcr:primaryType": "nt:folder"});
        if dam.processing_failed(a) {
            content["dam:failedRenditions"] = json!({"jcr:primaryType": "nt:unstructured"});
        }
    }
    content
}

/// The replication properties of an asset's `jcr:content` (dates as the Sling JSON renderer
/// writes them).
fn add_replication(dam: &Dam, a: u32, content: &mut Value) {
    for (name, value) in dam.replication_properties(a) {
        content[name] = match value {
            ReplicationValue::Date(ms) => json!(ecma_date(ms)),
            ReplicationValue::Text(t) => json!(t),
        };
    }
}

/// A time as Sling's JSON renderer writes it by default: `Tue Sep 03 2024 13:15:03 GMT+0000`.
pub(crate) fn ecma_date(ms: u64) -> String {
    let t = time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    t.format(time::macros::format_description!(
        "[weekday repr:short] [month repr:short] [day] [year] [hour]:[minute]:[second] GMT+0000"
    ))
    .unwrap_or_default()
}
