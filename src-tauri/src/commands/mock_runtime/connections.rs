//! Importing a credential through the commands: a bad one is refused in the window's words, and
//! nothing is stored (no connection, no keychain entry); a dropped file is told to the window
//! in events.

use serde_json::json;

use super::MockApp;

/// Text that is JSON but no credential Metadesk knows.
const NOT_A_CREDENTIAL: &str = r#"{"hello": "world"}"#;

#[test]
fn a_pasted_bad_credential_is_refused_in_words_and_nothing_is_stored() {
    let (app, keychain) = MockApp::with_counted_keychain();
    for (lang, words) in [
        ("en", "Metadesk does not recognise this file."),
        ("fr", "Metadesk ne reconnaît pas ce fichier."),
    ] {
        app.set_language(lang);
        let outcome = app
            .invoke("import_pasted_json", json!({ "text": NOT_A_CREDENTIAL }))
            .unwrap();
        let result = &outcome["result"];
        assert_eq!(result["state"], "refused", "{outcome}");
        assert_eq!(result["code"], "credential_refused", "{outcome}");
        let problems = result["problems"].to_string();
        assert!(problems.contains(words), "{lang}: {problems}");
    }
    let connections = app.invoke("list_connections", json!({})).unwrap();
    assert_eq!(connections, json!([]));
    assert_eq!(keychain.writes(), 0, "nothing written to the keychain");
}

/// The WebDriver suite's drop goes through the handler a native drop does; the window hears
/// the names at once, then each file's outcome.
#[cfg(any(debug_assertions, feature = "e2e-hooks"))]
#[test]
fn a_dropped_file_is_told_to_the_window_in_events() {
    let (app, keychain) = MockApp::with_counted_keychain();
    app.listen("files-dropped");
    app.listen("import-result");
    let path = app.dir.path().join("not-a-credential.json");
    std::fs::write(&path, NOT_A_CREDENTIAL).unwrap();
    app.invoke("e2e_simulate_drop", json!({ "paths": [path] }))
        .unwrap();
    assert_eq!(
        app.heard("files-dropped"),
        [json!(["not-a-credential.json"])]
    );
    // The import runs on a blocking thread: its outcome arrives a moment later.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while app.heard("import-result").is_empty() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let results = app.heard("import-result");
    assert_eq!(results.len(), 1, "{results:?}");
    assert_eq!(results[0]["file"], "not-a-credential.json");
    assert_eq!(results[0]["result"]["state"], "refused", "{results:?}");
    assert_eq!(keychain.writes(), 0);
}
