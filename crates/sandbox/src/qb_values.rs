//! How the sandbox's QueryBuilder compares values: a property's values as strings, `jcr:like`
//! patterns, node-name globs, and dates as the `daterange` predicate reads them. A leaf: it
//! imports nothing else of this crate.
//!
//! Not here: the predicates and the servlet (`querybuilder.rs`).

use serde_json::Value;

/// A property's values as strings (a multi-value gives each; numbers and booleans by text).
pub(crate) fn strings(value: &Value) -> Vec<String> {
    let one = |v: &Value| match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    match value {
        Value::Array(items) => items.iter().map(one).collect(),
        other => vec![one(other)],
    }
}

/// `jcr:like`: `%` any run, `_` one character, `\` escapes the next one.
pub(crate) fn like(pattern: &str, text: &str) -> bool {
    #[derive(Clone, Copy, PartialEq)]
    enum Tok {
        Any,
        One,
        Ch(char),
    }
    let mut toks = Vec::new();
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        toks.push(match c {
            '%' => Tok::Any,
            '_' => Tok::One,
            '\\' => Tok::Ch(chars.next().unwrap_or('\\')),
            c => Tok::Ch(c),
        });
    }
    let t: Vec<char> = text.chars().collect();
    let (mut pi, mut ti) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        match toks.get(pi) {
            Some(Tok::One) => {
                pi += 1;
                ti += 1;
            }
            Some(Tok::Ch(c)) if *c == t[ti] => {
                pi += 1;
                ti += 1;
            }
            Some(Tok::Any) => {
                star = Some((pi, ti));
                pi += 1;
            }
            _ => match star {
                Some((sp, st)) => {
                    pi = sp + 1;
                    ti = st + 1;
                    star = Some((sp, st + 1));
                }
                None => return false,
            },
        }
    }
    toks[pi..].iter().all(|t| *t == Tok::Any)
}

/// `nodename`: `*` any run, `?` one character, `[abc]` one of; case-sensitive (Derived).
pub(crate) fn name_glob(pattern: &str, name: &str) -> bool {
    let mut like_pattern = String::new();
    let mut in_class = None::<String>;
    for c in pattern.chars() {
        match (&mut in_class, c) {
            // A class `[abc]` is taken as any one character: more lenient than AEM, never
            // stricter (Metadesk sends no classes).
            (Some(_), ']') => {
                in_class = None;
                like_pattern.push('_');
            }
            (Some(class), c) => class.push(c),
            (None, '[') => in_class = Some(String::new()),
            (None, '*') => like_pattern.push('%'),
            (None, '?') => like_pattern.push('_'),
            (None, '%' | '_' | '\\') => {
                like_pattern.push('\\');
                like_pattern.push(c);
            }
            (None, c) => like_pattern.push(c),
        }
    }
    like(&like_pattern, name)
}

/// ISO 8601 (`2026-03-01`, `2026-03-01T10:00:00.000Z`, `…+02:00`) or POSIX milliseconds.
pub(crate) fn parse_date(raw: &str) -> Option<i128> {
    use time::format_description::well_known::Iso8601;
    let raw = raw.trim();
    if let Ok(ms) = raw.parse::<i128>() {
        return Some(ms);
    }
    if let Ok(t) = time::OffsetDateTime::parse(raw, &Iso8601::DEFAULT) {
        return Some(t.unix_timestamp_nanos() / 1_000_000);
    }
    let day = time::Date::parse(
        raw,
        time::macros::format_description!("[year]-[month]-[day]"),
    );
    day.ok()
        .map(|d| d.midnight().assume_utc().unix_timestamp_nanos() / 1_000_000)
}

pub(crate) fn stored_date(value: &Value) -> Option<i128> {
    value.as_str().and_then(parse_date)
}
