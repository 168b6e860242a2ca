//! What the engine remembers per connection about how its AEM takes writes: whether it refused
//! batch writes (a Sling POST of many assets), so the next runs write per asset from the start
//! instead of finding out again. One small JSON file beside the run journals
//! (`{runs}/write-paths.json`: connection key → status and date); a fact older than
//! [`REMEMBER_FOR`] is tried again, as an administrator may have opened the path since. A leaf:
//! it imports nothing else of this crate.
//!
//! Not here: deciding to fall back (the engine's `batched.rs`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// How long a refusal is remembered.
pub const REMEMBER_FOR: Duration = Duration::from_secs(30 * 24 * 3600);

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Refused {
    status: u16,
    /// RFC 3339.
    at: String,
}

fn file(runs_dir: &Path) -> PathBuf {
    runs_dir.join("write-paths.json")
}

fn load(runs_dir: &Path) -> BTreeMap<String, Refused> {
    std::fs::read(file(runs_dir))
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default()
}

/// The status AEM refused batch writes with for the connection `key`, if that is remembered
/// and recent.
pub fn batch_refused(runs_dir: &Path, key: &str) -> Option<u16> {
    let refused = load(runs_dir).remove(key)?;
    let at = metadesk_base::timefmt::parse_rfc3339(&refused.at)?;
    let age = OffsetDateTime::now_utc() - at;
    (age < REMEMBER_FOR).then_some(refused.status)
}

/// Remembers that AEM refused batch writes for the connection `key` (written whole, then
/// renamed over the old file, so a crash leaves one or the other).
pub fn remember_batch_refused(runs_dir: &Path, key: &str, status: u16, at: &str) {
    let mut all = load(runs_dir);
    all.insert(
        key.to_owned(),
        Refused {
            status,
            at: at.to_owned(),
        },
    );
    let path = file(runs_dir);
    let tmp = path.with_extension("json.tmp");
    let written = serde_json::to_vec_pretty(&all)
        .map_err(std::io::Error::other)
        .and_then(|bytes| std::fs::write(&tmp, bytes))
        .and_then(|()| std::fs::rename(&tmp, &path));
    if let Err(e) = written {
        tracing::warn!(path = %path.display(), error = %e, "could not remember that AEM refuses batch writes");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refusal_is_remembered_per_connection_for_a_while() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(batch_refused(dir.path(), "c1"), None);
        let now = metadesk_base::timefmt::now_rfc3339();
        remember_batch_refused(dir.path(), "c1", 405, &now);
        assert_eq!(batch_refused(dir.path(), "c1"), Some(405));
        assert_eq!(batch_refused(dir.path(), "c2"), None);
        remember_batch_refused(dir.path(), "c2", 403, "2020-01-01T00:00:00Z");
        assert_eq!(
            batch_refused(dir.path(), "c2"),
            None,
            "too old: tried again"
        );
        assert_eq!(batch_refused(dir.path(), "c1"), Some(405));
    }
}
