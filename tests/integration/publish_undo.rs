//! Later work is never undone by a publish run (issue 50, items 1–3), against the sandbox: the
//! undo of a publish leaves a colleague's later publication and what the run failed to publish;
//! the undo of an unpublish republishes only what was public and up to date and is unchanged
//! since; an undo applied after colleagues acted decides again on the fresh state; a failed
//! state read before sending sends nothing and says so.

use metadesk_core::bulk::RunSource;
use std::collections::BTreeMap;

use metadesk_core::assets::AssetsApi;
use metadesk_core::assets::publication::PublicationState;
use metadesk_core::bulk::{
    Agent, Replication, ReportStatus, RunControl, RunKind, RunSpec, ScopeFilters, ScopeSource, runs,
};
use metadesk_core::credentials::ApiFamily;
use metadesk_core::i18n::{Lang, Localizer};
use metadesk_sandbox::{Faults, SAMPLE_FOLDER, Sandbox, Switched};
use serde_json::json;

use crate::bulk_support::*;

const COLLEAGUE: &str = "colleague@example.com";

fn list_spec(sb: &Sandbox, replication: Replication, paths: &[&String]) -> RunSpec {
    RunSpec {
        kind: RunKind::Publish {
            replication,
            agent: Agent::Publish,
            from: None,
        },
        scope: scoped(
            SAMPLE_FOLDER,
            ScopeFilters {
                selection: Some(ScopeSource::List {
                    entries: paths.iter().map(|p| (*p).clone()).collect(),
                }),
                ..ScopeFilters::default()
            },
        ),
        ..spec(sb, ApiFamily::Classic, SAMPLE_FOLDER, Vec::new())
    }
}

/// The sample folder's assets standing in `state` on the website, by AEM's own answer.
async fn assets_in_state(sb: &Sandbox, state: PublicationState) -> Vec<String> {
    let paths: Vec<String> = sb.dump(false)["assets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["path"].as_str().unwrap().to_owned())
        .filter(|p| p.rsplit_once('/').unwrap().0 == SAMPLE_FOLDER)
        .collect();
    let refs: Vec<&str> = paths.iter().map(String::as_str).collect();
    let found = classic(sb)
        .publications(&refs, metadesk_core::assets::publication::Agent::Publish)
        .await
        .unwrap();
    paths
        .into_iter()
        .filter(|p| found[p].state() == state)
        .collect()
}

fn on_website(sb: &Sandbox, path: &str) -> bool {
    sb.published(path, false).is_some()
}

/// Each row's status and reason, in `lang`.
fn report(
    dir: &std::path::Path,
    run: &str,
    lang: Lang,
) -> BTreeMap<String, (ReportStatus, Option<String>)> {
    let l = Localizer::new(lang);
    let mut rows = BTreeMap::new();
    runs::report(&dir.join("runs"), run, |row| {
        let reason = row.reason.as_ref().map(|r| r.localized(&l));
        rows.insert(row.path.clone(), (row.status, reason));
        Ok(())
    })
    .unwrap();
    rows
}

fn reason_of(rows: &BTreeMap<String, (ReportStatus, Option<String>)>, path: &str) -> String {
    rows[path].1.clone().unwrap_or_default()
}

/// A colleague publishes again after the run, and republishes what the run was refused: the
/// undo unpublishes only the run's own first publication, and names the others and why.
#[tokio::test]
async fn an_undo_of_a_publish_leaves_a_colleagues_later_publication() {
    let sb = sandbox(120).await;
    let dir = tempfile::tempdir().unwrap();
    let engine = engine(classic(&sb), dir.path());
    let control = RunControl::new();
    let never = assets_in_state(&sb, PublicationState::NeverPublished).await;
    let (ours, republished, refused) = (&never[0], &never[1], &never[2]);
    sb.set_faults(Faults {
        replicate_denied: vec![refused.clone()],
        ..Faults::default()
    })
    .unwrap();
    let preview = engine
        .plan(
            RunSource::Scope(list_spec(
                &sb,
                Replication::Publish,
                &[ours, republished, refused],
            )),
            &control,
            &quiet(),
        )
        .await
        .unwrap();
    let done = engine.apply(&preview.id, &control, &quiet()).await.unwrap();
    assert_eq!((done.counts.changed, done.counts.failed), (2, 1));
    sb.set_faults(Faults::default()).unwrap();
    // After the run: a colleague publishes one of its assets again, and the refused one.
    std::thread::sleep(std::time::Duration::from_millis(5));
    sb.replicate_as(republished, true, COLLEAGUE);
    sb.replicate_as(refused, true, COLLEAGUE);

    let undo = engine
        .plan(RunSource::undo(&done.id), &control, &quiet())
        .await
        .unwrap();
    assert_eq!(undo.counts.pending, 1);
    let undone = engine.apply(&undo.id, &control, &quiet()).await.unwrap();
    assert_eq!(undone.counts.changed, 1);
    assert!(!on_website(&sb, ours));
    assert!(on_website(&sb, republished), "a colleague's publication");
    assert!(on_website(&sb, refused), "never published by the run");
    let en = report(dir.path(), &undone.id, Lang::En);
    assert_eq!(en[republished].0, ReportStatus::Skipped);
    let why = reason_of(&en, republished);
    assert!(
        why.contains("published again after this run") && why.contains(COLLEAGUE),
        "{why}"
    );
    assert!(
        reason_of(&en, refused).contains("request for it did not go through"),
        "{:?}",
        en[refused]
    );
    let fr = report(dir.path(), &undone.id, Lang::Fr);
    assert!(
        reason_of(&fr, republished).contains("publiée de nouveau après cette exécution"),
        "{:?}",
        fr[republished]
    );
    assert!(reason_of(&fr, refused).contains("n’a pas abouti"));
}

/// Before an unpublish, one asset was public and up to date, one public with newer values on
/// author; after it, one is edited and one taken down again by a colleague. The undo
/// republishes only the first, and names the others and why. The edit leaves
/// `jcr:lastModified` as it was, as AEM as a Cloud Service does: seen failing (the edited
/// asset made public) when the undo went by that time alone.
#[tokio::test]
async fn an_undo_of_an_unpublish_never_makes_public_what_never_was() {
    let sb = sandbox(200).await;
    let dir = tempfile::tempdir().unwrap();
    let engine = engine(classic(&sb), dir.path());
    let control = RunControl::new();
    let up_to_date = assets_in_state(&sb, PublicationState::UpToDate).await;
    let modified = assets_in_state(&sb, PublicationState::Modified).await;
    let (kept, edited, taken_down, older) =
        (&up_to_date[0], &up_to_date[1], &up_to_date[2], &modified[0]);
    let preview = engine
        .plan(
            RunSource::Scope(list_spec(
                &sb,
                Replication::Unpublish,
                &[kept, edited, taken_down, older],
            )),
            &control,
            &quiet(),
        )
        .await
        .unwrap();
    let done = engine.apply(&preview.id, &control, &quiet()).await.unwrap();
    assert_eq!(done.counts.changed, 4);
    std::thread::sleep(std::time::Duration::from_millis(5));
    sb.edit_asset(edited, json!({"dc:title": "Draft, not for the website"}))
        .unwrap();
    sb.replicate_as(taken_down, false, COLLEAGUE);

    let undo = engine
        .plan(RunSource::undo(&done.id), &control, &quiet())
        .await
        .unwrap();
    assert_eq!(undo.counts.pending, 1);
    let undone = engine.apply(&undo.id, &control, &quiet()).await.unwrap();
    assert_eq!(undone.counts.changed, 1);
    assert!(on_website(&sb, kept));
    for left in [edited, taken_down, older] {
        assert!(!on_website(&sb, left), "{left} made public");
    }
    let en = report(dir.path(), &undone.id, Lang::En);
    assert!(
        reason_of(&en, edited).contains("metadata changed on author after it was taken off"),
        "{:?}",
        en[edited]
    );
    let why = reason_of(&en, taken_down);
    assert!(
        why.contains("unpublished after this run") && why.contains(COLLEAGUE),
        "{why}"
    );
    assert!(
        reason_of(&en, older).contains("newer than the website"),
        "{:?}",
        en[older]
    );
    let fr = report(dir.path(), &undone.id, Lang::Fr);
    assert!(reason_of(&fr, edited).contains("modifiées dans l’auteur après son retrait"));
    assert!(reason_of(&fr, taken_down).contains("dépubliée après la demande"));
    assert!(reason_of(&fr, older).contains("plus récentes que celles du site"));
}

/// Two never-published assets previewed for publishing, then `off` switched off before the
/// apply: the apply's run, and how many replications AEM took during it.
async fn publish_two_with_switched_off(
    off: Vec<Switched>,
) -> (
    Sandbox,
    tempfile::TempDir,
    Vec<String>,
    metadesk_core::bulk::RunSummary,
    u64,
) {
    let sb = sandbox(120).await;
    let dir = tempfile::tempdir().unwrap();
    let engine = engine(classic(&sb), dir.path());
    let control = RunControl::new();
    let never = assets_in_state(&sb, PublicationState::NeverPublished).await;
    let preview = engine
        .plan(
            RunSource::Scope(list_spec(
                &sb,
                Replication::Publish,
                &[&never[0], &never[1]],
            )),
            &control,
            &quiet(),
        )
        .await
        .unwrap();
    sb.set_faults(Faults {
        switched_off: off,
        ..Faults::default()
    })
    .unwrap();
    let before = sb.counters().replications;
    let done = engine.apply(&preview.id, &control, &quiet()).await.unwrap();
    let sent = sb.counters().replications - before;
    (sb, dir, never, done, sent)
}

/// QueryBuilder is switched off between the preview and the apply: the batch's states are
/// read as any check reads them, each asset on its own when no query answers, and the publish
/// goes ahead on those fresh reads. Seen failing before the apply's state read was the
/// preview's (`checks::states_now`): the whole batch failed unsent ("left: (0, 2)").
#[tokio::test]
async fn a_publish_whose_state_query_is_refused_reads_each_asset_and_publishes() {
    let (sb, _dir, never, done, _) =
        publish_two_with_switched_off(vec![Switched::Querybuilder]).await;
    assert_eq!((done.counts.changed, done.counts.failed), (2, 0));
    assert!(on_website(&sb, &never[0]) && on_website(&sb, &never[1]));
}

/// The read of where a batch stands fails just before sending (no query, no read of its own
/// answers): nothing is sent on the strength of the preview, and each asset says so.
#[tokio::test]
async fn a_failed_state_read_sends_nothing_and_says_so() {
    let off = vec![Switched::Querybuilder, Switched::RepositoryJson];
    let (sb, dir, never, done, sent) = publish_two_with_switched_off(off).await;
    assert_eq!(sent, 0, "nothing sent");
    assert_eq!((done.counts.changed, done.counts.failed), (0, 2));
    assert!(!on_website(&sb, &never[0]));
    let en = report(dir.path(), &done.id, Lang::En);
    assert!(
        reason_of(&en, &never[0]).contains("nothing was sent for it"),
        "{:?}",
        en[&never[0]]
    );
    let fr = report(dir.path(), &done.id, Lang::Fr);
    assert!(reason_of(&fr, &never[0]).contains("rien n’a donc été envoyé"));
}

/// A colleague acts after the undo was previewed and before it is applied: the undo's apply
/// decides again from the fresh state, so the preview's word (days old, perhaps) never
/// unpublishes a colleague's publication nor republishes a takedown.
#[tokio::test]
async fn an_undo_applied_later_decides_again_on_what_colleagues_did_since_its_preview() {
    let sb = sandbox(200).await;
    let dir = tempfile::tempdir().unwrap();
    let engine = engine(classic(&sb), dir.path());
    let control = RunControl::new();
    let never = assets_in_state(&sb, PublicationState::NeverPublished).await;
    let (ours, republished) = (&never[0], &never[1]);
    let published = engine
        .plan(
            RunSource::Scope(list_spec(&sb, Replication::Publish, &[ours, republished])),
            &control,
            &quiet(),
        )
        .await
        .unwrap();
    let published = engine
        .apply(&published.id, &control, &quiet())
        .await
        .unwrap();
    assert_eq!(published.counts.changed, 2);
    let undo = engine
        .plan(RunSource::undo(&published.id), &control, &quiet())
        .await
        .unwrap();
    assert_eq!(
        undo.counts.pending, 2,
        "both still the run's at the preview"
    );
    std::thread::sleep(std::time::Duration::from_millis(5));
    sb.replicate_as(republished, true, COLLEAGUE);
    let undone = engine.apply(&undo.id, &control, &quiet()).await.unwrap();
    assert_eq!((undone.counts.changed, undone.counts.skipped), (1, 1));
    assert!(!on_website(&sb, ours));
    assert!(on_website(&sb, republished), "a colleague's publication");
    let why = reason_of(&report(dir.path(), &undone.id, Lang::En), republished);
    assert!(
        why.contains("published again after this run") && why.contains(COLLEAGUE),
        "{why}"
    );
}
