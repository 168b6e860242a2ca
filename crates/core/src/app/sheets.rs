//! Spreadsheets as use cases: export a folder's metadata as a sheet, and import a sheet:
//! read it, check every cell, and preview the per-asset values as a run (applied, reported
//! and undone like any bulk run, through the same engine).
//!
//! Not here: the file formats and the checks of a file (`metadesk_sheets`), how the window or
//! the terminal show the result.

use std::path::PathBuf;

use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

use super::jobs::job_on;
use super::runs::{OnProgress, write_whole_file};
use super::sheet_files::{HeldSheet, file_name_of};
use super::{JobKind, Opened, Workspace, blocking};
use metadesk_assets::folders::{FolderWalk, WalkStep};
use metadesk_assets::{AssetRef, CallError, EntryKind};
use metadesk_base::i18n::SavedText;
use metadesk_base::i18n::{Localizer, Text};
use metadesk_base::timefmt::now_rfc3339;
use metadesk_bulk::engine::AssetEdits;
use metadesk_bulk::journal::{Action, Record, read_records};
use metadesk_bulk::reasons::{CHANGED_SINCE_EXPORT, HOLDS_ONE_VALUE, not_read};
use metadesk_bulk::scope::list_with_retries;
use metadesk_bulk::{Edit, EditOp, Engine, Filters, Progress, RunKind, RunSummary, runs};
use metadesk_clients::error::{Error, ErrorCode, MessageArg, Result};
use metadesk_credentials::credentials::ApiFamily;
use metadesk_sheets::checks::{outside_folder, several_values_for_one};
use metadesk_sheets::writing::{ExportColumn, ExportInfo, ExportRow, write_csv, write_xlsx};
use metadesk_sheets::{CellValue, Issue, Severity, Sheet, read_sheet};

/// The file format of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SheetFormat {
    Xlsx,
    Csv,
}

impl SheetFormat {
    /// From a file name's extension (`.xlsx`, `.csv`).
    pub fn from_file_name(name: &str) -> Option<SheetFormat> {
        let lower = name.to_lowercase();
        if lower.ends_with(".xlsx") {
            Some(SheetFormat::Xlsx)
        } else if lower.ends_with(".csv") {
            Some(SheetFormat::Csv)
        } else {
            None
        }
    }
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SheetExport {
    #[ts(type = "number")]
    pub assets: u64,
    /// Folders that could not be listed (their assets are not in the sheet).
    pub unlisted_folders: Vec<String>,
    /// Assets that could not be read (not in the sheet), with the reason (words in the
    /// reader's language once a face has it: [`SheetExport::localize`]).
    #[ts(type = "Array<string>")]
    pub unread: Vec<SavedText>,
}

impl SheetExport {
    /// Words the reasons in `l`'s language, as a face shows them.
    pub fn localize(&mut self, l: &Localizer) {
        self.unread.iter_mut().for_each(|r| r.localize(l));
    }
}

/// An export saved to a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SavedSheet {
    /// The file's name, without its folder.
    pub file_name: String,
    pub export: SheetExport,
}

/// The largest sheet file read (a 100,000-row export with a dozen columns is a few tens of
/// MB): a bigger file is refused before it is read into memory.
pub const MAX_SHEET_BYTES: u64 = 256 * 1024 * 1024;

/// The answer to an import: the sheet's problems, and the previewed run when there is one.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SheetImport {
    pub file_name: String,
    /// "Excel workbook (.xlsx)", "CSV, ';'-separated, Windows-1252", … (`sheet-format…`,
    /// worded in the reader's language by [`SheetImport::localize`]).
    #[ts(type = "string")]
    pub format: Text,
    #[ts(type = "number")]
    pub rows: u64,
    /// Every problem, in the order of the sheet (file and headers first).
    pub issues: Vec<Issue>,
    /// Rows left out because they have errors (only with "skip the rows in error").
    pub skipped_rows: Vec<u32>,
    /// The preview; `None` when errors stop the sheet (nothing planned, nothing written).
    pub run: Option<RunSummary>,
}

impl SheetImport {
    /// Words the problems and the preview's summary in `l`'s language, as a face shows them.
    pub fn localize(&mut self, l: &Localizer) {
        self.format.localize(l);
        self.issues.iter_mut().for_each(|i| i.localize(l));
        if let Some(run) = &mut self.run {
            run.localize(l);
        }
    }

    pub fn has_errors(&self) -> bool {
        self.issues.iter().any(|i| i.severity == Severity::Error)
    }
}

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

    /// Reads the held sheet `id` as it is on disk now, then [`Self::import_sheet`].
    pub async fn import_held_sheet(
        &self,
        opened: &Opened,
        id: &str,
        skip_rows_in_error: bool,
        on_progress: OnProgress<'_>,
    ) -> Result<SheetImport> {
        let path = self
            .sheet_files
            .path(id)
            .ok_or_else(|| Error::message(ErrorCode::InvalidInput, "error-sheet-gone", vec![]))?;
        let file_name = file_name_of(&path);
        let bytes = blocking(move || read_sheet_file(&path)).await?;
        self.import_sheet(opened, &file_name, &bytes, skip_rows_in_error, on_progress)
            .await
    }

    /// [`Self::export_sheet`] saved to `target` (written whole, then renamed into place; an
    /// existing file is replaced: the save dialog asked, or the CLI's --out named it). A name without the format's ending
    /// gets it.
    // The arguments are the export's own choices, as `export_sheet` takes them, plus the target.
    #[allow(clippy::too_many_arguments)]
    pub async fn save_sheet_export(
        &self,
        opened: &Opened,
        folder: &str,
        filters: &Filters,
        properties: &[String],
        format: SheetFormat,
        words: &Localizer,
        target: PathBuf,
    ) -> Result<SavedSheet> {
        let target = with_extension_of(target, format);
        let (bytes, export) = self
            .export_sheet(opened, folder, filters, properties, format, words)
            .await?;
        let file_name = file_name_of(&target);
        blocking(move || {
            write_whole_file(&target, true, |out| {
                out.write_all(&bytes).map_err(|e| {
                    Error::io_doing(
                        "io-write",
                        vec![("path", target.display().to_string().into())],
                        e,
                    )
                })
            })
        })
        .await?;
        Ok(SavedSheet { file_name, export })
    }

    /// Reads, checks and previews a sheet on `opened`'s connection. With errors in the sheet
    /// nothing is planned, unless `skip_rows_in_error` (then those rows are left out; errors in
    /// the headers or the file still stop it). Assets that do not exist are errors of their
    /// rows found by the preview, which plans nothing for them.
    pub async fn import_sheet(
        &self,
        opened: &Opened,
        file_name: &str,
        bytes: &[u8],
        skip_rows_in_error: bool,
        on_progress: OnProgress<'_>,
    ) -> Result<SheetImport> {
        let sheet = read_sheet(file_name, bytes)?;
        let mut answer = SheetImport {
            file_name: sheet.source.file_name.clone(),
            format: sheet.source.format.clone(),
            rows: sheet.rows.len() as u64,
            issues: sheet.issues.clone(),
            skipped_rows: Vec::new(),
            run: None,
        };
        if sheet.has_sheet_errors() || (sheet.has_errors() && !skip_rows_in_error) {
            return Ok(answer);
        }
        answer.skipped_rows = sheet.rows_in_error().into_iter().collect();
        if let Some(folder) = &sheet.exported_folder {
            answer.issues.extend(
                sheet
                    .rows
                    .iter()
                    .filter_map(|row| outside_folder(row, folder)),
            );
        }
        if opened.connected.assets.family() == ApiFamily::OpenApi
            && sheet.rows.iter().any(|r| r.last_modified.is_some())
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
            .filter(|r| !r.cells.is_empty() && !answer.skipped_rows.contains(&r.number))
            .collect();
        if planned.is_empty() {
            return Err(Error::message(
                ErrorCode::InvalidInput,
                "error-sheet-no-change",
                vec![("file", file_name.into())],
            ));
        }
        let folder = sheet
            .exported_folder
            .clone()
            .unwrap_or_else(|| common_folder(planned.iter().map(|r| r.path.as_str())));
        let spec = opened.spec(
            folder,
            Filters::default(),
            Vec::new(),
            RunKind::Sheet {
                file: file_name.to_owned(),
            },
        );
        let assets: Vec<AssetEdits> = planned
            .iter()
            .map(|row| AssetEdits {
                path: row.path.clone(),
                edits: edits_of(&sheet, row),
                exported_modified: row.last_modified.clone(),
            })
            .collect();
        let label = Text::new("job-preview-sheet", vec![("file", file_name.into())]);
        let job = self.jobs.start(JobKind::Preview, label)?;
        let engine = Engine::new(opened.connected.assets.clone(), self.runs_dir());
        let forward = |p: Progress| {
            job.set_run_id(&p.run_id);
            on_progress(p);
        };
        let summary = engine
            .preview_per_asset(spec, assets, job.control(), &forward)
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
                if code == CHANGED_SINCE_EXPORT {
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
        if !rows_in_error.is_empty() && !skip_rows_in_error {
            // A sheet with errors writes nothing and leaves nothing to apply: the preview
            // found them, so it goes (never applied, it holds nothing to undo).
            metadesk_bulk::journal::remove(&path).map_err(|e| {
                Error::message(
                    ErrorCode::Io,
                    "error-sheet-preview-not-removed",
                    vec![("detail", e.to_string().into())],
                )
            })?;
            return Ok(answer);
        }
        answer.skipped_rows.extend(rows_in_error);
        answer.skipped_rows.sort_unstable();
        answer.skipped_rows.dedup();
        answer.run = Some(summary);
        Ok(answer)
    }

    /// Exports the metadata of the assets of `folder` (and subfolders when recursive, with
    /// the name and format filters) as a sheet with one column per property, its headers and
    /// notes in `words`' language (the person who opens it in Excel reads them).
    pub async fn export_sheet(
        &self,
        opened: &Opened,
        folder: &str,
        filters: &Filters,
        properties: &[String],
        format: SheetFormat,
        words: &Localizer,
    ) -> Result<(Vec<u8>, SheetExport)> {
        let properties: Vec<String> = properties
            .iter()
            .map(|p| metadesk_bulk::spec::validate_property(p))
            .collect::<Result<_>>()?;
        if properties.is_empty() {
            return Err(Error::message(
                ErrorCode::InvalidInput,
                "error-sheet-no-properties",
                vec![],
            ));
        }
        let job = self
            .jobs
            .start(JobKind::Count, job_on("job-export-sheet", folder))?;
        let control = job.control();
        let store = opened.connected.assets.as_ref();
        let folder = metadesk_assets::folders::normalize_folder(folder)?;
        #[allow(clippy::type_complexity)]
        let mut found: Vec<(
            String,
            String,
            serde_json::Map<String, Value>,
            Option<String>,
        )> = Vec::new();
        let mut report = SheetExport {
            assets: 0,
            unlisted_folders: Vec::new(),
            unread: Vec::new(),
        };
        let entries = entries_to_export(store, &folder, filters, control, &mut report).await?;
        for entry in entries {
            if control.is_cancelled() {
                return Err(export_cancelled());
            }
            let mut asset = AssetRef {
                path: entry.path.clone(),
                id: None,
            };
            let read = async {
                if store.family() == ApiFamily::OpenApi {
                    asset.id = store.resolve_id(&entry.path).await?;
                }
                // Read first: an import compares AEM's time now with this one, so a change
                // between the two reads is taken as made after the export (held back).
                let modified = store.last_modified(&asset).await?;
                Ok::<_, CallError>((store.read(&asset).await?, modified))
            }
            .await;
            match read {
                Ok((current, modified)) => {
                    let format = current.metadata.get("dc:format").and_then(Value::as_str);
                    if filters.format_matches(format) {
                        // Only the sheet's properties are kept: a whole asset's metadata, held
                        // for every asset of a 100,000-asset export, would not fit the memory
                        // an export may take.
                        let mut metadata = current.metadata;
                        let kept = properties
                            .iter()
                            .filter_map(|p| metadata.remove_entry(p))
                            .collect();
                        found.push((entry.path, entry.name, kept, modified));
                    }
                }
                Err(CallError::Unreachable(e)) => return Err(Error::Aem(e)),
                Err(CallError::Auth(why)) => return Err(Error::Aem(why)),
                Err(e) => report.unread.push(SavedText::new(
                    "sheet-export-unread",
                    [
                        ("path", entry.path.as_str().into()),
                        (
                            "why",
                            serde_json::to_value(not_read(&e, None, 1)).unwrap_or_default(),
                        ),
                    ],
                )),
            }
        }
        found.sort_by(|a, b| a.0.cmp(&b.0));
        let columns: Vec<ExportColumn> = properties
            .iter()
            .map(|p| {
                ExportColumn::for_property(p, found.iter().filter_map(|(_, _, m, _)| m.get(p)))
            })
            .collect();
        let rows: Vec<ExportRow> = found
            .into_iter()
            .map(|(path, name, metadata, modified)| ExportRow {
                path,
                name,
                // Empty where the API does not say (the Assets OpenAPI).
                last_modified: modified,
                values: properties
                    .iter()
                    .map(|p| metadata.get(p).cloned())
                    .collect(),
            })
            .collect();
        report.assets = rows.len() as u64;
        let bytes = match format {
            SheetFormat::Xlsx => write_xlsx(
                words,
                &ExportInfo {
                    connection: opened.label.clone(),
                    folder: folder.clone(),
                    recursive: filters.recursive,
                    exported_at: now_rfc3339(),
                },
                &columns,
                &rows,
            )?,
            SheetFormat::Csv => write_csv(words, &columns, &rows)?,
        };
        Ok((bytes, report))
    }
}

/// The assets a sheet export holds: a folder's (walked page by page), a search's (QueryBuilder
/// pages) or a list's (resolved; entries that name no asset are said in `report`), filtered by
/// name. A folder that cannot be listed is said in `report`; a search that fails part-way fails
/// the export (a partial read is never the whole).
async fn entries_to_export(
    store: &dyn metadesk_assets::AssetsApi,
    folder: &str,
    filters: &Filters,
    control: &metadesk_bulk::RunControl,
    report: &mut SheetExport,
) -> Result<Vec<metadesk_assets::Entry>> {
    use metadesk_assets::search::{SearchStep, SearchWalk, entry_of_hit};
    use metadesk_bulk::searching::{resolve_list, search_with_retries};
    use metadesk_bulk::selection::{Selection, hit_properties, search_predicates};
    let cancelled = export_cancelled;
    let mut entries = Vec::new();
    match &filters.selection {
        None => {
            let mut walk = FolderWalk::new(folder, filters.recursive, 100, store.family(), None)?;
            loop {
                let step = walk
                    .next(|f, offset, limit| list_with_retries(store, f, offset, limit, control))
                    .await?;
                match step {
                    WalkStep::Page(page) => entries.extend(page),
                    WalkStep::Done => break,
                    WalkStep::Cancelled => return Err(cancelled()),
                    WalkStep::Unlisted { folder, .. } => report.unlisted_folders.push(folder),
                }
            }
        }
        Some(Selection::Search {
            conditions,
            combine,
        }) => {
            let mut predicates = search_predicates(folder, filters.recursive, conditions, *combine);
            predicates.extend(hit_properties(std::iter::empty()));
            let mut walk = SearchWalk::new(predicates, 500);
            while !walk.is_done() {
                let params = walk.request();
                let page = search_with_retries(store, &params, control)
                    .await
                    .map_err(|e| {
                        Error::worded(
                            ErrorCode::InvalidInput,
                            Text::new("error-search-failed", vec![("detail", e.text().into())]),
                        )
                    })?
                    .ok_or_else(cancelled)?;
                if let SearchStep::Hits(hits) = walk.take(page) {
                    entries.extend(hits.iter().filter_map(entry_of_hit));
                }
            }
        }
        Some(Selection::List { entries: list }) => {
            let hits = hit_properties(std::iter::empty());
            let resolved = resolve_list(list, &hits, |params| async move {
                search_with_retries(store, &params, control)
                    .await?
                    .ok_or_else(|| CallError::Transient("cancelled".into()))
            })
            .await
            .map_err(|e| {
                Error::worded(
                    ErrorCode::InvalidInput,
                    Text::new("error-list-not-checked", vec![("detail", e.text().into())]),
                )
            })?;
            if control.is_cancelled() {
                return Err(cancelled());
            }
            report.unread.extend(resolved.problems.iter().map(|p| {
                SavedText::new(
                    "sheet-export-unread-line",
                    [
                        ("line", p.line.into()),
                        ("entry", p.entry.as_str().into()),
                        ("why", serde_json::to_value(&p.reason).unwrap_or_default()),
                    ],
                )
            }));
            entries = resolved.assets;
        }
    }
    entries.retain(|e| e.kind == EntryKind::Asset && filters.name_matches(&e.name));
    Ok(entries)
}

/// Reads a sheet file, refusing one too large to be a sheet before reading it.
pub fn read_sheet_file(path: &std::path::Path) -> Result<Vec<u8>> {
    let name = file_name_of(path);
    let size = std::fs::metadata(path)
        .map_err(|e| unreadable(&name, e))?
        .len();
    if size > MAX_SHEET_BYTES {
        return Err(Error::message(
            ErrorCode::InvalidInput,
            "error-sheet-too-large",
            vec![
                ("file", name.as_str().into()),
                ("size", MessageArg::Number((size / (1024 * 1024)) as f64)),
                (
                    "limit",
                    MessageArg::Number((MAX_SHEET_BYTES / (1024 * 1024)) as f64),
                ),
            ],
        ));
    }
    std::fs::read(path).map_err(|e| unreadable(&name, e))
}

fn unreadable(name: &str, e: std::io::Error) -> Error {
    Error::io_doing("io-read", vec![("path", name.into())], e)
}

fn export_cancelled() -> Error {
    Error::message(ErrorCode::InvalidInput, "error-export-cancelled", vec![])
}

/// `target` with the ending of `format` (added when the name has another or none).
fn with_extension_of(target: PathBuf, format: SheetFormat) -> PathBuf {
    let name = file_name_of(&target);
    if SheetFormat::from_file_name(&name) == Some(format) {
        return target;
    }
    let ext = match format {
        SheetFormat::Xlsx => "xlsx",
        SheetFormat::Csv => "csv",
    };
    let mut s = target.into_os_string();
    s.push(format!(".{ext}"));
    PathBuf::from(s)
}

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

/// The deepest folder holding every path (`/content/dam` at least), the run's folder when
/// the sheet does not say where it was exported from.
fn common_folder<'a>(paths: impl Iterator<Item = &'a str>) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_export_s_unread_assets_are_worded_in_the_reader_s_language() {
        let export = SheetExport {
            assets: 1,
            unlisted_folders: Vec::new(),
            unread: vec![SavedText::new(
                "sheet-export-unread-line",
                [
                    ("line", 3.into()),
                    ("entry", "/content/dam/x.jpg".into()),
                    (
                        "why",
                        serde_json::to_value(SavedText::new("reason-list-not-found", [])).unwrap(),
                    ),
                ],
            )],
        };
        let words = |lang| {
            let mut e = export.clone();
            e.localize(&Localizer::new(lang));
            serde_json::to_value(&e.unread).unwrap()
        };
        assert_eq!(
            words(metadesk_base::i18n::Lang::Fr),
            serde_json::json!([
                "ligne 3 (/content/dam/x.jpg)\u{a0}: introuvable dans AEM (ou invisible pour cette connexion)"
            ])
        );
        assert_eq!(
            words(metadesk_base::i18n::Lang::En),
            serde_json::json!([
                "line 3 (/content/dam/x.jpg): not found in AEM (or this connection may not see it)"
            ])
        );
    }

    #[test]
    fn a_saved_export_gets_the_ending_of_its_format() {
        let t = |name: &str, f| with_extension_of(PathBuf::from(name), f);
        assert_eq!(
            t("/d/shots.xlsx", SheetFormat::Xlsx),
            PathBuf::from("/d/shots.xlsx")
        );
        assert_eq!(
            t("/d/shots", SheetFormat::Xlsx),
            PathBuf::from("/d/shots.xlsx")
        );
        assert_eq!(
            t("/d/shots.CSV", SheetFormat::Csv),
            PathBuf::from("/d/shots.CSV")
        );
        assert_eq!(
            t("/d/shots.xlsx", SheetFormat::Csv),
            PathBuf::from("/d/shots.xlsx.csv")
        );
    }

    #[test]
    fn the_problems_of_a_sheet_as_csv_with_formula_looking_text_kept_as_text() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("problems.csv");
        let issues = vec![
            Issue {
                severity: Severity::Error,
                row: Some(7),
                column: Some("D (Title (dc:title))".into()),
                message: "Row 7, column D (Title (dc:title)): =HYPERLINK is a formula".into(),
                problem: None,
            },
            Issue {
                severity: Severity::Warning,
                row: None,
                column: None,
                message: "Éclair, a warning".into(),
                problem: None,
            },
        ];
        assert_eq!(write_issues_csv(&issues, &target).unwrap(), "problems.csv");
        let text = std::fs::read_to_string(&target).unwrap();
        assert_eq!(
            text,
            "\u{feff}Row,Column,Severity,Problem\r\n\
             7,D (Title (dc:title)),error,\"Row 7, column D (Title (dc:title)): =HYPERLINK is a formula\"\r\n\
             ,,warning,\"Éclair, a warning\"\r\n"
        );
    }

    #[test]
    fn a_file_too_large_to_be_a_sheet_is_refused_unread() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("huge.csv");
        let file = std::fs::File::create(&path).unwrap();
        file.set_len(MAX_SHEET_BYTES + 1).unwrap();
        let err = read_sheet_file(&path).unwrap_err().to_string();
        assert!(
            err.contains("huge.csv is 256 MB, too large for a sheet"),
            "{err}"
        );
        let err = read_sheet_file(&dir.path().join("gone.csv"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("could not read gone.csv"), "{err}");
        let fr = metadesk_base::i18n::Localizer::new(metadesk_base::i18n::Lang::Fr);
        let words = read_sheet_file(&dir.path().join("gone.csv"))
            .unwrap_err()
            .localized(&fr);
        assert_eq!(
            words,
            "impossible de lire gone.csv\u{a0}: le fichier ou le dossier n’existe pas"
        );
        metadesk_base::i18n::checks::assert_reads_french(&words);
    }

    #[test]
    fn the_common_folder_of_a_sheet() {
        assert_eq!(
            common_folder(["/content/dam/a/b/x.jpg", "/content/dam/a/c/y.jpg"].into_iter()),
            "/content/dam/a"
        );
        assert_eq!(
            common_folder(["/content/dam/x.jpg"].into_iter()),
            "/content/dam"
        );
    }
}
