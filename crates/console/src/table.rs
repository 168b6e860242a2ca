//! A GraphQL result as a table: the first list of items in `data` (`articleList.items`), one
//! row per item, one column per selected field in the order selected; nested objects flatten to
//! dotted columns (`main.plaintext`), lists of plain values join with "; ", other lists stay
//! JSON. Shared by the window's table, its CSV export and the CLI's `--table`/`--csv`.

use std::collections::HashMap;
use std::io::Write;

use serde::Serialize;
use ts_rs::TS;

use super::ordered::Ordered;
use metadesk_base::spreadsheet::spreadsheet_text;
use metadesk_clients::error::{Error, ErrorCode, Result};

/// Rows of the first list of items found in a result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ResultTable {
    /// Where the list is in `data`, dotted (`articleList.items`).
    pub path: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// The first list (depth first, in the answer's order) whose items are objects; `None` when
/// `data` holds none. An empty list is a table with no rows and no columns.
pub fn find_table(data: &Ordered) -> Option<ResultTable> {
    let (path, items) = first_list(data, String::new())?;
    // Each cell finds its column through the index: linear in the cells, however many
    // columns an answer has (a search over the columns per cell was rows × columns²).
    let mut columns: Vec<String> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut rows = Vec::with_capacity(items.len());
    for item in items {
        let mut cells = Vec::new();
        flatten(item, String::new(), &mut cells);
        let mut row: Vec<Option<String>> = vec![None; columns.len()];
        for (name, value) in cells {
            let at = *index.entry(name).or_insert_with_key(|name| {
                columns.push(name.clone());
                columns.len() - 1
            });
            if row.len() <= at {
                row.resize(at + 1, None);
            }
            // A name met twice in one item (`a.b` and a member named "a.b"): the first wins.
            row[at].get_or_insert(value);
        }
        rows.push(row);
    }
    let rows = rows
        .into_iter()
        .map(|mut row| {
            row.resize(columns.len(), None);
            row.into_iter().map(Option::unwrap_or_default).collect()
        })
        .collect();
    Some(ResultTable {
        path,
        columns,
        rows,
    })
}

fn first_list(v: &Ordered, at: String) -> Option<(String, &[Ordered])> {
    match v {
        Ordered::Array(items)
            if items
                .iter()
                .all(|i| matches!(i, Ordered::Object(_) | Ordered::Null)) =>
        {
            Some((at, items.as_slice()))
        }
        Ordered::Object(members) => members.iter().find_map(|(k, v)| {
            let next = if at.is_empty() {
                k.clone()
            } else {
                format!("{at}.{k}")
            };
            first_list(v, next)
        }),
        _ => None,
    }
}

fn flatten(v: &Ordered, prefix: String, out: &mut Vec<(String, String)>) {
    match v {
        Ordered::Object(members) if !members.is_empty() => {
            for (k, v) in members {
                let name = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(v, name, out);
            }
        }
        other => out.push((prefix, cell(other))),
    }
}

/// One value as a cell's text.
fn cell(v: &Ordered) -> String {
    match v {
        Ordered::Null => String::new(),
        Ordered::Bool(b) => b.to_string(),
        Ordered::Number(n) => n.to_string(),
        Ordered::String(s) => s.clone(),
        Ordered::Array(items)
            if items
                .iter()
                .all(|i| !matches!(i, Ordered::Array(_) | Ordered::Object(_))) =>
        {
            items.iter().map(cell).collect::<Vec<_>>().join("; ")
        }
        other => serde_json::to_string(other).unwrap_or_default(),
    }
}

/// Writes `table` as CSV (RFC 4180, header row first) with the `csv` crate, the same dialect
/// spreadsheets read. Content fragments are written by anyone who may author them, so cells
/// that a spreadsheet would run as a formula are written as text.
pub fn write_csv(table: &ResultTable, out: impl Write) -> Result<()> {
    write_records(table, csv::Writer::from_writer(out))
}

/// [`write_csv`] for a file saved from the window: as Excel reads it ([`metadesk_base::excel_csv`]).
pub fn write_excel_csv(table: &ResultTable, out: impl Write) -> Result<()> {
    let w = metadesk_base::excel_csv::writer(out).map_err(|e| csv_not_written(&e))?;
    write_records(table, w)
}

fn write_records<W: Write>(table: &ResultTable, mut w: csv::Writer<W>) -> Result<()> {
    let io = |e: csv::Error| csv_not_written(&e);
    let safe = |cells: &[String]| {
        cells
            .iter()
            .map(|c| spreadsheet_text(c))
            .collect::<Vec<_>>()
    };
    w.write_record(safe(&table.columns)).map_err(io)?;
    for row in &table.rows {
        w.write_record(safe(row)).map_err(io)?;
    }
    w.flush().map_err(|e| csv_not_written(&e))
}

/// The CSV file could not be written.
fn csv_not_written(e: &dyn std::fmt::Display) -> Error {
    Error::message(
        ErrorCode::Io,
        "error-csv-not-written",
        vec![("detail", e.to_string().into())],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Ordered {
        serde_json::from_str(s).unwrap()
    }

    #[test]
    fn the_first_list_of_items_becomes_rows_in_selection_order() {
        let data = parse(
            r#"{"count": 2, "articleList": {"items": [
                {"title": "A", "_path": "/a", "main": {"plaintext": "x"}, "tags": ["t1", "t2"]},
                {"title": "B, \"quoted\"", "_path": "/b", "main": null, "extra": [{"k": 1}]}
            ]}}"#,
        );
        let t = find_table(&data).unwrap();
        assert_eq!(t.path, "articleList.items");
        assert_eq!(
            t.columns,
            ["title", "_path", "main.plaintext", "tags", "main", "extra"]
        );
        assert_eq!(t.rows[0], ["A", "/a", "x", "t1; t2", "", ""]);
        assert_eq!(t.rows[1][0], "B, \"quoted\"");
        assert_eq!(t.rows[1][5], r#"[{"k":1}]"#);

        let mut out = Vec::new();
        write_csv(&t, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("title,_path,main.plaintext,tags,main,extra\n"));
        assert!(text.contains("\"B, \"\"quoted\"\"\""), "{text}");
    }

    #[test]
    fn data_without_a_list_has_no_table() {
        assert!(find_table(&parse(r#"{"a": {"item": {"x": 1}}}"#)).is_none());
        assert!(find_table(&parse(r#"{"a": [1, 2]}"#)).is_none());
        let empty = find_table(&parse(r#"{"a": {"items": []}}"#)).unwrap();
        assert!(empty.rows.is_empty() && empty.columns.is_empty());
    }

    #[test]
    fn csv_cells_that_look_like_formulas_are_written_as_text() {
        let table = ResultTable {
            path: "items".into(),
            columns: vec!["title".into()],
            rows: vec![
                vec!["=HYPERLINK(\"http://x\")".into()],
                vec!["plain".into()],
            ],
        };
        let mut out = Vec::new();
        write_csv(&table, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text, "title\n\"'=HYPERLINK(\"\"http://x\"\")\"\nplain\n");
    }

    /// An answer of 2 items with 100,000 fields each, read from its text. Searching the
    /// columns for each cell made the table rows × columns² (2·10¹⁰ comparisons), and
    /// searching an object's members for each member made reading it rows × fields² / 2
    /// (10¹⁰); either took minutes in a debug build; by index it is a second. Few cells for
    /// that many comparisons: under Wine each cell's allocations, not the comparisons, cost
    /// (a million cells took three minutes). Run on a thread so a regression fails the test
    /// instead of hanging it; the bound is generous (a guard against hours, not a speed test:
    /// a loaded test machine must not fail it).
    #[test]
    fn a_wide_long_answer_becomes_a_table_in_one_pass() {
        let fields: Vec<String> = (0..100_000).map(|f| format!("\"f{f}\": {f}")).collect();
        let item = format!("{{{}}}", fields.join(","));
        let json = format!("{{\"a\": {{\"items\": [{}]}}}}", vec![item; 2].join(","));
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(find_table(&parse(&json)));
        });
        let table = rx
            .recv_timeout(std::time::Duration::from_secs(90))
            .expect("the table was not built within 90 s")
            .unwrap();
        assert_eq!(table.columns.len(), 100_000);
        assert_eq!(table.rows.len(), 2);
        assert_eq!(table.rows[1][99_999], "99999");
    }

    #[test]
    fn items_with_different_fields_share_the_columns_in_order_met() {
        let t = find_table(&parse(
            r#"{"items": [{"a": 1, "b": {"c": 2}}, {"d": 3, "a": 4}, {"b.c": 5, "b": {"c": 6}}]}"#,
        ))
        .unwrap();
        assert_eq!(t.columns, ["a", "b.c", "d"]);
        assert_eq!(t.rows, [["1", "2", ""], ["4", "", "3"], ["", "5", ""]]);
    }
}
