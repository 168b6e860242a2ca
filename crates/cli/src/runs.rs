//! `metadesk-cli runs list|show`: the run history and per-run reports (CSV export).

use clap::{Args, Subcommand};
use metadesk_core::bulk::runs;

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
        /// Write the report as CSV to this file (`-` for standard output).
        #[arg(long, value_name = "FILE")]
        csv: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

pub async fn run(args: RunsArgs) -> u8 {
    let dir = match output::runs_dir() {
        Ok(d) => d,
        Err(e) => return output::fail(&e),
    };
    match args.command {
        RunsCommand::List { json } => match runs::list(&dir) {
            Ok(list) if json => {
                output::print_json(&list);
                OK
            }
            Ok(list) => {
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
            Err(e) => output::fail(&e),
        },
        RunsCommand::Show { run, csv, json } => {
            let summary = match runs::summary(&dir, &run) {
                Ok(s) => s,
                Err(e) => return output::fail(&e),
            };
            if let Some(target) = csv {
                let result = if target == "-" {
                    runs::write_csv(&dir, &run, &mut std::io::stdout().lock())
                } else {
                    std::fs::File::create(&target)
                        .map_err(|e| {
                            metadesk_core::Error::io(format!("could not create {target}"), e)
                        })
                        .and_then(|f| {
                            let mut w = std::io::BufWriter::new(f);
                            runs::write_csv(&dir, &run, &mut w)
                        })
                };
                if let Err(e) = result {
                    return output::fail(&e);
                }
                if target != "-" {
                    eprintln!("Report written to {target}.");
                }
            } else if json {
                output::print_json(&summary);
            } else {
                output::print_summary(&summary);
                let mut shown = 0;
                let _ = runs::report(&dir, &run, |row| {
                    if row.status != metadesk_core::bulk::ReportStatus::Changed
                        && row.status != metadesk_core::bulk::ReportStatus::Unchanged
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
            if summary.counts.failed > 0 {
                SOME_FAILED
            } else {
                OK
            }
        }
    }
}
