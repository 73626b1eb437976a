//! Row types for CSV output: one flat row per skill (compare) or per mention (extract), written with the `csv`
//! crate's serde support.

use serde::Serialize;

use super::{CompareReport, ExtractReport, SkillReport};
use crate::extract::MatchKind;
use crate::structure::{Requirement, SectionKind};

/// Which list of a comparison a CSV row comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CsvStatus {
    /// The CV lacks it.
    Missing,
    /// The CV shows something related, or progress.
    Related,
    /// The CV shows it.
    Matched,
}

/// One row of `compare --format csv`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CompareCsvRow<'a> {
    /// The list the skill is in.
    pub status: CsvStatus,
    /// For a missing skill, its rank.
    pub rank: Option<usize>,
    /// The skill's id.
    pub id: &'a str,
    /// The skill's name.
    pub name: &'a str,
    /// `family/kind`.
    pub category: &'a str,
    /// Its weight over all targets.
    pub weight: u32,
    /// How many targets name it.
    pub targets: usize,
    /// The strongest requirement.
    pub requirement: Requirement,
    /// The most years asked.
    pub years: Option<u8>,
    /// How the CV writes it (empty when it does not).
    pub cv_text: &'a str,
    /// How the first target writes it.
    pub target_text: &'a str,
}

impl CompareCsvRow<'_> {
    /// The header row, written even when there are no rows.
    pub const HEADER: &'static [&'static str] = &[
        "status",
        "rank",
        "id",
        "name",
        "category",
        "weight",
        "targets",
        "requirement",
        "years",
        "cv_text",
        "target_text",
    ];
}

/// One row of `extract --format csv`: one mention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExtractCsvRow<'a> {
    /// With `--lines`, the input line.
    pub line: Option<usize>,
    /// The skill's id.
    pub id: &'a str,
    /// The skill's name.
    pub name: &'a str,
    /// `family/kind`.
    pub category: &'a str,
    /// Start byte offset.
    pub start: usize,
    /// End byte offset, exclusive.
    pub end: usize,
    /// The matched text.
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
    pub prominence: String,
    /// The words that say it is not asked.
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

impl CompareReport {
    /// The CSV rows: missing skills in rank order, then related, then matched.
    pub fn csv_rows(&self) -> Vec<CompareCsvRow<'_>> {
        let rows = self.missing.iter().map(|r| compare_row(CsvStatus::Missing, r));
        let rows = rows.chain(self.related.iter().map(|r| compare_row(CsvStatus::Related, r)));
        rows.chain(self.matched.iter().map(|r| compare_row(CsvStatus::Matched, r))).collect()
    }
}

/// The CSV row of one skill.
fn compare_row(status: CsvStatus, r: &SkillReport) -> CompareCsvRow<'_> {
    CompareCsvRow {
        status,
        rank: r.rank,
        id: &r.id,
        name: &r.name,
        category: &r.category,
        weight: r.weight,
        targets: r.targets,
        requirement: r.requirement,
        years: r.years,
        cv_text: r.cv_text.as_deref().unwrap_or_default(),
        target_text: r.evidence.first().map_or("", |e| e.text.as_str()),
    }
}

impl ExtractReport {
    /// The CSV rows: one per mention, skills in order.
    pub fn csv_rows(&self) -> Vec<ExtractCsvRow<'_>> {
        self.skills
            .iter()
            .flat_map(|s| {
                s.mentions.iter().map(move |m| ExtractCsvRow {
                    line: self.line,
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
                })
            })
            .collect()
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
            weight: 3,
            targets: 1,
            requirement: Requirement::Required,
            years: None,
            cv_text: "",
            target_text: "SQL",
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
