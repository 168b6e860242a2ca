//! Issue 63, items 5 and 7, through `metadesk-cli` against the sandbox: the taxonomy's
//! workbook round trip is exact for values a spreadsheet would run as formulas (`.xlsx`,
//! `.csv`, `.ods` as LibreOffice saves it, and an older export's `'` guard); a tag id or a tag
//! property that would reach another node (`..`, `.`, empty segments, `:operation`) is refused
//! in words on the command line and in a sheet, nothing written.

use metadesk_core::sheets::testing::{ods, text};

use crate::tags_cli::{Env, err, out};

/// Requests that may change the taxonomy (tag commands, Sling POSTs to tags) answered so far.
fn taxonomy_requests(env: &Env) -> u64 {
    let kinds = env.sb.counters().by_kind;
    ["tag command", "taxonomy post"]
        .iter()
        .map(|k| kinds.get(*k).copied().unwrap_or(0))
        .sum()
}

/// Imports `file` with `--yes`: it says it changes nothing, and sends no write.
fn imports_as_nothing_to_change(env: &Env, file: &std::path::Path) {
    let sent = taxonomy_requests(env);
    let o = env.run(&["tags", "import", file.to_str().unwrap(), "--yes"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(out(&o).contains("changes nothing"), "{}", out(&o));
    assert_eq!(taxonomy_requests(env), sent, "nothing sent for {file:?}");
}

/// Values a spreadsheet would run as formulas, exported and imported unchanged, change
/// nothing in AEM, in every format. Seen failing before the workbook rule: the `.xlsx` import
/// wrote `'-30% off in July` and `'=Été` to AEM.
#[tokio::test(flavor = "multi_thread")]
async fn formula_looking_values_survive_the_workbook_round_trip_in_every_format() {
    let env = Env::new().await;
    env.colleague_sets(
        "wknd-shared/season/summer",
        &[
            ("jcr:description", "-30% off in July"),
            ("jcr:title.fr", "=Été"),
            ("jcr:title", "@summer"),
        ],
    )
    .await;
    env.colleague_sets(
        "wknd-shared/season/winter",
        &[("jcr:description", "'=typed with its quote")],
    )
    .await;
    let before = env.taxonomy().await;
    for name in ["t.xlsx", "t.csv"] {
        let file = env.dir.path().join(name);
        let o = env.run(&["tags", "export", "--out", file.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(0), "{}", err(&o));
        imports_as_nothing_to_change(&env, &file);
        assert_eq!(env.taxonomy().await, before, "{name}");
    }
    // The workbook saved from LibreOffice: each cell the text it shows; and an older export's
    // guard (`'` in the cell) read back without it.
    let header = || {
        vec![
            text("Tag ID"),
            text("Title"),
            text("Title (fr)"),
            text("Description"),
        ]
    };
    for (name, title, fr, description) in [
        ("lo.ods", "@summer", "=Été", "-30% off in July"),
        ("older.ods", "'@summer", "'=Été", "'-30% off in July"),
    ] {
        let file = env.dir.path().join(name);
        let book = ods(&[
            header(),
            vec![
                text("wknd-shared:season/summer"),
                text(title),
                text(fr),
                text(description),
            ],
            vec![
                text("wknd-shared:season/winter"),
                text("Winter"),
                text(""),
                text("''=typed with its quote"),
            ],
        ]);
        std::fs::write(&file, book).unwrap();
        imports_as_nothing_to_change(&env, &file);
        assert_eq!(env.taxonomy().await, before, "{name}");
    }
}

/// A tag id with a `.` or `..` part, on the command line, is refused in words naming it and
/// why, before any asset or tag is written: the tag changed, and the tag it goes to (a move's
/// new id need not exist, so nothing else stopped it). Seen failing before `tag_names`: the
/// move to `wknd-shared:season/../../x` rewrote the assets' `cq:tags` to that id, and only then
/// did AEM's tag servlet refuse it.
#[tokio::test(flavor = "multi_thread")]
async fn a_tag_id_that_would_reach_another_node_is_refused_on_the_command_line() {
    let env = Env::new().await;
    let before = env.taxonomy().await;
    let under = ["--under", "/content/dam", "--yes"];
    for (args, id) in [
        (
            vec![
                "tags",
                "move",
                "wknd-shared:season/summer",
                "--to",
                "wknd-shared:season/../../x",
            ],
            "wknd-shared:season/../../x",
        ),
        (
            vec![
                "tags",
                "move",
                "wknd-shared:season/../season/summer",
                "--to",
                "wknd-shared:x",
            ],
            "wknd-shared:season/../season/summer",
        ),
        (
            vec![
                "tags",
                "merge",
                "wknd-shared:season/summer",
                "--into",
                "wknd-shared:./season/winter",
            ],
            "wknd-shared:./season/winter",
        ),
        (
            vec!["tags", "delete", "wknd-shared:season/summer/.."],
            "wknd-shared:season/summer/..",
        ),
    ] {
        let o = env.run(&[&args[..], &under[..]].concat());
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", out(&o));
        let said = err(&o);
        assert!(
            said.contains(&format!(
                "“{id}” is not a tag id: one of its parts is “.” or “..”"
            )),
            "{args:?}: {said}"
        );
    }
    assert_eq!(env.taxonomy().await, before);
    assert_eq!(env.sb.counters().writes_applied, 0, "no asset written");
    assert_eq!(taxonomy_requests(&env), 0, "no tag command");
}

/// A taxonomy sheet whose row names a tag with a `..` part, or whose header names a property
/// Metadesk does not write (`:operation`, a title in no language), is refused naming the row or
/// the column and why, nothing written. Seen failing before `tag_names`: the headers were
/// skipped without a word (the import said it changed nothing) and the row was refused for
/// its missing parent, not for its `..`.
#[tokio::test(flavor = "multi_thread")]
async fn a_sheet_row_or_header_that_would_reach_another_node_is_refused() {
    let env = Env::new().await;
    let before = env.taxonomy().await;
    for (name, csv, said) in [
        (
            "operation.csv",
            "Tag ID,:operation\nwknd-shared:season/summer,delete\n",
            "operation.csv, column “:operation”: “:operation” is not a tag property Metadesk writes",
        ),
        (
            "row.csv",
            "Tag ID,Title\nwknd-shared:season/summer,Summer\nwknd-shared:season/../x,X\n",
            "Row 3: “wknd-shared:season/../x” is not a tag id: one of its parts is “.” or “..”",
        ),
        (
            "language.csv",
            "Tag ID,Title (fr/..)\nwknd-shared:season/summer,x\n",
            "“fr/..” is not a language code",
        ),
    ] {
        let file = env.dir.path().join(name);
        std::fs::write(&file, csv).unwrap();
        let o = env.run(&["tags", "import", file.to_str().unwrap(), "--yes"]);
        assert_eq!(o.status.code(), Some(2), "{name}: {}", out(&o));
        assert!(err(&o).contains(said), "{name}: {}", err(&o));
        assert!(
            err(&o).contains("Nothing was changed."),
            "{name}: {}",
            err(&o)
        );
    }
    assert_eq!(env.taxonomy().await, before);
    assert_eq!(taxonomy_requests(&env), 0, "nothing sent");
}
