//! The one error type of the core, and the short codes the UI branches on.
//!
//! Messages (`Display`) are written for the people using the app: plain words, what is wrong
//! and what to do. Details for developers go to the log at the place the error is raised.
//! No message ever contains a secret.

use serde::Serialize;
use ts_rs::TS;

use crate::aem::AemError;
use metadesk_base::i18n::{Localizer, Part, Text, arg};
use metadesk_credentials::credentials::Refusal;
use metadesk_credentials::secrets::SecretStoreError;

pub use metadesk_base::error_code::ErrorCode;
pub use metadesk_base::i18n::MessageArg;

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
    #[error("{message}")]
    Message { code: ErrorCode, message: Text },
    /// An import would replace a stored connection with a different credential under the same
    /// client id; the window asks, the CLI wants `--replace`.
    #[error("{0}")]
    NeedsReplace(Box<ReplaceNotice>),
    /// `context` says what we were doing ("could not write …"): a catalogue message (`io-…`),
    /// or free English text where a caller has not moved to the catalogue yet.
    #[error("{context}: {source}")]
    Io {
        context: Text,
        #[source]
        source: std::io::Error,
    },
    /// A fault of Metadesk itself. The detail is for developers: it goes to the log (with the
    /// error, where a face reports it) and never into the words the user reads.
    #[error("something went wrong inside Metadesk: {0}")]
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

    /// The catalogue id of a failure told by one (the CLI picks its hints by it).
    pub fn message_id(&self) -> Option<&'static str> {
        match self {
            Error::Message { message, .. } => message.id(),
            _ => None,
        }
    }

    /// A failure told by the catalogue message `id` with `args`.
    pub fn message(
        code: ErrorCode,
        id: &'static str,
        args: Vec<(&'static str, MessageArg)>,
    ) -> Self {
        let args = args
            .into_iter()
            .map(|(name, value)| (name, Part::Arg(value)))
            .collect();
        Error::Message {
            code,
            message: Text::new(id, args),
        }
    }

    /// A failure told by `text` (a catalogue message whose arguments may be other messages,
    /// dates…).
    pub fn worded(code: ErrorCode, text: Text) -> Self {
        Error::Message {
            code,
            message: text,
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
                    ("context", arg(context.localized(l))),
                    ("detail", arg(io_detail(source, l))),
                ],
            ),
            Error::Internal(_) => l.text("error-internal"),
            Error::Refused(refusal) => refusal.localized(l),
            Error::NeedsReplace(notice) => notice.localized(l),
            Error::InvalidInput(_) | Error::NotFound(_) => self.to_string(),
        }
    }

    /// An I/O failure with a plain-words description of what we were doing (English: prefer
    /// [`Error::io_doing`], whose words are the catalogue's).
    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        Error::Io {
            context: Text::Plain(context.into()),
            source,
        }
    }

    /// An I/O failure while doing what the catalogue message `id` (an `io-…`) says, with `args`.
    pub fn io_doing(
        id: &'static str,
        args: Vec<(&'static str, Part)>,
        source: std::io::Error,
    ) -> Self {
        Error::Io {
            context: Text::new(id, args),
            source,
        }
    }
}

/// What went wrong in an I/O call, in `l`'s language for the kinds people meet (a missing
/// file, no permission, a full disk); the system's own words for the rare others.
fn io_detail(source: &std::io::Error, l: &Localizer) -> String {
    use std::io::ErrorKind as K;
    let kind = match source.kind() {
        K::NotFound => "not-found",
        K::PermissionDenied => "permission-denied",
        K::AlreadyExists => "already-exists",
        K::StorageFull => "storage-full",
        K::ReadOnlyFilesystem => "read-only",
        K::IsADirectory => "is-a-directory",
        K::NotADirectory => "not-a-directory",
        K::DirectoryNotEmpty => "directory-not-empty",
        K::ResourceBusy => "busy",
        K::InvalidData => "invalid-data",
        K::UnexpectedEof => "unexpected-eof",
        K::TimedOut => "timed-out",
        K::QuotaExceeded => "quota-exceeded",
        K::FileTooLarge => "file-too-large",
        K::InvalidFilename => "invalid-filename",
        // The CLI's output piped into a program that stopped reading (`| head`).
        K::BrokenPipe => "broken-pipe",
        _ => "other",
    };
    l.msg(
        "error-io-detail",
        &[("kind", arg(kind)), ("detail", arg(source.to_string()))],
    )
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A stored connection that an import would replace, and how the file differs from it (built
/// by `connections`; kept here because it is the payload of [`Error::NeedsReplace`]). The
/// window shows it as a confirmation; the CLI asks for `--replace`.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReplaceNotice {
    pub connection_id: String,
    pub connection_name: String,
    /// Full sentences: "It uses the IMS at ims-na1-stg1.adobelogin.com, not ims-na1.adobelogin.com."
    /// (catalogue messages `replace-…`, written in the reader's language before they are sent).
    #[ts(type = "Array<string>")]
    pub differences: Vec<Text>,
}

impl ReplaceNotice {
    /// The whole notice in `l`'s language (the CLI's message; the window lists the differences).
    pub fn localized(&self, l: &Localizer) -> String {
        l.msg(
            "error-needs-replace",
            &[
                ("name", arg(self.connection_name.as_str())),
                ("differences", arg(Text::join(&self.differences, l))),
            ],
        )
    }
}

impl std::fmt::Display for ReplaceNotice {
    /// English (the log's words).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.localized(&Localizer::english()))
    }
}
