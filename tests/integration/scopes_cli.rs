//! The CLI's scope flags against the sandbox: `--under` with repeated `--where` (in the
//! window's words), `--any`, `--list FILE` with a bad entry, and a condition it cannot read.

use metadesk_sandbox::{SAMPLE_FOLDER, Sandbox, SandboxConfig};

use crate::bulk_cli::{CliHome, sample_assets};

async fn one_folder(assets: usize) -> Sandbox {
    Sandbox::start(
        SandboxConfig::default()
            .with_assets(assets)
            .with_assets_per_folder(assets)
            .with_key_bits(1024),
    )
    .await
    .unwrap()
}

#[tokio::test]
async fn where_conditions_in_words_select_and_edit_the_matching_assets() {
    let sb = one_folder(60).await;
    let h = CliHome::new(&sb);
    let assets = sample_assets(&sb);
    let matching: Vec<&String> = assets
        .iter()
        .filter(|(_, md, cf)| {
            !cf && !md.contains_key("dc:rights")
                && md["dc:format"].as_str().unwrap().starts_with("image/")
        })
        .map(|(p, _, _)| p)
        .collect();
    assert!(!matching.is_empty());
    let ran = h
        .run_dev(&[
            "bulk",
            "set",
            "--property",
            "dc:rights",
            "--value",
            "Found by a search",
            "--under",
            SAMPLE_FOLDER,
            "--where",
            "dc:rights is empty",
            "--where",
            "type is image/*",
            "--yes",
            "--json",
        ])
        .await;
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    let summary = ran.json();
    assert_eq!(summary["counts"]["changed"], matching.len(), "{summary}");
    assert!(
        summary["scope"]
            .as_str()
            .unwrap()
            .contains("where Copyright is empty and the file is an image")
    );
    for p in &matching {
        assert_eq!(
            sb.asset(p).unwrap()["metadata"]["dc:rights"],
            "Found by a search"
        );
    }
    // --any: PDFs or videos.
    let either = assets
        .iter()
        .filter(|(p, _, cf)| !cf && (p.ends_with(".pdf") || p.ends_with(".mp4")))
        .count();
    let ran = h
        .run_dev(&[
            "bulk",
            "set",
            "--property",
            "xmpRights:UsageTerms",
            "--value",
            "any",
            "--under",
            SAMPLE_FOLDER,
            "--any",
            "--where",
            "name matches *.pdf",
            "--where",
            "type is video/mp4",
            "--dry-run",
            "--json",
        ])
        .await;
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert_eq!(ran.json()["counts"]["assets"], either);
    assert_eq!(
        sb.counters().writes_applied as usize,
        matching.len(),
        "a dry run writes nothing"
    );
}

#[tokio::test]
async fn a_list_file_edits_its_assets_and_reports_the_bad_entry() {
    let sb = one_folder(30).await;
    let h = CliHome::new(&sb);
    let assets: Vec<String> = sample_assets(&sb)
        .into_iter()
        .filter(|(_, _, cf)| !cf)
        .map(|(p, _, _)| p)
        .collect();
    let list = h.dir.path().join("list.csv");
    std::fs::write(
        &list,
        format!(
            "assetPath\n{}\n\"{}\"\n/content/dam/wknd/gone.jpg\n",
            assets[0], assets[1]
        ),
    )
    .unwrap();
    let ran = h
        .run_dev(&[
            "bulk",
            "set",
            "--property",
            "dc:rights",
            "--value",
            "Listed",
            "--list",
            list.to_str().unwrap(),
            "--yes",
            "--json",
        ])
        .await;
    let summary = ran.json();
    assert_eq!(summary["counts"]["changed"], 2, "{summary}\n{}", ran.stderr);
    assert_eq!(summary["counts"]["skipped"], 1, "{summary}");
    assert_eq!(summary["scope"], "3 assets you listed");
    // Each entry left out is named with its reason (it was only counted: "1 skipped").
    assert_eq!(
        summary["skippedEntries"][0]["path"], "/content/dam/wknd/gone.jpg",
        "{summary}"
    );
    assert!(
        summary["skippedEntries"][0]["reason"]
            .as_str()
            .is_some_and(|r| r.contains("not found")),
        "{summary}"
    );
    let shown = h
        .run_dev(&[
            "bulk",
            "set",
            "--property",
            "dc:rights",
            "--value",
            "Again",
            "--list",
            list.to_str().unwrap(),
            "--dry-run",
        ])
        .await;
    assert!(
        shown
            .stdout
            .contains("skipped /content/dam/wknd/gone.jpg: line 3: not found"),
        "{}\n{}",
        shown.stdout,
        shown.stderr
    );
    for p in &assets[..2] {
        assert_eq!(sb.asset(p).unwrap()["metadata"]["dc:rights"], "Listed");
    }
    assert_ne!(
        sb.asset(&assets[2]).unwrap()["metadata"]["dc:rights"],
        "Listed"
    );
}

#[tokio::test]
async fn a_condition_it_cannot_read_is_refused_before_aem_is_asked() {
    let sb = one_folder(10).await;
    let h = CliHome::new(&sb);
    let ran = h
        .run_dev(&[
            "bulk",
            "set",
            "--property",
            "dc:rights",
            "--value",
            "x",
            "--under",
            SAMPLE_FOLDER,
            "--where",
            "rights are missing",
            "--yes",
        ])
        .await;
    ran.assert_refused("is not a condition Metadesk knows");
    let ran = h
        .run_dev(&[
            "bulk",
            "set",
            "--property",
            "dc:rights",
            "--value",
            "x",
            "--under",
            SAMPLE_FOLDER,
            "--where",
            "modified after yesterday",
            "--yes",
        ])
        .await;
    ran.assert_refused("year-month-day");
    assert_eq!(h.journals(), 0, "no run stored");
    assert_eq!(sb.counters().writes_applied, 0);
}
