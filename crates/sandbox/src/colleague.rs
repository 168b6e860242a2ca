//! What another AEM user does to the DAM while Metadesk works (the control API's `PATCH
//! /__sandbox/asset` and `POST /__sandbox/upload`, and [`crate::Sandbox`]'s methods of the same
//! names): an edit of an asset's metadata, an upload.

use crate::{Shared, dam, ims, write};

/// Changes an asset's metadata as another AEM user would (a new revision and ETag, as any
/// write): `edit` maps properties to their new value, `null` removing one. Values are what
/// AEM metadata holds: strings, numbers, booleans, or arrays of those.
pub(crate) fn edit_asset(
    s: &Shared,
    path_or_id: &str,
    edit: &serde_json::Value,
) -> Result<serde_json::Value, String> {
    use serde_json::Value;
    let Some(edit) = edit.as_object().filter(|m| !m.is_empty()) else {
        return Err("give a JSON object of property → new value (null removes it)".into());
    };
    let scalar = |v: &Value| matches!(v, Value::String(_) | Value::Number(_) | Value::Bool(_));
    let mut changes = Vec::new();
    for (property, value) in edit {
        let ok = property.contains(':')
            && match value {
                Value::Null => true,
                Value::Array(items) => items.iter().all(scalar),
                other => scalar(other),
            };
        if !ok {
            return Err(format!(
                "{property}: give a prefixed property (dc:title) and a string, number, boolean, \
                 array of those, or null"
            ));
        }
        changes.push((property.clone(), (!value.is_null()).then(|| value.clone())));
    }
    let mut dam = write(&s.dam);
    let node = match path_or_id.strip_prefix("urn:aaid:aem:") {
        Some(id) => dam::parse_uuid(id).and_then(|u| dam.lookup_uuid(u)),
        None => dam.lookup(path_or_id),
    };
    match node {
        Some(dam::Node::Asset(a)) => {
            dam.apply(a, changes);
            Ok(dam.asset_state(a))
        }
        _ => Err(format!("no asset at {path_or_id}")),
    }
}

/// Adds an asset at `path` as another AEM user's upload would: `metadata` (an object of
/// property → value, `null` leaving one out; may be empty) over the values every seeded asset
/// gets. Its folder's listing shows it at once; searches find it `index_lag_secs` later.
pub(crate) fn upload(
    s: &Shared,
    path: &str,
    metadata: &serde_json::Value,
) -> Result<serde_json::Value, String> {
    let metadata = match metadata {
        serde_json::Value::Null => Vec::new(),
        serde_json::Value::Object(m) => m
            .iter()
            .map(|(k, v)| (k.clone(), (!v.is_null()).then(|| v.clone())))
            .collect(),
        _ => return Err("give the metadata as a JSON object of property → value".into()),
    };
    if let Some((bad, _)) = metadata.iter().find(|(k, _)| !k.contains(':')) {
        return Err(format!("{bad}: give a prefixed property (dc:title)"));
    }
    let mut dam = write(&s.dam);
    let idx = dam.upload(path, metadata, ims::now_ms())?;
    Ok(dam.asset_state(idx))
}
