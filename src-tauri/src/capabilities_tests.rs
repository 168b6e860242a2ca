//! What the window's capabilities grant in every build: never a test-only permission (the
//! WebDriver tests' drop is granted by `test-capabilities/e2e.json`, which only test builds add
//! at start-up).

use std::path::Path;

#[test]
fn no_capability_of_every_build_grants_a_test_only_permission() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("capabilities");
    let mut read = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let capability: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let granted = capability["permissions"].as_array().unwrap();
        for permission in granted {
            let name = permission
                .as_str()
                .or_else(|| permission["identifier"].as_str())
                .unwrap_or_default();
            assert!(
                !name.contains("e2e"),
                "{} grants {name} in every build",
                path.display()
            );
        }
        read += 1;
    }
    assert!(read > 0, "no capability read in {}", dir.display());
}

#[test]
fn the_test_capability_grants_the_drop_alone() {
    let text = include_str!("../test-capabilities/e2e.json");
    let capability: serde_json::Value = serde_json::from_str(text).unwrap();
    assert_eq!(
        capability["permissions"],
        serde_json::json!(["allow-e2e-simulate-drop"])
    );
    assert_eq!(capability["windows"], serde_json::json!(["main"]));
}
