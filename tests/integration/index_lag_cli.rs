//! The command line on a folder whose just-uploaded assets AEM's search index does not hold
//! yet (issue 37), against the sandbox: a dry run counts them, a flat run and a recursive run
//! change them, a sheet export holds them, an undo restores them, a run killed mid-apply and
//! resumed writes them; each says in words how many the index did not hold. Before the fix,
//! `bulk set --folder F` said "completed" and left them untouched.

// Test helpers panic on unexpected errors, like the tests themselves.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Stdio;
use std::time::{Duration, Instant};

use metadesk_sandbox::{Faults, SAMPLE_FOLDER};

use crate::bulk_cli::CliHome;
use crate::bulk_support::metadata;
use crate::index_lag::{all_hold, lagging, parent};
use crate::open_folder::assets_under;

/// Seen failing on main's CLI: the dry run planned "38 still to do" where the folder holds 41
/// (the three uploads left out, nothing said).
#[tokio::test(flavor = "multi_thread")]
async fn flat_and_recursive_runs_a_sheet_export_and_an_undo_are_exact() {
    let (sb, uploads) = lagging().await;
    let h = CliHome::new(&sb);
    let flat = assets_under(&sb, SAMPLE_FOLDER, false);
    let deep = assets_under(&sb, parent(), true);

    // A dry run counts every listed asset and says which the index does not hold yet.
    let dry = h
        .run_dev(&[
            "bulk",
            "set",
            "--folder",
            SAMPLE_FOLDER,
            "--property",
            "dc:rights",
            "--value",
            "Flat",
            "--dry-run",
        ])
        .await;
    assert_eq!(dry.code, Some(0), "{}\n{}", dry.stdout, dry.stderr);
    assert!(
        dry.stdout.contains(&format!("{} still to do", flat.len())),
        "{}",
        dry.stdout
    );
    assert!(
        dry.stdout.contains(
            "3 assets are not in AEM’s search index yet (added in the last minutes); Metadesk \
             read them one by one."
        ),
        "{}",
        dry.stdout
    );
    all_hold(&sb, &uploads[..3].iter().cloned().collect(), "Uploaded");

    // The flat run changes every asset of the folder.
    let ran = h
        .run_dev(&[
            "bulk",
            "set",
            "--folder",
            SAMPLE_FOLDER,
            "--property",
            "dc:rights",
            "--value",
            "Flat",
            "--yes",
            "--json",
        ])
        .await;
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    let ran = ran.json();
    assert_eq!(ran["status"], "completed");
    assert_eq!(ran["counts"]["changed"].as_u64(), Some(flat.len() as u64));
    assert_eq!(ran["unindexed"], 3);
    all_hold(&sb, &flat, "Flat");

    // The recursive run, on the parent: the sibling's upload too.
    let ran = h
        .run_dev(&[
            "bulk",
            "set",
            "--folder",
            parent(),
            "--recursive",
            "--property",
            "dc:rights",
            "--value",
            "Deep",
            "--yes",
            "--json",
        ])
        .await;
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    let ran = ran.json();
    assert_eq!(ran["unindexed"], 4, "{ran}");
    assert!(
        ran["indexNotice"]
            .as_str()
            .unwrap()
            .starts_with("4 assets are not in AEM’s search index yet"),
        "{ran}"
    );
    all_hold(&sb, &deep, "Deep");
    let deep_run = ran["id"].as_str().unwrap().to_owned();

    // A sheet export of the folder holds the uploads, and says so.
    let out = h.dir.path().join("shots.csv");
    let exported = h
        .run_dev(&[
            "sheet",
            "export",
            "--folder",
            SAMPLE_FOLDER,
            "--property",
            "dc:rights",
            "--out",
            out.to_str().unwrap(),
        ])
        .await;
    assert_eq!(exported.code, Some(0), "{}", exported.stderr);
    assert!(
        exported
            .stdout
            .contains("3 assets are not in AEM’s search index yet"),
        "{}",
        exported.stdout
    );
    let sheet = std::fs::read_to_string(&out).unwrap();
    for p in &flat {
        assert!(sheet.contains(p.as_str()), "{p} in the sheet");
    }

    // The undo of the recursive run: its preview reads the uploads on their own, and every
    // asset goes back to what that run found.
    let undo = h
        .run_dev(&["bulk", "undo", &deep_run, "--yes", "--json"])
        .await;
    assert_eq!(undo.code, Some(0), "{}", undo.stderr);
    let undo = undo.json();
    assert_eq!(undo["unindexed"], 4, "{undo}");
    assert_eq!(
        undo["counts"]["changed"].as_u64(),
        Some(deep.len() as u64),
        "{undo}"
    );
    all_hold(&sb, &flat, "Flat");
    all_hold(&sb, &[uploads[3].clone()].into_iter().collect(), "Uploaded");
}

/// The undo of a run whose assets nobody changed since restores every one, the uploads
/// included; a run killed mid-apply then resumed writes them all. Seen failing on main's CLI:
/// its run and undo planned 38 assets and said nothing of the index.
#[tokio::test(flavor = "multi_thread")]
async fn an_undo_restores_and_a_resume_after_a_kill_writes_the_unindexed_assets() {
    let (sb, uploads) = lagging().await;
    let h = CliHome::new(&sb);
    let flat = assets_under(&sb, SAMPLE_FOLDER, false);
    let before: Vec<(String, Option<serde_json::Value>)> = flat
        .iter()
        .map(|p| (p.clone(), metadata(&sb, p).get("dc:rights").cloned()))
        .collect();
    let ran = h
        .run_dev(&[
            "bulk",
            "set",
            "--folder",
            SAMPLE_FOLDER,
            "--property",
            "dc:rights",
            "--value",
            "Undone",
            "--yes",
            "--json",
        ])
        .await;
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    let id = ran.json()["id"].as_str().unwrap().to_owned();
    let undo = h.run_dev(&["bulk", "undo", &id, "--yes"]).await;
    assert_eq!(undo.code, Some(0), "{}\n{}", undo.stdout, undo.stderr);
    assert!(
        undo.stdout
            .contains("3 assets are not in AEM’s search index yet"),
        "{}",
        undo.stdout
    );
    for (p, rights) in &before {
        assert_eq!(
            metadata(&sb, p).get("dc:rights"),
            rights.as_ref(),
            "{p} restored"
        );
    }

    // Killed in the middle of its apply, then resumed: every asset written.
    sb.set_faults(Faults {
        index_lag_secs: 3600,
        latency_ms: 40,
        capacity: Some(1),
        ..Faults::default()
    })
    .unwrap();
    let mut apply = h.command(&[
        "bulk",
        "set",
        "--folder",
        SAMPLE_FOLDER,
        "--property",
        "dc:rights",
        "--value",
        "Killed",
        "--yes",
        "--aem",
        &h.aem,
        "--trust-host",
        &h.aem_host,
        "--file",
        h.creds
            .join("local-development-token.json")
            .to_str()
            .unwrap(),
    ]);
    apply.stdout(Stdio::null()).stderr(Stdio::null());
    let mut child = apply.spawn().unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    let run = loop {
        let started = std::fs::read_dir(h.runs_dir()).ok().and_then(|d| {
            d.flatten().find_map(|e| {
                let text = std::fs::read_to_string(e.path()).ok()?;
                (e.path().extension()? == "jsonl"
                    && text.contains("Killed")
                    && text.contains("\"t\":\"apply_started\""))
                .then(|| e.path().file_stem().unwrap().to_string_lossy().into_owned())
            })
        });
        if let Some(run) = started {
            break run;
        }
        assert!(Instant::now() < deadline, "the apply never started");
        assert!(
            child.try_wait().unwrap().is_none(),
            "finished before the kill"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    child.kill().unwrap();
    child.wait().unwrap();
    sb.set_faults(Faults {
        index_lag_secs: 3600,
        ..Faults::default()
    })
    .unwrap();
    let resumed = h
        .run_dev(&["bulk", "resume", &run, "--yes", "--json"])
        .await;
    assert_eq!(resumed.code, Some(0), "{}", resumed.stderr);
    assert_eq!(resumed.json()["status"], "completed");
    all_hold(&sb, &flat, "Killed");
    assert!(uploads[..3].iter().all(|u| flat.contains(u)));
}
