//! Questions the deep "Test connection" asks the classic API without changing anything:
//! whether AEM accepts the Sling POST batch writes send (one that does nothing), and AEM's own
//! permission checks on a folder (to change metadata, to publish).
//!
//! Not here: what the answers mean to the app and how they are worded (the core's
//! `app/allows.rs`).

use super::{CallError, ClassicAssets};

/// The JCR privilege a metadata write needs on the nodes it changes.
pub const WRITE_PRIVILEGE: &str = "jcr:modifyProperties";

/// The privilege publishing needs on the assets it replicates (`/bin/replicate.json`).
pub const REPLICATE_PRIVILEGE: &str = "crx:replicate";

impl ClassicAssets {
    /// Whether AEM accepts the Sling POST that batch writes send, asked with one that changes
    /// nothing: `:operation=nop` on `folder`, Sling's documented null operation
    /// (<https://sling.apache.org/documentation/bundles/manipulating-content-the-slingpostservlet-servlets-post.html#null-operation>),
    /// with the CSRF token a batch write sends when AEM issues one. It meets what a batch
    /// meets before Sling runs it (the CSRF filter, a dispatcher refusing POSTs) and writes
    /// nothing. `Ok(())` when accepted, the refusal otherwise.
    pub async fn batch_post_accepted(&self, folder: &str) -> Result<(), CallError> {
        self.sling_post(folder, ":operation=nop".to_owned())
            .await
            .map(drop)
    }

    /// AEM's own answer to "may this account change properties of `folder`?": QueryBuilder's
    /// documented `hasPermission` predicate (comma-separated JCR privileges the session must
    /// all have on the hit,
    /// <https://adobedocs.github.io/aem-developer-materials/cloud-service/javadoc/com/day/cq/search/eval/PermissionPredicateEvaluator.html>)
    /// on the folder itself (`path.exact`). Nothing is written.
    ///
    /// `Ok(None)` when AEM's answer cannot tell: the same query without the predicate does not
    /// find the folder either (UNCONFIRMED how `path.exact` behaves on every AEM, so no hit
    /// is read as "not allowed" only when the folder is found without it).
    pub async fn may_modify(&self, folder: &str) -> Result<Option<bool>, CallError> {
        self.may(folder, WRITE_PRIVILEGE).await
    }

    /// AEM's own answer to "may this account publish `folder`?" ([`REPLICATE_PRIVILEGE`]),
    /// asked as [`ClassicAssets::may_modify`] asks for writes. Nothing is published.
    pub async fn may_publish(&self, folder: &str) -> Result<Option<bool>, CallError> {
        self.may(folder, REPLICATE_PRIVILEGE).await
    }

    async fn may(&self, folder: &str, privilege: &str) -> Result<Option<bool>, CallError> {
        let query = |with_permission: bool| {
            let mut params = vec![
                ("path".to_owned(), folder.to_owned()),
                ("path.exact".to_owned(), "true".to_owned()),
                ("p.limit".to_owned(), "1".to_owned()),
                ("p.hits".to_owned(), "selective".to_owned()),
                ("p.properties".to_owned(), "jcr:path".to_owned()),
            ];
            if with_permission {
                params.push(("hasPermission".to_owned(), privilege.to_owned()));
            }
            params
        };
        if !self.query(&query(true)).await?.hits.is_empty() {
            return Ok(Some(true));
        }
        let found = !self.query(&query(false)).await?.hits.is_empty();
        Ok(found.then_some(false))
    }
}
