//! Report types: what `compare` and `extract` say, as values. JSON and CSV come from them through serde, and
//! text and Markdown render from the same values, so no format can say something the others do not.

mod compare;
mod csv_rows;
mod extract;

pub use compare::{
    CompareReport, EvidenceReport, FuzzyReading, Points, SkillRef, SkillReport, SuggestionReport, Weights,
};
pub use csv_rows::{CompareCsvRow, CsvStatus, ExtractCsvRow};
pub use extract::{ExtractReport, MentionReport, SkillMentions};

use crate::taxonomy::{SkillIdx, Taxonomy};

/// The longest quote of a target's sentence that a report keeps, in characters; renderers shorten it further
/// with [`shorten`].
pub const QUOTE_MAX_CHARS: usize = 400;

/// `family/kind`, the category shown for a skill.
pub fn category(taxonomy: &Taxonomy, skill: SkillIdx) -> String {
    let s = taxonomy.skill(skill);
    format!("{}/{}", s.family, s.kind)
}

/// The sentence at `span` of `text`, whitespace folded, without a leading bullet, cut to about `max` characters.
fn quote(text: &str, span: (usize, usize), max: usize) -> String {
    let (start, end) = (span.0.min(text.len()), span.1.min(text.len()));
    let Some(raw) = text.get(start..end) else { return String::new() };
    let folded = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    shorten(folded.trim_start_matches(['-', '*', '•', ' ']), max)
}

/// `text` cut at a word boundary to at most `max` characters, with `…` where it was cut.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    let head = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{head}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    struct QuoteCase {
        name: &'static str,
        text: &'static str,
        span: (usize, usize),
        max: usize,
        expected: &'static str,
    }

    #[test]
    fn quotes_fold_and_cut() {
        const CASES: &[QuoteCase] = &[
            QuoteCase {
                name: "whitespace folded",
                text: "We use\n  Python  daily.",
                span: (0, 99),
                max: 40,
                expected: "We use Python daily.",
            },
            QuoteCase {
                name: "bullet dropped",
                text: "- Python and SQL",
                span: (0, 16),
                max: 40,
                expected: "Python and SQL",
            },
            QuoteCase {
                name: "cut at a word",
                text: "Python, SQL, Terraform and Kubernetes",
                span: (0, 37),
                max: 20,
                expected: "Python, SQL,…",
            },
            QuoteCase { name: "span past the end", text: "SQL", span: (1, 50), max: 10, expected: "QL" },
            QuoteCase { name: "span inside a character", text: "café", span: (4, 5), max: 10, expected: "" },
        ];
        for case in CASES {
            assert_eq!(quote(case.text, case.span, case.max), case.expected, "{}", case.name);
        }
    }

    #[test]
    fn shortening_a_quote_equals_quoting_shorter() {
        let text = "word ".repeat(200);
        for max in [10, 60, 80] {
            assert_eq!(
                shorten(&quote(&text, (0, text.len()), QUOTE_MAX_CHARS), max),
                quote(&text, (0, text.len()), max)
            );
        }
    }
}
