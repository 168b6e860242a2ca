//! The checks of a sheet that need AEM's answer, given as plain data: a row outside the
//! exported folder, and cells giving several values to a property AEM holds as one.
//!
//! Not here: reading AEM (the import's preview reads each asset and passes what it found);
//! changes made in AEM since the export (the bulk engine holds those rows back).

use super::{CellValue, Issue, Row, Severity, Sheet, number, said};

/// A row outside the folder the sheet was exported from: allowed, but said.
pub fn outside_folder(row: &Row, folder: &str) -> Option<Issue> {
    let folder = folder.trim_end_matches('/');
    (!row.path.starts_with(&format!("{folder}/"))).then(|| {
        Issue::new(
            Severity::Warning,
            Some(row.number),
            None,
            said(
                "sheet-outside-folder",
                vec![
                    ("path", row.path.as_str().into()),
                    ("folder", folder.into()),
                ],
            ),
        )
    })
}

/// The cells of `row` that give several values (`a|b`) to a property AEM holds as one
/// (`holds_one` says which do now), in a column that does not say it holds several: written,
/// the property would silently turn into a list. Each is an error of its cell, in words.
pub fn several_values_for_one(
    sheet: &Sheet,
    row: &Row,
    holds_one: impl Fn(&str) -> bool,
) -> Vec<Issue> {
    row.cells
        .iter()
        .filter_map(|cell| {
            let column = &sheet.columns[cell.column];
            let CellValue::Set(values) = &cell.value else {
                return None;
            };
            (values.len() > 1 && column.multi.is_none() && holds_one(&column.property)).then(|| {
                Issue::new(
                    Severity::Error,
                    Some(row.number),
                    Some(sheet.column_name(cell.column)),
                    said(
                        "sheet-holds-one-value-in-aem",
                        vec![
                            ("property", column.property.as_str().into()),
                            ("count", number(values.len() as f64)),
                        ],
                    ),
                )
            })
        })
        .collect()
}
