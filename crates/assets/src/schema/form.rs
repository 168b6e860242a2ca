//! One form's Sling JSON (`<form>.infinity.json`) → its fields, tab by tab, and its MIME
//! sub-forms' fields (`items/tabs/items/tabN/items/colN/items/<field>`, as real exported forms
//! store them).
//!
//! Lenient in what it reads (real forms hold data errors): a field without a property under
//! `./jcr:content/metadata/` is not asset metadata and is left out, a section header has no
//! property, an option without a value offers nothing, an unknown widget is `Other`.
//!
//! Not here: which form a folder uses and the HTTP reads (`reading.rs`).

use std::collections::HashSet;

use serde_json::{Map, Value};

use super::{Choice, FieldKind, MimeFields, SchemaField};

/// Where a field's name points for an asset metadata property.
const METADATA_PREFIX: &str = "./jcr:content/metadata/";

/// A form's own fields and its sub-forms' (each sub-form's own fields only).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FormFields {
    pub fields: Vec<SchemaField>,
    pub mime_forms: Vec<MimeFields>,
}

/// The fields of the form `node` (its JSON at any depth that reaches its fields).
pub fn parse_form(node: &Value) -> FormFields {
    let mut out = FormFields {
        fields: own_fields(node),
        mime_forms: Vec::new(),
    };
    sub_forms(node, "", &mut out.mime_forms);
    out
}

fn obj(v: &Value) -> Option<&Map<String, Value>> {
    v.as_object()
}

/// Children that are nodes (objects), skipping JCR's and Granite's own.
fn children(node: &Value) -> impl Iterator<Item = (&String, &Value)> {
    obj(node)
        .into_iter()
        .flat_map(|m| m.iter())
        .filter(|(k, v)| v.is_object() && !k.contains(':'))
}

fn sub_forms(node: &Value, prefix: &str, out: &mut Vec<MimeFields>) {
    for (name, child) in children(node) {
        if name == "items"
            || name == "cascadeitems"
            || child.get("items").is_none() && !has_sub_form(child)
        {
            continue;
        }
        let mime = if prefix.is_empty() {
            name.to_ascii_lowercase()
        } else {
            format!("{prefix}/{}", name.to_ascii_lowercase())
        };
        let fields = own_fields(child);
        if !fields.is_empty() {
            out.push(MimeFields {
                mime: mime.clone(),
                fields,
            });
        }
        sub_forms(child, &mime, out);
    }
}

fn has_sub_form(node: &Value) -> bool {
    children(node).any(|(n, c)| n != "items" && (c.get("items").is_some() || has_sub_form(c)))
}

/// The fields under `items/tabs/items/*` (each tab's title), or, for a form without tabs,
/// under `items` (tab "").
fn own_fields(node: &Value) -> Vec<SchemaField> {
    let mut out = Vec::new();
    let Some(items) = node.get("items") else {
        return out;
    };
    match items.get("tabs").and_then(|t| t.get("items")) {
        Some(tabs) => {
            for (name, tab) in children(tabs) {
                let title = tab
                    .get("title")
                    .or_else(|| tab.get("jcr:title"))
                    .and_then(Value::as_str)
                    .unwrap_or(name);
                collect(tab, title, &mut out);
            }
        }
        None => collect(node, "", &mut out),
    }
    out
}

fn collect(node: &Value, tab: &str, out: &mut Vec<SchemaField>) {
    for (_, child) in children(node) {
        if is_field(child) {
            if let Some(f) = field_of(child, tab) {
                // "Map only one field to a given property … the latest added field is picked".
                out.retain(|o| o.property != f.property);
                out.push(f);
            }
        } else {
            collect(child, tab, out);
        }
    }
}

fn is_field(node: &Value) -> bool {
    str_of(node, "sling:resourceType") == Some("dam/gui/components/admin/schemafield")
        || (node.get("resourceType").is_some()
            && (node.get("name").is_some() || node.get("fieldLabel").is_some()))
}

fn str_of<'a>(node: &'a Value, key: &str) -> Option<&'a str> {
    node.get(key).and_then(Value::as_str)
}

/// `true`, `"true"` (older content keeps flags as strings).
fn flag(node: &Value, key: &str) -> bool {
    match node.get(key) {
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) => s.trim().eq_ignore_ascii_case("true"),
        _ => false,
    }
}

fn data_str<'a>(node: &'a Value, key: &str) -> Option<&'a str> {
    node.get("granite:data")
        .and_then(|d| str_of(d, key))
        .or_else(|| str_of(node, key))
}

fn field_of(node: &Value, tab: &str) -> Option<SchemaField> {
    let name = str_of(node, "name")
        .or_else(|| node.get("field").and_then(|f| str_of(f, "name")))?
        .trim();
    let property = name.strip_prefix(METADATA_PREFIX)?.trim();
    if property.is_empty() || property.contains('/') {
        return None;
    }
    let resource = str_of(node, "resourceType").unwrap_or_default();
    let meta = data_str(node, "metaType").or_else(|| data_str(node, "type"));
    let hint = data_str(node, "typeHint").unwrap_or_default();
    let kind = kind_of(meta, resource, hint)?;
    let options = if kind == FieldKind::Dropdown {
        options_of(node)
    } else {
        Vec::new()
    };
    let label = str_of(node, "fieldLabel")
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .unwrap_or(property);
    Some(SchemaField {
        property: property.to_owned(),
        label: label.to_owned(),
        tab: tab.to_owned(),
        kind,
        multiple: matches!(kind, FieldKind::MultiText | FieldKind::Tags) || flag(node, "multiple"),
        options,
        required: flag(node, "required"),
        read_only: flag(node, "readOnly") || flag(node, "disabled"),
        min: bound(node, "min", kind),
        max: bound(node, "max", kind),
    })
}

/// A number field's bound `key` as written (a number or its text), when it reads as a number.
fn bound(node: &Value, key: &str, kind: FieldKind) -> Option<String> {
    if kind != FieldKind::Number {
        return None;
    }
    let text = match node.get(key)? {
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.trim().to_owned(),
        _ => return None,
    };
    text.parse::<f64>()
        .is_ok_and(f64::is_finite)
        .then_some(text)
}

/// The kind from `metaType` (the form builder's), else from the widget; `None` for a section.
fn kind_of(meta: Option<&str>, resource: &str, hint: &str) -> Option<FieldKind> {
    let numeric = matches!(
        hint.to_ascii_lowercase().as_str(),
        "long" | "double" | "decimal"
    );
    let dated = hint.eq_ignore_ascii_case("date");
    Some(match meta.map(str::to_ascii_lowercase).as_deref() {
        Some("section") => return None,
        Some("text") if numeric => FieldKind::Number,
        Some("text") if dated => FieldKind::Date,
        Some("text") => FieldKind::Text,
        Some("mvtext") => FieldKind::MultiText,
        Some("number") => FieldKind::Number,
        Some("datepicker" | "date") => FieldKind::Date,
        Some("dropdown" | "select") => FieldKind::Dropdown,
        Some("tags") => FieldKind::Tags,
        Some("checkbox") => FieldKind::Checkbox,
        Some(_) => FieldKind::Other,
        None => {
            let widget = resource.rsplit('/').next().unwrap_or_default();
            match widget {
                "sectionfield" => return None,
                "textfield" if numeric => FieldKind::Number,
                "textfield" => FieldKind::Text,
                "multifield" => FieldKind::MultiText,
                "numberfield" => FieldKind::Number,
                "datepicker" => FieldKind::Date,
                "select" | "metadataselect" => FieldKind::Dropdown,
                "tagfield" => FieldKind::Tags,
                "checkbox" => FieldKind::Checkbox,
                _ => FieldKind::Other,
            }
        }
    })
}

/// `items/<n>` with `value` (and `text`), in order; options without a value are left out and
/// a value seen twice counts once. Linear in the options (a set of those seen): a dropdown
/// of hundreds of thousands of options is read in well under a second (BENCHMARKS.md §7).
fn options_of(node: &Value) -> Vec<Choice> {
    let mut out: Vec<Choice> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    for (_, item) in children(node.get("items").unwrap_or(&Value::Null)) {
        let Some(value) = str_of(item, "value").filter(|v| !v.trim().is_empty()) else {
            continue;
        };
        if !seen.insert(value) {
            continue;
        }
        let text = str_of(item, "text")
            .filter(|t| !t.trim().is_empty())
            .unwrap_or(value);
        out.push(Choice {
            value: value.to_owned(),
            text: text.to_owned(),
        });
    }
    out
}
