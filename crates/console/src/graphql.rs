//! GraphQL on an AEM endpoint
//! (<https://experienceleague.adobe.com/en/docs/experience-manager-cloud-service/content/headless/graphql-api/graphql-endpoint>):
//! running a query with variables, the answer with its errors at their line and column, the
//! standard introspection query (what the editor completes from). The list of endpoints is in
//! `endpoints.rs`.
//!
//! Lenient in what it reads: an answer with `data` or `errors` is a GraphQL answer whatever
//! its status (AEM answers 200, some setups 400); anything else is worded by `words`.

use std::time::Instant;

use reqwest::Method;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use super::capped;
use super::ordered::Ordered;
use super::table::{self, ResultTable};
use super::words::{self, Doing};
use metadesk_base::i18n::Text;
use metadesk_clients::aem::AemClient;
use metadesk_clients::aem::said::said;
use metadesk_clients::error::{Error, ErrorCode, Result};

/// Where a GraphQL query of configuration `config` is sent.
pub fn endpoint_path(config: &str) -> Result<String> {
    let config = super::check_config(config)?;
    Ok(format!("/content/_cq_graphql/{config}/endpoint.json"))
}

/// One error of a GraphQL answer: its words, where in the query it points (1-based line and
/// column; empty when it points nowhere) and the result path it concerns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct GraphqlError {
    pub message: String,
    pub locations: Vec<GraphqlLocation>,
    #[ts(type = "Array<string | number>")]
    pub path: Vec<Value>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct GraphqlLocation {
    pub line: u32,
    pub column: u32,
}

/// What AEM answered to a query.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct GraphqlAnswer {
    /// The `data` member, as sent (members in AEM's order); `null` when AEM sent none.
    #[ts(type = "unknown")]
    pub data: Ordered,
    pub errors: Vec<GraphqlError>,
    /// The HTTP status (200 even with errors, as AEM answers).
    pub status: u16,
    /// From sending the query to having read the whole answer.
    #[ts(type = "number")]
    pub millis: u64,
    /// The first list of items in `data`, flattened for a table; none when `data` holds no list.
    pub table: Option<ResultTable>,
}

/// The query GraphiQL sends (graphql-js `getIntrospectionQuery()` with descriptions): what
/// the editor needs for completion and error marks.
pub const INTROSPECTION_QUERY: &str = "query IntrospectionQuery {
  __schema {
    queryType { name }
    mutationType { name }
    subscriptionType { name }
    types { ...FullType }
    directives { name description locations args { ...InputValue } }
  }
}
fragment FullType on __Type {
  kind name description
  fields(includeDeprecated: true) {
    name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason
  }
  inputFields { ...InputValue }
  interfaces { ...TypeRef }
  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
  possibleTypes { ...TypeRef }
}
fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
fragment TypeRef on __Type {
  kind name
  ofType { kind name ofType { kind name ofType { kind name ofType { kind name
    ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }
}";

/// Checks the variables pane: nothing, `null` or a JSON object.
pub fn check_variables(
    variables: Option<&Value>,
) -> Result<Option<&serde_json::Map<String, Value>>> {
    match variables {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Object(o)) => Ok(Some(o)),
        Some(_) => Err(Error::message(
            ErrorCode::InvalidInput,
            "error-console-variables-not-object",
            vec![],
        )),
    }
}

/// Parses the variables pane's text: empty means none.
pub fn parse_variables(text: &str) -> Result<Option<Value>> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        Error::message(
            ErrorCode::InvalidInput,
            "error-console-variables-not-json",
            super::request::json_place(&e),
        )
    })?;
    check_variables(Some(&value))?;
    Ok(Some(value))
}

/// Sends `query` to configuration `config`'s endpoint.
pub async fn run(
    client: &AemClient,
    account: Option<&str>,
    config: &str,
    query: &str,
    variables: Option<&Value>,
) -> Result<GraphqlAnswer> {
    if query.trim().is_empty() {
        return Err(Error::message(
            ErrorCode::InvalidInput,
            "error-console-query-empty",
            vec![],
        ));
    }
    let vars = check_variables(variables)?;
    let url = client.url(&endpoint_path(config)?)?;
    let mut body = serde_json::json!({ "query": query });
    if let Some(vars) = vars {
        body["variables"] = Value::Object(vars.clone());
    }
    let doing = Doing {
        what: Text::new(
            "aem-what-graphql-endpoint",
            vec![("config", config.trim().into())],
        ),
        account,
        host: &client.host(),
    };
    let started = Instant::now();
    let response = client
        .send(Method::POST, url, |r| r.json(&body))
        .await
        .map_err(Error::Aem)?;
    read_answer(client, response, started, &doing).await
}

/// Reads a GraphQL answer (from the endpoint or a persisted query).
pub(crate) async fn read_answer(
    client: &AemClient,
    response: reqwest::Response,
    started: Instant,
    doing: &Doing<'_>,
) -> Result<GraphqlAnswer> {
    let status = response.status().as_u16();
    let bytes = capped::body(client, response, &doing.what)
        .await
        .map_err(Error::Aem)?;
    let millis = started.elapsed().as_millis() as u64;
    let body: Option<Ordered> = serde_json::from_slice(&bytes).ok();
    match body {
        Some(o) if o.get("data").is_some() || o.get("errors").is_some() => {
            let data = o.get("data").cloned().unwrap_or_default();
            let errors = o
                .get("errors")
                .map(|e| errors_of(&e.to_value()))
                .unwrap_or_default();
            let table = table::find_table(&data);
            Ok(GraphqlAnswer {
                data,
                errors,
                status,
                millis,
                table,
            })
        }
        _ => {
            let text = String::from_utf8_lossy(&bytes);
            if (200..300).contains(&status) {
                // A sign-in page answered with 200 is told by its title, never shown whole.
                let detail = match said(&bytes) {
                    Some(text) => Text::new("aem-detail-not-graphql", vec![("text", text.into())]),
                    None => Text::plain("aem-detail-not-graphql-untitled"),
                };
                Err(Error::Aem(metadesk_clients::aem::AemError::BadResponse {
                    what: doing.what.clone(),
                    detail,
                }))
            } else {
                Err(words::graphql_status(status, doing, &text))
            }
        }
    }
}

/// The `errors` member, leniently: a message is all an error must have.
fn errors_of(v: &Value) -> Vec<GraphqlError> {
    let Some(list) = v.as_array() else {
        return vec![GraphqlError {
            message: v.to_string(),
            locations: Vec::new(),
            path: Vec::new(),
        }];
    };
    list.iter()
        .map(|e| GraphqlError {
            message: e
                .get("message")
                .and_then(Value::as_str)
                .map_or_else(|| e.to_string(), str::to_owned),
            locations: e
                .get("locations")
                .and_then(Value::as_array)
                .map(|l| {
                    l.iter()
                        .filter_map(|at| {
                            Some(GraphqlLocation {
                                line: u32::try_from(at.get("line")?.as_u64()?).ok()?,
                                column: u32::try_from(at.get("column")?.as_u64()?).ok()?,
                            })
                        })
                        .collect()
                })
                .unwrap_or_default(),
            path: e
                .get("path")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default(),
        })
        .collect()
}

/// The schema of configuration `config`'s endpoint: the `data` of the introspection query
/// (`{"__schema": …}`), for the editor's completion.
pub async fn introspect(client: &AemClient, account: Option<&str>, config: &str) -> Result<Value> {
    let answer = run(client, account, config, INTROSPECTION_QUERY, None).await?;
    let data = answer.data.to_value();
    if data.get("__schema").is_some_and(Value::is_object) {
        return Ok(data);
    }
    // A GraphQL error's message is AEM's own words; without one, ours.
    let why = answer.errors.first().map_or_else(
        || Text::plain("aem-detail-no-schema"),
        |e| Text::Plain(e.message.clone()),
    );
    Err(Error::Aem(metadesk_clients::aem::AemError::BadResponse {
        what: Text::new("aem-what-schema", vec![("config", config.into())]),
        detail: why,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variables_must_be_an_object_of_valid_json() {
        assert_eq!(parse_variables("  ").unwrap(), None);
        assert!(parse_variables("{\"a\": 1}").unwrap().is_some());
        let e = parse_variables("{\n \"a\": }").unwrap_err().to_string();
        assert!(e.contains("line 2"), "{e}");
        let e = parse_variables("[1]").unwrap_err().to_string();
        assert!(e.contains("JSON object"), "{e}");
    }

    #[test]
    fn configuration_names_cannot_change_the_path() {
        assert_eq!(
            endpoint_path("wknd").unwrap(),
            "/content/_cq_graphql/wknd/endpoint.json"
        );
        for bad in ["../libs", "a/b", "", "..", "a?b", "a b", "%2e%2e"] {
            assert!(endpoint_path(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn errors_are_read_leniently() {
        let e = errors_of(&serde_json::json!([
            {"message": "bad", "locations": [{"line": 3, "column": 5}], "path": ["a", 0]},
            {"message": "no place"},
            {"nomessage": true}
        ]));
        assert_eq!(e[0].locations, vec![GraphqlLocation { line: 3, column: 5 }]);
        assert_eq!(e[0].path.len(), 2);
        assert!(e[1].locations.is_empty());
        assert!(e[2].message.contains("nomessage"));
    }
}
