//! A run's report as a CSV file: every row with its before and after values, for people
//! (`write_excel_csv`: what a spreadsheet opens as is) or for scripts (`write_csv`). Not here:
//! reading the report (`runs.rs`).

use std::path::Path;

use metadesk_base::i18n::{Localizer, arg};
use metadesk_base::spreadsheet::spreadsheet_text;
use metadesk_clients::error::{Error, ErrorCode, Result};
use serde_json::Value;

use crate::journal::{Record, path_of, read_records};
use crate::publish_words;
use crate::runs::{ReportStatus, report, summary};

/// A value in a CSV cell: multi-values joined with `|` (AEM's metadata-import convention).
fn csv_value(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|i| match i {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            })
            .collect::<Vec<_>>()
            .join("|"),
        Some(other) => other.to_string(),
    }
}

/// How a report is written as CSV.
#[derive(Debug, Clone, Copy)]
pub struct CsvOptions<'a> {
    /// The language of the reasons.
    pub words: &'a Localizer,
    /// Column headers in that language too (`Chemin`, `dc:title avant`), for people; without
    /// it, the machine-readable keys (`path`, `dc:title before`) that scripts read.
    pub localized_headers: bool,
}

/// Writes the report as CSV: `path,status,reason`, then `before`/`after` per edited property;
/// a publish run's, `publication before` and `cq:lastReplicationAction` before/after, its
/// replicated assets `published` or `unpublished` rather than `changed`. Statuses and states
/// stay machine-readable keys (`changed`, `failed`, `up_to_date`); reasons are in `options`'
/// language. Plain UTF-8 with `\n` line ends, for a terminal or a script (`--csv -`).
pub fn write_csv(
    runs_dir: &Path,
    run_id: &str,
    options: CsvOptions,
    out: &mut dyn std::io::Write,
) -> Result<()> {
    // `\n` line ends, as the hand-written writer had: both spreadsheets read them.
    let writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(out);
    write_report(runs_dir, run_id, options, writer)
}

/// [`write_csv`] for a file saved for a spreadsheet (the window's export, `--csv FILE`): as
/// Excel reads it ([`metadesk_base::excel_csv`]: a byte-order mark, CRLF).
pub fn write_excel_csv(
    runs_dir: &Path,
    run_id: &str,
    options: CsvOptions,
    out: &mut dyn std::io::Write,
) -> Result<()> {
    let writer = metadesk_base::excel_csv::writer(out).map_err(|e| report_not_written(&e))?;
    write_report(runs_dir, run_id, options, writer)
}

fn write_report(
    runs_dir: &Path,
    run_id: &str,
    options: CsvOptions,
    mut writer: csv::Writer<&mut dyn std::io::Write>,
) -> Result<()> {
    let l = options.words;
    let summary = summary(runs_dir, run_id)?;
    let path = path_of(runs_dir, run_id)?;
    let spec = match read_records(&path)?.next() {
        Some(Ok(Record::Run { spec, .. })) => *spec,
        _ => return Err(Error::Internal("journal without a run definition".into())),
    };
    // A publish run edits nothing: its columns are where each asset stood before, and the
    // replication's action before → after; what it replicated is `published`/`unpublished`.
    let replicated = spec.kind.publishing().map(|(replication, ..)| replication);
    let properties: Vec<String> = match replicated {
        Some(_) => vec![publish_words::ACTION_PROPERTY.to_owned()],
        None => spec.edits.iter().map(|e| e.property.clone()).collect(),
    };
    let mut header: Vec<String> = if options.localized_headers {
        ["report-csv-path", "report-csv-status", "report-csv-reason"]
            .map(|id| l.text(id))
            .into()
    } else {
        ["path", "status", "reason"].map(str::to_owned).into()
    };
    if replicated.is_some() {
        header.push(if options.localized_headers {
            l.text("report-csv-publication-before")
        } else {
            "publication before".to_owned()
        });
    }
    for p in &properties {
        if options.localized_headers {
            header.push(l.msg("report-csv-before", &[("property", arg(p.as_str()))]));
            header.push(l.msg("report-csv-after", &[("property", arg(p.as_str()))]));
        } else {
            header.push(format!("{p} before"));
            header.push(format!("{p} after"));
        }
    }
    let failed = |e: csv::Error| match e.into_kind() {
        csv::ErrorKind::Io(e) => report_not_written(&e),
        other => Error::Internal(format!("could not write the CSV report: {other:?}")),
    };
    writer
        .write_record(header.iter().map(|h| spreadsheet_text(h)))
        .map_err(failed)?;
    report(runs_dir, &summary.id, |row| {
        let status = match (replicated, row.status) {
            (Some(replication), ReportStatus::Changed) => {
                publish_words::replicated_key(replication)
            }
            (_, status) => status.words(),
        };
        let mut cells = vec![
            spreadsheet_text(&row.path),
            status.to_owned(),
            spreadsheet_text(&row.reason.map(|r| r.localized(l)).unwrap_or_default()),
        ];
        if replicated.is_some() {
            cells.push(
                row.publication
                    .map_or("", publish_words::state_key)
                    .to_owned(),
            );
        }
        for p in &properties {
            let change = row.changes.iter().find(|c| &c.property == p);
            for value in [
                change.and_then(|c| c.before.as_ref()),
                change.and_then(|c| c.after.as_ref()),
            ] {
                cells.push(spreadsheet_text(&csv_value(value)));
            }
        }
        writer.write_record(&cells).map_err(failed)
    })?;
    writer.flush().map_err(|e| report_not_written(&e))
}

/// The report could not be written (the disk, the folder's permissions).
fn report_not_written(e: &std::io::Error) -> Error {
    Error::message(
        ErrorCode::Io,
        "error-report-not-written",
        vec![("detail", e.to_string().into())],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn csv_joins_multi_values() {
        assert_eq!(csv_value(Some(&json!(["a", "b"]))), "a|b");
        assert_eq!(csv_value(None), "");
        assert_eq!(csv_value(Some(&json!(3))), "3");
    }
}
