//! A list of assets kept in a file (`.txt`, a one-column `.csv`, or the first column of a
//! workbook) that the user dropped on Bulk edit's list or chose in the open dialog: read in the
//! core, its entries handed to the window's list as if pasted (the count then resolves each, with
//! its reason). The file is held like a sheet (`sheet_files`): the page never sees its path.
//!
//! Refused in words, nothing kept: a file that is not text (nor a workbook), an empty one, one
//! over [`MAX_LIST_FILE`], and one with more than one column.
//!
//! Not here: reading an entry (`bulk::searching`), resolving it against AEM.

use std::path::Path;

use serde::Serialize;
use ts_rs::TS;

use super::Workspace;
use super::sheet_files::file_name_of;
use super::user_files::read_user_file;
use metadesk_base::error_code::ErrorCode;
use metadesk_bulk::searching::entries_from_text;
use metadesk_clients::error::{Error, MessageArg, Result};

/// Largest list file read (5 MB: some 50,000 links, the size of the largest scope).
pub const MAX_LIST_FILE: u64 = 5 * 1024 * 1024;

/// Endings of files read as lists (besides the sheets', whose first column is the list).
pub const LIST_EXTENSIONS: &[&str] = &["txt", "csv", "xlsx", "xls", "ods"];

/// Whether `file_name` is a text list (`.txt`): held for Bulk edit's list when dropped, never
/// taken for a credential.
pub fn is_text_list_file_name(file_name: &str) -> bool {
    file_name.to_lowercase().ends_with(".txt")
}

/// A list file's entries, as the window's list shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ListFile {
    pub file_name: String,
    pub entries: Vec<String>,
}

fn refused(id: &'static str, file: &str, extra: Vec<(&'static str, MessageArg)>) -> Error {
    let mut args = vec![("file", MessageArg::from(file))];
    args.extend(extra);
    Error::message(ErrorCode::InvalidInput, id, args)
}

/// The entries of a list file's bytes (`file_name` says which kind it is).
pub fn list_file_entries(file_name: &str, bytes: &[u8]) -> Result<Vec<String>> {
    if bytes.len() as u64 > MAX_LIST_FILE {
        return Err(too_large(file_name, bytes.len() as u64));
    }
    let workbook = bytes.starts_with(b"PK\x03\x04")
        || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    let rows: Vec<Vec<String>> = if workbook {
        // The sheet reader's message names the file and says what is wrong with it.
        metadesk_sheets::workbook_rows(file_name, bytes).map_err(|message| Error::Message {
            code: ErrorCode::InvalidInput,
            message,
        })?
    } else {
        let text = decode(bytes).ok_or_else(|| refused("list-file-not-text", file_name, vec![]))?;
        if !file_name.to_lowercase().ends_with(".csv") {
            return non_empty(file_name, entries_from_text(&text)?);
        }
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut rows = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|e| {
                refused(
                    "list-file-unreadable",
                    file_name,
                    vec![("detail", e.to_string().into())],
                )
            })?;
            rows.push(record.iter().map(str::to_owned).collect());
        }
        rows
    };
    // One column: a row with a second cell filled is not a list (which column would it be?).
    for (i, row) in rows.iter().enumerate() {
        let filled = row.iter().filter(|c| !c.trim().is_empty()).count();
        if filled > 1 {
            return Err(refused(
                "list-file-columns",
                file_name,
                vec![
                    ("line", MessageArg::Number((i + 1) as f64)),
                    ("columns", MessageArg::Number(filled as f64)),
                ],
            ));
        }
    }
    let firsts: Vec<String> = rows
        .into_iter()
        .filter_map(|row| row.into_iter().find(|c| !c.trim().is_empty()))
        .map(|c| {
            if c.contains([',', '"', '\n']) {
                format!("\"{}\"", c.replace('"', "\"\""))
            } else {
                c
            }
        })
        .collect();
    non_empty(file_name, entries_from_text(&firsts.join("\n"))?)
}

fn non_empty(file_name: &str, entries: Vec<String>) -> Result<Vec<String>> {
    if entries.is_empty() {
        return Err(refused("list-file-empty", file_name, vec![]));
    }
    Ok(entries)
}

/// Text as UTF-8 (a BOM dropped) or, as Excel saves "CSV" outside UTF-8, Windows-1252; `None`
/// for bytes that are no text at all (NUL bytes, or UTF-16, which lists are not saved as).
fn decode(bytes: &[u8]) -> Option<String> {
    if bytes.contains(&0) {
        return None;
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Some(text.to_owned()),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            // Control characters other than line breaks and tabs: a binary file.
            (!text
                .chars()
                .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')))
            .then(|| text.into_owned())
        }
    }
}

impl Workspace {
    /// Reads the held file `id` (dropped or chosen) as a list of assets.
    pub fn read_list_file(&self, id: &str) -> Result<ListFile> {
        let path = self
            .sheet_files
            .path(id)
            .ok_or_else(|| Error::message(ErrorCode::NotFound, "list-file-gone", vec![]))?;
        read_list_path(&path)
    }
}

/// Reads a list file from disk, refusing one over [`MAX_LIST_FILE`] before reading it, and
/// anything that is not a regular file (a pipe would hang the read, a device never end).
pub fn read_list_path(path: &Path) -> Result<ListFile> {
    let file_name = file_name_of(path);
    let bytes = read_user_file(path, MAX_LIST_FILE, too_large)?;
    let entries = list_file_entries(&file_name, &bytes)?;
    Ok(ListFile { file_name, entries })
}

fn too_large(file_name: &str, size: u64) -> Error {
    let mb = |n: u64| MessageArg::Number((n as f64 / 1_048_576.0 * 10.0).round() / 10.0);
    refused(
        "list-file-too-large",
        file_name,
        vec![("size", mb(size)), ("limit", mb(MAX_LIST_FILE))],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(name: &str, bytes: &[u8]) -> String {
        list_file_entries(name, bytes).unwrap_err().to_string()
    }

    #[test]
    fn text_csv_and_workbook_lists_are_read() {
        let text = "\u{feff}/content/dam/a.jpg\r\n\n  urn:aaid:aem:0a1b2c3d-0000-4000-8000-00000000abcd \n/content/dam/x,y.jpg\n";
        assert_eq!(
            list_file_entries("list.txt", text.as_bytes()).unwrap(),
            [
                "/content/dam/a.jpg",
                "urn:aaid:aem:0a1b2c3d-0000-4000-8000-00000000abcd",
                "/content/dam/x,y.jpg"
            ]
        );
        let csv = "path\n\"/content/dam/b, c.jpg\"\n/content/dam/d.jpg,\n";
        assert_eq!(
            list_file_entries("list.csv", csv.as_bytes()).unwrap(),
            ["/content/dam/b, c.jpg", "/content/dam/d.jpg"]
        );
        // Excel's "CSV" outside UTF-8.
        let latin = b"/content/dam/caf\xe9.jpg\n";
        assert_eq!(
            list_file_entries("l.csv", latin).unwrap(),
            ["/content/dam/café.jpg"]
        );
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write(0, 0, "Path").unwrap();
        sheet.write(1, 0, "/content/dam/e, f.jpg").unwrap();
        sheet.write(3, 0, "/content/dam/g.jpg").unwrap();
        let bytes = book.save_to_buffer().unwrap();
        assert_eq!(
            list_file_entries("list.xlsx", &bytes).unwrap(),
            ["/content/dam/e, f.jpg", "/content/dam/g.jpg"]
        );
    }

    /// Without the regular-file check, the FIFO hung the read and `/dev/zero` read until the
    /// memory ran out.
    #[cfg(unix)]
    #[test]
    fn a_list_that_is_a_pipe_or_a_device_is_refused_at_once() {
        use metadesk_credentials::regular_file::testing::{pipes_and_devices, within_seconds};
        let dir = tempfile::tempdir().unwrap();
        for path in pipes_and_devices(dir.path(), "list.txt") {
            let shown = path.display().to_string();
            let err = within_seconds(move || read_list_path(&path))
                .unwrap_err()
                .to_string();
            assert!(
                err.contains("not a regular file")
                    && (err.contains("list.txt") || err.contains("zero")),
                "{shown}: {err}"
            );
        }
    }

    /// The crafted 1.5 KB workbook is refused in words, the process still running.
    #[test]
    fn a_list_workbook_with_two_far_cells_is_refused_in_words() {
        let bytes = metadesk_sheets::testing::two_far_cells_xlsx();
        let err = err("list.xlsx", &bytes);
        assert!(
            err.contains("list.xlsx") && err.contains("16,384 columns"),
            "{err}"
        );
    }

    #[test]
    fn bad_list_files_are_refused_naming_the_problem() {
        let not_text = err("photo.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
        assert!(
            not_text.contains("photo.txt") && not_text.contains("not a text file"),
            "{not_text}"
        );
        let empty = err("list.txt", b"\n  \n");
        assert!(
            empty.contains("list.txt") && empty.contains("no entries"),
            "{empty}"
        );
        assert!(err("list.csv", b"").contains("no entries"));
        let huge = err("big.txt", &vec![b'a'; (MAX_LIST_FILE + 1) as usize]);
        assert!(huge.contains("big.txt") && huge.contains("5 MB"), "{huge}");
        let two = err(
            "two.csv",
            b"/content/dam/a.jpg\n/content/dam/b.jpg,Title B\n",
        );
        assert!(
            two.contains("two.csv") && two.contains("line 2") && two.contains("2 columns"),
            "{two}"
        );
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write(0, 0, "/content/dam/a.jpg").unwrap();
        sheet.write(0, 1, "A").unwrap();
        let bytes = book.save_to_buffer().unwrap();
        assert!(err("wide.xlsx", &bytes).contains("line 1"));
        let broken = err("broken.xlsx", b"PK\x03\x04 not really a zip");
        assert!(broken.contains("broken.xlsx"), "{broken}");
    }
}
