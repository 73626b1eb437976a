//! Reading the delimited files the public taxonomies ship: a header row, columns found by name, every row
//! checked for width, and errors that name the file, the line and the column.

use crate::error::{Error, ErrorKind};

/// Delimiters that betray a file saved with the wrong one.
const DELIMITERS: &[char] = &[',', ';', '\t', '|'];

/// A delimited file with a header row, read row by row with the width checked.
pub(super) struct Table<'a> {
    pub(super) source: &'a str,
    reader: csv::Reader<&'a [u8]>,
    header: Vec<String>,
    header_line: u64,
    record: csv::StringRecord,
    pub(super) line: u64,
    /// Rows may stop early, after the last column that is read: ESCO writes `skillsHierarchy_en.csv` so,
    /// leaving out empty trailing cells. Other files must have every field, so that an unbalanced quote, which
    /// swallows the rest of a row, cannot pass unnoticed.
    pub(super) ragged: bool,
    /// One past the last column read.
    used: usize,
}

impl<'a> Table<'a> {
    /// Reads the header. Tab-separated files are read without quoting, as O*NET writes them.
    pub(super) fn open(source: &'a str, text: &'a str, delimiter: u8) -> Result<Table<'a>, Error> {
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .quoting(delimiter != b'\t')
            .from_reader(text.as_bytes());
        let mut record = csv::StringRecord::new();
        let found = reader.read_record(&mut record).map_err(|e| csv_error(source, &e))?;
        if !found {
            return Err(
                Error::new(ErrorKind::Header, source, "the file is empty; expected a header row").at(Some(1), None)
            );
        }
        let header_line = record.position().map_or(1, csv::Position::line);
        let header: Vec<String> = record.iter().map(|c| c.trim().to_owned()).collect();
        let expected = delimiter as char;
        if header.len() == 1 {
            if let Some(other) = DELIMITERS.iter().find(|&&d| d != expected && header.iter().any(|h| h.contains(d))) {
                let name = |c: char| if c == '\t' { "a tab".to_owned() } else { format!("`{c}`") };
                return Err(Error::new(
                    ErrorKind::Header,
                    source,
                    format!(
                        "the columns are separated by {}, but this file must use {}; use the file as downloaded",
                        name(*other),
                        name(expected)
                    ),
                )
                .at(Some(header_line), Some(1)));
            }
        }
        Ok(Table { source, reader, header, header_line, record, line: header_line, ragged: false, used: 0 })
    }

    pub(super) fn optional(&mut self, name: &str) -> Option<usize> {
        let column = self.header.iter().position(|h| h.eq_ignore_ascii_case(name))?;
        self.used = self.used.max(column + 1);
        Some(column)
    }

    pub(super) fn column(&mut self, name: &str) -> Result<usize, Error> {
        self.optional(name).ok_or_else(|| {
            Error::new(
                ErrorKind::Header,
                self.source,
                format!("missing column `{name}`; the header has: {}", self.header.join(", ")),
            )
            .at(Some(self.header_line), None)
        })
    }

    /// Reads the next row; `false` at the end.
    pub(super) fn next_row(&mut self) -> Result<bool, Error> {
        if !self.reader.read_record(&mut self.record).map_err(|e| csv_error(self.source, &e))? {
            return Ok(false);
        }
        self.line = self.record.position().map_or(self.line + 1, csv::Position::line);
        let (width, found) = (self.header.len(), self.record.len());
        if found > width || found < if self.ragged { self.used } else { width } {
            let column = found.min(width) + 1;
            let hint = if found < width {
                "a quote may be unbalanced, or the row cut short"
            } else {
                "quote cells that hold the delimiter"
            };
            return Err(Error::new(
                ErrorKind::Csv,
                self.source,
                format!("expected {width} fields as in the header, found {found}; {hint}"),
            )
            .at(Some(self.line), Some(column as u64)));
        }
        Ok(true)
    }

    pub(super) fn cell(&self, column: usize) -> &str {
        self.record.get(column).unwrap_or_default().trim()
    }

    /// The cell, which must not be empty.
    pub(super) fn required(&self, column: usize) -> Result<&str, Error> {
        let cell = self.cell(column);
        if cell.is_empty() {
            let name = self.header.get(column).map_or("", String::as_str);
            return Err(Error::new(ErrorKind::Field, self.source, format!("`{name}` is empty"))
                .at(Some(self.line), Some(column as u64 + 1)));
        }
        Ok(cell)
    }
}

fn csv_error(source: &str, e: &csv::Error) -> Error {
    let line = e.position().map(csv::Position::line);
    Error::new(ErrorKind::Csv, source, format!("malformed row ({e}); check the quoting")).at(line, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Case {
        name: &'static str,
        text: &'static str,
        delimiter: u8,
        ragged: bool,
        /// The `b` cell of each row, or the error's (kind, line, column).
        expected: Result<&'static [&'static str], (ErrorKind, u64, Option<u64>)>,
    }

    const CASES: &[Case] = &[
        Case {
            name: "plain",
            text: "a,b,c\n1,2,3\n4,5,6\n",
            delimiter: b',',
            ragged: false,
            expected: Ok(&["2", "5"]),
        },
        Case {
            name: "quoted cell over two lines",
            text: "a,b,c\n1,\"two\nlines\",3\n",
            delimiter: b',',
            ragged: false,
            expected: Ok(&["two\nlines"]),
        },
        Case {
            name: "byte order mark",
            text: "\u{FEFF}a,b\n1,2\n",
            delimiter: b',',
            ragged: false,
            expected: Ok(&["2"]),
        },
        Case {
            name: "tabs, quotes as text",
            text: "a\tb\n1\t\"2\n",
            delimiter: b'\t',
            ragged: false,
            expected: Ok(&["\"2"]),
        },
        Case {
            name: "short row",
            text: "a,b,c\n1,2,3\n4,5\n",
            delimiter: b',',
            ragged: false,
            expected: Err((ErrorKind::Csv, 3, Some(3))),
        },
        Case {
            name: "ragged row may stop after the last column read",
            text: "a,b,c\n1,2\n",
            delimiter: b',',
            ragged: true,
            expected: Ok(&["2"]),
        },
        Case {
            name: "ragged row must reach the columns read",
            text: "a,b,c\n1\n",
            delimiter: b',',
            ragged: true,
            expected: Err((ErrorKind::Csv, 2, Some(2))),
        },
        Case {
            name: "long row",
            text: "a,b\n1,2,3\n",
            delimiter: b',',
            ragged: false,
            expected: Err((ErrorKind::Csv, 2, Some(3))),
        },
        Case {
            name: "wrong delimiter",
            text: "a;b;c\n1;2;3\n",
            delimiter: b',',
            ragged: false,
            expected: Err((ErrorKind::Header, 1, Some(1))),
        },
        Case { name: "empty", text: "", delimiter: b',', ragged: false, expected: Err((ErrorKind::Header, 1, None)) },
    ];

    fn read(case: &Case) -> Result<Vec<String>, Error> {
        let mut table = Table::open("t.csv", case.text, case.delimiter)?;
        table.ragged = case.ragged;
        let b = table.column("b")?;
        let mut cells = Vec::new();
        while table.next_row()? {
            cells.push(table.required(b)?.to_owned());
        }
        Ok(cells)
    }

    #[test]
    fn reads_rows_and_names_the_broken_one() {
        for case in CASES {
            let got = read(case).map_err(|e| (e.kind(), e.line().unwrap_or(0), e.column()));
            let expected = case.expected.map(|cells| cells.iter().map(|c| (*c).to_owned()).collect::<Vec<_>>());
            assert_eq!(got, expected, "{}", case.name);
        }
    }
}
