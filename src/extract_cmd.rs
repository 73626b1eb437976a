//! `skillgap extract`: which skills a text names, where, and how they matched.

use std::process::ExitCode;

use anyhow::{bail, Result};
use skillgap::{extract_reading_lists, ExtractReport, Extractor, Scratch, Source, SourceFormat, TargetKind, Taxonomy};

use crate::args::Format;
use crate::config::ExtractConfig;
use crate::render::{self, Style};
use crate::{input, write_out};

/// Output is written in chunks of about this many bytes with `--lines`, so memory stays flat.
const FLUSH_BYTES: usize = 1 << 16;

/// Reads the input, extracts, and writes the report in `format`.
pub fn run(
    taxonomy: Taxonomy,
    options: &ExtractConfig,
    phrases: skillgap::PhraseMatching,
    format: Format,
    style: Style,
) -> Result<ExitCode> {
    let source = match options.file.as_deref() {
        None => input::read_stdin()?,
        Some(path) => input::read(path)?,
    };
    // Only the aliases this input can contain: the same result, and the automaton builds in milliseconds.
    let extractor =
        Extractor::builder().restrict_to_words_of(&[source.text.as_str()]).phrase_matching(phrases).build(taxonomy)?;
    if options.lines {
        extract_lines(&extractor, &source, options.kind.unwrap_or(TargetKind::Posting), format)
    } else {
        extract_document(&extractor, &source, options.kind, format, style)
    }
}

/// The whole input as one document.
fn extract_document(
    extractor: &Extractor,
    source: &Source,
    kind: Option<TargetKind>,
    format: Format,
    style: Style,
) -> Result<ExitCode> {
    // Skill lists are also read by near spelling, as for a CV ("Kubernets" → Kubernetes, marked fuzzy).
    let mut doc = extract_reading_lists(extractor, &source.text, kind);
    if let Some(original) = &source.original {
        doc.remap(&original.map, &original.text);
    }
    let report = ExtractReport::new(extractor.taxonomy(), &doc, source);
    let rendered = match format {
        Format::Json => render::json_pretty(&report)?,
        Format::Csv => render::csv::extract_header()? + &render::csv::extract_rows(&report)?,
        Format::Md => render::md::extract(&report),
        Format::Text => render::text::extract(&report, style),
    };
    write_out(&rendered)?;
    Ok(ExitCode::SUCCESS)
}

/// Every line its own document (JSON Lines with `--format json`), written as it is produced. Lines are read as
/// `kind` (a posting unless the user says otherwise): one line is too little to tell a bio by.
fn extract_lines(extractor: &Extractor, source: &Source, kind: TargetKind, format: Format) -> Result<ExitCode> {
    if matches!(source.format, SourceFormat::Html | SourceFormat::JsonPosting) {
        bail!("{}: --lines reads plain text, one document per line; drop --lines for HTML and JSON files", source.name);
    }
    let taxonomy = extractor.taxonomy();
    let mut scratch = Scratch::default();
    let mut out = String::new();
    if format == Format::Csv {
        out.push_str(&render::csv::extract_header()?);
    }
    for (n, line) in source.text.lines().enumerate() {
        let doc = extractor.extract_as_with(line, kind, &mut scratch);
        let report = ExtractReport::for_line(taxonomy, &doc, &source.name, n + 1);
        match format {
            Format::Json => {
                out.push_str(&serde_json::to_string(&report)?);
                out.push('\n');
            }
            Format::Csv => out.push_str(&render::csv::extract_rows(&report)?),
            Format::Text | Format::Md => out.push_str(&render::text::extract_line(&report)),
        }
        if out.len() > FLUSH_BYTES {
            write_out(&out)?;
            out.clear();
        }
    }
    write_out(&out)?;
    Ok(ExitCode::SUCCESS)
}
