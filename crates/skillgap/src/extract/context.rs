//! Context scoring for ambiguous aliases: whether "Go", "R", "Excel" or "Lead" is meant as a skill where it
//! stands, from the section, the capitals, list punctuation and the words around it.
//!
//! Each signal is a rule of its own (a named function below), listed once in [`RULES`]; the score is their sum,
//! and a match needs [`CONTEXT_THRESHOLD`] points to count.

use super::automaton::RawMatch;
use crate::span::Span;
use crate::structure::SectionKind;

/// Minimum context evidence for an ambiguous alias to count (see [`context_score`]).
pub(super) const CONTEXT_THRESHOLD: i32 = 2;

/// The word right before an ambiguous alias that shows it is meant as a skill ("using Excel", "strong
/// communication").
const CUES_BEFORE: &[&str] = &[
    "with",
    "using",
    "in",
    "of",
    "advanced",
    "strong",
    "solid",
    "excellent",
    "good",
    "great",
    "clear",
    "effective",
    "written",
    "verbal",
    "proven",
    "including",
    "such",
    "like",
    "use",
    "used",
    "through",
    "via",
    "certified",
    "fluent",
    "native",
    "expert",
    "basic",
    "intermediate",
    "hands-on",
];
/// Words up to three before an ambiguous alias that show a skill is being named ("experience with dbt",
/// "knowledge of Excel").
const CUES_NEAR: &[&str] = &[
    "knowledge",
    "experience",
    "experienced",
    "proficient",
    "proficiency",
    "expertise",
    "skilled",
    "skills",
    "familiarity",
    "exposure",
    "familiar",
    "competency",
    "competence",
    "understanding",
    "background",
    "fluency",
];
/// Words after an ambiguous alias that show it is meant as a skill ("Excel skills", "Go developer").
const CUES_AFTER: &[&str] = &[
    "skills",
    "skill",
    "experience",
    "programming",
    "developer",
    "developers",
    "development",
    "engineer",
    "engineers",
    "language",
    "certification",
    "certified",
    "expert",
    "expertise",
    "proficiency",
    "knowledge",
    "spreadsheets",
    "macros",
    "formulas",
    "dashboards",
    "framework",
    "stack",
    "code",
    "services",
    "speaker",
    "fluency",
    "abilities",
];
/// Words after an alias that show it is a verb or an ordinary word ("excel at", "lead the team", "go to").
const ANTI_AFTER: &[&str] = &[
    "at",
    "to",
    "the",
    "a",
    "an",
    "our",
    "your",
    "their",
    "his",
    "her",
    "beyond",
    "ahead",
    "through",
    "into",
    "up",
    "out",
    "forward",
    "this",
    "that",
    "these",
    "those",
    "it",
    "them",
    "you",
    "we",
    "us",
    "in",
    "by",
    "back",
    // An organisation, not a skill: "the IT department", "Sales team", "Research staff".
    "department",
    "departments",
    "team",
    "teams",
    "staff",
    "professionals",
    "colleagues",
    "organisation",
    "organization",
    "function",
    "leadership",
    // A side or a control of something, not the skill: "on the IT side", "access control", "access controls".
    "side",
    "control",
    "controls",
];
/// Words before an alias that show it is a verb ("you will excel", "ability to lead").
const ANTI_BEFORE: &[&str] = &[
    "to", "will", "can", "could", "must", "should", "would", "you'll", "you", "we", "i", "they", "who", "help",
    "let's", "let", "may", "might", "we'll", "i'll",
];

/// Punctuation that sets a list item off from its neighbours.
const SEPARATORS: &[char] = &[',', ';', '/', '|', '(', ')', '•', '·'];

/// What the context rules look at around one ambiguous match.
#[derive(Debug)]
struct Surroundings<'a> {
    /// The section of the match's line.
    section: SectionKind,
    /// The matched text, as written.
    matched: &'a str,
    /// The first word of its line, bullet or sentence.
    initial: bool,
    /// A separator (or a label's colon) right before it.
    left_sep: bool,
    /// A separator right after it, or nothing after a separator or at the start of a line.
    right_sep: bool,
    /// Up to three words before it on its line, nearest first, lowercased.
    words_before: Vec<String>,
    /// The word right after it on its line, lowercased.
    word_after: String,
    /// Another match in its sentence that needs no context.
    confident_neighbour: bool,
}

impl<'a> Surroundings<'a> {
    /// The surroundings of `raw[i]`, which sits in `line` (of `section`) and `sentence`.
    fn new(text: &'a str, raw: &[RawMatch], i: usize, section: SectionKind, line: Span, sentence: Span) -> Self {
        // `i` always indexes `raw`; were it not, an empty span at the line's start reads as a bare word.
        let m = raw.get(i).map_or(Span::new(line.start, line.start), |r| r.span);
        let left = text[line.start..m.start].trim_end();
        let right = text[m.end..line.end].trim_start();
        let bare_left =
            left.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '*' | '+' | '•' | '·'));
        // First word of its line, bullet or sentence: a capital there says nothing ("Lead negotiations with buyers").
        let initial = bare_left.is_empty() || bare_left.ends_with(['.', '!', '?']);
        let left_sep = bare_left.ends_with(SEPARATORS) || bare_left.ends_with(':');
        // A bullet or line that is nothing but the alias is a list item too.
        let right_sep = right.starts_with(SEPARATORS) || (right.is_empty() && (left_sep || initial));
        let is_word = |c: char| c.is_alphanumeric() || c == '\'' || c == '-';
        let words_before =
            left.rsplit(|c: char| !is_word(c)).filter(|w| !w.is_empty()).take(3).map(str::to_lowercase).collect();
        let word_after = right.split(|c: char| !is_word(c)).next().unwrap_or("").to_lowercase();
        Surroundings {
            section,
            matched: &text[m.range()],
            initial,
            left_sep,
            right_sep,
            words_before,
            word_after,
            confident_neighbour: has_confident_neighbour(raw, i, sentence),
        }
    }

    /// The word right before the match, lowercased ("" at the start of its line).
    fn word_before(&self) -> &str {
        self.words_before.first().map_or("", String::as_str)
    }
}

/// Nouns after which "to" is a preposition: "exposure to Kafka", "a migration to Snowflake".
const NOUNS_BEFORE_TO: &[&str] = &[
    "exposure",
    "exposed",
    "introduction",
    "migration",
    "migrations",
    "transition",
    "access",
    "contributions",
    "contribution",
];

/// One context rule: points for (or against) reading a match as a skill.
type Rule = fn(&Surroundings) -> i32;

/// Every context rule. The score of a match is their sum.
const RULES: &[Rule] = &[
    skills_section,
    capitalised_like_a_name,
    first_item_of_a_list,
    set_off_by_separators,
    cue_word_before,
    cue_word_near,
    verb_word_before,
    cue_word_after,
    verb_word_after,
    confident_neighbour,
];

/// How much the surroundings support reading the ambiguous match `raw[i]` as a skill: the sum of the [`RULES`].
/// [`CONTEXT_THRESHOLD`] points are needed.
pub(super) fn context_score(
    text: &str,
    raw: &[RawMatch],
    i: usize,
    section: SectionKind,
    line: Span,
    sentence: Span,
) -> i32 {
    let surroundings = Surroundings::new(text, raw, i, section, line, sentence);
    RULES.iter().map(|rule| rule(&surroundings)).sum()
}

/// A skills section says that its words are skills: two points.
fn skills_section(s: &Surroundings) -> i32 {
    if s.section == SectionKind::Skills {
        2
    } else {
        0
    }
}

/// Written with capitals like a name ("Excel", "Go", "R"), not as an ordinary lowercase word, and not merely as
/// the first word of a line or sentence: one point. In a list of requirements or skills a capital at the start of
/// a bullet counts too: a capitalised product name is exactly what such a list holds ("- Redshift experience").
fn capitalised_like_a_name(s: &Surroundings) -> i32 {
    let m = s.matched;
    let capitalised = m.chars().any(char::is_uppercase) && !m.chars().all(char::is_uppercase)
        || m.len() <= 3 && m.chars().all(|c| !c.is_lowercase());
    let listing = matches!(s.section, SectionKind::Requirements | SectionKind::Preferred | SectionKind::Skills);
    i32::from(capitalised && (!s.initial || listing))
}

/// The first item of a bullet or line, set off by a separator ("- Go, for our ingestion services") or standing
/// alone ("* Excel"): an item of a list, one point.
fn first_item_of_a_list(s: &Surroundings) -> i32 {
    i32::from(s.initial && s.right_sep)
}

/// A separator on either side ("Tools: Excel, SQL"): one point.
fn set_off_by_separators(s: &Surroundings) -> i32 {
    i32::from(s.left_sep || s.right_sep)
}

/// A word right before that names a skill ("using Excel", "strong communication"): one point.
fn cue_word_before(s: &Surroundings) -> i32 {
    i32::from(!s.left_sep && CUES_BEFORE.contains(&s.word_before()))
}

/// A word up to three before that says a skill is being named ("experience with dbt"): one point.
fn cue_word_near(s: &Surroundings) -> i32 {
    i32::from(!s.left_sep && s.words_before.iter().any(|w| CUES_NEAR.contains(&w.as_str())))
}

/// A word right before that makes it a verb ("you will excel", "ability to lead"): minus two. A "to" after a noun
/// that takes one ("exposure to Kafka", "migration to Snowflake") is a preposition, not a verb's mark.
fn verb_word_before(s: &Surroundings) -> i32 {
    let preposition =
        s.word_before() == "to" && s.words_before.get(1).is_some_and(|w| NOUNS_BEFORE_TO.contains(&w.as_str()));
    if !s.left_sep && !preposition && ANTI_BEFORE.contains(&s.word_before()) {
        -2
    } else {
        0
    }
}

/// A word right after that names a skill ("Excel skills", "Go developer"): one point.
fn cue_word_after(s: &Surroundings) -> i32 {
    i32::from(!s.right_sep && CUES_AFTER.contains(&s.word_after.as_str()))
}

/// A word right after that makes it a verb or an organisation ("excel at", "the IT department"): minus two.
fn verb_word_after(s: &Surroundings) -> i32 {
    if !s.right_sep && ANTI_AFTER.contains(&s.word_after.as_str()) {
        -2
    } else {
        0
    }
}

/// Another confident skill in the same sentence ("Statistics in R, Python and SQL"): one point.
fn confident_neighbour(s: &Surroundings) -> i32 {
    i32::from(s.confident_neighbour)
}

/// Whether another match in `sentence` needs no context. `raw` is in text order: only the matches inside the
/// sentence are looked at (a huge text would make this linear per match otherwise).
fn has_confident_neighbour(raw: &[RawMatch], i: usize, sentence: Span) -> bool {
    let first = raw.partition_point(|other| other.span.start < sentence.start);
    raw.get(first..)
        .unwrap_or_default()
        .iter()
        .take_while(|other| other.span.start < sentence.end)
        .enumerate()
        .any(|(k, other)| first + k != i && !other.ambiguous && other.span.end <= sentence.end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::taxonomy::AliasRef;

    fn raw_match(span: Span, ambiguous: bool) -> RawMatch {
        RawMatch {
            span,
            alias: AliasRef { skill: crate::taxonomy::SkillIdx(0), alias: 0 },
            ambiguous,
            loose: false,
            pattern: crate::extract::automaton::NO_PATTERN,
        }
    }

    struct Case {
        /// One line with the ambiguous match in brackets.
        text: &'static str,
        section: SectionKind,
        expected: i32,
    }

    const fn case(text: &'static str, expected: i32) -> Case {
        Case { text, section: SectionKind::Body, expected }
    }

    /// Runs `rule` on every case, the bracketed match alone in its sentence.
    fn check(rule: Rule, name: &str, cases: &[Case]) {
        for case in cases {
            let start = case.text.find('[').unwrap_or_default();
            let end = case.text.find(']').unwrap_or_default() - 1;
            let text = case.text.replace(['[', ']'], "");
            let raw = [raw_match(Span::new(start, end), true)];
            let line = Span::new(0, text.len());
            let surroundings = Surroundings::new(&text, &raw, 0, case.section, line, line);
            assert_eq!(rule(&surroundings), case.expected, "{name}: {:?}", case.text);
        }
    }

    #[test]
    fn skills_section_rule() {
        check(
            skills_section,
            "skills_section",
            &[
                Case { text: "[Excel]", section: SectionKind::Skills, expected: 2 },
                Case { text: "[Excel]", section: SectionKind::Requirements, expected: 0 },
            ],
        );
    }

    #[test]
    fn capitalised_like_a_name_rule() {
        check(
            capitalised_like_a_name,
            "capitalised_like_a_name",
            &[
                case("Advanced [Excel] skills", 1),
                case("Statistics in [R]", 1),
                case("Support the [IT] team", 1),
                case("You will [excel] here", 0),
                case("[Lead] negotiations", 0),
                case("Done. [Go] home", 0),
                case("Built in [GOLANG] daily", 0),
            ],
        );
    }

    #[test]
    fn first_item_of_a_list_rule() {
        check(
            first_item_of_a_list,
            "first_item_of_a_list",
            &[
                case("- [Go], for our services", 1),
                case("* [Excel]", 1),
                case("[Go] to market", 0),
                case("We use [Go]", 0),
            ],
        );
    }

    #[test]
    fn set_off_by_separators_rule() {
        check(
            set_off_by_separators,
            "set_off_by_separators",
            &[
                case("Tools: [Excel], SQL", 1),
                case("SQL / [R]", 1),
                case("SQL, [R]", 1),
                case("in [R] daily", 0),
                case("[Go] to market", 0),
            ],
        );
    }

    #[test]
    fn cue_word_before_rule() {
        check(
            cue_word_before,
            "cue_word_before",
            &[
                case("using [Excel] daily", 1),
                case("strong [Lead] role", 1),
                case("We [excel]", 0),
                case("with, [Excel]", 0),
            ],
        );
    }

    #[test]
    fn cue_word_near_rule() {
        check(
            cue_word_near,
            "cue_word_near",
            &[
                case("experience with [Go]", 1),
                case("knowledge of advanced [Excel]", 1),
                case("experience of working with [Go]", 0),
                case("experience: [Go]", 0),
            ],
        );
    }

    #[test]
    fn verb_word_before_rule() {
        check(
            verb_word_before,
            "verb_word_before",
            &[
                case("you will [excel] here", -2),
                case("ability to [lead]", -2),
                case("with [Excel]", 0),
                case("to, [Excel]", 0),
            ],
        );
    }

    #[test]
    fn cue_word_after_rule() {
        check(
            cue_word_after,
            "cue_word_after",
            &[
                case("[Excel] skills", 1),
                case("a [Go] developer", 1),
                case("[Excel] at sales", 0),
                case("[Go], skills", 0),
            ],
        );
    }

    #[test]
    fn verb_word_after_rule() {
        check(
            verb_word_after,
            "verb_word_after",
            &[
                case("[excel] at sales", -2),
                case("the [IT] department", -2),
                case("[go] beyond", -2),
                case("[Excel] skills", 0),
                case("[Go], at scale", 0),
            ],
        );
    }

    #[test]
    fn confident_neighbour_rule() {
        struct NeighbourCase {
            name: &'static str,
            /// (span, ambiguous) per match; the first is the one scored.
            matches: &'static [(usize, usize, bool)],
            sentence: (usize, usize),
            expected: bool,
        }
        const CASES: &[NeighbourCase] = &[
            NeighbourCase { name: "alone", matches: &[(0, 2, true)], sentence: (0, 20), expected: false },
            NeighbourCase {
                name: "confident neighbour",
                matches: &[(0, 2, true), (5, 11, false)],
                sentence: (0, 20),
                expected: true,
            },
            NeighbourCase {
                name: "ambiguous neighbour",
                matches: &[(0, 2, true), (5, 7, true)],
                sentence: (0, 20),
                expected: false,
            },
            NeighbourCase {
                name: "neighbour in the next sentence",
                matches: &[(0, 2, true), (25, 31, false)],
                sentence: (0, 20),
                expected: false,
            },
            NeighbourCase {
                name: "neighbour running past the sentence",
                matches: &[(0, 2, true), (18, 24, false)],
                sentence: (0, 20),
                expected: false,
            },
        ];
        for case in CASES {
            let raw: Vec<RawMatch> =
                case.matches.iter().map(|&(s, e, ambiguous)| raw_match(Span::new(s, e), ambiguous)).collect();
            let sentence = Span::new(case.sentence.0, case.sentence.1);
            assert_eq!(has_confident_neighbour(&raw, 0, sentence), case.expected, "{}", case.name);
        }
    }
}
