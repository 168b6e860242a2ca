//! From a stored connection to an [`AssetStore`]: picks the API family by credential kind
//! (adobe-wire §0) and the matching [`Authorizer`] (minted and renewed IMS tokens, a
//! development token, or SDK basic auth).
//!
//! Not here: minting tokens (`ims`) or storing connections (`connections`); this only wires
//! them together for the bulk engine, the CLI and the app.

use std::sync::Arc;

use crate::aem::auth::{Authorizer, RequestCredentials, StaticAuthorizer};
use crate::aem::client::{AemClient, build_http_client};
use crate::assets::{ApiFamily, AssetStore, ClassicAssets, OpenApiAssets};
use crate::connections::{Connection, ConnectionSecrets, ConnectionStore};
use crate::credentials::CredentialKind;
use crate::error::{Error, Result};
use crate::ims::manager::{OAuthSource, ServiceAccountSource};
use crate::ims::{
    Clock, DevTokenAuthorizer, ImsBase, ImsHttp, OAuthClient, RetryPolicy, ServiceAccount,
    TokenManager, TokenManagerConfig,
};
use crate::secrets::{Secret, SecretStore};

/// An Assets API ready for the engine, and what a run records about who writes.
pub struct Connected {
    pub store: Arc<dyn AssetStore>,
    pub family: ApiFamily,
    /// The technical-account email or user named in "no write access" reasons.
    pub account: Option<String>,
    pub aem_url: String,
}

/// Which API family a credential kind writes with.
pub fn family_of(kind: CredentialKind) -> ApiFamily {
    match kind {
        CredentialKind::OauthServerToServer => ApiFamily::OpenApi,
        CredentialKind::ServiceCredentials
        | CredentialKind::LocalDevToken
        | CredentialKind::LocalSdk => ApiFamily::Classic,
    }
}

fn missing(what: &str, name: &str) -> Error {
    Error::InvalidInput(format!(
        "The connection \"{name}\" has no {what}; import its credential file again."
    ))
}

/// The authorizer of a connection, and who it acts as.
pub fn authorizer(
    connection: &Connection,
    secrets: ConnectionSecrets,
    keychain: Arc<dyn SecretStore>,
    http: &reqwest::Client,
) -> Result<(Arc<dyn Authorizer>, Option<String>)> {
    let name = &connection.name;
    let ims = || -> Result<ImsBase> {
        let base = connection
            .ims_base
            .as_deref()
            .ok_or_else(|| missing("IMS address", name))?;
        ImsBase::parse(base).map_err(|e| Error::Aem(e.into()))
    };
    let ims_http = || ImsHttp::new(http.clone(), RetryPolicy::default(), Clock::system());
    match connection.kind {
        CredentialKind::ServiceCredentials => {
            let account = ServiceAccount {
                ims_base: ims()?,
                client_id: connection
                    .client_id
                    .clone()
                    .ok_or_else(|| missing("client id", name))?,
                client_secret: secrets
                    .client_secret
                    .ok_or_else(|| missing("client secret", name))?,
                org_id: connection
                    .org
                    .clone()
                    .ok_or_else(|| missing("organisation", name))?,
                technical_account_id: connection
                    .technical_account_id
                    .clone()
                    .ok_or_else(|| missing("technical account id", name))?,
                metascopes: connection.scopes.clone(),
                private_key_pem: secrets
                    .private_key_pem
                    .ok_or_else(|| missing("private key", name))?,
            };
            let source = Arc::new(ServiceAccountSource {
                http: ims_http(),
                account,
            });
            let manager = TokenManager::new(
                &connection.id,
                source,
                keychain.clone(),
                TokenManagerConfig::default(),
            );
            Ok((
                Arc::new(manager),
                connection.technical_account_email.clone(),
            ))
        }
        CredentialKind::OauthServerToServer => {
            let client = OAuthClient {
                ims_base: ims()?,
                client_id: connection
                    .client_id
                    .clone()
                    .ok_or_else(|| missing("client id", name))?,
                client_secret: secrets
                    .client_secret
                    .ok_or_else(|| missing("client secret", name))?,
                scopes: connection.scopes.clone(),
            };
            let source = Arc::new(OAuthSource {
                http: ims_http(),
                client,
            });
            let manager = TokenManager::new(
                &connection.id,
                source,
                keychain,
                TokenManagerConfig::default(),
            );
            Ok((
                Arc::new(manager),
                connection.technical_account_email.clone(),
            ))
        }
        CredentialKind::LocalDevToken => {
            let token = secrets
                .dev_token
                .ok_or_else(|| missing("development token", name))?;
            let auth = DevTokenAuthorizer::new(token, connection.token_expires_at, Clock::system());
            Ok((Arc::new(auth), connection.acts_as.clone()))
        }
        CredentialKind::LocalSdk => {
            let user = connection
                .acts_as
                .clone()
                .ok_or_else(|| missing("user name", name))?;
            let password: Secret = secrets.password.ok_or_else(|| missing("password", name))?;
            let auth = StaticAuthorizer::new(
                RequestCredentials::Basic {
                    user: user.clone(),
                    password,
                },
                format!(
                    "The local AEM refused the user name and password of \"{name}\"; add the \
                     connection again with the right ones."
                ),
            );
            Ok((Arc::new(auth), Some(user)))
        }
    }
}

/// Opens the Assets API of a stored connection. An OAuth S2S connection needs `lister` (a
/// connection allowed on the classic API) to list folders and read `jcr:uuid`, because no
/// OpenAPI endpoint lists a folder's assets; without one it lists with its own token.
/// `keychain` is the secret store `store` was opened with (it also caches tokens).
pub fn open(
    store: &ConnectionStore,
    keychain: Arc<dyn SecretStore>,
    id_or_name: &str,
    lister: Option<&str>,
) -> Result<Connected> {
    let connection = store.find(id_or_name)?;
    let secrets = store.load_secrets(&connection.id)?;
    let http = build_http_client()?;
    let (auth, account) = authorizer(&connection, secrets, keychain.clone(), &http)?;
    let client = AemClient::new(http.clone(), &connection.aem_url, auth)?;
    let family = family_of(connection.kind);
    let assets: Arc<dyn AssetStore> = match family {
        ApiFamily::Classic => Arc::new(ClassicAssets::new(client)),
        ApiFamily::OpenApi => {
            let list_client = match lister {
                Some(other) => {
                    let lc = store.find(other)?;
                    let ls = store.load_secrets(&lc.id)?;
                    let (la, _) = authorizer(&lc, ls, keychain.clone(), &http)?;
                    AemClient::new(http.clone(), &lc.aem_url, la)?
                }
                None => client.clone(),
            };
            Arc::new(OpenApiAssets::new(client, ClassicAssets::new(list_client)))
        }
    };
    Ok(Connected {
        store: assets,
        family,
        account,
        aem_url: connection.aem_url,
    })
}
