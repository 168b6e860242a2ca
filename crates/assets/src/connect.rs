//! From a stored connection to an [`AssetsApi`]: picks the API family by credential kind
//! (<https://experienceleague.adobe.com/en/docs/experience-manager-learn/cloud-service/aem-apis/overview>)
//! and gets the connection's authorizer from the caller's [`Authorizers`].
//!
//! Not here: minting tokens (`ims`) or storing connections (`connections`); this only wires
//! them together for the bulk engine, the CLI and the app.

use std::sync::Arc;

use crate::{AssetsApi, ClassicAssets, OpenApiAssets};
use metadesk_clients::aem::client::{AemClient, build_http_client};
use metadesk_clients::error::Result;
use metadesk_credentials::credentials::ApiFamily;
use metadesk_credentials::credentials::CredentialKind;
use metadesk_credentials::secrets::SecretStore;
use metadesk_store::connections::{AuthContext, Authorizers};
use metadesk_store::connections::{Connection, ConnectionStore};

/// An Assets API ready for the engine, and what a run records about who writes.
pub struct Connected {
    /// The Assets API the connection reads and writes assets with.
    pub assets: Arc<dyn AssetsApi>,
    pub family: ApiFamily,
    /// The technical-account email or user named in "no write access" reasons.
    pub account: Option<String>,
    pub aem_url: String,
    /// The stored connection, as it was when opened.
    pub connection: Connection,
    /// The connection's own client (its token), for the APIs beside the Assets API (the Sites
    /// API's content fragments).
    pub client: AemClient,
}

/// Who a connection writes as, for "no write access" reasons: the technical account of
/// service and OAuth credentials, the token's or SDK login's user otherwise.
fn account_of(connection: &Connection) -> Option<String> {
    match connection.kind {
        CredentialKind::ServiceCredentials | CredentialKind::OauthServerToServer => {
            connection.technical_account_email.clone()
        }
        CredentialKind::LocalDevToken | CredentialKind::LocalSdk => connection.acts_as.clone(),
    }
}

/// Opens the Assets API of a stored connection with a fresh set of token managers (the CLI:
/// one process, one command). See [`open_shared`].
/// `keychain` is the secret store `store` was opened with (it also caches tokens).
pub fn open(
    store: &ConnectionStore,
    keychain: Arc<dyn SecretStore>,
    id_or_name: &str,
    paired: Option<&str>,
) -> Result<Connected> {
    let ctx = AuthContext::new(build_http_client()?, keychain);
    open_shared(store, id_or_name, paired, &Authorizers::new(), &ctx)
}

/// Opens the Assets API of a stored connection with the caller's token managers, so a token
/// is shared with everything else the process does with that connection (the app's "Test
/// connection" and status) and renewed once. An OAuth S2S connection needs `paired` (a
/// connection allowed on the classic API) to list folders and read `jcr:uuid`, because no
/// OpenAPI endpoint lists a folder's assets; without one it lists with its own token (which
/// AEM refuses; the listing error says so). Reads the keychain: call it where blocking is
/// allowed.
pub fn open_shared(
    store: &ConnectionStore,
    id_or_name: &str,
    paired: Option<&str>,
    authorizers: &Authorizers,
    ctx: &AuthContext,
) -> Result<Connected> {
    let connection = store.find(id_or_name)?;
    let authorizer = |c: &Connection| authorizers.get(c, || store.load_secrets(&c.id), ctx);
    let client = AemClient::new(
        ctx.http.clone(),
        &connection.aem_url,
        authorizer(&connection)?,
    )?;
    let family = connection.kind.api_family();
    let own = client.clone();
    let assets: Arc<dyn AssetsApi> = match family {
        ApiFamily::Classic => Arc::new(ClassicAssets::new(client)),
        ApiFamily::OpenApi => match paired {
            Some(other) => {
                let lc = store.find(other)?;
                let list_client = AemClient::new(ctx.http.clone(), &lc.aem_url, authorizer(&lc)?)?;
                Arc::new(OpenApiAssets::new(client, ClassicAssets::new(list_client)))
            }
            None => Arc::new(OpenApiAssets::unpaired(client)),
        },
    };
    Ok(Connected {
        assets,
        family,
        account: account_of(&connection),
        aem_url: connection.aem_url.clone(),
        connection,
        client: own,
    })
}
