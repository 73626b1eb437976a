//! The `skillgap` command-line program: a thin layer over the `skillgap` library.

mod args;
mod batch_cmd;
mod compare_cmd;
mod config;
mod extract_cmd;
mod input;
mod journal;
mod output;
mod profile_cmd;
mod render;
mod taxonomy_cmd;
mod walk;

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Result};
use clap::Parser;
use skillgap::Taxonomy;

use crate::args::Args;
use crate::config::{CommandConfig, Config};
use crate::input::Inputs;
use crate::output::Output;

fn main() -> ExitCode {
    quiet_document_reader_panics();
    match run(Args::parse()) {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            // Messages quote file names and input: nothing from them may drive the terminal.
            eprintln!("skillgap: error: {}", skillgap::printable(&err.to_string()));
            for cause in err.chain().skip(1) {
                eprintln!("  caused by: {}", skillgap::printable(&cause.to_string()));
            }
            ExitCode::from(2)
        }
    }
}

/// The PDF reader runs under `catch_unwind`, and its panics come back as errors naming the file; the default hook
/// would still print each one with a backtrace first. Panics from the document parsers stay quiet; any other panic
/// is a bug in skillgap and is printed as usual.
fn quiet_document_reader_panics() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let file = info.location().map_or("", |l| l.file());
        let in_parser =
            ["pdf-extract", "lopdf", "adobe-cmap-parser", "type1-encoding-parser", "cff-parser", "postscript"]
                .iter()
                .any(|name| file.contains(name));
        if !in_parser {
            default(info);
        }
    }));
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| e.downcast_ref::<io::Error>().is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe))
}

fn run(args: Args) -> Result<ExitCode> {
    let config = Config::from_args(args)?;
    let inputs = config.inputs;
    // Opened first, so that an -o file that may not be written is refused before any work. Every command writes
    // its report here; an error drops `out` unfinished, which leaves no file behind.
    let mut out = Output::open(&config.output)?;
    let taxonomy = load_taxonomy(&config.taxonomy, inputs)?;
    let code = match &config.command {
        CommandConfig::Compare(options) => {
            compare_cmd::run(taxonomy, options, inputs, config.phrases, config.format, config.style, &mut out)?
        }
        CommandConfig::Extract(options) => {
            extract_cmd::run(taxonomy, options, inputs, config.phrases, config.format, config.style, &mut out)?
        }
        CommandConfig::Batch(options) => {
            batch_cmd::run(taxonomy, options, inputs, config.phrases, config.style, &mut out)?
        }
        CommandConfig::Journal(args) => {
            journal::run(taxonomy, args, config.phrases, config.format, config.style, &mut out)?
        }
        CommandConfig::Profile(options) => profile_cmd::run(taxonomy, options, config.phrases, &mut out)?,
        CommandConfig::Taxonomy(action) => {
            let (rendered, code) = taxonomy_cmd::run(&taxonomy, action, inputs, config.format, config.style)?;
            out.write_all(rendered.as_bytes())?;
            code
        }
    };
    // A report is complete once its command returns, whatever its exit code says about the inputs.
    out.finish()?;
    Ok(code)
}

/// Loads the taxonomy layers, in order, each read with the input limit.
fn load_taxonomy(specs: &[String], inputs: Inputs) -> Result<Taxonomy> {
    let mut builder = Taxonomy::builder();
    for spec in specs {
        if spec == "builtin" {
            builder.add_builtin();
        } else if let Some(dir) = spec.strip_prefix("esco:") {
            builder.add_records(spec, esco_layer(Path::new(dir), inputs)?)?;
        } else if let Some(file) = spec.strip_prefix("onet:") {
            let text = inputs.taxonomy_text(Path::new(file))?;
            builder.add_records(spec, skillgap::onet_records(file, &text)?)?;
        } else {
            builder.add_csv(spec, &inputs.taxonomy_text(Path::new(spec.as_str()))?)?;
        }
    }
    Ok(builder.build()?)
}

/// The records of an ESCO CSV download: `skills_en.csv`, with the hierarchy and relation files when present.
fn esco_layer(dir: &Path, inputs: Inputs) -> Result<Vec<skillgap::SkillRecord>> {
    let read = |name: &str| -> Result<Option<(String, String)>> {
        let path = dir.join(name);
        if !path.is_file() {
            return Ok(None);
        }
        Ok(Some((path.display().to_string(), inputs.taxonomy_text(&path)?)))
    };
    let Some(skills) = read("skills_en.csv")? else {
        bail!("{}: no skills_en.csv there; `esco:DIR` wants the folder of the ESCO CSV download", dir.display());
    };
    let broader = read("broaderRelationsSkillPillar.csv")?;
    let hierarchy = read("skillsHierarchy_en.csv")?;
    let relations = read("skillSkillRelations.csv")?;
    fn pair(o: &Option<(String, String)>) -> Option<(&str, &str)> {
        o.as_ref().map(|(n, t)| (n.as_str(), t.as_str()))
    }
    let files = skillgap::EscoFiles {
        skills: (skills.0.as_str(), skills.1.as_str()),
        broader_relations: pair(&broader),
        hierarchy: pair(&hierarchy),
        skill_relations: pair(&relations),
    };
    Ok(skillgap::esco_records(&files)?)
}
