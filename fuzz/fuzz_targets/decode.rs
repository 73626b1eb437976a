//! The encoding reader on arbitrary bytes: it either decodes or says why not, and valid UTF-8 text (no NUL, no
//! PDF or zip signature, no UTF-16 byte-order mark) comes back unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use skillgap::{decode_text, read_source};

fuzz_target!(|data: &[u8]| {
    let decoded = decode_text("fuzz.txt", data.to_vec());
    let plain = std::str::from_utf8(data).ok().filter(|text| {
        !text.contains('\0')
            && !text.starts_with("%PDF")
            && !text.starts_with("PK\x03\x04")
            && !data.starts_with(&[0xFF, 0xFE])
            && !data.starts_with(&[0xFE, 0xFF])
    });
    if let Some(text) = plain {
        assert_eq!(decoded.as_deref().ok(), Some(text), "valid UTF-8 text must decode unchanged");
    }
    for name in ["fuzz.txt", "fuzz.md", "fuzz.html"] {
        let _ = read_source(name, data.to_vec());
    }
});
