//! The request panel: one request to the connection's own AEM host. The person types a path
//! (with its query); the host is the connection's and cannot be changed by anything typed:
//! absolute URLs, `//host` paths, backslashes, `@`, control characters and headers that
//! would carry or redirect credentials are refused. `Authorization` is added by
//! [`AemClient`] and is never part of what is shown, copied or kept.

use std::time::Instant;

use base64::Engine;
use reqwest::Method;
use reqwest::header::{HeaderName, HeaderValue};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use metadesk_clients::aem::AemClient;
use metadesk_clients::aem::client::network_error;
use metadesk_clients::error::{Error, ErrorCode, MessageArg, Result};

/// The largest body the panel reads; a longer one is cut and says so.
pub const MAX_BODY: usize = 20 * 1024 * 1024;

/// One header, as sent or received.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Header {
    pub name: String,
    pub value: String,
}

/// What the person asked to send.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ConsoleRequest {
    /// GET, HEAD, POST, PUT, PATCH or DELETE.
    pub method: String,
    /// An absolute path on the connection's AEM, with its query (`/content/dam.1.json`).
    pub path: String,
    #[serde(default)]
    pub headers: Vec<Header>,
    /// The body as typed (JSON is checked when the content type says JSON).
    #[serde(default)]
    pub body: Option<String>,
    /// Form fields, sent as `application/x-www-form-urlencoded` (instead of `body`).
    #[serde(default)]
    pub form: Option<Vec<Header>>,
}

/// How a response body is shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ResponseBody {
    /// JSON, pretty-printed in AEM's member order.
    Json { text: String },
    /// Text of another type.
    Text { text: String },
    /// An image, as base64 for an `<img>`.
    Image { base64: String },
    /// Anything else: only its size is shown.
    Binary,
    /// No body (HEAD, 204…).
    Empty,
}

/// What AEM answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ConsoleResponse {
    pub status: u16,
    #[ts(type = "number")]
    pub millis: u64,
    pub headers: Vec<Header>,
    pub content_type: Option<String>,
    /// The body's size in bytes (as read; see `truncated`).
    #[ts(type = "number")]
    pub size: u64,
    /// True when the body was longer than [`MAX_BODY`] and was cut.
    pub truncated: bool,
    pub body: ResponseBody,
}

impl ConsoleResponse {
    /// The body as text, when it is text (for `--out` files and saved responses).
    pub fn body_text(&self) -> Option<&str> {
        match &self.body {
            ResponseBody::Json { text } | ResponseBody::Text { text } => Some(text),
            _ => None,
        }
    }
}

/// Headers the app sets itself or that would carry credentials elsewhere.
const REFUSED_HEADERS: &[&str] = &[
    "authorization",
    "proxy-authorization",
    "cookie",
    "host",
    "x-api-key",
    "x-forwarded-host",
    "forwarded",
    "content-length",
    "transfer-encoding",
    "connection",
];

/// Checks a typed path: it must be a path on the connection's host and nothing else.
pub fn check_path(path: &str) -> Result<&str> {
    let path = path.trim();
    // `why` is one of the variants of `error-console-bad-path`.
    let refuse = |why: &str| {
        Err(Error::message(
            ErrorCode::InvalidInput,
            "error-console-bad-path",
            vec![("path", path.into()), ("why", why.into())],
        ))
    };
    if path.is_empty() {
        return refuse("empty");
    }
    if !path.starts_with('/') {
        return refuse("no-slash");
    }
    if path.starts_with("//") {
        return refuse("double-slash");
    }
    if path.contains('\\') {
        return refuse("backslash");
    }
    if path.contains('@') {
        return refuse("at");
    }
    if path.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return refuse("space");
    }
    if path.contains('#') {
        return refuse("hash");
    }
    Ok(path)
}

/// The method, checked.
pub fn check_method(method: &str) -> Result<Method> {
    let m = method.trim().to_ascii_uppercase();
    match m.as_str() {
        "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE" => {
            Method::from_bytes(m.as_bytes()).map_err(|_| bad_method(method))
        }
        _ => Err(bad_method(method)),
    }
}

/// A method the console does not send.
fn bad_method(method: &str) -> Error {
    Error::message(
        ErrorCode::InvalidInput,
        "error-console-bad-method",
        vec![("method", method.into())],
    )
}

/// True for methods that only read (no production confirmation).
pub fn is_read_only(method: &Method) -> bool {
    *method == Method::GET || *method == Method::HEAD
}

/// Checks every header: a valid name and value, none of [`REFUSED_HEADERS`].
pub fn check_headers(headers: &[Header]) -> Result<Vec<(HeaderName, HeaderValue)>> {
    headers
        .iter()
        .filter(|h| !h.name.trim().is_empty())
        .map(|h| {
            let name = h.name.trim();
            if REFUSED_HEADERS.contains(&name.to_ascii_lowercase().as_str()) {
                return Err(Error::message(
                    ErrorCode::InvalidInput,
                    "error-console-refused-header",
                    vec![("name", name.into())],
                ));
            }
            let n = HeaderName::from_bytes(name.as_bytes()).map_err(|_| {
                Error::message(
                    ErrorCode::InvalidInput,
                    "error-console-bad-header-name",
                    vec![("name", name.into())],
                )
            })?;
            let v = HeaderValue::from_str(h.value.trim()).map_err(|_| {
                Error::message(
                    ErrorCode::InvalidInput,
                    "error-console-bad-header-value",
                    vec![("name", name.into())],
                )
            })?;
            Ok((n, v))
        })
        .collect()
}

/// Where JSON text went wrong, as message arguments (`line`, `column`, `detail`).
pub(crate) fn json_place(e: &serde_json::Error) -> Vec<(&'static str, MessageArg)> {
    vec![
        ("line", MessageArg::Number(e.line() as f64)),
        ("column", MessageArg::Number(e.column() as f64)),
        ("detail", e.to_string().into()),
    ]
}

/// The body to send and its content type (set when the person gave none).
pub fn check_body(request: &ConsoleRequest) -> Result<Option<(Vec<u8>, Option<&'static str>)>> {
    if let Some(form) = &request.form {
        if request.body.as_deref().is_some_and(|b| !b.is_empty()) {
            return Err(Error::message(
                ErrorCode::InvalidInput,
                "error-console-body-and-form",
                vec![],
            ));
        }
        let encoded = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(form.iter().map(|f| (f.name.as_str(), f.value.as_str())))
            .finish();
        return Ok(Some((
            encoded.into_bytes(),
            Some("application/x-www-form-urlencoded"),
        )));
    }
    let Some(body) = request.body.as_deref().filter(|b| !b.is_empty()) else {
        return Ok(None);
    };
    let declared = request
        .headers
        .iter()
        .find(|h| h.name.trim().eq_ignore_ascii_case("content-type"))
        .map(|h| h.value.to_ascii_lowercase());
    let json_declared = declared.as_deref().is_some_and(|t| t.contains("json"));
    if json_declared || declared.is_none() {
        match serde_json::from_str::<serde_json::Value>(body) {
            Ok(_) => {
                return Ok(Some((
                    body.as_bytes().to_vec(),
                    declared.is_none().then_some("application/json"),
                )));
            }
            Err(e) if json_declared || body.trim_start().starts_with(['{', '[']) => {
                return Err(Error::message(
                    ErrorCode::InvalidInput,
                    "error-console-body-not-json",
                    json_place(&e),
                ));
            }
            Err(_) => {}
        }
    }
    Ok(Some((
        body.as_bytes().to_vec(),
        declared.is_none().then_some("text/plain; charset=utf-8"),
    )))
}

/// Sends `request` to the connection's host. Any status is an answer; only a request that
/// could not be made (refused input, no token, unreachable) is an error.
pub async fn send(client: &AemClient, request: &ConsoleRequest) -> Result<ConsoleResponse> {
    let method = check_method(&request.method)?;
    let path = check_path(&request.path)?;
    let url = client.url(path)?;
    // `url` joins the path to the connection's origin; this checks nothing moved it.
    client.check_url(&url).map_err(Error::Aem)?;
    let headers = check_headers(&request.headers)?;
    let body = check_body(request)?;
    if body.is_some() && is_read_only(&method) {
        return Err(Error::message(
            ErrorCode::InvalidInput,
            "error-console-body-on-read",
            vec![("method", method.to_string().into())],
        ));
    }
    let started = Instant::now();
    let response = client
        .send(method.clone(), url, |mut r| {
            for (n, v) in &headers {
                r = r.header(n.clone(), v.clone());
            }
            if let Some((bytes, content_type)) = &body {
                if let Some(t) = content_type {
                    r = r.header(reqwest::header::CONTENT_TYPE, *t);
                }
                r = r.body(bytes.clone());
            }
            r
        })
        .await
        .map_err(Error::Aem)?;
    read_response(client, response, started).await
}

async fn read_response(
    client: &AemClient,
    mut response: reqwest::Response,
    started: Instant,
) -> Result<ConsoleResponse> {
    let status = response.status().as_u16();
    let headers: Vec<Header> = response
        .headers()
        .iter()
        .filter(|(n, _)| n.as_str() != "set-cookie")
        .map(|(n, v)| Header {
            name: n.as_str().to_owned(),
            value: String::from_utf8_lossy(v.as_bytes()).into_owned(),
        })
        .collect();
    let content_type = response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let mut bytes = Vec::new();
    let mut truncated = false;
    while let Some(chunk) = response
        .chunk()
        .await
        .map_err(|e| Error::Aem(network_error(&client.host(), &e)))?
    {
        let room = MAX_BODY - bytes.len();
        if chunk.len() > room {
            bytes.extend_from_slice(&chunk[..room]);
            truncated = true;
            break;
        }
        bytes.extend_from_slice(&chunk);
    }
    let millis = started.elapsed().as_millis() as u64;
    let body = shape_body(content_type.as_deref(), &bytes, truncated);
    Ok(ConsoleResponse {
        status,
        millis,
        headers,
        content_type,
        size: bytes.len() as u64,
        truncated,
        body,
    })
}

fn shape_body(content_type: Option<&str>, bytes: &[u8], truncated: bool) -> ResponseBody {
    if bytes.is_empty() {
        return ResponseBody::Empty;
    }
    let t = content_type.unwrap_or("").to_ascii_lowercase();
    if !truncated
        && (t.contains("json") || t.is_empty())
        && let Ok(v) = serde_json::from_slice::<super::ordered::Ordered>(bytes)
    {
        return ResponseBody::Json {
            text: v.to_pretty(),
        };
    }
    if t.starts_with("image/") && !truncated {
        return ResponseBody::Image {
            base64: base64::engine::general_purpose::STANDARD.encode(bytes),
        };
    }
    let textual = t.starts_with("text/")
        || t.contains("json")
        || t.contains("xml")
        || t.contains("javascript")
        || t.contains("x-graphql");
    match std::str::from_utf8(bytes) {
        Ok(text) if textual || t.is_empty() => ResponseBody::Text {
            text: text.to_owned(),
        },
        _ if textual => ResponseBody::Text {
            text: String::from_utf8_lossy(bytes).into_owned(),
        },
        _ => ResponseBody::Binary,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refused_requests_are_worded_in_french() {
        let fr = metadesk_base::i18n::Localizer::new(metadesk_base::i18n::Lang::Fr);
        for path in ["", "content", "//evil", "/a b", "/a#b", "/a@b"] {
            let e = check_path(path).unwrap_err();
            metadesk_base::i18n::checks::assert_reads_french(&e.localized(&fr));
        }
        let e = check_method("TRACE").unwrap_err();
        assert_eq!(
            e.localized(&fr),
            "«\u{a0}TRACE\u{a0}» n’est pas une méthode que la console envoie (GET, HEAD, POST, \
             PUT, PATCH, DELETE)."
        );
        let e = check_headers(&[Header {
            name: "Authorization".into(),
            value: "x".into(),
        }])
        .unwrap_err();
        metadesk_base::i18n::checks::assert_reads_french(&e.localized(&fr));
    }

    #[test]
    fn only_paths_on_the_connection_host_are_accepted() {
        for ok in [
            "/content/dam.1.json",
            "/libs/granite/security/currentuser.json",
            "/content/dam/a%40b.png/jcr:content/metadata.json?x=1&y=%2F",
            "/api/assets.json?limit=5",
        ] {
            assert!(check_path(ok).is_ok(), "{ok}");
        }
        for bad in [
            "//evil.test/x",
            "https://evil.test",
            "http://127.0.0.1:1/x",
            "evil.test/x",
            "/\\evil.test",
            "\\\\evil.test\\x",
            "/@evil.test",
            "/x?u=a@evil.test",
            "/x y",
            "/x\ny",
            "/x\u{0}",
            "/x#frag",
            "",
            "   ",
            "javascript:alert(1)",
        ] {
            let e = check_path(bad).unwrap_err();
            assert_eq!(
                e.code(),
                metadesk_clients::error::ErrorCode::InvalidInput,
                "{bad}"
            );
        }
    }

    #[test]
    fn credential_headers_are_refused() {
        let h = |n: &str, v: &str| Header {
            name: n.into(),
            value: v.into(),
        };
        assert!(check_headers(&[h("Accept", "application/json")]).is_ok());
        for name in [
            "Authorization",
            "authorization ",
            "Cookie",
            "Host",
            "X-Api-Key",
        ] {
            let e = check_headers(&[h(name, "x")]).unwrap_err().to_string();
            assert!(e.contains("cannot be set here"), "{e}");
        }
        assert!(check_headers(&[h("Bad Name", "x")]).is_err());
        assert!(check_headers(&[h("X-A", "line\nbreak")]).is_err());
    }

    #[test]
    fn bodies_are_checked_as_json_when_they_say_json() {
        let req = |body: &str, ct: Option<&str>| ConsoleRequest {
            method: "POST".into(),
            path: "/x".into(),
            headers: ct
                .map(|c| {
                    vec![Header {
                        name: "Content-Type".into(),
                        value: c.into(),
                    }]
                })
                .unwrap_or_default(),
            body: Some(body.into()),
            form: None,
        };
        let e = check_body(&req("{\"a\": }", None)).unwrap_err().to_string();
        assert!(e.contains("not valid JSON (line 1"), "{e}");
        assert!(check_body(&req("{\"a\": }", Some("application/json"))).is_err());
        let (_, t) = check_body(&req("{\"a\": 1}", None)).unwrap().unwrap();
        assert_eq!(t, Some("application/json"));
        let (_, t) = check_body(&req("a=b", None)).unwrap().unwrap();
        assert_eq!(t, Some("text/plain; charset=utf-8"));
        assert!(check_body(&req("<x/>", Some("application/xml"))).is_ok());
        let mut form = req("", None);
        form.form = Some(vec![Header {
            name: "./jcr:title".into(),
            value: "a b&c".into(),
        }]);
        let (bytes, t) = check_body(&form).unwrap().unwrap();
        assert_eq!(String::from_utf8(bytes).unwrap(), ".%2Fjcr%3Atitle=a+b%26c");
        assert_eq!(t, Some("application/x-www-form-urlencoded"));
    }

    #[test]
    fn bodies_are_shown_by_type() {
        assert!(matches!(
            shape_body(Some("application/json"), br#"{"b":1,"a":2}"#, false),
            ResponseBody::Json { text } if text.find("\"b\"") < text.find("\"a\"")
        ));
        assert!(matches!(
            shape_body(Some("image/png"), &[137, 80, 78, 71], false),
            ResponseBody::Image { .. }
        ));
        assert!(matches!(
            shape_body(Some("text/html"), b"<p>", false),
            ResponseBody::Text { .. }
        ));
        assert!(matches!(
            shape_body(Some("application/octet-stream"), &[0, 159, 146, 150], false),
            ResponseBody::Binary
        ));
        assert_eq!(shape_body(None, b"", false), ResponseBody::Empty);
    }
}
