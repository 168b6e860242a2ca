//! The secret store against the real OS keychain: Secret Service on Linux (scripts/test.sh),
//! Windows Credential Manager under Wine (scripts/cross/windows.sh). Tests that ask the
//! Secret Service itself (secret-tool, D-Bus) are built for Linux only.

#[cfg(target_os = "linux")]
use crate::cli_process::OutputRetried;
#[cfg(target_os = "linux")]
use std::process::Command;

use metadesk_core::health::{KeychainStatus, check_keychain};
use metadesk_core::secrets::{KeyringStore, Secret, SecretStore};

/// A namespace no other test (or build) uses, so runs never see each other's entries.
fn namespace(test: &str) -> String {
    format!("com.metadesk.tests.{test}.{}", std::process::id())
}

#[test]
#[ignore = "needs a Secret Service: run by scripts/test.sh"]
fn round_trip_through_the_real_keychain() {
    let store = KeyringStore::new(namespace("round-trip"));
    let value =
        Secret::new("-----BEGIN RSA PRIVATE KEY-----\nMIIé…\n-----END RSA PRIVATE KEY-----\n");
    assert_eq!(store.get("conn/a/private-key").unwrap(), None);
    store.set("conn/a/private-key", &value).unwrap();
    assert_eq!(
        store.get("conn/a/private-key").unwrap(),
        Some(value.clone())
    );
    store
        .set("conn/a/private-key", &Secret::new("replaced"))
        .unwrap();
    assert_eq!(
        store.get("conn/a/private-key").unwrap().unwrap().expose(),
        "replaced"
    );
    store.delete("conn/a/private-key").unwrap();
    assert_eq!(store.get("conn/a/private-key").unwrap(), None);
    store.delete("conn/a/private-key").unwrap();
}

#[cfg(target_os = "linux")]
#[test]
#[ignore = "needs a Secret Service: run by scripts/test.sh"]
fn entries_are_real_secret_service_items() {
    let ns = namespace("visible");
    let store = KeyringStore::new(&ns);
    store
        .set(
            "conn/b/client-secret",
            &Secret::new("s3cret-visible-to-secret-tool"),
        )
        .unwrap();
    let out = Command::new("secret-tool")
        .args(["lookup", "service", &ns, "username", "conn/b/client-secret"])
        .output_retried()
        .expect("secret-tool is installed by scripts/install-deps.sh");
    store.delete("conn/b/client-secret").unwrap();
    assert!(
        out.status.success(),
        "secret-tool did not find the item: {out:?}"
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "s3cret-visible-to-secret-tool"
    );
}

#[test]
#[ignore = "needs a Secret Service: run by scripts/test.sh"]
fn development_and_release_profiles_do_not_overwrite_each_other() {
    let release = KeyringStore::new(namespace("profile"));
    let dev = KeyringStore::new(format!("{}.dev", namespace("profile")));
    release
        .set("conn/c/token", &Secret::new("release-value"))
        .unwrap();
    dev.set("conn/c/token", &Secret::new("dev-value")).unwrap();
    assert_eq!(
        release.get("conn/c/token").unwrap().unwrap().expose(),
        "release-value"
    );
    assert_eq!(
        dev.get("conn/c/token").unwrap().unwrap().expose(),
        "dev-value"
    );
    release.delete("conn/c/token").unwrap();
    dev.delete("conn/c/token").unwrap();
}

#[test]
#[ignore = "needs a Secret Service: run by scripts/test.sh"]
fn health_check_reports_the_keychain_available() {
    let store = KeyringStore::new(namespace("health"));
    let backend = if cfg!(windows) {
        "Windows Credential Manager"
    } else if cfg!(target_os = "macos") {
        "macOS Keychain"
    } else {
        "Secret Service"
    };
    assert_eq!(
        check_keychain(&store, &metadesk_core::i18n::Localizer::english()),
        KeychainStatus::Available {
            backend: backend.into()
        }
    );
}

/// Runs inside a child process whose D-Bus address points nowhere (see the test below).
#[cfg(target_os = "linux")]
#[test]
#[ignore = "run as a child process by no_keychain_is_reported_never_replaced"]
fn child_probe_without_a_session_bus() {
    if std::env::var_os("METADESK_CHILD_PROBE").is_none() {
        return;
    }
    let store = KeyringStore::new(namespace("no-bus"));
    match check_keychain(&store, &metadesk_core::i18n::Localizer::english()) {
        KeychainStatus::Unavailable { message, .. } => {
            assert!(message.contains("no keychain"), "{message}");
            assert!(
                message.contains("GNOME Keyring"),
                "the message names a fix: {message}"
            );
        }
        other => panic!("a missing keychain must be reported, got {other:?}"),
    }
    assert!(store.set("conn/x/secret", &Secret::new("nowhere")).is_err());
}

#[cfg(target_os = "linux")]
#[test]
#[ignore = "needs a Secret Service: run by scripts/test.sh"]
fn no_keychain_is_reported_never_replaced() {
    let exe = std::env::current_exe().unwrap();
    let out = Command::new(exe)
        .args([
            "--exact",
            "keychain::child_probe_without_a_session_bus",
            "--include-ignored",
        ])
        .env("METADESK_CHILD_PROBE", "1")
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            "unix:path=/nonexistent/metadesk-no-bus",
        )
        .env_remove("DISPLAY")
        .output_retried()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "child failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("1 passed"),
        "the child probe did not run:\n{stdout}"
    );
}

/// The most bytes Windows Credential Manager keeps per secret (`CRED_MAX_CREDENTIAL_BLOB_SIZE`).
const WINDOWS_SECRET_BYTES: usize = 2560;

/// The PEM private key inside a credential file (wherever the file's layout puts it).
fn private_key_in(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(s) if s.contains("PRIVATE KEY-----") => Some(s.clone()),
        serde_json::Value::Object(map) => map.values().find_map(private_key_in),
        serde_json::Value::Array(items) => items.iter().find_map(private_key_in),
        _ => None,
    }
}

/// A 4096-bit private key, as an AEM service credential file brings it, through the real
/// keychain: on Windows (Credential Manager, run under Wine by scripts/cross/windows.sh) it is
/// too large for one entry, so the chunked store splits it into entries that each fit — keyring
/// stores Windows secrets as UTF-16 — and reads it back whole; nothing is left after removal.
#[tokio::test]
#[ignore = "needs the real keychain: run by scripts/test.sh and scripts/cross/windows.sh"]
async fn a_4096_bit_private_key_is_kept_in_entries_windows_takes() {
    use metadesk_core::secrets::ChunkedSecrets;
    let sb = metadesk_sandbox::Sandbox::start(
        metadesk_sandbox::SandboxConfig::default()
            .with_assets(1)
            .with_key_bits(4096),
    )
    .await
    .unwrap();
    let file: serde_json::Value =
        serde_json::from_str(&sb.credentials().service_credentials_json).unwrap();
    let key = private_key_in(&file).expect("the service credentials carry a private key");
    let utf16_bytes = |s: &str| s.encode_utf16().count() * 2;
    assert!(
        utf16_bytes(&key) > WINDOWS_SECRET_BYTES,
        "a 4096-bit key ({} characters) is more than one Windows entry takes",
        key.len()
    );
    let store = KeyringStore::new(namespace("rsa-4096"));
    let entry = "conn/big/private-key";
    if cfg!(windows) {
        // The limit is real: the whole key in one entry is refused by Credential Manager.
        assert!(store.set(entry, &Secret::new(key.clone())).is_err());
    }
    let chunked = ChunkedSecrets::new(&store);
    chunked.put(entry, &Secret::new(key.clone())).unwrap();
    assert_eq!(chunked.get(entry).unwrap().unwrap().expose(), key);
    // Every entry actually stored fits in a Windows secret.
    let header = store.get(entry).unwrap().unwrap();
    let parts: usize = header
        .expose()
        .rsplit(':')
        .next()
        .and_then(|n| n.parse().ok())
        .expect("a chunked header");
    assert!(parts >= 2, "{parts}");
    let mut joined = String::new();
    for part in 1..=parts {
        let stored = store.get(&format!("{entry}#{part}")).unwrap().unwrap();
        assert!(utf16_bytes(stored.expose()) <= WINDOWS_SECRET_BYTES);
        joined.push_str(stored.expose());
    }
    assert_eq!(joined, key);
    chunked.remove(entry).unwrap();
    assert_eq!(store.get(entry).unwrap(), None);
    for part in 1..=parts {
        assert_eq!(store.get(&format!("{entry}#{part}")).unwrap(), None);
    }
}

/// Where a connection's credentials go is bound to them in the real keychain (Secret Service
/// here, Credential Manager under Wine, beside a private key too large for one Windows entry):
/// an edit of the connections file to another server on this computer builds no authorizer, so
/// nothing is minted or sent; setting the address again in Metadesk binds it; removing the
/// connection leaves no entry. Seen failing without `require_bound` in `authorizer_for`: the
/// edited connection got an authorizer.
#[tokio::test]
#[ignore = "needs the real keychain: run by scripts/test.sh and scripts/cross/windows.sh"]
async fn a_connection_s_address_is_bound_to_it_in_the_real_keychain() {
    use std::sync::Arc;

    use metadesk_core::ErrorCode;
    use metadesk_core::connections::{AuthContext, Authorizers, ConnectionStore, ImportOptions};
    use metadesk_core::credentials::inspect;

    let sb = metadesk_sandbox::Sandbox::start(
        metadesk_sandbox::SandboxConfig::default()
            .with_assets(1)
            .with_key_bits(4096),
    )
    .await
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let keychain = Arc::new(KeyringStore::new(namespace("binding")));
    let store = ConnectionStore::new(&dir.path().join("config"), keychain.clone());
    let recognised = inspect(sb.credentials().service_credentials_json.as_bytes()).unwrap();
    let options = ImportOptions {
        aem_url: Some(sb.base_url()),
        ..ImportOptions::default()
    };
    let id = store.import(&recognised, &options).unwrap().connection.id;
    let binding = keychain.get(&format!("conn/{id}/binding")).unwrap();
    assert!(
        binding.is_some_and(|b| b.expose().contains(&sb.base_url())),
        "the binding is in the keychain"
    );

    let ctx = AuthContext::new(reqwest::Client::new(), keychain.clone());
    let use_it = || {
        let connection = store.get(&id)?;
        Authorizers::new()
            .get(&connection, || store.load_secrets(&id), &ctx)
            .map(drop)
    };
    use_it().unwrap();

    let elsewhere = "http://127.0.0.1:9";
    let text = std::fs::read_to_string(store.config_path()).unwrap();
    std::fs::write(store.config_path(), text.replace(&sb.base_url(), elsewhere)).unwrap();
    let err = use_it().unwrap_err();
    assert_eq!(err.code(), ErrorCode::UntrustedHost, "{err}");
    assert!(
        err.to_string().contains(
            "was changed outside Metadesk: its connections file now says http://127.0.0.1:9"
        ),
        "{err}"
    );

    store.set_aem_url(&id, elsewhere).unwrap();
    use_it().unwrap();
    store.delete(&id).unwrap();
    for slot in ["binding", "client-secret", "private-key", "private-key#1"] {
        assert_eq!(
            keychain.get(&format!("conn/{id}/{slot}")).unwrap(),
            None,
            "{slot}"
        );
    }
}
