//! A taxonomy import recorded and undone. The record, `{data}/tag-imports/{id}.json`, is
//! written whole (and synced) before the import's first write: the tags it creates, and each
//! value it changes with the value AEM held before. Undo reads AEM again and compares: a value
//! still as the import left it is put back, one already back is left, and one a colleague has
//! changed since is kept and said; a created tag is removed only when it is as the import made
//! it, has no tags below it but the import's, and exact reads found no content that holds it
//! (`taxonomy_holders.rs`: AEM's search index lags behind a tagging, so its "none" is not
//! taken). An import stopped half-way undoes the same way, as undo goes by what AEM holds.
//! An import is undone only on the AEM it wrote to, through the same stored connection (or a
//! credential file of the same name): any other is refused before anything is read or written.
//!
//! Not here: the import (`taxonomy_import.rs`), what may hold a tag (`taxonomy_holders.rs`).

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use metadesk_assets::tags::{Tag, node_path};
use metadesk_base::i18n::SavedText;
use metadesk_bulk::replay::Replay;
use metadesk_bulk::runs;
use metadesk_clients::error::Result;
use metadesk_credentials::credentials::urls::same_aem;
use metadesk_store::dirs::{read_settings_file, write_json_file};

use crate::app::taxonomy_holders::{Holders, TagHeldBy};
use crate::app::taxonomy_record::{
    ImportRecord, NewTag, Resend, refused, tag_command, write_values,
};
use crate::app::{Opened, Workspace, blocking};

/// Why undo left a tag, or one of its values, as it is: kept beside the import's record, and
/// sent to the window as it is (`Unchecked`'s detail in words, `TagImportUndone::view`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum KeptReason {
    /// The value was changed in AEM after the import: it now holds `now`.
    ValueChanged {
        property: String,
        now: Option<String>,
    },
    /// A created tag's title, translations or description were changed after the import.
    TagChanged,
    /// Tags the import did not create are below the created tag.
    HasChildren,
    /// Assets hold the created tag (or a tag below it).
    HoldsAssets,
    /// Sites pages use the created tag (or a tag below it); `page` is one of them.
    UsedByPages { page: String },
    /// Not all the content that may hold the created tag could be read: why, in words.
    Unchecked {
        #[ts(type = "string")]
        detail: SavedText,
    },
}

/// A tag or value undo left alone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct KeptOnUndo {
    pub id: String,
    pub reason: KeptReason,
}

/// An undone import: what the window shows again when the import is opened from Activity
/// (kept beside its record, `Workspace::undone_record`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TagImportUndone {
    pub id: String,
    /// Values put back.
    #[ts(type = "number")]
    pub restored: usize,
    /// Created tags removed.
    #[ts(type = "number")]
    pub removed: usize,
    pub kept: Vec<KeptOnUndo>,
}

/// Whether `tag` is as the import created it: its title and description, and each of its
/// translations the import's. One the import had not written yet may be missing: an import that
/// stopped between a tag's creation and its translations (a write refused, an answer lost)
/// still made the tag.
fn as_created(tag: &Tag, created: &NewTag) -> bool {
    let name = created
        .id
        .rsplit(['/', ':'])
        .find(|s| !s.is_empty())
        .unwrap_or(&created.id);
    tag.title == created.title.as_deref().unwrap_or(name)
        && tag
            .titles
            .iter()
            .all(|(lang, title)| created.titles.get(lang) == Some(title))
        && tag.description == created.description
}

/// Whether `id` is a tag below `ancestor`.
fn below(id: &str, ancestor: &str) -> bool {
    if ancestor.ends_with(':') {
        id.starts_with(ancestor) && id != ancestor
    } else {
        id.strip_prefix(ancestor)
            .is_some_and(|rest| rest.starts_with('/'))
    }
}

impl Workspace {
    /// Undoes the import `id` on the connection it was made with (see the module's words on
    /// what is put back and what is kept).
    pub async fn undo_tag_import(&self, opened: &Opened, id: &str) -> Result<TagImportUndone> {
        let record = self.import_record(id).await?;
        bound_to(&record, opened)?;
        let tags = self.tags(opened).await?;
        let find = |id: &str| tags.iter().find(|t| t.id == id);
        let mut done = TagImportUndone {
            id: id.to_owned(),
            restored: 0,
            removed: 0,
            kept: Vec::new(),
        };
        let mut by_tag: BTreeMap<&str, Vec<(String, Option<&str>)>> = BTreeMap::new();
        for change in &record.changed {
            let Some(tag) = find(&change.id) else {
                continue;
            };
            let now = tag.value(&change.property);
            if now == Some(change.after.as_str()) {
                by_tag
                    .entry(&change.id)
                    .or_default()
                    .push((change.property.clone(), change.before.as_deref()));
            } else if now != change.before.as_deref() {
                done.kept.push(KeptOnUndo {
                    id: change.id.clone(),
                    reason: KeptReason::ValueChanged {
                        property: change.property.clone(),
                        now: now.map(str::to_owned),
                    },
                });
            }
        }
        for (tag, values) in by_tag {
            write_values(opened, tag, &values).await.map_err(|e| {
                refused(
                    "error-tags-undo-write",
                    vec![("id", tag.into()), ("detail", e.text().into())],
                )
            })?;
            done.restored += values.len();
        }
        self.remove_created(opened, &record, &tags, &mut done)
            .await?;
        self.keep_undone(&done).await;
        Ok(done)
    }

    /// Where the latest undo of import `id` is kept, beside the records of imports made before
    /// imports were runs (`{data}/tag-imports/undone/{id}.json`).
    fn undone_record_path(&self, id: &str) -> Option<std::path::PathBuf> {
        let record = self.import_record_path(id)?;
        Some(record.parent()?.join("undone").join(record.file_name()?))
    }

    /// Keeps what the undo of an import did, so the import opened again from Activity says it
    /// was undone rather than offering Undo again (issue 77). The undo is done whether or not
    /// this is written: a file that cannot be written goes to the log only.
    async fn keep_undone(&self, done: &TagImportUndone) {
        let Some(path) = self.undone_record_path(&done.id) else {
            return;
        };
        let done = done.clone();
        let written = blocking(move || {
            write_json_file(&path, &done, "the tag import's undo")?;
            Ok(())
        })
        .await;
        if let Err(e) = written {
            tracing::warn!(error = %e, "the undo of a tag import could not be kept");
        }
    }

    /// The latest undo of import `id`, if it was undone.
    pub(crate) async fn undone_record(&self, id: &str) -> Result<Option<TagImportUndone>> {
        let Some(path) = self.undone_record_path(id) else {
            return Ok(None);
        };
        blocking(move || Ok(read_settings_file(&path, "the tag import's undo"))).await
    }

    /// What import `id` may have written: its run's journal, or the record an import made
    /// before imports were runs.
    async fn import_record(&self, id: &str) -> Result<ImportRecord> {
        let unknown = || refused("error-tags-import-unknown", vec![("id", id.into())]);
        let (dir, run) = (self.runs_dir(), id.to_owned());
        let replay = blocking(move || {
            Ok(runs::path_of(&dir, &run)
                .and_then(|path| Replay::load(&path))
                .ok())
        })
        .await?;
        if let Some(replay) = replay {
            let plan = replay.spec.tag_import.as_ref().ok_or_else(unknown)?;
            let (created, changed) = plan.written(&replay.tag_step);
            let at = replay.first_apply.clone().unwrap_or_default();
            return Ok(ImportRecord::of_run(id, &replay.spec, created, changed, at));
        }
        let path = self.import_record_path(id).ok_or_else(unknown)?;
        blocking(move || Ok(read_settings_file(&path, "the tag import's record")))
            .await?
            .ok_or_else(unknown)
    }

    /// The created tags removed, the deepest first, each only when nothing but the import
    /// has made use of it.
    async fn remove_created(
        &self,
        opened: &Opened,
        record: &ImportRecord,
        tags: &[Tag],
        done: &mut TagImportUndone,
    ) -> Result<()> {
        let mut created: Vec<&NewTag> = record.created.iter().collect();
        created.sort_by_key(|t| {
            std::cmp::Reverse(t.id.matches('/').count() + 1 - usize::from(t.id.ends_with(':')))
        });
        let mut removed: HashSet<&str> = HashSet::new();
        let mut holders = Holders::new(self, opened);
        for new in created {
            let Some(tag) = tags.iter().find(|t| t.id == new.id) else {
                continue;
            };
            let children = tags
                .iter()
                .any(|t| below(&t.id, &new.id) && !removed.contains(t.id.as_str()));
            let reason = if !as_created(tag, new) {
                Some(KeptReason::TagChanged)
            } else if children {
                Some(KeptReason::HasChildren)
            } else {
                match holders.of(&new.id).await {
                    TagHeldBy::Nothing => None,
                    TagHeldBy::Assets => Some(KeptReason::HoldsAssets),
                    TagHeldBy::Pages { page } => Some(KeptReason::UsedByPages { page }),
                    TagHeldBy::Unknown(detail) => Some(KeptReason::Unchecked { detail }),
                }
            };
            if let Some(reason) = reason {
                done.kept.push(KeptOnUndo {
                    id: new.id.clone(),
                    reason,
                });
                continue;
            }
            let path = node_path(&new.id);
            tag_command(
                opened,
                Resend::OnThrottleOnly,
                &[("cmd", "deleteTag"), ("path", &path)],
            )
            .await
            .map_err(|e| {
                refused(
                    "error-tags-undo-write",
                    vec![("id", new.id.as_str().into()), ("detail", e.text().into())],
                )
            })?;
            removed.insert(&new.id);
            done.removed += 1;
        }
        Ok(())
    }
}

/// Refuses an undo through any connection but the import's own, on any AEM but the one it
/// wrote to, naming both. A stored connection is known by its id (it may have been renamed); a
/// credential file by its name, and a record made before records named their AEM by its label
/// alone.
fn bound_to(record: &ImportRecord, opened: &Opened) -> Result<()> {
    let (now, label) = (opened.connected.aem_url.as_str(), opened.label.as_str());
    same_place(record, now, opened.connection_id.as_deref(), label)
}

/// [`bound_to`] the AEM at `now`, through the connection `connection_id` (none for a
/// credential file) labelled `label`.
fn same_place(
    record: &ImportRecord,
    now: &str,
    connection_id: Option<&str>,
    label: &str,
) -> Result<()> {
    if let Some(was) = record.aem.as_deref()
        && !same_aem(was, now)
    {
        return Err(refused(
            "error-tags-import-other-aem",
            vec![
                ("id", record.id.as_str().into()),
                ("was", was.into()),
                ("now", now.into()),
            ],
        ));
    }
    let same_connection = match &record.connection_id {
        Some(id) => connection_id == Some(id.as_str()),
        None => record.connection == label,
    };
    if same_connection {
        Ok(())
    } else {
        Err(refused(
            "error-tags-import-other-connection",
            vec![
                ("id", record.id.as_str().into()),
                ("connection", record.connection.as_str().into()),
            ],
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use metadesk_clients::error::ErrorCode;

    fn record(aem: Option<&str>, connection_id: Option<&str>, label: &str) -> ImportRecord {
        serde_json::from_value(serde_json::json!({
            "version": 2, "id": "tags-1", "connection": label, "connectionId": connection_id,
            "aem": aem, "fileName": "t.csv", "at": "2026-01-01T00:00:00Z",
            "created": [], "changed": [],
        }))
        .unwrap()
    }

    /// An import is undone on the AEM it wrote to, through its stored connection (renamed or
    /// not) or a credential file of its name; anything else is refused, the AEM first. Seen
    /// failing with the record bound to the label alone (another AEM passed, a renamed
    /// connection did not).
    #[test]
    fn an_import_is_bound_to_its_aem_and_connection() {
        let (a, b) = (
            "https://author-p1-e2.adobeaemcloud.com",
            "http://127.0.0.1:4502",
        );
        let stored = record(Some(a), Some("c1"), "Prod");
        assert!(same_place(&stored, &format!("{a}/"), Some("c1"), "Prod renamed").is_ok());
        let refused = |r: Result<()>| r.unwrap_err().message_id();
        assert_eq!(
            refused(same_place(&stored, b, Some("c1"), "Prod")),
            Some("error-tags-import-other-aem")
        );
        for (id, label) in [(Some("c2"), "Prod"), (None, "Prod")] {
            assert_eq!(
                refused(same_place(&stored, a, id, label)),
                Some("error-tags-import-other-connection")
            );
        }
        let file = record(Some(a), None, "file:dev.json");
        assert!(same_place(&file, a, None, "file:dev.json").is_ok());
        assert_eq!(
            refused(same_place(&file, b, None, "file:dev.json")),
            Some("error-tags-import-other-aem")
        );
        // A record of version 1 names no AEM: bound to its label.
        let old = record(None, None, "file:dev.json");
        assert!(same_place(&old, b, None, "file:dev.json").is_ok());
        let other = same_place(&old, b, None, "file:other.json").unwrap_err();
        assert_eq!(other.code(), ErrorCode::InvalidInput);
    }

    /// What an undo kept reads back as it was written, each reason with its words, so an
    /// import opened again from Activity says what its undo kept (issue 77).
    #[test]
    fn an_undo_kept_reads_back_as_written() {
        let kept = |reason| KeptOnUndo {
            id: "ns:a".into(),
            reason,
        };
        let done = TagImportUndone {
            id: "r1".into(),
            restored: 2,
            removed: 1,
            kept: vec![
                kept(KeptReason::ValueChanged {
                    property: "jcr:title".into(),
                    now: None,
                }),
                kept(KeptReason::TagChanged),
                kept(KeptReason::HasChildren),
                kept(KeptReason::HoldsAssets),
                kept(KeptReason::UsedByPages {
                    page: "/content/wknd/en".into(),
                }),
                kept(KeptReason::Unchecked {
                    detail: SavedText::new("reason-cancelled", []),
                }),
            ],
        };
        let json = serde_json::to_string(&done).unwrap();
        assert_eq!(
            serde_json::from_str::<TagImportUndone>(&json).unwrap(),
            done
        );
    }

    fn made(titles: &[(&str, &str)]) -> NewTag {
        NewTag {
            row: 2,
            id: "ns:season/monsoon".into(),
            title: Some("Monsoon".into()),
            titles: titles
                .iter()
                .map(|(l, t)| ((*l).to_owned(), (*t).to_owned()))
                .collect(),
            description: None,
        }
    }

    fn in_aem(titles: &[(&str, &str)]) -> Tag {
        Tag {
            id: "ns:season/monsoon".into(),
            title: "Monsoon".into(),
            trail: "Season / Monsoon".into(),
            titles: titles
                .iter()
                .map(|(l, t)| ((*l).to_owned(), (*t).to_owned()))
                .collect(),
            description: None,
            published: false,
        }
    }

    /// An import that stopped between a tag's creation and its translations (AEM refused them,
    /// or the creation's answer was lost) left the tag without them: it is still the import's
    /// to remove. Seen failing with every translation required (the tag was kept as changed).
    #[test]
    fn a_created_tag_missing_translations_the_import_had_not_written_yet_is_its_own() {
        let new = made(&[("fr", "Mousson"), ("de", "Monsun")]);
        assert!(as_created(&in_aem(&[]), &new));
        assert!(as_created(&in_aem(&[("fr", "Mousson")]), &new));
        assert!(as_created(
            &in_aem(&[("fr", "Mousson"), ("de", "Monsun")]),
            &new
        ));
    }

    /// A translation a colleague wrote or changed since makes the tag theirs too: undo keeps it.
    #[test]
    fn a_created_tag_with_a_translation_the_import_did_not_write_is_kept() {
        let new = made(&[("fr", "Mousson")]);
        assert!(!as_created(&in_aem(&[("fr", "La mousson")]), &new));
        assert!(!as_created(
            &in_aem(&[("fr", "Mousson"), ("es", "Monzón")]),
            &new
        ));
        let mut retitled = in_aem(&[("fr", "Mousson")]);
        retitled.title = "Rainy season".into();
        assert!(!as_created(&retitled, &new));
    }
}
