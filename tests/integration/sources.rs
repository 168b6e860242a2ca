//! Each source of a run's rows (`bulk::source`: a folder's listings, a search, a list), on the
//! classic API and an OAuth Server-to-Server connection's OpenAPI family, run through the engine
//! against the sandbox and held to the same guarantees: a colleague's change made since the
//! preview is kept and reported, an undo leaves work done since, and a run killed with `kill -9`
//! in the middle of its apply resumes exactly (each asset written once, as planned).
//!
//! Not here: every operation on one source (`crates/bulk/src/tests/guarantees.rs`), publishing
//! (`publish*.rs`).

// Test helpers panic on unexpected errors, like the tests themselves.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use metadesk_core::bulk::RunSource;
use std::process::{Command, Stdio};
use std::sync::Arc;

use metadesk_core::assets::AssetsApi;
use metadesk_core::bulk::{
    Action, Combine, Condition, ReportStatus, RunControl, RunScope, RunStatus, Scope, runs,
};
use metadesk_core::credentials::ApiFamily;
use metadesk_sandbox::{Faults, SAMPLE_FOLDER, Sandbox};
use serde_json::{Value, json};

use crate::bulk_cli::{cli, journal, kill_9_when};
use crate::bulk_support::*;

/// Where a run's rows come from.
#[derive(Debug, Clone, Copy)]
enum Src {
    Folder,
    Search,
    List,
}

/// The connection's API.
#[derive(Debug, Clone, Copy)]
enum Api {
    Classic,
    /// An OAuth S2S connection, with its own OpenAPI search (paired, in process; unpaired, by
    /// the CLI, which finds a folder through the search too).
    OpenApi,
}

const CASES: [(Src, Api); 6] = [
    (Src::Folder, Api::Classic),
    (Src::Search, Api::Classic),
    (Src::List, Api::Classic),
    (Src::Folder, Api::OpenApi),
    (Src::Search, Api::OpenApi),
    (Src::List, Api::OpenApi),
];

/// The sample folder's JPEG images, in path order: what each source selects.
fn jpegs(sb: &Sandbox) -> Vec<String> {
    let mut paths: Vec<String> = sb.dump(true)["assets"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["contentFragment"] == false)
        .filter_map(|a| a["path"].as_str())
        .filter(|p| p.rsplit_once('/').is_some_and(|(f, _)| f == SAMPLE_FOLDER))
        .filter(|p| p.ends_with(".jpg"))
        .map(str::to_owned)
        .collect();
    paths.sort();
    paths
}

impl Src {
    /// The run's scope: the folder's JPEG images (by name), a search for them, or a list of
    /// them.
    fn scope(self, sb: &Sandbox) -> RunScope {
        let scope = match self {
            Src::Folder => {
                return Scope::Folder {
                    folder: SAMPLE_FOLDER.into(),
                    recursive: false,
                }
                .into_run_scope_with(Some("*.jpg".into()), Vec::new())
                .unwrap();
            }
            Src::Search => Scope::Search {
                under: SAMPLE_FOLDER.into(),
                recursive: false,
                conditions: vec![Condition::parse("type is image/jpeg").unwrap()],
                combine: Combine::All,
            },
            Src::List => Scope::List { entries: jpegs(sb) },
        };
        scope.into_run_scope().unwrap()
    }

    /// The CLI's scope flags (`list`: a file to write the list to).
    fn flags(self, sb: &Sandbox, list: &std::path::Path) -> Vec<String> {
        let folder = SAMPLE_FOLDER.to_owned();
        match self {
            Src::Folder => vec!["--folder".into(), folder, "--name".into(), "*.jpg".into()],
            Src::Search => vec![
                "--under".into(),
                folder,
                "--where".into(),
                "type is image/jpeg".into(),
            ],
            Src::List => {
                std::fs::write(list, jpegs(sb).join("\n")).unwrap();
                vec!["--list".into(), list.to_str().unwrap().into()]
            }
        }
    }
}

impl Api {
    async fn aem(self, sb: &Sandbox) -> Arc<dyn AssetsApi> {
        match self {
            Api::Classic => classic(sb),
            Api::OpenApi => openapi(sb).await,
        }
    }

    fn family(self) -> ApiFamily {
        match self {
            Api::Classic => ApiFamily::Classic,
            Api::OpenApi => ApiFamily::OpenApi,
        }
    }
}

/// The paths a run plans to change, in path order.
fn planned(runs_dir: &std::path::Path, id: &str) -> Vec<String> {
    let mut paths: Vec<String> = runs::preview_page(runs_dir, id, Some(Action::Change), 0, 1000)
        .unwrap()
        .rows
        .into_iter()
        .map(|r| r.path)
        .collect();
    paths.sort();
    paths
}

fn rights(sb: &Sandbox, path: &str) -> Value {
    metadata(sb, path)
        .get("dc:rights")
        .cloned()
        .unwrap_or(Value::Null)
}

/// Through each source: a colleague's change between the preview and the apply is kept and
/// reported; after the run, another colleague's change survives the run's undo, which gives
/// every other asset back its value.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_source_keeps_a_colleague_s_change_and_its_undo_leaves_later_work() {
    for (src, api) in CASES {
        let case = format!("{src:?} on {api:?}");
        let sb = sandbox(80).await;
        let dir = tempfile::tempdir().unwrap();
        let e = engine(api.aem(&sb).await, dir.path());
        let wanted = jpegs(&sb);
        assert!(wanted.len() >= 3, "{case}: {wanted:?}");
        let before: Vec<Value> = wanted.iter().map(|p| rights(&sb, p)).collect();
        let mut run = spec(
            &sb,
            api.family(),
            SAMPLE_FOLDER,
            vec![set("dc:rights", "Ours")],
        );
        run.scope = src.scope(&sb);
        let p = e
            .plan(RunSource::Scope(run), &RunControl::new(), &quiet())
            .await
            .unwrap();
        assert_eq!(
            planned(&dir.path().join("runs"), &p.id),
            wanted,
            "{case}: rows"
        );

        let (theirs, later) = (&wanted[0], &wanted[1]);
        sb.edit_asset(theirs, json!({"dc:rights": "Theirs"}))
            .unwrap();
        let s = e.apply(&p.id, &RunControl::new(), &quiet()).await.unwrap();
        assert_eq!(rights(&sb, theirs), json!("Theirs"), "{case}: overwritten");
        assert_eq!(
            (s.counts.changed, s.counts.failed),
            (wanted.len() as u64 - 1, 1),
            "{case}"
        );
        let report = runs::report_page(&dir.path().join("runs"), &p.id, None, 0, 1000).unwrap();
        let row = report.rows.iter().find(|r| &r.path == theirs).unwrap();
        assert_eq!(row.status, ReportStatus::Failed, "{case}");
        assert_eq!(row.changed_since.len(), 1, "{case}: said");

        sb.edit_asset(later, json!({"dc:rights": "Later"})).unwrap();
        let u = e
            .plan(RunSource::undo(&p.id), &RunControl::new(), &quiet())
            .await
            .unwrap();
        let s = e.apply(&u.id, &RunControl::new(), &quiet()).await.unwrap();
        assert_eq!(rights(&sb, later), json!("Later"), "{case}: undone");
        assert_eq!(rights(&sb, theirs), json!("Theirs"), "{case}");
        assert_eq!(s.counts.changed, wanted.len() as u64 - 2, "{case}");
        for (path, was) in wanted.iter().zip(&before).skip(2) {
            assert_eq!(&rights(&sb, path), was, "{case}: {path} given back");
        }
    }
}

/// Through each source, the CLI killed with `kill -9` in the middle of its apply, a write
/// landed but its outcome not journaled, then `bulk resume`: every planned asset holds the
/// run's value, written once, and counts as changed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_source_killed_mid_apply_resumes_exactly() {
    let cli = cli();
    for (src, api) in CASES {
        let case = format!("{src:?} on {api:?}");
        let sb = sandbox(80).await;
        let dir = tempfile::tempdir().unwrap();
        let creds = dir.path().join("creds");
        sb.write_credentials(&creds).unwrap();
        let home = dir.path().join("home");
        // Slow enough that the kill lands while writes are in flight: a batch of the folder's
        // few assets commits for seconds.
        sb.set_faults(Faults {
            latency_ms: 25,
            capacity: Some(2),
            commit_ms_per_asset: 100,
            ..Faults::default()
        })
        .unwrap();
        let file = creds.join(match api {
            Api::Classic => "local-development-token.json",
            Api::OpenApi => "oauth-project.json",
        });
        let trusted = sandbox_host(&sb);
        let common = |cmd: &mut Command| {
            cmd.env("METADESK_HOME", &home)
                .args(["--aem", &sb.base_url(), "--trust-host", &trusted, "--file"])
                .arg(&file)
                .stdout(Stdio::null())
                .stderr(Stdio::null());
        };
        let mut apply = Command::new(&cli);
        apply.args(["bulk", "set"]);
        apply.args(src.flags(&sb, &dir.path().join("list.txt")));
        apply.args(["--property", "dc:rights", "--value", "Resumed", "--yes"]);
        common(&mut apply);
        // Killed once a write has landed in AEM (committing: the sandbox applies it, then
        // spends its commit time) and before its outcome is journaled: the resume must take
        // what landed as this run's, not as a colleague's change since the preview.
        let ready = || {
            let landed = sb.counters().writes_applied as usize;
            journal(&home).is_some_and(|(_, t)| t.matches("\"t\":\"outcome\"").count() < landed)
        };
        kill_9_when(apply.spawn().unwrap(), ready).await;
        let (id, text) = journal(&home).unwrap();
        assert!(
            !text.contains("\"t\":\"ended\""),
            "{case}: killed before the end"
        );
        let runs_dir = home.join("data").join("runs");
        let summary = runs::summary(&runs_dir, &id).unwrap();
        assert_eq!(summary.status, RunStatus::Interrupted, "{case}");

        let mut resume = Command::new(&cli);
        resume.args(["bulk", "resume", &id, "--yes"]);
        common(&mut resume);
        let status = tokio::task::spawn_blocking(move || resume.status())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(status.code(), Some(0), "{case}");
        let summary = runs::summary(&runs_dir, &id).unwrap();
        assert_eq!(summary.status, RunStatus::Completed, "{case}");
        let planned = planned(&runs_dir, &id);
        assert_eq!(planned, jpegs(&sb), "{case}: the source's rows");
        assert_eq!(summary.counts.changed as usize, planned.len(), "{case}");
        for path in &planned {
            let state = sb.asset(path).unwrap();
            assert_eq!(state["metadata"]["dc:rights"], "Resumed", "{case}: {path}");
            assert_eq!(
                state["revision"], 1,
                "{case}: {path} written more than once"
            );
        }
        assert_eq!(sb.counters().writes_applied, planned.len() as u64, "{case}");
    }
}
