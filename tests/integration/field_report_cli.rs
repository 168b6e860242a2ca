//! `connections test NAME --deep --report FILE`: the field report a user sends to support,
//! made against the sandbox — every read recorded with its shape, nothing written, no secret
//! and no metadata value in the file, and the differences said when AEM answers another shape.
//! Through a stored connection, so the OS keychain: `#[ignore]`d like the other stored-connection
//! tests (scripts/test.sh runs them in a private D-Bus session).

// Test helpers panic on unexpected errors, like the tests themselves.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use metadesk_sandbox::{Faults, Sandbox};
use serde_json::Value;

use crate::bulk_cli::CliHome;
use crate::bulk_cli_stored::import_dev_token;
use crate::bulk_support::sandbox;

/// The assets of `folder` (directly in it) with their metadata, from the sandbox's own view.
fn assets_in(sb: &Sandbox, folder: &str) -> Vec<Value> {
    sb.dump(true)["assets"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| {
            let path = a["path"].as_str().unwrap();
            path.rsplit_once('/')
                .is_some_and(|(parent, _)| parent == folder)
        })
        .cloned()
        .collect()
}

/// Runs the report on `folder`; the CLI's run and the saved report.
async fn make_report(
    h: &CliHome,
    name: &str,
    folder: &str,
    file: &str,
) -> (crate::bulk_cli::Ran, String) {
    let path = h.dir.path().join(file);
    let ran = h
        .run(&[
            "connections",
            "test",
            name,
            "--deep",
            "--folder",
            folder,
            "--report",
            path.to_str().unwrap(),
        ])
        .await;
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    (ran, text)
}

fn read<'a>(report: &'a Value, id: &str) -> &'a Value {
    report["reads"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["read"] == id)
        .unwrap_or_else(|| panic!("no read {id} in {report:#}"))
}

#[tokio::test]
#[ignore = "needs a Secret Service: run by scripts/test.sh"]
async fn a_field_report_records_every_read_as_shapes_with_no_secret_and_no_value() {
    let sb = sandbox(40).await;
    let folder = sb.leaf_folders().into_iter().next().unwrap();
    let assets = assets_in(&sb, &folder);
    assert!(!assets.is_empty());
    let paths: Vec<&str> = assets.iter().map(|a| a["path"].as_str().unwrap()).collect();
    sb.reference_page("/content/wknd/en/summer", "Summer page", true, &paths);
    let h = CliHome::new(&sb);
    let name = format!("Field {}", std::process::id());
    import_dev_token(&h, &name, &[]).await;
    let before = sb.counters();

    let (ran, text) = make_report(&h, &name, &folder, "report.json").await;
    assert_eq!(ran.code, Some(0), "{}\n{}", ran.stdout, ran.stderr);
    assert!(
        ran.stdout
            .contains("Field report: 22 reads, 0 not answered as Metadesk expects."),
        "{}",
        ran.stdout
    );
    assert!(
        ran.stdout
            .contains("  [ok  ] GET /bin/querybuilder.json?path={folder}&type=dam:Asset&p.limit=2"),
        "{}",
        ran.stdout
    );
    assert!(ran.stdout.contains("The report is in "), "{}", ran.stdout);
    // The two renderings of an asset's metadata that uploads and unpublishes compare.
    for read in [
        "  [ok  ] GET {asset}/jcr:content.1.json: 200",
        "  [ok  ] GET /bin/querybuilder.json?group.p.or=true&group.1_path={asset}",
    ] {
        assert!(ran.stdout.contains(read), "{read}: {}", ran.stdout);
    }

    // Nothing written.
    let after = sb.counters();
    assert_eq!(after.writes_applied, before.writes_applied);
    assert_eq!(after.batch_writes, before.batch_writes);
    assert_eq!(after.tag_commands, before.tag_commands);
    assert_eq!(after.replications, before.replications);

    // Shapes recorded: the status, the headers that matter, keys and types, list lengths.
    let report: Value = serde_json::from_str(&text).unwrap();
    let listing = read(&report, "folder-listing");
    assert_eq!(listing["status"], 200);
    assert_eq!(listing["content_type"], "application/json");
    assert_eq!(listing["shape"]["type"], "object");
    let qb = read(&report, "querybuilder");
    assert_eq!(
        qb["shape"]["keys"]["hits"]["item"]["keys"]["jcr:path"]["type"],
        "string"
    );
    let references = read(&report, "references");
    assert_eq!(
        references["path"],
        "/bin/wcm/references.json?path={asset}&predicate=wcmcontent&_charset_=utf-8"
    );
    assert_eq!(references["shape"]["keys"]["pages"]["length"], 1);
    assert!(read(&report, "fragments")["status"].is_number());

    // No secret and no value: not the token, not a name, not a title, not the page's.
    let token = std::fs::read_to_string(h.creds.join("local-development-token.json")).unwrap();
    let token: Value = serde_json::from_str(&token).unwrap();
    let token = token["accessToken"].as_str().unwrap();
    assert!(!text.contains(&token[..24]), "the token is in the report");
    assert!(!text.to_ascii_lowercase().contains("bearer"));
    let leaf = folder.rsplit('/').next().unwrap();
    assert!(
        !text.contains(leaf),
        "the folder's name {leaf:?} is in the report"
    );
    assert!(!text.contains("Summer page") && !text.contains("/content/wknd/en"));
    for asset in &assets {
        let name = asset["path"].as_str().unwrap().rsplit('/').next().unwrap();
        assert!(
            !text.contains(name),
            "the asset name {name:?} is in the report"
        );
        for (key, value) in asset["metadata"].as_object().unwrap() {
            if let Some(value) = value.as_str().filter(|v| v.len() > 4) {
                assert!(
                    !text.contains(value),
                    "{key}'s value {value:?} is in the report"
                );
            }
        }
    }

    // A file already there is not replaced.
    let (ran, _) = make_report(&h, &name, &folder, "report.json").await;
    ran.assert_refused("report.json already exists");
    assert_eq!(
        std::fs::read_to_string(h.dir.path().join("report.json")).unwrap(),
        text
    );
}

#[tokio::test]
#[ignore = "needs a Secret Service: run by scripts/test.sh"]
async fn a_field_report_says_where_aem_answers_another_shape() {
    let sb = sandbox(20).await;
    let folder = sb.leaf_folders().into_iter().next().unwrap();
    sb.set_faults(Faults {
        references_bare_list: true,
        ..Faults::default()
    })
    .unwrap();
    let h = CliHome::new(&sb);
    let name = format!("Field shape {}", std::process::id());
    import_dev_token(&h, &name, &[]).await;

    let (ran, text) = make_report(&h, &name, &folder, "shape.json").await;
    assert_eq!(ran.code, Some(0), "{}\n{}", ran.stdout, ran.stderr);
    let out = &ran.stdout;
    assert!(
        out.contains("Field report: 22 reads, 2 not answered as Metadesk expects."),
        "{out}"
    );
    assert!(
        out.contains("  [no  ] GET /bin/wcm/references.json?path={asset}"),
        "{out}"
    );
    assert!(
        out.contains("         (answer) is a list where Metadesk reads an object."),
        "{out}"
    );
    let report: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        read(&report, "references")["differences"][0]["kind"],
        "other_type"
    );
}
