//! The move's use case against the sandbox (issue 76): a sheet of renames previewed with the
//! pages that use each asset, applied (the same asset at its new path, its pages adjusted),
//! and undone; what the undo leaves alone; and bad input refused in words with nothing
//! stored.

use std::sync::Arc;

use metadesk_bulk::ops::OpView;
use metadesk_bulk::{RunStatus, RunSummary};
use metadesk_sandbox::{Sandbox, SandboxConfig};
use serde_json::json;

use super::test_support::workspace_with;
use super::{ConnectionChoice, MoveAsk, MoveOptions, MoveWhat, Opened, PreviewRequest, Workspace};
use metadesk_credentials::secrets::RunOnlyKeychain;

async fn setup(read_only: bool) -> (tempfile::TempDir, Workspace, Opened, Sandbox) {
    let config = SandboxConfig::default()
        .with_assets(12)
        .with_assets_per_folder(12);
    setup_in(config, read_only).await
}

/// A sandbox laid out as `config` says and a workspace holding its (read-only) service
/// credentials, opened.
async fn setup_in(
    config: SandboxConfig,
    read_only: bool,
) -> (tempfile::TempDir, Workspace, Opened, Sandbox) {
    let sandbox = Sandbox::start(config.with_key_bits(1024)).await.unwrap();
    let credential = if read_only {
        sandbox
            .credentials()
            .read_only_service_credentials_json
            .clone()
    } else {
        sandbox.credentials().service_credentials_json.clone()
    };
    let (dir, ws, id) = workspace_with(&sandbox, &credential, Arc::new(RunOnlyKeychain::default()));
    let opened = ws.open(ConnectionChoice::stored(id)).await.unwrap();
    (dir, ws, opened, sandbox)
}

fn assets(sb: &Sandbox) -> Vec<String> {
    let mut paths: Vec<String> = sb.dump(false)["assets"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["path"].as_str().map(str::to_owned))
        .collect();
    paths.sort();
    paths
}

fn sheet(dir: &tempfile::TempDir, rows: &[(&str, &str)]) -> MoveAsk {
    let file = dir.path().join("renames.csv");
    let mut text = String::from("Path,New path\n");
    for (from, to) in rows {
        text.push_str(&format!("{from},{to}\n"));
    }
    std::fs::write(&file, text).unwrap();
    MoveAsk {
        what: MoveWhat::Sheet { file },
        options: MoveOptions::default(),
    }
}

fn view(summary: &RunSummary) -> &metadesk_bulk::moves::MoveView {
    match summary.op.as_ref().unwrap() {
        OpView::Move(view) => view,
        other => panic!("not a move: {other:?}"),
    }
}

fn renamed(path: &str, name: &str) -> String {
    format!("{}/{name}", path.rsplit_once('/').unwrap().0)
}

/// Seen failing before the move's run existed (no `preview_move`), and with the pages left
/// out of the request (the page kept the old path).
#[tokio::test]
async fn a_sheet_of_renames_moves_each_asset_with_its_pages_and_the_undo_moves_it_back() {
    let (dir, ws, opened, sb) = setup(false).await;
    let paths = assets(&sb);
    let (a, b) = (&paths[0], &paths[1]);
    sb.reference_page("/content/site/en/spring", "Spring", true, &[a, b]);
    let (new_a, new_b) = (renamed(a, "spring-01.jpg"), renamed(b, "spring-02.jpg"));
    let uuid = sb.asset(a).unwrap()["jcr:uuid"].clone();
    let preview = ws
        .preview_move(&opened, sheet(&dir, &[(a, &new_a), (b, &new_b)]))
        .await
        .unwrap();
    assert_eq!(preview.status, RunStatus::Previewed);
    let planned = view(&preview);
    assert_eq!(planned.counts.planned, 2);
    assert_eq!(planned.rows[0].pages.len(), 1, "{planned:?}");
    assert_eq!(planned.rows[0].pages[0].published, Some(true));
    assert!(sb.asset(a).is_some(), "a preview moves nothing");

    let applied = ws.apply(&opened, &preview.id, None, &|_| {}).await.unwrap();
    assert_eq!(applied.status, RunStatus::Completed, "{applied:?}");
    assert_eq!(view(&applied).counts.done, 2);
    assert!(sb.asset(a).is_none());
    assert_eq!(
        sb.asset(&new_a).unwrap()["jcr:uuid"],
        uuid,
        "the same asset"
    );
    let (author, _) = sb.page_references("/content/site/en/spring").unwrap();
    assert!(
        author.contains(&new_a) && author.contains(&new_b),
        "{author:?}"
    );

    let undo = ws
        .preview(
            &opened,
            PreviewRequest::Undo {
                of: preview.id.clone(),
            },
            &|_| {},
        )
        .await
        .unwrap();
    assert_eq!(undo.kind.undo_of(), Some(preview.id.as_str()));
    // Its summary says which run it undoes, as the window reads it.
    assert_eq!(undo.undoes.as_deref(), Some(preview.id.as_str()));
    let undone = ws.apply(&opened, &undo.id, None, &|_| {}).await.unwrap();
    assert_eq!(view(&undone).counts.done, 2, "{undone:?}");
    assert_eq!(sb.asset(a).unwrap()["jcr:uuid"], uuid);
    let (author, _) = sb.page_references("/content/site/en/spring").unwrap();
    assert!(author.contains(a) && author.contains(b), "{author:?}");
    assert!(
        ws.list_runs()
            .await
            .unwrap()
            .iter()
            .any(|r| r.id == undo.id),
        "in Activity"
    );
}

/// The undo leaves alone an asset changed since its move and a path someone took meanwhile,
/// and moves back the rest. Seen failing with the undo's check of `modified` left out.
#[tokio::test]
async fn the_undo_never_moves_what_changed_since_nor_overwrites_a_path_taken() {
    let (dir, ws, opened, sb) = setup(false).await;
    let paths = assets(&sb);
    let pairs = renames(&paths[..3], "moved");
    let preview = ws
        .preview_move(&opened, sheet_of(&dir, &pairs))
        .await
        .unwrap();
    ws.apply(&opened, &preview.id, None, &|_| {}).await.unwrap();
    // A colleague edits the first at its new place, and puts a file at the second's old path.
    sb.edit_asset(&pairs[0].1, json!({"dc:title": "Theirs"}))
        .unwrap();
    sb.upload(&pairs[1].0, json!({"dc:title": "Their new file"}))
        .unwrap();
    let undone = undone(&ws, &opened, preview.id.clone()).await;
    let counts = view(&undone).counts;
    assert_eq!((counts.done, counts.left_alone), (1, 2), "{undone:?}");
    assert!(
        sb.asset(&pairs[0].1).is_some(),
        "changed since: kept where it is"
    );
    assert_eq!(
        sb.asset(&pairs[1].0).unwrap()["metadata"]["dc:title"],
        "Their new file"
    );
    assert!(sb.asset(&pairs[2].0).is_some(), "moved back");
}

/// A move AEM takes as a background job that outlasts the wait: its asset is reported not
/// done in words (never counted moved), and once the job has run, the resume reads it back and
/// finds it moved, sending nothing again. Seen failing with the wait unbounded (the apply
/// never returned) and with the row counted done.
#[tokio::test]
async fn a_background_move_that_outlasts_the_wait_is_reported_then_found_on_resume() {
    use metadesk_bulk::{Engine, RunControl, Settings};
    use metadesk_sandbox::Faults;
    use std::time::Duration;
    let (dir, ws, opened, sb) = setup(false).await;
    let a = &assets(&sb)[0];
    let new_a = renamed(a, "later.jpg");
    let preview = ws
        .preview_move(&opened, sheet(&dir, &[(a, &new_a)]))
        .await
        .unwrap();
    sb.set_faults(Faults {
        move_job_above: Some(0),
        move_job_ms: 1500,
        ..Faults::default()
    })
    .unwrap();
    let engine =
        Engine::new(opened.connected.assets.clone(), ws.runs_dir()).with_settings(Settings {
            later_wait: Duration::from_millis(200),
            later_poll: Duration::from_millis(20),
            ..Settings::default()
        });
    let waited = tokio::time::timeout(
        Duration::from_secs(30),
        engine.apply(&preview.id, &RunControl::new(), &|_| {}),
    )
    .await
    .expect("the wait is bounded")
    .unwrap();
    assert_ne!(waited.status, RunStatus::Completed, "{waited:?}");
    let row = &view(&waited).rows[0];
    assert_eq!(view(&waited).counts.done, 0);
    assert_eq!(
        row.reason.as_ref().and_then(|t| t.code()),
        Some("op-still-later")
    );
    // The job runs meanwhile; the resume finds the asset moved.
    while sb.asset(&new_a).is_none() {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let resumed = ws.apply(&opened, &preview.id, None, &|_| {}).await.unwrap();
    assert_eq!(resumed.status, RunStatus::Completed, "{resumed:?}");
    assert_eq!(view(&resumed).counts.done, 1);
    assert_eq!(sb.counters().move_commands, 1, "sent once");
}

/// Six renames in one folder (`{prefix}-{n}.jpg`), previewed; from then on AEM takes each move
/// as a background job that runs only when the test says (`Sandbox::run_move_jobs_now`).
async fn renames_held_as_jobs(
    prefix: &str,
) -> (
    tempfile::TempDir,
    Workspace,
    Opened,
    Sandbox,
    Vec<(String, String)>,
    RunSummary,
) {
    let (dir, ws, opened, sb) = setup(false).await;
    let pairs = renames(&assets(&sb)[..6], prefix);
    let preview = ws
        .preview_move(&opened, sheet_of(&dir, &pairs))
        .await
        .unwrap();
    sb.set_faults(metadesk_sandbox::Faults {
        move_job_above: Some(0),
        move_job_ms: 3_600_000,
        ..metadesk_sandbox::Faults::default()
    })
    .unwrap();
    (dir, ws, opened, sb, pairs, preview)
}

/// Moves AEM takes as background jobs do not hold back the requests behind them: with two
/// requests at a time and every rename a job that AEM holds, all six renames are sent before
/// any is done, then read back and found moved.
/// Seen failing with each request waiting for its own job (two of six sent in a minute).
#[tokio::test]
async fn moves_aem_does_later_do_not_hold_back_the_requests_behind_them() {
    use metadesk_bulk::{Engine, RunControl, Settings};
    use std::time::Duration;
    let (_dir, ws, opened, sb, pairs, preview) = renames_held_as_jobs("job").await;
    let engine =
        Engine::new(opened.connected.assets.clone(), ws.runs_dir()).with_settings(Settings {
            max_tasks: 2,
            later_poll: Duration::from_millis(20),
            ..Settings::default()
        });
    let control = RunControl::new();
    let jobs_then_run = async {
        // Waits on AEM's state, not on a time: the six jobs taken, none run yet.
        let sent = tokio::time::timeout(Duration::from_secs(60), async {
            while sb.counters().move_jobs < 6 {
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
        })
        .await;
        let taken = sb.counters().move_jobs;
        sb.run_move_jobs_now();
        if sent.is_err() {
            control.cancel();
        }
        taken
    };
    let (applied, taken) =
        tokio::join!(engine.apply(&preview.id, &control, &|_| {}), jobs_then_run);
    assert_eq!(taken, 6, "every rename sent while the first jobs were held");
    let applied = applied.unwrap();
    assert_eq!(applied.status, RunStatus::Completed, "{applied:?}");
    assert_eq!(view(&applied).counts.done, 6);
    for (from, to) in &pairs {
        assert!(sb.asset(from).is_none() && sb.asset(to).is_some(), "{to}");
    }
    assert_eq!(sb.counters().move_commands, 6, "each sent once");
}

/// Background moves are read back together, as their check before the write is: six renames
/// in one folder, each its own request and job, are read back by one read of the folder, not
/// one a request; not done within the wait, each is reported so, and once the jobs ran the
/// resume finds them moved, sending nothing again. Seen failing with each request reading
/// back its own (thirteen reads).
#[tokio::test]
async fn moves_aem_does_later_are_read_back_by_one_read_of_their_folder() {
    use metadesk_bulk::{Engine, RunControl, Settings};
    use std::time::Duration;
    let (_dir, ws, opened, sb, pairs, preview) = renames_held_as_jobs("back").await;
    // Read back once, then no more waiting.
    let engine =
        Engine::new(opened.connected.assets.clone(), ws.runs_dir()).with_settings(Settings {
            later_wait: Duration::ZERO,
            ..Settings::default()
        });
    let before = node_reads(&sb);
    let waited = engine
        .apply(&preview.id, &RunControl::new(), &|_| {})
        .await
        .unwrap();
    assert_eq!(
        node_reads(&sb) - before,
        2,
        "one read of the folder before the renames, one to read them back"
    );
    let counts = view(&waited).counts;
    assert_eq!((counts.done, counts.failed), (0, 6), "{waited:?}");
    assert!(
        view(&waited)
            .rows
            .iter()
            .all(|r| { r.reason.as_ref().and_then(|t| t.code()) == Some("op-still-later") })
    );
    sb.run_move_jobs_now();
    tokio::time::timeout(Duration::from_secs(60), async {
        while pairs.iter().any(|(_, to)| sb.asset(to).is_none()) {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await
    .expect("the held jobs ran");
    let resumed = ws.apply(&opened, &preview.id, None, &|_| {}).await.unwrap();
    assert_eq!(resumed.status, RunStatus::Completed, "{resumed:?}");
    assert_eq!(view(&resumed).counts.done, 6);
    assert_eq!(sb.counters().move_commands, 6, "each sent once");
}

/// The assets leaving one folder are checked before their moves by one read of the folder's
/// children: one gone since the preview and one replaced by another file are left alone, each
/// with why, and the rest move. Seen failing with a read of each asset (three node reads).
#[tokio::test]
async fn the_check_before_the_moves_reads_the_folder_once_and_leaves_alone_what_changed() {
    let (dir, ws, opened, sb) = setup(false).await;
    let p = assets(&sb);
    let rows: Vec<(String, String)> = p[..4]
        .iter()
        .enumerate()
        .map(|(n, a)| (a.clone(), renamed(a, &format!("checked-{n}.jpg"))))
        .collect();
    let asked: Vec<(&str, &str)> = rows.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    let preview = ws.preview_move(&opened, sheet(&dir, &asked)).await.unwrap();
    assert!(sb.remove_asset(&p[0]));
    assert!(sb.remove_asset(&p[1]));
    sb.upload(&p[1], json!({"dc:title": "Another file"}))
        .unwrap();
    let reads_before = sb.counters().by_kind.get("node read").copied().unwrap_or(0);
    let applied = ws.apply(&opened, &preview.id, None, &|_| {}).await.unwrap();
    let reads = sb.counters().by_kind.get("node read").copied().unwrap_or(0) - reads_before;
    assert_eq!(reads, 1, "one read of the folder");
    let moved = view(&applied);
    let reasons: Vec<Option<&str>> = moved
        .rows
        .iter()
        .map(|r| r.reason.as_ref().and_then(|t| t.code()))
        .collect();
    assert_eq!(
        reasons,
        [
            Some("move-left-gone"),
            Some("move-left-replaced"),
            None,
            None
        ]
    );
    assert_eq!((moved.counts.done, moved.counts.left_alone), (2, 2));
    assert_eq!(
        sb.asset(&p[1]).unwrap()["metadata"]["dc:title"],
        "Another file",
        "never moved"
    );
    assert!(sb.asset(&rows[2].1).is_some() && sb.asset(&rows[3].1).is_some());
}

/// Each refusal decided before anything moves, with why; the others are planned.
#[tokio::test]
async fn names_clashes_taken_paths_and_gone_sources_are_refused_before_anything_moves() {
    let (dir, ws, opened, sb) = setup(false).await;
    let p = assets(&sb);
    let folder = p[0].rsplit_once('/').unwrap().0.to_owned();
    let rows = [
        (p[0].clone(), format!("{folder}/bad*name.jpg")),
        (p[1].clone(), format!("{folder}/Same.jpg")),
        (p[2].clone(), format!("{folder}/same.jpg")),
        (p[3].clone(), p[4].clone()),
        (format!("{folder}/gone.jpg"), format!("{folder}/x.jpg")),
        (p[5].clone(), format!("{folder}/fine.jpg")),
    ];
    let rows: Vec<(&str, &str)> = rows.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    let preview = ws.preview_move(&opened, sheet(&dir, &rows)).await.unwrap();
    let reasons: Vec<Option<&str>> = view(&preview)
        .rows
        .iter()
        .map(|r| r.reason.as_ref().and_then(|t| t.code()))
        .collect();
    assert_eq!(
        reasons,
        vec![
            Some("move-name-refused"),
            None,
            Some("move-refused-same-target"),
            Some("move-refused-taken"),
            Some("move-refused-gone"),
            None,
        ]
    );
    let applied = ws.apply(&opened, &preview.id, None, &|_| {}).await.unwrap();
    assert_eq!(view(&applied).counts.done, 2);
    assert!(sb.asset(&p[0]).is_some() && sb.asset(&p[3]).is_some() && sb.asset(&p[4]).is_some());
}

/// A sheet whose new path is outside the DAM, relative or holds `..`, and a read-only
/// account, are refused in words: no run is stored, nothing is sent.
#[tokio::test]
async fn bad_sheets_and_a_read_only_account_are_refused_with_nothing_stored() {
    let (dir, ws, opened, sb) = setup(false).await;
    let p = assets(&sb);
    for bad in [
        "/content/site/x.jpg",
        "renamed.jpg",
        "/content/dam/../x.jpg",
    ] {
        let e = ws
            .preview_move(&opened, sheet(&dir, &[(&p[0], bad)]))
            .await
            .unwrap_err();
        assert!(
            e.to_string().contains("row 2") || e.to_string().contains("Row 2"),
            "{bad}: {e}"
        );
        assert!(e.to_string().contains(bad), "{bad}: {e}");
    }
    assert!(ws.list_runs().await.unwrap().is_empty());
    let (dir, ws, opened, sb) = setup(true).await;
    let p = assets(&sb);
    let folder = p[0].rsplit_once('/').unwrap().0.to_owned();
    let ask = MoveAsk {
        what: MoveWhat::Scope {
            scope: metadesk_bulk::RunScope::checked(&folder, Default::default()).unwrap(),
            to: folder.clone(),
        },
        options: MoveOptions {
            flatten: true,
            rename: Some("prefix:new-".into()),
            ..MoveOptions::default()
        },
    };
    let e = ws.preview_move(&opened, ask).await.unwrap_err();
    assert!(e.to_string().contains(&folder), "{e}");
    assert!(ws.list_runs().await.unwrap().is_empty());
    assert_eq!(sb.counters().move_commands, 0);
    drop(dir);
}

/// Assets keeping their names go into their folder in one request; a path a colleague took
/// after the preview makes AEM refuse that whole commit, and the others go again one a
/// request, checked first: only the taken one is left alone. Seen failing with the failed
/// request's rows all refused (the others not moved).
#[tokio::test]
async fn one_path_taken_since_the_preview_does_not_hold_back_the_rest_of_its_request() {
    let (_dir, ws, opened, sb) = setup(false).await;
    let p = assets(&sb);
    let folder = p[0].rsplit_once('/').unwrap().0.to_owned();
    let ask = MoveAsk {
        what: MoveWhat::Scope {
            scope: metadesk_bulk::RunScope::checked(&folder, Default::default()).unwrap(),
            to: folder.rsplit_once('/').unwrap().0.to_owned(),
        },
        options: MoveOptions {
            flatten: true,
            ..MoveOptions::default()
        },
    };
    let preview = ws.preview_move(&opened, ask).await.unwrap();
    let planned = view(&preview).rows.clone();
    assert!(planned.len() > 5, "{planned:?}");
    let taken = planned[3].to.clone();
    sb.upload(&taken, json!({"dc:title": "A colleague's"}))
        .unwrap();
    let applied = ws.apply(&opened, &preview.id, None, &|_| {}).await.unwrap();
    assert_eq!(applied.status, RunStatus::Completed, "{applied:?}");
    let counts = view(&applied).counts;
    let moved = planned.len() as u64 - 1;
    assert_eq!((counts.done, counts.left_alone), (moved, 1), "{applied:?}");
    assert_eq!(
        sb.asset(&taken).unwrap()["metadata"]["dc:title"],
        "A colleague's"
    );
    assert!(sb.asset(&planned[3].from).is_some(), "left where it was");
}

/// The requests AEM refused (403) so far.
fn refused_requests(sb: &Sandbox) -> u64 {
    let counters = sb.counters();
    counters
        .requests
        .values()
        .filter_map(|by| by.get(&403))
        .sum()
}

/// A run AEM refuses wherever it tries (the account lost write access to the folder after the
/// preview) stops after its first five refusals, in words naming what to ask for, instead of
/// sending every row to be refused: the rows held back stay pending, none failed, and once the
/// account may write again the resume moves every asset, each once. Seen failing with every
/// rename sent to be refused, the run ending on a row's own refusal.
#[tokio::test]
async fn a_run_aem_refuses_everywhere_stops_and_its_resume_does_the_rest() {
    use metadesk_bulk::{Engine, RunControl, Settings};
    let (dir, ws, opened, sb) = setup(false).await;
    let p = assets(&sb);
    let pairs = renames(&p, "kept");
    let preview = ws
        .preview_move(&opened, sheet_of(&dir, &pairs))
        .await
        .unwrap();
    let folder = p[0].rsplit_once('/').unwrap().0.to_owned();
    sb.set_faults(metadesk_sandbox::Faults {
        write_denied: vec![folder],
        ..metadesk_sandbox::Faults::default()
    })
    .unwrap();
    // Two requests at a time: at most one more is out beside the fifth refusal.
    let engine =
        Engine::new(opened.connected.assets.clone(), ws.runs_dir()).with_settings(Settings {
            max_tasks: 2,
            ..Settings::default()
        });
    let stopped = engine
        .apply(&preview.id, &RunControl::new(), &|_| {})
        .await
        .unwrap();
    assert_eq!(stopped.status, RunStatus::Stopped, "{stopped:?}");
    let reason = stopped.reason.as_ref().expect("a reason");
    assert_eq!(reason.code(), Some("reason-op-cannot-write"), "{reason:?}");
    let refused = refused_requests(&sb);
    assert!((5..=6).contains(&refused), "{refused} requests refused");
    let counts = view(&stopped).counts;
    assert_eq!(
        (counts.done, counts.failed, counts.pending),
        (0, 0, 12),
        "{counts:?}"
    );
    sb.set_faults(metadesk_sandbox::Faults::default()).unwrap();
    let resumed = engine
        .apply(&preview.id, &RunControl::new(), &|_| {})
        .await
        .unwrap();
    assert_eq!(resumed.status, RunStatus::Completed, "{resumed:?}");
    assert_eq!(view(&resumed).counts.done, 12);
    assert_eq!(
        sb.counters().move_commands,
        12,
        "each sent once it could go"
    );
    for (from, to) in &pairs {
        assert!(sb.asset(from).is_none() && sb.asset(to).is_some(), "{to}");
    }
}

/// One folder refusing the run's writes (403) while the others take them: its first rows'
/// refusals decide it, the rest of its rows fail in words naming the folder without a
/// request, and the run goes on elsewhere. Seen failing with each of its rows sent and refused.
#[tokio::test]
async fn a_folder_refusing_writes_is_not_tried_further_and_the_others_go() {
    use metadesk_bulk::RunControl;
    let (dir, ws, opened, sb) = setup(false).await;
    let p = assets(&sb);
    let folder = p[0].rsplit_once('/').unwrap().0.to_owned();
    // Six assets moved into a folder of their own first: then twelve renames in two folders.
    let other = format!("{folder}-other");
    let moved: Vec<(String, String)> = p[..6]
        .iter()
        .map(|a| {
            (
                a.clone(),
                format!("{other}/{}", a.rsplit_once('/').unwrap().1),
            )
        })
        .collect();
    let first = ws
        .preview_move(&opened, sheet_of(&dir, &moved))
        .await
        .unwrap();
    let done = ws.apply(&opened, &first.id, None, &|_| {}).await.unwrap();
    assert_eq!(done.status, RunStatus::Completed, "{done:?}");
    let mut paths: Vec<String> = moved.iter().map(|(_, to)| to.clone()).collect();
    paths.extend(p[6..].iter().cloned());
    let pairs = renames(&paths, "split");
    let preview = ws
        .preview_move(&opened, sheet_of(&dir, &pairs))
        .await
        .unwrap();
    sb.set_faults(metadesk_sandbox::Faults {
        write_denied: vec![other.clone()],
        ..metadesk_sandbox::Faults::default()
    })
    .unwrap();
    let before = refused_requests(&sb);
    let engine = super::test_support::one_at_a_time(&ws, &opened);
    let applied = engine
        .apply(&preview.id, &RunControl::new(), &|_| {})
        .await
        .unwrap();
    let counts = view(&applied).counts;
    assert_eq!((counts.done, counts.failed), (6, 6), "{applied:?}");
    let refused = refused_requests(&sb) - before;
    assert!(refused <= 5, "{refused} requests refused");
    let reason = applied.reason.as_ref().expect("a reason");
    assert_eq!(
        reason.code(),
        Some("reason-op-folder-refuses"),
        "{reason:?}"
    );
    for (from, to) in &pairs {
        let went = !from.starts_with(&format!("{other}/"));
        assert_eq!(sb.asset(to).is_some(), went, "{to}");
    }
}

/// The "node read" requests the sandbox answered so far.
fn node_reads(sb: &Sandbox) -> u64 {
    sb.counters().by_kind.get("node read").copied().unwrap_or(0)
}

/// Each of `paths` renamed in its own folder, `{prefix}-{n}.jpg`.
fn renames(paths: &[String], prefix: &str) -> Vec<(String, String)> {
    paths
        .iter()
        .enumerate()
        .map(|(n, a)| (a.clone(), renamed(a, &format!("{prefix}-{n}.jpg"))))
        .collect()
}

/// A sheet of `pairs` (`Path`, `New path`).
fn sheet_of(dir: &tempfile::TempDir, pairs: &[(String, String)]) -> MoveAsk {
    let rows: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    sheet(dir, &rows)
}

/// The undo of move `of`, previewed then applied.
async fn undone(ws: &Workspace, opened: &Opened, of: String) -> RunSummary {
    let undo = ws
        .preview(opened, PreviewRequest::Undo { of }, &|_| {})
        .await
        .unwrap();
    ws.apply(opened, &undo.id, None, &|_| {}).await.unwrap()
}

/// Sources that share a folder are read in one render of it: a sheet of eight renames in one
/// folder reads no more nodes than a sheet of one. Seen failing with a read a source (seven
/// more).
#[tokio::test]
async fn the_sources_of_one_folder_are_read_in_one_render() {
    let (dir, ws, opened, sb) = setup(false).await;
    let p = assets(&sb);
    let before = node_reads(&sb);
    let one = sheet_of(&dir, &renames(&p[..1], "one"));
    ws.preview_move(&opened, one).await.unwrap();
    let alone = node_reads(&sb) - before;

    let before = node_reads(&sb);
    let eight = sheet_of(&dir, &renames(&p[..8], "eight"));
    let preview = ws.preview_move(&opened, eight).await.unwrap();
    assert!(
        node_reads(&sb) - before <= alone,
        "one render for the eight"
    );
    let moved = view(&preview);
    assert_eq!(moved.counts.planned, 8);
    assert!(moved.rows.iter().all(|r| r.reason.is_none()), "{moved:?}");
    // What the render held is what the apply checks: each asset found, the same, and moved.
    let applied = ws.apply(&opened, &preview.id, None, &|_| {}).await.unwrap();
    assert_eq!(view(&applied).counts.done, 8);
}

/// The render of the sources' folder also says what is at each new path in it and whether a
/// folder to move into is there: renames in their own folder are previewed in that one read,
/// a name taken still refused and a new subfolder still made. Seen failing with the folder
/// read again for the new paths and the folders (eight reads).
#[tokio::test]
async fn renames_in_their_own_folder_are_previewed_in_one_read() {
    let (dir, ws, opened, sb) = setup(false).await;
    let p = assets(&sb);
    let mut pairs = renames(&p[..6], "own");
    // Onto a colleague's asset, and into a subfolder not there yet.
    pairs.push((p[6].clone(), p[9].clone()));
    let sub = renamed(&p[7], "new-sub/moved.jpg");
    pairs.push((p[7].clone(), sub.clone()));

    let before = node_reads(&sb);
    let preview = ws
        .preview_move(&opened, sheet_of(&dir, &pairs))
        .await
        .unwrap();
    assert_eq!(node_reads(&sb) - before, 1, "one render of the folder");
    let moved = view(&preview);
    let taken = moved.rows.iter().find(|r| r.from == p[6]).unwrap();
    assert_eq!(
        taken.reason.as_ref().and_then(|r| r.code()),
        Some("move-refused-taken"),
        "{moved:?}"
    );
    assert_eq!(moved.folders_made, 1, "{moved:?}");

    let applied = ws.apply(&opened, &preview.id, None, &|_| {}).await.unwrap();
    assert_eq!(view(&applied).counts.done, 7);
    assert!(sb.asset(&sub).is_some());
    assert!(sb.asset(&p[9]).is_some() && sb.asset(&p[6]).is_some());
}

/// Past Sling's `json.maximumresults`, a folder is not rendered three levels down (nor a
/// folder moved two): its assets are read one by one and the folder one level down, and the
/// move is planned as ever. Seen failing with the folder's two-level read taken as the
/// preview's failure ("could not be read").
#[tokio::test]
async fn a_folder_too_large_to_render_deep_is_still_read_and_moved() {
    let (dir, ws, opened, sb) = setup(false).await;
    sb.set_json_max_results(10);
    let p = assets(&sb);
    let three = sheet_of(&dir, &renames(&p[..3], "large"));
    let preview = ws.preview_move(&opened, three).await.unwrap();
    assert!(view(&preview).rows.iter().all(|r| r.reason.is_none()));

    let folder = p[0].rsplit_once('/').unwrap().0.to_owned();
    let to = renamed(&folder, "renamed-folder");
    let preview = ws
        .preview_move(&opened, sheet(&dir, &[(folder.as_str(), to.as_str())]))
        .await
        .unwrap();
    let moved = view(&preview);
    assert!(moved.rows.iter().all(|r| r.reason.is_none()), "{moved:?}");
    let applied = ws.apply(&opened, &preview.id, None, &|_| {}).await.unwrap();
    assert_eq!(view(&applied).counts.done, 1);
    assert!(sb.asset(&p[5].replacen(&folder, &to, 1)).is_some());
}

/// The undo's check reads the folder its assets are in once, three levels down, and tells
/// from it which changed since; each of the others moves back. Past Sling's limit each asset
/// is read on its own. Seen failing with a read an asset (four reads).
#[tokio::test]
async fn the_undo_checks_the_assets_of_one_folder_in_one_render() {
    let (dir, ws, opened, sb) = setup(false).await;
    let p = assets(&sb);
    let pairs = renames(&p[..4], "back");
    let preview = ws
        .preview_move(&opened, sheet_of(&dir, &pairs))
        .await
        .unwrap();
    ws.apply(&opened, &preview.id, None, &|_| {}).await.unwrap();
    sb.edit_asset(&pairs[0].1, json!({"dc:title": "Theirs"}))
        .unwrap();
    let before = node_reads(&sb);
    let back = undone(&ws, &opened, preview.id).await;
    assert_eq!(node_reads(&sb) - before, 1, "one render of the folder");
    let back = view(&back);
    assert_eq!((back.counts.done, back.counts.left_alone), (3, 1));
    let why = back.rows[0].reason.as_ref().and_then(|t| t.code());
    assert_eq!(why, Some("move-left-changed"));
    assert!(sb.asset(&pairs[0].1).is_some() && sb.asset(&pairs[1].0).is_some());

    // Past the limit: one refused render, then a read each; all move back.
    sb.set_json_max_results(10);
    let pairs = renames(&p[1..3], "again");
    let preview = ws
        .preview_move(&opened, sheet_of(&dir, &pairs))
        .await
        .unwrap();
    ws.apply(&opened, &preview.id, None, &|_| {}).await.unwrap();
    let before = node_reads(&sb);
    let back = undone(&ws, &opened, preview.id).await;
    assert_eq!(node_reads(&sb) - before, 3);
    assert_eq!(view(&back).counts.done, 2);
    assert!(sb.asset(&pairs[0].0).is_some() && sb.asset(&pairs[1].0).is_some());
}

/// A row in doubt (journaled `sending` by a process that stopped: its request may have landed)
/// is read before anything decides it, even in a folder found refusing the run's writes (403)
/// before it is reached: it is done when AEM holds it moved, never failed unread. Seen failing
/// with the row failed in the folder's words, its asset moved all the same.
#[tokio::test]
async fn a_row_in_doubt_in_a_folder_refusing_writes_is_read_before_it_is_failed() {
    use super::test_support::{journal_sending, one_at_a_time};
    use metadesk_bulk::RunControl;
    use metadesk_bulk::parts::RunPart;
    let config = SandboxConfig::default()
        .with_assets(800)
        .with_assets_per_folder(200)
        .with_fragment_every(1_000_000);
    let (dir, ws, opened, sandbox) = setup_in(config, false).await;
    let p = assets(&sandbox);
    let folder = |path: &str| path.rsplit_once('/').unwrap().0.to_owned();
    let (denied, taken): (Vec<String>, Vec<String>) =
        p.iter().cloned().partition(|a| folder(a) == folder(&p[0]));
    assert!(
        denied.len() >= 7 && taken.len() >= 494,
        "{} {}",
        denied.len(),
        taken.len()
    );
    // The refused folder's first six, then enough renames elsewhere to fill the driver's first
    // window of rows (500), then the row in doubt, in the refused folder: reached once that
    // folder is found refusing.
    let mut order: Vec<String> = denied[..6].to_vec();
    order.extend(taken[..494].iter().cloned());
    order.push(denied[6].clone());
    let pairs = renames(&order, "doubt");
    let preview = ws
        .preview_move(&opened, sheet_of(&dir, &pairs))
        .await
        .unwrap();
    let (from, to) = pairs.last().unwrap().clone();
    // Its request went and AEM did it; the process stopped before it heard: `sending`.
    let alone = ws
        .preview_move(&opened, sheet_of(&dir, &[(from.clone(), to.clone())]))
        .await
        .unwrap();
    let moved = ws.apply(&opened, &alone.id, None, &|_| {}).await.unwrap();
    assert_eq!(view(&moved).counts.done, 1, "{moved:?}");
    journal_sending(&ws, &preview.id, RunPart::Moved { path: from.clone() });
    sandbox
        .set_faults(metadesk_sandbox::Faults {
            write_denied: vec![folder(&from)],
            ..metadesk_sandbox::Faults::default()
        })
        .unwrap();
    // One request at a time: the other folder's renames are taken before the refusals.
    let engine = one_at_a_time(&ws, &opened);
    let applied = engine
        .apply(&preview.id, &RunControl::new(), &|_| {})
        .await
        .unwrap();
    let moved = view(&applied);
    let row = moved.rows.iter().find(|r| r.from == from).expect("its row");
    assert_eq!(
        (row.state, row.reason.as_ref()),
        (metadesk_bulk::moves::MoveState::Moved, None),
        "{row:?}"
    );
    assert_eq!(
        (moved.counts.done, moved.counts.failed),
        (495, 6),
        "{:?}",
        moved.counts
    );
    assert!(sandbox.asset(&from).is_none() && sandbox.asset(&to).is_some());
}

/// Assets moving out of one folder into another that AEM refuses (403): the refusal may be
/// about either folder (a move needs write access in both, and AEM does not say which), so
/// the words name the folder they leave and where they go, not the one alone; renames
/// elsewhere go. Seen failing with the words of a folder the account may not write in,
/// naming only the folder the assets leave.
#[tokio::test]
async fn assets_refused_moving_into_another_folder_are_told_in_words_naming_both_sides() {
    use metadesk_bulk::RunControl;
    let config = SandboxConfig::default()
        .with_assets(18)
        .with_assets_per_folder(6);
    let (dir, ws, opened, sandbox) = setup_in(config, false).await;
    let p = assets(&sandbox);
    let folder = |path: &str| path.rsplit_once('/').unwrap().0.to_owned();
    let mut folders: Vec<String> = p.iter().map(|a| folder(a)).collect();
    folders.dedup();
    assert_eq!(folders.len(), 3, "{folders:?}");
    let (leaving, renamed_in, into) = (&folders[0], &folders[1], &folders[2]);
    let mut pairs: Vec<(String, String)> = p
        .iter()
        .filter(|a| folder(a) == *leaving)
        .map(|a| {
            (
                a.clone(),
                format!("{into}/{}", a.rsplit_once('/').unwrap().1),
            )
        })
        .collect();
    let stay: Vec<String> = p
        .iter()
        .filter(|a| folder(a) == *renamed_in)
        .cloned()
        .collect();
    pairs.extend(renames(&stay, "kept"));
    let preview = ws
        .preview_move(&opened, sheet_of(&dir, &pairs))
        .await
        .unwrap();
    sandbox
        .set_faults(metadesk_sandbox::Faults {
            write_denied: vec![into.clone()],
            ..metadesk_sandbox::Faults::default()
        })
        .unwrap();
    let applied = super::test_support::one_at_a_time(&ws, &opened)
        .apply(&preview.id, &RunControl::new(), &|_| {})
        .await
        .unwrap();
    let moved = view(&applied);
    assert_eq!(
        (moved.counts.done, moved.counts.failed),
        (6, 6),
        "{applied:?}"
    );
    for row in &moved.rows {
        if folder(&row.from) == *leaving {
            let reason = row.reason.as_ref().expect("a reason");
            assert_eq!(reason.code(), Some("reason-move-folder-refuses"), "{row:?}");
            let l = metadesk_base::i18n::Localizer::new(metadesk_base::i18n::Lang::En);
            let words = reason.localized(&l);
            assert!(
                words.contains(&format!("every move tried out of {leaving}"))
                    && words.contains("the folders its assets move into"),
                "{words}"
            );
        } else {
            assert_eq!(row.state, metadesk_bulk::moves::MoveState::Moved, "{row:?}");
        }
    }
}
