//! An asset's thumbnail: AEM's `cq5dam.thumbnail.140.100.png` rendition
//! (<https://experienceleague.adobe.com/en/docs/experience-manager-cloud-service/content/assets/manage/asset-microservices-configure-and-use>),
//! read from the repository URL `{asset}/_jcr_content/renditions/{name}` with the connection's
//! credentials. Assets without one (videos still processing, PDFs whose rendition failed, content
//! fragments) answer 404: that is "no thumbnail", not an error.
//!
//! Not here: caching (`metadesk_store::thumbnails`) or which connection to use (`app`).

use reqwest::{Method, StatusCode, header};
use url::Url;

use super::{CallError, ClassicAssets, status_error};
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
    /// (UNCONFIRMED): one redirect is followed only when it stays on the connection's origin
    /// (with its credentials, as any call there). A redirect to any other place — another
    /// host, this computer, plain http — is not followed: the thumbnail is "none", so the app
    /// is never sent by an answer to an address its connection does not name.
    pub async fn thumbnail(&self, path: &str) -> Result<Option<Vec<u8>>, CallError> {
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
            if let Err(e) = self.client.check_url(&target) {
                tracing::info!(%target, error = %e, "a thumbnail redirect to another origin, not followed");
                return Ok(None);
            }
            self.client
                .send(Method::GET, target, |r| r)
                .await
                .map_err(CallError::from_aem)?
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

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    use super::*;
    use metadesk_clients::aem::{AemClient, RequestCredentials, StaticAuthorizer};
    use metadesk_credentials::secrets::Secret;

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n0000";

    /// A loopback server answering every request with `answer(path)` (status line and
    /// headers, then a PNG body for 200); counts the requests.
    async fn server(
        answer: impl Fn(&str) -> String + Send + Sync + 'static,
    ) -> (String, Arc<AtomicUsize>) {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let hits = Arc::new(AtomicUsize::new(0));
        let counted = Arc::clone(&hits);
        let answer = Arc::new(answer);
        tokio::spawn(async move {
            while let Ok((mut socket, _)) = listener.accept().await {
                counted.fetch_add(1, Ordering::SeqCst);
                let answer = Arc::clone(&answer);
                tokio::spawn(async move {
                    let mut request = [0u8; 8192];
                    let n = socket.read(&mut request).await.unwrap_or(0);
                    let text = String::from_utf8_lossy(&request[..n]).into_owned();
                    let path = text.split(' ').nth(1).unwrap_or("/").to_owned();
                    let head = answer(&path);
                    let mut out = head.into_bytes();
                    if out.starts_with(b"HTTP/1.1 200") {
                        out.extend_from_slice(
                            format!("Content-Length: {}\r\n\r\n", PNG.len()).as_bytes(),
                        );
                        out.extend_from_slice(PNG);
                    } else {
                        out.extend_from_slice(b"Content-Length: 0\r\n\r\n");
                    }
                    let _ = socket.write_all(&out).await;
                });
            }
        });
        (base, hits)
    }

    fn assets_at(base: &str) -> ClassicAssets {
        let auth = StaticAuthorizer::new(
            RequestCredentials::Bearer {
                token: Secret::new("t"),
                api_key: None,
            },
            "x",
        );
        ClassicAssets::new(
            AemClient::new(
                metadesk_clients::aem::client::build_http_client().unwrap(),
                base,
                Arc::new(auth),
            )
            .unwrap(),
        )
    }

    /// Without the rule, the redirect to the other loopback port was fetched and shown.
    #[tokio::test]
    async fn a_redirect_to_another_origin_is_not_followed() {
        let (elsewhere, elsewhere_hits) =
            server(|_| "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n".to_owned()).await;
        let target = format!("{elsewhere}/blob/a.png");
        let (aem, _) =
            server(move |_| format!("HTTP/1.1 302 Found\r\nLocation: {target}\r\n")).await;
        let shown = assets_at(&aem)
            .thumbnail("/content/dam/a.jpg")
            .await
            .unwrap();
        assert_eq!(shown, None);
        assert_eq!(
            elsewhere_hits.load(Ordering::SeqCst),
            0,
            "nothing asked there"
        );
    }

    #[tokio::test]
    async fn a_redirect_on_the_same_origin_is_followed() {
        let (aem, hits) = server(|path| {
            if path.starts_with("/moved/") {
                "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n".to_owned()
            } else {
                "HTTP/1.1 302 Found\r\nLocation: /moved/a.png\r\n".to_owned()
            }
        })
        .await;
        let shown = assets_at(&aem)
            .thumbnail("/content/dam/a.jpg")
            .await
            .unwrap();
        assert_eq!(shown.as_deref(), Some(PNG));
        assert_eq!(hits.load(Ordering::SeqCst), 2);
    }
}
