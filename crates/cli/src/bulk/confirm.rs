//! Asking before writing: the y/N question, and the production guard — on a connection
//! marked production the person applying types its name at a terminal, or a script gives it
//! as `--confirm-production NAME`. The rule and its words are the core's
//! [`confirm_production`], the same as the app's.
//!
//! Not here: what is applied (`bulk`).

use std::io::{BufRead, Write};

use metadesk_core::Error;
use metadesk_core::connections::{Connection, confirm_production};

/// What the production guard needs before a run writes, decided before its preview so a
/// refusal leaves nothing behind.
#[derive(Debug, PartialEq, Eq)]
pub enum ProductionGate {
    /// Not a production connection, or its name was given with `--confirm-production`.
    Passed,
    /// Production, on a terminal: ask to type the name once the preview is shown.
    AskForName,
}

/// Decides the guard for a run that will write through `connection`. `given` is
/// `--confirm-production`; `interactive` whether standard input is a terminal.
pub fn production_gate(
    connection: &Connection,
    given: Option<&str>,
    yes: bool,
    interactive: bool,
) -> Result<ProductionGate, Error> {
    if !connection.production {
        return Ok(ProductionGate::Passed);
    }
    match given {
        Some(typed) => confirm_production(connection, Some(typed))
            .map(|()| ProductionGate::Passed)
            .map_err(|refusal| {
                Error::InvalidInput(format!(
                    "--confirm-production \"{typed}\" is not this connection's name. {refusal}"
                ))
            }),
        None if interactive && !yes => Ok(ProductionGate::AskForName),
        None => Err(Error::InvalidInput(format!(
            "{} Without a terminal (or with --yes), give it as --confirm-production \"{}\".",
            confirm_production(connection, None)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default(),
            connection.name
        ))),
    }
}

/// Asks to type the production connection's name before changing `assets` assets; returns the
/// name once it is right.
pub fn ask_for_name(
    connection: &Connection,
    assets: u64,
    input: &mut dyn BufRead,
    prompt: &mut dyn Write,
) -> Result<String, Error> {
    let _ = write!(
        prompt,
        "\"{}\" is marked production. To change {assets} assets, type its name: ",
        connection.name
    );
    let _ = prompt.flush();
    let typed = read_answer(input)?;
    confirm_production(connection, Some(&typed))?;
    Ok(typed)
}

/// Asks a yes/no question; anything but yes is no.
pub fn ask_yes_no(
    question: &str,
    input: &mut dyn BufRead,
    prompt: &mut dyn Write,
) -> Result<bool, Error> {
    let _ = write!(prompt, "{question} [y/N] ");
    let _ = prompt.flush();
    Ok(matches!(
        read_answer(input)?.trim(),
        "y" | "Y" | "yes" | "Yes"
    ))
}

fn read_answer(input: &mut dyn BufRead) -> Result<String, Error> {
    let mut answer = String::new();
    input
        .read_line(&mut answer)
        .map_err(|e| Error::io("could not read the answer", e))?;
    Ok(answer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use metadesk_core::connections::ConnectionStore;
    use metadesk_core::secrets::RunOnlyKeychain;
    use std::sync::Arc;

    /// A stored local SDK login called `name`.
    fn connection(name: &str, production: bool) -> (tempfile::TempDir, Connection) {
        let tmp = tempfile::tempdir().unwrap();
        let store = ConnectionStore::new(tmp.path(), Arc::new(RunOnlyKeychain::new()));
        let added = store
            .add_local_sdk(
                None,
                "admin",
                metadesk_core::secrets::Secret::new("admin"),
                Some(name.into()),
            )
            .unwrap();
        store
            .set_production(&added.connection.id, production)
            .unwrap();
        let connection = store.get(&added.connection.id).unwrap();
        assert_eq!(connection.production, production);
        (tmp, connection)
    }

    #[test]
    fn a_connection_not_marked_production_passes() {
        let (_tmp, c) = connection("Stage", false);
        for (yes, interactive) in [(false, false), (true, false), (false, true)] {
            assert_eq!(
                production_gate(&c, None, yes, interactive).unwrap(),
                ProductionGate::Passed
            );
        }
    }

    #[test]
    fn production_passes_with_its_exact_name() {
        let (_tmp, c) = connection("Prod author", true);
        for (yes, interactive) in [(false, false), (true, false), (true, true)] {
            assert_eq!(
                production_gate(&c, Some("Prod author"), yes, interactive).unwrap(),
                ProductionGate::Passed
            );
        }
    }

    #[test]
    fn production_on_a_terminal_asks_for_the_name() {
        let (_tmp, c) = connection("Prod author", true);
        assert_eq!(
            production_gate(&c, None, false, true).unwrap(),
            ProductionGate::AskForName
        );
        let mut prompt = Vec::new();
        ask_for_name(&c, 12, &mut &b"Prod author\n"[..], &mut prompt).unwrap();
        assert_eq!(
            String::from_utf8(prompt).unwrap(),
            "\"Prod author\" is marked production. To change 12 assets, type its name: "
        );
        let err = ask_for_name(&c, 12, &mut &b"prod author\n"[..], &mut Vec::new()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "This connection is marked production: type its name, \"Prod author\", to apply."
        );
        assert!(ask_for_name(&c, 12, &mut &b""[..], &mut Vec::new()).is_err());
    }

    #[test]
    fn production_without_a_terminal_or_with_yes_needs_the_flag() {
        let (_tmp, c) = connection("Prod author", true);
        for (yes, interactive) in [(false, false), (true, false), (true, true)] {
            let err = production_gate(&c, None, yes, interactive).unwrap_err();
            assert_eq!(
                err.to_string(),
                "This connection is marked production: type its name, \"Prod author\", to \
                 apply. Without a terminal (or with --yes), give it as --confirm-production \
                 \"Prod author\"."
            );
        }
        let err = production_gate(&c, Some("Prod"), true, false).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("--confirm-production \"Prod\" is not this connection's name."),
            "{err}"
        );
    }

    #[test]
    fn only_yes_says_yes() {
        for (typed, want) in [("y\n", true), ("yes\n", true), ("n\n", false), ("", false)] {
            let got = ask_yes_no("Change?", &mut typed.as_bytes(), &mut Vec::new()).unwrap();
            assert_eq!(got, want, "{typed:?}");
        }
    }
}
