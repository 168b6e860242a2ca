//! A catalogue message with its arguments, built where a failure or a reason is known and
//! written in a language only when a face shows it.

use super::{Localizer, arg, count};

/// A catalogue message with its arguments, kept unformatted until a face knows the language.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub id: &'static str,
    pub args: Vec<(&'static str, MessageArg)>,
}

/// One argument of a [`Message`].
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

impl Message {
    pub fn localized(&self, l: &Localizer) -> String {
        let args: Vec<_> = self
            .args
            .iter()
            .map(|(name, value)| {
                let value = match value {
                    MessageArg::Text(s) => arg(s.as_str()),
                    MessageArg::Number(n) => count(*n),
                };
                (*name, value)
            })
            .collect();
        l.msg(self.id, &args)
    }
}
