//! Failures talking to AEM or IMS, in words a user can act on.

use crate::error_code::ErrorCode;
use crate::i18n::{Localizer, arg, count};
use crate::ims::ImsError;
use crate::secrets::SecretStoreError;

/// Why a request to AEM (or IMS) did not succeed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AemError {
    /// The URL is not one a token may be sent to (another host, or plain http off loopback).
    #[error("{0}")]
    RefusedUrl(String),
    /// Could not reach the server at all (offline, proxy, DNS, refused, dropped).
    #[error(
        "Could not reach {host}: {detail}. Check the network connection (and any proxy), then try again."
    )]
    Unreachable { host: String, detail: String },
    /// The server did not answer in time.
    #[error("{host} did not answer in time. It may be busy; try again in a moment.")]
    Timeout { host: String },
    /// Credentials could not be obtained or were rejected; the message says why and what to do.
    #[error("{0}")]
    Auth(String),
    /// AEM answered with an unexpected status.
    #[error("AEM answered {status} for {what}.")]
    Status { status: u16, what: String },
    /// AEM's answer could not be understood.
    #[error("AEM's answer to {what} could not be read ({detail}).")]
    BadResponse { what: String, detail: String },
    /// No access token could be obtained from Adobe IMS; the message says why.
    #[error(transparent)]
    Ims(#[from] ImsError),
    /// The keychain holding the token cache could not be used.
    #[error(transparent)]
    Keychain(#[from] SecretStoreError),
}

impl AemError {
    /// The message in the user's language (`Display` is the English one, for the log).
    pub fn localized(&self, l: &Localizer) -> String {
        match self {
            AemError::Unreachable { host, detail } => l.msg(
                "aem-unreachable",
                &[
                    ("host", arg(host.as_str())),
                    ("detail", arg(detail.as_str())),
                ],
            ),
            AemError::Timeout { host } => l.msg("aem-timeout", &[("host", arg(host.as_str()))]),
            AemError::Status { status, what } => l.msg(
                "aem-status",
                &[("status", count(*status)), ("what", arg(what.as_str()))],
            ),
            AemError::BadResponse { what, detail } => l.msg(
                "aem-bad-response",
                &[
                    ("what", arg(what.as_str())),
                    ("detail", arg(detail.as_str())),
                ],
            ),
            AemError::Ims(e) => e.localized(l),
            AemError::Keychain(e) => e.localized(l),
            // Free text built where raised; not in the catalogue yet.
            AemError::RefusedUrl(_) | AemError::Auth(_) => self.to_string(),
        }
    }

    pub fn code(&self) -> ErrorCode {
        match self {
            AemError::RefusedUrl(_) => ErrorCode::InvalidInput,
            AemError::Unreachable { .. } | AemError::Timeout { .. } => ErrorCode::Network,
            AemError::Auth(_) => ErrorCode::Auth,
            AemError::Status { .. } | AemError::BadResponse { .. } => ErrorCode::Remote,
            AemError::Ims(e) => e.code(),
            AemError::Keychain(e) => e.code(),
        }
    }
}
