//! The on-disk cache of asset thumbnails: one file per (connection, AEM, asset) in the app's
//! cache folder, at most `cap` bytes in all, the least recently used evicted first. A read
//! refreshes a file's time, so the thumbnails of the folders people work in stay. A thumbnail
//! belongs to the connection whose account read it (another account on the same AEM may not be
//! allowed to see it), and goes with it ([`ThumbnailCache::forget_connection`]).
//!
//! Not here: fetching thumbnails (`assets::renditions`) or choosing the connection (`app`). The
//! cache holds image bytes only; file names are hashes, so no path or token is written in clear.

use std::collections::HashMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::SystemTime;

use sha2::{Digest, Sha256};

use metadesk_clients::error::{Error, ErrorCode, Result};

/// The default size cap: about 5,000 thumbnails of AEM's usual size.
pub const DEFAULT_CAP_BYTES: u64 = 64 * 1024 * 1024;

/// A thumbnail cache in one folder.
pub struct ThumbnailCache {
    dir: PathBuf,
    cap: u64,
    /// What the folder holds, read from it on first use, then kept in step with it.
    index: Mutex<Index>,
}

#[derive(Default)]
struct Index {
    loaded: bool,
    files: HashMap<String, (SystemTime, u64)>,
    total: u64,
}

impl ThumbnailCache {
    pub fn new(dir: PathBuf, cap: u64) -> Self {
        ThumbnailCache {
            dir,
            cap,
            index: Mutex::new(Index::default()),
        }
    }

    /// The cache key of `asset_path` on the AEM at `aem_url` read by connection `connection_id`:
    /// `<connection>-<asset>`, both hashes. Two connections never share a file, even to one AEM
    /// (each account sees what it may); a connection pointed at another AEM gets new keys.
    pub fn key(connection_id: &str, aem_url: &str, asset_path: &str) -> String {
        let mut hash = Sha256::new();
        hash.update(aem_url.trim_end_matches('/').as_bytes());
        hash.update([0]);
        hash.update(asset_path.as_bytes());
        format!("{}-{}", owner(connection_id), hex(&hash.finalize()))
    }

    /// Removes every thumbnail connection `connection_id` read (its deletion). Blocking.
    pub fn forget_connection(&self, connection_id: &str) -> Result<()> {
        let prefix = format!("{}-", owner(connection_id));
        let mut index = self.index();
        let keys: Vec<String> = index
            .files
            .keys()
            .filter(|k| k.starts_with(&prefix))
            .cloned()
            .collect();
        for key in keys {
            match fs::remove_file(self.path_of(&key)) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => {
                    return Err(Error::message(
                        ErrorCode::Io,
                        "error-io-write",
                        vec![
                            ("file", self.dir.display().to_string().into()),
                            ("detail", e.to_string().into()),
                        ],
                    ));
                }
            }
            if let Some((_, size)) = index.files.remove(&key) {
                index.total -= size;
            }
        }
        Ok(())
    }

    /// Whether `key` is one of connection `connection_id`'s.
    pub fn is_of_connection(key: &str, connection_id: &str) -> bool {
        key.strip_prefix(&owner(connection_id))
            .is_some_and(|rest| rest.starts_with('-'))
    }

    /// The cached bytes of `key`, if any. Blocking.
    pub fn get(&self, key: &str) -> Option<Vec<u8>> {
        let path = self.path_of(key);
        let bytes = fs::read(&path).ok()?;
        let now = SystemTime::now();
        // Refreshing the time is what makes eviction "least recently used"; failing to is
        // harmless (the file is just older than it should be).
        if let Ok(file) = fs::File::options().write(true).open(&path) {
            let _ = file.set_modified(now);
        }
        let mut index = self.index();
        if let Some(entry) = index.files.get_mut(key) {
            entry.0 = now;
        }
        Some(bytes)
    }

    /// Stores `bytes` under `key`, then evicts the least recently used files until the cache
    /// is within its cap. A thumbnail larger than the whole cap is not stored. Blocking.
    pub fn put(&self, key: &str, bytes: &[u8]) -> Result<()> {
        let size = bytes.len() as u64;
        if size > self.cap {
            return Ok(());
        }
        let io = |e: std::io::Error| {
            Error::message(
                ErrorCode::Io,
                "error-io-write",
                vec![
                    ("file", self.dir.display().to_string().into()),
                    ("detail", e.to_string().into()),
                ],
            )
        };
        fs::create_dir_all(&self.dir).map_err(io)?;
        // Written aside and renamed, so a reader never sees half a file.
        let mut temp = tempfile::Builder::new()
            .prefix(".thumb-")
            .tempfile_in(&self.dir)
            .map_err(io)?;
        temp.write_all(bytes).map_err(io)?;
        temp.persist(self.path_of(key)).map_err(|e| io(e.error))?;
        let mut index = self.index();
        let now = SystemTime::now();
        if let Some((_, old)) = index.files.insert(key.to_owned(), (now, size)) {
            index.total -= old;
        }
        index.total += size;
        if index.total > self.cap {
            self.evict(&mut index);
        }
        Ok(())
    }

    /// The bytes the cache holds now.
    pub fn total_bytes(&self) -> u64 {
        self.index().total
    }

    fn evict(&self, index: &mut Index) {
        let mut by_age: Vec<(SystemTime, String, u64)> = index
            .files
            .iter()
            .map(|(k, (t, s))| (*t, k.clone(), *s))
            .collect();
        by_age.sort();
        for (_, key, size) in by_age {
            if index.total <= self.cap {
                break;
            }
            match fs::remove_file(self.path_of(&key)) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => {
                    tracing::warn!(error = %e, "a cached thumbnail could not be removed");
                    continue;
                }
            }
            index.files.remove(&key);
            index.total -= size;
        }
    }

    fn path_of(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{key}.img"))
    }

    fn index(&self) -> MutexGuard<'_, Index> {
        let mut guard = self.index.lock().unwrap_or_else(|p| p.into_inner());
        if !guard.loaded {
            *guard = read_index(&self.dir);
        }
        guard
    }
}

/// The first half of a connection's keys: 16 hex characters of a hash of its id.
fn owner(connection_id: &str) -> String {
    let mut hash = Sha256::new();
    hash.update(b"connection\0");
    hash.update(connection_id.as_bytes());
    hex(&hash.finalize()[..8])
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// What `dir` holds: the cache's own files (`<key>.img`), with their times and sizes. Files of
/// the older cache shared by every connection (a key without a `-`) belong to none, so none's
/// deletion would remove them: they are removed here.
fn read_index(dir: &Path) -> Index {
    let mut index = Index {
        loaded: true,
        ..Index::default()
    };
    let Ok(entries) = fs::read_dir(dir) else {
        return index;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(key) = name.strip_suffix(".img") else {
            continue;
        };
        if !key.contains('-') {
            let _ = fs::remove_file(entry.path());
            continue;
        }
        let Ok(meta) = entry.metadata() else { continue };
        let time = meta.modified().unwrap_or(SystemTime::UNIX_EPOCH);
        index.files.insert(key.to_owned(), (time, meta.len()));
        index.total += meta.len();
    }
    index
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn names(dir: &Path) -> Vec<String> {
        let mut n: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        n.sort();
        n
    }

    #[test]
    fn a_stored_thumbnail_is_read_back_and_survives_a_restart() {
        let tmp = tempfile::tempdir().unwrap();
        let key = ThumbnailCache::key("c1", "http://127.0.0.1:4502", "/content/dam/a.jpg");
        ThumbnailCache::new(tmp.path().into(), 1000)
            .put(&key, b"png bytes")
            .unwrap();
        let again = ThumbnailCache::new(tmp.path().into(), 1000);
        assert_eq!(again.get(&key).as_deref(), Some(&b"png bytes"[..]));
        assert_eq!(again.total_bytes(), 9);
        assert_eq!(again.get("0000"), None);
    }

    #[test]
    fn keys_differ_by_connection_aem_and_path_and_hide_all() {
        let key = |c, aem, path| ThumbnailCache::key(c, aem, path);
        let a = key("c1", "http://127.0.0.1:4502", "/content/dam/a.jpg");
        assert_eq!(a, key("c1", "http://127.0.0.1:4502/", "/content/dam/a.jpg"));
        assert_ne!(a, key("c1", "http://127.0.0.1:4503", "/content/dam/a.jpg"));
        assert_ne!(a, key("c1", "http://127.0.0.1:4502", "/content/dam/b.jpg"));
        assert_ne!(a, key("c2", "http://127.0.0.1:4502", "/content/dam/a.jpg"));
        assert!(ThumbnailCache::is_of_connection(&a, "c1"));
        assert!(!ThumbnailCache::is_of_connection(&a, "c2"));
        assert!(
            a.len() == 16 + 1 + 64 && a.chars().all(|c| c.is_ascii_hexdigit() || c == '-'),
            "{a}"
        );
    }

    /// A deleted connection's thumbnails go with it, on disk and in the size count; another
    /// connection's to the same AEM stay; the older shared files are dropped on first use.
    #[test]
    fn a_connections_thumbnails_go_with_it() {
        let tmp = tempfile::tempdir().unwrap();
        let aem = "https://author-p1-e2.adobeaemcloud.com";
        let shared_before = "ab".repeat(32);
        fs::write(tmp.path().join(format!("{shared_before}.img")), b"old").unwrap();
        let cache = ThumbnailCache::new(tmp.path().into(), 1000);
        let (gone_a, gone_b, kept) = (
            ThumbnailCache::key("c1", aem, "/content/dam/a.jpg"),
            ThumbnailCache::key("c1", aem, "/content/dam/b.jpg"),
            ThumbnailCache::key("c2", aem, "/content/dam/a.jpg"),
        );
        cache.put(&gone_a, &[1; 10]).unwrap();
        cache.put(&gone_b, &[2; 10]).unwrap();
        cache.put(&kept, &[3; 10]).unwrap();
        assert_eq!(names(tmp.path()).len(), 3, "the shared file was kept");
        cache.forget_connection("c1").unwrap();
        assert_eq!(names(tmp.path()), [format!("{kept}.img")]);
        assert_eq!(cache.total_bytes(), 10);
        assert_eq!(cache.get(&gone_a), None);
        assert!(cache.get(&kept).is_some());
        // Forgetting a connection with nothing cached (or twice) is fine.
        cache.forget_connection("c1").unwrap();
        cache.forget_connection("never-seen").unwrap();
        assert_eq!(names(tmp.path()), [format!("{kept}.img")]);
    }

    /// Returns once a file written now gets a later time than every file in `dir`: the order
    /// of uses is the order of the files' times, and the file system's clock is coarse (a few
    /// milliseconds) and on some file systems coarser still.
    fn clock_moves_past(dir: &Path) {
        let newest = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().metadata().unwrap().modified().unwrap())
            .max()
            .unwrap();
        let probe = tempfile::NamedTempFile::new_in(dir.parent().unwrap()).unwrap();
        let deadline = std::time::Instant::now() + Duration::from_secs(5);
        loop {
            fs::write(probe.path(), b"tick").unwrap();
            if probe.as_file().metadata().unwrap().modified().unwrap() > newest {
                return;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "the file system's clock did not move in 5 s"
            );
            std::thread::sleep(Duration::from_millis(1));
        }
    }

    #[test]
    fn over_the_cap_the_least_recently_used_go_first() {
        let tmp = tempfile::tempdir().unwrap();
        let cache = ThumbnailCache::new(tmp.path().into(), 30);
        let step = || clock_moves_past(tmp.path());
        cache.put("k-a", &[1; 10]).unwrap();
        step();
        cache.put("k-b", &[2; 10]).unwrap();
        step();
        cache.put("k-c", &[3; 10]).unwrap();
        step();
        // Reading "k-a" makes "k-b" the oldest.
        assert!(cache.get("k-a").is_some());
        step();
        cache.put("k-d", &[4; 10]).unwrap();
        assert_eq!(names(tmp.path()), ["k-a.img", "k-c.img", "k-d.img"]);
        assert_eq!(cache.total_bytes(), 30);
        assert_eq!(cache.get("k-b"), None);
        // A restart sees the same order from the files' times.
        step();
        let again = ThumbnailCache::new(tmp.path().into(), 30);
        again.put("k-e", &[5; 10]).unwrap();
        assert_eq!(names(tmp.path()), ["k-a.img", "k-d.img", "k-e.img"]);
    }

    #[test]
    fn a_thumbnail_larger_than_the_cap_is_not_stored_and_evicts_nothing() {
        let tmp = tempfile::tempdir().unwrap();
        let cache = ThumbnailCache::new(tmp.path().into(), 10);
        cache.put("k-a", &[1; 10]).unwrap();
        cache.put("k-big", &[2; 11]).unwrap();
        assert_eq!(names(tmp.path()), ["k-a.img"]);
    }

    #[test]
    fn replacing_a_thumbnail_counts_its_size_once() {
        let tmp = tempfile::tempdir().unwrap();
        let cache = ThumbnailCache::new(tmp.path().into(), 100);
        cache.put("k-a", &[1; 10]).unwrap();
        cache.put("k-a", &[1; 20]).unwrap();
        assert_eq!(cache.total_bytes(), 20);
    }
}
