//! `DELETE /api/assets/{asset path}`: an asset deleted through the Assets HTTP API
//! (adobe-wire.md §4.3: 200 deleted; 404 when nothing is there; 403 without write permission
//! on its folder). Only assets: a folder's delete is not something Metadesk sends.

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;

use crate::auth::{self, Family};
use crate::core_response::{auth_failure, core_response, parent_of};
use crate::dam::{DAM_ROOT, Node};
use crate::{Shared, write};

pub(crate) async fn delete_asset(
    State(shared): State<Shared>,
    Path(path): Path<String>,
    headers: HeaderMap,
) -> Response {
    let rel = path.trim_matches('/');
    let rel = rel.strip_suffix(".json").unwrap_or(rel);
    let dam_path = format!("{DAM_ROOT}/{rel}");
    let api = format!("/api/assets/{rel}");
    let principal = match auth::authenticate(&shared, &headers, Family::Classic) {
        Ok(p) => p,
        Err(e) => return auth_failure(e, &api),
    };
    if principal.read_only || shared.faults.write_denied(parent_of(&dam_path)) {
        return core_response(
            403,
            &api,
            &format!(
                "Forbidden: {} has no write permission on {}",
                principal.user,
                parent_of(&dam_path)
            ),
        );
    }
    let removed = {
        let mut dam = write(&shared.dam);
        matches!(dam.lookup(&dam_path), Some(Node::Asset(_))) && dam.remove_asset(&dam_path)
    };
    if !removed {
        return core_response(404, &api, "Not Found");
    }
    shared.counters.bump(|c| c.assets_deleted += 1);
    tokio::time::sleep(shared.faults.commit_cost(1)).await;
    core_response(200, &api, "OK")
}
