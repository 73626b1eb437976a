//! Memory of reading a JSON list of postings: it is parsed one posting at a time, so reading takes the file and
//! one posting, not a parsed value of every posting. Heap use is read from dhat's statistics (the workspace forbids
//! the `unsafe` a counting allocator of our own would need; DESIGN.md, Decisions).
//!
//! The input that broke it: a JSON array of 50,000 postings (205 MB) took 1.6 GB in `batch`.
//!
//! One test function: dhat's profiler is global to the process, so the measurements run one after another.

use skillgap::{json_postings, json_postings_each, read_source};

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

/// The peak heap, in bytes, of the blocks `f` allocates (blocks allocated before it are not counted).
fn peak_of(f: impl FnOnce()) -> usize {
    let _profiler = dhat::Profiler::builder().testing().trim_backtraces(Some(4)).build();
    f();
    dhat::HeapStats::get().max_bytes
}

/// A JSON array of `n` postings of about 2 KB each.
fn postings(n: usize) -> Vec<u8> {
    let description = "We build data pipelines in Python and SQL with Kafka and Airflow. ".repeat(30);
    let items: Vec<String> = (0..n)
        .map(|i| {
            format!(
                r#"{{"@type":"JobPosting","title":"Engineer {i}","description":"{description}","hiringOrganization":{{"name":"Acme"}}}}"#
            )
        })
        .collect();
    format!("[{}]", items.join(",")).into_bytes()
}

#[test]
fn a_list_of_postings_is_read_one_at_a_time() {
    let n = 2_000;
    let file = postings(n);
    let size = file.len();

    // Each posting handed on and dropped: the file (decoded in place) and one posting at a time.
    let mut seen = 0;
    let streamed = peak_of(|| {
        json_postings_each("list.json", file.clone(), |posting| {
            assert!(posting.is_ok());
            seen += 1;
        })
        .expect("reads");
    });
    assert_eq!(seen, n);
    assert!(streamed < size + size / 5 + (1 << 20), "streaming took {streamed} bytes for a {size}-byte file");

    // The check can fail: keeping every posting takes the file and every posting's text again.
    let kept = peak_of(|| {
        let all = json_postings("list.json", file.clone()).expect("reads");
        assert_eq!(all.len(), n);
    });
    assert!(kept > 2 * size - size / 5, "keeping every posting took only {kept} bytes for {size}");

    // `extract` and `compare` read a list as one document: the file and the assembled text, no parsed value.
    let document = peak_of(|| {
        let source = read_source("list.json", file.clone()).expect("reads");
        assert!(source.text.contains("Engineer 1999"));
    });
    assert!(document < 3 * size, "reading the list as one document took {document} bytes for {size}");
    eprintln!("file {size} bytes; peak heap: streamed {streamed}, kept {kept}, as one document {document}");
}
