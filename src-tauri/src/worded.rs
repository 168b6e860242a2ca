//! A core failure as the window receives it, worded in the language the window speaks now
//! ([`Worded`]; core errors have no `Into<IpcError>`, so a `?` cannot send English to a French
//! window).
//!
//! Not here: running blocking work off the UI threads (`blocking.rs`).

use crate::ipc_error::IpcError;
use metadesk_core::Error;

use crate::state::AppState;

/// A core result with its error in the window's language, for a command to return.
pub trait Worded<T> {
    fn worded(self, state: &AppState) -> Result<T, IpcError>;
}

impl<T> Worded<T> for Result<T, Error> {
    fn worded(self, state: &AppState) -> Result<T, IpcError> {
        self.map_err(|e| IpcError::localized(e, &state.localizer()))
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use metadesk_core::app::Workspace;
    use metadesk_core::dirs::AppDirs;
    use metadesk_core::i18n::Lang;
    use metadesk_core::secrets::RunOnlyKeychain;
    use metadesk_core::{Error, ErrorCode};

    use super::Worded;
    use crate::state::AppState;

    /// A command's failure reaches the window in the language it speaks now, switched or not.
    #[test]
    fn a_commands_error_is_worded_in_the_windows_language() {
        let dir = tempfile::tempdir().unwrap();
        let workspace = Workspace::new(
            AppDirs::under(dir.path()),
            Arc::new(RunOnlyKeychain::default()),
        )
        .unwrap();
        let state = AppState::new(workspace);
        let missing = || -> Result<(), Error> {
            Err(Error::message(
                ErrorCode::NotFound,
                "error-no-such-folder",
                vec![("folder", "/content/dam/x".into())],
            ))
        };
        state.set_lang(Lang::Fr);
        let sent = missing().worded(&state).unwrap_err();
        assert_eq!(sent.code, ErrorCode::NotFound);
        assert!(
            sent.message
                .starts_with("Le dossier /content/dam/x n’existe pas"),
            "{}",
            sent.message
        );
        state.set_lang(Lang::En);
        let sent = missing().worded(&state).unwrap_err();
        assert!(
            sent.message.starts_with("The folder /content/dam/x"),
            "{}",
            sent.message
        );
    }
}
