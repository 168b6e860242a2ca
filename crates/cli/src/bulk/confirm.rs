//! Asking before writing: the yes/no question (in the user's language, where French accepts
//! o/oui as well as y/yes), and the production guard — on a connection
//! marked production the person applying types its name at a terminal, or a script gives it
//! as `--confirm-production NAME`. The rule and its words are the core's
//! [`confirm_production`], the same as the app's.
//!
//! Not here: what is applied (`bulk`).

use std::io::{BufRead, IsTerminal, Write};

use metadesk_core::Error;
use metadesk_core::app::Opened;
use metadesk_core::connections::{Connection, confirm_production};
use metadesk_core::i18n::{Localizer, arg, count};

use super::run_args::WriteFlags;

/// What the production guard needs before a run writes, decided before its preview so a
/// refusal leaves nothing behind.
#[derive(Debug, Clone, PartialEq, Eq)]
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
    l: &Localizer,
) -> Result<ProductionGate, Error> {
    if !connection.production {
        return Ok(ProductionGate::Passed);
    }
    match given {
        Some(typed) => confirm_production(connection, Some(typed))
            .map(|()| ProductionGate::Passed)
            .map_err(|refusal| {
                Error::InvalidInput(l.msg(
                    "cli-production-wrong-name",
                    &[
                        ("typed", arg(typed)),
                        ("refusal", arg(refusal.localized(l))),
                    ],
                ))
            }),
        None if interactive && !yes => Ok(ProductionGate::AskForName),
        None => Err(Error::InvalidInput(
            l.msg(
                "cli-production-needs-flag",
                &[
                    (
                        "refusal",
                        arg(confirm_production(connection, None)
                            .err()
                            .map(|e| e.localized(l))
                            .unwrap_or_default()),
                    ),
                    ("name", arg(connection.name.as_str())),
                ],
            ),
        )),
    }
}

/// Asks to type the production connection's name before changing `assets` assets; returns the
/// name once it is right.
pub fn ask_for_name(
    connection: &Connection,
    assets: u64,
    input: &mut dyn BufRead,
    prompt: &mut dyn Write,
    l: &Localizer,
) -> Result<String, Error> {
    let words = l.msg(
        "cli-production-prompt",
        &[
            ("name", arg(connection.name.as_str())),
            ("count", count(assets as f64)),
        ],
    );
    ask_for_name_with(connection, &words, input, prompt)
}

/// [`ask_for_name`] with the words to say before the name.
fn ask_for_name_with(
    connection: &Connection,
    words: &str,
    input: &mut dyn BufRead,
    prompt: &mut dyn Write,
) -> Result<String, Error> {
    let _ = write!(prompt, "{words} ");
    let _ = prompt.flush();
    let typed = read_answer(input)?;
    confirm_production(connection, Some(&typed))?;
    Ok(typed)
}

/// Asks a yes/no question; anything but yes is no. Yes is `y`/`yes` in every language, and
/// the language's own words too (`o`/`oui` in French), in any case.
pub fn ask_yes_no(
    question: &str,
    input: &mut dyn BufRead,
    prompt: &mut dyn Write,
    l: &Localizer,
) -> Result<bool, Error> {
    let _ = write!(prompt, "{question} {} ", l.text("cli-yes-no-choices"));
    let _ = prompt.flush();
    let answer = read_answer(input)?.trim().to_lowercase();
    let own = l.text("cli-yes-answers");
    let yes = ["y", "yes"]
        .into_iter()
        .chain(own.split(',').map(str::trim))
        .any(|word| !word.is_empty() && word == answer);
    Ok(yes)
}

fn read_answer(input: &mut dyn BufRead) -> Result<String, Error> {
    let mut answer = String::new();
    input
        .read_line(&mut answer)
        .map_err(|e| Error::io_doing("io-read-answer", Vec::new(), e))?;
    Ok(answer)
}

/// The production guard, decided before anything is previewed or written. A dry run writes
/// nothing, so it needs no guard.
pub(crate) fn gate(
    opened: &Opened,
    write: &WriteFlags,
    l: &Localizer,
) -> Result<ProductionGate, Error> {
    if write.dry_run {
        return Ok(ProductionGate::Passed);
    }
    production_gate(
        opened.connection(),
        write.confirm_production.as_deref(),
        write.yes,
        std::io::stdin().is_terminal(),
        l,
    )
}

/// Asks before applying `assets` changes. `Ok(Some(name))` = go ahead (with the production name
/// typed or given, for the core's guard), `Ok(None)` = the person said no.
pub(super) fn consent(
    opened: &Opened,
    gate: &ProductionGate,
    write: &WriteFlags,
    assets: u64,
    l: &Localizer,
) -> Result<Option<Option<String>>, Error> {
    let question = l.msg("cli-confirm-change", &[("count", count(assets as f64))]);
    let name_prompt = l.msg(
        "cli-production-prompt",
        &[
            ("name", arg(opened.connection().name.as_str())),
            ("count", count(assets as f64)),
        ],
    );
    let ask = Ask {
        question: &question,
        name_prompt: &name_prompt,
    };
    consent_to(opened, gate, write, ask, l)
}

/// What a consent asks: the yes/no question, and the words before a production name.
pub(crate) struct Ask<'a> {
    pub question: &'a str,
    pub name_prompt: &'a str,
}

/// [`consent`] to any write, in its own words (a tag changed at once, not assets).
pub(crate) fn consent_to(
    opened: &Opened,
    gate: &ProductionGate,
    write: &WriteFlags,
    ask: Ask<'_>,
    l: &Localizer,
) -> Result<Option<Option<String>>, Error> {
    let (mut input, mut prompt) = (std::io::stdin().lock(), std::io::stderr());
    let given = write.confirm_production.clone();
    match gate {
        ProductionGate::AskForName => ask_for_name_with(
            opened.connection(),
            ask.name_prompt,
            &mut input,
            &mut prompt,
        )
        .map(|typed| Some(Some(typed))),
        ProductionGate::Passed if write.yes => Ok(Some(given)),
        ProductionGate::Passed if !std::io::stdin().is_terminal() => Err(Error::InvalidInput(
            l.text("cli-not-applying-without-confirmation"),
        )),
        ProductionGate::Passed => {
            ask_yes_no(ask.question, &mut input, &mut prompt, l).map(|yes| yes.then_some(given))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use metadesk_core::connections::ConnectionStore;
    use metadesk_core::i18n::Lang;
    use metadesk_core::secrets::RunOnlyKeychain;
    use std::sync::Arc;

    fn en() -> Localizer {
        Localizer::english()
    }

    #[test]
    fn an_answer_that_cannot_be_read_is_told_in_french() {
        let fr = Localizer::new(Lang::Fr);
        // Not UTF-8: typed in another encoding, or a file piped in by mistake.
        let mut input = std::io::Cursor::new(b"\xff\xfe\n".to_vec());
        let said = ask_yes_no("Appliquer\u{202f}?", &mut input, &mut Vec::new(), &fr)
            .unwrap_err()
            .localized(&fr);
        assert_eq!(
            said,
            "impossible de lire votre réponse\u{a0}: son contenu est illisible"
        );
    }

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
                production_gate(&c, None, yes, interactive, &en()).unwrap(),
                ProductionGate::Passed
            );
        }
    }

    #[test]
    fn production_passes_with_its_exact_name() {
        let (_tmp, c) = connection("Prod author", true);
        for (yes, interactive) in [(false, false), (true, false), (true, true)] {
            assert_eq!(
                production_gate(&c, Some("Prod author"), yes, interactive, &en()).unwrap(),
                ProductionGate::Passed
            );
        }
    }

    #[test]
    fn production_on_a_terminal_asks_for_the_name() {
        let (_tmp, c) = connection("Prod author", true);
        assert_eq!(
            production_gate(&c, None, false, true, &en()).unwrap(),
            ProductionGate::AskForName
        );
        let mut prompt = Vec::new();
        ask_for_name(&c, 12, &mut &b"Prod author\n"[..], &mut prompt, &en()).unwrap();
        assert_eq!(
            String::from_utf8(prompt).unwrap(),
            "\"Prod author\" is marked production. To change 12 assets, type its name: "
        );
        let err =
            ask_for_name(&c, 12, &mut &b"prod author\n"[..], &mut Vec::new(), &en()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "This connection is marked production: type its name, \"Prod author\", to apply."
        );
        assert!(ask_for_name(&c, 12, &mut &b""[..], &mut Vec::new(), &en()).is_err());
    }

    #[test]
    fn production_without_a_terminal_or_with_yes_needs_the_flag() {
        let (_tmp, c) = connection("Prod author", true);
        for (yes, interactive) in [(false, false), (true, false), (true, true)] {
            let err = production_gate(&c, None, yes, interactive, &en()).unwrap_err();
            assert_eq!(
                err.to_string(),
                "This connection is marked production: type its name, \"Prod author\", to \
                 apply. Without a terminal (or with --yes), give it as --confirm-production \
                 \"Prod author\"."
            );
        }
        let err = production_gate(&c, Some("Prod"), true, false, &en()).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("--confirm-production \"Prod\" is not this connection's name."),
            "{err}"
        );
    }

    #[test]
    fn only_yes_says_yes() {
        for (typed, want) in [
            ("y\n", true),
            ("yes\n", true),
            ("n\n", false),
            ("o\n", false),
            ("", false),
        ] {
            let got = ask_yes_no("Change?", &mut typed.as_bytes(), &mut Vec::new(), &en()).unwrap();
            assert_eq!(got, want, "{typed:?}");
        }
    }

    #[test]
    fn french_asks_in_french_and_takes_oui_as_well_as_yes() {
        let fr = Localizer::new(Lang::Fr);
        let yes_words = ["o\n", "oui\n", "Oui\n", "y\n", "yes\n"];
        for (typed, want) in yes_words.map(|w| (w, true)).into_iter().chain([
            ("n\n", false),
            ("non\n", false),
            ("", false),
        ]) {
            let mut prompt = Vec::new();
            let got = ask_yes_no("Modifier ?", &mut typed.as_bytes(), &mut prompt, &fr).unwrap();
            assert_eq!(got, want, "{typed:?}");
            assert_eq!(String::from_utf8(prompt).unwrap(), "Modifier ? [o/N] ");
        }
        let (_tmp, c) = connection("Prod author", true);
        let mut prompt = Vec::new();
        ask_for_name(&c, 12, &mut &b"Prod author\n"[..], &mut prompt, &fr).unwrap();
        assert_eq!(
            String::from_utf8(prompt).unwrap(),
            "«\u{a0}Prod author\u{a0}» est marquée comme production. Pour modifier 12 ressources, \
             saisissez son nom\u{a0}: "
        );
        let err = production_gate(&c, None, true, false, &fr).unwrap_err();
        let words = err.localized(&fr);
        assert!(
            words.contains("--confirm-production «\u{a0}Prod author\u{a0}»"),
            "{words}"
        );
        assert!(words.contains("Sans terminal"), "{words}");
    }
}
