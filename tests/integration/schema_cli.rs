//! `metadesk-cli schema show|missing` and the schema's checks in `bulk`, end to end against the
//! sandbox's metadata schema forms (a custom form mapped on a folder's `jcr:content`, its
//! `image/jpeg` sub-form, a folder mapped to a form that no longer exists).

use std::process::Output;

use metadesk_sandbox::{SAMPLE_FOLDER, Sandbox};
use serde_json::Value;

use crate::bulk_support::*;

struct Env {
    sb: Sandbox,
    dir: tempfile::TempDir,
}

impl Env {
    async fn new() -> Env {
        let sb = sandbox(40).await;
        let dir = tempfile::tempdir().unwrap();
        sb.write_credentials(&dir.path().join("creds")).unwrap();
        Env { sb, dir }
    }

    /// Runs the CLI with `args` and the sandbox's development token, in English.
    fn run(&self, args: &[&str]) -> Output {
        run_with_dev_token(&self.sb, self.dir.path(), args)
    }
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const FORMS: &str = "/conf/global/settings/dam/adminui-extension/metadataschema";

#[tokio::test(flavor = "multi_thread")]
async fn schema_show_names_fields_by_label_with_types_options_and_flags() {
    let env = Env::new().await;
    let o = env.run(&["schema", "show", "--folder", SAMPLE_FOLDER]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let text = out(&o);
    for line in [
        format!(
            "Form {FORMS}/metadesk-brand (chosen by /content/dam/wknd-shared/en/adventures)"
        ),
        "Basic\n  Title (dc:title): text, required\n".into(),
        "  Format (dc:format): text, read-only\n".into(),
        "Rights\n".into(),
        "  Copyright (dc:rights): text, required\n".into(),
        "  Language (dc:language): dropdown; allowed: en (English), de (German), fr (French), ja (Japanese)\n".into(),
        "  Expires (prism:expirationDate): date\n".into(),
        "  Rating (xmp:Rating): number\n".into(),
        "  Approved (metadesk:approved): checkbox\n".into(),
        "Only for image/jpeg:\nBasic\n  City (photoshop:City): text\n".into(),
        "Not reflected: cascading rules".into(),
    ] {
        assert!(text.contains(&line), "{line:?} not in:\n{text}");
    }
    assert!(!text.contains("Created by"), "not asset metadata: {text}");

    let o = env.run(&["schema", "show", "--folder", SAMPLE_FOLDER, "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let json: Value = serde_json::from_str(&out(&o)).unwrap();
    let fields = json["schema"]["fields"].as_array().unwrap();
    let rights = fields
        .iter()
        .find(|f| f["property"] == "dc:rights")
        .unwrap();
    assert_eq!(rights["required"], true);
    assert_eq!(rights["label"], "Copyright");
    assert_eq!(json["unavailable"], Value::Null);

    // A folder whose form no longer exists: said once, and the command still succeeds.
    let o = env.run(&["schema", "show", "--folder", "/content/dam/wknd-shared/en"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert_eq!(
        err(&o).trim(),
        format!(
            "warning: The metadata schema {FORMS}/retired no longer exists in AEM, so properties are typed by name and values are not checked."
        )
    );
    assert_eq!(out(&o), "");

    let o = env.run(&["schema", "show", "--folder", "/content/dam/nowhere"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains("The folder /content/dam/nowhere does not exist in AEM"),
        "{}",
        err(&o)
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn schema_missing_lists_who_lacks_what_and_writes_a_list_to_fill() {
    let env = Env::new().await;
    let dump = env.sb.dump(true);
    let mut lacking: Vec<String> = dump["assets"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["contentFragment"] == false && a["metadata"].get("dc:rights").is_none())
        .map(|a| a["path"].as_str().unwrap().to_owned())
        .collect();
    lacking.sort();
    assert!(!lacking.is_empty());
    let list = env.dir.path().join("to-fill.txt");
    let o = env.run(&[
        "schema",
        "missing",
        "--folder",
        SAMPLE_FOLDER,
        "--list-out",
        list.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    let text = out(&o);
    let n = lacking.len();
    let heading = if n == 1 {
        "1 asset lacks Copyright (dc:rights, required):".to_owned()
    } else {
        format!("{n} assets lack Copyright (dc:rights, required):")
    };
    assert!(text.contains(&heading), "{heading} not in:\n{text}");
    assert!(
        text.contains("is not one of the values Language (dc:language) allows"),
        "{text}"
    );
    let written = std::fs::read_to_string(&list).unwrap();
    assert_eq!(written.lines().collect::<Vec<_>>(), lacking);

    // The list fills them: a bulk edit of just those assets.
    let o = env.run(&[
        "bulk",
        "set",
        "--list",
        list.to_str().unwrap(),
        "--property",
        "dc:rights",
        "--value",
        "© WKND Adventures",
        "--yes",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let o = env.run(&["schema", "missing", "--folder", SAMPLE_FOLDER, "--json"]);
    let report: Value = serde_json::from_str(&out(&o)).unwrap();
    assert_eq!(report["fields"], serde_json::json!([]), "{report}");
}

#[tokio::test(flavor = "multi_thread")]
async fn bulk_refuses_a_value_outside_a_dropdowns_options_before_its_preview() {
    let env = Env::new().await;
    let o = env.run(&[
        "bulk",
        "set",
        "--folder",
        SAMPLE_FOLDER,
        "--property",
        "dc:language",
        "--value",
        "English",
        "--yes",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let words = err(&o);
    assert!(
        words.contains("\u{201c}English\u{201d} is not one of the values Language (dc:language) allows: \u{201c}en\u{201d}, \u{201c}de\u{201d}, \u{201c}fr\u{201d}, \u{201c}ja\u{201d}")
            && words.contains("Nothing was previewed or written."),
        "{words}"
    );
    assert_eq!(env.sb.counters().writes_applied, 0);
}
