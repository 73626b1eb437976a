//! CSV: the library's row types, written through the `csv` crate's serde support, with a header even when
//! there are no rows.

use std::io;

use anyhow::Result;
use skillgap::{CompareCsvRow, CompareReport, ExtractCsvRow, ExtractStream};

fn writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new().has_headers(false).from_writer(Vec::new())
}

fn finish(writer: csv::Writer<Vec<u8>>) -> Result<String> {
    let bytes = writer.into_inner().map_err(|e| anyhow::anyhow!("cannot write CSV: {}", e.error()))?;
    Ok(String::from_utf8(bytes)?)
}

/// `compare`'s CSV: a header, then missing, related and matched skills.
pub fn compare(report: &CompareReport) -> Result<String> {
    let mut w = writer();
    w.write_record(CompareCsvRow::HEADER)?;
    for row in report.csv_rows() {
        w.serialize(row)?;
    }
    finish(w)
}

/// `extract`'s CSV header row.
pub fn extract_header() -> Result<String> {
    let mut w = writer();
    w.write_record(ExtractCsvRow::HEADER)?;
    finish(w)
}

/// Writes `extract`'s CSV rows for one report to `out` as they are made, without a header (with `--lines` there
/// is one header for all lines).
pub fn write_extract_rows(out: &mut impl io::Write, report: &ExtractStream<'_>) -> io::Result<()> {
    let mut w = csv::WriterBuilder::new().has_headers(false).from_writer(out);
    report.try_for_each_csv_row(|row| w.serialize(row)).map_err(io_error)?;
    w.flush()
}

/// The I/O error inside a CSV error, so that a closed pipe is still seen as one (and exits 0).
fn io_error(e: csv::Error) -> io::Error {
    if e.is_io_error() {
        if let csv::ErrorKind::Io(e) = e.into_kind() {
            return e;
        }
        return io::Error::other("cannot write CSV");
    }
    io::Error::other(e)
}
