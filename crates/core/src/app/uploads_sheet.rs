//! An upload's metadata from a sheet: a `File` column (the path below the dropped folder, or a
//! file's own name) and one column per property (`dc:title`), `|` between the values of a list.
//! What the preview says before anything is sent: rows for files that are not in the upload,
//! values the target folder's schema refuses (both stop the upload: nothing is sent), and files
//! without a row (sent without metadata). Pure: the cells come read (the sheet import's reader).
//!
//! Not here: reading the file (`metadesk_sheets::workbook_rows`), writing the values once each
//! asset is processed (`bulk::engine::upload`).

use std::collections::BTreeMap;

use metadesk_assets::schema::Schema;
use metadesk_base::i18n::{SavedText, Text};
use metadesk_bulk::spec::{schema_refusal, validate_property};
use metadesk_bulk::upload_plan::UploadPlan;
use metadesk_sheets::split_values;
use serde_json::Value;

/// Each file's values by AEM path, then property.
pub type FileMetadata = BTreeMap<String, BTreeMap<String, Vec<String>>>;

/// What the sheet gives the upload, and what the preview says of it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SheetMetadata {
    pub by_file: FileMetadata,
    /// Rows naming a file not in the upload, and values the schema refuses: nothing is sent.
    pub errors: Vec<SavedText>,
    /// Files sent without a row.
    pub without_row: Vec<String>,
}

/// The header of the column that names the file, in the languages of the sheets.
const FILE_HEADERS: &[&str] = &["file", "fichier"];

/// Reads `rows` (the header first) of sheet `file_name` against `plan`; `Err` when its
/// header is not one this reads (no `File` column, a column that names no property).
pub fn metadata_of(
    file_name: &str,
    rows: &[Vec<String>],
    plan: &UploadPlan,
    schema: Option<&Schema>,
) -> Result<SheetMetadata, Text> {
    let header = rows.first().cloned().unwrap_or_default();
    let bad = |id: &'static str, header: &str| {
        Text::new(
            id,
            vec![("file", file_name.into()), ("header", header.into())],
        )
    };
    let file_column = header
        .iter()
        .position(|h| FILE_HEADERS.contains(&h.trim().to_lowercase().as_str()))
        .ok_or_else(|| bad("upload-sheet-no-file-column", ""))?;
    let mut columns = Vec::new();
    for (i, h) in header.iter().enumerate() {
        if i == file_column || h.trim().is_empty() {
            continue;
        }
        let property = validate_property(h).map_err(|_| bad("upload-sheet-bad-column", h))?;
        columns.push((i, property));
    }
    let sent: Vec<&str> = plan
        .rows
        .iter()
        .filter(|r| r.sends())
        .map(|r| r.aem_path.as_str())
        .collect();
    let mut out = SheetMetadata::default();
    for (n, row) in rows.iter().enumerate().skip(1) {
        let cell = |i: usize| row.get(i).map(|c| c.trim()).unwrap_or_default();
        let named = cell(file_column).replace('\\', "/");
        if named.is_empty() {
            continue;
        }
        let path = format!("{}/{}", plan.folder, named.trim_start_matches('/'));
        let in_plan = plan.rows.iter().any(|r| r.aem_path == path);
        if !in_plan {
            out.errors.push(SavedText::new(
                "upload-sheet-no-such-file",
                [("row", (n + 1).into()), ("file", named.into())],
            ));
            continue;
        }
        let mut values = BTreeMap::new();
        for (i, property) in &columns {
            let texts = split_values(cell(*i));
            if texts.is_empty() {
                continue;
            }
            let field = schema.and_then(|s| s.field(property));
            let value = Value::Array(texts.iter().map(|t| Value::from(t.as_str())).collect());
            if let Some(why) = field.and_then(|f| schema_refusal(f, Some(&value))) {
                out.errors.push(SavedText::new(
                    "upload-sheet-refused-value",
                    [
                        ("row", (n + 1).into()),
                        ("property", property.as_str().into()),
                        ("detail", why.into_arg()),
                    ],
                ));
                continue;
            }
            values.insert(property.clone(), texts);
        }
        if sent.contains(&path.as_str()) && !values.is_empty() {
            out.by_file.insert(path, values);
        }
    }
    out.without_row = sent
        .iter()
        .filter(|p| !out.by_file.contains_key(**p))
        .map(|p| (*p).to_owned())
        .collect();
    Ok(out)
}
