//! Bulk edit's folder through its commands: the window asks the core what a typed folder is
//! (`check_folder`), so it takes every form the CLI takes, and a bad one is refused in the
//! window's language before anything is sent.

use serde_json::{Value, json};

use super::MockApp;

#[test]
fn a_typed_folder_is_the_cores_to_take_or_refuse_in_the_windows_words() {
    let (app, _) = MockApp::with_counted_keychain();
    let napa = "/content/dam/wknd-shared/en/adventures/napa-wine-tasting";
    for typed in [
        "/wknd-shared/en/adventures/napa-wine-tasting",
        "wknd-shared/en/adventures/napa-wine-tasting/",
        napa,
    ] {
        let taken = app
            .invoke("check_folder", json!({ "folder": typed }))
            .unwrap();
        assert_eq!(taken, napa, "{typed}");
    }

    app.set_language("en");
    let (code, en) = app.refused("check_folder", json!({ "folder": "/content/sites/x" }));
    assert_eq!(code, "invalid_input");
    assert_eq!(
        en,
        "\"/content/sites/x\" is not a DAM folder: it must start with /content/dam/."
    );
    app.set_language("fr");
    let (_, fr) = app.refused("check_folder", json!({ "folder": "/content/dam/a/../b" }));
    assert_eq!(
        fr,
        "«\u{a0}/content/dam/a/../b\u{a0}» contient des segments «\u{a0}.\u{a0}» ou «\u{a0}..\u{a0}»."
    );
}

#[test]
fn the_runs_scope_is_made_by_the_core_from_the_persons_scope() {
    let (app, _) = MockApp::with_counted_keychain();
    let list = json!({ "kind": "list", "entries": [" /content/dam/a/b.jpg ", ""] });
    let request = json!({ "connectionId": "c", "scope": list, "name": null, "formats": [] });
    let scope = app
        .invoke("run_scope", json!({ "request": request }))
        .unwrap();
    assert_eq!(scope["folder"], "/content/dam", "{scope}");
    assert_eq!(
        scope["filters"]["selection"],
        json!({ "kind": "list", "entries": ["/content/dam/a/b.jpg"] }),
        "{scope}"
    );
    let folder = json!({ "kind": "folder", "folder": "/content/sites/x", "recursive": false });
    let request = json!({ "connectionId": "c", "scope": folder, "name": null, "formats": [] });
    let (code, _) = app.refused("run_scope", json!({ "request": request }));
    assert_eq!(code, "invalid_input");
}

/// Bulk edit's form as typed is checked by the core (`check_form`): each bad field (an edit's
/// rule, a property on two rows too) has the core's refusal in the window's language, a good
/// one none, and nothing is sent to AEM.
#[test]
fn the_forms_problems_are_the_cores_in_the_windows_language() {
    let (app, _) = MockApp::with_counted_keychain();
    let request = json!({
        "properties": ["dc:title", "title"],
        "edits": [
            { "property": "dc:date", "op": { "kind": "shift_date", "by": "a week" } },
            { "property": "metadata/dc:date", "op": { "kind": "where", "propertyIs": "empty",
                "op": { "kind": "from_name", "pattern": "^(?<sku>\\d+)", "template": "{sku}", "wholePath": false } } },
        ],
        "name": "photos/*.jpg",
        "conditions": [
            { "kind": "is_empty", "property": "dc:rights" },
            { "kind": "tagged", "tag": "wknd activity" },
        ],
        "list": "path\n",
        "sheetProperties": ["x y"],
    });
    app.set_language("en");
    let en = app
        .invoke("check_form", json!({ "request": request }))
        .unwrap();
    assert_eq!(en["properties"][0], Value::Null, "{en}");
    assert!(
        en["properties"][1]
            .as_str()
            .unwrap()
            .starts_with("\"title\" is not a metadata property name"),
        "{en}"
    );
    assert_eq!(
        en["name"],
        "\"photos/*.jpg\" is a path: a name pattern matches file names only."
    );
    assert!(
        en["edits"][0]
            .as_str()
            .unwrap()
            .starts_with("The date shift of dc:date, \"a week\", is not a duration"),
        "{en}"
    );
    assert_eq!(en["edits"][1], Value::Null, "{en}");
    assert_eq!(
        en["repeated"],
        json!([
            null,
            "dc:date is edited twice in one run; combine the two edits into one."
        ])
    );
    assert_eq!(en["conditions"][0], Value::Null, "{en}");
    assert!(
        en["conditions"][1]
            .as_str()
            .unwrap()
            .contains("wknd activity")
    );
    assert_eq!(
        en["list"],
        "The list is empty: give one DAM path, Assets link or asset id per line."
    );
    assert!(
        en["sheetProperties"][0]
            .as_str()
            .unwrap()
            .contains("\"x y\"")
    );

    app.set_language("fr");
    let fr = app
        .invoke("check_form", json!({ "request": request }))
        .unwrap();
    assert_eq!(
        fr["name"],
        "«\u{a0}photos/*.jpg\u{a0}» est un chemin\u{a0}: un motif de nom ne s’applique qu’aux noms de fichiers."
    );
    assert!(
        fr["properties"][1]
            .as_str()
            .unwrap()
            .starts_with("«\u{a0}title\u{a0}»"),
        "{fr}"
    );
    assert!(
        fr["edits"][0].as_str().unwrap().starts_with(
            "Le décalage de date de dc:date, «\u{a0}a week\u{a0}», n’est pas une durée"
        ),
        "{fr}"
    );
    assert_eq!(
        fr["repeated"][1],
        "dc:date est modifiée deux fois dans la même exécution\u{202f}; réunissez les deux modifications en une."
    );

    // Fields left out are none to check.
    let empty = app.invoke("check_form", json!({ "request": {} })).unwrap();
    assert_eq!(
        empty,
        json!({
            "properties": [], "edits": [], "repeated": [], "name": null, "conditions": [],
            "list": null, "sheetProperties": []
        })
    );
}
