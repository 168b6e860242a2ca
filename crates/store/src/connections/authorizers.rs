//! From a stored connection to the [`Authorizer`] its requests use: a [`TokenManager`] for
//! service credentials and OAuth Server-to-Server, a [`DevTokenAuthorizer`] for development
//! tokens, basic auth for a local SDK. [`Authorizers`] keeps one per connection for the whole
//! process, so every caller shares its token, its single flight and its status.
//!
//! Not here: reading connections or secrets (`connections`), the requests (`aem`).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use time::Duration;

use super::{Connection, ConnectionSecrets, ConnectionStore, require_bound};
use metadesk_base::i18n::Text;
use metadesk_base::retry::RetryPolicy;
use metadesk_clients::aem::auth::{Authorizer, RequestCredentials, StaticAuthorizer};
use metadesk_clients::aem::client::AemClient;
use metadesk_clients::aem::connection_check::{ConnectionTestReport, test_connection};
use metadesk_clients::error::{Error, ErrorCode, Result};
use metadesk_clients::ims::clock::Clock;
use metadesk_clients::ims::dev_token::DevTokenAuthorizer;
use metadesk_clients::ims::exchange::ImsHttp;
use metadesk_clients::ims::jwt::ServiceAccount;
use metadesk_clients::ims::manager::{
    OAuthSource, RENEW_MARGIN, ServiceAccountSource, TokenManager, TokenManagerConfig, TokenSource,
};
use metadesk_clients::ims::oauth::OAuthClient;
use metadesk_clients::ims::status::{ConnectionHealth, connection_health};
use metadesk_clients::ims::{ImsBase, ImsError};
use metadesk_credentials::credentials::CredentialKind;
use metadesk_credentials::secrets::{Secret, SecretStore};

/// What every authorizer of the process shares: the HTTP client, the retry policy, the clock
/// and the keychain that caches tokens.
#[derive(Clone)]
pub struct AuthContext {
    /// Must not follow redirects: [`metadesk_clients::aem::client::build_http_client`].
    pub http: reqwest::Client,
    pub retry: RetryPolicy,
    pub clock: Clock,
    pub renew_margin: Duration,
    pub store: Arc<dyn SecretStore>,
}

impl AuthContext {
    /// The product's settings over `store` (the OS keychain in the app and the CLI).
    pub fn new(http: reqwest::Client, store: Arc<dyn SecretStore>) -> Self {
        AuthContext {
            http,
            retry: RetryPolicy::default(),
            clock: Clock::system(),
            renew_margin: RENEW_MARGIN,
            store,
        }
    }

    fn ims_http(&self) -> ImsHttp {
        ImsHttp::new(self.http.clone(), self.retry.clone(), self.clock.clone())
    }
}

/// Builds the authorizer of `connection` from its secrets. Prefer [`Authorizers::get`], which
/// keeps one per connection; two authorizers for one connection would mint separately.
pub fn authorizer_for(
    connection: &Connection,
    secrets: ConnectionSecrets,
    ctx: &AuthContext,
) -> Result<Arc<dyn Authorizer>> {
    // Before anything is minted or sent: the file must still name what Metadesk bound.
    require_bound(connection, secrets.binding.as_ref())?;
    let missing = |field: &'static str| {
        Error::message(
            ErrorCode::InvalidInput,
            "error-connection-missing-part",
            vec![
                ("field", field.into()),
                ("name", connection.name.as_str().into()),
            ],
        )
    };
    let ims_base = || -> Result<ImsBase> {
        let raw = connection
            .ims_base
            .as_deref()
            .ok_or_else(|| missing("ims-address"))?;
        ImsBase::parse(raw).map_err(invalid)
    };
    // Minted kinds differ only in how a token is obtained; caching and renewal are shared.
    let manager = |source: Arc<dyn TokenSource>| -> Arc<dyn Authorizer> {
        let config = TokenManagerConfig {
            renew_margin: ctx.renew_margin,
            clock: ctx.clock.clone(),
        };
        Arc::new(TokenManager::new(
            connection.id.clone(),
            source,
            Arc::clone(&ctx.store),
            config,
        ))
    };
    match connection.kind {
        CredentialKind::ServiceCredentials => {
            let account = ServiceAccount {
                ims_base: ims_base()?,
                client_id: connection
                    .client_id
                    .clone()
                    .ok_or_else(|| missing("client-id"))?,
                client_secret: secrets
                    .client_secret
                    .ok_or_else(|| missing("client-secret"))?,
                org_id: connection
                    .org
                    .clone()
                    .ok_or_else(|| missing("organisation-id"))?,
                technical_account_id: connection
                    .technical_account_id
                    .clone()
                    .ok_or_else(|| missing("technical-account-id"))?,
                metascopes: connection.scopes.clone(),
                private_key_pem: secrets
                    .private_key_pem
                    .ok_or_else(|| missing("private-key"))?,
            };
            account.validate().map_err(invalid)?;
            Ok(manager(Arc::new(ServiceAccountSource {
                http: ctx.ims_http(),
                account,
            })))
        }
        CredentialKind::OauthServerToServer => {
            let client = OAuthClient {
                ims_base: ims_base()?,
                client_id: connection
                    .client_id
                    .clone()
                    .ok_or_else(|| missing("client-id"))?,
                client_secret: secrets
                    .client_secret
                    .ok_or_else(|| missing("client-secret"))?,
                scopes: connection.scopes.clone(),
            };
            client.validate().map_err(invalid)?;
            Ok(manager(Arc::new(OAuthSource {
                http: ctx.ims_http(),
                client,
            })))
        }
        CredentialKind::LocalDevToken => {
            let token = secrets
                .dev_token
                .ok_or_else(|| missing("development-token"))?;
            Ok(Arc::new(DevTokenAuthorizer::new(
                token,
                connection.token_expires_at,
                ctx.clock.clone(),
            )))
        }
        CredentialKind::LocalSdk => {
            let user = connection
                .acts_as
                .clone()
                .ok_or_else(|| missing("user-name"))?;
            let password: Secret = secrets.password.ok_or_else(|| missing("password"))?;
            Ok(Arc::new(StaticAuthorizer::new(
                RequestCredentials::Basic { user, password },
                Text::new(
                    "aem-sdk-login-refused",
                    vec![
                        ("url", connection.aem_url.as_str().into()),
                        ("name", connection.name.as_str().into()),
                    ],
                ),
            )))
        }
    }
}

/// A stored credential IMS cannot be asked with (a field missing, a damaged key), in the
/// catalogue's words.
fn invalid(err: ImsError) -> Error {
    match err {
        ImsError::InvalidCredential(text) => Error::worded(ErrorCode::InvalidInput, text),
        other => Error::Aem(other.into()),
    }
}

/// One authorizer per connection for the life of the process.
///
/// An entry is rebuilt when the connection was re-imported or edited (its stored form
/// changed), so new secrets take effect without a restart.
#[derive(Default)]
pub struct Authorizers {
    entries: Mutex<Entries>,
}

/// Connection id → the connection as it was when its authorizer was built, and the authorizer.
type Entries = HashMap<String, (Connection, Arc<dyn Authorizer>)>;

impl Authorizers {
    pub fn new() -> Self {
        Self::default()
    }

    /// The authorizer of `connection`; `secrets` is called only when one must be built (it
    /// reads the keychain, so it may block: call from a blocking-safe context or pass
    /// secrets read on a blocking thread).
    pub fn get(
        &self,
        connection: &Connection,
        secrets: impl FnOnce() -> Result<ConnectionSecrets>,
        ctx: &AuthContext,
    ) -> Result<Arc<dyn Authorizer>> {
        // The one place a connection's credentials become an authorizer: none is built for a
        // host the user has not trusted, so no token can be sent there.
        connection.require_trusted_host()?;
        if let Some((known, auth)) = self.lock().get(&connection.id)
            && known == connection
        {
            return Ok(Arc::clone(auth));
        }
        // Built without the lock: reading secrets may block on the keychain.
        let auth = authorizer_for(connection, secrets()?, ctx)?;
        let replaced = {
            let mut entries = self.lock();
            // Another caller (the page's status while "Test connection" runs) built one for the
            // same connection meanwhile: share it. Replacing it would retire a manager that may
            // be minting, and a retired manager removes the token it gets from the keychain.
            if let Some((known, built)) = entries.get(&connection.id)
                && known == connection
            {
                return Ok(Arc::clone(built));
            }
            entries.insert(
                connection.id.clone(),
                (connection.clone(), Arc::clone(&auth)),
            )
        };
        // The connection changed since its old authorizer was built (its address, say).
        if let Some((_, old)) = replaced {
            old.retire();
        }
        Ok(auth)
    }

    /// The authorizer already built for connection `id`, if any (for the status page, which
    /// should not read secrets just to draw).
    pub fn existing(&self, id: &str) -> Option<Arc<dyn Authorizer>> {
        self.lock().get(id).map(|(_, a)| Arc::clone(a))
    }

    /// Forgets connection `id` (after it was deleted).
    pub fn remove(&self, id: &str) {
        let removed = self.lock().remove(id);
        if let Some((_, auth)) = removed {
            auth.retire();
        }
    }

    /// The health of `connection` as the connections page shows it. Connections whose
    /// authorizer was not built yet show what the stored connection knows.
    pub fn health(
        &self,
        connection: &Connection,
        ctx: &AuthContext,
        l: &metadesk_base::i18n::Localizer,
    ) -> ConnectionHealth {
        let snapshot = match self.existing(&connection.id) {
            Some(auth) => auth.snapshot(),
            None => metadesk_clients::aem::auth::TokenSnapshot {
                expires_at: match connection.kind {
                    CredentialKind::LocalDevToken => connection.token_expires_at,
                    _ => None,
                },
                ..Default::default()
            },
        };
        connection_health(
            l,
            connection.kind,
            &snapshot,
            connection.certificate_expires_at,
            ctx.clock.now(),
        )
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Entries> {
        self.entries.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// "Test connection" for a stored connection, by id or name: reads it and its secrets (on a
/// blocking thread), gets its authorizer from `authorizers` and runs
/// [`metadesk_clients::aem::connection_check`].
pub async fn test_stored_connection(
    store: Arc<ConnectionStore>,
    id_or_name: &str,
    authorizers: &Authorizers,
    ctx: &AuthContext,
    l: &metadesk_base::i18n::Localizer,
) -> Result<(Connection, ConnectionTestReport)> {
    let (connection, secrets) = {
        let store = Arc::clone(&store);
        let wanted = id_or_name.to_string();
        tokio::task::spawn_blocking(move || -> Result<(Connection, ConnectionSecrets)> {
            let connection = store.find(&wanted)?;
            let secrets = store.load_secrets(&connection.id)?;
            Ok((connection, secrets))
        })
        .await
        .map_err(|e| Error::Internal(format!("reading the connection did not finish ({e})")))??
    };
    let auth = authorizers.get(&connection, || Ok(secrets), ctx)?;
    let client = AemClient::new(ctx.http.clone(), &connection.aem_url, auth)?;
    let report = test_connection(
        &client,
        connection.kind,
        connection.certificate_expires_at,
        ctx.clock.now(),
        l,
    )
    .await;
    Ok((connection, report))
}
