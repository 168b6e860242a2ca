//! The window's language through its commands: the choice the settings send (`setLanguage`)
//! switches the words of every error after it, and arguments keep the page's camelCase names.

use serde_json::json;

use super::MockApp;

#[test]
fn errors_follow_the_language_the_window_chose() {
    let (app, _) = MockApp::with_counted_keychain();
    let settings = app.invoke("language_settings", json!({})).unwrap();
    assert!(settings["chosen"].is_null(), "{settings}");

    app.set_language("fr");
    let settings = app.invoke("language_settings", json!({})).unwrap();
    assert_eq!(settings["chosen"], "fr", "kept: {settings}");
    let (code, message) = app.refused("test_connection", json!({ "id": "nowhere" }));
    assert_eq!(code, "not_found");
    assert_eq!(
        message,
        "Aucune connexion ne s’appelle «\u{a0}nowhere\u{a0}»."
    );

    app.set_language("en");
    let (code, message) = app.refused("test_connection", json!({ "id": "nowhere" }));
    assert_eq!(code, "not_found");
    assert_eq!(message, "There is no connection called \"nowhere\".");

    // Null follows the system again.
    let settings = app
        .invoke("set_language", json!({ "chosen": null }))
        .unwrap();
    assert!(settings["chosen"].is_null(), "{settings}");
}

#[test]
fn arguments_carry_the_names_the_page_sends() {
    let (app, _) = MockApp::with_counted_keychain();
    // `previewPendingChoice(pendingId, choice)`: camelCase, as `invoke` sends it.
    let (code, _) = app.refused(
        "preview_pending_choice",
        json!({ "pendingId": "gone", "choice": "0" }),
    );
    assert_eq!(code, "not_found");
    // Rust's snake_case name is not what a command reads: Tauri refuses the call itself.
    let refused = app
        .invoke(
            "preview_pending_choice",
            json!({ "pending_id": "gone", "choice": "0" }),
        )
        .unwrap_err();
    let said = refused.as_str().unwrap_or_default();
    assert!(said.contains("pendingId"), "{refused}");
    // A command taking more than two values takes one struct, sent as `request`.
    let page = json!({ "importId": "gone", "filter": "all", "offset": 0, "limit": 10 });
    let (code, _) = app.refused("sheet_issues", json!({ "request": page }));
    assert_eq!(code, "invalid_input");
    let flat = app.invoke("sheet_issues", page).unwrap_err();
    assert!(flat.to_string().contains("request"), "{flat}");
    // A command the page does not know is refused by name.
    let unknown = app.invoke("no_such_command", json!({})).unwrap_err();
    assert!(unknown.to_string().contains("no_such_command"), "{unknown}");
}
