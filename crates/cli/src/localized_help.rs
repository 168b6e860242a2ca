//! The help summaries of the commands in the user's language: each command's `about` (and
//! each argument's help) is looked up in the catalogue by its path (`cli-about-connections-list`,
//! `cli-arg-connections-import-name`), or by an enclosing command's path for an argument its
//! subcommands share (`cli-arg-bulk-folder` for every `bulk` command's `--folder`); where the
//! catalogue has none, the doc comment stays.
//! clap's own words ("Usage:", "Options:", its usage errors) are clap's and stay English.

use clap::Command;
use metadesk_core::i18n::Localizer;

/// `cli` with its summaries in `l`'s language.
pub fn apply(cli: Command, l: &Localizer) -> Command {
    let cli = match l.find("cli-about") {
        Some(about) => cli.about(about),
        None => cli,
    };
    localize(cli, "", l)
}

fn localize(mut command: Command, path: &str, l: &Localizer) -> Command {
    let args: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in args {
        let help = ancestors(path)
            .into_iter()
            .find_map(|prefix| l.find(&format!("cli-arg-{prefix}{id}")));
        if let Some(help) = help {
            command = command.mut_arg(id, |a| a.help(help));
        }
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in names {
        let inner = format!("{path}{name}");
        command = command.mut_subcommand(&name, |sub| {
            let sub = match l.find(&format!("cli-about-{inner}")) {
                Some(about) => sub.about(about).long_about(None),
                None => sub,
            };
            localize(sub, &format!("{inner}-"), l)
        });
    }
    command
}

/// `bulk-set-`, then `bulk-`: the command's own path first, then each enclosing command's (the
/// top level's empty path is left out: its arguments would name every command's).
fn ancestors(path: &str) -> Vec<String> {
    let parts: Vec<&str> = path.trim_end_matches('-').split('-').collect();
    if path.is_empty() {
        return vec![String::new()];
    }
    (1..=parts.len())
        .rev()
        .map(|n| format!("{}-", parts[..n].join("-")))
        .collect()
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
    }
}
