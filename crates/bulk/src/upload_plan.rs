//! An upload's plan: each local file's size, its AEM path and what happens to it (new, the
//! same file already there and skipped, a different file there given a new version or
//! replaced, or refused and why), the folders it needs, and the run's plan made of it
//! ([`run_plan`]: each file to send with its SHA-1).
//!
//! A directory given puts its contents (subfolders kept) into the target folder; a file goes
//! straight into it; a link given is followed (the person named it). Inside a folder only
//! regular files are uploaded: a link is never followed (so no walk loops, and nothing outside
//! the folder is sent), and links, pipes, sockets and devices are refused rows, as are
//! top-level pipes and devices (none is opened, so none is waited on); each file is opened
//! without following a link or waiting (`credentials::regular_file::open_regular`).
//! Refused before anything is sent: files that cannot be read, empty files
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
use metadesk_assets::asset_path::refused_name;
use metadesk_assets::classic::ClassicAssets;
use metadesk_assets::upload::WhenDifferent;
use metadesk_base::i18n::Text;
use metadesk_credentials::regular_file::{FileRefusal, open_regular};

use crate::upload::{Arrival, PlannedFile, UploadRunPlan};

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
        given(input, folder, &mut rows);
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

/// What a path holds, by its own entry: a link is one, not what it points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entry {
    Folder,
    File,
    /// A symbolic link (to anything, or dangling); on Windows a junction too (std's
    /// `is_symlink` there is any name-surrogate reparse point).
    Link,
    /// A pipe, a socket, a device: its kind as `upload-refused-special` selects it.
    Special(&'static str),
}

impl Entry {
    fn of(kind: std::fs::FileType) -> Entry {
        if kind.is_symlink() {
            Entry::Link
        } else if kind.is_dir() {
            Entry::Folder
        } else if kind.is_file() {
            Entry::File
        } else {
            Entry::Special(special_kind(kind))
        }
    }
}

#[cfg(unix)]
fn special_kind(kind: std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt as _;
    if kind.is_fifo() {
        "pipe"
    } else if kind.is_socket() {
        "socket"
    } else if kind.is_block_device() || kind.is_char_device() {
        "device"
    } else {
        "other"
    }
}

/// Elsewhere std calls everything that is neither a folder nor a link a file.
#[cfg(not(unix))]
fn special_kind(_: std::fs::FileType) -> &'static str {
    "other"
}

/// Gathers a path the person gave: a folder's contents or a file into `folder`. They named
/// it, so a link is followed, to a folder or a file; a pipe or a device given is refused by
/// its kind, never opened.
fn given(input: &Path, folder: &str, rows: &mut Vec<UploadRow>) {
    let name = input
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let own = std::fs::symlink_metadata(input);
    // A link to a file is read as its target, resolved now: the reads after (the SHA-1, the
    // parts sent) follow no link. A link to a folder is walked through as it is, whose
    // entries are then judged as any folder's.
    let local = match &own {
        Ok(m) if m.file_type().is_symlink() => match std::fs::canonicalize(input) {
            Ok(target) => target,
            Err(e) => {
                let aem_path = format!("{folder}/{name}");
                rows.push(refused(input.to_path_buf(), aem_path, unreadable(&e)));
                return;
            }
        },
        _ => input.to_path_buf(),
    };
    match std::fs::symlink_metadata(&local).map(|m| Entry::of(m.file_type())) {
        Ok(Entry::Folder) => walk(input, folder, folder, rows),
        // Not there or not readable: its row says why.
        Ok(Entry::File | Entry::Link) | Err(_) => rows.push(row(local, folder, folder, &name)),
        Ok(Entry::Special(kind)) => {
            let aem_path = format!("{folder}/{name}");
            rows.push(refused(local, aem_path, special(kind)));
        }
    }
}

/// Gathers `dir`'s files into `into`, a folder at or below the plan's `root`. Each entry is
/// judged by its own type (`DirEntry::file_type` follows no link): a link is never followed,
/// so the walk stays inside the folder and cannot loop (two links to `.`).
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
        let aem_path = || format!("{into}/{name}");
        match entry.file_type().map(Entry::of) {
            Ok(Entry::Folder) => walk(&path, root, &aem_path(), rows),
            Ok(Entry::File) => rows.push(row(path, root, into, &name)),
            Ok(Entry::Link) => rows.push(refused(
                path,
                aem_path(),
                Text::plain("upload-refused-link"),
            )),
            Ok(Entry::Special(kind)) => rows.push(refused(path, aem_path(), special(kind))),
            Err(e) => rows.push(refused(path, aem_path(), unreadable(&e))),
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
    // Opened as a regular file, not through a link nor waiting on a pipe: the entry judged
    // a file may have been replaced since.
    match open_regular(&local).and_then(|f| f.metadata().map_err(FileRefusal::Io)) {
        Err(refusal) => refused(local, aem_path, refusal_text(&refusal)),
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

/// Why a pipe, a socket or a device (`kind`, else `other`) is not uploaded.
fn special(kind: &'static str) -> Text {
    Text::new("upload-refused-special", vec![("kind", kind.into())])
}

/// Why a file that [`open_regular`] refused is not uploaded: what it is found to be now
/// is not known past "not a regular file" (a link, a pipe, a device, a folder).
fn refusal_text(refusal: &FileRefusal) -> Text {
    match refusal {
        FileRefusal::Io(e) => unreadable(e),
        FileRefusal::Folder | FileRefusal::NotRegular | FileRefusal::TooLarge { .. } => {
            special("other")
        }
    }
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

/// The SHA-1 of a local file, lower-case hex, as `dam:sha1` holds it. Read only as a regular
/// file ([`open_regular`]): one replaced by a pipe since the plan would otherwise wait, and
/// one replaced by a link would be read through it.
pub fn sha1_of(path: &Path) -> Result<String, FileRefusal> {
    use sha1::Digest as _;
    let mut file = open_regular(path)?;
    let mut hasher = sha1::Sha1::new();
    let mut buffer = vec![0u8; 1 << 16];
    loop {
        let read = file.read(&mut buffer).map_err(FileRefusal::Io)?;
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
                (_, Err(refusal)) => {
                    row.intent = Intent::Refused(refusal_text(&refusal));
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

    /// Each refused row's reason in English, by its path below the target.
    fn reasons(plan: &UploadPlan) -> Vec<(String, String)> {
        let en = metadesk_base::i18n::Localizer::english();
        plan.rows
            .iter()
            .filter_map(|r| match &r.intent {
                Intent::Refused(why) => Some((
                    r.aem_path.trim_start_matches(TO).to_owned(),
                    why.localized(&en),
                )),
                _ => None,
            })
            .collect()
    }

    const LINK: &str =
        "a link: Metadesk uploads the files inside the folder you chose, not what a link points to";

    /// Seen failing with the walk as it was (`path.is_dir()`, `File::open`): the pipe's
    /// open waited for a writer and the 5 s ran out; with the pipe taken out of the folder,
    /// the walk went round the links to `.` until the system's limit of links in a path (40
    /// deep: 1,148 rows, 1,022 of them new), the link to a file outside (`notes.txt`) and
    /// the linked folder's files were planned as new, and the dangling link was "cannot be
    /// read".
    #[cfg(unix)]
    #[test]
    fn inside_a_folder_links_pipes_and_sockets_are_refused_and_never_followed() {
        use metadesk_credentials::regular_file::testing::within_seconds;
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let outside = dir.path().join("outside");
        std::fs::create_dir_all(&outside).unwrap();
        std::fs::write(outside.join("credentials"), b"secret").unwrap();
        std::fs::write(outside.join("inner.jpg"), b"inner").unwrap();
        let root = dir.path().join("photos");
        std::fs::create_dir_all(root.join("sub")).unwrap();
        std::fs::write(root.join("a.jpg"), b"abc").unwrap();
        std::fs::write(root.join("sub/b.png"), b"abcd").unwrap();
        symlink(outside.join("credentials"), root.join("notes.txt")).unwrap();
        symlink(&outside, root.join("elsewhere")).unwrap();
        symlink(dir.path().join("gone.jpg"), root.join("dangling.jpg")).unwrap();
        // A loop: each link leads back to a folder holding it.
        symlink(".", root.join("here")).unwrap();
        symlink(".", root.join("sub/again")).unwrap();
        let made = std::process::Command::new("mkfifo")
            .arg(root.join("pipe.jpg"))
            .status()
            .unwrap();
        assert!(made.success());
        let _socket = std::os::unix::net::UnixListener::bind(root.join("socket.jpg")).unwrap();

        let walked = root.clone();
        let plan = within_seconds(move || gather(&[walked], TO));
        assert_eq!(
            intents(&plan),
            vec![
                ("/a.jpg".to_owned(), None),
                ("/dangling.jpg".to_owned(), Some("upload-refused-link")),
                ("/elsewhere".to_owned(), Some("upload-refused-link")),
                ("/here".to_owned(), Some("upload-refused-link")),
                ("/notes.txt".to_owned(), Some("upload-refused-link")),
                ("/pipe.jpg".to_owned(), Some("upload-refused-special")),
                ("/socket.jpg".to_owned(), Some("upload-refused-special")),
                ("/sub/again".to_owned(), Some("upload-refused-link")),
                ("/sub/b.png".to_owned(), None),
            ]
        );
        let said = reasons(&plan);
        assert_eq!(said[0].1, LINK);
        assert_eq!(
            said[4].1,
            "a pipe, not a regular file: Metadesk uploads only regular files"
        );
        assert!(
            said[5].1.starts_with("a socket, not a regular file"),
            "{said:?}"
        );
        let fr = metadesk_base::i18n::Localizer::new(metadesk_base::i18n::Lang::Fr);
        let Intent::Refused(why) = &plan.rows[5].intent else {
            panic!("the pipe is refused");
        };
        assert_eq!(
            why.localized(&fr),
            "un tube, pas un fichier ordinaire\u{a0}: Metadesk ne téléverse que des fichiers ordinaires"
        );
        // Only the two regular files are sent, and only their folder is made.
        let sent: Vec<PathBuf> = plan
            .rows
            .iter()
            .filter(|r| r.sends())
            .map(|r| r.local.clone())
            .collect();
        assert_eq!(sent, vec![root.join("a.jpg"), root.join("sub/b.png")]);
        assert_eq!(plan.folders, vec![format!("{TO}/sub")]);
        let run = run_plan(&plan, &Default::default());
        assert_eq!((run.files.len(), run.refused), (2, 7));
    }

    /// What the person gives is followed when it is a link (a folder's link then judged
    /// entry by entry, a file's read as its target), and a pipe or a device given is
    /// refused at once. Seen failing with `gather` as it was: the pipe given waited for a
    /// writer (the 5 s ran out); without it, the link inside the linked folder was planned
    /// as new and `/dev/null` refused as an empty file.
    #[cfg(unix)]
    #[test]
    fn a_link_given_is_followed_and_a_pipe_or_device_given_refused_at_once() {
        use metadesk_credentials::regular_file::testing::within_seconds;
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let outside = dir.path().join("outside");
        std::fs::create_dir_all(&outside).unwrap();
        std::fs::write(outside.join("inner.jpg"), b"inner").unwrap();
        symlink("inner.jpg", outside.join("inner-link.jpg")).unwrap();
        let picture = dir.path().join("picture.jpg");
        std::fs::write(&picture, b"picture").unwrap();
        let to_folder = dir.path().join("to-folder");
        symlink(&outside, &to_folder).unwrap();
        let to_file = dir.path().join("to-file.jpg");
        symlink(&picture, &to_file).unwrap();
        let pipe = dir.path().join("given.jpg");
        let made = std::process::Command::new("mkfifo")
            .arg(&pipe)
            .status()
            .unwrap();
        assert!(made.success());
        let inputs = vec![to_folder, to_file, pipe, PathBuf::from("/dev/null")];

        let plan = within_seconds(move || gather(&inputs, TO));
        assert_eq!(
            intents(&plan),
            vec![
                ("/given.jpg".to_owned(), Some("upload-refused-special")),
                ("/inner-link.jpg".to_owned(), Some("upload-refused-link")),
                ("/inner.jpg".to_owned(), None),
                ("/null".to_owned(), Some("upload-refused-special")),
                ("/to-file.jpg".to_owned(), None),
            ]
        );
        let said = reasons(&plan);
        assert!(said[0].1.starts_with("a pipe"), "{said:?}");
        assert!(said[2].1.starts_with("a device"), "{said:?}");
        // The link given to a file goes in under its own name, read from its target.
        let given = &plan.rows[4];
        assert_eq!(given.local, std::fs::canonicalize(&picture).unwrap());
        assert_eq!(given.size, 7);
        assert_eq!(sha1_of(&given.local).unwrap(), sha1_of(&picture).unwrap());
    }

    /// Windows: a symbolic link to a file and to a folder, and a junction, inside the folder
    /// are refused rows, never followed (std's `is_symlink` there is any name-surrogate
    /// reparse point: symbolic links and junctions). Making a symbolic link takes developer
    /// mode or an administrator, and Wine (8.0) answers success to both without making
    /// anything: a link not made is said on standard error, and the rest checked without it.
    #[cfg(windows)]
    #[test]
    fn on_windows_links_and_junctions_inside_a_folder_are_refused() {
        /// Expects `name` refused as a link where it was made and is there.
        fn expect_link(
            made: Result<(), String>,
            root: &Path,
            name: &str,
            wanted: &mut Vec<(String, Option<&'static str>)>,
        ) {
            match made {
                Ok(()) if std::fs::symlink_metadata(root.join(name)).is_ok() => {
                    wanted.push((format!("/{name}"), Some("upload-refused-link")));
                }
                Ok(()) => eprintln!(
                    "{name}: said made but not there (Wine makes no link); checked without it"
                ),
                Err(e) => eprintln!(
                    "{name} not made ({e}): a symbolic link needs developer mode or an \
                     administrator; checked without it"
                ),
            }
        }
        let dir = tempfile::tempdir().unwrap();
        let outside = dir.path().join("outside");
        std::fs::create_dir_all(&outside).unwrap();
        std::fs::write(outside.join("credentials"), b"secret").unwrap();
        let root = dir.path().join("photos");
        std::fs::create_dir_all(&root).unwrap();
        std::fs::write(root.join("a.jpg"), b"abc").unwrap();
        let mut wanted = vec![("/a.jpg".to_owned(), None)];
        let made =
            std::os::windows::fs::symlink_file(outside.join("credentials"), root.join("notes.txt"));
        let made = made.map_err(|e| e.to_string());
        expect_link(made, &root, "notes.txt", &mut wanted);
        let made = std::os::windows::fs::symlink_dir(&outside, root.join("elsewhere"));
        expect_link(
            made.map_err(|e| e.to_string()),
            &root,
            "elsewhere",
            &mut wanted,
        );
        // A junction back to the folder itself (any user may make one): a loop, were it
        // followed.
        let junction = std::process::Command::new("cmd")
            .arg("/c")
            .arg("mklink")
            .arg("/J")
            .arg(root.join("loop"))
            .arg(&root)
            .output();
        let made = match junction {
            Ok(out) if out.status.success() => Ok(()),
            other => Err(format!("`cmd /c mklink /J`: {other:?}")),
        };
        expect_link(made, &root, "loop", &mut wanted);
        wanted.sort();

        let plan = gather(&[root], TO);
        assert_eq!(intents(&plan), wanted);
        let sent: Vec<&str> = plan
            .rows
            .iter()
            .filter(|r| r.sends())
            .map(|r| r.aem_path.as_str())
            .collect();
        assert_eq!(sent, vec![format!("{TO}/a.jpg")]);
        for (_, why) in reasons(&plan) {
            assert_eq!(why, LINK);
        }
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
