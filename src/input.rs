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
