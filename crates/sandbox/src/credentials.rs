//! The credentials the sandbox registers at start, as ready-to-import JSON files in the shapes
//! Adobe's consoles download.
//!
//! Builds the file contents only; registering them with the IMS happens in `lib.rs`, key
//! generation in `keys.rs`. Every file's `imsEndpoint` is the sandbox's `http://127.0.0.1:PORT`
//! (a value with a scheme is used as written; only loopback hosts may use `http`).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::dam::{Mix, uuid_string};
use crate::keys::{KeyMaterial, crlf};

/// File names `write_credentials` uses.
pub const SERVICE_CREDENTIALS_FILE: &str = "service-credentials.json";
/// The read-only technical account (a fresh one, never granted write permissions).
pub const READ_ONLY_SERVICE_CREDENTIALS_FILE: &str = "service-credentials-read-only.json";
/// The Local Development Token.
pub const DEV_TOKEN_FILE: &str = "local-development-token.json";
/// The Adobe Developer Console project with an OAuth Server-to-Server credential.
pub const OAUTH_PROJECT_FILE: &str = "oauth-project.json";

/// The default metascope of AEM Service Credentials.
pub const METASCOPE: &str = "ent_aem_cloud_api";
/// The scopes of the sandbox's OAuth Server-to-Server credential (`aem.fragments.management`: the
/// Sites API's content fragments; no endpoint checks a token's scopes).
pub const OAUTH_SCOPES: &[&str] = &[
    "AdobeID",
    "openid",
    "aem.assets.author",
    "aem.folders",
    "aem.fragments.management",
];

/// Everything a test needs to authenticate against the sandbox, plus the files' contents.
#[derive(Clone, Serialize, Deserialize)]
pub struct SandboxCredentials {
    /// The IMS base the files point at (`http://127.0.0.1:PORT`).
    pub ims_endpoint: String,
    /// The AEM author URL (same origin as the IMS).
    pub author_url: String,
    /// IMS org of every credential.
    pub org_id: String,
    /// Read-write AEM Service Credentials (canonical `{ok, integration, statusCode}` envelope).
    pub service_credentials_json: String,
    /// Its client id (`cm-p…-e…-integration`).
    pub service_client_id: String,
    /// Its client secret.
    pub service_client_secret: String,
    /// Its technical account id (JWT `sub`).
    pub service_technical_account_id: String,
    /// Its AEM login name.
    pub service_technical_account_email: String,
    /// Read-only AEM Service Credentials: writes answer 403.
    pub read_only_service_credentials_json: String,
    /// Its client id.
    pub read_only_client_id: String,
    /// Its AEM login name.
    pub read_only_technical_account_email: String,
    /// `{ok, statusCode, accessToken}`.
    pub dev_token_json: String,
    /// The bearer token inside it.
    pub dev_token: String,
    /// The AEM user the dev token acts as.
    pub dev_token_user: String,
    /// Adobe Developer Console project JSON with one `oauth_server_to_server` credential.
    pub oauth_project_json: String,
    /// Its client id (also the `X-Api-Key`).
    pub oauth_client_id: String,
    /// Its client secret.
    pub oauth_client_secret: String,
    /// Its AEM user.
    pub oauth_technical_account_email: String,
}

impl std::fmt::Debug for SandboxCredentials {
    // Secrets and private keys stay out of test output.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SandboxCredentials")
            .field("ims_endpoint", &self.ims_endpoint)
            .field("service_client_id", &self.service_client_id)
            .field("read_only_client_id", &self.read_only_client_id)
            .field("oauth_client_id", &self.oauth_client_id)
            .field("dev_token_user", &self.dev_token_user)
            .finish_non_exhaustive()
    }
}

/// Identity values of one technical account.
pub(crate) struct Account {
    pub client_id: String,
    pub client_secret: String,
    pub technical_account_id: String,
    pub email: String,
}

pub(crate) fn hex_id(m: &mut Mix, len: usize) -> String {
    let mut s = String::new();
    while s.len() < len {
        s.push_str(&format!("{:016X}", m.next()));
    }
    s.truncate(len);
    s
}

pub(crate) fn account(m: &mut Mix, client_id: String) -> Account {
    let uuid = (u128::from(m.next()) << 64) | u128::from(m.next());
    Account {
        client_id,
        client_secret: format!("p8e-{}", hex_id(m, 32).to_ascii_lowercase()),
        technical_account_id: format!("{}@techacct.adobe.com", hex_id(m, 24)),
        email: format!("{}@techacct.adobe.com", uuid_string(uuid)),
    }
}

/// The AEM Service Credentials JSON in the Developer Console's envelope.
pub(crate) fn service_credentials_json(
    ims_endpoint: &str,
    org_id: &str,
    acct: &Account,
    metascopes: &str,
    keys: &KeyMaterial,
) -> String {
    let v = json!({
        "ok": true,
        "integration": {
            "imsEndpoint": ims_endpoint,
            "metascopes": metascopes,
            "technicalAccount": { "clientId": acct.client_id, "clientSecret": acct.client_secret },
            "email": acct.email,
            "id": acct.technical_account_id,
            "org": org_id,
            "privateKey": crlf(&keys.private_key_pkcs1_pem),
            "publicKey": crlf(&keys.certificate_pem),
            "certificateExpirationDate": time::OffsetDateTime::from(keys.not_after)
                .format(&time::format_description::well_known::Rfc3339)
                .unwrap_or_default(),
        },
        "statusCode": 200,
    });
    serde_json::to_string_pretty(&v).unwrap_or_default()
}

pub(crate) fn dev_token_json(token: &str) -> String {
    serde_json::to_string_pretty(&json!({ "ok": true, "statusCode": 200, "accessToken": token }))
        .unwrap_or_default()
}

pub(crate) fn oauth_project_json(
    ims_endpoint: &str,
    org_id: &str,
    program: u64,
    acct: &Account,
) -> String {
    let v = json!({
        "project": {
            "id": format!("{program}000001"),
            "name": format!("aem-p{program}-metadesk"),
            "title": "Metadesk sandbox project",
            "org": { "id": format!("{program}"), "name": "Metadesk Sandbox Org", "ims_org_id": org_id },
            "workspace": {
                "id": format!("{program}000002"),
                "name": "Production",
                "title": "Production",
                "action_url": "",
                "app_url": "",
                "details": {
                    "credentials": [{
                        "id": format!("{program}000003"),
                        "name": "Metadesk OAuth S2S",
                        "integration_type": "oauth_server_to_server",
                        "oauth_server_to_server": {
                            "client_id": acct.client_id,
                            "client_secrets": [acct.client_secret],
                            "technical_account_email": acct.email,
                            "technical_account_id": acct.technical_account_id,
                            "scopes": OAUTH_SCOPES,
                            // Not in real downloads: tells the app which IMS to use.
                            "imsEndpoint": ims_endpoint,
                        }
                    }],
                    "services": [{ "code": "AEMAssetsAuthorAPI", "name": "AEM Assets Author API" }],
                    "runtime": { "namespaces": [] }
                }
            }
        }
    });
    serde_json::to_string_pretty(&v).unwrap_or_default()
}

impl SandboxCredentials {
    /// Writes the four files into `dir` (created if missing) and returns their paths.
    pub fn write_to(&self, dir: &Path) -> std::io::Result<Vec<PathBuf>> {
        std::fs::create_dir_all(dir)?;
        let files = [
            (SERVICE_CREDENTIALS_FILE, &self.service_credentials_json),
            (
                READ_ONLY_SERVICE_CREDENTIALS_FILE,
                &self.read_only_service_credentials_json,
            ),
            (DEV_TOKEN_FILE, &self.dev_token_json),
            (OAUTH_PROJECT_FILE, &self.oauth_project_json),
        ];
        let mut out = Vec::new();
        for (name, content) in files {
            let path = dir.join(name);
            std::fs::write(&path, content)?;
            out.push(path);
        }
        Ok(out)
    }
}
