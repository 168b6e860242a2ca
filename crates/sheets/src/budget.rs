//! How big a workbook really is, measured before any reader builds it. `calamine` builds each
//! sheet as a dense grid from its outermost cells (and reserves room for an `.xls` sheet's
//! declared dimensions): a 1.5 KB `.xlsx` holding only A1 and XFD1048576 asks for 512 GiB and
//! aborts the process. So every part of the zip (or the `.xls` stream) is read here first,
//! streaming, never more than [`Budget::part_bytes`] unpacked, and the sheet's cells are
//! counted as the reader would lay them out; a workbook over [`Budget::cells`] is refused in
//! words before `calamine` sees it.
//!
//! Not here: reading the cells (`reading`), a CSV's budget (`reading::read_text` counts as it
//! reads).
//!
//! Crates: `zip` (the one `calamine` uses) to walk the parts, `quick-xml` to stream their XML
//! without building a tree, `cfb` to open an `.xls` file's Workbook stream.

use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};

/// What a reader may be asked to build.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Budget {
    /// Cells of a sheet laid out from A1 to its last row and column (every sheet of the file
    /// together), and shared texts.
    pub cells: u64,
    /// Bytes of one part unpacked (a worksheet's XML, the shared texts…).
    pub part_bytes: u64,
}

/// A sheet to import: 100,000 assets by 40 properties. Its dense grid is some 130 MB in
/// `calamine` and about as much again as cell texts.
pub(crate) const SHEET_BUDGET: Budget = Budget {
    cells: 4_000_000,
    part_bytes: 512 * 1024 * 1024,
};

/// A list of assets in a workbook (at most 50,000 entries are used; room for a few columns
/// beside them).
pub(crate) const LIST_BUDGET: Budget = Budget {
    cells: 1_000_000,
    part_bytes: 64 * 1024 * 1024,
};

/// The last row and column of an Excel sheet.
const EXCEL_ROWS: u64 = 1_048_576;
const EXCEL_COLUMNS: u64 = 16_384;

/// Why a workbook is refused before it is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum OverBudget {
    /// Its cells, laid out as the reader would, are more than the budget.
    Cells { rows: u64, columns: u64 },
    /// It holds more shared texts than the budget has cells.
    Texts,
    /// One part unpacks to more than [`Budget::part_bytes`].
    Part { name: String },
    /// An Excel binary workbook (`.xlsb`), which Metadesk does not read.
    Binary,
    /// Not a zip or compound file that can be walked (the reader says so in its own words).
    Unreadable(String),
}

/// Checks a workbook's bytes (a zip: `.xlsx`, `.ods`; a compound file: `.xls`).
pub(crate) fn check_workbook(bytes: &[u8], budget: Budget) -> Result<(), OverBudget> {
    if bytes.starts_with(b"PK\x03\x04") {
        check_zip(bytes, budget)
    } else {
        check_xls(bytes, budget)
    }
}

/// The extent of the cells seen so far: the last row and column holding one (1-based), and
/// shared texts.
#[derive(Debug, Default, Clone, Copy)]
struct Extent {
    rows: u64,
    columns: u64,
    texts: u64,
}

impl Extent {
    fn cover(&mut self, row: u64, column: u64) {
        self.rows = self.rows.max(row);
        self.columns = self.columns.max(column);
    }

    fn check(&self, budget: Budget) -> Result<(), OverBudget> {
        // Past Excel's own grid (a reader's counts overflow there), whatever the budget.
        let outside_excel = self.rows > EXCEL_ROWS || self.columns > EXCEL_COLUMNS;
        if outside_excel || self.rows.saturating_mul(self.columns) > budget.cells {
            return Err(OverBudget::Cells {
                rows: self.rows,
                columns: self.columns,
            });
        }
        if self.texts > budget.cells {
            return Err(OverBudget::Texts);
        }
        Ok(())
    }
}

fn check_zip(bytes: &[u8], budget: Budget) -> Result<(), OverBudget> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| OverBudget::Unreadable(e.to_string()))?;
    let mut extent = Extent::default();
    for i in 0..zip.len() {
        let entry = zip
            .by_index(i)
            .map_err(|e| OverBudget::Unreadable(e.to_string()))?;
        let name = entry.name().map(|n| n.into_owned()).unwrap_or_default();
        if name.eq_ignore_ascii_case("xl/workbook.bin") {
            return Err(OverBudget::Binary);
        }
        let over = || OverBudget::Part { name: name.clone() };
        if entry.size() > budget.part_bytes {
            return Err(over());
        }
        let mut part = entry.take(budget.part_bytes + 1);
        if name.to_ascii_lowercase().ends_with(".xml") {
            scan_xml(&mut part, &mut extent, budget)?;
        }
        // Whatever the XML said, the part is read to its end, to be measured.
        let rest = std::io::copy(&mut part, &mut std::io::sink())
            .map_err(|e| OverBudget::Unreadable(e.to_string()))?;
        // `take` stops one byte past the cap: reaching the cap means the part is over it.
        if part.limit() == 0 || rest > budget.part_bytes {
            return Err(over());
        }
        extent.check(budget)?;
    }
    Ok(())
}

/// Where the XML scan is, for cells that do not say their own place.
#[derive(Default)]
struct Place {
    /// xlsx: inside `<sheetData>`; the current row (1-based) and the last column seen in it.
    in_sheet_data: bool,
    row: u64,
    column: u64,
    /// ods: the current table's next row (0-based), the current row's repeat count and next
    /// column (0-based), the current row's last filled column, and the table's extent.
    ods_row: u64,
    ods_repeat: u64,
    ods_column: u64,
    ods_row_width: u64,
    ods_table: Extent,
    /// A declared dimension ends before it starts (a reader's count would overflow).
    reversed: bool,
}

/// Streams one XML part, counting xlsx cells (`<dimension>`, `<row>`, `<c>`), shared texts
/// (`<si>`) and ods cells (`table:table-row`, `table:table-cell` and their repeats), and
/// stops at the first sign the budget is passed.
fn scan_xml(part: &mut impl Read, extent: &mut Extent, budget: Budget) -> Result<(), OverBudget> {
    let mut reader = quick_xml::Reader::from_reader(std::io::BufReader::new(part));
    // As lenient as a reader may be: a mismatched end tag does not stop the count.
    reader.config_mut().check_end_names = false;
    let mut buf = Vec::new();
    let mut at = Place::default();
    let mut failed_at = None;
    loop {
        buf.clear();
        let event = match reader.read_event_into(&mut buf) {
            Ok(event) => event,
            // Broken XML: the scan goes on after it while it moves forward, as a lenient
            // reader would; a reader that stops there builds less than counted.
            Err(_) => {
                let position = reader.buffer_position();
                if failed_at == Some(position) {
                    return Ok(());
                }
                failed_at = Some(position);
                continue;
            }
        };
        match event {
            Event::Eof => return Ok(()),
            Event::Start(e) => started(&e, true, &mut at, extent),
            Event::Empty(e) => started(&e, false, &mut at, extent),
            Event::End(e) => match e.name().as_ref() {
                "table:table-row" => {
                    at.ods_row = at.ods_row.saturating_add(at.ods_repeat);
                    if at.ods_row_width > 0 {
                        at.ods_table.cover(at.ods_row, at.ods_row_width);
                    }
                }
                "table:table" => {
                    // Every table of an .ods is read when the file is opened.
                    extent.rows = extent.rows.saturating_add(at.ods_table.rows);
                    extent.columns = extent.columns.max(at.ods_table.columns);
                    at.ods_table = Extent::default();
                }
                name if local(name) == "sheetData" => at.in_sheet_data = false,
                _ => {}
            },
            _ => {}
        }
        if at.reversed {
            return Err(OverBudget::Unreadable(
                "a dimension that ends before it starts".into(),
            ));
        }
        let mut so_far = *extent;
        so_far.rows = so_far.rows.saturating_add(at.ods_table.rows);
        so_far.columns = so_far.columns.max(at.ods_table.columns);
        so_far.check(budget)?;
    }
}

/// An element opened (`filled`: it has content; an empty `<c/>` holds no value).
fn started(e: &BytesStart<'_>, filled: bool, at: &mut Place, extent: &mut Extent) {
    let name = e.name();
    match name.as_ref() {
        "table:table" => {
            at.ods_row = 0;
            at.ods_table = Extent::default();
        }
        "table:table-row" => {
            at.ods_repeat = number(e, "table:number-rows-repeated").unwrap_or(1).max(1);
            at.ods_column = 0;
            at.ods_row_width = 0;
            if !filled {
                at.ods_row = at.ods_row.saturating_add(at.ods_repeat);
            }
        }
        "table:table-cell" | "table:covered-table-cell" => {
            let repeat = number(e, "table:number-columns-repeated")
                .unwrap_or(1)
                .max(1);
            let valued = filled
                || attribute(e, "office:value-type").is_some()
                || attribute(e, "table:formula").is_some();
            at.ods_column = at.ods_column.saturating_add(repeat);
            if valued {
                at.ods_row_width = at.ods_column;
            }
        }
        other => match local(other) {
            "sheetData" if filled => {
                at.in_sheet_data = true;
                at.row = 0;
            }
            "row" if at.in_sheet_data => {
                at.row = attribute(e, "r")
                    .map(|r| r.trim().parse().unwrap_or(u64::MAX))
                    .unwrap_or(at.row.saturating_add(1));
                at.column = 0;
            }
            "c" if at.in_sheet_data => {
                let (row, column) = attribute(e, "r")
                    .and_then(|r| cell_ref(&r))
                    .unwrap_or((at.row, at.column.saturating_add(1)));
                at.column = column;
                // An empty cell holds no value, but a reader still parses its place.
                if filled || row > EXCEL_ROWS || column > EXCEL_COLUMNS {
                    extent.cover(row, column);
                }
            }
            "dimension" => {
                // The declared size counts as much as the cells: readers size from it.
                // Both corners: a reader parses each, and counts from the first to the last.
                let corners: Vec<(u64, u64)> = attribute(e, "ref")
                    .unwrap_or_default()
                    .split(':')
                    .filter_map(cell_ref)
                    .collect();
                for (rows, columns) in &corners {
                    extent.cover(*rows, *columns);
                }
                if let [start, end] = corners[..] {
                    at.reversed |= end.0 < start.0 || end.1 < start.1;
                }
            }
            "si" => extent.texts = extent.texts.saturating_add(1),
            _ => {}
        },
    }
}

/// The name after its namespace prefix (`x:c` → `c`).
fn local(name: &str) -> &str {
    name.rsplit_once(':').map_or(name, |(_, local)| local)
}

fn attribute(e: &BytesStart<'_>, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .map(|a| a.value.into_owned())
}

fn number(e: &BytesStart<'_>, key: &str) -> Option<u64> {
    attribute(e, key)?.trim().parse().ok()
}

/// `XFD1048576` → (row 1048576, column 16384), both 1-based; `$A$1` as `A1`.
fn cell_ref(text: &str) -> Option<(u64, u64)> {
    let text = text.trim().replace('$', "");
    let split = text.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = text.split_at(split);
    if letters.is_empty() || !letters.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let column = letters.chars().fold(0u64, |n, c| {
        n.saturating_mul(26)
            .saturating_add(u64::from(c.to_ascii_uppercase() as u8 - b'A' + 1))
    });
    // A row too long for any number is past every grid (a reader's own count overflows).
    let row = if digits.chars().all(|c| c.is_ascii_digit()) {
        digits.parse().unwrap_or(u64::MAX)
    } else {
        u64::MAX
    };
    Some((row, column))
}

/// An `.xls` file: its Workbook stream's records, where a sheet's DIMENSIONS record (which the
/// reader reserves room for) and each cell record say row and column.
fn check_xls(bytes: &[u8], budget: Budget) -> Result<(), OverBudget> {
    let Ok(mut file) = cfb::CompoundFile::open(Cursor::new(bytes)) else {
        // Not a compound file: the reader says it is not a workbook.
        return Ok(());
    };
    let stream = file
        .open_stream("Workbook")
        .or_else(|_| file.open_stream("Book"));
    let Ok(stream) = stream else {
        return Ok(());
    };
    let mut data = Vec::new();
    stream
        .take(budget.part_bytes + 1)
        .read_to_end(&mut data)
        .map_err(|e| OverBudget::Unreadable(e.to_string()))?;
    if data.len() as u64 > budget.part_bytes {
        return Err(OverBudget::Part {
            name: "Workbook".into(),
        });
    }
    let mut extent = Extent::default();
    let u16_at = |d: &[u8], i: usize| d.get(i..i + 2).map(|b| u16::from_le_bytes([b[0], b[1]]));
    let u32_at = |d: &[u8], i: usize| {
        d.get(i..i + 4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    };
    let mut at = 0usize;
    while let (Some(kind), Some(len)) = (u16_at(&data, at), u16_at(&data, at + 2)) {
        let start = at + 4;
        let end = (start + len as usize).min(data.len());
        let record = &data[start..end];
        at = end;
        match kind {
            // DIMENSIONS: BIFF8 rows as u32 (last row + 1), BIFF5 as u16.
            0x0200 => {
                let (rows, columns) = if record.len() >= 14 {
                    (u32_at(record, 4).map(u64::from), u16_at(record, 10))
                } else {
                    (u16_at(record, 2).map(u64::from), u16_at(record, 6))
                };
                if let (Some(rows), Some(columns)) = (rows, columns) {
                    extent.cover(rows, u64::from(columns));
                }
            }
            // Cells: NUMBER, LABEL, RSTRING, BOOLERR, RK, LABELSST, FORMULA, STRING's
            // formula: row and column first.
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD | 0x0006 => {
                if let (Some(row), Some(column)) = (u16_at(record, 0), u16_at(record, 2)) {
                    extent.cover(u64::from(row) + 1, u64::from(column) + 1);
                }
            }
            // MULRK: row, first column … last column in the last two bytes.
            0x00BD if record.len() >= 6 => {
                if let (Some(row), Some(last)) =
                    (u16_at(record, 0), u16_at(record, record.len() - 2))
                {
                    extent.cover(u64::from(row) + 1, u64::from(last) + 1);
                }
            }
            _ => {}
        }
        extent.check(budget)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_references_are_read_as_excel_numbers_them() {
        assert_eq!(cell_ref("A1"), Some((1, 1)));
        assert_eq!(cell_ref("$B$7"), Some((7, 2)));
        assert_eq!(cell_ref("XFD1048576"), Some((1_048_576, 16_384)));
        assert_eq!(cell_ref("1A"), None);
        assert_eq!(cell_ref("A99999999999999999999999"), Some((u64::MAX, 1)));
        assert_eq!(cell_ref("A"), None);
    }
}
