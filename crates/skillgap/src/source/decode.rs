//! Bytes to text: the one encoding reader, for documents and taxonomy files alike.

use crate::error::{Error, ErrorKind};

/// How many leading bytes are checked for signs of a binary or office file.
const SNIFF_BYTES: usize = 8192;

/// The encoding an input was read in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Encoding {
    /// UTF-8, with or without a byte-order mark.
    #[default]
    Utf8,
    /// UTF-16, little or big endian, with a byte-order mark or recognised without one.
    Utf16,
    /// UTF-32 with a byte-order mark.
    Utf32,
    /// Windows-1252 (a superset of Latin-1), which word processors still save: read only for documents, when
    /// the bytes are not UTF-8. Callers should tell the user (see [`crate::Source::encoding`]).
    Windows1252,
}

impl Encoding {
    /// The encoding's usual name.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16 => "UTF-16",
            Encoding::Utf32 => "UTF-32",
            Encoding::Windows1252 => "Windows-1252",
        }
    }
}

/// What to do with bytes that are not UTF-8 (nor UTF-16 or UTF-32).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fallback {
    /// Refuse them: data files (taxonomies, CSV and JSON Lines) must be UTF-8, not guessed.
    Refuse,
    /// Read them as Windows-1252 when every byte is defined there: a CV saved by a word processor.
    Windows1252,
}

/// The advice every encoding error ends with.
const SAVE_AS_UTF8: &str = "save the file as UTF-8 text (most editors offer it under \"Save as\" or \"Encoding\")";

/// Decodes `bytes` as UTF-8 (a byte-order mark is kept, so that offsets still index the file), as UTF-16 (with a
/// byte-order mark, or without one when the pattern of zero bytes leaves no doubt) or as UTF-32 with a byte-order
/// mark. PDF, Word (zip) and binary files, invalid UTF-8, and UTF-16 or UTF-32 that does not decode, are
/// [`Error`]s that name `name` (and, for invalid UTF-8, the line), name the encoding, and say what to do.
pub fn decode_text(name: &str, bytes: Vec<u8>) -> Result<String, Error> {
    decode(name, bytes, Fallback::Refuse).map(|(text, _)| text)
}

/// [`decode_text`], with the encoding it read, and `fallback` for bytes that are not UTF-8.
pub(crate) fn decode(name: &str, bytes: Vec<u8>, fallback: Fallback) -> Result<(String, Encoding), Error> {
    if let Some(little_endian) = utf32_bom(&bytes) {
        return decode_utf32(bytes.get(4..).unwrap_or_default(), little_endian)
            .map(|text| (text, Encoding::Utf32))
            .map_err(|at| {
                Error::new(
                    ErrorKind::Encoding,
                    name,
                    format!("UTF-32 (it starts with a UTF-32 byte-order mark), but not valid UTF-32 at byte {}; {SAVE_AS_UTF8}", at + 4),
                )
            });
    }
    if let Some(little_endian) = utf16_bom(&bytes) {
        return decode_utf16(bytes.get(2..).unwrap_or_default(), little_endian)
            .map(|text| (text, Encoding::Utf16))
            .map_err(|why| {
                Error::new(
                    ErrorKind::Encoding,
                    name,
                    format!(
                        "UTF-16 (it starts with a UTF-16 byte-order mark), but not valid UTF-16: {}; {SAVE_AS_UTF8}",
                        why.shifted(2)
                    ),
                )
            });
    }
    let head = bytes.get(..SNIFF_BYTES).unwrap_or(&bytes);
    reject_office(name, head)?;
    if let Some(little_endian) = utf16_without_bom(head) {
        return decode_utf16(&bytes, little_endian).map(|text| (text, Encoding::Utf16)).map_err(|why| {
            Error::new(ErrorKind::Encoding, name, format!("this looks like UTF-16 without a byte-order mark, but it is not valid UTF-16: {why}; {SAVE_AS_UTF8}"))
        });
    }
    if is_binary(head) {
        return Err(Error::new(
            ErrorKind::Binary,
            name,
            "this looks like a binary file, not text; give a .txt, .md, .html or .json file",
        ));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok((text, Encoding::Utf8)),
        Err(e) => {
            if fallback == Fallback::Windows1252 {
                if let Some(text) = decode_windows_1252(e.as_bytes()) {
                    return Ok((text, Encoding::Windows1252));
                }
            }
            let at = e.utf8_error().valid_up_to();
            let line = e.as_bytes().iter().take(at).filter(|&&b| b == b'\n').count() + 1;
            Err(Error::new(ErrorKind::Encoding, name, format!("not valid UTF-8 (byte {at}); {SAVE_AS_UTF8}"))
                .at(Some(line as u64), None))
        }
    }
}

/// PDF and Word or zip files, told apart by their first bytes.
fn reject_office(name: &str, head: &[u8]) -> Result<(), Error> {
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

/// The byte order of a UTF-32 byte-order mark at the start (`true`: little endian). Checked before UTF-16's,
/// whose little-endian mark is the first half of UTF-32's.
fn utf32_bom(bytes: &[u8]) -> Option<bool> {
    match bytes {
        [0xFF, 0xFE, 0x00, 0x00, ..] => Some(true),
        [0x00, 0x00, 0xFE, 0xFF, ..] => Some(false),
        _ => None,
    }
}

/// The byte order of a UTF-16 byte-order mark at the start (`true`: little endian).
fn utf16_bom(bytes: &[u8]) -> Option<bool> {
    match bytes {
        [0xFF, 0xFE, ..] => Some(true),
        [0xFE, 0xFF, ..] => Some(false),
        _ => None,
    }
}

/// How many units an input needs before its zero bytes are read as the sign of UTF-16 without a byte-order mark.
const UTF16_MIN_UNITS: usize = 8;

/// UTF-16 without a byte-order mark, as some Windows tools write it: text in a Latin script has a zero byte in
/// (nearly) every other position, and none in the others. `Some(true)` for little endian (the zeros at odd
/// positions). Text that is not mostly Latin script is not recognised, and stays a binary file.
fn utf16_without_bom(head: &[u8]) -> Option<bool> {
    let units = head.len() / 2;
    // Too short to tell from a binary file's few bytes. Text with no zero byte at all (nearly every file) is
    // told by one fast search instead of two counting passes.
    if units < UTF16_MIN_UNITS || !head.contains(&0) {
        return None;
    }
    let zeros_at = |parity: usize| head.iter().skip(parity).step_by(2).filter(|&&b| b == 0).count();
    let (even, odd) = (zeros_at(0), zeros_at(1));
    // At least half the units have their high byte zero, and at most one in eight their low byte.
    let pattern = |high: usize, low: usize| high * 2 >= units && low * 8 <= units;
    if pattern(odd, even) {
        Some(true)
    } else if pattern(even, odd) {
        Some(false)
    } else {
        None
    }
}

/// Why UTF-16 units did not decode: a lone surrogate at a byte offset of the units, or an odd byte at the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Utf16Problem {
    LoneSurrogate(usize),
    OddLength(usize),
}

impl Utf16Problem {
    /// The same problem, at offsets counted `by` bytes further into the file (past a byte-order mark).
    fn shifted(self, by: usize) -> Utf16Problem {
        match self {
            Utf16Problem::LoneSurrogate(at) => Utf16Problem::LoneSurrogate(at + by),
            Utf16Problem::OddLength(len) => Utf16Problem::OddLength(len + by),
        }
    }
}

impl std::fmt::Display for Utf16Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Utf16Problem::LoneSurrogate(at) => write!(f, "a lone surrogate at byte {at}"),
            Utf16Problem::OddLength(len) => write!(f, "an odd number of bytes ({len})"),
        }
    }
}

/// Decodes UTF-16 units (without the byte-order mark).
fn decode_utf16(body: &[u8], little_endian: bool) -> Result<String, Utf16Problem> {
    if body.len() % 2 != 0 {
        return Err(Utf16Problem::OddLength(body.len()));
    }
    let units = body.chunks_exact(2).map(|c| {
        let pair = [c.first().copied().unwrap_or(0), c.get(1).copied().unwrap_or(0)];
        if little_endian {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    let mut text = String::with_capacity(body.len() / 2);
    let mut at = 0;
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) => {
                text.push(c);
                at += c.len_utf16() * 2;
            }
            Err(_) => return Err(Utf16Problem::LoneSurrogate(at)),
        }
    }
    Ok(text)
}

/// Decodes UTF-32 code points (without the byte-order mark); the error is the byte offset of the first bad one.
fn decode_utf32(body: &[u8], little_endian: bool) -> Result<String, usize> {
    if body.len() % 4 != 0 {
        return Err(body.len() - body.len() % 4);
    }
    let mut text = String::with_capacity(body.len() / 4);
    for (i, c) in body.chunks_exact(4).enumerate() {
        let quad: [u8; 4] = c.try_into().map_err(|_| i * 4)?;
        let code = if little_endian { u32::from_le_bytes(quad) } else { u32::from_be_bytes(quad) };
        text.push(char::from_u32(code).ok_or(i * 4)?);
    }
    Ok(text)
}

/// What Windows-1252 puts at 0x80..=0x9F, where Latin-1 has control characters; `None` for its five undefined
/// bytes.
const WINDOWS_1252_HIGH: [Option<char>; 32] = [
    Some('\u{20AC}'),
    None,
    Some('\u{201A}'),
    Some('\u{0192}'),
    Some('\u{201E}'),
    Some('\u{2026}'),
    Some('\u{2020}'),
    Some('\u{2021}'),
    Some('\u{02C6}'),
    Some('\u{2030}'),
    Some('\u{0160}'),
    Some('\u{2039}'),
    Some('\u{0152}'),
    None,
    Some('\u{017D}'),
    None,
    None,
    Some('\u{2018}'),
    Some('\u{2019}'),
    Some('\u{201C}'),
    Some('\u{201D}'),
    Some('\u{2022}'),
    Some('\u{2013}'),
    Some('\u{2014}'),
    Some('\u{02DC}'),
    Some('\u{2122}'),
    Some('\u{0161}'),
    Some('\u{203A}'),
    Some('\u{0153}'),
    None,
    Some('\u{017E}'),
    Some('\u{0178}'),
];

/// Decodes Windows-1252; `None` when a byte is one of its five undefined ones (then it is not Windows-1252).
fn decode_windows_1252(bytes: &[u8]) -> Option<String> {
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 8);
    for &b in bytes {
        let c = match b {
            0x80..=0x9F => WINDOWS_1252_HIGH.get(usize::from(b - 0x80)).copied().flatten()?,
            _ => char::from(b),
        };
        text.push(c);
    }
    Some(text)
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

    fn utf32(text: &str, little_endian: bool) -> Vec<u8> {
        let mut bytes = if little_endian { vec![0xFF, 0xFE, 0, 0] } else { vec![0, 0, 0xFE, 0xFF] };
        for c in text.chars() {
            bytes.extend(if little_endian { u32::from(c).to_le_bytes() } else { u32::from(c).to_be_bytes() });
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
                bytes: vec![0xFF, 0xFE, b'a', 0, 0x00, 0xD8, b'b', 0],
                expected: Err((
                    ErrorKind::Encoding,
                    "f.txt: UTF-16 (it starts with a UTF-16 byte-order mark), but not valid UTF-16: a lone surrogate at byte 4;",
                )),
            },
            Case {
                name: "utf-16 without a byte-order mark, little endian",
                bytes: utf16("Python and SQL", true).split_off(2),
                expected: Ok("Python and SQL"),
            },
            Case {
                name: "utf-16 without a byte-order mark, big endian",
                bytes: utf16("Caf\u{e9} and SQL", false).split_off(2),
                expected: Ok("Caf\u{e9} and SQL"),
            },
            Case {
                name: "utf-16 without a byte-order mark, with a lone surrogate",
                bytes: [utf16("Python and SQL", true).split_off(2), vec![0x00, 0xDC]].concat(),
                expected: Err((
                    ErrorKind::Encoding,
                    "f.txt: this looks like UTF-16 without a byte-order mark, but it is not valid UTF-16: a lone surrogate at byte 28;",
                )),
            },
            Case {
                name: "utf-16 with an odd byte at the end",
                bytes: [utf16("SQL", true), vec![b'x']].concat(),
                expected: Err((ErrorKind::Encoding, "f.txt: UTF-16 (it starts with a UTF-16 byte-order mark), but not valid UTF-16: an odd number of bytes (9);")),
            },
            Case { name: "utf-32 little endian", bytes: utf32("Caf\u{e9} \u{1F600} SQL", true), expected: Ok("Caf\u{e9} \u{1F600} SQL") },
            Case { name: "utf-32 big endian", bytes: utf32("Excel", false), expected: Ok("Excel") },
            Case {
                name: "utf-32 with a code point out of range",
                bytes: [utf32("ab", true), vec![0x00, 0x00, 0x11, 0x00]].concat(),
                expected: Err((ErrorKind::Encoding, "f.txt: UTF-32 (it starts with a UTF-32 byte-order mark), but not valid UTF-32 at byte 12;")),
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
    fn documents_in_windows_1252_are_read_and_data_files_are_not() {
        // "Café – Python’s €5" as Windows-1252 (a word processor's "Text" export).
        let bytes = b"Caf\xe9 \x96 Python\x92s \x805".to_vec();
        let (text, encoding) = decode("cv.txt", bytes.clone(), Fallback::Windows1252).expect("decoded");
        assert_eq!((text.as_str(), encoding), ("Caf\u{e9} \u{2013} Python\u{2019}s \u{20AC}5", Encoding::Windows1252));
        let err = decode_text("layer.csv", bytes).expect_err("data files stay UTF-8");
        assert!(err.to_string().starts_with("layer.csv:1: not valid UTF-8 (byte 3)"), "{err}");
        // A byte Windows-1252 leaves undefined: not that encoding either.
        let err = decode("cv.txt", b"a\x81b\xe9".to_vec(), Fallback::Windows1252).expect_err("undefined byte");
        assert_eq!(err.kind(), ErrorKind::Encoding);
        assert_eq!(decode("cv.txt", b"plain".to_vec(), Fallback::Windows1252).expect("utf-8").1, Encoding::Utf8);
    }

    #[test]
    fn utf16_without_a_mark_is_told_from_binary() {
        // (name, head, reading)
        let cases: &[(&str, Vec<u8>, Option<bool>)] = &[
            ("little endian", utf16("Python and SQL", true).split_off(2), Some(true)),
            ("big endian", utf16("Python and SQL", false).split_off(2), Some(false)),
            ("binary with scattered zeros", b"ab\0cd\0\0\x01\x02".to_vec(), None),
            ("all zeros", vec![0; 64], None),
            ("one unit", vec![b'a', 0], None),
        ];
        for (name, head, expected) in cases {
            assert_eq!(utf16_without_bom(head), *expected, "{name}");
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
