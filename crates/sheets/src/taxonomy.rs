//! The tag taxonomy as a sheet, one row a tag: its id, title, a title column per language the
//! taxonomy holds (`Title (fr)`), description, and (when a folder was counted) how many assets
//! there hold it. The headers are in the exporter's language;
//! a cell a spreadsheet would run as a formula is kept as text and read back exactly, by the
//! same rule as metadata exports (`metadesk_base::spreadsheet`).
//!
//! Not here: reading the taxonomy (`metadesk_assets::tags`), metadata sheets (`writing`).

use std::collections::{BTreeMap, BTreeSet};

use metadesk_assets::tags::Tag;
use metadesk_base::i18n::{Localizer, arg};
use metadesk_base::spreadsheet::reversible_spreadsheet_text;
use metadesk_clients::error::Result;
use rust_xlsxwriter::{Color, Format, FormatBorder, Workbook};

use super::writing::{csv_of, not_written, write_text};

/// The languages of the taxonomy's translated titles, sorted (`de`, `fr`, `pt_br`).
pub fn title_languages(tags: &[Tag]) -> Vec<String> {
    let langs: BTreeSet<&String> = tags.iter().flat_map(|t| t.titles.keys()).collect();
    langs.into_iter().cloned().collect()
}

/// The last column of a taxonomy sheet: how many assets under `folder` hold each tag (or a tag
/// below it), by tag id.
#[derive(Debug, Clone, Copy)]
pub struct CountColumn<'a> {
    pub folder: &'a str,
    pub counts: &'a BTreeMap<String, u64>,
}

/// The header and the rows of the taxonomy's sheet.
fn table(
    l: &Localizer,
    tags: &[Tag],
    counted: Option<CountColumn<'_>>,
) -> (Vec<String>, Vec<Vec<String>>) {
    let langs = title_languages(tags);
    let mut header = vec![l.text("sheet-tags-id"), l.text("sheet-tags-title")];
    header.extend(
        langs
            .iter()
            .map(|lang| l.msg("sheet-tags-title-in", &[("lang", arg(lang.as_str()))])),
    );
    header.push(l.text("sheet-tags-description"));
    if let Some(c) = counted {
        header.push(l.msg("sheet-tags-count", &[("folder", arg(c.folder))]));
    }
    let rows = tags
        .iter()
        .map(|t| {
            let mut row = vec![t.id.clone(), t.title.clone()];
            row.extend(
                langs
                    .iter()
                    .map(|lang| t.titles.get(lang).cloned().unwrap_or_default()),
            );
            row.push(t.description.clone().unwrap_or_default());
            if let Some(c) = counted {
                row.push(c.counts.get(&t.id).copied().unwrap_or(0).to_string());
            }
            row
        })
        .collect();
    (header, rows)
}

/// The taxonomy as `.csv` (UTF-8 with a BOM, as Excel reads it).
pub fn taxonomy_csv(
    l: &Localizer,
    tags: &[Tag],
    counted: Option<CountColumn<'_>>,
) -> Result<Vec<u8>> {
    let (header, rows) = table(l, tags, counted);
    let rows = rows
        .into_iter()
        .map(|row| row.iter().map(|t| reversible_spreadsheet_text(t)).collect());
    csv_of(header, rows)
}

/// The taxonomy as an `.xlsx` workbook: a bold frozen header and readable column widths.
pub fn taxonomy_xlsx(
    l: &Localizer,
    tags: &[Tag],
    counted: Option<CountColumn<'_>>,
) -> Result<Vec<u8>> {
    let fail = |e: rust_xlsxwriter::XlsxError| {
        tracing::warn!("writing the taxonomy workbook failed: {e}");
        not_written(&e)
    };
    let (header, rows) = table(l, tags, counted);
    // The count column holds numbers, so that Excel sorts and sums it.
    let count_column = counted.map(|_| header.len() - 1);
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet
        .set_name(l.text("sheet-tags-sheet-name"))
        .map_err(fail)?;
    let header_fmt = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xDDE7F0))
        .set_border_bottom(FormatBorder::Thin);
    for (c, text) in header.iter().enumerate() {
        let c = u16::try_from(c).map_err(|e| not_written(&e))?;
        sheet
            .write_string_with_format(0, c, text, &header_fmt)
            .map_err(fail)?;
        sheet
            .set_column_width(c, if c == 0 { 40 } else { 24 })
            .map_err(fail)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = u32::try_from(r + 1).map_err(|e| not_written(&e))?;
        for (c, text) in row.iter().enumerate() {
            let number = text.parse::<f64>().ok().filter(|_| Some(c) == count_column);
            let c = u16::try_from(c).map_err(|e| not_written(&e))?;
            match number {
                Some(n) => {
                    sheet.write_number(r, c, n).map_err(fail)?;
                }
                None => write_text(sheet, r, c, text, &Format::new()).map_err(fail)?,
            }
        }
    }
    sheet.set_freeze_panes(1, 0).map_err(fail)?;
    book.save_to_buffer().map_err(fail)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn tag(id: &str, title: &str, fr: Option<&str>, description: Option<&str>) -> Tag {
        Tag {
            id: id.into(),
            title: title.into(),
            trail: title.into(),
            titles: fr
                .map(|f| BTreeMap::from([("fr".to_owned(), f.to_owned())]))
                .unwrap_or_default(),
            description: description.map(str::to_owned),
            published: false,
        }
    }

    #[test]
    fn a_row_a_tag_and_a_column_a_language() {
        let l = Localizer::new(metadesk_base::i18n::Lang::En);
        let tags = [
            tag("ns:", "NS", None, None),
            tag("ns:summer", "Summer", Some("Été"), Some("=June")),
        ];
        let csv = String::from_utf8(taxonomy_csv(&l, &tags, None).unwrap()).unwrap();
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
        assert_eq!(lines[0], "Tag ID,Title,Title (fr),Description");
        assert_eq!(lines[1], "ns:,NS,,");
        assert_eq!(lines[2], "ns:summer,Summer,Été,'=June");
        let xlsx = taxonomy_xlsx(&l, &tags, None).unwrap();
        let rows = crate::workbook_rows("tags.xlsx", &xlsx).unwrap();
        assert_eq!(rows[0], ["Tag ID", "Title", "Title (fr)", "Description"]);
        assert_eq!(rows[2][2], "Été");
    }

    #[test]
    fn a_counted_folder_adds_a_column_of_numbers_a_tag_held_by_none_being_zero() {
        let l = Localizer::new(metadesk_base::i18n::Lang::En);
        let tags = [
            tag("ns:", "NS", None, None),
            tag("ns:summer", "Summer", None, None),
        ];
        let counts = BTreeMap::from([("ns:".to_owned(), 3)]);
        let counted = Some(CountColumn {
            folder: "/content/dam/a",
            counts: &counts,
        });
        let csv = String::from_utf8(taxonomy_csv(&l, &tags, counted).unwrap()).unwrap();
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
        assert_eq!(
            lines[0],
            "Tag ID,Title,Description,Assets in /content/dam/a"
        );
        assert_eq!(lines[1..], ["ns:,NS,,3", "ns:summer,Summer,,0"]);
        let xlsx = taxonomy_xlsx(&l, &tags, counted).unwrap();
        let rows = crate::workbook_rows("tags.xlsx", &xlsx).unwrap();
        assert_eq!(rows[1][3], "3");
    }
}
