//! Writes never overwrite a value changed after the preview without saying so: each asset is
//! checked just before its write, one changed since is reported with both values and planned
//! again by "retry the failed assets", the journal keeps the value the write replaced, and an
//! undo leaves other people's later changes.

use super::*;
use crate::RunSource;
use crate::reasons::English;

fn clear(p: &str) -> Edit {
    Edit {
        property: p.into(),
        op: EditOp::Clear,
    }
}

fn writing_originals(dir: &std::path::Path, id: &str) -> Vec<serde_json::Map<String, Value>> {
    read_records(&journal_path(&dir.join("runs"), id))
        .unwrap()
        .filter_map(|r| match r.unwrap() {
            Record::Writing { original, .. } => Some(original),
            _ => None,
        })
        .collect()
}

use serde_json::Value;

/// Classic Set and Clear (which do not depend on the current value) are checked too: the
/// classic PUT has no If-Match, so only a fresh read stands between a colleague's change and
/// its loss.
#[tokio::test]
async fn classic_set_and_clear_leave_a_value_changed_since_the_preview_and_retry_replans_it() {
    for edit in [set("dc:rights", "new"), clear("dc:rights")] {
        let fake = Fake::new(ApiFamily::Classic);
        fake.seed(F, 4, |_| json!({"dc:rights": "old"}));
        let dir = tempfile::tempdir().unwrap();
        let e = engine(fake.clone(), dir.path());
        let p = e
            .plan(
                RunSource::Scope(spec(ApiFamily::Classic, vec![edit.clone()])),
                &RunControl::new(),
                &no_progress(),
            )
            .await
            .unwrap();
        assert_eq!(p.counts.pending, 4);
        // Someone else edits one asset between the preview and the apply.
        let theirs = format!("{F}/a002.jpg");
        fake.set(&theirs, "dc:rights", json!("theirs"));
        let s = e
            .apply(&p.id, &RunControl::new(), &no_progress())
            .await
            .unwrap();
        assert_eq!((s.counts.changed, s.counts.failed), (3, 1), "{edit:?}");
        assert_eq!(fake.get(&theirs)["dc:rights"], "theirs", "not overwritten");
        assert!(!fake.writes.lock().unwrap().contains_key(&theirs));
        let rows = report_rows(dir.path(), &p.id);
        let row = rows.iter().find(|r| r.path == theirs).unwrap();
        assert_eq!(row.status, ReportStatus::Failed);
        assert_eq!(
            row.changed_since,
            vec![ChangedSince {
                property: "dc:rights".into(),
                preview: Some(json!("old")),
                now: Some(json!("theirs")),
            }]
        );
        let reason = row.reason.english().unwrap();
        assert!(
            reason.contains("changed since the preview")
                && reason.contains("\"old\" at the preview")
                && reason.contains("is now \"theirs\""),
            "{reason}"
        );
        // The other rows are not marked.
        assert!(
            rows.iter()
                .filter(|r| r.path != theirs)
                .all(|r| r.changed_since.is_empty())
        );
        // Retry plans it again from the value now in AEM, and then writes it.
        let r = e
            .plan(RunSource::retry(&p.id), &RunControl::new(), &no_progress())
            .await
            .unwrap();
        let planned = runs::preview_page(&dir.path().join("runs"), &r.id, None, 0, 10)
            .unwrap()
            .rows;
        assert_eq!(planned.len(), 1);
        assert_eq!(planned[0].path, theirs);
        assert_eq!(planned[0].changes[0].before, Some(json!("theirs")));
        let r = e
            .apply(&r.id, &RunControl::new(), &no_progress())
            .await
            .unwrap();
        assert_eq!((r.counts.changed, r.counts.failed), (1, 0));
        assert_eq!(
            fake.get(&theirs).get("dc:rights"),
            planned[0].changes[0].after.as_ref()
        );
        // Its journal's original is the value it replaced: theirs, so an undo gives it back.
        assert_eq!(
            writing_originals(dir.path(), &r.id),
            vec![json!({"dc:rights": "theirs"}).as_object().unwrap().clone()]
        );
    }
}

/// The journal's original is the value a write replaced, not the preview's `before`: here a
/// colleague set one of two edited properties to the planned value after the preview. The
/// write goes ahead (nothing of theirs is lost), and the undo leaves their value.
#[tokio::test]
async fn the_journal_keeps_the_value_replaced_and_undo_leaves_a_colleagues_value() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(
        F,
        2,
        |_| json!({"dc:rights": "old", "dc:title": "Old title"}),
    );
    let dir = tempfile::tempdir().unwrap();
    let e = engine(fake.clone(), dir.path());
    let p = e
        .plan(
            RunSource::Scope(spec(
                ApiFamily::Classic,
                vec![set("dc:rights", "R"), set("dc:title", "T")],
            )),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    let theirs = format!("{F}/a001.jpg");
    fake.set(&theirs, "dc:rights", json!("R"));
    let s = e
        .apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!((s.counts.changed, s.counts.failed), (2, 0));
    let originals = writing_originals(dir.path(), &p.id);
    assert!(
        originals.contains(
            json!({"dc:rights": "R", "dc:title": "Old title"})
                .as_object()
                .unwrap()
        ),
        "{originals:?}"
    );
    let u = e
        .plan(RunSource::undo(&p.id), &RunControl::new(), &no_progress())
        .await
        .unwrap();
    e.apply(&u.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!(fake.get(&format!("{F}/a000.jpg"))["dc:rights"], "old");
    assert_eq!(fake.get(&theirs)["dc:title"], "Old title");
    assert_eq!(
        fake.get(&theirs)["dc:rights"],
        "R",
        "the colleague's value stays"
    );
}

/// Between the undo's preview and its apply, someone changes a value the run wrote: the undo
/// leaves it and says so with both values.
#[tokio::test]
async fn undo_apply_leaves_a_value_changed_after_its_preview() {
    for family in [ApiFamily::Classic, ApiFamily::OpenApi] {
        let fake = Fake::new(family);
        fake.seed(F, 3, |_| json!({"dc:rights": "old"}));
        let dir = tempfile::tempdir().unwrap();
        let e = engine(fake.clone(), dir.path());
        let run = applied_set(&e, family).await;
        let u = e
            .plan(RunSource::undo(&run), &RunControl::new(), &no_progress())
            .await
            .unwrap();
        assert_eq!(u.counts.pending, 3);
        let theirs = format!("{F}/a000.jpg");
        fake.set(&theirs, "dc:rights", json!("later"));
        let s = e
            .apply(&u.id, &RunControl::new(), &no_progress())
            .await
            .unwrap();
        assert_eq!((s.counts.changed, s.counts.failed), (2, 1), "{family:?}");
        assert_eq!(fake.get(&theirs)["dc:rights"], "later", "{family:?}");
        let row = report_rows(dir.path(), &u.id)
            .into_iter()
            .find(|r| r.path == theirs)
            .unwrap();
        assert_eq!(
            row.changed_since,
            vec![ChangedSince {
                property: "dc:rights".into(),
                preview: Some(json!("new")),
                now: Some(json!("later")),
            }],
            "{family:?}"
        );
    }
}

/// OpenAPI: the preview's ETag goes as If-Match. A 412 caused by another property (the ETag
/// covers all metadata) is no reason to fail: the edited ones still hold what the preview saw,
/// so the write is sent again against the new ETag. One caused by an edited property is
/// reported with both values.
#[tokio::test]
async fn openapi_412_reports_both_values_or_writes_again_when_only_other_properties_changed() {
    let fake = Fake::new(ApiFamily::OpenApi);
    fake.seed(F, 3, |_| json!({"dc:rights": "old", "dc:title": "t"}));
    let dir = tempfile::tempdir().unwrap();
    let e = engine(fake.clone(), dir.path());
    let p = e
        .plan(
            RunSource::Scope(spec(ApiFamily::OpenApi, vec![set("dc:rights", "new")])),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    let other_property = format!("{F}/a000.jpg");
    let same_property = format!("{F}/a001.jpg");
    fake.set(&other_property, "dc:title", json!("retitled"));
    fake.set(&same_property, "dc:rights", json!("theirs"));
    let s = e
        .apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!((s.counts.changed, s.counts.failed), (2, 1));
    assert_eq!(fake.get(&other_property)["dc:rights"], "new");
    assert_eq!(fake.get(&other_property)["dc:title"], "retitled");
    assert_eq!(fake.get(&same_property)["dc:rights"], "theirs");
    let row = report_rows(dir.path(), &p.id)
        .into_iter()
        .find(|r| r.path == same_property)
        .unwrap();
    assert_eq!(
        row.changed_since,
        vec![ChangedSince {
            property: "dc:rights".into(),
            preview: Some(json!("old")),
            now: Some(json!("theirs")),
        }]
    );
}
