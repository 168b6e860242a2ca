//! `metadesk-cli`: the command-line face of Metadesk's core, for automation and tests.
//!
//! It uses the same folders and keychain entries as the app (see `home`: `METADESK_HOME` or
//! the profile's folders, decided once for every subcommand), so both see the same
//! connections. Every subcommand parses its arguments, calls the core's use cases on one
//! [`metadesk_core::app::Workspace`] and prints the outcome; this file only wires them in.
//!
//! Exit codes: `exit_code` names them and says what each means to a script.

mod bulk;
mod connection_check;
mod connections;
mod console;
mod doctor;
mod exit_code;
mod field_report;
mod fragments;
mod health;
mod home;
mod localized_help;
mod move_cmd;
mod move_words;
mod output;
mod publish;
mod runs;
mod schema;
mod sheet;
mod tag_import_words;
mod tags;
mod tags_import;
mod tags_rename;
mod upload;
mod upload_undo_words;
mod upload_words;

use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use metadesk_core::i18n::{Localizer, arg, system_lang};

use crate::exit_code::FAILURE;

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
    /// Bulk metadata edits: set, append, remove, clear, several at once (edit), find and
    /// replace, dates, case, spaces; resume, undo, retry.
    Bulk(Box<bulk::BulkArgs>),
    /// Publish a scope's assets (a folder, a search or a list) to the website, or to AEM's
    /// Preview tier with --agent preview.
    Publish(publish::PublishArgs),
    /// Unpublish a scope's assets from the website (or from AEM's Preview tier).
    Unpublish(publish::PublishArgs),
    /// The history of bulk runs and their reports.
    Runs(runs::RunsArgs),
    /// Run a GraphQL query on a connection (exit 1 when the answer has GraphQL errors).
    Graphql(console::GraphqlArgs),
    /// Send one request to a connection's own AEM host (exit 1 for a non-2xx status).
    Request(console::RequestArgs),
    /// Spreadsheets: export a folder's metadata, import an edited sheet (preview, apply).
    Sheet(sheet::SheetArgs),
    /// Content fragments' fields in bulk (AEM's Sites API, OAuth Server-to-Server connections):
    /// list, set, append, remove, clear, find and replace.
    Fragments(fragments::FragmentsArgs),
    /// Metadata schemas: a folder's fields (labels, types, allowed values, required), and the
    /// assets that lack required metadata.
    Schema(schema::SchemaArgs),
    /// The health of a folder or a search, read-only: images without a description, expired
    /// and expiring assets, off times, where assets are used, changes since publication and
    /// missing required metadata.
    Health(health::HealthArgs),
    /// AEM's tag taxonomy: list it in your language, export it as a sheet.
    Tags(tags::TagsArgs),
    /// Upload files and folders into a DAM folder (AEM's direct binary upload): the plan
    /// first (new, already there, different, refused), sent with --yes.
    Upload(upload::UploadArgs),
    /// Move and rename assets and folders, every page that uses them fixed (AEM's own move):
    /// a folder's, a search's or a list's assets into a folder, renamed by a rule, or a sheet's
    /// Path and New path; previewed first, applied with --yes, undone with bulk undo.
    Move(move_cmd::MoveArgs),
}

/// The stack the CLI runs on. The main thread's is 8 MiB on Linux and macOS but 2 on Windows
/// (1 with MSVC); a debug build's deepest command (the undo of a republished edit, which
/// republishes again) needs more than 2, and under Wine the main thread then ends without a
/// word. On a thread of its own the CLI has the same stack on every OS, so the Linux tests
/// guard them all.
const STACK: usize = 8 << 20;

fn main() -> ExitCode {
    let cli = std::thread::Builder::new()
        .name("metadesk-cli".into())
        .stack_size(STACK)
        .spawn(run);
    match cli.map(std::thread::JoinHandle::join) {
        Ok(Ok(code)) => code,
        // The panic was printed by its thread; the code is Rust's own for a panic.
        Ok(Err(_)) => ExitCode::from(101),
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> ExitCode {
    // Quiet unless asked: a refused file gets one line from us, not log lines from below.
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("METADESK_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("off")),
        )
        .with_writer(std::io::stderr)
        .init();

    // The terminal's language: LANG/LC_ALL, or the OS setting (see `i18n::system_lang`).
    let l = Localizer::new(system_lang());
    // `connections test` lives in its own module and is added to the parser here.
    let mut cli = localized_help::apply(connection_check::augment(Cli::command()), &l);
    let matches = cli
        .clone()
        .try_get_matches()
        .unwrap_or_else(|e| usage_error(e, &l));
    if let Some(path) = localized_help::help_requested(&matches) {
        print!("{}", localized_help::render_help(&mut cli, &path));
        return ExitCode::SUCCESS;
    }
    let workspace = match home::workspace_from_environment() {
        Ok(workspace) => workspace,
        Err(err) => {
            eprintln!(
                "{}",
                l.msg("cli-error", &[("message", arg(err.localized(&l)))])
            );
            return ExitCode::from(FAILURE);
        }
    };
    if let Some(args) = connection_check::test_args(&matches) {
        let code = match args {
            Ok(args) => in_runtime(connection_check::run(args, &workspace, &l), &l),
            Err(e) => usage_error(e, &l),
        };
        return ExitCode::from(code);
    }
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| usage_error(e, &l));
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    let code = match cli.command {
        Command::Connections(command) => {
            let mut stdin = std::io::stdin().lock();
            connections::run(command, &workspace, &mut stdin, &mut out, &mut err, &l)
        }
        Command::Doctor => doctor::run(&workspace, &mut out, &l),
        Command::Bulk(args) => in_runtime(bulk::run(*args, &workspace, &l), &l),
        Command::Runs(args) => in_runtime(runs::run(args, &workspace, &l), &l),
        Command::Graphql(args) => in_runtime(console::graphql(args, &workspace, &l), &l),
        Command::Request(args) => in_runtime(console::request(args, &workspace, &l), &l),
        Command::Sheet(args) => in_runtime(sheet::run(args, &workspace, &l), &l),
        Command::Schema(args) => in_runtime(schema::run(args, &workspace, &l), &l),
        Command::Health(args) => in_runtime(health::run(args, &workspace, &l), &l),
        Command::Tags(args) => in_runtime(tags::run(args, &workspace, &l), &l),
        Command::Fragments(args) => in_runtime(fragments::run(args, &workspace, &l), &l),
        Command::Upload(args) => in_runtime(upload::run(args, &workspace, &l), &l),
        Command::Move(args) => in_runtime(move_cmd::run(args, &workspace, &l), &l),
        Command::Publish(args) => in_runtime(
            publish::run(
                args,
                metadesk_core::bulk::Replication::Publish,
                &workspace,
                &l,
            ),
            &l,
        ),
        Command::Unpublish(args) => in_runtime(
            publish::run(
                args,
                metadesk_core::bulk::Replication::Unpublish,
                &workspace,
                &l,
            ),
            &l,
        ),
    };
    ExitCode::from(code)
}

/// Help and version go to stdout as clap prints them; a usage error is one line on stderr
/// (like every other failure) and [`FAILURE`].
fn usage_error(error: clap::Error, l: &Localizer) -> ! {
    match error.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => error.exit(),
        _ => {
            eprintln!("{}", usage_line(&error, l));
            std::process::exit(i32::from(FAILURE))
        }
    }
}

/// The problem on one line, in the user's language, with the hint to `--help`: every mistake
/// clap reports is told in the catalogue's words (clap's own text is English only).
fn usage_line(error: &clap::Error, l: &Localizer) -> String {
    use clap::error::{ContextKind, ContextValue};
    let context = |kind| match error.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => Some(v.join(", ")),
        Some(ContextValue::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let given = |kind| arg(context(kind).unwrap_or_default());
    let what = || given(ContextKind::InvalidArg);
    let problem = match error.kind() {
        ErrorKind::MissingRequiredArgument => l.msg("cli-usage-missing", &[("args", what())]),
        ErrorKind::UnknownArgument => match context(ContextKind::SuggestedArg) {
            Some(like) => l.msg(
                "cli-usage-unknown-arg-like",
                &[("arg", what()), ("like", arg(like))],
            ),
            None => l.msg("cli-usage-unknown-arg", &[("arg", what())]),
        },
        // clap says a value is missing as an empty invalid one.
        ErrorKind::InvalidValue
            if context(ContextKind::InvalidValue).is_none_or(|v| v.is_empty()) =>
        {
            l.msg("cli-usage-missing-value", &[("arg", what())])
        }
        ErrorKind::InvalidValue => match context(ContextKind::ValidValue) {
            Some(choices) => l.msg(
                "cli-usage-invalid-choice",
                &[
                    ("arg", what()),
                    ("value", given(ContextKind::InvalidValue)),
                    ("choices", arg(choices)),
                ],
            ),
            None => l.msg(
                "cli-usage-invalid-value",
                &[("arg", what()), ("value", given(ContextKind::InvalidValue))],
            ),
        },
        // The parser's reason is English: the value and the argument say enough.
        ErrorKind::ValueValidation => l.msg(
            "cli-usage-invalid-value",
            &[("arg", what()), ("value", given(ContextKind::InvalidValue))],
        ),
        ErrorKind::InvalidSubcommand => match context(ContextKind::SuggestedSubcommand) {
            Some(like) => l.msg(
                "cli-usage-unknown-command-like",
                &[
                    ("command", given(ContextKind::InvalidSubcommand)),
                    ("like", arg(like)),
                ],
            ),
            None => l.msg(
                "cli-usage-unknown-command",
                &[("command", given(ContextKind::InvalidSubcommand))],
            ),
        },
        ErrorKind::MissingSubcommand => l.text("cli-usage-missing-command"),
        ErrorKind::ArgumentConflict => match context(ContextKind::PriorArg) {
            Some(other) if Some(&other) == context(ContextKind::InvalidArg).as_ref() => {
                l.msg("cli-usage-repeated", &[("arg", what())])
            }
            Some(other) => l.msg(
                "cli-usage-conflict",
                &[("arg", what()), ("other", arg(other))],
            ),
            None => l.msg("cli-usage-conflict-any", &[("arg", what())]),
        },
        ErrorKind::TooManyValues => l.msg(
            "cli-usage-extra-value",
            &[("arg", what()), ("value", given(ContextKind::InvalidValue))],
        ),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => l.msg(
            "cli-usage-value-count",
            &[
                ("arg", what()),
                ("expected", given(ContextKind::ExpectedNumValues)),
                ("given", given(ContextKind::ActualNumValues)),
            ],
        ),
        ErrorKind::NoEquals => l.msg("cli-usage-no-equals", &[("arg", what())]),
        ErrorKind::InvalidUtf8 => l.text("cli-usage-not-utf8"),
        // Help, version (shown before this is reached), and clap's own failures to print.
        _ => {
            let rendered = error.render().to_string();
            let problem = rendered.split("\nUsage:").next().unwrap_or(&rendered);
            let problem = problem.trim_start().trim_start_matches("error:");
            problem.split_whitespace().collect::<Vec<_>>().join(" ")
        }
    };
    l.msg("cli-usage-error", &[("problem", arg(problem))])
}

/// Runs an async command family (bulk runs talk to AEM concurrently) to completion.
fn in_runtime(command: impl std::future::Future<Output = u8>, l: &Localizer) -> u8 {
    match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime.block_on(command),
        Err(e) => output::fail(
            &metadesk_core::Error::io_doing("io-start", Vec::new(), e),
            l,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use metadesk_core::i18n::Lang;

    fn rendered_error(args: &[&str], lang: Lang) -> String {
        let l = Localizer::new(lang);
        let error = localized_help::apply(connection_check::augment(Cli::command()), &l)
            .try_get_matches_from(args)
            .err()
            .unwrap();
        usage_line(&error, &l)
    }

    const MISSING_VALUE: &[&str] = &[
        "metadesk-cli",
        "bulk",
        "set",
        "--connection",
        "c",
        "--folder",
        "/content/dam/a",
        "--property",
        "dc:rights",
    ];

    #[test]
    fn a_usage_error_is_one_line_naming_the_problem() {
        let line = rendered_error(MISSING_VALUE, Lang::En);
        assert!(!line.contains('\n'), "{line}");
        assert!(line.starts_with("error: "), "{line}");
        assert!(line.contains("--value"), "{line}");
        assert!(!line.contains("Usage:"), "{line}");
        assert!(line.ends_with("(see --help)"), "{line}");
    }

    #[test]
    fn a_usage_error_is_in_french_when_the_language_is_french() {
        let line = rendered_error(MISSING_VALUE, Lang::Fr);
        assert!(
            line.starts_with("erreur\u{a0}: ces arguments obligatoires manquent\u{a0}: --value"),
            "{line}"
        );
        assert!(line.ends_with("(voir --help)"), "{line}");
        let line = rendered_error(&["metadesk-cli", "bulk", "sett"], Lang::Fr);
        assert!(line.contains("commande inconnue"), "{line}");
        let line = rendered_error(&["metadesk-cli", "doctor", "--nope"], Lang::Fr);
        assert!(line.contains("argument inconnu\u{a0}: --nope"), "{line}");
    }
    /// `args` after `metadesk-cli`, as a French terminal reads the usage error.
    fn french(args: &[&str]) -> String {
        let all: Vec<&str> = std::iter::once("metadesk-cli")
            .chain(args.iter().copied())
            .collect();
        rendered_error(&all, Lang::Fr)
    }

    #[test]
    fn every_usage_error_a_user_can_meet_is_in_french() {
        // French spacing: a no-break space before a colon, a narrow one before a question mark.
        let (nb, nnb) = ('\u{a0}', '\u{202f}');
        let cases: &[(&[&str], String)] = &[
            (
                &["bulk", "set", "--connection"],
                "une valeur est attendue après --connection <CONNEXION>".into(),
            ),
            (
                &["runs", "show", "r", "--csv", "a.csv", "--csv", "b.csv"],
                "--csv <FICHIER> ne peut être donné qu’une seule fois".into(),
            ),
            (
                &["runs", "show", "r", "--json", "--jsonl"],
                "--json ne peut pas être utilisé avec --jsonl".into(),
            ),
            (
                &["connections", "production", "dev", "maybe"],
                format!(
                    "valeur «{nb}maybe{nb}» non valable pour <ÉTAT> (valeurs possibles{nb}: on, off)"
                ),
            ),
            (
                &["runs", "show", "r", "--jsn"],
                format!("argument inconnu{nb}: --jsn (vouliez-vous dire --json{nnb}?)"),
            ),
            (
                &["bulk", "sett"],
                format!(
                    "commande inconnue{nb}: «{nb}sett{nb}» (vouliez-vous dire «{nb}set{nb}»{nnb}?)"
                ),
            ),
            (
                &["runs", "show"],
                format!("ces arguments obligatoires manquent{nb}: <EXÉCUTION>"),
            ),
        ];
        for (args, problem) in cases {
            let line = french(args);
            assert_eq!(
                line,
                format!("erreur{nb}: {problem} (voir --help)"),
                "{args:?}"
            );
        }
    }
}
