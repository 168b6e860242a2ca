//! `DELETE /api/assets/{asset path}`: an asset deleted through the Assets HTTP API
//! (adobe-wire.md §4.3: 200 deleted; 404 when nothing is there; 403 without write permission
//! on its folder). Only assets: a folder's delete is not something Metadesk sends.

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;

use crate::core_response::core_response;
use crate::dam::Node;
use crate::{Shared, write};

pub(crate) async fn delete_asset(
    State(shared): State<Shared>,
    Path(path): Path<String>,
    headers: HeaderMap,
) -> Response {
    let (dam_path, api) = super::folders::paths(&path);
    if let Some(refused) = super::folders::refused_write(&shared, &headers, &dam_path, &api) {
        return refused;
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
