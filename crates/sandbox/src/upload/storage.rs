//! The "blob storage" origin the pre-signed `uploadURIs` point at: its own loopback port, as
//! cloud storage is another host than AEM. `PUT /dam-binaries/{token}/{index}?sig=…` stores
//! one part (201), of a stated `Content-Length` (411 without one, as Azure answers). It takes no AEM credential: a request carrying `Authorization`, a cookie,
//! `CSRF-Token`, `X-Api-Key` or another `X-Adobe-*`/`X-Gw-*` header is refused (403
//! `AuthenticationFailed`), as storage refuses a second authentication beside the URL's
//! signature; an unsigned or mis-signed URL too. Its only cost is the transfer: no latency,
//! no capacity slot, no fault of the author applies (`server.rs` pipelines AEM only); a slow
//! link is [`UploadSettings::storage_rate`](super::UploadSettings).

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::put;
use http_body_util::BodyExt as _;

use super::signature;
use crate::{Shared, lock};

/// Headers only AEM takes; storage refuses a request that carries one.
const AEM_HEADERS: &[&str] = &["authorization", "cookie", "csrf-token", "x-api-key"];
const AEM_HEADER_PREFIXES: &[&str] = &["x-adobe-", "x-gw-"];

pub(crate) fn router(shared: Shared) -> Router {
    Router::new()
        .route("/dam-binaries/{token}/{index}", put(part))
        .layer(DefaultBodyLimit::disable())
        .with_state(shared)
}

#[derive(serde::Deserialize)]
struct Signed {
    sig: Option<String>,
}

async fn part(
    State(shared): State<Shared>,
    Path((token, index)): Path<(String, usize)>,
    Query(signed): Query<Signed>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    if let Some(name) = headers
        .keys()
        .map(|k| k.as_str())
        .find(|k| AEM_HEADERS.contains(k) || AEM_HEADER_PREFIXES.iter().any(|p| k.starts_with(p)))
    {
        shared.counters.bump(|c| c.storage_refused += 1);
        return storage_error(
            StatusCode::FORBIDDEN,
            "AuthenticationFailed",
            &format!("The request carries {name}: a pre-signed URL takes no other credential"),
        );
    }
    if shared.faults.storage_expired() {
        shared.counters.bump(|c| c.storage_refused += 1);
        return storage_error(
            StatusCode::FORBIDDEN,
            "AuthenticationFailed",
            "Server failed to authenticate the request: the signed expiry time has passed",
        );
    }
    if signed.sig.as_deref() != Some(signature(&token, index).as_str()) {
        shared.counters.bump(|c| c.storage_refused += 1);
        return storage_error(
            StatusCode::FORBIDDEN,
            "AuthenticationFailed",
            "Signature did not match",
        );
    }
    // Cloud storage takes a block of a stated length only (Azure: 411 without one), so a
    // client that streams a part must say its length, as Adobe's clients do.
    if headers.get(header::CONTENT_LENGTH).is_none() {
        return storage_error(
            StatusCode::LENGTH_REQUIRED,
            "MissingContentLengthHeader",
            "Content-Length HTTP header is missing",
        );
    }
    let body = match receive(body, shared.config.upload.storage_rate).await {
        Ok(body) => body,
        Err(()) => {
            return storage_error(
                StatusCode::BAD_REQUEST,
                "InvalidInput",
                "The request body could not be read",
            );
        }
    };
    if body.len() as u64 > shared.config.upload.max_part {
        return storage_error(
            StatusCode::PAYLOAD_TOO_LARGE,
            "RequestBodyTooLarge",
            "The part is larger than maxPartSize",
        );
    }
    let mut pending = lock(&shared.uploads.pending);
    let Some(slot) = pending
        .get_mut(&token)
        .and_then(|upload| upload.parts.get_mut(index))
    else {
        return storage_error(StatusCode::NOT_FOUND, "BlobNotFound", "No such upload");
    };
    *slot = Some(body);
    shared.counters.bump(|c| c.storage_parts += 1);
    StatusCode::CREATED.into_response()
}

/// The whole body, taken no faster than `rate` bytes a second when one is set (a slow link:
/// the client's bytes keep moving, slowly).
async fn receive(body: Body, rate: Option<u64>) -> Result<Bytes, ()> {
    let Some(rate) = rate.filter(|r| *r > 0) else {
        return axum::body::to_bytes(body, usize::MAX).await.map_err(drop);
    };
    let mut body = body;
    let mut received = Vec::new();
    while let Some(frame) = body.frame().await {
        let Ok(chunk) = frame.map_err(drop)?.into_data() else {
            continue;
        };
        received.extend_from_slice(&chunk);
        let secs = chunk.len() as f64 / rate as f64;
        tokio::time::sleep(std::time::Duration::from_secs_f64(secs)).await;
    }
    Ok(Bytes::from(received))
}

fn storage_error(status: StatusCode, code: &str, message: &str) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/xml")],
        format!(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>{code}</Code><Message>{message}</Message></Error>"
        ),
    )
        .into_response()
}
