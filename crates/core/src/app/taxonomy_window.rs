//! A tag import as a window makes it: the sheet is one the user dropped or picked (held under
//! an id, never a path from the page); its preview is a journaled run the window applies by
//! its id (`apply_run`, the production guard with the name the user typed, as every run), so
//! only what was previewed is written; the undo passes the same guard, and its answer crosses
//! to the page with each kept tag's reason as data and its AEM detail in words
//! (`TagImportUndone::view`).
//!
//! Not here: the import, its record and its undo (`taxonomy_import.rs`, `taxonomy_undo.rs`).

use serde::Serialize;
use ts_rs::TS;

use metadesk_base::i18n::Localizer;
use metadesk_bulk::replay::RunStatus;
use metadesk_clients::error::{Error, ErrorCode, Result};

use crate::app::taxonomy_undo::{LeftAloneReason, TagImportUndone};
use crate::app::{Opened, TagImportApplied, TagImportPreview, Workspace, blocking};

/// A tag import's run as the Tags page shows it again (opened from Activity): what it was to
/// write, what it wrote, and on which connection.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TagImportRun {
    /// The stored connection it was made with; none for a credential file's.
    pub connection_id: Option<String>,
    pub preview: TagImportPreview,
    /// What it wrote; none while it is only previewed (the page offers its Apply).
    pub applied: Option<TagImportApplied>,
    /// A tag's rename (a taxonomy plan of one tag's titles): what it renamed, so the page says
    /// so rather than naming a sheet.
    pub rename: Option<TagRenamed>,
    /// What its latest undo put back and kept, once it was undone: the page says so and offers
    /// no Undo again (none: not undone).
    pub undone: Option<TagImportUndone>,
}

/// What a rename run renamed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TagRenamed {
    pub tag: String,
    pub from: String,
    pub to: String,
}

impl TagImportUndone {
    /// The answer as the window shows it: AEM's details in `l`'s language.
    pub fn view(&self, l: &Localizer) -> TagImportUndone {
        let mut view = self.clone();
        for kept in &mut view.kept {
            if let LeftAloneReason::Unchecked { detail } | LeftAloneReason::NotDone { detail } =
                &mut kept.reason
            {
                detail.localize(l);
            }
        }
        view
    }
}

impl Workspace {
    /// [`Self::preview_tag_import`] of the sheet held under `sheet_id` (dropped or picked), as
    /// it is on disk now.
    pub async fn preview_held_tag_import(
        &self,
        opened: &Opened,
        sheet_id: &str,
    ) -> Result<TagImportPreview> {
        let path = self
            .sheet_files
            .path(sheet_id)
            .ok_or_else(|| Error::message(ErrorCode::InvalidInput, "error-sheet-gone", vec![]))?;
        self.preview_tag_import(opened, &path).await
    }

    /// Tag import run `run_id`, as its journal has it, with its undo's outcome in `l`'s
    /// language once it was undone; any other run is refused.
    pub async fn tag_import_run(&self, run_id: &str, l: &Localizer) -> Result<TagImportRun> {
        let summary = self.run_summary(run_id).await?;
        let (dir, id) = (self.runs_dir(), run_id.to_owned());
        let spec = blocking(move || metadesk_bulk::runs::spec(&dir, &id)).await?;
        let plan = spec.op.as_ref().and_then(|op| op.as_tag_import()).cloned();
        let plan = plan.ok_or_else(|| {
            Error::message(
                ErrorCode::InvalidInput,
                "error-not-a-tag-import",
                vec![("run", run_id.into())],
            )
        })?;
        let preview = TagImportPreview {
            file_name: plan.file_name,
            rows: plan.created.len() + plan.changed.len(),
            created: plan.created,
            changed: plan.changed,
            run_id: run_id.to_owned(),
        };
        let rename = summary
            .kind
            .renamed_tag()
            .map(|(tag, from, to)| TagRenamed {
                tag: tag.to_owned(),
                from: from.to_owned(),
                to: to.to_owned(),
            });
        let undone = self.undone_record(run_id).await?.map(|u| u.view(l));
        Ok(TagImportRun {
            connection_id: spec.connection_id,
            preview,
            applied: (summary.status != RunStatus::Previewed)
                .then(|| TagImportApplied::of(&summary)),
            rename,
            undone,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::ConnectionChoice;
    use crate::app::test_support::sandboxed_connection;

    #[tokio::test]
    async fn a_held_sheet_is_applied_on_production_only_with_its_name_and_undone() {
        let (dir, ws, id, sandbox) = sandboxed_connection(1).await;
        ws.connections().set_production(&id, true).unwrap();
        let opened = ws.open(ConnectionChoice::stored(id.clone())).await.unwrap();
        let en = Localizer::english();

        let gone = ws.preview_held_tag_import(&opened, "sheet-9").await;
        assert_eq!(gone.unwrap_err().code(), ErrorCode::InvalidInput);

        let sheet = dir.path().join("tags.csv");
        std::fs::write(
            &sheet,
            "Tag ID,Title,Title (fr)\nwknd-shared:season/autumn,Autumn,Automne\n",
        )
        .unwrap();
        let held = ws.hold_sheet_file(sheet);
        // Asked as the window asks every preview: a run, journaled, its plan read back.
        let ask = crate::app::PreviewAsk::TagImport {
            connection_id: id,
            sheet_id: held.id.clone(),
        };
        let summary = ws.preview_asked(ask, &|_| {}).await.unwrap();
        assert_eq!(summary.status, RunStatus::Previewed);
        let preview = ws.tag_import_run(&summary.id, &en).await.unwrap().preview;
        assert_eq!(preview.created.len(), 1, "{preview:?}");
        assert_eq!(preview.run_id, summary.id);

        let run_id = preview.run_id.clone();
        // Opened from Activity before its apply, the preview offers Apply, not Undo (a run
        // read as applied whatever its status would show the preview as written).
        let previewed = ws.tag_import_run(&run_id, &en).await.unwrap();
        assert_eq!(previewed.preview, preview);
        assert_eq!(previewed.applied, None);
        let writes = sandbox.counters().writes_applied;
        for typed in [None, Some("not its name")] {
            let refused = ws
                .apply_taxonomy_run(&opened, &run_id, typed)
                .await
                .unwrap_err();
            assert!(
                refused.localized(&en).contains(&opened.connection().name),
                "{}",
                refused.localized(&en)
            );
        }
        assert_eq!(sandbox.counters().writes_applied, writes);
        assert!(
            !ws.tags(&opened)
                .await
                .unwrap()
                .iter()
                .any(|t| t.id == "wknd-shared:season/autumn")
        );

        let name = opened.connection().name.clone();
        let applied = ws
            .apply_taxonomy_run(&opened, &run_id, Some(&name))
            .await
            .unwrap();
        assert_eq!((applied.id.as_str(), applied.created), (run_id.as_str(), 1));
        assert!(
            ws.undo_confirmed_tag_import(&opened, &applied.id, None)
                .await
                .is_err()
        );
        // Opened again from Activity, the applied import offers its undo (none yet)…
        let run = ws.tag_import_run(&applied.id, &en).await.unwrap();
        assert_eq!(
            (run.applied.map(|a| a.created), run.undone),
            (Some(1), None)
        );
        let undone = ws
            .undo_confirmed_tag_import(&opened, &applied.id, Some(&name))
            .await
            .unwrap()
            .view(&en);
        assert_eq!((undone.removed, undone.kept.len()), (1, 0), "{undone:?}");
        // …and once undone, it reads undone with what its undo did (issue 77). Seen failing
        // before the undo was kept: `undone` was None, and the page offered Undo again.
        let run = ws.tag_import_run(&applied.id, &en).await.unwrap();
        assert_eq!(run.undone, Some(undone));
    }

    /// The window is sent what undo kept as data, only AEM's detail put in words: one type, the
    /// one kept beside the import (it had a window twin, `KeptWhy`, issue 75).
    #[test]
    fn an_undo_is_sent_with_its_reasons_as_kept_and_the_detail_in_words() {
        use crate::app::taxonomy_undo::LeftAloneOnUndo;
        use metadesk_base::i18n::SavedText;
        let kept = |reason| LeftAloneOnUndo {
            id: "ns:a".into(),
            reason,
        };
        let done = TagImportUndone {
            id: "r1".into(),
            restored: 1,
            removed: 0,
            kept: vec![
                kept(LeftAloneReason::HoldsAssets),
                kept(LeftAloneReason::Unchecked {
                    detail: SavedText::new("reason-cancelled", []),
                }),
            ],
        };
        let view = done.view(&Localizer::english());
        assert_eq!(view.kept[0], done.kept[0]);
        let sent = serde_json::to_value(&view.kept[1]).unwrap();
        assert_eq!(
            sent,
            serde_json::json!({"id": "ns:a", "reason": {"kind": "unchecked", "detail": "cancelled"}})
        );
    }
}
