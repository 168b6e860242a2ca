//! Where an edit's assets stand on the website, known before anything changes (issue 53): the
//! preview of an edit (and of its undo, and of a sheet) keeps each asset's publication state on
//! its row, asked with its values in batched queries (a few requests for the folder, not one
//! per asset), counts them, and says how many of its changes are of assets on the website,
//! which a republish publishes.

use metadesk_core::assets::publication::PublicationState;
use metadesk_core::bulk::RunSource;
use metadesk_core::bulk::engine::AssetEdits;
use metadesk_core::bulk::{Action, RunControl, RunKind, RunSummary, runs};
use metadesk_core::credentials::ApiFamily;
use metadesk_sandbox::{SAMPLE_FOLDER, Sandbox};

use crate::bulk_support::*;

/// Where the sandbox says `path` stands: "never", "published" or "unpublished".
fn tier_state(sb: &Sandbox, path: &str) -> &'static str {
    let publication = &sb.asset(path).unwrap()["publication"]["publish"];
    match publication["action"].as_str() {
        None => "never",
        Some("Activate") => "published",
        Some(_) => "unpublished",
    }
}

/// Checks every asset row's state against the sandbox; returns how many rows were assets and
/// how many of those to change are on the website.
fn check_rows(sb: &Sandbox, dir: &std::path::Path, run: &RunSummary) -> (u64, u64) {
    let page = runs::preview_page(&dir.join("runs"), &run.id, None, 0, 100_000).unwrap();
    let (mut assets, mut live_changes) = (0, 0);
    for row in &page.rows {
        // Content fragments are skipped by an asset edit, never asked.
        if row.action == Action::Skip && row.publication.is_none() {
            continue;
        }
        let state = row
            .publication
            .unwrap_or_else(|| panic!("{} has no publication state", row.path));
        let expected = match state {
            PublicationState::NeverPublished => "never",
            PublicationState::Unpublished => "unpublished",
            PublicationState::Modified | PublicationState::UpToDate => "published",
        };
        assert_eq!(tier_state(sb, &row.path), expected, "{}", row.path);
        assets += 1;
        if state.is_published() && row.action == Action::Change {
            live_changes += 1;
        }
    }
    (assets, live_changes)
}

#[tokio::test]
async fn an_edit_preview_says_where_each_asset_stands_and_its_report_what_a_republish_publishes() {
    let sb = sandbox(120).await;
    let dir = tempfile::tempdir().unwrap();
    let engine = engine(classic(&sb), dir.path());
    let control = RunControl::new();
    let edit = spec(
        &sb,
        ApiFamily::Classic,
        SAMPLE_FOLDER,
        vec![set("dc:rights", "Rights seen live")],
    );

    let before = sb.counters().requests_total;
    let preview = engine
        .plan(RunSource::Scope(edit), &control, &quiet())
        .await
        .unwrap();
    let requests = sb.counters().requests_total - before;
    let (assets, live_changes) = check_rows(&sb, dir.path(), &preview);
    assert!(assets > 20, "{assets} asset rows");
    let counts = preview.publication.expect("the preview counts by state");
    assert_eq!(
        counts.never_published + counts.modified + counts.up_to_date + counts.unpublished,
        assets
    );
    assert!(counts.never_published > 0 && counts.modified + counts.up_to_date > 0);
    assert!(live_changes > 0);
    assert_eq!(preview.to_change_on_website, Some(live_changes));
    assert_eq!(preview.changed_on_website, Some(0), "nothing changed yet");
    // The states come a hundred or so a request, with the values' own batched checks: the whole
    // preview (listing, schema, checks, states) stays a handful of requests, nowhere near one an
    // asset.
    assert!(
        requests * 4 < assets,
        "{requests} requests for {assets} assets"
    );

    let applied = engine.apply(&preview.id, &control, &quiet()).await.unwrap();
    assert_eq!(applied.counts.changed, preview.counts.pending);
    assert_eq!(applied.changed_on_website, Some(live_changes));

    // The undo's preview asks again: the same assets go back, as many of them live.
    let undo = engine
        .plan(RunSource::undo(&applied.id), &control, &quiet())
        .await
        .unwrap();
    let (_, undo_live) = check_rows(&sb, dir.path(), &undo);
    assert_eq!(undo_live, live_changes);
    assert_eq!(undo.to_change_on_website, Some(live_changes));
}

/// A sheet's preview says where each asset stands on the website, as an edit's does, from the
/// same lookups that read its rows' values: no state query of its own. Seen failing with the
/// states asked apart ("left: 1, right: 0").
#[tokio::test]
async fn a_sheet_preview_says_where_each_asset_stands_from_its_rows_lookups() {
    let sb = sandbox(120).await;
    let dir = tempfile::tempdir().unwrap();
    let engine = engine(classic(&sb), dir.path());
    let control = RunControl::new();
    let paths = crate::open_folder::assets_under(&sb, SAMPLE_FOLDER, false);
    let rows: Vec<AssetEdits> = paths
        .iter()
        .map(|path| AssetEdits {
            path: path.clone(),
            edits: vec![set("dc:rights", "From the sheet")],
            exported_modified: None,
            exported_codes: None,
        })
        .collect();
    let mut sheet = spec(&sb, ApiFamily::Classic, SAMPLE_FOLDER, Vec::new());
    sheet.kind = RunKind::Sheet {
        file: "rights.csv".into(),
    };
    let before = sb.counters();
    let preview = engine
        .plan(RunSource::Sheet(sheet, rows), &control, &quiet())
        .await
        .unwrap();
    let after = sb.counters();
    let (assets, live_changes) = check_rows(&sb, dir.path(), &preview);
    assert_eq!(assets, paths.len() as u64, "every row has its state");
    assert_eq!(preview.to_change_on_website, Some(live_changes));
    let state_queries = |c: &metadesk_sandbox::Counters| c.by_kind.get("state query").copied();
    assert_eq!(
        state_queries(&after).unwrap_or(0) - state_queries(&before).unwrap_or(0),
        0,
        "{:?}",
        after.by_kind
    );
}

#[tokio::test]
async fn a_publish_preview_asks_no_more_than_before() {
    // A publish run asks the states itself: the edit's question is not asked again.
    let sb = sandbox(40).await;
    let dir = tempfile::tempdir().unwrap();
    let engine = engine(classic(&sb), dir.path());
    let control = RunControl::new();
    let publish = metadesk_core::bulk::RunSpec {
        kind: metadesk_core::bulk::RunKind::Publish {
            replication: metadesk_core::bulk::Replication::Publish,
            agent: metadesk_core::bulk::Agent::Publish,
            from: None,
        },
        ..spec(&sb, ApiFamily::Classic, SAMPLE_FOLDER, Vec::new())
    };
    let preview = engine
        .plan(RunSource::Scope(publish), &control, &quiet())
        .await
        .unwrap();
    assert!(preview.publication.is_some());
    assert_eq!(preview.to_change_on_website, None);
    assert_eq!(preview.changed_on_website, None);
}
