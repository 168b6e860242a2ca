//! The CLI end to end against the sandbox, as the real binary with a credential file
//! (`--aem URL --file FILE`, no keychain): `kill -9` in the middle of an apply then `bulk
//! resume` reaches the same final state as an uninterrupted run; each edit kind and several
//! in one run; undo; retry; the run history and its CSV and JSON-lines reports; scope
//! filters; and every bad input refused in one line with nothing stored.
//!
//! Runs through stored connections (keychain) are in `bulk_cli_stored`.

// Test helpers panic on unexpected errors, like the tests themselves.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::cli_process::OutputRetried;
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use metadesk_sandbox::{Faults, SAMPLE_FOLDER, Sandbox};
use serde_json::{Map, Value, json};

use crate::bulk_support::*;

/// The `metadesk-cli` binary: the one `METADESK_TEST_CLI` names (scripts/test.sh's build of the
/// app, CLI and sandbox together, or the Windows build under Wine),
/// else the one next to this test binary, built once per test process (it belongs to another
/// package, so `cargo test -p metadesk-tests` alone does not build it). Always built rather
/// than trusted if present: a stale binary would test old code; a no-op when up to date.
pub fn cli() -> PathBuf {
    if let Some(prebuilt) = prebuilt_cli() {
        return prebuilt;
    }
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    BUILT
        .get_or_init(|| {
            let exe = std::env::current_exe().unwrap();
            let target = exe.parent().unwrap().parent().unwrap().to_path_buf();
            let bin = target.join(format!("metadesk-cli{}", std::env::consts::EXE_SUFFIX));
            let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
            let status = Command::new(cargo)
                .args(["build", "-q", "-p", "metadesk-cli"])
                .status()
                .unwrap();
            assert!(status.success(), "cargo build -p metadesk-cli failed");
            assert!(bin.exists(), "{}", bin.display());
            bin
        })
        .clone()
}

/// The CLI named by `METADESK_TEST_CLI`, when set (it must exist).
pub fn prebuilt_cli() -> Option<PathBuf> {
    let bin = PathBuf::from(std::env::var_os("METADESK_TEST_CLI")?);
    assert!(
        bin.is_file(),
        "METADESK_TEST_CLI: {} is missing",
        bin.display()
    );
    Some(bin)
}

pub(crate) fn journal(home: &std::path::Path) -> Option<(String, String)> {
    let runs = home.join("data").join("runs");
    // The journal, not its lock file `<id>.lock`.
    let entry = std::fs::read_dir(&runs)
        .ok()?
        .flatten()
        .find(|e| e.path().extension().is_some_and(|x| x == "jsonl"))?;
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
    // Slow enough that the kill lands mid-run: a batched write commits many assets at once, so
    // each asset's commit is slowed too (without it, a loaded machine saw the run end before
    // the kill).
    sb.set_faults(Faults {
        latency_ms: 25,
        capacity: Some(2),
        commit_ms_per_asset: 10,
        ..Faults::default()
    })
    .unwrap();
    let file = creds.join("local-development-token.json");
    let trusted = sandbox_host(&sb);
    let common = |cmd: &mut Command| {
        cmd.env("METADESK_HOME", &home)
            .args(["--aem", &sb.base_url(), "--trust-host", &trusted, "--file"])
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
    assert_eq!(sb.counters().writes_applied, planned.len() as u64);
}

#[tokio::test]
async fn bulk_retry_redoes_the_failed_assets_of_a_run() {
    let sb = sandbox(120).await;
    let h = CliHome::new(&sb);
    // The last three assets of the folder may not be written, as when part of the DAM lacks
    // a write permission: the writes before them get through, so their 403s are failures of
    // those assets (not a stop).
    let denied: Vec<String> = editable(&sb)
        .into_iter()
        .rev()
        .take(3)
        .map(|(path, _)| path)
        .collect();
    sb.set_faults(Faults {
        write_denied: denied.clone(),
        ..Faults::default()
    })
    .unwrap();
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
    let first = h.run_dev(&set).await;
    assert_eq!(first.code, Some(1), "some assets failed: {}", first.stdout);
    let first = first.json();
    assert_eq!(first["status"], "completed", "{first}");
    let failed = first["counts"]["failed"].as_u64().unwrap();
    assert_eq!(failed, 3, "{first}");
    let id = first["id"].as_str().unwrap().to_owned();
    let written_before = sb.counters().writes_applied;

    // Write access given.
    sb.set_faults(Faults::default()).unwrap();
    let planned = h
        .run_dev(&["bulk", "retry", &id, "--dry-run", "--json"])
        .await;
    assert_eq!(planned.code, Some(0), "{}", planned.stderr);
    let planned = planned.json();
    assert_eq!(planned["status"], "previewed");
    assert_eq!(planned["kind"]["kind"], "retry");
    assert_eq!(planned["kind"]["of"], id.as_str());
    assert_eq!(planned["counts"]["pending"], failed);
    assert_eq!(
        sb.counters().writes_applied,
        written_before,
        "a dry run writes nothing"
    );

    let done = h.run_dev(&["bulk", "retry", &id, "--yes", "--json"]).await;
    assert_eq!(done.code, Some(0), "{}", done.stderr);
    let done = done.json();
    assert_eq!(done["status"], "completed");
    assert_eq!(
        (
            done["counts"]["changed"].as_u64(),
            done["counts"]["failed"].as_u64()
        ),
        (Some(failed), Some(0))
    );
    assert_eq!(sb.counters().writes_applied, written_before + failed);
    for path in &denied {
        assert_eq!(
            sb.asset(path).unwrap()["metadata"]["dc:rights"],
            "Retried by the CLI"
        );
    }
    let rows = metadesk_core::bulk::runs::preview_page(
        &h.runs_dir(),
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
    let again = h
        .run_dev(&["bulk", "retry", done["id"].as_str().unwrap(), "--yes"])
        .await;
    assert_eq!(again.code, Some(2));
}

#[tokio::test]
async fn a_read_only_run_stops_and_one_resume_finishes_it_once_access_is_given() {
    let sb = sandbox(120).await;
    let h = CliHome::new(&sb);
    let set = [
        "bulk",
        "set",
        "--folder",
        SAMPLE_FOLDER,
        "--property",
        "dc:rights",
        "--value",
        "Resumed by the CLI",
        "--yes",
        "--json",
    ];
    let stopped = h
        .run_with_file("service-credentials-read-only.json", &set)
        .await;
    assert_eq!(
        stopped.code,
        Some(2),
        "a credential problem: {}",
        stopped.stderr
    );
    let stopped = stopped.json();
    assert_eq!(stopped["status"], "stopped", "{stopped}");
    let assets = editable(&sb);
    let editable = assets.len() as u64;
    assert_eq!(stopped["counts"]["pending"], editable, "{stopped}");
    assert_eq!(stopped["counts"]["failed"], 0, "{stopped}");
    let reason = stopped["reason"].as_str().unwrap();
    let account = &sb.credentials().read_only_technical_account_email;
    assert!(
        reason.contains(&format!("technical account {account}"))
            && reason.contains("may not change the assets it tried")
            && reason.contains("resume"),
        "{reason}"
    );
    assert_eq!(sb.counters().writes_applied, 0);

    // Write access given (here: a credential that has it), one resume does every asset.
    let id = stopped["id"].as_str().unwrap();
    let done = h.run_dev(&["bulk", "resume", id, "--yes", "--json"]).await;
    assert_eq!(done.code, Some(0), "{}", done.stderr);
    let done = done.json();
    assert_eq!(done["status"], "completed", "{done}");
    assert_eq!(
        (
            done["counts"]["changed"].as_u64(),
            done["counts"]["failed"].as_u64()
        ),
        (Some(editable), Some(0))
    );
    for (path, _) in assets {
        assert_eq!(
            sb.asset(&path).unwrap()["metadata"]["dc:rights"],
            "Resumed by the CLI"
        );
    }
}

/// Runs `cmd` off the runtime thread (the sandbox serves from the test's runtime), with no
/// terminal on standard input: its exit code, standard output and standard error.
pub async fn run_command(mut cmd: Command) -> (Option<i32>, String, String) {
    let out = tokio::task::spawn_blocking(move || {
        cmd.stdin(Stdio::null());
        cmd.output_retried()
    })
    .await
    .unwrap()
    .unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

pub struct Ran {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Ran {
    /// The JSON the command printed.
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("{e}: {}\n{}", self.stdout, self.stderr))
    }

    /// Asserts a refusal: exit code 2 and exactly one line on stderr containing `words`.
    pub fn assert_refused(&self, words: &str) {
        assert_eq!(self.code, Some(2), "{}\n{}", self.stdout, self.stderr);
        assert_eq!(
            self.stderr.trim_end().lines().count(),
            1,
            "one line: {:?}",
            self.stderr
        );
        assert!(self.stderr.starts_with("error: "), "{}", self.stderr);
        assert!(self.stderr.contains(words), "{words:?} in {}", self.stderr);
    }
}

/// A CLI with its own METADESK_HOME and the sandbox's credential files.
pub struct CliHome {
    pub bin: PathBuf,
    pub dir: tempfile::TempDir,
    pub home: PathBuf,
    pub creds: PathBuf,
    pub aem: String,
    /// The sandbox's host and port (`127.0.0.1:PORT`), as `--trust-host` names it.
    pub aem_host: String,
}

impl CliHome {
    pub fn new(sb: &Sandbox) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let creds = dir.path().join("creds");
        sb.write_credentials(&creds).unwrap();
        CliHome {
            bin: cli(),
            home: dir.path().join("home"),
            dir,
            creds,
            aem_host: sandbox_host(sb),
            aem: sb.base_url(),
        }
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(&self.bin);
        cmd.env("METADESK_HOME", &self.home).args(args);
        cmd
    }

    /// [`CliHome::command`] on a desktop whose language is `lang` (`fr_FR.UTF-8`): LC_ALL and
    /// LC_MESSAGES outrank LANG, so they are cleared and LANG decides.
    #[cfg(all(unix, not(target_os = "macos")))]
    pub fn command_in(&self, lang: &str, args: &[&str]) -> Command {
        let mut cmd = self.command(args);
        cmd.env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", lang);
        cmd
    }

    /// Runs the CLI off the runtime thread (the sandbox serves from the test's runtime), with
    /// no terminal on standard input.
    pub async fn run(&self, args: &[&str]) -> Ran {
        let (code, stdout, stderr) = run_command(self.command(args)).await;
        Ran {
            code,
            stdout,
            stderr,
        }
    }

    /// `args` then `--aem URL --file <the sandbox's credential file>`.
    pub async fn run_with_file(&self, file: &str, args: &[&str]) -> Ran {
        let file = self.creds.join(file);
        let mut all: Vec<&str> = args.to_vec();
        all.extend(["--aem", &self.aem, "--file", file.to_str().unwrap()]);
        self.run(&all).await
    }

    /// With the sandbox's development token (classic API, read and write). Its IMS is Adobe's
    /// (`as: ims-na1`, like a real one), so the sandbox on this computer is trusted by name.
    pub async fn run_dev(&self, args: &[&str]) -> Ran {
        let mut all: Vec<&str> = args.to_vec();
        all.extend(["--trust-host", &self.aem_host]);
        self.run_with_file("local-development-token.json", &all)
            .await
    }

    /// [`CliHome::run_dev`]'s command started, its output dropped: for a test that kills it.
    pub fn spawn_dev(&self, args: &[&str]) -> std::process::Child {
        let file = self.creds.join("local-development-token.json");
        let mut cmd = self.command(args);
        cmd.args(["--aem", &self.aem, "--trust-host", &self.aem_host, "--file"])
            .arg(&file)
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        cmd.spawn().unwrap()
    }

    pub fn runs_dir(&self) -> PathBuf {
        self.home.join("data").join("runs")
    }

    /// Run `run`'s journal without its one end record, as an app closed right after its last
    /// write leaves it: interrupted, with every row journaled.
    pub fn cut_before_its_end(&self, run: &str) {
        let path = self.runs_dir().join(format!("{run}.jsonl"));
        let text = std::fs::read_to_string(&path).unwrap();
        let end = |line: &&str| line.contains("\"t\":\"ended\"");
        assert_eq!(text.lines().filter(end).count(), 1, "{text}");
        let cut: String = text
            .lines()
            .filter(|line| !end(line))
            .map(|line| format!("{line}\n"))
            .collect();
        std::fs::write(&path, cut).unwrap();
    }

    /// `runs show RUN` says how to finish the run (`bulk resume RUN`).
    pub async fn assert_says_to_finish(&self, run: &str) {
        let shown = self.run(&["runs", "show", run]).await;
        assert!(
            shown
                .stdout
                .contains(&format!("finish it: metadesk-cli bulk resume {run}")),
            "{}{}",
            shown.stdout,
            shown.stderr
        );
    }

    /// A fresh development token in the file [`CliHome::run_dev`] reads, as a person imports
    /// one once AEM refused the last.
    pub fn new_dev_token(&self, sb: &Sandbox) {
        let token = sb.issue_dev_token(&sb.credentials().dev_token_user, false);
        let file = json!({"ok": true, "statusCode": 200, "accessToken": token});
        std::fs::write(
            self.creds.join("local-development-token.json"),
            file.to_string(),
        )
        .unwrap();
    }

    /// How many run journals exist (their lock files, `<id>.lock`, aside).
    pub fn journals(&self) -> usize {
        std::fs::read_dir(self.runs_dir())
            .map(|d| {
                d.flatten()
                    .filter(|e| e.path().extension().is_some_and(|x| x == "jsonl"))
                    .count()
            })
            .unwrap_or(0)
    }

    pub fn connections_file(&self) -> PathBuf {
        self.home.join("config").join("connections.json")
    }
}

/// The assets directly in the sample folder (path, metadata, content fragment?), from the
/// sandbox's own state.
pub fn sample_assets(sb: &Sandbox) -> Vec<(String, Map<String, Value>, bool)> {
    let prefix = format!("{SAMPLE_FOLDER}/");
    sb.dump(true)["assets"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| {
            a["path"]
                .as_str()
                .unwrap()
                .strip_prefix(&prefix)
                .is_some_and(|rest| !rest.contains('/'))
        })
        .map(|a| {
            (
                a["path"].as_str().unwrap().to_owned(),
                a["metadata"].as_object().unwrap().clone(),
                a["contentFragment"] == true,
            )
        })
        .collect()
}

/// The editable assets of the sample folder (no content fragments).
pub fn editable(sb: &Sandbox) -> Vec<(String, Map<String, Value>)> {
    sample_assets(sb)
        .into_iter()
        .filter(|(_, _, cf)| !cf)
        .map(|(p, m, _)| (p, m))
        .collect()
}

fn strings(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::Array(items)) => items
            .iter()
            .map(|i| i.as_str().unwrap().to_owned())
            .collect(),
        Some(Value::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    }
}

#[tokio::test]
async fn append_remove_clear_and_several_edits_in_one_run() {
    let sb = sandbox(120).await;
    let h = CliHome::new(&sb);
    let before = editable(&sb);
    assert!(before.len() > 10);
    let scope = ["--folder", SAMPLE_FOLDER, "--yes", "--json"];
    let with = |args: &[&'static str]| [args, &scope[..]].concat();

    let ran = h
        .run_dev(&with(&[
            "bulk",
            "append",
            "--property",
            "dc:subject",
            "--value",
            "metadesk-a",
            "--value",
            "metadesk-b",
        ]))
        .await;
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert_eq!(ran.json()["counts"]["changed"], before.len());
    for (path, md) in &before {
        let mut want = strings(md.get("dc:subject"));
        want.extend(["metadesk-a".to_owned(), "metadesk-b".to_owned()]);
        assert_eq!(
            strings(metadata(&sb, path).get("dc:subject")),
            want,
            "{path}"
        );
    }
    // Appending again changes nothing: no duplicates.
    let ran = h
        .run_dev(&with(&[
            "bulk",
            "append",
            "--property",
            "metadata/dc:subject",
            "--value",
            "metadesk-a",
        ]))
        .await;
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert_eq!(ran.json()["counts"]["changed"], 0);

    let ran = h
        .run_dev(&with(&[
            "bulk",
            "remove",
            "--property",
            "dc:subject",
            "--value",
            "metadesk-a",
        ]))
        .await;
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    for (path, md) in &before {
        let mut want = strings(md.get("dc:subject"));
        want.push("metadesk-b".to_owned());
        assert_eq!(
            strings(metadata(&sb, path).get("dc:subject")),
            want,
            "{path}"
        );
    }

    // Copyright is required by the folder's form: clearing it is refused until the user says
    // so, and the preview says why; nothing is written.
    let ran = h
        .run_dev(&with(&["bulk", "clear", "--property", "dc:rights"]))
        .await;
    assert_ne!(ran.code, Some(0), "{}", ran.stdout);
    assert!(
        ran.stderr
            .contains("leaves fields the metadata form requires empty: Copyright (dc:rights)"),
        "{}",
        ran.stderr
    );
    assert!(ran.stderr.contains("--empty-required"), "{}", ran.stderr);
    for (path, md) in &before {
        assert_eq!(
            metadata(&sb, path).get("dc:rights"),
            md.get("dc:rights"),
            "{path}"
        );
    }
    let ran = h
        .run_dev(&with(&[
            "bulk",
            "clear",
            "--property",
            "dc:rights",
            "--empty-required",
        ]))
        .await;
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    let had_rights = before.iter().filter(|(_, m)| m.contains_key("dc:rights"));
    assert_eq!(ran.json()["counts"]["changed"], had_rights.count());
    for (path, _) in &before {
        assert!(!metadata(&sb, path).contains_key("dc:rights"), "{path}");
    }

    // Several edits in one run: one write per asset carries them all.
    let revisions: Vec<u64> = before
        .iter()
        .map(|(p, _)| sb.asset(p).unwrap()["revision"].as_u64().unwrap())
        .collect();
    let ran = h
        .run_dev(&with(&[
            "bulk",
            "edit",
            "--set",
            "dc:rights=WKND=Adventures",
            "--append",
            "cq:tags=wknd:a",
            "--append",
            "metadata/cq:tags=wknd:b",
            "--remove",
            "dc:subject=metadesk-b",
            "--clear",
            "dc:description",
        ]))
        .await;
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    let summary = ran.json();
    assert_eq!(summary["edits"].as_array().unwrap().len(), 4, "{summary}");
    assert_eq!(summary["counts"]["changed"], before.len());
    for ((path, md), revision) in before.iter().zip(revisions) {
        let now = metadata(&sb, path);
        assert_eq!(now["dc:rights"], "WKND=Adventures", "{path}");
        // Appended after the tags the asset already held (the sandbox seeds some).
        let mut tags = strings(md.get("cq:tags"));
        tags.extend(["wknd:a".to_owned(), "wknd:b".to_owned()]);
        assert_eq!(strings(now.get("cq:tags")), tags, "{path}");
        assert_eq!(
            strings(now.get("dc:subject")),
            strings(md.get("dc:subject")),
            "{path}"
        );
        assert!(!now.contains_key("dc:description"), "{path}");
        assert_eq!(sb.asset(path).unwrap()["revision"], revision + 1, "{path}");
    }
}

/// An apply cut short after its last write, before it journaled its end (the app closed at
/// that moment): nothing is left to send, yet the run never ended. Its report (`runs show`)
/// says how to finish it, as the window offers Resume, and the resume ends it without writing
/// anything again. Seen failing with an interrupted run counted resumable only with rows not
/// sent yet: no hint.
#[tokio::test]
async fn a_run_cut_short_after_its_last_write_says_to_resume_it_and_the_resume_ends_it() {
    let sb = sandbox(12).await;
    let h = CliHome::new(&sb);
    let ran = h
        .run_dev(&[
            "bulk",
            "edit",
            "--folder",
            SAMPLE_FOLDER,
            "--set",
            "dc:rights=Cut short",
            "--yes",
            "--json",
        ])
        .await;
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    let id = ran.json()["id"].as_str().unwrap().to_owned();
    h.cut_before_its_end(&id);
    let summary = metadesk_core::bulk::runs::summary(&h.runs_dir(), &id).unwrap();
    assert_eq!(summary.status, metadesk_core::bulk::RunStatus::Interrupted);
    assert_eq!(summary.counts.pending, 0);

    h.assert_says_to_finish(&id).await;

    let writes = sb.counters().writes_applied;
    let resumed = h.run_dev(&["bulk", "resume", &id, "--yes", "--json"]).await;
    assert_eq!(resumed.code, Some(0), "{}", resumed.stderr);
    assert_eq!(resumed.json()["status"], "completed");
    assert_eq!(
        sb.counters().writes_applied,
        writes,
        "nothing written again"
    );
    let shown = h.run(&["runs", "show", &id]).await;
    assert!(!shown.stdout.contains("bulk resume"), "{}", shown.stdout);
}

#[tokio::test]
async fn undo_restores_the_original_values() {
    let sb = sandbox(120).await;
    let h = CliHome::new(&sb);
    let before = editable(&sb);
    let ran = h
        .run_dev(&[
            "bulk",
            "edit",
            "--folder",
            SAMPLE_FOLDER,
            "--set",
            "dc:rights=Undo me",
            "--append",
            "dc:subject=undo-me",
            "--yes",
            "--json",
        ])
        .await;
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    let id = ran.json()["id"].as_str().unwrap().to_owned();
    assert_eq!(metadata(&sb, &before[0].0)["dc:rights"], "Undo me");

    let ran = h.run_dev(&["bulk", "undo", &id, "--yes", "--json"]).await;
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    let undo = ran.json();
    assert_eq!(undo["kind"]["kind"], "undo");
    assert_eq!(undo["status"], "completed");
    assert_eq!(undo["counts"]["changed"], before.len());
    for (path, md) in &before {
        let now = metadata(&sb, path);
        assert_eq!(now.get("dc:rights"), md.get("dc:rights"), "{path}");
        assert_eq!(now.get("dc:subject"), md.get("dc:subject"), "{path}");
    }
    // The list says which run took the edit back, and the JSON what its Undo would do.
    let undo_id = undo["id"].as_str().unwrap();
    let listed = h.run(&["runs", "list"]).await;
    let line = listed.stdout.lines().find(|l| l.starts_with(&id)).unwrap();
    assert!(line.ends_with(&format!(", undone by {undo_id}")), "{line}");
    let listed = h.run(&["runs", "list", "--json"]).await.json();
    let links = |of: &str| {
        let run = listed.as_array().unwrap().iter().find(|r| r["id"] == of);
        run.unwrap()["undoLinks"].clone()
    };
    assert_eq!(links(&id)["undoneBy"], undo_id);
    assert_eq!(links(&id)["undoAction"], serde_json::Value::Null);
    assert_eq!(links(undo_id)["undoAction"], "redo");
}

#[tokio::test]
async fn runs_list_and_show_as_text_json_csv_and_json_lines() {
    let sb = sandbox(120).await;
    let h = CliHome::new(&sb);
    let all = sample_assets(&sb);
    let set = |value: &'static str, extra: &'static str| {
        [
            "bulk",
            "set",
            "--folder",
            SAMPLE_FOLDER,
            "--property",
            "dc:rights",
            "--value",
            value,
            extra,
            "--json",
        ]
    };
    let ran = h.run_dev(&set("Listed", "--yes")).await;
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    let applied = ran.json()["id"].as_str().unwrap().to_owned();
    let ran = h.run_dev(&set("Only previewed", "--dry-run")).await;
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    let previewed = ran.json()["id"].as_str().unwrap().to_owned();

    let ran = h.run(&["runs", "list"]).await;
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    let lines: Vec<&str> = ran.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", ran.stdout);
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with(&applied) && l.contains("completed"))
    );
    assert!(lines.iter().any(|l| l.starts_with(&previewed)
        && l.contains(SAMPLE_FOLDER)
        && l.contains("dc:rights: set \"Only previewed\"")));
    let ran = h.run(&["runs", "list", "--json"]).await;
    let list = ran.json();
    let statuses: BTreeSet<(String, String)> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap().to_owned(),
                r["status"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        statuses,
        BTreeSet::from([
            (applied.clone(), "completed".to_owned()),
            (previewed.clone(), "previewed".to_owned())
        ])
    );

    // CSV: a header, then one row per asset with its outcome and the before → after.
    let exports = h.dir.path().join("exports");
    std::fs::create_dir_all(&exports).unwrap();
    let csv = exports.join("report.csv");
    let csv_arg = csv.to_str().unwrap();
    let ran = h.run(&["runs", "show", &applied, "--csv", csv_arg]).await;
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    let text = std::fs::read_to_string(&csv).unwrap();
    // A file for a spreadsheet, as Excel reads it: a byte-order mark and CRLF line ends.
    let body = text.strip_prefix('\u{feff}').expect("a byte-order mark");
    let rows: Vec<&str> = body.lines().collect();
    assert_eq!(body.matches("\r\n").count(), rows.len(), "{text:?}");
    assert_eq!(
        rows[0],
        "path,status,reason,dc:rights before,dc:rights after"
    );
    assert_eq!(rows.len(), 1 + all.len(), "{text}");
    for (path, md, cf) in &all {
        let row = rows
            .iter()
            .find(|r| r.starts_with(&format!("{path},")))
            .unwrap_or_else(|| panic!("{path} missing from {text}"));
        if *cf {
            assert!(row.starts_with(&format!("{path},skipped,")), "{row}");
        } else {
            let before = md.get("dc:rights").and_then(Value::as_str).unwrap_or("");
            assert!(row.starts_with(&format!("{path},changed,")), "{row}");
            assert!(row.ends_with(&format!(",{before},Listed")), "{row}");
        }
    }
    // An existing file is not replaced without --force, and nothing is left beside it.
    std::fs::write(&csv, "mine\n").unwrap();
    let ran = h.run(&["runs", "show", &applied, "--csv", csv_arg]).await;
    ran.assert_refused("already exists; choose another file name, or add --force");
    assert_eq!(std::fs::read_to_string(&csv).unwrap(), "mine\n");
    let ran = h
        .run(&["runs", "show", &applied, "--csv", csv_arg, "--force"])
        .await;
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert_eq!(std::fs::read_to_string(&csv).unwrap(), text);
    let ran = h
        .run(&[
            "runs",
            "show",
            "20990101-000000-dead",
            "--csv",
            csv_arg,
            "--force",
        ])
        .await;
    ran.assert_refused("There is no run 20990101-000000-dead.");
    assert_eq!(std::fs::read_to_string(&csv).unwrap(), text);
    // Names Windows cannot hold are refused on every OS, with the reason, and nothing is
    // written: a device's name (with any ending), a trailing dot, a path of 260 characters.
    for (name, words) in [
        ("NUL.csv", "Windows keeps the name NUL for a device"),
        (
            "com1.report.csv",
            "Windows keeps the name COM1 for a device",
        ),
        ("report.csv.", "its name ends with a dot or a space"),
        (
            &"r".repeat(250),
            "Windows programs such as Excel cannot open a path of 260",
        ),
    ] {
        let target = format!("{}{}{name}", exports.display(), std::path::MAIN_SEPARATOR);
        let ran = h
            .run(&["runs", "show", &applied, "--csv", &target, "--force"])
            .await;
        ran.assert_refused(words);
    }
    let left: Vec<_> = std::fs::read_dir(&exports).unwrap().collect();
    assert_eq!(left.len(), 1, "only report.csv: {left:?}");

    // The summary as JSON, and as text naming the assets that were skipped.
    let ran = h.run(&["runs", "show", &applied, "--json"]).await;
    assert_eq!(ran.json()["id"], applied.as_str());
    let ran = h.run(&["runs", "show", &applied]).await;
    assert!(ran.stdout.contains("skipped"), "{}", ran.stdout);
    assert!(ran.stdout.contains(&applied), "{}", ran.stdout);
}

#[tokio::test]
async fn a_dry_run_s_before_and_after_per_asset_as_json_lines() {
    let sb = sandbox(120).await;
    let h = CliHome::new(&sb);
    let all = sample_assets(&sb);
    let ran = h
        .run_dev(&[
            "bulk",
            "append",
            "--folder",
            SAMPLE_FOLDER,
            "--property",
            "dc:subject",
            "--value",
            "preview-only",
            "--dry-run",
            "--json",
        ])
        .await;
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    let id = ran.json()["id"].as_str().unwrap().to_owned();
    let ran = h.run(&["runs", "show", &id, "--jsonl"]).await;
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    let rows: Vec<Value> = ran
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), all.len());
    for (path, md, cf) in &all {
        let row = rows.iter().find(|r| r["path"] == path.as_str()).unwrap();
        if *cf {
            assert_eq!(row["status"], "skipped", "{row}");
            continue;
        }
        assert_eq!(row["status"], "pending", "{row}");
        let change = &row["changes"][0];
        assert_eq!(change["property"], "dc:subject");
        assert_eq!(&change["before"], md.get("dc:subject").unwrap(), "{row}");
        let mut after = strings(md.get("dc:subject"));
        after.push("preview-only".into());
        assert_eq!(change["after"], json!(after), "{row}");
    }
    assert_eq!(sb.counters().writes_applied, 0, "a dry run writes nothing");
}

#[tokio::test]
async fn name_and_format_filters_choose_the_assets() {
    let sb = sandbox(120).await;
    let h = CliHome::new(&sb);
    let before = editable(&sb);
    let name = |p: &str| p.rsplit('/').next().unwrap().to_owned();
    let jpegs: BTreeSet<String> = before
        .iter()
        .filter(|(p, _)| name(p).to_lowercase().ends_with(".jpg"))
        .map(|(p, _)| p.clone())
        .collect();
    let pngs: BTreeSet<String> = before
        .iter()
        .filter(|(_, m)| m["dc:format"] == "image/png")
        .map(|(p, _)| p.clone())
        .collect();
    assert!(!jpegs.is_empty() && !pngs.is_empty() && jpegs.len() + pngs.len() < before.len());
    let set = |property: &'static str, filter: [&'static str; 2]| {
        [
            "bulk",
            "set",
            "--folder",
            SAMPLE_FOLDER,
            "--property",
            property,
            "--value",
            "filtered",
            filter[0],
            filter[1],
            "--yes",
            "--json",
        ]
    };
    let ran = h.run_dev(&set("dc:rights", ["--name", "*.JPG"])).await;
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert_eq!(ran.json()["counts"]["changed"], jpegs.len());
    let ran = h.run_dev(&set("dc:title", ["--format", "image/png"])).await;
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert_eq!(ran.json()["counts"]["changed"], pngs.len());
    for (path, md) in &before {
        let now = metadata(&sb, path);
        let rights = if jpegs.contains(path) {
            Some(&json!("filtered"))
        } else {
            md.get("dc:rights")
        };
        assert_eq!(now.get("dc:rights"), rights, "{path}");
        let title = if pngs.contains(path) {
            &json!("filtered")
        } else {
            &md["dc:title"]
        };
        assert_eq!(&now["dc:title"], title, "{path}");
    }
}

#[tokio::test]
async fn bad_input_is_refused_in_one_line_and_nothing_is_stored() {
    let sb = sandbox(60).await;
    let h = CliHome::new(&sb);
    let not_json = h.dir.path().join("notes.txt");
    std::fs::write(&not_json, "rights: WKND\n").unwrap();
    let not_credential = h.dir.path().join("settings.json");
    std::fs::write(&not_credential, r#"{"theme": "dark", "rights": "WKND"}"#).unwrap();
    let set = |extra: &[&'static str]| -> Vec<&'static str> {
        let mut args = vec![
            "bulk",
            "set",
            "--folder",
            SAMPLE_FOLDER,
            "--property",
            "dc:rights",
            "--value",
            "x",
            "--yes",
        ];
        args.extend_from_slice(extra);
        args
    };
    let cases: Vec<(Ran, &str)> = vec![
        (
            h.run(&set(&["--connection", "nowhere"])).await,
            "There is no connection called \"nowhere\".",
        ),
        (
            h.run(
                &[
                    &set(&[])[..],
                    &["--aem", &h.aem, "--file"],
                    &[not_json.to_str().unwrap()],
                ]
                .concat(),
            )
            .await,
            "The file is not valid JSON",
        ),
        (
            h.run(
                &[
                    &set(&[])[..],
                    &["--aem", &h.aem, "--file"],
                    &[not_credential.to_str().unwrap()],
                ]
                .concat(),
            )
            .await,
            "Metadesk does not recognise this file.",
        ),
        (
            h.run_dev(&["bulk", "resume", "20990101-000000-dead", "--yes"])
                .await,
            "There is no run 20990101-000000-dead.",
        ),
        (
            h.run_dev(&["bulk", "undo", "20990101-000000-dead", "--yes"])
                .await,
            "There is no run 20990101-000000-dead.",
        ),
        (
            h.run(&["runs", "show", "20990101-000000-dead"]).await,
            "There is no run 20990101-000000-dead.",
        ),
        (
            h.run_dev(&[
                "bulk",
                "set",
                "--folder",
                SAMPLE_FOLDER,
                "--property",
                "rights",
                "--value",
                "x",
                "--yes",
            ])
            .await,
            "\"rights\" is not a metadata property name",
        ),
        (
            h.run_dev(&[
                "bulk",
                "set",
                "--folder",
                SAMPLE_FOLDER,
                "--property",
                "dc:rights",
                "--yes",
            ])
            .await,
            "--value",
        ),
        (
            h.run_dev(&[
                "bulk",
                "edit",
                "--folder",
                SAMPLE_FOLDER,
                "--set",
                "dc:rights",
                "--yes",
            ])
            .await,
            "--set dc:rights has no value",
        ),
        (
            h.run_dev(&[
                "bulk",
                "set",
                "--folder",
                "/content/wknd-shared/en",
                "--property",
                "dc:rights",
                "--value",
                "x",
                "--yes",
            ])
            .await,
            "\"/content/wknd-shared/en\" is not a DAM folder",
        ),
    ];
    for (ran, words) in &cases {
        ran.assert_refused(words);
    }
    assert_eq!(h.journals(), 0, "no run was recorded");
    assert!(!h.connections_file().exists(), "no connection was stored");
    assert_eq!(sb.counters().writes_applied, 0);
}

/// Waits (a minute at most) until `ready` says the CLI process `child` got far enough, then
/// kills it as `kill -9` does and reaps it; fails if it ended first.
pub async fn kill_9_when(mut child: std::process::Child, ready: impl Fn() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while !ready() {
        assert!(child.try_wait().unwrap().is_none(), "finished too soon");
        assert!(Instant::now() < deadline, "no progress");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    child.kill().unwrap(); // SIGKILL
    tokio::task::spawn_blocking(move || child.wait())
        .await
        .unwrap()
        .unwrap();
}
