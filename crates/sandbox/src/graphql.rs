//! AEM GraphQL over the seeded content fragments: the endpoint
//! (`POST /content/_cq_graphql/{config}/endpoint.json`) and persisted queries
//! (`PUT|POST /graphql/persist.json/{config}/{name}`, `GET /graphql/execute.json/{config}/{name}`).
//!
//! Not a GraphQL engine: a small parser for the query shapes headless clients send against the
//! one model the sandbox seeds (`article`): `articleList { items { … } }` and
//! `articleByPath(_path: …) { item { … } }`, with variables and aliases; no fragments.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};

use crate::auth::{self, Family};
use crate::classic::auth_failure;
use crate::dam::{Dam, Kind, Node, uuid_string};
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

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    P(char),
    Spread,
    Name(String),
    Str(String),
    Num(String),
}

fn lex(src: &str) -> Result<Vec<Tok>, String> {
    let mut out = Vec::new();
    let mut it = src.chars().peekable();
    while let Some(&c) = it.peek() {
        match c {
            c if c.is_whitespace() || c == ',' => {
                it.next();
            }
            '#' => while it.next().is_some_and(|c| c != '\n') {},
            '{' | '}' | '(' | ')' | ':' | '!' | '$' | '[' | ']' | '=' | '@' => {
                out.push(Tok::P(c));
                it.next();
            }
            '.' => {
                let dots: String = (0..3).filter_map(|_| it.next()).collect();
                if dots != "..." {
                    return Err("Unexpected '.'".into());
                }
                out.push(Tok::Spread);
            }
            '"' => {
                it.next();
                let mut s = String::new();
                loop {
                    match it.next() {
                        Some('"') => break,
                        Some('\\') => match it.next() {
                            Some('n') => s.push('\n'),
                            Some(o) => s.push(o),
                            None => return Err("Unterminated string".into()),
                        },
                        Some(o) => s.push(o),
                        None => return Err("Unterminated string".into()),
                    }
                }
                out.push(Tok::Str(s));
            }
            c if c.is_ascii_digit() || c == '-' => {
                let mut s = String::new();
                while let Some(&d) = it.peek() {
                    if d.is_ascii_digit() || d == '-' || d == '.' {
                        s.push(d);
                        it.next();
                    } else {
                        break;
                    }
                }
                out.push(Tok::Num(s));
            }
            c if c.is_alphabetic() || c == '_' => {
                let mut s = String::new();
                while let Some(&d) = it.peek() {
                    if d.is_alphanumeric() || d == '_' {
                        s.push(d);
                        it.next();
                    } else {
                        break;
                    }
                }
                out.push(Tok::Name(s));
            }
            other => return Err(format!("Unexpected character {other:?}")),
        }
    }
    Ok(out)
}

#[derive(Debug)]
struct Field {
    alias: String,
    name: String,
    args: Map<String, Value>,
    selection: Vec<Field>,
}

struct Parser<'a> {
    toks: Vec<Tok>,
    pos: usize,
    vars: &'a Map<String, Value>,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos)
    }
    fn next(&mut self) -> Option<Tok> {
        let t = self.toks.get(self.pos).cloned();
        self.pos += 1;
        t
    }
    fn expect(&mut self, c: char) -> Result<(), String> {
        match self.next() {
            Some(Tok::P(p)) if p == c => Ok(()),
            other => Err(format!("Syntax error: expected '{c}', found {other:?}")),
        }
    }
    fn name(&mut self) -> Result<String, String> {
        match self.next() {
            Some(Tok::Name(n)) => Ok(n),
            other => Err(format!("Syntax error: expected a name, found {other:?}")),
        }
    }

    fn document(&mut self) -> Result<Vec<Field>, String> {
        if let Some(Tok::Name(n)) = self.peek() {
            if n != "query" {
                return Err(format!("Unsupported operation type {n}"));
            }
            self.pos += 1;
            if matches!(self.peek(), Some(Tok::Name(_))) {
                self.pos += 1;
            }
            if self.peek() == Some(&Tok::P('(')) {
                // Variable definitions only matter for their names, which the values carry.
                let mut depth = 0;
                loop {
                    match self.next() {
                        Some(Tok::P('(')) => depth += 1,
                        Some(Tok::P(')')) => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        Some(_) => {}
                        None => return Err("Syntax error: unterminated variables".into()),
                    }
                }
            }
        }
        let sel = self.selection()?;
        if self.peek().is_some() {
            return Err("Syntax error: only one operation is supported".into());
        }
        Ok(sel)
    }

    fn selection(&mut self) -> Result<Vec<Field>, String> {
        self.expect('{')?;
        let mut fields = Vec::new();
        loop {
            match self.peek() {
                Some(Tok::P('}')) => {
                    self.pos += 1;
                    return Ok(fields);
                }
                Some(Tok::Spread) => {
                    return Err("Fragments are not supported by the sandbox".into());
                }
                None => return Err("Syntax error: unterminated selection set".into()),
                _ => fields.push(self.field()?),
            }
        }
    }

    fn field(&mut self) -> Result<Field, String> {
        let first = self.name()?;
        let (alias, name) = if self.peek() == Some(&Tok::P(':')) {
            self.pos += 1;
            (first, self.name()?)
        } else {
            (first.clone(), first)
        };
        let mut args = Map::new();
        if self.peek() == Some(&Tok::P('(')) {
            self.pos += 1;
            while self.peek() != Some(&Tok::P(')')) {
                let k = self.name()?;
                self.expect(':')?;
                let v = self.value()?;
                args.insert(k, v);
            }
            self.pos += 1;
        }
        let selection = if self.peek() == Some(&Tok::P('{')) {
            self.selection()?
        } else {
            Vec::new()
        };
        Ok(Field {
            alias,
            name,
            args,
            selection,
        })
    }

    fn value(&mut self) -> Result<Value, String> {
        match self.next() {
            Some(Tok::Str(s)) => Ok(json!(s)),
            Some(Tok::Num(n)) => Ok(serde_json::from_str(&n).unwrap_or(Value::Null)),
            Some(Tok::Name(n)) => Ok(match n.as_str() {
                "true" => json!(true),
                "false" => json!(false),
                "null" => Value::Null,
                _ => json!(n),
            }),
            Some(Tok::P('$')) => {
                let n = self.name()?;
                Ok(self.vars.get(&n).cloned().unwrap_or(Value::Null))
            }
            Some(Tok::P('[')) => {
                let mut items = Vec::new();
                while self.peek() != Some(&Tok::P(']')) {
                    items.push(self.value()?);
                }
                self.pos += 1;
                Ok(Value::Array(items))
            }
            Some(Tok::P('{')) => {
                let mut obj = Map::new();
                while self.peek() != Some(&Tok::P('}')) {
                    let k = self.name()?;
                    self.expect(':')?;
                    obj.insert(k, self.value()?);
                }
                self.pos += 1;
                Ok(Value::Object(obj))
            }
            other => Err(format!("Syntax error: unexpected {other:?}")),
        }
    }
}

fn resolve_article(dam: &Dam, idx: u32, sel: &[Field]) -> Result<Value, String> {
    let el = dam.fragment_elements(idx);
    let mut out = Map::new();
    for f in sel {
        let v = match f.name.as_str() {
            "_path" => json!(dam.asset_path(idx)),
            "_id" => json!(uuid_string(dam.assets[idx as usize].uuid)),
            "_variation" => json!("master"),
            "__typename" => json!("ArticleModel"),
            "title" | "description" | "author" => el.get(&f.name).cloned().unwrap_or(Value::Null),
            "main" => {
                let html = el
                    .get("main")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_owned();
                let plain = html.replace("<p>", "").replace("</p>", "");
                let mut m = Map::new();
                for s in &f.selection {
                    let v = match s.name.as_str() {
                        "html" => json!(html),
                        "plaintext" | "markdown" => json!(plain),
                        "json" => {
                            json!([{"nodeType": "paragraph", "content": [{"nodeType": "text", "value": plain}]}])
                        }
                        other => {
                            return Err(format!(
                                "Cannot query field \"{other}\" on type \"MultiFormatString\""
                            ));
                        }
                    };
                    m.insert(s.alias.clone(), v);
                }
                Value::Object(m)
            }
            other => {
                return Err(format!(
                    "Cannot query field \"{other}\" on type \"ArticleModel\""
                ));
            }
        };
        out.insert(f.alias.clone(), v);
    }
    Ok(Value::Object(out))
}

fn execute(dam: &Dam, query: &str, vars: &Map<String, Value>) -> Result<Value, String> {
    let toks = lex(query)?;
    let root = Parser { toks, pos: 0, vars }.document()?;
    let mut data = Map::new();
    for f in &root {
        let v = match f.name.as_str() {
            "__typename" => json!("Query"),
            "articleList" => {
                let offset = f.args.get("offset").and_then(Value::as_u64).unwrap_or(0) as usize;
                let limit = f
                    .args
                    .get("limit")
                    .and_then(Value::as_u64)
                    .map(|l| l as usize);
                let all: Vec<u32> = dam
                    .fragments()
                    .skip(offset)
                    .take(limit.unwrap_or(usize::MAX))
                    .collect();
                let mut m = Map::new();
                for s in &f.selection {
                    match s.name.as_str() {
                        "items" => {
                            let items: Result<Vec<Value>, String> = all
                                .iter()
                                .map(|i| resolve_article(dam, *i, &s.selection))
                                .collect();
                            m.insert(s.alias.clone(), Value::Array(items?));
                        }
                        "__typename" => {
                            m.insert(s.alias.clone(), json!("ArticleModelResults"));
                        }
                        other => {
                            return Err(format!(
                                "Cannot query field \"{other}\" on type \"ArticleModelResults\""
                            ));
                        }
                    }
                }
                Value::Object(m)
            }
            "articleByPath" => {
                let path = f
                    .args
                    .get("_path")
                    .and_then(Value::as_str)
                    .ok_or("articleByPath needs a _path argument")?;
                let idx = match dam.lookup(path) {
                    Some(Node::Asset(a))
                        if dam.assets[a as usize].kind == Kind::ContentFragment =>
                    {
                        a
                    }
                    _ => return Err(format!("No content fragment at {path}")),
                };
                let mut m = Map::new();
                for s in &f.selection {
                    match s.name.as_str() {
                        "item" => {
                            m.insert(s.alias.clone(), resolve_article(dam, idx, &s.selection)?);
                        }
                        other => {
                            return Err(format!(
                                "Cannot query field \"{other}\" on type \"ArticleModelResult\""
                            ));
                        }
                    }
                }
                Value::Object(m)
            }
            other => return Err(format!("Cannot query field \"{other}\" on type \"Query\"")),
        };
        data.insert(f.alias.clone(), v);
    }
    Ok(json!({ "data": data }))
}

fn gql_error(message: &str) -> Value {
    json!({ "errors": [{ "message": message, "locations": [], "extensions": { "classification": "ValidationError" } }] })
}

/// `POST /content/_cq_graphql/{config}/endpoint.json`.
pub(crate) async fn endpoint(
    State(shared): State<Shared>,
    Path(path): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let config = path
        .strip_prefix("_cq_graphql/")
        .and_then(|r| r.strip_suffix("/endpoint.json"))
        .filter(|c| CONFIGS.contains(c));
    let Some(_config) = config else {
        return (StatusCode::NOT_FOUND, "Not Found").into_response();
    };
    if let Err(e) = auth::authenticate(&shared, &headers, Family::Classic) {
        return auth_failure(e, &format!("/content/{path}"));
    }
    let req: Value = match serde_json::from_slice(&body) {
        Ok(v) => v,
        Err(e) => {
            return (
                StatusCode::BAD_REQUEST,
                axum::Json(gql_error(&format!("Invalid JSON body: {e}"))),
            )
                .into_response();
        }
    };
    let Some(query) = req.get("query").and_then(Value::as_str) else {
        return (
            StatusCode::BAD_REQUEST,
            axum::Json(gql_error("The body needs a \"query\" string")),
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
        Err(msg) => (StatusCode::BAD_REQUEST, axum::Json(gql_error(&msg))).into_response(),
    }
}

/// `GET /graphql/execute.json/{config}/{name}[;var=value…]`.
pub(crate) async fn execute_persisted(
    State(shared): State<Shared>,
    Path(rest): Path<String>,
    headers: HeaderMap,
) -> Response {
    if let Err(e) = auth::authenticate(&shared, &headers, Family::Classic) {
        return auth_failure(e, &format!("/graphql/execute.json/{rest}"));
    }
    let mut parts = rest.split(';');
    let key = parts.next().unwrap_or("");
    let vars: Map<String, Value> = parts
        .filter_map(|kv| kv.split_once('='))
        .map(|(k, v)| (k.to_owned(), json!(v)))
        .collect();
    let Some((config, name)) = key.split_once('/') else {
        return (StatusCode::NOT_FOUND, "Not Found").into_response();
    };
    let query = lock(&shared.persisted)
        .get(&(config.to_owned(), name.to_owned()))
        .cloned();
    let Some(query) = query else {
        return (StatusCode::NOT_FOUND, "Not Found").into_response();
    };
    let dam = read(&shared.dam);
    // The persisted-query servlet answers 200 even when the query fails (adobe-wire §6).
    let body = execute(&dam, &query, &vars).unwrap_or_else(|m| gql_error(&m));
    (
        [(
            "cache-control",
            "max-age=60, s-maxage=60, stale-while-revalidate=86400, stale-if-error=86400",
        )],
        axum::Json(body),
    )
        .into_response()
}

/// `PUT` (create) or `POST` (update) `/graphql/persist.json/{config}/{name}`.
pub(crate) async fn persist(
    State(shared): State<Shared>,
    Path(rest): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if let Err(e) = auth::authenticate(&shared, &headers, Family::Classic) {
        return auth_failure(e, &format!("/graphql/persist.json/{rest}"));
    }
    let Some((config, name)) = rest
        .split_once('/')
        .filter(|(c, n)| CONFIGS.contains(c) && !n.is_empty())
    else {
        return (StatusCode::NOT_FOUND, "Not Found").into_response();
    };
    let text = String::from_utf8_lossy(&body).into_owned();
    let query = match serde_json::from_str::<Value>(&text) {
        Ok(Value::Object(o)) => match o.get("query").and_then(Value::as_str) {
            Some(q) => q.to_owned(),
            None => {
                return (
                    StatusCode::BAD_REQUEST,
                    axum::Json(gql_error("The body needs a \"query\" string")),
                )
                    .into_response();
            }
        },
        _ => text,
    };
    if let Err(msg) = lex(&query).and_then(|t| {
        Parser {
            toks: t,
            pos: 0,
            vars: &Map::new(),
        }
        .document()
    }) {
        return (StatusCode::BAD_REQUEST, axum::Json(gql_error(&msg))).into_response();
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

    #[test]
    fn list_and_by_path_with_variables_and_aliases() {
        let dam = Dam::generate(3, 120, crate::dam::ASSETS_PER_FOLDER);
        let v = execute(
            &dam,
            "{ articleList { items { p: _path title } } }",
            &Map::new(),
        )
        .unwrap();
        let items = v["data"]["articleList"]["items"].as_array().unwrap();
        assert_eq!(items.len(), dam.fragments().count());
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
        assert!(execute(&dam, "{ articleList { items { ...F } } }", &Map::new()).is_err());
        assert!(execute(&dam, "{ articleList { items ", &Map::new()).is_err());
    }
}
