//! `metadesk-cli tags list|export` (issue 51) against the sandbox's taxonomy: every tag with
//! its title in the reader's language, its id and description; moved tags hidden; the
//! taxonomy saved as .xlsx and .csv; a bad file name and an account that cannot read tags
//! refused in words, nothing written.

use crate::cli_process::OutputRetried;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use metadesk_sandbox::Sandbox;
use serde_json::Value;

use crate::bulk_cli::cli;
use crate::bulk_support::*;

/// A sandbox and a folder for the CLI's home and files, shared by the tags tests.
pub(crate) struct Env {
    pub(crate) sb: Sandbox,
    pub(crate) dir: tempfile::TempDir,
}

impl Env {
    pub(crate) async fn new() -> Env {
        Env::with_assets(10).await
    }

    pub(crate) async fn with_assets(assets: usize) -> Env {
        let sb = sandbox(assets).await;
        let dir = tempfile::tempdir().unwrap();
        sb.write_credentials(&dir.path().join("creds")).unwrap();
        Env { sb, dir }
    }

    /// Runs the CLI with `args` and the sandbox's development token, in `lang`.
    pub(crate) fn run_in(&self, lang: &str, args: &[&str]) -> Output {
        self.run_on(self, lang, args)
    }

    /// Runs the CLI from this home with `args`, on `aem`'s sandbox with its development token
    /// (a credential file of the same name as this one's), in `lang`.
    pub(crate) fn run_on(&self, aem: &Env, lang: &str, args: &[&str]) -> Output {
        self.cli_on(aem, lang, args).output_retried().unwrap()
    }

    /// The CLI with `args`, its output to nowhere: a process to start, and kill, while the test
    /// watches its journal.
    pub(crate) fn command(&self, args: &[&str]) -> Command {
        let mut command = self.cli_on(self, "C.UTF-8", args);
        command.stdout(Stdio::null()).stderr(Stdio::null());
        command
    }

    /// The CLI from this home with `args`, on `aem`'s sandbox with its development token.
    fn cli_on(&self, aem: &Env, lang: &str, args: &[&str]) -> Command {
        let file = aem.dir.path().join("creds/local-development-token.json");
        let mut command = Command::new(cli());
        command
            .env("METADESK_HOME", self.dir.path().join("home"))
            .env("LANG", lang)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .args(args)
            .args(["--trust-host", &sandbox_host(&aem.sb)])
            .args(["--aem", &aem.sb.base_url(), "--file"])
            .arg(&file);
        command
    }

    pub(crate) fn run(&self, args: &[&str]) -> Output {
        self.run_in("C.UTF-8", args)
    }

    /// Runs the CLI from this home with `args` alone: a command that reaches no AEM
    /// (`runs list`).
    pub(crate) fn run_offline(&self, args: &[&str]) -> Output {
        Command::new(cli())
            .env("METADESK_HOME", self.dir.path().join("home"))
            .env("LANG", "C.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .args(args)
            .output_retried()
            .unwrap()
    }

    /// The newest run's id (`runs list` needs no connection).
    pub(crate) fn last_run(&self) -> String {
        let o = Command::new(cli())
            .env("METADESK_HOME", self.dir.path().join("home"))
            .env("LANG", "C.UTF-8")
            .args(["runs", "list", "--json"])
            .output_retried()
            .unwrap();
        let runs: Value = serde_json::from_str(&out(&o)).unwrap();
        runs[0]["id"].as_str().unwrap().to_owned()
    }

    /// Every asset's `cq:tags`, by path.
    pub(crate) fn tags_by_asset(&self) -> Vec<(String, Vec<String>)> {
        let dump = self.sb.dump(false);
        dump["assets"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|a| a["path"].as_str())
            .map(|p| {
                let tags = self.sb.asset(p).unwrap()["metadata"]["cq:tags"]
                    .as_array()
                    .map(|t| {
                        t.iter()
                            .filter_map(|v| v.as_str().map(str::to_owned))
                            .collect()
                    })
                    .unwrap_or_default();
                (p.to_owned(), tags)
            })
            .collect()
    }

    pub(crate) fn holders(&self, id: &str) -> Vec<String> {
        self.tags_by_asset()
            .into_iter()
            .filter(|(_, tags)| tags.iter().any(|t| t == id))
            .map(|(p, _)| p)
            .collect()
    }

    pub(crate) async fn tag_node(&self, id_path: &str) -> (u16, Value) {
        let r = reqwest::Client::new()
            .get(format!(
                "{}/content/cq:tags/{id_path}.0.json",
                self.sb.base_url()
            ))
            .bearer_auth(&self.sb.credentials().dev_token)
            .send()
            .await
            .unwrap();
        let status = r.status().as_u16();
        (status, r.json().await.unwrap_or(Value::Null))
    }
}

/// Only on Linux does the terminal's language come from LANG (elsewhere from the system's
/// setting: `i18n::system_lang`), so the French words are checked there, as `cli_french` does;
/// the commands themselves run everywhere.
pub(crate) const LANG_DECIDES: bool = cfg!(all(unix, not(target_os = "macos")));

/// The words expected from a command run in French: French where LANG decides.
fn in_french<'a>(fr: &'a str, en: &'a str) -> &'a str {
    if LANG_DECIDES { fr } else { en }
}

pub(crate) fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub(crate) fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub(crate) async fn tag_command(sb: &Sandbox, fields: &[(&str, &str)]) {
    let r = reqwest::Client::new()
        .post(format!("{}/bin/tagcommand", sb.base_url()))
        .bearer_auth(&sb.credentials().dev_token)
        .form(fields)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
}

#[tokio::test(flavor = "multi_thread")]
async fn tags_list_shows_every_tag_in_the_readers_language_and_hides_moved_ones() {
    let env = Env::new().await;
    tag_command(
        &env.sb,
        &[
            ("cmd", "moveTag"),
            ("path", "wknd-shared:season/winter"),
            ("dest", "wknd-shared:season/cold-months"),
        ],
    )
    .await;
    let o = env.run(&["tags", "list"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let text = out(&o);
    for line in [
        "WKND Shared (wknd-shared:)\n",
        "  Activity (wknd-shared:activity) — What people do in the picture\n",
        "    Surfing (wknd-shared:activity/surfing)\n",
        "    Winter (wknd-shared:season/cold-months)\n",
        "Standard Tags (properties:)\n",
    ] {
        assert!(text.contains(line), "{line:?} not in:\n{text}");
    }
    assert!(
        !text.contains("season/winter"),
        "a moved tag is hidden:\n{text}"
    );

    let o = env.run_in("fr_FR.UTF-8", &["tags", "list"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let text = out(&o);
    let surfing = in_french("    Surf (", "    Surfing (");
    assert!(
        text.contains(&format!("{surfing}wknd-shared:activity/surfing)\n")),
        "{text}"
    );
    let summer = in_french("    Été (", "    Summer (");
    assert!(
        text.contains(&format!(
            "{summer}wknd-shared:season/summer) — June to August\n"
        )),
        "{text}"
    );

    let o = env.run(&["tags", "list", "--json"]);
    let json: Value = serde_json::from_str(&out(&o)).unwrap();
    let summer = json
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "wknd-shared:season/summer")
        .unwrap();
    assert_eq!(summer["titles"]["fr"], "Été");
    assert_eq!(summer["description"], "June to August");
    assert_eq!(summer["trail"], "WKND Shared › Season › Summer");
}

fn rows_of(path: &Path) -> Vec<Vec<String>> {
    let bytes = std::fs::read(path).unwrap();
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    metadesk_core::sheets::workbook_rows(&name, &bytes).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn tags_export_writes_a_row_a_tag_with_a_column_a_language() {
    let env = Env::new().await;
    let xlsx = env.dir.path().join("taxonomy.xlsx");
    let o = env.run(&["tags", "export", "--out", xlsx.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(out(&o).contains("Saved 12 tags to"), "{}", out(&o));
    let rows = rows_of(&xlsx);
    assert_eq!(rows[0], ["Tag ID", "Title", "Title (fr)", "Description"]);
    assert!(
        rows.contains(&vec![
            "wknd-shared:season/summer".to_owned(),
            "Summer".into(),
            "Été".into(),
            "June to August".into()
        ]),
        "{rows:?}"
    );
    assert_eq!(rows.len(), 13);

    // In French, the headers are French; the values are the taxonomy's.
    let csv = env.dir.path().join("balises.csv");
    let o = env.run_in(
        "fr_FR.UTF-8",
        &["tags", "export", "--out", csv.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let saved = in_french("12 balises enregistrées", "Saved 12 tags");
    assert!(out(&o).contains(saved), "{}", out(&o));
    let rows = rows_of(&csv);
    let header = if LANG_DECIDES {
        ["ID de la balise", "Titre", "Titre (fr)", "Description"]
    } else {
        ["Tag ID", "Title", "Title (fr)", "Description"]
    };
    assert_eq!(rows[0], header);
}

/// How many assets under `under` hold `id` or a tag below it, from the sandbox's own state.
fn holding(env: &Env, under: &str, id: &str) -> u64 {
    env.tags_by_asset()
        .iter()
        .filter(|(path, _)| path.starts_with(&format!("{under}/")))
        .filter(|(_, tags)| {
            tags.iter().any(|t| {
                t == id
                    || t.starts_with(&format!("{id}/"))
                    || (id.ends_with(':') && t.starts_with(id))
            })
        })
        .count() as u64
}

#[tokio::test(flavor = "multi_thread")]
async fn counts_under_a_folder_are_exact_while_the_index_lags_in_list_json_and_export() {
    let env = Env::with_assets(40).await;
    let under = "/content/dam";
    // A colleague's upload, tagged, that AEM's search index does not hold yet.
    let mut faults = env.sb.faults();
    faults.index_lag_secs = 3600;
    env.sb.set_faults(faults).unwrap();
    let folder = env.sb.leaf_folders()[0].clone();
    env.sb
        .upload(
            &format!("{folder}/just-uploaded.jpg"),
            serde_json::json!({"cq:tags": ["wknd-shared:season/summer", "wknd-shared:activity/surfing"]}),
        )
        .unwrap();

    let o = env.run(&["tags", "list", "--under", under, "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let json: Value = serde_json::from_str(&out(&o)).unwrap();
    let count_of = |id: &str| {
        json.as_array()
            .unwrap()
            .iter()
            .find(|t| t["id"] == id)
            .unwrap()["count"]
            .as_u64()
            .unwrap()
    };
    for id in [
        "wknd-shared:",
        "wknd-shared:season",
        "wknd-shared:season/summer",
        "wknd-shared:activity/surfing",
    ] {
        let expected = holding(&env, under, id);
        assert!(expected > 0, "the seeded assets hold {id}");
        assert_eq!(count_of(id), expected, "{id}");
    }
    assert!(
        count_of("wknd-shared:season") >= count_of("wknd-shared:season/summer"),
        "a tag counts the assets of the tags below it"
    );

    let o = env.run(&["tags", "list", "--under", under]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let summer = holding(&env, under, "wknd-shared:season/summer");
    let line = format!("Summer (wknd-shared:season/summer) — June to August · {summer} assets\n");
    assert!(out(&o).contains(&line), "{line:?} not in:\n{}", out(&o));

    let csv = env.dir.path().join("counted.csv");
    let o = env.run_in(
        "fr_FR.UTF-8",
        &[
            "tags",
            "export",
            "--under",
            under,
            "--out",
            csv.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let rows = rows_of(&csv);
    let header = in_french("Ressources dans /content/dam", "Assets in /content/dam");
    assert_eq!(rows[0].last().unwrap(), header);
    for row in &rows[1..] {
        let expected = holding(&env, under, &row[0]).to_string();
        assert_eq!(row.last().unwrap(), &expected, "{row:?}");
    }

    // A folder that is not one is refused in words, and nothing is written.
    let bad = env.dir.path().join("bad.csv");
    let o = env.run(&[
        "tags",
        "export",
        "--under",
        "/content/nope",
        "--out",
        bad.to_str().unwrap(),
    ]);
    assert_ne!(o.status.code(), Some(0));
    assert!(err(&o).contains("/content/nope"), "{}", err(&o));
    assert!(!bad.exists());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_bad_file_name_or_an_unreadable_taxonomy_writes_nothing() {
    let env = Env::new().await;
    let txt = env.dir.path().join("taxonomy.txt");
    let o = env.run(&["tags", "export", "--out", txt.to_str().unwrap()]);
    assert_ne!(o.status.code(), Some(0));
    assert!(err(&o).contains("must end in .xlsx or .csv"), "{}", err(&o));
    assert!(!txt.exists());

    // An OAuth Server-to-Server token may not read /content/cq:tags (a classic path).
    let file = env.dir.path().join("creds/oauth-project.json");
    let csv = env.dir.path().join("t.csv");
    let o = Command::new(cli())
        .env("METADESK_HOME", env.dir.path().join("home"))
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .args(["tags", "export", "--out", csv.to_str().unwrap()])
        .args(["--aem", &env.sb.base_url(), "--file"])
        .arg(&file)
        .output_retried()
        .unwrap();
    assert_ne!(o.status.code(), Some(0), "{}", out(&o));
    assert!(err(&o).contains("tags could not be read"), "{}", err(&o));
    assert!(!csv.exists());
}

pub(crate) const SURFING: &str = "wknd-shared:activity/surfing";
pub(crate) const CYCLING: &str = "wknd-shared:activity/cycling";

#[tokio::test(flavor = "multi_thread")]
async fn a_merge_fixes_every_asset_then_merges_the_tag_and_undo_puts_the_assets_back() {
    let env = Env::with_assets(60).await;
    // A content fragment's tags are in its metadata as an asset's are: the merge fixes them too.
    let dump = env.sb.dump(false);
    let fragment = dump["assets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["contentFragment"] == true)
        .and_then(|a| a["path"].as_str())
        .expect("the sandbox seeds content fragments")
        .to_owned();
    env.sb
        .edit_asset(&fragment, serde_json::json!({ "cq:tags": [SURFING] }))
        .unwrap();
    let before = env.tags_by_asset();
    let holders = env.holders(SURFING);
    assert!(
        holders.len() > 1,
        "the sandbox seeds {SURFING} on some assets"
    );

    // A dry run changes nothing, in AEM or the taxonomy.
    let merge = [
        "tags",
        "merge",
        SURFING,
        "--into",
        CYCLING,
        "--under",
        "/content/dam",
    ];
    let o = env.run(&[&merge[..], &["--dry-run"]].concat());
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(
        out(&o).contains("AEM would then change the tag"),
        "{}",
        out(&o)
    );
    assert_eq!(env.tags_by_asset(), before);
    assert_eq!(env.sb.counters().tag_commands, 0);

    let o = env.run(&[&merge[..], &["--yes"]].concat());
    assert_eq!(o.status.code(), Some(0), "{}\n{}", out(&o), err(&o));
    assert!(
        out(&o).contains(&format!("Merged {SURFING} into {CYCLING}.")),
        "{}",
        out(&o)
    );
    for (path, tags) in env.tags_by_asset() {
        assert!(
            !tags.contains(&SURFING.to_owned()),
            "{path} still holds it: {tags:?}"
        );
        assert!(
            tags.iter().filter(|t| *t == CYCLING).count() <= 1,
            "{path}: {tags:?}"
        );
        if holders.contains(&path) {
            assert!(tags.contains(&CYCLING.to_owned()), "{path}: {tags:?}");
        }
    }
    // Assets that did not hold the tag were not written.
    for ((path, was), (_, now)) in before.iter().zip(env.tags_by_asset()) {
        if !holders.contains(path) {
            assert_eq!(was, &now, "{path}");
        }
    }
    let (_, stub) = env.tag_node("wknd-shared/activity/surfing").await;
    assert_eq!(
        stub["cq:movedTo"],
        "/content/cq:tags/wknd-shared/activity/cycling"
    );

    // Undo puts each asset's tags back (the tag node stays merged: AEM's stub still resolves).
    let run = env.last_run();
    let o = env.run(&["bulk", "undo", &run, "--yes"]);
    assert_eq!(o.status.code(), Some(0), "{}\n{}", out(&o), err(&o));
    assert_eq!(env.tags_by_asset(), before);
    // It says what AEM kept, and the taxonomy is as the merge left it.
    let kept = format!("AEM keeps {SURFING} as a hidden pointer to {CYCLING}");
    assert!(out(&o).contains(&kept), "{}", out(&o));
    let (_, stub) = env.tag_node("wknd-shared/activity/surfing").await;
    assert_eq!(
        stub["cq:movedTo"],
        "/content/cq:tags/wknd-shared/activity/cycling"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_move_renames_the_tag_on_every_asset_and_a_delete_removes_it() {
    let env = Env::with_assets(60).await;
    let holders = env.holders(CYCLING);
    assert!(!holders.is_empty());
    let to = "wknd-shared:sport/bike";
    let o = env.run(&[
        "tags",
        "move",
        CYCLING,
        "--to",
        to,
        "--under",
        "/content/dam",
        "--yes",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}\n{}", out(&o), err(&o));
    assert_eq!(env.holders(to), holders);
    assert!(env.holders(CYCLING).is_empty());
    assert_eq!(env.tag_node("wknd-shared/sport/bike").await.0, 200);

    let winter = env.holders("wknd-shared:season/winter");
    let o = env.run_in(
        "fr_FR.UTF-8",
        &[
            "tags",
            "delete",
            "wknd-shared:season",
            "--under",
            "/content/dam",
            "--yes",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}\n{}", out(&o), err(&o));
    let said = in_french(
        "wknd-shared:season supprimée.",
        "Deleted wknd-shared:season.",
    );
    assert!(out(&o).contains(said), "{}", out(&o));
    assert!(!winter.is_empty());
    for (path, tags) in env.tags_by_asset() {
        assert!(
            !tags.iter().any(|t| t.starts_with("wknd-shared:season")),
            "{path}: {tags:?}"
        );
    }
    assert_eq!(env.tag_node("wknd-shared/season").await.0, 404);
}

/// The lines a tag change's dry run prints, and its JSON summary's `references`.
fn previewed(env: &Env, change: &[&str]) -> (String, Value) {
    let o = env.run(&[change, &["--under", "/content/dam", "--dry-run"]].concat());
    assert_eq!(o.status.code(), Some(0), "{}\n{}", out(&o), err(&o));
    let words = out(&o);
    let o = env.run(&[change, &["--under", "/content/dam", "--dry-run", "--json"]].concat());
    assert_eq!(o.status.code(), Some(0), "{}\n{}", out(&o), err(&o));
    let json: Value = serde_json::from_str(&out(&o)).unwrap();
    (words, json["references"].clone())
}

#[tokio::test(flavor = "multi_thread")]
async fn the_tag_delete_and_merge_previews_say_where_the_assets_are_used_and_write_nothing() {
    let env = Env::with_assets(30).await;
    let surfing = env.holders(SURFING);
    let winter = env.holders("wknd-shared:season/winter");
    assert!(
        surfing.len() > 1,
        "the sandbox seeds {SURFING} on some assets"
    );
    assert!(
        !winter.is_empty(),
        "the sandbox seeds winter on some assets"
    );
    let (used, unused) = (&surfing[0], &surfing[1]);
    let wintry = winter
        .iter()
        .find(|p| *p != used)
        .expect("a winter asset other than the surfing one");
    let (home, gallery) = ("/content/wknd/en/home", "/content/wknd/en/gallery");
    env.sb.reference_page(home, "Home", true, &[used.as_str()]);
    env.sb
        .reference_page(gallery, "Gallery", false, &[used.as_str(), wintry.as_str()]);
    let before = env.tags_by_asset();

    let (words, refs) = previewed(&env, &["tags", "merge", SURFING, "--into", CYCLING]);
    assert!(
        words.contains(&format!("{used}: used on 2 pages")),
        "{words}"
    );
    assert!(
        words.contains(&format!("{home}  Home  (published)")),
        "{words}"
    );
    assert!(
        words.contains(&format!("{gallery}  Gallery  (not published)")),
        "{words}"
    );
    assert!(!words.contains(&format!("{unused}: used on")), "{words}");
    assert_eq!(refs["asked"], surfing.len(), "{refs}");
    // A retag breaks no image: no warning, as for an unpublish.
    assert_eq!(refs["unpublishes"], false, "{refs}");
    let assets = refs["assets"].as_array().unwrap();
    assert_eq!(assets.len(), 1, "{refs}");
    assert_eq!(assets[0]["path"], used.as_str());
    let pages: Vec<&str> = assets[0]["pages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["page"].as_str().unwrap())
        .collect();
    assert_eq!(pages, [gallery, home], "{refs}");

    let (words, refs) = previewed(&env, &["tags", "delete", "wknd-shared:season/winter"]);
    assert!(
        words.contains(&format!("{wintry}: used on 1 page")),
        "{words}"
    );
    assert!(
        words.contains(&format!("{gallery}  Gallery  (not published)")),
        "{words}"
    );
    assert_eq!(refs["asked"], winter.len(), "{refs}");
    assert!(
        refs["assets"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["path"] == wintry.as_str()),
        "{refs}"
    );

    // Previews only: no asset, tag or publication written; the reference search asked.
    let c = env.sb.counters();
    assert_eq!(
        (c.writes_applied, c.replications, c.tag_commands),
        (0, 0, 0)
    );
    assert!(
        c.by_kind.get("references").copied().unwrap_or(0) >= 4,
        "{:?}",
        c.by_kind
    );
    assert_eq!(env.tags_by_asset(), before);
}

#[tokio::test(flavor = "multi_thread")]
async fn tag_changes_that_cannot_be_are_refused_before_anything_is_written() {
    let env = Env::with_assets(30).await;
    let before = env.tags_by_asset();
    let under = ["--under", "/content/dam", "--yes"];
    for (args, says) in [
        (
            vec![
                "tags",
                "merge",
                SURFING,
                "--into",
                "wknd-shared:activity/nope",
            ],
            "AEM has no tag wknd-shared:activity/nope",
        ),
        (
            vec!["tags", "move", SURFING, "--to", CYCLING],
            "wknd-shared:activity/cycling already exists",
        ),
        (
            vec!["tags", "merge", "wknd-shared:activity", "--into", SURFING],
            "which is the tag itself or one of its children",
        ),
        (
            vec!["tags", "merge", "not a tag", "--into", SURFING],
            "is not a tag id",
        ),
    ] {
        let o = env.run(&[&args[..], &under[..]].concat());
        assert_ne!(o.status.code(), Some(0), "{args:?}");
        assert!(err(&o).contains(says), "{args:?}: {}", err(&o));
    }
    // An account that may tag assets but not change the taxonomy, in French too.
    env.sb
        .set_taxonomy_access(&env.sb.credentials().dev_token_user, false);
    let o = env.run_in(
        "fr_FR.UTF-8",
        &[
            "tags",
            "merge",
            SURFING,
            "--into",
            CYCLING,
            "--under",
            "/content/dam",
            "--yes",
        ],
    );
    assert_ne!(o.status.code(), Some(0));
    let said = in_french("administrateur des balises", "Tag Administrator");
    assert!(err(&o).contains(said), "{}", err(&o));
    assert_eq!(env.tags_by_asset(), before, "no asset was written");
    assert_eq!(env.sb.counters().writes_applied, 0);
    assert_eq!(env.sb.counters().tag_commands, 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_merge_killed_mid_apply_moves_the_tag_only_once_resumed_to_the_end() {
    use std::time::{Duration, Instant};

    // Six batches of writes or more: two at a time, so that some are left at the kill.
    let env = Env::with_assets(640).await;
    let folder = metadesk_sandbox::SAMPLE_FOLDER.rsplit_once('/').unwrap().0;
    // Every asset under the folder, content fragments included, holds the tag (set as a
    // colleague would, before the run).
    let dump = env.sb.dump(false);
    let under: Vec<String> = dump["assets"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["path"].as_str())
        .filter(|p| p.starts_with(&format!("{folder}/")))
        .map(str::to_owned)
        .collect();
    for path in &under {
        env.sb
            .edit_asset(
                path,
                serde_json::json!({ "cq:tags": [SURFING, "wknd-shared:season/summer"] }),
            )
            .unwrap();
    }
    // Slow commits, so that the kill lands between two batches.
    env.sb
        .set_faults(metadesk_sandbox::Faults {
            latency_ms: 20,
            capacity: Some(2),
            commit_ms_per_asset: 15,
            ..Default::default()
        })
        .unwrap();
    let home = env.dir.path().join("home");
    let mut child = env
        .command(&[
            "tags", "merge", SURFING, "--into", CYCLING, "--under", folder, "--yes",
        ])
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(120);
    while crate::bulk_cli::journal(&home).map_or(0, |(_, t)| t.matches("\"t\":\"outcome\"").count())
        == 0
    {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the merge ended before it could be killed"
        );
        assert!(Instant::now() < deadline, "no progress");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    child.kill().unwrap(); // SIGKILL
    tokio::task::spawn_blocking(move || child.wait())
        .await
        .unwrap()
        .unwrap();
    let (id, text) = crate::bulk_cli::journal(&home).unwrap();
    assert!(!text.contains("\"t\":\"ended\""), "killed before the end");
    assert!(
        !env.holders(SURFING).is_empty(),
        "some assets were left to do"
    );
    // The tag itself is untouched while assets still hold it.
    let (_, node) = env.tag_node("wknd-shared/activity/surfing").await;
    assert!(
        node.get("cq:movedTo").is_none(),
        "moved before every asset was done: {node}"
    );

    let mut resume = env.command(&["bulk", "resume", &id, "--yes"]);
    let status = tokio::task::spawn_blocking(move || resume.status())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(status.code(), Some(0));
    for path in &under {
        let tags = env.sb.asset(path).unwrap()["metadata"]["cq:tags"].clone();
        assert_eq!(
            tags,
            serde_json::json!([CYCLING, "wknd-shared:season/summer"]),
            "{path}"
        );
    }
    let (_, node) = env.tag_node("wknd-shared/activity/surfing").await;
    assert_eq!(
        node["cq:movedTo"],
        "/content/cq:tags/wknd-shared/activity/cycling"
    );
}
