//! Batch inputs: a file holds one posting (.txt, .md, .html, a .json object) or many (a .json array, .jsonl, a
//! job board's .csv). Each posting gets a name that finds it again: the file, `file#N` for the N-th object of a
//! JSON array, `file:LINE` for a JSON Lines or CSV record.

use serde_json::{Map, Value};

use super::json_posting::{no_posting_text, parse_json, posting_object_text, stream_json};
use super::{decode_text, read_source, Encoding};
use crate::error::{Error, ErrorKind};
use crate::html::html_to_text;
use crate::report::shorten;

/// The CSV columns read as the posting's text when none is named, in order of preference.
pub const DEFAULT_TEXT_COLUMNS: &[&str] = &["description", "text", "body"];
/// CSV columns (and JSON fields) read as the title, company and link when present; matched without regard to case,
/// spaces, hyphens or underscores.
const TITLE_COLUMNS: &[&str] = &["title", "jobtitle", "position", "role"];
const COMPANY_COLUMNS: &[&str] = &["company", "companyname", "employer", "organization", "organisation"];
const URL_COLUMNS: &[&str] = &["url", "link", "joburl", "applyurl"];
/// Titles and company names longer than this are shortened: they label a row, the text is read in full.
const LABEL_MAX_CHARS: usize = 80;
/// How many leading lines of a document are searched for a "Company:" line.
const COMPANY_LINE_SEARCH: usize = 15;

/// One posting read from a batch input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Posting {
    /// How output names it: the path, `path#N` (JSON array) or `path:LINE` (JSON Lines, CSV).
    pub name: String,
    /// Its title, when the input gives one (a JSON or CSV field, or a document's first line).
    pub title: Option<String>,
    /// The employer, when the input gives one.
    pub company: Option<String>,
    /// A link to it, when the input gives one.
    pub url: Option<String>,
    /// The text to extract from.
    pub text: String,
}

/// How a batch input holds its postings, chosen by the file name's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum InputShape {
    /// One posting per file: `.txt`, `.md`, `.markdown`, `.html`, `.htm`, `.xhtml`, and `.pdf`, `.docx`, `.odt`
    /// (read when the `pdf` and `docx` features are on; refused with a message otherwise).
    Document,
    /// `.json`: one posting object, an array of them, or a schema.org `@graph`.
    Json,
    /// `.jsonl` or `.ndjson`: one JSON posting object per line.
    JsonLines,
    /// `.csv` from a job board: one posting per row, with a header row.
    Csv,
}

impl InputShape {
    /// The shape of a file with this name; `None` for extensions batch does not read.
    pub fn from_name(name: &str) -> Option<InputShape> {
        let (_, ext) = name.rsplit_once('.')?;
        if ext.contains(['/', '\\']) {
            return None;
        }
        match ext.to_ascii_lowercase().as_str() {
            "txt" | "text" | "md" | "markdown" | "html" | "htm" | "xhtml" | "pdf" | "docx" | "odt" => {
                Some(InputShape::Document)
            }
            "json" => Some(InputShape::Json),
            "jsonl" | "ndjson" => Some(InputShape::JsonLines),
            "csv" => Some(InputShape::Csv),
            _ => None,
        }
    }
}

/// A one-posting document (.txt, .md, .html): its text as [`read_source`] reads it, its first line as the title and
/// a "Company:" line near the top as the company.
pub fn document_posting(name: &str, bytes: Vec<u8>) -> Result<Posting, Error> {
    document_posting_read(name, bytes).map(|(posting, _)| posting)
}

/// [`document_posting`], with the encoding the file was read in: [`Encoding::Windows1252`] is a guess the caller
/// should tell the user about, as for [`crate::Source::encoding`].
pub fn document_posting_read(name: &str, bytes: Vec<u8>) -> Result<(Posting, Encoding), Error> {
    let source = read_source(name, bytes)?;
    let heading = source.original.as_ref().and_then(|o| html_heading(&o.text));
    let title = heading.or_else(|| source.text.lines().map(label).find(|l| !l.is_empty()));
    let company = source.text.lines().take(COMPANY_LINE_SEARCH).find_map(company_line);
    Ok((Posting { name: name.to_owned(), title, company, url: None, text: source.text }, source.encoding))
}

/// The postings of a `.json` file: one object, each object of an array (named `file#N`, from 1), or each object of
/// a schema.org `@graph`. An object without posting text is an error of its own; the others are still read.
pub fn json_postings(name: &str, bytes: Vec<u8>) -> Result<Vec<Result<Posting, Error>>, Error> {
    let mut postings = Vec::new();
    json_postings_each(name, bytes, |posting| postings.push(posting))?;
    Ok(postings)
}

/// [`json_postings`], handing each posting to `each` as it is read: an array is parsed one element at a time, so
/// memory holds the file and one posting, not a parsed value of every posting. Malformed JSON is an error before
/// `each` sees any posting.
pub fn json_postings_each(
    name: &str,
    bytes: Vec<u8>,
    mut each: impl FnMut(Result<Posting, Error>),
) -> Result<(), Error> {
    let text = decode_text(name, bytes)?;
    // Objects of another schema.org type (the WebPage or Organization beside a JobPosting in a `@graph`) are not
    // postings; objects without a type are read as postings.
    let is_posting = |item: &Value| match item.get("@type") {
        None => true,
        Some(Value::String(t)) => t == "JobPosting",
        Some(Value::Array(types)) => types.iter().any(|t| t == "JobPosting"),
        Some(_) => false,
    };
    let mut found = 0usize;
    let mut read = |item_name: String, item: &Value| {
        if is_posting(item) {
            found += 1;
            each(object_posting(item_name, item));
        }
    };
    let top =
        stream_json(name, text.trim_start_matches('\u{FEFF}'), |i, item| read(format!("{name}#{}", i + 1), &item))?;
    match top {
        // A list, read element by element.
        None => {}
        Some(Value::Object(map)) => match map.get("@graph") {
            Some(Value::Array(items)) => {
                items.iter().enumerate().for_each(|(i, item)| read(format!("{name}#{}", i + 1), item));
            }
            _ => read(name.to_owned(), &Value::Object(map)),
        },
        Some(_) => return Err(no_posting_text(name)),
    }
    if found == 0 {
        return Err(Error::new(ErrorKind::Json, name, "holds no postings; expected a JSON object with a \"description\" (schema.org JobPosting), or a list of them"));
    }
    Ok(())
}

/// The non-blank lines of a JSON Lines file, each with its name (`file:LINE`, from 1).
pub fn json_lines<'a>(name: &'a str, text: &'a str) -> impl Iterator<Item = (String, &'a str)> + 'a {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(move |(i, line)| (format!("{name}:{}", i + 1), line))
}

/// The posting on one line of a JSON Lines file; `name` is `file:LINE`, and errors name that line.
pub fn json_line_posting(name: &str, line: &str) -> Result<Posting, Error> {
    let (file, line_number) = split_line_name(name);
    let at_line = |e: Error| {
        let message = e.message().to_owned();
        Error::new(ErrorKind::Json, file, message).at(line_number, None)
    };
    let value = parse_json(file, line.trim_start_matches('\u{FEFF}')).map_err(at_line)?;
    if !value.is_object() {
        return Err(at_line(Error::new(ErrorKind::Json, file, "expected one JSON object per line")));
    }
    object_posting(name.to_owned(), &value).map_err(at_line)
}

/// `file:12` into `file` and line 12 (a name without a line number stays whole).
fn split_line_name(name: &str) -> (&str, Option<u64>) {
    match name.rsplit_once(':') {
        Some((file, n)) => match n.parse() {
            Ok(n) => (file, Some(n)),
            Err(_) => (name, None),
        },
        None => (name, None),
    }
}

/// One JSON object as a posting: the schema.org fields as [`read_source`] assembles them, with its title,
/// `hiringOrganization` (or company) and URL.
fn object_posting(name: String, value: &Value) -> Result<Posting, Error> {
    let text = posting_object_text(value);
    if text.trim().is_empty() {
        return Err(no_posting_text(&name));
    }
    let Value::Object(map) = value else { return Err(no_posting_text(&name)) };
    let company = match field(map, &["hiringorganization"]) {
        Some(Value::Object(org)) => field(org, &["name"]).and_then(string),
        Some(other) => string(other),
        None => field(map, COMPANY_COLUMNS).and_then(string),
    };
    Ok(Posting {
        title: field(map, TITLE_COLUMNS).and_then(string).map(|t| label(&t)).filter(|t| !t.is_empty()),
        company: company.map(|c| label(&c)).filter(|c| !c.is_empty()),
        url: field(map, URL_COLUMNS).and_then(string),
        text,
        name,
    })
}

/// The first of `keys` the object has, compared as [`column_key`] does.
fn field<'a>(map: &'a Map<String, Value>, keys: &[&str]) -> Option<&'a Value> {
    keys.iter().find_map(|k| map.iter().find(|(name, _)| column_key(name) == *k).map(|(_, v)| v))
}

fn string(value: &Value) -> Option<String> {
    value.as_str().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned)
}

/// A column or field name compared loosely: lower case, without spaces, hyphens or underscores ("Job Title",
/// "job_title" and "jobTitle" are one).
fn column_key(name: &str) -> String {
    name.chars().filter(|c| !matches!(c, ' ' | '_' | '-')).flat_map(char::to_lowercase).collect()
}

/// A line as a label: Markdown heading and emphasis marks dropped, whitespace folded, shortened.
fn label(line: &str) -> String {
    let line = line.replace("**", "");
    let line = line.trim().trim_start_matches('#').trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace());
    let folded: Vec<&str> = line.split_whitespace().collect();
    shorten(&folded.join(" "), LABEL_MAX_CHARS)
}

/// The first `<h1>` of a web page, which names the job more reliably than the page's first line (often a
/// breadcrumb trail).
fn html_heading(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let open = lower.find("<h1")?;
    let start = open + lower.get(open..).unwrap_or_default().find('>')? + 1;
    let end = start + lower.get(start..).unwrap_or_default().find("</h1")?;
    Some(label(&html_to_text(html.get(start..end).unwrap_or_default()).text)).filter(|t| !t.is_empty())
}

/// Where a "Company:" line's value ends: the next field on the same line ("Acme · Location: Leeds").
const FIELD_SEPARATORS: &[&str] = &[" · ", " | ", " • ", " — ", " – "];

/// "Company: Nordlicht Energy" (or Employer, Organisation) near the top of a document.
fn company_line(line: &str) -> Option<String> {
    // Most lines are no "Key: value" line at all, or another key's: those cost no copy and no value. The key is
    // read from the text before the first colon alone, cleaned as the whole line is below (no mark that cleaning
    // removes spans a colon), so a long line of prose with a colon in it costs no more than its first words.
    let (raw_key, _) = line.split_once(':')?;
    let key = raw_key.trim_start().trim_start_matches(['-', '*', '#']).trim_start().replace("**", "");
    if !COMPANY_COLUMNS.contains(&column_key(&key).as_str()) {
        return None;
    }
    company_line_whole(line)
}

/// [`company_line`] without its first look at the key: the whole line cleaned, then split.
fn company_line_whole(line: &str) -> Option<String> {
    let line = line.trim().trim_start_matches(['-', '*', '#']).trim().replace("**", "");
    let (key, value) = line.split_once(':')?;
    if !COMPANY_COLUMNS.contains(&column_key(key).as_str()) {
        return None;
    }
    let value = FIELD_SEPARATORS
        .iter()
        .filter_map(|s| value.find(s))
        .min()
        .map_or(value, |end| value.get(..end).unwrap_or_default());
    Some(label(value)).filter(|value| !value.is_empty())
}

/// Which columns of a job board's CSV hold what.
#[derive(Debug)]
struct Columns {
    text: usize,
    title: Option<usize>,
    company: Option<usize>,
    url: Option<usize>,
}

/// The postings of a job board's `.csv` export, one per row after the header, named `file:LINE` (the row's first
/// line). The text is the column `text_column` names, or the first of [`DEFAULT_TEXT_COLUMNS`]; HTML in it is read
/// as HTML. A CSV without that column is an error; a row with an empty text cell is an error of its own.
pub fn csv_postings<'a>(
    name: &'a str,
    text: &'a str,
    text_column: Option<&str>,
) -> Result<impl Iterator<Item = Result<Posting, Error>> + 'a, Error> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(true)
        .from_reader(text.trim_start_matches('\u{FEFF}').as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| Error::new(ErrorKind::Csv, name, format!("cannot read the header row: {e}")).at(Some(1), None))?
        .clone();
    let find = |keys: &[&str]| -> Option<usize> {
        keys.iter().find_map(|k| headers.iter().position(|h| column_key(h) == column_key(k)))
    };
    let wanted: Vec<&str> = match text_column {
        Some(column) => vec![column],
        None => DEFAULT_TEXT_COLUMNS.to_vec(),
    };
    let Some(text_index) = find(&wanted) else {
        let found: Vec<&str> = headers.iter().collect();
        return Err(Error::new(
            ErrorKind::Header,
            name,
            format!(
                "no {} column (the columns are: {}); name the column that holds the posting text with --text-column",
                wanted.join(" or "),
                found.join(", ")
            ),
        )
        .at(Some(1), None));
    };
    let columns = Columns {
        text: text_index,
        title: find(TITLE_COLUMNS),
        company: find(COMPANY_COLUMNS),
        url: find(URL_COLUMNS),
    };
    let text_header = headers.get(text_index).unwrap_or_default().to_owned();
    Ok(reader.into_records().map(move |record| {
        let record = record.map_err(|e| {
            let line = e.position().map(|p| p.line());
            Error::new(ErrorKind::Csv, name, format!("cannot read this row: {e}")).at(line, None)
        })?;
        let line = record.position().map_or(0, |p| p.line());
        let cell = |i: Option<usize>| i.and_then(|i| record.get(i)).map(str::trim).filter(|s| !s.is_empty());
        let Some(body) = cell(Some(columns.text)) else {
            return Err(
                Error::new(ErrorKind::Empty, name, format!("the {text_header} cell is empty")).at(Some(line), None)
            );
        };
        let text = if body.contains('<') && body.contains('>') { html_to_text(body).text } else { body.to_owned() };
        Ok(Posting {
            name: format!("{name}:{line}"),
            title: cell(columns.title).map(label).filter(|t| !t.is_empty()),
            company: cell(columns.company).map(label).filter(|c| !c.is_empty()),
            url: cell(columns.url).map(str::to_owned),
            text,
        })
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn company_lines_read_the_key_first_to_the_same_effect() {
        const LINES: &[&str] = &[
            "Company: Acme",
            "  **Company:** Acme · Location: Leeds",
            "- Employer: Nordlicht Energy",
            "# Organisation : Civic Trust",
            "***Company***: Stars",
            "--: nothing",
            "   : blank key",
            "\u{A0}Company name: Wide | Remote",
            "Company_Name: Under Score",
            "We run on a simple idea: treat others well. Company: not this one",
            "Company",
            "company:",
            "Company:: Double",
            "#-*Employer*#: Marks",
            "Comp**any: Split by marks",
            "",
        ];
        for line in LINES {
            assert_eq!(company_line(line), company_line_whole(line), "{line:?}");
        }
    }

    #[test]
    fn shapes_from_names() {
        const CASES: &[(&str, Option<InputShape>)] = &[
            ("a.txt", Some(InputShape::Document)),
            ("a.MD", Some(InputShape::Document)),
            ("a.html", Some(InputShape::Document)),
            ("a.json", Some(InputShape::Json)),
            ("a.jsonl", Some(InputShape::JsonLines)),
            ("a.ndjson", Some(InputShape::JsonLines)),
            ("jobs.csv", Some(InputShape::Csv)),
            ("cv.pdf", Some(InputShape::Document)),
            ("job.DOCX", Some(InputShape::Document)),
            ("job.odt", Some(InputShape::Document)),
            ("photo.png", None),
            ("notes", None),
            ("dir.v2/notes", None),
        ];
        for &(name, shape) in CASES {
            assert_eq!(InputShape::from_name(name), shape, "{name}");
        }
    }

    #[test]
    fn documents_take_their_first_line_as_title_and_a_company_line() {
        let p = document_posting("p.md", b"\n# Senior **Welder**\nCompany: Acme Fabrication\n\nTIG welding".to_vec())
            .expect("reads");
        assert_eq!(p.title.as_deref(), Some("Senior Welder"));
        assert_eq!(p.company.as_deref(), Some("Acme Fabrication"));
        let p = document_posting("p.html", b"<nav>Jobs &rsaquo; Care</nav><H1>Nurse</H1><p>BLS required</p>".to_vec())
            .expect("reads");
        assert_eq!((p.title.as_deref(), p.company), (Some("Nurse"), None));
        let text = "Cook\n**Company:** Diner Ltd \u{b7} **Location:** Leeds\n";
        let p = document_posting("p.txt", text.as_bytes().to_vec()).expect("reads");
        assert_eq!(p.company.as_deref(), Some("Diner Ltd"));
    }

    #[test]
    fn json_shapes() {
        let one = json_postings(
            "j.json",
            br#"{"title":"Welder","hiringOrganization":{"name":"Acme"},"description":"TIG","url":"https://x.test/1"}"#
                .to_vec(),
        )
        .expect("reads");
        let one: Vec<Posting> = one.into_iter().map(|p| p.expect("posting")).collect();
        assert_eq!(one.len(), 1);
        assert_eq!(
            (one[0].name.as_str(), one[0].title.as_deref(), one[0].company.as_deref(), one[0].url.as_deref()),
            ("j.json", Some("Welder"), Some("Acme"), Some("https://x.test/1"))
        );
        let many = json_postings(
            "j.json",
            br#"[{"title":"A","description":"SQL"},{"x":1},{"company":"B","description":"Go"}]"#.to_vec(),
        )
        .expect("reads");
        let names: Vec<String> =
            many.iter().map(|p| p.as_ref().map_or_else(|e| format!("error {e}"), |p| p.name.clone())).collect();
        assert_eq!(names[0], "j.json#1");
        assert!(names[1].starts_with("error j.json#2: found no posting text"), "{}", names[1]);
        assert_eq!(names[2], "j.json#3");
        let graph = json_postings(
            "g.json",
            br#"{"@graph":[{"@type":"WebPage","name":"Jobs"},{"@type":"JobPosting","description":"SQL"}]}"#.to_vec(),
        )
        .expect("reads");
        let names: Vec<String> = graph.into_iter().map(|p| p.map(|p| p.name).unwrap_or_default()).collect();
        assert_eq!(names, ["g.json#2"], "the WebPage is not a posting; the JobPosting keeps its place");
        assert!(json_postings("w.json", br#"{"@type":"WebPage","name":"x"}"#.to_vec()).is_err());
        assert!(json_postings("e.json", b"[]".to_vec()).is_err());
        assert!(json_postings("e.json", b"{".to_vec()).is_err());
    }

    #[test]
    fn json_lines_name_their_line() {
        let text = "{\"title\":\"A\",\"description\":\"SQL\"}\n\n{oops\n";
        let lines: Vec<(String, &str)> = json_lines("p.jsonl", text).collect();
        assert_eq!(lines.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(), ["p.jsonl:1", "p.jsonl:3"]);
        assert_eq!(json_line_posting(&lines[0].0, lines[0].1).expect("posting").title.as_deref(), Some("A"));
        let err = json_line_posting(&lines[1].0, lines[1].1).expect_err("bad line");
        assert!(err.to_string().starts_with("p.jsonl:3: cannot read it as a JSON job posting"), "{err}");
        let err = json_line_posting("p.jsonl:4", "[1]").expect_err("not an object");
        assert_eq!(err.to_string(), "p.jsonl:4: expected one JSON object per line");
    }

    #[test]
    fn csv_rows_are_postings() {
        let text = "Job Title,Company Name,Description,URL\nWelder,Acme,\"TIG welding,\nMIG welding\",https://x.test\nNurse,,,\nCook,Diner,<p>Food safety</p>,\n";
        let rows: Vec<Result<Posting, Error>> = csv_postings("jobs.csv", text, None).expect("header").collect();
        let first = rows[0].as_ref().expect("row 1");
        assert_eq!(
            (first.name.as_str(), first.title.as_deref(), first.company.as_deref(), first.url.as_deref()),
            ("jobs.csv:2", Some("Welder"), Some("Acme"), Some("https://x.test"))
        );
        assert_eq!(first.text, "TIG welding,\nMIG welding");
        let err = rows[1].as_ref().expect_err("empty description");
        assert_eq!(err.to_string(), "jobs.csv:4: the Description cell is empty");
        assert_eq!(rows[2].as_ref().expect("row 3").text.trim(), "Food safety");
        let named: Vec<_> = csv_postings("j.csv", "a,posting\nx,SQL\n", Some("Posting")).expect("header").collect();
        assert_eq!(named[0].as_ref().expect("row").text, "SQL");
        let err = csv_postings("j.csv", "a,b\n1,2\n", None).err().expect("no text column");
        assert!(err.to_string().starts_with("j.csv:1: no description or text or body column (the columns are: a, b)"));
    }
}
