//! An upload's folders, made before its files as the operation trait asks it
//! (`operation.rs`): each folder a row, a stage per depth so a parent is made before its
//! children. The engine (`operating.rs`) journals each `sending` before its request, gates it
//! and, since making a folder that is there already does no harm (AEM answers 409), sends it
//! again after a lost answer as a read is.
//!
//! Not here: the files and their values (`upload.rs`, `upload_values.rs`).

use futures_util::future::BoxFuture;

use metadesk_assets::CallError;
use metadesk_assets::classic::ClassicAssets;
use metadesk_base::i18n::SavedText;

use crate::operation::{Found, Operation, Reader, Wrote};
use crate::parts::RunPart;

/// The folders an upload makes (`/content/dam/…`), as the engine runs them.
pub(super) struct UploadFolders<'a> {
    pub(super) folders: &'a [String],
}

impl Operation for UploadFolders<'_> {
    type Row = String;

    fn rows(&self) -> &[String] {
        self.folders
    }

    fn part(&self, folder: &String) -> RunPart {
        RunPart::Folder {
            path: folder.clone(),
        }
    }

    fn refused(&self, _folder: &String) -> Option<SavedText> {
        None
    }

    fn stage(&self, folder: &String) -> u32 {
        folder.matches('/').count() as u32
    }

    fn requests<'r>(&self, ready: Vec<&'r String>) -> Vec<Vec<&'r String>> {
        ready.into_iter().map(|folder| vec![folder]).collect()
    }

    fn same_twice(&self, _folder: &String) -> bool {
        true
    }

    fn check<'a>(
        &'a self,
        _reader: &'a dyn Reader,
        _folder: &'a String,
        _in_doubt: bool,
    ) -> BoxFuture<'a, Found> {
        // Made or found there, the write's answer says: nothing to read first.
        Box::pin(async { Found::Ready })
    }

    fn write<'a>(
        &'a self,
        aem: &'a ClassicAssets,
        folders: &'a [&'a String],
    ) -> BoxFuture<'a, Result<Wrote, CallError>> {
        Box::pin(async move {
            for folder in folders {
                let title = folder.rsplit('/').next().unwrap_or_default();
                aem.create_folder(folder, title).await?;
            }
            Ok(Wrote::Done)
        })
    }
}
