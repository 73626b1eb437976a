//! PDF to text, in reading order (feature `pdf`).
//!
//! `pdf-extract` decodes the fonts and hands over every glyph with its position; the layout here turns the glyphs
//! into lines. Glyphs are joined into runs along a baseline, runs into lines, and a page is cut into columns
//! before it is read top to bottom, so a two-column CV reads one column after the other instead of interleaving
//! them line by line. The parser runs inside [`std::panic::catch_unwind`]: a PDF that makes it panic is an error
//! naming the file, never a crash.

use std::panic::{catch_unwind, AssertUnwindSafe};

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

use super::layout::{layout_page, Glyph};
use crate::error::{Error, ErrorKind};

/// Extracts the text of a PDF, page by page in reading order. A PDF with no text layer (a scan), an encrypted one,
/// and one the parser cannot read (or panics on) are [`ErrorKind::UnsupportedFormat`] errors naming `name`.
pub fn pdf_text(name: &str, bytes: &[u8]) -> Result<String, Error> {
    let outcome = catch_unwind(AssertUnwindSafe(|| read_glyphs(bytes)));
    let pages = match outcome {
        Ok(Ok(pages)) => pages,
        Ok(Err(PdfProblem::Encrypted)) => return Err(encrypted(name)),
        Ok(Err(PdfProblem::Unreadable(reason))) => {
            return Err(Error::new(
                ErrorKind::UnsupportedFormat,
                name,
                format!("cannot read this PDF ({reason}); export it as text (.txt) or re-save it as PDF and try again"),
            ))
        }
        Err(payload) => {
            let reason = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "no reason given".to_owned());
            return Err(Error::new(
                ErrorKind::UnsupportedFormat,
                name,
                format!("the PDF reader failed on this file ({reason}): it is damaged or uses a feature the reader does not know; export it as text (.txt) and try again"),
            ));
        }
    };
    let mut text = String::new();
    for page in &pages {
        let page_text = layout_page(page);
        if page_text.trim().is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(&page_text);
    }
    if text.trim().is_empty() {
        return Err(Error::new(
            ErrorKind::UnsupportedFormat,
            name,
            "no text layer: this looks like a scanned PDF; export it as text or run OCR (for example `ocrmypdf`) first",
        ));
    }
    Ok(text)
}

fn encrypted(name: &str) -> Error {
    Error::new(
        ErrorKind::UnsupportedFormat,
        name,
        "this PDF is encrypted (password-protected); open it, save or print it as a PDF without a password, or export it as text",
    )
}

enum PdfProblem {
    Encrypted,
    Unreadable(String),
}

/// The glyphs of every page, in content order.
fn read_glyphs(bytes: &[u8]) -> Result<Vec<Vec<Glyph>>, PdfProblem> {
    let document = match pdf_extract::Document::load_mem(bytes) {
        Ok(document) => document,
        // lopdf opens a file encrypted with an empty user password by itself; any other encrypted file fails here.
        Err(_) if has_encrypt_entry(bytes) => return Err(PdfProblem::Encrypted),
        Err(err) => return Err(PdfProblem::Unreadable(err.to_string())),
    };
    if document.is_encrypted() {
        return Err(PdfProblem::Encrypted);
    }
    let mut collector = GlyphCollector::default();
    pdf_extract::output_doc(&document, &mut collector).map_err(|e| PdfProblem::Unreadable(e.to_string()))?;
    Ok(collector.pages)
}

/// Whether the file's trailer names an encryption dictionary.
fn has_encrypt_entry(bytes: &[u8]) -> bool {
    bytes.windows(b"/Encrypt".len()).any(|w| w == b"/Encrypt")
}

/// Collects the glyphs pdf-extract shows, page by page, in PDF user space (y grows upwards).
#[derive(Debug, Default)]
struct GlyphCollector {
    pages: Vec<Vec<Glyph>>,
    /// How far the glyphs of the current string have been pushed right by widths the reader guessed.
    drift: f64,
}

/// pdf-extract 0.12 misreads the `first last width` form of a CID font's `/W` array (browsers write it for runs of
/// digits) and falls back to a width of 1000 units, a full em: every later glyph of the string then sits too far
/// right. A Latin glyph exactly one em wide is taken as such a guess, advanced by a typical width instead, and the
/// rest of its string moved back to match. Glyphs that are an em wide (dashes, CJK) keep their width.
const GUESSED_WIDTH: f64 = 1.0;
/// The advance used instead of a guessed (or missing) width, in ems: on the wide side of digits and lower-case
/// letters, so that an error closes a gap rather than opening one inside a word.
const TYPICAL_WIDTH: f64 = 0.64;

/// What pdfTeX's T1-encoded fonts (most LaTeX CVs) mean by the codes pdf-extract cannot map: it hands over the
/// raw control code (en and em dashes) or reads the code in PDFDocEncoding (ligatures as spacing accents, which a
/// CV never sets on their own). Without this, "Jan 2018 -- Feb 2021" loses its dash and "Airflow" reads "Air˛ow".
fn tex_text(text: &str) -> &str {
    match text {
        "\u{15}" => "–",
        "\u{16}" => "—",
        "\u{10}" => "“",
        "\u{11}" => "”",
        "\u{1B}" | "\u{2D9}" => "ff",
        "\u{1C}" | "\u{2DD}" => "fi",
        "\u{1D}" | "\u{2DB}" => "fl",
        "\u{1E}" | "\u{2DA}" => "ffi",
        "\u{1F}" | "\u{2DC}" => "ffl",
        other => other,
    }
}

/// Glyphs that are truly an em wide.
fn em_wide(text: &str) -> bool {
    text.chars().any(|c| matches!(c, '—' | '\u{2001}' | '\u{2003}' | 'M' | 'W') || c >= '\u{2E80}')
}

impl OutputDev for GlyphCollector {
    fn begin_page(&mut self, _: u32, _: &MediaBox, _: Option<(f64, f64, f64, f64)>) -> Result<(), OutputError> {
        self.pages.push(Vec::new());
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        // The font size in user space: the side of the square with the area the transform gives an em square.
        let (sx, sy) = (font_size * (trm.m11 + trm.m21), font_size * (trm.m12 + trm.m22));
        let size = (sx * sy).abs().sqrt();
        if !size.is_finite() || size <= 0.0 || text.is_empty() {
            return Ok(());
        }
        let x = trm.m31 - self.drift;
        let width = if width == 0.0 && !text.trim().is_empty() {
            // No width at all (accented glyphs of some subset fonts): a typical one, for the gap to the next.
            TYPICAL_WIDTH
        } else if width == GUESSED_WIDTH && !em_wide(text) {
            self.drift += (GUESSED_WIDTH - TYPICAL_WIDTH) * size;
            TYPICAL_WIDTH
        } else {
            width
        };
        let glyph = Glyph { x, y: trm.m32, width: width * size, size, text: tex_text(text).to_owned() };
        if let Some(page) = self.pages.last_mut() {
            page.push(glyph);
        }
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        self.drift = 0.0;
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tex_codes_read_as_what_they_mean() {
        const CASES: &[(&str, &str)] =
            &[("\u{15}", "–"), ("\u{2DB}", "fl"), ("\u{1C}", "fi"), ("a", "a"), ("é", "é"), ("\u{2014}", "\u{2014}")];
        for &(code, text) in CASES {
            assert_eq!(tex_text(code), text, "{code:?}");
        }
    }
}
