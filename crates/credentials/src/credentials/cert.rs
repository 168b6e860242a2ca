//! The X.509 certificate of AEM service credentials (shipped as `integration.publicKey`,
//! despite the name): when it expires, and whether the private key belongs to it.
//!
//! Not here: verifying who signed it. IMS checks the binding; we only read dates and the key.

use rsa::RsaPublicKey;
use rsa::pkcs8::DecodePublicKey;
use time::OffsetDateTime;
use x509_cert::Certificate;
use x509_cert::der::{Decode, Encode};

use super::pem;

/// What we need from a certificate.
pub struct CertificateInfo {
    pub not_before: OffsetDateTime,
    pub not_after: OffsetDateTime,
    pub public_key: RsaPublicKey,
}

/// Reads the certificate from any of the PEM shapes `pem::normalise` accepts.
pub fn parse(raw: &str) -> Result<CertificateInfo, &'static str> {
    let block = pem::normalise(raw)?;
    if block.label != "CERTIFICATE" {
        return Err("not-certificate");
    }
    let der = block.der()?;
    let cert = Certificate::from_der(&der).map_err(|_| "unreadable-certificate")?;
    let validity = &cert.tbs_certificate.validity;
    let to_time = |t: &x509_cert::time::Time| {
        OffsetDateTime::from_unix_timestamp(t.to_unix_duration().as_secs() as i64)
            .map_err(|_| "bad-dates")
    };
    let spki = cert
        .tbs_certificate
        .subject_public_key_info
        .to_der()
        .map_err(|_| "unreadable-certificate")?;
    let public_key = RsaPublicKey::from_public_key_der(&spki).map_err(|_| "not-rsa-certificate")?;
    Ok(CertificateInfo {
        not_before: to_time(&validity.not_before)?,
        not_after: to_time(&validity.not_after)?,
        public_key,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::credentials::testing::TestKey;
    use time::Duration;

    #[test]
    fn reads_dates_and_key() {
        let key = TestKey::small();
        let now = OffsetDateTime::now_utc();
        let pem = key.certificate(now - Duration::days(1), now + Duration::days(365));
        let info = parse(&pem.replace('\n', "\r\n")).unwrap();
        assert_eq!(info.public_key, key.private.to_public_key());
        assert!((info.not_after - now - Duration::days(365)).abs() < Duration::minutes(1));
    }

    #[test]
    fn refuses_what_is_not_a_certificate() {
        let key = TestKey::small();
        assert_eq!(parse(&key.pkcs1_pem()).err(), Some("not-certificate"));
        let junk = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----";
        assert_eq!(parse(junk).err(), Some("unreadable-certificate"));
    }
}
