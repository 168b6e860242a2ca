//! Where a move's items land, for its preview (`moves.rs`): whether something is already at
//! each new path, and which folders must be made first. A folder the preview already held
//! whole (its sources' render, [`Listed`]) answers without a read of its own; any other is read
//! once for its children (exact: the repository, not the search index), and path by path when
//! AEM will not list it whole.
//!
//! Not here: reading the sources (`move_sources.rs`), what is planned from them (`moves.rs`).

use std::collections::{BTreeMap, BTreeSet};

use metadesk_assets::CallError;
use metadesk_bulk::at_most::at_most;
use metadesk_bulk::engine::Reads;
use metadesk_bulk::moves::{MoveItem, leaf, parent};
use metadesk_clients::error::{Error, ErrorCode, Result};

use super::move_sources::{FolderRead, Listed, READS_AT_ONCE, node_at};

/// Whether something is at each of `paths`: a folder in `listed` answers for its paths, any
/// other is read once for its children (a folder that does not answer so is read path by
/// path). The folders read are added to `listed`, for [`folders_to_make`].
pub(super) async fn taken_all(
    reads: &Reads,
    listed: &mut Listed,
    paths: Vec<&str>,
) -> Result<Vec<bool>> {
    let mut taken = vec![false; paths.len()];
    let mut by_folder: BTreeMap<&str, Vec<(usize, &str)>> = BTreeMap::new();
    for (n, path) in paths.iter().enumerate() {
        match listed.taken(path) {
            Some(there) => taken[n] = there,
            None => by_folder.entry(parent(path)).or_default().push((n, path)),
        }
    }
    let asks = by_folder
        .into_iter()
        .map(|(folder, paths)| taken_in(reads, folder, paths))
        .collect();
    for found in at_most(asks, READS_AT_ONCE).await {
        let (found, children) = found?;
        for (n, there) in found {
            taken[n] = there;
        }
        if let Some((folder, children)) = children {
            listed.add(folder, children);
        }
    }
    Ok(taken)
}

/// [`taken_all`] for the `paths` (each with its place in the ask) in one `folder`, and the
/// folder's children where they were read whole.
async fn taken_in(
    reads: &Reads,
    folder: &str,
    paths: Vec<(usize, &str)>,
) -> Result<(Vec<(usize, bool)>, Option<FolderRead>)> {
    let aem = reads.aem();
    if paths.len() > 1 {
        match reads.call(|| aem.node_json(folder, "1")).await {
            Ok(Some(children)) => {
                let names = Listed::names(&children);
                let taken = paths
                    .into_iter()
                    .map(|(n, path)| (n, names.contains(leaf(path))))
                    .collect();
                return Ok((taken, Some((folder.to_owned(), Some(names)))));
            }
            Err(CallError::NotFound) => {
                let taken = paths.into_iter().map(|(n, _)| (n, false)).collect();
                return Ok((taken, Some((folder.to_owned(), None))));
            }
            Ok(None) => {
                return Err(Error::message(
                    ErrorCode::InvalidInput,
                    "error-move-cancelled",
                    vec![],
                ));
            }
            Err(CallError::Auth(e) | CallError::Unreachable(e)) => return Err(Error::Aem(e)),
            // A folder AEM will not list whole (too many children): path by path.
            Err(e) => tracing::info!(folder, error = %e, "a folder's children were not read"),
        }
    }
    let mut taken = Vec::with_capacity(paths.len());
    for (n, path) in paths {
        taken.push(taken_at(reads, n, path).await?);
    }
    Ok((taken, None))
}

/// Whether something is at `path` (the `n`th asked).
async fn taken_at(reads: &Reads, n: usize, path: &str) -> Result<(usize, bool)> {
    Ok((n, node_at(reads, path, "0").await?.is_some()))
}

/// The folders the moved items go into that are not there yet, parents first: a folder
/// `listed` tells of needs no read.
pub(super) async fn folders_to_make(
    reads: &Reads,
    listed: &Listed,
    items: &[MoveItem],
) -> Result<Vec<String>> {
    let mut wanted: BTreeSet<String> = BTreeSet::new();
    for item in items.iter().filter(|i| i.refused.is_none()) {
        let mut folder = parent(&item.to);
        while folder.len() > metadesk_assets::DAM_ROOT.len() && wanted.insert(folder.to_owned()) {
            folder = parent(folder);
        }
    }
    let mut missing = Vec::new();
    let mut unknown = Vec::new();
    for folder in wanted {
        match listed.there(&folder) {
            Some(true) => {}
            Some(false) => missing.push(folder),
            None => unknown.push(folder),
        }
    }
    let asks = unknown
        .iter()
        .enumerate()
        .map(|(n, folder)| taken_at(reads, n, folder))
        .collect();
    for found in at_most(asks, READS_AT_ONCE).await {
        let (n, there) = found?;
        if !there {
            missing.push(unknown[n].clone());
        }
    }
    // Parents first: shorter paths sort before their children (then by name, as ever).
    missing.sort_by(|a, b| {
        a.matches('/')
            .count()
            .cmp(&b.matches('/').count())
            .then(a.cmp(b))
    });
    Ok(missing)
}
