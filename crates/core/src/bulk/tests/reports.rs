//! The CSV report as a spreadsheet reads it: values AEM users typed stay text.

use super::*;

/// Values anyone with DAM access can type, which Excel and LibreOffice would run as formulas.
const HOSTILE: [&str; 7] = [
    "=HYPERLINK(\"http://x\",\"y\")",
    "+1+2",
    "-2+3",
    "@SUM(A1)",
    "\tcmd",
    "\rcmd",
    "=a,\"b\"",
];

#[tokio::test]
async fn report_cells_that_a_spreadsheet_would_run_are_written_as_text() {
    let fake = Fake::new(ApiFamily::Classic);
    fake.seed(F, HOSTILE.len(), |k| json!({"dc:rights": HOSTILE[k]}));
    let dir = tempfile::tempdir().unwrap();
    let e = engine(fake.clone(), dir.path());
    let p = e
        .preview(
            spec(ApiFamily::Classic, vec![set("dc:rights", "=1+1")]),
            &RunControl::new(),
            &no_progress(),
        )
        .await
        .unwrap();
    let mut out = Vec::new();
    runs::write_csv(&dir.path().join("runs"), &p.id, &mut out).unwrap();
    let mut reader = csv::Reader::from_reader(out.as_slice());
    assert_eq!(
        reader.headers().unwrap(),
        vec![
            "path",
            "status",
            "reason",
            "dc:rights before",
            "dc:rights after"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), HOSTILE.len());
    for (k, row) in rows.iter().enumerate() {
        assert_eq!(&row[0], format!("{F}/a{k:03}.jpg"));
        // The value itself, behind the quote that makes a spreadsheet show it as text.
        assert_eq!(&row[3], format!("'{}", HOSTILE[k]), "row {k}");
        assert_eq!(&row[4], "'=1+1", "row {k}");
        for cell in row.iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "row {k}: {cell:?}"
            );
        }
    }
}

#[test]
fn ordinary_text_is_left_alone() {
    assert_eq!(crate::spreadsheet::spreadsheet_text("a-b = c"), "a-b = c");
    assert_eq!(crate::spreadsheet::spreadsheet_text(""), "");
    assert_eq!(crate::spreadsheet::spreadsheet_text("'=x"), "'=x");
}
