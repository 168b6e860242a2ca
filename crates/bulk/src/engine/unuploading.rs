//! An upload's undo, as the operation trait asks it (`operation.rs`): the engine
//! (`operating.rs`) journals, gates, retries and resumes. Before a file is deleted it is read
//! (`{asset}.2.json`; the files of one folder in one render of it, `{folder}.3.json`, which
//! holds each as its own read does; one by one where Sling will not render the folder that
//! deep) and compared: the same asset (`jcr:uuid`), its binary (size and SHA-1),
//! its time and every metadata value as the upload last saw them (AEM leaves the time as it was
//! on metadata updates: `metadesk_assets::fingerprint::Held`). A file changed since, one whose
//! processing the upload did not see end (nothing tells a colleague's change from AEM's then),
//! and one that went in as a new version or a replace are kept and said. One gone already is
//! left alone as gone; one whose delete may have left and is gone now was deleted.
//!
//! Not here: the plan and its view (`upload_undo.rs`).

use futures_util::future::BoxFuture;
use serde_json::Value;

use metadesk_assets::CallError;
use metadesk_assets::classic::ClassicAssets;
use metadesk_assets::fingerprint::Held;
use metadesk_assets::upload::AssetContent;
use metadesk_base::i18n::SavedText;

use crate::moves::{leaf, parent};
use crate::operation::{Found, Operation, Reader, Wrote, by_folder, each_checked, read_node};
use crate::parts::RunPart;
use crate::upload_undo::{GONE, UndoneFile, UploadUndoPlan};

impl Operation for UploadUndoPlan {
    type Row = UndoneFile;

    fn rows(&self) -> &[UndoneFile] {
        &self.rows
    }

    fn part(&self, row: &UndoneFile) -> RunPart {
        row.part()
    }

    fn refused(&self, _row: &UndoneFile) -> Option<SavedText> {
        None
    }

    fn stage(&self, _row: &UndoneFile) -> u32 {
        0
    }

    fn requests<'r>(&self, ready: Vec<&'r UndoneFile>) -> Vec<Vec<&'r UndoneFile>> {
        // The Assets API deletes one asset a request.
        ready.into_iter().map(|row| vec![row]).collect()
    }

    fn check<'a>(
        &'a self,
        reader: &'a dyn Reader,
        row: &'a UndoneFile,
        in_doubt: bool,
    ) -> BoxFuture<'a, Found> {
        Box::pin(check(reader, row, in_doubt))
    }

    fn check_groups<'r>(
        &self,
        rows: Vec<(&'r UndoneFile, bool)>,
    ) -> Vec<Vec<(&'r UndoneFile, bool)>> {
        // The files the undo may delete, by folder; the others are kept unread.
        by_folder(rows, |row, _| row.new.then(|| parent(&row.path)))
    }

    fn check_together<'a>(
        &'a self,
        reader: &'a dyn Reader,
        rows: Vec<(&'a UndoneFile, bool)>,
    ) -> BoxFuture<'a, Vec<Found>> {
        Box::pin(async move {
            let rendered = match rows.as_slice() {
                [(first, _), _, ..] => read_node(reader, parent(&first.path), "3").await.ok(),
                _ => None,
            };
            if let Some(children) = rendered {
                return rows
                    .into_iter()
                    .map(|(row, in_doubt)| {
                        let node = children
                            .as_ref()
                            .and_then(|c| c.get(leaf(&row.path)))
                            .filter(|n| n.is_object());
                        decide(row, node, in_doubt)
                    })
                    .collect();
            }
            // A folder Sling will not render that deep (or that could not be read): each file
            // is read on its own, as it would be alone.
            each_checked(self, reader, rows).await
        })
    }

    fn write<'a>(
        &'a self,
        aem: &'a ClassicAssets,
        rows: &'a [&'a UndoneFile],
    ) -> BoxFuture<'a, Result<Wrote, CallError>> {
        Box::pin(async move {
            for row in rows {
                // Gone by the time the delete arrived is as the delete leaves it.
                aem.delete_asset(&row.path).await?;
            }
            Ok(Wrote::Done)
        })
    }
}

fn kept(code: &str) -> Found {
    Found::left_alone(SavedText::new(code, std::iter::empty()))
}

/// Whether `file` is still the upload's, unchanged since: then it may be deleted.
async fn check(reader: &dyn Reader, file: &UndoneFile, in_doubt: bool) -> Found {
    if !file.new {
        return kept("upload-kept-not-given-back");
    }
    match read_node(reader, &file.path, "2").await {
        Err(why) => Found::Unknown(why),
        Ok(node) => decide(file, node.as_ref(), in_doubt),
    }
}

/// Whether `file` may be deleted, by what AEM holds at its path (`node`, two levels down;
/// `None`: nothing there).
fn decide(file: &UndoneFile, node: Option<&Value>, in_doubt: bool) -> Found {
    if !file.new {
        return kept("upload-kept-not-given-back");
    }
    let node = match node {
        // Its delete may have left: it landed. Never sent: someone else deleted it.
        None if in_doubt => return Found::Done,
        None => return kept(GONE),
        Some(node) => node,
    };
    let content = AssetContent::read(node);
    // Another asset at the path (a colleague's, made after this one was deleted or moved) is
    // never the upload's, whatever file it holds.
    let same_asset = match (&file.uuid, &content.uuid) {
        (Some(ours), Some(now)) => ours == now,
        _ => true,
    };
    if !(same_asset && content.holds_file(file.size, &file.sha1)) {
        return kept("upload-kept-changed");
    }
    match file.seen.as_deref().map(Held::parse) {
        None => kept("upload-kept-unchecked"),
        Some(held) if !held.tells_changes() => kept("upload-kept-unchecked"),
        Some(held) if held.asset_changed(content.last_modified.as_deref(), &content.metadata) => {
            kept("upload-kept-changed")
        }
        Some(_) => Found::Ready,
    }
}
