//! The bulk engine: preview (list the folder, read current values, write the plan to the
//! journal) and apply (write exactly the plan, each asset only if it still holds what the
//! preview saw, journaling the values each write replaces before it and its outcome after). `apply` on an interrupted or cancelled run is the resume:
//! it does only what has no outcome yet, and re-reads first any asset whose write may or may
//! not have landed before the process stopped. An undo is a run whose plan comes from an
//! earlier run's journal instead of a folder listing.
//!
//! Not here: the policy of concurrency (concurrency.rs), the file format (journal.rs), run
//! lists and reports (runs.rs), or any UI.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use crate::journal::{
    EmptiedRequired, EndStatus, JOURNAL_VERSION, JournalWriter, PreviewCounts, Record, journal_path,
};
use crate::progress::{Phase, ProgressFn};
use crate::replay::{Replay, RunStatus};
use crate::run_control::RunControl;
use crate::runs::{self, RunSummary};
use crate::scope::ScopeSource;
use crate::spec::{RunKind, RunSpec};
use metadesk_base::timefmt::now_rfc3339;
use metadesk_clients::error::{Error, ErrorCode, Result};

mod applying;
mod batched;
mod checks;
mod context;
mod folder_checks;
mod folder_refusals;
mod fragment_list;
mod from_rows;
mod gated;
mod listed;
mod moving;
mod op_dispatch;
mod operating;
mod part_refusals;
mod planned;
mod planning;
mod publish_undo;
mod publishing;
mod reads;
mod replicating;
mod retry;
mod run_source;
mod searched;
mod sending;
mod settings;
mod setup;
mod tag_importing;
mod tag_reads;
mod tag_step;
mod tag_unimporting;
mod tasks;
mod undo;
mod unuploading;
mod upload;
mod upload_folders;
mod upload_names;
mod upload_values;

use context::{Ctx, forward};
use listed::preview_scope;
pub use moving::fingerprint;
pub use planning::AssetEdits;
use planning::preview_per_asset;
pub use reads::Reads;
pub use run_source::RunSource;
pub use settings::Settings;
pub use setup::Engine;
use undo::preview_undo_rows;

/// A sortable, unique-enough run id: `20260512-103000-123-4f2a` (UTC, milliseconds, salt).
fn new_run_id() -> String {
    let now = time::OffsetDateTime::now_utc();
    let stamp = time::macros::format_description!(
        "[year][month][day]-[hour][minute][second]-[subsecond digits:3]"
    );
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or_default();
    let salt = (nanos ^ std::process::id().wrapping_mul(40_503)) & 0xffff;
    format!("{}-{salt:04x}", now.format(&stamp).unwrap_or_default())
}

impl Engine {
    fn check_family(&self, spec: &RunSpec) -> Result<()> {
        if spec.family == self.aem.family() {
            Ok(())
        } else {
            Err(Error::message(
                ErrorCode::InvalidInput,
                "error-run-other-api",
                vec![
                    ("run", format!("{:?}", spec.family).into()),
                    ("connection", format!("{:?}", self.aem.family()).into()),
                ],
            ))
        }
    }

    /// Earlier run `of`: its journal's path, and what the journal says.
    fn load_run(&self, of: &str) -> Result<(PathBuf, Replay)> {
        let path = runs::path_of(&self.runs_dir, of)?;
        let replay = Replay::load(&path)?;
        Ok((path, replay))
    }

    /// A new run: its journal, opened with the run's definition already on disk.
    pub async fn start_run(&self, spec: &RunSpec) -> Result<(String, JournalWriter)> {
        let (id, journal) = self.create_journal()?;
        journal
            .append_durable(&Record::Run {
                v: JOURNAL_VERSION,
                id: id.clone(),
                created: now_rfc3339(),
                spec: Box::new(spec.clone()),
            })
            .await?;
        Ok((id, journal))
    }

    fn create_journal(&self) -> Result<(String, JournalWriter)> {
        for _ in 0..20 {
            let id = new_run_id();
            match JournalWriter::create(&journal_path(&self.runs_dir, &id)) {
                Ok(w) => return Ok((id, w)),
                Err(Error::Io { source, .. })
                    if source.kind() == std::io::ErrorKind::AlreadyExists =>
                {
                    std::thread::sleep(Duration::from_millis(3));
                }
                Err(e) => return Err(e),
            }
        }
        Err(Error::Internal("could not find a free run id".into()))
    }

    /// Previews `spec`: lists the folder, reads what it must, and journals one row per asset in
    /// scope. Nothing is written to AEM. Returns the new run's summary (status `Previewed`, or
    /// `PreviewIncomplete` when cancelled).
    async fn plan_scope(
        &self,
        spec: RunSpec,
        control: &RunControl,
        on_progress: ProgressFn<'_>,
    ) -> Result<RunSummary> {
        let spec = spec.validated()?;
        spec.kind.check_scope_preview()?;
        if spec.kind.publishes() {
            self.check_family(&spec)?;
            self.check_publishes()?;
            return self.preview_publish(spec, control, on_progress).await;
        }
        self.check_family(&spec)?;
        self.run_preview(spec, control, on_progress, async |ctx| {
            // Where the run's assets come from is the one source's (`source.rs`); a list of
            // content fragments is looked up in the Sites API.
            match ctx.spec.scope.filters().selection.clone() {
                Some(ScopeSource::List { entries })
                    if ctx.spec.scope.filters().fragments.is_some() =>
                {
                    fragment_list::preview_fragment_list(ctx, &entries, on_progress).await
                }
                _ => preview_scope(ctx, self.take_ahead(), on_progress).await,
            }
        })
        .await
    }

    /// Refuses, before anything is sent, to publish through a connection whose API does not
    /// ([`crate::publish_words::check_publishes`]).
    fn check_publishes(&self) -> Result<()> {
        crate::publish_words::check_publishes(self.aem.as_ref())
    }

    /// A publish run's preview: its journal, then its rows (`publishing.rs`).
    async fn preview_publish(
        &self,
        spec: RunSpec,
        control: &RunControl,
        on_progress: ProgressFn<'_>,
    ) -> Result<RunSummary> {
        self.run_preview(spec, control, on_progress, async |ctx| {
            publishing::preview_publish(ctx, &self.runs_dir, on_progress).await
        })
        .await
    }

    /// Plans the republish of what edit run `of` changed: its assets whose write was checked
    /// (outcome `changed`) and that were published before it; the others are left as they are,
    /// each with why.
    async fn preview_republish(
        &self,
        of: &str,
        agent: crate::spec::Agent,
        control: &RunControl,
        on_progress: ProgressFn<'_>,
    ) -> Result<RunSummary> {
        let (_, original) = self.load_run(of)?;
        self.check_family(&original.spec)?;
        self.check_publishes()?;
        if original.spec.kind.publishes() {
            return Err(Error::message(
                ErrorCode::InvalidInput,
                "error-republish-of-publish",
                vec![("run", of.into())],
            ));
        }
        if original.counts.changed == 0 {
            return Err(Error::message(
                ErrorCode::InvalidInput,
                "error-nothing-to-republish",
                vec![("run", of.into())],
            ));
        }
        let spec = RunSpec {
            kind: RunKind::Publish {
                replication: crate::spec::Replication::Publish,
                agent,
                from: Some(crate::spec::PublishFrom::Republish { of: of.to_owned() }),
            },
            edits: Vec::new(),
            op: None,
            ..original.spec
        };
        self.preview_publish(spec, control, on_progress).await
    }

    /// Previews per-asset edits (a spreadsheet): each asset read now and journaled with its
    /// own before → after; applied, reported and undone like any run.
    async fn preview_per_asset(
        &self,
        spec: RunSpec,
        assets: Vec<AssetEdits>,
        control: &RunControl,
        on_progress: ProgressFn<'_>,
    ) -> Result<RunSummary> {
        let spec = spec.validated()?;
        if !spec.kind.is_sheet() {
            return Err(Error::Internal("per-asset edits come from a sheet".into()));
        }
        for asset in &assets {
            for edit in &asset.edits {
                crate::spec::validate_target(&edit.property)?;
            }
        }
        self.check_family(&spec)?;
        self.run_preview(spec, control, on_progress, async |ctx| {
            preview_per_asset(ctx, assets, on_progress).await
        })
        .await
    }

    /// Plans the undo of run `of`: a new run that restores the original value of every
    /// property `of` changed, on assets where the value is still the one `of` wrote. Writes
    /// that may have landed count as changes (in doubt after a kill, or failed after the
    /// request left): each asset is read, and one that still holds its original is planned
    /// as already as wanted.
    async fn preview_undo(
        &self,
        of: &str,
        control: &RunControl,
        on_progress: ProgressFn<'_>,
    ) -> Result<RunSummary> {
        let (original_path, original) = self.load_run(of)?;
        self.check_family(&original.spec)?;
        if let Some(op) = original.spec.parts_op() {
            // Every undo of an operation is a run of that operation, planned from its journal.
            let Some((back, items)) = op.undo(&original.parts) else {
                return Err(Error::message(
                    ErrorCode::InvalidInput,
                    "error-nothing-to-undo",
                    vec![("run", of.into())],
                ));
            };
            let spec = RunSpec {
                kind: RunKind::Move {
                    items,
                    to: None,
                    undo_of: Some(of.to_owned()),
                },
                op: Some(back),
                ..original.spec.clone()
            };
            return self.start_operation(spec).await;
        }
        if original.originals.is_empty() {
            return Err(Error::message(
                ErrorCode::InvalidInput,
                "error-nothing-to-undo",
                vec![("run", of.into())],
            ));
        }
        if let Some((replication, agent, _)) = original.spec.kind.publishing() {
            self.check_publishes()?;
            let opposite = match replication {
                crate::spec::Replication::Publish => crate::spec::Replication::Unpublish,
                crate::spec::Replication::Unpublish => crate::spec::Replication::Publish,
            };
            let spec = RunSpec {
                kind: RunKind::Publish {
                    replication: opposite,
                    agent,
                    from: Some(crate::spec::PublishFrom::Undo { of: of.to_owned() }),
                },
                op: None,
                ..original.spec
            };
            return self.preview_publish(spec, control, on_progress).await;
        }
        let spec = RunSpec {
            kind: RunKind::Undo { of: of.to_owned() },
            op: None,
            ..original.spec.clone()
        };
        self.run_preview(spec, control, on_progress, async |ctx| {
            preview_undo_rows(ctx, &original_path, original, on_progress).await
        })
        .await
    }

    /// A preview's frame around `plan`, which journals its rows: the run started with `spec`
    /// on disk, its context, the person's pause and cancel forwarded to it, and its end
    /// ([`Self::finish_preview`]).
    async fn run_preview(
        &self,
        spec: RunSpec,
        control: &RunControl,
        on_progress: ProgressFn<'_>,
        plan: impl AsyncFnOnce(&Arc<Ctx>) -> Result<PreviewCounts>,
    ) -> Result<RunSummary> {
        let (id, journal) = self.start_run(&spec).await?;
        let ctx = Ctx::new(self, spec, id.clone(), journal, control, Phase::Preview);
        let forwarder = forward(control.clone(), ctx.control.clone());
        let result = plan(&ctx).await;
        forwarder.abort();
        self.finish_preview(ctx, result, on_progress).await?;
        runs::summary(&self.runs_dir, &id)
    }

    /// Ends a preview: journals `Previewed`, or leaves the run "preview incomplete" when it was
    /// cancelled or failed. A preview that failed before it planned any asset (a missing
    /// folder, refused credentials, an unreachable host) leaves no run at all: its journal is
    /// removed, so a bad input stores nothing.
    async fn finish_preview(
        &self,
        ctx: Arc<Ctx>,
        result: Result<PreviewCounts>,
        on_progress: ProgressFn<'_>,
    ) -> Result<()> {
        let ended = Self::end_preview(&ctx, result, on_progress).await;
        if ended.is_err() && ctx.rows.load(Ordering::SeqCst) == 0 {
            let path = ctx.journal.path().to_owned();
            // Closes the journal when this is the last reference; removing it works either way.
            drop(ctx);
            if let Err(e) = crate::journal::remove(&path) {
                tracing::warn!(path = %path.display(), error = %e, "could not remove the journal of a failed preview");
            }
        }
        ended
    }

    async fn end_preview(
        ctx: &Ctx,
        result: Result<PreviewCounts>,
        on_progress: ProgressFn<'_>,
    ) -> Result<()> {
        let counts = result?;
        if let Some(why) = ctx.take_stop() {
            return Err(Error::Aem(why));
        }
        ctx.listing_done.store(true, Ordering::Relaxed);
        ctx.progress(on_progress, true);
        if ctx.control.is_cancelled() {
            // No `Previewed` record: the run stays "preview incomplete" and cannot be applied.
            return Ok(());
        }
        // Taken first: the lock's guard must not be held across the write's await.
        let found_by = context::lock(&ctx.found).clone();
        let searched_at = context::lock(&ctx.searched_at).clone();
        let emptied_required = context::lock(&ctx.emptied_required)
            .iter()
            .map(|(property, assets)| EmptiedRequired {
                label: ctx
                    .schema
                    .as_ref()
                    .and_then(|s| s.field(property))
                    .map(|f| f.label.clone())
                    .unwrap_or_else(|| property.clone()),
                property: property.clone(),
                assets: *assets,
            })
            .collect();
        ctx.journal
            .append_durable(&Record::Previewed {
                at: now_rfc3339(),
                counts,
                found_by,
                unindexed: ctx.unindexed.load(Ordering::Relaxed),
                searched_at,
                emptied_required,
                concurrency: Some(ctx.gate.snapshot().0),
            })
            .await
    }

    /// Applies a previewed run, or resumes an interrupted, cancelled or stopped one: writes
    /// every planned change that has no outcome yet.
    pub async fn apply(
        &self,
        run_id: &str,
        control: &RunControl,
        on_progress: ProgressFn<'_>,
    ) -> Result<RunSummary> {
        let path = runs::path_of(&self.runs_dir, run_id)?;
        // The run lock first, then its state: read before the lock, the state could be one a
        // process that held the lock meanwhile has since moved on from (its outcomes would be
        // journaled twice, its publishes sent again). A second process applying the same run is
        // refused here while the first holds it, and sees the first's outcomes after.
        let journal = JournalWriter::reopen(&path)?;
        let replay = Replay::load(&path)?;
        let status = replay.status();
        // A tag run whose assets are all done and whose tag command is not: only the step.
        let only_step = status == RunStatus::Completed && replay.tag_step_to_send();
        if !status.can_apply() && !only_step {
            let id = match status {
                RunStatus::Completed => "error-run-complete",
                _ => "error-run-preview-unfinished",
            };
            return Err(Error::message(
                ErrorCode::InvalidInput,
                id,
                vec![("run", run_id.into())],
            ));
        }
        self.check_family(&replay.spec)?;
        if replay.spec.kind.publishes() {
            self.check_publishes()?;
        }
        if !only_step {
            journal
                .append_durable(&Record::ApplyStarted { at: now_rfc3339() })
                .await?;
        }
        let ctx = Ctx::new(
            self,
            replay.spec.clone(),
            run_id.to_owned(),
            journal,
            control,
            Phase::Apply,
        );
        if only_step {
            tag_step::finish(&ctx, &replay).await?;
            drop(ctx);
            return runs::summary(&self.runs_dir, run_id);
        }
        // A tag run's target checked before any asset is rewritten towards it.
        let target_gone = match replay.spec.tag_step() {
            Some(step) if replay.counts.pending > 0 => {
                tag_step::refused_before_writing(&ctx, step).await
            }
            _ => None,
        };
        if let Some(reason) = target_gone {
            let ended = Record::Ended {
                at: now_rfc3339(),
                status: EndStatus::Stopped,
                reason: Some(reason),
            };
            ctx.journal.append_durable(&ended).await?;
            drop(ctx);
            return runs::summary(&self.runs_dir, run_id);
        }
        // What the preview learnt of this AEM: the first batches use those slots. Not for a
        // publish: its preview reads (listings, state queries) and its apply replicates, a
        // request whose time is its size's and which the gate does not learn from, so a limit
        // the reads taught would bound the replications with nothing to raise it.
        if let Some(limit) = replay.preview_concurrency
            && !replay.spec.kind.publishes()
        {
            ctx.gate.start_at(limit);
        }
        ctx.tally
            .total
            .store(replay.counts.pending, Ordering::Relaxed);
        *context::lock(&ctx.sent_against) = replay.sent_against.clone();
        ctx.folders
            .plan(folder_refusals::planned_per_folder(&path, &replay)?);
        let forwarder = forward(control.clone(), ctx.control.clone());
        let mut refused = None;
        let result = if replay.spec.parts_op().is_some() {
            op_dispatch::apply(&ctx, &replay, on_progress)
                .await
                .map(|stopped| refused = stopped)
        } else if replay.spec.kind.publishes() {
            replicating::apply_publish(&ctx, &path, &replay, on_progress).await
        } else {
            // An AEM found refusing batch writes in an earlier run is not asked again.
            let remembered = self
                .aem
                .batches()
                .then(|| crate::write_paths::batch_refused(&self.runs_dir, &ctx.connection_key()))
                .flatten();
            if let Some(status) = remembered {
                ctx.write_per_asset(status, true).await?;
            }
            batched::apply_planned(&ctx, &path, &replay, on_progress).await
        };
        forwarder.abort();
        result?;
        ctx.settle_refusals()?;
        ctx.progress(on_progress, true);
        let (status, reason) = match ctx.stop_reason().or(refused) {
            Some(reason) => (EndStatus::Stopped, Some(reason)),
            None if ctx.control.is_cancelled() => (EndStatus::Cancelled, None),
            None => (EndStatus::Completed, None),
        };
        ctx.journal
            .append_durable(&Record::Ended {
                at: now_rfc3339(),
                status,
                reason,
            })
            .await?;
        // A tag run's step goes once every asset is done: what the journal says now decides.
        if replay.spec.tag_step().is_some() && status == EndStatus::Completed {
            let ended = Replay::load(&path)?;
            if ended.tag_step_to_send() {
                tag_step::finish(&ctx, &ended).await?;
            }
        }
        drop(ctx);
        runs::summary(&self.runs_dir, run_id)
    }
}
