//! `metadesk-cli connections test NAME [--deep [--folder PATH] [--report FILE]]`: "Test connection" from a
//! terminal — mint or reuse a token, call AEM through the API family the connection may use,
//! and print each step; with `--deep`, "what this AEM allows" as a checklist, path by path.
//! Exit codes: [`SUCCESS`] the connection works, [`SOME_FAILED`] a step failed, [`FAILURE`] the
//! connection could not be tested (unknown name, keychain, damaged connection).
//!
//! Not here: the other `connections` commands (import, list, remove…, in `connections`);
//! [`augment`] adds `test` beside them without touching that module.
//! The test itself is the core's, the same as the window's "Test connection".

use clap::{ArgMatches, Args, FromArgMatches};
use metadesk_core::aem::allows::{Allowed, Can};
use metadesk_core::aem::connection_check::{ConnectionTestReport, StepOutcome};
use metadesk_core::app::{TestDepth, Workspace};
use metadesk_core::i18n::{Localizer, arg};

use crate::exit_code::{FAILURE, SOME_FAILED, SUCCESS};

/// Adds `test` to the `connections` subcommand of `cli`, so it sits (and shows in `--help`)
/// beside import, list and the others without changing their module.
pub fn augment(cli: clap::Command) -> clap::Command {
    cli.mut_subcommand("connections", |connections| {
        connections.subcommand(TestArgs::augment_args(clap::Command::new("test").about(
            "Test a connection: get (or reuse) a token, ask AEM who we are and read the DAM \
             root; with --deep, check without changing anything what this AEM allows.",
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
    /// Also check, without changing anything, each path Metadesk uses on this AEM (searches,
    /// batch writes, the permission to write, thumbnails, GraphQL) and what it does instead.
    #[arg(long)]
    pub deep: bool,
    /// With --deep: the DAM folder where the permission to change metadata is checked
    /// (default: /content/dam).
    #[arg(long, requires = "deep")]
    pub folder: Option<String>,
    /// With --deep: also save a field report to FILE for support — how this AEM answers each
    /// read Metadesk relies on (statuses, headers, the answers' shapes), with no token, no
    /// secret and no metadata value in it.
    #[arg(long, value_name = "FILE", requires = "deep")]
    pub report: Option<std::path::PathBuf>,
}

pub async fn run(args: TestArgs, workspace: &Workspace, l: &Localizer) -> u8 {
    let tested = async {
        let connection = workspace.connections().find(&args.name)?;
        let depth = if args.deep {
            TestDepth::Deep {
                folder: args.folder.clone(),
            }
        } else {
            TestDepth::Quick
        };
        let report = workspace.test_connection(&connection.id, &depth, l).await?;
        Ok::<_, metadesk_core::Error>((connection, report))
    };
    let (connection, report) = match tested.await {
        Ok(done) => done,
        Err(e) => return fail(&e.localized(l), l),
    };
    if args.json {
        match serde_json::to_string_pretty(&report) {
            Ok(text) => println!("{text}"),
            Err(e) => {
                let message = l.msg("cli-report-unwritable", &[("detail", arg(e.to_string()))]);
                return fail(&message, l);
            }
        }
    } else {
        let kind = crate::connections::kind_label(connection.kind, l);
        print!("{}", render(&connection.name, &kind, &report, l));
    }
    if let Some(file) = args.report {
        let saved =
            crate::field_report::save(workspace, &connection.id, args.folder.as_deref(), file, l);
        match saved.await {
            // With --json, standard output holds the test's JSON alone.
            Ok(text) if args.json => eprint!("{text}"),
            Ok(text) => print!("{text}"),
            Err(message) => return fail(&message, l),
        }
    }
    if report.ok { SUCCESS } else { SOME_FAILED }
}

fn fail(message: &str, l: &Localizer) -> u8 {
    eprintln!("{}", l.msg("cli-error", &[("message", arg(message))]));
    FAILURE
}

/// The report as text, in `l`'s words: one line per step, then the facts.
pub fn render(name: &str, kind: &str, report: &ConnectionTestReport, l: &Localizer) -> String {
    let mut lines = vec![l.msg(
        "cli-test-heading",
        &[
            ("name", arg(name)),
            ("kind", arg(kind)),
            ("host", arg(report.host.as_str())),
        ],
    )];
    for step in &report.steps {
        let mark = l.text(match step.outcome {
            StepOutcome::Passed => "cli-test-mark-ok",
            StepOutcome::Warning => "cli-test-mark-warn",
            StepOutcome::Failed => "cli-test-mark-fail",
            StepOutcome::Skipped => "cli-test-mark-skip",
        });
        lines.push(l.msg(
            "cli-test-step",
            &[
                ("mark", arg(mark)),
                ("label", arg(step.label.as_str())),
                ("detail", arg(step.detail.as_str())),
            ],
        ));
    }
    if let Some(user) = &report.acting_as {
        lines.push(l.msg("cli-test-acting-as", &[("user", arg(user.as_str()))]));
    }
    if let Some(at) = &report.token_expires_at {
        let at = metadesk_core::timefmt::parse_rfc3339(at)
            .map(|t| l.datetime(t))
            .unwrap_or_else(|| at.clone());
        lines.push(l.msg("cli-test-token-until", &[("at", arg(at))]));
    }
    if let Some(cert) = &report.certificate {
        lines.push(l.msg(
            "cli-test-certificate",
            &[("message", arg(cert.message.as_str()))],
        ));
    }
    if let Some(readable) = report.dam_readable {
        let answer = l.text(if readable { "cli-yes" } else { "cli-no" });
        lines.push(l.msg("cli-test-dam-readable", &[("answer", arg(answer))]));
    }
    // What it means first, in plain words; the paths, with their technical names, after.
    if !report.can_do.is_empty() {
        lines.push(l.text("cli-can-do-heading"));
    }
    for line in &report.can_do {
        let mark = l.text(match line.can {
            Can::Yes => "cli-allows-mark-ok",
            Can::No | Can::Partly => "cli-allows-mark-refused",
            Can::Unknown => "cli-allows-mark-unavailable",
        });
        lines.push(l.msg(
            "cli-can-do",
            &[("mark", arg(mark)), ("text", arg(line.text.as_str()))],
        ));
    }
    if !report.allows.is_empty() {
        lines.push(l.text("cli-allows-heading"));
    }
    for check in &report.allows {
        let mark = l.text(match check.allowed {
            Allowed::Ok => "cli-allows-mark-ok",
            Allowed::NotAllowed => "cli-allows-mark-refused",
            Allowed::Unavailable => "cli-allows-mark-unavailable",
        });
        lines.push(l.msg(
            "cli-test-step",
            &[
                ("mark", arg(mark)),
                ("label", arg(check.label.as_str())),
                ("detail", arg(check.detail.as_str())),
            ],
        ));
        if let Some(instead) = &check.instead {
            lines.push(l.msg("cli-allows-instead", &[("instead", arg(instead.as_str()))]));
        }
    }
    let warned = report
        .steps
        .iter()
        .any(|s| s.outcome == StepOutcome::Warning);
    lines.push(l.text(if report.ok && warned {
        "cli-test-result-warned"
    } else if report.ok {
        "cli-test-result-ok"
    } else {
        "cli-test-result-failed"
    }));
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{CommandFactory, Parser};
    use metadesk_core::aem::connection_check::TestStep;
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
                step: metadesk_core::aem::connection_check::StepKind::ReadDam,
                label: "Read the DAM root (/content/dam)".into(),
                outcome: StepOutcome::Failed,
                detail: "AEM does not let x read /content/dam.".into(),
                code: None,
            }],
            allows: Vec::new(),
            can_do: Vec::new(),
        };
        let text = render(
            "prod",
            "AEM service credentials",
            &report,
            &Localizer::english(),
        );
        assert_eq!(
            text,
            "Testing \"prod\" (AEM service credentials) at author-p1-e2.adobeaemcloud.com\n  \
             [FAIL] Read the DAM root (/content/dam): AEM does not let x read /content/dam.\n\
             Acting as: x@techacct.adobe.com\nToken valid until: 22 Nov 2026, 10:00 UTC\n\
             DAM readable: no\nResult: the connection does not work yet (see above).\n"
        );
        let fr = Localizer::new(metadesk_core::i18n::Lang::Fr);
        let text = render("prod", "identifiants de service AEM", &report, &fr);
        assert!(
            text.starts_with(
                "Test de «\u{a0}prod\u{a0}» (identifiants de service AEM) sur author-p1-e2"
            ),
            "{text}"
        );
        assert!(
            text.contains("Jeton valide jusqu’au\u{a0}: 22 nov. 2026 à 10:00 UTC"),
            "{text}"
        );
        assert!(text.contains("DAM lisible\u{a0}: non"), "{text}");
    }

    /// A deep test's report with only `allows` and `can_do`.
    fn deep_report(
        allows: Vec<metadesk_core::aem::allows::PathCheck>,
        can_do: Vec<metadesk_core::aem::allows::CanDo>,
    ) -> ConnectionTestReport {
        ConnectionTestReport {
            ok: true,
            host: "author.example".into(),
            api: ApiFamily::Classic,
            acting_as: None,
            token_expires_at: None,
            token_seconds_left: None,
            certificate: None,
            dam_readable: None,
            steps: Vec::new(),
            allows,
            can_do,
        }
    }

    #[test]
    fn the_checklist_follows_the_steps_with_what_the_app_does_instead() {
        use metadesk_core::aem::allows::{AemPath, PathCheck};
        let report = deep_report(
            vec![
                PathCheck {
                    path: AemPath::QueryBuilder,
                    label: "Search (QueryBuilder)".into(),
                    allowed: Allowed::Ok,
                    detail: "QueryBuilder answers searches.".into(),
                    instead: None,
                },
                PathCheck {
                    path: AemPath::BatchWrites,
                    label: "Batch writes".into(),
                    allowed: Allowed::NotAllowed,
                    detail: "No token.".into(),
                    instead: Some("Each asset is written on its own (slower).".into()),
                },
                PathCheck {
                    path: AemPath::Renditions,
                    label: "Thumbnails".into(),
                    allowed: Allowed::Unavailable,
                    detail: "None.".into(),
                    instead: None,
                },
            ],
            Vec::new(),
        );
        let text = render("prod", "kind", &report, &Localizer::english());
        assert_eq!(
            text,
            "Testing \"prod\" (kind) at author.example\nWhat this AEM allows:\n  \
             [ok  ] Search (QueryBuilder): QueryBuilder answers searches.\n  \
             [no  ] Batch writes: No token.\n         \
             Instead: Each asset is written on its own (slower).\n  \
             [n/a ] Thumbnails: None.\nResult: the connection works.\n"
        );
        let fr = render(
            "prod",
            "kind",
            &report,
            &Localizer::new(metadesk_core::i18n::Lang::Fr),
        );
        assert!(fr.contains("Ce que cet AEM permet\u{a0}:\n"), "{fr}");
        assert!(fr.contains("[non ] Batch writes"), "{fr}");
        assert!(fr.contains("À la place\u{a0}: Each asset"), "{fr}");
    }

    #[test]
    fn what_the_connection_can_do_comes_first_in_plain_words() {
        use metadesk_core::aem::allows::{Ability, CanDo};
        let line = |ability, can, text: &str| CanDo {
            ability,
            can,
            text: text.into(),
        };
        let report = deep_report(
            Vec::new(),
            vec![
                line(
                    Ability::Metadata,
                    Can::Partly,
                    "Can read metadata, but may not change it",
                ),
                line(Ability::Graphql, Can::Yes, "Can run GraphQL queries"),
            ],
        );
        let text = render("prod", "kind", &report, &Localizer::english());
        assert!(
            text.contains(
                "What this connection can do:\n  [no  ] Can read metadata, but may not change it\n  \
                 [ok  ] Can run GraphQL queries\n"
            ),
            "{text}"
        );
    }
}
