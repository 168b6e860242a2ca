//! Bulk edit's folder through its commands: the window asks the core what a typed folder is
//! (`check_folder`), so it takes every form the CLI takes, and a bad one is refused in the
//! window's language before anything is sent.

use serde_json::json;

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
