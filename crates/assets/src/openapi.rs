//! The OpenAPI-based Assets Author API: `GET /adobe/assets/{id}/metadata` (with an `ETag`) and
//! `PATCH` of the same URL with an RFC 6902 JSON Patch whose paths are relative to
//! `assetMetadata`, sent with `If-Match` so a concurrent change answers 412
//! (<https://experienceleague.adobe.com/en/docs/experience-manager-learn/cloud-service/aem-apis/openapis/invoke-api-using-oauth-s2s>).
//! `X-Api-Key` comes from the connection's credentials; `X-Adobe-Accept-Experimental: 1` is
//! always sent.
//!
//! Browsing folders goes through the Folders API ([`super::folders_api`]) with the connection's
//! own token. Not here: listing a folder's assets. The Folders API lists child folders only, so
//! listing and the `jcr:uuid` look-up go through a [`ClassicAssets`] (`classic`: the paired
//! connection's, or this connection's own where none is paired).

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use reqwest::Method;
use serde_json::{Value, json};

use crate::{
    AssetRef, AssetsApi, CallError, ClassicAssets, Current, Page, Write, json_or_error,
    problem_detail,
};
use metadesk_base::i18n::Text;
use metadesk_clients::aem::AemClient;
use metadesk_clients::aem::auth::BoxFuture;
use metadesk_credentials::credentials::ApiFamily;

/// The OpenAPI Assets Author API of one connection.
#[derive(Clone)]
pub struct OpenApiAssets {
    client: AemClient,
    classic: ClassicAssets,
    /// `classic` is a classic connection paired with this one (not this one's own token, which
    /// AEM refuses on the classic APIs).
    paired: bool,
    /// Whether this AEM takes the search's parameter only by its name before release 27550, as
    /// learnt from its answers ([`crate::open_search::send`]): a fact of the AEM, so the
    /// clones share it, and it lives as long as the client (one per use case).
    search_old_name: Arc<AtomicBool>,
}

impl OpenApiAssets {
    /// `client` carries the S2S token (and `X-Api-Key`); `classic`, the paired classic
    /// connection, lists folders, reads `jcr:uuid` and searches when the OpenAPI search cannot.
    pub fn new(client: AemClient, classic: ClassicAssets) -> Self {
        OpenApiAssets {
            client,
            classic,
            paired: true,
            search_old_name: Arc::default(),
        }
    }

    /// A connection with no classic connection paired: it finds assets only through the
    /// OpenAPI search (its classic calls go out with its own token, which AEM refuses).
    pub fn unpaired(client: AemClient) -> Self {
        OpenApiAssets {
            classic: ClassicAssets::new(client.clone()),
            client,
            paired: false,
            search_old_name: Arc::default(),
        }
    }

    fn metadata_url(&self, asset: &AssetRef) -> Result<url::Url, CallError> {
        let id = asset.id.as_deref().ok_or_else(|| CallError::Rejected {
            status: 0,
            detail: Text::new(
                "assets-no-asset-id",
                vec![("path", asset.path.as_str().into())],
            ),
        })?;
        crate::check_segments(id, [id])?;
        let mut url = self.client.url("/").map_err(CallError::from_aem)?;
        url.path_segments_mut()
            .map_err(|()| CallError::Rejected {
                status: 0,
                detail: Text::plain("assets-no-path"),
            })?
            .clear()
            .extend(["adobe", "assets", id, "metadata"]);
        Ok(url)
    }

    async fn get(&self, asset: &AssetRef) -> Result<Current, CallError> {
        let url = self.metadata_url(asset)?;
        let response = self
            .client
            .send(Method::GET, url, |r| {
                r.header("X-Adobe-Accept-Experimental", "1")
            })
            .await
            .map_err(CallError::from_aem)?;
        let (body, headers) = json_or_error(response, problem_detail).await?;
        // An answer without `assetMetadata` is not "no metadata": taken as empty, an Append
        // would replace a list with the new value alone.
        let metadata = match body {
            Value::Object(mut object) => match object.remove("assetMetadata") {
                Some(Value::Object(metadata)) => metadata,
                _ => return Err(no_metadata(&asset.path)),
            },
            _ => return Err(no_metadata(&asset.path)),
        };
        let etag = crate::etag_of(&headers);
        Ok(Current { metadata, etag })
    }

    async fn patch(
        &self,
        asset: &AssetRef,
        writes: &[Write],
        if_match: Option<&str>,
    ) -> Result<Option<String>, CallError> {
        let url = self.metadata_url(asset)?;
        let body = json_patch(writes);
        let if_match = if_match.unwrap_or("*");
        let (_, headers) = crate::send_json_patch(&self.client, url, &body, if_match).await?;
        Ok(crate::etag_of(&headers))
    }
}

fn no_metadata(path: &str) -> CallError {
    CallError::Rejected {
        status: 200,
        detail: Text::new("assets-no-metadata", vec![("path", path.into())]),
    }
}

/// RFC 6902 operations: `add` replaces a member of an object (or adds it), `remove` deletes it.
pub fn json_patch(writes: &[Write]) -> Value {
    let ops: Vec<Value> = writes
        .iter()
        .map(|w| {
            // JSON Pointer escaping (RFC 6901): `~` then `/`.
            let path = format!("/{}", w.property.replace('~', "~0").replace('/', "~1"));
            match &w.value {
                Some(value) => json!({"op": "add", "path": path, "value": value}),
                None => json!({"op": "remove", "path": path}),
            }
        })
        .collect();
    Value::Array(ops)
}

impl AssetsApi for OpenApiAssets {
    fn family(&self) -> ApiFamily {
        ApiFamily::OpenApi
    }

    fn list<'a>(
        &'a self,
        folder: &'a str,
        offset: u64,
        limit: u64,
    ) -> BoxFuture<'a, Result<Page, CallError>> {
        self.classic.list(folder, offset, limit)
    }

    fn resolve_id<'a>(&'a self, path: &'a str) -> BoxFuture<'a, Result<Option<String>, CallError>> {
        Box::pin(async move {
            let uuid = self.classic.uuid(path).await?;
            match uuid {
                Some(u) => Ok(Some(format!("urn:aaid:aem:{u}"))),
                None => Err(CallError::Rejected {
                    status: 200,
                    detail: Text::plain("assets-no-uuid"),
                }),
            }
        })
    }

    fn read<'a>(&'a self, asset: &'a AssetRef) -> BoxFuture<'a, Result<Current, CallError>> {
        Box::pin(self.get(asset))
    }

    fn write<'a>(
        &'a self,
        asset: &'a AssetRef,
        writes: &'a [Write],
        if_match: Option<&'a str>,
    ) -> BoxFuture<'a, Result<Option<String>, CallError>> {
        Box::pin(self.patch(asset, writes, if_match))
    }

    fn subfolders<'a>(
        &'a self,
        folder: &'a str,
    ) -> BoxFuture<'a, Result<Option<Vec<crate::Entry>>, crate::PartialListing>> {
        Box::pin(async move {
            crate::folders_api::all_subfolders(&self.client, folder)
                .await
                .map(Some)
        })
    }

    fn listing_carries(&self, _property: &str) -> bool {
        // The write needs the ETag of a metadata GET anyway.
        false
    }

    fn lists_folders(&self) -> bool {
        self.paired
    }

    // QueryBuilder goes through the paired classic connection: only the OpenAPI-based APIs
    // take OAuth Server-to-Server tokens
    // (https://experienceleague.adobe.com/en/docs/experience-manager-learn/cloud-service/aem-apis/overview).
    fn can_search(&self) -> bool {
        self.paired
    }

    fn open_search<'a>(
        &'a self,
        body: &'a Value,
    ) -> BoxFuture<'a, Result<crate::open_search::OpenPage, CallError>> {
        Box::pin(async move {
            let answer =
                crate::open_search::send(&self.client, body, &self.search_old_name).await?;
            crate::open_search::parse_answer(&answer)
        })
    }

    fn search<'a>(
        &'a self,
        params: &'a [(String, String)],
    ) -> BoxFuture<'a, Result<crate::search::SearchPage, CallError>> {
        Box::pin(self.classic.query(params))
    }

    // Schema forms are read like folders: by the classic connection.
    fn node_json<'a>(
        &'a self,
        path: &'a str,
        selector: &'a str,
    ) -> BoxFuture<'a, Result<Value, CallError>> {
        Box::pin(self.classic.node(path, selector))
    }

    // Tags are read like folders: by the classic connection.
    fn tags(&self) -> BoxFuture<'_, Result<Vec<crate::tags::Tag>, CallError>> {
        self.classic.tags()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use metadesk_clients::aem::{RequestCredentials, StaticAuthorizer};
    use metadesk_clients::ims::testing::{Scripted, ScriptedServer};
    use metadesk_credentials::secrets::Secret;

    fn assets(base: &str) -> OpenApiAssets {
        let auth = StaticAuthorizer::new(
            RequestCredentials::Bearer {
                token: Secret::new("t"),
                api_key: Some("key".into()),
            },
            "x",
        );
        let http = metadesk_clients::aem::client::build_http_client().unwrap();
        let client = AemClient::new(http, base, Arc::new(auth)).unwrap();
        OpenApiAssets::new(client.clone(), ClassicAssets::new(client))
    }

    /// An answer that does not carry `assetMetadata` (an empty object, another shape, `null`)
    /// is an error of the read; one that does, even empty, is the asset's metadata.
    #[tokio::test]
    async fn a_metadata_answer_without_asset_metadata_is_an_error() {
        let asset = AssetRef {
            path: "/content/dam/f/a.jpg".into(),
            id: Some("urn:aaid:aem:1".into()),
        };
        for body in [
            json!({}),
            json!({"assetId": "urn:aaid:aem:1"}),
            json!({"assetMetadata": null}),
            json!({"assetMetadata": ["dc:rights"]}),
            json!([]),
        ] {
            let server = ScriptedServer::start(vec![Scripted::json(200, body.clone())]).await;
            let err = assets(&server.base).read(&asset).await.unwrap_err();
            assert!(
                matches!(err, CallError::Rejected { .. })
                    && err.to_string().contains("no assetMetadata"),
                "{body}: {err}"
            );
        }
        let server =
            ScriptedServer::start(vec![Scripted::json(200, json!({"assetMetadata": {}}))]).await;
        let current = assets(&server.base).read(&asset).await.unwrap();
        assert!(current.metadata.is_empty());
    }

    /// A Folders API listing that fails or loops after its first page is an error saying the
    /// list would be incomplete, never the folders read so far; a refusal says what to set up.
    #[tokio::test]
    async fn a_folder_listing_cut_short_is_never_shown_as_the_whole() {
        let page = |name: &str, cursor: Option<&str>| {
            let mut body =
                json!({"children": [{"name": name, "path": format!("/content/dam/a/{name}")}]});
            if let Some(c) = cursor {
                body["cursor"] = json!(c);
            }
            Scripted::json(200, body)
        };
        let cases = [
            (
                vec![
                    page("b", Some("c1")),
                    Scripted::json(503, json!({"detail": "busy"})),
                ],
                "Only part of the subfolders",
            ),
            (
                vec![page("b", Some("c1")), page("c", Some("c1"))],
                "Only part of the subfolders",
            ),
            (
                vec![
                    page("b", Some("c1")),
                    Scripted::json(200, json!({"self": {}})),
                ],
                "Only part of the subfolders",
            ),
            (
                vec![Scripted::json(403, json!({"title": "Forbidden"}))],
                "allowedClientIDs",
            ),
        ];
        for (script, words) in cases {
            let server = ScriptedServer::start(script).await;
            let err = crate::browse::folder_page(&assets(&server.base), "/content/dam/a", 0, 200)
                .await
                .unwrap_err()
                .to_string();
            assert!(err.contains(words), "{err}");
        }
        let server = ScriptedServer::start(vec![page("b", Some("c1")), page("c", None)]).await;
        let listed = crate::browse::folder_page(&assets(&server.base), "/content/dam/a", 0, 200)
            .await
            .unwrap();
        assert_eq!(listed.folders.len(), 2);
        let sent: Vec<_> = server
            .received()
            .into_iter()
            .map(|r| r.request_line)
            .collect();
        assert!(
            sent[0].starts_with("GET /adobe/folders?path=%2Fcontent%2Fdam%2Fa&limit=50 "),
            "{sent:?}"
        );
        assert!(sent[1].contains("&cursor=c1 "), "{sent:?}");
    }

    /// An unpaired OpenAPI connection to a sandbox (signed in as a local SDK: its searches
    /// are what is looked at here, not the token's rules), and the first page of a search.
    async fn searching(before_27550: bool) -> (metadesk_sandbox::Sandbox, OpenApiAssets, Value) {
        let sb = metadesk_sandbox::Sandbox::start(
            metadesk_sandbox::SandboxConfig::default()
                .with_assets(30)
                .with_key_bits(1024)
                .with_basic_auth("admin", "admin")
                .with_faults(metadesk_sandbox::Faults {
                    search_before_27550: before_27550,
                    ..metadesk_sandbox::Faults::default()
                }),
        )
        .await
        .unwrap();
        let auth = StaticAuthorizer::new(
            RequestCredentials::Basic {
                user: "admin".into(),
                password: Secret::new("admin"),
            },
            "sandbox",
        );
        let http = metadesk_clients::aem::client::build_http_client().unwrap();
        let client = AemClient::new(http, &sb.base_url(), Arc::new(auth)).unwrap();
        let items = [json!({"term": {"repositoryMetadata.repo:ancestors": ["/content/dam"]}})];
        let body = crate::open_search::request_body(&items, 5, None);
        (sb, OpenApiAssets::unpaired(client), body)
    }

    /// How many searches the sandbox saw allowed by the new name and by the old one.
    fn searches_by_name(sb: &metadesk_sandbox::Sandbox) -> (u64, u64) {
        let kinds = sb.counters().by_kind;
        let n = |kind: &str| kinds.get(kind).copied().unwrap_or(0);
        (n("openapi search"), n("openapi search allowUnsafeSearch"))
    }

    /// The search asks with the parameter's name since release 27550 (ASSETS-70312), and an
    /// AEM that knows it answers the first time. Seen failing with `(0, 1)`: only
    /// `allowUnsafeSearch` was sent.
    #[tokio::test]
    async fn the_search_sends_the_parameter_by_its_new_name() {
        let (sb, api, body) = searching(false).await;
        let page = api.open_search(&body).await.unwrap();
        assert_eq!(page.hits.len(), 5);
        assert_eq!(searches_by_name(&sb), (1, 0));
        sb.shutdown().await;
    }

    /// An AEM before release 27550 refuses the search under the new name (it ignores it): the
    /// same page is asked again under the old one and answered, and the connection (its
    /// clones too) asks under the old name first from then on. Seen failing with `Rejected {
    /// status: 400, … }` without the second request, and with `(2, 2)` when the old name
    /// answered but was not remembered.
    #[tokio::test]
    async fn an_aem_before_27550_is_searched_by_the_old_name_and_it_is_remembered() {
        let (sb, api, body) = searching(true).await;
        let first = api.open_search(&body).await.unwrap();
        assert_eq!(first.hits.len(), 5);
        assert_eq!(searches_by_name(&sb), (1, 1));
        let next = crate::open_search::request_body(
            &body["query"].as_array().unwrap().clone(),
            5,
            first.cursor.as_deref(),
        );
        let second = api.clone().open_search(&next).await.unwrap();
        assert_eq!(second.hits.len(), 5);
        assert_ne!(first.hits, second.hits);
        assert_eq!(searches_by_name(&sb), (1, 2));
        assert_eq!(sb.counters().count("POST", 400), 1);
        sb.shutdown().await;
    }

    #[test]
    fn writes_become_json_patch_relative_to_asset_metadata() {
        let patch = json_patch(&[
            Write {
                property: "dc:rights".into(),
                value: Some(json!("R")),
            },
            Write {
                property: "dc:subject".into(),
                value: Some(json!(["a", "b"])),
            },
            Write {
                property: "cq:tags".into(),
                value: None,
            },
            Write {
                property: "x:a/b~c".into(),
                value: None,
            },
        ]);
        assert_eq!(
            patch,
            json!([
                {"op": "add", "path": "/dc:rights", "value": "R"},
                {"op": "add", "path": "/dc:subject", "value": ["a", "b"]},
                {"op": "remove", "path": "/cq:tags"},
                {"op": "remove", "path": "/x:a~1b~0c"},
            ])
        );
    }
}
