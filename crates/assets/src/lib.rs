//! Clients of AEM's Assets APIs, reduced to what the bulk engine needs: list a folder page by
//! page, read one asset's metadata, write changed properties. Two families
//! (<https://experienceleague.adobe.com/en/docs/experience-manager-learn/cloud-service/aem-apis/overview>):
//! the classic Assets HTTP API ([`classic`]) for Service Credentials, development tokens and
//! the local SDK, and the OpenAPI-based Assets Author API ([`openapi`]) for OAuth
//! Server-to-Server connections.
//!
//! Not here: deciding what to write, retries, concurrency or journaling (that is `bulk`). Each
//! call makes exactly one HTTP request (plus the one 401 renewal `AemClient` does) and reports
//! a [`CallError`] the engine can classify; retrying is the engine's decision.

pub mod asset_path;
pub mod batch;
pub mod browse;
pub mod classic;
mod classic_listing;
mod classic_node;
mod classic_write;
pub mod connect;
mod entries;
pub mod fingerprint;
pub mod folders;
pub mod folders_api;
pub mod fragments;
pub mod metadata_checks;
pub mod moves;
pub mod open_search;
pub mod openapi;
pub mod probe;
pub mod publication;
pub mod references;
pub mod renditions;
pub mod schema;
pub mod search;
mod sling_tree;
pub mod tag_names;
pub mod tags;
#[cfg(test)]
mod testing;
pub mod upload;

use std::time::Duration;

use reqwest::Response;
use reqwest::header::HeaderMap;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use metadesk_base::i18n::{Part, Text};
use metadesk_clients::aem::AemError;
use metadesk_clients::aem::auth::BoxFuture;
use metadesk_clients::aem::body::{BodyError, MAX_AEM_BODY, read_capped};
use metadesk_clients::aem::said::said_beside;
use metadesk_credentials::credentials::ApiFamily;

pub use classic::ClassicAssets;
pub use entries::{Entry, EntryKind, Page};
pub use openapi::OpenApiAssets;

/// Where every DAM path starts.
pub const DAM_ROOT: &str = "/content/dam";

/// The asset a read or write is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssetRef {
    /// Full repository path (`/content/dam/…`).
    pub path: String,
    /// `urn:aaid:aem:{jcr:uuid}`; only the OpenAPI family needs it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

/// An asset's current metadata, and its version tag where the API has one.
#[derive(Debug, Clone, PartialEq)]
pub struct Current {
    pub metadata: Map<String, Value>,
    pub etag: Option<String>,
}

/// One property to write: `None` removes it.
#[derive(Debug, Clone, PartialEq)]
pub struct Write {
    pub property: String,
    pub value: Option<Value>,
}

/// Why one call did not succeed, sorted by what the engine should do about it. Its words are
/// catalogue text ([`CallError::text`]); `Display` is the English (the log).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CallError {
    /// 429, 406 (CDN traffic filter) or 503: slow down, wait `retry_after` if given, retry.
    Throttled {
        status: u16,
        retry_after: Option<Duration>,
    },
    /// Other 5xx and answers cut off: retry with backoff.
    Transient(Text),
    /// The host could not be reached or did not answer in time (the error names the host):
    /// retried like [`CallError::Transient`], and reported in those words.
    Unreachable(AemError),
    /// Credentials refused even after one renewal: stop the run.
    Auth(AemError),
    /// 403: the account may read but not change this asset; AEM's own words.
    Forbidden(String),
    /// 404.
    NotFound,
    /// 412: the asset changed since it was read.
    Conflict,
    /// Any other answer; not retried. `detail` is AEM's own words, or ours saying what in the
    /// answer could not be used.
    Rejected { status: u16, detail: Text },
    /// A request refused before it was sent (an address a credential may not go to, a path
    /// outside the DAM) or an answer AEM's client could not use, in [`AemError`]'s words;
    /// not retried.
    Aem(AemError),
}

impl std::fmt::Display for CallError {
    /// English (the log's words).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(&self.text(), f)
    }
}

impl std::error::Error for CallError {}

impl CallError {
    /// The words telling this failure, unwritten until a face knows the reader's language.
    pub fn text(&self) -> Text {
        let status_of = |status: &u16| Part::from(f64::from(*status));
        match self {
            CallError::Throttled { status, .. } => {
                Text::new("assets-slow-down", vec![("status", status_of(status))])
            }
            CallError::Transient(words) => words.clone(),
            CallError::Unreachable(e) | CallError::Auth(e) | CallError::Aem(e) => e.text(),
            CallError::Forbidden(detail) if detail.is_empty() => {
                Text::plain("assets-forbidden-untold")
            }
            CallError::Forbidden(detail) => {
                Text::new("assets-forbidden", vec![("detail", detail.as_str().into())])
            }
            CallError::NotFound => Text::plain("assets-not-found"),
            CallError::Conflict => Text::plain("assets-conflict"),
            CallError::Rejected {
                status,
                detail: Text::Plain(detail),
            } if detail.is_empty() => Text::new(
                "assets-rejected-untold",
                vec![("status", status_of(status))],
            ),
            CallError::Rejected { status, detail } => Text::new(
                "assets-rejected",
                vec![
                    ("status", status_of(status)),
                    ("detail", detail.clone().into()),
                ],
            ),
        }
    }

    /// Maps a failure of [`metadesk_clients::aem::AemClient::send`].
    pub fn from_aem(err: AemError) -> Self {
        match err {
            AemError::Unreachable { .. } | AemError::Timeout { .. } => CallError::Unreachable(err),
            AemError::Auth(_) | AemError::Ims(_) | AemError::Keychain(_) => CallError::Auth(err),
            // No token could be had (IMS refused or unreachable, keychain unusable): going on
            // would fail every asset the same way, so the run stops and can be resumed.
            AemError::RefusedUrl(_) | AemError::Status { .. } | AemError::BadResponse { .. } => {
                CallError::Aem(err)
            }
        }
    }
}

/// A listing that stopped before its last page: `read` entries had been read, so what was read
/// is not the whole and is not shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartialListing {
    pub read: usize,
    pub error: CallError,
}

/// The one seam between the engine and an Assets API; tests put an in-memory DAM behind it.
pub trait AssetsApi: Send + Sync {
    fn family(&self) -> ApiFamily;

    /// One page of `folder`'s children, starting at `offset`.
    fn list<'a>(
        &'a self,
        folder: &'a str,
        offset: u64,
        limit: u64,
    ) -> BoxFuture<'a, Result<Page, CallError>>;

    /// The asset id the writes need (OpenAPI); `Ok(None)` when the family needs none.
    fn resolve_id<'a>(&'a self, path: &'a str) -> BoxFuture<'a, Result<Option<String>, CallError>>;

    /// The id of the asset at `path` when this API already knows it (a list page gave it), so
    /// a preview asks nothing; `None` when it must be looked up with [`AssetsApi::resolve_id`].
    fn known_id(&self, path: &str) -> Option<String> {
        let _ = path;
        None
    }

    /// Whether `property` holds HTML (a fragment's rich text): a rule changes its text alone.
    fn markup(&self, property: &str) -> bool {
        let _ = property;
        false
    }

    /// The website state the item's last listing or read gave (a fragment's status), else `None`.
    fn known_publication(&self, _path: &str) -> Option<publication::PublicationState> {
        None
    }

    /// What a person knows the item at `path` by when it is not its file name: a content
    /// fragment's title and model (from `metadata` as read). `None` for an asset.
    fn fragment_name(
        &self,
        path: &str,
        metadata: &Map<String, Value>,
    ) -> Option<fragments::FragmentName> {
        let _ = (path, metadata);
        None
    }

    /// The asset's full metadata (not the listing's subset).
    fn read<'a>(&'a self, asset: &'a AssetRef) -> BoxFuture<'a, Result<Current, CallError>>;

    /// When the asset last changed in AEM (`jcr:content/jcr:lastModified`, as RFC 3339), to
    /// tell whether it changed since a sheet was exported. `Ok(None)` when the API does not
    /// say (then no such change can be detected, and callers say so).
    fn last_modified<'a>(
        &'a self,
        asset: &'a AssetRef,
    ) -> BoxFuture<'a, Result<Option<String>, CallError>> {
        let _ = asset;
        Box::pin(async { Ok(None) })
    }

    /// Writes `writes` to the asset's metadata node; with `if_match`, only if unchanged.
    fn write<'a>(
        &'a self,
        asset: &'a AssetRef,
        writes: &'a [Write],
        if_match: Option<&'a str>,
    ) -> BoxFuture<'a, Result<Option<String>, CallError>>;

    /// Whether a value of `property` shown in a listing entry is the value on the asset's
    /// metadata node, so the preview need not read an asset whose entry shows one. An entry
    /// that does not show the property says nothing: the asset is read.
    fn listing_carries(&self, property: &str) -> bool;

    /// Every subfolder of `folder` through an API that lists folders only (the OpenAPI Folders
    /// API), all its pages read; `Ok(None)` when this connection browses with
    /// [`AssetsApi::list`] instead (which also counts assets).
    fn subfolders<'a>(
        &'a self,
        folder: &'a str,
    ) -> BoxFuture<'a, Result<Option<Vec<Entry>>, PartialListing>> {
        let _ = folder;
        Box::pin(async { Ok(None) })
    }

    /// Whether [`AssetsApi::list`] lists a folder's assets: not for an OAuth S2S connection with
    /// no classic one paired (AEM refuses its token): [`AssetsApi::open_search`] finds them.
    fn lists_folders(&self) -> bool {
        true
    }

    /// Whether [`AssetsApi::search`] reaches a search API (QueryBuilder).
    fn can_search(&self) -> bool {
        false
    }

    /// A classic connection's direct binary upload, folders and deletes (`upload.rs`).
    fn uploads(&self) -> Option<&classic::ClassicAssets> {
        None
    }

    /// One page of AEM's OpenAPI search (`POST /adobe/assets/search`, the body as sent); only
    /// the OpenAPI family has it. [`open_search::unavailable`] tells an AEM that does not offer
    /// it from one that refused the request.
    fn open_search<'a>(
        &'a self,
        body: &'a Value,
    ) -> BoxFuture<'a, Result<open_search::OpenPage, CallError>> {
        let _ = body;
        Box::pin(async { Err(CallError::NotFound) })
    }

    /// AEM's tags (`/content/cq:tags`), for the tag picker; an error when they cannot be read
    /// (the picker then takes a typed tag id).
    fn tags(&self) -> BoxFuture<'_, Result<Vec<tags::Tag>, CallError>> {
        Box::pin(async {
            Err(CallError::Rejected {
                status: 0,
                detail: Text::plain("assets-cannot-read-tags"),
            })
        })
    }

    /// One command of AEM's tag servlet (`POST /bin/tagcommand`, form `fields` with their
    /// `cmd`): creating, moving, merging, deleting or (de)activating a tag, or
    /// `canCreateTag`. Its answer is a status page: only the status is read.
    fn tag_command<'a>(
        &'a self,
        fields: &'a [(&'a str, &'a str)],
    ) -> BoxFuture<'a, Result<(), CallError>> {
        let _ = fields;
        Box::pin(async {
            Err(CallError::Rejected {
                status: 0,
                detail: Text::plain("assets-cannot-read-tags"),
            })
        })
    }

    /// The Sites pages that use the tag at `path` (under `/content/cq:tags`) or a tag below
    /// it, by their paths: AEM's tag servlet `cmd=list` (`adobe-wire-tags.md` §3). An answer
    /// that is not a list of pages is an error, never "no page".
    fn tag_pages<'a>(&'a self, path: &'a str) -> BoxFuture<'a, Result<Vec<String>, CallError>> {
        let _ = path;
        Box::pin(async {
            Err(CallError::Rejected {
                status: 0,
                detail: Text::plain("assets-cannot-read-tags"),
            })
        })
    }

    /// A Sling POST of a tag's own properties to its node (`path` under `/content/cq:tags`):
    /// `Some` sets a property (`jcr:title.fr`), `None` removes it. Its answer is a status page:
    /// only the status is read.
    fn tag_properties<'a>(
        &'a self,
        path: &'a str,
        properties: &'a [(&'a str, Option<&'a str>)],
    ) -> BoxFuture<'a, Result<(), CallError>> {
        let _ = (path, properties);
        Box::pin(async {
            Err(CallError::Rejected {
                status: 0,
                detail: Text::plain("assets-cannot-read-tags"),
            })
        })
    }

    /// A repository node as Sling's default GET servlet renders it
    /// (<https://github.com/apache/sling-org-apache-sling-servlets-get>):
    /// `{path}.json` for an empty `selector`, else `{path}.{selector}.json` (`1`, `infinity`).
    /// For a folder's `metadataSchema` and the metadata schema forms (`schema`); only paths
    /// under `/content/dam`, `/conf` and `/libs` are read.
    fn node_json<'a>(
        &'a self,
        path: &'a str,
        selector: &'a str,
    ) -> BoxFuture<'a, Result<Value, CallError>> {
        let _ = (path, selector);
        Box::pin(async {
            Err(CallError::Rejected {
                status: 0,
                detail: Text::plain("assets-cannot-read-schema"),
            })
        })
    }

    /// Whether this API checks and writes many assets in one request each
    /// ([`AssetsApi::check_many`], [`AssetsApi::write_many`]); the classic family does.
    fn batches(&self) -> bool {
        false
    }

    /// One check of many assets: the current values of `properties` of the assets at `paths`,
    /// by path, in one request (QueryBuilder, exact paths: [`batch::check_query`]). A path
    /// absent from the answer was not found by the index, which may lag behind the repository:
    /// read that asset on its own, never take it as deleted.
    fn check_many<'a>(
        &'a self,
        paths: &'a [&'a str],
        properties: &'a [String],
    ) -> BoxFuture<'a, Result<batch::Checked, CallError>> {
        let _ = (paths, properties);
        Box::pin(async { Err(CallError::NotFound) })
    }

    /// One check of whole folders: the current values of `properties` of every asset directly
    /// in `folders`, at most `limit` of them, in one request (QueryBuilder, `path.flat`:
    /// [`batch::folder_check_query`]). Which assets a folder holds comes from its listing,
    /// never from this: the index lags (an asset listed but absent here is read on its own)
    /// and may still hold assets gone since.
    fn check_folders<'a>(
        &'a self,
        folders: &'a [&'a str],
        properties: &'a [String],
        limit: usize,
    ) -> BoxFuture<'a, Result<batch::FolderCheck, CallError>> {
        let _ = (folders, properties, limit);
        Box::pin(async { Err(CallError::NotFound) })
    }

    /// Readies what a write of many assets needs besides its form (classic: the CSRF token),
    /// so that a run asks for it beside its first checks, not in front of its first POSTs.
    /// A failure here is the write's to meet: it asks again.
    fn prepare_writes(&self) -> BoxFuture<'_, Result<(), CallError>> {
        Box::pin(async { Ok(()) })
    }

    /// One write of many assets of `folder` in one request and one commit (Sling POST): the
    /// paths of the assets whose every property the answer lists as changed, and those under
    /// which it created a node. Post only assets a check just confirmed: Sling creates the
    /// nodes of a path that holds nothing.
    fn write_many<'a>(
        &'a self,
        folder: &'a str,
        assets: &'a [batch::AssetWrite],
    ) -> BoxFuture<'a, Result<batch::Written, CallError>> {
        let _ = (folder, assets);
        Box::pin(async { Err(CallError::NotFound) })
    }

    /// Whether this API publishes ([`AssetsApi::publications`], [`AssetsApi::replicate`]):
    /// the classic family does, and the Sites API's content fragments; AEM's replication
    /// servlet takes no OAuth Server-to-Server token.
    fn publishes(&self) -> bool {
        false
    }

    /// The publication of many assets on a tier in one request (QueryBuilder, exact paths). A
    /// path absent from the answer was not found by the index: read it with
    /// [`AssetsApi::publication`].
    fn publications<'a>(
        &'a self,
        paths: &'a [&'a str],
        agent: publication::Agent,
    ) -> BoxFuture<'a, Result<publication::Publications, CallError>> {
        let _ = (paths, agent);
        Box::pin(async { Err(CallError::NotFound) })
    }

    /// [`AssetsApi::check_folders`] and [`AssetsApi::publications_in_folders`] at once: the
    /// values of `properties` and the publication on `agent`'s tier of every asset directly in
    /// `folders`, at most `limit` of them. The classic API asks both in one request; this
    /// default asks them one after the other (`complete` only when both are).
    fn check_folders_with_states<'a>(
        &'a self,
        folders: &'a [&'a str],
        properties: &'a [String],
        agent: publication::Agent,
        limit: usize,
    ) -> BoxFuture<'a, Result<(batch::FolderCheck, publication::Publications), CallError>> {
        Box::pin(async move {
            let mut checked = self.check_folders(folders, properties, limit).await?;
            let (states, complete) = self.publications_in_folders(folders, agent, limit).await?;
            checked.complete &= complete;
            Ok((checked, states))
        })
    }

    /// The publication on a tier of every asset directly in `folders`, at most `limit` of
    /// them, in one request (QueryBuilder, `path.flat`), and whether that is all the index
    /// holds there (fewer hits than the limit). A path absent from it says nothing.
    fn publications_in_folders<'a>(
        &'a self,
        folders: &'a [&'a str],
        agent: publication::Agent,
        limit: usize,
    ) -> BoxFuture<'a, Result<(publication::Publications, bool), CallError>> {
        let _ = (folders, agent, limit);
        Box::pin(async { Err(CallError::NotFound) })
    }

    /// The code of each asset's whole metadata (`fingerprint::metadata_code`), by path: what
    /// tells a colleague's edit, since AEM leaves `jcr:lastModified` as it was on metadata
    /// updates. A path absent could not be read (this default reads none: nothing is told).
    fn metadata_codes<'a>(
        &'a self,
        paths: &'a [&'a str],
    ) -> BoxFuture<'a, Result<std::collections::HashMap<String, String>, CallError>> {
        let _ = paths;
        Box::pin(async { Ok(std::collections::HashMap::new()) })
    }

    /// One asset's publication on a tier, read from the repository.
    fn publication<'a>(
        &'a self,
        path: &'a str,
        agent: publication::Agent,
    ) -> BoxFuture<'a, Result<publication::Publication, CallError>> {
        let _ = (path, agent);
        Box::pin(async { Err(CallError::NotFound) })
    }

    /// Replicates `paths` (at most [`publication::MAX_PATHS`]) in one request and one commit.
    fn replicate<'a>(
        &'a self,
        replication: publication::Replication,
        agent: publication::Agent,
        paths: &'a [&'a str],
    ) -> BoxFuture<'a, Result<(), CallError>> {
        let _ = (replication, agent, paths);
        Box::pin(async { Err(CallError::NotFound) })
    }

    /// The Sites pages that use the assets at `paths` (at most
    /// [`references::PATHS_AT_ONCE`]): AEM's reference search. An answer it cannot read is an
    /// error, never "used nowhere".
    fn references<'a>(
        &'a self,
        paths: &'a [&'a str],
    ) -> BoxFuture<'a, Result<Vec<references::PageUse>, CallError>> {
        let _ = paths;
        Box::pin(async {
            Err(CallError::Rejected {
                status: 0,
                detail: Text::plain("assets-cannot-read-references"),
            })
        })
    }

    /// One page of a QueryBuilder query (`params` as sent: predicates, paging, hit writer).
    fn search<'a>(
        &'a self,
        params: &'a [(String, String)],
    ) -> BoxFuture<'a, Result<search::SearchPage, CallError>> {
        let _ = params;
        Box::pin(async {
            Err(CallError::Rejected {
                status: 0,
                detail: Text::plain("assets-cannot-search"),
            })
        })
    }
}

/// Turns a non-success answer into a [`CallError`]; `detail` is the body's own words.
pub fn status_error(status: u16, headers: &HeaderMap, detail: String) -> CallError {
    match status {
        429 | 406 | 503 => CallError::Throttled {
            status,
            retry_after: metadesk_base::retry::retry_after(headers),
        },
        403 => CallError::Forbidden(detail),
        404 => CallError::NotFound,
        412 => CallError::Conflict,
        500..=599 if detail.is_empty() => CallError::Transient(Text::new(
            "assets-rejected-untold",
            vec![("status", Part::from(f64::from(status)))],
        )),
        500..=599 => CallError::Transient(Text::new(
            "assets-server-failed",
            vec![
                ("status", Part::from(f64::from(status))),
                ("detail", detail.into()),
            ],
        )),
        _ => CallError::Rejected {
            status,
            detail: detail.into(),
        },
    }
}

/// Sends an RFC 6902 JSON Patch to an OpenAPI resource with `If-Match` (the Assets Author
/// API's metadata, the Sites API's fragments): the answer's body and headers, or the failure.
pub(crate) async fn send_json_patch(
    client: &metadesk_clients::aem::AemClient,
    url: url::Url,
    body: &Value,
    if_match: &str,
) -> Result<(Value, HeaderMap), CallError> {
    use reqwest::header::{CONTENT_TYPE, IF_MATCH};
    let response = client
        .send(reqwest::Method::PATCH, url, |r| {
            r.header("X-Adobe-Accept-Experimental", "1")
                .header(CONTENT_TYPE, "application/json-patch+json")
                .header(IF_MATCH, if_match)
                .body(body.to_string())
        })
        .await
        .map_err(CallError::from_aem)?;
    json_or_error(response, problem_detail).await
}

/// The `ETag` an answer carries, when it carries a readable one.
pub(crate) fn etag_of(headers: &HeaderMap) -> Option<String> {
    headers
        .get(reqwest::header::ETAG)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

/// Reads a response body (at most [`MAX_AEM_BODY`]) as JSON, or classifies the failure.
pub(crate) async fn json_or_error(
    response: Response,
    detail_of: fn(&Value) -> Option<String>,
) -> Result<(Value, HeaderMap), CallError> {
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let body = read_capped(response, MAX_AEM_BODY)
        .await
        .map_err(|e| match e {
            BodyError::Cut(_) => CallError::Transient(e.text()),
            // Asking again would bring the same flood.
            BodyError::TooLarge { .. } => CallError::Rejected {
                status,
                detail: e.text(),
            },
        })?;
    if (200..300).contains(&status) {
        let value = if body.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&body).map_err(|e| CallError::Rejected {
                status,
                detail: Text::new("assets-not-json", vec![("detail", e.to_string().into())]),
            })?
        };
        return Ok((value, headers));
    }
    let detail = match serde_json::from_slice::<Value>(&body) {
        // A JSON answer by the message its API's shape holds; never quoted as JSON text,
        // which says nothing to a reader: without one, the status alone.
        Ok(value) => detail_of(&value),
        // Never the page itself: an HTML error page is told by its title.
        Err(_) => said_beside(status, &body),
    }
    .unwrap_or_default();
    Err(status_error(status, &headers, detail))
}

/// The refusal of a path that names no asset of the DAM (outside it, or with `.`/`..`).
pub fn not_an_asset_path(path: &str) -> CallError {
    CallError::Aem(AemError::RefusedUrl(Text::new(
        "aem-not-an-asset-path",
        vec![("path", path.into())],
    )))
}

/// The refusal of a path holding a control character, before any URL is built of it (the `url`
/// crate would drop a tab, LF or CR, so `.\t.` would name the parent folder).
pub fn control_in_path(path: &str) -> CallError {
    CallError::Aem(AemError::RefusedUrl(Text::new(
        "aem-path-control-character",
        vec![("path", metadesk_base::i18n::controls_shown(path).into())],
    )))
}

/// Refuses `segments` going into a URL when one holds a control character or is `.` or `..`.
pub(crate) fn check_segments<'a>(
    path: &str,
    segments: impl IntoIterator<Item = &'a str>,
) -> Result<(), CallError> {
    for segment in segments {
        if asset_path::has_control(segment) {
            return Err(control_in_path(path));
        }
        if !asset_path::sendable_segment(segment) {
            return Err(not_an_asset_path(path));
        }
    }
    Ok(())
}

/// `a/b c` → the path segments after `/content/dam`, or an error for paths outside the DAM
/// and for a segment that would not reach AEM as written ([`check_segments`]).
pub(crate) fn dam_segments(path: &str) -> Result<Vec<&str>, CallError> {
    let rest = path
        .strip_prefix(DAM_ROOT)
        .filter(|r| r.is_empty() || r.starts_with('/'))
        .ok_or_else(|| not_an_asset_path(path))?;
    let segments: Vec<&str> = rest.split('/').filter(|s| !s.is_empty()).collect();
    check_segments(path, segments.iter().copied())?;
    Ok(segments)
}

/// The `detail` (or `title`) of an RFC 7807 problem body.
pub(crate) fn problem_detail(body: &Value) -> Option<String> {
    body.get("detail")
        .or_else(|| body.get("title"))
        .and_then(Value::as_str)
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every failure of a call, as the folder, search and report messages quote it, reads
    /// whole in French; AEM's own words are quoted as they are.
    #[test]
    fn call_failures_read_in_the_readers_language() {
        use metadesk_base::i18n::checks::assert_reads_french;
        use metadesk_base::i18n::{Lang, Localizer};
        let h = HeaderMap::new();
        let folder = "/content/dam/f";
        let failures = [
            status_error(429, &h, String::new()),
            status_error(403, &h, "Zugriff verweigert".into()),
            status_error(404, &h, String::new()),
            status_error(412, &h, String::new()),
            status_error(500, &h, "Erreur".into()),
            status_error(400, &h, "Fehler".into()),
            not_an_asset_path("/etc/passwd"),
            search::parse_page(&serde_json::json!({"success": true})).unwrap_err(),
            search::parse_page(&serde_json::json!({"success": false})).unwrap_err(),
            open_search::parse_answer(&serde_json::json!({})).unwrap_err(),
            open_search::parse_answer(&serde_json::json!({"hits": [{}]})).unwrap_err(),
            folders_api::parse_page(&serde_json::json!({}), folder).unwrap_err(),
            folders_api::parse_page(&serde_json::json!({"children": [{}]}), folder).unwrap_err(),
            classic::parse_listing(
                folder,
                0,
                10,
                &serde_json::json!({"entities": [{"properties": {"name": ".."}}]}),
            )
            .unwrap_err(),
        ];
        let fr = Localizer::new(Lang::Fr);
        for failure in &failures {
            let french = failure.text().localized(&fr);
            assert_reads_french(&french);
            assert_eq!(
                failure.to_string(),
                failure.text().localized(&Localizer::english())
            );
        }
        assert_eq!(failures[4].to_string(), "AEM answered 500 (Erreur)");
        assert_eq!(
            failures[4].text().localized(&fr),
            "AEM a répondu 500 (Erreur)"
        );
        let listing = failures[13].text().localized(&fr);
        assert!(
            listing.contains(
                "la liste de /content/dam/f contient un élément dont le nom désigne le dossier \
                 parent ou le dossier lui-même (..)\u{202f}; Metadesk"
            ),
            "{listing}"
        );
    }

    /// An HTML error page (AEM's, a proxy's) is told by its status and title, never shown;
    /// an answer that says nothing is told by its status alone.
    #[tokio::test]
    async fn an_error_page_is_told_by_its_title() {
        use metadesk_base::i18n::{Lang, Localizer};
        let answer = |status: u16, body: &'static str| {
            reqwest::Response::from(
                http::Response::builder()
                    .status(status)
                    .header("Content-Type", "text/html")
                    .body(body)
                    .unwrap(),
            )
        };
        let page = "<!DOCTYPE html>\n<html><head><title>400 Bad Request</title></head>\n\
                    <body><h1>Bad Request</h1><p>Your browser sent a request</p></body></html>";
        let en = Localizer::english();
        let fr = Localizer::new(Lang::Fr);
        let said = |status, body| async move {
            json_or_error(answer(status, body), problem_detail)
                .await
                .unwrap_err()
                .text()
        };
        assert_eq!(
            said(400, page).await.localized(&en),
            "AEM answered 400: Bad Request"
        );
        let untitled = "<html><body><h1>Forbidden</h1></body></html>";
        assert_eq!(said(400, untitled).await.localized(&en), "AEM answered 400");
        assert_eq!(
            said(400, untitled).await.localized(&fr),
            "AEM a répondu 400"
        );
        assert_eq!(
            said(403, untitled).await.localized(&en),
            "AEM refused the change (403)"
        );
        assert_eq!(
            said(502, untitled).await.localized(&fr),
            "AEM a répondu 502"
        );
        assert_eq!(
            said(500, page).await.localized(&en),
            "AEM answered 500 (400 Bad Request)"
        );
    }

    /// A JSON error answer is told by the message its API's shape holds (`core/response`'s
    /// `status.message` for the Assets HTTP API), and by its status alone when it holds none:
    /// never quoted as JSON text. Seen failing with an upload's folder refused in words that
    /// quoted `{"class":"core/response","properties":{"location":…`.
    #[tokio::test]
    async fn a_json_error_answer_is_told_by_its_message_never_as_json() {
        use metadesk_base::i18n::Localizer;
        let answer = |status: u16, body: &str| {
            reqwest::Response::from(
                http::Response::builder()
                    .status(status)
                    .header("Content-Type", "application/json")
                    .body(body.to_owned())
                    .unwrap(),
            )
        };
        let en = &Localizer::english();
        let core = r#"{"class":"core/response","properties":{"path":"/api/assets/f","location":"/api/assets/f.json","status.code":500,"status.message":"Repository is read-only"}}"#;
        let said = |body: &'static str, detail: fn(&Value) -> Option<String>| async move {
            json_or_error(answer(500, body), detail)
                .await
                .unwrap_err()
                .text()
                .localized(en)
        };
        assert_eq!(
            said(core, crate::classic::siren_detail).await,
            "AEM answered 500 (Repository is read-only)"
        );
        // An API whose shape is not this one's: the status alone.
        assert_eq!(said(core, problem_detail).await, "AEM answered 500");
        assert_eq!(
            said(r#"{"unexpected":[1,2]}"#, problem_detail).await,
            "AEM answered 500"
        );
    }

    #[test]
    fn statuses_are_classified() {
        let h = HeaderMap::new();
        assert!(matches!(
            status_error(429, &h, String::new()),
            CallError::Throttled { .. }
        ));
        assert!(matches!(
            status_error(406, &h, String::new()),
            CallError::Throttled { .. }
        ));
        assert!(matches!(
            status_error(503, &h, String::new()),
            CallError::Throttled { .. }
        ));
        assert!(matches!(
            status_error(500, &h, String::new()),
            CallError::Transient(_)
        ));
        assert!(matches!(
            status_error(403, &h, String::new()),
            CallError::Forbidden(_)
        ));
        assert_eq!(status_error(404, &h, String::new()), CallError::NotFound);
        assert_eq!(status_error(412, &h, String::new()), CallError::Conflict);
        assert!(matches!(
            status_error(400, &h, String::new()),
            CallError::Rejected { .. }
        ));
    }

    #[test]
    fn dam_paths_are_split() {
        assert_eq!(
            dam_segments("/content/dam/a/b c").unwrap(),
            vec!["a", "b c"]
        );
        assert!(dam_segments("/content/dam").unwrap().is_empty());
        assert!(dam_segments("/content/damx/a").is_err());
        assert!(dam_segments("/etc/a").is_err());
    }
}
