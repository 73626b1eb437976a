//! Row types for CSV output: one flat row per skill (compare) or per mention (extract), written with the `csv`
//! crate's serde support. Every text cell is neutralised against spreadsheet formulas ([`crate::csv_safe`]: a cell
//! starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`); these are reports, not data
//! exports.

use serde::Serialize;

use super::{CompareReport, ExtractReport, GapReport, MentionReport, SkillMentions, SkillReport};
use crate::compare::GapStatus;
use crate::extract::MatchKind;
use crate::structure::{Requirement, SectionKind};

/// Which list of a comparison a CSV row comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CsvStatus {
    /// The CV lacks it.
    Missing,
    /// The CV shows something related.
    Related,
    /// The CV shows it in progress.
    InProgress,
    /// The CV shows it, for fewer years than a posting asks.
    YearsShort,
    /// The CV shows it.
    Matched,
    /// A line that asks for something in which no skill was recognised (`target_text` holds it).
    Unrecognised,
    /// A suggestion: `rank` is its number, `name` its kind, `members` the skills it covers, `quote` its words.
    Suggestion,
}

impl From<GapStatus> for CsvStatus {
    fn from(status: GapStatus) -> CsvStatus {
        match status {
            GapStatus::Missing => CsvStatus::Missing,
            GapStatus::Related => CsvStatus::Related,
            GapStatus::InProgress => CsvStatus::InProgress,
            GapStatus::YearsShort => CsvStatus::YearsShort,
        }
    }
}

/// One row of `compare --format csv`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CompareCsvRow<'a> {
    /// The list the skill is in.
    pub status: CsvStatus,
    /// For a gap, its rank.
    pub rank: Option<usize>,
    /// The skill's id.
    #[serde(serialize_with = "csv_cell")]
    pub id: &'a str,
    /// The skill's name.
    #[serde(serialize_with = "csv_cell")]
    pub name: &'a str,
    /// `family/kind`.
    #[serde(serialize_with = "csv_cell")]
    pub category: &'a str,
    /// For a gap, its importance.
    pub importance: Option<u32>,
    /// Its weight over all targets.
    pub weight: u32,
    /// How many targets name it.
    pub targets: usize,
    /// The strongest requirement (empty for a gap only bios name).
    pub requirement: Option<Requirement>,
    /// The most years asked.
    pub years: Option<u8>,
    /// For a skill shown for fewer years than asked: the years the CV shows.
    pub years_shown: Option<u32>,
    /// The skills collapsed into a gap, joined with `; `.
    #[serde(serialize_with = "csv_cell")]
    pub members: String,
    /// How the CV writes it, or the related skill it shows (empty when it shows nothing).
    #[serde(serialize_with = "csv_cell")]
    pub cv_text: String,
    /// How the first target writes it.
    #[serde(serialize_with = "csv_cell")]
    pub target_text: &'a str,
    /// A window of the first target's sentence around it.
    #[serde(serialize_with = "csv_cell")]
    pub quote: &'a str,
    /// For a gap with a learning path: its steps from a skill the CV shows, joined with ` → `.
    #[serde(serialize_with = "csv_cell")]
    pub learning_path: String,
}

impl CompareCsvRow<'_> {
    /// The header row, written even when there are no rows.
    pub const HEADER: &'static [&'static str] = &[
        "status",
        "rank",
        "id",
        "name",
        "category",
        "importance",
        "weight",
        "targets",
        "requirement",
        "years",
        "years_shown",
        "members",
        "cv_text",
        "target_text",
        "quote",
        "learning_path",
    ];
}

/// One row of `extract --format csv`: one mention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExtractCsvRow<'a> {
    /// With `--lines`, the input line.
    pub line: Option<usize>,
    /// The skill's id.
    #[serde(serialize_with = "csv_cell")]
    pub id: &'a str,
    /// The skill's name.
    #[serde(serialize_with = "csv_cell")]
    pub name: &'a str,
    /// `family/kind`.
    #[serde(serialize_with = "csv_cell")]
    pub category: &'a str,
    /// Start byte offset.
    pub start: usize,
    /// End byte offset, exclusive.
    pub end: usize,
    /// The matched text.
    #[serde(serialize_with = "csv_cell")]
    pub text: &'a str,
    /// How it matched.
    #[serde(rename = "match")]
    pub match_kind: MatchKind,
    /// The section it sits in.
    pub section: SectionKind,
    /// The requirement level (empty for a bio).
    pub requirement: Option<Requirement>,
    /// Years attached to it.
    pub years: Option<u8>,
    /// The either/or group it belongs to.
    pub group: Option<u32>,
    /// For a bio: why it stands out, joined with `; `.
    #[serde(serialize_with = "csv_cell")]
    pub prominence: String,
    /// The words that say it is not asked.
    #[serde(serialize_with = "csv_cell_opt")]
    pub cue: Option<&'a str>,
}

impl ExtractCsvRow<'_> {
    /// The header row, written once even when there are no rows.
    pub const HEADER: &'static [&'static str] = &[
        "line",
        "id",
        "name",
        "category",
        "start",
        "end",
        "text",
        "match",
        "section",
        "requirement",
        "years",
        "group",
        "prominence",
        "cue",
    ];
}

/// A text cell a spreadsheet will not run as a formula ([`crate::csv_safe`]), with no control character that could
/// drive a terminal it is printed on ([`crate::printable`]).
fn csv_cell<T: AsRef<str>, S: serde::Serializer>(cell: &T, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&crate::csv_safe(&crate::printable(cell.as_ref())))
}

/// [`csv_cell`] for a cell that may be empty.
fn csv_cell_opt<S: serde::Serializer>(cell: &Option<&str>, serializer: S) -> Result<S::Ok, S::Error> {
    match cell {
        Some(cell) => serializer.serialize_some(&*crate::csv_safe(&crate::printable(cell))),
        None => serializer.serialize_none(),
    }
}

impl CompareReport {
    /// The CSV rows: the gaps in rank order (the same list text, Markdown and JSON show), then the matched skills.
    pub fn csv_rows(&self) -> Vec<CompareCsvRow<'_>> {
        let gaps = self.gaps.iter().map(gap_row);
        let unrecognised = self.unrecognised.iter().map(|u| CompareCsvRow {
            status: CsvStatus::Unrecognised,
            rank: None,
            id: "",
            name: "",
            category: "",
            importance: None,
            weight: 0,
            targets: 1,
            requirement: None,
            years: None,
            years_shown: None,
            members: String::new(),
            cv_text: String::new(),
            target_text: &u.text,
            quote: "",
            learning_path: String::new(),
        });
        let suggestions = self.suggestions.iter().enumerate().map(|(i, s)| CompareCsvRow {
            status: CsvStatus::Suggestion,
            rank: Some(i + 1),
            id: s.skill.as_deref().unwrap_or(""),
            name: s.kind.as_str(),
            category: "",
            importance: None,
            weight: 0,
            targets: 0,
            requirement: None,
            years: None,
            years_shown: None,
            members: s.skills.join("; "),
            cv_text: String::new(),
            target_text: "",
            quote: &s.message,
            learning_path: String::new(),
        });
        gaps.map(|mut row| {
            row.learning_path = self.learning_path_of(row.id);
            row
        })
        .chain(self.matched.iter().map(matched_row))
        .chain(unrecognised)
        .chain(suggestions)
        .collect()
    }

    /// The learning path to the gap `id`, its steps joined with ` → ` (empty when it has none).
    fn learning_path_of(&self, id: &str) -> String {
        self.learning_path
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.steps.iter().map(|s| s.name.as_str()).collect::<Vec<_>>().join(" → "))
            .unwrap_or_default()
    }
}

/// The CSV row of one gap.
fn gap_row(g: &GapReport) -> CompareCsvRow<'_> {
    let first = g.evidence.first();
    CompareCsvRow {
        status: g.status.into(),
        rank: Some(g.rank),
        id: &g.id,
        name: &g.name,
        category: &g.category,
        importance: Some(g.importance),
        weight: g.weight,
        targets: g.targets,
        requirement: g.requirement,
        years: g.years,
        years_shown: g.years_shown,
        members: g.members.iter().map(|m| m.name.as_str()).collect::<Vec<_>>().join("; "),
        cv_text: g.cv_evidence.as_ref().map(|c| c.quote.clone()).unwrap_or_default(),
        target_text: first.map_or("", |e| e.text.as_str()),
        quote: first.map_or("", |e| e.quote.as_str()),
        learning_path: String::new(),
    }
}

/// The CSV row of one matched skill.
fn matched_row(r: &SkillReport) -> CompareCsvRow<'_> {
    let first = r.evidence.first();
    CompareCsvRow {
        status: CsvStatus::Matched,
        rank: None,
        id: &r.id,
        name: &r.name,
        category: &r.category,
        importance: None,
        weight: r.weight,
        targets: r.targets,
        requirement: Some(r.requirement),
        years: r.years,
        years_shown: r.years_shown,
        members: String::new(),
        cv_text: r.cv_text.clone().unwrap_or_default(),
        target_text: first.map_or("", |e| e.text.as_str()),
        quote: first.map_or("", |e| e.quote.as_str()),
        learning_path: String::new(),
    }
}

impl ExtractReport {
    /// The CSV rows: one per mention, skills in order.
    pub fn csv_rows(&self) -> Vec<ExtractCsvRow<'_>> {
        self.skills.iter().flat_map(|s| s.mentions.iter().map(move |m| extract_row(self.line, s, m))).collect()
    }
}

/// The CSV row of mention `m` of skill `s` (with `--lines`, on input line `line`).
pub(super) fn extract_row<'a>(line: Option<usize>, s: &'a SkillMentions, m: &'a MentionReport) -> ExtractCsvRow<'a> {
    ExtractCsvRow {
        line,
        id: &s.id,
        name: &s.name,
        category: &s.category,
        start: m.start,
        end: m.end,
        text: &m.text,
        match_kind: m.match_kind,
        section: m.section,
        requirement: m.requirement,
        years: m.years,
        group: m.group,
        prominence: m.prominence.iter().map(|p| p.as_str()).collect::<Vec<_>>().join("; "),
        cue: m.cue.as_deref(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The header serde writes for `row`.
    fn serde_header(row: impl Serialize) -> String {
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer.serialize(row).expect("serialize");
        let bytes = writer.into_inner().expect("flush");
        String::from_utf8(bytes).expect("utf-8").lines().next().unwrap_or_default().to_owned()
    }

    #[test]
    fn headers_match_the_row_types() {
        let compare = CompareCsvRow {
            status: CsvStatus::Missing,
            rank: Some(1),
            id: "sql",
            name: "SQL",
            category: "data/language",
            importance: Some(60),
            weight: 3,
            targets: 1,
            requirement: Some(Requirement::Required),
            years: None,
            years_shown: None,
            members: String::new(),
            cv_text: String::new(),
            target_text: "SQL",
            quote: "SQL",
            learning_path: String::new(),
        };
        assert_eq!(serde_header(compare), CompareCsvRow::HEADER.join(","));
        let extract = ExtractCsvRow {
            line: None,
            id: "sql",
            name: "SQL",
            category: "data/language",
            start: 0,
            end: 3,
            text: "SQL",
            match_kind: MatchKind::Exact,
            section: SectionKind::Other,
            requirement: Some(Requirement::Mentioned),
            years: Some(2),
            group: Some(1),
            prominence: String::new(),
            cue: None,
        };
        assert_eq!(serde_header(extract), ExtractCsvRow::HEADER.join(","));
    }
}
