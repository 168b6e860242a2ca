//! `POST /api/assets/{folder path}` with `{"class":"assetFolder","properties":{"title":"…"}}`:
//! a folder made through the Assets HTTP API (adobe-wire-lifecycle.md §2.4): 201 made, 409
//! already there, 412 when its parent is not there ("root collection cannot be found"), 403
//! without write permission on the parent, 400 for any other body.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use serde_json::Value;

use crate::auth::{self, Family};
use crate::core_response::{auth_failure, core_response, parent_of};
use crate::dam::{DAM_ROOT, FolderRefusal};
use crate::{Shared, write};

pub(crate) async fn create_folder(
    State(shared): State<Shared>,
    Path(path): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let (dam_path, api) = paths(&path);
    if let Some(refused) = refused_write(&shared, &headers, &dam_path, &api) {
        return refused;
    }
    let asked: Option<Value> = serde_json::from_slice(&body).ok();
    let Some(asked) = asked.filter(|v| v["class"] == "assetFolder") else {
        return core_response(
            400,
            &api,
            "Bad Request: give {\"class\":\"assetFolder\"} to create a folder",
        );
    };
    let title = asked["properties"]["title"]
        .as_str()
        .or_else(|| asked["properties"]["jcr:title"].as_str());
    let made = write(&shared.dam).create_folder(&dam_path, title);
    match made {
        Ok(_) => {
            shared.counters.bump(|c| c.folders_created += 1);
            tokio::time::sleep(shared.faults.commit_cost(1)).await;
            core_response(201, &api, "Created")
        }
        Err(FolderRefusal::Exists) => core_response(409, &api, "Conflict: the folder exists"),
        Err(FolderRefusal::NoParent) => core_response(
            412,
            &api,
            "Precondition Failed: the parent folder cannot be found",
        ),
        Err(FolderRefusal::BadName) => core_response(
            400,
            &api,
            "Bad Request: AEM does not take that name for a folder",
        ),
    }
}

/// The DAM path and the Assets HTTP API path of the request's `{*path}`.
pub(super) fn paths(path: &str) -> (String, String) {
    let rel = path.trim_matches('/');
    let rel = rel.strip_suffix(".json").unwrap_or(rel);
    (format!("{DAM_ROOT}/{rel}"), format!("/api/assets/{rel}"))
}

/// The answer refusing a write at `dam_path`: no valid token, or no write permission on its
/// parent (403); `None` when the write may go.
pub(super) fn refused_write(
    shared: &Shared,
    headers: &HeaderMap,
    dam_path: &str,
    api: &str,
) -> Option<Response> {
    let principal = match auth::authenticate(shared, headers, Family::Classic) {
        Ok(p) => p,
        Err(e) => return Some(auth_failure(e, api)),
    };
    (principal.read_only || shared.faults.write_denied(parent_of(dam_path))).then(|| {
        core_response(
            403,
            api,
            &format!(
                "Forbidden: {} has no write permission on {}",
                principal.user,
                parent_of(dam_path)
            ),
        )
    })
}
