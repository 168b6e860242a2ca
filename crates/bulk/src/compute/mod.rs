//! The mechanisms of edits that compute a value from what is there: find and replace,
//! templates, file names, case and spaces, dates; applied to every text of a single- or
//! multi-value property. Pure: no I/O.
//!
//! Not here: which rule an edit is and its words (`spec.rs`), reading or writing AEM.

pub mod dates;
pub mod markup;
pub mod tags;
pub mod template;
pub mod text;

use std::collections::HashMap;

use regex::Regex;
use serde_json::{Map, Value};

pub use text::{Case, Matching, PatternError};

/// What a rule may read of the asset it computes for.
#[derive(Debug, Clone, Copy)]
pub struct Asset<'a> {
    /// `/content/dam/…/name.jpg`.
    pub path: &'a str,
    /// The asset's metadata as read (the edited properties and those the rules name).
    pub metadata: &'a Map<String, Value>,
}

impl Asset<'_> {
    /// A template field's value: an asset field (`name`, `folder`…) or a property's text (a
    /// multi-value property's values joined with ", "); `None` when the asset has none.
    pub fn field(&self, field: &str) -> Option<String> {
        if let Some(value) = template::asset_field(self.path, field) {
            return Some(value);
        }
        let text = |v: &Value| match v {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        match self.metadata.get(field)? {
            Value::Null => None,
            Value::Array(items) if items.is_empty() => None,
            Value::Array(items) => Some(items.iter().map(text).collect::<Vec<_>>().join(", ")),
            Value::String(s) if s.is_empty() => None,
            other => Some(text(other)),
        }
    }
}

/// The regular expressions of a run's rules, compiled once for all its assets.
#[derive(Debug, Default)]
pub struct Regexes(HashMap<(String, Matching), Regex>);

impl Regexes {
    /// Compiles each `(pattern, matching)` that reads (the rest are refused when the run's
    /// edits are checked).
    pub fn new<'a>(patterns: impl IntoIterator<Item = (&'a str, Matching)>) -> Self {
        let mut map = HashMap::new();
        for (pattern, matching) in patterns {
            if let Ok(Some(re)) = text::finder(pattern, matching) {
                map.insert((pattern.to_owned(), matching), re);
            }
        }
        Regexes(map)
    }

    /// The compiled expression of `pattern`, compiled now if it was not (a sheet's own rules).
    /// `Ok(None)` when a plain search needs none.
    pub fn get(
        &self,
        pattern: &str,
        matching: Matching,
    ) -> Result<Option<std::borrow::Cow<'_, Regex>>, PatternError> {
        match self.0.get(&(pattern.to_owned(), matching)) {
            Some(re) => Ok(Some(std::borrow::Cow::Borrowed(re))),
            None => Ok(text::finder(pattern, matching)?.map(std::borrow::Cow::Owned)),
        }
    }
}

/// `value` with `f` applied to each of its texts (a single value, or each of a list's); other
/// values (numbers, booleans) are kept. A text that becomes empty is dropped, and the property
/// with it when nothing is left. `f`'s first error is the result.
pub fn each_text<E>(
    value: Option<&Value>,
    mut f: impl FnMut(&str) -> Result<String, E>,
) -> Result<Option<Value>, E> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => {
            let after = f(s)?;
            Ok((!after.is_empty()).then_some(Value::String(after)))
        }
        Some(Value::Array(items)) => {
            let mut out = Vec::with_capacity(items.len());
            for item in items {
                match item {
                    Value::String(s) => {
                        let after = f(s)?;
                        if !after.is_empty() {
                            out.push(Value::String(after));
                        }
                    }
                    other => out.push(other.clone()),
                }
            }
            Ok((!out.is_empty()).then_some(Value::Array(out)))
        }
        Some(other) => Ok(Some(other.clone())),
    }
}

#[cfg(test)]
mod tests;
