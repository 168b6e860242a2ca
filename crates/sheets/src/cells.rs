//! The text of one cell: several values joined by `|` with an escape for a literal `|`, the
//! marker that clears a property, and Excel's column letters.
//!
//! Not here: what a column means (`headers`) or checks of a value (`parsing`).

/// A cell holding exactly this (any case, spaces around ignored) removes the property. An
/// empty cell never does: it leaves the property as it is (AEM's own CSV import does the
/// same), so a blank left by mistake cannot wipe data.
pub const CLEAR_MARKER: &str = "#CLEAR";

/// Whether a cell's text is the clear marker.
pub fn is_clear_marker(text: &str) -> bool {
    text.trim().eq_ignore_ascii_case(CLEAR_MARKER)
}

/// Excel's name of a 0-based column: 0 → `A`, 25 → `Z`, 26 → `AA`.
pub fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8_lossy(&out).into_owned()
}

/// One value as a cell holds it: `|` → `\|`; a backslash before `|`, before another
/// backslash or at the end → `\\`; any other backslash stays as it is (so `C:\photos` reads
/// the same in the sheet as in AEM). A value that is exactly the clear marker gets a
/// backslash in front so it is not read as the marker.
pub fn escape_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    if is_clear_marker(value) {
        out.push('\\');
    }
    let chars: Vec<char> = value.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        match c {
            '|' => out.push_str("\\|"),
            '\\' if matches!(chars.get(i + 1), None | Some('|') | Some('\\')) => {
                out.push_str("\\\\")
            }
            other => out.push(*other),
        }
    }
    out
}

/// Several values in one cell, escaped and joined by `|`.
pub fn join_values<S: AsRef<str>>(values: &[S]) -> String {
    values
        .iter()
        .map(|v| escape_value(v.as_ref()))
        .collect::<Vec<_>>()
        .join("|")
}

/// A cell's values: split on unescaped `|`, `\|` and `\\` unescaped, each value trimmed,
/// empty values dropped (`a||b` and a trailing `|` are slips, not empty keywords).
pub fn split_values(text: &str) -> Vec<String> {
    let mut values = Vec::new();
    let mut current = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if matches!(chars.peek(), Some('|') | Some('\\')) => {
                if let Some(next) = chars.next() {
                    current.push(next);
                }
            }
            '|' => values.push(std::mem::take(&mut current)),
            other => current.push(other),
        }
    }
    values.push(current);
    values
        .into_iter()
        .map(|v| {
            let v = v.trim();
            // `\#CLEAR`: the literal text, not the marker.
            match v.strip_prefix('\\') {
                Some(rest) if is_clear_marker(rest) => rest.to_owned(),
                _ => v.to_owned(),
            }
        })
        .filter(|v| !v.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn column_letters_follow_excel() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }

    #[test]
    fn pipes_and_backslashes_are_escaped() {
        assert_eq!(join_values(&["a", "b|c"]), "a|b\\|c");
        assert_eq!(split_values("a|b\\|c"), vec!["a", "b|c"]);
        assert_eq!(join_values(&["C:\\photos"]), "C:\\photos");
        assert_eq!(join_values(&["ends\\", "x"]), "ends\\\\|x");
        assert_eq!(split_values("ends\\\\|x"), vec!["ends\\", "x"]);
        assert_eq!(split_values(" a | b ||"), vec!["a", "b"]);
    }

    #[test]
    fn the_clear_marker_and_its_escape() {
        assert!(is_clear_marker(" #clear "));
        assert!(!is_clear_marker("#CLEARED"));
        let cell = join_values(&["#CLEAR"]);
        assert!(!is_clear_marker(&cell));
        assert_eq!(split_values(&cell), vec!["#CLEAR"]);
    }

    proptest! {
        #[test]
        fn values_round_trip(values in proptest::collection::vec("[a-z|\\\\# ]{0,8}[a-z|\\\\#]", 1..5)) {
            let trimmed: Vec<String> = values.iter().map(|v| v.trim().to_owned()).filter(|v| !v.is_empty()).collect();
            prop_assume!(!trimmed.is_empty());
            prop_assert_eq!(split_values(&join_values(&trimmed)), trimmed);
        }
    }
}
