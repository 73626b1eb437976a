//! What an input is, told by its first bytes rather than its name: a PDF, a Word or OpenDocument file (zip
//! containers told apart by the parts they hold), or text.

/// The container an input's bytes show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Container {
    /// `%PDF-`.
    Pdf,
    /// A zip holding `word/document.xml`.
    Docx,
    /// A zip holding `content.xml` with an OpenDocument text mimetype.
    Odt,
    /// Anything else: text, or a file the text decoder refuses.
    Other,
}

/// How far into a file the `%PDF-` header may sit (some generators write junk before it; readers allow 1 KB).
const PDF_HEADER_WINDOW: usize = 1024;

/// Sniffs `bytes`. Zip part names are stored uncompressed in each entry's header, so finding them needs no unzip.
pub(crate) fn sniff(bytes: &[u8]) -> Container {
    let head = bytes.get(..PDF_HEADER_WINDOW).unwrap_or(bytes);
    if bytes.starts_with(b"%PDF-") || (contains(head, b"%PDF-") && pdf_after_junk(head)) {
        return Container::Pdf;
    }
    if bytes.starts_with(b"PK\x03\x04") {
        if contains(bytes, b"word/document.xml") {
            return Container::Docx;
        }
        if contains(bytes, b"content.xml") && contains(bytes, b"application/vnd.oasis.opendocument.text") {
            return Container::Odt;
        }
    }
    Container::Other
}

/// `%PDF-` after a few bytes of junk, but only when the junk is binary (text that quotes `%PDF-` stays text).
fn pdf_after_junk(head: &[u8]) -> bool {
    let at = head.windows(5).position(|w| w == b"%PDF-").unwrap_or(0);
    head.iter().take(at).any(|&b| !(0x09..0x80).contains(&b))
}

/// Whether `needle` occurs in `haystack`. A haystack without the needle's first byte (text without a `%`) is
/// told by one fast search, not a comparison at every position.
fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    needle.first().is_none_or(|first| haystack.contains(first)) && haystack.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_by_content() {
        const CASES: &[(&str, &[u8], Container)] = &[
            ("pdf", b"%PDF-1.7\n...", Container::Pdf),
            ("pdf after binary junk", b"\x00\x01\x02%PDF-1.4\n", Container::Pdf),
            ("text quoting a pdf header", b"see %PDF-1.4 in the spec", Container::Other),
            ("docx", b"PK\x03\x04\x14\x00\x00\x00word/document.xml", Container::Docx),
            ("odt", b"PK\x03\x04mimetypeapplication/vnd.oasis.opendocument.textPK\x03\x04content.xml", Container::Odt),
            ("a spreadsheet is another zip", b"PK\x03\x04xl/workbook.xml", Container::Other),
            ("text", b"Skills: Python", Container::Other),
        ];
        for &(name, bytes, expected) in CASES {
            assert_eq!(sniff(bytes), expected, "{name}");
        }
    }
}
