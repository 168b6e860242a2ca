//! The shape of an answer, never its values: keys and JSON types, list lengths, and the
//! differences between what AEM answered and what Metadesk reads. A field report holds these
//! instead of bodies, so it can be sent to support without a title, a name or a token in it.
//!
//! Keys a node's children are named by (an asset's name, a folder's, a tag's) are values too:
//! an object-valued key the expectation does not name, and not namespaced, is folded into one
//! `{name}` key.
//!
//! Not here: the reads themselves (`probes.rs`), running them (`mod.rs`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// What stands for the keys a node's children are named by.
pub const NAME_KEY: &str = "{name}";

/// Items of a list whose shapes are merged into the list's item shape.
const ITEMS_READ: usize = 5;

/// Nesting followed; deeper objects are recorded as objects without keys.
const DEPTH: usize = 8;

/// The JSON shape of a value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Shape {
    Null,
    Boolean,
    Number,
    String,
    List {
        length: usize,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        item: Option<Box<Shape>>,
    },
    Object {
        keys: BTreeMap<String, Shape>,
    },
}

impl Shape {
    /// The shape of `value`; object-valued keys that `expected` does not name are folded into
    /// [`NAME_KEY`].
    pub fn of(value: &Value, expected: &Value) -> Shape {
        shape_at(value, expected, 0)
    }

    /// The type's name as the report's words say it.
    pub fn kind(&self) -> &'static str {
        match self {
            Shape::Null => "null",
            Shape::Boolean => "boolean",
            Shape::Number => "number",
            Shape::String => "string",
            Shape::List { .. } => "list",
            Shape::Object { .. } => "object",
        }
    }
}

fn shape_at(value: &Value, expected: &Value, depth: usize) -> Shape {
    match value {
        Value::Null => Shape::Null,
        Value::Bool(_) => Shape::Boolean,
        Value::Number(_) => Shape::Number,
        Value::String(_) => Shape::String,
        Value::Array(items) => {
            let expected_item = expected.get(0).unwrap_or(&Value::Null);
            let item = items
                .iter()
                .take(ITEMS_READ)
                .map(|i| shape_at(i, expected_item, depth + 1))
                .reduce(merged);
            Shape::List {
                length: items.len(),
                item: item.map(Box::new),
            }
        }
        Value::Object(map) => {
            let mut keys = BTreeMap::new();
            if depth < DEPTH {
                for (key, v) in map {
                    let wanted = expected_key(expected, key);
                    // AEM refuses `:` in the names of assets and folders, so a namespaced key
                    // (`jcr:content`, `dam:…`) is one of the repository's, never a name.
                    let named = wanted.is_none() && v.is_object() && !key.contains(':');
                    let shape = shape_at(v, wanted.unwrap_or(&Value::Null), depth + 1);
                    let key = if named { NAME_KEY } else { key.as_str() };
                    let shape = match keys.remove(key) {
                        Some(before) => merged(before, shape),
                        None => shape,
                    };
                    keys.insert(key.to_owned(), shape);
                }
            }
            Shape::Object { keys }
        }
    }
}

/// The expectation of `key` in `expected`: written `key` when required, `key?` when optional.
fn expected_key<'a>(expected: &'a Value, key: &str) -> Option<&'a Value> {
    let map = expected.as_object()?;
    map.get(key).or_else(|| map.get(&format!("{key}?")))
}

/// Two shapes of the same place: objects' keys joined, lists' items merged; otherwise the first.
fn merged(a: Shape, b: Shape) -> Shape {
    match (a, b) {
        (Shape::Object { mut keys }, Shape::Object { keys: more }) => {
            for (k, v) in more {
                let v = match keys.remove(&k) {
                    Some(before) => merged(before, v),
                    None => v,
                };
                keys.insert(k, v);
            }
            Shape::Object { keys }
        }
        (
            Shape::List { length, item },
            Shape::List {
                length: more,
                item: other,
            },
        ) => Shape::List {
            length: length.max(more),
            item: match (item, other) {
                (Some(a), Some(b)) => Some(Box::new(merged(*a, *b))),
                (a, b) => a.or(b),
            },
        },
        (a, _) => a,
    }
}

/// One way an answer differs from what Metadesk reads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Difference {
    /// The request could not be made (unreachable, refused before it left).
    NotSent,
    /// AEM answered with a status other than a success.
    Answered { status: u16 },
    /// The answer is not JSON.
    NotJson,
    /// A key Metadesk reads is not there.
    Missing { at: String },
    /// A value has another JSON type than Metadesk reads.
    OtherType {
        at: String,
        found: String,
        expected: String,
    },
}

/// How `shape` differs from `expected`: an example answer whose values give the types, whose
/// lists' first item gives their items', and whose keys ending in `?` may be absent. Keys the
/// example does not name are not differences (AEM may say more than Metadesk reads).
pub fn differences(shape: &Shape, expected: &Value) -> Vec<Difference> {
    let mut found = Vec::new();
    compare(shape, expected, "", &mut found);
    found
}

fn compare(shape: &Shape, expected: &Value, at: &str, found: &mut Vec<Difference>) {
    let wanted = expected_kind(expected);
    if wanted != shape.kind() && !(expected.is_null()) {
        found.push(Difference::OtherType {
            at: display(at),
            found: shape.kind().to_owned(),
            expected: wanted.to_owned(),
        });
        return;
    }
    match (shape, expected) {
        (Shape::Object { keys }, Value::Object(want)) => {
            for (key, value) in want {
                let (name, optional) = match key.strip_suffix('?') {
                    Some(name) => (name, true),
                    None => (key.as_str(), false),
                };
                let here = format!("{at}.{name}");
                match keys.get(name) {
                    Some(shape) => compare(shape, value, &here, found),
                    None if optional => {}
                    None => found.push(Difference::Missing { at: display(&here) }),
                }
            }
        }
        (
            Shape::List {
                item: Some(item), ..
            },
            Value::Array(want),
        ) => {
            if let Some(first) = want.first() {
                compare(item, first, &format!("{at}[]"), found);
            }
        }
        _ => {}
    }
}

/// The type an example value stands for (`null`: any).
fn expected_kind(expected: &Value) -> &'static str {
    match expected {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "list",
        Value::Object(_) => "object",
    }
}

/// A place in an answer as the report writes it: `hits[].jcr:path`, or `the answer` itself.
fn display(at: &str) -> String {
    let at = at.trim_start_matches('.');
    if at.is_empty() {
        "(answer)".to_owned()
    } else {
        at.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_shape_holds_types_and_lengths_never_values() {
        let answer = json!({"hits": [{"jcr:path": "/content/dam/secret-campaign/x.jpg",
            "title": "Confidential launch"}], "total": 1, "more": false});
        let shape = Shape::of(&answer, &json!({"hits": [{}], "total": 0}));
        let text = serde_json::to_string(&shape).unwrap();
        assert!(!text.contains("secret-campaign") && !text.contains("Confidential"));
        assert!(
            text.contains("\"jcr:path\":{\"type\":\"string\"}"),
            "{text}"
        );
        assert!(text.contains("\"length\":1"), "{text}");
    }

    #[test]
    fn children_named_by_their_names_are_folded_into_one_key() {
        let answer = json!({"jcr:primaryType": "sling:Folder",
            "summer-campaign": {"jcr:primaryType": "dam:Asset"},
            "winter.jpg": {"jcr:primaryType": "dam:Asset", "jcr:content": {}}});
        let shape = Shape::of(&answer, &json!({"jcr:primaryType": ""}));
        let Shape::Object { keys } = &shape else {
            panic!("{shape:?}")
        };
        assert_eq!(
            keys.keys().collect::<Vec<_>>(),
            ["jcr:primaryType", NAME_KEY]
        );
        let Shape::Object { keys: child } = &keys[NAME_KEY] else {
            panic!()
        };
        assert!(child.contains_key("jcr:content"));
    }

    #[test]
    fn differences_name_missing_keys_and_other_types_but_not_extra_keys() {
        let answer = json!({"hits": {"results": []}, "extra": 1});
        let expected = json!({"hits": [{"jcr:path": ""}], "total": 0, "more?": true});
        let shape = Shape::of(&answer, &expected);
        assert_eq!(
            differences(&shape, &expected),
            [
                Difference::OtherType {
                    at: "hits".into(),
                    found: "object".into(),
                    expected: "list".into()
                },
                Difference::Missing { at: "total".into() },
            ]
        );
        let good = json!({"hits": [{"jcr:path": "/a"}], "total": 3});
        assert!(differences(&Shape::of(&good, &expected), &expected).is_empty());
        let wrong_item = json!({"hits": [{"jcr:path": 3}], "total": 3});
        assert_eq!(
            differences(&Shape::of(&wrong_item, &expected), &expected),
            [Difference::OtherType {
                at: "hits[].jcr:path".into(),
                found: "number".into(),
                expected: "string".into()
            }]
        );
    }
}
