//! A scope's and a condition's words: catalogue messages a face writes in its reader's
//! language ([`scope_reason`], [`conditions_reason`], [`Condition::reason`]) and the English
//! words [`Condition::parse`] reads back ([`Condition::describe`]). What a person reads names a
//! property by its title and a file type as a kind of file (issue 77: "dc:rights is empty and
//! type is image/*" was AEM's jargon); what the parser reads keeps `prefix:name` and the type.
//!
//! Not here: reading words (`parsing.rs`), the catalogue itself (`locales/*/core.ftl`).

use super::{Combine, Condition, ScopeSource};
use crate::property_titles::title_id;
use crate::spec::ScopeFilters;
use metadesk_base::i18n::SavedText;
use metadesk_base::i18n::Text;

/// What a run's folder and filters select, as catalogue words (`scope-…`) a face writes in its
/// reader's language; the conditions are worded as [`conditions_reason`] words them.
pub fn scope_reason(folder: &str, filters: &ScopeFilters) -> SavedText {
    let nested = |r: SavedText| serde_json::to_value(r).unwrap_or_default();
    let place = if filters.recursive {
        nested(SavedText::new(
            "scope-with-subfolders",
            [("folder", folder.into())],
        ))
    } else {
        folder.into()
    };
    if let Some(ScopeSource::List { entries }) = &filters.selection {
        let id = match filters.fragments {
            Some(_) => "scope-fragment-list",
            None => "scope-list",
        };
        return SavedText::new(id, [("count", (entries.len() as u64).into())]);
    }
    if let Some(fragments) = &filters.fragments {
        return match fragments.model.as_deref() {
            Some(model) => SavedText::new(
                "scope-fragments-of-model",
                [("folder", folder.into()), ("model", model.into())],
            ),
            None => SavedText::new("scope-fragments", [("folder", folder.into())]),
        };
    }
    match conditions_reason(filters) {
        Some(conditions) => SavedText::new(
            "scope-search",
            [("place", place), ("conditions", nested(conditions))],
        ),
        None => SavedText::new("scope-folder", [("place", place)]),
    }
}

/// A search's conditions as one catalogue message joining them with "and" or "or" (nested:
/// `a and (b and c)` reads as "a and b and c"), for showing them in the reader's language;
/// `None` for a folder or a list, and for a search without conditions.
pub fn conditions_reason(filters: &ScopeFilters) -> Option<SavedText> {
    let Some(ScopeSource::Search {
        conditions,
        combine,
    }) = &filters.selection
    else {
        return None;
    };
    let code = match combine {
        Combine::All => "condition-all",
        Combine::Any => "condition-any",
    };
    conditions
        .iter()
        .rev()
        .map(Condition::reason)
        .reduce(|rest, first| {
            let arg = |r: SavedText| serde_json::to_value(r).unwrap_or_default();
            SavedText::new(code, [("first", arg(first)), ("rest", arg(rest))])
        })
}

/// A value as typed in words: quoted when it has spaces or quotes at its ends.
fn quoted(value: &str) -> String {
    if value.is_empty()
        || value.contains(char::is_whitespace)
        || value.starts_with(['"', '\''])
        || value.ends_with(['"', '\''])
    {
        format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
    } else {
        value.to_owned()
    }
}

/// One argument of a condition's words: as typed, or another catalogue message (a property's
/// title, a kind of file) worded in the reader's language too.
enum Word {
    Typed(String),
    Message(&'static str),
}

/// A property as people know it: its title where it is well known ("Copyright" for
/// `dc:rights`), else its `prefix:name`.
fn property_word(property: &str) -> Word {
    match title_id(property) {
        Some(id) => Word::Message(id),
        None => Word::Typed(property.to_owned()),
    }
}

/// The kinds of file a file type is said as ("an image" for `image/*`), by catalogue id; any
/// other type is shown as it is typed.
const FILE_KINDS: [(&str, &str); 11] = [
    ("image/*", "file-kind-image"),
    ("image/jpeg", "file-kind-jpeg"),
    ("image/png", "file-kind-png"),
    ("image/gif", "file-kind-gif"),
    ("image/tiff", "file-kind-tiff"),
    ("image/webp", "file-kind-webp"),
    ("image/svg+xml", "file-kind-svg"),
    ("application/pdf", "file-kind-pdf"),
    ("video/*", "file-kind-video"),
    ("video/mp4", "file-kind-mp4"),
    ("audio/*", "file-kind-audio"),
];

impl Condition {
    /// The condition as a catalogue message, for showing it in the reader's language (the
    /// words [`Condition::describe`] gives stay English: they are what [`Condition::parse`]
    /// reads and what a journal keeps).
    pub fn reason(&self) -> SavedText {
        let (code, args) = self.words();
        SavedText::new(
            code,
            args.into_iter().map(|(name, word)| {
                let value = match word {
                    Word::Typed(v) => v.into(),
                    Word::Message(id) => SavedText::new(id, []).into_arg(),
                };
                (name, value)
            }),
        )
    }

    /// The same catalogue message as [`Condition::reason`], inside other words (a refusal).
    pub fn text(&self) -> Text {
        let (id, args) = self.words();
        Text::new(
            id,
            args.into_iter()
                .map(|(name, word)| {
                    let part = match word {
                        Word::Typed(v) => v.into(),
                        Word::Message(id) => Text::plain(id).into(),
                    };
                    (name, part)
                })
                .collect(),
        )
    }

    /// The catalogue id (`condition-…`) and arguments of the condition's words: a property by
    /// its title, a file type as a kind of file, where people know them so.
    fn words(&self) -> (&'static str, Vec<(&'static str, Word)>) {
        let on = |code, property: &str| (code, vec![("property", property_word(property))]);
        let with = |code, property: &str, value: &str| {
            (
                code,
                vec![
                    ("property", property_word(property)),
                    ("value", Word::Typed(quoted(value))),
                ],
            )
        };
        let of = |code, name, value: &str| (code, vec![(name, Word::Typed(value.to_owned()))]);
        match self {
            Condition::IsEmpty { property } => on("condition-is-empty", property),
            Condition::IsNotEmpty { property } => on("condition-is-not-empty", property),
            Condition::Equals { property, value } => with("condition-equals", property, value),
            Condition::NotEquals { property, value } => {
                with("condition-not-equals", property, value)
            }
            Condition::Contains { property, value } => with("condition-contains", property, value),
            Condition::NotContains { property, value } => {
                with("condition-not-contains", property, value)
            }
            Condition::Tagged { tag } => of("condition-tagged", "tag", tag),
            Condition::FileType { format } => match FILE_KINDS.iter().find(|(f, _)| f == format) {
                Some((_, kind)) => ("condition-file-kind", vec![("kind", Word::Message(kind))]),
                None => of("condition-file-type", "format", format),
            },
            Condition::ModifiedBefore { date } => of("condition-modified-before", "date", date),
            Condition::ModifiedAfter { date } => of("condition-modified-after", "date", date),
            Condition::CreatedBefore { date } => of("condition-created-before", "date", date),
            Condition::CreatedAfter { date } => of("condition-created-after", "date", date),
            Condition::ExpiresBefore { date } if date == "today" => {
                ("condition-expires-before-today", Vec::new())
            }
            Condition::ExpiresAfter { date } if date == "today" => {
                ("condition-expires-after-today", Vec::new())
            }
            Condition::ExpiresBefore { date } => of("condition-expires-before", "date", date),
            Condition::ExpiresAfter { date } => of("condition-expires-after", "date", date),
            Condition::ExpiresWithin { days: 1 } => ("condition-expires-within-a-day", Vec::new()),
            Condition::ExpiresWithin { days } => {
                of("condition-expires-within", "days", &days.to_string())
            }
            Condition::NameMatches { pattern } => {
                of("condition-name-matches", "pattern", &quoted(pattern))
            }
        }
    }

    /// The condition in the words [`Condition::parse`] reads.
    pub fn describe(&self) -> String {
        match self {
            Condition::IsEmpty { property } => format!("{property} is empty"),
            Condition::IsNotEmpty { property } => format!("{property} is not empty"),
            Condition::Equals { property, value } => format!("{property} is {}", quoted(value)),
            Condition::NotEquals { property, value } => {
                format!("{property} is not {}", quoted(value))
            }
            Condition::Contains { property, value } => {
                format!("{property} contains {}", quoted(value))
            }
            Condition::NotContains { property, value } => {
                format!("{property} does not contain {}", quoted(value))
            }
            Condition::Tagged { tag } => format!("tag is {tag}"),
            Condition::FileType { format } => format!("type is {format}"),
            Condition::ModifiedBefore { date } => format!("modified before {date}"),
            Condition::ModifiedAfter { date } => format!("modified after {date}"),
            Condition::CreatedBefore { date } => format!("created before {date}"),
            Condition::CreatedAfter { date } => format!("created after {date}"),
            Condition::ExpiresBefore { date } => format!("expires before {date}"),
            Condition::ExpiresAfter { date } => format!("expires after {date}"),
            Condition::ExpiresWithin { days } => format!("expires within {days} days"),
            Condition::NameMatches { pattern } => format!("name matches {}", quoted(pattern)),
        }
    }
}
