//! The app's views over a run and a folder: folder pages, completion, scope counts, retry plans,
//! pages of preview and report rows, and the messages of bad inputs and failed listings.

use super::*;
use crate::RunSource;
use crate::reasons::English;
use metadesk_assets::browse;

#[tokio::test]
async fn folder_pages_page_through_subfolders_and_assets() {
    let fake = browsable();
    let first = browse::folder_page(fake.as_ref(), F, 0, 4).await.unwrap();
    assert_eq!(first.folder, F);
    let names: Vec<&str> = first.folders.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, vec!["Alpha", "alps", "beta"]);
    assert_eq!(first.folders[0].path, format!("{F}/Alpha"));
    assert_eq!(
        (first.assets, first.total, first.next_offset),
        (1, Some(9), Some(4))
    );
    let (mut offset, mut assets, mut pages) = (first.next_offset, first.assets, 1);
    while let Some(o) = offset {
        let page = browse::folder_page(fake.as_ref(), F, o, 4).await.unwrap();
        assert!(page.folders.is_empty());
        assets += page.assets;
        offset = page.next_offset;
        pages += 1;
    }
    assert_eq!(
        (assets, pages),
        (6, 3),
        "five assets and the content fragment"
    );
    // The CLI's form without /content/dam works too.
    let short = browse::folder_page(fake.as_ref(), "f/", 0, 100)
        .await
        .unwrap();
    assert_eq!((short.folder.as_str(), short.next_offset), (F, None));

    let missing = browse::folder_page(fake.as_ref(), "/content/dam/nope", 0, 10)
        .await
        .unwrap_err();
    assert_eq!(missing.code(), metadesk_clients::error::ErrorCode::NotFound);
    assert!(
        missing.to_string().contains("/content/dam/nope")
            && missing.to_string().contains("does not exist"),
        "{missing}"
    );
    let outside = browse::folder_page(fake.as_ref(), "/content/sites/x", 0, 10)
        .await
        .unwrap_err();
    assert!(
        outside.to_string().contains("/content/sites/x")
            && outside.to_string().contains("not a DAM folder"),
        "{outside}"
    );
}

#[tokio::test]
async fn completion_lists_the_parent_and_matches_the_last_segment() {
    let fake = browsable();
    let names = |v: Vec<browse::FolderEntry>| v.into_iter().map(|e| e.name).collect::<Vec<_>>();
    let al = browse::complete(fake.as_ref(), "/content/dam/f/AL", 10)
        .await
        .unwrap();
    assert_eq!(names(al.clone()), vec!["Alpha", "alps"]);
    assert_eq!(al[0].path, format!("{F}/Alpha"));
    assert_eq!(
        names(browse::complete(fake.as_ref(), "f/al", 10).await.unwrap()),
        vec!["Alpha", "alps"],
        "without /content/dam, like the CLI"
    );
    assert_eq!(
        names(
            browse::complete(fake.as_ref(), "/content/dam/f/", 10)
                .await
                .unwrap()
        ),
        vec!["Alpha", "alps", "beta"]
    );
    assert_eq!(
        names(
            browse::complete(fake.as_ref(), "/content/dam/", 10)
                .await
                .unwrap()
        ),
        vec!["f", "other"]
    );
    assert_eq!(
        names(browse::complete(fake.as_ref(), "", 10).await.unwrap()),
        vec!["f", "other"]
    );
    assert_eq!(
        names(
            browse::complete(fake.as_ref(), "/content/dam/o", 10)
                .await
                .unwrap()
        ),
        vec!["other"]
    );
    assert_eq!(
        browse::complete(fake.as_ref(), "/content/da", 10)
            .await
            .unwrap()[0]
            .path,
        "/content/dam"
    );
    assert_eq!(
        browse::complete(fake.as_ref(), "/content/dam/f/al", 1)
            .await
            .unwrap()
            .len(),
        1
    );
    assert!(
        browse::complete(fake.as_ref(), "/content/dam/nope/x", 10)
            .await
            .unwrap()
            .is_empty(),
        "a parent that does not exist completes to nothing"
    );
    let outside = browse::complete(fake.as_ref(), "/content/sites/x", 10)
        .await
        .unwrap_err();
    assert!(
        outside.to_string().contains("not a DAM folder"),
        "{outside}"
    );
    let dots = browse::complete(fake.as_ref(), "/content/dam/../x", 10)
        .await
        .unwrap_err();
    assert!(dots.to_string().contains(".."), "{dots}");
}

#[tokio::test]
async fn a_subfolder_that_cannot_be_listed_is_in_the_plan_and_the_count_not_left_out() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed("/content/dam/f", 2, |_| json!({}));
    fake.seed("/content/dam/f/locked", 3, |_| json!({}));
    fake.seed("/content/dam/f/open", 1, |_| json!({}));
    fake.faults
        .forbidden
        .lock()
        .unwrap()
        .push("/content/dam/f/locked".into());
    let dir = tempfile::tempdir().unwrap();
    let sp = filtered(spec(ApiFamily::Classic, vec![set("dc:rights", "R")]), |f| {
        f.recursive = true
    });
    let p = engine(fake.clone(), dir.path())
        .plan(RunSource::Scope(sp), &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!((p.counts.assets, p.counts.skipped), (4, 1), "{p:?}");
    let rows = report_rows(dir.path(), &p.id);
    let locked = rows
        .iter()
        .find(|r| r.path == "/content/dam/f/locked")
        .expect("a row for the folder");
    assert_eq!(locked.status, ReportStatus::Skipped);
    let reason = locked.reason.english().unwrap();
    assert!(reason.contains("could not be listed"), "{reason}");

    let count = scope_count::count(
        fake.as_ref(),
        &RunScope::checked(
            "/content/dam/f",
            ScopeFilters {
                recursive: true,
                ..ScopeFilters::default()
            },
        )
        .unwrap(),
        &RunControl::new(),
        &|_| {},
    )
    .await
    .unwrap();
    assert_eq!((count.assets, count.unlisted_folders), (3, 1), "{count:?}");
}

/// A subfolder whose listing cannot reach the host says nothing about the folder: the count and
/// the preview walk the same way, and both stop with the same error instead of calling it
/// empty.
#[tokio::test]
async fn an_unreachable_subfolder_ends_the_count_and_the_preview_alike() {
    let fake = browsable();
    fake.faults
        .unreachable_folders
        .lock()
        .unwrap()
        .push(format!("{F}/alps"));
    let dir = tempfile::tempdir().unwrap();
    let sp = filtered(spec(ApiFamily::Classic, vec![set("dc:rights", "R")]), |f| {
        f.recursive = true
    });
    let preview = engine(fake.clone(), dir.path())
        .plan(RunSource::Scope(sp), &RunControl::new(), &no_progress())
        .await
        .unwrap_err();
    let count = scope_count::count(
        fake.as_ref(),
        &RunScope::checked(
            F,
            ScopeFilters {
                recursive: true,
                ..ScopeFilters::default()
            },
        )
        .unwrap(),
        &RunControl::new(),
        &|_| {},
    )
    .await
    .unwrap_err();
    assert_eq!(preview.to_string(), count.to_string());
    assert!(preview.to_string().contains("author-p1-e2"), "{preview}");
}

#[tokio::test]
async fn the_scope_count_equals_what_the_preview_plans() {
    let fake = browsable();
    let dir = tempfile::tempdir().unwrap();
    let e = engine(fake.clone(), dir.path());
    let mut cases = Vec::new();
    for recursive in [false, true] {
        for name in [None, Some("a000*"), Some("*1.JPG")] {
            for formats in [
                vec![],
                vec!["image/*".to_owned()],
                vec!["application/pdf".to_owned()],
            ] {
                cases.push(ScopeFilters {
                    recursive,
                    name: name.map(str::to_owned),
                    formats,
                    selection: None,
                    fragments: None,
                });
            }
        }
    }
    for filters in cases {
        let updates = Mutex::new(Vec::new());
        let on = |c: ScopeCount| updates.lock().unwrap().push(c);
        let count = scope_count::count_paged(
            fake.as_ref(),
            &RunScope::checked(F, filters.clone()).unwrap(),
            &RunControl::new(),
            &on,
            3,
        )
        .await
        .unwrap();
        let mut sp = spec(ApiFamily::Classic, vec![set("dc:rights", "R")]);
        sp.scope = RunScope::checked(F, filters.clone()).unwrap();
        let p = e
            .plan(RunSource::Scope(sp), &RunControl::new(), &no_progress())
            .await
            .unwrap();
        assert!(count.done);
        assert_eq!(
            (count.assets, count.content_fragments),
            (p.counts.assets - p.counts.skipped, p.counts.skipped),
            "{filters:?}"
        );
        let preview_counts = run_history::list(&dir.path().join("runs")).unwrap();
        assert_eq!(preview_counts[0].id, p.id);
        let updates = updates.into_inner().unwrap();
        assert_eq!(
            updates.last(),
            Some(&count),
            "the last update is the result"
        );
        assert!(updates[..updates.len() - 1].iter().all(|u| !u.done));
    }
    let deep = scope_count::count(
        fake.as_ref(),
        &RunScope::checked(
            F,
            ScopeFilters {
                recursive: true,
                ..ScopeFilters::default()
            },
        )
        .unwrap(),
        &RunControl::new(),
        &|_| {},
    )
    .await
    .unwrap();
    assert_eq!(
        (
            deep.assets,
            deep.content_fragments,
            deep.folders,
            deep.filtered_out
        ),
        (8, 1, 3, 0)
    );
    let per_folder: Vec<(&str, u64)> = deep
        .subfolders
        .iter()
        .map(|f| (f.folder.as_str(), f.assets))
        .collect();
    assert_eq!(
        per_folder,
        [("", 5), ("Alpha", 1), ("alps", 1), ("beta", 1)],
        "each subfolder's assets, the folder's own first"
    );
    assert_eq!(deep.more_subfolders, 0);
    let named = scope_count::count(
        fake.as_ref(),
        &RunScope::checked(
            F,
            ScopeFilters {
                name: Some("a000.jpg".into()),
                ..ScopeFilters::default()
            },
        )
        .unwrap(),
        &RunControl::new(),
        &|_| {},
    )
    .await
    .unwrap();
    assert_eq!(
        (named.assets, named.filtered_out),
        (1, 5),
        "4 assets and the fragment left out"
    );
    assert!(
        named.subfolders.is_empty(),
        "no bars per subfolder when subfolders are not included"
    );

    // Cancelled: what was counted so far, not done.
    let control = RunControl::new();
    control.cancel();
    let cancelled = scope_count::count(
        fake.as_ref(),
        &RunScope::checked(F, ScopeFilters::default()).unwrap(),
        &control,
        &|_| {},
    )
    .await
    .unwrap();
    assert!(!cancelled.done);

    let missing = scope_count::count(
        fake.as_ref(),
        &RunScope::checked("/content/dam/nope", ScopeFilters::default()).unwrap(),
        &RunControl::new(),
        &|_| {},
    )
    .await
    .unwrap_err();
    assert!(
        missing.to_string().contains("/content/dam/nope"),
        "{missing}"
    );
    // The seed script's form: `/etc/x` is `/content/dam/etc/x`, which does not exist.
    let outside = scope_count::count(
        fake.as_ref(),
        &RunScope::checked("/etc/x", ScopeFilters::default()).unwrap(),
        &RunControl::new(),
        &|_| {},
    )
    .await
    .unwrap_err();
    assert!(outside.to_string().contains("/etc/x"), "{outside}");
}

#[tokio::test]
async fn retry_plans_and_changes_exactly_the_failed_assets() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 6, |k| json!({"dc:rights": format!("r{k}")}));
    let forbidden = [
        format!("{F}/a001.jpg"),
        format!("{F}/a004.jpg"),
        format!("{F}/a005.jpg"),
    ];
    fake.faults
        .forbidden
        .lock()
        .unwrap()
        .extend(forbidden.iter().cloned());
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
    let first = e
        .apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!((first.counts.changed, first.counts.failed), (3, 3));

    // The access is fixed; someone already set one of the failed assets by hand.
    fake.faults.forbidden.lock().unwrap().clear();
    fake.set(&forbidden[2], "dc:rights", json!("new"));
    let r = e
        .plan(RunSource::retry(&p.id), &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!(r.kind, RunKind::Retry { of: p.id.clone() });
    assert_eq!(r.status, RunStatus::Previewed);
    assert_eq!(
        (r.counts.assets, r.counts.pending, r.counts.unchanged),
        (3, 2, 1)
    );
    assert_eq!(r.folder, F);
    let edits = r.edit_lines(&metadesk_base::i18n::Localizer::english());
    assert!(
        edits[0].contains("retry of the failed assets of run") && edits[0].contains(&p.id),
        "{:?}",
        r.edits
    );
    assert_eq!(edits[1], "dc:rights: set \"new\"");
    let rows = runs::preview_page(&runs_dir, &r.id, None, 0, 100).unwrap();
    let mut paths: Vec<&str> = rows.rows.iter().map(|r| r.path.as_str()).collect();
    paths.sort_unstable();
    assert_eq!(
        paths,
        forbidden.iter().map(String::as_str).collect::<Vec<_>>()
    );
    let before_changes: Vec<_> = rows
        .rows
        .iter()
        .filter(|r| r.action == Action::Change)
        .collect();
    assert_eq!(
        before_changes[0].changes[0].before,
        Some(json!("r1")),
        "read again now"
    );

    let writes_before = fake.write_count();
    let applied = e
        .apply(&r.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!(
        (
            applied.status,
            applied.counts.changed,
            applied.counts.failed
        ),
        (RunStatus::Completed, 2, 0)
    );
    assert_eq!(
        fake.write_count() - writes_before,
        2,
        "only the failed ones are written"
    );
    for k in 0..6 {
        assert_eq!(fake.get(&format!("{F}/a{k:03}.jpg"))["dc:rights"], "new");
    }
    let failed = runs::report_page(&runs_dir, &r.id, Some(ReportStatus::Failed), 0, 10).unwrap();
    assert_eq!(failed.total, 0);

    // Undo of the retry restores what the retry changed (and nothing else).
    let u = e
        .plan(RunSource::undo(&r.id), &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!(u.counts.pending, 2);
    e.apply(&u.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!(fake.get(&forbidden[0])["dc:rights"], "r1");
    assert_eq!(fake.get(&forbidden[1])["dc:rights"], "r4");
    assert_eq!(
        fake.get(&forbidden[2])["dc:rights"],
        "new",
        "not changed by the retry"
    );
    assert_eq!(fake.get(&format!("{F}/a000.jpg"))["dc:rights"], "new");

    // Nothing failed: nothing to retry. An undo is not retried (it is planned again).
    let none = e
        .plan(RunSource::retry(&r.id), &RunControl::new(), &no_progress())
        .await
        .unwrap_err();
    assert!(none.to_string().contains("nothing to retry"), "{none}");
    assert_eq!(
        none.code(),
        metadesk_clients::error::ErrorCode::InvalidInput
    );
    let undo = e
        .plan(RunSource::retry(&u.id), &RunControl::new(), &no_progress())
        .await
        .unwrap_err();
    assert!(undo.to_string().contains("is an undo"), "{undo}");
    // A retry spec given to the plain preview is refused.
    let mut wrong = spec(ApiFamily::Classic, vec![set("dc:rights", "x")]);
    wrong.kind = RunKind::Retry { of: p.id.clone() };
    assert!(
        e.plan(RunSource::Scope(wrong), &RunControl::new(), &no_progress())
            .await
            .is_err()
    );
}

#[tokio::test]
async fn preview_and_report_pages_filter_and_count_in_all() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(
        F,
        12,
        |k| json!({"dc:rights": if k < 2 { "R" } else { "old" }}),
    );
    fake.dam.lock().unwrap().fragments.push(format!("{F}/cf"));
    fake.faults
        .forbidden
        .lock()
        .unwrap()
        .push(format!("{F}/a007.jpg"));
    let dir = tempfile::tempdir().unwrap();
    let runs_dir = dir.path().join("runs");
    let e = engine(fake.clone(), dir.path());
    let p = e
        .plan(
            RunSource::Scope(spec(ApiFamily::Classic, vec![set("dc:rights", "R")])),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    let all = runs::preview_page(&runs_dir, &p.id, None, 0, 5).unwrap();
    assert_eq!((all.rows.len(), all.total), (5, 13));
    let change = runs::preview_page(&runs_dir, &p.id, Some(Action::Change), 8, 5).unwrap();
    assert_eq!((change.rows.len(), change.total), (2, 10));
    assert!(change.rows.iter().all(|r| r.action == Action::Change));
    let unchanged = runs::preview_page(&runs_dir, &p.id, Some(Action::Unchanged), 0, 50).unwrap();
    assert_eq!(unchanged.total, 2);
    let skip = runs::preview_page(&runs_dir, &p.id, Some(Action::Skip), 0, 50).unwrap();
    assert_eq!(
        (skip.total, skip.rows[0].path.as_str()),
        (1, format!("{F}/cf").as_str())
    );
    assert!(
        runs::preview_page(&runs_dir, &p.id, None, 100, 5)
            .unwrap()
            .rows
            .is_empty()
    );

    // Before the apply, the changes are pending.
    let pending = runs::report_page(&runs_dir, &p.id, Some(ReportStatus::Pending), 0, 3).unwrap();
    assert_eq!((pending.rows.len(), pending.total), (3, 10));
    e.apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    let every = runs::report_page(&runs_dir, &p.id, None, 10, 10).unwrap();
    assert_eq!((every.rows.len(), every.total), (3, 13));
    let changed = runs::report_page(&runs_dir, &p.id, Some(ReportStatus::Changed), 0, 100).unwrap();
    assert_eq!(changed.total, 9);
    let failed = runs::report_page(&runs_dir, &p.id, Some(ReportStatus::Failed), 0, 100).unwrap();
    assert_eq!(failed.total, 1);
    assert_eq!(failed.rows[0].path, format!("{F}/a007.jpg"));
    assert!(
        failed.rows[0]
            .reason
            .english()
            .as_deref()
            .unwrap()
            .contains("may not change assets in this folder")
    );
    let skipped = runs::report_page(&runs_dir, &p.id, Some(ReportStatus::Skipped), 0, 100).unwrap();
    assert_eq!(skipped.total, 1);
}

#[tokio::test]
async fn bad_inputs_are_refused_in_words() {
    let fake = browsable();
    let dir = tempfile::tempdir().unwrap();
    let runs_dir = dir.path().join("runs");
    let e = engine(fake.clone(), dir.path());
    let quiet = no_progress();
    let c = RunControl::new();

    // Refused as the run's scope is made: no spec holds a folder outside the DAM.
    let err = RunScope::checked("/content/sites/wknd", ScopeFilters::default())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("/content/sites/wknd") && err.contains("not a DAM folder"),
        "{err}"
    );

    let empty = Edit {
        property: "dc:subject".into(),
        op: EditOp::Append { values: vec![] },
    };
    let err = e
        .plan(
            RunSource::Scope(spec(ApiFamily::Classic, vec![empty])),
            &c,
            &quiet,
        )
        .await
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("dc:subject") && err.contains("at least one value"),
        "{err}"
    );
    let blank = Edit {
        property: "dc:rights".into(),
        op: EditOp::Set {
            values: vec![String::new()],
        },
    };
    let err = e
        .plan(
            RunSource::Scope(spec(ApiFamily::Classic, vec![blank])),
            &c,
            &quiet,
        )
        .await
        .unwrap_err()
        .to_string();
    assert!(err.contains("empty value"), "{err}");
    let err = e
        .plan(
            RunSource::Scope(spec(ApiFamily::Classic, vec![])),
            &c,
            &quiet,
        )
        .await
        .unwrap_err()
        .to_string();
    assert!(err.contains("no edit"), "{err}");

    for unknown in ["20990101-000000-000-beef", "nope"] {
        for err in [
            e.apply(unknown, &c, &quiet).await.unwrap_err(),
            e.plan(RunSource::undo(unknown), &c, &quiet)
                .await
                .unwrap_err(),
            e.plan(RunSource::retry(unknown), &c, &quiet)
                .await
                .unwrap_err(),
            runs::summary(&runs_dir, unknown).unwrap_err(),
            runs::preview_page(&runs_dir, unknown, None, 0, 1).unwrap_err(),
            runs::report_page(&runs_dir, unknown, None, 0, 1).unwrap_err(),
        ] {
            assert!(
                err.to_string()
                    .contains(&format!("There is no run {unknown}")),
                "{err}"
            );
        }
    }
    for bad in ["../x", "../../etc/passwd", "a/b", "x.jsonl", ""] {
        for err in [
            e.apply(bad, &c, &quiet).await.unwrap_err(),
            e.plan(RunSource::undo(bad), &c, &quiet).await.unwrap_err(),
            e.plan(RunSource::retry(bad), &c, &quiet).await.unwrap_err(),
            runs::summary(&runs_dir, bad).unwrap_err(),
            runs::preview_page(&runs_dir, bad, None, 0, 1).unwrap_err(),
            runs::report_page(&runs_dir, bad, None, 0, 1).unwrap_err(),
        ] {
            assert!(err.to_string().contains("is not a run id"), "{bad}: {err}");
            assert_eq!(err.code(), metadesk_clients::error::ErrorCode::InvalidInput);
        }
    }
}

#[tokio::test]
async fn listing_failures_say_what_to_do_where_the_user_is() {
    // An OAuth connection listing with its own token: AEM answers 403 on the classic API.
    struct Refusing(ApiFamily, CallError);
    impl AssetsApi for Refusing {
        fn family(&self) -> ApiFamily {
            self.0
        }
        fn list<'a>(
            &'a self,
            _: &'a str,
            _: u64,
            _: u64,
        ) -> BoxFuture<'a, Result<Page, CallError>> {
            let e = self.1.clone();
            Box::pin(async move { Err(e) })
        }
        fn resolve_id<'a>(
            &'a self,
            _: &'a str,
        ) -> BoxFuture<'a, Result<Option<String>, CallError>> {
            Box::pin(async { Ok(None) })
        }
        fn read<'a>(&'a self, _: &'a AssetRef) -> BoxFuture<'a, Result<Current, CallError>> {
            Box::pin(async { Err(CallError::NotFound) })
        }
        fn write<'a>(
            &'a self,
            _: &'a AssetRef,
            _: &'a [Write],
            _: Option<&'a str>,
        ) -> BoxFuture<'a, Result<Option<String>, CallError>> {
            Box::pin(async { Err(CallError::NotFound) })
        }
        fn listing_carries(&self, _: &str) -> bool {
            false
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let oauth = Arc::new(Refusing(
        ApiFamily::OpenApi,
        CallError::Forbidden("no".into()),
    ));
    let e = Engine::new(oauth.clone(), dir.path().join("runs")).with_settings(settings());
    let err = e
        .plan(
            RunSource::Scope(spec(ApiFamily::OpenApi, vec![set("dc:rights", "R")])),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("OAuth Server-to-Server credential cannot list a folder’s assets")
            && err.to_string().contains("Service Credentials connection"),
        "{err}"
    );
    let err = browse::folder_page(oauth.as_ref(), F, 0, 10)
        .await
        .unwrap_err();
    assert!(
        err.to_string().contains("cannot list a folder’s assets"),
        "{err}"
    );

    let expired = metadesk_clients::aem::AemError::Auth(metadesk_base::i18n::Text::plain(
        "aem-dev-token-refused",
    ));
    let aem = Arc::new(Refusing(ApiFamily::Classic, CallError::from_aem(expired)));
    let e = Engine::new(aem.clone(), dir.path().join("runs")).with_settings(settings());
    let err = e
        .plan(
            RunSource::Scope(spec(ApiFamily::Classic, vec![set("dc:rights", "R")])),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap_err();
    assert_eq!(err.code(), metadesk_clients::error::ErrorCode::Auth);
    assert!(
        err.to_string()
            .contains("Get a new one in the AEM Developer Console"),
        "{err}"
    );

    let unreachable = metadesk_clients::aem::AemError::Unreachable {
        host: "author-p1-e2.adobeaemcloud.com".into(),
        detail: "connection refused".into(),
    };
    let aem = Arc::new(Refusing(
        ApiFamily::Classic,
        CallError::from_aem(unreachable),
    ));
    let e = Engine::new(aem.clone(), dir.path().join("runs")).with_settings(settings());
    let err = e
        .plan(
            RunSource::Scope(spec(ApiFamily::Classic, vec![set("dc:rights", "R")])),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap_err();
    assert_eq!(err.code(), metadesk_clients::error::ErrorCode::Network);
    assert!(
        err.to_string()
            .contains("Could not reach author-p1-e2.adobeaemcloud.com"),
        "{err}"
    );
    let err = scope_count::count(
        aem.as_ref(),
        &RunScope::checked(F, ScopeFilters::default()).unwrap(),
        &RunControl::new(),
        &|_| {},
    )
    .await
    .unwrap_err();
    assert!(
        err.to_string().contains("Could not reach author-p1-e2"),
        "{err}"
    );
}

/// A tag import journaled before its plan was an operation's (the spec's `tagImport`, with no
/// `op` tag) still opens as one: its rows counted and listed, its page the Tags page.
#[tokio::test]
async fn a_tag_import_journaled_before_it_was_an_operation_still_opens_as_one() {
    let dir = tempfile::tempdir().unwrap();
    let e = engine(Fake::new(ApiFamily::Classic), dir.path());
    let mut import = spec(ApiFamily::Classic, Vec::new());
    import.kind = RunKind::TagImport {
        file: "t.csv".into(),
    };
    import.op = Some(crate::ops::OpPlan::TagImport(
        crate::tag_import::sample_plan(),
    ));
    let s = e
        .plan(
            RunSource::Planned(import),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    journaled_before_ops(dir.path(), &s.id, "tagImport", &[]);

    let old = runs::summary(&dir.path().join("runs"), &s.id).unwrap();
    assert_eq!(old.op, s.op);
    // Its rows done are tags and values written, not assets changed.
    assert_eq!(
        (s.done_words.as_str(), old.done_words.as_str()),
        ("count-written", "count-written")
    );
    let view = old.op.as_ref().and_then(|op| op.as_tag_import()).unwrap();
    assert_eq!((view.file_name.as_str(), view.planned), ("t.csv", 2));
    assert_eq!((old.counts.assets, old.counts.pending), (3, 3));
    assert_eq!(old.opens, s.opens);
    let rows = report_rows(dir.path(), &s.id);
    assert_eq!(
        rows.iter().map(|r| r.path.as_str()).collect::<Vec<_>>(),
        ["ns:new", "ns:new jcr:title.fr", "ns:old jcr:title"]
    );
}

/// An upload journaled before its plan was an operation's (the spec's `upload`, with no `op`
/// tag) still opens as one: its files counted and listed in its report, where each stands and
/// why, its page the Upload page. Seen failing with only `tagImport` read as the spec's `op`
/// (the old journal's plan was lost), and with an upload's report empty, as it was.
#[tokio::test]
async fn an_upload_journaled_before_it_was_an_operation_reports_its_files() {
    use crate::parts::{PartState, RunPart};
    use crate::upload::{Arrival, PlannedFile, UploadRunPlan};
    use metadesk_base::i18n::SavedText;
    let dir = tempfile::tempdir().unwrap();
    let e = engine(Fake::new(ApiFamily::Classic), dir.path());
    let file = |name: &str| PlannedFile {
        local: format!("/drop/{name}"),
        aem_path: format!("/content/dam/f/{name}"),
        size: 3,
        sha1: "a9993e364706816aba3e25717850c26c9cd0d89d".into(),
        arrival: Arrival::New,
        before: None,
        metadata: Default::default(),
    };
    let mut upload = spec(ApiFamily::Classic, Vec::new());
    upload.kind = RunKind::Upload {
        folder: "/content/dam/f".into(),
        files: 2,
    };
    upload.op = Some(crate::ops::OpPlan::Upload(UploadRunPlan {
        folder: "/content/dam/f".into(),
        folders: Vec::new(),
        files: vec![file("a.jpg"), file("b.jpg")],
        same: 0,
        refused: 0,
    }));
    let s = e
        .plan(
            RunSource::Planned(upload),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    let done = Record::Part {
        part: RunPart::File {
            path: "/content/dam/f/a.jpg".into(),
        },
        state: PartState::Done,
        at: "2026-11-30T10:00:00Z".into(),
        reason: None,
        now: None,
    };
    let refused = Record::Part {
        part: RunPart::File {
            path: "/content/dam/f/b.jpg".into(),
        },
        state: PartState::Refused,
        at: "2026-11-30T10:00:01Z".into(),
        reason: Some(SavedText::new(
            "upload-processing-unfinished",
            [("path", "/content/dam/f/b.jpg".into())],
        )),
        now: None,
    };
    journaled_before_ops(dir.path(), &s.id, "upload", &[done, refused]);

    let old = runs::summary(&dir.path().join("runs"), &s.id).unwrap();
    let view = old.op.as_ref().and_then(|op| op.as_upload()).unwrap();
    assert_eq!((view.planned, view.uploaded, view.failed), (2, 1, 1));
    assert_eq!((old.counts.assets, old.counts.changed), (2, 1));
    assert_eq!(old.done_words, "count-uploaded");
    assert_eq!(old.opens, s.opens);
    let rows = report_rows(dir.path(), &s.id);
    let rows: Vec<_> = rows
        .iter()
        .map(|r| {
            let why = r.reason.as_ref().and_then(SavedText::code);
            (r.path.as_str(), r.status, why)
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("/content/dam/f/a.jpg", ReportStatus::Changed, None),
            (
                "/content/dam/f/b.jpg",
                ReportStatus::Failed,
                Some("upload-processing-unfinished")
            ),
        ]
    );
}

/// Rewrites run `id`'s journal as one written before its plan was an operation's: the spec's
/// `op` moved to `field`, without its `op` tag; then `more` records appended.
fn journaled_before_ops(dir: &std::path::Path, id: &str, field: &str, more: &[Record]) {
    let journal = journal_path(&dir.join("runs"), id);
    let text = std::fs::read_to_string(&journal).unwrap();
    let (first, rest) = text.split_once('\n').unwrap();
    let mut run: serde_json::Value = serde_json::from_str(first).unwrap();
    let spec = run.get_mut("spec").unwrap().as_object_mut().unwrap();
    let mut plan = spec.remove("op").unwrap();
    plan.as_object_mut().unwrap().remove("op");
    spec.insert(field.into(), plan);
    let mut text = format!("{run}\n{rest}");
    for record in more {
        text += &format!("{}\n", serde_json::to_string(record).unwrap());
    }
    std::fs::write(&journal, text).unwrap();
}
