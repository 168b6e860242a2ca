//! `metadesk-cli`: the command-line face of Metadesk's core, for automation.
//!
//! Each command family lives in its own module; this file only registers them. Exit codes:
//! 0 all done, 1 some assets failed (or the run did not finish), 2 usage, credential or
//! connection error.

mod bulk;
mod output;
mod runs;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "metadesk-cli",
    version,
    about = "Metadesk from a terminal: bulk metadata edits in AEM as a Cloud Service."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Bulk metadata edits: set, append, remove, clear, resume, undo.
    Bulk(bulk::BulkArgs),
    /// The history of bulk runs and their reports.
    Runs(runs::RunsArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_env("METADESK_LOG"))
        .with_writer(std::io::stderr)
        .init();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: could not start: {e}");
            return ExitCode::from(2);
        }
    };
    let code = runtime.block_on(async {
        match cli.command {
            Command::Bulk(args) => bulk::run(args).await,
            Command::Runs(args) => runs::run(args).await,
        }
    });
    ExitCode::from(code)
}
