//! A tag import as a window makes it: the sheet is one the user dropped or picked (held under
//! an id, never a path from the page), the apply and the undo pass the production guard with
//! the name the user typed (as a run's apply does), and the undo's answer crosses to the page
//! with each kept tag's reason as data and its AEM detail in words.
//!
//! Not here: the import, its record and its undo (`taxonomy_import.rs`, `taxonomy_undo.rs`).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use metadesk_base::i18n::Localizer;
use metadesk_clients::error::{Error, ErrorCode, Result};
use metadesk_store::connections::confirm_production;

use crate::app::taxonomy_undo::{KeptReason, TagImportUndone};
use crate::app::{Opened, TagImportApplied, TagImportPreview, Workspace};

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

/// Why undo left a tag or a value as it is, as the window words it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum KeptWhy {
    /// The value was changed in AEM after the import; it now holds `now`.
    #[serde(rename_all = "camelCase")]
    ValueChanged {
        property: String,
        now: Option<String>,
    },
    TagChanged,
    HasChildren,
    HoldsAssets,
    /// Sites pages use the tag; `page` is one of them.
    UsedByPages {
        page: String,
    },
    /// Not all the content that may hold the tag could be read (`detail`, in words).
    Unchecked {
        detail: String,
    },
}

/// A tag or value undo left alone, for the window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KeptTag {
    pub id: String,
    pub why: KeptWhy,
}

/// An undone import, for the window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TagImportUndoneView {
    pub id: String,
    /// Values put back.
    #[ts(type = "number")]
    pub restored: usize,
    /// Created tags removed.
    #[ts(type = "number")]
    pub removed: usize,
    pub kept: Vec<KeptTag>,
}

impl TagImportUndone {
    /// The answer as the window shows it, AEM's details in `l`'s language.
    pub fn view(&self, l: &Localizer) -> TagImportUndoneView {
        let kept = self
            .kept
            .iter()
            .map(|k| KeptTag {
                id: k.id.clone(),
                why: match &k.reason {
                    KeptReason::ValueChanged { property, now } => KeptWhy::ValueChanged {
                        property: property.clone(),
                        now: now.clone(),
                    },
                    KeptReason::TagChanged => KeptWhy::TagChanged,
                    KeptReason::HasChildren => KeptWhy::HasChildren,
                    KeptReason::HoldsAssets => KeptWhy::HoldsAssets,
                    KeptReason::UsedByPages { page } => KeptWhy::UsedByPages { page: page.clone() },
                    KeptReason::Unchecked { detail } => KeptWhy::Unchecked {
                        detail: detail.localized(l),
                    },
                },
            })
            .collect();
        TagImportUndoneView {
            id: self.id.clone(),
            restored: self.restored,
            removed: self.removed,
            kept,
        }
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

    /// [`Self::apply_tag_import`] once the production guard has the connection's name typed;
    /// nothing is written without it.
    pub async fn apply_confirmed_tag_import(
        &self,
        opened: &Opened,
        preview: &TagImportPreview,
        confirm_name: Option<&str>,
    ) -> Result<TagImportApplied> {
        confirm_production(opened.connection(), confirm_name)?;
        self.apply_tag_import(opened, preview).await
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

        let name = opened.connection().name.clone();
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
        let undone = ws
            .undo_confirmed_tag_import(&opened, &applied.id, Some(&name))
            .await
            .unwrap()
            .view(&en);
        assert_eq!((undone.removed, undone.kept.len()), (1, 0), "{undone:?}");
    }
}
