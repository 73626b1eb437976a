//! The `skillgap` command-line program: a thin layer over the `skillgap` library.

mod args;
mod input;
mod render;
mod taxonomy_cmd;

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::Parser;
use skillgap::{compare, suggest, Extractor, PhraseMatching, Profile, SectionKind, Taxonomy};

use crate::args::{Args, ColorWhen, Command, Format};
use crate::input::Input;
use crate::render::{CompareView, Style};

fn main() -> ExitCode {
    match run(Args::parse()) {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("skillgap: error: {err}");
            for cause in err.chain().skip(1) {
                eprintln!("  caused by: {cause}");
            }
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| e.downcast_ref::<io::Error>().is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe))
}

fn run(args: Args) -> Result<ExitCode> {
    let style = Style { color: use_color(args.color) };
    let format = args.format;
    match args.command {
        Command::Compare { cv, targets, top } => {
            let options = CompareOptions { top, format, style, phrases: phrase_matching(&args.taxonomy) };
            run_compare(load_taxonomy(&args.taxonomy)?, &cv, &targets, &options)
        }
        Command::Extract { file, lines } => {
            let taxonomy = load_taxonomy(&args.taxonomy)?;
            let input = match file.as_deref() {
                None => input::read_stdin()?,
                Some(path) => input::read(path)?,
            };
            // Only the aliases this input can contain: the same result, and the automaton builds in milliseconds.
            let extractor = Extractor::builder()
                .restrict_to_words_of(&[input.text.as_str()])
                .phrase_matching(phrase_matching(&args.taxonomy))
                .build(taxonomy)?;
            run_extract(&extractor, &input, lines, format, style)
        }
        Command::Taxonomy { action } => {
            let (rendered, code) = taxonomy_cmd::run(&load_taxonomy(&args.taxonomy)?, &action, format, style)?;
            write_out(&rendered)?;
            Ok(code)
        }
    }
}

fn use_color(when: ColorWhen) -> bool {
    match when {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && io::stdout().is_terminal(),
    }
}

/// The user's default taxonomy layer: `$SKILLGAP_TAXONOMY`, else `skillgap/taxonomy.csv` in the config folder
/// (`$XDG_CONFIG_HOME`, or `~/.config`), when it exists. `--taxonomy` on the command line replaces it.
fn default_user_layer() -> Option<String> {
    if let Some(path) = std::env::var_os("SKILLGAP_TAXONOMY").filter(|v| !v.is_empty()) {
        return Some(path.to_string_lossy().into_owned());
    }
    let config = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    let path = config.join("skillgap").join("taxonomy.csv");
    path.is_file().then(|| path.to_string_lossy().into_owned())
}

/// Loads the layers named by `--taxonomy`, in order. With none, the built-in taxonomy plus the user's default
/// layer, if there is one.
fn load_taxonomy(specs: &[String]) -> Result<Taxonomy> {
    let mut builder = Taxonomy::builder();
    let mut specs = specs.to_vec();
    if specs.is_empty() {
        specs.push("builtin".to_owned());
        specs.extend(default_user_layer());
    }
    for spec in &specs {
        if spec == "builtin" {
            builder.add_builtin();
        } else if let Some(dir) = spec.strip_prefix("esco:") {
            builder.add_records(spec, esco_layer(Path::new(dir))?)?;
        } else if let Some(file) = spec.strip_prefix("onet:") {
            let text = read_utf8(Path::new(file))?;
            builder.add_records(spec, skillgap::onet_records(file, &text)?)?;
        } else {
            builder.add_csv(spec, &read_utf8(Path::new(spec.as_str()))?)?;
        }
    }
    Ok(builder.build()?)
}

/// The records of an ESCO CSV download: `skills_en.csv`, with the hierarchy and relation files when present.
fn esco_layer(dir: &Path) -> Result<Vec<skillgap::SkillRecord>> {
    let read = |name: &str| -> Result<Option<(String, String)>> {
        let path = dir.join(name);
        if !path.is_file() {
            return Ok(None);
        }
        Ok(Some((path.display().to_string(), read_utf8(&path)?)))
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

/// Reads a taxonomy file as UTF-8, with an error that names the file and line.
pub(crate) fn read_utf8(path: &Path) -> Result<String> {
    let label = path.display();
    let bytes = std::fs::read(path).with_context(|| {
        format!("cannot read taxonomy {label}; check the path (or use `builtin`, `esco:DIR`, `onet:FILE`)")
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        anyhow::anyhow!("{label}:{line}: not valid UTF-8 (byte {at}); save the taxonomy as UTF-8")
    })
}

fn write_out(s: &str) -> Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(s.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// How `compare` renders, and how it matches.
struct CompareOptions {
    top: usize,
    format: Format,
    style: Style,
    phrases: PhraseMatching,
}

/// Loose phrase matching is for taxonomies whose labels are phrases (ESCO); the built-in one is written as
/// names and aliases and matches them exactly.
fn phrase_matching(specs: &[String]) -> PhraseMatching {
    if specs.iter().any(|s| s.starts_with("esco:")) {
        PhraseMatching::Loose
    } else {
        PhraseMatching::Off
    }
}

fn run_compare(taxonomy: Taxonomy, cv_path: &Path, targets: &[PathBuf], options: &CompareOptions) -> Result<ExitCode> {
    let cv = input::read(cv_path)?;
    let mut inputs = Vec::new();
    if targets.is_empty() {
        if io::stdin().is_terminal() {
            eprintln!("Paste the bio or posting, then press Ctrl-D:");
        }
        inputs.push(input::read_stdin()?);
    } else {
        if targets.iter().filter(|t| t.as_os_str() == "-").count() > 1 {
            anyhow::bail!("`-` (standard input) can be given only once");
        }
        for target in targets {
            inputs.push(input::read(target)?);
        }
    }
    // Only the aliases these documents can contain: the automaton then builds in well under a millisecond.
    let mut texts: Vec<&str> = inputs.iter().map(|i| i.text.as_str()).collect();
    texts.push(&cv.text);
    let owned = Extractor::builder().restrict_to_words_of(&texts).phrase_matching(options.phrases).build(taxonomy)?;
    let extractor = &owned;
    let profile = Profile::from_text(extractor, &cv.text);
    let docs: Vec<_> = inputs.iter().map(|i| extractor.extract(&i.text)).collect();
    let taxonomy = extractor.taxonomy();
    let comparison = compare(taxonomy, &profile, &docs);
    let labels = message_labels(&inputs, &docs);
    let suggestions = suggest(taxonomy, &profile, &comparison, &labels);
    let view = CompareView {
        taxonomy,
        cv: &cv,
        profile: &profile,
        targets: &inputs,
        comparison: &comparison,
        suggestions: &suggestions,
        top: options.top,
    };
    let rendered = match options.format {
        Format::Text => view.text(options.style),
        Format::Md => view.markdown(),
        Format::Csv => view.csv(),
        Format::Json => format!("{}\n", serde_json::to_string_pretty(&view.json())?),
    };
    write_out(&rendered)?;
    // The process ends here: skip freeing the taxonomy's tens of thousands of small allocations (a few ms).
    std::mem::forget(owned);
    Ok(ExitCode::SUCCESS)
}

/// How suggestions name the targets: "the posting" or "the bio" for one target, file names for several.
fn message_labels(inputs: &[Input], docs: &[skillgap::Document]) -> Vec<String> {
    if let [doc] = docs {
        let posting = doc.skills.iter().flat_map(|e| &e.mentions).any(|m| {
            m.requirement != skillgap::Requirement::Mentioned
                || matches!(
                    m.section,
                    SectionKind::Requirements | SectionKind::Preferred | SectionKind::Responsibilities
                )
        });
        return vec![if posting { "the posting" } else { "the bio" }.to_owned()];
    }
    inputs
        .iter()
        .map(|i| Path::new(&i.label).file_name().map_or(i.label.clone(), |n| n.to_string_lossy().into_owned()))
        .collect()
}

fn run_extract(extractor: &Extractor, input: &Input, lines: bool, format: Format, style: Style) -> Result<ExitCode> {
    let taxonomy = extractor.taxonomy();
    let mut scratch = skillgap::Scratch::default();
    let mut out = String::new();
    if lines {
        if input.original.is_some() || input.label.to_ascii_lowercase().ends_with(".json") {
            anyhow::bail!(
                "{}: --lines reads plain text, one document per line; drop --lines for HTML and JSON files",
                input.label
            );
        }
        if format == Format::Csv {
            out.push_str(render::EXTRACT_CSV_HEADER);
        }
        for (n, line) in input.text.lines().enumerate() {
            let doc = extractor.extract_with(line, &mut scratch);
            let line_no = n + 1;
            match format {
                Format::Json => {
                    let mut v = render::extract_json(taxonomy, &doc);
                    v["line"] = serde_json::json!(line_no);
                    out.push_str(&serde_json::to_string(&v)?);
                    out.push('\n');
                }
                Format::Csv => render::extract_csv_rows(taxonomy, &doc, Some(line_no), &mut out),
                Format::Text | Format::Md => {
                    if doc.skills.is_empty() {
                        continue;
                    }
                    let names: Vec<&str> = doc.skills.iter().map(|e| taxonomy.skill(e.skill).name.as_str()).collect();
                    out.push_str(&format!("{line_no}: {}\n", names.join(", ")));
                }
            }
            if out.len() > 1 << 16 {
                write_out(&out)?;
                out.clear();
            }
        }
        write_out(&out)?;
        return Ok(ExitCode::SUCCESS);
    }
    // Skill lists are also read by near spelling, as for a CV ("Kubernets" → Kubernetes, marked fuzzy).
    let mut doc = Profile::from_text(extractor, &input.text).document;
    if let Some((original, map)) = &input.original {
        doc.remap(map, original);
    }
    let rendered = match format {
        Format::Json => format!("{}\n", serde_json::to_string_pretty(&render::extract_json(taxonomy, &doc))?),
        Format::Csv => {
            let mut s = render::EXTRACT_CSV_HEADER.to_owned();
            render::extract_csv_rows(taxonomy, &doc, None, &mut s);
            s
        }
        Format::Md => render::extract_markdown(taxonomy, input, &doc),
        Format::Text => render::extract_text(taxonomy, input, &doc, style),
    };
    write_out(&rendered)?;
    Ok(ExitCode::SUCCESS)
}
