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
