//! A taxonomy sheet read back (`tags import`): the rows `taxonomy.rs` writes, whatever language
//! its headers are in (`Tag ID`, `ID de la balise`) or AEM's own property names (`jcr:title.fr`),
//! in any case; columns it does not know (a count, a note) are left alone.
//!
//! Not here: what the rows change in AEM (`metadesk_core::app::taxonomy_import`).

use std::collections::BTreeMap;

use metadesk_assets::tag_names::check_tag_property;
use metadesk_base::i18n::{Lang, Localizer, Text, controls_shown};
use metadesk_base::spreadsheet::text_of_spreadsheet_cell;

use super::reading::read_grid;
use super::{budget, headers, said};

/// One row of a taxonomy sheet, its cells trimmed; an empty cell is `None` (it changes nothing).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TaxonomyRow {
    /// The row's number as the spreadsheet shows it (the header is row 1).
    pub row: usize,
    pub id: Option<String>,
    pub title: Option<String>,
    /// Titles by AEM's locale name (`fr`, `pt_br`).
    pub titles: BTreeMap<String, String>,
    pub description: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Column {
    Id,
    Title,
    TitleIn(String),
    Description,
}

/// A header's words compared without case or surrounding spaces.
fn key(text: &str) -> String {
    text.trim().to_lowercase()
}

/// What a header names, in any language Metadesk speaks or as AEM's property; `None` for a
/// column left alone. `Err` why for a header that names a property Metadesk does not write: a
/// title in a language that is none (`Title (fr/..)`, `jcr:title.x`), or another AEM property
/// (`jcr:primaryType`, `:operation`), which the import would otherwise silently skip.
fn column_of(header: &str) -> Result<Option<Column>, Text> {
    let h = key(header);
    let words: Vec<Localizer> = Lang::ALL.into_iter().map(Localizer::new).collect();
    let said = |id: &str| words.iter().any(|l| key(&l.text(id)) == h);
    if said("sheet-tags-id") || ["id", "tag", "tag id", "tagid"].contains(&h.as_str()) {
        return Ok(Some(Column::Id));
    }
    if said("sheet-tags-title") || h == "jcr:title" || h == "title" {
        return Ok(Some(Column::Title));
    }
    if said("sheet-tags-description") || h == "jcr:description" || h == "description" {
        return Ok(Some(Column::Description));
    }
    let lang = h.strip_prefix("jcr:title.").map(str::to_owned).or_else(|| {
        let (before, lang) = h.strip_suffix(')')?.rsplit_once('(')?;
        let before = key(before);
        let titled = before == "title"
            || words
                .iter()
                .any(|l| key(&l.text("sheet-tags-title")) == before);
        titled.then(|| lang.trim().to_owned())
    });
    match lang {
        Some(lang) => {
            // AEM's locale names: `pt_br`, as a person may type `pt-BR`.
            let lang = lang.replace('-', "_");
            check_tag_property(&format!("jcr:title.{lang}"))?;
            Ok(Some(Column::TitleIn(lang)))
        }
        // A property name (`ns:name`, `:operation`), not words such as a count's header.
        None if h.contains(':') && !h.ends_with(':') && !h.contains(char::is_whitespace) => {
            check_tag_property(header.trim()).map(|()| None)
        }
        None => Ok(None),
    }
}

/// The rows of a taxonomy sheet (its first worksheet), or why it cannot be read: not a sheet,
/// no tag id column, the same column twice, or no row at all.
pub fn read_taxonomy(file_name: &str, bytes: &[u8]) -> Result<Vec<TaxonomyRow>, Text> {
    let about = headers::ExportWords::of_every_language().about_sheet;
    let grid = read_grid(file_name, bytes, &about, budget::LIST_BUDGET)?;
    let mut rows = grid.rows.into_iter();
    let header = rows.next().unwrap_or_default();
    let mut columns: Vec<(usize, Column)> = Vec::new();
    for (i, cell) in header.iter().enumerate() {
        let column = column_of(&cell.text).map_err(|problem| {
            Text::new(
                "error-tags-sheet-bad-header",
                vec![
                    ("file", file_name.into()),
                    ("header", controls_shown(cell.text.trim()).into()),
                    ("problem", problem.into()),
                ],
            )
        })?;
        let Some(column) = column else {
            continue;
        };
        if columns.iter().any(|(_, c)| *c == column) {
            return Err(said(
                "error-tags-sheet-same-column",
                vec![
                    ("file", file_name.into()),
                    ("header", cell.text.trim().into()),
                ],
            ));
        }
        columns.push((i, column));
    }
    if !columns.iter().any(|(_, c)| *c == Column::Id) {
        return Err(said(
            "error-tags-sheet-no-id",
            vec![("file", file_name.into())],
        ));
    }
    let mut out = Vec::new();
    for (n, cells) in rows.enumerate() {
        let mut row = TaxonomyRow {
            row: n + 2,
            ..TaxonomyRow::default()
        };
        for (i, column) in &columns {
            let raw = cells.get(*i).map(|c| c.text.as_str()).unwrap_or_default();
            // Metadesk's guard against formulas goes, in every format (an older workbook
            // export's `'` too).
            let raw = text_of_spreadsheet_cell(raw);
            let value = Some(raw.trim().to_owned()).filter(|v| !v.is_empty());
            let Some(value) = value else { continue };
            match column {
                Column::Id => row.id = Some(value),
                Column::Title => row.title = Some(value),
                Column::TitleIn(lang) => {
                    row.titles.insert(lang.clone(), value);
                }
                Column::Description => row.description = Some(value),
            }
        }
        let empty = row.id.is_none()
            && row.title.is_none()
            && row.titles.is_empty()
            && row.description.is_none();
        if !empty {
            out.push(row);
        }
    }
    if out.is_empty() {
        return Err(said(
            "error-tags-sheet-no-rows",
            vec![("file", file_name.into())],
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use metadesk_base::spreadsheet::workbook_text;

    #[test]
    fn headers_in_either_language_or_as_aem_names_them() {
        let csv = "\u{feff}ID de la balise,Titre,Titre (fr),jcr:title.PT-BR,Count,DESCRIPTION\n\
                   ns:a,A,Ä,Á,3,'=June\n,,,,,\nns:b,,,,,\n";
        let rows = read_taxonomy("t.csv", csv.as_bytes()).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].row, 2);
        assert_eq!(rows[0].id.as_deref(), Some("ns:a"));
        assert_eq!(rows[0].titles["fr"], "Ä");
        assert_eq!(rows[0].titles["pt_br"], "Á");
        assert_eq!(rows[0].description.as_deref(), Some("=June"));
        assert_eq!((rows[1].row, rows[1].title.as_deref()), (4, None));
    }

    /// Exported and read back unchanged, in every format, the values are AEM's exactly. Seen
    /// failing before the workbook rule: the `.xlsx` read `'-30% off in July` back.
    #[test]
    fn formula_looking_values_read_back_exactly_in_every_format() {
        use crate::taxonomy::{taxonomy_csv, taxonomy_xlsx};
        use crate::testing::{ods, text};
        use metadesk_assets::tags::Tag;
        let l = Localizer::english();
        let values = ["-30% off in July", "=Été", "'=typed", "@home", "+1"];
        let tags: Vec<Tag> = values
            .iter()
            .enumerate()
            .map(|(i, v)| Tag {
                id: format!("ns:t{i}"),
                title: (*v).to_owned(),
                trail: String::new(),
                titles: BTreeMap::from([("fr".to_owned(), (*v).to_owned())]),
                description: Some((*v).to_owned()),
                published: false,
            })
            .collect();
        let check = |name: &str, rows: Vec<TaxonomyRow>| {
            for (row, v) in rows.iter().zip(values) {
                assert_eq!(row.title.as_deref(), Some(v), "{name}");
                assert_eq!(row.titles["fr"], v, "{name}");
                assert_eq!(row.description.as_deref(), Some(v), "{name}");
            }
        };
        let xlsx = taxonomy_xlsx(&l, &tags, None).unwrap();
        check("t.xlsx", read_taxonomy("t.xlsx", &xlsx).unwrap());
        let csv = taxonomy_csv(&l, &tags, None).unwrap();
        check("t.csv", read_taxonomy("t.csv", &csv).unwrap());
        // As LibreOffice saves the workbook: each cell's text as it shows it.
        let mut grid = vec![vec![
            text("Tag ID"),
            text("Title"),
            text("Title (fr)"),
            text("Description"),
        ]];
        let ids: Vec<String> = (0..values.len()).map(|i| format!("ns:t{i}")).collect();
        let shown: Vec<String> = values.iter().map(|v| workbook_text(v).text).collect();
        for (id, v) in ids.iter().zip(&shown) {
            grid.push(vec![text(id), text(v), text(v), text(v)]);
        }
        check("t.ods", read_taxonomy("t.ods", &ods(&grid)).unwrap());
    }

    /// A header naming a property Metadesk does not write is refused, naming it and why;
    /// words it does not know (a count, a note) are left alone. Seen failing before the check:
    /// `Title (fr/..)` and `:operation` were skipped without a word, `jcr:title.x` read.
    #[test]
    fn a_header_naming_another_property_or_no_language_is_refused() {
        let l = Localizer::english();
        for (header, said) in [
            ("jcr:title.x", "“x” is not a language code"),
            ("Title (fr/..)", "“fr/..” is not a language code"),
            ("jcr:title.fr.x", "is not a language code"),
            (":operation", "only a tag’s title"),
            ("jcr:primaryType", "only a tag’s title"),
        ] {
            let csv = format!("Tag ID,{header}\nns:a,x\n");
            let why = read_taxonomy("t.csv", csv.as_bytes())
                .unwrap_err()
                .localized(&l);
            assert!(
                why.contains(&format!("t.csv, column “{header}”")) && why.contains(said),
                "{header}: {why}"
            );
        }
        let fine = "Tag ID,Assets in /content/dam/a:b,Note:,Notes\nns:a,3,x,y\n";
        assert_eq!(read_taxonomy("t.csv", fine.as_bytes()).unwrap().len(), 1);
    }

    #[test]
    fn a_sheet_without_ids_or_rows_is_refused_in_words() {
        let l = Localizer::english();
        let no_id = read_taxonomy("t.csv", b"Title,Description\nA,B\n").unwrap_err();
        let said = no_id.localized(&l);
        assert!(said.contains("t.csv") && said.contains("Tag ID"), "{said}");
        assert!(read_taxonomy("t.csv", b"Tag ID,Title\n").is_err());
        assert!(read_taxonomy("t.csv", b"Tag ID,Title,title\nx:a,A,B\n").is_err());
        assert!(read_taxonomy("t.csv", b"").is_err());
    }
}
