//! Previews: what a run plans from a folder walk (pages, recursion, filters, unlisted values),
//! and the inputs and failures that stop a preview before it stores anything.

use super::*;
use crate::RunSource;
use crate::reasons::English;

#[tokio::test]
async fn preview_lists_every_page_and_writes_nothing() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 20, |k| {
        if k % 4 == 0 {
            json!({"dc:rights": "R"})
        } else {
            json!({"dc:rights": "old"})
        }
    });
    fake.dam.lock().unwrap().fragments.push(format!("{F}/cf"));
    let dir = tempfile::tempdir().unwrap();
    let e = engine(fake.clone(), dir.path());
    let events = Mutex::new(Vec::new());
    let on = |p: Progress| events.lock().unwrap().push(p);
    let s = e
        .plan(
            RunSource::Scope(spec(ApiFamily::Classic, vec![set("dc:rights", "R")])),
            &RunControl::new(),
            &on,
        )
        .await
        .unwrap();
    assert_eq!(s.status, RunStatus::Previewed);
    assert_eq!(s.counts.assets, 21);
    assert_eq!(s.counts.unchanged, 5);
    assert_eq!(s.counts.skipped, 1, "the content fragment");
    assert_eq!(s.counts.pending, 15);
    assert_eq!(fake.write_count(), 0);
    assert_eq!(
        fake.reads.load(Ordering::SeqCst),
        0,
        "the listing carried dc:rights"
    );
    let last = events.lock().unwrap().last().cloned().unwrap();
    assert!(last.finished && last.total_known);
    assert_eq!((last.done, last.total), (21, 21));
    let rows = runs::preview_page(&dir.path().join("runs"), &s.id, None, 0, 100)
        .unwrap()
        .rows;
    assert_eq!(rows.len(), 21);
    let cf = rows.iter().find(|r| r.path.ends_with("/cf")).unwrap();
    assert_eq!(cf.action, Action::Skip);
    assert!(
        cf.reason
            .english()
            .as_deref()
            .unwrap()
            .contains("content fragment")
    );
    assert_eq!(
        runs::preview_page(&dir.path().join("runs"), &s.id, None, 20, 5)
            .unwrap()
            .rows
            .len(),
        1
    );
}

#[tokio::test]
async fn a_value_missing_from_the_listing_is_read_and_undo_restores_it() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 4, |k| match k {
        3 => json!({}),
        _ => json!({"dc:rights": format!("r{k}")}),
    });
    // The listing leaves out a001's dc:rights, which its metadata.json has.
    fake.faults
        .unlisted
        .lock()
        .unwrap()
        .push((format!("{F}/a001.jpg"), "dc:rights".into()));
    let dir = tempfile::tempdir().unwrap();
    let runs_dir = dir.path().join("runs");
    // The listing's own values are what is tested: no batched checks.
    let e = reading_engine(fake.clone(), dir.path());
    let p = e
        .plan(
            RunSource::Scope(spec(ApiFamily::Classic, vec![set("dc:rights", "new")])),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    assert_eq!(
        fake.reads.load(Ordering::SeqCst),
        2,
        "a001 (left out of the listing) and a003 (no value) are read; a000 and a002 are not"
    );
    let rows = runs::preview_page(&runs_dir, &p.id, None, 0, 10)
        .unwrap()
        .rows;
    let before = |name: &str| {
        rows.iter()
            .find(|r| r.path.ends_with(name))
            .unwrap()
            .changes[0]
            .before
            .clone()
    };
    assert_eq!(before("a001.jpg"), Some(json!("r1")), "the real value");
    assert_eq!(before("a000.jpg"), Some(json!("r0")));
    assert_eq!(before("a003.jpg"), None);

    e.apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    let journal = journal_path(&runs_dir, &p.id);
    let a001 = rows
        .iter()
        .find(|r| r.path.ends_with("a001.jpg"))
        .unwrap()
        .i;
    let original = read_records(&journal)
        .unwrap()
        .find_map(|r| match r.unwrap() {
            Record::Writing { i, original, .. } if i == a001 => Some(original),
            _ => None,
        })
        .unwrap();
    assert_eq!(
        original["dc:rights"], "r1",
        "the journal holds the real original"
    );

    let u = e
        .plan(RunSource::undo(&p.id), &RunControl::new(), &no_progress())
        .await
        .unwrap();
    e.apply(&u.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!(fake.get(&format!("{F}/a001.jpg"))["dc:rights"], "r1");
    assert_eq!(fake.get(&format!("{F}/a000.jpg"))["dc:rights"], "r0");
    assert!(!fake.get(&format!("{F}/a003.jpg")).contains_key("dc:rights"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_classic_preview_that_reads_every_asset_keeps_its_concurrency() {
    // No asset's listing shows dc:rights, so each one is read, and the server's latency is
    // flat. The classic family's id lookup answers at once without a request; counted as a
    // request, it set the controller's baseline near zero, every real request then looked
    // queued, and the limit fell to 1 within a second and stayed there (a preview six times as
    // slow). A loaded machine's noise may bring it down for a while (seen under Wine while
    // other tests ran), never for most of the preview.
    let fake = Fake::with_latency(ApiFamily::Classic, Duration::from_millis(50));
    fake.seed(F, 150, |_| json!({"dc:format": "image/jpeg"}));
    let dir = tempfile::tempdir().unwrap();
    let e = reading_engine(fake.clone(), dir.path());
    let limits = Mutex::new(Vec::new());
    let record = |p: Progress| limits.lock().unwrap().push(p.concurrency);
    let p = e
        .plan(
            RunSource::Scope(spec(ApiFamily::Classic, vec![set("dc:rights", "new")])),
            &RunControl::new(),
            &record,
        )
        .await
        .unwrap();
    assert_eq!(p.counts.pending, 150);
    assert_eq!(
        fake.reads.load(Ordering::SeqCst),
        150,
        "every asset was read"
    );
    let limits = limits.into_inner().unwrap();
    let at_one = limits.iter().filter(|&&l| l <= 1).count();
    assert!(
        at_one * 2 < limits.len(),
        "the limit stayed at 1 with a flat latency: {limits:?}"
    );
}

#[tokio::test]
async fn recursion_filters_and_missing_folders() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 3, |_| json!({"dc:format": "image/jpeg"}));
    fake.seed(
        &format!("{F}/sub"),
        2,
        |_| json!({"dc:format": "application/pdf"}),
    );
    let dir = tempfile::tempdir().unwrap();
    let e = engine(fake.clone(), dir.path());
    let flat = e
        .plan(
            RunSource::Scope(spec(ApiFamily::Classic, vec![set("dc:rights", "R")])),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    assert_eq!(flat.counts.assets, 3);
    let mut deep = spec(ApiFamily::Classic, vec![set("dc:rights", "R")]);
    deep = filtered(deep, |f| f.recursive = true);
    assert_eq!(
        e.plan(
            RunSource::Scope(deep.clone()),
            &RunControl::new(),
            &no_progress()
        )
        .await
        .unwrap()
        .counts
        .assets,
        5
    );
    deep = filtered(deep, |f| f.formats = vec!["application/*".into()]);
    assert_eq!(
        e.plan(
            RunSource::Scope(deep.clone()),
            &RunControl::new(),
            &no_progress()
        )
        .await
        .unwrap()
        .counts
        .assets,
        2
    );
    deep = filtered(deep, |f| f.formats.clear());
    deep = filtered(deep, |f| f.name = Some("A00[?".into()));
    assert_eq!(
        e.plan(
            RunSource::Scope(deep.clone()),
            &RunControl::new(),
            &no_progress()
        )
        .await
        .unwrap()
        .counts
        .assets,
        0
    );
    deep = filtered(deep, |f| f.name = Some("*1.JPG".into()));
    assert_eq!(
        e.plan(
            RunSource::Scope(deep.clone()),
            &RunControl::new(),
            &no_progress()
        )
        .await
        .unwrap()
        .counts
        .assets,
        2
    );
    deep.scope = RunScope::checked("/content/dam/nope", deep.scope.filters().clone()).unwrap();
    let err = e
        .plan(RunSource::Scope(deep), &RunControl::new(), &no_progress())
        .await
        .unwrap_err();
    assert!(err.to_string().contains("does not exist"), "{err}");
}

#[tokio::test]
async fn a_preview_that_fails_before_planning_anything_stores_no_run() {
    let dir = tempfile::tempdir().unwrap();
    let runs_dir = dir.path().join("runs");
    let sp = || spec(ApiFamily::Classic, vec![set("dc:rights", "R")]);

    // A folder that does not exist.
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 3, |_| json!({}));
    let e = engine(fake.clone(), dir.path());
    let mut missing = sp();
    missing.scope = RunScope::checked("/content/dam/nope", ScopeFilters::default()).unwrap();
    let err = e
        .plan(
            RunSource::Scope(missing),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("The folder /content/dam/nope does not exist"),
        "{err}"
    );
    assert_eq!(journals(dir.path()), Vec::<String>::new());

    // Credentials refused.
    *fake.faults.auth_after.lock().unwrap() = Some(0);
    let err = e
        .plan(RunSource::Scope(sp()), &RunControl::new(), &no_progress())
        .await
        .unwrap_err();
    assert_eq!(err.code(), metadesk_clients::error::ErrorCode::Auth);
    assert!(err.to_string().contains("token revoked"), "{err}");
    assert_eq!(journals(dir.path()), Vec::<String>::new());
    *fake.faults.auth_after.lock().unwrap() = None;

    // The host cannot be reached.
    fake.faults.unreachable.store(true, Ordering::SeqCst);
    let err = e
        .plan(RunSource::Scope(sp()), &RunControl::new(), &no_progress())
        .await
        .unwrap_err();
    assert_eq!(err.code(), metadesk_clients::error::ErrorCode::Network);
    assert!(
        err.to_string()
            .contains("Could not reach author-p1-e2.adobeaemcloud.com"),
        "{err}"
    );
    assert_eq!(journals(dir.path()), Vec::<String>::new());
    assert!(run_history::list(&runs_dir).unwrap().is_empty());
    fake.faults.unreachable.store(false, Ordering::SeqCst);

    // Undo and retry of a real run: the same failures leave only that run.
    fake.faults
        .forbidden
        .lock()
        .unwrap()
        .push(format!("{F}/a002.jpg"));
    let p = e
        .plan(RunSource::Scope(sp()), &RunControl::new(), &no_progress())
        .await
        .unwrap();
    let applied = e
        .apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!((applied.counts.changed, applied.counts.failed), (2, 1));
    // The run's journal and its lock file (kept: see `lock_file`), nothing else.
    let only_the_run = vec![format!("{}.jsonl", p.id), format!("{}.lock", p.id)];
    *fake.faults.auth_after.lock().unwrap() = Some(0);
    for err in [
        e.plan(RunSource::undo(&p.id), &RunControl::new(), &no_progress())
            .await
            .unwrap_err(),
        e.plan(RunSource::retry(&p.id), &RunControl::new(), &no_progress())
            .await
            .unwrap_err(),
    ] {
        assert!(err.to_string().contains("token revoked"), "{err}");
        assert_eq!(journals(dir.path()), only_the_run);
    }
    *fake.faults.auth_after.lock().unwrap() = None;
    fake.faults.unreachable.store(true, Ordering::SeqCst);
    for err in [
        e.plan(RunSource::undo(&p.id), &RunControl::new(), &no_progress())
            .await
            .unwrap_err(),
        e.plan(RunSource::retry(&p.id), &RunControl::new(), &no_progress())
            .await
            .unwrap_err(),
    ] {
        assert!(err.to_string().contains("Could not reach"), "{err}");
        assert_eq!(journals(dir.path()), only_the_run);
    }
}

#[tokio::test]
async fn a_deleted_asset_and_an_unreachable_host_are_reported_in_words() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 3, |_| json!({"dc:rights": "old"}));
    let dir = tempfile::tempdir().unwrap();
    let e = engine(fake.clone(), dir.path());
    let sp = |v: &str| spec(ApiFamily::Classic, vec![set("dc:rights", v)]);

    // Deleted between the preview and the apply.
    let p = e
        .plan(
            RunSource::Scope(sp("new")),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    let gone = format!("{F}/a001.jpg");
    fake.dam.lock().unwrap().assets.remove(&gone);
    let s = e
        .apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!((s.counts.changed, s.counts.failed), (2, 1));
    let row = report_rows(dir.path(), &p.id)
        .into_iter()
        .find(|r| r.path == gone)
        .unwrap();
    assert_eq!(row.status, ReportStatus::Failed);
    assert_eq!(
        row.reason.english().as_deref(),
        Some("the asset no longer exists (404): it was moved or deleted after the preview")
    );

    // The host goes away between the preview and the apply.
    let p = e
        .plan(
            RunSource::Scope(sp("newer")),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    fake.faults.unreachable.store(true, Ordering::SeqCst);
    let s = e
        .apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!((s.status, s.counts.failed), (RunStatus::Completed, 2));
    for row in report_rows(dir.path(), &p.id) {
        assert_eq!(row.status, ReportStatus::Failed);
        assert_eq!(
            row.reason.english().as_deref(),
            Some(
                "Could not reach author-p1-e2.adobeaemcloud.com: connection refused (6 \
                 attempts); AEM did not confirm the change. Retry the failed assets to try \
                 again."
            )
        );
    }
}

#[tokio::test]
async fn bad_property_names_are_refused_naming_the_property_and_the_form() {
    let fake = browsable();
    let dir = tempfile::tempdir().unwrap();
    let e = engine(fake.clone(), dir.path());
    for bad in ["rights", "dc rights", ":x", "x:", ""] {
        let err = e
            .plan(
                RunSource::Scope(spec(ApiFamily::Classic, vec![set(bad, "R")])),
                &RunControl::new(),
                &no_progress(),
            )
            .await
            .unwrap_err();
        assert_eq!(err.code(), metadesk_clients::error::ErrorCode::InvalidInput);
        let words = err.to_string();
        assert!(
            words.starts_with(&format!("\"{bad}\" is not a metadata property name"))
                && words.contains("prefix:name")
                && words.contains("dc:rights"),
            "{bad}: {words}"
        );
    }
    assert_eq!(journals(dir.path()), Vec::<String>::new(), "nothing stored");
    assert_eq!(fake.calls.load(Ordering::SeqCst), 0, "nothing asked of AEM");
}
