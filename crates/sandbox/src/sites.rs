//! The Sites API's content fragments (`/adobe/sites/cf/…`): the list of a folder's fragments
//! in pages of at most 50, one fragment with its `ETag`, an all-or-nothing JSON Patch with
//! `If-Match`, and the models.
//!
//! As Adobe documents it (<https://adobe-sites.redoc.ly/>): fields'
//! `values` are always arrays, a patch addresses `/title`, `/description` and
//! `/fields/<index>/values` (the index in the fragment's `fields`), a stale `If-Match` gets 412.
//! Hazards of a real AEM on demand (`FragmentFaults`): a list that repeats its cursor, a build
//! before 21331 whose GET gives an ETag its PATCH refuses, ETags of any length.
//! A patch without `If-Match` gets 428 here (whether AEM refuses it: UNCONFIRMED). Errors are
//! RFC 7807 problem details. Only OAuth Server-to-Server tokens (with `X-Api-Key`) are taken;
//! `X-Adobe-Accept-Experimental` is not needed (the API is not experimental). Values and models:
//! `dam/fragments.rs`, `dam/cf_models.rs`.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Value, json};

use crate::auth::{self, Family, Principal};
use crate::dam::cf_models::{MODELS, Model};
use crate::dam::{DAM_ROOT, Target};
use crate::openapi::{etag_matches, problem, with_etag};
use crate::{Shared, read, write};

/// The most fragments a list page holds, and its default size.
pub(crate) const MAX_LIMIT: usize = 50;

/// Authenticates a Sites API request: an OAuth Server-to-Server token with its `X-Api-Key`;
/// another kind of token gets 403 saying which credentials the Sites API takes.
pub(crate) fn authorise(shared: &Shared, headers: &HeaderMap) -> Result<Principal, Box<Response>> {
    auth::authenticate(shared, headers, Family::Sites).map_err(|e| {
        let mut r = problem(e.status, &e.message);
        if let Some(c) = e.challenge.and_then(|c| HeaderValue::from_str(&c).ok()) {
            r.headers_mut().insert(header::WWW_AUTHENTICATE, c);
        }
        Box::new(r)
    })
}

fn cursor_for(offset: usize) -> String {
    URL_SAFE_NO_PAD.encode(format!("o:{offset}"))
}

fn offset_of(cursor: &str) -> Option<usize> {
    let text = String::from_utf8(URL_SAFE_NO_PAD.decode(cursor).ok()?).ok()?;
    text.strip_prefix("o:")?.parse().ok()
}

/// `GET /adobe/sites/cf/fragments?path&limit&cursor`: the fragments at `path` (the fragment
/// there, or every fragment in that folder's subtree — its own only with
/// `FragmentFaults::direct_children`; all of the DAM without it) in tree order, `limit` (1 to 50, default 50) a page, `cursor` to the next page while there is one.
pub(crate) async fn list(
    State(shared): State<Shared>,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    shared.counters.bump(|c| c.sites_list_pages += 1);
    if let Err(r) = authorise(&shared, &headers) {
        return *r;
    }
    let limit = match q.get("limit").map(|l| l.trim().parse::<usize>()) {
        None => MAX_LIMIT,
        Some(Ok(l)) if (1..=MAX_LIMIT).contains(&l) => l,
        Some(Ok(l)) if l > MAX_LIMIT => {
            return problem(
                400,
                &format!(
                    "limit {l} is above {MAX_LIMIT}: a page holds at most {MAX_LIMIT} fragments"
                ),
            );
        }
        Some(_) => return problem(400, "limit must be a whole number from 1 to 50"),
    };
    let offset = match q.get("cursor") {
        None => 0,
        Some(c) => match offset_of(c) {
            Some(o) => o,
            None => return problem(400, &format!("Invalid cursor {c:?}")),
        },
    };
    let path = q
        .get("path")
        .map(|p| p.trim_end_matches('/'))
        .filter(|p| !p.is_empty())
        .unwrap_or(DAM_ROOT);
    let dam = read(&shared.dam);
    let all = if shared.faults.fragments().direct_children {
        dam.fragments_in(path)
    } else {
        dam.fragments_under(path)
    };
    let items: Vec<Value> = all
        .iter()
        .skip(offset)
        .take(limit)
        .map(|i| dam.fragment_json(*i))
        .collect();
    let mut body = json!({ "items": items });
    if offset + limit < all.len() {
        // A broken server's paging: the second page's cursor, every time.
        let next = if shared.faults.fragments().cursor_repeats {
            limit
        } else {
            offset + limit
        };
        body["cursor"] = json!(cursor_for(next));
    }
    axum::Json(body).into_response()
}

fn not_found(id: &str) -> Response {
    problem(404, &format!("Content fragment {id} not found"))
}

/// `GET /adobe/sites/cf/fragments/{id}`: the fragment, its `ETag` in the header.
pub(crate) async fn get_fragment(
    State(shared): State<Shared>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    shared.counters.bump(|c| c.sites_reads += 1);
    if let Err(r) = authorise(&shared, &headers) {
        return *r;
    }
    let dam = read(&shared.dam);
    match dam.fragment_by_id(&id) {
        Some(idx) => with_etag(
            dam.fragment_json(idx),
            &served_etag(&shared, &dam.etag(idx), true),
        ),
        None => not_found(&id),
    }
}

/// The ETag the Sites API shows for a fragment whose revision's ETag is `etag`: padded to
/// [`FragmentFaults::etag_bytes`] when asked; on a build before 21331, a GET's differs from
/// the one PATCH takes (`read`: for a GET).
///
/// [`FragmentFaults::etag_bytes`]: crate::FragmentFaults::etag_bytes
fn served_etag(shared: &Shared, etag: &str, read: bool) -> String {
    let faults = shared.faults.fragments();
    let mut inner = etag.trim_matches('"').to_owned();
    if read && faults.before_21331 {
        inner.push_str("-read");
    }
    if let Some(bytes) = faults.etag_bytes {
        let pad = bytes.saturating_sub(inner.len() + 2);
        inner.push('-');
        inner.extend(std::iter::repeat_n('0', pad.saturating_sub(1)));
    }
    format!("\"{inner}\"")
}

/// `PATCH /adobe/sites/cf/fragments/{id}` (`application/json-patch+json`, `If-Match`): every
/// operation is checked before any is applied; one refused, nothing changes.
pub(crate) async fn patch_fragment(
    State(shared): State<Shared>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    shared.counters.bump(|c| c.sites_patches += 1);
    let principal = match authorise(&shared, &headers) {
        Ok(p) => p,
        Err(r) => return *r,
    };
    let mime = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|m| m.trim().to_ascii_lowercase());
    if !matches!(
        mime.as_deref(),
        Some("application/json-patch+json" | "application/json")
    ) {
        return problem(415, "Content-Type must be application/json-patch+json");
    }
    let ops: Value = match serde_json::from_slice(&body) {
        Ok(v) => v,
        Err(e) => return problem(400, &format!("Invalid JSON: {e}")),
    };
    let answer = patch_now(&shared, &principal, &headers, &id, &ops);
    if answer.status().is_success() {
        tokio::time::sleep(shared.faults.commit_cost(1)).await;
    }
    answer
}

/// The patch once its body is read: checks, then one change under the DAM's lock.
fn patch_now(
    shared: &Shared,
    principal: &Principal,
    headers: &HeaderMap,
    id: &str,
    ops: &Value,
) -> Response {
    let mut dam = write(&shared.dam);
    let Some(idx) = dam.fragment_by_id(id) else {
        return not_found(id);
    };
    if principal.read_only || shared.faults.write_denied(&dam.asset_path(idx)) {
        return problem(
            403,
            &format!(
                "{} is not allowed to modify the fragment {id}",
                principal.user
            ),
        );
    }
    let Some(if_match) = headers.get(header::IF_MATCH).and_then(|v| v.to_str().ok()) else {
        return problem(
            428,
            "This request needs an If-Match header with the fragment's ETag (from GET \
             /adobe/sites/cf/fragments/{id})",
        );
    };
    if !etag_matches(if_match, &served_etag(shared, &dam.etag(idx), false)) {
        return problem(
            412,
            "The fragment was modified since it was read: If-Match does not match its ETag",
        );
    }
    let change = match operations(ops).and_then(|edits| dam.fragment_change(idx, &edits)) {
        Ok(c) => c,
        Err(why) => return problem(400, &why),
    };
    dam.apply_fragment(idx, change, &principal.user, crate::ims::now_ms());
    let (doc, etag) = (
        dam.fragment_json(idx),
        served_etag(shared, &dam.etag(idx), false),
    );
    drop(dam);
    shared.counters.bump(|c| c.writes_applied += 1);
    with_etag(doc, &etag)
}

/// Reads a JSON Patch body into what each operation sets: `replace` or `add` of `/title`,
/// `/description` or `/fields/<index>/values`.
fn operations(ops: &Value) -> Result<Vec<(Target, Value)>, String> {
    let ops = ops
        .as_array()
        .ok_or("The body must be a JSON Patch array of operations")?;
    let mut out = Vec::with_capacity(ops.len());
    for (n, op) in ops.iter().enumerate() {
        let kind = op.get("op").and_then(Value::as_str).unwrap_or("");
        let path = op.get("path").and_then(Value::as_str).unwrap_or("");
        if !matches!(kind, "replace" | "add") {
            return Err(format!(
                "Operation {n}: op {kind:?} is not supported; use replace or add"
            ));
        }
        let target = match path {
            "/title" => Target::Title,
            "/description" => Target::Description,
            _ => {
                let index = path
                    .strip_prefix("/fields/")
                    .and_then(|r| r.strip_suffix("/values"))
                    .and_then(|i| i.parse::<usize>().ok())
                    .ok_or_else(|| {
                        format!(
                            "Operation {n}: path {path:?} is not one a fragment patch takes: \
                             /title, /description or /fields/<index>/values"
                        )
                    })?;
                Target::Field(index)
            }
        };
        let value = op
            .get("value")
            .ok_or_else(|| format!("Operation {n}: {kind} at {path} needs a value"))?;
        out.push((target, value.clone()));
    }
    Ok(out)
}

/// `GET /adobe/sites/cf/models`: every model with its fields.
pub(crate) async fn models(State(shared): State<Shared>, headers: HeaderMap) -> Response {
    if let Err(r) = authorise(&shared, &headers) {
        return *r;
    }
    let items: Vec<Value> = MODELS.iter().map(|m| m.document()).collect();
    axum::Json(json!({ "items": items })).into_response()
}

/// `GET /adobe/sites/cf/models/{modelId}`: one model, its fields' types, labels, whether they
/// are required, and each enumeration's options.
pub(crate) async fn model(
    State(shared): State<Shared>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    if let Err(r) = authorise(&shared, &headers) {
        return *r;
    }
    match Model::by_id(&id) {
        Some(m) => axum::Json(m.document()).into_response(),
        None => problem(404, &format!("Content fragment model {id} not found")),
    }
}

/// A colleague's edit of a content fragment ([`crate::Sandbox::edit_fragment`], the control API).
pub(crate) fn edit_fragment(
    s: &Shared,
    path: &str,
    field: &str,
    values: Vec<serde_json::Value>,
) -> Result<serde_json::Value, String> {
    let mut dam = write(&s.dam);
    dam.edit_fragment_as(path, field, values, crate::COLLEAGUE, crate::ims::now_ms())?;
    fragment_state_in(&dam, path).ok_or_else(|| format!("no content fragment at {path}"))
}

pub(crate) fn fragment_state(s: &Shared, path: &str) -> Option<serde_json::Value> {
    fragment_state_in(&read(&s.dam), path)
}

fn fragment_state_in(dam: &crate::dam::Dam, path: &str) -> Option<serde_json::Value> {
    let idx = dam.fragment_at(path)?;
    let mut v = dam.fragment_json(idx);
    v["etag"] = serde_json::json!(dam.etag(idx));
    Some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operations_read_the_three_paths_and_refuse_others() {
        let ops = json!([
            {"op": "replace", "path": "/title", "value": "T"},
            {"op": "add", "path": "/description", "value": "D"},
            {"op": "replace", "path": "/fields/3/values", "value": [1]},
        ]);
        assert_eq!(
            operations(&ops).unwrap(),
            vec![
                (Target::Title, json!("T")),
                (Target::Description, json!("D")),
                (Target::Field(3), json!([1])),
            ]
        );
        for (bad, words) in [
            (json!({"op": "replace"}), "array"),
            (json!([{"op": "remove", "path": "/title"}]), "remove"),
            (
                json!([{"op": "replace", "path": "/fields/x/values", "value": []}]),
                "/fields/x",
            ),
            (
                json!([{"op": "replace", "path": "/fields/1", "value": []}]),
                "/fields/1",
            ),
            (
                json!([{"op": "replace", "path": "/title"}]),
                "needs a value",
            ),
        ] {
            let e = operations(&bad).unwrap_err();
            assert!(e.contains(words), "{e}");
        }
        assert_eq!(offset_of(&cursor_for(150)), Some(150));
        assert_eq!(offset_of("nope"), None);
    }
}
