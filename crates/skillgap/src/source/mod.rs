//! Reading inputs: bytes and a file name in, a [`Source`] out — the text to extract from, the map back to the
//! original for converted formats (HTML), and the format it was read as. File and stdin I/O stay with the caller.

mod decode;
#[cfg(feature = "docx")]
mod docx;
mod json_posting;
#[cfg(feature = "pdf")]
mod layout;
#[cfg(feature = "pdf")]
mod pdf;
mod postings;
mod sniff;
mod target_kind;

pub use decode::{decode_text, Encoding};
pub use postings::{
    csv_postings, document_posting, document_posting_read, json_line_posting, json_lines, json_postings,
    json_postings_each, InputShape, Posting, DEFAULT_TEXT_COLUMNS,
};
pub(crate) use target_kind::detect_kind_only;
pub use target_kind::{detect_kind, TargetKind};

use crate::error::{Error, ErrorKind};
use crate::html::html_to_text;

/// The format an input was read as: PDF, Word and OpenDocument files by their content, the rest by their file
/// name's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SourceFormat {
    /// Plain text (any extension not listed below, and standard input).
    Text,
    /// Markdown (`.md`, `.markdown`), read as plain text: its headings and bullets are what sections are found by.
    Markdown,
    /// A saved web page (`.html`, `.htm`, `.xhtml`): the visible text, with offsets mapped back to the HTML.
    Html,
    /// A schema.org `JobPosting` in JSON (`.json`): the posting's fields, assembled into text. Offsets index that
    /// assembled text, not the JSON file.
    JsonPosting,
    /// A PDF (feature `pdf`): its text layer in reading order. Offsets index that extracted text.
    Pdf,
    /// A Word `.docx` file (feature `docx`): paragraphs, lists, tables and text boxes as lines. Offsets index
    /// that extracted text.
    Docx,
    /// An OpenDocument `.odt` file (feature `docx`), read like a Word file.
    Odt,
}

impl SourceFormat {
    /// The format a file with this name is read as.
    pub fn from_name(name: &str) -> SourceFormat {
        let extension = name.rsplit_once('.').map(|(stem, ext)| (stem, ext.to_ascii_lowercase()));
        match extension {
            // A dot inside a folder name is not an extension.
            Some((_, ext)) if ext.contains(['/', '\\']) => SourceFormat::Text,
            Some((_, ext)) => match ext.as_str() {
                "html" | "htm" | "xhtml" => SourceFormat::Html,
                "json" => SourceFormat::JsonPosting,
                "md" | "markdown" => SourceFormat::Markdown,
                "pdf" => SourceFormat::Pdf,
                "docx" => SourceFormat::Docx,
                "odt" => SourceFormat::Odt,
                _ => SourceFormat::Text,
            },
            None => SourceFormat::Text,
        }
    }
}

/// The original of a converted input: its own text, and where each byte of the converted text came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Original {
    /// The input's own text (the HTML).
    pub text: String,
    /// `map[i]` is the offset in [`Original::text`] of byte `i` of [`Source::text`], with one extra entry for the
    /// end (see [`crate::Document::remap`]).
    pub map: Vec<u32>,
}

/// One input document, decoded and converted to the text to extract from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// How to name it in output and errors: the path as given, or `stdin`.
    pub name: String,
    /// The text to extract from.
    pub text: String,
    /// For converted formats (HTML), the input's own text and the offset map back to it.
    pub original: Option<Original>,
    /// The format it was read as.
    pub format: SourceFormat,
    /// The encoding it was read in. Offsets index the text as UTF-8, so for UTF-16, UTF-32 and Windows-1252
    /// input they index the decoded text, not the file's bytes. A caller should tell the user about
    /// [`Encoding::Windows1252`], which is a guess: the bytes were not UTF-8, and that encoding fits them.
    pub encoding: Encoding,
}

impl Source {
    /// The text that offsets in output index: the file itself for HTML, else [`Source::text`].
    pub fn original_text(&self) -> &str {
        self.original.as_ref().map_or(&self.text, |o| &o.text)
    }

    /// The 1-based line, in [`Source::original_text`], of a byte offset into [`Source::text`].
    pub fn line_of(&self, offset: usize) -> usize {
        match &self.original {
            Some(original) => line_in(&original.text, original.map.get(offset).copied().unwrap_or(0) as usize),
            None => line_in(&self.text, offset),
        }
    }
}

/// The 1-based line of a byte offset in `text` (offsets past the end count as the end).
pub fn line_in(text: &str, offset: usize) -> usize {
    text.bytes().take(offset).filter(|&b| b == b'\n').count() + 1
}

/// Reads an input document from its bytes. PDF, Word and OpenDocument files are told by their content (with the
/// `pdf` and `docx` features; without them they are refused with a message saying what to do); otherwise `name` (a
/// path, or `stdin`) picks the format by its extension (see [`SourceFormat::from_name`]). `name` also names the
/// input in errors. Encodings are read as [`decode_text`] reads them, except that bytes which are not UTF-8 but fit
/// Windows-1252 (as word processors save a CV) are read in that encoding, and [`Source::encoding`] says so. An
/// input with no text is an [`ErrorKind::Empty`] error, a malformed JSON posting an [`ErrorKind::Json`] one.
pub fn read_source(name: &str, bytes: Vec<u8>) -> Result<Source, Error> {
    if let Some(converted) = read_document_format(name, &bytes) {
        let (text, format) = converted?;
        return Ok(Source { name: name.to_owned(), text, original: None, format, encoding: Encoding::Utf8 });
    }
    let (text, encoding) = decode::decode(name, bytes, decode::Fallback::Windows1252)?;
    if is_blank(&text) {
        return Err(Error::new(
            ErrorKind::Empty,
            name,
            "the input is empty; give a file with the text of a CV, bio or posting",
        ));
    }
    let format = match SourceFormat::from_name(name) {
        // Named like a document but not one by its content: text saved under the wrong name.
        SourceFormat::Pdf | SourceFormat::Docx | SourceFormat::Odt => SourceFormat::Text,
        format => format,
    };
    let (text, original) = match format {
        SourceFormat::Text | SourceFormat::Markdown | SourceFormat::Pdf | SourceFormat::Docx | SourceFormat::Odt => {
            (text, None)
        }
        SourceFormat::Html => {
            let converted = html_to_text(&text);
            (converted.text, Some(Original { text, map: converted.map }))
        }
        // A byte-order mark is not JSON: offsets index the assembled text, so dropping it moves none of them.
        SourceFormat::JsonPosting => {
            (json_posting::json_posting_text(name, text.trim_start_matches('\u{FEFF}'))?, None)
        }
    };
    Ok(Source { name: name.to_owned(), text, original, format, encoding })
}

/// PDF, Word and OpenDocument files, converted to text, when the features that read them are on.
#[allow(unused_variables)]
fn read_document_format(name: &str, bytes: &[u8]) -> Option<Result<(String, SourceFormat), Error>> {
    match sniff::sniff(bytes) {
        #[cfg(feature = "pdf")]
        sniff::Container::Pdf => Some(pdf::pdf_text(name, bytes).map(|t| (t, SourceFormat::Pdf))),
        #[cfg(feature = "docx")]
        sniff::Container::Docx => {
            Some(docx::office_text(name, bytes, docx::Office::Docx).map(|t| (t, SourceFormat::Docx)))
        }
        #[cfg(feature = "docx")]
        sniff::Container::Odt => {
            Some(docx::office_text(name, bytes, docx::Office::Odt).map(|t| (t, SourceFormat::Odt)))
        }
        _ => None,
    }
}

/// Whitespace and byte-order marks only.
fn is_blank(text: &str) -> bool {
    text.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}').is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_from_name() {
        const CASES: &[(&str, SourceFormat)] = &[
            ("cv.txt", SourceFormat::Text),
            ("stdin", SourceFormat::Text),
            ("notes", SourceFormat::Text),
            ("dir.v2/notes", SourceFormat::Text),
            ("cv.md", SourceFormat::Markdown),
            ("CV.Markdown", SourceFormat::Markdown),
            ("job.HTML", SourceFormat::Html),
            ("job.htm", SourceFormat::Html),
            ("job.xhtml", SourceFormat::Html),
            ("job.json", SourceFormat::JsonPosting),
        ];
        for &(name, expected) in CASES {
            assert_eq!(SourceFormat::from_name(name), expected, "{name}");
        }
    }

    #[test]
    fn blank_inputs() {
        const CASES: &[(&str, bool)] =
            &[("", true), (" \n\t", true), ("\u{FEFF}\n", true), ("x", false), ("\u{FEFF}Python", false)];
        for &(text, blank) in CASES {
            assert_eq!(is_blank(text), blank, "{text:?}");
        }
    }

    #[test]
    fn reads_each_format() {
        let text = read_source("cv.md", b"# Me\nPython".to_vec()).expect("markdown");
        assert_eq!(
            (text.format, text.text.as_str(), text.original.is_none()),
            (SourceFormat::Markdown, "# Me\nPython", true)
        );

        let html = read_source("job.html", b"<h1>Job</h1>\n<p>We use <b>SQL</b></p>".to_vec()).expect("html");
        assert_eq!(html.format, SourceFormat::Html);
        let at = html.text.find("SQL").expect("SQL in the text");
        let original = html.original.as_ref().expect("an original");
        assert_eq!(&original.text[original.map[at] as usize..][..3], "SQL");
        assert_eq!(html.line_of(at), 2, "lines count in the HTML file");
        assert_eq!(html.original_text(), original.text);

        let json = read_source("job.json", br#"{"title":"Welder","skills":"TIG welding"}"#.to_vec()).expect("json");
        assert_eq!((json.format, json.text.as_str()), (SourceFormat::JsonPosting, "Welder\n\nSkills\nTIG welding\n\n"));
        // Regression: a UTF-8 byte-order mark failed with "expected value at line 1 column 1".
        let bom = read_source("job.json", b"\xEF\xBB\xBF{\"title\":\"Welder\"}".to_vec()).expect("json with a BOM");
        assert_eq!(bom.text, "Welder\n\n");
        let cv = read_source("cv.txt", b"Caf\xe9 manager".to_vec()).expect("Windows-1252");
        assert_eq!((cv.text.as_str(), cv.encoding), ("Caf\u{e9} manager", Encoding::Windows1252));
    }

    #[test]
    fn empty_and_bad_inputs_are_typed_errors_naming_the_file() {
        const CASES: &[(&str, &[u8], ErrorKind, &str)] = &[
            ("empty.txt", b"", ErrorKind::Empty, "empty.txt: the input is empty"),
            ("blank.md", b" \r\n", ErrorKind::Empty, "blank.md: the input is empty"),
            ("cv.pdf", b"%PDF-1.4", ErrorKind::UnsupportedFormat, "cv.pdf: "),
            ("cv.txt", b"caf\x81", ErrorKind::Encoding, "cv.txt:1: not valid UTF-8"),
            ("job.json", b"{", ErrorKind::Json, "job.json:1:1: cannot read it as a JSON job posting"),
        ];
        for &(name, bytes, kind, message) in CASES {
            let err = read_source(name, bytes.to_vec()).expect_err(name);
            assert_eq!(err.kind(), kind, "{name}");
            assert!(err.to_string().starts_with(message), "{name}: {err}");
        }
    }

    #[test]
    fn line_in_counts_newlines_before_the_offset() {
        const CASES: &[(&str, usize, usize)] =
            &[("a\nb\nc", 0, 1), ("a\nb\nc", 2, 2), ("a\nb\nc", 4, 3), ("a\n", 99, 2)];
        for &(text, offset, line) in CASES {
            assert_eq!(line_in(text, offset), line, "{text:?} at {offset}");
        }
    }
}
