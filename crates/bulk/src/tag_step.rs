//! The step a tag run ends with: AEM's own command on the tag (merge, move, delete), then its
//! activation where the tag was published. What it is ([`TagStep`], chosen at the preview and
//! kept in the run's spec), how far the journal says it went ([`StepJournal`]), and what a run's
//! summary says of it ([`TagStepView`]): pure data and decisions, no I/O.
//!
//! Not here: sending the command (`engine/tag_step.rs`), the rewrite of the assets' `cq:tags`
//! (`compute::tags`), checking a tag change before its preview (`metadesk_core::app`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use metadesk_base::i18n::SavedText;

/// AEM's command on the tag itself, chosen when the run is previewed: a merge whose target has
/// gone since is refused before sending, never turned into a move that would recreate it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TagCommand {
    /// `mergeTag`: into an existing tag.
    Merge,
    /// `moveTag`: to an id no tag has.
    Move,
    /// `deleteTag`.
    Delete,
}

impl TagCommand {
    /// The `cmd` of AEM's `/bin/tagcommand` (`adobe-wire-tags.md` §3).
    pub fn cmd(self) -> &'static str {
        match self {
            TagCommand::Merge => "mergeTag",
            TagCommand::Move => "moveTag",
            TagCommand::Delete => "deleteTag",
        }
    }
}

/// What AEM does to the tag once every asset that held it was rewritten. Only a tag change's
/// own run has one: an undo or a retry of it never sends the command.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TagStep {
    pub command: TagCommand,
    /// The tag changed (`namespace:path`).
    pub tag: String,
    /// Where it goes; `None` for a deletion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub target: Option<String>,
    /// The tag was on the publish tier at the preview: its new place and the pointer AEM leaves
    /// at the old one are activated after the command, so the website shows no duplicate.
    #[serde(default)]
    pub activate: bool,
}

impl TagStep {
    /// The parts of the step in the order they are sent: the command, then each activation.
    pub fn parts(&self) -> Vec<TagPart> {
        let mut parts = vec![TagPart::Command];
        if self.activate
            && let Some(target) = &self.target
        {
            parts.push(TagPart::Activate {
                tag: self.tag.clone(),
            });
            parts.push(TagPart::Activate {
                tag: target.clone(),
            });
        }
        parts
    }
}

/// One request of the step (of a tag change's run), one write of a tag import's run
/// (`tag_import.rs`), or one folder or file of an upload's run (`upload.rs`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(tag = "part", rename_all = "snake_case")]
pub enum TagPart {
    /// The merge, move or deletion.
    Command,
    /// `activateTag` of one tag.
    Activate { tag: String },
    /// An import's `createTag`.
    Create { tag: String },
    /// One value an import writes to a tag's node.
    Value { tag: String, property: String },
    /// An upload's folder, made (or found there) before its files.
    Folder { path: String },
    /// An upload's file: its three-step write to its AEM path.
    File { path: String },
    /// An uploaded file's metadata from the sheet, written once AEM processed it.
    Metadata { path: String },
    /// A move's asset or folder, by the path it moves from (`moves.rs`).
    Moved { path: String },
    /// An uploaded file, deleted by the upload's undo (`upload_undo.rs`).
    Deleted { path: String },
}

/// How far one part went, as journaled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum StepState {
    /// On disk before the request leaves: a resume finds out from AEM whether it landed.
    Sending,
    /// AEM took it (or, on a resume, was found to hold its result).
    Done,
    /// Not sent, or refused: the reason says why. A resume checks and tries again.
    Refused,
    /// An import's write not sent because AEM held something else than the preview showed:
    /// a colleague's change, kept for good.
    LeftAlone,
}

/// The tag step's parts as the journal left them: the last state of each, and the last reason.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StepJournal {
    pub parts: BTreeMap<TagPart, StepState>,
    pub reason: Option<SavedText>,
    /// What AEM held for each part left alone.
    pub left_alone: BTreeMap<TagPart, Option<String>>,
    /// What AEM held once a part was done, where it was journaled (what AEM held of an
    /// uploaded file once processed, `metadesk_assets::fingerprint::Held`'s text: its undo
    /// tells a colleague's change by it).
    pub held: BTreeMap<TagPart, String>,
    /// Why each part was last refused or left alone, where the journal says.
    pub reasons: BTreeMap<TagPart, SavedText>,
}

impl StepJournal {
    /// `part` left alone, AEM holding `now`.
    pub fn left(&mut self, part: TagPart, now: Option<String>) {
        self.parts.insert(part.clone(), StepState::LeftAlone);
        self.left_alone.insert(part, now);
    }

    /// What AEM held when `part` was left alone; `None` when it was not.
    pub fn left_alone(&self, part: &TagPart) -> Option<&Option<String>> {
        self.left_alone.get(part)
    }

    pub fn record(&mut self, part: TagPart, state: StepState, reason: Option<SavedText>) {
        match (&reason, state) {
            // A done part's reason says how it was done (by AEM in the background).
            (Some(why), StepState::Refused | StepState::LeftAlone | StepState::Done) => {
                self.reasons.insert(part.clone(), why.clone());
            }
            (None, StepState::Done) => {
                self.reasons.remove(&part);
            }
            _ => {}
        }
        self.parts.insert(part, state);
        if state == StepState::Refused {
            self.reason = reason;
        } else if state == StepState::Done && self.parts.values().all(|s| *s == StepState::Done) {
            self.reason = None;
        }
    }

    /// The state of `part`; `None` before anything was journaled of it.
    pub fn state(&self, part: &TagPart) -> Option<StepState> {
        self.parts.get(part).copied()
    }

    /// Whether every part of `step` is done.
    pub fn done(&self, step: &TagStep) -> bool {
        step.parts()
            .iter()
            .all(|p| self.state(p) == Some(StepState::Done))
    }
}

/// Where a tag run's step stands, as its summary says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TagStepState {
    /// The assets come first: sent once every asset holding the tag is rewritten.
    Waiting,
    /// The tag stays as it is: assets that may hold it were not rewritten (left alone, not
    /// read, or failed). Running the tag change again, once they are fixed, finishes it.
    Kept,
    /// Sent, and its answer not journaled (the run was stopped): resume the run to finish.
    InDoubt,
    /// AEM refused it, or what it needs changed since the preview: resume the run to try again.
    Refused,
    /// AEM changed the tag (and activated it where it was published).
    Done,
}

/// A tag run's step in its summary: what AEM is asked to do to the tag and how far it went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TagStepView {
    #[serde(flatten)]
    #[ts(flatten)]
    pub step: TagStep,
    pub state: TagStepState,
    /// Assets that may still hold the tag and were not rewritten: why the tag is kept.
    #[ts(type = "number")]
    pub left_alone: u64,
    /// Why the step was refused (words in the reader's language once the window is sent it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "string")]
    pub reason: Option<SavedText>,
}

/// What a run's rows say of its assets, for the step: the step is sent only when the apply went
/// through every asset and none was left alone, failed or is still to be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowsDone {
    /// The apply went through every asset (the run is complete).
    pub complete: bool,
    /// Rows skipped (at the preview or the apply) or failed: assets that may still hold the tag.
    pub left_alone: u64,
}

/// Where the step stands, from the rows and the journal.
pub fn state_of(step: &TagStep, rows: RowsDone, journal: &StepJournal) -> TagStepState {
    if journal.done(step) {
        return TagStepState::Done;
    }
    let sent = |s: StepState| journal.parts.values().any(|v| *v == s);
    if sent(StepState::Sending) {
        return TagStepState::InDoubt;
    }
    if sent(StepState::Refused) {
        return TagStepState::Refused;
    }
    if rows.left_alone > 0 {
        return TagStepState::Kept;
    }
    if journal.parts.is_empty() && !rows.complete {
        return TagStepState::Waiting;
    }
    // Complete, nothing left alone, a part not sent yet (a kill before it): to send on resume.
    TagStepState::InDoubt
}

/// Whether an apply of the run has the step still to send (first time, or on a resume).
pub fn to_send(step: &TagStep, rows: RowsDone, journal: &StepJournal) -> bool {
    rows.complete
        && rows.left_alone == 0
        && matches!(
            state_of(step, rows, journal),
            TagStepState::InDoubt | TagStepState::Refused
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn merge(activate: bool) -> TagStep {
        TagStep {
            command: TagCommand::Merge,
            tag: "ns:a".into(),
            target: Some("ns:b".into()),
            activate,
        }
    }

    const COMPLETE: RowsDone = RowsDone {
        complete: true,
        left_alone: 0,
    };

    #[test]
    fn a_published_tag_is_activated_at_both_places_after_the_command() {
        assert_eq!(merge(false).parts(), vec![TagPart::Command]);
        let parts = merge(true).parts();
        assert_eq!(parts[0], TagPart::Command);
        assert_eq!(parts.len(), 3);
        let delete = TagStep {
            command: TagCommand::Delete,
            target: None,
            ..merge(true)
        };
        assert_eq!(delete.parts(), vec![TagPart::Command]);
    }

    #[test]
    fn any_asset_left_alone_keeps_the_tag() {
        let journal = StepJournal::default();
        let partial = RowsDone {
            complete: true,
            left_alone: 1,
        };
        assert_eq!(
            state_of(&merge(false), partial, &journal),
            TagStepState::Kept
        );
        assert!(!to_send(&merge(false), partial, &journal));
        assert!(to_send(&merge(false), COMPLETE, &journal));
        let unfinished = RowsDone {
            complete: false,
            left_alone: 0,
        };
        assert_eq!(
            state_of(&merge(false), unfinished, &journal),
            TagStepState::Waiting
        );
        assert!(!to_send(&merge(false), unfinished, &journal));
    }

    #[test]
    fn a_command_done_and_an_activation_in_doubt_resumes_with_the_activation() {
        let step = merge(true);
        let mut journal = StepJournal::default();
        journal.record(TagPart::Command, StepState::Sending, None);
        assert_eq!(state_of(&step, COMPLETE, &journal), TagStepState::InDoubt);
        journal.record(TagPart::Command, StepState::Done, None);
        journal.record(step.parts()[1].clone(), StepState::Sending, None);
        assert!(to_send(&step, COMPLETE, &journal));
        for part in step.parts() {
            journal.record(part, StepState::Done, None);
        }
        assert_eq!(state_of(&step, COMPLETE, &journal), TagStepState::Done);
        assert!(!to_send(&step, COMPLETE, &journal));
    }

    #[test]
    fn a_refusal_is_said_and_tried_again_on_resume() {
        let mut journal = StepJournal::default();
        let why = SavedText::new("tag-step-target-gone", [("target", "ns:b".into())]);
        journal.record(TagPart::Command, StepState::Refused, Some(why.clone()));
        assert_eq!(
            state_of(&merge(false), COMPLETE, &journal),
            TagStepState::Refused
        );
        assert_eq!(journal.reason, Some(why));
        assert!(to_send(&merge(false), COMPLETE, &journal));
    }
}
