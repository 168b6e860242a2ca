//! A taxonomy sheet's import as a run: what it adds and changes ([`TagImportPlan`], kept in the
//! run's spec), and what its journal says it did ([`TagImportView`], in the run's summary). Each
//! tag created and each value changed is a part of the run's tag step journal (`tag_step.rs`):
//! `sending` durably before its request, then `done`, `refused`, or `left_alone` when AEM holds
//! something else than the preview showed. Pure data and decisions, no I/O.
//!
//! Not here: writing it (`engine/tag_importing.rs`, an operation), reading the sheet and planning it
//! against the taxonomy, and the import's undo (`metadesk_core::app::taxonomy_*`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use metadesk_base::i18n::SavedText;

use crate::operation::{ReportStatus, RowCounts};
use crate::parts::{PartJournal, PartState, RunPart};
use crate::reasons::ChangedSince;

/// A tag the sheet adds, with what it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NewTag {
    /// The sheet's row.
    #[ts(type = "number")]
    pub row: usize,
    pub id: String,
    /// Its title; without one, AEM titles it with its name.
    pub title: Option<String>,
    /// Its titles in other languages, by AEM's locale name.
    pub titles: BTreeMap<String, String>,
    pub description: Option<String>,
}

/// One property of an existing tag the sheet changes: `jcr:title`, `jcr:title.<lang>` or
/// `jcr:description`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TagValueChange {
    #[ts(type = "number")]
    pub row: usize,
    pub id: String,
    pub property: String,
    /// The value AEM held when the preview was made (`None`: none).
    pub before: Option<String>,
    pub after: String,
}

/// What an import writes, in order: the tags created, parents first (each with its title and
/// description in the command, its translations after), then each changed tag's values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TagImportPlan {
    pub file_name: String,
    pub created: Vec<NewTag>,
    pub changed: Vec<TagValueChange>,
}

/// One value the import writes: a created tag's translation, or a changed tag's property.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedValue<'a> {
    pub tag: &'a str,
    pub property: String,
    /// What AEM held at the preview; `None` for a created tag's translation (the tag was not
    /// there).
    pub before: Option<&'a str>,
    pub after: &'a str,
}

impl PlannedValue<'_> {
    pub fn part(&self) -> RunPart {
        RunPart::Value {
            tag: self.tag.to_owned(),
            property: self.property.clone(),
        }
    }
}

impl TagImportPlan {
    /// Every value written, tag by tag in the plan's order: the created tags' translations
    /// first, then the changes.
    pub fn values(&self) -> Vec<PlannedValue<'_>> {
        let translations = self.created.iter().flat_map(|tag| {
            tag.titles.iter().map(|(lang, title)| PlannedValue {
                tag: &tag.id,
                property: format!("jcr:title.{lang}"),
                before: None,
                after: title,
            })
        });
        let changes = self.changed.iter().map(|c| PlannedValue {
            tag: &c.id,
            property: c.property.clone(),
            before: c.before.as_deref(),
            after: &c.after,
        });
        translations.chain(changes).collect()
    }

    /// Every write of the import, in order: each creation, then each value.
    pub fn parts(&self) -> Vec<RunPart> {
        let created = self
            .created
            .iter()
            .map(|t| RunPart::Create { tag: t.id.clone() });
        created
            .chain(self.values().iter().map(PlannedValue::part))
            .collect()
    }

    /// What the journal says of this import.
    pub fn view(&self, journal: &PartJournal) -> TagImportView {
        let done = |part: &RunPart| journal.state(part) == Some(PartState::Done);
        let created = self
            .created
            .iter()
            .filter(|t| done(&RunPart::Create { tag: t.id.clone() }))
            .count();
        let changed = self
            .changed
            .iter()
            .filter(|c| done(&change_part(c)))
            .count();
        let mut changed_since: Vec<TagLeftAlone> = self
            .created
            .iter()
            .filter(|t| {
                journal
                    .left_alone(&RunPart::Create { tag: t.id.clone() })
                    .is_some()
            })
            .map(|t| TagLeftAlone {
                id: t.id.clone(),
                changed: None,
            })
            .collect();
        changed_since.extend(self.changed.iter().filter_map(|c| {
            journal.left_alone(&change_part(c)).map(|now| TagLeftAlone {
                id: c.id.clone(),
                changed: Some(ChangedSince {
                    property: c.property.clone(),
                    preview: c.before.clone().map(Value::from),
                    now: now.clone().map(Value::from),
                }),
            })
        }));
        TagImportView {
            file_name: self.file_name.clone(),
            planned: self.created.len() + self.changed.len(),
            created,
            changed,
            changed_since,
            reason: journal.reason.clone(),
        }
    }

    /// How far its writes went: each is a row. One refused or sent with no answer is pending (a
    /// resume checks and sends it); a value of a tag left alone is left alone with its tag.
    pub fn counts(&self, journal: &PartJournal) -> RowCounts {
        let parts = self.parts();
        let mut counts = RowCounts {
            planned: parts.len() as u64,
            ..RowCounts::default()
        };
        for part in &parts {
            match self.state(part, journal) {
                ReportStatus::Changed => counts.done += 1,
                ReportStatus::Skipped => counts.left_alone += 1,
                _ => {
                    counts.in_doubt += u64::from(journal.state(part) == Some(PartState::Sending));
                    counts.pending += 1;
                }
            }
        }
        counts
    }

    /// Each tag created and value written (a tag's id, then its property), where the run left
    /// it and why, for its report.
    pub fn report_rows(
        &self,
        journal: &PartJournal,
    ) -> Vec<(String, ReportStatus, Option<SavedText>)> {
        let created = self
            .created
            .iter()
            .map(|t| (t.id.clone(), RunPart::Create { tag: t.id.clone() }));
        let values = self
            .values()
            .into_iter()
            .map(|v| (format!("{} {}", v.tag, v.property), v.part()));
        created
            .chain(values)
            .map(|(what, part)| {
                let status = self.state(&part, journal);
                (what, status, journal.reasons.get(&part).cloned())
            })
            .collect()
    }

    /// Where `part` stands: a write refused or in doubt is still to do, as a resume sends it.
    fn state(&self, part: &RunPart, journal: &PartJournal) -> ReportStatus {
        let tag_left_alone = || match part {
            RunPart::Value { tag, .. } => {
                journal.state(&RunPart::Create { tag: tag.clone() }) == Some(PartState::LeftAlone)
            }
            _ => false,
        };
        match journal.state(part) {
            Some(PartState::Done) => ReportStatus::Changed,
            Some(PartState::LeftAlone) => ReportStatus::Skipped,
            _ if tag_left_alone() => ReportStatus::Skipped,
            _ => ReportStatus::Pending,
        }
    }

    /// The tags and values the import may have written, for its undo: those done, and those
    /// whose request left without its answer being journaled (AEM may hold them; the undo goes
    /// by what AEM holds). What was left alone, refused or never sent is not the import's.
    pub fn written(&self, journal: &PartJournal) -> (Vec<NewTag>, Vec<TagValueChange>) {
        let maybe = |part: &RunPart| {
            matches!(
                journal.state(part),
                Some(PartState::Done | PartState::Sending)
            )
        };
        let created = self
            .created
            .iter()
            .filter(|t| maybe(&RunPart::Create { tag: t.id.clone() }))
            .cloned()
            .collect();
        let changed = self
            .changed
            .iter()
            .filter(|c| maybe(&change_part(c)))
            .cloned()
            .collect();
        (created, changed)
    }
}

fn change_part(c: &TagValueChange) -> RunPart {
    RunPart::Value {
        tag: c.id.clone(),
        property: c.property.clone(),
    }
}

/// A tag, or one of its values, left alone at apply time because AEM held something else than
/// the preview showed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TagLeftAlone {
    pub id: String,
    /// The value changed since the preview; `None` when a tag the preview would create exists
    /// now.
    pub changed: Option<ChangedSince>,
}

/// A tag import's run in its summary: what it was to write and what it wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TagImportView {
    pub file_name: String,
    /// Tags to create and values to change, as previewed.
    #[ts(type = "number")]
    pub planned: usize,
    /// Tags created.
    #[ts(type = "number")]
    pub created: usize,
    /// Values of existing tags changed.
    #[ts(type = "number")]
    pub changed: usize,
    /// What was left alone because AEM held something else than the preview showed.
    pub changed_since: Vec<TagLeftAlone>,
    /// Why the import stopped part-way (a write AEM did not take): resuming the run tries again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "string")]
    pub reason: Option<SavedText>,
}

/// An import that creates `ns:new` (with a French title) and retitles `ns:old`, for tests.
#[cfg(test)]
pub(crate) fn sample_plan() -> TagImportPlan {
    TagImportPlan {
        file_name: "t.csv".into(),
        created: vec![NewTag {
            row: 2,
            id: "ns:new".into(),
            title: Some("New".into()),
            titles: BTreeMap::from([("fr".to_owned(), "Neuf".to_owned())]),
            description: None,
        }],
        changed: vec![TagValueChange {
            row: 3,
            id: "ns:old".into(),
            property: "jcr:title".into(),
            before: Some("Old".into()),
            after: "Older".into(),
        }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An import's writes are its rows: a refused or unanswered one is pending (a resume sends
    /// it), a colleague's value or tag left alone with what hangs on it.
    #[test]
    fn an_import_counts_its_writes_as_rows() {
        let plan = sample_plan();
        let mut journal = PartJournal::default();
        let old = RunPart::Value {
            tag: "ns:old".into(),
            property: "jcr:title".into(),
        };
        journal.record(old.clone(), PartState::Refused, None);
        let counts = plan.counts(&journal);
        assert_eq!(
            (counts.planned, counts.pending, counts.left_alone),
            (3, 3, 0)
        );
        journal.left(
            RunPart::Create {
                tag: "ns:new".into(),
            },
            None,
        );
        journal.record(old, PartState::Done, None);
        let counts = plan.counts(&journal);
        assert_eq!((counts.done, counts.left_alone, counts.pending), (1, 2, 0));
        let rows = plan.report_rows(&journal);
        assert_eq!(rows[0].0, "ns:new");
        assert_eq!(rows[1].0, "ns:new jcr:title.fr");
        assert_eq!(
            rows.iter().map(|r| r.1).collect::<Vec<_>>(),
            [
                ReportStatus::Skipped,
                ReportStatus::Skipped,
                ReportStatus::Changed
            ]
        );
    }

    #[test]
    fn translations_of_created_tags_come_before_the_changes() {
        let plan = sample_plan();
        let values = plan.values();
        assert_eq!(values.len(), 2);
        assert_eq!(values[0].property, "jcr:title.fr");
        assert_eq!(values[0].before, None);
        assert_eq!(values[1].tag, "ns:old");
    }

    /// The undo takes what may have landed (done, or sent without an answer) and nothing a
    /// colleague's change made the import leave alone.
    #[test]
    fn the_view_and_the_undo_go_by_the_journal() {
        let plan = sample_plan();
        let mut journal = PartJournal::default();
        let create = RunPart::Create {
            tag: "ns:new".into(),
        };
        journal.record(create.clone(), PartState::Sending, None);
        journal.left(change_part(&plan.changed[0]), Some("Theirs".into()));
        let (created, changed) = plan.written(&journal);
        assert_eq!(created.len(), 1);
        assert!(changed.is_empty());
        let view = plan.view(&journal);
        assert_eq!((view.created, view.changed, view.planned), (0, 0, 2));
        assert_eq!(view.changed_since.len(), 1);
        let changed = view.changed_since[0].changed.as_ref().unwrap();
        assert_eq!(changed.now, Some(Value::from("Theirs")));
        journal.record(create, PartState::Done, None);
        assert_eq!(plan.view(&journal).created, 1);
    }
}
