//! The secret store against the real OS keychain (Secret Service on Linux).

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
        .output()
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
    assert_eq!(
        check_keychain(&store, &metadesk_core::i18n::Localizer::english()),
        KeychainStatus::Available {
            backend: "Secret Service".into()
        }
    );
}

/// Runs inside a child process whose D-Bus address points nowhere (see the test below).
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
        .output()
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
