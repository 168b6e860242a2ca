//! The sheet and list readers under fuzzing: real `.xlsx`, `.ods` and `.csv` files mutated at
//! the byte level, and at the level of their XML (every number in a worksheet — cell
//! references, row numbers, repeat counts, the declared dimension — replaced by another,
//! small or huge), through [`read_sheet`] and [`workbook_rows`]. Whatever the input: no panic,
//! no abort (an allocation the size of a crafted grid would abort the test process), and a
//! file over the cell budget is refused before it is built, so memory stays bounded.
//!
//! The default run is brief (`FUZZ_DEFAULT_CASES` per property, some seconds); set
//! `PROPTEST_CASES` for a longer one, e.g.
//! `PROPTEST_CASES=20000 cargo test -p metadesk-sheets --lib fuzz`.

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::json;

use super::testing::{OdsCell, crafted_xlsx, ods, zip_of};
use super::writing::{ExportColumn, ExportInfo, ExportRow, write_csv, write_xlsx};
use super::*;
use metadesk_base::i18n::Localizer;

/// Cases per property when `PROPTEST_CASES` is not set.
const FUZZ_DEFAULT_CASES: u32 = 64;

fn runner() -> TestRunner {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(FUZZ_DEFAULT_CASES);
    TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    })
}

fn export() -> (Vec<ExportColumn>, Vec<ExportRow>) {
    let columns = vec![
        ExportColumn {
            property: "dc:title".into(),
            multi: false,
        },
        ExportColumn {
            property: "dc:subject".into(),
            multi: true,
        },
    ];
    let rows = (0..5)
        .map(|i| ExportRow {
            path: format!("/content/dam/f/{i}.jpg"),
            name: format!("{i}.jpg"),
            last_modified: Some("2026-11-20T09:00:00Z".into()),
            values: vec![Some(json!(format!("=T{i}"))), Some(json!(["a", "b|c"]))],
        })
        .collect();
    (columns, rows)
}

/// Files as Metadesk, Excel and LibreOffice write them.
fn real_files() -> Vec<(&'static str, Vec<u8>)> {
    let l = Localizer::english();
    let (columns, rows) = export();
    let info = ExportInfo {
        connection: "Stage".into(),
        folder: "/content/dam/f".into(),
        recursive: false,
        exported_at: "2026-11-22T10:00:00Z".into(),
    };
    let cell = |text| OdsCell {
        text,
        formula: None,
    };
    vec![
        ("s.xlsx", write_xlsx(&l, &info, &columns, &rows).unwrap()),
        ("s.csv", write_csv(&l, &columns, &rows).unwrap()),
        (
            "s.ods",
            ods(&[
                vec![cell("Path"), cell("dc:title")],
                vec![cell("/content/dam/a.jpg"), cell("A")],
            ]),
        ),
    ]
}

/// A worksheet and an `.ods` content whose numbers the fuzzer replaces.
const SHEET_XML: &str = r#"<dimension ref="A1:C3"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Path</t></is></c><c r="B1" t="inlineStr"><is><t>dc:title</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>/content/dam/a.jpg</t></is></c><c r="B2" t="s"><v>0</v></c><c r="C2"><v>3</v></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>/content/dam/b.jpg</t></is></c><c r="B3"><f>1+1</f><v>2</v></c></row></sheetData>"#;
const STRINGS_XML: &str = r#"<si><t>one</t></si><si><t>two</t></si>"#;
const ODS_ROWS: &str = r#"<table:table-row table:number-rows-repeated="1"><table:table-cell office:value-type="string" table:number-columns-repeated="1"><text:p>Path</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>dc:title</text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated="2"><table:table-cell office:value-type="string"><text:p>/content/dam/a.jpg</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="3"><text:p>1</text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>"#;

fn ods_of(rows: &str) -> Vec<u8> {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="S">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    zip_of(&[
        (
            "mimetype",
            b"application/vnd.oasis.opendocument.spreadsheet".as_slice(),
        ),
        ("META-INF/manifest.xml", manifest.as_bytes()),
        ("content.xml", content.as_bytes()),
    ])
}

/// `xml` with its runs of digits replaced, in order, by `numbers` (cycled), and its column
/// letters of cell references by `letters`.
fn renumbered(xml: &str, numbers: &[u64], letters: &[String]) -> String {
    let mut out = String::with_capacity(xml.len() + 64);
    let (mut n, mut chars) = (0, xml.chars().peekable());
    let mut in_ref = false;
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            while chars.peek().is_some_and(char::is_ascii_digit) {
                chars.next();
            }
            out.push_str(&numbers[n % numbers.len()].to_string());
            n += 1;
            continue;
        }
        // A cell reference's letters (`r="B2"`, `ref="A1:C3"`).
        if in_ref && c.is_ascii_uppercase() && !letters.is_empty() {
            while chars.peek().is_some_and(char::is_ascii_uppercase) {
                chars.next();
            }
            out.push_str(&letters[n % letters.len()]);
            continue;
        }
        in_ref =
            matches!(c, '"' | ':') && (out.ends_with("r=") || out.ends_with("ref=") || c == ':');
        out.push(c);
    }
    out
}

/// The readers' promise for any input: an answer, never a panic (an abort ends the test
/// process, which fails it too).
fn check(name: &str, bytes: &[u8]) -> Result<(), TestCaseError> {
    match read_sheet(name, bytes) {
        Ok(sheet) => {
            serde_json::to_string(&sheet).map_err(|e| TestCaseError::fail(e.to_string()))?;
        }
        Err(e) => prop_assert!(!e.to_string().is_empty()),
    }
    let _ = workbook_rows(name, bytes);
    Ok(())
}

/// Numbers from the ordinary to the far end of a sheet and past it.
fn numbers() -> impl Strategy<Value = Vec<u64>> {
    prop::collection::vec(
        prop_oneof![
            0u64..10,
            0u64..70_000,
            Just(1_048_576u64),
            Just(16_384u64),
            Just(u64::from(u32::MAX)),
            any::<u64>(),
        ],
        1..12,
    )
}

fn letters() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(
        prop_oneof![
            Just("A".to_owned()),
            Just("CV".to_owned()),
            Just("XFD".to_owned()),
            Just("ZZZZ".to_owned()),
            "[A-Z]{1,3}",
        ],
        0..6,
    )
}

#[test]
fn mutated_bytes_of_real_files_never_panic() {
    let files = real_files();
    let mut runner = runner();
    runner
        .run(
            &(
                0..files.len(),
                prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..16),
                prop::option::of(any::<prop::sample::Index>()),
            ),
            |(which, flips, cut)| {
                let (name, original) = &files[which];
                let mut bytes = original.clone();
                for (at, byte) in flips {
                    let i = at.index(bytes.len());
                    bytes[i] = byte;
                }
                if let Some(cut) = cut {
                    bytes.truncate(cut.index(bytes.len() + 1));
                }
                check(name, &bytes)
            },
        )
        .unwrap();
}

#[test]
fn renumbered_workbooks_are_read_or_refused_never_built_past_the_budget() {
    let mut runner = runner();
    runner
        .run(&(numbers(), letters()), |(numbers, letters)| {
            let sheet = renumbered(SHEET_XML, &numbers, &letters);
            let strings = renumbered(STRINGS_XML, &numbers, &[]);
            check("f.xlsx", &crafted_xlsx(&sheet, Some(&strings)))?;
            check("f.ods", &ods_of(&renumbered(ODS_ROWS, &numbers, &[])))
        })
        .unwrap();
}

#[test]
fn arbitrary_text_is_read_or_refused_as_csv() {
    let mut runner = runner();
    runner
        .run(
            &prop::collection::vec(
                prop_oneof![
                    Just("Path,dc:title\n".to_owned()),
                    Just("/content/dam/a.jpg,'=x\r\n".to_owned()),
                    Just("\"unclosed,".to_owned()),
                    Just(";\t,".to_owned()),
                    Just("\u{feff}".to_owned()),
                    ".{0,40}",
                ],
                0..30,
            ),
            |parts| check("f.csv", parts.concat().as_bytes()),
        )
        .unwrap();
}
