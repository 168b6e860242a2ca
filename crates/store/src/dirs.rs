//! Where Metadesk keeps its files: configuration (connections, no secrets), data (run
//! journals), logs and a cache (thumbnails; anything there may be deleted at any time). The desktop app and the CLI resolve them the same way, so both see the
//! same connections and runs.
//!
//! Development builds use a separate profile (`<identifier>.dev`) for directories *and* keychain
//! entries, so a debug build never overwrites what a release build stored.

use std::path::{Path, PathBuf};

use metadesk_clients::error::{Error, Result};

/// The bundle identifier of release builds (also in `src-tauri/tauri.conf.json`).
pub const APP_IDENTIFIER: &str = "com.metadesk.desktop";

/// The profile name: the identifier, plus `.dev` for debug builds.
pub fn profile_name() -> String {
    if cfg!(debug_assertions) {
        format!("{APP_IDENTIFIER}.dev")
    } else {
        APP_IDENTIFIER.to_string()
    }
}

/// The app's directories.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppDirs {
    pub config: PathBuf,
    pub data: PathBuf,
    pub logs: PathBuf,
    /// Files that can be fetched again (thumbnails): `~/.cache` on Linux, `~/Library/Caches`
    /// on macOS, `%LOCALAPPDATA%` on Windows.
    pub cache: PathBuf,
}

impl AppDirs {
    /// The platform's standard locations for `profile` (XDG on Linux, `~/Library` on macOS,
    /// `%APPDATA%` on Windows). Fails only when the home directory cannot be found.
    pub fn for_profile(profile: &str) -> Result<Self> {
        let missing = || Error::Internal("the home directory could not be found".into());
        let config = ::dirs::config_dir().ok_or_else(missing)?.join(profile);
        let data = ::dirs::data_dir().ok_or_else(missing)?.join(profile);
        let logs = ::dirs::data_local_dir()
            .ok_or_else(missing)?
            .join(profile)
            .join("logs");
        let cache = ::dirs::cache_dir().ok_or_else(missing)?.join(profile);
        Ok(AppDirs {
            config,
            data,
            logs,
            cache,
        })
    }

    /// All of them under one root (tests, portable use).
    pub fn under(root: &Path) -> Self {
        AppDirs {
            config: root.join("config"),
            data: root.join("data"),
            logs: root.join("logs"),
            cache: root.join("cache"),
        }
    }

    /// Creates the directories if they are missing.
    pub fn create_all(&self) -> Result<()> {
        for dir in [&self.config, &self.data, &self.logs] {
            std::fs::create_dir_all(dir).map_err(|e| {
                Error::io_doing(
                    "io-create-folder",
                    vec![("path", dir.display().to_string().into())],
                    e,
                )
            })?;
        }
        Ok(())
    }
}

/// A settings file written by [`write_json_file`], or `None` when there is none or it cannot be
/// read: a setting falls back to its default rather than stopping the app. Why a file that
/// exists cannot be decoded goes to the log; `what` names it there ("the language setting").
pub fn read_settings_file<T: serde::de::DeserializeOwned>(path: &Path, what: &str) -> Option<T> {
    let bytes = std::fs::read(path).ok()?;
    serde_json::from_slice(&bytes)
        .map_err(|e| tracing::warn!(error = %e, "{what} could not be read"))
        .ok()
}

/// Replaces the JSON file `path` (creating its folder) with `value`, through a temporary file
/// in the same folder renamed into place once complete and on disk: a crash or a full disk
/// never leaves a half-written file, nor destroys the one it was to replace. `what` names the
/// contents for the rare encoding error ("saved scopes").
pub fn write_json_file(path: &Path, value: &impl serde::Serialize, what: &str) -> Result<()> {
    let folder = path
        .parent()
        .ok_or_else(|| Error::Internal(format!("{what}: the file has no folder")))?;
    std::fs::create_dir_all(folder).map_err(|e| {
        Error::io_doing(
            "io-create-folder",
            vec![("path", folder.display().to_string().into())],
            e,
        )
    })?;
    let body = serde_json::to_vec_pretty(value)
        .map_err(|e| Error::Internal(format!("{what} could not be encoded: {e}")))?;
    let io = |e| {
        Error::io_doing(
            "io-write",
            vec![("path", path.display().to_string().into())],
            e,
        )
    };
    let mut temp = tempfile::NamedTempFile::new_in(folder).map_err(io)?;
    std::io::Write::write_all(&mut temp, &body).map_err(io)?;
    temp.as_file().sync_all().map_err(io)?;
    temp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_builds_use_their_own_profile() {
        assert!(profile_name().starts_with(APP_IDENTIFIER));
        assert_eq!(profile_name().ends_with(".dev"), cfg!(debug_assertions));
    }

    #[test]
    fn create_all_makes_the_three_folders() {
        let tmp = tempfile::tempdir().unwrap();
        let dirs = AppDirs::under(tmp.path());
        dirs.create_all().unwrap();
        assert!(dirs.config.is_dir() && dirs.data.is_dir() && dirs.logs.is_dir());
    }

    #[test]
    fn a_failed_write_is_told_in_french_with_what_was_being_done() {
        use metadesk_base::i18n::{Lang, Localizer, checks::assert_reads_french};
        let tmp = tempfile::tempdir().unwrap();
        // A file where the folder should be: the folder cannot be made.
        let blocker = tmp.path().join("dossier");
        std::fs::write(&blocker, b"x").unwrap();
        let err = write_json_file(&blocker.join("langue.json"), &1, "a test").unwrap_err();
        let fr = Localizer::new(Lang::Fr);
        let said = err.localized(&fr);
        assert_reads_french(&said);
        assert_eq!(
            said,
            format!(
                "impossible de créer le dossier {}\u{a0}: un fichier ou un dossier de ce nom \
                 existe déjà",
                blocker.display()
            )
        );
        // The log keeps English.
        assert!(
            err.to_string().starts_with("could not create the folder "),
            "{err}"
        );

        let missing = Error::io_doing(
            "io-read",
            vec![("path", "/x/connexions.json".into())],
            std::io::Error::from(std::io::ErrorKind::PermissionDenied),
        );
        assert_eq!(
            missing.localized(&fr),
            "impossible de lire /x/connexions.json\u{a0}: permission refusée"
        );
    }
}
