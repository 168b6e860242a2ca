//! A faithful simulated AEM as a Cloud Service author and Adobe IMS on loopback, for tests,
//! benchmarks and trying Metadesk without an Adobe account.
//!
//! One origin (`http://127.0.0.1:PORT`) serves both the IMS and the AEM author, with the wire
//! formats Adobe documents (each module names its pages):
//!
//! | Area | Endpoints |
//! |---|---|
//! | IMS | `POST /ims/exchange/jwt[/]` (urlencoded or multipart; `expires_in` in ms), `POST /ims/token/v3` (`client_credentials`; seconds) |
//! | Classic Assets API | `GET /api/assets[/{path}].json?offset&limit` (Siren, `srn:paging`), `PUT /api/assets/{path}[.json]`, `GET /api.json` |
//! | Repository JSON | `GET /content/dam/{path}[.{N|infinity}].json` (`jcr:uuid`; a folder's children each rendered a level less, an asset's `jcr:content` and its `metadata`; 300 past `json.maximumresults` as the taxonomy: `dam_json.rs`), `GET /content/dam/{path}/jcr:content/metadata.json`, `GET /libs/granite/security/currentuser.json`, `POST /content/dam/{path}/jcr:content/metadata` and `POST /content/dam/{folder}` with item-path parameters (Sling POST: `sling_post.rs`, `sling_batch.rs`; junk nodes for unknown paths, the 10,000-parameter cap, one commit per request), `GET /libs/granite/csrf/token.json` |
//! | OpenAPI | `GET`/`PATCH /adobe/assets/{urn:aaid:aem:…}/metadata` (ETag, If-Match → 412, JSON Patch), `GET /adobe/folders?path&limit&cursor`, `POST /adobe/assets/search[?allowUnindexedSearch=true]` (`allowUnsafeSearch=true` taken too; only that one, and required, as before release 27550 with [`Faults::search_before_27550`]: `assets_search.rs`) |
//! | Metadata schemas (Sling JSON) | `GET /conf/global/settings/dam/adminui-extension/metadataschema[/{form}…].{N|infinity}.json`, `GET /libs/dam/content/schemaeditors/forms[/…].{N|infinity}.json` (300 past `json.maximumresults`, as the taxonomy); folders carry `metadataSchema` on the node or its `jcr:content` (`GET /content/dam/{folder}.1.json`); see `schemas.rs` |
//! | Tag taxonomy | `GET /content/cq:tags[/{tag}].{N|infinity}.json` (Sling JSON: `jcr:title`, `jcr:title.<lang>`, `jcr:description`, `cq:movedTo`, `cq:backlinks`; a render deeper than one level holding more than `json.maximumresults` resources answers 300 with the renders allowed, as Sling does: `sling_json.rs`), `POST /bin/tagcommand` (`createTag`, `deleteTag`, `moveTag`, `mergeTag`, `activateTag`, `deactivateTag`, `list`: the Sites pages that use a tag, [`Sandbox::tag_page`]; a move or merge leaves a `cq:movedTo` stub and content keeps the old id), a Sling POST of properties to a tag's path; 403 for accounts without taxonomy rights ([`Sandbox::set_taxonomy_access`]); about half the seeded assets hold one or two tags (`taxonomy.rs`, `tag_command.rs`) |
//! | Direct binary upload | `POST /content/dam/{folder}.initiateUpload.json` (form fields only; a JSON body answers "Missing field: fileName"), `PUT` of parts to the pre-signed URLs of a second loopback origin that refuses AEM's headers, `POST …completeUpload.json` (`createVersion`, `replace`), then `dam:assetState` `processing` → `processed` with extraction overwriting earlier metadata; `POST /api/assets/{folder}` `{"class":"assetFolder"}` 201/409/412 (`upload/`, `dam/binaries.rs`, docs/sandbox.md "Uploads") |
//! | Replication | `POST /bin/replicate.json` (`cmd=Activate\|Deactivate`, many `path`, `agentId=preview`; one commit; `cq:lastReplicated*` on `jcr:content`, a copy of the metadata per tier: `replicate.rs`, `dam/publication.rs`) |
//! | QueryBuilder | `GET /bin/querybuilder.json` (predicates, paging, `p.guessTotal`, hit writers, traversal limit: see `querybuilder.rs`) |
//! | Moves | `POST /bin/wcmcommand` `cmd=movePage` (`srcPath`…, `destParentPath`, `destName`, `integrity`, `adjust` and `publish` repeated or as a JSON array): an asset or folder moved or renamed as the same asset, the named referring pages adjusted (all with `integrity=false` and no `adjust`), published copies of pages unchanged until published, a published asset unpublished unless `publish` names it; one commit; searches find the new path `index_lag_secs` later (`wcm_command.rs`, `dam/moves.rs`) |
//! | References | `GET /bin/wcm/references.json?path=…&path=…&predicate=wcmcontent` (the Sites pages that use each asset; seeded with [`SandboxConfig::with_lifecycle`], which also seeds expiry, off times and images without a description: `references.rs`, `dam/lifecycle.rs`) |
//! | Sites API (content fragments) | `GET /adobe/sites/cf/fragments?path&limit&cursor` (the fragment at `path` or every one in that folder's subtree, in tree order; `limit` 1–50, default 50, above → 400; `cursor` until the last page; `{"items": []}` where nothing is), `GET /adobe/sites/cf/fragments/{id}` (strong `ETag`), `PATCH /adobe/sites/cf/fragments/{id}` (`application/json-patch+json`; `replace`/`add` of `/title`, `/description`, `/fields/<index>/values`; no `If-Match` → 428, stale → 412, any value a field's type cannot take → 400 naming it and nothing changes), `GET /adobe/sites/cf/models[/{modelId}]` (fields, `required`, enumeration `options`), `POST /adobe/sites/cf/fragments/publish` (`{paths, workflowModelId}`: each path's `items[].status`, all or nothing, replicated at once: `sites_publish.rs`); OAuth S2S tokens only. Models `article` and `adventure` (`dam/cf_models.rs`); values, status and storage in `dam/fragments.rs`; HTTP in `sites.rs` |
//! | GraphQL | `POST /content/_cq_graphql/{global,metadesk}/endpoint.json` (queries and introspection; `articleList`/`articlePaginated`/`articleByPath` and the same for `adventure` over the same values the Sites API patches; errors with `locations`), `GET /content/_cq_graphql.1.json` (the configurations with an endpoint), `GET /graphql/list.json[/{config}]`, `GET /graphql/execute.json/metadesk/{article-list,article-by-path;path=…}` (or `POST` with `{"variables": …}`), `PUT`/`POST /graphql/persist.json/{config}/{name}`; 404 "No suitable endpoint found" for another configuration, 403 for an account not granted GraphQL (the read-only technical account at start; [`Sandbox::set_graphql_access`]) |
//! | Control | `GET /__sandbox/counters`, `GET`/`PUT /__sandbox/faults`, `GET /__sandbox/asset?path=…` (or `?id=urn:…`), `PATCH /__sandbox/asset?path=…` `{"dc:rights": "…", "dc:title": null}` (an edit by another user; a fragment's state shows its `fields`), `GET`/`PATCH /__sandbox/fragment?path=…` `{"field": "difficulty", "values": ["easy"]}` (a content fragment as the Sites API gives it plus its `etag`; a colleague's edit, as [`Sandbox::edit_fragment`]), `POST /__sandbox/upload?path=…` `{"dc:title": "…"}` (an upload by another user: listed at once, searched after `index_lag_secs`), `GET /__sandbox/dump[?full=true]`, `POST /__sandbox/reset`, `POST /__sandbox/revoke` `{"token": …}`, `GET /__sandbox/credentials`, `POST /__sandbox/dev-token[?user=…]`, `PUT /__sandbox/graphql-access` `{"user": "…", "allowed": false}` |
//!
//! Token rules (<https://experienceleague.adobe.com/en/docs/experience-manager-learn/cloud-service/aem-apis/overview>):
//! tokens from Service Credentials and Local Development Tokens work on the classic API,
//! repository JSON, GraphQL and `currentuser.json`; OAuth Server-to-Server tokens only on
//! `/adobe/*`, with `X-Api-Key` = their client id and `X-Adobe-Accept-Experimental: 1` (not
//! needed on `/adobe/sites`). Using
//! the wrong kind gives 403 with a body saying why. With [`SandboxConfig::basic_auth`] set, HTTP
//! basic auth works everywhere, as on a local AEM SDK.
//!
//! # Starting it in a test
//!
//! ```no_run
//! # async fn demo() -> Result<(), metadesk_sandbox::SandboxError> {
//! use metadesk_sandbox::{Faults, Sandbox, SandboxConfig};
//!
//! let sandbox = Sandbox::start(SandboxConfig::default().with_assets(200).with_key_bits(1024)).await?;
//! let base = sandbox.base_url(); // AEM author URL and IMS base, e.g. http://127.0.0.1:40123
//! let creds = sandbox.credentials().clone(); // JSON files, client ids, the dev token
//! let dir = tempfile::tempdir().unwrap();
//! sandbox.write_credentials(dir.path())?; // service-credentials.json, …
//! sandbox.set_faults(Faults { latency_ms: 5, capacity: Some(4), ..Faults::default() })?;
//! let counters = sandbox.counters();
//! sandbox.shutdown().await;
//! # let _ = (base, creds, counters); Ok(()) }
//! ```
//!
//! # Pointing the app at it
//!
//! ```text
//! cargo run -p metadesk-sandbox -- --port 4502 --assets 500 --write-credentials ./sandbox-creds
//! ```
//!
//! then import `./sandbox-creds/service-credentials.json` (or the dev token, or the OAuth
//! project) and use `http://127.0.0.1:4502` as the AEM author URL. The files' `imsEndpoint` is
//! `http://127.0.0.1:4502`: a bare host means `https://{host}`, a value with a scheme is used as
//! written, and `http` is accepted only for loopback hosts. `--basic-auth admin:admin` makes it
//! answer like a local SDK. `metadesk-sandbox --help` lists the fault flags.
//!
//! # Content fragments
//!
//! One seeded asset in [`FRAGMENT_EVERY`] (25) is a content fragment, every fourth of those an
//! `adventure`, the others `article`s. For N fragments: `SandboxConfig::default().with_assets(N)
//! .with_fragment_every(1)` (every asset one; `--fragment-every 1` on the command line), or
//! 25 × N assets at the default. Their values are derived from the seed on each read; only
//! changed fields are stored, so thousands cost little. [`Sandbox::edit_fragment`] changes
//! one as a colleague would, [`Sandbox::fragment_state`] reads it with its ETag.
//!
//! Generating RSA keys is slow in debug builds (about 4 s for 2048 bits); tests should use
//! [`SandboxConfig::with_key_bits`]`(1024)` unless they need real key sizes.

mod assets_search;
mod auth;
mod classic;
mod colleague;
mod config;
mod control;
mod core_response;
mod counters;
pub mod credentials;
mod csrf;
mod dam;
mod dam_json;
mod faults;
mod graphql;
mod graphql_query;
mod graphql_schema;
mod ims;
pub mod keys;
mod openapi;
mod qb_values;
mod querybuilder;
mod references;
mod renditions;
mod replicate;
mod request_kinds;
mod routes;
mod schemas;
mod served;
mod server;
mod sites;
mod sites_publish;
mod sling_batch;
mod sling_json;
mod sling_post;
mod sling_response;
mod tag_command;
mod taxonomy;
mod upload;
mod wcm_command;

use std::collections::{HashMap, HashSet};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard};

pub use config::SandboxConfig;
pub use counters::Counters;
pub use credentials::SandboxCredentials;
pub use dam::{ASSETS_PER_FOLDER, DAM_ROOT, FRAGMENT_EVERY, SAMPLE_FOLDER};
pub use faults::{Faults, FragmentFaults, Switched};
pub use ims::{OAuthClientSpec, ServiceCredentialSpec, TokenKind};
pub use schemas::BRAND_LANGUAGES;
pub use served::{KindSpan, Served, spans_by_kind, utilisation};
pub use upload::UploadSettings;

/// The client id Local Development Tokens carry.
pub const DEV_TOKEN_CLIENT_ID: &str = "dev-console-prod";

/// Why the sandbox could not start or an operation failed.
#[derive(Debug, thiserror::Error)]
pub enum SandboxError {
    #[error("I/O error: {0}")]
    Io(#[from] std::io::Error),
    #[error("key generation failed: {0}")]
    Keys(#[from] keys::KeyError),
    #[error("invalid credential: {0}")]
    Credential(String),
    #[error("invalid fault settings: {0}")]
    Faults(String),
    #[error("invalid asset edit: {0}")]
    Edit(String),
    #[error("background task failed: {0}")]
    Task(String),
}

pub(crate) struct Inner {
    pub config: SandboxConfig,
    pub base_url: String,
    pub port: u16,
    pub dam: RwLock<dam::Dam>,
    pub ims: Mutex<ims::ImsState>,
    pub faults: faults::FaultEngine,
    pub counters: counters::CounterState,
    pub persisted: Mutex<HashMap<(String, String), String>>,
    /// AEM users not granted GraphQL: their queries answer 403.
    pub graphql_denied: Mutex<HashSet<String>>,
    pub credentials: SandboxCredentials,
    /// `POST /adobe/assets/search` answers (see `assets_search.rs`).
    pub openapi_search: std::sync::atomic::AtomicBool,
    /// Sling's `json.maximumresults` (see `sling_json.rs`).
    pub json_max_results: std::sync::atomic::AtomicUsize,
    /// Nodes a Sling POST created because no asset or folder was at their path, with their
    /// properties (see `sling_batch.rs`).
    pub junk: Mutex<std::collections::BTreeMap<String, serde_json::Map<String, serde_json::Value>>>,
    /// CSRF tokens issued by `/libs/granite/csrf/token.json`.
    pub csrf_tokens: Mutex<HashSet<String>>,
    /// The tag taxonomy under `/content/cq:tags`.
    pub taxonomy: RwLock<taxonomy::Taxonomy>,
    /// AEM users who may tag assets but not change the taxonomy (not Tag Administrators).
    pub taxonomy_denied: Mutex<HashSet<String>>,
    /// Sites pages that use assets (`references.rs`).
    pub site_pages: RwLock<references::SitePages>,
    /// Direct binary uploads initiated and not completed, and where storage listens.
    pub uploads: upload::Uploads,
    pub storage_url: String,
}

impl Inner {
    /// IMS bases a JWT `aud` or metascope may use: the sandbox origin by IP or by `localhost`.
    pub(crate) fn ims_bases(&self) -> [String; 2] {
        [
            self.base_url.clone(),
            format!("http://localhost:{}", self.port),
        ]
    }
}

pub(crate) type Shared = Arc<Inner>;

// Poisoning only means another request panicked mid-update; the sandbox keeps serving.
pub(crate) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}
pub(crate) fn read<T>(m: &RwLock<T>) -> RwLockReadGuard<'_, T> {
    m.read().unwrap_or_else(PoisonError::into_inner)
}
pub(crate) fn write<T>(m: &RwLock<T>) -> RwLockWriteGuard<'_, T> {
    m.write().unwrap_or_else(PoisonError::into_inner)
}

pub(crate) fn asset_state(s: &Shared, path_or_id: &str) -> Option<serde_json::Value> {
    let dam = read(&s.dam);
    let node = match path_or_id.strip_prefix("urn:aaid:aem:") {
        Some(id) => dam.lookup_uuid(dam::parse_uuid(id)?),
        None => dam.lookup(path_or_id),
    };
    match node? {
        dam::Node::Asset(a) => Some(dam.asset_state(a)),
        dam::Node::Folder(_) => None,
    }
}

/// Who changes a fragment in [`Sandbox::edit_fragment`] and `PATCH /__sandbox/fragment`.
pub const COLLEAGUE: &str = "colleague@metadesk.example";

/// Publishes (`activate`) or unpublishes the asset at `path` to the publish tier as `by`;
/// `false` when there is no asset there.
pub(crate) fn replicate_as(s: &Shared, path: &str, activate: bool, by: &str) -> bool {
    let mut dam = write(&s.dam);
    let action = if activate {
        dam::Replication::Activate
    } else {
        dam::Replication::Deactivate
    };
    match dam.lookup(path) {
        Some(dam::Node::Asset(a)) => {
            dam.replicate(a, dam::Agent::Publish, action, by, ims::now_ms());
            true
        }
        _ => false,
    }
}

pub(crate) fn reset(s: &Shared) {
    write(&s.dam).reset();
    *write(&s.site_pages) =
        references::SitePages::seeded(&read(&s.dam), s.config.seed, s.config.lifecycle);
    lock(&s.junk).clear();
    *write(&s.taxonomy) = taxonomy::Taxonomy::seeded();
    s.counters.reset();
    s.faults.set(s.config.faults.clone());
    *lock(&s.persisted) = graphql::seeded_queries();
}

pub(crate) fn revoke(s: &Shared, token: &str) -> bool {
    let revoked = match lock(&s.ims).tokens.get_mut(token) {
        Some(t) if !t.revoked => {
            t.revoked = true;
            true
        }
        _ => false,
    };
    if revoked {
        s.counters.bump(|c| c.tokens_revoked += 1);
    }
    revoked
}

pub(crate) fn issue_dev_token(s: &Shared, user: &str, read_only: bool) -> String {
    // Local Development Tokens live 24 h whatever the configured TTL, as in the Developer Console.
    lock(&s.ims).mint(
        TokenKind::LocalDevelopment,
        DEV_TOKEN_CLIENT_ID,
        user,
        "AdobeID,openid,read_organizations",
        read_only,
        24 * 3600 * 1000,
    )
}

/// A running sandbox. Dropping it stops the server too; [`Sandbox::shutdown`] waits for that.
pub struct Sandbox {
    shared: Shared,
    stop: tokio::sync::watch::Sender<bool>,
    task: tokio::task::JoinHandle<()>,
}

impl std::fmt::Debug for Sandbox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sandbox")
            .field("base_url", &self.shared.base_url)
            .finish_non_exhaustive()
    }
}

impl Sandbox {
    /// Binds `127.0.0.1:{port}`, seeds the DAM, registers the credentials and starts serving.
    pub async fn start(config: SandboxConfig) -> Result<Sandbox, SandboxError> {
        config.faults.validate().map_err(SandboxError::Faults)?;
        let listener =
            tokio::net::TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], config.port))).await?;
        let port = listener.local_addr()?.port();
        let base_url = format!("http://127.0.0.1:{port}");
        let storage = tokio::net::TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], 0))).await?;
        let storage_url = format!("http://127.0.0.1:{}", storage.local_addr()?.port());

        let (seed, assets, per_folder, every, bits) = (
            config.seed,
            config.assets,
            config.assets_per_folder,
            config.fragment_every,
            config.key_bits,
        );
        let lifecycle = config.lifecycle;
        let dam_task = tokio::task::spawn_blocking(move || {
            let mut dam = dam::Dam::generate_with(seed, assets, per_folder, every);
            if lifecycle {
                dam.seed_lifecycle(ims::now_ms());
            }
            dam
        });
        let key_task = |cn: &'static str| {
            tokio::task::spawn_blocking(move || {
                keys::generate(&keys::KeyOptions {
                    common_name: cn.to_owned(),
                    ..keys::KeyOptions::with_bits(bits)
                })
            })
        };
        let rw_keys = key_task("metadesk-sandbox-rw");
        let ro_keys = key_task("metadesk-sandbox-ro");
        let join = |e: tokio::task::JoinError| SandboxError::Task(e.to_string());
        let dam = dam_task.await.map_err(join)?;
        let rw_keys = rw_keys.await.map_err(join)??;
        let ro_keys = ro_keys.await.map_err(join)??;

        let mut m = dam::Mix::new(seed, 9, 0);
        let program = 10_000 + m.next() % 90_000;
        let env = 100_000 + m.next() % 900_000;
        let org_id = format!("{}@AdobeOrg", credentials::hex_id(&mut m, 24));
        let rw = credentials::account(&mut m, format!("cm-p{program}-e{env}-integration"));
        let ro = credentials::account(&mut m, format!("cm-p{program}-e{env}-integration-0"));
        let oauth_id = format!("{:016x}{:016x}", m.next(), m.next());
        let oauth = credentials::account(&mut m, oauth_id);

        let mut ims_state = ims::ImsState::new(seed);
        for (acct, km, read_only) in [(&rw, &rw_keys, false), (&ro, &ro_keys, true)] {
            ims_state
                .register_service(ServiceCredentialSpec {
                    client_id: acct.client_id.clone(),
                    client_secret: acct.client_secret.clone(),
                    org_id: org_id.clone(),
                    technical_account_id: acct.technical_account_id.clone(),
                    technical_account_email: acct.email.clone(),
                    metascopes: vec![credentials::METASCOPE.to_owned()],
                    certificates_pem: vec![km.certificate_pem.clone()],
                    read_only,
                })
                .map_err(SandboxError::Credential)?;
        }
        ims_state.register_oauth(OAuthClientSpec {
            client_id: oauth.client_id.clone(),
            client_secrets: vec![oauth.client_secret.clone()],
            scopes: credentials::OAUTH_SCOPES
                .iter()
                .map(|s| (*s).to_owned())
                .collect(),
            org_id: org_id.clone(),
            technical_account_id: oauth.technical_account_id.clone(),
            technical_account_email: oauth.email.clone(),
            read_only: false,
        });
        let dev_token = ims_state.mint(
            TokenKind::LocalDevelopment,
            DEV_TOKEN_CLIENT_ID,
            &config.dev_token_user,
            "AdobeID,openid,read_organizations",
            false,
            24 * 3600 * 1000,
        );
        let metascope = credentials::METASCOPE;
        let creds = SandboxCredentials {
            ims_endpoint: base_url.clone(),
            author_url: base_url.clone(),
            org_id: org_id.clone(),
            service_credentials_json: credentials::service_credentials_json(
                &base_url, &org_id, &rw, metascope, &rw_keys,
            ),
            service_client_id: rw.client_id.clone(),
            service_client_secret: rw.client_secret.clone(),
            service_technical_account_id: rw.technical_account_id.clone(),
            service_technical_account_email: rw.email.clone(),
            read_only_service_credentials_json: credentials::service_credentials_json(
                &base_url, &org_id, &ro, metascope, &ro_keys,
            ),
            read_only_client_id: ro.client_id.clone(),
            read_only_technical_account_email: ro.email.clone(),
            dev_token_json: credentials::dev_token_json(&dev_token),
            dev_token,
            dev_token_user: config.dev_token_user.clone(),
            oauth_project_json: credentials::oauth_project_json(
                &base_url, &org_id, program, &oauth,
            ),
            oauth_client_id: oauth.client_id.clone(),
            oauth_client_secret: oauth.client_secret.clone(),
            oauth_technical_account_email: oauth.email.clone(),
        };

        let openapi_search = config.openapi_search;
        let json_max_results = config.json_max_results;
        let site_pages = references::SitePages::seeded(&dam, seed, lifecycle);
        let shared = Arc::new(Inner {
            faults: faults::FaultEngine::new(config.faults.clone(), seed),
            config,
            base_url,
            port,
            dam: RwLock::new(dam),
            ims: Mutex::new(ims_state),
            counters: counters::CounterState::default(),
            persisted: Mutex::new(graphql::seeded_queries()),
            graphql_denied: Mutex::new(HashSet::from([ro.email.clone()])),
            credentials: creds,
            openapi_search: std::sync::atomic::AtomicBool::new(openapi_search),
            json_max_results: std::sync::atomic::AtomicUsize::new(json_max_results),
            junk: Mutex::default(),
            csrf_tokens: Mutex::default(),
            taxonomy: RwLock::new(taxonomy::Taxonomy::seeded()),
            taxonomy_denied: Mutex::default(),
            site_pages: RwLock::new(site_pages),
            uploads: upload::Uploads::default(),
            storage_url,
        });
        let (router, blobs) = (
            routes::router(shared.clone()),
            upload::storage_router(shared.clone()),
        );
        let (stop, stopped) = tokio::sync::watch::channel(false);
        let task = tokio::spawn(async move {
            let aem = server::serve(listener, router, stopped.clone());
            tokio::join!(aem, server::serve(storage, blobs, stopped));
        });
        Ok(Sandbox { shared, stop, task })
    }

    /// `http://127.0.0.1:PORT`: the AEM author URL and the IMS base.
    pub fn base_url(&self) -> String {
        self.shared.base_url.clone()
    }

    /// The bound port.
    pub fn port(&self) -> u16 {
        self.shared.port
    }

    /// The credentials registered at start, as JSON files and raw values.
    pub fn credentials(&self) -> &SandboxCredentials {
        &self.shared.credentials
    }

    /// Writes `service-credentials.json`, `service-credentials-read-only.json`,
    /// `local-development-token.json` and `oauth-project.json` into `dir`.
    pub fn write_credentials(&self, dir: &Path) -> Result<Vec<PathBuf>, SandboxError> {
        Ok(self.shared.credentials.write_to(dir)?)
    }

    /// Registers (or replaces) an AEM Service Credential binding, e.g. one with a 4096-bit key.
    pub fn register_service_credential(
        &self,
        spec: ServiceCredentialSpec,
    ) -> Result<(), SandboxError> {
        lock(&self.shared.ims)
            .register_service(spec)
            .map_err(SandboxError::Credential)
    }

    /// Registers (or replaces) an OAuth Server-to-Server client.
    pub fn register_oauth_client(&self, spec: OAuthClientSpec) {
        lock(&self.shared.ims).register_oauth(spec);
    }

    /// Issues a fresh Local Development Token for `user` (24 h).
    pub fn issue_dev_token(&self, user: &str, read_only: bool) -> String {
        issue_dev_token(&self.shared, user, read_only)
    }

    /// Invalidates an access token; `false` if unknown or already revoked.
    pub fn revoke_token(&self, token: &str) -> bool {
        revoke(&self.shared, token)
    }

    /// A snapshot of the counters.
    pub fn counters(&self) -> Counters {
        self.shared.counters.snapshot()
    }

    /// The fault settings in force.
    pub fn faults(&self) -> Faults {
        self.shared.faults.get()
    }

    /// Replaces the fault settings at run time.
    pub fn set_faults(&self, faults: Faults) -> Result<(), SandboxError> {
        faults.validate().map_err(SandboxError::Faults)?;
        self.shared.faults.set(faults);
        Ok(())
    }

    /// Full state of one asset by path (`/content/dam/…`) or id (`urn:aaid:aem:…`).
    pub fn asset(&self, path_or_id: &str) -> Option<serde_json::Value> {
        asset_state(&self.shared, path_or_id)
    }

    /// Changes an asset's metadata as another AEM user would, between a preview and its apply
    /// for example: `edit` maps properties to new values (`null` removes one). Returns the
    /// asset's new state (as [`Sandbox::asset`]).
    pub fn edit_asset(
        &self,
        path_or_id: &str,
        edit: serde_json::Value,
    ) -> Result<serde_json::Value, SandboxError> {
        colleague::edit_asset(&self.shared, path_or_id, &edit).map_err(SandboxError::Edit)
    }

    /// Changes a content fragment as another AEM user would in the fragment editor (as
    /// [`COLLEAGUE`]; a new ETag): `field` is `title`, `description` or a field of its model,
    /// `values` as the Sites API gives them (`description`: none or one). Values the field
    /// cannot take are refused as the Sites API refuses them, and nothing changes.
    pub fn edit_fragment(
        &self,
        path: &str,
        field: &str,
        values: Vec<serde_json::Value>,
    ) -> Result<(), SandboxError> {
        sites::edit_fragment(&self.shared, path, field, values)
            .map(drop)
            .map_err(SandboxError::Edit)
    }

    /// The content fragment at `path` as `GET /adobe/sites/cf/fragments/{id}` gives it, plus
    /// its `etag`; `None` when no fragment is there.
    pub fn fragment_state(&self, path: &str) -> Option<serde_json::Value> {
        sites::fragment_state(&self.shared, path)
    }

    /// The metadata the publish tier (or, with `preview`, AEM's Preview tier) serves for the
    /// asset at `path`: `None` when it was never activated there, was deactivated since, or
    /// there is no such asset.
    pub fn published(
        &self,
        path: &str,
        preview: bool,
    ) -> Option<serde_json::Map<String, serde_json::Value>> {
        let dam = read(&self.shared.dam);
        let agent = if preview {
            dam::Agent::Preview
        } else {
            dam::Agent::Publish
        };
        match dam.lookup(path)? {
            dam::Node::Asset(a) => dam.published_metadata(a, agent),
            dam::Node::Folder(_) => None,
        }
    }

    /// Replicates the asset at `path` as `by` would have, for tests that need an asset
    /// published (or unpublished) before a run; `false` when there is no asset there.
    pub fn replicate_as(&self, path: &str, activate: bool, by: &str) -> bool {
        replicate_as(&self.shared, path, activate, by)
    }

    /// The tree with every asset's writes (`full` adds all metadata).
    pub fn dump(&self, full: bool) -> serde_json::Value {
        read(&self.shared.dam).dump(full)
    }

    /// Changes an asset's metadata as another AEM user would (`None` removes a property), for
    /// tests of what happens when assets change during a run. `false` if there is no such asset.
    pub fn write_metadata(
        &self,
        path: &str,
        changes: Vec<(String, Option<serde_json::Value>)>,
    ) -> bool {
        let mut dam = write(&self.shared.dam);
        match dam.lookup(path) {
            Some(dam::Node::Asset(a)) => {
                dam.apply(a, changes);
                true
            }
            _ => false,
        }
    }

    /// Deletes an asset as another AEM user would (it leaves its folder's listing, the
    /// searches and every path or id look-up), for tests of a scope that changes while a run
    /// pages through it; `false` when there is no asset at `path`. [`Sandbox::reset`] restores it.
    pub fn remove_asset(&self, path: &str) -> bool {
        write(&self.shared.dam).remove_asset(path)
    }

    /// Adds an asset at `path` (`/content/dam/folder/name.jpg`, in an existing folder) as
    /// another user's upload would, with `metadata` (a JSON object, or `null`) over the seeded
    /// values: listed at once, found by searches only [`Faults::index_lag_secs`] later.
    /// Returns its state (as [`Sandbox::asset`]); [`Sandbox::reset`] removes it.
    pub fn upload(
        &self,
        path: &str,
        metadata: serde_json::Value,
    ) -> Result<serde_json::Value, SandboxError> {
        colleague::upload(&self.shared, path, &metadata).map_err(SandboxError::Edit)
    }

    /// The nodes Sling POSTs created where no asset or folder was (a mistyped path leaves one),
    /// with their properties. [`Sandbox::reset`] removes them.
    pub fn junk_nodes(
        &self,
    ) -> std::collections::BTreeMap<String, serde_json::Map<String, serde_json::Value>> {
        lock(&self.shared.junk).clone()
    }

    /// Paths of the folders that hold assets; the first is always [`SAMPLE_FOLDER`].
    pub fn leaf_folders(&self) -> Vec<String> {
        read(&self.shared.dam).leaf_folders()
    }

    /// Grants or withdraws GraphQL access for an AEM user (a technical account's email, the
    /// dev token's user). At start every account has it except the read-only technical
    /// account, as on an author where nobody granted it GraphQL.
    pub fn set_graphql_access(&self, user: &str, allowed: bool) {
        auth::set_denied(&self.shared.graphql_denied, user, allowed);
    }

    /// Lets an AEM user change the taxonomy or not (tagging assets stays allowed): refused,
    /// `/bin/tagcommand` and Sling POSTs under `/content/cq:tags` answer 403.
    pub fn set_taxonomy_access(&self, user: &str, allowed: bool) {
        auth::set_denied(&self.shared.taxonomy_denied, user, allowed);
    }

    /// Turns the OpenAPI search (`POST /adobe/assets/search`) on or off (off: 404).
    pub fn set_openapi_search(&self, enabled: bool) {
        self.shared
            .openapi_search
            .store(enabled, std::sync::atomic::Ordering::Relaxed);
    }

    /// Sets Sling's `json.maximumresults`: a render deeper than one level holding more
    /// resources answers 300 with the renders allowed (`sling_json.rs`).
    pub fn set_json_max_results(&self, max: usize) {
        self.shared
            .json_max_results
            .store(max, std::sync::atomic::Ordering::Relaxed);
    }

    /// Runs every move job waiting now (`Faults::move_job_above`) rather than `move_job_ms`
    /// after its answer: a test holds AEM's background moves until it has seen what the
    /// client did meanwhile.
    pub fn run_move_jobs_now(&self) {
        self.shared.faults.run_move_jobs_now();
    }

    /// Undoes every write and upload, zeroes the counters and restores the start-up faults.
    /// Tokens stay.
    pub fn reset(&self) {
        reset(&self.shared);
    }

    /// Stops serving and waits for the server task; open connections are closed.
    pub async fn shutdown(self) {
        let _ = self.stop.send(true);
        let _ = self.task.await;
    }
}
