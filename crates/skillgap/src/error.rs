//! The library's one error type.

use std::fmt;

/// An error from loading or checking a taxonomy, or from reading an input document.
///
/// It names the source (a file name or a layer name such as `builtin:software`) and, where there is one, the
/// 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    source_name: String,
    line: Option<u64>,
    column: Option<u64>,
    message: String,
}

/// What went wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The CSV is malformed: a broken row, a wrong number of columns, a wrong delimiter, bad UTF-8.
    Csv,
    /// The header row is not the expected one.
    Header,
    /// A field holds a value the format does not allow (an unknown kind, a bad id).
    Field,
    /// A reference (related or broader id) names no skill.
    UnknownId,
    /// Broader links form a cycle.
    Cycle,
    /// The matcher could not be built.
    Automaton,
    /// An input holds no text.
    Empty,
    /// An input is a binary file, not text.
    Binary,
    /// An input is a document format the reader does not convert (PDF, Word or another zip container).
    UnsupportedFormat,
    /// An input is not valid UTF-8 (or UTF-16 with a byte-order mark).
    Encoding,
    /// A JSON input is malformed, or holds no job posting text.
    Json,
    /// A profile file is malformed, of another version, or names a skill the taxonomy does not have.
    Profile,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, source_name: &str, message: impl Into<String>) -> Error {
        Error { kind, source_name: source_name.to_owned(), line: None, column: None, message: message.into() }
    }

    pub(crate) fn at(mut self, line: Option<u64>, column: Option<u64>) -> Error {
        self.line = line;
        self.column = column;
        self
    }

    /// What went wrong.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The file or layer the error is in.
    pub fn source_name(&self) -> &str {
        &self.source_name
    }

    /// The 1-based line, when known.
    pub fn line(&self) -> Option<u64> {
        self.line
    }

    /// The 1-based column (field number), when known.
    pub fn column(&self) -> Option<u64> {
        self.column
    }

    /// The message, without the location.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.source_name)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for Error {}
