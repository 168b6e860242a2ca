//! The one error type of the core, and the short codes the UI branches on.
//!
//! Messages (`Display`) are written for the people using the app: plain words, what is wrong
//! and what to do. Details for developers go to the log at the place the error is raised.
//! No message ever contains a secret.

use serde::Serialize;
use ts_rs::TS;

use crate::aem::AemError;
use crate::connections::ReplaceNotice;
use crate::credentials::Refusal;
use crate::secrets::SecretStoreError;

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
}

/// Every failure the core reports.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    SecretStore(#[from] SecretStoreError),
    #[error(transparent)]
    Aem(#[from] AemError),
    #[error("{0}")]
    InvalidInput(String),
    #[error(transparent)]
    Refused(#[from] Refusal),
    #[error("{0}")]
    NotFound(String),
    /// An import would replace a stored connection with a different credential under the same
    /// client id; the window asks, the CLI wants `--replace`.
    #[error("{0}")]
    NeedsReplace(Box<ReplaceNotice>),
    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
    #[error("something went wrong inside Metadesk ({0}); the log file has the details")]
    Internal(String),
}

impl Error {
    /// Total mapping, so adding a variant without choosing its code does not compile.
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::SecretStore(e) => e.code(),
            Error::Aem(e) => e.code(),
            Error::InvalidInput(_) => ErrorCode::InvalidInput,
            Error::Refused(_) => ErrorCode::CredentialRefused,
            Error::NotFound(_) => ErrorCode::NotFound,
            Error::NeedsReplace(_) => ErrorCode::InvalidInput,
            Error::Io { .. } => ErrorCode::Io,
            Error::Internal(_) => ErrorCode::Internal,
        }
    }

    /// An I/O failure with a plain-words description of what we were doing.
    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        Error::Io {
            context: context.into(),
            source,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
