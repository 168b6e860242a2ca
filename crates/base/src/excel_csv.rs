//! CSV files meant for a spreadsheet (a run's report, a sheet's problems, an API console
//! result saved from the window), written as Excel on Windows reads and writes them: UTF-8 with
//! a byte-order mark (without it Excel reads the file as the Windows code page, and `é` shows
//! as `Ã©`) and CRLF between records (a line break inside a cell stays as it was). LibreOffice
//! and Numbers read the same files. Not here: CSV written to a terminal or a pipe (`--csv -`),
//! which stays plain UTF-8 with `\n` for scripts; what a cell says ([`crate::spreadsheet`]).

use std::io::Write;

/// UTF-8's byte-order mark, which tells Excel the encoding.
pub const BOM: &str = "\u{feff}";

/// A CSV writer to `out` for a spreadsheet: the byte-order mark is written at once, records end
/// with CRLF. Errors are those of writing the mark.
pub fn writer<W: Write>(mut out: W) -> std::io::Result<csv::Writer<W>> {
    out.write_all(BOM.as_bytes())?;
    Ok(csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_for_excel_has_a_bom_and_crlf_between_records_only() {
        let mut out = Vec::new();
        {
            let mut w = writer(&mut out).unwrap();
            w.write_record(["path", "reason"]).unwrap();
            w.write_record(["/content/dam/été.jpg", "two\nlines"])
                .unwrap();
            w.flush().unwrap();
        }
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "\u{feff}path,reason\r\n/content/dam/été.jpg,\"two\nlines\"\r\n"
        );
    }
}
