//! The help in the user's language: each command's `about` (and each argument's help) is
//! looked up in the catalogue by its path (`cli-about-connections-list`,
//! `cli-arg-connections-import-name`), or by an enclosing command's path for an argument its
//! subcommands share (`cli-arg-bulk-folder` for every `bulk` command's `--folder`; `sheet`'s
//! commands take `bulk`'s flags, so they fall back to `bulk`'s words); where the catalogue has
//! none, the doc comment stays. clap's own words — the "Usage:", "Commands:", "Arguments:" and
//! "Options:" headings, `--help`, `--version` and the `help` command — are replaced by the
//! catalogue's (`cli-heading-…`, `cli-help-…`); [`help_requested`] answers that `help` command.
//! An argument's value name (`<CONNECTION>`) is the catalogue's `cli-value-connection`, in the
//! help and in usage errors alike. A command's examples, shown after its help, are
//! `cli-examples-` and its path (`cli-examples-bulk-replace`).

use std::cell::RefCell;
use std::collections::HashMap;

use clap::{Arg, ArgAction, ArgMatches, Command};
use metadesk_core::i18n::{Localizer, arg};

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
    /// Value names in the user's language, by clap's name (`CONNECTION`): each leaked once.
    value_names: RefCell<HashMap<String, Option<&'static str>>>,
}

impl Words {
    fn new(l: &Localizer) -> Self {
        // clap writes a heading's colon itself: French puts a no-break space before it.
        let once = |text: String| leak(&text);
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
            value_names: RefCell::default(),
        }
    }

    /// The value name `name` (`QUERY_FILE`) in the user's language, when the catalogue has it.
    fn value_name(&self, name: &str, l: &Localizer) -> Option<&'static str> {
        *self
            .value_names
            .borrow_mut()
            .entry(name.to_string())
            .or_insert_with(|| {
                l.find(&value_name_id(name))
                    .map(|words| &*Box::leak(words.into_boxed_str()))
            })
    }
}

/// The catalogue id of the value name `name`: `QUERY_FILE` is `cli-value-query-file`,
/// `PROPERTY=VALUE` is `cli-value-property-value`.
pub fn value_name_id(name: &str) -> String {
    let words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    format!("cli-value-{}", words.join("-"))
}

/// clap keeps value names as `&'static str` (without its `string` feature); built once per
/// process.
fn leak(text: &str) -> &'static str {
    Box::leak(text.to_string().into_boxed_str())
}

/// The names of the values `a` takes (derived arguments name theirs after their id).
fn value_names(a: &Arg) -> Vec<String> {
    match a.get_value_names() {
        Some(names) => names.iter().map(|n| n.to_string()).collect(),
        None => vec![a.get_id().as_str().to_uppercase()],
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
            let a = a.help_heading(heading);
            if !a.get_action().takes_values() {
                return a;
            }
            let a = with_clap_notes(a, l);
            let names = value_names(&a);
            let found: Vec<_> = names.iter().map(|name| words.value_name(name, l)).collect();
            if found.iter().all(Option::is_none) {
                return a;
            }
            // A name the catalogue lacks (a symbol like `K=V`) stays as it is.
            let names: Vec<&'static str> = found
                .into_iter()
                .zip(&names)
                .map(|(found, name)| found.unwrap_or_else(|| leak(name)))
                .collect();
            match names.as_slice() {
                [one] => a.value_name(*one),
                many => a.value_names(many.to_vec()),
            }
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
            let sub = match l.find(&format!("cli-examples-{inner}")) {
                Some(examples) => sub.after_help(examples),
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

/// clap writes an argument's notes — the values it takes, its default — in English after its
/// help line: they are hidden there and said in the help line by the catalogue instead.
fn with_clap_notes(a: Arg, l: &Localizer) -> Arg {
    let values: Vec<String> = match a.is_hide_possible_values_set() {
        true => Vec::new(),
        false => a
            .get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_string())
            .collect(),
    };
    let defaults: Vec<String> = match a.is_hide_default_value_set() {
        true => Vec::new(),
        false => a
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            // An empty default ("no variables") goes without saying.
            .filter(|v| !v.is_empty())
            .collect(),
    };
    let a = a.hide_possible_values(true).hide_default_value(true);
    if values.is_empty() && defaults.is_empty() {
        return a;
    }
    let mut help = a.get_help().map(|h| h.to_string()).unwrap_or_default();
    if !defaults.is_empty() {
        help = l.msg(
            "cli-help-with-default",
            &[("help", arg(help)), ("default", arg(defaults.join(", ")))],
        );
    }
    if !values.is_empty() {
        help = l.msg(
            "cli-help-with-choices",
            &[("help", arg(help)), ("values", arg(values.join(", ")))],
        );
    }
    a.help(help.trim().to_string())
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
    // `sheet`'s, `schema`'s, `publish`'s, `unpublish`'s, `tags`' and `health`'s commands
    // flatten `bulk`'s connection, selection and write flags.
    if matches!(
        parts.first(),
        Some(&"sheet" | &"schema" | &"publish" | &"unpublish" | &"tags" | &"health")
    ) {
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
        crate::connection_check::augment(crate::Cli::command())
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
                if let Some(command) = id.strip_prefix("cli-examples-") {
                    let about = format!("cli-about-{command}");
                    assert!(known.contains(&about), "{name}: {id} names no command");
                }
            }
        }
    }

    /// Every command with a summary and every argument with a help line in the code has its
    /// words in the catalogue (French has every English message: the catalogue's tests check
    /// it), so no English doc comment is left in a French help.
    #[test]
    fn every_command_and_argument_is_explained_by_the_catalogue() {
        fn walk(command: &Command, path: &str, l: &Localizer, missing: &mut Vec<String>) {
            for a in command.get_arguments() {
                let said = a
                    .get_help()
                    .is_some_and(|h| !h.to_string().trim().is_empty());
                let found = ancestors(path)
                    .iter()
                    .any(|prefix| l.find(&format!("cli-arg-{prefix}{}", a.get_id())).is_some());
                if said && !found {
                    missing.push(format!("cli-arg-{path}{}", a.get_id()));
                }
            }
            for sub in command.get_subcommands() {
                let inner = format!("{path}{}", sub.get_name());
                let said = sub
                    .get_about()
                    .is_some_and(|h| !h.to_string().trim().is_empty());
                if said && l.find(&format!("cli-about-{inner}")).is_none() {
                    missing.push(format!("cli-about-{inner}"));
                }
                walk(sub, &format!("{inner}-"), l, missing);
            }
        }
        let mut missing = Vec::new();
        walk(&cli(), "", &Localizer::new(Lang::En), &mut missing);
        assert!(missing.is_empty(), "not in the catalogue: {missing:?}");
    }

    /// Every command's help in French, with none of clap's own English notes (the choices an
    /// argument takes, its default).
    #[test]
    fn no_help_has_clap_s_english_notes_in_french() {
        fn paths(command: &Command, at: Vec<String>, out: &mut Vec<Vec<String>>) {
            for sub in command.get_subcommands() {
                let mut inner = at.clone();
                inner.push(sub.get_name().to_string());
                out.push(inner.clone());
                paths(sub, inner, out);
            }
        }
        let mut all = vec![Vec::new()];
        paths(&cli(), Vec::new(), &mut all);
        let fr = Localizer::new(Lang::Fr);
        for path in all {
            let help = render_help(&mut apply(cli(), &fr), &path);
            for english in ["possible values", "[default:", "Print "] {
                assert!(!help.contains(english), "{path:?}: {english} in\n{help}");
            }
        }
        let production = french_help(&["connections", "production"]);
        assert!(
            production.contains("valeurs possibles\u{a0}: on, off"),
            "{production}"
        );
        let sdk = french_help(&["connections", "add-sdk"]);
        assert!(
            sdk.contains("par défaut\u{a0}: http://localhost:4502"),
            "{sdk}"
        );
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
            help.contains("Remplacer la valeur de la propriété\u{a0}: par des valeurs"),
            "{help}"
        );
        assert!(help.contains("Le dossier de la DAM"), "{help}");
        assert!(help.contains("Aperçu seulement"), "{help}");
        assert!(!help.contains("Preview only"), "{help}");
        assert!(!help.contains("The DAM folder"), "{help}");
    }

    #[test]
    fn rules_show_their_examples_in_the_users_language() {
        let replace = french_help(&["bulk", "replace"]);
        assert!(replace.contains("Exemples\u{a0}:"), "{replace}");
        assert!(
            replace.contains("--find 'WKND (\\w+)' --replace 'Wknd $1' --regex"),
            "{replace}"
        );
        assert!(replace.contains("Chercher et remplacer"), "{replace}");
        let en = Localizer::english();
        let path = ["bulk".to_string(), "set".to_string()];
        let set = render_help(&mut apply(cli(), &en), &path);
        assert!(set.contains("Examples:"), "{set}");
        assert!(
            set.contains("--template '{name} — {folder}' --only-where empty"),
            "{set}"
        );
        assert!(set.contains("<TEMPLATE>"), "{set}");
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

    /// Every value name of `command` and its subcommands, as clap has them (`QUERY_FILE`).
    fn all_value_names(command: &Command, out: &mut Vec<String>) {
        for a in command.get_arguments() {
            if a.get_action().takes_values() {
                out.extend(value_names(a));
            }
        }
        for sub in command.get_subcommands() {
            all_value_names(sub, out);
        }
    }

    #[test]
    fn every_value_name_is_in_the_catalogue() {
        let mut names = Vec::new();
        all_value_names(&cli(), &mut names);
        names.sort();
        names.dedup();
        // Symbols, the same in every language.
        let symbols = ["K=V", "K:V"];
        // French has every English message (the catalogue's own tests check it).
        let l = Localizer::new(Lang::En);
        let missing: Vec<_> = names
            .iter()
            .filter(|n| !symbols.contains(&n.as_str()))
            .filter(|n| l.find(&value_name_id(n)).is_none())
            .collect();
        assert!(missing.is_empty(), "no words for {missing:?}");
        for (_, name, source) in CATALOGUE.files.iter().filter(|(l, _, _)| *l == Lang::En) {
            for line in source.lines() {
                let Some((id, _)) = line.split_once(" = ") else {
                    continue;
                };
                if id.starts_with("cli-value-") && id != "cli-value-command" {
                    assert!(
                        names.iter().any(|n| value_name_id(n) == id),
                        "{name}: {id} names no value"
                    );
                }
            }
        }
    }

    #[test]
    fn value_names_are_in_french_in_the_help() {
        let help = french_help(&["bulk", "set"]);
        assert!(help.contains("--connection <CONNEXION>"), "{help}");
        assert!(help.contains("--folder <DOSSIER>"), "{help}");
        assert!(help.contains("--value <VALEURS>"), "{help}");
        for english in ["<CONNECTION>", "<FOLDER>", "<VALUES>", "<PROPERTY>"] {
            assert!(!help.contains(english), "{english} in\n{help}");
        }
        let show = french_help(&["runs", "show"]);
        assert!(show.contains("<EXÉCUTION>"), "{show}");
        assert!(show.contains("--csv <FICHIER>"), "{show}");
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
