//! The sheets Metadesk exports: `.xlsx` through `rust_xlsxwriter` (a real workbook: header in
//! words and `prefix:name`, frozen header, widths, key columns locked, an "About this export"
//! sheet saying where it came from) and `.csv` through `csv` (UTF-8 with a BOM, so Excel
//! opens accents right). Their words are in the exporter's language.
//!
//! Not here: listing the assets (`app`), reading sheets back (`parsing`).
//!
//! Crates: `rust_xlsxwriter` writes standard `.xlsx` with cell protection, freeze panes and
//! column formats, pure Rust; `csv` quotes cells the way Excel reads them.

use rust_xlsxwriter::{
    Color, Format, FormatBorder, ProtectionOptions, Workbook, Worksheet, XlsxError,
};
use serde_json::Value;

use super::cells::{escape_value, join_values};
use super::guides::{ColumnGuide, GuideKind, header_label, validation};
use super::headers::{exported_header, key_headers, known_field, property_header};
use metadesk_assets::fingerprint::ExportedCodes;
use metadesk_base::i18n::{Localizer, arg};
use metadesk_base::spreadsheet::{reversible_spreadsheet_text, workbook_text};
use metadesk_bulk::property_titles::title_id;
use metadesk_clients::error::{Error, ErrorCode, MessageArg, Result};

/// One property column of an export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportColumn {
    pub property: String,
    pub multi: bool,
}

impl ExportColumn {
    /// A column for `property`: several values when the property is known to hold several or
    /// when any exported asset holds a list in it.
    pub fn for_property<'a>(property: &str, values: impl Iterator<Item = &'a Value>) -> Self {
        let multi = known_field(property).map(|f| f.multi).unwrap_or(false);
        let mut values = values;
        ExportColumn {
            property: property.to_owned(),
            multi: multi || values.any(Value::is_array),
        }
    }
}

/// One asset of an export.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportRow {
    pub path: String,
    pub name: String,
    /// RFC 3339.
    pub last_modified: Option<String>,
    /// One per column, `None` when the asset has no such property.
    pub values: Vec<Option<Value>>,
}

/// Where an export came from, written in the workbook's "About this export" sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportInfo {
    pub connection: String,
    pub folder: String,
    pub recursive: bool,
    pub exported_at: String,
}

/// A property's value as a cell shows it.
pub fn cell_text(value: Option<&Value>) -> String {
    let one = |v: &Value| match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    };
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::Array(items)) => join_values(&items.iter().map(one).collect::<Vec<_>>()),
        Some(v) => escape_value(&one(v)),
    }
}

/// The headers: the key columns, then each property's, labelled by its schema field when the
/// schema has one (`guides`, by column; shorter or empty when there is no schema).
fn headers(l: &Localizer, columns: &[ExportColumn], guides: &[Option<ColumnGuide>]) -> Vec<String> {
    let mut out = key_headers(l).to_vec();
    out.extend(columns.iter().enumerate().map(
        |(i, c)| match guides.get(i).and_then(Option::as_ref) {
            Some(guide) => {
                // A field Metadesk knows, under AEM's own (English) label, is worded in the
                // reader's language; a label an administrator chose is kept as written.
                let label = match title_id(&c.property) {
                    Some(id) if Localizer::english().text(id) == guide.label => l.text(id),
                    _ => guide.label.clone(),
                };
                let id = if c.multi {
                    "sheet-column-property-multi"
                } else {
                    "sheet-column-property"
                };
                l.msg(
                    id,
                    &[
                        ("label", arg(header_label(&label, guide.required))),
                        ("property", arg(c.property.as_str())),
                    ],
                )
            }
            None => property_header(l, &c.property, c.multi),
        },
    ));
    out.push(exported_header(l));
    out
}

/// A row's cells: the key columns, each property's value, then the exported values' codes
/// (what the import compares AEM's values with, to keep a colleague's change since).
fn row_texts(columns: &[ExportColumn], row: &ExportRow) -> Vec<String> {
    let mut out = vec![
        row.path.clone(),
        row.name.clone(),
        row.last_modified.clone().unwrap_or_default(),
    ];
    out.extend(row.values.iter().map(|v| cell_text(v.as_ref())));
    let codes = ExportedCodes::of(
        columns
            .iter()
            .zip(&row.values)
            .map(|(c, v)| (c.property.as_str(), v.as_ref())),
    );
    out.push(codes.text());
    out
}

/// The longest text Excel holds in a cell.
const EXCEL_CELL_MAX: usize = 32_767;

/// The sheet could not be built (in memory: nothing was written yet).
pub(crate) fn not_written(e: &dyn std::fmt::Display) -> Error {
    Error::message(
        ErrorCode::InvalidInput,
        "error-sheet-not-written",
        vec![("detail", e.to_string().into())],
    )
}

/// An `.xlsx` workbook of the rows, its words in `l`'s language.
pub fn write_xlsx(
    l: &Localizer,
    info: &ExportInfo,
    columns: &[ExportColumn],
    rows: &[ExportRow],
) -> Result<Vec<u8>> {
    write_xlsx_guided(l, info, columns, &[], rows)
}

/// [`write_xlsx`] with the metadata schema's word on each column (`guides`, by column): its
/// label in the header, required columns marked (`*` and their own colour), and Excel's data
/// validation (a dropdown list of allowed values, dates, numbers, true/false).
pub fn write_xlsx_guided(
    l: &Localizer,
    info: &ExportInfo,
    columns: &[ExportColumn],
    guides: &[Option<ColumnGuide>],
    rows: &[ExportRow],
) -> Result<Vec<u8>> {
    let fail = |e: rust_xlsxwriter::XlsxError| {
        tracing::warn!("writing the workbook failed: {e}");
        not_written(&e)
    };
    let mut book = Workbook::new();
    let header_fmt = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color(Color::RGB(0xDDE7F0))
        .set_border_bottom(FormatBorder::Thin);
    let required_fmt = header_fmt
        .clone()
        .set_background_color(Color::RGB(0xFCE4C4));
    let key_fmt = Format::new().set_background_color(Color::RGB(0xF2F2F2));
    let editable = Format::new().set_unlocked();
    // New dates typed in a date column show as dates (existing values stay AEM's text).
    let editable_date = editable.clone().set_num_format("yyyy-mm-dd");
    let guide_of = |c: usize| {
        c.checked_sub(3)
            .and_then(|i| guides.get(i))
            .and_then(Option::as_ref)
    };
    let heads = headers(l, columns, guides);
    // Constant memory: each row goes to a temporary file once the next one starts (rows are
    // written in order; strings inline rather than shared, which Excel, LibreOffice and
    // calamine read alike).
    let sheet = book.add_worksheet_with_constant_memory().map_err(fail)?;
    sheet.set_name(l.text("sheet-data-name")).map_err(fail)?;
    let mut widths: Vec<usize> = heads.iter().map(|h| h.chars().count().min(40)).collect();
    for (c, h) in heads.iter().enumerate() {
        let fmt = match guide_of(c) {
            Some(g) if g.required => &required_fmt,
            _ => &header_fmt,
        };
        sheet
            .write_string_with_format(0, c as u16, h, fmt)
            .map_err(fail)?;
    }
    // The property columns; the last one, the codes, is locked as the key columns are.
    let codes_col = heads.len() - 1;
    for c in 3..codes_col {
        let fmt = match guide_of(c) {
            Some(g) if g.kind == GuideKind::Date => &editable_date,
            _ => &editable,
        };
        sheet.set_column_format(c as u16, fmt).map_err(fail)?;
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, text) in row_texts(columns, row).iter().enumerate() {
            if text.chars().count() > EXCEL_CELL_MAX {
                return Err(Error::message(
                    ErrorCode::InvalidInput,
                    "error-sheet-cell-too-long",
                    vec![
                        ("path", row.path.as_str().into()),
                        ("limit", MessageArg::Number(EXCEL_CELL_MAX as f64)),
                        ("column", heads[c].as_str().into()),
                    ],
                ));
            }
            widths[c] = widths[c].max(text.chars().count().min(60));
            if text.is_empty() {
                continue;
            }
            let fmt = if c < 3 || c == codes_col {
                &key_fmt
            } else {
                &editable
            };
            write_text(sheet, r as u32 + 1, c as u16, text, fmt).map_err(fail)?;
        }
    }
    for (c, w) in widths.iter().enumerate() {
        sheet
            .set_column_width(c as u16, (*w).max(10) as f64 + 2.0)
            .map_err(fail)?;
    }
    for c in 3..codes_col {
        if let Some(dv) = guide_of(c).and_then(|g| validation(g, l)) {
            let last = (rows.len() as u32).max(1);
            sheet
                .add_data_validation(1, c as u16, last, c as u16, &dv)
                .map_err(fail)?;
        }
    }
    sheet.set_freeze_panes(1, 1).map_err(fail)?;
    let last_col = (heads.len() - 1) as u16;
    sheet
        .autofilter(0, 0, rows.len() as u32, last_col)
        .map_err(fail)?;
    // Locked key columns: Excel refuses edits to them and says the sheet is protected; no
    // password, so a person who really needs to can unprotect it (Review > Unprotect).
    sheet.protect_with_options(&ProtectionOptions {
        format_columns: true,
        format_rows: true,
        sort: true,
        use_autofilter: true,
        ..ProtectionOptions::default()
    });

    let about = book.add_worksheet();
    about.set_name(l.text("sheet-about-name")).map_err(fail)?;
    let subfolders = if info.recursive { "yes" } else { "no" };
    for (r, (k, v)) in [
        (l.text("sheet-about-exported-by"), "Metadesk".to_owned()),
        (l.text("sheet-about-connection"), info.connection.clone()),
        (l.text("sheet-about-folder"), info.folder.clone()),
        (
            l.text("sheet-about-subfolders"),
            l.msg(
                "sheet-about-subfolders-value",
                &[("included", arg(subfolders))],
            ),
        ),
        (l.text("sheet-about-exported-at"), info.exported_at.clone()),
        (
            l.text("sheet-about-empty-cell"),
            l.text("sheet-about-empty-cell-means"),
        ),
        (
            super::CLEAR_MARKER.to_owned(),
            l.text("sheet-about-clear-means"),
        ),
        (
            l.text("sheet-about-several-values"),
            l.text("sheet-about-several-values-means"),
        ),
    ]
    .into_iter()
    .chain(guides.iter().flatten().any(|g| g.required).then(|| {
        (
            l.text("sheet-about-required"),
            l.text("sheet-about-required-means"),
        )
    }))
    .collect::<Vec<_>>()
    .iter()
    .enumerate()
    {
        about.write_string(r as u32, 0, k).map_err(fail)?;
        about.write_string(r as u32, 1, v).map_err(fail)?;
    }
    about.set_column_width(0, 16).map_err(fail)?;
    about.set_column_width(1, 60).map_err(fail)?;
    book.save_to_buffer().map_err(fail)
}

/// Writes `text` to a cell of a workbook Metadesk reads back, formula-looking text marked as
/// text by Excel's quote-prefix style (`metadesk_base::spreadsheet`'s rule, read back by
/// `parsing` and `taxonomy_read`).
pub(crate) fn write_text(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    text: &str,
    fmt: &Format,
) -> std::result::Result<(), XlsxError> {
    let cell = workbook_text(text);
    if cell.quote_prefix {
        sheet.write_string_with_format(row, col, cell.text, &fmt.clone().set_quote_prefix())?;
    } else {
        sheet.write_string_with_format(row, col, cell.text, fmt)?;
    }
    Ok(())
}

/// A `.csv` of the rows: UTF-8 with a BOM, `,`-separated, CRLF line ends as Excel writes; its
/// headers in `l`'s language; a cell a spreadsheet would read as a formula starts with `'`.
pub fn write_csv(l: &Localizer, columns: &[ExportColumn], rows: &[ExportRow]) -> Result<Vec<u8>> {
    write_csv_guided(l, columns, &[], rows)
}

/// [`write_csv`] with its headers labelled (and required ones marked) by the metadata schema.
pub fn write_csv_guided(
    l: &Localizer,
    columns: &[ExportColumn],
    guides: &[Option<ColumnGuide>],
    rows: &[ExportRow],
) -> Result<Vec<u8>> {
    // A cell Excel would run as a formula (an AEM title `=HYPERLINK(…)`) is written as text;
    // the import reads it back as it was (`parsing`).
    csv_of(
        headers(l, columns, guides),
        rows.iter().map(|row| {
            row_texts(columns, row)
                .iter()
                .map(|t| reversible_spreadsheet_text(t))
                .collect()
        }),
    )
}

/// CSV bytes as Excel reads them: UTF-8 with a BOM, `,`-separated, CRLF line ends; the cells
/// are written as given.
pub(crate) fn csv_of(
    header: Vec<String>,
    rows: impl Iterator<Item = Vec<String>>,
) -> Result<Vec<u8>> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        let fail = |e: csv::Error| not_written(&e);
        writer.write_record(header).map_err(fail)?;
        for row in rows {
            writer.write_record(row).map_err(fail)?;
        }
        writer.flush().map_err(|e| not_written(&e))?;
    }
    Ok(out)
}
