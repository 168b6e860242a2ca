//! Every answer the console reads from AEM goes through the clients' capped reader: a broken
//! or hostile server cannot make the app hold an endless GraphQL answer, persisted-query list
//! or endpoint listing in memory.
//!
//! Not here: what an answer means (the callers parse it), a request's own body, which has
//! its own cap and keeps the part read (`request.rs`).

use reqwest::Response;

use metadesk_base::i18n::Text;
use metadesk_clients::aem::body::{BodyError, MAX_AEM_BODY, read_capped};
use metadesk_clients::aem::client::network_error;
use metadesk_clients::aem::{AemClient, AemError};

/// The body of `response` (at most [`MAX_AEM_BODY`]), or why not: cut off as a network error,
/// too large as a bad answer to `what`.
pub(crate) async fn body(
    client: &AemClient,
    response: Response,
    what: &Text,
) -> Result<Vec<u8>, AemError> {
    read_capped(response, MAX_AEM_BODY)
        .await
        .map_err(|e| match e {
            BodyError::Cut(cut) => network_error(&client.host(), &cut),
            too_large @ BodyError::TooLarge { .. } => AemError::BadResponse {
                what: what.clone(),
                detail: too_large.text(),
            },
        })
}

/// [`body`] as text (invalid UTF-8 replaced: it is shown or parsed, never written back).
pub(crate) async fn text(
    client: &AemClient,
    response: Response,
    what: &Text,
) -> Result<String, AemError> {
    let bytes = body(client, response, what).await?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use metadesk_clients::aem::body::endless_body_server;
    use metadesk_clients::aem::{RequestCredentials, StaticAuthorizer};
    use metadesk_credentials::secrets::Secret;

    use crate::{graphql, persisted};

    fn client_of(base: &str) -> metadesk_clients::aem::AemClient {
        let auth = StaticAuthorizer::new(
            RequestCredentials::Bearer {
                token: Secret::new("t"),
                api_key: None,
            },
            "x",
        );
        metadesk_clients::aem::AemClient::new(
            metadesk_clients::aem::client::build_http_client().unwrap(),
            base,
            Arc::new(auth),
        )
        .unwrap()
    }

    /// Without the cap, each of these read the whole endless answer into memory.
    #[tokio::test]
    async fn endless_graphql_and_persisted_answers_are_refused_after_the_cap() {
        let (base, server) = endless_body_server(super::MAX_AEM_BODY + (4 << 20)).await;
        let client = client_of(&base);
        let query = graphql::run(&client, None, "global", "{ a }", None)
            .await
            .unwrap_err()
            .to_string();
        assert!(query.contains("larger than 32 MB"), "{query}");
        let list = persisted::list(&client).await.unwrap_err().to_string();
        assert!(list.contains("larger than 32 MB"), "{list}");
        server.abort();
    }
}
