//! Reading repository nodes as Sling's default JSON renders them (`GET {path}[.{depth}].json`,
//! for paths under the DAM, the taxonomy, `/conf` and `/libs`): one render, or a whole tree,
//! read in parts where Sling refuses it in one (`sling_tree.rs`).
//!
//! Not here: the classic API's listings, writes and searches (`classic.rs`).

use reqwest::Method;
use serde_json::Value;

use crate::classic::{ClassicAssets, siren_detail};
use crate::sling_tree::{self, Rendered};
use crate::{CallError, DAM_ROOT, json_or_error};
use metadesk_clients::aem::auth::BoxFuture;
use metadesk_clients::aem::body::{MAX_AEM_BODY, read_capped};

impl ClassicAssets {
    /// `GET {path}[.{selector}].json`: a node's Sling JSON, for paths under `/content/dam`,
    /// `/content/cq:tags` (a tag, read again by a tag import's undo), `/conf` and `/libs` (each
    /// segment percent-encoded; `.`, `..` and control characters refused). `infinity` is the
    /// whole tree, read in parts where Sling will not render it in one.
    pub async fn node(&self, path: &str, selector: &str) -> Result<Value, CallError> {
        if selector == "infinity" {
            return self.tree(path).await;
        }
        match self.render(path.to_owned(), selector.to_owned()).await? {
            Rendered::Whole(node) => Ok(node),
            Rendered::TooLarge { .. } => Err(sling_tree::refused(path)),
        }
    }

    /// The whole tree at `path`, in parts where Sling refuses it in one (`sling_tree.rs`).
    pub async fn tree(&self, path: &str) -> Result<Value, CallError> {
        let render = |path: String, selector: String| -> BoxFuture<'_, _> {
            Box::pin(async move { self.render(path, selector).await })
        };
        sling_tree::read(&render, path.to_owned()).await
    }

    /// One Sling JSON render of the node at `path` (`selector`: its depth, empty for the node
    /// alone).
    async fn render(&self, path: String, selector: String) -> Result<Rendered, CallError> {
        let path = path.as_str();
        let selector = selector.as_str();
        let tags_root = format!("{}/", crate::tags::TAGS_ROOT);
        let readable = ["/content/dam", &tags_root, "/conf/", "/libs/"]
            .iter()
            .any(|root| path == DAM_ROOT || path.starts_with(root));
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        if !readable {
            return Err(crate::not_an_asset_path(path));
        }
        crate::check_segments(path, segments.iter().copied())?;
        let suffix = if selector.is_empty() {
            ".json".to_owned()
        } else {
            format!(".{selector}.json")
        };
        let mut url = self.client.url("/").map_err(CallError::from_aem)?;
        if let Ok(mut parts) = url.path_segments_mut() {
            parts.clear();
            if let Some((last, rest)) = segments.split_last() {
                parts.extend(rest);
                parts.push(&format!("{last}{suffix}"));
            }
        }
        let response = self
            .client
            .send(Method::GET, url, |r| r)
            .await
            .map_err(CallError::from_aem)?;
        if response.status().as_u16() == 300 {
            let body = read_capped(response, MAX_AEM_BODY)
                .await
                .map_err(|e| CallError::Transient(e.text()))?;
            return Ok(Rendered::TooLarge {
                deepest: sling_tree::deepest_allowed(&body),
            });
        }
        Ok(Rendered::Whole(
            json_or_error(response, siren_detail).await?.0,
        ))
    }
}
