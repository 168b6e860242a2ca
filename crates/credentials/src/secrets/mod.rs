//! Secrets: the [`Secret`] type that refuses to leak, and the [`SecretStore`] seam with the OS
//! keychain implementation ([`KeyringStore`]) and one that lives in process memory for a single
//! run ([`RunOnlyKeychain`]).
//!
//! Values too large for one keychain entry are split by [`chunked`].
//!
//! Not here: what the secrets are (credential parsing) or when they are read (token cache).
//! Every call is blocking (D-Bus, Keychain Services, Credential Manager, and possibly an unlock
//! prompt): callers run them on a blocking thread, never on the UI thread.
//!
//! There is deliberately no fallback: if the keychain is unreachable the caller gets an error
//! that says what is wrong and how to fix it, never a silent in-memory or on-disk substitute.

use std::collections::HashMap;
use std::fmt;
use std::sync::Mutex;

use zeroize::Zeroizing;

use metadesk_base::error_code::ErrorCode;

pub mod chunked;
pub mod slots;

pub use chunked::ChunkedSecrets;

/// A secret value (client secret, private key, token, password).
///
/// It prints as `Secret(••••)`, cannot be serialised, and wipes its memory when dropped. Use
/// [`Secret::expose`] at the single place that really needs the value (a signature, a header).
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(Zeroizing<String>);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(Zeroizing::new(value.into()))
    }

    /// The raw value. Keep the borrow short and never log it.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// A hint safe to show: the last four characters, e.g. `••••1d47`, or only dots for short
    /// values (where four characters would give away too much).
    pub fn hint(&self) -> String {
        let chars: Vec<char> = self.0.chars().collect();
        if chars.len() < 16 {
            return "••••".to_string();
        }
        let tail: String = chars[chars.len() - 4..].iter().collect();
        format!("••••{tail}")
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(••••)")
    }
}

/// Why the keychain could not be used, in words a user can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SecretStoreError {
    #[error(
        "This computer has no keychain that Metadesk can use ({detail}). {fix} Metadesk keeps \
         secrets only in the system keychain, so nothing can be saved until then."
    )]
    Unavailable { detail: String, fix: String },
    #[error(
        "The system keychain is locked. Unlock it (on Linux: open \"Passwords and Keys\" and \
         unlock the Login keyring; on macOS: Keychain Access) and try again."
    )]
    Locked,
    #[error(
        "The system keychain refused access ({detail}). Allow Metadesk to use it and try again."
    )]
    AccessDenied { detail: String },
    #[error(
        "The keychain entry is too large for this system's keychain ({size} bytes, the limit is {limit})."
    )]
    TooLarge { size: usize, limit: usize },
    #[error("The system keychain failed: {detail}")]
    Failed { detail: String },
}

impl SecretStoreError {
    /// The message in the user's language (`Display` is the English one, for the log). The
    /// platform's own words (`detail`, `fix`) stay as the platform layer wrote them.
    pub fn localized(&self, l: &metadesk_base::i18n::Localizer) -> String {
        self.text().localized(l)
    }

    /// The catalogue message telling this failure.
    pub fn text(&self) -> metadesk_base::i18n::Text {
        use metadesk_base::i18n::{Part, Text};
        let t = |s: &str| Part::from(s);
        let (id, args) = match self {
            SecretStoreError::Unavailable { detail, fix } => (
                "keychain-unavailable",
                vec![
                    ("detail", t(detail)),
                    ("fix", t(fix)),
                    ("fixKind", t(fix_kind(fix))),
                ],
            ),
            SecretStoreError::Locked => ("keychain-locked", vec![]),
            SecretStoreError::AccessDenied { detail } => {
                ("keychain-access-denied", vec![("detail", t(detail))])
            }
            SecretStoreError::TooLarge { size, limit } => (
                "keychain-too-large",
                vec![
                    ("size", Part::from(*size as f64)),
                    ("limit", Part::from(*limit as f64)),
                ],
            ),
            SecretStoreError::Failed { detail } => ("keychain-failed", vec![("detail", t(detail))]),
        };
        Text::new(id, args)
    }

    pub fn code(&self) -> ErrorCode {
        match self {
            SecretStoreError::Locked => ErrorCode::KeychainLocked,
            SecretStoreError::Unavailable { .. } | SecretStoreError::AccessDenied { .. } => {
                ErrorCode::KeychainUnavailable
            }
            SecretStoreError::TooLarge { .. } | SecretStoreError::Failed { .. } => {
                ErrorCode::Internal
            }
        }
    }
}

/// Where secrets live. Keys are plain names chosen by the caller (`conn/<id>/client-secret`);
/// the store namespaces them.
pub trait SecretStore: Send + Sync {
    /// The value under `key`, or `None` when there is no such entry.
    fn get(&self, key: &str) -> Result<Option<Secret>, SecretStoreError>;
    /// Creates or replaces the value under `key`.
    fn set(&self, key: &str, value: &Secret) -> Result<(), SecretStoreError>;
    /// Removes `key`; removing an absent key is not an error.
    fn delete(&self, key: &str) -> Result<(), SecretStoreError>;
    /// A short name of the backend, for the health screen ("Secret Service", "macOS Keychain").
    fn backend_name(&self) -> &'static str;

    /// Proves the store works end to end: writes, reads back and deletes a probe entry.
    ///
    /// A read alone is not enough: a locked Secret Service collection can still answer
    /// searches but refuses to create items.
    ///
    /// Each probe uses an entry of its own: the app and the CLI (or two CLIs) share one
    /// keychain namespace, and with one shared probe key one could delete the other's entry
    /// between its write and its read and report a working keychain as broken.
    fn probe(&self) -> Result<(), SecretStoreError> {
        let key = format!("metadesk-probe-{:016x}", rand::random::<u64>());
        let probe = Secret::new("probe");
        self.set(&key, &probe)?;
        let read = self.get(&key)?;
        self.delete(&key)?;
        match read {
            Some(value) if value == probe => Ok(()),
            _ => Err(SecretStoreError::Failed {
                detail: "a test entry written to the keychain could not be read back".into(),
            }),
        }
    }
}

/// The OS keychain through `keyring`: macOS Keychain, Windows Credential Manager, Secret
/// Service on Linux. Entries are `service = namespace`, `user = key`.
pub struct KeyringStore {
    namespace: String,
    /// One keychain call at a time per store. Each call opens its own Secret Service session;
    /// bursts of parallel sessions (a token renewal racing a status refresh) are what keychain
    /// daemons handle worst, and on macOS each could raise its own unlock prompt.
    one_at_a_time: Mutex<()>,
}

impl KeyringStore {
    /// `namespace` separates builds that must not overwrite each other's entries, e.g.
    /// `com.metadesk.app` for release builds and `com.metadesk.app.dev` for development.
    pub fn new(namespace: impl Into<String>) -> Self {
        KeyringStore {
            namespace: namespace.into(),
            one_at_a_time: Mutex::new(()),
        }
    }

    /// Runs one keychain operation on `key` while holding the store's lock.
    fn with_entry<T>(
        &self,
        key: &str,
        op: impl FnOnce(&keyring::Entry) -> Result<T, SecretStoreError>,
    ) -> Result<T, SecretStoreError> {
        let _turn = lock(&self.one_at_a_time);
        let entry = keyring::Entry::new(&self.namespace, key).map_err(map_keyring_error)?;
        op(&entry)
    }
}

impl SecretStore for KeyringStore {
    fn get(&self, key: &str) -> Result<Option<Secret>, SecretStoreError> {
        self.with_entry(key, |entry| match entry.get_password() {
            Ok(value) => Ok(Some(Secret::new(value))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(map_keyring_error(e)),
        })
    }

    fn set(&self, key: &str, value: &Secret) -> Result<(), SecretStoreError> {
        self.with_entry(key, |entry| {
            entry
                .set_password(value.expose())
                .map_err(map_keyring_error)
        })
    }

    fn delete(&self, key: &str) -> Result<(), SecretStoreError> {
        self.with_entry(key, |entry| match entry.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(map_keyring_error(e)),
        })
    }

    fn backend_name(&self) -> &'static str {
        if cfg!(target_os = "macos") {
            "macOS Keychain"
        } else if cfg!(target_os = "windows") {
            "Windows Credential Manager"
        } else {
            "Secret Service"
        }
    }
}

/// What to do when there is no keychain, by OS (the English words; the catalogue's
/// `keychain-unavailable` has them in each language, chosen by [`fix_kind`]).
const FIX_LINUX: &str = "Install and start a Secret Service provider such as GNOME Keyring or \
     KWallet (for example `sudo apt install gnome-keyring`), sign in to a desktop session, and \
     restart Metadesk.";
const FIX_DESKTOP: &str =
    "Make sure you are signed in to a normal desktop session, then restart Metadesk.";

/// Which of the known fixes `fix` is, for the catalogue (`other`: words given elsewhere).
fn fix_kind(fix: &str) -> &'static str {
    match fix {
        FIX_LINUX => "linux",
        FIX_DESKTOP => "desktop",
        _ => "other",
    }
}

/// Turns keyring's errors into words. The log gets keyring's `Display` text, never its
/// `Debug`: `BadEncoding`'s `Debug` prints the stored bytes, which are a secret.
fn map_keyring_error(err: keyring::Error) -> SecretStoreError {
    tracing::warn!(error = %err, "keychain call failed");
    let detail = err.to_string();
    let fix = if cfg!(target_os = "linux") {
        FIX_LINUX
    } else {
        FIX_DESKTOP
    };
    match err {
        keyring::Error::NoStorageAccess(_) => SecretStoreError::Unavailable {
            detail,
            fix: fix.to_string(),
        },
        keyring::Error::PlatformFailure(_) => {
            let lower = detail.to_lowercase();
            if lower.contains("locked") {
                SecretStoreError::Locked
            } else if lower.contains("denied") || lower.contains("not allowed") {
                SecretStoreError::AccessDenied { detail }
            } else if lower.contains("dbus")
                || lower.contains("d-bus")
                || lower.contains("org.freedesktop.secrets")
            {
                SecretStoreError::Unavailable {
                    detail,
                    fix: fix.to_string(),
                }
            } else {
                SecretStoreError::Failed { detail }
            }
        }
        keyring::Error::TooLong(_, limit) => SecretStoreError::TooLarge {
            size: 0,
            limit: limit as usize,
        },
        _ => SecretStoreError::Failed { detail },
    }
}

/// A keychain that lives in this process's memory and forgets everything when the process
/// ends: for a credential the user asked not to store (the command line's `--aem URL --file
/// FILE` runs), and for tests. Never a fallback: when the OS keychain cannot be used, the app
/// says so instead of silently keeping secrets here.
#[derive(Default)]
pub struct RunOnlyKeychain {
    entries: Mutex<HashMap<String, Secret>>,
    /// When set, every call fails with this error (to test "no keychain" paths).
    failure: Mutex<Option<SecretStoreError>>,
    /// When set, `set` refuses values larger than this many bytes (Windows' 2,560).
    max_entry_bytes: Option<usize>,
}

impl RunOnlyKeychain {
    pub fn new() -> Self {
        Self::default()
    }
}

/// What tests need to simulate keychains that fail or are small, and to look inside.
#[cfg(any(test, feature = "test-support"))]
impl RunOnlyKeychain {
    /// A store that, like Windows Credential Manager, refuses entries over `limit` bytes.
    pub fn with_entry_limit(limit: usize) -> Self {
        RunOnlyKeychain {
            max_entry_bytes: Some(limit),
            ..Self::default()
        }
    }

    /// Makes every following call fail with `error` (or work again with `None`).
    pub fn fail_with(&self, error: Option<SecretStoreError>) {
        *lock(&self.failure) = error;
    }

    /// How many entries are stored (tests assert "nothing was stored").
    pub fn len(&self) -> usize {
        lock(&self.entries).len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// All keys, sorted (tests assert exactly which entries exist).
    pub fn keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = lock(&self.entries).keys().cloned().collect();
        keys.sort();
        keys
    }
}

impl RunOnlyKeychain {
    fn check_failure(&self) -> Result<(), SecretStoreError> {
        match lock(&self.failure).clone() {
            Some(err) => Err(err),
            None => Ok(()),
        }
    }
}

/// A poisoned lock only means another test thread panicked; the map itself is still valid.
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl SecretStore for RunOnlyKeychain {
    fn get(&self, key: &str) -> Result<Option<Secret>, SecretStoreError> {
        self.check_failure()?;
        Ok(lock(&self.entries).get(key).cloned())
    }

    fn set(&self, key: &str, value: &Secret) -> Result<(), SecretStoreError> {
        self.check_failure()?;
        if let Some(limit) = self.max_entry_bytes {
            let size = value.expose().len();
            if size > limit {
                return Err(SecretStoreError::TooLarge { size, limit });
            }
        }
        lock(&self.entries).insert(key.to_string(), value.clone());
        Ok(())
    }

    fn delete(&self, key: &str) -> Result<(), SecretStoreError> {
        self.check_failure()?;
        lock(&self.entries).remove(key);
        Ok(())
    }

    fn backend_name(&self) -> &'static str {
        "this run only (memory)"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use metadesk_base::testing::logged;

    #[test]
    fn no_keychain_says_what_to_do_in_french() {
        use metadesk_base::i18n::{Lang, Localizer, checks::assert_reads_french};
        let fr = Localizer::new(Lang::Fr);
        for fix in [FIX_LINUX, FIX_DESKTOP] {
            let err = SecretStoreError::Unavailable {
                detail: "D-Bus".into(),
                fix: fix.into(),
            };
            let said = err.localized(&fr);
            assert_reads_french(&said);
            assert!(said.contains("redémarrez Metadesk."), "{said}");
            assert!(
                err.to_string().contains(fix),
                "the log keeps English: {err}"
            );
        }
    }

    #[test]
    fn secret_debug_never_shows_the_value() {
        let s = Secret::new("super-secret-value-1d47");
        assert_eq!(format!("{s:?}"), "Secret(••••)");
        assert_eq!(format!("{:?}", Some(s.clone())), "Some(Secret(••••))");
        assert_eq!(s.hint(), "••••1d47");
    }

    #[test]
    fn short_secrets_give_no_hint() {
        assert_eq!(Secret::new("abc").hint(), "••••");
    }

    #[test]
    fn memory_store_round_trip_and_probe() {
        let store = RunOnlyKeychain::new();
        assert_eq!(store.get("a").unwrap(), None);
        store.set("a", &Secret::new("x")).unwrap();
        assert_eq!(store.get("a").unwrap().unwrap().expose(), "x");
        store.delete("a").unwrap();
        store.delete("a").unwrap();
        assert!(store.is_empty());
        store.probe().unwrap();
        assert!(store.is_empty(), "the probe leaves nothing behind");
    }

    /// A store on which another prober (the other face: the app while the CLI's doctor runs)
    /// does a whole probe between this probe's write and its read.
    struct ProbedMeanwhile {
        inner: RunOnlyKeychain,
        other_probe: Mutex<Option<Result<(), SecretStoreError>>>,
    }

    impl SecretStore for ProbedMeanwhile {
        fn get(&self, key: &str) -> Result<Option<Secret>, SecretStoreError> {
            let mut other = lock(&self.other_probe);
            if other.is_none() {
                *other = Some(self.inner.probe());
            }
            drop(other);
            self.inner.get(key)
        }
        fn set(&self, key: &str, value: &Secret) -> Result<(), SecretStoreError> {
            self.inner.set(key, value)
        }
        fn delete(&self, key: &str) -> Result<(), SecretStoreError> {
            self.inner.delete(key)
        }
        fn backend_name(&self) -> &'static str {
            "test"
        }
    }

    #[test]
    fn two_probes_at_once_do_not_spoil_each_other() {
        let store = ProbedMeanwhile {
            inner: RunOnlyKeychain::new(),
            other_probe: Mutex::new(None),
        };
        store.probe().unwrap();
        assert_eq!(lock(&store.other_probe).clone(), Some(Ok(())));
        assert!(store.inner.is_empty(), "the probes leave nothing behind");
    }

    #[test]
    fn an_undecodable_entry_is_logged_without_its_bytes() {
        // A stored secret that is not UTF-8: keyring hands the bytes back inside the error.
        let stored = b"hunter2-\xff-secret".to_vec();
        let log = logged(|| {
            let err = map_keyring_error(keyring::Error::BadEncoding(stored.clone()));
            assert!(!err.to_string().contains("hunter2"), "{err}");
        });
        assert!(log.contains("keychain call failed"), "{log}");
        assert!(log.contains("not UTF-8"), "{log}");
        for leak in ["hunter2", "104, 117, 110"] {
            assert!(!log.contains(leak), "{leak} in {log}");
        }
    }

    #[test]
    fn memory_store_enforces_entry_limit() {
        let store = RunOnlyKeychain::with_entry_limit(4);
        let err = store.set("a", &Secret::new("12345")).unwrap_err();
        assert_eq!(err, SecretStoreError::TooLarge { size: 5, limit: 4 });
        assert!(store.is_empty());
    }

    #[test]
    fn failing_store_reports_the_problem() {
        let store = RunOnlyKeychain::new();
        store.fail_with(Some(SecretStoreError::Locked));
        let err = store.probe().unwrap_err();
        assert_eq!(err.code(), ErrorCode::KeychainLocked);
        assert!(err.to_string().contains("locked"));
    }
}
