use serde_json::json;

use super::*;
use crate::{CallError, ClassicAssets};
use metadesk_base::i18n::Localizer;

fn field_json(name: &str, label: &str, meta: &str, extra: serde_json::Value) -> serde_json::Value {
    let mut f = json!({
        "sling:resourceType": "dam/gui/components/admin/schemafield",
        "resourceType": "granite/ui/components/coral/foundation/form/textfield",
        "fieldLabel": label,
        "name": format!("./jcr:content/metadata/{name}"),
        "granite:data": {"metaType": meta},
    });
    if let (Some(f), Some(e)) = (f.as_object_mut(), extra.as_object()) {
        f.extend(e.clone());
    }
    f
}

fn form(tabs: Vec<(&str, Vec<serde_json::Value>)>) -> serde_json::Value {
    let mut items = serde_json::Map::new();
    for (i, (title, fields)) in tabs.into_iter().enumerate() {
        let fields: serde_json::Map<_, _> = fields
            .into_iter()
            .enumerate()
            .map(|(j, f)| (format!("f{j}"), f))
            .collect();
        items.insert(
            format!("tab{i}"),
            json!({"title": title, "granite:data": {"tabid": "x"},
                   "items": {"col1": {"items": fields}}}),
        );
    }
    json!({"jcr:primaryType": "nt:unstructured", "items": {"tabs": {"items": items}}})
}

#[test]
fn a_form_gives_its_fields_with_labels_types_options_and_flags() {
    let mut node = form(vec![
        (
            "Basic",
            vec![
                field_json("dc:title", "Title", "text", json!({"required": true})),
                field_json("dc:format", "Format", "text", json!({"readOnly": "true"})),
                json!({"sling:resourceType": "dam/gui/components/admin/schemafield",
                       "resourceType": "x/multifield", "fieldLabel": "Keywords",
                       "granite:data": {"metaType": "mvtext"},
                       "field": {"name": "./jcr:content/metadata/dc:subject"}}),
                // Not asset metadata, and a section header: neither is a field.
                field_json(
                    "x",
                    "Created by",
                    "text",
                    json!({"name": "./jcr:createdBy"}),
                ),
                field_json("x", "Usage", "section", json!({"name": null})),
            ],
        ),
        (
            "Rights",
            vec![
                field_json(
                    "dc:rights",
                    "Copyright",
                    "dropdown",
                    json!({"items": {
                        "0": {"text": "Free", "value": "free"},
                        "1": {"text": "No value"},
                        "2": {"text": "", "value": "paid"},
                        "3": {"text": "Again", "value": "free"},
                    }}),
                ),
                field_json("xmp:Rating", "Rating", "text", json!({"typeHint": "Long"})),
                field_json("prism:expirationDate", "Expires", "datepicker", json!({})),
                json!({"resourceType": "cq/gui/components/coral/common/form/tagfield",
                       "fieldLabel": "Tags", "name": "./jcr:content/metadata/cq:tags"}),
                field_json("m:ok", "", "checkbox", json!({})),
                field_json("m:who", "Owner", "userpicker", json!({})),
            ],
        ),
    ]);
    node["image"] = json!({"jpeg": form(vec![("Basic", vec![field_json("photoshop:City", "City", "text", json!({}))])])});
    let parsed = parse_form(&node);
    let props: Vec<&str> = parsed.fields.iter().map(|f| f.property.as_str()).collect();
    assert_eq!(
        props,
        [
            "dc:title",
            "dc:format",
            "dc:subject",
            "dc:rights",
            "xmp:Rating",
            "prism:expirationDate",
            "cq:tags",
            "m:ok",
            "m:who"
        ]
    );
    let f = |p: &str| parsed.fields.iter().find(|f| f.property == p).unwrap();
    assert!(f("dc:title").required && !f("dc:title").read_only);
    assert!(f("dc:format").read_only, "a flag kept as a string counts");
    assert_eq!(f("dc:subject").kind, FieldKind::MultiText);
    assert!(f("dc:subject").multiple);
    let rights = f("dc:rights");
    assert_eq!(
        (rights.kind, rights.tab.as_str()),
        (FieldKind::Dropdown, "Rights")
    );
    assert_eq!(
        rights.options,
        [
            Choice {
                value: "free".into(),
                text: "Free".into()
            },
            Choice {
                value: "paid".into(),
                text: "paid".into()
            },
        ],
        "no option without a value, each value once, its text or else its value"
    );
    assert_eq!(f("xmp:Rating").kind, FieldKind::Number);
    assert_eq!(f("prism:expirationDate").kind, FieldKind::Date);
    assert_eq!(f("cq:tags").kind, FieldKind::Tags);
    assert_eq!(f("m:ok").label, "m:ok", "no label: the property");
    assert_eq!(f("m:who").kind, FieldKind::Other);
    assert_eq!(parsed.mime_forms.len(), 1);
    assert_eq!(parsed.mime_forms[0].mime, "image/jpeg");
}

#[test]
fn sub_forms_lay_their_fields_over_the_forms_by_mime_type() {
    let field = |p: &str, label: &str, tab: &str| SchemaField {
        property: p.into(),
        label: label.into(),
        tab: tab.into(),
        kind: FieldKind::Text,
        multiple: false,
        options: vec![],
        required: false,
        read_only: false,
        min: None,
        max: None,
    };
    let schema = Schema {
        form: "f".into(),
        mapped_on: None,
        fields: vec![
            field("dc:title", "Title", "Basic"),
            field("dc:rights", "Rights", "Rights"),
        ],
        mime_forms: vec![
            MimeFields {
                mime: "image".into(),
                fields: vec![field("dc:title", "Image title", "Basic")],
            },
            MimeFields {
                mime: "image/jpeg".into(),
                fields: vec![field("x:city", "City", "Basic")],
            },
        ],
    };
    let labels = |fields: Vec<SchemaField>| fields.into_iter().map(|f| f.label).collect::<Vec<_>>();
    assert_eq!(labels(schema.fields_for(None)), ["Title", "Rights"]);
    assert_eq!(
        labels(schema.fields_for(Some("application/pdf"))),
        ["Title", "Rights"]
    );
    assert_eq!(
        labels(schema.fields_for(Some("image/png"))),
        ["Image title", "Rights"]
    );
    assert_eq!(
        labels(schema.fields_for(Some("IMAGE/JPEG"))),
        ["Image title", "City", "Rights"],
        "a new field joins its tab"
    );
}

#[test]
fn values_are_checked_against_the_fields_kind_in_words() {
    let dropdown = SchemaField {
        property: "dc:rights".into(),
        label: "Copyright".into(),
        tab: "Rights".into(),
        kind: FieldKind::Dropdown,
        multiple: false,
        options: vec![Choice {
            value: "free".into(),
            text: "Free".into(),
        }],
        required: true,
        read_only: false,
        min: None,
        max: None,
    };
    assert_eq!(check_value(&dropdown, "free"), Ok(()));
    let problem = check_value(&dropdown, "Free").unwrap_err();
    assert_eq!(
        problem.text(&dropdown).localized(&Localizer::english()),
        "\u{201c}Free\u{201d} is not one of the values Copyright (dc:rights) allows: \u{201c}free\u{201d}"
    );
    // A long list is quoted by its first few options, not copied into every reason. Seen
    // failing without it: the reason held all 123.
    let long = SchemaField {
        options: (0..123)
            .map(|n| Choice {
                value: format!("o{n}"),
                text: format!("O{n}"),
            })
            .collect(),
        ..dropdown.clone()
    };
    let words = check_value(&long, "nope")
        .unwrap_err()
        .text(&long)
        .localized(&Localizer::english());
    assert!(
        words.ends_with(
            "allows: \u{201c}o0\u{201d}, \u{201c}o1\u{201d}, \u{201c}o2\u{201d}, \u{201c}o3\u{201d}, \u{201c}o4\u{201d} … and 118 more"
        ),
        "{words}"
    );
    let typed = |kind| SchemaField {
        kind,
        options: vec![],
        ..dropdown.clone()
    };
    assert!(check_value(&typed(FieldKind::Number), "4.5").is_ok());
    assert!(check_value(&typed(FieldKind::Number), "four").is_err());
    // A range the form gives: inside is taken, outside said with the range.
    let rating = SchemaField {
        label: "Rating".into(),
        property: "xmp:Rating".into(),
        min: Some("0".into()),
        max: Some("5".into()),
        ..typed(FieldKind::Number)
    };
    assert!(check_value(&rating, "5").is_ok());
    assert!(check_value(&rating, "0").is_ok());
    let nine = check_value(&rating, "9").unwrap_err();
    assert_eq!(
        nine.text(&rating).localized(&Localizer::english()),
        "\u{201c}9\u{201d} is outside what Rating (xmp:Rating) takes: from 0 to 5"
    );
    let from_one = SchemaField {
        max: None,
        min: Some("1".into()),
        ..rating.clone()
    };
    assert!(check_value(&from_one, "0.5").is_err());
    assert!(check_value(&from_one, "100").is_ok());
    assert!(check_value(&typed(FieldKind::Date), "2026-03-31").is_ok());
    assert!(check_value(&typed(FieldKind::Date), "2026-03-31T09:00:00.000+02:00").is_ok());
    assert!(check_value(&typed(FieldKind::Date), "2026-03-31T00:00:00.000").is_ok());
    assert!(check_value(&typed(FieldKind::Date), "31/03/2026").is_err());
    assert!(check_value(&typed(FieldKind::Date), "2026-02-30").is_err());
    assert!(check_value(&typed(FieldKind::Checkbox), "TRUE").is_ok());
    assert!(check_value(&typed(FieldKind::Checkbox), "yes").is_err());
    assert!(
        check_value(&typed(FieldKind::Dropdown), "anything").is_ok(),
        "no options: any"
    );
    assert!(check_value(&typed(FieldKind::Text), "anything").is_ok());
    let read_only = SchemaField {
        read_only: true,
        min: None,
        max: None,
        ..typed(FieldKind::Text)
    };
    assert_eq!(check_value(&read_only, "x"), Err(ValueProblem::ReadOnly));
    for p in [
        ValueProblem::NotANumber { value: "x".into() },
        ValueProblem::NotADate { value: "x".into() },
        ValueProblem::NotABoolean { value: "x".into() },
        ValueProblem::ReadOnly,
        ValueProblem::NotAnOption { value: "x".into() },
    ] {
        let fr = p
            .text(&dropdown)
            .localized(&Localizer::new(metadesk_base::i18n::Lang::Fr));
        metadesk_base::i18n::checks::assert_reads_french(&fr);
    }
}

async fn sandbox_assets() -> (metadesk_sandbox::Sandbox, ClassicAssets) {
    let sb = metadesk_sandbox::Sandbox::start(
        metadesk_sandbox::SandboxConfig::default()
            .with_assets(40)
            .with_key_bits(1024),
    )
    .await
    .unwrap();
    let client = crate::testing::sandbox_client(&sb, reqwest::Client::new());
    (sb, ClassicAssets::new(client))
}

#[tokio::test]
async fn a_folders_form_is_read_from_aem_as_it_stores_it() {
    let (sb, api) = sandbox_assets().await;
    let sample = metadesk_sandbox::SAMPLE_FOLDER;
    let schema = read_effective(&api, sample).await.unwrap();
    assert_eq!(schema.form, format!("{CONF_FORMS}/metadesk-brand"));
    assert_eq!(
        schema.mapped_on.as_deref(),
        Some("/content/dam/wknd-shared/en/adventures"),
        "inherited from the parent's jcr:content"
    );
    let rights = schema.field("dc:rights").unwrap();
    assert!(rights.required);
    let language = schema.field("dc:language").unwrap();
    assert_eq!(language.kind, FieldKind::Dropdown);
    let allowed: Vec<&str> = language.options.iter().map(|c| c.value.as_str()).collect();
    assert_eq!(allowed, metadesk_sandbox::BRAND_LANGUAGES);
    let jpeg = schema.fields_for(Some("image/jpeg"));
    assert!(jpeg.iter().any(|f| f.property == "photoshop:City"));
    assert!(
        !schema
            .fields_for(Some("image/png"))
            .iter()
            .any(|f| f.property == "photoshop:City")
    );

    // Mapped on the folder node to a form that does not exist.
    let retired = read_effective(&api, "/content/dam/wknd-shared/en")
        .await
        .unwrap_err();
    assert!(
        matches!(&retired, SchemaError::Form { form, error: CallError::NotFound } if form.ends_with("/retired")),
        "{retired:?}"
    );
    // No mapping: the built-in default form.
    let default = read_effective(&api, "/content/dam").await.unwrap();
    assert_eq!(default.form, format!("{LIBS_FORMS}/default"));
    assert!(default.field("dc:title").is_some());
    assert_eq!(default.mime_forms[0].mime, "image");

    let missing = read_effective(&api, "/content/dam/nowhere")
        .await
        .unwrap_err();
    assert_eq!(missing, SchemaError::Folder(CallError::NotFound));

    sb.set_faults(metadesk_sandbox::Faults {
        schemas_denied: true,
        ..Default::default()
    })
    .unwrap();
    let denied = read_effective(&api, sample).await.unwrap_err();
    assert!(
        matches!(
            &denied,
            SchemaError::Form {
                error: CallError::Forbidden(_),
                ..
            }
        ),
        "{denied:?}"
    );
    assert!(
        api.node("/etc/passwd", "").await.is_err(),
        "outside the readable trees"
    );
    assert!(api.node("/conf/../etc", "").await.is_err());
}

#[tokio::test]
async fn a_form_too_large_for_one_render_is_read_whole_in_parts() {
    let (sb, api) = sandbox_assets().await;
    let sample = metadesk_sandbox::SAMPLE_FOLDER;
    let whole = read_effective(&api, sample).await.unwrap();
    sb.set_json_max_results(4);
    let in_parts = read_effective(&api, sample).await.unwrap();
    assert_eq!(in_parts, whole);
    assert!(whole.field("dc:rights").is_some());
}
