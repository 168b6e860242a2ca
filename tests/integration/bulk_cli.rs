//! The CLI end to end against the sandbox: `kill -9` in the middle of an apply, then
//! `bulk resume` reaches the same final state as an uninterrupted run, and no asset is written
//! twice.

// Test helpers panic on unexpected errors, like the tests themselves.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use metadesk_sandbox::{Faults, SAMPLE_FOLDER};

use crate::bulk_support::*;

/// The `metadesk-cli` binary next to this test binary, built first if missing (it belongs to
/// another package, so `cargo test -p metadesk-tests` alone does not build it).
fn cli() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let target = exe.parent().unwrap().parent().unwrap().to_path_buf();
    let bin = target.join("metadesk-cli");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    // Always (re)build: a stale binary would test old code. A no-op when up to date.
    let status = Command::new(cargo)
        .args(["build", "-q", "-p", "metadesk-cli"])
        .status()
        .unwrap();
    assert!(status.success());
    assert!(bin.exists(), "{}", bin.display());
    bin
}

fn journal(home: &std::path::Path) -> Option<(String, String)> {
    let runs = home.join("data").join("runs");
    let entry = std::fs::read_dir(&runs).ok()?.flatten().next()?;
    let id = entry.path().file_stem()?.to_string_lossy().into_owned();
    Some((id, std::fs::read_to_string(entry.path()).ok()?))
}

#[tokio::test]
async fn kill_9_mid_apply_then_resume_matches_an_uninterrupted_run() {
    let cli = cli();
    let sb = sandbox(300).await;
    let dir = tempfile::tempdir().unwrap();
    let creds = dir.path().join("creds");
    sb.write_credentials(&creds).unwrap();
    let home = dir.path().join("home");
    let folder = SAMPLE_FOLDER.rsplit_once('/').unwrap().0.to_owned();
    // Slow enough that the kill lands mid-run.
    sb.set_faults(Faults {
        latency_ms: 25,
        capacity: Some(2),
        ..Faults::default()
    })
    .unwrap();
    let file = creds.join("local-development-token.json");
    let common = |cmd: &mut Command| {
        cmd.env("METADESK_HOME", &home)
            .args(["--aem", &sb.base_url(), "--file"])
            .arg(&file)
            .stdout(Stdio::null())
            .stderr(Stdio::null());
    };
    let mut apply = Command::new(&cli);
    apply.args([
        "bulk",
        "set",
        "--folder",
        &folder,
        "--recursive",
        "--property",
        "dc:rights",
        "--value",
        "Killed and resumed",
        "--yes",
    ]);
    common(&mut apply);
    let mut child = apply.spawn().unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let outcomes = journal(&home)
            .map(|(_, t)| t.matches("\"t\":\"outcome\"").count())
            .unwrap_or(0);
        if outcomes >= 10 {
            break;
        }
        assert!(
            child.try_wait().unwrap().is_none(),
            "the CLI finished before it could be killed"
        );
        assert!(Instant::now() < deadline, "no progress");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    child.kill().unwrap(); // SIGKILL
    tokio::task::spawn_blocking(move || child.wait())
        .await
        .unwrap()
        .unwrap();
    let (id, text) = journal(&home).unwrap();
    assert!(!text.contains("\"t\":\"ended\""), "killed before the end");
    let summary = metadesk_core::bulk::runs::summary(&home.join("data").join("runs"), &id).unwrap();
    assert_eq!(summary.status, metadesk_core::bulk::RunStatus::Interrupted);
    assert!(summary.counts.pending > 0);

    let mut resume = Command::new(&cli);
    resume.args(["bulk", "resume", &id, "--yes"]);
    common(&mut resume);
    // Off the runtime thread: the sandbox serves from this test's runtime.
    let status = tokio::task::spawn_blocking(move || resume.status())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(status.code(), Some(0));

    let summary = metadesk_core::bulk::runs::summary(&home.join("data").join("runs"), &id).unwrap();
    assert_eq!(summary.status, metadesk_core::bulk::RunStatus::Completed);
    assert_eq!((summary.counts.failed, summary.counts.pending), (0, 0));
    let rows = metadesk_core::bulk::runs::preview_page(
        &home.join("data").join("runs"),
        &id,
        None,
        0,
        100_000,
    )
    .unwrap()
    .rows;
    let planned: Vec<_> = rows
        .iter()
        .filter(|r| r.action == metadesk_core::bulk::Action::Change)
        .collect();
    assert_eq!(summary.counts.changed as usize, planned.len());
    for row in &planned {
        let state = sb.asset(&row.path).unwrap();
        assert_eq!(
            state["metadata"]["dc:rights"], "Killed and resumed",
            "{}",
            row.path
        );
        assert_eq!(state["revision"], 1, "{} written more than once", row.path);
    }
    assert_eq!(sb.counters().count("PUT", 200), planned.len() as u64);
}

/// Runs the CLI off the runtime thread (the sandbox serves from this test's runtime); returns
/// the exit code and standard output.
async fn run_cli(mut cmd: Command) -> (Option<i32>, String) {
    let out = tokio::task::spawn_blocking(move || cmd.stderr(Stdio::null()).output())
        .await
        .unwrap()
        .unwrap();
    (out.status.code(), String::from_utf8(out.stdout).unwrap())
}

#[tokio::test]
async fn bulk_retry_redoes_the_failed_assets_of_a_run() {
    let cli = cli();
    let sb = sandbox(120).await;
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    let token_file = |name: &str, read_only: bool| {
        let token = sb.issue_dev_token("reader@metadesk.example", read_only);
        let path = dir.path().join(name);
        let body = serde_json::json!({"ok": true, "statusCode": 200, "accessToken": token});
        std::fs::write(&path, body.to_string()).unwrap();
        path
    };
    let (read_only, read_write) = (token_file("ro.json", true), token_file("rw.json", false));
    let command = |file: &PathBuf, args: &[&str]| {
        let mut cmd = Command::new(&cli);
        cmd.env("METADESK_HOME", &home)
            .args(args)
            .args(["--aem", &sb.base_url(), "--file"])
            .arg(file);
        cmd
    };
    let set = [
        "bulk",
        "set",
        "--folder",
        SAMPLE_FOLDER,
        "--property",
        "dc:rights",
        "--value",
        "Retried by the CLI",
        "--yes",
        "--json",
    ];
    let (code, out) = run_cli(command(&read_only, &set)).await;
    assert_eq!(code, Some(1), "some assets failed: {out}");
    let first: serde_json::Value = serde_json::from_str(&out).unwrap();
    let failed = first["counts"]["failed"].as_u64().unwrap();
    assert!(failed > 0 && first["counts"]["changed"] == 0, "{first}");
    let id = first["id"].as_str().unwrap().to_owned();

    let (code, out) = run_cli(command(
        &read_write,
        &["bulk", "retry", &id, "--dry-run", "--json"],
    ))
    .await;
    assert_eq!(code, Some(0), "{out}");
    let planned: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(planned["status"], "previewed");
    assert_eq!(planned["kind"]["kind"], "retry");
    assert_eq!(planned["kind"]["of"], id.as_str());
    assert_eq!(planned["counts"]["pending"], failed);
    assert_eq!(
        sb.counters().count("PUT", 200),
        0,
        "a dry run writes nothing"
    );

    let (code, out) = run_cli(command(
        &read_write,
        &["bulk", "retry", &id, "--yes", "--json"],
    ))
    .await;
    assert_eq!(code, Some(0), "{out}");
    let done: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(done["status"], "completed");
    assert_eq!(
        (
            done["counts"]["changed"].as_u64(),
            done["counts"]["failed"].as_u64()
        ),
        (Some(failed), Some(0))
    );
    assert_eq!(sb.counters().count("PUT", 200), failed);
    let rows = metadesk_core::bulk::runs::preview_page(
        &home.join("data").join("runs"),
        &id,
        Some(metadesk_core::bulk::Action::Change),
        0,
        1000,
    )
    .unwrap();
    for row in rows.rows {
        assert_eq!(
            sb.asset(&row.path).unwrap()["metadata"]["dc:rights"],
            "Retried by the CLI"
        );
    }
    // Nothing failed in the retry: a second retry has nothing to do (usage error, exit 2).
    let (code, _) = run_cli(command(
        &read_write,
        &["bulk", "retry", done["id"].as_str().unwrap(), "--yes"],
    ))
    .await;
    assert_eq!(code, Some(2));
}
