//! The problems of a sheet written as CSV (row, column, severity, problem), for the user to
//! work through in a spreadsheet.
//!
//! Not here: finding the problems (`metadesk_sheets::checks`, `import.rs`), keeping them by
//! import (`kept_issues.rs`).

use crate::app::Workspace;
use crate::app::sheet_files::file_name_of;
use crate::app::whole_file::write_whole_file;
use metadesk_base::i18n::Localizer;
use metadesk_clients::error::{Error, ErrorCode, Result};
use metadesk_sheets::{Issue, Severity};

fn problems_not_written(e: &std::io::Error) -> Error {
    Error::message(
        ErrorCode::Io,
        "error-sheet-problems-not-written",
        vec![("detail", e.to_string().into())],
    )
}

impl Workspace {
    /// Writes every problem of import `import_id` as CSV into `target`, worded in `l`'s
    /// language. Returns the file's name. Blocking (writes a file).
    pub fn export_sheet_issues(
        &self,
        import_id: &str,
        target: &std::path::Path,
        l: &Localizer,
    ) -> Result<String> {
        let issues = self.sheet_issues.all(import_id)?;
        write_issues_csv(&issues, l, target)
    }
}

/// Writes the problems of a sheet as CSV (row, column, severity, problem), each worded in
/// `l`'s language as it is written, for the user to work through in a spreadsheet. Returns the
/// file's name.
pub fn write_issues_csv(
    issues: &[Issue],
    l: &Localizer,
    target: &std::path::Path,
) -> Result<String> {
    use metadesk_base::spreadsheet::spreadsheet_text;
    write_whole_file(target, true, |out| {
        // As Excel reads it (a BOM for the accents, CRLF), as the sheets Metadesk exports.
        let mut csv =
            metadesk_base::excel_csv::writer(out).map_err(|e| problems_not_written(&e))?;
        let io = |e: csv::Error| Error::Internal(format!("writing the problems: {e}"));
        csv.write_record(["Row", "Column", "Severity", "Problem"])
            .map_err(io)?;
        for issue in issues {
            let severity = match issue.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            csv.write_record([
                issue.row.map(|r| r.to_string()).unwrap_or_default(),
                spreadsheet_text(issue.column.as_deref().unwrap_or_default()),
                severity.to_owned(),
                spreadsheet_text(&issue.worded(l)),
            ])
            .map_err(io)?;
        }
        csv.flush().map_err(|e| problems_not_written(&e))
    })?;
    Ok(file_name_of(target))
}
