//! The route table: which handler answers each path, every request passing through the fault
//! and counter pipeline (`server.rs`) except the control API's.

use axum::Router;
use axum::routing::{get, post, put};

use crate::{
    Shared, assets_search, classic, control, csrf, graphql, ims, openapi, querybuilder, references,
    replicate, server, sites, sling_post, tag_command, upload, wcm_command,
};

pub(crate) fn router(shared: Shared) -> Router {
    Router::new()
        .route("/ims/exchange/jwt", post(ims::exchange_jwt))
        .route("/ims/exchange/jwt/", post(ims::exchange_jwt))
        .route("/ims/token/v3", post(ims::token_v3))
        .route("/ims/token/v3/", post(ims::token_v3))
        .route("/api.json", get(classic::service_doc))
        .route("/api/assets.json", get(classic::get_root))
        .route(
            "/api/assets/{*path}",
            get(classic::get)
                .put(classic::put)
                .post(upload::create_folder)
                .delete(upload::delete_asset),
        )
        .route(
            "/content/{*path}",
            get(classic::content_get).post(sling_post::handler),
        )
        .route("/libs/granite/csrf/token.json", get(csrf::token))
        .route(
            "/libs/granite/security/currentuser.json",
            get(classic::current_user),
        )
        .route("/libs/dam/{*path}", get(classic::libs_get))
        .route("/conf/{*path}", get(classic::conf_get))
        .route(
            "/graphql/execute.json/{*rest}",
            get(graphql::execute_persisted).post(graphql::execute_persisted_post),
        )
        .route("/graphql/list.json", get(graphql::list_all))
        .route("/graphql/list.json/{*config}", get(graphql::list_one))
        .route(
            "/graphql/persist.json/{*rest}",
            put(graphql::persist).post(graphql::persist),
        )
        .route(
            "/adobe/assets/{id}/metadata",
            get(openapi::get_metadata).patch(openapi::patch_metadata),
        )
        .route("/adobe/folders", get(openapi::folders))
        .route("/adobe/assets/search", post(assets_search::search))
        .route("/adobe/sites/cf/fragments", get(sites::list))
        .route(
            "/adobe/sites/cf/fragments/publish",
            post(crate::sites_publish::publish),
        )
        .route(
            "/adobe/sites/cf/fragments/{id}",
            get(sites::get_fragment).patch(sites::patch_fragment),
        )
        .route("/adobe/sites/cf/models", get(sites::models))
        .route("/adobe/sites/cf/models/{id}", get(sites::model))
        .route("/bin/querybuilder.json", get(querybuilder::query))
        .route("/bin/replicate.json", post(replicate::replicate))
        .route("/bin/wcm/references.json", get(references::search))
        .route("/bin/tagcommand", post(tag_command::command))
        .route("/bin/wcmcommand", post(wcm_command::command))
        .nest("/__sandbox", control::router())
        .layer(axum::middleware::from_fn_with_state(
            shared.clone(),
            server::pipeline,
        ))
        .with_state(shared)
}
