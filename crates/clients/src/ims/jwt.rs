//! AEM Service Credentials: the [`ServiceAccount`] inputs and the RS256 JWT that IMS exchanges
//! for an access token (<https://github.com/adobe/aemcs-api-client-lib>): `iss` = org,
//! `sub` = technical account, `aud` = `{ims}/c/{clientId}`, an integer `exp` five minutes ahead,
//! and one `{ims}/s/{metascope}: true` claim per metascope.
//!
//! Not here: sending it (`exchange`) or caching what comes back (`cache`, `manager`).

use jsonwebtoken::{Algorithm, EncodingKey, Header};
use rsa::RsaPrivateKey;
use rsa::pkcs1::{DecodeRsaPrivateKey, EncodeRsaPrivateKey};
use serde_json::{Map, Value};
use time::{Duration, OffsetDateTime};

use crate::ims::ImsBase;
use crate::ims::errors::ImsError;
use metadesk_base::i18n::Text;
use metadesk_credentials::secrets::Secret;

/// How far ahead the JWT's `exp` lies. Adobe asks for "a very short lived token (a few
/// minutes)"; IMS allows 30 s of clock skew on top.
pub const JWT_LIFETIME: Duration = Duration::minutes(5);

/// Everything the JWT exchange needs, from AEM Developer Console service credentials.
#[derive(Debug, Clone)]
pub struct ServiceAccount {
    pub ims_base: ImsBase,
    /// `integration.technicalAccount.clientId`.
    pub client_id: String,
    pub client_secret: Secret,
    /// `integration.org` (`…@AdobeOrg`): the JWT `iss`.
    pub org_id: String,
    /// `integration.id` (`…@techacct.adobe.com`): the JWT `sub`.
    pub technical_account_id: String,
    /// Bare metascope names such as `ent_aem_cloud_api`.
    pub metascopes: Vec<String>,
    /// PKCS#1 or PKCS#8 PEM; CRLF and escaped `\n` are tolerated.
    pub private_key_pem: Secret,
}

impl ServiceAccount {
    /// Checks every field, so a broken credential is reported before anything is sent.
    pub fn validate(&self) -> Result<(), ImsError> {
        let mut missing = Vec::new();
        for (name, value) in [
            ("client-id", self.client_id.as_str()),
            ("client-secret", self.client_secret.expose()),
            ("organisation-id", self.org_id.as_str()),
            ("technical-account-id", self.technical_account_id.as_str()),
            ("private-key", self.private_key_pem.expose()),
        ] {
            if value.trim().is_empty() {
                missing.push(name);
            }
        }
        if self.metascope_names().is_empty() {
            missing.push("metascopes");
        }
        if !missing.is_empty() {
            return Err(ImsError::InvalidCredential(Text::new(
                "ims-incomplete-service",
                vec![("missing", crate::ims::missing_fields(&missing))],
            )));
        }
        self.metascope_claims()?;
        signing_key(&self.private_key_pem)?;
        Ok(())
    }

    /// Metascopes trimmed, without empty items ("a, b," → ["a", "b"]).
    pub fn metascope_names(&self) -> Vec<String> {
        self.metascopes
            .iter()
            .flat_map(|m| m.split(','))
            .map(str::trim)
            .filter(|m| !m.is_empty())
            .map(str::to_string)
            .collect()
    }

    /// The claim names, `{ims}/s/{metascope}`. A metascope already written as a full claim
    /// name is accepted only when it names this same IMS.
    fn metascope_claims(&self) -> Result<Vec<String>, ImsError> {
        let prefix = format!("{}/s/", self.ims_base.origin());
        self.metascope_names()
            .into_iter()
            .map(|name| {
                if name.contains("://") {
                    if name.starts_with(&prefix) && name.len() > prefix.len() {
                        Ok(name)
                    } else {
                        Err(ImsError::InvalidCredential(Text::new(
                            "ims-metascope-other-ims",
                            vec![
                                ("name", name.as_str().into()),
                                ("ims", self.ims_base.origin().into()),
                            ],
                        )))
                    }
                } else {
                    Ok(format!("{prefix}{name}"))
                }
            })
            .collect()
    }

    /// The JWT payload for a token signed at `now`.
    pub fn claims(&self, now: OffsetDateTime) -> Result<Map<String, Value>, ImsError> {
        let mut claims = Map::new();
        claims.insert("iss".into(), Value::from(self.org_id.trim()));
        claims.insert("sub".into(), Value::from(self.technical_account_id.trim()));
        claims.insert(
            "aud".into(),
            Value::from(format!(
                "{}/c/{}",
                self.ims_base.origin(),
                self.client_id.trim()
            )),
        );
        // An integer: a non-numeric `exp` is `invalid_token`
        // (https://github.com/Adobe-Consulting-Services/acs-aem-commons/pull/2860).
        claims.insert(
            "exp".into(),
            Value::from((now + JWT_LIFETIME).unix_timestamp()),
        );
        for claim in self.metascope_claims()? {
            claims.insert(claim, Value::Bool(true));
        }
        Ok(claims)
    }

    /// The signed JWT (`header.payload.signature`) for the exchange.
    pub fn signed_jwt(&self, now: OffsetDateTime) -> Result<Secret, ImsError> {
        self.validate()?;
        let claims = self.claims(now)?;
        let key = signing_key(&self.private_key_pem)?;
        let token =
            jsonwebtoken::encode(&Header::new(Algorithm::RS256), &claims, &key).map_err(|e| {
                tracing::error!(error = %e, "signing the JWT failed");
                ImsError::InvalidCredential(Text::plain("ims-key-cannot-sign"))
            })?;
        Ok(Secret::new(token))
    }
}

/// The signing key from the keychain's one format: PKCS#1 PEM, as import stores every key
/// whatever shape its file carried (`credentials::pem`). Anything else is a damaged entry.
fn signing_key(pem: &Secret) -> Result<EncodingKey, ImsError> {
    let damaged = || ImsError::InvalidCredential(Text::plain("ims-key-damaged"));
    let key = RsaPrivateKey::from_pkcs1_pem(pem.expose()).map_err(|_| damaged())?;
    let der = key.to_pkcs1_der().map_err(|_| damaged())?;
    Ok(EncodingKey::from_rsa_der(der.as_bytes()))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use base64::Engine;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use rsa::pkcs1::EncodeRsaPublicKey;
    use rsa::pkcs8::{EncodePrivateKey, LineEnding};

    /// A throw-away key made at test time (no private key is ever committed), once per test
    /// process because generating one takes a moment.
    pub(crate) fn test_key() -> RsaPrivateKey {
        static KEY: std::sync::OnceLock<RsaPrivateKey> = std::sync::OnceLock::new();
        KEY.get_or_init(|| RsaPrivateKey::new(&mut rand::thread_rng(), 2048).unwrap())
            .clone()
    }

    pub(crate) fn account(ims: &str) -> ServiceAccount {
        let pem = test_key().to_pkcs1_pem(LineEnding::LF).unwrap();
        ServiceAccount {
            ims_base: ImsBase::parse(ims).unwrap(),
            client_id: "cm-p1-e2-integration".into(),
            client_secret: Secret::new("p8e-secret-1d47"),
            org_id: "907136ED5D35CBF50A495CD4@AdobeOrg".into(),
            technical_account_id: "D8E157165FC0EAE10A495E8C@techacct.adobe.com".into(),
            metascopes: vec!["ent_aem_cloud_api".into()],
            private_key_pem: Secret::new(pem.as_str()),
        }
    }

    fn decode(part: &str) -> Value {
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(part).unwrap()).unwrap()
    }

    #[test]
    fn claims_follow_adobe_wire() {
        let now = OffsetDateTime::from_unix_timestamp(1_767_225_000).unwrap();
        let mut acc = account("ims-na1.adobelogin.com");
        acc.metascopes = vec!["ent_aem_cloud_api, ent_cloudmgr_sdk".into()];
        let claims = Value::Object(acc.claims(now).unwrap());
        assert_eq!(
            claims,
            serde_json::json!({
                "iss": "907136ED5D35CBF50A495CD4@AdobeOrg",
                "sub": "D8E157165FC0EAE10A495E8C@techacct.adobe.com",
                "aud": "https://ims-na1.adobelogin.com/c/cm-p1-e2-integration",
                "exp": 1_767_225_300,
                "https://ims-na1.adobelogin.com/s/ent_aem_cloud_api": true,
                "https://ims-na1.adobelogin.com/s/ent_cloudmgr_sdk": true,
            })
        );
    }

    #[test]
    fn loopback_ims_uses_its_own_origin_in_claims() {
        let now = OffsetDateTime::from_unix_timestamp(1_767_225_000).unwrap();
        let claims = account("http://127.0.0.1:4555").claims(now).unwrap();
        assert_eq!(
            claims["aud"],
            "http://127.0.0.1:4555/c/cm-p1-e2-integration"
        );
        assert_eq!(claims["http://127.0.0.1:4555/s/ent_aem_cloud_api"], true);
    }

    #[test]
    fn the_jwt_is_rs256_and_verifies_with_the_public_key() {
        let now = OffsetDateTime::now_utc();
        let jwt = account("ims-na1.adobelogin.com").signed_jwt(now).unwrap();
        let parts: Vec<&str> = jwt.expose().split('.').collect();
        assert_eq!(parts.len(), 3);
        assert_eq!(decode(parts[0])["alg"], "RS256");
        assert_eq!(
            decode(parts[1])["exp"],
            (now + JWT_LIFETIME).unix_timestamp()
        );
        let public = test_key().to_public_key().to_pkcs1_der().unwrap();
        let key = jsonwebtoken::DecodingKey::from_rsa_der(public.as_bytes());
        let mut validation = jsonwebtoken::Validation::new(Algorithm::RS256);
        validation.set_audience(&["https://ims-na1.adobelogin.com/c/cm-p1-e2-integration"]);
        jsonwebtoken::decode::<Value>(jwt.expose(), &key, &validation).unwrap();
    }

    #[test]
    fn only_the_stored_pkcs1_format_is_read() {
        let now = OffsetDateTime::now_utc();
        let mut acc = account("ims-na1.adobelogin.com");
        // PKCS#8 and escaped text are import's to normalise; here they mean a damaged entry.
        let pkcs8 = test_key().to_pkcs8_pem(LineEnding::LF).unwrap();
        for stored in [pkcs8.as_str(), "-----BEGIN RSA PRIVATE KEY-----\\nAB\\n"] {
            acc.private_key_pem = Secret::new(stored);
            let err = acc.signed_jwt(now).unwrap_err().to_string();
            assert!(
                err.contains("damaged") && err.contains("Re-import"),
                "{err}"
            );
            assert!(!err.contains("BEGIN"), "{err}");
        }
    }

    #[test]
    fn broken_service_accounts_are_refused_with_a_reason() {
        let now = OffsetDateTime::now_utc();
        type Edit = fn(&mut ServiceAccount);
        let cases: &[(Edit, &str)] = &[
            (|a| a.client_id = " ".into(), "client id missing"),
            (
                |a| a.client_secret = Secret::new(""),
                "client secret missing",
            ),
            (|a| a.org_id.clear(), "organisation id missing"),
            (
                |a| a.technical_account_id.clear(),
                "technical account id missing",
            ),
            (|a| a.metascopes = vec![" , ".into()], "metascopes missing"),
            (
                |a| a.private_key_pem = Secret::new(""),
                "private key missing",
            ),
            (
                |a| a.private_key_pem = Secret::new("not a key"),
                "is damaged",
            ),
            (
                |a| {
                    a.private_key_pem = Secret::new(
                        "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----",
                    )
                },
                "is damaged",
            ),
            (
                |a| a.metascopes = vec!["https://ims-na1-stg1.adobelogin.com/s/x".into()],
                "names another IMS",
            ),
        ];
        for (edit, expected) in cases {
            let mut acc = account("ims-na1.adobelogin.com");
            edit(&mut acc);
            let err = acc.signed_jwt(now).unwrap_err();
            assert!(err.to_string().contains(expected), "{expected}: {err}");
            assert!(matches!(err, ImsError::InvalidCredential(_)));
        }
    }

    #[test]
    fn full_claim_names_for_the_same_ims_are_kept() {
        let mut acc = account("ims-na1.adobelogin.com");
        acc.metascopes = vec!["https://ims-na1.adobelogin.com/s/ent_aem_cloud_api".into()];
        let claims = acc.claims(OffsetDateTime::now_utc()).unwrap();
        assert_eq!(
            claims["https://ims-na1.adobelogin.com/s/ent_aem_cloud_api"],
            true
        );
    }
}
