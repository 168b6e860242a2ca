//! What a metadata schema tells a person filling a sheet in Excel: a column's label, whether it
//! is required (marked in its header), and the data validation Excel applies as they type — a
//! dropdown list of a field's allowed values, dates for a date field, numbers for a number
//! field, true/false for a checkbox.
//!
//! Not here: reading the schema (`metadesk_assets::schema`), writing the workbook
//! (`writing.rs`, which asks this module for each column's validation).

use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DataValidationRule, ExcelDateTime,
};

use metadesk_base::i18n::{Localizer, arg};

/// What a column's field takes, as far as Excel can check it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GuideKind {
    Text,
    Number,
    Date,
    Checkbox,
}

/// A schema's word on one column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnGuide {
    /// The form's label ("Copyright").
    pub label: String,
    pub required: bool,
    /// A dropdown's allowed values (empty: any).
    pub options: Vec<String>,
    pub kind: GuideKind,
}

/// `label` as a header may carry it, marked when `required`: brackets and `|` would be read
/// back as the property or the multi-value note (`headers::parse_header`), so they become other
/// signs.
pub fn header_label(label: &str, required: bool) -> String {
    let label: String = label
        .chars()
        .map(|c| match c {
            '(' => '[',
            ')' => ']',
            '|' => '/',
            other => other,
        })
        .collect();
    if required {
        format!("{label} *")
    } else {
        label
    }
}

/// Excel's limit on a list validation's text (the values joined by commas).
const LIST_MAX: usize = 255;

/// The validation Excel applies to `guide`'s column, when there is one: a list of the allowed
/// values (when they fit Excel's 255 characters and none holds a comma), dates, numbers, or
/// true/false. Blank cells are always allowed (an empty cell changes nothing).
pub fn validation(guide: &ColumnGuide, l: &Localizer) -> Option<DataValidation> {
    let joined = guide.options.join(",");
    let listed = !guide.options.is_empty()
        && joined.encode_utf16().count() <= LIST_MAX
        && !guide.options.iter().any(|o| o.contains(','));
    let (base, message) = if listed {
        let dv = DataValidation::new()
            .allow_list_strings(&guide.options)
            .ok()?;
        (dv, l.text("sheet-guide-list"))
    } else {
        match guide.kind {
            GuideKind::Date => {
                let first = ExcelDateTime::from_ymd(1900, 1, 1).ok()?;
                let last = ExcelDateTime::from_ymd(9999, 12, 31).ok()?;
                (
                    DataValidation::new().allow_date(DataValidationRule::Between(first, last)),
                    l.text("sheet-guide-date"),
                )
            }
            GuideKind::Number => (
                DataValidation::new()
                    .allow_decimal_number(DataValidationRule::Between(-1e300, 1e300)),
                l.text("sheet-guide-number"),
            ),
            GuideKind::Checkbox => (
                DataValidation::new()
                    .allow_list_strings(&["true", "false"])
                    .ok()?,
                l.text("sheet-guide-checkbox"),
            ),
            GuideKind::Text => return None,
        }
    };
    let message = if guide.required {
        l.msg("sheet-guide-required", &[("rule", arg(message))])
    } else {
        message
    };
    base.ignore_blank(true)
        .set_input_title(trimmed(&guide.label, 32))
        .ok()?
        .set_input_message(trimmed(&message, 255))
        .ok()?
        .set_error_title(trimmed(&guide.label, 32))
        .ok()?
        .set_error_message(trimmed(&message, 255))
        .ok()
        .map(|dv| dv.set_error_style(DataValidationErrorStyle::Stop))
}

/// At most `max` characters: Excel's limits on a validation's titles and messages.
fn trimmed(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::xlsx_part;
    use crate::writing::{ExportColumn, ExportInfo, ExportRow, write_xlsx_guided};

    #[test]
    fn a_guided_workbook_carries_excels_validations_and_marks_required_columns() {
        let l = Localizer::english();
        let columns: Vec<ExportColumn> = [
            "dc:title",
            "dc:language",
            "prism:expirationDate",
            "xmp:Rating",
            "dc:x",
        ]
        .iter()
        .map(|p| ExportColumn {
            property: (*p).into(),
            multi: false,
        })
        .collect();
        let guide = |label: &str, required, options: &[&str], kind| {
            Some(ColumnGuide {
                label: label.into(),
                required,
                options: options.iter().map(|o| (*o).to_owned()).collect(),
                kind,
            })
        };
        let guides = vec![
            guide("Title (main)", true, &[], GuideKind::Text),
            guide("Language", false, &["en", "fr"], GuideKind::Text),
            guide("Expires", false, &[], GuideKind::Date),
            guide("Rating", false, &[], GuideKind::Number),
            None,
        ];
        let rows = vec![ExportRow {
            path: "/content/dam/a.jpg".into(),
            name: "a.jpg".into(),
            last_modified: None,
            values: vec![None; 5],
        }];
        let info = ExportInfo {
            connection: "c".into(),
            folder: "/content/dam".into(),
            recursive: false,
            exported_at: "2026-01-01T00:00:00Z".into(),
        };
        let book = write_xlsx_guided(&l, &info, &columns, &guides, &rows).unwrap();
        // The data sheet writes its strings inline (constant memory); the About sheet shares them.
        let parts =
            ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"].map(|p| xlsx_part(&book, p));
        let (sheet, about) = if parts[0].contains("(dc:title)") {
            (&parts[0], &parts[1])
        } else {
            (&parts[1], &parts[0])
        };
        assert!(sheet.contains(r#"<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" errorTitle="Language""#), "{sheet}");
        assert!(sheet.contains("<formula1>\"en,fr\"</formula1>"), "{sheet}");
        assert!(
            sheet.contains(r#"sqref="E2""#),
            "the Language column, its rows"
        );
        assert!(sheet.contains(r#"<dataValidation type="date""#), "{sheet}");
        assert!(
            sheet.contains(r#"<dataValidation type="decimal""#),
            "{sheet}"
        );
        assert_eq!(
            sheet.matches("<dataValidation ").count(),
            3,
            "none for text: {sheet}"
        );
        let read = crate::read_sheet("x.xlsx", &book).unwrap();
        let heads: Vec<(&str, &str)> = read
            .columns
            .iter()
            .map(|c| (c.header.as_str(), c.property.as_str()))
            .collect();
        assert_eq!(
            heads,
            [
                ("Title [main] * (dc:title)", "dc:title"),
                ("Language (dc:language)", "dc:language"),
                ("Expires (prism:expirationDate)", "prism:expirationDate"),
                ("Rating (xmp:Rating)", "xmp:Rating"),
                ("dc:x (dc:x)", "dc:x"),
            ],
            "labelled, marked, and read back as the same properties"
        );
        let strings = xlsx_part(&book, "xl/sharedStrings.xml");
        assert!(
            about.contains("<sheetData>") && strings.contains("Columns marked *"),
            "{strings}"
        );
    }

    #[test]
    fn a_list_too_long_for_excel_is_left_to_the_import_check() {
        let long: Vec<String> = (0..100).map(|i| format!("value-{i}")).collect();
        let guide = ColumnGuide {
            label: "L".into(),
            required: false,
            options: long,
            kind: GuideKind::Text,
        };
        assert!(validation(&guide, &Localizer::english()).is_none());
    }
}
