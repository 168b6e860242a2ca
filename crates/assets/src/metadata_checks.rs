//! The whole metadata of many assets at once, for the checks that tell a colleague's change by
//! values (AEM leaves `jcr:lastModified` as it was on metadata updates): QueryBuilder checks of
//! exact paths whose hits are full two levels down (`check_times`), and each asset's metadata
//! code from them (`metadata_codes`, `fingerprint::metadata_code`).
//!
//! Not here: reading one asset's content node (`upload::ClassicAssets::asset_content`), the
//! codes themselves (`fingerprint.rs`).

use std::collections::HashMap;

use serde_json::{Map, Value};

use crate::CallError;
use crate::batch;
use crate::classic::ClassicAssets;
use crate::search::hit_path;
use crate::upload::{AssetContent, aem_time};

impl ClassicAssets {
    /// One check of the assets at `paths` (QueryBuilder, exact paths: the engine's
    /// [`batch::check_query`], its hits full two levels down) with each one's
    /// `jcr:content/jcr:lastModified` beside its whole metadata, by path: what an upload's
    /// values are checked against just before their batch leaves, and what its undo compares
    /// once they are written. A path absent was not found by the index, which lags behind an
    /// upload: read it on its own.
    pub async fn check_times(&self, paths: &[&str]) -> Result<HashMap<String, Timed>, CallError> {
        let mut query: Vec<(String, String)> = batch::check_query(paths, &[])
            .into_iter()
            .filter(|(k, _)| k != "p.properties")
            .collect();
        if let Some((_, mode)) = query.iter_mut().find(|(k, _)| k == "p.hits") {
            "full".clone_into(mode);
        }
        query.push(("p.nodedepth".to_owned(), "2".to_owned()));
        let page = self.query(&query).await?;
        let mut values = batch::checked_values(&page.hits);
        Ok(page
            .hits
            .iter()
            .filter_map(|hit| {
                let path = hit_path(hit)?;
                let timed = Timed {
                    last_modified: hit
                        .pointer("/jcr:content/jcr:lastModified")
                        .and_then(aem_time),
                    metadata: values.remove(path).unwrap_or_default(),
                };
                Some((path.to_owned(), timed))
            })
            .collect())
    }

    /// Each asset's whole metadata code, by path: checks of exact paths (full hits, two
    /// levels down), an asset they do not return (the index lags) read on its own.
    pub(crate) async fn metadata_codes(
        &self,
        paths: &[&str],
    ) -> Result<HashMap<String, String>, CallError> {
        let mut codes = HashMap::new();
        let mut rest = paths;
        while !rest.is_empty() {
            let n = batch::fits_in_check(rest, &[]).max(1);
            for (path, found) in self.check_times(&rest[..n]).await? {
                codes.insert(path, crate::fingerprint::metadata_code(&found.metadata));
            }
            rest = &rest[n..];
        }
        let unread: Vec<&str> = paths
            .iter()
            .copied()
            .filter(|p| !codes.contains_key(*p))
            .collect();
        for path in unread {
            match self.node(&format!("{path}/jcr:content/metadata"), "").await {
                Ok(Value::Object(metadata)) => {
                    let code = crate::fingerprint::metadata_code(&metadata);
                    codes.insert(path.to_owned(), code);
                }
                Ok(_) | Err(CallError::NotFound) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(codes)
    }
}

/// What [`ClassicAssets::check_times`] found of one asset.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Timed {
    /// `jcr:content/jcr:lastModified`, as [`AssetContent::last_modified`] says it.
    pub last_modified: Option<String>,
    /// Its whole metadata node (an absent property is not set).
    pub metadata: Map<String, Value>,
}

impl From<AssetContent> for Timed {
    fn from(content: AssetContent) -> Self {
        Timed {
            last_modified: content.last_modified,
            metadata: content.metadata,
        }
    }
}
