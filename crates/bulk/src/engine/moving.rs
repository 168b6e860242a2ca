//! A move's check and write (issue 76), as the operation trait asks them (`operation.rs`): the
//! engine (`operating.rs`) journals, gates, retries and resumes. Before a row moves, its paths
//! are read (never searched: AEM's index lags behind a move): its old path must hold the same
//! asset (`jcr:uuid`), unchanged since for an undo — for the assets leaving one folder, one
//! read of that folder's children tells them all (an undo's three levels down, with each
//! asset's metadata; one by one where Sling will not render the folder that deep); and where a
//! request for it may have left before, its new path holding the same `jcr:uuid` is a move
//! that landed, holding another asset, it is never overwritten (for the assets going into one
//! folder, one read of that folder's children tells them all). A move AEM takes as a
//! background job is read back by the engine until done. Assets keeping their
//! names and going into one folder go together, [`MOST_SOURCES`] a request; a renamed one goes
//! alone (AEM takes one new name a request). The pages that use them are adjusted in the same
//! request, and with the plan's republish, what was on the website is published again.
//!
//! Not here: the plan (`moves.rs`), the request's form (`metadesk_assets::moves`).

use std::collections::BTreeMap;

use futures_util::future::BoxFuture;
use serde_json::Value;

use metadesk_assets::CallError;
use metadesk_assets::classic::ClassicAssets;
use metadesk_assets::moves::{MOST_SOURCES, MoveRequest, Moved};
use metadesk_base::i18n::SavedText;

use crate::moves::{MoveItem, MovePlan, MoveRow, leaf, parent, part_of_row};
use crate::operation::{Found, Operation, Reader, Wrote, each_checked, read_node};
use crate::parts::RunPart;
use crate::reasons;

impl Operation for MovePlan {
    type Row = MoveRow;

    fn rows(&self) -> &[MoveRow] {
        &self.rows
    }

    fn part(&self, row: &MoveRow) -> RunPart {
        part_of_row(row)
    }

    fn refused(&self, row: &MoveRow) -> Option<SavedText> {
        match row {
            MoveRow::Move(item) => item.refused.clone(),
            MoveRow::Folder { .. } => None,
        }
    }

    fn stage(&self, row: &MoveRow) -> u32 {
        match row {
            // Parents first.
            MoveRow::Folder { path } => path.matches('/').count() as u32,
            MoveRow::Move(_) => u32::MAX,
        }
    }

    fn requests<'r>(&self, ready: Vec<&'r MoveRow>) -> Vec<Vec<&'r MoveRow>> {
        let mut together: BTreeMap<&str, Vec<&'r MoveRow>> = BTreeMap::new();
        let mut alone = Vec::new();
        for row in ready {
            match row {
                MoveRow::Move(item) if item.names().0 == item.names().1 => {
                    together.entry(item.dest_parent()).or_default().push(row);
                }
                _ => alone.push(vec![row]),
            }
        }
        let mut requests: Vec<Vec<&MoveRow>> = together
            .into_values()
            .flat_map(|rows| {
                rows.chunks(MOST_SOURCES)
                    .map(<[&MoveRow]>::to_vec)
                    .collect::<Vec<_>>()
            })
            .collect();
        requests.extend(alone);
        requests
    }

    fn check<'a>(
        &'a self,
        reader: &'a dyn Reader,
        row: &'a MoveRow,
        in_doubt: bool,
    ) -> BoxFuture<'a, Found> {
        Box::pin(async move {
            match row {
                MoveRow::Folder { path } => match read_node(reader, path, "0").await {
                    Ok(Some(_)) => Found::Done,
                    Ok(None) => Found::Ready,
                    Err(why) => Found::Unknown(why),
                },
                MoveRow::Move(item) => check_item(reader, item, in_doubt).await,
            }
        })
    }

    /// Out of a folder some of whose assets move into another, AEM's refusal may be about
    /// either folder (a move needs write access in both, and the 403 does not say which): the
    /// words name both sides.
    fn folder_refuses(&self, folder: &str, connection: &str, account: Option<&str>) -> SavedText {
        let leaves = self.rows.iter().any(|row| {
            matches!(row, MoveRow::Move(item) if parent(&item.from) == folder && item.dest_parent() != folder)
        });
        if leaves {
            reasons::move_folder_refuses(folder, connection, account)
        } else {
            reasons::op_folder_refuses(folder, connection, account)
        }
    }

    /// Assets leaving one folder are told by one read of that folder's children (exact: the
    /// repository, not the index), and where a request for them may have left before (in
    /// doubt), by one read of the folder they go into first; the others alone.
    fn check_groups<'r>(&self, rows: Vec<(&'r MoveRow, bool)>) -> Vec<Vec<(&'r MoveRow, bool)>> {
        // In doubt or not, the folder left, the folder entered (in doubt only).
        type Folders<'f> = (bool, &'f str, &'f str);
        let mut grouped: BTreeMap<Folders, Vec<(&'r MoveRow, bool)>> = BTreeMap::new();
        let mut groups = Vec::new();
        for (row, in_doubt) in rows {
            match row {
                MoveRow::Move(item) if item.refused.is_none() => {
                    // Never sent: only the folder it leaves is read.
                    let into = if in_doubt { item.dest_parent() } else { "" };
                    let key = (in_doubt, parent(&item.from), into);
                    grouped.entry(key).or_default().push((row, in_doubt));
                }
                _ => groups.push(vec![(row, in_doubt)]),
            }
        }
        groups.extend(grouped.into_values());
        groups
    }

    fn check_together<'a>(
        &'a self,
        reader: &'a dyn Reader,
        rows: Vec<(&'a MoveRow, bool)>,
    ) -> BoxFuture<'a, Vec<Found>> {
        Box::pin(async move {
            let items: Vec<(&MoveItem, bool)> = rows
                .iter()
                .filter_map(|(row, in_doubt)| match row {
                    MoveRow::Move(item) if item.refused.is_none() => Some((item, *in_doubt)),
                    _ => None,
                })
                .collect();
            if items.len() > 1
                && items.len() == rows.len()
                && let Some(found) = found_together(reader, &items).await
            {
                return found;
            }
            each_checked(self, reader, rows).await
        })
    }

    fn write<'a>(
        &'a self,
        aem: &'a ClassicAssets,
        rows: &'a [&'a MoveRow],
    ) -> BoxFuture<'a, Result<Wrote, CallError>> {
        Box::pin(write(aem, rows, self.republish))
    }
}

/// One request: the folder to make, or the items to move.
async fn write(
    aem: &ClassicAssets,
    rows: &[&MoveRow],
    republish: bool,
) -> Result<Wrote, CallError> {
    {
        let items: Vec<&MoveItem> = rows
            .iter()
            .filter_map(|row| match row {
                MoveRow::Move(item) => Some(item),
                MoveRow::Folder { .. } => None,
            })
            .collect();
        if items.is_empty() {
            for row in rows {
                if let MoveRow::Folder { path } = row {
                    aem.create_folder(path, leaf(path)).await?;
                }
            }
            return Ok(Wrote::Done);
        }
        Ok(match aem.move_nodes(&request(&items, republish)).await? {
            Moved::Done => Wrote::Done,
            Moved::Later => Wrote::Later,
        })
    }
}

/// The one request moving `items` (one folder's, or one renamed).
fn request(items: &[&MoveItem], republish: bool) -> MoveRequest {
    let first = items[0];
    let (old, new) = first.names();
    let mut adjust: Vec<String> = items
        .iter()
        .flat_map(|i| i.adjusted().map(|p| p.path.clone()))
        .collect();
    adjust.sort();
    adjust.dedup();
    let mut publish = Vec::new();
    if republish {
        // Only what was on the website before: a page whose state AEM did not tell is not
        // published by a move.
        publish.extend(
            items
                .iter()
                .flat_map(|i| i.adjusted())
                .filter(|p| p.published == Some(true))
                .map(|p| p.path.clone()),
        );
        publish.sort();
        publish.dedup();
        publish.extend(items.iter().filter(|i| i.published).map(|i| i.to.clone()));
    }
    MoveRequest {
        sources: items.iter().map(|i| i.from.clone()).collect(),
        dest_parent: first.dest_parent().to_owned(),
        dest_name: (old != new).then(|| new.to_owned()),
        adjust,
        publish,
    }
}

fn uuid(node: &Value) -> Option<&str> {
    node.get("jcr:uuid").and_then(Value::as_str)
}

/// The code of the asset's metadata in its node read two levels deep (`None` for a folder).
pub fn fingerprint(node: &Value) -> Option<String> {
    node.pointer("/jcr:content/metadata")
        .and_then(Value::as_object)
        .map(metadesk_assets::fingerprint::metadata_code)
}

/// Whether `item`'s check compares its metadata with what the move saw (an undo's asset).
fn compares_metadata(item: &MoveItem) -> bool {
    item.unchanged_since && !item.folder
}

/// Where each of `items` stands (leaving one folder and, those in doubt, going into one), as
/// [`check_item`] finds each by its own reads: in doubt, by one read of the folder they go
/// into (a move that landed, a new path taken), then for the rest one read of the folder they
/// leave, three levels down for an undo (each asset's metadata); renames in doubt stay in
/// their folder, so its one read tells both. `None` when a folder's read did not answer
/// (Sling would not render it that deep): each is then read on its own.
async fn found_together(reader: &dyn Reader, items: &[(&MoveItem, bool)]) -> Option<Vec<Found>> {
    let (first, in_doubt) = items[0];
    let depth = match items.iter().any(|(item, _)| compares_metadata(item)) {
        true => "3",
        false => "1",
    };
    let left = parent(&first.from);
    let renamed = first.dest_parent() == left;
    let mut found: Vec<Option<Found>> = vec![None; items.len()];
    let mut listed = None;
    if in_doubt {
        let into = if renamed { depth } else { "1" };
        let there = read_node(reader, first.dest_parent(), into).await.ok()?;
        for (slot, (item, _)) in found.iter_mut().zip(items) {
            *slot = landed_in(there.as_ref(), item);
        }
        if found.iter().all(Option::is_some) {
            return Some(found.into_iter().flatten().collect());
        }
        listed = renamed.then_some(there);
    }
    let children = match listed {
        Some(children) => children,
        None => read_node(reader, left, depth).await.ok()?,
    };
    let rest = |(found, (item, _)): (Option<Found>, &(&MoveItem, bool))| {
        found.unwrap_or_else(|| found_in(children.as_ref(), item))
    };
    Some(found.into_iter().zip(items).map(rest).collect())
}

/// What the children of the folder `item` goes into (`None`: no such folder) say of a move in
/// doubt: landed (its `jcr:uuid` at its new path), or its new path taken by another; `None`
/// when nothing is there yet, so its old path decides.
fn landed_in(there: Option<&Value>, item: &MoveItem) -> Option<Found> {
    let node = there?.get(leaf(&item.to)).filter(|node| node.is_object())?;
    Some(match uuid(node) == Some(item.uuid.as_str()) {
        true => Found::Done,
        false => Found::left_alone(SavedText::new(
            "move-left-taken",
            [("path", item.to.as_str().into())],
        )),
    })
}

/// Where `item` stands by its folder's children (`None`: the folder is gone), as
/// [`check_item`] finds it by its read of its old path.
fn found_in(children: Option<&Value>, item: &MoveItem) -> Found {
    let said = |code: &str| SavedText::new(code, [("path", item.from.as_str().into())]);
    match children
        .and_then(|c| c.get(leaf(&item.from)))
        .filter(|node| node.is_object())
    {
        None => Found::left_alone(said("move-left-gone")),
        Some(node) if uuid(node) != Some(item.uuid.as_str()) => {
            Found::left_alone(said("move-left-replaced"))
        }
        Some(node) if compares_metadata(item) && fingerprint(node) != item.fingerprint => {
            Found::left_alone(said("move-left-changed"))
        }
        Some(_) => Found::Ready,
    }
}

/// Where `item` stands: moved already (its uuid at its new path), left alone (its new path
/// taken, its old path gone, another asset there, or changed since for an undo), or ready.
/// The new path is read only for an item in doubt: one never sent cannot have landed, and
/// AEM's move refuses a taken path itself (one commit: nothing moves), after which the item is
/// checked in doubt and said taken.
async fn check_item(reader: &dyn Reader, item: &MoveItem, in_doubt: bool) -> Found {
    let said = |code: &str, path: &str| SavedText::new(code, [("path", path.into())]);
    if in_doubt {
        match read_node(reader, &item.to, "0").await {
            Err(why) => return Found::Unknown(why),
            Ok(Some(node)) if uuid(&node) == Some(item.uuid.as_str()) => return Found::Done,
            Ok(Some(_)) => return Found::left_alone(said("move-left-taken", &item.to)),
            Ok(None) => {}
        }
    }
    // Two levels: the asset's metadata, told unchanged by its code.
    let depth = if compares_metadata(item) { "2" } else { "0" };
    match read_node(reader, &item.from, depth).await {
        Err(why) => Found::Unknown(why),
        Ok(None) => Found::left_alone(said("move-left-gone", &item.from)),
        Ok(Some(node)) if uuid(&node) != Some(item.uuid.as_str()) => {
            Found::left_alone(said("move-left-replaced", &item.from))
        }
        Ok(Some(node)) if compares_metadata(item) && fingerprint(&node) != item.fingerprint => {
            Found::left_alone(said("move-left-changed", &item.from))
        }
        Ok(Some(_)) => Found::Ready,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::moves::MovePage;

    fn item(from: &str, to: &str) -> MoveRow {
        MoveRow::Move(MoveItem {
            from: from.into(),
            to: to.into(),
            uuid: "u".into(),
            folder: false,
            fingerprint: None,
            unchanged_since: false,
            published: true,
            pages: vec![MovePage {
                path: "/content/site/p".into(),
                title: None,
                published: Some(true),
                adjust: true,
            }],
            refused: None,
        })
    }

    /// In doubt, the folder a move goes into tells it: the same asset at the new path is the
    /// move landed, another one a new path taken (never overwritten), nothing there (or no
    /// such folder) leaves it to the old path.
    #[test]
    fn the_folder_gone_into_tells_a_move_in_doubt() {
        let MoveRow::Move(moving) = item("/content/dam/a/x.jpg", "/content/dam/b/x.jpg") else {
            panic!()
        };
        let there = |uuid: &str| serde_json::json!({ "x.jpg": { "jcr:uuid": uuid } });
        assert_eq!(landed_in(Some(&there("u")), &moving), Some(Found::Done));
        assert!(matches!(
            landed_in(Some(&there("theirs")), &moving),
            Some(Found::LeftAlone { why, .. }) if why.code() == Some("move-left-taken")
        ));
        let empty = serde_json::json!({ "y.jpg": { "jcr:uuid": "u" } });
        assert_eq!(landed_in(Some(&empty), &moving), None);
        assert_eq!(landed_in(None, &moving), None);
    }

    /// A reader that answers every read with one folder's children, counting the reads.
    struct OneFolder {
        aem: ClassicAssets,
        children: Value,
        reads: std::sync::atomic::AtomicUsize,
    }

    impl Reader for OneFolder {
        fn aem(&self) -> &ClassicAssets {
            &self.aem
        }

        fn read<'a>(
            &'a self,
            _: crate::operation::Read<'a>,
        ) -> BoxFuture<'a, Result<Value, SavedText>> {
            self.reads.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            Box::pin(std::future::ready(Ok(self.children.clone())))
        }
    }

    /// Renames in doubt (a resume after a crash) stay in their folder: its one read tells
    /// which landed and where the others stand. Seen failing with the folder read twice.
    #[tokio::test]
    async fn renames_in_doubt_are_told_by_one_read_of_their_folder() {
        let auth = metadesk_clients::aem::StaticAuthorizer::new(
            metadesk_clients::aem::RequestCredentials::Bearer {
                token: metadesk_credentials::secrets::Secret::new("t"),
                api_key: None,
            },
            "x",
        );
        let client = metadesk_clients::aem::AemClient::new(
            metadesk_clients::aem::client::build_http_client().unwrap(),
            "http://127.0.0.1:9",
            std::sync::Arc::new(auth),
        )
        .unwrap();
        let reader = OneFolder {
            aem: ClassicAssets::new(client),
            // The first rename landed; the second did not.
            children: serde_json::json!({
                "one-renamed.jpg": { "jcr:uuid": "u" },
                "two.jpg": { "jcr:uuid": "u" },
            }),
            reads: Default::default(),
        };
        let rows = [
            item("/content/dam/a/one.jpg", "/content/dam/a/one-renamed.jpg"),
            item("/content/dam/a/two.jpg", "/content/dam/a/two-renamed.jpg"),
        ];
        let items: Vec<(&MoveItem, bool)> = rows
            .iter()
            .map(|row| match row {
                MoveRow::Move(item) => (item, true),
                _ => unreachable!(),
            })
            .collect();
        let found = found_together(&reader, &items).await.unwrap();
        assert_eq!(found, vec![Found::Done, Found::Ready]);
        assert_eq!(reader.reads.load(std::sync::atomic::Ordering::SeqCst), 1);
    }

    #[test]
    fn names_kept_go_together_and_a_rename_alone() {
        let rows: Vec<MoveRow> = (0..25)
            .map(|n| {
                item(
                    &format!("/content/dam/a/{n}.jpg"),
                    &format!("/content/dam/b/{n}.jpg"),
                )
            })
            .chain([item("/content/dam/a/x.jpg", "/content/dam/b/y.jpg")])
            .collect();
        let plan = MovePlan {
            rows,
            republish: true,
        };
        let requests = plan.requests(plan.rows.iter().collect());
        let sizes: Vec<usize> = requests.iter().map(Vec::len).collect();
        assert_eq!(sizes, vec![20, 5, 1]);
        let MoveRow::Move(renamed) = requests[2][0] else {
            panic!()
        };
        let sent = request(&[renamed], true);
        assert_eq!(sent.dest_name.as_deref(), Some("y.jpg"));
        assert_eq!(sent.adjust, vec!["/content/site/p".to_owned()]);
        // The page and the asset, both on the website before, are published again.
        assert_eq!(
            sent.publish,
            vec![
                "/content/site/p".to_owned(),
                "/content/dam/b/y.jpg".to_owned()
            ]
        );
        assert!(request(&[renamed], false).publish.is_empty());
    }
}
