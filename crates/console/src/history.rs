//! The console's history and saved requests, one folder per connection in the app's data
//! folder (`console/{connection id}/history.json`, `saved.json`). An entry records what was
//! sent (method, path, headers typed, body or query and variables), when, and how it went;
//! never a token (the `Authorization` header is added below this layer and refused as a
//! typed header) and never a response body, unless the person saves one with a request.
//!
//! Files are replaced atomically (write a temporary file, then rename), so a crash leaves the
//! old list or the new one. The window and the CLI may both change a connection's files: each
//! read-change-write holds the connection's `console.lock` (an OS file lock, see `lock_file`),
//! so neither loses the other's entry.

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::request::Header;
use metadesk_base::i18n::{Localizer, SavedText};
use metadesk_clients::error::{Error, ErrorCode, Result};
use metadesk_store::lock_file::LockFile;

/// How many entries a connection's history keeps (oldest dropped first).
pub const HISTORY_LIMIT: usize = 200;

/// How long a change waits for another window or command changing the same connection's files
/// (each holds the lock for one small read and write).
const LOCK_PATIENCE: Duration = Duration::from_secs(10);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum HistoryKind {
    Graphql,
    Persisted,
    SavePersisted,
    Request,
}

/// One thing sent from the console.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct HistoryEntry {
    /// When it was sent (RFC 3339).
    pub at: String,
    pub kind: HistoryKind,
    pub method: String,
    /// The path on the connection's AEM (for GraphQL, the endpoint's).
    pub path: String,
    /// The GraphQL configuration, for GraphQL kinds.
    #[serde(default)]
    pub config: Option<String>,
    /// The query text (GraphQL) or the persisted query's name.
    #[serde(default)]
    pub query: Option<String>,
    /// The variables as JSON text.
    #[serde(default)]
    pub variables: Option<String>,
    #[serde(default)]
    pub headers: Vec<Header>,
    #[serde(default)]
    pub body: Option<String>,
    #[serde(default)]
    pub form: Option<Vec<Header>>,
    /// The HTTP status, when AEM answered.
    #[serde(default)]
    pub status: Option<u16>,
    #[serde(default)]
    #[ts(type = "number | null")]
    pub millis: Option<u64>,
    /// How it went, in a few words ("200", "2 GraphQL errors", "failed: …"): kept as a
    /// catalogue id with its arguments and worded in the reader's language when shown
    /// ([`HistoryEntry::localize`]); an entry saved before that holds English text, shown as
    /// it is.
    #[ts(type = "string")]
    pub outcome: SavedText,
}

impl HistoryEntry {
    /// Words the outcome in `l`'s language (what a face does before showing the entry).
    pub fn localize(&mut self, l: &Localizer) {
        self.outcome.localize(l);
    }
}

impl SavedRequest {
    /// Words the saved entry's outcome in `l`'s language.
    pub fn localize(&mut self, l: &Localizer) {
        self.entry.localize(l);
    }
}

/// A request (or query) the person saved under a name, with the response body if they chose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SavedRequest {
    pub name: String,
    pub saved_at: String,
    pub entry: HistoryEntry,
    #[serde(default)]
    pub response: Option<String>,
}

/// The console files of every connection under one data folder.
#[derive(Debug, Clone)]
pub struct ConsoleFiles {
    root: PathBuf,
}

impl ConsoleFiles {
    /// Under the app's data folder.
    pub fn new(data_dir: &Path) -> Self {
        ConsoleFiles {
            root: data_dir.join("console"),
        }
    }

    fn folder(&self, connection_id: &str) -> Result<PathBuf> {
        // Connection ids are generated hex; anything else must not become a path.
        super::check_segment(connection_id, "connection-id")?;
        Ok(self.root.join(connection_id))
    }

    /// Holds `folder`'s lock for one read-change-write.
    fn changing(folder: &Path) -> Result<LockFile> {
        LockFile::acquire_within(&folder.join("console.lock"), LOCK_PATIENCE)?
            .ok_or_else(|| Error::message(ErrorCode::InvalidInput, "error-console-busy", vec![]))
    }

    /// The history, newest first.
    pub fn history(&self, connection_id: &str) -> Result<Vec<HistoryEntry>> {
        let mut list: Vec<HistoryEntry> =
            read_list(&self.folder(connection_id)?.join("history.json"))?;
        list.reverse();
        Ok(list)
    }

    /// Adds `entry` (secret-looking values masked: [`masked`]), keeping the last
    /// [`HISTORY_LIMIT`].
    pub fn append(&self, connection_id: &str, entry: HistoryEntry) -> Result<()> {
        let entry = masked(entry);
        let folder = self.folder(connection_id)?;
        let _changing = Self::changing(&folder)?;
        let file = folder.join("history.json");
        let mut list: Vec<HistoryEntry> = read_list(&file)?;
        list.push(entry);
        let excess = list.len().saturating_sub(HISTORY_LIMIT);
        list.drain(..excess);
        write_list(&file, &list)
    }

    /// Forgets the history (saved requests stay).
    pub fn clear_history(&self, connection_id: &str) -> Result<()> {
        let folder = self.folder(connection_id)?;
        let _changing = Self::changing(&folder)?;
        write_list::<HistoryEntry>(&folder.join("history.json"), &[])
    }

    /// Saved requests, by name.
    pub fn saved(&self, connection_id: &str) -> Result<Vec<SavedRequest>> {
        let mut list: Vec<SavedRequest> =
            read_list(&self.folder(connection_id)?.join("saved.json"))?;
        list.sort_by_key(|a| a.name.to_lowercase());
        Ok(list)
    }

    /// Saves (or replaces, by name) a request (secret-looking values masked: [`masked`]).
    pub fn save(&self, connection_id: &str, mut saved: SavedRequest) -> Result<()> {
        saved.entry = masked(saved.entry);
        if saved.name.trim().is_empty() {
            return Err(Error::message(
                ErrorCode::InvalidInput,
                "error-console-saved-needs-name",
                vec![],
            ));
        }
        let folder = self.folder(connection_id)?;
        let _changing = Self::changing(&folder)?;
        let file = folder.join("saved.json");
        let mut list: Vec<SavedRequest> = read_list(&file)?;
        list.retain(|s| s.name != saved.name);
        list.push(saved);
        write_list(&file, &list)
    }

    /// Forgets everything of connection `id`: its history, saved requests and lock (when the
    /// connection is deleted). Nothing there is not an error.
    pub fn forget_connection(&self, connection_id: &str) -> Result<()> {
        let folder = self.folder(connection_id)?;
        match std::fs::remove_dir_all(&folder) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(Error::message(
                ErrorCode::Io,
                "error-io-write",
                vec![
                    ("file", folder.display().to_string().into()),
                    ("detail", e.to_string().into()),
                ],
            )),
        }
    }

    /// Deletes a saved request; false when there was none of that name.
    pub fn delete_saved(&self, connection_id: &str, name: &str) -> Result<bool> {
        let folder = self.folder(connection_id)?;
        let _changing = Self::changing(&folder)?;
        let file = folder.join("saved.json");
        let mut list: Vec<SavedRequest> = read_list(&file)?;
        let before = list.len();
        list.retain(|s| s.name != name);
        if list.len() == before {
            return Ok(false);
        }
        write_list(&file, &list)?;
        Ok(true)
    }
}

/// What a masked value is stored as.
pub const MASKED: &str = "••••";

/// Whether a header or form field named `name` carries a secret: a password, a token, a key,
/// a cookie or a session, an `Authorization`-like header. The value is kept as [`MASKED`].
pub fn looks_secret(name: &str) -> bool {
    let lower = name.to_lowercase();
    let within = [
        "password",
        "passwd",
        "secret",
        "token",
        "authorization",
        "cookie",
        "credential",
        "apikey",
        "privatekey",
        "accesskey",
        "signature",
    ];
    let words = ["key", "pwd", "pass", "auth", "session", "sessionid", "sig"];
    within.iter().any(|w| lower.contains(w))
        || lower
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|word| words.contains(&word))
}

/// `entry` with the values of its secret-looking headers and form fields masked: what is
/// typed into a user-admin form or a custom token header is not kept on disk.
pub fn masked(mut entry: HistoryEntry) -> HistoryEntry {
    let mask = |fields: &mut Vec<Header>| {
        for field in fields.iter_mut() {
            if looks_secret(&field.name) && !field.value.is_empty() {
                field.value = MASKED.to_owned();
            }
        }
    };
    mask(&mut entry.headers);
    if let Some(form) = &mut entry.form {
        mask(form);
    }
    entry
}

fn read_list<T: for<'de> Deserialize<'de>>(file: &Path) -> Result<Vec<T>> {
    match std::fs::read(file) {
        Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| {
            tracing::warn!(file = %file.display(), error = %e, "unreadable console file");
            Error::message(
                ErrorCode::InvalidInput,
                "error-file-damaged",
                vec![
                    ("file", file.display().to_string().into()),
                    ("detail", e.to_string().into()),
                ],
            )
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(Error::message(
            ErrorCode::Io,
            "error-io-read",
            vec![
                ("file", file.display().to_string().into()),
                ("detail", e.to_string().into()),
            ],
        )),
    }
}

fn write_list<T: Serialize>(file: &Path, list: &[T]) -> Result<()> {
    metadesk_store::dirs::write_json_file(file, &list, "a console file")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(n: usize) -> HistoryEntry {
        HistoryEntry {
            at: format!("2026-01-01T00:00:{:02}Z", n % 60),
            kind: HistoryKind::Request,
            method: "GET".into(),
            path: format!("/x/{n}"),
            config: None,
            query: None,
            variables: None,
            headers: vec![],
            body: None,
            form: None,
            status: Some(200),
            millis: Some(1),
            outcome: SavedText::Plain("200".into()),
        }
    }

    /// The window and a CLI command appending at once (threads here, each with its own
    /// handle on the lock as two processes have) lose no entry.
    #[test]
    fn appends_at_the_same_time_lose_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let writers: Vec<_> = (0..4)
            .map(|w| {
                let files = ConsoleFiles::new(dir.path());
                std::thread::spawn(move || {
                    for n in 0..25 {
                        files.append("abc", entry(w * 100 + n)).unwrap();
                    }
                })
            })
            .collect();
        for w in writers {
            w.join().unwrap();
        }
        let history = ConsoleFiles::new(dir.path()).history("abc").unwrap();
        assert_eq!(history.len(), 100);
    }

    #[test]
    fn history_keeps_the_last_entries_newest_first_and_saved_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let files = ConsoleFiles::new(dir.path());
        assert!(files.history("abc").unwrap().is_empty());
        for n in 0..HISTORY_LIMIT + 5 {
            files.append("abc", entry(n)).unwrap();
        }
        let h = files.history("abc").unwrap();
        assert_eq!(h.len(), HISTORY_LIMIT);
        assert_eq!(h[0].path, format!("/x/{}", HISTORY_LIMIT + 4));
        assert!(files.history("other").unwrap().is_empty());
        assert!(files.history("../abc").is_err());

        let saved = |name: &str| SavedRequest {
            name: name.into(),
            saved_at: "2026-01-01T00:00:00Z".into(),
            entry: entry(1),
            response: None,
        };
        files.save("abc", saved("b")).unwrap();
        files.save("abc", saved("A")).unwrap();
        files.save("abc", saved("b")).unwrap();
        let names: Vec<String> = files
            .saved("abc")
            .unwrap()
            .into_iter()
            .map(|s| s.name)
            .collect();
        assert_eq!(names, ["A", "b"]);
        assert!(files.delete_saved("abc", "A").unwrap());
        assert!(!files.delete_saved("abc", "A").unwrap());
        assert!(files.save("abc", saved(" ")).is_err());

        std::fs::write(dir.path().join("console/abc/history.json"), "not json").unwrap();
        let e = files.history("abc").unwrap_err().to_string();
        assert!(e.contains("could not be read"), "{e}");
    }

    /// Without the mask, the password typed into a user-admin form and the custom token
    /// header were kept in history.json and saved.json as typed.
    #[test]
    fn secret_looking_fields_and_headers_are_stored_masked() {
        let dir = tempfile::tempdir().unwrap();
        let files = ConsoleFiles::new(dir.path());
        let header = |name: &str, value: &str| Header {
            name: name.into(),
            value: value.into(),
        };
        let mut sent = entry(1);
        sent.method = "POST".into();
        sent.headers = vec![
            header("X-Custom-Token", "tok-123"),
            header("x-api-key", "key-456"),
            header("Accept", "application/json"),
        ];
        sent.form = Some(vec![
            header("rep:password", "hunter2"),
            header("j_password", "hunter3"),
            header("dc:keywords", "kept"),
            header("givenName", "Ada"),
        ]);
        files.append("abc", sent.clone()).unwrap();
        files
            .save(
                "abc",
                SavedRequest {
                    name: "new user".into(),
                    saved_at: "2026-01-01T00:00:00Z".into(),
                    entry: sent,
                    response: None,
                },
            )
            .unwrap();
        for file in ["history.json", "saved.json"] {
            let text = std::fs::read_to_string(dir.path().join("console/abc").join(file)).unwrap();
            for secret in ["tok-123", "key-456", "hunter2", "hunter3"] {
                assert!(!text.contains(secret), "{file} keeps {secret}: {text}");
            }
            for kept in ["application/json", "kept", "Ada"] {
                assert!(text.contains(kept), "{file} lost {kept}: {text}");
            }
        }
        let kept = &files.history("abc").unwrap()[0];
        assert_eq!(kept.headers[0].value, MASKED);
        assert_eq!(kept.form.as_ref().unwrap()[0].value, MASKED);
    }

    #[test]
    fn names_that_look_secret() {
        for name in [
            "Authorization",
            "Proxy-Authorization",
            "Cookie",
            "X-Api-Key",
            "client_secret",
            "access_token",
            "rep:password",
            "pwd",
            "X-Auth",
        ] {
            assert!(looks_secret(name), "{name}");
        }
        for name in ["dc:keywords", "dc:title", "Accept", "keyword", "author"] {
            assert!(!looks_secret(name), "{name}");
        }
    }

    #[test]
    fn a_connection_s_console_files_go_with_it() {
        let dir = tempfile::tempdir().unwrap();
        let files = ConsoleFiles::new(dir.path());
        files.append("abc", entry(1)).unwrap();
        files.append("other", entry(2)).unwrap();
        files.forget_connection("abc").unwrap();
        assert!(!dir.path().join("console/abc").exists());
        assert!(files.history("abc").unwrap().is_empty());
        assert_eq!(files.history("other").unwrap().len(), 1);
        files.forget_connection("never-used").unwrap();
    }
}
