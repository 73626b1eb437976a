//! File and standard-input I/O. Decoding and converting the bytes is the library's ([`skillgap::read_source`],
//! [`skillgap::decode_text`]); this module only fetches them, with errors that name the input.
//!
//! Every input goes through one reader, [`Inputs`], which reads at most `--max-input-bytes` of anything: a file, a
//! device such as `/dev/zero`, an endless pipe on standard input, or a taxonomy layer. Nothing is read unbounded
//! into memory, so no input can make the tool hang on a read or exhaust memory.

use std::fs;
use std::io::Read;
use std::path::Path;

use anyhow::{bail, Result};
use skillgap::{Encoding, Source};

/// How standard input is named in output and errors.
pub const STDIN_NAME: &str = "stdin";

/// The one reader of inputs, with the size limit every read obeys.
#[derive(Debug, Clone, Copy)]
pub struct Inputs {
    /// The largest input read, in bytes (`--max-input-bytes`).
    pub max_bytes: u64,
}

impl Inputs {
    /// Reads a document from a file, or from standard input for `-`.
    pub fn document(&self, path: &Path) -> Result<Source> {
        if path.as_os_str() == "-" {
            return self.stdin_document();
        }
        let name = path.display().to_string();
        if path.is_dir() {
            bail!("{name} is a folder; give the path of a file inside it");
        }
        let bytes = self.file_bytes(path).map_err(|reason| anyhow::anyhow!("{name}: {reason}"))?;
        Ok(warn_about_encoding(skillgap::read_source(&name, bytes)?))
    }

    /// Reads a document from standard input, as plain text.
    pub fn stdin_document(&self) -> Result<Source> {
        let bytes = read_limited(std::io::stdin().lock(), self.max_bytes)
            .map_err(|reason| anyhow::anyhow!("{STDIN_NAME}: {reason}"))?;
        Ok(warn_about_encoding(skillgap::read_source(STDIN_NAME, bytes)?))
    }

    /// Reads a taxonomy file as text, with the same decoder as documents (errors name the file and line).
    pub fn taxonomy_text(&self, path: &Path) -> Result<String> {
        let name = path.display().to_string();
        if path.is_dir() {
            bail!("taxonomy {name} is a folder; give a CSV file (or use `builtin`, `esco:DIR`, `onet:FILE`)");
        }
        let bytes = self.file_bytes(path).map_err(|reason| {
            anyhow::anyhow!("taxonomy {name}: {reason} (or use `builtin`, `esco:DIR`, `onet:FILE`)")
        })?;
        Ok(skillgap::decode_text(&name, bytes)?)
    }

    /// The bytes of a file, at most [`Inputs::max_bytes`] of them; the error is the reason alone (without the
    /// file name), for reports that name the file in a field of their own.
    pub fn file_bytes(&self, path: &Path) -> std::result::Result<Vec<u8>, String> {
        let cannot = |e: std::io::Error| format!("cannot read it ({e}); check the path and permissions");
        let file = fs::File::open(path).map_err(cannot)?;
        // A regular file says its size: read it into a buffer of that size, not one that doubles as it fills
        // (up to twice the file, and three times while it moves). A device or a pipe says 0 and grows as read.
        let size = file.metadata().map_or(0, |m| m.len());
        read_limited_into(file, self.max_bytes, Vec::with_capacity(size.min(self.max_bytes) as usize))
    }
}

/// Tells the user, on standard error, that a document was not UTF-8 and was read as Windows-1252: a guess that
/// fits its bytes, which they can check and avoid.
fn warn_about_encoding(source: Source) -> Source {
    if source.encoding == Encoding::Windows1252 {
        eprintln!(
            "skillgap: warning: {}: not UTF-8, so read as Windows-1252; if some characters look wrong, save the file as UTF-8",
            skillgap::printable(&source.name)
        );
    }
    source
}

/// Reads at most `limit` bytes from `reader`: more is an error that says how to raise the limit. Reads in steps,
/// so that a stream that never ends (a device, a pipe) is stopped at the limit.
pub fn read_limited(reader: impl Read, limit: u64) -> std::result::Result<Vec<u8>, String> {
    read_limited_into(reader, limit, Vec::new())
}

/// [`read_limited`] into `bytes` (empty, with the capacity the caller expects to need).
fn read_limited_into(reader: impl Read, limit: u64, mut bytes: Vec<u8>) -> std::result::Result<Vec<u8>, String> {
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read it ({e}); check the path and permissions"))?;
    if bytes.len() as u64 > limit {
        return Err(format!("larger than {limit} bytes; raise --max-input-bytes to read it, or give a smaller input"));
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

impl Inputs {
    /// Reads a CV, or a profile file in its place.
    pub fn cv(&self, path: &Path) -> Result<Cv> {
        if path.as_os_str() == "-" {
            return Ok(Cv::Document(self.stdin_document()?));
        }
        if path.is_dir() {
            bail!("{} is a folder; give the path of a file inside it", path.display());
        }
        let name = path.display().to_string();
        let bytes = self.file_bytes(path).map_err(|reason| anyhow::anyhow!("{name}: {reason}"))?;
        if is_profile_file(&name, &bytes) {
            let text = skillgap::decode_text(&name, bytes)?;
            return Ok(Cv::Profile { file: skillgap::ProfileFile::parse(&name, &text)?, name });
        }
        Ok(Cv::Document(warn_about_encoding(skillgap::read_source(&name, bytes)?)))
    }
}

/// Reads a CV or profile file with at most `limit` bytes ([`Inputs::cv`]).
pub fn read_cv(path: &Path, limit: u64) -> Result<Cv> {
    Inputs { max_bytes: limit }.cv(path)
}

/// Reads a document with the default limit ([`Inputs::document`]), for commands without the global option at hand.
pub fn read(path: &Path) -> Result<Source> {
    Inputs { max_bytes: crate::args::DEFAULT_MAX_INPUT_BYTES }.document(path)
}

/// Reads standard input with the default limit ([`Inputs::stdin_document`]).
pub fn read_stdin() -> Result<Source> {
    Inputs { max_bytes: crate::args::DEFAULT_MAX_INPUT_BYTES }.stdin_document()
}

/// The bytes of a file, at most `limit` of them, with an error that names the file.
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>> {
    Inputs { max_bytes: limit }.file_bytes(path).map_err(|reason| anyhow::anyhow!("{}: {reason}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_stop_at_the_limit() {
        // An endless stream: `repeat` never ends, so only the limit stops the read.
        let err = read_limited(std::io::repeat(b'a'), 1000).expect_err("endless");
        assert!(err.contains("larger than 1000 bytes") && err.contains("--max-input-bytes"), "{err}");
        assert_eq!(read_limited(&b"abc"[..], 3).expect("at the limit"), b"abc");
        assert!(read_limited(&b"abcd"[..], 3).is_err());
    }
}
