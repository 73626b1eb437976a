//! Memory of `extract`'s output: a report written through [`ExtractStream`] takes heap for one mention at a time,
//! so writing it does not grow with the number of mentions. Heap use is read from dhat's statistics (the
//! workspace forbids the `unsafe` a counting allocator of our own would need; DESIGN.md, Decisions).
//!
//! The input that broke it: "SQL, SQL, ..." (2.5 MB of it took 364 MB and 7 minutes as JSON, from a report value
//! of every mention, a whole-output string, and a newline count from the start for every mention's line).
//!
//! One test function: dhat's profiler is global to the process, so the measurements run one after another.

use std::io;

use skillgap::{read_source, ExtractReport, ExtractStream, Extractor, Source, Taxonomy};

#[path = "support/heap.rs"]
mod heap;

use heap::peak_of;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

/// The smaller input's mentions; the larger has four times as many.
const MENTIONS: usize = 1_000;

/// What writing may add per extra mention, in bytes: nothing, give or take allocator rounding.
const WRITE_SLOPE_MAX: f64 = 1.0;

/// What extraction plus writing may add per extra mention, in bytes: the document's own mentions (a `Mention` is
/// about 130 bytes, with its text) and the extraction's working lists. Measured at about 370 when this test was
/// written; the report value it replaced added about 380 more, and its output string more again.
const WHOLE_SLOPE_MAX: f64 = 600.0;

fn sql_list(mentions: usize) -> Source {
    read_source("sql.txt", "SQL, ".repeat(mentions).into_bytes()).expect("readable")
}

/// Bytes per extra mention between `MENTIONS` and four times as many.
fn slope(small: f64, large: f64) -> f64 {
    (large - small) / (3 * MENTIONS) as f64
}

#[test]
fn writing_a_report_does_not_grow_with_its_mentions() {
    let extractor = Extractor::new(Taxonomy::builtin());
    let taxonomy = extractor.taxonomy();
    let sources = [sql_list(MENTIONS), sql_list(4 * MENTIONS)];
    let docs = sources.each_ref().map(|s| extractor.extract(&s.text));
    for (doc, n) in docs.iter().zip([MENTIONS, 4 * MENTIONS]) {
        assert_eq!(doc.skills.iter().map(|s| s.mentions.len()).sum::<usize>(), n, "every SQL is a mention");
    }

    let json = |i: usize| {
        peak_of(|| {
            let stream = ExtractStream::new(taxonomy, &docs[i], &sources[i]);
            serde_json::to_writer_pretty(io::sink(), &stream).expect("writes");
        })
    };
    let csv = |i: usize| {
        peak_of(|| {
            let stream = ExtractStream::new(taxonomy, &docs[i], &sources[i]);
            let mut writer = csv::Writer::from_writer(io::sink());
            stream.try_for_each_csv_row(|row| writer.serialize(row)).expect("writes");
        })
    };
    let (json_slope, csv_slope) = (slope(json(0), json(1)), slope(csv(0), csv(1)));
    assert!(json_slope < WRITE_SLOPE_MAX, "JSON writing grows by {json_slope:.1} bytes per mention");
    assert!(csv_slope < WRITE_SLOPE_MAX, "CSV writing grows by {csv_slope:.1} bytes per mention");

    // The check can fail: the report value with every mention, written to one string, grows.
    let value = |i: usize| {
        peak_of(|| {
            let report = ExtractReport::new(taxonomy, &docs[i], &sources[i]);
            serde_json::to_string_pretty(&report).expect("serialises");
        })
    };
    let value_slope = slope(value(0), value(1));
    assert!(value_slope > 100.0 * WRITE_SLOPE_MAX, "the value report grows by {value_slope:.1} bytes per mention");

    // The whole of `extract`, from text to written JSON: linear in the document, with a bounded slope.
    let whole = |i: usize| {
        peak_of(|| {
            let doc = extractor.extract(&sources[i].text);
            let stream = ExtractStream::new(taxonomy, &doc, &sources[i]);
            serde_json::to_writer_pretty(io::sink(), &stream).expect("writes");
        })
    };
    let whole_slope = slope(whole(0), whole(1));
    assert!(whole_slope < WHOLE_SLOPE_MAX, "extract and write grow by {whole_slope:.1} bytes per mention");
    eprintln!(
        "bytes per extra mention: JSON writing {json_slope:.1}, CSV writing {csv_slope:.1}, report value \
         {value_slope:.1}, extract and write {whole_slope:.1}"
    );
}
