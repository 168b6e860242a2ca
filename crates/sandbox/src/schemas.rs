//! AEM's metadata schema forms as the repository stores them
//! (<https://experienceleague.adobe.com/en/docs/experience-manager-cloud-service/content/assets/admin/metadata-schemas>),
//! served as Sling default GET JSON: the custom forms under
//! `/conf/global/settings/dam/adminui-extension/metadataschema/<form>`, the built-ins under
//! `/libs/dam/content/schemaeditors/forms/<form>`, MIME sub-forms as child nodes of a form
//! (`default/image/jpeg`), and the folders mapped to a form by `metadataSchema`.
//!
//! Seeded as AEM would be after an administrator's work:
//! - `/libs/…/forms/default` (with `image` below it): the built-in form every folder uses by
//!   default;
//! - `/conf/…/metadataschema/metadesk-brand`: a custom form (a full copy of the tabs, as the
//!   editor's "Copy" makes it) with a required Title and Copyright (about 30 % of the seeded
//!   assets lack a Copyright) and a Language dropdown whose options are codes (`en`), which
//!   about one asset in ten violates with AEM's label ("English"); its `image/jpeg` sub-form
//!   holds only the field it adds (a City), as the real exported form does;
//! - `/content/dam/wknd-shared/en/adventures` mapped to `metadesk-brand` on its `jcr:content`,
//!   `/content/dam/wknd-shared` mapped on the folder node itself to a form that no longer exists
//!   (`retired`), so its other subfolders have an unreadable form. Which of the two nodes AEM
//!   uses is UNCONFIRMED; the sandbox has one of each.
//!
//! The `schemas_denied` fault answers 403 on both trees, as for an account without read on
//! `/conf` and `/libs`.
//!
//! Not here: the DAM's folders and assets (`dam/`), the HTTP routing of `/content` (`classic.rs`).

use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};

use crate::Shared;
use crate::auth::{self, Family};
use crate::core_response::auth_failure;

/// Where custom and customised forms live.
pub(crate) const CONF_FORMS: &str = "/conf/global/settings/dam/adminui-extension/metadataschema";
/// Where the built-in forms live.
pub(crate) const LIBS_FORMS: &str = "/libs/dam/content/schemaeditors/forms";
/// The custom form the seeded folders use.
pub(crate) const BRAND_FORM: &str =
    "/conf/global/settings/dam/adminui-extension/metadataschema/metadesk-brand";

/// The seeded folder mappings: (folder, on its `jcr:content` rather than the folder node, form).
const MAPPINGS: &[(&str, bool, &str)] = &[
    ("/content/dam/wknd-shared/en/adventures", true, BRAND_FORM),
    (
        "/content/dam/wknd-shared",
        false,
        "/conf/global/settings/dam/adminui-extension/metadataschema/retired",
    ),
];

/// The values the Language dropdown of `metadesk-brand` allows (the seeded "English" is not one).
pub const BRAND_LANGUAGES: &[&str] = &["en", "de", "fr", "ja"];

/// The `metadataSchema` the sandbox seeded on `folder` (the folder node when `on_content` is
/// false, its `jcr:content` otherwise).
pub(crate) fn seeded_mapping(folder: &str, on_content: bool) -> Option<&'static str> {
    MAPPINGS
        .iter()
        .find(|(f, content, _)| *f == folder && *content == on_content)
        .map(|(_, _, form)| *form)
}

fn field(resource_type: &str, meta_type: &str, property: &str, label: &str) -> Map<String, Value> {
    let mut f = Map::new();
    f.insert("jcr:primaryType".into(), json!("nt:unstructured"));
    f.insert(
        "sling:resourceType".into(),
        json!("dam/gui/components/admin/schemafield"),
    );
    f.insert("resourceType".into(), json!(resource_type));
    f.insert("fieldLabel".into(), json!(label));
    f.insert(
        "name".into(),
        json!(format!("./jcr:content/metadata/{property}")),
    );
    f.insert(
        "granite:data".into(),
        json!({"jcr:primaryType": "nt:unstructured", "metaType": meta_type,
               "requiredCascading": "default", "visibilityCascading": "default"}),
    );
    f
}

const TEXT: &str = "granite/ui/components/coral/foundation/form/textfield";

fn text(property: &str, label: &str) -> Map<String, Value> {
    field(TEXT, "text", property, label)
}

fn with(mut f: Map<String, Value>, key: &str, value: Value) -> Map<String, Value> {
    f.insert(key.into(), value);
    f
}

fn multi_text(property: &str, label: &str) -> Map<String, Value> {
    // The name sits on the `field` child, as the form builder writes a multifield.
    let mut f = field(
        "granite/ui/components/coral/foundation/form/multifield",
        "mvtext",
        property,
        label,
    );
    f.remove("name");
    f.insert(
        "field".into(),
        json!({"jcr:primaryType": "nt:unstructured", "sling:resourceType": TEXT,
               "name": format!("./jcr:content/metadata/{property}")}),
    );
    f
}

fn dropdown(property: &str, label: &str, options: &[(&str, &str)]) -> Map<String, Value> {
    let mut items = Map::new();
    items.insert("jcr:primaryType".into(), json!("nt:unstructured"));
    for (i, (text, value)) in options.iter().enumerate() {
        let mut o = Map::new();
        o.insert("jcr:primaryType".into(), json!("nt:unstructured"));
        o.insert("text".into(), json!(text));
        // An option without a value, as real content has: it offers nothing.
        if !value.is_empty() {
            o.insert("value".into(), json!(value));
        }
        items.insert(i.to_string(), Value::Object(o));
    }
    let f = field(
        "dam/gui/coral/components/admin/schemaforms/formbuilder/formfields/v2/metadataselect",
        "dropdown",
        property,
        label,
    );
    let f = with(f, "emptyText", json!("Select"));
    with(f, "items", Value::Object(items))
}

fn node(children: Vec<(&str, Value)>, props: &[(&str, Value)]) -> Value {
    let mut n = Map::new();
    n.insert("jcr:primaryType".into(), json!("nt:unstructured"));
    for (k, v) in props {
        n.insert((*k).into(), v.clone());
    }
    for (k, v) in children {
        n.insert(k.into(), v);
    }
    Value::Object(n)
}

/// A tab holding one column of `fields` (named `field0…`).
fn tab(title: &str, fields: Vec<Map<String, Value>>) -> Value {
    let items = fields
        .into_iter()
        .enumerate()
        .map(|(i, f)| (format!("field{i}"), Value::Object(f)))
        .collect::<Map<_, _>>();
    let mut col_items = Map::new();
    col_items.insert("jcr:primaryType".into(), json!("nt:unstructured"));
    col_items.extend(items);
    let col = node(
        vec![("items", Value::Object(col_items))],
        &[
            (
                "sling:resourceType",
                json!("granite/ui/components/coral/foundation/container"),
            ),
            ("rel", json!("aem-assets-metadata-form-column")),
        ],
    );
    node(
        vec![
            ("items", node(vec![("col1", col)], &[])),
            (
                "granite:data",
                node(vec![], &[("tabid", json!(title.to_lowercase()))]),
            ),
        ],
        &[
            (
                "sling:resourceType",
                json!("granite/ui/components/coral/foundation/container"),
            ),
            ("rel", json!("aem-assets-metadata-form-tab")),
            ("title", json!(title)),
        ],
    )
}

/// A form (or sub-form): `items/tabs/items/tab1..N`, then MIME sub-forms as children.
fn form(tabs: Vec<Value>, subforms: Vec<(&str, Value)>) -> Value {
    let tab_items: Vec<(String, Value)> = tabs
        .into_iter()
        .enumerate()
        .map(|(i, t)| (format!("tab{}", i + 1), t))
        .collect();
    let mut items = Map::new();
    items.insert("jcr:primaryType".into(), json!("nt:unstructured"));
    items.extend(tab_items);
    let tabs = node(
        vec![("items", Value::Object(items))],
        &[(
            "sling:resourceType",
            json!("granite/ui/components/coral/foundation/tabs"),
        )],
    );
    let mut children = vec![("items", node(vec![("tabs", tabs)], &[]))];
    children.extend(subforms);
    node(children, &[("allowCustomization", json!(true))])
}

fn default_form() -> Value {
    let read_only = |f: Map<String, Value>| with(f, "readOnly", json!(true));
    let image = form(
        vec![tab(
            "Basic",
            vec![
                read_only(field(
                    "granite/ui/components/coral/foundation/form/numberfield",
                    "number",
                    "tiff:ImageWidth",
                    "Width",
                )),
                read_only(field(
                    "granite/ui/components/coral/foundation/form/numberfield",
                    "number",
                    "tiff:ImageLength",
                    "Height",
                )),
            ],
        )],
        vec![],
    );
    form(
        vec![
            tab(
                "Basic",
                vec![
                    text("dc:title", "Title"),
                    text("dc:description", "Description"),
                    field(
                        "cq/gui/components/coral/common/form/tagfield",
                        "tags",
                        "cq:tags",
                        "Tags",
                    ),
                    read_only(text("dc:format", "Format")),
                ],
            ),
            tab(
                "Advanced",
                vec![
                    text("dc:rights", "Copyright"),
                    multi_text("dc:subject", "Keywords"),
                ],
            ),
        ],
        vec![("image", image)],
    )
}

fn brand_form() -> Value {
    let required = |f: Map<String, Value>| with(f, "required", json!(true));
    let jpeg = form(
        vec![tab("Basic", vec![text("photoshop:City", "City")])],
        vec![],
    );
    let section = with(
        field(
            "dam/gui/coral/components/admin/schemaforms/formbuilder/sectionfield",
            "section",
            "",
            "Usage",
        ),
        "name",
        Value::Null,
    );
    form(
        vec![
            tab(
                "Basic",
                vec![
                    required(text("dc:title", "Title")),
                    text("dc:description", "Description"),
                    multi_text("dc:subject", "Keywords"),
                    field(
                        "cq/gui/components/coral/common/form/tagfield",
                        "tags",
                        "cq:tags",
                        "Tags",
                    ),
                    with(text("dc:format", "Format"), "readOnly", json!(true)),
                    // Not asset metadata (`./jcr:createdBy`): never offered.
                    with(
                        with(text("x", "Created by"), "name", json!("./jcr:createdBy")),
                        "readOnly",
                        json!(true),
                    ),
                ],
            ),
            tab(
                "Rights",
                vec![
                    section,
                    required(text("dc:rights", "Copyright")),
                    dropdown(
                        "dc:language",
                        "Language",
                        &[
                            ("English", "en"),
                            ("German", "de"),
                            ("French", "fr"),
                            ("Japanese", "ja"),
                            ("(none)", ""),
                        ],
                    ),
                    with(
                        field(
                            "granite/ui/components/coral/foundation/form/datepicker",
                            "datepicker",
                            "prism:expirationDate",
                            "Expires",
                        ),
                        "granite:data",
                        json!({"metaType": "datepicker", "typeHint": "Date"}),
                    ),
                    // A rating from 0 to 5, as AEM's number field writes its bounds.
                    with(
                        with(
                            field(
                                "granite/ui/components/coral/foundation/form/numberfield",
                                "number",
                                "xmp:Rating",
                                "Rating",
                            ),
                            "min",
                            json!("0"),
                        ),
                        "max",
                        json!(5),
                    ),
                    with(
                        field(
                            "granite/ui/components/coral/foundation/form/checkbox",
                            "checkbox",
                            "metadesk:approved",
                            "Approved",
                        ),
                        "value",
                        json!("true"),
                    ),
                ],
            ),
        ],
        vec![("image", node(vec![("jpeg", jpeg)], &[]))],
    )
}

/// The whole `/conf` and `/libs` trees the sandbox holds, keyed by their root path.
fn trees() -> [(&'static str, Value); 2] {
    [
        (
            CONF_FORMS,
            node(
                vec![("metadesk-brand", brand_form())],
                &[("jcr:primaryType", json!("sling:Folder"))],
            ),
        ),
        (
            LIBS_FORMS,
            node(
                vec![("default", default_form())],
                &[("jcr:primaryType", json!("sling:Folder"))],
            ),
        ),
    ]
}

/// The node at `path` (`/conf/…` or `/libs/…`), or `None`. The folders above the two roots
/// exist too, each holding the next one.
fn lookup(path: &str) -> Option<Value> {
    for (root, tree) in trees() {
        if let Some(rest) = path.strip_prefix(root) {
            if !(rest.is_empty() || rest.starts_with('/')) {
                continue;
            }
            let mut at = tree;
            for name in rest.split('/').filter(|s| !s.is_empty()) {
                at = at.get(name).filter(|v| v.is_object())?.clone();
            }
            return Some(at);
        }
        if root.starts_with(path) && root[path.len()..].starts_with('/') {
            let child = root[path.len() + 1..].split('/').next().unwrap_or_default();
            return Some(node(
                vec![(child, json!({"jcr:primaryType": "sling:Folder"}))],
                &[("jcr:primaryType", json!("sling:Folder"))],
            ));
        }
    }
    None
}

/// `node` cut `depth` levels down, as the Sling default GET servlet renders it.
pub(crate) fn cut(value: &Value, depth: i64) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(_, v)| depth > 0 || !v.is_object())
                .map(|(k, v)| (k.clone(), cut(v, depth - 1)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// `name.N.json` → (`name`, N); `.json` is level 0, `.infinity`/`.-1` unlimited. `Err` for a
/// selector that is not a level (Sling answers 400).
pub(crate) fn split_selector(stem: &str) -> Result<(&str, i64), String> {
    match stem.rsplit_once('.') {
        Some((base, "infinity" | "-1")) => Ok((base, i64::MAX)),
        Some((base, sel)) if !sel.is_empty() && sel.chars().all(|c| c.is_ascii_digit()) => sel
            .parse()
            .map(|n| (base, n))
            .map_err(|_| format!("Invalid recursion selector value '{sel}'")),
        _ => Ok((stem, 0)),
    }
}

fn plain(status: StatusCode, text: String) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain;charset=utf-8")],
        text,
    )
        .into_response()
}

/// `GET /conf/….json` and `GET /libs/dam/….json`: the forms' Sling JSON.
pub(crate) fn serve(shared: &Shared, headers: &HeaderMap, full: &str) -> Response {
    if let Err(e) = auth::authenticate(shared, headers, Family::Classic) {
        return auth_failure(e, full);
    }
    shared.counters.bump(|c| c.schema_reads += 1);
    if shared.faults.schemas_denied() {
        return plain(
            StatusCode::FORBIDDEN,
            format!("Forbidden: no read permission on {full}"),
        );
    }
    let Some(stem) = full.strip_suffix(".json") else {
        return plain(StatusCode::NOT_FOUND, "Not Found".into());
    };
    let (path, depth) = match split_selector(stem) {
        Ok(s) => s,
        Err(e) => return plain(StatusCode::BAD_REQUEST, e),
    };
    match lookup(path) {
        Some(node) => {
            let max = shared
                .json_max_results
                .load(std::sync::atomic::Ordering::Relaxed);
            crate::sling_json::answer(cut(&node, depth), path, depth, max)
        }
        None => plain(StatusCode::NOT_FOUND, "Not Found".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_are_found_at_aems_paths_and_cut_by_depth() {
        let brand = lookup(BRAND_FORM).unwrap();
        let tabs = &brand["items"]["tabs"]["items"];
        assert_eq!(tabs["tab2"]["title"], "Rights");
        assert!(brand["image"]["jpeg"]["items"].is_object());
        let level0 = cut(&brand, 0);
        assert!(level0.get("items").is_none());
        assert_eq!(level0["allowCustomization"], true);
        let listing = cut(&lookup(CONF_FORMS).unwrap(), 1);
        assert!(listing["metadesk-brand"].is_object());
        assert!(listing["metadesk-brand"].get("items").is_none());
        assert!(lookup(&format!("{LIBS_FORMS}/default/image")).is_some());
        assert!(lookup("/conf/global").unwrap()["settings"].is_object());
        assert!(lookup(&format!("{CONF_FORMS}/retired")).is_none());
        assert!(lookup("/conf/globalx").is_none());
    }

    #[test]
    fn selectors_are_levels() {
        assert_eq!(split_selector("a.1"), Ok(("a", 1)));
        assert_eq!(split_selector("a.infinity"), Ok(("a", i64::MAX)));
        assert_eq!(split_selector("a"), Ok(("a", 0)));
        assert_eq!(split_selector("a.tidy"), Ok(("a.tidy", 0)));
    }
}
