//! `GET /libs/granite/csrf/token.json`: Granite's CSRF token (`{"token": "…"}`), which clients
//! send back as the `CSRF-Token` header on POSTs
//! (<https://experienceleague.adobe.com/docs/experience-manager-learn/cloud-service/developing/advanced/csrf-protection.html>).
//! The sandbox remembers the tokens it issued; a Sling POST or a command servlet checks one only
//! under the `csrf_required` fault ([`command_principal`] for the command servlets).

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use serde_json::json;

use crate::auth::{self, Family, Principal};
use crate::{Shared, lock};

/// `GET /libs/granite/csrf/token.json` (authenticated like the other classic endpoints).
pub(crate) async fn token(State(shared): State<Shared>, headers: HeaderMap) -> Response {
    if let Err(e) = auth::authenticate(&shared, &headers, Family::Classic) {
        return crate::core_response::auth_failure(e, "/libs/granite/csrf/token");
    }
    let mut issued = lock(&shared.csrf_tokens);
    let token = format!(
        "eyJleHAiOjE3MDAwMDAwMDAsImlhdCI6MTcwMDAwMDAwMH0.sandbox-{:08x}-{}",
        shared.port,
        issued.len() + 1
    );
    issued.insert(token.clone());
    axum::Json(json!({ "token": token })).into_response()
}

/// Whether the request carries a token this sandbox issued.
pub(crate) fn valid(shared: &Shared, headers: &HeaderMap) -> bool {
    headers
        .get("csrf-token")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| lock(&shared.csrf_tokens).contains(t))
}

/// The account behind a POST to one of AEM's command servlets (`servlet`: replication, tags,
/// WCM commands): a classic token, and under the `csrf_required` fault a CSRF token this
/// sandbox issued. Otherwise the answer AEM gives: the authentication failure, or the servlet's
/// status page with 403 (Sling's JSON answer when `json`).
pub(crate) fn command_principal(
    shared: &Shared,
    headers: &HeaderMap,
    servlet: &str,
    json: bool,
) -> Result<Principal, Box<Response>> {
    let principal = auth::authenticate(shared, headers, Family::Classic)
        .map_err(|e| Box::new(crate::core_response::auth_failure(e, servlet)))?;
    if shared.faults.csrf_required() && !valid(shared, headers) {
        return Err(Box::new(crate::sling_response::respond(
            403,
            servlet,
            "Forbidden: the request has no valid CSRF token (CSRF-Token header)",
            Vec::new(),
            json,
        )));
    }
    Ok(principal)
}
