//! The HTML reader on arbitrary text: the map must have one entry per text byte plus the end, never go backwards,
//! and point at character boundaries of the HTML; extraction through it (as `skillgap extract job.html` does) must
//! give spans that index the HTML.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use skillgap::{html_to_text, Extractor, Taxonomy};

fn extractor() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(|| Extractor::new(Taxonomy::builtin()))
}

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let converted = html_to_text(&html);
    assert_eq!(converted.map.len(), converted.text.len() + 1);
    assert_eq!(converted.map.last().copied(), Some(html.len() as u32));
    for pair in converted.map.windows(2) {
        assert!(pair[0] <= pair[1], "the map goes backwards: {pair:?}");
    }
    for &at in &converted.map {
        assert!(html.is_char_boundary(at as usize), "{at} is inside a character");
    }
    let mut doc = extractor().extract(&converted.text);
    doc.remap(&converted.map, &html);
    for evidence in &doc.skills {
        for m in &evidence.mentions {
            assert!(html.is_char_boundary(m.span.start) && html.is_char_boundary(m.span.end), "{:?}", m.span);
            assert_eq!(&html[m.span.range()], m.text);
        }
    }
});
