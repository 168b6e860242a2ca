//! [`TokenManager`]: one connection's minted access token, as an [`Authorizer`].
//!
//! - The token lives in memory and in the keychain (`conn/<id>/access-token`), so a restart
//!   reuses it. A keychain that cannot be used is an error, never a silent memory-only mode.
//! - It is reused while more than 10 minutes are left (the rule of
//!   <https://github.com/adobe/aio-lib-ims/blob/HEAD/src/token-helper.js>);
//!   for tokens that live less than 20 minutes in all, while more than half is left.
//! - One exchange at a time: callers wait on a `tokio` mutex held across the exchange, so
//!   100 callers needing a token cause one request to IMS.
//! - After AEM answers 401, [`Authorizer::renew`] mints a new token only if the rejected one is
//!   still the current one: 100 callers rejected with the same token cause one re-mint.
//! - A caller that waited while an exchange failed takes that failure rather than asking IMS
//!   again: with IMS down, the requests one dead token held up learn it from one exchange (and
//!   its retries), not each from its own in turn. A caller that comes after it asks again.
//!
//! Not here: the requests themselves (`exchange`), development tokens (`dev_token`).

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use time::{Duration, OffsetDateTime};

use crate::aem::auth::{Authorizer, BoxFuture, RequestCredentials, TokenSnapshot};
use crate::aem::error::AemError;
use crate::ims::cache::{CachedToken, TokenCache};
use crate::ims::clock::Clock;
use crate::ims::errors::ImsError;
use crate::ims::exchange::{ImsHttp, MintedToken};
use crate::ims::jwt::ServiceAccount;
use crate::ims::oauth::OAuthClient;
use metadesk_base::i18n::Text;
use metadesk_credentials::secrets::SecretStore;

/// Renew when less than this is left (aio-lib-ims uses the same margin).
pub const RENEW_MARGIN: Duration = Duration::minutes(10);

/// Where a connection's tokens come from.
pub trait TokenSource: Send + Sync {
    /// Asks IMS for a new token.
    fn mint(&self) -> BoxFuture<'_, Result<MintedToken, ImsError>>;
    /// Identifies the credential (`{ims origin}|{client id}`); cached tokens of another
    /// credential are not reused.
    fn binding(&self) -> String;
    /// The `X-Api-Key` to send with the token: the client id for OAuth Server-to-Server
    /// (the `/adobe/*` APIs require it), nothing for service credentials.
    fn api_key(&self) -> Option<String>;
}

/// AEM Service Credentials: JWT exchange.
pub struct ServiceAccountSource {
    pub http: ImsHttp,
    pub account: ServiceAccount,
}

impl TokenSource for ServiceAccountSource {
    fn mint(&self) -> BoxFuture<'_, Result<MintedToken, ImsError>> {
        Box::pin(self.http.exchange_jwt(&self.account))
    }

    fn binding(&self) -> String {
        format!(
            "{}|{}",
            self.account.ims_base.origin(),
            self.account.client_id.trim()
        )
    }

    fn api_key(&self) -> Option<String> {
        None
    }
}

/// OAuth Server-to-Server: client credentials.
pub struct OAuthSource {
    pub http: ImsHttp,
    pub client: OAuthClient,
}

impl TokenSource for OAuthSource {
    fn mint(&self) -> BoxFuture<'_, Result<MintedToken, ImsError>> {
        Box::pin(self.http.client_credentials(&self.client))
    }

    fn binding(&self) -> String {
        format!(
            "{}|{}",
            self.client.ims_base.origin(),
            self.client.client_id.trim()
        )
    }

    fn api_key(&self) -> Option<String> {
        Some(self.client.client_id.trim().to_string())
    }
}

/// Tunables; the defaults are the product's behaviour.
#[derive(Debug, Clone)]
pub struct TokenManagerConfig {
    pub renew_margin: Duration,
    pub clock: Clock,
}

impl Default for TokenManagerConfig {
    fn default() -> Self {
        TokenManagerConfig {
            renew_margin: RENEW_MARGIN,
            clock: Clock::system(),
        }
    }
}

/// One connection's token: cached, shared, renewed.
pub struct TokenManager {
    connection_id: String,
    source: Arc<dyn TokenSource>,
    cache: TokenCache,
    config: TokenManagerConfig,
    /// Held across the keychain read and the exchange: this is the single flight.
    state: tokio::sync::Mutex<State>,
    /// What the UI may read at any time, also while `state` is held by a renewal.
    snapshot: Mutex<TokenSnapshot>,
    /// Set when the connection is deleted or changed (see [`Authorizer::retire`]).
    retired: AtomicBool,
    /// Exchanges ended so far, failed or not: read before waiting on `state`, it tells a
    /// caller whether one ended while it waited.
    exchanges: AtomicU64,
}

#[derive(Default)]
struct State {
    current: Option<CachedToken>,
    keychain_read: bool,
    /// The last exchange, when it failed: its number (in `exchanges`) and its error.
    failed: Option<(u64, AemError)>,
}

impl State {
    /// The failure of an exchange that ended after the caller counted `seen` exchanges.
    fn failed_since(&self, seen: u64) -> Option<AemError> {
        match &self.failed {
            Some((n, err)) if *n > seen => Some(err.clone()),
            _ => None,
        }
    }
}

impl TokenManager {
    pub fn new(
        connection_id: impl Into<String>,
        source: Arc<dyn TokenSource>,
        store: Arc<dyn SecretStore>,
        config: TokenManagerConfig,
    ) -> Self {
        let connection_id = connection_id.into();
        TokenManager {
            cache: TokenCache::new(store, &connection_id),
            connection_id,
            source,
            config,
            state: tokio::sync::Mutex::new(State::default()),
            snapshot: Mutex::new(TokenSnapshot::default()),
            retired: AtomicBool::new(false),
            exchanges: AtomicU64::new(0),
        }
    }

    pub fn connection_id(&self) -> &str {
        &self.connection_id
    }

    /// A token with enough time left: the cached one, or a new one.
    pub async fn token(&self) -> Result<CachedToken, AemError> {
        let seen = self.exchanges.load(Ordering::SeqCst);
        let mut state = self.state.lock().await;
        self.read_keychain_once(&mut state).await?;
        if let Some(current) = &state.current
            && self.is_fresh(current)
        {
            return Ok(current.clone());
        }
        if let Some(err) = state.failed_since(seen) {
            return Err(err);
        }
        self.mint_locked(&mut state).await
    }

    /// Reads the keychain copy without minting (for the status shown at start-up) and
    /// returns when the cached token expires, if there is one.
    pub async fn load_cached(&self) -> Result<Option<OffsetDateTime>, AemError> {
        let mut state = self.state.lock().await;
        self.read_keychain_once(&mut state).await?;
        Ok(state.current.as_ref().map(|t| t.expires_at))
    }

    /// Drops the token from memory and the keychain (e.g. when the credential is replaced).
    pub async fn forget(&self) -> Result<(), AemError> {
        let mut state = self.state.lock().await;
        state.current = None;
        state.keychain_read = true;
        // Another credential's failure is not this one's.
        state.failed = None;
        self.cache.clear().await?;
        *self.snapshot_lock() = TokenSnapshot::default();
        Ok(())
    }

    fn bearer(&self, token: &CachedToken) -> RequestCredentials {
        RequestCredentials::Bearer {
            token: token.token.clone(),
            api_key: self.source.api_key(),
        }
    }

    /// More than the renewal margin left — or, for tokens too short-lived for the margin to
    /// make sense, more than half their life (else every request would mint).
    fn is_fresh(&self, token: &CachedToken) -> bool {
        let lifetime = token.expires_at - token.obtained_at;
        let margin = self.config.renew_margin.min(lifetime / 2);
        token.expires_at - self.config.clock.now() > margin
    }

    async fn read_keychain_once(&self, state: &mut State) -> Result<(), AemError> {
        if state.keychain_read {
            return Ok(());
        }
        let cached = self
            .cache
            .load(&self.source.binding())
            .await
            .inspect_err(|e| self.record_failure(&AemError::Keychain(e.clone())))?;
        state.keychain_read = true;
        if let Some(token) = cached {
            tracing::debug!(connection = %self.connection_id, expires_at = %token.expires_at, "found a cached access token");
            self.snapshot_lock().expires_at = Some(token.expires_at);
            state.current = Some(token);
        }
        Ok(())
    }

    async fn mint_locked(&self, state: &mut State) -> Result<CachedToken, AemError> {
        self.snapshot_lock().renewing = true;
        let result = self.mint_and_store().await;
        let n = self.exchanges.fetch_add(1, Ordering::SeqCst) + 1;
        state.failed = result.as_ref().err().map(|err| (n, err.clone()));
        match &result {
            Ok(token) => {
                state.current = Some(token.clone());
                let mut snapshot = self.snapshot_lock();
                *snapshot = TokenSnapshot {
                    expires_at: Some(token.expires_at),
                    renewing: false,
                    last_error: None,
                };
            }
            Err(err) => self.record_failure(err),
        }
        result
    }

    async fn mint_and_store(&self) -> Result<CachedToken, AemError> {
        tracing::info!(connection = %self.connection_id, "requesting a new access token from IMS");
        let minted = self.source.mint().await?;
        let obtained_at = self.config.clock.now();
        // `exchange` refuses absurd lifetimes in words; this only keeps any other source from
        // overflowing the date (a panic) instead of failing.
        let lifetime = Duration::try_from(minted.lifetime).unwrap_or(Duration::MAX);
        let expires_at = obtained_at.checked_add(lifetime).ok_or_else(|| {
            AemError::Ims(ImsError::BadResponse {
                host: self.source.binding(),
                detail: Text::new(
                    "ims-answer-past-any-date",
                    vec![("seconds", minted.lifetime.as_secs().to_string().into())],
                ),
            })
        })?;
        let token = CachedToken {
            token: minted.access_token,
            expires_at,
            obtained_at,
            binding: self.source.binding(),
        };
        self.cache.save(&token).await?;
        // Retiring (a deletion, a new address) may have removed the keychain entry while this
        // token was on its way: the flag is set before that removal, so whichever came first,
        // looking after the save finds it and no token outlives its connection.
        if self.retired.load(Ordering::SeqCst) {
            tracing::info!(connection = %self.connection_id, "connection retired while a token was obtained; not keeping it");
            self.cache.clear().await?;
            return Ok(token);
        }
        tracing::info!(
            connection = %self.connection_id,
            valid_minutes = lifetime.whole_minutes(),
            "new access token obtained and stored in the keychain"
        );
        Ok(token)
    }

    fn record_failure(&self, err: &AemError) {
        tracing::warn!(connection = %self.connection_id, error = %err, "could not obtain an access token");
        let mut snapshot = self.snapshot_lock();
        snapshot.renewing = false;
        snapshot.last_error = Some(err.clone());
    }

    fn snapshot_lock(&self) -> MutexGuard<'_, TokenSnapshot> {
        self.snapshot.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl Authorizer for TokenManager {
    fn credentials(&self) -> BoxFuture<'_, Result<RequestCredentials, AemError>> {
        Box::pin(async move { self.token().await.map(|t| self.bearer(&t)) })
    }

    fn renew<'a>(
        &'a self,
        rejected: &'a RequestCredentials,
    ) -> BoxFuture<'a, Result<RequestCredentials, AemError>> {
        Box::pin(async move {
            let seen = self.exchanges.load(Ordering::SeqCst);
            let mut state = self.state.lock().await;
            self.read_keychain_once(&mut state).await?;
            if let (Some(current), RequestCredentials::Bearer { token, .. }) =
                (&state.current, rejected)
                && current.token != *token
                && self.is_fresh(current)
            {
                // Someone else already replaced the rejected token.
                return Ok(self.bearer(current));
            }
            if let Some(err) = state.failed_since(seen) {
                // Someone else's renewal failed while this caller waited for it.
                return Err(err);
            }
            tracing::info!(connection = %self.connection_id, "AEM rejected the access token; minting a new one");
            let token = self.mint_locked(&mut state).await?;
            Ok(self.bearer(&token))
        })
    }

    fn snapshot(&self) -> TokenSnapshot {
        self.snapshot_lock().clone()
    }

    fn retire(&self) {
        self.retired.store(true, Ordering::SeqCst);
    }

    fn warm_up(&self) -> BoxFuture<'_, Result<(), AemError>> {
        Box::pin(async move { self.load_cached().await.map(|_| ()) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use metadesk_base::error_code::ErrorCode;
    use metadesk_credentials::secrets::{RunOnlyKeychain, Secret, SecretStoreError};
    use std::sync::atomic::{AtomicU32, Ordering};

    /// A source that counts mints and can be told to fail.
    struct FakeSource {
        mints: AtomicU32,
        /// Exchanges asked, failed or not.
        tries: AtomicU32,
        lifetime: std::time::Duration,
        fail: Mutex<Option<ImsError>>,
        /// Set for a source whose exchange waits to be let through (to act while it runs).
        gate: Option<Gate>,
    }

    /// An exchange says it started, then waits until the test lets it finish.
    #[derive(Default)]
    struct Gate {
        started: tokio::sync::Notify,
        release: tokio::sync::Notify,
    }

    impl FakeSource {
        fn new(lifetime: std::time::Duration) -> Arc<Self> {
            Arc::new(FakeSource {
                mints: AtomicU32::new(0),
                tries: AtomicU32::new(0),
                lifetime,
                fail: Mutex::new(None),
                gate: None,
            })
        }
        /// A source whose exchange runs until [`FakeSource::release`].
        fn gated() -> Arc<Self> {
            Arc::new(FakeSource {
                mints: AtomicU32::new(0),
                tries: AtomicU32::new(0),
                lifetime: DAY,
                fail: Mutex::new(None),
                gate: Some(Gate::default()),
            })
        }
        /// Returns once an exchange of a [`FakeSource::gated`] source is under way.
        async fn started(&self) {
            self.gate().started.notified().await;
        }
        /// Lets the exchange under way (or the next one) finish.
        fn release(&self) {
            self.gate().release.notify_one();
        }
        fn gate(&self) -> &Gate {
            self.gate.as_ref().expect("a gated source")
        }
        fn mints(&self) -> u32 {
            self.mints.load(Ordering::SeqCst)
        }
    }

    impl TokenSource for FakeSource {
        fn mint(&self) -> BoxFuture<'_, Result<MintedToken, ImsError>> {
            Box::pin(async move {
                self.tries.fetch_add(1, Ordering::SeqCst);
                match &self.gate {
                    Some(gate) => {
                        gate.started.notify_one();
                        gate.release.notified().await;
                    }
                    // IMS's latency: long enough for concurrent callers to find the exchange
                    // under way.
                    None => tokio::time::sleep(std::time::Duration::from_millis(20)).await,
                }
                if let Some(err) = self.fail.lock().unwrap().clone() {
                    return Err(err);
                }
                let n = self.mints.fetch_add(1, Ordering::SeqCst) + 1;
                Ok(MintedToken {
                    access_token: Secret::new(format!("token-{n}")),
                    lifetime: self.lifetime,
                })
            })
        }
        fn binding(&self) -> String {
            "https://ims|client".into()
        }
        fn api_key(&self) -> Option<String> {
            Some("client".into())
        }
    }

    const DAY: std::time::Duration = std::time::Duration::from_secs(86_400);

    fn start() -> OffsetDateTime {
        OffsetDateTime::from_unix_timestamp(1_800_000_000).unwrap()
    }

    fn manager(
        source: &Arc<FakeSource>,
        store: &Arc<RunOnlyKeychain>,
        clock: Clock,
    ) -> Arc<TokenManager> {
        Arc::new(TokenManager::new(
            "c1",
            source.clone(),
            store.clone(),
            TokenManagerConfig {
                renew_margin: RENEW_MARGIN,
                clock,
            },
        ))
    }

    fn token_of(creds: &RequestCredentials) -> String {
        match creds {
            RequestCredentials::Bearer { token, .. } => token.expose().to_string(),
            other => panic!("not a bearer: {other:?}"),
        }
    }

    #[tokio::test]
    async fn hundred_callers_share_one_exchange() {
        let source = FakeSource::new(DAY);
        let store = Arc::new(RunOnlyKeychain::new());
        let (clock, _) = Clock::manual(start());
        let m = manager(&source, &store, clock);
        let mut tasks = Vec::new();
        for _ in 0..100 {
            let m = m.clone();
            tasks.push(tokio::spawn(async move { m.credentials().await }));
        }
        for t in tasks {
            assert_eq!(token_of(&t.await.unwrap().unwrap()), "token-1");
        }
        assert_eq!(source.mints(), 1);
        assert_eq!(store.keys(), vec!["conn/c1/access-token"]);
        let snapshot = m.snapshot();
        assert_eq!(snapshot.expires_at, Some(start() + Duration::days(1)));
        assert!(!snapshot.renewing);
    }

    /// A lifetime past any date (from a source other than the checked IMS exchange) is an
    /// error, never an overflow panic, and nothing is stored.
    #[tokio::test]
    async fn a_lifetime_past_any_date_is_an_error_not_a_panic() {
        let source = FakeSource::new(std::time::Duration::from_secs(1_000_000_000_000_000_000));
        let store = Arc::new(RunOnlyKeychain::new());
        let (clock, _) = Clock::manual(start());
        let err = manager(&source, &store, clock)
            .credentials()
            .await
            .unwrap_err();
        assert!(err.to_string().contains("past any date"), "{err}");
        assert!(store.keys().is_empty());
    }

    #[tokio::test]
    async fn a_restart_reuses_the_keychain_copy() {
        let source = FakeSource::new(DAY);
        let store = Arc::new(RunOnlyKeychain::new());
        let (clock, hand) = Clock::manual(start());
        manager(&source, &store, clock.clone())
            .credentials()
            .await
            .unwrap();
        hand.advance(Duration::hours(3));
        let again = manager(&source, &store, clock);
        assert_eq!(
            again.load_cached().await.unwrap(),
            Some(start() + Duration::days(1))
        );
        assert_eq!(token_of(&again.credentials().await.unwrap()), "token-1");
        assert_eq!(source.mints(), 1);
    }

    #[tokio::test]
    async fn renewal_happens_when_less_than_ten_minutes_are_left() {
        let source = FakeSource::new(DAY);
        let store = Arc::new(RunOnlyKeychain::new());
        let (clock, hand) = Clock::manual(start());
        let m = manager(&source, &store, clock);
        m.credentials().await.unwrap();
        hand.advance(Duration::days(1) - Duration::minutes(11));
        assert_eq!(token_of(&m.credentials().await.unwrap()), "token-1");
        hand.advance(Duration::minutes(2));
        assert_eq!(token_of(&m.credentials().await.unwrap()), "token-2");
        assert_eq!(source.mints(), 2);
    }

    #[tokio::test]
    async fn short_lived_tokens_are_renewed_at_half_life_not_on_every_call() {
        let source = FakeSource::new(std::time::Duration::from_secs(120));
        let store = Arc::new(RunOnlyKeychain::new());
        let (clock, hand) = Clock::manual(start());
        let m = manager(&source, &store, clock);
        m.credentials().await.unwrap();
        m.credentials().await.unwrap();
        assert_eq!(source.mints(), 1);
        hand.advance(Duration::seconds(61));
        m.credentials().await.unwrap();
        assert_eq!(source.mints(), 2);
    }

    #[tokio::test]
    async fn hundred_rejections_of_one_token_cause_one_remint() {
        let source = FakeSource::new(DAY);
        let store = Arc::new(RunOnlyKeychain::new());
        let (clock, _) = Clock::manual(start());
        let m = manager(&source, &store, clock);
        let rejected = m.credentials().await.unwrap();
        let mut tasks = Vec::new();
        for _ in 0..100 {
            let (m, rejected) = (m.clone(), rejected.clone());
            tasks.push(tokio::spawn(async move { m.renew(&rejected).await }));
        }
        for t in tasks {
            assert_eq!(token_of(&t.await.unwrap().unwrap()), "token-2");
        }
        assert_eq!(source.mints(), 2);
        let stored = store.get("conn/c1/access-token").unwrap().unwrap();
        assert!(
            stored.expose().contains("token-2"),
            "keychain has the new token"
        );
    }

    /// A source whose exchanges fail (IMS refusing the credential).
    fn refusing(source: &FakeSource) {
        *source.fail.lock().unwrap() = Some(ImsError::SignatureMismatch {
            said: String::new(),
        });
    }

    /// Eight callers at once; each must fail with the source's refusal.
    async fn all_fail<F>(asks: Vec<F>)
    where
        F: std::future::Future<Output = Result<RequestCredentials, AemError>> + Send + 'static,
    {
        let tasks: Vec<_> = asks.into_iter().map(tokio::spawn).collect();
        for t in tasks {
            let err = t.await.unwrap().unwrap_err();
            assert_eq!(err.code(), ErrorCode::Auth, "{err}");
        }
    }

    /// With IMS refusing, the requests one rejected token held up learn it from one exchange,
    /// not each from its own in turn; a request after that failure asks IMS again.
    #[tokio::test]
    async fn callers_waiting_on_a_failed_renewal_share_its_failure() {
        let source = FakeSource::new(DAY);
        let store = Arc::new(RunOnlyKeychain::new());
        let m = manager(&source, &store, Clock::manual(start()).0);
        let rejected = m.credentials().await.unwrap();
        refusing(&source);
        let asks = (0..8)
            .map(|_| {
                let (m, rejected) = (m.clone(), rejected.clone());
                async move { m.renew(&rejected).await }
            })
            .collect();
        all_fail(asks).await;
        assert_eq!(
            source.tries.load(Ordering::SeqCst),
            2,
            "one renewal for all"
        );
        m.renew(&rejected).await.unwrap_err();
        assert_eq!(
            source.tries.load(Ordering::SeqCst),
            3,
            "a later one asks again"
        );
    }

    /// The same for the first token: callers that waited on a failed exchange do not each
    /// ask again.
    #[tokio::test]
    async fn callers_waiting_on_a_failed_first_exchange_share_its_failure() {
        let source = FakeSource::new(DAY);
        let store = Arc::new(RunOnlyKeychain::new());
        let m = manager(&source, &store, Clock::manual(start()).0);
        refusing(&source);
        let asks = (0..8)
            .map(|_| {
                let m = m.clone();
                async move { m.credentials().await }
            })
            .collect();
        all_fail(asks).await;
        assert_eq!(
            source.tries.load(Ordering::SeqCst),
            1,
            "one exchange for all"
        );
        *source.fail.lock().unwrap() = None;
        m.credentials().await.unwrap();
        assert_eq!(
            source.tries.load(Ordering::SeqCst),
            2,
            "a later one asks again"
        );
    }

    #[tokio::test]
    async fn s2s_tokens_carry_the_api_key() {
        let source = FakeSource::new(DAY);
        let store = Arc::new(RunOnlyKeychain::new());
        let m = manager(&source, &store, Clock::manual(start()).0);
        match m.credentials().await.unwrap() {
            RequestCredentials::Bearer { api_key, .. } => {
                assert_eq!(api_key.as_deref(), Some("client"))
            }
            other => panic!("{other:?}"),
        }
    }

    #[tokio::test]
    async fn a_locked_keychain_is_reported_not_bypassed() {
        let source = FakeSource::new(DAY);
        let store = Arc::new(RunOnlyKeychain::new());
        store.fail_with(Some(SecretStoreError::Locked));
        let m = manager(&source, &store, Clock::manual(start()).0);
        let err = m.credentials().await.unwrap_err();
        assert_eq!(err.code(), ErrorCode::KeychainLocked);
        assert!(err.to_string().contains("keychain is locked"), "{err}");
        assert_eq!(source.mints(), 0, "nothing is minted without a keychain");
        assert_eq!(m.snapshot().last_error, Some(err));
    }

    #[tokio::test]
    async fn a_keychain_that_fails_on_save_fails_the_request() {
        let source = FakeSource::new(DAY);
        let store = Arc::new(RunOnlyKeychain::with_entry_limit(4));
        let m = manager(&source, &store, Clock::manual(start()).0);
        let err = m.credentials().await.unwrap_err();
        assert!(
            matches!(err, AemError::Keychain(SecretStoreError::TooLarge { .. })),
            "{err:?}"
        );
    }

    #[tokio::test]
    async fn mint_failures_are_kept_for_the_status_and_cleared_by_success() {
        let source = FakeSource::new(DAY);
        let store = Arc::new(RunOnlyKeychain::new());
        let m = manager(&source, &store, Clock::manual(start()).0);
        *source.fail.lock().unwrap() = Some(ImsError::SignatureMismatch {
            said: String::new(),
        });
        let err = m.credentials().await.unwrap_err();
        assert!(err.to_string().contains("signature"), "{err}");
        assert_eq!(err.code(), ErrorCode::Auth);
        let snapshot = m.snapshot();
        assert_eq!(snapshot.last_error, Some(err));
        assert!(!snapshot.renewing);
        *source.fail.lock().unwrap() = None;
        m.credentials().await.unwrap();
        assert_eq!(m.snapshot().last_error, None);
    }

    #[tokio::test]
    async fn the_snapshot_says_renewing_during_an_exchange() {
        let source = FakeSource::gated();
        let store = Arc::new(RunOnlyKeychain::new());
        let m = manager(&source, &store, Clock::manual(start()).0);
        let task = tokio::spawn({
            let m = m.clone();
            async move { m.credentials().await }
        });
        source.started().await;
        assert!(m.snapshot().renewing);
        source.release();
        task.await.unwrap().unwrap();
        assert!(!m.snapshot().renewing);
    }

    #[tokio::test]
    async fn forget_clears_memory_and_keychain() {
        let source = FakeSource::new(DAY);
        let store = Arc::new(RunOnlyKeychain::new());
        let m = manager(&source, &store, Clock::manual(start()).0);
        m.credentials().await.unwrap();
        m.forget().await.unwrap();
        assert!(store.is_empty());
        assert_eq!(token_of(&m.credentials().await.unwrap()), "token-2");
    }

    /// A connection deleted while its token is on its way from IMS leaves no token behind.
    #[tokio::test]
    async fn a_token_obtained_after_retirement_is_not_kept() {
        let source = FakeSource::gated();
        let store = Arc::new(RunOnlyKeychain::new());
        let m = manager(&source, &store, Clock::manual(start()).0);
        let asking = tokio::spawn({
            let m = m.clone();
            async move { m.credentials().await }
        });
        source.started().await;
        m.retire();
        source.release();
        asking.await.unwrap().unwrap();
        assert_eq!(source.mints(), 1);
        assert!(store.is_empty(), "left in the keychain: {:?}", store.keys());
    }
}
