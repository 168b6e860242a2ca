//! Words kept as data, in a run's journal or the console's history: a catalogue id with its
//! arguments as JSON, written in a language only when a face shows them.
//!
//! Not here: words built in code to be shown now ([`Text`], whose arguments may be dates and
//! lengths of time, and whose id is always one of the catalogue's).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::{Localizer, Text, arg, count};

/// Words as a file keeps them. Files written before words had ids hold plain English text:
/// read as [`SavedText::Plain`] and shown as they are.
///
/// An argument is a string, a number, other saved words (an object: a clause with words of its
/// own, such as who to ask for access) or a list of them (clauses joined with "; ").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum SavedText {
    Coded {
        /// The catalogue id. The console's history wrote it as `id` before it shared this type
        /// with the journal.
        #[serde(alias = "id")]
        code: String,
        #[serde(default, skip_serializing_if = "Map::is_empty")]
        args: Map<String, Value>,
    },
    Plain(String),
}

impl SavedText {
    /// The catalogue message `code` with `args`.
    pub fn new(code: &str, args: impl IntoIterator<Item = (&'static str, Value)>) -> Self {
        SavedText::Coded {
            code: code.to_owned(),
            args: args
                .into_iter()
                .map(|(name, value)| (name.to_owned(), value))
                .collect(),
        }
    }

    /// Its catalogue id (none for an old file's text).
    pub fn code(&self) -> Option<&str> {
        match self {
            SavedText::Coded { code, .. } => Some(code),
            SavedText::Plain(_) => None,
        }
    }

    /// The words in `l`'s language; an old file's text as it is.
    pub fn localized(&self, l: &Localizer) -> String {
        match self {
            SavedText::Plain(text) => text.clone(),
            SavedText::Coded { code, args } => {
                let words: Vec<(&str, _)> = args
                    .iter()
                    .map(|(name, value)| {
                        let value = match value {
                            Value::Number(n) => count(n.as_f64().unwrap_or_default()),
                            Value::String(s) => arg(s.as_str()),
                            Value::Array(items) => arg(items
                                .iter()
                                .map(|item| SavedText::arg_words(item, l))
                                .collect::<Vec<_>>()
                                .join("; ")),
                            other => arg(SavedText::arg_words(other, l)),
                        };
                        (name.as_str(), value)
                    })
                    .collect();
                l.msg(code, &words)
            }
        }
    }

    /// Replaces the words by themselves in `l`'s language: what the window is sent (it shows
    /// core words as text, like errors).
    pub fn localize(&mut self, l: &Localizer) {
        if let SavedText::Coded { .. } = self {
            *self = SavedText::Plain(self.localized(l));
        }
    }

    /// As an argument of other saved words.
    pub fn into_arg(self) -> Value {
        serde_json::to_value(self).unwrap_or_default()
    }

    /// An argument's words in `l`'s language: saved words worded, any other value as JSON text.
    pub fn arg_words(value: &Value, l: &Localizer) -> String {
        match serde_json::from_value::<SavedText>(value.clone()) {
            Ok(words) => words.localized(l),
            Err(_) => value.to_string(),
        }
    }
}

impl From<&Text> for SavedText {
    /// Catalogue words by their id, other messages among their arguments nested; words
    /// already written as they are.
    fn from(text: &Text) -> Self {
        match text.to_data(&|nested| SavedText::from(nested).into_arg()) {
            Some((id, args)) => SavedText::new(id, args),
            None => SavedText::Plain(text.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::i18n::Lang;

    /// A run's journal and the console's history wrote their words in two shapes before they
    /// shared this type; both still read, and old plain text stays as it was.
    #[test]
    fn reads_the_journals_and_the_historys_old_shapes() {
        let journal: SavedText = serde_json::from_value(
            json!({"code": "console-outcome-status", "args": {"status": "200"}}),
        )
        .unwrap();
        let history: SavedText = serde_json::from_value(
            json!({"id": "console-outcome-status", "args": {"status": "200"}}),
        )
        .unwrap();
        assert_eq!(journal, history);
        assert_eq!(history.code(), Some("console-outcome-status"));
        let old: SavedText = serde_json::from_value(json!("Forbidden: ask your admin")).unwrap();
        let fr = Localizer::new(Lang::Fr);
        assert_eq!(old.localized(&fr), "Forbidden: ask your admin");
        assert_eq!(
            history.localized(&Localizer::english()),
            journal.localized(&Localizer::english())
        );
    }

    #[test]
    fn nested_words_and_lists_are_worded_in_the_readers_language() {
        let inner = SavedText::new("console-outcome-status", [("status", "404".into())]);
        let outer = SavedText::new(
            "console-outcome-failed",
            [("error", inner.clone().into_arg())],
        );
        let back: SavedText =
            serde_json::from_value(serde_json::to_value(&outer).unwrap()).unwrap();
        assert_eq!(back, outer);
        let en = Localizer::english();
        assert!(
            outer.localized(&en).contains(&inner.localized(&en)),
            "{}",
            outer.localized(&en)
        );
        let mut shown = outer.clone();
        shown.localize(&en);
        assert_eq!(shown, SavedText::Plain(outer.localized(&en)));
    }

    #[test]
    fn text_is_saved_by_its_id_and_plain_words_as_they_are() {
        let text = Text::new("console-outcome-status", vec![("status", "200".into())]);
        assert_eq!(
            SavedText::from(&text),
            SavedText::new("console-outcome-status", [("status", "200".into())])
        );
        assert_eq!(
            SavedText::from(&Text::Plain("as typed".into())),
            SavedText::Plain("as typed".into())
        );
    }
}
