//! The control API for tests in other processes (`/__sandbox/*`): counters, faults, one asset's
//! state (and an edit, a publication or a takedown of it by another user), a content fragment's
//! (and a colleague's edit of it), a Sites page that uses assets (set as an author would, and
//! read back), a dump, reset, token revocation, the credentials and an account's GraphQL access.
//!
//! Thin HTTP wrappers over the same operations as the Rust handle in `lib.rs`; these requests
//! bypass faults, counters and authentication (the sandbox only listens on loopback).

use std::collections::HashMap;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use serde_json::{Value, json};

use crate::Shared;
use crate::faults::Faults;

pub(crate) fn router() -> Router<Shared> {
    Router::new()
        .route("/counters", get(counters))
        .route("/faults", get(get_faults).put(put_faults))
        .route("/asset", get(asset).patch(edit_asset))
        .route("/replicate", post(replicate_as))
        .route("/fragment", get(fragment).patch(edit_fragment))
        .route("/upload", post(upload))
        .route("/page", get(page).put(set_page))
        .route("/dump", get(dump))
        .route("/reset", post(reset))
        .route("/revoke", post(revoke))
        .route("/credentials", get(credentials))
        .route("/dev-token", post(dev_token))
        .route("/graphql-access", put(graphql_access))
        .route("/openapi-search", put(openapi_search))
}

fn bad(msg: impl Into<String>) -> Response {
    (
        StatusCode::BAD_REQUEST,
        axum::Json(json!({ "error": msg.into() })),
    )
        .into_response()
}

async fn counters(State(s): State<Shared>) -> Response {
    axum::Json(s.counters.snapshot()).into_response()
}

async fn get_faults(State(s): State<Shared>) -> Response {
    axum::Json(s.faults.get()).into_response()
}

async fn put_faults(State(s): State<Shared>, body: Bytes) -> Response {
    let faults: Faults = match serde_json::from_slice(&body) {
        Ok(f) => f,
        Err(e) => return bad(format!("invalid faults JSON: {e}")),
    };
    if let Err(e) = faults.validate() {
        return bad(e);
    }
    s.faults.set(faults.clone());
    axum::Json(faults).into_response()
}

async fn asset(State(s): State<Shared>, Query(q): Query<HashMap<String, String>>) -> Response {
    let Some(path) = q.get("path").or_else(|| q.get("id")) else {
        return bad("give ?path=/content/dam/… or ?id=urn:aaid:aem:…");
    };
    match crate::asset_state(&s, path) {
        Some(v) => axum::Json(v).into_response(),
        None => (
            StatusCode::NOT_FOUND,
            axum::Json(json!({ "error": "no such asset" })),
        )
            .into_response(),
    }
}

/// `PATCH /__sandbox/asset?path=…` with `{"dc:rights": "theirs", "dc:title": null}`: the
/// asset's metadata changed as another AEM user would change it.
async fn edit_asset(
    State(s): State<Shared>,
    Query(q): Query<HashMap<String, String>>,
    body: Bytes,
) -> Response {
    let Some(path) = q.get("path").or_else(|| q.get("id")) else {
        return bad("give ?path=/content/dam/… or ?id=urn:aaid:aem:…");
    };
    let edit: Value = match serde_json::from_slice(&body) {
        Ok(v) => v,
        Err(e) => return bad(format!("invalid edit JSON: {e}")),
    };
    match crate::colleague::edit_asset(&s, path, &edit) {
        Ok(state) => axum::Json(state).into_response(),
        Err(msg) => bad(msg),
    }
}

/// `POST /__sandbox/replicate?path=…&action=activate|deactivate&by=…`: the asset published or
/// taken down as that user would, on the publish tier; answers its new state.
async fn replicate_as(
    State(s): State<Shared>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let (Some(path), Some(by)) = (q.get("path"), q.get("by")) else {
        return bad("give ?path=/content/dam/…&action=activate|deactivate&by=user");
    };
    let activate = match q.get("action").map(String::as_str) {
        Some("activate") => true,
        Some("deactivate") => false,
        _ => return bad("action must be activate or deactivate"),
    };
    if !crate::replicate_as(&s, path, activate, by) {
        return bad(format!("no asset at {path}"));
    }
    match crate::asset_state(&s, path) {
        Some(state) => axum::Json(state).into_response(),
        None => bad(format!("no asset at {path}")),
    }
}

fn no_fragment() -> Response {
    (
        StatusCode::NOT_FOUND,
        axum::Json(json!({ "error": "no content fragment there" })),
    )
        .into_response()
}

/// `GET /__sandbox/fragment?path=…`: the fragment as the Sites API gives it, plus its `etag`.
async fn fragment(State(s): State<Shared>, Query(q): Query<HashMap<String, String>>) -> Response {
    let Some(path) = q.get("path") else {
        return bad("give ?path=/content/dam/…");
    };
    crate::sites::fragment_state(&s, path)
        .map_or_else(no_fragment, |v| axum::Json(v).into_response())
}

/// `PATCH /__sandbox/fragment?path=…` with `{"field": "difficulty", "values": ["easy"]}`: the
/// fragment changed by a colleague (a new ETag); `title` and `description` are its own.
async fn edit_fragment(
    State(s): State<Shared>,
    Query(q): Query<HashMap<String, String>>,
    body: Bytes,
) -> Response {
    let Some(path) = q.get("path") else {
        return bad("give ?path=/content/dam/…");
    };
    let v: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let (Some(field), Some(values)) = (
        v.get("field").and_then(Value::as_str),
        v.get("values").and_then(Value::as_array),
    ) else {
        return bad("body must be {\"field\": \"…\", \"values\": […]}");
    };
    if crate::sites::fragment_state(&s, path).is_none() {
        return no_fragment();
    }
    match crate::sites::edit_fragment(&s, path, field, values.clone()) {
        Ok(state) => axum::Json(state).into_response(),
        Err(msg) => bad(msg),
    }
}

/// `POST /__sandbox/upload?path=/content/dam/f/new.jpg` with `{"dc:title": "…"}` (or no
/// body): an asset uploaded by another user, in its folder's listing at once and in search
/// matches `index_lag_secs` later.
async fn upload(
    State(s): State<Shared>,
    Query(q): Query<HashMap<String, String>>,
    body: Bytes,
) -> Response {
    let Some(path) = q.get("path") else {
        return bad("give ?path=/content/dam/folder/name.jpg");
    };
    let metadata: Value = if body.is_empty() {
        Value::Null
    } else {
        match serde_json::from_slice(&body) {
            Ok(v) => v,
            Err(e) => return bad(format!("invalid metadata JSON: {e}")),
        }
    };
    match crate::colleague::upload(&s, path, &metadata) {
        Ok(state) => (StatusCode::CREATED, axum::Json(state)).into_response(),
        Err(msg) => bad(msg),
    }
}

/// `PUT /__sandbox/page?path=/content/…` with `{"title": "…", "published": true, "assets":
/// ["/content/dam/…"]}`: the Sites page set as an author would (`Sandbox::reference_page`; no
/// asset removes it); answers the page as `GET` does.
async fn set_page(
    State(s): State<Shared>,
    Query(q): Query<HashMap<String, String>>,
    body: Bytes,
) -> Response {
    let Some(path) = q.get("path").filter(|p| p.starts_with("/content/")) else {
        return bad("give ?path=/content/…");
    };
    if path.starts_with("/content/dam/") {
        return bad("a page is not under /content/dam");
    }
    let v: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let (Some(title), Some(published), Some(assets)) = (
        v.get("title").and_then(Value::as_str),
        v.get("published").and_then(Value::as_bool),
        v.get("assets").and_then(Value::as_array),
    ) else {
        return bad(
            "body must be {\"title\": \"…\", \"published\": true|false, \"assets\": [\"/content/dam/…\"]}",
        );
    };
    let Some(assets) = assets
        .iter()
        .map(|a| {
            a.as_str()
                .filter(|a| a.starts_with("/content/dam/"))
                .map(str::to_owned)
        })
        .collect::<Option<Vec<String>>>()
    else {
        return bad("each asset is a path under /content/dam/");
    };
    crate::write(&s.site_pages).set(path, title, published, assets);
    page_answer(&s, path)
}

/// `GET /__sandbox/page?path=/content/…`: the page's title, whether it is published, the DAM
/// paths it uses on author (`assets`) and those its published copy uses (`live`); 404 when
/// there is no such page.
async fn page(State(s): State<Shared>, Query(q): Query<HashMap<String, String>>) -> Response {
    let Some(path) = q.get("path") else {
        return bad("give ?path=/content/…");
    };
    page_answer(&s, path)
}

fn page_answer(s: &Shared, path: &str) -> Response {
    match crate::read(&s.site_pages).state(path) {
        Some(v) => axum::Json(v).into_response(),
        None => (
            StatusCode::NOT_FOUND,
            axum::Json(json!({ "error": "no such page" })),
        )
            .into_response(),
    }
}

async fn dump(State(s): State<Shared>, Query(q): Query<HashMap<String, String>>) -> Response {
    let full = q.get("full").is_some_and(|v| v == "true" || v == "1");
    axum::Json(crate::read(&s.dam).dump(full)).into_response()
}

async fn reset(State(s): State<Shared>) -> Response {
    crate::reset(&s);
    axum::Json(json!({ "reset": true })).into_response()
}

async fn revoke(State(s): State<Shared>, body: Bytes) -> Response {
    let v: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let Some(token) = v.get("token").and_then(Value::as_str) else {
        return bad("body must be {\"token\": \"…\"}");
    };
    let revoked = crate::revoke(&s, token);
    let status = if revoked {
        StatusCode::OK
    } else {
        StatusCode::NOT_FOUND
    };
    (status, axum::Json(json!({ "revoked": revoked }))).into_response()
}

async fn credentials(State(s): State<Shared>) -> Response {
    axum::Json(&s.credentials).into_response()
}

async fn dev_token(State(s): State<Shared>, Query(q): Query<HashMap<String, String>>) -> Response {
    let user = q
        .get("user")
        .cloned()
        .unwrap_or_else(|| s.credentials.dev_token_user.clone());
    let token = crate::issue_dev_token(&s, &user, false);
    axum::Json(json!({ "ok": true, "statusCode": 200, "accessToken": token })).into_response()
}

/// `PUT /__sandbox/graphql-access` with `{"user": "…@techacct.adobe.com", "allowed": false}`:
/// that AEM user's GraphQL requests answer 403 (or work again with `true`).
async fn graphql_access(State(s): State<Shared>, body: Bytes) -> Response {
    let v: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let (Some(user), Some(allowed)) = (
        v.get("user")
            .and_then(Value::as_str)
            .filter(|u| !u.is_empty()),
        v.get("allowed").and_then(Value::as_bool),
    ) else {
        return bad("body must be {\"user\": \"…\", \"allowed\": true|false}");
    };
    crate::auth::set_denied(&s.graphql_denied, user, allowed);
    axum::Json(json!({ "user": user, "allowed": allowed })).into_response()
}

/// `PUT {"enabled": false}` turns `POST /adobe/assets/search` off (404), `true` back on.
async fn openapi_search(State(s): State<Shared>, body: Bytes) -> Response {
    let v: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let Some(enabled) = v.get("enabled").and_then(Value::as_bool) else {
        return bad("body must be {\"enabled\": true|false}");
    };
    s.openapi_search
        .store(enabled, std::sync::atomic::Ordering::Relaxed);
    axum::Json(json!({ "enabled": enabled })).into_response()
}
