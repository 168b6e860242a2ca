//! The classic AEM HTTP endpoints: the Assets HTTP API (`/api/assets`, Siren), repository JSON
//! (`/content/dam/….json`, `…/jcr:content/metadata.json`) and `currentuser.json`.
//!
//! Shapes follow Adobe's pages on the Assets HTTP API
//! (<https://experienceleague.adobe.com/en/docs/experience-manager-cloud-service/content/assets/admin/mac-api-assets>,
//! <https://experienceleague.adobe.com/en/docs/experience-manager-cloud-service/content/assets/admin/assets-api-content-fragments>):
//! Siren entities `assets/folder`/`assets/asset`, `srn:paging`, `core/response` error bodies.
//! GraphQL under `/content/_cq_graphql` is routed to `graphql.rs`.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};

use crate::auth::{self, Family, Principal};
use crate::core_response::{auth_failure, core_response, parent_of};
use crate::dam::{DAM_ROOT, Dam, Kind, Node};
use crate::{Shared, read, write};

const DEFAULT_LIMIT: usize = 20;
/// Namespaces the Assets HTTP API exposes in entity properties; the rest needs metadata.json.
const API_NAMESPACES: &[&str] = &["dc:", "xmp:", "tiff:", "cq:"];

/// The `http://host` of the request, so hrefs point where the client connected.
pub(crate) fn origin(shared: &Shared, headers: &HeaderMap) -> String {
    headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .map(|h| format!("http://{h}"))
        .unwrap_or_else(|| shared.base_url.clone())
}

/// `/api/assets/a/b` for `/content/dam/a/b`.
fn api_path(dam_path: &str) -> String {
    format!(
        "/api/assets{}",
        dam_path.strip_prefix(DAM_ROOT).unwrap_or(dam_path)
    )
}

fn plain(status: StatusCode, text: &'static str) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain;charset=utf-8")],
        text,
    )
        .into_response()
}

fn link(rel: &str, href: String) -> Value {
    json!({ "rel": [rel], "href": href })
}

fn api_metadata(md: &Map<String, Value>) -> Map<String, Value> {
    md.iter()
        .filter(|(k, _)| API_NAMESPACES.iter().any(|ns| k.starts_with(ns)))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

fn fragment_properties(dam: &Dam, idx: u32) -> Map<String, Value> {
    let el = dam.fragment_elements(idx);
    let mut p = Map::new();
    p.insert("name".into(), json!(&*dam.assets[idx as usize].name));
    p.insert(
        "title".into(),
        el.get("title").cloned().unwrap_or(Value::Null),
    );
    p.insert(
        "description".into(),
        el.get("description").cloned().unwrap_or(Value::Null),
    );
    p.insert("contentFragment".into(), json!(true));
    p.insert("elementsOrder".into(), json!(el.keys().collect::<Vec<_>>()));
    let elements: Map<String, Value> = el
        .iter()
        .map(|(k, v)| {
            (k.clone(), json!({"value": v, "dataType": "string", ":type": if k == "main" { "text/html" } else { "string" }, "title": k}))
        })
        .collect();
    p.insert("elements".into(), Value::Object(elements));
    p.insert(
        "metadata".into(),
        Value::Object(api_metadata(&dam.metadata(idx))),
    );
    p
}

fn asset_entity(dam: &Dam, idx: u32, origin: &str, child: bool) -> Value {
    let a = &dam.assets[idx as usize];
    let path = dam.asset_path(idx);
    let api = api_path(&path);
    let properties = if a.kind == Kind::ContentFragment {
        fragment_properties(dam, idx)
    } else {
        let mut p = Map::new();
        p.insert("name".into(), json!(&*a.name));
        p.insert(
            "metadata".into(),
            Value::Object(api_metadata(&dam.metadata(idx))),
        );
        p.insert("related".into(), json!({}));
        p
    };
    let mut links = vec![link("self", format!("{origin}{api}.json"))];
    if !child {
        links.push(link("parent", format!("{origin}{}.json", parent_of(&api))));
    }
    if a.kind != Kind::ContentFragment {
        links.push(link(
            "thumbnail",
            format!("{origin}{path}/_jcr_content/renditions/cq5dam.thumbnail.48.48.png"),
        ));
        links.push(link("content", format!("{origin}{path}")));
    }
    let mut e = json!({ "class": ["assets/asset"], "properties": properties, "links": links });
    if child {
        e["rel"] = json!(["child"]);
    }
    e
}

fn folder_child(dam: &Dam, idx: u32, origin: &str) -> Value {
    let f = &dam.folders[idx as usize];
    json!({
        "class": ["assets/folder"],
        "rel": ["child"],
        "properties": { "name": &*f.name, "title": dam.folder_title(idx) },
        "links": [link("self", format!("{origin}{}.json", api_path(&f.path)))],
    })
}

fn folder_listing(dam: &Dam, idx: u32, origin: &str, offset: usize, limit: usize) -> Value {
    let f = &dam.folders[idx as usize];
    let api = api_path(&f.path);
    let total = dam.child_count(idx);
    let entities: Vec<Value> = dam
        .children_page(idx, offset, limit)
        .map(|n| match n {
            Node::Folder(c) => folder_child(dam, c, origin),
            Node::Asset(c) => asset_entity(dam, c, origin, true),
        })
        .collect();
    let parent = if f.parent.is_some() {
        format!("{origin}{}.json", parent_of(&api))
    } else {
        format!("{origin}/api.json")
    };
    let name = if f.parent.is_some() {
        f.name.to_string()
    } else {
        "assets".to_owned()
    };
    json!({
        "class": ["assets/folder"],
        "properties": {
            "name": name,
            "title": dam.folder_title(idx),
            "srn:paging": { "total": total, "offset": offset, "limit": limit },
        },
        "entities": entities,
        "links": [link("self", format!("{origin}{api}.json")), link("parent", parent)],
        "actions": [
            {"method": "POST", "name": "add-folder", "href": format!("{origin}{api}/*"), "title": "Add Folder", "fields": [{"name": "name", "type": "text"}]},
            {"method": "PUT", "name": "update", "href": format!("{origin}{api}"), "type": "application/vnd.siren+json", "title": "Update", "fields": [{"name": "data", "type": "text"}]},
            {"method": "DELETE", "name": "delete", "href": format!("{origin}{api}"), "title": "Delete"},
            {"method": "POST", "name": "add-asset", "href": format!("{origin}{api}/*"), "title": "Add Asset", "fields": [{"name": "name", "type": "text"}, {"name": "file", "type": "file"}]},
        ],
    })
}

fn siren(v: Value) -> Response {
    axum::Json(v).into_response()
}

/// `GET /api.json`: the service document.
pub(crate) async fn service_doc(State(shared): State<Shared>, headers: HeaderMap) -> Response {
    if let Err(e) = auth::authenticate(&shared, &headers, Family::Classic) {
        return auth_failure(e, "/api");
    }
    let origin = origin(&shared, &headers);
    siren(json!({
        "class": ["core/services"],
        "properties": {},
        "entities": [{"rel": ["child"], "class": ["assets/folder"], "properties": {"name": "assets"}, "links": [link("self", format!("{origin}/api/assets.json"))]}],
        "links": [link("self", format!("{origin}/api.json"))],
    }))
}

/// `GET /api/assets.json`.
pub(crate) async fn get_root(
    State(shared): State<Shared>,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    get_path(&shared, &headers, &q, "").await
}

/// `GET /api/assets/{path}[.json]`.
pub(crate) async fn get(
    State(shared): State<Shared>,
    Path(path): Path<String>,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    get_path(&shared, &headers, &q, &path).await
}

async fn get_path(
    shared: &Shared,
    headers: &HeaderMap,
    q: &HashMap<String, String>,
    rel: &str,
) -> Response {
    let rel = rel.trim_matches('/');
    let rel = rel.strip_suffix(".json").unwrap_or(rel);
    let dam_path = if rel.is_empty() {
        DAM_ROOT.to_owned()
    } else {
        format!("{DAM_ROOT}/{rel}")
    };
    let api = api_path(&dam_path);
    if let Err(e) = auth::authenticate(shared, headers, Family::Classic) {
        return auth_failure(e, &api);
    }
    let origin = origin(shared, headers);
    let max = shared.config.max_page_limit.max(1);
    let offset = q
        .get("offset")
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(0);
    let limit = q
        .get("limit")
        .and_then(|v| v.parse::<usize>().ok())
        .filter(|l| *l > 0)
        .unwrap_or(DEFAULT_LIMIT)
        .min(max);
    let dam = read(&shared.dam);
    match dam.lookup(&dam_path) {
        Some(Node::Folder(f)) => {
            let mut listing = folder_listing(&dam, f, &origin, offset, limit);
            // A silent cap: fewer children than asked, the paging still saying the limit asked.
            if let Some(cap) = shared.faults.listing_page_cap()
                && let Some(entities) = listing["entities"].as_array_mut()
            {
                entities.truncate(cap);
            }
            siren(listing)
        }
        Some(Node::Asset(a)) => siren(asset_entity(&dam, a, &origin, false)),
        None => core_response(404, &api, "Not Found"),
    }
}

/// Turns a PUT body into metadata changes, validating all of it before anything is applied.
fn parse_put(body: &[u8]) -> Result<Vec<(String, Option<Value>)>, String> {
    let v: Value = serde_json::from_slice(body).map_err(|e| format!("Invalid JSON: {e}"))?;
    let obj = v
        .as_object()
        .ok_or("The request body must be a JSON object")?;
    match obj.get("class") {
        None => {}
        Some(Value::String(c)) if is_known_class(c) => {}
        Some(Value::Array(a)) if a.iter().all(|c| c.as_str().is_some_and(is_known_class)) => {}
        Some(other) => return Err(format!("Unsupported class {other}")),
    }
    let props = obj
        .get("properties")
        .and_then(Value::as_object)
        .ok_or("The request body must carry a \"properties\" object")?;
    let mut changes = Vec::with_capacity(props.len());
    for (key, value) in props {
        if key == "metadata" {
            let nested = value.as_object().ok_or("\"metadata\" must be an object")?;
            for (k, v) in nested {
                changes.push((checked_name(k)?, checked_value(k, v)?));
            }
        } else if let Some(rest) = key.strip_prefix("metadata/") {
            changes.push((checked_name(rest)?, checked_value(key, value)?));
        } else {
            // The API exposes jcr:title/jcr:description as dc:title/dc:description.
            let name = match key.as_str() {
                "jcr:title" | "title" => "dc:title",
                "jcr:description" | "description" => "dc:description",
                other => other,
            };
            changes.push((checked_name(name)?, checked_value(key, value)?));
        }
    }
    Ok(changes)
}

fn is_known_class(c: &str) -> bool {
    matches!(
        c,
        "asset" | "assetFolder" | "folder" | "assets/asset" | "assets/folder"
    )
}

fn checked_name(name: &str) -> Result<String, String> {
    if name.is_empty() || name.contains('/') || name.starts_with('.') {
        return Err(format!("Invalid property name {name:?}"));
    }
    Ok(name.to_owned())
}

/// Scalars and arrays of scalars (multi-valued) are properties; `null` removes one.
fn checked_value(key: &str, v: &Value) -> Result<Option<Value>, String> {
    match v {
        Value::Null => Ok(None),
        Value::Array(items)
            if items
                .iter()
                .all(|i| !(i.is_array() || i.is_object() || i.is_null())) =>
        {
            Ok(Some(v.clone()))
        }
        Value::Array(_) | Value::Object(_) => Err(format!(
            "Property {key:?} must be a string, number, boolean or an array of those"
        )),
        _ => Ok(Some(v.clone())),
    }
}

/// `PUT /api/assets/{path}[.json]`: update asset (or folder) properties.
pub(crate) async fn put(
    State(shared): State<Shared>,
    Path(path): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let rel = path.trim_matches('/');
    let rel = rel.strip_suffix(".json").unwrap_or(rel);
    let dam_path = format!("{DAM_ROOT}/{rel}");
    let api = api_path(&dam_path);
    let principal: Principal = match auth::authenticate(&shared, &headers, Family::Classic) {
        Ok(p) => p,
        Err(e) => return auth_failure(e, &api),
    };
    let node = read(&shared.dam).lookup(&dam_path);
    let Some(node) = node else {
        return core_response(404, &api, "Not Found");
    };
    if principal.read_only || shared.faults.write_denied(&dam_path) {
        return core_response(
            403,
            &api,
            &format!(
                "Forbidden: {} has no write permission on {dam_path}",
                principal.user
            ),
        );
    }
    let mut changes = match parse_put(&body) {
        Ok(c) => c,
        Err(msg) => return core_response(400, &api, &msg),
    };
    if shared.faults.put_null_kept() {
        changes.retain(|(_, value)| value.is_some());
    }
    {
        let mut dam = write(&shared.dam);
        match node {
            Node::Asset(a) => dam.apply(a, changes),
            Node::Folder(f) => dam.apply_folder(f, changes),
        }
    }
    shared.counters.bump(|c| c.writes_applied += 1);
    tokio::time::sleep(shared.faults.commit_cost(1)).await;
    core_response(200, &api, "OK")
}

/// `GET /content/{path}`: repository JSON of DAM nodes; GraphQL endpoints only answer POST.
pub(crate) async fn content_get(
    State(shared): State<Shared>,
    Path(path): Path<String>,
    headers: HeaderMap,
) -> Response {
    if path == "_cq_graphql.1.json" {
        return crate::graphql::endpoints_listing(&shared, &headers);
    }
    if path.starts_with("_cq_graphql/") {
        return plain(StatusCode::METHOD_NOT_ALLOWED, "Method Not Allowed");
    }
    let full = format!("/content/{}", path.trim_end_matches('/'));
    if let Err(e) = auth::authenticate(&shared, &headers, Family::Classic) {
        let mut r = plain(
            StatusCode::from_u16(e.status).unwrap_or(StatusCode::UNAUTHORIZED),
            "Unauthorized",
        );
        if e.status == 403 {
            r = (
                StatusCode::FORBIDDEN,
                [(header::CONTENT_TYPE, "text/plain;charset=utf-8")],
                e.message,
            )
                .into_response();
        } else if let Some(c) = e.challenge.and_then(|c| HeaderValue::from_str(&c).ok()) {
            r.headers_mut().insert(header::WWW_AUTHENTICATE, c);
        }
        return r;
    }
    if let Some(rest) = full.strip_prefix(crate::taxonomy::TAGS_ROOT) {
        return crate::tag_command::render(&shared, rest);
    }
    let dam = read(&shared.dam);
    if let Some((asset, w, h)) = crate::renditions::parse(&full) {
        shared
            .counters
            .bump(|c| *c.renditions.entry(asset.to_owned()).or_default() += 1);
        return crate::renditions::serve(&dam, asset, w, h);
    }
    for suffix in ["/jcr:content/metadata.json", "/_jcr_content/metadata.json"] {
        if let Some(asset_path) = full.strip_suffix(suffix) {
            return match dam.lookup(asset_path) {
                Some(Node::Asset(a)) => {
                    let mut md = Map::new();
                    md.insert("jcr:primaryType".into(), json!("nt:unstructured"));
                    md.extend(dam.metadata(a));
                    axum::Json(Value::Object(md)).into_response()
                }
                _ => plain(StatusCode::NOT_FOUND, "Not Found"),
            };
        }
    }
    // The asset's content node (`content_node`), its own properties at level 0, its children's
    // too at level 1.
    for (suffix, children) in [
        ("/jcr:content.json", false),
        ("/_jcr_content.json", false),
        ("/jcr:content.1.json", true),
        ("/_jcr_content.1.json", true),
    ] {
        if let Some(asset_path) = full.strip_suffix(suffix) {
            return match dam.lookup(asset_path) {
                Some(Node::Asset(a)) => {
                    axum::Json(crate::dam_json::content_node(&dam, a, children)).into_response()
                }
                // A folder's content node: where a `metadataSchema` may sit (`schemas.rs`).
                Some(Node::Folder(f)) => {
                    let mut content = json!({"jcr:primaryType": "nt:unstructured"});
                    let path = &dam.folders[f as usize].path;
                    if let Some(form) = crate::schemas::seeded_mapping(path, true) {
                        content["metadataSchema"] = json!(form);
                    }
                    axum::Json(content).into_response()
                }
                _ => plain(StatusCode::NOT_FOUND, "Not Found"),
            };
        }
    }
    let Some(stem) = full.strip_suffix(".json") else {
        return plain(StatusCode::NOT_FOUND, "Not Found");
    };
    // `x.jpg.1.json`, `x.infinity.json`: a node rendered that many levels down
    // (`dam_json.rs`), under Sling's `json.maximumresults`.
    let (node, path, depth) = match dam.lookup(stem) {
        Some(n) => (Some(n), stem, 0),
        None => match crate::schemas::split_selector(stem) {
            Ok((s, depth)) if s != stem => (dam.lookup(s), s, depth),
            _ => (None, stem, 0),
        },
    };
    match node {
        Some(node) => {
            let max = shared
                .json_max_results
                .load(std::sync::atomic::Ordering::Relaxed);
            crate::dam_json::answer(&dam, node, path, depth, max)
        }
        None => plain(StatusCode::NOT_FOUND, "Not Found"),
    }
}

/// `GET /conf/{path}`: the custom metadata schema forms (`schemas.rs`).
pub(crate) async fn conf_get(
    State(shared): State<Shared>,
    Path(path): Path<String>,
    headers: HeaderMap,
) -> Response {
    crate::schemas::serve(&shared, &headers, &format!("/conf/{path}"))
}

/// `GET /libs/dam/{path}`: the built-in metadata schema forms (`schemas.rs`).
pub(crate) async fn libs_get(
    State(shared): State<Shared>,
    Path(path): Path<String>,
    headers: HeaderMap,
) -> Response {
    crate::schemas::serve(&shared, &headers, &format!("/libs/dam/{path}"))
}

/// `GET /libs/granite/security/currentuser.json` (404 under the `current_user_hidden` fault).
pub(crate) async fn current_user(State(shared): State<Shared>, headers: HeaderMap) -> Response {
    if shared.faults.current_user_hidden() {
        return plain(StatusCode::NOT_FOUND, "Not Found");
    }
    match auth::authenticate(&shared, &headers, Family::Classic) {
        Ok(p) => {
            let initial = p.user.chars().next().unwrap_or('u').to_ascii_lowercase();
            axum::Json(json!({
                "authorizableId": p.user,
                "home": format!("/home/users/{initial}/{}", p.user.replace(['@', '.'], "-")),
                "declaredMemberOf": if p.read_only { vec!["contributor"] } else { vec!["contributor", "dam-users"] },
            }))
            .into_response()
        }
        Err(e) => auth_failure(e, "/libs/granite/security/currentuser"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn put_forms_parse() {
        let c = parse_put(br#"{"class":"asset","properties":{"metadata/dc:rights":"R","metadata":{"dc:subject":["a","b"]},"jcr:title":"T","dc:x":null}}"#).unwrap();
        assert!(c.contains(&("dc:rights".into(), Some(json!("R")))));
        assert!(c.contains(&("dc:subject".into(), Some(json!(["a", "b"])))));
        assert!(c.contains(&("dc:title".into(), Some(json!("T")))));
        assert!(c.contains(&("dc:x".into(), None)));
    }

    #[test]
    fn malformed_put_bodies_are_rejected() {
        for body in [
            &b"not json"[..],
            br#"[1]"#,
            br#"{"class":"asset"}"#,
            br#"{"class":"asset","properties":[]}"#,
            br#"{"class":"bogus","properties":{}}"#,
            br#"{"properties":{"metadata/dc:x":{"a":1}}}"#,
            br#"{"properties":{"metadata/":"x"}}"#,
            br#"{"properties":{"metadata":"x"}}"#,
        ] {
            assert!(
                parse_put(body).is_err(),
                "{}",
                String::from_utf8_lossy(body)
            );
        }
    }
}
