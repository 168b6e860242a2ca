//! Where a connection's credentials go is bound to them in the keychain (issue 50): an edit of
//! `connections.json` alone builds no authorizer (so nothing is minted or sent), Metadesk's own
//! changes bind, an address moved elsewhere keeps no stale trust, and connections an older
//! Metadesk saved are bound on first use only where they go to Adobe's hosts.

use std::sync::Arc;

use time::{Duration, OffsetDateTime};

use super::*;
use metadesk_base::i18n::{Lang, Localizer};
use metadesk_clients::error::{Error, ErrorCode};
use metadesk_credentials::credentials::{Recognised, inspect, testing};
use metadesk_credentials::secrets::{RunOnlyKeychain, SecretStore};

const ADOBE: &str = "https://author-p1-e2.adobeaemcloud.com";
const LOOK_ALIKE: &str = "https://aem.example.test";
const LOOK_ALIKE_HOST: &str = "aem.example.test";
/// Windows Credential Manager's limit per secret.
const WINDOWS_LIMIT: usize = 2560;

struct Fixture {
    _dir: tempfile::TempDir,
    secrets: Arc<RunOnlyKeychain>,
    store: ConnectionStore,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let secrets = Arc::new(RunOnlyKeychain::with_entry_limit(WINDOWS_LIMIT));
    let store = ConnectionStore::new(&dir.path().join("config"), secrets.clone());
    Fixture {
        _dir: dir,
        secrets,
        store,
    }
}

fn dev_token() -> Recognised {
    let json = testing::dev_token(
        "jane@example.com",
        OffsetDateTime::now_utc(),
        Duration::hours(24),
    );
    inspect(&serde_json::to_vec(&json).unwrap()).unwrap()
}

fn import(f: &Fixture, url: &str, trust: Option<&str>) -> String {
    let options = ImportOptions {
        aem_url: Some(url.into()),
        trust_host: trust.map(str::to_owned),
        name: Some("Jane".into()),
        ..ImportOptions::default()
    };
    f.store
        .import(&dev_token(), &options)
        .unwrap()
        .connection
        .id
}

/// Builds the connection's authorizer as every request does (`Authorizers::get`: the host
/// trusted, then `authorizer_for`: the binding), without sending anything.
fn use_it(f: &Fixture, id: &str) -> Result<(), Error> {
    let connection = f.store.get(id)?;
    let ctx = AuthContext::new(reqwest::Client::new(), f.secrets.clone());
    Authorizers::new()
        .get(&connection, || f.store.load_secrets(id), &ctx)
        .map(drop)
}

/// Another program edits the connections file: `edit` changes the stored connection.
fn edit_file(f: &Fixture, edit: impl FnOnce(&mut serde_json::Value)) {
    let path = f.store.config_path();
    let mut value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    edit(&mut value["connections"][0]);
    std::fs::write(path, serde_json::to_string_pretty(&value).unwrap()).unwrap();
}

/// Seen failing without the binding (`require_bound` in `authorizer_for`): each edited
/// connection got an authorizer for the address the file named.
#[test]
fn a_connection_edited_outside_metadesk_is_not_used_until_set_again() {
    let f = fixture();
    let id = import(&f, ADOBE, None);
    assert!(use_it(&f, &id).is_ok());
    assert!(
        f.secrets.keys().contains(&format!("conn/{id}/binding")),
        "{:?}",
        f.secrets.keys()
    );

    for edit in [
        &(|c: &mut serde_json::Value| c["aemUrl"] = "http://127.0.0.1:9".into())
            as &dyn Fn(&mut serde_json::Value),
        &|c| {
            c["aemUrl"] = LOOK_ALIKE.into();
            c["trustedHost"] = LOOK_ALIKE_HOST.into();
        },
        &|c| c["sandbox"] = true.into(),
        &|c| c["imsBase"] = "http://127.0.0.1:9".into(),
    ] {
        let saved = std::fs::read_to_string(f.store.config_path()).unwrap();
        edit_file(&f, edit);
        let err = use_it(&f, &id).unwrap_err();
        assert_eq!(err.code(), ErrorCode::UntrustedHost);
        let url = f.store.get(&id).unwrap().aem_url;
        assert_eq!(
            err.to_string(),
            format!(
                "Where “Jane” sends its credentials was changed outside Metadesk: its connections \
                 file now says {url}, which is not what Metadesk saved, so nothing was sent. If \
                 you made that change, set the address again in Metadesk (Edit address on its \
                 card, or metadesk-cli connections set-url “Jane” ADDRESS); if you did not, \
                 another program on this computer edited the file."
            )
        );
        std::fs::write(f.store.config_path(), saved).unwrap();
        assert!(use_it(&f, &id).is_ok());
    }

    // A rename saves the file but confirms nothing.
    edit_file(&f, |c| c["aemUrl"] = "http://127.0.0.1:9".into());
    f.store.rename(&id, "Renamed").unwrap();
    let err = use_it(&f, &id).unwrap_err();
    assert!(
        err.localized(&Localizer::new(Lang::Fr)).starts_with(
            "La destination des identifiants de «\u{a0}Renamed\u{a0}» a été modifiée en dehors de Metadesk"
        ),
        "{err}"
    );
    // Set again in Metadesk: bound, and used.
    f.store.set_aem_url(&id, "http://127.0.0.1:9").unwrap();
    assert!(use_it(&f, &id).is_ok());
    // The IMS address and sandbox mark are Metadesk's: an address set again does not take
    // them from the file.
    edit_file(&f, |c| {
        c["imsBase"] = "http://127.0.0.1:9".into();
        c["sandbox"] = true.into();
    });
    let view = f.store.set_aem_url(&id, ADOBE).unwrap();
    // The token's own IMS (its `as` claim), as imported.
    assert_eq!(
        view.ims_base.as_deref(),
        Some("https://ims-na1.adobelogin.com")
    );
    assert!(!view.sandbox);
    assert!(use_it(&f, &id).is_ok());
}

/// Seen failing without it: the trust given to the look-alike stayed through a move to an
/// Adobe host, so moving back was trusted without asking.
#[test]
fn an_address_moved_elsewhere_keeps_no_stale_trust() {
    let f = fixture();
    let id = import(&f, LOOK_ALIKE, Some(LOOK_ALIKE_HOST));
    assert!(use_it(&f, &id).is_ok());
    let moved = f.store.set_aem_url(&id, ADOBE).unwrap();
    assert_eq!(moved.untrusted_host, None);
    assert_eq!(f.store.get(&id).unwrap().trusted_host, None);
    let back = f.store.set_aem_url(&id, LOOK_ALIKE).unwrap();
    assert_eq!(back.untrusted_host.as_deref(), Some(LOOK_ALIKE_HOST));
    assert_eq!(
        use_it(&f, &id).unwrap_err().code(),
        ErrorCode::UntrustedHost
    );
    f.store.trust_host(&id, LOOK_ALIKE_HOST).unwrap();
    assert!(use_it(&f, &id).is_ok());
    // The same host set again keeps the trust it was given.
    let again = f.store.set_aem_url(&id, &format!("{LOOK_ALIKE}/")).unwrap();
    assert_eq!(again.untrusted_host, None);
    assert!(use_it(&f, &id).is_ok());
}

/// A connection an older Metadesk saved (no binding entry): bound on first use when it goes to
/// Adobe's hosts only; refused in words anywhere else until its address is set again. Seen
/// failing without the binding: the one on this computer was used.
#[test]
fn an_older_connection_is_bound_on_first_use_only_on_adobe_hosts() {
    let f = fixture();
    let adobe = import(&f, ADOBE, None);
    f.secrets.delete(&format!("conn/{adobe}/binding")).unwrap();
    assert!(use_it(&f, &adobe).is_ok());
    assert!(f.secrets.keys().contains(&format!("conn/{adobe}/binding")));

    let local = f.store.import(
        &dev_token(),
        &ImportOptions {
            aem_url: Some("http://127.0.0.1:4502".into()),
            name: Some("Local".into()),
            ..ImportOptions::default()
        },
    );
    // The same person's token on another server is another connection.
    let local = local.unwrap().connection.id;
    f.secrets.delete(&format!("conn/{local}/binding")).unwrap();
    let err = use_it(&f, &local).unwrap_err();
    assert_eq!(err.code(), ErrorCode::UntrustedHost);
    assert_eq!(
        err.to_string(),
        "“Local” was saved by an earlier version of Metadesk and sends its credentials to \
         http://127.0.0.1:4502, which is not one of Adobe’s hosts: Metadesk cannot tell whether \
         another program wrote that address, so nothing was sent. Set the address again in \
         Metadesk to use it (Edit address on its card, or metadesk-cli connections set-url \
         “Local” ADDRESS)."
    );
    assert!(!f.secrets.keys().contains(&format!("conn/{local}/binding")));
    f.store
        .set_aem_url(&local, "http://127.0.0.1:4502")
        .unwrap();
    assert!(use_it(&f, &local).is_ok());

    // This computer over https needs no trust either, but it is not Adobe's: not bound unseen.
    let tls = f
        .store
        .import(
            &dev_token(),
            &ImportOptions {
                aem_url: Some("https://127.0.0.1:8443".into()),
                name: Some("Local TLS".into()),
                ..ImportOptions::default()
            },
        )
        .unwrap()
        .connection
        .id;
    f.secrets.delete(&format!("conn/{tls}/binding")).unwrap();
    assert_eq!(
        use_it(&f, &tls).unwrap_err().code(),
        ErrorCode::UntrustedHost
    );
    assert!(!f.secrets.keys().contains(&format!("conn/{tls}/binding")));

    // Deleting a connection removes its binding with its secrets.
    f.store.delete(&local).unwrap();
    assert!(!f.secrets.keys().iter().any(|k| k.contains(&local)));
}

/// A re-import keeps the address and trust Metadesk bound, never what only the file names:
/// seen failing without it, the edited address and its trust were kept and bound.
#[test]
fn a_reimport_does_not_confirm_an_edited_address() {
    let f = fixture();
    let key = testing::TestKey::small();
    let json =
        testing::service_credentials(&key, "cm-p7603-e12614-x", "ims-na1.adobelogin.com", 365);
    let service = inspect(&serde_json::to_vec(&json).unwrap()).unwrap();
    let options = ImportOptions {
        aem_url: Some(LOOK_ALIKE.into()),
        trust_host: Some(LOOK_ALIKE_HOST.into()),
        ..ImportOptions::default()
    };
    let id = f.store.import(&service, &options).unwrap().connection.id;
    // Not edited: a re-import keeps the address and trust the person gave.
    let kept = f.store.import(&service, &ImportOptions::default()).unwrap();
    assert_eq!(kept.connection.aem_url, LOOK_ALIKE);
    assert_eq!(kept.connection.untrusted_host, None);
    edit_file(&f, |c| {
        c["aemUrl"] = "https://evil.example.test".into();
        c["trustedHost"] = "evil.example.test".into();
    });
    let again = f.store.import(&service, &ImportOptions::default()).unwrap();
    assert_eq!(again.connection.id, id);
    assert_eq!(
        again.connection.aem_url, "https://author-p7603-e12614.adobeaemcloud.com",
        "the file's own address, not the edited one"
    );
    assert!(f.store.get(&id).unwrap().trusted_host.is_none());
}
