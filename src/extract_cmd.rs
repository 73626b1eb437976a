//! `skillgap extract`: which skills a text names, where, and how they matched.

use std::fs::File;
use std::io::{self, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Result};
use skillgap::{
    block_end, extract_reading_lists, BlockReading, Document, Encoding, ExtractStream, Extractor, LineIndex, Scratch,
    Source, SourceFormat, TargetKind, Taxonomy, BLOCK_BYTES,
};

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
    // A large plain-text file (many postings saved as one) is read as it is extracted, never whole: memory stays
    // that of one block and the mentions. The same document, cut into the same blocks, as reading it whole.
    let large =
        options.file.as_deref().filter(|path| !options.show_text && !options.lines && is_large_text(path, inputs));
    if let Some(path) = large {
        let extractor = Extractor::builder().phrase_matching(phrases).build(taxonomy)?;
        if let Some((doc, lines)) = extract_streamed(path, inputs.max_bytes, &extractor, options.kind)? {
            let report = ExtractStream::streamed(extractor.taxonomy(), &doc, lines);
            return write_document(report, &path.display().to_string(), format, style, out);
        }
        // Not UTF-8 after all (or not text): read whole, as any input, for the same reading or the same error.
        let source = inputs.document(path)?;
        return extract_document(&extractor, &source, options.kind, format, style, out);
    }
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
    write_document(ExtractStream::new(extractor.taxonomy(), &doc, source), &source.name, format, style, out)
}

/// Writes the report of one document named `name`.
fn write_document(
    report: ExtractStream<'_>,
    name: &str,
    format: Format,
    style: Style,
    out: &mut Output,
) -> Result<ExitCode> {
    // `out` is buffered and written as the report is produced: memory stays flat in the number of mentions.
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
            out.write_all(render::md::extract_header(name).as_bytes())?;
            // A row shows the first mention only.
            for skill in report.skills(1) {
                out.write_all(render::md::extract_row(&skill).as_bytes())?;
            }
        }
        Format::Text => {
            out.write_all(render::text::extract_header(report.len(), name, style).as_bytes())?;
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

/// Whether `path` is a plain-text or Markdown file of more than one block, within the input limit: one to read as
/// a stream.
fn is_large_text(path: &Path, inputs: Inputs) -> bool {
    let plain =
        matches!(SourceFormat::from_name(&path.display().to_string()), SourceFormat::Text | SourceFormat::Markdown);
    let size = std::fs::metadata(path).ok().filter(std::fs::Metadata::is_file).map_or(0, |m| m.len());
    plain && size > BLOCK_BYTES as u64 && size <= inputs.max_bytes && size <= u64::from(u32::MAX)
}

/// Reads the UTF-8 text file at `path` a block at a time and extracts each block as it arrives
/// ([`BlockReading`]), indexing its lines on the way. `None` when the file is not UTF-8 text after all (its first
/// block does not read as one, or a later byte is not UTF-8): the caller then reads it whole, as any input.
fn extract_streamed(
    path: &Path,
    max_bytes: u64,
    extractor: &Extractor,
    kind: Option<TargetKind>,
) -> Result<Option<(Document, LineIndex)>> {
    let name = path.display().to_string();
    let file = File::open(path)
        .map_err(|e| anyhow::anyhow!("{name}: cannot read it ({e}); check the path and permissions"))?;
    let mut reader = file.take(max_bytes.saturating_add(1));
    let mut reading = BlockReading::new(extractor, kind);
    let mut lines = LineIndex::default();
    // A block, the next block's first bytes (to see where the block ends), and the bytes of a character cut by a
    // read.
    let want = BLOCK_BYTES + 8;
    let mut buffer: Vec<u8> = Vec::with_capacity(2 * want);
    let (mut read, mut at_end, mut first) = (0u64, false, true);
    loop {
        while !at_end && buffer.len() < want {
            let n = reader.by_ref().take((want - buffer.len()) as u64).read_to_end(&mut buffer)?;
            read += n as u64;
            at_end = n == 0;
        }
        if read > max_bytes {
            bail!("{name}: larger than {max_bytes} bytes; raise --max-input-bytes to read it, or give a smaller input");
        }
        let text = match std::str::from_utf8(&buffer) {
            Ok(text) => text,
            // A character cut by the read: the rest of it comes with the next.
            Err(e) if e.error_len().is_none() && !at_end => {
                std::str::from_utf8(buffer.get(..e.valid_up_to()).unwrap_or_default()).unwrap_or_default()
            }
            Err(_) => return Ok(None),
        };
        if first {
            // The checks of any input (binary, office files, byte-order marks, blank): only what reads as UTF-8
            // text is streamed.
            match skillgap::read_source(&name, text.as_bytes().to_vec()) {
                Ok(source) if source.encoding == Encoding::Utf8 && source.original.is_none() => first = false,
                _ => return Ok(None),
            }
        }
        if text.is_empty() {
            break;
        }
        let (block, _) = text.split_at_checked(block_end(text, BLOCK_BYTES)).unwrap_or((text, ""));
        if lines.push(block).is_none() {
            return Ok(None);
        }
        reading.push(block);
        let len = block.len();
        buffer.drain(..len);
    }
    Ok(Some((reading.finish(), lines)))
}
