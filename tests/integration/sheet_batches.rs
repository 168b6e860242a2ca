//! A sheet import at bulk-edit speed (issue 49), through the core's use case as the window and
//! the CLI run it (`Workspace::import_sheet`, then `Workspace::apply`) against the sandbox: a
//! sheet over several folders is checked and written in batches, in few requests a row, and
//! keeps every guarantee of a sheet: a row whose asset changed since the export is flagged and
//! not written, a value a colleague changes between the preview and the apply is reported with
//! both values and kept, an empty cell changes nothing, several values in a cell land as a list.

use std::collections::BTreeSet;

use metadesk_core::app::{Opened, Workspace};
use metadesk_core::assets::fingerprint::ExportedCodes;
use metadesk_core::assets::{AssetRef, AssetsApi, DAM_ROOT};
use metadesk_core::bulk::{ReportStatus, RunStatus, runs};
use serde_json::{Value, json};

use crate::bulk_support::{classic, metadata, opened_workspace, quiet, sandbox};
use crate::open_folder::assets_under;

/// The sandbox's development token imported into a workspace in `dir`, opened.
async fn opened(sb: &metadesk_sandbox::Sandbox, dir: &std::path::Path) -> (Workspace, Opened) {
    opened_workspace(sb, &sb.credentials().dev_token_json, dir).await
}

/// Row `i`'s keywords: none (an empty cell) on every fifth row, else 1 to 3 values.
fn keywords(i: usize) -> Option<Vec<String>> {
    (!i.is_multiple_of(5)).then(|| (0..1 + i % 3).map(|k| format!("kw{}", i + k)).collect())
}

/// A sheet of every asset (several folders) with a new title on each row but the second
/// (whose Title cell is empty) and keywords on most: imported and applied, it is written in
/// batches at ≤ 0.15 requests a row, the whole use case counted (the sheet's checks against
/// each folder's metadata schema included). A row whose asset was retitled after the export is
/// flagged and not written; a title a colleague sets between the preview and the apply is
/// reported with both values and kept; empty cells change nothing; keywords land as lists.
/// Seen failing before the fix: 81 requests for 384 rows, 0.211 a row (each folder's schema read walking
/// every ancestor again). The sheet is the issue's size (1,200 rows): since previews also read
/// where their assets stand on the website, 384 rows took 0.156 a row, 1,200 take 0.136.
#[tokio::test(flavor = "multi_thread")]
async fn a_sheet_over_several_folders_is_written_in_batches_and_keeps_its_guarantees() {
    let sb = sandbox(1250).await;
    let home = tempfile::tempdir().unwrap();
    let (ws, opened) = opened(&sb, home.path()).await;
    let paths: Vec<String> = assets_under(&sb, DAM_ROOT, true).into_iter().collect();
    let folders: BTreeSet<&str> = paths
        .iter()
        .map(|p| p.rsplit_once('/').unwrap().0)
        .collect();
    assert!(folders.len() >= 5, "several folders: {folders:?}");
    let aem = classic(&sb);
    let mut sheet = String::from(
        "Path (key),Last modified (do not change),Title (dc:title),Keywords (dc:subject) — values separated by |,Values when exported (do not change)\n",
    );
    for (i, path) in paths.iter().enumerate() {
        let asset = AssetRef {
            path: path.clone(),
            id: None,
        };
        let modified = aem.last_modified(&asset).await.unwrap().unwrap();
        let now = metadata(&sb, path);
        let codes = ExportedCodes::of(
            ["dc:title", "dc:subject"]
                .into_iter()
                .map(|p| (p, now.get(p))),
        );
        let title = if i == 1 {
            String::new()
        } else {
            format!("Sheet title {i}")
        };
        let kw = keywords(i).map(|k| k.join("|")).unwrap_or_default();
        sheet += &format!("{path},{modified},{title},{kw},{}\n", codes.text());
    }
    let (exported_since, colleague) = (paths[3].clone(), paths[7].clone());
    // After the export, and before the import: someone retitles one asset.
    assert!(sb.write_metadata(
        &exported_since,
        vec![("dc:title".into(), Some(json!("Retitled after the export")))]
    ));
    let before: Vec<_> = paths.iter().map(|p| metadata(&sb, p)).collect();

    let start = sb.counters();
    let import = ws
        .import_sheet(&opened, "shots.csv", sheet.into_bytes(), false, &quiet())
        .await
        .unwrap();
    let run = import.run.clone().expect("the sheet is planned");
    assert!(
        import
            .issues
            .iter()
            .any(|i| i.message.contains(&exported_since)
                && i.message.contains("after the sheet was exported")),
        "{:?}",
        import.issues
    );
    // Between the preview and the apply, a colleague retitles another.
    assert!(sb.write_metadata(
        &colleague,
        vec![("dc:title".into(), Some(json!("Their title")))]
    ));
    let applied = ws.apply(&opened, &run.id, None, &quiet()).await.unwrap();
    let end = sb.counters();
    assert_eq!(applied.status, RunStatus::Completed);
    assert_eq!(
        (applied.counts.changed, applied.counts.failed),
        (paths.len() as u64 - 2, 1),
        "{:?}",
        applied.counts
    );

    let requests = end.requests_total - start.requests_total;
    let per_row = requests as f64 / paths.len() as f64;
    assert!(
        per_row <= 0.15,
        "{requests} requests for {} rows ({per_row:.3} a row)",
        paths.len()
    );
    assert!(
        end.batch_writes - start.batch_writes >= 2,
        "written in batches: {} batch POSTs",
        end.batch_writes - start.batch_writes
    );

    let title = |p: &str| metadata(&sb, p).get("dc:title").cloned();
    assert_eq!(
        title(&exported_since),
        Some(json!("Retitled after the export"))
    );
    assert_eq!(title(&colleague), Some(json!("Their title")), "kept");
    let mut report = Vec::new();
    runs::report(&ws.runs_dir(), &run.id, |r| {
        report.push(r);
        Ok(())
    })
    .unwrap();
    let row = report.iter().find(|r| r.path == colleague).unwrap();
    assert_eq!(row.status, ReportStatus::Failed);
    assert_eq!(row.changed_since[0].now, Some(json!("Their title")));
    assert_eq!(
        row.changed_since[0].preview,
        before[7].get("dc:title").cloned()
    );
    for (i, path) in paths.iter().enumerate() {
        if *path == exported_since || *path == colleague {
            continue;
        }
        let now = metadata(&sb, path);
        let wanted_title = if i == 1 {
            before[i].get("dc:title").cloned()
        } else {
            Some(json!(format!("Sheet title {i}")))
        };
        assert_eq!(now.get("dc:title").cloned(), wanted_title, "{path}");
        let wanted_keywords = match keywords(i) {
            Some(k) => Some(Value::from(k)),
            None => before[i].get("dc:subject").cloned(),
        };
        assert_eq!(now.get("dc:subject").cloned(), wanted_keywords, "{path}");
    }
}
