//! The connections file, `connections.json` in the app's config folder:
//! `{"version": 1, "connections": [...]}`, written atomically (temporary file in the same
//! folder, fsync, rename) so a crash never leaves half a file. A file written by a newer
//! Metadesk is refused, never overwritten. It also records the imports that have started writing
//! the keychain ([`Contents::unfinished`]).
//!
//! Not here: secrets (the keychain has them) or the rules of what may change (`store`).

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::model::Connection;
use metadesk_clients::error::{Error, ErrorCode, Result};

pub const FILE_NAME: &str = "connections.json";
pub const VERSION: u64 = 1;

/// What the file holds.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Contents {
    pub connections: Vec<Connection>,
    /// Ids of new connections whose import is writing their keychain entries: saved before the
    /// first entry is written, and dropped by the save that adds the connection. An id here
    /// that no connection has is an import that was killed half way, whose entries nothing
    /// names. The keychain cannot be listed on every OS (keyring has no search), so this
    /// record is how they are found and removed later (`ConnectionStore`). Absent when empty,
    /// so files without one read as before; an older Metadesk drops it when it saves, which
    /// can only leave entries behind, never remove one in use.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unfinished: Vec<String>,
}

/// Reads the connections; a missing file means none yet.
pub fn load(path: &Path) -> Result<Contents> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Contents::default()),
        Err(e) => {
            return Err(Error::io_doing(
                "io-read",
                vec![("path", path.display().to_string().into())],
                e,
            ));
        }
    };
    let unreadable = |detail: String| {
        tracing::error!(path = %path.display(), %detail, "connections file unreadable");
        Error::message(
            ErrorCode::InvalidInput,
            "error-connections-damaged",
            vec![
                ("path", path.display().to_string().into()),
                ("detail", detail.into()),
            ],
        )
    };
    let value: Value = serde_json::from_str(&text).map_err(|e| unreadable(e.to_string()))?;
    let version = value.get("version").and_then(Value::as_u64).unwrap_or(0);
    if version > VERSION {
        return Err(Error::message(
            ErrorCode::InvalidInput,
            "error-connections-newer",
            vec![
                ("path", path.display().to_string().into()),
                ("version", version.to_string().into()),
            ],
        ));
    }
    if version == 0 {
        tracing::error!(path = %path.display(), "connections file without a format version");
        return Err(Error::message(
            ErrorCode::InvalidInput,
            "error-connections-no-version",
            vec![("path", path.display().to_string().into())],
        ));
    }
    // `version` is checked above; the rest is the contents.
    serde_json::from_value(value).map_err(|e| unreadable(e.to_string()))
}

/// Replaces the file with `contents`, atomically.
pub fn save(path: &Path, contents: &Contents) -> Result<()> {
    let dir = path
        .parent()
        .ok_or_else(|| Error::Internal("config path has no folder".into()))?;
    std::fs::create_dir_all(dir).map_err(|e| {
        Error::io_doing(
            "io-create-folder",
            vec![("path", dir.display().to_string().into())],
            e,
        )
    })?;
    #[derive(Serialize)]
    struct Body<'a> {
        version: u64,
        #[serde(flatten)]
        contents: &'a Contents,
    }
    let body = Body {
        version: VERSION,
        contents,
    };
    let mut text = serde_json::to_vec_pretty(&body)
        .map_err(|e| Error::Internal(format!("connections could not be encoded: {e}")))?;
    text.push(b'\n');
    let temp = temp_path(path);
    let written = (|| -> std::io::Result<()> {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(&text)?;
        file.sync_all()?;
        std::fs::rename(&temp, path)?;
        // Make the rename itself durable; not possible (nor needed) on Windows.
        #[cfg(unix)]
        std::fs::File::open(dir)?.sync_all()?;
        Ok(())
    })();
    written.map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        Error::io_doing(
            "io-save-connections",
            vec![("path", path.display().to_string().into())],
            e,
        )
    })
}

/// `.connections.json.<pid>.tmp` next to the file: same folder so the rename is atomic, the
/// process id so the app and the CLI never write the same temporary file.
pub(crate) fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_file_means_no_connections() {
        let dir = tempfile::tempdir().unwrap();
        assert!(
            load(&dir.path().join(FILE_NAME))
                .unwrap()
                .connections
                .is_empty()
        );
    }

    #[test]
    fn save_then_load_round_trips_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join(FILE_NAME);
        save(&path, &Contents::default()).unwrap();
        assert!(load(&path).unwrap().connections.is_empty());
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("\"version\": 1"), "{text}");
        assert!(!text.contains("unfinished"), "{text}");
        let contents = Contents {
            connections: Vec::new(),
            unfinished: vec!["0123456789ab".into()],
        };
        save(&path, &contents).unwrap();
        assert_eq!(load(&path).unwrap().unfinished, contents.unfinished);
        assert_eq!(
            std::fs::read_dir(path.parent().unwrap()).unwrap().count(),
            1
        );
    }

    #[test]
    fn a_newer_file_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        let newer = r#"{"version": 2, "connections": [], "somethingNew": true}"#;
        std::fs::write(&path, newer).unwrap();
        let err = load(&path).unwrap_err().to_string();
        assert!(err.contains("newer version of Metadesk"), "{err}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), newer);
    }

    #[test]
    fn a_damaged_file_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        std::fs::write(&path, "{not json").unwrap();
        assert!(load(&path).unwrap_err().to_string().contains("damaged"));
        std::fs::write(&path, r#"{"connections": []}"#).unwrap();
        assert!(
            load(&path)
                .unwrap_err()
                .to_string()
                .contains("no format version")
        );
    }
}
