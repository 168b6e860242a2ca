//! `POST /adobe/assets/search`: the author-tier OpenAPI search
//! (<https://experienceleague.adobe.com/en/docs/experience-cloud-kcs/kbarticles/ka-32230>),
//! as far as Metadesk uses it: a `query` array whose items all hold (AND), each item one `term`
//! (a field and the values it may equal), `range` (a date field and `gt`/`gte`/`lt`/`lte`) or
//! `match` (`text` in `fields`, whole words, `*` for anything); `limit` and `cursor` paging;
//! the order on the path, as `sort: [{field, order}]` (what Adobe's clients send,
//! `adobe-clients.md`) or `orderBy: "<field> asc|desc"`. The parameter that allows a search no
//! index serves is `allowUnindexedSearch=true` since maintenance release 27550 ("now
//! optional"), `allowUnsafeSearch=true` before it (`adobe-wire-lifecycle.md` §2.7): by default
//! either is taken and neither is needed (UNCONFIRMED what leaving it out changes: approved
//! assets only, it seems); with [`crate::Faults::search_before_27550`], an AEM before that
//! release, only the old name counts and a search without `allowUnsafeSearch=true` is refused
//! with 400. OAuth Server-to-Server tokens are accepted (the OpenAPI rules of `auth.rs`, with
//! `X-Api-Key` and `X-Adobe-Accept-Experimental: 1`).
//!
//! Choices where Adobe documents nothing (UNCONFIRMED; each the most likely, said here once):
//! - The answer: `{"hits": {"results": [<metadata document>…]}, "search_metadata": {"count": n,
//!   "totalCount": {"total": N, "relation": "eq"}}, "cursor": "…"}`; `cursor` only while more
//!   hits follow. Each result is the document `GET /adobe/assets/{id}/metadata` gives
//!   (`assetId`, `assetMetadata`, `repositoryMetadata` with `repo:path`).
//! - Field names: `assetMetadata.<property>`, `repositoryMetadata.repo:path`, `repo:name`,
//!   `repo:ancestors` (every folder above the asset), `repo:parentPath`, `dc:format`,
//!   `repo:createDate`, `repo:modifyDate`, and `assetId`.
//! - The cursor is opaque and, here, an offset into the ordered hits: an asset that starts or
//!   stops matching before it shifts the next pages (the worst case a client must survive).
//! - A malformed query (unknown item kind or field, a value of the wrong type, a bad date, a
//!   `limit` outside 1..=50, a cursor this server did not give) is a 400 problem naming it.
//! - A search that is not enabled on the environment answers 404 (as on the delivery tier,
//!   KB ka-32230); [`crate::Sandbox::set_openapi_search`] turns it off.
//! - Content fragments are not hits (they are edited through the Sites API, never here).
//! - No traversal limit is documented for this search; none is simulated.
//!
//! Not here: the tree (`dam/`), token rules (`auth.rs`), QueryBuilder (`querybuilder.rs`).

use std::sync::atomic::Ordering;

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Map, Value, json};

use crate::dam::{Dam, Kind, iso_ms, uuid_string};
use crate::openapi::{check, metadata_document, problem};
use crate::{Shared, read};

/// Largest `limit` (the Folders API's documented maximum; the search's is UNCONFIRMED).
pub(crate) const MAX_LIMIT: u64 = 50;
const DEFAULT_LIMIT: u64 = 20;

/// One item of `query`.
#[derive(Debug)]
enum Item {
    Term {
        field: String,
        values: Vec<String>,
    },
    Range {
        field: String,
        bounds: Vec<(String, i128)>,
    },
    Match {
        text: String,
        fields: Vec<String>,
    },
}

/// What an item sees of one asset.
fn field_values(dam: &Dam, idx: u32, field: &str) -> Vec<String> {
    let a = &dam.assets[idx as usize];
    let path = dam.asset_path(idx);
    let strings = |v: &Value| match v {
        Value::Array(items) => items
            .iter()
            .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_owned))
            .collect(),
        Value::String(s) => vec![s.clone()],
        other => vec![other.to_string()],
    };
    match field {
        "assetId" => vec![format!("urn:aaid:aem:{}", uuid_string(a.uuid))],
        "repositoryMetadata.repo:path" => vec![path],
        "repositoryMetadata.repo:name" => vec![a.name.to_string()],
        "repositoryMetadata.dc:format" => vec![a.kind.mime().to_owned()],
        "repositoryMetadata.repo:parentPath" => path
            .rsplit_once('/')
            .map(|(p, _)| vec![p.to_owned()])
            .unwrap_or_default(),
        "repositoryMetadata.repo:ancestors" => {
            let mut out = Vec::new();
            let mut at = path.as_str();
            while let Some((parent, _)) = at.rsplit_once('/') {
                if parent.is_empty() {
                    break;
                }
                out.push(parent.to_owned());
                at = parent;
            }
            out
        }
        "repositoryMetadata.repo:createDate" => vec![iso_ms(dam.created_ms(idx))],
        "repositoryMetadata.repo:modifyDate" => vec![iso_ms(dam.modified_ms(idx))],
        _ => field
            .strip_prefix("assetMetadata.")
            .and_then(|p| dam.metadata(idx).get(p).map(strings))
            .unwrap_or_default(),
    }
}

fn known_field(field: &str) -> bool {
    matches!(
        field,
        "assetId"
            | "repositoryMetadata.repo:path"
            | "repositoryMetadata.repo:name"
            | "repositoryMetadata.dc:format"
            | "repositoryMetadata.repo:parentPath"
            | "repositoryMetadata.repo:ancestors"
            | "repositoryMetadata.repo:createDate"
            | "repositoryMetadata.repo:modifyDate"
    ) || field
        .strip_prefix("assetMetadata.")
        .is_some_and(|p| p.contains(':') && !p.contains(char::is_whitespace))
}

fn date_ms(raw: &str) -> Option<i128> {
    use time::format_description::well_known::Iso8601;
    time::OffsetDateTime::parse(raw.trim(), &Iso8601::DEFAULT)
        .ok()
        .map(|t| t.unix_timestamp_nanos() / 1_000_000)
}

/// The only object key of `v`, with its value.
fn single(v: &Value, what: &str) -> Result<(String, Value), String> {
    match v.as_object() {
        Some(o) if o.len() == 1 => {
            let (k, v) = o.iter().next().ok_or("empty")?;
            Ok((k.clone(), v.clone()))
        }
        _ => Err(format!("{what} must be an object with exactly one field")),
    }
}

fn parse_item(item: &Value) -> Result<Item, String> {
    let (kind, body) = single(item, "Each query item")?;
    match kind.as_str() {
        "term" => {
            let (field, values) = single(&body, "term")?;
            if !known_field(&field) {
                return Err(format!("Unknown field {field:?} in term"));
            }
            let values: Vec<String> = values
                .as_array()
                .filter(|a| !a.is_empty())
                .ok_or_else(|| format!("term {field:?} needs a non-empty array of strings"))?
                .iter()
                .map(|v| v.as_str().map(str::to_owned))
                .collect::<Option<_>>()
                .ok_or_else(|| format!("term {field:?} needs a non-empty array of strings"))?;
            Ok(Item::Term { field, values })
        }
        "range" => {
            let (field, bounds) = single(&body, "range")?;
            if !field.ends_with("Date") || !known_field(&field) {
                return Err(format!("range is only for the date fields, not {field:?}"));
            }
            let bounds = bounds
                .as_object()
                .filter(|o| !o.is_empty())
                .ok_or_else(|| format!("range {field:?} needs gt, gte, lt or lte"))?
                .iter()
                .map(|(op, v)| {
                    if !matches!(op.as_str(), "gt" | "gte" | "lt" | "lte") {
                        return Err(format!("Unknown range operator {op:?}"));
                    }
                    let ms = v
                        .as_str()
                        .and_then(date_ms)
                        .ok_or_else(|| format!("range {field:?}: {v} is not an ISO 8601 date"))?;
                    Ok((op.clone(), ms))
                })
                .collect::<Result<Vec<_>, String>>()?;
            Ok(Item::Range { field, bounds })
        }
        "match" => {
            let o = body.as_object().ok_or("match must be an object")?;
            let text = o
                .get("text")
                .and_then(Value::as_str)
                .ok_or("match needs a text")?
                .to_owned();
            let fields: Vec<String> = match o.get("fields") {
                None => vec!["assetMetadata.dc:title".to_owned()],
                Some(f) => f
                    .as_array()
                    .and_then(|a| {
                        a.iter()
                            .map(|v| v.as_str().map(str::to_owned))
                            .collect::<Option<Vec<_>>>()
                    })
                    .ok_or("match fields must be an array of strings")?,
            };
            if let Some(bad) = fields.iter().find(|f| !known_field(f)) {
                return Err(format!("Unknown field {bad:?} in match"));
            }
            if let Some(other) = o.keys().find(|k| !matches!(k.as_str(), "text" | "fields")) {
                return Err(format!("Unknown match property {other:?}"));
            }
            Ok(Item::Match { text, fields })
        }
        other => Err(format!(
            "Unknown query item {other:?} (term, range or match)"
        )),
    }
}

fn matches(dam: &Dam, idx: u32, item: &Item) -> bool {
    match item {
        Item::Term { field, values } => field_values(dam, idx, field)
            .iter()
            .any(|s| values.contains(s)),
        Item::Range { field, bounds } => field_values(dam, idx, field)
            .first()
            .and_then(|d| date_ms(d))
            .is_some_and(|at| {
                bounds.iter().all(|(op, b)| match op.as_str() {
                    "gt" => at > *b,
                    "gte" => at >= *b,
                    "lt" => at < *b,
                    _ => at <= *b,
                })
            }),
        Item::Match { text, fields } => {
            let text = text.trim().to_lowercase();
            text == "*"
                || fields.iter().any(|f| {
                    field_values(dam, idx, f).iter().any(|v| {
                        v.to_lowercase()
                            .split(|c: char| !c.is_alphanumeric())
                            .any(|w| w == text)
                    })
                })
        }
    }
}

fn decode_cursor(c: &str) -> Option<usize> {
    URL_SAFE_NO_PAD
        .decode(c)
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .and_then(|s| s.strip_prefix("s:").and_then(|n| n.parse().ok()))
}

/// `POST /adobe/assets/search`.
pub(crate) async fn search(
    State(shared): State<Shared>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if let Err(r) = check(&shared, &headers) {
        return *r;
    }
    if !shared.openapi_search.load(Ordering::Relaxed) {
        return problem(404, "The search API is not enabled on this environment");
    }
    let body: Value = match serde_json::from_slice(&body) {
        Ok(v) => v,
        Err(e) => return problem(400, &format!("The body is not JSON: {e}")),
    };
    let Some(request) = body.as_object() else {
        return problem(400, "The body must be a JSON object");
    };
    if let Some(other) = request.keys().find(|k| {
        !matches!(
            k.as_str(),
            "query" | "limit" | "cursor" | "orderBy" | "sort"
        )
    }) {
        return problem(400, &format!("Unknown property {other:?}"));
    }
    let Some(items) = request.get("query").and_then(Value::as_array) else {
        return problem(400, "query must be an array");
    };
    let items = match items.iter().map(parse_item).collect::<Result<Vec<_>, _>>() {
        Ok(items) => items,
        Err(message) => return problem(400, &message),
    };
    let limit = match request.get("limit") {
        None => DEFAULT_LIMIT,
        Some(l) => match l.as_u64() {
            Some(l) if (1..=MAX_LIMIT).contains(&l) => l,
            _ => {
                return problem(
                    400,
                    &format!("limit must be an integer between 1 and {MAX_LIMIT}"),
                );
            }
        },
    } as usize;
    let offset = match request.get("cursor") {
        None | Some(Value::Null) => 0,
        Some(c) => match c.as_str().and_then(decode_cursor) {
            Some(o) => o,
            None => return problem(400, "Invalid cursor"),
        },
    };
    let desc = match sorted_descending(request) {
        Ok(desc) => desc,
        Err(message) => return problem(400, &message),
    };
    // Told once the request is known to be well formed: what an AEM before 27550 refuses is
    // running it, not reading it.
    if shared.faults.search_before_27550() && !allows(query.as_deref(), OLD_PARAMETER) {
        return problem(
            400,
            "This search is not served by an index: add allowUnsafeSearch=true to run it anyway",
        );
    }
    let dam = read(&shared.dam);
    // The search answers from its index: an upload it has not caught up with is not found.
    let (now, lag) = (crate::ims::now_ms(), shared.faults.index_lag_ms());
    let mut hits: Vec<(String, u32)> = (0..dam.assets.len() as u32)
        .filter(|&a| {
            let asset = &dam.assets[a as usize];
            asset.kind != Kind::ContentFragment && !asset.removed && dam.indexed(a, now, lag)
        })
        .filter(|&a| items.iter().all(|item| matches(&dam, a, item)))
        .map(|a| (dam.asset_path(a), a))
        .collect();
    hits.sort();
    if desc {
        hits.reverse();
    }
    let total = hits.len();
    let page: Vec<Value> = hits
        .iter()
        .skip(offset)
        .take(limit)
        .map(|(_, a)| metadata_document(&dam, *a))
        .collect();
    let mut answer = Map::new();
    answer.insert(
        "search_metadata".into(),
        json!({"count": page.len(), "totalCount": {"total": total, "relation": "eq"}}),
    );
    answer.insert("hits".into(), json!({ "results": page }));
    if offset + limit < total {
        answer.insert(
            "cursor".into(),
            json!(URL_SAFE_NO_PAD.encode(format!("s:{}", offset + limit))),
        );
    }
    axum::Json(Value::Object(answer)).into_response()
}

/// The parameter that allows an unindexed search on an AEM before release 27550.
const OLD_PARAMETER: &str = "allowUnsafeSearch";

/// Whether the raw query string sets `name` to `true`.
fn allows(query: Option<&str>, name: &str) -> bool {
    url::form_urlencoded::parse(query.unwrap_or_default().as_bytes())
        .any(|(k, v)| k == name && v.eq_ignore_ascii_case("true"))
}

/// Whether the hits go in descending path order: `sort: [{"field", "order"}]` (Adobe's clients)
/// or `orderBy: "<field> asc|desc"`; on the path only, ascending when neither is given.
fn sorted_descending(request: &serde_json::Map<String, Value>) -> Result<bool, String> {
    const PATH: &str = "repositoryMetadata.repo:path";
    if let Some(sort) = request.get("sort") {
        let Some([only]) = sort.as_array().map(Vec::as_slice) else {
            return Err("sort must be an array of one {field, order}".into());
        };
        let field = only.get("field").and_then(Value::as_str);
        let order = only.get("order").and_then(Value::as_str).unwrap_or("asc");
        return match (field, order.to_ascii_lowercase().as_str()) {
            (Some(PATH), "asc") => Ok(false),
            (Some(PATH), "desc") => Ok(true),
            _ => Err(format!("sort {only} is not supported")),
        };
    }
    match request.get("orderBy").map(|o| o.as_str()) {
        None => Ok(false),
        Some(Some("repositoryMetadata.repo:path asc" | PATH)) => Ok(false),
        Some(Some("repositoryMetadata.repo:path desc")) => Ok(true),
        Some(other) => Err(format!("orderBy {other:?} is not supported")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_order_is_read_as_adobe_s_clients_send_it_and_as_orderby() {
        let order = |v: Value| sorted_descending(v.as_object().unwrap());
        let path = "repositoryMetadata.repo:path";
        assert_eq!(
            order(json!({"sort": [{"field": path, "order": "asc"}]})),
            Ok(false)
        );
        assert_eq!(
            order(json!({"sort": [{"field": path, "order": "DESC"}]})),
            Ok(true)
        );
        assert_eq!(
            order(json!({"orderBy": "repositoryMetadata.repo:path desc"})),
            Ok(true)
        );
        assert_eq!(order(json!({})), Ok(false));
        for refused in [
            json!({"sort": [{"field": "assetMetadata.dc:title", "order": "asc"}]}),
            json!({"sort": {"field": path}}),
            json!({"orderBy": "dc:title asc"}),
        ] {
            assert!(order(refused.clone()).is_err(), "{refused}");
        }
    }

    #[test]
    fn the_old_parameter_allows_only_when_set_to_true() {
        assert!(allows(Some("allowUnsafeSearch=true"), OLD_PARAMETER));
        assert!(allows(Some("a=1&allowUnsafeSearch=TRUE"), OLD_PARAMETER));
        for refused in [
            None,
            Some(""),
            Some("allowUnindexedSearch=true"),
            Some("allowUnsafeSearch=false"),
        ] {
            assert!(!allows(refused, OLD_PARAMETER), "{refused:?}");
        }
    }

    #[test]
    fn items_parse_or_say_what_is_wrong() {
        assert!(matches!(
            parse_item(&json!({"term": {"assetMetadata.dc:rights": ["R"]}})),
            Ok(Item::Term { .. })
        ));
        assert!(matches!(
            parse_item(
                &json!({"range": {"repositoryMetadata.repo:modifyDate": {"gte": "2026-03-01T00:00:00.000Z"}}})
            ),
            Ok(Item::Range { .. })
        ));
        for (bad, words) in [
            (json!({"term": {"assetMetadata.dc:rights": "R"}}), "array"),
            (json!({"term": {"nope": ["R"]}}), "Unknown field"),
            (json!({"exists": {"field": "x"}}), "Unknown query item"),
            (
                json!({"range": {"repositoryMetadata.repo:modifyDate": {"gte": "March"}}}),
                "ISO 8601",
            ),
            (json!({"term": {"a:b": ["x"]}, "range": {}}), "exactly one"),
        ] {
            let err = parse_item(&bad).unwrap_err();
            assert!(err.contains(words), "{bad}: {err}");
        }
    }
}
