//! The run history kept between listings (`run_history.rs`): what changed is replayed again,
//! what did not is not, what was removed is gone.

use super::*;
use crate::replay::RunStatus;
use crate::run_history::RunHistory;

/// The journal at `path` made unreadable, with the length and time it had: a history that
/// reads it again refuses it, one that kept its summary does not notice.
fn unreadable_as_it_was(path: &std::path::Path) {
    let modified = std::fs::metadata(path).unwrap().modified().unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    std::fs::write(path, "x".repeat(text.len())).unwrap();
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(modified)
        .unwrap();
}

/// A run listed, then applied: the next listing says it is done (its journal grew), a journal
/// removed since is gone, a journal the same length and time as when it was listed is not
/// replayed again, and one that is not a journal is left out in every listing.
#[tokio::test]
async fn the_history_replays_only_the_journals_that_changed_since_it_was_listed() {
    let dir = tempfile::tempdir().unwrap();
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 5, |_| json!({"dc:rights": "old"}));
    let e = engine(fake, dir.path());
    let runs = dir.path().join("runs");
    let planned = planned_set(&e, ApiFamily::Classic).await;
    let done = applied_set(&e, ApiFamily::Classic).await;
    std::fs::write(runs.join("broken.jsonl"), "not a journal\n").unwrap();
    let history = RunHistory::default();
    let status = |history: &RunHistory| -> Vec<(String, RunStatus)> {
        let mut listed: Vec<_> = history
            .list(&runs)
            .unwrap()
            .into_iter()
            .map(|r| (r.id, r.status))
            .collect();
        listed.sort_by(|a, b| a.0.cmp(&b.0));
        listed
    };
    let mut both = vec![
        (planned.id.clone(), RunStatus::Previewed),
        (done.clone(), RunStatus::Completed),
    ];
    both.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(status(&history), both);

    // Applied since: its journal grew, so it is replayed again.
    e.apply(&planned.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    let mut applied = vec![
        (planned.id.clone(), RunStatus::Completed),
        (done.clone(), RunStatus::Completed),
    ];
    applied.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(status(&history), applied);

    // The same length and time as when listed: kept, not read again (a journal only grows, so
    // one that was written to is never both).
    let path = journal::journal_path(&runs, &done);
    unreadable_as_it_was(&path);
    assert_eq!(status(&history), applied, "kept, not replayed");
    assert_eq!(
        status(&RunHistory::default()),
        vec![(planned.id.clone(), RunStatus::Completed)],
        "a history of its own replays it, and leaves the unreadable out"
    );

    // Removed: gone from the next listing.
    std::fs::remove_file(&path).unwrap();
    assert_eq!(
        status(&history),
        vec![(planned.id.clone(), RunStatus::Completed)]
    );
}

/// A single run's summary (a report opened) is kept the same way: asked again with its journal
/// unchanged, it is not replayed; once the journal grew, it is. It says what `runs::summary`
/// says, with its links to its undos. Seen failing with each summary replayed: the journal made unreadable (same length,
/// same time) refused it.
#[tokio::test]
async fn a_run_s_summary_is_kept_while_its_journal_is_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, 5, |_| json!({"dc:rights": "old"}));
    let e = engine(fake, dir.path());
    let runs = dir.path().join("runs");
    let planned = planned_set(&e, ApiFamily::Classic).await;
    let history = RunHistory::default();
    let first = history.summary(&runs, &planned.id).unwrap();
    assert_eq!(first, crate::runs::summary(&runs, &planned.id).unwrap());
    assert_eq!(first.status, RunStatus::Previewed);

    // Applied since: its journal grew, so it is replayed again.
    e.apply(&planned.id, &RunControl::new(), &no_progress())
        .await
        .unwrap();
    let applied = history.summary(&runs, &planned.id).unwrap();
    assert_eq!(applied.status, RunStatus::Completed);
    // What `runs::summary` says, with how it stands to its undos (none yet: it can be undone).
    assert_eq!(
        applied.undo_links.undo_action,
        Some(crate::undo_links::UndoAction::Undo)
    );
    let replayed = crate::runs::summary(&runs, &planned.id).unwrap();
    assert_eq!(
        applied,
        crate::runs::RunSummary {
            undo_links: applied.undo_links.clone(),
            ..replayed
        }
    );

    // The same length and time: kept, not read again.
    unreadable_as_it_was(&journal::journal_path(&runs, &planned.id));
    assert_eq!(history.summary(&runs, &planned.id).unwrap(), applied);
    assert!(RunHistory::default().summary(&runs, &planned.id).is_err());
    // An unknown run is refused as before.
    assert!(history.summary(&runs, "20260101-000000-abcd").is_err());
}
