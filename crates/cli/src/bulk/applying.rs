//! After a preview: asking (`confirm`), applying with a progress bar and the report's first
//! failures, and resuming a run; the first Ctrl-C cancels the job (the run can be resumed), a
//! second exits.
//!
//! Not here: what the preview shows (`preview`), the questions and the production guard
//! (`confirm`), an undo or a retry planned from a stored run (`from_run`).

use metadesk_core::app::{Opened, RunAction, Workspace};
use metadesk_core::bulk::runs::failures;
use metadesk_core::bulk::{ApplyRequest, RunStatus, RunSummary};
use metadesk_core::i18n::{Localizer, arg};

use super::confirm::{ProductionGate, consent, gate};
use super::preview::{print_summary_with_skipped, show_preview, warn_emptied_required};
use super::references::{references_of, show_references, show_references_warning};
use super::run_args::{RunRef, WriteFlags};
use crate::exit_code::{FAILURE, SOME_FAILED, SUCCESS};
use crate::output;

/// Runs `work`, cancelling the workspace's job on the first Ctrl-C (writes in flight finish,
/// the run can be resumed); a second Ctrl-C exits at once.
pub(crate) async fn cancellable<T>(
    ws: &Workspace,
    work: impl std::future::Future<Output = T>,
    l: &Localizer,
) -> T {
    let mut work = std::pin::pin!(work);
    let mut interrupted = false;
    loop {
        tokio::select! {
            done = &mut work => return done,
            signal = tokio::signal::ctrl_c() => {
                if signal.is_err() {
                    // No signal handling here: just finish the work.
                    return work.await;
                }
                if interrupted {
                    std::process::exit(i32::from(SOME_FAILED));
                }
                interrupted = true;
                eprintln!("\n{}", l.text("cli-bulk-stopping"));
                let _ = ws.jobs().cancel();
            }
        }
    }
}

async fn apply(
    ws: &Workspace,
    opened: &Opened,
    id: &str,
    confirm_name: Option<&str>,
    write: &WriteFlags,
    l: &Localizer,
) -> u8 {
    let json = write.json;
    let printer = output::progress_printer(l, !json);
    let request = ApplyRequest {
        run_id: id.to_owned(),
        confirm_name: confirm_name.map(str::to_owned),
        empty_required: write.empty_required,
        // `bulk … --republish` asked whether the connection publishes before the preview.
        republish: false,
    };
    let result = cancellable(ws, ws.apply_request(opened, &request, &printer), l).await;
    let s = match result {
        Ok(s) => s,
        Err(e) => return output::fail(&e, l),
    };
    if json {
        print_summary_with_skipped(ws, &s, None, l).await;
        return exit_code(&s);
    }
    output::print_summary(&s, l);
    // Why assets failed, once per reason, with their folders and what to do (a tag import, an
    // upload or an operation said its own rows' reasons above).
    if s.counts.failed > 0 && s.counts_assets() {
        output::print_failures(&failures(&ws.runs_dir(), &s.id).unwrap_or_default(), l);
    }
    if s.counts.failed > 0 || s.counts.pending > 0 {
        println!(
            "{}",
            l.msg("cli-bulk-report-hint", &[("run", arg(s.id.as_str()))])
        );
    }
    if s.resumable {
        println!(
            "{}",
            l.msg("cli-bulk-finish-hint", &[("run", arg(s.id.as_str()))])
        );
    }
    exit_code(&s)
}

/// After a preview: show it, then (unless a dry run, or nothing changes) ask and apply.
pub(crate) async fn after_preview(
    ws: &Workspace,
    opened: &Opened,
    preview: RunSummary,
    gate: ProductionGate,
    write: &WriteFlags,
    l: &Localizer,
) -> u8 {
    let references = references_of(ws, opened, &preview, l).await;
    if !write.json {
        show_preview(ws, &preview, l).await;
        if let Some(r) = &references {
            show_references(r, l);
        }
    } else if let Some(warned) = references.as_ref().map(|r| r.warned()) {
        // Said with --json too, as the emptied required fields are, before anything is applied.
        if !warned.is_empty() {
            show_references_warning(warned.len(), l);
        }
    }
    warn_emptied_required(&preview, l);
    if preview.status != RunStatus::Previewed {
        eprintln!("{}", l.text("cli-bulk-preview-cancelled"));
        return SOME_FAILED;
    }
    if write.dry_run || preview.counts.pending == 0 {
        if write.json {
            print_summary_with_skipped(ws, &preview, references, l).await;
        } else if preview.counts.pending == 0 {
            println!("{}", l.text("cli-bulk-nothing-to-change"));
        } else {
            println!(
                "{}",
                l.msg("cli-bulk-dry-run", &[("run", arg(preview.id.as_str()))])
            );
        }
        return SUCCESS;
    }
    match consent(opened, &gate, write, preview.counts.pending, l) {
        Ok(Some(name)) => apply(ws, opened, &preview.id, name.as_deref(), write, l).await,
        Ok(None) => {
            println!(
                "{}",
                l.msg("cli-bulk-not-applied", &[("run", arg(preview.id.as_str()))])
            );
            SUCCESS
        }
        Err(e) => {
            output::fail(&e, l);
            eprintln!(
                "{}",
                l.msg("cli-bulk-not-applied", &[("run", arg(preview.id.as_str()))])
            );
            FAILURE
        }
    }
}

pub(super) async fn resume(r: RunRef, ws: &Workspace, l: &Localizer) -> u8 {
    if r.write.dry_run {
        // Nothing to open: what is left is in the journal.
        let summary = match ws.run_summary(&r.run).await {
            Ok(s) => s,
            Err(e) => return output::fail(&e, l),
        };
        if r.write.json {
            output::print_summary_json(&summary, l);
        } else {
            show_preview(ws, &summary, l).await;
            println!("{}", l.text("cli-bulk-dry-run-resume"));
        }
        return SUCCESS;
    }
    let (summary, opened) = match ws
        .open_for_run(&r.run, r.conn.choice(), RunAction::Resume)
        .await
    {
        Ok(both) => both,
        Err(e) => return output::fail(&e, l),
    };
    let gate = match gate(&opened, &r.write, l) {
        Ok(g) => g,
        Err(e) => return output::fail(&e, l),
    };
    // A run that was already under way was agreed to then; only a previewed one (or the
    // production guard) asks now.
    let ask = summary.status == RunStatus::Previewed || gate == ProductionGate::AskForName;
    let name = if ask {
        match consent(&opened, &gate, &r.write, summary.counts.pending, l) {
            Ok(Some(name)) => name,
            Ok(None) => return SUCCESS,
            Err(e) => return output::fail(&e, l),
        }
    } else {
        r.write.confirm_production.clone()
    };
    apply(ws, &opened, &r.run, name.as_deref(), &r.write, l).await
}

fn exit_code(s: &RunSummary) -> u8 {
    let rows = match s.status {
        RunStatus::Completed if s.counts.failed == 0 => SUCCESS,
        RunStatus::Stopped => FAILURE,
        _ => SOME_FAILED,
    };
    // A tag import or its undo that left tags or values as they are did not do it all, as
    // `tags import` and `tags undo-import` say.
    let left = if s.op.as_ref().is_some_and(|op| op.leaves_taxonomy_work()) {
        SOME_FAILED
    } else {
        SUCCESS
    };
    rows.max(output::tag_step_code(s)).max(left)
}
