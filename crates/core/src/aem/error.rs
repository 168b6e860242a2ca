//! Failures talking to AEM or IMS, in words a user can act on.

use crate::error_code::ErrorCode;
use crate::i18n::{Localizer, Message, MessageArg};
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
        if let AemError::Ims(e) = self {
            return e.localized(l);
        }
        match self.message() {
            Some(message) => message.localized(l),
            None => self.to_string(),
        }
    }

    /// The catalogue message telling this failure; `None` for free text built where raised
    /// (not in the catalogue yet).
    pub fn message(&self) -> Option<Message> {
        let text = |s: &str| MessageArg::from(s);
        let (id, args) = match self {
            AemError::Unreachable { host, detail } => (
                "aem-unreachable",
                vec![("host", text(host)), ("detail", text(detail))],
            ),
            AemError::Timeout { host } => ("aem-timeout", vec![("host", text(host))]),
            AemError::Status { status, what } => (
                "aem-status",
                vec![
                    ("status", MessageArg::Number(f64::from(*status))),
                    ("what", text(what)),
                ],
            ),
            AemError::BadResponse { what, detail } => (
                "aem-bad-response",
                vec![("what", text(what)), ("detail", text(detail))],
            ),
            AemError::Ims(e) => return e.message(),
            AemError::Keychain(e) => return Some(e.message()),
            AemError::RefusedUrl(_) | AemError::Auth(_) => return None,
        };
        Some(Message { id, args })
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
