//! What a publish run is called and how its preview counts assets by publication state, in
//! words chosen when shown (catalogue ids), and the keys its report uses; the refusal to
//! publish through a connection that cannot.
//!
//! Not here: planning or applying a publish run (`engine/publishing.rs`, `engine/replicating.rs`).

use serde::Serialize;
use ts_rs::TS;

use crate::spec::{Agent, PublishFrom, Replication};
use metadesk_assets::AssetsApi;
use metadesk_assets::publication::PublicationState;
use metadesk_base::i18n::SavedText;
use metadesk_clients::error::{Error, ErrorCode, Result};

/// The property a publish run's rows show changing (before → after).
pub const ACTION_PROPERTY: &str = "cq:lastReplicationAction";

/// What a publish run's report calls an asset it replicated: `published` or `unpublished`
/// (an edit's `changed`), a key that scripts read.
pub fn replicated_key(replication: Replication) -> &'static str {
    match replication {
        Replication::Publish => "published",
        Replication::Unpublish => "unpublished",
    }
}

/// A publication state as a report's key (`never_published`, `modified`, `up_to_date`,
/// `unpublished`: the names the window's bindings use).
pub fn state_key(state: PublicationState) -> &'static str {
    match state {
        PublicationState::NeverPublished => "never_published",
        PublicationState::Modified => "modified",
        PublicationState::UpToDate => "up_to_date",
        PublicationState::Unpublished => "unpublished",
    }
}

/// Refuses, before anything is sent or written, to publish through a connection whose API
/// cannot (an OAuth Server-to-Server connection): AEM's replication servlet takes the classic
/// token kinds only. The engine asks it of every publish run; a face asks it before an edit
/// that is to be republished, so that the edit is not written first.
pub fn check_publishes(aem: &dyn AssetsApi) -> Result<()> {
    if aem.publishes() {
        Ok(())
    } else {
        Err(Error::message(
            ErrorCode::InvalidInput,
            "error-publish-oauth",
            vec![],
        ))
    }
}

/// A publish run's assets by where they stood at its preview.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PublicationCounts {
    #[ts(type = "number")]
    pub never_published: u64,
    /// Published, and changed on author since.
    #[ts(type = "number")]
    pub modified: u64,
    #[ts(type = "number")]
    pub up_to_date: u64,
    #[ts(type = "number")]
    pub unpublished: u64,
}

impl PublicationCounts {
    pub fn add(&mut self, state: PublicationState) {
        match state {
            PublicationState::NeverPublished => self.never_published += 1,
            PublicationState::Modified => self.modified += 1,
            PublicationState::UpToDate => self.up_to_date += 1,
            PublicationState::Unpublished => self.unpublished += 1,
        }
    }

    /// One line per state that has assets: "12 never published", in the reader's words.
    pub fn lines(&self) -> Vec<SavedText> {
        [
            ("publication-never-published", self.never_published),
            ("publication-modified", self.modified),
            ("publication-up-to-date", self.up_to_date),
            ("publication-unpublished", self.unpublished),
        ]
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(code, n)| SavedText::new(code, [("count", n.into())]))
        .collect()
    }
}

/// The state of one asset in words.
pub fn state_words(state: PublicationState) -> SavedText {
    let code = match state {
        PublicationState::NeverPublished => "publication-state-never-published",
        PublicationState::Modified => "publication-state-modified",
        PublicationState::UpToDate => "publication-state-up-to-date",
        PublicationState::Unpublished => "publication-state-unpublished",
    };
    SavedText::new(code, [])
}

/// The line a run list and a summary show for a publish run.
pub fn run_line(replication: Replication, agent: Agent, from: Option<&PublishFrom>) -> SavedText {
    let what = match replication {
        Replication::Publish => "publish",
        Replication::Unpublish => "unpublish",
    };
    let tier = match agent {
        Agent::Publish => "publish",
        Agent::Preview => "preview",
    };
    match from {
        None => SavedText::new(
            "run-publish",
            [("what", what.into()), ("tier", tier.into())],
        ),
        Some(PublishFrom::Republish { of }) => SavedText::new(
            "run-republish",
            [("run", of.as_str().into()), ("tier", tier.into())],
        ),
        Some(PublishFrom::Undo { of }) => SavedText::new(
            "run-publish-undo",
            [("run", of.as_str().into()), ("what", what.into())],
        ),
    }
}
