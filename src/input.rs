//! Reading inputs: files and standard input, as text, HTML or schema.org JSON postings, with clear errors.

use std::fs;
use std::io::Read;
use std::path::Path;

use anyhow::{bail, Context, Result};

/// A document read from disk or standard input.
#[derive(Debug)]
pub struct Input {
    /// How to name it in output: the path as given, or `stdin`.
    pub label: String,
    /// The text to extract from.
    pub text: String,
    /// For HTML, the file's own text and the map from `text` offsets to it, so that spans index the file.
    pub original: Option<(String, Vec<u32>)>,
}

impl Input {
    /// The text that spans in `extract` output index: the file itself for HTML, else `text`.
    pub fn own_text(&self) -> &str {
        self.original.as_ref().map_or(&self.text, |(original, _)| original)
    }
}

/// The file kinds read, by extension; anything else is read as plain text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Flavour {
    Text,
    Html,
    Json,
}

fn flavour(path: &Path) -> Flavour {
    match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
        Some("html" | "htm" | "xhtml") => Flavour::Html,
        Some("json") => Flavour::Json,
        _ => Flavour::Text,
    }
}

/// Reads a file, or standard input for `-`.
pub fn read(path: &Path) -> Result<Input> {
    if path.as_os_str() == "-" {
        return read_stdin();
    }
    let label = path.display().to_string();
    if path.is_dir() {
        bail!("{label} is a folder; give the path of a file inside it");
    }
    let bytes = fs::read(path).with_context(|| format!("cannot read {label}; check the path and permissions"))?;
    decode(label, bytes, flavour(path))
}

/// Reads standard input as plain text.
pub fn read_stdin() -> Result<Input> {
    let mut bytes = Vec::new();
    std::io::stdin().read_to_end(&mut bytes).context("cannot read standard input")?;
    decode("stdin".to_owned(), bytes, Flavour::Text)
}

fn decode(label: String, bytes: Vec<u8>, flavour: Flavour) -> Result<Input> {
    let head = &bytes[..bytes.len().min(8192)];
    let text = if let Some(text) = decode_utf16(&bytes) {
        text
    } else {
        if head.starts_with(b"%PDF") {
            bail!("{label} is a PDF; save it as text (.txt or .md) first, for example with `pdftotext {label}`");
        }
        if head.starts_with(b"PK\x03\x04") {
            bail!("{label} looks like a Word or zip file; save it as plain text (.txt or .md) first");
        }
        if head.contains(&0) {
            bail!("{label} looks like a binary file, not text; give a .txt, .md, .html or .json file");
        }
        match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                let bytes = e.into_bytes();
                let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
                bail!(
                    "{label}:{line}: not valid UTF-8 (byte {at}); save the file as UTF-8 text (most editors offer it under \"Save as\" or \"Encoding\")"
                );
            }
        }
    };
    if text.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}').is_empty() {
        bail!("{label} is empty; give a file with the text of a CV, bio or posting");
    }
    match flavour {
        Flavour::Text => Ok(Input { label, text, original: None }),
        Flavour::Html => {
            let converted = skillgap::html_to_text(&text);
            Ok(Input { label, text: converted.text, original: Some((text, converted.map)) })
        }
        Flavour::Json => {
            let posting =
                json_posting_text(&text).with_context(|| format!("cannot read {label} as a JSON job posting"))?;
            Ok(Input { label, text: posting, original: None })
        }
    }
}

/// UTF-16 with a byte-order mark, as some Windows editors save it.
fn decode_utf16(bytes: &[u8]) -> Option<String> {
    let (le, body) = match bytes {
        [0xFF, 0xFE, rest @ ..] => (true, rest),
        [0xFE, 0xFF, rest @ ..] => (false, rest),
        _ => return None,
    };
    let units: Vec<u16> = body
        .chunks_exact(2)
        .map(|c| if le { u16::from_le_bytes([c[0], c[1]]) } else { u16::from_be_bytes([c[0], c[1]]) })
        .collect();
    String::from_utf16(&units).ok()
}

/// The text of a saved job posting in JSON: a schema.org `JobPosting` (or a list of objects, or any object with
/// a description). Title, description (HTML allowed), qualifications, responsibilities, skills and education
/// requirements are joined, each on its own lines, under a heading so that sections are recognised.
fn json_posting_text(json: &str) -> Result<String> {
    let value: serde_json::Value = serde_json::from_str(json).map_err(|e| {
        anyhow::anyhow!("line {}, column {}: {e}; check that the file is valid JSON", e.line(), e.column())
    })?;
    let mut out = String::new();
    collect_posting(&value, &mut out);
    if out.trim().is_empty() {
        bail!("found no posting text; expected a JSON object with a \"description\" (schema.org JobPosting)");
    }
    Ok(out)
}

fn collect_posting(value: &serde_json::Value, out: &mut String) {
    use serde_json::Value;
    const FIELDS: &[(&str, &str)] = &[
        ("title", ""),
        ("description", ""),
        ("responsibilities", "Responsibilities"),
        ("qualifications", "Qualifications"),
        ("skills", "Skills"),
        ("educationRequirements", "Education requirements"),
        ("experienceRequirements", "Experience requirements"),
    ];
    match value {
        Value::Array(items) => items.iter().for_each(|item| collect_posting(item, out)),
        Value::Object(map) => {
            if let Some(graph) = map.get("@graph") {
                collect_posting(graph, out);
            }
            for (field, heading) in FIELDS {
                let Some(v) = map.get(*field) else { continue };
                let text = flatten(v);
                if text.trim().is_empty() {
                    continue;
                }
                if !heading.is_empty() {
                    out.push_str(heading);
                    out.push('\n');
                }
                if text.contains('<') {
                    out.push_str(&skillgap::html_to_text(&text).text);
                } else {
                    out.push_str(&text);
                }
                out.push_str("\n\n");
            }
        }
        _ => {}
    }
}

fn flatten(value: &serde_json::Value) -> String {
    use serde_json::Value;
    match value {
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(flatten).collect::<Vec<_>>().join("\n"),
        Value::Object(map) => map.values().map(flatten).collect::<Vec<_>>().join("\n"),
        Value::Number(n) => n.to_string(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_bytes_get_clear_errors() {
        let err = |bytes: &[u8]| decode("f.txt".into(), bytes.to_vec(), Flavour::Text).unwrap_err().to_string();
        assert!(err(b"").contains("is empty"));
        assert!(err(b" \n\t").contains("is empty"));
        assert!(err(b"%PDF-1.7 ...").contains("PDF"));
        assert!(err(b"ab\0cd").contains("binary"));
        assert!(err(b"ok\nline two \xff").starts_with("f.txt:2: not valid UTF-8"));
    }

    #[test]
    fn utf16_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend("Python".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode("f".into(), bytes, Flavour::Text).map(|i| i.text).ok().as_deref(), Some("Python"));
    }

    #[test]
    fn json_postings() {
        let json = r#"{"@type":"JobPosting","title":"Data Engineer","description":"<p>Kafka &amp; SQL</p>","skills":["dbt","Airflow"]}"#;
        let text = json_posting_text(json).unwrap_or_default();
        assert!(
            text.contains("Data Engineer") && text.contains("Kafka & SQL") && text.contains("Skills\ndbt\nAirflow")
        );
        assert!(json_posting_text("{").is_err());
        assert!(json_posting_text(r#"{"x":1}"#).is_err());
    }
}
