//! AEM's direct binary upload, as Adobe documents it and its clients speak it
//! (adobe-wire-lifecycle.md §2; docs/sandbox.md, "Uploads"):
//!
//! 1. `POST {folder}.initiateUpload.json`, form-encoded, `fileName` and `fileSize` repeated
//!    (`initiate.rs`);
//! 2. `PUT` of each part to its pre-signed URL on a separate "blob storage" origin, which
//!    refuses AEM's headers (`storage.rs`);
//! 3. `POST {folder}.completeUpload.json` with `fileName`, `mimeType`, `uploadToken`,
//!    `createVersion` or `replace` (`complete.rs`), after which the asset is `processing` for
//!    [`UploadSettings::processing`], then `processed`, extraction replacing its metadata;
//!
//! and folders made, and assets deleted, through the Assets HTTP API (`folders.rs`,
//! `delete.rs`).
//!
//! Not here: what the DAM keeps of an upload (`dam/binaries.rs`).

mod complete;
mod delete;
mod folders;
mod initiate;
mod storage;

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

use axum::body::Bytes;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};

pub(crate) use complete::complete;
pub(crate) use delete::delete_asset;
pub(crate) use folders::create_folder;
pub(crate) use initiate::initiate;
pub(crate) use storage::router as storage_router;

/// The sizes and times of uploads: what AEM as a Cloud Service answers by default, and how
/// long its processing takes here.
#[derive(Debug, Clone)]
pub struct UploadSettings {
    /// `minPartSize`: every part but the last is at least this big (AEM: 10 MiB).
    pub min_part: u64,
    /// `maxPartSize` (AEM: 100 MiB).
    pub max_part: u64,
    /// At most this many `uploadURIs` for one file: a file larger than this many parts of
    /// `max_part` cannot be uploaded.
    pub most_uris: usize,
    /// How long an uploaded asset takes to be `processed` (no state, then `unprocessed`, then
    /// `processing` meanwhile).
    pub processing: Duration,
    /// Storage takes a part's bytes at most this fast (bytes a second), as over a slow link:
    /// a transfer then lasts as long as its size says, with bytes moving all along.
    pub storage_rate: Option<u64>,
    /// Initiate answers without `maxPartSize`, as no AEM should: a client must not guess it.
    pub omit_max_part: bool,
}

impl Default for UploadSettings {
    fn default() -> Self {
        UploadSettings {
            min_part: 10 * 1024 * 1024,
            max_part: 100 * 1024 * 1024,
            most_uris: 50,
            processing: Duration::from_millis(1_500),
            storage_rate: None,
            omit_max_part: false,
        }
    }
}

/// One file initiated and not yet completed.
pub(crate) struct Pending {
    /// The folder (`/content/dam/…`) it was initiated in.
    pub folder: String,
    pub file_name: String,
    pub size: u64,
    /// What storage received at each of its URIs, in their order.
    pub parts: Vec<Option<Bytes>>,
}

/// The uploads in progress, by upload token.
#[derive(Default)]
pub(crate) struct Uploads {
    pub pending: Mutex<HashMap<String, Pending>>,
}

/// The signature a pre-signed URL for part `index` of `token` carries, so storage takes no
/// URL AEM did not hand out.
pub(crate) fn signature(token: &str, index: usize) -> String {
    use sha2::Digest as _;
    let digest = sha2::Sha256::digest(format!("{token}/{index}"));
    digest.iter().take(12).map(|b| format!("{b:02x}")).collect()
}

/// The form fields of a request, none unless it is form-encoded: AEM's upload servlets read
/// request parameters, which a JSON body does not give.
pub(crate) fn form_fields(headers: &HeaderMap, body: &[u8]) -> Vec<(String, String)> {
    let is_form = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !is_form {
        return Vec::new();
    }
    url::form_urlencoded::parse(body).into_owned().collect()
}

/// The MIME type AEM gives a file by its extension.
pub(crate) fn mime_of(name: &str) -> &'static str {
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    match ext.as_deref() {
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("png") => "image/png",
        Some("gif") => "image/gif",
        Some("tif" | "tiff") => "image/tiff",
        Some("mp4") => "video/mp4",
        Some("pdf") => "application/pdf",
        Some("txt") => "text/plain",
        _ => "application/octet-stream",
    }
}

/// A plain-text answer, as AEM's upload servlets give their errors.
pub(crate) fn text(status: u16, message: &str) -> Response {
    (
        StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
        [(header::CONTENT_TYPE, "text/plain;charset=utf-8")],
        message.to_owned(),
    )
        .into_response()
}

/// Why the caller of an upload step in `folder` may not write there, as the plain-text
/// answer (401 without a usable token; 403 for an OAuth Server-to-Server token, a read-only
/// account or a folder writes are denied on); `None` when it may.
pub(crate) fn refusal(
    shared: &crate::Shared,
    headers: &HeaderMap,
    folder: &str,
) -> Option<Response> {
    let principal = match crate::auth::authenticate(shared, headers, crate::auth::Family::Classic) {
        Ok(p) => p,
        Err(e) => return Some(text(e.status, &e.message)),
    };
    (principal.read_only || shared.faults.write_denied(folder)).then(|| {
        text(
            403,
            &format!(
                "Forbidden: {} has no write permission on {folder}",
                principal.user
            ),
        )
    })
}
