//! Undoing an edit that was republished (issue 63, item 6), as the real binary against the
//! sandbox: every asset gets its values back on author, the published ones included, and those
//! the republish published are published again so that the website matches; the undo's report
//! says which. And a publish undo killed while its request was in flight, once resumed, counts
//! its own replication as its own, never as a colleague's.

use std::collections::BTreeMap;
use std::process::Stdio;

use metadesk_core::bulk::{RunStatus, run_history, runs};
use metadesk_sandbox::{Faults, Sandbox};
use serde_json::Value;

use crate::bulk_cli::{CliHome, kill_9_when, run_command, sample_assets};
use crate::bulk_support::*;

const SURFING: &str = "wknd-shared:activity/surfing";
const CYCLING: &str = "wknd-shared:activity/cycling";
const COLLEAGUE: &str = "colleague@example.com";

/// Every asset's `cq:tags` on author, by path.
fn tags_on_author(sb: &Sandbox) -> BTreeMap<String, Value> {
    sb.dump(false)["assets"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["path"].as_str())
        .map(|p| {
            let tags = sb.asset(p).unwrap()["metadata"]["cq:tags"].clone();
            (p.to_owned(), tags)
        })
        .collect()
}

/// `cq:tags` as the website shows them (`None`: not on the website).
fn tags_on_website(sb: &Sandbox, path: &str) -> Option<Value> {
    sb.published(path, false)
        .map(|m| m.get("cq:tags").cloned().unwrap_or(Value::Null))
}

fn holds(tags: &Value, id: &str) -> bool {
    tags.as_array()
        .is_some_and(|t| t.iter().any(|v| v.as_str() == Some(id)))
}

/// `tags merge … --republish`, then `bulk undo` of the newest run, the republish: AEM cannot
/// give back an older publication, so it changes nothing, and says which undo gives the tags
/// back. Then `bulk undo` of the merge's run: its preview says which assets it republishes,
/// and the published holders get their tags back on author and on the website, the others on
/// author only.
#[tokio::test(flavor = "multi_thread")]
async fn undoing_a_republished_merge_gives_every_asset_its_tags_back_and_the_website_too() {
    let sb = sandbox(60).await;
    let cli = CliHome::new(&sb);
    let holders: Vec<String> = tags_on_author(&sb)
        .into_iter()
        .filter(|(_, tags)| holds(tags, SURFING))
        .map(|(p, _)| p)
        .collect();
    assert!(
        holders.len() > 2,
        "the sandbox seeds {SURFING}: {holders:?}"
    );
    // Half the holders on the website, up to date; the others never published.
    let published: Vec<&String> = holders.iter().step_by(2).collect();
    for path in &holders {
        sb.replicate_as(path, false, COLLEAGUE);
    }
    for path in &published {
        assert!(sb.replicate_as(path, true, COLLEAGUE), "{path}");
    }
    let before = tags_on_author(&sb);
    let website: BTreeMap<&String, Option<Value>> = published
        .iter()
        .map(|p| (*p, tags_on_website(&sb, p)))
        .collect();

    let ran = cli
        .run_dev(&[
            "tags",
            "merge",
            SURFING,
            "--into",
            CYCLING,
            "--under",
            "/content/dam",
            "--republish",
            "--yes",
        ])
        .await;
    assert_eq!(ran.code, Some(0), "{}\n{}", ran.stdout, ran.stderr);
    let merged = tags_on_author(&sb);
    let live: BTreeMap<&String, Option<Value>> = published
        .iter()
        .map(|p| (*p, tags_on_website(&sb, p)))
        .collect();
    for (path, tags) in &live {
        let tags = tags.as_ref().unwrap();
        assert!(
            !holds(tags, SURFING) && holds(tags, CYCLING),
            "{path}: {tags}"
        );
    }
    let edit = run_history::list(&cli.runs_dir())
        .unwrap()
        .into_iter()
        .find(|r| !r.kind.publishes())
        .unwrap()
        .id;
    // A colleague publishes a holder the republish left alone: that publication is theirs.
    let late = holders.iter().find(|p| !published.contains(p)).unwrap();
    assert!(sb.replicate_as(late, true, COLLEAGUE));
    let late_live = tags_on_website(&sb, late);

    // The newest run is the republish: its undo says which undo gives the values back.
    let republish = newest_run(&cli);
    assert_ne!(republish, edit);
    let ran = cli.run_dev(&["bulk", "undo", &republish, "--yes"]).await;
    assert_eq!(ran.code, Some(0), "{}\n{}", ran.stdout, ran.stderr);
    assert!(
        ran.stdout.contains(&format!(
            "To give those assets their values back, on author and on the website, undo the \
             edit: metadesk-cli bulk undo {edit}"
        )),
        "{}",
        ran.stdout
    );
    let shown = cli.run(&["runs", "show", &newest_run(&cli)]).await;
    assert!(
        shown
            .stdout
            .contains(&format!("undo run {edit}, the edit this run republished")),
        "{}",
        shown.stdout
    );
    assert_eq!(tags_on_author(&sb), merged, "nothing given back on author");
    for (path, was) in &live {
        assert_eq!(&tags_on_website(&sb, path), was, "{path}");
    }

    // The merge's undo: its preview says what it republishes, then does it.
    let ran = cli.run_dev(&["bulk", "undo", &edit, "--yes"]).await;
    assert_eq!(ran.code, Some(0), "{}\n{}", ran.stdout, ran.stderr);
    assert!(
        ran.stdout.contains(&format!(
            "  then republished: {} of these assets on the website, so that it shows the \
             values given back too (run {edit} was republished)",
            published.len()
        )),
        "{}",
        ran.stdout
    );
    for path in &published {
        let row = ran
            .stdout
            .lines()
            .find(|line| line.starts_with(&format!("  {path}  cq:tags")))
            .unwrap_or_else(|| panic!("{path}: {}", ran.stdout));
        assert!(row.ends_with(" · then republished)"), "{row}");
    }
    assert_eq!(tags_on_author(&sb), before, "{}", ran.stdout);
    for (path, was) in &website {
        assert_eq!(&tags_on_website(&sb, path), was, "{path}: {}", ran.stdout);
    }
    for path in holders
        .iter()
        .filter(|p| !published.contains(p) && *p != late)
    {
        assert_eq!(tags_on_website(&sb, path), None, "{path} made public");
    }
    // The colleague's publication is left as it is, and the report says why.
    assert_eq!(tags_on_website(&sb, late), late_live, "{late}");
    let shown = cli.run(&["runs", "show", &newest_run(&cli)]).await;
    assert!(
        shown.stdout.contains(&format!(
            "{late}: published by someone else since the edit this undo undid, not by its republish"
        )),
        "{}",
        shown.stdout
    );
}

/// `kill -9` while the undo of an unpublish has its request in flight (AEM published them, the
/// journal never heard back), then `bulk resume`: those publications are the undo's own, never
/// "published again by" someone else, and nothing is sent twice.
#[tokio::test(flavor = "multi_thread")]
async fn a_publish_undo_killed_mid_request_then_resumed_counts_its_own_publication() {
    let sb = sandbox(60).await;
    let cli = CliHome::new(&sb);
    let paths: Vec<String> = sample_assets(&sb)
        .into_iter()
        .filter(|(_, _, cf)| !cf)
        .map(|(p, _, _)| p)
        .take(6)
        .collect();
    // Published and up to date, so that the undo of their unpublish publishes them again.
    for path in &paths {
        assert!(sb.replicate_as(path, true, COLLEAGUE), "{path}");
    }
    let list = cli.dir.path().join("withdrawn.txt");
    std::fs::write(&list, paths.join("\n")).unwrap();
    let ran = cli
        .run_dev(&["unpublish", "--list", list.to_str().unwrap(), "--yes"])
        .await;
    assert_eq!(ran.code, Some(0), "{}\n{}", ran.stdout, ran.stderr);
    let unpublish = newest_run(&cli);
    assert!(sb.published(&paths[0], false).is_none());

    // Slow enough that the kill lands after AEM replicated, before it answered.
    sb.set_faults(Faults {
        commit_ms_per_asset: 2_000,
        capacity: Some(1),
        ..Faults::default()
    })
    .unwrap();
    let sent = sb.counters().replications;
    let file = cli.creds.join("local-development-token.json");
    let connection = [
        "--aem",
        &sb.base_url(),
        "--trust-host",
        &cli.aem_host,
        "--file",
    ];
    let mut undo = cli.command(&[&["bulk", "undo", &unpublish, "--yes"][..], &connection].concat());
    undo.arg(&file).stdout(Stdio::null()).stderr(Stdio::null());
    kill_9_when(undo.spawn().unwrap(), || sb.counters().replications > sent).await;
    let id = newest_run(&cli);
    let summary = runs::summary(&cli.runs_dir(), &id).unwrap();
    assert_eq!(summary.status, RunStatus::Interrupted);
    for path in &paths {
        assert!(
            sb.published(path, false).is_some(),
            "{path}: the request landed"
        );
    }

    sb.set_faults(Faults::default()).unwrap();
    let sent = sb.counters().replications;
    let mut resume = cli.command(&[&["bulk", "resume", &id, "--yes"][..], &connection].concat());
    resume.arg(&file);
    let (code, stdout, stderr) = run_command(resume).await;
    assert_eq!(code, Some(0), "{stdout}\n{stderr}");
    assert_eq!(sb.counters().replications, sent, "nothing sent twice");
    let summary = runs::summary(&cli.runs_dir(), &id).unwrap();
    assert_eq!(summary.status, RunStatus::Completed);
    assert_eq!(
        (summary.counts.changed, summary.counts.skipped),
        (paths.len() as u64, 0),
        "{stdout}"
    );
    let shown = cli.run(&["runs", "show", &id]).await;
    assert!(
        !shown.stdout.contains("published again after this run"),
        "{}",
        shown.stdout
    );
}

fn newest_run(cli: &CliHome) -> String {
    run_history::list(&cli.runs_dir()).unwrap()[0].id.clone()
}
