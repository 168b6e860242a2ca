//! Bounded values through the CLI against the sandbox (issue 40): a rule whose result is
//! longer than Metadesk writes skips each asset with why (the dry run's journal stays small),
//! a protected JCR property is refused in words before anything is read, and a rule that
//! computes an empty text is previewed, written and journaled as the property cleared.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use metadesk_sandbox::SAMPLE_FOLDER;
use serde_json::Value;

use crate::bulk_cli::{CliHome, editable};
use crate::bulk_support::*;

fn journal_bytes(h: &CliHome) -> u64 {
    std::fs::read_dir(h.runs_dir())
        .unwrap()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "jsonl"))
        .map(|e| e.metadata().unwrap().len())
        .sum()
}

async fn rows(h: &CliHome, id: &str) -> Vec<Value> {
    let ran = h.run(&["runs", "show", id, "--jsonl"]).await;
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    ran.stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Seen failing without the bound: every asset was planned with a 2 MB title and the dry
/// run's journal held tens of megabytes.
#[tokio::test]
async fn a_computed_value_over_the_limit_skips_its_asset_with_why() {
    let sb = sandbox(60).await;
    let h = CliHome::new(&sb);
    let long = "y".repeat(20_000);
    let ran = h
        .run_dev(&[
            "bulk",
            "replace",
            "--folder",
            SAMPLE_FOLDER,
            "--property",
            "dc:title",
            "--find",
            "x*",
            "--regex",
            "--replace",
            &long,
            "--dry-run",
            "--json",
        ])
        .await;
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    let run = ran.json();
    let editable = editable(&sb).len();
    assert_eq!(run["counts"]["pending"], 0, "{run}");
    assert!(
        run["counts"]["skipped"].as_u64().unwrap() >= editable as u64,
        "{run}"
    );
    let id = run["id"].as_str().unwrap().to_owned();
    let skipped: Vec<Value> = rows(&h, &id)
        .await
        .into_iter()
        .filter(|r| {
            r["reason"]
                .as_str()
                .is_some_and(|w| w.contains("characters"))
        })
        .collect();
    assert_eq!(skipped.len(), editable);
    let why = skipped[0]["reason"].as_str().unwrap();
    assert!(
        why.contains("longer than the 10,000 Metadesk writes into one property"),
        "{why}"
    );
    assert!(journal_bytes(&h) < 1_000_000, "{} bytes", journal_bytes(&h));
}

/// Seen failing without it: `jcr:uuid` was planned as an edit.
#[tokio::test]
async fn protected_properties_are_refused_before_aem_is_asked() {
    let sb = sandbox(20).await;
    let h = CliHome::new(&sb);
    for (property, value) in [
        ("jcr:uuid", "x"),
        ("jcr:primaryType", "nt:unstructured"),
        ("jcr:mixinTypes", "mix:versionable"),
        ("jcr:created", "2020-01-01"),
        ("rep:policy", "x"),
        ("oak:index", "x"),
    ] {
        let ran = h
            .run_dev(&[
                "bulk",
                "set",
                "--folder",
                SAMPLE_FOLDER,
                "--property",
                property,
                "--value",
                value,
                "--yes",
            ])
            .await;
        ran.assert_refused(&format!(
            "{property} is kept by AEM’s repository itself (the node’s type, identity or creation) and cannot be edited"
        ));
    }
    assert_eq!(h.journals(), 0, "nothing stored");
    assert_eq!(sb.counters().batch_writes, 0);
}

/// Seen failing without it: the preview and the journal said `""` while Sling removes the
/// property.
#[tokio::test]
async fn an_empty_computed_value_is_previewed_and_journaled_as_cleared() {
    let sb = sandbox(20).await;
    let h = CliHome::new(&sb);
    let before = editable(&sb);
    let ran = h
        .run_dev(&[
            "bulk",
            "replace",
            "--folder",
            SAMPLE_FOLDER,
            "--property",
            "dc:title",
            "--find",
            ".*",
            "--regex",
            "--replace",
            "",
            // Title is required by the folder's form: emptying it is said and must be agreed to.
            "--empty-required",
            "--yes",
            "--json",
        ])
        .await;
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    let id = ran.json()["id"].as_str().unwrap().to_owned();
    for row in rows(&h, &id).await {
        if row["status"] != "changed" {
            continue;
        }
        assert_eq!(row["changes"][0]["after"], Value::Null, "{row}");
    }
    for (path, _) in &before {
        assert_eq!(metadata(&sb, path).get("dc:title"), None, "{path}");
    }
}
