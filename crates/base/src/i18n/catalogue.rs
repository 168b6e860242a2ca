//! The Rust side's message files, compiled into the binaries (a missing file is a build error,
//! not a blank window). The window's UI reads `ui.ftl` from the same folder at its own build,
//! and `properties.ftl` too: the titles of well-known properties are the same for every face.

use std::sync::{Arc, OnceLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use super::Lang;
use super::format;

/// Message files by language: `(language, file name, Fluent source)`, each language parsed
/// once, when first used.
pub struct Catalogue {
    pub files: &'static [(Lang, &'static str, &'static str)],
    /// By `Lang::ALL`'s order. Parsing a language takes milliseconds, and English words every
    /// error's `Display` (the log's text), so a parsed language is kept: it is the same
    /// immutable data for the process's whole life.
    parsed: [OnceLock<Arc<FluentBundle<FluentResource>>>; Lang::ALL.len()],
}

/// The catalogue the app and the CLI ship.
pub static CATALOGUE: Catalogue = Catalogue::new(&[
    (
        Lang::En,
        "core.ftl",
        include_str!("../../../../locales/en/core.ftl"),
    ),
    (
        Lang::En,
        "cli.ftl",
        include_str!("../../../../locales/en/cli.ftl"),
    ),
    (
        Lang::En,
        "app.ftl",
        include_str!("../../../../locales/en/app.ftl"),
    ),
    (
        Lang::En,
        "upload.ftl",
        include_str!("../../../../locales/en/upload.ftl"),
    ),
    (
        Lang::En,
        "move.ftl",
        include_str!("../../../../locales/en/move.ftl"),
    ),
    (
        Lang::En,
        "properties.ftl",
        include_str!("../../../../locales/en/properties.ftl"),
    ),
    (
        Lang::Fr,
        "core.ftl",
        include_str!("../../../../locales/fr/core.ftl"),
    ),
    (
        Lang::Fr,
        "cli.ftl",
        include_str!("../../../../locales/fr/cli.ftl"),
    ),
    (
        Lang::Fr,
        "app.ftl",
        include_str!("../../../../locales/fr/app.ftl"),
    ),
    (
        Lang::Fr,
        "upload.ftl",
        include_str!("../../../../locales/fr/upload.ftl"),
    ),
    (
        Lang::Fr,
        "move.ftl",
        include_str!("../../../../locales/fr/move.ftl"),
    ),
    (
        Lang::Fr,
        "properties.ftl",
        include_str!("../../../../locales/fr/properties.ftl"),
    ),
]);

impl Catalogue {
    pub const fn new(files: &'static [(Lang, &'static str, &'static str)]) -> Self {
        Catalogue {
            files,
            parsed: [const { OnceLock::new() }; Lang::ALL.len()],
        }
    }

    /// One language's messages, parsed on first use.
    pub(super) fn bundle(&self, lang: Lang) -> Arc<FluentBundle<FluentResource>> {
        let slot = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
        self.parsed[slot]
            .get_or_init(|| Arc::new(self.parse(lang)))
            .clone()
    }

    /// One language's messages in a bundle. A file that does not parse keeps the messages that
    /// do (Fluent's own recovery); the catalogue tests make sure none is broken.
    fn parse(&self, lang: Lang) -> FluentBundle<FluentResource> {
        let id: LanguageIdentifier = lang.tag().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // Unicode isolation marks around arguments are for mixed-direction text; Metadesk's
        // languages are left-to-right, and the marks would show up as junk in terminals.
        bundle.set_use_isolating(false);
        bundle.set_formatter(Some(match lang {
            Lang::En => format_en,
            Lang::Fr => format_fr,
        }));
        for (_, name, source) in self.files.iter().filter(|(l, _, _)| *l == lang) {
            let resource = match FluentResource::try_new((*source).to_string()) {
                Ok(resource) => resource,
                Err((resource, errors)) => {
                    tracing::error!(name, ?errors, "a message file has syntax errors");
                    resource
                }
            };
            // Two files defining one id keep the first; the catalogue tests forbid it.
            if let Err(errors) = bundle.add_resource(resource) {
                tracing::error!(name, ?errors, "a message file repeats an id");
            }
        }
        bundle
    }
}

fn format_en<M>(value: &FluentValue, _: &M) -> Option<String> {
    format_value(Lang::En, value)
}

fn format_fr<M>(value: &FluentValue, _: &M) -> Option<String> {
    format_value(Lang::Fr, value)
}

/// Numbers in messages ("{ $count } assets") with the language's grouping; at most the
/// fraction digits the message asks for (`NUMBER($rate, maximumFractionDigits: 1)`), none by
/// default for whole numbers.
fn format_value(lang: Lang, value: &FluentValue) -> Option<String> {
    let FluentValue::Number(n) = value else {
        return None;
    };
    let decimals = n
        .options
        .maximum_fraction_digits
        .or(n.options.minimum_fraction_digits)
        .unwrap_or(if n.value.fract() == 0.0 { 0 } else { 1 });
    Some(format::number(lang, n.value, decimals))
}
