//! The names of a connection's keychain entries: `conn/<id>/<slot>`, e.g.
//! `conn/3f9a0c1d2e4b/client-secret`. The store adds the profile namespace, so development and
//! release builds never share entries. Large values get `#1`, `#2`… parts (see
//! [`crate::secrets::chunked`]).
//!
//! They live with the keychain, below both the credential parsers that fill the slots and the
//! connection store that reads and writes them.
//!
//! Not here: reading or writing them (`connections::ConnectionStore`).

/// One secret a connection may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecretSlot {
    ClientSecret,
    /// PKCS#1 PEM, LF line endings.
    PrivateKey,
    DevToken,
    Password,
    /// Reserved for the IMS token cache: the access token minted from this connection.
    AccessToken,
    /// Where the connection's credentials may go (its AEM and IMS addresses, the host trusted),
    /// as Metadesk saved them: out of reach of an edit to the connections file.
    Binding,
}

impl SecretSlot {
    pub const ALL: [SecretSlot; 6] = [
        SecretSlot::ClientSecret,
        SecretSlot::PrivateKey,
        SecretSlot::DevToken,
        SecretSlot::Password,
        SecretSlot::AccessToken,
        SecretSlot::Binding,
    ];

    fn name(self) -> &'static str {
        match self {
            SecretSlot::ClientSecret => "client-secret",
            SecretSlot::PrivateKey => "private-key",
            SecretSlot::DevToken => "dev-token",
            SecretSlot::Password => "password",
            SecretSlot::AccessToken => "access-token",
            SecretSlot::Binding => "binding",
        }
    }

    /// The keychain key of this slot for connection `id`.
    pub fn key(self, id: &str) -> String {
        format!("conn/{id}/{}", self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_follow_the_documented_scheme() {
        assert_eq!(
            SecretSlot::ClientSecret.key("abc"),
            "conn/abc/client-secret"
        );
        assert_eq!(SecretSlot::AccessToken.key("abc"), "conn/abc/access-token");
    }
}
