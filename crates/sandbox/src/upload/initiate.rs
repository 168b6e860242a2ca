//! `POST {folder}.initiateUpload.json`: the first step of a direct binary upload. Form fields
//! only (`application/x-www-form-urlencoded`), `fileName` and `fileSize` repeated, one pair a
//! file; any other body reads as no field, so a JSON body answers "Missing field: fileName"
//! as AEM does (aem-upload #120). The answer (201) gives each file its upload token, MIME type,
//! part sizes and pre-signed storage URLs: `ceil(size / minPartSize)` of them, at least one and
//! at most [`UploadSettings::most_uris`](super::UploadSettings::most_uris).

use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use super::{Pending, form_fields, mime_of, refusal, signature, text};
use crate::dam::{Node, refused_name};
use crate::{Shared, lock, read};

/// `folder` is the repository path (`/content/dam/…`) the URL names.
pub(crate) fn initiate(
    shared: &Shared,
    folder: &str,
    headers: &HeaderMap,
    body: &[u8],
) -> Response {
    if let Some(refused) = refusal(shared, headers, folder) {
        return refused;
    }
    let form = form_fields(headers, body);
    let names: Vec<&str> = values(&form, "fileName");
    let sizes: Vec<&str> = values(&form, "fileSize");
    if names.is_empty() {
        return text(400, "Missing field: fileName");
    }
    if sizes.len() != names.len() {
        return text(400, "Missing field: fileSize");
    }
    let mut files = Vec::with_capacity(names.len());
    for (name, size) in names.iter().zip(&sizes) {
        let Ok(size) = size.parse::<u64>() else {
            return text(400, &format!("Invalid fileSize: {size}"));
        };
        if refused_name(name) {
            return text(400, &format!("Invalid file name: {name}"));
        }
        files.push((*name, size));
    }
    if !matches!(read(&shared.dam).lookup(folder), Some(Node::Folder(_))) {
        return text(404, &format!("Folder not found: {folder}"));
    }
    let settings = &shared.config.upload;
    let answered: Vec<Value> = files
        .into_iter()
        .map(|(name, size)| {
            let token = format!("{:032x}", rand::random::<u128>());
            let count = size
                .div_ceil(settings.min_part.max(1))
                .clamp(1, settings.most_uris.max(1) as u64) as usize;
            let uris: Vec<String> = (0..count)
                .map(|i| {
                    format!(
                        "{}/dam-binaries/{token}/{i}?sig={}",
                        shared.storage_url,
                        signature(&token, i)
                    )
                })
                .collect();
            lock(&shared.uploads.pending).insert(
                token.clone(),
                Pending {
                    folder: folder.to_owned(),
                    file_name: name.to_owned(),
                    size,
                    parts: vec![None; count],
                },
            );
            let mut file = json!({
                "fileName": name,
                "mimeType": mime_of(name),
                "uploadToken": token,
                "uploadURIs": uris,
                "minPartSize": settings.min_part,
                "maxPartSize": settings.max_part,
            });
            if settings.omit_max_part
                && let Some(file) = file.as_object_mut()
            {
                file.remove("maxPartSize");
            }
            file
        })
        .collect();
    shared
        .counters
        .bump(|c| c.uploads_initiated += answered.len() as u64);
    let answer = json!({
        "completeURI": format!("{folder}.completeUpload.json"),
        "folderPath": folder,
        "files": answered,
    });
    (StatusCode::CREATED, axum::Json(answer)).into_response()
}

/// Every value of the form field `name`, in order.
fn values<'a>(form: &'a [(String, String)], name: &str) -> Vec<&'a str> {
    form.iter()
        .filter(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
        .collect()
}
