//! The sandbox's credential files through the core's recognition: every kind is recognised,
//! and each keeps the sandbox's loopback IMS (the OAuth project's non-Adobe `imsEndpoint`
//! included), so the app never sends sandbox secrets to Adobe's real IMS.

use metadesk_core::connections::{ConnectionStore, ImportOptions};
use metadesk_core::credentials::{CredentialKind, inspect};
use metadesk_core::secrets::RunOnlyKeychain;
use metadesk_sandbox::{Sandbox, SandboxConfig};

#[tokio::test]
async fn every_sandbox_file_is_recognised_with_the_sandbox_ims() {
    let sandbox = Sandbox::start(SandboxConfig::default().with_assets(10).with_key_bits(1024))
        .await
        .unwrap();
    let base = sandbox.base_url();
    let creds = sandbox.credentials().clone();
    let dir = tempfile::tempdir().unwrap();
    let store = ConnectionStore::new(dir.path(), std::sync::Arc::new(RunOnlyKeychain::new()));
    let with_url = ImportOptions {
        aem_url: Some(base.clone()),
        ..ImportOptions::default()
    };

    let cases = [
        (
            &creds.service_credentials_json,
            CredentialKind::ServiceCredentials,
        ),
        (&creds.dev_token_json, CredentialKind::LocalDevToken),
        (
            &creds.oauth_project_json,
            CredentialKind::OauthServerToServer,
        ),
    ];
    for (json, kind) in cases {
        let recognised = inspect(json.as_bytes()).unwrap();
        assert_eq!(recognised.preview.kind, kind);
        // The development token's IMS is Adobe's, like a real one's: on this computer it needs
        // the sandbox's host trusted by name (the others' IMS is the sandbox's).
        let options = ImportOptions {
            trust_host: (kind == CredentialKind::LocalDevToken)
                .then(|| base.trim_start_matches("http://").to_owned()),
            ..with_url.clone()
        };
        let view = store.import(&recognised, &options).unwrap().connection;
        assert_eq!(view.aem_url, base);
        if kind != CredentialKind::LocalDevToken {
            assert_eq!(view.ims_base.as_deref(), Some(base.as_str()), "{kind:?}");
        }
        assert!(
            !view.sandbox,
            "a dropped file is never the app's own sandbox"
        );
    }

    // The app's own sandbox connection: marked, and never production.
    let recognised = inspect(creds.read_only_service_credentials_json.as_bytes()).unwrap();
    let sandboxed = store
        .import_sandbox(
            &recognised,
            &ImportOptions {
                production: Some(true),
                ..with_url.clone()
            },
        )
        .unwrap()
        .connection;
    assert!(sandboxed.sandbox);
    assert!(!sandboxed.production);
    assert!(store.set_production(&sandboxed.id, true).is_err());
    sandbox.shutdown().await;
}
