//! Content fragments through AEM's Sites OpenAPI (`/adobe/sites/cf/fragments`), behind
//! [`AssetsApi`] so the bulk engine previews, applies, undoes and resumes fragment edits as it
//! does asset edits. A fragment's fields are its "properties": each by its name, single fields
//! as one text, multiple fields as a list; the fragment's own title and description as
//! [`TITLE`] and [`DESCRIPTION`] (the names AEM gives them on the fragment's node).
//!
//! Wire (`../shared/reference/adobe-wire-next.md` §5): pages of at most 50 with a `cursor`; a
//! read gives the fragment with its `ETag`; a write is a JSON Patch of `/title`,
//! `/description` and `/fields/<index>/values`, sent with `If-Match`, where `<index>` is the
//! field's position in the representation that ETag names. So a write always patches against
//! the representation of the read it is conditioned on (kept from that read, or read again).
//!
//! Not here: which fragments a run edits or what it writes (`bulk`), the fields' schema in the
//! faces' words (`metadesk_core`).

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

use reqwest::Method;
use reqwest::header::{CONTENT_TYPE, IF_MATCH};
use serde_json::{Map, Value, json};

use crate::schema::{Choice, FieldKind, Schema, SchemaField};
use crate::{
    AssetRef, AssetsApi, CallError, Current, Entry, EntryKind, Page, Write, json_or_error,
    problem_detail,
};
use metadesk_base::i18n::Text;
use metadesk_clients::aem::AemClient;
use metadesk_clients::aem::auth::BoxFuture;
use metadesk_credentials::credentials::ApiFamily;

/// The most fragments a page of the list gives (the API's cap).
pub const PAGE: u64 = 50;
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
    /// Whether the field holds HTML, whose text alone a computed edit changes.
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
    /// The model's node name (`adventure`), the last segment of its path when not given.
    pub name: String,
    pub title: String,
}

impl ModelRef {
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
    /// `NEW`, `DRAFT`, `MODIFIED`, `PUBLISHED`… as AEM says it.
    pub status: String,
    /// In the representation's order: a patch names a field by its position.
    pub fields: Vec<Field>,
}

impl Fragment {
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

fn text_of(v: &Value) -> String {
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

fn unusable(what: &str) -> CallError {
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

fn model_ref(v: Option<&Value>) -> ModelRef {
    let Some(v) = v else {
        return ModelRef::default();
    };
    let path = str_of(v, "path");
    let name = match str_of(v, "name") {
        "" => path.rsplit('/').next().unwrap_or_default(),
        name => name,
    };
    ModelRef {
        id: str_of(v, "id").to_owned(),
        name: name.to_owned(),
        title: str_of(v, "title").to_owned(),
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
        fields,
    })
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
fn typed(kind: &FieldType, text: &str) -> Option<Value> {
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

/// What is known of a fragment from the last list page or read that showed it.
#[derive(Debug, Clone)]
struct Known {
    id: String,
    /// The read whose representation `fields` is, when it came from a read.
    etag: Option<String>,
    fields: Vec<(String, FieldType)>,
}

/// The Sites API of one connection (an OAuth Server-to-Server one), fragments of one model or
/// of all.
pub struct FragmentsApi {
    client: AemClient,
    model: Option<String>,
    known: Mutex<HashMap<String, Known>>,
    /// Where a list's next page starts, by folder and the offset the engine asks for it with.
    cursors: Mutex<HashMap<(String, u64), String>>,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl FragmentsApi {
    /// `model` (a name, title or id) keeps only that model's fragments in every list.
    pub fn new(client: AemClient, model: Option<String>) -> Self {
        FragmentsApi {
            client,
            model: model.filter(|m| !m.trim().is_empty()),
            known: Mutex::new(HashMap::new()),
            cursors: Mutex::new(HashMap::new()),
        }
    }

    fn url(&self, segments: &[&str]) -> Result<url::Url, CallError> {
        let mut url = self.client.url("/").map_err(CallError::from_aem)?;
        url.path_segments_mut()
            .map_err(|()| CallError::Rejected {
                status: 0,
                detail: Text::plain("assets-no-path"),
            })?
            .clear()
            .extend(["adobe", "sites", "cf"])
            .extend(segments);
        Ok(url)
    }

    async fn get_json(
        &self,
        url: url::Url,
    ) -> Result<(Value, reqwest::header::HeaderMap), CallError> {
        let response = self
            .client
            .send(Method::GET, url, |r| {
                r.header("X-Adobe-Accept-Experimental", "1")
            })
            .await
            .map_err(CallError::from_aem)?;
        json_or_error(response, problem_detail).await
    }

    fn remember(&self, fragment: &Fragment, etag: Option<String>) {
        let fields = fragment
            .fields
            .iter()
            .map(|f| (f.name.clone(), f.kind.clone()))
            .collect();
        lock(&self.known).insert(
            fragment.path.clone(),
            Known {
                id: fragment.id.clone(),
                etag,
                fields,
            },
        );
    }

    /// One page of the fragments under `folder` (its whole subtree), of every model; `cursor`
    /// from the page before.
    pub async fn page(
        &self,
        folder: &str,
        cursor: Option<&str>,
        limit: u64,
    ) -> Result<(Vec<Fragment>, Option<String>), CallError> {
        let mut url = self.url(&["fragments"])?;
        {
            let mut q = url.query_pairs_mut();
            q.append_pair("path", folder)
                .append_pair("limit", &limit.clamp(1, PAGE).to_string());
            if let Some(cursor) = cursor {
                q.append_pair("cursor", cursor);
            }
        }
        let (body, _) = self.get_json(url).await?;
        let items = body
            .get("items")
            .and_then(Value::as_array)
            .ok_or_else(|| unusable("items"))?;
        let fragments = items
            .iter()
            .map(parse_fragment)
            .collect::<Result<Vec<_>, _>>()?;
        for f in &fragments {
            self.remember(f, None);
        }
        let next = body
            .get("cursor")
            .and_then(Value::as_str)
            .filter(|c| !c.is_empty())
            .map(str::to_owned);
        Ok((fragments, next))
    }

    /// Every fragment under `folder`, every page read (of the chosen model, when there is one).
    pub async fn all(&self, folder: &str) -> Result<Vec<Fragment>, CallError> {
        let mut out = Vec::new();
        let mut cursor = None;
        loop {
            let (page, next) = self.page(folder, cursor.as_deref(), PAGE).await?;
            out.extend(page.into_iter().filter(|f| self.wanted(f)));
            match next {
                Some(next) => cursor = Some(next),
                None => return Ok(out),
            }
        }
    }

    fn wanted(&self, fragment: &Fragment) -> bool {
        self.model.as_deref().is_none_or(|m| fragment.model.is(m))
    }

    /// A model's definition (labels, required, options).
    pub async fn model(&self, id: &str) -> Result<Model, CallError> {
        let (body, _) = self.get_json(self.url(&["models", id])?).await?;
        Ok(parse_model(&body))
    }

    /// One fragment, with the ETag of this read.
    pub async fn fragment(&self, id: &str) -> Result<(Fragment, Option<String>), CallError> {
        let (body, headers) = self.get_json(self.url(&["fragments", id])?).await?;
        let fragment = parse_fragment(&body)?;
        let etag = crate::etag_of(&headers);
        self.remember(&fragment, etag.clone());
        Ok((fragment, etag))
    }

    /// The id of the fragment at `path`: known from a list page, else asked (a list of that
    /// path, which holds the fragment alone).
    async fn id_of(&self, asset: &AssetRef) -> Result<String, CallError> {
        if let Some(id) = &asset.id {
            return Ok(id.clone());
        }
        if let Some(known) = lock(&self.known).get(&asset.path) {
            return Ok(known.id.clone());
        }
        let (page, _) = self.page(&asset.path, None, 1).await?;
        page.into_iter()
            .find(|f| f.path == asset.path)
            .map(|f| f.id)
            .ok_or(CallError::NotFound)
    }

    /// The JSON Patch of `writes` against the representation whose fields are `fields`.
    fn patch_of(
        fields: &[(String, FieldType)],
        writes: &[Write],
        path: &str,
    ) -> Result<Value, CallError> {
        let refused = |field: &str, value: &str| CallError::Rejected {
            status: 0,
            detail: Text::new(
                "fragments-value-refused",
                vec![
                    ("field", field.into()),
                    ("value", value.into()),
                    ("path", path.into()),
                ],
            ),
        };
        let mut ops = Vec::with_capacity(writes.len());
        for w in writes {
            let text = |v: &Option<Value>| match v {
                None | Some(Value::Null) => String::new(),
                Some(Value::Array(items)) => {
                    items.iter().map(text_of).collect::<Vec<_>>().join(", ")
                }
                Some(v) => text_of(v),
            };
            if w.property == TITLE || w.property == DESCRIPTION {
                let at = if w.property == TITLE {
                    "/title"
                } else {
                    "/description"
                };
                ops.push(json!({"op": "replace", "path": at, "value": text(&w.value)}));
                continue;
            }
            let Some(index) = fields.iter().position(|(name, _)| *name == w.property) else {
                return Err(CallError::Rejected {
                    status: 0,
                    detail: Text::new(
                        "fragments-no-such-field",
                        vec![("field", w.property.as_str().into()), ("path", path.into())],
                    ),
                });
            };
            let kind = &fields[index].1;
            let texts: Vec<String> = match &w.value {
                None | Some(Value::Null) => Vec::new(),
                Some(Value::Array(items)) => items.iter().map(text_of).collect(),
                Some(v) => vec![text_of(v)],
            };
            if !kind.multiple && texts.len() > 1 {
                return Err(refused(&w.property, &texts.join(", ")));
            }
            let values = texts
                .iter()
                .map(|t| typed(kind, t).ok_or_else(|| refused(&w.property, t)))
                .collect::<Result<Vec<_>, _>>()?;
            ops.push(json!({
                "op": "replace",
                "path": format!("/fields/{index}/values"),
                "value": values,
            }));
        }
        Ok(Value::Array(ops))
    }

    async fn patch(
        &self,
        asset: &AssetRef,
        writes: &[Write],
        if_match: Option<&str>,
    ) -> Result<Option<String>, CallError> {
        let id = self.id_of(asset).await?;
        // The indexes of a patch are those of the representation its ETag names: the one kept
        // from the read the write is conditioned on, else a read now (which must still be it).
        let kept = lock(&self.known)
            .get(&asset.path)
            .filter(|k| k.etag.is_some() && k.etag.as_deref() == if_match)
            .map(|k| (k.fields.clone(), k.etag.clone()));
        let (fields, etag) = match kept {
            Some(kept) => kept,
            None => {
                let (fragment, etag) = self.fragment(&id).await?;
                if if_match.is_some() && etag.as_deref() != if_match {
                    return Err(CallError::Conflict);
                }
                let fields = fragment
                    .fields
                    .iter()
                    .map(|f| (f.name.clone(), f.kind.clone()))
                    .collect();
                (fields, etag)
            }
        };
        let Some(etag) = etag else {
            // Never an unconditional write: AEM gave no ETag to send back.
            return Err(unusable("ETag"));
        };
        let body = Self::patch_of(&fields, writes, &asset.path)?;
        let url = self.url(&["fragments", &id])?;
        let response = self
            .client
            .send(Method::PATCH, url, |r| {
                r.header("X-Adobe-Accept-Experimental", "1")
                    .header(CONTENT_TYPE, "application/json-patch+json")
                    .header(IF_MATCH, &etag)
                    .body(body.to_string())
            })
            .await
            .map_err(CallError::from_aem)?;
        let (answer, headers) = json_or_error(response, problem_detail).await?;
        let new_etag = crate::etag_of(&headers);
        if let Ok(fragment) = parse_fragment(&answer) {
            self.remember(&fragment, new_etag.clone());
        }
        Ok(new_etag)
    }

    /// The fields of the fragment at `path` known so far, by name.
    fn known_field(&self, property: &str) -> Option<FieldType> {
        lock(&self.known).values().find_map(|k| {
            k.fields
                .iter()
                .find(|(n, _)| n == property)
                .map(|(_, t)| t.clone())
        })
    }
}

impl AssetsApi for FragmentsApi {
    fn family(&self) -> ApiFamily {
        ApiFamily::OpenApi
    }

    /// The fragments of `folder`'s subtree as assets (no subfolders: the list is the subtree).
    fn list<'a>(
        &'a self,
        folder: &'a str,
        offset: u64,
        limit: u64,
    ) -> BoxFuture<'a, Result<Page, CallError>> {
        Box::pin(async move {
            let cursor = if offset == 0 {
                None
            } else {
                let cursor = lock(&self.cursors)
                    .get(&(folder.to_owned(), offset))
                    .cloned();
                // A page asked out of order would silently restart the list.
                Some(cursor.ok_or_else(|| unusable("cursor"))?)
            };
            let (fragments, next) = self.page(folder, cursor.as_deref(), limit).await?;
            let read = fragments.len() as u64;
            let next_offset = next.map(|next| {
                let at = offset + read.max(1);
                lock(&self.cursors).insert((folder.to_owned(), at), next);
                at
            });
            let entries = fragments
                .into_iter()
                .filter(|f| self.wanted(f))
                .map(|f| Entry {
                    metadata: Some(f.metadata()),
                    path: f.path,
                    name: f.name,
                    kind: EntryKind::Asset,
                })
                .collect();
            Ok(Page {
                entries,
                total: None,
                next_offset,
            })
        })
    }

    fn resolve_id<'a>(&'a self, path: &'a str) -> BoxFuture<'a, Result<Option<String>, CallError>> {
        Box::pin(async move {
            let asset = AssetRef {
                path: path.to_owned(),
                id: None,
            };
            self.id_of(&asset).await.map(Some)
        })
    }

    fn known_id(&self, path: &str) -> Option<String> {
        lock(&self.known).get(path).map(|k| k.id.clone())
    }

    fn read<'a>(&'a self, asset: &'a AssetRef) -> BoxFuture<'a, Result<Current, CallError>> {
        Box::pin(async move {
            let id = self.id_of(asset).await?;
            let (fragment, etag) = self.fragment(&id).await?;
            Ok(Current {
                metadata: fragment.metadata(),
                etag,
            })
        })
    }

    fn write<'a>(
        &'a self,
        asset: &'a AssetRef,
        writes: &'a [Write],
        if_match: Option<&'a str>,
    ) -> BoxFuture<'a, Result<Option<String>, CallError>> {
        Box::pin(self.patch(asset, writes, if_match))
    }

    /// A list item is the whole fragment: an empty field is not set.
    fn listing_carries(&self, _property: &str) -> bool {
        true
    }

    fn markup(&self, property: &str) -> bool {
        self.known_field(property).is_some_and(|t| t.is_html())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fragment() -> Value {
        json!({
            "id": "f1", "path": "/content/dam/a/f1", "title": "Hike",
            "model": {"id": "m1", "path": "/conf/x/settings/dam/cfm/models/adventure", "title": "Adventure"},
            "fields": [
                {"name": "price", "type": "number", "multiple": false, "values": [12]},
                {"name": "activities", "type": "enumeration", "multiple": true, "values": ["hiking", "camping"]},
                {"name": "main", "type": "long-text", "multiple": false, "mimeType": "text/html", "values": ["<p>x</p>"]},
                {"name": "hero", "type": "content-reference", "multiple": false, "values": []}
            ]
        })
    }

    #[test]
    fn a_fragment_reads_as_metadata() {
        let f = parse_fragment(&fragment()).unwrap();
        assert_eq!(f.model.name, "adventure");
        assert!(f.model.is("Adventure") && f.model.is("m1") && !f.model.is("article"));
        let m = f.metadata();
        assert_eq!(m["jcr:title"], json!("Hike"));
        assert_eq!(m["price"], json!("12"));
        assert_eq!(m["activities"], json!(["hiking", "camping"]));
        assert!(!m.contains_key("hero") && !m.contains_key("jcr:description"));
        assert!(f.fields[2].kind.is_html());
    }

    #[test]
    fn a_fragment_without_id_or_dam_path_is_refused() {
        assert!(parse_fragment(&json!({"path": "/content/dam/a"})).is_err());
        assert!(parse_fragment(&json!({"id": "x", "path": "/etc/a"})).is_err());
        assert!(
            parse_fragment(&json!({"id": "x", "path": "/content/dam/a", "fields": {}})).is_err()
        );
    }

    #[test]
    fn writes_patch_the_fields_by_their_position_with_typed_values() {
        let f = parse_fragment(&fragment()).unwrap();
        let fields: Vec<_> = f
            .fields
            .iter()
            .map(|f| (f.name.clone(), f.kind.clone()))
            .collect();
        let w = |p: &str, v: Option<Value>| Write {
            property: p.into(),
            value: v,
        };
        let patch = FragmentsApi::patch_of(
            &fields,
            &[
                w("price", Some(json!("14.5"))),
                w("activities", Some(json!(["hiking"]))),
                w("hero", None),
                w(TITLE, Some(json!("New"))),
            ],
            "/content/dam/a/f1",
        )
        .unwrap();
        assert_eq!(
            patch,
            json!([
                {"op": "replace", "path": "/fields/0/values", "value": [14.5]},
                {"op": "replace", "path": "/fields/1/values", "value": ["hiking"]},
                {"op": "replace", "path": "/fields/3/values", "value": []},
                {"op": "replace", "path": "/title", "value": "New"}
            ])
        );
        // Text in a number field, two values in a single one, a field the fragment lacks.
        for bad in [
            w("price", Some(json!("cheap"))),
            w("price", Some(json!(["1", "2"]))),
            w("nope", Some(json!("x"))),
        ] {
            assert!(FragmentsApi::patch_of(&fields, &[bad], "/content/dam/a/f1").is_err());
        }
    }

    #[test]
    fn models_become_a_schema() {
        let model = parse_model(&json!({
            "id": "m1", "name": "adventure", "title": "Adventure",
            "fields": [
                {"name": "difficulty", "type": "enumeration", "multiple": false, "label": "Difficulty",
                 "required": true, "options": [{"value": "easy", "label": "Easy"}, "hard"]},
                {"name": "price", "type": "number", "multiple": false}
            ]
        }));
        let schema = schema_of(&[model]);
        let d = schema.field("difficulty").unwrap();
        assert_eq!(d.kind, FieldKind::Dropdown);
        assert!(d.required);
        assert_eq!(d.options.len(), 2);
        assert_eq!(schema.field("price").unwrap().kind, FieldKind::Number);
        assert_eq!(schema.field("price").unwrap().label, "price");
        assert!(schema.field(TITLE).unwrap().required);
    }
}
