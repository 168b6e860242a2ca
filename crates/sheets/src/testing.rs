//! Builders of sheets as other programs save them, for tests here and in other crates:
//! an `.ods` as LibreOffice writes it (built with `zip`, nothing committed), a CSV as French
//! Excel writes it (`;`, Windows-1252, no BOM).

use std::io::Write;

/// One cell of a hand-built `.ods`: its shown text and, optionally, its formula.
pub struct OdsCell<'a> {
    pub text: &'a str,
    pub formula: Option<&'a str>,
}

pub fn text(text: &str) -> OdsCell<'_> {
    OdsCell {
        text,
        formula: None,
    }
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// An OpenDocument spreadsheet with one sheet holding `rows`, laid out as LibreOffice Calc
/// saves it (mimetype first and stored, `content.xml` with `table:table-row`s).
pub fn ods(rows: &[Vec<OdsCell<'_>>]) -> Vec<u8> {
    let mut body = String::new();
    for row in rows {
        body.push_str("<table:table-row>");
        for cell in row {
            if cell.text.is_empty() && cell.formula.is_none() {
                body.push_str("<table:table-cell/>");
                continue;
            }
            let formula = cell
                .formula
                .map(|f| format!(" table:formula=\"of:{}\"", xml_escape(f)))
                .unwrap_or_default();
            body.push_str(&format!(
                "<table:table-cell office:value-type=\"string\" calcext:value-type=\"string\"{formula}><text:p>{}</text:p></table:table-cell>",
                xml_escape(cell.text)
            ));
        }
        body.push_str("</table:table-row>");
    }
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" office:version="1.3"><office:body><office:spreadsheet><table:table table:name="Sheet1">{body}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut out);
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        let deflated = zip::write::SimpleFileOptions::default();
        let parts: [(&str, &[u8], zip::write::SimpleFileOptions); 3] = [
            (
                "mimetype",
                b"application/vnd.oasis.opendocument.spreadsheet",
                stored,
            ),
            ("META-INF/manifest.xml", manifest.as_bytes(), deflated),
            ("content.xml", content.as_bytes(), deflated),
        ];
        for (name, bytes, options) in parts {
            // Writing to memory cannot fail short of running out of it.
            #[allow(clippy::unwrap_used)]
            {
                zip.start_file(name, options).unwrap();
                zip.write_all(bytes).unwrap();
            }
        }
        #[allow(clippy::unwrap_used)]
        zip.finish().unwrap();
    }
    out.into_inner()
}

/// A CSV as French Excel saves "CSV (séparateur: point-virgule)": `;`-separated, CRLF,
/// Windows-1252 without BOM. Cells are quoted when they hold `;`, `"` or a line break.
pub fn french_excel_csv(rows: &[Vec<&str>]) -> Vec<u8> {
    let mut text = String::new();
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .map(|c| {
                if c.contains([';', '"', '\n', '\r']) {
                    format!("\"{}\"", c.replace('"', "\"\""))
                } else {
                    (*c).to_owned()
                }
            })
            .collect();
        text.push_str(&cells.join(";"));
        text.push_str("\r\n");
    }
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text);
    assert!(!unmappable, "the test text must fit Windows-1252");
    bytes.into_owned()
}

/// A zip of `parts` (name, bytes), deflated as workbooks are (a `mimetype` stored, first, as
/// OpenDocument requires).
pub fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut out);
        let deflated = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(false);
        // Writing to memory cannot fail short of running out of it.
        #[allow(clippy::unwrap_used)]
        for (name, bytes) in parts {
            let options = if *name == "mimetype" {
                deflated.compression_method(zip::CompressionMethod::Stored)
            } else {
                deflated
            };
            zip.start_file(*name, options).unwrap();
            zip.write_all(bytes).unwrap();
        }
        #[allow(clippy::unwrap_used)]
        zip.finish().unwrap();
    }
    out.into_inner()
}

/// A minimal `.xlsx` as a person could craft it: one worksheet whose XML is `sheet_data` (the
/// inside of `<worksheet>`), and `shared_strings` as `xl/sharedStrings.xml` when given.
pub fn crafted_xlsx(sheet_data: &str, shared_strings: Option<&str>) -> Vec<u8> {
    let types = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#;
    let rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
    let book = r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
    let book_rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#;
    let sheet = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{sheet_data}</worksheet>"#
    );
    let mut parts: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", types.as_bytes()),
        ("_rels/.rels", rels.as_bytes()),
        ("xl/workbook.xml", book.as_bytes()),
        ("xl/_rels/workbook.xml.rels", book_rels.as_bytes()),
        ("xl/worksheets/sheet1.xml", sheet.as_bytes()),
    ];
    let strings;
    if let Some(inner) = shared_strings {
        strings = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{inner}</sst>"#
        );
        parts.push(("xl/sharedStrings.xml", strings.as_bytes()));
    }
    zip_of(&parts)
}

/// The 1.5 KB workbook that asked the reader for 512 GiB: only cells A1 and XFD1048576.
pub fn two_far_cells_xlsx() -> Vec<u8> {
    crafted_xlsx(
        r#"<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Path</t></is></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>"#,
        None,
    )
}

/// The text of one part of a workbook (`xl/worksheets/sheet1.xml`), for tests that check what
/// calamine does not read (data validations, formats); empty when the workbook has no such
/// part.
pub fn xlsx_part(workbook: &[u8], name: &str) -> String {
    use std::io::Read;
    let mut text = String::new();
    if let Ok(mut zip) = zip::ZipArchive::new(std::io::Cursor::new(workbook))
        && let Ok(mut part) = zip.by_name(name)
        && part.read_to_string(&mut text).is_err()
    {
        text.clear();
    }
    text
}
