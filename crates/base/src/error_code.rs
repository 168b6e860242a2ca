//! The short codes the window branches on, one per kind of failure. Kept apart from the
//! error type (`metadesk_clients::error`) so that every layer can name its code without depending on
//! the type that gathers all layers' errors.

use serde::Serialize;
use ts_rs::TS;

/// What the UI may branch on. Add a variant only when some caller needs to tell it apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// No usable OS keychain (no Secret Service, access denied…).
    KeychainUnavailable,
    /// The keychain exists but is locked.
    KeychainLocked,
    /// Something the user gave us (a field, a name, a URL) is not acceptable.
    InvalidInput,
    /// A credential file was refused; the message lists every problem.
    CredentialRefused,
    /// The thing asked for does not exist.
    NotFound,
    /// A file or directory could not be read or written.
    Io,
    /// A server (AEM, IMS) could not be reached.
    Network,
    /// Credentials were refused or could not be obtained.
    Auth,
    /// A server answered, but not as expected.
    Remote,
    /// A bug or an unexpected state: the log has the details.
    Internal,
    /// An AEM address on a host that needs trust (not Adobe's; this computer too for a
    /// credential issued by Adobe), which the user has not trusted by name: the window asks
    /// them to confirm it.
    UntrustedHost,
}
