//! The JSON posting readers on arbitrary bytes: a `.json` file (one posting, an array, a `@graph`), one JSON Lines
//! line, and `read_source` of a `.json` name. Errors are fine; panics and hangs are not.
#![no_main]

use libfuzzer_sys::fuzz_target;
use skillgap::{json_line_posting, json_lines, json_postings, read_source};

fuzz_target!(|data: &[u8]| {
    if let Ok(postings) = json_postings("fuzz.json", data.to_vec()) {
        for posting in postings.into_iter().flatten() {
            assert!(!posting.text.trim().is_empty(), "a posting with no text: {posting:?}");
        }
    }
    let _ = read_source("fuzz.json", data.to_vec());
    if let Ok(text) = std::str::from_utf8(data) {
        for (name, line) in json_lines("fuzz.jsonl", text) {
            let _ = json_line_posting(&name, line);
        }
    }
});
