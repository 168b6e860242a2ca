//! The sheet formats and every check of the file itself, on files built here.

use std::io::Read;

use rust_xlsxwriter::{Formula, Workbook};
use serde_json::json;

use super::checks::{outside_folder, several_values_for_one};
use super::testing::{OdsCell, french_excel_csv, ods, text};
use super::writing::{ExportColumn, ExportInfo, ExportRow, write_csv, write_xlsx};
use super::*;
use metadesk_base::i18n::Localizer;

/// `read_sheet`, with every problem worded in English (as a face words them before showing).
fn read_english(file_name: &str, bytes: &[u8]) -> metadesk_clients::error::Result<Sheet> {
    let mut sheet = read_sheet(file_name, bytes)?;
    sheet.localize(&Localizer::english());
    Ok(sheet)
}

fn info() -> ExportInfo {
    ExportInfo {
        connection: "Stage".into(),
        folder: "/content/dam/shots".into(),
        recursive: true,
        exported_at: "2026-11-22T10:00:00Z".into(),
    }
}

fn columns() -> Vec<ExportColumn> {
    vec![
        ExportColumn {
            property: "dc:title".into(),
            multi: false,
        },
        ExportColumn {
            property: "dc:subject".into(),
            multi: true,
        },
        ExportColumn {
            property: "photoshop:Headline".into(),
            multi: false,
        },
    ]
}

fn rows() -> Vec<ExportRow> {
    vec![
        ExportRow {
            path: "/content/dam/shots/a.jpg".into(),
            name: "a.jpg".into(),
            last_modified: Some("2026-11-20T09:00:00Z".into()),
            values: vec![
                Some(json!("Café | terrasse")),
                Some(json!(["été", "a|b", "C:\\x\\"])),
                None,
            ],
        },
        ExportRow {
            path: "/content/dam/shots/sub/b.jpg".into(),
            name: "b.jpg".into(),
            last_modified: Some("2026-11-20T09:00:00Z".into()),
            values: vec![Some(json!("B")), None, Some(json!("#CLEAR"))],
        },
    ]
}

fn set(values: &[&str]) -> CellValue {
    CellValue::Set(values.iter().map(|s| (*s).to_owned()).collect())
}

/// The cells of a row as (property, value).
fn cells_of(sheet: &Sheet, row: usize) -> Vec<(String, CellValue)> {
    sheet.rows[row]
        .cells
        .iter()
        .map(|c| (sheet.columns[c.column].property.clone(), c.value.clone()))
        .collect()
}

fn assert_exported_values(sheet: &Sheet) {
    assert_eq!(sheet.issues, vec![], "{:#?}", sheet.issues);
    assert_eq!(sheet.rows.len(), 2);
    assert_eq!(sheet.rows[0].number, 2);
    assert_eq!(sheet.rows[0].path, "/content/dam/shots/a.jpg");
    assert_eq!(
        sheet.rows[0].last_modified.as_deref(),
        Some("2026-11-20T09:00:00.000+00:00")
    );
    assert_eq!(
        cells_of(sheet, 0),
        vec![
            ("dc:title".into(), set(&["Café | terrasse"])),
            ("dc:subject".into(), set(&["été", "a|b", "C:\\x\\"])),
        ]
    );
    // Each exported value's code reads back, so an import tells a value changed in AEM since.
    let codes = metadesk_assets::fingerprint::ExportedCodes::parse(
        sheet.rows[0]
            .exported_codes
            .as_deref()
            .expect("the codes cell reads back"),
    )
    .unwrap();
    let exported = json!({"dc:title": "Café | terrasse", "dc:subject": ["été", "a|b", "C:\\x\\"]});
    let exported = exported.as_object().unwrap();
    let all = ["dc:title", "dc:subject", "photoshop:Headline"];
    assert_eq!(
        codes.changed(exported, all.into_iter()),
        Vec::<String>::new()
    );
    let mut theirs = exported.clone();
    theirs.insert("photoshop:Headline".into(), json!("Theirs"));
    assert_eq!(
        codes.changed(&theirs, all.into_iter()),
        vec!["photoshop:Headline"]
    );
    // A value that reads like the clear marker stays a value.
    assert_eq!(
        cells_of(sheet, 1),
        vec![
            ("dc:title".into(), set(&["B"])),
            ("photoshop:Headline".into(), set(&["#CLEAR"])),
        ]
    );
    let props: Vec<_> = sheet
        .columns
        .iter()
        .map(|c| (c.property.as_str(), c.multi))
        .collect();
    assert_eq!(
        props,
        vec![
            ("dc:title", Some(false)),
            ("dc:subject", Some(true)),
            ("photoshop:Headline", None)
        ]
    );
}

fn zip_entry(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = String::new();
    archive
        .by_name(name)
        .unwrap()
        .read_to_string(&mut out)
        .unwrap();
    out
}

#[test]
fn xlsx_round_trip_with_frozen_locked_header() {
    let bytes = write_xlsx(&Localizer::english(), &info(), &columns(), &rows()).unwrap();
    let sheet = read_english("shots.xlsx", &bytes).unwrap();
    assert_exported_values(&sheet);
    assert_eq!(sheet.source.format, "Excel workbook (.xlsx)");
    let fr = Localizer::new(metadesk_base::i18n::Lang::Fr);
    assert_eq!(
        sheet.source.format.localized(&fr),
        "classeur Excel (.xlsx)",
        "in the reader's language"
    );
    assert_eq!(sheet.source.dialect, Dialect::Metadesk);
    assert_eq!(sheet.exported_folder.as_deref(), Some("/content/dam/shots"));
    assert_eq!(
        sheet.columns[1].header,
        "Keywords (dc:subject) — values separated by |"
    );
    let xml = zip_entry(&bytes, "xl/worksheets/sheet1.xml");
    assert!(xml.contains("state=\"frozen\""), "header frozen");
    assert!(xml.contains("<sheetProtection"), "key columns protected");
    assert!(xml.contains("<autoFilter"), "filterable");
    assert!(xml.contains("<cols>"), "column widths set");
    // Property columns are unlocked (a cell format with locked="0"), key columns are not.
    let styles = zip_entry(&bytes, "xl/styles.xml");
    assert!(styles.contains("locked=\"0\""));
}

#[test]
fn csv_round_trip_is_utf8_with_bom() {
    let bytes = write_csv(&Localizer::english(), &columns(), &rows()).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBFPath (key),Name"));
    let sheet = read_english("shots.csv", &bytes).unwrap();
    assert_exported_values(&sheet);
    assert_eq!(sheet.source.format, "CSV, ','-separated, UTF-8");
}

/// A sheet exported from a French window is in French for the person who edits it in Excel,
/// and reads back whole whatever language the reader's window speaks (a sheet carries no
/// language of its own).
#[test]
fn a_sheet_exported_in_french_is_french_and_reads_back() {
    let fr = Localizer::new(metadesk_base::i18n::Lang::Fr);
    let csv = write_csv(&fr, &columns(), &rows()).unwrap();
    let text = String::from_utf8(csv[3..].to_vec()).unwrap();
    let header = text.lines().next().unwrap();
    assert_eq!(
        header,
        "Chemin (clé),Nom (non écrit),Dernière modification (ne pas changer),Titre (dc:title),\
         Mots-clés (dc:subject) — valeurs séparées par |,photoshop:Headline (photoshop:Headline),\
         Valeurs à l’export (ne pas changer)"
    );
    let sheet = read_english("photos.csv", &csv).unwrap();
    assert_eq!(sheet.issues, vec![]);
    assert_exported_values(&sheet);

    let xlsx = write_xlsx(&fr, &info(), &columns(), &rows()).unwrap();
    let book = zip_entry(&xlsx, "xl/workbook.xml");
    assert!(book.contains("name=\"Métadonnées\""), "{book}");
    assert!(book.contains("name=\"À propos de cet export\""), "{book}");
    // The About sheet's texts are shared strings (the data sheet writes its own inline).
    let about = zip_entry(&xlsx, "xl/sharedStrings.xml");
    for words in [
        "Dossier",
        "Sous-dossiers",
        "Cellule vide",
        "laisse la propriété telle quelle",
    ] {
        assert!(
            about.contains(words),
            "{words} not in the About sheet: {about}"
        );
    }
    let sheet = read_english("photos.xlsx", &xlsx).unwrap();
    assert_eq!(sheet.issues, vec![]);
    assert_exported_values(&sheet);
    // The About sheet, found under its French name, still says which folder was exported.
    assert_eq!(sheet.exported_folder.as_deref(), Some("/content/dam/shots"));
}

#[test]
fn a_tab_separated_sheet_says_so_in_each_language() {
    let bytes = b"Path\tdc:title\n/content/dam/shots/a.jpg\tSummer\n";
    let sheet = read_english("shots.tsv.csv", bytes).unwrap();
    assert_eq!(sheet.source.format, "CSV, tab-separated, UTF-8");
    let fr = Localizer::new(metadesk_base::i18n::Lang::Fr);
    assert_eq!(
        sheet.source.format.localized(&fr),
        "CSV séparé par des tabulations, UTF-8"
    );
}

#[test]
fn french_excel_csv_semicolons_and_windows_1252() {
    let bytes = french_excel_csv(&[
        vec!["Path (key)", "Titre (dc:title)", "Keywords (dc:subject)"],
        vec![
            "/content/dam/shots/a.jpg",
            "Crème brûlée; dessert",
            "été|hiver",
        ],
    ]);
    assert!(std::str::from_utf8(&bytes).is_err(), "really not UTF-8");
    let sheet = read_english("export.csv", &bytes).unwrap();
    assert_eq!(sheet.issues, vec![]);
    assert_eq!(sheet.source.format, "CSV, ';'-separated, Windows-1252");
    let fr = Localizer::new(metadesk_base::i18n::Lang::Fr);
    let words = sheet.source.format.localized(&fr);
    assert_eq!(words, "CSV séparé par «\u{a0};\u{a0}», Windows-1252");
    metadesk_base::i18n::checks::assert_reads_french(&words);
    assert_eq!(
        cells_of(&sheet, 0),
        vec![
            ("dc:title".into(), set(&["Crème brûlée; dessert"])),
            ("dc:subject".into(), set(&["été", "hiver"])),
        ]
    );
}

#[test]
fn aem_metadata_export_csv() {
    // Adobe's 6.5 sample (abridged), with its typed headers and quoted multi-value cell.
    let csv = "assetPath,dc:title{{String}},photoshop:DateCreated{{Date}},dc:subject{{String: multi }},commerce:positions{{Number: multi}},xmp:Rating {{Long}}\n\
/content/dam/we-retail/volleyball.jpeg,Volleyball Serve,2007-10-09T19:57:59.000-07:00,\"game,competition|game|sport\",1|2,5\n\
/content/dam/we-retail/b.jpeg,,2007-10-09T19:57:59-07:00,,,\n";
    let sheet = read_english("metadata.csv", csv.as_bytes()).unwrap();
    assert_eq!(sheet.issues, vec![]);
    assert_eq!(sheet.source.dialect, Dialect::Aem);
    assert_eq!(
        cells_of(&sheet, 0),
        vec![
            ("dc:title".into(), set(&["Volleyball Serve"])),
            (
                "photoshop:DateCreated".into(),
                set(&["2007-10-09T19:57:59.000-07:00"])
            ),
            (
                "dc:subject".into(),
                set(&["game,competition", "game", "sport"])
            ),
            ("commerce:positions".into(), set(&["1", "2"])),
            ("xmp:Rating".into(), set(&["5"])),
        ]
    );
    // AEM exports dates without milliseconds; they are sent in the form AEM imports.
    assert_eq!(
        cells_of(&sheet, 1),
        vec![(
            "photoshop:DateCreated".into(),
            set(&["2007-10-09T19:57:59.000-07:00"])
        )]
    );
}

#[test]
fn libreoffice_ods_with_a_formula() {
    let bytes = ods(&[
        vec![
            text("Path"),
            text("Title (dc:title)"),
            text("Keywords (dc:subject)"),
        ],
        vec![
            text("/content/dam/shots/a.jpg"),
            OdsCell {
                text: "SUMMER",
                formula: Some("=UPPER(\"summer\")"),
            },
            text("a|b"),
        ],
        vec![text(""), text(""), text("")],
        vec![text("/content/dam/shots/b.jpg"), text(""), text("#clear")],
    ]);
    let sheet = read_english("shots.ods", &bytes).unwrap();
    assert_eq!(sheet.source.format, "OpenDocument spreadsheet (.ods)");
    assert_eq!(
        cells_of(&sheet, 0),
        vec![
            ("dc:title".into(), set(&["SUMMER"])),
            ("dc:subject".into(), set(&["a", "b"])),
        ]
    );
    assert_eq!(
        sheet.rows[1].number, 4,
        "rows numbered as the program shows them"
    );
    assert_eq!(
        cells_of(&sheet, 1),
        vec![("dc:subject".into(), CellValue::Clear)]
    );
    assert_eq!(sheet.issues.len(), 1, "{:#?}", sheet.issues);
    let issue = &sheet.issues[0];
    assert_eq!(issue.severity, Severity::Warning);
    assert!(
        issue
            .message
            .starts_with("Row 2, column B (Title (dc:title)): the cell holds the formula")
            && issue.message.contains("UPPER")
            && issue.message.contains("its shown value \"SUMMER\" is used"),
        "{}",
        issue.message
    );
}

#[test]
fn xlsx_formula_uses_the_shown_value_and_says_so() {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.write_string(0, 0, "assetPath").unwrap();
    ws.write_string(0, 1, "dc:title").unwrap();
    ws.write_string(1, 0, "/content/dam/a.jpg").unwrap();
    ws.write_formula(1, 1, Formula::new("=CONCAT(\"a\",\"b\")").set_result("ab"))
        .unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let sheet = read_english("a.xlsx", &bytes).unwrap();
    assert_eq!(cells_of(&sheet, 0), vec![("dc:title".into(), set(&["ab"]))]);
    assert_eq!(sheet.issues.len(), 1);
    assert!(
        sheet.issues[0].message.contains("CONCAT"),
        "{:?}",
        sheet.issues
    );
    assert!(!sheet.has_errors());
}

/// A CSV sheet's issues as (severity, message).
fn issues_of(csv: &str) -> Vec<(Severity, String)> {
    read_english("s.csv", csv.as_bytes())
        .unwrap()
        .issues
        .into_iter()
        .map(|i| (i.severity, i.message))
        .collect()
}

fn one_error(csv: &str) -> String {
    let issues = issues_of(csv);
    assert_eq!(issues.len(), 1, "{issues:#?}");
    assert_eq!(issues[0].0, Severity::Error, "{issues:#?}");
    issues[0].1.clone()
}

#[test]
fn several_values_in_a_one_value_field() {
    let m = one_error("Path,Title (dc:title)\n/content/dam/a.jpg,a|b\n");
    assert_eq!(
        m,
        "Row 2, column B (Title (dc:title)): dc:title holds one value, but the cell has 2 \
         separated by |; keep one, or write \\| for a | that belongs to the text."
    );
    // Escaped, the same text is one value.
    assert_eq!(
        issues_of("Path,Title (dc:title)\n/content/dam/a.jpg,a\\|b\n"),
        vec![]
    );
}

#[test]
fn value_too_long() {
    let long = "x".repeat(MAX_VALUE_CHARS + 1);
    let m = one_error(&format!("Path,dc:description\n/content/dam/a.jpg,{long}\n"));
    assert!(
        m.starts_with("Row 2, column B (dc:description): the value is 10,001 characters long")
            && m.ends_with("shorten it."),
        "{m}"
    );
}

#[test]
fn dates_that_do_not_parse() {
    let m = one_error("Path,Expires (prism:expirationDate)\n/content/dam/a.jpg,26/03/2026\n");
    assert_eq!(
        m,
        "Row 2, column B (Expires (prism:expirationDate)): \"26/03/2026\" is not a date \
         Metadesk can read; write it as 2026-03-26 or 2026-03-26T11:26:00+01:00 \
         (year-month-day)."
    );
    assert_eq!(parsing::parse_date("2026-02-30"), None);
    assert_eq!(
        parsing::parse_date("2026-03-26").as_deref(),
        Some("2026-03-26T00:00:00.000+00:00")
    );
    assert_eq!(
        parsing::parse_date("2026-03-26 11:26+0100").as_deref(),
        Some("2026-03-26T11:26:00.000+01:00")
    );
}

#[test]
fn numbers_and_booleans_in_typed_columns() {
    let issues = issues_of(
        "assetPath,xmp:Rating{{Long}},a:b{{Double}},c:d{{Boolean}}\n/content/dam/a.jpg,five,\"3,5\",maybe\n",
    );
    let messages: Vec<_> = issues.iter().map(|(_, m)| m.as_str()).collect();
    assert_eq!(
        messages,
        vec![
            "Row 2, column B (xmp:Rating{{Long}}): \"five\" is not a whole number; write digits only, e.g. 42.",
            "Row 2, column D (c:d{{Boolean}}): \"maybe\" is not true or false; write true or false.",
        ]
    );
}

#[test]
fn unknown_and_malformed_headers() {
    let issues = issues_of(
        "Path,Notes,dc:title {{Strng}},Title (dc:title),dc:title,,Keywords\n/content/dam/a.jpg,x,y,z,w,v,k\n",
    );
    let messages: Vec<_> = issues.iter().map(|(_, m)| m.as_str()).collect();
    assert_eq!(
        messages,
        vec![
            "Row 1, column B (Notes): The header \"Notes\" names no property; write it as Words (prefix:name), e.g. Title (dc:title), or delete the column.",
            "Row 1, column C (dc:title {{Strng}}): The header \"dc:title {{Strng}}\" has the type \"strng\", which AEM does not know (String, Date, Long, Double, Decimal, Boolean); AEM’s form is name {{Type}} or name {{Type: multi}}, e.g. dc:subject {{String: multi}}.",
            "Row 1, column E (dc:title): dc:title already has column D; keep one column per property.",
            "Row 1, column G (Keywords): The header \"Keywords\" names no property; write it as Words (prefix:name), e.g. Title (dc:title), or delete the column.",
            "Row 1, column F: the column has values (from row 2) but no header; name the property in row 1, e.g. Title (dc:title), or delete the column.",
        ]
    );
    let sheet = read_english("s.csv", b"Path,Notes\n/content/dam/a.jpg,x\n").unwrap();
    assert!(
        sheet.has_sheet_errors(),
        "skipping rows does not get past a bad header"
    );
}

#[test]
fn duplicated_assets_and_paths_outside_the_dam() {
    let sheet = read_english(
        "s.csv",
        b"Path,dc:title\n/content/dam/a.jpg,x\n/content/dam/b.jpg,y\n/content/dam/a.jpg/,z\n/etc/a.jpg,q\n,w\n\
          /content/dam/wknd/../a.jpg,v\n/content/dam//b.jpg,u\n/content/dam/./c.jpg,t\n/content/dam,s\n",
    )
    .unwrap();
    let messages: Vec<_> = sheet.issues.iter().map(|i| i.message.as_str()).collect();
    assert_eq!(
        messages,
        vec![
            "Row 4, column A (Path): /content/dam/a.jpg is already on row 2; keep one row per asset (merge the two rows’ values into one and delete the other).",
            "Row 5, column A (Path): “/etc/a.jpg” is not in the DAM (asset paths start with /content/dam/)",
            "Row 6, column A (Path): the row has values but no asset path; fill in the path (e.g. /content/dam/folder/photo.jpg) or delete the row.",
            "Row 7, column A (Path): “/content/dam/wknd/../a.jpg” has a . or .. segment: AEM would resolve it to another node, so it is not used; write the asset’s path as AEM shows it",
            "Row 8, column A (Path): “/content/dam//b.jpg” has an empty segment (//): write the asset’s path as AEM shows it",
            "Row 9, column A (Path): “/content/dam/./c.jpg” has a . or .. segment: AEM would resolve it to another node, so it is not used; write the asset’s path as AEM shows it",
            "Row 10, column A (Path): /content/dam is the DAM root, not an asset",
        ]
    );
    assert_eq!(sheet.rows.len(), 2, "rows in error carry no edit");
    assert_eq!(
        sheet.rows_in_error().into_iter().collect::<Vec<_>>(),
        vec![4, 5, 6, 7, 8, 9, 10]
    );
    assert!(!sheet.has_sheet_errors());
}

/// A path cell holding a tab (`.\t.`, which a URL would read as `..`) or a line break is
/// refused, the character shown as an escape (a file holding other control characters is no
/// sheet at all): seen failing without `controls_shown`, the
/// message held the tab itself, which reads as a space.
#[test]
fn a_path_with_a_control_character_is_refused_and_shown() {
    let sheet = read_english(
        "s.csv",
        b"Path,dc:title\n\"/content/dam/a/.\t./b.jpg\",x\n\"/content/dam/c\r.jpg\",y\n/content/dam/ok.jpg,z\n",
    )
    .unwrap();
    let messages: Vec<_> = sheet.issues.iter().map(|i| i.message.as_str()).collect();
    assert_eq!(
        messages,
        vec![
            "Row 2, column A (Path): “/content/dam/a/.\\t./b.jpg” holds a control character (a line break or a tab): write the asset’s path as AEM shows it",
            "Row 3, column A (Path): “/content/dam/c\\r.jpg” holds a control character (a line break or a tab): write the asset’s path as AEM shows it",
        ]
    );
    assert_eq!(sheet.rows.len(), 1, "rows in error carry no edit");
}

#[test]
fn empty_cells_leave_values_and_the_marker_clears() {
    let sheet = read_english(
        "s.csv",
        b"Path,dc:title,Keywords (dc:subject)\n/content/dam/a.jpg,,#CLEAR\n/content/dam/b.jpg,  ,\n",
    )
    .unwrap();
    assert_eq!(
        cells_of(&sheet, 0),
        vec![("dc:subject".into(), CellValue::Clear)]
    );
    assert_eq!(cells_of(&sheet, 1), vec![]);
}

#[test]
fn files_that_are_not_sheets() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    let err = |name: &str, bytes: &[u8]| read_english(name, bytes).unwrap_err().to_string();
    assert!(
        err("photo.png", png).contains("photo.png is not a sheet"),
        "{}",
        err("photo.png", png)
    );
    assert!(err("empty.csv", b"").contains("empty.csv is empty"));
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("readme.txt", zip::write::SimpleFileOptions::default())
        .unwrap();
    let not_book = zip.finish().unwrap().into_inner();
    assert!(
        err("archive.xlsx", &not_book).contains("archive.xlsx is not a workbook Metadesk can read"),
        "{}",
        err("archive.xlsx", &not_book)
    );
    assert!(
        err("notes.csv", b"Title,Keywords\nx,y\n").contains("notes.csv has no path column"),
        "{}",
        err("notes.csv", b"Title,Keywords\nx,y\n")
    );
    assert!(err("blank.csv", b"\n\n").contains("nothing in its first row"));
}

#[test]
fn a_changed_last_modified_cell_is_said() {
    let issues =
        issues_of("Path,Last modified (do not change),dc:title\n/content/dam/a.jpg,yesterday,x\n");
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].0, Severity::Warning);
    assert!(issues[0].1.starts_with("Row 2, column B (Last modified (do not change)): \"yesterday\" is not the time Metadesk exported"));
}

/// A values cell typed over is said, and the row is still read, without codes (the import
/// cannot tell a colleague's change for it); an empty one says nothing.
#[test]
fn a_changed_values_cell_is_said() {
    let text = "Path,dc:title,Values when exported (do not change)\n\
                /content/dam/a.jpg,x,dc:title=not-a-code\n\
                /content/dam/b.jpg,y,\n";
    let issues = issues_of(text);
    assert_eq!(issues.len(), 1, "{issues:?}");
    assert_eq!(issues[0].0, Severity::Warning);
    assert!(
        issues[0].1.starts_with(
            "Row 2, column C (Values when exported (do not change)): This row's exported values are not as Metadesk wrote them"
        ),
        "{}",
        issues[0].1
    );
    let sheet = read_english("s.csv", text.as_bytes()).unwrap();
    assert_eq!(sheet.rows.len(), 2);
    assert!(sheet.rows.iter().all(|r| r.exported_codes.is_none()));
}

#[test]
fn checks_against_aem() {
    let sheet = read_english(
        "s.csv",
        b"Path,dc:title,photoshop:Headline,xmp:Label\n\
/content/dam/shots/a.jpg,x,one|two,red|green\n\
/content/dam/other/b.jpg,y,one,\n",
    )
    .unwrap();
    assert_eq!(sheet.issues, vec![]);
    let (a, b) = (&sheet.rows[0], &sheet.rows[1]);
    assert_eq!(outside_folder(a, "/content/dam/shots/"), None);
    assert_eq!(
        outside_folder(b, "/content/dam/shots")
            .unwrap()
            .worded(&Localizer::english()),
        "Row 3: /content/dam/other/b.jpg is outside the exported folder /content/dam/shots; it \
         will be changed too. Delete the row if that is not meant."
    );
    // AEM holds one Headline on a.jpg, and no Label (that one becomes a list).
    let mut issues = several_values_for_one(&sheet, a, |p| p == "photoshop:Headline");
    issues
        .iter_mut()
        .for_each(|i| i.localize(&Localizer::english()));
    let messages: Vec<_> = issues
        .iter()
        .map(|i| (i.severity, i.column.as_deref(), i.message.as_str()))
        .collect();
    assert_eq!(
        messages,
        vec![(
            Severity::Error,
            Some("C (photoshop:Headline)"),
            "Row 2, column C (photoshop:Headline): photoshop:Headline holds one value in AEM, \
             but the cell has 2 separated by |; keep one, or write \\| for a | that belongs to \
             the text. Nothing is written for this row."
        )]
    );
    assert_eq!(several_values_for_one(&sheet, b, |_| true), vec![]);
}

#[test]
fn sheet_files_are_told_from_credentials_by_their_ending() {
    for name in [
        "shots.xlsx",
        "Shots.XLSX",
        "old.xls",
        "lo.ods",
        "fr.csv",
        "m.xlsm",
    ] {
        assert!(is_sheet_file_name(name), "{name}");
    }
    for name in ["service.json", "csv", "notes.txt", "archive.xlsx.zip", ""] {
        assert!(!is_sheet_file_name(name), "{name}");
    }
}

/// Words that only English sentences have (the French catalogue never uses them).
const ENGLISH_WORDS: &[&str] = &[
    " the ", " is ", " has ", " row ", "Row ", " column ", " write ", " delete ", " keep ",
];

#[test]
fn the_problems_of_a_sheet_are_worded_in_french() {
    let mut sheet = read_english(
        "s.csv",
        "Path,Notes,dc:title {{Strng}},Title (dc:title),Title (dc:title),Count (xmp:Count),\
         Modified (dc:date)\n\
         /content/dam/a.jpg,x,,a,,douze,2026-13-45\n\
         /content/dam/a.jpg,,,,,,\n\
         /etc/b.jpg,,,c,,,\n\
         ,,,d,,,\n"
            .as_bytes(),
    )
    .unwrap();
    let fr = metadesk_base::i18n::Localizer::new(metadesk_base::i18n::Lang::Fr);
    sheet.localize(&fr);
    sheet
        .issues
        .extend(outside_folder(&sheet.rows[0], "/content/dam/other"));
    sheet.issues.last_mut().unwrap().localize(&fr);
    let messages: Vec<&str> = sheet.issues.iter().map(|i| i.message.as_str()).collect();
    assert!(messages.len() >= 6, "{messages:#?}");
    for m in &messages {
        assert!(m.starts_with("Ligne "), "{m}");
        for word in ENGLISH_WORDS {
            assert!(!m.contains(word), "English «{word}» in: {m}");
        }
        // French typography: a no-break space before the colon after the place.
        assert!(!m.contains(" :") && !m.contains(" ;"), "{m}");
    }
    assert!(
        messages.contains(
            &"Ligne 3, colonne A (Path)\u{a0}: /content/dam/a.jpg figure déjà en ligne 2\u{202f}; \
              gardez une ligne par ressource (réunissez les valeurs des deux lignes en une et \
              supprimez l’autre)."
        ),
        "{messages:#?}"
    );
    // The English words stay what the log and an English window show.
    let mut en = sheet.issues[0].clone();
    en.localize(&metadesk_base::i18n::Localizer::english());
    assert!(
        en.message
            .starts_with("Row 1, column B (Notes): The header"),
        "{}",
        en.message
    );
}

#[test]
fn a_file_that_is_not_a_sheet_is_refused_in_french() {
    let fr = metadesk_base::i18n::Localizer::new(metadesk_base::i18n::Lang::Fr);
    let e = read_english("notes.csv", b"").unwrap_err();
    assert_eq!(e.localized(&fr), "notes.csv est vide.");
    let e = read_english("a.csv", b",,\nx\n").unwrap_err();
    assert!(
        e.localized(&fr)
            .starts_with("La première ligne de a.csv est vide. Elle nomme les colonnes\u{a0}:"),
        "{}",
        e.localized(&fr)
    );
    let e = read_english("b.csv", b"Title (dc:title)\nx\n").unwrap_err();
    assert!(
        e.localized(&fr)
            .starts_with("b.csv n’a pas de colonne de chemin\u{a0}:"),
        "{}",
        e.localized(&fr)
    );
}
