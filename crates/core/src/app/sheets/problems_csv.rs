//! The problems of a sheet written as CSV (row, column, severity, problem), for the user to
//! work through in a spreadsheet.
//!
//! Not here: finding the problems (`metadesk_sheets::checks`, `import.rs`).

use crate::app::runs::write_whole_file;
use crate::app::sheet_files::file_name_of;
use metadesk_clients::error::{Error, ErrorCode, Result};
use metadesk_sheets::{Issue, Severity};

fn problems_not_written(e: &std::io::Error) -> Error {
    Error::message(
        ErrorCode::Io,
        "error-sheet-problems-not-written",
        vec![("detail", e.to_string().into())],
    )
}

/// Writes the problems of a sheet as CSV (row, column, severity, problem), for the user to
/// work through in a spreadsheet. Returns the file's name.
pub fn write_issues_csv(issues: &[Issue], target: &std::path::Path) -> Result<String> {
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
                spreadsheet_text(&issue.message),
            ])
            .map_err(io)?;
        }
        csv.flush().map_err(|e| problems_not_written(&e))
    })?;
    Ok(file_name_of(target))
}
