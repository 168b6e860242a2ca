//! The step a tag run ends with: AEM's own command on the tag (merge, move, delete), then its
//! activation where the tag was published. What it is ([`TagStep`], chosen at the preview and
//! kept in the run's spec), how far the journal says it went (`parts.rs`), and what a run's
//! summary says of it ([`TagStepView`]): pure data and decisions, no I/O.
//!
//! Not here: sending the command (`engine/tag_step.rs`), the rewrite of the assets' `cq:tags`
//! (`compute::tags`), checking a tag change before its preview (`metadesk_core::app`).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use metadesk_base::i18n::SavedText;

use crate::parts::{PartJournal, PartState, RunPart};

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
    pub fn parts(&self) -> Vec<RunPart> {
        let mut parts = vec![RunPart::Command];
        if self.activate
            && let Some(target) = &self.target
        {
            parts.push(RunPart::Activate {
                tag: self.tag.clone(),
            });
            parts.push(RunPart::Activate {
                tag: target.clone(),
            });
        }
        parts
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
    LeftAlone,
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
pub fn state_of(step: &TagStep, rows: RowsDone, journal: &PartJournal) -> TagStepState {
    if step
        .parts()
        .iter()
        .all(|p| journal.state(p) == Some(PartState::Done))
    {
        return TagStepState::Done;
    }
    let sent = |s: PartState| journal.parts.values().any(|v| *v == s);
    if sent(PartState::Sending) {
        return TagStepState::InDoubt;
    }
    if sent(PartState::Refused) {
        return TagStepState::Refused;
    }
    if rows.left_alone > 0 {
        return TagStepState::LeftAlone;
    }
    if journal.parts.is_empty() && !rows.complete {
        return TagStepState::Waiting;
    }
    // Complete, nothing left alone, a part not sent yet (a kill before it): to send on resume.
    TagStepState::InDoubt
}

/// Whether an apply of the run has the step still to send (first time, or on a resume).
pub fn to_send(step: &TagStep, rows: RowsDone, journal: &PartJournal) -> bool {
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
        assert_eq!(merge(false).parts(), vec![RunPart::Command]);
        let parts = merge(true).parts();
        assert_eq!(parts[0], RunPart::Command);
        assert_eq!(parts.len(), 3);
        let delete = TagStep {
            command: TagCommand::Delete,
            target: None,
            ..merge(true)
        };
        assert_eq!(delete.parts(), vec![RunPart::Command]);
    }

    #[test]
    fn any_asset_left_alone_keeps_the_tag() {
        let journal = PartJournal::default();
        let partial = RowsDone {
            complete: true,
            left_alone: 1,
        };
        assert_eq!(
            state_of(&merge(false), partial, &journal),
            TagStepState::LeftAlone
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
        let mut journal = PartJournal::default();
        journal.record(RunPart::Command, PartState::Sending, None);
        assert_eq!(state_of(&step, COMPLETE, &journal), TagStepState::InDoubt);
        journal.record(RunPart::Command, PartState::Done, None);
        journal.record(step.parts()[1].clone(), PartState::Sending, None);
        assert!(to_send(&step, COMPLETE, &journal));
        for part in step.parts() {
            journal.record(part, PartState::Done, None);
        }
        assert_eq!(state_of(&step, COMPLETE, &journal), TagStepState::Done);
        assert!(!to_send(&step, COMPLETE, &journal));
    }

    #[test]
    fn a_refusal_is_said_and_tried_again_on_resume() {
        let mut journal = PartJournal::default();
        let why = SavedText::new("tag-step-target-gone", [("target", "ns:b".into())]);
        journal.record(RunPart::Command, PartState::Refused, Some(why.clone()));
        assert_eq!(
            state_of(&merge(false), COMPLETE, &journal),
            TagStepState::Refused
        );
        assert_eq!(journal.reason, Some(why));
        assert!(to_send(&merge(false), COMPLETE, &journal));
    }
}
