//! An upload's plan: each local file's size, its AEM path and what happens to it (new, the
//! same file already there and skipped, a different file there given a new version or
//! replaced, or refused and why), the folders it needs, and the run's plan made of it
//! ([`run_plan`]: each file to send with its SHA-1).
//!
//! A directory given puts its contents (subfolders kept) into the target folder; a file goes
//! straight into it. Refused before anything is sent: files that cannot be read, empty files
//! (AEM makes no asset of zero bytes), names AEM refuses (`* / : [ ] | \ # % { } ? & "`, a
//! leading `.`, control characters, in the file's or a folder's name) and two files whose AEM
//! paths differ only by case (both: which was meant cannot be guessed). The same file is one
//! of the same size and SHA-1 (`dam:sha1`, written by AEM's processing).
//!
//! Not here: the wire (`assets::upload`), the refusal of OAuth Server-to-Server connections
//! (the use case), sending (`engine/upload.rs`), journal, resume and undo (`upload.rs`).

use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};

use metadesk_assets::CallError;
use metadesk_assets::classic::ClassicAssets;
use metadesk_assets::upload::WhenDifferent;
use metadesk_base::i18n::Text;

use crate::upload::{Arrival, PlannedFile, UploadRunPlan};

/// Characters AEM refuses in an asset or folder name.
const REFUSED_IN_NAMES: &[char] = &[
    '*', '/', ':', '[', ']', '|', '\\', '#', '%', '{', '}', '?', '&', '"',
];

/// What happens to one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Intent {
    /// Nothing is at its AEM path: a new asset.
    New,
    /// The same file (size and SHA-1) is there: skipped.
    Same,
    /// Another file is there: it gets this one as the run chose.
    Different(WhenDifferent),
    /// Not sent, for this reason.
    Refused(Text),
}

/// One local file of the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UploadRow {
    pub local: PathBuf,
    /// `/content/dam/…/name.jpg`.
    pub aem_path: String,
    pub size: u64,
    pub intent: Intent,
    /// The SHA-1 of the file AEM held at the path, where another was there.
    pub held: Option<String>,
}

impl UploadRow {
    /// Whether its bytes are to be sent.
    pub fn sends(&self) -> bool {
        matches!(self.intent, Intent::New | Intent::Different(_))
    }
}

/// Every file given, in AEM path order, and the folders below the target they need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UploadPlan {
    pub folder: String,
    pub rows: Vec<UploadRow>,
    /// Folders to make, parents first.
    pub folders: Vec<String>,
}

/// The plan's rows from the local files alone: every row `New` unless refused.
pub fn gather(inputs: &[PathBuf], folder: &str) -> UploadPlan {
    let mut rows = Vec::new();
    for input in inputs {
        let name = input.file_name().map(|n| n.to_string_lossy().into_owned());
        match std::fs::metadata(input) {
            Ok(m) if m.is_dir() => walk(input, folder, folder, &mut rows),
            _ => rows.push(row(
                input.clone(),
                folder,
                folder,
                &name.unwrap_or_default(),
            )),
        }
    }
    refuse_case_clashes(&mut rows);
    rows.sort_by(|a, b| a.aem_path.cmp(&b.aem_path));
    let mut folders: Vec<String> = rows
        .iter()
        .filter(|r| r.sends())
        .flat_map(|r| ancestors(folder, &r.aem_path))
        .collect();
    folders.sort();
    folders.dedup();
    UploadPlan {
        folder: folder.to_owned(),
        rows,
        folders,
    }
}

/// The folders between `folder` and `path`'s own, outermost first.
fn ancestors(folder: &str, path: &str) -> Vec<String> {
    let rest = path
        .strip_prefix(folder)
        .unwrap_or_default()
        .trim_start_matches('/');
    let segments: Vec<&str> = rest.split('/').collect();
    (1..segments.len())
        .map(|n| format!("{folder}/{}", segments[..n].join("/")))
        .collect()
}

/// Gathers `dir`'s files into `into`, a folder at or below the plan's `root`.
fn walk(dir: &Path, root: &str, into: &str, rows: &mut Vec<UploadRow>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            rows.push(refused(dir.to_path_buf(), into.to_owned(), unreadable(&e)));
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path.is_dir() {
            walk(&path, root, &format!("{into}/{name}"), rows);
        } else {
            rows.push(row(path, root, into, &name));
        }
    }
}

/// The row of file `local`, going into `folder` (at or below `root`) as `name`.
fn row(local: PathBuf, root: &str, folder: &str, name: &str) -> UploadRow {
    let aem_path = format!("{folder}/{name}");
    // Every name below the plan's folder: the subfolders it makes, then the file's.
    let below = aem_path.strip_prefix(root).unwrap_or_default();
    if let Some(bad) = below.split('/').skip(1).find(|s| refused_name(s)) {
        let text = Text::new("upload-refused-name", vec![("name", bad.into())]);
        return refused(local, aem_path, text);
    }
    match std::fs::File::open(&local).and_then(|f| f.metadata()) {
        Err(e) => refused(local, aem_path, unreadable(&e)),
        Ok(m) if m.len() == 0 => refused(local, aem_path, Text::plain("upload-refused-empty")),
        Ok(m) => UploadRow {
            local,
            aem_path,
            size: m.len(),
            intent: Intent::New,
            held: None,
        },
    }
}

fn refused(local: PathBuf, aem_path: String, why: Text) -> UploadRow {
    UploadRow {
        local,
        aem_path,
        size: 0,
        intent: Intent::Refused(why),
        held: None,
    }
}

fn unreadable(e: &std::io::Error) -> Text {
    Text::new(
        "upload-refused-unreadable",
        vec![("detail", e.to_string().into())],
    )
}

fn refused_name(name: &str) -> bool {
    name.is_empty()
        || name.starts_with('.')
        || name.contains(REFUSED_IN_NAMES)
        || name.chars().any(char::is_control)
}

/// Refuses every file whose AEM path another file's matches but for case.
fn refuse_case_clashes(rows: &mut [UploadRow]) {
    let mut by_lower: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, r) in rows.iter().enumerate() {
        by_lower
            .entry(r.aem_path.to_lowercase())
            .or_default()
            .push(i);
    }
    for same in by_lower.values().filter(|v| v.len() > 1) {
        for &i in same {
            let others: Vec<String> = same
                .iter()
                .filter(|&&j| j != i)
                .map(|&j| rows[j].local.display().to_string())
                .collect();
            rows[i].intent = Intent::Refused(Text::new(
                "upload-refused-case",
                vec![("other", others.join(", ").into())],
            ));
        }
    }
}

/// The SHA-1 of a local file, lower-case hex, as `dam:sha1` holds it.
pub fn sha1_of(path: &Path) -> std::io::Result<String> {
    use sha1::Digest as _;
    let mut file = std::fs::File::open(path)?;
    let mut hasher = sha1::Sha1::new();
    let mut buffer = vec![0u8; 1 << 16];
    loop {
        let read = file.read(&mut buffer)?;
        if read == 0 {
            break;
        }
        hasher.update(&buffer[..read]);
    }
    Ok(hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

/// Tells, for each file to send, what AEM holds at its path: nothing (new), the same file
/// (skipped) or another (`when_different`). A folder several files go to is listed first
/// ([`folder_names`]): only the paths its listing holds are read. The reads go as many at once
/// as AEM serves one client (a new file's path is in no index yet, so each is read on its own).
pub async fn compare(
    aem: &ClassicAssets,
    plan: &mut UploadPlan,
    when_different: WhenDifferent,
) -> Result<(), CallError> {
    use futures_util::StreamExt as _;
    let sending = || {
        plan.rows
            .iter()
            .filter(|r| r.sends())
            .map(|r| r.aem_path.as_str())
    };
    let names = folder_names(aem, sending()).await?;
    // Owned paths in, positions out: a stream of futures borrowing the rows would not be
    // `Send` for every lifetime, as a window command's future must be.
    let asking: Vec<(usize, String)> = plan
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.sends() && may_hold(&names, &r.aem_path))
        .map(|(i, r)| (i, r.aem_path.clone()))
        .collect();
    let mut asked = futures_util::stream::iter(asking)
        .map(|(i, path)| async move { (i, aem.stored_binary(&path).await) })
        .buffer_unordered(metadesk_assets::folders::LISTINGS_AT_ONCE);
    while let Some((i, stored)) = asked.next().await {
        let row = &mut plan.rows[i];
        let Some(stored) = stored? else {
            continue;
        };
        let same_size = stored.size == Some(row.size);
        let same = same_size
            && match (&stored.sha1, sha1_of(&row.local)) {
                (Some(theirs), Ok(ours)) => *theirs == ours,
                (_, Err(e)) => {
                    row.intent = Intent::Refused(unreadable(&e));
                    continue;
                }
                (None, _) => false,
            };
        row.intent = if same {
            Intent::Same
        } else {
            Intent::Different(when_different)
        };
        row.held = stored.sha1;
    }
    Ok(())
}

/// The names each folder of `paths` holds, where listing it costs fewer requests than
/// reading its paths one by one (two or more of them, in a folder of at most as many listing
/// pages); a folder not listed is absent.
pub async fn folder_names<'a>(
    aem: &ClassicAssets,
    paths: impl Iterator<Item = &'a str>,
) -> Result<HashMap<String, HashSet<String>>, CallError> {
    use futures_util::StreamExt as _;
    let mut files_in: HashMap<String, usize> = HashMap::new();
    for path in paths {
        if let Some((folder, _)) = path.rsplit_once('/') {
            *files_in.entry(folder.to_owned()).or_default() += 1;
        }
    }
    let mut listed = futures_util::stream::iter(files_in.into_iter().filter(|(_, n)| *n >= 2))
        .map(|(folder, files)| async move {
            let names = aem.names_in(&folder, files).await;
            (folder, names)
        })
        .buffer_unordered(metadesk_assets::folders::LISTINGS_AT_ONCE);
    let mut names = HashMap::new();
    while let Some((folder, held)) = listed.next().await {
        if let Some(held) = held? {
            names.insert(folder, held);
        }
    }
    Ok(names)
}

/// Whether AEM may hold something at `path`: its folder's listing names it, or the folder was
/// not listed.
pub fn may_hold(names: &HashMap<String, HashSet<String>>, path: &str) -> bool {
    let Some((folder, name)) = path.rsplit_once('/') else {
        return true;
    };
    names.get(folder).is_none_or(|held| held.contains(name))
}

/// The run's plan of `plan`: each file to send with its SHA-1 (read now) and its values from a
/// sheet (`metadata`, by AEM path), the folders first.
/// A file that cannot be read any more is counted refused.
pub fn run_plan(
    plan: &UploadPlan,
    metadata: &std::collections::BTreeMap<String, std::collections::BTreeMap<String, Vec<String>>>,
) -> UploadRunPlan {
    let mut refused = 0;
    let mut files = Vec::new();
    for row in &plan.rows {
        let arrival = match &row.intent {
            Intent::New => Arrival::New,
            Intent::Different(WhenDifferent::NewVersion) => Arrival::NewVersion,
            Intent::Different(WhenDifferent::Replace) => Arrival::Replace,
            Intent::Same => continue,
            Intent::Refused(_) => {
                refused += 1;
                continue;
            }
        };
        let Ok(sha1) = sha1_of(&row.local) else {
            refused += 1;
            continue;
        };
        files.push(PlannedFile {
            local: row.local.display().to_string(),
            aem_path: row.aem_path.clone(),
            size: row.size,
            sha1,
            arrival,
            before: row.held.clone(),
            metadata: metadata.get(&row.aem_path).cloned().unwrap_or_default(),
        });
    }
    UploadRunPlan {
        folder: plan.folder.clone(),
        folders: plan.folders.clone(),
        same: plan
            .rows
            .iter()
            .filter(|r| r.intent == Intent::Same)
            .count() as u64,
        refused,
        files,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TO: &str = "/content/dam/drop";

    fn intents(plan: &UploadPlan) -> Vec<(String, Option<&'static str>)> {
        plan.rows
            .iter()
            .map(|r| {
                let why = match &r.intent {
                    Intent::Refused(t) => t.id(),
                    _ => None,
                };
                (r.aem_path.trim_start_matches(TO).to_owned(), why)
            })
            .collect()
    }

    #[test]
    fn a_folder_s_files_keep_their_subfolders_and_bad_ones_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("photos");
        std::fs::create_dir_all(root.join("sub")).unwrap();
        // `[` is refused by AEM and taken by every file system (`:` is not, on Windows).
        std::fs::create_dir_all(root.join("bad[dir")).unwrap();
        std::fs::write(root.join("a.jpg"), b"abc").unwrap();
        std::fs::write(root.join("sub/b.png"), b"abcd").unwrap();
        std::fs::write(root.join("empty.jpg"), b"").unwrap();
        std::fs::write(root.join("bad[dir/c.jpg"), b"x").unwrap();
        std::fs::write(root.join("Case.jpg"), b"1").unwrap();
        std::fs::write(root.join("case.JPG"), b"2").unwrap();
        // Windows and macOS keep one file of the two (the first name, the second content).
        let both = std::fs::read_dir(&root)
            .unwrap()
            .filter(|e| {
                let name = e.as_ref().unwrap().file_name();
                name.to_string_lossy().eq_ignore_ascii_case("case.jpg")
            })
            .count()
            == 2;
        let single = dir.path().join("single.pdf");
        std::fs::write(&single, b"pdf").unwrap();
        let missing = dir.path().join("missing.jpg");

        let plan = gather(&[root, single, missing], TO);
        let case = both.then_some("upload-refused-case");
        let mut wanted = vec![
            ("/Case.jpg".to_owned(), case),
            ("/a.jpg".to_owned(), None),
            ("/bad[dir/c.jpg".to_owned(), Some("upload-refused-name")),
            ("/case.JPG".to_owned(), case),
            ("/empty.jpg".to_owned(), Some("upload-refused-empty")),
            ("/missing.jpg".to_owned(), Some("upload-refused-unreadable")),
            ("/single.pdf".to_owned(), None),
            ("/sub/b.png".to_owned(), None),
        ];
        if !both {
            wanted.remove(3);
        }
        assert_eq!(intents(&plan), wanted);
        assert_eq!(plan.rows[1].size, 3);
        assert_eq!(plan.folders, vec![format!("{TO}/sub")]);
    }

    #[test]
    fn the_local_sha1_is_the_one_aem_writes() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a");
        std::fs::write(&file, b"abc").unwrap();
        assert_eq!(
            sha1_of(&file).unwrap(),
            "a9993e364706816aba3e25717850c26c9cd0d89d"
        );
    }
}
