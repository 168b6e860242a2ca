//! `metadesk-cli runs list|show`: the run history and per-run reports (CSV export, and every
//! asset's before → after as JSON lines).
//!
//! Not here: starting or applying runs (`bulk`).

use std::io::Write;
use std::path::Path;

use clap::{Args, Subcommand};
use metadesk_core::Error;
use metadesk_core::app::Workspace;
use metadesk_core::bulk::ReportStatus;
use metadesk_core::i18n::{Localizer, arg, count};

use crate::exit_code::{FAILURE, SOME_FAILED, SUCCESS};
use crate::output;

#[derive(Args)]
pub struct RunsArgs {
    #[command(subcommand)]
    command: RunsCommand,
}

#[derive(Subcommand)]
enum RunsCommand {
    /// Every run, newest first: when, connection, folder, edits, counts, duration, status.
    List {
        #[arg(long)]
        json: bool,
    },
    /// One run's summary and report; `--csv FILE` exports every asset with its outcome.
    Show {
        /// The run's id, as `runs list` shows it.
        run: String,
        /// Write the report as CSV to this file (`-` for standard output). An existing file is
        /// not replaced unless `--force` is given.
        #[arg(long, value_name = "FILE", conflicts_with_all = ["json", "jsonl"])]
        csv: Option<String>,
        /// With --csv: replace the file if it exists.
        #[arg(long, requires = "csv")]
        force: bool,
        /// With --csv: column headers in the terminal's language (for people) instead of the
        /// machine-readable keys `path,status,reason,… before,… after`.
        #[arg(long, requires = "csv")]
        localized_headers: bool,
        /// Print the run's summary as JSON.
        #[arg(long, conflicts_with = "jsonl")]
        json: bool,
        /// Print every asset as one JSON object per line: path, status (for a previewed run,
        /// `pending` = will change), reason, and the before → after of each edited property.
        #[arg(long)]
        jsonl: bool,
    },
}

pub async fn run(args: RunsArgs, ws: &Workspace, l: &Localizer) -> u8 {
    match args.command {
        RunsCommand::List { json } => list(ws, json, l).await,
        RunsCommand::Show {
            run,
            csv,
            force,
            json,
            jsonl,
            localized_headers,
        } => {
            let csv = csv.as_deref().map(|file| (file, localized_headers));
            show(ws, &run, csv, force, json, jsonl, l).await
        }
    }
}

async fn list(ws: &Workspace, json: bool, l: &Localizer) -> u8 {
    let list = match ws.list_runs().await {
        Ok(list) => list,
        Err(e) => return output::fail(&e, l),
    };
    if json {
        let mut list = list;
        list.iter_mut().for_each(|s| s.localize(l));
        return match output::print_json(&list, &mut std::io::stdout().lock()) {
            Ok(()) => SUCCESS,
            Err(e) => output::fail(&e, l),
        };
    }
    if list.is_empty() {
        println!("{}", l.text("cli-runs-none"));
    }
    for s in &list {
        let c = s.counts;
        let status = format!("{:<18}", output::status_words(s.status, l));
        // An operation's rows (tags and values, moves, files) are not assets it changed or
        // found unchanged: they are done, left alone, failed or to do.
        let counts = if s.counts_assets() {
            l.msg(
                "cli-runs-counts",
                &[
                    ("changed", count(c.changed as f64)),
                    ("unchanged", count(c.unchanged as f64)),
                    ("skipped", count(c.skipped as f64)),
                    ("failed", count(c.failed as f64)),
                    ("pending", count(c.pending as f64)),
                ],
            )
        } else {
            l.msg(
                "cli-runs-counts-rows",
                &[
                    ("done", count(c.changed as f64)),
                    ("left", count(c.skipped as f64)),
                    ("failed", count(c.failed as f64)),
                    ("pending", count(c.pending as f64)),
                ],
            )
        };
        let duration = s
            .duration_secs
            .map(|d| l.msg("cli-runs-duration", &[("seconds", arg(l.number(d, 1)))]))
            .unwrap_or_default();
        // Which run took it back, as the core links them (a redo puts it back again).
        let undone = s
            .undo_links
            .undone_by
            .as_deref()
            .map(|by| {
                let redo = list.iter().any(|r| r.id == by && r.undo_links.redo);
                let key = if redo {
                    "cli-runs-redone-by"
                } else {
                    "cli-runs-undone-by"
                };
                l.msg(key, &[("run", arg(by))])
            })
            .unwrap_or_default();
        println!(
            "{}  {status} {:<12} {}  [{}]  {counts}{duration}{undone}",
            s.id,
            s.connection,
            s.place(),
            s.edit_lines(l).join("; "),
        );
    }
    SUCCESS
}

async fn show(
    ws: &Workspace,
    run: &str,
    csv: Option<(&str, bool)>,
    force: bool,
    json: bool,
    jsonl: bool,
    l: &Localizer,
) -> u8 {
    let summary = match ws.run_summary(run).await {
        Ok(s) => s,
        Err(e) => return output::fail(&e, l),
    };
    let written = match csv {
        Some(("-", localized_headers)) => {
            ws.write_report_csv(run, l, localized_headers, &mut std::io::stdout().lock())
        }
        Some((target, localized_headers)) => {
            let target = Path::new(target);
            let words = std::sync::Arc::new(Localizer::new(l.lang()));
            let written = ws
                .export_report(run, target.to_path_buf(), force, words, localized_headers)
                .await;
            let file = arg(target.display().to_string());
            match written {
                Ok(_) => {
                    eprintln!("{}", l.msg("cli-runs-report-written", &[("file", file)]));
                    Ok(())
                }
                // The core's refusal, in the command line's words. (Not `target.exists()`: on
                // Windows a device's name such as NUL.csv "exists", and is refused for that.)
                Err(e) if e.message_id() == Some("error-file-exists") => {
                    eprintln!("{}", l.msg("cli-runs-report-exists", &[("file", file)]));
                    return FAILURE;
                }
                Err(e) => Err(e),
            }
        }
        None if jsonl => print_rows(ws, run, l),
        None if json => {
            output::print_summary_json(&summary, l);
            Ok(())
        }
        None => {
            output::print_summary(&summary, l);
            if let Ok(folders) = ws.run_folders(run).await {
                output::print_folders(&folders, l);
            }
            // Why assets failed, said once per reason with their folders; the failed assets
            // are then listed without saying it again.
            // (A tag import, an upload or an operation said its own rows' reasons above.)
            let groups = match summary.counts.failed {
                0 => Ok(Vec::new()),
                _ if !summary.counts_assets() => Ok(Vec::new()),
                _ => ws.run_failures(run).await,
            };
            if let Ok(groups) = &groups {
                output::print_failures(groups, l);
            }
            print_problems(ws, run, groups.is_ok(), l);
            if summary.resumable {
                println!("{}", l.msg("cli-bulk-finish-hint", &[("run", arg(run))]));
            }
            Ok(())
        }
    };
    if let Err(e) = written {
        return output::fail(&e, l);
    }
    if summary.counts.failed > 0 {
        SOME_FAILED
    } else {
        SUCCESS
    }
}

/// The first assets that did not simply change or stay as they were, with the reason (a failed
/// asset's only where `failures_said` is false: the failure groups above said it).
fn print_problems(ws: &Workspace, run: &str, failures_said: bool, l: &Localizer) {
    let mut shown = 0;
    let _ = ws.report_each(run, |row| {
        if row.status != ReportStatus::Changed
            && row.status != ReportStatus::Unchanged
            && shown < 20
        {
            shown += 1;
            if failures_said && row.status == ReportStatus::Failed {
                let path = arg(row.path.as_str());
                println!("{}", l.msg("cli-runs-failed-asset", &[("path", path)]));
                return Ok(());
            }
            let reason = row.reason.as_ref().map(|r| r.localized(l));
            println!(
                "{}",
                l.msg(
                    "cli-runs-problem",
                    &[
                        ("status", arg(row.status.words())),
                        ("path", arg(row.path.as_str())),
                        ("reason", arg(reason.unwrap_or_default())),
                    ],
                )
            );
        }
        Ok(())
    });
}

/// Every asset of the run as a JSON line, streamed (a run of 100,000 assets is never held in
/// memory).
fn print_rows(ws: &Workspace, run: &str, l: &Localizer) -> Result<(), Error> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let io = |e| Error::io_doing("io-print-report", Vec::new(), e);
    ws.report_each(run, |mut row| {
        if let Some(reason) = &mut row.reason {
            reason.localize(l);
        }
        // Encoded first, so a failure to print is told as one (a row always encodes).
        let mut line = serde_json::to_vec(&row).map_err(|e| Error::Internal(e.to_string()))?;
        line.push(b'\n');
        out.write_all(&line).map_err(io)
    })?;
    out.flush().map_err(io)
}
