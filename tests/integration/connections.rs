//! Importing credentials into the real OS keychain: a 4096-bit key must survive the round trip
//! (it is split into entries that fit Windows' 2,560-byte limit), and deleting a connection
//! leaves no keychain entry behind.

use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use metadesk_core::connections::ConnectionStore;
use metadesk_core::connections::ImportOptions;
use metadesk_core::credentials::inspect;
use metadesk_core::secrets::KeyringStore;
use metadesk_sandbox::keys::{self, KeyOptions};
use serde_json::json;

/// Every Secret Service item stored under `namespace`, as `secret-tool` sees it.
fn items_in(namespace: &str) -> usize {
    let out = Command::new("secret-tool")
        .args(["search", "--all", "service", namespace])
        .output()
        .expect("secret-tool is installed by scripts/install-deps.sh");
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    text.lines().filter(|l| l.starts_with("[/")).count()
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
