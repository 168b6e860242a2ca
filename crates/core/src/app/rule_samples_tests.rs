//! The edit rows' live sample against the sandbox over HTTP: the first assets of a folder, a
//! search and a list, read once per scope (no request while rules change), each edit computed
//! as the preview does, a refused rule answered in its words, a per-asset reason, and a sample
//! read again after an apply.

use crate::app::PreviewRequest;
use serde_json::json;

use super::*;
use metadesk_base::i18n::Lang;
use metadesk_bulk::{Combine, Condition, EditOp, Progress, RunScope, ScopeFilters, ScopeSource};
use metadesk_sandbox::{SAMPLE_FOLDER, Sandbox};

async fn with_connection() -> (tempfile::TempDir, Workspace, Opened, Sandbox) {
    crate::app::test_support::sandboxed_workspace(12).await
}

fn replace(find: &str, with: &str, regex: bool) -> Edit {
    Edit {
        property: "dc:title".into(),
        op: EditOp::Replace {
            find: find.into(),
            replace: with.into(),
            regex,
            ignore_case: false,
            whole_word: false,
        },
    }
}

/// The first `n` asset paths of the sample folder, in the listing's order.
async fn first_paths(ws: &Workspace, opened: &Opened, n: usize) -> Vec<String> {
    let listed = ws.folder_assets(opened, SAMPLE_FOLDER).await.unwrap();
    listed.assets.into_iter().take(n).map(|a| a.path).collect()
}

fn titled(sb: &Sandbox, path: &str, title: &str) {
    assert!(sb.write_metadata(path, vec![("dc:title".into(), Some(json!(title)))]));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_folders_first_assets_are_read_once_and_every_rule_computed_on_them() {
    let (_d, ws, opened, sb) = with_connection().await;
    let paths = first_paths(&ws, &opened, 2).await;
    titled(&sb, &paths[0], "WKND Surf");
    titled(&sb, &paths[1], "WKND Skate");
    let folder = ScopeFilters::default();

    let first = ws
        .rule_sample(
            &opened,
            &RunScope::checked(SAMPLE_FOLDER, folder.clone()).unwrap(),
            vec![replace("WKND (\\w+)", "$1 by WKND", true)],
        )
        .await
        .unwrap();
    assert_eq!(first.assets.len(), SAMPLE_SIZE, "the first five assets");
    assert_eq!(first.refused, vec![None]);
    let row = &first.assets[0];
    assert_eq!(row.path, paths[0]);
    assert_eq!(row.name, paths[0].rsplit('/').next().unwrap());
    assert_eq!(row.changes[0].before, Some(json!("WKND Surf")));
    assert_eq!(row.changes[0].after, Some(json!("Surf by WKND")));
    assert_eq!(
        first.assets[1].changes[0].after,
        Some(json!("Skate by WKND"))
    );

    // Typing on: the rules change, the scope does not; AEM is not asked again.
    let before = sb.counters().requests_total;
    let template = Edit {
        property: "dc:description".into(),
        op: EditOp::Template {
            template: "{dc:title} — {name} ({xmp:Nothing})".into(),
        },
    };
    let mut again = ws
        .rule_sample(
            &opened,
            &RunScope::checked(SAMPLE_FOLDER, folder.clone()).unwrap(),
            vec![
                replace("WKND (\\w+", "x", true),
                replace("Surf", "Sea", false),
                template,
            ],
        )
        .await
        .unwrap();
    assert_eq!(sb.counters().requests_total, before, "kept: no request");
    // The bad pattern answers its words, the others compute.
    let en = metadesk_base::i18n::Localizer::english();
    again.localize(&en);
    let refused = serde_json::to_value(&again.refused).unwrap();
    let words = refused[0].as_str().unwrap();
    assert!(
        words.contains("is not a valid regular expression") && words.contains("(at character 6)"),
        "{words}"
    );
    assert!(refused[1].is_null() && refused[2].is_null());
    let row = &again.assets[0];
    assert_eq!(row.changes.len(), 2);
    assert_eq!(row.changes[0].after, Some(json!("WKND Sea")));
    // A template naming a property the asset lacks: that asset's reason, its value kept.
    let change = serde_json::to_value(&row.changes[1]).unwrap();
    assert_eq!(change["after"], change["before"]);
    assert!(
        change["reason"].as_str().unwrap().contains("xmp:Nothing"),
        "{change}"
    );

    // In French, the same reason in French.
    let mut fr = ws
        .rule_sample(
            &opened,
            &RunScope::checked(SAMPLE_FOLDER, folder.clone()).unwrap(),
            vec![replace("WKND (\\w+", "x", true)],
        )
        .await
        .unwrap();
    fr.localize(&metadesk_base::i18n::Localizer::new(Lang::Fr));
    let words = serde_json::to_value(&fr.refused).unwrap()[0]
        .as_str()
        .unwrap()
        .to_owned();
    metadesk_base::i18n::checks::assert_reads_french(&words);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_search_and_a_list_give_their_own_first_assets() {
    let (_d, ws, opened, sb) = with_connection().await;
    let paths = first_paths(&ws, &opened, 4).await;
    titled(&sb, &paths[2], "Only this one");
    let search = ScopeFilters {
        selection: Some(ScopeSource::Search {
            conditions: vec![Condition::Equals {
                property: "dc:title".into(),
                value: "Only this one".into(),
            }],
            combine: Combine::All,
        }),
        ..ScopeFilters::default()
    };
    let found = ws
        .rule_sample(
            &opened,
            &RunScope::checked(SAMPLE_FOLDER, search.clone()).unwrap(),
            vec![replace("one", "asset", false)],
        )
        .await
        .unwrap();
    assert_eq!(found.assets.len(), 1);
    assert_eq!(found.assets[0].path, paths[2]);
    assert_eq!(
        found.assets[0].changes[0].after,
        Some(json!("Only this asset"))
    );

    // A list: its entries in its order (a missing one left out), whatever the folder says.
    let list = ScopeFilters {
        selection: Some(ScopeSource::List {
            entries: vec![
                paths[3].clone(),
                format!("{SAMPLE_FOLDER}/no-such-asset.jpg"),
                paths[1].clone(),
            ],
        }),
        ..ScopeFilters::default()
    };
    let listed = ws
        .rule_sample(
            &opened,
            &RunScope::checked(metadesk_assets::DAM_ROOT, list.clone()).unwrap(),
            vec![replace("a", "b", false)],
        )
        .await
        .unwrap();
    let got: Vec<&str> = listed.assets.iter().map(|a| a.path.as_str()).collect();
    // A content fragment among them is left out, as the run's preview skips it.
    let edited: Vec<&str> = [&paths[3], &paths[1]]
        .into_iter()
        .filter(|p| sb.asset(p).unwrap()["contentFragment"] == false)
        .map(String::as_str)
        .collect();
    assert_eq!(got, edited);

    // A folder that does not exist is an error in words, not an empty sample.
    let err = ws
        .rule_sample(
            &opened,
            &RunScope::checked("/content/dam/no-such-folder", ScopeFilters::default()).unwrap(),
            vec![replace("a", "b", false)],
        )
        .await
        .unwrap_err();
    assert!(err.to_string().contains("no-such-folder"), "{err}");
}

#[tokio::test(flavor = "multi_thread")]
async fn after_an_apply_the_sample_is_read_again() {
    let (_d, ws, opened, sb) = with_connection().await;
    let paths = first_paths(&ws, &opened, 1).await;
    titled(&sb, &paths[0], "WKND Surf");
    let edits = vec![replace("WKND", "Wknd", false)];
    let folder = ScopeFilters::default();
    let first = ws
        .rule_sample(
            &opened,
            &RunScope::checked(SAMPLE_FOLDER, folder.clone()).unwrap(),
            edits.clone(),
        )
        .await
        .unwrap();
    assert_eq!(first.assets[0].changes[0].after, Some(json!("Wknd Surf")));

    let quiet = |_: Progress| {};
    let run = ws
        .preview(
            &opened,
            PreviewRequest::Edit {
                scope: RunScope::checked(SAMPLE_FOLDER, folder.clone()).unwrap(),
                edits: edits.clone(),
            },
            &quiet,
        )
        .await
        .unwrap();
    ws.apply(&opened, &run.id, None, &quiet).await.unwrap();

    let after = ws
        .rule_sample(
            &opened,
            &RunScope::checked(SAMPLE_FOLDER, folder.clone()).unwrap(),
            edits,
        )
        .await
        .unwrap();
    let change = &after.assets[0].changes[0];
    assert_eq!(
        change.before,
        Some(json!("Wknd Surf")),
        "the values now, not the kept ones"
    );
    assert_eq!(change.after, change.before);
}
