//! `metadesk-cli upload` end to end against the sandbox's direct binary upload (issue 65, its
//! first slice), with a credential file (no keychain): a dry run sends nothing; `--yes` lands
//! the files (multi-part, subfolders made) with their bytes; the same files again are skipped
//! and a changed one gets a new version; bad input is named file by file and not sent; a
//! target folder that is not there is refused; an OAuth Server-to-Server connection is
//! refused before anything reaches AEM, naming the credential that uploads; inside the folder
//! given, links, pipes and a link loop are named as not uploaded, and the command ends.

// Test helpers panic on unexpected errors, like the tests themselves.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::time::Duration;

use metadesk_sandbox::{Faults, SAMPLE_FOLDER, Sandbox, SandboxConfig, UploadSettings};
use serde_json::Value;

use crate::bulk_cli::CliHome;
use crate::upload_run_cli::{resumed, upload};

/// Parts of 1 KiB, so a file of a few KiB goes up in several; a short processing.
async fn sandbox() -> Sandbox {
    sandbox_processing(Duration::from_millis(100)).await
}

/// [`sandbox`] whose processing of an upload takes `processing`.
pub(crate) async fn sandbox_processing(processing: Duration) -> Sandbox {
    let upload = UploadSettings {
        min_part: 1024,
        max_part: 8192,
        most_uris: 8,
        processing,
        ..UploadSettings::default()
    };
    Sandbox::start(
        SandboxConfig::default()
            .with_assets(5)
            .with_key_bits(1024)
            .with_upload(upload),
    )
    .await
    .unwrap()
}

fn bytes(n: usize, seed: u8) -> Vec<u8> {
    (0..n)
        .map(|i| (i as u8).wrapping_mul(31).wrapping_add(seed))
        .collect()
}

/// `files` (path below `dir` → content) written under `dir`.
fn write_files(dir: &Path, files: &[(&str, &[u8])]) {
    for (name, content) in files {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, content).unwrap();
    }
}

/// Each file's AEM path (below the sample folder) and intent, from `--json`.
fn intents(json: &Value) -> Vec<(String, String)> {
    json["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let path = f["aemPath"].as_str().unwrap();
            let below = path.strip_prefix(SAMPLE_FOLDER).unwrap().to_owned();
            (below, f["intent"].as_str().unwrap().to_owned())
        })
        .collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect()
}

async fn processed(sb: &Sandbox, path: &str) -> Value {
    for _ in 0..100 {
        let state = sb.asset(path).unwrap();
        if state["assetState"] == "processed" {
            return state;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("{path} was not processed");
}

pub(crate) fn sha1_hex(content: &[u8]) -> String {
    use sha1::Digest as _;
    sha1::Sha1::digest(content)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Seen failing with the dry run sending (`send = args.yes || args.dry_run`): the
/// plan said it was sent.
#[tokio::test]
async fn a_dry_run_sends_nothing_then_the_upload_lands_and_a_second_skips_or_versions() {
    let sb = sandbox().await;
    let h = CliHome::new(&sb);
    let drop = h.dir.path().join("drop");
    let big = bytes(3_000, 1);
    write_files(&drop, &[("big.jpg", &big), ("sub/small.png", b"tiny")]);
    let drop = drop.to_str().unwrap();
    let upload = |extra: &'static [&'static str]| {
        let mut args = vec!["upload", drop, "--to", SAMPLE_FOLDER, "--json"];
        args.extend_from_slice(extra);
        args
    };

    let both = h.run_dev(&upload(&["--dry-run", "--yes"])).await;
    assert_eq!(
        both.code,
        Some(2),
        "--dry-run and --yes together: {}",
        both.stderr
    );
    let dry = h.run_dev(&upload(&["--dry-run"])).await;
    assert_eq!(dry.code, Some(0), "{}\n{}", dry.stdout, dry.stderr);
    assert_eq!(
        intents(&dry.json()),
        pairs(&[("/big.jpg", "new"), ("/sub/small.png", "new")])
    );
    assert_eq!(dry.json()["sent"], false);
    let counters = sb.counters();
    assert_eq!(
        (counters.uploads_initiated, counters.folders_created),
        (0, 0)
    );
    assert!(sb.asset(&format!("{SAMPLE_FOLDER}/big.jpg")).is_none());

    let sent = h.run_dev(&upload(&["--yes"])).await;
    assert_eq!(sent.code, Some(0), "{}\n{}", sent.stdout, sent.stderr);
    let big_path = format!("{SAMPLE_FOLDER}/big.jpg");
    let state = processed(&sb, &big_path).await;
    assert_eq!(state["size"], 3_000);
    assert_eq!(state["metadata"]["dam:sha1"], sha1_hex(&big));
    let small = processed(&sb, &format!("{SAMPLE_FOLDER}/sub/small.png")).await;
    assert_eq!(small["metadata"]["dam:sha1"], sha1_hex(b"tiny"));
    let counters = sb.counters();
    assert!(counters.storage_parts >= 4, "3,000 bytes in 1 KiB parts");
    assert_eq!(counters.storage_refused, 0, "no AEM header reached storage");
    assert_eq!(counters.folders_created, 1);

    // Again: the same files are skipped; a changed one gets a new version.
    let changed = bytes(2_000, 9);
    std::fs::write(Path::new(drop).join("big.jpg"), &changed).unwrap();
    let again = h.run_dev(&upload(&["--yes"])).await;
    assert_eq!(again.code, Some(0), "{}\n{}", again.stdout, again.stderr);
    assert_eq!(
        intents(&again.json()),
        pairs(&[("/big.jpg", "new-version"), ("/sub/small.png", "same")])
    );
    let state = processed(&sb, &big_path).await;
    assert_eq!(state["versions"], 1);
    assert_eq!(state["metadata"]["dam:sha1"], sha1_hex(&changed));
}

/// Seen failing with the refusals switched off in `upload_plan::gather` (every file `New`):
/// the sandbox refused the bad name and the empty file was uploaded.
#[tokio::test]
async fn bad_files_are_named_one_by_one_and_not_sent() {
    let sb = sandbox().await;
    let h = CliHome::new(&sb);
    let drop = h.dir.path().join("bad");
    // `[` is refused by AEM and taken by every file system (`:` is not, on Windows).
    write_files(&drop, &[("empty.jpg", b""), ("a[b].jpg", b"x")]);
    // Two names that differ by case are two files only where the file system says so (not on
    // Windows or macOS by default).
    write_files(&drop, &[("Same.jpg", b"1"), ("same.JPG", b"2")]);
    let by_case = std::fs::read_dir(&drop)
        .unwrap()
        .filter(|e| {
            let name = e.as_ref().unwrap().file_name();
            name.to_string_lossy().eq_ignore_ascii_case("same.jpg")
        })
        .count();
    if by_case == 1 {
        std::fs::remove_file(drop.join("Same.jpg")).unwrap();
    }
    let missing = h.dir.path().join("missing.jpg");
    let ran = h
        .run_dev(&[
            "upload",
            drop.to_str().unwrap(),
            missing.to_str().unwrap(),
            "--to",
            SAMPLE_FOLDER,
            "--yes",
        ])
        .await;
    assert_eq!(ran.code, Some(1), "{}\n{}", ran.stdout, ran.stderr);
    let mut said = vec![
        "AEM does not take the name “a[b].jpg”",
        "the file is empty",
        "the file cannot be read",
        "0 uploaded, 0 failed",
    ];
    if by_case == 2 {
        said.push("differs only by case");
    }
    for words in said {
        assert!(ran.stdout.contains(words), "{words:?} in {}", ran.stdout);
    }
    let counters = sb.counters();
    assert_eq!((counters.uploads_initiated, counters.storage_parts), (0, 0));

    let nowhere = h
        .run_dev(&[
            "upload",
            drop.to_str().unwrap(),
            "--to",
            "/content/dam/nowhere",
            "--yes",
        ])
        .await;
    nowhere.assert_refused("The folder /content/dam/nowhere does not exist");
}

/// Seen failing with `part_size` taking any size: the file went up in parts larger than
/// storage takes (413), not refused in words before its bytes left.
#[tokio::test]
async fn a_file_too_large_for_its_parts_and_a_folder_not_writable_fail_file_by_file() {
    let sb = sandbox().await;
    let h = CliHome::new(&sb);
    let drop = h.dir.path().join("large");
    // 8 URIs of at most 8 KiB: 64 KiB at the most.
    write_files(
        &drop,
        &[("huge.jpg", &bytes(70_000, 3)), ("ok.jpg", b"fine")],
    );
    let upload_failing = |words: &'static [&'static str]| {
        let h = &h;
        let drop = drop.to_str().unwrap().to_owned();
        async move {
            let ran = h
                .run_dev(&["upload", &drop, "--to", SAMPLE_FOLDER, "--yes"])
                .await;
            assert_eq!(ran.code, Some(1), "{}\n{}", ran.stdout, ran.stderr);
            for words in words {
                assert!(ran.stdout.contains(words), "{words:?} in {}", ran.stdout);
            }
        }
    };
    upload_failing(&["too large for the 8 parts AEM gave", "1 uploaded, 1 failed"]).await;
    assert!(sb.asset(&format!("{SAMPLE_FOLDER}/huge.jpg")).is_none());
    assert_eq!(sb.counters().storage_parts, 1, "only ok.jpg's part went up");
    // Its report names each file, where it stands and why (it was empty: an upload's rows are
    // its files, not planned assets).
    let runs = metadesk_core::bulk::run_history::list(&h.runs_dir()).unwrap();
    let csv = h.dir.path().join("upload-report.csv");
    let id = &runs.first().unwrap().id;
    let shown = h
        .run(&["runs", "show", id, "--csv", csv.to_str().unwrap()])
        .await;
    // Exit 1: a file failed, as `runs show` says of any run with failures.
    assert_eq!(shown.code, Some(1), "{}", shown.stderr);
    let report = std::fs::read_to_string(&csv).unwrap();
    let row = |name: &str| {
        let path = format!("{SAMPLE_FOLDER}/{name},");
        let found = report.lines().find(|row| row.starts_with(&path));
        found
            .unwrap_or_else(|| panic!("{name} missing from {report}"))
            .to_owned()
    };
    assert!(row("ok.jpg").contains(",changed,"), "{report}");
    let huge = row("huge.jpg");
    assert!(
        huge.contains(",failed,") && huge.contains("too large"),
        "{huge}"
    );

    let mut faults = sb.faults();
    faults.write_denied = vec![SAMPLE_FOLDER.to_owned()];
    sb.set_faults(faults).unwrap();
    std::fs::remove_file(drop.join("huge.jpg")).unwrap();
    std::fs::write(drop.join("other.jpg"), b"other").unwrap();
    upload_failing(&["may not change assets in this folder", "0 uploaded"]).await;
    assert!(sb.asset(&format!("{SAMPLE_FOLDER}/other.jpg")).is_none());
}

/// An upload into a folder where AEM refuses the account's writes (403) stops after its first
/// refusals, in words saying what to ask an administrator for, exiting 2 as every command does
/// then, instead of sending every file to be refused: no file is failed, and once the account
/// may write, `bulk resume` uploads every one. Seen failing with each of the forty files sent
/// and refused, each failed (and with the exit code 1 `upload` gave any run that stopped).
#[tokio::test]
async fn an_upload_aem_refuses_everywhere_stops_and_its_resume_uploads_every_file() {
    let sb = sandbox().await;
    let h = CliHome::new(&sb);
    let drop = h.dir.path().join("many");
    let files = crate::upload_run_cli::write_files(&drop, 40);
    sb.set_faults(Faults {
        write_denied: vec![SAMPLE_FOLDER.to_owned()],
        ..Faults::default()
    })
    .unwrap();
    let ran = upload(&h, &drop).await;
    // Stopped because the account may not write: 2, as every command exits then.
    assert_eq!(ran.code, Some(2), "{}\n{}", ran.stdout, ran.stderr);
    let said = format!("{}{}", ran.stdout, ran.stderr);
    assert!(
        said.contains("0 uploaded, 0 failed, 0 left alone, 40 not sent yet")
            && said.contains("(403) and took none")
            && said.contains("write access"),
        "{said}"
    );
    // The five refusals, and at most what the gate let out beside them.
    let refused: u64 = sb
        .counters()
        .requests
        .values()
        .filter_map(|by| by.get(&403))
        .sum();
    assert!(refused < 20, "{refused} requests refused");
    assert_eq!(sb.counters().uploads_completed, 0);

    sb.set_faults(Faults::default()).unwrap();
    let (run, _) = crate::bulk_cli::journal(&h.home).unwrap();
    resumed(&h, &run).await;
    for (name, _) in &files {
        assert!(
            sb.asset(&format!("{SAMPLE_FOLDER}/{name}")).is_some(),
            "{name}"
        );
    }
    assert_eq!(sb.counters().uploads_completed, 40);
}

/// Cloud storage refusing every part (403: an expired pre-signed address) is storage's refusal,
/// not the folder's: each file fails on its own, none is taken for AEM refusing the folder, and
/// the run does not stop as if the account may not write. Seen failing with storage's 403 taken
/// for AEM's: the run stopped after five, "AEM refused the first 5 requests (403)".
#[tokio::test]
async fn storage_refusing_the_parts_fails_each_file_not_its_folder() {
    let sb = sandbox().await;
    let h = CliHome::new(&sb);
    let drop = h.dir.path().join("expired");
    crate::upload_run_cli::write_files(&drop, 8);
    sb.set_faults(Faults {
        storage_expired: true,
        ..Faults::default()
    })
    .unwrap();
    let ran = upload(&h, &drop).await;
    assert_eq!(ran.code, Some(1), "{}\n{}", ran.stdout, ran.stderr);
    let said = format!("{}{}", ran.stdout, ran.stderr);
    assert!(said.contains("0 uploaded, 8 failed"), "{said}");
    for folder_words in ["took none", "every request tried in", "write access"] {
        assert!(!said.contains(folder_words), "{folder_words:?} in {said}");
    }
    assert_eq!(sb.counters().uploads_initiated, 8, "each file tried");
    assert_eq!(sb.counters().uploads_completed, 0);
}

/// Seen failing without the refusal in `core::app::uploads`: AEM was asked (the folder's
/// node, 403) and the words named no credential that uploads.
#[tokio::test]
async fn an_oauth_server_to_server_connection_is_refused_before_anything_is_sent() {
    let sb = sandbox().await;
    let h = CliHome::new(&sb);
    let drop = h.dir.path().join("s2s");
    write_files(&drop, &[("a.jpg", b"abc")]);
    let ran = h
        .run_with_file(
            "oauth-project.json",
            &[
                "upload",
                drop.to_str().unwrap(),
                "--to",
                SAMPLE_FOLDER,
                "--yes",
            ],
        )
        .await;
    ran.assert_refused("service credentials from the AEM Developer Console");
    let counters = sb.counters();
    let aem_requests: u64 = counters
        .by_kind
        .iter()
        .filter(|(kind, _)| !kind.contains("token") && !kind.contains("ims"))
        .map(|(_, n)| n)
        .sum();
    assert_eq!(
        aem_requests, 0,
        "nothing reached AEM: {:?}",
        counters.by_kind
    );
}

/// Before a file replaces an asset, the preview says where that asset is used: "used on N
/// pages" and the pages, in words and in `--json`; nothing is sent. Seen failing without the
/// references of the replaced assets (no such line, no `references` key).
#[tokio::test]
async fn a_replacement_s_preview_says_where_the_replaced_asset_is_used() {
    let sb = sandbox().await;
    let h = CliHome::new(&sb);
    let held = sb.dump(false)["assets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["path"].as_str().unwrap().to_owned())
        .find(|p| p.starts_with(&format!("{SAMPLE_FOLDER}/")) && p.ends_with(".jpg"))
        .expect("a picture in the sample folder");
    let name = held.rsplit('/').next().unwrap().to_owned();
    sb.reference_page(
        "/content/wknd/en/summer",
        "Summer page",
        true,
        &[held.as_str()],
    );
    let drop = h.dir.path().join("drop");
    write_files(&drop, &[(name.as_str(), &bytes(2_000, 3))]);
    let drop = drop.to_str().unwrap();

    let dry = h
        .run_dev(&["upload", drop, "--to", SAMPLE_FOLDER, "--dry-run"])
        .await;
    assert_eq!(dry.code, Some(0), "{}\n{}", dry.stdout, dry.stderr);
    assert!(
        dry.stdout.contains(&format!("{held}: used on 1 page")),
        "{}",
        dry.stdout
    );
    assert!(
        dry.stdout.contains("/content/wknd/en/summer  Summer page"),
        "{}",
        dry.stdout
    );
    let json = h
        .run_dev(&["upload", drop, "--to", SAMPLE_FOLDER, "--dry-run", "--json"])
        .await
        .json();
    assert_eq!(json["references"]["assets"][0]["path"], held.as_str());
    assert_eq!(
        json["references"]["assets"][0]["pages"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(sb.counters().uploads_initiated, 0);
}

/// How long a CLI given a folder with a pipe and a link loop may take: a walk that waits on
/// the pipe never ends.
#[cfg(unix)]
const WITHIN: Duration = Duration::from_secs(60);

/// [`CliHome::run_dev`], failing the test (its CLI killed) if the CLI has not ended within
/// [`WITHIN`]. Unix only, as its one test: no Wine retry (`cli_process`) is needed.
#[cfg(unix)]
async fn run_dev_within(h: &CliHome, args: &[&str]) -> crate::bulk_cli::Ran {
    use std::process::Stdio;
    let file = h.creds.join("local-development-token.json");
    let mut cmd = h.command(args);
    cmd.args(["--aem", &h.aem, "--trust-host", &h.aem_host, "--file"])
        .arg(&file)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let child = cmd.spawn().unwrap();
    let pid = child.id();
    // Off the runtime thread: the sandbox serves from the test's runtime.
    let waited = tokio::task::spawn_blocking(move || child.wait_with_output());
    match tokio::time::timeout(WITHIN, waited).await {
        Ok(out) => {
            let out = out.unwrap().unwrap();
            crate::bulk_cli::Ran {
                code: out.status.code(),
                stdout: String::from_utf8(out.stdout).unwrap(),
                stderr: String::from_utf8(out.stderr).unwrap(),
            }
        }
        Err(_) => {
            // By its id: the CLI this test started, which the waiting thread then reaps.
            let _ = std::process::Command::new("kill")
                .args(["-9", &pid.to_string()])
                .status();
            panic!("the CLI did not end within {WITHIN:?}: {args:?}");
        }
    }
}

/// Inside the folder given only regular files go up: a link to a file outside it (the
/// `notes.txt -> credentials` of issue 74), a pipe and a link back to the folder (a loop)
/// are listed as not uploaded with their reasons, in `--json` and in words; the command ends
/// at once, the dry run sends nothing and the upload sends the one regular file alone.
/// Seen failing with `upload_plan`'s walk as it was: the CLI waited on the pipe until killed
/// after 60 s; with the pipe taken out, the links were planned as new (the credentials file
/// among them, and the folder again under `loop/`, 40 deep).
#[cfg(unix)]
#[tokio::test]
async fn links_pipes_and_loops_inside_the_folder_are_not_uploaded_and_nothing_waits() {
    use std::os::unix::fs::symlink;
    let sb = sandbox().await;
    let h = CliHome::new(&sb);
    let secret = h.dir.path().join("credentials");
    std::fs::write(&secret, b"aws_secret_access_key = not-for-aem").unwrap();
    let drop = h.dir.path().join("drop");
    write_files(&drop, &[("a.jpg", b"abc")]);
    symlink(&secret, drop.join("notes.txt")).unwrap();
    symlink(".", drop.join("loop")).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(drop.join("pipe.jpg"))
        .status()
        .unwrap();
    assert!(made.success());
    let drop = drop.to_str().unwrap();
    let link = "a link: Metadesk uploads the files inside the folder you chose, not what a link \
                points to";
    let pipe = "a pipe, not a regular file: Metadesk uploads only regular files";

    let dry = run_dev_within(
        &h,
        &["upload", drop, "--to", SAMPLE_FOLDER, "--dry-run", "--json"],
    )
    .await;
    assert_eq!(dry.code, Some(1), "{}\n{}", dry.stdout, dry.stderr);
    let json = dry.json();
    assert_eq!(
        intents(&json),
        pairs(&[
            ("/a.jpg", "new"),
            ("/loop", "refused"),
            ("/notes.txt", "refused"),
            ("/pipe.jpg", "refused"),
        ])
    );
    let reasons: Vec<&str> = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["reason"].as_str())
        .collect();
    assert_eq!(reasons, vec![link, link, pipe]);
    assert_eq!(json["sent"], false);
    assert_eq!(sb.counters().uploads_initiated, 0);

    let sent = run_dev_within(&h, &["upload", drop, "--to", SAMPLE_FOLDER, "--yes"]).await;
    assert_eq!(sent.code, Some(1), "{}\n{}", sent.stdout, sent.stderr);
    for words in [
        format!("notes.txt: {link}"),
        format!("loop: {link}"),
        format!("pipe.jpg: {pipe}"),
        "1 uploaded, 0 failed".to_owned(),
    ] {
        assert!(sent.stdout.contains(&words), "{words:?} in {}", sent.stdout);
    }
    assert_eq!(sb.counters().uploads_initiated, 1, "a.jpg alone");
    processed(&sb, &format!("{SAMPLE_FOLDER}/a.jpg")).await;
    for other in ["notes.txt", "loop", "pipe.jpg", "loop/a.jpg"] {
        assert!(
            sb.asset(&format!("{SAMPLE_FOLDER}/{other}")).is_none(),
            "{other}"
        );
    }
}
