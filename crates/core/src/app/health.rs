//! The asset health report (issue 66), read-only: for a scope (a folder, with its subfolders or
//! not, a search, a list), its assets and, among them, the images without a description (a
//! page's alt text: `adobe-wire-lifecycle.md` §5), the expired assets and those that expire
//! within N days (`prism:expirationDate`, §4), those with an off time (`jcr:content/offTime`),
//! those used on Sites pages and those used nowhere (AEM's reference search, §3), those changed
//! since their last publication, and those lacking required metadata (the schema check,
//! [`Workspace::missing_metadata`]).
//!
//! Which assets the scope holds comes from its listing, the one a sheet export walks
//! (`sheets/export.rs`); searches only tell values of listed paths: values by batched checks of
//! exact paths (one read per asset where the API has none, or where the index missed one),
//! off times by a QueryBuilder query of exact paths (an asset the index has not seen yet read
//! from its `jcr:content` node), website states by the publication checks, references by
//! [`pages_using`], each asset asked once. Every read goes through the engine's [`Reads`] (its
//! gate, retries and the job's cancellation) and the job's progress is told as it goes. What a
//! connection cannot tell (an OAuth Server-to-Server token's off times, states or references)
//! is said in `unknown`, never counted as "none". Nothing is written.
//!
//! Not here: the reads of the assets' values, off times and states, side by side
//! (`health_reads.rs`); the fixes (a bulk edit, publish or unpublish run the faces open,
//! prefilled).

use std::collections::HashSet;
use std::sync::atomic::AtomicU64;

use serde::Serialize;
use serde_json::Value;
use time::{Duration, OffsetDateTime};
use ts_rs::TS;

use crate::app::health_reads::{
    Progressed, STEPS, changed_since_publication, off_times, values_of,
};
use crate::app::jobs::{job_cancelled, job_on};
use crate::app::references::pages_using;
use crate::app::schemas::is_empty;
use crate::app::sheets::{Taken, entries_asked};
use crate::app::{JobKind, Opened, SheetExport, Workspace};
use metadesk_assets::references::PageUse;
use metadesk_base::i18n::{Localizer, SavedText, Text};
use metadesk_base::timefmt::{now_rfc3339, parse_aem_time};
use metadesk_bulk::by_folder::{CountTally, FolderCount};
use metadesk_bulk::progress::ProgressFn;
use metadesk_bulk::scope::days_of;
use metadesk_bulk::{Engine, RunScope};
use metadesk_clients::error::{Error, ErrorCode, Result};

/// The expiry window when none is given: 30 days.
pub const EXPIRING_WITHIN_DAYS: u32 = 30;

/// One count of the report and the assets behind it, sorted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct HealthList {
    #[ts(type = "number")]
    pub count: u64,
    pub paths: Vec<String>,
    /// The same count per direct subfolder of the report's folder (most first, at most
    /// [`metadesk_bulk::by_folder::FOLDERS_SHOWN`]): the window's bars.
    pub folders: Vec<FolderCount>,
    /// Subfolders with some of these assets that `folders` leaves out.
    #[ts(type = "number")]
    pub more_folders: u64,
}

impl HealthList {
    fn of(mut paths: Vec<String>) -> HealthList {
        paths.sort();
        paths.dedup();
        HealthList {
            count: paths.len() as u64,
            paths,
            ..HealthList::default()
        }
    }

    /// Counts the list's assets per direct subfolder of `root`.
    fn by_folder(&mut self, root: &str) {
        let mut tally = CountTally::default();
        self.paths.iter().for_each(|p| tally.asset(root, p));
        (self.folders, self.more_folders) = tally.biggest();
    }
}

/// What the report found. JSON keys are the CLI's (`--json`), in snake case.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct HealthReport {
    pub folder: String,
    pub expiring_within_days: u32,
    /// When it was read (RFC 3339): expiry counts from then.
    pub checked_at: String,
    pub assets: HealthList,
    pub without_description: HealthList,
    pub expired: HealthList,
    pub expiring: HealthList,
    pub with_off_time: HealthList,
    pub used_on_pages: HealthList,
    pub used_nowhere: HealthList,
    /// The assets whose pages AEM's reference search could not tell (issue 78): neither in
    /// `used_on_pages` nor in `used_nowhere`.
    pub references_unknown: HealthList,
    pub changed_since_publication: HealthList,
    pub missing_required: HealthList,
    /// The pages that use the scope's assets, by asset then page.
    pub pages: Vec<PageUse>,
    /// What could not be told, and why (those counts are then empty, not "none").
    #[ts(type = "Array<string>")]
    pub unknown: Vec<Text>,
    /// Folders that could not be listed (their assets are not in the report).
    pub unlisted_folders: Vec<String>,
    /// Assets that could not be read, with the reason.
    #[ts(type = "Array<string>")]
    pub unread: Vec<SavedText>,
}

impl HealthReport {
    pub(crate) fn lists_mut(&mut self) -> [&mut HealthList; 10] {
        [
            &mut self.assets,
            &mut self.without_description,
            &mut self.expired,
            &mut self.expiring,
            &mut self.with_off_time,
            &mut self.used_on_pages,
            &mut self.used_nowhere,
            &mut self.references_unknown,
            &mut self.changed_since_publication,
            &mut self.missing_required,
        ]
    }

    pub fn localize(&mut self, l: &Localizer) {
        self.unknown.iter_mut().for_each(|t| t.localize(l));
        self.unread.iter_mut().for_each(|r| r.localize(l));
    }
}

/// Reads `30d`, `30 days`, `30` as a number of days, 1 to ten years (as a search's "expires
/// within" reads it).
pub fn parse_expiring_within(raw: &str) -> Result<u32> {
    days_of(raw).ok_or_else(|| {
        Error::message(
            ErrorCode::InvalidInput,
            "error-health-bad-duration",
            vec![("duration", raw.trim().into())],
        )
    })
}

impl Workspace {
    /// The health report of `scope`, expiry counted `expiring_within_days` ahead. Writes
    /// nothing. A job like a count: any new job cancels it. Every read goes through the
    /// engine's gate and retries (`bulk::engine::Reads`), and `on_progress` is told how far it
    /// is (`done` of `total`: [`STEPS`] reads of each listed asset).
    pub async fn health(
        &self,
        opened: &Opened,
        scope: &RunScope,
        expiring_within_days: u32,
        on_progress: ProgressFn<'_>,
    ) -> Result<HealthReport> {
        let folder = scope.folder().to_string();
        let job = self
            .jobs
            .start(JobKind::Count, job_on("job-health", &folder))?;
        let engine = Engine::new(opened.connected.assets.clone(), self.runs_dir());
        let reads = engine.reads(job.control());
        // First: a folder that does not exist is said before anything else is asked.
        self.scope_folder_schema(opened, &reads, &folder).await?;
        let aem = reads.aem();
        let mut listing = SheetExport::default();
        let entries = entries_asked(&reads, aem, scope, Taken::Assets, &mut listing).await?;
        let paths: Vec<String> = entries.iter().map(|e| e.path.clone()).collect();
        let progress = Progressed {
            reads: &reads,
            on_progress,
            total: STEPS * paths.len() as u64,
            done: AtomicU64::new(0),
        };
        progress.add(0);
        let none = SheetExport::default();
        let told = || progress.add(1);
        let missing = self
            .missing_in(opened, scope, &reads, entries, none, &told)
            .await?;
        let now = OffsetDateTime::now_utc();
        let mut report = HealthReport {
            folder,
            expiring_within_days,
            checked_at: now_rfc3339(),
            assets: HealthList::of(paths.clone()),
            without_description: HealthList::default(),
            expired: HealthList::default(),
            expiring: HealthList::default(),
            with_off_time: HealthList::default(),
            used_on_pages: HealthList::default(),
            used_nowhere: HealthList::default(),
            references_unknown: HealthList::default(),
            changed_since_publication: HealthList::default(),
            missing_required: HealthList::of(missing.assets_lacking()),
            pages: Vec::new(),
            unknown: Vec::new(),
            unlisted_folders: listing.unlisted_folders,
            unread: listing.unread,
        };
        // The schema check's gaps are the report's too.
        report.unknown.extend(missing.unavailable);
        report.unread.extend(missing.unread);
        let values = values_of(&reads, &paths, &mut report.unread, &progress).await?;
        let horizon = now + Duration::days(i64::from(expiring_within_days));
        let (mut bare, mut expired, mut expiring) = (Vec::new(), Vec::new(), Vec::new());
        for (path, metadata) in &values {
            let format = metadata.get("dc:format").and_then(Value::as_str);
            if format.is_some_and(|f| f.starts_with("image/"))
                && is_empty(metadata.get("dc:description"))
            {
                bare.push(path.clone());
            }
            let expires = metadata.get("prism:expirationDate").and_then(Value::as_str);
            match expires.and_then(parse_aem_time) {
                Some(at) if at < now => expired.push(path.clone()),
                Some(at) if at < horizon => expiring.push(path.clone()),
                _ => {}
            }
        }
        report.without_description = HealthList::of(bare);
        report.expired = HealthList::of(expired);
        report.expiring = HealthList::of(expiring);
        let step = paths.len() as u64;
        match off_times(&reads, &paths, &mut report.unread, &progress).await? {
            Some(with) => report.with_off_time = HealthList::of(with),
            None => {
                progress.add(step);
                report.unknown.push(Text::plain("health-off-time-unknown"));
            }
        }
        match changed_since_publication(&reads, &paths, &progress).await? {
            Some(changed) => report.changed_since_publication = HealthList::of(changed),
            None => {
                progress.add(step);
                report
                    .unknown
                    .push(Text::plain("health-publication-unknown"));
            }
        }
        let shape = self.references.shape(opened);
        let base = (STEPS - 1) * step;
        let base = base.max(progress.so_far());
        let told = |n: u64| progress.tell(base + n, false);
        let uses = pages_using(&reads, &paths, &shape, &told).await?;
        if reads.is_cancelled() {
            return Err(job_cancelled());
        }
        progress.tell(progress.total, true);
        let unknown: HashSet<&str> = uses.unknown.iter().map(|(p, _)| p.as_str()).collect();
        let used: HashSet<&str> = uses.pages.iter().map(|u| u.asset.as_str()).collect();
        let (mut on, mut nowhere, mut not_known) = (Vec::new(), Vec::new(), Vec::new());
        for p in &paths {
            if unknown.contains(p.as_str()) {
                not_known.push(p.clone());
            } else if used.contains(p.as_str()) {
                on.push(p.clone());
            } else {
                nowhere.push(p.clone());
            }
        }
        report.used_on_pages = HealthList::of(on);
        report.used_nowhere = HealthList::of(nowhere);
        report.references_unknown = HealthList::of(not_known);
        report.unknown.extend(uses.unknown_text());
        report.pages = uses.pages;
        let root = report.folder.clone();
        report
            .lists_mut()
            .into_iter()
            .for_each(|l| l.by_folder(&root));
        Ok(report)
    }
}
