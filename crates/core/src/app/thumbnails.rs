//! Thumbnails for the tables: an asset's `cq5dam.thumbnail.140.100.png` fetched with a stored
//! connection's credentials (its shared token manager; an OAuth S2S connection's paired classic
//! connection's), kept in the size-capped disk cache, and
//! remembered as missing for the rest of the session when AEM has none, so scrolling back over
//! a PDF does not ask again.
//!
//! What leaves here is image bytes and their type: never a token, a header or AEM's address.
//! Not here: how the window serves them (the `thumb:` protocol in src-tauri).
//!
//! The use case in full (ARCHITECTURE.md points here): an asset's thumbnail (cached on disk per
//! connection, removed with it; the page gets bytes, never a token; an OAuth S2S connection reads
//! it through its paired classic connection). Here: `thumbnails.rs`. The layers below:
//! `assets/renditions.rs`, `store/thumbnails.rs`. The window: `thumbnail.rs` (the `thumb:`
//! protocol). The CLI: —.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use super::{Workspace, blocking};
use metadesk_assets::renditions::image_type;
use metadesk_assets::{CallError, ClassicAssets};
use metadesk_base::i18n::Text;
use metadesk_clients::aem::AemClient;
use metadesk_clients::aem::AemError;
use metadesk_clients::error::{Error, Result};
use metadesk_credentials::credentials::ApiFamily;
use metadesk_store::connections::{Connection, check_pairing};
use metadesk_store::dirs::AppDirs;
use metadesk_store::thumbnails::{DEFAULT_CAP_BYTES, ThumbnailCache};

/// An image to show: its bytes and media type (`image/png` or `image/jpeg`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Thumbnail {
    pub bytes: Vec<u8>,
    pub media_type: &'static str,
}

/// The cache and what is known to have no thumbnail, shared by every request of the process.
pub struct Thumbnails {
    cache: Arc<ThumbnailCache>,
    missing: Mutex<HashSet<String>>,
}

impl Thumbnails {
    /// The cache in `dirs.cache/thumbnails`, capped at `cap` bytes.
    pub fn new(dirs: &AppDirs, cap: u64) -> Self {
        Thumbnails {
            cache: Arc::new(ThumbnailCache::new(dirs.cache.join("thumbnails"), cap)),
            missing: Mutex::new(HashSet::new()),
        }
    }

    pub fn with_default_cap(dirs: &AppDirs) -> Self {
        Self::new(dirs, DEFAULT_CAP_BYTES)
    }

    fn is_missing(&self, key: &str) -> bool {
        self.missing
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .contains(key)
    }

    fn mark_missing(&self, key: String) {
        self.missing
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(key);
    }

    /// Drops what connection `connection_id` read: its cached files and what it found missing.
    /// Blocking.
    pub(super) fn forget_connection(&self, connection_id: &str) -> Result<()> {
        self.missing
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .retain(|key| !ThumbnailCache::is_of_connection(key, connection_id));
        self.cache.forget_connection(connection_id)
    }
}

impl Workspace {
    /// The thumbnail of `asset_path` on stored connection `connection` (id or name): from the
    /// disk cache, else from AEM (then cached). `None` when the asset has none (video, PDF,
    /// fragment, a rendition not made yet or not readable by this account).
    pub async fn thumbnail(&self, connection: &str, asset_path: &str) -> Result<Option<Thumbnail>> {
        let store = Arc::clone(&self.connections);
        let wanted = connection.to_owned();
        let connection = blocking(move || store.find(&wanted)).await?;
        let key = ThumbnailCache::key(&connection.id, &connection.aem_url, asset_path);
        if self.thumbnails.is_missing(&key) {
            return Ok(None);
        }
        let cache = Arc::clone(&self.thumbnails.cache);
        let cached_key = key.clone();
        if let Some(bytes) = blocking(move || Ok(cache.get(&cached_key))).await?
            && let Some(media_type) = image_type(&bytes)
        {
            return Ok(Some(Thumbnail { bytes, media_type }));
        }

        // Renditions are classic paths, which AEM may refuse an OAuth S2S token: such a
        // connection reads them with the classic connection paired with it, on the same AEM.
        let reader = self.thumbnail_reader(&connection).await?;
        let (store, tokens, wanted) = (
            Arc::clone(&self.connections),
            Arc::clone(&self.tokens),
            reader.clone(),
        );
        let authorizer = blocking(move || {
            tokens
                .authorizers
                .get(&wanted, || store.load_secrets(&wanted.id), &tokens.ctx)
        })
        .await?;
        let client = AemClient::new(self.tokens.ctx.http.clone(), &reader.aem_url, authorizer)?;
        let fetched = ClassicAssets::new(client)
            .thumbnail(asset_path)
            .await
            .map_err(|e| call_failed(asset_path, e))?;
        let Some(bytes) = fetched else {
            self.thumbnails.mark_missing(key);
            return Ok(None);
        };
        let Some(media_type) = image_type(&bytes) else {
            self.thumbnails.mark_missing(key);
            return Ok(None);
        };
        let (cache, stored) = (Arc::clone(&self.thumbnails.cache), bytes.clone());
        // A cache that cannot be written costs a request next time, not the thumbnail.
        if let Err(e) = blocking(move || cache.put(&key, &stored)).await {
            tracing::warn!(error = %e, "a thumbnail could not be cached");
        }
        Ok(Some(Thumbnail { bytes, media_type }))
    }
}

impl Workspace {
    /// The connection whose credential reads `connection`'s renditions: its paired classic
    /// connection when it is an OAuth S2S one that has a valid pairing, else itself.
    async fn thumbnail_reader(&self, connection: &Connection) -> Result<Connection> {
        let Some(paired) = connection
            .paired_with
            .clone()
            .filter(|_| connection.kind.api_family() == ApiFamily::OpenApi)
        else {
            return Ok(connection.clone());
        };
        let store = Arc::clone(&self.connections);
        let paired = blocking(move || Ok(store.find(&paired).ok())).await?;
        Ok(match paired {
            Some(p) if check_pairing(connection, &p).is_ok() => p,
            _ => connection.clone(),
        })
    }
}

/// A thumbnail that could not be read (the page shows its placeholder; the log says why).
fn call_failed(asset_path: &str, err: CallError) -> Error {
    match err {
        CallError::Unreachable(e) | CallError::Auth(e) | CallError::Aem(e) => Error::Aem(e),
        other => Error::Aem(AemError::BadResponse {
            what: Text::new("aem-what-thumbnail", vec![("path", asset_path.into())]),
            detail: other.text(),
        }),
    }
}

#[cfg(test)]
mod tests;
