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
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use reqwest::Method;
use serde_json::{Map, Value, json};
use tokio::io::{AsyncReadExt, AsyncSeekExt};
use url::Url;

use crate::classic::ClassicAssets;
use crate::{CallError, json_or_error};
use metadesk_base::i18n::{Part, Text};
use metadesk_clients::aem::AemClient;
use metadesk_clients::aem::error::AemError;
use metadesk_credentials::regular_file::{FileRefusal, open_regular};

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

    /// `PUT`s one part to a storage URL: `part`'s bytes read from its file as they leave (only
    /// a chunk in memory, whatever the part's size), with the file's type. A transfer that
    /// moves no byte for `stall` is ended (a timeout, retried as any); a slow one goes on.
    /// 2xx, or the refusal in storage's words.
    pub async fn put_part(
        &self,
        url: &Url,
        part: &FilePart<'_>,
        content_type: &str,
        stall: Duration,
    ) -> Result<(), CallError> {
        let file = part.open().await?;
        let started = Instant::now();
        let moved = Arc::new(AtomicU64::new(0));
        let body = reqwest::Body::wrap_stream(chunks(file, part.length, started, moved.clone()));
        let sending = self
            .client
            .put_to_storage(url, body, part.length, content_type);
        let response = tokio::select! {
            sent = sending => sent.map_err(CallError::from_aem)?,
            () = stalled(started, &moved, stall) => {
                let host = url.host_str().unwrap_or_default().to_owned();
                tracing::warn!(%host, ?stall, "a part's transfer stalled");
                return Err(CallError::Unreachable(AemError::Timeout { host }));
            }
        };
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
        match json_or_error(response, crate::classic::siren_detail).await {
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

    /// What AEM holds of the asset at `asset_path` and what its processing says: its node two
    /// levels deep (`{asset}.2.json`: its `jcr:uuid`; its `jcr:content` with `dam:assetState`;
    /// below that its `metadata`, with `dam:sha1` and `dam:size` once processed, and the
    /// `dam:failedRenditions` node where processing failed). One read tells whose asset it is,
    /// whether it is processed and what it holds. `None` when nothing is there.
    pub async fn asset_content(&self, asset_path: &str) -> Result<Option<AssetContent>, CallError> {
        let url = self.dam_url(&["content", "dam"], asset_path, ".2.json")?;
        let response = self
            .client
            .send(Method::GET, url, |r| r)
            .await
            .map_err(CallError::from_aem)?;
        match json_or_error(response, |_| None).await {
            Ok((body, _)) => Ok(Some(AssetContent::read(&body))),
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
        match json_or_error(response, crate::classic::siren_detail).await {
            Ok(_) => Ok(true),
            Err(CallError::NotFound) => Ok(false),
            Err(e) => Err(e),
        }
    }
}

/// An asset as AEM holds it, and where its processing stands.
#[derive(Debug, Clone, PartialEq)]
pub struct AssetContent {
    /// `jcr:uuid`: the asset's identity, kept by a new version and lost by a replace or a
    /// delete (another asset at the same path has another).
    pub uuid: Option<String>,
    pub processing: ProcessingState,
    /// `jcr:lastModified`, as RFC 3339.
    pub last_modified: Option<String>,
    /// `dam:sha1` (lower-case) and `dam:size`, written by processing.
    pub sha1: Option<String>,
    pub size: Option<u64>,
    /// Its metadata node, every property.
    pub metadata: Map<String, Value>,
}

/// Where AEM's processing of an asset stands (`jcr:content/dam:assetState`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProcessingState {
    /// `processed`, exactly: the only state that means done (Adobe's test client waits for
    /// it); extraction has written what it writes, and a value written now stays.
    Processed,
    /// `failed`, or a `dam:failedRenditions` node: with AEM's words, the renditions it names.
    Failed(String),
    /// Anything else: no state yet (right after the complete), `unProcessed`, `unprocessed`,
    /// `processing`, or a state Metadesk does not know, which on a real AEM means not done.
    NotYet(String),
}

impl AssetContent {
    /// Reads `{asset}.2.json` leniently: the state and the failure where Adobe's documents and
    /// clients put them, whatever else the node holds.
    pub fn read(asset: &Value) -> Self {
        let content = &asset["jcr:content"];
        let metadata = content["metadata"].as_object().cloned().unwrap_or_default();
        let state = content["dam:assetState"].as_str().unwrap_or_default();
        // A node at this depth (an object); an older reading's list is taken too.
        let failed = &content["dam:failedRenditions"];
        let failed_names = match failed {
            Value::Object(node) => Some(
                node.keys()
                    .filter(|k| !k.starts_with("jcr:"))
                    .cloned()
                    .collect::<Vec<_>>(),
            ),
            Value::Array(items) => Some(
                items
                    .iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect(),
            ),
            _ => None,
        };
        let processing = match (state, failed_names) {
            (_, Some(names)) => ProcessingState::Failed(names.join(", ")),
            ("failed", None) => ProcessingState::Failed(String::new()),
            ("processed", None) => ProcessingState::Processed,
            (other, None) => ProcessingState::NotYet(other.to_owned()),
        };
        AssetContent {
            uuid: asset["jcr:uuid"].as_str().map(str::to_owned),
            processing,
            last_modified: aem_time(&content["jcr:lastModified"]),
            sha1: metadata
                .get("dam:sha1")
                .and_then(Value::as_str)
                .map(str::to_ascii_lowercase),
            size: metadata.get("dam:size").and_then(|v| {
                v.as_u64()
                    .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
            }),
            metadata,
        }
    }

    /// Whether it holds a file of `size` bytes with this SHA-1 (`sha1`, lower-case hex).
    pub fn holds_file(&self, size: u64, sha1: &str) -> bool {
        self.size == Some(size) && self.sha1.as_deref() == Some(sha1)
    }
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

/// One part of a local file: `length` bytes from `offset`.
#[derive(Debug, Clone, Copy)]
pub struct FilePart<'a> {
    pub local: &'a Path,
    pub offset: u64,
    pub length: u64,
}

/// Bytes read from a file per chunk of a part's body: what a transfer holds in memory.
const CHUNK: usize = 256 * 1024;

impl FilePart<'_> {
    /// The file, open at the part's start: itself only, as the plan saw it (a link, a pipe or
    /// a device put in its place since is refused, never followed nor waited on).
    async fn open(&self) -> Result<tokio::fs::File, CallError> {
        let local = self.local.to_owned();
        let file = tokio::task::spawn_blocking(move || open_regular(&local))
            .await
            .map_err(|e| unreadable(self.local, &std::io::Error::other(e.to_string())))?
            .map_err(|refusal| {
                let e = match refusal {
                    FileRefusal::Io(e) => e,
                    other => std::io::Error::other(format!("{other:?}")),
                };
                unreadable(self.local, &e)
            })?;
        let mut file = tokio::fs::File::from_std(file);
        file.seek(std::io::SeekFrom::Start(self.offset))
            .await
            .map_err(|e| unreadable(self.local, &e))?;
        Ok(file)
    }
}

/// `length` bytes of `file`, [`CHUNK`] at a time as the body is sent; each chunk read stamps
/// `moved` (milliseconds since `started`).
fn chunks(
    file: tokio::fs::File,
    length: u64,
    started: Instant,
    moved: Arc<AtomicU64>,
) -> impl futures_util::Stream<Item = std::io::Result<Vec<u8>>> + Send + 'static {
    futures_util::stream::unfold((file, length), move |(mut file, left)| {
        let moved = moved.clone();
        async move {
            if left == 0 {
                return None;
            }
            let mut chunk = vec![0u8; (CHUNK as u64).min(left) as usize];
            match file.read_exact(&mut chunk).await {
                Ok(_) => {
                    moved.store(started.elapsed().as_millis() as u64, Ordering::Relaxed);
                    let left = left - chunk.len() as u64;
                    Some((Ok(chunk), (file, left)))
                }
                Err(e) => Some((Err(e), (file, 0))),
            }
        }
    })
}

/// Ends when no byte has moved for `stall` (`moved`: when the last chunk left, in
/// milliseconds since `started`); never while bytes keep moving, however slowly.
async fn stalled(started: Instant, moved: &AtomicU64, stall: Duration) {
    let look = (stall / 4).max(Duration::from_millis(10));
    loop {
        tokio::time::sleep(look).await;
        let last = Duration::from_millis(moved.load(Ordering::Relaxed));
        if started.elapsed().saturating_sub(last) >= stall {
            return;
        }
    }
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
    if uris.len() > MOST_URIS {
        return Err(unusable(Text::new(
            "upload-initiate-too-many-uris",
            vec![("uris", Part::from(uris.len() as f64))],
        )));
    }
    // Never guessed: a part above the largest storage takes is refused after its bytes left.
    let max_part = file["maxPartSize"]
        .as_u64()
        .filter(|most| *most > 0)
        .ok_or_else(|| unusable(Text::plain("upload-initiate-no-max-part")))?;
    let min_part = file["minPartSize"].as_u64().unwrap_or(0);
    if min_part > max_part {
        return Err(unusable(Text::new(
            "upload-initiate-parts-disagree",
            vec![
                ("least", Part::from(min_part as f64)),
                ("most", Part::from(max_part as f64)),
            ],
        )));
    }
    let text = |name: &str| file[name].as_str().unwrap_or_default().to_owned();
    Ok((
        InitiatedFile {
            file_name: file_name.to_owned(),
            mime_type: Some(text("mimeType"))
                .filter(|m| !m.is_empty())
                .unwrap_or_else(|| "application/octet-stream".into()),
            upload_token: text("uploadToken"),
            uris,
            min_part,
            max_part,
        },
        complete,
    ))
}

/// The most storage addresses one file's initiate answer may name (Adobe's documents speak of
/// a few per file; more is an answer Metadesk does not trust with a file's bytes).
pub const MOST_URIS: usize = 10_000;

/// An initiate answer Metadesk does not send a file's bytes on, in these words.
fn unusable(detail: Text) -> CallError {
    CallError::Rejected { status: 0, detail }
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

    /// Seen failing with `maxPartSize` taken as unlimited when missing, and with any number of
    /// URIs taken: an answer Metadesk cannot trust with a file's bytes is refused in words.
    #[test]
    fn an_initiate_answer_without_a_largest_part_or_with_too_many_uris_is_refused() {
        let refused = |answer: &Value| match parse_initiated(&client(), answer, "a.jpg") {
            Err(CallError::Rejected { status: 0, detail }) => detail.id().map(str::to_owned),
            other => panic!("{other:?}"),
        };
        let mut answer = answer("/content/dam/f.completeUpload.json");
        answer["files"][0]
            .as_object_mut()
            .unwrap()
            .remove("maxPartSize");
        assert_eq!(
            refused(&answer).as_deref(),
            Some("upload-initiate-no-max-part")
        );
        answer["files"][0]["maxPartSize"] = json!(5);
        assert_eq!(
            refused(&answer).as_deref(),
            Some("upload-initiate-parts-disagree"),
            "at least 10 and at most 5"
        );
        answer["files"][0]["maxPartSize"] = json!(40);
        let many: Vec<String> = (0..=MOST_URIS)
            .map(|i| format!("https://blob.example.net/{i}?sig=s"))
            .collect();
        answer["files"][0]["uploadURIs"] = json!(many);
        assert_eq!(
            refused(&answer).as_deref(),
            Some("upload-initiate-too-many-uris")
        );
    }

    /// Seen failing with `dam:failedRenditions` read as a list only (a node never failed) and
    /// with every state but `processing` and `unProcessed` taken as done.
    #[test]
    fn only_processed_is_done_and_a_failed_renditions_node_is_a_failure() {
        let read = |content: Value| {
            AssetContent::read(&json!({"jcr:uuid": "u-1", "jcr:content": content})).processing
        };
        assert_eq!(
            read(json!({"dam:assetState": "processed"})),
            ProcessingState::Processed
        );
        for not_yet in ["", "unprocessed", "unProcessed", "processing", "queued"] {
            let content = match not_yet {
                "" => json!({}),
                state => json!({"dam:assetState": state}),
            };
            assert!(
                matches!(read(content), ProcessingState::NotYet(_)),
                "{not_yet:?}"
            );
        }
        let node = json!({
            "dam:assetState": "processed",
            "dam:failedRenditions": {"jcr:primaryType": "nt:unstructured", "cq5dam.web.1280.1280.jpeg": {}},
        });
        assert_eq!(
            read(node),
            ProcessingState::Failed("cq5dam.web.1280.1280.jpeg".into())
        );
        assert_eq!(
            read(json!({"dam:assetState": "failed"})),
            ProcessingState::Failed(String::new())
        );
        let full = AssetContent::read(&json!({
            "jcr:uuid": "u-1",
            "jcr:content": {
                "dam:assetState": "processed",
                "metadata": {"dam:sha1": "ABC", "dam:size": "3", "dc:title": "T"},
            },
        }));
        assert_eq!(full.uuid.as_deref(), Some("u-1"));
        assert!(full.holds_file(3, "abc"));
        assert!(!full.holds_file(4, "abc"));
    }

    /// A client of the sandbox whose whole-request limit is `limit`, as the shared client's
    /// 120 seconds: a part must not be bound by it.
    async fn sandbox_uploads(
        rate: Option<u64>,
        limit: Duration,
    ) -> (metadesk_sandbox::Sandbox, ClassicAssets) {
        let upload = metadesk_sandbox::UploadSettings {
            min_part: 16 * 1024,
            max_part: 1024 * 1024,
            storage_rate: rate,
            ..metadesk_sandbox::UploadSettings::default()
        };
        let sb = metadesk_sandbox::Sandbox::start(
            metadesk_sandbox::SandboxConfig::default()
                .with_assets(5)
                .with_key_bits(1024)
                .with_upload(upload),
        )
        .await
        .unwrap();
        let http = reqwest::Client::builder().timeout(limit).build().unwrap();
        let client = crate::testing::sandbox_client(&sb, http);
        (sb, ClassicAssets::new(client))
    }

    /// Seen failing with the part bound by the client's whole-request limit (a timeout after
    /// one second): a part whose bytes keep moving on a slow link completes however long it
    /// takes, read from its file as it leaves, with the file's type.
    #[tokio::test]
    async fn a_slow_part_completes_past_the_whole_request_limit_and_a_stalled_one_ends() {
        let dir = tempfile::tempdir().unwrap();
        let local = dir.path().join("slow.jpg");
        let bytes: Vec<u8> = (0..64 * 1024).map(|i| (i % 251) as u8).collect();
        std::fs::write(&local, &bytes).unwrap();
        // 64 KiB at 24 KiB a second: about 2.7 seconds, past a 1-second limit.
        let (sb, aem) = sandbox_uploads(Some(24 * 1024), Duration::from_secs(1)).await;
        let folder = metadesk_sandbox::SAMPLE_FOLDER;
        let size = bytes.len() as u64;
        let (file, _) = aem.initiate_upload(folder, "slow.jpg", size).await.unwrap();
        let part = FilePart {
            local: &local,
            offset: 0,
            length: size,
        };
        let started = Instant::now();
        aem.put_part(
            &file.uris[0],
            &part,
            &file.mime_type,
            Duration::from_secs(20),
        )
        .await
        .unwrap();
        assert!(started.elapsed() > Duration::from_secs(2), "it was slow");
        assert_eq!(sb.counters().storage_parts, 1);

        // No byte moving for the stall's length: ended, as a timeout (retried by the engine).
        let (_, file2) = (
            (),
            aem.initiate_upload(folder, "stalled.jpg", size)
                .await
                .unwrap()
                .0,
        );
        let stalled = aem
            .put_part(
                &file2.uris[0],
                &part,
                &file2.mime_type,
                Duration::from_millis(500),
            )
            .await;
        assert!(
            matches!(
                stalled,
                Err(CallError::Unreachable(AemError::Timeout { .. }))
            ),
            "{stalled:?}"
        );
    }
}
