//! The classic Assets HTTP API: Siren folder listings at `/api/assets/{path}.json` paged with
//! `offset`/`limit` and `srn:paging`, full metadata at `{path}/jcr:content/metadata.json`, and
//! `PUT /api/assets/{path}` with `{"class":"asset","properties":{"metadata/dc:rights":…}}`
//! (<https://experienceleague.adobe.com/en/docs/experience-manager-cloud-service/content/assets/admin/mac-api-assets>).
//!
//! Not here: the OpenAPI family (`openapi.rs`), which still uses [`ClassicAssets`] to list
//! folders and look up `jcr:uuid`, as no OpenAPI endpoint lists a folder's assets.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use reqwest::Method;
use reqwest::header::{ACCEPT, CONTENT_TYPE};
use serde_json::Value;
use url::Url;

use crate::batch::{self, AssetWrite};
use crate::publication::{self, Agent, Publication, Publications, Replication};
use crate::search::{self, SearchPage};
use crate::tag_names::{check_tag_command, check_tag_post};
use crate::{AssetRef, AssetsApi, CallError, Current, Page, Write, dam_segments, json_or_error};
use metadesk_base::i18n::Text;
use metadesk_clients::aem::AemClient;
use metadesk_clients::aem::AemError;
use metadesk_clients::aem::auth::BoxFuture;
use metadesk_credentials::credentials::ApiFamily;

/// Namespaces whose properties the Assets HTTP API copies into listing entries (it exposes a
/// hard-coded subset: <https://experienceleague.adobe.com/en/docs/experience-manager-cloud-service/content/assets/admin/mac-api-assets>).
/// `dc:title`/`dc:description` are excluded: the API maps them from `jcr:title`/`jcr:description`,
/// not from the metadata node.
const LISTED_NAMESPACES: &[&str] = &["dc:", "xmp:", "tiff:"];

/// Whether a value of `property` in a classic listing entry is the one stored on the metadata
/// node. Which properties an entry includes is not documented (UNCONFIRMED), so an absent one
/// does not mean "not set".
pub fn listing_carries(property: &str) -> bool {
    property != "dc:title"
        && property != "dc:description"
        && LISTED_NAMESPACES.iter().any(|ns| property.starts_with(ns))
}

/// How long a CSRF token from `/libs/granite/csrf/token.json` is used before a new one is
/// asked for (its lifetime is UNCONFIRMED; Granite's tokens have lasted about ten minutes).
const CSRF_TOKEN_FOR: Duration = Duration::from_secs(240);

/// The CSRF token batch writes send, and when it was fetched; `None` inside when AEM has no
/// token endpoint (the POSTs then go without one).
type CsrfCache = Arc<tokio::sync::Mutex<Option<(Option<String>, Instant)>>>;

/// The classic Assets HTTP API of one connection.
#[derive(Clone)]
pub struct ClassicAssets {
    pub(super) client: AemClient,
    csrf: CsrfCache,
}

type FormFields = Vec<(String, String)>;

impl ClassicAssets {
    pub fn new(client: AemClient) -> Self {
        ClassicAssets {
            client,
            csrf: CsrfCache::default(),
        }
    }

    /// The CSRF token to send (AEM may require one on authenticated POSTs,
    /// <https://experienceleague.adobe.com/docs/experience-manager-learn/cloud-service/developing/advanced/csrf-protection.html>;
    /// sending one never hurts), fetched once
    /// every few minutes; `None` where AEM has no token endpoint (404/403).
    pub(crate) async fn csrf_token(&self) -> Result<Option<String>, CallError> {
        let mut cached = self.csrf.lock().await;
        if let Some((token, at)) = cached.as_ref()
            && at.elapsed() < CSRF_TOKEN_FOR
        {
            return Ok(token.clone());
        }
        let url = self
            .client
            .url("/libs/granite/csrf/token.json")
            .map_err(CallError::from_aem)?;
        let token = match self.get_json(url).await {
            Ok(body) => body.get("token").and_then(Value::as_str).map(str::to_owned),
            Err(CallError::NotFound | CallError::Forbidden(_)) => None,
            Err(e) => return Err(e),
        };
        *cached = Some((token.clone(), Instant::now()));
        Ok(token)
    }

    /// One check of many assets (`GET /bin/querybuilder.json`, exact paths, selective hits).
    async fn check(
        &self,
        paths: &[&str],
        properties: &[String],
    ) -> Result<batch::Checked, CallError> {
        let page = self.query(&batch::check_query(paths, properties)).await?;
        Ok(batch::checked_values(&page.hits))
    }

    /// One check of whole folders (`GET /bin/querybuilder.json`, `path.flat`, selective hits),
    /// with where each asset stands on `states`' tier when asked (its `jcr:content`'s
    /// replication properties beside the metadata's in the same hits).
    async fn check_folders_once(
        &self,
        folders: &[&str],
        properties: &[String],
        limit: usize,
        states: Option<Agent>,
    ) -> Result<(batch::FolderCheck, Publications), CallError> {
        let limit = limit.clamp(1, batch::MAX_FOLDER_CHECK_HITS);
        let mut query = batch::folder_check_query(folders, properties, limit);
        if let Some(agent) = states
            && let Some((_, wanted)) = query.iter_mut().find(|(k, _)| k == "p.properties")
        {
            wanted.push(' ');
            wanted.push_str(&publication::state_properties(agent));
        }
        let page = self.query(&query).await?;
        let checked = batch::folder_check_of(&page.hits, page.total, page.more, limit);
        let found = states.map_or_else(Publications::default, |agent| {
            publication::publications_of(&page.hits, agent)
        });
        Ok((checked, found))
    }

    /// One Sling POST on `folder` writing `assets` (one commit), its answer checked.
    async fn post_batch(
        &self,
        folder: &str,
        assets: &[AssetWrite],
    ) -> Result<batch::Written, CallError> {
        let (form, parameters) = batch::write_form(assets);
        // The engine cuts its batches to fit; a form that does not is never sent, as Sling
        // would drop its last parameters without saying so.
        if !batch::form_fits(parameters - 1, form.len() - "_charset_=utf-8".len()) {
            return Err(CallError::Rejected {
                status: 413,
                detail: Text::new(
                    "assets-batch-too-large",
                    vec![("parameters", (parameters as f64).into())],
                ),
            });
        }
        let body = self.sling_post(folder, form).await?;
        Ok(batch::confirmed(folder, assets, &body))
    }

    /// POSTs `fields` (UTF-8, as `_charset_` says) to a servlet that answers a status page
    /// (the tag servlet, a Sling POST to a tag): only its status is read.
    pub(crate) async fn post_for_status(
        &self,
        url: Url,
        fields: FormFields,
    ) -> Result<(), CallError> {
        self.post_status(url, fields).await.map(drop)
    }

    /// [`ClassicAssets::post_for_status`], telling which success AEM answered (a 202 is a
    /// job accepted, not a change done).
    pub(crate) async fn post_status(&self, url: Url, fields: FormFields) -> Result<u16, CallError> {
        let form = url::form_urlencoded::Serializer::new(String::new())
            .append_pair("_charset_", "utf-8")
            .extend_pairs(fields)
            .finish();
        let response = self.send_form(url, form, false).await?;
        let status = response.status();
        if status.is_success() {
            return Ok(status.as_u16());
        }
        json_or_error(response, batch::sling_detail)
            .await
            .map(|_| status.as_u16())
    }

    /// A Sling POST of `form` on `folder` as a batch write sends it (JSON answer, the CSRF
    /// token when AEM issues one): its JSON answer, or the refusal.
    pub(crate) async fn sling_post(&self, folder: &str, form: String) -> Result<Value, CallError> {
        let url = self.dam_url(&["content", "dam"], folder, "")?;
        self.post_form(url, form).await
    }

    /// POSTs `form` to `url` as AEM's own forms do (JSON answer, the CSRF token when AEM
    /// issues one): its JSON answer, or the refusal in Sling's words.
    async fn post_form(&self, url: Url, form: String) -> Result<Value, CallError> {
        let response = self.send_form(url, form, true).await?;
        let (body, _) = json_or_error(response, batch::sling_detail).await?;
        Ok(body)
    }

    /// Sends `form` (URL-encoded, UTF-8) to `url` with the CSRF token when AEM issues one,
    /// asking for JSON when `json`; the answer unread.
    async fn send_form(
        &self,
        url: Url,
        form: String,
        json: bool,
    ) -> Result<reqwest::Response, CallError> {
        let token = self.csrf_token().await?;
        self.client
            .send(Method::POST, url, |r| {
                let r = r
                    .header(
                        CONTENT_TYPE,
                        "application/x-www-form-urlencoded;charset=UTF-8",
                    )
                    .body(form.clone());
                let r = if json {
                    r.header(ACCEPT, "application/json")
                } else {
                    r
                };
                match &token {
                    Some(t) => r.header("CSRF-Token", t.as_str()),
                    None => r,
                }
            })
            .await
            .map_err(CallError::from_aem)
    }

    /// `{base}/{prefix}/{dam segments…}{suffix}` with each segment percent-encoded.
    pub(crate) fn dam_url(
        &self,
        prefix: &[&str],
        path: &str,
        suffix: &str,
    ) -> Result<Url, CallError> {
        let segments = dam_segments(path)?;
        let mut url = self.client.url("/").map_err(CallError::from_aem)?;
        {
            let mut parts = url.path_segments_mut().map_err(|()| CallError::Rejected {
                status: 0,
                detail: Text::plain("assets-no-path"),
            })?;
            parts.clear();
            parts.extend(prefix);
            match segments.split_last() {
                Some((last, rest)) => {
                    parts.extend(rest);
                    parts.push(&format!("{last}{suffix}"));
                }
                None => {
                    // The DAM root itself: `/api/assets.json`.
                    parts.pop();
                    let last = prefix.last().copied().unwrap_or_default();
                    parts.push(&format!("{last}{suffix}"));
                }
            }
        }
        Ok(url)
    }

    async fn get_json(&self, url: Url) -> Result<Value, CallError> {
        let response = self
            .client
            .send(Method::GET, url, |r| r)
            .await
            .map_err(CallError::from_aem)?;
        Ok(json_or_error(response, siren_detail).await?.0)
    }

    async fn list_page(&self, folder: &str, offset: u64, limit: u64) -> Result<Page, CallError> {
        let mut url = self.dam_url(&["api", "assets"], folder, ".json")?;
        url.query_pairs_mut()
            .append_pair("offset", &offset.to_string())
            .append_pair("limit", &limit.to_string());
        let body = self.get_json(url).await?;
        parse_listing(folder, offset, limit, &body)
    }

    /// One QueryBuilder page (`GET /bin/querybuilder.json`,
    /// <https://experienceleague.adobe.com/en/docs/experience-manager-cloud-service/content/implementing/developing/full-stack/search/query-builder-api>).
    pub async fn query(&self, params: &[(String, String)]) -> Result<SearchPage, CallError> {
        let mut url = self
            .client
            .url("/bin/querybuilder.json")
            .map_err(CallError::from_aem)?;
        url.query_pairs_mut().extend_pairs(params);
        let response = self
            .client
            .send(Method::GET, url, |r| r)
            .await
            .map_err(CallError::from_aem)?;
        let (body, _) = json_or_error(response, search::error_message)
            .await
            .map_err(|e| match e {
                // The traversal stop is a 500 (UNCONFIRMED) that no retry will change.
                CallError::Transient(detail)
                    if detail.to_string().contains("traversed more than") =>
                {
                    CallError::Rejected {
                        status: 500,
                        detail,
                    }
                }
                other => other,
            })?;
        search::parse_page(&body)
    }

    /// `jcr:uuid` of the asset at `path`, from its repository JSON.
    pub async fn uuid(&self, path: &str) -> Result<Option<String>, CallError> {
        let url = self.dam_url(&["content", "dam"], path, ".json")?;
        let body = self.get_json(url).await?;
        Ok(body
            .get("jcr:uuid")
            .and_then(Value::as_str)
            .map(str::to_owned))
    }

    async fn read_metadata(&self, path: &str) -> Result<Current, CallError> {
        let mut url = self.dam_url(&["content", "dam"], path, "")?;
        if let Ok(mut parts) = url.path_segments_mut() {
            parts.push("jcr:content").push("metadata.json");
        }
        let body = self.get_json(url).await?;
        match body {
            Value::Object(metadata) => Ok(Current {
                metadata,
                etag: None,
            }),
            _ => Err(CallError::Rejected {
                status: 200,
                detail: Text::plain("assets-metadata-not-object"),
            }),
        }
    }

    /// `GET {asset}/jcr:content.json` (the Sling JSON of the asset's content node, its own
    /// properties only): its `jcr:lastModified`, in either of the forms AEM writes.
    async fn read_last_modified(&self, path: &str) -> Result<Option<String>, CallError> {
        let mut url = self.dam_url(&["content", "dam"], path, "")?;
        if let Ok(mut parts) = url.path_segments_mut() {
            parts.push("jcr:content.json");
        }
        let body = self.get_json(url).await?;
        Ok(body
            .get("jcr:lastModified")
            .and_then(Value::as_str)
            .and_then(metadesk_base::timefmt::parse_aem_time)
            .map(metadesk_base::timefmt::rfc3339))
    }
}

impl ClassicAssets {
    /// The publication of many assets on `agent`'s tier in one QueryBuilder request.
    async fn publications(&self, paths: &[&str], agent: Agent) -> Result<Publications, CallError> {
        let page = self.query(&publication::state_query(paths, agent)).await?;
        Ok(publication::publications_of(&page.hits, agent))
    }

    /// One asset's publication, read from its `jcr:content.json` (the repository, not the
    /// index).
    async fn publication(&self, path: &str, agent: Agent) -> Result<Publication, CallError> {
        let content = self.node(&format!("{path}/jcr:content"), "").await?;
        Ok(Publication::from_content(&content, agent))
    }

    /// `POST /bin/replicate.json`: replicates `paths` (at most [`publication::MAX_PATHS`]) in one request,
    /// with the CSRF token when AEM issues one.
    async fn replicate(
        &self,
        replication: Replication,
        agent: Agent,
        paths: &[&str],
    ) -> Result<(), CallError> {
        let form = publication::replicate_form(replication, agent, paths);
        let url = self
            .client
            .url("/bin/replicate.json")
            .map_err(CallError::from_aem)?;
        self.post_form(url, form).await.map(drop)
    }
}

/// The `status.message` of a `core/response` error body.
pub(crate) fn siren_detail(body: &Value) -> Option<String> {
    body.pointer("/properties/status.message")
        .and_then(Value::as_str)
        .map(str::to_owned)
}

pub use crate::classic_listing::parse_listing;

impl AssetsApi for ClassicAssets {
    fn family(&self) -> ApiFamily {
        ApiFamily::Classic
    }

    fn uploads(&self) -> Option<&ClassicAssets> {
        Some(self)
    }

    fn list<'a>(
        &'a self,
        folder: &'a str,
        offset: u64,
        limit: u64,
    ) -> BoxFuture<'a, Result<Page, CallError>> {
        Box::pin(self.list_page(folder, offset, limit))
    }

    fn resolve_id<'a>(
        &'a self,
        _path: &'a str,
    ) -> BoxFuture<'a, Result<Option<String>, CallError>> {
        Box::pin(async { Ok(None) })
    }

    fn read<'a>(&'a self, asset: &'a AssetRef) -> BoxFuture<'a, Result<Current, CallError>> {
        Box::pin(self.read_metadata(&asset.path))
    }

    fn last_modified<'a>(
        &'a self,
        asset: &'a AssetRef,
    ) -> BoxFuture<'a, Result<Option<String>, CallError>> {
        Box::pin(self.read_last_modified(&asset.path))
    }

    fn write<'a>(
        &'a self,
        asset: &'a AssetRef,
        writes: &'a [Write],
        _if_match: Option<&'a str>,
    ) -> BoxFuture<'a, Result<Option<String>, CallError>> {
        Box::pin(async move { self.write_one(&asset.path, writes).await.map(|()| None) })
    }

    fn listing_carries(&self, property: &str) -> bool {
        listing_carries(property)
    }

    /// The whole taxonomy: the namespaces, then each namespace's tree. Sling refuses renders
    /// too large for it (300), so the taxonomy is never asked for in one piece, and a
    /// namespace too large is read in parts (`sling_tree.rs`).
    fn tags(&self) -> BoxFuture<'_, Result<Vec<super::tags::Tag>, CallError>> {
        Box::pin(async move {
            let root_url = self
                .client
                .url(&format!("{}.1.json", super::tags::TAGS_ROOT))
                .map_err(CallError::from_aem)?;
            let mut root = self.get_json(root_url).await?;
            let namespaces: Vec<String> = root
                .as_object()
                .into_iter()
                .flatten()
                .filter(|(_, v)| v.as_object().is_some_and(super::tags::is_live_tag))
                .map(|(k, _)| k.clone())
                .collect();
            for ns in namespaces {
                root[&ns] = self
                    .tree(&format!("{}/{ns}", super::tags::TAGS_ROOT))
                    .await?;
            }
            Ok(super::tags::tags_of_tree(&root))
        })
    }

    fn tag_command<'a>(
        &'a self,
        fields: &'a [(&'a str, &'a str)],
    ) -> BoxFuture<'a, Result<(), CallError>> {
        Box::pin(async move {
            check_tag_command(fields).map_err(refused_before_sending)?;
            let url = self
                .client
                .url("/bin/tagcommand")
                .map_err(CallError::from_aem)?;
            let fields = fields
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()));
            self.post_for_status(url, fields.collect()).await
        })
    }

    fn tag_pages<'a>(&'a self, path: &'a str) -> BoxFuture<'a, Result<Vec<String>, CallError>> {
        Box::pin(async move {
            let url = self
                .client
                .url("/bin/tagcommand")
                .map_err(CallError::from_aem)?;
            let form = url::form_urlencoded::Serializer::new(String::new())
                .append_pair("_charset_", "utf-8")
                .append_pair("cmd", "list")
                .append_pair("path", path)
                .finish();
            let answer = self.post_form(url, form).await?;
            super::tags::pages_of(&answer).ok_or(CallError::Rejected {
                status: 200,
                detail: Text::plain("assets-tag-pages-not-list"),
            })
        })
    }

    fn references<'a>(
        &'a self,
        paths: &'a [&'a str],
    ) -> BoxFuture<'a, Result<Vec<super::references::PageUse>, CallError>> {
        Box::pin(async move {
            let mut url = self
                .client
                .url("/bin/wcm/references.json")
                .map_err(CallError::from_aem)?;
            url.query_pairs_mut()
                .extend_pairs(super::references::query(paths));
            let answer = self.get_json(url).await?;
            super::references::pages_of(&answer, paths).ok_or(CallError::Rejected {
                status: 200,
                detail: Text::plain("assets-references-not-list"),
            })
        })
    }

    fn tag_properties<'a>(
        &'a self,
        path: &'a str,
        properties: &'a [(&'a str, Option<&'a str>)],
    ) -> BoxFuture<'a, Result<(), CallError>> {
        Box::pin(async move {
            if !path.starts_with(&format!("{}/", super::tags::TAGS_ROOT)) {
                return Err(CallError::NotFound);
            }
            check_tag_post(path, properties.iter().map(|(name, _)| *name))
                .map_err(refused_before_sending)?;
            let url = self.client.url(path).map_err(CallError::from_aem)?;
            let fields = properties.iter().map(|(name, value)| match value {
                Some(v) => ((*name).to_owned(), (*v).to_owned()),
                None => (format!("{name}@Delete"), String::new()),
            });
            self.post_for_status(url, fields.collect()).await
        })
    }

    fn node_json<'a>(
        &'a self,
        path: &'a str,
        selector: &'a str,
    ) -> BoxFuture<'a, Result<Value, CallError>> {
        Box::pin(self.node(path, selector))
    }

    fn can_search(&self) -> bool {
        true
    }

    fn batches(&self) -> bool {
        true
    }

    fn check_many<'a>(
        &'a self,
        paths: &'a [&'a str],
        properties: &'a [String],
    ) -> BoxFuture<'a, Result<batch::Checked, CallError>> {
        Box::pin(self.check(paths, properties))
    }

    fn prepare_writes(&self) -> BoxFuture<'_, Result<(), CallError>> {
        Box::pin(async move { self.csrf_token().await.map(drop) })
    }

    fn write_many<'a>(
        &'a self,
        folder: &'a str,
        assets: &'a [AssetWrite],
    ) -> BoxFuture<'a, Result<batch::Written, CallError>> {
        Box::pin(self.post_batch(folder, assets))
    }

    fn check_folders<'a>(
        &'a self,
        folders: &'a [&'a str],
        properties: &'a [String],
        limit: usize,
    ) -> BoxFuture<'a, Result<batch::FolderCheck, CallError>> {
        Box::pin(async move {
            let (checked, _) = self
                .check_folders_once(folders, properties, limit, None)
                .await?;
            Ok(checked)
        })
    }

    fn check_folders_with_states<'a>(
        &'a self,
        folders: &'a [&'a str],
        properties: &'a [String],
        agent: Agent,
        limit: usize,
    ) -> BoxFuture<'a, Result<(batch::FolderCheck, Publications), CallError>> {
        Box::pin(self.check_folders_once(folders, properties, limit, Some(agent)))
    }

    fn search<'a>(
        &'a self,
        params: &'a [(String, String)],
    ) -> BoxFuture<'a, Result<SearchPage, CallError>> {
        Box::pin(self.query(params))
    }
    fn publishes(&self) -> bool {
        true
    }

    fn publications<'a>(
        &'a self,
        paths: &'a [&'a str],
        agent: Agent,
    ) -> BoxFuture<'a, Result<Publications, CallError>> {
        Box::pin(ClassicAssets::publications(self, paths, agent))
    }

    fn publications_in_folders<'a>(
        &'a self,
        folders: &'a [&'a str],
        agent: Agent,
        limit: usize,
    ) -> BoxFuture<'a, Result<(Publications, bool), CallError>> {
        Box::pin(async move {
            let limit = limit.clamp(1, batch::MAX_FOLDER_CHECK_HITS);
            let query = publication::folder_state_query(folders, agent, limit);
            let page = self.query(&query).await?;
            let complete = page.hits.len() < limit && !page.more;
            Ok((publication::publications_of(&page.hits, agent), complete))
        })
    }

    fn publication<'a>(
        &'a self,
        path: &'a str,
        agent: Agent,
    ) -> BoxFuture<'a, Result<Publication, CallError>> {
        Box::pin(ClassicAssets::publication(self, path, agent))
    }

    fn metadata_codes<'a>(
        &'a self,
        paths: &'a [&'a str],
    ) -> BoxFuture<'a, Result<HashMap<String, String>, CallError>> {
        Box::pin(ClassicAssets::metadata_codes(self, paths))
    }

    fn replicate<'a>(
        &'a self,
        replication: Replication,
        agent: Agent,
        paths: &'a [&'a str],
    ) -> BoxFuture<'a, Result<(), CallError>> {
        Box::pin(ClassicAssets::replicate(self, replication, agent, paths))
    }
}

/// A request refused before anything is sent, with its reason: a tag id or tag property
/// (`tag_names`), a move (`moves`).
pub(crate) fn refused_before_sending(why: Text) -> CallError {
    CallError::Aem(AemError::RefusedUrl(why))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::EntryKind;
    use serde_json::json;
    use std::sync::Arc;

    use metadesk_clients::aem::{RequestCredentials, StaticAuthorizer};
    use metadesk_credentials::secrets::Secret;

    fn assets() -> ClassicAssets {
        ClassicAssets::new(crate::testing::test_client())
    }

    #[test]
    fn urls_drop_the_dam_prefix_and_encode_names() {
        let a = assets();
        let u = a
            .dam_url(&["api", "assets"], "/content/dam/wknd/a b#1.jpg", ".json")
            .unwrap();
        assert_eq!(
            u.as_str(),
            "http://127.0.0.1:4502/api/assets/wknd/a%20b%231.jpg.json"
        );
        let root = a
            .dam_url(&["api", "assets"], "/content/dam", ".json")
            .unwrap();
        assert_eq!(root.as_str(), "http://127.0.0.1:4502/api/assets.json");
        let uuid = a
            .dam_url(&["content", "dam"], "/content/dam/x/y.png", ".json")
            .unwrap();
        assert_eq!(
            uuid.as_str(),
            "http://127.0.0.1:4502/content/dam/x/y.png.json"
        );
        assert!(a.dam_url(&["api", "assets"], "/etc/x", "").is_err());
    }

    /// Seen failing without the segment check: `url` dropped the tab, so `.\t.` listed the
    /// parent folder (`/api/assets/a.json`) and `node` read `/conf/a`'s parent.
    #[tokio::test]
    async fn a_control_character_never_reaches_a_url() {
        let a = assets();
        for path in [
            "/content/dam/a/.\t./b",
            "/content/dam/a/.\n.",
            "/content/dam/a/x\ry.jpg",
            "/content/dam/a/x\u{7f}.jpg",
        ] {
            let err = a.dam_url(&["api", "assets"], path, ".json").unwrap_err();
            assert!(
                err.to_string().contains("holds a control character"),
                "{path:?}: {err}"
            );
        }
        let err = a
            .dam_url(&["api", "assets"], "/content/dam/a/.\t./b", ".json")
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "/content/dam/a/.\\t./b holds a control character (a tab or a line break, shown as \
             \\t or \\n): Metadesk sends no such path to AEM, which would read it as another one."
        );
        let err = a.node("/conf/a/.\t./b", "").await.unwrap_err();
        assert!(
            err.to_string().contains("holds a control character"),
            "{err}"
        );
    }

    #[test]
    fn listing_pages_sort_entities_and_follow_paging() {
        let body = json!({
            "properties": {"srn:paging": {"total": 5, "offset": 0, "limit": 3}},
            "entities": [
                {"class": ["assets/folder"], "properties": {"name": "sub"}},
                {"class": ["assets/asset"], "properties": {"name": "a.jpg", "metadata": {"dc:format": "image/jpeg"}}},
                {"class": ["assets/asset"], "properties": {"name": "cf", "contentFragment": true}},
                {"class": ["other"], "properties": {"name": "odd"}},
            ]
        });
        let page = parse_listing("/content/dam/f/", 0, 3, &body).unwrap();
        let kinds: Vec<_> = page
            .entries
            .iter()
            .map(|e| (e.path.as_str(), e.kind))
            .collect();
        assert_eq!(
            kinds,
            vec![
                ("/content/dam/f/sub", EntryKind::Folder),
                ("/content/dam/f/a.jpg", EntryKind::Asset),
                ("/content/dam/f/cf", EntryKind::ContentFragment),
            ]
        );
        assert_eq!(
            page.entries[1].metadata.as_ref().unwrap()["dc:format"],
            "image/jpeg"
        );
        assert_eq!(page.total, Some(5));
        assert_eq!(page.next_offset, Some(4));
        let last = parse_listing(
            "/content/dam/f",
            4,
            3,
            &json!({"properties": {"srn:paging": {"total": 5}}, "entities": [{"class": ["assets/asset"], "properties": {"name": "z"}}]}),
        )
        .unwrap();
        assert_eq!(last.next_offset, None);
    }

    fn assets_named(names: &[&str]) -> Value {
        let entities: Vec<Value> = names
            .iter()
            .map(|n| json!({"class": ["assets/asset"], "properties": {"name": n, "metadata": {"dc:rights": "R"}}}))
            .collect();
        json!({ "entities": entities })
    }

    #[test]
    fn without_a_total_pages_are_followed_to_an_empty_one() {
        let next = |offset, limit, body: &Value| {
            parse_listing(F, offset, limit, body).unwrap().next_offset
        };
        // No srn:paging at all.
        assert_eq!(
            next(0, 3, &assets_named(&["a", "b", "c"])),
            Some(3),
            "full page"
        );
        // A short page may be a server's silent cap, not the end: one more page tells.
        assert_eq!(
            next(3, 3, &assets_named(&["d", "e"])),
            Some(5),
            "short page"
        );
        assert_eq!(next(5, 3, &assets_named(&[])), None, "empty page");
        assert_eq!(
            next(0, 3, &assets_named(&["a", "b", "c", "d"])),
            None,
            "more than asked for: the server does not page"
        );
        // srn:paging without a total: the server's own page size counts.
        let mut capped = assets_named(&["a", "b"]);
        capped["properties"] = json!({"srn:paging": {"offset": 0, "limit": 2}});
        assert_eq!(next(0, 100, &capped), Some(2));
        capped["properties"] = json!({"srn:paging": {"offset": 0, "limit": 5}});
        assert_eq!(
            next(0, 100, &capped),
            Some(2),
            "short of its own size: may be capped"
        );
        // A total is believed over the page size.
        let mut totalled = assets_named(&["a", "b", "c"]);
        totalled["properties"] = json!({"srn:paging": {"total": 3, "offset": 0, "limit": 3}});
        assert_eq!(next(0, 3, &totalled), None);
        totalled["properties"] = json!({"srn:paging": {"total": 9}});
        assert_eq!(next(0, 3, &totalled), Some(3));
    }

    #[test]
    fn an_empty_page_before_the_total_is_an_error() {
        let paged = |names: &[&str], total: u64, limit: u64| {
            let mut body = assets_named(names);
            body["properties"] = json!({"srn:paging": {"total": total, "limit": limit}});
            body
        };
        for (offset, body) in [
            (3, paged(&[], 9, 3)),
            (0, {
                let mut b = assets_named(&[]);
                b["properties"] = json!({"srn:paging": {"total": 4}});
                b
            }),
        ] {
            let err = parse_listing(F, offset, 3, &body).unwrap_err();
            assert!(matches!(err, CallError::Transient(_)), "{err:?}");
            assert!(err.to_string().contains("stopped early"), "{err}");
        }
        // The last page may be short.
        assert_eq!(
            parse_listing(F, 6, 3, &paged(&["g", "h"], 8, 3))
                .unwrap()
                .next_offset,
            None
        );
    }

    #[test]
    fn a_short_page_while_more_remain_is_followed_from_the_number_received() {
        // A server that caps its pages at 2 without saying so, asked for 3 at a time.
        let paged = |names: &[&str], total: u64, limit: Option<u64>| {
            let mut body = assets_named(names);
            body["properties"] = match limit {
                Some(limit) => json!({"srn:paging": {"total": total, "limit": limit}}),
                None => json!({"srn:paging": {"total": total}}),
            };
            body
        };
        for limit in [Some(3), None] {
            let first = parse_listing(F, 0, 3, &paged(&["a", "b"], 5, limit)).unwrap();
            assert_eq!(first.next_offset, Some(2), "{limit:?}");
            let second = parse_listing(F, 2, 3, &paged(&["c", "d"], 5, limit)).unwrap();
            assert_eq!(second.next_offset, Some(4));
            let last = parse_listing(F, 4, 3, &paged(&["e"], 5, limit)).unwrap();
            assert_eq!(last.next_offset, None);
        }
    }

    #[test]
    fn names_that_would_leave_the_folder_are_refused() {
        for bad in [
            "..",
            ".",
            "",
            "a/b",
            "../../etc",
            "a\nb",
            "a\u{7}b",
            "x\u{0}",
        ] {
            let err = parse_listing(F, 0, 3, &assets_named(&[bad])).unwrap_err();
            assert!(
                matches!(err, CallError::Rejected { .. }) && err.to_string().contains("name"),
                "{bad:?}: {err}"
            );
        }
        let fine = parse_listing(F, 0, 3, &assets_named(&["a..b.jpg", "é è.png"])).unwrap();
        assert_eq!(fine.entries[0].path, "/content/dam/f/a..b.jpg");
    }

    fn client_of(base: &str) -> AemClient {
        let auth = StaticAuthorizer::new(
            RequestCredentials::Bearer {
                token: Secret::new("t"),
                api_key: None,
            },
            "x",
        );
        AemClient::new(
            metadesk_clients::aem::client::build_http_client().unwrap(),
            base,
            Arc::new(auth),
        )
        .unwrap()
    }

    /// A listing answer that never ends is refused after the cap.
    #[tokio::test]
    async fn an_endless_listing_is_refused() {
        let (base, server) = metadesk_clients::aem::body::endless_body_server(
            metadesk_clients::aem::body::MAX_AEM_BODY + (4 << 20),
        )
        .await;
        let err = ClassicAssets::new(client_of(&base))
            .list(F, 0, 2)
            .await
            .unwrap_err();
        assert!(matches!(err, CallError::Rejected { .. }), "{err:?}");
        assert!(err.to_string().contains("larger than 32 MB"), "{err}");
        server.abort();
    }

    const F: &str = "/content/dam/f";

    #[test]
    fn listing_carries_only_mapped_namespaces() {
        assert!(listing_carries("dc:rights"));
        assert!(listing_carries("xmp:CreatorTool"));
        assert!(!listing_carries("dc:title"));
        assert!(!listing_carries("cq:tags"));
        assert!(!listing_carries("xmpRights:UsageTerms"));
    }
}
