//! Spreadsheets of asset metadata: reading a sheet a person edited (our `.xlsx`/`.csv`, a CSV
//! saved by Excel in another locale, AEM's own Metadata Export CSV, a workbook saved by
//! LibreOffice) into rows of per-cell edits with every problem found, and writing the sheets
//! Metadesk exports.
//!
//! Not here: reading or writing AEM, the preview or the run (the use cases in `app` do that
//! with the bulk engine); the checks that need AEM's answer (outside the exported folder,
//! several values for a property AEM holds as one) take that answer as plain data
//! ([`checks`]).
//!
//! The cell rules (README "Spreadsheets"):
//! - an empty cell leaves the property as it is; [`CLEAR_MARKER`] (`#CLEAR`) removes it;
//! - several values are joined by `|`; a `|` inside a value is written `\|`, a backslash
//!   before a `|`, another backslash or the end of a value is written `\\`.

mod budget;
pub mod cells;
pub mod checks;
pub mod guides;
pub mod headers;
pub(crate) mod parsing;
mod reading;
pub mod taxonomy;
pub mod taxonomy_read;
pub mod writing;

#[cfg(test)]
mod fuzz;
#[cfg(test)]
mod limits_tests;
#[cfg(any(test, feature = "test-support"))]
pub mod testing;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use metadesk_base::i18n::SavedText;
use metadesk_base::i18n::{Localizer, MessageArg, Part, Text, arg};

pub use cells::{CLEAR_MARKER, column_letter, join_values, split_values};
pub use headers::{KNOWN_FIELDS, KnownField, ValueKind};
pub use parsing::read_sheet;

/// The longest value Metadesk writes into one property (a sheet's cell like a rule's result).
pub use metadesk_bulk::spec::MAX_VALUE_CHARS;

/// The file name endings of the sheets Metadesk reads; a file dropped on the window with one of
/// them is a sheet to import, any other a credential.
pub const SHEET_EXTENSIONS: &[&str] = &["xlsx", "xlsm", "xls", "ods", "csv"];

/// The first worksheet of a workbook (`.xlsx`, `.xls`, `.ods`) as rows of shown cell texts,
/// or why it cannot be read. For a list of assets kept in a workbook.
pub fn workbook_rows(file_name: &str, bytes: &[u8]) -> Result<Vec<Vec<String>>, Text> {
    let about = headers::ExportWords::of_every_language().about_sheet;
    let grid = reading::read_grid(file_name, bytes, &about, budget::LIST_BUDGET)?;
    Ok(grid
        .rows
        .into_iter()
        .map(|row| row.into_iter().map(|c| c.text).collect())
        .collect())
}

/// Whether `file_name` names a sheet (by its ending, case-insensitive).
pub fn is_sheet_file_name(file_name: &str) -> bool {
    let lower = file_name.to_lowercase();
    lower
        .rsplit_once('.')
        .is_some_and(|(_, ext)| SHEET_EXTENSIONS.contains(&ext))
}

/// Which dialect a sheet speaks (decides the names of the key columns and the header grammar
/// expected, both of which are accepted in either).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Dialect {
    /// Exported by Metadesk: `Path`, `Name`, `Last modified`, `Title (dc:title)`.
    Metadesk,
    /// AEM's Metadata Export/Import CSV: `assetPath`, `dc:title {{String}}`.
    Aem,
}

/// What kind of file a sheet came from, for messages and the activity list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SheetSource {
    /// The file's name (never its folder: the window never sees paths).
    pub file_name: String,
    /// "Excel workbook (.xlsx)", "CSV, ';'-separated, Windows-1252", … (`sheet-format…`,
    /// worded in the reader's language when a face shows it).
    #[ts(type = "string")]
    pub format: Text,
    pub dialect: Dialect,
}

/// One property column of a sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PropertyColumn {
    /// 0-based index in the sheet.
    pub index: usize,
    /// `A`, `B`, … `AA`, as Excel names the column.
    pub letter: String,
    /// The header as written in the sheet.
    pub header: String,
    /// `prefix:name`.
    pub property: String,
    /// `Some(true)` several values, `Some(false)` one value, `None` not said by the sheet or
    /// the known fields (decided later from AEM's current value).
    pub multi: Option<bool>,
    pub kind: ValueKind,
}

/// What a non-empty cell asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", content = "values", rename_all = "snake_case")]
pub enum CellValue {
    /// Remove the property ([`CLEAR_MARKER`]).
    Clear,
    /// Set the property to these values (one for a one-value field).
    Set(Vec<String>),
}

/// One non-empty property cell of a row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Cell {
    /// Index into [`Sheet::columns`].
    pub column: usize,
    pub value: CellValue,
}

/// One asset row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Row {
    /// The row's number as Excel shows it (the header is row 1).
    pub number: u32,
    /// The asset's path, `/content/dam/…`.
    pub path: String,
    /// The asset's last-modified time when the sheet was exported (RFC 3339), when the sheet
    /// has that column and the cell is filled.
    pub last_modified: Option<String>,
    /// Each exported value's code (`metadesk_assets::fingerprint::ExportedCodes`, as its cell
    /// writes them), when the sheet has that column and the cell is as Metadesk wrote it.
    pub exported_codes: Option<String>,
    pub cells: Vec<Cell>,
}

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Said, and the sheet may still be applied (a formula's shown value used, a row outside
    /// the exported folder).
    Warning,
    /// Nothing is written while it stands, unless the user skips the rows in error.
    Error,
}

/// One problem found in a sheet, in words once a face words it ([`Issue::localize`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Issue {
    pub severity: Severity,
    /// The row as Excel numbers it; `None` for the file as a whole.
    pub row: Option<u32>,
    /// The column as `D (Title (dc:title))`; `None` for a whole row or the file.
    pub column: Option<String>,
    /// The full sentence: where, what is wrong, how to fix it. Empty until a face words it in
    /// its reader's language ([`Issue::localize`]; [`Issue::worded`] words it without keeping
    /// it), so that the problems of a large sheet are not each held as a sentence.
    pub message: String,
    /// What is wrong, as a catalogue message (the place is added when worded); absent in an
    /// issue read back from JSON, whose `message` is already worded.
    #[serde(skip)]
    #[ts(skip)]
    pub problem: Option<Problem>,
}

/// What is wrong, as a catalogue id and its arguments ([`SavedText`]) held in a list rather
/// than a map: a sheet of a million rows may have half a million problems, and a map of one
/// argument takes ≈ 600 bytes where the list takes one entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Coded {
        code: String,
        args: Box<[(String, serde_json::Value)]>,
    },
    Plain(String),
}

impl From<SavedText> for Problem {
    fn from(text: SavedText) -> Problem {
        match text {
            SavedText::Coded { code, args } => Problem::Coded {
                code,
                args: args.into_iter().collect(),
            },
            SavedText::Plain(text) => Problem::Plain(text),
        }
    }
}

impl Problem {
    /// The problem in `l`'s language.
    pub fn localized(&self, l: &Localizer) -> String {
        let saved = match self {
            Problem::Coded { code, args } => SavedText::Coded {
                code: code.clone(),
                args: args.iter().cloned().collect(),
            },
            Problem::Plain(text) => SavedText::Plain(text.clone()),
        };
        saved.localized(l)
    }
}

impl Issue {
    pub(crate) fn new(
        severity: Severity,
        row: Option<u32>,
        column: Option<String>,
        problem: Text,
    ) -> Issue {
        Issue::with_reason(severity, row, column, SavedText::from(&problem))
    }

    /// An issue whose problem is a reason (one that may hold other reasons, such as why AEM
    /// could not be read).
    pub fn with_reason(
        severity: Severity,
        row: Option<u32>,
        column: Option<String>,
        problem: SavedText,
    ) -> Issue {
        // Worded only when a face shows it (`localize`, `worded`): a sheet of a million rows
        // may have half a million problems, and a sentence each held them twice.
        Issue {
            severity,
            row,
            column,
            message: String::new(),
            problem: Some(Problem::from(problem)),
        }
    }

    /// Words the issue (its place and its problem) in `l`'s language.
    pub fn localize(&mut self, l: &Localizer) {
        if self.problem.is_some() {
            self.message = self.worded(l);
        }
    }

    /// The full sentence in `l`'s language (the `message` as sent back when the issue has no
    /// catalogue problem), without changing the issue.
    pub fn worded(&self, l: &Localizer) -> String {
        let Some(problem) = &self.problem else {
            return self.message.clone();
        };
        let problem = problem.localized(l);
        let (id, mut args) = match (self.row, &self.column) {
            (Some(r), Some(c)) => (
                "sheet-issue-at-row-column",
                vec![("row", arg(r.to_string())), ("column", arg(c.as_str()))],
            ),
            (Some(r), None) => ("sheet-issue-at-row", vec![("row", arg(r.to_string()))]),
            (None, Some(c)) => ("sheet-issue-at-column", vec![("column", arg(c.as_str()))]),
            (None, None) => ("sheet-issue", vec![]),
        };
        args.push(("problem", arg(problem)));
        l.msg(id, &args)
    }
}

/// A sheet read from a file: its property columns, its asset rows and every problem found
/// in the file itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Sheet {
    pub source: SheetSource,
    pub columns: Vec<PropertyColumn>,
    pub rows: Vec<Row>,
    /// The folder the sheet was exported from, when the file says so (our workbooks do).
    pub exported_folder: Option<String>,
    pub issues: Vec<Issue>,
}

impl Sheet {
    /// Whether any problem stops the sheet from being applied as it is.
    /// Words every issue in `l`'s language (what a face does before showing them).
    pub fn localize(&mut self, l: &Localizer) {
        self.issues.iter_mut().for_each(|i| i.localize(l));
    }

    pub fn has_errors(&self) -> bool {
        self.issues.iter().any(|i| i.severity == Severity::Error)
    }

    /// The rows that have an error of their own (skipped when the user chooses so).
    pub fn rows_in_error(&self) -> std::collections::BTreeSet<u32> {
        self.issues
            .iter()
            .filter(|i| i.severity == Severity::Error)
            .filter_map(|i| i.row)
            .filter(|r| *r > 1)
            .collect()
    }

    /// Whether an error concerns the whole file or a header (skipping rows does not help).
    pub fn has_sheet_errors(&self) -> bool {
        self.issues
            .iter()
            .any(|i| i.severity == Severity::Error && i.row.is_none_or(|r| r <= 1))
    }

    /// `D (Title (dc:title))` for a property column.
    pub fn column_name(&self, column: usize) -> String {
        let c = &self.columns[column];
        format!("{} ({})", c.letter, c.header)
    }
}

/// A catalogue message about a sheet (`sheet-…`, `error-sheet-…`) with its arguments.
pub(crate) fn said(id: &'static str, args: Vec<(&'static str, MessageArg)>) -> Text {
    let args = args
        .into_iter()
        .map(|(name, value)| (name, Part::Arg(value)))
        .collect();
    Text::new(id, args)
}

/// A count as a message argument.
pub(crate) fn number(n: impl Into<f64>) -> MessageArg {
    MessageArg::Number(n.into())
}
