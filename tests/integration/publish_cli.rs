//! `metadesk-cli publish|unpublish`, `bulk … --republish` and `bulk republish RUN` end to end
//! against the sandbox (issue 39), as the real binary with a credential file: an edit
//! republished (only assets published before), its undo republishing the restored values, an
//! edit republished later from its run, a folder published after a dry run that counts by
//! state, a list published to AEM's Preview tier, a search published, a list unpublished, a
//! publish undone, refusals in words (per asset, and the stop when every one is refused), an
//! OAuth Server-to-Server connection refused before anything is sent or written, a publish
//! run's CSV report, and `kill -9` in the middle of a publish then `bulk resume` (which never
//! publishes again what a colleague took down meanwhile).

use std::process::Stdio;

use metadesk_core::bulk::{RunStatus, run_history, runs};
use metadesk_sandbox::{Faults, SAMPLE_FOLDER, Sandbox};

use crate::bulk_cli::{CliHome, kill_9_when, sample_assets};
use crate::bulk_support::*;

/// "never", "published" or "unpublished", by the sandbox's own state.
fn tier_state(sb: &Sandbox, path: &str) -> &'static str {
    state_on(sb, path, "publish")
}

/// [`tier_state`] on the sandbox's `tier`: "publish" or "preview".
fn state_on(sb: &Sandbox, path: &str, tier: &str) -> &'static str {
    match sb.asset(path).unwrap()["publication"][tier]["action"].as_str() {
        None => "never",
        Some("Activate") => "published",
        Some(_) => "unpublished",
    }
}

/// A list file of `paths` in the CLI's folder.
fn list_file(cli: &CliHome, name: &str, paths: &[&String]) -> String {
    let list = cli.dir.path().join(name);
    let lines: Vec<&str> = paths.iter().map(|p| p.as_str()).collect();
    std::fs::write(&list, lines.join("\n")).unwrap();
    list.to_str().unwrap().to_owned()
}

fn newest_run(cli: &CliHome) -> String {
    let runs = run_history::list(&cli.runs_dir()).unwrap();
    runs.first().unwrap().id.clone()
}

#[tokio::test]
async fn an_edit_with_republish_then_its_undo_reach_the_website() {
    let sb = sandbox(120).await;
    let cli = CliHome::new(&sb);
    let assets: Vec<(String, &'static str)> = sample_assets(&sb)
        .into_iter()
        .filter(|(_, _, cf)| !cf)
        .map(|(p, _, _)| {
            let state = tier_state(&sb, &p);
            (p, state)
        })
        .collect();
    let old: Vec<Option<serde_json::Value>> = assets
        .iter()
        .map(|(p, _)| {
            sb.published(p, false)
                .and_then(|m| m.get("dc:rights").cloned())
        })
        .collect();
    let ran = cli
        .run_dev(&[
            "bulk",
            "set",
            "--folder",
            SAMPLE_FOLDER,
            "--property",
            "dc:rights",
            "--value",
            "On the website",
            "--republish",
            "--yes",
        ])
        .await;
    assert_eq!(ran.code, Some(0), "{}\n{}", ran.stdout, ran.stderr);
    assert!(
        ran.stdout.contains("Republishing what run"),
        "{}",
        ran.stdout
    );
    // The window's words (issue 53): where the edit's assets stood, and what the republish did.
    let live = assets.iter().filter(|(_, s)| *s == "published").count();
    assert!(ran.stdout.contains("  on the website: "), "{}", ran.stdout);
    let republished = format!(
        "  published {live} · not on the website, left alone {}",
        assets.len() - live
    );
    assert!(ran.stdout.contains(&republished), "{}", ran.stdout);
    for (path, before) in &assets {
        let rights = sb
            .published(path, false)
            .and_then(|m| m.get("dc:rights").cloned());
        if *before == "published" {
            assert_eq!(rights.unwrap(), "On the website", "{path}");
        } else {
            assert_eq!(tier_state(&sb, path), *before, "{path} made public");
        }
    }
    let runs_list = run_history::list(&cli.runs_dir()).unwrap();
    let edit = runs_list
        .iter()
        .find(|r| !r.kind.publishes())
        .unwrap()
        .id
        .clone();

    // The undo restores the values and republishes them where the edit was republished.
    let ran = cli.run_dev(&["bulk", "undo", &edit, "--yes"]).await;
    assert_eq!(ran.code, Some(0), "{}\n{}", ran.stdout, ran.stderr);
    for ((path, before), old) in assets.iter().zip(&old) {
        if *before == "published" {
            let rights = sb
                .published(path, false)
                .and_then(|m| m.get("dc:rights").cloned());
            assert_eq!(rights, *old, "{path}: restored value republished");
        }
    }
}

#[tokio::test]
async fn a_folder_is_published_after_a_dry_run_that_counts_by_state() {
    let sb = sandbox(120).await;
    let cli = CliHome::new(&sb);
    let paths: Vec<String> = sample_assets(&sb).into_iter().map(|(p, _, _)| p).collect();
    let never = paths
        .iter()
        .filter(|p| tier_state(&sb, p) == "never")
        .count();
    let ran = cli
        .run_dev(&["publish", "--folder", SAMPLE_FOLDER, "--dry-run", "--json"])
        .await;
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    let json = ran.json();
    assert_eq!(json["publication"]["neverPublished"], never as u64);
    assert_eq!(sb.counters().replications, 0, "a dry run sends nothing");

    let ran = cli
        .run_dev(&["publish", "--folder", SAMPLE_FOLDER, "--dry-run"])
        .await;
    assert!(
        ran.stdout.contains(&format!("{never} never published")),
        "{}",
        ran.stdout
    );
    assert!(
        ran.stdout.contains("publish to the website"),
        "{}",
        ran.stdout
    );

    let ran = cli
        .run_dev(&["publish", "--folder", SAMPLE_FOLDER, "--yes"])
        .await;
    assert_eq!(ran.code, Some(0), "{}\n{}", ran.stdout, ran.stderr);
    for p in &paths {
        assert_eq!(tier_state(&sb, p), "published", "{p}");
    }

    // Its undo unpublishes what it published for the first time, and keeps the rest.
    let publish = newest_run(&cli);
    let ran = cli.run_dev(&["bulk", "undo", &publish, "--yes"]).await;
    assert_eq!(ran.code, Some(0), "{}\n{}", ran.stdout, ran.stderr);
    let unpublished = paths
        .iter()
        .filter(|p| tier_state(&sb, p) == "unpublished")
        .count();
    assert!(unpublished >= never, "{unpublished} < {never}");
    assert!(paths.iter().any(|p| tier_state(&sb, p) == "published"));
}

#[tokio::test]
async fn a_list_is_unpublished_and_refusals_are_told_in_words() {
    let sb = sandbox(120).await;
    let cli = CliHome::new(&sb);
    let paths: Vec<String> = sample_assets(&sb).into_iter().map(|(p, _, _)| p).collect();
    let published: Vec<&String> = paths
        .iter()
        .filter(|p| tier_state(&sb, p) == "published")
        .take(3)
        .collect();
    let list = cli.dir.path().join("withdrawn.txt");
    std::fs::write(
        &list,
        published
            .iter()
            .map(|p| p.as_str())
            .collect::<Vec<_>>()
            .join("\n"),
    )
    .unwrap();
    sb.set_faults(Faults {
        replicate_denied: vec![published[0].clone()],
        ..Faults::default()
    })
    .unwrap();
    let ran = cli
        .run_dev(&["unpublish", "--list", list.to_str().unwrap(), "--yes"])
        .await;
    assert_eq!(ran.code, Some(1), "{}\n{}", ran.stdout, ran.stderr);
    assert!(
        ran.stdout
            .contains("This technical account may not publish under"),
        "{}",
        ran.stdout
    );
    assert!(!ran.stdout.contains('<'), "no HTML: {}", ran.stdout);
    assert_eq!(tier_state(&sb, published[0]), "published");
    assert_eq!(tier_state(&sb, published[1]), "unpublished");
    assert_eq!(tier_state(&sb, published[2]), "unpublished");

    // OAuth Server-to-Server: refused before anything is sent, nothing stored.
    let journals = cli.journals();
    let before = sb.counters().requests_total;
    let ran = cli
        .run_with_file(
            "oauth-project.json",
            &["publish", "--folder", SAMPLE_FOLDER, "--yes"],
        )
        .await;
    ran.assert_refused("OAuth Server-to-Server");
    assert_eq!(cli.journals(), journals);
    let c = sb.counters();
    assert_eq!(
        c.replications, 1,
        "only the unpublish's request went through"
    );
    assert!(
        c.requests_total - before <= 2,
        "at most the token exchange: {}",
        c.requests_total - before
    );
}

#[tokio::test]
async fn kill_9_mid_publish_then_resume_publishes_everything() {
    let sb = sandbox(400).await;
    let cli = CliHome::new(&sb);
    let folder = SAMPLE_FOLDER.rsplit_once('/').unwrap().0.to_owned();
    // Slow enough that the kill lands mid-run: each replicated asset costs 20 ms.
    sb.set_faults(Faults {
        commit_ms_per_asset: 20,
        capacity: Some(1),
        ..Faults::default()
    })
    .unwrap();
    let file = cli.creds.join("local-development-token.json");
    let mut apply = cli.command(&[
        "publish",
        "--folder",
        &folder,
        "--recursive",
        "--yes",
        "--aem",
        &sb.base_url(),
        "--trust-host",
        &cli.aem_host,
        "--file",
    ]);
    apply.arg(&file).stdout(Stdio::null()).stderr(Stdio::null());
    kill_9_when(apply.spawn().unwrap(), || sb.counters().replications >= 1).await;
    let id = newest_run(&cli);
    let summary = runs::summary(&cli.runs_dir(), &id).unwrap();
    assert_eq!(summary.status, RunStatus::Interrupted);
    assert!(summary.counts.pending > 0);
    // The assets whose replication was sent but not recorded when the process died: as many
    // batches as were in flight at once.
    let in_doubt =
        metadesk_core::bulk::replay::Replay::load(&runs::path_of(&cli.runs_dir(), &id).unwrap())
            .unwrap()
            .in_doubt
            .len();

    sb.set_faults(Faults::default()).unwrap();
    let mut resume = cli.command(&[
        "bulk",
        "resume",
        &id,
        "--yes",
        "--aem",
        &sb.base_url(),
        "--trust-host",
        &cli.aem_host,
        "--file",
    ]);
    resume.arg(&file);
    let (code, stdout, stderr) = crate::bulk_cli::run_command(resume).await;
    assert_eq!(code, Some(0), "{stdout}\n{stderr}");
    let summary = runs::summary(&cli.runs_dir(), &id).unwrap();
    assert_eq!(summary.status, RunStatus::Completed);
    assert_eq!((summary.counts.failed, summary.counts.pending), (0, 0));
    let all: Vec<String> = sb.dump(false)["assets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["path"].as_str().unwrap().to_owned())
        .filter(|p| p.starts_with(&format!("{folder}/")))
        .collect();
    for p in &all {
        assert_eq!(tier_state(&sb, p), "published", "{p}");
    }
    // What was in doubt at the kill is sent again, nothing more.
    let c = sb.counters();
    assert!(
        c.replicated <= (all.len() + in_doubt) as u64,
        "{} replicated for {} ({in_doubt} in doubt at the kill)",
        c.replicated,
        all.len()
    );
}

/// The account may not replicate anywhere: after the first refusals the run stops, in the
/// words of publishing (not an edit's "write access"), and nothing is claimed published.
#[tokio::test]
async fn refused_everywhere_a_publish_stops_in_its_own_words() {
    let sb = sandbox(120).await;
    let cli = CliHome::new(&sb);
    let paths: Vec<String> = sample_assets(&sb).into_iter().map(|(p, _, _)| p).collect();
    let before: Vec<&str> = paths.iter().map(|p| tier_state(&sb, p)).collect();
    sb.set_faults(Faults {
        replicate_denied: vec![SAMPLE_FOLDER.to_owned()],
        ..Faults::default()
    })
    .unwrap();
    let ran = cli
        .run_dev(&["publish", "--folder", SAMPLE_FOLDER, "--yes"])
        .await;
    assert_eq!(ran.code, Some(2), "{}\n{}", ran.stdout, ran.stderr);
    let words = format!(
        "stopped because: This technical account may not publish under {SAMPLE_FOLDER}: ask an \
         AEM administrator to grant Replicate on it to {}",
        sb.credentials().dev_token_user
    );
    assert!(ran.stdout.contains(&words), "{}", ran.stdout);
    for edit_words in ["write access", "DAM Users", "change the assets"] {
        assert!(!ran.stdout.contains(edit_words), "{}", ran.stdout);
    }
    assert!(ran.stdout.contains(" 0 changed"), "{}", ran.stdout);
    let summary = runs::summary(&cli.runs_dir(), &newest_run(&cli)).unwrap();
    assert_eq!(summary.status, RunStatus::Stopped);
    assert_eq!(summary.counts.changed, 0);
    assert_eq!(sb.counters().replicated, 0);
    let after: Vec<&str> = paths.iter().map(|p| tier_state(&sb, p)).collect();
    assert_eq!(after, before);
}

/// `bulk set … --republish` on an OAuth Server-to-Server connection: refused before the edit
/// is previewed or written, in the words of publishing.
#[tokio::test]
async fn an_edit_to_republish_on_an_oauth_connection_writes_nothing() {
    let sb = sandbox(60).await;
    let cli = CliHome::new(&sb);
    let before = sb.counters();
    let ran = cli
        .run_with_file(
            "oauth-project.json",
            &[
                "bulk",
                "set",
                "--folder",
                SAMPLE_FOLDER,
                "--property",
                "dc:rights",
                "--value",
                "Never written",
                "--republish",
                "--yes",
            ],
        )
        .await;
    ran.assert_refused("This connection cannot publish: it is an OAuth Server-to-Server");
    assert_eq!(cli.journals(), 0, "nothing stored");
    let after = sb.counters();
    assert_eq!(
        after.writes_applied, before.writes_applied,
        "nothing written"
    );
    assert_eq!(after.replications, 0);
    for (path, metadata, _) in sample_assets(&sb) {
        let rights = metadata.get("dc:rights").and_then(|v| v.as_str());
        assert_ne!(rights, Some("Never written"), "{path}");
    }
}

/// An edit applied without `--republish`, then `bulk republish RUN`: its dry run sends nothing,
/// then exactly the changed assets that were published before reach the website.
#[tokio::test]
async fn bulk_republish_publishes_later_what_an_edit_changed() {
    let sb = sandbox(120).await;
    let cli = CliHome::new(&sb);
    let assets: Vec<(String, &'static str)> = sample_assets(&sb)
        .into_iter()
        .filter(|(_, _, cf)| !cf)
        .map(|(p, _, _)| {
            let state = tier_state(&sb, &p);
            (p, state)
        })
        .collect();
    let published = assets.iter().filter(|(_, s)| *s == "published").count();
    assert!(published > 0 && published < assets.len());
    let ran = cli
        .run_dev(&[
            "bulk",
            "set",
            "--folder",
            SAMPLE_FOLDER,
            "--property",
            "dc:rights",
            "--value",
            "Republished later",
            "--yes",
        ])
        .await;
    assert_eq!(ran.code, Some(0), "{}\n{}", ran.stdout, ran.stderr);
    assert_eq!(sb.counters().replications, 0, "not republished yet");
    let edit = newest_run(&cli);

    let ran = cli
        .run_dev(&["bulk", "republish", &edit, "--dry-run", "--json"])
        .await;
    assert_eq!(ran.code, Some(0), "{}\n{}", ran.stdout, ran.stderr);
    assert_eq!(ran.json()["counts"]["pending"], published as u64);
    assert_eq!(sb.counters().replications, 0, "a dry run sends nothing");

    let ran = cli.run_dev(&["bulk", "republish", &edit, "--yes"]).await;
    assert_eq!(ran.code, Some(0), "{}\n{}", ran.stdout, ran.stderr);
    assert!(
        ran.stdout
            .contains(&format!("Republishing what run {edit} changed")),
        "{}",
        ran.stdout
    );
    for (path, before) in &assets {
        let rights = sb
            .published(path, false)
            .and_then(|m| m.get("dc:rights").cloned());
        if *before == "published" {
            assert_eq!(rights.unwrap(), "Republished later", "{path}");
        } else {
            assert_eq!(tier_state(&sb, path), *before, "{path} made public");
        }
    }
    assert_eq!(sb.counters().replicated, published as u64);

    // A publish run is not republished; words, not a panic.
    let republish = newest_run(&cli);
    let ran = cli
        .run_dev(&["bulk", "republish", &republish, "--yes"])
        .await;
    ran.assert_refused("publishes or unpublishes");
}

/// `publish --agent preview`: AEM's Preview tier gets the assets, the website does not.
#[tokio::test]
async fn publish_to_the_preview_tier_leaves_the_website_as_it_is() {
    let sb = sandbox(120).await;
    let cli = CliHome::new(&sb);
    let paths: Vec<String> = sample_assets(&sb)
        .into_iter()
        .filter(|(_, _, cf)| !cf)
        .map(|(p, _, _)| p)
        .collect();
    let chosen: Vec<&String> = paths
        .iter()
        .filter(|p| state_on(&sb, p, "preview") != "published")
        .take(3)
        .collect();
    assert_eq!(chosen.len(), 3);
    let website: Vec<&str> = paths.iter().map(|p| tier_state(&sb, p)).collect();
    let list = list_file(&cli, "preview.txt", &chosen);
    let ran = cli
        .run_dev(&["publish", "--list", &list, "--agent", "preview", "--yes"])
        .await;
    assert_eq!(ran.code, Some(0), "{}\n{}", ran.stdout, ran.stderr);
    for p in &chosen {
        assert_eq!(state_on(&sb, p, "preview"), "published", "{p}");
        assert!(sb.published(p, true).is_some(), "{p}: on the Preview tier");
    }
    let after: Vec<&str> = paths.iter().map(|p| tier_state(&sb, p)).collect();
    assert_eq!(after, website, "the website is unchanged");
    assert_eq!(sb.counters().replicated, 3);
}

/// `publish --under … --where …`: the search's assets only.
#[tokio::test]
async fn publish_where_publishes_what_the_search_finds() {
    let sb = sandbox(120).await;
    let cli = CliHome::new(&sb);
    let paths: Vec<String> = sample_assets(&sb)
        .into_iter()
        .filter(|(_, _, cf)| !cf)
        .map(|(p, _, _)| p)
        .collect();
    let marked: Vec<&String> = paths
        .iter()
        .filter(|p| tier_state(&sb, p) == "never")
        .take(2)
        .collect();
    assert_eq!(marked.len(), 2);
    for p in &marked {
        sb.write_metadata(p, vec![("dc:rights".into(), Some("Go live".into()))]);
    }
    let before: Vec<&str> = paths.iter().map(|p| tier_state(&sb, p)).collect();
    let ran = cli
        .run_dev(&[
            "publish",
            "--under",
            SAMPLE_FOLDER,
            "--where",
            "dc:rights is Go live",
            "--yes",
        ])
        .await;
    assert_eq!(ran.code, Some(0), "{}\n{}", ran.stdout, ran.stderr);
    for (p, was) in paths.iter().zip(before) {
        let expected = if marked.contains(&p) {
            "published"
        } else {
            was
        };
        assert_eq!(tier_state(&sb, p), expected, "{p}");
    }
    assert_eq!(sb.counters().replicated, 2);
}

/// `runs show RUN --csv` of a publish run: where each asset stood before, the replication's
/// action before → after, and `published` rather than an edit's `changed`, under machine keys
/// or headers in words.
#[tokio::test]
async fn a_publish_run_s_csv_report_says_what_was_published_from_where() {
    let sb = sandbox(120).await;
    let cli = CliHome::new(&sb);
    let paths: Vec<String> = sample_assets(&sb).into_iter().map(|(p, _, _)| p).collect();
    let never = paths
        .iter()
        .find(|p| tier_state(&sb, p) == "never")
        .unwrap();
    let unpublished = paths
        .iter()
        .find(|p| tier_state(&sb, p) == "unpublished")
        .unwrap();
    let list = list_file(&cli, "go.txt", &[never, unpublished]);
    let ran = cli.run_dev(&["publish", "--list", &list, "--yes"]).await;
    assert_eq!(ran.code, Some(0), "{}\n{}", ran.stdout, ran.stderr);
    let run = newest_run(&cli);

    let ran = cli.run(&["runs", "show", &run, "--csv", "-"]).await;
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    let lines: Vec<&str> = ran.stdout.lines().collect();
    assert_eq!(
        lines[0],
        "path,status,reason,publication before,cq:lastReplicationAction before,\
         cq:lastReplicationAction after"
    );
    assert!(
        lines.contains(&format!("{never},published,,never_published,,Activate").as_str()),
        "{}",
        ran.stdout
    );
    assert!(
        lines.contains(
            &format!("{unpublished},published,,unpublished,Deactivate,Activate").as_str()
        ),
        "{}",
        ran.stdout
    );

    let file = cli.dir.path().join("report.csv");
    let ran = cli
        .run(&[
            "runs",
            "show",
            &run,
            "--csv",
            file.to_str().unwrap(),
            "--localized-headers",
        ])
        .await;
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    let text = std::fs::read_to_string(&file).unwrap();
    let header = text.trim_start_matches('\u{feff}').lines().next().unwrap();
    assert_eq!(
        header,
        "Path,Status,Reason,Publication before,cq:lastReplicationAction before,\
         cq:lastReplicationAction after"
    );
    assert!(text.contains(",published,,never_published,"), "{text}");
}

/// `kill -9` while a publish's request is in doubt, then a colleague takes one of those assets
/// down (a legal takedown, say): the resume reads each asset again before sending, never
/// publishes the takedown again, and `runs show` says why, naming who took it down.
#[tokio::test]
async fn kill_9_mid_publish_then_a_takedown_is_never_published_again_by_the_resume() {
    let sb = sandbox(200).await;
    let cli = CliHome::new(&sb);
    // Slow enough that the kill lands while the first request is in flight.
    sb.set_faults(Faults {
        commit_ms_per_asset: 50,
        capacity: Some(1),
        ..Faults::default()
    })
    .unwrap();
    let file = cli.creds.join("local-development-token.json");
    let mut apply = cli.command(&[
        "publish",
        "--folder",
        SAMPLE_FOLDER,
        "--yes",
        "--aem",
        &sb.base_url(),
        "--trust-host",
        &cli.aem_host,
        "--file",
    ]);
    apply.arg(&file).stdout(Stdio::null()).stderr(Stdio::null());
    kill_9_when(apply.spawn().unwrap(), || sb.counters().replications >= 1).await;
    let id = newest_run(&cli);
    let journal = runs::path_of(&cli.runs_dir(), &id).unwrap();
    let in_doubt = metadesk_core::bulk::replay::Replay::load(&journal)
        .unwrap()
        .in_doubt;
    let taken_down = metadesk_core::bulk::journal::read_records(&journal)
        .unwrap()
        .find_map(|r| match r.unwrap() {
            metadesk_core::bulk::journal::Record::Row(row) if in_doubt.contains(&row.i) => {
                Some(row.path)
            }
            _ => None,
        })
        .expect("an asset in doubt at the kill");
    sb.replicate_as(&taken_down, false, "legal@example.com");

    sb.set_faults(Faults::default()).unwrap();
    let mut resume = cli.command(&[
        "bulk",
        "resume",
        &id,
        "--yes",
        "--aem",
        &sb.base_url(),
        "--trust-host",
        &cli.aem_host,
        "--file",
    ]);
    resume.arg(&file);
    let (code, stdout, stderr) = crate::bulk_cli::run_command(resume).await;
    assert_eq!(code, Some(0), "{stdout}\n{stderr}");
    assert_eq!(tier_state(&sb, &taken_down), "unpublished", "{taken_down}");
    assert_eq!(
        sb.asset(&taken_down).unwrap()["publication"]["publish"]["by"],
        "legal@example.com"
    );
    let summary = runs::summary(&cli.runs_dir(), &id).unwrap();
    assert_eq!(summary.status, RunStatus::Completed);
    assert_eq!(summary.counts.pending, 0);
    let shown = cli.run(&["runs", "show", &id]).await;
    assert!(
        shown.stdout.contains(&taken_down)
            && shown
                .stdout
                .contains("unpublished after this run's request, by legal@example.com"),
        "{}",
        shown.stdout
    );
}
