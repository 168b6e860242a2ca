//! Bulk runs as use cases: count a scope, browse folders, preview an edit (or the undo or retry
//! of a run), apply or resume a previewed run behind the production guard, read run histories
//! and reports, and export a report as CSV. Each long use case takes the workspace's one job
//! ([`super::Jobs`]), so the window and the CLI obey the same one-job-at-a-time rule.
//!
//! Not here: opening connections ([`super::opening`]) or how progress is shown.
//!
//! The use case in full (ARCHITECTURE.md points here): browse folders, complete a path, a folder's
//! first assets for its thumbnail strip (`assets/browse.rs`). Here: `runs.rs`. The layers below:
//! `assets/browse.rs`, `bulk/scope_count.rs`. The window: `commands/bulk.rs`. The CLI: (scope count
//! in `bulk`).
//!
//! The use case in full (ARCHITECTURE.md points here): preview, apply, resume, undo, retry (with
//! the production guard and the one-job rule); a folder's assets always come from its listings,
//! paged to their stated totals (`engine/listed.rs`: AEM's search index lags behind the repository,
//! so a search says values, never which assets a folder holds), their values from batched
//! exact-path checks (`engine/checks.rs`); an asset a check does not return is read on its own and
//! counted, and the run says so (`found_by::index_notice`, also a search scope's "what the index
//! held at …"); on the classic API the apply checks and writes in batches (one QueryBuilder check
//! and one Sling POST per batch: `engine/batched.rs`, `assets/batch.rs`), one asset per request
//! elsewhere or where AEM refuses batch writes (remembered per connection: `bulk/write_paths.rs`);
//! the previews of an undo and a retry read their assets back in the same batched checks
//! (`engine/from_rows.rs`). Here: `runs.rs`, `jobs.rs`. The layers below: `bulk::Engine`
//! (`engine/`: listed, checks, planning, applying, batched, from_rows, undo, retry, searched),
//! `bulk/journal.rs`, `bulk/write_paths.rs`, `bulk/concurrency.rs`, `bulk/run_control.rs`,
//! `assets/batch.rs`. The window: `commands/bulk.rs`. The CLI: `bulk …`.
//!
//! The use case in full (ARCHITECTURE.md points here): list runs, pages of preview and report rows
//! (the failed rows' first page with why they failed, once per reason with their folders:
//! `bulk/failures.rs`), export a report; a preview's age (`runs::PREVIEW_FRESH_FOR`) and the
//! required fields it empties (`emptied_required`, acknowledged in `ApplyRequest`). Here: `runs.rs`
//! (both faces read runs through it: `list_runs`, `preview_rows`, `report_rows`, `report_each`,
//! `run_failures`, `run_folders`, `export_report`, `write_report_csv`); what a run did per
//! subfolder of its folder, for the report's bars (`bulk/by_folder.rs`). The layers below:
//! `bulk/runs.rs`, `bulk/run_history.rs` (every run, kept between listings), `bulk/replay.rs`,
//! `bulk/failures.rs`, `bulk/by_folder.rs`. The window:
//! `commands/bulk.rs`. The CLI: `runs …`, a preview's rows in `bulk/preview.rs`.

use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;

use super::whole_file::write_whole_file;

use super::jobs::job_on;
use super::previews::OnProgress;
use super::{JobKind, Opened, Workspace, blocking};
use metadesk_assets::browse::{self, FolderAssets, FolderEntry, FolderPage};
use metadesk_assets::open_search;
use metadesk_base::i18n::{Localizer, Text};
use metadesk_bulk::by_folder::{FolderOutcomes, OutcomeTally};
use metadesk_bulk::open_query;
use metadesk_bulk::open_walk::{self, OpenCount};
use metadesk_bulk::run_history::RunHistory;
use metadesk_bulk::scope_count::Estimate;
use metadesk_bulk::{
    Action, ApplyRequest, Edit, Engine, PreviewPage, ReportPage, ReportStatus, RunKind, RunScope,
    RunSource, RunSpec, RunSummary, ScopeCount, report_csv, run_undone, runs, scope_count,
};
use metadesk_clients::error::{Error, ErrorCode, Result};
use metadesk_store::connections::confirm_production;

/// Children per page of the folder tree.
pub const FOLDER_PAGE: u64 = 200;
/// Suggestions per completion.
pub const COMPLETIONS: usize = 50;
/// Assets a folder's thumbnail strip shows.
pub const FOLDER_ASSETS: usize = 48;

impl Workspace {
    /// One page of a folder's subfolders, for the folder tree. An OAuth S2S connection browses
    /// with its own token through the Folders API, paired or not.
    pub async fn folder_page(
        &self,
        opened: &Opened,
        folder: &str,
        offset: u64,
    ) -> Result<FolderPage> {
        browse::folder_page(
            opened.connected.assets.as_ref(),
            folder,
            offset,
            FOLDER_PAGE,
        )
        .await
    }

    /// The first assets of a folder with their names and titles, for its thumbnail strip (see
    /// [`browse::folder_assets`]). An OAuth S2S connection with no classic connection to list
    /// the folder takes the first page of AEM's OpenAPI search for the folder's own assets;
    /// where AEM does not answer that search, it is refused in words.
    pub async fn folder_assets(&self, opened: &Opened, folder: &str) -> Result<FolderAssets> {
        let aem = opened.connected.assets.as_ref();
        if !opened.cannot_find_assets() {
            return browse::folder_assets(aem, folder, FOLDER_ASSETS).await;
        }
        let items = open_query::folder_items(folder, false);
        let body = open_search::request_body(&items, FOLDER_ASSETS as u64, None);
        match aem.open_search(&body).await {
            Ok(page) => browse::searched_folder_assets(folder, page, FOLDER_ASSETS),
            Err(e) if open_search::unavailable(&e) => {
                tracing::info!(error = %e, "AEM does not answer the OpenAPI search");
                Err(opened.require_paired().err().unwrap_or_else(|| {
                    open_query::needs_paired(&opened.label, opened.connection_id.is_some())
                }))
            }
            Err(e) => Err(open_query::failed(e, &opened.label)),
        }
    }

    /// Subfolders completing a typed path.
    pub async fn complete_folder(&self, opened: &Opened, typed: &str) -> Result<Vec<FolderEntry>> {
        browse::complete(opened.connected.assets.as_ref(), typed, COMPLETIONS).await
    }

    /// Counts the assets a folder and its filters select; a count still running is cancelled
    /// first, and any new job cancels this one (which then returns `done: false`). The faces
    /// count through [`Workspace::count_scope`], which also counts searches and lists.
    pub(crate) async fn count_folder(
        &self,
        opened: &Opened,
        scope: &RunScope,
        on_update: &(dyn Fn(ScopeCount) + Send + Sync),
    ) -> Result<ScopeCount> {
        let (folder, filters) = (scope.folder(), scope.filters());
        let job = self
            .jobs
            .start(JobKind::Count, job_on("job-count-folder", folder))?;
        let aem = opened.connected.assets.as_ref();
        if !opened.cannot_find_assets() {
            return scope_count::count(aem, scope, job.control(), on_update).await;
        }
        // An OAuth S2S connection with nobody to list the folder: AEM's OpenAPI search counts
        // it in one request. The name and format filters are not in that search (the preview
        // checks each asset), so the count says it is "before filters" rather than be wrong.
        let who = (opened.label.as_str(), opened.connection_id.is_some());
        let counted =
            match open_walk::count_folder(aem, folder, filters.recursive, who, job.control())
                .await?
            {
                OpenCount::Counted { assets, at_least } => ScopeCount {
                    assets,
                    done: true,
                    estimate: Some(Estimate {
                        at_least,
                        before_filters: filters.name.is_some() || !filters.formats.is_empty(),
                    }),
                    ..ScopeCount::default()
                },
                OpenCount::Cancelled | OpenCount::UseClassic(_) => ScopeCount::default(),
            };
        on_update(counted.clone());
        Ok(counted)
    }

    /// Previews a new edit run ([`PreviewRequest::Edit`]), or a tag change's run with the step
    /// it ends with: journals the plan, writes nothing to AEM.
    pub(crate) async fn preview_spec(
        &self,
        opened: &Opened,
        scope: RunScope,
        mut edits: Vec<Edit>,
        tag_step: Option<metadesk_bulk::tag_step::TagStep>,
        on_progress: OnProgress<'_>,
    ) -> Result<RunSummary> {
        // A search or a list may go through the OpenAPI search; so does a folder's assets for an
        // OAuth S2S connection with no classic connection to list them, where AEM answers it.
        if scope.filters().selection.is_none() {
            self.require_folder_search(opened).await?;
        }
        let engine = Engine::new(opened.connected.assets.clone(), self.runs_dir())
            .with_paired(opened.paired_with.clone());
        // The values rules compute are known per asset: the plan checks them against it. A
        // folder's listings are sent while it is read, and kept for the preview.
        let account = opened.connected.account.as_deref();
        let read = self.scope_schema(opened, &scope, false);
        let read = engine.listing_while(&scope, account, read).await.ok();
        let schema = read.as_ref().and_then(|s| s.schema.clone()).map(Arc::new);
        crate::app::schemas::templates_by_property(&mut edits, schema.as_deref());
        // Checked on the schema just read: one read per preview, not one per check.
        if let Some(read) = &read {
            crate::app::schemas::refuse_edits(read, &edits)?;
        }
        let spec = RunSpec {
            op: tag_step.map(metadesk_bulk::ops::OpPlan::TagChange),
            ..opened.spec(scope, edits, RunKind::Edit)
        }
        .validated()?;
        let label = job_on("job-preview", spec.scope.folder());
        let engine = engine.with_schema(schema);
        self.plan(label, engine, RunSource::Scope(spec), on_progress)
            .await
    }

    /// Previews the undo of run `of` or (`retry`) its retry, on the connection opened for that
    /// run ([`Workspace::open_for_run`]).
    pub(crate) async fn preview_from_run(
        &self,
        opened: &Opened,
        of: String,
        retry: bool,
        on_progress: OnProgress<'_>,
    ) -> Result<RunSummary> {
        let summary = self.run_summary(&of).await?;
        summary.kind.refuses_plan_from(&of, retry)?;
        self.refuse_engine_on_upload_undo(&summary, false).await?;
        // An upload's undo deletes the files it made: its rows come from its journal.
        if summary.kind.is_upload() {
            return self.preview_upload_undo(opened, &of, on_progress).await;
        }
        // A tag import's (or a rename's) undo puts back what its journal says it wrote.
        if summary
            .op
            .as_ref()
            .and_then(|op| op.as_tag_import())
            .is_some()
        {
            return self.preview_tag_import_undo(opened, &of, on_progress).await;
        }
        // A retry computes its rules again: their values are checked as the first preview's,
        // against the same folder's schema (a list's is found from its entries, in the journal).
        let schema = if !retry {
            None
        } else if summary.fragments.is_some() {
            // A fragment run's fields are its models'.
            let model = summary.fragments.as_ref().and_then(|f| f.model.clone());
            let listed = self
                .list_fragments(opened, &summary.folder, model.as_deref())
                .await?;
            Some(Arc::new(crate::app::FolderSchema {
                folder: summary.folder.clone(),
                schema: Some(listed.fields),
                unavailable: None,
            }))
        } else {
            let schema_folder = if summary.list_entries.is_some() {
                let journal = metadesk_bulk::runs::path_of(&self.runs_dir(), &of)?;
                let spec =
                    blocking(move || Ok(metadesk_bulk::replay::Replay::load(&journal)?.spec))
                        .await?;
                crate::app::schemas::schema_folder(&spec.scope)
            } else {
                summary.folder.clone()
            };
            self.folder_schema(opened, &schema_folder, false).await.ok()
        };
        let schema = schema.and_then(|s| s.schema.clone()).map(Arc::new);
        let aem = self.assets_for(opened, &summary)?;
        let (which, plan) = if retry {
            ("retry", RunSource::Retry { of })
        } else {
            ("undo", RunSource::Undo { of })
        };
        let label = Text::new(
            "job-preview-of-run",
            vec![("kind", which.into()), ("folder", summary.folder.into())],
        );
        let engine = Engine::new(aem, self.runs_dir()).with_schema(schema);
        self.plan(label, engine, plan, on_progress).await
    }

    /// Applies a previewed run, or finishes an interrupted or cancelled one, on the connection
    /// opened for it. A production connection needs its name typed (`confirm_name`).
    pub async fn apply(
        &self,
        opened: &Opened,
        run_id: &str,
        confirm_name: Option<&str>,
        on_progress: OnProgress<'_>,
    ) -> Result<RunSummary> {
        let request = ApplyRequest {
            run_id: run_id.to_owned(),
            confirm_name: confirm_name.map(str::to_owned),
            empty_required: false,
            republish: false,
        };
        self.apply_request(opened, &request, on_progress).await
    }

    /// [`Workspace::apply`] as a face asks it: a run that leaves fields the form requires
    /// empty is applied only once the user said so (`request.empty_required`); one to be
    /// republished (`request.republish`) is refused, with nothing written, where the
    /// connection cannot publish.
    pub async fn apply_request(
        &self,
        opened: &Opened,
        request: &ApplyRequest,
        on_progress: OnProgress<'_>,
    ) -> Result<RunSummary> {
        let (run_id, confirm_name) = (&request.run_id, request.confirm_name.as_deref());
        let summary = self.run_summary(run_id).await?;
        self.refuse_engine_on_upload_undo(&summary, true).await?;
        self.refuse_resume_of_undone_upload(&summary).await?;
        super::tag_changes::refuse_unwhole_tag_step(&summary)?;
        let aem = self.assets_for(opened, &summary)?;
        if request.republish {
            // Through what writes the run: a fragments' run publishes through the Sites API.
            metadesk_bulk::publish_words::check_publishes(aem.as_ref())?;
        }
        if summary.applied_at.is_none()
            && !summary.emptied_required.is_empty()
            && !request.empty_required
        {
            let fields = summary.emptied_required.iter().map(|e| {
                Text::new(
                    "emptied-required-field",
                    vec![
                        ("label", e.label.as_str().into()),
                        ("property", e.property.as_str().into()),
                    ],
                )
            });
            return Err(Error::worded(
                ErrorCode::InvalidInput,
                Text::new(
                    "error-apply-empties-required",
                    vec![("fields", metadesk_base::i18n::Part::List(fields.collect()))],
                ),
            ));
        }
        let job = self
            .jobs
            .start(JobKind::Apply, job_on("job-apply", &summary.folder))?;
        job.set_run_id(&summary.id);
        confirm_production(opened.connection(), confirm_name)?;
        // A tag import's undo asks what holds a tag it would remove (the core's exact reads).
        let holders = super::taxonomy_holders::Holders::new(opened.connected.assets.clone());
        let engine = Engine::new(aem, self.runs_dir()).with_tag_holders(Arc::new(holders));
        let applied = engine.apply(&summary.id, job.control(), on_progress).await;
        // The edit rows' sample holds values from before: it is read again next time.
        self.samples.forget().await;
        applied
    }

    /// One run's summary: from the run history while its journal is unchanged (a report
    /// opened again does not replay it).
    pub async fn run_summary(&self, run_id: &str) -> Result<RunSummary> {
        let (dir, id, history) = (self.runs_dir(), run_id.to_owned(), self.history());
        blocking(move || history.summary(&dir, &id)).await
    }

    /// The run history kept between listings, for a task that lists runs.
    pub(crate) fn history(&self) -> Arc<RunHistory> {
        Arc::clone(&self.history)
    }

    /// Every run, newest first: the journals unchanged since the last listing are not read
    /// again (`RunHistory`).
    pub async fn list_runs(&self) -> Result<Vec<RunSummary>> {
        let (dir, history) = (self.runs_dir(), self.history());
        blocking(move || history.list(&dir)).await
    }

    /// A page of a run's preview rows; `action` none means every row.
    pub async fn preview_rows(
        &self,
        run_id: &str,
        action: Option<Action>,
        offset: u64,
        limit: u64,
    ) -> Result<PreviewPage> {
        let (dir, id) = (self.runs_dir(), run_id.to_owned());
        blocking(move || runs::preview_page(&dir, &id, action, offset, limit)).await
    }

    /// Each row of a run's report in order, streamed to `each` on the calling thread (a run of
    /// 100,000 assets is never held in memory): the CLI's `runs show`, which prints as it reads.
    pub fn report_each(
        &self,
        run_id: &str,
        each: impl FnMut(metadesk_bulk::ReportRow) -> Result<()>,
    ) -> Result<()> {
        runs::report(&self.runs_dir(), run_id, each)
    }

    /// Why a run's assets failed, once per reason with their folders (`runs show`'s groups;
    /// the window gets them with the failed rows' first page, [`Self::report_rows`]).
    pub async fn run_failures(
        &self,
        run_id: &str,
    ) -> Result<Vec<metadesk_bulk::failures::FailureGroup>> {
        let (dir, id) = (self.runs_dir(), run_id.to_owned());
        blocking(move || runs::failures(&dir, &id)).await
    }

    /// What run `run_id` did per direct subfolder of its folder (changed, unchanged, skipped,
    /// failed), the biggest folders first: its report's rows are streamed, only the tallies
    /// are kept.
    pub async fn run_folders(&self, run_id: &str) -> Result<FolderOutcomes> {
        let (dir, id) = (self.runs_dir(), run_id.to_owned());
        blocking(move || {
            let spec = runs::spec(&dir, &id)?;
            let folder = spec.scope.folder().as_str();
            let mut tally = OutcomeTally::default();
            runs::report(&dir, &id, |row| {
                tally.add(folder, &row.path, row.status);
                Ok(())
            })?;
            Ok(tally.finish())
        })
        .await
    }

    /// Writes run `run_id`'s report as CSV to `out` as it reads it (the CLI's `runs show --csv
    /// -`), its reasons in `words`' language, and its headers too with `localized_headers`.
    pub fn write_report_csv(
        &self,
        run_id: &str,
        words: &Localizer,
        localized_headers: bool,
        out: &mut dyn Write,
    ) -> Result<()> {
        let options = report_csv::CsvOptions {
            words,
            localized_headers,
        };
        report_csv::write_csv(&self.runs_dir(), run_id, options, out)
    }

    /// A page of a run's report; `status` none means every asset.
    pub async fn report_rows(
        &self,
        run_id: &str,
        status: Option<ReportStatus>,
        offset: u64,
        limit: u64,
    ) -> Result<ReportPage> {
        let (dir, id) = (self.runs_dir(), run_id.to_owned());
        let history = self.history();
        blocking(move || {
            let mut page = runs::report_page(&dir, &id, status, offset, limit)?;
            // Undone since: each row says what happened to it last (put back, kept…).
            let all = history.list(&dir)?;
            if let Some(undo) = run_undone::latest_undo(&all, &id) {
                run_undone::mark_undone(
                    &dir,
                    &undo.id,
                    &mut page.rows,
                    |row| row.path.as_str(),
                    |row, undone| row.undone = Some(undone),
                )?;
            }
            // The failed assets' first page comes with why they failed, said once per reason.
            if status == Some(ReportStatus::Failed) && offset == 0 && page.total > 0 {
                page.failures = runs::failures(&dir, &id)?;
            }
            Ok(page)
        })
        .await
    }

    /// Writes run `run_id`'s report as CSV to `target` (see [`write_whole_file`]; `replace`
    /// allows replacing an existing file), its reasons in `words`' language, and its column
    /// headers too with `localized_headers` (machine-readable keys otherwise). Returns the
    /// file's name.
    pub async fn export_report(
        &self,
        run_id: &str,
        target: PathBuf,
        replace: bool,
        words: Arc<Localizer>,
        localized_headers: bool,
    ) -> Result<String> {
        let (dir, id) = (self.runs_dir(), run_id.to_owned());
        blocking(move || {
            runs::summary(&dir, &id)?;
            let options = report_csv::CsvOptions {
                words: &words,
                localized_headers,
            };
            write_whole_file(&target, replace, |out| {
                report_csv::write_excel_csv(&dir, &id, options, out)
            })?;
            Ok(target
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| target.display().to_string()))
        })
        .await
    }
}
