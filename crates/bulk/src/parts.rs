//! The parts of a run written once each and journaled on their own — a tag change's command,
//! a tag import's writes, an upload's folders and files, an operation's rows — and how far
//! the journal says each went: pure data, no I/O.
//!
//! Not here: what any one run does with its parts (`tag_step.rs`, `upload.rs`, `ops.rs`), the
//! records themselves (`journal.rs`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use metadesk_base::i18n::SavedText;

/// One part of a run, written once and journaled on its own (`Record::Part`): a request of
/// a tag change's step, a write of a tag import (`tag_import.rs`), a folder or a file of an
/// upload (`upload.rs`), an asset moved (`moves.rs`), a file an upload's undo deletes, a value
/// or a tag a tag import's undo puts back or removes.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(tag = "part", rename_all = "snake_case")]
pub enum RunPart {
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
    /// A value a tag import changed, put back by its undo (`tag_import_undo.rs`).
    Restored { tag: String, property: String },
    /// A tag a tag import created, removed by its undo.
    Removed { tag: String },
}

impl RunPart {
    /// The repository node this part writes (a tag's node for a tag's parts, the taxonomy's
    /// root for a tag command): AEM grants writes by folder, so a refusal (403) is about its
    /// folder (`engine/operating.rs`).
    pub fn written_at(&self) -> String {
        use metadesk_assets::tags::{TAGS_ROOT, node_path};
        match self {
            RunPart::Command => TAGS_ROOT.to_owned(),
            RunPart::Activate { tag }
            | RunPart::Create { tag }
            | RunPart::Value { tag, .. }
            | RunPart::Restored { tag, .. }
            | RunPart::Removed { tag } => node_path(tag),
            RunPart::Folder { path }
            | RunPart::File { path }
            | RunPart::Metadata { path }
            | RunPart::Moved { path }
            | RunPart::Deleted { path } => path.clone(),
        }
    }
}

/// How far one part went, as journaled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PartState {
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

/// A run's parts as its journal left them: the last state of each, and the last reason.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PartJournal {
    pub parts: BTreeMap<RunPart, PartState>,
    pub reason: Option<SavedText>,
    /// What AEM held for each part left alone.
    pub left_alone: BTreeMap<RunPart, Option<String>>,
    /// What AEM held once a part was done, where it was journaled (what AEM held of an
    /// uploaded file once processed, `metadesk_assets::fingerprint::Held`'s text: its undo
    /// tells a colleague's change by it).
    pub held: BTreeMap<RunPart, String>,
    /// Why each part was last refused or left alone (or how it was done, where said), where
    /// the journal says.
    pub reasons: BTreeMap<RunPart, SavedText>,
}

impl PartJournal {
    /// `part` left alone, AEM holding `now`.
    pub fn left(&mut self, part: RunPart, now: Option<String>) {
        self.parts.insert(part.clone(), PartState::LeftAlone);
        self.left_alone.insert(part, now);
    }

    /// What AEM held when `part` was left alone; `None` when it was not.
    pub fn left_alone(&self, part: &RunPart) -> Option<&Option<String>> {
        self.left_alone.get(part)
    }

    pub fn record(&mut self, part: RunPart, state: PartState, reason: Option<SavedText>) {
        match (&reason, state) {
            // A done part's reason says how it was done (by AEM in the background).
            (Some(why), PartState::Refused | PartState::LeftAlone | PartState::Done) => {
                self.reasons.insert(part.clone(), why.clone());
            }
            (None, PartState::Done) => {
                self.reasons.remove(&part);
            }
            _ => {}
        }
        self.parts.insert(part, state);
        if state == PartState::Refused {
            self.reason = reason;
        } else if state == PartState::Done && self.parts.values().all(|s| *s == PartState::Done) {
            self.reason = None;
        }
    }

    /// The state of `part`; `None` before anything was journaled of it.
    pub fn state(&self, part: &RunPart) -> Option<PartState> {
        self.parts.get(part).copied()
    }
}
