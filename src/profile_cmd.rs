//! `skillgap profile init|update`: the CV as an editable profile file.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use skillgap::{Extractor, Profile, ProfileFile, Taxonomy};

use crate::args::{ProfileCommand, DEFAULT_MAX_INPUT_BYTES};
use crate::config::ProfileConfig;
use crate::input::{self, Cv};
use crate::output::{write_new_file, Output};

/// Reads the CV and writes (or updates) the profile file.
pub fn run(
    taxonomy: Taxonomy,
    options: &ProfileConfig,
    phrases: skillgap::PhraseMatching,
    out: &mut Output,
) -> Result<ExitCode> {
    match &options.action {
        ProfileCommand::Init { cv, output, force } => {
            let fresh = read_cv(taxonomy, cv, options, phrases)?;
            let text = fresh.to_toml();
            match output.as_deref().filter(|p| p.as_os_str() != "-") {
                Some(path) => {
                    write_new_file(path, *force, text.as_bytes())?;
                    eprintln!(
                        "skillgap: wrote {}: {}",
                        skillgap::printable(&path.display().to_string()),
                        summary(&fresh)
                    );
                }
                None => out.write_all(text.as_bytes())?,
            }
        }
        ProfileCommand::Update { cv, profile, output, force } => {
            let name = profile.display().to_string();
            let bytes = input::read_bounded(profile, DEFAULT_MAX_INPUT_BYTES)?;
            let old = ProfileFile::parse(&name, &skillgap::decode_text(&name, bytes)?)?;
            let fresh = read_cv(taxonomy, cv, options, phrases)?;
            let updated = old.updated(&fresh);
            let text = updated.to_toml();
            // Updating the file named is the command's point; writing elsewhere follows the -o rule.
            let (path, force) = match output {
                Some(path) if path.as_os_str() == "-" => {
                    out.write_all(text.as_bytes())?;
                    return Ok(ExitCode::SUCCESS);
                }
                Some(path) => (path.as_path(), *force),
                None => (profile.as_path(), true),
            };
            write_new_file(path, force, text.as_bytes())?;
            eprintln!("skillgap: updated {}: {}", skillgap::printable(&path.display().to_string()), summary(&updated));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// What a CV reads as, as a profile file.
fn read_cv(
    taxonomy: Taxonomy,
    path: &Path,
    options: &ProfileConfig,
    phrases: skillgap::PhraseMatching,
) -> Result<ProfileFile> {
    let source = match input::read_cv(path, DEFAULT_MAX_INPUT_BYTES)? {
        Cv::Document(source) => source,
        Cv::Profile { name, .. } => {
            bail!("{name} is already a profile file; give the CV it should be read from with --cv")
        }
    };
    let extractor = Extractor::builder()
        .restrict_to_words_of(&[source.text.as_str()])
        .phrase_matching(phrases)
        .build(taxonomy)
        .context("cannot build the skill matcher")?;
    let profile = Profile::from_text_at(&extractor, &source.text, options.today);
    Ok(ProfileFile::from_profile(extractor.taxonomy(), &profile, &source.name))
}

fn summary(file: &ProfileFile) -> String {
    format!(
        "{} skills, {} credentials, {} languages; edit it, then give it as --cv",
        file.skill.len(),
        file.credential.len(),
        file.language.len()
    )
}
