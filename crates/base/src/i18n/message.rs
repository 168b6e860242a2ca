//! [`Text`]: a catalogue message with its arguments, built in code where a failure or a fact
//! is known and written in a language only when a face shows it.
//!
//! Not here: words kept in a file (`saved`'s [`super::SavedText`], whose arguments are JSON).

use serde::{Serialize, Serializer};

use super::{Localizer, arg, count};

/// One plain argument of a [`Text`]: words or a number.
#[derive(Debug, Clone, PartialEq)]
pub enum MessageArg {
    Text(String),
    Number(f64),
}

impl From<&str> for MessageArg {
    fn from(s: &str) -> Self {
        MessageArg::Text(s.to_string())
    }
}

impl From<String> for MessageArg {
    fn from(s: String) -> Self {
        MessageArg::Text(s)
    }
}

impl From<f64> for MessageArg {
    fn from(n: f64) -> Self {
        MessageArg::Number(n)
    }
}

/// Words to show: a catalogue message (an error, a refusal, an import preview) until a face
/// calls [`Text::localized`] or [`Text::localize`] with the reader's language. Its arguments
/// may be plain values, dates, lengths of time and other texts, written in the reader's
/// language too. Serialized as a string — English, should a face send it without localizing
/// it first.
#[derive(Debug, Clone, PartialEq)]
pub enum Text {
    Message {
        id: &'static str,
        args: Vec<(&'static str, Part)>,
    },
    /// Words already in their language (after `localize`), or a user's own words.
    Plain(String),
}

/// One argument of a [`Text`].
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    Arg(MessageArg),
    /// A day ("4 Feb 2026", "4 févr. 2026").
    Date(time::OffsetDateTime),
    /// A point in time ("4 Feb 2026, 09:05 UTC").
    DateTime(time::OffsetDateTime),
    /// A length of time in words ("3 h 20 min", "2 days").
    Duration(time::Duration),
    /// Other texts, one after the other.
    Texts(Vec<Text>),
    /// Other texts as a list ("client id, private key").
    List(Vec<Text>),
}

impl Part {
    /// The part as words in `l`'s language (a number as the language writes it).
    pub fn words(&self, l: &Localizer) -> String {
        match self {
            Part::Arg(MessageArg::Text(s)) => s.clone(),
            Part::Arg(MessageArg::Number(n)) => l.number(*n, 0),
            Part::Date(at) => l.date(*at),
            Part::DateTime(at) => l.datetime(*at),
            Part::Duration(length) => l.duration(*length),
            Part::Texts(texts) => Text::join(texts, l),
            Part::List(texts) => texts
                .iter()
                .map(|t| t.localized(l))
                .collect::<Vec<_>>()
                .join(", "),
        }
    }
}

impl<T: Into<MessageArg>> From<T> for Part {
    fn from(value: T) -> Self {
        Part::Arg(value.into())
    }
}

impl From<Text> for Part {
    fn from(text: Text) -> Self {
        Part::Texts(vec![text])
    }
}

impl From<Vec<Text>> for Part {
    fn from(texts: Vec<Text>) -> Self {
        Part::Texts(texts)
    }
}

impl Text {
    /// The message `id` with `args`.
    pub fn new(id: &'static str, args: Vec<(&'static str, Part)>) -> Self {
        Text::Message { id, args }
    }

    /// The message `id`, which takes no argument.
    pub fn plain(id: &'static str) -> Self {
        Text::new(id, Vec::new())
    }

    pub fn localized(&self, l: &Localizer) -> String {
        match self {
            Text::Plain(text) => text.clone(),
            Text::Message { id, args } => {
                let args: Vec<_> = args
                    .iter()
                    .map(|(name, part)| {
                        let value = match part {
                            Part::Arg(MessageArg::Text(s)) => arg(s.as_str()),
                            Part::Arg(MessageArg::Number(n)) => count(*n),
                            other => arg(other.words(l)),
                        };
                        (*name, value)
                    })
                    .collect();
                l.msg(id, &args)
            }
        }
    }

    /// Several texts as one, each in `l`'s language, separated by a space.
    pub fn join(texts: &[Text], l: &Localizer) -> String {
        texts
            .iter()
            .map(|t| t.localized(l))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Replaces the message by its words in `l`'s language.
    pub fn localize(&mut self, l: &Localizer) {
        if let Text::Message { .. } = self {
            *self = Text::Plain(self.localized(l));
        }
    }

    /// Each text of `texts` in `l`'s language.
    pub fn localize_all(texts: &mut [Text], l: &Localizer) {
        for text in texts {
            text.localize(l);
        }
    }

    /// The words as data to keep (a run's journal, the console's history): the id with its
    /// arguments as JSON values, each other message among them made a value by `nest` (the
    /// keeper's own form of a message). Dates, lengths of time and lists, which such data does
    /// not hold, are kept as English words. `None` for words already written.
    pub fn to_data(
        &self,
        nest: &dyn Fn(&Text) -> serde_json::Value,
    ) -> Option<(&'static str, Vec<(&'static str, serde_json::Value)>)> {
        use serde_json::Value;
        let Text::Message { id, args } = self else {
            return None;
        };
        let english = Localizer::english();
        let args = args
            .iter()
            .map(|(name, part)| {
                let value = match part {
                    Part::Arg(MessageArg::Text(s)) => Value::from(s.as_str()),
                    // Whole numbers stay whole ("403", not "403.0").
                    Part::Arg(MessageArg::Number(n)) if n.fract() == 0.0 && n.abs() < 1e15 => {
                        Value::from(*n as i64)
                    }
                    Part::Arg(MessageArg::Number(n)) => Value::from(*n),
                    Part::Texts(texts) if texts.is_empty() => Value::from(""),
                    Part::Texts(texts) if texts.len() == 1 => nest(&texts[0]),
                    other => Value::from(other.words(&english)),
                };
                (*name, value)
            })
            .collect();
        Some((id, args))
    }

    /// The catalogue id, while the words are not yet written (tests, the CLI's branching).
    pub fn id(&self) -> Option<&'static str> {
        match self {
            Text::Message { id, .. } => Some(id),
            Text::Plain(_) => None,
        }
    }
}

/// Its numbers are counts and sizes, never NaN, so equality is an equivalence (error types
/// that hold a `Text` compare with `Eq`).
impl Eq for Text {}

/// Free words: a user's own, or technical words from a library (an HTTP client's, a parser's),
/// shown as they are in every language.
impl From<String> for Text {
    fn from(words: String) -> Self {
        Text::Plain(words)
    }
}

impl From<&str> for Text {
    fn from(words: &str) -> Self {
        Text::Plain(words.to_owned())
    }
}

impl std::fmt::Display for Text {
    /// English (the log's words).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Text::Plain(text) => f.write_str(text),
            Text::Message { .. } => f.write_str(&self.localized(&Localizer::english())),
        }
    }
}

/// Compares the English words (tests, and checks against known English text).
impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.to_string().as_str() == *other
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.to_string().as_str() == other
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if let Some(id) = self.id() {
            tracing::debug!(id, "words sent without localizing: English");
        }
        serializer.collect_str(self)
    }
}
