//! Nobody's work is lost, end to end over the classic Assets HTTP API: another user changes
//! assets (through the sandbox's control) between a preview and its apply, after the apply,
//! and between an undo's preview and its apply. The apply reports the change with both
//! values and does not overwrite it, "retry the failed assets" plans it again from the
//! current value, the journal keeps the value each write replaced, and an undo leaves
//! everything changed by someone else since.

// Test helpers panic on unexpected errors, like the tests themselves.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::bulk_support::English;
use metadesk_core::bulk::RunSource;
use metadesk_core::bulk::{
    Action, ChangedSince, ReportRow, ReportStatus, RunControl, RunStatus, runs,
};
use metadesk_core::credentials::ApiFamily;
use metadesk_sandbox::SAMPLE_FOLDER;
use serde_json::{Value, json};

use crate::bulk_support::*;

fn report(dir: &std::path::Path, id: &str) -> Vec<ReportRow> {
    let mut rows = Vec::new();
    runs::report(&dir.join("runs"), id, |r| {
        rows.push(r);
        Ok(())
    })
    .unwrap();
    rows
}

fn rights(sb: &metadesk_sandbox::Sandbox, path: &str) -> Option<Value> {
    metadata(sb, path).get("dc:rights").cloned()
}

#[tokio::test]
async fn a_change_by_someone_else_is_reported_retried_from_its_value_and_never_undone() {
    let sb = sandbox(200).await;
    let dir = tempfile::tempdir().unwrap();
    let runs_dir = dir.path().join("runs");
    let e = engine(classic(&sb), dir.path());
    let p = e
        .plan(
            RunSource::Scope(spec(
                &sb,
                ApiFamily::Classic,
                SAMPLE_FOLDER,
                vec![set("dc:rights", "Ours")],
            )),
            &RunControl::new(),
            &quiet(),
        )
        .await
        .unwrap();
    let planned: Vec<_> = runs::preview_page(&runs_dir, &p.id, Some(Action::Change), 0, 1000)
        .unwrap()
        .rows;
    assert!(planned.len() >= 4, "{:?}", p.counts);
    let (first, later, during_undo) = (
        planned[0].path.clone(),
        planned[1].path.clone(),
        planned[2].path.clone(),
    );
    let seen = planned[0].changes[0].before.clone();

    // 1. Another user changes an asset between the preview and the apply.
    sb.edit_asset(&first, json!({"dc:rights": "Theirs"}))
        .unwrap();
    let s = e.apply(&p.id, &RunControl::new(), &quiet()).await.unwrap();
    assert_eq!(s.status, RunStatus::Completed);
    assert_eq!(
        (s.counts.changed, s.counts.failed),
        (p.counts.pending - 1, 1)
    );
    assert_eq!(
        rights(&sb, &first),
        Some(json!("Theirs")),
        "not overwritten"
    );
    let row = report(dir.path(), &p.id)
        .into_iter()
        .find(|r| r.path == first)
        .unwrap();
    assert_eq!(row.status, ReportStatus::Failed);
    assert_eq!(
        row.changed_since,
        vec![ChangedSince {
            property: "dc:rights".into(),
            preview: seen.clone(),
            now: Some(json!("Theirs")),
        }]
    );
    let reason = row.reason.english().unwrap();
    assert!(
        reason.starts_with("changed since the preview: dc:rights was ")
            && reason.contains(&format!(
                "{} at the preview and is now \"Theirs\"",
                metadesk_core::bulk::reasons::shown(
                    seen.as_ref(),
                    &metadesk_core::i18n::Localizer::english()
                )
            )),
        "{reason}"
    );

    // 2. Retry plans it again from the value now in AEM, and writes it.
    let r = e
        .plan(RunSource::retry(&p.id), &RunControl::new(), &quiet())
        .await
        .unwrap();
    let retry_rows = runs::preview_page(&runs_dir, &r.id, None, 0, 10)
        .unwrap()
        .rows;
    assert_eq!(retry_rows.len(), 1);
    assert_eq!(retry_rows[0].changes[0].before, Some(json!("Theirs")));
    let r = e.apply(&r.id, &RunControl::new(), &quiet()).await.unwrap();
    assert_eq!((r.counts.changed, r.counts.failed), (1, 0));
    assert_eq!(rights(&sb, &first), Some(json!("Ours")));

    // 3. After the run, someone changes another asset: the undo's preview leaves it.
    sb.edit_asset(&later, json!({"dc:rights": "Later"}))
        .unwrap();
    let u = e
        .plan(RunSource::undo(&p.id), &RunControl::new(), &quiet())
        .await
        .unwrap();
    let undo_rows = runs::preview_page(&runs_dir, &u.id, None, 0, 1000)
        .unwrap()
        .rows;
    let skipped = undo_rows.iter().find(|r| r.path == later).unwrap();
    assert_eq!(skipped.action, Action::Skip);
    assert!(
        skipped
            .reason
            .english()
            .as_deref()
            .unwrap()
            .contains("was changed in AEM after run"),
        "{skipped:?}"
    );
    // The asset the run did not write (changed since its preview) is not in its undo.
    assert!(undo_rows.iter().all(|r| r.path != first));

    // 4. Between the undo's preview and its apply, someone changes a third asset.
    sb.edit_asset(&during_undo, json!({"dc:rights": "During the undo"}))
        .unwrap();
    let u = e.apply(&u.id, &RunControl::new(), &quiet()).await.unwrap();
    assert_eq!(u.counts.failed, 1, "{:?}", u.counts);
    assert_eq!(rights(&sb, &later), Some(json!("Later")));
    assert_eq!(rights(&sb, &during_undo), Some(json!("During the undo")));
    let row = report(dir.path(), &u.id)
        .into_iter()
        .find(|r| r.path == during_undo)
        .unwrap();
    assert_eq!(
        row.changed_since,
        vec![ChangedSince {
            property: "dc:rights".into(),
            preview: Some(json!("Ours")),
            now: Some(json!("During the undo")),
        }]
    );
    // Every other asset the run changed is back to what the preview saw.
    for row in planned.iter().skip(3) {
        assert_eq!(
            rights(&sb, &row.path),
            row.changes[0].before,
            "{}",
            row.path
        );
    }

    // 5. The retry's journal holds the value its write replaced (theirs, not the first
    // preview's): its undo gives the colleague's value back.
    let ru = e
        .plan(RunSource::undo(&r.id), &RunControl::new(), &quiet())
        .await
        .unwrap();
    let ru = e.apply(&ru.id, &RunControl::new(), &quiet()).await.unwrap();
    assert_eq!((ru.counts.changed, ru.counts.failed), (1, 0));
    assert_eq!(rights(&sb, &first), Some(json!("Theirs")));
}
