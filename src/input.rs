//! File and standard-input I/O. Decoding and converting the bytes is the library's ([`skillgap::read_source`],
//! [`skillgap::decode_text`]); this module only fetches them, with errors that name the path.

use std::fs;
use std::io::Read;
use std::path::Path;

use anyhow::{bail, Context, Result};
use skillgap::Source;

/// How standard input is named in output and errors.
pub const STDIN_NAME: &str = "stdin";

/// Reads a document from a file, or from standard input for `-`.
pub fn read(path: &Path) -> Result<Source> {
    if path.as_os_str() == "-" {
        return read_stdin();
    }
    let name = path.display().to_string();
    if path.is_dir() {
        bail!("{name} is a folder; give the path of a file inside it");
    }
    let bytes = fs::read(path).with_context(|| format!("cannot read {name}; check the path and permissions"))?;
    Ok(skillgap::read_source(&name, bytes)?)
}

/// Reads a document from standard input, as plain text.
pub fn read_stdin() -> Result<Source> {
    let mut bytes = Vec::new();
    std::io::stdin().read_to_end(&mut bytes).context("cannot read standard input")?;
    Ok(skillgap::read_source(STDIN_NAME, bytes)?)
}

/// Reads a taxonomy file as text, with the same decoder as documents (errors name the file and line).
pub fn read_taxonomy_text(path: &Path) -> Result<String> {
    let name = path.display().to_string();
    let bytes = fs::read(path).with_context(|| {
        format!("cannot read taxonomy {name}; check the path (or use `builtin`, `esco:DIR`, `onet:FILE`)")
    })?;
    Ok(skillgap::decode_text(&name, bytes)?)
}

/// Reads at most `limit` bytes of a file: a larger file is an error naming the file and `--max-input-bytes`, so no
/// file (or device) can exhaust memory.
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>> {
    read_bounded_bytes(path, limit).map_err(|reason| anyhow::anyhow!("{}: {reason}", path.display()))
}

/// [`read_bounded`], with the reason alone (without the file name) as the error, for reports that name the file
/// in a field of its own.
pub fn read_bounded_bytes(path: &Path, limit: u64) -> std::result::Result<Vec<u8>, String> {
    let cannot = |e: std::io::Error| format!("cannot read it ({e}); check the path and permissions");
    let file = fs::File::open(path).map_err(cannot)?;
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes).map_err(cannot)?;
    if bytes.len() as u64 > limit {
        return Err(format!("larger than {limit} bytes; raise --max-input-bytes to read it"));
    }
    Ok(bytes)
}

/// A CV as given: a document to extract, or a profile file (`profile init`) to use as it stands.
#[derive(Debug)]
pub enum Cv {
    /// A CV document, read like any input.
    Document(Source),
    /// A profile file.
    Profile { name: String, file: skillgap::ProfileFile },
}

impl Cv {
    /// How output names the CV.
    pub fn name(&self) -> &str {
        match self {
            Cv::Document(source) => &source.name,
            Cv::Profile { name, .. } => name,
        }
    }

    /// The text the extractor must be able to read: the CV's, or none for a profile (it is not extracted).
    pub fn text_to_extract(&self) -> Option<&str> {
        match self {
            Cv::Document(source) => Some(&source.text),
            Cv::Profile { .. } => None,
        }
    }

    /// The profile: extracted from the CV, or built from the profile file's entries exactly.
    pub fn profile(&self, extractor: &skillgap::Extractor, today: skillgap::Month) -> Result<skillgap::Profile> {
        match self {
            Cv::Document(source) => Ok(skillgap::Profile::from_text_at(extractor, &source.text, today)),
            Cv::Profile { name, file } => Ok(file.to_profile(extractor.taxonomy(), name)?),
        }
    }
}

/// Whether a file is a profile file: a `.toml` name, or the header `profile init` writes.
fn is_profile_file(name: &str, bytes: &[u8]) -> bool {
    let toml = name.rsplit_once('.').is_some_and(|(_, ext)| ext.eq_ignore_ascii_case("toml"));
    toml || bytes.starts_with(b"# skillgap profile")
}

/// Reads a CV, or a profile file in its place, with at most `limit` bytes.
pub fn read_cv(path: &Path, limit: u64) -> Result<Cv> {
    if path.as_os_str() == "-" {
        return Ok(Cv::Document(read_stdin()?));
    }
    if path.is_dir() {
        bail!("{} is a folder; give the path of a file inside it", path.display());
    }
    let name = path.display().to_string();
    let bytes = read_bounded(path, limit)?;
    if is_profile_file(&name, &bytes) {
        let text = skillgap::decode_text(&name, bytes)?;
        return Ok(Cv::Profile { file: skillgap::ProfileFile::parse(&name, &text)?, name });
    }
    Ok(Cv::Document(skillgap::read_source(&name, bytes)?))
}
