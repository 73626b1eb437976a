//! Word (`.docx`) and OpenDocument (`.odt`) to text (feature `docx`).
//!
//! Paragraphs, list items, table rows and text boxes each become lines; headings get a blank line before them, list
//! items a bullet. A table whose cells hold one paragraph each is read row by row (cells joined by a tab); a layout
//! table (a sidebar in one cell, the body in another) is read cell by cell, so its columns do not interleave.

use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use crate::error::{Error, ErrorKind};

/// The largest XML part read from the zip: far above any CV, and a bound on what a zip bomb can cost.
const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;

/// Which office format a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Office {
    /// Word, Office Open XML.
    Docx,
    /// OpenDocument text.
    Odt,
}

/// Extracts the text of a `.docx` or `.odt` file. A damaged container is an [`ErrorKind::UnsupportedFormat`]
/// error naming `name`; one with no text is [`ErrorKind::Empty`].
pub fn office_text(name: &str, bytes: &[u8], office: Office) -> Result<String, Error> {
    let part = match office {
        Office::Docx => "word/document.xml",
        Office::Odt => "content.xml",
    };
    let what = match office {
        Office::Docx => "Word",
        Office::Odt => "OpenDocument",
    };
    let unreadable = |reason: String| {
        Error::new(
            ErrorKind::UnsupportedFormat,
            name,
            format!("cannot read this {what} file ({reason}); open it and save it again, or export it as text (.txt)"),
        )
    };
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| unreadable(e.to_string()))?;
    let mut xml = Vec::new();
    archive
        .by_name(part)
        .map_err(|e| unreadable(format!("{part}: {e}")))?
        .take(MAX_PART_BYTES)
        .read_to_end(&mut xml)
        .map_err(|e| unreadable(format!("{part}: {e}")))?;
    let xml = String::from_utf8(xml).map_err(|_| unreadable(format!("{part} is not UTF-8")))?;
    let text = match office {
        Office::Docx => docx_xml_text(&xml),
        Office::Odt => odt_xml_text(&xml),
    }
    .map_err(|e| unreadable(format!("{part}: {e}")))?;
    if text.trim().is_empty() {
        return Err(Error::new(ErrorKind::Empty, name, format!("this {what} file holds no text")));
    }
    Ok(text)
}

/// The text of `word/document.xml`.
pub(crate) fn docx_xml_text(xml: &str) -> Result<String, quick_xml::Error> {
    let mut reader = Reader::from_str(xml);
    let mut flow = Flow::default();
    // Inside `w:t`; inside `mc:Fallback` (a copy of a text box for old readers), whose text is read twice otherwise.
    let (mut in_text, mut fallback) = (false, 0usize);
    loop {
        match reader.read_event()? {
            Event::Start(e) => match e.local_name().as_ref() {
                b"Fallback" => fallback += 1,
                _ if fallback > 0 => {}
                b"p" => flow.start_paragraph(),
                b"t" => in_text = true,
                b"tbl" => flow.start_table(),
                b"tr" => flow.start_row(),
                b"tc" => flow.start_cell(),
                b"pStyle" => docx_style(&e, &mut flow),
                b"numPr" => flow.mark_list_item(),
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                _ if fallback > 0 => {}
                b"tab" => flow.push_text("\t"),
                b"br" | b"cr" => flow.push_text("\n"),
                b"pStyle" => docx_style(&e, &mut flow),
                b"numPr" => flow.mark_list_item(),
                b"p" => {
                    flow.start_paragraph();
                    flow.end_paragraph();
                }
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                b"Fallback" => fallback = fallback.saturating_sub(1),
                _ if fallback > 0 => {}
                b"p" => flow.end_paragraph(),
                b"t" => in_text = false,
                b"tbl" => flow.end_table(),
                b"tr" => flow.end_row(),
                b"tc" => flow.end_cell(),
                _ => {}
            },
            Event::Text(t) if in_text && fallback == 0 => flow.push_text(&t.xml10_content()?),
            Event::CData(t) if in_text && fallback == 0 => flow.push_text(&t.decode()?),
            Event::GeneralRef(r) if in_text && fallback == 0 => flow.push_text(&entity(&r)?),
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(flow.finish())
}

/// Paragraph styles: headings and titles, and list styles.
fn docx_style(e: &BytesStart<'_>, flow: &mut Flow) {
    let Some(style) = attribute(e, b"val") else { return };
    let style = style.to_ascii_lowercase();
    if style.starts_with("heading") || style.starts_with("title") || style.starts_with("subtitle") {
        flow.mark_heading();
    } else if style.starts_with("list") {
        flow.mark_list_item();
    }
}

/// The text of an OpenDocument `content.xml`.
pub(crate) fn odt_xml_text(xml: &str) -> Result<String, quick_xml::Error> {
    let mut reader = Reader::from_str(xml);
    let mut flow = Flow::default();
    // Depth inside the document body, and inside notes and annotations (skipped).
    let (mut paragraphs, mut skipped, mut list_items) = (0usize, 0usize, 0usize);
    loop {
        match reader.read_event()? {
            Event::Start(e) => match e.local_name().as_ref() {
                b"note" | b"annotation" | b"tracked-changes" => skipped += 1,
                _ if skipped > 0 => {}
                b"p" | b"h" => {
                    paragraphs += 1;
                    flow.start_paragraph();
                    if e.local_name().as_ref() == b"h" {
                        flow.mark_heading();
                    } else if list_items > 0 {
                        flow.mark_list_item();
                    }
                }
                b"list-item" => list_items += 1,
                b"table" => flow.start_table(),
                b"table-row" => flow.start_row(),
                b"table-cell" => flow.start_cell(),
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                _ if skipped > 0 => {}
                b"tab" if paragraphs > 0 => flow.push_text("\t"),
                b"s" if paragraphs > 0 => {
                    let count = attribute(&e, b"c").and_then(|c| c.parse::<usize>().ok()).unwrap_or(1).min(64);
                    flow.push_text(&" ".repeat(count));
                }
                b"line-break" if paragraphs > 0 => flow.push_text("\n"),
                b"p" | b"h" => {
                    flow.start_paragraph();
                    flow.end_paragraph();
                }
                b"table-cell" => {
                    flow.start_cell();
                    flow.end_cell();
                }
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                b"note" | b"annotation" | b"tracked-changes" => skipped = skipped.saturating_sub(1),
                _ if skipped > 0 => {}
                b"p" | b"h" => {
                    paragraphs = paragraphs.saturating_sub(1);
                    flow.end_paragraph();
                }
                b"list-item" => list_items = list_items.saturating_sub(1),
                b"table" => flow.end_table(),
                b"table-row" => flow.end_row(),
                b"table-cell" => flow.end_cell(),
                _ => {}
            },
            Event::Text(t) if paragraphs > 0 && skipped == 0 => flow.push_text(&t.xml10_content()?),
            Event::GeneralRef(r) if paragraphs > 0 && skipped == 0 => flow.push_text(&entity(&r)?),
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(flow.finish())
}

/// An attribute's value by its local name (`w:val` is `val`).
fn attribute(e: &BytesStart<'_>, local: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok().map(|v| v.into_owned()))
}

/// An entity or character reference's text.
fn entity(r: &quick_xml::events::BytesRef<'_>) -> Result<String, quick_xml::Error> {
    if let Some(c) = r.resolve_char_ref()? {
        return Ok(c.to_string());
    }
    Ok(match r.decode()?.as_ref() {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        _ => "",
    }
    .to_owned())
}

/// A paragraph being read.
#[derive(Debug, Default)]
struct Paragraph {
    text: String,
    heading: bool,
    list_item: bool,
}

/// A table being read: rows of cells of paragraphs.
#[derive(Debug, Default)]
struct Table {
    rows: Vec<Vec<Vec<String>>>,
}

/// Document flow to lines: paragraphs (nested ones, in text boxes, come out before the paragraph holding them) and
/// tables (nested too).
#[derive(Debug, Default)]
struct Flow {
    lines: Vec<String>,
    paragraphs: Vec<Paragraph>,
    tables: Vec<Table>,
}

impl Flow {
    fn start_paragraph(&mut self) {
        self.paragraphs.push(Paragraph::default());
    }

    fn mark_heading(&mut self) {
        if let Some(p) = self.paragraphs.last_mut() {
            p.heading = true;
        }
    }

    fn mark_list_item(&mut self) {
        if let Some(p) = self.paragraphs.last_mut() {
            p.list_item = true;
        }
    }

    fn push_text(&mut self, text: &str) {
        if let Some(p) = self.paragraphs.last_mut() {
            p.text.push_str(text);
        }
    }

    fn end_paragraph(&mut self) {
        let Some(p) = self.paragraphs.pop() else { return };
        let text = p.text.trim().to_owned();
        let mut lines = Vec::new();
        if p.heading && !text.is_empty() {
            lines.push(String::new());
        }
        let bulleted = p.list_item && !text.is_empty() && !text.starts_with(['•', '-', '*', '–']);
        lines.push(if bulleted { format!("• {text}") } else { text });
        match self.tables.last_mut().and_then(|t| t.rows.last_mut()).and_then(|r| r.last_mut()) {
            Some(cell) => cell.extend(lines.into_iter().filter(|l| !l.is_empty())),
            None => self.lines.extend(lines),
        }
    }

    fn start_table(&mut self) {
        self.tables.push(Table::default());
    }

    fn start_row(&mut self) {
        if let Some(t) = self.tables.last_mut() {
            t.rows.push(Vec::new());
        }
    }

    fn start_cell(&mut self) {
        if let Some(row) = self.tables.last_mut().and_then(|t| t.rows.last_mut()) {
            row.push(Vec::new());
        }
    }

    fn end_cell(&mut self) {}

    fn end_row(&mut self) {}

    /// A table becomes lines: row by row when every cell holds at most one paragraph, else cell by cell.
    fn end_table(&mut self) {
        let Some(table) = self.tables.pop() else { return };
        let mut lines = Vec::new();
        for row in table.rows {
            if row.iter().all(|cell| cell.len() <= 1) {
                let cells: Vec<&str> = row.iter().filter_map(|c| c.first().map(String::as_str)).collect();
                if !cells.is_empty() {
                    lines.push(cells.join("\t"));
                }
            } else {
                for cell in row.into_iter().filter(|c| !c.is_empty()) {
                    lines.extend(cell);
                    lines.push(String::new());
                }
            }
        }
        lines.push(String::new());
        match self.tables.last_mut().and_then(|t| t.rows.last_mut()).and_then(|r| r.last_mut()) {
            Some(cell) => cell.extend(lines.into_iter().filter(|l| !l.is_empty())),
            None => self.lines.extend(lines),
        }
    }

    /// The lines, with runs of blank lines folded to one.
    fn finish(mut self) -> String {
        while !self.paragraphs.is_empty() {
            self.end_paragraph();
        }
        let mut text = String::new();
        let mut blank = false;
        for line in &self.lines {
            let line = line.trim_end();
            if line.is_empty() {
                blank = !text.is_empty();
                continue;
            }
            if blank {
                text.push('\n');
                blank = false;
            }
            text.push_str(line);
            text.push('\n');
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#;

    fn docx(body: &str) -> String {
        docx_xml_text(&format!("<w:document {W}><w:body>{body}</w:body></w:document>")).expect("well-formed")
    }

    struct Case {
        name: &'static str,
        body: &'static str,
        expected: &'static str,
    }

    const DOCX_CASES: &[Case] = &[
        Case {
            name: "paragraphs, runs and entities",
            body: "<w:p><w:r><w:t>José Müller</w:t></w:r></w:p><w:p><w:r><w:t xml:space=\"preserve\">R&amp;D </w:t></w:r><w:r><w:t>lead</w:t></w:r></w:p>",
            expected: "José Müller\nR&D lead\n",
        },
        Case {
            name: "headings get a blank line, list items a bullet",
            body: "<w:p><w:r><w:t>Summary</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t>Skills</w:t></w:r></w:p><w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/></w:numPr></w:pPr><w:r><w:t>Python</w:t></w:r></w:p>",
            expected: "Summary\n\nSkills\n• Python\n",
        },
        Case {
            name: "a table of one-paragraph cells is read row by row",
            body: "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>SQL</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>5 years</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>Excel</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>3 years</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
            expected: "SQL\t5 years\nExcel\t3 years\n",
        },
        Case {
            name: "a layout table is read cell by cell",
            body: "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Skills</w:t></w:r></w:p><w:p><w:r><w:t>Tableau</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Experience</w:t></w:r></w:p><w:p><w:r><w:t>Analyst</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
            expected: "Skills\nTableau\n\nExperience\nAnalyst\n",
        },
        Case {
            name: "a text box is read once, not again from its fallback copy",
            body: "<w:p><w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent><w:p><w:r><w:t>Kubernetes</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Kubernetes</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>Contact</w:t></w:r></w:p>",
            expected: "Kubernetes\nContact\n",
        },
        Case {
            name: "tabs and breaks",
            body: "<w:p><w:r><w:t>Analyst</w:t><w:tab/><w:t>2019</w:t><w:br/><w:t>Acme</w:t></w:r></w:p>",
            expected: "Analyst\t2019\nAcme\n",
        },
    ];

    #[test]
    fn docx_to_lines() {
        for case in DOCX_CASES {
            assert_eq!(docx(case.body), case.expected, "{}", case.name);
        }
    }

    #[test]
    fn odt_to_lines() {
        let xml = r#"<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body><office:text><text:h text:outline-level="1">Skills</text:h><text:list><text:list-item><text:p>Power<text:s/>BI</text:p></text:list-item></text:list><text:p>Zoë<text:tab/>2021<text:note><text:note-body><text:p>a footnote</text:p></text:note-body></text:note></text:p><table:table><table:table-row><table:table-cell><text:p>SQL</text:p></table:table-cell><table:table-cell><text:p>4 years</text:p></table:table-cell></table:table-row></table:table></office:text></office:body></office:document-content>"#;
        assert_eq!(odt_xml_text(xml).expect("well-formed"), "Skills\n• Power BI\nZoë\t2021\nSQL\t4 years\n");
    }
}
