//! `POST {folder}.completeUpload.json` (the `completeURI`): the last step of a direct binary
//! upload. Form fields: `fileName`, `mimeType` and `uploadToken` required; `createVersion`,
//! `versionLabel`, `versionComment`, `replace` optional (`replace` wins when both are true);
//! `fileSize` and `uploadDuration` taken as Adobe's clients send them and ignored. The parts
//! storage received must cover the file, first URI first, and add up to its `fileSize`.
//! The asset then goes through AEM's states for [`UploadSettings::processing`](super::UploadSettings):
//! no state yet, `unprocessed`, `processing`, then `processed` (`dam/binaries.rs`).

use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use serde_json::json;

use super::{form_fields, refusal, text};
use crate::dam::{Completion, Node};
use crate::{Shared, lock, write};

/// `folder` is the repository path (`/content/dam/…`) the URL names.
pub(crate) async fn complete(
    shared: &Shared,
    folder: &str,
    headers: &HeaderMap,
    body: &[u8],
) -> Response {
    if let Some(refused) = refusal(shared, headers, folder) {
        return refused;
    }
    let form = form_fields(headers, body);
    let field = |name: &str| {
        form.iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    };
    let required = ["fileName", "mimeType", "uploadToken"]
        .map(|name| (name, field(name).filter(|v| !v.is_empty())));
    if let Some((missing, _)) = required.iter().find(|(_, v)| v.is_none()) {
        return text(400, &format!("Missing field: {missing}"));
    }
    let [name, mime, token] = required.map(|(_, v)| v.unwrap_or_default());
    let yes = |name: &str| field(name).is_some_and(|v| v.eq_ignore_ascii_case("true"));
    let completion = if yes("replace") {
        Completion::Replace
    } else if yes("createVersion") {
        Completion::Version
    } else {
        Completion::Overwrite
    };
    let file = {
        let mut pending = lock(&shared.uploads.pending);
        let Some(upload) = pending.get(token) else {
            return text(400, "Invalid upload token");
        };
        if upload.folder != folder || upload.file_name != name {
            return text(
                400,
                &format!("The upload token was not issued for {folder}/{name}"),
            );
        }
        let received: Vec<_> = upload.parts.iter().map_while(Option::as_ref).collect();
        let total: u64 = received.iter().map(|p| p.len() as u64).sum();
        let gaps = upload.parts[received.len()..].iter().any(Option::is_some);
        if gaps || total != upload.size {
            return text(
                400,
                &format!(
                    "The parts received ({total} bytes) do not make the file's {} bytes",
                    upload.size
                ),
            );
        }
        // Hashed part by part: a file of gigabytes is never copied whole.
        let sha1 = {
            use sha1::Digest as _;
            let mut hash = sha1::Sha1::new();
            for part in &received {
                hash.update(part);
            }
            hash.finalize()
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect::<String>()
        };
        pending.remove(token);
        (sha1, total)
    };
    let processing = shared.config.upload.processing;
    let now = crate::ims::now_ms();
    let stored = {
        let mut dam = write(&shared.dam);
        match dam.lookup(folder) {
            Some(Node::Folder(f)) => Some(dam.store_binary(
                f,
                name,
                file,
                mime,
                completion,
                now,
                processing.as_millis() as u64,
            )),
            _ => None,
        }
    };
    let Some((idx, generation)) = stored else {
        return text(404, &format!("Folder not found: {folder}"));
    };
    shared.counters.bump(|c| {
        c.uploads_completed += 1;
        c.writes_applied += 1;
    });
    let fails = shared.faults.processing_fails(name);
    let after = shared.clone();
    tokio::spawn(async move {
        tokio::time::sleep(processing).await;
        write(&after.dam).finish_processing(idx, generation, crate::ims::now_ms(), fails);
    });
    tokio::time::sleep(shared.faults.commit_cost(1)).await;
    axum::Json(json!({ "path": format!("{folder}/{name}") })).into_response()
}
