//! The taxonomy CSV reader: a layer of arbitrary text checked against the built-in taxonomy (`taxonomy check`),
//! then parsed on its own, built, and (when it builds) used to extract from its own text. Errors are fine; panics
//! and hangs are not.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use skillgap::{check_layer, Extractor, Taxonomy};

fn builtin() -> &'static Taxonomy {
    static BUILTIN: OnceLock<Taxonomy> = OnceLock::new();
    BUILTIN.get_or_init(Taxonomy::builtin)
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = check_layer(builtin(), "fuzz.csv", text);
    let mut builder = Taxonomy::builder();
    if builder.add_csv("fuzz.csv", text).is_err() {
        return;
    }
    let Ok(taxonomy) = builder.build() else { return };
    let _ = taxonomy.to_csv();
    let extractor = Extractor::new(taxonomy);
    let doc = extractor.extract(text);
    for evidence in &doc.skills {
        for m in &evidence.mentions {
            assert_eq!(&text[m.span.range()], m.text);
        }
    }
});
