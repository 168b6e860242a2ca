//! `metadesk-cli fragments …` end to end against the sandbox's Sites API (issue 41), as the
//! real binary with the sandbox's OAuth Server-to-Server credential file: a field set with a
//! dry run first (its run id applied by `bulk resume`), rich text replaced in its text only, a
//! colleague's change kept, an undo, refusals in words of a wrong value and of a connection of
//! another kind (nothing sent, nothing journaled), and `kill -9` mid-apply then `bulk resume`.

use std::process::Stdio;
use std::time::{Duration, Instant};

use metadesk_core::bulk::{RunStatus, runs};
use metadesk_sandbox::{Faults, SAMPLE_FOLDER, Sandbox, SandboxConfig};
use serde_json::{Value, json};

use crate::bulk_cli::{CliHome, run_command};

const OAUTH: &str = "oauth-project.json";

/// `assets` assets in the sample folder, every other one a content fragment.
async fn fragments_sandbox(assets: usize) -> Sandbox {
    Sandbox::start(
        SandboxConfig::default()
            .with_assets(assets)
            .with_assets_per_folder(assets)
            .with_fragment_every(2)
            .with_key_bits(1024),
    )
    .await
    .unwrap()
}

/// The sample folder's fragments of `model` (its node name: the last segment of its path, as
/// AEM's `name` is its title), by the sandbox's own state.
fn fragments_of(sb: &Sandbox, model: &str) -> Vec<String> {
    sb.dump(false)["assets"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["contentFragment"] == true)
        .map(|a| a["path"].as_str().unwrap().to_owned())
        .filter(|p| {
            let state = sb.fragment_state(p).unwrap();
            let path = state["model"]["path"].as_str().unwrap_or_default();
            path.rsplit('/').next() == Some(model)
        })
        .collect()
}

fn field(sb: &Sandbox, path: &str, name: &str) -> Value {
    sb.fragment_state(path).unwrap()["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == name)
        .map(|f| f["values"].clone())
        .unwrap_or(Value::Null)
}

fn run_id_of(json_out: &str) -> String {
    let v: Value = serde_json::from_str(json_out).unwrap();
    v["id"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn a_dry_run_resumed_sets_a_field_and_its_undo_restores_it() {
    let sb = fragments_sandbox(24).await;
    let cli = CliHome::new(&sb);
    let adventures = fragments_of(&sb, "adventure");
    let before: Vec<Value> = adventures.iter().map(|p| field(&sb, p, "price")).collect();
    let listed = cli
        .run_with_file(
            OAUTH,
            &[
                "fragments",
                "list",
                "--folder",
                SAMPLE_FOLDER,
                "--model",
                "adventure",
            ],
        )
        .await;
    assert_eq!(listed.code, Some(0), "{}", listed.stderr);
    assert!(
        listed.stdout.contains("Difficulty (difficulty)"),
        "{}",
        listed.stdout
    );
    assert!(listed.stdout.contains(&adventures[0]), "{}", listed.stdout);

    // The preview names each fragment as the list does: its path, title and model.
    let shown_dry = cli
        .run_with_file(
            OAUTH,
            &[
                "fragments",
                "set",
                "--folder",
                SAMPLE_FOLDER,
                "--model",
                "adventure",
                "--field",
                "price",
                "--value",
                "149",
                "--dry-run",
            ],
        )
        .await;
    assert_eq!(shown_dry.code, Some(0), "{}", shown_dry.stderr);
    let listed_line = |out: &str| {
        out.lines()
            .find(|l| l.contains(&format!("{}  ", adventures[0])))
            .map(str::to_owned)
            .unwrap_or_default()
    };
    let named = listed_line(&listed.stdout);
    let title = named
        .trim()
        .split("  ")
        .nth(1)
        .unwrap_or_default()
        .to_owned();
    assert!(!title.is_empty(), "{}", listed.stdout);
    let previewed = listed_line(&shown_dry.stdout);
    assert!(
        previewed.contains(&format!("  {title}  [Adventure Trip]")),
        "{}",
        shown_dry.stdout
    );

    let dry = cli
        .run_with_file(
            OAUTH,
            &[
                "fragments",
                "set",
                "--folder",
                SAMPLE_FOLDER,
                "--model",
                "adventure",
                "--field",
                "price",
                "--value",
                "149",
                "--dry-run",
                "--json",
            ],
        )
        .await;
    assert_eq!(dry.code, Some(0), "{}\n{}", dry.stdout, dry.stderr);
    let id = run_id_of(&dry.stdout);
    assert_eq!(sb.counters().sites_patches, 0, "a dry run writes nothing");
    let resumed = cli
        .run_with_file(OAUTH, &["bulk", "resume", &id, "--yes"])
        .await;
    assert_eq!(
        resumed.code,
        Some(0),
        "{}\n{}",
        resumed.stdout,
        resumed.stderr
    );
    for p in &adventures {
        assert_eq!(field(&sb, p, "price"), json!([149]), "{p}");
    }
    let shown = cli.run(&["runs", "show", &id]).await;
    assert_eq!(shown.code, Some(0), "{}", shown.stderr);
    assert!(
        shown.stdout.contains("price: set \"149\""),
        "{}",
        shown.stdout
    );
    assert!(shown.stdout.contains("(completed)"), "{}", shown.stdout);

    let undo = cli
        .run_with_file(OAUTH, &["bulk", "undo", &id, "--yes"])
        .await;
    assert_eq!(undo.code, Some(0), "{}\n{}", undo.stdout, undo.stderr);
    let after: Vec<Value> = adventures.iter().map(|p| field(&sb, p, "price")).collect();
    assert_eq!(after, before);
}

#[tokio::test]
async fn rich_text_is_replaced_in_its_text_and_a_colleagues_change_is_kept() {
    let sb = fragments_sandbox(24).await;
    let cli = CliHome::new(&sb);
    let articles = fragments_of(&sb, "article");
    let html = "<p class=\"wknd\">WKND trips by <a href=\"/wknd\">WKND</a></p>";
    for p in &articles {
        sb.edit_fragment(p, "main", vec![json!(html)]).unwrap();
    }
    let dry = cli
        .run_with_file(
            OAUTH,
            &[
                "fragments",
                "replace",
                "--folder",
                SAMPLE_FOLDER,
                "--field",
                "main",
                "--find",
                "WKND",
                "--replace",
                "Wknd",
                "--dry-run",
                "--json",
            ],
        )
        .await;
    assert_eq!(dry.code, Some(0), "{}\n{}", dry.stdout, dry.stderr);
    let id = run_id_of(&dry.stdout);
    // A colleague rewrites one article's text after the preview.
    let theirs = &articles[0];
    sb.edit_fragment(theirs, "main", vec![json!("<p>Their words</p>")])
        .unwrap();
    let applied = cli
        .run_with_file(OAUTH, &["bulk", "resume", &id, "--yes"])
        .await;
    assert_eq!(
        applied.code,
        Some(1),
        "{}\n{}",
        applied.stdout,
        applied.stderr
    );
    assert!(applied.stdout.contains("changed"), "{}", applied.stdout);
    assert_eq!(field(&sb, theirs, "main"), json!(["<p>Their words</p>"]));
    for p in &articles[1..] {
        assert_eq!(
            field(&sb, p, "main"),
            json!(["<p class=\"wknd\">Wknd trips by <a href=\"/wknd\">Wknd</a></p>"]),
            "{p}"
        );
    }
    let summary = runs::summary(&cli.runs_dir(), &id).unwrap();
    assert_eq!(summary.counts.failed, 1);
}

#[tokio::test]
async fn a_wrong_value_and_a_wrong_connection_kind_are_refused_with_nothing_sent() {
    let sb = fragments_sandbox(24).await;
    let cli = CliHome::new(&sb);
    let ran = cli
        .run_with_file(
            OAUTH,
            &[
                "fragments",
                "set",
                "--folder",
                SAMPLE_FOLDER,
                "--model",
                "adventure",
                "--field",
                "difficulty",
                "--value",
                "extreme",
                "--yes",
            ],
        )
        .await;
    assert_eq!(ran.code, Some(2), "{}\n{}", ran.stdout, ran.stderr);
    assert!(
        ran.stderr
            .contains("“extreme” is not one of the values Difficulty (difficulty) allows"),
        "{}",
        ran.stderr
    );
    assert!(
        ran.stderr.contains("Nothing was previewed or written"),
        "{}",
        ran.stderr
    );
    assert_eq!(sb.counters().sites_patches, 0);
    assert_eq!(cli.journals(), 0);

    let before = sb.counters().requests_total;
    let ran = cli
        .run_dev(&[
            "fragments",
            "set",
            "--folder",
            SAMPLE_FOLDER,
            "--field",
            "author",
            "--value",
            "x",
            "--yes",
        ])
        .await;
    assert_eq!(ran.code, Some(2), "{}\n{}", ran.stdout, ran.stderr);
    assert!(
        ran.stderr.contains("cannot edit content fragments"),
        "{}",
        ran.stderr
    );
    assert!(ran.stderr.contains("Nothing was sent"), "{}", ran.stderr);
    // The development token is not even exchanged.
    assert_eq!(sb.counters().requests_total, before);
    assert_eq!(cli.journals(), 0);

    let ran = cli
        .run_with_file(
            OAUTH,
            &[
                "fragments",
                "set",
                "--folder",
                SAMPLE_FOLDER,
                "--field",
                "dc:title",
                "--value",
                "x",
            ],
        )
        .await;
    assert_eq!(ran.code, Some(2), "{}", ran.stderr);
    assert!(
        ran.stderr.contains("is not a content fragment field name"),
        "{}",
        ran.stderr
    );
}

#[tokio::test]
async fn kill_9_mid_apply_then_resume_sets_every_fragment() {
    let sb = fragments_sandbox(200).await;
    let cli = CliHome::new(&sb);
    let articles = fragments_of(&sb, "article");
    let dry = cli
        .run_with_file(
            OAUTH,
            &[
                "fragments",
                "set",
                "--folder",
                SAMPLE_FOLDER,
                "--model",
                "article",
                "--field",
                "author",
                "--value",
                "Desk Team",
                "--dry-run",
                "--json",
            ],
        )
        .await;
    assert_eq!(dry.code, Some(0), "{}\n{}", dry.stdout, dry.stderr);
    let id = run_id_of(&dry.stdout);
    // Slow enough that the kill lands mid-run.
    sb.set_faults(Faults {
        latency_ms: 25,
        capacity: Some(1),
        ..Faults::default()
    })
    .unwrap();
    let file = cli.creds.join(OAUTH);
    let mut apply = cli.command(&[
        "bulk",
        "resume",
        &id,
        "--yes",
        "--aem",
        &sb.base_url(),
        "--file",
    ]);
    apply.arg(&file).stdout(Stdio::null()).stderr(Stdio::null());
    let mut child = apply.spawn().unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while sb.counters().sites_patches < 3 {
        assert!(child.try_wait().unwrap().is_none(), "finished too soon");
        assert!(Instant::now() < deadline, "no progress");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    child.kill().unwrap(); // SIGKILL
    tokio::task::spawn_blocking(move || child.wait())
        .await
        .unwrap()
        .unwrap();
    let summary = runs::summary(&cli.runs_dir(), &id).unwrap();
    assert_eq!(summary.status, RunStatus::Interrupted);
    assert!(summary.counts.pending > 0);

    sb.set_faults(Faults::default()).unwrap();
    let mut resume = cli.command(&[
        "bulk",
        "resume",
        &id,
        "--yes",
        "--aem",
        &sb.base_url(),
        "--file",
    ]);
    resume.arg(&file);
    let (code, stdout, stderr) = run_command(resume).await;
    assert_eq!(code, Some(0), "{stdout}\n{stderr}");
    let summary = runs::summary(&cli.runs_dir(), &id).unwrap();
    assert_eq!(summary.status, RunStatus::Completed);
    assert_eq!((summary.counts.failed, summary.counts.pending), (0, 0));
    for p in &articles {
        assert_eq!(field(&sb, p, "author"), json!(["Desk Team"]), "{p}");
    }
}

/// Issue 68: a fragments run is republished from the command line as an asset edit is
/// (`bulk republish RUN`): the live fragment it changed goes to the website through the Sites
/// API, which then serves its new title; one never published stays off the website.
#[tokio::test]
async fn a_fragments_run_is_republished_with_bulk_republish() {
    let sb = fragments_sandbox(24).await;
    let cli = CliHome::new(&sb);
    let adventures = fragments_of(&sb, "adventure");
    let live = adventures[0].clone();
    assert!(sb.replicate_as(&live, true, "admin"));
    let draft = adventures
        .iter()
        .find(|p| sb.fragment_state(p).unwrap()["status"] == "DRAFT")
        .cloned();
    let title = "Republished from the command line";
    let edit = cli
        .run_with_file(
            OAUTH,
            &[
                "fragments",
                "set",
                "--folder",
                SAMPLE_FOLDER,
                "--model",
                "adventure",
                "--field",
                "jcr:title",
                "--value",
                title,
                "--yes",
                "--json",
            ],
        )
        .await;
    assert_eq!(edit.code, Some(0), "{}\n{}", edit.stdout, edit.stderr);
    let id = run_id_of(&edit.stdout);
    let served = |p: &str| sb.published(p, false).map(|m| m["dc:title"].clone());
    assert_ne!(served(&live), Some(json!(title)), "not republished yet");
    assert_eq!(sb.fragment_state(&live).unwrap()["status"], "MODIFIED");

    let republished = cli
        .run_with_file(OAUTH, &["bulk", "republish", &id, "--yes"])
        .await;
    assert_eq!(
        republished.code,
        Some(0),
        "{}\n{}",
        republished.stdout,
        republished.stderr
    );
    assert_eq!(
        served(&live),
        Some(json!(title)),
        "the website serves the new title"
    );
    assert_eq!(sb.fragment_state(&live).unwrap()["status"], "PUBLISHED");
    if let Some(draft) = draft {
        assert!(
            sb.published(&draft, false).is_none(),
            "{draft} stays a draft"
        );
    }
}
