//! A tag import as a window makes it: the sheet is one the user dropped or picked (held under
//! an id, never a path from the page), the apply and the undo pass the production guard with
//! the name the user typed (as a run's apply does), and the undo's answer crosses to the page
//! with each kept tag's reason as data and its AEM detail in words (`TagImportUndone::view`).
//!
//! Not here: the import, its record and its undo (`taxonomy_import.rs`, `taxonomy_undo.rs`).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use metadesk_assets::tag_names::{check_tag_id, check_tag_property};
use metadesk_base::i18n::Localizer;
use metadesk_clients::error::{Error, ErrorCode, Result};
use metadesk_store::connections::confirm_production;

use crate::app::taxonomy_undo::{KeptReason, TagImportUndone};
use crate::app::{Opened, TagImportApplied, TagImportPreview, Workspace, blocking};

/// What the window sends to apply a previewed tag import.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TagImportApplyRequest {
    pub connection_id: String,
    /// The preview as the page showed it: only what it lists is written.
    pub preview: TagImportPreview,
    /// On a connection marked production, the connection's name as the user typed it.
    pub confirm_name: Option<String>,
}

/// A tag import's run as the Tags page shows it again (opened from Activity): what it was to
/// write, what it wrote, and on which connection.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TagImportRun {
    /// The stored connection it was made with; none for a credential file's.
    pub connection_id: Option<String>,
    pub preview: TagImportPreview,
    pub applied: TagImportApplied,
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
            if let KeptReason::Unchecked { detail } = &mut kept.reason {
                detail.localize(l);
            }
        }
        view
    }
}

/// The preview as the page sent it back, checked as a sheet's rows are (the page could send
/// any id or property): each tag id and each property it would write, refused in words before
/// anything is read or written.
fn check_sent_preview(preview: &TagImportPreview) -> Result<()> {
    let ids = preview.created.iter().map(|t| t.id.as_str());
    let ids = ids.chain(preview.changed.iter().map(|c| c.id.as_str()));
    let titles = preview.created.iter().flat_map(|t| t.titles.keys());
    let properties = titles.map(|lang| format!("jcr:title.{lang}"));
    let properties = properties.chain(preview.changed.iter().map(|c| c.property.clone()));
    ids.map(check_tag_id)
        .chain(properties.map(|p| check_tag_property(&p)))
        .collect::<std::result::Result<(), _>>()
        .map_err(|why| Error::worded(ErrorCode::InvalidInput, why))
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

    /// [`Self::apply_tag_import`] once the production guard has the connection's name typed;
    /// nothing is written without it.
    pub async fn apply_confirmed_tag_import(
        &self,
        opened: &Opened,
        preview: &TagImportPreview,
        confirm_name: Option<&str>,
    ) -> Result<TagImportApplied> {
        check_sent_preview(preview)?;
        confirm_production(opened.connection(), confirm_name)?;
        self.apply_tag_import(opened, preview).await
    }

    /// Tag import run `run_id`, as its journal has it, with its undo's outcome in `l`'s
    /// language once it was undone; any other run is refused.
    pub async fn tag_import_run(&self, run_id: &str, l: &Localizer) -> Result<TagImportRun> {
        let summary = self.run_summary(run_id).await?;
        let (dir, id) = (self.runs_dir(), run_id.to_owned());
        let spec = blocking(move || metadesk_bulk::runs::spec(&dir, &id)).await?;
        let plan = spec.tag_import.ok_or_else(|| {
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
            applied: TagImportApplied::of(&summary),
            rename,
            undone,
        })
    }

    /// [`Self::undo_tag_import`] once the production guard has the connection's name typed.
    pub async fn undo_confirmed_tag_import(
        &self,
        opened: &Opened,
        id: &str,
        confirm_name: Option<&str>,
    ) -> Result<TagImportUndone> {
        confirm_production(opened.connection(), confirm_name)?;
        self.undo_tag_import(opened, id).await
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
        let opened = ws.open(ConnectionChoice::stored(id)).await.unwrap();
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
        let preview = ws.preview_held_tag_import(&opened, &held.id).await.unwrap();
        assert_eq!(preview.created.len(), 1, "{preview:?}");

        let writes = sandbox.counters().writes_applied;
        for typed in [None, Some("not its name")] {
            let refused = ws
                .apply_confirmed_tag_import(&opened, &preview, typed)
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

        // A preview the page altered (an id or a property that would reach another node, or
        // another property) is refused in words, nothing sent, whatever name is typed.
        // Seen failing before `check_sent_preview`: `:operation` went to AEM.
        let name = opened.connection().name.clone();
        let tag_requests = || {
            let kinds = sandbox.counters().by_kind;
            kinds.get("tag command").copied().unwrap_or(0)
                + kinds.get("taxonomy post").copied().unwrap_or(0)
        };
        let sent = tag_requests();
        let mut bad_id = preview.clone();
        bad_id.created[0].id = "wknd-shared:season/../../x".into();
        let mut bad_lang = preview.clone();
        bad_lang.created[0]
            .titles
            .insert("fr/../..".into(), "x".into());
        let mut bad_property = preview.clone();
        bad_property.changed.push(crate::app::TagValueChange {
            row: 2,
            id: "wknd-shared:season/summer".into(),
            property: ":operation".into(),
            before: None,
            after: "delete".into(),
        });
        for (altered, said) in [
            (&bad_id, "“.” or “..”"),
            (&bad_lang, "not a language code"),
            (&bad_property, "“:operation” is not a tag property"),
        ] {
            let refused = ws
                .apply_confirmed_tag_import(&opened, altered, Some(&name))
                .await
                .unwrap_err();
            assert_eq!(refused.code(), ErrorCode::InvalidInput);
            assert!(
                refused.localized(&en).contains(said),
                "{}",
                refused.localized(&en)
            );
        }
        assert_eq!(tag_requests(), sent, "nothing sent");
        let applied = ws
            .apply_confirmed_tag_import(&opened, &preview, Some(&name))
            .await
            .unwrap();
        assert_eq!(applied.created, 1);
        assert!(
            ws.undo_confirmed_tag_import(&opened, &applied.id, None)
                .await
                .is_err()
        );
        // Opened again from Activity, the applied import offers its undo (none yet)…
        let run = ws.tag_import_run(&applied.id, &en).await.unwrap();
        assert_eq!((run.applied.created, run.undone), (1, None));
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
        use crate::app::taxonomy_undo::KeptOnUndo;
        use metadesk_base::i18n::SavedText;
        let kept = |reason| KeptOnUndo {
            id: "ns:a".into(),
            reason,
        };
        let done = TagImportUndone {
            id: "r1".into(),
            restored: 1,
            removed: 0,
            kept: vec![
                kept(KeptReason::HoldsAssets),
                kept(KeptReason::Unchecked {
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
