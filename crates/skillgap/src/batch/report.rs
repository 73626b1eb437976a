//! Batch output values: JSON, JSON Lines and CSV come from them through serde, and text and Markdown render from
//! the same values.

use serde::Serialize;

use super::Scored;
use crate::compare::GapStatus;
use crate::report::SkillRef;
use crate::safe::{csv_safe, printable};
use crate::source::Posting;
use crate::structure::Requirement;
use crate::taxonomy::{SkillIdx, Taxonomy};

/// The whole batch result (`batch --format json`): the counts, the ranked table, the aggregate, duplicates and
/// failures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BatchReport {
    /// The CV's name.
    pub cv: String,
    /// What was read, scored, skipped and failed.
    pub summary: BatchSummary,
    /// The ranked table: best score first, ties in input order, postings whose requirement lines were mostly not
    /// recognised (`poorly_covered`) after the others; `--min-score` and `--top` applied.
    pub postings: Vec<PostingReport>,
    /// The skills that would lift the most postings, most first (every scored posting counts).
    pub skills: Vec<SkillLiftReport>,
    /// Postings one skill short of [`GOOD_FIT`](super::GOOD_FIT), closest first.
    pub one_skill_away: Vec<OneSkillAway>,
    /// Postings whose text repeats an earlier one: scored once, under the earlier name.
    pub duplicates: Vec<DuplicateReport>,
    /// Inputs that could not be read or parsed.
    pub failures: Vec<FailureReport>,
}

/// The counts of a batch run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct BatchSummary {
    /// Files opened (skipped files not counted).
    pub files: usize,
    /// Postings scored (each distinct text once).
    pub scored: usize,
    /// Postings whose text repeats an earlier one.
    pub duplicates: usize,
    /// Files or records that could not be read or parsed.
    pub failed: usize,
    /// Files skipped for an extension batch does not read, or for not being a regular file (a device, a pipe).
    pub skipped: usize,
    /// Files that were not UTF-8 and were read as Windows-1252, a guess the user should check (each is named in a
    /// warning on standard error).
    pub windows_1252: usize,
    /// Postings in the table, after `--min-score` and `--top`.
    pub shown: usize,
    /// Scored postings at or above `--min-score` (the table shows the first `--top` of them).
    pub above_min_score: usize,
    /// The score from which a posting is a good fit.
    pub good_fit: u8,
    /// How many scored postings are a good fit (not counting those whose requirement lines were mostly not
    /// recognised).
    pub good_fits: usize,
}

/// One posting's row: in the ranked table, and a JSON Lines record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PostingReport {
    /// Its place in the ranked table, from 1 (absent in JSON Lines, which follows input order).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rank: Option<usize>,
    /// The score, 0-100.
    pub score: u8,
    /// How to find it: the path, `path#N` or `path:LINE`.
    pub name: String,
    /// Its title, if the input gives one.
    pub title: Option<String>,
    /// The employer, if the input gives one.
    pub company: Option<String>,
    /// A link, if the input gives one.
    pub url: Option<String>,
    /// The first gaps, in rank order.
    pub gaps: Vec<BatchGap>,
    /// Lines of the posting that ask for something.
    pub asking_lines: usize,
    /// Of those, lines in which a skill was recognised.
    pub lines_read: usize,
    /// Whether most asking lines were not recognised, so that the score says little.
    pub poorly_covered: bool,
}

/// One gap in a posting's row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BatchGap {
    /// The skill's id.
    pub id: String,
    /// Its display name.
    pub name: String,
    /// How it stands against the CV.
    pub status: GapStatus,
    /// How strongly the posting asks for it.
    pub requirement: Requirement,
    /// What the posting accepts in its place, by name.
    pub alternatives: Vec<String>,
}

/// One skill of the aggregate: "learning X lifts N postings, by Y points on average".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SkillLiftReport {
    /// The skill's id.
    pub id: String,
    /// Its display name.
    pub name: String,
    /// Scored postings that ask for it where the CV does not fully show it.
    pub gap_in: usize,
    /// Of those, postings whose score rises by at least one point with it on the CV.
    pub lifts: usize,
    /// The average rise over the postings it lifts, to one decimal.
    pub average_lift: f64,
    /// The total rise over the postings it lifts.
    pub total_lift: u64,
}

/// A posting below [`GOOD_FIT`](super::GOOD_FIT) that one skill would bring to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OneSkillAway {
    /// How to find it.
    pub name: String,
    /// Its title, if any.
    pub title: Option<String>,
    /// The employer, if any.
    pub company: Option<String>,
    /// Its score now.
    pub score: u8,
    /// Each skill that alone brings it to a good fit, with the score it would bring; highest first.
    pub skills: Vec<LiftTo>,
}

/// A skill and the score a posting would have with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LiftTo {
    /// The skill.
    #[serde(flatten)]
    pub skill: SkillRef,
    /// The posting's score with it on the CV.
    pub score: u8,
}

/// A posting whose text repeats an earlier one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DuplicateReport {
    /// The repeat.
    pub name: String,
    /// The earlier posting with the same text, which was scored.
    pub duplicate_of: String,
}

/// An input that could not be read or parsed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FailureReport {
    /// The file (or `file:LINE`, `file#N` for a record).
    pub name: String,
    /// What went wrong, and what to do.
    pub reason: String,
}

/// One line of `batch --format jsonl`: postings, duplicates and failures in input order, then the aggregate.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum BatchRecord<'a> {
    /// A scored posting.
    Posting(&'a PostingReport),
    /// A repeat of an earlier posting.
    Duplicate(&'a DuplicateReport),
    /// An input that failed.
    Failure(&'a FailureReport),
    /// The last line: the counts and the aggregate.
    Aggregate {
        /// The counts.
        summary: BatchSummary,
        /// As in [`BatchReport::skills`].
        skills: &'a [SkillLiftReport],
        /// As in [`BatchReport::one_skill_away`].
        one_skill_away: &'a [OneSkillAway],
    },
}

impl PostingReport {
    /// The row for a scored posting.
    pub fn new(taxonomy: &Taxonomy, posting: &Posting, scored: &Scored) -> PostingReport {
        let name_of = |s: SkillIdx| taxonomy.skill(s).name.clone();
        PostingReport {
            rank: None,
            score: scored.score,
            name: printable(&posting.name).into_owned(),
            title: posting.title.as_deref().map(|t| printable(t).into_owned()),
            company: posting.company.as_deref().map(|c| printable(c).into_owned()),
            url: posting.url.as_deref().map(|u| printable(u).into_owned()),
            gaps: scored
                .gaps
                .iter()
                .map(|g| BatchGap {
                    id: taxonomy.skill(g.skill).id.clone(),
                    name: name_of(g.skill),
                    status: g.status,
                    requirement: g.requirement,
                    alternatives: g.alternatives.iter().map(|&a| name_of(a)).collect(),
                })
                .collect(),
            asking_lines: scored.asking_lines,
            lines_read: scored.lines_read,
            poorly_covered: scored.asking_lines >= 3 && scored.lines_read * 2 < scored.asking_lines,
        }
    }

    /// The title, or the name when the input gives no title.
    pub fn label(&self) -> &str {
        self.title.as_deref().unwrap_or(&self.name)
    }
}

impl FailureReport {
    /// A failure, with control characters taken out of what it quotes.
    pub fn new(name: &str, reason: &str) -> FailureReport {
        FailureReport { name: printable(name).into_owned(), reason: printable(reason).into_owned() }
    }
}

impl DuplicateReport {
    /// A repeat of `duplicate_of`.
    pub fn new(name: &str, duplicate_of: &str) -> DuplicateReport {
        DuplicateReport { name: printable(name).into_owned(), duplicate_of: printable(duplicate_of).into_owned() }
    }
}

impl SkillLiftReport {
    /// "Learning X lifts N of the postings where it is a gap, by Y points on average".
    pub fn sentence(&self, scored: usize) -> String {
        let postings = if scored == 1 { "posting" } else { "postings" };
        format!(
            "learning {} lifts {} of {scored} {postings}, by {:.1} points on average",
            self.name, self.lifts, self.average_lift
        )
    }
}

/// One row of `batch --format csv`. `section` says which list it is from: `posting` (the ranked table), `skill`
/// (the aggregate), `one_skill_away`, `duplicate` or `failure`; columns a section does not use are empty. Every
/// text cell goes through [`csv_safe`].
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct BatchCsvRow {
    /// `posting`, `skill`, `one_skill_away`, `duplicate` or `failure`.
    pub section: &'static str,
    /// The rank in its section, from 1.
    pub rank: Option<usize>,
    /// The posting's score.
    pub score: Option<u8>,
    /// The posting (or failed input).
    pub name: String,
    /// The posting's title.
    pub title: String,
    /// The employer.
    pub company: String,
    /// The link.
    pub url: String,
    /// A posting's first gaps, joined with `; `.
    pub gaps: String,
    /// The aggregate's skill, or the skill one posting is one away by (several joined with `; `).
    pub skill: String,
    /// Postings where the skill is a gap.
    pub gap_in: Option<usize>,
    /// Postings it lifts.
    pub lifts: Option<usize>,
    /// The average lift.
    pub average_lift: Option<f64>,
    /// The posting's score with the skill.
    pub score_with: Option<u8>,
    /// The earlier posting a duplicate repeats, or why an input failed.
    pub detail: String,
}

impl BatchCsvRow {
    /// The header row.
    pub const HEADER: &'static [&'static str] = &[
        "section",
        "rank",
        "score",
        "name",
        "title",
        "company",
        "url",
        "gaps",
        "skill",
        "gap_in",
        "lifts",
        "average_lift",
        "score_with",
        "detail",
    ];
}

fn cell(s: &str) -> String {
    csv_safe(s).into_owned()
}

fn opt_cell(s: Option<&str>) -> String {
    s.map(cell).unwrap_or_default()
}

impl BatchReport {
    /// Every CSV row: the table, the aggregate, the postings one skill away, duplicates, failures.
    pub fn csv_rows(&self) -> Vec<BatchCsvRow> {
        let mut rows = Vec::new();
        for p in &self.postings {
            rows.push(BatchCsvRow {
                section: "posting",
                rank: p.rank,
                score: Some(p.score),
                name: cell(&p.name),
                title: opt_cell(p.title.as_deref()),
                company: opt_cell(p.company.as_deref()),
                url: opt_cell(p.url.as_deref()),
                gaps: cell(&p.gaps.iter().map(|g| g.name.as_str()).collect::<Vec<_>>().join("; ")),
                ..BatchCsvRow::default()
            });
        }
        for (i, s) in self.skills.iter().enumerate() {
            rows.push(BatchCsvRow {
                section: "skill",
                rank: Some(i + 1),
                skill: cell(&s.name),
                gap_in: Some(s.gap_in),
                lifts: Some(s.lifts),
                average_lift: Some(s.average_lift),
                ..BatchCsvRow::default()
            });
        }
        for (i, o) in self.one_skill_away.iter().enumerate() {
            rows.push(BatchCsvRow {
                section: "one_skill_away",
                rank: Some(i + 1),
                score: Some(o.score),
                name: cell(&o.name),
                title: opt_cell(o.title.as_deref()),
                company: opt_cell(o.company.as_deref()),
                skill: cell(&o.skills.iter().map(|s| s.skill.name.as_str()).collect::<Vec<_>>().join("; ")),
                score_with: o.skills.first().map(|s| s.score),
                ..BatchCsvRow::default()
            });
        }
        for d in &self.duplicates {
            rows.push(BatchCsvRow {
                section: "duplicate",
                name: cell(&d.name),
                detail: cell(&d.duplicate_of),
                ..BatchCsvRow::default()
            });
        }
        for f in &self.failures {
            rows.push(BatchCsvRow {
                section: "failure",
                name: cell(&f.name),
                detail: cell(&f.reason),
                ..BatchCsvRow::default()
            });
        }
        rows
    }
}

/// Tenths of a point, as a number with one decimal (integer arithmetic first, so the value is the same however the
/// postings were summed).
pub(super) fn tenths(total: u64, count: usize) -> f64 {
    if count == 0 {
        return 0.0;
    }
    let count = count as u64;
    ((total * 10 + count / 2) / count) as f64 / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tenths_round_half_up() {
        const CASES: &[(u64, usize, f64)] = &[(0, 0, 0.0), (10, 3, 3.3), (20, 3, 6.7), (5, 2, 2.5), (7, 1, 7.0)];
        for &(total, count, expected) in CASES {
            assert_eq!(tenths(total, count), expected, "{total}/{count}");
        }
    }
}
