//! Moves and renames in the DAM: an asset, or a folder with everything in it, to another folder
//! under a name, as AEM's `movePage` command does it (`wcm_command.rs`). A moved asset stays the
//! same asset (its index, `jcr:uuid`, metadata and last modification date); its path changes,
//! and AEM's search index finds it at its new path only `index_lag_secs` later. The log of moves
//! lets [`Dam::reset`] put every node back.
//!
//! Not here: HTTP, the pages that reference assets and publication (`wcm_command.rs`,
//! `references.rs`).

use super::kept::Relocation;
use super::{Dam, Node, refused_name};

/// Why a move is refused; nothing has moved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum MoveRefusal {
    /// No asset or folder at the source path.
    NoSource(String),
    /// The destination's parent is not a folder.
    NoParent(String),
    /// Something is already at the destination path (Oak compares names exactly).
    Exists(String),
    /// AEM takes no node with this name.
    BadName(String),
    /// A folder moved into itself or below itself.
    IntoItself(String),
    /// The DAM's root folder cannot move.
    Root,
}

impl MoveRefusal {
    /// The status and message AEM's command servlet answers with.
    pub(crate) fn answer(&self) -> (u16, String) {
        match self {
            MoveRefusal::NoSource(p) => (404, format!("Not Found: {p}")),
            MoveRefusal::NoParent(p) => (404, format!("Destination parent not found: {p}")),
            MoveRefusal::Exists(p) => (409, format!("Destination already exists: {p}")),
            MoveRefusal::BadName(n) => (400, format!("Illegal name: {n:?}")),
            MoveRefusal::IntoItself(p) => (400, format!("Cannot move {p} into itself")),
            MoveRefusal::Root => (400, "Cannot move the root of the DAM".to_owned()),
        }
    }
}

impl Dam {
    /// The node at `path` moved under the folder at `parent` as `name`: the path it would have,
    /// or why AEM refuses it. Changes nothing.
    pub(crate) fn check_move(
        &self,
        path: &str,
        parent: &str,
        name: &str,
    ) -> Result<(Node, u32, String), MoveRefusal> {
        let node = self
            .lookup(path)
            .filter(|n| !matches!(n, Node::Asset(a) if self.assets[*a as usize].removed))
            .ok_or_else(|| MoveRefusal::NoSource(path.to_owned()))?;
        if matches!(node, Node::Folder(f) if self.folders[f as usize].parent.is_none()) {
            return Err(MoveRefusal::Root);
        }
        if refused_name(name) {
            return Err(MoveRefusal::BadName(name.to_owned()));
        }
        let parent = parent.trim_end_matches('/');
        let Some(Node::Folder(to)) = self.lookup(parent) else {
            return Err(MoveRefusal::NoParent(parent.to_owned()));
        };
        if let Node::Folder(f) = node {
            let from = &*self.folders[f as usize].path;
            if parent == from || parent.starts_with(&format!("{from}/")) {
                return Err(MoveRefusal::IntoItself(from.to_owned()));
            }
        }
        let dest = format!("{parent}/{name}");
        if self.lookup(&dest).is_some() && dest != path.trim_end_matches('/') {
            return Err(MoveRefusal::Exists(dest));
        }
        Ok((node, to, dest))
    }

    /// Moves `node` under folder `to` as `name` at `now_ms`, after [`Dam::check_move`] said
    /// yes. Returns each moved asset's old and new path (a folder's: every asset below it).
    pub(crate) fn relocate(
        &mut self,
        node: Node,
        to: u32,
        name: &str,
        now_ms: u64,
    ) -> Vec<(String, String)> {
        let (parent, old_name) = self.place_of(node);
        self.moves.log.push(Relocation {
            node,
            parent,
            name: old_name,
        });
        let before = self.asset_paths_below(node);
        self.place(node, to, name);
        let after = self.asset_paths_below(node);
        for (idx, _) in &after {
            self.moves.moved_ms.insert(*idx, now_ms);
        }
        before
            .into_iter()
            .zip(after)
            .map(|((_, old), (_, new))| (old, new))
            .collect()
    }

    /// Whether the search index has caught up with the last move of asset `idx` at `now_ms`.
    pub(super) fn move_indexed(&self, idx: u32, now_ms: u64, lag_ms: u64) -> bool {
        self.moves
            .moved_ms
            .get(&idx)
            .is_none_or(|at| now_ms.saturating_sub(*at) >= lag_ms)
    }

    /// Puts every moved node back where the seed (or its upload) put it, latest move first.
    pub(super) fn undo_moves(&mut self) {
        while let Some(r) = self.moves.log.pop() {
            self.place(r.node, r.parent, &r.name);
        }
        self.moves.moved_ms.clear();
    }

    fn place_of(&self, node: Node) -> (u32, Box<str>) {
        match node {
            Node::Asset(a) => {
                let a = &self.assets[a as usize];
                (a.folder, a.name.clone())
            }
            Node::Folder(f) => {
                let f = &self.folders[f as usize];
                (f.parent.unwrap_or(0), f.name.clone())
            }
        }
    }

    /// Every asset at or below `node`, with its path, in tree order.
    fn asset_paths_below(&self, node: Node) -> Vec<(u32, String)> {
        match node {
            Node::Asset(a) => vec![(a, self.asset_path(a))],
            Node::Folder(f) => {
                let folder = &self.folders[f as usize];
                let mut out: Vec<(u32, String)> = folder
                    .assets
                    .iter()
                    .map(|a| (*a, self.asset_path(*a)))
                    .collect();
                for sub in &folder.folders {
                    out.extend(self.asset_paths_below(Node::Folder(*sub)));
                }
                out
            }
        }
    }

    /// Makes `node` the child `name` of folder `to`, with its paths (and its subtree's) updated.
    /// A deleted asset only changes place: no folder lists it and no path finds it.
    fn place(&mut self, node: Node, to: u32, name: &str) {
        match node {
            Node::Asset(a) => {
                let removed = self.assets[a as usize].removed;
                if !removed {
                    let old = self.asset_path(a);
                    self.by_path.remove(old.as_str());
                    let from = self.assets[a as usize].folder;
                    self.folders[from as usize].assets.retain(|i| *i != a);
                    self.folders[to as usize].assets.push(a);
                }
                let asset = &mut self.assets[a as usize];
                asset.folder = to;
                asset.name = name.into();
                if !removed {
                    let new = self.asset_path(a);
                    self.by_path.insert(new.into_boxed_str(), Node::Asset(a));
                }
            }
            Node::Folder(f) => {
                if let Some(from) = self.folders[f as usize].parent {
                    self.folders[from as usize].folders.retain(|i| *i != f);
                }
                self.folders[to as usize].folders.push(f);
                let folder = &mut self.folders[f as usize];
                folder.parent = Some(to);
                folder.name = name.into();
                self.repath(f);
            }
        }
    }

    /// Gives folder `f` and everything below it the paths their places now say.
    fn repath(&mut self, f: u32) {
        let old = self.folders[f as usize].path.clone();
        let parent = self.folders[f as usize].parent.unwrap_or(0);
        let new = format!(
            "{}/{}",
            self.folders[parent as usize].path, self.folders[f as usize].name
        );
        self.by_path.remove(&old);
        self.by_path
            .insert(new.clone().into_boxed_str(), Node::Folder(f));
        self.folders[f as usize].path = new.into_boxed_str();
        let assets = self.folders[f as usize].assets.clone();
        for a in assets {
            let name = &self.assets[a as usize].name;
            self.by_path.remove(format!("{old}/{name}").as_str());
            let path = self.asset_path(a);
            self.by_path.insert(path.into_boxed_str(), Node::Asset(a));
        }
        let subs = self.folders[f as usize].folders.clone();
        for sub in subs {
            self.repath(sub);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dam::{ASSETS_PER_FOLDER, SAMPLE_FOLDER};

    fn dam() -> Dam {
        Dam::generate(7, 120, ASSETS_PER_FOLDER)
    }

    #[test]
    fn an_asset_moves_and_renames_as_the_same_asset_and_reset_puts_it_back() {
        let mut dam = dam();
        let Some(Node::Asset(a)) = dam.lookup(&dam.asset_path(0)) else {
            panic!()
        };
        let (old, uuid, meta) = (dam.asset_path(a), dam.assets[0].uuid, dam.metadata(a));
        let other = dam.leaf_folders()[1].clone();
        let (node, to, dest) = dam.check_move(&old, &other, "renamed.jpg").unwrap();
        assert_eq!(dest, format!("{other}/renamed.jpg"));
        let moved = dam.relocate(node, to, "renamed.jpg", 1_000);
        assert_eq!(moved, vec![(old.clone(), dest.clone())]);
        assert_eq!(dam.lookup(&dest), Some(Node::Asset(a)));
        assert_eq!(dam.lookup(&old), None);
        assert_eq!((dam.assets[0].uuid, dam.metadata(a)), (uuid, meta));
        assert!(!dam.move_indexed(a, 1_500, 1_000) && dam.move_indexed(a, 2_000, 1_000));
        dam.reset();
        assert_eq!(dam.lookup(&old), Some(Node::Asset(a)));
        assert_eq!(dam.lookup(&dest), None);
        assert!(dam.move_indexed(a, 1_500, 1_000));
    }

    #[test]
    fn a_folder_moves_with_everything_in_it() {
        let mut dam = dam();
        let sample = SAMPLE_FOLDER.to_owned();
        let inside = dam.asset_path(0);
        let dest_parent = dam.leaf_folders()[2].clone();
        let (node, to, dest) = dam.check_move(&sample, &dest_parent, "archive").unwrap();
        let moved = dam.relocate(node, to, "archive", 5);
        assert!(moved.len() > 10);
        let new_inside = inside.replacen(&sample, &dest, 1);
        assert!(moved.contains(&(inside.clone(), new_inside.clone())));
        assert!(matches!(dam.lookup(&new_inside), Some(Node::Asset(0))));
        assert_eq!(dam.lookup(&inside), None);
        dam.reset();
        assert!(matches!(dam.lookup(&inside), Some(Node::Asset(0))));
        assert!(matches!(dam.lookup(&sample), Some(Node::Folder(_))));
    }

    #[test]
    fn refused_before_anything_moves() {
        let dam = dam();
        let a = dam.asset_path(0);
        let b = dam.asset_path(1);
        let (folder, name) = b.rsplit_once('/').unwrap();
        assert_eq!(
            dam.check_move(&a, folder, name),
            Err(MoveRefusal::Exists(b.clone()))
        );
        assert_eq!(
            dam.check_move(&a, folder, "a:b.jpg"),
            Err(MoveRefusal::BadName("a:b.jpg".into()))
        );
        assert_eq!(
            dam.check_move(&a, "/content/dam/nowhere", "x.jpg"),
            Err(MoveRefusal::NoParent("/content/dam/nowhere".into()))
        );
        assert_eq!(
            dam.check_move("/content/dam/gone.jpg", folder, "x.jpg"),
            Err(MoveRefusal::NoSource("/content/dam/gone.jpg".into()))
        );
        assert_eq!(
            dam.check_move(SAMPLE_FOLDER, SAMPLE_FOLDER, "x"),
            Err(MoveRefusal::IntoItself(SAMPLE_FOLDER.into()))
        );
        assert_eq!(
            dam.check_move("/content/dam", folder, "x"),
            Err(MoveRefusal::Root)
        );
    }
}
