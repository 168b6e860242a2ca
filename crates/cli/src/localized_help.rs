//! The help in the user's language: each command's `about` (and each argument's help) is
//! looked up in the catalogue by its path (`cli-about-connections-list`,
//! `cli-arg-connections-import-name`), or by an enclosing command's path for an argument its
//! subcommands share (`cli-arg-bulk-folder` for every `bulk` command's `--folder`; `sheet`'s
//! commands take `bulk`'s flags, so they fall back to `bulk`'s words); where the catalogue has
//! none, the doc comment stays. clap's own words — the "Usage:", "Commands:", "Arguments:" and
//! "Options:" headings, `--help`, `--version` and the `help` command — are replaced by the
//! catalogue's (`cli-heading-…`, `cli-help-…`); [`help_requested`] answers that `help` command.

use clap::{Arg, ArgAction, ArgMatches, Command};
use metadesk_core::i18n::Localizer;

/// `cli` with its summaries in `l`'s language.
pub fn apply(cli: Command, l: &Localizer) -> Command {
    let cli = match l.find("cli-about") {
        Some(about) => cli.about(about),
        None => cli,
    };
    let cli = cli.disable_version_flag(true).arg(
        Arg::new("version")
            .short('V')
            .long("version")
            .action(ArgAction::Version)
            .help(l.text("cli-help-version")),
    );
    localize(cli, "", l, &Words::new(l))
}

/// clap's own words in the user's language. Headings and value names are `&'static str`:
/// clap takes them so without its `string` feature, and the CLI builds them once per process.
struct Words {
    template: String,
    commands: &'static str,
    command: &'static str,
    arguments: &'static str,
    options: &'static str,
    help_flag: String,
    help_command: String,
    help_command_arg: String,
}

impl Words {
    fn new(l: &Localizer) -> Self {
        // clap writes a heading's colon itself: French puts a no-break space before it.
        let once = |text: String| -> &'static str { Box::leak(text.into_boxed_str()) };
        let heading = |id: &str| {
            once(format!(
                "{}{}",
                l.text(id),
                l.text("cli-heading-before-colon")
            ))
        };
        Words {
            template: format!(
                "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
                l.text("cli-heading-usage")
            ),
            commands: heading("cli-heading-commands"),
            command: once(l.text("cli-value-command")),
            arguments: heading("cli-heading-arguments"),
            options: heading("cli-heading-options"),
            help_flag: l.text("cli-help-flag"),
            help_command: l.text("cli-help-command"),
            help_command_arg: l.text("cli-help-command-arg"),
        }
    }
}

/// The command path a `help` command asks about (`metadesk-cli help bulk set`,
/// `metadesk-cli bulk help set` both give `["bulk", "set"]`), when one was given.
pub fn help_requested(matches: &ArgMatches) -> Option<Vec<String>> {
    let mut path = Vec::new();
    let mut at = matches;
    while let Some((name, inner)) = at.subcommand() {
        if name == "help" {
            let asked = inner.get_many::<String>("subcommand").into_iter().flatten();
            path.extend(asked.cloned());
            return Some(path);
        }
        path.push(name.to_string());
        at = inner;
    }
    None
}

/// The help of the command at `path` under `cli` (the top level's when it names none).
pub fn render_help(cli: &mut Command, path: &[String]) -> String {
    // Built, each command's usage names its whole path (`metadesk-cli bulk set`).
    cli.build();
    help_of(cli, path)
}

fn help_of(command: &mut Command, path: &[String]) -> String {
    if let Some((name, rest)) = path.split_first()
        && let Some(inner) = command.find_subcommand_mut(name)
    {
        return help_of(inner, rest);
    }
    command.render_help().to_string()
}

fn localize(mut command: Command, path: &str, l: &Localizer, words: &Words) -> Command {
    let args: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in args {
        let help = ancestors(path)
            .into_iter()
            .find_map(|prefix| l.find(&format!("cli-arg-{prefix}{id}")));
        let heading = |a: &Arg| match a.is_positional() {
            true => words.arguments,
            false => words.options,
        };
        command = command.mut_arg(id, |a| {
            let a = match &help {
                Some(help) => a.help(help.clone()),
                None => a,
            };
            let heading = heading(&a);
            a.help_heading(heading)
        });
    }
    command = command
        .help_template(words.template.clone())
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(words.help_flag.clone())
                .help_heading(words.options),
        );
    let names: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    if names.is_empty() {
        return command;
    }
    for name in names {
        let inner = format!("{path}{name}");
        command = command.mut_subcommand(&name, |sub| {
            let sub = match l.find(&format!("cli-about-{inner}")) {
                Some(about) => sub.about(about).long_about(None),
                None => sub,
            };
            localize(sub, &format!("{inner}-"), l, words)
        });
    }
    // clap's `help` command says English words: this one says the catalogue's, and
    // `help_requested` answers it.
    command
        .subcommand_help_heading(words.commands)
        .subcommand_value_name(words.command)
        .disable_help_subcommand(true)
        .subcommand(
            Command::new("help")
                .about(words.help_command.clone())
                .help_template(words.template.clone())
                .disable_help_flag(true)
                .arg(
                    Arg::new("subcommand")
                        .action(ArgAction::Append)
                        .num_args(..)
                        .value_name(words.command)
                        .help(words.help_command_arg.clone())
                        .help_heading(words.arguments),
                ),
        )
}

/// `bulk-set-`, then `bulk-`: the command's own path first, then each enclosing command's (the
/// top level's empty path is left out: its arguments would name every command's).
fn ancestors(path: &str) -> Vec<String> {
    let parts: Vec<&str> = path.trim_end_matches('-').split('-').collect();
    if path.is_empty() {
        return vec![String::new()];
    }
    let mut out: Vec<String> = (1..=parts.len())
        .rev()
        .map(|n| format!("{}-", parts[..n].join("-")))
        .collect();
    // `sheet`'s commands flatten `bulk`'s connection, selection and write flags.
    if parts.first() == Some(&"sheet") {
        out.push("bulk-".into());
    }
    out
}

/// Every command path and argument id the catalogue may name.
#[cfg(test)]
pub fn known_ids(command: &Command, path: &str, out: &mut Vec<String>) {
    for a in command.get_arguments() {
        for prefix in ancestors(path) {
            out.push(format!("cli-arg-{prefix}{}", a.get_id()));
        }
    }
    for sub in command.get_subcommands() {
        let inner = format!("{path}{}", sub.get_name());
        out.push(format!("cli-about-{inner}"));
        known_ids(sub, &format!("{inner}-"), out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;
    use metadesk_core::i18n::{CATALOGUE, Lang};

    fn cli() -> Command {
        crate::test_connection::augment(crate::Cli::command())
    }

    #[test]
    fn every_help_message_names_a_real_command_or_argument() {
        let mut known = vec!["cli-about".to_string()];
        known_ids(&cli(), "", &mut known);
        for (_, name, source) in CATALOGUE.files.iter().filter(|(l, _, _)| *l == Lang::En) {
            for line in source.lines() {
                let Some((id, _)) = line.split_once(" = ") else {
                    continue;
                };
                if id.starts_with("cli-about") || id.starts_with("cli-arg-") {
                    assert!(known.iter().any(|k| k == id), "{name}: {id} names nothing");
                }
            }
        }
    }

    #[test]
    fn help_is_in_french_when_the_language_is_french() {
        let fr = Localizer::new(Lang::Fr);
        let mut command = apply(cli(), &fr);
        let help = command
            .find_subcommand_mut("connections")
            .unwrap()
            .render_help()
            .to_string();
        assert!(
            help.contains("Importer des fichiers d’identifiants"),
            "{help}"
        );
        assert!(help.contains("Tester une connexion"), "{help}");
        assert!(!help.contains("List connections"), "{help}");
    }

    #[test]
    fn bulk_help_and_its_shared_flags_are_in_french() {
        let fr = Localizer::new(Lang::Fr);
        let mut command = apply(cli(), &fr);
        let help = command
            .find_subcommand_mut("bulk")
            .and_then(|b| b.find_subcommand_mut("set"))
            .unwrap()
            .render_help()
            .to_string();
        assert!(
            help.contains("Remplacer la valeur de la propriété."),
            "{help}"
        );
        assert!(help.contains("Le dossier de la DAM"), "{help}");
        assert!(help.contains("Aperçu seulement"), "{help}");
        assert!(!help.contains("Preview only"), "{help}");
        assert!(!help.contains("The DAM folder"), "{help}");
    }

    #[test]
    fn an_enclosing_commands_help_never_reaches_another_command() {
        assert_eq!(ancestors("bulk-set-"), ["bulk-set-", "bulk-"]);
        assert_eq!(ancestors(""), [""]);
        assert_eq!(
            ancestors("sheet-export-"),
            ["sheet-export-", "sheet-", "bulk-"]
        );
    }

    /// The help of `path` (none: the top level's) in French.
    fn french_help(path: &[&str]) -> String {
        let fr = Localizer::new(Lang::Fr);
        let mut command = apply(cli(), &fr);
        let path: Vec<String> = path.iter().map(|s| s.to_string()).collect();
        render_help(&mut command, &path)
    }

    #[test]
    fn clap_says_no_english_word_in_french() {
        for path in [
            &[][..],
            &["bulk"],
            &["bulk", "set"],
            &["sheet", "import"],
            &["help"],
        ] {
            let help = french_help(path);
            for english in [
                "Usage:",
                "Commands:",
                "Options:",
                "Arguments:",
                "Print help",
                "Print version",
                "Print this message",
            ] {
                assert!(!help.contains(english), "{path:?}: {english} in\n{help}");
            }
            assert!(help.contains("Utilisation\u{a0}:"), "{path:?}: {help}");
        }
        assert!(french_help(&["bulk", "set"]).contains("Afficher l’aide"));
        let top = french_help(&[]);
        assert!(top.contains("Commandes\u{a0}:"), "{top}");
        assert!(top.contains("Options\u{a0}:"), "{top}");
        assert!(top.contains("Afficher la version"), "{top}");
        assert!(top.contains("<COMMANDE>"), "{top}");
        let import = french_help(&["sheet", "import"]);
        assert!(import.contains("Arguments\u{a0}:"), "{import}");
        assert!(import.contains("metadesk-cli sheet import"), "{import}");
    }

    #[test]
    fn sheets_shared_flags_are_explained_in_french() {
        for path in [["sheet", "export"], ["sheet", "import"]] {
            let help = french_help(&path);
            assert!(help.contains("Une connexion enregistrée"), "{help}");
            assert!(!help.contains("A stored connection"), "{help}");
            assert!(!help.contains("A credential file"), "{help}");
        }
        let export = french_help(&["sheet", "export"]);
        assert!(export.contains("Le dossier de la DAM"), "{export}");
        let import = french_help(&["sheet", "import"]);
        assert!(import.contains("Aperçu seulement"), "{import}");
        assert!(!import.contains("The sheet"), "{import}");
    }

    #[test]
    fn the_where_words_are_listed_in_french_and_read() {
        let help = french_help(&["bulk", "set"]);
        assert!(help.contains("--where 'dc:rights est vide'"), "{help}");
        assert!(help.contains("ne contient pas TEXTE"), "{help}");
        for example in ["dc:rights est vide", "balise est wknd:activity/surfing"] {
            assert!(
                metadesk_core::bulk::Condition::parse(example).is_ok(),
                "{example}"
            );
        }
    }

    #[test]
    fn the_help_command_names_the_command_asked_about() {
        let fr = Localizer::new(Lang::Fr);
        let command = apply(cli(), &fr);
        for args in [
            &["metadesk-cli", "help", "bulk", "set"][..],
            &["metadesk-cli", "bulk", "help", "set"][..],
        ] {
            let matches = command.clone().try_get_matches_from(args).unwrap();
            assert_eq!(
                help_requested(&matches).unwrap(),
                ["bulk", "set"],
                "{args:?}"
            );
        }
        let matches = command
            .clone()
            .try_get_matches_from(["metadesk-cli", "doctor"])
            .unwrap();
        assert_eq!(help_requested(&matches), None);
    }
}
