//! The undo of a tag import (or a rename) as a run of its own (issue 75): its rows are the
//! values the import may have changed, each put back while it still holds what the import
//! wrote, then the tags it may have created, the deepest first, each removed only while it is
//! as the import made it, has no tag below it, and nothing may hold it ([`TagHolders`]: AEM's
//! search index lags behind a tagging, so "no holder" comes from exact reads the core makes).
//! And the summary's view of what the undo did to each row. The check and the writes are the
//! engine's (`engine/tag_unimporting.rs`).
//!
//! Not here: the import's plan (`tag_import.rs`), finding what holds a tag (the core's
//! `taxonomy_holders.rs`), planning the undo from the import's journal (the core).

use futures_util::future::BoxFuture;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use metadesk_base::i18n::{Localizer, SavedText};

use crate::RunControl;
use crate::operation::{ReportStatus, RowCounts, row_counts};
use crate::parts::{PartJournal, PartState, RunPart};
use crate::tag_import::NewTag;

/// Why a value is not put back: it holds what it held before the import already (someone put
/// it back, or an earlier undo did). Not "kept": there is nothing to say about it.
pub const ALREADY: &str = "tags-undo-already";
/// Why a row is left: its tag is gone (someone deleted it, or an earlier undo did).
pub const GONE: &str = "tags-undo-gone";
/// A value changed in AEM since the import wrote it (`property`, `now`).
pub const VALUE_CHANGED: &str = "tags-undo-kept-value";
/// A created tag whose title, translations or description changed since.
pub const TAG_CHANGED: &str = "tags-undo-kept-tag-changed";
/// Tags the import did not create are below the created tag.
pub const HAS_CHILDREN: &str = "tags-undo-kept-children";
/// Assets hold the created tag (or a tag below it).
pub const HOLDS_ASSETS: &str = "tags-undo-kept-assets";
/// Sites pages use the created tag (`page` is one of them).
pub const USED_BY_PAGES: &str = "tags-undo-kept-pages";
/// Not all the content that may hold the created tag could be read (`detail`): not removed
/// now; a resume checks it again.
pub const UNCHECKED: &str = "tags-undo-unchecked";

/// What an import's undo puts back and removes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TagImportUndoPlan {
    /// The import's run (or its record, for an import made before imports were runs).
    pub import: String,
    pub rows: Vec<TagUndoRow>,
}

/// One row of the undo.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "row", rename_all = "snake_case")]
pub enum TagUndoRow {
    /// A value the import changed: put back to `before` while it holds `after`.
    Value {
        tag: String,
        property: String,
        before: Option<String>,
        after: String,
    },
    /// A tag the import created, as it made it.
    Remove {
        created: NewTag,
        /// The tags below it go first: the deepest tags are removed in the first stage.
        #[ts(type = "number")]
        stage: u32,
    },
}

impl TagUndoRow {
    pub fn tag(&self) -> &str {
        match self {
            TagUndoRow::Value { tag, .. } => tag,
            TagUndoRow::Remove { created, .. } => &created.id,
        }
    }

    pub fn part(&self) -> RunPart {
        match self {
            TagUndoRow::Value { tag, property, .. } => RunPart::Restored {
                tag: tag.clone(),
                property: property.clone(),
            },
            TagUndoRow::Remove { created, .. } => RunPart::Removed {
                tag: created.id.clone(),
            },
        }
    }
}

/// How deep tag `id` is in its namespace: a namespace 0, `ns:a` 1, `ns:a/b` 2.
fn depth(id: &str) -> u32 {
    let local = id.split_once(':').map_or(id, |(_, local)| local);
    if local.is_empty() {
        0
    } else {
        local.matches('/').count() as u32 + 1
    }
}

impl TagImportUndoPlan {
    /// The undo of import `import`, which may have written `created` and `changed` (its
    /// journal's `TagImportPlan::written`): the values first, then the tags, the deepest first.
    pub fn of(
        import: &str,
        created: Vec<NewTag>,
        changed: Vec<crate::tag_import::TagValueChange>,
    ) -> TagImportUndoPlan {
        let deepest = created.iter().map(|t| depth(&t.id)).max().unwrap_or(0);
        let values = changed.into_iter().map(|c| TagUndoRow::Value {
            tag: c.id,
            property: c.property,
            before: c.before,
            after: c.after,
        });
        let mut removes: Vec<TagUndoRow> = created
            .into_iter()
            .map(|created| TagUndoRow::Remove {
                stage: 1 + deepest - depth(&created.id),
                created,
            })
            .collect();
        removes.sort_by_key(|row| match row {
            TagUndoRow::Remove { stage, .. } => *stage,
            TagUndoRow::Value { .. } => 0,
        });
        TagImportUndoPlan {
            import: import.to_owned(),
            rows: values.chain(removes).collect(),
        }
    }

    /// What the journal says of each row.
    pub fn view(&self, journal: &PartJournal) -> TagImportUndoView {
        let rows = self
            .rows
            .iter()
            .map(|row| {
                let part = row.part();
                let reason = journal.reasons.get(&part).cloned();
                let code = reason.as_ref().and_then(SavedText::code);
                let state = match journal.state(&part) {
                    None => TagUndoState::Planned,
                    Some(PartState::Sending) => TagUndoState::InDoubt,
                    Some(PartState::Done) => TagUndoState::Done,
                    Some(PartState::LeftAlone) if matches!(code, Some(ALREADY | GONE)) => {
                        TagUndoState::Nothing
                    }
                    Some(PartState::LeftAlone) => TagUndoState::LeftAlone,
                    Some(PartState::Refused) => TagUndoState::Failed,
                };
                TagUndoRowView {
                    tag: row.tag().to_owned(),
                    property: match row {
                        TagUndoRow::Value { property, .. } => Some(property.clone()),
                        TagUndoRow::Remove { .. } => None,
                    },
                    state,
                    reason,
                }
            })
            .collect();
        TagImportUndoView {
            import: self.import.clone(),
            counts: row_counts(self.rows.iter().map(|r| (r.part(), false)), journal),
            rows,
        }
    }
}

/// Where one row of the undo stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TagUndoState {
    Planned,
    /// Its write left without an answer journaled: read again before anything is sent.
    InDoubt,
    /// The value put back, or the tag removed.
    Done,
    /// Nothing to do: the value was back already, or the tag gone.
    Nothing,
    /// Left as it is, with why (changed since, held, tags below it).
    LeftAlone,
    /// AEM refused its read or its write, or what may hold the tag could not be read whole: a
    /// resume tries again.
    Failed,
}

impl TagUndoState {
    /// What a report says of a row in this state.
    pub fn report(self) -> ReportStatus {
        match self {
            TagUndoState::Done => ReportStatus::Changed,
            TagUndoState::Nothing => ReportStatus::Unchanged,
            TagUndoState::LeftAlone => ReportStatus::Skipped,
            TagUndoState::Failed => ReportStatus::Failed,
            TagUndoState::Planned | TagUndoState::InDoubt => ReportStatus::Pending,
        }
    }
}

/// One row as the undo's summary shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TagUndoRowView {
    pub tag: String,
    /// The value's property; none for a created tag's removal.
    pub property: Option<String>,
    pub state: TagUndoState,
    #[ts(type = "string | null")]
    pub reason: Option<SavedText>,
}

/// A tag import's undo in its run's summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TagImportUndoView {
    /// The import's run.
    pub import: String,
    pub counts: RowCounts,
    pub rows: Vec<TagUndoRowView>,
}

impl TagImportUndoView {
    /// Its reasons in `l`'s language.
    pub fn localize(&mut self, l: &Localizer) {
        for row in &mut self.rows {
            if let Some(reason) = &mut row.reason {
                reason.localize(l);
            }
        }
    }
}

/// What may hold a tag.
#[derive(Debug, Clone, PartialEq)]
pub enum TagHeldBy {
    /// Nothing: every folder was listed and every asset read, and AEM listed no page.
    Nothing,
    /// Assets (or content fragments) hold it or a tag below it.
    Assets,
    /// Sites pages use it or a tag below it; `page` is one of them.
    Pages { page: String },
    /// What holds it could not be read whole: why, in words.
    Unknown(SavedText),
}

/// Finds what may hold a tag, for an undo about to remove a tag its import created: the core's
/// exact reads of the DAM (made once a run) and of the pages, given to the engine
/// (`Engine::with_tag_holders`).
pub trait TagHolders: Send + Sync {
    /// What may hold tag `id` now; `control` cancels the reads.
    fn of<'a>(&'a self, id: &'a str, control: &'a RunControl) -> BoxFuture<'a, TagHeldBy>;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tag_import::TagValueChange;

    fn new(id: &str) -> NewTag {
        NewTag {
            row: 1,
            id: id.into(),
            title: None,
            titles: Default::default(),
            description: None,
        }
    }

    /// Values go first, then the created tags the deepest first, so a parent is checked for
    /// tags below it only once the import's own are gone.
    #[test]
    fn values_go_first_then_the_deepest_tags() {
        let change = TagValueChange {
            row: 2,
            id: "ns:old".into(),
            property: "jcr:title".into(),
            before: Some("Old".into()),
            after: "New".into(),
        };
        let plan = TagImportUndoPlan::of(
            "run-1",
            vec![new("ns:"), new("ns:a"), new("ns:a/b"), new("ns:c")],
            vec![change],
        );
        let order: Vec<(String, u32)> = plan
            .rows
            .iter()
            .map(|row| match row {
                TagUndoRow::Value { tag, .. } => (tag.clone(), 0),
                TagUndoRow::Remove { created, stage } => (created.id.clone(), *stage),
            })
            .collect();
        assert_eq!(
            order,
            [
                ("ns:old".into(), 0),
                ("ns:a/b".into(), 1),
                ("ns:a".into(), 2),
                ("ns:c".into(), 2),
                ("ns:".into(), 3),
            ]
        );
    }

    /// A value found back already or a tag found gone is nothing to do, not kept; a refused
    /// check is failed (a resume tries again).
    #[test]
    fn the_view_goes_by_the_journal() {
        let plan = TagImportUndoPlan::of("run-1", vec![new("ns:a"), new("ns:b")], vec![]);
        let mut journal = PartJournal::default();
        let a = RunPart::Removed { tag: "ns:a".into() };
        journal.parts.insert(a.clone(), PartState::LeftAlone);
        journal
            .reasons
            .insert(a, SavedText::new(GONE, std::iter::empty()));
        let b = RunPart::Removed { tag: "ns:b".into() };
        journal.parts.insert(b.clone(), PartState::LeftAlone);
        journal
            .reasons
            .insert(b, SavedText::new(HOLDS_ASSETS, std::iter::empty()));
        let view = plan.view(&journal);
        let states: Vec<TagUndoState> = view.rows.iter().map(|r| r.state).collect();
        assert_eq!(states, [TagUndoState::Nothing, TagUndoState::LeftAlone]);
        assert_eq!(view.counts.left_alone, 2);
    }
}
