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
        read_limited(file, self.max_bytes)
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
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read it ({e}); check the path and permissions"))?;
    if bytes.len() as u64 > limit {
        return Err(format!("larger than {limit} bytes; raise --max-input-bytes to read it, or give a smaller input"));
    }
    Ok(bytes)
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
