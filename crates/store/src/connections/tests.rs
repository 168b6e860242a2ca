//! The connection store against `RunOnlyKeychain` and a temporary config folder: import, update,
//! the all-or-nothing rules, the Windows entry limit, and management.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::{Value, json};
use time::{Duration, OffsetDateTime};

use super::*;
use metadesk_base::i18n::{Lang, Localizer};
use metadesk_clients::error::{Error, ErrorCode};
use metadesk_credentials::credentials::testing::{self, TestKey};
use metadesk_credentials::credentials::{CredentialKind, inspect};
use metadesk_credentials::secrets::{RunOnlyKeychain, Secret, SecretStore, SecretStoreError};

const CLIENT_ID: &str = "cm-p7603-e12614-integration";
/// Windows Credential Manager's limit per secret.
const WINDOWS_LIMIT: usize = 2560;

struct Fixture {
    dir: tempfile::TempDir,
    secrets: Arc<RunOnlyKeychain>,
    store: ConnectionStore,
}

fn fixture_with(secrets: RunOnlyKeychain) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let secrets = Arc::new(secrets);
    let store = ConnectionStore::new(&dir.path().join("config"), secrets.clone());
    Fixture {
        dir,
        secrets,
        store,
    }
}

fn fixture() -> Fixture {
    fixture_with(RunOnlyKeychain::with_entry_limit(WINDOWS_LIMIT))
}

fn service_json(key: &TestKey) -> Value {
    testing::service_credentials(key, CLIENT_ID, "ims-na1.adobelogin.com", 365)
}

fn recognise(value: &Value) -> metadesk_credentials::credentials::Recognised {
    inspect(&serde_json::to_vec(value).unwrap()).unwrap()
}

#[test]
fn importing_service_credentials_stores_metadata_and_secrets_apart() {
    let f = fixture();
    let key = TestKey::small();
    let imported = f
        .store
        .import(&recognise(&service_json(&key)), &ImportOptions::default())
        .unwrap();
    assert!(!imported.updated);
    let view = imported.connection;
    assert_eq!(view.name, "Program 7603 · environment 12614");
    assert_eq!(
        view.aem_url,
        "https://author-p7603-e12614.adobeaemcloud.com"
    );
    assert_eq!(view.host, "author-p7603-e12614.adobeaemcloud.com");
    assert_eq!(
        view.ims_base.as_deref(),
        Some("https://ims-na1.adobelogin.com")
    );
    assert_eq!(view.status, ConnectionStatus::Ok);
    assert_eq!(view.status_words, "ok");
    assert!(
        view.secret_hints
            .iter()
            .any(|h| *h == "client secret ••••1d47")
    );
    assert_eq!(
        f.secrets.keys(),
        [
            format!("conn/{}/binding", view.id),
            format!("conn/{}/client-secret", view.id),
            format!("conn/{}/private-key", view.id)
        ]
    );

    let config = std::fs::read_to_string(f.store.config_path()).unwrap();
    assert!(config.contains("\"version\": 1"));
    assert!(
        !config.contains("p8e-TEST-client-secret"),
        "no secret in the config file"
    );
    assert!(!config.contains("PRIVATE KEY"));

    let secrets = f.store.load_secrets(&view.id).unwrap();
    assert_eq!(
        secrets.client_secret.unwrap().expose(),
        "p8e-TEST-client-secret-0000-1d47"
    );
    assert_eq!(secrets.private_key_pem.unwrap().expose(), key.pkcs1_pem());
    let stored = f.store.get(&view.id).unwrap();
    assert_eq!(stored.scopes, ["ent_aem_cloud_api"]);
    assert_eq!(
        stored.org.as_deref(),
        Some("907136ED5D35CBF50A495CD4@AdobeOrg")
    );
    assert_eq!(
        stored.technical_account_id.as_deref(),
        Some("D8E157165FC0EAE10A495E8C@techacct.adobe.com")
    );
}

#[test]
fn a_4096_bit_key_fits_the_windows_limit() {
    let f = fixture();
    let key = TestKey::generate(4096);
    assert!(key.pkcs1_pem().len() > WINDOWS_LIMIT);
    let view = f
        .store
        .import(&recognise(&service_json(&key)), &ImportOptions::default())
        .unwrap()
        .connection;
    let keys = f.secrets.keys();
    assert!(keys.len() > 3, "the key was split: {keys:?}");
    let secrets = f.store.load_secrets(&view.id).unwrap();
    assert_eq!(secrets.private_key_pem.unwrap().expose(), key.pkcs1_pem());
    f.store.delete(&view.id).unwrap();
    assert!(
        f.secrets.is_empty(),
        "every part is deleted: {:?}",
        f.secrets.keys()
    );
}

#[test]
fn importing_the_same_client_id_updates_the_connection() {
    let f = fixture();
    let first = f
        .store
        .import(
            &recognise(&service_json(&TestKey::small())),
            &ImportOptions::default(),
        )
        .unwrap()
        .connection;
    f.store.set_production(&first.id, true).unwrap();
    f.store.rename(&first.id, "Marketing prod").unwrap();
    let cache = SecretSlot::AccessToken.key(&first.id);
    f.secrets.set(&cache, &Secret::new("cached-token")).unwrap();

    // Another private key under the same client id: not silently "updated".
    let key = TestKey::small();
    let err = f
        .store
        .import(&recognise(&service_json(&key)), &ImportOptions::default())
        .unwrap_err();
    let Error::NeedsReplace(notice) = &err else {
        panic!("expected a confirmation, got {err:?}");
    };
    assert_eq!(notice.connection_id, first.id);
    assert_eq!(notice.connection_name, "Marketing prod");
    assert_eq!(notice.differences, ["Its private key is different."]);
    let fr = metadesk_base::i18n::Localizer::new(metadesk_base::i18n::Lang::Fr);
    let mut shown = FileResult::NeedsChoice {
        pending_id: "p".into(),
        preview: recognise(&service_json(&key)).preview,
        replaces: Some((**notice).clone()),
    };
    shown.localize(&fr);
    let FileResult::NeedsChoice {
        replaces: Some(shown),
        ..
    } = shown
    else {
        unreachable!()
    };
    assert_eq!(
        shown.differences,
        ["Le champ «\u{a0}clé privée\u{a0}» diffère."]
    );
    metadesk_base::i18n::checks::assert_reads_french(&err.localized(&fr));
    assert!(
        err.to_string()
            .contains("the client id of the connection \"Marketing prod\""),
        "{err}"
    );
    assert_eq!(
        f.secrets
            .get(&cache)
            .unwrap()
            .map(|s| s.expose().to_string()),
        Some("cached-token".to_string()),
        "nothing changed"
    );
    assert_ne!(
        f.store
            .load_secrets(&first.id)
            .unwrap()
            .private_key_pem
            .unwrap()
            .expose(),
        key.pkcs1_pem()
    );

    let replace = ImportOptions {
        replace: Some(true),
        ..ImportOptions::default()
    };
    let again = f
        .store
        .import(&recognise(&service_json(&key)), &replace)
        .unwrap();
    assert!(again.updated);
    assert_eq!(again.connection.id, first.id);
    assert_eq!(again.connection.name, "Marketing prod");
    assert!(again.connection.production);
    assert_eq!(f.store.list().unwrap().len(), 1);
    assert_eq!(
        f.secrets.get(&cache).unwrap(),
        None,
        "the old access token is dropped"
    );
    assert_eq!(
        f.store
            .load_secrets(&first.id)
            .unwrap()
            .private_key_pem
            .unwrap()
            .expose(),
        key.pkcs1_pem()
    );
}

#[test]
fn no_keychain_means_no_import_and_no_trace() {
    let f = fixture();
    f.secrets.fail_with(Some(SecretStoreError::Unavailable {
        detail: "org.freedesktop.secrets was not provided by any .service files".into(),
        fix: "Install GNOME Keyring.".into(),
    }));
    let err = f
        .store
        .import(
            &recognise(&service_json(&TestKey::small())),
            &ImportOptions::default(),
        )
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::KeychainUnavailable);
    assert!(err.to_string().contains("Install GNOME Keyring."));
    f.secrets.fail_with(None);
    assert!(f.secrets.is_empty());
    assert!(!f.store.config_path().exists());

    f.secrets.fail_with(Some(SecretStoreError::Locked));
    let err = f
        .store
        .import(
            &recognise(&service_json(&TestKey::small())),
            &ImportOptions::default(),
        )
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::KeychainLocked);
    assert!(!f.store.config_path().exists());
}

/// A keychain that accepts `allowed` writes and then reports itself locked.
struct FailAfter {
    inner: RunOnlyKeychain,
    allowed: AtomicUsize,
}

impl SecretStore for FailAfter {
    fn get(&self, key: &str) -> Result<Option<Secret>, SecretStoreError> {
        self.inner.get(key)
    }
    fn set(&self, key: &str, value: &Secret) -> Result<(), SecretStoreError> {
        if self.allowed.fetch_sub(1, Ordering::SeqCst) == 0 {
            self.allowed.store(0, Ordering::SeqCst);
            return Err(SecretStoreError::Locked);
        }
        self.inner.set(key, value)
    }
    fn delete(&self, key: &str) -> Result<(), SecretStoreError> {
        self.inner.delete(key)
    }
    fn backend_name(&self) -> &'static str {
        "fails after some writes"
    }
}

/// A keychain whose process "dies" (panics, so nothing after it runs) right after its
/// `writes`-th entry is stored: an import killed between the keychain and the config.
struct DiesAfter {
    inner: Arc<RunOnlyKeychain>,
    writes: AtomicUsize,
}

impl SecretStore for DiesAfter {
    fn get(&self, key: &str) -> Result<Option<Secret>, SecretStoreError> {
        self.inner.get(key)
    }
    fn set(&self, key: &str, value: &Secret) -> Result<(), SecretStoreError> {
        self.inner.set(key, value)?;
        if self.writes.fetch_sub(1, Ordering::SeqCst) == 1 {
            panic!("killed after a keychain write");
        }
        Ok(())
    }
    fn delete(&self, key: &str) -> Result<(), SecretStoreError> {
        self.inner.delete(key)
    }
    fn backend_name(&self) -> &'static str {
        "dies after some writes"
    }
}

#[test]
fn an_import_killed_after_its_keychain_writes_leaves_nothing_after_the_next_change() {
    let dir = tempfile::tempdir().unwrap();
    let keychain = Arc::new(RunOnlyKeychain::new());
    let dying = ConnectionStore::new(
        dir.path(),
        Arc::new(DiesAfter {
            inner: keychain.clone(),
            // Service credentials: the client secret, then the private key.
            writes: AtomicUsize::new(2),
        }),
    );
    let killed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        dying.import(
            &recognise(&service_json(&TestKey::small())),
            &ImportOptions::default(),
        )
    }));
    assert!(killed.is_err(), "the import was killed");
    drop(dying);
    assert_eq!(keychain.len(), 2, "the dead import's entries are there");

    // The next start: any change removes what the dead import wrote, and keeps its own.
    let store = ConnectionStore::new(dir.path(), keychain.clone());
    assert!(store.list().unwrap().is_empty());
    let other = testing::project(vec![testing::oauth_credential("1", "A", "client-a")]);
    let options = ImportOptions {
        aem_url: Some("https://author-p1-e2.adobeaemcloud.com".into()),
        ..Default::default()
    };
    let id = store
        .import(&recognise(&other), &options)
        .unwrap()
        .connection
        .id;
    assert_eq!(
        keychain.keys(),
        vec![
            SecretSlot::Binding.key(&id),
            SecretSlot::ClientSecret.key(&id)
        ],
        "no entry that no connection names"
    );
    let text = std::fs::read_to_string(store.config_path()).unwrap();
    assert!(!text.contains("unfinished"), "{text}");
}

#[test]
fn a_keychain_failure_half_way_leaves_no_trace() {
    let dir = tempfile::tempdir().unwrap();
    let secrets = Arc::new(FailAfter {
        inner: RunOnlyKeychain::new(),
        allowed: AtomicUsize::new(1),
    });
    let store = ConnectionStore::new(dir.path(), secrets.clone());
    let err = store
        .import(
            &recognise(&service_json(&TestKey::small())),
            &ImportOptions::default(),
        )
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::KeychainLocked);
    assert!(secrets.inner.is_empty(), "{:?}", secrets.inner.keys());
    assert!(!store.config_path().exists());
}

#[test]
fn a_failed_update_puts_the_old_secrets_back() {
    let dir = tempfile::tempdir().unwrap();
    let secrets = Arc::new(FailAfter {
        inner: RunOnlyKeychain::new(),
        allowed: AtomicUsize::new(100),
    });
    let store = ConnectionStore::new(dir.path(), secrets.clone());
    let old_key = TestKey::small();
    let id = store
        .import(
            &recognise(&service_json(&old_key)),
            &ImportOptions::default(),
        )
        .unwrap()
        .connection
        .id;
    let before = std::fs::read_to_string(store.config_path()).unwrap();

    secrets.allowed.store(1, Ordering::SeqCst);
    let err = store.import(
        &recognise(&service_json(&TestKey::small())),
        &ImportOptions::default(),
    );
    assert!(err.is_err());
    secrets.allowed.store(100, Ordering::SeqCst);
    assert_eq!(
        store
            .load_secrets(&id)
            .unwrap()
            .private_key_pem
            .unwrap()
            .expose(),
        old_key.pkcs1_pem()
    );
    assert_eq!(
        std::fs::read_to_string(store.config_path()).unwrap(),
        before
    );
}

#[test]
fn a_config_write_failure_removes_the_secrets_just_written() {
    let f = fixture();
    // A folder where the temporary file must go makes the config write fail after the
    // secrets were written.
    let config_dir = f.dir.path().join("config");
    std::fs::create_dir_all(config::temp_path(&config_dir.join(config::FILE_NAME))).unwrap();
    let err = f
        .store
        .import(
            &recognise(&service_json(&TestKey::small())),
            &ImportOptions::default(),
        )
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Io);
    assert!(f.secrets.is_empty(), "{:?}", f.secrets.keys());
    assert!(!f.store.config_path().exists());
}

#[test]
fn refused_files_leave_no_trace() {
    let f = fixture();
    let folder = f.dir.path().join("a-folder");
    std::fs::create_dir(&folder).unwrap();
    let outcome = import_file(&f.store, &folder);
    assert_eq!(outcome.file, "a-folder");
    match outcome.result {
        FileResult::Refused { code, problems } => {
            assert_eq!(code, ErrorCode::CredentialRefused);
            assert!(problems[0].to_string().contains("folder"));
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    let mut expired = service_json(&TestKey::small());
    let now = OffsetDateTime::now_utc();
    let key = TestKey::small();
    expired["integration"]["privateKey"] = json!(key.pkcs1_pem());
    expired["integration"]["publicKey"] =
        json!(key.certificate(now - Duration::days(400), now - Duration::days(1)));
    let file = f.dir.path().join("expired.json");
    std::fs::write(&file, serde_json::to_vec(&expired).unwrap()).unwrap();
    assert!(matches!(
        import_file(&f.store, &file).result,
        FileResult::Refused { .. }
    ));
    assert!(f.secrets.is_empty());
    assert!(!f.store.config_path().exists());
}

#[test]
fn a_file_is_imported_then_updated() {
    let f = fixture();
    let file = f.dir.path().join("service.json");
    std::fs::write(
        &file,
        serde_json::to_vec(&service_json(&TestKey::small())).unwrap(),
    )
    .unwrap();
    assert!(matches!(
        import_file(&f.store, &file).result,
        FileResult::Imported { .. }
    ));
    assert!(matches!(
        import_file(&f.store, &file).result,
        FileResult::Updated { .. }
    ));
}

#[test]
fn the_aem_url_can_be_overridden_for_the_sandbox() {
    let f = fixture();
    let key = TestKey::small();
    let json = testing::service_credentials(&key, CLIENT_ID, "http://127.0.0.1:41234", 365);
    let options = ImportOptions {
        aem_url: Some("http://127.0.0.1:41235/".into()),
        ..Default::default()
    };
    let view = f
        .store
        .import(&recognise(&json), &options)
        .unwrap()
        .connection;
    assert_eq!(view.aem_url, "http://127.0.0.1:41235");
    assert_eq!(view.ims_base.as_deref(), Some("http://127.0.0.1:41234"));
    // A later re-import without an override keeps the URL.
    let again = f
        .store
        .import(&recognise(&json), &ImportOptions::default())
        .unwrap()
        .connection;
    assert_eq!(again.aem_url, "http://127.0.0.1:41235");
    let bad = ImportOptions {
        aem_url: Some("http://aem.example.com".into()),
        ..Default::default()
    };
    assert_eq!(
        f.store.import(&recognise(&json), &bad).unwrap_err().code(),
        ErrorCode::InvalidInput
    );
}

#[test]
fn development_tokens_need_an_aem_url() {
    let f = fixture();
    let now = OffsetDateTime::now_utc();
    let token = recognise(&testing::dev_token(
        "jane@example.com",
        now,
        Duration::hours(24),
    ));
    let err = f
        .store
        .import(&token, &ImportOptions::default())
        .unwrap_err();
    assert!(err.to_string().contains("which AEM environment"), "{err}");
    assert!(f.secrets.is_empty());
    let options = ImportOptions {
        aem_url: Some("https://author-p1-e2.adobeaemcloud.com".into()),
        ..Default::default()
    };
    let view = f.store.import(&token, &options).unwrap().connection;
    assert_eq!(view.kind, CredentialKind::LocalDevToken);
    assert_eq!(view.acts_as.as_deref(), Some("jane@example.com"));
    assert_eq!(view.status, ConnectionStatus::Ok);
    assert!(f.store.load_secrets(&view.id).unwrap().dev_token.is_some());
    // The same person's new token for the same server replaces the old one.
    let newer = recognise(&testing::dev_token(
        "jane@example.com",
        now,
        Duration::hours(24),
    ));
    assert!(f.store.import(&newer, &options).unwrap().updated);
}

#[test]
fn oauth_project_choice_is_imported() {
    let f = fixture();
    let json = testing::project(vec![
        testing::oauth_credential("111", "A", "client-a"),
        testing::oauth_credential("222", "B", "client-b"),
    ]);
    let options = ImportOptions {
        choice: Some("222".into()),
        aem_url: Some("https://author-p1-e2.adobeaemcloud.com".into()),
        ..Default::default()
    };
    let view = f
        .store
        .import(&recognise(&json), &options)
        .unwrap()
        .connection;
    assert_eq!(view.client_id.as_deref(), Some("client-b"));
    assert_eq!(view.name, "Metadesk test project (B)");
    let wrong = ImportOptions {
        choice: Some("999".into()),
        ..options
    };
    assert!(
        f.store
            .import(&recognise(&json), &wrong)
            .unwrap_err()
            .to_string()
            .contains("Pick one of: 111, 222")
    );
}

#[test]
fn local_sdk_connections_are_added_and_updated() {
    let f = fixture();
    let first = f
        .store
        .add_local_sdk(None, "admin", Secret::new("admin"), None)
        .unwrap();
    assert_eq!(first.connection.aem_url, "http://localhost:4502");
    let second = f
        .store
        .add_local_sdk(
            Some("http://localhost:4502"),
            "admin",
            Secret::new("new"),
            None,
        )
        .unwrap();
    assert!(second.updated);
    assert_eq!(
        f.store
            .load_secrets(&first.connection.id)
            .unwrap()
            .password
            .unwrap()
            .expose(),
        "new"
    );
    let err = f
        .store
        .add_local_sdk(None, "", Secret::new(""), None)
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::CredentialRefused);
}

/// The service credential of environment 7603/12614 imported with its default name.
fn import_first(f: &Fixture) -> ConnectionView {
    f.store
        .import(
            &recognise(&service_json(&TestKey::small())),
            &ImportOptions::default(),
        )
        .unwrap()
        .connection
}

/// Another credential (its own client id) of the same environment, imported after it.
fn import_second(f: &Fixture) -> ConnectionView {
    let other = testing::service_credentials(
        &TestKey::small(),
        "cm-p7603-e12614-integration-0",
        "ims-na1.adobelogin.com",
        365,
    );
    f.store
        .import(&recognise(&other), &ImportOptions::default())
        .unwrap()
        .connection
}

#[test]
fn names_are_unique_and_editable() {
    let f = fixture();
    let a = import_first(&f);
    let b = import_second(&f);
    // The second says which account it is, not "(2)" (issue 77).
    assert_eq!(
        b.name,
        "Program 7603 · environment 12614 (c9adf360-3840-41b2-ade3-efc09df14811@techacct.adobe.com)"
    );
    // Both names are Metadesk's, stored as written: listed, each says its account, shortly,
    // for the window to word in its reader's language.
    let accounts: Vec<_> = f
        .store
        .list()
        .unwrap()
        .into_iter()
        .map(|v| v.auto_name.map(|n| (n.program, n.environment, n.account)))
        .collect();
    assert_eq!(accounts.len(), 2);
    assert!(
        accounts
            .iter()
            .all(|a| matches!(a, Some((p, e, Some(_))) if p == "7603" && e == "12614")),
        "{accounts:?}"
    );
    assert_eq!(
        accounts[1].as_ref().and_then(|a| a.2.as_deref()),
        Some("c9adf360")
    );
    assert!(
        f.store
            .rename(&b.id, " PROGRAM 7603 · ENVIRONMENT 12614 ")
            .unwrap_err()
            .to_string()
            .contains("already")
    );
    assert!(f.store.rename(&b.id, "  ").is_err());
    assert_eq!(f.store.rename(&b.id, "Stage").unwrap().name, "Stage");
    assert_eq!(f.store.find("stage").unwrap().id, b.id);
    assert_eq!(f.store.find(&a.id).unwrap().name, a.name);
    assert_eq!(
        f.store.find("nope").unwrap_err().code(),
        ErrorCode::NotFound
    );
    let named = ImportOptions {
        name: Some("Stage".into()),
        ..Default::default()
    };
    let third = testing::service_credentials(
        &TestKey::small(),
        "cm-p1-e2-integration",
        "ims-na1.adobelogin.com",
        365,
    );
    assert!(f.store.import(&recognise(&third), &named).is_err());
    assert!(f.secrets.keys().iter().all(|k| !k.contains("p1-e2")));
}

/// Issue 68: a Cloud Service connection's default name is its program and environment in
/// words, so a script finds it as a shell types it, and as AEM's addresses and older versions'
/// names said it (`p7603-e12614`), while that says one connection; several are named, never
/// guessed.
#[test]
fn cloud_connections_are_found_as_typed_and_as_aem_names_their_environment() {
    let f = fixture();
    let a = import_first(&f);
    for typed in [
        "Program 7603 · environment 12614",
        "program 7603 environment 12614",
        "p7603-e12614",
        " P7603-E12614 ",
    ] {
        assert_eq!(f.store.find(typed).unwrap().id, a.id, "{typed}");
    }
    assert_eq!(
        f.store.find("p7603-e1261").unwrap_err().code(),
        ErrorCode::NotFound
    );
    let b = import_second(&f);
    let several = f.store.find("p7603-e12614").unwrap_err();
    assert_eq!(several.code(), ErrorCode::InvalidInput);
    let words = several.to_string();
    assert!(
        words.contains(&a.name) && words.contains(&b.name),
        "{words}"
    );
    // A name that is the place's own words wins over the place.
    f.store.rename(&b.id, "p7603-e12614").unwrap();
    assert_eq!(f.store.find("p7603-e12614").unwrap().id, b.id);
}

#[test]
fn url_production_and_delete() {
    let f = fixture();
    let view = f
        .store
        .import(
            &recognise(&service_json(&TestKey::small())),
            &ImportOptions::default(),
        )
        .unwrap()
        .connection;
    assert!(
        f.store
            .set_aem_url(&view.id, "http://remote.example.com")
            .is_err()
    );
    assert_eq!(
        f.store
            .set_aem_url(&view.id, "https://author.example.com/")
            .unwrap()
            .aem_url,
        "https://author.example.com"
    );
    assert!(f.store.set_production(&view.id, true).unwrap().production);
    f.secrets
        .set(
            &SecretSlot::AccessToken.key(&view.id),
            &Secret::new("cached"),
        )
        .unwrap();

    f.secrets.fail_with(Some(SecretStoreError::Locked));
    assert_eq!(
        f.store.delete(&view.id).unwrap_err().code(),
        ErrorCode::KeychainLocked
    );
    f.secrets.fail_with(None);
    assert_eq!(
        f.store.list().unwrap().len(),
        1,
        "a failed delete keeps the connection"
    );

    f.store.delete(&view.id).unwrap();
    assert!(f.store.list().unwrap().is_empty());
    assert!(f.secrets.is_empty(), "{:?}", f.secrets.keys());
    assert_eq!(
        f.store.delete(&view.id).unwrap_err().code(),
        ErrorCode::NotFound
    );
    assert_eq!(
        f.store.load_secrets(&view.id).unwrap_err().code(),
        ErrorCode::NotFound
    );
}

#[test]
fn hints_are_stored_as_data_and_read_in_the_readers_language() {
    let f = fixture();
    let key = TestKey::small();
    let view = f
        .store
        .import(&recognise(&service_json(&key)), &ImportOptions::default())
        .unwrap()
        .connection;
    let fr = Localizer::new(Lang::Fr);
    let french = |hints: &[metadesk_credentials::credentials::SecretHint]| {
        hints
            .iter()
            .map(|h| h.text().localized(&fr))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        french(&view.secret_hints),
        ["secret client ••••1d47", "clé privée (RSA 1024 bits)"]
    );
    let config: Value =
        serde_json::from_str(&std::fs::read_to_string(f.store.config_path()).unwrap()).unwrap();
    assert_eq!(
        config["connections"][0]["secretHints"],
        json!([
            {"kind": "secret", "field": "clientSecret", "hint": "••••1d47"},
            {"kind": "privateKey", "bits": 1024}
        ])
    );
}

#[test]
fn an_older_config_with_english_hints_still_loads_and_reads_in_french() {
    let f = fixture();
    let key = TestKey::small();
    f.store
        .import(&recognise(&service_json(&key)), &ImportOptions::default())
        .unwrap();
    // As versions before structured hints wrote them: English words.
    let path = f.store.config_path();
    let mut config: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    config["connections"][0]["secretHints"] = json!([
        "client secret ••••1d47",
        "private key (1024-bit RSA)",
        "a hint this version does not know"
    ]);
    std::fs::write(path, serde_json::to_vec_pretty(&config).unwrap()).unwrap();

    let views = f.store.list().unwrap();
    let fr = Localizer::new(Lang::Fr);
    let hints: Vec<String> = views[0]
        .secret_hints
        .iter()
        .map(|h| h.text().localized(&fr))
        .collect();
    assert_eq!(
        hints,
        [
            "secret client ••••1d47",
            "clé privée (RSA 1024 bits)",
            "a hint this version does not know"
        ]
    );
}

#[test]
fn an_older_config_keeps_its_pairing_under_the_old_name() {
    let f = fixture();
    let key = TestKey::small();
    f.store
        .import(&recognise(&service_json(&key)), &ImportOptions::default())
        .unwrap();
    // As versions before the pairing had one name wrote it.
    let path = f.store.config_path();
    let mut config: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    config["connections"][0]["findsAssetsWith"] = json!("the-paired-id");
    std::fs::write(path, serde_json::to_vec_pretty(&config).unwrap()).unwrap();

    let views = f.store.list().unwrap();
    assert_eq!(views[0].paired_with.as_deref(), Some("the-paired-id"));
}

#[test]
fn status_follows_expiry() {
    let f = fixture();
    let key = TestKey::small();
    let json = testing::service_credentials(&key, CLIENT_ID, "ims-na1.adobelogin.com", 12);
    let view = f
        .store
        .import(&recognise(&json), &ImportOptions::default())
        .unwrap()
        .connection;
    assert!(
        matches!(view.status, ConnectionStatus::ExpiresSoon { days: 11 | 12 }),
        "{:?}",
        view.status
    );
    let fr = Localizer::new(Lang::Fr);
    let words = view.status_words.to_string();
    assert!(
        words.starts_with("expires in 1") && words.ends_with(" days"),
        "{words}"
    );
    let words = view.status_words.localized(&fr);
    assert!(
        words.starts_with("expire dans 1") && words.ends_with(" jours"),
        "{words}"
    );
    let connection = f.store.get(&view.id).unwrap();
    let later = OffsetDateTime::now_utc() + Duration::days(20);
    assert_eq!(connection.status(later), ConnectionStatus::Expired);
    let expired = connection.view(later).status_words;
    assert!(expired.to_string().starts_with("expired on "));
    let day = fr.date(connection.certificate_expires_at.unwrap());
    assert_eq!(expired.localized(&fr), format!("expirée le {day}"));
}

#[test]
fn a_missing_secret_is_explained() {
    let f = fixture();
    let view = f
        .store
        .import(
            &recognise(&service_json(&TestKey::small())),
            &ImportOptions::default(),
        )
        .unwrap()
        .connection;
    f.secrets
        .delete(&SecretSlot::ClientSecret.key(&view.id))
        .unwrap();
    let err = f.store.load_secrets(&view.id).unwrap_err();
    assert!(err.to_string().contains("no client secret"), "{err}");
}

#[test]
fn views_serialise_in_camel_case_without_secrets() {
    let f = fixture();
    let view = f
        .store
        .import(
            &recognise(&service_json(&TestKey::small())),
            &ImportOptions::default(),
        )
        .unwrap()
        .connection;
    let json = serde_json::to_value(&view).unwrap();
    assert_eq!(json["status"], json!({"state": "ok"}));
    assert_eq!(json["kind"], "serviceCredentials");
    assert!(
        json["technicalAccountEmail"]
            .as_str()
            .unwrap()
            .ends_with("@techacct.adobe.com")
    );
    assert!(!json.to_string().contains("p8e-TEST"));
}

/// Reads, recognises and imports one file as the window does, the outcome as data.
fn import_file(store: &ConnectionStore, path: &Path) -> FileOutcome {
    let result = metadesk_credentials::credentials::read_credential_file(path)
        .and_then(|bytes| metadesk_credentials::credentials::inspect(&bytes))
        .map_err(metadesk_clients::Error::from)
        .and_then(|recognised| store.import(&recognised, &ImportOptions::default()));
    let result = match result {
        Ok(imported) if imported.updated => FileResult::Updated {
            connection: imported.connection,
        },
        Ok(imported) => FileResult::Imported {
            connection: imported.connection,
        },
        Err(metadesk_clients::Error::Refused(refusal)) => FileResult::Refused {
            code: ErrorCode::CredentialRefused,
            problems: refusal.problems,
        },
        Err(other) => FileResult::Refused {
            code: other.code(),
            problems: vec![metadesk_base::i18n::Text::Plain(other.to_string())],
        },
    };
    let file = path.file_name().unwrap().to_string_lossy().into_owned();
    FileOutcome { file, result }
}

const AEM: &str = "https://author-p1-e2.adobeaemcloud.com";

fn with_ims(ims: &str) -> ImportOptions {
    ImportOptions {
        aem_url: Some(AEM.into()),
        ims_url: Some(ims.into()),
        ..ImportOptions::default()
    }
}

/// Issue 13 item 4: a Developer Console project names no IMS; the user may give one, checked
/// against the same allow-list as a file's, and a re-import keeps it.
#[test]
fn an_oauth_credential_takes_an_ims_address_from_the_allow_list_only() {
    let f = fixture();
    let oauth = recognise(&testing::flat_oauth("0a1b2c3d"));

    for bad in [
        "http://ims-na1.adobelogin.com",
        "https://ims.example.com",
        "https://adobelogin.com.evil.test",
        "https://ims-na1.adobelogin.com.evil.test",
        "https://ims-na1.adobelogin.com@evil.test",
        "https://evil.test\\@ims-na1.adobelogin.com",
        "https://10.0.0.1",
        "https://[fe80::1]",
    ] {
        let err = f.store.import(&oauth, &with_ims(bad)).unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidInput, "{bad}");
        assert!(
            err.to_string()
                .starts_with("The IMS address is not usable: "),
            "{bad}: {err}"
        );
        assert!(f.secrets.is_empty(), "{bad}: nothing stored");
        assert!(!f.store.config_path().exists(), "{bad}: nothing written");
    }

    let view = f
        .store
        .import(&oauth, &with_ims("ims-na1-stg1.adobelogin.com"))
        .unwrap()
        .connection;
    assert_eq!(
        view.ims_base.as_deref(),
        Some("https://ims-na1-stg1.adobelogin.com")
    );
    assert_eq!(
        view.ims_host.as_deref(),
        Some("ims-na1-stg1.adobelogin.com")
    );

    // The same file again, no address given: the connection keeps its IMS, no question asked.
    let again = f.store.import(&oauth, &ImportOptions::default()).unwrap();
    assert!(again.updated);
    assert_eq!(
        again.connection.ims_host.as_deref(),
        Some("ims-na1-stg1.adobelogin.com")
    );

    // Without any, a new OAuth connection uses Adobe's production IMS.
    let other = recognise(&testing::flat_oauth("9f8e7d6c"));
    let view = f
        .store
        .import(
            &other,
            &ImportOptions {
                aem_url: Some(AEM.into()),
                ..ImportOptions::default()
            },
        )
        .unwrap()
        .connection;
    assert_eq!(view.ims_host.as_deref(), Some("ims-na1.adobelogin.com"));
}

#[test]
fn an_ims_address_is_refused_for_kinds_that_name_their_own() {
    let f = fixture();
    let service = recognise(&service_json(&TestKey::small()));
    let err = f
        .store
        .import(&service, &with_ims("https://ims-na1-stg1.adobelogin.com"))
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("only be given for an OAuth Server-to-Server credential"),
        "{err}"
    );
    assert!(f.secrets.is_empty());

    // A file that names an IMS off the allow-list is refused when it is read, in words.
    let mut evil = service_json(&TestKey::small());
    evil["integration"]["imsEndpoint"] = json!("adobelogin.com.evil.test");
    let refusal = inspect(&serde_json::to_vec(&evil).unwrap()).unwrap_err();
    assert!(
        refusal.problems[0].to_string().contains("is not Adobe IMS"),
        "{:?}",
        refusal.problems
    );
}

/// Issue 13 item 4: the same client id with another IMS (or key, see
/// `importing_the_same_client_id_updates_the_connection`) is not silently "updated".
#[test]
fn the_same_client_id_with_another_ims_needs_a_yes() {
    let f = fixture();
    let key = TestKey::small();
    let first = f
        .store
        .import(&recognise(&service_json(&key)), &ImportOptions::default())
        .unwrap()
        .connection;
    let keys_before = f.secrets.keys();
    let config_before = std::fs::read(f.store.config_path()).unwrap();

    let stage = testing::service_credentials(&key, CLIENT_ID, "ims-na1-stg1.adobelogin.com", 365);
    let err = f
        .store
        .import(&recognise(&stage), &ImportOptions::default())
        .unwrap_err();
    let Error::NeedsReplace(notice) = &err else {
        panic!("expected a confirmation, got {err:?}");
    };
    assert_eq!(notice.connection_id, first.id);
    assert_eq!(
        notice.differences,
        ["It uses the IMS at ims-na1-stg1.adobelogin.com, not ims-na1.adobelogin.com."]
    );
    assert_eq!(f.secrets.keys(), keys_before);
    assert_eq!(std::fs::read(f.store.config_path()).unwrap(), config_before);

    // The same notice for a French reader: every word French, French typography.
    let fr = metadesk_base::i18n::Localizer::new(metadesk_base::i18n::Lang::Fr);
    let said = err.localized(&fr);
    metadesk_base::i18n::checks::assert_reads_french(&said);
    assert!(
        said.starts_with(&format!(
            "Ce fichier a l’identifiant client de la connexion «\u{a0}{}\u{a0}»",
            first.name
        )),
        "{said}"
    );
    assert!(
        said.contains(
            "Ce fichier utilise l’IMS ims-na1-stg1.adobelogin.com, et non ims-na1.adobelogin.com."
        ),
        "{said}"
    );

    let replaced = f
        .store
        .import(
            &recognise(&stage),
            &ImportOptions {
                replace: Some(true),
                ..ImportOptions::default()
            },
        )
        .unwrap();
    assert!(replaced.updated);
    assert_eq!(
        replaced.connection.ims_host.as_deref(),
        Some("ims-na1-stg1.adobelogin.com")
    );
    // The identical file again is a plain update.
    assert!(
        f.store
            .import(&recognise(&stage), &ImportOptions::default())
            .unwrap()
            .updated
    );
}
