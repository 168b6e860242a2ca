//! The keychain copy of a connection's access token, so a restart reuses it instead of
//! asking IMS again ("Adobe can throttle your integration if it generates too many access
//! tokens", <https://developer.adobe.com/developer-console/docs/guides/authentication/ServerToServerAuthentication/ims>).
//!
//! One entry per connection, `conn/<id>/access-token`, holding a small JSON record: the token,
//! when it expires and when it was obtained, and which credential (IMS origin + client id) it
//! came from — a token cached for a credential that has since been replaced is ignored.
//!
//! IMS tokens are long (well over a kilobyte), so the entry goes through [`ChunkedSecrets`]:
//! Windows' Credential Manager takes at most 2,560 bytes per secret.
//!
//! Not here: when to renew (`manager`). Keychain calls block, so every call here runs on a
//! blocking thread.

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use metadesk_credentials::secrets::{ChunkedSecrets, Secret, SecretStore, SecretStoreError};

/// The keychain key of a connection's cached access token.
pub fn access_token_key(connection_id: &str) -> String {
    format!("conn/{connection_id}/access-token")
}

/// An access token and what we know about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CachedToken {
    pub token: Secret,
    pub expires_at: OffsetDateTime,
    pub obtained_at: OffsetDateTime,
    /// Which credential minted it: `{ims origin}|{client id}`.
    pub binding: String,
}

/// The stored form. Times are Unix milliseconds.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Record {
    v: u32,
    access_token: String,
    expires_at_ms: i64,
    obtained_at_ms: i64,
    binding: String,
}

const RECORD_VERSION: u32 = 1;

impl CachedToken {
    fn to_secret(&self) -> Result<Secret, SecretStoreError> {
        let record = Record {
            v: RECORD_VERSION,
            access_token: self.token.expose().to_string(),
            expires_at_ms: to_ms(self.expires_at),
            obtained_at_ms: to_ms(self.obtained_at),
            binding: self.binding.clone(),
        };
        let text = serde_json::to_string(&record).map_err(|e| SecretStoreError::Failed {
            detail: format!("the token record could not be encoded ({e})"),
        });
        // The record's copy of the token is wiped when it goes out of scope.
        let mut copy = record.access_token;
        zeroize::Zeroize::zeroize(&mut copy);
        text.map(Secret::new)
    }

    fn from_secret(secret: &Secret) -> Option<Self> {
        let record: Record = serde_json::from_str(secret.expose()).ok()?;
        if record.v != RECORD_VERSION || record.access_token.is_empty() {
            return None;
        }
        Some(CachedToken {
            expires_at: from_ms(record.expires_at_ms)?,
            obtained_at: from_ms(record.obtained_at_ms)?,
            binding: record.binding,
            token: Secret::new(record.access_token),
        })
    }
}

fn to_ms(t: OffsetDateTime) -> i64 {
    (t.unix_timestamp_nanos() / 1_000_000) as i64
}

fn from_ms(ms: i64) -> Option<OffsetDateTime> {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000).ok()
}

/// A connection's token entry in the keychain.
#[derive(Clone)]
pub struct TokenCache {
    store: Arc<dyn SecretStore>,
    key: String,
}

impl TokenCache {
    pub fn new(store: Arc<dyn SecretStore>, connection_id: &str) -> Self {
        TokenCache {
            store,
            key: access_token_key(connection_id),
        }
    }

    pub fn key(&self) -> &str {
        &self.key
    }

    /// The cached token if there is one from the credential `binding`. A damaged entry or
    /// one from another credential counts as none (it is replaced at the next save).
    pub async fn load(&self, binding: &str) -> Result<Option<CachedToken>, SecretStoreError> {
        let store = Arc::clone(&self.store);
        let key = self.key.clone();
        let stored = blocking(move || ChunkedSecrets::new(store.as_ref()).get(&key)).await?;
        let Some(secret) = stored else {
            return Ok(None);
        };
        match CachedToken::from_secret(&secret) {
            Some(token) if token.binding == binding => Ok(Some(token)),
            Some(_) => {
                tracing::info!(key = %self.key, "cached token belongs to a replaced credential; ignoring it");
                Ok(None)
            }
            None => {
                tracing::warn!(key = %self.key, "cached token entry is unreadable; ignoring it");
                Ok(None)
            }
        }
    }

    pub async fn save(&self, token: &CachedToken) -> Result<(), SecretStoreError> {
        let secret = token.to_secret()?;
        let store = Arc::clone(&self.store);
        let key = self.key.clone();
        blocking(move || ChunkedSecrets::new(store.as_ref()).put(&key, &secret)).await
    }

    pub async fn clear(&self) -> Result<(), SecretStoreError> {
        let store = Arc::clone(&self.store);
        let key = self.key.clone();
        blocking(move || ChunkedSecrets::new(store.as_ref()).remove(&key)).await
    }
}

/// Runs a keychain call on a blocking thread.
async fn blocking<T: Send + 'static>(
    call: impl FnOnce() -> Result<T, SecretStoreError> + Send + 'static,
) -> Result<T, SecretStoreError> {
    tokio::task::spawn_blocking(call)
        .await
        .map_err(|e| SecretStoreError::Failed {
            detail: format!("the keychain call did not finish ({e})"),
        })?
}

#[cfg(test)]
mod tests {
    use super::*;
    use metadesk_credentials::secrets::RunOnlyKeychain;

    fn token(binding: &str) -> CachedToken {
        CachedToken {
            token: Secret::new("eyJ.token.sig"),
            expires_at: OffsetDateTime::from_unix_timestamp(1_800_000_000).unwrap(),
            obtained_at: OffsetDateTime::from_unix_timestamp(1_799_913_600).unwrap(),
            binding: binding.into(),
        }
    }

    #[tokio::test]
    async fn round_trip_under_the_documented_key() {
        let store = Arc::new(RunOnlyKeychain::new());
        let cache = TokenCache::new(store.clone(), "3f9a");
        assert_eq!(cache.load("b").await.unwrap(), None);
        cache.save(&token("b")).await.unwrap();
        assert_eq!(store.keys(), vec!["conn/3f9a/access-token"]);
        assert_eq!(cache.load("b").await.unwrap(), Some(token("b")));
        cache.clear().await.unwrap();
        assert!(store.is_empty());
    }

    #[tokio::test]
    async fn tokens_of_another_credential_or_damaged_entries_are_ignored() {
        let store = Arc::new(RunOnlyKeychain::new());
        let cache = TokenCache::new(store.clone(), "3f9a");
        cache.save(&token("old-client")).await.unwrap();
        assert_eq!(cache.load("new-client").await.unwrap(), None);
        store
            .set("conn/3f9a/access-token", &Secret::new("{not json"))
            .unwrap();
        assert_eq!(cache.load("new-client").await.unwrap(), None);
    }

    #[tokio::test]
    async fn keychain_failures_are_reported_not_hidden() {
        let store = Arc::new(RunOnlyKeychain::new());
        store.fail_with(Some(SecretStoreError::Locked));
        let cache = TokenCache::new(store, "3f9a");
        assert_eq!(cache.load("b").await.unwrap_err(), SecretStoreError::Locked);
        assert_eq!(
            cache.save(&token("b")).await.unwrap_err(),
            SecretStoreError::Locked
        );
    }

    #[tokio::test]
    async fn long_tokens_fit_a_windows_sized_keychain() {
        let store = Arc::new(RunOnlyKeychain::with_entry_limit(1300));
        let cache = TokenCache::new(store.clone(), "3f9a");
        let mut long = token("b");
        long.token = Secret::new("x".repeat(4000));
        cache.save(&long).await.unwrap();
        assert!(store.len() > 1, "split into parts: {:?}", store.keys());
        assert_eq!(cache.load("b").await.unwrap(), Some(long));
        cache.clear().await.unwrap();
        assert!(store.is_empty());
    }

    #[test]
    fn the_stored_record_has_no_surprises() {
        let secret = token("b").to_secret().unwrap();
        let value: serde_json::Value = serde_json::from_str(secret.expose()).unwrap();
        assert_eq!(value["v"], 1);
        assert_eq!(value["expiresAtMs"], 1_800_000_000_000i64);
        assert_eq!(value["binding"], "b");
    }
}
