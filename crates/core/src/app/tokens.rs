//! Access tokens of a workspace: one [`Authorizers`] registry (one token manager per connection
//! for the whole process, shared by "Test connection", the connections' status and every run)
//! and what the connections page and `connections test` ask of it.
//!
//! Nothing here returns a token: the page gets [`ConnectionHealth`] and
//! [`ConnectionTestReport`], which carry times, names and reasons only.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use metadesk_base::i18n::{Localizer, Text};
use metadesk_clients::aem::AemError;
use metadesk_clients::aem::auth::TokenSnapshot;
use metadesk_clients::aem::connection_check::{ConnectionTestReport, StepKind, StepOutcome};

use super::TestDepth;
use metadesk_clients::error::{Error, ErrorCode};
use metadesk_clients::ims::{ConnectionHealth, connection_health};
use metadesk_credentials::credentials::CredentialKind;
use metadesk_store::connections::{
    AuthContext, Authorizers, Connection, ConnectionStore, test_stored_connection,
};

/// How long the status may wait for a token manager to read its keychain copy. The manager
/// holds the same lock while it mints, so during a renewal the status shows "renewing…"
/// instead of waiting for IMS.
const WARM_UP_LIMIT: Duration = Duration::from_secs(3);

impl super::Workspace {
    /// "Test connection": gets (or reuses) the connection's token and asks AEM who it is and
    /// whether it may read the DAM, through the API family its kind may use; with
    /// [`TestDepth::Deep`], also "what this AEM allows" path by path (`allows.rs`), once the
    /// token works. The report's words are `l`'s language.
    pub async fn test_connection(
        &self,
        id: &str,
        depth: &TestDepth,
        l: &Localizer,
    ) -> Result<ConnectionTestReport, Error> {
        let folder = match depth {
            TestDepth::Quick => None,
            TestDepth::Deep { folder } => {
                Some(super::test_depth::folder_to_check(folder.as_deref())?)
            }
        };
        let mut report = self
            .tokens
            .test(Arc::clone(&self.connections), id, l)
            .await?;
        let token_works = report
            .steps
            .first()
            .is_some_and(|s| s.step == StepKind::Credentials && s.outcome == StepOutcome::Passed);
        // An AEM that could not be reached is said once, by the quick test's step: the deep
        // check would only say it again for every path, each as if it were refused (issue 77).
        let aem_reached = !report
            .steps
            .iter()
            .any(|s| s.outcome == StepOutcome::Failed && s.code == Some(ErrorCode::Network));
        if let Some(folder) = folder
            && token_works
            && aem_reached
        {
            report.allows = self.what_aem_allows(id, &folder, &report, l).await?;
            report.can_do = metadesk_clients::aem::allows::can_do(&report.allows, l);
        }
        Ok(report)
    }

    /// The health of every connection, by id, its reasons in `l`'s language. Never asks IMS
    /// for a token.
    pub async fn connection_health(
        &self,
        l: &Localizer,
    ) -> Result<HashMap<String, ConnectionHealth>, Error> {
        self.tokens
            .health_of_all(Arc::clone(&self.connections), l)
            .await
    }

    /// The health of connection `id` alone (`connections show`), its words in `l`'s language.
    /// Never asks IMS for a token.
    pub async fn health_of_connection(
        &self,
        id: &str,
        l: &Localizer,
    ) -> Result<ConnectionHealth, Error> {
        let connection = {
            let (store, id) = (Arc::clone(&self.connections), id.to_owned());
            super::blocking(move || store.get(&id)).await?
        };
        Ok(self
            .tokens
            .health_of(&self.connections, &connection, l)
            .await)
    }
}

/// The token managers of every connection and what they share (one HTTP client, the keychain).
pub struct Tokens {
    pub authorizers: Authorizers,
    pub ctx: AuthContext,
}

impl Tokens {
    pub fn new(ctx: AuthContext) -> Self {
        Tokens {
            authorizers: Authorizers::new(),
            ctx,
        }
    }

    /// Forgets the token manager of connection `id` (deleted, or re-imported with new secrets),
    /// so its old token and status are not reused.
    pub fn forget(&self, id: &str) {
        self.authorizers.remove(id);
    }

    /// The health of every connection, by id. Never mints: connections with minted tokens get
    /// their token manager built (reading their secrets) and warmed up, which loads a token
    /// cached in the keychain by an earlier run, so a restart shows "token valid …" at once.
    pub async fn health_of_all(
        self: &Arc<Self>,
        store: Arc<ConnectionStore>,
        l: &Localizer,
    ) -> Result<HashMap<String, ConnectionHealth>, Error> {
        let all = {
            let store = Arc::clone(&store);
            super::blocking(move || store.connections()).await?
        };
        let mut health = HashMap::with_capacity(all.len());
        for connection in all {
            let entry = self.health_of(&store, &connection, l).await;
            health.insert(connection.id, entry);
        }
        Ok(health)
    }

    async fn health_of(
        self: &Arc<Self>,
        store: &Arc<ConnectionStore>,
        connection: &Connection,
        l: &Localizer,
    ) -> ConnectionHealth {
        let minted = matches!(
            connection.kind,
            CredentialKind::ServiceCredentials | CredentialKind::OauthServerToServer
        );
        if minted && self.authorizers.existing(&connection.id).is_none() {
            let (auth, store, wanted) = (Arc::clone(self), Arc::clone(store), connection.clone());
            let built = super::blocking(move || {
                auth.authorizers
                    .get(&wanted, || store.load_secrets(&wanted.id), &auth.ctx)
            })
            .await;
            match built {
                // A keychain failure is kept in the manager's snapshot and shown from there.
                Ok(authorizer) => {
                    let _ = tokio::time::timeout(WARM_UP_LIMIT, authorizer.warm_up()).await;
                }
                Err(err) => return self.broken(connection, err, l),
            }
        }
        self.authorizers.health(connection, &self.ctx, l)
    }

    /// The health of a connection whose token manager cannot be built (a secret missing from
    /// the keychain, a locked keychain): "failed: why".
    fn broken(&self, connection: &Connection, err: Error, l: &Localizer) -> ConnectionHealth {
        tracing::warn!(id = %connection.id, error = %err, "a connection's token manager could not be built");
        let snapshot = TokenSnapshot {
            last_error: Some(token_failure(err, l)),
            ..TokenSnapshot::default()
        };
        connection_health(
            l,
            connection.kind,
            &snapshot,
            connection.certificate_expires_at,
            self.ctx.clock.now(),
        )
    }

    /// "Test connection" for connection `id`, with its shared token manager (a cached token is
    /// reused; a new one is minted only when needed).
    pub async fn test(
        &self,
        store: Arc<ConnectionStore>,
        id: &str,
        l: &Localizer,
    ) -> Result<ConnectionTestReport, Error> {
        let (connection, report) =
            test_stored_connection(store, id, &self.authorizers, &self.ctx, l).await?;
        tracing::info!(id = %connection.id, ok = report.ok, "connection tested");
        Ok(report)
    }
}

/// Why a connection has no token, as its snapshot keeps it: the failure keeps its own words,
/// written in whichever language reads the health later (only words that are no catalogue
/// message are written now, in `l`'s).
fn token_failure(err: Error, l: &Localizer) -> AemError {
    match err {
        Error::Aem(e) => e,
        Error::SecretStore(e) => AemError::Keychain(e),
        Error::Message { message, .. } => AemError::Auth(message),
        other => AemError::Auth(Text::Plain(other.localized(l))),
    }
}

#[cfg(test)]
mod tests {
    use metadesk_clients::aem::client::build_http_client;
    use metadesk_clients::ims::{TokenStatus, access_token_key};
    use metadesk_credentials::credentials;
    use metadesk_credentials::secrets::{ChunkedSecrets, RunOnlyKeychain, SecretStore};
    use metadesk_sandbox::{Sandbox, SandboxConfig};
    use metadesk_store::connections::ImportOptions;

    use super::*;

    struct Fixture {
        sandbox: Sandbox,
        secrets: Arc<RunOnlyKeychain>,
        store: Arc<ConnectionStore>,
        id: String,
        _dir: tempfile::TempDir,
    }

    /// A sandbox and its read-write service credentials imported into a fresh store.
    async fn fixture() -> Fixture {
        let sandbox = Sandbox::start(SandboxConfig::default().with_assets(10).with_key_bits(1024))
            .await
            .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let secrets = Arc::new(RunOnlyKeychain::default());
        let store = Arc::new(ConnectionStore::new(dir.path(), secrets.clone()));
        let recognised =
            credentials::inspect(sandbox.credentials().service_credentials_json.as_bytes())
                .unwrap();
        let options = ImportOptions {
            aem_url: Some(sandbox.base_url()),
            ..ImportOptions::default()
        };
        let id = store.import(&recognised, &options).unwrap().connection.id;
        Fixture {
            sandbox,
            secrets,
            store,
            id,
            _dir: dir,
        }
    }

    /// A fresh app's token managers over the fixture's keychain (as after a restart).
    fn app_auth(f: &Fixture) -> Arc<Tokens> {
        let ctx = AuthContext::new(build_http_client().unwrap(), f.secrets.clone());
        Arc::new(Tokens::new(ctx))
    }

    fn issued(f: &Fixture) -> u64 {
        f.sandbox.counters().tokens_issued.values().sum()
    }

    /// The access token cached in the keychain (it is stored as a small JSON record).
    fn cached_token(f: &Fixture) -> String {
        let record = ChunkedSecrets::new(f.secrets.as_ref() as &dyn SecretStore)
            .get(&access_token_key(&f.id))
            .unwrap()
            .expect("a cached token");
        let record: serde_json::Value = serde_json::from_str(record.expose()).unwrap();
        record["accessToken"].as_str().unwrap().to_string()
    }

    /// A connection whose token cannot be had keeps the failure's words, not words frozen in
    /// the language of the first reader.
    #[test]
    fn a_kept_token_failure_reads_in_each_readers_language() {
        use metadesk_base::i18n::Lang;
        use metadesk_base::i18n::checks::assert_reads_french;
        let missing = Error::message(
            metadesk_clients::error::ErrorCode::InvalidInput,
            "error-keychain-missing",
            vec![
                ("field", "private-key".into()),
                ("name", "Production".into()),
            ],
        );
        let kept = token_failure(missing, &Localizer::english());
        assert_eq!(kept.code(), metadesk_clients::error::ErrorCode::Auth);
        let french = kept.localized(&Localizer::new(Lang::Fr));
        assert_reads_french(&french);
        assert!(french.contains("clé privée"), "{french}");
        assert_eq!(
            kept.localized(&Localizer::english()),
            "The keychain has no private key for \"Production\". Import its credential file again."
        );
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn status_never_mints_test_mints_once_and_a_restart_reuses_the_token() {
        let f = fixture().await;
        let auth = app_auth(&f);

        let health = auth
            .health_of_all(f.store.clone(), &Localizer::english())
            .await
            .unwrap();
        assert_eq!(health[&f.id].token, TokenStatus::NotYetObtained);
        assert_eq!(issued(&f), 0, "showing the status must not mint");

        let report = auth
            .test(f.store.clone(), &f.id, &Localizer::english())
            .await
            .unwrap();
        assert!(report.ok, "{report:?}");
        assert_eq!(
            report.acting_as.as_deref(),
            Some(
                f.sandbox
                    .credentials()
                    .service_technical_account_email
                    .as_str()
            )
        );
        assert!(report.token_seconds_left.unwrap() > 23 * 3600);
        assert_eq!(report.dam_readable, Some(true));
        assert_eq!(issued(&f), 1);
        let health = auth
            .health_of_all(f.store.clone(), &Localizer::english())
            .await
            .unwrap();
        assert!(
            matches!(health[&f.id].token, TokenStatus::Valid { seconds_left, .. } if seconds_left > 23 * 3600),
            "{health:?}"
        );
        assert!(health[&f.id].summary.starts_with("token valid 23 h"));

        // Nothing the page receives holds the token.
        let token = cached_token(&f);
        let sent = serde_json::to_string(&(&report, &health)).unwrap();
        assert!(!sent.contains(&token));

        // A restart: the status shows the keychain's token without asking IMS.
        let restarted = app_auth(&f);
        let health = restarted
            .health_of_all(f.store.clone(), &Localizer::english())
            .await
            .unwrap();
        assert!(
            matches!(health[&f.id].token, TokenStatus::Valid { .. }),
            "{health:?}"
        );
        assert!(
            restarted
                .test(f.store.clone(), &f.id, &Localizer::english())
                .await
                .unwrap()
                .ok
        );
        assert_eq!(issued(&f), 1, "the cached token was reused");

        // Revoked by IMS: one silent re-mint.
        assert!(f.sandbox.revoke_token(&token));
        assert!(
            restarted
                .test(f.store.clone(), &f.id, &Localizer::english())
                .await
                .unwrap()
                .ok
        );
        assert_eq!(issued(&f), 2);
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn a_forgotten_connection_gets_a_new_token_manager() {
        let f = fixture().await;
        let auth = app_auth(&f);
        auth.test(f.store.clone(), &f.id, &Localizer::english())
            .await
            .unwrap();
        assert!(auth.authorizers.existing(&f.id).is_some());
        auth.forget(&f.id);
        assert!(auth.authorizers.existing(&f.id).is_none());
    }

    /// The page's status and "Test connection" both build the manager of a connection the
    /// process has not used yet. Whichever finishes second must share the first one's manager:
    /// replacing it retired it, and a token it was minting was then wiped from the keychain,
    /// so the next start had no token (seen in E2E under load).
    #[tokio::test(flavor = "multi_thread")]
    async fn two_callers_building_one_manager_share_it_and_its_token_is_kept() {
        let f = fixture().await;
        let auth = app_auth(&f);
        let connection = f.store.get(&f.id).unwrap();
        let secrets = || f.store.load_secrets(&f.id);
        let mut first = None;
        // The second caller reads its secrets while the first one builds and uses its manager.
        let second = auth
            .authorizers
            .get(
                &connection,
                || {
                    first = Some(auth.authorizers.get(&connection, secrets, &auth.ctx)?);
                    secrets()
                },
                &auth.ctx,
            )
            .unwrap();
        let first = first.unwrap();

        first.credentials().await.unwrap();
        assert_eq!(issued(&f), 1);
        assert!(!cached_token(&f).is_empty());
        assert!(
            Arc::ptr_eq(&first, &second),
            "two managers for one connection"
        );
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn a_connection_missing_its_secrets_shows_why() {
        let f = fixture().await;
        ChunkedSecrets::new(f.secrets.as_ref() as &dyn SecretStore)
            .remove(&format!("conn/{}/private-key", f.id))
            .unwrap();
        let health = app_auth(&f)
            .health_of_all(f.store.clone(), &Localizer::english())
            .await
            .unwrap();
        let entry = &health[&f.id];
        assert!(
            matches!(&entry.token, TokenStatus::Failed { reason, .. } if reason.contains("private key")),
            "{entry:?}"
        );
        assert!(entry.summary.starts_with("failed: "), "{}", entry.summary);
    }
}
