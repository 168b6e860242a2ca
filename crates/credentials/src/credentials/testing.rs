//! Throw-away keys, certificates and credential files for tests, made at test time so no
//! private key is ever committed. Compiled for this crate's tests and, with the
//! `test-support` feature, for other crates' tests (CLI, integration, sandbox fixtures).
//!
//! Not here: anything the app uses. The JSON mirrors Adobe's downloads: the AEM Developer
//! Console's service credentials and local development token, and the Adobe Developer
//! Console's OAuth Server-to-Server project.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::str::FromStr;
use std::time::{Duration as StdDuration, SystemTime};

use base64::Engine;
use rsa::RsaPrivateKey;
use rsa::pkcs1::{EncodeRsaPrivateKey, LineEnding};
use rsa::pkcs8::EncodePublicKey;
use serde_json::{Value, json};
use sha2::Sha256;
use time::OffsetDateTime;
use x509_cert::builder::{Builder, CertificateBuilder, Profile};
use x509_cert::der::EncodePem;
use x509_cert::name::Name;
use x509_cert::serial_number::SerialNumber;
use x509_cert::spki::SubjectPublicKeyInfoOwned;
use x509_cert::time::{Time, Validity};

/// An RSA key pair made for one test.
pub struct TestKey {
    pub private: RsaPrivateKey,
}

impl TestKey {
    pub fn generate(bits: usize) -> Self {
        let private = RsaPrivateKey::new(&mut rand::thread_rng(), bits).expect("key generation");
        TestKey { private }
    }

    /// A 1024-bit key: fast to make, enough for parsing tests.
    pub fn small() -> Self {
        Self::generate(1024)
    }

    /// PKCS#1 PEM with LF line endings.
    pub fn pkcs1_pem(&self) -> String {
        self.private
            .to_pkcs1_pem(LineEnding::LF)
            .unwrap()
            .to_string()
    }

    /// A self-signed certificate for this key, valid between the two instants.
    pub fn certificate(&self, not_before: OffsetDateTime, not_after: OffsetDateTime) -> String {
        let to_time = |t: OffsetDateTime| {
            let system = SystemTime::UNIX_EPOCH + StdDuration::from_secs(t.unix_timestamp() as u64);
            Time::try_from(system).unwrap()
        };
        let validity = Validity {
            not_before: to_time(not_before),
            not_after: to_time(not_after),
        };
        let der = self.private.to_public_key().to_public_key_der().unwrap();
        let spki = SubjectPublicKeyInfoOwned::try_from(der.as_bytes()).unwrap();
        let signer = rsa::pkcs1v15::SigningKey::<Sha256>::new(self.private.clone());
        let subject = Name::from_str("CN=metadesk-test,O=Metadesk tests").unwrap();
        let builder = CertificateBuilder::new(
            Profile::Root,
            SerialNumber::from(1u32),
            validity,
            subject,
            spki,
            &signer,
        )
        .unwrap();
        let cert = builder.build::<rsa::pkcs1v15::Signature>().unwrap();
        cert.to_pem(x509_cert::der::pem::LineEnding::LF).unwrap()
    }

    /// A certificate valid from yesterday for `days` days.
    pub fn certificate_for_days(&self, days: i64) -> String {
        let now = OffsetDateTime::now_utc();
        self.certificate(
            now - time::Duration::days(1),
            now + time::Duration::days(days),
        )
    }
}

/// AEM Developer Console service credentials (<https://github.com/adobe/aemcs-api-client-lib>)
/// in the full `{ok, integration, statusCode}` envelope, with `\r\n` PEMs as the console writes
/// them. `ims_endpoint` is written as given (a bare host for real files, `http://127.0.0.1:PORT`
/// for the sandbox).
pub fn service_credentials(key: &TestKey, client_id: &str, ims_endpoint: &str, days: i64) -> Value {
    json!({
        "ok": true,
        "integration": {
            "imsEndpoint": ims_endpoint,
            "metascopes": "ent_aem_cloud_api",
            "technicalAccount": {
                "clientId": client_id,
                "clientSecret": "p8e-TEST-client-secret-0000-1d47"
            },
            "email": "c9adf360-3840-41b2-ade3-efc09df14811@techacct.adobe.com",
            "id": "D8E157165FC0EAE10A495E8C@techacct.adobe.com",
            "org": "907136ED5D35CBF50A495CD4@AdobeOrg",
            "privateKey": key.pkcs1_pem().replace('\n', "\r\n"),
            "publicKey": key.certificate_for_days(days).replace('\n', "\r\n")
        },
        "statusCode": 200
    })
}

/// An IMS-style access token (unsigned: only the payload matters to us) created at
/// `created_at`, valid for `valid_for`, acting as `user`.
pub fn ims_token(user: &str, created_at: OffsetDateTime, valid_for: time::Duration) -> String {
    let engine = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let header = engine.encode(br#"{"alg":"RS256","x5u":"ims_na1-key-at-1.cer","typ":"JWT"}"#);
    let payload = json!({
        "id": "1700000000000_test",
        "type": "access_token",
        "client_id": "dev-console-prod",
        "user_id": "ABCDEF0123456789@AdobeID",
        "email": user,
        "as": "ims-na1",
        "created_at": (created_at.unix_timestamp() * 1000).to_string(),
        "expires_in": (valid_for.whole_milliseconds()).to_string(),
    });
    let payload = engine.encode(payload.to_string());
    format!("{header}.{payload}.c2lnbmF0dXJl")
}

/// A Local Development Token download
/// (<https://experienceleague.adobe.com/en/docs/experience-manager-learn/getting-started-with-aem-headless/authentication/local-development-access-token>;
/// the envelope around `accessToken` is UNCONFIRMED).
pub fn dev_token(user: &str, created_at: OffsetDateTime, valid_for: time::Duration) -> Value {
    json!({ "ok": true, "statusCode": 200, "accessToken": ims_token(user, created_at, valid_for) })
}

/// One `oauth_server_to_server` credential of a Developer Console project
/// (<https://github.com/adobe/aio-cli-plugin-app/blob/HEAD/schema/config.schema.json>).
pub fn oauth_credential(id: &str, name: &str, client_id: &str) -> Value {
    json!({
        "id": id,
        "name": name,
        "integration_type": "oauth_server_to_server",
        "oauth_server_to_server": {
            "client_id": client_id,
            "client_secrets": ["p8e-TEST-oauth-secret-000000-9f3a"],
            "technical_account_email": "5f2c1e7a-0000-4000-8000-000000000000@techacct.adobe.com",
            "technical_account_id": "ABCDEF0123456789ABCDEF01@techacct.adobe.com",
            "scopes": ["AdobeID", "openid", "aem.assets.author", "aem.folders"]
        }
    })
}

/// A Developer Console project/workspace JSON holding `credentials`
/// (<https://github.com/adobe/aio-cli-plugin-app/blob/HEAD/schema/config.schema.json>).
pub fn project(credentials: Vec<Value>) -> Value {
    json!({
        "project": {
            "id": "4566206088344794932",
            "name": "metadesk-test",
            "title": "Metadesk test project",
            "org": { "id": "12345", "name": "Test org", "ims_org_id": "907136ED5D35CBF50A495CD4@AdobeOrg" },
            "workspace": {
                "id": "4566206088344853970",
                "name": "Production",
                "title": "Production",
                "details": { "credentials": credentials, "services": [] }
            }
        }
    })
}

/// The flat `aio`-style OAuth Server-to-Server object (the README of
/// <https://github.com/adobe/aio-lib-ims>).
pub fn flat_oauth(client_id: &str) -> Value {
    json!({
        "client_id": client_id,
        "client_secrets": ["p8e-TEST-flat-secret-0000000-77aa"],
        "technical_account_email": "5f2c1e7a-0000-4000-8000-000000000000@techacct.adobe.com",
        "technical_account_id": "ABCDEF0123456789ABCDEF01@techacct.adobe.com",
        "ims_org_id": "907136ED5D35CBF50A495CD4@AdobeOrg",
        "scopes": ["AdobeID", "openid", "aem.assets.author"]
    })
}
