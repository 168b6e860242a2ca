//! Edits that compute (issue 30) through the engine: previewed per asset, applied, undone,
//! retried, with a per-asset reason where a rule cannot compute; on both API families.

use super::*;
use crate::RunSource;
use crate::reasons::English;
use metadesk_base::i18n::Localizer;
use proptest::prelude::*;

fn edit(property: &str, op: EditOp) -> Edit {
    Edit {
        property: property.into(),
        op,
    }
}

fn regex_replace(find: &str, replace: &str) -> EditOp {
    EditOp::Replace {
        find: find.into(),
        replace: replace.into(),
        regex: true,
        ignore_case: false,
        whole_word: false,
    }
}

fn preview_rows(dir: &std::path::Path, id: &str) -> Vec<PlanRow> {
    runs::preview_page(&dir.join("runs"), id, None, 0, 1000)
        .unwrap()
        .rows
}

#[tokio::test]
async fn a_regex_replace_is_previewed_applied_and_undone_on_both_families() {
    for family in [ApiFamily::Classic, ApiFamily::OpenApi] {
        let fake = Fake::new(family);
        fake.seed(F, 4, |k| match k {
            0 => json!({"dc:title": "WKND Surf"}),
            1 => json!({"dc:title": ["WKND Ski", "other", "WKND Camp"]}),
            2 => json!({"dc:title": "nothing to find"}),
            _ => json!({}),
        });
        let dir = tempfile::tempdir().unwrap();
        let e = engine(fake.clone(), dir.path());
        let edits = vec![edit("dc:title", regex_replace(r"WKND (\w+)", "Wknd $1"))];
        let p = e
            .plan(
                RunSource::Scope(spec(family, edits)),
                &RunControl::new(),
                &no_progress(),
            )
            .await
            .unwrap();
        assert_eq!((p.counts.pending, p.counts.unchanged), (2, 2), "{family:?}");
        assert_eq!(fake.write_count(), 0, "a preview writes nothing");
        let rows = preview_rows(dir.path(), &p.id);
        assert_eq!(
            rows[1].changes[0].before,
            Some(json!(["WKND Ski", "other", "WKND Camp"]))
        );
        assert_eq!(
            rows[1].changes[0].after,
            Some(json!(["Wknd Ski", "other", "Wknd Camp"]))
        );
        // The journal keeps the rule, in words in either language.
        let en = Localizer::english();
        assert_eq!(
            p.edits[0].localized(&en),
            "dc:title: replace \"WKND (\\w+)\" with \"Wknd $1\" (regular expression)"
        );

        let a = e
            .apply(&p.id, &RunControl::new(), &no_progress())
            .await
            .unwrap();
        assert_eq!((a.status, a.counts.changed), (RunStatus::Completed, 2));
        assert_eq!(fake.get(&format!("{F}/a000.jpg"))["dc:title"], "Wknd Surf");
        assert_eq!(
            fake.get(&format!("{F}/a001.jpg"))["dc:title"],
            json!(["Wknd Ski", "other", "Wknd Camp"])
        );

        let u = e
            .plan(RunSource::undo(&p.id), &RunControl::new(), &no_progress())
            .await
            .unwrap();
        let u = e
            .apply(&u.id, &RunControl::new(), &no_progress())
            .await
            .unwrap();
        assert_eq!(u.counts.changed, 2);
        assert_eq!(fake.get(&format!("{F}/a000.jpg"))["dc:title"], "WKND Surf");
        assert_eq!(
            fake.get(&format!("{F}/a001.jpg"))["dc:title"],
            json!(["WKND Ski", "other", "WKND Camp"])
        );
    }
}

#[tokio::test]
async fn a_rule_that_cannot_compute_skips_its_asset_with_the_reason() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 3, |k| match k {
        0 => json!({"dc:title": "Surf", "xmp:date": "2024-09-03T13:15:03.000+02:00"}),
        1 => json!({"xmp:date": "soon"}),
        _ => json!({"dc:title": "Ski", "xmp:date": "Tue Sep 03 2024 13:15:03 GMT-0500"}),
    });
    let dir = tempfile::tempdir().unwrap();
    let e = engine(fake.clone(), dir.path());
    let edits = vec![
        edit(
            "dc:description",
            EditOp::Template {
                template: "{dc:title} — {name} in {folder}".into(),
            },
        ),
        edit("xmp:date", EditOp::ShiftDate { by: "7d".into() }),
    ];
    let p = e
        .plan(
            RunSource::Scope(spec(ApiFamily::Classic, edits)),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    assert_eq!((p.counts.pending, p.counts.skipped), (2, 1));
    let rows = preview_rows(dir.path(), &p.id);
    assert_eq!(rows[0].changes[0].after, Some(json!("Surf — a000 in f")));
    assert_eq!(
        rows[0].changes[1].after,
        Some(json!("2024-09-10T13:15:03.000+02:00"))
    );
    assert_eq!(
        rows[2].changes[1].after,
        Some(json!("Tue Sep 10 2024 13:15:03 GMT-0500"))
    );
    assert_eq!(rows[1].action, Action::Skip);
    assert_eq!(
        rows[1].reason.english().as_deref(),
        Some("it has no dc:title")
    );
    assert!(
        rows[1].changes.iter().all(|c| c.before == c.after),
        "a skipped asset shows its values as they stay"
    );
    let a = e
        .apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!(
        (a.status, a.counts.changed, a.counts.failed),
        (RunStatus::Completed, 2, 0)
    );
    assert_eq!(fake.get(&format!("{F}/a001.jpg"))["xmp:date"], "soon");

    // A date shift alone on a value that is not a date: that asset's reason, not a failed run.
    let edits = vec![edit("xmp:date", EditOp::ShiftDate { by: "-1d".into() })];
    let p = e
        .plan(
            RunSource::Scope(spec(ApiFamily::Classic, edits)),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    let row = &preview_rows(dir.path(), &p.id)[1];
    assert_eq!(
        row.reason.english().as_deref(),
        Some("\"soon\" is not a date")
    );
}

#[tokio::test]
async fn a_template_reads_a_property_the_listing_does_not_show() {
    // The fake's classic listing shows only `dc:` properties: a template naming another one
    // must read the asset, never take the property as missing.
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(
        F,
        2,
        |k| json!({"dc:rights": "old", "xmpRights:Owner": format!("owner {k}")}),
    );
    let dir = tempfile::tempdir().unwrap();
    let e = engine(fake.clone(), dir.path());
    let edits = vec![edit(
        "dc:rights",
        EditOp::Template {
            template: "© {xmpRights:Owner}".into(),
        },
    )];
    let p = e
        .plan(
            RunSource::Scope(spec(ApiFamily::Classic, edits)),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    assert_eq!(p.counts.pending, 2);
    let rows = preview_rows(dir.path(), &p.id);
    assert_eq!(rows[1].changes[0].after, Some(json!("© owner 1")));
}

#[tokio::test]
async fn from_the_file_name_only_where_empty_copy_and_tags() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 3, |k| match k {
        0 => json!({"dc:identifier": "", "cq:tags": ["wknd:a", "wknd:b"], "dc:title": "T"}),
        1 => json!({"dc:identifier": "kept", "cq:tags": ["wknd:b"]}),
        _ => json!({"cq:tags": ["wknd:c"], "dc:title": "U"}),
    });
    let dir = tempfile::tempdir().unwrap();
    let e = engine(fake.clone(), dir.path());
    let edits = vec![
        edit(
            "dc:identifier",
            EditOp::Where {
                property_is: Emptiness::Empty,
                op: Box::new(EditOp::FromName {
                    pattern: r"^(?<letter>[a-z])(?<n>\d+)".into(),
                    template: "SKU-{n}-{letter}".into(),
                    whole_path: false,
                }),
            },
        ),
        edit(
            "cq:tags",
            EditOp::Remove {
                values: vec!["wknd:b".into()],
            },
        ),
        edit(
            "dc:alt",
            EditOp::Copy {
                from: "dc:title".into(),
            },
        ),
    ];
    let p = e
        .plan(
            RunSource::Scope(spec(ApiFamily::Classic, edits)),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    let rows = preview_rows(dir.path(), &p.id);
    assert_eq!(rows[0].changes[0].after, Some(json!("SKU-000-a")));
    assert_eq!(
        rows[1].changes[0].after,
        Some(json!("kept")),
        "only where empty"
    );
    assert_eq!(rows[2].changes[0].after, Some(json!("SKU-002-a")));
    assert_eq!(rows[0].changes[1].after, Some(json!(["wknd:a"])));
    assert_eq!(
        rows[1].reason.english().as_deref(),
        Some("it has no dc:title")
    );
    assert_eq!(rows[2].changes[2].after, Some(json!("U")));
    let a = e
        .apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!(a.counts.changed, 2);
    assert_eq!(
        fake.get(&format!("{F}/a000.jpg"))["cq:tags"],
        json!(["wknd:a"])
    );
}

#[tokio::test]
async fn a_retry_computes_again_from_the_values_now() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 2, |_| json!({"dc:title": "  a   b  "}));
    let failing = format!("{F}/a001.jpg");
    fake.faults
        .dropped_writes
        .lock()
        .unwrap()
        .push(failing.clone());
    let dir = tempfile::tempdir().unwrap();
    let e = engine(fake.clone(), dir.path());
    let edits = vec![edit("dc:title", EditOp::Trim { collapse: true })];
    let p = e
        .plan(
            RunSource::Scope(spec(ApiFamily::Classic, edits)),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    let a = e
        .apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!(a.counts.failed, 1);
    fake.faults.dropped_writes.lock().unwrap().clear();
    fake.set(&failing, "dc:title", json!(" c  d "));
    let r = e
        .plan(RunSource::retry(&p.id), &RunControl::new(), &no_progress())
        .await
        .unwrap();
    let rows = preview_rows(dir.path(), &r.id);
    assert_eq!(rows[0].changes[0].after, Some(json!("c d")));
    e.apply(&r.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!(fake.get(&failing)["dc:title"], "c d");
}

/// A retry's preview asks the failed assets' values in one batched check (the property a
/// template reads included), not a read each; an asset the check does not find (the index
/// lags) is read on its own, never taken as gone.
#[tokio::test]
async fn a_retry_checks_its_assets_in_a_batch_and_reads_only_those_it_misses() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 4, |k| json!({"dc:rights": format!("r{k}")}));
    let failing = [format!("{F}/a001.jpg"), format!("{F}/a002.jpg")];
    fake.faults
        .dropped_writes
        .lock()
        .unwrap()
        .extend(failing.iter().cloned());
    let dir = tempfile::tempdir().unwrap();
    let e = engine(fake.clone(), dir.path());
    let template = EditOp::Template {
        template: "{dc:rights} {name}".into(),
    };
    let p = e
        .plan(
            RunSource::Scope(spec(ApiFamily::Classic, vec![edit("dc:title", template)])),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    let a = e
        .apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!(a.counts.failed, 2);
    fake.faults.dropped_writes.lock().unwrap().clear();
    fake.set(&failing[0], "dc:rights", json!("now1"));
    fake.set(&failing[1], "dc:rights", json!("now2"));
    fake.faults
        .unindexed
        .lock()
        .unwrap()
        .push(failing[1].clone());
    let (reads, checks) = (
        fake.reads.load(Ordering::SeqCst),
        fake.checks.load(Ordering::SeqCst),
    );
    let r = e
        .plan(RunSource::retry(&p.id), &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!(
        (
            fake.checks.load(Ordering::SeqCst) - checks,
            fake.reads.load(Ordering::SeqCst) - reads
        ),
        (1, 1),
        "one check, and a read of the asset it did not find"
    );
    let rows = preview_rows(dir.path(), &r.id);
    let afters: Vec<_> = rows.iter().map(|r| r.changes[0].after.clone()).collect();
    assert_eq!(
        afters,
        [Some(json!("now1 a001")), Some(json!("now2 a002"))],
        "computed from the values now, in the run's order"
    );
    e.apply(&r.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!(fake.get(&failing[1])["dc:title"], "now2 a002");
    assert_eq!(fake.get(&format!("{F}/a003.jpg"))["dc:title"], "r3 a003");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Applying a find-and-replace or a template, then undoing the run, restores every value
    /// of every asset (absent ones stay absent), whatever the values were.
    #[test]
    fn applying_then_undoing_restores_every_value(
        titles in prop::collection::vec(
            prop::option::of(prop_oneof![
                "[A-Za-z ]{0,12}".prop_map(|s| json!(s)),
                prop::collection::vec("[A-Za-z ]{0,8}", 0..3).prop_map(|v| json!(v)),
            ]),
            1..6,
        ),
        find in "[a-z]{1,2}",
        template in any::<bool>(),
        family in prop_oneof![Just(ApiFamily::Classic), Just(ApiFamily::OpenApi)],
    ) {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        rt.block_on(async {
            let fake = Fake::new(family);
            let seeded = titles.clone();
            fake.seed(F, titles.len(), move |k| match &seeded[k] {
                Some(v) => json!({"dc:title": v, "dc:rights": "r"}),
                None => json!({"dc:rights": "r"}),
            });
            let before: Vec<_> = (0..titles.len())
                .map(|k| fake.get(&format!("{F}/a{k:03}.jpg")))
                .collect();
            let dir = tempfile::tempdir().unwrap();
            let e = engine(fake.clone(), dir.path());
            let op = if template {
                EditOp::Template { template: "{dc:rights}-{name}-{dc:title}".into() }
            } else {
                EditOp::Replace {
                    find: find.clone(),
                    replace: "<$0>".into(),
                    regex: true,
                    ignore_case: true,
                    whole_word: false,
                }
            };
            let p = e
                .plan(RunSource::Scope(spec(family, vec![edit("dc:title", op)])), &RunControl::new(), &no_progress())
                .await
                .unwrap();
            e.apply(&p.id, &RunControl::new(), &no_progress()).await.unwrap();
            if p.counts.pending > 0 {
                let u = e.plan(RunSource::undo(&p.id), &RunControl::new(), &no_progress()).await.unwrap();
                e.apply(&u.id, &RunControl::new(), &no_progress()).await.unwrap();
            }
            for (k, was) in before.iter().enumerate() {
                let now = fake.get(&format!("{F}/a{k:03}.jpg"));
                assert_eq!(now.get("dc:title").filter(|v| !v.is_null()), was.get("dc:title"), "asset {k}");
            }
        });
    }
}
