//! Reading an answer's body with a size cap, so that a broken or hostile server cannot make
//! Metadesk hold an endless body in memory. Every body Metadesk reads from IMS or AEM goes
//! through [`read_capped`].
//!
//! Not here: what the body means (the callers parse it).

use reqwest::Response;

use metadesk_base::i18n::{Part, Text};

/// IMS answers are a token and a few fields (about 2 KB), or a short refusal.
pub const MAX_IMS_BODY: usize = 1024 * 1024;

/// The largest AEM JSON answer read: a listing page of a few hundred assets with their
/// metadata is a few MB; this leaves room and still bounds what one answer may hold.
pub const MAX_AEM_BODY: usize = 32 * 1024 * 1024;

/// Why a body could not be read.
#[derive(Debug, thiserror::Error)]
pub enum BodyError {
    /// The server sent, or announced, more than the cap.
    #[error("the answer is larger than {} MB, far more than such an answer holds", .limit / (1024 * 1024))]
    TooLarge { limit: usize },
    /// The connection broke or timed out while the body was read.
    #[error("the answer was cut off ({0})")]
    Cut(reqwest::Error),
}

impl BodyError {
    /// Why the body could not be read, as a clause of a message (`aem-body-…`).
    pub fn text(&self) -> Text {
        match self {
            BodyError::TooLarge { limit } => Text::new(
                "aem-body-too-large",
                vec![("limit", Part::from((limit / (1024 * 1024)) as f64))],
            ),
            BodyError::Cut(e) => Text::new("aem-body-cut", vec![("detail", e.to_string().into())]),
        }
    }
}

/// The whole body, or [`BodyError::TooLarge`] as soon as it passes `limit` bytes (at once when
/// its `Content-Length` says so). What was read stays bounded by `limit` plus one chunk.
pub async fn read_capped(mut response: Response, limit: usize) -> Result<Vec<u8>, BodyError> {
    if response
        .content_length()
        .is_some_and(|announced| announced > limit as u64)
    {
        return Err(BodyError::TooLarge { limit });
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(BodyError::Cut)? {
        if body.len() + chunk.len() > limit {
            return Err(BodyError::TooLarge { limit });
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// A loopback server for tests that answers every request with `200` and a JSON-looking body
/// of `bytes` bytes, without `Content-Length` (so only counting can stop it).
#[cfg(any(test, feature = "test-support"))]
#[allow(clippy::unwrap_used)]
pub async fn endless_body_server(bytes: usize) -> (String, tokio::task::JoinHandle<()>) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let task = tokio::spawn(async move {
        loop {
            let Ok((mut socket, _)) = listener.accept().await else {
                return;
            };
            tokio::spawn(async move {
                let mut request = [0u8; 8192];
                let _ = socket.read(&mut request).await;
                let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n[";
                if socket.write_all(head.as_bytes()).await.is_err() {
                    return;
                }
                let chunk = vec![b' '; 64 * 1024];
                let mut sent = 0;
                while sent < bytes {
                    if socket.write_all(&chunk).await.is_err() {
                        return;
                    }
                    sent += chunk.len();
                }
                let _ = socket.write_all(b"]").await;
                let _ = socket.shutdown().await;
            });
        }
    });
    (base, task)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_body_past_the_cap_is_refused_while_reading() {
        let (base, server) = endless_body_server(4 * 1024 * 1024).await;
        let http = crate::aem::client::build_http_client().unwrap();
        let response = http.get(&base).send().await.unwrap();
        let err = read_capped(response, 1024 * 1024).await.unwrap_err();
        assert!(matches!(err, BodyError::TooLarge { .. }), "{err}");
        assert!(err.to_string().contains("larger than 1 MB"), "{err}");
        let response = http.get(&base).send().await.unwrap();
        let whole = read_capped(response, 8 * 1024 * 1024).await.unwrap();
        assert!(whole.len() > 4 * 1024 * 1024);
        server.abort();
    }
}
