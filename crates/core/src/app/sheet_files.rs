//! Sheet files on hand: a file the user dropped on the window or picked in the open dialog,
//! kept by its path under a short id the page sends back. The page never sees the path (a page
//! script cannot name a file to read); the file is read again at each preview, so a sheet fixed
//! in Excel after its errors were shown is checked as it is now.
//!
//! Not here: reading or checking the file (`metadesk_sheets`), the preview (`super::sheets`).

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use serde::Serialize;
use ts_rs::TS;

/// How many files are kept; older ones are forgotten (the user can drop them again).
const MAX_HELD: usize = 16;

/// A sheet file on hand, as the window knows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HeldSheet {
    pub id: String,
    /// The file's name, without its folder.
    pub file_name: String,
}

#[derive(Default)]
pub struct SheetFiles {
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    next: u64,
    items: VecDeque<(String, PathBuf)>,
}

impl SheetFiles {
    /// Keeps `path` and returns how the window names it.
    pub fn hold(&self, path: PathBuf) -> HeldSheet {
        let file_name = file_name_of(&path);
        let mut inner = self.lock();
        inner.next += 1;
        let id = format!("sheet-{}", inner.next);
        inner.items.push_back((id.clone(), path));
        while inner.items.len() > MAX_HELD {
            inner.items.pop_front();
        }
        HeldSheet { id, file_name }
    }

    /// The path kept under `id`.
    pub fn path(&self, id: &str) -> Option<PathBuf> {
        self.lock()
            .items
            .iter()
            .find(|(key, _)| key == id)
            .map(|(_, path)| path.clone())
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panic while holding the lock leaves the list itself consistent.
        self.inner
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// A path's last part, for messages and the window.
pub fn file_name_of(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn held_files_are_named_without_their_folder_and_the_oldest_are_forgotten() {
        let files = SheetFiles::default();
        let first = files.hold(PathBuf::from("/home/ana/Sheets/shots.xlsx"));
        assert_eq!(first.file_name, "shots.xlsx");
        assert_eq!(
            files.path(&first.id),
            Some(PathBuf::from("/home/ana/Sheets/shots.xlsx"))
        );
        for n in 0..MAX_HELD {
            files.hold(PathBuf::from(format!("/tmp/{n}.csv")));
        }
        assert_eq!(files.path(&first.id), None);
        assert_eq!(files.path("sheet-999"), None);
    }
}
