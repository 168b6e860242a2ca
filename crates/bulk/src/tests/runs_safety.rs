//! Runs in general: one apply at a time from the state on disk once the run's lock is held,
//! resumes and retries that check a value before writing it again, refusals decided per folder.

use super::*;
use crate::RunSource;
use crate::reasons::English;
use std::collections::HashMap;

/// Outcome records per asset in the run's journal.
fn outcomes_per_asset(dir: &std::path::Path, id: &str) -> HashMap<u64, usize> {
    let mut seen = HashMap::new();
    for r in read_records(&journal_path(&dir.join("runs"), id)).unwrap() {
        if let Record::Outcome { i, .. } = r.unwrap() {
            *seen.entry(i).or_insert(0) += 1;
        }
    }
    seen
}

/// A second engine asks to apply the run while the first holds its lock, and gets it as the
/// first finishes: it must read the run's state after taking the lock, find it complete, and
/// send nothing. (Before the fix it had read the state before waiting for the lock, and applied
/// the whole plan again from that stale state: every outcome journaled twice.)
#[tokio::test]
async fn an_apply_waiting_for_the_lock_reads_the_state_the_first_left() {
    let fake = Fake::new(ApiFamily::OpenApi);
    fake.seed(F, 20, |_| json!({"dc:rights": "old"}));
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
    let control = RunControl::new();
    control.pause();
    let first = tokio::spawn({
        let (e, control, id) = (
            engine(fake.clone(), dir.path()),
            control.clone(),
            p.id.clone(),
        );
        async move { e.apply(&id, &control, &|_p: Progress| {}).await }
    });
    // The first holds the lock (paused before its first write).
    let lock = dir.path().join("runs").join(format!("{}.lock", p.id));
    while !journals(dir.path()).iter().any(|n| n.ends_with(".lock"))
        || !std::fs::read_to_string(journal_path(&dir.path().join("runs"), &p.id))
            .unwrap()
            .contains("apply_started")
    {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    assert!(lock.is_file());
    // The second, as another process would: its own engine and runtime, waiting for the lock.
    let second = std::thread::spawn({
        let (fake, dir, id) = (fake.clone(), dir.path().to_owned(), p.id.clone());
        move || {
            tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap()
                .block_on(async {
                    engine(fake, &dir)
                        .apply(&id, &RunControl::new(), &|_p: Progress| {})
                        .await
                })
        }
    });
    // Well inside the lock's patience: the second is waiting for it by now.
    tokio::time::sleep(Duration::from_millis(150)).await;
    control.resume();
    let s = first.await.unwrap().unwrap();
    assert_eq!(s.counts.changed, 20);
    let second = second.join().unwrap();
    assert!(second.is_err(), "the second apply found the run complete");
    let outcomes = outcomes_per_asset(dir.path(), &p.id);
    assert_eq!(outcomes.len(), 20);
    assert!(
        outcomes.values().all(|n| *n == 1),
        "one outcome per asset: {outcomes:?}"
    );
    assert_eq!(fake.write_count(), 20, "nothing sent twice");
    let s = runs::summary(&dir.path().join("runs"), &p.id).unwrap();
    assert_eq!((s.status, s.counts.changed), (RunStatus::Completed, 20));
}

/// An engine writing one asset at a time, in plan order.
fn one_at_a_time(fake: Arc<Fake>, dir: &std::path::Path) -> Engine {
    Engine::new(fake, dir.join("runs")).with_settings(Settings {
        max_tasks: 1,
        ..settings()
    })
}

fn recursive(family: ApiFamily) -> RunSpec {
    filtered(spec(family, vec![set("dc:rights", "new")]), |f| {
        f.recursive = true
    })
}

/// The first assets tried sit in a folder this connection may not write: that folder is
/// reported (its folder and account named), its other assets skipped for that reason, and the
/// run goes on in the other folders. (Before the fix the run stopped after the first five
/// refusals, as if the connection could write nothing.)
#[tokio::test]
async fn a_folder_refusing_writes_is_skipped_and_the_run_goes_on() {
    let fake = Fake::per_asset(ApiFamily::Classic);
    fake.seed(F, 8, |_| json!({"dc:rights": "old"}));
    fake.seed(&format!("{F}/open"), 4, |_| json!({"dc:rights": "old"}));
    *fake.faults.forbidden.lock().unwrap() = (0..8).map(|k| format!("{F}/a{k:03}.jpg")).collect();
    let dir = tempfile::tempdir().unwrap();
    let e = one_at_a_time(fake.clone(), dir.path());
    let p = e
        .plan(
            RunSource::Scope(recursive(ApiFamily::Classic)),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    let s = e
        .apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!(s.status, RunStatus::Completed, "the run went on");
    assert_eq!(
        (
            s.counts.changed,
            s.counts.failed,
            s.counts.skipped,
            s.counts.pending
        ),
        (4, 5, 3, 0)
    );
    for k in 0..4 {
        assert_eq!(
            fake.get(&format!("{F}/open/a{k:03}.jpg"))["dc:rights"],
            "new"
        );
    }
    let rows = report_rows(dir.path(), &p.id);
    let locked: Vec<&ReportRow> = rows.iter().filter(|r| !r.path.contains("/open/")).collect();
    assert_eq!(locked.len(), 8);
    for row in &locked {
        let why = row.reason.clone().english().unwrap();
        assert!(
            why.contains(F) && why.contains("tech@techacct.adobe.com") && why.contains("test"),
            "{why}"
        );
        assert_eq!(fake.get(&row.path)["dc:rights"], "old");
    }
    // Five refusals were enough to tell: the other three were not tried.
    let skipped = locked
        .iter()
        .filter(|r| r.status == runs::ReportStatus::Skipped)
        .count();
    assert_eq!(skipped, 3);
}

/// Every folder tried refuses (the account cannot write at all): the run stops early, as
/// before, and leaves what it did not write pending for a resume.
#[tokio::test]
async fn a_run_whose_every_folder_refuses_stops() {
    let fake = Fake::per_asset(ApiFamily::Classic);
    fake.seed(F, 12, |_| json!({"dc:rights": "old"}));
    *fake.faults.forbidden.lock().unwrap() = (0..12).map(|k| format!("{F}/a{k:03}.jpg")).collect();
    let dir = tempfile::tempdir().unwrap();
    let e = one_at_a_time(fake.clone(), dir.path());
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
    assert_eq!(s.status, RunStatus::Stopped);
    assert_eq!((s.counts.failed, s.counts.pending), (0, 12));
}

/// An OpenAPI write left in doubt by a kill had landed, and someone put the value back since:
/// the resume sees the values the preview saw under another ETag than the one the write was
/// sent against, and keeps their change. (Before the fix it wrote the value again.)
#[tokio::test]
async fn a_resume_does_not_rewrite_a_value_put_back_since_its_write() {
    let fake = Fake::new(ApiFamily::OpenApi);
    fake.seed(F, 3, |_| json!({"dc:rights": "old"}));
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
    // Killed while writing asset 0 against the preview's ETag: the write landed, then a
    // colleague put the old value back.
    let path = journal_path(&dir.path().join("runs"), &p.id);
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("{\"t\":\"apply_started\",\"at\":\"2026-01-01T00:00:00Z\"}\n");
    text.push_str(&format!(
        "{{\"t\":\"sent_against\",\"i\":0,\"etag\":{}}}\n",
        serde_json::to_string(&etag(1)).unwrap()
    ));
    text.push_str("{\"t\":\"writing\",\"i\":0,\"original\":{\"dc:rights\":\"old\"}}\n");
    std::fs::write(&path, text).unwrap();
    let a0 = format!("{F}/a000.jpg");
    fake.set(&a0, "dc:rights", json!("new"));
    fake.set(&a0, "dc:rights", json!("old"));
    let s = e
        .apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!(
        (s.status, s.counts.changed, s.counts.skipped),
        (RunStatus::Completed, 2, 1)
    );
    assert_eq!(fake.get(&a0)["dc:rights"], "old", "their value kept");
    assert!(
        !fake.writes.lock().unwrap().contains_key(&a0),
        "not written again"
    );
    let row = report_rows(dir.path(), &p.id)
        .into_iter()
        .find(|r| r.path == a0)
        .unwrap();
    let why = row.reason.english().unwrap();
    assert!(why.contains("put the values back"), "{why}");
}

/// A write still in doubt whose asset nobody touched since is written on resume (its ETag is
/// the one the write was sent against).
#[tokio::test]
async fn a_resume_writes_what_did_not_land() {
    let fake = Fake::new(ApiFamily::OpenApi);
    fake.seed(F, 2, |_| json!({"dc:rights": "old"}));
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
    let path = journal_path(&dir.path().join("runs"), &p.id);
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("{\"t\":\"apply_started\",\"at\":\"2026-01-01T00:00:00Z\"}\n");
    text.push_str(&format!(
        "{{\"t\":\"sent_against\",\"i\":0,\"etag\":{}}}\n",
        serde_json::to_string(&etag(1)).unwrap()
    ));
    text.push_str("{\"t\":\"writing\",\"i\":0,\"original\":{\"dc:rights\":\"old\"}}\n");
    std::fs::write(&path, text).unwrap();
    let s = e
        .apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!((s.counts.changed, s.counts.skipped), (2, 0));
    assert_eq!(fake.get(&format!("{F}/a000.jpg"))["dc:rights"], "new");
}

/// A classic write whose answer is lost (a timeout) is read again before it is sent again:
/// it had landed, so it is not sent twice. (Before the fix it was sent again blind, up to the
/// retry budget.)
#[tokio::test]
async fn a_write_whose_answer_was_lost_is_read_again_not_resent() {
    let fake = Fake::per_asset(ApiFamily::Classic);
    fake.seed(F, 3, |_| json!({"dc:rights": "old"}));
    let a1 = format!("{F}/a001.jpg");
    fake.faults.lost_writes.lock().unwrap().push(a1.clone());
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
    assert_eq!((s.counts.changed, s.counts.failed), (3, 0));
    assert_eq!(fake.writes.lock().unwrap()[&a1].len(), 1, "sent once");
}

/// A batch write whose answer is lost is not posted again: each of its assets is read again,
/// and those it changed are recorded as changed without another write.
#[tokio::test]
async fn a_batch_whose_answer_was_lost_is_read_again_not_reposted() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 10, |_| json!({"dc:rights": "old"}));
    fake.faults
        .lost_answers
        .store(1, std::sync::atomic::Ordering::SeqCst);
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
    assert_eq!((s.counts.changed, s.counts.failed), (10, 0));
    assert_eq!(
        fake.batch_writes.load(std::sync::atomic::Ordering::SeqCst),
        1
    );
    assert!(
        fake.writes.lock().unwrap().values().all(|w| w.len() == 1),
        "each asset written once"
    );
}

/// A classic write left in doubt by a kill whose asset holds the preview's values again: the
/// classic API has no tag to tell a write that never landed from one put back since, so the
/// resume writes it and its report says so, rather than keeping silent. (Before, it was written
/// with nothing said.)
#[tokio::test]
async fn a_classic_resume_says_it_could_not_tell_a_put_back_value() {
    // Written on its own, and in a batch (a Sling POST): the same words on both paths.
    for fake in [
        Fake::per_asset(ApiFamily::Classic),
        Fake::new(ApiFamily::Classic),
    ] {
        classic_resume_of_a_write_in_doubt(fake).await;
    }
}

async fn classic_resume_of_a_write_in_doubt(fake: Arc<Fake>) {
    fake.seed(F, 2, |_| json!({"dc:rights": "old"}));
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
    let path = journal_path(&dir.path().join("runs"), &p.id);
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("{\"t\":\"apply_started\",\"at\":\"2026-01-01T00:00:00Z\"}\n");
    text.push_str("{\"t\":\"writing\",\"i\":0,\"original\":{\"dc:rights\":\"old\"}}\n");
    std::fs::write(&path, text).unwrap();
    let s = e
        .apply(&p.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    assert_eq!((s.counts.changed, s.counts.skipped), (2, 0));
    let rows = report_rows(dir.path(), &p.id);
    let why = |name: &str| {
        rows.iter()
            .find(|r| r.path == format!("{F}/{name}"))
            .and_then(|r| r.reason.english())
            .unwrap_or_default()
    };
    assert!(
        why("a000.jpg").contains("nothing tells whether"),
        "{}",
        why("a000.jpg")
    );
    assert_eq!(why("a001.jpg"), "", "not in doubt: nothing to say");
}
