//! Importing credentials into the real OS keychain: a 4096-bit key must survive the round trip
//! (it is split into entries that fit Windows' 2,560-byte limit), deleting a connection leaves
//! no keychain entry behind, and two processes changing the connections at once (the window
//! and a CLI command) lose nothing and leave no entry that no connection names, even when one
//! of them is killed half way through an import.

use crate::cli_process::OutputRetried;
use std::path::Path;
use std::process::{Command, Output};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use metadesk_core::connections::ConnectionStore;
use metadesk_core::connections::ImportOptions;
use metadesk_core::credentials::{inspect, testing};
use metadesk_core::secrets::{KeyringStore, Secret, SecretStore, SecretStoreError};
use metadesk_sandbox::keys::{self, KeyOptions};
use serde_json::json;

/// Every Secret Service item stored under `namespace`, as `secret-tool` sees it.
#[cfg(not(windows))]
fn items_in(namespace: &str) -> usize {
    let out = Command::new("secret-tool")
        .args(["search", "--all", "service", namespace])
        .output_retried()
        .expect("secret-tool is installed by scripts/install-deps.sh");
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    text.lines().filter(|l| l.starts_with("[/")).count()
}

/// Every Windows Credential Manager entry stored under `namespace` (keyring names them
/// `<key>.<namespace>`), as `cmdkey /list` lists them; Wine has no `cmdkey`, so there its
/// Credential Manager's registry key is listed with `reg` instead.
#[cfg(windows)]
fn items_in(namespace: &str) -> usize {
    let suffix = format!(".{namespace}");
    let listed = Command::new("cmdkey")
        .arg("/list")
        .output_retried()
        .ok()
        .filter(|o| o.status.success())
        .or_else(|| {
            Command::new("reg")
                .args(["query", r"HKCU\Software\Wine\Credential Manager"])
                .output_retried()
                .ok()
        })
        .expect("cmdkey (Windows) or reg (Wine)");
    String::from_utf8_lossy(&listed.stdout)
        .lines()
        .filter(|l| l.trim_end().ends_with(&suffix))
        .count()
}

#[test]
#[ignore = "needs a Secret Service: run by scripts/test.sh"]
fn a_4096_bit_credential_round_trips_through_the_real_keychain() {
    let material = keys::generate(&KeyOptions {
        bits: 4096,
        not_before: SystemTime::now() - Duration::from_secs(3600),
        validity: Duration::from_secs(365 * 86_400),
        common_name: "metadesk-integration".into(),
    })
    .unwrap();
    let file = json!({
        "ok": true,
        "statusCode": 200,
        "integration": {
            "imsEndpoint": "ims-na1.adobelogin.com",
            "metascopes": "ent_aem_cloud_api",
            "technicalAccount": {
                "clientId": "cm-p7603-e12614-integration",
                "clientSecret": "p8e-integration-client-secret-1d47"
            },
            "email": "c9adf360@techacct.adobe.com",
            "id": "D8E157165FC0EAE10A495E8C@techacct.adobe.com",
            "org": "907136ED5D35CBF50A495CD4@AdobeOrg",
            "privateKey": keys::crlf(&material.private_key_pkcs1_pem),
            "publicKey": keys::crlf(&material.certificate_pem)
        }
    });
    let namespace = format!("com.metadesk.tests.import.{}", std::process::id());
    let config = tempfile::tempdir().unwrap();
    let store = ConnectionStore::new(config.path(), Arc::new(KeyringStore::new(&namespace)));

    let recognised = inspect(file.to_string().as_bytes()).unwrap();
    let imported = store
        .import(&recognised, &ImportOptions::default())
        .unwrap();
    assert!(!imported.updated);
    let id = imported.connection.id.clone();
    assert!(
        items_in(&namespace) >= 3,
        "the key is split over several keychain items"
    );

    // A second store over the same keychain and folder = the app after a restart.
    let reopened = ConnectionStore::new(config.path(), Arc::new(KeyringStore::new(&namespace)));
    let secrets = reopened.load_secrets(&id).unwrap();
    let key = secrets.private_key_pem.unwrap();
    let expected = material.private_key_pkcs1_pem.replace("\r\n", "\n");
    assert_eq!(key.expose().trim(), expected.trim());
    assert_eq!(
        secrets.client_secret.unwrap().expose(),
        "p8e-integration-client-secret-1d47"
    );

    let on_disk = std::fs::read_to_string(reopened.config_path()).unwrap();
    assert!(!on_disk.contains("p8e-integration-client-secret-1d47"));
    assert!(!on_disk.contains("PRIVATE KEY"));

    reopened.delete(&id).unwrap();
    assert_eq!(
        items_in(&namespace),
        0,
        "deleting a connection removes every keychain item"
    );
    assert!(reopened.list().unwrap().is_empty());
}

/// How many connections each process imports in the two-process test.
const IMPORTS_EACH: usize = 16;

fn oauth_file(client_id: &str) -> Vec<u8> {
    testing::project(vec![testing::oauth_credential("1", "S2S", client_id)])
        .to_string()
        .into_bytes()
}

fn import_options() -> ImportOptions {
    ImportOptions {
        aem_url: Some("https://author-p1-e2.adobeaemcloud.com".into()),
        ..Default::default()
    }
}

/// This test binary again, running only the child test `name` with `env`.
fn run_child(name: &str, env: &[(&str, &str)]) -> std::process::Child {
    let mut command = Command::new(std::env::current_exe().unwrap());
    command
        .args(["--exact", name, "--include-ignored"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    for (key, value) in env {
        command.env(key, value);
    }
    command.spawn().unwrap()
}

fn text_of(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr)
}

/// Runs in a child process started by
/// `two_processes_importing_and_deleting_at_once_lose_nothing`: imports `IMPORTS_EACH`
/// connections with client ids `<tag>-<k>`, deleting each even one once the next is in.
#[test]
#[ignore = "run as a child process by two_processes_importing_and_deleting_at_once_lose_nothing"]
fn child_imports_and_deletes() {
    let (Ok(tag), Ok(config), Ok(namespace)) = (
        std::env::var("METADESK_CHILD_TAG"),
        std::env::var("METADESK_CHILD_CONFIG"),
        std::env::var("METADESK_CHILD_NAMESPACE"),
    ) else {
        return;
    };
    let store = ConnectionStore::new(Path::new(&config), Arc::new(KeyringStore::new(namespace)));
    let mut previous: Option<String> = None;
    for k in 0..IMPORTS_EACH {
        let recognised = inspect(&oauth_file(&format!("{tag}-{k}"))).unwrap();
        let id = store
            .import(&recognised, &import_options())
            .unwrap()
            .connection
            .id;
        if let Some(even) = previous.take() {
            store.delete(&even).unwrap();
        }
        if k % 2 == 0 {
            previous = Some(id);
        }
    }
}

#[test]
#[ignore = "needs a Secret Service: run by scripts/test.sh"]
fn two_processes_importing_and_deleting_at_once_lose_nothing() {
    // The process id alone repeats under Wine, whose Credential Manager outlives a test run
    // (its prefix is kept): an earlier killed run's entries would be counted as this one's.
    let started = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    let namespace = format!(
        "com.metadesk.tests.two-processes.{}.{started}",
        std::process::id()
    );
    let config = tempfile::tempdir().unwrap();
    let config_dir = config.path().to_str().unwrap();
    let children: Vec<_> = ["a", "b"]
        .into_iter()
        .map(|tag| {
            run_child(
                "connections::child_imports_and_deletes",
                &[
                    ("METADESK_CHILD_TAG", tag),
                    ("METADESK_CHILD_CONFIG", config_dir),
                    ("METADESK_CHILD_NAMESPACE", &namespace),
                ],
            )
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success() && text_of(&out).contains("1 passed"),
            "a child failed:\n{}",
            text_of(&out)
        );
    }

    let store = ConnectionStore::new(config.path(), Arc::new(KeyringStore::new(&namespace)));
    let mut kept: Vec<String> = store
        .list()
        .unwrap()
        .into_iter()
        .map(|c| c.client_id.unwrap())
        .collect();
    kept.sort();
    let mut expected: Vec<String> = ["a", "b"]
        .iter()
        .flat_map(|tag| {
            (0..IMPORTS_EACH)
                .filter(|k| k % 2 == 1)
                .map(move |k| format!("{tag}-{k}"))
        })
        .collect();
    expected.sort();
    assert_eq!(kept, expected, "every import and every delete holds");
    // Two entries per connection (its client secret and the binding of its address to it), and
    // none that no connection names.
    assert_eq!(items_in(&namespace), 2 * expected.len());
    for connection in store.list().unwrap() {
        assert!(
            store
                .load_secrets(&connection.id)
                .unwrap()
                .client_secret
                .is_some()
        );
        store.delete(&connection.id).unwrap();
    }
    assert_eq!(items_in(&namespace), 0);
}

/// The real keychain, in a process that is killed (aborted: no unwinding, no clean-up) right
/// after its `writes_left`-th write.
struct KilledAfter {
    keychain: KeyringStore,
    writes_left: std::sync::atomic::AtomicUsize,
}

impl SecretStore for KilledAfter {
    fn get(&self, key: &str) -> Result<Option<Secret>, SecretStoreError> {
        self.keychain.get(key)
    }
    fn set(&self, key: &str, value: &Secret) -> Result<(), SecretStoreError> {
        self.keychain.set(key, value)?;
        if self
            .writes_left
            .fetch_sub(1, std::sync::atomic::Ordering::SeqCst)
            == 1
        {
            std::process::abort();
        }
        Ok(())
    }
    fn delete(&self, key: &str) -> Result<(), SecretStoreError> {
        self.keychain.delete(key)
    }
    fn backend_name(&self) -> &'static str {
        "killed after some writes"
    }
}

/// Runs in a child process started by `an_import_killed_half_way_leaves_no_entry_behind`.
#[test]
#[ignore = "run as a child process by an_import_killed_half_way_leaves_no_entry_behind"]
fn child_killed_during_an_import() {
    let (Ok(config), Ok(namespace)) = (
        std::env::var("METADESK_CHILD_CONFIG"),
        std::env::var("METADESK_CHILD_NAMESPACE"),
    ) else {
        return;
    };
    let keychain = KilledAfter {
        keychain: KeyringStore::new(namespace),
        writes_left: 1.into(),
    };
    let store = ConnectionStore::new(Path::new(&config), Arc::new(keychain));
    let recognised = inspect(&oauth_file("killed-import")).unwrap();
    let _ = store.import(&recognised, &import_options());
    unreachable!("the keychain write kills this process");
}

#[test]
#[ignore = "needs a Secret Service: run by scripts/test.sh"]
fn an_import_killed_half_way_leaves_no_entry_behind() {
    let namespace = format!("com.metadesk.tests.killed-import.{}", std::process::id());
    let config = tempfile::tempdir().unwrap();
    let out = run_child(
        "connections::child_killed_during_an_import",
        &[
            ("METADESK_CHILD_CONFIG", config.path().to_str().unwrap()),
            ("METADESK_CHILD_NAMESPACE", &namespace),
        ],
    )
    .wait_with_output()
    .unwrap();
    assert!(
        !out.status.success(),
        "the child was not killed:\n{}",
        text_of(&out)
    );
    assert_eq!(
        items_in(&namespace),
        1,
        "the killed import wrote its secret"
    );

    // The next start, and its first change: the dead import's entry goes, nothing else.
    let store = ConnectionStore::new(config.path(), Arc::new(KeyringStore::new(&namespace)));
    assert!(store.list().unwrap().is_empty(), "the import was not saved");
    let kept = store
        .import(&inspect(&oauth_file("kept")).unwrap(), &import_options())
        .unwrap()
        .connection;
    assert_eq!(
        items_in(&namespace),
        2,
        "only the new connection's entries (its secret, its binding) are left"
    );
    assert!(
        store
            .load_secrets(&kept.id)
            .unwrap()
            .client_secret
            .is_some()
    );
    store.delete(&kept.id).unwrap();
    assert_eq!(items_in(&namespace), 0);
}
