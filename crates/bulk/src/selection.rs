//! Which assets a run edits, beyond "the assets of a folder": a search (conditions in words,
//! combined with *all* or *any*, under the run's folder) or a list (DAM paths, Assets UI links,
//! `urn:aaid:aem:` ids). [`Scope`] is the form a person chooses and saves; [`Selection`] is what
//! a [`super::RunSpec`] records of it (the folder and "with subfolders" stay in the spec).
//!
//! The words of a condition are the same in the window and on the command line
//! (`dc:rights is empty`, `tag is wknd:activity/surfing`, `modified after 2026-03-01`), and
//! [`Condition::parse`] reads back what [`Condition::describe`] writes.
//!
//! Not here: sending the query or walking its pages (`assets::search`), resolving a list
//! against AEM (`list.rs`).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::spec::{Filters, validate_property};
use metadesk_assets::folders::normalize_folder;
use metadesk_base::i18n::SavedText;
use metadesk_base::i18n::Text;
use metadesk_clients::error::{Error, ErrorCode, Result};

/// A scope of this size or more is better done by AEM's own bulk tools.
pub const LARGE_SCOPE: u64 = 50_000;

/// One condition on an asset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Condition {
    IsEmpty {
        property: String,
    },
    IsNotEmpty {
        property: String,
    },
    Equals {
        property: String,
        value: String,
    },
    NotEquals {
        property: String,
        value: String,
    },
    Contains {
        property: String,
        value: String,
    },
    NotContains {
        property: String,
        value: String,
    },
    /// Tagged with this tag or one below it (`wknd:activity/surfing`).
    Tagged {
        tag: String,
    },
    /// `dc:format` is this type (`image/jpeg`) or in this family (`image/*`).
    FileType {
        format: String,
    },
    /// Dates are days (`YYYY-MM-DD`, UTC): "before" is before that day, "after" from it on.
    ModifiedBefore {
        date: String,
    },
    ModifiedAfter {
        date: String,
    },
    CreatedBefore {
        date: String,
    },
    CreatedAfter {
        date: String,
    },
    /// The file name matches (`*` any run, `?` one character; case as typed).
    NameMatches {
        pattern: String,
    },
}

/// How conditions combine.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Combine {
    #[default]
    All,
    Any,
}

/// What a run records of a scope other than a folder's assets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Selection {
    /// The assets under the run's folder that match the conditions.
    Search {
        conditions: Vec<Condition>,
        #[serde(default)]
        combine: Combine,
    },
    /// The assets of a list, as given (one entry per line, resolved when previewed).
    List { entries: Vec<String> },
}

/// A scope as a person chooses (and saves) it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Scope {
    Folder {
        folder: String,
        recursive: bool,
    },
    Search {
        under: String,
        recursive: bool,
        conditions: Vec<Condition>,
        #[serde(default)]
        combine: Combine,
    },
    List {
        entries: Vec<String>,
    },
}

impl Scope {
    /// The run's folder and filters for this scope (a list's folder is the DAM root).
    pub fn into_run_parts(self) -> Result<(String, Filters)> {
        match self {
            Scope::Folder { folder, recursive } => Ok((
                normalize_folder(&folder)?,
                Filters {
                    recursive,
                    ..Filters::default()
                },
            )),
            Scope::Search {
                under,
                recursive,
                conditions,
                combine,
            } => {
                let conditions = conditions
                    .into_iter()
                    .map(Condition::validated)
                    .collect::<Result<Vec<_>>>()?;
                let filters = Filters {
                    recursive,
                    selection: Some(Selection::Search {
                        conditions,
                        combine,
                    }),
                    ..Filters::default()
                };
                Ok((normalize_folder(&under)?, filters))
            }
            Scope::List { entries } => {
                let entries: Vec<String> = entries
                    .into_iter()
                    .map(|e| e.trim().to_owned())
                    .filter(|e| !e.is_empty())
                    .collect();
                if entries.is_empty() {
                    return Err(Error::message(
                        ErrorCode::InvalidInput,
                        "error-list-empty",
                        vec![],
                    ));
                }
                let filters = Filters {
                    selection: Some(Selection::List { entries }),
                    ..Filters::default()
                };
                Ok((metadesk_assets::DAM_ROOT.to_owned(), filters))
            }
        }
    }

    /// The scope a run was given, from its spec.
    pub fn of_run(folder: &str, filters: &Filters) -> Scope {
        match &filters.selection {
            None => Scope::Folder {
                folder: folder.to_owned(),
                recursive: filters.recursive,
            },
            Some(Selection::Search {
                conditions,
                combine,
            }) => Scope::Search {
                under: folder.to_owned(),
                recursive: filters.recursive,
                conditions: conditions.clone(),
                combine: *combine,
            },
            Some(Selection::List { entries }) => Scope::List {
                entries: entries.clone(),
            },
        }
    }
}

/// What a run's folder and filters select, as catalogue words (`scope-…`) a face writes in its
/// reader's language; the conditions are worded as [`conditions_reason`] words them.
pub fn scope_reason(folder: &str, filters: &Filters) -> SavedText {
    let nested = |r: SavedText| serde_json::to_value(r).unwrap_or_default();
    let place = if filters.recursive {
        nested(SavedText::new(
            "scope-with-subfolders",
            [("folder", folder.into())],
        ))
    } else {
        folder.into()
    };
    if let Some(Selection::List { entries }) = &filters.selection {
        return SavedText::new("scope-list", [("count", (entries.len() as u64).into())]);
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
pub fn conditions_reason(filters: &Filters) -> Option<SavedText> {
    let Some(Selection::Search {
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
    /// `created before|after DATE`, `name matches PATTERN`. Values may be quoted.
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
            Condition::NameMatches { pattern } => {
                need(&pattern, "pattern")?;
                if pattern.contains('/') {
                    return Err(Error::message(
                        ErrorCode::InvalidInput,
                        "error-condition-pattern-is-path",
                        vec![("pattern", pattern.as_str().into())],
                    ));
                }
                Condition::NameMatches { pattern }
            }
        })
    }

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
            Condition::NameMatches { pattern } => format!("name matches {}", quoted(pattern)),
        }
    }

    /// QueryBuilder predicates for this condition, each named `{prefix}{n}_…` with a fresh `n`
    /// (adobe-wire-more §1.2: a numeric prefix may be used once per query).
    fn predicates(&self, prefix: &str, n: &mut u32, out: &mut Vec<(String, String)>) {
        let mut next = || {
            *n += 1;
            *n
        };
        let metadata = |p: &str| format!("jcr:content/metadata/{p}");
        let mut property = |out: &mut Vec<(String, String)>,
                            prefix: &str,
                            rel: String,
                            op: Option<&str>,
                            value: Option<String>| {
            let id = format!("{prefix}{}_property", next());
            out.push((id.clone(), rel));
            if let Some(op) = op {
                out.push((format!("{id}.operation"), op.to_owned()));
            }
            if let Some(value) = value {
                out.push((format!("{id}.value"), value));
            }
        };
        match self {
            Condition::IsEmpty { property: p } => {
                property(out, prefix, metadata(p), Some("not"), None);
            }
            Condition::IsNotEmpty { property: p } => {
                // `exists` with an explicit `true` (the documented default is ambiguous, §1.2).
                property(
                    out,
                    prefix,
                    metadata(p),
                    Some("exists"),
                    Some("true".into()),
                );
            }
            Condition::Equals { property: p, value } => {
                property(out, prefix, metadata(p), None, Some(value.clone()));
            }
            Condition::Contains { property: p, value } => {
                let like = format!("%{}%", like_escaped(value));
                property(out, prefix, metadata(p), Some("like"), Some(like));
            }
            // "is not" and "does not contain" include assets without the property: a negated
            // group, not `unequals` (which needs the property to be there).
            Condition::NotEquals { property: p, value } => {
                let group = format!("{prefix}{}_group.", next_n(n));
                out.push((format!("{group}p.not"), "true".into()));
                Condition::Equals {
                    property: p.clone(),
                    value: value.clone(),
                }
                .predicates(&group, n, out);
            }
            Condition::NotContains { property: p, value } => {
                let group = format!("{prefix}{}_group.", next_n(n));
                out.push((format!("{group}p.not"), "true".into()));
                Condition::Contains {
                    property: p.clone(),
                    value: value.clone(),
                }
                .predicates(&group, n, out);
            }
            Condition::Tagged { tag } => {
                let id = format!("{prefix}{}_tagid", next());
                out.push((id.clone(), tag.clone()));
                // Tags of assets live on the metadata node (§1.2, Derived).
                out.push((format!("{id}.property"), metadata("cq:tags")));
            }
            Condition::FileType { format } => match format.strip_suffix("/*") {
                Some(family) => {
                    let like = format!("{}/%", like_escaped(family));
                    property(out, prefix, metadata("dc:format"), Some("like"), Some(like));
                }
                None => property(
                    out,
                    prefix,
                    metadata("dc:format"),
                    None,
                    Some(format.clone()),
                ),
            },
            Condition::ModifiedBefore { date }
            | Condition::ModifiedAfter { date }
            | Condition::CreatedBefore { date }
            | Condition::CreatedAfter { date } => {
                let rel = match self {
                    Condition::ModifiedBefore { .. } | Condition::ModifiedAfter { .. } => {
                        "jcr:content/jcr:lastModified"
                    }
                    _ => "jcr:created",
                };
                let id = format!("{prefix}{}_daterange", next());
                out.push((format!("{id}.property"), rel.into()));
                let (bound, op) = match self {
                    Condition::ModifiedBefore { .. } | Condition::CreatedBefore { .. } => {
                        ("upperBound", ("upperOperation", "<"))
                    }
                    _ => ("lowerBound", ("lowerOperation", ">=")),
                };
                out.push((format!("{id}.{bound}"), format!("{date}T00:00:00.000Z")));
                out.push((format!("{id}.{}", op.0), op.1.into()));
            }
            Condition::NameMatches { pattern } => {
                out.push((format!("{prefix}{}_nodename", next()), pattern.clone()));
            }
        }
    }
}

fn next_n(n: &mut u32) -> u32 {
    *n += 1;
    *n
}

/// A value inside `jcr:like`: `%`, `_` and `\` are taken literally.
fn like_escaped(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The QueryBuilder predicates selecting every asset of `folder` (its subfolders too when
/// `recursive`), content fragments included, as a folder listing shows them.
pub fn folder_predicates(folder: &str, recursive: bool) -> Vec<(String, String)> {
    let mut out = vec![("path".to_owned(), folder.to_owned())];
    if !recursive {
        out.push(("path.flat".into(), "true".into()));
    }
    out.push(("type".into(), "dam:Asset".into()));
    out
}

/// The QueryBuilder predicates selecting the assets of `folder` (its subfolders too when
/// `recursive`) that match `conditions` combined by `combine`. Content fragments are left out
/// (never edited).
pub fn search_predicates(
    folder: &str,
    recursive: bool,
    conditions: &[Condition],
    combine: Combine,
) -> Vec<(String, String)> {
    let mut out = folder_predicates(folder, recursive);
    let mut n = 0u32;
    let cf = format!("{}_group.", next_n(&mut n));
    out.push((format!("{cf}p.not"), "true".into()));
    let id = format!("{cf}{}_property", next_n(&mut n));
    out.push((id.clone(), "jcr:content/contentFragment".into()));
    out.push((format!("{id}.value"), "true".into()));
    match combine {
        Combine::All => {
            for c in conditions {
                c.predicates("", &mut n, &mut out);
            }
        }
        Combine::Any if !conditions.is_empty() => {
            let group = format!("{}_group.", next_n(&mut n));
            out.push((format!("{group}p.or"), "true".into()));
            for c in conditions {
                c.predicates(&group, &mut n, &mut out);
            }
        }
        Combine::Any => {}
    }
    out
}

/// `p.hits=selective` with the properties a preview of `edits` needs: the path, what tells a
/// content fragment, the format (for the format filter) and each edited property.
pub fn hit_properties<'a>(edited: impl IntoIterator<Item = &'a str>) -> Vec<(String, String)> {
    let mut props = vec![
        "jcr:path".to_owned(),
        "jcr:primaryType".to_owned(),
        "jcr:content/contentFragment".to_owned(),
        "jcr:content/metadata/dc:format".to_owned(),
    ];
    for p in edited {
        let rel = format!("jcr:content/metadata/{p}");
        if !props.contains(&rel) {
            props.push(rel);
        }
    }
    vec![
        ("p.hits".to_owned(), "selective".to_owned()),
        ("p.properties".to_owned(), props.join(" ")),
    ]
}

/// The query as an AEM administrator reads it (one `name=value` per line, as in AEM's Query
/// Builder debugger).
pub fn query_text(predicates: &[(String, String)]) -> String {
    predicates
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_search_s_conditions_and_its_errors_are_worded_in_french() {
        let fr = metadesk_base::i18n::Localizer::new(metadesk_base::i18n::Lang::Fr);
        let filters = Filters {
            selection: Some(Selection::Search {
                conditions: vec![
                    Condition::parse("dc:rights is empty").unwrap(),
                    Condition::parse("dc:title contains \"summer beach\"").unwrap(),
                    Condition::parse("modified after 2026-03-01").unwrap(),
                ],
                combine: Combine::All,
            }),
            ..Filters::default()
        };
        let words = conditions_reason(&filters).unwrap().localized(&fr);
        assert_eq!(
            words,
            "dc:rights est vide et dc:title contient \"summer beach\" et modifié après le 2026-03-01"
        );
        // The English words are still the ones the parser reads back.
        let en = conditions_reason(&filters)
            .unwrap()
            .localized(&metadesk_base::i18n::Localizer::english());
        assert_eq!(
            en,
            "dc:rights is empty and dc:title contains \"summer beach\" and modified after 2026-03-01"
        );
        // The examples of the condition grammar stay as typed (English keywords).
        let unknown = Condition::parse("dc:rights is").unwrap_err().localized(&fr);
        assert!(
            unknown.starts_with("«\u{a0}dc:rights is\u{a0}» n’est pas une condition que Metadesk connaît. Écrivez par exemple\u{a0}: dc:rights is empty"),
            "{unknown}"
        );
        for bad in [
            "modified after 26/03/2026",
            "tag is wknd",
            "name matches a/b",
        ] {
            let e = Condition::parse(bad).unwrap_err();
            metadesk_base::i18n::checks::assert_reads_french(&e.localized(&fr));
        }
        let e = validate_property("dc title").unwrap_err();
        metadesk_base::i18n::checks::assert_reads_french(&e.localized(&fr));
        assert!(
            e.localized(&fr)
                .starts_with("«\u{a0}dc title\u{a0}» n’est pas"),
            "{}",
            e.localized(&fr)
        );
    }

    fn preds(c: Condition) -> Vec<(String, String)> {
        let mut out = Vec::new();
        c.predicates("", &mut 0, &mut out);
        out
    }

    fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn french_keywords_read_as_their_english_twins() {
        for (french, english) in [
            ("dc:rights est vide", "dc:rights is empty"),
            ("dc:rights n’est pas vide", "dc:rights is not empty"),
            ("dc:rights n'est pas vide", "dc:rights is not empty"),
            ("dc:title est \"Été\"", "dc:title is \"Été\""),
            ("dc:title est \"vide\"", "dc:title is vide"),
            ("dc:title n’est pas brouillon", "dc:title is not brouillon"),
            ("dc:title contient plage", "dc:title contains plage"),
            (
                "dc:title ne contient pas est",
                "dc:title does not contain est",
            ),
            (
                "Balise est wknd:activity/surfing",
                "tag is wknd:activity/surfing",
            ),
            ("type est image/*", "type is image/*"),
            ("modifié après 2026-03-01", "modified after 2026-03-01"),
            ("créé avant 2025-01-01", "created before 2025-01-01"),
            ("nom correspond à *.jpg", "name matches *.jpg"),
        ] {
            assert_eq!(
                Condition::parse(french).unwrap(),
                Condition::parse(english).unwrap(),
                "{french}"
            );
        }
        // English keeps its meaning: a value may be a French word.
        assert_eq!(
            Condition::parse("dc:title is est vide").unwrap(),
            Condition::Equals {
                property: "dc:title".into(),
                value: "est vide".into()
            }
        );
        assert!(Condition::parse("dc:rights est").is_err());
    }

    #[test]
    fn every_condition_has_its_predicates() {
        let md = "jcr:content/metadata/dc:rights";
        assert_eq!(
            preds(Condition::parse("dc:rights is empty").unwrap()),
            pairs(&[("1_property", md), ("1_property.operation", "not")])
        );
        assert_eq!(
            preds(Condition::parse("dc:rights is not empty").unwrap()),
            pairs(&[
                ("1_property", md),
                ("1_property.operation", "exists"),
                ("1_property.value", "true")
            ])
        );
        assert_eq!(
            preds(Condition::parse("dc:rights is \"Royalty free\"").unwrap()),
            pairs(&[("1_property", md), ("1_property.value", "Royalty free")])
        );
        assert_eq!(
            preds(Condition::parse("dc:rights equals x").unwrap()),
            pairs(&[("1_property", md), ("1_property.value", "x")])
        );
        assert_eq!(
            preds(Condition::parse("dc:rights is not 'a b'").unwrap()),
            pairs(&[
                ("1_group.p.not", "true"),
                ("1_group.2_property", md),
                ("1_group.2_property.value", "a b")
            ])
        );
        assert_eq!(
            preds(Condition::parse("dc:rights contains 50% off_now").unwrap()),
            pairs(&[
                ("1_property", md),
                ("1_property.operation", "like"),
                ("1_property.value", "%50\\% off\\_now%")
            ])
        );
        assert_eq!(
            preds(Condition::parse("dc:rights does not contain *draft*").unwrap()),
            pairs(&[
                ("1_group.p.not", "true"),
                ("1_group.2_property", md),
                ("1_group.2_property.operation", "like"),
                ("1_group.2_property.value", "%*draft*%")
            ])
        );
        assert_eq!(
            preds(Condition::parse("tag is wknd:activity/surfing").unwrap()),
            pairs(&[
                ("1_tagid", "wknd:activity/surfing"),
                ("1_tagid.property", "jcr:content/metadata/cq:tags")
            ])
        );
        let fmt = "jcr:content/metadata/dc:format";
        assert_eq!(
            preds(Condition::parse("type is image/*").unwrap()),
            pairs(&[
                ("1_property", fmt),
                ("1_property.operation", "like"),
                ("1_property.value", "image/%")
            ])
        );
        assert_eq!(
            preds(Condition::parse("file type is Application/PDF").unwrap()),
            pairs(&[("1_property", fmt), ("1_property.value", "application/pdf")])
        );
        assert_eq!(
            preds(Condition::parse("modified after 2026-03-01").unwrap()),
            pairs(&[
                ("1_daterange.property", "jcr:content/jcr:lastModified"),
                ("1_daterange.lowerBound", "2026-03-01T00:00:00.000Z"),
                ("1_daterange.lowerOperation", ">=")
            ])
        );
        assert_eq!(
            preds(Condition::parse("created before 2025-01-31").unwrap()),
            pairs(&[
                ("1_daterange.property", "jcr:created"),
                ("1_daterange.upperBound", "2025-01-31T00:00:00.000Z"),
                ("1_daterange.upperOperation", "<")
            ])
        );
        assert_eq!(
            preds(Condition::parse("Modified Before 2025-01-31").unwrap())[0].1,
            "jcr:content/jcr:lastModified"
        );
        assert_eq!(
            preds(Condition::parse("created after 2025-01-31").unwrap())[2],
            ("1_daterange.lowerOperation".to_owned(), ">=".to_owned())
        );
        assert_eq!(
            preds(Condition::parse("name matches \"summer *.jpg\"").unwrap()),
            pairs(&[("1_nodename", "summer *.jpg")])
        );
    }

    #[test]
    fn values_keep_spaces_quotes_percent_and_stars_and_read_back() {
        for value in [
            "a b",
            "say \"hi\"",
            "it's",
            "100%",
            "*",
            " lead",
            "'single'",
            "back\\slash",
            "x",
        ] {
            for c in [
                Condition::Equals {
                    property: "dc:title".into(),
                    value: value.into(),
                },
                Condition::Contains {
                    property: "dc:title".into(),
                    value: value.into(),
                },
                Condition::NotContains {
                    property: "dc:title".into(),
                    value: value.into(),
                },
            ] {
                let words = c.describe();
                assert_eq!(Condition::parse(&words).unwrap(), c, "{words}");
            }
        }
        let c = Condition::parse("dc:title is \"a \\\"quoted\\\" title\"").unwrap();
        assert_eq!(
            c,
            Condition::Equals {
                property: "dc:title".into(),
                value: "a \"quoted\" title".into()
            }
        );
        // Equality sends the value as it is: QueryBuilder takes it literally.
        assert_eq!(
            preds(Condition::parse("dc:title is 100%*").unwrap())[1].1,
            "100%*"
        );
    }

    #[test]
    fn values_may_hold_the_operators_words() {
        assert_eq!(
            Condition::parse("dc:title is \"contains is\"").unwrap(),
            Condition::Equals {
                property: "dc:title".into(),
                value: "contains is".into()
            }
        );
        assert_eq!(
            Condition::parse("dc:title contains is not empty").unwrap(),
            Condition::Contains {
                property: "dc:title".into(),
                value: "is not empty".into()
            }
        );
        assert!(Condition::parse("dc:title isn't x").is_err());
    }

    #[test]
    fn bad_conditions_say_what_is_wrong() {
        for (words, says) in [
            ("rights is empty", "prefix:name"),
            ("dc:rights is", "not a condition"),
            ("modified after March", "year-month-day"),
            ("modified after 2026-02-30", "year-month-day"),
            ("tag is surfing", "namespace:path"),
            ("type is jpeg", "MIME type"),
            ("name matches a/b.jpg", "file names only"),
            ("whatever", "not a condition"),
            ("dc:title contains \"\"", "missing"),
        ] {
            let err = Condition::parse(words).unwrap_err().to_string();
            assert!(err.contains(says), "{words}: {err}");
        }
    }

    #[test]
    fn all_and_any_combine_with_unique_numbers() {
        let c = vec![
            Condition::parse("dc:rights is empty").unwrap(),
            Condition::parse("dc:title is not x").unwrap(),
        ];
        let all = search_predicates("/content/dam/a", false, &c, Combine::All);
        let keys: Vec<&str> = all.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            keys,
            [
                "path",
                "path.flat",
                "type",
                "1_group.p.not",
                "1_group.2_property",
                "1_group.2_property.value",
                "3_property",
                "3_property.operation",
                "4_group.p.not",
                "4_group.5_property",
                "4_group.5_property.value"
            ]
        );
        let any = search_predicates("/content/dam/a", true, &c, Combine::Any);
        let keys: Vec<&str> = any.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            &keys[..6],
            [
                "path",
                "type",
                "1_group.p.not",
                "1_group.2_property",
                "1_group.2_property.value",
                "3_group.p.or"
            ]
        );
        assert!(keys.contains(&"3_group.4_property"));
        assert!(keys.contains(&"3_group.5_group.6_property"));
        assert!(query_text(&any).starts_with("path=/content/dam/a\ntype=dam:Asset\n"));
    }

    #[test]
    fn scopes_become_run_parts_and_read_back() {
        let search = Scope::Search {
            under: "/wknd".into(),
            recursive: true,
            conditions: vec![Condition::IsEmpty {
                property: "metadata/dc:rights".into(),
            }],
            combine: Combine::Any,
        };
        let (folder, filters) = search.into_run_parts().unwrap();
        assert_eq!(folder, "/content/dam/wknd");
        let (en, fr) = (
            metadesk_base::i18n::Localizer::english(),
            metadesk_base::i18n::Localizer::new(metadesk_base::i18n::Lang::Fr),
        );
        let words = scope_reason(&folder, &filters);
        assert_eq!(
            words.localized(&en),
            "the assets of /content/dam/wknd and its subfolders where dc:rights is empty"
        );
        assert_eq!(
            words.localized(&fr),
            "les ressources de /content/dam/wknd et ses sous-dossiers où dc:rights est vide"
        );
        let folder_only = Filters::default();
        assert_eq!(
            scope_reason("/content/dam/a", &folder_only).localized(&fr),
            "les ressources de /content/dam/a"
        );
        assert!(matches!(
            Scope::of_run(&folder, &filters),
            Scope::Search {
                combine: Combine::Any,
                ..
            }
        ));
        let list = Scope::List {
            entries: vec![" /content/dam/a.jpg ".into(), "".into()],
        };
        let (folder, filters) = list.into_run_parts().unwrap();
        let words = scope_reason(&folder, &filters);
        assert_eq!(words.localized(&en), "a list of 1 entry");
        assert_eq!(words.localized(&fr), "une liste d’une entrée");
        assert!(
            Scope::List { entries: vec![] }
                .into_run_parts()
                .unwrap_err()
                .to_string()
                .contains("empty")
        );
    }
}
