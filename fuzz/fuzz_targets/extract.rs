//! Extraction on arbitrary bytes, read lossily as UTF-8: as found, as a posting, as a bio, and as a CV (a
//! [`Profile`]), then compared and suggested against. Every mention must index the text it was read from.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use skillgap::{compare, suggest, Document, Extractor, Profile, TargetKind, Taxonomy};

fn extractor() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(|| Extractor::new(Taxonomy::builtin()))
}

fn check_spans(text: &str, doc: &Document) {
    for evidence in &doc.skills {
        for m in &evidence.mentions {
            assert!(m.span.start <= m.span.end && m.span.end <= text.len(), "{:?} in {} bytes", m.span, text.len());
            assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end), "{:?}", m.span);
            assert_eq!(&text[m.span.range()], m.text, "{:?}", m.span);
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let extractor = extractor();
    let text = String::from_utf8_lossy(data);
    let found = extractor.extract(&text);
    check_spans(&text, &found);
    let posting = extractor.extract_as(&text, TargetKind::Posting);
    check_spans(&text, &posting);
    let bio = extractor.extract_as(&text, TargetKind::Bio);
    check_spans(&text, &bio);
    let profile = Profile::from_text(extractor, &text);
    check_spans(&text, &profile.document);
    let comparison = compare(extractor.taxonomy(), &profile, &[found, posting, bio]);
    assert!(comparison.score <= 100);
    let labels = ["a".to_owned(), "b".to_owned(), "c".to_owned()];
    let _ = suggest(extractor.taxonomy(), &profile, &comparison, &labels);
});
