//! From a grid of cells to a [`Sheet`]: the header row, the key columns, every property cell
//! with the checks that need nothing but the file (headers, several values in a one-value
//! field, length, formulas, dates, numbers, paths, duplicated rows).
//!
//! Not here: the checks that need AEM's answer (`checks`).

use std::collections::HashMap;

use time::format_description::BorrowedFormatItem;
use time::macros::format_description;
use time::{Date, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

use super::budget::SHEET_BUDGET;
use super::cells::{column_letter, is_clear_marker, split_values};
use super::headers::{ExportWords, Header, parse_header};
use super::reading::{GridCell, read_grid};
use super::{
    Cell, CellValue, Dialect, Issue, MAX_VALUE_CHARS, PropertyColumn, Row, Severity, Sheet,
    SheetSource, ValueKind, number as count, said,
};
use metadesk_assets::asset_path::canonical_asset_path;
use metadesk_assets::fingerprint::ExportedCodes;
use metadesk_base::i18n::Text;
use metadesk_base::i18n::controls_shown;
use metadesk_base::spreadsheet::text_of_spreadsheet_cell;
use metadesk_clients::error::{Error, ErrorCode, Result};

/// Reads a sheet from a file's bytes. `Err` when the file is not a sheet at all or has no
/// path column (nothing else can be said then); every other problem is an [`Issue`].
pub fn read_sheet(file_name: &str, bytes: &[u8]) -> Result<Sheet> {
    let words = ExportWords::of_every_language();
    let grid =
        read_grid(file_name, bytes, &words.about_sheet, SHEET_BUDGET).map_err(|message| {
            Error::Message {
                code: ErrorCode::InvalidInput,
                message,
            }
        })?;
    // The grid's rows are consumed as the sheet's rows are built: a large sheet is not held
    // twice.
    let (format, about, text_file) = (grid.format, grid.about, grid.text_file);
    let mut rows = grid.rows.into_iter();
    let header_row = rows
        .next()
        .filter(|r| r.iter().any(|c| !c.text.trim().is_empty()));
    let Some(header_row) = header_row else {
        return Err(Error::message(
            ErrorCode::InvalidInput,
            "error-sheet-empty-header",
            vec![("file", file_name.into())],
        ));
    };

    let mut issues = Vec::new();
    let mut path_col = None;
    let mut name_col = None;
    let mut modified_col = None;
    let mut exported_col = None;
    let mut columns: Vec<PropertyColumn> = Vec::new();
    let mut aem = false;
    let mut bad_cols = Vec::new();
    for (index, cell) in header_row.iter().enumerate() {
        let letter = column_letter(index);
        let header = cell.text.trim().to_owned();
        let place = Some(format!("{letter} ({header})"));
        let key = |slot: &mut Option<usize>, issues: &mut Vec<Issue>| {
            if let Some(first) = *slot {
                issues.push(Issue::new(
                    Severity::Error,
                    Some(1),
                    place.clone(),
                    said(
                        "sheet-key-column-repeated",
                        vec![("first", column_letter(first).into())],
                    ),
                ));
            } else {
                *slot = Some(index);
            }
        };
        match parse_header(&header, &words) {
            Header::Path => {
                aem |= header.eq_ignore_ascii_case("assetPath");
                key(&mut path_col, &mut issues);
            }
            Header::Name => key(&mut name_col, &mut issues),
            Header::LastModified => key(&mut modified_col, &mut issues),
            Header::ExportedValues => key(&mut exported_col, &mut issues),
            Header::Empty => bad_cols.push((index, None)),
            Header::Bad(why) => {
                issues.push(Issue::new(Severity::Error, Some(1), place, why));
                bad_cols.push((index, Some(())));
            }
            Header::Property {
                property,
                multi,
                kind,
                aem: typed,
            } => {
                aem |= typed;
                if let Some(first) = columns.iter().find(|c| c.property == property) {
                    issues.push(Issue::new(
                        Severity::Error,
                        Some(1),
                        place,
                        said(
                            "sheet-property-column-repeated",
                            vec![
                                ("property", property.as_str().into()),
                                ("first", first.letter.as_str().into()),
                            ],
                        ),
                    ));
                    bad_cols.push((index, Some(())));
                    continue;
                }
                columns.push(PropertyColumn {
                    index,
                    letter,
                    header,
                    property,
                    multi,
                    kind,
                });
            }
        }
    }
    let Some(path_col) = path_col else {
        return Err(Error::message(
            ErrorCode::InvalidInput,
            "error-sheet-no-path-column",
            vec![("file", file_name.into())],
        ));
    };

    // Metadesk's exports guard text a spreadsheet would run as a formula (a `'` in CSV, and in
    // older workbooks); it is read back as it was. AEM's own CSV quotes nothing: its cells are
    // read as they are.
    let unquote = !(text_file && aem);
    let mut out_rows = Vec::new();
    let mut seen: HashMap<String, u32> = HashMap::new();
    let mut data_without_header: Vec<usize> = Vec::new();
    for (i, cells) in rows.enumerate() {
        let number = i as u32 + 2;
        let cell = |c: usize| {
            let mut cell = cells.get(c).cloned().unwrap_or_default();
            if unquote {
                let text = text_of_spreadsheet_cell(&cell.text);
                if text.len() != cell.text.len() {
                    cell.text = text.to_owned();
                }
            }
            cell
        };
        if cells.iter().all(|c| c.text.trim().is_empty()) {
            continue;
        }
        for (index, named) in &bad_cols {
            if named.is_none()
                && !cell(*index).text.trim().is_empty()
                && !data_without_header.contains(index)
            {
                data_without_header.push(*index);
                issues.push(Issue::new(
                    Severity::Error,
                    Some(1),
                    Some(column_letter(*index)),
                    said("sheet-column-without-header", vec![("row", count(number))]),
                ));
            }
        }
        let row_issue = |issues: &mut Vec<Issue>, sev, col: Option<String>, what: Text| {
            issues.push(Issue::new(sev, Some(number), col, what));
        };
        let path_place = Some(format!(
            "{} ({})",
            column_letter(path_col),
            header_row[path_col].text.trim()
        ));
        let path_cell = cell(path_col);
        let written = path_cell.text.trim();
        if written.is_empty() {
            row_issue(
                &mut issues,
                Severity::Error,
                path_place,
                said("sheet-row-without-path", vec![]),
            );
            continue;
        }
        // One spelling per asset: a path AEM would resolve elsewhere is refused, and the
        // duplicate check below compares canonical paths.
        let path = match canonical_asset_path(written) {
            Ok(path) => path,
            Err(problem) => {
                row_issue(
                    &mut issues,
                    Severity::Error,
                    path_place,
                    said(
                        problem.code(),
                        vec![("path", controls_shown(written).into())],
                    ),
                );
                continue;
            }
        };
        if let Some(first) = seen.get(&path) {
            row_issue(
                &mut issues,
                Severity::Error,
                path_place,
                said(
                    "sheet-duplicate-path",
                    vec![("path", path.as_str().into()), ("first", count(*first))],
                ),
            );
            continue;
        }
        seen.insert(path.clone(), number);

        // A key column's cell, as an issue names it: its letter and header.
        let place_of = |c: usize| {
            Some(format!(
                "{} ({})",
                column_letter(c),
                header_row[c].text.trim()
            ))
        };
        let last_modified = modified_col.and_then(|c| {
            let text = cell(c).text.trim().to_owned();
            if text.is_empty() {
                return None;
            }
            let parsed = parse_date(&text);
            if parsed.is_none() {
                row_issue(
                    &mut issues,
                    Severity::Warning,
                    place_of(c),
                    said(
                        "sheet-bad-export-time",
                        vec![("text", text.as_str().into())],
                    ),
                );
            }
            parsed
        });

        let exported_codes = exported_col.and_then(|c| {
            let text = cell(c).text.trim().to_owned();
            if text.is_empty() {
                return None;
            }
            let codes = ExportedCodes::parse(&text);
            if codes.is_none() {
                row_issue(
                    &mut issues,
                    Severity::Warning,
                    place_of(c),
                    said("sheet-bad-export-codes", vec![]),
                );
            }
            codes.map(|c| c.text())
        });

        let mut row_cells = Vec::new();
        for (ci, column) in columns.iter().enumerate() {
            let grid_cell = cell(column.index);
            let place = Some(format!("{} ({})", column.letter, column.header));
            if let Some(value) = cell_value(&grid_cell, column, &mut |sev, what| {
                row_issue(&mut issues, sev, place.clone(), what)
            }) {
                row_cells.push(Cell { column: ci, value });
            }
        }
        out_rows.push(Row {
            number,
            path,
            last_modified,
            exported_codes,
            cells: row_cells,
        });
    }
    // A name column is read only to be recognised; it is never written.
    let _ = name_col;

    let exported_folder = about
        .iter()
        .find(|(k, _)| words.about_folder.contains(k))
        .map(|(_, v)| v.clone());
    Ok(Sheet {
        source: SheetSource {
            file_name: file_name.to_owned(),
            format,
            dialect: if aem { Dialect::Aem } else { Dialect::Metadesk },
        },
        columns,
        rows: out_rows,
        exported_folder,
        issues,
    })
}

/// One property cell: `None` when empty (or in error), the issues said through `say`.
fn cell_value(
    cell: &GridCell,
    column: &PropertyColumn,
    say: &mut dyn FnMut(Severity, Text),
) -> Option<CellValue> {
    let text = cell.text.trim();
    if cell.is_error {
        say(
            Severity::Error,
            match &cell.formula {
                Some(formula) => said(
                    "sheet-cell-error-formula",
                    vec![("text", text.into()), ("formula", formula.as_str().into())],
                ),
                None => said("sheet-cell-error", vec![("text", text.into())]),
            },
        );
        return None;
    }
    if let Some(formula) = &cell.formula {
        say(
            Severity::Warning,
            said(
                "sheet-cell-formula",
                vec![("formula", formula.as_str().into()), ("text", text.into())],
            ),
        );
    }
    if text.is_empty() {
        return None;
    }
    if is_clear_marker(text) {
        return Some(CellValue::Clear);
    }
    let values = split_values(&cell.text);
    if values.is_empty() {
        return None;
    }
    let mut ok = true;
    if values.len() > 1 && column.multi == Some(false) {
        say(
            Severity::Error,
            said(
                "sheet-holds-one-value",
                vec![
                    ("property", column.property.as_str().into()),
                    ("count", count(values.len() as f64)),
                ],
            ),
        );
        ok = false;
    }
    let mut out = Vec::with_capacity(values.len());
    for value in values {
        let chars = value.chars().count();
        if chars > MAX_VALUE_CHARS {
            say(
                Severity::Error,
                said(
                    "sheet-value-too-long",
                    vec![
                        ("length", count(chars as f64)),
                        ("limit", count(MAX_VALUE_CHARS as f64)),
                    ],
                ),
            );
            ok = false;
            continue;
        }
        match typed(&value, column.kind, cell.is_date) {
            Ok(v) => out.push(v),
            Err(how) => {
                say(Severity::Error, said(how, vec![("value", value.into())]));
                ok = false;
            }
        }
    }
    ok.then_some(CellValue::Set(out))
}

/// A value checked against its column's kind, in the form sent to AEM.
/// `Err` names the catalogue message (taking the value as `value`) that says why not.
fn typed(
    value: &str,
    kind: ValueKind,
    is_date_cell: bool,
) -> std::result::Result<String, &'static str> {
    match kind {
        ValueKind::Text => Ok(value.to_owned()),
        ValueKind::Date => parse_date(value).ok_or("sheet-not-a-date"),
        ValueKind::Integer => value
            .parse::<i64>()
            .map(|n| n.to_string())
            .map_err(|_| "sheet-not-a-whole-number"),
        ValueKind::Number => {
            // Excel in French, German… writes 3,5 for three and a half.
            let dotted = if value.contains('.') {
                value.to_owned()
            } else {
                value.replacen(',', ".", 1)
            };
            dotted
                .parse::<f64>()
                .ok()
                .filter(|f| f.is_finite())
                .map(|_| dotted.clone())
                .ok_or("sheet-not-a-number")
        }
        ValueKind::Boolean => match value.to_lowercase().as_str() {
            "true" | "yes" | "1" | "vrai" => Ok("true".into()),
            "false" | "no" | "0" | "faux" => Ok("false".into()),
            _ if is_date_cell => Err("sheet-not-a-boolean-date-cell"),
            _ => Err("sheet-not-a-boolean"),
        },
    }
}

const AEM_DATE: &[BorrowedFormatItem<'static>] = format_description!(
    "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3][offset_hour sign:mandatory]:[offset_minute]"
);

/// A date as AEM stores it (`2020-03-26T11:26:00.000-07:00`), from `2020-03-26`,
/// `2020-03-26T11:26`, `…:00`, `…:00.000`, with `Z`, `+01:00`, `+0100` or no offset (then
/// UTC), and a space instead of `T`. Day/month orders such as `26/03/2020` are refused: they
/// mean different days in different countries.
pub(super) fn parse_date(text: &str) -> Option<String> {
    let text = text.trim();
    let (date_part, time_part) = match text.find(['T', ' ']) {
        Some(i) => (&text[..i], Some(text[i + 1..].trim())),
        None => (text, None),
    };
    let date = Date::parse(date_part, format_description!("[year]-[month]-[day]")).ok()?;
    let (time, offset) = match time_part {
        None => (Time::MIDNIGHT, UtcOffset::UTC),
        Some(t) => {
            let (clock, offset) = split_offset(t)?;
            let time = [
                format_description!("[hour]:[minute]:[second].[subsecond]"),
                format_description!("[hour]:[minute]:[second]"),
                format_description!("[hour]:[minute]"),
            ]
            .iter()
            .find_map(|f| Time::parse(clock, f).ok())?;
            (time, offset)
        }
    };
    let at: OffsetDateTime = PrimitiveDateTime::new(date, time).assume_offset(offset);
    at.format(AEM_DATE).ok()
}

fn split_offset(t: &str) -> Option<(&str, UtcOffset)> {
    if let Some(clock) = t.strip_suffix('Z').or_else(|| t.strip_suffix('z')) {
        return Some((clock, UtcOffset::UTC));
    }
    let Some(i) = t.rfind(['+', '-']) else {
        return Some((t, UtcOffset::UTC));
    };
    let (clock, off) = (&t[..i], &t[i..]);
    let sign = if off.starts_with('-') { -1 } else { 1 };
    let digits: String = off[1..].chars().filter(|c| *c != ':').collect();
    if !digits.chars().all(|c| c.is_ascii_digit()) || !(digits.len() == 2 || digits.len() == 4) {
        return None;
    }
    let hours: i8 = digits[..2].parse().ok()?;
    let minutes: i8 = if digits.len() == 4 {
        digits[2..].parse().ok()?
    } else {
        0
    };
    Some((
        clock,
        UtcOffset::from_hms(sign * hours, sign * minutes, 0).ok()?,
    ))
}
