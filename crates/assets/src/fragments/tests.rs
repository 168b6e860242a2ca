//! The Sites API's answers read, patches built, models as a schema.

use super::*;
use crate::schema::FieldKind;

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
fn a_model_is_named_as_aem_names_it_and_found_by_node_name_or_title() {
    // AEM's `name` is the title (Adobe's sample: "Adventure" for …/models/adventure).
    let mut v = fragment();
    v["model"] = json!({"id": "m1", "path": "/conf/x/settings/dam/cfm/models/adventure",
                        "name": "Adventure Trip"});
    v["status"] = json!("SOMETHING_NEW");
    let f = parse_fragment(&v).unwrap();
    assert_eq!(f.model.name, "adventure");
    assert_eq!(f.model.title, "Adventure Trip");
    for wanted in [
        "adventure",
        "Adventure",
        "Adventure Trip",
        "adventure trip ",
        "m1",
    ] {
        assert!(f.model.is(wanted), "{wanted}");
    }
    assert!(!f.model.is("Adventure Tri") && !f.model.is("trip"));
    // A status Metadesk does not know is kept as AEM said it.
    assert_eq!(f.status, "SOMETHING_NEW");
    // Without a path, the name given is all there is.
    v["model"] = json!({"id": "m2", "name": "Card"});
    let f = parse_fragment(&v).unwrap();
    assert!(f.model.is("card") && f.model.title == "Card");
}

/// A list may give a fragment's model as its id alone: the id is the base64url of the model's
/// path, so the name a person types still finds it. Seen failing without the decoding.
#[test]
fn a_model_given_by_its_id_alone_is_named_by_the_path_the_id_encodes() {
    let mut v = fragment();
    // base64url of "/conf/wknd-shared/settings/dam/cfm/models/adventure", without padding.
    let id = "L2NvbmYvd2tuZC1zaGFyZWQvc2V0dGluZ3MvZGFtL2NmbS9tb2RlbHMvYWR2ZW50dXJl";
    v["model"] = json!({ "id": id });
    let f = parse_fragment(&v).unwrap();
    assert_eq!(f.model.name, "adventure");
    assert!(f.model.is("adventure") && f.model.is(id));
    // An id that is not an encoded path names nothing more.
    for other in ["m1", "L2V0Yy9wYXNzd2Q", "%%%"] {
        v["model"] = json!({ "id": other });
        let f = parse_fragment(&v).unwrap();
        assert_eq!(f.model.name, "", "{other}");
    }
}

#[test]
fn a_fragment_without_id_or_dam_path_is_refused() {
    assert!(parse_fragment(&json!({"path": "/content/dam/a"})).is_err());
    assert!(parse_fragment(&json!({"id": "x", "path": "/etc/a"})).is_err());
    assert!(parse_fragment(&json!({"id": "x", "path": "/content/dam/a", "fields": {}})).is_err());
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
