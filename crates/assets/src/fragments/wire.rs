//! The Sites API's wire shapes read leniently: a fragment (its model, its typed fields), a
//! model's definition, the fields of models as a metadata schema, and a text typed for its
//! field.
//!
//! Not here: HTTP (`mod.rs`).

use serde_json::{Map, Value, json};

use crate::CallError;
use crate::publication::PublicationState;
use crate::schema::{Choice, FieldKind, Schema, SchemaField};
use metadesk_base::i18n::Text;

/// The property a fragment's own title is edited as.
pub const TITLE: &str = "jcr:title";
/// The property a fragment's own description is edited as.
pub const DESCRIPTION: &str = "jcr:description";

/// What a field of a fragment's model holds, as the Sites API names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldType {
    /// `text`, `long-text`, `number`, `boolean`, `enumeration`, `date-time`,
    /// `content-reference`, … (any other name is kept and taken as text).
    pub name: String,
    pub multiple: bool,
    /// A long text's format (`text/html`, `text/plain`, `text/x-markdown`).
    pub mime_type: Option<String>,
}

impl FieldType {
    /// Whether the field holds HTML, whose text alone a rule changes.
    pub fn is_html(&self) -> bool {
        self.mime_type
            .as_deref()
            .is_some_and(|m| m.eq_ignore_ascii_case("text/html"))
    }

    fn is_number(&self) -> bool {
        matches!(
            self.name.as_str(),
            "number" | "integer" | "long" | "float" | "double"
        )
    }
}

/// One field of a fragment as read: its type and values.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub name: String,
    pub kind: FieldType,
    pub values: Vec<Value>,
}

/// Which model a fragment follows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ModelRef {
    pub id: String,
    /// The model's node name (`adventure`): the last segment of its path (AEM's `name` only
    /// when no path is given).
    pub name: String,
    /// Its title (`Adventure Trip`): AEM gives it as `name`.
    pub title: String,
}

impl ModelRef {
    /// The model as a person knows it: its title, its name when it has none.
    pub fn shown(&self) -> &str {
        if self.title.is_empty() {
            &self.name
        } else {
            &self.title
        }
    }

    /// Whether `wanted` (a name, title or id, as a person types it) names this model.
    pub fn is(&self, wanted: &str) -> bool {
        let wanted = wanted.trim();
        [&self.name, &self.title, &self.id]
            .iter()
            .any(|n| !n.is_empty() && n.eq_ignore_ascii_case(wanted))
    }
}

/// A content fragment as the Sites API gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct Fragment {
    pub id: String,
    pub path: String,
    pub name: String,
    pub title: String,
    pub description: String,
    pub model: ModelRef,
    /// `DRAFT`, `MODIFIED`, `UNPUBLISHED`, `PUBLISHED`… as AEM says it (any other word kept
    /// as it is: it only describes).
    pub status: String,
    /// When it was last changed and last published (`modified.at`, `published.at`), as AEM
    /// says them, where it says them.
    pub modified_at: Option<String>,
    pub published_at: Option<String>,
    /// In the representation's order: a patch names a field by its position.
    pub fields: Vec<Field>,
}

impl Fragment {
    /// Where the fragment stands on the website, from its status: `NEW` and `DRAFT` were never
    /// published, `PUBLISHED` is live as it is, `MODIFIED` changed since, `UNPUBLISHED` taken
    /// off; a status this app does not know is not known (`None`), never taken as not live.
    pub fn publication(&self) -> Option<PublicationState> {
        match self.status.to_ascii_uppercase().as_str() {
            "NEW" | "DRAFT" => Some(PublicationState::NeverPublished),
            "PUBLISHED" => Some(PublicationState::UpToDate),
            "MODIFIED" => Some(PublicationState::Modified),
            "UNPUBLISHED" => Some(PublicationState::Unpublished),
            _ => None,
        }
    }

    /// Where it stands on the publish tier as the publishing engine reads an asset's
    /// replication facts, from its status (the Sites API says no replication action): live
    /// as it is, published no earlier than its last change; changed since; taken off; never
    /// published. A status this app does not know is `None`.
    pub fn publication_facts(&self) -> Option<crate::publication::Publication> {
        use crate::publication::Publication;
        let modified = self.modified_at.clone();
        let facts = match self.publication()? {
            PublicationState::NeverPublished => Publication::default(),
            // The status is what AEM decided: the times only say when, so they are made to
            // agree with it (a published time before the last change would read as changed).
            PublicationState::UpToDate => {
                let when = modified
                    .or_else(|| self.published_at.clone())
                    .unwrap_or_else(|| "1970-01-01T00:00:00Z".into());
                Publication {
                    action: Some("Activate".into()),
                    at: Some(when.clone()),
                    modified: Some(when),
                    ..Publication::default()
                }
            }
            PublicationState::Modified => Publication {
                action: Some("Activate".into()),
                modified,
                ..Publication::default()
            },
            PublicationState::Unpublished => Publication {
                action: Some("Deactivate".into()),
                ..Publication::default()
            },
        };
        Some(facts)
    }

    /// The fragment's values as the engine's metadata: single fields as one text, multiple as a
    /// list of texts (numbers and booleans written as text); empty fields are absent.
    pub fn metadata(&self) -> Map<String, Value> {
        let mut m = Map::new();
        if !self.title.is_empty() {
            m.insert(TITLE.into(), Value::String(self.title.clone()));
        }
        if !self.description.is_empty() {
            m.insert(DESCRIPTION.into(), Value::String(self.description.clone()));
        }
        for field in &self.fields {
            let texts: Vec<Value> = field
                .values
                .iter()
                .filter(|v| !v.is_null())
                .map(|v| Value::String(text_of(v)))
                .collect();
            let value = match (field.kind.multiple, texts.len()) {
                (_, 0) => continue,
                (false, 1) => texts.into_iter().next().unwrap_or_default(),
                _ => Value::Array(texts),
            };
            m.insert(field.name.clone(), value);
        }
        m
    }
}

pub(super) fn text_of(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// A model's definition: its fields' labels, whether required, an enumeration's options.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Model {
    pub model: ModelRef,
    pub fields: Vec<ModelField>,
}

/// One field of a model's definition.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelField {
    pub name: String,
    pub label: String,
    pub kind: FieldType,
    pub required: bool,
    pub options: Vec<Choice>,
}

pub(super) fn unusable(what: &str) -> CallError {
    CallError::Rejected {
        status: 200,
        detail: Text::new("fragments-answer-unusable", vec![("what", what.into())]),
    }
}

fn str_of<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or_default()
}

fn field_type(v: &Value) -> FieldType {
    FieldType {
        name: str_of(v, "type").to_owned(),
        multiple: v.get("multiple").and_then(Value::as_bool).unwrap_or(false),
        mime_type: v.get("mimeType").and_then(Value::as_str).map(str::to_owned),
    }
}

/// The model path a model id encodes (base64url, with or without padding), when it is one: a
/// path under `/conf`. `None` for an id of another kind.
fn path_of_model_id(id: &str) -> Option<String> {
    use base64::Engine as _;
    use base64::engine::general_purpose::{URL_SAFE, URL_SAFE_NO_PAD};
    let bytes = URL_SAFE_NO_PAD
        .decode(id)
        .or_else(|_| URL_SAFE.decode(id))
        .ok()?;
    let path = String::from_utf8(bytes).ok()?;
    (path.starts_with("/conf/") && !path.chars().any(char::is_control)).then_some(path)
}

fn model_ref(v: Option<&Value>) -> ModelRef {
    let Some(v) = v else {
        return ModelRef::default();
    };
    // AEM's `name` is the model's title (Adobe's sample: "Adventure" for …/models/adventure);
    // the node name a person may type is the path's last segment.
    let given = str_of(v, "name");
    let id = str_of(v, "id");
    // A list may give the model as `{id}` alone: the id is the base64url of the model's path
    // (`adobe-clients.md`), so its last segment is still the name a person types.
    let path = match str_of(v, "path") {
        "" => path_of_model_id(id).unwrap_or_default(),
        path => path.to_owned(),
    };
    let node = path.rsplit('/').next().unwrap_or_default();
    ModelRef {
        id: id.to_owned(),
        name: if node.is_empty() { given } else { node }.to_owned(),
        title: match str_of(v, "title") {
            "" => given,
            title => title,
        }
        .to_owned(),
    }
}

/// A fragment of a list page or a read. Lenient: a missing title, description, model or
/// status is empty; a fragment without an id, a path or a readable field list is refused (it
/// could not be written safely).
pub fn parse_fragment(v: &Value) -> Result<Fragment, CallError> {
    let id = str_of(v, "id");
    let path = str_of(v, "path");
    if id.is_empty() || !path.starts_with(crate::DAM_ROOT) {
        return Err(unusable("id/path"));
    }
    let fields = match v.get("fields") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|f| {
                let name = str_of(f, "name");
                if name.is_empty() {
                    return Err(unusable("fields[].name"));
                }
                let values = match f.get("values") {
                    None | Some(Value::Null) => Vec::new(),
                    Some(Value::Array(values)) => values.clone(),
                    Some(one) => vec![one.clone()],
                };
                Ok(Field {
                    name: name.to_owned(),
                    kind: field_type(f),
                    values,
                })
            })
            .collect::<Result<_, _>>()?,
        Some(_) => return Err(unusable("fields")),
    };
    Ok(Fragment {
        id: id.to_owned(),
        path: path.to_owned(),
        name: match str_of(v, "name") {
            "" => path.rsplit('/').next().unwrap_or_default().to_owned(),
            name => name.to_owned(),
        },
        title: str_of(v, "title").to_owned(),
        description: str_of(v, "description").to_owned(),
        model: model_ref(v.get("model")),
        status: str_of(v, "status").to_owned(),
        modified_at: at_of(v, "modified"),
        published_at: at_of(v, "published"),
        fields,
    })
}

/// `{"at": …}` under `key`, a time.
fn at_of(v: &Value, key: &str) -> Option<String> {
    v.get(key)?.get("at")?.as_str().map(str::to_owned)
}

/// A model's definition (`GET /adobe/sites/cf/models/{id}`).
pub fn parse_model(v: &Value) -> Model {
    let fields = v
        .get("fields")
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter(|f| !str_of(f, "name").is_empty())
                .map(|f| ModelField {
                    name: str_of(f, "name").to_owned(),
                    label: str_of(f, "label").to_owned(),
                    kind: field_type(f),
                    required: f.get("required").and_then(Value::as_bool).unwrap_or(false),
                    options: f
                        .get("options")
                        .and_then(Value::as_array)
                        .map(|options| {
                            options
                                .iter()
                                .filter_map(|o| match o {
                                    Value::String(s) => Some(Choice {
                                        value: s.clone(),
                                        text: s.clone(),
                                    }),
                                    o => {
                                        let value = o.get("value").and_then(Value::as_str)?;
                                        let text = o.get("label").and_then(Value::as_str);
                                        Some(Choice {
                                            value: value.to_owned(),
                                            text: text.unwrap_or(value).to_owned(),
                                        })
                                    }
                                })
                                .collect()
                        })
                        .unwrap_or_default(),
                })
                .collect()
        })
        .unwrap_or_default();
    Model {
        model: model_ref(Some(v)),
        fields,
    }
}

/// The fields of `models` as a metadata schema, so edits of fragments are checked and offered
/// as asset edits are: the fragment's own title and description first, then each model's
/// fields (a name two models share is described by the first).
pub fn schema_of(models: &[Model]) -> Schema {
    let own = |property: &str, label: &str, kind| SchemaField {
        property: property.into(),
        label: label.into(),
        tab: "Fragment".into(),
        kind,
        multiple: false,
        options: Vec::new(),
        required: property == TITLE,
        read_only: false,
        min: None,
        max: None,
    };
    let mut fields = vec![
        own(TITLE, "Title", FieldKind::Text),
        own(DESCRIPTION, "Description", FieldKind::Text),
    ];
    for model in models {
        for f in &model.fields {
            if fields.iter().any(|known| known.property == f.name) {
                continue;
            }
            let kind = match f.kind.name.as_str() {
                _ if f.kind.is_number() => FieldKind::Number,
                "boolean" => FieldKind::Checkbox,
                "enumeration" => FieldKind::Dropdown,
                "date-time" | "date" => FieldKind::Date,
                "tag" => FieldKind::Tags,
                "text" | "long-text" if f.kind.multiple => FieldKind::MultiText,
                "text" | "long-text" => FieldKind::Text,
                // References and kinds Metadesk does not know take any text; a reference's
                // emptiness is refused with every edit's.
                _ => FieldKind::Other,
            };
            fields.push(SchemaField {
                property: f.name.clone(),
                label: if f.label.is_empty() {
                    f.name.clone()
                } else {
                    f.label.clone()
                },
                tab: model.model.title.clone(),
                kind,
                multiple: f.kind.multiple,
                options: f.options.clone(),
                required: f.required,
                read_only: false,
                min: None,
                max: None,
            });
        }
    }
    let names: Vec<&str> = models.iter().map(|m| m.model.name.as_str()).collect();
    Schema {
        form: format!("models:{}", names.join(",")),
        mapped_on: None,
        fields,
        mime_forms: Vec::new(),
    }
}

/// A value as the field's type stores it: a number field's text as a JSON number, a boolean's
/// as `true`/`false`, the rest as text. `None` when the text cannot be that type.
pub(super) fn typed(kind: &FieldType, text: &str) -> Option<Value> {
    if kind.is_number() {
        let n: f64 = text.trim().parse().ok()?;
        if !n.is_finite() {
            return None;
        }
        return Some(if n.fract() == 0.0 && n.abs() < 9.0e15 {
            json!(n as i64)
        } else {
            json!(n)
        });
    }
    if kind.name == "boolean" {
        return match text.trim() {
            "true" => Some(Value::Bool(true)),
            "false" => Some(Value::Bool(false)),
            _ => None,
        };
    }
    Some(Value::String(text.to_owned()))
}
