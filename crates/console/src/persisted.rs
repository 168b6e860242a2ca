//! Persisted GraphQL queries
//! (<https://experienceleague.adobe.com/en/docs/experience-manager-cloud-service/content/headless/graphql-api/persisted-queries>,
//! <https://github.com/adobe/aem-headless-client-java>): listing them, running one with variables
//! in AEM's `;name=value` form, and saving the current query as one.
//!
//! Encoding (persisted-queries.md, "Encoding the query URL"): the whole `;name=value` part is
//! percent-encoded once (`%3Bpath%3D%2Fcontent%2Fdam…`), as Adobe's example shows. A value
//! holding `;` cannot be told from the next variable after that one decoding, so it is refused
//! in words rather than sent in a form AEM may read differently.

use std::time::Instant;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use reqwest::Method;
use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

use super::capped;
use super::graphql::{GraphqlAnswer, check_variables, read_answer};
use super::words::{self, Doing};
use metadesk_base::i18n::Text;
use metadesk_clients::aem::AemClient;
use metadesk_clients::aem::said::status_said;
use metadesk_clients::error::{Error, ErrorCode, Result};

/// Everything but RFC 3986's unreserved characters is escaped.
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// One persisted query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PersistedQuery {
    pub config: String,
    pub name: String,
    /// `/{config}/{name}`.
    pub short_path: String,
    /// The query's text, when the listing carries it.
    pub query: Option<String>,
}

/// What AEM said when a query was saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SavedPersisted {
    /// True when a new query was created, false when an existing one was replaced.
    pub created: bool,
    pub short_path: String,
}

/// The path that runs `config/name` with `variables` (a JSON object; strings as written,
/// other values as their JSON text).
pub fn execute_path(config: &str, name: &str, variables: Option<&Value>) -> Result<String> {
    let config = super::check_config(config)?;
    let name = super::check_segment(name, "persisted-query")?;
    let mut path = format!("/graphql/execute.json/{config}/{name}");
    if let Some(vars) = check_variables(variables)? {
        let mut part = String::new();
        for (k, v) in vars {
            let ok_name = k.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
                && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
            if !ok_name {
                return Err(Error::message(
                    ErrorCode::InvalidInput,
                    "error-console-bad-variable-name",
                    vec![("name", k.as_str().into())],
                ));
            }
            let text = match v {
                Value::Null => continue,
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            if text.contains(';') {
                return Err(Error::message(
                    ErrorCode::InvalidInput,
                    "error-console-semicolon-in-variable",
                    vec![("name", k.as_str().into())],
                ));
            }
            part.push_str(&format!(";{k}={text}"));
        }
        path.push_str(&utf8_percent_encode(&part, COMPONENT).to_string());
    }
    Ok(path)
}

/// Every persisted query of every configuration (`GET /graphql/list.json`), read leniently:
/// entries without a readable short path are skipped.
pub async fn list(client: &AemClient) -> Result<Vec<PersistedQuery>> {
    let url = client.url("/graphql/list.json")?;
    let response = client
        .send(Method::GET, url, |r| r)
        .await
        .map_err(Error::Aem)?;
    let status = response.status().as_u16();
    let doing = Doing {
        what: Text::plain("aem-what-persisted-list"),
        account: None,
        host: &client.host(),
    };
    let text = capped::text(client, response, &doing.what)
        .await
        .map_err(Error::Aem)?;
    if !(200..300).contains(&status) {
        return Err(words::graphql_status(status, &doing, &text));
    }
    let value: Value = serde_json::from_str(&text).map_err(|e| {
        Error::Aem(metadesk_clients::aem::AemError::BadResponse {
            what: doing.what.clone(),
            detail: e.to_string().into(),
        })
    })?;
    Ok(parse_list(&value))
}

fn parse_list(value: &Value) -> Vec<PersistedQuery> {
    let groups = match value {
        Value::Array(a) => a.as_slice(),
        _ => &[],
    };
    let mut out = Vec::new();
    for group in groups {
        let queries = group.get("queries").and_then(Value::as_array);
        for q in queries.into_iter().flatten() {
            let Some(short) = q
                .pointer("/path/shortForm")
                .or_else(|| q.get("shortPath"))
                .and_then(Value::as_str)
            else {
                continue;
            };
            let mut parts = short.trim_start_matches('/').splitn(2, '/');
            let (Some(config), Some(name)) = (parts.next(), parts.next()) else {
                continue;
            };
            out.push(PersistedQuery {
                config: config.to_owned(),
                name: name.to_owned(),
                short_path: short.to_owned(),
                query: q
                    .pointer("/data/query")
                    .and_then(Value::as_str)
                    .map(str::to_owned),
            });
        }
        // A configuration listed without queries still has an endpoint.
        if queries.is_some_and(Vec::is_empty)
            && let Some(config) = group.get("configurationName").and_then(Value::as_str)
        {
            out.push(PersistedQuery {
                config: config.to_owned(),
                name: String::new(),
                short_path: String::new(),
                query: None,
            });
        }
    }
    out
}

/// The persisted queries, without the placeholders of configurations that have none.
pub async fn list_queries(client: &AemClient) -> Result<Vec<PersistedQuery>> {
    let mut all = list(client).await?;
    all.retain(|q| !q.name.is_empty());
    all.sort_by(|a, b| (&a.config, &a.name).cmp(&(&b.config, &b.name)));
    Ok(all)
}

/// Runs `config/name` with `variables`.
pub async fn run(
    client: &AemClient,
    account: Option<&str>,
    config: &str,
    name: &str,
    variables: Option<&Value>,
) -> Result<GraphqlAnswer> {
    let url = client.url(&execute_path(config, name, variables)?)?;
    let doing = Doing {
        what: Text::new(
            "aem-what-persisted-query",
            vec![
                ("config", config.trim().into()),
                ("name", name.trim().into()),
            ],
        ),
        account,
        host: &client.host(),
    };
    let started = Instant::now();
    let response = client
        .send(Method::GET, url, |r| r)
        .await
        .map_err(Error::Aem)?;
    if response.status().as_u16() == 404 {
        // The servlet answers 404 for an unknown query as for a missing endpoint.
        return Err(Error::message(
            ErrorCode::NotFound,
            "error-console-no-persisted-query",
            vec![
                ("config", config.trim().into()),
                ("name", name.trim().into()),
                ("host", client.host().into()),
            ],
        ));
    }
    read_answer(client, response, started, &doing).await
}

/// Saves `query` as `config/name`: `PUT` creates; replacing an existing query needs
/// `replace` (then `POST`, AEM's update), so nobody's query is overwritten unasked.
pub async fn save(
    client: &AemClient,
    account: Option<&str>,
    config: &str,
    name: &str,
    query: &str,
    replace: bool,
) -> Result<SavedPersisted> {
    let config = super::check_config(config)?;
    let name = super::check_segment(name, "persisted-query")?;
    if query.trim().is_empty() {
        return Err(Error::message(
            ErrorCode::InvalidInput,
            "error-console-query-empty",
            vec![],
        ));
    }
    let exists = list(client)
        .await?
        .iter()
        .any(|q| q.config == config && q.name == name);
    if exists && !replace {
        return Err(Error::message(
            ErrorCode::InvalidInput,
            "error-console-persisted-exists",
            vec![("config", config.into()), ("name", name.into())],
        ));
    }
    let method = if exists { Method::POST } else { Method::PUT };
    let url = client.url(&format!("/graphql/persist.json/{config}/{name}"))?;
    let body = serde_json::json!({ "query": query });
    let response = client
        .send(method, url, |r| r.json(&body))
        .await
        .map_err(Error::Aem)?;
    let status = response.status().as_u16();
    let doing = Doing {
        what: Text::new(
            "aem-what-saving-persisted",
            vec![("config", config.into()), ("name", name.into())],
        ),
        account,
        host: &client.host(),
    };
    let text = capped::text(client, response, &doing.what)
        .await
        .map_err(Error::Aem)?;
    if !(200..300).contains(&status) {
        if status == 400 {
            let why = serde_json::from_str::<Value>(&text)
                .ok()
                .and_then(|v| {
                    v.pointer("/errors/0/message")
                        .and_then(Value::as_str)
                        .map(str::to_owned)
                })
                .map_or_else(|| status_said(status, text.as_bytes()), Text::Plain);
            return Err(Error::worded(
                ErrorCode::InvalidInput,
                Text::new(
                    "error-console-query-not-saved",
                    vec![("detail", why.into())],
                ),
            ));
        }
        if status == 403 {
            return Err(Error::message(
                ErrorCode::Auth,
                "error-console-save-forbidden",
                vec![
                    ("config", config.into()),
                    ("name", name.into()),
                    ("account", account.unwrap_or_default().into()),
                    (
                        "known",
                        if account.is_some() { "yes" } else { "none" }.into(),
                    ),
                ],
            ));
        }
        return Err(words::graphql_status(status, &doing, &text));
    }
    Ok(SavedPersisted {
        created: !exists,
        short_path: format!("/{config}/{name}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn variables_are_encoded_as_aem_documents() {
        // Adobe's own example (persisted-queries.md).
        assert_eq!(
            execute_path(
                "wknd",
                "adventure-by-path",
                Some(&json!({"adventurePath": "/content/dam/wknd/en/adventures/bali-surf-camp/bali-surf-camp"}))
            )
            .unwrap(),
            "/graphql/execute.json/wknd/adventure-by-path%3BadventurePath%3D%2Fcontent%2Fdam%2Fwknd%2Fen%2Fadventures%2Fbali-surf-camp%2Fbali-surf-camp"
        );
        let p = execute_path(
            "c",
            "q",
            Some(&json!({"a": "x y&z=1?#%é", "n": 5, "b": true, "skip": null})),
        )
        .unwrap();
        assert_eq!(
            p,
            "/graphql/execute.json/c/q%3Ba%3Dx%20y%26z%3D1%3F%23%25%C3%A9%3Bb%3Dtrue%3Bn%3D5"
        );
        assert!(execute_path("c", "q", Some(&json!({"a": "x;y"}))).is_err());
        assert!(execute_path("c", "q", Some(&json!({"a b": "x"}))).is_err());
        assert!(execute_path("c", "../q", None).is_err());
        assert!(execute_path("c", "q", Some(&json!([1]))).is_err());
    }

    #[test]
    fn the_listing_is_read_leniently() {
        let v = json!([
            {"configurationName": "proj", "queries": [
                {"path": {"shortForm": "/proj/queryName", "longForm": "/conf/proj/settings/graphql/persistentQueries/queryName"},
                 "data": {"query": "{ a }"}},
                {"path": {}},
            ]},
            {"configurationName": "empty", "queries": []},
        ]);
        let l = parse_list(&v);
        assert_eq!(l.len(), 2);
        assert_eq!(l[0].name, "queryName");
        assert_eq!(l[0].query.as_deref(), Some("{ a }"));
        assert_eq!((l[1].config.as_str(), l[1].name.as_str()), ("empty", ""));
        assert!(parse_list(&json!({"x": 1})).is_empty());
    }
}
