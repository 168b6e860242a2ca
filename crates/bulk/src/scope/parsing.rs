//! Reading a condition from words, in English or French ([`Condition::parse`]), and checking
//! one ([`Condition::validated`]).
//!
//! Not here: writing a condition's words (`wording.rs`), its QueryBuilder predicates
//! (`querybuilder.rs`).

use super::Condition;
use super::expiry::{day_or_today, within_days};
use crate::spec::validate_property;
use metadesk_clients::error::{Error, ErrorCode, Result};

/// A value from words: `"…"` or `'…'` lose their quotes (`\"` and `\\` inside a double-quoted
/// one), anything else is taken as it is.
fn unquoted(raw: &str) -> String {
    let raw = raw.trim();
    if raw.len() >= 2 && raw.starts_with('"') && raw.ends_with('"') {
        let mut out = String::new();
        let mut chars = raw[1..raw.len() - 1].chars();
        while let Some(c) = chars.next() {
            if c == '\\'
                && let Some(next) = chars.next()
            {
                out.push(next);
                continue;
            }
            out.push(c);
        }
        out
    } else if raw.len() >= 2 && raw.starts_with('\'') && raw.ends_with('\'') {
        raw[1..raw.len() - 1].to_owned()
    } else {
        raw.to_owned()
    }
}

fn check_date(raw: &str) -> Result<String> {
    let d = raw.trim();
    time::Date::parse(d, time::macros::format_description!("[year]-[month]-[day]"))
        .map(|_| d.to_owned())
        .map_err(|_| {
            Error::message(
                ErrorCode::InvalidInput,
                "error-condition-bad-date",
                vec![("date", raw.into())],
            )
        })
}

fn starts_with_words<'a>(words: &'a str, key: &str) -> Option<&'a str> {
    let lower = words.to_ascii_lowercase();
    let prefix = format!("{key} ");
    lower
        .starts_with(&prefix)
        .then(|| words[prefix.len()..].trim())
}

/// The French keywords [`Condition::parse`] also reads (`dc:rights est vide`, `modifié après
/// 2026-03-01`), each the twin of an English one; none is an English keyword or a property
/// name, so reading them changes nothing English means. The CLI's help lists them.
const FRENCH_LEADING: &[(&str, &str)] = &[
    ("modifié avant", "modified before"),
    ("modifié après", "modified after"),
    ("créé avant", "created before"),
    ("créé après", "created after"),
    ("expire avant", "expires before"),
    ("expire après", "expires after"),
    ("expire d’ici", "expires within"),
    ("expire d'ici", "expires within"),
    ("expire dans", "expires within"),
    ("nom correspond à", "name matches"),
    ("nom est", "name is"),
    ("balise est", "tag is"),
    ("type est", "type is"),
    ("format est", "format is"),
];
/// After the property: the whole rest (`est vide`), or its first words (`contient plage`).
const FRENCH_WHOLE: &[(&str, &str)] = &[
    ("est vide", "is empty"),
    ("n’est pas vide", "is not empty"),
    ("n'est pas vide", "is not empty"),
];
const FRENCH_OPERATORS: &[(&str, &str)] = &[
    ("ne contient pas", "does not contain"),
    ("contient", "contains"),
    ("n’est pas", "is not"),
    ("n'est pas", "is not"),
    ("est", "is"),
];

/// `words` with its French keywords in English, when it has some.
fn english_keywords(words: &str) -> Option<String> {
    for (french, english) in FRENCH_LEADING {
        if let Some(rest) = starts_with_words(words, french) {
            return Some(format!("{english} {rest}"));
        }
    }
    let (property, rest) = words.split_once(char::is_whitespace)?;
    let rest = rest.trim_start();
    let lower = rest.to_ascii_lowercase();
    if let Some((_, english)) = FRENCH_WHOLE.iter().find(|(french, _)| lower == *french) {
        return Some(format!("{property} {english}"));
    }
    FRENCH_OPERATORS.iter().find_map(|(french, english)| {
        let value = starts_with_words(rest, french)?;
        Some(format!("{property} {english} {value}"))
    })
}

impl Condition {
    /// Reads a condition in words. Accepted forms (keywords in any case):
    /// `PROP is empty`, `PROP is not empty`, `PROP is VALUE` (or `equals`), `PROP is not
    /// VALUE`, `PROP contains VALUE`, `PROP does not contain VALUE`, `tag is TAG` (or `tagged
    /// TAG`), `type is MIME` (`image/*` for a family), `modified before|after DATE`,
    /// `created before|after DATE`, `expires before|after DATE|today`, `expires within N days`,
    /// `name matches PATTERN`. Values may be quoted.
    pub fn parse(words: &str) -> Result<Condition> {
        let in_english = english_keywords(words.trim());
        let w = in_english.as_deref().unwrap_or(words.trim());
        let bad = || {
            Error::message(
                ErrorCode::InvalidInput,
                "error-condition-unknown",
                vec![("words", words.into())],
            )
        };
        for (key, make) in [
            (
                "modified before",
                Condition::date_modified_before as fn(String) -> Condition,
            ),
            ("modified after", Condition::date_modified_after),
            ("created before", Condition::date_created_before),
            ("created after", Condition::date_created_after),
        ] {
            if let Some(rest) = starts_with_words(w, key) {
                return Ok(make(check_date(&unquoted(rest))?));
            }
        }
        for (key, before) in [("expires before", true), ("expires after", false)] {
            if let Some(rest) = starts_with_words(w, key) {
                let date = day_or_today(&unquoted(rest), check_date)?;
                return Ok(match before {
                    true => Condition::ExpiresBefore { date },
                    false => Condition::ExpiresAfter { date },
                });
            }
        }
        if let Some(rest) = starts_with_words(w, "expires within") {
            let days = within_days(&unquoted(rest))?;
            return Ok(Condition::ExpiresWithin { days });
        }
        for key in ["name matches", "name is"] {
            if let Some(rest) = starts_with_words(w, key) {
                return Condition::NameMatches {
                    pattern: unquoted(rest),
                }
                .validated();
            }
        }
        for key in ["tag is", "tagged with", "tagged", "has tag"] {
            if let Some(rest) = starts_with_words(w, key) {
                return Condition::Tagged {
                    tag: unquoted(rest),
                }
                .validated();
            }
        }
        for key in ["type is", "file type is", "format is"] {
            if let Some(rest) = starts_with_words(w, key) {
                return Condition::FileType {
                    format: unquoted(rest),
                }
                .validated();
            }
        }
        // A property name has no spaces: the operator is what follows it, so a value may
        // contain any words (`dc:title is "contains is"`).
        let (p, rest) = w.split_once(char::is_whitespace).ok_or_else(bad)?;
        let (p, rest) = (p.to_owned(), rest.trim_start());
        let lower = rest.to_ascii_lowercase();
        let after = |key: &str| {
            lower
                .strip_prefix(key)
                .filter(|r| r.is_empty() || r.starts_with(char::is_whitespace))
                .map(|_| unquoted(&rest[key.len()..]))
        };
        let condition = if lower == "is not empty" {
            Condition::IsNotEmpty { property: p }
        } else if lower == "is empty" {
            Condition::IsEmpty { property: p }
        } else if let Some(value) = after("does not contain") {
            Condition::NotContains { property: p, value }
        } else if let Some(value) = after("contains") {
            Condition::Contains { property: p, value }
        } else if let Some(value) = after("is not") {
            Condition::NotEquals { property: p, value }
        } else if let Some(value) = after("is").or_else(|| after("equals")) {
            if value.is_empty() {
                return Err(bad());
            }
            Condition::Equals { property: p, value }
        } else {
            return Err(bad());
        };
        // Each of its messages names the value it refuses.
        condition.validated()
    }

    fn date_modified_before(date: String) -> Condition {
        Condition::ModifiedBefore { date }
    }
    fn date_modified_after(date: String) -> Condition {
        Condition::ModifiedAfter { date }
    }
    fn date_created_before(date: String) -> Condition {
        Condition::CreatedBefore { date }
    }
    fn date_created_after(date: String) -> Condition {
        Condition::CreatedAfter { date }
    }

    /// Checks names, values and dates; normalises property names (`metadata/dc:x` → `dc:x`).
    pub fn validated(self) -> Result<Condition> {
        // `what` is one of the variants of `error-condition-missing`.
        let need = |v: &str, what: &str| {
            if v.trim().is_empty() {
                Err(Error::message(
                    ErrorCode::InvalidInput,
                    "error-condition-missing",
                    vec![("what", what.into())],
                ))
            } else {
                Ok(())
            }
        };
        Ok(match self {
            Condition::IsEmpty { property } => Condition::IsEmpty {
                property: validate_property(&property)?,
            },
            Condition::IsNotEmpty { property } => Condition::IsNotEmpty {
                property: validate_property(&property)?,
            },
            Condition::Equals { property, value } => {
                need(&value, "value")?;
                Condition::Equals {
                    property: validate_property(&property)?,
                    value,
                }
            }
            Condition::NotEquals { property, value } => {
                need(&value, "value")?;
                Condition::NotEquals {
                    property: validate_property(&property)?,
                    value,
                }
            }
            Condition::Contains { property, value } => {
                need(&value, "text")?;
                Condition::Contains {
                    property: validate_property(&property)?,
                    value,
                }
            }
            Condition::NotContains { property, value } => {
                need(&value, "text")?;
                Condition::NotContains {
                    property: validate_property(&property)?,
                    value,
                }
            }
            Condition::Tagged { tag } => {
                let tag = tag.trim().to_owned();
                if !tag.contains(':') || tag.contains(char::is_whitespace) {
                    return Err(Error::message(
                        ErrorCode::InvalidInput,
                        "error-condition-bad-tag",
                        vec![("tag", tag.as_str().into())],
                    ));
                }
                Condition::Tagged { tag }
            }
            Condition::FileType { format } => {
                let format = format.trim().to_ascii_lowercase();
                let ok = format.split_once('/').is_some_and(|(a, b)| {
                    !a.is_empty() && !b.is_empty() && !format.contains(char::is_whitespace)
                });
                if !ok {
                    return Err(Error::message(
                        ErrorCode::InvalidInput,
                        "error-condition-bad-type",
                        vec![("format", format.as_str().into())],
                    ));
                }
                Condition::FileType { format }
            }
            Condition::ModifiedBefore { date } => Condition::ModifiedBefore {
                date: check_date(&date)?,
            },
            Condition::ModifiedAfter { date } => Condition::ModifiedAfter {
                date: check_date(&date)?,
            },
            Condition::CreatedBefore { date } => Condition::CreatedBefore {
                date: check_date(&date)?,
            },
            Condition::CreatedAfter { date } => Condition::CreatedAfter {
                date: check_date(&date)?,
            },
            Condition::ExpiresBefore { date } => Condition::ExpiresBefore {
                date: day_or_today(&date, check_date)?,
            },
            Condition::ExpiresAfter { date } => Condition::ExpiresAfter {
                date: day_or_today(&date, check_date)?,
            },
            Condition::ExpiresWithin { days } => Condition::ExpiresWithin {
                days: within_days(&days.to_string())?,
            },
            Condition::NameMatches { pattern } => {
                need(&pattern, "pattern")?;
                check_name_pattern(&pattern)?;
                Condition::NameMatches { pattern }
            }
        })
    }
}

/// A name pattern (`*.jpg`, `summer-*`) matches file names only: one with a folder in it (`/`)
/// would match nothing, so it is refused in words. A search's "name matches" and a scope's name
/// filter (Bulk edit's, the CLI's `--name`) both ask here.
pub fn check_name_pattern(pattern: &str) -> Result<()> {
    if pattern.contains('/') {
        return Err(Error::message(
            ErrorCode::InvalidInput,
            "error-condition-pattern-is-path",
            vec![("pattern", pattern.trim().into())],
        ));
    }
    Ok(())
}
