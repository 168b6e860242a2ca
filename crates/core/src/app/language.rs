//! The window's language: the user's choice, kept in the app's data folder
//! (`language.json`), or the OS's language when there is none. The CLI follows the
//! environment (`LANG`/`LC_ALL`, the OS setting) instead, as terminal programs do.
//!
//! Not here: the messages and formats (`i18n`).
//!
//! The use case in full (ARCHITECTURE.md points here): the window's language (saved choice, else
//! the OS's). Here: `language.rs`. The layers below: `base::i18n`. The window: `commands/app.rs`.
//! The CLI: (the CLI follows `LANG`/`LC_ALL` or the OS setting).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use metadesk_base::i18n::{Lang, system_lang};
use metadesk_clients::error::Result;

/// What the settings show: the choice (none: follow the system), the system's language, and
/// the one in effect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LanguageSettings {
    pub chosen: Option<Lang>,
    pub system: Lang,
    pub effective: Lang,
}

#[derive(Serialize, Deserialize)]
struct Stored {
    language: Option<Lang>,
}

const FILE: &str = "language.json";

impl super::Workspace {
    /// The language settings; a missing or unreadable file means "follow the system" (the
    /// reason of an unreadable one goes to the log).
    pub fn language_settings(&self) -> LanguageSettings {
        let stored: Option<Stored> = metadesk_store::dirs::read_settings_file(
            &self.dirs.data.join(FILE),
            "the language setting",
        );
        settings(stored.and_then(|s| s.language))
    }

    /// Keeps `chosen` (none: follow the system) for the next start, and returns the settings.
    pub fn set_language(&self, chosen: Option<Lang>) -> Result<LanguageSettings> {
        metadesk_store::dirs::write_json_file(
            &self.dirs.data.join(FILE),
            &Stored { language: chosen },
            "the language setting",
        )?;
        Ok(settings(chosen))
    }
}

fn settings(chosen: Option<Lang>) -> LanguageSettings {
    let system = system_lang();
    LanguageSettings {
        chosen,
        system,
        effective: chosen.unwrap_or(system),
    }
}
