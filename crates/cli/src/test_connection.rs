//! `metadesk-cli connections test NAME`: "Test connection" from a terminal — mint or reuse a
//! token, call AEM through the API family the connection may use, and print each step.
//! Exit codes: 0 the connection works, 1 a step failed, 2 ([`FAILURE`]) the connection could
//! not be tested (unknown name, keychain, damaged connection).
//!
//! Not here: the other `connections` commands (import, list, remove…, in `connections`);
//! [`augment`] adds `test` beside them without touching that module.
//! The test itself is the core's, the same as the window's "Test connection".

use clap::{ArgMatches, Args, FromArgMatches};
use metadesk_core::aem::test_connection::{ConnectionTestReport, StepOutcome};
use metadesk_core::app::Workspace;

use crate::FAILURE;

/// Adds `test` to the `connections` subcommand of `cli`, so it sits (and shows in `--help`)
/// beside import, list and the others without changing their module.
pub fn augment(cli: clap::Command) -> clap::Command {
    cli.mut_subcommand("connections", |connections| {
        connections.subcommand(TestArgs::augment_args(clap::Command::new("test").about(
            "Test a connection: get (or reuse) a token, ask AEM who we are and read the DAM \
             root.",
        )))
    })
}

/// The arguments of `connections test`, when that is the command given.
pub fn test_args(matches: &ArgMatches) -> Option<Result<TestArgs, clap::Error>> {
    let (_, connections) = matches
        .subcommand()
        .filter(|(name, _)| *name == "connections")?;
    let (_, test) = connections
        .subcommand()
        .filter(|(name, _)| *name == "test")?;
    Some(TestArgs::from_arg_matches(test))
}

#[derive(Debug, Args)]
pub struct TestArgs {
    /// The connection's name (or id), as `connections list` shows it.
    pub name: String,
    /// Print the report as JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

pub async fn run(args: TestArgs, workspace: &Workspace) -> u8 {
    let tested = async {
        let connection = workspace.connections().find(&args.name)?;
        let report = workspace.test_connection(&connection.id).await?;
        Ok::<_, metadesk_core::Error>((connection, report))
    };
    let (connection, report) = match tested.await {
        Ok(done) => done,
        Err(e) => return fail(&e.to_string()),
    };
    if args.json {
        match serde_json::to_string_pretty(&report) {
            Ok(text) => println!("{text}"),
            Err(e) => return fail(&format!("the report could not be written ({e})")),
        }
    } else {
        print!(
            "{}",
            render(&connection.name, connection.kind.label(), &report)
        );
    }
    if report.ok { 0 } else { 1 }
}

fn fail(message: &str) -> u8 {
    eprintln!("error: {message}");
    FAILURE
}

/// The report as text: one line per step, then the facts.
pub fn render(name: &str, kind: &str, report: &ConnectionTestReport) -> String {
    let mut out = format!("Testing \"{name}\" ({kind}) at {}\n", report.host);
    for step in &report.steps {
        let mark = match step.outcome {
            StepOutcome::Passed => "ok  ",
            StepOutcome::Warning => "warn",
            StepOutcome::Failed => "FAIL",
            StepOutcome::Skipped => "skip",
        };
        out.push_str(&format!("  [{mark}] {}: {}\n", step.label, step.detail));
    }
    if let Some(user) = &report.acting_as {
        out.push_str(&format!("Acting as: {user}\n"));
    }
    if let Some(at) = &report.token_expires_at {
        out.push_str(&format!("Token valid until: {at}\n"));
    }
    if let Some(cert) = &report.certificate {
        out.push_str(&format!("Certificate: {}\n", cert.message));
    }
    if let Some(readable) = report.dam_readable {
        out.push_str(&format!(
            "DAM readable: {}\n",
            if readable { "yes" } else { "no" }
        ));
    }
    let warned = report
        .steps
        .iter()
        .any(|s| s.outcome == StepOutcome::Warning);
    out.push_str(if report.ok && warned {
        "Result: the connection works (with a warning, see above).\n"
    } else if report.ok {
        "Result: the connection works.\n"
    } else {
        "Result: the connection does not work yet (see above).\n"
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{CommandFactory, Parser};
    use metadesk_core::aem::test_connection::TestStep;
    use metadesk_core::credentials::ApiFamily;

    #[derive(Parser)]
    struct Probe {
        #[command(flatten)]
        args: TestArgs,
    }

    #[test]
    fn arguments() {
        let p = Probe::try_parse_from(["x", "prod author", "--json"]).unwrap();
        assert_eq!(p.args.name, "prod author");
        assert!(p.args.json);
        assert!(
            Probe::try_parse_from(["x"]).is_err(),
            "the name is required"
        );
    }

    fn parse(args: &[&str]) -> Result<ArgMatches, clap::Error> {
        augment(crate::Cli::command()).try_get_matches_from(args)
    }

    #[test]
    fn test_sits_beside_the_other_connections_commands() {
        let matches = parse(&["metadesk-cli", "connections", "test", "prod", "--json"]).unwrap();
        let args = test_args(&matches).unwrap().unwrap();
        assert_eq!((args.name.as_str(), args.json), ("prod", true));
        let matches = parse(&["metadesk-cli", "connections", "list"]).unwrap();
        assert!(test_args(&matches).is_none());
        assert!(crate::Cli::from_arg_matches(&matches).is_ok());
        let help = augment(crate::Cli::command())
            .find_subcommand_mut("connections")
            .unwrap()
            .render_help()
            .to_string();
        assert!(help.contains("test"), "{help}");
        assert!(
            parse(&["metadesk-cli", "connections", "test"]).is_err(),
            "name required"
        );
    }

    #[test]
    fn text_report() {
        let report = ConnectionTestReport {
            ok: false,
            host: "author-p1-e2.adobeaemcloud.com".into(),
            api: ApiFamily::Classic,
            acting_as: Some("x@techacct.adobe.com".into()),
            token_expires_at: Some("2026-11-22T10:00:00Z".into()),
            token_seconds_left: Some(86_000),
            certificate: None,
            dam_readable: Some(false),
            steps: vec![TestStep {
                label: "Read the DAM root (/content/dam)".into(),
                outcome: StepOutcome::Failed,
                detail: "AEM does not let x read /content/dam.".into(),
                code: None,
            }],
        };
        let text = render("prod", "AEM service credentials", &report);
        assert_eq!(
            text,
            "Testing \"prod\" (AEM service credentials) at author-p1-e2.adobeaemcloud.com\n  \
             [FAIL] Read the DAM root (/content/dam): AEM does not let x read /content/dam.\n\
             Acting as: x@techacct.adobe.com\nToken valid until: 2026-11-22T10:00:00Z\n\
             DAM readable: no\nResult: the connection does not work yet (see above).\n"
        );
    }
}
