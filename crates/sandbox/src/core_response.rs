//! The `core/response` body the classic endpoints answer with ([`core_response`]), and an
//! authentication refusal in that shape ([`auth_failure`]), for every endpoint that refuses
//! like the Assets HTTP API does.
//!
//! Not here: the endpoints themselves (`classic.rs`, `graphql.rs`, `querybuilder.rs`).

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use crate::auth::AuthError;

/// The parent of a repository path (`/a/b` → `/a`).
pub(crate) fn parent_of(path: &str) -> &str {
    path.rsplit_once('/').map(|(p, _)| p).unwrap_or("")
}

/// A `core/response` body as the Assets HTTP API sends it.
pub(crate) fn core_response(status: u16, api: &str, message: &str) -> Response {
    let api = api.trim_end_matches(".json");
    let parent = parent_of(api);
    let body = json!({
        "class": "core/response",
        "properties": {
            "path": api,
            "location": format!("{api}.json"),
            "parentLocation": format!("{parent}.json"),
            "status.code": status,
            "status.message": message,
        }
    });
    (
        StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
        axum::Json(body),
    )
        .into_response()
}

pub(crate) fn auth_failure(e: AuthError, api: &str) -> Response {
    let mut r = core_response(e.status, api, &e.message);
    if let Some(c) = e.challenge.and_then(|c| HeaderValue::from_str(&c).ok()) {
        r.headers_mut().insert(header::WWW_AUTHENTICATE, c);
    }
    r
}
