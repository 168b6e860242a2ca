//! [`IpcError`], the one error shape the window receives: `{ code, message }`, the message in
//! the window's language. It is the window's, not the core's: the CLI words a core `Error` for
//! a terminal and never sends this shape, so it lives with the commands that return it.
//!
//! Its TypeScript binding (`ui/src/ipc/bindings/IpcError.ts`) is checked here, beside the
//! core's (`metadesk_core::bindings`, which leaves the window's files to this check); both
//! are rewritten by `METADESK_UPDATE_BINDINGS=1` (`cargo test -p metadesk-core --lib bindings`,
//! then `cargo test -p metadesk --lib ipc_error`).
//!
//! Not here: wording a core result for a command (`worded.rs`).

use metadesk_core::i18n::Localizer;
use metadesk_core::{Error, ErrorCode};
use serde::Serialize;
use ts_rs::TS;

/// The error every command returns to the UI: `{ code, message }`. `message` is plain words
/// for the person using the app; details are in the log.
#[derive(Debug, Clone, Serialize, TS)]
pub struct IpcError {
    pub code: ErrorCode,
    pub message: String,
}

impl IpcError {
    /// The error with its message in `l`'s language.
    pub fn localized(err: Error, l: &Localizer) -> Self {
        tracing::warn!(error = ?err, "command failed");
        IpcError {
            code: err.code(),
            message: err.localized(l),
        }
    }
}

// No `From<Error>`: a command words its error with the window's localizer
// (`IpcError::localized`), so a `?` cannot send English to a window in another language.

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use metadesk_core::i18n::{Lang, Localizer};
    use metadesk_core::testing::logged;
    use ts_rs::{Config, TS};

    use super::IpcError;

    #[test]
    fn errors_cross_as_code_and_message_only() {
        let err = metadesk_core::Error::from(metadesk_core::secrets::SecretStoreError::Locked);
        let english = Localizer::english();
        let json = serde_json::to_value(IpcError::localized(err, &english)).unwrap();
        let object = json.as_object().unwrap();
        assert_eq!(object.len(), 2, "{json}");
        assert_eq!(json["code"], "keychain_locked");
        assert!(json["message"].as_str().unwrap().contains("locked"));
    }

    #[test]
    fn an_internal_error_is_told_in_the_readers_language_and_its_detail_only_logged() {
        let detail = "journal record not serialisable: key must be a string";
        let internal = || metadesk_core::Error::Internal(detail.to_owned());
        for lang in Lang::ALL {
            let mut sent = None;
            let log = logged(|| {
                sent = Some(IpcError::localized(internal(), &Localizer::new(lang)));
            });
            let sent = sent.unwrap();
            assert_eq!(sent.code, metadesk_core::ErrorCode::Internal);
            assert!(!sent.message.contains("serialisable"), "{}", sent.message);
            assert!(log.contains(detail), "the log has the detail: {log}");
            let english = internal().localized(&Localizer::english());
            assert_eq!(
                sent.message == english,
                lang == Lang::En,
                "{}",
                sent.message
            );
        }
        let log = logged(|| {
            let sent = IpcError::localized(internal(), &Localizer::english());
            assert_eq!(
                sent.message,
                "Something went wrong inside Metadesk. It is not something you did; the details \
                 are in Metadesk’s log."
            );
        });
        assert!(log.contains(detail), "{log}");
    }

    /// The committed `IpcError.ts` is what ts-rs makes of the type (`ErrorCode.ts`, which it
    /// also writes, is the core's to check).
    #[test]
    fn committed_binding_is_current() {
        let committed =
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/ipc/bindings/IpcError.ts");
        let fresh_dir = tempfile::tempdir().unwrap();
        IpcError::export_all(&Config::new().with_out_dir(fresh_dir.path())).unwrap();
        let fresh = std::fs::read_to_string(fresh_dir.path().join("IpcError.ts")).unwrap();
        if std::env::var_os("METADESK_UPDATE_BINDINGS").is_some() {
            std::fs::write(&committed, &fresh).unwrap();
        }
        let text = std::fs::read_to_string(&committed).unwrap_or_default();
        assert!(
            text == fresh,
            "ui/src/ipc/bindings/IpcError.ts is stale: run `METADESK_UPDATE_BINDINGS=1 cargo test \
             -p metadesk --lib ipc_error` and commit the result"
        );
    }
}
