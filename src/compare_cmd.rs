//! `skillgap compare`: the CV against one or more targets.

use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use skillgap::{compare, hired_edge, suggest, CompareReport, Document, Extractor, Source, TargetKind, Taxonomy};

use crate::args::Format;
use crate::config::CompareConfig;
use crate::input::Inputs;
use crate::output::Output;
use crate::render::{self, Style};

/// Reads the CV and the targets, compares, and writes the report in `format`.
pub fn run(
    taxonomy: Taxonomy,
    options: &CompareConfig,
    inputs: Inputs,
    phrases: skillgap::PhraseMatching,
    format: Format,
    style: Style,
    out: &mut Output,
) -> Result<ExitCode> {
    let cv = inputs.cv(&options.cv)?;
    let (targets, kinds) = read_targets(&options.targets, inputs)?;
    // Only the aliases these documents can contain: the automaton then builds in well under a millisecond.
    let mut texts: Vec<&str> = targets.iter().map(|t| t.text.as_str()).collect();
    texts.extend(cv.text_to_extract());
    let extractor = Extractor::builder().restrict_to_words_of(&texts).phrase_matching(phrases).build(taxonomy)?;
    let profile = cv.profile(&extractor, options.today)?;
    let docs: Vec<Document> = targets
        .iter()
        .zip(&kinds)
        .map(|(t, kind)| match kind {
            Some(kind) => extractor.extract_as(&t.text, *kind),
            None => extractor.extract(&t.text),
        })
        .collect();
    let taxonomy = extractor.taxonomy();
    let comparison = compare(taxonomy, &profile, &docs);
    let labels = message_labels(&targets, &docs);
    let mut suggestions = suggest(taxonomy, &profile, &comparison, &labels);
    let texts: Vec<(&str, &Document)> = targets.iter().map(|t| t.text.as_str()).zip(&docs).collect();
    suggestions.extend(hired_edge(taxonomy, &profile.cv_text, &profile, &texts, &labels));
    let mut report = CompareReport::new(taxonomy, cv.name(), &profile, &targets, &comparison, &suggestions);
    if options.explain {
        report = report.with_explain(taxonomy, &comparison);
    }
    let rendered = match format {
        Format::Text => render::text::compare(&report, options.top, style),
        Format::Md => render::md::compare(&report, options.top),
        Format::Csv => render::csv::compare(&report)?,
        Format::Json => render::json_pretty(&report)?,
    };
    out.write_all(rendered.as_bytes())?;
    // The process ends here: skip freeing the taxonomy's tens of thousands of small allocations (a few ms).
    std::mem::forget(extractor);
    Ok(ExitCode::SUCCESS)
}

/// The targets, with the kind the user gave each: the files given, or standard input when none is.
fn read_targets(
    paths: &[(std::path::PathBuf, Option<TargetKind>)],
    inputs: Inputs,
) -> Result<(Vec<Source>, Vec<Option<TargetKind>>)> {
    if paths.is_empty() {
        if io::stdin().is_terminal() {
            eprintln!("Paste the bio or posting, then press Ctrl-D:");
        }
        return Ok((vec![inputs.stdin_document()?], vec![None]));
    }
    let sources = paths.iter().map(|(p, _)| inputs.document(p)).collect::<Result<Vec<_>>>()?;
    Ok((sources, paths.iter().map(|(_, k)| *k).collect()))
}

/// How suggestions name the targets: "the posting" or "the bio" for one target, file names for several.
fn message_labels(targets: &[Source], docs: &[Document]) -> Vec<String> {
    if let [doc] = docs {
        return vec![doc.kind.label().to_owned()];
    }
    targets
        .iter()
        .map(|t| Path::new(&t.name).file_name().map_or(t.name.clone(), |n| n.to_string_lossy().into_owned()))
        .collect()
}
