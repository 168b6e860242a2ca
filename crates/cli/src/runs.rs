//! `metadesk-cli runs list|show`: the run history and per-run reports (CSV export, and every
//! asset's before → after as JSON lines).
//!
//! Not here: starting or applying runs (`bulk`).

use std::io::Write;
use std::path::Path;

use clap::{Args, Subcommand};
use metadesk_core::Error;
use metadesk_core::app::Workspace;
use metadesk_core::bulk::{ReportStatus, runs};

use crate::output::{self, OK, SOME_FAILED};

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
        run: String,
        /// Write the report as CSV to this file (`-` for standard output). An existing file is
        /// not replaced unless `--force` is given.
        #[arg(long, value_name = "FILE", conflicts_with_all = ["json", "jsonl"])]
        csv: Option<String>,
        /// With --csv: replace the file if it exists.
        #[arg(long, requires = "csv")]
        force: bool,
        /// Print the run's summary as JSON.
        #[arg(long, conflicts_with = "jsonl")]
        json: bool,
        /// Print every asset as one JSON object per line: path, status (for a previewed run,
        /// `pending` = will change), reason, and the before → after of each edited property.
        #[arg(long)]
        jsonl: bool,
    },
}

pub async fn run(args: RunsArgs, ws: &Workspace) -> u8 {
    let dir = ws.runs_dir();
    match args.command {
        RunsCommand::List { json } => list(&dir, json),
        RunsCommand::Show {
            run,
            csv,
            force,
            json,
            jsonl,
        } => show(ws, &run, csv.as_deref(), force, json, jsonl).await,
    }
}

fn list(dir: &Path, json: bool) -> u8 {
    let list = match runs::list(dir) {
        Ok(list) => list,
        Err(e) => return output::fail(&e),
    };
    if json {
        output::print_json(&list);
        return OK;
    }
    if list.is_empty() {
        println!("No runs yet.");
    }
    for s in list {
        let c = s.counts;
        println!(
            "{}  {:<18} {:<12} {}  [{}]  {} changed, {} unchanged, {} skipped, {} failed, {} to do{}",
            s.id,
            s.status.words(),
            s.connection,
            s.folder,
            s.edits.join("; "),
            c.changed,
            c.unchanged,
            c.skipped,
            c.failed,
            c.pending,
            s.duration_secs
                .map(|d| format!(", {d:.1} s"))
                .unwrap_or_default(),
        );
    }
    OK
}

async fn show(
    ws: &Workspace,
    run: &str,
    csv: Option<&str>,
    force: bool,
    json: bool,
    jsonl: bool,
) -> u8 {
    let dir = &ws.runs_dir();
    let summary = match runs::summary(dir, run) {
        Ok(s) => s,
        Err(e) => return output::fail(&e),
    };
    let written = match csv {
        Some("-") => runs::write_csv(dir, run, &mut std::io::stdout().lock()),
        Some(target) => {
            let target = Path::new(target);
            match ws.export_report(run, target.to_path_buf(), force).await {
                Ok(_) => {
                    eprintln!("Report written to {}.", target.display());
                    Ok(())
                }
                // The core's refusal, in the command line's words.
                Err(_) if !force && target.exists() => {
                    eprintln!(
                        "error: {} already exists; choose another file name, or add --force to \
                         replace it.",
                        target.display()
                    );
                    return crate::FAILURE;
                }
                Err(e) => Err(e),
            }
        }
        None if jsonl => print_rows(dir, run),
        None if json => {
            output::print_json(&summary);
            Ok(())
        }
        None => {
            output::print_summary(&summary);
            print_problems(dir, run);
            Ok(())
        }
    };
    if let Err(e) = written {
        return output::fail(&e);
    }
    if summary.counts.failed > 0 {
        SOME_FAILED
    } else {
        OK
    }
}

/// The first assets that did not simply change or stay as they were, with the reason.
fn print_problems(dir: &Path, run: &str) {
    let mut shown = 0;
    let _ = runs::report(dir, run, |row| {
        if row.status != ReportStatus::Changed
            && row.status != ReportStatus::Unchanged
            && shown < 20
        {
            shown += 1;
            println!(
                "  {} {}: {}",
                row.status.words(),
                row.path,
                row.reason.unwrap_or_default()
            );
        }
        Ok(())
    });
}

/// Every asset of the run as a JSON line, streamed (a run of 100,000 assets is never held in
/// memory).
fn print_rows(dir: &Path, run: &str) -> Result<(), Error> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let io = |e| Error::io("could not write the report", e);
    runs::report(dir, run, |row| {
        serde_json::to_writer(&mut out, &row)
            .map_err(|e| Error::Internal(format!("a report row could not be written: {e}")))?;
        out.write_all(b"\n").map_err(io)
    })?;
    out.flush().map_err(io)
}
