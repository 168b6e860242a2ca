//! The schema of the sandbox's GraphQL endpoint, as the standard introspection result
//! (`__schema`, `__type`), and the one generic way a selection picks fields out of it.
//!
//! Not here: parsing queries and resolving content fragments (`graphql.rs`, which takes the
//! types' names from here: this file imports nothing of it, so the two never form a loop). The
//! schema mirrors what AEM generates for each Content Fragment Model (`article`, `adventure`):
//! `articleList` and `articleByPath` with their result types, a field per model field, and the
//! `MultiFormatString` of rich text.

use serde_json::{Map, Value, json};

use crate::dam::cf_models::{FieldDef, FieldType, MODELS, Model};
use crate::graphql_query::Field;

/// `ArticleModel` for `article`: the GraphQL type AEM generates for a model.
pub(crate) fn type_name(model: &Model) -> String {
    let mut c = model.name.chars();
    let first: String = c
        .next()
        .map(|f| f.to_uppercase().collect())
        .unwrap_or_default();
    format!("{first}{}Model", c.as_str())
}

/// A reference to a type: `named("String")`, wrapped with [`non_null`] and [`list`].
fn named(name: &str) -> Value {
    let kind = match name {
        "String" | "ID" | "Int" | "Float" | "Boolean" | "JSON" => "SCALAR",
        _ => "OBJECT",
    };
    json!({ "kind": kind, "name": name, "ofType": null })
}

fn non_null(of: Value) -> Value {
    json!({ "kind": "NON_NULL", "name": null, "ofType": of })
}

fn list(of: Value) -> Value {
    json!({ "kind": "LIST", "name": null, "ofType": of })
}

fn arg(name: &str, description: &str, ty: Value) -> Value {
    json!({ "name": name, "description": description, "type": ty, "defaultValue": null,
            "isDeprecated": false, "deprecationReason": null })
}

fn field(name: &str, description: &str, args: Vec<Value>, ty: Value) -> Value {
    json!({ "name": name, "description": description, "args": args, "type": ty,
            "isDeprecated": false, "deprecationReason": null })
}

fn object(name: &str, description: &str, fields: Vec<Value>) -> Value {
    json!({ "kind": "OBJECT", "name": name, "description": description, "fields": fields,
            "inputFields": null, "interfaces": [], "enumValues": null, "possibleTypes": null,
            "specifiedByURL": null })
}

fn scalar(name: &str, description: &str) -> Value {
    json!({ "kind": "SCALAR", "name": name, "description": description, "fields": null,
            "inputFields": null, "interfaces": null, "enumValues": null, "possibleTypes": null,
            "specifiedByURL": null })
}

/// The GraphQL type of a model's field.
fn field_type(f: &FieldDef) -> Value {
    let one = match f.ty {
        FieldType::LongText => named("MultiFormatString"),
        FieldType::Number => named("Float"),
        FieldType::Boolean => named("Boolean"),
        _ => named("String"),
    };
    if f.multiple { list(one) } else { one }
}

/// The query fields and the three types AEM generates for one model.
fn model_types(m: &Model, query: &mut Vec<Value>, out: &mut Vec<Value>) {
    let s = || named("String");
    let ty = type_name(m);
    query.push(field(
        &format!("{}List", m.name),
        &format!("All fragments of the model `{}`.", m.name),
        vec![
            arg("offset", "How many items to skip.", named("Int")),
            arg("limit", "How many items at most.", named("Int")),
            arg("variation", "The variation to read.", s()),
        ],
        non_null(named(&format!("{ty}Results"))),
    ));
    query.push(field(
        &format!("{}ByPath", m.name),
        &format!("One fragment of the model `{}`, by its path.", m.name),
        vec![
            arg("_path", "The fragment's path in the DAM.", non_null(s())),
            arg("variation", "The variation to read.", s()),
        ],
        non_null(named(&format!("{ty}Result"))),
    ));
    out.push(object(
        &format!("{ty}Results"),
        &format!("A list of `{}` fragments.", m.name),
        vec![field(
            "items",
            "",
            vec![],
            non_null(list(non_null(named(&ty)))),
        )],
    ));
    out.push(object(
        &format!("{ty}Result"),
        &format!("One `{}` fragment.", m.name),
        vec![field("item", "", vec![], named(&ty))],
    ));
    let mut fields = vec![
        field("_path", "The fragment's path.", vec![], named("ID")),
        field("_id", "The fragment's id.", vec![], s()),
        field("_variation", "The variation read.", vec![], s()),
        field("title", "", vec![], s()),
        field("description", "", vec![], s()),
    ];
    fields.extend(
        m.fields
            .iter()
            .filter(|f| f.name != "title")
            .map(|f| field(f.name, f.label, vec![], field_type(f))),
    );
    out.push(object(
        &ty,
        &format!("A content fragment of the model `{}`.", m.name),
        fields,
    ));
}

fn types() -> Vec<Value> {
    let s = || named("String");
    let mut query = Vec::new();
    let mut models = Vec::new();
    for m in MODELS {
        model_types(m, &mut query, &mut models);
    }
    let mut out = vec![object(
        "Query",
        "The content fragments of the enabled models.",
        query,
    )];
    out.extend(models);
    out.extend([
        object(
            "MultiFormatString",
            "Rich text in several formats.",
            vec![
                field("html", "", vec![], s()),
                field("plaintext", "", vec![], s()),
                field("markdown", "", vec![], s()),
                field("json", "", vec![], named("JSON")),
            ],
        ),
        scalar("String", "Text."),
        scalar("ID", "An identifier."),
        scalar("Int", "A whole number."),
        scalar("Float", "A number."),
        scalar("Boolean", "true or false."),
        scalar("JSON", "Any JSON value."),
    ]);
    out
}

/// The full introspection result (`__schema`).
pub(crate) fn schema() -> Value {
    json!({
        "description": null,
        "queryType": { "name": "Query", "kind": "OBJECT" },
        "mutationType": null,
        "subscriptionType": null,
        "types": types(),
        "directives": [],
    })
}

/// `__type(name:)`.
pub(crate) fn type_named(name: &str) -> Option<Value> {
    types().into_iter().find(|t| t["name"] == name)
}

/// Picks the selected fields (by name, under their aliases) out of a JSON tree; a list is
/// picked item by item, a missing field is `null`, arguments are ignored (`includeDeprecated`
/// changes nothing: nothing is deprecated).
pub(crate) fn select(value: &Value, selection: &[Field]) -> Value {
    match value {
        Value::Array(items) => Value::Array(items.iter().map(|i| select(i, selection)).collect()),
        Value::Object(o) if !selection.is_empty() => {
            let mut out = Map::new();
            for f in selection {
                let v = match f.name.as_str() {
                    "__typename" => json!(typename_of(o)),
                    name => o.get(name).cloned().unwrap_or(Value::Null),
                };
                let picked = if f.selection.is_empty() {
                    v
                } else {
                    select(&v, &f.selection)
                };
                out.insert(f.alias.clone(), picked);
            }
            Value::Object(out)
        }
        other => other.clone(),
    }
}

/// The introspection type an object of the tree is (the sandbox only needs a plausible name).
fn typename_of(o: &Map<String, Value>) -> &'static str {
    if o.contains_key("queryType") {
        "__Schema"
    } else if o.contains_key("possibleTypes") {
        "__Type"
    } else if o.contains_key("args") {
        "__Field"
    } else if o.contains_key("defaultValue") {
        "__InputValue"
    } else {
        "__Type"
    }
}
