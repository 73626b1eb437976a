//! Report types: what `compare` and `extract` say, as values. JSON and CSV come from them through serde, and
//! text and Markdown render from the same values, so no format can say something the others do not.

mod compare;
mod csv_rows;
mod extract;

pub use compare::{
    CompareReport, CvEvidence, EvidenceReport, Explain, ExplainRow, FuzzyReading, GapReport, ImportanceRow,
    LearningPathReport, PathStep, Points, SkillRef, SkillReport, SuggestionReport, TargetScoreReport, UnrecognisedLine,
    Weights,
};
pub use csv_rows::{CompareCsvRow, CsvStatus, ExtractCsvRow};
pub use extract::{ExtractReport, ExtractStream, LineIndex, MentionReport, SkillMentions};

use crate::taxonomy::{SkillIdx, Taxonomy};

/// The longest quote of a target's sentence that a report keeps, in characters; renderers shorten it further
/// with [`shorten`].
pub const QUOTE_MAX_CHARS: usize = 400;

/// `family/kind`, the category shown for a skill.
pub fn category(taxonomy: &Taxonomy, skill: SkillIdx) -> String {
    let s = taxonomy.skill(skill);
    format!("{}/{}", s.family, s.kind)
}

/// How long a gap's quote is, in characters: short enough for one or two terminal lines and a table cell.
pub const QUOTE_WINDOW_CHARS: usize = 72;

/// A window of at most about `max` characters of the sentence at `sentence` in `text`, around the mention at
/// `mention`: whitespace folded, a leading bullet dropped, and `…` wherever it is cut. It always contains the whole
/// mention, even when the mention alone is longer than `max`.
pub(crate) fn quote(text: &str, sentence: (usize, usize), mention: (usize, usize), max: usize) -> String {
    let (ms, me) = (mention.0.min(text.len()), mention.1.min(text.len()));
    let (start, end) = (sentence.0.min(ms).min(text.len()), sentence.1.max(me).min(text.len()));
    let Some(raw) = text.get(start..end) else { return String::new() };
    // Words with their byte offsets in `text`; bullets before the first word are dropped.
    let mut words: Vec<(usize, usize, &str)> = Vec::new();
    let mut offset = start;
    for piece in raw.split_inclusive(char::is_whitespace) {
        let word = piece.trim_end();
        let bullet = words.is_empty() && word.chars().all(|c| matches!(c, '-' | '*' | '•'));
        if !word.is_empty() && !bullet {
            words.push((offset, offset + word.len(), word));
        }
        offset += piece.len();
    }
    if words.is_empty() {
        return String::new();
    }
    let first = words.iter().position(|&(_, e, _)| e > ms).unwrap_or(words.len() - 1);
    let last = words.iter().rposition(|&(s, _, _)| s < me).unwrap_or(first).max(first);
    // `a <= b < words.len()` throughout, so the window is never empty.
    let window = |a: usize, b: usize| words.get(a..=b).unwrap_or_default();
    let width =
        |a: usize, b: usize| window(a, b).iter().map(|w| w.2.chars().count() + 1).sum::<usize>().saturating_sub(1);
    let (mut a, mut b) = (first, last);
    // Grow one word at a time, after then before, while the window and its ellipses fit.
    loop {
        let ellipses = usize::from(a > 0) + usize::from(b + 1 < words.len());
        let grown_after = b + 1 < words.len() && width(a, b + 1) + ellipses <= max;
        if grown_after {
            b += 1;
        }
        let ellipses = usize::from(a > 0) + usize::from(b + 1 < words.len());
        let grown_before = a > 0 && width(a - 1, b) + ellipses <= max;
        if grown_before {
            a -= 1;
        }
        if !grown_after && !grown_before {
            break;
        }
    }
    let body: Vec<&str> = window(a, b).iter().map(|w| w.2).collect();
    let mut out = String::new();
    if a > 0 {
        out.push('…');
    }
    out.push_str(&body.join(" "));
    if b + 1 < words.len() {
        out.push('…');
    }
    out
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
        sentence: (usize, usize),
        mention: (usize, usize),
        max: usize,
        expected: &'static str,
    }

    #[test]
    fn quotes_are_windows_around_the_mention() {
        const CASES: &[QuoteCase] = &[
            QuoteCase {
                name: "whitespace folded",
                text: "We use\n  Python  daily.",
                sentence: (0, 99),
                mention: (10, 16),
                max: 40,
                expected: "We use Python daily.",
            },
            QuoteCase {
                name: "bullet dropped",
                text: "- Python and SQL",
                sentence: (0, 16),
                mention: (13, 16),
                max: 40,
                expected: "Python and SQL",
            },
            QuoteCase {
                name: "cut after, the mention first",
                text: "Python, SQL, Terraform and Kubernetes",
                sentence: (0, 37),
                mention: (0, 7),
                max: 20,
                expected: "Python, SQL,…",
            },
            QuoteCase {
                name: "a mention at the end is kept, cut before",
                text: "You will design, build and run pipelines on Kubernetes",
                sentence: (0, 54),
                mention: (44, 54),
                max: 24,
                expected: "…pipelines on Kubernetes",
            },
            QuoteCase {
                name: "cut on both sides",
                text: "one two three four Kafka five six seven eight",
                sentence: (0, 45),
                mention: (19, 24),
                max: 20,
                expected: "…four Kafka five…",
            },
            QuoteCase {
                name: "a mention longer than the window stays whole",
                text: "We want Critical Care Nursing experience",
                sentence: (0, 40),
                mention: (8, 29),
                max: 10,
                expected: "…Critical Care Nursing…",
            },
            QuoteCase {
                name: "span past the end",
                text: "SQL",
                sentence: (1, 50),
                mention: (0, 3),
                max: 10,
                expected: "SQL",
            },
            QuoteCase {
                name: "span inside a character",
                text: "café",
                sentence: (4, 5),
                mention: (4, 5),
                max: 10,
                expected: "",
            },
        ];
        for case in CASES {
            assert_eq!(quote(case.text, case.sentence, case.mention, case.max), case.expected, "{}", case.name);
        }
    }

    #[test]
    fn a_quote_always_holds_its_mention() {
        let text = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu";
        for (i, word) in text.split(' ').enumerate() {
            let start = text.split(' ').take(i).map(|w| w.len() + 1).sum::<usize>();
            for max in [5, 12, 30, 80] {
                let q = quote(text, (0, text.len()), (start, start + word.len()), max);
                assert!(q.contains(word), "{word} in {q:?} (max {max})");
            }
        }
    }
}
