//! Importing a sheet: holding a file the user dropped or picked, reading it (refusing one too
//! large), checking every cell and previewing the per-asset values as a run.
//!
//! Not here: the checks of a file (`metadesk_sheets`), the export (`export.rs`).

use std::path::PathBuf;

use crate::app::previews::{OnProgress, PreviewRequest, SheetRows};
use crate::app::sheet_files::{HeldSheet, file_name_of};
use crate::app::user_files::read_user_file;
use crate::app::{Opened, Workspace, blocking};
use metadesk_assets::fingerprint::ExportedCodes;
use metadesk_base::i18n::{SavedText, Text};
use metadesk_bulk::engine::AssetEdits;
use metadesk_bulk::journal::{Action, Record, read_records};
use metadesk_bulk::reasons::{HOLDS_ONE_VALUE, is_changed_since_export};
use metadesk_bulk::{
    Edit, EditOp, Engine, RunKind, RunScope, RunSource, RunSummary, ScopeFilters, runs,
};
use metadesk_clients::error::{Error, ErrorCode, MessageArg, Result};
use metadesk_credentials::credentials::ApiFamily;
use metadesk_sheets::checks::{outside_folder, several_values_for_one};
use metadesk_sheets::{CellValue, Issue, Severity, Sheet, read_sheet};

use super::{FIRST_ISSUES, IssueCounts, MAX_SHEET_BYTES, SheetImport};

fn edits_of(sheet: &Sheet, row: &metadesk_sheets::Row) -> Vec<Edit> {
    row.cells
        .iter()
        .map(|cell| Edit {
            property: sheet.columns[cell.column].property.clone(),
            op: match &cell.value {
                CellValue::Clear => EditOp::Clear,
                // A column said to hold several values writes a list, even of one value.
                CellValue::Set(values) if sheet.columns[cell.column].multi == Some(true) => {
                    EditOp::SetList {
                        values: values.clone(),
                    }
                }
                CellValue::Set(values) => EditOp::Set {
                    values: values.clone(),
                },
            },
        })
        .collect()
}

impl Workspace {
    /// Keeps a sheet file the user dropped or picked, for [`Self::import_held_sheet`].
    pub fn hold_sheet_file(&self, path: PathBuf) -> HeldSheet {
        self.sheet_files.hold(path)
    }

    /// The path of the sheet held under `id` (dropped or picked), for a use case that reads
    /// it itself (a move's sheet); why not when it was forgotten.
    pub fn held_sheet_path(&self, id: &str) -> Result<PathBuf> {
        self.sheet_files
            .path(id)
            .ok_or_else(|| Error::message(ErrorCode::InvalidInput, "error-sheet-gone", vec![]))
    }

    /// Reads the held sheet `id` as it is on disk now, then [`Self::import_sheet`].
    pub async fn import_held_sheet(
        &self,
        opened: &Opened,
        id: &str,
        skip_rows_in_error: bool,
        on_progress: OnProgress<'_>,
    ) -> Result<SheetImport> {
        let path = self.held_sheet_path(id)?;
        let file_name = file_name_of(&path);
        let bytes = blocking(move || read_sheet_file(&path)).await?;
        self.import_sheet(opened, &file_name, bytes, skip_rows_in_error, on_progress)
            .await
    }

    /// Reads, checks and previews a sheet on `opened`'s connection, in one pass: the file's
    /// and headers' checks, each row's, the metadata schema's and AEM's (assets that do not
    /// exist, several values for one) all report together. With errors nothing is planned,
    /// unless `skip_rows_in_error` (then those rows are left out; errors in the headers or the
    /// file still stop it). The file is read and checked on a blocking thread: a large sheet
    /// takes seconds the async runtime must not wait.
    pub async fn import_sheet(
        &self,
        opened: &Opened,
        file_name: &str,
        bytes: impl Into<Vec<u8>>,
        skip_rows_in_error: bool,
        on_progress: OnProgress<'_>,
    ) -> Result<SheetImport> {
        let (name, bytes) = (file_name.to_owned(), bytes.into());
        let sheet = blocking(move || read_sheet(&name, &bytes)).await?;
        let mut answer = SheetImport {
            import_id: String::new(),
            file_name: sheet.source.file_name.clone(),
            format: sheet.source.format.clone(),
            rows: sheet.rows.len() as u64,
            issue_counts: IssueCounts::default(),
            issues: sheet.issues.clone(),
            skipped_rows: Vec::new(),
            run: None,
        };
        // Every check runs in this one pass, whatever the others found (a user fixing a
        // sheet must see all its problems at once): the rows already in error are left out of
        // what AEM is asked, and the errors decide at the end whether anything is planned.
        let stops = |answer: &SheetImport| {
            sheet.has_sheet_errors()
                || (answer.issues.iter().any(|i| i.severity == Severity::Error)
                    && !skip_rows_in_error)
        };
        let mut rows_left_out = sheet.rows_in_error();
        if let Some(folder) = &sheet.exported_folder {
            answer.issues.extend(
                sheet
                    .rows
                    .iter()
                    .filter_map(|row| outside_folder(row, folder)),
            );
        }
        // Values the metadata schema does not allow are errors of their rows.
        let schema_issues = self.schema_issues(opened, &sheet, &rows_left_out).await;
        rows_left_out.extend(
            schema_issues
                .iter()
                .filter(|i| i.severity == Severity::Error)
                .filter_map(|i| i.row),
        );
        answer.issues.extend(schema_issues);
        // An older sheet, with times and no value codes: the OpenAPI gives no time to compare.
        if opened.connected.assets.family() == ApiFamily::OpenApi
            && sheet
                .rows
                .iter()
                .any(|r| r.last_modified.is_some() && r.exported_codes.is_none())
        {
            answer.issues.push(Issue::with_reason(
                Severity::Warning,
                None,
                None,
                SavedText::new(
                    "sheet-openapi-no-modified",
                    [("connection", opened.label.as_str().into())],
                ),
            ));
        }
        let planned: Vec<&metadesk_sheets::Row> = sheet
            .rows
            .iter()
            .filter(|r| !r.cells.is_empty() && !rows_left_out.contains(&r.number))
            .collect();
        if planned.is_empty() {
            if stops(&answer) {
                answer.issues.sort_by_key(|i| i.row.unwrap_or(0));
                return Ok(self.keep_issues(answer));
            }
            return Err(Error::message(
                ErrorCode::InvalidInput,
                "error-sheet-no-change",
                vec![("file", file_name.into())],
            ));
        }
        let rows = SheetRows {
            file_name: file_name.to_owned(),
            folder: sheet
                .exported_folder
                .clone()
                .unwrap_or_else(|| common_folder(planned.iter().map(|r| r.path.as_str()))),
            assets: planned
                .iter()
                .map(|row| AssetEdits {
                    path: row.path.clone(),
                    edits: edits_of(&sheet, row),
                    exported_modified: row.last_modified.clone(),
                    exported_codes: row.exported_codes.as_deref().and_then(ExportedCodes::parse),
                })
                .collect(),
        };
        let summary = self
            .preview(opened, PreviewRequest::Sheet(rows), on_progress)
            .await?;
        // Rows whose asset could not be read, or whose cells give several values to a
        // property AEM holds as one, are errors of the sheet, named by their row and cell.
        let path = runs::path_of(&self.runs_dir(), &summary.id)?;
        let mut found = Vec::new();
        let mut rows_in_error = Vec::new();
        for record in read_records(&path)? {
            if let Record::Row(row) = record?
                && row.action == Action::Skip
            {
                let planned_row = planned.get(row.i as usize).copied();
                let number = planned_row.map(|r| r.number);
                // The row's reason is told by its catalogue id, and nested in the issue so
                // that it is worded in the reader's language.
                let code = row
                    .reason
                    .as_ref()
                    .and_then(|r| r.code())
                    .unwrap_or_default();
                let reason = || {
                    serde_json::to_value(
                        row.reason
                            .clone()
                            .unwrap_or(SavedText::Plain(String::new())),
                    )
                    .unwrap_or_default()
                };
                if is_changed_since_export(code) {
                    // Flagged, not an error: the preview shows it skipped, nothing is
                    // written for it, the other rows may be applied.
                    found.push(Issue::with_reason(
                        Severity::Warning,
                        number,
                        None,
                        SavedText::new(
                            "sheet-row-changed-since-export",
                            [("path", row.path.as_str().into()), ("reason", reason())],
                        ),
                    ));
                    continue;
                }
                rows_in_error.extend(number);
                if code == HOLDS_ONE_VALUE
                    && let Some(planned_row) = planned_row
                {
                    // The preview kept the cells that change, with AEM's value before.
                    let changes = &row.changes;
                    found.extend(several_values_for_one(&sheet, planned_row, |property| {
                        changes.iter().any(|c| {
                            c.property == property
                                && c.before
                                    .as_ref()
                                    .is_some_and(|v| !v.is_array() && !v.is_null())
                        })
                    }));
                    continue;
                }
                let problem = if code == "reason-disappeared" {
                    SavedText::new(
                        "sheet-row-no-asset",
                        [
                            ("path", row.path.as_str().into()),
                            ("connection", opened.label.as_str().into()),
                        ],
                    )
                } else {
                    SavedText::new(
                        "sheet-row-not-read",
                        [("path", row.path.as_str().into()), ("reason", reason())],
                    )
                };
                found.push(Issue::with_reason(Severity::Error, number, None, problem));
            }
        }
        answer.issues.extend(found);
        answer.issues.sort_by_key(|i| i.row.unwrap_or(0));
        if stops(&answer) {
            // A sheet with errors writes nothing and leaves nothing to apply: the preview
            // found them, so it goes (never applied, it holds nothing to undo).
            metadesk_bulk::journal::remove(&path).map_err(|e| {
                Error::message(
                    ErrorCode::Io,
                    "error-sheet-preview-not-removed",
                    vec![("detail", e.to_string().into())],
                )
            })?;
            return Ok(self.keep_issues(answer));
        }
        rows_left_out.extend(rows_in_error);
        answer.skipped_rows = rows_left_out.into_iter().collect();
        answer.run = Some(summary);
        Ok(self.keep_issues(answer))
    }

    /// Previews a checked sheet's rows as a run named by its file, each asset with its own
    /// values ([`PreviewRequest::Sheet`]).
    pub(crate) async fn preview_sheet(
        &self,
        opened: &Opened,
        rows: SheetRows,
        on_progress: OnProgress<'_>,
    ) -> Result<RunSummary> {
        let spec = opened.spec(
            RunScope::checked(&rows.folder, ScopeFilters::default())?,
            Vec::new(),
            RunKind::Sheet {
                file: rows.file_name.clone(),
            },
        );
        // The folder's form: a required field the sheet empties is a warning of the preview.
        let schema = self
            .folder_schema(opened, spec.scope.folder(), false)
            .await
            .ok();
        let schema = schema
            .and_then(|s| s.schema.clone())
            .map(std::sync::Arc::new);
        let label = Text::new("job-preview-sheet", vec![("file", rows.file_name.into())]);
        let engine =
            Engine::new(opened.connected.assets.clone(), self.runs_dir()).with_schema(schema);
        self.plan(
            label,
            engine,
            RunSource::Sheet(spec, rows.assets),
            on_progress,
        )
        .await
    }

    /// Keeps every problem of `answer` in the workspace under a new import id, and leaves the
    /// answer the first [`FIRST_ISSUES`] of them with the counts.
    pub(super) fn keep_issues(&self, mut answer: SheetImport) -> SheetImport {
        let all = std::mem::take(&mut answer.issues);
        answer.issue_counts = IssueCounts::of(&all);
        answer.issues = all.iter().take(FIRST_ISSUES).cloned().collect();
        // The first page in English until a face words it in its reader's language.
        answer
            .issues
            .iter_mut()
            .for_each(|i| i.localize(&metadesk_base::i18n::Localizer::english()));
        answer.import_id = self.sheet_issues.keep(all);
        answer
    }
}

/// Reads a sheet file, refusing one too large to be a sheet before reading it, and anything
/// that is not a regular file (a pipe would hang the read, a device never end).
pub fn read_sheet_file(path: &std::path::Path) -> Result<Vec<u8>> {
    read_user_file(path, MAX_SHEET_BYTES, |name, size| {
        Error::message(
            ErrorCode::InvalidInput,
            "error-sheet-too-large",
            vec![
                ("file", name.into()),
                ("size", MessageArg::Number((size / (1024 * 1024)) as f64)),
                (
                    "limit",
                    MessageArg::Number((MAX_SHEET_BYTES / (1024 * 1024)) as f64),
                ),
            ],
        )
    })
}

/// The deepest folder holding every path (`/content/dam` at least), the run's folder when
/// the sheet does not say where it was exported from.
pub(super) fn common_folder<'a>(paths: impl Iterator<Item = &'a str>) -> String {
    let mut common: Option<Vec<&str>> = None;
    for path in paths {
        let parts: Vec<&str> = path.split('/').collect();
        let folder = &parts[..parts.len().saturating_sub(1)];
        common = Some(match common {
            None => folder.to_vec(),
            Some(c) => c
                .iter()
                .zip(folder)
                .take_while(|(a, b)| a == b)
                .map(|(a, _)| *a)
                .collect(),
        });
    }
    let joined = common.unwrap_or_default().join("/");
    if joined.starts_with("/content/dam") {
        joined
    } else {
        "/content/dam".to_owned()
    }
}
