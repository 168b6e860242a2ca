//! The bulk engine over the OpenAPI Assets Author API (OAuth S2S): asset ids from `jcr:uuid`,
//! JSON Patch with `If-Match`, and a 412 for an asset changed between preview and apply, reported
//! with both values.

// Test helpers panic on unexpected errors, like the tests themselves.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::bulk_support::English;
use metadesk_core::bulk::RunSource;
use metadesk_core::bulk::{
    Action, ChangedSince, Edit, EditOp, ReportStatus, RunControl, RunStatus, runs,
};
use metadesk_core::credentials::ApiFamily;
use metadesk_sandbox::SAMPLE_FOLDER;
use serde_json::json;

use crate::bulk_support::*;

#[tokio::test]
async fn openapi_patches_with_etags_and_reports_a_412() {
    let sb = sandbox(200).await;
    let dir = tempfile::tempdir().unwrap();
    let e = engine(openapi(&sb).await, dir.path());
    let edits = vec![
        set("dc:rights", "S2S rights"),
        Edit {
            property: "dc:subject".into(),
            op: EditOp::Append {
                values: values(&["s2s"]),
            },
        },
    ];
    let p = e
        .plan(
            RunSource::Scope(spec(&sb, ApiFamily::OpenApi, SAMPLE_FOLDER, edits)),
            &RunControl::new(),
            &quiet(),
        )
        .await
        .unwrap();
    let rows = runs::preview_page(&dir.path().join("runs"), &p.id, None, 0, 1000)
        .unwrap()
        .rows;
    let planned: Vec<_> = rows.iter().filter(|r| r.action == Action::Change).collect();
    assert!(planned.iter().all(|r| {
        r.id.as_deref()
            .is_some_and(|id| id.starts_with("urn:aaid:aem:"))
            && r.etag.is_some()
    }));
    // Someone else edits one asset after the preview.
    let victim = &planned[1].path;
    let other = classic(&sb);
    let asset = metadesk_core::assets::AssetRef {
        path: victim.clone(),
        id: None,
    };
    use metadesk_core::assets::AssetsApi;
    other
        .write(
            &asset,
            &[metadesk_core::assets::Write {
                property: "dc:rights".into(),
                value: Some(json!("theirs")),
            }],
            None,
        )
        .await
        .unwrap();
    let s = e.apply(&p.id, &RunControl::new(), &quiet()).await.unwrap();
    assert_eq!(s.status, RunStatus::Completed);
    assert_eq!(
        (s.counts.changed, s.counts.failed),
        (p.counts.pending - 1, 1)
    );
    assert_eq!(
        metadata(&sb, victim)["dc:rights"],
        "theirs",
        "not overwritten"
    );
    assert_eq!(sb.counters().count("PATCH", 412), 1);
    let mut failed = Vec::new();
    runs::report(&dir.path().join("runs"), &p.id, |r| {
        if r.status == ReportStatus::Failed {
            failed.push(r);
        }
        Ok(())
    })
    .unwrap();
    assert_eq!(failed.len(), 1);
    // Reported with both values: the one the preview saw and the one in AEM now.
    let seen = planned[1]
        .changes
        .iter()
        .find(|c| c.property == "dc:rights")
        .unwrap()
        .before
        .clone();
    assert_eq!(
        failed[0].changed_since,
        vec![ChangedSince {
            property: "dc:rights".into(),
            preview: seen,
            now: Some(json!("theirs")),
        }]
    );
    assert!(
        failed[0]
            .reason
            .english()
            .as_deref()
            .unwrap()
            .contains("changed since the preview"),
        "{failed:?}"
    );
    for row in planned.iter().filter(|r| &r.path != victim) {
        let md = metadata(&sb, &row.path);
        assert_eq!(md["dc:rights"], "S2S rights");
        assert!(md["dc:subject"].as_array().unwrap().contains(&json!("s2s")));
    }
}
