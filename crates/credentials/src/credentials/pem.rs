//! PEM text as it arrives in credential files, and the RSA private key inside it.
//!
//! Files carry PEM with `\r\n`, `\n`, a literal two-character `\n` escape (keys pasted through
//! environment variables), stray spaces, or everything on one line. We rebuild a canonical PEM
//! from the label and the base64 body instead of patching line endings one case at a time.
//! Keys may be PKCS#1 (`RSA PRIVATE KEY`, what AEM ships) or PKCS#8 (`PRIVATE KEY`); both are
//! stored as PKCS#1 so the token code reads one format.
//!
//! Not here: certificates (`cert`), and anything that logs or prints key material.

use base64::Engine;
use rsa::RsaPrivateKey;
use rsa::pkcs1::{DecodeRsaPrivateKey, EncodeRsaPrivateKey, LineEnding};
use rsa::pkcs8::DecodePrivateKey;
use zeroize::Zeroizing;

use crate::secrets::Secret;

/// One PEM block: its label (`RSA PRIVATE KEY`, `CERTIFICATE`…) and canonical text (LF line
/// endings, 64-character lines, trailing newline).
pub struct PemBlock {
    pub label: String,
    pub text: Zeroizing<String>,
}

impl PemBlock {
    /// The decoded body. We decode the base64 ourselves rather than through `der`'s PEM
    /// reader, which was seen to loop forever on a truncated certificate body.
    pub fn der(&self) -> Result<Zeroizing<Vec<u8>>, &'static str> {
        let body: Zeroizing<String> = Zeroizing::new(
            self.text
                .lines()
                .filter(|l| !l.starts_with("-----"))
                .collect(),
        );
        base64::engine::general_purpose::STANDARD
            .decode(body.as_bytes())
            .map(Zeroizing::new)
            .map_err(|_| "not-base64")
    }
}

/// Finds the first PEM block in `raw` and rebuilds it canonically. The error says what is
/// wrong as a key of the catalogue's `pem-problem` ("cut-off"), never quoting the input.
pub fn normalise(raw: &str) -> Result<PemBlock, &'static str> {
    let unescaped = Zeroizing::new(raw.replace("\\r", "").replace("\\n", "\n"));
    let begin = unescaped.find("-----BEGIN ").ok_or("no-begin")?;
    let after_begin = &unescaped[begin + "-----BEGIN ".len()..];
    let label_end = after_begin.find("-----").ok_or("broken-begin")?;
    let label = after_begin[..label_end].trim().to_string();
    let body_and_rest = &after_begin[label_end + "-----".len()..];
    let end_marker = format!("-----END {label}-----");
    let body_end = body_and_rest.find(&end_marker).ok_or("cut-off")?;
    let body = &body_and_rest[..body_end];
    if body.contains(':') {
        // `Proc-Type: 4,ENCRYPTED` headers of passphrase-protected PKCS#1 keys.
        return Err("passphrase");
    }
    let compact: Zeroizing<String> =
        Zeroizing::new(body.chars().filter(|c| !c.is_whitespace()).collect());
    if compact.is_empty() {
        return Err("empty");
    }
    if !compact
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
    {
        return Err("bad-characters");
    }
    let mut text = Zeroizing::new(String::with_capacity(compact.len() + 128));
    text.push_str(&format!("-----BEGIN {label}-----\n"));
    for line in compact.as_bytes().chunks(64) {
        // The body is ASCII (checked above), so every chunk is valid UTF-8.
        text.push_str(std::str::from_utf8(line).unwrap_or_default());
        text.push('\n');
    }
    text.push_str(&end_marker);
    text.push('\n');
    Ok(PemBlock { label, text })
}

/// Parses an RSA private key from any of the accepted PEM shapes.
pub fn parse_private_key(raw: &str) -> Result<RsaPrivateKey, &'static str> {
    let block = normalise(raw)?;
    match block.label.as_str() {
        "RSA PRIVATE KEY" => {
            RsaPrivateKey::from_pkcs1_der(&block.der()?).map_err(|_| "unreadable-key")
        }
        "PRIVATE KEY" => RsaPrivateKey::from_pkcs8_der(&block.der()?).map_err(|_| "not-rsa-key"),
        "ENCRYPTED PRIVATE KEY" => Err("passphrase"),
        "CERTIFICATE" => Err("certificate-not-key"),
        _ => Err("not-key"),
    }
}

/// The key as PKCS#1 PEM with LF line endings: the one format kept in the keychain.
pub fn to_pkcs1_pem(key: &RsaPrivateKey) -> Result<Secret, &'static str> {
    key.to_pkcs1_pem(LineEnding::LF)
        .map(|pem| Secret::new(pem.as_str()))
        .map_err(|_| "reencode")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::credentials::testing::TestKey;
    use rsa::pkcs8::EncodePrivateKey;

    #[test]
    fn every_line_ending_variant_gives_the_same_key() {
        let key = TestKey::small();
        let lf = key.pkcs1_pem();
        let variants = [
            lf.clone(),
            lf.replace('\n', "\r\n"),
            lf.replace('\n', "\\n"),
            lf.replace('\n', "\\r\\n"),
            lf.replace('\n', " "),
            format!("\r\n  {lf}\r\n\r\n"),
        ];
        for variant in variants {
            let parsed = parse_private_key(&variant).unwrap_or_else(|e| panic!("{e}: {variant:?}"));
            assert_eq!(parsed, key.private);
        }
    }

    #[test]
    fn pkcs8_is_accepted_and_stored_as_pkcs1() {
        let key = TestKey::small();
        let pkcs8 = key.private.to_pkcs8_pem(LineEnding::CRLF).unwrap();
        let parsed = parse_private_key(&pkcs8).unwrap();
        let stored = to_pkcs1_pem(&parsed).unwrap();
        assert!(
            stored
                .expose()
                .starts_with("-----BEGIN RSA PRIVATE KEY-----\n")
        );
        assert!(!stored.expose().contains('\r'));
    }

    #[test]
    fn bad_pems_are_described_without_quoting_them() {
        assert_eq!(parse_private_key("hello").unwrap_err(), "no-begin");
        let cut = "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n";
        assert_eq!(parse_private_key(cut).unwrap_err(), "cut-off");
        let junk = "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----";
        assert_eq!(parse_private_key(junk).unwrap_err(), "unreadable-key");
        let enc =
            "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n-----END ENCRYPTED PRIVATE KEY-----";
        assert_eq!(parse_private_key(enc).unwrap_err(), "passphrase");
        let proc = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nMIIB\n-----END RSA PRIVATE KEY-----";
        assert_eq!(parse_private_key(proc).unwrap_err(), "passphrase");
        let cert = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----";
        assert_eq!(parse_private_key(cert).unwrap_err(), "certificate-not-key");
    }
}
