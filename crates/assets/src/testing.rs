//! What this crate's unit tests share: a client of an AEM on loopback.

use metadesk_clients::aem::AemClient;

/// A client of an AEM on loopback with a fixed token, for this crate's unit tests.
pub(crate) fn test_client() -> AemClient {
    use metadesk_clients::aem::{RequestCredentials, StaticAuthorizer};
    use metadesk_credentials::secrets::Secret;
    let auth = StaticAuthorizer::new(
        RequestCredentials::Bearer {
            token: Secret::new("t"),
            api_key: None,
        },
        "x",
    );
    AemClient::new(
        reqwest::Client::new(),
        "http://127.0.0.1:4502",
        std::sync::Arc::new(auth),
    )
    .unwrap()
}

/// A client of sandbox `sb` with its development token, sending through `http`.
pub(crate) fn sandbox_client(sb: &metadesk_sandbox::Sandbox, http: reqwest::Client) -> AemClient {
    use metadesk_clients::aem::{RequestCredentials, StaticAuthorizer};
    use metadesk_credentials::secrets::Secret;
    let auth = StaticAuthorizer::new(
        RequestCredentials::Bearer {
            token: Secret::new(&sb.credentials().dev_token),
            api_key: None,
        },
        "sandbox",
    );
    AemClient::new(http, &sb.base_url(), std::sync::Arc::new(auth)).unwrap()
}
