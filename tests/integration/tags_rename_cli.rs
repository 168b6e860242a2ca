//! `metadesk-cli tags rename TAG --title NEW` (issue 68, item 5): the tag's title (and its
//! titles in other languages) changed by a Sling POST to its node, previewed first, as a run
//! of its own named for the rename in `runs list`; undone with `tags undo-rename`, which puts
//! the old title back unless someone changed it since. Bad input refused in words, nothing
//! written.

use crate::cli_process::OutputRetried;
use serde_json::Value;

use crate::bulk_cli::cli;
use crate::tags_cli::{Env, LANG_DECIDES, err, out};

const SURFING: &str = "wknd-shared/activity/surfing";

impl Env {
    /// The surfing tag's title and French title, as AEM holds them.
    async fn surfing_titles(&self) -> (Value, Value) {
        let node = self.tag(SURFING).await.1;
        (node["jcr:title"].clone(), node["jcr:title.fr"].clone())
    }

    /// `runs list` in `lang`.
    fn runs_in(&self, lang: &str) -> String {
        let o = std::process::Command::new(cli())
            .env("METADESK_HOME", self.dir.path().join("home"))
            .env("LANG", lang)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .args(["runs", "list"])
            .output_retried()
            .unwrap();
        out(&o)
    }
}

/// The run id a rename printed: the last word of its undo hint.
fn run_of(said: &str) -> String {
    said.lines()
        .find(|l| l.contains("undo-rename"))
        .and_then(|l| l.split_whitespace().last())
        .unwrap_or_else(|| panic!("no undo hint in {said}"))
        .to_owned()
}

/// Seen failing before `tags rename` existed (clap refused the subcommand), and with the run
/// named as a tag import ("tags from the sheet wknd-shared:activity/surfing").
#[tokio::test(flavor = "multi_thread")]
async fn a_rename_is_previewed_applied_as_its_own_run_and_undone() {
    let env = Env::new().await;
    let args = |more: &[&'static str]| {
        let mut a = vec![
            "tags",
            "rename",
            "wknd-shared:activity/surfing",
            "--title",
            "Surf riding",
        ];
        a.extend(["--title-in", "fr=Le surf"]);
        a.extend(more);
        a
    };
    let dry = env.run(&args(&["--dry-run"]));
    assert_eq!(dry.status.code(), Some(0), "{}", err(&dry));
    let said = out(&dry);
    assert!(
        said.contains("Rename of the tag Surfing to Surf riding (wknd-shared:activity/surfing)")
            && said.contains("title of wknd-shared:activity/surfing: “Surfing” → “Surf riding”")
            && said.contains("title (fr) of wknd-shared:activity/surfing: “Surf” → “Le surf”")
            && said.contains("Dry run: nothing was written."),
        "{said}"
    );
    assert_eq!(
        env.surfing_titles().await,
        ("Surfing".into(), "Surf".into())
    );
    // A dry run leaves its preview journaled, as `bulk`'s does (`bulk resume` applies it),
    // and writes nothing.
    let listed = env.runs_in("C.UTF-8");
    assert!(
        listed.contains("rename of the tag Surfing to Surf riding")
            && listed.contains(" previewed ")
            && listed.contains("2 to do"),
        "{listed}"
    );

    let o = env.run(&args(&["--yes"]));
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert_eq!(
        env.surfing_titles().await,
        ("Surf riding".into(), "Le surf".into())
    );
    let run = run_of(&out(&o));
    let listed = env.runs_in("C.UTF-8");
    assert!(
        listed.contains(&run) && listed.contains("rename of the tag Surfing to Surf riding"),
        "{listed}"
    );
    if LANG_DECIDES {
        let fr = env.runs_in("fr_FR.UTF-8");
        assert!(
            fr.contains("renommage de la balise Surfing en Surf riding"),
            "{fr}"
        );
    }

    let undone = env.run(&["tags", "undo-rename", &run, "--yes"]);
    assert_eq!(undone.status.code(), Some(0), "{}", err(&undone));
    assert!(
        out(&undone).contains("2 values put back"),
        "{}",
        out(&undone)
    );
    assert_eq!(
        env.surfing_titles().await,
        ("Surfing".into(), "Surf".into())
    );
}

/// A colleague retitled the tag after the rename: undo keeps their title and says so. Seen
/// failing with the undo writing every value back whatever AEM held (their title was lost).
#[tokio::test(flavor = "multi_thread")]
async fn undo_of_a_rename_never_erases_a_later_change() {
    let env = Env::new().await;
    let o = env.run(&[
        "tags",
        "rename",
        "wknd-shared:activity/surfing",
        "--title",
        "Surf riding",
        "--yes",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let run = run_of(&out(&o));
    env.colleague_sets(SURFING, &[("jcr:title", "Wave riding")])
        .await;

    let undone = env.run(&["tags", "undo-rename", &run, "--yes"]);
    assert_eq!(undone.status.code(), Some(1), "{}", err(&undone));
    assert!(
        err(&undone).contains("wknd-shared:activity/surfing")
            && err(&undone).contains("Wave riding"),
        "{}",
        err(&undone)
    );
    assert_eq!(env.surfing_titles().await.0, "Wave riding");
}

/// An empty title, a tag AEM does not have, the title it has already, a language that is none:
/// each refused in words, exit 2, no run made and nothing written. Seen failing before the
/// checks (an empty title was written, a missing tag created by the POST).
#[tokio::test(flavor = "multi_thread")]
async fn bad_renames_are_refused_in_words_with_nothing_written() {
    let env = Env::new().await;
    let cases: [(&[&str], &str); 4] = [
        (
            &["wknd-shared:activity/surfing", "--title", "  "],
            "The new title of wknd-shared:activity/surfing is empty",
        ),
        (
            &["wknd-shared:activity/kiting", "--title", "Kites"],
            "AEM has no tag wknd-shared:activity/kiting",
        ),
        (
            &["wknd-shared:activity/surfing", "--title", "Surfing"],
            "already titled “Surfing”",
        ),
        (
            &[
                "wknd-shared:activity/surfing",
                "--title",
                "Surf",
                "--title-in",
                "f r=Le surf",
            ],
            "f r",
        ),
    ];
    for (args, words) in cases {
        let mut all = vec!["tags", "rename"];
        all.extend(args);
        all.push("--yes");
        let o = env.run(&all);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", err(&o));
        assert!(err(&o).contains(words), "{args:?}: {}", err(&o));
    }
    assert_eq!(
        env.surfing_titles().await,
        ("Surfing".into(), "Surf".into())
    );
    assert_eq!(env.tag("wknd-shared/activity/kiting").await.0, 404);
    assert!(env.runs_in("C.UTF-8").contains("No runs"));
}

/// A dry run journals its preview, and `bulk resume` applies exactly it, as a bulk edit's:
/// the rename's titles written, the run completed. Seen failing with the dry run's old words,
/// which named no run to resume.
#[tokio::test(flavor = "multi_thread")]
async fn a_rename_s_dry_run_is_applied_exactly_by_bulk_resume() {
    let env = Env::new().await;
    let dry = env.run(&[
        "tags",
        "rename",
        "wknd-shared:activity/surfing",
        "--title",
        "Surf riding",
        "--dry-run",
    ]);
    assert_eq!(dry.status.code(), Some(0), "{}", err(&dry));
    let said = out(&dry);
    let run = said
        .split("bulk resume ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or_else(|| panic!("no run to resume in {said}"))
        .to_owned();
    assert_eq!(env.surfing_titles().await.0, "Surfing");
    let resumed = env.run(&["bulk", "resume", &run, "--yes"]);
    assert_eq!(resumed.status.code(), Some(0), "{}", err(&resumed));
    assert_eq!(env.surfing_titles().await.0, "Surf riding");
    let listed = env.runs_in("C.UTF-8");
    assert!(
        listed.contains(&run) && listed.contains(" completed "),
        "{listed}"
    );
}
