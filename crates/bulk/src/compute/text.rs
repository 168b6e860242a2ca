//! Text rules: find and replace (plain or a regular expression), change case, trim and
//! collapse spaces; and a regular expression's error in words (what is wrong, where).
//!
//! Not here: which values of a property a rule applies to (`compute/mod.rs`).

use regex::{NoExpand, Regex, RegexBuilder};
use regex_syntax::ast::ErrorKind as AstKind;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How a find-and-replace matches.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Matching {
    /// `find` is a regular expression and `replace` may name its groups (`$1`, `${name}`).
    pub regex: bool,
    /// `WKND` also finds `wknd`.
    pub ignore_case: bool,
    /// Only where `find` is a whole word (not inside a longer word).
    pub whole_word: bool,
}

/// A case change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Case {
    /// `ALL CAPITALS`.
    Upper,
    /// `all small letters`.
    Lower,
    /// `Each Word Capitalised`.
    Title,
    /// `First letter capitalised, the rest small`.
    Sentence,
}

/// Why a pattern is not a regular expression: the catalogue's word for the problem and the
/// character (counted from 1) where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternError {
    /// A `problem` of the `error-rule-regex` message.
    pub problem: &'static str,
    pub position: usize,
}

/// The regular expression a find-and-replace runs, or `None` when a plain, case-sensitive
/// search of a whole text does (a plain `str::replace`, the fastest).
pub fn finder(find: &str, matching: Matching) -> Result<Option<Regex>, PatternError> {
    if !matching.regex && !matching.ignore_case && !matching.whole_word {
        return Ok(None);
    }
    let body = if matching.regex {
        check_pattern(find)?;
        find.to_owned()
    } else {
        regex::escape(find)
    };
    RegexBuilder::new(&body)
        .case_insensitive(matching.ignore_case)
        .build()
        .map(Some)
        .map_err(|_| PatternError {
            problem: "too-big",
            position: 1,
        })
}

/// A pattern checked as the `regex` crate reads it, its first problem named.
pub fn check_pattern(pattern: &str) -> Result<(), PatternError> {
    let position = |span: &regex_syntax::ast::Span| span.start.column.max(1);
    match regex_syntax::Parser::new().parse(pattern) {
        Ok(_) => Ok(()),
        Err(regex_syntax::Error::Parse(e)) => Err(PatternError {
            problem: match e.kind() {
                AstKind::GroupUnclosed => "group-unclosed",
                AstKind::GroupUnopened => "group-unopened",
                AstKind::ClassUnclosed => "class-unclosed",
                AstKind::RepetitionMissing => "nothing-to-repeat",
                AstKind::RepetitionCountUnclosed | AstKind::RepetitionCountInvalid => {
                    "repetition-count"
                }
                AstKind::EscapeUnrecognized | AstKind::EscapeUnexpectedEof => "escape",
                AstKind::GroupNameDuplicate { .. } => "group-name-twice",
                AstKind::GroupNameEmpty
                | AstKind::GroupNameInvalid
                | AstKind::GroupNameUnexpectedEof => "group-name",
                _ => "other",
            },
            position: position(e.span()),
        }),
        Err(regex_syntax::Error::Translate(e)) => Err(PatternError {
            problem: "other",
            position: position(e.span()),
        }),
        Err(_) => Err(PatternError {
            problem: "other",
            position: 1,
        }),
    }
}

/// `text` with every match of `find` replaced: by `regex` when given (then `with` expands
/// `$1` and `${name}` for a regular expression), else plainly. With `whole_word`, a match
/// next to a letter, digit or `_` is left alone (`cat` in `category`), whatever `find` ends
/// with (`C++` is a whole word before a space).
pub fn replace(
    text: &str,
    find: &str,
    with: &str,
    regex: Option<&Regex>,
    matching: Matching,
) -> String {
    let Some(re) = regex else {
        return if find.is_empty() {
            text.to_owned()
        } else {
            text.replace(find, with)
        };
    };
    if !matching.whole_word {
        return if matching.regex {
            re.replace_all(text, with).into_owned()
        } else {
            re.replace_all(text, NoExpand(with)).into_owned()
        };
    }
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for caps in re.captures_iter(text) {
        let Some(m) = caps.get(0) else { continue };
        let alone =
            !word(text[..m.start()].chars().next_back()) && !word(text[m.end()..].chars().next());
        if !alone || m.is_empty() {
            continue;
        }
        out.push_str(&text[last..m.start()]);
        if matching.regex {
            caps.expand(with, &mut out);
        } else {
            out.push_str(with);
        }
        last = m.end();
    }
    out.push_str(&text[last..]);
    out
}

/// `text` in `case`; words are runs of letters and digits.
pub fn change_case(text: &str, case: Case) -> String {
    match case {
        Case::Upper => text.to_uppercase(),
        Case::Lower => text.to_lowercase(),
        Case::Title | Case::Sentence => {
            let mut out = String::with_capacity(text.len());
            let mut at_start = true;
            let mut first = true;
            for c in text.chars() {
                if c.is_alphanumeric() {
                    if at_start && (first || case == Case::Title) {
                        out.extend(c.to_uppercase());
                    } else {
                        out.extend(c.to_lowercase());
                    }
                    at_start = false;
                    first = false;
                } else {
                    out.push(c);
                    // An apostrophe inside a word (`don't`) does not start a new one.
                    at_start = !matches!(c, '\'' | '’');
                }
            }
            out
        }
    }
}

/// `text` without spaces at its ends, and with every run of spaces (tabs, new lines) inside
/// made one space when `collapse`.
pub fn trim(text: &str, collapse: bool) -> String {
    if collapse {
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        text.trim().to_owned()
    }
}
