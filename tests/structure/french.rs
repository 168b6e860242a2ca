//! French says one word per idea (issue 53): "Annuler" is cancel only, undo is "revenir en
//! arrière" / "retour en arrière" (issue 77: "Défaire" read as a translation) and redo
//! "Rétablir", the same way in every catalogue; no English is left for a word French has;
//! phrasings a French reader stumbled on stay gone. It compares each French message with the
//! English one of the same id in `locales/{en,fr}/*.ftl`, so a new message is checked too. And
//! French spacing: a no-break space (U+00A0) before `:`, a narrow one (U+202F) before `;`, `!`
//! and `?`, never a plain space, so the mark never starts a line of its own.

use std::collections::BTreeMap;
use std::path::Path;

use crate::sources::read;

const CATALOGUES: [&str; 5] = ["app", "cli", "core", "properties", "ui"];

/// English words a French message never uses (outside code in backticks and Fluent syntax):
/// the product names French keeps are not among them.
const ENGLISH: [&str; 7] = [
    "sandbox", "undo", "undone", "redo", "cancel", "settings", "activity",
];

/// Phrasings found stilted in review, with what reads naturally instead.
const STILTED: [(&str, &str); 3] = [
    ("auquel donner", "« à qui accorder les droits »"),
    ("AEM joint", "« AEM a répondu »"),
    ("Secret Service", "a desktop keychain, by name"),
];

#[test]
fn annuler_is_cancel_retour_en_arriere_is_undo_and_retablir_is_redo_in_every_catalogue() {
    let mut wrong = Vec::new();
    for name in CATALOGUES {
        let en = messages(&read(Path::new(&format!("locales/en/{name}.ftl"))));
        let fr = messages(&read(Path::new(&format!("locales/fr/{name}.ftl"))));
        for (id, french) in &fr {
            let english = en.get(id).map(String::as_str).unwrap_or("");
            wrong.extend(
                vocabulary_problems(english, french)
                    .into_iter()
                    .map(|p| format!("fr/{name}.ftl {id}: {p}")),
            );
        }
    }
    assert!(wrong.is_empty(), "French vocabulary:\n{}", wrong.join("\n"));
}

#[test]
fn french_messages_hold_no_english_words_and_no_stilted_phrasing() {
    let mut wrong = Vec::new();
    for name in CATALOGUES {
        for (id, french) in messages(&read(Path::new(&format!("locales/fr/{name}.ftl")))) {
            wrong.extend(
                style_problems(&french)
                    .into_iter()
                    .map(|p| format!("fr/{name}.ftl {id}: {p}")),
            );
        }
    }
    assert!(wrong.is_empty(), "French wording:\n{}", wrong.join("\n"));
}

/// What breaks the one-word-per-idea rule in one message, given its English.
fn vocabulary_problems(english: &str, french: &str) -> Vec<String> {
    let en = words(english);
    let fr = words(french);
    let en_has = |stems: &[&str]| en.iter().any(|w| stems.iter().any(|s| w == s));
    let fr_has = |prefix: &str| fr.iter().any(|w| w.starts_with(prefix));
    let mut out = Vec::new();
    if fr_has("annul") && !en.iter().any(|w| w.starts_with("cancel")) {
        out.push(
            "\"annuler\" where the English does not cancel (undo is \"revenir en arrière\")"
                .to_owned(),
        );
    }
    if en_has(&["undo", "undone", "undoes", "undoing"]) && !fr_has("arrière") {
        out.push("the English undoes, the French does not say \"revenir en arrière\"".to_owned());
    }
    if fr
        .iter()
        .any(|w| w.starts_with("défai") && !w.starts_with("défaill"))
    {
        out.push("\"défaire\" reads as a translation: undo is \"revenir en arrière\"".to_owned());
    }
    if fr_has("rétabl") && !en_has(&["redo", "redone", "redoes"]) {
        out.push("\"rétablir\" is redo only (values put back are \"restaurées\")".to_owned());
    }
    if en_has(&["redo", "redone", "redoes"]) && !fr_has("rétabl") {
        out.push("the English redoes, the French does not say \"rétablir\"".to_owned());
    }
    out
}

/// English words and stilted phrasings in one French message.
fn style_problems(french: &str) -> Vec<String> {
    let mut out: Vec<String> = words(french)
        .into_iter()
        .filter(|w| ENGLISH.contains(&w.as_str()))
        .map(|w| format!("the English word \"{w}\""))
        .collect();
    out.extend(spacing_problems(&outside_code(french)));
    let text = prose(french);
    for (phrase, instead) in STILTED {
        if text.contains(phrase) {
            out.push(format!("\"{phrase}\": write {instead}"));
        }
    }
    out
}

/// `value` without its code in backticks (Fluent syntax kept: `[hour]:[minute]` has no space).
fn outside_code(value: &str) -> String {
    value
        .split('`')
        .enumerate()
        .filter(|(i, _)| i % 2 == 0)
        .map(|(_, s)| s)
        .collect()
}

/// What French spacing before `:`, `;`, `!` and `?` gets wrong in `text` (code in backticks,
/// such as `a:b` or `?`, is not looked at). A mark after a letter, a digit or a
/// closing bracket needs its space: `dc:title`, `https://` or `(?<sku>` are left alone as they
/// have none.
fn spacing_problems(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, &mark) in chars.iter().enumerate() {
        // A mark quoted on its own (« ; ») is not punctuation.
        let quoted = i >= 2 && chars[i - 2] == '«';
        if !matches!(mark, ':' | ';' | '!' | '?') || i == 0 || quoted {
            continue;
        }
        let before = chars[i - 1];
        let wanted = if mark == ':' { '\u{a0}' } else { '\u{202f}' };
        let spaced = matches!(before, ' ' | '\u{a0}' | '\u{202f}');
        if spaced && before != wanted {
            let name = if mark == ':' {
                "a no-break space (U+00A0)"
            } else {
                "a narrow no-break space (U+202F)"
            };
            let at: String = chars[i.saturating_sub(20)..(i + 1)].iter().collect();
            out.push(format!("\"…{at}\": {name} goes before \"{mark}\""));
        }
    }
    out
}

/// Each message's value by id (attributes and variants included), from a Fluent file: a
/// message starts at an unindented `id =`, and its indented lines (or a closing `}`) continue it.
fn messages(ftl: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in ftl.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            current = None;
            continue;
        }
        if line.starts_with([' ', '\t', '}']) {
            if let Some(id) = &current {
                let value: &mut String = out.entry(id.clone()).or_default();
                value.push('\n');
                value.push_str(line);
            }
            continue;
        }
        if let Some((id, value)) = line.split_once('=') {
            let id = id.trim().to_owned();
            out.insert(id.clone(), value.to_owned());
            current = Some(id);
        }
    }
    out
}

/// The words a reader sees: variant keys (`[undo]`), variables, references to other messages
/// and code in backticks are not words of the message.
fn prose(value: &str) -> String {
    let mut out = String::new();
    let mut in_code = false;
    let mut in_key = false;
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '`' => in_code = !in_code,
            _ if in_code => {}
            '[' => in_key = true,
            ']' if in_key => in_key = false,
            _ if in_key => {}
            // `{ $count ->`, `{ other-message }`: the name is not prose, the braces are not either.
            '{' | '}' => out.push(' '),
            '$' => {
                while chars.peek().is_some_and(|c| is_name(*c)) {
                    chars.next();
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// Lower-case words; a name with `-`, `:` or `/` (a message id, `wknd:activity/surfing`, a
/// path) stays one token, so it never reads as the English word inside it.
fn words(value: &str) -> Vec<String> {
    prose(value)
        .split(|c: char| !(is_name(c) || c == ':' || c == '/'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn is_name(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '_'
}

#[test]
fn the_rules_catch_what_issue_53_found() {
    assert!(!vocabulary_problems("Undo this run", "Annuler cette exécution").is_empty());
    assert!(!vocabulary_problems("Put back", "Rétablies").is_empty());
    assert!(vocabulary_problems("Cancel", "Annuler").is_empty());
    assert!(!vocabulary_problems("Undo this run", "Défaire cette exécution").is_empty());
    assert!(
        vocabulary_problems("Undo this run", "Revenir en arrière sur cette exécution").is_empty()
    );
    assert!(vocabulary_problems("Redo", "Rétablir").is_empty());
    // A variant key or a referenced message is not a word of the message.
    assert!(vocabulary_problems("{ $what ->\n [undo] Retry\n}", "Reprise").is_empty());
    assert!(!style_problems("Essayer la Sandbox").is_empty());
    assert!(!style_problems("AEM joint ({ $host })").is_empty());
    assert!(style_problems("une balise comme wknd:activity/surfing, `bulk undo`").is_empty());
    // French spacing: a no-break space before ":", a narrow one before ";", "!" and "?".
    assert!(style_problems("Supprimer\u{a0}?").len() == 1);
    assert!(style_problems("en JSON\u{a0}; téléchargez-le").len() == 1);
    assert!(style_problems("Accès\u{202f}: refusé").len() == 1);
    assert!(style_problems("Accès : refusé").len() == 1);
    assert!(style_problems("Accès\u{a0}: refusé\u{202f}; réessayez\u{202f}?").is_empty());
    assert!(style_problems("contient «\u{a0};\u{a0}», que").is_empty());
}
