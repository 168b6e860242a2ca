//! Undo: what it restores, and the later changes of others it leaves alone.

use super::*;
use crate::RunSource;
use crate::run_undone;

#[tokio::test]
async fn undo_restores_a_write_in_doubt_that_landed_after_a_kill() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 3, |k| json!({"dc:rights": format!("r{k}")}));
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
    // Killed mid-apply: the intents of a000 and a001 are on disk, no outcome. a000's write
    // landed, a001's did not.
    let path = journal_path(&runs_dir, &p.id);
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("{\"t\":\"apply_started\",\"at\":\"2026-01-01T00:00:00Z\"}\n");
    text.push_str("{\"t\":\"writing\",\"i\":0,\"original\":{\"dc:rights\":\"r0\"}}\n");
    text.push_str("{\"t\":\"writing\",\"i\":1,\"original\":{\"dc:rights\":\"r1\"}}\n");
    std::fs::write(&path, text).unwrap();
    fake.set(&format!("{F}/a000.jpg"), "dc:rights", json!("new"));
    assert_eq!(
        runs::summary(&runs_dir, &p.id).unwrap().status,
        RunStatus::Interrupted
    );

    let u = e
        .plan(RunSource::undo(&p.id), &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!(
        (u.counts.assets, u.counts.pending, u.counts.unchanged),
        (2, 1, 1),
        "a000 to restore, a001 already as wanted"
    );
    let u = e
        .apply(&u.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!((u.status, u.counts.changed), (RunStatus::Completed, 1));
    assert_eq!(fake.get(&format!("{F}/a000.jpg"))["dc:rights"], "r0");
    assert_eq!(fake.get(&format!("{F}/a001.jpg"))["dc:rights"], "r1");
    assert_eq!(fake.get(&format!("{F}/a002.jpg"))["dc:rights"], "r2");
    assert!(
        !fake
            .writes
            .lock()
            .unwrap()
            .contains_key(&format!("{F}/a001.jpg")),
        "a write that did not land is not undone"
    );
}

#[tokio::test]
async fn undo_restores_a_write_whose_answer_was_lost_and_leaves_one_that_did_not_land() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 3, |k| json!({"dc:rights": format!("r{k}")}));
    let (landed, not_landed) = (format!("{F}/a000.jpg"), format!("{F}/a001.jpg"));
    fake.faults.lost_writes.lock().unwrap().push(landed.clone());
    fake.faults
        .dropped_writes
        .lock()
        .unwrap()
        .push(not_landed.clone());
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
    let s = e
        .apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    // The write whose answer was lost is read again instead of being sent again: it landed,
    // so it counts as changed; the one that never lands fails after its attempts.
    assert_eq!((s.counts.changed, s.counts.failed), (2, 1));
    assert_eq!(
        fake.get(&landed)["dc:rights"],
        "new",
        "applied although every answer was lost"
    );
    assert_eq!(fake.writes.lock().unwrap()[&landed].len(), 1, "sent once");
    assert_eq!(fake.get(&not_landed)["dc:rights"], "r1");

    fake.faults.lost_writes.lock().unwrap().clear();
    fake.faults.dropped_writes.lock().unwrap().clear();
    let u = e
        .plan(RunSource::undo(&p.id), &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!(
        (u.counts.assets, u.counts.pending, u.counts.unchanged),
        (3, 2, 1)
    );
    let unchanged = runs::preview_page(&runs_dir, &u.id, Some(Action::Unchanged), 0, 10)
        .unwrap()
        .rows;
    assert_eq!(unchanged[0].path, not_landed, "already as wanted");
    e.apply(&u.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!(fake.get(&landed)["dc:rights"], "r0");
    assert_eq!(fake.get(&format!("{F}/a002.jpg"))["dc:rights"], "r2");
    assert_eq!(fake.get(&not_landed)["dc:rights"], "r1");
    assert!(
        !fake.writes.lock().unwrap().contains_key(&not_landed),
        "nothing ever written to the asset whose writes did not land"
    );
}

#[tokio::test]
async fn undo_leaves_a_value_set_the_same_way_by_someone_else() {
    // OpenAPI: after the preview someone sets a001 to the run's value; our If-Match write is
    // refused (412), so the run wrote nothing there and its undo must not revert their edit.
    let fake = Fake::new(ApiFamily::OpenApi);
    fake.seed(F, 2, |k| json!({"dc:rights": format!("r{k}")}));
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
    let theirs = format!("{F}/a001.jpg");
    fake.set(&theirs, "dc:rights", json!("new"));
    let s = e
        .apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!((s.counts.changed, s.counts.unchanged), (1, 1));
    let u = e
        .plan(RunSource::undo(&p.id), &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!((u.counts.assets, u.counts.pending), (1, 1), "{u:?}");
    e.apply(&u.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!(fake.get(&format!("{F}/a000.jpg"))["dc:rights"], "r0");
    assert_eq!(fake.get(&theirs)["dc:rights"], "new", "their edit stays");
}

/// The undo's preview asks the current values in a batched check, as the apply does: one
/// request, not a read per asset; an asset the check does not find (the search index lags
/// behind) is read on its own, never taken as gone.
#[tokio::test]
async fn undo_restores_originals_except_where_changed_since() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 5, |k| {
        if k == 4 {
            json!({})
        } else {
            json!({"dc:rights": format!("r{k}")})
        }
    });
    let dir = tempfile::tempdir().unwrap();
    let e = engine(fake.clone(), dir.path());
    let run = applied_set(&e, ApiFamily::Classic).await;
    fake.set(&format!("{F}/a001.jpg"), "dc:rights", json!("edited later"));
    fake.faults
        .unindexed
        .lock()
        .unwrap()
        .push(format!("{F}/a002.jpg"));
    let (reads, checks) = (
        fake.reads.load(Ordering::SeqCst),
        fake.checks.load(Ordering::SeqCst),
    );
    let u = e
        .plan(RunSource::undo(&run), &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!(u.kind, RunKind::Undo { of: run.clone() });
    assert_eq!((u.counts.pending, u.counts.skipped), (4, 1));
    assert_eq!(
        (
            fake.checks.load(Ordering::SeqCst) - checks,
            fake.reads.load(Ordering::SeqCst) - reads
        ),
        (1, 1),
        "one check, and a read of the asset it did not find"
    );
    let u = e
        .apply(&u.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!(u.counts.changed, 4);
    assert_eq!(fake.get(&format!("{F}/a000.jpg"))["dc:rights"], "r0");
    assert_eq!(
        fake.get(&format!("{F}/a001.jpg"))["dc:rights"],
        "edited later"
    );
    assert_eq!(fake.get(&format!("{F}/a002.jpg"))["dc:rights"], "r2");
    assert_eq!(fake.get(&format!("{F}/a003.jpg"))["dc:rights"], "r3");
    assert!(
        !fake.get(&format!("{F}/a004.jpg")).contains_key("dc:rights"),
        "absent before → removed"
    );
    let list = run_history::list(&dir.path().join("runs")).unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0].id, u.id, "newest first");
}

/// A report shows its run's latest state: once an undo was applied, each row says what that
/// undo did to it (put back, kept because someone changed it since); a preview of an undo is
/// not one, and a redo brings the run's own outcomes back.
#[tokio::test]
async fn a_report_row_says_what_the_latest_undo_did_to_it() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 3, |k| json!({"dc:rights": format!("r{k}")}));
    let dir = tempfile::tempdir().unwrap();
    let runs_dir = dir.path().join("runs");
    let e = engine(fake.clone(), dir.path());
    let run = applied_set(&e, ApiFamily::Classic).await;
    assert!(run_undone::latest_undo(&run_history::list(&runs_dir).unwrap(), &run).is_none());
    fake.set(&format!("{F}/a001.jpg"), "dc:rights", json!("edited later"));
    let u = e
        .plan(RunSource::undo(&run), &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert!(
        run_undone::latest_undo(&run_history::list(&runs_dir).unwrap(), &run).is_none(),
        "previewed, not applied"
    );
    e.apply(&u.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    let latest = run_undone::latest_undo(&run_history::list(&runs_dir).unwrap(), &run).unwrap();
    assert_eq!(latest.id, u.id);
    let mut page = runs::report_page(&runs_dir, &run, None, 0, 10).unwrap();
    run_undone::mark_undone(
        &runs_dir,
        &u.id,
        &mut page.rows,
        |r| r.path.as_str(),
        |r, d| r.undone = Some(d),
    )
    .unwrap();
    let states: Vec<_> = page
        .rows
        .iter()
        .map(|r| (r.status, r.undone.as_ref().map(|d| d.status)))
        .collect();
    use runs::ReportStatus::{Changed, Skipped};
    assert_eq!(
        states,
        vec![
            (Changed, Some(Changed)),
            (Changed, Some(Skipped)),
            (Changed, Some(Changed)),
        ]
    );
    // Its redo: the run's own outcomes hold again.
    let r = e
        .plan(RunSource::undo(&u.id), &RunControl::new(), &no_progress())
        .await
        .unwrap();
    e.apply(&r.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert!(run_undone::latest_undo(&run_history::list(&runs_dir).unwrap(), &run).is_none());
}

/// Each run the history lists says how it stands to its undos, as Activity, a report and the
/// CLI show it: an edit undone in full has nothing left to undo and names its undo, which
/// would redo; once that undo is undone in turn (a redo), the edit can be undone again, its
/// report shows its own outcomes, and the redo is said to be one. A single run's summary says
/// the same.
#[tokio::test]
async fn each_listed_run_says_how_it_stands_to_its_undos() {
    use crate::run_history::RunHistory;
    use crate::undo_links::{UndoAction, UndoLinks};
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 3, |k| json!({"dc:rights": format!("r{k}")}));
    let dir = tempfile::tempdir().unwrap();
    let runs_dir = dir.path().join("runs");
    let e = engine(fake.clone(), dir.path());
    let history = RunHistory::default();
    let links = |id: &str| -> UndoLinks {
        let listed = history.list(&runs_dir).unwrap();
        listed.into_iter().find(|r| r.id == id).unwrap().undo_links
    };
    let run = applied_set(&e, ApiFamily::Classic).await;
    assert_eq!(
        links(&run),
        UndoLinks {
            undo_action: Some(UndoAction::Undo),
            ..UndoLinks::default()
        }
    );
    let undo = |of: String| {
        let e = &e;
        async move {
            let u = e
                .plan(RunSource::undo(&of), &RunControl::new(), &no_progress())
                .await
                .unwrap();
            e.apply(&u.id, &RunControl::new(), &no_progress())
                .await
                .unwrap()
                .id
        }
    };
    let u = undo(run.clone()).await;
    assert_eq!(
        links(&run),
        UndoLinks {
            undone_by: Some(u.clone()),
            wholly_undone: true,
            last_undo: Some(u.clone()),
            ..UndoLinks::default()
        },
        "undone in full: nothing left to undo"
    );
    assert_eq!(
        links(&u),
        UndoLinks {
            undo_action: Some(UndoAction::Redo),
            ..UndoLinks::default()
        }
    );
    let redo = undo(u.clone()).await;
    assert_eq!(
        links(&run),
        UndoLinks {
            undone_by: Some(u.clone()),
            undo_action: Some(UndoAction::Undo),
            ..UndoLinks::default()
        },
        "its undo undone: its own outcomes hold again"
    );
    assert_eq!(
        links(&u),
        UndoLinks {
            undone_by: Some(redo.clone()),
            wholly_undone: true,
            last_undo: Some(redo.clone()),
            ..UndoLinks::default()
        }
    );
    assert_eq!(
        links(&redo),
        UndoLinks {
            redo: true,
            undo_action: Some(UndoAction::Undo),
            ..UndoLinks::default()
        }
    );
    assert_eq!(
        history.summary(&runs_dir, &u).unwrap().undo_links,
        links(&u)
    );
}

/// An undo that put back only part of a run (stopped with assets left, some failed, or only
/// previewed) leaves the run its Undo for the rest.
#[tokio::test]
async fn a_run_keeps_its_undo_for_what_its_undo_did_not_put_back() {
    use crate::replay::RunStatus;
    use crate::undo_links::UndoAction;
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 3, |k| json!({"dc:rights": format!("r{k}")}));
    let dir = tempfile::tempdir().unwrap();
    let runs_dir = dir.path().join("runs");
    let e = engine(fake.clone(), dir.path());
    let edit = runs::summary(&runs_dir, &applied_set(&e, ApiFamily::Classic).await).unwrap();
    let undo_of = |status: RunStatus, changed: u64, failed: u64, pending: u64| {
        let mut undo = edit.clone();
        undo.id = "20990101-000000-undo".into();
        undo.created = "2099-01-01T00:00:00Z".into();
        undo.applied_at = (changed > 0).then(|| "2099-01-01T00:00:01Z".into());
        undo.undoes = Some(edit.id.clone());
        undo.status = status;
        undo.counts.changed = changed;
        undo.counts.failed = failed;
        undo.counts.pending = pending;
        undo
    };
    let action = |undo| {
        let mut all = vec![undo, edit.clone()];
        run_undone::link(&mut all);
        (
            all[1].undo_links.undo_action,
            all[1].undo_links.wholly_undone,
        )
    };
    assert_eq!(action(undo_of(RunStatus::Completed, 3, 0, 0)), (None, true));
    for (why, partial) in [
        (
            "stopped with assets left",
            undo_of(RunStatus::Stopped, 2, 0, 1),
        ),
        ("some failed", undo_of(RunStatus::Completed, 2, 1, 0)),
        ("only previewed", undo_of(RunStatus::Previewed, 0, 0, 3)),
    ] {
        assert_eq!(action(partial), (Some(UndoAction::Undo), false), "{why}");
    }
}
