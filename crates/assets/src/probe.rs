//! Read-only questions the deep "Test connection" asks the classic API: whether AEM hands out
//! the CSRF token batch writes send, and AEM's own permission check on a folder. Neither
//! changes anything.
//!
//! Not here: what the answers mean to the app and how they are worded (the core's
//! `app/allows.rs`).

use reqwest::Method;
use serde_json::Value;

use super::{CallError, ClassicAssets, json_or_error, search};

/// The JCR privilege a metadata write needs on the nodes it changes.
pub const WRITE_PRIVILEGE: &str = "jcr:modifyProperties";

impl ClassicAssets {
    /// Whether AEM issues a CSRF token (`GET /libs/granite/csrf/token.json`,
    /// <https://experienceleague.adobe.com/docs/experience-manager-learn/cloud-service/developing/advanced/csrf-protection.html>):
    /// `Ok(true)` with one, `Ok(false)` when it answers without one, the refusal otherwise.
    pub async fn csrf_token_issued(&self) -> Result<bool, CallError> {
        let url = self
            .client
            .url("/libs/granite/csrf/token.json")
            .map_err(CallError::from_aem)?;
        let response = self
            .client
            .send(Method::GET, url, |r| r)
            .await
            .map_err(CallError::from_aem)?;
        let (body, _) = json_or_error(response, search::error_message).await?;
        Ok(body
            .get("token")
            .and_then(Value::as_str)
            .is_some_and(|t| !t.is_empty()))
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
        let query = |with_permission: bool| {
            let mut params = vec![
                ("path".to_owned(), folder.to_owned()),
                ("path.exact".to_owned(), "true".to_owned()),
                ("p.limit".to_owned(), "1".to_owned()),
                ("p.hits".to_owned(), "selective".to_owned()),
                ("p.properties".to_owned(), "jcr:path".to_owned()),
            ];
            if with_permission {
                params.push(("hasPermission".to_owned(), WRITE_PRIVILEGE.to_owned()));
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
