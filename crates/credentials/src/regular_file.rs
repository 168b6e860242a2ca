//! Reading a file a person dropped or chose (a credential, a sheet, a list of assets) without
//! waiting on it or reading more than a limit: only a regular file is read — not a folder, a
//! pipe (which would wait forever for a writer), a device such as `/dev/zero` (which never
//! ends) or a link to one.
//!
//! [`open_regular`] opens a file to read later without following a link at all: an upload's
//! files, planned from a folder's entries, are read as they were planned, not through a link
//! put in a file's place since.
//!
//! Not here: what the bytes mean, or the words of a refusal (each caller says them in its
//! own terms: `credentials::input`, the core's sheet and list files, `bulk::upload_plan`).

use std::io::Read;
use std::path::Path;

/// Why a file was not read.
#[derive(Debug)]
pub enum FileRefusal {
    Folder,
    /// A pipe, a device, a socket or a link to one; for [`open_regular`], any link.
    NotRegular,
    /// Over the limit: the size said by the file system, or the bytes found past it.
    TooLarge {
        size: u64,
    },
    Io(std::io::Error),
}

/// Reads `path` whole, refusing anything that is not a regular file and anything over `limit`
/// bytes, checked before reading and again while reading (the file may grow or be replaced
/// meanwhile).
pub fn read_regular_file(path: &Path, limit: u64) -> Result<Vec<u8>, FileRefusal> {
    // `metadata` follows links, so a link is judged by what it points to.
    let metadata = std::fs::metadata(path).map_err(FileRefusal::Io)?;
    if metadata.is_dir() {
        return Err(FileRefusal::Folder);
    }
    if !metadata.is_file() {
        return Err(FileRefusal::NotRegular);
    }
    if metadata.len() > limit {
        return Err(FileRefusal::TooLarge {
            size: metadata.len(),
        });
    }
    let file = open_without_waiting(path).map_err(FileRefusal::Io)?;
    // Checked again on the open handle: the path may have been replaced since.
    let opened = file.metadata().map_err(FileRefusal::Io)?;
    if !opened.is_file() {
        return Err(FileRefusal::NotRegular);
    }
    // Never read more than the limit (plus one byte, to know it was passed).
    let mut bytes = Vec::with_capacity(opened.len().min(limit) as usize);
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(FileRefusal::Io)?;
    if bytes.len() as u64 > limit {
        return Err(FileRefusal::TooLarge {
            size: bytes.len() as u64,
        });
    }
    Ok(bytes)
}

/// Opens `path` for reading if it is itself a regular file: a link is refused, not followed
/// (a path checked as a file and then swapped for a link to another file is not read through
/// it), and so are a folder, a device and a pipe (at once, without waiting for a writer).
/// The caller resolves a link the person named before, if it is to be followed.
pub fn open_regular(path: &Path) -> Result<std::fs::File, FileRefusal> {
    // Windows: the path's own entry, a link's and not its target's (`symlink_metadata`; a
    // junction is a link too). Opening with FILE_FLAG_OPEN_REPARSE_POINT instead would leave
    // no gap, but would also open the other reparse points (OneDrive's files not on the disk
    // yet, deduplicated files) as themselves instead of their contents. What is left is the
    // moment between this check and the open.
    #[cfg(windows)]
    {
        let own = std::fs::symlink_metadata(path).map_err(FileRefusal::Io)?;
        if own.file_type().is_symlink() {
            return Err(FileRefusal::NotRegular);
        }
        if own.is_dir() {
            return Err(FileRefusal::Folder);
        }
    }
    let file = open_without_following(path)?;
    // Judged on the open handle: what was opened, whatever the path names by now.
    let opened = file.metadata().map_err(FileRefusal::Io)?;
    if opened.is_dir() {
        return Err(FileRefusal::Folder);
    }
    if !opened.is_file() {
        return Err(FileRefusal::NotRegular);
    }
    Ok(file)
}

/// As [`open_without_waiting`], and on Unix also with `O_NOFOLLOW`: a link as the path's last
/// part fails the open (ELOOP) instead of being followed.
fn open_without_following(path: &Path) -> Result<std::fs::File, FileRefusal> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW);
    }
    options.open(path).map_err(|e| {
        #[cfg(unix)]
        {
            if e.raw_os_error() == Some(libc::ELOOP) {
                return FileRefusal::NotRegular;
            }
        }
        FileRefusal::Io(e)
    })
}

/// Opens for reading. On Unix with `O_NONBLOCK`: opening a FIFO otherwise waits for a writer,
/// and a FIFO put in the file's place after the check above would hang the read (for a
/// regular file the flag changes nothing, per POSIX `open`). Windows has no FIFOs in the file
/// system (its named pipes live under `\\.\pipe\`, whose entries are not regular files and
/// are refused above), so a plain open does there.
fn open_without_waiting(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// Test helpers for the callers' own tests of pipes and devices (a failure to set them up
/// fails the test).
#[cfg(all(unix, any(test, feature = "test-support")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
pub mod testing {
    use std::path::{Path, PathBuf};

    /// In `dir`: a FIFO named `name`, a link to it and a link to `/dev/zero` (with `name`'s
    /// ending), and `/dev/zero` itself — the paths a reader must refuse at once.
    pub fn pipes_and_devices(dir: &Path, name: &str) -> Vec<PathBuf> {
        let fifo = dir.join(name);
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo");
        assert!(made.success());
        let to_fifo = dir.join(format!("to-fifo-{name}"));
        std::os::unix::fs::symlink(&fifo, &to_fifo).unwrap();
        let to_zero = dir.join(format!("to-zero-{name}"));
        std::os::unix::fs::symlink("/dev/zero", &to_zero).unwrap();
        // The pipes first: without a check they hang (and fail the caller's timeout) before
        // /dev/zero could fill the memory.
        vec![fifo, to_fifo, PathBuf::from("/dev/zero"), to_zero]
    }

    /// Runs `read` on another thread: a read that waits forever fails the test instead of
    /// hanging it.
    pub fn within_seconds<T: Send + 'static>(read: impl FnOnce() -> T + Send + 'static) -> T {
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(read());
        });
        rx.recv_timeout(std::time::Duration::from_secs(5))
            .expect("the read did not return within 5 s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_regular_file_is_read_up_to_its_limit() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.csv");
        std::fs::write(&file, b"12345").unwrap();
        assert_eq!(read_regular_file(&file, 5).unwrap(), b"12345");
        assert!(matches!(
            read_regular_file(&file, 4),
            Err(FileRefusal::TooLarge { size: 5 })
        ));
        assert!(matches!(
            read_regular_file(dir.path(), 4),
            Err(FileRefusal::Folder)
        ));
    }

    /// Seen failing with no flag in `open_without_following` (the pipe waited for a writer:
    /// the 5 s ran out) and with `O_NONBLOCK` alone (the link to a file was opened), and with
    /// a plain `File::open` and no check (the folder was opened).
    #[cfg(unix)]
    #[test]
    fn open_regular_opens_a_file_and_refuses_links_pipes_and_devices_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.jpg");
        std::fs::write(&file, b"abc").unwrap();
        let opened = open_regular(&file).unwrap();
        assert_eq!(opened.metadata().unwrap().len(), 3);
        assert!(matches!(open_regular(dir.path()), Err(FileRefusal::Folder)));
        let to_file = dir.path().join("to-file.jpg");
        std::os::unix::fs::symlink(&file, &to_file).unwrap();
        let mut refused = testing::pipes_and_devices(dir.path(), "b.jpg");
        refused.push(to_file);
        for path in refused {
            let shown = path.display().to_string();
            let opened = testing::within_seconds(move || open_regular(&path).map(drop));
            assert!(matches!(opened, Err(FileRefusal::NotRegular)), "{shown}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn pipes_devices_and_links_to_them_are_refused_at_once() {
        let dir = tempfile::tempdir().unwrap();
        for path in testing::pipes_and_devices(dir.path(), "list.txt") {
            let shown = path.display().to_string();
            let read = testing::within_seconds(move || read_regular_file(&path, 1 << 20));
            assert!(matches!(read, Err(FileRefusal::NotRegular)), "{shown}");
        }
    }
}
