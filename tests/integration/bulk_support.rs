//! Shared set-up of the bulk engine tests against the sandbox: a started sandbox, Assets API
//! clients authenticated with its development token (classic) or an S2S token (OpenAPI), and
//! an engine with small pages and short retry delays so the tests stay fast.

// Test helpers panic on unexpected errors, like the tests themselves.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::cli_process::OutputRetried;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use metadesk_core::aem::auth::BoxFuture;
use metadesk_core::aem::{AemClient, AemError, Authorizer, RequestCredentials, StaticAuthorizer};
use metadesk_core::assets::open_search::OpenPage;
use metadesk_core::assets::search::SearchPage;
use metadesk_core::assets::{
    AssetRef, AssetsApi, CallError, ClassicAssets, Current, OpenApiAssets, Page, Write,
};
use metadesk_core::bulk::concurrency::ControllerConfig;
use metadesk_core::bulk::{
    Edit, EditOp, Engine, Progress, RunKind, RunScope, RunSpec, ScopeFilters, Settings,
};
use metadesk_core::credentials::ApiFamily;
use metadesk_core::secrets::Secret;
use metadesk_sandbox::{Sandbox, SandboxConfig};
use serde_json::Value;

pub async fn sandbox(assets: usize) -> Sandbox {
    Sandbox::start(
        SandboxConfig::default()
            .with_assets(assets)
            .with_key_bits(1024),
    )
    .await
    .unwrap()
}

/// The sandbox's host and port (`127.0.0.1:PORT`), as a trust names it: its development token
/// is Adobe-issued (`as: ims-na1`), so a connection of it on this computer needs that trust.
pub fn sandbox_host(sb: &Sandbox) -> String {
    let base = reqwest::Url::parse(&sb.base_url()).unwrap();
    format!("{}:{}", base.host_str().unwrap(), base.port().unwrap())
}

/// Runs the CLI with `args` in English and the sandbox's development token (written by
/// `sb.write_credentials(dir/creds)`), its home under `dir`.
pub fn run_with_dev_token(
    sb: &Sandbox,
    dir: &std::path::Path,
    args: &[&str],
) -> std::process::Output {
    let file = dir.join("creds/local-development-token.json");
    std::process::Command::new(crate::bulk_cli::cli())
        .env("METADESK_HOME", dir.join("home"))
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .args(args)
        .args(["--trust-host", &sandbox_host(sb)])
        .args(["--aem", &sb.base_url(), "--file"])
        .arg(&file)
        .output_retried()
        .unwrap()
}

pub fn bearer(token: &str, api_key: Option<&str>) -> Arc<dyn Authorizer> {
    Arc::new(StaticAuthorizer::new(
        RequestCredentials::Bearer {
            token: Secret::new(token),
            api_key: api_key.map(str::to_owned),
        },
        "the token was refused",
    ))
}

pub fn client(sb: &Sandbox, auth: Arc<dyn Authorizer>) -> AemClient {
    AemClient::new(
        metadesk_core::aem::client::build_http_client().unwrap(),
        &sb.base_url(),
        auth,
    )
    .unwrap()
}

pub fn classic(sb: &Sandbox) -> Arc<ClassicAssets> {
    Arc::new(ClassicAssets::new(client(
        sb,
        bearer(&sb.credentials().dev_token, None),
    )))
}

/// An OAuth S2S token from the sandbox IMS (the `tokens` branch mints these in the product).
pub async fn s2s_token(sb: &Sandbox) -> String {
    let c = sb.credentials();
    let body: Value = reqwest::Client::new()
        .post(format!("{}/ims/token/v3", sb.base_url()))
        .form(&[
            ("grant_type", "client_credentials"),
            ("client_id", c.oauth_client_id.as_str()),
            ("client_secret", c.oauth_client_secret.as_str()),
            ("scope", "AdobeID,openid,aem.assets.author,aem.folders"),
        ])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    body["access_token"].as_str().unwrap().to_owned()
}

pub async fn openapi(sb: &Sandbox) -> Arc<OpenApiAssets> {
    let token = s2s_token(sb).await;
    let c = sb.credentials();
    Arc::new(OpenApiAssets::new(
        client(sb, bearer(&token, Some(&c.oauth_client_id))),
        ClassicAssets::new(client(sb, bearer(&c.dev_token, None))),
    ))
}

pub fn settings() -> Settings {
    Settings {
        page_size: 10,
        retry: metadesk_core::retry::RetryPolicy {
            initial_delay: Duration::from_millis(5),
            ..Settings::default().retry
        },
        progress_interval: Duration::from_millis(5),
        controller: ControllerConfig {
            default_backoff: Duration::from_millis(50),
            ..ControllerConfig::default()
        },
        // Several batches of several assets in a folder of about 40.
        batch_assets: 8,
        ..Settings::default()
    }
}

/// The Assets API of a connection imported from the sandbox's credential file `json`, as the
/// app and the CLI open it (tokens minted through IMS). Call from a multi-threaded runtime.
/// `json` (a credential of the sandbox's) imported into a workspace in `dir` and opened, the way
/// the window and the CLI hold a connection. The sandbox's host is trusted by name: its
/// development token is Adobe-issued, and the sandbox is on this computer.
pub async fn opened_workspace(
    sb: &Sandbox,
    json: &str,
    dir: &std::path::Path,
) -> (metadesk_core::app::Workspace, metadesk_core::app::Opened) {
    use metadesk_core::app::{ConnectionChoice, Workspace};
    let ws = Workspace::new(
        metadesk_core::dirs::AppDirs::under(dir),
        Arc::new(metadesk_core::secrets::RunOnlyKeychain::default()),
    )
    .unwrap();
    let recognised = metadesk_core::credentials::inspect(json.as_bytes()).unwrap();
    let options = metadesk_core::connections::ImportOptions {
        aem_url: Some(sb.base_url()),
        trust_host: Some(sandbox_host(sb)),
        ..Default::default()
    };
    let id = ws
        .connections()
        .import(&recognised, &options)
        .unwrap()
        .connection
        .id;
    let opened = ws.open(ConnectionChoice::stored(id)).await.unwrap();
    (ws, opened)
}

pub fn connect_stored(
    sb: &Sandbox,
    json: &str,
) -> (metadesk_core::assets::connect::Connected, tempfile::TempDir) {
    use metadesk_core::connections::{AuthContext, Authorizers};
    use metadesk_core::connections::{ConnectionStore, ImportOptions};
    let dir = tempfile::tempdir().unwrap();
    let keychain = Arc::new(metadesk_core::secrets::RunOnlyKeychain::default());
    let store = ConnectionStore::new(dir.path(), keychain.clone());
    let recognised = metadesk_core::credentials::inspect(json.as_bytes()).unwrap();
    let options = ImportOptions {
        aem_url: Some(sb.base_url()),
        ..ImportOptions::default()
    };
    let id = store.import(&recognised, &options).unwrap().connection.id;
    let ctx = AuthContext::new(
        metadesk_core::aem::client::build_http_client().unwrap(),
        keychain,
    );
    let connected = tokio::task::block_in_place(|| {
        metadesk_core::assets::connect::open_shared(&store, &id, None, &Authorizers::new(), &ctx)
    })
    .unwrap();
    (connected, dir)
}

pub fn engine(aem: Arc<dyn metadesk_core::assets::AssetsApi>, dir: &std::path::Path) -> Engine {
    Engine::new(aem, dir.join("runs")).with_settings(settings())
}

pub fn spec(sb: &Sandbox, family: ApiFamily, folder: &str, edits: Vec<Edit>) -> RunSpec {
    RunSpec {
        connection: "sandbox".into(),
        connection_id: None,
        aem: sb.base_url(),
        family,
        scope: RunScope::checked(folder, ScopeFilters::default()).unwrap(),
        edits,
        kind: RunKind::Edit,
        account: Some(sb.credentials().dev_token_user.clone()),
        op: None,
    }
}

/// The run's scope of `folder` with `filters`, checked as any run's is.
pub fn scoped(folder: &str, filters: ScopeFilters) -> RunScope {
    RunScope::checked(folder, filters).unwrap()
}

/// `spec` with its filters changed by `change`, its scope checked again.
pub fn filtered(mut spec: RunSpec, change: impl FnOnce(&mut ScopeFilters)) -> RunSpec {
    let mut filters = spec.scope.filters().clone();
    change(&mut filters);
    spec.scope = scoped(spec.scope.folder(), filters);
    spec
}

pub fn set(p: &str, v: &str) -> Edit {
    Edit {
        property: p.into(),
        op: EditOp::Set {
            values: vec![v.into()],
        },
    }
}

pub fn values(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

pub fn quiet() -> impl Fn(Progress) + Send + Sync {
    |_p: Progress| {}
}

/// The sandbox's current metadata of `path`.
pub fn metadata(sb: &Sandbox, path: &str) -> serde_json::Map<String, Value> {
    sb.asset(path).unwrap()["metadata"]
        .as_object()
        .unwrap()
        .clone()
}

/// An authorizer that gets a fresh development token from the sandbox on a 401, the way the
/// product's `TokenManager` re-mints.
pub struct Reminting {
    pub current: std::sync::Mutex<String>,
    pub mint: Box<dyn Fn() -> String + Send + Sync>,
    pub renewals: std::sync::atomic::AtomicU32,
}

impl Authorizer for Reminting {
    fn credentials(&self) -> BoxFuture<'_, Result<RequestCredentials, AemError>> {
        let token = self.current.lock().unwrap().clone();
        Box::pin(async move {
            Ok(RequestCredentials::Bearer {
                token: Secret::new(token),
                api_key: None,
            })
        })
    }

    fn renew<'a>(
        &'a self,
        rejected: &'a RequestCredentials,
    ) -> BoxFuture<'a, Result<RequestCredentials, AemError>> {
        Box::pin(async move {
            let mut current = self.current.lock().unwrap();
            let stale = matches!(rejected, RequestCredentials::Bearer { token, .. } if token.expose() == current.as_str());
            if stale {
                *current = (self.mint)();
                self.renewals
                    .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            }
            Ok(RequestCredentials::Bearer {
                token: Secret::new(current.clone()),
                api_key: None,
            })
        })
    }
}

/// A reason's English words, for assertions (the journal keeps ids and arguments).
pub trait English {
    fn english(&self) -> Option<String>;
    fn english_words(&self) -> String {
        self.english().unwrap_or_default()
    }
}

impl English for Option<metadesk_core::i18n::SavedText> {
    fn english(&self) -> Option<String> {
        self.as_ref()
            .map(|r| r.localized(&metadesk_core::i18n::Localizer::english()))
    }
}

impl English for metadesk_core::i18n::SavedText {
    fn english(&self) -> Option<String> {
        Some(self.localized(&metadesk_core::i18n::Localizer::english()))
    }
}

pub type Hook = Box<dyn Fn(usize) -> Option<CallError> + Send + Sync>;

/// An AEM API that counts which search it was asked, and runs `before_open_page(n)` before the
/// n-th OpenAPI page (0-based): it may change the DAM, or fail the page.
pub struct Watched {
    inner: Arc<dyn AssetsApi>,
    pub open_pages: AtomicUsize,
    pub query_builder: AtomicUsize,
    before_open_page: Hook,
}

impl Watched {
    pub fn new(inner: Arc<dyn AssetsApi>, before_open_page: Hook) -> Arc<Self> {
        Arc::new(Watched {
            inner,
            open_pages: AtomicUsize::new(0),
            query_builder: AtomicUsize::new(0),
            before_open_page,
        })
    }
}

impl AssetsApi for Watched {
    fn family(&self) -> ApiFamily {
        self.inner.family()
    }
    fn list<'a>(&'a self, f: &'a str, o: u64, l: u64) -> BoxFuture<'a, Result<Page, CallError>> {
        self.inner.list(f, o, l)
    }
    fn resolve_id<'a>(&'a self, p: &'a str) -> BoxFuture<'a, Result<Option<String>, CallError>> {
        self.inner.resolve_id(p)
    }
    fn read<'a>(&'a self, a: &'a AssetRef) -> BoxFuture<'a, Result<Current, CallError>> {
        self.inner.read(a)
    }
    fn write<'a>(
        &'a self,
        a: &'a AssetRef,
        w: &'a [Write],
        m: Option<&'a str>,
    ) -> BoxFuture<'a, Result<Option<String>, CallError>> {
        self.inner.write(a, w, m)
    }
    fn listing_carries(&self, p: &str) -> bool {
        self.inner.listing_carries(p)
    }
    fn can_search(&self) -> bool {
        self.inner.can_search()
    }
    fn lists_folders(&self) -> bool {
        self.inner.lists_folders()
    }
    fn search<'a>(
        &'a self,
        params: &'a [(String, String)],
    ) -> BoxFuture<'a, Result<SearchPage, CallError>> {
        self.query_builder.fetch_add(1, Ordering::SeqCst);
        self.inner.search(params)
    }
    fn open_search<'a>(&'a self, body: &'a Value) -> BoxFuture<'a, Result<OpenPage, CallError>> {
        let n = self.open_pages.fetch_add(1, Ordering::SeqCst);
        let fail = (self.before_open_page)(n);
        Box::pin(async move {
            match fail {
                Some(e) => Err(e),
                None => self.inner.open_search(body).await,
            }
        })
    }
}

/// What `scope` selects, counted as the window counts it (a run's folder and filters).
pub async fn count_selected(
    ws: &metadesk_core::app::Workspace,
    opened: &metadesk_core::app::Opened,
    scope: metadesk_core::bulk::Scope,
) -> metadesk_core::error::Result<Option<metadesk_core::app::SelectedCount>> {
    let scope = scope.into_run_scope()?;
    ws.count_scope(opened, &scope, &|_| {}).await
}
