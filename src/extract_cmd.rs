//! `skillgap extract`: which skills a text names, where, and how they matched.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::{bail, Result};
use skillgap::{extract_reading_lists, ExtractStream, Extractor, Scratch, Source, SourceFormat, TargetKind, Taxonomy};

use crate::args::Format;
use crate::config::ExtractConfig;
use crate::input::Inputs;
use crate::output::Output;
use crate::render::{self, Style};

/// Reads the input, extracts, and writes the report in `format`.
pub fn run(
    taxonomy: Taxonomy,
    options: &ExtractConfig,
    inputs: Inputs,
    phrases: skillgap::PhraseMatching,
    format: Format,
    style: Style,
    out: &mut Output,
) -> Result<ExitCode> {
    let source = match options.file.as_deref() {
        None => inputs.stdin_document()?,
        Some(path) => inputs.document(path)?,
    };
    if options.show_text {
        // The text offsets index: for a PDF or Word file, the extracted text. Control characters are made printable
        // line by line, each by one of the same length (a tab by a space), so offsets still count in this output.
        // Written line by line as it is made printable: no second copy of a large text.
        for (i, line) in source.text.split('\n').enumerate() {
            if i > 0 {
                out.write_all(b"\n")?;
            }
            out.write_all(skillgap::printable(line).as_bytes())?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    // Only the aliases this input can contain: the same result, and the automaton builds in milliseconds.
    let extractor =
        Extractor::builder().restrict_to_words_of(&[source.text.as_str()]).phrase_matching(phrases).build(taxonomy)?;
    if options.lines {
        extract_lines(&extractor, &source, options.kind.unwrap_or(TargetKind::Posting), format, out)
    } else {
        extract_document(&extractor, &source, options.kind, format, style, out)
    }
}

/// The whole input as one document.
fn extract_document(
    extractor: &Extractor,
    source: &Source,
    kind: Option<TargetKind>,
    format: Format,
    style: Style,
    out: &mut Output,
) -> Result<ExitCode> {
    // Skill lists are also read by near spelling, as for a CV ("Kubernets" → Kubernetes, marked fuzzy).
    let mut doc = extract_reading_lists(extractor, &source.text, kind);
    if let Some(original) = &source.original {
        doc.remap(&original.map, &original.text);
    }
    // `out` is buffered and written as the report is produced: memory stays flat in the number of mentions.
    let report = ExtractStream::new(extractor.taxonomy(), &doc, source);
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &report).map_err(io::Error::from)?;
            out.write_all(b"\n")?;
        }
        Format::Csv => {
            out.write_all(render::csv::extract_header()?.as_bytes())?;
            render::csv::write_extract_rows(&mut *out, &report)?;
        }
        Format::Md => {
            out.write_all(render::md::extract_header(&source.name).as_bytes())?;
            // A row shows the first mention only.
            for skill in report.skills(1) {
                out.write_all(render::md::extract_row(&skill).as_bytes())?;
            }
        }
        Format::Text => {
            out.write_all(render::text::extract_header(report.len(), &source.name, style).as_bytes())?;
            for skill in report.skills(render::text::MENTIONS_SHOWN) {
                out.write_all(render::text::extracted_skill(&skill, style).as_bytes())?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Every line its own document (JSON Lines with `--format json`), written as it is produced. Lines are read as
/// `kind` (a posting unless the user says otherwise): one line is too little to tell a bio by.
fn extract_lines(
    extractor: &Extractor,
    source: &Source,
    kind: TargetKind,
    format: Format,
    out: &mut Output,
) -> Result<ExitCode> {
    if matches!(source.format, SourceFormat::Html | SourceFormat::JsonPosting) {
        bail!("{}: --lines reads plain text, one document per line; drop --lines for HTML and JSON files", source.name);
    }
    let taxonomy = extractor.taxonomy();
    let mut scratch = Scratch::default();
    if format == Format::Csv {
        out.write_all(render::csv::extract_header()?.as_bytes())?;
    }
    for (n, line) in source.text.lines().enumerate() {
        let doc = extractor.extract_as_with(line, kind, &mut scratch);
        let report = ExtractStream::for_line(taxonomy, &doc, n + 1);
        match format {
            Format::Json => {
                serde_json::to_writer(&mut *out, &report).map_err(io::Error::from)?;
                out.write_all(b"\n")?;
            }
            Format::Csv => render::csv::write_extract_rows(&mut *out, &report)?,
            Format::Text | Format::Md => out.write_all(render::text::extract_line(&report).as_bytes())?,
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
