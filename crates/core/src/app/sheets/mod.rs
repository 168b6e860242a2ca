//! Spreadsheets as use cases: export a folder's metadata as a sheet, and import a sheet:
//! read it, check every cell, and preview the per-asset values as a run (applied, reported
//! and undone like any bulk run, through the same engine).
//!
//! Not here: the file formats and the checks of a file (`metadesk_sheets`), how the window or
//! the terminal show the result.
//!
//! This file holds the types; reading and previewing a sheet is in `import.rs`, the export
//! (the scope's walk and the sheet written) in `export.rs`, the CSV of a sheet's problems in
//! `problems_csv.rs`, the problems kept by import for a face to page through in
//! `kept_issues.rs`.
//!
//! The use case in full (ARCHITECTURE.md points here): export a scope's metadata as a sheet (a
//! folder's assets from its listings, their values in exact-path lookups, each asset the index did
//! not return read on its own and counted); import a sheet (checks, changed-since-export, preview
//! as a run); sheet files on hand by id; a check's problems kept by import id (the last 3) and sent
//! a page at a time, saved as CSV from there. Here: `sheets/` (types in `mod.rs`; `import.rs`,
//! `export.rs`, `kept_issues.rs`, `problems_csv.rs`), `sheet_files.rs`. The layers below: `sheets`
//! (read, check, write), `bulk::Engine` (the import is previewed as a run). The window:
//! `commands/sheets.rs`, `drop.rs` (a dropped sheet is held, not imported as a credential). The
//! CLI: `sheet export`, `sheet import`.

use serde::Serialize;
use ts_rs::TS;

use metadesk_base::i18n::SavedText;
use metadesk_base::i18n::{Localizer, Text};
use metadesk_bulk::RunSummary;

use crate::app::scope_requests::ScopeRequest;
use metadesk_sheets::Issue;

mod export;
pub(crate) use export::{Taken, save_whole, values_in_scope, with_extension_of};
mod import;
mod kept_issues;
mod problems_csv;

pub(crate) use export::entries_asked;
pub use export::export_file_name;
pub use import::read_sheet_file;
pub use kept_issues::{
    FIRST_ISSUES, IssueCounts, IssueFilter, IssuePage, KeptIssues, MAX_ISSUES_PAGE,
};
pub use problems_csv::write_issues_csv;

/// Export a scope's metadata as a sheet: what the window sends (`export_sheet`).
#[derive(Debug, Clone, serde::Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SheetExportRequest {
    /// The person's scope, made the run's by the core ([`ScopeRequest::run_scope`]).
    pub scope: ScopeRequest,
    /// The columns, one property each.
    pub properties: Vec<String>,
    pub format: SheetFormat,
}

/// Check and preview a held sheet (dropped or chosen): what the window sends (`preview_sheet`).
#[derive(Debug, Clone, serde::Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SheetPreviewRequest {
    pub connection_id: String,
    /// The held file's id (`HeldSheet.id`).
    pub sheet_id: String,
    /// Preview the rows without errors rather than stop at the first.
    pub skip_rows_in_error: bool,
}

/// A page of a checked sheet's problems (`sheet_issues`): those `filter` keeps, from the
/// `offset`-th, at most `limit`.
#[derive(Debug, Clone, serde::Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SheetIssuesRequest {
    pub import_id: String,
    pub filter: IssueFilter,
    pub offset: usize,
    pub limit: usize,
}

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
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
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
    /// Assets of the folder that AEM's search index did not return yet (added in the last
    /// minutes): each was read on its own, and is in the sheet.
    #[ts(type = "number")]
    pub unindexed: u64,
    /// When the search that chose a search scope's assets was sent (RFC 3339); null for a
    /// folder or a list.
    pub searched_at: Option<String>,
    /// What AEM's search index did not know, in words (the reader's language once a face has
    /// it): see [`metadesk_bulk::found_by::index_notice`]. Null when there is nothing to say.
    #[ts(type = "string | null")]
    pub index_notice: Option<Text>,
}

impl SheetExport {
    /// Words the reasons in `l`'s language, as a face shows them.
    pub fn localize(&mut self, l: &Localizer) {
        self.unread.iter_mut().for_each(|r| r.localize(l));
        if let Some(notice) = &mut self.index_notice {
            notice.localize(l);
        }
    }
}

/// An export saved to a file.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
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
    /// The import's id, to ask for its other problems ([`crate::app::Workspace::sheet_issues`])
    /// or save them all as CSV.
    pub import_id: String,
    pub file_name: String,
    /// "Excel workbook (.xlsx)", "CSV, ';'-separated, Windows-1252", … (`sheet-format…`,
    /// worded in the reader's language by [`SheetImport::localize`]).
    #[ts(type = "string")]
    pub format: Text,
    #[ts(type = "number")]
    pub rows: u64,
    /// How many problems the sheet has, of each severity.
    pub issue_counts: IssueCounts,
    /// The first problems ([`FIRST_ISSUES`] at most), in the order of the sheet (file and
    /// headers first); the others are kept in the workspace by `import_id`.
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
        self.issue_counts.errors > 0
    }
}

#[cfg(test)]
mod tests;
