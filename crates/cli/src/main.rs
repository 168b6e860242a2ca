//! `metadesk-cli`: the command-line face of Metadesk's core, for automation.
//!
//! Each command lives in its own module; this file only registers them. Exit codes: 0 done,
//! 1 the command ran and found a failure, 2 usage, credential or connection error.

mod connections_test;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "metadesk-cli", version, about = "Metadesk from a terminal.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Stored connections.
    #[command(subcommand)]
    Connections(ConnectionsCommand),
}

#[derive(Subcommand)]
enum ConnectionsCommand {
    /// Test a connection: get a token and read from AEM with it.
    Test(connections_test::TestArgs),
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
            Command::Connections(ConnectionsCommand::Test(args)) => {
                connections_test::run(args).await
            }
        }
    });
    ExitCode::from(code)
}
