//! The user's language: the message catalogue (`locales/<lang>/*.ftl` at the top of the
//! repository, Fluent syntax, shared with the window's UI), a [`Localizer`] that builds messages
//! from ids and arguments with English as the fallback for any missing message, the OS locale
//! ([`system_lang`]), and numbers, dates and durations written for the language.
//!
//! Crate choice: `fluent-bundle` + `unic-langid` (Project Fluent's reference implementation, with
//! CLDR plural rules) rather than `fluent-templates`, whose loaders are process-wide statics;
//! here each face holds its own `Localizer` in its state. `num-format` gives each locale's
//! digit grouping and decimal separator; `sys-locale` reads the OS setting.
//!
//! Not here: where the chosen language is stored (`app::language`), nor any message text.

mod catalogue;
#[cfg(any(test, feature = "test-support"))]
pub mod checks;
mod format;
mod message;
mod saved;
#[cfg(test)]
mod tests;

use std::sync::Arc;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use catalogue::{CATALOGUE, Catalogue};
pub use message::{MessageArg, Part, Text};
pub use saved::SavedText;

/// A language Metadesk has a catalogue for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Fr,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    /// The BCP 47 tag (`en`, `fr`).
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// The language of a locale name as the OS gives it (`fr_FR.UTF-8`, `fr-CA`, `en-US`,
    /// `C`); `None` when Metadesk has no catalogue for it.
    pub fn from_locale(locale: &str) -> Option<Lang> {
        let language = locale
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match language.as_str() {
            "en" => Some(Lang::En),
            "fr" => Some(Lang::Fr),
            _ => None,
        }
    }
}

/// The OS's language, English when it is one Metadesk has no catalogue for.
///
/// By OS (documented semantics): on Linux and other Unix systems the POSIX variables decide, in
/// their order of precedence `LC_ALL`, `LC_MESSAGES`, `LANG` (an empty one is skipped); on macOS
/// and Windows `sys-locale` asks the OS for the user's preferred language (CFLocale's preferred
/// languages, `GetUserPreferredUILanguages`), which is what the system settings show.
pub fn system_lang() -> Lang {
    #[cfg(all(unix, not(target_os = "macos")))]
    let from_env = posix_locale(|name| std::env::var(name).ok());
    #[cfg(not(all(unix, not(target_os = "macos"))))]
    let from_env: Option<String> = None;
    from_env
        .or_else(sys_locale::get_locale)
        .and_then(|locale| Lang::from_locale(&locale))
        .unwrap_or(Lang::En)
}

/// The POSIX locale for messages: the first non-empty of `LC_ALL`, `LC_MESSAGES`, `LANG`.
pub fn posix_locale(var: impl Fn(&str) -> Option<String>) -> Option<String> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(var)
        .find(|value| !value.is_empty())
}

/// Messages and formats in one language, English for whatever that language's catalogue lacks.
/// Cheap to build: each language's catalogue is parsed once per process and shared.
pub struct Localizer {
    lang: Lang,
    bundle: Arc<FluentBundle<FluentResource>>,
    english: Option<Arc<FluentBundle<FluentResource>>>,
}

impl std::fmt::Debug for Localizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Localizer")
            .field("lang", &self.lang)
            .finish()
    }
}

/// Arguments of a message, by name.
pub type Args<'a> = [(&'a str, FluentValue<'a>)];

impl Localizer {
    /// The localizer for `lang` over the built-in catalogue.
    pub fn new(lang: Lang) -> Self {
        Self::over(&CATALOGUE, lang)
    }

    /// English (tests, and the log's words).
    pub fn english() -> Self {
        Self::new(Lang::En)
    }

    /// The localizer for `lang` over `catalogue` (tests give a partial one).
    pub fn over(catalogue: &Catalogue, lang: Lang) -> Self {
        let english = (lang != Lang::En).then(|| catalogue.bundle(Lang::En));
        Localizer {
            lang,
            bundle: catalogue.bundle(lang),
            english,
        }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The message `id` with `args`; the English one when this language lacks it, the id itself
    /// when no catalogue has it (a bug the catalogue tests catch, never a panic).
    pub fn msg(&self, id: &str, args: &Args) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        for bundle in std::iter::once(&self.bundle).chain(self.english.as_ref()) {
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
                if !errors.is_empty() {
                    tracing::warn!(id, ?errors, "a message could not be fully formatted");
                }
                return text.into_owned();
            }
        }
        tracing::error!(id, "a message is missing from every catalogue");
        id.to_string()
    }

    /// The message `id` (without arguments) when some catalogue has it.
    pub fn find(&self, id: &str) -> Option<String> {
        let known = std::iter::once(&self.bundle)
            .chain(self.english.as_ref())
            .any(|bundle| bundle.has_message(id));
        known.then(|| self.text(id))
    }

    /// A message without arguments.
    pub fn text(&self, id: &str) -> String {
        self.msg(id, &[])
    }
}

/// A count as a Fluent argument (for plural selection), formatted by the bundle's formatter.
pub fn count(n: impl Into<f64>) -> FluentValue<'static> {
    FluentValue::from(n.into())
}

/// A text argument.
pub fn arg<'a>(s: impl Into<std::borrow::Cow<'a, str>>) -> FluentValue<'a> {
    FluentValue::String(s.into())
}

/// `text` with each control character written as an escape (`\t`, `\n`, `\u{7f}`), for a
/// message naming text that holds one: the words show where it is instead of breaking the line.
pub fn controls_shown(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}
