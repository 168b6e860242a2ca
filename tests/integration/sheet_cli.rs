//! `metadesk-cli sheet export|import` end to end against the sandbox, as the real binary with
//! a credential file: round trips through each format a person may hand back (our .xlsx and
//! .csv, a workbook saved by LibreOffice, a CSV saved by French Excel, AEM's own Metadata
//! Export CSV), undo of a sheet import, and a sheet with errors refused with its messages and
//! nothing written.

use crate::cli_process::OutputRetried;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use metadesk_core::sheets::read_sheet;
use metadesk_core::sheets::testing::{french_excel_csv, ods, text};
use metadesk_sandbox::{SAMPLE_FOLDER, Sandbox};
use serde_json::{Value, json};

use crate::bulk_cli::cli;
use crate::bulk_support::*;

struct Env {
    cli: PathBuf,
    sb: Sandbox,
    dir: tempfile::TempDir,
}

impl Env {
    async fn new() -> Env {
        let sb = sandbox(40).await;
        let dir = tempfile::tempdir().unwrap();
        sb.write_credentials(&dir.path().join("creds")).unwrap();
        Env {
            cli: cli(),
            sb,
            dir,
        }
    }

    /// Runs the CLI with `args` only.
    fn run_plain(&self, args: &[&str]) -> Output {
        Command::new(&self.cli)
            .env("METADESK_HOME", self.dir.path().join("home"))
            .args(args)
            .output_retried()
            .unwrap()
    }

    /// Runs the CLI with `args` and the sandbox's development token.
    fn run(&self, args: &[&str]) -> Output {
        let file = self.dir.path().join("creds/local-development-token.json");
        Command::new(&self.cli)
            .env("METADESK_HOME", self.dir.path().join("home"))
            .args(args)
            .args(["--trust-host", &sandbox_host(&self.sb)])
            .args(["--aem", &self.sb.base_url(), "--file"])
            .arg(&file)
            .output_retried()
            .unwrap()
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn title(&self, path: &str) -> Value {
        metadata(&self.sb, path)
            .get("dc:title")
            .cloned()
            .unwrap_or(Value::Null)
    }

    /// Exports the sample folder's titles and keywords to `name`; the assets' paths.
    fn export(&self, name: &str) -> Vec<String> {
        let out = self.path(name);
        let o = self.run(&[
            "sheet",
            "export",
            "--folder",
            SAMPLE_FOLDER,
            "--property",
            "dc:title",
            "--property",
            "dc:subject",
            "--out",
            out.to_str().unwrap(),
        ]);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        let sheet = read_sheet(name, &std::fs::read(&out).unwrap()).unwrap();
        assert_eq!(sheet.issues, vec![]);
        sheet.rows.iter().map(|r| r.path.clone()).collect()
    }

    /// [`Env::import`] on a French desktop (`LANG=fr_FR.UTF-8`: Linux only, see main.rs).
    #[cfg(all(unix, not(target_os = "macos")))]
    fn import_in_french(&self, file: &Path) -> Output {
        let creds = self.dir.path().join("creds/local-development-token.json");
        Command::new(&self.cli)
            .env("METADESK_HOME", self.dir.path().join("home"))
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "fr_FR.UTF-8")
            .args(["sheet", "import", file.to_str().unwrap(), "--yes"])
            .args(["--trust-host", &sandbox_host(&self.sb)])
            .args(["--aem", &self.sb.base_url(), "--file"])
            .arg(&creds)
            .output_retried()
            .unwrap()
    }

    fn import(&self, file: &Path, extra: &[&str]) -> Output {
        let mut args = vec!["sheet", "import", file.to_str().unwrap()];
        args.extend_from_slice(extra);
        self.run(&args)
    }
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Imports `file` (which sets the titles of `a` and `b`) and checks that exactly those two
/// assets changed.
fn import_and_check(env: &Env, file: &Path, a: &str, b: &str, others: &[String]) {
    let before: Vec<Value> = others.iter().map(|p| env.title(p)).collect();
    let o = env.import(file, &["--yes"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(env.title(a), json!("Sheet title A"));
    assert_eq!(env.title(b), json!("Sheet title B"));
    let after: Vec<Value> = others.iter().map(|p| env.title(p)).collect();
    assert_eq!(before, after, "no other asset changed");
}

#[tokio::test(flavor = "multi_thread")]
async fn sheet_round_trips_in_every_format_and_undo_restores() {
    let env = Env::new().await;
    let paths = env.export("shots.xlsx");
    assert!(paths.len() > 3);
    let csv_paths = env.export("shots.csv");
    assert_eq!(paths, csv_paths);
    let (a, b) = (paths[0].clone(), paths[1].clone());
    let others = paths[2..].to_vec();
    let original_a = env.title(&a);

    // Our .xlsx, edited and saved by Excel (rebuilt here with two cells changed).
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.write_string(0, 0, "Path (key)").unwrap();
    ws.write_string(0, 1, "Title (dc:title)").unwrap();
    for (r, p) in paths.iter().enumerate() {
        ws.write_string(r as u32 + 1, 0, p).unwrap();
        let t = env.title(p);
        if let Some(t) = t.as_str() {
            ws.write_string(r as u32 + 1, 1, t).unwrap();
        }
    }
    ws.write_string(1, 1, "Sheet title A").unwrap();
    ws.write_string(2, 1, "Sheet title B").unwrap();
    let xlsx = env.path("edited.xlsx");
    std::fs::write(&xlsx, book.save_to_buffer().unwrap()).unwrap();
    import_and_check(&env, &xlsx, &a, &b, &others);

    // Undo restores every cell the sheet wrote.
    let runs = env.run_plain(&["runs", "list", "--json"]);
    let listed = String::from_utf8_lossy(&runs.stdout).into_owned();
    let all: Value = serde_json::from_str(&listed).unwrap();
    let run_id = all
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["kind"]["kind"] == "sheet")
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .unwrap_or_else(|| panic!("no sheet run in {listed}"));
    assert!(
        listed.contains("edited.xlsx"),
        "the activity names the file"
    );
    let o = env.run(&["bulk", "undo", &run_id, "--yes"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(env.title(&a), original_a);

    // A sheet saved by LibreOffice (.ods), with a formula.
    let ods_bytes = ods(&[
        vec![text("Path"), text("Title (dc:title)")],
        vec![text(&a), text("Sheet title A")],
        vec![
            text(&b),
            metadesk_core::sheets::testing::OdsCell {
                text: "Sheet title B",
                formula: Some("=\"Sheet title \"&\"B\""),
            },
        ],
    ]);
    let ods_file = env.path("libre.ods");
    std::fs::write(&ods_file, ods_bytes).unwrap();
    env.run(&["bulk", "undo", &run_id, "--yes"]);
    let o = env.import(&ods_file, &["--yes"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o)
            .contains("warning: Row 3, column B (Title (dc:title)): the cell holds the formula"),
        "{}",
        stderr(&o)
    );
    assert_eq!(env.title(&b), json!("Sheet title B"));

    // A CSV saved by French Excel: ';' and Windows-1252 (accents).
    let fr = french_excel_csv(&[
        vec![
            "Path (key)",
            "Title (dc:title)",
            "Keywords (dc:subject) — values separated by |",
        ],
        vec![&a, "Crème brûlée", "été|plage"],
    ]);
    let fr_file = env.path("export-fr.csv");
    std::fs::write(&fr_file, fr).unwrap();
    let o = env.import(&fr_file, &["--yes"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(env.title(&a), json!("Crème brûlée"));
    assert_eq!(metadata(&env.sb, &a)["dc:subject"], json!(["été", "plage"]));

    // AEM's own Metadata Export CSV.
    let aem = format!(
        "assetPath,dc:title{{{{String}}}},dc:subject{{{{String: multi }}}}\n{a},From AEM's CSV,\"x,y|z\"\n{b},,\n"
    );
    let aem_file = env.path("metadata.csv");
    std::fs::write(&aem_file, aem).unwrap();
    let o = env.import(&aem_file, &["--yes"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(env.title(&a), json!("From AEM's CSV"));
    assert_eq!(metadata(&env.sb, &a)["dc:subject"], json!(["x,y", "z"]));
    assert_eq!(
        env.title(&b),
        json!("Sheet title B"),
        "an empty cell leaves the value"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_sheet_with_errors_exits_2_names_each_cell_and_writes_nothing() {
    let env = Env::new().await;
    let paths = env.export("shots.csv");
    let (a, b) = (paths[0].clone(), paths[1].clone());
    let before_a = env.title(&a);
    let sheet = format!(
        "Path,Title (dc:title),Expires (prism:expirationDate)\n{a},New A,\n{b},one|two,\n{a},again,\n/etc/x.jpg,x,\n{SAMPLE_FOLDER}/gone.jpg,y,\n{b},,26/03/2026\n"
    );
    let file = env.path("bad.csv");
    std::fs::write(&file, &sheet).unwrap();
    let o = env.import(&file, &["--yes"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    for expected in [
        "error: Row 3, column B (Title (dc:title)): dc:title holds one value, but the cell has 2 separated by |",
        &format!("error: Row 4, column A (Path): {a} is already on row 2"),
        "error: Row 5, column A (Path): “/etc/x.jpg” is not in the DAM",
        &format!("error: Row 7, column A (Path): {b} is already on row 3"),
        "nothing was written",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in\n{err}");
    }
    assert_eq!(env.title(&a), before_a, "nothing written");

    // Skipping the rows in error writes the others; the unknown asset is said, not written.
    let o = env.import(&file, &["--yes", "--skip-invalid-rows"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains(&format!(
            "Row 6: there is no asset at {SAMPLE_FOLDER}/gone.jpg"
        )),
        "{}",
        stderr(&o)
    );
    assert_eq!(env.title(&a), json!("New A"));

    // Not a sheet at all; a header that names no property.
    let png = env.path("photo.png");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let o = env.import(&png, &["--yes"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("photo.png is not a sheet"),
        "{}",
        stderr(&o)
    );
    let header = env.path("header.csv");
    std::fs::write(&header, format!("Path,Notes\n{a},x\n")).unwrap();
    let o = env.import(&header, &["--yes", "--skip-invalid-rows"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o)
            .contains("error: Row 1, column B (Notes): The header \"Notes\" names no property"),
        "{}",
        stderr(&o)
    );

    // The 1.5 KB workbook holding only A1 and XFD1048576: refused in words (it aborted the
    // CLI, exit 134, asking for 512 GiB).
    let far = env.path("far.xlsx");
    std::fs::write(&far, metadesk_core::sheets::testing::two_far_cells_xlsx()).unwrap();
    let o = env.import(&far, &["--yes"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("far.xlsx spans 1,048,576 rows by 16,384 columns"),
        "{}",
        stderr(&o)
    );
}

/// A bad column, a duplicated row and an unknown asset: all three in one answer (the unknown
/// asset was only reported on the next try, once the first two were fixed).
#[tokio::test(flavor = "multi_thread")]
async fn a_sheet_s_own_and_aem_problems_are_reported_together() {
    let env = Env::new().await;
    let paths = env.export("shots.csv");
    let a = paths[0].clone();
    let before_a = env.title(&a);
    let file = env.path("three.csv");
    std::fs::write(
        &file,
        format!(
            "Path,Title (dc:title),Notes\n{a},New A,x\n{a},Again,\n{SAMPLE_FOLDER}/gone.jpg,y,\n"
        ),
    )
    .unwrap();
    let o = env.import(&file, &["--yes"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    for expected in [
        "error: Row 1, column C (Notes): The header \"Notes\" names no property",
        &format!("error: Row 3, column A (Path): {a} is already on row 2"),
        &format!("error: Row 4: there is no asset at {SAMPLE_FOLDER}/gone.jpg"),
        "three.csv has 3 errors; nothing was written.",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in\n{err}");
    }
    assert_eq!(env.title(&a), before_a, "nothing written");
}

// A French desktop is LANG here: Linux only (see main.rs).
#[cfg(all(unix, not(target_os = "macos")))]
#[tokio::test(flavor = "multi_thread")]
async fn a_sheet_s_problems_are_listed_in_french_on_a_french_desktop() {
    let env = Env::new().await;
    let paths = env.export("shots.csv");
    let (a, b) = (paths[0].clone(), paths[1].clone());
    let sheet = format!(
        "Path,Title (dc:title),Notes\n{a},New A,\n{b},one|two,\n{a},again,\n/etc/x.jpg,x,\n"
    );
    let file = env.path("mauvaise.csv");
    std::fs::write(&file, &sheet).unwrap();
    let o = env.import_in_french(&file);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    for expected in [
        "Ligne 1, colonne C (Notes)\u{a0}: L’en-tête «\u{a0}Notes\u{a0}» ne nomme aucune propriété",
        "Ligne 3, colonne B (Title (dc:title))\u{a0}: dc:title n’a qu’une valeur, mais la cellule \
         en a 2 séparées par |",
        &format!("Ligne 4, colonne A (Path)\u{a0}: {a} figure déjà en ligne 2"),
        "Ligne 5, colonne A (Path)\u{a0}: «\u{a0}/etc/x.jpg\u{a0}» n’est pas dans la DAM",
        "erreur\u{a0}: Ligne 3",
        "mauvaise.csv contient 4 erreurs\u{202f}; rien n’a été écrit.",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in\n{err}");
    }
    for english in [
        "Row ",
        "is already on row",
        "is not in the DAM",
        "names no property",
        "error:",
        "nothing was written",
    ] {
        assert!(!err.contains(english), "English {english:?} in\n{err}");
    }
}

/// A sheet exported on a French desktop is in French for the person who fills it in (headers,
/// the workbook's sheet names), and a colleague's English CLI imports it whole.
// A French desktop is LANG here: Linux only (see main.rs).
#[cfg(all(unix, not(target_os = "macos")))]
#[tokio::test(flavor = "multi_thread")]
async fn a_sheet_exported_in_french_is_in_french_and_imports_in_english() {
    let env = Env::new().await;
    let creds = env.dir.path().join("creds/local-development-token.json");
    let out = env.path("feuille.csv");
    let o = Command::new(&env.cli)
        .env("METADESK_HOME", env.dir.path().join("home"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "fr_FR.UTF-8")
        .args(["sheet", "export", "--folder", SAMPLE_FOLDER])
        .args([
            "--property",
            "dc:title",
            "--property",
            "dc:subject",
            "--out",
        ])
        .arg(&out)
        .args(["--trust-host", &sandbox_host(&env.sb)])
        .args(["--aem", &env.sb.base_url(), "--file"])
        .arg(&creds)
        .output_retried()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let bytes = std::fs::read(&out).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    let header = text.trim_start_matches('\u{feff}').lines().next().unwrap();
    assert_eq!(
        header,
        "Chemin (clé),Nom (non écrit),Dernière modification (ne pas changer),Titre * (dc:title),\
         Mots-clés (dc:subject) — valeurs séparées par |,Valeurs à l’export (ne pas changer)",
        "the sample folder's schema requires a title (*)"
    );
    let paths: Vec<String> = read_sheet("feuille.csv", &bytes)
        .unwrap()
        .rows
        .iter()
        .map(|r| r.path.clone())
        .collect();
    let (a, b) = (&paths[0], &paths[1]);
    // The French key and property headers as exported, two rows changed.
    std::fs::write(
        &out,
        format!("Chemin (clé),Titre (dc:title)\r\n{a},Sheet title A\r\n{b},Sheet title B\r\n"),
    )
    .unwrap();
    let o = env.import(&out, &["--yes"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(env.title(a), json!("Sheet title A"));
    assert_eq!(env.title(b), json!("Sheet title B"));
}

/// Errors only AEM reveals (an asset that is not there, several values for a property AEM
/// holds as one in a plain `prefix:name` column): exit 2, each named, nothing written and no
/// run left that `runs apply` could write from; with --skip-invalid-rows the other rows go.
#[tokio::test(flavor = "multi_thread")]
async fn errors_found_in_aem_exit_2_and_leave_no_run_to_apply() {
    let env = Env::new().await;
    let paths = env.export("shots.csv");
    let (a, b) = (paths[0].clone(), paths[1].clone());
    assert!(
        env.sb
            .write_metadata(&a, vec![("xmp:Label".into(), Some(json!("draft")))])
    );
    let file = env.path("aem-errors.csv");
    std::fs::write(
        &file,
        format!("Path,dc:title,xmp:Label\n{a},New A,red|green\n{b},New B,\n{b}x.jpg,Nobody,\n"),
    )
    .unwrap();
    let runs = || {
        let o = env.run_plain(&["runs", "list", "--json"]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        serde_json::from_slice::<Vec<Value>>(&o.stdout)
            .unwrap()
            .len()
    };
    let runs_before = runs();
    let (title_a, title_b) = (env.title(&a), env.title(&b));

    let o = env.import(&file, &["--yes"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    for expected in [
        "error: Row 2, column C (xmp:Label): xmp:Label holds one value in AEM, but the cell has 2 \
         separated by |; keep one",
        &format!("error: Row 4: there is no asset at {b}x.jpg"),
        "aem-errors.csv has 2 errors; nothing was written.",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in\n{err}");
    }
    assert!(!err.contains("runs show"), "no preview to point at: {err}");
    assert_eq!((env.title(&a), env.title(&b)), (title_a.clone(), title_b));
    assert_eq!(runs(), runs_before, "no run recorded");

    let o = env.import(&file, &["--yes", "--skip-invalid-rows"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("Left out (errors): rows 2, 4."),
        "{}",
        stderr(&o)
    );
    assert_eq!(env.title(&a), title_a);
    assert_eq!(metadata(&env.sb, &a)["xmp:Label"], json!("draft"));
    assert_eq!(env.title(&b), json!("New B"));
}

/// An export interrupted while it writes (here: killed by the file-size limit, as a full disk
/// or a kill would stop it) leaves the user's file as it was, never half a sheet in its place;
/// an export that completes replaces it whole. Unix only: the interruption is bash's `ulimit`.
#[cfg(unix)]
#[tokio::test(flavor = "multi_thread")]
async fn an_interrupted_export_leaves_the_file_it_was_to_replace() {
    let env = Env::new().await;
    let out = env.path("shots.csv");
    std::fs::write(&out, "Path,dc:title\n/content/dam/mine.jpg,My work\n").unwrap();
    let before = std::fs::read(&out).unwrap();
    let file = env.dir.path().join("creds/local-development-token.json");
    let trusted = sandbox_host(&env.sb);
    let args = [
        "sheet",
        "export",
        "--folder",
        SAMPLE_FOLDER,
        "--property",
        "dc:title",
        "--property",
        "dc:subject",
        "--property",
        "dc:description",
        "--out",
        out.to_str().unwrap(),
        "--trust-host",
        &trusted,
        "--aem",
        &env.sb.base_url(),
        "--file",
        file.to_str().unwrap(),
    ];
    // bash's `ulimit -f` counts KiB; the sheet is larger than 2 KiB.
    let o = Command::new("bash")
        .arg("-c")
        .arg("ulimit -f 2; exec \"$0\" \"$@\"")
        .arg(&env.cli)
        .args(args)
        .env("METADESK_HOME", env.dir.path().join("home"))
        .output_retried()
        .unwrap();
    assert_ne!(o.status.code(), Some(0), "the limit stops the export");
    assert_eq!(
        std::fs::read(&out).unwrap(),
        before,
        "the user's file is untouched"
    );

    let o = env.run(&args[..args.len() - 6]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let sheet = read_sheet("shots.csv", &std::fs::read(&out).unwrap()).unwrap();
    assert!(sheet.issues.is_empty() && !sheet.rows.is_empty());
}

/// Someone changes an asset in AEM after the sheet was exported: the import flags that row
/// (a warning naming it), leaves its cells unwritten (the other person's change is kept), and
/// writes the other rows.
#[tokio::test(flavor = "multi_thread")]
async fn an_asset_changed_in_aem_since_the_export_is_flagged_and_not_written() {
    let env = Env::new().await;
    let paths = env.export("shots.csv");
    let (a, b) = (paths[0].clone(), paths[1].clone());
    let exported = read_sheet("shots.csv", &std::fs::read(env.path("shots.csv")).unwrap()).unwrap();
    let codes: Vec<String> = exported
        .rows
        .iter()
        .map(|r| {
            r.exported_codes
                .clone()
                .expect("the export says what each value was")
        })
        .collect();

    // After the export, someone else retitles b in AEM.
    assert!(
        env.sb
            .write_metadata(&b, vec![("dc:title".into(), Some(json!("Their title")))])
    );

    // AEM leaves jcr:lastModified as it was on a metadata update: the values tell.
    let mut sheet =
        String::from("Path (key),Title (dc:title),Values when exported (do not change)\n");
    sheet += &format!("{a},Sheet title A,{}\n", codes[0]);
    sheet += &format!("{b},Sheet title B,{}\n", codes[1]);
    let file = env.path("edited.csv");
    std::fs::write(&file, &sheet).unwrap();

    let o = env.import(&file, &["--dry-run"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains(&format!(
            "warning: Row 3: {b} was changed in AEM after the sheet was exported"
        )),
        "{err}"
    );
    let o = env.import(&file, &["--yes"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(env.title(&a), json!("Sheet title A"));
    assert_eq!(env.title(&b), json!("Their title"), "their change is kept");
}

/// One value in a column of several (Keywords) on an asset that has none yet is written as a
/// list of one, not as text: AEM would otherwise hold a single value where lists belong.
#[tokio::test(flavor = "multi_thread")]
async fn one_value_in_a_multi_value_column_is_written_as_a_list() {
    let env = Env::new().await;
    let paths = env.export("shots.csv");
    let a = paths[0].clone();
    assert!(env.sb.write_metadata(&a, vec![("dc:subject".into(), None)]));
    let file = env.path("keywords.csv");
    std::fs::write(
        &file,
        format!("Path (key),Keywords (dc:subject) — values separated by |\n{a},solo\n"),
    )
    .unwrap();
    let o = env.import(&file, &["--yes"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        metadata(&env.sb, &a).get("dc:subject"),
        Some(&json!(["solo"]))
    );
}

/// `sheet export` takes the scopes `bulk` takes: a search (--under with --where) and a list
/// (its entries that name no asset said, line by line; the rest exported).
#[tokio::test(flavor = "multi_thread")]
async fn sheet_export_takes_a_search_or_a_list_as_its_scope() {
    let env = Env::new().await;
    let paths = env.export("all.csv");
    let (a, b) = (paths[0].clone(), paths[1].clone());
    let name_a = a.rsplit('/').next().unwrap().to_owned();
    let rows_of = |file: &str| -> Vec<String> {
        let sheet = read_sheet(file, &std::fs::read(env.path(file)).unwrap()).unwrap();
        sheet.rows.iter().map(|r| r.path.clone()).collect()
    };

    let out = env.path("search.csv");
    let condition = format!("name matches {name_a}");
    let o = env.run(&[
        "sheet",
        "export",
        "--under",
        SAMPLE_FOLDER,
        "--where",
        &condition,
        "--property",
        "dc:title",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(rows_of("search.csv"), vec![a.clone()]);

    let list = env.path("list.txt");
    std::fs::write(&list, format!("{b}\n{a}\n{SAMPLE_FOLDER}/gone.jpg\n")).unwrap();
    let out = env.path("list.csv");
    let o = env.run(&[
        "sheet",
        "export",
        "--list",
        list.to_str().unwrap(),
        "--property",
        "dc:title",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains(&format!(
            "line 3 ({SAMPLE_FOLDER}/gone.jpg): not found in AEM"
        )),
        "{}",
        stderr(&o)
    );
    let mut expected = vec![a, b];
    expected.sort();
    assert_eq!(rows_of("list.csv"), expected);

    // A condition that does not parse is refused before AEM is asked anything.
    let o = env.run(&[
        "sheet",
        "export",
        "--under",
        SAMPLE_FOLDER,
        "--where",
        "rating above 3",
        "--property",
        "dc:title",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
}

/// `#CLEAR` in the required Title column of a sheet (the export marks it "Title *"): the
/// preview warns, naming the field and how many assets, and the apply is refused with nothing
/// written until `--empty-required` says the field may be empty.
#[tokio::test(flavor = "multi_thread")]
async fn a_sheet_clearing_the_required_title_is_applied_only_with_empty_required() {
    let env = Env::new().await;
    let paths: Vec<String> = crate::bulk_cli::editable(&env.sb)
        .into_iter()
        .map(|(p, _)| p)
        .take(2)
        .collect();
    let (cleared, kept) = (&paths[0], &paths[1]);
    for path in &paths {
        assert!(
            env.sb
                .write_metadata(path, vec![("dc:title".into(), Some(json!("Vines")))])
        );
    }
    let file = env.path("cleared.csv");
    std::fs::write(
        &file,
        format!("Path (key),Title * (dc:title)\n{cleared},#CLEAR\n{kept},Still titled\n"),
    )
    .unwrap();
    let writes = env.sb.counters().writes_applied;

    let o = env.import(&file, &["--yes"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    for expected in [
        "Warning: Title (dc:title) is required by the metadata form, and these changes leave it \
         empty on 1 asset. Add --empty-required to apply them all the same.",
        "leaves fields the metadata form requires empty: Title (dc:title). Nothing was written.",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in\n{err}");
    }
    assert_eq!(
        env.sb.counters().writes_applied,
        writes,
        "something was written"
    );
    assert_eq!(env.title(cleared), json!("Vines"));
    assert_eq!(env.title(kept), json!("Vines"));

    let o = env.import(&file, &["--yes", "--empty-required"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(env.title(cleared), Value::Null);
    assert_eq!(env.title(kept), json!("Still titled"));
}
