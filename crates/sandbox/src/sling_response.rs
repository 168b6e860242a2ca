//! Sling's answer to a POST: its JSON response when the client asks for JSON, else its HTML
//! status page (`Status`, `Message`, `Location`), for the Sling POST servlet and the command
//! servlets that answer the same way (replication, tags).
//!
//! Not here: the servlets themselves (`sling_post.rs`, `replicate.rs`, `tag_command.rs`).

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value};

/// Sling's answer: its JSON response when asked for JSON, else its HTML status page.
pub(crate) fn respond(
    status: u16,
    path: &str,
    message: &str,
    changes: Vec<Value>,
    json: bool,
) -> Response {
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
