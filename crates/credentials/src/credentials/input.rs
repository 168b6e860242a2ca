//! Reading a dropped file and turning its bytes into a JSON object, with a plain-words refusal
//! for everything that is not one: folders, pipes and devices, huge files, binary files, UTF-16
//! text, broken JSON, JSON lists, absurdly deep nesting.
//!
//! Not here: what the JSON object means (see `detect` and the per-kind modules).

use std::path::Path;

use serde_json::{Map, Value};

use super::Refusal;
use crate::regular_file::{FileRefusal, read_regular_file};

/// Credential files are a few kilobytes; anything above this is not one.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// Real credential files nest four levels at most; this leaves room and still stops input
/// built to exhaust the parser.
const MAX_DEPTH: usize = 32;

/// Reads a credential file, refusing folders, missing files, anything that is not a regular
/// file (a pipe, a device such as `/dev/zero`, a socket — or a link to one) and files over
/// 1 MiB, without waiting on them or reading more than the limit
/// ([`crate::regular_file`]). The bytes then go to [`super::inspect`].
pub fn read_credential_file(path: &Path) -> Result<Vec<u8>, Refusal> {
    read_regular_file(path, MAX_FILE_BYTES).map_err(|refusal| match refusal {
        FileRefusal::Folder => Refusal::new("refusal-folder", Vec::new()),
        FileRefusal::NotRegular => Refusal::new("refusal-not-regular", Vec::new()),
        FileRefusal::TooLarge { size } => too_large(size),
        FileRefusal::Io(e) => unreadable(path, &e),
    })
}

fn unreadable(path: &Path, e: &std::io::Error) -> Refusal {
    tracing::info!(path = %path.display(), error = %e, "credential file unreadable");
    match e.kind() {
        std::io::ErrorKind::NotFound => Refusal::new("refusal-missing-file", Vec::new()),
        std::io::ErrorKind::PermissionDenied => Refusal::new("refusal-not-allowed", Vec::new()),
        _ => Refusal::new("refusal-unreadable", vec![("detail", e.to_string().into())]),
    }
}

fn too_large(bytes: u64) -> Refusal {
    let megabytes = (bytes as f64 / (1024.0 * 1024.0) * 10.0).round() / 10.0;
    Refusal::new("refusal-too-large", vec![("size", megabytes.into())])
}

/// Decodes the bytes as UTF-8 JSON and returns the top-level object.
pub fn parse_object(bytes: &[u8]) -> Result<Map<String, Value>, Refusal> {
    let text = decode_text(bytes)?;
    if nesting_depth(text) > MAX_DEPTH {
        return Err(Refusal::new("refusal-too-deep", Vec::new()));
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        Refusal::new(
            "refusal-not-json",
            vec![
                ("line", (e.line() as f64).into()),
                ("column", (e.column() as f64).into()),
            ],
        )
    })?;
    match value {
        Value::Object(map) => Ok(map),
        Value::Array(_) => Err(Refusal::new("refusal-json-list", Vec::new())),
        _ => Err(Refusal::new("refusal-json-value", Vec::new())),
    }
}

fn decode_text(bytes: &[u8]) -> Result<&str, Refusal> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Refusal::new("refusal-empty", Vec::new()));
    }
    // UTF-16 is what some Windows editors save as "Unicode": a byte-order mark, or text with a
    // zero byte next to every ASCII character.
    let utf16_bom = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    let utf16_pattern = bytes.len() >= 4 && (bytes[1] == 0 && bytes[3] == 0)
        || bytes.len() >= 4 && (bytes[0] == 0 && bytes[2] == 0);
    if utf16_bom || utf16_pattern {
        return Err(Refusal::new("refusal-utf16", Vec::new()));
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    if bytes.contains(&0) {
        return Err(binary());
    }
    std::str::from_utf8(bytes).map_err(|_| binary())
}

fn binary() -> Refusal {
    Refusal::new("refusal-binary", Vec::new())
}

/// The deepest `[`/`{` nesting outside strings. A quick scan, run before the real parser.
fn nesting_depth(text: &str) -> usize {
    let (mut depth, mut max, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    for byte in text.bytes() {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                max = max.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refusal(bytes: &[u8]) -> String {
        parse_object(bytes).unwrap_err().to_string()
    }

    #[test]
    fn accepts_an_object_with_or_without_a_bom() {
        assert!(parse_object(br#"{"a": 1}"#).is_ok());
        assert!(parse_object(b"\xEF\xBB\xBF{\"a\": 1}").is_ok());
    }

    #[test]
    fn refuses_every_kind_of_non_credential_bytes() {
        assert!(refusal(b"").contains("empty"));
        assert!(refusal(b"  \n").contains("empty"));
        assert!(refusal(b"\xFF\xFE{\0\"\0").contains("UTF-16"));
        assert!(refusal(b"{\0\"\0a\0\"\0").contains("UTF-16"));
        assert!(refusal(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").contains("not a text file"));
        assert!(refusal(b"{\"a\": \"\xC3\x28\"}").contains("not a text file"));
        assert!(refusal(b"{\"a\": ").contains("not valid JSON"));
        assert!(refusal(b"[{\"a\": 1}]").contains("list"));
        assert!(refusal(b"42").contains("single JSON value"));
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert!(refusal(deep.as_bytes()).contains("nested"));
        let big = vec![b' '; (MAX_FILE_BYTES + 1) as usize];
        assert!(refusal(&big).contains("too large"));
    }

    #[test]
    fn brackets_inside_strings_do_not_count_as_nesting() {
        let text = format!("{{\"a\": \"{}\\\"\"}}", "[".repeat(100));
        assert_eq!(nesting_depth(&text), 1);
        assert!(parse_object(text.as_bytes()).is_ok());
    }

    #[test]
    fn reading_refuses_folders_missing_and_huge_files() {
        let dir = tempfile::tempdir().unwrap();
        assert!(
            read_credential_file(dir.path())
                .unwrap_err()
                .to_string()
                .contains("folder")
        );
        let missing = dir.path().join("nope.json");
        assert!(
            read_credential_file(&missing)
                .unwrap_err()
                .to_string()
                .contains("does not exist")
        );
        let huge = dir.path().join("huge.json");
        let file = std::fs::File::create(&huge).unwrap();
        file.set_len(MAX_FILE_BYTES + 1).unwrap();
        assert!(
            read_credential_file(&huge)
                .unwrap_err()
                .to_string()
                .contains("too large")
        );
        let ok = dir.path().join("ok.json");
        std::fs::write(&ok, b"{}").unwrap();
        assert_eq!(read_credential_file(&ok).unwrap(), b"{}");
        #[cfg(unix)]
        {
            let link = dir.path().join("link.json");
            std::os::unix::fs::symlink(&ok, &link).unwrap();
            assert_eq!(read_credential_file(&link).unwrap(), b"{}");
        }
    }

    /// Runs `read_credential_file` on another thread: a read that waits forever fails the
    /// test instead of hanging it.
    #[cfg(unix)]
    fn read_within_seconds(path: &Path) -> Result<Vec<u8>, Refusal> {
        let (tx, rx) = std::sync::mpsc::channel();
        let owned = path.to_owned();
        std::thread::spawn(move || {
            let _ = tx.send(read_credential_file(&owned));
        });
        rx.recv_timeout(std::time::Duration::from_secs(5))
            .unwrap_or_else(|_| panic!("reading {} did not return", path.display()))
    }

    #[cfg(unix)]
    #[test]
    fn pipes_devices_and_links_to_them_are_refused_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("credential.json");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        let to_fifo = dir.path().join("to-fifo.json");
        std::os::unix::fs::symlink(&fifo, &to_fifo).unwrap();
        let to_zero = dir.path().join("to-zero.json");
        std::os::unix::fs::symlink("/dev/zero", &to_zero).unwrap();
        // The pipes first: without the check they hang (and fail here) before /dev/zero
        // could fill the memory.
        for path in [
            fifo.as_path(),
            to_fifo.as_path(),
            Path::new("/dev/zero"),
            to_zero.as_path(),
        ] {
            let err = read_within_seconds(path).unwrap_err().to_string();
            assert!(
                err.contains("not a regular file"),
                "{}: {err}",
                path.display()
            );
        }
    }
}
