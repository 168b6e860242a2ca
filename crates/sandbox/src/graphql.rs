//! AEM GraphQL over the seeded content fragments: the endpoint
//! (`POST /content/_cq_graphql/{config}/endpoint.json`) and persisted queries
//! (`PUT|POST /graphql/persist.json/{config}/{name}`, `GET /graphql/execute.json/{config}/{name}`).
//!
//! Not a GraphQL engine: a small parser for the query shapes headless clients send against the
//! models the sandbox seeds (`dam/cf_models.rs`): `articleList { items { … } }`,
//! `articlePaginated(first: …, after: …) { edges { cursor node { … } } pageInfo { … } }`,
//! `articleByPath(_path: …) { item { … } }` and the same for `adventure`, with variables,
//! aliases and fragments. Values are the fragments' fields as the Sites API last wrote them.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde_json::{Map, Value, json};

use crate::auth::{self, Family};
use crate::core_response::auth_failure;
use crate::dam::cf_models::{FieldType, MODELS, Model};
use crate::dam::{Dam, uuid_string};
use crate::graphql_query::{Field, GResult, GqlError, parse};
use crate::graphql_schema::type_name;
use crate::{Shared, lock, read};

/// GraphQL configurations that exist on the sandbox author.
pub const CONFIGS: &[&str] = &["global", "metadesk"];

/// The persisted queries present at start, as `(config, name, query)`.
pub(crate) fn seeded_queries() -> HashMap<(String, String), String> {
    let q = [
        (
            "article-list",
            "{ articleList { items { _path title description author } } }",
        ),
        (
            "article-by-path",
            "query ($path: String!) { articleByPath(_path: $path) { item { _path title description author main { plaintext } } } }",
        ),
    ];
    q.iter()
        .map(|(n, q)| (("metadesk".to_owned(), (*n).to_owned()), (*q).to_owned()))
        .collect()
}

fn no_field(f: &Field, on: &str) -> GqlError {
    GqlError::at(
        format!(
            "Validation error (FieldUndefined@[{}]) : Field '{}' in type '{on}' is undefined",
            f.alias, f.name
        ),
        f.at,
    )
}

/// A rich-text field as `MultiFormatString`: `html`, `plaintext`, `markdown`, `json`.
fn multi_format(html: &str, sel: &[Field]) -> GResult<Value> {
    let plain = html.replace("<p>", "").replace("</p>", "");
    let mut m = Map::new();
    for s in sel {
        let v = match s.name.as_str() {
            "html" => json!(html),
            "plaintext" | "markdown" => json!(plain),
            "json" => {
                json!([{"nodeType": "paragraph", "content": [{"nodeType": "text", "value": plain}]}])
            }
            "__typename" => json!("MultiFormatString"),
            _ => return Err(no_field(s, "MultiFormatString")),
        };
        m.insert(s.alias.clone(), v);
    }
    Ok(Value::Object(m))
}

fn resolve_fragment(dam: &Dam, idx: u32, model: &Model, sel: &[Field]) -> GResult<Value> {
    let el = dam.fragment_elements(idx);
    let mut out = Map::new();
    for f in sel {
        let def = model.fields.iter().find(|d| d.name == f.name);
        let v = match f.name.as_str() {
            "_path" => json!(dam.asset_path(idx)),
            "_id" => json!(uuid_string(dam.assets[idx as usize].uuid)),
            "_variation" => json!("master"),
            "__typename" => json!(type_name(model)),
            "title" | "description" => el.get(&f.name).cloned().unwrap_or(Value::Null),
            _ => match def {
                Some(d) if d.ty == FieldType::LongText => {
                    let html = el.get(d.name).and_then(Value::as_str).unwrap_or("");
                    multi_format(html, &f.selection)?
                }
                Some(d) => el.get(d.name).cloned().unwrap_or(Value::Null),
                None => return Err(no_field(f, &type_name(model))),
            },
        };
        out.insert(f.alias.clone(), v);
    }
    Ok(Value::Object(out))
}

/// How a root field reads its model's fragments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RootKind {
    /// `{model}List`: `items`, by `offset` and `limit`.
    List,
    /// `{model}Paginated`: a cursor connection, by `first` and `after`.
    Paginated,
    /// `{model}ByPath`: one `item`.
    ByPath,
}

/// The model a root field such as `articleList` or `adventureByPath` reads, and how.
fn root_model(name: &str) -> Option<(&'static Model, RootKind)> {
    MODELS.iter().copied().find_map(|m| {
        let rest = name.strip_prefix(m.name)?;
        match rest {
            "List" => Some((m, RootKind::List)),
            "Paginated" => Some((m, RootKind::Paginated)),
            "ByPath" => Some((m, RootKind::ByPath)),
            _ => None,
        }
    })
}

fn fragment_list(dam: &Dam, model: &Model, f: &Field) -> GResult<Value> {
    let offset = as_u64(f.args.get("offset")).unwrap_or(0) as usize;
    let limit = as_u64(f.args.get("limit")).map(|l| l as usize);
    let all: Vec<u32> = dam
        .fragments()
        .filter(|i| dam.fragment_model(*i).name == model.name)
        .skip(offset)
        .take(limit.unwrap_or(usize::MAX))
        .collect();
    let results = format!("{}Results", type_name(model));
    let mut m = Map::new();
    for s in &f.selection {
        match s.name.as_str() {
            "items" => {
                let items: GResult<Vec<Value>> = all
                    .iter()
                    .map(|i| resolve_fragment(dam, *i, model, &s.selection))
                    .collect();
                m.insert(s.alias.clone(), Value::Array(items?));
            }
            "__typename" => {
                m.insert(s.alias.clone(), json!(results));
            }
            _ => return Err(no_field(s, &results)),
        }
    }
    Ok(Value::Object(m))
}

/// A cursor: the opaque base64 of the fragment's position in its model's list (AEM's cursors
/// are opaque base64 strings too; what they hold is AEM's own).
fn cursor(position: usize) -> String {
    STANDARD.encode(position.to_string())
}

fn position_after(f: &Field) -> GResult<usize> {
    let Some(after) = f.args.get("after").filter(|a| !a.is_null()) else {
        return Ok(0);
    };
    after
        .as_str()
        .and_then(|a| STANDARD.decode(a).ok())
        .and_then(|b| String::from_utf8(b).ok())
        .and_then(|p| p.parse::<usize>().ok())
        .map(|p| p + 1)
        .ok_or_else(|| {
            GqlError::at(
                format!(
                    "Exception while fetching data (/{}) : Invalid cursor: {after}",
                    f.alias
                ),
                f.at,
            )
        })
}

/// `{model}Paginated(first, after)`: the cursor paging Adobe's headless clients use by default
/// (`runPaginatedQuery`; "Large result sets in AEM Headless" on Experience League). Without
/// `first`, every remaining fragment (AEM's default page size: UNCONFIRMED).
fn fragment_paginated(dam: &Dam, model: &Model, f: &Field) -> GResult<Value> {
    let start = position_after(f)?;
    let first = as_u64(f.args.get("first")).map_or(usize::MAX, |n| n as usize);
    let all: Vec<u32> = dam
        .fragments()
        .filter(|i| dam.fragment_model(*i).name == model.name)
        .collect();
    let page: Vec<(usize, u32)> = all
        .iter()
        .copied()
        .enumerate()
        .skip(start)
        .take(first)
        .collect();
    let ty = type_name(model);
    let mut m = Map::new();
    for s in &f.selection {
        let v = match s.name.as_str() {
            "edges" => {
                let edges: GResult<Vec<Value>> = page
                    .iter()
                    .map(|(pos, idx)| edge(dam, model, *pos, *idx, &s.selection))
                    .collect();
                Value::Array(edges?)
            }
            "pageInfo" => {
                let end = page.last().map(|(p, _)| *p);
                let info = [
                    ("startCursor", page.first().map(|(p, _)| json!(cursor(*p)))),
                    ("endCursor", end.map(|p| json!(cursor(p)))),
                    (
                        "hasNextPage",
                        Some(json!(end.is_some_and(|e| e + 1 < all.len()))),
                    ),
                    ("hasPreviousPage", Some(json!(start > 0))),
                    ("__typename", Some(json!("PageInfo"))),
                ];
                let mut o = Map::new();
                for p in &s.selection {
                    let (_, v) = info
                        .iter()
                        .find(|(n, _)| *n == p.name)
                        .ok_or_else(|| no_field(p, "PageInfo"))?;
                    o.insert(p.alias.clone(), v.clone().unwrap_or(Value::Null));
                }
                Value::Object(o)
            }
            "__typename" => json!(format!("{ty}Connection")),
            _ => return Err(no_field(s, &format!("{ty}Connection"))),
        };
        m.insert(s.alias.clone(), v);
    }
    Ok(Value::Object(m))
}

fn edge(dam: &Dam, model: &Model, pos: usize, idx: u32, sel: &[Field]) -> GResult<Value> {
    let ty = format!("{}Edge", type_name(model));
    let mut o = Map::new();
    for s in sel {
        let v = match s.name.as_str() {
            "cursor" => json!(cursor(pos)),
            "node" => resolve_fragment(dam, idx, model, &s.selection)?,
            "__typename" => json!(ty),
            _ => return Err(no_field(s, &ty)),
        };
        o.insert(s.alias.clone(), v);
    }
    Ok(Value::Object(o))
}

fn fragment_by_path(dam: &Dam, model: &Model, f: &Field) -> GResult<Value> {
    let path = f.args.get("_path").and_then(Value::as_str).ok_or_else(|| {
        GqlError::at(
            "Validation error (MissingFieldArgument) : Missing field argument '_path'",
            f.at,
        )
    })?;
    let fail = |why: String| {
        GqlError::at(
            format!("Exception while fetching data (/{}) : {why}", f.alias),
            f.at,
        )
    };
    let idx = dam
        .fragment_at(path)
        .ok_or_else(|| fail(format!("No content fragment at {path}")))?;
    let of = dam.fragment_model(idx).name;
    if of != model.name {
        return Err(fail(format!(
            "The content fragment at {path} is of the model {of}, not {}",
            model.name
        )));
    }
    let result = format!("{}Result", type_name(model));
    let mut m = Map::new();
    for s in &f.selection {
        match s.name.as_str() {
            "item" => {
                m.insert(
                    s.alias.clone(),
                    resolve_fragment(dam, idx, model, &s.selection)?,
                );
            }
            "__typename" => {
                m.insert(s.alias.clone(), json!(result));
            }
            _ => return Err(no_field(s, &result)),
        }
    }
    Ok(Value::Object(m))
}

/// A number or boolean given as text (a persisted query's `;limit=5`) becomes that value.
fn as_u64(v: Option<&Value>) -> Option<u64> {
    match v? {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// Runs `query`: `Ok` with the `data` object, or every error found (the sandbox stops at the
/// first, as GraphQL Java does for a syntax error).
fn execute(dam: &Dam, query: &str, vars: &Map<String, Value>) -> GResult<Value> {
    let root = parse(query, vars)?;
    let mut data = Map::new();
    for f in &root {
        let v = match f.name.as_str() {
            "__typename" => json!("Query"),
            "__schema" => {
                crate::graphql_schema::select(&crate::graphql_schema::schema(), &f.selection)
            }
            "__type" => {
                let name = f.args.get("name").and_then(Value::as_str).unwrap_or("");
                match crate::graphql_schema::type_named(name) {
                    Some(t) => crate::graphql_schema::select(&t, &f.selection),
                    None => Value::Null,
                }
            }
            name => match root_model(name) {
                Some((model, RootKind::List)) => fragment_list(dam, model, f)?,
                Some((model, RootKind::Paginated)) => fragment_paginated(dam, model, f)?,
                Some((model, RootKind::ByPath)) => fragment_by_path(dam, model, f)?,
                None => return Err(no_field(f, "Query")),
            },
        };
        data.insert(f.alias.clone(), v);
    }
    Ok(json!({ "data": data }))
}

fn gql_error(e: &GqlError) -> Value {
    let locations = match e.at {
        Some((line, column)) => json!([{ "line": line, "column": column }]),
        None => json!([]),
    };
    json!({ "errors": [{
        "message": e.message,
        "locations": locations,
        "extensions": { "classification": "ValidationError" },
    }] })
}

/// AEM's answer when a configuration has no GraphQL endpoint (persisted-queries-troubleshoot).
fn no_endpoint() -> Response {
    (
        StatusCode::NOT_FOUND,
        [("content-type", "text/plain;charset=utf-8")],
        "No suitable endpoint found",
    )
        .into_response()
}

/// Authenticates a GraphQL call: the caller's account must also have been granted GraphQL
/// (the seed: a technical account "might not automatically have all the proper permissions").
fn authorise(
    shared: &Shared,
    headers: &HeaderMap,
    what: &str,
) -> Result<auth::Principal, Box<Response>> {
    let principal = auth::authenticate(shared, headers, Family::Classic)
        .map_err(|e| Box::new(auth_failure(e, what)))?;
    if lock(&shared.graphql_denied).contains(&principal.user) {
        return Err(Box::new(
            (
                StatusCode::FORBIDDEN,
                [("content-type", "text/plain;charset=utf-8")],
                "Forbidden",
            )
                .into_response(),
        ));
    }
    Ok(principal)
}

/// `POST /content/_cq_graphql/{config}/endpoint.json`.
pub(crate) async fn endpoint(
    State(shared): State<Shared>,
    Path(path): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let Some(config) = path
        .strip_prefix("_cq_graphql/")
        .and_then(|r| r.strip_suffix("/endpoint.json"))
    else {
        return (StatusCode::NOT_FOUND, "Not Found").into_response();
    };
    if let Err(r) = authorise(&shared, &headers, &format!("/content/{path}")) {
        return *r;
    }
    if !CONFIGS.contains(&config) {
        return no_endpoint();
    }
    let req: Value = match serde_json::from_slice(&body) {
        Ok(v) => v,
        Err(e) => {
            return (
                StatusCode::BAD_REQUEST,
                axum::Json(gql_error(&GqlError::bare(format!(
                    "Invalid JSON body: {e}"
                )))),
            )
                .into_response();
        }
    };
    let Some(query) = req.get("query").and_then(Value::as_str) else {
        return (
            StatusCode::BAD_REQUEST,
            axum::Json(gql_error(&GqlError::bare(
                "The body needs a \"query\" string",
            ))),
        )
            .into_response();
    };
    let vars = req
        .get("variables")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let dam = read(&shared.dam);
    match execute(&dam, query, &vars) {
        Ok(v) => axum::Json(v).into_response(),
        Err(e) => (StatusCode::BAD_REQUEST, axum::Json(gql_error(&e))).into_response(),
    }
}

/// `GET /graphql/execute.json/{config}/{name}[;var=value…]`.
pub(crate) async fn execute_persisted(
    State(shared): State<Shared>,
    Path(rest): Path<String>,
    headers: HeaderMap,
) -> Response {
    run_persisted(&shared, &rest, &headers, Map::new())
}

/// `POST /graphql/execute.json/{config}/{name}` with `{"variables": {…}}`: how Adobe's
/// headless client runs a persisted query with `method: 'POST'` (`runPersistedQuery`). A body
/// that is not such JSON runs the query without variables (AEM's answer to it: UNCONFIRMED).
pub(crate) async fn execute_persisted_post(
    State(shared): State<Shared>,
    Path(rest): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let vars = serde_json::from_slice::<Value>(&body)
        .ok()
        .and_then(|v| v.get("variables").and_then(Value::as_object).cloned())
        .unwrap_or_default();
    run_persisted(&shared, &rest, &headers, vars)
}

fn run_persisted(
    shared: &Shared,
    rest: &str,
    headers: &HeaderMap,
    mut vars: Map<String, Value>,
) -> Response {
    if let Err(r) = authorise(shared, headers, &format!("/graphql/execute.json/{rest}")) {
        return *r;
    }
    // The path arrives decoded once (`%3B` → `;`), as AEM's servlet reads it: a value cannot
    // hold `;` (persisted-queries.md, "Encoding the query URL").
    let mut parts = rest.split(';');
    let key = parts.next().unwrap_or("");
    vars.extend(
        parts
            .filter_map(|kv| kv.split_once('='))
            .map(|(k, v)| (k.to_owned(), json!(v))),
    );
    let Some((config, name)) = key.split_once('/') else {
        return (
            StatusCode::BAD_REQUEST,
            "Suffix: '/' does not contain a path",
        )
            .into_response();
    };
    if !CONFIGS.contains(&config) {
        return no_endpoint();
    }
    let query = lock(&shared.persisted)
        .get(&(config.to_owned(), name.to_owned()))
        .cloned();
    let Some(query) = query else {
        return (StatusCode::NOT_FOUND, "Not Found").into_response();
    };
    let dam = read(&shared.dam);
    // The persisted-query servlet answers 200 even when the query fails
    // (https://experienceleague.adobe.com/en/docs/experience-manager-cloud-service/content/headless/graphql-api/persisted-queries).
    let body = execute(&dam, &query, &vars).unwrap_or_else(|e| gql_error(&e));
    (
        [(
            "cache-control",
            "max-age=60, s-maxage=60, stale-while-revalidate=86400, stale-if-error=86400",
        )],
        axum::Json(body),
    )
        .into_response()
}

/// `GET /graphql/list.json`: the persisted queries, grouped by configuration, in
/// the shape of the test fixture of <https://github.com/adobe/aem-headless-client-java>.
/// Configurations without persisted queries are listed with an empty `queries` (UNCONFIRMED on
/// AEM).
pub(crate) async fn list_all(State(shared): State<Shared>, headers: HeaderMap) -> Response {
    list_persisted(&shared, None, &headers)
}

/// `GET /graphql/list.json/{config}`.
pub(crate) async fn list_one(
    State(shared): State<Shared>,
    Path(config): Path<String>,
    headers: HeaderMap,
) -> Response {
    list_persisted(&shared, Some(config.trim_matches('/').to_owned()), &headers)
}

fn list_persisted(shared: &Shared, only: Option<String>, headers: &HeaderMap) -> Response {
    if let Err(r) = authorise(shared, headers, "/graphql/list.json") {
        return *r;
    }
    if let Some(c) = &only
        && !CONFIGS.contains(&c.as_str())
    {
        return no_endpoint();
    }
    let persisted = lock(&shared.persisted).clone();
    let mut out = Vec::new();
    for config in CONFIGS
        .iter()
        .filter(|c| only.as_deref().is_none_or(|o| o == **c))
    {
        let mut names: Vec<&(String, String)> =
            persisted.keys().filter(|(c, _)| c == config).collect();
        names.sort();
        let queries: Vec<Value> = names
            .into_iter()
            .map(|key| {
                json!({
                    "path": {
                        "shortForm": format!("/{config}/{}", key.1),
                        "longForm": format!("/conf/{config}/settings/graphql/persistentQueries/{}", key.1),
                    },
                    "data": { "query": persisted[key] },
                })
            })
            .collect();
        out.push(json!({ "configurationName": config, "queries": queries }));
    }
    axum::Json(Value::Array(out)).into_response()
}

/// `GET /content/_cq_graphql.1.json`: the Sling JSON of the endpoints' parent, whose children
/// are the configurations that have an endpoint (Adobe documents no listing: UNCONFIRMED).
pub(crate) fn endpoints_listing(shared: &Shared, headers: &HeaderMap) -> Response {
    if let Err(e) = auth::authenticate(shared, headers, Family::Classic) {
        return auth_failure(e, "/content/_cq_graphql");
    }
    let mut m = Map::new();
    m.insert("jcr:primaryType".into(), json!("sling:Folder"));
    for c in CONFIGS {
        m.insert(
            (*c).to_owned(),
            json!({ "jcr:primaryType": "sling:Folder", "jcr:title": c }),
        );
    }
    axum::Json(Value::Object(m)).into_response()
}

/// `PUT` (create) or `POST` (update) `/graphql/persist.json/{config}/{name}`.
pub(crate) async fn persist(
    State(shared): State<Shared>,
    Path(rest): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let principal = match authorise(&shared, &headers, &format!("/graphql/persist.json/{rest}")) {
        Ok(p) => p,
        Err(r) => return *r,
    };
    let Some((config, name)) = rest.split_once('/').filter(|(_, n)| !n.is_empty()) else {
        return (
            StatusCode::BAD_REQUEST,
            "Suffix: '/' does not contain a path",
        )
            .into_response();
    };
    if !CONFIGS.contains(&config) {
        return no_endpoint();
    }
    if principal.read_only {
        return (
            StatusCode::FORBIDDEN,
            [("content-type", "text/plain;charset=utf-8")],
            "Forbidden",
        )
            .into_response();
    }
    let text = String::from_utf8_lossy(&body).into_owned();
    let query = match serde_json::from_str::<Value>(&text) {
        Ok(Value::Object(o)) => match o.get("query").and_then(Value::as_str) {
            Some(q) => q.to_owned(),
            None => {
                return (
                    StatusCode::BAD_REQUEST,
                    axum::Json(gql_error(&GqlError::bare(
                        "The body needs a \"query\" string",
                    ))),
                )
                    .into_response();
            }
        },
        _ => text,
    };
    if let Err(e) = parse(&query, &Map::new()) {
        return (StatusCode::BAD_REQUEST, axum::Json(gql_error(&e))).into_response();
    }
    let created = lock(&shared.persisted)
        .insert((config.to_owned(), name.to_owned()), query)
        .is_none();
    let status = if created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    (
        status,
        axum::Json(json!({
            "action": if created { "create" } else { "update" },
            "configurationName": config,
            "name": name,
            "shortPath": format!("/{config}/{name}"),
            "path": format!("/conf/{config}/settings/graphql/persistentQueries/{name}"),
        })),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dam() -> Dam {
        Dam::generate(3, 120, crate::dam::ASSETS_PER_FOLDER)
    }

    #[test]
    fn list_and_by_path_with_variables_and_aliases() {
        let dam = dam();
        let v = execute(
            &dam,
            "{ articleList { items { p: _path title } } }",
            &Map::new(),
        )
        .unwrap();
        let items = v["data"]["articleList"]["items"].as_array().unwrap();
        let articles = dam
            .fragments()
            .filter(|i| dam.fragment_model(*i).name == "article");
        assert_eq!(items.len(), articles.count());
        let path = items[0]["p"].as_str().unwrap().to_owned();
        let mut vars = Map::new();
        vars.insert("path".into(), json!(path));
        let q = "query Q($path: String!) { articleByPath(_path: $path) { item { _path author main { html } } } }";
        let v = execute(&dam, q, &vars).unwrap();
        assert_eq!(v["data"]["articleByPath"]["item"]["_path"], json!(path));
        assert!(
            v["data"]["articleByPath"]["item"]["main"]["html"]
                .as_str()
                .unwrap()
                .starts_with("<p>")
        );
        assert!(execute(&dam, "{ nope { x } }", &Map::new()).is_err());
        assert!(execute(&dam, "{ articleList { items ", &Map::new()).is_err());
    }

    #[test]
    fn each_model_has_its_list_and_by_path_with_its_typed_fields() {
        let mut dam = dam();
        let q = "{ adventureList { items { _path __typename title difficulty activities price featured heroImage main { html } } } }";
        let v = execute(&dam, q, &Map::new()).unwrap();
        let items = v["data"]["adventureList"]["items"].as_array().unwrap();
        assert!(!items.is_empty());
        let first = &items[0];
        assert_eq!(first["__typename"], "AdventureModel");
        assert!(first["difficulty"].is_string() && first["activities"].is_array());
        assert!(
            first["price"].is_number() && first["featured"].is_boolean(),
            "{first}"
        );
        let path = first["_path"].as_str().unwrap().to_owned();
        // A Sites API change shows at once.
        dam.edit_fragment_as(&path, "price", vec![json!(7.5)], "me", 1)
            .unwrap();
        let mut vars = Map::new();
        vars.insert("p".into(), json!(path));
        let q = "query ($p: String!) { adventureByPath(_path: $p) { item { price } } }";
        let v = execute(&dam, q, &vars).unwrap();
        assert_eq!(v["data"]["adventureByPath"]["item"]["price"], json!(7.5));
        // Each model's fields only, each model's fragments only.
        assert!(execute(&dam, "{ adventureList { items { author } } }", &Map::new()).is_err());
        let q = "query ($p: String!) { articleByPath(_path: $p) { item { _path } } }";
        let e = execute(&dam, q, &vars).unwrap_err();
        assert!(e.message.contains("of the model adventure"), "{e:?}");
        let v = execute(&dam, "{ __type(name: \"AdventureModel\") { fields { name type { kind name ofType { name } } } } }", &Map::new()).unwrap();
        let fields = v["data"]["__type"]["fields"].as_array().unwrap();
        let activities = fields.iter().find(|f| f["name"] == "activities").unwrap();
        assert_eq!(activities["type"]["kind"], "LIST");
    }

    #[test]
    fn paginated_pages_by_cursor_each_fragment_once() {
        let dam = dam();
        let v = execute(&dam, "{ articleList { items { _path } } }", &Map::new()).unwrap();
        let all: Vec<Value> = v["data"]["articleList"]["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["_path"].clone())
            .collect();
        assert!(all.len() > 2, "{}", all.len());
        let q = "query ($after: String) { articlePaginated(first: 2, after: $after) { __typename pageInfo { startCursor endCursor hasNextPage hasPreviousPage } edges { cursor node { _path title } } } }";
        let (mut seen, mut after, mut pages) = (Vec::new(), Value::Null, 0);
        loop {
            let mut vars = Map::new();
            vars.insert("after".into(), after.clone());
            let v = execute(&dam, q, &vars).unwrap();
            let page = &v["data"]["articlePaginated"];
            assert_eq!(page["__typename"], "ArticleModelConnection");
            let edges = page["edges"].as_array().unwrap();
            assert!(edges.len() <= 2 && !edges.is_empty(), "{page}");
            assert_eq!(
                page["pageInfo"]["endCursor"],
                edges.last().unwrap()["cursor"]
            );
            assert_eq!(page["pageInfo"]["hasPreviousPage"], json!(pages > 0));
            seen.extend(edges.iter().map(|e| e["node"]["_path"].clone()));
            assert!(edges.iter().all(|e| e["node"]["title"].is_string()));
            pages += 1;
            if page["pageInfo"]["hasNextPage"] != json!(true) {
                break;
            }
            after = page["pageInfo"]["endCursor"].clone();
        }
        assert_eq!(seen, all);
        assert_eq!(pages, all.len().div_ceil(2));
        // Adobe's client's query text as it sends it: arguments inline, no variables.
        let v = execute(
            &dam,
            "{ adventurePaginated(first:1) { edges { node { _path } } } }",
            &Map::new(),
        )
        .unwrap();
        assert_eq!(
            v["data"]["adventurePaginated"]["edges"]
                .as_array()
                .unwrap()
                .len(),
            1
        );
        let e = execute(
            &dam,
            "{ articlePaginated(after: \"nope\") { edges { cursor } } }",
            &Map::new(),
        )
        .unwrap_err();
        assert!(e.message.contains("Invalid cursor"), "{e:?}");
        assert!(
            execute(
                &dam,
                "{ articlePaginated { items { _path } } }",
                &Map::new()
            )
            .is_err()
        );
    }

    #[test]
    fn errors_point_at_their_line_and_column() {
        let dam = dam();
        let e = execute(
            &dam,
            "{\n  articleList {\n    items {\n      _path\n      titel\n    }\n  }\n}",
            &Map::new(),
        )
        .unwrap_err();
        assert_eq!(e.at, Some((5, 7)), "{e:?}");
        assert!(e.message.contains("'titel'"), "{e:?}");
        let e = execute(&dam, "{\n  articleList {\n    items { _path ", &Map::new()).unwrap_err();
        assert!(e.message.contains("end of the query"), "{e:?}");
        assert_eq!(e.at.map(|a| a.0), Some(3), "{e:?}");
        let e = execute(
            &dam,
            "{ articleList { items { ...Missing } } }",
            &Map::new(),
        )
        .unwrap_err();
        assert_eq!(e.at, Some((1, 25)), "{e:?}");
        let e = execute(&dam, "mutation { x }", &Map::new()).unwrap_err();
        assert_eq!(e.at, Some((1, 1)));
    }

    #[test]
    fn fragments_and_introspection() {
        let dam = dam();
        let q = "query { articleList { items { ...F } } } fragment F on ArticleModel { _path ... on ArticleModel { title } }";
        let v = execute(&dam, q, &Map::new()).unwrap();
        let first = &v["data"]["articleList"]["items"][0];
        assert!(
            first["_path"].is_string() && first["title"].is_string(),
            "{v}"
        );

        let q = "query IntrospectionQuery { __schema { queryType { name } types { ...FullType } directives { name } } }
          fragment FullType on __Type { kind name fields(includeDeprecated: true) { name args { ...InputValue } type { ...TypeRef } } }
          fragment InputValue on __InputValue { name type { ...TypeRef } defaultValue }
          fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }";
        let v = execute(&dam, q, &Map::new()).unwrap();
        let schema = &v["data"]["__schema"];
        assert_eq!(schema["queryType"]["name"], "Query");
        let types = schema["types"].as_array().unwrap();
        let article = types.iter().find(|t| t["name"] == "ArticleModel").unwrap();
        let names: Vec<&str> = article["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["name"].as_str().unwrap())
            .collect();
        assert!(
            names.contains(&"title") && names.contains(&"main"),
            "{names:?}"
        );
        let query = types.iter().find(|t| t["name"] == "Query").unwrap();
        let by_path = &query["fields"][1];
        assert_eq!(by_path["args"][0]["type"]["kind"], "NON_NULL");
        assert_eq!(by_path["args"][0]["type"]["ofType"]["name"], "String");
        let v = execute(
            &dam,
            "{ __type(name: \"ArticleModel\") { name kind } }",
            &Map::new(),
        )
        .unwrap();
        assert_eq!(
            v["data"]["__type"],
            json!({"name": "ArticleModel", "kind": "OBJECT"})
        );
    }
}
