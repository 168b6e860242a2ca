//! A tag change the window finishes itself when no asset under its folder holds the tag,
//! against the sandbox: AEM changes the tag at once, after the production name where the
//! connection is production; refused in words (nothing written) for a run with assets still to
//! change and for a run that is not a tag change.

use crate::app::PreviewRequest;
use metadesk_sandbox::SAMPLE_FOLDER;

use super::test_support::sandboxed_workspace;
use super::*;
use metadesk_bulk::tag_step::{TagCommand, TagStepState};
use metadesk_bulk::{Edit, EditOp};
use metadesk_clients::error::ErrorCode;

/// The tags each asset of the sandbox holds.
fn held(sandbox: &metadesk_sandbox::Sandbox) -> Vec<String> {
    sandbox.dump(true)["assets"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|a| {
            a["metadata"]["cq:tags"]
                .as_array()
                .cloned()
                .unwrap_or_default()
        })
        .filter_map(|t| t.as_str().map(str::to_owned))
        .collect()
}

const LEAVES: [&str; 3] = [
    "wknd-shared:season/summer",
    "wknd-shared:season/winter",
    "wknd-shared:activity/cycling",
];

/// A WKND tag one of `holding` holds, and another seeded leaf to merge it into.
fn a_held_tag_and_another(holding: &[String]) -> (String, String) {
    let tag = holding
        .iter()
        .find(|t| t.starts_with("wknd-shared:"))
        .expect("an asset holding a WKND tag")
        .clone();
    let into = LEAVES.iter().find(|t| **t != tag).unwrap().to_string();
    (tag, into)
}

#[tokio::test]
async fn a_tag_no_asset_holds_is_changed_at_once() {
    let (_dir, ws, opened, sandbox) = sandboxed_workspace(2).await;
    let holding = held(&sandbox);
    let unused = LEAVES.iter().find(|t| !holding.contains(&t.to_string()));
    let unused = unused
        .expect("a seeded tag none of two assets holds")
        .to_string();
    let change = TagChange::Delete {
        tag: unused.clone(),
    };
    let preview = ws
        .preview_tag_change(&opened, &change, SAMPLE_FOLDER, &|_| {})
        .await
        .unwrap();
    assert_eq!(preview.counts.pending, 0);

    let done = ws
        .finish_unused_tag_change(&opened, &preview.id, None)
        .await
        .unwrap();
    let step = done.tag_step.expect("a tag run's step");
    assert_eq!(step.state, TagStepState::Done);
    assert_eq!(step.step.command, TagCommand::Delete);
    let tags = ws.tags(&opened).await.unwrap();
    assert!(
        !tags.iter().any(|t| t.id == unused),
        "{unused} is still there"
    );
    // Finished already: a second time says so and sends nothing.
    let again = ws
        .finish_unused_tag_change(&opened, &preview.id, None)
        .await
        .unwrap();
    assert_eq!(again.tag_step.unwrap().state, TagStepState::Done);
}

#[tokio::test]
async fn on_production_a_tag_is_changed_at_once_only_with_the_name_typed() {
    let (_dir, ws, opened, sandbox) = sandboxed_workspace(2).await;
    let holding = held(&sandbox);
    let unused = LEAVES
        .iter()
        .find(|t| !holding.contains(&t.to_string()))
        .expect("a seeded tag none of two assets holds")
        .to_string();
    let id = opened.connection_id.clone().unwrap();
    ws.connections().set_production(&id, true).unwrap();
    let opened = ws
        .open(crate::app::ConnectionChoice::stored(id))
        .await
        .unwrap();
    let change = TagChange::Delete {
        tag: unused.clone(),
    };
    let preview = ws
        .preview_tag_change(&opened, &change, SAMPLE_FOLDER, &|_| {})
        .await
        .unwrap();
    for wrong in [None, Some("not its name")] {
        let e = ws
            .finish_unused_tag_change(&opened, &preview.id, wrong)
            .await
            .unwrap_err();
        assert!(e.to_string().contains("marked production"), "{e}");
        let tags = ws.tags(&opened).await.unwrap();
        assert!(tags.iter().any(|t| t.id == unused), "{unused} went");
    }
    let name = opened.connection().name.clone();
    let done = ws
        .finish_unused_tag_change(&opened, &preview.id, Some(&name))
        .await
        .unwrap();
    assert_eq!(done.tag_step.unwrap().state, TagStepState::Done);
    let tags = ws.tags(&opened).await.unwrap();
    assert!(
        !tags.iter().any(|t| t.id == unused),
        "{unused} is still there"
    );
}

#[tokio::test]
async fn a_tag_assets_still_hold_or_a_run_of_other_edits_is_refused_and_left_alone() {
    let (_dir, ws, opened, sandbox) = sandboxed_workspace(4).await;
    let holding = held(&sandbox);
    let (tag, into) = a_held_tag_and_another(&holding);
    let change = TagChange::Merge {
        tag: tag.clone(),
        into,
    };
    let preview = ws
        .preview_tag_change(&opened, &change, SAMPLE_FOLDER, &|_| {})
        .await
        .unwrap();
    assert!(preview.counts.pending > 0);
    let e = ws
        .finish_unused_tag_change(&opened, &preview.id, None)
        .await
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::InvalidInput);
    assert!(e.to_string().contains("apply the preview first"), "{e}");

    let scope = metadesk_bulk::scope::Scope::Folder {
        folder: SAMPLE_FOLDER.to_owned(),
        recursive: true,
    }
    .into_run_scope()
    .unwrap();
    let edit = Edit {
        property: "dc:rights".into(),
        op: EditOp::Set {
            values: vec!["© WKND".into()],
        },
    };
    let other = ws
        .preview(
            &opened,
            PreviewRequest::Edit {
                scope,
                edits: vec![edit],
            },
            &|_| {},
        )
        .await
        .unwrap();
    let e = ws
        .finish_unused_tag_change(&opened, &other.id, None)
        .await
        .unwrap_err();
    assert!(
        e.to_string()
            .contains("does not merge, move or delete a tag"),
        "{e}"
    );

    // Nothing was written: the tag is where it was, the assets hold what they held.
    let tags = ws.tags(&opened).await.unwrap();
    assert!(tags.iter().any(|t| t.id == tag), "{tag} went");
    assert_eq!(held(&sandbox), holding);
}

/// A tag change no asset follows whose read was not whole (a folder not listed may hold the
/// tag) is refused by the one apply every face uses (the window's `apply_run`), in words,
/// nothing sent. Seen failing with the refusal in `finish_unused_tag_change` alone: the apply
/// went on (the engine kept the step unsent, said only afterwards).
#[tokio::test]
async fn an_apply_of_a_tag_change_whose_read_was_not_whole_is_refused_before_anything() {
    let (_dir, ws, opened, sandbox) = sandboxed_workspace(2).await;
    let holding = held(&sandbox);
    let unused = LEAVES.iter().find(|t| !holding.contains(&t.to_string()));
    let change = TagChange::Delete {
        tag: unused.expect("a seeded tag no asset holds").to_string(),
    };
    sandbox
        .set_faults(metadesk_sandbox::Faults {
            listing_fails: vec![SAMPLE_FOLDER.to_owned()],
            ..Default::default()
        })
        .unwrap();
    let parent = SAMPLE_FOLDER.rsplit_once('/').unwrap().0;
    let preview = ws
        .preview_tag_change(&opened, &change, parent, &|_| {})
        .await
        .unwrap();
    let step = preview.tag_step.clone().expect("a tag step");
    assert_eq!(preview.counts.pending, 0, "{preview:?}");
    assert!(step.left_alone > 0, "{step:?}");
    sandbox
        .set_faults(metadesk_sandbox::Faults::default())
        .unwrap();
    let refused = ws
        .apply(&opened, &preview.id, None, &|_| {})
        .await
        .unwrap_err();
    assert_eq!(refused.message_id(), Some("error-tag-read-not-whole"));
    assert_eq!(sandbox.counters().tag_commands, 0, "nothing sent");
    let run = ws.run_summary(&preview.id).await.unwrap();
    assert_eq!(run.status, metadesk_bulk::replay::RunStatus::Previewed);
}

/// A tag merge journaled before its step was an operation's plan (the spec's `tagStep`, no
/// `op`) is still a tag change: its preview shows the step, and its apply rewrites the assets
/// then sends the merge. Seen failing with `tagStep` not read as the spec's `op` (the step
/// lost: the assets rewritten, the tag left).
#[tokio::test]
async fn a_tag_change_journaled_before_its_step_was_an_operation_still_sends_it() {
    let (_dir, ws, opened, sandbox) = sandboxed_workspace(4).await;
    let (tag, into) = a_held_tag_and_another(&held(&sandbox));
    let change = TagChange::Merge {
        tag: tag.clone(),
        into: into.clone(),
    };
    let preview = ws
        .preview_tag_change(&opened, &change, SAMPLE_FOLDER, &|_| {})
        .await
        .unwrap();
    assert!(preview.counts.pending > 0);

    let journal = metadesk_bulk::journal::journal_path(&ws.runs_dir(), &preview.id);
    let text = std::fs::read_to_string(&journal).unwrap();
    let (first, rest) = text.split_once('\n').unwrap();
    let mut run: serde_json::Value = serde_json::from_str(first).unwrap();
    let spec = run["spec"].as_object_mut().unwrap();
    let mut step = spec.remove("op").expect("the step is the spec's op");
    assert_eq!(step["op"], "tag_change");
    step.as_object_mut().unwrap().remove("op");
    spec.insert("tagStep".into(), step);
    std::fs::write(&journal, format!("{run}\n{rest}")).unwrap();

    let old = ws.run_summary(&preview.id).await.unwrap();
    assert_eq!(old.tag_step, preview.tag_step);
    let done = ws.apply(&opened, &preview.id, None, &|_| {}).await.unwrap();
    assert_eq!(done.tag_step.unwrap().state, TagStepState::Done);
    let tags = ws.tags(&opened).await.unwrap();
    assert!(!tags.iter().any(|t| t.id == tag), "{tag} is still there");
    let now = held(&sandbox);
    assert!(!now.contains(&tag) && now.contains(&into), "{now:?}");
}
