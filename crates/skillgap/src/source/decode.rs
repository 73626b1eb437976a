//! Bytes to text: the one encoding reader, for documents and taxonomy files alike.

use crate::error::{Error, ErrorKind};

/// How many leading bytes are checked for signs of a binary or office file.
const SNIFF_BYTES: usize = 8192;

/// Decodes `bytes` as UTF-8 (a byte-order mark is kept, so that offsets still index the file) or as UTF-16 with a
/// byte-order mark. PDF, Word (zip) and binary files, and invalid UTF-8, are [`Error`]s that name `name` (and, for
/// invalid UTF-8, the line) and say what to do.
pub fn decode_text(name: &str, bytes: Vec<u8>) -> Result<String, Error> {
    if let Some(text) = decode_utf16(&bytes) {
        return text.ok_or_else(|| {
            Error::new(ErrorKind::Encoding, name, "not valid UTF-16; save the file as UTF-8 text (most editors offer it under \"Save as\" or \"Encoding\")")
        });
    }
    reject_non_text(name, &bytes[..bytes.len().min(SNIFF_BYTES)])?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        Error::new(
            ErrorKind::Encoding,
            name,
            format!("not valid UTF-8 (byte {at}); save the file as UTF-8 text (most editors offer it under \"Save as\" or \"Encoding\")"),
        )
        .at(Some(line as u64), None)
    })
}

/// PDF, Word or zip, and binary files, told apart by their first bytes.
fn reject_non_text(name: &str, head: &[u8]) -> Result<(), Error> {
    if is_pdf(head) {
        return Err(Error::new(
            ErrorKind::UnsupportedFormat,
            name,
            format!("this is a PDF; save it as text (.txt or .md) first, for example with `pdftotext {name}`"),
        ));
    }
    if is_zip(head) {
        return Err(Error::new(
            ErrorKind::UnsupportedFormat,
            name,
            "this looks like a Word or zip file; save it as plain text (.txt or .md) first",
        ));
    }
    if is_binary(head) {
        return Err(Error::new(
            ErrorKind::Binary,
            name,
            "this looks like a binary file, not text; give a .txt, .md, .html or .json file",
        ));
    }
    Ok(())
}

/// A PDF starts with `%PDF`.
fn is_pdf(head: &[u8]) -> bool {
    head.starts_with(b"%PDF")
}

/// A .docx (like every zip container) starts with `PK\x03\x04`.
fn is_zip(head: &[u8]) -> bool {
    head.starts_with(b"PK\x03\x04")
}

/// Text never holds a NUL byte (UTF-16, which does, is decoded before this check).
fn is_binary(head: &[u8]) -> bool {
    head.contains(&0)
}

/// UTF-16 with a byte-order mark, as some Windows editors save it: `None` without a mark, `Some(None)` when the
/// units after the mark are not valid UTF-16.
fn decode_utf16(bytes: &[u8]) -> Option<Option<String>> {
    let (little_endian, body) = match bytes {
        [0xFF, 0xFE, rest @ ..] => (true, rest),
        [0xFE, 0xFF, rest @ ..] => (false, rest),
        _ => return None,
    };
    let units: Vec<u16> = body
        .chunks_exact(2)
        .map(|c| if little_endian { u16::from_le_bytes([c[0], c[1]]) } else { u16::from_be_bytes([c[0], c[1]]) })
        .collect();
    Some(String::from_utf16(&units).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
        let mut bytes = if little_endian { vec![0xFF, 0xFE] } else { vec![0xFE, 0xFF] };
        for unit in text.encode_utf16() {
            bytes.extend(if little_endian { unit.to_le_bytes() } else { unit.to_be_bytes() });
        }
        bytes
    }

    struct Case {
        name: &'static str,
        bytes: Vec<u8>,
        expected: Result<&'static str, (ErrorKind, &'static str)>,
    }

    #[test]
    fn decodes_text_and_rejects_the_rest() {
        let cases = [
            Case { name: "plain utf-8", bytes: b"Python and SQL".to_vec(), expected: Ok("Python and SQL") },
            Case {
                name: "utf-8 with a byte-order mark keeps it, so offsets index the file",
                bytes: b"\xEF\xBB\xBFPython".to_vec(),
                expected: Ok("\u{FEFF}Python"),
            },
            Case { name: "utf-16 little endian", bytes: utf16("Caf\u{e9} SQL", true), expected: Ok("Caf\u{e9} SQL") },
            Case { name: "utf-16 big endian", bytes: utf16("Excel", false), expected: Ok("Excel") },
            Case {
                name: "utf-16 with a lone surrogate",
                bytes: vec![0xFF, 0xFE, 0x00, 0xD8],
                expected: Err((ErrorKind::Encoding, "f.txt: not valid UTF-16")),
            },
            Case {
                name: "pdf",
                bytes: b"%PDF-1.7 ...".to_vec(),
                expected: Err((ErrorKind::UnsupportedFormat, "f.txt: this is a PDF; save it as text")),
            },
            Case {
                name: "word",
                bytes: b"PK\x03\x04word/document.xml".to_vec(),
                expected: Err((ErrorKind::UnsupportedFormat, "f.txt: this looks like a Word or zip file")),
            },
            Case {
                name: "binary",
                bytes: b"ab\0cd".to_vec(),
                expected: Err((ErrorKind::Binary, "f.txt: this looks like a binary file")),
            },
            Case {
                name: "latin-1 on line 2",
                bytes: b"ok\nline two \xff".to_vec(),
                expected: Err((ErrorKind::Encoding, "f.txt:2: not valid UTF-8 (byte 12); save the file as UTF-8")),
            },
        ];
        for case in cases {
            let got = decode_text("f.txt", case.bytes);
            match (got, case.expected) {
                (Ok(text), Ok(expected)) => assert_eq!(text, expected, "{}", case.name),
                (Err(err), Err((kind, message))) => {
                    assert_eq!(err.kind(), kind, "{}", case.name);
                    assert!(err.to_string().starts_with(message), "{}: {err}", case.name);
                }
                (got, expected) => panic!("{}: got {got:?}, expected {expected:?}", case.name),
            }
        }
    }

    #[test]
    fn sniffing_rules() {
        const CASES: &[(&str, &[u8], bool, bool, bool)] = &[
            // (name, head, pdf, zip, binary)
            ("text", b"Skills: Python", false, false, false),
            ("pdf", b"%PDF-1.4", true, false, false),
            ("pdf word in text", b"see %PDF", false, false, false),
            ("docx", b"PK\x03\x04\x14\x00", false, true, true),
            ("nul", b"a\0b", false, false, true),
        ];
        for &(name, head, pdf, zip, binary) in CASES {
            assert_eq!((is_pdf(head), is_zip(head), is_binary(head)), (pdf, zip, binary), "{name}");
        }
    }
}
