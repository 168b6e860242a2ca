//! The one error type of the core, and the short codes the UI branches on.
//!
//! Messages (`Display`) are written for the people using the app: plain words, what is wrong
//! and what to do. Details for developers go to the log at the place the error is raised.
//! No message ever contains a secret.

use serde::Serialize;
use ts_rs::TS;

use crate::aem::AemError;
use crate::credentials::Refusal;
use crate::i18n::{Localizer, arg};
use crate::secrets::SecretStoreError;

pub use crate::error_code::ErrorCode;
pub use crate::i18n::{Message, MessageArg};

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
    /// A failure whose words are a catalogue message (`locales/*/core.ftl`), so the window and
    /// the CLI show it in the user's language. `Display` gives the English text (the log).
    #[error("{}", .message.localized(&Localizer::english()))]
    Message { code: ErrorCode, message: Message },
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
            Error::Message { code, .. } => *code,
            Error::NeedsReplace(_) => ErrorCode::InvalidInput,
            Error::Io { .. } => ErrorCode::Io,
            Error::Internal(_) => ErrorCode::Internal,
        }
    }

    /// A failure told by the catalogue message `id` with `args`.
    pub fn message(
        code: ErrorCode,
        id: &'static str,
        args: Vec<(&'static str, MessageArg)>,
    ) -> Self {
        Error::Message {
            code,
            message: Message { id, args },
        }
    }

    /// The message in the user's language. Variants not yet moved to the catalogue (free text
    /// built where they are raised) are still English.
    pub fn localized(&self, l: &Localizer) -> String {
        match self {
            Error::SecretStore(e) => e.localized(l),
            Error::Aem(e) => e.localized(l),
            Error::Message { message, .. } => message.localized(l),
            Error::Io { context, source } => l.msg(
                "error-io",
                &[
                    ("context", arg(context.as_str())),
                    ("detail", arg(source.to_string())),
                ],
            ),
            Error::Internal(detail) => l.msg("error-internal", &[("detail", arg(detail.as_str()))]),
            Error::InvalidInput(_)
            | Error::Refused(_)
            | Error::NotFound(_)
            | Error::NeedsReplace(_) => self.to_string(),
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

/// A stored connection that an import would replace, and how the file differs from it (built
/// by `connections`; kept here because it is the payload of [`Error::NeedsReplace`]). The
/// window shows it as a confirmation; the CLI asks for `--replace`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReplaceNotice {
    pub connection_id: String,
    pub connection_name: String,
    /// Full sentences: "It uses the IMS at ims-na1-stg1.adobelogin.com, not ims-na1.adobelogin.com."
    pub differences: Vec<String>,
}

impl std::fmt::Display for ReplaceNotice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "This file has the client id of the connection \"{}\", but it is not the same \
             credential: {} Nothing was changed; replacing it must be confirmed.",
            self.connection_name,
            self.differences.join(" ")
        )
    }
}
