//! The API console's refusals through its commands: a request that would leave the connection's
//! own AEM is refused before anything is sent, in the window's language, with the argument
//! struct the page sends (`ConsoleSendRequest`).

use serde_json::{Value, json};

use super::MockApp;

fn get(path: &str) -> Value {
    json!({
        "connection": "nowhere",
        "request": { "method": "GET", "path": path, "headers": [], "body": null, "form": null },
        "typed": null,
        "callId": null,
    })
}

#[test]
fn a_request_to_another_host_is_refused_in_both_languages() {
    let (app, _) = MockApp::with_counted_keychain();
    app.set_language("en");
    let (code, en) = app.refused(
        "console_request",
        json!({ "request": get("//evil.test/x") }),
    );
    assert_eq!(code, "invalid_input");
    assert!(en.contains("path"), "{en}");
    app.set_language("fr");
    let (code, fr) = app.refused(
        "console_request",
        json!({ "request": get("//evil.test/x") }),
    );
    assert_eq!(code, "invalid_input");
    assert!(fr.contains("chemin"), "{fr}");
    assert_ne!(en, fr);
    // A path of its own AEM gets as far as the connection, which does not exist.
    let (code, _) = app.refused(
        "console_request",
        json!({ "request": get("/content/dam.1.json") }),
    );
    assert_eq!(code, "not_found");
}
