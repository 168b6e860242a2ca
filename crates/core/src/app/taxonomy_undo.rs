//! A taxonomy import's (or a rename's) undo, planned as a run of its own that the engine
//! applies as every run (`bulk::tag_import_undo`, its check and writes in `bulk::engine`'s
//! `tag_unimporting.rs`): journaled, gated, retried, resumable, asked the production name,
//! listed in Activity and `runs list`. Its rows are what the import's journal (or, for an
//! import made before imports were runs, its record `{data}/tag-imports/{id}.json`) says it
//! may have written: each value put back while it still holds what the import wrote, each
//! created tag removed while it is as the import made it, alone, and held by nothing that exact
//! reads find (`taxonomy_holders.rs`). An import stopped half-way undoes the same way, as undo
//! goes by what AEM holds. An import is undone only on the AEM it wrote to, through the same
//! stored connection (or a credential file of the same name): any other is refused before
//! anything is read or written.
//!
//! Not here: the import (`taxonomy_import.rs`), what may hold a tag (`taxonomy_holders.rs`).

use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use metadesk_assets::DAM_ROOT;
use metadesk_base::i18n::{SavedText, Text};
use metadesk_bulk::ops::OpPlan;
use metadesk_bulk::replay::{Replay, RunStatus};
use metadesk_bulk::runs::{self, RunSummary};
use metadesk_bulk::scope::RunScope;
use metadesk_bulk::spec::{RunKind, ScopeFilters};
use metadesk_bulk::tag_import_undo::{self as plan, TagImportUndoPlan, TagUndoState};
use metadesk_bulk::{ChangedSince, Engine, RunSource};
use metadesk_clients::error::Result;
use metadesk_credentials::credentials::urls::same_aem;
use metadesk_store::dirs::read_settings_file;

use crate::app::previews::OnProgress;
use crate::app::taxonomy_record::{ImportRecord, refused};
use crate::app::{Opened, Workspace, blocking};

/// Why undo left a tag, or one of its values, as it is: read from the undo run's journal (or
/// from what an undo kept beside an import's record before undos were runs), and sent to the
/// window as it is (a detail in words, `TagImportUndone::view`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum LeftAloneReason {
    /// The value was changed in AEM after the import: what the import wrote (its `preview`,
    /// unknown for an undo made before it was kept) and what AEM holds now, as an edit's left
    /// alone value says them. An undo kept beside an import's record wrote `property` and
    /// `now` only: read the same.
    ValueChanged(ChangedSince),
    /// A created tag's title, translations or description were changed after the import.
    TagChanged,
    /// Tags the import did not create are below the created tag.
    HasChildren,
    /// Assets hold the created tag (or a tag below it).
    HoldsAssets,
    /// Sites pages use the created tag (or a tag below it); `page` is one of them.
    UsedByPages { page: String },
    /// Not all the content that may hold the created tag could be read: why, in words. Not
    /// kept for good: resuming the undo checks it again.
    Unchecked {
        #[ts(type = "string")]
        detail: SavedText,
    },
    /// AEM did not answer its read or took not its write: why, in words. Resuming the undo
    /// tries it again.
    NotDone {
        #[ts(type = "string")]
        detail: SavedText,
    },
}

/// A tag or value undo left alone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LeftAloneOnUndo {
    pub id: String,
    pub reason: LeftAloneReason,
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
    pub kept: Vec<LeftAloneOnUndo>,
}

impl TagImportUndone {
    /// What the undo run `summary` did, as the Tags page and the CLI say it; `None` for any
    /// other run.
    pub fn of(summary: &RunSummary) -> Option<TagImportUndone> {
        let view = summary.op.as_ref()?.as_tag_import_undo()?;
        let mut done = TagImportUndone {
            id: view.import.clone(),
            restored: 0,
            removed: 0,
            kept: Vec::new(),
        };
        for row in &view.rows {
            let reason = match row.state {
                TagUndoState::Done if row.property.is_some() => {
                    done.restored += 1;
                    continue;
                }
                TagUndoState::Done => {
                    done.removed += 1;
                    continue;
                }
                TagUndoState::Planned | TagUndoState::InDoubt | TagUndoState::Nothing => continue,
                TagUndoState::Failed => not_done(row.reason.as_ref()),
                TagUndoState::LeftAlone => kept_reason(row.reason.as_ref()),
            };
            done.kept.push(LeftAloneOnUndo {
                id: row.tag.clone(),
                reason,
            });
        }
        Some(done)
    }
}

/// A row not done yet (its read, its write or what may hold its tag refused), from the words
/// the engine journaled for it.
fn not_done(reason: Option<&SavedText>) -> LeftAloneReason {
    let unknown = || SavedText::new("op-not-checked", std::iter::empty());
    match reason {
        Some(SavedText::Coded { code, args }) if code == plan::UNCHECKED => {
            LeftAloneReason::Unchecked {
                detail: args
                    .get("detail")
                    .and_then(|d| serde_json::from_value(d.clone()).ok())
                    .unwrap_or_else(unknown),
            }
        }
        Some(reason) => LeftAloneReason::NotDone {
            detail: reason.clone(),
        },
        None => LeftAloneReason::NotDone { detail: unknown() },
    }
}

/// A kept row's reason, from the words the engine journaled for it.
fn kept_reason(reason: Option<&SavedText>) -> LeftAloneReason {
    let (code, args) = match reason {
        Some(SavedText::Coded { code, args }) => (code.as_str(), Some(args)),
        _ => ("", None),
    };
    let arg = |name: &str| {
        args.and_then(|a| a.get(name))
            .and_then(serde_json::Value::as_str)
            .map(str::to_owned)
    };
    match code {
        plan::VALUE_CHANGED => LeftAloneReason::ValueChanged(ChangedSince {
            property: arg("property").unwrap_or_default(),
            preview: arg("wrote").map(Value::String),
            now: arg("now").filter(|now| !now.is_empty()).map(Value::String),
        }),
        plan::TAG_CHANGED => LeftAloneReason::TagChanged,
        plan::HAS_CHILDREN => LeftAloneReason::HasChildren,
        plan::HOLDS_ASSETS => LeftAloneReason::HoldsAssets,
        plan::USED_BY_PAGES => LeftAloneReason::UsedByPages {
            page: arg("page").unwrap_or_default(),
        },
        _ => LeftAloneReason::Unchecked {
            detail: reason
                .cloned()
                .unwrap_or_else(|| SavedText::new("op-not-checked", std::iter::empty())),
        },
    }
}

impl Workspace {
    /// Previews the undo of tag import (or rename) `id` on `opened`, its own connection: a run
    /// whose rows are what the import may have written (see the module's words). Reached
    /// through [`Workspace::preview`] (`PreviewRequest::Undo`) as every undo is.
    pub(crate) async fn preview_tag_import_undo(
        &self,
        opened: &Opened,
        id: &str,
        on_progress: OnProgress<'_>,
    ) -> Result<RunSummary> {
        let record = self.import_record(id).await?;
        bound_to(&record, opened)?;
        let mut spec = opened.spec(
            RunScope::checked(DAM_ROOT, ScopeFilters::default())?,
            Vec::new(),
            RunKind::Undo { of: id.to_owned() },
        );
        let undo = TagImportUndoPlan::of(id, record.created, record.changed);
        spec.op = Some(OpPlan::TagImportUndo(undo));
        let label = Text::new(
            "job-preview-of-run",
            vec![("kind", "undo".into()), ("folder", record.file_name.into())],
        );
        let engine = Engine::new(opened.connected.assets.clone(), self.runs_dir());
        self.plan(label, engine, RunSource::Planned(spec), on_progress)
            .await
    }

    /// Undoes tag import `id` at once, as the CLI asks it: its undo previewed, then applied
    /// as every run ([`Workspace::apply`]: on a production connection, `confirm_name` is its
    /// name as typed).
    pub async fn undo_confirmed_tag_import(
        &self,
        opened: &Opened,
        id: &str,
        confirm_name: Option<&str>,
    ) -> Result<TagImportUndone> {
        let preview = self.preview_tag_import_undo(opened, id, &|_| {}).await?;
        let applied = self
            .apply(opened, &preview.id, confirm_name, &|_| {})
            .await?;
        TagImportUndone::of(&applied).ok_or_else(|| {
            metadesk_clients::error::Error::Internal("an undo run without its rows".into())
        })
    }

    /// What the latest applied undo of import `id` did: its undo run's, or what an undo kept
    /// beside the import's record before undos were runs.
    pub(crate) async fn undone_record(&self, id: &str) -> Result<Option<TagImportUndone>> {
        let undone = self
            .list_runs()
            .await?
            .into_iter()
            .find(|run| run.kind.undo_of() == Some(id) && run.status != RunStatus::Previewed);
        if let Some(done) = undone.as_ref().and_then(TagImportUndone::of) {
            return Ok(Some(done));
        }
        let Some(path) = self.undone_record_path(id) else {
            return Ok(None);
        };
        blocking(move || Ok(read_settings_file(&path, "the tag import's undo"))).await
    }

    /// Where an undo of import `id` was kept before undos were runs, beside the records of
    /// imports made before imports were runs (`{data}/tag-imports/undone/{id}.json`).
    fn undone_record_path(&self, id: &str) -> Option<std::path::PathBuf> {
        let record = self.import_record_path(id)?;
        Some(record.parent()?.join("undone").join(record.file_name()?))
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
            let plan = replay.spec.op.as_ref().and_then(|op| op.as_tag_import());
            let plan = plan.ok_or_else(unknown)?;
            let (created, changed) = plan.written(&replay.parts);
            let at = replay.first_apply.clone().unwrap_or_default();
            return Ok(ImportRecord::of_run(id, &replay.spec, created, changed, at));
        }
        let path = self.import_record_path(id).ok_or_else(unknown)?;
        blocking(move || Ok(read_settings_file(&path, "the tag import's record")))
            .await?
            .ok_or_else(unknown)
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
        let kept = |reason| LeftAloneOnUndo {
            id: "ns:a".into(),
            reason,
        };
        let done = TagImportUndone {
            id: "r1".into(),
            restored: 2,
            removed: 1,
            kept: vec![
                kept(LeftAloneReason::ValueChanged(ChangedSince {
                    property: "jcr:title".into(),
                    preview: Some("Summer".into()),
                    now: None,
                })),
                kept(LeftAloneReason::TagChanged),
                kept(LeftAloneReason::HasChildren),
                kept(LeftAloneReason::HoldsAssets),
                kept(LeftAloneReason::UsedByPages {
                    page: "/content/wknd/en".into(),
                }),
                kept(LeftAloneReason::Unchecked {
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

    /// A value an undo kept beside an import's record before the one type of "changed since"
    /// (issue 75) said its property and what AEM held then, not what the import wrote: it reads
    /// as changed since, what the import wrote unknown.
    #[test]
    fn a_value_kept_in_the_old_shape_reads_as_changed_since() {
        let old = r#"{"id":"r1","restored":0,"removed":0,"kept":[
            {"id":"ns:a","reason":{"kind":"valueChanged","property":"jcr:title","now":"Theirs"}},
            {"id":"ns:b","reason":{"kind":"valueChanged","property":"jcr:title.fr","now":null}}]}"#;
        let done: TagImportUndone = serde_json::from_str(old).unwrap();
        let changed = |property: &str, now: Option<&str>| {
            LeftAloneReason::ValueChanged(ChangedSince {
                property: property.into(),
                preview: None,
                now: now.map(Value::from),
            })
        };
        assert_eq!(done.kept[0].reason, changed("jcr:title", Some("Theirs")));
        assert_eq!(done.kept[1].reason, changed("jcr:title.fr", None));
    }

    /// A row the undo could not do is said as what stopped it: what may hold the tag not read
    /// whole (with why), or AEM refusing its read or its write, never one for the other. Seen
    /// failing with every failed row worded as not read whole.
    #[test]
    fn a_row_not_done_says_what_stopped_it() {
        let inner = SavedText::new("tags-undo-pages-unknown", [("detail", "503".into())]);
        let unchecked = SavedText::new(plan::UNCHECKED, [("detail", inner.clone().into_arg())]);
        assert_eq!(
            not_done(Some(&unchecked)),
            LeftAloneReason::Unchecked { detail: inner }
        );
        let refused = SavedText::new("reason-server-error", [("status", 500.into())]);
        assert_eq!(
            not_done(Some(&refused)),
            LeftAloneReason::NotDone { detail: refused }
        );
    }

    /// A tag import's undo is a run of its own, listed as the import's undo, and checked just
    /// before its writes, not when it was previewed: between the two, a colleague retitles a
    /// tag the import retitled and tags an asset with a tag it created. Both are kept, each with
    /// why; the rest is undone; the import then reads undone. Seen failing on the old code: an
    /// import's undo was refused as a run ("error-run-of-tag-import").
    #[tokio::test]
    async fn an_import_s_undo_is_a_run_checked_just_before_its_writes() {
        use crate::app::PreviewAsk;
        use crate::app::test_support::sandboxed_workspace;
        use metadesk_assets::tags::node_path;

        let (dir, ws, opened, sandbox) = sandboxed_workspace(2).await;
        let sheet = dir.path().join("tags.csv");
        std::fs::write(
            &sheet,
            "Tag ID,Title\n\
             wknd-shared:season/summer,High summer\n\
             wknd-shared:season/winter,Deep winter\n\
             wknd-shared:season/autumn,Autumn\n\
             wknd-shared:season/monsoon,Monsoon\n",
        )
        .unwrap();
        let preview = ws.preview_tag_import(&opened, &sheet).await.unwrap();
        let import = preview.run_id.clone();
        let was = |id: &str| {
            preview
                .changed
                .iter()
                .find(|c| c.id == id)
                .and_then(|c| c.before.clone())
        };
        let summer_was = was("wknd-shared:season/summer").expect("summer's title");
        ws.apply_taxonomy_run(&opened, &import, None).await.unwrap();

        let undo = PreviewAsk::Undo {
            run_id: import.clone(),
        };
        let undo = ws.preview_asked(undo, &|_| {}).await.unwrap();
        assert_eq!(undo.status, RunStatus::Previewed);
        assert_eq!(undo.kind.undo_of(), Some(import.as_str()));

        let aem = &opened.connected.assets;
        let winter = node_path("wknd-shared:season/winter");
        aem.tag_properties(&winter, &[("jcr:title", Some("Winter (theirs)"))])
            .await
            .unwrap();
        let asset = sandbox.dump(false)["assets"][0]["path"]
            .as_str()
            .unwrap()
            .to_owned();
        sandbox
            .edit_asset(
                &asset,
                serde_json::json!({"cq:tags": ["wknd-shared:season/monsoon"]}),
            )
            .unwrap();

        let applied = ws.apply(&opened, &undo.id, None, &|_| {}).await.unwrap();
        // A face opens the undo where its import is shown, without telling kinds apart.
        let tags_page = metadesk_bulk::run_page::RunPage::Tags {
            run: import.clone(),
        };
        assert_eq!(applied.opens, tags_page);
        let done = TagImportUndone::of(&applied).expect("an import's undo");
        assert_eq!((done.restored, done.removed), (1, 1), "{done:?}");
        let kept: Vec<(&str, &LeftAloneReason)> = done
            .kept
            .iter()
            .map(|k| (k.id.as_str(), &k.reason))
            .collect();
        assert_eq!(
            kept,
            [
                (
                    "wknd-shared:season/winter",
                    &LeftAloneReason::ValueChanged(ChangedSince {
                        property: "jcr:title".into(),
                        preview: Some("Deep winter".into()),
                        now: Some("Winter (theirs)".into()),
                    })
                ),
                ("wknd-shared:season/monsoon", &LeftAloneReason::HoldsAssets),
            ]
        );
        let tags = ws.tags(&opened).await.unwrap();
        let title = |id: &str| tags.iter().find(|t| t.id == id).map(|t| t.title.clone());
        assert_eq!(title("wknd-shared:season/summer"), Some(summer_was));
        assert_eq!(
            title("wknd-shared:season/winter").as_deref(),
            Some("Winter (theirs)")
        );
        assert_eq!(title("wknd-shared:season/autumn"), None);
        assert_eq!(
            title("wknd-shared:season/monsoon").as_deref(),
            Some("Monsoon")
        );

        // Listed as a run, and the import reads undone with what its undo did.
        let runs = ws.list_runs().await.unwrap();
        assert!(
            runs.iter()
                .any(|r| r.id == undo.id && r.kind.undo_of() == Some(&import))
        );
        let en = metadesk_base::i18n::Localizer::english();
        let run = ws.tag_import_run(&import, &en).await.unwrap();
        assert_eq!(run.undone, Some(done));
        // An undo is not undone again.
        let again = PreviewAsk::Undo { run_id: undo.id };
        assert!(ws.preview_asked(again, &|_| {}).await.is_err());
    }
}
