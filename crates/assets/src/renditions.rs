//! An asset's thumbnail: AEM's `cq5dam.thumbnail.140.100.png` rendition
//! (<https://experienceleague.adobe.com/en/docs/experience-manager-cloud-service/content/assets/manage/asset-microservices-configure-and-use>),
//! read from the repository URL `{asset}/_jcr_content/renditions/{name}` with the connection's
//! credentials. Assets without one (videos still processing, PDFs whose rendition failed, content
//! fragments) answer 404: that is "no thumbnail", not an error.
//!
//! Not here: caching (`metadesk_store::thumbnails`) or which connection to use (`app`).

use reqwest::{Method, StatusCode, header};
use url::Url;

use super::{CallError, ClassicAssets, dam_segments, status_error};
use metadesk_base::i18n::Text;

/// The rendition the tables show: 140×100, made by AEM's default processing profile.
pub const THUMBNAIL_RENDITION: &str = "cq5dam.thumbnail.140.100.png";

/// A thumbnail larger than this is not one (a misconfigured profile): shown as "no thumbnail".
pub const MAX_THUMBNAIL_BYTES: usize = 1024 * 1024;

impl ClassicAssets {
    /// The thumbnail of the asset at `path` (PNG or JPEG bytes), or `None` when AEM has none
    /// for it or may not show it to this account (404, 403, 410, not an image, too large).
    ///
    /// AEM as a Cloud Service may answer a binary GET with a redirect to blob storage
    /// (UNCONFIRMED): one redirect is followed, with the credentials only when it stays on the
    /// connection's origin; `plain` (a client without credentials) fetches any other https
    /// address, so a token never leaves for another host.
    pub async fn thumbnail(
        &self,
        path: &str,
        plain: &reqwest::Client,
    ) -> Result<Option<Vec<u8>>, CallError> {
        if dam_segments(path)?
            .iter()
            .any(|s| *s == "." || *s == ".." || s.chars().any(char::is_control))
        {
            return Err(super::not_an_asset_path(path));
        }
        let mut url = self.dam_url(&["content", "dam"], path, "")?;
        if let Ok(mut parts) = url.path_segments_mut() {
            parts
                .push("_jcr_content")
                .push("renditions")
                .push(THUMBNAIL_RENDITION);
        }
        let response = self
            .client
            .send(Method::GET, url.clone(), |r| r)
            .await
            .map_err(CallError::from_aem)?;
        let response = if response.status().is_redirection() {
            let Some(target) = redirect_target(&url, &response) else {
                return Ok(None);
            };
            if self.client.check_url(&target).is_ok() {
                self.client
                    .send(Method::GET, target, |r| r)
                    .await
                    .map_err(CallError::from_aem)?
            } else {
                metadesk_base::net::require_secure(&target).map_err(|problem| {
                    CallError::Aem(metadesk_clients::aem::AemError::RefusedUrl(Text::new(
                        "aem-url-refused",
                        problem.parts(),
                    )))
                })?;
                plain.get(target).send().await.map_err(|e| {
                    CallError::Transient(Text::new(
                        "assets-thumbnail-unread",
                        vec![("detail", e.to_string().into())],
                    ))
                })?
            }
        } else {
            response
        };
        read_image(response).await
    }
}

fn redirect_target(from: &Url, response: &reqwest::Response) -> Option<Url> {
    let location = response.headers().get(header::LOCATION)?.to_str().ok()?;
    from.join(location).ok()
}

/// The image bytes of a rendition answer; `None` for "there is none to show".
async fn read_image(mut response: reqwest::Response) -> Result<Option<Vec<u8>>, CallError> {
    let status = response.status();
    if matches!(
        status,
        StatusCode::NOT_FOUND | StatusCode::FORBIDDEN | StatusCode::GONE
    ) || status.is_redirection()
    {
        return Ok(None);
    }
    if !status.is_success() {
        return Err(status_error(
            status.as_u16(),
            response.headers(),
            status.to_string(),
        ));
    }
    if response
        .content_length()
        .is_some_and(|n| n > MAX_THUMBNAIL_BYTES as u64)
    {
        return Ok(None);
    }
    let mut bytes = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(|e| {
        CallError::Transient(Text::new(
            "aem-body-cut",
            vec![("detail", e.to_string().into())],
        ))
    })? {
        if bytes.len() + chunk.len() > MAX_THUMBNAIL_BYTES {
            return Ok(None);
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(image_type(&bytes).map(|_| bytes))
}

/// The media type of `bytes` by their signature: the only two a thumbnail rendition is made in.
/// Whatever else AEM sends (an HTML login page, an error text) is not shown as an image.
pub fn image_type(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else {
        None
    }
}
