//! From a file's bytes to a grid of cell texts: workbooks through `calamine` (`.xlsx`,
//! `.xls`, `.ods`, whatever program saved them), text through `encoding_rs` and `csv`.
//!
//! Not here: what the cells mean (`parsing`).
//!
//! Crates: `calamine` reads every workbook format Excel and LibreOffice save, pure Rust,
//! with formulas and their cached results; `csv` handles quoting and embedded newlines as
//! Excel writes them; `encoding_rs` decodes Windows-1252 and UTF-16, the encodings Excel
//! uses for "CSV" and "Unicode text" outside UTF-8.

use std::borrow::Cow;
use std::io::Cursor;

use calamine::{Data, Reader, open_workbook_auto_from_rs};

use super::budget::{Budget, OverBudget, check_workbook};
use super::{number, said};
use metadesk_base::i18n::Text;

/// One cell as read.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct GridCell {
    /// What the cell shows (a formula's cached result).
    pub text: String,
    /// The formula, when the cell holds one.
    pub formula: Option<String>,
    /// The cell is a date the workbook stores as a number.
    pub is_date: bool,
    /// The cell shows an error (`#REF!`, `#N/A`).
    pub is_error: bool,
}

/// A sheet's cells, row by row from row 1 (rows and columns absolute, as Excel numbers them).
pub(super) struct Grid {
    pub rows: Vec<Vec<GridCell>>,
    /// What kind of file it is (`sheet-format…`).
    pub format: Text,
    /// The workbook's "About this export" sheet, as key/value rows.
    pub about: Vec<(String, String)>,
    /// Read from text (CSV): its cells may carry the `'` Metadesk's CSV export puts before
    /// text a spreadsheet would run as a formula.
    pub text_file: bool,
}

/// Why a file is not a sheet, in words.
pub(super) type NotASheet = Text;

/// `about_names`: what our "About this export" sheet is called, in each language; `budget`:
/// the most a file may ask a reader to build (a bigger one is refused before it is built).
pub(super) fn read_grid(
    file_name: &str,
    bytes: &[u8],
    about_names: &[String],
    budget: Budget,
) -> Result<Grid, NotASheet> {
    if bytes.is_empty() {
        return Err(said(
            "error-sheet-empty-file",
            vec![("file", file_name.into())],
        ));
    }
    let zip = bytes.starts_with(b"PK\x03\x04");
    let ole = bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    if zip || ole {
        return read_workbook(file_name, bytes, about_names, budget);
    }
    read_text(file_name, bytes, budget)
}

fn read_workbook(
    file_name: &str,
    bytes: &[u8],
    about_names: &[String],
    budget: Budget,
) -> Result<Grid, NotASheet> {
    let not_a_workbook = |e: &dyn std::fmt::Display| {
        tracing::info!("{file_name}: not a readable workbook: {e}");
        said(
            "error-sheet-not-a-workbook",
            vec![("file", file_name.into())],
        )
    };
    check_workbook(bytes, budget).map_err(|over| match over {
        OverBudget::Unreadable(e) => not_a_workbook(&e),
        over => over_budget(file_name, &over, budget),
    })?;
    // The budget above keeps calamine from building what it cannot hold; a panic inside it
    // on a file it misreads (a debug build's overflow check) is "not a workbook", not a crash.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        read_checked_workbook(file_name, bytes, about_names)
    }))
    .unwrap_or_else(|_| Err(not_a_workbook(&"the reader stopped on this file")))
}

fn read_checked_workbook(
    file_name: &str,
    bytes: &[u8],
    about_names: &[String],
) -> Result<Grid, NotASheet> {
    let not_a_workbook = |e: &dyn std::fmt::Display| {
        tracing::info!("{file_name}: not a readable workbook: {e}");
        said(
            "error-sheet-not-a-workbook",
            vec![("file", file_name.into())],
        )
    };
    let mut book =
        open_workbook_auto_from_rs(Cursor::new(bytes.to_vec())).map_err(|e| not_a_workbook(&e))?;
    let kind = match &book {
        calamine::Sheets::Xlsx(_) => "xlsx",
        calamine::Sheets::Xlsb(_) => "xlsb",
        calamine::Sheets::Xls(_) => "xls",
        calamine::Sheets::Ods(_) => "ods",
    };
    let format = Text::new("sheet-format", vec![("kind", kind.into())]);
    let names = book.sheet_names();
    let is_about = |name: &String| about_names.contains(name);
    let about = if let Some(about_sheet) = names.iter().find(|n| is_about(n)) {
        book.worksheet_range(about_sheet)
            .map(|range| {
                range
                    .rows()
                    .filter_map(|r| Some((text_of(r.first()?).0, text_of(r.get(1)?).0)))
                    .collect()
            })
            .unwrap_or_default()
    } else {
        Vec::new()
    };
    // The first sheet that is not our "About" sheet holds the data.
    let Some(name) = names.iter().find(|n| !is_about(n)).cloned() else {
        return Err(said(
            "error-sheet-no-worksheet",
            vec![("file", file_name.into())],
        ));
    };
    let range = book
        .worksheet_range(&name)
        .map_err(|e| not_a_workbook(&e))?;
    let formulas = book.worksheet_formula(&name).ok();
    let mut rows: Vec<Vec<GridCell>> = Vec::new();
    if let Some((row0, col0)) = range.start() {
        for (r, cells) in range.rows().enumerate() {
            let abs_row = row0 as usize + r;
            let mut out = vec![GridCell::default(); col0 as usize];
            for (c, data) in cells.iter().enumerate() {
                let abs_col = col0 + c as u32;
                let (text, is_date, is_error) = text_of(data);
                let formula = formulas
                    .as_ref()
                    .and_then(|f| f.get_value((abs_row as u32, abs_col)))
                    .filter(|f| !f.trim().is_empty())
                    .map(|f| {
                        if f.starts_with('=') {
                            f.clone()
                        } else {
                            format!("={f}")
                        }
                    });
                out.push(GridCell {
                    text,
                    formula,
                    is_date,
                    is_error,
                });
            }
            if rows.len() < abs_row {
                rows.resize(abs_row, Vec::new());
            }
            rows.push(out);
        }
    }
    Ok(Grid {
        rows,
        format,
        about,
        text_file: false,
    })
}

/// Why a file is refused before it is read, in words naming it.
fn over_budget(file_name: &str, over: &OverBudget, budget: Budget) -> Text {
    tracing::info!("{file_name}: refused before reading: {over:?}");
    let file = ("file", file_name.into());
    let limit = ("limit", number(budget.cells as f64));
    match over {
        OverBudget::Cells { rows, columns } => said(
            "error-sheet-too-many-cells",
            vec![
                file,
                ("rows", number(*rows as f64)),
                ("columns", number(*columns as f64)),
                limit,
            ],
        ),
        OverBudget::Texts => said("error-sheet-too-many-texts", vec![file, limit]),
        OverBudget::Part { .. } => said(
            "error-sheet-part-too-large",
            vec![
                file,
                ("limit", number((budget.part_bytes / (1024 * 1024)) as f64)),
            ],
        ),
        OverBudget::Binary => said("error-sheet-xlsb", vec![file]),
        OverBudget::Unreadable(_) => said("error-sheet-not-a-workbook", vec![file]),
    }
}

/// A workbook cell's shown text; (text, is a date, is an error).
fn text_of(data: &Data) -> (String, bool, bool) {
    match data {
        Data::Empty => (String::new(), false, false),
        Data::String(s) => (s.clone(), false, false),
        Data::Int(i) => (i.to_string(), false, false),
        Data::Float(f) => (number_text(*f), false, false),
        Data::Bool(b) => (b.to_string(), false, false),
        Data::DateTime(dt) => {
            let (y, mo, d, h, mi, s, ms) = dt.to_ymd_hms_milli();
            let text = if dt.is_datetime() {
                format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}.{ms:03}")
            } else {
                number_text(dt.as_f64())
            };
            (text, dt.is_datetime(), false)
        }
        Data::DateTimeIso(s) | Data::DurationIso(s) => (s.clone(), true, false),
        Data::Error(e) => (e.to_string(), false, true),
    }
}

/// A number as Excel shows it by default: whole numbers without `.0`.
fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        f.to_string()
    }
}

fn read_text(file_name: &str, bytes: &[u8], budget: Budget) -> Result<Grid, NotASheet> {
    let (text, encoding) = decode(bytes);
    if text.contains('\0')
        || text
            .chars()
            .take(4096)
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(said(
            "error-sheet-not-a-sheet",
            vec![("file", file_name.into())],
        ));
    }
    let separator = sniff_separator(&text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let (mut cells, mut widest) = (0u64, 0u64);
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            said(
                "error-sheet-bad-csv",
                vec![
                    ("file", file_name.into()),
                    ("line", super::number(line as f64)),
                    ("detail", e.to_string().into()),
                ],
            )
        })?;
        cells += record.len() as u64;
        widest = widest.max(record.len() as u64);
        if cells > budget.cells {
            let over = OverBudget::Cells {
                rows: rows.len() as u64 + 1,
                columns: widest,
            };
            return Err(over_budget(file_name, &over, budget));
        }
        rows.push(
            record
                .iter()
                .map(|t| GridCell {
                    text: t.to_owned(),
                    ..GridCell::default()
                })
                .collect(),
        );
    }
    let separator = match separator {
        b'\t' => "tab".to_owned(),
        other => (other as char).to_string(),
    };
    Ok(Grid {
        rows,
        format: Text::new(
            "sheet-format-csv",
            vec![
                ("separator", separator.into()),
                ("encoding", encoding.into()),
            ],
        ),
        about: Vec::new(),
        text_file: true,
    })
}

/// Text from bytes: a BOM decides (UTF-8, UTF-16); without one, valid UTF-8 is UTF-8 and
/// anything else is read as Windows-1252, which Excel on Windows writes for "CSV" in Western
/// European locales (Mac Excel's "CSV" is UTF-8 or Mac Roman; Mac Roman files would show
/// wrong accents, which the preview makes visible before anything is written).
/// UTF-8 text is borrowed, not copied (a 100,000-row sheet is tens of MB).
fn decode(bytes: &[u8]) -> (Cow<'_, str>, &'static str) {
    if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _, _) = encoding.decode(bytes);
        return (text, encoding.name());
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (Cow::Borrowed(text), "UTF-8"),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            (text, "Windows-1252")
        }
    }
}

/// The separator of the header line: whichever of `,` `;` tab occurs most outside quotes
/// (French, German… Excel writes `;` because `,` is their decimal mark).
fn sniff_separator(text: &str) -> u8 {
    let line = text.lines().next().unwrap_or("");
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for c in line.bytes() {
        if c == b'"' {
            quoted = !quoted;
        } else if !quoted {
            for (sep, n) in &mut counts {
                if c == *sep {
                    *n += 1;
                }
            }
        }
    }
    counts
        .iter()
        .max_by_key(|(_, n)| *n)
        .filter(|(_, n)| *n > 0)
        .map_or(b',', |(sep, _)| *sep)
}
