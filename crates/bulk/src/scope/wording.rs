//! A scope's and a condition's words: catalogue messages a face writes in its reader's
//! language ([`scope_reason`], [`conditions_reason`], [`Condition::reason`]) and the English
//! words [`Condition::parse`] reads back ([`Condition::describe`]).
//!
//! Not here: reading words (`parsing.rs`), the catalogue itself (`locales/*/core.ftl`).

use super::{Combine, Condition, ScopeSource};
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

impl Condition {
    /// The condition as a catalogue message, for showing it in the reader's language (the
    /// words [`Condition::describe`] gives stay English: they are what [`Condition::parse`]
    /// reads and what a journal keeps).
    pub fn reason(&self) -> SavedText {
        let (code, args) = self.words();
        SavedText::new(code, args.into_iter().map(|(name, v)| (name, v.into())))
    }

    /// The same catalogue message as [`Condition::reason`], inside other words (a refusal).
    pub fn text(&self) -> Text {
        let (id, args) = self.words();
        Text::new(
            id,
            args.into_iter().map(|(name, v)| (name, v.into())).collect(),
        )
    }

    /// The catalogue id (`condition-…`) and arguments of the condition's words.
    fn words(&self) -> (&'static str, Vec<(&'static str, String)>) {
        let on = |code, property: &str| (code, vec![("property", property.to_owned())]);
        let with = |code, property: &str, value: &str| {
            (
                code,
                vec![("property", property.to_owned()), ("value", quoted(value))],
            )
        };
        let of = |code, name, value: &str| (code, vec![(name, value.to_owned())]);
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
            Condition::FileType { format } => of("condition-file-type", "format", format),
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
