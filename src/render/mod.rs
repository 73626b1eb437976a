//! Output: every format renders the same report values ([`skillgap::CompareReport`], [`skillgap::ExtractReport`]).
//! JSON and CSV come from them through serde; text and Markdown are written here, one file per format.

pub mod csv;
pub mod md;
pub mod text;

pub use skillgap::category;
use skillgap::Requirement;

/// Terminal styling, on or off.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
}

impl Style {
    fn paint(self, code: &str, s: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_owned()
        }
    }
    pub fn bold(self, s: &str) -> String {
        self.paint("1", s)
    }
    pub fn red(self, s: &str) -> String {
        self.paint("31", s)
    }
    pub fn green(self, s: &str) -> String {
        self.paint("32", s)
    }
    pub fn yellow(self, s: &str) -> String {
        self.paint("33", s)
    }
    pub fn dim(self, s: &str) -> String {
        self.paint("2", s)
    }
}

/// Pretty JSON of a report, with a final newline.
pub fn json_pretty(report: &impl serde::Serialize) -> serde_json::Result<String> {
    Ok(format!("{}\n", serde_json::to_string_pretty(report)?))
}

/// How text and Markdown name a requirement level.
fn requirement_str(r: Requirement) -> &'static str {
    match r {
        Requirement::Required => "required",
        Requirement::Preferred => "preferred",
        Requirement::Mentioned => "mentioned",
        Requirement::NotRequired => "not required",
    }
}

/// Escapes what would break a Markdown table cell or line.
fn md_escape(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// One CSV row, quoted where needed (for the taxonomy commands' hand-built rows).
pub fn csv_row(fields: &[String]) -> String {
    let mut row = String::new();
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            row.push(',');
        }
        if f.contains([',', '"', '\n', '\r']) {
            row.push('"');
            row.push_str(&f.replace('"', "\"\""));
            row.push('"');
        } else {
            row.push_str(f);
        }
    }
    row.push('\n');
    row
}
