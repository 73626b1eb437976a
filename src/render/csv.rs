//! CSV: the library's row types, written through the `csv` crate's serde support, with a header even when
//! there are no rows.

use anyhow::Result;
use skillgap::{CompareCsvRow, CompareReport, ExtractCsvRow, ExtractReport};

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

/// `extract`'s CSV rows for one report, without a header (with `--lines` there is one header for all lines).
pub fn extract_rows(report: &ExtractReport) -> Result<String> {
    let mut w = writer();
    for row in report.csv_rows() {
        w.serialize(row)?;
    }
    finish(w)
}
