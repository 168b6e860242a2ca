//! What happens to the seeded DAM after it is made, besides metadata writes: another user's
//! uploads (in their folder's listing at once, in search matches only once the index catches
//! up) and deletions, and the reset that takes them all back.
//!
//! Not here: the seeded tree and its values (`mod.rs`), HTTP (the handlers).

use serde_json::Value;

use super::{Asset, Dam, Kind, Mix, Node};

impl Dam {
    /// Deletes an asset as another AEM user would, for tests of a scope that changes while a
    /// run pages through it; `false` when there is no asset at `path`. [`Dam::reset`] brings
    /// it back.
    pub(crate) fn remove_asset(&mut self, path: &str) -> bool {
        let Some(Node::Asset(idx)) = self.lookup(path) else {
            return false;
        };
        let a = &mut self.assets[idx as usize];
        a.removed = true;
        let (folder, uuid) = (a.folder, a.uuid);
        self.folders[folder as usize].assets.retain(|i| *i != idx);
        self.by_path.remove(path.trim_end_matches('/'));
        self.by_uuid.remove(&uuid);
        true
    }

    /// Adds an asset at `path` (in an existing folder, under a name no child has) as an
    /// upload by another user would, at `now_ms`: its metadata is seeded like any asset's, with
    /// `metadata` over it. The folder's listing shows it at once; searches find it once the
    /// index catches up (`Faults::index_lag_secs`). [`Dam::reset`] removes it.
    pub(crate) fn upload(
        &mut self,
        path: &str,
        metadata: Vec<(String, Option<Value>)>,
        now_ms: u64,
    ) -> Result<u32, String> {
        let path = path.trim_end_matches('/');
        let Some((folder_path, name)) = path.rsplit_once('/') else {
            return Err(format!("{path} is not a DAM path"));
        };
        if super::refused_name(name) {
            return Err(format!("{name:?} is not a name AEM takes for an asset"));
        }
        let Some(Node::Folder(folder)) = self.lookup(folder_path) else {
            return Err(format!("there is no folder at {folder_path}"));
        };
        if self.by_path.contains_key(path) {
            return Err(format!("something is already at {path}"));
        }
        let idx = self.push_upload(folder, name, None, now_ms);
        if !metadata.is_empty() {
            let o = self.assets[idx as usize]
                .overrides
                .get_or_insert_with(Default::default);
            for (k, v) in metadata {
                o.insert(k, v.unwrap_or(Value::Null));
            }
        }
        Ok(idx)
    }

    /// Adds an uploaded asset named `name` in `folder` at `now_ms`, listed and found by path and
    /// id at once: its size is the binary's when one was sent (`binary`), else drawn from the
    /// seed like a seeded asset's.
    pub(super) fn push_upload(
        &mut self,
        folder: u32,
        name: &str,
        binary: Option<(u64, super::Binary)>,
        now_ms: u64,
    ) -> u32 {
        let idx = self.assets.len() as u32;
        let mut r = Mix::new(self.seed, 5, u64::from(idx));
        let uuid = r.uuid();
        let drawn = 20_000 + r.below(5_000_000) as u64;
        let (size, binary) = match binary {
            Some((size, b)) => (size, Some(b)),
            None => (drawn, None),
        };
        self.assets.push(Asset {
            folder,
            name: name.into(),
            uuid,
            kind: Kind::of_name(name),
            size,
            rev: 0,
            modified_ms: Some(now_ms),
            overrides: None,
            removed: false,
            uploaded_ms: Some(now_ms),
            publication: super::Tiers::default(),
            binary,
        });
        self.folders[folder as usize].assets.push(idx);
        let path = self.asset_path(idx);
        self.by_path.insert(path.into(), Node::Asset(idx));
        self.by_uuid.insert(uuid, Node::Asset(idx));
        idx
    }

    /// Whether AEM's search index holds asset `idx` at `now_ms`, when it catches up with an
    /// upload, or a move, `lag_ms` after it.
    pub(crate) fn indexed(&self, idx: u32, now_ms: u64, lag_ms: u64) -> bool {
        self.assets[idx as usize]
            .uploaded_ms
            .is_none_or(|at| now_ms.saturating_sub(at) >= lag_ms)
            && self.move_indexed(idx, now_ms, lag_ms)
    }

    /// Drops every write and upload: the tree goes back to exactly what the seed produced.
    pub(crate) fn reset(&mut self) {
        self.undo_moves();
        for idx in self.seeded as u32..self.assets.len() as u32 {
            if self.assets[idx as usize].removed {
                continue;
            }
            let path = self.asset_path(idx);
            let a = &self.assets[idx as usize];
            let (folder, uuid) = (a.folder, a.uuid);
            self.folders[folder as usize].assets.retain(|i| *i != idx);
            self.by_path.remove(path.as_str());
            self.by_uuid.remove(&uuid);
        }
        self.assets.truncate(self.seeded);
        for idx in 0..self.assets.len() as u32 {
            if !self.assets[idx as usize].removed {
                continue;
            }
            self.assets[idx as usize].removed = false;
            let (folder, uuid) = (
                self.assets[idx as usize].folder,
                self.assets[idx as usize].uuid,
            );
            let list = &mut self.folders[folder as usize].assets;
            list.push(idx);
            list.sort_unstable();
            let path = self.asset_path(idx).into_boxed_str();
            self.by_path.insert(path, Node::Asset(idx));
            self.by_uuid.insert(uuid, Node::Asset(idx));
        }
        for a in &mut self.assets {
            a.rev = 0;
            a.modified_ms = None;
            a.overrides = None;
        }
        self.drop_created_folders();
        for f in &mut self.folders {
            f.props.clear();
        }
        self.fragment_edits.clear();
        self.seed_publications();
    }
}
