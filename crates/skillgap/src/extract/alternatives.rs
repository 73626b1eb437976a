//! Recording either/or groups: skills one sentence offers as alternatives to each other ("Kafka or Kinesis").
//!
//! The extractor only records the groups in the [`Document`](super::Document); whether a skill the CV shows
//! answers a group is decided by [`compare`](crate::compare()).

use super::Alternatives;
use crate::span::Span;
use crate::taxonomy::SkillIdx;

/// A kept mention, as the grouping sees it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Kept {
    /// The mention.
    pub span: Span,
    /// Its sentence.
    pub sentence: Span,
    /// Its skill.
    pub skill: SkillIdx,
}

/// Words that may stand between two alternatives ("Java or Python", "Snowflake (BigQuery also fine)").
const LINK_WORDS: &[&str] = &[
    "or",
    "either",
    "nor",
    "ideally",
    "preferably",
    "e.g",
    "eg",
    "such",
    "as",
    "like",
    "also",
    "fine",
    "similar",
    "equivalent",
    "a",
    "an",
    "another",
    "other",
    "comparable",
    "any",
];
/// Endings that make a list a set of alternatives even without "or" between its items ("Java, Python or
/// similar").
const TAILS: &[&str] = &["or similar", "or equivalent", "or comparable", "or other", "or another", "or any"];

/// Groups of skills a text offers as alternatives: runs of mentions in one sentence joined only by separators
/// and short "or" phrases, where at least one joint says "or" (or `/`), or the run ends in "or similar".
/// `kept` is in text order.
pub(super) fn alternative_groups(text: &str, kept: &[Kept]) -> Vec<Alternatives> {
    let mut groups: Vec<Alternatives> = Vec::new();
    let mut run: Vec<SkillIdx> = Vec::new();
    let mut run_has_or = false;
    for (i, k) in kept.iter().enumerate() {
        if run.is_empty() {
            run.push(k.skill);
            run_has_or = false;
        }
        let next = kept.get(i + 1).filter(|n| n.sentence == k.sentence && n.span.start >= k.span.end);
        let Some(next) = next else {
            let tail_end = k.sentence.end.max(k.span.end).min(text.len());
            let tail = text.get(k.span.end..tail_end).unwrap_or("");
            groups.extend(close_run(&mut run, run_has_or || ends_in_or_similar(tail), k.sentence));
            continue;
        };
        let gap = text.get(k.span.end..next.span.start).unwrap_or("");
        match joint(gap) {
            Some(says_or) => {
                run_has_or |= says_or;
                run.push(next.skill);
            }
            None => {
                groups.extend(close_run(&mut run, run_has_or || ends_in_or_similar(gap), k.sentence));
            }
        }
    }
    groups
}

/// Whether the text between two mentions joins them into one run (only separators and [`LINK_WORDS`]), and if
/// so whether it says "or" (or `/`).
fn joint(gap: &str) -> Option<bool> {
    let gap = gap.to_ascii_lowercase();
    let words: Vec<&str> = gap.split(|c: char| !c.is_alphanumeric() && c != '.').filter(|w| !w.is_empty()).collect();
    let only_links = gap.len() <= 40 && words.iter().all(|w| LINK_WORDS.contains(&w.trim_end_matches('.')));
    let linked =
        only_links && gap.chars().all(|c| c.is_alphanumeric() || matches!(c, ' ' | ',' | '(' | ')' | '/' | '.' | ':'));
    linked.then(|| words.contains(&"or") || gap.contains('/'))
}

/// Whether the text after a run starts with one of the [`TAILS`] ("or similar").
fn ends_in_or_similar(tail: &str) -> bool {
    let tail = tail.trim_start_matches([' ', ',', '(']).to_ascii_lowercase();
    TAILS.iter().any(|t| tail.starts_with(t))
}

/// Ends the current run: a group when it has two distinct skills and is an either/or.
fn close_run(run: &mut Vec<SkillIdx>, either_or: bool, sentence: Span) -> Option<Alternatives> {
    let mut members: Vec<SkillIdx> = Vec::new();
    for &s in run.iter() {
        if !members.contains(&s) {
            members.push(s);
        }
    }
    run.clear();
    (members.len() > 1 && either_or).then_some(Alternatives { skills: members, sentence })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joints() {
        const CASES: &[(&str, Option<bool>)] = &[
            (" or ", Some(true)),
            (", ", Some(false)),
            ("/", Some(true)),
            (" (", Some(false)),
            (", or ideally ", Some(true)),
            (" and ", None),
            (" for our ", None),
            (" - ", None),
        ];
        for &(gap, expected) in CASES {
            assert_eq!(joint(gap), expected, "{gap:?}");
        }
    }

    #[test]
    fn tails() {
        const CASES: &[(&str, bool)] = &[
            (" or similar.", true),
            (", or equivalent", true),
            (" (or comparable)", true),
            (" and more", false),
            ("", false),
        ];
        for &(tail, expected) in CASES {
            assert_eq!(ends_in_or_similar(tail), expected, "{tail:?}");
        }
    }
}
