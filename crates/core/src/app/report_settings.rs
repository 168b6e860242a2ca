//! The window's choice for exported report CSVs — column headers in the reader's language or
//! the machine-readable keys — kept in the app's data folder (`report-settings.json`) so it
//! survives a restart, as the language does. The CLI asks for them per export
//! (`runs show --csv FILE --localized-headers`) instead.
//!
//! Not here: the headers themselves (`bulk::runs`), the language (`language`).
//!
//! The use case in full (ARCHITECTURE.md points here): report CSV headers in words or machine keys
//! (the window's saved choice). Here: `report_settings.rs`. The layers below: `bulk/runs.rs`
//! (report CSV). The window: `commands/app.rs`. The CLI: (`runs show --csv FILE
//! --localized-headers`, per export).

use serde::{Deserialize, Serialize};

use metadesk_clients::error::Result;

/// What the file holds. Every field has a default, so a file written by an older or newer
/// Metadesk (a field missing, another added) still gives its choices.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct Stored {
    localized_headers: bool,
}

// Headers in words unless the user chose machine keys: a person opens the report in a
// spreadsheet; a script is given the keys by the CLI.
impl Default for Stored {
    fn default() -> Self {
        Stored {
            localized_headers: true,
        }
    }
}

const FILE: &str = "report-settings.json";

impl super::Workspace {
    /// Whether exported reports have headers in the user's language: yes unless the user chose
    /// machine-readable keys (no file, or one that cannot be read, means words; the reason goes
    /// to the log).
    pub fn localized_csv_headers(&self) -> bool {
        metadesk_store::dirs::read_settings_file::<Stored>(
            &self.dirs.data.join(FILE),
            "the report settings",
        )
        .is_none_or(|s| s.localized_headers)
    }

    /// Keeps `localized` for the next exports and the next start; returns it as saved.
    pub fn set_localized_csv_headers(&self, localized: bool) -> Result<bool> {
        metadesk_store::dirs::write_json_file(
            &self.dirs.data.join(FILE),
            &Stored {
                localized_headers: localized,
            },
            "the report settings",
        )?;
        Ok(localized)
    }
}

#[cfg(test)]
mod tests {
    use super::super::Workspace;
    use super::FILE;

    fn workspace(dir: &std::path::Path) -> Workspace {
        Workspace::new(
            metadesk_store::dirs::AppDirs::under(dir),
            std::sync::Arc::new(metadesk_credentials::secrets::RunOnlyKeychain::default()),
        )
        .unwrap()
    }

    #[test]
    fn report_settings_keep_the_headers_choice_across_a_restart() {
        let dir = tempfile::tempdir().unwrap();
        let ws = workspace(dir.path());
        assert!(ws.localized_csv_headers(), "words by default");
        assert!(!ws.set_localized_csv_headers(false).unwrap());
        drop(ws);
        // A new start reads it back.
        let ws = workspace(dir.path());
        assert!(!ws.localized_csv_headers());
        assert!(ws.set_localized_csv_headers(true).unwrap());
        assert!(workspace(dir.path()).localized_csv_headers());
    }

    #[test]
    fn report_settings_from_a_bad_or_other_version_file_still_load() {
        let dir = tempfile::tempdir().unwrap();
        let ws = workspace(dir.path());
        let file = ws.dirs.data.join(FILE);
        std::fs::create_dir_all(&ws.dirs.data).unwrap();
        for (contents, expected) in [
            // Damaged: words, as if nothing had been chosen.
            (&b"{\"localizedHeaders\": tr"[..], true),
            (b"", true),
            (b"[1, 2]", true),
            (b"{\"localizedHeaders\": \"yes\"}", true),
            // An older file without the field, and a newer one with more.
            (b"{}", true),
            (
                b"{\"localizedHeaders\": false, \"csvSeparator\": \";\"}",
                false,
            ),
        ] {
            std::fs::write(&file, contents).unwrap();
            assert_eq!(
                ws.localized_csv_headers(),
                expected,
                "{}",
                String::from_utf8_lossy(contents)
            );
        }
        // Saving over a damaged file replaces it with a good one.
        std::fs::write(&file, b"garbage").unwrap();
        ws.set_localized_csv_headers(false).unwrap();
        assert!(!ws.localized_csv_headers());
        // The language setting is its own file, untouched.
        assert!(!ws.dirs.data.join("language.json").exists());
    }

    #[test]
    fn report_settings_that_cannot_be_saved_say_so() {
        let dir = tempfile::tempdir().unwrap();
        let ws = workspace(dir.path());
        ws.set_localized_csv_headers(true).unwrap();
        let file = ws.dirs.data.join(FILE);
        // The file's place taken by a folder: the save fails (even as root) and says so.
        std::fs::remove_file(&file).unwrap();
        std::fs::create_dir(&file).unwrap();
        let err = ws.set_localized_csv_headers(false).unwrap_err();
        assert_eq!(err.code(), metadesk_base::error_code::ErrorCode::Io);
        assert!(file.is_dir());
    }
}
