//! The catalogue's completeness (every English message has a French twin with the same
//! variables, none is unused, none is left over) and the formats of both languages.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use fluent_syntax::ast;
use time::macros::datetime;

use super::*;

/// Message id → the variables it uses, for one language's Rust-side files.
fn messages(catalogue: &Catalogue, lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for (_, name, source) in catalogue.files.iter().filter(|(l, _, _)| *l == lang) {
        let resource = fluent_syntax::parser::parse(*source)
            .unwrap_or_else(|(_, errors)| panic!("{lang:?}/{name} does not parse: {errors:?}"));
        for entry in resource.body {
            if let ast::Entry::Message(message) = entry {
                let mut vars = BTreeSet::new();
                if let Some(pattern) = &message.value {
                    pattern_vars(pattern, &mut vars);
                }
                let id = message.id.name.to_string();
                assert!(
                    out.insert(id.clone(), vars).is_none(),
                    "{lang:?}: {id} is defined twice"
                );
            }
        }
    }
    out
}

fn pattern_vars(pattern: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(expression: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for variant in variants {
                pattern_vars(&variant.value, vars);
            }
        }
        ast::Expression::Inline(inline) => inline_vars(inline, vars),
    }
}

fn inline_vars(inline: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for arg in &arguments.positional {
                inline_vars(arg, vars);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        _ => {}
    }
}

/// Where the Rust faces' sources are (the ids must be used there).
fn rust_sources() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut out = Vec::new();
    // Every crate of the core and the two faces; not the sandbox or the bench.
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root.join("crates"))
        .unwrap()
        .flatten()
        .filter(|e| !matches!(e.file_name().to_str(), Some("sandbox" | "bench")))
        .map(|e| e.path().join("src"))
        .filter(|p| p.is_dir())
        .collect();
    dirs.push(root.join("src-tauri/src"));
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out
}

#[test]
fn every_english_message_has_a_french_twin_with_the_same_variables() {
    let en = messages(&CATALOGUE, Lang::En);
    let fr = messages(&CATALOGUE, Lang::Fr);
    let missing: Vec<_> = en.keys().filter(|id| !fr.contains_key(*id)).collect();
    assert!(missing.is_empty(), "French lacks: {missing:?}");
    let extra: Vec<_> = fr.keys().filter(|id| !en.contains_key(*id)).collect();
    assert!(
        extra.is_empty(),
        "French has messages English lacks: {extra:?}"
    );
    for (id, vars) in &en {
        assert_eq!(
            &fr[id], vars,
            "{id}: the variables differ between en and fr"
        );
    }
}

#[test]
fn every_message_is_used_by_the_rust_code() {
    // Every text between two quotes in the code, and every `{ name }` in the catalogue, read
    // once: asking the whole code whether it holds `"id"` for each of some 2,000 messages took
    // minutes under Wine.
    let mut quoted = HashSet::new();
    for path in rust_sources()
        .iter()
        .filter(|p| !p.ends_with("i18n/tests.rs"))
    {
        let code = std::fs::read_to_string(path).unwrap();
        // Between two consecutive quotes: `"id"` is in the code exactly when one of these is `id`.
        quoted.extend(code.split('"').skip(1).map(str::to_owned));
    }
    let mut referred = HashSet::new();
    for (_, _, source) in CATALOGUE.files.iter() {
        for (_, after) in source
            .match_indices("{ ")
            .map(|(at, _)| source.split_at(at + 2))
        {
            if let Some(end) = after.find(" }") {
                referred.insert(&after[..end]);
            }
        }
    }
    let unused: Vec<_> = messages(&CATALOGUE, Lang::En)
        .into_keys()
        // The CLI's help texts are looked up by the command's path (`cli-about-connections-list`);
        // the CLI's own test checks that each names a real command or value.
        // Value names too, by clap's name (`cli-value-query-file`).
        .filter(|id| {
            !id.starts_with("cli-about-")
                && !id.starts_with("cli-arg-")
                && !id.starts_with("cli-value-")
                && !id.starts_with("cli-examples-")
        })
        // A message other messages refer to (`{ error-run-action }`) is used through them.
        .filter(|id| !referred.contains(id.as_str()))
        .filter(|id| !quoted.contains(id))
        .collect();
    assert!(unused.is_empty(), "unused messages: {unused:?}");
}

#[test]
fn a_message_missing_in_french_falls_back_to_english() {
    static PARTIAL: Catalogue = Catalogue::new(&[
        (
            Lang::En,
            "t.ftl",
            "hello = Hello\nbye = Goodbye { $name }\n",
        ),
        (Lang::Fr, "t.ftl", "hello = Bonjour\n"),
    ]);
    let fr = Localizer::over(&PARTIAL, Lang::Fr);
    assert_eq!(fr.text("hello"), "Bonjour");
    assert_eq!(fr.msg("bye", &[("name", arg("Ana"))]), "Goodbye Ana");
    assert_eq!(fr.text("nowhere"), "nowhere");
}

#[test]
fn plurals_follow_each_language() {
    static PLURALS: Catalogue = Catalogue::new(&[
        (
            Lang::En,
            "t.ftl",
            "assets = { $n ->\n    [one] { $n } asset\n   *[other] { $n } assets\n}\n",
        ),
        (
            Lang::Fr,
            "t.ftl",
            "assets = { $n ->\n    [one] { $n } ressource\n   *[other] { $n } ressources\n}\n",
        ),
    ]);
    let en = Localizer::over(&PLURALS, Lang::En);
    let fr = Localizer::over(&PLURALS, Lang::Fr);
    let say = |l: &Localizer, n: f64| l.msg("assets", &[("n", count(n))]);
    assert_eq!(say(&en, 0.0), "0 assets");
    assert_eq!(say(&en, 1.0), "1 asset");
    assert_eq!(say(&en, 1234.0), "1,234 assets");
    // CLDR: French "one" covers 0 and 1.
    assert_eq!(say(&fr, 0.0), "0 ressource");
    assert_eq!(say(&fr, 1.0), "1 ressource");
    assert_eq!(say(&fr, 2.0), "2 ressources");
    assert_eq!(say(&fr, 1234.0), "1\u{202f}234 ressources");
}

#[test]
fn numbers_use_each_languages_separators() {
    let en = Localizer::new(Lang::En);
    let fr = Localizer::new(Lang::Fr);
    assert_eq!(en.number(1234567.891, 2), "1,234,567.89");
    assert_eq!(fr.number(1234567.891, 2), "1\u{202f}234\u{202f}567,89");
    assert_eq!(fr.number(0.5, 1), "0,5");
    assert_eq!(fr.number(-3.25, 1), "-3,3");
    assert_eq!(en.number(42.0, 0), "42");
}

#[test]
fn dates_and_durations_in_both_languages() {
    let en = Localizer::new(Lang::En);
    let fr = Localizer::new(Lang::Fr);
    let at = datetime!(2026-02-04 09:05 UTC);
    assert_eq!(en.datetime(at), "4 Feb 2026, 09:05 UTC");
    assert_eq!(fr.datetime(at), "4 févr. 2026 à 09:05 UTC");
    assert_eq!(fr.date(at), "4 févr. 2026");
    let d = time::Duration::minutes;
    assert_eq!(en.duration(d(200)), "3 h 20 min");
    assert_eq!(fr.duration(d(200)), "3 h 20 min");
    assert_eq!(en.duration(d(60)), "1 h");
    assert_eq!(en.duration(d(5)), "5 min");
    assert_eq!(
        en.duration(time::Duration::seconds(20)),
        "less than a minute"
    );
    assert_eq!(
        fr.duration(time::Duration::seconds(20)),
        "moins d’une minute"
    );
    assert_eq!(fr.duration(time::Duration::days(3)), "3 jours");
}

#[test]
fn french_messages_use_french_typography() {
    let fr = Localizer::new(Lang::Fr);
    let text = fr.msg("error-no-such-connection", &[("name", arg("prod"))]);
    assert_eq!(text, "Aucune connexion ne s’appelle «\u{a0}prod\u{a0}».");
    for (_, name, source) in CATALOGUE.files.iter().filter(|(l, _, _)| *l == Lang::Fr) {
        for line in source.lines().filter(|l| !l.trim_start().starts_with('#')) {
            for mark in [" :", " ;", " !", " ?", "« ", " »"] {
                assert!(
                    !line.contains(mark),
                    "fr/{name}: a plain space where French needs a no-break one: {line}"
                );
            }
        }
    }
}

#[test]
fn the_locale_comes_from_posix_variables_in_their_order() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    };
    assert_eq!(
        posix_locale(env(&[("LANG", "en_US.UTF-8"), ("LC_ALL", "fr_FR.UTF-8")])).as_deref(),
        Some("fr_FR.UTF-8")
    );
    assert_eq!(
        posix_locale(env(&[("LC_ALL", ""), ("LANG", "fr_CA.UTF-8")])).as_deref(),
        Some("fr_CA.UTF-8")
    );
    assert_eq!(Lang::from_locale("fr_BE.UTF-8"), Some(Lang::Fr));
    assert_eq!(Lang::from_locale("fr-CH"), Some(Lang::Fr));
    assert_eq!(Lang::from_locale("C"), None);
    assert_eq!(Lang::from_locale("de_DE"), None);
}

/// Every error's `Display` builds an English localizer: the catalogue is parsed once, not each
/// time (a run logging thousands of failures would parse it thousands of times).
#[test]
fn a_language_is_parsed_once_and_shared() {
    let (a, b) = (Localizer::english(), Localizer::english());
    assert!(std::sync::Arc::ptr_eq(&a.bundle, &b.bundle));
    let fr = Localizer::new(Lang::Fr);
    assert!(std::sync::Arc::ptr_eq(
        fr.english.as_ref().unwrap(),
        &a.bundle
    ));
}
