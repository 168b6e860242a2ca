//! Cross-process locks on small files of their own (`runs/ID.lock`, `connections.lock`): the
//! window and any number of CLI commands share one profile's folders, and only one of them may
//! change a run's journal, or the connections, at a time.
//!
//! Not here: what a lock guards (the journal, the connection store) or what a refusal says.
//!
//! How it behaves on each OS, from the documented semantics of the calls std makes
//! (`File::try_lock`: `flock(LOCK_EX | LOCK_NB)` on Linux and macOS, `LockFileEx` with
//! `LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY` over the whole file on Windows):
//! - The lock is on a file nobody reads or writes. On Unix it is advisory, but on Windows a
//!   locked range cannot be read through any other handle, so a lock on the journal itself
//!   would stop the window from showing a run's progress (or the CLI its status) while it is
//!   applied. A separate file keeps the data readable everywhere.
//! - The lock file is opened for reading and writing: `LockFileEx` needs a handle with
//!   `GENERIC_READ` or `GENERIC_WRITE`, and an append-only handle (`FILE_APPEND_DATA` alone,
//!   what `OpenOptions::append` gives) is refused.
//! - Two handles conflict even inside one process (`flock` locks belong to the open file
//!   description, `LockFileEx` locks to the handle), so threads are kept apart as well.
//! - The OS drops the lock when the handle closes, including when the process is killed: a
//!   lock file left behind means nothing, so it is never deleted. Deleting it would also be
//!   wrong: a process waiting on the old file could then hold "the lock" while a third one
//!   creates and locks a new file under the same name.
//!
//! std's `File::try_lock` (stable since Rust 1.89; the workspace needs 1.90) is picked over
//! `fs4` or `fd-lock`: the same calls, maintained with std, and no new dependency.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use metadesk_clients::error::{Error, Result};

/// An exclusive lock held on a lock file until this value is dropped.
pub struct LockFile {
    // Never read: holding the open handle is what holds the lock.
    _file: File,
}

impl LockFile {
    /// Takes the lock on `path` (created if missing, with its folder), or `None` when another
    /// process or handle holds it.
    pub fn try_acquire(path: &Path) -> Result<Option<LockFile>> {
        let file = open(path)?;
        match file.try_lock() {
            Ok(()) => Ok(Some(LockFile { _file: file })),
            Err(TryLockError::WouldBlock) => Ok(None),
            Err(TryLockError::Error(e)) => Err(cannot_lock(path, e)),
        }
    }

    /// Waits up to `patience` for the lock on `path`; `None` when another holder kept it all
    /// that time. For locks held briefly (a save of the connections): waiting a little is
    /// kinder than refusing, and a bound means a stuck holder never hangs this process.
    ///
    /// The wait is the OS's blocking lock, on a thread of its own so it can be given up: a
    /// waiter blocked in the kernel is woken as soon as the lock is released, where one that
    /// polls would mostly find it taken again by a holder making change after change, and
    /// wait its whole patience. A waiter given up on closes its handle as soon as it gets the
    /// lock, releasing it.
    pub fn acquire_within(path: &Path, patience: Duration) -> Result<Option<LockFile>> {
        if let Some(lock) = Self::try_acquire(path)? {
            return Ok(Some(lock));
        }
        let file = open(path)?;
        let (got, wait) = mpsc::channel();
        std::thread::Builder::new()
            .name("metadesk-lock-wait".into())
            .spawn(move || {
                let _ = got.send(file.lock().map(|()| file));
            })
            .map_err(|e| cannot_lock(path, e))?;
        match wait.recv_timeout(patience) {
            Ok(Ok(file)) => Ok(Some(LockFile { _file: file })),
            Ok(Err(e)) => Err(cannot_lock(path, e)),
            Err(_) => Ok(None),
        }
    }
}

/// Opens (or creates) the lock file for reading and writing (see the module comment).
fn open(path: &Path) -> Result<File> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| cannot_lock(path, e))?;
    }
    OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
        .map_err(|e| cannot_lock(path, e))
}

fn cannot_lock(path: &Path, e: std::io::Error) -> Error {
    Error::io_doing(
        "io-lock",
        vec![("path", path.display().to_string().into())],
        e,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_is_refused_until_the_first_lets_go() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join("x.lock");
        let first = LockFile::try_acquire(&path).unwrap().unwrap();
        assert!(LockFile::try_acquire(&path).unwrap().is_none());
        assert!(
            LockFile::acquire_within(&path, Duration::from_millis(30))
                .unwrap()
                .is_none()
        );
        drop(first);
        // The waiter given up on above gets the lock now, and lets it go at once.
        assert!(
            LockFile::acquire_within(&path, Duration::from_secs(10))
                .unwrap()
                .is_some()
        );
        assert!(path.is_file(), "the lock file stays");
    }

    #[test]
    fn a_waiter_gets_the_lock_when_it_is_released() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.lock");
        let first = LockFile::try_acquire(&path).unwrap().unwrap();
        let releaser = std::thread::spawn(move || {
            // The release must land while the waiter waits, and waiting shows nothing to
            // await: this head start is what the test is about, not a guess at a condition.
            std::thread::sleep(Duration::from_millis(50));
            drop(first);
        });
        assert!(
            LockFile::acquire_within(&path, Duration::from_secs(10))
                .unwrap()
                .is_some()
        );
        releaser.join().unwrap();
    }
}
