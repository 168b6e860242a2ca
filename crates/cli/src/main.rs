//! `metadesk-cli`: the command-line face of Metadesk's core, for automation and tests.
//!
//! It uses the same folders and keychain entries as the app (`AppDirs::for_profile` and
//! `KeyringStore` with the same profile name), so both see the same connections. The command
//! logic lives in small functions that take the store and an output, tested with a
//! `MemoryStore` and a temporary folder; this file only wires the real ones in.
//!
//! Exit codes: 0 success (for bulk runs: every asset done), 1 some assets failed (or the run
//! did not finish), 2 a usage, credential or connection error (one line on stderr each).

mod bulk;
mod connections;
mod connections_test;
mod doctor;
mod output;
mod runs;

use std::process::ExitCode;
use std::sync::Arc;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use metadesk_core::connections::ConnectionStore;
use metadesk_core::dirs::{AppDirs, profile_name};
use metadesk_core::secrets::KeyringStore;

/// Metadesk from the command line.
#[derive(Parser)]
#[command(name = "metadesk-cli", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Import, list and manage connections to AEM.
    #[command(subcommand)]
    Connections(connections::ConnectionsCommand),
    /// Check that the keychain and the app's folders are usable.
    Doctor,
    /// Bulk metadata edits: set, append, remove, clear, resume, undo.
    Bulk(bulk::BulkArgs),
    /// The history of bulk runs and their reports.
    Runs(runs::RunsArgs),
}

/// The exit code of every failure (usage errors from clap use it too).
pub const FAILURE: u8 = 2;

fn main() -> ExitCode {
    // Quiet unless asked: a refused file gets one line from us, not log lines from below.
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("METADESK_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("off")),
        )
        .with_writer(std::io::stderr)
        .init();

    // `connections test` lives in its own module and is added to the parser here.
    let matches = connections_test::augment(Cli::command()).get_matches();
    let profile = profile_name();
    let dirs = match AppDirs::for_profile(&profile) {
        Ok(dirs) => dirs,
        Err(err) => {
            eprintln!("error: {err}");
            return ExitCode::from(FAILURE);
        }
    };
    let secrets = Arc::new(KeyringStore::new(profile));
    if let Some(args) = connections_test::test_args(&matches) {
        let code = match args {
            Ok(args) => connections_test::run(args, &dirs, secrets),
            Err(e) => e.exit(),
        };
        return ExitCode::from(code);
    }
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    let code = match cli.command {
        Command::Connections(command) => {
            let store = ConnectionStore::open(&dirs, secrets);
            let mut stdin = std::io::stdin().lock();
            connections::run(command, &store, &mut stdin, &mut out, &mut err)
        }
        Command::Doctor => doctor::run(secrets.as_ref(), &dirs, &mut out),
        Command::Bulk(args) => in_runtime(bulk::run(args)),
        Command::Runs(args) => in_runtime(runs::run(args)),
    };
    ExitCode::from(code)
}

/// Runs an async command family (bulk runs talk to AEM concurrently) to completion.
fn in_runtime(command: impl std::future::Future<Output = u8>) -> u8 {
    match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime.block_on(command),
        Err(e) => {
            eprintln!("error: could not start: {e}");
            FAILURE
        }
    }
}
