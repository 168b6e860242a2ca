//! The Sling POST servlet (`application/x-www-form-urlencoded`, as AEM's own forms send it):
//! on an asset's metadata node (`POST /content/dam/…/jcr:content/metadata`, what the API
//! console posts: `./name=value` or `name=value` sets a property, a name given twice becomes
//! a multi-valued property, `name@Delete` removes one), and on any other DAM node, where the
//! parameter names are item paths and one request changes many assets in one commit
//! (`sling_batch.rs`). Both answer JSON with `Accept: application/json`, Sling's HTML status
//! page otherwise; both honour the `csrf_required`, `commit_ms_per_asset` and (for the
//! batch) `batch_writes_refused` faults. Sling's null operation (`:operation=nop`) answers
//! after those checks and changes nothing; imports, moves and other operations are not
//! simulated.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, header};
use axum::response::Response;
use serde_json::{Value, json};

use crate::auth::{self, Family};
use crate::dam::{DAM_ROOT, Node};
use crate::sling_response::respond;
use crate::{Shared, read, write};

/// `POST /content/{*path}`: a GraphQL endpoint, a direct binary upload's initiate or complete
/// (`upload/`), else the Sling POST.
pub(crate) async fn handler(
    State(shared): State<Shared>,
    Path(path): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if path.starts_with("_cq_graphql/") {
        return crate::graphql::endpoint(State(shared), Path(path), headers, body).await;
    }
    let folder = |suffix| {
        path.strip_suffix(suffix)
            .map(|f| format!("/content/{}", f.trim_end_matches('/')))
    };
    if let Some(folder) = folder(".initiateUpload.json") {
        return crate::upload::initiate(&shared, &folder, &headers, &body);
    }
    if let Some(folder) = folder(".completeUpload.json") {
        return crate::upload::complete(&shared, &folder, &headers, &body).await;
    }
    post(&shared, &path, &headers, &body).await
}

/// The Sling POST on `/content/{path}`.
async fn post(shared: &Shared, path: &str, headers: &HeaderMap, body: &[u8]) -> Response {
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
    if shared.faults.csrf_required() && !crate::csrf::valid(shared, headers) {
        return answer(
            403,
            "Forbidden: the request has no valid CSRF token (CSRF-Token header)",
            Vec::new(),
        );
    }
    let is_form = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if target.starts_with(&format!("{}/", crate::taxonomy::TAGS_ROOT)) {
        if !is_form {
            return answer(
                400,
                "Bad Request: the Sling POST takes form fields",
                Vec::new(),
            );
        }
        let changes = match parse_form(body) {
            Ok(c) if !c.is_empty() => c,
            Ok(_) => return answer(400, "Bad Request: no property to change", Vec::new()),
            Err(msg) => return answer(400, &msg, Vec::new()),
        };
        return match crate::tag_command::post_properties(shared, &principal, &target, changes) {
            Ok(()) => answer(200, "OK", Vec::new()),
            Err(r) => answer(r.status, &r.message, Vec::new()),
        };
    }
    let asset_path = target
        .strip_suffix("/jcr:content/metadata")
        .or_else(|| target.strip_suffix("/_jcr_content/metadata"))
        .filter(|p| p.starts_with(&format!("{DAM_ROOT}/")));
    let Some(asset_path) = asset_path else {
        return batch(shared, &target, principal, is_form, body, answer).await;
    };
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
    tokio::time::sleep(shared.faults.commit_cost(1)).await;
    answer(200, "OK", listed)
}

/// A Sling POST on a DAM node other than an asset's metadata: item-path parameters, one commit.
async fn batch(
    shared: &Shared,
    target: &str,
    principal: auth::Principal,
    is_form: bool,
    body: &[u8],
    answer: impl Fn(u16, &str, Vec<Value>) -> Response,
) -> Response {
    if !target.starts_with(&format!("{DAM_ROOT}/")) && target != DAM_ROOT {
        return answer(404, "Not Found", Vec::new());
    }
    if let Some(status) = shared.faults.batch_writes_refused() {
        let message = match status {
            405 => "Method Not Allowed",
            404 => "Not Found",
            _ => "Forbidden",
        };
        return answer(status, message, Vec::new());
    }
    if !is_form {
        return answer(
            400,
            "Bad Request: the Sling POST takes application/x-www-form-urlencoded form fields",
            Vec::new(),
        );
    }
    if let Some(status) = nop_status(body) {
        return answer(status, "OK", Vec::new());
    }
    let done =
        crate::sling_batch::apply(shared, target, body, &principal.user, principal.read_only);
    if done.assets > 0 {
        shared.counters.bump(|c| {
            c.writes_applied += done.assets as u64;
            c.batch_writes += 1;
        });
        tokio::time::sleep(shared.faults.commit_cost(done.assets)).await;
    }
    answer(done.status, &done.message, done.changes)
}

/// Sling's null operation (`:operation=nop`): the status it answers with (`:nopstatus`, else
/// 200), after the checks every POST meets, and nothing else is done.
fn nop_status(body: &[u8]) -> Option<u16> {
    let form: Vec<(String, String)> = url::form_urlencoded::parse(body).into_owned().collect();
    let value = |name: &str| {
        form.iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    };
    (value(":operation")? == "nop").then(|| {
        value(":nopstatus")
            .and_then(|s| s.parse().ok())
            .filter(|s| (100..600).contains(s))
            .unwrap_or(200)
    })
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

    #[test]
    fn the_null_operation_answers_its_status_and_nothing_else() {
        assert_eq!(nop_status(b":operation=nop"), Some(200));
        assert_eq!(nop_status(b":operation=nop&:nopstatus=204"), Some(204));
        assert_eq!(nop_status(b":operation=nop&:nopstatus=9"), Some(200));
        assert_eq!(nop_status(b":operation=delete"), None);
        assert_eq!(nop_status(b"dc:title=x"), None);
    }
}
