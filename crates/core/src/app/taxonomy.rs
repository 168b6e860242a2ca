//! The tag taxonomy's use cases beyond reading it (`Workspace::tags`, in `scopes.rs`): saving
//! it as a sheet people keep in Excel.
//!
//! Not here: the sheet's layout (`metadesk_sheets::taxonomy`), the requests
//! (`metadesk_assets::tags`).

use std::path::PathBuf;

use serde::Serialize;

use metadesk_base::i18n::Localizer;
use metadesk_clients::error::Result;
use metadesk_sheets::taxonomy::{taxonomy_csv, taxonomy_xlsx};

use crate::app::sheet_files::file_name_of;
use crate::app::sheets::{save_whole, with_extension_of};
use crate::app::{Opened, SheetFormat, Workspace};

/// A taxonomy saved as a sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SavedTaxonomy {
    /// The file's name, without its folder.
    pub file_name: String,
    /// How many tags it holds (namespaces included).
    pub tags: usize,
}

impl Workspace {
    /// The whole taxonomy saved to `target` as one row a tag, its headers in `words`' language
    /// (written whole, then renamed into place; a name without the format's ending gets it).
    /// Nothing is written when the taxonomy cannot be read whole.
    pub async fn save_taxonomy(
        &self,
        opened: &Opened,
        format: SheetFormat,
        words: &Localizer,
        target: PathBuf,
    ) -> Result<SavedTaxonomy> {
        let tags = self.tags(opened).await?;
        let bytes = match format {
            SheetFormat::Xlsx => taxonomy_xlsx(words, &tags)?,
            SheetFormat::Csv => taxonomy_csv(words, &tags)?,
        };
        let target = with_extension_of(target, format);
        let file_name = file_name_of(&target);
        save_whole(target, bytes).await?;
        Ok(SavedTaxonomy {
            file_name,
            tags: tags.len(),
        })
    }
}
