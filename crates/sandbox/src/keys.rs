//! Test key material: RSA key pairs and self-signed X.509 certificates as PEM.
//!
//! Pure helpers with no server state, so other crates' tests can mint credentials the sandbox
//! (or a real parser) accepts. Nothing here is ever written to the repository; keys are made
//! fresh at run time. JWT signature checking lives in `ims.rs`, not here.

use std::str::FromStr;
use std::time::{Duration, SystemTime};

use rsa::pkcs1::{EncodeRsaPrivateKey, LineEnding};
use rsa::pkcs8::{DecodePublicKey, EncodePrivateKey, EncodePublicKey};
use rsa::{RsaPrivateKey, RsaPublicKey};
use sha2::Sha256;
use x509_cert::builder::{Builder, CertificateBuilder, Profile};
use x509_cert::der::{DecodePem, EncodePem};
use x509_cert::name::Name;
use x509_cert::serial_number::SerialNumber;
use x509_cert::spki::SubjectPublicKeyInfoOwned;
use x509_cert::time::{Time, Validity};

/// Why key or certificate handling failed.
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("RSA key generation failed: {0}")]
    Rsa(#[from] rsa::Error),
    #[error("PEM/DER encoding failed: {0}")]
    Encoding(String),
    #[error("certificate building failed: {0}")]
    Certificate(String),
    #[error("invalid validity window: {0}")]
    Validity(String),
}

/// What to generate. `Default` is what the AEM Developer Console hands out: a 2048-bit key and
/// a certificate valid for 365 days from now.
#[derive(Debug, Clone)]
pub struct KeyOptions {
    /// RSA modulus size in bits (1024 keeps debug-build tests fast; 2048/4096 are real sizes).
    pub bits: usize,
    /// Start of the certificate's validity.
    pub not_before: SystemTime,
    /// Length of the validity window (365 days like the AEM Developer Console).
    pub validity: Duration,
    /// Subject common name of the self-signed certificate.
    pub common_name: String,
}

impl Default for KeyOptions {
    fn default() -> Self {
        Self {
            bits: 2048,
            not_before: SystemTime::now(),
            validity: Duration::from_secs(365 * 24 * 3600),
            common_name: "metadesk-sandbox".to_owned(),
        }
    }
}

impl KeyOptions {
    /// Same as `Default` but with another key size.
    pub fn with_bits(bits: usize) -> Self {
        Self {
            bits,
            ..Self::default()
        }
    }
}

/// A freshly generated key pair and its self-signed certificate. All PEM strings use `\n`; use
/// [`crlf`] for the `\r\n` form found in AEM Service Credentials.
#[derive(Clone)]
pub struct KeyMaterial {
    /// `-----BEGIN RSA PRIVATE KEY-----` (what AEM Service Credentials carry).
    pub private_key_pkcs1_pem: String,
    /// `-----BEGIN PRIVATE KEY-----` (what Adobe Developer Console projects carry).
    pub private_key_pkcs8_pem: String,
    /// `-----BEGIN PUBLIC KEY-----`.
    pub public_key_pem: String,
    /// `-----BEGIN CERTIFICATE-----`, self-signed with the private key.
    pub certificate_pem: String,
    /// The certificate's validity window.
    pub not_before: SystemTime,
    /// End of the certificate's validity window.
    pub not_after: SystemTime,
    /// The key itself, for signing JWTs in tests.
    pub private_key: RsaPrivateKey,
}

impl std::fmt::Debug for KeyMaterial {
    // The private key must never end up in logs or test output.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KeyMaterial")
            .field("not_before", &self.not_before)
            .field("not_after", &self.not_after)
            .finish_non_exhaustive()
    }
}

/// Generates a key pair and a self-signed certificate with the OS random generator.
pub fn generate(options: &KeyOptions) -> Result<KeyMaterial, KeyError> {
    generate_with_rng(&mut rand::rngs::OsRng, options)
}

/// Generates a key pair and a self-signed certificate with the given random generator.
pub fn generate_with_rng<R: rand::CryptoRng + rand::RngCore>(
    rng: &mut R,
    options: &KeyOptions,
) -> Result<KeyMaterial, KeyError> {
    let private_key = RsaPrivateKey::new(rng, options.bits)?;
    let public_key = RsaPublicKey::from(&private_key);
    let not_after = options
        .not_before
        .checked_add(options.validity)
        .ok_or_else(|| KeyError::Validity("not_after overflows".into()))?;
    let validity = Validity {
        not_before: Time::try_from(options.not_before)
            .map_err(|e| KeyError::Validity(e.to_string()))?,
        not_after: Time::try_from(not_after).map_err(|e| KeyError::Validity(e.to_string()))?,
    };
    let subject = Name::from_str(&format!("CN={},O=Metadesk Sandbox", options.common_name))
        .map_err(|e| KeyError::Certificate(e.to_string()))?;
    let spki = SubjectPublicKeyInfoOwned::from_key(public_key.clone())
        .map_err(|e| KeyError::Encoding(e.to_string()))?;
    let mut serial = [0u8; 16];
    rand::RngCore::fill_bytes(rng, &mut serial);
    // A positive serial: the top bit set would make it negative in DER.
    serial[0] &= 0x7f;
    serial[0] |= 0x01;
    let serial = SerialNumber::new(&serial).map_err(|e| KeyError::Certificate(e.to_string()))?;
    let signer = rsa::pkcs1v15::SigningKey::<Sha256>::new(private_key.clone());
    let builder = CertificateBuilder::new(Profile::Root, serial, validity, subject, spki, &signer)
        .map_err(|e| KeyError::Certificate(e.to_string()))?;
    let certificate = builder
        .build::<rsa::pkcs1v15::Signature>()
        .map_err(|e| KeyError::Certificate(e.to_string()))?;
    Ok(KeyMaterial {
        private_key_pkcs1_pem: private_key
            .to_pkcs1_pem(LineEnding::LF)
            .map_err(|e| KeyError::Encoding(e.to_string()))?
            .to_string(),
        private_key_pkcs8_pem: private_key
            .to_pkcs8_pem(LineEnding::LF)
            .map_err(|e| KeyError::Encoding(e.to_string()))?
            .to_string(),
        public_key_pem: public_key
            .to_public_key_pem(LineEnding::LF)
            .map_err(|e| KeyError::Encoding(e.to_string()))?,
        certificate_pem: certificate
            .to_pem(LineEnding::LF)
            .map_err(|e| KeyError::Encoding(e.to_string()))?,
        not_before: options.not_before,
        not_after,
        private_key,
    })
}

/// Converts a PEM string to the `\r\n` line endings (with a trailing `\r\n`) that AEM Service
/// Credentials use.
pub fn crlf(pem: &str) -> String {
    let mut out = String::with_capacity(pem.len() + pem.len() / 32);
    for line in pem.lines() {
        out.push_str(line.trim_end_matches('\r'));
        out.push_str("\r\n");
    }
    out
}

/// Reads the RSA public key out of a PEM certificate (either line ending) or a PEM public key.
pub fn public_key_from_pem(pem: &str) -> Result<RsaPublicKey, KeyError> {
    let normalized = pem.replace("\r\n", "\n");
    let trimmed = normalized.trim();
    if trimmed.starts_with("-----BEGIN PUBLIC KEY-----") {
        return RsaPublicKey::from_public_key_pem(trimmed)
            .map_err(|e| KeyError::Encoding(e.to_string()));
    }
    let cert = x509_cert::Certificate::from_pem(trimmed.as_bytes())
        .map_err(|e| KeyError::Encoding(e.to_string()))?;
    let der = x509_cert::der::Encode::to_der(&cert.tbs_certificate.subject_public_key_info)
        .map_err(|e| KeyError::Encoding(e.to_string()))?;
    RsaPublicKey::from_public_key_der(&der).map_err(|e| KeyError::Encoding(e.to_string()))
}

/// The validity window `(not_before, not_after)` of a PEM certificate.
pub fn certificate_validity(pem: &str) -> Result<(SystemTime, SystemTime), KeyError> {
    let normalized = pem.replace("\r\n", "\n");
    let cert = x509_cert::Certificate::from_pem(normalized.trim().as_bytes())
        .map_err(|e| KeyError::Encoding(e.to_string()))?;
    let v = cert.tbs_certificate.validity;
    Ok((v.not_before.to_system_time(), v.not_after.to_system_time()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rsa::pkcs1v15::{SigningKey, VerifyingKey};
    use rsa::signature::{SignatureEncoding, Signer, Verifier};

    #[test]
    fn generates_matching_key_and_certificate() {
        let km = generate(&KeyOptions::with_bits(1024)).unwrap();
        assert!(
            km.private_key_pkcs1_pem
                .starts_with("-----BEGIN RSA PRIVATE KEY-----\n")
        );
        assert!(
            km.private_key_pkcs8_pem
                .starts_with("-----BEGIN PRIVATE KEY-----\n")
        );
        assert!(
            km.certificate_pem
                .starts_with("-----BEGIN CERTIFICATE-----\n")
        );
        let from_cert = public_key_from_pem(&crlf(&km.certificate_pem)).unwrap();
        let from_pub = public_key_from_pem(&km.public_key_pem).unwrap();
        assert_eq!(from_cert, from_pub);
        let sig = SigningKey::<Sha256>::new(km.private_key.clone()).sign(b"payload");
        VerifyingKey::<Sha256>::new(from_cert)
            .verify(
                b"payload",
                &rsa::pkcs1v15::Signature::try_from(sig.to_bytes().as_ref()).unwrap(),
            )
            .unwrap();
    }

    #[test]
    fn validity_window_is_as_requested() {
        let start = SystemTime::UNIX_EPOCH + Duration::from_secs(1_600_000_000);
        let km = generate(&KeyOptions {
            bits: 1024,
            not_before: start,
            validity: Duration::from_secs(10 * 24 * 3600),
            common_name: "expired".into(),
        })
        .unwrap();
        let (nb, na) = certificate_validity(&km.certificate_pem).unwrap();
        assert_eq!(nb, start);
        assert_eq!(na, start + Duration::from_secs(10 * 24 * 3600));
    }

    #[test]
    fn crlf_adds_trailing_crlf_and_is_idempotent() {
        let pem = "-----BEGIN X-----\nAAAA\n-----END X-----\n";
        let once = crlf(pem);
        assert_eq!(once, "-----BEGIN X-----\r\nAAAA\r\n-----END X-----\r\n");
        assert_eq!(crlf(&once), once);
    }
}
