//! The Content Fragment Models the sandbox seeds (`article`, `adventure`): their fields with
//! the Sites API's types, and the check of the values a field can take.
//!
//! Types and their names are the Sites API's (<https://adobe-sites.redoc.ly/>, `fields[].type`):
//! `text`, `long-text` (rich text, `mimeType` `text/html`), `number`, `boolean`,
//! `enumeration`, `content-reference`, `date-time`. A field's `values` is always an array; a
//! single field holds at most one value. Not here: a fragment's values (`fragments.rs`), HTTP
//! (`sites.rs`).

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Value, json};

/// Where the models live, as `cq:model` names them.
const MODELS_ROOT: &str = "/conf/metadesk/settings/dam/cfm/models";

/// A field's data type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FieldType {
    Text,
    LongText,
    Number,
    Boolean,
    Enumeration,
    ContentReference,
    DateTime,
}

impl FieldType {
    /// The name the Sites API gives it.
    pub(crate) fn name(self) -> &'static str {
        match self {
            FieldType::Text => "text",
            FieldType::LongText => "long-text",
            FieldType::Number => "number",
            FieldType::Boolean => "boolean",
            FieldType::Enumeration => "enumeration",
            FieldType::ContentReference => "content-reference",
            FieldType::DateTime => "date-time",
        }
    }
}

/// One field of a model.
#[derive(Debug)]
pub(crate) struct FieldDef {
    pub name: &'static str,
    pub label: &'static str,
    pub ty: FieldType,
    pub multiple: bool,
    pub required: bool,
    /// `(value, label)` of an enumeration's options; empty for other types.
    pub options: &'static [(&'static str, &'static str)],
}

/// A Content Fragment Model.
#[derive(Debug)]
pub(crate) struct Model {
    pub name: &'static str,
    pub title: &'static str,
    pub fields: &'static [FieldDef],
}

const fn field(name: &'static str, label: &'static str, ty: FieldType, multiple: bool) -> FieldDef {
    FieldDef {
        name,
        label,
        ty,
        multiple,
        required: false,
        options: &[],
    }
}

/// Every model's first field: the fragment's own title (one value, required), so that the
/// Sites API's `/title`, this field and GraphQL's `title` are one value, never three.
const TITLE: FieldDef = FieldDef {
    required: true,
    ..field("title", "Title", FieldType::Text, false)
};

pub(crate) const DIFFICULTIES: &[(&str, &str)] = &[
    ("easy", "Easy"),
    ("moderate", "Moderate"),
    ("challenging", "Challenging"),
];
pub(crate) const ACTIVITIES: &[(&str, &str)] = &[
    ("hiking", "Hiking"),
    ("cycling", "Cycling"),
    ("kayaking", "Kayaking"),
    ("climbing", "Climbing"),
    ("skiing", "Skiing"),
    ("surfing", "Surfing"),
    ("wine-tasting", "Wine tasting"),
];

/// `article`: most seeded fragments; GraphQL's `articleList` and `articleByPath`.
pub(crate) const ARTICLE: Model = Model {
    name: "article",
    title: "Article",
    fields: &[
        TITLE,
        field("author", "Author", FieldType::Text, false),
        field("keywords", "Keywords", FieldType::Text, true),
        field("publishDate", "Publish date", FieldType::DateTime, false),
        field("main", "Main text", FieldType::LongText, false),
    ],
};

/// `adventure`: every fourth seeded fragment; GraphQL's `adventureList` and `adventureByPath`.
/// Its title differs from its node name beyond case, as a real AEM's models often do, so a
/// client that takes one for the other is caught.
pub(crate) const ADVENTURE: Model = Model {
    name: "adventure",
    title: "Adventure Trip",
    fields: &[
        TITLE,
        FieldDef {
            options: DIFFICULTIES,
            ..field("difficulty", "Difficulty", FieldType::Enumeration, false)
        },
        FieldDef {
            options: ACTIVITIES,
            ..field("activities", "Activities", FieldType::Enumeration, true)
        },
        field("price", "Price", FieldType::Number, false),
        field("featured", "Featured", FieldType::Boolean, false),
        field(
            "heroImage",
            "Hero image",
            FieldType::ContentReference,
            false,
        ),
        field("main", "Main text", FieldType::LongText, false),
    ],
};

/// Every model, in the order GraphQL's schema lists them.
pub(crate) const MODELS: &[&Model] = &[&ARTICLE, &ADVENTURE];

impl Model {
    /// `/conf/metadesk/settings/dam/cfm/models/{name}`: what `cq:model` holds.
    pub(crate) fn path(&self) -> String {
        format!("{MODELS_ROOT}/{}", self.name)
    }

    /// Its id in the Sites API: the path in unpadded base64url, as AEM's ids of models are.
    pub(crate) fn id(&self) -> String {
        URL_SAFE_NO_PAD.encode(self.path())
    }

    /// The model a Sites API id names.
    pub(crate) fn by_id(id: &str) -> Option<&'static Model> {
        MODELS.iter().copied().find(|m| m.id() == id)
    }

    /// How a fragment names its model (`model` in a fragment). As AEM does, `name` is the
    /// model's title (Adobe's sample: `"name": "Adventure"` for `…/models/adventure`); its
    /// node name is only the last segment of `path`.
    pub(crate) fn reference(&self) -> Value {
        json!({ "id": self.id(), "path": self.path(), "name": self.title })
    }

    /// `GET /adobe/sites/cf/models/{id}`: the model with its fields, their labels, whether
    /// they are required, and an enumeration's options.
    pub(crate) fn document(&self) -> Value {
        let fields: Vec<Value> = self
            .fields
            .iter()
            .map(|f| {
                let mut v = json!({
                    "name": f.name,
                    "type": f.ty.name(),
                    "multiple": f.multiple,
                    "label": f.label,
                    "required": f.required,
                });
                if f.ty == FieldType::Enumeration {
                    v["options"] = f
                        .options
                        .iter()
                        .map(|(value, label)| json!({ "value": value, "label": label }))
                        .collect();
                }
                if f.ty == FieldType::LongText {
                    v["mimeType"] = json!("text/html");
                }
                v
            })
            .collect();
        let mut v = self.reference();
        v["fields"] = Value::Array(fields);
        v
    }
}

impl FieldDef {
    /// What the field takes, in words for a refusal.
    fn takes(&self) -> String {
        let what = match self.ty {
            FieldType::Text | FieldType::LongText => "text".to_owned(),
            FieldType::Number => "numbers".to_owned(),
            FieldType::Boolean => "true or false".to_owned(),
            FieldType::Enumeration => {
                let names: Vec<&str> = self.options.iter().map(|(v, _)| *v).collect();
                format!("one of {}", names.join(", "))
            }
            FieldType::ContentReference => "paths under /content/dam/".to_owned(),
            FieldType::DateTime => "RFC 3339 dates and times (2024-05-01T09:30:00Z)".to_owned(),
        };
        let how_many = if self.multiple {
            "any number of values"
        } else {
            "at most one value"
        };
        format!(
            "{} ({}) takes {how_many}: {what}",
            self.name,
            self.ty.name()
        )
    }

    /// Checks `values` (the JSON a patch gives) against the field: an array of values its type
    /// takes, at most one in a single field. The refusal names the field and what it takes.
    pub(crate) fn check(&self, values: &Value) -> Result<Vec<Value>, String> {
        let Some(items) = values.as_array() else {
            return Err(format!(
                "Field {}: values must be an array, not {values}",
                self.takes()
            ));
        };
        if !self.multiple && items.len() > 1 {
            return Err(format!(
                "Field {}; {} values were given",
                self.takes(),
                items.len()
            ));
        }
        if self.required
            && items
                .iter()
                .all(|v| v.as_str().is_some_and(|s| s.trim().is_empty()))
        {
            return Err(format!(
                "Field {} is required: give it one value that is not empty",
                self.name
            ));
        }
        for v in items {
            if !self.accepts(v) {
                return Err(format!("Field {}; {v} is not one", self.takes()));
            }
        }
        Ok(items.clone())
    }

    fn accepts(&self, v: &Value) -> bool {
        match self.ty {
            FieldType::Text | FieldType::LongText => v.is_string(),
            FieldType::Number => v.is_number(),
            FieldType::Boolean => v.is_boolean(),
            FieldType::Enumeration => v
                .as_str()
                .is_some_and(|s| self.options.iter().any(|(o, _)| *o == s)),
            // AEM refuses "" for a reference (Adobe's own Sites API client, MAS, says so).
            FieldType::ContentReference => v
                .as_str()
                .and_then(|s| s.strip_prefix("/content/dam/"))
                .is_some_and(|rest| !rest.is_empty() && !rest.contains("//")),
            FieldType::DateTime => v.as_str().is_some_and(|s| {
                time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339)
                    .is_ok()
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(model: &Model, name: &str) -> &'static FieldDef {
        let m = MODELS.iter().find(|m| m.name == model.name).unwrap();
        m.fields.iter().find(|f| f.name == name).unwrap()
    }

    #[test]
    fn each_type_takes_its_values_and_refuses_others_naming_the_field() {
        let ok = [
            (named(&ARTICLE, "author"), json!(["Ann"])),
            (named(&ARTICLE, "keywords"), json!(["a", "b", "c"])),
            (
                named(&ARTICLE, "publishDate"),
                json!(["2024-05-01T09:30:00Z"]),
            ),
            (named(&ARTICLE, "main"), json!(["<p>x</p>"])),
            (named(&ADVENTURE, "difficulty"), json!(["easy"])),
            (
                named(&ADVENTURE, "activities"),
                json!(["hiking", "surfing"]),
            ),
            (named(&ADVENTURE, "price"), json!([12.5])),
            (named(&ADVENTURE, "featured"), json!([false])),
            (
                named(&ADVENTURE, "heroImage"),
                json!(["/content/dam/a/b.jpg"]),
            ),
            (named(&ADVENTURE, "heroImage"), json!([])),
        ];
        for (f, v) in ok {
            assert_eq!(f.check(&v), Ok(v.as_array().unwrap().clone()), "{}", f.name);
        }
        let refused = [
            (named(&ADVENTURE, "price"), json!(["cheap"]), "numbers"),
            (named(&ADVENTURE, "price"), json!(["12"]), "numbers"),
            (
                named(&ADVENTURE, "difficulty"),
                json!(["hard"]),
                "easy, moderate",
            ),
            (
                named(&ADVENTURE, "activities"),
                json!(["hiking", "x"]),
                "wine-tasting",
            ),
            (named(&ADVENTURE, "heroImage"), json!([""]), "/content/dam/"),
            (
                named(&ADVENTURE, "heroImage"),
                json!(["/etc/x.jpg"]),
                "/content/dam/",
            ),
            (
                named(&ADVENTURE, "difficulty"),
                json!(["easy", "moderate"]),
                "at most one",
            ),
            (
                named(&ADVENTURE, "featured"),
                json!(["yes"]),
                "true or false",
            ),
            (
                named(&ARTICLE, "publishDate"),
                json!(["yesterday"]),
                "RFC 3339",
            ),
            (named(&ARTICLE, "author"), json!("Ann"), "must be an array"),
            (named(&ARTICLE, "author"), json!([null]), "text"),
            (named(&ARTICLE, "title"), json!([]), "required"),
            (named(&ARTICLE, "title"), json!([""]), "required"),
            (named(&ARTICLE, "title"), json!([" "]), "required"),
        ];
        for (f, v, words) in refused {
            let e = f.check(&v).unwrap_err();
            assert!(e.contains(f.name) && e.contains(words), "{e}");
        }
    }

    #[test]
    fn models_are_found_by_their_id_and_list_their_options() {
        for m in MODELS {
            assert_eq!(Model::by_id(&m.id()).map(|f| f.name), Some(m.name));
            assert_eq!(m.fields[0].name, "title");
        }
        assert!(Model::by_id("nope").is_none());
        let doc = ADVENTURE.document();
        assert_eq!(
            doc["fields"][1]["options"][0],
            json!({"value": "easy", "label": "Easy"})
        );
        assert!(doc["fields"][0].get("options").is_none());
        assert_eq!(doc["fields"][6]["mimeType"], "text/html");
    }
}
