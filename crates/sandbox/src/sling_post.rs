//! The Sling POST servlet on an asset's metadata node: `POST /content/dam/…/jcr:content/metadata`
//! with form fields (`application/x-www-form-urlencoded`), as AEM's own forms send them.
//!
//! Only what the API console needs to be tested: `./name=value` or `name=value` sets a property
//! (a name given twice becomes a multi-valued property), `name@Delete` removes one, `:operation`
//! style and `_charset_` parameters and `@TypeHint` suffixes are not properties. Anything else
//! Sling does (creating nodes, imports, moves) is not simulated: the answer says so.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};

use crate::auth::{self, Family};
use crate::dam::{DAM_ROOT, Node};
use crate::{Shared, read, write};

/// `POST /content/{*path}`: a GraphQL endpoint, else the Sling POST.
pub(crate) async fn handler(
    State(shared): State<Shared>,
    Path(path): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if path.starts_with("_cq_graphql/") {
        return crate::graphql::endpoint(State(shared), Path(path), headers, body).await;
    }
    post(&shared, &path, &headers, &body)
}

/// The Sling POST on `/content/{path}`.
fn post(shared: &Shared, path: &str, headers: &HeaderMap, body: &[u8]) -> Response {
    let target = format!("/content/{}", path.trim_end_matches('/'));
    let wants_json = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("json"));
    let answer = |status: u16, message: &str, changes: Vec<Value>| {
        respond(status, &target, message, changes, wants_json)
    };
    let principal = match auth::authenticate(shared, headers, Family::Classic) {
        Ok(p) => p,
        Err(e) => return answer(e.status, &e.message, Vec::new()),
    };
    let asset_path = target
        .strip_suffix("/jcr:content/metadata")
        .or_else(|| target.strip_suffix("/_jcr_content/metadata"))
        .filter(|p| p.starts_with(&format!("{DAM_ROOT}/")));
    let Some(asset_path) = asset_path else {
        return answer(
            404,
            "Not Found: the sandbox's Sling POST changes only an asset's …/jcr:content/metadata",
            Vec::new(),
        );
    };
    let is_form = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !is_form {
        return answer(
            400,
            "Bad Request: the Sling POST takes application/x-www-form-urlencoded form fields",
            Vec::new(),
        );
    }
    let Some(Node::Asset(idx)) = read(&shared.dam).lookup(asset_path) else {
        return answer(404, "Not Found", Vec::new());
    };
    if principal.read_only || shared.faults.write_denied(asset_path) {
        return answer(
            403,
            &format!(
                "Forbidden: {} has no write permission on {asset_path}",
                principal.user
            ),
            Vec::new(),
        );
    }
    let changes = match parse_form(body) {
        Ok(c) if !c.is_empty() => c,
        Ok(_) => return answer(400, "Bad Request: no property to change", Vec::new()),
        Err(msg) => return answer(400, &msg, Vec::new()),
    };
    let listed = changes
        .iter()
        .map(|(name, value)| {
            json!({
                "type": if value.is_some() { "modified" } else { "deleted" },
                "argument": format!("{target}/{name}"),
            })
        })
        .collect();
    write(&shared.dam).apply(idx, changes);
    shared.counters.bump(|c| c.writes_applied += 1);
    answer(200, "OK", listed)
}

/// The properties a form sets (`Some`) or deletes (`None`), in the order first named.
fn parse_form(body: &[u8]) -> Result<Vec<(String, Option<Value>)>, String> {
    let mut out: Vec<(String, Option<Value>)> = Vec::new();
    for (name, value) in url::form_urlencoded::parse(body) {
        let name = name.strip_prefix("./").unwrap_or(&name);
        if name.starts_with(':') || name == "_charset_" {
            continue;
        }
        if let Some(deleted) = name.strip_suffix("@Delete") {
            check_name(deleted)?;
            out.retain(|(n, _)| n != deleted);
            out.push((deleted.to_owned(), None));
            continue;
        }
        if name.contains('@') {
            // TypeHint, DefaultValue, … change how a value is stored, not which.
            continue;
        }
        check_name(name)?;
        let value = Value::String(value.into_owned());
        match out.iter_mut().find(|(n, _)| n == name) {
            Some((_, Some(Value::Array(values)))) => values.push(value),
            Some((_, Some(first))) => *first = Value::Array(vec![first.take(), value]),
            Some((_, slot @ None)) => *slot = Some(value),
            None => out.push((name.to_owned(), Some(value))),
        }
    }
    Ok(out)
}

fn check_name(name: &str) -> Result<(), String> {
    if name.is_empty() || name.contains('/') || name.starts_with('.') {
        return Err(format!(
            "Bad Request: {name:?} is not a property of this node"
        ));
    }
    Ok(())
}

/// Sling's answer: its JSON response when asked for JSON, else its HTML status page.
fn respond(status: u16, path: &str, message: &str, changes: Vec<Value>, json: bool) -> Response {
    let code = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let parent = path.rsplit_once('/').map_or("/", |(p, _)| p);
    let title = if code.is_success() {
        format!("Content modified {path}")
    } else {
        format!("Error while processing {path}")
    };
    if json {
        let mut body = Map::new();
        body.insert("changes".into(), Value::Array(changes));
        body.insert("path".into(), path.into());
        body.insert("location".into(), path.into());
        body.insert("parentLocation".into(), parent.into());
        body.insert("status.code".into(), status.into());
        body.insert("status.message".into(), message.into());
        body.insert("title".into(), title.into());
        body.insert("isCreate".into(), false.into());
        return (code, axum::Json(Value::Object(body))).into_response();
    }
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let html = format!(
        "<html><head><title>{t}</title></head><body><h1>{t}</h1><table>\
         <tr><td>Status</td><td><div id=\"Status\">{status}</div></td></tr>\
         <tr><td>Message</td><td><div id=\"Message\">{m}</div></td></tr>\
         <tr><td>Location</td><td><a href=\"{p}\" id=\"Location\">{p}</a></td></tr>\
         </table></body></html>",
        t = escape(&title),
        m = escape(message),
        p = escape(path),
    );
    (
        code,
        [(header::CONTENT_TYPE, "text/html;charset=utf-8")],
        html,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_fields_become_properties() {
        let got = parse_form(
            b"_charset_=utf-8&.%2Fdc%3Atitle=a+b%26c&dc:subject=x&dc:subject=y&:operation=x&dc:rights@Delete=&dc:title@TypeHint=String",
        )
        .unwrap();
        assert_eq!(
            got,
            vec![
                ("dc:title".to_owned(), Some(json!("a b&c"))),
                ("dc:subject".to_owned(), Some(json!(["x", "y"]))),
                ("dc:rights".to_owned(), None),
            ]
        );
        assert!(parse_form(b"../x=1").is_err());
    }
}
