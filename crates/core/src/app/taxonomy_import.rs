//! A taxonomy sheet imported (`tags import`): the tags it adds created with AEM's tag command,
//! the titles, translations and descriptions it changes written to each tag's node by a Sling
//! POST (`adobe-wire-tags.md` §3). Nothing is ever deleted: a row missing from the sheet or an
//! empty cell changes nothing. Every problem of the sheet is refused, naming its row, before
//! anything is written. The import is a run of the engine: journaled before each write,
//! listed in Activity, resumed with `bulk resume`, its requests through the run's gate; just
//! before writing, the taxonomy is read again and a value changed in AEM since the preview is
//! left as it is, and said.
//!
//! Not here: reading the sheet (`metadesk_sheets::taxonomy_read`), writing the run
//! (`metadesk_bulk::engine`), the undo (`taxonomy_undo.rs`), the words
//! (`cli/src/tags_import.rs`).

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use metadesk_assets::DAM_ROOT;
use metadesk_assets::tag_names::check_tag_id;
use metadesk_assets::tags::{TAGS_ROOT, Tag};
use metadesk_base::i18n::SavedText;
use metadesk_base::i18n::Text;
use metadesk_bulk::ops::OpPlan;
use metadesk_bulk::replay::RunStatus;
use metadesk_bulk::runs::RunSummary;
use metadesk_bulk::scope::RunScope;
use metadesk_bulk::spec::{MAX_VALUE_CHARS, RunKind, ScopeFilters};
use metadesk_bulk::tag_import::TagImportPlan;
pub use metadesk_bulk::tag_import::TagLeftAlone;
use metadesk_bulk::{Engine, RunSource};
use metadesk_clients::error::{Error, ErrorCode, Result};
use metadesk_sheets::taxonomy_read::{TaxonomyRow, read_taxonomy};

use crate::app::sheet_files::file_name_of;
use crate::app::sheets::read_sheet_file;
use crate::app::taxonomy_record::{NewTag, TagValueChange, check_rights, number, refused};
use crate::app::{Opened, Workspace, blocking};

/// What a sheet would change, in the order it is written: tags created parents first, then
/// values changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TagImportPreview {
    pub file_name: String,
    /// The sheet's rows with a tag id.
    #[ts(type = "number")]
    pub rows: usize,
    pub created: Vec<NewTag>,
    pub changed: Vec<TagValueChange>,
    /// The run journaled with this plan, Previewed, that Apply writes (`Workspace::apply`, the
    /// window's `apply_run`): what is written is what was previewed, never a plan sent back.
    /// A sheet that changes nothing is journaled too, as a run with nothing to do (as an
    /// edit's preview is).
    pub run_id: String,
}

impl TagImportPreview {
    /// Whether the sheet changes nothing in AEM.
    pub fn is_empty(&self) -> bool {
        self.created.is_empty() && self.changed.is_empty()
    }
}

/// An applied import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TagImportApplied {
    /// The import's run, to resume or undo it by.
    pub id: String,
    /// Tags created.
    #[ts(type = "number")]
    pub created: usize,
    /// Values changed.
    #[ts(type = "number")]
    pub changed: usize,
    pub changed_since: Vec<TagLeftAlone>,
    /// Why the import stopped part-way, when AEM did not take one of its writes: what was
    /// written before stays, and undoing the import puts it back. Sent to the window worded.
    #[ts(type = "string | null")]
    pub stopped: Option<SavedText>,
    /// Whether a resume has something to do (the run's [`RunSummary::resumable`]): the window
    /// offers Resume by it, an import interrupted included.
    pub resumable: bool,
}

/// The tag a tag id sits below: `ns:a` for `ns:a/b`, the namespace `ns:` for `ns:a`; `None`
/// for a namespace (the taxonomy's root holds it).
fn parent_of(id: &str) -> Option<String> {
    let (ns, local) = id.split_once(':')?;
    if local.is_empty() {
        return None;
    }
    Some(match local.rsplit_once('/') {
        Some((up, _)) => format!("{ns}:{up}"),
        None => format!("{ns}:"),
    })
}

/// A sheet's id as AEM names the tag: a path under the root becomes its id, an id without a
/// namespace is in `default` (`adobe-wire-tags.md` §1).
fn normalized_id(raw: &str) -> String {
    if let Some(rest) = raw.strip_prefix(&format!("{TAGS_ROOT}/")) {
        let rest = rest.trim_end_matches('/');
        return match rest.split_once('/') {
            Some((ns, local)) => format!("{ns}:{local}"),
            None => format!("{rest}:"),
        };
    }
    if raw.contains(':') {
        raw.to_owned()
    } else {
        format!("default:{raw}")
    }
}

/// The `(property, value)` pairs a row sets, in a stable order.
fn row_values(row: &TaxonomyRow) -> Vec<(String, &str)> {
    let mut out = Vec::new();
    if let Some(t) = &row.title {
        out.push(("jcr:title".to_owned(), t.as_str()));
    }
    for (lang, t) in &row.titles {
        out.push((format!("jcr:title.{lang}"), t.as_str()));
    }
    if let Some(d) = &row.description {
        out.push(("jcr:description".to_owned(), d.as_str()));
    }
    out
}

/// The plan of a sheet's rows against the taxonomy as read; the first problem, naming its row,
/// refuses the whole sheet.
pub(crate) fn plan(
    file_name: &str,
    rows: &[TaxonomyRow],
    tags: &[Tag],
) -> Result<TagImportPreview> {
    let existing: HashMap<&str, &Tag> = tags.iter().map(|t| (t.id.as_str(), t)).collect();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let (mut created, mut changed) = (Vec::new(), Vec::new());
    for row in rows {
        let Some(raw) = &row.id else {
            return Err(refused(
                "error-tags-import-no-id",
                vec![("row", number(row.row))],
            ));
        };
        let id = normalized_id(raw);
        check_tag_id(&id).map_err(|problem| {
            refused(
                "error-tags-import-row",
                vec![("row", number(row.row)), ("problem", problem.into())],
            )
        })?;
        if let Some(first) = seen.insert(id.clone(), row.row) {
            return Err(refused(
                "error-tags-import-twice",
                vec![
                    ("row", number(row.row)),
                    ("id", id.as_str().into()),
                    ("first", number(first)),
                ],
            ));
        }
        let values = row_values(row);
        if values
            .iter()
            .any(|(_, v)| v.chars().count() > MAX_VALUE_CHARS)
        {
            return Err(refused(
                "error-tags-import-too-long",
                vec![
                    ("row", number(row.row)),
                    ("id", id.as_str().into()),
                    ("limit", number(MAX_VALUE_CHARS)),
                ],
            ));
        }
        match existing.get(id.as_str()) {
            Some(tag) => changed.extend(
                values
                    .into_iter()
                    .filter(|(p, v)| tag.value(p) != Some(*v))
                    .map(|(property, after)| TagValueChange {
                        row: row.row,
                        id: id.clone(),
                        before: tag.value(&property).map(str::to_owned),
                        property,
                        after: after.to_owned(),
                    }),
            ),
            None => created.push(NewTag {
                row: row.row,
                id,
                title: row.title.clone(),
                titles: row.titles.clone(),
                description: row.description.clone(),
            }),
        }
    }
    for tag in &created {
        if let Some(parent) = parent_of(&tag.id)
            && !existing.contains_key(parent.as_str())
            && !seen.contains_key(&parent)
        {
            return Err(refused(
                "error-tags-import-no-parent",
                vec![
                    ("row", number(tag.row)),
                    ("id", tag.id.as_str().into()),
                    ("parent", parent.as_str().into()),
                ],
            ));
        }
    }
    // Parents before their children, whatever the sheet's order.
    created.sort_by_key(|t| (t.id.matches('/').count(), !t.id.ends_with(':'), t.row));
    Ok(TagImportPreview {
        file_name: file_name.to_owned(),
        rows: rows.len(),
        created,
        changed,
        run_id: String::new(),
    })
}

impl Workspace {
    /// What the sheet at `path` would change in the taxonomy, every problem of it refused
    /// (naming its row) before anything is written, the account's right to change the
    /// taxonomy checked when it changes something. The sheet's plan is journaled as a run,
    /// Previewed, that [`Workspace::apply`] writes as every run (journal,
    /// Activity, resume; its requests through the run's gate), an operation on the trait: each
    /// tag read again just before its write, a value AEM changed since the preview (or a tag
    /// created meanwhile) left alone and said; the tags created parents first, then each tag's
    /// values in one request. A write AEM does not take stops the run, which a resume finishes
    /// and an undo puts back (`engine/tag_importing.rs`).
    pub async fn preview_tag_import(
        &self,
        opened: &Opened,
        path: &Path,
    ) -> Result<TagImportPreview> {
        let file_name = file_name_of(path);
        let owned = path.to_owned();
        let bytes = blocking(move || read_sheet_file(&owned)).await?;
        let name = file_name.clone();
        let rows = blocking(move || {
            read_taxonomy(&name, &bytes).map_err(|t| Error::worded(ErrorCode::InvalidInput, t))
        })
        .await?;
        let tags = self.tags(opened).await?;
        let mut preview = plan(&file_name, &rows, &tags)?;
        let first = preview
            .created
            .first()
            .map(|t| t.id.as_str())
            .or_else(|| preview.changed.first().map(|c| c.id.as_str()));
        if let Some(first) = first {
            check_rights(opened, first).await?;
        }
        let label = Text::new("job-tag-import", vec![("file", file_name.as_str().into())]);
        let kind = RunKind::TagImport { file: file_name };
        let plan = TagImportPlan {
            file_name: preview.file_name.clone(),
            created: preview.created.clone(),
            changed: preview.changed.clone(),
        };
        preview.run_id = self
            .journal_taxonomy_plan(opened, kind, plan, label)
            .await?;
        Ok(preview)
    }

    /// `plan` journaled as a run of `kind` (an import, a rename), Previewed, under the job
    /// `label`: its id, which [`Workspace::apply`] writes as it writes every run.
    pub(crate) async fn journal_taxonomy_plan(
        &self,
        opened: &Opened,
        kind: RunKind,
        plan: TagImportPlan,
        label: Text,
    ) -> Result<String> {
        let mut spec = opened.spec(
            RunScope::checked(DAM_ROOT, ScopeFilters::default())?,
            Vec::new(),
            kind,
        );
        spec.op = Some(OpPlan::TagImport(plan));
        let engine = Engine::new(opened.connected.assets.clone(), self.runs_dir());
        let planned = self
            .plan(label, engine, RunSource::Planned(spec), &|_| {})
            .await?;
        Ok(planned.id)
    }

    /// Writes the previewed tag import or rename `run_id` as every run is written
    /// ([`Workspace::apply`]: on a production connection, `confirm_name` is its name as
    /// typed), and says what it did.
    pub async fn apply_taxonomy_run(
        &self,
        opened: &Opened,
        run_id: &str,
        confirm_name: Option<&str>,
    ) -> Result<TagImportApplied> {
        let summary = self.apply(opened, run_id, confirm_name, &|_| {}).await?;
        Ok(TagImportApplied::of(&summary))
    }
}

impl TagImportApplied {
    /// What a tag import's run summary says it did.
    pub fn of(summary: &RunSummary) -> Self {
        let view = summary
            .op
            .as_ref()
            .and_then(|op| op.as_tag_import())
            .cloned();
        let cancelled = summary.status == RunStatus::Cancelled;
        TagImportApplied {
            id: summary.id.clone(),
            created: view.as_ref().map_or(0, |v| v.created),
            changed: view.as_ref().map_or(0, |v| v.changed),
            changed_since: view
                .as_ref()
                .map(|v| v.changed_since.clone())
                .unwrap_or_default(),
            stopped: view
                .and_then(|v| v.reason)
                .or_else(|| cancelled.then(|| SavedText::new("reason-cancelled", []))),
            resumable: summary.resumable,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use metadesk_assets::tags::node_path as tag_path;
    use std::collections::BTreeMap;

    fn tag(id: &str, title: &str) -> Tag {
        Tag {
            id: id.into(),
            title: title.into(),
            trail: title.into(),
            titles: BTreeMap::from([("fr".to_owned(), format!("{title} fr"))]),
            description: None,
            published: false,
        }
    }

    fn row(n: usize, id: &str, title: Option<&str>) -> TaxonomyRow {
        TaxonomyRow {
            row: n,
            id: Some(id.into()),
            title: title.map(str::to_owned),
            ..TaxonomyRow::default()
        }
    }

    #[test]
    fn new_tags_come_parents_first_and_only_changed_values_count() {
        let tags = [tag("ns:", "NS"), tag("ns:a", "A")];
        let mut fr = row(4, "ns:a", Some("A"));
        fr.titles.insert("fr".into(), "A fr".into());
        fr.description = Some("new".into());
        let rows = [
            row(2, "ns:b/c", Some("C")),
            row(3, "/content/cq:tags/ns/b", None),
            fr,
        ];
        let p = plan("t.csv", &rows, &tags).unwrap();
        let ids: Vec<&str> = p.created.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["ns:b", "ns:b/c"]);
        assert_eq!(p.changed.len(), 1);
        assert_eq!(p.changed[0].property, "jcr:description");
        assert_eq!(p.changed[0].before, None);
        assert_eq!(tag_path("ns:b/c"), "/content/cq:tags/ns/b/c");
        assert_eq!(tag_path("ns:"), "/content/cq:tags/ns");
    }

    #[test]
    fn each_problem_names_its_row() {
        let tags = [tag("ns:", "NS")];
        let en = metadesk_base::i18n::Localizer::english();
        let said = |rows: &[TaxonomyRow]| plan("t.csv", rows, &tags).unwrap_err().localized(&en);
        assert!(said(&[row(2, "ns:a//b", None)]).contains("Row 2"));
        let twice = said(&[row(2, "ns:a", None), row(5, "ns:a", None)]);
        assert!(
            twice.contains("Row 5") && twice.contains("row 2"),
            "{twice}"
        );
        let orphan = said(&[row(3, "ns:x/y", None)]);
        assert!(
            orphan.contains("Row 3") && orphan.contains("ns:x"),
            "{orphan}"
        );
        let no_id = TaxonomyRow {
            row: 7,
            title: Some("T".into()),
            ..TaxonomyRow::default()
        };
        assert!(said(&[no_id]).contains("Row 7"));
    }
}
