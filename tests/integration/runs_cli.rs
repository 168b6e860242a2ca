//! One apply of a run at a time across processes (issue 50 item 4): two `metadesk-cli bulk
//! resume` of the same previewed run started together: one applies it, the other says in
//! words that the run is being applied elsewhere, and no asset is written or journaled twice.

use std::collections::HashMap;

use metadesk_core::bulk::journal::{Record, read_records};
use metadesk_core::bulk::{RunStatus, runs};
use metadesk_sandbox::{Faults, SAMPLE_FOLDER};

use crate::bulk_cli::{CliHome, run_command};
use crate::bulk_support::*;

#[tokio::test]
async fn two_processes_resuming_one_run_write_each_asset_once() {
    let sb = sandbox(120).await;
    let cli = CliHome::new(&sb);
    let args = [
        "bulk",
        "set",
        "--folder",
        SAMPLE_FOLDER,
        "--property",
        "dc:rights",
        "--value",
        "Applied once",
        "--dry-run",
        "--json",
    ];
    let ran = cli.run_dev(&args).await;
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    let id = ran.json()["id"].as_str().unwrap().to_owned();
    // Slow writes: the first apply holds the run far longer than the other waits for it.
    sb.set_faults(Faults {
        latency_ms: 100,
        capacity: Some(2),
        batch_writes_refused: Some(405),
        ..Faults::default()
    })
    .unwrap();
    let file = cli.creds.join("local-development-token.json");
    let resume = || {
        let mut cmd = cli.command(&["bulk", "resume", &id, "--yes", "--aem", &cli.aem, "--file"]);
        cmd.arg(&file).args(["--trust-host", &cli.aem_host]);
        run_command(cmd)
    };
    let (first, second) = tokio::join!(resume(), resume());
    let (applied, refused) = if first.0 == Some(0) {
        (first, second)
    } else {
        (second, first)
    };
    assert_eq!(applied.0, Some(0), "{}\n{}", applied.1, applied.2);
    assert_ne!(
        refused.0,
        Some(0),
        "both applied: {}\n{}",
        refused.1,
        refused.2
    );
    assert!(
        refused
            .2
            .contains("This run is being applied by another Metadesk window or command"),
        "{}",
        refused.2
    );

    let runs_dir = cli.runs_dir();
    let summary = runs::summary(&runs_dir, &id).unwrap();
    assert_eq!(summary.status, RunStatus::Completed);
    assert_eq!((summary.counts.failed, summary.counts.pending), (0, 0));
    let mut outcomes: HashMap<u64, usize> = HashMap::new();
    for record in read_records(&runs::path_of(&runs_dir, &id).unwrap()).unwrap() {
        if let Record::Outcome { i, .. } = record.unwrap() {
            *outcomes.entry(i).or_default() += 1;
        }
    }
    let preview = runs::preview_page(&runs_dir, &id, None, 0, 100_000).unwrap();
    let planned: Vec<_> = preview
        .rows
        .iter()
        .filter(|r| r.action == metadesk_core::bulk::Action::Change)
        .collect();
    assert_eq!(
        outcomes.len(),
        planned.len(),
        "an outcome for each planned change"
    );
    assert_eq!(summary.counts.changed as usize, planned.len());
    for row in planned {
        let state = sb.asset(&row.path).unwrap();
        assert_eq!(
            state["metadata"]["dc:rights"], "Applied once",
            "{}",
            row.path
        );
        assert_eq!(state["revision"], 1, "{} written more than once", row.path);
    }
}
