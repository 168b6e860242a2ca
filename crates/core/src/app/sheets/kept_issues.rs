//! The problems of the last sheets imported, kept in the core by import so that a face asks
//! for them a page at a time (a million-row sheet may have half a million problems: one IPC
//! message holding them all took hundreds of MB) and the problems' CSV is written from here.
//!
//! Not here: finding the problems (`import.rs`, `metadesk_sheets`), writing the CSV
//! (`problems_csv.rs`).

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use metadesk_base::i18n::Localizer;
use metadesk_clients::error::{Error, ErrorCode, Result};
use metadesk_sheets::{Issue, Severity};

/// How many problems an import's answer carries; the others are asked a page at a time.
pub const FIRST_ISSUES: usize = 200;

/// The largest page of problems a face may ask for at once.
pub const MAX_ISSUES_PAGE: usize = 1000;

/// How many imports keep their problems: the window shows one sheet; the one before stays for
/// a moment while a new check replaces it.
const KEPT_IMPORTS: usize = 3;

/// How many problems an import found, of each severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IssueCounts {
    #[ts(type = "number")]
    pub errors: u64,
    #[ts(type = "number")]
    pub warnings: u64,
    #[ts(type = "number")]
    pub total: u64,
}

impl IssueCounts {
    pub fn of(issues: &[Issue]) -> IssueCounts {
        let errors = issues
            .iter()
            .filter(|i| i.severity == Severity::Error)
            .count() as u64;
        let total = issues.len() as u64;
        IssueCounts {
            errors,
            warnings: total - errors,
            total,
        }
    }
}

/// Which problems a page is taken from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum IssueFilter {
    #[default]
    All,
    Errors,
    Warnings,
}

impl IssueFilter {
    fn keeps(self, issue: &Issue) -> bool {
        match self {
            IssueFilter::All => true,
            IssueFilter::Errors => issue.severity == Severity::Error,
            IssueFilter::Warnings => issue.severity == Severity::Warning,
        }
    }
}

/// A page of an import's problems, in the order of the sheet.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IssuePage {
    pub issues: Vec<Issue>,
    /// How many problems the filter keeps in the whole import.
    #[ts(type = "number")]
    pub total: u64,
}

impl IssuePage {
    /// Words the problems in `l`'s language, as a face shows them.
    pub fn localize(&mut self, l: &Localizer) {
        self.issues.iter_mut().for_each(|i| i.localize(l));
    }
}

/// The problems of the last few imports, by import id.
#[derive(Default)]
pub struct KeptIssues {
    inner: Mutex<Kept>,
}

#[derive(Default)]
struct Kept {
    next: u64,
    imports: VecDeque<(String, Arc<Vec<Issue>>)>,
}

impl KeptIssues {
    /// Keeps `issues` under a new import id (forgetting the oldest import past a few).
    pub fn keep(&self, issues: Vec<Issue>) -> String {
        let mut kept = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        kept.next += 1;
        let id = format!("import-{}", kept.next);
        kept.imports.push_back((id.clone(), Arc::new(issues)));
        while kept.imports.len() > KEPT_IMPORTS {
            kept.imports.pop_front();
        }
        id
    }

    /// Every problem of import `id`, or an error saying the import is no longer kept.
    pub fn all(&self, id: &str) -> Result<Arc<Vec<Issue>>> {
        let kept = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        kept.imports
            .iter()
            .find(|(kept_id, _)| kept_id == id)
            .map(|(_, issues)| Arc::clone(issues))
            .ok_or_else(|| {
                Error::message(ErrorCode::InvalidInput, "error-sheet-issues-gone", vec![])
            })
    }

    /// The problems `filter` keeps, from the `offset`-th, at most `limit` of them
    /// ([`MAX_ISSUES_PAGE`] at most), with how many the filter keeps in all.
    pub fn page(
        &self,
        id: &str,
        filter: IssueFilter,
        offset: usize,
        limit: usize,
    ) -> Result<IssuePage> {
        let all = self.all(id)?;
        let kept = all.iter().filter(|i| filter.keeps(i));
        let total = kept.clone().count() as u64;
        let issues = kept
            .skip(offset)
            .take(limit.min(MAX_ISSUES_PAGE))
            .cloned()
            .collect();
        Ok(IssuePage { issues, total })
    }
}

impl crate::app::Workspace {
    /// A page of import `import_id`'s problems: those `filter` keeps, from the `offset`-th, at
    /// most `limit` ([`MAX_ISSUES_PAGE`] at most), with how many it keeps in all. Not worded:
    /// the face words the page ([`IssuePage::localize`]).
    pub fn sheet_issues(
        &self,
        import_id: &str,
        filter: IssueFilter,
        offset: usize,
        limit: usize,
    ) -> Result<IssuePage> {
        self.sheet_issues.page(import_id, filter, offset, limit)
    }

    /// Every problem of import `import_id` (the terminal prints them all).
    pub fn all_sheet_issues(&self, import_id: &str) -> Result<Arc<Vec<Issue>>> {
        self.sheet_issues.all(import_id)
    }
}
