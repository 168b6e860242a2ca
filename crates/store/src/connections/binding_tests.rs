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

    // A program on this computer points it at itself, with the trust or the sandbox mark an
    // Adobe-issued token would need there.
    for edit in [
        &(|c: &mut serde_json::Value| {
            c["aemUrl"] = "http://127.0.0.1:9".into();
            c["trustedHost"] = "127.0.0.1:9".into();
        }) as &dyn Fn(&mut serde_json::Value),
        &|c| {
            c["aemUrl"] = "http://127.0.0.1:9".into();
            c["sandbox"] = true.into();
        },
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
    edit_file(&f, |c| {
        c["aemUrl"] = "http://127.0.0.1:9".into();
        c["trustedHost"] = "127.0.0.1:9".into();
    });
    f.store.rename(&id, "Renamed").unwrap();
    let err = use_it(&f, &id).unwrap_err();
    assert!(
        err.localized(&Localizer::new(Lang::Fr)).starts_with(
            "La destination des identifiants de «\u{a0}Renamed\u{a0}» a été modifiée en dehors de Metadesk"
        ),
        "{err}"
    );
    // Set again in Metadesk: bound, and used once trusted (the file's trust is not kept: an
    // Adobe-issued token on this computer needs the person's own).
    let set = f.store.set_aem_url(&id, "http://127.0.0.1:9").unwrap();
    assert_eq!(set.untrusted_host.as_deref(), Some("127.0.0.1:9"));
    f.store.trust_host(&id, "127.0.0.1:9").unwrap();
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
            trust_host: Some("127.0.0.1:4502".into()),
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
    // Set again, it asks for the trust again: the older Metadesk's may have been written by
    // another program too.
    let set = f
        .store
        .set_aem_url(&local, "http://127.0.0.1:4502")
        .unwrap();
    assert_eq!(set.untrusted_host.as_deref(), Some("127.0.0.1:4502"));
    f.store.trust_host(&local, "127.0.0.1:4502").unwrap();
    assert!(use_it(&f, &local).is_ok());

    // This computer over https, trusted, is not Adobe's either: not bound unseen.
    let tls = f
        .store
        .import(
            &dev_token(),
            &ImportOptions {
                aem_url: Some("https://127.0.0.1:8443".into()),
                trust_host: Some("127.0.0.1:8443".into()),
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

/// An Adobe-issued credential (IMS at Adobe, or a development token whose IMS is Adobe's)
/// pointed at this computer needs the person's trust like any other host: refused at import in
/// words naming the host with nothing stored, taken once trusted, and "Edit address" to this
/// computer flags it until trusted. Seen failing before the rule (`trust::host_needing_trust`
/// freeing every loopback address): each import was stored without being asked.
#[test]
fn an_adobe_issued_credential_on_this_computer_needs_trust() {
    const LOCAL: &str = "http://127.0.0.1:4555";
    const LOCAL_HOST: &str = "127.0.0.1:4555";
    let f = fixture();
    let oauth = inspect(
        &serde_json::to_vec(&testing::project(vec![testing::oauth_credential(
            "1",
            "OAuth",
            "oauth-client-1",
        )]))
        .unwrap(),
    )
    .unwrap();
    for (recognised, ims) in [(&oauth, None), (&dev_token(), None)] {
        let options = ImportOptions {
            aem_url: Some(LOCAL.into()),
            ims_url: ims,
            name: Some("Adobe's".into()),
            ..ImportOptions::default()
        };
        let file_before = std::fs::read(f.store.config_path()).ok();
        let err = f.store.import(recognised, &options).unwrap_err();
        assert_eq!(err.code(), ErrorCode::UntrustedHost);
        assert!(
            err.to_string().starts_with(&format!(
                "{LOCAL_HOST} is on this computer, where any program can listen, and this \
                 credential is issued by Adobe: its tokens would be sent there."
            )),
            "{err}"
        );
        assert!(
            err.to_string()
                .contains(&format!("--trust-host {LOCAL_HOST}")),
            "{err}"
        );
        assert!(f.secrets.keys().is_empty(), "{:?}", f.secrets.keys());
        assert!(f.store.connections().unwrap().is_empty());
        assert_eq!(std::fs::read(f.store.config_path()).ok(), file_before);

        let trusted = f
            .store
            .import(
                recognised,
                &ImportOptions {
                    trust_host: Some(LOCAL_HOST.into()),
                    ..options
                },
            )
            .unwrap()
            .connection;
        assert_eq!(trusted.untrusted_host, None);
        assert!(use_it(&f, &trusted.id).is_ok());
        f.store.delete(&trusted.id).unwrap();
    }

    // The same OAuth credential getting its tokens from an IMS on this computer (the sandbox's)
    // holds no Adobe token: free there.
    let local_ims = f
        .store
        .import(
            &oauth,
            &ImportOptions {
                aem_url: Some(LOCAL.into()),
                ims_url: Some(LOCAL.into()),
                ..ImportOptions::default()
            },
        )
        .unwrap()
        .connection;
    assert_eq!(local_ims.untrusted_host, None);
    f.store.delete(&local_ims.id).unwrap();

    // Moved to this computer from Adobe's host: flagged and not used until trusted.
    let id = import(&f, ADOBE, None);
    let moved = f.store.set_aem_url(&id, LOCAL).unwrap();
    assert_eq!(moved.untrusted_host.as_deref(), Some(LOCAL_HOST));
    let err = use_it(&f, &id).unwrap_err();
    assert_eq!(err.code(), ErrorCode::UntrustedHost);
    assert_eq!(
        err.to_string(),
        format!(
            "The connection “Jane” points at {LOCAL_HOST}, on this computer, where any program \
             can listen, and its credential is issued by Adobe: it is not used until you trust \
             that host (in the window, on its card; on the command line, connections trust \
             “Jane” {LOCAL_HOST})."
        )
    );
    let trusted = f.store.trust_host(&id, LOCAL_HOST).unwrap();
    assert_eq!(trusted.untrusted_host, None);
    assert!(use_it(&f, &id).is_ok());
}

/// The sandbox and a local SDK login on this computer need nothing: no trust asked, used as is.
#[test]
fn the_sandbox_and_a_local_sdk_on_this_computer_need_no_trust() {
    let f = fixture();
    let sdk = f
        .store
        .add_local_sdk(
            Some("http://localhost:4502"),
            "admin",
            metadesk_credentials::secrets::Secret::new("admin"),
            None,
        )
        .unwrap()
        .connection;
    assert_eq!(sdk.untrusted_host, None);
    assert!(use_it(&f, &sdk.id).is_ok());

    let sandbox = f
        .store
        .import_sandbox(
            &dev_token(),
            &ImportOptions {
                aem_url: Some("http://127.0.0.1:4555".into()),
                ..ImportOptions::default()
            },
        )
        .unwrap()
        .connection;
    assert!(sandbox.sandbox);
    assert_eq!(sandbox.untrusted_host, None);
    assert!(use_it(&f, &sandbox.id).is_ok());
}
