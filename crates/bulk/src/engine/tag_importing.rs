//! A tag import, as the operation trait asks it (`operation.rs`): the engine (`operating.rs`)
//! journals, gates, retries and resumes. Its rows are each tag it creates (a stage per depth,
//! parents first) and then each value it writes (a created tag's translations, an existing
//! tag's changed title or description), one Sling POST per tag. Just before its write, each
//! row's tag is read as AEM holds it: the tags of a window that share a parent by one read of
//! the parent with its children (Sling renders one level of children whatever their number),
//! a tag alone by a read of itself. A tag to create that exists is the import's only when a
//! request for it may have left (it landed), else someone made it since the preview and it is
//! left alone with its values; a value already as the import wants it is done, one as the
//! preview showed it is written, anything else is someone's change, left alone with what AEM
//! holds.
//!
//! Not here: the plan and its view (`crate::tag_import`), the start of its run (`planned.rs`
//! beside this), reading tags (`tag_reads.rs`), its undo (`tag_unimporting.rs`).

use std::collections::HashSet;
use std::sync::Mutex;

use futures_util::future::BoxFuture;

use metadesk_assets::classic::ClassicAssets;
use metadesk_assets::tags::{Tag, node_path};
use metadesk_assets::{AssetsApi, CallError};
use metadesk_base::i18n::SavedText;

use super::context::lock;
use super::tag_reads::{by_parent, grouped, now_tags};
use crate::operation::{Found, Operation, Reader, Wrote};
use crate::parts::{PartJournal, PartState, RunPart};
use crate::tag_import::{NewTag, PlannedValue, TagImportPlan};

/// A tag to create the preview did not see and someone made since: neither it nor its values
/// are written.
const EXISTS_NOW: &str = "tags-import-left-exists";
/// A value someone changed since the preview: not written.
const VALUE_CHANGED: &str = "tags-import-left-value";
/// Why the import stopped at a row AEM did not take.
const STOPPED: &str = "tags-import-stopped";

/// The stage of the values: after every tag is created (stages are depths below it).
const VALUES: u32 = u32::MAX;

/// One write of the import.
pub(super) enum ImportRow<'a> {
    Create(&'a NewTag),
    Value(PlannedValue<'a>),
}

impl ImportRow<'_> {
    fn tag(&self) -> &str {
        match self {
            ImportRow::Create(tag) => &tag.id,
            ImportRow::Value(value) => value.tag,
        }
    }
}

/// A tag import's plan as the engine runs it.
pub(super) struct TagImport<'a> {
    rows: Vec<ImportRow<'a>>,
    /// The tags to create found made by someone else: before this apply (the journal), or by
    /// a check of this one. Their values are left alone.
    made_by_others: Mutex<HashSet<String>>,
}

impl<'a> TagImport<'a> {
    pub(super) fn new(plan: &'a TagImportPlan, journal: &PartJournal) -> Self {
        let made_by_others = plan
            .created
            .iter()
            .filter(|tag| {
                let part = RunPart::Create {
                    tag: tag.id.clone(),
                };
                journal.state(&part) == Some(PartState::LeftAlone)
            })
            .map(|tag| tag.id.clone())
            .collect();
        let rows = plan
            .created
            .iter()
            .map(ImportRow::Create)
            .chain(plan.values().into_iter().map(ImportRow::Value))
            .collect();
        TagImport {
            rows,
            made_by_others: Mutex::new(made_by_others),
        }
    }

    /// `tag`'s creation decided by whether AEM holds it now: absent, it is to be made;
    /// present, it landed when a request for it may have left, else someone made it.
    fn decide_create(&self, tag: &NewTag, in_doubt: bool, exists: bool) -> Found {
        match (exists, in_doubt) {
            (false, _) => Found::Ready,
            (true, true) => Found::Done,
            (true, false) => {
                lock(&self.made_by_others).insert(tag.id.clone());
                Found::left_alone(SavedText::new(EXISTS_NOW, std::iter::empty()))
            }
        }
    }

    /// Each of `rows` decided by its tag as AEM holds it now (`now`: `None` when absent).
    fn decide_rows(&self, rows: &[(&ImportRow<'a>, bool)], now: &[Option<Tag>]) -> Vec<Found> {
        rows.iter()
            .zip(now)
            .map(|((row, in_doubt), now)| match row {
                ImportRow::Create(tag) => self.decide_create(tag, *in_doubt, now.is_some()),
                ImportRow::Value(value) if lock(&self.made_by_others).contains(value.tag) => {
                    Found::left_alone(SavedText::new(EXISTS_NOW, std::iter::empty()))
                }
                ImportRow::Value(value) => decide(value, now.as_ref()),
            })
            .collect()
    }
}

impl<'a> Operation for TagImport<'a> {
    type Row = ImportRow<'a>;

    fn rows(&self) -> &[ImportRow<'a>] {
        &self.rows
    }

    fn part(&self, row: &ImportRow<'a>) -> RunPart {
        match row {
            ImportRow::Create(tag) => RunPart::Create {
                tag: tag.id.clone(),
            },
            ImportRow::Value(value) => value.part(),
        }
    }

    fn refused(&self, _row: &ImportRow<'a>) -> Option<SavedText> {
        None
    }

    fn stage(&self, row: &ImportRow<'a>) -> u32 {
        match row {
            // Parents first: a tag is created once the one above it is.
            ImportRow::Create(tag) => tag.id.matches('/').count() as u32,
            ImportRow::Value(_) => VALUES,
        }
    }

    fn requests<'r>(&self, ready: Vec<&'r ImportRow<'a>>) -> Vec<Vec<&'r ImportRow<'a>>> {
        // The tag servlet creates one tag a request; one Sling POST writes all of a tag's
        // values.
        by_tag(ready, |row| row)
    }

    fn check_groups<'r>(
        &self,
        rows: Vec<(&'r ImportRow<'a>, bool)>,
    ) -> Vec<Vec<(&'r ImportRow<'a>, bool)>> {
        // One read of a parent with its children answers all of their creations, or all of
        // their values.
        by_parent(rows, |(row, _)| {
            Some((row.tag(), u8::from(matches!(row, ImportRow::Create(_)))))
        })
    }

    fn check_together<'b>(
        &'b self,
        reader: &'b dyn Reader,
        rows: Vec<(&'b ImportRow<'a>, bool)>,
    ) -> BoxFuture<'b, Vec<Found>> {
        Box::pin(async move {
            let tags: Vec<&str> = rows.iter().map(|(row, _)| row.tag()).collect();
            match now_tags(reader, &tags).await {
                Ok(now) => self.decide_rows(&rows, &now),
                Err(why) => rows.iter().map(|_| Found::Unknown(why.clone())).collect(),
            }
        })
    }

    fn check<'b>(
        &'b self,
        reader: &'b dyn Reader,
        row: &'b ImportRow<'a>,
        in_doubt: bool,
    ) -> BoxFuture<'b, Found> {
        Box::pin(async move {
            let mut found = self.check_together(reader, vec![(row, in_doubt)]).await;
            found.pop().unwrap_or_else(|| {
                Found::Unknown(SavedText::new("op-not-checked", std::iter::empty()))
            })
        })
    }

    fn refusal(&self, row: &ImportRow<'a>, why: SavedText) -> SavedText {
        SavedText::new(
            STOPPED,
            [("id", row.tag().into()), ("detail", why.into_arg())],
        )
    }

    fn write<'b>(
        &'b self,
        aem: &'b ClassicAssets,
        rows: &'b [&'b ImportRow<'a>],
    ) -> BoxFuture<'b, Result<Wrote, CallError>> {
        Box::pin(async move {
            let Some(first) = rows.first() else {
                return Ok(Wrote::Done);
            };
            if let ImportRow::Create(tag) = first {
                let mut fields = vec![("cmd", "createTag"), ("tag", tag.id.as_str())];
                if let Some(title) = &tag.title {
                    fields.push(("jcr:title", title));
                }
                if let Some(description) = &tag.description {
                    fields.push(("jcr:description", description));
                }
                aem.tag_command(&fields).await?;
                return Ok(Wrote::Done);
            }
            let values: Vec<(&str, Option<&str>)> = rows
                .iter()
                .filter_map(|row| match row {
                    ImportRow::Value(value) => Some((value.property.as_str(), Some(value.after))),
                    ImportRow::Create(_) => None,
                })
                .collect();
            aem.tag_properties(&node_path(first.tag()), &values).await?;
            Ok(Wrote::Done)
        })
    }
}

/// `items` in groups, in the order first seen: each creation alone, each tag's values together
/// (`row`: an item's row).
fn by_tag<'r, T>(items: Vec<T>, row: impl Fn(&T) -> &ImportRow<'r>) -> Vec<Vec<T>> {
    grouped(items, |item| match row(item) {
        ImportRow::Create(_) => None,
        ImportRow::Value(value) => Some(value.tag),
    })
}

/// `value` against its tag as AEM holds it now (`None`: no such tag): as the import wants it,
/// done; as the preview showed it, to be written; anything else someone else's, left alone
/// with what AEM holds.
fn decide(value: &PlannedValue<'_>, now: Option<&Tag>) -> Found {
    let held = now.and_then(|tag| tag.value(&value.property));
    if held == Some(value.after) {
        Found::Done
    } else if held == value.before {
        Found::Ready
    } else {
        Found::LeftAlone {
            why: SavedText::new(
                VALUE_CHANGED,
                [
                    ("property", value.property.as_str().into()),
                    ("now", held.unwrap_or_default().into()),
                ],
            ),
            now: held.map(str::to_owned),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::tag_import::TagValueChange;

    fn plan() -> TagImportPlan {
        let new = |id: &str| NewTag {
            row: 2,
            id: id.into(),
            title: None,
            titles: BTreeMap::from([("fr".to_owned(), format!("{id} fr"))]),
            description: None,
        };
        let change = |id: &str, property: &str| TagValueChange {
            row: 3,
            id: id.into(),
            property: property.into(),
            before: Some("Old".into()),
            after: "New".into(),
        };
        TagImportPlan {
            file_name: "t.csv".into(),
            created: vec![new("ns:a"), new("ns:a/b"), new("ns:a/b/c")],
            changed: vec![
                change("ns:old", "jcr:title"),
                change("ns:old", "jcr:description"),
            ],
        }
    }

    /// Parents are created a stage before their children; the values wait for every tag; a
    /// tag's values go in one request, each creation in its own.
    #[test]
    fn tags_go_parents_first_and_a_tag_s_values_in_one_request() {
        let plan = plan();
        let op = TagImport::new(&plan, &PartJournal::default());
        let stages: Vec<u32> = op.rows().iter().map(|row| op.stage(row)).collect();
        assert_eq!(stages[..3], [0, 1, 2]);
        assert!(stages[3..].iter().all(|s| *s == VALUES));
        let requests = op.requests(op.rows().iter().collect());
        let shape: Vec<(&str, usize)> = requests.iter().map(|r| (r[0].tag(), r.len())).collect();
        assert_eq!(
            shape,
            [
                ("ns:a", 1),
                ("ns:a/b", 1),
                ("ns:a/b/c", 1),
                ("ns:a", 1),
                ("ns:a/b", 1),
                ("ns:a/b/c", 1),
                ("ns:old", 2)
            ]
        );
    }

    /// The checks of a stage's creations, or of the values, go by parent: one read of the
    /// parent with its children answers its tags; a namespace's top tags share the namespace.
    /// Seen failing with the checks grouped by tag (one read a tag).
    #[test]
    fn checks_go_by_parent() {
        let mut plan = plan();
        plan.created.push(NewTag {
            row: 4,
            id: "ns:a/b/d".into(),
            title: None,
            titles: BTreeMap::new(),
            description: None,
        });
        let op = TagImport::new(&plan, &PartJournal::default());
        let rows: Vec<_> = op.rows().iter().map(|row| (row, false)).collect();
        let groups = op.check_groups(rows);
        let shape: Vec<Vec<&str>> = groups
            .iter()
            .map(|group| group.iter().map(|(row, _)| row.tag()).collect())
            .collect();
        assert_eq!(
            shape,
            [
                // The creations, a stage a depth.
                vec!["ns:a"],
                vec!["ns:a/b"],
                vec!["ns:a/b/c", "ns:a/b/d"],
                // The values: the namespace's top tags, then each parent's.
                vec!["ns:a", "ns:old", "ns:old"],
                vec!["ns:a/b"],
                vec!["ns:a/b/c"],
            ]
        );
    }

    /// A value as the import wants it is done, as the preview showed it is sent, and anything
    /// else is someone's: left alone with what AEM holds.
    #[test]
    fn a_value_is_decided_by_what_aem_holds() {
        let plan = plan();
        let values = plan.values();
        let title = values
            .iter()
            .find(|v| v.tag == "ns:old" && v.property == "jcr:title")
            .unwrap();
        let tag = |title: &str| Tag {
            id: "ns:old".into(),
            title: title.into(),
            trail: title.into(),
            titles: BTreeMap::new(),
            description: None,
            published: false,
        };
        assert_eq!(decide(title, Some(&tag("New"))), Found::Done);
        assert_eq!(decide(title, Some(&tag("Old"))), Found::Ready);
        match decide(title, Some(&tag("Theirs"))) {
            Found::LeftAlone { why, now } => {
                assert_eq!(why.code(), Some(VALUE_CHANGED));
                assert_eq!(now.as_deref(), Some("Theirs"));
            }
            other => panic!("{other:?}"),
        }
    }

    /// A tag to create that someone made before this apply (the journal says so) leaves its
    /// values alone with it.
    #[test]
    fn a_tag_made_by_someone_else_is_known_from_the_journal() {
        let plan = plan();
        let mut journal = PartJournal::default();
        journal.left(
            RunPart::Create {
                tag: "ns:a/b".into(),
            },
            None,
        );
        let op = TagImport::new(&plan, &journal);
        assert!(lock(&op.made_by_others).contains("ns:a/b"));
        assert!(!lock(&op.made_by_others).contains("ns:a"));
    }
}
