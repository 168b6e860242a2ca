//! The `thumb:` protocol: the page shows an asset's thumbnail with
//! `<img src="thumb://localhost/{connection id}{asset path}">` (the path percent-encoded as one
//! piece, as `convertFileSrc(…, 'thumb')` makes it; on Windows the webview spells it
//! `http://thumb.localhost/…`). The answer is the image bytes from the core's thumbnail use case,
//! 404 when the asset has none. The page never talks to AEM and never sees a token, and the CSP
//! allows images from this scheme, not from AEM's host.

use std::borrow::Cow;

use metadesk_core::app::Thumbnail;
use metadesk_core::error::{Error, ErrorCode};
use percent_encoding::percent_decode_str;
use tauri::http::{Request, Response, StatusCode, header};
use tauri::{Manager, Runtime, UriSchemeContext, UriSchemeResponder};

use crate::state::AppState;

pub const SCHEME: &str = "thumb";

/// Answers one `thumb:` request off the main thread.
pub fn handle<R: Runtime>(
    ctx: UriSchemeContext<'_, R>,
    request: Request<Vec<u8>>,
    responder: UriSchemeResponder,
) {
    let Some((connection, asset)) = parse(request.uri().path()) else {
        responder.respond(empty(StatusCode::BAD_REQUEST));
        return;
    };
    let workspace = ctx.app_handle().state::<AppState>().workspace.clone();
    tauri::async_runtime::spawn(async move {
        let answer = workspace.thumbnail(&connection, &asset).await;
        responder.respond(response(answer));
    });
}

/// `/{connection}{asset path}`, percent-decoded: (connection, asset path).
fn parse(path: &str) -> Option<(String, String)> {
    let decoded: Cow<'_, str> = percent_decode_str(path.strip_prefix('/')?)
        .decode_utf8()
        .ok()?;
    let (connection, rest) = decoded.split_once('/')?;
    (!connection.is_empty()).then(|| (connection.to_owned(), format!("/{rest}")))
}

/// The HTTP answer the page's `<img>` gets: the bytes and their type, nothing else.
fn response(answer: Result<Option<Thumbnail>, Error>) -> Response<Vec<u8>> {
    match answer {
        Ok(Some(thumbnail)) => Response::builder()
            .status(StatusCode::OK)
            .header(header::CONTENT_TYPE, thumbnail.media_type)
            // The webview may keep it for the session; the core's disk cache holds it longer.
            .header(header::CACHE_CONTROL, "private, max-age=3600")
            .body(thumbnail.bytes)
            .unwrap_or_else(|_| empty(StatusCode::INTERNAL_SERVER_ERROR)),
        Ok(None) => empty(StatusCode::NOT_FOUND),
        Err(e) => {
            // The page shows the placeholder either way; the reason goes to the log only.
            tracing::warn!(error = %e, "a thumbnail could not be read");
            empty(match e.code() {
                ErrorCode::InvalidInput => StatusCode::BAD_REQUEST,
                ErrorCode::NotFound => StatusCode::NOT_FOUND,
                _ => StatusCode::BAD_GATEWAY,
            })
        }
    }
}

fn empty(status: StatusCode) -> Response<Vec<u8>> {
    let mut response = Response::new(Vec::new());
    *response.status_mut() = status;
    response
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use metadesk_core::aem::AemError;

    #[test]
    fn the_path_names_the_connection_and_the_asset() {
        assert_eq!(
            parse("/c-1%2Fcontent%2Fdam%2Fa%20b%2Fx.jpg"),
            Some(("c-1".into(), "/content/dam/a b/x.jpg".into()))
        );
        assert_eq!(
            parse("/c-1/content/dam/x.jpg"),
            Some(("c-1".into(), "/content/dam/x.jpg".into()))
        );
        assert_eq!(parse("/"), None);
        assert_eq!(parse("/%2Fcontent%2Fdam%2Fx.jpg"), None, "no connection");
        assert_eq!(parse("/c-1"), None, "no asset");
        assert_eq!(parse("/c-1%2F%FF"), None, "not UTF-8");
    }

    #[test]
    fn answers_carry_the_image_and_its_type_or_nothing() {
        let ok = response(Ok(Some(Thumbnail {
            bytes: b"\x89PNG\r\n\x1a\nrest".to_vec(),
            media_type: "image/png",
        })));
        assert_eq!(ok.status(), StatusCode::OK);
        assert_eq!(ok.headers()[header::CONTENT_TYPE], "image/png");
        let names: Vec<&str> = ok.headers().keys().map(|k| k.as_str()).collect();
        assert_eq!(names, ["content-type", "cache-control"]);

        assert_eq!(response(Ok(None)).status(), StatusCode::NOT_FOUND);
        // An error's words (which may name the host) stay in the log: the body is empty.
        let failed = response(Err(Error::Aem(AemError::Auth(
            "author.example refused the credentials".into(),
        ))));
        assert_eq!(failed.status(), StatusCode::BAD_GATEWAY);
        assert!(failed.body().is_empty());
        assert!(failed.headers().is_empty());
        let bad = response(Err(Error::InvalidInput("/etc is not an asset path".into())));
        assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
        assert!(bad.body().is_empty());
    }
}
