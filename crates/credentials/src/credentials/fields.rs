//! Reading named fields out of a JSON object while collecting every problem, so a refusal can
//! list all of them at once ("the file has no private key (integration.privateKey)").
//!
//! Not here: what a field must contain beyond "present and text" (the per-kind modules check).

use serde_json::{Map, Value};

use metadesk_base::i18n::{Part, Text};

/// The problems found so far, in the order they were found.
#[derive(Default)]
pub struct Problems(pub Vec<Text>);

impl Problems {
    pub fn push(&mut self, problem: Text) {
        self.0.push(problem);
    }

    /// The refusal `id` (a `refusal-…` message) with `args`.
    pub fn add(&mut self, id: &'static str, args: Vec<(&'static str, Part)>) {
        self.0.push(Text::new(id, args));
    }

    /// The problem `id` about the field `field` (a `credential-field` key) at `path`.
    pub fn field(&mut self, id: &'static str, field: &'static str, path: &str) {
        self.add(id, vec![("field", field.into()), ("path", path.into())]);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A JSON object and its path in the file (`integration.technicalAccount`).
pub struct Fields<'a> {
    map: Option<&'a Map<String, Value>>,
    path: String,
}

impl<'a> Fields<'a> {
    pub fn root(map: &'a Map<String, Value>) -> Self {
        Self::at(map, "")
    }

    /// An object found at `path` in the file (messages name fields as `path.key`).
    pub fn at(map: &'a Map<String, Value>, path: &str) -> Self {
        Fields {
            map: Some(map),
            path: path.to_string(),
        }
    }

    fn path_of(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    /// The nested object `key`. When it is missing, every read through it reports the full
    /// path of the missing field, so one missing wrapper does not hide the rest.
    pub fn object(&self, key: &str, problems: &mut Problems) -> Fields<'a> {
        let path = self.path_of(key);
        let map = match self.map.and_then(|m| m.get(key)) {
            Some(Value::Object(inner)) => Some(inner),
            Some(_) => {
                problems.add(
                    "refusal-field-not-group",
                    vec![("path", path.as_str().into())],
                );
                None
            }
            None => None,
        };
        Fields { map, path }
    }

    /// The raw value of `key`, if any.
    pub fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.and_then(|m| m.get(key))
    }

    /// A required, non-empty text field. `field` names it (a `credential-field` key: "client-secret").
    pub fn text(&self, key: &str, field: &'static str, problems: &mut Problems) -> Option<String> {
        let path = self.path_of(key);
        match self.get(key) {
            None | Some(Value::Null) => {
                problems.field("refusal-field-missing", field, &path);
                None
            }
            Some(Value::String(s)) if s.trim().is_empty() => {
                problems.field("refusal-field-empty", field, &path);
                None
            }
            Some(Value::String(s)) => Some(s.trim().to_string()),
            Some(_) => {
                problems.field("refusal-field-not-text", field, &path);
                None
            }
        }
    }

    /// An optional text field: absent or empty is `None`; a wrong type is a problem.
    pub fn optional_text(
        &self,
        key: &str,
        field: &'static str,
        problems: &mut Problems,
    ) -> Option<String> {
        match self.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if s.trim().is_empty() => None,
            Some(_) => self.text(key, field, problems),
        }
    }

    /// A list of words given as a JSON array of text or as one comma-separated text (both
    /// appear in Adobe's files), trimmed, without empty items.
    pub fn word_list(
        &self,
        key: &str,
        field: &'static str,
        problems: &mut Problems,
    ) -> Vec<String> {
        let path = self.path_of(key);
        let items: Vec<String> = match self.get(key) {
            None | Some(Value::Null) => {
                problems.field("refusal-field-missing", field, &path);
                return Vec::new();
            }
            Some(Value::String(s)) => s.split(',').map(str::to_string).collect(),
            Some(Value::Array(values)) => {
                let mut items = Vec::new();
                for value in values {
                    match value {
                        Value::String(s) => items.extend(s.split(',').map(str::to_string)),
                        _ => {
                            problems.field("refusal-field-not-text", field, &path);
                            return Vec::new();
                        }
                    }
                }
                items
            }
            Some(_) => {
                problems.field("refusal-field-not-text", field, &path);
                return Vec::new();
            }
        };
        let words: Vec<String> = items
            .iter()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
        if words.is_empty() {
            problems.field("refusal-field-empty", field, &path);
        }
        words
    }

    pub fn path(&self, key: &str) -> String {
        self.path_of(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn names_every_problem_with_its_path() {
        let value = json!({"a": {"x": "", "y": 3, "s": " one , ,two "}, "b": 1});
        let map = value.as_object().unwrap();
        let mut problems = Problems::default();
        let root = Fields::root(map);
        let a = root.object("a", &mut problems);
        assert_eq!(a.text("x", "client-secret", &mut problems), None);
        assert_eq!(a.text("y", "org", &mut problems), None);
        assert_eq!(a.text("z", "private-key", &mut problems), None);
        assert_eq!(a.word_list("s", "scopes", &mut problems), ["one", "two"]);
        let b = root.object("b", &mut problems);
        assert_eq!(b.text("c", "id", &mut problems), None);
        let missing = root.object("nope", &mut problems);
        assert_eq!(missing.text("q", "email", &mut problems), None);
        assert_eq!(
            problems.0,
            [
                "The client secret (a.x) is empty.",
                "The org (a.y) should be text but is not.",
                "The file has no private key (a.z).",
                "The field b should be a group of fields but is not.",
                "The file has no id (b.c).",
                "The file has no email (nope.q).",
            ]
        );
    }
}
