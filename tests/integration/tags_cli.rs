//! `metadesk-cli tags list|export` (issue 51) against the sandbox's taxonomy: every tag with
//! its title in the reader's language, its id and description; moved tags hidden; the
//! taxonomy saved as .xlsx and .csv; a bad file name and an account that cannot read tags
//! refused in words, nothing written.

use std::path::Path;
use std::process::{Command, Output};

use metadesk_sandbox::Sandbox;
use serde_json::Value;

use crate::bulk_cli::cli;
use crate::bulk_support::*;

struct Env {
    sb: Sandbox,
    dir: tempfile::TempDir,
}

impl Env {
    async fn new() -> Env {
        let sb = sandbox(10).await;
        let dir = tempfile::tempdir().unwrap();
        sb.write_credentials(&dir.path().join("creds")).unwrap();
        Env { sb, dir }
    }

    /// Runs the CLI with `args` and the sandbox's development token, in `lang`.
    fn run_in(&self, lang: &str, args: &[&str]) -> Output {
        let file = self.dir.path().join("creds/local-development-token.json");
        Command::new(cli())
            .env("METADESK_HOME", self.dir.path().join("home"))
            .env("LANG", lang)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .args(args)
            .args(["--trust-host", &sandbox_host(&self.sb)])
            .args(["--aem", &self.sb.base_url(), "--file"])
            .arg(&file)
            .output()
            .unwrap()
    }

    fn run(&self, args: &[&str]) -> Output {
        self.run_in("C.UTF-8", args)
    }
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

async fn tag_command(sb: &Sandbox, fields: &[(&str, &str)]) {
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
    assert!(
        text.contains("    Surf (wknd-shared:activity/surfing)\n"),
        "{text}"
    );
    assert!(
        text.contains("    Été (wknd-shared:season/summer) — June to August\n"),
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
    assert!(out(&o).contains("12 balises enregistrées"), "{}", out(&o));
    let rows = rows_of(&csv);
    assert_eq!(
        rows[0],
        ["ID de la balise", "Titre", "Titre (fr)", "Description"]
    );
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
        .output()
        .unwrap();
    assert_ne!(o.status.code(), Some(0), "{}", out(&o));
    assert!(err(&o).contains("tags could not be read"), "{}", err(&o));
    assert!(!csv.exists());
}
