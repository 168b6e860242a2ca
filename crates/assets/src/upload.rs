//! AEM's direct binary upload on a classic connection (adobe-wire-lifecycle.md §2): initiate
//! (`POST {folder}.initiateUpload.json`, form-encoded), the parts `PUT` to the pre-signed
//! storage URLs AEM names (through [`AemClient::put_to_storage`]: no token, no AEM header, https
//! or this computer), complete (`POST completeURI`); folders made through the Assets HTTP API;
//! what AEM holds at a path (`dam:size`, `dam:sha1`) to tell the same file from another.
//! An asset's processing state (its content node with its metadata) and its delete, for an
//! upload's run and its undo; a folder's names, from its listing.
//!
//! Not here: which files go where and what happens to each (`bulk::upload_plan`), the refusal
//! of OAuth Server-to-Server connections (the use case, before anything is sent), many assets'
//! metadata in one check (`metadata_checks.rs`).

use std::path::Path;

use reqwest::Method;
use serde_json::{Map, Value, json};
use tokio::io::{AsyncReadExt, AsyncSeekExt};
use url::Url;

use crate::classic::ClassicAssets;
use crate::{CallError, json_or_error};
use metadesk_base::i18n::{Part, Text};
use metadesk_clients::aem::AemClient;

/// What happens to an asset already at the path with another binary, chosen once for a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum WhenDifferent {
    /// `createVersion=true`: the asset keeps its id, history and metadata and gains a version.
    NewVersion,
    /// `replace=true`: the asset is deleted and a new one made with the new binary.
    Replace,
}

/// One file as initiate answered it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InitiatedFile {
    pub file_name: String,
    pub mime_type: String,
    pub upload_token: String,
    pub uris: Vec<Url>,
    pub min_part: u64,
    pub max_part: u64,
}

/// What AEM holds at an asset's path, to compare with a local file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredBinary {
    pub size: Option<u64>,
    /// `dam:sha1`, once processing has written it.
    pub sha1: Option<String>,
}

/// The part size Adobe's transfer library uses (`lib/aempartsize.js`): the file spread over
/// its URIs, at least `min_part`; `None` when that exceeds `max_part` (the file is too large
/// for the URIs AEM gave).
pub fn part_size(size: u64, uris: usize, min_part: u64, max_part: u64) -> Option<u64> {
    let spread = size.div_ceil(uris.max(1) as u64);
    let part = spread.max(min_part).max(1);
    (part <= max_part).then_some(part)
}

/// Children asked for per page by [`ClassicAssets::names_in`].
pub const NAMES_PAGE: u64 = 100;

impl ClassicAssets {
    /// Initiates the upload of one file of `size` bytes named `file_name` into `folder`
    /// (`/content/dam/…`): its storage URLs and token, and the complete URI (on this AEM).
    pub async fn initiate_upload(
        &self,
        folder: &str,
        file_name: &str,
        size: u64,
    ) -> Result<(InitiatedFile, Url), CallError> {
        let url = self.dam_url(&["content", "dam"], folder, ".initiateUpload.json")?;
        let form = [
            ("fileName", file_name.to_owned()),
            ("fileSize", size.to_string()),
        ];
        let response = self
            .client
            .send(Method::POST, url, |r| r.form(&form))
            .await
            .map_err(CallError::from_aem)?;
        let (body, _) = json_or_error(response, |_| None).await?;
        parse_initiated(&self.client, &body, file_name)
    }

    /// `PUT`s one part to a storage URL: 2xx or the refusal in storage's words.
    pub async fn put_part(&self, url: &Url, bytes: Vec<u8>) -> Result<(), CallError> {
        let response = self
            .client
            .put_to_storage(url, bytes)
            .await
            .map_err(CallError::from_aem)?;
        json_or_error(response, |_| None)
            .await
            .map(drop)
            .or_else(|e| match e {
                // Storage answers 201 with an empty or XML body.
                CallError::Rejected { status, .. } if (200..300).contains(&status) => Ok(()),
                other => Err(other),
            })
    }

    /// Completes an upload; `when_different` applies where an asset is already at the path.
    pub async fn complete_upload(
        &self,
        complete: Url,
        file: &InitiatedFile,
        size: u64,
        when_different: Option<WhenDifferent>,
    ) -> Result<(), CallError> {
        let mut form = vec![
            ("fileName", file.file_name.clone()),
            ("mimeType", file.mime_type.clone()),
            ("uploadToken", file.upload_token.clone()),
            ("fileSize", size.to_string()),
        ];
        match when_different {
            Some(WhenDifferent::NewVersion) => form.push(("createVersion", "true".into())),
            Some(WhenDifferent::Replace) => form.push(("replace", "true".into())),
            None => {}
        }
        let response = self
            .client
            .send(Method::POST, complete, |r| r.form(&form))
            .await
            .map_err(CallError::from_aem)?;
        json_or_error(response, |_| None).await.map(drop)
    }

    /// Makes the folder at `path` (`/content/dam/…`): `true` made, `false` already there.
    pub async fn create_folder(&self, path: &str, title: &str) -> Result<bool, CallError> {
        let url = self.dam_url(&["api", "assets"], path, "")?;
        let body = json!({"class": "assetFolder", "properties": {"title": title}});
        let response = self
            .client
            .send(Method::POST, url, |r| r.json(&body))
            .await
            .map_err(CallError::from_aem)?;
        match json_or_error(response, |_| None).await {
            Ok(_) => Ok(true),
            Err(CallError::Rejected { status: 409, .. }) => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// What AEM holds at `asset_path`: `None` when nothing is there.
    pub async fn stored_binary(&self, asset_path: &str) -> Result<Option<StoredBinary>, CallError> {
        let mut url = self.dam_url(&["content", "dam"], asset_path, "")?;
        if let Ok(mut parts) = url.path_segments_mut() {
            parts.push("jcr:content").push("metadata.json");
        }
        let response = self
            .client
            .send(Method::GET, url, |r| r)
            .await
            .map_err(CallError::from_aem)?;
        match json_or_error(response, |_| None).await {
            Ok((body, _)) => Ok(Some(StoredBinary {
                size: body["dam:size"].as_u64(),
                sha1: body["dam:sha1"].as_str().map(str::to_ascii_lowercase),
            })),
            Err(CallError::NotFound) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// The names `folder` holds now, from its listing (the repository, exact, unlike the
    /// search index): what tells, for many files at once, which of their paths hold anything.
    /// `None` when listing it would take more than `at_most` pages of [`NAMES_PAGE`] (reading
    /// the few paths asked about is then cheaper); an empty set when there is no such folder.
    pub async fn names_in(
        &self,
        folder: &str,
        at_most: usize,
    ) -> Result<Option<std::collections::HashSet<String>>, CallError> {
        use crate::AssetsApi as _;
        let mut names = std::collections::HashSet::new();
        let mut offset = 0;
        for read in 0..at_most.max(1) {
            let page = match self.list(folder, offset, NAMES_PAGE).await {
                Ok(page) => page,
                Err(CallError::NotFound) if read == 0 => return Ok(Some(names)),
                Err(e) => return Err(e),
            };
            names.extend(page.entries.into_iter().map(|e| e.name));
            let Some(next) = page.next_offset else {
                return Ok(Some(names));
            };
            let left = page
                .total
                .map(|t| t.saturating_sub(next).div_ceil(NAMES_PAGE));
            if left.is_some_and(|left| read as u64 + 1 + left > at_most as u64) {
                return Ok(None);
            }
            offset = next;
        }
        Ok(None)
    }

    /// What AEM's processing says of the asset at `asset_path` (its `jcr:content`): `None`
    /// when nothing is there.
    pub async fn asset_content(&self, asset_path: &str) -> Result<Option<AssetContent>, CallError> {
        let mut url = self.dam_url(&["content", "dam"], asset_path, "")?;
        if let Ok(mut parts) = url.path_segments_mut() {
            // Level 1: its metadata too, whose values tell a colleague's edit (the time does
            // not move on metadata updates).
            parts.push("jcr:content.1.json");
        }
        let response = self
            .client
            .send(Method::GET, url, |r| r)
            .await
            .map_err(CallError::from_aem)?;
        match json_or_error(response, |_| None).await {
            Ok((body, _)) => Ok(Some(AssetContent {
                state: body["dam:assetState"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned(),
                last_modified: aem_time(&body["jcr:lastModified"]),
                failed: body["dam:failedRenditions"].is_array()
                    || body["dam:assetState"] == "failed",
                metadata: body["metadata"].as_object().cloned().unwrap_or_default(),
            })),
            Err(CallError::NotFound) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Deletes the asset at `asset_path` (Assets HTTP API `DELETE`): `true` deleted, `false`
    /// nothing was there.
    pub async fn delete_asset(&self, asset_path: &str) -> Result<bool, CallError> {
        let url = self.dam_url(&["api", "assets"], asset_path, "")?;
        let response = self
            .client
            .send(Method::DELETE, url, |r| r)
            .await
            .map_err(CallError::from_aem)?;
        match json_or_error(response, |_| None).await {
            Ok(_) => Ok(true),
            Err(CallError::NotFound) => Ok(false),
            Err(e) => Err(e),
        }
    }
}

/// An asset's content node as processing leaves it.
#[derive(Debug, Clone, PartialEq)]
pub struct AssetContent {
    /// `dam:assetState`: `processing`, `processed`, `failed`…
    pub state: String,
    /// `jcr:lastModified`, as RFC 3339.
    pub last_modified: Option<String>,
    /// Processing failed (`failed`, or `dam:failedRenditions` listed).
    pub failed: bool,
    /// Its metadata node, every property.
    pub metadata: Map<String, Value>,
}

/// A time AEM gave (`jcr:lastModified`), as RFC 3339 to the second: the Sling JSON of a node
/// says it to the second, a QueryBuilder hit may say its milliseconds, and the two are
/// compared.
pub(crate) fn aem_time(value: &Value) -> Option<String> {
    let t = metadesk_base::timefmt::parse_aem_time(value.as_str()?)?;
    Some(metadesk_base::timefmt::rfc3339(
        t.replace_nanosecond(0).unwrap_or(t),
    ))
}

/// Each storage URL with the offset and length of its part, in order; URLs past the file's end
/// get nothing.
pub fn parts(file: &InitiatedFile, part: u64, size: u64) -> Vec<(&Url, u64, u64)> {
    file.uris
        .iter()
        .enumerate()
        .map(|(i, uri)| (uri, i as u64 * part))
        .take_while(|(_, offset)| *offset < size)
        .map(|(uri, offset)| (uri, offset, part.min(size - offset)))
        .collect()
}

/// `length` bytes of `local` from `offset`.
pub async fn read_part(local: &Path, offset: u64, length: u64) -> Result<Vec<u8>, CallError> {
    let mut reader = tokio::fs::File::open(local)
        .await
        .map_err(|e| unreadable(local, &e))?;
    let mut bytes = vec![0u8; length as usize];
    reader
        .seek(std::io::SeekFrom::Start(offset))
        .await
        .map_err(|e| unreadable(local, &e))?;
    reader
        .read_exact(&mut bytes)
        .await
        .map_err(|e| unreadable(local, &e))?;
    Ok(bytes)
}

/// The part size for `file` of `size` bytes, or why it is too large for its URIs.
pub fn part_of(file: &InitiatedFile, size: u64) -> Result<u64, CallError> {
    part_size(size, file.uris.len(), file.min_part, file.max_part)
        .ok_or_else(|| too_large(size, file))
}

/// Reads initiate's answer for `file_name`; an answer without `files` or `completeURI` means
/// direct binary upload is not enabled on this AEM (Adobe's transfer library).
fn parse_initiated(
    client: &AemClient,
    body: &Value,
    file_name: &str,
) -> Result<(InitiatedFile, Url), CallError> {
    let not_enabled = || CallError::Rejected {
        status: 0,
        detail: Text::plain("upload-not-enabled"),
    };
    let complete = body["completeURI"].as_str().ok_or_else(not_enabled)?;
    // Relative (AEM's usual answer) or absolute: on this AEM either way, as it gets the token.
    let complete = match Url::parse(complete) {
        Ok(absolute) => absolute,
        Err(_) => client.url(complete).map_err(CallError::from_aem)?,
    };
    client.check_url(&complete).map_err(CallError::from_aem)?;
    let file = body["files"]
        .as_array()
        .and_then(|files| files.iter().find(|f| f["fileName"] == file_name))
        .ok_or_else(not_enabled)?;
    let uris = file["uploadURIs"]
        .as_array()
        .map(|uris| {
            uris.iter()
                .filter_map(Value::as_str)
                .filter_map(|u| Url::parse(u).ok())
                .collect::<Vec<_>>()
        })
        .filter(|uris| !uris.is_empty())
        .ok_or_else(not_enabled)?;
    let text = |name: &str| file[name].as_str().unwrap_or_default().to_owned();
    Ok((
        InitiatedFile {
            file_name: file_name.to_owned(),
            mime_type: Some(text("mimeType"))
                .filter(|m| !m.is_empty())
                .unwrap_or_else(|| "application/octet-stream".into()),
            upload_token: text("uploadToken"),
            uris,
            min_part: file["minPartSize"].as_u64().unwrap_or(0),
            max_part: file["maxPartSize"].as_u64().unwrap_or(u64::MAX),
        },
        complete,
    ))
}

fn too_large(size: u64, file: &InitiatedFile) -> CallError {
    CallError::Rejected {
        status: 0,
        detail: Text::new(
            "upload-too-large",
            vec![
                ("size", Part::from(size as f64)),
                ("parts", Part::from(file.uris.len() as f64)),
                ("most", Part::from(file.max_part as f64)),
            ],
        ),
    }
}

fn unreadable(local: &Path, e: &std::io::Error) -> CallError {
    CallError::Rejected {
        status: 0,
        detail: Text::new(
            "upload-unreadable",
            vec![
                ("file", local.display().to_string().into()),
                ("detail", e.to_string().into()),
            ],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn client() -> AemClient {
        crate::testing::test_client()
    }

    fn answer(complete: &str) -> Value {
        json!({
            "completeURI": complete,
            "files": [{
                "fileName": "a.jpg", "mimeType": "image/jpeg", "uploadToken": "t",
                "uploadURIs": ["https://blob.example.net/1?sig=s"],
                "minPartSize": 10, "maxPartSize": 40,
            }],
        })
    }

    /// Seen failing without `check_url`: the token would have gone to the other host.
    #[test]
    fn the_complete_uri_is_on_this_aem_relative_or_absolute() {
        let (file, complete) = parse_initiated(
            &client(),
            &answer("/content/dam/f.completeUpload.json"),
            "a.jpg",
        )
        .unwrap();
        assert_eq!(
            complete.as_str(),
            "http://127.0.0.1:4502/content/dam/f.completeUpload.json"
        );
        assert_eq!((file.uris.len(), file.max_part), (1, 40));
        let elsewhere = answer("https://evil.example/content/dam/f.completeUpload.json");
        assert!(matches!(
            parse_initiated(&client(), &elsewhere, "a.jpg"),
            Err(CallError::Aem(_))
        ));
        let not_enabled = json!({"folderPath": "/content/dam/f"});
        assert!(matches!(
            parse_initiated(&client(), &not_enabled, "a.jpg"),
            Err(CallError::Rejected { status: 0, .. })
        ));
    }

    #[test]
    fn parts_spread_the_file_over_its_uris_within_the_sizes_aem_gives() {
        assert_eq!(part_size(35, 4, 10, 40), Some(10));
        assert_eq!(
            part_size(100, 2, 10, 40),
            None,
            "50 a part is above the most"
        );
        assert_eq!(part_size(100, 4, 10, 40), Some(25));
        assert_eq!(part_size(3, 1, 10, 40), Some(10));
    }
}
