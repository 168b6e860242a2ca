//! The OpenAPI-based Assets Author and Folders APIs: `GET|PATCH /adobe/assets/{id}/metadata`
//! and `GET /adobe/folders`.
//!
//! As Adobe documents them (<https://developer.adobe.com/experience-cloud/experience-manager-apis/guides/how-to/>,
//! <https://experienceleague.adobe.com/en/docs/experience-manager-learn/cloud-service/aem-apis/openapis/invoke-api-using-oauth-s2s>):
//! `X-Api-Key` and `X-Adobe-Accept-Experimental: 1` are required, metadata has an `ETag`, a stale
//! `If-Match` gets 412, bodies are RFC 6902 JSON Patch with paths relative to `assetMetadata`;
//! errors are RFC 7807 problem details. Token rules live in `auth.rs`.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Map, Value, json};

use crate::auth::{self, Family, Principal};
use crate::dam::{DAM_ROOT, Dam, Node, parse_uuid, uuid_string};
use crate::{Shared, read, write};

const MAX_FOLDER_LIMIT: usize = 50;
const DEFAULT_FOLDER_LIMIT: usize = 20;

/// An RFC 7807 problem response.
pub(crate) fn problem(status: u16, detail: &str) -> Response {
    let code = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let body = json!({
        "type": format!("https://developer.adobe.com/experience-cloud/experience-manager-apis/errors/{status}"),
        "title": code.canonical_reason().unwrap_or("Error"),
        "status": status,
        "detail": detail,
    });
    (
        code,
        [(header::CONTENT_TYPE, "application/problem+json")],
        body.to_string(),
    )
        .into_response()
}

pub(crate) fn check(shared: &Shared, headers: &HeaderMap) -> Result<Principal, Box<Response>> {
    let principal = auth::authenticate(shared, headers, Family::OpenApi).map_err(|e| {
        let mut r = problem(e.status, &e.message);
        if let Some(c) = e.challenge.and_then(|c| HeaderValue::from_str(&c).ok()) {
            r.headers_mut().insert(header::WWW_AUTHENTICATE, c);
        }
        Box::new(r)
    })?;
    let experimental = headers
        .get("x-adobe-accept-experimental")
        .and_then(|v| v.to_str().ok());
    if experimental.map(str::trim) != Some("1") {
        return Err(Box::new(problem(
            400,
            "The X-Adobe-Accept-Experimental: 1 header is required",
        )));
    }
    Ok(principal)
}

fn asset_index(dam: &Dam, asset_id: &str) -> Option<u32> {
    let uuid = parse_uuid(asset_id.strip_prefix("urn:aaid:aem:")?)?;
    match dam.lookup_uuid(uuid)? {
        Node::Asset(a) => Some(a),
        Node::Folder(_) => None,
    }
}

pub(crate) fn metadata_document(dam: &Dam, idx: u32) -> Value {
    let a = &dam.assets[idx as usize];
    let path = dam.asset_path(idx);
    json!({
        "assetId": format!("urn:aaid:aem:{}", uuid_string(a.uuid)),
        "assetMetadata": dam.metadata(idx),
        "repositoryMetadata": {
            "repo:name": &*a.name,
            "repo:path": path,
            "repo:state": "ACTIVE",
            "repo:assetId": format!("urn:aaid:aem:{}", uuid_string(a.uuid)),
            "dc:format": a.kind.mime(),
            "repo:size": a.size,
        },
    })
}

pub(crate) fn with_etag(body: Value, etag: &str) -> Response {
    let mut r = axum::Json(body).into_response();
    if let Ok(v) = HeaderValue::from_str(etag) {
        r.headers_mut().insert(header::ETAG, v);
    }
    r
}

pub(crate) fn etag_matches(header_value: &str, etag: &str) -> bool {
    header_value
        .split(',')
        .map(str::trim)
        .any(|t| t == "*" || t.trim_start_matches("W/") == etag)
}

/// `GET /adobe/assets/{assetId}/metadata`.
pub(crate) async fn get_metadata(
    State(shared): State<Shared>,
    Path(asset_id): Path<String>,
    headers: HeaderMap,
) -> Response {
    if let Err(r) = check(&shared, &headers) {
        return *r;
    }
    let dam = read(&shared.dam);
    let Some(idx) = asset_index(&dam, &asset_id) else {
        return problem(404, &format!("Asset {asset_id} not found"));
    };
    let etag = dam.etag(idx);
    if let Some(inm) = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        && etag_matches(inm, &etag)
    {
        let mut r = StatusCode::NOT_MODIFIED.into_response();
        if let Ok(v) = HeaderValue::from_str(&etag) {
            r.headers_mut().insert(header::ETAG, v);
        }
        return r;
    }
    with_etag(metadata_document(&dam, idx), &etag)
}

/// Decodes a JSON Pointer into (property, optional array index or `-`), relative to
/// `assetMetadata` (a leading `/assetMetadata` is tolerated).
fn pointer(path: &str) -> Result<(String, Option<String>), String> {
    let rest = path
        .strip_prefix('/')
        .ok_or_else(|| format!("Invalid JSON Pointer {path:?}"))?;
    let rest = rest.strip_prefix("assetMetadata/").unwrap_or(rest);
    let mut parts = rest
        .split('/')
        .map(|p| p.replace("~1", "/").replace("~0", "~"));
    let name = parts
        .next()
        .filter(|n| !n.is_empty())
        .ok_or_else(|| format!("Invalid path {path:?}"))?;
    let index = parts.next();
    if parts.next().is_some() {
        return Err(format!("Path {path:?} is too deep"));
    }
    Ok((name, index))
}

/// Applies a JSON Patch to a copy of the metadata, returning the changed properties.
fn apply_patch(
    current: &Map<String, Value>,
    ops: &Value,
) -> Result<Vec<(String, Option<Value>)>, String> {
    let ops = ops
        .as_array()
        .ok_or("The body must be a JSON Patch array")?;
    let mut md = current.clone();
    let mut touched: Vec<String> = Vec::new();
    for op in ops {
        let kind = op
            .get("op")
            .and_then(Value::as_str)
            .ok_or("Every operation needs an \"op\"")?;
        let path = op
            .get("path")
            .and_then(Value::as_str)
            .ok_or("Every operation needs a \"path\"")?;
        let (name, index) = pointer(path)?;
        let value = op.get("value");
        match (kind, index.clone()) {
            ("add" | "replace", None) => {
                let v = value.ok_or_else(|| format!("{kind} at {path} needs a value"))?;
                if v.is_object() {
                    return Err(format!("Value at {path} must be a scalar or an array"));
                }
                md.insert(name.clone(), v.clone());
            }
            ("add", Some(i)) => {
                let v = value.ok_or_else(|| format!("add at {path} needs a value"))?;
                let entry = md.entry(name.clone()).or_insert_with(|| json!([]));
                if !entry.is_array() {
                    *entry = json!([entry.clone()]);
                }
                let arr = entry.as_array_mut().ok_or("not an array")?;
                let pos = if i == "-" {
                    arr.len()
                } else {
                    i.parse::<usize>()
                        .map_err(|_| format!("Bad index in {path}"))?
                };
                if pos > arr.len() {
                    return Err(format!("Index out of bounds in {path}"));
                }
                arr.insert(pos, v.clone());
            }
            ("remove", None) => {
                // Lenient: removing an absent property is a no-op (exact semantics UNCONFIRMED).
                md.remove(&name);
            }
            ("remove" | "replace", Some(i)) => {
                let arr = md
                    .get_mut(&name)
                    .and_then(Value::as_array_mut)
                    .ok_or_else(|| format!("{path} is not an array element"))?;
                let pos = i
                    .parse::<usize>()
                    .map_err(|_| format!("Bad index in {path}"))?;
                if pos >= arr.len() {
                    return Err(format!("Index out of bounds in {path}"));
                }
                if kind == "remove" {
                    arr.remove(pos);
                } else {
                    arr[pos] = value
                        .cloned()
                        .ok_or_else(|| format!("replace at {path} needs a value"))?;
                }
            }
            ("test", _) => {
                let actual = match &index {
                    None => md.get(&name).cloned(),
                    Some(i) => md
                        .get(&name)
                        .and_then(|a| a.get(i.parse::<usize>().unwrap_or(usize::MAX)))
                        .cloned(),
                };
                if actual.as_ref() != value {
                    return Err(format!("test failed at {path}"));
                }
                continue;
            }
            (other, _) => return Err(format!("Unsupported operation {other:?}")),
        }
        touched.push(name);
    }
    touched.sort();
    touched.dedup();
    Ok(touched
        .into_iter()
        .map(|k| {
            let v = md.get(&k).cloned();
            (k, v)
        })
        .collect())
}

/// `PATCH /adobe/assets/{assetId}/metadata` with a JSON Patch body.
pub(crate) async fn patch_metadata(
    State(shared): State<Shared>,
    Path(asset_id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let principal = match check(&shared, &headers) {
        Ok(p) => p,
        Err(r) => return *r,
    };
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let mime = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    if mime != "application/json-patch+json" && mime != "application/json" {
        return problem(415, "Content-Type must be application/json-patch+json");
    }
    let ops: Value = match serde_json::from_slice(&body) {
        Ok(v) => v,
        Err(e) => return problem(400, &format!("Invalid JSON: {e}")),
    };
    let answer = patch_now(&shared, &principal, &headers, &asset_id, &ops);
    if answer.status().is_success() {
        tokio::time::sleep(shared.faults.commit_cost(1)).await;
    }
    answer
}

/// The PATCH once its body is read: checks, then one change under the DAM's lock.
fn patch_now(
    shared: &Shared,
    principal: &crate::auth::Principal,
    headers: &HeaderMap,
    asset_id: &str,
    ops: &Value,
) -> Response {
    let mut dam = write(&shared.dam);
    let Some(idx) = asset_index(&dam, asset_id) else {
        return problem(404, &format!("Asset {asset_id} not found"));
    };
    if principal.read_only || shared.faults.write_denied(&dam.asset_path(idx)) {
        return problem(
            403,
            &format!("{} is not allowed to modify {asset_id}", principal.user),
        );
    }
    let etag = dam.etag(idx);
    if let Some(im) = headers.get(header::IF_MATCH).and_then(|v| v.to_str().ok())
        && !etag_matches(im, &etag)
    {
        return problem(
            412,
            "The asset was modified by another client: If-Match does not match the current ETag",
        );
    }
    let changes = match apply_patch(&dam.metadata(idx), ops) {
        Ok(c) => c,
        Err(msg) => return problem(400, &msg),
    };
    dam.apply(idx, changes);
    let etag = dam.etag(idx);
    let doc = metadata_document(&dam, idx);
    drop(dam);
    shared.counters.bump(|c| c.writes_applied += 1);
    with_etag(doc, &etag)
}

fn folder_ref(dam: &Dam, idx: u32) -> Value {
    let f = &dam.folders[idx as usize];
    json!({
        "folderId": format!("urn:aaid:aem:{}", uuid_string(f.uuid)),
        "name": if f.parent.is_some() { f.name.to_string() } else { "dam".to_owned() },
        "title": dam.folder_title(idx),
        "path": &*f.path,
    })
}

/// `GET /adobe/folders?path&limit&cursor`: child folders only, cursor-paged; at most
/// `max_page_limit` per page whatever the `limit`.
pub(crate) async fn folders(
    State(shared): State<Shared>,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    if let Err(r) = check(&shared, &headers) {
        return *r;
    }
    let path = q.get("path").map(String::as_str).unwrap_or("/");
    let path = if path == "/" || path.is_empty() {
        DAM_ROOT
    } else {
        path.trim_end_matches('/')
    };
    let limit = match q.get("limit").map(|l| l.parse::<usize>()) {
        None => DEFAULT_FOLDER_LIMIT,
        Some(Ok(l)) if (1..=MAX_FOLDER_LIMIT).contains(&l) => l,
        Some(_) => return problem(400, "limit must be an integer between 1 and 50"),
    };
    let offset = match q.get("cursor") {
        None => 0,
        Some(c) => match URL_SAFE_NO_PAD
            .decode(c)
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
            .and_then(|s| s.strip_prefix("o:").and_then(|n| n.parse::<usize>().ok()))
        {
            Some(o) => o,
            None => return problem(400, "Invalid cursor"),
        },
    };
    // Like the classic listing, a page may hold fewer than asked (the configured page cap):
    // clients must follow the cursor, not take a short page for the last one.
    let limit = limit.min(shared.config.max_page_limit.max(1));
    let dam = read(&shared.dam);
    let Some(Node::Folder(idx)) = dam.lookup(path) else {
        return problem(404, &format!("Folder {path} not found"));
    };
    let subfolders = &dam.folders[idx as usize].folders;
    let children: Vec<Value> = subfolders
        .iter()
        .skip(offset)
        .take(limit)
        .map(|c| folder_ref(&dam, *c))
        .collect();
    let mut body = json!({ "self": folder_ref(&dam, idx), "children": children });
    if offset + limit < subfolders.len() {
        body["cursor"] = json!(URL_SAFE_NO_PAD.encode(format!("o:{}", offset + limit)));
    }
    axum::Json(body).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_patch_ops() {
        let mut md = Map::new();
        md.insert("dc:subject".into(), json!(["a"]));
        md.insert("dc:title".into(), json!("T"));
        let ops = json!([
            {"op": "add", "path": "/dc:rights", "value": "R"},
            {"op": "add", "path": "/dc:subject/-", "value": "b"},
            {"op": "replace", "path": "/assetMetadata/dc:title", "value": "U"},
            {"op": "remove", "path": "/dc:missing"},
            {"op": "test", "path": "/dc:title", "value": "U"}
        ]);
        let changes = apply_patch(&md, &ops).unwrap();
        assert!(changes.contains(&("dc:rights".into(), Some(json!("R")))));
        assert!(changes.contains(&("dc:subject".into(), Some(json!(["a", "b"])))));
        assert!(changes.contains(&("dc:title".into(), Some(json!("U")))));
        assert!(changes.contains(&("dc:missing".into(), None)));
        assert!(apply_patch(&md, &json!([{"op": "add", "path": "foo", "value": "bar"}])).is_err());
        assert!(apply_patch(&md, &json!({"op": "add"})).is_err());
        assert!(apply_patch(&md, &json!([{"op": "move", "path": "/a"}])).is_err());
        assert!(
            apply_patch(
                &md,
                &json!([{"op": "test", "path": "/dc:title", "value": "X"}])
            )
            .is_err()
        );
    }
}
