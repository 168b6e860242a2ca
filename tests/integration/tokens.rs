//! Access tokens against the sandbox: minting for each connection kind, both `expires_in`
//! units, reuse after a restart, one exchange for many callers, renewal before expiry, one
//! re-mint after a revocation, each IMS error in words, and tokens kept to their own host.
//!
//! Most tests cache tokens in a `RunOnlyKeychain` (the keychain seam); the `#[ignore]`d ones at
//! the end use the real Secret Service (run them with scripts/test.sh).

// Helpers outside `#[test]` functions panic on purpose: they are test code too.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::cli_process::OutputRetried;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use metadesk_core::ErrorCode;
use metadesk_core::aem::client::build_http_client;
use metadesk_core::aem::connection_check::StepOutcome;
use metadesk_core::aem::{AemClient, AemError, Authorizer, RequestCredentials};
use metadesk_core::connections::{
    AuthContext, Authorizers, Connection, ConnectionStore, ImportOptions, Imported, authorizer_for,
    test_stored_connection,
};
use metadesk_core::credentials;
use metadesk_core::credentials::ApiFamily;
use metadesk_core::credentials::CredentialKind;
use metadesk_core::ims::manager::{RENEW_MARGIN, ServiceAccountSource};
use metadesk_core::ims::status::HealthLevel;
use metadesk_core::ims::{
    Clock, ImsBase, ImsError, ImsHttp, OAuthClient, RetryPolicy, ServiceAccount, TokenManager,
    TokenManagerConfig, TokenStatus, connection_health,
};
use metadesk_core::secrets::{
    KeyringStore, RunOnlyKeychain, Secret, SecretStore, SecretStoreError,
};
use metadesk_sandbox::{Faults, Sandbox, SandboxConfig};
use reqwest::Method;

const SERVICE: &str = "service-credentials.json";
const OAUTH: &str = "oauth-project.json";
const DEV_TOKEN: &str = "local-development-token.json";

/// A sandbox, its credential files imported as connections, and the token context.
struct Env {
    sandbox: Sandbox,
    _dir: tempfile::TempDir,
    connections: Arc<ConnectionStore>,
    /// Where tokens are cached (the keychain seam).
    tokens: Arc<dyn SecretStore>,
}

impl Env {
    async fn start(config: SandboxConfig, tokens: Arc<dyn SecretStore>) -> Env {
        let sandbox = Sandbox::start(config.with_assets(30).with_key_bits(1024))
            .await
            .unwrap();
        let dir = tempfile::tempdir().unwrap();
        sandbox
            .write_credentials(&dir.path().join("files"))
            .unwrap();
        let connections = Arc::new(ConnectionStore::new(
            &dir.path().join("config"),
            Arc::new(RunOnlyKeychain::new()),
        ));
        let env = Env {
            sandbox,
            _dir: dir,
            connections,
            tokens,
        };
        for file in [SERVICE, OAUTH, DEV_TOKEN] {
            env.import(file);
        }
        env
    }

    async fn default() -> Env {
        Env::start(SandboxConfig::default(), Arc::new(RunOnlyKeychain::new())).await
    }

    fn import(&self, file: &str) -> Connection {
        let options = ImportOptions {
            name: Some(file.trim_end_matches(".json").to_string()),
            aem_url: Some(self.sandbox.base_url()),
            // The development token is Adobe-issued (IMS `ims-na1`): on this computer it needs
            // the sandbox's host trusted; the others get their tokens from the sandbox's IMS.
            trust_host: (file == DEV_TOKEN)
                .then(|| crate::bulk_support::sandbox_host(&self.sandbox)),
            ..ImportOptions::default()
        };
        let id = match import_file(
            &self.connections,
            &self._dir.path().join("files").join(file),
            &options,
        ) {
            Ok(imported) => imported.connection.id,
            Err(e) => panic!("{file} refused: {e}"),
        };
        self.connections.get(&id).unwrap()
    }

    fn connection(&self, name: &str) -> Connection {
        self.connections
            .find(name.trim_end_matches(".json"))
            .unwrap()
    }

    fn ctx(&self) -> AuthContext {
        AuthContext {
            retry: RetryPolicy::quick(),
            ..AuthContext::new(build_http_client().unwrap(), Arc::clone(&self.tokens))
        }
    }

    /// A fresh authorizer for `name`, as after an app start.
    fn authorizer(&self, name: &str) -> Arc<dyn Authorizer> {
        let connection = self.connection(name);
        let secrets = self.connections.load_secrets(&connection.id).unwrap();
        authorizer_for(&connection, secrets, &self.ctx()).unwrap()
    }

    fn client(&self, auth: Arc<dyn Authorizer>) -> AemClient {
        AemClient::new(build_http_client().unwrap(), &self.sandbox.base_url(), auth).unwrap()
    }

    fn issued(&self, client_id: &str) -> u64 {
        self.sandbox
            .counters()
            .tokens_issued
            .get(client_id)
            .copied()
            .unwrap_or(0)
    }

    fn service_id(&self) -> String {
        self.sandbox.credentials().service_client_id.clone()
    }
}

async fn current_user(client: &AemClient) -> Result<u16, AemError> {
    let url = client.url("/libs/granite/security/currentuser.json")?;
    Ok(client
        .send(Method::GET, url, |r| r)
        .await?
        .status()
        .as_u16())
}

fn bearer(creds: &RequestCredentials) -> String {
    match creds {
        RequestCredentials::Bearer { token, .. } => token.expose().to_string(),
        other => panic!("not a bearer token: {other:?}"),
    }
}

fn seconds_left(auth: &dyn Authorizer, kind: CredentialKind) -> i64 {
    let health = connection_health(
        &metadesk_core::i18n::Localizer::english(),
        kind,
        &auth.snapshot(),
        None,
        Clock::system().now(),
    );
    match health.token {
        TokenStatus::Valid { seconds_left, .. } => seconds_left,
        other => panic!("no valid token: {other:?}"),
    }
}

// ---- each kind mints (or not) and passes "Test connection" -------------------------------

#[tokio::test]
async fn service_credentials_mint_and_pass_the_connection_test() {
    let env = Env::default().await;
    let authorizers = Authorizers::new();
    let (_, report) = test_stored_connection(
        env.connections.clone(),
        "service-credentials",
        &authorizers,
        &env.ctx(),
        &metadesk_core::i18n::Localizer::english(),
    )
    .await
    .unwrap();
    assert!(report.ok, "{report:#?}");
    assert_eq!(report.api, ApiFamily::Classic);
    assert_eq!(report.host, "127.0.0.1");
    assert_eq!(
        report.acting_as.as_deref(),
        Some(
            env.sandbox
                .credentials()
                .service_technical_account_email
                .as_str()
        )
    );
    assert_eq!(report.dam_readable, Some(true));
    let left = report.token_seconds_left.unwrap();
    assert!((86_000..=86_400).contains(&left), "{left}");
    assert!(
        report.certificate.is_some(),
        "service credentials have a certificate"
    );
    assert_eq!(report.steps.len(), 3);
    assert_eq!(env.issued(&env.service_id()), 1);
}

/// Issue 13 item 8: an AEM behind a dispatcher that hides `currentuser.json` still works.
#[tokio::test]
async fn a_hidden_current_user_endpoint_is_a_warning_not_a_failed_connection() {
    let env = Env::default().await;
    env.sandbox
        .set_faults(Faults {
            current_user_hidden: true,
            ..Faults::default()
        })
        .unwrap();
    let (_, report) = test_stored_connection(
        env.connections.clone(),
        "service-credentials",
        &Authorizers::new(),
        &env.ctx(),
        &metadesk_core::i18n::Localizer::english(),
    )
    .await
    .unwrap();
    assert!(report.ok, "{report:#?}");
    assert_eq!(report.dam_readable, Some(true));
    assert_eq!(report.acting_as, None);
    let outcomes: Vec<StepOutcome> = report.steps.iter().map(|s| s.outcome).collect();
    assert_eq!(
        outcomes,
        [
            StepOutcome::Passed,
            StepOutcome::Warning,
            StepOutcome::Passed
        ]
    );
    assert!(
        report.steps[1].detail.contains("AEM answered 404"),
        "{}",
        report.steps[1].detail
    );
}

#[tokio::test]
async fn oauth_s2s_mints_and_reads_the_dam_through_the_folders_api() {
    let env = Env::default().await;
    let (_, report) = test_stored_connection(
        env.connections.clone(),
        "oauth-project",
        &Authorizers::new(),
        &env.ctx(),
        &metadesk_core::i18n::Localizer::english(),
    )
    .await
    .unwrap();
    assert!(report.ok, "{report:#?}");
    assert_eq!(report.api, ApiFamily::OpenApi);
    assert_eq!(report.dam_readable, Some(true));
    assert_eq!(report.acting_as, None, "the Folders API does not say");
    assert_eq!(report.certificate, None);
    assert_eq!(env.issued(&env.sandbox.credentials().oauth_client_id), 1);
    // The X-Api-Key rule: the S2S authorizer sends its client id, and only S2S does.
    match env.authorizer("oauth-project").credentials().await.unwrap() {
        RequestCredentials::Bearer { api_key, .. } => {
            assert_eq!(
                api_key,
                Some(env.sandbox.credentials().oauth_client_id.clone())
            )
        }
        other => panic!("{other:?}"),
    }
    match env
        .authorizer("service-credentials")
        .credentials()
        .await
        .unwrap()
    {
        RequestCredentials::Bearer { api_key, .. } => assert_eq!(api_key, None),
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn a_dev_token_is_used_as_is_and_mints_nothing() {
    let env = Env::default().await;
    let before = env.sandbox.counters().tokens_issued.clone();
    let (_, report) = test_stored_connection(
        env.connections.clone(),
        "local-development-token",
        &Authorizers::new(),
        &env.ctx(),
        &metadesk_core::i18n::Localizer::english(),
    )
    .await
    .unwrap();
    assert!(report.ok, "{report:#?}");
    assert_eq!(
        report.acting_as.as_deref(),
        Some(env.sandbox.credentials().dev_token_user.as_str())
    );
    let left = report.token_seconds_left.unwrap();
    assert!((86_000..=86_400).contains(&left), "{left}");
    assert_eq!(env.sandbox.counters().tokens_issued, before);
}

#[tokio::test]
async fn an_ended_dev_token_is_refused_before_anything_is_sent() {
    let env = Env::default().await;
    let connection = env.connection(DEV_TOKEN);
    let secrets = env.connections.load_secrets(&connection.id).unwrap();
    let ctx = AuthContext {
        clock: Clock::system_skewed(25 * 3600),
        ..env.ctx()
    };
    let client = env.client(authorizer_for(&connection, secrets, &ctx).unwrap());
    let before = env.sandbox.counters().requests_total;
    let err = current_user(&client).await.unwrap_err();
    assert!(
        err.to_string().contains("Get Local Development Token"),
        "{err}"
    );
    assert_eq!(err.code(), ErrorCode::Auth);
    assert_eq!(
        env.sandbox.counters().requests_total,
        before,
        "nothing was sent"
    );
}

/// A sandbox that asks for basic auth (admin/admin) and a local SDK connection "sdk" that logs
/// in as admin with `password`.
async fn env_with_local_sdk(password: &str) -> Env {
    let env = Env::start(
        SandboxConfig::default().with_basic_auth("admin", "admin"),
        Arc::new(RunOnlyKeychain::new()),
    )
    .await;
    env.connections
        .add_local_sdk(
            Some(&env.sandbox.base_url()),
            "admin",
            Secret::new(password),
            Some("sdk".into()),
        )
        .unwrap();
    env
}

#[tokio::test]
async fn a_local_sdk_uses_basic_auth_without_a_token() {
    let env = env_with_local_sdk("admin").await;
    let before = env.sandbox.counters().tokens_issued.clone();
    let (_, report) = test_stored_connection(
        env.connections.clone(),
        "sdk",
        &Authorizers::new(),
        &env.ctx(),
        &metadesk_core::i18n::Localizer::english(),
    )
    .await
    .unwrap();
    assert!(report.ok, "{report:#?}");
    assert_eq!(report.acting_as.as_deref(), Some("admin"));
    assert_eq!(report.token_seconds_left, None);
    assert_eq!(env.sandbox.counters().tokens_issued, before);
}

/// A wrong SDK password: the failed step says so in the reader's language, with what to do.
#[tokio::test]
async fn a_refused_sdk_login_is_told_in_the_readers_language() {
    let env = env_with_local_sdk("not-the-password").await;
    let fr = metadesk_core::i18n::Localizer::new(metadesk_core::i18n::Lang::Fr);
    let (_, report) = test_stored_connection(
        env.connections.clone(),
        "sdk",
        &Authorizers::new(),
        &env.ctx(),
        &fr,
    )
    .await
    .unwrap();
    assert!(!report.ok, "{report:#?}");
    let words: Vec<&str> = report.steps.iter().map(|s| s.detail.as_str()).collect();
    let words = words.join("\n");
    assert!(
        words.contains("a refusé le nom d’utilisateur et le mot de passe de «\u{a0}sdk\u{a0}»")
            && words.contains("admin/admin par défaut dans le SDK"),
        "{words}"
    );
}

// ---- expires_in units ----------------------------------------------------------------------

#[tokio::test]
async fn both_expires_in_units_are_honoured() {
    // JWT exchange answers 3599999 (ms), v3 answers 3599 (s): both are about an hour.
    let env = Env::start(
        SandboxConfig::default().with_token_ttl(Duration::from_secs(3600)),
        Arc::new(RunOnlyKeychain::new()),
    )
    .await;
    for (name, kind) in [
        ("service-credentials", CredentialKind::ServiceCredentials),
        ("oauth-project", CredentialKind::OauthServerToServer),
    ] {
        let auth = env.authorizer(name);
        auth.credentials().await.unwrap();
        let left = seconds_left(auth.as_ref(), kind);
        assert!((3590..=3600).contains(&left), "{name}: {left} s left");
    }
}

// ---- keep and renew ------------------------------------------------------------------------

#[tokio::test]
async fn a_restart_reuses_the_cached_token() {
    let env = Env::default().await;
    let first = env.authorizer("service-credentials");
    let token = bearer(&first.credentials().await.unwrap());
    drop(first);
    // "Restart": a new authorizer over the same keychain.
    let second = env.authorizer("service-credentials");
    second.warm_up().await.unwrap();
    assert!(
        second.snapshot().expires_at.is_some(),
        "status known before any request"
    );
    assert_eq!(bearer(&second.credentials().await.unwrap()), token);
    assert_eq!(current_user(&env.client(second)).await.unwrap(), 200);
    assert_eq!(env.issued(&env.service_id()), 1);
}

#[tokio::test]
async fn a_hundred_parallel_requests_cause_one_exchange() {
    let env = Env::default().await;
    let client = env.client(env.authorizer("service-credentials"));
    let mut tasks = Vec::new();
    for _ in 0..100 {
        let client = client.clone();
        tasks.push(tokio::spawn(async move { current_user(&client).await }));
    }
    for task in tasks {
        assert_eq!(task.await.unwrap().unwrap(), 200);
    }
    assert_eq!(env.issued(&env.service_id()), 1);
}

#[tokio::test]
async fn a_short_lived_token_is_renewed_before_it_expires() {
    let env = Env::start(
        SandboxConfig::default().with_token_ttl(Duration::from_secs(4)),
        Arc::new(RunOnlyKeychain::new()),
    )
    .await;
    let client = env.client(env.authorizer("service-credentials"));
    assert_eq!(current_user(&client).await.unwrap(), 200);
    assert_eq!(env.issued(&env.service_id()), 1);
    // The token ageing is the behaviour under test: past half its life (4 s), it is renewed
    // before use, so AEM never sees an expired token.
    tokio::time::sleep(Duration::from_millis(2500)).await;
    assert_eq!(current_user(&client).await.unwrap(), 200);
    assert_eq!(env.issued(&env.service_id()), 2);
    assert_eq!(env.sandbox.counters().count("GET", 401), 0);
}

#[tokio::test]
async fn a_revoked_token_causes_one_remint_and_each_request_is_retried_once() {
    let env = Env::default().await;
    let auth = env.authorizer("service-credentials");
    let client = env.client(Arc::clone(&auth));
    assert_eq!(current_user(&client).await.unwrap(), 200);
    let token = bearer(&auth.credentials().await.unwrap());
    assert!(env.sandbox.revoke_token(&token));
    let mut tasks = Vec::new();
    for _ in 0..20 {
        let client = client.clone();
        tasks.push(tokio::spawn(async move { current_user(&client).await }));
    }
    for task in tasks {
        assert_eq!(task.await.unwrap().unwrap(), 200);
    }
    assert_eq!(env.issued(&env.service_id()), 2, "one re-mint for all");
    assert_eq!(
        env.sandbox.counters().count("GET", 401),
        20,
        "one 401 per request"
    );
    assert_ne!(bearer(&auth.credentials().await.unwrap()), token);
}

#[tokio::test]
async fn a_token_that_stays_refused_is_explained() {
    let env = Env::start(
        SandboxConfig::default().with_faults(Faults {
            revoke_after: Some(0),
            ..Faults::default()
        }),
        Arc::new(RunOnlyKeychain::new()),
    )
    .await;
    let client = env.client(env.authorizer("service-credentials"));
    let err = current_user(&client).await.unwrap_err();
    assert!(err.to_string().contains("even after renewing"), "{err}");
    assert_eq!(
        env.issued(&env.service_id()),
        2,
        "one mint, one re-mint, then stop"
    );
}

// ---- errors in words ------------------------------------------------------------------------

/// The sandbox's service account, to be altered per case.
fn service_account(env: &Env) -> ServiceAccount {
    let connection = env.connection(SERVICE);
    let secrets = env.connections.load_secrets(&connection.id).unwrap();
    ServiceAccount {
        ims_base: ImsBase::parse(connection.ims_base.as_deref().unwrap()).unwrap(),
        client_id: connection.client_id.unwrap(),
        client_secret: secrets.client_secret.unwrap(),
        org_id: connection.org.unwrap(),
        technical_account_id: connection.technical_account_id.unwrap(),
        metascopes: connection.scopes,
        private_key_pem: secrets.private_key_pem.unwrap(),
    }
}

async fn exchange(account: &ServiceAccount, clock: Clock) -> Result<(), ImsError> {
    ImsHttp::new(build_http_client().unwrap(), RetryPolicy::quick(), clock)
        .exchange_jwt(account)
        .await
        .map(|_| ())
}

#[tokio::test]
async fn each_ims_error_gets_its_message() {
    let env = Env::default().await;
    env.import("service-credentials-read-only.json");
    let other_key = env
        .connections
        .load_secrets(&env.connection("service-credentials-read-only").id)
        .unwrap()
        .private_key_pem
        .unwrap();
    type Change = Box<dyn Fn(&mut ServiceAccount)>;
    let cases: Vec<(&str, Change, &str)> = vec![
        (
            "wrong secret",
            Box::new(|a| a.client_secret = Secret::new("wrong-secret")),
            "did not accept the client id",
        ),
        (
            "unknown client id",
            Box::new(|a| a.client_id = "cm-p1-e1-integration".into()),
            "did not accept the client id cm-p1-e1-integration",
        ),
        (
            "key of another account",
            Box::new(move |a| a.private_key_pem = other_key.clone()),
            "private key or certificate was probably replaced",
        ),
        (
            "technical account of another binding",
            Box::new(|a| a.technical_account_id = "0000@techacct.adobe.com".into()),
            "could not match the signature",
        ),
        (
            "metascope not in the binding",
            Box::new(|a| a.metascopes = vec!["ent_cloudmgr_sdk".into()]),
            "refused the requested scopes (ent_cloudmgr_sdk)",
        ),
    ];
    for (case, change, expected) in cases {
        let mut account = service_account(&env);
        change(&mut account);
        let err = exchange(&account, Clock::system()).await.unwrap_err();
        assert!(err.to_string().contains(expected), "{case}: {err}");
        assert_eq!(err.code(), ErrorCode::Auth, "{case}");
    }

    // A computer clock ten minutes slow makes the JWT arrive expired.
    let err = exchange(&service_account(&env), Clock::system_skewed(-600))
        .await
        .unwrap_err();
    assert!(
        err.to_string().contains("Check this computer's clock"),
        "{err}"
    );

    // OAuth S2S with a wrong secret.
    let connection = env.connection(OAUTH);
    let client = OAuthClient {
        ims_base: ImsBase::parse(connection.ims_base.as_deref().unwrap()).unwrap(),
        client_id: connection.client_id.unwrap(),
        client_secret: Secret::new("wrong"),
        scopes: connection.scopes,
    };
    let err = ImsHttp::new(
        build_http_client().unwrap(),
        RetryPolicy::quick(),
        Clock::system(),
    )
    .client_credentials(&client)
    .await
    .unwrap_err();
    assert!(
        err.to_string().contains("did not accept the client id"),
        "{err}"
    );
    assert_eq!(env.issued(&env.service_id()), 0);
}

#[tokio::test]
async fn an_ims_outage_is_retried_then_explained() {
    let env = Env::start(
        SandboxConfig::default().with_faults(Faults {
            ims_outage: true,
            ..Faults::default()
        }),
        Arc::new(RunOnlyKeychain::new()),
    )
    .await;
    let err = exchange(&service_account(&env), Clock::system())
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            ImsError::ServerTrouble {
                status: 500,
                attempts: 4,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(
        err.to_string().contains("try again in a few minutes"),
        "{err}"
    );
    // Through the authorizer, the failure is kept for the status page.
    let auth = env.authorizer("service-credentials");
    let err = auth.credentials().await.unwrap_err();
    let health = connection_health(
        &metadesk_core::i18n::Localizer::english(),
        CredentialKind::ServiceCredentials,
        &auth.snapshot(),
        None,
        Clock::system().now(),
    );
    assert_eq!(health.level, HealthLevel::Error);
    assert_eq!(health.advice, Some(err.to_string()));
    assert!(
        health.summary.starts_with("failed: Adobe IMS"),
        "{}",
        health.summary
    );
}

#[tokio::test]
async fn an_unreachable_ims_is_explained() {
    let env = Env::default().await;
    let mut account = service_account(&env);
    let free = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    account.ims_base = ImsBase::parse(&format!("http://{}", free.local_addr().unwrap())).unwrap();
    drop(free);
    let err = exchange(&account, Clock::system()).await.unwrap_err();
    assert!(matches!(err, ImsError::Unreachable { .. }), "{err:?}");
    assert_eq!(err.code(), ErrorCode::Network);
}

#[tokio::test]
async fn a_failing_keychain_fails_the_test_with_its_own_words() {
    let tokens = Arc::new(RunOnlyKeychain::new());
    tokens.fail_with(Some(SecretStoreError::Locked));
    let env = Env::start(SandboxConfig::default(), tokens).await;
    let (_, report) = test_stored_connection(
        env.connections.clone(),
        "service-credentials",
        &Authorizers::new(),
        &env.ctx(),
        &metadesk_core::i18n::Localizer::english(),
    )
    .await
    .unwrap();
    assert!(!report.ok);
    assert_eq!(report.steps[0].outcome, StepOutcome::Failed);
    assert_eq!(report.steps[0].code, Some(ErrorCode::KeychainLocked));
    assert!(
        report.steps[0].detail.contains("keychain is locked"),
        "{report:#?}"
    );
    assert!(
        report.steps[1..]
            .iter()
            .all(|s| s.outcome == StepOutcome::Skipped)
    );
    assert_eq!(
        env.issued(&env.service_id()),
        0,
        "no token without a keychain"
    );
}

#[tokio::test]
async fn an_unknown_connection_name_is_reported() {
    let env = Env::default().await;
    let err = test_stored_connection(
        env.connections.clone(),
        "nope",
        &Authorizers::new(),
        &env.ctx(),
        &metadesk_core::i18n::Localizer::english(),
    )
    .await
    .unwrap_err();
    assert_eq!(err.code(), metadesk_core::ErrorCode::NotFound, "{err:?}");
    assert!(err.to_string().contains("\"nope\""), "{err}");
}

// ---- token hygiene -------------------------------------------------------------------------

#[tokio::test]
async fn a_token_is_refused_for_a_host_that_is_not_the_connections() {
    let env = Env::default().await;
    let client = env.client(env.authorizer("service-credentials"));
    let other = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let other_url = format!("http://{}/api/assets.json", other.local_addr().unwrap());
    for url in [
        other_url.as_str(),
        "http://localhost:1/api/assets.json",
        "https://evil.example.com/api/assets.json",
    ] {
        let err = client
            .send(Method::GET, url.parse().unwrap(), |r| r)
            .await
            .unwrap_err();
        assert!(matches!(err, AemError::RefusedUrl(_)), "{url}: {err:?}");
        assert!(err.to_string().contains("Refused to send"), "{err}");
    }
    let accepted = tokio::time::timeout(Duration::from_millis(200), other.accept()).await;
    assert!(accepted.is_err(), "nothing connected to the other host");
    assert_eq!(
        env.issued(&env.service_id()),
        0,
        "refused before a token was even minted"
    );
}

#[tokio::test]
async fn tokens_are_not_shared_between_connections_or_credentials() {
    let env = Env::default().await;
    let service = bearer(
        &env.authorizer("service-credentials")
            .credentials()
            .await
            .unwrap(),
    );
    let oauth = bearer(&env.authorizer("oauth-project").credentials().await.unwrap());
    assert_ne!(service, oauth);
    // A token cached for one credential is not reused after the credential changed.
    let mut account = service_account(&env);
    account.client_id = env.sandbox.credentials().read_only_client_id.clone();
    let manager = TokenManager::new(
        env.connection(SERVICE).id,
        Arc::new(ServiceAccountSource {
            http: ImsHttp::new(
                build_http_client().unwrap(),
                RetryPolicy::quick(),
                Clock::system(),
            ),
            account,
        }),
        Arc::clone(&env.tokens),
        TokenManagerConfig {
            renew_margin: RENEW_MARGIN,
            clock: Clock::system(),
        },
    );
    assert_eq!(manager.load_cached().await.unwrap(), None);
}

// ---- the real keychain ---------------------------------------------------------------------

fn keyring(test: &str) -> Arc<KeyringStore> {
    Arc::new(KeyringStore::new(format!(
        "com.metadesk.tests.tokens.{test}.{}",
        std::process::id()
    )))
}

#[tokio::test]
#[ignore = "needs a Secret Service: run by scripts/test.sh"]
async fn a_restart_reuses_the_token_kept_in_the_real_keychain() {
    let store = keyring("restart");
    let env = Env::start(SandboxConfig::default(), store.clone()).await;
    let connection = env.connection(SERVICE);
    let first = env.authorizer("service-credentials");
    assert_eq!(current_user(&env.client(first)).await.unwrap(), 200);
    let entry = store
        .get(&format!("conn/{}/access-token", connection.id))
        .unwrap();
    assert!(entry.is_some(), "the token is in the keychain");
    // A new process would build everything anew over the same keychain.
    let second = env.authorizer("service-credentials");
    assert_eq!(current_user(&env.client(second)).await.unwrap(), 200);
    assert_eq!(env.issued(&env.service_id()), 1);
    cleanup_entries(store.as_ref(), &connection.id);
}

#[tokio::test]
#[ignore = "needs a Secret Service: run by scripts/test.sh"]
async fn a_hundred_callers_share_one_exchange_over_the_real_keychain() {
    let store = keyring("parallel");
    let env = Env::start(SandboxConfig::default(), store.clone()).await;
    let client = env.client(env.authorizer("oauth-project"));
    let mut tasks = Vec::new();
    for _ in 0..100 {
        let client = client.clone();
        tasks.push(tokio::spawn(async move {
            let url = client.url("/adobe/folders?path=/content/dam&limit=1")?;
            let response = client
                .send(Method::GET, url, |r| {
                    r.header("X-Adobe-Accept-Experimental", "1")
                })
                .await?;
            Ok::<u16, AemError>(response.status().as_u16())
        }));
    }
    for task in tasks {
        assert_eq!(task.await.unwrap().unwrap(), 200);
    }
    assert_eq!(env.issued(&env.sandbox.credentials().oauth_client_id), 1);
    cleanup_entries(store.as_ref(), &env.connection(OAUTH).id);
}

/// Removes a connection's token entry (and any chunk parts) from the real keychain.
fn cleanup_entries(store: &dyn SecretStore, id: &str) {
    let key = format!("conn/{id}/access-token");
    metadesk_core::secrets::ChunkedSecrets::new(store)
        .remove(&key)
        .unwrap();
    assert_eq!(store.get(&key).unwrap(), None);
}

#[tokio::test]
#[ignore = "needs a Secret Service: run by scripts/test.sh"]
async fn the_cli_tests_a_stored_connection() {
    use metadesk_core::dirs::{AppDirs, profile_name};
    // Inside scripts/test.sh's private session the profile's folders and keychain are
    // throw-away, exactly what the CLI binary will open.
    let profile = profile_name();
    let keychain: Arc<dyn SecretStore> = Arc::new(KeyringStore::new(profile.clone()));
    let sandbox = Sandbox::start(SandboxConfig::default().with_assets(30).with_key_bits(1024))
        .await
        .unwrap();
    let files = tempfile::tempdir().unwrap();
    sandbox.write_credentials(files.path()).unwrap();
    let dirs = AppDirs::for_profile(&profile).unwrap();
    let store = ConnectionStore::open(&dirs, Arc::clone(&keychain));
    let name = format!("cli-test-{}", std::process::id());
    let outcome = import_file(
        &store,
        &files.path().join(SERVICE),
        &ImportOptions {
            name: Some(name.clone()),
            aem_url: Some(sandbox.base_url()),
            ..ImportOptions::default()
        },
    );
    assert!(outcome.is_ok(), "{:?}", outcome.err());
    let cli = crate::bulk_cli::cli();
    let run = |args: Vec<String>| {
        let cli = cli.clone();
        tokio::task::spawn_blocking(move || {
            std::process::Command::new(cli).args(args).output_retried()
        })
    };
    let out = run(vec!["connections".into(), "test".into(), name.clone()])
        .await
        .unwrap()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{text}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("Result: the connection works."), "{text}");
    assert!(
        text.contains(&sandbox.credentials().service_technical_account_email),
        "{text}"
    );
    // A second run (a new process) reuses the token from the keychain.
    let out = run(vec![
        "connections".into(),
        "test".into(),
        name.clone(),
        "--json".into(),
    ])
    .await
    .unwrap()
    .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["ok"], true, "{report}");
    assert_eq!(report["damReadable"], true);
    let issued = sandbox.counters().tokens_issued;
    assert_eq!(
        issued.get(&sandbox.credentials().service_client_id),
        Some(&1)
    );
    // An unknown name is a usage error with words.
    let out = run(vec!["connections".into(), "test".into(), "no such".into()])
        .await
        .unwrap()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no connection called"));
    let connection = store.find(&name).unwrap();
    store.delete(&connection.id).unwrap();
}

/// Reads, recognises and stores one credential file.
fn import_file(
    store: &ConnectionStore,
    path: &Path,
    options: &ImportOptions,
) -> Result<Imported, metadesk_core::Error> {
    let recognised =
        credentials::read_credential_file(path).and_then(|bytes| credentials::inspect(&bytes))?;
    store.import(&recognised, options)
}
