//! Apply: writes that match the preview, retries and throttles, refusals, in-doubt writes,
//! cancel, pause and resume.

use super::*;
use crate::RunSource;
use crate::reasons::English;

#[tokio::test]
async fn apply_writes_exactly_the_preview_and_records_originals_first() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(
        F,
        10,
        |k| json!({"dc:rights": format!("r{k}"), "dc:subject": ["x"]}),
    );
    fake.set(&format!("{F}/a003.jpg"), "dc:rights", json!("R"));
    let dir = tempfile::tempdir().unwrap();
    let e = engine(fake.clone(), dir.path());
    let p = e
        .plan(
            RunSource::Scope(spec(ApiFamily::Classic, vec![set("dc:rights", "R")])),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    let preview = runs::preview_page(&dir.path().join("runs"), &p.id, None, 0, 100)
        .unwrap()
        .rows;
    let s = e
        .apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!(s.status, RunStatus::Completed);
    assert_eq!(
        (
            s.counts.changed,
            s.counts.unchanged,
            s.counts.failed,
            s.counts.pending
        ),
        (9, 1, 0, 0)
    );
    for row in &preview {
        let now = fake.get(&row.path);
        for c in &row.changes {
            assert_eq!(now.get(&c.property), c.after.as_ref(), "{}", row.path);
        }
    }
    assert_eq!(fake.write_count(), 9);
    assert!(
        fake.writes.lock().unwrap().values().all(|w| w.len() == 1),
        "each asset written once"
    );
    // The journal has each asset's original before its outcome.
    let path = journal_path(&dir.path().join("runs"), &p.id);
    let mut writing_seen = std::collections::HashSet::new();
    for r in read_records(&path).unwrap() {
        match r.unwrap() {
            Record::Writing { i, original, .. } => {
                assert!(original.contains_key("dc:rights"));
                writing_seen.insert(i);
            }
            Record::Outcome { i, .. } => assert!(writing_seen.contains(&i)),
            _ => {}
        }
    }
    assert!(
        e.apply(&p.id, &RunControl::new(), &no_progress())
            .await
            .is_err(),
        "complete runs are not applied again"
    );
}

#[tokio::test]
async fn append_remove_and_clear_on_multi_valued_properties() {
    let fake = Fake::per_asset(ApiFamily::Classic);
    fake.seed(F, 3, |k| match k {
        0 => json!({"dc:subject": ["a", "b"], "cq:tags": ["t:1"], "dc:rights": "x"}),
        1 => json!({"dc:subject": "a"}),
        _ => json!({}),
    });
    let dir = tempfile::tempdir().unwrap();
    let e = engine(fake.clone(), dir.path());
    let edits = vec![
        append("dc:subject", &["b", "c"]),
        Edit {
            property: "cq:tags".into(),
            op: EditOp::Remove {
                values: vec!["t:1".into()],
            },
        },
        Edit {
            property: "dc:rights".into(),
            op: EditOp::Clear,
        },
    ];
    let p = e
        .plan(
            RunSource::Scope(spec(ApiFamily::Classic, edits)),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    assert_eq!(
        fake.reads.load(Ordering::SeqCst),
        3,
        "cq:tags is not in the listing: each asset is read"
    );
    e.apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!(
        fake.get(&format!("{F}/a000.jpg")),
        json!({"dc:subject": ["a", "b", "c"]})
            .as_object()
            .unwrap()
            .clone()
    );
    assert_eq!(
        fake.get(&format!("{F}/a001.jpg"))["dc:subject"],
        json!(["a", "b", "c"])
    );
    assert_eq!(
        fake.get(&format!("{F}/a002.jpg"))["dc:subject"],
        json!(["b", "c"])
    );
    // Append depends on the current value: re-read just before writing (3 preview + 3 apply).
    assert_eq!(fake.reads.load(Ordering::SeqCst), 6);
}

#[tokio::test]
async fn classic_append_detects_a_change_since_the_preview() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 2, |_| json!({"dc:subject": ["a"]}));
    let dir = tempfile::tempdir().unwrap();
    let e = engine(fake.clone(), dir.path());
    let p = e
        .plan(
            RunSource::Scope(spec(ApiFamily::Classic, vec![append("dc:subject", &["b"])])),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    fake.set(&format!("{F}/a001.jpg"), "dc:subject", json!(["a", "z"]));
    let s = e
        .apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!((s.counts.changed, s.counts.failed), (1, 1));
    assert_eq!(
        fake.get(&format!("{F}/a001.jpg"))["dc:subject"],
        json!(["a", "z"]),
        "not overwritten"
    );
    let rows = report_rows(dir.path(), &p.id);
    let failed = rows
        .iter()
        .find(|r| r.status == ReportStatus::Failed)
        .unwrap();
    assert!(
        failed
            .reason
            .english()
            .as_deref()
            .unwrap()
            .contains("changed since the preview"),
        "{failed:?}"
    );
}

#[tokio::test]
async fn openapi_uses_etags_and_reports_a_412() {
    let fake = Fake::new(ApiFamily::OpenApi);
    fake.seed(F, 4, |_| json!({"dc:rights": "old"}));
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
    let rows = runs::preview_page(&dir.path().join("runs"), &p.id, None, 0, 10)
        .unwrap()
        .rows;
    assert!(rows.iter().all(|r| r.etag.is_some() && r.id.is_some()));
    // Someone edits one asset between preview and apply.
    fake.set(&format!("{F}/a002.jpg"), "dc:rights", json!("theirs"));
    let s = e
        .apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!((s.counts.changed, s.counts.failed), (3, 1));
    assert_eq!(fake.get(&format!("{F}/a002.jpg"))["dc:rights"], "theirs");
    let r = report_rows(dir.path(), &p.id);
    let failed = r.iter().find(|r| r.status == ReportStatus::Failed).unwrap();
    assert!(
        failed
            .reason
            .english()
            .as_deref()
            .unwrap()
            .contains("dc:rights was \"old\" at the preview and is now \"theirs\""),
        "{failed:?}"
    );
}

#[tokio::test]
async fn a_lost_answer_on_openapi_is_recognised_as_our_own_write() {
    let fake = Fake::new(ApiFamily::OpenApi);
    fake.seed(F, 3, |_| json!({"dc:rights": "old"}));
    fake.faults.lost_answers.store(1, Ordering::SeqCst);
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
    let s = e
        .apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!(
        (s.counts.changed, s.counts.failed, s.counts.unchanged),
        (3, 0, 0)
    );
}

#[tokio::test]
async fn transient_failures_and_throttles_are_retried() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 12, |_| json!({"dc:rights": "old"}));
    fake.faults.transient_writes.store(5, Ordering::SeqCst);
    fake.faults.throttles.store(4, Ordering::SeqCst);
    let dir = tempfile::tempdir().unwrap();
    let e = engine(fake.clone(), dir.path());
    let p = e
        .plan(
            RunSource::Scope(spec(ApiFamily::Classic, vec![set("dc:rights", "new")])),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    let s = e
        .apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!((s.counts.changed, s.counts.failed), (12, 0));
}

#[tokio::test]
async fn each_request_has_its_own_retry_budget() {
    let defaults = settings();
    let three = Settings {
        retry: RetryPolicy {
            max_retries: 2,
            ..defaults.retry.clone()
        },
        ..defaults
    };
    let dir = tempfile::tempdir().unwrap();
    let runs_dir = dir.path().join("runs");

    // Preview (OpenAPI): the id look-up needs all 3 attempts, then the read does too.
    let fake = Fake::new(ApiFamily::OpenApi);
    fake.seed(F, 1, |_| json!({"dc:rights": "old"}));
    let e = engine(fake.clone(), dir.path()).with_settings(three.clone());
    fake.faults.transient_resolves.store(2, Ordering::SeqCst);
    fake.faults
        .read_script
        .lock()
        .unwrap()
        .extend([false, false]);
    let sp = spec(ApiFamily::OpenApi, vec![set("dc:rights", "new")]);
    let p = e
        .plan(
            RunSource::Scope(sp.clone()),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    assert_eq!(p.counts.pending, 1, "read on its own third attempt: {p:?}");

    // A read that never answers: the words count the read's attempts, not the look-up's.
    fake.faults.transient_resolves.store(2, Ordering::SeqCst);
    fake.faults
        .read_script
        .lock()
        .unwrap()
        .extend([false, false, false]);
    let p2 = e
        .plan(RunSource::Scope(sp), &RunControl::new(), &no_progress())
        .await
        .unwrap();
    let row = &runs::preview_page(&runs_dir, &p2.id, None, 0, 1)
        .unwrap()
        .rows[0];
    let reason = row.reason.english().unwrap();
    assert_eq!(row.action, Action::Skip);
    assert!(
        reason.contains("after 3 attempts") && reason.contains("preview again"),
        "{reason}"
    );

    // Apply (OpenAPI, the asset in doubt after a kill): the re-read before the write needs 3
    // attempts, the write is answered 412, and the re-read after it gets its own budget (it
    // needs 2): it finds the value still as the preview saw it, so the write is sent again
    // instead of the asset failing as a network failure.
    let path = journal_path(&runs_dir, &p.id);
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("{\"t\":\"apply_started\",\"at\":\"2026-01-01T00:00:00Z\"}\n");
    text.push_str("{\"t\":\"writing\",\"i\":0,\"original\":{\"dc:rights\":\"old\"}}\n");
    std::fs::write(&path, text).unwrap();
    fake.faults
        .read_script
        .lock()
        .unwrap()
        .extend([false, false, true, false]);
    fake.faults.conflicts.store(1, Ordering::SeqCst);
    let s = e
        .apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!((s.counts.changed, s.counts.failed), (1, 0), "{s:?}");
    assert_eq!(fake.get(&format!("{F}/a000.jpg"))["dc:rights"], "new");
}

#[tokio::test]
async fn forbidden_writes_fail_with_advice_naming_the_account() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 3, |_| json!({"dc:rights": "old"}));
    fake.faults
        .forbidden
        .lock()
        .unwrap()
        .push(format!("{F}/a001.jpg"));
    let dir = tempfile::tempdir().unwrap();
    let e = engine(fake.clone(), dir.path());
    let p = e
        .plan(
            RunSource::Scope(spec(ApiFamily::Classic, vec![set("dc:rights", "new")])),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    let s = e
        .apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!((s.counts.changed, s.counts.failed), (2, 1));
    let rows = report_rows(dir.path(), &p.id);
    let reason = rows
        .iter()
        .find(|r| r.status == ReportStatus::Failed)
        .unwrap()
        .reason
        .english()
        .unwrap();
    assert_eq!(
        reason,
        "AEM refused the change (403): this connection may not change assets in this folder"
    );
    // Said once for the run: how many, which folder, and whom to ask, naming the account.
    let en = metadesk_base::i18n::Localizer::english();
    let groups = runs::failures(&dir.path().join("runs"), &p.id).unwrap();
    assert_eq!(groups.len(), 1);
    assert_eq!(
        (
            groups[0].assets,
            groups[0].folders.clone(),
            groups[0].more_folders
        ),
        (1, vec![F.to_owned()], 0)
    );
    let advice = groups[0].advice.as_ref().unwrap().localized(&en);
    assert!(
        advice.contains("the technical account tech@techacct.adobe.com")
            && advice.contains("write access to these folders"),
        "{advice}"
    );
    let mut csv = Vec::new();
    report_csv::write_csv(
        &dir.path().join("runs"),
        &p.id,
        report_csv::CsvOptions {
            words: &metadesk_base::i18n::Localizer::english(),
            localized_headers: false,
        },
        &mut csv,
    )
    .unwrap();
    let csv = String::from_utf8(csv).unwrap();
    assert!(
        csv.starts_with("path,status,reason,dc:rights before,dc:rights after\n"),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), 4);
    assert!(
        csv.contains("/content/dam/f/a000.jpg,changed,,old,new"),
        "{csv}"
    );
}

#[tokio::test]
async fn an_account_that_cannot_write_stops_the_run_after_five_refusals() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 60, |_| json!({"dc:rights": "old"}));
    let every: Vec<String> = (0..60).map(|k| format!("{F}/a{k:03}.jpg")).collect();
    fake.faults.forbidden.lock().unwrap().extend(every.clone());
    let dir = tempfile::tempdir().unwrap();
    let e = engine(fake.clone(), dir.path());
    let p = e
        .plan(
            RunSource::Scope(spec(ApiFamily::Classic, vec![set("dc:rights", "new")])),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    let calls_before = fake.calls.load(Ordering::SeqCst);
    let reads_before = fake.reads.load(Ordering::SeqCst);
    let s = e
        .apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!(s.status, RunStatus::Stopped, "{s:?}");
    let reason = s.reason.english().unwrap();
    assert!(
        reason.contains("refused the first 5 changes (403)")
            && reason.contains("may not change the assets it tried")
            && reason.contains("the technical account tech@techacct.adobe.com")
            && reason.contains("resume"),
        "{reason}"
    );
    // The refusals say nothing about the assets themselves: every asset stays pending, so
    // one resume does them all.
    assert_eq!(
        (s.counts.failed, s.counts.changed, s.counts.pending),
        (0, 0, 60),
        "{:?}",
        s.counts
    );
    // Each asset is read before its write; the writes are what the stop bounds.
    let writes = (fake.calls.load(Ordering::SeqCst) - calls_before)
        - (fake.reads.load(Ordering::SeqCst) - reads_before);
    let limit = settings().controller.max as u64;
    assert!((5..=5 + limit).contains(&writes), "{writes} writes sent");

    // Write access given: resume does everything.
    fake.faults.forbidden.lock().unwrap().clear();
    let resumed = e
        .apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!(
        (
            resumed.status,
            resumed.counts.changed,
            resumed.counts.failed,
            resumed.counts.pending
        ),
        (RunStatus::Completed, 60, 0, 0)
    );
}

#[tokio::test]
async fn fewer_refusals_than_the_stop_needs_end_as_failures() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 3, |_| json!({"dc:rights": "old"}));
    let every: Vec<String> = (0..3).map(|k| format!("{F}/a{k:03}.jpg")).collect();
    fake.faults.forbidden.lock().unwrap().extend(every);
    let dir = tempfile::tempdir().unwrap();
    let e = engine(fake.clone(), dir.path());
    let p = e
        .plan(
            RunSource::Scope(spec(ApiFamily::Classic, vec![set("dc:rights", "new")])),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    let s = e
        .apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!(
        (s.status, s.counts.failed, s.counts.pending),
        (RunStatus::Completed, 3, 0),
        "{s:?}"
    );
    let rows = runs::report_page(
        &dir.path().join("runs"),
        &p.id,
        Some(ReportStatus::Failed),
        0,
        10,
    )
    .unwrap()
    .rows;
    assert_eq!(rows.len(), 3);
    assert!(rows.iter().all(|r| {
        r.reason
            .english()
            .as_deref()
            .is_some_and(|why| why.contains("may not change assets in this folder"))
    }));
}

#[tokio::test]
async fn refusals_after_an_accepted_write_are_failures_of_those_assets() {
    for forbidden in [0..4, 10..30] {
        let fake = Fake::new(ApiFamily::Classic);
        fake.seed(F, 30, |_| json!({"dc:rights": "old"}));
        let paths: Vec<String> = forbidden
            .clone()
            .map(|k| format!("{F}/a{k:03}.jpg"))
            .collect();
        fake.faults.forbidden.lock().unwrap().extend(paths);
        let dir = tempfile::tempdir().unwrap();
        // One write at a time, in the plan's order: which writes come first decides whether
        // the folder is taken as refusing. With 30 tasks waiting on a gate of one, their order
        // was the scheduler's: once, in a full test run on a loaded machine, five refused
        // writes went first and the run stopped.
        let e = engine(fake.clone(), dir.path()).with_settings(Settings {
            controller: ControllerConfig {
                initial: 1,
                max: 1,
                ..settings().controller
            },
            max_tasks: 1,
            ..settings()
        });
        let p = e
            .plan(
                RunSource::Scope(spec(ApiFamily::Classic, vec![set("dc:rights", "new")])),
                &RunControl::new(),
                &no_progress(),
            )
            .await
            .unwrap();
        let s = e
            .apply(&p.id, &RunControl::new(), &no_progress())
            .await
            .unwrap();
        let refused = forbidden.len() as u64;
        assert_eq!(
            (s.status, s.counts.failed, s.counts.changed),
            (RunStatus::Completed, refused, 30 - refused),
            "{forbidden:?}: {s:?}"
        );
    }
}

#[tokio::test]
async fn revoked_credentials_stop_the_run_and_resume_finishes_it() {
    let fake = Fake::per_asset(ApiFamily::Classic);
    fake.seed(F, 30, |_| json!({"dc:rights": "old"}));
    let dir = tempfile::tempdir().unwrap();
    let e = engine(fake.clone(), dir.path());
    let p = e
        .plan(
            RunSource::Scope(spec(ApiFamily::Classic, vec![set("dc:rights", "new")])),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    let calls = fake.calls.load(Ordering::SeqCst);
    *fake.faults.auth_after.lock().unwrap() = Some(calls + 10);
    let s = e
        .apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!(s.status, RunStatus::Stopped);
    assert!(s.reason.english().as_deref().unwrap().contains("revoked"));
    assert_eq!(
        s.counts.failed, 0,
        "assets not written are pending, not failed"
    );
    assert_eq!(s.counts.changed + s.counts.pending, 30);
    *fake.faults.auth_after.lock().unwrap() = None;
    let s = e
        .apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!(
        (s.status, s.counts.changed, s.counts.pending),
        (RunStatus::Completed, 30, 0)
    );
    assert!(fake.writes.lock().unwrap().values().all(|w| w.len() == 1));
}

#[tokio::test]
async fn cancel_lets_writes_in_flight_finish_and_resume_does_the_rest() {
    let fake = Fake::per_asset(ApiFamily::Classic);
    fake.seed(F, 40, |_| json!({"dc:rights": "old"}));
    let dir = tempfile::tempdir().unwrap();
    let e = engine(fake.clone(), dir.path());
    let p = e
        .plan(
            RunSource::Scope(spec(ApiFamily::Classic, vec![set("dc:rights", "new")])),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    let control = RunControl::new();
    let c2 = control.clone();
    let on = move |p: Progress| {
        if p.done >= 5 {
            c2.cancel();
        }
    };
    let s = e.apply(&p.id, &control, &on).await.unwrap();
    assert_eq!(s.status, RunStatus::Cancelled);
    assert!(
        s.counts.changed >= 5 && s.counts.pending > 0,
        "{:?}",
        s.counts
    );
    assert_eq!(
        s.counts.changed as usize,
        fake.write_count(),
        "every write started was finished and recorded"
    );
    let s = e
        .apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!((s.status, s.counts.changed), (RunStatus::Completed, 40));
    assert_eq!(fake.write_count(), 40);
}

#[tokio::test]
async fn a_failed_task_stops_new_writes_lets_the_others_finish_and_resume_completes() {
    let fake = Fake::per_asset(ApiFamily::Classic);
    fake.seed(F, 60, |_| json!({"dc:rights": "old"}));
    let dir = tempfile::tempdir().unwrap();
    let e = engine(fake.clone(), dir.path());
    let p = e
        .plan(
            RunSource::Scope(spec(ApiFamily::Classic, vec![set("dc:rights", "new")])),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    let crashing = format!("{F}/a020.jpg");
    *fake.faults.crash_on.lock().unwrap() = Some(crashing.clone());
    let err = e
        .apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap_err();
    assert!(err.to_string().contains("a run task failed"), "{err}");
    let s = runs::summary(&dir.path().join("runs"), &p.id).unwrap();
    assert_eq!(s.status, RunStatus::Interrupted);
    assert!(
        s.counts.pending > 1,
        "no new write after the failure: {s:?}"
    );
    assert_eq!(s.counts.failed, 0);
    assert_eq!(
        s.counts.changed as usize,
        fake.write_count(),
        "every write in flight finished and was journaled"
    );

    *fake.faults.crash_on.lock().unwrap() = None;
    let s = e
        .apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!((s.status, s.counts.changed), (RunStatus::Completed, 60));
    assert!(fake.writes.lock().unwrap().values().all(|w| w.len() == 1));
    assert_eq!(fake.get(&crashing)["dc:rights"], "new");
}

#[tokio::test]
async fn pause_holds_new_writes_until_resumed() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 20, |_| json!({"dc:rights": "old"}));
    let dir = tempfile::tempdir().unwrap();
    let e = Arc::new(engine(fake.clone(), dir.path()));
    let p = e
        .plan(
            RunSource::Scope(spec(ApiFamily::Classic, vec![set("dc:rights", "new")])),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    let control = RunControl::new();
    control.pause();
    let task = tokio::spawn({
        let (e, control, id) = (e.clone(), control.clone(), p.id.clone());
        async move { e.apply(&id, &control, &|_p: Progress| {}).await }
    });
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(fake.write_count(), 0);
    control.resume();
    let s = task.await.unwrap().unwrap();
    assert_eq!(s.counts.changed, 20);
}

#[tokio::test]
async fn an_in_doubt_write_is_checked_before_it_is_repeated() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 3, |_| json!({"dc:rights": "old"}));
    let dir = tempfile::tempdir().unwrap();
    let e = engine(fake.clone(), dir.path());
    let p = e
        .plan(
            RunSource::Scope(spec(ApiFamily::Classic, vec![set("dc:rights", "new")])),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    // Simulate a crash: write intents for assets 0 and 1 are on disk (and a torn outcome
    // line); asset 0's write landed, asset 1's did not.
    let path = journal_path(&dir.path().join("runs"), &p.id);
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("{\"t\":\"apply_started\",\"at\":\"2026-01-01T00:00:00Z\"}\n");
    text.push_str("{\"t\":\"writing\",\"i\":0,\"original\":{\"dc:rights\":\"old\"}}\n");
    text.push_str(
        "{\"t\":\"writing\",\"i\":1,\"original\":{\"dc:rights\":\"old\"}}\n{\"t\":\"outc",
    );
    std::fs::write(&path, text).unwrap();
    fake.set(&format!("{F}/a000.jpg"), "dc:rights", json!("new"));
    let status = runs::summary(&dir.path().join("runs"), &p.id)
        .unwrap()
        .status;
    assert_eq!(status, RunStatus::Interrupted);
    let s = e
        .apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!((s.counts.changed, s.counts.failed), (3, 0));
    let writes = fake.writes.lock().unwrap();
    assert!(
        !writes.contains_key(&format!("{F}/a000.jpg")),
        "landed write not repeated"
    );
    assert_eq!(writes[&format!("{F}/a001.jpg")].len(), 1);
}

#[tokio::test]
async fn a_second_apply_of_the_same_run_is_refused_while_one_runs() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 30, |_| json!({"dc:rights": "old"}));
    let dir = tempfile::tempdir().unwrap();
    let e = Arc::new(engine(fake.clone(), dir.path()));
    let p = e
        .plan(
            RunSource::Scope(spec(ApiFamily::Classic, vec![set("dc:rights", "new")])),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    let control = RunControl::new();
    control.pause();
    let first = tokio::spawn({
        let (e, control, id) = (e.clone(), control.clone(), p.id.clone());
        async move { e.apply(&id, &control, &|_p: Progress| {}).await }
    });
    tokio::time::sleep(Duration::from_millis(50)).await;
    let second = e.apply(&p.id, &RunControl::new(), &no_progress()).await;
    assert!(second.unwrap_err().to_string().contains("another"));
    control.resume();
    assert_eq!(first.await.unwrap().unwrap().counts.changed, 30);
}

#[tokio::test]
async fn classic_writes_read_each_asset_just_before_writing_it() {
    let remove = |p: &str, v: &[&str]| Edit {
        property: p.into(),
        op: EditOp::Remove {
            values: v.iter().map(|s| s.to_string()).collect(),
        },
    };
    let clear = |p: &str| Edit {
        property: p.into(),
        op: EditOp::Clear,
    };
    // The classic PUT ignores If-Match: a read just before each write is the only check that
    // nobody changed the asset since the preview, whatever the edit.
    let cases: Vec<(Vec<Edit>, u64)> = vec![
        (vec![set("dc:rights", "new")], 6),
        (vec![clear("dc:rights")], 6),
        (vec![set("xmpRights:UsageTerms", "terms")], 6),
        (vec![append("dc:subject", &["c"])], 6),
        (vec![remove("dc:subject", &["a"])], 6),
        (
            vec![set("dc:rights", "new"), append("dc:subject", &["c"])],
            6,
        ),
    ];
    for (edits, reads_in_apply) in cases {
        let fake = Fake::per_asset(ApiFamily::Classic);
        fake.seed(
            F,
            6,
            |_| json!({"dc:rights": "old", "dc:subject": ["a", "b"]}),
        );
        let dir = tempfile::tempdir().unwrap();
        let e = engine(fake.clone(), dir.path());
        let p = e
            .plan(
                RunSource::Scope(spec(ApiFamily::Classic, edits.clone())),
                &RunControl::new(),
                &no_progress(),
            )
            .await
            .unwrap();
        assert_eq!(p.counts.pending, 6);
        let before = fake.reads.load(Ordering::SeqCst);
        let s = e
            .apply(&p.id, &RunControl::new(), &no_progress())
            .await
            .unwrap();
        assert_eq!(s.counts.changed, 6);
        assert_eq!(
            fake.reads.load(Ordering::SeqCst) - before,
            reads_in_apply,
            "{edits:?}"
        );
    }
}

#[tokio::test]
async fn a_runs_duration_is_the_time_it_was_working() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 4, |_| json!({"dc:rights": "old"}));
    let dir = tempfile::tempdir().unwrap();
    let runs_dir = dir.path().join("runs");
    let e = engine(fake.clone(), dir.path());
    let p = e
        .plan(
            RunSource::Scope(spec(ApiFamily::Classic, vec![set("dc:rights", "new")])),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    assert!(p.duration_secs.is_some_and(|d| (0.0..60.0).contains(&d)));
    // The engine gives the first writing record of an apply its time.
    e.apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    let stamped = read_records(&journal_path(&runs_dir, &p.id))
        .unwrap()
        .filter(|r| matches!(r, Ok(Record::Writing { at: Some(_), .. })))
        .count();
    assert!(stamped >= 1);

    // A journal written over days: previewed in 10 s, applied three days later (20 s), an
    // apply killed 7 s in (its last timed record), resumed a week later (3 s).
    let spec_line = serde_json::to_string(&Record::Run {
        v: 1,
        id: "r".into(),
        created: "2026-01-01T10:00:00Z".into(),
        spec: Box::new(spec(ApiFamily::Classic, vec![set("dc:rights", "new")])),
    })
    .unwrap();
    let journal = |tail: &str| {
        format!(
            "{spec_line}\n\
             {{\"t\":\"row\",\"i\":0,\"path\":\"{F}/a.jpg\",\"action\":\"change\",\"changes\":[]}}\n\
             {{\"t\":\"previewed\",\"at\":\"2026-01-01T10:00:10Z\",\"counts\":{{\"assets\":1,\"willChange\":1,\"unchanged\":0,\"skipped\":0,\"filteredOut\":0,\"folders\":0}}}}\n\
             {tail}"
        )
    };
    let duration = |name: &str, tail: &str| {
        std::fs::write(journal_path(&runs_dir, name), journal(tail)).unwrap();
        runs::summary(&runs_dir, name).unwrap().duration_secs
    };
    assert_eq!(duration("previewed", ""), Some(10.0));
    let applied_later = "\
        {\"t\":\"apply_started\",\"at\":\"2026-01-04T09:00:00Z\"}\n\
        {\"t\":\"writing\",\"i\":0,\"original\":{},\"at\":\"2026-01-04T09:00:01Z\"}\n\
        {\"t\":\"outcome\",\"i\":0,\"outcome\":\"changed\"}\n\
        {\"t\":\"ended\",\"at\":\"2026-01-04T09:00:20Z\",\"status\":\"completed\"}\n";
    assert_eq!(duration("applied", applied_later), Some(30.0));
    let killed_then_resumed = "\
        {\"t\":\"apply_started\",\"at\":\"2026-01-04T09:00:00Z\"}\n\
        {\"t\":\"writing\",\"i\":0,\"original\":{},\"at\":\"2026-01-04T09:00:01Z\"}\n\
        {\"t\":\"outcome\",\"i\":0,\"outcome\":\"failed\",\"at\":\"2026-01-04T09:00:07Z\"}\n\
        {\"t\":\"writing\",\"i\":1,\"original\":{}}\n\
        {\"t\":\"apply_started\",\"at\":\"2026-01-11T12:00:00Z\"}\n\
        {\"t\":\"ended\",\"at\":\"2026-01-11T12:00:03Z\",\"status\":\"completed\"}\n";
    assert_eq!(duration("resumed", killed_then_resumed), Some(20.0));
    // Killed and not resumed (yet): up to the last timed record.
    let killed = &killed_then_resumed[..killed_then_resumed
        .find("{\"t\":\"apply_started\",\"at\":\"2026-01-11")
        .unwrap()];
    assert_eq!(duration("killed", killed), Some(17.0));
    // A preview that did not finish has no duration yet.
    std::fs::write(
        journal_path(&runs_dir, "incomplete"),
        format!("{spec_line}\n"),
    )
    .unwrap();
    assert_eq!(
        runs::summary(&runs_dir, "incomplete")
            .unwrap()
            .duration_secs,
        None
    );
}

/// The apply starts at the concurrency the preview learnt (journaled with `Previewed`), not
/// back at the configured start: a run's first batches use the slots its preview found. Seen
/// failing without `Gate::start_at` (the apply's first event at the configured start).
#[tokio::test]
async fn the_apply_starts_at_the_concurrency_the_preview_learnt() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 10, |k| json!({"dc:rights": format!("r{k}")}));
    let dir = tempfile::tempdir().unwrap();
    let p = engine(fake.clone(), dir.path())
        .plan(
            RunSource::Scope(spec(ApiFamily::Classic, vec![set("dc:rights", "R")])),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    let path = journal_path(&dir.path().join("runs"), &p.id);
    let learnt = read_records(&path)
        .unwrap()
        .find_map(|r| match r.unwrap() {
            Record::Previewed { concurrency, .. } => concurrency,
            _ => None,
        })
        .expect("the preview journals its concurrency");
    // Applied by an engine set to start far above it (another process, other settings).
    let defaults = settings();
    let elsewhere = Settings {
        controller: crate::concurrency::ControllerConfig {
            initial: learnt + 10,
            ..defaults.controller.clone()
        },
        ..defaults
    };
    let seen = std::sync::Mutex::new(Vec::new());
    let record = |p: Progress| seen.lock().unwrap().push(p.concurrency as usize);
    let s = engine(fake.clone(), dir.path())
        .with_settings(elsewhere)
        .apply(&p.id, &RunControl::new(), &record)
        .await
        .unwrap();
    assert_eq!(s.status, RunStatus::Completed);
    let first = seen.lock().unwrap().first().copied().unwrap();
    // Ten writes grow a limit by a step or two at most.
    assert!(
        (learnt..=learnt + 2).contains(&first),
        "learnt {learnt}, the apply began at {first}"
    );
}
