//! Refused writes (403) decided per folder. AEM grants write access per folder, so a 403
//! says something about the asset's folder, not about the whole connection: a folder whose
//! first writes are all refused is taken as refusing writes, reported once in words naming the
//! folder and the account, and its assets not yet tried are skipped with that reason, while
//! the run goes on in the other folders. The run stops early only when every folder it tried
//! refuses (several folders, or all those the plan holds, and no write accepted anywhere): then
//! the account most likely cannot write at all, and a resume does the rest once it can.
//!
//! Not here: journaling the outcomes and stopping the run (`context.rs`), the words
//! (`reasons.rs`).

use std::collections::HashMap;
use std::path::Path;
use std::sync::Mutex;

use crate::journal::{Action, Record, read_records};
use crate::replay::Replay;
use metadesk_base::i18n::SavedText;
use metadesk_clients::error::Result;

/// Refused writes, with none accepted in their folder, after which the folder is taken as
/// refusing writes (all of them, for a folder with fewer assets to write).
pub(super) const REFUSED_WRITES_PER_FOLDER: usize = 5;

/// Folders refusing writes, with no write of the run accepted anywhere, after which the run
/// stops (all of the plan's folders, when it holds fewer), once at least
/// [`REFUSED_WRITES_PER_FOLDER`] writes were refused in all.
pub(super) const REFUSING_FOLDERS_BEFORE_STOP: usize = 3;

/// The folder an asset sits in: what a 403 on its write is about.
pub(super) fn folder_of(path: &str) -> &str {
    path.rsplit_once('/').map_or(path, |(folder, _)| folder)
}

/// How many planned writes without an outcome each folder holds, read from the run's journal.
pub(super) fn planned_per_folder(
    journal: &Path,
    replay: &Replay,
) -> Result<HashMap<String, usize>> {
    let mut planned: HashMap<String, usize> = HashMap::new();
    for record in read_records(journal)? {
        let row = match record? {
            Record::Row(row) => row,
            Record::Previewed { .. } => break,
            _ => continue,
        };
        if row.action == Action::Change && !replay.outcomes.contains_key(&row.i) {
            *planned.entry(folder_of(&row.path).to_owned()).or_default() += 1;
        }
    }
    Ok(planned)
}

/// What a refused write means, once its folder's other writes are taken into account. `K`:
/// what names a write (an edit's row number, an operation's part).
#[derive(Debug, PartialEq)]
pub(super) enum Refusal<K = u64> {
    /// Its folder is not decided yet: no outcome until it is (held here).
    Held,
    /// Its folder took other writes: a failure of this asset alone, for its own reason.
    Own(SavedText),
    /// Its folder refuses writes (found now, or before): these assets, this one among them
    /// (each with its own reason), fail for that reason. `untried`: the folder holds planned
    /// writes not tried yet (none when all it held were refused).
    FolderRefuses {
        folder: String,
        assets: Vec<(K, SavedText)>,
        untried: bool,
    },
    /// Every folder tried refuses: the run stops, the held assets stay pending. `refused`
    /// writes were refused in all.
    Stop { refused: usize },
}

struct Folder<K> {
    accepted: bool,
    refusing: bool,
    held: Vec<(K, SavedText)>,
}

impl<K> Default for Folder<K> {
    fn default() -> Self {
        Folder {
            accepted: false,
            refusing: false,
            held: Vec::new(),
        }
    }
}

struct State<K> {
    planned: HashMap<String, usize>,
    folders: HashMap<String, Folder<K>>,
    accepted_any: bool,
    refusing: usize,
    refused: usize,
}

impl<K> Default for State<K> {
    fn default() -> Self {
        State {
            planned: HashMap::new(),
            folders: HashMap::new(),
            accepted_any: false,
            refusing: 0,
            refused: 0,
        }
    }
}

/// The refused writes of one apply, by folder, each named by a `K`.
pub(super) struct FolderRefusals<K = u64> {
    state: Mutex<State<K>>,
}

impl<K> Default for FolderRefusals<K> {
    fn default() -> Self {
        FolderRefusals {
            state: Mutex::default(),
        }
    }
}

impl<K: Ord> FolderRefusals<K> {
    fn state(&self) -> std::sync::MutexGuard<'_, State<K>> {
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Sets how many writes each folder has to do (see [`planned_per_folder`]).
    pub(super) fn plan(&self, planned: HashMap<String, usize>) {
        self.state().planned = planned;
    }

    /// The folder of `path`, when it is known to refuse writes: its assets are not tried.
    pub(super) fn refusing(&self, path: &str) -> Option<String> {
        let folder = folder_of(path);
        let state = self.state();
        state
            .folders
            .get(folder)
            .is_some_and(|f| f.refusing)
            .then(|| folder.to_owned())
    }

    /// A write `i` at `path` was refused, for `reason`.
    pub(super) fn refused(&self, i: K, path: &str, reason: SavedText) -> Refusal<K> {
        let folder = folder_of(path);
        let mut state = self.state();
        state.refused += 1;
        let needed = state
            .planned
            .get(folder)
            .copied()
            .unwrap_or(1)
            .clamp(1, REFUSED_WRITES_PER_FOLDER);
        let plan_folders = state.planned.len().max(1);
        let accepted_any = state.accepted_any;
        let refusing_before = state.refusing;
        let refused = state.refused;
        let entry = state.folders.entry(folder.to_owned()).or_default();
        if entry.accepted {
            return Refusal::Own(reason);
        }
        if entry.refusing {
            return Refusal::FolderRefuses {
                folder: folder.to_owned(),
                assets: vec![(i, reason)],
                untried: true,
            };
        }
        entry.held.push((i, reason));
        if entry.held.len() < needed {
            return Refusal::Held;
        }
        let refusing = refusing_before + 1;
        // Early: with fewer refusals than one folder needs, the whole plan was tried.
        let early = refused >= REFUSED_WRITES_PER_FOLDER;
        if early && !accepted_any && refusing >= plan_folders.min(REFUSING_FOLDERS_BEFORE_STOP) {
            // Left held and undecided: the stop leaves them pending for the resume.
            return Refusal::Stop { refused };
        }
        entry.refusing = true;
        let assets = std::mem::take(&mut entry.held);
        let untried = state.planned.get(folder).copied().unwrap_or(1) > assets.len();
        state.refusing = refusing;
        Refusal::FolderRefuses {
            folder: folder.to_owned(),
            assets,
            untried,
        }
    }

    /// A write of the asset at `path` was accepted: its folder takes writes, so the refusals
    /// held in it were about their own assets (returned, to journal as failures).
    pub(super) fn accepted(&self, path: &str) -> Vec<(K, SavedText)> {
        let mut state = self.state();
        state.accepted_any = true;
        let entry = state.folders.entry(folder_of(path).to_owned()).or_default();
        entry.accepted = true;
        std::mem::take(&mut entry.held)
    }

    /// At the end of an apply that went through every asset: the refusals still held (in
    /// folders with too few writes to decide) are failures of their own assets.
    pub(super) fn settle(&self) -> Vec<(K, SavedText)> {
        let mut state = self.state();
        let mut held: Vec<(K, SavedText)> = state
            .folders
            .values_mut()
            .flat_map(|f| std::mem::take(&mut f.held))
            .collect();
        held.sort_by(|(a, _), (b, _)| a.cmp(b));
        held
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn why() -> SavedText {
        SavedText::new("reason-forbidden-write", [])
    }

    fn refusals(planned: &[(&str, usize)]) -> FolderRefusals {
        let r = FolderRefusals::default();
        r.plan(planned.iter().map(|(f, n)| ((*f).to_owned(), *n)).collect());
        r
    }

    #[test]
    fn a_folder_refusing_its_first_writes_is_decided_and_the_run_goes_on() {
        let r = refusals(&[("/content/dam/a", 10), ("/content/dam/b", 10)]);
        for i in 0..4 {
            assert_eq!(
                r.refused(i, &format!("/content/dam/a/{i}.jpg"), why()),
                Refusal::Held
            );
        }
        assert_eq!(
            r.refused(4, "/content/dam/a/4.jpg", why()),
            Refusal::FolderRefuses {
                folder: "/content/dam/a".into(),
                assets: (0..5).map(|i| (i, why())).collect(),
                untried: true,
            }
        );
        assert_eq!(
            r.refusing("/content/dam/a/9.jpg").as_deref(),
            Some("/content/dam/a")
        );
        assert_eq!(r.refusing("/content/dam/b/0.jpg"), None);
        assert!(r.accepted("/content/dam/b/0.jpg").is_empty());
        assert_eq!(
            r.refused(11, "/content/dam/b/1.jpg", why()),
            Refusal::Own(why())
        );
    }

    #[test]
    fn the_run_stops_only_when_every_folder_it_tried_refuses() {
        // One folder in the plan: refusing it is refusing everything tried.
        let r = refusals(&[("/content/dam/a", 10)]);
        for i in 0..4 {
            assert_eq!(r.refused(i, "/content/dam/a/x.jpg", why()), Refusal::Held);
        }
        assert_eq!(
            r.refused(4, "/content/dam/a/x.jpg", why()),
            Refusal::Stop { refused: 5 }
        );
        // Many folders: the third refusing one, with nothing accepted, stops the run.
        let r = refusals(&[("/d/a", 2), ("/d/b", 2), ("/d/c", 2), ("/d/e", 2)]);
        r.refused(0, "/d/a/0", why());
        assert!(matches!(
            r.refused(1, "/d/a/1", why()),
            Refusal::FolderRefuses { .. }
        ));
        r.refused(2, "/d/b/0", why());
        assert!(matches!(
            r.refused(3, "/d/b/1", why()),
            Refusal::FolderRefuses { .. }
        ));
        r.refused(4, "/d/c/0", why());
        assert_eq!(r.refused(5, "/d/c/1", why()), Refusal::Stop { refused: 6 });
        // A write accepted anywhere: refusing folders never stop the run.
        let r = refusals(&[("/d/a", 1), ("/d/b", 1), ("/d/c", 1), ("/d/e", 1)]);
        r.accepted("/d/e/0");
        for (i, f) in ["a", "b", "c"].iter().enumerate() {
            let path = format!("/d/{f}/0");
            assert!(matches!(
                r.refused(i as u64, &path, why()),
                Refusal::FolderRefuses { .. }
            ));
        }
    }

    /// A folder all of whose planned writes were refused has nothing left untried: an
    /// operation then reports each in its own words (`operating.rs`).
    #[test]
    fn a_folder_whose_every_planned_write_was_refused_has_nothing_untried() {
        let r = refusals(&[("/d/a", 2), ("/d/b", 10)]);
        assert_eq!(r.refused(0, "/d/a/0", why()), Refusal::Held);
        assert_eq!(
            r.refused(1, "/d/a/1", why()),
            Refusal::FolderRefuses {
                folder: "/d/a".into(),
                assets: vec![(0, why()), (1, why())],
                untried: false,
            }
        );
    }

    #[test]
    fn refusals_held_in_a_folder_that_takes_writes_are_their_own() {
        let r = refusals(&[("/d/a", 10)]);
        assert_eq!(r.refused(0, "/d/a/0", why()), Refusal::Held);
        assert_eq!(r.accepted("/d/a/1"), vec![(0, why())]);
        assert_eq!(r.refused(2, "/d/a/2", why()), Refusal::Own(why()));
        let r = refusals(&[("/d/a", 10)]);
        r.refused(0, "/d/a/0", why());
        assert_eq!(r.settle(), vec![(0, why())]);
    }
}
